// Parsing of review metadata as people write it: "8/10", "3.5/5", "★★★★", "2014-10-10", "Oct 2014".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace reel {

// A rating on a 0-10 scale. "8/10" → 8, "4/5" and "4 stars" → 8, "85%" → 8.5, "★★★½" → 7,
// a bare number ≤ 10 → itself, a bare number ≤ 100 → a percentage, a letter grade as Metacritic
// reads it ("B+" → 8.3, "A" → 10, "F" → 0). Nothing usable → nullopt.
std::optional<double> parse_rating(std::string_view text);

// The first plausible year (1880-2100) standing alone in the text.
std::optional<int> parse_year(std::string_view text);

// "YYYYMMDD" for an ISO-like date ("2014-10-10", "2014/10/10", "2014-10", "2014"), one with the
// month's name ("Oct 10, 2014", "10 October 2014") or one with day and month in numbers before
// the year ("10.10.2014", "25/10/2014", "10/25/2014"), missing parts as 01; empty when the text
// has no date it can tell. Used as a sortable value for date: ranges.
std::string sortable_date(std::string_view text);

}  // namespace reel
