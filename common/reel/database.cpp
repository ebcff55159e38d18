#include "reel/database.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "reel/errors.hpp"
#include "reel/schema.hpp"
#include "reel/table_checksums.hpp"

namespace reel {

namespace fs = std::filesystem;

std::filesystem::path default_db_path(const std::string& from_option) {
    std::string path = "reel.db";
    if (!from_option.empty())
        path = from_option;
    else if (const char* env = std::getenv("REEL_DB"); env && *env)
        path = env;
    // A shell completes a folder's name with a slash. Without it dropped, "reviews.db/" has no
    // file name: a fresh build put its scratch folders inside the database and then failed to
    // rename the database into itself ("cannot rename: Invalid argument"), every time.
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

namespace {

bool is_xapian_file(const std::string& name) {
    return name.ends_with(".glass") || name.starts_with(kChecksumFile) ||
           name.starts_with("iamglass") || name.starts_with("flintlock") ||
           name.ends_with(".tmp") || name.ends_with(".DB") || name.ends_with(".baseA") ||
           name.ends_with(".baseB");
}

// A folder with Xapian's lock file and tables but no version file is a database whose creation
// was cut short (reel-index killed before its first commit): it holds nothing, and Xapian
// refuses to open it ("Failed to open glass revision file") until it is created again.
bool never_committed(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec) || fs::exists(path / "iamglass", ec)) return false;
    if (!fs::exists(path / "flintlock", ec)) return false;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (!is_xapian_file(entry.path().filename().string())) return false;
    }
    return !ec;
}

// A reel-search older than the database would read it by rules it has outgrown and answer
// wrongly without a word: schema 3 searches found no entity word schema 4 left to the body.
void check_readable_schema(const fs::path& path, const Xapian::Database& db) {
    std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    int written = 0, known = 0;
    std::from_chars(version.data(), version.data() + version.size(), written);
    std::from_chars(schema::kSchemaVersion.data(),
                    schema::kSchemaVersion.data() + schema::kSchemaVersion.size(), known);
    if (written > known) {
        throw DatabaseError(fmt::format(
            "database '{}' has schema version {}, written by a newer reel-index; this reel-search "
            "reads versions up to {}",
            path.string(), version, schema::kSchemaVersion));
    }
}

// Xapian takes a file at the database path for a stub listing databases: one given by mistake
// was "cannot be read ...; it may be corrupt: rebuild it" to reel-search and "No databases
// listed" or "Bad line" to reel-index. A reel database is always a folder.
void check_not_a_file(const fs::path& path) {
    std::error_code ec;
    if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
        throw DatabaseError(fmt::format("'{}' is a file, not a database folder: give --db a folder",
                                        path.string()));
    }
}

// `--db ~/reviews ~/reviews` wrote Xapian's tables among the user's reviews, and --rebuild over
// such a folder would have done the same: a database is a folder of its own (new, empty, or
// holding Xapian's files).
void check_not_a_folder_of_other_files(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec) || fs::exists(path / "iamglass", ec) ||
        fs::exists(path / "flintlock", ec))
        return;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        std::string name = entry.path().filename().string();
        if (is_xapian_file(name)) continue;
        throw DatabaseError(
            fmt::format("'{}' is a folder of other files ('{}'), not a database: give --db a new "
                        "or empty folder",
                        path.string(), name));
    }
}

}  // namespace

std::string scratch_prefix(const fs::path& db) {
    return db.filename().string() + ".tmp-";
}

std::vector<fs::path> scratch_folders(const fs::path& db) {
    std::error_code ec;
    fs::path parent = db.parent_path();
    if (parent.empty()) parent = ".";
    std::string prefix = scratch_prefix(db);
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
        if (entry.path().filename().string().starts_with(prefix)) found.push_back(entry.path());
    }
    return found;
}

