// Query syntax: Xapian QueryParser's, with reel's fields (film:, person:, author:, title:,
// rating:A..B, year:A..B, date:A..B).
#pragma once

#include <xapian.h>
#include <string>
#include <string_view>

namespace reel {

struct QueryOptions {
    bool match_any = false;  // default operator OR instead of AND
};

// The query help shown by reel-search --help and in the README.
std::string_view query_syntax_help();

// Parses `text` against `db` (whose synonym table gives stemmed search). Throws UsageError with
// a message naming the problem for a query that cannot be parsed (unbalanced quotes or brackets
// are forgiven when a plain reading exists); the message does not repeat the query.
Xapian::Query parse_query(std::string_view text, const Xapian::Database& db,
                          const QueryOptions& options);

}  // namespace reel
