// Entity extraction over arbitrary reviews: the input is read as Markdown (so front matter and
// *emphasis* cues reach the extractor), observed, then extracted with its own evidence.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "check_review.hpp"
#include "reel/entities.hpp"
#include "reel/errors.hpp"
#include "reel/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const reel::EntityExtractor extractor;
    std::vector<std::string> warnings;
    reel::Review review;
    try {
        review = reel::parse_markdown({reinterpret_cast<const char*>(data), size}, warnings);
    } catch (const reel::InputError&) {
        return 0;
    }
    reel::EntityEvidence evidence = extractor.observe(review);
    // The round trip the indexer makes when it saves evidence between runs.
    evidence = reel::EntityEvidence::unserialise(evidence.serialise());
    reel::ExtractedEntities found = extractor.extract(review, evidence);
    for (const auto* list : {&found.people, &found.films}) {
        for (const reel::Entity& e : *list) {
            if (!reel::fuzz::valid_utf8(e.name) || !reel::fuzz::valid_utf8(e.key)) std::abort();
        }
    }
    return 0;
}
