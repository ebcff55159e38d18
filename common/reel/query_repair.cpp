#include "reel/query_repair.hpp"

#include <cctype>

#include "reel/schema.hpp"

namespace reel {

namespace {

// Whether a term starts at text[i]: at the start, or after white space or an opening bracket.
bool term_starts_at(std::string_view text, std::size_t i) {
    return i == 0 || static_cast<unsigned char>(text[i - 1]) <= ' ' || text[i - 1] == '(';
}

// Whether a range of a range field ("rating:..5", "year:2010..2015") starts at text[i].
bool range_at(std::string_view text, std::size_t i) {
    std::string_view rest = text.substr(i);
    for (std::string_view field : {schema::kRatingField, schema::kYearField, schema::kDateField}) {
        if (!rest.starts_with(field) || !rest.substr(field.size()).starts_with(":")) continue;
        std::string_view value = rest.substr(field.size() + 1);
        std::size_t end = 0;
        while (end < value.size() && static_cast<unsigned char>(value[end]) > ' ' &&
               value[end] != ')')
            ++end;
        return value.substr(0, end).find("..") != std::string_view::npos;
    }
    return false;
}

// The text with each character outside phrases for which `replace(text, i)` gives a string
// put in its place.
template <typename Replace>
std::string rewrite_outside_phrases(std::string_view text, Replace replace) {
    std::string out;
    out.reserve(text.size() + 16);
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        const char* with = quoted ? nullptr : replace(text, i);
        if (with)
            out += with;
        else
            out += text[i];
    }
    return out;
}

}  // namespace

bool excludes_at(std::string_view text, std::size_t i) {
    if (text[i] != '-' || !term_starts_at(text, i) || i + 1 >= text.size()) return false;
    // What the parser reads as a term: a word, a bracket or a phrase; it skips "-!" or "-.".
    auto next = static_cast<unsigned char>(text[i + 1]);
    return std::isalnum(next) || next >= 0x80 || next == '(' || next == '"';
}

std::string unsign_ranges(std::string_view text) {
    return rewrite_outside_phrases(text, [](std::string_view t, std::size_t i) -> const char* {
        if ((t[i] != '-' && t[i] != '+') || !term_starts_at(t, i) || !range_at(t, i + 1))
            return nullptr;
        return t[i] == '-' ? "NOT " : "";
    });
}

namespace {

// The range a single date:VALUE means: a day (2014-10-17, 20141017), a month (2014-10) or a
// year (2014); empty for anything else.
std::string date_as_range(std::string_view v) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (from + n > v.size()) return false;
        for (std::size_t k = from; k < from + n; ++k) {
            if (!std::isdigit(static_cast<unsigned char>(v[k]))) return false;
        }
        return true;
    };
    std::string value(v);
    if ((v.size() == 10 && digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' &&
         digits(8, 2)) ||
        (v.size() == 8 && digits(0, 8)))
        return value + ".." + value;
    if (v.size() == 7 && digits(0, 4) && v[4] == '-' && digits(5, 2))
        return value + "-01.." + value + "-31";
    if (v.size() == 4 && digits(0, 4)) return value + "-01-01.." + value + "-12-31";
    return {};
}

}  // namespace

std::string single_dates_as_ranges(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    bool quoted = false;
    const std::string field = std::string(schema::kDateField) + ":";
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '"') quoted = !quoted;
        bool field_here =
            !quoted && text.substr(i).starts_with(field) &&
            (term_starts_at(text, i) ||
             (i > 0 && (text[i - 1] == '-' || text[i - 1] == '+') && term_starts_at(text, i - 1)));
        if (field_here) {
            std::size_t start = i + field.size(), end = start;
            while (end < text.size() && static_cast<unsigned char>(text[end]) > ' ' &&
                   text[end] != ')')
                ++end;
            if (std::string range = date_as_range(text.substr(start, end - start));
                !range.empty()) {
                out += field + range;
                i = end;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

bool has_exclusion(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        if (quoted) continue;
        if (excludes_at(text, i)) return true;
        if (text.substr(i).starts_with("NOT") && term_starts_at(text, i) &&
            (i + 3 == text.size() || static_cast<unsigned char>(text[i + 3]) <= ' ' ||
             text[i + 3] == '('))
            return true;
    }
    return false;
}

std::string without_unmatched_closers(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool quoted = false;
    int depth = 0;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '(') ++depth;
        if (!quoted && c == ')' && depth-- == 0) {
            // A space, not nothing: "fi)lm:" must not become a field, whose value would reach
            // the parser unencoded (fuzz_query).
            depth = 0;
            out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

std::string exclusions_as_not(std::string_view text) {
    return rewrite_outside_phrases(text, [](std::string_view t, std::size_t i) {
        return excludes_at(t, i) ? "NOT " : nullptr;
    });
}

}  // namespace reel
