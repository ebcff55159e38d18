// CatalogueDelta writes entries new to the database without a JSON tree; those bytes must be
// the ones nlohmann writes when it merges the same delta into a stored entry.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <string>

#include "reel/entity_catalogue.hpp"
#include "reel/entity_key.hpp"
#include "reel/schema.hpp"

namespace reel {
namespace {

class ScratchDatabase {
  public:
    explicit ScratchDatabase(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))),
          db_(path_.string(), Xapian::DB_CREATE_OR_OVERWRITE) {}
    ~ScratchDatabase() {
        db_.close();
        std::filesystem::remove_all(path_);
    }
    Xapian::WritableDatabase& db() { return db_; }

  private:
    std::filesystem::path path_;
    Xapian::WritableDatabase db_;
};

std::string entry_key(EntityKind kind, const std::string& key) {
    return schema::metadata_key(
        std::string(schema::kEntityPrefix) + (kind == EntityKind::person ? "P" : "F"), key);
}

// Forms that JSON escapes, that are not UTF-8, that sort apart as bytes, and counts that
// cancel out.
CatalogueDelta hostile_delta() {
    CatalogueDelta d;
    d.add(EntityKind::person, {"Alan \"The Skipper\" Hale", "alan hale", {"HALE", "a\\b"}}, +1);
    d.add(EntityKind::person, {"Alan Hale", "alan hale", {"Hale\t\x01", "\x7f", "z"}}, +1);
    d.add(EntityKind::person, {"Alan Hale", "alan hale", {"Z", "z"}}, +1);
    d.add(EntityKind::person, {"Alan Hale", "alan hale", {"Z"}}, -1);
    d.add(EntityKind::person, {"Ren\xc3\xa9 Cl\xc3\xa9ment", "rene clement", {"Ren\xff"}}, +1);
    d.add(EntityKind::film, {"Am\xc3\xa9lie", "amelie", {"Amelie", "AM\xc3\xa9LIE"}}, +1);
    d.add(EntityKind::film, {"Gone", "gone", {}}, +1);
    d.add(EntityKind::film, {"Gone", "gone", {}}, -1);  // no name left: no entry
    return d;
}

TEST(EntityCatalogue, NewEntriesAreWrittenAsMergedOnes) {
    ScratchDatabase fresh("reel-catalogue-fresh"), stored("reel-catalogue-stored");
    for (const auto& [kind, key] : {std::pair{EntityKind::person, "alan hale"},
                                    {EntityKind::person, "rene clement"},
                                    {EntityKind::film, "amelie"},
                                    {EntityKind::film, "gone"}})
        stored.db().set_metadata(entry_key(kind, key), "{}");
    hostile_delta().apply(fresh.db());
    hostile_delta().apply(stored.db());
    for (const auto& [kind, key] : {std::pair{EntityKind::person, "alan hale"},
                                    {EntityKind::person, "rene clement"},
                                    {EntityKind::film, "amelie"},
                                    {EntityKind::film, "gone"}}) {
        std::string k = entry_key(kind, key);
        EXPECT_EQ(fresh.db().get_metadata(k), stored.db().get_metadata(k)) << key;
    }
    EXPECT_EQ(fresh.db().get_metadata(entry_key(EntityKind::film, "gone")), "");
    EXPECT_EQ(fresh.db().get_metadata(entry_key(EntityKind::film, "amelie")),
              "{\"aliases\":{\"AM\xc3\xa9LIE\":1,\"Amelie\":1},\"key\":\"amelie\","
              "\"names\":{\"Am\xc3\xa9lie\":1}}");
}

TEST(EntityCatalogue, MergedDeltasAddUp) {
    CatalogueDelta a, b, c;
    a.add(EntityKind::person, {"Alan Hale", "alan hale", {"Hale"}}, +1);
    b.add(EntityKind::person, {"Alan Hale", "alan hale", {"Hale", "HALE"}}, +1);
    b.add(EntityKind::film, {"Vertigo", "vertigo", {}}, +1);
    c.add(EntityKind::person, {"Alan Hale", "alan hale", {"HALE"}}, -1);
    a.merge(std::move(b));
    a.merge(std::move(c));
    EXPECT_TRUE(b.empty());
    ScratchDatabase db("reel-catalogue-merged");
    a.apply(db.db());
    EXPECT_TRUE(a.empty());
    EXPECT_EQ(db.db().get_metadata(entry_key(EntityKind::person, "alan hale")),
              "{\"aliases\":{\"Hale\":2},\"key\":\"alan hale\",\"names\":{\"Alan Hale\":1}}");
    EXPECT_EQ(db.db().get_metadata(entry_key(EntityKind::film, "vertigo")),
              "{\"aliases\":{},\"key\":\"vertigo\",\"names\":{\"Vertigo\":1}}");
}

// A --prefix is typed as names are written; it must match the keys those names were given,
// including a prefix that stops inside a run of initials or inside a word.
TEST(EntityCatalogue, PrefixesAreKeyedLikeNames) {
    auto person = [](std::string_view prefix, std::string_view name) {
        return KeyPrefix(EntityKind::person, prefix).matches(person_key(name));
    };
    auto film = [](std::string_view prefix, std::string_view title) {
        return KeyPrefix(EntityKind::film, prefix).matches(film_key(title));
    };
    for (std::string_view p : {"J.K. Simmons", "J. K. Simmons", "JK Sim", "J.K", "J.K.", "J.K. S",
                               "j k s", "Simmons", "jk", ""})
        EXPECT_TRUE(person(p, "J.K. Simmons")) << p;
    for (std::string_view p : {"O'T", "O\xe2\x80\x99T", "O'Toole", "Peter O'", "otoo"})
        EXPECT_TRUE(person(p, "Peter O'Toole")) << p;
    for (std::string_view p : {"keays-b", "Keays-Byrne", "Hugh Keays-", "byrne"})
        EXPECT_TRUE(person(p, "Hugh Keays-Byrne")) << p;
    for (std::string_view p : {"Mad Max: Fury Road", "mad max: f", "Fury"})
        EXPECT_TRUE(film(p, "Mad Max: Fury Road")) << p;
    EXPECT_TRUE(film("Dr.", "Dr. Strangelove"));
    EXPECT_TRUE(film("E.T", "E.T. the Extra-Terrestrial"));
    EXPECT_TRUE(film("The God", "The Godfather"));
    EXPECT_TRUE(film("Tom & J", "Tom & Jerry"));

    EXPECT_FALSE(person("J.K. Simmonz", "J.K. Simmons"));
    EXPECT_FALSE(person("imm", "J.K. Simmons"));  // not at the start of a word
    EXPECT_FALSE(person("'", "J.K. Simmons"));    // nothing a key keeps
    EXPECT_FALSE(film("Mad Max: Fury Roads", "Mad Max: Fury Road"));

    // A space typed after the prefix ends its last word there.
    EXPECT_TRUE(film("mad max ", "Mad Max"));
    EXPECT_TRUE(film("mad max ", "Mad Max: Fury Road"));
    EXPECT_FALSE(film("They ", "Theyre Watching"));
    EXPECT_TRUE(film("boots ", "They Died with Their Boots On"));
    EXPECT_FALSE(person("Sim ", "J.K. Simmons"));
    EXPECT_TRUE(person("J.K. ", "J.K. Simmons"));
}

}  // namespace
}  // namespace reel
