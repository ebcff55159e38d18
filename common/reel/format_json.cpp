#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "reel/errors.hpp"
#include "reel/loader.hpp"
#include "reel/metadata.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

using Json = nlohmann::json;

std::string scalar_text(const Json& v);

// What an object value stands for, as review sites and schema.org's JSON-LD nest them:
// "author": {"name": ...}, "movie": {"title": ...}, "reviewRating": {"ratingValue": 4,
// "bestRating": 5}. Dropped as they were, such a review lost its author, film or rating.
std::string object_text(const Json& v) {
    auto plain = [&](const char* key) -> const Json* {
        auto it = v.find(key);
        return it != v.end() && (it->is_string() || it->is_number()) ? &*it : nullptr;
    };
    if (const Json* value = plain("ratingValue")) {
        std::string rating = scalar_text(*value);
        if (const Json* best = plain("bestRating")) rating.append("/").append(scalar_text(*best));
        return rating;
    }
    // WordPress's REST API gives a post's title and content as {"rendered": "<p>...</p>"}.
    for (const char* key : {"name", "title", "text", "value", "rendered"}) {
        if (const Json* m = plain(key)) return scalar_text(*m);
    }
    return {};
}

std::string scalar_text(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number() || v.is_boolean()) return v.dump();
    if (v.is_object()) return object_text(v);
    if (v.is_array()) {  // e.g. "cast": ["A", "B"], "author": [{"name": "A"}, {"name": "B"}]
        std::string out;
        for (const Json& e : v) {
            if (e.is_array()) continue;
            std::string text = scalar_text(e);
            if (text.empty()) continue;
            if (!out.empty()) out += ", ";
            out += text;
        }
        return out;
    }
    return {};
}

Review review_from_object(const Json& obj, const FieldMap& fields) {
    std::vector<std::pair<std::string, std::string>> record;
    for (auto it = obj.begin(); it != obj.end(); ++it)
        record.emplace_back(it.key(), scalar_text(*it));
    return review_from_record(record, fields);
}

// nlohmann's messages quote what they read last, which can be a 5,000-digit number: a warning
// stays one readable line.
std::string short_reason(const std::exception& e) {
    std::string what = e.what();
    if (what.size() > 160) what = std::string(utf8_prefix(what, 160)) + "...";
    return what;
}

// What parse_repaired had to mend, for the file's warnings.
struct Repairs {
    bool utf8 = false, surrogates = false;
    Repairs& operator|=(const Repairs& r) {
        utf8 |= r.utf8;
        surrogates |= r.surrogates;
        return *this;
    }
};

// The UTF-16 code unit of the "\uXXXX" escape at text[i], or -1.
long escaped_unit(std::string_view text, std::size_t i) {
    if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return -1;
    long unit = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        char c = text[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) return -1;
        unit = unit * 16 + d;
    }
    return unit;
}

// The JSON text with each "\uD83D" escape that is half a surrogate pair without its other half
// as "\uFFFD". JavaScript cuts strings between the halves of an emoji ("...great \ud83d"), and
// nlohmann::json rejects the whole document for one: an array of thousands of reviews was
// skipped as malformed.
std::string without_lone_surrogates(std::string text, bool& repaired) {
    auto high = [](long u) { return u >= 0xD800 && u <= 0xDBFF; };
    auto low = [](long u) { return u >= 0xDC00 && u <= 0xDFFF; };
    for (std::size_t i = text.find('\\'); i != std::string::npos; i = text.find('\\', i)) {
        long unit = escaped_unit(text, i);
        if (unit < 0) {
            i += 2;  // another escape ("\\", "\n"): its second character is not a backslash
        } else if (high(unit) && low(escaped_unit(text, i + 6))) {
            i += 12;
        } else if (high(unit) || low(unit)) {
            text.replace(i + 2, 4, "fffd");
            repaired = true;
            i += 6;
        } else {
            i += 6;
        }
    }
    return text;
}

