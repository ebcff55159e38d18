// person: and film: queries and facets as written since schema 4 (entity words without
// positions and, where the review's body holds them, without a term of their own; names and
// spellings in the entity slots), and person: queries on databases of schema 3 (a term for
// every entity word) and schema 2 (positions for entity words).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "reel/document_builder.hpp"
#include "reel/entity_catalogue.hpp"
#include "reel/entity_key.hpp"
#include "reel/phrase_filter.hpp"
#include "reel/schema.hpp"
#include "reel/search.hpp"
#include "reel/stored_review.hpp"
#include "test_database.hpp"

namespace reel {
namespace {

namespace fs = std::filesystem;
using Paths = std::vector<std::string>;

Entity person(const std::string& name, std::vector<std::string> spellings = {}) {
    spellings.push_back(name);
    return {name, person_key(name), spellings};
}

Review review(const std::string& path, std::string text = "A review.") {
    Review r;
    r.path = r.id = path;
    r.text = std::move(text);
    return r;
}

Paths entity_word_terms(const Xapian::Document& doc) {
    Paths terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string t = *it;
        if ((t.starts_with(schema::kPersonWord) && !t.starts_with(schema::kPersonKey)) ||
            (t.starts_with(schema::kFilmWord) && !t.starts_with(schema::kFilmKey)))
            terms.push_back(t);
    }
    return terms;
}

TEST(EntityNames, NamesHoldWordsInARowWithinOneName) {
    const std::string names = "philip baker hall\nseymour cassel\tseymore cassel";
    EXPECT_TRUE(names_hold(names, {"philip", "baker"}));
    EXPECT_TRUE(names_hold(names, {"baker", "hall"}));
    EXPECT_TRUE(names_hold(names, {"seymore", "cassel"}));
    EXPECT_TRUE(names_hold(names, {"cassel"}));
    EXPECT_FALSE(names_hold(names, {"philip", "hall"}));
    EXPECT_FALSE(names_hold(names, {"hall", "seymour"}));    // across two people
    EXPECT_FALSE(names_hold(names, {"cassel", "seymore"}));  // across a key and a spelling
    EXPECT_FALSE(names_hold(names, {"baker", "philip"}));    // out of order
    EXPECT_FALSE(names_hold(names, {"philip", "baker", "hall", "seymour"}));
    EXPECT_FALSE(names_hold("", {"philip"}));
    EXPECT_FALSE(names_hold(names, {}));
    // Whole words only: a word that is part of another is not that word.
    EXPECT_FALSE(names_hold(names, {"hal"}));
    EXPECT_FALSE(names_hold(names, {"all"}));
    EXPECT_FALSE(names_hold(names, {"baker", "ha"}));
    EXPECT_FALSE(names_hold(names, {"ilip", "baker"}));
    EXPECT_FALSE(names_hold(names, {""}));
    EXPECT_TRUE(names_hold("  philip   baker ", {"philip", "baker"}));
    EXPECT_TRUE(names_hold("hall of fame\nhall", {"hall"}));
    EXPECT_FALSE(names_hold("halls\nhallo\tthe hall-monitor", {"hall"}));
}

TEST(EntityNames, EntityWordsHaveNoPositionsAndKeysAreBooleanTerms) {
    DocumentBuilder builder;
    std::vector<StemSynonym> synonyms;
    ExtractedEntities e;
    e.people = {person("Charlie Chaplin", {"Charles Chaplin", "Chaplin"})};
    e.films = {{"Whiplash", film_key("Whiplash"), {"Whiplash"}}};
    Xapian::Document doc = builder.build(review("/a"), e, synonyms);
    Paths entity_terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (!(*it).starts_with("X")) continue;
        entity_terms.push_back(*it);
        EXPECT_EQ(it.positionlist_count(), 0u) << *it;
        bool key = (*it).starts_with(schema::kPersonKey) || (*it).starts_with(schema::kFilmKey);
        EXPECT_EQ(it.get_wdf(), key ? 0u : *it == "XPchaplin" ? 2u : 1u) << *it;
    }
    EXPECT_EQ(entity_terms, (Paths{"XFKwhiplash", "XFwhiplash", "XPKcharlie chaplin", "XPchaplin",
                                   "XPcharles", "XPcharlie"}));
    // The spelling that adds a word follows its key; "Chaplin" adds none.
    EXPECT_EQ(doc.get_value(schema::kPeopleSlot), "charlie chaplin\tcharles chaplin");
    EXPECT_EQ(doc.get_value(schema::kFilmsSlot), "whiplash");
}

