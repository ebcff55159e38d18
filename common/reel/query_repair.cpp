#include "reel/query_repair.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "reel/schema.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

// Whether a term starts at text[i]: at the start, or after white space or an opening bracket.
bool term_starts_at(std::string_view text, std::size_t i) {
    return i == 0 || static_cast<unsigned char>(text[i - 1]) <= ' ' || text[i - 1] == '(';
}

// Whether a field may start at text[i]: where a term does, or after the '-' or '+' that
// excludes or requires it ("-rating:..4", "+year:2014").
bool field_starts_at(std::string_view text, std::size_t i) {
    return term_starts_at(text, i) || text[i - 1] == '-' || text[i - 1] == '+';
}

// Whether `field` and its colon are written at text[i] ("date:...").
bool field_at(std::string_view text, std::size_t i, std::string_view field) {
    std::string_view rest = text.substr(i);
    return rest.starts_with(field) && rest.substr(field.size()).starts_with(":");
}

// Where the value of a field that starts at text[start] ends: at white space or a ')'.
std::size_t value_end(std::string_view text, std::size_t start) {
    std::size_t end = start;
    while (end < text.size() && static_cast<unsigned char>(text[end]) > ' ' && text[end] != ')')
        ++end;
    return end;
}

// The value of a field that starts at text[start]: inside its quotes when quoted (to the end
// when the quote is not closed), else up to white space or a ')'.
std::string_view quoted_value(std::string_view text, std::size_t start) {
    if (start >= text.size() || text[start] != '"')
        return text.substr(start, value_end(text, start) - start);
    std::size_t close = std::min(text.find('"', start + 1), text.size());
    return text.substr(start + 1, close - start - 1);
}

// Whether `s` has a letter or a digit (any non-ASCII byte counts as one).
bool has_word_char(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    });
}

// Whether every character of `s` is a digit (an empty `s` too).
bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Whether a range of a range field ("rating:..5", "year:2010..2015") starts at text[i].
bool range_at(std::string_view text, std::size_t i) {
    for (std::string_view field : {schema::kRatingField, schema::kYearField, schema::kDateField}) {
        if (!field_at(text, i, field)) continue;
        std::size_t start = i + field.size() + 1;
        return text.substr(start, value_end(text, start) - start).find("..") !=
               std::string_view::npos;
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

namespace {

// Whether a boolean operator word (AND, OR, NOT, XOR, NEAR, ADJ, "NEAR/3") starts at text[i]:
// it ends the run of terms before it.
bool operator_at(std::string_view text, std::size_t i) {
    if (!term_starts_at(text, i)) return false;
    for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
        if (!text.substr(i).starts_with(op)) continue;
        std::size_t end = i + op.size();
        if (end == text.size() || static_cast<unsigned char>(text[end]) <= ' ' ||
            text[end] == '/' || text[end] == '(')
            return true;
    }
    return false;
}

// Whether NEAR or ADJ starts at text[i] as an operator: it joins the words either side.
bool window_operator_at(std::string_view text, std::size_t i) {
    return operator_at(text, i) &&
           (text.substr(i).starts_with("NEAR") || text.substr(i).starts_with("ADJ"));
}

}  // namespace

std::string unsign_ranges(std::string_view text) {
    // The excluded ranges of each open bracket's run of terms (the outermost first), as
    // " NOT range" clauses put at the run's end: NOT takes everything after it as its right
    // side ("-rating:..4 drum" was NOT (rating:..4 AND drum), which is nearly everything).
    std::vector<std::string> pending(1);
    std::string out;
    out.reserve(text.size() + 16);
    bool quoted = false;
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '-' || c == '+') && term_starts_at(text, i) && range_at(text, i + 1)) {
            if (c == '+') {  // the range stays where it is
                ++i;
                continue;
            }
            std::size_t end = value_end(text, text.find(':', i) + 1);
            pending.back() += " NOT " + std::string(text.substr(i + 1, end - i - 1));
            i = end;
            continue;
        }
        // A window joins the words of a run ("-rating:..4 drum NEAR solo" put the range
        // beside NEAR, which then took it for a side).
        if (!quoted && (c == ')' || (operator_at(text, i) && !window_operator_at(text, i)))) {
            // The run ends here: its exclusions go before the bracket or the operator.
            if (!pending.back().empty()) out += pending.back() + ' ';
            pending.back().clear();
            if (c == ')' && pending.size() > 1) pending.pop_back();
        } else if (!quoted && c == '(') {
            pending.emplace_back();
        }
        out += c;
        ++i;
    }
    for (auto it = pending.rbegin(); it != pending.rend(); ++it) out += *it;
    return out;
}

