// Checksums of a database's files, so that damage to their bytes is found before Xapian reads it.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string_view>

namespace reel {

// Glass tables carry no checksums in Xapian 1.4: damaged bytes (a bad disk, a stray write, a
// copy cut short and patched up) go unnoticed until libxapian reads them, and then it may throw,
// loop for ever or corrupt its own heap. So reel-index records a CRC-32 of every file of the
// database at the end of each run and checks them at the start of the next, while it holds the
// write lock. The record names the revision it describes: a run killed after a commit leaves
// a record of an older revision, which is ignored rather than taken for damage.
inline constexpr std::string_view kChecksumFile = "reel-checksums";

void record_table_checksums(const std::filesystem::path& db, Xapian::rev revision);

// Throws DatabaseError naming the first damaged file when the database is still at the
// recorded revision but a file differs from the record. No record, or an old one: no check.
// Returns whether a record of this revision was found (and matched).
bool check_table_checksums(const std::filesystem::path& db, Xapian::rev revision);

// For readers, on every open: a reader cannot afford to sum the files each time, so the record
// also holds each file's size and modification time, and only when one differs (a stray write,
// a copy) are the files summed, and DatabaseError thrown as above if they differ. Skipped while
// a writer holds the lock, and for records of another revision or without times.
void check_tables_unchanged(const std::filesystem::path& db, const Xapian::Database& opened);

}  // namespace reel
