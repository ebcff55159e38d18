#include "reel/entities_lexicon.hpp"

#include "reel/entities_data.hpp"
#include "reel/entity_key.hpp"
#include "reel/unicode.hpp"

namespace reel::entities {

namespace {

void load_words(Lexicon& lx, WordSet& set, std::string_view name, std::uint16_t bit) {
    for (std::string_view line : embedded_lines(name)) {
        std::string w = fold(line);
        set.add(w);
        lx.word_bits.add(w, bit);
    }
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
    for (std::string_view line : embedded_lines("not-titles")) lx.not_titles.add(film_key(line));
    for (std::string_view line : embedded_lines("english-words"))
        lx.word_bits.add(fold(line), kLexEnglish);
    for (std::string_view line : embedded_lines("honorifics")) {
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
    }
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
