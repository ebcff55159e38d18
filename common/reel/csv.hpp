// A streaming RFC 4180 reader that copes with what real exports contain: CRLF, quotes doubled
// inside quoted fields, newlines inside quotes, ragged rows and unbalanced quotes.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace reel {

class CsvReader {
  public:
    // `max_field_bytes` bounds memory: a longer field is cut there and flagged.
    CsvReader(std::istream& in, char delimiter = ',', std::size_t max_field_bytes = 64u << 20);

    // Reads the next row into `fields`; false at end of input.
    bool next(std::vector<std::string>& fields);

    std::size_t line() const { return line_; }          // 1-based line where the last row started
    std::size_t end_line() const { return end_line_; }  // and where it ended
    bool unbalanced_quote() const { return unbalanced_; }  // a quoted field ran to end of input
    bool truncated_field() const { return truncated_; }    // the last row had a field cut short
    // The last row had text right after a quoted field's closing quote ("a"b): the sign of a
    // quote never closed, whose field swallowed the line breaks and rows up to the next quote.
    bool text_after_quote() const { return text_after_quote_; }
    // A field ran on for 8 times max_field_bytes: the rest of the input was left unread (a
    // binary or sparse file would otherwise be read whole, byte by byte).
    bool gave_up() const { return gave_up_; }

  private:
    std::istream& in_;
    char delim_;
    std::size_t max_field_;
    std::size_t line_ = 0;
    std::size_t next_line_ = 1;
    std::size_t end_line_ = 0;
    bool unbalanced_ = false;
    bool truncated_ = false;
    bool text_after_quote_ = false;
    bool gave_up_ = false;
};

// The delimiter the header row uses: ',' unless it has none and has a ';' (spreadsheets in
// locales with a decimal comma export those) or a tab. Leaves `in` where it was.
char sniff_csv_delimiter(std::istream& in);

}  // namespace reel
