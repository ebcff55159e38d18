// Finding the review files under the paths a user gives reel-index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "reel/loader.hpp"

namespace reel {

struct InputFile {
    std::filesystem::path path;  // absolute, lexically normal
    Format format;
    std::uintmax_t size = 0;
    std::string signature;  // size and modification time: a change means re-index
};

struct WalkResult {
    std::vector<InputFile> files;  // sorted by path
    // Roots that exist; documents of vanished files are deleted only under these, so an
    // unmounted folder never wipes its reviews from the index.
    std::vector<std::filesystem::path> roots;
    std::size_t ignored = 0;  // files of other types
};

// Walks each input recursively: hidden entries are skipped, symlinked folders are followed once
// (loops are detected), unreadable folders and files are reported through `warn(path, reason)`.
WalkResult walk_inputs(const std::vector<std::filesystem::path>& inputs,
                       const std::function<void(const std::string&, const std::string&)>& warn);

// True when `path` is `root` or lies below it.
bool is_under(const std::string& path, const std::filesystem::path& root);

}  // namespace reel
