#include "reel/entities_evidence.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "reel/entities_lexicon.hpp"
#include "reel/entities_variants.hpp"
#include "reel/errors.hpp"

namespace reel {

namespace {

constexpr std::string_view kHeader = "reel-entity-evidence 1";
constexpr EntityEvidence::Kind kAllKinds[] = {
    EntityEvidence::Kind::Person, EntityEvidence::Kind::Character, EntityEvidence::Kind::Film,
    EntityEvidence::Kind::Named,  EntityEvidence::Kind::Real,      EntityEvidence::Kind::Seen};

// The fuller of two display forms; a total order, so the choice does not depend on merge order.
bool fuller(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a < b;
}

char kind_letter(EntityEvidence::Kind kind) {
    switch (kind) {
        case EntityEvidence::Kind::Person:
            return 'P';
        case EntityEvidence::Kind::Character:
            return 'C';
        case EntityEvidence::Kind::Film:
            return 'F';
        case EntityEvidence::Kind::Named:
            return 'N';
        case EntityEvidence::Kind::Real:
            return 'R';
        case EntityEvidence::Kind::Seen:
            return 'S';
    }
    return '?';
}

// Tabs and newlines would break the line format; names never need them.
std::string clean(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
}

void keep_fuller(std::string& current, std::string_view name) {
    // Names almost never hold a tab or a line break: compare them as they are, unless one does.
    if (name.find_first_of("\t\n\r") != std::string_view::npos) {
        std::string display = clean(name);
        if (current.empty() || fuller(display, current)) current = std::move(display);
    } else if (current.empty() || fuller(name, current)) {
        current = name;
    }
}

}  // namespace

EntityEvidence::EntityEvidence(const EntityEvidence& other)
    : people_(other.people_),
      characters_(other.characters_),
      films_(other.films_),
      named_(other.named_),
      real_(other.real_),
      seen_(other.seen_),
      seen_words_(other.seen_words_) {}

EntityEvidence& EntityEvidence::operator=(const EntityEvidence& other) {
    if (this != &other) {
        people_ = other.people_;
        characters_ = other.characters_;
        films_ = other.films_;
        named_ = other.named_;
        real_ = other.real_;
        seen_ = other.seen_;
        seen_words_ = other.seen_words_;
        changed();
    }
    return *this;
}

EntityEvidence::EntityEvidence(EntityEvidence&& other) noexcept
    : people_(std::move(other.people_)),
      characters_(std::move(other.characters_)),
      films_(std::move(other.films_)),
      named_(std::move(other.named_)),
      real_(std::move(other.real_)),
      seen_(std::move(other.seen_)),
      seen_words_(std::move(other.seen_words_)) {}

EntityEvidence& EntityEvidence::operator=(EntityEvidence&& other) noexcept {
    if (this != &other) {
        people_ = std::move(other.people_);
        characters_ = std::move(other.characters_);
        films_ = std::move(other.films_);
        named_ = std::move(other.named_);
        real_ = std::move(other.real_);
        seen_ = std::move(other.seen_);
        seen_words_ = std::move(other.seen_words_);
        changed();
    }
    return *this;
}

EntityEvidence::Map& EntityEvidence::map(Kind kind) {
    switch (kind) {
        case Kind::Person:
            return people_;
        case Kind::Character:
            return characters_;
        case Kind::Film:
            return films_;
        case Kind::Real:
            return real_;
        case Kind::Seen:
            settle_seen();
            return seen_;
        case Kind::Named:
            break;
    }
    return named_;
}

const EntityEvidence::Map& EntityEvidence::map(Kind kind) const {
    return const_cast<EntityEvidence*>(this)->map(kind);
}

void EntityEvidence::add(Kind kind, std::string_view key, std::string_view name,
                         std::uint32_t count) {
    if (key.empty() || count == 0) return;
    Map& m = map(kind);
    auto it = m.find(key);
    if (it == m.end()) it = m.emplace(std::string(key), Entry{}).first;
    Entry& e = it->second;
    e.count += count;
    // A Seen entry is a word, not a name: its key says all.
    if (kind != Kind::Seen) keep_fuller(e.name, name);
    // add() needs the evidence to itself, so no reader can be building a snapshot: without
    // one there is nothing to drop, and the lock per sighting is spared.
    if (indexes_) changed();
}

void EntityEvidence::add_seen_word(std::string_view word) {
    if (word.empty() || word.find('\n') != std::string_view::npos) return;
    seen_words_.append(word);
    seen_words_ += '\n';
    if (indexes_) changed();
}

void EntityEvidence::settle_seen() const {
    for (std::size_t b = 0; b < seen_words_.size();) {
        std::size_t e = seen_words_.find('\n', b);
        std::string_view word = std::string_view(seen_words_).substr(b, e - b);
        auto it = seen_.find(word);
        if (it == seen_.end()) it = seen_.emplace(std::string(word), Entry{}).first;
        ++it->second.count;
        b = e + 1;
    }
    seen_words_.clear();
    seen_words_.shrink_to_fit();
}

void EntityEvidence::changed() {
    std::lock_guard lock(indexes_mutex_);
    indexes_.reset();
}

void EntityEvidence::merge(const EntityEvidence& other) {
    if (&other == this) {
        EntityEvidence copy(other);
        merge(copy);
        return;
    }
    for (Kind kind : kAllKinds) {
        if (kind == Kind::Seen) continue;
        for (const auto& [key, entry] : other.map(kind)) add(kind, key, entry.name, entry.count);
    }
    // Words not yet counted stay so: merging a file's evidence costs an append.
    for (const auto& [key, entry] : other.seen_) add(Kind::Seen, key, {}, entry.count);
    seen_words_ += other.seen_words_;
    if (indexes_ && !other.seen_words_.empty()) changed();
}

void EntityEvidence::subtract(const EntityEvidence& other) {
    if (&other == this) {
        *this = EntityEvidence{};
        return;
    }
    settle_seen();
    other.settle_seen();
    for (Kind kind : kAllKinds) {
        Map& m = map(kind);
        for (const auto& [key, entry] : other.map(kind)) {
            auto it = m.find(key);
            if (it == m.end()) continue;
            if (it->second.count <= entry.count)
                m.erase(it);
            else
                it->second.count -= entry.count;
        }
    }
    if (indexes_) changed();
}

std::string EntityEvidence::serialise() const {
    if (empty()) return {};
    std::string out(kHeader);
    out += '\n';
    for (Kind kind : kAllKinds) {
        const Map& m = map(kind);
        std::vector<const Map::value_type*> rows;
        rows.reserve(m.size());
        for (const auto& row : m) rows.push_back(&row);
        std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->first < b->first; });
        for (const auto* row : rows) {
            out += kind_letter(kind);
            out += '\t';
            out += std::to_string(row->second.count);
            out += '\t';
            out += row->first;
            out += '\t';
            // Every line has a name field; a Seen entry, which keeps none, repeats its key.
            out += row->second.name.empty() ? row->first : row->second.name;
            out += '\n';
        }
    }
    return out;
}