namespace {

// The first and the last day a date:VALUE side means, as YYYY-MM-DD (YYYYMMDD stays as typed):
// a day (2014-10-17, 20141017), a month (2014-10) or a year (2014); empty for anything else.
std::pair<std::string, std::string> date_days(std::string_view v) {
    auto digits = [&](std::size_t from, std::size_t n) {
        return from + n <= v.size() && all_digits(v.substr(from, n));
    };
    // Two digits at `from` that lie within 1..last: "2016-13" was the empty month 13 (and
    // "date:2016-13..2017" all of 2017) with no word said.
    auto within = [&](std::size_t from, int last) {
        int n = (v[from] - '0') * 10 + (v[from + 1] - '0');
        return n >= 1 && n <= last;
    };
    std::string value(v);
    if ((v.size() == 10 && digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' &&
         digits(8, 2) && within(5, 12) && within(8, 31)) ||
        (v.size() == 8 && digits(0, 8) && within(4, 12) && within(6, 31)))
        return {value, value};
    if (v.size() == 7 && digits(0, 4) && v[4] == '-' && digits(5, 2) && within(5, 12))
        return {value + "-01", value + "-31"};
    if (v.size() == 4 && digits(0, 4)) return {value + "-01-01", value + "-12-31"};
    return {};
}

}  // namespace

bool is_date(std::string_view v) {
    return !date_days(v).first.empty();
}

namespace {

// The range a date:VALUE means: a single day, month or year as the range of its days, and the
// same for each end of a range (date:2014..2015 is 2014-01-01..2015-12-31); empty when VALUE is
// none of these (the range processor then says what a date looks like).
std::string date_as_range(std::string_view v) {
    std::size_t dots = v.find("..");
    if (dots == std::string_view::npos) {
        auto [first, last] = date_days(v);
        return first.empty() ? "" : first + ".." + last;
    }
    std::string_view from = v.substr(0, dots), to = v.substr(dots + 2);
    std::string first = from.empty() ? "" : date_days(from).first;
    std::string last = to.empty() ? "" : date_days(to).second;
    if ((!from.empty() && first.empty()) || (!to.empty() && last.empty())) return {};
    return first + ".." + last;
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
            !quoted && field_at(text, i, schema::kDateField) &&
            (term_starts_at(text, i) ||
             (i > 0 && (text[i - 1] == '-' || text[i - 1] == '+') && term_starts_at(text, i - 1)));
        if (field_here) {
            std::size_t start = i + field.size(), end = value_end(text, start);
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

std::string dashes_as_ranges(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::string_view field;
        for (std::string_view f : {schema::kRatingField, schema::kYearField, schema::kDateField}) {
            if (field_at(text, i, f) && field_starts_at(text, i)) field = f;
        }
        if (field.empty()) {
            out += text[i++];
            continue;
        }
        std::size_t start = i + field.size() + 1, end = value_end(text, start);
        std::string value(text.substr(start, end - start));
        for (std::string_view dash : {"\u2013", "\u2014"}) {
            for (std::size_t at; (at = value.find(dash)) != std::string::npos;)
                value.replace(at, dash.size(), "..");
        }
        // "rating:8...10" is a slip of the finger for 8..10: QueryParser split it at the first
        // "..", and the end ".10" made it a backwards range (did you mean rating:.10..8?).
        for (std::size_t at; (at = value.find("...")) != std::string::npos;) {
            std::size_t run = value.find_first_not_of('.', at);
            value.replace(at, (run == std::string::npos ? value.size() : run) - at, "..");
        }
        // "year:1990-1999", as people type a range of years, was "expects a year". A hyphen
        // in a date is its own ("2014-10"), and a rating has no minus to mistake it for.
        if (std::size_t hyphen = value.find('-');
            field != schema::kDateField && hyphen != std::string::npos && hyphen > 0 &&
            value.find_first_not_of("0123456789.-") == std::string::npos &&
            value.find('-', hyphen + 1) == std::string::npos && hyphen + 1 < value.size())
            value.replace(hyphen, 1, "..");
        out.append(text.substr(i, start - i)).append(value);
        i = end;
    }
    return out;
}

std::string ellipses_as_spaces(std::string_view text) {
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t end = text.find_first_not_of('.', i);
        if (end == std::string_view::npos) end = text.size();
        if (text[i] != '.' || end - i < 2) {
            out += text[i++];
            continue;
        }
        std::size_t term = i;  // where the term holding the dots starts, past any sign
        while (term > 0 && !term_starts_at(text, term)) --term;
        while (term < i && (text[term] == '+' || text[term] == '-' || text[term] == '"')) ++term;
        bool range = range_at(text, term) ||
                     (i > 0 && digit(text[i - 1]) && end < text.size() && digit(text[end]));
        out.append(range ? text.substr(i, end - i) : " ");
        i = end;
    }
    return out;
}

std::string bracket_unspaced_runs(std::string_view text) {
    auto unspaced_at = [&](std::size_t i, std::size_t& next) {
        char32_t cp = unspaced_script_at(text, i, next);
        return cp != 0 && is_letter_or_digit(cp);
    };
    // Where the run is not a term of its own: after a letter, a digit or a field's colon. A
    // separator other than a space ("drum、東京") is not the failing shape anyway.
    auto after_term = [&](std::size_t i) {
        auto c = static_cast<unsigned char>(text[i - 1]);
        return c >= 0x80 || std::isalnum(c) || c == ':' || c == '_';
    };
    std::string out;
    out.reserve(text.size() + 8);
    bool in_phrase = false;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next;
        if (!unspaced_at(i, next)) {
            if (text[i] == '"') in_phrase = !in_phrase;
            out.append(text.substr(i, next - i));
            i = next;
            continue;
        }
        std::size_t end = next;
        while (end < text.size() && unspaced_at(end, next)) end = next;
        std::string_view run = text.substr(i, end - i);
        // title: and author: take a group of words: "title:(東京)".
        auto value_of = [&](std::string_view field) {
            return i > field.size() && text[i - 1] == ':' &&
                   text.substr(i - 1 - field.size(), field.size()) == field &&
                   field_starts_at(text, i - 1 - field.size());
        };
        bool free_text_value = value_of(schema::kTitleField) || value_of(schema::kAuthorField);
        // "東京*" is a wildcard, which brackets would break; "東京x" reads as "(東京)x".
        bool wildcard = end < text.size() && text[end] == '*';
        bool alone = !in_phrase && !wildcard && (free_text_value || !(i > 0 && after_term(i)));
        if (alone) out += '(';
        out.append(run);
        if (alone) out += ')';
        i = end;
    }
    return out;
}

