#include "reel/entities_tokens.hpp"

#include <algorithm>

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
        int letters = 0, upper = 0, lower = 0;
        bool first = true;
        std::size_t j = i;
        if (cp < 0x80) {
            // The first character, ASCII: no decoding needed.
            if (cp >= 'A' && cp <= 'Z') {
                tok.flags |= kCap;
                ++upper;
                ++letters;
            } else if (cp >= '0' && cp <= '9') {
                tok.flags |= kDigit;
            } else {
                ++lower;
                ++letters;
            }
            first = false;
            j = i + 1;
        }
        while (j < n) {
            auto byte = static_cast<unsigned char>(t[j]);
            if (byte < 0x80 && first == false) {
                // Fast path for the common case: ASCII letters and digits inside a word.
                if (byte >= 'a' && byte <= 'z') {
                    // Most of a word is one run of lower-case letters: take it in one loop.
                    std::size_t run = j + 1;
                    while (run < n && t[run] >= 'a' && t[run] <= 'z') ++run;
                    letters += static_cast<int>(run - j);
                    lower += static_cast<int>(run - j);
                    j = run;
                    // Nearly every word ends on a space: no more tests needed.
                    if (j < n && t[j] == ' ') break;
                    continue;
                }
                if (byte >= 'A' && byte <= 'Z') {
                    ++letters;
                    ++upper;
                    ++j;
                    continue;
                }
                if (byte >= '0' && byte <= '9') {
                    ++j;
                    continue;
                }
                // Nearly every word ends here, on a space or a punctuation mark.
                if (byte != '\'' && byte != '-') break;
            }
            std::size_t l = 0;
            char32_t w = peek(t, j, &l);
            if (is_word_cp(w)) {
                if (first) {
                    if (is_upper(w)) tok.flags |= kCap;
                    if (is_digit(w)) tok.flags |= kDigit;
                    first = false;
                }
                if (!is_digit(w)) ++letters;
                if (is_upper(w)) ++upper;
                if (is_lower(w)) ++lower;
                j += l;
                continue;
            }
            if ((w == '\'' || w == '-') && j + 1 < n) {
                std::size_t l2 = 0;
                char32_t after = peek(t, j + 1, &l2);
                if (!is_word_cp(after) || is_digit(after)) break;
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
                j += 1;
                continue;
            }
            break;
        }
        if (!(tok.flags & kPossessive)) tok.end = static_cast<std::uint32_t>(j);
        std::size_t word_len = tok.end - tok.begin;
        // Initials keep their dots: "J.", "J.K.", "J.R.R." (but "I." is the pronoun, unless it
        // stands between two names: "Edward I. Koch").
        if ((tok.flags & kCap) && letters == 1 && word_len == 1 && j < n && t[j] == '.' &&
            (t[i] != 'I' || middle_initial_i(t, i, out))) {
            std::size_t k = j + 1;
            while (k + 1 < n && t[k] >= 'A' && t[k] <= 'Z' && t[k + 1] == '.') k += 2;
            tok.flags |= kInitials;
            j = k;
            tok.end = static_cast<std::uint32_t>(j);
        }
        if (upper >= 2 && lower == 0) tok.flags |= kAllCaps;
        // "Simmons' Fletcher": a lone apostrophe after s is a possessive unless it closes a quote.
        if (!(tok.flags & kPossessive) && j < n && t[j] == '\'' && !open_single && j > 0 &&
            (t[j - 1] == 's' || t[j - 1] == 'S' || t[j - 1] == 'z') &&
            (j + 1 >= n || !is_word_cp(peek(t, j + 1)))) {
            tok.flags |= kPossessive;
            ++j;
        }
        if (sentence_start) tok.flags |= kSentenceStart;
        sentence_start = false;
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
