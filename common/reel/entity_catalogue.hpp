// The entity catalogue kept in the database: for each person and film, its display name (the
// most common full form), the forms seen and the number of reviews that mention it.
#pragma once

#include <xapian.h>
#include <map>
#include <string>
#include <string_view>
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
    bool empty() const { return changes_.empty(); }

  private:
    struct Counts {
        std::map<std::string, long> names, aliases;
    };
    std::map<std::pair<EntityKind, std::string>, Counts> changes_;
};

// The display name of one entity: its most common full form, else the key itself.
std::string catalogue_display_name(const Xapian::Database& db, EntityKind kind,
                                   const std::string& key);

// Entries of one kind, most reviewed first. `prefix` (folded) keeps entries whose key, or a word
// of it, starts with it. `limit` 0 means all.
std::vector<CatalogueEntry> read_catalogue(const Xapian::Database& db, EntityKind kind,
                                           std::string_view prefix, std::size_t limit);

}  // namespace reel
