#include "reel/encoding.hpp"

#include <algorithm>

#include "reel/errors.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

std::string utf16_to_utf8(std::string_view in, bool little_endian) {
    std::string out;
    out.reserve(in.size());
    auto unit = [&](std::size_t i) -> char32_t {
        auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
        return little_endian ? (b << 8 | a) : (a << 8 | b);
    };
    for (std::size_t i = 0; i + 1 < in.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < in.size()) {
            char32_t lo = unit(i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

}  // namespace

std::string bytes_to_text(std::string bytes, std::vector<std::string>& notes) {
    std::string_view v = bytes;
    // No note: UTF-16 with a byte-order mark is how Windows tools save Unicode text, read
    // without doubt. Noted, every such file made a warning and exit status 1 ("repaired").
    if (starts_with_utf16_bom(v)) return utf16_to_utf8(v.substr(2), v[0] == '\xFF');
    drop_utf8_bom(bytes);

    std::size_t sample = std::min<std::size_t>(bytes.size(), 8192);
    std::size_t odd = 0;
    for (std::size_t i = 0; i < sample; ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) ++odd;
    }
    if (sample > 0 && odd * 10 > sample) throw InputError("binary content, not text");
    if (bytes.find('\0') != std::string::npos) {
        std::erase(bytes, '\0');
        notes.push_back("NUL bytes removed");
    }
    return bytes;
}

}  // namespace reel
