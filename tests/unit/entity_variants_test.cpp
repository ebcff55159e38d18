// Spellings of one person's name across a corpus: misspellings and forms with or without
// initials count as one person, and a review is still found by the spelling it used.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reel/entities.hpp"
#include "reel/entities_variants.hpp"
#include "test_database.hpp"

namespace reel {
namespace {

using entities::find_person_variants;
using entities::KeyCount;
using entities::lexicon;
using entities::spelling_distance;
using Kind = EntityEvidence::Kind;

std::string head_of(const entities::PersonVariants& v, std::string_view key) {
    const std::string* h = v.head.find(key);
    return h ? *h : std::string();
}

std::string misspelt(const entities::PersonVariants& v, std::string_view key) {
    const std::string* h = v.misspelt.find(key);
    return h ? *h : std::string();
}

TEST(PersonVariants, SpellingDistanceCountsSwapsAsOneEdit) {
    EXPECT_EQ(spelling_distance("michael", "micheal", 2), 1u);
    EXPECT_EQ(spelling_distance("cassavetes", "cassavettes", 2), 1u);
    EXPECT_EQ(spelling_distance("bachan", "bachchan", 2), 2u);
    EXPECT_EQ(spelling_distance("wilson", "watson", 1), 2u);  // above the limit: limit + 1
    EXPECT_EQ(spelling_distance("same", "same", 0), 0u);
}

TEST(PersonVariants, AMisspellingJoinsTheSpellingMostReviewsUse) {
    auto v = find_person_variants({{"john cassavetes", 68},
                                   {"john cassavettes", 10},
                                   {"lars von trier", 28},
                                   {"lars van trier", 3},
                                   {"amitabh bachchan", 9},
                                   {"amitabh bachan", 3},
                                   {"wilford brimley", 6},
                                   {"wilfrid brimley", 2}},
                                  lexicon());
    EXPECT_EQ(misspelt(v, "john cassavettes"), "john cassavetes");
    EXPECT_EQ(misspelt(v, "lars van trier"), "lars von trier");
    EXPECT_EQ(misspelt(v, "amitabh bachan"), "amitabh bachchan");
    EXPECT_EQ(misspelt(v, "wilfrid brimley"), "wilford brimley");
    EXPECT_EQ(misspelt(v, "john cassavetes"), "");  // the usual spelling stays
}

// One name spaced two ways ("DeNiro", "De Niro"; "Jean Claude", "Jean-Claude"): the reviews of
// both were two people in the catalogue, and person:"Robert De Niro" missed a third of them.
TEST(PersonVariants, ANameSpacedTwoWaysIsOnePerson) {
    auto v = find_person_variants({{"robert de niro", 94},
                                   {"robert deniro", 70},
                                   {"leonardo dicaprio", 40},
                                   {"leonardo di caprio", 3},
                                   {"jean claude van damme", 20},
                                   {"jeanclaude vandamme", 1}},
                                  lexicon());
    EXPECT_EQ(misspelt(v, "robert deniro"), "robert de niro");
    EXPECT_EQ(misspelt(v, "leonardo di caprio"), "leonardo dicaprio");
    EXPECT_EQ(misspelt(v, "jeanclaude vandamme"), "jean claude van damme");
    EXPECT_EQ(misspelt(v, "robert de niro"), "");  // the better-known spacing stays
    EXPECT_EQ(misspelt(v, "leonardo dicaprio"), "");
}

TEST(PersonVariants, DifferentPeopleStayApart) {
    auto v = find_person_variants({{"tom hanks", 90},
                                   {"tim hanks", 2},  // two given names, not a slip
                                   {"emma watson", 40},
                                   {"emma wilson", 2},  // "wi" is not "wa"
                                   {"jack wild", 12},
                                   {"jack wilde", 5},  // too often written so to be a slip
                                   {"danny glover", 86},
                                   {"crispin glover", 8}},
                                  lexicon());
    for (const char* key : {"tim hanks", "emma wilson", "jack wilde", "crispin glover"})
        EXPECT_EQ(head_of(v, key), "") << key;
}

TEST(PersonVariants, InitialsDoNotMakeANewPersonButAreNotMisspellings) {
    auto v = find_person_variants({{"darryl zanuck", 12}, {"darryl f zanuck", 10}}, lexicon());
    EXPECT_EQ(head_of(v, "darryl f zanuck"), "darryl zanuck");
    EXPECT_EQ(misspelt(v, "darryl f zanuck"), "");  // "George W. Bush" is not "George Bush"
}

TEST(PersonVariants, ASurnameCountsEverySpellingOfOnePerson) {
    EntityEvidence ev;
    ev.add(Kind::Person, "darryl zanuck", "Darryl Zanuck", 12);
    ev.add(Kind::Person, "darryl f zanuck", "Darryl F. Zanuck", 10);
    ev.add(Kind::Person, "richard zanuck", "Richard Zanuck", 4);
    // 22 of 26 sightings name one man, though no single spelling has three quarters of them.
    const std::string* key = ev.dominant_person("zanuck", 2, 0.75);
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(*key, "darryl zanuck");
}

TEST(PersonVariants, ASurnameDoesNotBorrowAnotherSpellingsSightings) {
    EntityEvidence ev;
    ev.add(Kind::Person, "jack wild", "Jack Wild", 20);
    ev.add(Kind::Person, "jack wilde", "Jack Wilde", 4);  // a slip for Jack Wild
    ev.add(Kind::Person, "cornel wilde", "Cornel Wilde", 3);
    // "Wilde" alone: 4 of 7 sightings spelt so are Jack Wild's, not enough to say it is him.
    EXPECT_EQ(ev.dominant_person("wilde", 2, 0.75), nullptr);
}

ExtractedEntities extract_with(const EntityEvidence& corpus, const std::string& text) {
    EntityExtractor ex;
    Review r;
    r.text = text;
    return ex.extract(r, corpus);
}

std::vector<std::string> people(const ExtractedEntities& e) {
    std::vector<std::string> k;
    for (const auto& p : e.people) k.push_back(p.key);
    return k;
}

EntityEvidence cassavetes_corpus() {
    EntityEvidence ev;
    ev.add(Kind::Person, "john cassavetes", "John Cassavetes", 68);
    ev.add(Kind::Person, "john cassavettes", "John Cassavettes", 10);
    ev.add(Kind::Person, "gena rowlands", "Gena Rowlands", 30);
    ev.add(Kind::Person, "wilford brimley", "Wilford Brimley", 6);
    ev.add(Kind::Person, "wilfrid brimley", "Wilfrid Brimley", 2);
    return ev;
}

TEST(PersonVariants, AMisspeltSurnameAloneFindsThePerson) {
    auto e = extract_with(cassavetes_corpus(),
                          "Gena Rowlands is as sharp as ever, as if in an old Cassavettes film.");
    EXPECT_EQ(people(e), (std::vector<std::string>{"gena rowlands", "john cassavetes"}));
    EXPECT_EQ(e.people[1].name, "John Cassavetes");
}

TEST(PersonVariants, AMisspeltFullNameIsKeptUnderTheUsualSpelling) {
    auto e = extract_with(cassavetes_corpus(),
                          "The bizarre casting (Wilfrid Brimley, Gena Rowlands) sinks it.");
    ASSERT_FALSE(e.people.empty());
    EXPECT_EQ(e.people[0].key, "wilford brimley");
    EXPECT_EQ(e.people[0].name, "Wilford Brimley");
    EXPECT_EQ(e.people[0].aliases, (std::vector<std::string>{"Wilfrid Brimley"}));
}

TEST(PersonVariants, AFullNameSpacedTheLessUsualWayIsKeptUnderTheUsualOne) {
    EntityEvidence ev;
    ev.add(Kind::Person, "robert de niro", "Robert De Niro", 94);
    ev.add(Kind::Person, "robert deniro", "Robert DeNiro", 70);
    auto e = extract_with(ev, "Robert DeNiro plays a cab driver. DeNiro is frightening.");
    ASSERT_EQ(people(e), (std::vector<std::string>{"robert de niro"}));
    EXPECT_EQ(e.people[0].name, "Robert De Niro");
}

TEST(PersonVariants, TheReviewsOwnSpellingStillFindsIt) {
    auto e = extract_with(cassavetes_corpus(),
                          "The bizarre casting (Wilfrid Brimley, Gena Rowlands) sinks it.");
    test::TestDatabase db("reel-variants-test");
    Review r;
    r.path = "/a";
    r.text = "The bizarre casting (Wilfrid Brimley, Gena Rowlands) sinks it.";
    db.add(r, e);
    auto path = db.commit();
    using Paths = std::vector<std::string>;
    EXPECT_EQ(test::found_paths(path, "person:\"Wilford Brimley\""), Paths{"/a"});
    EXPECT_EQ(test::found_paths(path, "person:\"Wilfrid Brimley\""), Paths{"/a"});
    EXPECT_EQ(test::found_paths(path, "person:brimley"), Paths{"/a"});
    // The spellings stay apart: no phrase across them.
    EXPECT_EQ(test::found_paths(path, "person:\"Brimley Wilfrid\""), Paths{});
    std::filesystem::remove_all(path);
}

}  // namespace
}  // namespace reel
