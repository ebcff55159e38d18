// The word lists entity extraction consults, built once from the embedded common/data/ lists.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace reel::entities {

// A set of folded words or phrases; lookups take the folded form.
class WordSet {
public:
    void add(std::string_view w) { words_.insert(std::string(w)); }
    bool contains(std::string_view w) const { return words_.find(w) != words_.end(); }
    std::size_t size() const { return words_.size(); }

private:
    // Transparent hashing: lookups by string_view allocate nothing.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

struct Lexicon {
    WordSet first_names;       // English given names (female and male lists)
    WordSet stopwords;         // function words: never part of a name
    WordSet common_words;      // everyday words that open sentences ("Watching", "Great", "Will")
    WordSet not_person;        // nationalities, organisations, place nouns, calendar words
    WordSet particles;         // "de", "van", "von"...
    WordSet honorifics;        // "mr", "captain"...: mark characters
    WordSet honorifics_kept;   // "sir", "dame": part of a real person's usual name
    WordSet places;            // "new york", "paris"
};

// The lexicon, loaded on first use (thread-safe).
const Lexicon& lexicon();

// Folds a token's text for lookup: ASCII lower-casing fast path, reel::fold otherwise.
std::string fold_word(std::string_view w);

}  // namespace reel::entities
