#include "reel/stored_review.hpp"

#include <nlohmann/json.hpp>

#include "reel/errors.hpp"

namespace reel {

namespace {

using Json = nlohmann::json;

Json entities_json(const std::vector<Entity>& list) {
    Json out = Json::array();
    for (const Entity& e : list)
        out.push_back({{"name", e.name}, {"key", e.key}, {"aliases", e.aliases}});
    return out;
}

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

void put_if(Json& j, const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
}

}  // namespace

std::string encode_document_data(const Review& r, const ExtractedEntities& entities) {
    Json j = {{"path", r.path}, {"record", r.record}};
    put_if(j, "title", r.title);
    put_if(j, "film", r.film);
    put_if(j, "author", r.author);
    put_if(j, "date", r.date);
    put_if(j, "url", r.url);
    if (r.rating) j["rating"] = *r.rating;
    if (r.year) j["year"] = *r.year;
    j["people"] = entities_json(entities.people);
    j["films"] = entities_json(entities.films);
    j["text"] = r.text;
    // Texts are repaired to valid UTF-8 before they get here; replace keeps a bad byte from
    // ever making a document unwritable.
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

StoredReview decode_document_data(std::string_view data) {
    StoredReview s;
    Json j;
    try {
        j = Json::parse(data);
    } catch (const Json::exception&) {
        throw InputError("document data is not reel's: was this database written by reel-index?");
    }
    if (!j.is_object()) throw InputError("document data is not reel's");
    Review& r = s.review;
    r.path = j.value("path", "");
    r.record = j.value("record", 0);
    r.id = r.record ? r.path + "#" + std::to_string(r.record) : r.path;
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
    return s;
}

}  // namespace reel
