#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reel/entities.hpp"
#include "reel/errors.hpp"

namespace reel {
namespace {

using Kind = EntityEvidence::Kind;

EntityEvidence sample(int variant) {
    EntityEvidence ev;
    if (variant == 0) {
        ev.add(Kind::Person, "jk simmons", "JK Simmons");
        ev.add(Kind::Film, "whiplash", "Whiplash", 2);
    } else if (variant == 1) {
        ev.add(Kind::Person, "jk simmons", "J.K. Simmons");
        ev.add(Kind::Character, "fletcher", "Fletcher", 2);
    } else {
        ev.add(Kind::Person, "damien chazelle", "Damien Chazelle", 2);
        ev.add(Kind::Film, "whiplash", "WHIPLASH");
    }
    return ev;
}

TEST(EntityEvidence, MergeIsOrderIndependent) {
    EntityEvidence a, b;
    for (int v : {0, 1, 2}) a.merge(sample(v));
    for (int v : {2, 0, 1}) b.merge(sample(v));
    EXPECT_TRUE(a == b);
    EXPECT_EQ(a.serialise(), b.serialise());
    EXPECT_EQ(a.count(Kind::Person, "jk simmons"), 2u);
    EXPECT_EQ(a.count(Kind::Film, "whiplash"), 3u);
    // The fullest display form wins whatever the order.
    EXPECT_EQ(a.find(Kind::Person, "jk simmons")->name, "J.K. Simmons");
}

// What a review that leaves the index had added.
TEST(EntityEvidence, SubtractTakesOffWhatMergeAdded) {
    EntityEvidence kept;
    for (int v : {0, 1}) kept.merge(sample(v));
    kept.add_seen_word("earth");
    EntityEvidence gone = sample(2);
    gone.add_seen_word("earth");
    gone.add_seen_word("fox");
    EntityEvidence all = kept;
    all.merge(gone);
    ASSERT_EQ(all.count(Kind::Film, "whiplash"), 3u);
    ASSERT_NE(all.dominant_person("chazelle", 1, 0.5), nullptr);

    all.subtract(gone);
    EXPECT_EQ(all.count(Kind::Film, "whiplash"), 2u);
    EXPECT_EQ(all.count(Kind::Person, "jk simmons"), 2u);
    EXPECT_EQ(all.count(Kind::Seen, "earth"), 1u);
    // Counted nowhere any more: forgotten, lookups included.
    EXPECT_EQ(all.find(Kind::Person, "damien chazelle"), nullptr);
    EXPECT_EQ(all.find(Kind::Seen, "fox"), nullptr);
    EXPECT_EQ(all.dominant_person("chazelle", 1, 0.5), nullptr);
    EXPECT_EQ(all.size(), kept.size());
    // Never below zero, whatever is taken off.
    all.subtract(gone);
    EXPECT_EQ(all.count(Kind::Film, "whiplash"), 1u);
    EXPECT_EQ(all.count(Kind::Seen, "earth"), 0u);
    all.subtract(all);
    EXPECT_TRUE(all.empty());
}

TEST(EntityEvidence, SerialiseRoundTrip) {
    EntityEvidence a;
    for (int v : {0, 1, 2}) a.merge(sample(v));
    a.add(Kind::Named, "norman bates", "Norman Bates", 2);
    a.add(Kind::Real, "dylan thomas", "Dylan Thomas", 3);
    a.add(Kind::Seen, "earth", {}, 5);
    EntityEvidence b = EntityEvidence::unserialise(a.serialise());
    EXPECT_TRUE(a == b);
    EXPECT_EQ(b.count(Kind::Real, "dylan thomas"), 3u);
    EXPECT_EQ(b.count(Kind::Seen, "earth"), 5u);
    b.add(Kind::Real, "dylan thomas", "Dylan Thomas", 1);
    EXPECT_FALSE(a == b);  // historical sightings are compared too
    EXPECT_TRUE(EntityEvidence::unserialise("").empty());
    EXPECT_EQ(EntityEvidence().serialise(), "");
}

TEST(EntityEvidence, GarbageIsAnInputError) {
    EXPECT_THROW(EntityEvidence::unserialise("hello"), InputError);
    EXPECT_THROW(EntityEvidence::unserialise("reel-entity-evidence 1\nX\t1\tk\tn\n"), InputError);
    EXPECT_THROW(EntityEvidence::unserialise("reel-entity-evidence 1\nP\tzero\tk\tn\n"),
                 InputError);
    EXPECT_THROW(EntityEvidence::unserialise("reel-entity-evidence 1\nP\t1\tk\n"), InputError);
    EXPECT_THROW(EntityEvidence::unserialise("reel-entity-evidence 1\nP\t1\tk\tn"),
                 InputError);  // truncated
}

TEST(EntityEvidence, DominantPersonBySurname) {
    EntityEvidence ev;
    ev.add(Kind::Person, "max von sydow", "Max von Sydow", 4);
    ev.add(Kind::Person, "tom hanks", "Tom Hanks", 3);
    ev.add(Kind::Person, "colin hanks", "Colin Hanks", 3);
    ASSERT_NE(ev.dominant_person("sydow", 2, 0.75), nullptr);
    EXPECT_EQ(*ev.dominant_person("sydow", 2, 0.75), "max von sydow");
    EXPECT_EQ(ev.dominant_person("hanks", 2, 0.75), nullptr);  // two people share it
    EXPECT_EQ(ev.dominant_person("nobody", 1, 0.5), nullptr);
}

TEST(EntityEvidence, ObserveCountsOnlyWhatIsSure) {
    EntityExtractor ex;
    Review r;
    r.film = "Whiplash";
    r.text =
        "Directed by Damien Chazelle, the film stars Miles Teller. Norman Bates is mentioned too.";
    EntityEvidence ev = ex.observe(r);
    EXPECT_GT(ev.count(Kind::Film, "whiplash"), 0u);
    EXPECT_GT(ev.count(Kind::Person, "damien chazelle"), 0u);
    EXPECT_GT(ev.count(Kind::Person, "miles teller"), 0u);
    // Accepted as a name, but nothing said it is a person's: a fictional one reads the same.
    EXPECT_EQ(ev.count(Kind::Person, "norman bates"), 0u);
    EXPECT_EQ(ev.count(Kind::Named, "norman bates"), 1u);
    // "(as the cop)" after a name: the actor, then the part.
    r.text = "Cameos include Elliot Gould (as the cop) and a frog.";
    EXPECT_GT(ex.observe(r).count(Kind::Person, "elliot gould"), 0u);
}

// How often the corpus writes a word capitalised on its own inside a sentence, once a review:
// what a one-word title is weighed against.
TEST(EntityEvidence, ObserveCountsLoneCapitalisedWords) {
    EntityExtractor ex;
    Review r;
    r.text =
        "Life on Earth is hard, says Hollywood. They fled Earth in a Fox picture with "
        "Tom Hanks. Earth again.";
    EntityEvidence ev = ex.observe(r);
    EXPECT_EQ(ev.count(Kind::Seen, "earth"), 1u);  // once a review
    EXPECT_EQ(ev.count(Kind::Seen, "hollywood"), 1u);
    EXPECT_EQ(ev.count(Kind::Seen, "fox"), 1u);
    EXPECT_EQ(ev.count(Kind::Seen, "life"), 0u);   // opens a sentence
    EXPECT_EQ(ev.count(Kind::Seen, "hanks"), 0u);  // part of a name
    EXPECT_EQ(ev.count(Kind::Seen, "tom"), 0u);
    // Accents are folded, as in a title's key.
    r.text = "Nothing in Amélie is as sweet as in Amelie, or so says Björk.";
    ev = ex.observe(r);
    EXPECT_EQ(ev.count(Kind::Seen, "amelie"), 1u);
    EXPECT_EQ(ev.count(Kind::Seen, "bjork"), 1u);
    // A review typed in capitals writes every word so: its case says nothing.
    r.text =
        "I HATED THIS MOVIE. TERRIBLE ACTING, HORRIBLE PLOT, AWFUL SCENERY, WORSE DIALOGUE. "
        "NEVER AGAIN.";
    ev = ex.observe(r);
    EXPECT_EQ(ev.count(Kind::Seen, "acting"), 0u);
    EXPECT_EQ(ev.count(Kind::Seen, "plot"), 0u);
    EXPECT_EQ(ev.count(Kind::Seen, "dialogue"), 0u);
}

// Seen words are kept as words until read: merged, copied or read, they count the same.
TEST(EntityEvidence, SeenWordsCountTheSameMergedOrNot) {
    EntityExtractor ex;
    Review a, b;
    a.text = "Life on Earth is hard, says a Fox man.";
    b.text = "They fled Earth in the end.";
    EntityEvidence one;
    ex.observe(a, one);
    ex.observe(b, one);
    EntityEvidence merged = ex.observe(a);
    EntityEvidence later;
    ex.observe(b, later);
    EntityEvidence copy(later);  // copied before anything counted its words
    merged.merge(copy);
    EXPECT_EQ(one.count(Kind::Seen, "earth"), 2u);
    EXPECT_EQ(merged.count(Kind::Seen, "earth"), 2u);
    EXPECT_EQ(merged.count(Kind::Seen, "fox"), 1u);
    EXPECT_TRUE(one == merged);
    EXPECT_EQ(one.serialise(), merged.serialise());
    EXPECT_EQ(EntityEvidence::unserialise(merged.serialise()).count(Kind::Seen, "earth"), 2u);
}

EntityEvidence observe_all(std::initializer_list<const char*> texts) {
    EntityExtractor ex;
    EntityEvidence ev;
    for (const char* text : texts) {
        Review r;
        r.text = text;
        ev.merge(ex.observe(r));
    }
    return ev;
}

std::vector<std::string> people_in(const EntityEvidence& corpus, const char* text) {
    EntityExtractor ex;
    Review r;
    r.text = text;
    std::vector<std::string> keys;
    for (const auto& p : ex.extract(r, corpus).people) keys.push_back(p.key);
    return keys;
}

// "Tony Soprano is a brute" in many reviews does not make a character a person.
TEST(EntityEvidence, NamesWithoutACueDoNotVouchForAPerson) {
    EntityEvidence corpus = observe_all({
        "Tony Soprano is a brute and a charmer.",
        "By season three Tony Soprano is hard to like.",
        "Watching Tony Soprano sulk never gets old.",
        "Nobody in the family trusts Tony Soprano any more.",
        "My father thought Tony Soprano was a hero.",
        "Even Tony Soprano has a mother he fears.",
        "James Gandolfini as Tony Soprano is the show.",
        "James Gandolfini plays Tony Soprano with menace.",
    });
    EXPECT_EQ(people_in(corpus, "I watched it again and Tony Soprano is still great."),
              std::vector<std::string>{});
}

// ...but they still tie a surname to the one person the corpus names by it.
TEST(EntityEvidence, NamesWithoutACueStillLendTheirSurname) {
    EntityEvidence corpus = observe_all({
        "Alfred Hitchcock made this cheaply, with his television crew.",
        "It is the film Alfred Hitchcock wanted to make after North by Northwest.",
        "Alfred Hitchcock spends an hour on the wrong woman.",
    });
    EXPECT_EQ(people_in(corpus, "Gus Van Sant copied Hitchcock shot for shot."),
              (std::vector<std::string>{"gus van sant", "alfred hitchcock"}));
}

// Evidence from a collection naming hundreds of thousands of people who share a surname (a
// generated list, a hostile file): the lookups built from it must stay near-linear, or
// indexing stalls for minutes before extraction starts. Not timed: the ctest timeout catches it.
TEST(EntityEvidence, HundredsOfThousandsOfNamesakes) {
    constexpr int kPeople = 500000;
    EntityEvidence ev;
    for (int i = 0; i < kPeople; ++i) {
        std::string given = "x";  // never "ann"
        for (int n = i; n > 0; n /= 26) given += static_cast<char>('a' + n % 26);
        ev.add(Kind::Person, given + " smith", given + " Smith");
    }
    ev.add(Kind::Person, "ann smith", "Ann Smith", 3);  // seen in more reviews than any other
    auto index = ev.indexes();
    const auto* smiths = index->people_by_surname.find("smith");
    ASSERT_NE(smiths, nullptr);
    EXPECT_GT(smiths->size(), EntityEvidence::Indexes::kPeopleBySurname);  // too many to tell
    const auto* best = index->surnames.find("smith");
    ASSERT_NE(best, nullptr);
    EXPECT_EQ(best->key, "ann smith");
}

}  // namespace
}  // namespace reel
