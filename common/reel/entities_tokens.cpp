#include "reel/entities_tokens.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "reel/unicode.hpp"

namespace reel::entities {

namespace {

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
    if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
    if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
    if (cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D) return true;
    if (cp >= 0x391 && cp <= 0x3A9) return true;
    return cp >= 0x400 && cp <= 0x42F;
}

// Letters of scripts without case (kana, CJK, Hangul) count as neither upper nor lower.
bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return cp < 0x2E80 && is_letter_or_digit(cp) && !is_upper(cp);
}

bool is_digit(char32_t cp) {
    return cp >= '0' && cp <= '9';
}

// The code point at `pos` (0 past the end); `len` gets its length. ASCII takes no decoding.
inline char32_t peek(std::string_view s, std::size_t pos, std::size_t* len = nullptr) {
    if (pos >= s.size()) {
        if (len) *len = 0;
        return 0;
    }
    auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
        if (len) *len = 1;
        return b;
    }
    std::size_t next = pos;
    char32_t cp = next_code_point(s, next);
    if (len) *len = next - pos;
    return cp;
}

inline bool is_word_cp(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return is_letter_or_digit(cp);
}

// The end of the run of ASCII letters and digits from `j`, adding its upper-case letters to
// `upper` (only "two or more" matters: an eight-byte step adds at most two) and noting any
// lower-case one. Eight bytes at a time, without a branch per byte: a word's length is as good
// as random, and a loop over its bytes mispredicted its exit on nearly every word.
inline std::size_t ascii_run(std::string_view t, std::size_t j, int& upper, bool& lower) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    // High bit of each byte whose 7-bit value is at least c (no byte carries into the next).
    auto at_least = [](std::uint64_t v, unsigned char c) { return v + kOnes * (0x80 - c); };
    const std::size_t n = t.size();
    if constexpr (std::endian::native == std::endian::little) {
        for (; j + 8 <= n; j += 8) {
            std::uint64_t x;
            std::memcpy(&x, t.data() + j, 8);
            std::uint64_t v = x & ~kHigh;
            std::uint64_t ascii = ~x & kHigh;
            // Setting bit 5 lower-cases ASCII letters; bit 5 itself tells upper from lower.
            std::uint64_t w = v | (kOnes * 0x20);
            std::uint64_t letter = at_least(w, 'a') & ~at_least(w, 'z' + 1) & ascii;
            std::uint64_t digit = at_least(v, '0') & ~at_least(v, '9' + 1) & ascii;
            std::uint64_t stop = (letter | digit) ^ kHigh;
            std::uint64_t up = letter & ~(x << 2);
            std::uint64_t lo = letter & (x << 2);
            std::uint64_t keep = stop ? (stop & -stop) - 1 : ~std::uint64_t{0};  // bytes before
            up &= keep;
            upper += (up != 0) + ((up & (up - 1)) != 0);  // popcount is a call without -mpopcnt
            lower |= (lo & keep) != 0;
            if (stop) return j + static_cast<std::size_t>(std::countr_zero(stop)) / 8;
        }
    }
    for (; j < n; ++j) {
        auto b = static_cast<unsigned char>(t[j]);
        if (b >= 'a' && b <= 'z') {
            lower = true;
        } else if (b >= 'A' && b <= 'Z') {
            ++upper;
        } else if (b < '0' || b > '9') {
            break;
        }
    }
    return j;
}

// Lower-case words that, hyphened to a name, say something of it rather than continue it:
// "a Tim Burton-ish fable", "Oscar-nominated Brad Pitt", "a Tarantino-directed script". The
// name ends at the hyphen, or "Tim Burton-ish" was a person of its own (143 person mentions
// carried such an affix in the 50,000 aclImdb reviews).
bool name_affix(std::string_view w) {
    static constexpr std::string_view kAffixes[] = {
        "like",     "esque",     "ish",      "style",     "type",     "based",    "era",
        "inspired", "nominated", "winning",  "winner",    "directed", "produced", "penned",
        "scripted", "helmed",    "starring", "lookalike", "wannabe",  "worthy",   "obsessed",
        "led",      "fronted",   "narrated", "voiced",    "headlined"};
    return std::find(std::begin(kAffixes), std::end(kAffixes), w) != std::end(kAffixes);
}

