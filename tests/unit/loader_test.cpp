#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "reel/errors.hpp"
#include "reel/loader.hpp"

namespace reel {
namespace {

namespace fs = std::filesystem;

std::string span_text(const Review& r, std::size_t i) {
    return r.text.substr(r.emphasis.at(i).begin, r.emphasis.at(i).end - r.emphasis.at(i).begin);
}

TEST(ParseMarkdown, FrontMatterAndBody) {
    std::vector<std::string> w;
    Review r = parse_markdown(
        "---\nfilm: \"Whiplash\"\nyear: 2014\nrating: 4/5\nauthor: Ana\ndate: 2014-10-10\n"
        "title: Tempo\nurl: http://x\n---\nJ.K. Simmons in *Whiplash*.\n",
        w);
    EXPECT_EQ(r.film, "Whiplash");
    EXPECT_EQ(r.year, 2014);
    EXPECT_DOUBLE_EQ(*r.rating, 8);
    EXPECT_EQ(r.author, "Ana");
    EXPECT_EQ(r.title, "Tempo");
    EXPECT_EQ(r.url, "http://x");
    EXPECT_EQ(r.text, "J.K. Simmons in *Whiplash*.\n");
    ASSERT_EQ(r.emphasis.size(), 1u);
    EXPECT_EQ(span_text(r, 0), "Whiplash");
    EXPECT_TRUE(w.empty());
}

// Front matter values are read as YAML and TOML read them: a comment after one was part of the
// film ("Vertigo # the 1958 one"), and quotes written inside quotes were kept doubled.
TEST(ParseMarkdown, FrontMatterCommentsAndQuotesInsideQuotes) {
    std::vector<std::string> w;
    Review r = parse_markdown(
        "---\nfilm: Vertigo # the 1958 one\nrating: \"4/5\"  # stars\nauthor: 'Kim O''Hara'\n"
        "title: \"The \\\"Vertigo\\\" effect\"\nurl: https://x.org/a#b\n---\nText.\n",
        w);
    EXPECT_EQ(r.film, "Vertigo");
    EXPECT_DOUBLE_EQ(*r.rating, 8);
    EXPECT_EQ(r.author, "Kim O'Hara");
    EXPECT_EQ(r.title, "The \"Vertigo\" effect");
    EXPECT_EQ(r.url, "https://x.org/a#b");
    Review toml =
        parse_markdown("+++\nmovie = \"Heat\" # Mann's\nscore = 9 # of 10\n+++\nText.\n", w);
    EXPECT_EQ(toml.film, "Heat");
    EXPECT_DOUBLE_EQ(*toml.rating, 9);
    EXPECT_TRUE(w.empty());
}

// Values YAML writes over several lines, and lists: the author of "author:\n  - Ana" was lost,
// and the title of "movie:\n  title: Jaws" taken for the review's.
TEST(ParseMarkdown, FrontMatterListsBlocksAndMappings) {
    std::vector<std::string> w;
    Review r = parse_markdown(
        "---\ntitle: >-\n  Jaws, or how\n  I learnt to fear\nmovie:\n  title: Jaws\n  year: 1975\n"
        "author:\n  - name: Ana Ruiz\n  - 'Bo Li'\ntags: [sea, shark]\nparams:\n  rating: 8/10\n"
        "---\nText.\n",
        w);
    EXPECT_EQ(r.title, "Jaws, or how I learnt to fear");
    EXPECT_EQ(r.film, "Jaws");
    EXPECT_EQ(r.year, 1975);
    EXPECT_EQ(r.author, "Ana Ruiz, Bo Li");
    EXPECT_DOUBLE_EQ(*r.rating, 8);
    EXPECT_EQ(r.text, "Text.\n");
    Review jekyll = parse_markdown(
        "---\nurl: /heat/\nauthor:\n  name: Ana Ruiz\n  url: https://ana.example\n---\nText.\n", w);
    EXPECT_EQ(jekyll.author, "Ana Ruiz");
    EXPECT_EQ(jekyll.url, "/heat/");
    Review flow = parse_markdown("---\nauthor: [Ana Ruiz, \"Bo Li\"]\n---\nText.\n", w);
    EXPECT_EQ(flow.author, "Ana Ruiz, Bo Li");
    Review toml = parse_markdown("+++\ncritic = [\"Ana Ruiz\"]\n+++\nText.\n", w);
    EXPECT_EQ(toml.author, "Ana Ruiz");
    EXPECT_TRUE(w.empty());
}

// Hugo writes TOML front matter between "+++" lines: it was read as the review's text, its
// values taken for films ("8/10", "Dee Kay") and the film, rating and author lost.
TEST(ParseMarkdown, TomlFrontMatter) {
    std::vector<std::string> w;
    Review r = parse_markdown(
        "+++\ntitle = \"Cold\"\nfilm = \"Fargo\"\nyear = 1996\nrating = \"8/10\"\n"
        "author = 'Dee Kay'\n+++\nFrances McDormand is wonderful.\n",
        w);
    EXPECT_EQ(r.film, "Fargo");
    EXPECT_EQ(r.title, "Cold");
    EXPECT_EQ(r.year, 1996);
    EXPECT_DOUBLE_EQ(*r.rating, 8);
    EXPECT_EQ(r.author, "Dee Kay");
    EXPECT_EQ(r.text, "Frances McDormand is wonderful.\n");
    EXPECT_TRUE(w.empty());
    parse_markdown("+++\nfilm = \"Fargo\"\nno end\n", w);
    EXPECT_EQ(w, std::vector<std::string>{"front matter not closed by '+++'; read as text"});
}

// Link addresses were indexed as words: every review linking to IMDb matched "imdb" and
// "title", and snippets showed the addresses.
TEST(ParseMarkdown, LinksAreTheirTextAndImagesNothing) {
    std::vector<std::string> w;
    Review r = parse_markdown(
        "![Poster](https://cdn.x.com/heat.jpg)\n[Michael Mann](https://www.imdb.com/name/nm1/ "
        "\"IMDb\")'s *[Heat](https://en.wikipedia.org/wiki/Heat_(1995_film))* with [Al "
        "Pacino][1], [REC] and [a](b\n\n  [1]: https://www.imdb.com/title/tt2/\nEnd.\n",
        w);
    EXPECT_EQ(r.text, "\nMichael Mann's *Heat* with Al Pacino, [REC] and [a](b\n\n\nEnd.\n");
    ASSERT_EQ(r.emphasis.size(), 1u);
    EXPECT_EQ(span_text(r, 0), "Heat");
    std::string brackets(1 << 20, '[');  // read in linear time
    EXPECT_EQ(parse_markdown(brackets + "](" + brackets, w).text.size(), 2 * brackets.size() + 2);
}

TEST(ParseMarkdown, NoFrontMatterTitleFromHeading) {
    std::vector<std::string> w;
    Review r =
        parse_markdown("# Heat, again\n\nsnake_case and **bold** are not _emphasis_ markers\n", w);
    EXPECT_EQ(r.title, "Heat, again");
    ASSERT_EQ(r.emphasis.size(), 1u);
    EXPECT_EQ(span_text(r, 0), "emphasis");
}

TEST(ParseMarkdown, UnclosedFrontMatterIsText) {
    std::vector<std::string> w;
    Review r = parse_markdown("---\nfilm: X\nno end\n", w);
    EXPECT_TRUE(r.film.empty());
    EXPECT_NE(r.text.find("no end"), std::string::npos);
    EXPECT_EQ(w.size(), 1u);
}

TEST(ParseHtml, VisibleTextTitleAndItalics) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<html><head><title>My &amp; review</title><meta name=author content='Bo'>"
        "<style>p{color:red}</style></head><body><script>var x='hidden';</script>"
        "<p>Nicole Kidman in <em>Rabbit&nbsp;Hole</em>.</p><p>Second&#8217;s</p></body></html>",
        w);
    EXPECT_EQ(r.title, "My & review");
    EXPECT_EQ(r.author, "Bo");
    EXPECT_EQ(r.text.find("hidden"), std::string::npos);
    EXPECT_EQ(r.text.find("color"), std::string::npos);
    EXPECT_NE(r.text.find("Second's"), std::string::npos);
    ASSERT_EQ(r.emphasis.size(), 1u);
    EXPECT_EQ(span_text(r, 0), "Rabbit Hole");
}

