// reel-index: index a folder of film reviews into a reel (Xapian) database.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>

#include "progress_bar.hpp"
#include "reel/cli_args.hpp"
#include "reel/crash_guard.hpp"
#include "reel/errors.hpp"
#include "reel/index_update.hpp"
#include "reel/unicode.hpp"

namespace {

std::atomic<bool> g_stop{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_signal(int sig) {
    g_signal = sig;
    g_stop = true;
    std::signal(sig, SIG_DFL);  // a second signal ends the process at once
}

class TerminalObserver : public reel::IndexObserver {
  public:
    explicit TerminalObserver(bool show_progress) : show_progress_(show_progress), bar_(stderr) {}
    void warning(const std::string& path, const std::string& message) override {
        bar_.clear();
        fmt::print(stderr, "reel-index: warning: {}: {}\n", reel::printable(path), message);
    }
    void progress(const reel::IndexProgress& p) override {
        if (show_progress_) bar_.update(p);
    }
    void done() { bar_.clear(); }

  private:
    bool show_progress_;
    reel::ProgressBar bar_;
};

constexpr const char* kDescription = R"(Index film reviews for reel-search.

Reads DIR|FILE... recursively: .txt, .md (front matter: film, year, rating, author, date,
title, url), .html/.htm, .json (an object or an array), .jsonl (one review per line), .csv
(header row). Finds the people and films each review mentions. Re-running updates
only what changed and removes reviews of files that disappeared.

Exit status: 0 all inputs indexed, 1 some inputs skipped or repaired, or a --field column
found in no file (see warnings), 2 usage error, 3 database error (missing, locked, corrupt),
130/143 interrupted (what was done is committed; re-run to finish).)";

}  // namespace

int main(int argc, char** argv) {
    CLI::App app(kDescription, "reel-index");
    app.get_formatter()->column_width(34);
    reel::arg::Database db;
    reel::arg::Jobs jobs;
    reel::IndexOptions options;
    std::vector<std::string> inputs, field_specs;
    bool quiet = false, no_entities = false;
    std::string catalog;
    double max_review_mb = 32;
    db.add(app);
    app.add_option("inputs", inputs, "Folders and files to index")
        ->required()
        ->type_name("DIR|FILE");
    app.add_flag("--rebuild", options.rebuild,
                 "Start from an empty database (also recovers a corrupt one)");
    app.add_option(
           "--field", field_specs,
           "Map a CSV/JSON column to a review field: NAME=COLUMN, NAME one of text, film, title, "
           "rating, author, date, year, url (repeatable)")
        ->type_name("NAME=COLUMN");
    app.add_option("--catalog", catalog,
                   "CSV/TSV of films (title, year, directors, actors) to link mentions to")
        ->check(CLI::ExistingFile);
    app.add_flag("--no-entities", no_entities, "Do not look for people and films in the text");
    jobs.add(app, "Analysis threads");
    auto* batch_size =
        app.add_option("--batch-size", options.batch_size,
                       "Commit every N reviews; an interrupted run keeps each committed batch "
                       "(default: 5000 when updating; a fresh build is written in parallel "
                       "and committed once)")
            ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
    app.add_option("--segment-size", options.segment_reviews,
                   "Reviews per scratch segment of a fresh parallel build (at most; a small "
                   "build uses smaller ones, four per thread): larger segments compact into a "
                   "smaller database")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}))
        ->capture_default_str();
    app.add_option("--wait", options.wait_seconds,
                   "Wait up to SECONDS for another reel-index to finish")
        ->type_name("SECONDS")
        ->check(reel::arg::seconds());
    app.add_option("--max-review-mb", max_review_mb,
                   "Cut longer reviews (and JSONL lines) at this size")
        ->check(CLI::Range(0.001, 4096.0))
        ->capture_default_str();
    app.add_flag("-q,--quiet", quiet, "No progress bar");
    reel::arg::add_version(app, "reel-index");

    if (auto status = reel::arg::parse(app, argc, argv)) return *status;

    try {
        for (const auto& spec : field_specs) options.load.fields.add_mapping(spec);
        options.db = db.path();
        options.batch_size_given = batch_size->count() > 0;
        for (const auto& in : inputs) options.inputs.emplace_back(in);
        options.catalog = catalog;
        options.extract_entities = !no_entities;
        options.jobs = jobs.count();
        options.load.max_review_bytes = static_cast<std::size_t>(max_review_mb * 1024 * 1024);

        reel::install_crash_guard("reel-index", options.db);
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);
        TerminalObserver observer(!quiet && isatty(STDERR_FILENO));
        reel::IndexSummary s = reel::update_index(options, observer, g_stop);
        observer.done();
        fmt::print(stderr,
                   "reel-index: {} added, {} updated, {} deleted, {} unchanged, {} skipped files; "
                   "{} reviews indexed in {:.1f} s\n",
                   s.added, s.updated, s.deleted, s.unchanged, s.skipped, s.reviews, s.seconds);
        if (s.interrupted) {
            fmt::print(
                stderr,
                "reel-index: interrupted: everything above is committed; run again to finish\n");
            return g_signal == SIGTERM ? reel::kExitSigterm : reel::kExitSigint;
        }
        return s.warnings > 0 || s.skipped > 0 ? reel::kExitPartial : reel::kExitOk;
    } catch (const reel::UsageError& e) {
        fmt::print(stderr, "reel-index: {}\n", e.what());
        return reel::kExitUsage;
    } catch (const reel::InputError& e) {
        fmt::print(stderr, "reel-index: {}\n", e.what());
        return reel::kExitUsage;
    } catch (const reel::Interrupted& e) {
        fmt::print(stderr, "reel-index: {}\n", e.what());
        return g_signal == SIGTERM ? reel::kExitSigterm : reel::kExitSigint;
    } catch (const reel::DatabaseError& e) {
        fmt::print(stderr, "reel-index: {}\n", e.what());
        return reel::kExitDatabase;
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "reel-index: database error: {}\n", e.get_description());
        return reel::kExitDatabase;
    } catch (const std::exception& e) {
        fmt::print(stderr, "reel-index: {}\n", e.what());
        return reel::kExitDatabase;
    }
}
