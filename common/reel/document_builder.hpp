// Turns a review and its entities into a Xapian document following schema.hpp.
#pragma once

#include <xapian.h>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "reel/entities.hpp"
#include "reel/review.hpp"

namespace reel {

// Stemmed search without stemmed postings: each word is indexed once, unstemmed, with
// positions (so phrases stay exact), and the synonym table maps "Z" + prefix + stem to the
// forms seen, which QueryParser's auto-synonyms expand at query time. Halves the postings the
// writer must hold compared with Xapian's default STEM_SOME indexing.
struct StemSynonym {
    std::string key;   // "Z" + prefix + stem
    std::string term;  // prefix + word
};

// Not thread-safe: use one per thread.
class DocumentBuilder {
  public:
    DocumentBuilder();

    // `synonyms` receives the stem synonyms of words this builder has not seen before.
    Xapian::Document build(const Review& review, const ExtractedEntities& entities,
                           std::vector<StemSynonym>& synonyms);

  private:
    void index_field(const std::string& text, std::string_view prefix);

    Xapian::TermGenerator termgen_;
    Xapian::Stem stemmer_;
    std::unordered_set<std::string> seen_terms_;
};

}  // namespace reel
