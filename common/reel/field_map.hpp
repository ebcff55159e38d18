// Which column of a CSV/JSON record feeds which field of a Review.
#pragma once

#include <atomic>
#include <map>
#include <memory>
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

    // The field a column feeds, if any (column names compare case-insensitively). Notes each
    // --field mapping it answers with, for unused_mappings().
    std::optional<Field> field_for(std::string_view column) const;

    struct Mapping {
        std::string spec;    // NAME=COLUMN, as given
        std::string column;  // as given
    };
    // The --field mappings whose column no field_for call has named: a mapping that nothing
    // used is most likely a misspelt column.
    std::vector<Mapping> unused_mappings() const;

    static std::string_view field_names();  // for --help and error messages

    // The common column names recognised for `field`, comma-separated, for error messages.
    static std::string common_columns(Field field);

  private:
    struct Explicit {
        Field field;
        Mapping given;
        // Set by field_for, which loader threads call at once, through a const map.
        std::shared_ptr<std::atomic<bool>> used = std::make_shared<std::atomic<bool>>(false);
    };
    std::map<std::string, Explicit> explicit_;  // folded column name → mapping
};

// Builds one review from (column, value) pairs of a record, using `map`. Metadata is parsed
// (ratings, years), text normalised. A record without a text column yields an empty text.
Review review_from_record(const std::vector<std::pair<std::string, std::string>>& record,
                          const FieldMap& map);

}  // namespace reel
