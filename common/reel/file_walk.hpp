// Finding the review files under the paths a user gives reel-index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
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
    // Folders that exist but could not be listed (and entries that could not be examined):
    // the walk cannot tell whether what was indexed below them is still there.
    std::vector<std::filesystem::path> unreadable;
    std::size_t ignored = 0;  // files of other types
    // Device and inode of each file found, and whether its path goes through a symlink.
    std::map<std::pair<std::uint64_t, std::uint64_t>, bool> identities;

    // True when the walk saw all there is at `path`: it lies under a root and under nothing
    // unreadable. A file indexed at such a path that the walk did not find is gone.
    bool covers(const std::string& path) const;
    // True when `path` names a file the walk found under another path, one of the two going
    // through a symlink: a symlinked input now given by its target's name, or the other way
    // round. Hard links are separate files.
    bool found_elsewhere(const std::string& path) const;
};

// Walks each input recursively: hidden entries are skipped, symlinks are followed once every
// path without one was walked, so that a file or folder several paths reach is listed once,
// under a path without a symlink when there is one (loops are detected). Unreadable folders and
// files are reported through `warn(path, reason)` and folders that cannot be listed are also
// kept in `unreadable`.
WalkResult walk_inputs(const std::vector<std::filesystem::path>& inputs,
                       const std::function<void(const std::string&, const std::string&)>& warn);

// True when some input is a file or folder: a walk of `inputs` would find a root.
bool any_input_exists(const std::vector<std::filesystem::path>& inputs);
// True when some input is there at all, if only as something that cannot be examined (below a
// folder without search permission) or read (a FIFO).
bool any_input_there(const std::vector<std::filesystem::path>& inputs);

// True when `path` is `root` or lies below it.
bool is_under(const std::string& path, const std::filesystem::path& root);

}  // namespace reel
