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

// Matches the reviews that hold, for every one of its groups, one of the group's terms, and
// pass verify(). It walks the intersection of the groups' posting lists itself (Xapian may
// drive an AND with it), and checks a review only when asked about it, so an AND led by a rarer
// term costs one check per candidate.
class CheckedAndSource : public Xapian::PostingSource {
  public:
    using Groups = std::vector<std::vector<std::string>>;

    explicit CheckedAndSource(Groups groups) : groups_(std::move(groups)) {}

    void init(const Xapian::Database& db) override {
        db_ = db;
        lists_.clear();
        group_starts_.clear();
        termfreq_ = db.get_doccount();
        for (const auto& group : groups_) {
            group_starts_.push_back(lists_.size());
            Xapian::doccount in_group = 0;
            for (const std::string& t : group) {
                lists_.push_back(db.postlist_begin(t));
                in_group += db.get_termfreq(t);
            }
            termfreq_ = std::min(termfreq_, in_group);
        }
        group_starts_.push_back(lists_.size());
        start(db);
        current_ = 0;
        matched_ = true;
        ended_ = termfreq_ == 0;
    }

    Xapian::doccount get_termfreq_min() const override { return 0; }
    // As frequent as its rarest group, so that an AND is led by that group's posting lists.
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

  protected:
    // Called by init(), before any verify().
    virtual void start(const Xapian::Database& db) = 0;
    // Whether a document holding every group matches; documents come in increasing order.
    virtual bool verify(Xapian::docid did) = 0;

    const Groups& groups() const { return groups_; }
    const Xapian::Database& db() const { return db_; }

  private:
    // The first document >= did that one of group g's lists holds, or 0 when none is left.
    Xapian::docid group_skip(std::size_t g, Xapian::docid did) {
        Xapian::docid best = 0;
        for (std::size_t k = group_starts_[g]; k < group_starts_[g + 1]; ++k) {
            Xapian::PostingIterator& list = lists_[k];
            if (list == Xapian::PostingIterator()) continue;  // an ended list
            list.skip_to(did);
            if (list != Xapian::PostingIterator() && (best == 0 || *list < best)) best = *list;
        }
        return best;
    }

