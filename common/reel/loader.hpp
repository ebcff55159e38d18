// Reading one input file into reviews, whatever its format.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "reel/errors.hpp"
#include "reel/field_map.hpp"
#include "reel/review.hpp"

namespace reel {

enum class Format { text, markdown, html, json, jsonl, csv };

// The format a file name says it holds (by extension, case-insensitively), if reel reads it.
std::optional<Format> format_for(const std::filesystem::path& path);

struct LoadOptions {
    FieldMap fields;
    // A longer review is cut here and a warning says so: memory stays bounded on huge files.
    std::size_t max_review_bytes = 32u << 20;
    // A .json file (parsed whole) larger than this is skipped: parsing takes several times its
    // size in memory.
    std::size_t max_json_bytes = 64u << 20;
};

struct LoadResult {
    std::vector<Review> reviews;        // ids, paths and record numbers filled in
    std::vector<std::string> warnings;  // repaired or dropped parts, without the path
};

// A size limit as warnings give it: "32 MiB", "1.5 MiB", "512 KiB". Whole MiB (bytes >> 20)
// called a limit under a MiB (--max-review-mb 0.001) "0 MiB".
std::string describe_size(std::size_t bytes);

// A file read through that holds no review: no records, or none with text. Unlike a file that
// cannot be read, its content is known: whatever was indexed from it before is gone from it.
struct NoReviewError : InputError {
    using InputError::InputError;
};

// Reads `path` (whose format is `format`). Throws InputError when nothing can be read from it
// (unreadable, binary, empty, malformed beyond use), NoReviewError when it holds no review;
// recoverable problems become warnings.
LoadResult load_file(const std::filesystem::path& path, Format format, const LoadOptions& options);

// Per-format parsers over content already in memory (used by load_file and the fuzz targets).
// `warnings` collects recoverable problems. A record that is skipped with a warning (a bad
// JSON Lines line, a non-object array element) stays in the result as an empty review with
// `record == kSkippedRecord`, so that record numbers keep matching positions.
inline constexpr int kSkippedRecord = -1;
Review parse_text(std::string_view bytes, std::vector<std::string>& warnings);
Review parse_markdown(std::string_view bytes, std::vector<std::string>& warnings);
Review parse_html(std::string_view bytes, std::vector<std::string>& warnings);
// `single`, when given, tells whether the JSON was one review object rather than a collection.
std::vector<Review> parse_json(std::string_view bytes, const FieldMap& fields,
                               std::vector<std::string>& warnings, bool* single = nullptr);
// The schema.org Review that a page's JSON-LD block (<script type="application/ld+json">)
// describes: an object, one in an array or "@graph", or a Movie's "review". Nothing when the
// block holds none or is no JSON: it is the page's metadata, not its review. Its year is the
// reviewed Movie's (datePublished or dateCreated), never the review's date.
std::optional<Review> parse_json_ld(std::string_view json);
std::vector<Review> parse_jsonl(std::istream& in, const FieldMap& fields,
                                std::size_t max_line_bytes, std::vector<std::string>& warnings);
std::vector<Review> parse_csv(std::istream& in, char delimiter, const FieldMap& fields,
                              std::size_t max_field_bytes, std::vector<std::string>& warnings);

}  // namespace reel
