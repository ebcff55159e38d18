// reel-search --batch: many queries, one database, answers in input order.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "reel/output.hpp"
#include "reel/search.hpp"

namespace reel {

struct BatchQuery {
    std::string id;  // from "ID<TAB>QUERY", else the line number
    std::string text;
};

// One query per line (LF, CRLF, or CR alone when no line ends in LF); blank lines and lines
// starting with '#' are skipped, and so is a UTF-8 BOM at the start.
std::vector<BatchQuery> read_batch(std::istream& in);

struct BatchOutcome {
    std::size_t matched = 0, errors = 0;
};

// Runs every query on `threads` threads (each with its own Searcher) and writes each result to
// `out` in input order as soon as it and all before it are done. Query errors go to `err` (and
// into JSON output) without stopping the batch; database errors are thrown. Stops early, with
// `out` failed, when `out` cannot be written.
BatchOutcome run_batch(const std::filesystem::path& db, const std::vector<BatchQuery>& queries,
                       const SearchOptions& options, const OutputStyle& style, unsigned threads,
                       std::ostream& out, std::ostream& err);

}  // namespace reel
