// Which column of a CSV/JSON record feeds which field of a Review.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reel/review.hpp"

namespace reel {

enum class Field { text, film, title, rating, author, date, year, url };

class FieldMap {
  public:
    // Recognises the common column names (review/review_content/text/content/body,
    // film/movie/movie_title, title, rating/score, author/critic, date, year, url).
    FieldMap() = default;

    // "--field NAME=COLUMN": the review field NAME (text, film, title, rating, author, date,
    // year, url) comes from COLUMN. Throws UsageError on a malformed spec or unknown NAME.
    void add_mapping(std::string_view spec);

    // The field a column feeds, if any (column names compare case-insensitively).
    std::optional<Field> field_for(std::string_view column) const;

    static std::string_view field_names();  // for --help and error messages

  private:
    std::map<std::string, Field> explicit_;  // folded column name → field
};

// Builds one review from (column, value) pairs of a record, using `map`. Metadata is parsed
// (ratings, years), text normalised. A record without a text column yields an empty text.
Review review_from_record(const std::vector<std::pair<std::string, std::string>>& record,
                          const FieldMap& map);

}  // namespace reel
