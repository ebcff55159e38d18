// Spellings of one person's name: reviewers write "John Cassavettes", "Lars van Trier" and
// "Darryl Zanuck" for John Cassavetes, Lars von Trier and Darryl F. Zanuck. Telling them apart
// from different people lets corpus evidence add up, so that a surname alone ("Cassavetes",
// "Zanuck") finds the one person it names, spelt as most reviewers spell it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reel/entities_lexicon.hpp"
#include "reel/entities_wordmap.hpp"

namespace reel::entities {

struct PersonVariants {
    // A misspelling to the spelling most reviews use: one word differs by a letter or two.
    WordMap<std::string> misspelt;
    // Every key that has a better-known form to that form (the head of its group): misspellings
    // and forms with or without initials ("Darryl F. Zanuck", "Darryl Zanuck"). Initials stay
    // apart elsewhere: "George Bush" and "George W. Bush" may be two people.
    WordMap<std::string> head;
};

struct KeyCount {
    std::string_view key;  // a person_key
    std::uint32_t count = 0;
};

// Groups keys that spell one name: a rarer key joins a better-known one (at least three times
// as many sightings for a misspelling). Deterministic for a given set of keys and counts.
PersonVariants find_person_variants(std::vector<KeyCount> people, const Lexicon& lexicon);

// Damerau-Levenshtein distance between two short words, or max + 1 when above `max`.
std::size_t spelling_distance(std::string_view a, std::string_view b, std::size_t max);

}  // namespace reel::entities