// Menus and footers are the site's, on every page: not the review's text.
TEST(ParseHtml, MenusAndFootersAreNotTheReview) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<html><body><nav><a href='/'>Home</a> | <a href='/login'>Login</a></nav>"
        "<header><h1>Rashomon</h1></header><article><p>Mifune <em>roars</em>.</p></article>"
        "<footer>Copyright Reel Deal | Cookie policy</footer></body></html>",
        w);
    EXPECT_EQ(r.text.find("Login"), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find("Cookie"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("Rashomon"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("Mifune roars."), std::string::npos) << r.text;
    ASSERT_EQ(r.emphasis.size(), 1u);
    EXPECT_EQ(span_text(r, 0), "roars");
}

// A WordPress sidebar (<aside> beside the article: "Recent posts") is on every page: each page
// mentioned the films of the other reviews' titles. An aside inside the article is its own.
TEST(ParseHtml, SidebarsBesideTheArticleAreNotTheReview) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<body><main><article><p>Mifune roars.</p><aside>Kurosawa said so.</aside></article>"
        "</main><aside id=secondary class=widget-area>Recent posts: Ronin review</aside></body>",
        w);
    EXPECT_EQ(r.text.find("Ronin"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("Kurosawa said so."), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("Mifune roars."), std::string::npos) << r.text;
}

