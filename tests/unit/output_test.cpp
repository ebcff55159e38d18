#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reel/output.hpp"

namespace reel {
namespace {

SearchResult sample() {
    SearchResult r;
    r.total = 7;
    Hit h;
    h.rank = 1;
    h.score = 3.14159;
    h.stored.review.path = "/r/a.csv";
    h.stored.review.record = 2;
    h.stored.review.id = "/r/a.csv#2";
    h.stored.review.film = "Whiplash";
    h.stored.review.rating = 9;
    h.stored.review.year = 2014;
    h.stored.entities.people = {{"J.K. Simmons", "jk simmons", {}},
                                {"Miles Teller", "miles teller", {}}};
    h.stored.entities.films = {{"Whiplash", "whiplash", {}}};
    h.snippet = "a\ttab and\nnewline";
    r.hits.push_back(h);
    r.people = {{"J.K. Simmons", 5}};
    return r;
}

TEST(Output, JsonIsOneObjectPerQueryWithEveryField) {
    OutputStyle style{OutputFormat::json, false, false, true};
    std::string out = format_result(style, "q1", "drum", sample());
    ASSERT_EQ(out.back(), '\n');
    EXPECT_EQ(out.find('\n'), out.size() - 1);
    auto j = nlohmann::json::parse(out);
    EXPECT_EQ(j["id"], "q1");
    EXPECT_EQ(j["query"], "drum");
    EXPECT_EQ(j["total"], 7);
    auto h = j["hits"][0];
    EXPECT_EQ(h["rank"], 1);
    EXPECT_EQ(h["id"], "/r/a.csv#2");
    EXPECT_EQ(h["record"], 2);
    EXPECT_EQ(h["film"], "Whiplash");
    EXPECT_EQ(h["rating"], 9.0);
    EXPECT_EQ(h["people"], nlohmann::json({"J.K. Simmons", "Miles Teller"}));
    EXPECT_EQ(h["films"], nlohmann::json({"Whiplash"}));
    EXPECT_EQ(j["facets"]["people"][0]["name"], "J.K. Simmons");
    EXPECT_EQ(j["facets"]["people"][0]["count"], 5);
}

// A review's url (front matter, a url column) was stored but shown nowhere: a site could not
// link its hits to its pages.
TEST(Output, JsonHitsGiveTheReviewsUrl) {
    OutputStyle style{OutputFormat::json, false, false, true};
    SearchResult result = sample();
    result.hits[0].stored.review.url = "https://example.com/whiplash";
    auto with = nlohmann::json::parse(format_result(style, "q1", "drum", result));
    EXPECT_EQ(with["hits"][0]["url"], "https://example.com/whiplash");
    auto without = nlohmann::json::parse(format_result(style, "q1", "drum", sample()));
    EXPECT_FALSE(without["hits"][0].contains("url"));
}

TEST(Output, JsonCountOnlyAndErrors) {
    OutputStyle style{OutputFormat::json, false, true, false};
    auto j = nlohmann::json::parse(format_result(style, "1", "x", sample()));
    EXPECT_EQ(j["total"], 7);
    EXPECT_FALSE(j.contains("hits"));
    auto e = nlohmann::json::parse(format_query_error(style, "2", "rating:9..1", "backwards"));
    EXPECT_EQ(e["error"], "backwards");
}

TEST(Output, JsonSurvivesInvalidUtf8) {
    OutputStyle style{OutputFormat::json, false, false, false};
    SearchResult r = sample();
    r.hits[0].snippet = "bad \xff byte";
    EXPECT_NO_THROW(nlohmann::json::parse(format_result(style, "1", "q\xfe", r)));
}

// A batch line's id and query are echoed as the query was read: stray bytes as Windows-1252
// ("almod\xf3var" searched for "almodóvar"), never as invalid UTF-8; in text, with control
// characters shown rather than sent to the terminal.
TEST(Output, EchoedIdAndQueryAreValidUtf8InEveryFormat) {
    SearchResult r = sample();
    OutputStyle json{OutputFormat::json, false, false, false};
    auto j = nlohmann::json::parse(format_result(json, "id\xe9", "almod\xf3var", r));
    EXPECT_EQ(j["id"], "idé");
    EXPECT_EQ(j["query"], "almodóvar");
    auto e = nlohmann::json::parse(format_query_error(json, "2", "x\xf3 (", "bad"));
    EXPECT_EQ(e["query"], "xó (");
    OutputStyle text{OutputFormat::text, false, false, false};
    std::string shown = format_result(text, "id\xe9", "almod\xf3var \x1b[2J", r);
    EXPECT_NE(shown.find("== idé: almodóvar \\x1b[2J\n"), std::string::npos) << shown;
    OutputStyle tsv{OutputFormat::tsv, false, false, false};
    EXPECT_TRUE(format_result(tsv, "id\xe9", "q", r).starts_with("idé\t1\t")) << "tsv";
}

TEST(Output, TsvFieldsHaveNoTabsOrNewlines) {
    OutputStyle style{OutputFormat::tsv, false, false, false};
    std::string out = format_result(style, "q1", "drum", sample());
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
    EXPECT_EQ(std::count(out.begin(), out.end(), '\t'), 8);
    EXPECT_NE(out.find("J.K. Simmons, Miles Teller"), std::string::npos);
}

TEST(Output, TextShowsFilmPeopleAndTotal) {
    OutputStyle style{OutputFormat::text, false, false, false};
    std::string out = format_result(style, "", "drum", sample());
    EXPECT_NE(out.find("Whiplash (2014)"), std::string::npos);
    EXPECT_NE(out.find("9/10"), std::string::npos);
    EXPECT_NE(out.find("/r/a.csv#2"), std::string::npos);
    EXPECT_NE(out.find("people: J.K. Simmons, Miles Teller"), std::string::npos);
    EXPECT_NE(out.find("1-1 of 7 matching reviews"), std::string::npos);
    EXPECT_EQ(out.find("\033["), std::string::npos);  // no colour unless asked
}

// In colour every line ends with its colour reset, before the newline: a dim summary left open
// across it dims whatever the terminal prints next (the shell prompt).
TEST(Output, ColourNeverRunsPastALine) {
    OutputStyle style{OutputFormat::text, true, false, false};
    std::string out = format_result(style, "", "drum", sample());
    EXPECT_NE(out.find("\033["), std::string::npos);
    std::size_t start = 0;
    for (std::size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
        std::string line = out.substr(start, nl - start);
        std::size_t last_code = line.rfind("\033[");
        if (last_code != std::string::npos) {
            EXPECT_EQ(line.substr(last_code), "\033[0m") << line;
        }
        EXPECT_FALSE(out.substr(nl + 1).starts_with("\033[0m")) << "a reset after line: " << line;
        start = nl + 1;
    }
}

// A review with no film under review says so the same way in hits and in --list reviews.
TEST(Output, AMissingFilmIsNullInEveryListing) {
    OutputStyle style{OutputFormat::json, false, false, false};
    SearchResult r = sample();
    r.hits[0].stored.review.film.clear();
    auto hit = nlohmann::json::parse(format_result(style, "1", "drum", r))["hits"][0];
    auto entry = nlohmann::json::parse(format_review_entry(style, r.hits[0].stored));
    EXPECT_TRUE(hit["film"].is_null());
    EXPECT_TRUE(entry["film"].is_null());
    r.hits[0].stored.review.film = "Whiplash";
    EXPECT_EQ(nlohmann::json::parse(format_review_entry(style, r.hits[0].stored))["film"],
              "Whiplash");
}

// Facets count every match, so a count keeps them, as the JSON count does.
TEST(Output, TextCountKeepsFacets) {
    OutputStyle style{OutputFormat::text, false, true, true};
    EXPECT_EQ(format_result(style, "", "drum", sample()), "7\ntop people: J.K. Simmons (5)\n");
}

TEST(Output, CatalogueEntryJson) {
    OutputStyle style{OutputFormat::json, false, false, false};
    CatalogueEntry e{
        EntityKind::person, "jk simmons", "J.K. Simmons", {{"JK Simmons", 3}, {"Simmons", 2}}, 9};
    auto j = nlohmann::json::parse(format_catalogue_entry(style, e));
    EXPECT_EQ(j["name"], "J.K. Simmons");
    EXPECT_EQ(j["kind"], "person");
    EXPECT_EQ(j["reviews"], 9);
    EXPECT_EQ(j["aliases"], nlohmann::json({"JK Simmons", "Simmons"}));
}

}  // namespace
}  // namespace reel
