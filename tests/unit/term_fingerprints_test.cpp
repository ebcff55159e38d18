// The set that decides which words get stem synonyms: a word is new once, and 200,000
// distinct words stay distinct through the table's growth.
#include <gtest/gtest.h>

#include <string>

#include "reel/term_fingerprints.hpp"

namespace reel {
namespace {

std::string word(int i) {
    return std::to_string(i).append("w");
}

TEST(TermFingerprints, EachTermIsNewOnce) {
    TermFingerprints seen;
    EXPECT_TRUE(seen.insert("drumming"));
    EXPECT_FALSE(seen.insert("drumming"));
    EXPECT_TRUE(seen.insert("drummer"));
    EXPECT_TRUE(seen.insert(""));
    EXPECT_FALSE(seen.insert(""));
    EXPECT_EQ(seen.size(), 3u);
}

TEST(TermFingerprints, ManyTermsThroughGrowth) {
    TermFingerprints seen;
    for (int i = 0; i < 200000; ++i) ASSERT_TRUE(seen.insert(word(i))) << i;
    for (int i = 0; i < 200000; i += 997) EXPECT_FALSE(seen.insert(word(i)));
    EXPECT_EQ(seen.size(), 200000u);
}

}  // namespace
}  // namespace reel