// Header cells, definition lists and summaries are laid out apart: their words were glued
// ("DirectorWriter", "Al PacinoRobert De Niro") and no search found them.
TEST(ParseHtml, WordsOfAdjacentCellsAndListItemsStayApart) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<table><tr><th>Director</th><th>Writer</th></tr></table><dl><dt>Starring</dt>"
        "<dd>Al Pacino</dd><dd>Robert De Niro</dd></dl><details><summary>Spoilers</summary>"
        "He dies</details><p>Line</p><center>Heat</center><center>Directed by Mann</center>",
        w);
    for (const char* glued :
         {"DirectorWriter", "StarringAl", "PacinoRobert", "SpoilersHe", "HeatDirected"})
        EXPECT_EQ(r.text.find(glued), std::string::npos) << glued << " in " << r.text;
    EXPECT_NE(r.text.find("Al Pacino"), std::string::npos);
}

// Review pages give the film, rating and author in their schema.org JSON-LD, not in their
// text: an HTML mirror of a site was indexed without films or ratings.
TEST(ParseHtml, SchemaOrgJsonLdGivesFilmRatingAndAuthor) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Home\"},{\"@type\":\"Review\","
        "\"itemReviewed\":{\"@type\":\"Movie\",\"name\":\"Heat\"},\"reviewRating\":{\"@type\":"
        "\"Rating\",\"ratingValue\":\"4.5\",\"bestRating\":\"5\"},\"author\":{\"@type\":"
        "\"Person\",\"name\":\"Ann Lee\"},\"datePublished\":\"2020-03-15\","
        "\"reviewBody\":\"Short.\"}]}</script></head><body><p>Mann's best.</p></body></html>",
        w);
    EXPECT_EQ(r.film, "Heat");
    ASSERT_TRUE(r.rating);
    EXPECT_DOUBLE_EQ(*r.rating, 9);
    EXPECT_EQ(r.author, "Ann Lee");
    EXPECT_EQ(r.date, "2020-03-15");
    EXPECT_EQ(r.year, 2020);
    EXPECT_EQ(r.text.find("Short"), std::string::npos);  // the visible text is the review
    // A Movie's review, in the body; the page's own author meta tag wins.
    Review movie = parse_html(
        "<head><meta name=author content=\"Bo\"></head><body><script "
        "type=\"application/ld+json\">{\"@type\":\"Movie\",\"name\":\"Alien\",\"review\":"
        "{\"@type\":\"Review\",\"author\":\"Cy\",\"reviewRating\":{\"ratingValue\":8}}}"
        "</script><p>Scary.</p></body>",
        w);
    EXPECT_EQ(movie.film, "Alien");
    ASSERT_TRUE(movie.rating);
    EXPECT_DOUBLE_EQ(*movie.rating, 8);
    EXPECT_EQ(movie.author, "Bo");
    Review broken = parse_html(
        "<script type=\"application/ld+json\">{\"@type\": \"Review\",</script><p>Fine.</p>", w);
    EXPECT_EQ(broken.film, "");
    EXPECT_NE(broken.text.find("Fine."), std::string::npos);
    EXPECT_TRUE(w.empty());
}

// year: is the film's year: a page reviewing Heat (1995) in 2021 gave 2021, shown as "Heat
// (2021)", though its JSON-LD said when the film came out.
TEST(ParseHtml, TheReviewedMovieGivesTheYearNotTheReviewDate) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<head><meta name=date content=2021-05-04><script type=\"application/ld+json\">"
        "{\"@type\":\"Review\",\"itemReviewed\":{\"@type\":\"Movie\",\"name\":\"Heat\","
        "\"datePublished\":\"1995\"}}</script></head><p>Mann's best.</p>",
        w);
    EXPECT_EQ(r.film, "Heat");
    EXPECT_EQ(r.date, "2021-05-04");
    EXPECT_EQ(r.year, 1995);
    // In a Movie that holds its review, dateCreated as a number.
    Review nested = parse_html(
        "<script type=\"application/ld+json\">{\"@type\":\"Movie\",\"name\":\"Alien\","
        "\"dateCreated\":1979,\"review\":{\"@type\":\"Review\",\"datePublished\":"
        "\"2019-01-02\"}}</script><p>Scary.</p>",
        w);
    EXPECT_EQ(nested.film, "Alien");
    EXPECT_EQ(nested.year, 1979);
    EXPECT_TRUE(w.empty());
}

