// reel-search: ranked search over a reel database, one query or a batch.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "batch.hpp"
#include "reel/cli_args.hpp"
#include "reel/crash_guard.hpp"
#include "reel/database.hpp"
#include "reel/entity_catalogue.hpp"
#include "reel/errors.hpp"
#include "reel/output.hpp"
#include "reel/query.hpp"
#include "reel/search.hpp"
#include "reel/stored_review.hpp"
#include "reel/unicode.hpp"

namespace {

constexpr const char* kDescription = R"(Search film reviews indexed by reel-index.

  reel-search [options] QUERY
  reel-search --batch FILE|- [options]     one query per line, "ID<TAB>QUERY" names it
  reel-search --list people|films|reviews  the entity catalogue, or every review's entities

Exit status: 0 some query matched, 1 nothing matched, 2 usage or query error (or
output that could not be written), 3 database error.)";

struct ListRequest {
    std::string what;    // people, films or reviews
    std::string prefix;  // people and films only
    std::size_t offset = 0;
    std::optional<std::size_t> limit;  // none: all
    bool count_only = false;
};

int list_once(const std::filesystem::path& db_path, const ListRequest& request,
              const reel::OutputStyle& style, std::size_t& printed) {
    reel::Searcher searcher(db_path);
    const Xapian::Database& db = searcher.database();
    // Entries numbered from 0 before --offset; with no limit, all from there.
    auto past_page = [&](std::size_t n) {
        return request.limit && n >= request.offset && n - request.offset >= *request.limit;
    };
    std::size_t found = 0;
    // Printed with the first entry: a listing read again (list()) has printed nothing yet.
    std::string header = reel::format_list_header(style, request.what == "reviews");
    auto print = [&](const std::string& entry) {
        std::cout << header << entry;
        header.clear();
        ++printed;
    };
    if (request.what == "reviews") {
        if (request.count_only) {
            found = db.get_doccount();
        } else {
            for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it, ++found) {
                if (past_page(found)) break;
                if (found < request.offset) continue;
                print(reel::format_review_entry(
                    style, reel::decode_document_data(db.get_document(*it).get_data())));
                if (!std::cout) break;  // nobody reads the rest (main reports it)
            }
        }
    } else {
        auto kind = request.what == "people" ? reel::EntityKind::person : reel::EntityKind::film;
        // read_catalogue reads all for 0, which a page that ends past SIZE_MAX needs too.
        std::size_t read = 0;
        if (!request.count_only && request.limit && *request.limit <= SIZE_MAX - request.offset)
            read = request.offset + *request.limit;
        auto entries = reel::read_catalogue(db, kind, request.prefix, read);
        found = entries.size();
        for (std::size_t n = request.offset; !request.count_only && n < found && !past_page(n);
             ++n) {
            print(reel::format_catalogue_entry(style, entries[n]));
        }
    }
    std::cout << header;  // an empty listing still names its columns
    if (request.count_only) {
        std::cout << reel::format_list_count(style, found);
        ++printed;
        return found > 0 ? reel::kExitOk : reel::kExitPartial;
    }
    return printed > 0 ? reel::kExitOk : reel::kExitPartial;
}

// A reel-index commit while listing discards the revision being read: the catalogue is read
// whole before anything is printed, so it is read again; a review listing already under way
// cannot restart without printing entries twice.
int list(const std::filesystem::path& db_path, const ListRequest& request,
         const reel::OutputStyle& style) {
    for (int attempt = 0;; ++attempt) {
        std::size_t printed = 0;
        try {
            return list_once(db_path, request, style, printed);
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (printed > 0 || attempt >= 5) {
                throw reel::DatabaseError(reel::unreadable_message(db_path, e.get_msg()));
            }
        } catch (const Xapian::DatabaseCorruptError& e) {
            // Also what a commit that reuses blocks under the reader can look like; real
            // damage is there on every attempt.
            if (printed > 0 || attempt >= 5) {
                throw reel::DatabaseError(reel::unreadable_message(db_path, e.get_msg()));
            }
        }
    }
}

