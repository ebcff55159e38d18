// Phrases over body words, which have no positions: word sequences and the phrase filter.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "reel/schema.hpp"
#include "reel/search.hpp"
#include "reel/unicode.hpp"
#include "reel/word_sequence.hpp"
#include "test_database.hpp"

namespace reel {
namespace {

namespace fs = std::filesystem;
using Paths = std::vector<std::string>;

WordPattern pattern(std::vector<std::string> words, Xapian::termcount window, bool ordered) {
    WordPattern p;
    for (const auto& w : words) p.hashes.push_back(word_hash(w));
    p.window = window;
    p.ordered = ordered;
    return p;
}

std::string sequence_of(const std::string& text, Xapian::Document& doc) {
    BodyIndexer body;
    return body.index(fold(text), doc);
}

TEST(WordSequence, HoldsTheBodyWordsInOrderAndNoPositions) {
    Xapian::Document doc;
    std::string seq = sequence_of("The drum, the Drum! A battle.", doc);
    EXPECT_EQ(seq.size(), 6u * 4);
    EXPECT_TRUE(sequence_matches(seq, pattern({"the", "drum", "the", "drum"}, 4, true)));
    EXPECT_TRUE(sequence_matches(seq, pattern({"a", "battle"}, 2, true)));
    EXPECT_FALSE(sequence_matches(seq, pattern({"drum", "battle"}, 2, true)));
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        EXPECT_EQ(it.positionlist_count(), 0u) << *it;
        if (*it == "drum") {
            EXPECT_EQ(it.get_wdf(), 2u);
        }
    }
}

// The sequence must put each word where TermGenerator would have given it a position: that is
// where the query parser's phrases expect it.
TEST(WordSequence, MatchesTermGeneratorPositionsOnAwkwardText) {
    const std::string text = fold(
        "U.S.A. and AT&T: C++ beats fish+chips, 3.14 or 1,000; don't / can\u2019t "
        "J.K. Simmons (JK) " +
        std::string(70, 'x') + " long word skipped; 東京物語 and the Ürsprung of Amélie.");
    Xapian::Document positional;
    Xapian::TermGenerator tg;
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);  // as reel indexes 東京物語
    tg.set_document(positional);
    tg.index_text(text);
    std::vector<std::string> expected(tg.get_termpos());
    for (auto it = positional.termlist_begin(); it != positional.termlist_end(); ++it) {
        for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p)
            expected[*p - 1] = *it;
    }
    ASSERT_GT(expected.size(), 20u);

    BodyIndexer body;
    EXPECT_EQ(body.words(text), expected);
    Xapian::Document doc;
    std::string seq = body.index(text, doc);
    ASSERT_EQ(seq.size(), 4 * expected.size());
    for (std::size_t i = 0; i + 1 < expected.size(); ++i) {
        EXPECT_TRUE(sequence_matches(seq, pattern({expected[i], expected[i + 1]}, 2, true)))
            << expected[i] << " " << expected[i + 1];
    }
    // The same terms and wdf as the positional document, without the positions.
    auto a = positional.termlist_begin();
    auto b = doc.termlist_begin();
    for (; a != positional.termlist_end() && b != doc.termlist_end(); ++a, ++b) {
        EXPECT_EQ(*a, *b);
        EXPECT_EQ(a.get_wdf(), b.get_wdf()) << *a;
        EXPECT_EQ(b.positionlist_count(), 0u) << *b;
    }
    EXPECT_TRUE(a == positional.termlist_end() && b == doc.termlist_end());
}

TEST(WordSequence, WindowsFollowXapianPhraseAndNear) {
    Xapian::Document doc;
    std::string seq = sequence_of("la la land is a film about jazz and love", doc);
    EXPECT_TRUE(sequence_matches(seq, pattern({"la", "la", "land"}, 3, true)));
    EXPECT_FALSE(sequence_matches(seq, pattern({"la", "la", "la"}, 3, true)));
    // ADJ/n: in order, all within n + 1 positions.
    EXPECT_TRUE(sequence_matches(seq, pattern({"film", "jazz"}, 3, true)));
    EXPECT_FALSE(sequence_matches(seq, pattern({"film", "jazz"}, 2, true)));
    EXPECT_FALSE(sequence_matches(seq, pattern({"jazz", "film"}, 3, true)));
    // NEAR: any order within the window.
    EXPECT_TRUE(sequence_matches(seq, pattern({"jazz", "film"}, 3, false)));
    EXPECT_FALSE(sequence_matches(seq, pattern({"love", "film"}, 3, false)));
    EXPECT_TRUE(sequence_matches(seq, pattern({"love", "film"}, 5, false)));
}

