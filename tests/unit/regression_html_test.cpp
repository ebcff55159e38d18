// HTML that made parse_html take gigabytes or hang (found by hand while writing hostile.sh):
// each must now be read quickly, by the tag-stripping fallback when gumbo's tree would be deep.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <string>
#include <vector>

#include "reel/loader.hpp"
#include "reel/unicode.hpp"

namespace reel {
namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

bool warned(const std::vector<std::string>& warnings, const std::string& what) {
    for (const auto& w : warnings) {
        if (w.find(what) != std::string::npos) return true;
    }
    return false;
}

long peak_rss_mb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

// Stray end tags kept the old nesting estimate at 0 while gumbo, which ignores them, nested the
// divs 100,000 deep (and copied that stack into every parse error: 17 GB).
TEST(RegressionHtml, StrayEndTagsDoNotHideNesting) {
    std::vector<std::string> w;
    Review r = parse_html(repeat("<div></x>", 20000) + "stray closers", w);
    EXPECT_TRUE(warned(w, "nested too deeply")) << (w.empty() ? "" : w[0]);
    EXPECT_NE(r.text.find("stray closers"), std::string::npos);
}

// Within the nesting limit, every parse error used to copy the open-element stack.
TEST(RegressionHtml, ParseErrorsDoNotCopyTheStack) {
    std::vector<std::string> w;
    Review r = parse_html(repeat("<div>", 1500) + repeat("</x>", 100000) + "many errors", w);
    EXPECT_NE(r.text.find("many errors"), std::string::npos);
    EXPECT_LT(peak_rss_mb(), 600);  // 1500 x 100,000 x 8 bytes = 1.2 GB before the fix
}

// A '<' with no '>' after it made the estimate scan to the end of the page for every tag: hours
// for this page (ctest's timeout catches a return of that).
TEST(RegressionHtml, UnclosedTagsAreLinear) {
    std::vector<std::string> w;
    parse_html(repeat("<a", 1000000), w);
    EXPECT_TRUE(warned(w, "nested too deeply"));
}

// Script text is not markup: "a<b" inside a script must not count as nesting.
TEST(RegressionHtml, ScriptsDoNotCountAsNesting) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<html><body><script>" + repeat("if (a<b) x<y;", 5000) + "</SCRIPT><p>after</p></body>", w);
    EXPECT_FALSE(warned(w, "nested too deeply"));
    EXPECT_EQ(r.text.find("if (a"), std::string::npos);
}

}  // namespace
}  // namespace reel

namespace reel {
namespace {

bool valid_utf8(const std::string& s) {
    bool repaired = false;
    repair_utf8(s, &repaired);
    return !repaired;
}

// gumbo decodes some numeric character references too large for its int into bytes that are
// not UTF-8 ("&#8" + 34 twos + "1;" gives F5 A0 A2 8A; found by fuzz_html, whose crash input is
// kept among its seeds): what parse_html returns must be UTF-8 all the same. Which references
// do it depends on how the number wraps, so many lengths are tried.
TEST(RegressionHtml, HugeCharacterReferencesComeOutAsUtf8) {
    for (int n = 1; n <= 60; ++n) {
        std::string huge = "&#8" + std::string(static_cast<std::size_t>(n), '2') + "1;";
        std::vector<std::string> warnings;
        Review r = parse_html(
            "<html><head><title>t</title></head><body><p>a " + huge + " b</p></body></html>",
            warnings);
        EXPECT_TRUE(valid_utf8(r.text)) << n << ": " << r.text;
        EXPECT_NE(r.text.find("a "), std::string::npos) << n;
    }
}

}  // namespace
}  // namespace reel
