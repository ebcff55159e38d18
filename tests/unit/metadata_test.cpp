#include <gtest/gtest.h>

#include "reel/errors.hpp"
#include "reel/field_map.hpp"
#include "reel/metadata.hpp"

namespace reel {
namespace {

TEST(ParseRating, AsPeopleWriteThem) {
    EXPECT_DOUBLE_EQ(*parse_rating("8/10"), 8);
    EXPECT_DOUBLE_EQ(*parse_rating("4/5"), 8);
    EXPECT_DOUBLE_EQ(*parse_rating("3.5/5"), 7);
    EXPECT_DOUBLE_EQ(*parse_rating("3,5 / 5"), 7);
    EXPECT_DOUBLE_EQ(*parse_rating("9"), 9);
    EXPECT_DOUBLE_EQ(*parse_rating("85%"), 8.5);
    EXPECT_DOUBLE_EQ(*parse_rating("4 stars"), 8);
    EXPECT_DOUBLE_EQ(*parse_rating("3 out of 5"), 6);
    EXPECT_DOUBLE_EQ(*parse_rating("★★★★☆"), 8);
    EXPECT_DOUBLE_EQ(*parse_rating("★★★½"), 7);
    // Halves written after a whole number, as critics write them.
    EXPECT_DOUBLE_EQ(*parse_rating("3½/5"), 7);
    EXPECT_DOUBLE_EQ(*parse_rating("3½ stars"), 7);
    EXPECT_DOUBLE_EQ(*parse_rating("3 ½ out of 5"), 7);
    EXPECT_DOUBLE_EQ(*parse_rating("3 1/2 stars"), 7);
    EXPECT_DOUBLE_EQ(*parse_rating("2½ out of 4"), 6.25);
    EXPECT_DOUBLE_EQ(*parse_rating("7½"), 7.5);
    EXPECT_DOUBLE_EQ(*parse_rating("½"), 1);
    EXPECT_DOUBLE_EQ(*parse_rating("½/5"), 1);  // a lone half star, with its scale
    EXPECT_DOUBLE_EQ(*parse_rating("½ out of 4"), 1);
    EXPECT_DOUBLE_EQ(*parse_rating("1/2"), 5);  // one out of two, not a half
}

// A tenth of Rotten Tomatoes critics grade by letter: "B+" was read as no rating at all.
TEST(ParseRating, LetterGradesOnMetacriticsScale) {
    EXPECT_DOUBLE_EQ(*parse_rating("A+"), 10);
    EXPECT_DOUBLE_EQ(*parse_rating("A"), 10);
    EXPECT_DOUBLE_EQ(*parse_rating("A-"), 9.1);
    EXPECT_DOUBLE_EQ(*parse_rating("B+"), 8.3);
    EXPECT_DOUBLE_EQ(*parse_rating(" b "), 7.5);
    EXPECT_DOUBLE_EQ(*parse_rating("c-"), 4.2);
    EXPECT_DOUBLE_EQ(*parse_rating("D-"), 1.6);
    EXPECT_DOUBLE_EQ(*parse_rating("F"), 0);
    EXPECT_FALSE(parse_rating("E"));
    EXPECT_FALSE(parse_rating("B+-"));
    EXPECT_FALSE(parse_rating("A great film"));
}

TEST(ParseRating, NonsenseGivesNothing) {
    EXPECT_FALSE(parse_rating(""));
    EXPECT_FALSE(parse_rating("great!"));
    EXPECT_FALSE(parse_rating("12/10"));
    EXPECT_FALSE(parse_rating("5/0"));
    EXPECT_FALSE(parse_rating("1000"));
    // Too large for an int: a half is only looked for after a whole number (fuzz_csv, UBSan).
    EXPECT_FALSE(parse_rating("20150000000000000000000 1/2"));
    EXPECT_FALSE(parse_rating(std::string(112, '1') + "½"));
}

// Film data keeps age certificates in "rating" columns: "PG-13" was a score of 1.3.
TEST(ParseRating, AgeCertificatesAreNoScore) {
    for (const char* cert : {"PG-13", "TV-14", "NC-17", "R18", "pg13", "TV-MA", "R", "PG"})
        EXPECT_FALSE(parse_rating(cert)) << cert;
    EXPECT_DOUBLE_EQ(*parse_rating("Rating: 8"), 8);
    EXPECT_DOUBLE_EQ(*parse_rating("IMDb 7.5"), 7.5);
    EXPECT_DOUBLE_EQ(*parse_rating("score -8/10"), 8);
}

// A CSV's rating of -3 was stored as 3: a negative number is on no scale.
TEST(ParseRating, ANegativeNumberIsNoScore) {
    for (const char* bad : {"-3", " -3", "-2.5/5", "-80%"}) EXPECT_FALSE(parse_rating(bad)) << bad;
    EXPECT_DOUBLE_EQ(*parse_rating("3"), 3);
}

TEST(ParseYear, FirstPlausibleYear) {
    EXPECT_EQ(parse_year("2014-10-10"), 2014);
    EXPECT_EQ(parse_year("Oct 10, 1995"), 1995);
    EXPECT_FALSE(parse_year("12345"));
    EXPECT_FALSE(parse_year("1700"));
}

TEST(SortableDate, IsoLikeDates) {
    EXPECT_EQ(sortable_date("2014-10-10"), "20141010");
    EXPECT_EQ(sortable_date("2014/3"), "20140101");  // one-digit month is not ISO: year only
    EXPECT_EQ(sortable_date("2014-03"), "20140301");
    EXPECT_EQ(sortable_date("2014"), "20140101");
    EXPECT_EQ(sortable_date("yesterday"), "");
    EXPECT_EQ(sortable_date("20141"), "");
}

// Dates as WordPress shows them, RSS writes them and spreadsheets export them had no date
// value: date: ranges never found those reviews.
TEST(SortableDate, DatesWrittenWithMonthNamesOrDayFirst) {
    EXPECT_EQ(sortable_date("March 15, 2020"), "20200315");
    EXPECT_EQ(sortable_date("15 Mar 2020"), "20200315");
    EXPECT_EQ(sortable_date("Sun, 15 Mar 2020 10:00:00 +0000"), "20200315");
    EXPECT_EQ(sortable_date("15th of September 2019"), "20190915");
    EXPECT_EQ(sortable_date("Sept. 3rd, 2019"), "20190903");
    EXPECT_EQ(sortable_date("December 2019"), "20191201");
    EXPECT_EQ(sortable_date("15.03.2020"), "20200315");
    EXPECT_EQ(sortable_date("4.3.2020"), "20200304");
    EXPECT_EQ(sortable_date("15/03/2020"), "20200315");
    EXPECT_EQ(sortable_date("03/15/2020 10:00"), "20200315");
    EXPECT_EQ(sortable_date("03/04/2020"), "");  // March 4 or April 3: no telling
    EXPECT_EQ(sortable_date("03/15/20"), "");
    EXPECT_EQ(sortable_date("Marvel 2020"), "");
    EXPECT_EQ(sortable_date("May"), "");
}

TEST(FieldMap, RecognisesCommonColumnNames) {
    FieldMap m;
    EXPECT_EQ(m.field_for("review_content"), Field::text);
    EXPECT_EQ(m.field_for("Movie Title"), Field::film);
    EXPECT_EQ(m.field_for("CRITIC_NAME"), Field::author);
    EXPECT_EQ(m.field_for("score"), Field::rating);
    EXPECT_FALSE(m.field_for("rotten_tomatoes_link"));
}

// A header typed with a space after each comma ("film, review, rating") was skipped as having
// no review text column.
TEST(FieldMap, BlanksAroundAColumnNameDoNotMatter) {
    FieldMap m;
    EXPECT_EQ(m.field_for(" review"), Field::text);
    EXPECT_EQ(m.field_for("\tMovie Title "), Field::film);
    m.add_mapping("text= Blurb");
    EXPECT_EQ(m.field_for(" blurb"), Field::text);
}

TEST(FieldMap, ExplicitMappingWins) {
    FieldMap m;
    m.add_mapping("text=blurb");
    m.add_mapping("film=title");
    EXPECT_EQ(m.field_for("Blurb"), Field::text);
    EXPECT_EQ(m.field_for("title"), Field::film);
}

TEST(FieldMap, MappingsNoColumnMetAreUnused) {
    FieldMap m;
    m.add_mapping("text=blurb");
    m.add_mapping("film=Nosuch Col");
    EXPECT_EQ(m.unused_mappings().size(), 2u);
    m.field_for("BLURB");
    m.field_for("review");  // a common column: no mapping of the user's
    auto unused = m.unused_mappings();
    ASSERT_EQ(unused.size(), 1u);
    EXPECT_EQ(unused[0].spec, "film=Nosuch Col");
    EXPECT_EQ(unused[0].column, "Nosuch Col");
}

TEST(FieldMap, MalformedMappingIsAUsageError) {
    FieldMap m;
    EXPECT_THROW(m.add_mapping("blurb"), UsageError);
    EXPECT_THROW(m.add_mapping("=x"), UsageError);
    EXPECT_THROW(m.add_mapping("colour=x"), UsageError);
}

TEST(ReviewFromRecord, FillsFieldsAndParsesMetadata) {
    FieldMap m;
    Review r = review_from_record({{"critic", "Ana"},
                                   {"movie_title", "Heat"},
                                   {"score", "3.5/5"},
                                   {"review_date", "1995-12-15"},
                                   {"review_content", "Pacino &amp; De Niro"}},
                                  m);
    EXPECT_EQ(r.author, "Ana");
    EXPECT_EQ(r.film, "Heat");
    EXPECT_DOUBLE_EQ(*r.rating, 7);
    EXPECT_EQ(r.year, 1995);
    EXPECT_EQ(r.text, "Pacino & De Niro");
}

TEST(ReviewFromRecord, LoneTitleColumnNamesTheFilm) {
    FieldMap m;
    Review r = review_from_record({{"title", "Alien"}, {"text", "In space"}}, m);
    EXPECT_EQ(r.film, "Alien");
}

}  // namespace
}  // namespace reel