    // The first document >= did holding every group, or 0 with ended_ set.
    Xapian::docid align(Xapian::docid did) {
        Xapian::docid target = did;
        for (std::size_t g = 0; g < groups_.size();) {
            Xapian::docid at = group_skip(g, target);
            if (at == 0) {
                ended_ = true;
                return 0;
            }
            if (at > target) {
                target = at;
                g = 0;
                continue;
            }
            ++g;
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

    Groups groups_;
    Xapian::Database db_;
    std::vector<Xapian::PostingIterator> lists_;  // the groups' lists, one group after another
    std::vector<std::size_t> group_starts_;       // where each group's lists start, then the end
    Xapian::doccount termfreq_ = 0;
    Xapian::docid current_ = 0;
    bool matched_ = true;  // false: current_ is a document check() turned down
    bool ended_ = false;
};

// Each word of a body phrase, or its possessive (possessive_of).
CheckedAndSource::Groups word_or_possessive(const std::vector<std::string>& words) {
    CheckedAndSource::Groups groups;
    for (const std::string& w : words) {
        groups.push_back({w});
        if (std::string possessive = possessive_of(w); !possessive.empty())
            groups.back().push_back(std::move(possessive));
    }
    return groups;
}

// Body words in the pattern's order and window, checked against each review's word sequence.
class BodyPhraseSource : public CheckedAndSource {
  public:
    BodyPhraseSource(std::vector<std::string> words, Xapian::termcount window, bool ordered,
                     std::shared_ptr<const SharedHashes> shared)
        : CheckedAndSource(word_or_possessive(words)),
          words_(std::move(words)),
          window_(window),
          ordered_(ordered),
          shared_(std::move(shared)),
          pattern_(word_pattern(words_, window_, ordered_)) {
        for (const auto& hashes : {pattern_.hashes, pattern_.possessives}) {
            for (std::uint32_t h : hashes) {
                if (shared_ && shared_->count(h)) exact_words_ = true;
            }
        }
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
    void start(const Xapian::Database& db) override {
        sequences_ = db.valuestream_begin(schema::kWordsSlot);
        // A possessive no review writes could still share its hash with a word one does, which
        // shared_ (words of the database) cannot tell: it is left out of the check.
        for (std::size_t k = 0; k < words_.size(); ++k) {
            const std::vector<std::string>& forms = groups()[k];  // the word, its possessive
            bool written = forms.size() > 1 && db.get_termfreq(forms[1]) > 0;
            pattern_.possessives[k] = written ? word_hash(forms[1]) : 0;
        }
    }

    bool verify(Xapian::docid did) override {
        if (exact_words_) return verify_words(did);
        // Documents come in increasing order: once past the last sequence, none is left (and
        // an iterator at its end must not be moved).
        const Xapian::ValueIterator end = db().valuestream_end(schema::kWordsSlot);
        if (sequences_ == end) return false;
        sequences_.skip_to(did);
        if (sequences_ == end || sequences_.get_docid() != did) return false;
        return sequence_matches(*sequences_, pattern_);
    }

    // A word of the phrase shares its hash with another word: compare the words themselves.
    bool verify_words(Xapian::docid did) {
        StoredReview stored;
        try {
            stored = decode_document_data(db().get_document(did).get_data());
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
    Xapian::ValueIterator sequences_;
    std::unique_ptr<BodyIndexer> body_;
};

// Entity words in a row within one name of a review: its key or a spelling, as the entity slot
// lists them (schema.hpp).
class EntityPhraseSource : public CheckedAndSource {
  public:
    EntityPhraseSource(Groups terms, std::vector<std::string> words, Xapian::valueno slot)
        : CheckedAndSource(std::move(terms)), words_(std::move(words)), slot_(slot) {}

    Xapian::PostingSource* clone() const override {
        return new EntityPhraseSource(groups(), words_, slot_);
    }
    std::string name() const override { return "reel::EntityPhraseSource"; }
    std::string get_description() const override {
        return fmt::format("reel::EntityPhraseSource({}, slot {})", fmt::join(words_, " "), slot_);
    }

  private:
    void start(const Xapian::Database& db) override { names_ = db.valuestream_begin(slot_); }

    bool verify(Xapian::docid did) override {
        const Xapian::ValueIterator end = db().valuestream_end(slot_);
        if (names_ == end) return false;
        names_.skip_to(did);
        if (names_ == end || names_.get_docid() != did) return false;
        return names_hold(*names_, words_, slot_ == schema::kPeopleSlot);
    }

    std::vector<std::string> words_;
    Xapian::valueno slot_;
    Xapian::ValueIterator names_;
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

std::vector<Xapian::Query> possessive_phrases(const Xapian::Query& query) {
    std::vector<Xapian::Query> out;
    auto op = query.get_type();
    std::vector<std::string> words;
    if ((op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) &&
        body_words_of(query, words)) {
        Xapian::termcount window =
            window_of(query, op == Xapian::Query::OP_PHRASE ? "PHRASE" : "NEAR");
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::string possessive = possessive_of(words[i]);
            if (possessive.empty()) continue;
            std::vector<std::string> variant = words;
            variant[i] = std::move(possessive);
            out.emplace_back(op, variant.begin(), variant.end(), window);
        }
        return out;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        std::vector<Xapian::Query> sub = possessive_phrases(query.get_subquery(i));
        out.insert(out.end(), sub.begin(), sub.end());
    }
    return out;
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
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            subs.push_back(query.get_subquery(i));
            if (std::string possessive = possessive_of(words[i]); !possessive.empty())
                subs.back() = Xapian::Query(Xapian::Query::OP_SYNONYM, subs.back(),
                                            Xapian::Query(possessive));
        }
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

// Whether `words` follow one another, whole, from byte `at` of a name (words apart by spaces),
// or with initials the words leave out between them when `skip_initials`.
bool words_at(std::string_view name, std::size_t at, const std::vector<std::string>& words,
              bool skip_initials) {
    auto skip_spaces = [&] {
        while (at < name.size() && name[at] == ' ') ++at;
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (k > 0) {
            if (at >= name.size() || name[at] != ' ') return false;
            skip_spaces();
            // person:"michael fox" is Michael J. Fox: a key keeps an initial as a word of one
            // letter.
            while (skip_initials && at + 1 < name.size() && name[at + 1] == ' ' &&
                   name.substr(at, words[k].size() + 1) != words[k] + ' ') {
                ++at;
                skip_spaces();
            }
        }
        const std::string& w = words[k];
        if (w.empty() || name.substr(at, w.size()) != w) return false;
        at += w.size();
        if (at < name.size() && name[at] != ' ') return false;  // "hal" of "hall"
    }
    return true;
}

bool name_holds(std::string_view name, const std::vector<std::string>& words, bool skip_initials) {
    for (std::size_t at = 0; at < name.size();) {
        if (name[at] == ' ') {
            ++at;
            continue;
        }
        if (words_at(name, at, words, skip_initials)) return true;
        at = name.find(' ', at);
        if (at == std::string_view::npos) break;
    }
    return false;
}

}  // namespace

bool names_hold(std::string_view names, const std::vector<std::string>& words, bool skip_initials) {
    if (words.empty()) return false;
    // A one-word person: query checks every review whose text has the word: most of those
    // names lack it anywhere, which one substring search tells before any name is split.
    for (const std::string& w : words) {
        if (names.find(w) == std::string_view::npos) return false;
    }
    for (std::size_t start = 0; start <= names.size();) {
        std::size_t end = start;
        while (end < names.size() && names[end] != '\n' && names[end] != '\t') ++end;
        if (name_holds(names.substr(start, end - start), words, skip_initials)) return true;
        start = end + 1;
    }
    return false;
}

Xapian::Query entity_phrase(const std::vector<std::string>& words, std::string_view prefix,
                            Xapian::valueno slot) {
    CheckedAndSource::Groups groups;
    std::vector<Xapian::Query> subs;
    for (const std::string& w : words) {
        std::string term = schema::term(prefix, w);
        groups.push_back({w, term});
        // One term for ranking: the review's use of the word, wherever it is indexed.
        Xapian::Query either[] = {Xapian::Query(w), Xapian::Query(term)};
        subs.emplace_back(Xapian::Query::OP_SYNONYM, std::begin(either), std::end(either));
    }
    Xapian::Query all(Xapian::Query::OP_AND, subs.begin(), subs.end());
    auto* source = new EntityPhraseSource(std::move(groups), words, slot);
    return Xapian::Query(Xapian::Query::OP_FILTER, all, Xapian::Query(source->release()));
}

Xapian::Query check_body_phrases(const Xapian::Query& query,
                                 std::shared_ptr<const SharedHashes> shared) {
    // One walk: has_body_phrases at every level would walk each subtree again.
    std::optional<Xapian::Query> mended = rewrite(query, shared);
    return mended ? *mended : query;
}

}  // namespace reel
