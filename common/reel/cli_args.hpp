// Command-line options that reel-index and reel-search share, each declared once (the PISA
// pattern: a small struct owns its options and their meaning).
#pragma once

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>

#include "reel/database.hpp"
#include "reel/errors.hpp"

namespace reel::arg {

struct Database {
    std::string db;
    void add(CLI::App& app) {
        app.add_option("--db", db, "Database folder (default: $REEL_DB, else ./reel.db)");
    }
    std::filesystem::path path() const { return default_db_path(db); }
};

struct Jobs {
    unsigned jobs = 0;
    void add(CLI::App& app, const std::string& what) {
        app.add_option("-j,--jobs", jobs, what + " (default: one per core)")
            ->check(CLI::Range(1u, 256u));
    }
    unsigned count() const {
        return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
    }
};

// For options read into an unsigned number. CLI11 reads those with strtoull, which takes "-1"
// for the largest number there is: "-n -1" listed every hit. The name stays out of --help, which
// says UINT already.
inline CLI::Validator whole_number() {
    auto check = [](std::string& value) -> std::string {
        std::size_t n = 0;
        const char* end = value.data() + value.size();
        auto [stop, ec] = std::from_chars(value.data(), end, n);
        if (ec == std::errc::result_out_of_range) return "'" + value + "' is too large";
        if (ec != std::errc() || stop != end)
            return "'" + value + "' is not a whole number of 0 or more";
        return "";
    };
    return CLI::Validator(check, "");
}

// For --wait: CLI::NonNegativeNumber answered "-1" and "abc" alike with "Value abc not in range
// 0.000000 to 179769313486231570814527423731704356798070567525844996598917476803157260780028...".
inline CLI::Validator seconds() {
    auto check = [](std::string& value) -> std::string {
        double n = 0;
        const char* end = value.data() + value.size();
        auto [stop, ec] = std::from_chars(value.data(), end, n);
        if (ec != std::errc() || stop != end || !(n >= 0))
            return "'" + value + "' is not a number of seconds (0 or more)";
        return "";
    };
    return CLI::Validator(check, "");
}

// Adds --version printing "<program> <version>".
inline void add_version(CLI::App& app, const std::string& program) {
    app.set_version_flag("-V,--version", program + " " + REEL_VERSION);
}

// Parses the command line; returns the exit status when the program is to stop there (0 after
// --help or --version, kExitUsage after an error). CLI11 prints its errors on two lines without
// the program's name ("...\nRun with --help for more information."); reel's errors are one line
// starting with it, so that scripts can grep them.
// `unknown_dash_hint` follows the message for an argument with one '-' that is no option
// ("-whiplash"; "--frobnicate" is a mistyped option).
inline std::optional<int> parse(CLI::App& app, int argc, char** argv,
                                std::string_view unknown_dash_hint = {}) {
    try {
        app.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        std::string message = e.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
        auto extras = app.remaining();
        if (dynamic_cast<const CLI::ExtrasError*>(&e) && !unknown_dash_hint.empty() &&
            std::any_of(extras.begin(), extras.end(), [](const std::string& a) {
                return a.size() > 1 && a[0] == '-' && a[1] != '-';
            }))
            message = fmt::format("{}; {}", message, unknown_dash_hint);
        fmt::print(stderr, "{}: {} (see --help)\n", app.get_name(), message);
        return kExitUsage;
    }
}

}  // namespace reel::arg
