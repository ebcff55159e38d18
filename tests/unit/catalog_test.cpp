#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "reel/catalog.hpp"
#include "reel/entities.hpp"
#include "reel/entity_key.hpp"
#include "reel/errors.hpp"

namespace reel {
namespace {

const char* kCsv =
    "movie_title,directors,actors,original_release_date\r\n"
    "Whiplash,Damien Chazelle,\"Miles Teller, J.K. Simmons, Paul Reiser\",2014-10-10\r\n"
    "\"Crazy, Stupid, Love\",\"Glenn Ficarra, John Requa\",\"Steve Carell, Ryan Gosling, Emma "
    "Stone\",2011-07-29\r\n"
    "Heat,Michael Mann,\"Al Pacino, Robert De Niro, Carolyn Adair (II)\",1995\r\n";

TEST(Catalog, ParsesRfc4180WithCrlf) {
    Catalog cat = Catalog::parse(kCsv);
    ASSERT_EQ(cat.size(), 3u);
    const CatalogFilm* f = cat.find_film(film_key("Crazy, Stupid, Love"));
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->year, 2011);
    EXPECT_EQ(f->directors, (std::vector<std::string>{"Glenn Ficarra", "John Requa"}));
    EXPECT_EQ(cat.find_film("heat")->actors.back(), "Carolyn Adair");  // credit suffix dropped
    ASSERT_NE(cat.person_name(person_key("JK Simmons")), nullptr);
    EXPECT_EQ(*cat.person_name(person_key("JK Simmons")), "J.K. Simmons");
}

TEST(Catalog, TsvAndOtherColumnNames) {
    Catalog cat = Catalog::parse(
        "title\tyear\tdirector\tcast\nAmélie\t2001\tJean-Pierre Jeunet\tAudrey Tautou|Mathieu "
        "Kassovitz\n");
    ASSERT_EQ(cat.size(), 1u);
    EXPECT_EQ(cat.find_film("amelie")->actors.size(), 2u);
}

// A catalogue exported as Latin-1 or Windows-1252 is read as reviews are: "Am\xe9lie" is
// Amélie, keyed and named as such.
TEST(Catalog, Latin1TitlesAndNamesAreRepaired) {
    Catalog cat = Catalog::parse("title,year,director\nAm\xe9lie,2001,Fran\xe7ois Truffaut\n");
    ASSERT_NE(cat.find_film("amelie"), nullptr);
    EXPECT_EQ(cat.find_film("amelie")->title, "Amélie");
    EXPECT_EQ(cat.find_film("amelie")->directors.at(0), "François Truffaut");
    // And one saved as UTF-16 was "binary data".
    std::string path = testing::TempDir() + "reel-catalog-utf16.csv";
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("title,year\nHeat,1995\n")) utf16 += std::string{c, '\0'};
    std::ofstream(path, std::ios::binary) << utf16;
    EXPECT_NE(Catalog::load(path).find_film("heat"), nullptr);
    std::remove(path.c_str());
}

TEST(Catalog, BadFilesAreInputErrors) {
    EXPECT_THROW(Catalog::parse(""), InputError);
    EXPECT_THROW(Catalog::parse("foo,bar\n1,2\n"), InputError);  // no title column
    EXPECT_THROW(Catalog::parse("title\n"), InputError);         // no films
    EXPECT_THROW(Catalog::parse("title,actors\nHeat,\"Al Pacino\n"),
                 InputError);  // unterminated quote
    EXPECT_THROW(Catalog::load("/nonexistent/catalog.csv"), InputError);
    try {
        Catalog::load("/nonexistent/catalog.csv");
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/catalog.csv"), std::string::npos);
    }
}

TEST(Catalog, SurnameResolvesToTheCastOfTheReviewedFilm) {
    Catalog cat = Catalog::parse(kCsv);
    EntityExtractor ex(&cat);
    Review r;
    r.film = "Whiplash";
    r.text = "Teller drums until his hands bleed, and Reiser is quietly good as his father.";
    EntityEvidence ev = ex.observe(r);
    ExtractedEntities e = ex.extract(r, ev);
    std::vector<std::string> keys;
    for (const auto& p : e.people) keys.push_back(p.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"miles teller", "paul reiser"}));
    EXPECT_EQ(e.people[0].name, "Miles Teller");
    EXPECT_EQ(e.people[0].aliases, std::vector<std::string>{"Teller"});
}

TEST(Catalog, CanonicalNamesForFullMentions) {
    Catalog cat = Catalog::parse(kCsv);
    EntityExtractor ex(&cat);
    Review r;
    r.text = "JK Simmons is terrifying in Whiplash.";
    ExtractedEntities e = ex.extract(r, ex.observe(r));
    ASSERT_EQ(e.people.size(), 1u);
    EXPECT_EQ(e.people[0].name, "J.K. Simmons");
    ASSERT_EQ(e.films.size(), 1u);
    EXPECT_EQ(e.films[0].name, "Whiplash");
}

TEST(Catalog, RealRottenTomatoesExport) {
    std::string gz = std::string(REEL_SHARED_DATA_DIR) + "/rt-movies.csv.gz";
    std::string csv = ::testing::TempDir() + "reel-rt-movies.csv";
    if (!std::ifstream(gz)) GTEST_SKIP() << "no " << gz;
    std::string cmd = "gzip -dc '" + gz + "' > '" + csv + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    Catalog cat = Catalog::load(csv);
    EXPECT_EQ(cat.size(), 939u);
    const CatalogFilm* f =
        cat.find_film(film_key("Percy Jackson & the Olympians: The Lightning Thief"));
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->year, 2010);
    EXPECT_EQ(f->directors, std::vector<std::string>{"Chris Columbus"});
    EXPECT_THROW(Catalog::load(gz), InputError);  // compressed: a clear message, not garbage
    std::remove(csv.c_str());
}

}  // namespace
}  // namespace reel