TEST(EntityNames, WordsTheBodyHoldsGetNoTermOfTheirOwn) {
    DocumentBuilder builder;
    std::vector<StemSynonym> synonyms;
    ExtractedEntities e;
    e.people = {person("J.K. Simmons", {"J. K. Simmons"}),
                person("Charlie Chaplin", {"Charles Chaplin"})};
    e.films = {{"Whiplash", film_key("Whiplash"), {"Whiplash"}},
               {"The Kid", film_key("The Kid"), {"the kid"}}};
    Review r = review("/a", "J. K. Simmons in Whiplash; Charles Chaplin's The Kid.");
    Xapian::Document doc = builder.build(r, e, synonyms);
    // "j", "k", "chaplin's" are the body's words: "jk" and "chaplin" are not, nor is "charlie".
    EXPECT_EQ(entity_word_terms(doc), (Paths{"XPchaplin", "XPcharlie", "XPjk"}));
}

class EntitySearchTest : public test::SearchSuite<EntitySearchTest> {
  protected:
    static void SetUpTestSuite() {
        test::TestDatabase db("reel-entity-search-test");
        auto add = [&](const std::string& path, std::vector<Entity> people) {
            ExtractedEntities e;
            e.people = std::move(people);
            db.add(review(path), e);
        };
        add("/hoffman", {person("Philip Seymour Hoffman")});
        add("/two", {person("Philip Baker Hall"), person("Seymour Cassel")});
        add("/chaplin", {person("Charlie Chaplin", {"Charles Chaplin"})});
        add("/both", {person("Charlie Chaplin"), person("Philip Seymour Hoffman")});
        add("/jk-spaced", {person("J. K. Simmons")});
        add("/jk-dotted", {person("J.K. Simmons")});
        add("/jk-again", {person("J.K. Simmons")});
        dir_ = db.commit();
    }
};

TEST_F(EntitySearchTest, PhrasesMatchWithinOneName) {
    EXPECT_EQ(paths("person:\"Philip Seymour\""), (Paths{"/both", "/hoffman"}));
    EXPECT_EQ(paths("person:\"philip seymour hoffman\""), (Paths{"/both", "/hoffman"}));
    EXPECT_EQ(paths("person:\"Seymour Philip\""), Paths{});
    EXPECT_EQ(paths("person:\"hall seymour\""), Paths{});
    EXPECT_EQ(paths("person:\"philip hall\""), Paths{});
    EXPECT_EQ(paths("person:\"baker hall\""), (Paths{"/two"}));
    EXPECT_EQ(paths("person:philip"), (Paths{"/both", "/hoffman", "/two"}));
    EXPECT_EQ(paths("person:seymour -person:\"philip seymour\""), (Paths{"/two"}));
    EXPECT_EQ(paths("person:\"philip seymour\" OR person:\"seymour cassel\""),
              (Paths{"/both", "/hoffman", "/two"}));
}