// The lower-case ASCII word at t[j] if it is a name affix that ends the word there.
bool affix_at(std::string_view t, std::size_t j) {
    std::size_t k = j;
    while (k < t.size() && t[k] >= 'a' && t[k] <= 'z') ++k;
    if (k == j || k - j > 9) return false;
    if (k < t.size()) {
        auto b = static_cast<unsigned char>(t[k]);
        if (b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || b == '-') return false;
    }
    return name_affix(t.substr(j, k - j));
}

// Abbreviations whose dot does not end a sentence ("Mr. Smith", "St. Louis", "vs. Predator").
bool is_abbreviation(std::string_view w) {
    static constexpr std::string_view kAbbrev[] = {
        "Mr",  "Mrs", "Ms",  "Dr",   "St",  "Jr",  "Sr",  "vs",  "Vs",  "Mt",     "Ft",  "Prof",
        "Gen", "Lt",  "Sgt", "Capt", "Col", "Rev", "Gov", "Sen", "Rep", "Messrs", "Mme", "Mlle"};
    return std::find(std::begin(kAbbrev), std::end(kAbbrev), w) != std::end(kAbbrev);
}

// A line that reads as a heading or a list item rather than wrapped prose.
bool heading_like(std::string_view line) {
    std::size_t i = line.find_first_not_of(' ');
    if (i == std::string_view::npos) return true;
    char c = line[i];
    if (c == '#' || c == '-' || c == '*' || c == '>' || c == '|' || c == '=') return true;
    std::size_t last = line.find_last_not_of(' ');
    char e = line[last];
    return line.size() - i < 60 && e != ',' && e != '-';
}

bool list_marker_line(std::string_view rest) {
    std::size_t i = rest.find_first_not_of(' ');
    if (i == std::string_view::npos) return false;
    char c = rest[i];
    return c == '#' || c == '-' || c == '*' || c == '>' || c == '|';
}

// Whether "I." at text[i] is a middle initial: right after a capitalised word (not one opening
// a sentence) and right before another ("Edward I. Koch"). "and I. Then" stays a pronoun.
bool middle_initial_i(std::string_view t, std::size_t i, const std::vector<Token>& before) {
    if (before.empty() || i == 0 || t[i - 1] != ' ') return false;
    const Token& prev = before.back();
    if (prev.kind != TokKind::Word || !(prev.flags & kCap) || (prev.flags & kSentenceStart) ||
        (prev.flags & kAllCaps) || prev.end + 1 != i) {
        return false;
    }
    std::size_t k = i + 2;  // past "I."
    return k + 2 < t.size() && t[k] == ' ' && t[k + 1] >= 'A' && t[k + 1] <= 'Z' &&
           t[k + 2] >= 'a' && t[k + 2] <= 'z';
}

}  // namespace

