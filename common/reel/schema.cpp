#include "reel/schema.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "reel/unicode.hpp"

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
    // Not a UTF-8 sequence cut in half.
    t += utf8_prefix(value, kMaxTermBytes - prefix.size() - suffix.size());
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
