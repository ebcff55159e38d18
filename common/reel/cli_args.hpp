// Command-line options that reel-index and reel-search share, each declared once (the PISA
// pattern: a small struct owns its options and their meaning).
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <thread>

#include "reel/database.hpp"

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

// Adds --version printing "<program> <version>".
inline void add_version(CLI::App& app, const std::string& program) {
    app.set_version_flag("-V,--version", program + " " + REEL_VERSION);
}

}  // namespace reel::arg
