#include "reel/unicode.hpp"

#include <xapian.h>

#include <algorithm>
#include <array>

namespace reel {

namespace {

// Windows-1252's 0x80-0x9F block; the rest of the byte range maps to Latin-1 unchanged.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

char32_t cp1252(unsigned char b) {
    if (b >= 0x80 && b < 0xA0) return kCp1252High[b - 0x80];
    return b;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
    auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    std::size_t len;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    char32_t cp = b0 & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Base letters for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), lower case.
// Multi-letter folds (æ, œ, ß, þ) are handled in append_folded.
constexpr std::string_view kLatinBase =
    // U+00C0..U+00FF
    "aaaaaaaceeeeiiii"
    "dnooooo*ouuuuyts"
    "aaaaaaaceeeeiiii"
    "dnooooo/ouuuuyty"
    // U+0100..U+017F
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "iijjjjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oooorrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

// Letters beyond Latin Extended-A that fold to another: accents dropped and case lowered in
// Vietnamese ("Nguyễn"), Greek ("Κύθηρα") and Cyrillic ("Рублёв"), as for Latin-1 letters.
struct Fold {
    char16_t from, to;
};
constexpr Fold kFolds[] = {
#include "reel/unicode_folds.inc"
};

// The letter `cp` folds to by kFolds, or `cp` itself.
char32_t table_fold(char32_t cp) {
    auto it = std::lower_bound(std::begin(kFolds), std::end(kFolds), cp,
                               [](const Fold& f, char32_t c) { return f.from < c; });
    return it != std::end(kFolds) && it->from == cp ? it->to : cp;
}

// Combining Diacritical Marks and their supplements (U+0300..U+036F, U+1AB0..U+1AFF,
// U+1DC0..U+1DFF, U+20D0..U+20FF, U+FE20..U+FE2F): the accents of decomposed Latin, Greek and
// Cyrillic letters. Other scripts' combining marks (kana voicing, Indic vowel signs) are letters
// of their own and stay.
bool is_combining_diacritic(char32_t cp) {
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Whether Unicode calls `cp` a letter, a mark or a decimal digit.
bool is_unicode_letter_or_digit(char32_t cp) {
    switch (Xapian::Unicode::get_category(static_cast<unsigned>(cp))) {
        case Xapian::Unicode::UPPERCASE_LETTER:
        case Xapian::Unicode::LOWERCASE_LETTER:
        case Xapian::Unicode::TITLECASE_LETTER:
        case Xapian::Unicode::MODIFIER_LETTER:
        case Xapian::Unicode::OTHER_LETTER:
        case Xapian::Unicode::NON_SPACING_MARK:
        case Xapian::Unicode::ENCLOSING_MARK:
        case Xapian::Unicode::COMBINING_SPACING_MARK:
        case Xapian::Unicode::DECIMAL_DIGIT_NUMBER:
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string repair_utf8(std::string_view in, bool* repaired) {
    std::string out;
    out.reserve(in.size());
    bool changed = false;
    for (std::size_t i = 0; i < in.size();) {
        std::size_t len = valid_sequence_length(in, i);
        if (len > 0) {
            out.append(in.data() + i, len);
            i += len;
        } else {
            append_utf8(out, cp1252(static_cast<unsigned char>(in[i])));
            changed = true;
            ++i;
        }
    }
    if (repaired) *repaired = changed;
    return out;
}

char32_t next_code_point(std::string_view s, std::size_t& pos) {
    auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
    if (pos + len > s.size()) {  // only reachable on invalid input: consume the rest
        pos = s.size();
        return 0xFFFD;
    }
    char32_t cp = b0 & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[pos + k] & 0x3F);
    pos += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void append_folded(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return;
    }
    // "Amélie" typed in decomposed form (NFD: an "e" then a combining acute, as macOS and some
    // keyboards write it) must fold as the precomposed "é" does, to a plain "e".
    if (is_combining_diacritic(cp)) return;
    // Fullwidth forms of ASCII ("ＡＭＥＬＩＥ", "２０１４"), as East Asian keyboards type Latin
    // letters and digits, are those letters and digits.
    if (cp >= 0xFF01 && cp <= 0xFF5E) return append_folded(out, cp - 0xFEE0);
    if (cp >= 0x180) {
        cp = table_fold(cp);  // may land on ASCII ("ễ") or on Latin-1 ("ẞ" to "ß", then "ss")
        if (cp < 0x80) {
            out += static_cast<char>(cp);
            return;
        }
    }
    switch (cp) {
        case 0xC6:
        case 0xE6:
            out += "ae";
            return;
        case 0xDF:
            out += "ss";
            return;
        case 0xDE:
        case 0xFE:
            out += "th";
            return;
        case 0x152:
        case 0x153:
            out += "oe";
            return;
        case 0x132:
        case 0x133:
            out += "ij";
            return;
        // Typographic ligatures, as text copied from a PDF (a press kit, a festival catalogue)
        // holds them: "ﬁlm" is "film".
        case 0xFB00:
            out += "ff";
            return;
        case 0xFB01:
            out += "fi";
            return;
        case 0xFB02:
            out += "fl";
            return;
        case 0xFB03:
            out += "ffi";
            return;
        case 0xFB04:
            out += "ffl";
            return;
        case 0xFB05:
        case 0xFB06:
            out += "st";
            return;
        default:
            break;
    }
    if (cp >= 0xC0 && cp <= 0x17F) {
        char base = kLatinBase[cp - 0xC0];
        if (base != '*' && base != '/') {
            out += base;
            return;
        }
    }
    append_utf8(out, cp);
}

std::string fold(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        // ASCII, nearly all text, goes a run at a time: appended whole, then lower-cased in
        // place, rather than a character at a time through the string's checks.
        std::size_t end = i;
        while (end < utf8.size() && static_cast<unsigned char>(utf8[end]) < 0x80) ++end;
        if (end > i) {
            std::size_t from = out.size();
            out.append(utf8.substr(i, end - i));
            char* p = out.data() + from;
            for (std::size_t k = 0; k < end - i; ++k) {
                char c = p[k];
                p[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
            }
            i = end;
        } else {
            append_folded(out, next_code_point(utf8, i));
        }
    }
    return out;
}

bool is_letter_or_digit(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0xC0 && cp <= 0x24F) return true;     // Latin letters
    if (cp >= 0x370 && cp <= 0x52F) return true;    // Greek, Cyrillic
    if (cp >= 0x1E00 && cp <= 0x1FFF) return true;  // Vietnamese, polytonic Greek
    if (cp >= 0x3040 && cp <= 0x9FFF) return true;  // kana, CJK
    if (cp >= 0xAC00 && cp <= 0xD7AF) return true;  // Hangul
    // A combining accent belongs to the letter before: "Z" + U+0307 + "uławski" is one word.
    if (is_combining_diacritic(cp)) return true;
    // Other scripts (Armenian, Hebrew, Arabic, Indic, Thai...): Unicode's letters, marks (vowel
    // signs and points, part of their word) and digits. Without them a title written only in
    // one of these scripts had no key, and film:קדוש no words to search for.
    if (cp >= 0x530) return is_unicode_letter_or_digit(cp);
    return false;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes;
    // Back to the first byte of the character the cut falls in (at most three continuations).
    for (int k = 0; k < 3 && end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80; ++k)
        --end;
    return s.substr(0, end);
}

std::string printable(std::string_view text) {
    std::string out;
    for (char c : repair_utf8(text)) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

bool is_unspaced_script(char32_t cp) {
    // The union of the ranges Xapian 1.4's releases n-gram: Thai, Hangul Jamo, CJK radicals to
    // ideographs, Hangul syllables, compatibility forms and the supplementary ideographs.
    return (cp >= 0x0E00 && cp <= 0x0E7F) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3000 && cp <= 0x9FFF) ||
           (cp >= 0xA700 && cp <= 0xA71F) || (cp >= 0xA960 && cp <= 0xA97F) ||
           (cp >= 0xAC00 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x20000 && cp <= 0x2FA1F);
}

char32_t unspaced_script_at(std::string_view s, std::size_t pos, std::size_t& next) {
    next = pos;
    // Every such script lies above U+0DFF, written in three or four bytes.
    if (static_cast<unsigned char>(s[pos]) < 0xE0) {
        ++next;
        return 0;
    }
    char32_t cp = next_code_point(s, next);
    return is_unspaced_script(cp) ? cp : 0;
}

bool has_unspaced_script(std::string_view s) {
    for (std::size_t i = 0, next; i < s.size(); i = next) {
        if (unspaced_script_at(s, i, next)) return true;
    }
    return false;
}

}  // namespace reel
