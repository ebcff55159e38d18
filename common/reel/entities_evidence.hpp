// Corpus-wide evidence for entity extraction: how often each name and title was seen in a
// context that leaves no doubt, so that a weak mention elsewhere can be trusted.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "reel/entities_wordmap.hpp"

namespace reel {

class EntityEvidence {
  public:
    // Person: named with a cue that says so ("directed by X", "X plays", "Y (X)"). Named: a
    // name accepted with nothing around it saying so; fictional characters are named so as
    // often as people ("Tony Soprano is..."), so such sightings tie a surname to its person
    // but do not vouch that a name is a person's. Real: named as a historical person ("President
    // Franklin D. Roosevelt", "the poet Dylan Thomas", "a biopic of Custer"), who stays one where
    // a film casts an actor in the part. Seen: a word written capitalised on its own inside a
    // sentence, by any reading; how often a word is a name at all, against which a one-word
    // title's few sure sightings are weighed ("Earth", "Fox", "Chaplin").
    enum class Kind : std::uint8_t { Person, Character, Film, Named, Real, Seen };
    struct Entry {
        std::uint32_t count = 0;
        std::string
            name;  // display form: the fullest seen (longest, then smallest), so merging commutes
    };

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };

    // Lookups derived from the counts, built once after a change and shared by readers.
    struct Indexes {
        struct SurnameBest {
            std::string key;
            std::uint32_t best = 0;
            std::uint32_t total = 0;
        };
        struct Counts {
            std::uint32_t person = 0, character = 0, film = 0, real = 0, seen = 0;
        };
        // By surname, every spelling of a name counted as one person ("Zanuck": Darryl F.
        // Zanuck and Darryl Zanuck together), under the spelling most reviews use.
        entities::WordMap<SurnameBest> surnames;
        entities::WordMap<SurnameBest> given_names;  // the same, by a name's first word
        // A misspelt person key to the spelling most reviews use (entities_variants.hpp).
        entities::WordMap<std::string> misspelt;
        entities::WordMap<std::size_t> film_first_words;
        // By surname, the people cued as one (Kind::Person), under the spelling most use; when
        // more than kPeopleBySurname share it the list stops at one more, as readers then tell
        // none of them apart.
        static constexpr std::size_t kPeopleBySurname = 3;
        entities::WordMap<std::vector<std::string>> people_by_surname;
        entities::WordMap<Counts> counts;  // every key of every kind; Seen only beside Film

        std::uint32_t count(Kind kind, std::string_view key) const {
            const Counts* c = counts.find(key);
            if (!c) return 0;
            return kind == Kind::Person      ? c->person
                   : kind == Kind::Character ? c->character
                   : kind == Kind::Real      ? c->real
                   : kind == Kind::Seen      ? c->seen
                                             : c->film;
        }

        const std::string* dominant_person(std::string_view surname, std::uint32_t min_count,
                                           double min_share) const;
        // The same by first word ("Keanu" for Keanu Reeves).
        const std::string* dominant_by_given_name(std::string_view given, std::uint32_t min_count,
                                                  double min_share) const;
        std::size_t film_words_from(std::string_view first_word) const;
    };

    EntityEvidence() = default;
    EntityEvidence(const EntityEvidence& other);
    EntityEvidence& operator=(const EntityEvidence& other);
    EntityEvidence(EntityEvidence&& other) noexcept;
    EntityEvidence& operator=(EntityEvidence&& other) noexcept;

    // Records `count` confident sightings of a name under its key (person_key or film_key).
    void add(Kind kind, std::string_view key, std::string_view name, std::uint32_t count = 1);
    // Records one Seen sighting of a folded word (once per review).
    void add_seen_word(std::string_view word);
    // Sums counts: merging in any order gives the same evidence.
    void merge(const EntityEvidence& other);
    // Takes `other`'s counts off again (the sightings of reviews taken out of the index); a
    // count never goes below zero, and a name or word counted nowhere any more is forgotten.
    void subtract(const EntityEvidence& other);

    // Line-based text, sorted, so equal evidence serialises to equal bytes. An empty string is
    // empty evidence.
    std::string serialise() const;
    static EntityEvidence unserialise(std::string_view data);  // throws reel::InputError

    const Entry* find(Kind kind, std::string_view key) const;
    std::uint32_t count(Kind kind, std::string_view key) const {
        const Entry* e = find(kind, key);
        return e ? e->count : 0;
    }
    std::size_t size() const {
        settle_seen();
        return people_.size() + characters_.size() + films_.size() + named_.size() + real_.size() +
               seen_.size();
    }
    bool empty() const { return size() == 0; }

    // The person most often seen with this surname (the last word of a person key), when one
    // clearly dominates: at least `min_count` sightings and `min_share` of all with that surname.
    // Returns the person's key, or nullptr.
    const std::string* dominant_person(std::string_view surname, std::uint32_t min_count,
                                       double min_share) const;

    // The most words of any film key starting with this word (0 when none does): lets a scan of
    // running text look up known titles only where one could start.
    std::size_t film_words_from(std::string_view first_word) const;

    // A snapshot of the lookups (thread-safe; cheap after the first call).
    std::shared_ptr<const Indexes> indexes() const;

    bool operator==(const EntityEvidence& other) const;

  private:
    using Map = std::unordered_map<std::string, Entry, Hash, std::equal_to<>>;

    Map& map(Kind kind);
    const Map& map(Kind kind) const;
    void changed();

    Map people_;
    Map characters_;
    Map films_;
    Map named_;
    Map real_;
    // Seen words are counted on first read: a file's evidence gathers a few dozen, each file's
    // is kept until its reviews are written, and as a map they held 37 MiB more at the peak of
    // the 50,000 aclImdb reviews than as one string of words. Counting writes the two members
    // below: readers on several threads must let indexes() (which counts under its lock) or
    // another Seen read on one thread come first; find() of the other kinds never counts.
    mutable Map seen_;
    mutable std::string seen_words_;  // added, not yet counted; one per line
    void settle_seen() const;
    // Built on first use after a change; extract() reads them from several threads.
    mutable std::mutex indexes_mutex_;
    mutable std::shared_ptr<const Indexes> indexes_;
};

}  // namespace reel
