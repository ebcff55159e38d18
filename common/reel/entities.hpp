// Entity extraction: the real people and films a review mentions, for the person: and film:
// fields of the index.
//
// Extraction runs in two passes over a collection. observe() gathers evidence from the mentions
// that leave no doubt ("directed by Damien Chazelle", "Heat (1995)", a film in metadata); the
// indexer merges it across all reviews; extract() then uses it to accept weaker mentions of the
// same names elsewhere ("Chazelle", a bare "Whiplash").
#pragma once

#include <string>
#include <vector>

#include "reel/entities_evidence.hpp"
#include "reel/entity_key.hpp"
#include "reel/review.hpp"

namespace reel {

class Catalog;

struct Entity {
    std::string name;                  // display form: the fullest form seen in this review
    std::string key;                   // person_key/film_key of name
    std::vector<std::string> aliases;  // other distinct surface forms seen in this review
};

struct ExtractedEntities {
    std::vector<Entity> people;  // unique by key, in order of first mention
    std::vector<Entity> films;   // unique by key, in order of first mention; includes Review::film
};

class EntityExtractor {
  public:
    // With a catalogue, names are linked to its canonical spellings and a surname alone can
    // resolve to a cast member of the film under review. The catalogue must outlive the extractor.
    explicit EntityExtractor(const Catalog* catalog = nullptr);

    // Pass 1 (thread-safe): the confident sightings in one review.
    EntityEvidence observe(const Review& review) const;
    // The same, added to `into`: evidence gathered over many reviews needs no map per review.
    void observe(const Review& review, EntityEvidence& into) const;
    // Pass 2 (thread-safe): the review's entities, helped by the evidence of the whole corpus.
    ExtractedEntities extract(const Review& review, const EntityEvidence& corpus) const;

  private:
    const Catalog* catalog_;
};

}  // namespace reel
