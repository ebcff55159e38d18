#include "reel/entities_lexicon.hpp"

#include "reel/entities_data.hpp"
#include "reel/entity_key.hpp"
#include "reel/unicode.hpp"

namespace reel::entities {

namespace {

// Calls `f(line)` for each non-empty, non-comment line of an embedded list, trimmed.
template <typename F>
void each_line(std::string_view name, F&& f) {
    std::string_view text = embedded_data(name);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = text.find('\n', i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view line = text.substr(i, j - i);
        i = j + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        if (line.empty() || line.front() == '#') continue;
        f(line);
    }
}

void load_words(Lexicon& lx, WordSet& set, std::string_view name, std::uint16_t bit) {
    each_line(name, [&](std::string_view line) {
        std::string w = fold(line);
        set.add(w);
        lx.word_bits.add(w, bit);
    });
}

Lexicon build() {
    Lexicon lx;
    load_words(lx, lx.first_names, "female-first-names-en", kLexFirstName);
    load_words(lx, lx.first_names, "male-first-names-en", kLexFirstName);
    load_words(lx, lx.stopwords, "stopwords", kLexStop);
    load_words(lx, lx.common_words, "common-words", kLexCommon);
    load_words(lx, lx.not_person, "not-person-words", kLexNotPerson);
    load_words(lx, lx.particles, "particles", kLexParticle);
    load_words(lx, lx.places, "places", kLexPlace);
    each_line("not-titles", [&](std::string_view line) { lx.not_titles.add(film_key(line)); });
    each_line("english-words",
              [&](std::string_view line) { lx.word_bits.add(fold(line), kLexEnglish); });
    each_line("honorifics", [&](std::string_view line) {
        std::size_t sp = line.find(' ');
        std::string word = fold(line.substr(0, sp));
        std::string_view mark = sp == std::string_view::npos ? "" : line.substr(sp + 1);
        if (mark == "keep") {
            lx.honorifics_kept.add(word);
            lx.word_bits.add(word, kLexHonorKeep);
        } else {
            lx.honorifics.add(word);
            lx.word_bits.add(word, mark == "given" ? kLexHonor | kLexHonorGiven : kLexHonor);
        }
    });
    return lx;
}

}  // namespace

const Lexicon& lexicon() {
    static const Lexicon lx = build();
    return lx;
}

std::string fold_word(std::string_view w) {
    std::string out;
    out.reserve(w.size());
    for (char c : w) {
        if (static_cast<unsigned char>(c) >= 0x80) return fold(w);
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return out;
}

}  // namespace reel::entities
