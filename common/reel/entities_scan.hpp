// What the person and title finders share about one review: its tokens, lookups on them, and
// the outside knowledge (corpus evidence, catalogue) that is available.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reel/catalog.hpp"
#include "reel/entities_cues.hpp"
#include "reel/entities_evidence.hpp"
#include "reel/entities_lexicon.hpp"
#include "reel/entities_tokens.hpp"
#include "reel/entities_wordmap.hpp"

namespace reel::entities {

// What a token turned out to be part of; later finders skip tokens already claimed.
// Other: a quoted song, line or book title, which is neither a film nor a person.
enum class Claim : std::uint8_t { None, Title, Person, Character, Other };

// An entity found in the review, before it becomes a reel::Entity.
struct Mention {
    std::string name;  // display form
    std::string key;
    std::vector<std::string> forms;  // every surface form seen, first one first
    std::uint32_t first_pos = 0;     // byte offset of the first mention, for ordering
    // How much this sighting counts as corpus evidence: 0 none, 1 accepted, 2 beyond doubt.
    std::uint32_t weight = 0;
    void add_form(std::string form);
};

// A review's mentions of one kind, unique by key, in the order found. Reviews name a handful,
// so a search by key walks the list; a long list gets an index instead, or a review naming tens
// of thousands of people or titles would take quadratic time.
class Mentions {
  public:
    Mention* find(std::string_view key);
    const Mention* find(std::string_view key) const {
        return const_cast<Mentions*>(this)->find(key);
    }
    // The key must be new (find() it first).
    Mention& push_back(Mention m);
    // Drops the mentions flagged in `drop` (one flag per mention), keeping the order.
    void erase(const std::vector<bool>& drop);
    std::vector<Mention> release() && { return std::move(list_); }

    std::size_t size() const { return list_.size(); }
    bool empty() const { return list_.empty(); }
    Mention& operator[](std::size_t i) { return list_[i]; }
    const Mention& operator[](std::size_t i) const { return list_[i]; }
    auto begin() { return list_.begin(); }
    auto end() { return list_.end(); }
    auto begin() const { return list_.begin(); }
    auto end() const { return list_.end(); }

  private:
    static constexpr std::size_t kIndexFrom = 16;
    void index(std::size_t from);

    std::vector<Mention> list_;
    std::optional<WordMap<std::uint32_t>> index_;  // key to position + 1, once the list is long
};

class Scan {
  public:
    Scan(std::string_view text, const std::vector<TextSpan>& emphasis, const EntityEvidence* corpus,
         const Catalog* catalog, std::string_view review_film);

    std::string_view text;
    std::vector<Token> toks;
    const Lexicon& lx;
    const EntityEvidence* corpus;                                 // null while observing
    std::shared_ptr<const EntityEvidence::Indexes> corpus_index;  // set with corpus
    const Catalog* catalog;
    const CatalogFilm* film = nullptr;  // the film under review, when the catalogue has it
    std::string film_key;               // film_key of the review's metadata film
    std::vector<Claim> claims;          // one per token

