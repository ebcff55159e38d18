// A last line of defence for damage reel cannot detect before Xapian reads it.
#pragma once

#include <filesystem>
#include <string_view>

namespace reel {

// Glass tables carry no checksums in Xapian 1.4: some random byte damage makes libxapian read
// out of bounds or corrupt its own heap before it can throw DatabaseCorruptError. Rather than
// die with a bare "Segmentation fault", the program then prints one line naming the database
// and how to recover, and exits with kExitDatabase. Installed once, at the edge of a binary.
void install_crash_guard(std::string_view program, const std::filesystem::path& db);

}  // namespace reel
