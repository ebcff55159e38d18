// Runs of reel-index's update_index, as the binary makes them.
#include "reel/index_update.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "reel/schema.hpp"

namespace reel {
namespace {

namespace fs = std::filesystem;

// Raises `stop` once `after` files are written, as Ctrl-C would at that moment.
class StoppingObserver : public IndexObserver {
  public:
    StoppingObserver(std::atomic<bool>& stop, std::size_t after) : stop_(stop), after_(after) {}
    void warning(const std::string&, const std::string&) override {}
    void progress(const IndexProgress& p) override {
        if (p.files_done >= after_) stop_ = true;
    }

  private:
    std::atomic<bool>& stop_;
    std::size_t after_;
};

fs::path scratch(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Runs update_index on `inputs` into `db`, stopped after `stop_after` files (0: never).
IndexSummary index(const fs::path& db, const fs::path& inputs, std::size_t stop_after) {
    IndexOptions options;
    options.db = db;
    options.inputs = {inputs};
    options.jobs = 2;
    std::atomic<bool> stop{false};
    StoppingObserver observer(stop, stop_after == 0 ? SIZE_MAX : stop_after);
    return update_index(options, observer, stop);
}

std::string saved_evidence(const fs::path& db) {
    return Xapian::Database(db.string()).get_metadata(std::string(schema::kEvidenceKey));
}

TEST(IndexUpdate, ARunInterruptedAndRunAgainSavesTheEvidenceOfAnUninterruptedOne) {
    fs::path dir = scratch("reel-interrupted-evidence");
    fs::path reviews = dir / "reviews";
    fs::create_directories(reviews);
    for (int i = 0; i < 6; ++i) {
        std::string name = std::to_string(i);  // "r" + ... + ".txt" trips GCC 12's -Wrestrict
        std::ofstream(reviews / ("r" + name).append(".txt"))
            << "Whiplash, directed by Damien Chazelle, stars Miles Teller. Review " << i << ".\n";
    }
    IndexSummary cut = index(dir / "resumed.db", reviews, 1);
    ASSERT_TRUE(cut.interrupted);
    ASSERT_LT(cut.added, 6u);
    index(dir / "resumed.db", reviews, 0);
    index(dir / "whole.db", reviews, 0);

    EXPECT_FALSE(saved_evidence(dir / "whole.db").empty());
    EXPECT_EQ(saved_evidence(dir / "resumed.db"), saved_evidence(dir / "whole.db"));
    fs::remove_all(dir);
}

}  // namespace
}  // namespace reel