EntityEvidence EntityEvidence::unserialise(std::string_view data) {
    EntityEvidence ev;
    if (data.empty()) return ev;
    auto bad = [](std::string_view why) {
        return InputError("entity evidence: " + std::string(why));
    };
    std::size_t nl = data.find('\n');
    if (nl == std::string_view::npos || data.substr(0, nl) != kHeader) throw bad("unknown format");
    std::size_t pos = nl + 1;
    std::size_t line_no = 1;
    while (pos < data.size()) {
        ++line_no;
        std::size_t end = data.find('\n', pos);
        if (end == std::string_view::npos)
            throw bad("truncated at line " + std::to_string(line_no));
        std::string_view line = data.substr(pos, end - pos);
        pos = end + 1;
        std::string_view field[4];
        std::size_t start = 0;
        for (int f = 0; f < 4; ++f) {
            std::size_t tab = f < 3 ? line.find('\t', start) : line.size();
            if (tab == std::string_view::npos)
                throw bad("too few fields at line " + std::to_string(line_no));
            field[f] = line.substr(start, tab - start);
            start = tab + 1;
        }
        Kind kind;
        if (field[0] == "P") {
            kind = Kind::Person;
        } else if (field[0] == "C") {
            kind = Kind::Character;
        } else if (field[0] == "F") {
            kind = Kind::Film;
        } else if (field[0] == "N") {
            kind = Kind::Named;
        } else if (field[0] == "R") {
            kind = Kind::Real;
        } else if (field[0] == "S") {
            kind = Kind::Seen;
        } else {
            throw bad("unknown kind at line " + std::to_string(line_no));
        }
        std::uint32_t count = 0;
        auto [ptr, ec] = std::from_chars(field[1].data(), field[1].data() + field[1].size(), count);
        if (ec != std::errc() || ptr != field[1].data() + field[1].size() || count == 0) {
            throw bad("bad count at line " + std::to_string(line_no));
        }
        if (field[2].empty() || field[3].empty() || field[3].find('\t') != std::string_view::npos) {
            throw bad("bad name at line " + std::to_string(line_no));
        }
        ev.add(kind, field[2], field[3], count);
    }
    return ev;
}

