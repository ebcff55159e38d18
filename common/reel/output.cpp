#include "reel/output.hpp"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "reel/query_repair.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kBold = "\033[1m", kDim = "\033[2m", kYellow = "\033[1;33m",
                           kReset = "\033[0m";

std::string dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json names(const std::vector<Entity>& entities) {
    Json out = Json::array();
    for (const Entity& e : entities) out.push_back(e.name);
    return out;
}

std::string joined(const std::vector<Entity>& entities) {
    std::string out;
    for (const Entity& e : entities) {
        if (!out.empty()) out += ", ";
        out += e.name;
    }
    return out;
}

// TSV fields cannot hold tabs or newlines. (A path keeps its bytes, whatever they are: they
// are what opens the file.)
std::string tsv_field(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
}

std::string display_id(const Review& r) {
    return r.record ? fmt::format("{}#{}", r.path, r.record) : r.path;
}

std::string heading(const Review& r) {
    std::string h = !r.film.empty()    ? r.film
                    : !r.title.empty() ? r.title
                                       : r.path.substr(r.path.rfind('/') + 1);
    if (r.year) h += fmt::format(" ({})", *r.year);
    return h;
}

std::string rating_text(const Review& r) {
    return r.rating ? fmt::format("{:g}/10", *r.rating) : "";
}

Json hit_json(const Hit& hit) {
    const Review& r = hit.stored.review;
    Json j = {{"rank", hit.rank},
              {"score", std::round(hit.score * 1000) / 1000},
              {"id", r.id},
              {"path", r.path},
              {"record", r.record}};
    j["film"] = r.film.empty() ? Json(nullptr) : Json(r.film);
    j["rating"] = r.rating ? Json(*r.rating) : Json(nullptr);
    if (!r.title.empty()) j["title"] = r.title;
    if (!r.author.empty()) j["author"] = r.author;
    if (!r.date.empty()) j["date"] = r.date;
    // The page the review is published at: reel-index read it (front matter, --field url=)
    // and kept it, but no output showed it.
    if (!r.url.empty()) j["url"] = r.url;
    if (r.year) j["year"] = *r.year;
    j["people"] = names(hit.stored.entities.people);
    j["films"] = names(hit.stored.entities.films);
    j["snippet"] = hit.snippet;
    return j;
}

Json facets_json(const std::vector<FacetCount>& facets) {
    Json out = Json::array();
    for (const FacetCount& f : facets) out.push_back({{"name", f.name}, {"count", f.count}});
    return out;
}

// "top people: ..." and "top films: ..." lines.
std::string text_facets(const SearchResult& result) {
    std::string out;
    auto facet_line = [&](const char* label, const std::vector<FacetCount>& list) {
        std::string s;
        for (const FacetCount& f : list)
            s += fmt::format("{}{} ({})", s.empty() ? "" : ", ", f.name, f.count);
        if (!s.empty()) out += fmt::format("top {}: {}\n", label, s);
    };
    facet_line("people", result.people);
    facet_line("films", result.films);
    return out;
}

// "no reviews match", and why when a word was meant as a field that is none.
std::string no_match_line(std::string_view query) {
    std::string field = unknown_field(query);
    if (field.empty()) return "no reviews match";
    return fmt::format("no reviews match ('{}:' is no field; fields are {})", printable(field),
                       field_list());
}

std::string text_result(const OutputStyle& style, std::string_view id, std::string_view query,
                        const SearchResult& result) {
    auto paint = [&](std::string_view code, const std::string& s) {
        return style.color ? fmt::format("{}{}{}", code, s, kReset) : s;
    };
    std::string out;
    // Id and query come from the batch file as typed: shown repaired, as the query was read, and
    // with control characters visible rather than sent to the terminal.
    if (!id.empty())
        out += paint(kBold, fmt::format("== {}: {}", printable(id), printable(query))) + "\n";
    // Facets count all matches, so --count keeps them (as JSON does) rather than drop them.
    if (style.count_only)
        return out + fmt::format("{}\n", result.total) + (style.facets ? text_facets(result) : "");
    for (const Hit& hit : result.hits) {
        const Review& r = hit.stored.review;
        std::string line = fmt::format("{:>3}. {}", hit.rank, paint(kBold, heading(r)));
        if (r.rating) line += "  " + rating_text(r);
        if (!r.author.empty()) line += "  by " + r.author;
        out += line + paint(kDim, fmt::format("  [{:.2f}]", hit.score)) + "\n";
        out += "     " + paint(kDim, display_id(r)) + "\n";
        if (!hit.stored.entities.people.empty())
            out += "     people: " + joined(hit.stored.entities.people) + "\n";
        if (!hit.stored.entities.films.empty())
            out += "     films:  " + joined(hit.stored.entities.films) + "\n";
        if (!hit.snippet.empty()) {
            std::string snippet = hit.snippet;
            for (char& c : snippet) {
                if (c == '\n') c = ' ';
            }
            out += "     " + snippet + "\n";
        }
    }
    if (style.facets) out += text_facets(result);
    std::size_t shown_to = result.hits.empty() ? 0 : result.hits.back().rank;
    // The colour ends before the newline: a terminal left dim past it colours the next prompt.
    out += paint(kDim,
                 result.total == 0
                     ? no_match_line(query)
                     : fmt::format("{} of {} matching review{}",
                                   result.hits.empty()
                                       ? std::string("none")
                                       : fmt::format("{}-{}", result.hits.front().rank, shown_to),
                                   result.total, result.total == 1 ? "" : "s"));
    return out + "\n";
}

}  // namespace