Xapian::Database open_for_reading(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw DatabaseError(fmt::format(
            "no database at '{}': create it with 'reel-index --db {} DIR' (or set REEL_DB)",
            path.string(), path.string()));
    }
    check_not_a_file(path);
    if (never_committed(path)) {
        throw DatabaseError(fmt::format(
            "database '{}' is empty: reel-index was stopped before its first commit; run it again",
            path.string()));
    }
    for (int attempt = 0;; ++attempt) {
        try {
            Xapian::Database db(path.string());
            // Damaged tables can make libxapian crash while reading them.
            check_tables_unchanged(path, db);
            check_readable_schema(path, db);
            // Searched during a fresh build, which fills it only when it compacts its scratch
            // segments at the end, it answered "no reviews match" without a word.
            if (db.get_doccount() == 0 && !scratch_folders(path).empty()) {
                throw DatabaseError(fmt::format(
                    "database '{}' is empty while reel-index builds it (its reviews appear when "
                    "the build ends; if no reel-index is running, run it again)",
                    path.string()));
            }
            return db;
        } catch (const Xapian::DatabaseModifiedError& e) {
            // Opening while reel-index commits can find the revision just discarded: the next
            // try sees the new one. Blocks that never belong to a revision mean corruption.
            if (attempt < 5) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                continue;
            }
            throw DatabaseError(unreadable_message(path, e.get_msg()));
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw DatabaseError(fmt::format(
                "'{}' is not a reel database (no Xapian database found there)", path.string()));
        } catch (const Xapian::DatabaseCorruptError& e) {
            // Glass can also report blocks a commit just reused as corrupt ("Expected block 11
            // to be level 1, not 0", seen in e2e.concurrency): a damaged database fails the same
            // way every time, a moment of concurrent writing does not.
            if (attempt < 5) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                continue;
            }
            throw DatabaseError(
                fmt::format("database '{}' is corrupt ({}); rebuild it with 'reel-index --rebuild'",
                            path.string(), e.get_msg()));
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw DatabaseError(
                fmt::format("cannot open database '{}': {}", path.string(), e.get_msg()));
        } catch (const Xapian::DatabaseError& e) {
            throw DatabaseError(unreadable_message(path, e.get_msg()));  // "EOF reading block 2"
        } catch (const Xapian::Error& e) {
            throw DatabaseError(
                fmt::format("cannot open database '{}': {}", path.string(), e.get_msg()));
        }
    }
}

std::string unreadable_message(const std::filesystem::path& path, const std::string& why) {
    return fmt::format(
        "database '{}' cannot be read ({}); it may be corrupt: rebuild it with 'reel-index "
        "--rebuild'",
        path.string(), why);
}

namespace {

// Removes a database directory that could not be opened, but only if it holds nothing but
// Xapian's own files: --rebuild must never delete a folder of the user's by mistake.
void remove_broken_database(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        std::string name = entry.path().filename().string();
        if (!is_xapian_file(name)) {
            throw DatabaseError(fmt::format(
                "'{}' cannot be opened as a database and holds other files ('{}'); not removing it",
                path.string(), name));
        }
    }
    fs::remove_all(path, ec);
}

// Xapian throws DatabaseLockError both when another writer holds the lock and when the lock
// cannot be taken at all (permission denied, a read-only filesystem, no file descriptors left);
// only the first, which glass words "...: already locked", is worth waiting for.
bool held_by_another_writer(const Xapian::DatabaseLockError& e) {
    return e.get_msg().ends_with(": already locked");
}

// Xapian's message names the path again ("Unable to get write lock on PATH: REASON"): the
// reason alone follows reel's own wording.
std::string lock_failure_message(const fs::path& path, const Xapian::DatabaseLockError& e) {
    std::string why = e.get_msg();
    std::string xapian_lead = "Unable to get write lock on " + path.string() + ": ";
    if (why.starts_with(xapian_lead)) why.erase(0, xapian_lead.size());
    return fmt::format("cannot lock database '{}' for writing: {}", path.string(), why);
}

