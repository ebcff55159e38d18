// Phrase search without positional postings.
//
// Xapian's position table held half of a review database (118 of 231 MB on the 50,000 aclImdb
// reviews, about 16 bytes per distinct word per review) and writing it took half of indexing.
// Instead, each review keeps its body words in order as a value: one 32-bit hash per word (about
// 4 bytes per word). Phrases and NEAR over body words are checked against that sequence
// (phrase_filter.hpp); titles, authors and entity names keep Xapian positions, which are few.
//
// A hash can be shared by two words of the database. The words involved are recorded as a
// metadata entry each time the database is committed, and a phrase using one of them is checked
// against the review's text instead, so phrase matching stays exact.
#pragma once

#include <xapian.h>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace reel {

std::uint32_t word_hash(std::string_view term);

// Indexes body text (already folded) the way TermGenerator does, without positions.
class BodyIndexer {
  public:
    BodyIndexer();
    BodyIndexer(const BodyIndexer&) = delete;  // termgen_ holds the address of recorder_
    BodyIndexer& operator=(const BodyIndexer&) = delete;

    // Adds each body word to `doc` with its wdf and returns the encoded word sequence.
    std::string index(const std::string& folded_text, Xapian::Document& doc);

    // The body's words in text order (position p at index p - 1).
    std::vector<std::string> words(const std::string& folded_text);

  private:
    // TermGenerator asks its stopper about each word it indexes, in order, just before giving
    // it the next position: a stopper that stops nothing hears the positions' words.
    class Recorder : public Xapian::Stopper {
      public:
        bool operator()(const std::string& word) const override;
        // Written from the const call above, which is how Stopper is declared.
        mutable std::string encoded;
        mutable std::vector<std::string>* words = nullptr;
    };

    std::string index_with_positions(const std::string& folded_text, Xapian::Document& doc);

    Recorder recorder_;
    Xapian::TermGenerator termgen_;
    Xapian::Document no_document_;  // what termgen_ holds between calls (see index())
};

// The possessive a phrase's word also matches ("york's" for "york": "new york" finds "New
// York's"), or "" for a word that is one already: reviews write "Scorsese's" and "Kubrick's" as
// often as the names themselves.
std::string possessive_of(std::string_view word);

// The word an elided article or preposition leads, as French and Italian titles write them
// ("d'amelie", "l'atalante", "dell'arte"), or "" for any other word: Xapian keeps the
// apostrophe inside the word, so a search for "atalante" missed "L'Atalante" (the indexer adds
// the word as a term of its own).
std::string_view after_elision(std::string_view word);

// How a group of words must appear: PHRASE keeps them in order within `window` positions
// (window == size: adjacent), NEAR in any order within `window` positions (Xapian's semantics).
struct WordPattern {
    std::vector<std::uint32_t> hashes;
    // Per word, its possessive's hash (possessive_of), which matches too; 0 or absent: none.
    std::vector<std::uint32_t> possessives;
    Xapian::termcount window = 0;
    bool ordered = true;
};

WordPattern word_pattern(const std::vector<std::string>& words, Xapian::termcount window,
                         bool ordered);

// Does the encoded sequence (BodyIndexer::index) contain the pattern?
bool sequence_matches(std::string_view encoded, const WordPattern& pattern);

// The same test over words (the exact path, for words whose hash is shared), possessives
// included.
bool words_match(const std::vector<std::string>& words, const std::vector<std::string>& pattern,
                 Xapian::termcount window, bool ordered);

// Hashes shared by two or more body words of `db`, as stored in metadata.
std::string find_shared_hashes(const Xapian::Database& db);
std::unordered_set<std::uint32_t> decode_shared_hashes(std::string_view stored);

// True for terms of the review body (no field prefix): the terms that have no positions.
bool is_body_term(std::string_view term);

}  // namespace reel
