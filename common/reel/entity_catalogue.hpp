// The entity catalogue kept in the database: for each person and film, its display name (the
// most common full form), the forms seen and the number of reviews that mention it.
#pragma once

#include <xapian.h>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reel/entities.hpp"

namespace reel {

enum class EntityKind { person, film };

std::string_view kind_name(EntityKind kind);  // "person" / "film"

struct CatalogueEntry {
    EntityKind kind;
    std::string key;
    std::string name;
    std::vector<std::pair<std::string, long>> aliases;  // most frequent first
    Xapian::doccount reviews = 0;
};

// Changes to the catalogue made by one batch of added and deleted reviews; applied to the
// database's metadata in the same commit as the documents, so the two never disagree.
class CatalogueDelta {
  public:
    void add(EntityKind kind, const Entity& entity, int sign);  // sign: +1 added, -1 deleted
    void apply(Xapian::WritableDatabase& db);                   // and clears the delta
    void merge(CatalogueDelta&& other);
    bool empty() const { return changes_[0].empty() && changes_[1].empty(); }

    // (form, count) pairs, unique by form: an entity has few forms, so a scan beats a map.
    using FormCounts = std::vector<std::pair<std::string, long>>;
    struct Counts {
        FormCounts names, aliases;
    };

  private:
    // Added once per entity and review: one hash lookup, no allocation for a form seen before.
    std::array<std::unordered_map<std::string, Counts>, 2> changes_;  // by EntityKind
};

// Display names (each entity's most common full form) for search hits and facets, each read
// from the catalogue once: every hit names a person as the catalogue does ("J.K. Simmons"),
// whichever spelling its review used ("J. K. Simmons", "JK Simmons"), so that scripts can group
// hits by name and the names agree with --facets and --list. Valid for one revision of one
// database: clear() after a reopen.
class DisplayNames {
  public:
    // The catalogue's name for `key`, or `fallback` when the catalogue has no entry for it.
    const std::string& of(const Xapian::Database& db, EntityKind kind, const std::string& key,
                          const std::string& fallback);
    void clear();

  private:
    std::array<std::unordered_map<std::string, std::string>, 2> names_;  // by EntityKind
};

// A --prefix as the user typed it, read as keys of its kind are made, so that every spelling
// that gives one key ("J.K.", "JK", "O'Toole", "Keays-Byrne", "Mad Max:") also works as a prefix.
class KeyPrefix {
  public:
    KeyPrefix(EntityKind kind, std::string_view text);
    // Whether the key, or a word of it, starts with the prefix. An empty prefix matches all, one
    // with nothing a key keeps (only punctuation) matches nothing.
    bool matches(std::string_view key) const;

  private:
    std::vector<std::string> forms_;  // the prefix's possible keys; any one may match
    bool any_ = false;
    bool whole_ = false;  // typed with a space after it: its last word is whole
};

// Entries of one kind, most reviewed first. `prefix` (as typed, see KeyPrefix) keeps entries
// whose key, or a word of it, starts with it. `limit` 0 means all.
std::vector<CatalogueEntry> read_catalogue(const Xapian::Database& db, EntityKind kind,
                                           std::string_view prefix, std::size_t limit);

}  // namespace reel
