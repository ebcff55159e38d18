#include "reel/metadata.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "reel/text_normalize.hpp"

namespace reel {

namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads a decimal number ("3", "3.5", "3,5") at s[i], advancing i.
std::optional<double> read_number(std::string_view s, std::size_t& i) {
    std::size_t start = i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i == start) return std::nullopt;
    std::string num(s.substr(start, i - start));
    if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && digit(s[i + 1])) {
        num += '.';
        ++i;
        while (i < s.size() && digit(s[i])) num += s[i++];
    }
    return std::strtod(num.c_str(), nullptr);
}

void skip_spaces(std::string_view s, std::size_t& i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
}

// A half after a whole number: "3½", "3 ½", "3 1/2" (Ebert's "3 1/2 stars").
void read_half(std::string_view s, std::size_t& i, double& value) {
    std::size_t k = i;
    skip_spaces(s, k);
    if (s.substr(k).starts_with("\xC2\xBD")) {
        value += 0.5;
        i = k + 2;
    } else if (k > i && s.substr(k).starts_with("1/2") && (k + 3 == s.size() || !digit(s[k + 3]))) {
        value += 0.5;
        i = k + 3;
    }
}

std::optional<double> clamp10(double v) {
    if (v < 0 || v > 10) return std::nullopt;
    return v;
}

// A school grade alone ("B+", "a-", "F"), as many critics rate, on Metacritic's scale: A and
// A+ are 10, each step down to D- about a twelfth less, F is 0.
std::optional<double> letter_grade(std::string_view s) {
    s = trim_blanks(s);
    if (s.empty() || s.size() > 2 || (s.size() == 2 && s[1] != '+' && s[1] != '-'))
        return std::nullopt;
    static constexpr double kGrades[4][3] = {
        {10, 10, 9.1}, {8.3, 7.5, 6.7}, {5.8, 5, 4.2}, {3.3, 2.5, 1.6}};  // +, plain, -
    char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    if (letter == 'F') return 0.0;
    if (letter < 'A' || letter > 'D') return std::nullopt;
    int sign = s.size() == 1 ? 1 : s[1] == '+' ? 0 : 2;
    return kGrades[letter - 'A'][sign];
}

// The month a word names ("March", "Mar", "sept"), 1 to 12, or 0.
int month_number(std::string_view word) {
    static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
    std::string lower;
    for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.size() < 3) return 0;
    if (lower == "sept") return 9;
    for (int m = 0; m < 12; ++m) {
        if (kMonths[m].starts_with(lower)) return m + 1;
    }
    return 0;
}

// "YYYYMMDD" for a date written as people and other programs write them: with the month's name
// ("March 15, 2020", "15 Mar 2020", RSS's "Sun, 15 Mar 2020 10:00:00 +0000", "March 2020"), or
// day and month in numbers before the year ("15.03.2020", "15/03/2020", "03/15/2020": when
// neither of the two can only be a day, as in "03/04/2020", there is no telling, and no date).
std::string written_date(std::string_view s) {
    struct Token {
        std::string_view text;
        bool number;
        char after;  // the character that ends the token
    };
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < s.size() && i < 64 && tokens.size() < 8;) {
        bool number = digit(s[i]);
        if (!number && !std::isalpha(static_cast<unsigned char>(s[i]))) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < s.size() &&
               (number ? digit(s[i]) : std::isalpha(static_cast<unsigned char>(s[i]))))
            ++i;
        std::string_view text = s.substr(start, i - start);
        bool ordinal = text == "st" || text == "nd" || text == "rd" || text == "th";
        if (ordinal && !tokens.empty() && tokens.back().number && tokens.back().after == text[0])
            continue;                // "15th March"
        if (text == "of") continue;  // "15 of March"
        tokens.push_back({text, number, i < s.size() ? s[i] : '\0'});
    }
    auto value = [](const Token& t) {
        int v = 0;
        std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
        return t.number && t.text.size() <= 4 ? v : -1;
    };
    auto day_of = [&](const Token& t) { return t.text.size() <= 2 ? value(t) : -1; };
    auto is_year = [&](const Token& t) {
        return t.text.size() == 4 && value(t) >= 1880 && value(t) <= 2100;
    };
    auto format = [](int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) return std::string();
        return fmt::format("{:04}{:02}{:02}", year, month, day);
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        int month = tokens[i].number ? 0 : month_number(tokens[i].text);
        if (!month) continue;
        auto year = std::find_if(tokens.begin() + i, tokens.end(), is_year);
        if (year == tokens.end()) return {};
        int day = 1;
        if (i > 0 && day_of(tokens[i - 1]) > 0)
            day = day_of(tokens[i - 1]);
        else if (i + 1 < tokens.size() && day_of(tokens[i + 1]) > 0)
            day = day_of(tokens[i + 1]);
        return format(value(*year), month, day);
    }
    if (tokens.size() < 3 || !is_year(tokens[2]) || day_of(tokens[0]) < 0 ||
        day_of(tokens[1]) < 0 || tokens[0].after != tokens[1].after)
        return {};
    int first = day_of(tokens[0]), second = day_of(tokens[1]);
    if (tokens[0].after == '.' || (first > 12 && second <= 12))
        return format(value(tokens[2]), second, first);
    if (second > 12 || first == second) return format(value(tokens[2]), first, second);
    return {};
}

}  // namespace

