// Opening reel databases with the errors users should see: missing, locked, corrupt.
#pragma once

#include <xapian.h>
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

namespace reel {

// The database path from --db, else $REEL_DB, else ./reel.db.
std::filesystem::path default_db_path(const std::string& from_option);

// Opens for reading. Throws DatabaseError naming the path (and saying how to create it when it
// does not exist, that a newer reel-index wrote it, or that a fresh build is filling it).
Xapian::Database open_for_reading(const std::filesystem::path& path);

// The start of the names of the scratch folders a fresh build of `db` writes beside it
// ("reviews.db.tmp-"): segments, the compacted result, the database it replaces.
std::string scratch_prefix(const std::filesystem::path& db);

// The scratch folders beside `db` now: a fresh build under way, or left by one that was killed.
std::vector<std::filesystem::path> scratch_folders(const std::filesystem::path& db);

// The message for a database whose blocks cannot be read (`why`: Xapian's words): it may be
// corrupt, and --rebuild recovers.
std::string unreadable_message(const std::filesystem::path& path, const std::string& why);

// Opens for writing, creating it if needed; `overwrite` starts afresh (a corrupt database is
// removed first). A database of another schema version needs `overwrite`, except version 3,
// which is updated in place to the current one. Waits up to `wait_seconds` for another writer's
// lock, unless `stop` is raised meanwhile (then throws Interrupted). Throws DatabaseError.
Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path, bool overwrite,
                                          double wait_seconds,
                                          const std::atomic<bool>* stop = nullptr);

}  // namespace reel