// A mirrored page's address on the site is its canonical link (or og:url): it was not read,
// and hits could only name the mirror's file.
TEST(ParseHtml, CanonicalLinkOrOpenGraphUrlIsTheUrl) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<head><meta property=\"og:url\" content=\"https://x.org/og\"><link rel=\"Canonical\" "
        "href=\"https://x.org/heat/\"></head><p>Heat.</p>",
        w);
    EXPECT_EQ(r.url, "https://x.org/heat/");
    EXPECT_EQ(parse_html("<meta property=og:url content=https://x.org/og><p>Heat.</p>", w).url,
              "https://x.org/og");
}

// A page that says it is in ISO-8859-1 is read as browsers read it, without a warning: every
// page of an older site was warned about as "invalid UTF-8 repaired", with exit status 1.
TEST(ParseHtml, DeclaredLatin1IsNoRepair) {
    std::vector<std::string> w;
    for (std::string head : {"<meta charset=\"ISO-8859-1\">",
                             "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
                             "charset=windows-1252\">",
                             "<?xml version='1.0' encoding='iso-8859-1'?>"}) {
        w.clear();
        Review r = parse_html(head + "<p>Caf\xe9 noir, \x93Heat\x94</p>", w);
        EXPECT_NE(r.text.find("Café noir, \"Heat\""), std::string::npos) << r.text;
        EXPECT_TRUE(w.empty()) << head;
    }
    w.clear();
    parse_html("<meta charset=utf-8><p>Caf\xe9</p>", w);
    EXPECT_EQ(w, std::vector<std::string>{"invalid UTF-8 repaired"});
}

TEST(ParseHtml, MetaNamesAreCaseInsensitive) {
    std::vector<std::string> w;
    Review r = parse_html(
        "<html><head><meta name=\"Author\" content=\"Pauline Kael\">"
        "<meta NAME=\"DATE\" content=\"1975-06-20\"></head><body><p>Jaws.</p></body></html>",
        w);
    EXPECT_EQ(r.author, "Pauline Kael");
    EXPECT_EQ(r.date, "1975-06-20");
}

TEST(ParseHtml, DeepNestingFallsBackWithoutCrashing) {
    std::string html;
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "deep text";
    std::vector<std::string> w;
    Review r = parse_html(html, w);
    EXPECT_NE(r.text.find("deep text"), std::string::npos);
    ASSERT_EQ(w.size(), 1u);
}

TEST(ParseJson, ArrayObjectAndWrapped) {
    FieldMap m;
    std::vector<std::string> w;
    bool single = false;
    auto a =
        parse_json(R"([{"movie":"A","review":"one"},{"movie":"B","review":"two"}])", m, w, &single);
    ASSERT_EQ(a.size(), 2u);
    EXPECT_FALSE(single);
    EXPECT_EQ(a[1].film, "B");
    auto o = parse_json(R"({"film":"C","text":"three","rating":7})", m, w, &single);
    EXPECT_TRUE(single);
    EXPECT_DOUBLE_EQ(*o.at(0).rating, 7);
    auto wrapped = parse_json(R"({"reviews":[{"text":"x"}]})", m, w, &single);
    EXPECT_FALSE(single);
    EXPECT_EQ(wrapped.size(), 1u);
}

// APIs wrap the list once more, {"data": {"reviews": [...]}}: read as one review object, the
// file was skipped with "no review text".
TEST(ParseJson, ListsWrappedTwiceAreFound) {
    std::vector<std::string> w;
    bool single = true;
    auto r = parse_json(R"({"status": "ok", "data": {"page": 1, "reviews": [{"text": "x"},
        {"text": "y"}]}})",
                        FieldMap{}, w, &single);
    EXPECT_FALSE(single);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].text, "y");
    auto one = parse_json(R"({"text": "z", "data": {"source": "rss"}})", FieldMap{}, w, &single);
    EXPECT_TRUE(single);
    EXPECT_EQ(one.at(0).text, "z");
}

// Review sites and schema.org's JSON-LD nest the author, the film and the rating in objects;
// they were dropped without a word.
TEST(ParseJson, NestedObjectsGiveTheirNameTitleOrRating) {
    FieldMap m;
    m.add_mapping("rating=reviewRating");
    std::vector<std::string> w;
    auto r = parse_json(R"({"text": "Tense.", "movie": {"title": "Heat", "year": 1995},
        "author": [{"@type": "Person", "name": "Ann Lee"}, {"name": "Bo Kim"}],
        "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5}})",
                        m, w, nullptr);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].film, "Heat");
    EXPECT_EQ(r[0].author, "Ann Lee, Bo Kim");
    ASSERT_TRUE(r[0].rating);
    EXPECT_DOUBLE_EQ(*r[0].rating, 8);
    EXPECT_EQ(r[0].text, "Tense.");
}

