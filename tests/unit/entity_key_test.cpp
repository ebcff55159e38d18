#include <gtest/gtest.h>

#include "reel/entity_key.hpp"

namespace reel {
namespace {

TEST(PersonKey, InitialsAgreeWhateverTheSpelling) {
    for (const char* name :
         {"J.K. Simmons", "JK Simmons", "J. K. Simmons", "jk simmons", "J K Simmons"}) {
        EXPECT_EQ(person_key(name), "jk simmons") << name;
    }
}

TEST(PersonKey, PossessivesAreDropped) {
    EXPECT_EQ(person_key("Simmons'"), "simmons");
    EXPECT_EQ(person_key("Simmons's"), "simmons");
    EXPECT_EQ(person_key("J.K. Simmons'"), "jk simmons");
}

TEST(PersonKey, ParticlesApostrophesHyphensAccents) {
    EXPECT_EQ(person_key("Robert De Niro"), "robert de niro");
    EXPECT_EQ(person_key("Max von Sydow"), "max von sydow");
    EXPECT_EQ(person_key("Peter O'Toole"), "peter otoole");
    EXPECT_EQ(person_key("Peter OToole"), "peter otoole");
    EXPECT_EQ(person_key("Jean-Pierre Jeunet"), "jean pierre jeunet");
    EXPECT_EQ(person_key("Alejandro González Iñárritu"), "alejandro gonzalez inarritu");
    EXPECT_EQ(person_key("Samuel L. Jackson"), "samuel l jackson");
}

TEST(FilmKey, PunctuationCaseAccentsAndLeadingThe) {
    EXPECT_EQ(film_key("2001: A Space Odyssey"), "2001 a space odyssey");
    EXPECT_EQ(film_key("Amélie"), "amelie");
    EXPECT_EQ(film_key("The Godfather"), "godfather");
    EXPECT_EQ(film_key("the Godfather"), "godfather");
    EXPECT_EQ(film_key("Heat (1995)"), "heat");
    EXPECT_EQ(film_key("E.T. the Extra-Terrestrial"), "et the extra terrestrial");
    EXPECT_EQ(film_key("S.I.C.K."), "sick");
    EXPECT_EQ(film_key("Bill & Ted's Bogus Journey"), "bill and teds bogus journey");
    EXPECT_EQ(film_key("Parasite (기생충)"), "parasite");
    EXPECT_EQ(film_key("Birdman or (The Unexpected Virtue of Ignorance)"), "birdman");
    EXPECT_EQ(film_key("The"), "the");  // a one-word title keeps its only word
}

// Titles and names in Hebrew, Arabic or Devanagari had no key at all: their letters (and the
// vowel signs and points within their words) were not letters.
TEST(FilmKey, OtherScriptsHaveKeys) {
    EXPECT_EQ(film_key("קדוש"), "קדוש");
    EXPECT_EQ(film_key("وجدة"), "وجدة");
    EXPECT_EQ(film_key("पथेर पांचाली"), "पथेर पांचाली");
    EXPECT_EQ(film_key("Wadjda (وجدة)"), "wadjda");
    EXPECT_EQ(person_key("עמוס גיתאי"), "עמוס גיתאי");
    // Punctuation of those scripts still splits words: the Hebrew maqaf, the Arabic comma.
    EXPECT_EQ(film_key("בית־ספר، אחד"), "בית ספר אחד");
}

TEST(KeyWords, SplitOnSpaces) {
    EXPECT_EQ(key_words("jk simmons"), (std::vector<std::string>{"jk", "simmons"}));
    EXPECT_EQ(key_words(""), std::vector<std::string>{});
    EXPECT_EQ(key_words(person_key("Robert De Niro")),
              (std::vector<std::string>{"robert", "de", "niro"}));
}

}  // namespace
// ASCII names and titles take a fast path; one non-ASCII character (a dash that only breaks
// words) sends the same text down the general path, which must give the same key.
TEST(Keys, AsciiFastPathAgreesWithTheGeneralPath) {
    const std::string dash = "\u2014";
    for (const char* name :
         {"J.K. Simmons", "JK Simmons's", "J. K. Simmons'", "Robert De Niro", "Peter O'Toole",
          "Jean-Pierre Jeunet", "Samuel L. Jackson", "T.J. Miller", "A. B. C. Smith",
          "Ed Wood, Jr.", "Tom & Jerry", "R2-D2", "x", "", "  ", "O'", "J.R.R. Tolkien's"}) {
        EXPECT_EQ(person_key(name), person_key(dash + name)) << name;
    }
    for (const char* title :
         {"The Godfather", "2001: A Space Odyssey", "E.T. the Extra-Terrestrial", "Se7en",
          "Guy and Madeline on a Park Bench", "Tango & Cash", "L.A. Confidential", "The",
          "s.i.c.k.", "Mr. & Mrs. Smith", "THE THING", "Heat (1995)"}) {
        EXPECT_EQ(film_key(title), film_key(dash + title)) << title;
    }
}

}  // namespace reel
