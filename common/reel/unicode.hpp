// UTF-8 handling shared by every part of reel: repair, decoding, and case/accent folding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace reel {

// Returns `in` as valid UTF-8. Bytes that do not form valid UTF-8 are read as Windows-1252
// (what stray bytes in web text usually are), so "caf\xe9" becomes "café".
// `repaired`, when given, is set to whether anything had to be changed.
std::string repair_utf8(std::string_view in, bool* repaired = nullptr);

// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it.
char32_t next_code_point(std::string_view s, std::size_t& pos);

void append_utf8(std::string& out, char32_t cp);

// Lower-cases and strips accents from Latin, Greek and Cyrillic letters (é→e, Ø→o, ß→ss, Æ→ae,
// ễ→e, Ά→α, Ё→е), so that "Amélie", "AMELIE" and "amelie" compare equal, and so does "Amélie"
// written with a combining accent (NFD), in fullwidth forms ("ＡＭＥＬＩＥ") or with ligatures
// ("ﬁ"). Other scripts are passed through.
std::string fold(std::string_view utf8);

// The folded form of one code point, appended to `out` (several bytes for ß, æ, œ...).
void append_folded(std::string& out, char32_t cp);

bool is_letter_or_digit(char32_t cp);

// Whether code point `cp` is of a script that Xapian's CJK n-grams split into single characters
// and pairs (Chinese, Japanese, Korean; Thai in some Xapian releases). It errs towards yes: a
// text so flagged only takes the slower path that can index n-grams.
bool is_unspaced_script(char32_t cp);
// The code point at `pos` of valid UTF-8 when it is of such a script, else 0; `next` is set past
// it. The lead byte alone rules out ASCII and the Latin, Greek and Cyrillic letters.
char32_t unspaced_script_at(std::string_view s, std::size_t pos, std::size_t& next);
// Whether valid UTF-8 `s` holds such a character.
bool has_unspaced_script(std::string_view s);

// The longest start of `s` of at most `max_bytes` bytes that does not end inside a UTF-8
// character: where text is cut at a size limit (a review, a term, a quote in a message). Text
// that is not UTF-8 backs off three bytes at most.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// Text fit for a one-line message (paths, queries): invalid UTF-8 repaired, control characters
// shown as \xNN.
std::string printable(std::string_view text);

}  // namespace reel