// WordPress's REST API (/wp/v2/posts) nests a post's content as {"rendered": "<p>...</p>"}: a
// dump of a site's posts had "no review text".
TEST(ParseJson, WordPressRenderedContentIsTheText) {
    std::vector<std::string> w;
    auto r = parse_json(
        R"([{"id": 101, "date": "2020-03-15T10:00:00", "link": "https://x.org/heat/",
        "title": {"rendered": "Heat: Mann&#8217;s best"}, "movie": "Heat",
        "content": {"rendered": "\n<p>Al Pacino in <em>Heat</em>.</p>\n", "protected": false}}])",
        FieldMap{}, w, nullptr);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].text, "\n\nAl Pacino in Heat.\n\n");
    EXPECT_EQ(r[0].title, "Heat: Mann's best");
    EXPECT_EQ(r[0].url, "https://x.org/heat/");
    EXPECT_EQ(r[0].date, "2020-03-15T10:00:00");
}

// A schema.org Review as JSON-LD, as review pages embed it, is read without any --field.
TEST(ParseJson, SchemaOrgReviewNeedsNoMapping) {
    FieldMap m;
    std::vector<std::string> w;
    auto r = parse_json(R"({"@context": "https://schema.org", "@type": "Review",
        "reviewBody": "Simmons terrifies.", "itemReviewed": {"@type": "Movie", "name": "Whiplash"},
        "reviewRating": {"@type": "Rating", "ratingValue": "4", "bestRating": "5"},
        "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2014-10-10"})",
                        m, w, nullptr);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].text, "Simmons terrifies.");
    EXPECT_EQ(r[0].film, "Whiplash");
    ASSERT_TRUE(r[0].rating);
    EXPECT_DOUBLE_EQ(*r[0].rating, 8);
    EXPECT_EQ(r[0].author, "Ann Lee");
    EXPECT_EQ(r[0].date, "2014-10-10");
}

TEST(ParseJson, SyntaxErrorNamesTheProblem) {
    FieldMap m;
    std::vector<std::string> w;
    try {
        parse_json(R"([{"text": "unterminated)", m, w);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("malformed JSON"), std::string::npos);
    }
}

TEST(ParseJson, InvalidUtf8InStringsIsRepaired) {
    FieldMap m;
    std::vector<std::string> w;
    auto r = parse_json("{\"text\":\"Am\xe9lie\"}", m, w);
    EXPECT_EQ(r.at(0).text, "Amélie");
    EXPECT_EQ(w.size(), 1u);
}

// JavaScript cuts strings between the halves of an emoji, and JSON.stringify writes the half
// as "\ud83d"; nlohmann::json rejected the whole document for it. A lone half becomes U+FFFD;
// whole pairs and an escaped backslash before "u" are left as they are.
TEST(ParseJson, HalfSurrogatePairsAreReplaced) {
    FieldMap m;
    std::vector<std::string> w;
    auto r = parse_json(R"([{"text":"cut \ud83d"},{"text":"\ude00 \ud83d\ude00 \\ud83d"}])", m, w);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].text, "cut \uFFFD");
    EXPECT_EQ(r[1].text, "\uFFFD \U0001F600 \\ud83d");
    EXPECT_EQ(w, std::vector<std::string>{"half surrogate pairs (\\uD83D) replaced by U+FFFD"});
    std::vector<std::string> lw;
    std::istringstream in("{\"text\":\"a\"}\n{\"text\":\"b \\ud83d\"}\n");
    auto lines = parse_jsonl(in, m, 1 << 20, lw);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[1].text, "b \uFFFD");
}

TEST(ParseJsonl, BadLinesAreSkippedWithLineNumbers) {
    FieldMap m;
    std::vector<std::string> w;
    std::istringstream in("{\"text\":\"a\"}\n\n{broken\n[1]\n{\"text\":\"b\"}\r\n");
    auto r = parse_jsonl(in, m, 1 << 20, w);
    ASSERT_EQ(r.size(), 4u);  // placeholders keep record numbers aligned
    EXPECT_EQ(r[0].text, "a");
    EXPECT_EQ(r[3].text, "b");
    ASSERT_EQ(w.size(), 2u);
    EXPECT_NE(w[0].find("line 3"), std::string::npos);
    EXPECT_NE(w[1].find("line 4"), std::string::npos);
}

TEST(ParseJsonl, OverlongLineIsSkippedInBoundedMemory) {
    FieldMap m;
    std::vector<std::string> w;
    std::istringstream in("{\"text\":\"" + std::string(5000, 'x') + "\"}\n{\"text\":\"ok\"}\n");
    auto r = parse_jsonl(in, m, 1000, w);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_TRUE(r[0].text.empty());
    EXPECT_EQ(r[1].text, "ok");
}

