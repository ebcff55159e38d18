#include "reel/html_entities.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "reel/unicode.hpp"

namespace reel {

namespace {

// The named references that occur in real review pages; sorted by name for binary search.
constexpr std::array<std::pair<std::string_view, char32_t>, 62> kNamed = {{
    {"AElig", 0xC6},   {"Aacute", 0xC1},  {"Agrave", 0xC0},  {"Auml", 0xC4},    {"Ccedil", 0xC7},
    {"Eacute", 0xC9},  {"Egrave", 0xC8},  {"Iacute", 0xCD},  {"Ntilde", 0xD1},  {"Oacute", 0xD3},
    {"Ouml", 0xD6},    {"Uuml", 0xDC},    {"aacute", 0xE1},  {"acirc", 0xE2},   {"aelig", 0xE6},
    {"agrave", 0xE0},  {"amp", '&'},      {"apos", '\''},    {"aring", 0xE5},   {"atilde", 0xE3},
    {"auml", 0xE4},    {"bull", 0x2022},  {"ccedil", 0xE7},  {"copy", 0xA9},    {"eacute", 0xE9},
    {"ecirc", 0xEA},   {"egrave", 0xE8},  {"euml", 0xEB},    {"gt", '>'},       {"hellip", 0x2026},
    {"iacute", 0xED},  {"icirc", 0xEE},   {"iuml", 0xEF},    {"laquo", 0xAB},   {"ldquo", 0x201C},
    {"lsquo", 0x2018}, {"lt", '<'},       {"mdash", 0x2014}, {"middot", 0xB7},  {"nbsp", 0xA0},
    {"ndash", 0x2013}, {"ntilde", 0xF1},  {"oacute", 0xF3},  {"ocirc", 0xF4},   {"oslash", 0xF8},
    {"ouml", 0xF6},    {"quot", '"'},     {"raquo", 0xBB},   {"rdquo", 0x201D}, {"reg", 0xAE},
    {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"shy", 0xAD},     {"szlig", 0xDF},   {"trade", 0x2122},
    {"uacute", 0xFA},  {"ucirc", 0xFB},   {"ugrave", 0xF9},  {"uuml", 0xFC},    {"yacute", 0xFD},
    {"yuml", 0xFF},    {"zwnj", 0x200C},
}};

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

bool decode_html_entity(std::string_view in, std::size_t& pos, std::string& out) {
    std::size_t i = pos + 1;
    char32_t cp = 0;
    if (i < in.size() && in[i] == '#') {
        ++i;
        int base = 10;
        if (i < in.size() && (in[i] == 'x' || in[i] == 'X')) {
            base = 16;
            ++i;
        }
        std::size_t start = i;
        while (i < in.size() && i - start < 8) {
            char c = in[i];
            int d = (c >= '0' && c <= '9')               ? c - '0'
                    : base == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : base == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                         : -1;
            if (d < 0) break;
            cp = cp * base + d;
            ++i;
        }
        if (i == start) return false;
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    } else {
        std::size_t start = i;
        while (i < in.size() && i - start < 10 && is_alnum(in[i])) ++i;
        std::string_view name = in.substr(start, i - start);
        auto it = std::lower_bound(kNamed.begin(), kNamed.end(), name,
                                   [](const auto& e, std::string_view n) { return e.first < n; });
        if (name.empty() || it == kNamed.end() || it->first != name) return false;
        cp = it->second;
    }
    if (i < in.size() && in[i] == ';') ++i;
    append_utf8(out, cp);
    pos = i;
    return true;
}

std::string decode_html_entities(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        if (in[i] == '&' && decode_html_entity(in, i, out)) continue;
        out += in[i++];
    }
    return out;
}

}  // namespace reel
