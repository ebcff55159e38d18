// reel-search --batch: many queries, one database, answers in input order.
#pragma once

#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>

#include "reel/output.hpp"
#include "reel/search.hpp"

namespace reel {

struct BatchQuery {
    std::string id;  // from "ID<TAB>QUERY", else the line number
    std::string text;
};

// Reads a batch one query at a time: one query per line (LF, CRLF, or CR alone when no line
// ends in LF); blank lines and lines starting with '#' are skipped, and so is a UTF-8 BOM at the
// start. A batch in UTF-16 or with CR line ends is read whole on the first call; any other is
// read line by line, so that a query can be answered before the next one is written.
class BatchReader {
  public:
    explicit BatchReader(std::istream& in) : in_(&in) {}

    // The next query, once its line has been read; nothing at the end of the input.
    std::optional<BatchQuery> next();

  private:
    bool read_first_line(std::string& line);

    std::istream* in_;
    std::unique_ptr<std::istringstream> whole_;  // a batch converted after reading it whole
    std::size_t line_number_ = 0;
};

struct BatchOutcome {
    std::size_t matched = 0, errors = 0;
};

// Answers the queries of `in` on `threads` threads (each with its own Searcher) while reading
// it, and writes each result to `out` in input order as soon as it and all before it are done;
// `out` is flushed whenever every query read so far has been answered, so that a script that
// writes one query and waits for its answer gets it. Query errors go to `err` (and into JSON
// output) without stopping the batch; database errors are thrown. Stops early, with `out`
// failed, when `out` cannot be written.
BatchOutcome run_batch(const std::filesystem::path& db, std::istream& in,
                       const SearchOptions& options, const OutputStyle& style, unsigned threads,
                       std::ostream& out, std::ostream& err);

}  // namespace reel
