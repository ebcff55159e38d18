// Turns a review and its entities into a Xapian document following schema.hpp.
#pragma once

#include <xapian.h>
#include <string>
#include <utility>
#include <vector>

#include "reel/entities.hpp"
#include "reel/review.hpp"
#include "reel/stem_forms.hpp"
#include "reel/term_fingerprints.hpp"
#include "reel/word_sequence.hpp"

namespace reel {

// Not thread-safe: use one per thread.
class DocumentBuilder {
  public:
    DocumentBuilder();

    // `synonyms` receives the stem forms (stem_forms.hpp) of words this builder has not seen
    // before: each word is indexed once, unstemmed, which halves the postings compared with
    // Xapian's default STEM_SOME indexing.
    Xapian::Document build(const Review& review, const ExtractedEntities& entities,
                           std::vector<StemSynonym>& synonyms);

  private:
    void index_field(const std::string& text, std::string_view prefix);

    BodyIndexer body_;
    Xapian::TermGenerator termgen_;
    // What termgen_ points at between documents (see build()).
    Xapian::Document no_document_;
    Xapian::Stem stemmer_;
    TermFingerprints seen_terms_;
};

}  // namespace reel
