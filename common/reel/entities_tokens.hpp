// The tokenizer behind entity extraction: words, punctuation and breaks of a review's text, with
// the few facts about each that name and title finding look at.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "reel/review.hpp"

namespace reel::entities {

enum class TokKind : std::uint8_t { Word, Punct, Break };

enum TokFlag : std::uint16_t {
    kCap = 1 << 0,             // first letter upper case ("Teller", "JK", "McQueen")
    kAllCaps = 1 << 1,         // two or more letters, none lower case ("JK", "FBI", "WOW")
    kDigit = 1 << 2,           // starts with a digit ("2001", "9")
    kInitials = 1 << 3,        // "J.", "J.K.", "J.R.R." (the dots are part of the token)
    kPossessive = 1 << 4,      // followed by "'s" or a lone "'" that is not a closing quote
    kSentenceStart = 1 << 5,   // first word of a sentence, paragraph or the text
    kEmphasis = 1 << 6,        // inside an emphasis span of the review
    kSpaceBefore = 1 << 7,     // white space (or a break) right before the token
    kHyphenated = 1 << 8,      // "Jean-Pierre", "Joon-ho"
    kApostrophe = 1 << 9,      // "O'Toole", "don't"
    kEmphasisStart = 1 << 10,  // first word of an emphasis span
};

struct Token {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;  // for words: without a possessive suffix
    TokKind kind = TokKind::Word;
    char punct = 0;  // for Punct: the ASCII character; '-' for dashes, '.' for an ellipsis
    std::uint16_t flags = 0;

    bool has(TokFlag f) const { return (flags & f) != 0; }
    bool word() const { return kind == TokKind::Word; }
    bool is_punct(char c) const { return kind == TokKind::Punct && punct == c; }
    std::string_view text(std::string_view all) const { return all.substr(begin, end - begin); }
};

// Splits `text` into tokens. `<br>` tags and blank lines become breaks; so does a line break after
// a heading-like line. Emphasis spans set kEmphasis on the words they cover.
std::vector<Token> tokenize(std::string_view text, const std::vector<TextSpan>& emphasis);

}  // namespace reel::entities