TEST(ParseCsv, QuotesNewlinesAndCrlf) {
    FieldMap m;
    std::vector<std::string> w;
    std::istringstream in(
        "critic,movie_title,review_content\r\nAna,Heat,\"Long, "
        "\"\"tense\"\"\r\nshoot-out\"\r\nBo,Alien,Scary\r\n");
    auto r = parse_csv(in, ',', m, 1 << 20, w);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].text, "Long, \"tense\"\nshoot-out");
    EXPECT_EQ(r[1].film, "Alien");
    EXPECT_TRUE(w.empty());
}

TEST(ParseCsv, RaggedRowsAndUnbalancedQuotesAreReported) {
    FieldMap m;
    std::vector<std::string> w;
    std::istringstream in("review,film\nfine,A\nshort\n\"open quote,B\nnever closed\n");
    auto r = parse_csv(in, ',', m, 1 << 20, w);
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].film, "A");
    ASSERT_EQ(w.size(), 2u);
    EXPECT_NE(w[0].find("row(s)"), std::string::npos);
    EXPECT_NE(w[1].find("unbalanced quote"), std::string::npos);
}

// A quote left open is closed by the next row's first quote: RFC 4180 then reads the lines
// between as one field, and the next review's rating as this one's. It must not pass unsaid.
TEST(ParseCsv, AQuoteLeftOpenThatJoinsRowsIsReportedWithItsLines) {
    std::vector<std::string> w;
    std::istringstream in(
        "film,review,rating\nHeat,fine,7\nWhiplash,\"unterminated, oh no\nJaws,\"A shark "
        "film\",8/10\n");
    auto r = parse_csv(in, ',', FieldMap{}, 1 << 20, w);
    ASSERT_EQ(r.size(), 2u);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_NE(w[0].find("1 row(s) with text after a closing quote, the first on lines 3-4"),
              std::string::npos)
        << w[0];
}

// Doubled quotes, and a quoted field followed by its delimiter, line break or the end, are
// well-formed: no warning.
TEST(ParseCsv, WellFormedQuotedFieldsAreNotReported) {
    std::vector<std::string> w;
    std::istringstream in("film,review\n\"Heat\",\"a \"\"tense\"\"\nfilm\"\r\nAlien,\"x\"");
    auto r = parse_csv(in, ',', FieldMap{}, 1 << 20, w);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].text, "a \"tense\"\nfilm");
    EXPECT_TRUE(w.empty()) << w[0];
}

// A CSV of Windows-1252 bytes is repaired and says so, as the other formats do (the warning
// makes reel-index exit 1, as README promises for repaired inputs).
TEST(ParseCsv, InvalidUtf8IsRepairedAndFlagged) {
    std::istringstream in("film,review\nAm\xe9lie,Jeunet\x92s best\n");
    std::vector<std::string> warnings;
    auto r = parse_csv(in, ',', FieldMap{}, 1 << 20, warnings);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].film, "Amélie");
    EXPECT_EQ(r[0].text, "Jeunet's best");
    EXPECT_EQ(warnings, std::vector<std::string>{"invalid UTF-8 repaired"});
}

// A field cut at its size limit ends on a whole character: "é" (two bytes) straddling the
// limit is dropped whole, not cut into a stray byte that repair turns into "Ã".
TEST(ParseCsv, AFieldCutAtItsLimitKeepsWholeCharacters) {
    std::istringstream in("film,review\nHeat,abcdeé tail\n");
    std::vector<std::string> warnings;
    auto r = parse_csv(in, ',', FieldMap{}, 6, warnings);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].text, "abcde");
    EXPECT_EQ(r[0].film, "Heat");
    EXPECT_EQ(warnings, std::vector<std::string>{"1 field(s) cut at 6 bytes"});
}

// Excel's "CSV UTF-8" and pandas' utf-8-sig put a byte-order mark before a quoted header: the
// first column kept its quotes ("\"Film\"") and its films were lost.
TEST(ParseCsv, QuotedHeaderAfterAByteOrderMarkIsRecognised) {
    std::istringstream in("\xEF\xBB\xBF\"Film\",\"Review\"\r\n\"Heat\",\"Mann, at his best\"\r\n");
    std::vector<std::string> w;
    auto r = parse_csv(in, ',', FieldMap{}, 1 << 20, w);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].film, "Heat");
    EXPECT_EQ(r[0].text, "Mann, at his best");
    EXPECT_TRUE(w.empty());
}

TEST(ParseCsv, HeaderWithoutTextColumnIsRejected) {
    FieldMap m;
    std::vector<std::string> w;
    std::istringstream in("title,score\nx,1\n");
    EXPECT_THROW(parse_csv(in, ',', m, 1 << 20, w), InputError);
}

