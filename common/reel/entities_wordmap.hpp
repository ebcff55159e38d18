// A small open-addressing map keyed by words: the lexicon, cue and evidence tables are read for
// nearly every capitalised word of every review, so lookups must not chase list nodes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace reel::entities {

template <typename V>
class WordMap {
  public:
    WordMap() : slots_(16) {}

    // The value for `word`, value-initialised when new.
    V& operator[](std::string_view word) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        std::uint64_t h = hash(word);
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& slot = slots_[i];
            if (slot.len == kEmpty) {
                slot.hash = h;
                slot.offset = static_cast<std::uint32_t>(pool_.size());
                slot.len = static_cast<std::uint32_t>(word.size());
                pool_.append(word);
                ++count_;
                return slot.value;
            }
            if (slot.hash == h && same(slot, word)) return slot.value;
        }
    }

    const V* find(std::string_view word) const {
        std::uint64_t h = hash(word);
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.len == kEmpty) return nullptr;
            if (slot.hash == h && same(slot, word)) return &slot.value;
        }
    }

    std::size_t size() const { return count_; }

  private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;
        std::uint32_t len = kEmpty;
        V value{};
    };

    // Eight bytes at a time: nearly every word of a review is looked up, most are short, and a
    // byte at a time was a third of a lookup. Short tails are read as two overlapping loads
    // (or three bytes), so no byte-by-byte loop remains. Only lookups see the hash.
    static std::uint64_t hash(std::string_view s) {
        const char* p = s.data();
        std::size_t n = s.size();
        std::uint64_t h = (n + 1) * 0x9E3779B97F4A7C15ull;
        for (; n > 8; p += 8, n -= 8) h = mix(h ^ load<std::uint64_t>(p));
        std::uint64_t tail = 0;
        if (n >= 4) {
            tail = load<std::uint32_t>(p) | std::uint64_t{load<std::uint32_t>(p + n - 4)} << 32;
        } else if (n > 0) {
            tail = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 |
                   static_cast<unsigned char>(p[n - 1]) << 16;
        }
        h = mix(h ^ tail);
        return h ^ (h >> 29);
    }
    static std::uint64_t mix(std::uint64_t h) {
        h *= 0xBF58476D1CE4E5B9ull;
        return h ^ (h >> 31);
    }
    template <typename T>
    static T load(const char* p) {
        T v;
        std::memcpy(&v, p, sizeof v);
        return v;
    }

    // Whether the slot's key is `word`. Slots only point into the pool: no bounds check needed.
    bool same(const Slot& slot, std::string_view word) const {
        return slot.len == word.size() &&
               equal(pool_.data() + slot.offset, word.data(), word.size());
    }
    // Inline, the way hash() reads: nearly every lookup that gets here is a hit on a short
    // word, and a call to memcmp cost more than the comparison.
    static bool equal(const char* a, const char* b, std::size_t n) {
        if (n >= 8) {
            for (; n > 8; a += 8, b += 8, n -= 8) {
                if (load<std::uint64_t>(a) != load<std::uint64_t>(b)) return false;
            }
            return load<std::uint64_t>(a + n - 8) == load<std::uint64_t>(b + n - 8);
        }
        if (n >= 4) {
            return load<std::uint32_t>(a) == load<std::uint32_t>(b) &&
                   load<std::uint32_t>(a + n - 4) == load<std::uint32_t>(b + n - 4);
        }
        for (std::size_t k = 0; k < n; ++k) {
            if (a[k] != b[k]) return false;
        }
        return true;
    }

    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        std::size_t mask = slots_.size() - 1;
        for (Slot& s : old) {
            if (s.len == kEmpty) continue;
            std::size_t i = s.hash & mask;
            while (slots_[i].len != kEmpty) i = (i + 1) & mask;
            slots_[i] = std::move(s);
        }
    }

    std::vector<Slot> slots_;
    std::string pool_;
    std::size_t count_ = 0;
};

// Words mapped to bit sets.
template <typename Bits>
class WordBits {
  public:
    void add(std::string_view word, Bits bits) { map_[word] |= bits; }
    Bits get(std::string_view word) const {
        const Bits* b = map_.find(word);
        return b ? *b : Bits{0};
    }

  private:
    WordMap<Bits> map_;
};

}  // namespace reel::entities
