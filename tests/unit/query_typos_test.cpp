// Queries as users type them: range typos (three dots, an abbreviated end year, backwards
// ends) and field names written with capitals.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "reel/entity_key.hpp"
#include "reel/errors.hpp"
#include "reel/query_repair.hpp"
#include "reel/search.hpp"
#include "test_database.hpp"

namespace reel {
namespace {

class QueryTyposTest : public test::SearchSuite<QueryTyposTest> {
  protected:
    static void SetUpTestSuite() {
        test::TestDatabase db("reel-query-typos-test");
        auto add = [&](const std::string& path, const std::string& text, ExtractedEntities e,
                       double rating, int year, std::string date = {}) {
            Review r;
            r.date = std::move(date);
            r.path = r.id = path;
            r.text = text;
            r.rating = rating;
            r.year = year;
            if (!e.films.empty()) r.film = e.films.front().name;
            db.add(r, e);
        };
        auto person = [](const std::string& n) { return Entity{n, person_key(n), {n}}; };
        auto film = [](const std::string& t) { return Entity{t, film_key(t), {t}}; };
        add("/a", "The drum battle in Whiplash was loud.",
            {{person("J.K. Simmons")}, {film("Whiplash")}}, 9, 2014, "2014-10-17");
        add("/b", "A drum and a battle, never together.", {{person("Jean Simmons")}, {}}, 4, 1960,
            "2014-11-02");
        add("/c", "Battle drum sounds. Drumming all night.", {{}, {film("Mad Max: Fury Road")}},
            7.5, 2015);
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

// "rating:8...10" was read as the range from 8 to .10, backwards, with the suggestion
// rating:.10..8. Three dots or more are a typo for the range's two.
TEST_F(QueryTyposTest, ThreeDotsInARangeAreTheRange) {
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
TEST_F(QueryTyposTest, AnAbbreviatedEndYearTakesTheStartsDigits) {
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
TEST_F(QueryTyposTest, ABackwardsDateRangeSuggestsItsEndsAsTyped) {
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
TEST_F(QueryTyposTest, FieldNamesAreReadInAnyCase) {
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
