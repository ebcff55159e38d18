#include "reel/term_fingerprints.hpp"

namespace reel {

namespace {

// FNV-1a, then a final mix so that the low bits used as the slot index depend on every byte.
std::uint64_t fingerprint(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h == 0 ? 1 : h;
}

}  // namespace

bool TermFingerprints::insert(std::string_view term) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    std::uint64_t f = fingerprint(term);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = f & mask;; i = (i + 1) & mask) {
        if (slots_[i] == f) return false;
        if (slots_[i] == 0) {
            slots_[i] = f;
            ++used_;
            return true;
        }
    }
}

void TermFingerprints::grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    std::size_t mask = slots_.size() - 1;
    for (std::uint64_t f : old) {
        if (f == 0) continue;
        std::size_t i = f & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = f;
    }
}

}  // namespace reel
