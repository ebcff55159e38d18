// A set of terms kept as 64-bit fingerprints in one open-addressed table: the indexer asks it
// once per term per document whether a word is new, and a node-based set of strings cost three
// cache misses per question (5% of indexing time on the aclImdb reviews).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace reel {

class TermFingerprints {
  public:
    // Adds the term; false if it was already there. Two terms share a fingerprint with odds
    // of about one in 10^13 per term for a million terms; the cost of that is one missing stem
    // synonym.
    bool insert(std::string_view term);
    std::size_t size() const { return used_; }

  private:
    void grow();

    std::vector<std::uint64_t> slots_;  // 0: empty
    std::size_t used_ = 0;
};

}  // namespace reel