// Xapian says "PATH: mkdir failed"; the system's reason says what to do about it.
std::string creation_failure_message(const fs::path& path, const Xapian::DatabaseCreateError& e) {
    const char* reason = e.get_error_string();
    return fmt::format("cannot create database '{}': {}", path.string(),
                       reason && *reason ? reason : e.get_msg());
}

}  // namespace

Xapian::WritableDatabase open_for_writing(const fs::path& path, bool overwrite, double wait_seconds,
                                          const std::atomic<bool>* stop) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
    bool removed_broken = false;
    check_not_a_file(path);
    check_not_a_folder_of_other_files(path);
    while (true) {
        try {
            // Creating again over a creation cut short loses nothing; Xapian takes the lock
            // first, so a run that is creating it right now is not disturbed.
            int flags = overwrite || never_committed(path) ? Xapian::DB_CREATE_OR_OVERWRITE
                                                           : Xapian::DB_CREATE_OR_OPEN;
            Xapian::WritableDatabase db(path.string(), flags);
            std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
            if (version.empty()) {
                if (db.get_doccount() > 0) {
                    throw DatabaseError(
                        fmt::format("'{}' is a Xapian database not written by reel-index; use "
                                    "--rebuild to replace it",
                                    path.string()));
                }
                db.set_metadata(std::string(schema::kSchemaVersionKey),
                                std::string(schema::kSchemaVersion));
            } else if (version == "3" || version == "4") {
                // Schema 3 gave every entity word a term, which later queries find as well;
                // schema 4 documents are schema 5 documents without emphasis spans: the
                // documents stay, and new ones are written as the current schema.
                db.set_metadata(std::string(schema::kSchemaVersionKey),
                                std::string(schema::kSchemaVersion));
            } else if (version != schema::kSchemaVersion) {
                throw DatabaseError(fmt::format(
                    "database '{}' has schema version {}, this reel-index writes {}: use --rebuild",
                    path.string(), version, schema::kSchemaVersion));
            }
            return db;
        } catch (const Xapian::DatabaseLockError& e) {
            if (!held_by_another_writer(e)) throw DatabaseError(lock_failure_message(path, e));
            if (std::chrono::steady_clock::now() >= deadline) {
                throw DatabaseError(
                    fmt::format("database '{}' is being updated by another process (locked); wait "
                                "for it or use --wait SECONDS",
                                path.string()));
            }
            // Ctrl-C during a long --wait would otherwise go unheeded until the lock came free.
            if (stop && *stop) {
                throw Interrupted(fmt::format(
                    "interrupted while waiting for database '{}' (locked by another process); "
                    "nothing was changed",
                    path.string()));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        } catch (const Xapian::DatabaseCorruptError& e) {
            if (overwrite && !removed_broken) {
                remove_broken_database(path);
                removed_broken = true;
                continue;
            }
            throw DatabaseError(
                fmt::format("database '{}' is corrupt ({}); rebuild it with 'reel-index --rebuild'",
                            path.string(), e.get_msg()));
        } catch (const Xapian::DatabaseOpeningError& e) {
            if (overwrite && !removed_broken) {
                remove_broken_database(path);
                removed_broken = true;
                continue;
            }
            throw DatabaseError(fmt::format("cannot open database '{}' for writing: {}",
                                            path.string(), e.get_msg()));
        } catch (const Xapian::DatabaseCreateError& e) {
            // Its folder could not be made (a missing parent, no permission): nothing is
            // corrupt, and the --rebuild that unreadable_message() suggests fails the same way.
            throw DatabaseError(creation_failure_message(path, e));
        } catch (const Xapian::DatabaseError& e) {
            throw DatabaseError(unreadable_message(path, e.get_msg()));
        } catch (const Xapian::Error& e) {
            throw DatabaseError(fmt::format("cannot open database '{}' for writing: {}",
                                            path.string(), e.get_msg()));
        }
    }
}

}  // namespace reel