// The message lists the names the loader looks for, so a user can rename a column to one.
TEST(ParseCsv, MissingTextColumnMessageListsEveryTextColumn) {
    FieldMap m;
    std::vector<std::string> w;
    std::istringstream in("title,score\nx,1\n");
    try {
        parse_csv(in, ',', m, 1 << 20, w);
        FAIL() << "no InputError";
    } catch (const InputError& e) {
        std::string message = e.what();
        auto from = message.find("looked for ");
        auto to = message.find(';');
        ASSERT_TRUE(from != std::string::npos && to != std::string::npos) << message;
        std::string listed = ", " + message.substr(from + 11, to - from - 11) + ",";
        for (const char* column :
             {"review", "review_content", "review_text", "text", "content", "body", "comment"}) {
            EXPECT_EQ(m.field_for(column), Field::text) << column;
            EXPECT_NE(listed.find(", " + std::string(column) + ","), std::string::npos) << message;
        }
    }
}

class LoadFileTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("reel-loader-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path write(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / name, std::ios::binary) << bytes;
        return dir_ / name;
    }
    fs::path dir_;
};

TEST_F(LoadFileTest, IdsAndRecordNumbers) {
    LoadOptions o;
    auto one = load_file(write("a.txt", "hello"), Format::text, o);
    EXPECT_EQ(one.reviews.at(0).id, (dir_ / "a.txt").string());
    EXPECT_EQ(one.reviews.at(0).record, 0);
    auto many = load_file(write("b.jsonl", "{\"text\":\"x\"}\n{\"nope\":1}\n{\"text\":\"y\"}\n"),
                          Format::jsonl, o);
    ASSERT_EQ(many.reviews.size(), 2u);
    EXPECT_EQ(many.reviews[1].id, (dir_ / "b.jsonl").string() + "#3");
    EXPECT_EQ(many.reviews[1].record, 3);
    EXPECT_EQ(many.warnings.size(), 1u);  // the record without text
}

TEST_F(LoadFileTest, HugeReviewIsCutAndSaysSo) {
    LoadOptions o;
    o.max_review_bytes = 1000;
    auto r = load_file(write("big.txt", std::string(5000, 'a') + " end"), Format::text, o);
    EXPECT_EQ(r.reviews.at(0).text.size(), 1000u);
    ASSERT_EQ(r.warnings.size(), 1u);
}

// --max-review-mb 0.001: the warning said "longer than 0 MiB: only the first 0 MiB indexed".
TEST_F(LoadFileTest, LimitsUnderAMebibyteAreNamedReadably) {
    LoadOptions o;
    o.max_review_bytes = 1048;
    auto text = load_file(write("big.txt", std::string(5000, 'a')), Format::text, o);
    EXPECT_EQ(text.warnings,
              std::vector<std::string>{"longer than 1 KiB: only the first 1 KiB indexed"});
    std::string jsonl = "{\"text\":\"" + std::string(2000, 'a') + "\"}\n{\"text\":\"short\"}\n";
    auto line = load_file(write("big.jsonl", jsonl), Format::jsonl, o);
    ASSERT_FALSE(line.warnings.empty());
    EXPECT_EQ(line.warnings.front(), "line 1: longer than 1 KiB, skipped");
}

// Spreadsheets set to a locale with a decimal comma save "CSV" with semicolons, and some tools
// write tabs: such files were skipped as having no review text column.
TEST_F(LoadFileTest, CsvSplitOnTheDelimiterItsHeaderUses) {
    LoadOptions o;
    auto semi = load_file(write("semi.csv",
                                "\xEF\xBB\xBFmovie;critic;rating;review\n"
                                "Heat;Ann;3,5/5;\"Mann; De Niro, Pacino\"\n"),
                          Format::csv, o);
    ASSERT_EQ(semi.reviews.size(), 1u);
    EXPECT_EQ(semi.reviews[0].film, "Heat");
    EXPECT_EQ(semi.reviews[0].author, "Ann");
    EXPECT_DOUBLE_EQ(*semi.reviews[0].rating, 7);
    EXPECT_EQ(semi.reviews[0].text, "Mann; De Niro, Pacino");
    auto tabs =
        load_file(write("tabs.csv", "film\ttext\nVertigo\tObsessive, haunted.\n"), Format::csv, o);
    ASSERT_EQ(tabs.reviews.size(), 1u);
    EXPECT_EQ(tabs.reviews[0].film, "Vertigo");
    EXPECT_EQ(tabs.reviews[0].text, "Obsessive, haunted.");
    auto commas =
        load_file(write("c.csv", "film,text\nAlien,\"In space; nobody hears\"\n"), Format::csv, o);
    EXPECT_EQ(commas.reviews.at(0).text, "In space; nobody hears");
}

