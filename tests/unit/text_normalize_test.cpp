#include <gtest/gtest.h>

#include "reel/text_normalize.hpp"
#include "reel/unicode.hpp"

namespace reel {
namespace {

TEST(RepairUtf8, StrayLatin1BytesBecomeTheirCharacters) {
    bool repaired = false;
    EXPECT_EQ(repair_utf8("caf\xe9 \xff", &repaired), "café ÿ");
    EXPECT_TRUE(repaired);
}

TEST(RepairUtf8, ValidTextIsUntouched) {
    bool repaired = true;
    EXPECT_EQ(repair_utf8("Amélie — “Whiplash” 🥁", &repaired),
              "Amélie — “Whiplash” 🥁");
    EXPECT_FALSE(repaired);
}

TEST(RepairUtf8, TruncatedAndOverlongSequencesAreReplaced) {
    EXPECT_EQ(repair_utf8("a\xe2\x80"), "aâ€");            // cut-off sequence, read as cp1252
    EXPECT_EQ(repair_utf8("\xc0\xaf"), "À¯");              // overlong '/'
    EXPECT_EQ(repair_utf8("\xed\xa0\x80"), "í\xc2\xa0€");  // UTF-16 surrogate
}

TEST(Fold, CaseAndAccentsDoNotMatter) {
    EXPECT_EQ(fold("Amélie"), "amelie");
    EXPECT_EQ(fold("AMÉLIE"), "amelie");
    EXPECT_EQ(fold("Max von Sydow ØSTERGAARD Straße Æon"), "max von sydow ostergaard strasse aeon");
    EXPECT_EQ(fold("Bong Joon-ho"), "bong joon-ho");
}

// Decomposed text (NFD: a base letter, then combining accents) folds as precomposed text does.
TEST(Fold, DecomposedAccentsAreDropped) {
    EXPECT_EQ(fold("Ame\u0301lie"), "amelie");
    EXPECT_EQ(fold("AME\u0301LIE"), fold("Amélie"));
    EXPECT_EQ(fold("Kies\u0301lowski Z\u0307u\u0142awski"), "kieslowski zulawski");
    EXPECT_EQ(fold("I\u0303na\u0301rritu"), fold("Iñárritu"));
}

// Beyond Latin-1: Vietnamese, Greek and Cyrillic letters lose their accents and case too.
TEST(Fold, AccentsOfOtherScriptsAreDropped) {
    EXPECT_EQ(fold("Trần Anh Hùng, NGUYỄN"), "tran anh hung, nguyen");
    EXPECT_EQ(fold("Ταξίδι στα Κύθηρα"), "ταξιδι στα κυθηρα");
    EXPECT_EQ(fold("Андрей Рублёв, ЁЛКИ"), "андреи рублев, елки");
    EXPECT_EQ(fold("GROẞ"), "gross");
}

// Fullwidth Latin letters and digits, as East Asian keyboards type them, are ASCII.
TEST(Fold, FullwidthFormsAreAscii) {
    EXPECT_EQ(fold("ＡＭＥＬＩＥ ２００１"), "amelie 2001");
    EXPECT_EQ(fold("千と千尋の神隠し"), "千と千尋の神隠し");
}

// Long text quoted in a message is cut between characters, never inside one.
TEST(Utf8Prefix, CutsBetweenCharacters) {
    EXPECT_EQ(utf8_prefix("abé", 3), "ab");
    EXPECT_EQ(utf8_prefix("abé", 4), "abé");
    EXPECT_EQ(utf8_prefix("a千", 3), "a");
    EXPECT_EQ(utf8_prefix("a😀b", 4), "a");
    EXPECT_EQ(utf8_prefix("abc", 10), "abc");
}

// Ligatures of text copied from a PDF are their letters.
TEST(Fold, LigaturesAreTheirLetters) {
    EXPECT_EQ(fold("ﬁlm ﬂaw Eﬀect ﬃ ﬄ ﬆ"), "film flaw effect ffi ffl st");
}

TEST(NormalizeText, CurlyQuotesBecomeStraight) {
    EXPECT_EQ(normalize_text("“Whiplash” isn’t ‘bad’").text, "\"Whiplash\" isn't 'bad'");
}

// Reviewers type an apostrophe as an acute accent or a backtick (141 and 102 of the 50,000
// aclImdb reviews): "don´t" and "it`s" are "don't" and "it's", but code `x` keeps its backticks.
TEST(NormalizeText, AcuteAccentsAndBackticksTypedForApostrophes) {
    EXPECT_EQ(normalize_text("It´s Heaven´s Gate, don`t miss it").text,
              "It's Heaven's Gate, don't miss it");
    EXPECT_EQ(normalize_text("`code` and ´ alone").text, "`code` and ' alone");
}

TEST(NormalizeText, HtmlLeftOversInPlainText) {
    EXPECT_EQ(normalize_text("Simmons &amp; Teller<br /><br />Great").text,
              "Simmons & Teller\n\nGreat");
    EXPECT_EQ(normalize_text("caf&eacute; &#8217;n&#x2019; &nbsp;x").text, "café 'n'  x");
}

// WordPress content carries its editor's blocks as comments: "wp" and "paragraph" were
// indexed in every review exported from it.
TEST(NormalizeText, HtmlCommentsAreDropped) {
    EXPECT_EQ(normalize_text("<!-- wp:paragraph -->\n<p>Heat</p>\n<!-- /wp:paragraph -->").text,
              "\n\nHeat\n\n");
    EXPECT_EQ(normalize_text("a <!-- never closed b <!-- c").text, "a <!-- never closed b <!-- c");
}

TEST(NormalizeText, ItalicTagsBecomeEmphasisSpans) {
    NormalizedText t = normalize_text("I loved <i>Rabbit Hole</i> a lot");
    EXPECT_EQ(t.text, "I loved Rabbit Hole a lot");
    ASSERT_EQ(t.emphasis.size(), 1u);
    EXPECT_EQ(t.text.substr(t.emphasis[0].begin, t.emphasis[0].end - t.emphasis[0].begin),
              "Rabbit Hole");
}

TEST(NormalizeText, LineEndingsAndControlCharacters) {
    EXPECT_EQ(normalize_text("a\r\nb\rc\x01\x07\td\x7f").text, "a\nb\nc d");
}

TEST(NormalizeText, LessThanInProseIsNotATag) {
    EXPECT_EQ(normalize_text("a <3 b and x < y > z").text, "a <3 b and x < y > z");
    // Only HTML's elements are tags: these lost "y but y" and the film's title.
    EXPECT_EQ(normalize_text("x<y but y>z").text, "x<y but y>z");
    EXPECT_EQ(normalize_text("I loved <Whiplash> so much").text, "I loved <Whiplash> so much");
    EXPECT_EQ(normalize_text("the <bold> move").text, "the <bold> move");
    // What pasted HTML leaves still goes.
    EXPECT_EQ(
        normalize_text("<B>Heat</B> <a href=\"x\">(1995)</a><o:p></o:p><SPAN class=x>!</span>")
            .text,
        "Heat (1995)!");
    EXPECT_EQ(normalize_text("one<br/>two<hr>three").text, "one\ntwothree");
}

TEST(NormalizeText, InvalidUtf8IsRepairedAndFlagged) {
    NormalizedText t = normalize_text("Am\xe9lie");
    EXPECT_EQ(t.text, "Amélie");
    EXPECT_TRUE(t.repaired_utf8);
}

}  // namespace
}  // namespace reel
