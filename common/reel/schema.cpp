#include "reel/schema.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace reel::schema {

namespace {

constexpr std::size_t kMaxTermBytes = 240;

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string bounded(std::string_view prefix, std::string_view value) {
    std::string t(prefix);
    if (prefix.size() + value.size() <= kMaxTermBytes) {
        t += value;
        return t;
    }
    std::string suffix = fmt::format("#{:016x}", fnv1a(value));
    std::size_t keep = kMaxTermBytes - prefix.size() - suffix.size();
    // Do not cut a UTF-8 sequence in half.
    while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;
    t += value.substr(0, keep);
    t += suffix;
    return t;
}

}  // namespace

std::string term(std::string_view prefix, std::string_view value) {
    return bounded(prefix, value);
}

std::string source_file_term(std::string_view path) {
    return fmt::format("{}{:016x}", kSourceFile, fnv1a(path));
}

std::string metadata_key(std::string_view prefix, std::string_view value) {
    return bounded(prefix, value);
}

}  // namespace reel::schema
