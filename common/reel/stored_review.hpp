// What each document's data holds: the review's metadata, its entities and its text (for
// snippets), as one JSON object. Both binaries go through these two functions.
#pragma once

#include <string>
#include <string_view>

#include "reel/entities.hpp"
#include "reel/review.hpp"

namespace reel {

struct StoredReview {
    Review review;  // emphasis spans included (none in databases before schema 5)
    ExtractedEntities entities;
};

std::string encode_document_data(const Review& review, const ExtractedEntities& entities);

// Throws InputError on data that is not reel's (a database written by something else).
StoredReview decode_document_data(std::string_view data);

}  // namespace reel
