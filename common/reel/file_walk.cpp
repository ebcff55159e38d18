#include "reel/file_walk.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>
#include <utility>

#include "reel/unicode.hpp"

namespace reel {

namespace fs = std::filesystem;

namespace {

using Warn = std::function<void(const std::string&, const std::string&)>;

std::string signature_of(const struct stat& st) {
    return fmt::format("{}:{}.{:09}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

std::pair<std::uint64_t, std::uint64_t> identity(const struct stat& st) {
    return {st.st_dev, st.st_ino};
}

// True when `path` names what it names through a symlink (of its own or of a folder above it).
bool through_symlink(const fs::path& path) {
    char* real = ::realpath(path.c_str(), nullptr);
    if (!real) return false;
    bool differs = path != real;
    std::free(real);
    return differs;
}

class Walker {
  public:
    Walker(WalkResult& result, const Warn& warn) : result_(result), warn_(warn) {}

    // `via_link`: the path goes through a symlink, so the file or folder it names may also be
    // reached by another path.
    void visit(const fs::path& path, bool explicit_input, bool via_link) {
        struct stat st;
        if (::stat(path.c_str(), &st) != 0) {
            int err = errno;
            warn_(path.string(),
                  explicit_input && err == ENOENT ? "no such file or folder" : std::strerror(err));
            // Listed by its parent but not examinable (the parent lacks search permission): it
            // is there, so what was indexed at it stays. An input never becomes a root here.
            if (!explicit_input && err != ENOENT) result_.unreadable.push_back(path);
            return;
        }
        if (S_ISDIR(st.st_mode)) {
            // Another name of a folder that is walked (a symlink, a bind mount) or an input
            // inside another input: its files are indexed once, there, and nothing is skipped.
            if (!visited_dirs_.insert({st.st_dev, st.st_ino}).second) return;
            if (explicit_input) result_.roots.push_back(path);
            walk_dir(path, via_link);
        } else if (S_ISREG(st.st_mode)) {
            if (explicit_input) result_.roots.push_back(path);
            bool first_name = result_.identities.emplace(identity(st), via_link).second;
            if (first_name || !via_link) add_file(path, st, explicit_input);
        } else if (explicit_input) {
            warn_(path.string(), "not a regular file or folder, skipped");
        }
    }

    // Follows the symlinks met so far, and those met below them, once every input was walked:
    // a file or folder reachable both through a symlink and without one is then indexed under
    // the path without, whatever order the folders list their entries in.
    void follow_links() {
        for (std::size_t i = 0; i < links_.size(); ++i) visit(links_[i], false, true);
        links_.clear();
    }

  private:
    void walk_dir(const fs::path& dir, bool via_link) {
        std::error_code ec;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            warn_(dir.string(), fmt::format("cannot read folder: {}", ec.message()));
            // A folder that vanished since its stat has really gone; any other failure leaves
            // its files unknown, not deleted.
            if (ec != std::errc::no_such_file_or_directory) result_.unreadable.push_back(dir);
            return;
        }
        std::vector<std::pair<fs::path, bool>> children;  // and whether it is a symlink
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) {
                warn_(dir.string(), fmt::format("error while listing folder: {}", ec.message()));
                result_.unreadable.push_back(dir);  // the rest of the listing is unknown
                break;
            }
            std::string name = it->path().filename().string();
            if (name.starts_with(".")) continue;  // .git, editor swap files, hidden folders
            std::error_code link_ec;
            children.emplace_back(it->path(), it->is_symlink(link_ec));
        }
        std::sort(children.begin(), children.end());
        for (const auto& [child, is_link] : children) {
            if (is_link)
                links_.push_back(child);
            else
                visit(child, false, via_link);
        }
    }

    void add_file(const fs::path& path, const struct stat& st, bool explicit_input) {
        auto format = format_for(path);
        if (!format) {
            if (explicit_input)
                warn_(path.string(),
                      "not a review file type (.txt .md .html .json .jsonl .csv), skipped");
            ++result_.ignored;
            return;
        }
        result_.files.push_back(
            {path, *format, static_cast<std::uintmax_t>(st.st_size), signature_of(st)});
    }

    WalkResult& result_;
    const Warn& warn_;
    std::set<std::pair<dev_t, ino_t>> visited_dirs_;
    std::vector<fs::path> links_;  // symlinks met in folders, not yet followed
};

}  // namespace

WalkResult walk_inputs(const std::vector<fs::path>& inputs, const Warn& warn) {
    WalkResult result;
    Walker walker(result, warn);
    // Inputs named through a symlink go after the others, as symlinks met in folders do.
    std::vector<fs::path> linked;
    for (const fs::path& input : inputs) {
        std::error_code ec;
        fs::path abs = fs::absolute(input, ec).lexically_normal();
        if (abs.has_filename() == false && abs.has_parent_path()) abs = abs.parent_path();
        if (through_symlink(abs))
            linked.push_back(abs);
        else
            walker.visit(abs, true, false);
    }
    for (const fs::path& abs : linked) walker.visit(abs, true, true);
    walker.follow_links();
    std::sort(result.files.begin(), result.files.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    result.files.erase(
        std::unique(result.files.begin(), result.files.end(),
                    [](const InputFile& a, const InputFile& b) { return a.path == b.path; }),
        result.files.end());
    return result;
}

bool any_input_exists(const std::vector<fs::path>& inputs) {
    // As Walker::visit tells roots: stat follows symlinks, and only folders and files count.
    return std::any_of(inputs.begin(), inputs.end(), [](const fs::path& input) {
        struct stat st;
        return ::stat(input.c_str(), &st) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode));
    });
}

bool any_input_there(const std::vector<fs::path>& inputs) {
    return std::any_of(inputs.begin(), inputs.end(), [](const fs::path& input) {
        struct stat st;
        return ::stat(input.c_str(), &st) == 0 || (errno != ENOENT && errno != ENOTDIR);
    });
}

bool WalkResult::covers(const std::string& path) const {
    auto under = [&](const fs::path& p) { return is_under(path, p); };
    return std::any_of(roots.begin(), roots.end(), under) &&
           std::none_of(unreadable.begin(), unreadable.end(), under);
}

bool WalkResult::found_elsewhere(const std::string& path) const {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    auto found = identities.find(identity(st));
    return found != identities.end() && (found->second || through_symlink(path));
}

bool is_under(const std::string& path, const fs::path& root) {
    const std::string& r = root.native();
    if (path == r) return true;
    if (!path.starts_with(r)) return false;
    return r.ends_with('/') || path[r.size()] == '/';
}

}  // namespace reel
