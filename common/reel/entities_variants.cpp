#include "reel/entities_variants.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace reel::entities {

namespace {

// A misspelling needs this many times the sightings of the spelling it is taken for.
constexpr std::uint32_t kMisspeltRatio = 3;
constexpr std::uint32_t kMisspeltMinHead = 5;

// The words of a key that are not initials: "darryl f zanuck" -> darryl, zanuck.
std::vector<std::string_view> core_words(std::string_view key) {
    std::vector<std::string_view> out;
    std::size_t b = 0;
    while (b < key.size()) {
        std::size_t e = key.find(' ', b);
        if (e == std::string_view::npos) e = key.size();
        if (e - b > 1) out.push_back(key.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

// Whether `rare` reads as a slip for `known`: the same words but one, which starts the same and
// is a letter or two away ("cassavettes", "van" for "von", "micheal").
bool misspelling(const std::vector<std::string_view>& rare,
                 const std::vector<std::string_view>& known, const Lexicon& lx) {
    if (rare.size() != known.size()) return false;
    std::size_t differ = rare.size();
    for (std::size_t i = 0; i < rare.size(); ++i) {
        if (rare[i] == known[i]) continue;
        if (differ != rare.size()) return false;
        differ = i;
    }
    if (differ == rare.size()) return false;
    std::string_view a = rare[differ], b = known[differ];
    std::size_t shorter = std::min(a.size(), b.size());
    if (shorter < 3 || a[0] != b[0]) return false;
    // "Tim"/"Tom", "Jean"/"Joan": short given names that differ are different people.
    if (differ == 0 && shorter < 6 && lx.first_names.contains(a) && lx.first_names.contains(b))
        return false;
    std::size_t allowed = shorter >= 6 && a[1] == b[1] ? 2 : 1;
    return spelling_distance(a, b, allowed) <= allowed;
}

// A block of heads: a word and the first two letters of another. Blocks only gather candidates
// that are then compared in full, so two blocks sharing a hash cost a comparison, not an error.
std::uint64_t block_of(std::string_view word, std::string_view other) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    auto mix = [&](char c) { h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; };
    for (char c : word) mix(c);
    mix('|');
    for (char c : other.substr(0, 2)) mix(c);
    return h;
}

}  // namespace

std::size_t spelling_distance(std::string_view a, std::string_view b, std::size_t max) {
    constexpr std::size_t kLongest = 40;
    if (a.size() > kLongest || b.size() > kLongest) return a == b ? 0 : max + 1;
    std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (gap > max) return max + 1;
    // Optimal string alignment: edits plus swaps of neighbours ("Micheal").
    std::array<std::array<std::size_t, kLongest + 1>, 3> row{};
    for (std::size_t j = 0; j <= b.size(); ++j) row[1][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        auto& cur = row[(i + 1) % 3];
        const auto& prev = row[i % 3];
        const auto& prev2 = row[(i + 2) % 3];
        cur[0] = i;
        std::size_t best = cur[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d = std::min(d, prev2[j - 2] + 1);
            cur[j] = d;
            best = std::min(best, d);
        }
        if (best > max) return max + 1;
    }
    std::size_t d = row[(a.size() + 1) % 3][b.size()];
    return d > max ? max + 1 : d;
}

PersonVariants find_person_variants(std::vector<KeyCount> people, const Lexicon& lexicon) {
    // Best-known first, so that every key meets the heads it could join before itself.
    std::sort(people.begin(), people.end(), [](const KeyCount& a, const KeyCount& b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    struct Head {
        std::string_view key;
        std::uint32_t count;
        std::vector<std::string_view> core;
    };
    std::vector<Head> heads;
    // Heads by first word and the start of the last, and the other way round: a misspelling
    // keeps one of the two whole and the start of the other.
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> blocks;
    // Heads by their words: no two heads share them (the second would have joined the first).
    std::unordered_map<std::string, std::size_t> head_by_core;
    // Heads by their letters, spaces left out: "Robert DeNiro" and "Robert De Niro", "Jean
    // Claude Van Damme" and "Jean-Claude VanDamme" are one name spaced two ways.
    std::unordered_map<std::string, std::size_t> head_by_letters;
    PersonVariants out;
    for (const KeyCount& p : people) {
        std::vector<std::string_view> core = core_words(p.key);
        if (core.size() < 2) continue;
        std::uint64_t blocks_of[2] = {block_of(core.front(), core.back()),
                                      block_of(core.back(), core.front())};
        std::string joined;
        for (std::string_view w : core) (joined += w) += ' ';
        auto same_core = head_by_core.find(joined);
        const Head* same_head =
            same_core == head_by_core.end() ? nullptr : &heads[same_core->second];
        // Only the best-known heads of a block can have a misspelling join them; past those,
        // only the head with the same words (in both blocks) can match, so a block of thousands
        // of rare names is not walked for each.
        std::uint32_t slip_from = std::max(kMisspeltRatio * p.count, kMisspeltMinHead);
        const Head* best = nullptr;
        bool misspelt = false;
        for (std::uint64_t b : blocks_of) {
            auto it = blocks.find(b);
            if (it == blocks.end()) continue;
            bool stopped = false, matched = false;
            for (std::size_t h : it->second) {
                const Head& head = heads[h];
                if (head.count < slip_from) break;
                if (best && best->count >= head.count) {  // listed best-known first
                    stopped = true;
                    break;
                }
                bool same = &head == same_head;  // only initials differ
                if (same || misspelling(core, head.core, lexicon)) {
                    best = &head;
                    misspelt = !same;
                    matched = true;
                    break;
                }
            }
            if (!stopped && !matched && same_head && same_head->count < slip_from &&
                !(best && best->count >= same_head->count)) {
                best = same_head;
                misspelt = false;
            }
        }
        std::string letters;  // only wanted when no head matched above
        if (!best) {
            for (std::string_view w : core) letters += w;
            if (auto spaced = head_by_letters.find(letters); spaced != head_by_letters.end()) {
                best = &heads[spaced->second];
                misspelt = true;
            }
        }
        if (best) {
            out.head[p.key] = std::string(best->key);
            if (misspelt) out.misspelt[p.key] = std::string(best->key);
            continue;
        }
        head_by_letters.emplace(std::move(letters), heads.size());
        head_by_core.emplace(std::move(joined), heads.size());
        heads.push_back(Head{p.key, p.count, std::move(core)});
        for (std::uint64_t b : blocks_of) blocks[b].push_back(heads.size() - 1);
    }
    return out;
}

}  // namespace reel::entities
