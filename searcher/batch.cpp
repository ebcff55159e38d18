#include "batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <iterator>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include "reel/encoding.hpp"
#include "reel/errors.hpp"
#include "reel/unicode.hpp"

namespace reel {

std::optional<BatchQuery> BatchReader::next() {
    std::string line;
    for (;;) {
        if (line_number_ == 0 ? !read_first_line(line) : !std::getline(*in_, line)) return {};
        std::size_t n = ++line_number_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Editors on Windows start UTF-8 files with a BOM; it would end up in the first id or
        // hide a first "#" comment.
        if (n == 1) drop_utf8_bom(line);
        std::string_view v = line;
        // A comment may be indented like the queries around it ("  # westerns").
        std::size_t first = v.find_first_not_of(" \t");
        if (first == std::string_view::npos || v[first] == '#') continue;
        // An empty id ("\tquery", a spreadsheet's blank id column) would leave the answer with
        // nothing to tell it by, and unlabelled in text output: the line number names it.
        auto tab = v.find('\t');
        if (tab != std::string_view::npos && tab > 0) {
            return BatchQuery{std::string(v.substr(0, tab)), std::string(v.substr(tab + 1))};
        }
        return BatchQuery{std::to_string(n), std::string(tab == 0 ? v.substr(1) : v)};
    }
}

// The first line, once the batch has been read whole and converted when it needs that.
bool BatchReader::read_first_line(std::string& line) {
    for (;;) {
        if (!std::getline(*in_, line)) return false;
        // PowerShell's ">" and Notepad's "Unicode" write UTF-16 (with a BOM): every line was a
        // query error ("contains a NUL byte"). Such a batch is read whole and converted.
        if (starts_with_utf16_bom(line)) {
            std::string bytes = line + (in_->eof() ? "" : "\n");
            bytes.append(std::istreambuf_iterator<char>(*in_), std::istreambuf_iterator<char>());
            std::vector<std::string> notes;
            whole_ = std::make_unique<std::istringstream>(bytes_to_text(std::move(bytes), notes));
            in_ = whole_.get();
            continue;
        }
        // Classic Mac line ends, as Excel for Mac's "CSV (Macintosh)" still writes them: with no
        // LF at all, the whole batch was one query of every line's words.
        if (std::size_t cr = line.find('\r');
            in_->eof() && cr != std::string::npos && cr + 1 < line.size()) {
            std::replace(line.begin(), line.end(), '\r', '\n');
            whole_ = std::make_unique<std::istringstream>(std::move(line));
            in_ = whole_.get();
            continue;
        }
        return true;
    }
}

namespace {

// Queries read and not yet written at most: the reader waits for the writer beyond that, so a
// batch of any length takes bounded memory, while the workers still have plenty to do past a
// slow query.
constexpr std::size_t kWindow = 4096;

}  // namespace

BatchOutcome run_batch(const std::filesystem::path& db, std::istream& in,
                       const SearchOptions& options, const OutputStyle& style, unsigned threads,
                       std::ostream& out, std::ostream& err) {
    struct Slot {
        BatchQuery query;
        std::string output, error;
        bool matched = false, done = false;
    };
    struct Shared {
        std::mutex mu;
        std::condition_variable cv;
        // The queries read and not yet written, in input order, the front one numbered
        // `written`; written <= claimed <= read count those written, taken by a worker, read.
        std::deque<Slot> window;
        std::size_t written = 0, claimed = 0, read = 0;
        bool input_ended = false, stop = false;
        bool reader_done = false;
        std::exception_ptr fatal;

        void halt(std::exception_ptr error = nullptr) {
            std::lock_guard lock(mu);
            if (error && !fatal) fatal = error;
            stop = true;
            cv.notify_all();
        }
    };
    // Shared with the reader, which may outlive this call (see the end).
    auto state = std::make_shared<Shared>();
    Shared& shared = *state;

    // Opened before anything is read: a database that cannot be opened is reported at once,
    // not left for a script that has written a query and waits for its answer.
    std::optional<Searcher> spare(std::in_place, db);

    auto reader = [state, &in] {
        Shared& shared = *state;
        struct Done {
            Shared& shared;
            ~Done() {
                std::lock_guard lock(shared.mu);
                shared.reader_done = true;
            }
        } done{shared};
        try {
            BatchReader batch(in);
            for (;;) {
                std::optional<BatchQuery> query = batch.next();  // may wait for the next line
                std::unique_lock lock(shared.mu);
                shared.cv.wait(lock, [&] {
                    return !query || shared.read - shared.written < kWindow || shared.stop;
                });
                if (shared.stop) return;
                if (!query) {
                    shared.input_ended = true;
                    shared.cv.notify_all();
                    return;
                }
                shared.window.emplace_back().query = std::move(*query);
                ++shared.read;
                shared.cv.notify_all();
            }
        } catch (...) {
            shared.halt(std::current_exception());
        }
    };

    auto worker = [&] {
        try {
            std::optional<Searcher> searcher;
            for (;;) {
                std::size_t i;
                BatchQuery query;
                {
                    std::unique_lock lock(shared.mu);
                    shared.cv.wait(lock, [&] {
                        return shared.claimed < shared.read || shared.input_ended || shared.stop;
                    });
                    if (shared.stop || shared.claimed == shared.read) return;
                    i = shared.claimed++;
                    query = shared.window[i - shared.written].query;
                    if (!searcher && spare) searcher = std::exchange(spare, std::nullopt);
                }
                if (!searcher) searcher.emplace(db);
                std::string output, error;
                bool matched = false;
                try {
                    SearchResult r = searcher->search(query.text, options);
                    output = format_result(style, query.id, query.text, r);
                    matched = r.total > 0;
                } catch (const UsageError& e) {
                    error = e.what();
                    output = format_query_error(style, query.id, query.text, e.what());
                }
                std::lock_guard lock(shared.mu);
                // Not written yet (it was not done), so still in the window.
                Slot& slot = shared.window[i - shared.written];
                slot.output = std::move(output);
                slot.error = std::move(error);
                slot.matched = matched;
                slot.done = true;
                shared.cv.notify_all();
            }
        } catch (...) {
            shared.halt(std::current_exception());
        }
    };

    // Reading `in` must not flush `out` (std::cin is tied to std::cout): the reader would write
    // to it beside the writer.
    std::ostream* tied = in.tie(nullptr);
    // The reader blocks in a read of the input until a line or its end comes. A batch that
    // stops early (a database error, output nobody reads) while a script keeps its stdin open
    // and waits for an answer must not wait for that too: its error goes out at once, and the
    // reader, left to block, ends with the process. Any other input is read to its end quickly.
    std::thread read_thread(reader);
    const bool may_abandon = &in == &std::cin;
    struct StopReader {
        Shared& shared;
        std::thread& thread;
        bool may_abandon;
        std::istream& in;
        std::ostream* tied;
        ~StopReader() {
            shared.halt();
            bool done;
            {
                std::lock_guard lock(shared.mu);
                done = shared.reader_done;
            }
            if (done || !may_abandon) {
                thread.join();
                in.tie(tied);  // no thread reads `in` any more
            } else {
                thread.detach();
            }
        }
    } stop_reader{shared, read_thread, may_abandon, in, tied};
    std::vector<std::jthread> pool;
    // Destroyed before `pool` joins the threads, also when this function throws.
    struct HaltOnExit {
        Shared& shared;
        ~HaltOnExit() { shared.halt(); }
    } halt_on_exit{shared};
    for (unsigned t = 0; t < std::max(1u, threads); ++t) pool.emplace_back(worker);

    BatchOutcome outcome;
    for (;;) {
        Slot s;
        {
            std::unique_lock lock(shared.mu);
            auto ready = [&] {
                return (!shared.window.empty() && shared.window.front().done) || shared.stop ||
                       (shared.input_ended && shared.written == shared.read);
            };
            // Every query read so far is answered: the next waits for input, which a script may
            // send only once it has the answers so far. A batch read ahead is left buffered.
            if (!ready() && shared.written == shared.read) {
                lock.unlock();
                out.flush();
                if (!out) break;
                lock.lock();
            }
            shared.cv.wait(lock, ready);
            if (shared.window.empty() || !shared.window.front().done) break;  // the end, or halted
            s = std::move(shared.window.front());
            shared.window.pop_front();
            ++shared.written;
            shared.cv.notify_all();  // the reader may wait for room
        }
        if (!s.error.empty()) {
            ++outcome.errors;
            err << fmt::format("reel-search: query {} '{}': {}\n", printable(s.query.id),
                               printable(utf8_prefix(s.query.text, 200)), s.error);
        }
        outcome.matched += s.matched;
        out << s.output;
        // Output nobody reads any more (a full disk, a closed pipe with SIGPIPE ignored): the
        // rest of the batch would be answered for nothing.
        if (!out) break;
    }
    out.flush();
    shared.halt();
    pool.clear();
    if (shared.fatal) std::rethrow_exception(shared.fatal);
    return outcome;
}

}  // namespace reel
