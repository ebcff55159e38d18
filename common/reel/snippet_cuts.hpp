// Where a snippet cut its review's text: Xapian's "..." corrected against the text itself.
#pragma once

#include <string>
#include <string_view>

namespace reel {

// Xapian marks a cut with "..." by its own reading of sentences, which misses two cases: a text
// that fits whole but ends without a full stop gets one after it, as if cut ("a short review
// zzq..."), and a snippet that starts after an initial ("K. Simmons yells", of "J. K. Simmons")
// gets none before it, as if a sentence started there. `text` is the review, `snippet` the
// one-line snippet with the markers `start` and `end` around matches; it is left as is where it
// cannot be placed in the text (markers that the text holds too).
std::string mark_cuts(std::string_view text, std::string snippet, std::string_view start,
                      std::string_view end);

}  // namespace reel
