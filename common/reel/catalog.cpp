#include "reel/catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "reel/encoding.hpp"
#include "reel/entity_key.hpp"
#include "reel/errors.hpp"
#include "reel/text_normalize.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

// One record of RFC 4180 CSV (or of TSV, which has no quoting in practice but may use it).
// Returns false at the end of the data; throws on an unterminated quoted field.
bool next_record(std::string_view data, std::size_t& pos, char sep,
                 std::vector<std::string>& fields, std::size_t& line, std::string_view source) {
    fields.clear();
    if (pos >= data.size()) return false;
    std::string field;
    std::size_t record_line = line;
    while (true) {
        if (pos < data.size() && data[pos] == '"') {
            ++pos;
            while (true) {
                if (pos >= data.size()) {
                    throw InputError(std::string(source) +
                                     ": unterminated quoted field starting on line " +
                                     std::to_string(record_line));
                }
                char c = data[pos++];
                if (c == '"') {
                    if (pos < data.size() && data[pos] == '"') {
                        field += '"';
                        ++pos;
                    } else {
                        break;
                    }
                } else {
                    if (c == '\n') ++line;
                    field += c;
                }
            }
        }
        // Unquoted part (or what follows a closing quote, kept as written).
        while (pos < data.size() && data[pos] != sep && data[pos] != '\n' && data[pos] != '\r') {
            field += data[pos++];
        }
        fields.push_back(std::move(field));
        field.clear();
        if (pos >= data.size()) return true;
        char c = data[pos++];
        if (c == sep) continue;
        if (c == '\r' && pos < data.size() && data[pos] == '\n') ++pos;
        ++line;
        return true;
    }
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

// "Logan Lerman, Brandon T. Jackson" or "a|b". Credits like "Carolyn Adair (II)" lose the
// disambiguating suffix, which is not part of the name.
std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    char sep = s.find('|') != std::string_view::npos ? '|' : ',';
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t j = s.find(sep, i);
        if (j == std::string_view::npos) j = s.size();
        std::string item(trim_blanks(s.substr(i, j - i)));
        if (!item.empty() && item.back() == ')') {
            std::size_t open = item.rfind(" (");
            if (open != std::string::npos)
                item = std::string(trim_blanks(std::string_view(item).substr(0, open)));
        }
        if (!item.empty()) out.push_back(std::move(item));
        i = j + 1;
    }
    return out;
}

std::optional<int> find_year(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        bool digits = true;
        for (std::size_t k = 0; k < 4; ++k) digits = digits && s[i + k] >= '0' && s[i + k] <= '9';
        bool alone = (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
                     (i + 4 == s.size() || !(s[i + 4] >= '0' && s[i + 4] <= '9'));
        if (digits && alone) {
            int y = std::stoi(std::string(s.substr(i, 4)));
            if (y >= 1870 && y <= 2100) return y;
        }
    }
    return std::nullopt;
}

int column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (lower_ascii(trim_blanks(header[i])) == name) return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace

Catalog Catalog::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("catalog " + path + ": cannot open file");
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string data = buf.str();
    if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
        static_cast<unsigned char>(data[1]) == 0x8b) {
        throw InputError("catalog " + path +
                         ": file is gzip-compressed; decompress it first (gunzip -k)");
    }
    // Exports saved as UTF-16 (Excel's "Unicode Text") are read as the reviews are.
    if (starts_with_utf16_bom(data)) {
        std::vector<std::string> notes;
        data = bytes_to_text(std::move(data), notes);
    }
    return parse(data, "catalog " + path);
}

Catalog Catalog::parse(std::string_view bytes, std::string_view source) {
    // Stray bytes read as Windows-1252, as in reviews: a Latin-1 export ("Am\xe9lie") had
    // titles no review's mention could match, and names no output could print.
    std::string repaired = repair_utf8(without_utf8_bom(bytes));
    std::string_view data = repaired;
    std::size_t first_nl = data.find('\n');
    std::string_view first_line = data.substr(0, first_nl);
    if (first_line.find_first_not_of(" \t\r") == std::string_view::npos) {
        throw InputError(std::string(source) + ": empty file, expected a header row");
    }
    if (first_line.find('\0') != std::string_view::npos) {
        throw InputError(std::string(source) + ": binary data, expected CSV or TSV text");
    }
    char sep = first_line.find('\t') != std::string_view::npos ? '\t' : ',';

    std::size_t pos = 0, line = 1;
    std::vector<std::string> header, fields;
    next_record(data, pos, sep, header, line, source);
    int title = column(header, {"movie_title", "title", "film", "primarytitle", "movie", "name"});
    if (title < 0) {
        throw InputError(
            std::string(source) +
            ": no title column in the header (expected movie_title, title, film or name)");
    }
    int year = column(header, {"year", "original_release_date", "release_date", "startyear",
                               "released", "release_year", "date"});
    int directors = column(header, {"directors", "director"});
    int actors = column(header, {"actors", "cast", "stars", "actor", "starring"});

    Catalog cat;
    auto field = [&](int i) -> std::string_view {
        return i >= 0 && static_cast<std::size_t>(i) < fields.size() ? std::string_view(fields[i])
                                                                     : std::string_view();
    };
    while (next_record(data, pos, sep, fields, line, source)) {
        if (fields.size() == 1 && trim_blanks(fields[0]).empty()) continue;  // blank line
        CatalogFilm film;
        film.title = trim_blanks(field(title));
        if (film.title.empty()) continue;
        film.year = find_year(field(year));
        film.directors = split_list(field(directors));
        film.actors = split_list(field(actors));
        cat.films_.push_back(std::move(film));
    }
    if (cat.films_.empty())
        throw InputError(std::string(source) + ": no films after the header row");
    cat.index();
    return cat;
}

void Catalog::index() {
    for (std::size_t i = 0; i < films_.size(); ++i) {
        const CatalogFilm& f = films_[i];
        std::string key = film_key(f.title);
        if (key.empty()) continue;
        std::size_t words = 1 + std::count(key.begin(), key.end(), ' ');
        std::size_t& most = title_first_words_[key.substr(0, key.find(' '))];
        most = std::max(most, words);
        by_title_[key].push_back(i);
        auto credit = [&](const std::string& name) {
            std::string key = person_key(name);
            if (key.empty()) return;
            Person& p = people_[key];
            if (p.name.empty()) p.name = name;
            ++p.films;
        };
        for (const auto& d : f.directors) credit(d);
        for (const auto& a : f.actors) credit(a);
    }
}

const CatalogFilm* Catalog::find_film(std::string_view key, std::optional<int> year) const {
    auto it = by_title_.find(key);
    if (it == by_title_.end()) return nullptr;
    const auto& ids = it->second;
    if (year) {
        for (std::size_t i : ids) {
            if (films_[i].year == year) return &films_[i];
        }
        // Release years differ by one between sources often enough to allow it.
        for (std::size_t i : ids) {
            if (films_[i].year && std::abs(*films_[i].year - *year) <= 1) return &films_[i];
        }
    }
    return ids.size() == 1 || !year ? &films_[ids.front()] : nullptr;
}

const std::string* Catalog::person_name(std::string_view key) const {
    auto it = people_.find(key);
    return it == people_.end() ? nullptr : &it->second.name;
}

std::size_t Catalog::title_words_from(std::string_view first_word) const {
    auto it = title_first_words_.find(first_word);
    return it == title_first_words_.end() ? 0 : it->second;
}

std::size_t Catalog::person_films(std::string_view key) const {
    auto it = people_.find(key);
    return it == people_.end() ? 0 : it->second.films;
}

}  // namespace reel
