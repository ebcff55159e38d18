// Turns raw review bytes into the clean text that is indexed, searched and shown in snippets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reel/review.hpp"

namespace reel {

struct NormalizedText {
    std::string text;
    std::vector<TextSpan> emphasis;  // from <i>/<em> left-overs in plain text
    bool repaired_utf8 = false;
};

// For plain text (and the text fields of JSON/CSV/front matter): repairs UTF-8, drops a BOM,
// decodes HTML character references, turns <br>/<p> left-overs into line breaks and drops other
// tags, then applies normalize_chars. "<br /><br />" in IMDb dumps becomes a paragraph break.
NormalizedText normalize_text(std::string_view raw);

// Character-level clean-up of valid UTF-8: CRLF/CR to LF, curly quotes and primes to ' and ",
// an acute accent (´), or a backtick between letters, typed for an apostrophe to ', no-break
// and other odd spaces to ' ', tabs to ' ', control characters, zero-width characters
// and soft hyphens removed.
std::string normalize_chars(std::string_view utf8);

// `s` without the spaces and tabs around it.
std::string_view trim_blanks(std::string_view s);

// Collapses runs of white space to a single space (newlines included): for one-line fields
// such as titles and names.
std::string collapse_spaces(std::string_view s);

}  // namespace reel