TEST(WordSequence, AWordOfAPatternAlsoMatchesItsPossessive) {
    Xapian::Document doc;
    std::string seq = sequence_of("Kubrick\u2019s film, the Coens' film.", doc);
    EXPECT_TRUE(sequence_matches(seq, word_pattern({"kubrick", "film"}, 2, true)));
    EXPECT_TRUE(sequence_matches(seq, word_pattern({"film", "kubrick"}, 2, false)));
    EXPECT_TRUE(sequence_matches(seq, word_pattern({"coens", "film"}, 2, true)));
    EXPECT_FALSE(sequence_matches(seq, pattern({"kubrick", "film"}, 2, true)));  // no possessive
    // A possessive typed in the query is meant as one.
    EXPECT_TRUE(sequence_matches(seq, word_pattern({"kubrick's", "film"}, 2, true)));
    EXPECT_FALSE(sequence_matches(seq, word_pattern({"film", "kubrick's"}, 2, true)));
    EXPECT_TRUE(words_match({"kubrick's", "film"}, {"kubrick", "film"}, 2, true));
    // NEAR takes a word as itself before as another's possessive, in either order.
    std::string both = sequence_of("Kubrick's and Kubrick", doc);
    EXPECT_TRUE(sequence_matches(both, word_pattern({"kubrick", "kubrick's"}, 3, false)));
    EXPECT_TRUE(sequence_matches(both, word_pattern({"kubrick's", "kubrick"}, 3, false)));
    EXPECT_FALSE(words_match({"kubrick's", "film"}, {"kubrick", "films"}, 2, true));
    EXPECT_EQ(possessive_of("york"), "york's");
    EXPECT_EQ(possessive_of("york's"), "");
}

// Two words with the same FNV-1a hash, found by a search over random words.
constexpr const char* kWord = "lsexqzd";
constexpr const char* kTwin = "ztxtxde";

TEST(WordSequence, SharedHashesAreFound) {
    ASSERT_EQ(word_hash(kWord), word_hash(kTwin));
    fs::path dir = fs::temp_directory_path() / ("reel-shared-hash-" + std::to_string(::getpid()));
    {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::Document a, b;
        a.add_term(kWord);
        a.add_term("Sjazz");  // a field term: not a body word
        b.add_term("night");
        db.add_document(a);
        db.add_document(b);
        EXPECT_TRUE(decode_shared_hashes(find_shared_hashes(db)).empty());
        Xapian::Document c;
        c.add_term(kTwin);
        db.add_document(c);
        auto shared = decode_shared_hashes(find_shared_hashes(db));
        EXPECT_EQ(shared.size(), 1u);
        EXPECT_TRUE(shared.count(word_hash(kWord)));
    }
    fs::remove_all(dir);
}

class PhraseSearchTest : public test::SearchSuite<PhraseSearchTest> {
  protected:
    static void SetUpTestSuite() {
        test::TestDatabase db("reel-phrase-test");
        auto add = [&](const std::string& path, const std::string& text,
                       const std::string& title = "") {
            Review r;
            r.path = r.id = path;
            r.text = text;
            r.title = title;
            db.add(r);
        };
        add("/a", "The ice-cream scene in Amarcord made me cry.", "Night on Earth");
        add("/b", "Ice and cream: a scene about nothing. Night falls on earth.");
        add("/c", "A scene with ice cream, then a long night.");
        add("/p", "Martin Scorsese's Taxi Driver shows New York's streets.");
        add("/q", "In New York I met Martin Scorsese.");
        add("/l", "Let's go, then. That's all folks.");
        add("/x", std::string(kWord) + " night");
        add("/z", std::string(kTwin) + " night and " + kWord + " day");
        dir_ = db.commit();
    }
};

