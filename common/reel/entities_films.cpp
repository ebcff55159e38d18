// Finding film titles: spans the text marks (italics, quotes, a following year), capitalised
// runs after cue words ("the film X", "a remake of X", "like X"), and titles already known from
// metadata, corpus evidence or the catalogue wherever they appear capitalised.
#include <algorithm>

#include "reel/entities_scan.hpp"
#include "reel/entity_key.hpp"

namespace reel::entities {

namespace {

// A one-word title the corpus saw beyond doubt (weight 2 a sighting) is still not taken where
// the corpus writes the word capitalised on its own more than this many times a weight: "Earth"
// (8 against 461 reviews), "Fox" (4 against 150), but not "Titanic" (16 against 115).
// Below the floor, too few sightings to tell.
constexpr std::uint32_t kSeenPerSighting = 25;
constexpr std::uint32_t kSeenFloor = 30;

// Small words that may sit inside a title in lower case ("Guy and Madeline on a Park Bench").
bool title_function_word(const Scan& s, std::size_t i) {
    return s.cue(i, kCueTitleWord);
}

// Words that make a quoted or capitalised phrase something other than a film.
bool not_a_film_cue(const Scan& s, std::size_t i) {
    // "plays him as 'Mr Big'", but "epics such as 'Lawrence of Arabia'" and comparisons: "as
    // original in scope as the Muppet Movie", "not as good as Jaws".
    // "as intense as ever as 'Tony Montana'": a comparison closed before the role.
    if (s.is(i, "as") && i > 0 &&
        !s.is_any(i - 1, {"ever", "usual", "always", "before", "expected", "well"})) {
        if (s.is_any(i - 1, {"such", "know"})) return false;  // "you may know as X"
        for (std::size_t k = i - 1, steps = 0; k > 0 && steps < 5 && s[k].word(); --k, ++steps) {
            if (s.is(k - 1, "as")) return false;
        }
    }
    return s.cue(i, kCueNotFilm);
}

bool roman(std::string_view w) {
    for (char c : w) {
        if (c != 'I' && c != 'V' && c != 'X') return false;
    }
    return !w.empty();
}

// What follows a title in the name of its sequel or episode: "Jaws 2", "Rocky IV", "Kill Bill
// Volume 2", "Batman Returns", "Star Wars Episode IV" (film keys: folded, no punctuation).
bool sequel_word(std::string_view w) {
    if (w.empty() || (w[0] >= '0' && w[0] <= '9')) return true;
    if (w.size() <= 4 && w.find_first_not_of("ivx") == std::string_view::npos) return true;
    static constexpr std::string_view kWords[] = {
        "part", "chapter", "episode", "vol", "volume", "returns", "reloaded", "revisited", "redux"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// "MGM", "USS", "NBC": a short word in capitals with no vowel after its first letter ("DOG",
// "DAY" and "FU" have one).
bool acronym(std::string_view w) {
    if (w.size() < 2 || w.size() > 3 || roman(w)) return false;
    for (std::size_t k = 1; k < w.size(); ++k) {
        char c = w[k];
        if (c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y') return false;
    }
    return true;
}

// "PLANET OF THE DINOSAURS" as "Planet of the Dinosaurs" (ASCII letters only change; Roman
// numerals stay: "RIGET III" is "Riget III").
std::string title_case(std::string_view caps) {
    std::string out(caps);
    std::size_t i = 0;
    bool first = true;
    while (i < out.size()) {
        auto letter = [&](std::size_t k) {
            char c = out[k];
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'' ||
                   static_cast<unsigned char>(c) >= 0x80;
        };
        if (!letter(i)) {
            if (out[i] == ':') first = true;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < out.size() && letter(j)) ++j;
        if (roman(std::string_view(caps).substr(i, j - i))) {
            first = false;
            i = j;
            continue;
        }
        for (std::size_t k = i; k < j; ++k) {
            if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] + 32);
        }
        std::string_view w(out.data() + i, j - i);
        bool small = w == "of" || w == "the" || w == "a" || w == "an" || w == "and" || w == "in" ||
                     w == "on" || w == "at" || w == "to" || w == "for" || w == "with" ||
                     w == "from" || w == "or" || w == "vs";
        if ((first || !small) && out[i] >= 'a' && out[i] <= 'z')
            out[i] = static_cast<char>(out[i] - 32);
        first = false;
        i = j;
    }
    return out;
}

bool strong_cue(const Scan& s, std::size_t i) {
    return s.cue(i, kCueFilm);
}

// "remake of X", "sequel to X", "starred in X": a cue word, then of/to/in.
bool strong_cue_pair(const Scan& s, std::size_t i) {
    return i > 0 && s.cue(i, kCuePairPrep) && s.cue(i - 1, kCuePairHead);
}

bool weak_cue(const Scan& s, std::size_t i) {
    return s.cue(i, kCueWeakFilm);
}

// Nothing that follows one of these is a film: "in English", "in Act Two".
bool after_weak_cue_not_title(const Scan& s, std::size_t i) {
    std::string_view f = s.folded(i);
    return s.lx.not_person.contains(f) && !s.lx.common_words.contains(f);
}

// The keys of the titles a review names, and the most words of those starting with each word:
// known() asks for every capitalised word, and a review may name thousands.
class LocalTitles {
  public:
    void add(std::string_view key) {
        keys_[key] = true;
        std::uint32_t words =
            1 + static_cast<std::uint32_t>(std::count(key.begin(), key.end(), ' '));
        std::uint32_t& most = most_from_[key.substr(0, key.find(' '))];
        most = std::max(most, words);
    }
    bool has(std::string_view key) const { return keys_.find(key) != nullptr; }
    std::size_t words_from(std::string_view word) const {
        const std::uint32_t* most = most_from_.find(word);
        return most ? *most : 0;
    }

  private:
    WordMap<bool> keys_;
    WordMap<std::uint32_t> most_from_;
};

enum class Source : std::uint8_t { Emphasis, Quote, Year, Caps, StrongCue, WeakCue, Known };

class FilmFinder {
  public:
    FilmFinder(Scan& s, FilmsFound& out) : s_(s), out_(out) {}

    void marked() {
        if (s_.size() == 0) return;
        emphasis();
        quotes();
        capitals();  // before years(): "JOURNEY TO BEGINNING OF TIME (1955)" whole
        years();
        // Long known titles go before people, so "Guy and Madeline on a Park Bench" is not
        // read as a person "Park Bench".
        if (s_.corpus || s_.catalog || !s_.film_key.empty()) known(3);
    }

    void cued(const PeopleFound& people) {
        people_ = &people;
        if (s_.corpus) known_typed_lower();  // before cues take "Tales" of "Tales from the crypt"
        opening_subject();
        cues();
        // Titles by predicate or shape are never evidence (weight 0), so observing skips them:
        // nothing runs after them that their claims could change.
        if (s_.corpus) {
            predicates();
            shapes();
            possessions();
            known(1);  // observing gathers confident titles only
        }
        fold_shortened_titles();
    }

  private:
    bool free(std::size_t i) const { return s_.claims[i] == Claim::None; }

    bool cap_or_digit(std::size_t i) const {
        return i < s_.size() && s_[i].word() && (s_.cap_word(i) || s_[i].has(kDigit));
    }

    // The end (exclusive) of a title that starts at b, or b when none does. `split_and` stops at
    // "and" (a list of titles) unless the text marked the span.
    std::size_t run_end(std::size_t b, bool split_and, std::size_t limit = 12) const {
        if (!cap_or_digit(b) || !free(b)) return b;
        std::size_t last = b;
        std::size_t j = b + 1;
        while (j < s_.size() && j - b < limit) {
            const Token& t = s_[j];
            if (t.kind == TokKind::Break || !free(j)) break;
            if (t.word()) {
                if (t.has(kSentenceStart)) break;
                // "Having seen him in Tango&Cash I can say": the pronoun, not a Roman one.
                // "Jaws 10 times": a count, not a sequel number.
                if (t.has(kDigit) && j + 1 < s_.size() &&
                    s_.is_any(j + 1, {"times", "minutes", "hours", "years", "days", "stars"}))
                    break;
                // "made Citizen Kane in 1941", "KING KONG from 1976": a date after the title
                // ("Class of 1999" keeps its "of").
                if (s_.lower_word(j) && s_.is_any(j, {"in", "from"}) && bare_year(j + 1)) break;
                if (s_.is(j, "i") && j + 1 < s_.size() && s_[j + 1].word() &&
                    !s_[j + 1].has(kCap) &&
                    !s_.is_any(j + 1, {"in", "of", "on", "at", "and", "to", "for", "from", "with",
                                       "by"}))  // "World War I in", but "Black Mask I was"
                    break;
                if (cap_or_digit(j)) {
                    last = j;
                } else if (title_function_word(s_, j) &&
                           !(split_and && (s_.is(j, "or") ||
                                           (s_.is(j, "and") &&
                                            !(s_.is(j + 1, "the") && !s_[j + 1].has(kCap)))))) {
                    // "Hedwig and the Angry Inch" holds together; "Heat and Thief" is a list
                    // kept only if a capitalised word follows
                } else {
                    break;
                }
                if (s_[j - 1].word() && s_[j - 1].has(kPossessive) && !cap_or_digit(j)) break;
            } else if (t.is_punct('\'') && s_[j - 1].word() && s_[j - 1].end == t.begin &&
                       j + 1 < s_.size() && s_[j + 1].has(kSpaceBefore) && s_[j + 1].word()) {
                // "Singin' in the Rain": an elided letter, not a quote
            } else if (t.is_punct('\'') && t.has(kSpaceBefore) && j + 1 < s_.size() &&
                       s_[j + 1].word() && s_[j + 1].begin == t.end &&
                       s_[j + 1].end - s_[j + 1].begin == 1 && s_[j + 1].has(kCap)) {
                // "Wild 'N Out", "Rock 'N Roll": an elided "and"
            } else if (t.is_punct(':') || t.is_punct('-') || t.is_punct('&')) {
                if (!cap_or_digit(j + 1)) break;
                if (t.is_punct('&') && split_and) break;
            } else if (t.is_punct('.') && s_[j - 1].word() && s_[j - 1].end == t.begin &&
                       s_.cue(j - 1, kCueAbbrev)) {
                // "Mr. Smith Goes to Washington"
            } else {
                break;
            }
            ++j;
        }
        return last + 1;
    }

    // Whether tokens [b, e) read as a title: a capital or digit first, no lower-case word that a
    // title would capitalise, not too long, not a lone everyday word.
    bool title_like(std::size_t b, std::size_t e, std::size_t max_words) const {
        std::size_t words = 0, caps = 0;
        bool first = true;
        for (std::size_t k = b; k < e; ++k) {
            const Token& t = s_[k];
            if (!t.word()) {
                if (t.kind == TokKind::Break) return false;
                if (t.is_punct('.') && k + 1 < e &&
                    !(k > b && s_[k - 1].word() && s_[k - 1].has(kInitials))) {
                    bool abbrev = s_.cue(k - 1, kCueAbbrev);
                    if (!abbrev) return false;  // a sentence, not a title
                }
                continue;
            }
            ++words;
            if (first) {
                if (!cap_or_digit(k)) return false;
                first = false;
            }
            if (cap_or_digit(k)) {
                ++caps;
            } else if (!title_function_word(s_, k)) {
                return false;
            }
        }
        if (words == 0 || words > max_words || caps == 0) return false;
        if (words == 1) {
            std::string_view f = s_.folded(b);
            if (s_.lx.stopwords.contains(f) && !s_.cue(b, kCueTitleStop)) {
                return false;
            }
            if (s_[b].has(kAllCaps) && s_[b].end - s_[b].begin > 4) return false;
        }
        return true;
    }

    // Lower-case words just before token i (skipping one article or determiner).
    bool preceded_by(std::size_t i, bool (*test)(const Scan&, std::size_t),
                     std::size_t reach = 2) const {
        std::size_t k = i;
        for (std::size_t step = 0; step < reach && k > 0; ++step) {
            --k;
            if (!s_[k].word()) {
                if (s_[k].is_punct('"') || s_[k].is_punct('\'') || s_[k].is_punct(',')) continue;
                return false;
            }
            if (test(s_, k)) return true;
        }
        return false;
    }

    // Whether a word of the clause before token i passes `test` ("Her big number near the end,
    // "Audition""): up to eight tokens back, not past the sentence.
    bool clause_has(std::size_t i, bool (*test)(const Scan&, std::size_t)) const {
        for (std::size_t k = i, steps = 0; k > 0 && steps < 8; ++steps) {
            --k;
            const Token& t = s_[k];
            if (t.kind == TokKind::Break || t.is_punct('.') || t.is_punct('!') || t.is_punct('?') ||
                t.is_punct(';'))
                break;
            if (t.word() && test(s_, k)) return true;
        }
        return false;
    }

    bool company(std::size_t e) const { return s_.cue(e - 1, kCueCompany); }

    // Adds a title; `confident` ones weigh double as corpus evidence, known ones not at all.
    void add(std::size_t b, std::size_t e, Source src, bool confident) {
        if (e == b + 1 && s_.cue(b, kCueAbbrev)) return;  // "Mr" of "Mr. Wizard", "Ms. Davis"
        std::string name = s_.span_text(b, e);
        while (!name.empty() && (name.back() == ',' || name.back() == ':' || name.back() == '-'))
            name.pop_back();
        std::string key = film_key(name);
        if (key.empty() || never_a_title(b, e, key, src)) return;
        if (key != s_.film_key && vetoed(key, b, src)) return;
        if (two_given_names(b, e, src)) return;
        if (src == Source::Caps) name = title_case(name);
        if (s_.catalog) {
            if (const CatalogFilm* f = s_.catalog->find_film(key)) name = f->title;
        }
        // Only sightings beyond doubt become corpus evidence: a weak one repeated over 50,000
        // reviews would otherwise turn every "Catherine" or "1980" into a known title.
        std::uint32_t weight = src == Source::Known || !confident ? 0
                               : src == Source::StrongCue         ? 1
                                                                  : 2;
        add_mention(out_.films, name, key, s_[b].begin, weight).add_form(s_.span_text(b, e));
        for (std::size_t k = b; k < e; ++k) s_.claims[k] = Claim::Title;
    }

    // Spans no mark makes a title: ratings ("3 out of 10"), decades ("30s", "the 1960s"). A bare
    // number, a single letter or a lone function word ("I'm") only when set apart by italics
    // or quotes ("1917", "M", "It"). Corpus evidence repeated the others into many reviews.
    bool never_a_title(std::size_t b, std::size_t e, std::string_view key, Source src) const {
        bool marked = src == Source::Emphasis || src == Source::Quote;
        bool numbers_only = true, rating_or_decade = false;
        for (std::size_t at = 0; at < key.size();) {
            std::size_t sp = std::min(key.find(' ', at), key.size());
            std::string_view t = key.substr(at, sp - at);
            at = sp + 1;
            if (t == "out" || t == "of") {
                rating_or_decade = true;
                continue;
            }
            std::size_t digits = 0;
            while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
            if (digits == 0 || (digits < t.size() && t.substr(digits) != "s")) {
                numbers_only = false;
                break;
            }
            if (digits < t.size()) rating_or_decade = true;
        }
        if (numbers_only) return rating_or_decade || !(marked || src == Source::Year);
        if (marked) return false;
        return key.size() == 1 || (e == b + 1 && s_.lex_is(b, kLexStop));
    }

    // How many reviews of the corpus saw the words b..e as a film (0 while observing).
    std::uint32_t seen_as_film(std::size_t b, std::size_t e) const {
        return s_.evidence(EntityEvidence::Kind::Film, film_key(s_.span_text(b, e)));
    }

    // "The dancing of Fred and Ginger": two given names joined are two people, unless the
    // text marks them as a title or the corpus knows it as one.
    bool two_given_names(std::size_t b, std::size_t e, Source src) const {
        // Not "Harold and Maude (1971)", nor "the film Bonnie and Clyde".
        if (src == Source::Emphasis || src == Source::Quote || src == Source::Year ||
            src == Source::Known || e != b + 3)
            return false;
        if (b > 0 && (strong_cue(s_, b - 1) || strong_cue_pair(s_, b - 1))) return false;
        return s_.lex_is(b, kLexFirstName) && s_.is_any(b + 1, {"and", "&"}) &&
               s_.lex_is(b + 2, kLexFirstName) && seen_as_film(b, e) < 2;
    }

    // Studios, channels and figures (not-titles.txt), battles in history: not titles, unless
    // italics or a year mark one ("Nickelodeon (1976)") or the catalogue or corpus knows it.
    bool vetoed(std::string_view key, std::size_t b, Source src) const {
        if (src == Source::Emphasis || src == Source::Year) return false;
        if (s_.catalog && s_.catalog->find_film(key)) return false;
        if (s_.lx.not_titles.contains(key)) return true;
        return an_event(b, src) && s_.evidence(EntityEvidence::Kind::Film, key) < 2;
    }

    // "during the Battle of Gettysburg", "after the Siege of Leningrad": history, not the films
    // ("The Battle of Algiers" is written with its article capitalised, or in quotes).
    bool an_event(std::size_t b, Source src) const {
        if (src == Source::Emphasis || src == Source::Quote || src == Source::Year || b < 2)
            return false;
        return s_.is_any(b, {"battle", "siege"}) && s_.is(b - 1, "the") && s_.lower_word(b - 1) &&
               s_.is_any(b - 2, {"during", "after", "before", "at", "since", "in", "of"});
    }

    // 'Lawrence' after 'Lawrence of Arabia', "Hoppity" after "Hoppity Goes to Town": a later,
    // shorter form of a title the review already named is that title, not another film. Not
    // when the rest marks a sequel or a subtitle ("Jaws 2", "Mad Max: Fury Road"), and not
    // when the corpus knows the short form better than the long one ("Alien", "Alien
    // Resurrection"): that is a film of its own.
    void fold_shortened_titles() {
        auto& films = out_.films;
        // Keys in order: the titles a key begins, and its spellings with or without a final
        // "s", are found by search rather than by comparing every pair.
        std::vector<std::pair<std::string_view, std::size_t>> by_key;
        by_key.reserve(films.size());
        for (std::size_t i = 0; i < films.size(); ++i) by_key.emplace_back(films[i].key, i);
        std::sort(by_key.begin(), by_key.end());
        std::vector<bool> folded(films.size());
        constexpr std::size_t kNone = static_cast<std::size_t>(-1);
        auto position = [&](std::string_view key) {
            auto it =
                std::lower_bound(by_key.begin(), by_key.end(), std::pair(key, std::size_t{0}));
            return it != by_key.end() && it->first == key && !folded[it->second] ? it->second
                                                                                 : kNone;
        };
        for (std::size_t i = 0; i < films.size(); ++i) {
            const std::string& key = films[i].key;
            // The last in the list of the titles this one may be a short form of.
            std::size_t full = kNone;
            auto found = [&](std::size_t j) {
                if (j != kNone && (full == kNone || j > full)) full = j;
            };
            // A short form two titles share is the series' name or its first film ("Mad Max"
            // beside "Mad Max Beyond Thunderdome" and "Mad Max: Fury Road").
            int candidates = 0;
            std::string prefix = key + ' ';
            for (auto it = std::lower_bound(by_key.begin(), by_key.end(),
                                            std::pair(std::string_view(prefix), std::size_t{0}));
                 it != by_key.end() && it->first.starts_with(prefix) && candidates < 2; ++it) {
                std::size_t j = it->second;
                if (folded[j] || !starts_with_words(it->first, key)) continue;
                ++candidates;
                if (shortened(films[i], films[j])) found(j);
            }
            if (candidates > 1) continue;
            std::string plural = key + 's';
            for (std::string_view other :
                 {std::string_view(plural), std::string_view(key).substr(0, key.size() - 1)}) {
                std::size_t j = position(other);
                if (j != kNone && misspelt(films[i], films[j])) found(j);
            }
            if (full == kNone) continue;
            // While observing there is no corpus to tell 'Alien' (1979) from a short form of
            // 'Alien Resurrection': the mention just stops being evidence.
            if (!s_.corpus) {
                films[i].weight = 0;
                continue;
            }
            for (auto& form : films[i].forms) films[full].add_form(std::move(form));
            films[full].weight = std::max(films[full].weight, films[i].weight);
            folded[i] = true;
        }
        films.erase(folded);
    }

    // '"Night of the Twisters" ... "Night of the Twister"': a later mention of a long title
    // that drops or adds a final "s" is the same title typed again, unless the corpus knows
    // both. Short ones are often two films ("Alien", "Aliens"; "Predator", "Predators").
    bool misspelt(const Mention& later, const Mention& first) const {
        if (later.first_pos <= first.first_pos || later.key == s_.film_key) return false;
        std::string_view a = later.key, b = first.key;
        if (a.size() > b.size()) std::swap(a, b);
        if (b.size() != a.size() + 1 || b.back() != 's' || !b.starts_with(a)) return false;
        if (std::count(a.begin(), a.end(), ' ') < 2) return false;
        return s_.evidence(EntityEvidence::Kind::Film, later.key) == 0 ||
               s_.evidence(EntityEvidence::Kind::Film, first.key) == 0;
    }

    static bool starts_with_words(std::string_view key, std::string_view part) {
        return key.size() > part.size() + 1 && key.starts_with(part) && key[part.size()] == ' ';
    }

    // Whether `part` (whose key begins `full`'s) is a later short form of `full`.
    bool shortened(const Mention& part, const Mention& full) const {
        if (part.first_pos <= full.first_pos || part.key == s_.film_key) return false;
        std::string_view rest = std::string_view(full.key).substr(part.key.size() + 1);
        std::string_view next = rest.substr(0, rest.find(' '));
        if (sequel_word(next)) return false;
        // "Mad Max: Fury Road" then "Mad Max": the name before a subtitle is the series'
        // first film.
        auto subtitled = [&](const std::string& form) {
            std::size_t colon = form.find(':');
            return colon != std::string::npos && film_key(form.substr(0, colon)) == part.key;
        };
        if (subtitled(full.name) || std::any_of(full.forms.begin(), full.forms.end(), subtitled))
            return false;
        return s_.evidence(EntityEvidence::Kind::Film, part.key) <=
               s_.evidence(EntityEvidence::Kind::Film, full.key);
    }

    // Whether this review itself has the title: its metadata, or a mark (quotes, italics).
    bool local_key(std::string_view key) const {
        return key == s_.film_key || out_.films.find(key);
    }

    // "Westerns", "DVDs", but also "Jaws" and "Friends".
    bool plural_of_everyday_word(std::size_t i) const {
        std::string_view f = s_.folded(i);
        return f.size() > 3 && f.back() == 's' &&
               (s_.lx.bits(f.substr(0, f.size() - 1)) &
                (kLexEnglish | kLexCommon | kLexNotPerson)) != 0;
    }

    bool known_title(std::string_view key) const {
        if (local_key(key)) return true;
        if (s_.evidence(EntityEvidence::Kind::Film, key) > 0) return true;
        return s_.catalog && s_.catalog->find_film(key);
    }

    void emphasis() {
        if (!s_.has_emphasis()) return;
        for (std::size_t i = 0; i < s_.size(); ++i) {
            if (!s_[i].word() || !s_[i].has(kEmphasis)) continue;
            std::size_t e = i + 1;
            std::size_t last = i;
            while (e < s_.size() && e - i < 16) {
                if (s_[e].word()) {
                    if (!s_[e].has(kEmphasis) || s_[e].has(kEmphasisStart)) break;
                    last = e;
                } else if (s_[e].kind == TokKind::Break) {
                    break;
                }
                ++e;
            }
            e = last + 1;
            if (title_like(i, e, 12) && !company(e) && !preceded_by(i, not_a_film_cue))
                add(i, e, Source::Emphasis, true);
            i = last;
        }
    }

    void quotes() {
        std::size_t next = 0;  // past the last quotation taken
        for (std::size_t i : s_.quote_marks()) {
            if (i + 2 >= s_.size()) break;
            if (i < next) continue;
            const Token& q = s_[i];
            bool opens = i == 0 || q.has(kSpaceBefore) || !s_[i - 1].word();
            if (!opens || !s_[i + 1].word() || s_[i + 1].has(kSpaceBefore)) continue;
            std::size_t close = i + 1;
            while (close < s_.size() && close - i < 20 && s_[close].kind != TokKind::Break &&
                   !s_[close].is_punct(q.punct)) {
                ++close;
            }
            if (close >= s_.size() || !s_[close].is_punct(q.punct)) continue;
            std::size_t open = i, b = i + 1, e = close;
            // A trailing comma or full stop inside the quotes is American punctuation, not title.
            while (e > b && (s_[e - 1].is_punct(',') || s_[e - 1].is_punct('.'))) --e;
            next = close + 1;
            if (!title_like(b, e, 10)) {
                // "'tales from the crypt'", "«snakes on a plane»": typed in lower case, but
                // spelling a title the corpus knows well.
                if (known_lowercase(b, e)) add(b, e, Source::Quote, false);
                continue;
            }
            if (company(e)) continue;
            if (e - b == 1 && s_[b].has(kDigit)) continue;  // a "3" out of "10"
            bool has_comma = false;
            for (std::size_t k = b; k < e; ++k) has_comma = has_comma || s_[k].is_punct(',');
            if (has_comma && e - b < 5) continue;
            // 'Robert "Pretentious" Altman': a nickname inside a name.
            if (open > 0 && s_.cap_word(open - 1) && s_.lex_is(open - 1, kLexFirstName) &&
                close + 1 < s_.size() && s_.cap_word(close + 1) &&
                s_[close + 1].has(kSpaceBefore) && !s_[close + 1].has(kSentenceStart)) {
                for (std::size_t k = b; k < e; ++k) s_.claims[k] = Claim::Other;
                continue;
            }
            // '"Tom Cruise"': a name the corpus knows as a person's far better than as a title.
            if (e - b >= 2 && s_.lex_is(b, kLexFirstName)) {
                std::string span = s_.span_text(b, e);
                std::uint32_t as_person =
                    s_.evidence(EntityEvidence::Kind::Person, person_key(span));
                if (as_person >= 30 &&
                    as_person > 10 * (s_.evidence(EntityEvidence::Kind::Film, film_key(span)) + 1))
                    continue;
            }
            // "'Mr Big' (Joe Pesci)": a quoted character followed by the actor.
            if (close + 2 < s_.size() && s_[close + 1].is_punct('(') && s_[close + 2].word() &&
                !s_[close + 2].has(kDigit)) {
                continue;
            }
            bool year = close + 3 < s_.size() && s_[close + 1].is_punct('(') && is_year(close + 2);
            // 'as "Michael" in the movie by the same name': the role is the title too.
            if (same_name_after(close + 1)) {
                add(b, e, Source::Quote, false);
                continue;
            }
            bool cue = preceded_by(open, strong_cue) || preceded_by(open, strong_cue_pair, 1);
            if (!year && clause_has(open, not_a_film_cue) && !called_film(open)) {
                for (std::size_t k = b; k < e; ++k)
                    s_.claims[k] = Claim::Other;  // a song, not "Daisy Bell" the person
                continue;
            }
            // A quoted place is a nickname or a joke ("a crack about "Oxford""), not a title.
            if (!year && !cue && e - b == 1 && s_.lex_is(b, kLexPlace | kLexNotPerson)) continue;
            add(b, e, Source::Quote, year || cue);
        }
    }

    // "in the movie of the same name", "in the film by the same name", from token k on.
    bool same_name_after(std::size_t k) const {
        for (std::size_t end = std::min(s_.size(), k + 4); k < end; ++k) {
            if (!strong_cue(s_, k)) continue;
            return k + 4 < s_.size() && s_.is_any(k + 1, {"of", "by", "with"}) &&
                   s_.is(k + 2, "the") && s_.is(k + 3, "same") && s_.is(k + 4, "name");
        }
        return false;
    }

    // Whether quoted words [b, e) that do not look like a title spell one the corpus or the
    // catalogue knows: two words or more besides an article, nothing but words.
    bool known_lowercase(std::size_t b, std::size_t e) const {
        if (e <= b || e - b > 10) return false;
        std::size_t words = 0;
        for (std::size_t k = b; k < e; ++k) {
            if (!s_[k].word() && !s_[k].is_punct(':') && !s_[k].is_punct('-')) return false;
            words += s_[k].word();
        }
        // 'a "knocked-up" tart': an adjective borrowed from a title.
        if (words < 2 || (b > 1 && s_.is_any(b - 2, {"a", "an"}))) return false;
        std::string key = film_key(s_.span_text(b, e));
        if (key.find(' ') == std::string::npos) return false;
        return s_.evidence(EntityEvidence::Kind::Film, key) >= 3 ||
               (s_.catalog && s_.catalog->find_film(key));
    }

    // "a film called 'Heat'": a naming word right after a film word.
    bool called_film(std::size_t quote) const {
        std::size_t k = quote;
        while (k > 0 && !s_[k - 1].word() && quote - k < 2) --k;
        if (k == 0 || !s_.cue(k - 1, kCueNaming)) return false;
        for (std::size_t j = k - 1; j > 0 && k - j < 4; --j) {
            if (strong_cue(s_, j - 1)) return true;
        }
        return false;
    }

    // A year in brackets: "(1995)".
    bool is_year(std::size_t i) const {
        return bare_year(i) && i + 1 < s_.size() && s_[i + 1].is_punct(')');
    }

    bool bare_year(std::size_t i) const {
        if (i >= s_.size() || !s_[i].word() || !s_[i].has(kDigit) || s_[i].end - s_[i].begin != 4)
            return false;
        std::string_view y = s_.raw(i);
        return (y.starts_with("18") || y.starts_with("19") || y.starts_with("20")) &&
               std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    }

    // A word that may sit inside a title typed in capitals ("PLANET OF THE DINOSAURS").
    bool caps_small_word(std::size_t i) const {
        return s_.is_any(i, {"of",   "the",  "a",  "an", "and", "in", "on", "at", "to",  "for",
                             "with", "from", "or", "vs", "de",  "la", "le", "du", "des", "del"});
    }

    // A word that makes a run of capitals a shout, not a title ("DO NOT WATCH", "SPOILER ALERT").
    bool caps_shout_word(std::size_t i) const {
        if (s_[i].has(kDigit)) return false;
        if (s_.lex_is(i, kLexStop) && !caps_small_word(i)) return true;
        return s_.is_any(
            i, {"spoiler", "spoilers", "alert", "warning", "ever", "never", "really", "movie",
                "film",    "watch",    "waste", "worst",   "best", "bad",   "good",   "sucks",
                "avoid",   "dvd",      "tv",    "cgi",     "imdb", "wtf",   "omg",    "lol",
                "end",     "update",   "edit",  "note",    "ps",   "p.s",   "real",   "stupid"});
    }

    // "I adored FEMALE TROUBLE", "in HOUSE OF 1000 CORPSES": reviews that otherwise write in
    // mixed case often type titles in capitals. Two words or more, no shouted sentence; a lone
    // capitalised word is emphasis more often than a title, so it needs a year or a cue.
    void capitals() {
        if (s_.shouting()) return;
        std::size_t words = s_.plain_words(), caps = s_.caps_words();
        if (caps < 2 || caps * 6 > words) return;  // a review that shouts in places
        for (std::size_t i = s_.next_capital(0); i < s_.size(); i = s_.next_capital(i + 1)) {
            if (!s_[i].word() || !s_[i].has(kAllCaps) || !free(i)) continue;
            std::size_t b = i, e = i, content = 0, longest = 0, last = i;
            bool shout = false;
            bool stop_word = false;  // "IS", "MY": a shout, unless a year marks a title
            for (std::size_t j = i; j < s_.size() && j - i < 16; ++j) {
                const Token& t = s_[j];
                if (t.word()) {
                    if (!free(j)) break;
                    if (j > i && !t.has(kSpaceBefore) && !s_[j - 1].is_punct(':') &&
                        !s_[j - 1].is_punct('-') && !s_[j - 1].is_punct('&'))
                        break;
                    bool small = caps_small_word(j) && (t.has(kAllCaps) || t.end - t.begin == 1);
                    if (!t.has(kAllCaps) && !t.has(kDigit) && !small) break;
                    if (t.has(kDigit) && !t.has(kAllCaps) && j == i) break;
                    if (caps_shout_word(j)) (s_.lex_is(j, kLexStop) ? stop_word : shout) = true;
                    if (!small && !t.has(kDigit)) {
                        if (acronym(s_.raw(j)) && !s_.lex_is(j, kLexStop)) shout = true;
                        ++content;
                        longest = std::max<std::size_t>(longest, t.end - t.begin);
                    }
                    last = j;
                } else if (t.is_punct(':') || t.is_punct('-') || t.is_punct('&') ||
                           (t.is_punct('\'') && j > i && s_[j - 1].word() &&
                            s_[j - 1].end == t.begin)) {
                    // "DOC SAVAGE: THE MAN OF BRONZE", "SINGIN' IN THE RAIN"
                } else {
                    break;
                }
            }
            e = last + 1;
            while (e > b + 1 && caps_small_word(e - 1)) --e;  // "... AND" before a lower word
            i = last;
            // "MURDER IS MY BEAT (1955)": the year vouches for the small words.
            bool dated = e + 1 < s_.size() && s_[e].is_punct('(') && is_year(e + 1);
            if (shout || (stop_word && !dated) || longest < 3) continue;
            std::size_t n_words = 0;
            for (std::size_t k = b; k < e; ++k) n_words += s_[k].word();
            bool the_one = n_words == 2 && s_.cue(b, kCueArticle) && longest >= 4;
            if (content < 2 && !the_one) continue;
            // "JASON PRIESTLY": a given name first, then one more word, is a person.
            // "UMA THURMAN": two words of no vocabulary at all read as a name too.
            if (n_words == 2 && (s_.lex_is(b, kLexFirstName) ||
                                 !(s_.lex_is(b, kLexEnglish | kLexCommon | kLexStop) ||
                                   s_.lex_is(b + 1, kLexEnglish | kLexCommon | kLexStop) ||
                                   s_[b + 1].has(kDigit) || roman(s_.raw(b + 1)))))
                continue;
            if (company(e) || preceded_by(b, not_a_film_cue)) continue;
            add(b, e, Source::Caps, false);
        }
        listed_with_capital_titles();
    }

    // "FEMALE TROUBLE and POLYESTER", "EQUINOX or PLANET OF THE DINOSAURS": one word in capitals
    // is as likely a shout, unless it is listed with a title in capitals.
    void listed_with_capital_titles() {
        auto caps_title = [&](std::size_t k) {
            return k < s_.size() && s_[k].word() && s_[k].has(kAllCaps) &&
                   s_.claims[k] == Claim::Title;
        };
        auto joiner = [&](std::size_t k) {
            return k < s_.size() && (s_.is_any(k, {"and", "or"}) || s_[k].is_punct(','));
        };
        for (std::size_t i = s_.next_capital(0); i < s_.size(); i = s_.next_capital(i + 1)) {
            const Token& t = s_[i];
            if (!t.word() || !t.has(kAllCaps) || !free(i) || t.end - t.begin < 4 ||
                caps_shout_word(i) || acronym(s_.raw(i)) || s_.lex_is(i, kLexStop))
                continue;
            bool alone = (i == 0 || !s_[i - 1].word() || !s_[i - 1].has(kAllCaps)) &&
                         (i + 1 >= s_.size() || !s_[i + 1].word() || !s_[i + 1].has(kAllCaps));
            if (!alone) continue;
            // "... and LOVED it": a shout runs on into the sentence; a listed title ends there.
            bool ends =
                i + 1 >= s_.size() || !s_[i + 1].word() || (joiner(i + 1) && caps_title(i + 2));
            if (ends && ((i >= 2 && joiner(i - 1) && caps_title(i - 2)) ||
                         (joiner(i + 1) && caps_title(i + 2))))
                add(i, i + 1, Source::Caps, false);
        }
    }

    // "Heat (1995)": walk back from the bracket over the title.
    void years() {
        for (std::size_t i : s_.brackets()) {
            if (i + 2 >= s_.size()) break;
            if (i < 2 || !is_year(i + 1)) continue;
            std::size_t e = i;
            if (!cap_or_digit(e - 1) || !free(e - 1)) continue;
            std::size_t b = e - 1;
            std::size_t k = b;
            while (k > 0 && e - k < 12) {
                std::size_t p = k - 1;
                const Token& t = s_[p];
                if (!free(p) || t.kind == TokKind::Break) break;
                if (s_[k].word() && s_[k].has(kSentenceStart)) break;
                if (t.word()) {
                    if (cap_or_digit(p)) {
                        b = p;
                    } else if (!title_function_word(s_, p)) {
                        break;
                    }
                } else if (!(t.is_punct(':') || t.is_punct('-') || t.is_punct('&'))) {
                    break;
                }
                k = p;
            }
            // "Compare it with Northwest Passage (1940)": a verb and its object open the
            // sentence, and a title in title case has no lower-case pronoun second.
            if (b + 2 < e && s_[b].has(kSentenceStart) && s_.lex_is(b, kLexEnglish) &&
                !s_[b + 1].has(kCap) &&
                s_.is_any(b + 1, {"it", "him", "her", "them", "me", "us", "this", "that"})) {
                b += 2;
                while (b < e && !cap_or_digit(b)) ++b;
            }
            // Leading words that only open the sentence ("Then", "Watching") are not the title,
            // unless the corpus knows the title with it ("Gone with the Wind (1939) is...").
            while (b + 1 < e && s_[b].word() && !s_.cue(b, kCueArticle)) {
                bool cue = strong_cue(s_, b);
                if (!cue && !s_.lex_is(b, kLexStop) &&
                    !(s_[b].has(kSentenceStart) && s_.lex_is(b, kLexCommon)))
                    break;
                if (!cue && s_.corpus && seen_as_film(b, e) >= 2) break;
                ++b;
                while (b < e && !cap_or_digit(b)) ++b;
            }
            // "Alfred Hitchcock's Vertigo (1958)": the maker's name, not the title ("Bram
            // Stoker's Dracula" is one), when the corpus knows the rest better as a film.
            if (s_.corpus && b < e) {
                std::uint32_t whole = seen_as_film(b, e);
                for (std::size_t p = b; p + 1 < e; ++p) {
                    if (!s_[p].word() || !s_[p].has(kPossessive) || !cap_or_digit(p + 1)) continue;
                    std::uint32_t rest = seen_as_film(p + 1, e);
                    if (rest >= 2 && rest > whole) b = p + 1;
                    break;
                }
            }
            if (b < e && title_like(b, e, 12)) add(b, e, Source::Year, true);
        }
    }

    // Titles after cue words, with lists ("like Heat, Collateral and Thief") and corrections
    // ("in Project X, sorry, Rabbit Hole").
    void cues() {
        // A cue is followed by a capital or a digit, or (for appositive()) by a comma: only the
        // words before those need a look.
        std::size_t comma = 0;  // into s_.commas(), past those before k
        auto next = [&](std::size_t k) {
            std::size_t j = s_.next_capital(k);
            if (!s_.corpus) return j;
            const auto& commas = s_.commas();
            while (comma < commas.size() && commas[comma] < k) ++comma;
            return comma < commas.size() ? std::min<std::size_t>(j, commas[comma]) : j;
        };
        for (std::size_t j = next(1); j < s_.size(); j = next(j + 1)) {
            std::size_t i = j - 1;
            // appositive() needs a comma next: testing that here spares a call for nearly every
            // word of the text.
            if (!s_[i].word() || s_[i].has(kDigit) ||
                (!cap_or_digit(i + 1) && !(s_[i + 1].is_punct(',') && appositive(i))))
                continue;
            // "Like Raging Bull or ...": a capitalised cue only where a sentence starts with it.
            if (s_[i].has(kCap) && s_[i].has(kSentenceStart) && s_.is(i, "in")) {
                if (s_.corpus) opening_in(i);  // a pattern, not a sighting beyond doubt
                continue;
            }
            if (s_[i].has(kCap) && !(s_[i].has(kSentenceStart) && s_.is_any(i, {"like", "unlike"})))
                continue;
            // "like in Deep Cover", "as in Heat": a comparison names a film.
            bool like_in = s_.is(i, "in") && i > 0 && s_.is_any(i - 1, {"like", "as"});
            // "a cross between ET, Always: Sunset on Third Street and TMNT"
            bool cross = s_.is(i, "between") && i > 0 && s_.is(i - 1, "cross");
            bool strong = strong_cue(s_, i) || strong_cue_pair(s_, i) || maker_cue(i) ||
                          role_in_cue(i) || kind_like_cue(i) || like_in || cross;
            bool weak = !strong && weak_cue(s_, i);
            bool listed = !strong && s_.corpus && listed_after_title(i);
            if (!strong && !weak && !listed) continue;
            std::size_t b = i + 1;
            if (strong && appositive(i)) b = i + 2;
            if (!s_[b].has(kSpaceBefore) || !cap_or_digit(b) || !free(b)) continue;
            if (s_[b].has(kSentenceStart)) continue;
            if (listed) {
                listed_title(b);
                continue;
            }
            std::size_t chain = 0;
            while (chain < 6) {
                std::size_t e = run_end(b, true);
                if (e == b) break;
                std::size_t next = e;
                // "X, sorry, Y": the writer corrected the title.
                std::size_t corrected = correction(e);
                if (corrected != e) {
                    b = corrected;
                    continue;
                }
                consider(b, e, strong, i);
                ++chain;
                // "like Heat, Collateral and Thief"
                if (next < s_.size() && s_[next].is_punct(',')) ++next;
                if (next < s_.size() && s_.is_any(next, {"and", "or"})) ++next;
                if (next == e || next >= s_.size() || !cap_or_digit(next) || !free(next)) break;
                b = next;
            }
        }
    }

    // "his TV show, Nick Cannon Presents", "her latest film, The Hours, ...": a film noun
    // owned or dated, then a comma and the title in apposition.
    // Only while extracting (a pattern, not evidence), and only when the title is closed off:
    // "In his debut film, Nazi Germany is seen..." opens a sentence on its subject instead.
    bool appositive(std::size_t i) const {
        // Cheap tests first: the cue lookup costs more.
        if (!s_.corpus || i + 2 >= s_.size() || !s_[i + 1].is_punct(',') || !strong_cue(s_, i) ||
            !cap_or_digit(i + 2) || s_[i + 2].has(kSentenceStart) || !free(i + 2))
            return false;
        std::size_t e = run_end(i + 2, true);
        if (e < s_.size() && !(s_[e].is_punct(',') || s_[e].is_punct('.') || s_[e].is_punct(';') ||
                               s_[e].is_punct(')')))
            return false;
        for (std::size_t k = i, steps = 0; k > 0 && steps < 3; ++steps) {
            --k;
            if (!s_[k].word()) return false;
            if (s_.is_any(k, {"his", "her", "their", "its", "my", "our", "latest", "newest", "new",
                              "next", "previous", "debut"}))
                return !(k > 0 && s_.is_any(k - 1, {"in", "for", "with", "on", "at", "from",
                                                    "after", "before", "during", "since", "of"}));
        }
        return false;
    }

    // Whether "and"/"or" at token i follows a title: "Panic in Needle Park or ...".
    bool listed_after_title(std::size_t i) const {
        if (!s_.cue(i, kCueListJoin) || i == 0) return false;
        // "If you liked Heat, then Pacino fans...": a condition, not a list.
        if (s_.is(i, "then")) {
            for (std::size_t k = i, steps = 0; k > 0 && steps < 40; ++steps) {
                --k;
                if (s_.is_any(k, {"if", "when", "once", "since"})) return false;
                if (s_[k].has(kSentenceStart) || s_[k].kind == TokKind::Break) break;
            }
        }
        std::size_t p = i - 1;
        if (s_[p].is_punct(',') && p > 0) --p;
        return s_.claims[p] == Claim::Title;
    }

    // "the look of Panic in Needle Park or Drugstore Cowboy": a run of capitalised words listed
    // after a title is one too, when nothing else (a person, a place) has claimed it. A pattern,
    // not a sighting beyond doubt, so it runs with corpus evidence only.
    void listed_title(std::size_t b) {
        std::size_t e = run_end(b, true);
        std::size_t words = 0;
        for (std::size_t k = b; k < e; ++k) {
            if (!s_[k].word()) continue;
            if (!free(k)) return;
            ++words;
        }
        // One word only when it is no word of the language or a name: "MIB II, then Drumline".
        if (words == 0 || !cap_or_digit(e - 1) ||
            (words == 1 && s_.lex_is(b, kLexStop | kLexCommon | kLexEnglish | kLexFirstName |
                                            kLexPlace | kLexNotPerson)))
            return;
        std::string key = film_key(s_.span_text(b, e));
        if (key.empty() || company(e) || s_.lx.places.contains(key)) return;
        if (s_.lex_is(b, kLexFirstName) && !known_title(key)) return;  // "and Peter Falk"
        if (part_of_longer_name(b, e)) return;
        add(b, e, Source::WeakCue, false);
    }

    // "Keys to the VIP is just another...", "Crazy Six is torture": a review that opens on a
    // capitalised phrase and a verb is talking about its film. Two words or more, not a name.
    void opening_subject() {
        std::size_t b = 0;
        while (b < s_.size() && !s_[b].word()) ++b;
        if (b >= s_.size() || b > 1 || !free(b) || s_.lex_is(b, kLexFirstName)) return;
        std::size_t e = run_end(b, true);
        if (e >= s_.size() || !title_like(b, e, 8) || company(e)) return;
        std::size_t words = 0;
        for (std::size_t k = b; k < e; ++k) {
            if (!s_[k].word()) continue;
            ++words;
            if (s_.lex_is(k, kLexPlace | kLexNotPerson) || s_.claims[k] != Claim::None) return;
        }
        if (words < 2 || !s_[e].word() || s_[e].has(kCap)) return;
        if (!s_.is_any(e, {"is", "was", "isn't", "wasn't", "has", "tells", "follows", "finds",
                           "stars", "opens", "begins", "starts", "takes", "centers", "centres"}))
            return;
        add(b, e, Source::WeakCue, false);
    }

    // "In Black Mask, Jet Li plays...": a sentence opening with "In", a capitalised run, a
    // comma and a name. Places ("In New York, Al Pacino...") and events are not titles.
    void opening_in(std::size_t i) {
        std::size_t b = i + 1;
        if (!s_[b].has(kSpaceBefore) || !free(b)) return;
        std::size_t e = run_end(b, true);
        if (e == b || e + 1 >= s_.size() || !s_[e].is_punct(',') || !s_.cap_word(e + 1)) return;
        std::size_t words = 0;
        for (std::size_t k = b; k < e; ++k) {
            if (!s_[k].word()) continue;
            ++words;
            if (s_.lex_is(k, kLexPlace | kLexNotPerson) || s_[k].has(kDigit)) return;
        }
        if (words == 1 && s_.lex_is(b, kLexStop | kLexCommon | kLexFirstName)) return;
        consider(b, e, true, i);
    }

    // "Jeunet made Delicatessen", "Mitchell, who made Hedwig...": a person making something.
    bool maker_cue(std::size_t i) const {
        if (!s_.cue(i, kCueMaker)) return false;
        if (i == 0) return false;
        std::size_t p = i - 1;
        if (s_.is_any(p, {"who", "also", "then", "later", "first", "once"}) && p > 0) return true;
        return s_.claims[p] == Claim::Person;
    }

    // "shows like Friends", "classics such as The Antichrist", "films including Heat": a
    // kind of film, then examples of it.
    bool kind_like_cue(std::size_t i) const {
        if (!s_.cue(i, kCueKindLike)) return false;
        std::size_t k = i;
        if (s_.is(i, "as")) {
            if (k < 2 || !s_.is(k - 1, "such")) return false;
            --k;
        }
        if (k == 0 || !s_[k - 1].word()) return false;
        // "a short like Boy-Next-Door": a short film
        if (s_.is(k - 1, "short") && k >= 2 && s_.is_any(k - 2, {"a", "another"})) return true;
        std::string_view f = s_.folded(k - 1);
        return strong_cue(s_, k - 1) && f.size() > 1 && f.back() == 's';  // plural: a kind
    }

    // "the dad in Juno", "the newspaper editor in Spider-Man": a role, then the film.
    bool role_in_cue(std::size_t i) const {
        if (!s_.is(i, "in")) return false;
        // "a line in Angel Heart", "the shower scene in Psycho", "superb in Raging Bull", "saw
        // him in Heat": a pattern, not a sighting beyond doubt, so not while gathering evidence
        // ("a scene in T.V.").
        if (s_.corpus && i > 0 && s_.cue(i - 1, kCueScene | kCueActingIn)) return true;
        // A viewer's verb makes "him in" an actor's film: "loved him in City Guy", not "ran
        // into him in West Hollywood" or "talking to them in Ye Olde English".
        if (s_.corpus && i > 1 && s_.is_any(i - 1, {"him", "her", "them"}) &&
            s_.is_any(i - 2,
                      {"saw",   "seen",    "see",   "seeing",   "loved",    "love",       "liked",
                       "like",  "watched", "watch", "watching", "remember", "remembered", "enjoyed",
                       "enjoy", "adored",  "adore", "hated",    "caught",   "admired"}))
            return true;
        for (std::size_t k = i, steps = 0; k > 0 && steps < 10; ++steps) {
            --k;
            if (!s_[k].word()) return false;
            if (s_.is(k, "as") && k + 1 < i && s_.cue(k + 1, kCueArticle)) return true;
        }
        return false;
    }

    // After a title ending at e: ", sorry, Y" or ", I mean Y" gives Y's start; else e.
    std::size_t correction(std::size_t e) const {
        std::size_t k = e;
        if (k < s_.size() && (s_[k].is_punct(',') || s_[k].is_punct('-'))) ++k;
        if (k >= s_.size()) return e;
        std::size_t after;
        if (s_.cue(k, kCueCorrection)) {
            after = k + 1;
        } else if (s_.is(k, "i") && s_.is(k + 1, "mean")) {
            after = k + 2;
        } else if (s_.is(k, "or") && s_.is(k + 1, "rather")) {
            after = k + 2;
        } else {
            return e;
        }
        if (after < s_.size() && (s_[after].is_punct(',') || s_[after].is_punct('-'))) ++after;
        return after < s_.size() && cap_or_digit(after) ? after : e;
    }

    // A title [b, e) after the cue word at `cue` (or after a list that began there).
    void consider(std::size_t b, std::size_t e, bool strong, std::size_t cue) {
        std::string name = s_.span_text(b, e);
        std::string key = film_key(name);
        if (key.empty() || company(e)) return;
        if (s_.lx.places.contains(key)) return;
        // "the scene in Central Park", "the final shot in Monument Valley": a place.
        if (cue > 0 && s_.is(cue, "in") && e > b && s_.lex_is(e - 1, kLexPlace | kLexNotPerson) &&
            s_.cue(cue - 1, kCueScene))
            return;
        bool known = known_title(key);
        if (known) {
            if (part_of_longer_name(b, e)) return;  // "Book of Life", "Tango&Cash"
            // "on TV", "in Hollywood": after a weak cue, a word the corpus merely saw as a title
            // must pass accept_known's test for a cued one-word mention.
            if (!strong && e == b + 1 && !local_key(key) &&
                !accept_known(b, e, 1, s_.evidence(EntityEvidence::Kind::Film, key),
                              s_.catalog && s_.catalog->find_film(key)))
                return;
            add(b, e, strong ? Source::StrongCue : Source::WeakCue, false);
            return;
        }
        std::size_t words = 0, caps = 0;
        for (std::size_t k = b; k < e; ++k) {
            if (!s_[k].word()) continue;
            ++words;
            if (cap_or_digit(k)) ++caps;
        }
        if (strong) {
            // "the cast of Anil, Akshay and Saif": lone given names are people, not titles.
            if (words == 1 &&
                s_.lex_is(b, kLexStop | kLexCommon | kLexNotPerson | kLexPlace | kLexFirstName)) {
                return;
            }
            if (s_[b].has(kDigit) && words == 1) return;  // "the film 2"
            add(b, e, Source::StrongCue, words >= 1 && !s_.corpus);
            return;
        }
        // A weak cue needs a phrase that reads as a title and as nothing else; after the
        // commonest prepositions ("in", "from") only a title known elsewhere will do.
        if (caps < 2 || after_weak_cue_not_title(s_, b)) return;
        if (s_.is_any(cue, {"in", "from", "of", "and", "or", "as", "about", "at", "on", "to", "for",
                            "with"}))
            return;
        if (s_.lex_is(b, kLexStop) && !s_.cue(b, kCueArticle)) return;
        for (std::size_t k = b; k < e; ++k) {
            if (s_[k].word() && s_.lex_is(k, kLexNotPerson) && words <= 2 &&
                !s_.lex_is(k, kLexCommon))
                return;
        }
        add(b, e, Source::WeakCue, false);
    }

    // The first key word of a token, as film_key would give it, in `buf`.
    std::string_view first_key_word(std::size_t i, char (&buf)[32]) const {
        std::string_view w = s_[i].has(kCap) && !s_[i].has(kAllCaps) && !s_[i].has(kDigit)
                                 ? s_.raw(i)
                                 : s_.folded(i);
        std::size_t n = 0;
        for (char c : w) {
            if (static_cast<unsigned char>(c) >= 0x80) return s_.folded(i);  // accents: fold fully
            if (c == '\'') continue;
            if (c == '-' || c == '.') break;
            if (n == sizeof buf) return {};
            buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        }
        return std::string_view(buf, n);
    }

    // Titles known from metadata, evidence, the catalogue or earlier in this review, wherever
    // they appear capitalised.
    // A word a known title may start with or consist of: capitalised, a number, or in capitals
    // in a review that does not shout ("about WHIPLASH").
    bool known_word(std::size_t i) const {
        if (cap_or_digit(i)) return true;
        return i < s_.size() && s_[i].word() && s_[i].has(kAllCaps) && !s_.shouting();
    }

    // "anthology shows like Tales from the crypt", "Snake island", "Take me out to the
    // Ballgame": a title the corpus knows well, typed with some of its words in lower case.
    // The first word must be capitalised and the run must match the whole known title.
    void known_typed_lower() {
        for (std::size_t i = s_.next_capital(0); i < s_.size(); i = s_.next_capital(i + 1)) {
            if (!free(i) || !cap_or_digit(i) || s_[i].has(kAllCaps) || s_.lex_is(i, kLexStop))
                continue;  // not "I've ever"
            std::size_t lookup = i;
            char buf[32];
            std::string_view w = first_key_word(lookup, buf);
            if (w.empty() || w == "the") continue;
            std::size_t most = s_.corpus_index ? s_.corpus_index->film_words_from(w) : 0;
            if (most < 2) continue;
            // The next `most` words, all free and with nothing but spaces between them.
            std::vector<std::size_t> ends;
            bool lower = false;
            for (std::size_t k = i + 1;
                 k < s_.size() && ends.size() + 1 < most && k - i < 2 * most + 2; ++k) {
                if (!s_[k].word() || !free(k) || !s_[k].has(kSpaceBefore)) break;
                lower = lower || !cap_or_digit(k);
                if (lower) ends.push_back(k + 1);  // all-capitalised runs are known()'s
            }
            for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
                std::size_t e = *it;
                if (e - i < 2 || !s_[e - 1].word() || title_function_word(s_, e - 1) ||
                    s_.lex_is(e - 1, kLexStop))
                    continue;
                std::string key = film_key(s_.span_text(i, e));
                if (s_.evidence(EntityEvidence::Kind::Film, key) < 4 ||
                    s_.evidence(EntityEvidence::Kind::Person, key) > 0)
                    continue;
                if (e < s_.size() && s_[e].word() && s_[e].has(kSpaceBefore) &&
                    (cap_or_digit(e) || title_function_word(s_, e)))
                    continue;  // the text runs on: a longer name
                add(i, e, Source::Known, false);
                i = e - 1;
                break;
            }
        }
    }

    void known(std::size_t min_words) {
        LocalTitles local;  // keys found in this review so far
        for (const auto& m : out_.films) local.add(m.key);
        if (!s_.film_key.empty()) local.add(s_.film_key);
        for (std::size_t i = s_.next_capital(0); i < s_.size(); i = s_.next_capital(i + 1)) {
            if (!known_word(i) || !free(i)) continue;
            // film_key drops a leading "The", so the lookup starts at the next word.
            std::size_t lookup = i;
            if (s_.is(i, "the") && i + 1 < s_.size() && known_word(i + 1) &&
                s_[i + 1].has(kSpaceBefore))
                lookup = i + 1;
            char buf[32];
            std::string_view w = first_key_word(lookup, buf);
            if (w.empty()) continue;
            std::size_t most = local.words_from(w);
            if (s_.corpus_index) most = std::max(most, s_.corpus_index->film_words_from(w));
            if (s_.catalog) most = std::max(most, s_.catalog->title_words_from(w));
            if (most == 0 || most < min_words) continue;
            std::size_t e_max = run_end(i, false, most * 2 + 2);
            if (s_[lookup].has(kAllCaps) && !cap_or_digit(lookup)) {
                e_max = lookup + 1;  // "LA LA LAND": a run of words in capitals
                while (e_max < s_.size() && e_max - lookup < 2 * most + 2 &&
                       ((s_[e_max].word() && s_[e_max].has(kAllCaps)) ||
                        (s_[e_max].is_punct(':') && e_max + 1 < s_.size() &&
                         s_[e_max + 1].has(kAllCaps))))  // "MAD MAX: FURY ROAD"
                    ++e_max;
            }
            // Longest match first, over ends that are title words.
            for (std::size_t e = e_max; e > lookup; --e) {
                if (!known_word(e - 1)) continue;
                std::size_t words = 0;
                for (std::size_t k = lookup; k < e; ++k) words += s_[k].word();
                if (words > most) continue;
                if (words < min_words) break;
                // A lone everyday word ("It", "Love") is never taken on evidence alone; test
                // that before building keys.
                if (words == 1 && s_.lex_is(lookup, kLexStop | kLexCommon) &&
                    !local_title_word(local, lookup))
                    continue;
                std::string key = film_key(s_.span_text(i, e));
                bool local_hit = local.has(key);
                // A place ("in Las Vegas") is a title only where this review marks it as one or
                // the noun before is "film" or the like ("the movie Chicago"), not any film cue
                // ("classic Hollywood", "a star in Hollywood").
                if (!local_hit && s_.lx.places.contains(key) &&
                    !(i > 0 && s_.is_any(i - 1, {"film", "movie", "documentary", "series"})))
                    continue;
                std::uint32_t ev = s_.evidence(EntityEvidence::Kind::Film, key);
                bool cat = s_.catalog && s_.catalog->find_film(key);
                if (!local_hit && ev == 0 && !cat) continue;
                if (!local_hit && !accept_known(lookup, e, words, ev, cat)) break;
                // "the short story The Sentinel", but "the shower scene in PSYCHO".
                if (!(i > 0 && s_.is_any(i - 1, {"in", "from"})) && preceded_by(i, not_a_film_cue))
                    break;
                if (!local_hit && part_of_longer_name(i, e)) break;
                // "Friday the 13th the series": the series named after the film.
                if (e + 1 < s_.size() && s_.is(e, "the") && !s_[e].has(kCap) &&
                    s_.is(e + 1, "series"))
                    e += 2;
                add(i, e, Source::Known, false);
                local.add(key);
                i = e - 1;
                break;
            }
        }
    }

    // Whether the known title at [b, e) is only a piece of a longer name the text runs on
    // with: "It's a Wonderful Life" is not "Life", "Gamera 2" not "Gamera", "Tango&Cash" not
    // "Tango", "Friday the 13th: The Series" not "Friday the 13th". A possessive before it is
    // an owner, not more title ("Bong's Parasite").
    bool part_of_longer_name(std::size_t b, std::size_t e) const {
        if (b > 0 && !s_[b].has(kSentenceStart)) {
            std::size_t p = b - 1;
            if (s_.is_any(p, {"of", "the"}) && p > 0) --p;  // "The Book of Life"
            bool opens_sentence =                           // "In Heat", "Like Raging Bull"
                s_[p].has(kSentenceStart) &&
                (s_.lex_is(p, kLexStop | kLexCommon) || weak_cue(s_, p) || strong_cue(s_, p));
            if (s_[p].word() && s_.cap_word(p) && !s_[p].has(kPossessive) && !opens_sentence)
                return true;
        }
        // "Life stinks" in quotes: the quotes hold more than the title.
        if (b > 0 && (s_[b - 1].is_punct('"') || s_[b - 1].is_punct('\'')) && e < s_.size() &&
            s_[e].word())
            return true;
        // "the Cave of Swimmers", "the Loch Ness Monster", "Big Boy Caprice".
        if (e < s_.size() && s_.cap_word(e) && s_[e].has(kSpaceBefore) &&
            !s_[e].has(kSentenceStart) && !s_[e].has(kAllCaps) &&  // not "La La Land FOUR times"
            !s_.is(e, "i"))                                        // nor "Black Mask I was"
            return true;
        // "Godzilla vs MechaGodzilla 2" is not "Godzilla"
        if (e + 1 < s_.size() && s_.is_any(e, {"of", "vs", "versus"}) && cap_or_digit(e + 1))
            return true;
        if (e == b + 1 && e < s_.size()) {
            // "Tales from the crypt": a title typed with one capital runs on in lower case.
            if (s_.is_any(e, {"from", "of"}) && e + 1 < s_.size() && s_[e + 1].word() &&
                !s_[e + 1].has(kCap))
                return true;
            // "a Troma movie", "an Elephant with strep", "the Gamera trilogy": a word used
            // as a modifier or a common noun.
            if (b > 0 && s_.is_any(b - 1, {"a", "an"})) return true;
            if (b > 0 && s_.is(b - 1, "the") && s_[e].word() &&
                s_.is_any(e, {"trilogy", "series", "franchise", "films", "movies", "sequels",
                              "saga", "cycle", "remake", "remakes"}))
                return true;
        }
        if (e + 1 < s_.size()) {
            const Token& t = s_[e];
            if ((t.is_punct('&') || t.is_punct(':')) && cap_or_digit(e + 1)) return true;
            // "Gamera 2", but not "Jaws 10 times"
            if (e == b + 1 && t.word() && t.end - t.begin == 1 && s_.raw(e)[0] >= '2' &&
                s_.raw(e)[0] <= '9')
                return true;
        }
        return false;
    }

    // Whether one of this review's own titles is the single word at token i.
    bool local_title_word(const LocalTitles& local, std::size_t i) const {
        return local.has(s_.folded(i));
    }

    // Whether a title the corpus or catalogue knows (`ev` weighted sightings) is meant here.
    // Evidence weighs 2 for a sighting beyond doubt (metadata, italics, "Heat (1995)").
    bool accept_known(std::size_t b, std::size_t e, std::size_t words, std::uint32_t ev,
                      bool cat) const {
        bool cue_before =
            b > 0 && (weak_cue(s_, b - 1) || strong_cue(s_, b - 1) || strong_cue_pair(s_, b - 1));
        if (words >= 2) {
            // "Stephen King", "World War II", "Academy Award": shaped like a name or an event,
            // such a title needs more than one sure sighting.
            // Names hold no small words: "Alone in the Dark" is shaped like a title.
            bool small_word = false;
            for (std::size_t k = b + 1; k + 1 < e; ++k)
                small_word =
                    small_word || (s_[k].word() && !s_[k].has(kCap) && title_function_word(s_, k));
            bool name_like =
                !small_word && (s_.lex_is(b, kLexFirstName | kLexNotPerson | kLexPlace) ||
                                (e > 0 && s_.lex_is(e - 1, kLexNotPerson | kLexPlace)));
            // "a Stephen King novel", "Stephen King's book", "written by Stephen King": a
            // person's name, even where the corpus has seen a title spelt the same.
            if (s_.lex_is(b, kLexFirstName) && names_a_maker(s_, b, e)) return false;
            std::uint32_t need = name_like ? 4 : 2;
            return ev >= need || (cat && (cue_before || words >= 3 || !s_[b].has(kSentenceStart)));
        }
        // One word ("Heat", "Amélie"): never an everyday word, a number or a name unless the
        // corpus knows it well and a cue stands before it. A place gets here only after
        // "film", "movie" and the like (known(); consider() takes none), and is then read as
        // any cued word.
        if (s_[b].has(kDigit) || s_[b].end - s_[b].begin < 3) return false;  // "1980", "LA"
        if (s_.lex_is(b, kLexStop | kLexCommon)) return false;
        bool followed_by_name = e < s_.size() && s_.cap_word(e) && s_[e].has(kSpaceBefore);
        if (followed_by_name) return false;  // "Juno Temple"
        // "on Earth", "a Fox release", "Chaplin's tramp": a word the corpus writes
        // capitalised many times for each sure sighting as a title is mostly a name, a place or
        // a word, and only a cue naming a film ("the film Earth") makes it the title here.
        bool film_cue = b > 0 && (strong_cue(s_, b - 1) || strong_cue_pair(s_, b - 1));
        std::uint32_t seen = s_.evidence(EntityEvidence::Kind::Seen, s_.folded(b));
        if (seen >= kSeenFloor && seen > kSeenPerSighting * ev && !film_cue) return false;
        // "Chaplin's tramp", "a Lynch picture": the surname of people the corpus names more
        // often than it marks the word as a title is theirs.
        const auto* named =
            s_.corpus_index ? s_.corpus_index->surnames.find(s_.folded(b)) : nullptr;
        if (named && named->total > ev && !film_cue) return false;
        if (s_.lex_is(b, kLexFirstName | kLexNotPerson)) return ev >= (cue_before ? 4 : 8);
        // An everyday word ("Elephant", "Slow") bare in a sentence needs more sightings.
        // "war movies and Westerns", "an age of DVDs": the plural of an everyday word too.
        bool plural = plural_of_everyday_word(b);
        if (cue_before) return ev >= (plural ? 10u : 2u) || cat;
        return ev >= (s_.lex_is(b, kLexEnglish) || plural ? 6u : 4u);
    }

    // Titles by their shape alone, with no cue: "The Bridge on the River Kwai" (a capital "The"
    // inside a sentence, then capitals), "Memories of Murder" (capitals around small words),
    // "Hedwig and the Angry Inch". Not in headings, where every word is capitalised.
    void shapes() {
        for (std::size_t i = s_.next_capital(1); i < s_.size(); i = s_.next_capital(i + 1)) {
            if (!cap_or_digit(i) || !free(i) || s_[i].has(kSentenceStart) || s_[i].has(kDigit))
                continue;
            if (cap_or_digit(i - 1) || s_[i - 1].is_punct('\'') || s_[i - 1].is_punct('"') ||
                s_[i - 1].is_punct(':')) {
                continue;
            }
            std::size_t e = run_end(i, false);
            std::size_t caps = 0, small = 0;
            bool odd = false, other_small = false, amp = false;
            for (std::size_t k = i; k < e; ++k) {
                if (!s_[k].word()) {
                    amp = amp || s_[k].is_punct('&');
                    continue;
                }
                if (cap_or_digit(k)) {
                    ++caps;
                    // After "The", organisation words are fine ("The Bridge on the River Kwai").
                    std::uint16_t bad = kLexPlace | kLexHonor | kLexHonorKeep |
                                        (s_.is(i, "the") ? 0 : kLexNotPerson);
                    if (s_.lex_is(k, bad)) odd = true;
                } else {
                    ++small;
                    if (s_.is(k, "and") ? !s_.is(k + 1, "the")
                                        : !s_.is_any(k, {"of", "the", "a", "an"})) {
                        other_small = true;  // "Marion to Norman", "Pacino and De Niro"
                    }
                }
            }
            bool the = s_.is(i, "the");
            bool shaped = the ? caps >= 3 : ((small > 0 || (amp && caps >= 3)) && caps >= 2);
            shaped = shaped && !other_small && !s_[e - 1].has(kDigit) && !heading(i);
            if (shaped && !odd && !company(e) &&
                !s_.lx.places.contains(film_key(s_.span_text(i, e)))) {
                add(i, e, Source::WeakCue, false);
            }
            i = e > i ? e - 1 : i;
        }
    }

    // Whether token i is in a heading-like stretch: most words capitalised.
    bool heading(std::size_t i) const {
        std::size_t b = i, e = i;
        while (b > 0 && i - b < 30 && s_[b - 1].kind != TokKind::Break && !s_[b - 1].is_punct('.'))
            --b;
        while (e < s_.size() && e - i < 30 && s_[e].kind != TokKind::Break && !s_[e].is_punct('.'))
            ++e;
        std::size_t words = 0, caps = 0;
        for (std::size_t k = b; k < e; ++k) {
            if (!s_[k].word()) continue;
            ++words;
            caps += s_[k].has(kCap) || s_[k].has(kDigit);
        }
        return words >= 4 && caps * 10 >= words * 7;
    }

    // "Aliens is a great action film", "Parasite was the best movie of the decade".
    // "[is] loosely about a ...", "[was] about how ...": never "about to".
    bool about_clause(std::size_t k) const {
        if (k < s_.size() && s_.is_any(k, {"loosely", "basically", "essentially", "mostly"})) ++k;
        return k + 1 < s_.size() && s_.is(k, "about") &&
               s_.is_any(k + 1, {"a", "an", "how", "what"});  // "about three hours": a length
    }

    void predicates() {
        for (std::size_t i = s_.next_capital(0); i + 3 < s_.size(); i = s_.next_capital(i + 1)) {
            if (!cap_or_digit(i) || !free(i)) continue;
            if (i > 0 && cap_or_digit(i - 1)) continue;
            std::size_t e = run_end(i, false);
            if (e >= s_.size() || !s_.is_any(e, {"is", "was"})) {
                i = e > i ? e - 1 : i;
                continue;
            }
            std::size_t words = 0;
            for (std::size_t k = i; k < e; ++k) words += s_[k].word();
            // "Blackwater Valley Exorcist is loosely about a preacher": what a film is about.
            bool film = words >= 2 && about_clause(e + 1) && !s_.lex_is(i, kLexFirstName);
            for (std::size_t k = e + 1; k < s_.size() && k < e + 6; ++k) {
                if (!s_[k].word()) break;
                if (s_.is_any(k, {"film", "movie", "masterpiece", "flick", "documentary", "sequel",
                                  "remake"})) {
                    film = true;
                    break;
                }
            }
            if (film && !(words == 1 && s_.lex_is(i, kLexStop | kLexCommon)) &&
                !s_.lx.places.contains(film_key(s_.span_text(i, e)))) {
                add(i, e, Source::StrongCue, false);
            }
            i = e > i ? e - 1 : i;
        }
    }

    // "Tim Burton's Batman": a person's possessive, then an unclaimed capitalised run. Only
    // while extracting, when characters ("Teller's Andrew") have been claimed already.
    void possessions() {
        for (std::size_t i = s_.next_capital(1); i < s_.size(); i = s_.next_capital(i + 1)) {
            const Token& p = s_[i - 1];
            if (!p.word() || !p.has(kPossessive) || s_.claims[i - 1] != Claim::Person) continue;
            if (!cap_or_digit(i) || !free(i)) continue;
            std::size_t e = run_end(i, false);
            if (e == i || company(e)) continue;
            std::size_t words = 0;
            for (std::size_t k = i; k < e; ++k) words += s_[k].word();
            if (words == 1 &&
                s_.lex_is(i, kLexStop | kLexCommon | kLexFirstName | kLexNotPerson | kLexPlace))
                continue;
            if (s_.lex_is(i, kLexHonor)) continue;  // "Skerritt's Captain Dallas"
            if (s_.lx.places.contains(film_key(s_.span_text(i, e)))) continue;
            add(i, e, Source::Known, false);
        }
    }

    Scan& s_;
    FilmsFound& out_;
    const PeopleFound* people_ = nullptr;
};

}  // namespace

void find_marked_titles(Scan& scan, FilmsFound& out) {
    FilmFinder(scan, out).marked();
}

void find_cued_titles(Scan& scan, const PeopleFound& people, FilmsFound& out) {
    FilmFinder(scan, out).cued(people);
}

}  // namespace reel::entities
