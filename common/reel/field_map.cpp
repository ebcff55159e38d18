#include "reel/field_map.hpp"

#include <array>

#include "reel/errors.hpp"
#include "reel/metadata.hpp"
#include "reel/text_normalize.hpp"

namespace reel {

namespace {

struct FieldName {
    std::string_view name;
    Field field;
};

constexpr std::array<FieldName, 8> kFieldNames = {{{"text", Field::text},
                                                   {"film", Field::film},
                                                   {"title", Field::title},
                                                   {"rating", Field::rating},
                                                   {"author", Field::author},
                                                   {"date", Field::date},
                                                   {"year", Field::year},
                                                   {"url", Field::url}}};

// schema.org's Review (JSON-LD, as review pages embed it): reviewBody, itemReviewed,
// reviewRating, datePublished.
constexpr std::array<FieldName, 37> kCommonColumns = {{
    {"review", Field::text},
    {"review_content", Field::text},
    {"review_text", Field::text},
    {"reviewtext", Field::text},
    {"text", Field::text},
    {"content", Field::text},
    {"body", Field::text},
    {"comment", Field::text},
    {"film", Field::film},
    {"movie", Field::film},
    {"movie_title", Field::film},
    {"film_title", Field::film},
    {"movie_name", Field::film},
    {"title", Field::title},
    {"headline", Field::title},
    {"rating", Field::rating},
    {"score", Field::rating},
    {"review_score", Field::rating},
    {"stars", Field::rating},
    {"author", Field::author},
    {"critic", Field::author},
    {"critic_name", Field::author},
    {"reviewer", Field::author},
    {"user", Field::author},
    {"username", Field::author},
    {"date", Field::date},
    {"review_date", Field::date},
    {"published", Field::date},
    {"year", Field::year},
    {"release_year", Field::year},
    {"url", Field::url},
    {"link", Field::url},
    {"review_url", Field::url},
    {"reviewbody", Field::text},
    {"itemreviewed", Field::film},
    {"reviewrating", Field::rating},
    {"datepublished", Field::date},
}};

std::string fold_column(std::string_view s) {
    std::string out;
    // A header typed "film, review, rating" has names that start with a space.
    for (char c : trim_blanks(s)) {
        if (c == ' ' || c == '-') c = '_';
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

}  // namespace

void FieldMap::add_mapping(std::string_view spec) {
    auto eq = spec.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size()) {
        throw UsageError("--field expects NAME=COLUMN, got '" + std::string(spec) + "'");
    }
    std::string name = fold_column(spec.substr(0, eq));
    for (const auto& f : kFieldNames) {
        if (f.name == name) {
            std::string column(spec.substr(eq + 1));
            explicit_[fold_column(column)] = {f.field, {std::string(spec), column}};
            return;
        }
    }
    throw UsageError("--field: unknown field '" + name + "' (known: " + std::string(field_names()) +
                     ")");
}

std::optional<Field> FieldMap::field_for(std::string_view column) const {
    std::string folded = fold_column(column);
    if (auto it = explicit_.find(folded); it != explicit_.end()) {
        // Read first: every record of every file comes here, and writing each time would
        // bounce the flag's cache line between the loader threads.
        if (!it->second.used->load(std::memory_order_relaxed))
            it->second.used->store(true, std::memory_order_relaxed);
        return it->second.field;
    }
    for (const auto& c : kCommonColumns) {
        if (c.name == folded) return c.field;
    }
    return std::nullopt;
}

std::vector<FieldMap::Mapping> FieldMap::unused_mappings() const {
    std::vector<Mapping> unused;
    for (const auto& [column, mapping] : explicit_) {
        if (!mapping.used->load(std::memory_order_relaxed)) unused.push_back(mapping.given);
    }
    return unused;
}

std::string_view FieldMap::field_names() {
    return "text, film, title, rating, author, date, year, url";
}

std::string FieldMap::common_columns(Field field) {
    std::string out;
    for (const auto& c : kCommonColumns) {
        if (c.field != field) continue;
        if (!out.empty()) out += ", ";
        out += c.name;
    }
    return out;
}

Review review_from_record(const std::vector<std::pair<std::string, std::string>>& record,
                          const FieldMap& map) {
    Review r;
    bool has_film_column = false;
    for (const auto& [column, raw] : record) {
        auto field = map.field_for(column);
        if (!field) continue;
        if (*field == Field::text) {
            NormalizedText t = normalize_text(raw);
            if (!r.text.empty()) r.text += "\n\n";
            std::size_t offset = r.text.size();
            r.text += t.text;
            for (auto span : t.emphasis)
                r.emphasis.push_back({span.begin + offset, span.end + offset});
            continue;
        }
        std::string value = collapse_spaces(normalize_text(raw).text);
        switch (*field) {
            case Field::film:
                r.film = value;
                has_film_column = true;
                break;
            case Field::title:
                r.title = value;
                break;
            case Field::rating:
                r.rating = parse_rating(value);
                break;
            case Field::author:
                r.author = value;
                break;
            case Field::date:
                r.date = value;
                break;
            case Field::year:
                r.year = parse_year(value);
                break;
            case Field::url:
                r.url = value;
                break;
            case Field::text:
                break;
        }
    }
    // In review datasets a lone "title" column almost always names the film.
    if (!has_film_column && r.film.empty()) r.film = r.title;
    if (!r.year && !r.date.empty()) r.year = parse_year(r.date);
    return r;
}

}  // namespace reel
