#include "reel/word_sequence.hpp"

#include <algorithm>

#include "reel/unicode.hpp"

namespace reel {

namespace {

// 0 marks a position no word holds.
constexpr std::uint32_t kNoWord = 0;

std::uint32_t load(std::string_view encoded, std::size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(encoded.data()) + 4 * i;
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}

void store(std::string& encoded, std::size_t i, std::uint32_t h) {
    for (int b = 0; b < 4; ++b) encoded[4 * i + b] = static_cast<char>((h >> (8 * b)) & 0xff);
}

// How the item at a position stands for a word of a pattern.
enum Match : int { kNone = 0, kPossessive = 1, kExact = 2 };

// One matcher over any sequence (hashes of the stored sequence, or words): is(pos, k) tells
// whether the item at `pos` is the pattern's word k (of n), or its possessive.
template <typename Is>
bool matches(std::size_t length, Is is, std::size_t n, Xapian::termcount window, bool ordered) {
    if (n == 0) return false;
    if (window < n) window = static_cast<Xapian::termcount>(n);
    if (ordered) {
        for (std::size_t first = 0; first + n <= length; ++first) {
            if (!is(first, 0)) continue;
            // Taking each next word at its earliest position leaves the most room for the rest.
            std::size_t pos = first, k = 1;
            for (; k < n; ++k) {
                std::size_t next = pos + 1;
                while (next < length && next - first < window && !is(next, k)) ++next;
                if (next >= length || next - first >= window) break;
                pos = next;
            }
            if (k == n) return true;
        }
        return false;
    }
    // NEAR: every word of the pattern (as often as it is repeated there) within one window.
    std::vector<bool> used(n);
    for (std::size_t first = 0; first < length; ++first) {
        bool any = false;
        for (std::size_t k = 0; k < n && !any; ++k) any = is(first, k) != kNone;
        if (!any) continue;
        std::fill(used.begin(), used.end(), false);
        std::size_t found = 0;
        for (std::size_t p = first; p < length && p - first < window && found < n; ++p) {
            // A word is taken as itself before as another's possessive: "york NEAR york's"
            // must not spend "york's" on "york".
            std::size_t best = n;
            for (std::size_t k = 0; k < n; ++k) {
                if (used[k]) continue;
                Match m = is(p, k);
                if (m == kExact) {
                    best = k;
                    break;
                }
                if (m == kPossessive && best == n) best = k;
            }
            if (best < n) {
                used[best] = true;
                ++found;
            }
        }
        if (found == n) return true;
    }
    return false;
}

// Text in a script written without spaces (unicode.hpp) is indexed as Xapian's CJK n-grams,
// so that a word inside a run of Chinese or Japanese is found: the run itself is no word anyone
// types. Only the single characters get positions, while the stopper would hear the pairs
// among them: the word sequence of such a text is read back from the positions instead.
Xapian::TermGenerator ngram_generator() {
    Xapian::TermGenerator g;
    g.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    g.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    return g;
}

// Each character of such a text is a term and so is each pair: a long run of unrelated
// characters (random text, a binary file read as UTF-16) makes millions of distinct terms: 9 MB
// of it took 24 s and 1.4 GB (9 MB of random English words: 6.5 s, 370 MB), 1 MiB 2 s and 200
// MB. No review is near this size; a longer text is indexed a run at a time, as before.
constexpr std::size_t kMaxNgramText = 1 << 20;

bool takes_ngrams(std::string_view folded_text) {
    return folded_text.size() <= kMaxNgramText && has_unspaced_script(folded_text);
}

}  // namespace

std::uint32_t word_hash(std::string_view term) {
    // FNV-1a: stored in every database, so it must never change.
    std::uint32_t h = 2166136261u;
    for (unsigned char c : term) {
        h ^= c;
        h *= 16777619u;
    }
    return h == kNoWord ? 1 : h;
}

bool is_body_term(std::string_view term) {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

BodyIndexer::BodyIndexer() {
    termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    termgen_.set_stopper(&recorder_);
    termgen_.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
}

bool BodyIndexer::Recorder::operator()(const std::string& word) const {
    if (words) {
        words->push_back(word);
    } else {
        std::uint32_t h = word_hash(word);
        encoded.resize(encoded.size() + 4);
        store(encoded, encoded.size() / 4 - 1, h);
    }
    return false;
}

std::string BodyIndexer::index(const std::string& folded_text, Xapian::Document& doc) {
    if (takes_ngrams(folded_text)) return index_with_positions(folded_text, doc);
    recorder_.encoded.clear();
    termgen_.set_document(doc);
    termgen_.index_text_without_positions(folded_text);
    // Let go of `doc`: it goes to the writer thread, and Xapian 1.4 counts a document's
    // handles without atomics (DocumentBuilder::build says more).
    termgen_.set_document(no_document_);
    return std::move(recorder_.encoded);
}

std::string BodyIndexer::index_with_positions(const std::string& folded_text,
                                              Xapian::Document& doc) {
    Xapian::TermGenerator positional = ngram_generator();
    positional.set_document(doc);
    positional.index_text(folded_text);
    Xapian::termpos last = positional.get_termpos();
    std::string encoded(4 * last, '\0');
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& term = *it;
        if (!is_body_term(term)) continue;
        std::uint32_t h = word_hash(term);
        for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos)
            store(encoded, *pos - 1, h);
        doc.remove_postings(term, 1, last, 0);
    }
    return encoded;
}

