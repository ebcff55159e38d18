// Phrase and NEAR queries over body words, run against each review's word sequence
// (word_sequence.hpp), and entity phrases, run against its entity names, because neither body
// nor entity words have positions in the index.
#pragma once

#include <xapian.h>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace reel {

using SharedHashes = std::unordered_set<std::uint32_t>;

// Does the query hold a PHRASE or NEAR over body words?
bool has_body_phrases(const Xapian::Query& query);

// Rewrites each PHRASE or NEAR over body words into an AND of its words (which ranks as the
// phrase did) filtered by a posting source that checks the words' order in each candidate.
// Phrases over title: and author: terms are left to Xapian's positions; entity phrases are
// built by entity_phrase.
// `shared` are the word hashes that more than one word of the database has.
Xapian::Query check_body_phrases(const Xapian::Query& query,
                                 std::shared_ptr<const SharedHashes> shared);

// The query's body phrases again, each with one word in its possessive (possessive_of), for
// snippets: a phrase matches "New York's" (check_body_phrases), and Xapian's snippet marks and
// prefers a passage only where its phrase stands as the query wrote it.
std::vector<Xapian::Query> possessive_phrases(const Xapian::Query& query);

// An entity phrase (person:"jk simmons", or one word: person:simmons): the reviews with the
// words in a row within one name in the entity `slot` (schema.hpp), since entity words have no
// positions. A word is the review's body term or its term under `prefix` (since schema 4 only
// where the body lacks the word; schema 3 has both). It ranks as OP_PHRASE did: by the words'
// weights.
Xapian::Query entity_phrase(const std::vector<std::string>& words, std::string_view prefix,
                            Xapian::valueno slot);

// Whether one of the names in an entity slot's value holds `words` in a row; with
// `skip_initials` (people), initials between them may be left out.
bool names_hold(std::string_view names, const std::vector<std::string>& words,
                bool skip_initials = false);

}  // namespace reel