std::string highlight_start(const OutputStyle& style) {
    return style.format == OutputFormat::text && style.color ? std::string(kYellow) : "";
}

std::string highlight_end(const OutputStyle& style) {
    return style.format == OutputFormat::text && style.color ? std::string(kReset) : "";
}

std::string format_header(const OutputStyle& style) {
    if (style.format != OutputFormat::tsv) return "";
    if (style.count_only) return "query_id\ttotal\n";
    return "query_id\trank\tscore\tid\tfilm\trating\tpeople\tfilms\tsnippet\n";
}

std::string format_list_header(const OutputStyle& style, bool reviews) {
    if (style.format != OutputFormat::tsv || style.count_only) return "";
    return reviews ? "id\tpeople\tfilms\n" : "name\tkind\treviews\taliases\n";
}

std::string format_result(const OutputStyle& style, std::string_view id, std::string_view query,
                          const SearchResult& result) {
    switch (style.format) {
        case OutputFormat::json: {
            Json j = {
                {"id", repair_utf8(id)}, {"query", repair_utf8(query)}, {"total", result.total}};
            if (!style.count_only) {
                Json hits = Json::array();
                for (const Hit& h : result.hits) hits.push_back(hit_json(h));
                j["hits"] = std::move(hits);
            }
            if (style.facets)
                j["facets"] = {{"people", facets_json(result.people)},
                               {"films", facets_json(result.films)}};
            return dump(j) + "\n";
        }
        case OutputFormat::tsv: {
            // The query's id comes from the batch file as typed: repaired as the query is.
            std::string query_id = tsv_field(repair_utf8(id));
            if (style.count_only) return fmt::format("{}\t{}\n", query_id, result.total);
            std::string out;
            for (const Hit& h : result.hits) {
                const Review& r = h.stored.review;
                out +=
                    fmt::format("{}\t{}\t{:.3f}\t{}\t{}\t{}\t{}\t{}\t{}\n", query_id, h.rank,
                                h.score, tsv_field(r.id), tsv_field(r.film),
                                r.rating ? fmt::format("{:g}", *r.rating) : "",
                                tsv_field(joined(h.stored.entities.people)),
                                tsv_field(joined(h.stored.entities.films)), tsv_field(h.snippet));
            }
            return out;
        }
        case OutputFormat::text:
            break;
    }
    return text_result(style, id, query, result);
}

std::string format_query_error(const OutputStyle& style, std::string_view id,
                               std::string_view query, std::string_view message) {
    if (style.format != OutputFormat::json) return "";
    return dump(Json{{"id", repair_utf8(id)}, {"query", repair_utf8(query)}, {"error", message}}) +
           "\n";
}

std::string format_catalogue_entry(const OutputStyle& style, const CatalogueEntry& e) {
    if (style.format == OutputFormat::json) {
        Json aliases = Json::array();
        for (const auto& [alias, n] : e.aliases) aliases.push_back(alias);
        return dump(Json{{"name", e.name},
                         {"kind", kind_name(e.kind)},
                         {"reviews", e.reviews},
                         {"aliases", aliases}}) +
               "\n";
    }
    std::string aliases;
    for (const auto& [alias, n] : e.aliases) aliases += aliases.empty() ? alias : ", " + alias;
    if (style.format == OutputFormat::tsv)
        return fmt::format("{}\t{}\t{}\t{}\n", tsv_field(e.name), kind_name(e.kind), e.reviews,
                           tsv_field(aliases));
    return fmt::format("{:>6}  {}{}\n", e.reviews, e.name,
                       aliases.empty() ? "" : fmt::format("  (also: {})", aliases));
}

std::string format_list_count(const OutputStyle& style, std::size_t total) {
    if (style.format == OutputFormat::json) return dump(Json{{"total", total}}) + "\n";
    return fmt::format("{}\n", total);
}

std::string format_review_entry(const OutputStyle& style, const StoredReview& s) {
    const Review& r = s.review;
    if (style.format == OutputFormat::json) {
        return dump(Json{{"id", r.id},
                         {"path", r.path},
                         {"record", r.record},
                         {"film", r.film.empty() ? Json(nullptr) : Json(r.film)},  // as in hits
                         {"people", names(s.entities.people)},
                         {"films", names(s.entities.films)}}) +
               "\n";
    }
    return fmt::format("{}\t{}\t{}\n", tsv_field(display_id(r)),
                       tsv_field(joined(s.entities.people)), tsv_field(joined(s.entities.films)));
}

}  // namespace reel
