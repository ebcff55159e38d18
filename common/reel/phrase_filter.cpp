#include "reel/phrase_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "reel/errors.hpp"
#include "reel/schema.hpp"
#include "reel/stored_review.hpp"
#include "reel/unicode.hpp"
#include "reel/word_sequence.hpp"

namespace reel {

namespace {

// Matches the reviews whose body has the words in the pattern's order and window. It walks the
// intersection of the words' posting lists itself (Xapian may drive an AND with it), and checks a
// review only when asked about it, so an AND led by a rarer word costs one check per candidate.
class BodyPhraseSource : public Xapian::PostingSource {
  public:
    BodyPhraseSource(std::vector<std::string> words, Xapian::termcount window, bool ordered,
                     std::shared_ptr<const SharedHashes> shared)
        : words_(std::move(words)), window_(window), ordered_(ordered), shared_(std::move(shared)) {
        pattern_.window = window_;
        pattern_.ordered = ordered_;
        for (const std::string& w : words_) {
            pattern_.hashes.push_back(word_hash(w));
            if (shared_ && shared_->count(pattern_.hashes.back())) exact_words_ = true;
        }
    }

    void init(const Xapian::Database& db) override {
        db_ = db;
        lists_.clear();
        termfreq_ = db.get_doccount();
        for (const std::string& w : words_) {
            lists_.push_back(db.postlist_begin(w));
            termfreq_ = std::min(termfreq_, db.get_termfreq(w));
        }
        sequences_ = db.valuestream_begin(schema::kWordsSlot);
        current_ = 0;
        matched_ = true;
        ended_ = termfreq_ == 0;
    }

    Xapian::doccount get_termfreq_min() const override { return 0; }
    // As frequent as its rarest word, so that an AND is led by that word's posting list.
    Xapian::doccount get_termfreq_est() const override { return termfreq_; }
    Xapian::doccount get_termfreq_max() const override { return termfreq_; }

    Xapian::docid get_docid() const override { return current_; }
    bool at_end() const override { return ended_; }

    void next(double) override {
        if (!ended_) find_from(current_ + 1);
    }

    void skip_to(Xapian::docid did, double) override {
        if (ended_) return;
        if (did > current_) {
            find_from(did);
        } else if (!matched_) {
            find_from(current_ + 1);  // after a failed check(): move on to a real match
        }
    }

    bool check(Xapian::docid did, double min_wt) override {
        if (ended_) return true;
        if (did <= current_) {
            if (did == current_ && !matched_) return false;
            skip_to(did, min_wt);
            return true;
        }
        Xapian::docid candidate = align(did);
        if (ended_) return true;
        current_ = did;
        // Not a match leaves an "indeterminate" position: next() and skip_to() go on after did.
        matched_ = candidate == did && verify(did);
        return matched_;
    }

    Xapian::PostingSource* clone() const override {
        return new BodyPhraseSource(words_, window_, ordered_, shared_);
    }
    std::string name() const override { return "reel::BodyPhraseSource"; }
    std::string get_description() const override {
        return fmt::format("reel::BodyPhraseSource({}, window {}, {})", fmt::join(words_, " "),
                           window_, ordered_ ? "ordered" : "any order");
    }

  private:
    // The first document >= did holding every word, or 0 with ended_ set.
    Xapian::docid align(Xapian::docid did) {
        Xapian::docid target = did;
        for (std::size_t i = 0; i < lists_.size();) {
            Xapian::PostingIterator& list = lists_[i];
            list.skip_to(target);
            if (list == db_.postlist_end(words_[i])) {
                ended_ = true;
                return 0;
            }
            if (*list > target) {
                target = *list;
                i = 0;
                continue;
            }
            ++i;
        }
        return target;
    }

    void find_from(Xapian::docid did) {
        while (true) {
            Xapian::docid candidate = align(did);
            if (ended_) return;
            if (verify(candidate)) {
                current_ = candidate;
                matched_ = true;
                return;
            }
            did = candidate + 1;
        }
    }

    bool verify(Xapian::docid did) {
        if (exact_words_) return verify_words(did);
        // Documents come in increasing order: once past the last sequence, none is left (and
        // an iterator at its end must not be moved).
        const Xapian::ValueIterator end = db_.valuestream_end(schema::kWordsSlot);
        if (sequences_ == end) return false;
        sequences_.skip_to(did);
        if (sequences_ == end || sequences_.get_docid() != did) return false;
        return sequence_matches(*sequences_, pattern_);
    }