// person:"michael fox" found nobody where reviews wrote Michael J. Fox: a name's words had to
// be in a row, and its key keeps the initial. Middle names are not left out.
TEST(EntityNames, APersonsInitialsMayBeLeftOut) {
    EXPECT_TRUE(names_hold("michael j fox", {"michael", "fox"}, true));
    EXPECT_TRUE(names_hold("michael j fox", {"michael", "j", "fox"}, true));
    EXPECT_TRUE(names_hold("cecil b de mille", {"cecil", "de", "mille"}, true));
    EXPECT_FALSE(names_hold("michael j fox", {"michael", "fox"}, false));  // a film's "a"
    EXPECT_FALSE(names_hold("philip baker hall", {"philip", "hall"}, true));
    EXPECT_FALSE(names_hold("michael j", {"michael", "fox"}, true));
}

TEST_F(EntitySearchTest, ASpellingFindsOnlyTheReviewThatWroteIt) {
    EXPECT_EQ(paths("person:\"Charles Chaplin\""), (Paths{"/chaplin"}));
    EXPECT_EQ(paths("person:charles"), (Paths{"/chaplin"}));
    EXPECT_EQ(paths("person:\"charlie chaplin\""), (Paths{"/both", "/chaplin"}));
    EXPECT_EQ(paths("person:\"charles charlie\""), Paths{});
    EXPECT_EQ(paths("person:\"chaplin charles\""), Paths{});
}

TEST_F(EntitySearchTest, FacetsCountKeysNotSpellings) {
    Searcher searcher(dir_);
    SearchOptions o;
    o.facets = true;
    o.snippets = false;
    SearchResult r = searcher.search("person:chaplin", o);
    ASSERT_EQ(r.people.size(), 2u);
    EXPECT_EQ(r.people[0].name, "Charlie Chaplin");
    EXPECT_EQ(r.people[0].count, 2u);
    EXPECT_EQ(r.people[1].name, "Philip Seymour Hoffman");
    EXPECT_EQ(r.people[1].count, 1u);
}

// Hits name a person as the catalogue does, whichever spelling their review used, so that
// scripts grouping hits by name see one J.K. Simmons, as --facets and --list do.
TEST_F(EntitySearchTest, HitsNamePeopleAsTheCatalogueDoes) {
    Searcher searcher(dir_);
    SearchOptions o;
    o.snippets = false;
    SearchResult r = searcher.search("person:simmons", o);
    ASSERT_EQ(r.hits.size(), 3u);
    for (const Hit& hit : r.hits) {
        ASSERT_EQ(hit.stored.entities.people.size(), 1u) << hit.stored.review.path;
        EXPECT_EQ(hit.stored.entities.people[0].name, "J.K. Simmons") << hit.stored.review.path;
    }
}

// Reviews whose text names the people: person: words are found through body terms, and only
// where the review's people hold them.
class EntitySearchInTextTest : public test::SearchSuite<EntitySearchInTextTest> {
  protected:
    static void SetUpTestSuite() {
        test::TestDatabase db("reel-entity-search-text-test");
        auto add = [&](const std::string& path, const std::string& text,
                       std::vector<Entity> people) {
            ExtractedEntities e;
            e.people = std::move(people);
            db.add(review(path, text), e);
        };
        add("/fletcher", "J.K. Simmons is Fletcher, a monster of a teacher.",
            {person("J.K. Simmons")});
        add("/jk", "JK Simmons again, and Simmons is terrific.", {person("JK Simmons")});
        // "j" and "k" are the body's words here: "jk" has a term of its own, "simmons" not.
        add("/spaced", "J. K. Simmons, shouting.", {person("J. K. Simmons")});
        // A character named Simmons, not a person the review names.
        add("/character", "Sergeant Simmons is the villain of this one.", {});
        add("/hall", "Philip Baker Hall walks down the hall.", {person("Philip Baker Hall")});
        add("/cassel", "Seymour Cassel, mostly in a hall.", {person("Seymour Cassel")});
        add("/otoole", "Peter O'Toole in the desert.", {person("Peter O'Toole")});
        // Chinese and Japanese, written without spaces: a film from metadata, a person.
        ExtractedEntities spirited;
        spirited.films.push_back({"千と千尋の神隠し", film_key("千と千尋の神隠し"), {}});
        db.add(review("/spirited", "宮崎駿の傑作。"), spirited);
        add("/mood", "我很喜欢这部电影，梁朝伟演得很好。", {person("梁朝伟")});
        add("/fox", "Michael J. Fox runs.", {person("Michael J. Fox")});
        add("/deniro", "Robert De Niro is Travis Bickle.", {person("Robert De Niro")});
        add("/deniro-joined", "DeNiro mumbles, as DeNiro does.", {person("Robert DeNiro")});
        add("/sydow", "Max von Sydow plays chess with Death.", {person("Max von Sydow")});
        add("/dennis", "Dennis Hopper rides.", {person("Dennis Hopper")});
        ExtractedEntities schindler;
        schindler.films.push_back({"Schindler's List", film_key("Schindler's List"), {}});
        db.add(review("/schindler", "Spielberg's Schindler's List, in black and white."),
               schindler);
        dir_ = db.commit();
    }
};

