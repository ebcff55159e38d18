#include "reel/file_walk.hpp"

#include <dirent.h>
#include <gtest/gtest.h>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Root reads a folder whatever its mode: while this lives, the capabilities that allow that are
// out of the effective set (they stay permitted, so they come back), and chmod locks root out.
class PermissionsEnforced {
  public:
    PermissionsEnforced() {
        if (syscall(SYS_capget, &header_, saved_) != 0) return;
        __user_cap_data_struct reduced[2] = {saved_[0], saved_[1]};
        reduced[0].effective &= ~(CAP_TO_MASK(CAP_DAC_OVERRIDE) | CAP_TO_MASK(CAP_DAC_READ_SEARCH));
        changed_ = syscall(SYS_capset, &header_, reduced) == 0;
    }
    ~PermissionsEnforced() {
        if (changed_) syscall(SYS_capset, &header_, saved_);
    }
    PermissionsEnforced(const PermissionsEnforced&) = delete;
    PermissionsEnforced& operator=(const PermissionsEnforced&) = delete;

  private:
    __user_cap_header_struct header_{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct saved_[2]{};
    bool changed_ = false;
};

bool can_list(const fs::path& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (d) ::closedir(d);
    return d != nullptr;
}

class FileWalkTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("reel-walk-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_ / "locked" / "inner");
        write(root_ / "ok.txt");
        write(root_ / "locked" / "x.txt");
        write(root_ / "locked" / "inner" / "y.txt");
    }
    void TearDown() override {
        std::error_code ec;  // some tests remove the folder
        fs::permissions(root_ / "locked", fs::perms::owner_all, ec);
        fs::remove_all(root_);
    }

    static void write(const fs::path& path) { std::ofstream(path) << "a review\n"; }

    reel::WalkResult walk(const fs::path& input) { return walk_all({input}); }

    reel::WalkResult walk_all(const std::vector<fs::path>& inputs) {
        warnings_.clear();
        return reel::walk_inputs(inputs, [&](const std::string& path, const std::string&) {
            warnings_.push_back(path);
        });
    }

    fs::path root_;
    std::vector<std::string> warnings_;
};

TEST_F(FileWalkTest, CoversWhatItListedAndWhatVanished) {
    reel::WalkResult result = walk(root_);
    EXPECT_TRUE(warnings_.empty());
    EXPECT_EQ(result.files.size(), 3u);
    EXPECT_TRUE(result.covers((root_ / "ok.txt").string()));
    EXPECT_TRUE(result.covers((root_ / "gone" / "z.txt").string()));
    EXPECT_FALSE(result.covers((root_.parent_path() / "elsewhere.txt").string()));
}

TEST_F(FileWalkTest, DoesNotCoverWhatItCouldNotRead) {
    PermissionsEnforced enforced;
    fs::permissions(root_ / "locked", fs::perms::none);
    if (can_list(root_ / "locked")) GTEST_SKIP() << "a folder with mode 000 is still readable";

    reel::WalkResult below = walk(root_);
    EXPECT_EQ(warnings_, std::vector<std::string>{(root_ / "locked").string()});
    EXPECT_EQ(below.files.size(), 1u);
    EXPECT_TRUE(below.covers((root_ / "ok.txt").string()));
    EXPECT_FALSE(below.covers((root_ / "locked" / "x.txt").string()));
    EXPECT_FALSE(below.covers((root_ / "locked" / "inner" / "y.txt").string()));
    EXPECT_TRUE(below.covers((root_ / "lockedout.txt").string()));  // a sibling, not below

    reel::WalkResult as_input = walk(root_ / "locked");
    EXPECT_FALSE(as_input.covers((root_ / "locked" / "x.txt").string()));

    // Listed but not searchable: its entries cannot be examined, so they are not covered.
    fs::permissions(root_ / "locked", fs::perms::owner_read);
    reel::WalkResult unsearchable = walk(root_);
    EXPECT_FALSE(unsearchable.covers((root_ / "locked" / "x.txt").string()));
    EXPECT_FALSE(unsearchable.covers((root_ / "locked" / "inner" / "y.txt").string()));
    EXPECT_TRUE(unsearchable.covers((root_ / "ok.txt").string()));
}

TEST_F(FileWalkTest, CoversAVanishedFolder) {
    fs::remove_all(root_ / "locked");
    reel::WalkResult result = walk(root_);
    EXPECT_TRUE(warnings_.empty());
    EXPECT_TRUE(result.covers((root_ / "locked" / "x.txt").string()));
}

// A folder given before the folder it lies in is walked once, and is no loop to warn about.
TEST_F(FileWalkTest, TakesAnInputInsideAnotherInputInEitherOrder) {
    for (const auto& inputs : {std::vector<fs::path>{root_ / "locked", root_},
                               std::vector<fs::path>{root_, root_ / "locked"}}) {
        reel::WalkResult result = walk_all(inputs);
        EXPECT_TRUE(warnings_.empty());
        EXPECT_EQ(result.files.size(), 3u);
        EXPECT_TRUE(result.covers((root_ / "gone.txt").string()));
    }
}

std::vector<std::string> paths_of(const reel::WalkResult& result) {
    std::vector<std::string> paths;
    for (const reel::InputFile& f : result.files) paths.push_back(f.path.string());
    return paths;
}

// A file or folder reachable by a symlink as well as by its own name is indexed once, under its
// own name, whichever the folder lists first, and is no "symlink loop" to warn about.
TEST_F(FileWalkTest, IndexesWhatSymlinksReachOnceUnderItsOwnName) {
    fs::create_symlink("ok.txt", root_ / "a-twin.txt");
    fs::create_symlink("ok.txt", root_ / "z-twin.txt");
    fs::create_symlink("locked", root_ / "a-alias");
    fs::create_symlink("locked", root_ / "z-alias");
    fs::create_directories(root_.string() + "-outside");
    write(root_.string() + "-outside/far.txt");
    fs::create_symlink(root_.string() + "-outside", root_ / "far");
    fs::create_symlink(root_.string() + "-outside", root_ / "far-again");

    std::vector<std::string> want = {
        (root_ / "far" / "far.txt").string(), (root_ / "locked" / "inner" / "y.txt").string(),
        (root_ / "locked" / "x.txt").string(), (root_ / "ok.txt").string()};
    EXPECT_EQ(paths_of(walk(root_)), want);
    EXPECT_TRUE(warnings_.empty());

    // An input named through a symlink, given with the file it reaches.
    fs::create_symlink(root_, root_.string() + "-link");
    EXPECT_EQ(paths_of(walk_all({root_.string() + "-link/ok.txt", root_ / "ok.txt"})),
              std::vector<std::string>{(root_ / "ok.txt").string()});
    fs::remove(root_.string() + "-link");
    fs::remove_all(root_.string() + "-outside");
}

}  // namespace