// Options that make no sense together with the chosen mode, as one line for the user ("" when
// all is well): silently ignoring one would answer a question the user did not ask.
std::string misplaced_option(const CLI::App& app, const std::string& list_what,
                             const std::string& format) {
    if (!list_what.empty()) {
        for (const char* opt : {"--facets", "--any", "--no-snippets"}) {
            if (app.count(opt) > 0) return fmt::format("{} applies to queries, not to --list", opt);
        }
    }
    if (app.count("--prefix") > 0 && list_what != "people" && list_what != "films")
        return "--prefix applies to --list people or --list films";
    if (format == "tsv" && app.count("--facets") > 0)
        return "--facets has no column in --format tsv (one row per hit): use json or text";
    return "";
}

// Opens a --batch file; returns why it cannot be read, or "".
std::string open_batch(const std::string& path, std::ifstream& file) {
    std::error_code ec;
    // An ifstream opens a folder and then reads nothing from it, which passed for an empty batch.
    if (std::filesystem::is_directory(path, ec)) return "it is a directory";
    errno = 0;
    file.open(path);
    if (file) return "";
    return errno != 0 ? std::strerror(errno) : "it cannot be opened";
}

// The exit status once stdout is flushed: output that could not be written in full (a full
// disk, a pipe closed with SIGPIPE ignored) is an error, not a success a script would trust.
int after_output(int status) {
    std::cout.flush();
    if (std::cout) return status;
    // errno is still the failed write's: nothing since made a system call that could fail.
    fmt::print(stderr, "reel-search: cannot write the output: {}\n",
               errno != 0 ? std::strerror(errno) : "write error");
    return reel::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app(kDescription, "reel-search");
    app.get_formatter()->column_width(34);
    app.footer(std::string(reel::query_syntax_help()));
    reel::arg::Database db;
    reel::arg::Jobs jobs;
    reel::SearchOptions options;
    std::vector<std::string> query_words;
    std::string query, batch, format = "text", color = "auto", list_what, prefix;
    db.add(app);
    app.add_option("query", query_words,
                   "The query (see syntax below); several arguments are joined by spaces")
        ->type_name("QUERY");
    app.add_option("--batch", batch,
                   "Read queries from FILE ('-' for stdin), one per line, each answered as read")
        ->type_name("FILE|-");
    app.add_option("-f,--format", format,
                   "Output: text (for people), json (one object per query per line), tsv")
        ->check(CLI::IsMember({"text", "json", "tsv"}))
        ->capture_default_str();
    app.add_option("-n,--limit", options.limit,
                   "Results per query; with --list, entries (default there: all)")
        ->check(reel::arg::whole_number())
        ->capture_default_str();
    app.add_option("--offset", options.offset,
                   "Skip this many results (or --list entries) first (paging)")
        ->check(reel::arg::whole_number())
        ->capture_default_str();
    app.add_flag("-c,--count", options.count_only,
                 "Print the exact number of matching reviews (or --list entries) only");
    app.add_flag("--any", options.query.match_any,
                 "Match reviews with any of the words (default: all)");
    app.add_flag("--facets", options.facets, "Add the top people and films among all matches");
    app.add_flag(
        "--no-snippets", [&](std::int64_t) { options.snippets = false; },
        "Leave out text snippets");
    app.add_option("--list", list_what,
                   "List people or films (most reviewed first), or every review's entities")
        ->check(CLI::IsMember({"people", "films", "reviews"}));
    app.add_option("--prefix", prefix,
                   "With --list people|films: only names with a word starting with TEXT")
        ->type_name("TEXT");
    app.add_option("--color", color,
                   "Highlight matches: auto (when stdout is a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    jobs.add(app, "Threads for --batch");
    reel::arg::add_version(app, "reel-search");

    // "reel-search drum -whiplash" was only told -whiplash was not expected.
    if (auto status = reel::arg::parse(
            app, argc, argv,
            "a query word starting with '-' goes after '--': reel-search -- drum -whiplash"))
        return *status;

    for (const auto& w : query_words) query += (query.empty() ? "" : " ") + w;

    reel::OutputStyle style;
    style.format = format == "json"  ? reel::OutputFormat::json
                   : format == "tsv" ? reel::OutputFormat::tsv
                                     : reel::OutputFormat::text;
    style.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO));
    style.count_only = options.count_only;
    style.facets = options.facets;
    options.highlight_start = reel::highlight_start(style);
    options.highlight_end = reel::highlight_end(style);

    // Modes by what was given, not by its value: an empty query ("$q" unset in a script) was
    // told to give a query, and is a query with nothing to search for.
    int modes = !query_words.empty() + (app.count("--batch") > 0) + !list_what.empty();
    if (modes != 1) {
        fmt::print(
            stderr,
            "reel-search: give exactly one of QUERY, --batch FILE or --list WHAT (see --help)\n");
        return reel::kExitUsage;
    }
    if (std::string why = misplaced_option(app, list_what, format); !why.empty()) {
        fmt::print(stderr, "reel-search: {}\n", why);
        return reel::kExitUsage;
    }

    try {
        std::ios::sync_with_stdio(false);
        reel::install_crash_guard("reel-search", db.path());
        if (!list_what.empty()) {
            // An explicit --limit 0 lists none, as it shows no hits of a query: it listed all.
            ListRequest request{
                list_what, prefix, options.offset,
                app.count("--limit") > 0 ? std::optional(options.limit) : std::nullopt,
                options.count_only};
            return after_output(list(db.path(), request, style));
        }
        std::cout << reel::format_header(style);
        if (!query_words.empty()) {
            reel::Searcher searcher(db.path());
            reel::SearchResult result;
            try {
                result = searcher.search(query, options);
            } catch (const reel::UsageError& e) {
                fmt::print(stderr, "reel-search: bad query '{}': {}\n",
                           reel::printable(reel::utf8_prefix(query, 200)), e.what());
                return reel::kExitUsage;
            }
            // For scripts, numbered as a batch of one line (README's example); people reading
            // text get no "== 1:" heading over their one query.
            std::string_view id = style.format == reel::OutputFormat::text ? "" : "1";
            std::cout << reel::format_result(style, id, query, result);
            return after_output(result.total > 0 ? reel::kExitOk : reel::kExitPartial);
        }
        std::ifstream file;
        if (batch != "-") {
            if (std::string why = open_batch(batch, file); !why.empty()) {
                fmt::print(stderr, "reel-search: cannot read batch file '{}': {}\n", batch, why);
                return reel::kExitUsage;
            }
        }
        auto outcome = reel::run_batch(db.path(), batch == "-" ? std::cin : file, options, style,
                                       jobs.count(), std::cout, std::cerr);
        return after_output(outcome.errors > 0    ? reel::kExitUsage
                            : outcome.matched > 0 ? reel::kExitOk
                                                  : reel::kExitPartial);
    } catch (const reel::DatabaseError& e) {
        fmt::print(stderr, "reel-search: {}\n", e.what());
        return reel::kExitDatabase;
    } catch (const reel::InputError& e) {  // a stored review that does not decode
        fmt::print(stderr, "reel-search: {}\n", reel::unreadable_message(db.path(), e.what()));
        return reel::kExitDatabase;
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "reel-search: {}\n",
                   reel::unreadable_message(db.path(), e.get_description()));
        return reel::kExitDatabase;
    } catch (const std::exception& e) {
        // Whatever else escapes came from reading the database (an entry that does not parse):
        // one line and exit 3, never an abort.
        fmt::print(stderr, "reel-search: {}\n",
                   reel::unreadable_message(db.path(),
                                            fmt::format("an entry is unreadable: {}", e.what())));
        return reel::kExitDatabase;
    }
}
