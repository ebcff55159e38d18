// Invariants every parser promises about the reviews it returns (review.hpp): a fuzz target
// aborts when one breaks, so a silently wrong result counts as a crash too.
#pragma once

#include <cstdlib>
#include <string_view>

#include "reel/review.hpp"
#include "reel/unicode.hpp"

namespace reel::fuzz {

inline bool valid_utf8(std::string_view s) {
    bool repaired = false;
    repair_utf8(s, &repaired);
    return !repaired;
}

inline void check_review(const Review& r) {
    if (!valid_utf8(r.text) || !valid_utf8(r.title) || !valid_utf8(r.film) ||
        !valid_utf8(r.author)) {
        std::abort();
    }
    for (const TextSpan& span : r.emphasis) {
        if (span.begin > span.end || span.end > r.text.size()) std::abort();
    }
}

}  // namespace reel::fuzz
