#include <gtest/gtest.h>

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

TEST(EntityEvidence, SerialiseRoundTrip) {
    EntityEvidence a;
    for (int v : {0, 1, 2}) a.merge(sample(v));
    EntityEvidence b = EntityEvidence::unserialise(a.serialise());
    EXPECT_TRUE(a == b);
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
    EXPECT_EQ(ev.count(Kind::Person, "norman bates"), 1u);  // accepted, but not beyond doubt
}

}  // namespace
}  // namespace reel