TEST_F(PhraseSearchTest, PhrasesAndHyphenatedWords) {
    EXPECT_EQ(paths("\"ice cream\""), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("ice-cream"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("\"cream ice\""), Paths{});
    EXPECT_EQ(paths("\"ice cream scene\""), (Paths{"/a"}));
}

// Reviews name people and places in the possessive as often as not.
TEST_F(PhraseSearchTest, APhraseFindsItsWordsInThePossessive) {
    EXPECT_EQ(paths("\"martin scorsese\""), (Paths{"/p", "/q"}));
    EXPECT_EQ(paths("\"new york\""), (Paths{"/p", "/q"}));
    EXPECT_EQ(paths("\"scorsese taxi driver\""), (Paths{"/p"}));
    EXPECT_EQ(paths("\"york scorsese\""), Paths{});
    EXPECT_EQ(paths("\"new york's\""), (Paths{"/p"}));
    EXPECT_EQ(paths("york NEAR/2 streets"), (Paths{"/p"}));
    // Contractions are no possessives.
    EXPECT_EQ(paths("\"let go\""), Paths{});
    EXPECT_EQ(paths("\"that all\""), Paths{});
    EXPECT_EQ(paths("\"let's go\""), (Paths{"/l"}));

    // The snippet marks the phrase as the review wrote it.
    Searcher searcher(dir_);
    SearchOptions o;
    o.highlight_start = "[";
    o.highlight_end = "]";
    std::vector<std::string> snippets;
    for (const Hit& hit : searcher.search("\"new york\"", o).hits) snippets.push_back(hit.snippet);
    EXPECT_NE(std::find(snippets.begin(), snippets.end(),
                        "Martin Scorsese's Taxi Driver shows [New York's] streets."),
              snippets.end());
}

// "frjieoca" has the hash of "york's": where no review writes "York's", a review writing it is
// no phrase of "new" and "york".
TEST(PhraseSearch, APossessiveNoReviewWritesIsNotMatchedByItsHash) {
    ASSERT_EQ(word_hash("frjieoca"), word_hash("york's"));
    test::TestDatabase db("reel-possessive-hash-test");
    Review r;
    r.path = r.id = "/h";
    r.text = "The new frjieoca is bland; it moves to York.";
    db.add(r);
    r.path = r.id = "/y";
    r.text = "New York, at last.";
    db.add(r);
    fs::path dir = db.commit();
    EXPECT_EQ(test::found_paths(dir, "\"new york\""), Paths{"/y"});
    fs::remove_all(dir);
}

TEST_F(PhraseSearchTest, PhrasesInsideBooleanQueries) {
    EXPECT_EQ(paths("\"ice cream\" OR nothing"), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("scene -\"ice cream\""), (Paths{"/b"}));
    EXPECT_EQ(paths("night NOT \"long night\""), (Paths{"/b", "/x", "/z"}));
    EXPECT_EQ(paths("(\"ice cream\" AND night) OR amarcord"), (Paths{"/a", "/c"}));
}

// NEAR/n and ADJ/n: all words within n + 1 positions (Xapian's window), ADJ in order.
TEST_F(PhraseSearchTest, NearAndAdj) {
    EXPECT_EQ(paths("cream NEAR/3 scene"), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("cream NEAR/2 scene"), (Paths{"/a", "/b"}));
    EXPECT_EQ(paths("scene NEAR/1 cream"), (Paths{"/a"}));
    EXPECT_EQ(paths("ice ADJ/2 scene"), (Paths{"/a"}));
    EXPECT_EQ(paths("scene ADJ/2 ice"), (Paths{"/c"}));
    EXPECT_EQ(paths("scene ADJ/2 cream"), Paths{});
}

TEST_F(PhraseSearchTest, FieldPhrasesKeepTheirPositions) {
    EXPECT_EQ(paths("title:\"night on earth\""), (Paths{"/a"}));
    EXPECT_EQ(paths("\"night on earth\""), Paths{});
    EXPECT_EQ(paths("\"night falls on earth\""), (Paths{"/b"}));
}

TEST_F(PhraseSearchTest, AWordSharingItsHashIsComparedAsAWord) {
    // /z has the twin word before "night": by hashes alone it would match.
    EXPECT_EQ(paths(std::string("\"") + kWord + " night\""), (Paths{"/x"}));
    EXPECT_EQ(paths(std::string("\"") + kTwin + " night\""), (Paths{"/z"}));
    EXPECT_EQ(paths(std::string("\"") + kWord + " day\""), (Paths{"/z"}));
}

}  // namespace
}  // namespace reel
