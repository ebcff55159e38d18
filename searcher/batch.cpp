#include "batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "reel/encoding.hpp"
#include "reel/errors.hpp"
#include "reel/unicode.hpp"

namespace reel {

std::vector<BatchQuery> read_batch(std::istream& in) {
    std::vector<BatchQuery> queries;
    auto add = [&](std::string& line, std::size_t n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Editors on Windows start UTF-8 files with a BOM; it would end up in the first id or
        // hide a first "#" comment.
        if (n == 1) drop_utf8_bom(line);
        std::string_view v = line;
        // A comment may be indented like the queries around it ("  # westerns").
        std::size_t first = v.find_first_not_of(" \t");
        if (first == std::string_view::npos || v[first] == '#') return;
        // An empty id ("\tquery", a spreadsheet's blank id column) would leave the answer with
        // nothing to tell it by, and unlabelled in text output: the line number names it.
        auto tab = v.find('\t');
        if (tab != std::string_view::npos && tab > 0) {
            queries.push_back({std::string(v.substr(0, tab)), std::string(v.substr(tab + 1))});
        } else {
            queries.push_back({std::to_string(n), std::string(tab == 0 ? v.substr(1) : v)});
        }
    };
    std::string line;
    if (!std::getline(in, line)) return queries;
    // PowerShell's ">" and Notepad's "Unicode" write UTF-16 (with a BOM): every line was a query
    // error ("contains a NUL byte"). Such a batch is read whole and converted.
    if (starts_with_utf16_bom(line)) {
        std::string bytes = line + (in.eof() ? "" : "\n");
        bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        std::vector<std::string> notes;
        std::istringstream text(bytes_to_text(std::move(bytes), notes));
        return read_batch(text);
    }
    // Classic Mac line ends, as Excel for Mac's "CSV (Macintosh)" still writes them: with no
    // LF at all, the whole batch was one query of every line's words.
    if (std::size_t cr = line.find('\r');
        in.eof() && cr != std::string::npos && cr + 1 < line.size()) {
        std::replace(line.begin(), line.end(), '\r', '\n');
        std::istringstream text(line);
        return read_batch(text);
    }
    add(line, 1);
    for (std::size_t n = 2; std::getline(in, line); ++n) add(line, n);
    return queries;
}

BatchOutcome run_batch(const std::filesystem::path& db, const std::vector<BatchQuery>& queries,
                       const SearchOptions& options, const OutputStyle& style, unsigned threads,
                       std::ostream& out, std::ostream& err) {
    struct Slot {
        std::string output, error;
        bool matched = false, done = false;
    };
    std::vector<Slot> slots(queries.size());
    std::mutex mu;
    std::condition_variable cv;
    std::atomic<std::size_t> next{0};
    std::exception_ptr fatal;

    auto worker = [&] {
        try {
            Searcher searcher(db);
            for (std::size_t i; (i = next++) < queries.size();) {
                Slot s;
                try {
                    SearchResult r = searcher.search(queries[i].text, options);
                    s.output = format_result(style, queries[i].id, queries[i].text, r);
                    s.matched = r.total > 0;
                } catch (const UsageError& e) {
                    s.error = e.what();
                    s.output = format_query_error(style, queries[i].id, queries[i].text, e.what());
                }
                s.done = true;
                std::lock_guard lock(mu);
                slots[i] = std::move(s);
                cv.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mu);
            if (!fatal) fatal = std::current_exception();
            next = queries.size();
            cv.notify_all();
        }
    };

    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(queries.size())));
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);

    BatchOutcome outcome;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        Slot s;
        {
            std::unique_lock lock(mu);
            cv.wait(lock, [&] { return slots[i].done || fatal; });
            if (!slots[i].done) break;
            s = std::move(slots[i]);
        }
        if (!s.error.empty()) {
            ++outcome.errors;
            err << fmt::format("reel-search: query {} '{}': {}\n", printable(queries[i].id),
                               printable(utf8_prefix(queries[i].text, 200)), s.error);
        }
        outcome.matched += s.matched;
        out << s.output;
        // Output nobody reads any more (a full disk, a closed pipe with SIGPIPE ignored): the
        // rest of the batch would be answered for nothing.
        if (!out) break;
    }
    out.flush();
    next = queries.size();
    pool.clear();
    if (fatal) std::rethrow_exception(fatal);
    return outcome;
}

}  // namespace reel