    // A word of the phrase shares its hash with another word: compare the words themselves.
    bool verify_words(Xapian::docid did) {
        StoredReview stored;
        try {
            stored = decode_document_data(db_.get_document(did).get_data());
        } catch (const InputError&) {
            return false;
        }
        if (!body_) body_ = std::make_unique<BodyIndexer>();
        return words_match(body_->words(fold(stored.review.text)), words_, window_, ordered_);
    }

    std::vector<std::string> words_;
    Xapian::termcount window_;
    bool ordered_;
    std::shared_ptr<const SharedHashes> shared_;
    WordPattern pattern_;
    bool exact_words_ = false;

    Xapian::Database db_;
    std::vector<Xapian::PostingIterator> lists_;
    Xapian::ValueIterator sequences_;
    std::unique_ptr<BodyIndexer> body_;
    Xapian::doccount termfreq_ = 0;
    Xapian::docid current_ = 0;
    bool matched_ = true;  // false: current_ is a document check() turned down
    bool ended_ = false;
};

// The window Xapian prints for a PHRASE or NEAR node: "Query((a@1 PHRASE 2 b@2))".
Xapian::termcount window_of(const Xapian::Query& q, std::string_view op) {
    std::string d = q.get_description();
    std::string marker = fmt::format(" {} ", op);
    auto fallback = static_cast<Xapian::termcount>(q.get_num_subqueries());
    std::size_t at = d.find(marker);
    if (at == std::string::npos) return fallback;
    Xapian::termcount window = 0;
    const char* first = d.data() + at + marker.size();
    auto [end, ec] = std::from_chars(first, d.data() + d.size(), window);
    return ec == std::errc() && end != first ? window : fallback;
}

bool body_words_of(const Xapian::Query& q, std::vector<std::string>& words) {
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM) return false;
        auto t = sub.get_terms_begin();
        if (t == sub.get_terms_end() || !is_body_term(*t)) return false;
        words.push_back(*t);
    }
    return !words.empty();
}

bool rebuildable(Xapian::Query::op op) {
    switch (op) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool has_body_phrases(const Xapian::Query& q) {
    auto op = q.get_type();
    std::vector<std::string> words;
    if ((op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) && body_words_of(q, words))
        return true;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        if (has_body_phrases(q.get_subquery(i))) return true;
    }
    return false;
}

namespace {

// The query with its body phrases rewritten, or nothing when it holds none (left as it is).
std::optional<Xapian::Query> rewrite(const Xapian::Query& query,
                                     const std::shared_ptr<const SharedHashes>& shared) {
    auto op = query.get_type();
    std::vector<std::string> words;
    if ((op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) &&
        body_words_of(query, words)) {
        bool ordered = op == Xapian::Query::OP_PHRASE;
        Xapian::termcount window = window_of(query, ordered ? "PHRASE" : "NEAR");
        std::vector<Xapian::Query> subs;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            subs.push_back(query.get_subquery(i));
        Xapian::Query all(Xapian::Query::OP_AND, subs.begin(), subs.end());
        auto* source = new BodyPhraseSource(std::move(words), window, ordered, shared);
        return Xapian::Query(Xapian::Query::OP_FILTER, all, Xapian::Query(source->release()));
    }
    std::vector<Xapian::Query> subs;
    bool changed = false;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        Xapian::Query sub = query.get_subquery(i);
        std::optional<Xapian::Query> mended = rewrite(sub, shared);
        changed |= mended.has_value();
        subs.push_back(mended ? *mended : sub);
    }
    if (!changed) return std::nullopt;
    if (!rebuildable(op)) {
        // The query parser does not put phrases under other operators.
        throw UsageError(
            fmt::format("reel cannot run a phrase inside {}", query.get_description()));
    }
    return Xapian::Query(op, subs.begin(), subs.end());
}

}  // namespace

Xapian::Query check_body_phrases(const Xapian::Query& query,
                                 std::shared_ptr<const SharedHashes> shared) {
    // One walk: has_body_phrases at every level would walk each subtree again.
    std::optional<Xapian::Query> mended = rewrite(query, shared);
    return mended ? *mended : query;
}

}  // namespace reel