// nlohmann::json rejects invalid UTF-8 in strings; reviews have it, so repair before parsing.
Json parse_repaired(std::string_view bytes, Repairs& repairs) {
    std::string text =
        without_lone_surrogates(repair_utf8(bytes, &repairs.utf8), repairs.surrogates);
    return Json::parse(text);
}

// The warnings for what parse_repaired mended.
void warn_repairs(const Repairs& repairs, std::vector<std::string>& warnings) {
    if (repairs.utf8) warnings.push_back("invalid UTF-8 repaired");
    if (repairs.surrogates) warnings.push_back("half surrogate pairs (\\uD83D) replaced by U+FFFD");
}

// The array of {"reviews": [...]} (or "items", "data", "results"), as common as a bare array,
// also when an API wraps it once more: {"data": {"reviews": [...]}} was read as one review
// object without text.
const Json* wrapped_list(const Json& doc, int depth = 0) {
    if (!doc.is_object() || depth > 3) return nullptr;
    for (const char* key : {"reviews", "items", "data", "results"}) {
        auto it = doc.find(key);
        if (it == doc.end()) continue;
        if (it->is_array()) return &*it;
        if (const Json* list = wrapped_list(*it, depth + 1)) return list;
    }
    return nullptr;
}

}  // namespace

std::vector<Review> parse_json(std::string_view bytes, const FieldMap& fields,
                               std::vector<std::string>& warnings, bool* single) {
    if (single) *single = false;
    Json doc;
    Repairs repairs;
    try {
        doc = parse_repaired(bytes, repairs);
    } catch (const Json::exception& e) {
        throw InputError(fmt::format("malformed JSON: {}", short_reason(e)));
    }
    warn_repairs(repairs, warnings);
    std::vector<Review> reviews;
    if (const Json* list = wrapped_list(doc)) doc = Json(*list);
    if (doc.is_object()) {
        if (single) *single = true;
        reviews.push_back(review_from_object(doc, fields));
        return reviews;
    }
    if (!doc.is_array()) throw InputError("JSON holds neither an object nor an array of objects");
    std::size_t skipped = 0;
    for (const Json& e : doc) {
        if (e.is_object())
            reviews.push_back(review_from_object(e, fields));
        else
            ++skipped, reviews.emplace_back().record = kSkippedRecord;
    }
    if (skipped) warnings.push_back(fmt::format("{} array element(s) are not objects", skipped));
    return reviews;
}