namespace {

struct Field {
    std::string_view name, example;
};
constexpr Field kFields[] = {{schema::kPersonField, "person:\"J.K. Simmons\""},
                             {schema::kFilmField, "film:whiplash"},
                             {schema::kRatingField, "rating:8 or rating:7..10"},
                             {schema::kYearField, "year:2014"},
                             {schema::kDateField, "date:2014-10-17"},
                             {schema::kAuthorField, "author:NAME"},
                             {schema::kTitleField, "title:WORDS"}};

}  // namespace

std::string field_value_problem(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        if (quoted) continue;
        if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_'))
            continue;
        for (const Field& f : kFields) {
            if (!field_at(text, i, f.name)) continue;
            std::size_t start = i + f.name.size() + 1, end = value_end(text, start);
            std::string_view value = text.substr(start, end - start);
            std::size_t dots = value.find("..");
            bool range = dots != std::string_view::npos;
            // "film:" alone was searched for as the word "film" (every other review), and so
            // were title:"" and author:"-" (a script's title:"$t" with $t empty): a value with
            // nothing to search for is no value. (An open range, "rating:..", is one.)
            if ((value.empty() && (end == text.size() || text[end] != '(')) ||
                (!value.empty() && !(range && range_at(text, i)) &&
                 !has_word_char(quoted_value(text, start))))
                return fmt::format("{}: needs a value, as in {}", f.name, f.example);
            // year:abc searched for a term no review has; date:abc for the words "date abc".
            if (f.name == schema::kYearField &&
                !(range ? all_digits(value.substr(0, dots)) && all_digits(value.substr(dots + 2))
                        : !value.empty() && all_digits(value)))
                return "year: expects a year, as in year:2014 or year:2010..2015";
            if (f.name == schema::kDateField && !value.empty() && !range)
                return "date: expects a day, month or year (2014-10-17, 2014-10, 2014) or a "
                       "range of them";
        }
    }
    return "";
}

