// How reel-search prints results: text for people, JSON Lines and TSV for scripts.
#pragma once

#include <string>
#include <string_view>

#include "reel/entity_catalogue.hpp"
#include "reel/search.hpp"

namespace reel {

enum class OutputFormat { text, json, tsv };

struct OutputStyle {
    OutputFormat format = OutputFormat::text;
    bool color = false;       // ANSI colours in text output
    bool count_only = false;  // --count: the total only
    bool facets = false;
};

// Everything printed for one query; ends with a newline. `id` names the query in batches.
std::string format_result(const OutputStyle& style, std::string_view id, std::string_view query,
                          const SearchResult& result);

// A query that failed (malformed); JSON keeps one line per query, text and TSV print nothing
// here (the error goes to stderr).
std::string format_query_error(const OutputStyle& style, std::string_view id,
                               std::string_view query, std::string_view message);

// The header line of TSV output (empty for other formats).
std::string format_header(const OutputStyle& style);
// The same for --list people|films ("entities") or reviews; none with a count alone.
std::string format_list_header(const OutputStyle& style, bool reviews);

// --list people|films: one entry per line.
std::string format_catalogue_entry(const OutputStyle& style, const CatalogueEntry& entry);

// --list ... --count: how many entries there are (JSON: {"total": N}, as a query's count).
std::string format_list_count(const OutputStyle& style, std::size_t total);

// --list reviews: one review with its entities per line.
std::string format_review_entry(const OutputStyle& style, const StoredReview& review);

// Highlight markers for snippets in this style.
std::string highlight_start(const OutputStyle& style);
std::string highlight_end(const OutputStyle& style);

}  // namespace reel
