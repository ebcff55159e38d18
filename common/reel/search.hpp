// Answering queries against a reel database.
#pragma once

#include <xapian.h>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "reel/entity_catalogue.hpp"
#include "reel/query.hpp"
#include "reel/stored_review.hpp"

namespace reel {

struct SearchOptions {
    QueryOptions query;
    std::size_t limit = 10;
    std::size_t offset = 0;
    bool count_only = false;
    bool facets = false;
    std::size_t facet_limit = 10;
    bool snippets = true;
    std::size_t snippet_bytes = 240;
    // Highlight markers put around matched words in snippets (empty: none).
    std::string highlight_start, highlight_end;
};

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the first result overall
    double score = 0;      // BM25 weight
    StoredReview stored;
    std::string snippet;
};

struct FacetCount {
    std::string name;
    Xapian::doccount count = 0;
};

struct SearchResult {
    Xapian::doccount total = 0;  // exact number of matching reviews
    std::vector<Hit> hits;
    std::vector<FacetCount> people, films;
};

// Holds one Database; not thread-safe (use one Searcher per thread).
class Searcher {
  public:
    explicit Searcher(const std::filesystem::path& db_path);

    // Throws UsageError for a malformed query, DatabaseError when the database fails. A
    // concurrent reel-index commit is handled by reopening and running the query again.
    SearchResult search(std::string_view query, const SearchOptions& options);

    const Xapian::Database& database() const { return db_; }

  private:
    SearchResult run(std::string_view query, const SearchOptions& options);

    // Reopens the database after a concurrent commit; false when there is nothing newer, or
    // when reopening fails (the retry then reports the original error).
    bool reopen_quietly();

    std::filesystem::path path_;
    Xapian::Database db_;
    DisplayNames names_;  // of db_'s current revision
};

}  // namespace reel