std::vector<Token> tokenize(std::string_view t, const std::vector<TextSpan>& emphasis) {
    std::vector<Token> out;
    // English prose runs at about one token per five bytes; a little more spares a regrowth.
    out.reserve(t.size() / 4 + 4);
    const std::size_t n = t.size();
    bool space_before = true;
    bool sentence_start = true;
    bool open_single = false;  // a ' opened a quotation that has not closed yet
    std::size_t line_start = 0;

    auto push_break = [&](std::size_t at) {
        if (!out.empty() && out.back().kind == TokKind::Break) return;
        Token b;
        b.begin = b.end = static_cast<std::uint32_t>(at);
        b.kind = TokKind::Break;
        out.push_back(b);
        sentence_start = true;
        open_single = false;
    };

    std::size_t i = 0;
    while (i < n) {
        char c = t[i];
        // Nearly every token starts above ' ': one test spares it the white-space ones.
        bool blank = static_cast<unsigned char>(c) <= ' ';
        if (blank && (c == ' ' || c == '\t' || c == '\r')) {
            space_before = true;
            ++i;
            continue;
        }
        if (blank && c == '\n') {
            std::size_t j = i;
            int newlines = 0;
            std::size_t last_nl = i;
            while (j < n && (t[j] == '\n' || t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) {
                if (t[j] == '\n') {
                    ++newlines;
                    last_nl = j;
                }
                ++j;
            }
            // A single newline inside a paragraph is wrapping; names may continue across it.
            std::size_t line_end = std::min(n, t.find('\n', j));
            if (newlines >= 2 || heading_like(t.substr(line_start, i - line_start)) ||
                list_marker_line(t.substr(j, line_end - j))) {
                push_break(i);
            }
            line_start = last_nl + 1;
            space_before = true;
            i = j;
            continue;
        }
        if (c == '<' && i + 3 < n && (t[i + 1] == 'b' || t[i + 1] == 'B') &&
            (t[i + 2] == 'r' || t[i + 2] == 'R')) {
            std::size_t close = t.find('>', i);
            if (close != std::string_view::npos && close - i <= 8) {
                push_break(i);
                space_before = true;
                i = close + 1;
                continue;
            }
        }

        std::size_t len = 0;
        char32_t cp = peek(t, i, &len);
        Token tok;
        tok.begin = static_cast<std::uint32_t>(i);
        if (space_before) tok.flags |= kSpaceBefore;
        space_before = false;

        if (!is_word_cp(cp)) {
            tok.kind = TokKind::Punct;
            if (cp < 0x80) {
                tok.punct = static_cast<char>(cp);
            } else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2012 || cp == 0x2015) {
                tok.punct = '-';
            } else if (cp == 0x2026) {
                tok.punct = '.';
            } else if (cp == 0xAB || cp == 0xBB) {
                tok.punct = '"';
            } else {
                tok.punct = '~';
            }
            i += len;
            tok.end = static_cast<std::uint32_t>(i);
            char p = tok.punct;
            if (p == '\'') {
                // An apostrophe outside a word opens or closes a quotation.
                bool opens =
                    (tok.flags & kSpaceBefore) || out.empty() || out.back().kind != TokKind::Word;
                if (opens && !open_single) {
                    open_single = true;
                } else {
                    open_single = false;
                }
            }
            if (p == '.' || p == '!' || p == '?') {
                bool abbrev = p == '.' && !out.empty() && out.back().kind == TokKind::Word &&
                              out.back().end == tok.begin && is_abbreviation(out.back().text(t));
                if (!abbrev) {
                    sentence_start = true;
                    open_single = false;
                }
            }
            out.push_back(tok);
            continue;
        }

        // A word: letters and digits, with inner apostrophes and hyphens.
        int upper = 0;
        bool lower = false;
        bool postscript = false;
        std::size_t j = ascii_run(t, i, upper, lower);
        bool first = j == i;  // the first character is not ASCII: the loop below decodes it
        if (!first) {
            auto b = static_cast<unsigned char>(t[i]);
            if (b >= 'A' && b <= 'Z') tok.flags |= kCap;
            if (b >= '0' && b <= '9') tok.flags |= kDigit;
        }
        while (j < n) {
            auto byte = static_cast<unsigned char>(t[j]);
            // Nearly every word ends here, on a space or a punctuation mark.
            if (byte < 0x80 && byte != '\'' && byte != '-') break;
            std::size_t l = 0;
            char32_t w = peek(t, j, &l);
            if (is_word_cp(w)) {
                if (first) {
                    if (is_upper(w)) tok.flags |= kCap;
                    if (is_digit(w)) tok.flags |= kDigit;
                    first = false;
                }
                if (is_upper(w)) ++upper;
                if (is_lower(w)) lower = true;
                j = ascii_run(t, j + l, upper, lower);
                continue;
            }
            if ((w == '\'' || w == '-') && j + 1 < n) {
                std::size_t l2 = 0;
                char32_t after = peek(t, j + 1, &l2);
                if (!is_word_cp(after) || is_digit(after)) break;
                if (w == '-' && (tok.flags & kCap) && affix_at(t, j + 1)) break;
                if (w == '\'') {
                    // "Simmons's": the possessive is not part of the name.
                    std::size_t k = j + 1 + l2;
                    bool ends = k >= n || !is_word_cp(peek(t, k));
                    if ((after == 's' || after == 'S') && ends) {
                        tok.flags |= kPossessive;
                        tok.end = static_cast<std::uint32_t>(j);
                        j = k;
                        break;
                    }
                    tok.flags |= kApostrophe;
                } else {
                    tok.flags |= kHyphenated;
                }
                j = ascii_run(t, j + 1, upper, lower);
                continue;
            }
            break;
        }
        if (!(tok.flags & kPossessive)) tok.end = static_cast<std::uint32_t>(j);
        std::size_t word_len = tok.end - tok.begin;
        // Initials keep their dots: "J.", "J.K.", "J.R.R." (but "I." is the pronoun, unless it
        // stands between two names: "Edward I. Koch").
        // (A one-byte word with kCap is one upper-case letter.)
        if ((tok.flags & kCap) && word_len == 1 && j < n && t[j] == '.' &&
            (t[i] != 'I' || middle_initial_i(t, i, out))) {
            std::size_t k = j + 1;
            while (k + 1 < n && t[k] >= 'A' && t[k] <= 'Z' && t[k + 1] == '.') k += 2;
            tok.flags |= kInitials;
            j = k;
            tok.end = static_cast<std::uint32_t>(j);
            // "P.S. Michael Ironside, please fire your agent": a postscript, which ends what
            // came before, not the initials of the name after it ("P. S. Kroyer" spaced stays).
            std::string_view run = t.substr(tok.begin, j - tok.begin);
            if (run == "P.S." || run == "P.P.S.") {
                tok.flags &= static_cast<std::uint16_t>(~kInitials);
                postscript = true;
            }
        }
        if (upper >= 2 && !lower) tok.flags |= kAllCaps;
        // "Simmons' Fletcher": a lone apostrophe after s is a possessive unless it closes a quote.
        if (!(tok.flags & kPossessive) && j < n && t[j] == '\'' && !open_single && j > 0 &&
            (t[j - 1] == 's' || t[j - 1] == 'S' || t[j - 1] == 'z') &&
            (j + 1 >= n || !is_word_cp(peek(t, j + 1)))) {
            tok.flags |= kPossessive;
            ++j;
        }
        if (sentence_start) tok.flags |= kSentenceStart;
        sentence_start = postscript;
        out.push_back(tok);
        i = j;
        // The space after a word, taken here rather than by another turn of the loop.
        if (i < n && t[i] == ' ') {
            space_before = true;
            ++i;
        }
    }

    if (!emphasis.empty()) {
        std::vector<TextSpan> spans = emphasis;
        std::sort(spans.begin(), spans.end(),
                  [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
        std::size_t s = 0;
        std::size_t last_span = spans.size();
        for (auto& tok : out) {
            while (s < spans.size() && spans[s].end <= tok.begin) ++s;
            if (s < spans.size() && spans[s].begin <= tok.begin && tok.end <= spans[s].end &&
                tok.kind == TokKind::Word) {
                tok.flags |= kEmphasis;
                if (s != last_span)
                    tok.flags |= kEmphasisStart;  // "*Fargo*, *The Big Lebowski*" are two
                last_span = s;
            }
        }
    }
    return out;
}

}  // namespace reel::entities