TEST_F(EntitySearchInTextTest, AWordIsAPersonsOnlyWhereTheReviewNamesThem) {
    EXPECT_EQ(paths("person:simmons"), (Paths{"/fletcher", "/jk", "/spaced"}));
    EXPECT_EQ(paths("simmons"), (Paths{"/character", "/fletcher", "/jk", "/spaced"}));
    EXPECT_EQ(paths("person:hall"), (Paths{"/hall"}));
    EXPECT_EQ(paths("person:hall OR person:cassel"), (Paths{"/cassel", "/hall"}));
    EXPECT_EQ(paths("person:fletcher"), Paths{});
}

// A key of Chinese or Japanese has a word per character, as the body's n-grams: film:千尋 finds
// "千と千尋の神隠し" as film:fury finds Mad Max: Fury Road. Before, the whole title was one
// word, found only whole.
TEST_F(EntitySearchInTextTest, NamesInUnspacedScriptsAreFoundByTheirWords) {
    EXPECT_EQ(paths("film:千と千尋の神隠し"), (Paths{"/spirited"}));
    EXPECT_EQ(paths("film:千尋"), (Paths{"/spirited"}));
    EXPECT_EQ(paths("film:\"千尋の神隠し\""), (Paths{"/spirited"}));
    EXPECT_EQ(paths("film:神隠しの千尋"), Paths{});  // the same characters, another order
    EXPECT_EQ(paths("person:梁朝伟"), (Paths{"/mood"}));
    EXPECT_EQ(paths("person:朝伟"), (Paths{"/mood"}));
    EXPECT_EQ(paths("person:伟朝"), Paths{});
    EXPECT_EQ(film_key("千と千尋の神隠し (2001)"), "千 と 千 尋 の 神 隠 し");
    EXPECT_EQ(person_key("梁朝伟"), "梁 朝 伟");
}

TEST_F(EntitySearchInTextTest, EverySpellingOfInitialsFindsTheSameReviews) {
    for (const char* q : {"person:\"J.K. Simmons\"", "person:\"jk simmons\"",
                          "person:\"JK Simmons\"", "person:\"J. K. Simmons\""}) {
        EXPECT_EQ(paths(q), (Paths{"/fletcher", "/jk", "/spaced"})) << q;
    }
    EXPECT_EQ(paths("person:\"baker hall\""), (Paths{"/hall"}));
    EXPECT_EQ(paths("person:\"hall baker\""), Paths{});
    EXPECT_EQ(paths("person:jk"), (Paths{"/fletcher", "/jk", "/spaced"}));
    EXPECT_EQ(paths("person:\"simmons\" -person:jk"), Paths{});
    EXPECT_EQ(paths("person:\"michael fox\""), (Paths{"/fox"}));
    EXPECT_EQ(paths("person:\"michael j. fox\""), (Paths{"/fox"}));
    EXPECT_EQ(paths("person:\"philip hall\""), Paths{});
}

