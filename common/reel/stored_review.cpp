#include "reel/stored_review.hpp"

#include <bit>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "reel/errors.hpp"

namespace reel {

namespace {

// Document data is a compact binary record: decoding it is on the path of every hit shown, and
// JSON parsing was a tenth of a batch's time (and its keys and escapes took room on disk).
// Databases written before keep their JSON documents, which start with '{' and still decode.
constexpr char kBinaryV1 = '\x01';

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void put_float64(std::string& out, double v) {
    auto bits = std::bit_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i) out += static_cast<char>((bits >> (8 * i)) & 0xff);
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

void put_entities(std::string& out, const std::vector<Entity>& list) {
    put_varint(out, list.size());
    for (const Entity& e : list) {
        put_string(out, e.name);
        put_string(out, e.key);
        put_varint(out, e.aliases.size());
        for (const std::string& alias : e.aliases) put_string(out, alias);
    }
}

// Reads the binary record; any overrun or impossible count means the data is not reel's.
class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) bad();
            auto byte = static_cast<unsigned char>(data_[pos_++]);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return v;
        }
        bad();
    }

    std::string string() {
        std::uint64_t n = varint();
        if (n > data_.size() - pos_) bad();
        std::string s(data_.substr(pos_, n));
        pos_ += n;
        return s;
    }

    // A count of items that each take at least one byte.
    std::size_t count() {
        std::uint64_t n = varint();
        if (n > data_.size() - pos_) bad();
        return n;
    }

    double float64() {
        if (data_.size() - pos_ < 8) bad();
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(data_[pos_++]))
                    << (8 * i);
        return std::bit_cast<double>(bits);
    }

    std::vector<Entity> entities() {
        std::vector<Entity> out(count());
        for (Entity& e : out) {
            e.name = string();
            e.key = string();
            e.aliases.resize(count());
            for (std::string& alias : e.aliases) alias = string();
        }
        return out;
    }

    unsigned byte() {
        if (pos_ >= data_.size()) bad();
        return static_cast<unsigned char>(data_[pos_++]);
    }

    bool done() const { return pos_ == data_.size(); }

    [[noreturn]] static void bad() { throw InputError("document data is not reel's"); }

  private:
    std::string_view data_;
    std::size_t pos_ = 1;  // after the format byte
};

// kHasEmphasis: the review's emphasis spans follow its text. They are kept for extraction
// alone: a review taken out of the index (its file changed, moved or gone) must take the
// sightings it added to the corpus evidence out again, and re-reading its stored text finds
// them only with the cues it had, italic titles among them.
constexpr unsigned kHasRating = 1, kHasYear = 2, kHasEmphasis = 4;

// --- JSON documents of databases written before the binary record ---

using Json = nlohmann::json;

std::vector<Entity> entities_from(const Json& j) {
    std::vector<Entity> out;
    if (!j.is_array()) return out;
    for (const Json& e : j) {
        Entity ent;
        ent.name = e.value("name", "");
        ent.key = e.value("key", "");
        if (e.contains("aliases")) ent.aliases = e["aliases"].get<std::vector<std::string>>();
        out.push_back(std::move(ent));
    }
    return out;
}

StoredReview decode_json(std::string_view data) {
    StoredReview s;
    Json j;
    try {
        j = Json::parse(data);
        if (!j.is_object()) throw InputError("document data is not reel's");
        Review& r = s.review;
        r.path = j.value("path", "");
        r.record = j.value("record", 0);
        r.title = j.value("title", "");
        r.film = j.value("film", "");
        r.author = j.value("author", "");
        r.date = j.value("date", "");
        r.url = j.value("url", "");
        if (j.contains("rating") && j["rating"].is_number()) r.rating = j["rating"].get<double>();
        if (j.contains("year") && j["year"].is_number()) r.year = j["year"].get<int>();
        r.text = j.value("text", "");
        if (j.contains("people")) s.entities.people = entities_from(j["people"]);
        if (j.contains("films")) s.entities.films = entities_from(j["films"]);
    } catch (const Json::exception&) {
        throw InputError("document data is not reel's: was this database written by reel-index?");
    }
    return s;
}

StoredReview decode_binary(std::string_view data) {
    StoredReview s;
    Reader in(data);
    Review& r = s.review;
    std::uint64_t record = in.varint();
    if (record > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) Reader::bad();
    r.record = static_cast<int>(record);
    for (std::string* field : {&r.path, &r.title, &r.film, &r.author, &r.date, &r.url})
        *field = in.string();
    unsigned flags = in.byte();
    if (flags & kHasRating) r.rating = in.float64();
    if (flags & kHasYear) {
        std::uint64_t z = in.varint();
        auto year = static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
        if (year < std::numeric_limits<int>::min() || year > std::numeric_limits<int>::max())
            Reader::bad();
        r.year = static_cast<int>(year);
    }
    s.entities.people = in.entities();
    s.entities.films = in.entities();
    r.text = in.string();
    if (flags & kHasEmphasis) {
        std::size_t spans = in.count();
        r.emphasis.reserve(spans);
        for (std::size_t i = 0; i < spans; ++i) {
            std::uint64_t begin = in.varint(), length = in.varint();
            if (begin > r.text.size() || length > r.text.size() - begin) Reader::bad();
            r.emphasis.push_back({begin, begin + length});
        }
    }
    if (!in.done()) Reader::bad();
    return s;
}

}  // namespace

std::string encode_document_data(const Review& r, const ExtractedEntities& entities) {
    std::string out;
    out.reserve(r.text.size() + r.path.size() + 64);
    out += kBinaryV1;
    put_varint(out, static_cast<std::uint64_t>(r.record));
    for (const std::string* field : {&r.path, &r.title, &r.film, &r.author, &r.date, &r.url})
        put_string(out, *field);
    unsigned flags = (r.rating ? kHasRating : 0) | (r.year ? kHasYear : 0) |
                     (r.emphasis.empty() ? 0 : kHasEmphasis);
    out += static_cast<char>(flags);
    if (r.rating) put_float64(out, *r.rating);
    // Years may be negative in principle: zigzag keeps the varint short either way.
    if (r.year)
        put_varint(out, (static_cast<std::uint64_t>(*r.year) << 1) ^ (*r.year < 0 ? ~0ull : 0));
    put_entities(out, entities.people);
    put_entities(out, entities.films);
    put_string(out, r.text);
    if (!r.emphasis.empty()) {
        put_varint(out, r.emphasis.size());
        for (const TextSpan& span : r.emphasis) {
            put_varint(out, span.begin);
            put_varint(out, span.end - span.begin);
        }
    }
    return out;
}

StoredReview decode_document_data(std::string_view data) {
    StoredReview s;
    if (!data.empty() && data[0] == '{') {
        s = decode_json(data);
    } else if (!data.empty() && data[0] == kBinaryV1) {
        s = decode_binary(data);
    } else {
        throw InputError("document data is not reel's: was this database written by reel-index?");
    }
    Review& r = s.review;
    r.id = r.record ? r.path + "#" + std::to_string(r.record) : r.path;
    return s;
}

}  // namespace reel
