// An optional catalogue of films (title, year, directors, actors) that entity extraction links
// mentions to: canonical names, and the cast of the film a review is about.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reel {

struct CatalogFilm {
    std::string title;
    std::optional<int> year;
    std::vector<std::string> directors;
    std::vector<std::string> actors;
};

class Catalog {
  public:
    // Reads a CSV or TSV file with a header row. Columns are found by name: the title
    // (movie_title, title, film, primaryTitle or name), and optionally the year (year,
    // original_release_date, release_date, startYear...), directors and actors (lists separated
    // by commas or "|"). Throws reel::InputError, naming the file, when it cannot be used.
    static Catalog load(const std::string& path);
    // The same from text in memory; `source` names it in error messages.
    static Catalog parse(std::string_view data, std::string_view source = "catalog");

    const std::vector<CatalogFilm>& films() const { return films_; }
    std::size_t size() const { return films_.size(); }

    // The film with this film_key; with a year, the one of that year (or else the only one).
    const CatalogFilm* find_film(std::string_view film_key, std::optional<int> year = {}) const;
    // The canonical spelling of a person (director or actor) with this person_key, or nullptr.
    const std::string* person_name(std::string_view person_key) const;
    // The most words of any title key starting with this word (0 when none does).
    std::size_t title_words_from(std::string_view first_word) const;
    // How many catalogue films this person is credited in.
    std::size_t person_films(std::string_view person_key) const;

  private:
    void index();

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    struct Person {
        std::string name;
        std::size_t films = 0;
    };
    std::vector<CatalogFilm> films_;
    std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>> by_title_;
    std::unordered_map<std::string, Person, Hash, std::equal_to<>> people_;
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> title_first_words_;
};

}  // namespace reel