namespace {

bool has_type(const Json& obj, std::string_view type) {
    auto it = obj.find("@type");
    if (it == obj.end()) return false;
    auto is = [&](const Json& t) {
        return t.is_string() && t.get_ref<const std::string&>().ends_with(type);
    };
    return is(*it) || (it->is_array() && std::any_of(it->begin(), it->end(), is));
}

// The first schema.org Review (or CriticReview, UserReview) in a JSON-LD tree, and the Movie it
// was found in, if any. JSON-LD nests it in arrays, "@graph" or a Movie's "review".
const Json* find_review(const Json& v, const Json*& movie, int depth = 0) {
    if (depth > 8) return nullptr;
    if (v.is_array()) {
        for (const Json& e : v) {
            if (const Json* r = find_review(e, movie, depth + 1)) return r;
        }
        return nullptr;
    }
    if (!v.is_object()) return nullptr;
    if (has_type(v, "Review")) return &v;
    bool is_movie = has_type(v, "Movie");
    for (const char* key : {"@graph", "review", "reviews"}) {
        auto it = v.find(key);
        if (it == v.end()) continue;
        if (const Json* r = find_review(*it, movie, depth + 1)) {
            if (is_movie && !movie) movie = &v;
            return r;
        }
    }
    return nullptr;
}

// The year a schema.org Movie came out: its datePublished or dateCreated ("1995",
// "1995-12-15", or the number 1995).
std::optional<int> movie_year(const Json& movie) {
    if (!movie.is_object()) return std::nullopt;
    for (const char* key : {"datePublished", "dateCreated"}) {
        auto it = movie.find(key);
        if (it == movie.end()) continue;
        if (it->is_number_integer()) {
            if (std::optional<int> y = parse_year(std::to_string(it->get<long long>()))) return y;
        } else if (it->is_string()) {
            if (std::optional<int> y = parse_year(it->get_ref<const std::string&>())) return y;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<Review> parse_json_ld(std::string_view json) {
    Json doc;
    try {
        Repairs repairs;
        doc = parse_repaired(json, repairs);
    } catch (const Json::exception&) {
        return std::nullopt;
    }
    const Json* movie = nullptr;
    const Json* obj = find_review(doc, movie);
    if (!obj) return std::nullopt;
    Review r = review_from_object(*obj, FieldMap{});
    auto reviewed = obj->find("itemReviewed");
    if (reviewed == obj->end()) {
        // Not the headline, as CSV's lone title would be.
        r.film = movie ? object_text(*movie) : std::string();
    } else {
        movie = &*reviewed;
    }
    // The year is the film's, as year: reads it: the review's date only stands in for it (the
    // caller's fallback), and a page reviewing Heat (1995) in 2021 is no film of 2021.
    r.year = movie ? movie_year(*movie) : std::nullopt;
    return r;
}

std::vector<Review> parse_jsonl(std::istream& in, const FieldMap& fields,
                                std::size_t max_line_bytes, std::vector<std::string>& warnings) {
    std::vector<Review> reviews;
    std::streambuf* buf = in.rdbuf();
    std::string line;
    std::size_t line_no = 0;
    Repairs repaired_any;
    while (true) {
        line.clear();
        bool too_long = false, gave_up = false;
        int c;
        while ((c = buf->sbumpc()) != std::char_traits<char>::eof() && c != '\n') {
            if (line.size() < max_line_bytes) {
                line += static_cast<char>(c);
            } else {
                // The rest of the line is skipped at memchr speed, but not without end: a line
                // that runs on for 8 times the limit means the file is not JSON Lines at all
                // (a 2 GB sparse file would otherwise be read whole).
                too_long = true;
                auto limit = static_cast<std::streamsize>(std::min<std::size_t>(
                    max_line_bytes * 8, std::numeric_limits<std::streamsize>::max()));
                in.ignore(limit, '\n');
                gave_up = !in.eof() && in.gcount() == limit;
                c = in.eof() ? std::char_traits<char>::eof() : '\n';
                break;
            }
        }
        if (c == std::char_traits<char>::eof() && line.empty()) break;
        ++line_no;
        std::string_view v = line;
        while (!v.empty() && (v.back() == '\r' || v.back() == ' ')) v.remove_suffix(1);
        if (v.find_first_not_of(" \t") == std::string_view::npos) continue;
        if (gave_up) {
            warnings.push_back(fmt::format("line {}: longer than {}; the rest of the file skipped",
                                           line_no, describe_size(max_line_bytes * 8)));
            break;
        }
        if (too_long) {
            warnings.push_back(fmt::format("line {}: longer than {}, skipped", line_no,
                                           describe_size(max_line_bytes)));
            reviews.emplace_back().record = kSkippedRecord;
            continue;
        }
        try {
            Repairs repairs;
            Json obj = parse_repaired(v, repairs);
            repaired_any |= repairs;
            if (!obj.is_object()) throw InputError("not a JSON object");
            reviews.push_back(review_from_object(obj, fields));
        } catch (const std::exception& e) {
            warnings.push_back(fmt::format("line {}: skipped: {}", line_no, short_reason(e)));
            reviews.emplace_back().record = kSkippedRecord;
        }
    }
    warn_repairs(repaired_any, warnings);
    return reviews;
}

}  // namespace reel
