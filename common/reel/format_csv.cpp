#include <fmt/format.h>

#include <algorithm>

#include "reel/csv.hpp"
#include "reel/errors.hpp"
#include "reel/loader.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

// Excel's "CSV UTF-8" and pandas' utf-8-sig start with a byte-order mark. Taken off the first
// field once read, it left the quotes of a quoted header ("\uFEFF"Film"") as part of the
// name, and that column went unrecognised: skipped before the first field is read instead.
void skip_utf8_bom(std::istream& in) {
    std::istream::pos_type start = in.tellg();
    char bom[3] = {};
    in.read(bom, 3);
    if (in.gcount() == 3 && std::string_view(bom, 3) == "\xEF\xBB\xBF") return;
    in.clear();
    in.seekg(start);
}

}  // namespace

std::vector<Review> parse_csv(std::istream& in, char delimiter, const FieldMap& fields,
                              std::size_t max_field_bytes, std::vector<std::string>& warnings) {
    skip_utf8_bom(in);
    CsvReader reader(in, delimiter, max_field_bytes);
    std::vector<std::string> header;
    if (!reader.next(header)) throw InputError("empty CSV file");
    // Excel's "sep=;" line, which names the delimiter before the header (the delimiter was
    // sniffed from this very line, so it is that one), was taken for the header.
    if (header.size() == 2 && header[0] == "sep=" && header[1].empty() && !reader.next(header))
        throw InputError("empty CSV file");
    // Repaired here rather than left to normalize_text, which repairs silently: a CSV of
    // Windows-1252 bytes gets the warning (and reel-index's exit status 1) other formats get.
    bool repaired = false;
    auto repair = [&](std::string& s) {
        bool changed = false;
        s = repair_utf8(s, &changed);
        repaired |= changed;
    };
    for (auto& h : header) repair(h);

    bool has_text_column = false;
    for (const auto& h : header) has_text_column |= fields.field_for(h) == Field::text;
    if (!has_text_column) {
        throw InputError(fmt::format(
            "CSV header has no review text column (looked for {}; use --field text=COLUMN)",
            FieldMap::common_columns(Field::text)));
    }

    std::vector<Review> reviews;
    std::vector<std::string> row;
    std::size_t ragged = 0, truncated = 0;
    std::size_t after_quote = 0, first_after_quote = 0, first_after_quote_end = 0;
    std::vector<std::pair<std::string, std::string>> record;
    while (reader.next(row)) {
        // A blank line, or a spreadsheet's empty row (",,,"): Excel exports rows once formatted
        // as such, which were warned about as records without review text.
        if (std::all_of(row.begin(), row.end(), [](const std::string& f) { return f.empty(); }))
            continue;
        if (row.size() != header.size()) ++ragged;
        if (reader.truncated_field()) ++truncated;
        if (reader.text_after_quote() && after_quote++ == 0) {
            first_after_quote = reader.line();
            first_after_quote_end = reader.end_line();
        }
        record.clear();
        for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) {
            repair(row[i]);
            record.emplace_back(header[i], std::move(row[i]));
        }
        reviews.push_back(review_from_record(record, fields));
    }
    if (repaired) warnings.push_back("invalid UTF-8 repaired");
    if (ragged) {
        warnings.push_back(fmt::format(
            "{} row(s) with a number of fields other than the header's {}", ragged, header.size()));
    }
    if (reader.gave_up()) {
        warnings.push_back(fmt::format(
            "the field on line {} runs on past {}: it is cut, the rest of the file skipped",
            reader.line(), describe_size(max_field_bytes * 8)));
        if (truncated > 0) --truncated;  // that one is named in the warning above
    }
    if (truncated)
        warnings.push_back(
            fmt::format("{} field(s) cut at {}", truncated, describe_size(max_field_bytes)));
    if (after_quote) {
        // Read as RFC 4180 says, the row is whatever the quotes enclosed: the user must be told,
        // as its fields (a rating, a film) may now belong to another review.
        std::string lines =
            first_after_quote_end > first_after_quote
                ? fmt::format("lines {}-{}", first_after_quote, first_after_quote_end)
                : fmt::format("line {}", first_after_quote);
        warnings.push_back(fmt::format(
            "{} row(s) with text after a closing quote, the first on {}: a quote left open there "
            "joins the lines up to the next quote into one review",
            after_quote, lines));
    }
    if (reader.unbalanced_quote()) {
        warnings.push_back(
            fmt::format("unbalanced quote: the field opened on line {} runs to the end of the file",
                        reader.line()));
    }
    return reviews;
}

}  // namespace reel
