// The index schema: term prefixes, value slots and query field names. reel-index writes and
// reel-search reads through these names only, so the two agree by construction.
//
// Prefixes follow Xapian omega's conventions where one exists (S title, A author, P path, Y year)
// and use X... for reel's own fields. There is no Q unique-id term: a review is found by its file
// (P) and record number (document data), which keeps two long terms per document out of the index.
#pragma once

#include <xapian.h>
#include <string>
#include <string_view>

namespace reel::schema {

// Boolean terms (no positions, wdf 0).
inline constexpr std::string_view kUniqueId = "Q";     // Q + review id
inline constexpr std::string_view kSourceFile = "P";   // P + source path: all records of a file
inline constexpr std::string_view kYear = "Y";         // Y + year, for year:2014
inline constexpr std::string_view kPersonKey = "XPK";  // XPK + person_key: exact person
inline constexpr std::string_view kFilmKey = "XFK";    // XFK + film_key: exact film

// Free-text terms. Body words have no prefix and no positions (word_sequence.hpp); titles and
// authors keep theirs. Entity words have none either, and get a term only where the review's
// body lacks the word: person:simmons is the body's "simmons" or XPsimmons, checked against the
// names in kPeopleSlot (kFilmsSlot for film:), as is a phrase of them (person:"jk simmons").
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kAuthor = "A";
inline constexpr std::string_view kPersonWord = "XP";  // words of person keys not in the body
inline constexpr std::string_view kFilmWord = "XF";    // words of film keys not in the body

// Value slots.
inline constexpr Xapian::valueno kRatingSlot = 0;  // sortable_serialise(rating 0-10)
inline constexpr Xapian::valueno kYearSlot = 1;    // sortable_serialise(year)
inline constexpr Xapian::valueno kDateSlot = 2;    // "YYYYMMDD"
// People and films: one line per entity ('\n'-separated), its key and then, '\t'-separated,
// each spelling it was found as that adds words to the key's (as words, like keys): facets
// count the keys, phrases of entity words match within one key or spelling.
inline constexpr Xapian::valueno kPeopleSlot = 3;
inline constexpr Xapian::valueno kFilmsSlot = 4;
inline constexpr Xapian::valueno kWordsSlot = 5;  // body words in order (word_sequence.hpp)

// Metadata keys.
inline constexpr std::string_view kFileSignaturePrefix = "F";  // F + path hash → signature, path
inline constexpr std::string_view kEntityPrefix = "E";         // E + kind + key → catalogue entry
inline constexpr std::string_view kEvidenceKey = "reel:evidence";
inline constexpr std::string_view kSharedHashesKey = "reel:shared-word-hashes";
inline constexpr std::string_view kSchemaVersionKey = "reel:schema";
// 2: body words have no positions; phrases use kWordsSlot.
// 3: entity words have no positions; the entity slots hold spellings as well as keys.
// 4: entity words that are body words of the review have no term of their own.
// 5: a document's data may hold its emphasis spans (stored_review.cpp), which readers of
//    schema 4 took for data not written by reel.
inline constexpr std::string_view kSchemaVersion = "5";

// Query field names (QueryParser prefixes): "film:", "person:", "author:", "title:", "rating:",
// "year:", "date:".
inline constexpr std::string_view kFilmField = "film";
inline constexpr std::string_view kPersonField = "person";
inline constexpr std::string_view kAuthorField = "author";
inline constexpr std::string_view kTitleField = "title";
inline constexpr std::string_view kRatingField = "rating";
inline constexpr std::string_view kYearField = "year";
inline constexpr std::string_view kDateField = "date";

// Xapian terms are limited to about 245 bytes; longer values (deep paths) are cut and given a
// hash suffix so they stay unique.
std::string term(std::string_view prefix, std::string_view value);

// The term shared by all documents from one source file: P + a 64-bit hash of the path, as
// paths are long and only ever looked up, never listed (metadata keeps the paths).
std::string source_file_term(std::string_view path);

// Key of a metadata entry; metadata keys have the same length limit as terms.
std::string metadata_key(std::string_view prefix, std::string_view value);

}  // namespace reel::schema