std::optional<double> parse_rating(std::string_view s) {
    if (auto grade = letter_grade(s)) return grade;

    // Star glyphs: ★ (U+2605) full, ☆ (U+2606) empty, ½ (U+00BD) half. A ½ right after digits
    // ("3½/5", "3 ½") is part of the number instead; a lone one ("½ out of 4") is a half star.
    int full = 0, empty = 0, half = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.substr(i, 3) == "\xE2\x98\x85") {
            ++full;
        } else if (s.substr(i, 3) == "\xE2\x98\x86") {
            ++empty;
        } else if (s.substr(i, 2) == "\xC2\xBD") {
            std::size_t before = s.substr(0, i).find_last_not_of(" \t");
            if (before == std::string_view::npos || !digit(s[before])) ++half;
        }
    }
    if (full + half > 0) {
        double out_of = full + empty + half > 5 ? full + empty + half : 5;
        return clamp10((full + 0.5 * half) / out_of * 10);
    }

    std::size_t i = 0;
    while (i < s.size() && !digit(s[i])) ++i;
    // "PG-13", "TV-14", "NC-17", "R18": an age certificate, which film data often keeps in a
    // "rating" column, is no score (PG-13 read as 13 out of 100, 1.3). A score's number stands
    // apart from any word before it ("Rating: 8", "IMDb 7.5").
    if (std::size_t b = i > 0 && s[i - 1] == '-' ? i - 1 : i;
        b > 0 && std::isalpha(static_cast<unsigned char>(s[b - 1])))
        return std::nullopt;
    // "-3" alone is a negative number, off every scale, not a 3 ("score -8/10" is a dash).
    if (i > 0 && s[i - 1] == '-' && s.find_first_not_of(" \t") == i - 1) return std::nullopt;
    auto value = read_number(s, i);
    if (!value) return std::nullopt;
    if (*value == std::floor(*value)) read_half(s, i, *value);
    skip_spaces(s, i);
    if (i < s.size() && s[i] == '/') {
        ++i;
        skip_spaces(s, i);
        auto scale = read_number(s, i);
        if (!scale || *scale <= 0) return std::nullopt;
        return clamp10(*value / *scale * 10);
    }
    if (i < s.size() && s[i] == '%') return clamp10(*value / 10);
    std::string rest;
    for (std::size_t k = i; k < s.size() && rest.size() < 16; ++k) {
        rest += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
    }
    std::string_view r = rest;
    while (!r.empty() && r.front() == ' ') r.remove_prefix(1);
    if (r.starts_with("out of 5") || r.starts_with("of 5")) return clamp10(*value * 2);
    if (r.starts_with("out of 4")) return clamp10(*value * 2.5);
    if (r.starts_with("star")) return clamp10(*value * 2);
    if (*value <= 10) return *value;
    if (*value <= 100) return *value / 10;
    return std::nullopt;
}

std::optional<int> parse_year(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        if (!digit(s[i]) || (i > 0 && digit(s[i - 1]))) continue;
        if (i + 4 < s.size() && digit(s[i + 4])) continue;
        int year = 0;
        std::from_chars(s.data() + i, s.data() + i + 4, year);
        if (year >= 1880 && year <= 2100) return year;
    }
    return std::nullopt;
}

std::string sortable_date(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    auto take = [&](std::size_t n) -> std::string {
        if (i + n > s.size()) return {};
        for (std::size_t k = 0; k < n; ++k) {
            if (!digit(s[i + k])) return {};
        }
        std::string part(s.substr(i, n));
        i += n;
        return part;
    };
    std::string year = take(4);
    if (year.empty() || (i < s.size() && digit(s[i]))) return written_date(s);
    std::string month = "01", day = "01";
    auto sep = [&] { return i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.'); };
    if (sep()) {
        ++i;
        std::string m = take(2);
        if (!m.empty() && m >= "01" && m <= "12") {
            month = m;
            if (sep()) {
                ++i;
                std::string d = take(2);
                if (!d.empty() && d >= "01" && d <= "31") day = d;
            }
        }
    }
    return year + month + day;
}

}  // namespace reel
