#include "reel/stored_review.hpp"

#include <gtest/gtest.h>

#include "reel/errors.hpp"

namespace reel {
namespace {

Review full_review() {
    Review r;
    r.path = "/reviews/whiplash.csv";
    r.record = 3;
    r.text = "JK Simmons\u2019 Fletcher \"rushing or dragging\"\n\nà la Chazelle";
    r.title = "Not my tempo";
    r.film = "Whiplash";
    r.author = "A. Critic";
    r.date = "2014-10-10";
    r.url = "https://example.org/w";
    r.rating = 9.5;
    r.year = 2014;
    r.emphasis = {{49, 60}, {0, 10}};  // "la Chazelle", "JK Simmons"
    return r;
}

ExtractedEntities some_entities() {
    return {{{"J.K. Simmons", "jk simmons", {"JK Simmons", "Simmons"}},
             {"Miles Teller", "miles teller", {}}},
            {{"Whiplash", "whiplash", {}}}};
}

TEST(StoredReview, EveryFieldSurvivesTheRoundTrip) {
    StoredReview s = decode_document_data(encode_document_data(full_review(), some_entities()));
    const Review& r = s.review;
    EXPECT_EQ(r.path, "/reviews/whiplash.csv");
    EXPECT_EQ(r.id, "/reviews/whiplash.csv#3");
    EXPECT_EQ(r.record, 3);
    EXPECT_EQ(r.text, full_review().text);
    EXPECT_EQ(r.title, "Not my tempo");
    EXPECT_EQ(r.film, "Whiplash");
    EXPECT_EQ(r.author, "A. Critic");
    EXPECT_EQ(r.date, "2014-10-10");
    EXPECT_EQ(r.url, "https://example.org/w");
    EXPECT_EQ(r.rating, 9.5);
    EXPECT_EQ(r.year, 2014);
    // Kept for extraction: re-read when the review leaves the index, they must cue it as before.
    EXPECT_EQ(r.emphasis, full_review().emphasis);
    ASSERT_EQ(s.entities.people.size(), 2u);
    EXPECT_EQ(s.entities.people[0].name, "J.K. Simmons");
    EXPECT_EQ(s.entities.people[0].key, "jk simmons");
    EXPECT_EQ(s.entities.people[0].aliases, (std::vector<std::string>{"JK Simmons", "Simmons"}));
    ASSERT_EQ(s.entities.films.size(), 1u);
    EXPECT_EQ(s.entities.films[0].name, "Whiplash");
}

TEST(StoredReview, AbsentRatingAndYearStayAbsent) {
    Review r;
    r.path = "/a.txt";
    r.text = "short";
    StoredReview s = decode_document_data(encode_document_data(r, {}));
    EXPECT_FALSE(s.review.rating);
    EXPECT_FALSE(s.review.year);
    EXPECT_TRUE(s.review.emphasis.empty());
    EXPECT_EQ(s.review.id, "/a.txt");
    r.year = -44;  // a year BC must not turn into a huge number
    r.rating = 0;
    s = decode_document_data(encode_document_data(r, {}));
    EXPECT_EQ(s.review.year, -44);
    EXPECT_EQ(s.review.rating, 0.0);
}

TEST(StoredReview, DocumentsOfOlderDatabasesStillDecode) {
    // Databases written before the binary record hold JSON objects.
    StoredReview s = decode_document_data(
        R"({"path":"/r/a.md","record":0,"film":"Heat","rating":8.0,"year":1995,)"
        R"("people":[{"name":"Al Pacino","key":"al pacino","aliases":["Pacino"]}],)"
        R"("films":[],"text":"Coffee scene."})");
    EXPECT_EQ(s.review.path, "/r/a.md");
    EXPECT_EQ(s.review.film, "Heat");
    EXPECT_EQ(s.review.year, 1995);
    EXPECT_EQ(s.review.text, "Coffee scene.");
    ASSERT_EQ(s.entities.people.size(), 1u);
    EXPECT_EQ(s.entities.people[0].aliases, std::vector<std::string>{"Pacino"});
}

TEST(StoredReview, DamagedDataIsAnErrorNeverACrash) {
    std::string good = encode_document_data(full_review(), some_entities());
    // Every truncation and every single-byte change either decodes or throws InputError.
    for (std::size_t n = 0; n < good.size(); ++n) {
        EXPECT_THROW(decode_document_data(good.substr(0, n)), InputError) << n;
        for (unsigned char flip : {0x01, 0x80, 0xff}) {
            std::string bad = good;
            bad[n] = static_cast<char>(bad[n] ^ flip);
            try {
                decode_document_data(bad);
            } catch (const InputError&) {
            }
        }
    }
    EXPECT_THROW(decode_document_data(good + "x"), InputError);
    // An emphasis span past the end of the text.
    Review r = full_review();
    r.emphasis = {{0, r.text.size() + 1}};
    EXPECT_THROW(decode_document_data(encode_document_data(r, {})), InputError);
    EXPECT_THROW(decode_document_data("{\"path\": [1"), InputError);
    EXPECT_THROW(decode_document_data("plain text"), InputError);
}

}  // namespace
}  // namespace reel