std::string unknown_field(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        if (quoted || !std::isalpha(static_cast<unsigned char>(text[i]))) continue;
        std::size_t b = i;
        while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
        // A word, a colon, then a value: "preson:kieslowski", "Person:teller".
        if (!field_starts_at(text, b) || i - b < 2 || i + 1 >= text.size() || text[i] != ':' ||
            static_cast<unsigned char>(text[i + 1]) <= ' ' || text[i + 1] == ':')
            continue;
        std::string_view name = text.substr(b, i - b);
        // Field names are read in any case (lower_field_names): "Person:" is no mistyped field.
        bool known = std::any_of(std::begin(kFields), std::end(kFields), [&](const Field& f) {
            return f.name.size() == name.size() &&
                   std::equal(name.begin(), name.end(), f.name.begin(), [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) == b;
                   });
        });
        if (!known) return std::string(name);
    }
    return "";
}

std::string field_list() {
    std::string out;
    for (const Field& f : kFields) out += fmt::format("{}{}:", out.empty() ? "" : ", ", f.name);
    return out;
}

std::string backwards_date_range(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        if (quoted || !field_at(text, i, schema::kDateField) || !field_starts_at(text, i)) continue;
        std::size_t start = i + schema::kDateField.size() + 1, end = value_end(text, start);
        std::string_view value = text.substr(start, end - start);
        std::size_t dots = value.find("..");
        if (dots == std::string_view::npos) continue;
        std::string_view from = value.substr(0, dots), to = value.substr(dots + 2);
        std::string first = date_days(from).first, last = date_days(to).second;
        if (first.empty() || last.empty()) continue;
        std::erase(first, '-');
        std::erase(last, '-');
        if (first > last) {
            return fmt::format("{0}:{1}..{2} is backwards (did you mean {0}:{2}..{1}?)",
                               schema::kDateField, from, to);
        }
    }
    return "";
}

std::string lower_field_names(std::string_view text) {
    std::string out(text);
    bool quoted = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '"') quoted = !quoted;
        if (quoted || !std::isupper(static_cast<unsigned char>(out[i]))) continue;
        bool starts = term_starts_at(out, i) ||
                      ((out[i - 1] == '-' || out[i - 1] == '+') && term_starts_at(out, i - 1));
        std::size_t colon = i;
        while (colon < out.size() && std::isalpha(static_cast<unsigned char>(out[colon]))) ++colon;
        // With nothing after the colon it is no field for QueryParser either ("Title: Heat").
        if (!starts || colon + 1 >= out.size() || out[colon] != ':' ||
            static_cast<unsigned char>(out[colon + 1]) <= ' ')
            continue;
        std::string name = out.substr(i, colon - i);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (std::any_of(std::begin(kFields), std::end(kFields),
                        [&](const Field& f) { return f.name == name; }))
            out.replace(i, name.size(), name);
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

bool has_window_operator(std::string_view text) {
    bool quoted = false, after_term = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        if (quoted) continue;
        if (after_term && window_operator_at(text, i)) return true;
        after_term = after_term || static_cast<unsigned char>(text[i]) > ' ';
    }
    return false;
}

std::string windows_in_brackets(std::string_view text) {
    auto space = [](char c) { return static_cast<unsigned char>(c) <= ' '; };
    std::string out;
    out.reserve(text.size() + 8);
    bool quoted = false;
    std::size_t copied = 0;  // text before this is in `out`
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        if (quoted || !window_operator_at(text, i)) continue;
        // The left side: the run of non-space text before the operator, inside any '('.
        std::size_t a = i;
        while (a > copied && space(text[a - 1])) --a;
        if (a == copied) continue;  // nothing before it: a word ("NEAR DARK")
        while (a > copied && !space(text[a - 1]) && text[a - 1] != '(') --a;
        // The right side, and the sides of any operator after it, up to a ')'.
        std::size_t end;
        do {
            end = i;
            while (end < text.size() && !space(text[end])) ++end;  // the operator ("NEAR/3")
            while (end < text.size() && space(text[end])) ++end;
            while (end < text.size() && !space(text[end]) && text[end] != ')') ++end;
            i = end;
            while (i < text.size() && space(text[i])) ++i;
        } while (i < text.size() && window_operator_at(text, i));
        out.append(text.substr(copied, a - copied)).append("(");
        out.append(text.substr(a, end - a)).append(")");
        copied = end;
        i = end - 1;
    }
    return out.append(text.substr(copied));
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