// Excel writes the empty rows of a sheet as ",,,": each was warned about as a record without
// review text, and reel-index exited 1 for a clean export.
TEST_F(LoadFileTest, EmptySpreadsheetRowsAreBlankLines) {
    auto r = load_file(write("sheet.csv", "film,review,rating\r\nHeat,Tense.,4/5\r\n,,\r\n,,\r\n"),
                       Format::csv, LoadOptions{});
    ASSERT_EQ(r.reviews.size(), 1u);
    EXPECT_EQ(r.reviews[0].film, "Heat");
    EXPECT_TRUE(r.warnings.empty());
}

// Excel's "sep=;" first line names the delimiter: the file was skipped as having no review
// text column, "sep=" being taken for the header.
TEST_F(LoadFileTest, ExcelSepLineIsNotTheHeader) {
    for (std::string sep : {";", ",", "\t"}) {
        std::string csv = "sep=" + sep + "\r\nFilm" + sep + "Review\r\nHeat" + sep + "Tense\r\n";
        auto r = load_file(write("sep.csv", csv), Format::csv, LoadOptions{});
        ASSERT_EQ(r.reviews.size(), 1u) << sep;
        EXPECT_EQ(r.reviews[0].film, "Heat");
        EXPECT_EQ(r.reviews[0].text, "Tense");
        EXPECT_TRUE(r.warnings.empty());
    }
}

TEST(DescribeSize, PicksAUnitThatReadsRight) {
    EXPECT_EQ(describe_size(32u << 20), "32 MiB");
    EXPECT_EQ(describe_size(3u << 19), "1.5 MiB");
    EXPECT_EQ(describe_size(512u << 10), "512 KiB");
    EXPECT_EQ(describe_size(1048), "1 KiB");
    EXPECT_EQ(describe_size(100), "100 bytes");
    EXPECT_EQ(describe_size(std::size_t{4096} << 20), "4096 MiB");
}

TEST_F(LoadFileTest, BinaryEmptyAndMissingFilesAreInputErrors) {
    LoadOptions o;
    std::string binary;
    for (int i = 0; i < 2000; ++i) binary += static_cast<char>(i % 7);
    EXPECT_THROW(load_file(write("bin.txt", binary), Format::text, o), InputError);
    EXPECT_THROW(load_file(write("empty.txt", ""), Format::text, o), InputError);
    EXPECT_THROW(load_file(write("blank.md", "---\nfilm: X\n---\n  \n"), Format::markdown, o),
                 InputError);
    EXPECT_THROW(load_file(dir_ / "missing.txt", Format::text, o), InputError);
}

TEST_F(LoadFileTest, Utf16WithBomIsConverted) {
    LoadOptions o;
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("Heat")) utf16 += std::string{c, '\0'};
    auto r = load_file(write("u.txt", utf16), Format::text, o);
    EXPECT_EQ(r.reviews.at(0).text, "Heat");
    // Nothing was repaired: no warning, so reel-index exits 0.
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
}

// UTF-16 (as Excel's "Unicode Text" and Notepad save it) in every format, not only the text
// ones: a CSV, JSON Lines or JSON file in UTF-16 was skipped as malformed.
std::string utf16le(std::string_view ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) out += std::string{c, '\0'};
    return out;
}

TEST_F(LoadFileTest, Utf16IsConvertedInEveryFormat) {
    LoadOptions o;
    auto csv = load_file(write("u.csv", utf16le("film,review\r\nHeat,Mann at his best\r\n")),
                         Format::csv, o);
    ASSERT_EQ(csv.reviews.size(), 1u);
    EXPECT_EQ(csv.reviews[0].film, "Heat");
    EXPECT_EQ(csv.reviews[0].text, "Mann at his best");
    auto jsonl = load_file(write("u.jsonl", utf16le("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")),
                           Format::jsonl, o);
    ASSERT_EQ(jsonl.reviews.size(), 2u);
    EXPECT_EQ(jsonl.reviews[1].text, "b");
    auto json = load_file(write("u.json", utf16le("{\"text\":\"c\"}")), Format::json, o);
    EXPECT_EQ(json.reviews.at(0).text, "c");
    for (const auto* r : {&csv, &jsonl, &json}) EXPECT_TRUE(r->warnings.empty());
}

TEST(FormatFor, ByExtensionAnyCase) {
    EXPECT_EQ(format_for("a/B.TXT"), Format::text);
    EXPECT_EQ(format_for("x.Markdown"), Format::markdown);
    EXPECT_EQ(format_for("x.htm"), Format::html);
    EXPECT_EQ(format_for("x.ndjson"), Format::jsonl);
    EXPECT_FALSE(format_for("x.png"));
    EXPECT_FALSE(format_for("README"));
}

}  // namespace
}  // namespace reel
