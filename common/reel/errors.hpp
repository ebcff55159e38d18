// Exceptions used inside reel; binaries turn them into one line and an exit code at the edge.
#pragma once

#include <stdexcept>
#include <string>

namespace reel {

// Documented exit codes, shared by reel-index and reel-search.
enum ExitCode : int {
    kExitOk = 0,
    kExitPartial = 1,   // reel-index: some inputs skipped; reel-search: no query matched
    kExitUsage = 2,     // bad option or malformed query
    kExitDatabase = 3,  // database missing, locked, corrupt
    kExitSigint = 130,
    kExitSigterm = 143,
};

// One input (file or record) cannot be read or parsed; the run carries on without it.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The user asked for something malformed (option, query, field mapping).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The database is missing, locked, corrupt or cannot be written.
struct DatabaseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The user interrupted a wait (for another writer's lock) before anything was changed.
struct Interrupted : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace reel
