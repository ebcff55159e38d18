#include "reel/metadata.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

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
    if (year.empty() || (i < s.size() && digit(s[i]))) return {};
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
