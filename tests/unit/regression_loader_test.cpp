// Hostile inputs found while writing tests/e2e/hostile.sh, fed to the same parsers: each bad
// file gets one warning naming the reason, and a runaway line or field is not read to its end.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "reel/loader.hpp"

namespace reel {
namespace {

// A skipped JSON Lines line used to be reported twice: by its own warning, then again as a
// "record without review text".
TEST(RegressionLoader, SkippedLinesAreMarkedNotEmpty) {
    std::istringstream in("{\"text\":\"kept\"}\n{not json}\n" + std::string(100, 'x') + "\n");
    std::vector<std::string> w;
    auto reviews = parse_jsonl(in, FieldMap{}, 64, w);
    ASSERT_EQ(reviews.size(), 3u);
    EXPECT_EQ(reviews[1].record, kSkippedRecord);
    EXPECT_EQ(reviews[2].record, kSkippedRecord);
    EXPECT_EQ(w.size(), 2u);
}

TEST(RegressionLoader, NonObjectElementsAreMarked) {
    std::vector<std::string> w;
    auto reviews = parse_json(R"([1, {"text": "x"}, "two"])", FieldMap{}, w);
    ASSERT_EQ(reviews.size(), 3u);
    EXPECT_EQ(reviews[0].record, kSkippedRecord);
    EXPECT_NE(reviews[1].record, kSkippedRecord);
    EXPECT_EQ(w.size(), 1u);
}

// A line that never ends (a 2 GB sparse file) was read to the end of the file.
TEST(RegressionLoader, RunawayJsonLineEndsTheFile) {
    std::istringstream in("{\"text\":\"kept\"}\n" + std::string(10000, '\0') +
                          "\n{\"text\":\"never read\"}\n");
    std::vector<std::string> w;
    auto reviews = parse_jsonl(in, FieldMap{}, 100, w);
    ASSERT_EQ(reviews.size(), 1u);
    EXPECT_EQ(reviews[0].text, "kept");
    ASSERT_EQ(w.size(), 1u);
    EXPECT_NE(w[0].find("the rest of the file skipped"), std::string::npos) << w[0];
}

// A long line that does end is skipped, and the lines after it are read.
TEST(RegressionLoader, LongJsonLineIsSkippedOnly) {
    std::istringstream in(std::string(500, 'x') + "\n{\"text\":\"after\"}\n");
    std::vector<std::string> w;
    auto reviews = parse_jsonl(in, FieldMap{}, 100, w);
    ASSERT_EQ(reviews.size(), 2u);
    EXPECT_EQ(reviews[1].text, "after");
}

TEST(RegressionLoader, RunawayCsvFieldEndsTheFile) {
    std::istringstream in("review\nkept\n" + std::string(10000, 'z') + "\nnever read\n");
    std::vector<std::string> w;
    auto reviews = parse_csv(in, ',', FieldMap{}, 100, w);
    ASSERT_EQ(reviews.size(), 2u);
    EXPECT_EQ(reviews[0].text, "kept");
    EXPECT_EQ(reviews[1].text.size(), 100u);
    bool said = false;
    for (const auto& m : w) said |= m.find("the rest of the file skipped") != std::string::npos;
    EXPECT_TRUE(said);
}

// nlohmann quotes the token it failed on, however long: the warning stays short.
TEST(RegressionLoader, MalformedJsonMessageIsShort) {
    std::vector<std::string> w;
    std::string huge = R"({"rating": 1)" + std::string(5000, '0') + "}";
    try {
        parse_json(huge, FieldMap{}, w);
        FAIL() << "a 5000-digit number parsed";
    } catch (const std::exception& e) {
        EXPECT_LT(std::string(e.what()).size(), 300u);
    }
}

}  // namespace
}  // namespace reel
