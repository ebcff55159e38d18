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

// A few reviews whose people and films are seen with cues of every kind, italics among them.
void write_reviews(const fs::path& dir) {
    fs::create_directories(dir / "plain");
    fs::create_directories(dir / "marked");
    for (int i = 0; i < 3; ++i) {
        std::string name = std::to_string(i);
        std::ofstream(dir / "plain" / ("r" + name).append(".txt"))
            << "Whiplash, directed by Damien Chazelle, stars Miles Teller. Teller plays Andrew. "
            << "Review " << i << ".\n";
    }
    std::ofstream(dir / "marked" / "fargo.md")
        << "---\nfilm: Fargo\n---\nI watched *Blood Simple* again, then Fargo; Frances "
           "McDormand (Marge) is the reason.\n";
    std::ofstream(dir / "marked" / "heat.html")
        << "<html><body><p>Like <i>Thief</i>, <em>Heat</em> belongs to Michael Mann, and "
           "Al Pacino plays Vincent Hanna.</p></body></html>\n";
}

// That dir/updated.db, updated by the test, saved the evidence a fresh build of `reviews` does.
void expect_evidence_of_a_fresh_build(const fs::path& dir, const fs::path& reviews) {
    index(dir / "fresh.db", reviews, 0);
    EXPECT_FALSE(saved_evidence(dir / "fresh.db").empty());
    EXPECT_EQ(saved_evidence(dir / "updated.db"), saved_evidence(dir / "fresh.db"));
    fs::remove_all(dir);
}

// Re-indexing replaces a file's reviews, and so the sightings they added to the corpus
// evidence: reviews counted twice found people and films a --rebuild does not.
TEST(IndexUpdate, AMovedFolderLeavesTheEvidenceOfAFreshBuild) {
    fs::path dir = scratch("reel-moved-evidence");
    fs::path reviews = dir / "reviews";
    write_reviews(reviews);
    index(dir / "updated.db", reviews, 0);
    fs::rename(reviews / "marked", reviews / "moved");
    fs::rename(reviews / "plain", reviews / "text");
    IndexSummary update = index(dir / "updated.db", reviews, 0);
    ASSERT_EQ(update.deleted, 5u);
    ASSERT_EQ(update.added, 5u);
    expect_evidence_of_a_fresh_build(dir, reviews);
}

TEST(IndexUpdate, AnEditedReviewReplacesItsEvidence) {
    fs::path dir = scratch("reel-edited-evidence");
    fs::path reviews = dir / "reviews";
    write_reviews(reviews);
    index(dir / "updated.db", reviews, 0);
    std::ofstream(reviews / "marked" / "heat.html")
        << "<html><body><p>Like <i>Collateral</i>, <em>Heat</em> is Michael Mann's, and "
           "Robert De Niro plays Neil McCauley.</p></body></html>\n";
    fs::remove(reviews / "plain" / "r0.txt");
    IndexSummary update = index(dir / "updated.db", reviews, 0);
    ASSERT_EQ(update.updated, 1u);
    ASSERT_EQ(update.deleted, 1u);
    expect_evidence_of_a_fresh_build(dir, reviews);
}

TEST(IndexUpdate, AnInterruptedUpdateAndARunAgainLeaveTheEvidenceOfAFreshBuild) {
    fs::path dir = scratch("reel-interrupted-update-evidence");
    fs::path reviews = dir / "reviews";
    write_reviews(reviews);
    index(dir / "updated.db", reviews, 0);
    fs::rename(reviews / "plain", reviews / "text");
    std::ofstream(reviews / "marked" / "heat.html")
        << "<html><body><p><em>Heat</em> again: Val Kilmer plays Chris Shiherlis.</p></body>"
           "</html>\n";
    IndexSummary cut = index(dir / "updated.db", reviews, 1);
    ASSERT_TRUE(cut.interrupted);
    index(dir / "updated.db", reviews, 0);
    expect_evidence_of_a_fresh_build(dir, reviews);
}

}  // namespace
}  // namespace reel