    std::size_t size() const { return n_; }
    const Token& operator[](std::size_t i) const { return toks[i]; }
    std::string_view raw(std::size_t i) const { return toks[i].text(text); }
    // Folded (lower-case, accent-free) text of a word token; computed once.
    std::string_view folded(std::size_t i) const;
    // Whether token i is a word equal to `lower` ignoring ASCII case.
    bool is(std::size_t i, std::string_view lower) const {
        return i < n_ && toks[i].kind == TokKind::Word && word_is(toks[i], lower);
    }
    bool is_any(std::size_t i, std::initializer_list<std::string_view> lower) const {
        if (i >= n_ || toks[i].kind != TokKind::Word) return false;
        for (auto w : lower) {
            if (word_is(toks[i], w)) return true;
        }
        return false;
    }
    // The lexicon bits (LexBit) of word i's folded form.
    std::uint16_t lex(std::size_t i) const {
        std::uint16_t bits = memo_[i].lex;
        return bits != kLexUnknown ? bits : lex_lookup(i);
    }
    bool lex_is(std::size_t i, std::uint16_t bits) const { return (lex(i) & bits) != 0; }
    // The cue bits (entities_cues.hpp) of word i, read case-insensitively; 0 for other tokens.
    std::uint32_t cues(std::size_t i) const {
        std::uint32_t bits = memo_[i].cues;
        return bits != kCuesUnknown ? bits : cues_lookup(i);
    }
    bool cue(std::size_t i, std::uint32_t bits) const { return i < n_ && (cues(i) & bits) != 0; }
    // A lower-case word (not capitalised, not a number).
    bool lower_word(std::size_t i) const {
        return i < n_ && toks[i].kind == TokKind::Word && !toks[i].has(kCap) &&
               !toks[i].has(kDigit);
    }
    // Capitalised word that is not shouting (all caps longer than 4 letters).
    bool cap_word(std::size_t i) const {
        if (i >= n_ || toks[i].kind != TokKind::Word || !toks[i].has(kCap)) return false;
        return !toks[i].has(kAllCaps) || toks[i].end - toks[i].begin <= 4;
    }
    // Display text of tokens [b, e), white space collapsed.
    std::string span_text(std::size_t b, std::size_t e) const;
    // Whether the review is mostly in capitals, so that case says nothing.
    bool shouting() const { return shouting_; }
    // Words that are not numbers, and those of them in capitals (kAllCaps).
    std::size_t plain_words() const { return plain_words_; }
    std::size_t caps_words() const { return caps_words_; }
    // The first word at or after token i with a capital or a digit (kCap, kAllCaps or kDigit),
    // else size(): where a name or a title can start. The finders that look for those step
    // from one to the next instead of testing every token.
    std::size_t next_capital(std::size_t i) const { return i < n_ ? next_capital_[i] : n_; }
    // Whether any word is inside an emphasis span.
    bool has_emphasis() const { return has_emphasis_; }
    // Positions of the '(' tokens, of the quote marks ('"', '\'') and of the commas, in order:
    // the few places a year, a quoted title or a title in apposition can be, so the title
    // finders need not walk every token for them.
    const std::vector<std::uint32_t>& brackets() const { return brackets_; }
    const std::vector<std::uint32_t>& quote_marks() const { return quote_marks_; }
    const std::vector<std::uint32_t>& commas() const { return commas_; }
    // Evidence counts (0 without corpus evidence).
    std::uint32_t evidence(EntityEvidence::Kind kind, std::string_view key) const {
        return corpus_index ? corpus_index->count(kind, key) : 0;
    }

  private:
    static constexpr std::uint32_t kCuesUnknown = 0xFFFFFFFFu;
    static constexpr std::uint16_t kLexUnknown = 0xFFFF;

    // Hot enough (several calls per token) to be worth inlining: a length test rejects most.
    bool word_is(const Token& t, std::string_view lower) const {
        if (t.end - t.begin != lower.size()) return false;
        const char* w = text.data() + t.begin;
        for (std::size_t k = 0; k < lower.size(); ++k) {
            char c = w[k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            if (c != lower[k]) return false;
        }
        return true;
    }
    std::uint16_t lex_lookup(std::size_t i) const;
    std::uint32_t cues_lookup(std::size_t i) const;

    // What has been looked up about each token, computed on first use.
    struct Memo {
        std::uint32_t cues = kCuesUnknown;
        std::uint32_t folded_at = 0xFFFFFFFFu;  // offset into folded_pool_
        std::uint16_t folded_len = 0;
        std::uint16_t lex = kLexUnknown;
    };
    mutable std::vector<Memo> memo_;
    // Folded forms live in one pool reserved up front (folding at most doubles a word), so the
    // views handed out stay valid while more are added.
    mutable std::string folded_pool_;
    // toks.size(), kept apart: the finders ask for it in every loop test, and a vector's size
    // is a subtraction and a division by sizeof(Token) that the compiler cannot hoist.
    std::size_t n_ = 0;
    std::size_t plain_words_ = 0, caps_words_ = 0;
    bool shouting_ = false;
    bool has_emphasis_ = false;
    std::vector<std::uint32_t> brackets_, quote_marks_, commas_;
    std::vector<std::uint32_t> next_capital_;
};

struct PeopleFound {
    Mentions people;
    Mentions characters;
    // While observing: people accepted with no cue, evidence of a name but not that it is a
    // person's (EntityEvidence::Kind::Named).
    Mentions named;
    // While observing: people named as historical ones (EntityEvidence::Kind::Real).
    Mentions real;
};

struct FilmsFound {
    Mentions films;
};

// Quoted, emphasised and year-marked titles: claimed before people are looked for, so that
// "Being John Malkovich" stays a title.
void find_marked_titles(Scan& scan, FilmsFound& out);
PeopleFound find_people(Scan& scan);
// Titles after cue words, and known titles (metadata, evidence, catalogue) anywhere.
void find_cued_titles(Scan& scan, const PeopleFound& people, FilmsFound& out);

// Whether the name at tokens [b, e) reads as the maker of a written work: owned ("Stephen
// King's books"), before a work noun ("a Stephen King novel"), or after "by". Both finders ask:
// such a name is a person even where the corpus has seen a title spelt the same.
bool names_a_maker(const Scan& scan, std::size_t b, std::size_t e);

// Adds a mention to `list`, merging by key.
Mention& add_mention(Mentions& list, std::string name, std::string key, std::uint32_t pos,
                     std::uint32_t weight);

}  // namespace reel::entities
