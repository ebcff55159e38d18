#include "reel/database.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "reel/errors.hpp"
#include "reel/schema.hpp"

namespace reel {

namespace fs = std::filesystem;

std::filesystem::path default_db_path(const std::string& from_option) {
    if (!from_option.empty()) return from_option;
    if (const char* env = std::getenv("REEL_DB"); env && *env) return env;
    return "reel.db";
}

Xapian::Database open_for_reading(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw DatabaseError(fmt::format(
            "no database at '{}': create it with 'reel-index --db {} DIR' (or set REEL_DB)",
            path.string(), path.string()));
    }
    try {
        return Xapian::Database(path.string());
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw DatabaseError(fmt::format(
            "'{}' is not a reel database (no Xapian database found there)", path.string()));
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw DatabaseError(
            fmt::format("database '{}' is corrupt ({}); rebuild it with 'reel-index --rebuild'",
                        path.string(), e.get_msg()));
    } catch (const Xapian::Error& e) {
        throw DatabaseError(
            fmt::format("cannot open database '{}': {}", path.string(), e.get_msg()));
    }
}

namespace {

// Removes a database directory that could not be opened, but only if it holds nothing but
// Xapian's own files: --rebuild must never delete a folder of the user's by mistake.
void remove_broken_database(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        std::string name = entry.path().filename().string();
        bool xapian_file = name.ends_with(".glass") || name.starts_with("iamglass") ||
                           name.starts_with("flintlock") || name.ends_with(".tmp") ||
                           name.ends_with(".DB") || name.ends_with(".baseA") ||
                           name.ends_with(".baseB");
        if (!xapian_file) {
            throw DatabaseError(fmt::format(
                "'{}' cannot be opened as a database and holds other files ('{}'); not removing it",
                path.string(), name));
        }
    }
    fs::remove_all(path, ec);
}

}  // namespace

Xapian::WritableDatabase open_for_writing(const fs::path& path, bool overwrite,
                                          double wait_seconds) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
    bool removed_broken = false;
    while (true) {
        try {
            int flags = overwrite ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
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
            } else if (version != schema::kSchemaVersion) {
                throw DatabaseError(fmt::format(
                    "database '{}' has schema version {}, this reel-index writes {}: use --rebuild",
                    path.string(), version, schema::kSchemaVersion));
            }
            return db;
        } catch (const Xapian::DatabaseLockError&) {
            if (std::chrono::steady_clock::now() >= deadline) {
                throw DatabaseError(
                    fmt::format("database '{}' is being updated by another process (locked); wait "
                                "for it or use --wait SECONDS",
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
        } catch (const Xapian::Error& e) {
            throw DatabaseError(fmt::format("cannot open database '{}' for writing: {}",
                                            path.string(), e.get_msg()));
        }
    }
}

}  // namespace reel