const EntityEvidence::Entry* EntityEvidence::find(Kind kind, std::string_view key) const {
    const Map& m = map(kind);
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
}

std::shared_ptr<const EntityEvidence::Indexes> EntityEvidence::indexes() const {
    std::lock_guard lock(indexes_mutex_);
    if (!indexes_) {
        auto index = std::make_shared<Indexes>();
        // Surnames are tied to people by every sighting of a name, cued or not.
        std::unordered_map<std::string_view, std::uint32_t> named;
        for (const Map* m : {&people_, &named_}) {
            for (const auto& [key, entry] : *m) named[key] += entry.count;
        }
        std::vector<entities::KeyCount> people;
        people.reserve(named.size());
        for (const auto& [key, count] : named) people.push_back({key, count});
        entities::PersonVariants variants =
            entities::find_person_variants(std::move(people), entities::lexicon());
        auto head_of = [&](std::string_view key) {
            const std::string* head = variants.head.find(key);
            return head ? std::string_view(*head) : key;
        };
        // Sightings by (surname or given name as spelt, head): only the keys spelt with that
        // word count, so that "Wilde" does not borrow the sightings of Jack Wild.
        struct Sighting {
            int by;  // 0 surname, 1 given name
            std::string_view word, head;
            std::uint32_t count;
        };
        std::vector<Sighting> sightings;
        sightings.reserve(2 * named.size());
        for (const auto& [key, count] : named) {
            std::size_t sp = key.rfind(' ');
            if (sp == std::string_view::npos) continue;  // a one-word name has no surname to lend
            std::string_view head = head_of(key);
            sightings.push_back({0, key.substr(sp + 1), head, count});
            sightings.push_back({1, key.substr(0, key.find(' ')), head, count});
        }
        auto order = [](const Sighting& a, const Sighting& b) {
            return std::tie(a.by, a.word, a.head) < std::tie(b.by, b.word, b.head);
        };
        std::sort(sightings.begin(), sightings.end(), order);
        for (std::size_t i = 0; i < sightings.size();) {
            const Sighting& s = sightings[i];
            std::uint32_t n = 0;
            for (; i < sightings.size() && !order(s, sightings[i]); ++i) n += sightings[i].count;
            Indexes::SurnameBest& best =
                s.by ? index->given_names[s.word] : index->surnames[s.word];
            best.total += n;
            if (n > best.best || (n == best.best && s.head < best.key)) {
                best.best = n;
                best.key = s.head;
            }
        }
        for (const auto& [key, entry] : people_) {
            std::size_t sp = key.rfind(' ');
            if (sp == std::string::npos) continue;
            auto& list = index->people_by_surname[std::string_view(key).substr(sp + 1)];
            // A full list is never read: searching it for every namesake was quadratic, and
            // one hostile review can name tens of thousands of them.
            if (list.size() > Indexes::kPeopleBySurname) continue;
            std::string head(head_of(key));
            if (std::find(list.begin(), list.end(), head) == list.end())
                list.push_back(std::move(head));
        }
        index->misspelt = std::move(variants.misspelt);
        for (const auto& [key, entry] : films_) {
            std::size_t words = 1 + std::count(key.begin(), key.end(), ' ');
            std::size_t& most =
                index->film_first_words[std::string_view(key).substr(0, key.find(' '))];
            most = std::max(most, words);
            index->counts[key].film = entry.count;
        }
        for (const auto& [key, entry] : people_) index->counts[key].person = entry.count;
        for (const auto& [key, entry] : characters_) index->counts[key].character = entry.count;
        for (const auto& [key, entry] : real_) index->counts[key].real = entry.count;
        settle_seen();
        for (const auto& [key, entry] : seen_) {
            // Only what a known title may be weighed against.
            const Indexes::Counts* c = index->counts.find(key);
            if (c && c->film > 0) index->counts[key].seen = entry.count;
        }
        indexes_ = std::move(index);
    }
    return indexes_;
}

