#include "reel/entity_catalogue.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "reel/schema.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

using Json = nlohmann::json;

std::string metadata_prefix(EntityKind kind) {
    return std::string(schema::kEntityPrefix) + (kind == EntityKind::person ? "P" : "F");
}

std::string_view key_prefix(EntityKind kind) {
    return kind == EntityKind::person ? schema::kPersonKey : schema::kFilmKey;
}

void merge_counts(Json& target, const std::map<std::string, long>& delta) {
    if (!target.is_object()) target = Json::object();
    for (const auto& [form, n] : delta) {
        long now = target.value(form, 0L) + n;
        if (now > 0)
            target[form] = now;
        else
            target.erase(form);
    }
}

bool key_matches(std::string_view key, std::string_view prefix) {
    if (prefix.empty() || key.starts_with(prefix)) return true;
    for (std::size_t sp = key.find(' '); sp != std::string_view::npos; sp = key.find(' ', sp + 1)) {
        if (key.substr(sp + 1).starts_with(prefix)) return true;
    }
    return false;
}

}  // namespace

std::string_view kind_name(EntityKind kind) {
    return kind == EntityKind::person ? "person" : "film";
}

void CatalogueDelta::add(EntityKind kind, const Entity& entity, int sign) {
    if (entity.key.empty()) return;
    Counts& c = changes_[{kind, entity.key}];
    c.names[entity.name] += sign;
    for (const std::string& alias : entity.aliases) c.aliases[alias] += sign;
}

void CatalogueDelta::merge(CatalogueDelta&& other) {
    for (auto& [id, counts] : other.changes_) {
        Counts& mine = changes_[id];
        for (const auto& [form, n] : counts.names) mine.names[form] += n;
        for (const auto& [form, n] : counts.aliases) mine.aliases[form] += n;
    }
    other.changes_.clear();
}

void CatalogueDelta::apply(Xapian::WritableDatabase& db) {
    for (const auto& [id, counts] : changes_) {
        std::string key = schema::metadata_key(metadata_prefix(id.first), id.second);
        std::string old = db.get_metadata(key);
        Json entry = old.empty() ? Json::object() : Json::parse(old, nullptr, false);
        if (entry.is_discarded() || !entry.is_object()) entry = Json::object();
        entry["key"] = id.second;
        merge_counts(entry["names"], counts.names);
        merge_counts(entry["aliases"], counts.aliases);
        if (entry["names"].empty())
            db.set_metadata(key, "");  // empty value deletes the entry
        else
            db.set_metadata(key, entry.dump(-1, ' ', false, Json::error_handler_t::replace));
    }
    changes_.clear();
}

namespace {

// A count as stored; anything else (a damaged entry) counts as nothing.
long stored_count(const Json& n) {
    return n.is_number_integer() ? n.get<long>() : 0;
}

// Fills name and aliases of `e` from a stored entry (as stored_entry returns it).
void read_entry(const Json& entry, CatalogueEntry& e) {
    long best = -1;
    for (auto& [name, n] : entry.at("names").items()) {
        // The most common full form; ties go to the longer (fuller) spelling.
        long count = stored_count(n);
        if (count > best || (count == best && name.size() > e.name.size())) {
            best = count;
            e.name = name;
        }
    }
    for (auto& [alias, n] : entry.at("aliases").items())
        e.aliases.emplace_back(alias, stored_count(n));
    std::sort(e.aliases.begin(), e.aliases.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
}

Json stored_entry(const Xapian::Database& db, const std::string& metadata_key) {
    Json entry = Json::parse(db.get_metadata(metadata_key), nullptr, false);
    if (entry.is_discarded() || !entry.is_object()) entry = Json::object();
    if (entry.contains("key") && !entry["key"].is_string()) entry.erase("key");
    for (const char* field : {"names", "aliases"}) {
        if (!entry.contains(field) || !entry[field].is_object()) entry[field] = Json::object();
    }
    return entry;
}

}  // namespace

std::string catalogue_display_name(const Xapian::Database& db, EntityKind kind,
                                   const std::string& key) {
    CatalogueEntry e{kind, key, "", {}, 0};
    read_entry(stored_entry(db, schema::metadata_key(metadata_prefix(kind), key)), e);
    return e.name.empty() ? key : e.name;
}

std::vector<CatalogueEntry> read_catalogue(const Xapian::Database& db, EntityKind kind,
                                           std::string_view prefix, std::size_t limit) {
    std::string folded_prefix = fold(prefix);
    std::string meta_prefix = metadata_prefix(kind);
    std::vector<CatalogueEntry> out;
    for (auto it = db.metadata_keys_begin(meta_prefix); it != db.metadata_keys_end(meta_prefix);
         ++it) {
        Json entry = stored_entry(db, *it);
        CatalogueEntry e{kind, entry.value("key", ""), "", {}, 0};
        if (!key_matches(e.key, folded_prefix)) continue;
        read_entry(entry, e);
        e.reviews = db.get_termfreq(schema::term(key_prefix(kind), e.key));
        if (e.reviews > 0) out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const CatalogueEntry& a, const CatalogueEntry& b) {
        return a.reviews != b.reviews ? a.reviews > b.reviews : a.name < b.name;
    });
    if (limit > 0 && out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace reel