// People type person:deniro for Robert De Niro, and reviews write "DeNiro" as often as "De
// Niro": a particle spaced either way finds both. Before, each found only its own spelling.
TEST_F(EntitySearchInTextTest, AParticleMayBeSpacedEitherWay) {
    for (const char* q : {"person:deniro", "person:\"de niro\"", "person:\"robert deniro\"",
                          "person:\"Robert De Niro\"", "person:DeNiro"}) {
        EXPECT_EQ(paths(q), (Paths{"/deniro", "/deniro-joined"})) << q;
    }
    EXPECT_EQ(paths("person:vonsydow"), (Paths{"/sydow"}));
    EXPECT_EQ(paths("person:\"max vonsydow\""), (Paths{"/sydow"}));
    EXPECT_EQ(paths("person:niro"), (Paths{"/deniro"}));
    // A name that merely starts like a particle is itself only.
    EXPECT_EQ(paths("person:dennis"), (Paths{"/dennis"}));
}

// A film key keeps a possessive ("schindlers list"): film:schindler found none of the reviews
// of Schindler's List, though film: takes a title's whole words.
TEST_F(EntitySearchInTextTest, AFilmsWordIsFoundWithoutItsPossessive) {
    for (const char* q : {"film:schindler", "film:schindlers", "film:\"Schindler's List\"",
                          "film:\"schindler list\""}) {
        EXPECT_EQ(paths(q), (Paths{"/schindler"})) << q;
    }
    EXPECT_EQ(paths("film:spielberg"), Paths{});
}

// The name's key leaves the apostrophe out ("otoole"), the review's text has it: the snippet
// must still mark the name as the review wrote it.
TEST_F(EntitySearchInTextTest, SnippetsMarkANameWrittenWithAnApostrophe) {
    Searcher searcher(dir_);
    SearchOptions o;
    o.highlight_start = "[";
    o.highlight_end = "]";
    for (const char* q : {"person:o'toole", "person:otoole", "person:\"peter o'toole\""}) {
        SearchResult r = searcher.search(q, o);
        ASSERT_EQ(r.hits.size(), 1u) << q;
        EXPECT_NE(r.hits[0].snippet.find("[O'Toole]"), std::string::npos)
            << q << ": " << r.hits[0].snippet;
    }
}

// Names pasted from web pages come with curly quotes and apostrophes, which the indexed text
// has straightened.
TEST_F(EntitySearchInTextTest, CurlyQuotesAndApostrophesFindTheName) {
    EXPECT_EQ(paths("person:\u201cJ.K. Simmons\u201d"), (Paths{"/fletcher", "/jk", "/spaced"}));
    EXPECT_EQ(paths("person:\"Peter O\u2019Toole\""), (Paths{"/otoole"}));
    EXPECT_EQ(paths("person:O\u2019Toole"), (Paths{"/otoole"}));
}

// Schema 3 had a term for every entity word, besides the body's: queries find each review
// once, and only where its people hold the words.
TEST(EntitySearchSchema3, EveryEntityWordHasATerm) {
    fs::path dir = fs::temp_directory_path() / ("reel-schema3-test-" + std::to_string(getpid()));
    {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        db.set_metadata(std::string(schema::kSchemaVersionKey), "3");
        auto add = [&](const std::string& path, const std::string& text,
                       const std::vector<std::string>& names) {
            Xapian::Document doc;
            std::string keys;
            doc.add_term("simmons");  // a body word
            for (const std::string& name : names) {
                for (const std::string& w : key_words(person_key(name)))
                    doc.add_term(schema::term(schema::kPersonWord, w));
                if (!keys.empty()) keys += '\n';
                keys += person_key(name);
            }
            if (!keys.empty()) doc.add_value(schema::kPeopleSlot, keys);
            doc.set_data(encode_document_data(review(path, text), {}));
            db.add_document(doc);
        };
        add("/fletcher", "J.K. Simmons is Fletcher.", {"J.K. Simmons"});
        add("/character", "Sergeant Simmons.", {});
        db.commit();
    }
    EXPECT_EQ(test::found_paths(dir, "person:simmons"), (Paths{"/fletcher"}));
    EXPECT_EQ(test::found_paths(dir, "person:\"jk simmons\""), (Paths{"/fletcher"}));
    fs::remove_all(dir);
}

