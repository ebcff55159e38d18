// Phrase and NEAR queries over body words, run against each review's word sequence
// (word_sequence.hpp) because body words have no positions in the index.
#pragma once

#include <xapian.h>
#include <cstdint>
#include <memory>
#include <unordered_set>

namespace reel {

using SharedHashes = std::unordered_set<std::uint32_t>;

// Does the query hold a PHRASE or NEAR over body words?
bool has_body_phrases(const Xapian::Query& query);

// Rewrites each PHRASE or NEAR over body words into an AND of its words (which ranks as the
// phrase did) filtered by a posting source that checks the words' order in each candidate.
// Phrases over field terms (title:, author:, person:, film:) are left to Xapian's positions.
// `shared` are the word hashes that more than one word of the database has.
Xapian::Query check_body_phrases(const Xapian::Query& query,
                                 std::shared_ptr<const SharedHashes> shared);

}  // namespace reel
