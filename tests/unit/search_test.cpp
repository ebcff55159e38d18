// Query parsing and search against a small database built with the indexer's own pieces.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "reel/document_builder.hpp"
#include "reel/entity_key.hpp"
#include "reel/errors.hpp"
#include "reel/query.hpp"
#include "reel/query_repair.hpp"
#include "reel/schema.hpp"
#include "reel/search.hpp"
#include "reel/snippet_cuts.hpp"
#include "reel/text_normalize.hpp"
#include "reel/unicode.hpp"
#include "test_database.hpp"

namespace reel {
namespace {

namespace fs = std::filesystem;

Entity person(const std::string& name) {
    return {name, person_key(name), {name}};
}
Entity film(const std::string& title) {
    return {title, film_key(title), {title}};
}

class SearchTest : public test::SearchSuite<SearchTest> {
  protected:
    static void SetUpTestSuite() {
        test::TestDatabase db("reel-search-test");
        auto add = [&](const std::string& path, const std::string& text, ExtractedEntities e,
                       std::optional<double> rating = {}, std::optional<int> year = {},
                       std::string date = {}) {
            Review r;
            r.date = std::move(date);
            r.path = r.id = path;
            r.text = text;
            r.rating = rating;
            r.year = year;
            if (!e.films.empty()) r.film = e.films.front().name;
            db.add(r, e);
        };
        add("/a", "The drum battle in Whiplash was loud.",
            {{person("J.K. Simmons")}, {film("Whiplash")}}, 9, 2014, "2014-10-17");
        add("/b", "A drum and a battle, never together. Amélie plays.",
            {{person("Jean Simmons")}, {}}, 4, 1960, "2014-11-02");
        add("/c", "Battle drum sounds. Drumming all night. Рублёв, Κύθηρα.",
            {{}, {film("Mad Max: Fury Road")}}, 7.5, 2015);
        dir_ = db.commit();
    }

