// The word lists entity extraction consults, built once from the embedded common/data/ lists.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "reel/entities_wordmap.hpp"

namespace reel::entities {

// A set of folded words or phrases; lookups take the folded form.
class WordSet {
  public:
    void add(std::string_view w) { words_.add(w, 1); }
    bool contains(std::string_view w) const { return words_.get(w) != 0; }

  private:
    WordBits<std::uint8_t> words_;
};

// What a single folded word is, in one lookup.
enum LexBit : std::uint16_t {
    kLexFirstName = 1 << 0,
    kLexStop = 1 << 1,
    kLexCommon = 1 << 2,
    kLexNotPerson = 1 << 3,
    kLexParticle = 1 << 4,
    kLexHonor = 1 << 5,
    kLexHonorKeep = 1 << 6,
    kLexPlace = 1 << 7,
    kLexEnglish = 1 << 8,     // a word written in lower case often enough to be vocabulary
    kLexHonorGiven = 1 << 9,  // an honorific that is also a given name ("King Vidor")
};

struct Lexicon {
    std::uint16_t bits(std::string_view folded) const { return word_bits.get(folded); }

    WordSet first_names;      // English given names (female and male lists)
    WordSet stopwords;        // function words: never part of a name
    WordSet common_words;     // everyday words that open sentences ("Watching", "Great", "Will")
    WordSet not_person;       // nationalities, organisations, place nouns, calendar words
    WordSet particles;        // "de", "van", "von"...
    WordSet honorifics;       // "mr", "captain"...: mark characters
    WordSet honorifics_kept;  // "sir", "dame": part of a real person's usual name
    WordSet places;           // "new york", "paris"
    WordSet not_titles;       // film keys of studios, channels, figures: "troma", "jesus christ"
    WordBits<std::uint16_t> word_bits;
};

// The lexicon, loaded on first use (thread-safe).
const Lexicon& lexicon();

// Folds a token's text for lookup: ASCII lower-casing fast path, reel::fold otherwise.
std::string fold_word(std::string_view w);

}  // namespace reel::entities