// Schema 2 kept positions for entity words, a gap of 100 between names, and no spellings in
// the slots: its phrases are still Xapian's.
TEST(EntitySearchSchema2, PhrasesUsePositions) {
    fs::path dir = fs::temp_directory_path() / ("reel-schema2-test-" + std::to_string(getpid()));
    {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        db.set_metadata(std::string(schema::kSchemaVersionKey), "2");
        auto add = [&](const std::string& path, const std::vector<std::string>& names) {
            Xapian::Document doc;
            Xapian::termpos pos = 0;
            std::string keys;
            for (const std::string& name : names) {
                for (const std::string& w : key_words(person_key(name)))
                    doc.add_posting(schema::term(schema::kPersonWord, w), ++pos);
                pos += 100;
                if (!keys.empty()) keys += '\n';
                keys += person_key(name);
            }
            doc.add_value(schema::kPeopleSlot, keys);
            doc.set_data(encode_document_data(review(path), {}));
            db.add_document(doc);
        };
        add("/hoffman", {"Philip Seymour Hoffman"});
        add("/two", {"Philip Baker Hall", "Seymour Cassel"});
        // A spelling had positions after its key's, and was not in the slot.
        add("/chaplin", {"Charlie Chaplin", "Charles Chaplin"});
        Xapian::Document chaplin = db.get_document(3);
        chaplin.add_value(schema::kPeopleSlot, "charlie chaplin");
        db.replace_document(3, chaplin);
        db.commit();
    }
    EXPECT_EQ(test::found_paths(dir, "person:\"charles chaplin\""), (Paths{"/chaplin"}));
    EXPECT_EQ(test::found_paths(dir, "person:\"philip seymour\""), (Paths{"/hoffman"}));
    EXPECT_EQ(test::found_paths(dir, "person:\"hall seymour\""), Paths{});
    EXPECT_EQ(test::found_paths(dir, "person:seymour"), (Paths{"/hoffman", "/two"}));
    fs::remove_all(dir);
}

// A form that is the display name in some reviews and an alias in others ("J. K. Simmons" is
// the fullest form here, "J.K. Simmons" there) is listed as the name only: --list printed it
// among the aliases in JSON while text left it out.
TEST(EntityCatalogueListing, TheDisplayNameIsNoAliasOfItself) {
    test::TestDatabase db("reel-catalogue-name-alias");
    auto add = [&](const std::string& path, Entity e) {
        ExtractedEntities found;
        found.people = {std::move(e)};
        db.add(review(path), found);
    };
    add("/a", {"J.K. Simmons", "jk simmons", {"Simmons"}});
    add("/b", {"J.K. Simmons", "jk simmons", {}});
    add("/c", {"J. K. Simmons", "jk simmons", {"J.K. Simmons"}});
    fs::path dir = db.commit();
    std::vector<CatalogueEntry> people =
        read_catalogue(Xapian::Database(dir.string()), EntityKind::person, "", 0);
    fs::remove_all(dir);
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0].name, "J.K. Simmons");
    EXPECT_EQ(people[0].reviews, 3u);
    std::vector<std::string> aliases;
    for (const auto& [alias, n] : people[0].aliases) aliases.push_back(alias);
    EXPECT_EQ(aliases, (std::vector<std::string>{"Simmons"}));
}

}  // namespace
}  // namespace reel
