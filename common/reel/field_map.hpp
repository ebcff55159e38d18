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
    // Recognises the common column names (see common_columns).
    FieldMap() = default;

    // "--field NAME=COLUMN": the review field NAME (text, film, title, rating, author, date,
    // year, url) comes from COLUMN. Throws UsageError on a malformed spec or unknown NAME.
    void add_mapping(std::string_view spec);

    // The field a column feeds, if any (column names compare case-insensitively).
    std::optional<Field> field_for(std::string_view column) const;

    static std::string_view field_names();  // for --help and error messages

    // The common column names recognised for `field`, comma-separated, for error messages.
    static std::string common_columns(Field field);

  private:
    std::map<std::string, Field> explicit_;  // folded column name → field
};

// Builds one review from (column, value) pairs of a record, using `map`. Metadata is parsed
// (ratings, years), text normalised. A record without a text column yields an empty text.
Review review_from_record(const std::vector<std::pair<std::string, std::string>>& record,
                          const FieldMap& map);

}  // namespace reel