std::vector<std::string> BodyIndexer::words(const std::string& folded_text) {
    std::vector<std::string> out;
    Xapian::Document scratch;
    if (takes_ngrams(folded_text)) {
        Xapian::TermGenerator positional = ngram_generator();
        positional.set_document(scratch);
        positional.index_text(folded_text);
        for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
            for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
                if (out.size() < *pos) out.resize(*pos);
                out[*pos - 1] = *it;
            }
        }
        return out;
    }
    recorder_.words = &out;
    termgen_.set_document(scratch);
    termgen_.index_text_without_positions(folded_text);
    termgen_.set_document(no_document_);
    recorder_.words = nullptr;
    return out;
}

std::string possessive_of(std::string_view word) {
    // Contractions, not possessives: "let go" must not find "Let's go", nor "that all"
    // "That's all".
    static constexpr std::string_view kContracted[] = {"it",    "that", "let",  "he",  "she",
                                                       "there", "here", "what", "who", "where",
                                                       "how",   "when", "why",  "this"};
    // Xapian's words keep an apostrophe only between letters: "the Coens'" is "coens" already.
    if (word.empty() || word.ends_with("'s") ||
        std::find(std::begin(kContracted), std::end(kContracted), word) != std::end(kContracted))
        return {};
    return std::string(word) + "'s";
}

std::string_view after_elision(std::string_view word) {
    // Not c', m' or s', which English uses too ("C'mon", "m'lady", "s'mores"); and a word of
    // three letters at least ("D'oh").
    static constexpr std::string_view kElided[] = {
        "l'",      "d'",    "j'",   "n'",    "t'",    "qu'",   "jusqu'", "lorsqu'",
        "puisqu'", "dell'", "all'", "dall'", "nell'", "sull'", "un'",    "quest'"};
    std::size_t apostrophe = word.find('\'');
    if (apostrophe == std::string_view::npos || word.size() - apostrophe < 4) return {};
    std::string_view lead = word.substr(0, apostrophe + 1);
    if (std::find(std::begin(kElided), std::end(kElided), lead) == std::end(kElided)) return {};
    std::string_view rest = word.substr(apostrophe + 1);
    return rest.find('\'') == std::string_view::npos ? rest : std::string_view{};
}

WordPattern word_pattern(const std::vector<std::string>& words, Xapian::termcount window,
                         bool ordered) {
    WordPattern p;
    p.window = window;
    p.ordered = ordered;
    for (const std::string& w : words) {
        p.hashes.push_back(word_hash(w));
        std::string possessive = possessive_of(w);
        p.possessives.push_back(possessive.empty() ? kNoWord : word_hash(possessive));
    }
    return p;
}

bool sequence_matches(std::string_view encoded, const WordPattern& pattern) {
    const std::size_t n = pattern.hashes.size();
    auto is = [&](std::size_t i, std::size_t k) {
        std::uint32_t h = load(encoded, i);
        if (h == pattern.hashes[k]) return kExact;
        bool possessive =
            k < pattern.possessives.size() && h == pattern.possessives[k] && h != kNoWord;
        return possessive ? kPossessive : kNone;
    };
    return matches(encoded.size() / 4, is, n, pattern.window, pattern.ordered);
}

bool words_match(const std::vector<std::string>& words, const std::vector<std::string>& pattern,
                 Xapian::termcount window, bool ordered) {
    std::vector<std::string> possessives;
    for (const std::string& w : pattern) possessives.push_back(possessive_of(w));
    auto is = [&](std::size_t i, std::size_t k) {
        if (words[i] == pattern[k]) return kExact;
        return !possessives[k].empty() && words[i] == possessives[k] ? kPossessive : kNone;
    };
    return matches(words.size(), is, pattern.size(), window, ordered);
}

std::string find_shared_hashes(const Xapian::Database& db) {
    std::vector<std::uint32_t> hashes;
    auto it = db.allterms_begin();
    while (it != db.allterms_end()) {
        const std::string& term = *it;
        if (!is_body_term(term)) {
            it.skip_to("[");  // past the field prefixes A-Z
            continue;
        }
        hashes.push_back(word_hash(term));
        ++it;
    }
    std::sort(hashes.begin(), hashes.end());
    std::string out;
    for (std::size_t i = 1; i < hashes.size(); ++i) {
        if (hashes[i] == hashes[i - 1] &&
            (out.empty() || load(out, out.size() / 4 - 1) != hashes[i])) {
            out.resize(out.size() + 4);
            store(out, out.size() / 4 - 1, hashes[i]);
        }
    }
    return out;
}

std::unordered_set<std::uint32_t> decode_shared_hashes(std::string_view stored) {
    std::unordered_set<std::uint32_t> out;
    for (std::size_t i = 0; i < stored.size() / 4; ++i) out.insert(load(stored, i));
    return out;
}

}  // namespace reel
