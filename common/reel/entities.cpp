#include "reel/entities.hpp"

#include <algorithm>

#include "reel/catalog.hpp"
#include "reel/entities_scan.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

using entities::Mention;

// Texts longer than this are cut for extraction: a review that long is not a review, and every
// step stays linear anyway.
constexpr std::size_t kMaxText = 4 << 20;

struct Found {
    entities::PeopleFound people;
    entities::FilmsFound films;
    std::vector<std::string> lone_capitals;  // while observing
};

// Plain words written capitalised on their own inside a sentence ("on Earth", "a Fox release",
// "Chaplin's tramp"), once per review and folded (their film_key): how often the corpus
// writes a word so, by any reading, is what a one-word title's few sure sightings are weighed
// against.
std::vector<std::string> lone_capitals(const entities::Scan& scan) {
    constexpr std::uint16_t kNotPlain = entities::kSentenceStart | entities::kDigit |
                                        entities::kInitials | entities::kHyphenated |
                                        entities::kApostrophe;
    std::vector<std::string> out;
    // A review typed in capitals writes every word so ("TERRIBLE ACTING, AWFUL PLOT"): its case
    // says nothing, as the people and title finders hold.
    if (scan.shouting()) return out;
    for (std::size_t i = scan.next_capital(0); i < scan.size(); i = scan.next_capital(i + 1)) {
        const entities::Token& t = scan[i];
        if (!t.has(entities::kCap) || (t.flags & kNotPlain) || t.end - t.begin > 24) continue;
        if ((i > 0 && scan.cap_word(i - 1)) || scan.cap_word(i + 1)) continue;
        // Folded as the title finder reads it: "Amélie" and "Amelie" are one word.
        if (std::string_view w = scan.folded(i); !w.empty()) out.emplace_back(w);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Found find(const Review& review, const EntityEvidence* corpus, const Catalog* catalog) {
    std::string_view text = utf8_prefix(review.text, kMaxText);
    entities::Scan scan(text, review.emphasis, corpus, catalog, review.film);
    Found f;
    entities::find_marked_titles(scan, f.films);
    f.people = entities::find_people(scan);
    entities::find_cued_titles(scan, f.people, f.films);
    if (!corpus) f.lone_capitals = lone_capitals(scan);
    return f;
}

std::vector<Entity> to_entities(entities::Mentions found) {
    std::vector<Mention> mentions = std::move(found).release();
    std::stable_sort(mentions.begin(), mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.first_pos < b.first_pos; });
    std::vector<Entity> out;
    out.reserve(mentions.size());
    for (auto& m : mentions) {
        Entity e;
        e.name = m.name;
        e.key = m.key;
        for (auto& form : m.forms) {
            if (form != e.name &&
                std::find(e.aliases.begin(), e.aliases.end(), form) == e.aliases.end()) {
                e.aliases.push_back(std::move(form));
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

// The film under review: always one of the review's films, placed where the text first names it
// (or first, when it does not).
void add_review_film(const Review& review, const Catalog* catalog, entities::Mentions& films) {
    if (review.film.empty()) return;
    std::string key = film_key(review.film);
    if (key.empty()) return;
    std::string name = review.film;
    if (catalog) {
        if (const CatalogFilm* f = catalog->find_film(key, review.year)) name = f->title;
    }
    if (Mention* m = films.find(key)) {
        m->add_form(m->name);
        m->name = name;
        return;
    }
    entities::add_mention(films, name, key, 0, 2);
}

}  // namespace

EntityExtractor::EntityExtractor(const Catalog* catalog) : catalog_(catalog) {}

EntityEvidence EntityExtractor::observe(const Review& review) const {
    EntityEvidence ev;
    observe(review, ev);
    return ev;
}

void EntityExtractor::observe(const Review& review, EntityEvidence& ev) const {
    Found f = find(review, nullptr, catalog_);
    for (const auto& m : f.people.people) {
        if (m.weight > 0) ev.add(EntityEvidence::Kind::Person, m.key, m.name, m.weight);
    }
    for (const auto& m : f.people.named) ev.add(EntityEvidence::Kind::Named, m.key, m.name, 1);
    for (const auto& m : f.people.real) ev.add(EntityEvidence::Kind::Real, m.key, m.name, 1);
    for (const auto& m : f.people.characters) {
        if (m.weight > 0) ev.add(EntityEvidence::Kind::Character, m.key, m.name, m.weight);
    }
    for (const auto& m : f.films.films) {
        if (m.weight > 0) ev.add(EntityEvidence::Kind::Film, m.key, m.name, m.weight);
    }
    for (const auto& word : f.lone_capitals) ev.add_seen_word(word);
    if (!review.film.empty()) {
        std::string key = film_key(review.film);
        // The film a review is about is the surest sighting there is.
        if (!key.empty()) ev.add(EntityEvidence::Kind::Film, key, review.film, 4);
    }
}

ExtractedEntities EntityExtractor::extract(const Review& review,
                                           const EntityEvidence& corpus) const {
    Found f = find(review, &corpus, catalog_);
    add_review_film(review, catalog_, f.films.films);
    ExtractedEntities out;
    out.people = to_entities(std::move(f.people.people));
    out.films = to_entities(std::move(f.films.films));
    return out;
}

}  // namespace reel
