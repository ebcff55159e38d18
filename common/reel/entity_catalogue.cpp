#include "reel/entity_catalogue.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "reel/entity_key.hpp"
#include "reel/schema.hpp"
#include "reel/text_normalize.hpp"

namespace reel {

namespace {

using Json = nlohmann::json;

std::string metadata_prefix(EntityKind kind) {
    return std::string(schema::kEntityPrefix) + (kind == EntityKind::person ? "P" : "F");
}

std::string_view key_prefix(EntityKind kind) {
    return kind == EntityKind::person ? schema::kPersonKey : schema::kFilmKey;
}

using FormCounts = CatalogueDelta::FormCounts;

long& count_of(FormCounts& counts, const std::string& form) {
    for (auto& [f, n] : counts) {
        if (f == form) return n;
    }
    return counts.emplace_back(form, 0).second;
}

void merge_counts(Json& target, const FormCounts& delta) {
    if (!target.is_object()) target = Json::object();
    for (const auto& [form, n] : delta) {
        long now = target.value(form, 0L) + n;
        if (now > 0)
            target[form] = now;
        else
            target.erase(form);
    }
}

// An entry already stored, with `delta` merged in; "" when no name is left.
std::string updated_entry(const std::string& old, const std::string& key,
                          const CatalogueDelta::Counts& delta) {
    Json entry = Json::parse(old, nullptr, false);
    if (entry.is_discarded() || !entry.is_object()) entry = Json::object();
    entry["key"] = key;
    merge_counts(entry["names"], delta.names);
    merge_counts(entry["aliases"], delta.aliases);
    if (entry["names"].empty()) return "";
    return entry.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Appends `s` as updated_entry's dump writes it. Plain ASCII goes verbatim; anything nlohmann
// might escape or replace (quotes, controls, UTF-8, invalid bytes) is left to nlohmann itself,
// so that the bytes cannot differ.
void append_json_string(std::string& out, const std::string& s) {
    bool plain = std::all_of(s.begin(), s.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7f && u != '"' && u != '\\';
    });
    if (!plain) {
        out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    }
    out += '"';
    out += s;
    out += '"';
}

// `"field":{"form":n,...}` with the positive counts, forms in the order of nlohmann's objects
// (std::map, so std::string's order).
void append_counts(std::string& out, std::string_view field, FormCounts& counts) {
    std::sort(counts.begin(), counts.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out += '"';
    out += field;
    out += "\":{";
    bool first = true;
    for (const auto& [form, n] : counts) {
        if (n <= 0) continue;
        if (!first) out += ',';
        first = false;
        append_json_string(out, form);
        out += ':';
        char digits[24];
        out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
    }
    out += '}';
}

// What updated_entry would make of an empty old value, written straight: a fresh build stores
// every entry new, and a JSON tree per entity cost more than the rest of apply().
std::string new_entry(const std::string& key, CatalogueDelta::Counts& delta) {
    auto positive = [](const auto& form_count) { return form_count.second > 0; };
    if (std::none_of(delta.names.begin(), delta.names.end(), positive)) return "";
    std::string out = "{";  // nlohmann's key order: aliases, key, names
    append_counts(out, "aliases", delta.aliases);
    out += ",\"key\":";
    append_json_string(out, key);
    out += ',';
    append_counts(out, "names", delta.names);
    out += '}';
    return out;
}

// Whether the key, or a word of it, starts with `prefix`; with `whole`, ending at a word's end.
bool key_matches(std::string_view key, std::string_view prefix, bool whole) {
    if (prefix.empty()) return true;
    auto at = [&](std::size_t b) {
        std::string_view rest = key.substr(b);
        return rest.starts_with(prefix) &&
               (!whole || rest.size() == prefix.size() || rest[prefix.size()] == ' ');
    };
    if (at(0)) return true;
    for (std::size_t sp = key.find(' '); sp != std::string_view::npos; sp = key.find(' ', sp + 1)) {
        if (at(sp + 1)) return true;
    }
    return false;
}

bool ends_in_word_char(std::string_view text) {
    if (text.empty()) return false;
    auto last = static_cast<unsigned char>(text.back());
    return last >= 0x80 || std::isalnum(last);
}

}  // namespace

KeyPrefix::KeyPrefix(EntityKind kind, std::string_view text) {
    any_ = text.empty();
    // "The ": the space the key drops said the word ends there ("The", not "They").
    whole_ = !text.empty() && static_cast<unsigned char>(text.back()) <= ' ';
    auto key_of = kind == EntityKind::person ? &person_key : &film_key;
    // Curly apostrophes and odd spaces were straightened in the names the keys came from.
    std::string plain = normalize_chars(text);
    forms_.push_back(key_of(plain));
    // A prefix may stop inside a word, which its key cannot tell: "J.K. S" keys as initials
    // "jks", but the S starts "Simmons". Keyed with a letter after it, the last word stays one
    // word ("jk sx"); the letter is then taken off. Both readings are kept: "J.K" needs the first.
    if (ends_in_word_char(plain)) {
        std::string cut = key_of(plain + "x");
        if (cut.ends_with('x')) forms_.push_back(cut.substr(0, cut.size() - 1));
    }
    std::erase_if(forms_, [](const std::string& f) { return f.empty() || f.ends_with(' '); });
}

bool KeyPrefix::matches(std::string_view key) const {
    return any_ || std::any_of(forms_.begin(), forms_.end(),
                               [&](const std::string& f) { return key_matches(key, f, whole_); });
}

std::string_view kind_name(EntityKind kind) {
    return kind == EntityKind::person ? "person" : "film";
}

void CatalogueDelta::add(EntityKind kind, const Entity& entity, int sign) {
    if (entity.key.empty()) return;
    Counts& c = changes_[static_cast<std::size_t>(kind)][entity.key];
    count_of(c.names, entity.name) += sign;
    for (const std::string& alias : entity.aliases) count_of(c.aliases, alias) += sign;
}

void CatalogueDelta::merge(CatalogueDelta&& other) {
    for (std::size_t kind = 0; kind < changes_.size(); ++kind) {
        auto& mine = changes_[kind];
        auto& theirs = other.changes_[kind];
        // Moved node by node: an entity new to this delta costs no copy.
        while (!theirs.empty()) {
            auto moved = mine.insert(theirs.extract(theirs.begin()));
            if (moved.inserted) continue;
            Counts& to = moved.position->second;
            for (const auto& [form, n] : moved.node.mapped().names) count_of(to.names, form) += n;
            for (const auto& [form, n] : moved.node.mapped().aliases)
                count_of(to.aliases, form) += n;
        }
    }
}

void CatalogueDelta::apply(Xapian::WritableDatabase& db) {
    for (EntityKind kind : {EntityKind::person, EntityKind::film}) {
        auto& changes = changes_[static_cast<std::size_t>(kind)];
        std::string prefix = metadata_prefix(kind);
        // By key, as the delta used to be kept: the database gets the same writes in the
        // same order, whatever the hash order.
        std::vector<std::pair<const std::string*, Counts*>> sorted;
        sorted.reserve(changes.size());
        for (auto& [key, counts] : changes) sorted.emplace_back(&key, &counts);
        std::sort(sorted.begin(), sorted.end(),
                  [](const auto& a, const auto& b) { return *a.first < *b.first; });
        for (const auto& [key, counts] : sorted) {
            std::string metadata_key = schema::metadata_key(prefix, *key);
            std::string old = db.get_metadata(metadata_key);
            // An empty value deletes the entry.
            db.set_metadata(metadata_key, old.empty() ? new_entry(*key, *counts)
                                                      : updated_entry(old, *key, *counts));
        }
        changes.clear();
    }
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
    // The display name is no alias of itself (it is one of the forms some reviews wrote).
    for (auto& [alias, n] : entry.at("aliases").items()) {
        if (alias != e.name) e.aliases.emplace_back(alias, stored_count(n));
    }
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

const std::string& DisplayNames::of(const Xapian::Database& db, EntityKind kind,
                                    const std::string& key, const std::string& fallback) {
    auto& names = names_[static_cast<std::size_t>(kind)];
    auto it = names.find(key);
    if (it == names.end()) {
        CatalogueEntry e{kind, key, "", {}, 0};
        read_entry(stored_entry(db, schema::metadata_key(metadata_prefix(kind), key)), e);
        it = names.emplace(key, std::move(e.name)).first;  // "" when the catalogue has none
    }
    return it->second.empty() ? fallback : it->second;
}

void DisplayNames::clear() {
    for (auto& names : names_) names.clear();
}

std::vector<CatalogueEntry> read_catalogue(const Xapian::Database& db, EntityKind kind,
                                           std::string_view prefix, std::size_t limit) {
    KeyPrefix wanted(kind, prefix);
    std::string meta_prefix = metadata_prefix(kind);
    std::vector<CatalogueEntry> out;
    for (auto it = db.metadata_keys_begin(meta_prefix); it != db.metadata_keys_end(meta_prefix);
         ++it) {
        Json entry = stored_entry(db, *it);
        CatalogueEntry e{kind, entry.value("key", ""), "", {}, 0};
        if (!wanted.matches(e.key)) continue;
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