    // The usage error a query gets, or "(no error)".
    std::string problem(const std::string& query) {
        try {
            Searcher(dir_).search(query, SearchOptions{});
        } catch (const UsageError& e) {
            return e.what();
        }
        return "(no error)";
    }
};

using Paths = std::vector<std::string>;

TEST_F(SearchTest, WordsAreStemmedThroughSynonyms) {
    EXPECT_EQ(paths("drums"), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("drumming"), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("Drum"), (Paths{"/a", "/b", "/c"}));
}

TEST_F(SearchTest, PhrasesAreExactAndUnstemmed) {
    EXPECT_EQ(paths("\"drum battle\""), (Paths{"/a"}));
    EXPECT_EQ(paths("\"battle drum\""), (Paths{"/c"}));
    EXPECT_EQ(paths("\"drums battle\""), Paths{});
}

TEST_F(SearchTest, AccentsAndCaseAreFolded) {
    EXPECT_EQ(paths("amelie"), (Paths{"/b"}));
    EXPECT_EQ(paths("AMÉLIE"), (Paths{"/b"}));
}

// The review writes "Рублёв" and "Κύθηρα": the words are found without their accents, in any case.
TEST_F(SearchTest, CyrillicAndGreekAccentsAreFolded) {
    EXPECT_EQ(paths("рублев"), (Paths{"/c"}));
    EXPECT_EQ(paths("РУБЛЁВ"), (Paths{"/c"}));
    EXPECT_EQ(paths("κυθηρα"), (Paths{"/c"}));
    EXPECT_EQ(paths("ΚΎΘΗΡΑ"), (Paths{"/c"}));
}

// Fullwidth forms, as East Asian keyboards type Latin letters and digits, find the ASCII ones.
TEST_F(SearchTest, FullwidthFormsFindAscii) {
    EXPECT_EQ(paths("ＡＭＥＬＩＥ"), (Paths{"/b"}));
    EXPECT_EQ(paths("year:２０１４"), (Paths{"/a"}));
}

// The review writes "Amélie" precomposed; a query typed with a combining acute finds it.
TEST_F(SearchTest, DecomposedAccentsFoldAsPrecomposedOnes) {
    EXPECT_EQ(paths("Ame\u0301lie"), (Paths{"/b"}));
    EXPECT_EQ(paths("\"Ame\u0301lie plays\""), (Paths{"/b"}));
}

TEST_F(SearchTest, PersonKeysAgreeAcrossSpellings) {
    EXPECT_EQ(paths("person:\"J.K. Simmons\""), (Paths{"/a"}));
    EXPECT_EQ(paths("person:\"jk simmons\""), (Paths{"/a"}));
    EXPECT_EQ(paths("person:\"JK Simmons\""), (Paths{"/a"}));
    EXPECT_EQ(paths("person:\"J. K. Simmons\""), (Paths{"/a"}));
    EXPECT_EQ(paths("person:simmons"), (Paths{"/a", "/b"}));
    EXPECT_EQ(paths("person:jean"), (Paths{"/b"}));
}

TEST_F(SearchTest, FilmField) {
    EXPECT_EQ(paths("film:whiplash"), (Paths{"/a"}));
    EXPECT_EQ(paths("film:\"Mad Max: Fury Road\""), (Paths{"/c"}));
    EXPECT_EQ(paths("film:\"fury road\" drum"), (Paths{"/c"}));
}

TEST_F(SearchTest, RangesAndYears) {
    EXPECT_EQ(paths("rating:7..10"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("rating:..4"), (Paths{"/b"}));
    EXPECT_EQ(paths("rating:7"), (Paths{"/c"}));
    // A rating typed with decimals is one to that precision: 8.5 is not the 9/10 review.
    EXPECT_EQ(paths("rating:7.5"), (Paths{"/c"}));
    EXPECT_EQ(paths("rating:8.5"), Paths{});
    EXPECT_EQ(paths("rating:7.0"), Paths{});
    EXPECT_EQ(paths("year:2014"), (Paths{"/a"}));
    EXPECT_EQ(paths("year:1950..2014"), (Paths{"/a", "/b"}));
}

// A single date was searched for as the words "date 2014 10 17", and a range of years got
// QueryParser's "Unknown range operation".
TEST_F(SearchTest, ASingleDateIsADayMonthOrYear) {
    EXPECT_EQ(paths("date:2014-10-17"), (Paths{"/a"}));
    EXPECT_EQ(paths("date:20141017"), (Paths{"/a"}));
    EXPECT_EQ(paths("date:2014-11"), (Paths{"/b"}));
    EXPECT_EQ(paths("date:2014"), (Paths{"/a", "/b"}));
    EXPECT_EQ(paths("drum -date:2014-10-17"), (Paths{"/b", "/c"}));
    EXPECT_EQ(paths("date:2014-10-01..2014-10-31"), (Paths{"/a"}));
    // The ends of a range are read the same way.
    EXPECT_EQ(paths("date:2014..2015"), (Paths{"/a", "/b"}));
    EXPECT_EQ(paths("date:2014-11.."), (Paths{"/b"}));
    EXPECT_EQ(paths("date:..2014-10"), (Paths{"/a"}));
    Searcher searcher(dir_);
    // A month 13 or a day 32 matched nothing, or as a range's end ran on to the next year.
    for (const char* q : {"date:2014-13", "date:2014-10-32", "date:20141000",
                          "date:2014-10-01..2014-13-01", "date:2014-13..2015"})
        EXPECT_THROW(searcher.search(q, SearchOptions{}), UsageError) << q;
    try {
        searcher.search("date:2014..someday", SearchOptions{});
        FAIL() << "a range ending in a word was read";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("YYYY-MM-DD"), std::string::npos) << e.what();
    }
}

// A boolean operator with nothing on one side was QueryParser's "Syntax: <expression> OR
// <expression>", which says little to someone who joined a list with " OR " one time too many or
// meant the word.
TEST_F(SearchTest, AnOperatorMissingASideIsExplained) {
    EXPECT_EQ(problem("drum OR"),
              "OR needs something to search for on each side, as in a OR b (the word itself is "
              "written in lower case: or)");
    EXPECT_EQ(problem("drum NOT"),
              "NOT needs something to search for after it, as in a NOT b (the word itself is "
              "written in lower case: not)");
    EXPECT_EQ(
        problem("AND NOT drum").rfind("AND NOT needs something to search for on each side", 0), 0u);
    EXPECT_EQ(problem("drum or"), "(no error)");
    EXPECT_EQ(problem("NOT drum"), "(no error)");
}

// An open range with neither end ("date:..", a script's date:$from..$to with both empty) was
// every review, those with no date too: it is those with one.
TEST_F(SearchTest, ARangeWithNeitherEndIsAnyValue) {
    EXPECT_EQ(paths("date:.."), (Paths{"/a", "/b"}));
    EXPECT_EQ(paths("drum -date:.."), (Paths{"/c"}));
    EXPECT_EQ(paths("rating:.. year:.."), (Paths{"/a", "/b", "/c"}));
}

// A field with nothing after it was searched for as a word ("film:" found every review saying
// "film"), a year or date that is none as words or a term no review has: each now says what the
// field takes.
TEST_F(SearchTest, AFieldWithoutAValueItTakesIsAUsageError) {
    EXPECT_EQ(problem("film:"), "film: needs a value, as in film:whiplash");
    EXPECT_EQ(problem("drum person: "), "person: needs a value, as in person:\"J.K. Simmons\"");
    EXPECT_EQ(problem("-title:"), "title: needs a value, as in title:WORDS");
    EXPECT_EQ(problem("year:abc"), "year: expects a year, as in year:2014 or year:2010..2015");
    EXPECT_EQ(problem("drum year:20x4..2015"),
              "year: expects a year, as in year:2014 or year:2010..2015");
    EXPECT_NE(problem("date:yesterday").find("date: expects a day, month or year"),
              std::string::npos);
    // Inside a phrase a colon is only text, and a field's value may be quoted.
    EXPECT_EQ(problem("\"film: a\" drum"), "(no error)");
    EXPECT_EQ(problem("film:\"whiplash\" year:2014"), "(no error)");
    EXPECT_EQ(problem("year:2014.. drum"), "(no error)");
}

// A value with nothing to search for, as a script's title:"$t" gives when $t is empty: title:""
// and author:"-" were searched for as the words "title" and "author", person:"" OR drum found
// every review with "drum", and person:"" drum had "no words to search for".
TEST_F(SearchTest, AnEmptyQuotedValueIsNoValue) {
    EXPECT_EQ(problem("title:\"\" drum"), "title: needs a value, as in title:WORDS");
    EXPECT_EQ(problem("drum title:\""), "title: needs a value, as in title:WORDS");
    EXPECT_EQ(problem("author:\"  \""), "author: needs a value, as in author:NAME");
    EXPECT_EQ(problem("author:- drum"), "author: needs a value, as in author:NAME");
    EXPECT_EQ(problem("person:\"\" OR drum"),
              "person: needs a value, as in person:\"J.K. Simmons\"");
    EXPECT_EQ(problem("drum person:\"\""), "person: needs a value, as in person:\"J.K. Simmons\"");
    EXPECT_EQ(problem("film:\".\" OR drum"), "film: needs a value, as in film:whiplash");
    EXPECT_EQ(problem("title:\"tempo\" author:\"ana\" person:\"simmons\""), "(no error)");
    EXPECT_EQ(problem("title:(drum battle)"), "(no error)");
}

// Names match whole words: "person:simm*" was searched as person:simm (nobody) and "film:whip*"
// as film:whip, silently. A quoted value is taken as written.
TEST_F(SearchTest, ANameFieldTakesNoWildcard) {
    Searcher searcher(dir_);
    try {
        searcher.search("drum person:simm*", SearchOptions{});
        FAIL() << "person:simm* was searched";
    } catch (const UsageError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "person: takes whole words, not a wildcard: reel-search --list people "
                  "--prefix simm lists the names");
    }
    EXPECT_THROW(searcher.search("film:whip*", SearchOptions{}), UsageError);
    EXPECT_EQ(paths("film:\"whiplash*\""), (Paths{"/a"}));
    EXPECT_EQ(paths("drum*"), (Paths{"/a", "/b", "/c"}));
}

// QueryParser 1.4 reads NEAR and ADJ only between plain words, and beside other terms only in
// brackets; it gave up on anything else, and read as words, "loud drum NEAR battle" and
// "drum* NEAR battle" found the reviews with the word "near".
TEST_F(SearchTest, AWindowBesideOtherTermsOrAnythingButWords) {
    EXPECT_EQ(paths("loud drum NEAR battle"), (Paths{"/a"}));
    EXPECT_EQ(paths("drum NEAR battle person:simmons"), (Paths{"/a", "/b"}));
    EXPECT_EQ(paths("person:simmons drum ADJ/2 battle"), (Paths{"/a"}));
    EXPECT_EQ(paths("(loud drum NEAR battle NEAR whiplash)"), (Paths{"/a"}));
    Searcher searcher(dir_);
    for (const char* q : {"drum* NEAR battle", "(drum OR sounds) NEAR battle",
                          "drum ADJ \"battle in\"", "drum NEAR +battle", "drum NEAR"}) {
        try {
            searcher.search(q, SearchOptions{});
            ADD_FAILURE() << q << " was read";
        } catch (const UsageError& e) {
            EXPECT_NE(std::string(e.what()).find("NEAR and ADJ join two plain words"),
                      std::string::npos)
                << q << ": " << e.what();
        }
    }
    EXPECT_EQ(paths("drum NEAR battle"), (Paths{"/a", "/b", "/c"}));
    // At the start it is a word, as in the title NEAR DARK.
    EXPECT_EQ(paths("NEAR drum"), Paths{});
}

TEST_F(SearchTest, BooleanOperators) {
    EXPECT_EQ(paths("drum NOT whiplash"), (Paths{"/b", "/c"}));
    EXPECT_EQ(paths("whiplash OR amelie"), (Paths{"/a", "/b"}));
    EXPECT_EQ(paths("whiplash amelie", true), (Paths{"/a", "/b"}));
}

TEST_F(SearchTest, MalformedQueriesAreUsageErrors) {
    Searcher searcher(dir_);
    SearchOptions o;
    EXPECT_THROW(searcher.search("rating:9..2", o), UsageError);
    EXPECT_THROW(searcher.search("year:abc..2000", o), UsageError);
    // Ratings are on 0-10: "rating:85" (meant as 85%) matched nothing, with no word said.
    for (const char* q :
         {"rating:85", "rating:-1", "rating:7..70", "rating:11..", "drum -rating:80"})
        EXPECT_THROW(searcher.search(q, o), UsageError) << q;
    EXPECT_NO_THROW(searcher.search("rating:0..10", o));
    EXPECT_THROW(searcher.search(std::string("a\0b", 3), o), UsageError);
    EXPECT_THROW(searcher.search("   ", o), UsageError);
    EXPECT_THROW(searcher.search(std::string(20000, 'a'), o), UsageError);
    // Each word costs a walk over its reviews: 3,000 took 12 s on 50,000 reviews.
    std::string words;
    for (int i = 0; i < 256; ++i) words += "drum ";
    EXPECT_NO_THROW(searcher.search(words, o));
    EXPECT_THROW(searcher.search(words + "drum", o), UsageError);
    EXPECT_THROW(searcher.search("\"" + words + "drum\"", o), UsageError);
}

TEST_F(SearchTest, SloppyQueriesAreReadBestEffort) {
    EXPECT_EQ(paths("\"drum battle"), (Paths{"/a"}));
    EXPECT_EQ(paths("(drum battle"), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("nosuchfield:drum"), Paths{});
}

// QueryParser reads a query it cannot parse again with no flags, which in a reel database lost
// the stems' synonyms (lower-case words found nothing) and turned exclusions into terms to find.
TEST_F(SearchTest, UnparsableQueriesKeepStemsAndExclusions) {
    EXPECT_EQ(paths("drums)"), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("(drumming) )"), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("drum -film:whiplash )"), (Paths{"/b", "/c"}));
    EXPECT_EQ(paths("drum* battle)"), (Paths{"/a", "/b", "/c"}));
    // A query of excluded terms only means everything but those, as NOT does.
    EXPECT_EQ(paths("-film:whiplash"), (Paths{"/b", "/c"}));
    EXPECT_EQ(paths("-whiplash -amelie"), (Paths{"/c"}));
    EXPECT_EQ(paths("-person:simmons"), (Paths{"/c"}));
    EXPECT_EQ(paths("-(drum NEAR battle)"), Paths{});
    // Read as words, an exclusion would be searched for: an error instead.
    Searcher searcher(dir_);
    SearchOptions o;
    EXPECT_THROW(searcher.search("drum -film:whiplash (\"", o), UsageError);
    EXPECT_THROW(searcher.search("drum ADJ -battle", o), UsageError);
    // Neither excludes anything: a '-' before punctuation, a rating: inside a phrase (which the
    // fallback's probe, parsing without flags, hands to the rating processor).
    EXPECT_EQ(paths("drums -!"), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("Whiplash -."), (Paths{"/a"}));
    EXPECT_EQ(paths("drum \"rating:8\""), Paths{});
}

// Text pasted from a review has ellipses; QueryParser took each ".." for a range of no field
// and failed the query ("Unknown range operation"). Ranges of a field, and numbers with ".."
// between them (left to fail, as no field says what they range over), are kept.
TEST_F(SearchTest, EllipsesAreNotRanges) {
    EXPECT_EQ(paths("drum battle..."), (Paths{"/a", "/b", "/c"}));
    EXPECT_EQ(paths("Amélie... plays"), (Paths{"/b"}));
    EXPECT_EQ(paths("\"drum battle...\""), (Paths{"/a"}));
    EXPECT_EQ(paths("drum..battle -rating:..5"), (Paths{"/a", "/c"}));
    Searcher searcher(dir_);
    EXPECT_THROW(searcher.search("drum 7..9", SearchOptions{}), UsageError);
}

// A range with no field to say what it ranges over was "Unknown range operation", QueryParser's
// words, which name nothing a user wrote.
TEST_F(SearchTest, ARangeWithoutAFieldSaysWhichFieldsTakeOne) {
    for (const char* query : {"drum 7..9", "2010..2015", "x OR 1..2"}) {
        try {
            Searcher(dir_).search(query, SearchOptions{});
            ADD_FAILURE() << query << ": no error";
        } catch (const UsageError& e) {
            EXPECT_EQ(std::string(e.what()),
                      "a range needs its field: rating:7..9, year:2010..2015 or "
                      "date:2020-01..2020-06")
                << query;
        }
    }
}

// Typeset text writes a range with an en or em dash ("2010–2015"); such a range was an error.
TEST_F(SearchTest, RangesWrittenWithDashes) {
    EXPECT_EQ(paths("year:2010–2015"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("rating:7—10"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("drum -rating:8–10"), (Paths{"/b", "/c"}));
    EXPECT_EQ(paths("date:2014-10–2014-11"), (Paths{"/a", "/b"}));
    // As people type a range of years: "year: expects a year".
    EXPECT_EQ(paths("year:2010-2015"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("rating:7-10"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("date:2014-10"), (Paths{"/a"}));  // a month, not a range
}

// QueryParser 1.4 has no "-range" or "+range" ("Unknown range operation").
TEST_F(SearchTest, RangesCanBeExcludedOrRequired) {
    EXPECT_EQ(paths("drum -rating:..5"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("-rating:7..10"), (Paths{"/b"}));
    EXPECT_EQ(paths("drum +rating:7..10"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("drum -year:2010..2015"), (Paths{"/b"}));
    // Words after the excluded range still count: NOT took them all as what it excludes, so
    // the first found nearly everything and the others lost their last word.
    EXPECT_EQ(paths("-rating:..5 battle"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("-rating:7..10 amelie"), (Paths{"/b"}));
    EXPECT_EQ(paths("drum -rating:..5 whiplash"), (Paths{"/a"}));
    EXPECT_EQ(paths("(drum -rating:..5 whiplash) OR amelie"), (Paths{"/a", "/b"}));
    // The range went beside the NEAR, which took it for a side: a usage error.
    EXPECT_EQ(paths("-rating:..5 drum NEAR battle"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("-date:2014-10 drum ADJ/3 battle"), (Paths{"/b"}));
}

TEST_F(SearchTest, TotalIsExactAndSnippetsHighlight) {
    Searcher searcher(dir_);
    SearchOptions o;
    o.limit = 1;
    o.highlight_start = "[";
    o.highlight_end = "]";
    SearchResult r = searcher.search("drumming", o);
    EXPECT_EQ(r.total, 3u);
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_NE(r.hits[0].snippet.find("["), std::string::npos) << r.hits[0].snippet;

    // A word indexed folded is highlighted as the review spells it.
    r = searcher.search("amelie", o);
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_NE(r.hits[0].snippet.find("[Amélie]"), std::string::npos) << r.hits[0].snippet;

    // Every form of the stemmed word is highlighted, not just the one searched for.
    o.limit = 3;
    r = searcher.search("drumming", o);
    for (const Hit& hit : r.hits) {
        if (hit.stored.review.path == "/a") {
            EXPECT_NE(hit.snippet.find("[drum]"), std::string::npos) << hit.snippet;
        }
        if (hit.stored.review.path == "/c") {
            EXPECT_NE(hit.snippet.find("[Drumming]"), std::string::npos) << hit.snippet;
        }
    }
}

// Xapian counts in 32 bits: --offset 4294967296 showed the first hits again, ranked from
// 4294967297, and --limit 4294967296 showed none.
TEST_F(SearchTest, PagesBeyondThirtyTwoBitsAreNotWrapped) {
    Searcher searcher(dir_);
    SearchOptions o;
    o.offset = std::size_t{1} << 32;
    SearchResult r = searcher.search("drum", o);
    EXPECT_EQ(r.total, 3u);
    EXPECT_TRUE(r.hits.empty());
    o.offset = 0;
    o.limit = std::size_t{1} << 32;
    r = searcher.search("drum", o);
    EXPECT_EQ(r.hits.size(), 3u);
}

TEST_F(SearchTest, MissingDatabaseSaysHowToCreateIt) {
    try {
        Searcher s(dir_ / "nope");
        FAIL();
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("reel-index"), std::string::npos);
    }
}

// Capitalised acronyms were read by QueryParser as one word, the indexer's letters as several:
// "L.A. Confidential" found nothing, U.S. found "us", author:"S.T. Lee" nothing.
TEST(Acronyms, ReadAsTheIndexerReadThem) {
    test::TestDatabase db("reel-acronym-test");
    auto add = [&](const std::string& path, const std::string& text, const std::string& author) {
        Review r;
        r.path = r.id = path;
        r.text = text;
        r.author = author;
        db.add(r);
    };
    add("/la", "L.A. Confidential opened in the U.S. in 1997.", "S.T. Lee");
    add("/us", "Let us go to la playa.", "Sam Tate");
    fs::path dir = db.commit();
    using Paths = std::vector<std::string>;
    EXPECT_EQ(test::found_paths(dir, "\"L.A. Confidential\""), Paths{"/la"});
    EXPECT_EQ(test::found_paths(dir, "U.S."), Paths{"/la"});
    EXPECT_EQ(test::found_paths(dir, "u.s."), Paths{"/la"});
    EXPECT_EQ(test::found_paths(dir, "L.A"), Paths{"/la"});
    EXPECT_EQ(test::found_paths(dir, "author:\"S.T. Lee\""), Paths{"/la"});
    EXPECT_EQ(test::found_paths(dir, "us AND la"), Paths{"/us"});
    fs::remove_all(dir);
}

// Xapian writes snippets as HTML; reel's output is plain text in every format, with or without
// highlighting, and text that merely looks escaped stays as written.
TEST(Snippets, ArePlainText) {
    test::TestDatabase db("reel-snippet-test");
    std::string filler;
    for (int i = 0; i < 100; ++i) filler += "filler words here ";
    const std::string middle = "the durian: Tom & Jerry say 3 < 5 and 7 > 2, &amp; &[x&] stays.";
    for (const std::string& text : {filler + middle + " " + filler, middle}) {
        Review r;
        // Appended: "/" + std::to_string(...) draws a false -Wrestrict from GCC 12 here.
        r.path = "/";
        r.path += std::to_string(text.size());
        r.id = r.path;
        r.text = text;
        db.add(r);
    }
    fs::path dir = db.commit();
    Searcher searcher(dir);
    for (std::string mark : {"", "*"}) {
        SearchOptions o;
        o.highlight_start = o.highlight_end = mark;
        SearchResult r = searcher.search("durian", o);
        ASSERT_EQ(r.hits.size(), 2u);
        for (const Hit& hit : r.hits) {
            const std::string want =
                mark + "durian" + mark + ": Tom & Jerry say 3 < 5 and 7 > 2, &amp; &[x&] stays.";
            EXPECT_NE(hit.snippet.find(want), std::string::npos) << hit.snippet;
        }
    }
    fs::remove_all(dir);
}

// The hits `query` finds in a database of one review holding `text`, with snippets.
std::vector<Hit> hits_in(const std::string& name, const std::string& text,
                         const std::string& query) {
    test::TestDatabase db(name);
    Review r;
    r.path = r.id = "/r";
    r.text = text;
    db.add(r);
    fs::path dir = db.commit();
    SearchResult found = Searcher(dir).search(query, SearchOptions{});
    fs::remove_all(dir);
    return found.hits;
}

// A snippet is one line: a review's paragraphs and runs of blanks are single spaces, so the
// text output keeps its layout and scripts get clean text.
TEST(Snippets, AreOneLine) {
    auto hits =
        hits_in("reel-snippet-line-test",
                "Home\n\n\n   Menu\t\tLogin\r\n\nThe durian   scene\n\nis long.\n\n", "durian");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].snippet, "Home Menu Login The durian scene is long.");
}

// "..." says the snippet was cut: a whole short review got one after it when it ended with a
// line break and no full stop (as a text file does), and a snippet starting after an initial
// ("K. Simmons yells", of "J. K. Simmons") got none, as if a sentence started there.
TEST(Snippets, AWholeReviewIsNotMarkedAsCut) {
    auto whole = hits_in("reel-snippet-cut-test-1", "tab review zzqtab\n", "zzqtab");
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0].snippet, "tab review zzqtab");
}

TEST(Snippets, ACutAfterAnInitialIsMarked) {
    const std::string text = "Whiplash is loud. J. K. Simmons yells. He yells at everyone";
    EXPECT_EQ(mark_cuts(text, "K. Simmons [yells]. He [yells] at...", "[", "]"),
              "...K. Simmons [yells]. He [yells] at...");
    // A sentence that starts there, or the text's own start, takes none.
    EXPECT_EQ(mark_cuts(text, "J. K. Simmons [yells].", "[", "]"), "J. K. Simmons [yells].");
    EXPECT_EQ(mark_cuts(text, "Whiplash is [loud]...", "[", "]"), "Whiplash is [loud]...");
    // Nor is a snippet that cannot be placed in the text changed.
    EXPECT_EQ(mark_cuts(text, "K. Jones yells", "", ""), "K. Jones yells");
}

// Text in Chinese or Japanese has no spaces: Xapian took a run of it for one word too long for
// any snippet, which came back as a bare "..." around the matched word's review.
TEST(Snippets, ShowCjkTextAroundAMatch) {
    std::string before, after;
    for (int i = 0; i < 12; ++i) {
        before += "黒澤明監督の映画は本当に素晴らしい";
        after += "羅生門という作品は名作です";
    }
    auto hits = hits_in("reel-snippet-cjk-test", before + " Rashomon " + after, "rashomon");
    ASSERT_EQ(hits.size(), 1u);
    const std::string& snippet = hits[0].snippet;
    EXPECT_NE(snippet.find("Rashomon"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("羅生門"), std::string::npos) << snippet;
}

// "don´t" and "it`s" (an acute accent or a backtick for an apostrophe) are found as "don't"
// and "it's", in either spelling. The text is normalised as reel-index's loaders do.
TEST(Search, ApostrophesTypedAsAccentsOrBackticks) {
    const std::string text = normalize_text("It´s a film I don`t like.").text;
    EXPECT_EQ(hits_in("reel-apostrophe-test-1", text, "\"it's a film\"").size(), 1u);
    EXPECT_EQ(hits_in("reel-apostrophe-test-2", text, "don't").size(), 1u);
    EXPECT_EQ(hits_in("reel-apostrophe-test-3", "It's a film I don't like.", "don´t").size(), 1u);
}

// Text or a query copied from a PDF has ligatures ("ﬁ"): their words are found either way.
TEST(Search, LigaturesFindTheirLetters) {
    EXPECT_EQ(hits_in("reel-ligature-test-1", "A ﬁlm of great ﬂair.", "film flair").size(), 1u);
    EXPECT_EQ(hits_in("reel-ligature-test-2", "A film of great flair.", "ﬁlm ﬂair").size(), 1u);
}

// Chinese and Japanese are written without spaces: a word is found inside a run of text, on
// its own, in a phrase and beside English words, while the same characters in another order
// are not a match.
TEST(Search, WordsInsideUnspacedChineseAndJapanese) {
    const std::string ja = "宮崎駿の「千と千尋の神隠し」は素晴らしいアニメ映画です。";
    EXPECT_EQ(hits_in("reel-cjk-test-1", ja, "神隠し").size(), 1u);
    EXPECT_EQ(hits_in("reel-cjk-test-2", ja, "\"千尋の神隠し\"").size(), 1u);
    EXPECT_EQ(hits_in("reel-cjk-test-3", ja, "\"神隠しの千尋\"").size(), 0u);
    EXPECT_EQ(hits_in("reel-cjk-test-4", ja, "千尋 -宮崎駿").size(), 0u);
    const std::string zh = "Wong Kar-wai的电影《花样年华》，梁朝伟和张曼玉演得很好。";
    EXPECT_EQ(hits_in("reel-cjk-test-5", zh, "梁朝伟 wong").size(), 1u);
    EXPECT_EQ(hits_in("reel-cjk-test-6", zh, "\"梁朝伟和张曼玉\"").size(), 1u);
    EXPECT_EQ(hits_in("reel-cjk-test-7", zh, "张曼伟").size(), 0u);
    EXPECT_EQ(hits_in("reel-cjk-test-8", zh, "wong 梁朝伟 kar").size(), 1u);
}

// Past 1 MiB a text is indexed a run at a time: n-grams of a long run of unrelated characters
// (a binary file read as UTF-16) took gigabytes. Its other words are still found.
TEST(Search, AHugeUnspacedTextIsIndexedARunAtATime) {
    std::string run;
    for (char32_t i = 0; run.size() <= (1u << 20); ++i) append_utf8(run, 0x4E00 + i % 20000);
    std::string text = "Garbage: " + run + " end";
    std::string inside = run.substr(3000, 9);  // three characters from the middle
    EXPECT_EQ(hits_in("reel-cjk-huge-1", text, inside).size(), 0u);
    EXPECT_EQ(hits_in("reel-cjk-huge-2", text, "garbage").size(), 1u);
    EXPECT_EQ(hits_in("reel-cjk-huge-3", run.substr(0, 30000), inside).size(), 1u);
}

// The query is folded ("inarritu"), the text is not: the passage holding "Iñárritu" is the
// snippet, not the review's opening, and with markers the accented word is highlighted.
TEST(Snippets, FindAndHighlightAccentedWords) {
    std::string filler;
    for (int i = 0; i < 12; ++i) filler += "The pacing was deliberate and the light lovely. ";
    auto hits = hits_in("reel-snippet-accent-test",
                        filler + "Then Alejandro González Iñárritu surprised everyone. " + filler,
                        "inarritu");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_NE(hits[0].snippet.find("Iñárritu"), std::string::npos) << hits[0].snippet;
}

// French and Italian titles elide an article or preposition into the next word: Xapian keeps
// "l'atalante" as one word, which a search for "atalante" missed.
class ElisionSearchTest : public test::SearchSuite<ElisionSearchTest> {
  protected:
    static void SetUpTestSuite() {
        test::TestDatabase db("reel-elision-test");
        auto add = [&](const std::string& path, const std::string& text,
                       const std::string& title = "") {
            Review r;
            r.path = r.id = path;
            r.text = fold_text(text);
            r.title = title;
            db.add(r);
        };
        add("/v", "Vigo\u2019s L\u2019Atalante floats; so does the commedia dell'arte.",
            "L'Avventura, revisited");
        add("/o", "Peter O'Toole in Lawrence, and Vincent D'Onofrio.");
        add("/e", "C'mon, m'lady, s'mores. D'oh!");
        dir_ = db.commit();
    }
    static std::string fold_text(const std::string& text) { return normalize_text(text).text; }
};

TEST_F(ElisionSearchTest, TheWordAfterAnElisionIsFoundAlone) {
    EXPECT_EQ(paths("atalante"), Paths{"/v"});
    EXPECT_EQ(paths("l'atalante"), Paths{"/v"});
    EXPECT_EQ(paths("arte"), Paths{"/v"});
    EXPECT_EQ(paths("title:avventura"), Paths{"/v"});
    EXPECT_EQ(paths("onofrio"), Paths{"/o"});
    // An Irish name's O' is no elision.
    EXPECT_EQ(paths("toole"), Paths{});
    EXPECT_EQ(paths("o'toole"), Paths{"/o"});
    // English has its own apostrophes.
    for (const char* word : {"mon", "lady", "mores", "oh"}) EXPECT_EQ(paths(word), Paths{}) << word;

    Searcher searcher(dir_);
    SearchOptions o;
    o.highlight_start = "[";
    o.highlight_end = "]";
    SearchResult r = searcher.search("atalante", o);
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_NE(r.hits[0].snippet.find("[L'Atalante]"), std::string::npos) << r.hits[0].snippet;
}

// "rating:8...10" was read as the range from 8 to .10, backwards, with the suggestion
// rating:.10..8. Three dots or more are a typo for the range's two.
TEST_F(SearchTest, ThreeDotsInARangeAreTheRange) {
    EXPECT_EQ(paths("rating:7...10"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("rating:7.5....9"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("rating:8..."), (Paths{"/a"}));
    EXPECT_EQ(paths("year:2014...2015"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("date:2014-10...2014-11"), (Paths{"/a", "/b"}));
    EXPECT_EQ(paths("drum -rating:...5"), (Paths{"/a", "/c"}));
    EXPECT_EQ(problem("rating:10...8"), "rating:10..8 is backwards (did you mean rating:8..10?)");
    EXPECT_EQ(problem("rating:9.5...7.5"),
              "rating:9.5..7.5 is backwards (did you mean rating:7.5..9.5?)");
}

// "year:2014-15" was the backwards range 2014..15 (did you mean year:15..2014?): the end of a
// span of years is often written with its last digits only.
TEST_F(SearchTest, AnAbbreviatedEndYearTakesTheStartsDigits) {
    EXPECT_EQ(paths("year:2014-15"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("year:2014..15"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("year:2014–15"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("year:1959-61"), (Paths{"/b"}));
    EXPECT_EQ(paths("year:2013-5"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("drum -year:2014-15"), (Paths{"/b"}));
    // Full years are read as typed.
    EXPECT_EQ(paths("year:1999-2015"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("year:2014-2016"), (Paths{"/a", "/c"}));
    // Across a century, a short span.
    EXPECT_EQ(paths("year:1999-03"), Paths{});
    EXPECT_EQ(problem("year:1999-03"), "(no error)");
    // Backwards still, and said so with the years it meant.
    EXPECT_EQ(problem("year:2016..2014"),
              "year:2016..2014 is backwards (did you mean year:2014..2016?)");
    EXPECT_EQ(problem("year:2014-13"),
              "year:2014..2013 is backwards (did you mean year:2013..2014?)");
    EXPECT_EQ(problem("year:99999999999999999999..1"),
              "year:99999999999999999999..1 is backwards (did you mean "
              "year:1..99999999999999999999?)");
}

// A backwards date range was named by the days it spans, and the suggestion swapped those
// days: date:2015..2014 got "did you mean date:2014-12-31..2015-01-01?", two days.
TEST_F(SearchTest, ABackwardsDateRangeSuggestsItsEndsAsTyped) {
    EXPECT_EQ(problem("date:2015..2014"),
              "date:2015..2014 is backwards (did you mean date:2014..2015?)");
    EXPECT_EQ(problem("drum -date:2014-11..2014-10"),
              "date:2014-11..2014-10 is backwards (did you mean date:2014-10..2014-11?)");
    EXPECT_EQ(problem("date:2014-06-30–2014-01-01"),
              "date:2014-06-30..2014-01-01 is backwards (did you mean "
              "date:2014-01-01..2014-06-30?)");
    EXPECT_EQ(problem("date:2014-06...2014-01"),
              "date:2014-06..2014-01 is backwards (did you mean date:2014-01..2014-06?)");
    EXPECT_EQ(paths("date:2014-10..2014-10"), (Paths{"/a"}));
    EXPECT_EQ(backwards_date_range("\"date:2015..2014\" drum"), "");  // a phrase: words
}

// QueryParser's field names are case-sensitive: "Film:whiplash" found the reviews with the
// words "film" and "whiplash", and "Year:2014" nothing.
TEST_F(SearchTest, FieldNamesAreReadInAnyCase) {
    EXPECT_EQ(paths("Film:whiplash"), (Paths{"/a"}));
    EXPECT_EQ(paths("FILM:whiplash"), (Paths{"/a"}));
    EXPECT_EQ(paths("Year:2014"), (Paths{"/a"}));
    EXPECT_EQ(paths("Person:\"J.K. Simmons\""), (Paths{"/a"}));
    EXPECT_EQ(paths("Rating:7..10"), (Paths{"/a", "/c"}));
    EXPECT_EQ(paths("drum -Year:2014"), (Paths{"/b", "/c"}));
    EXPECT_EQ(paths("Date:2014-11"), (Paths{"/b"}));
    EXPECT_EQ(paths("(Film:whiplash OR Film:\"fury road\")"), (Paths{"/a", "/c"}));
    EXPECT_EQ(problem("Year:abc"), "year: expects a year, as in year:2014 or year:2010..2015");
}

TEST(FieldNames, OnlyFieldsAreLowerCased) {
    EXPECT_EQ(lower_field_names("Film:x +PERSON:y (Title:z -Year:1"),
              "film:x +person:y (title:z -year:1");
    // In a phrase, with no value, or no field of reel's: text.
    EXPECT_EQ(lower_field_names("\"Note: Film:x\" Title: Heat"), "\"Note: Film:x\" Title: Heat");
    EXPECT_EQ(lower_field_names("Rocky:Balboa xFilm:y"), "Rocky:Balboa xFilm:y");
    // Nor is a capitalised field named as a mistyped one when nothing matches.
    EXPECT_EQ(unknown_field("Person:teller"), "");
    EXPECT_EQ(unknown_field("Preson:teller"), "Preson");
}

}  // namespace
}  // namespace reel