namespace {

const std::string* dominant(const entities::WordMap<EntityEvidence::Indexes::SurnameBest>& index,
                            std::string_view word, std::uint32_t min_count, double min_share) {
    const EntityEvidence::Indexes::SurnameBest* b = index.find(word);
    if (!b || b->best < min_count || b->best < min_share * b->total) return nullptr;
    return &b->key;
}

}  // namespace

const std::string* EntityEvidence::Indexes::dominant_person(std::string_view surname,
                                                            std::uint32_t min_count,
                                                            double min_share) const {
    return dominant(surnames, surname, min_count, min_share);
}

const std::string* EntityEvidence::Indexes::dominant_by_given_name(std::string_view given,
                                                                   std::uint32_t min_count,
                                                                   double min_share) const {
    return dominant(given_names, given, min_count, min_share);
}

std::size_t EntityEvidence::Indexes::film_words_from(std::string_view first_word) const {
    const std::size_t* most = film_first_words.find(first_word);
    return most ? *most : 0;
}

const std::string* EntityEvidence::dominant_person(std::string_view surname,
                                                   std::uint32_t min_count,
                                                   double min_share) const {
    if (people_.empty() && named_.empty()) return nullptr;
    const std::string* key = indexes()->dominant_person(surname, min_count, min_share);
    if (!key) return nullptr;
    // Point into the maps, which outlive any index snapshot.
    for (const Map* m : {&people_, &named_}) {
        if (auto person = m->find(*key); person != m->end()) return &person->first;
    }
    return nullptr;
}

std::size_t EntityEvidence::film_words_from(std::string_view first_word) const {
    return films_.empty() ? 0 : indexes()->film_words_from(first_word);
}

bool EntityEvidence::operator==(const EntityEvidence& other) const {
    auto same = [](const Map& a, const Map& b) {
        if (a.size() != b.size()) return false;
        for (const auto& [key, entry] : a) {
            auto it = b.find(key);
            if (it == b.end() || it->second.count != entry.count || it->second.name != entry.name)
                return false;
        }
        return true;
    };
    settle_seen();
    other.settle_seen();
    return same(people_, other.people_) && same(characters_, other.characters_) &&
           same(films_, other.films_) && same(named_, other.named_) && same(real_, other.real_) &&
           same(seen_, other.seen_);
}

}  // namespace reel
