// Finding people: runs of capitalised name-like words, scored by what a name looks like (a known
// first name, initials), what surrounds it (role cues such as "directed by X", "X plays Y",
// "Y (X)") and what the corpus and catalogue know; surnames alone then attach to a full name.
#include <algorithm>
#include <array>

#include "reel/entities_scan.hpp"
#include "reel/entity_key.hpp"

namespace reel::entities {

namespace {

// More people sharing a surname than one review ever names (named_here()).
constexpr std::size_t kMaxNamesakes = 64;

enum class NT : std::uint8_t { None, Name, Initials, Particle, Honor, HonorKeep, Suffix };

constexpr std::array<std::string_view, 44> kAcronyms = {
    "tv",  "dvd", "cgi", "fbi", "cia", "usa", "uk",  "us",  "ok",  "nyc", "la",
    "bbc", "hbo", "mtv", "abc", "cbs", "nbc", "pbs", "ii",  "iii", "iv",  "vi",
    "vii", "ix",  "xi",  "xx",  "ss",  "kgb", "nsa", "ufo", "vhs", "ps",  "aka",
    "pc",  "sf",  "ai",  "id",  "omg", "lol", "wtf", "btw", "imo", "dc",  "nypd"};

bool is_acronym(std::string_view f) {
    return std::find(kAcronyms.begin(), kAcronyms.end(), f) != kAcronyms.end();
}

// Whether `key` ends (or starts) with the whole word or words `w`.
bool ends_with_words(std::string_view key, std::string_view w) {
    return key.size() > w.size() && key.ends_with(w) && key[key.size() - w.size() - 1] == ' ';
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() + 2 && s.substr(s.size() - suffix.size()) == suffix;
}

// A fixed-capacity list: a run of name words is short, and runs are met on every capital.
template <typename T>
struct Small {
    std::array<T, 12> items{};
    std::size_t count = 0;
    void push_back(T v) {
        if (count < items.size()) items[count++] = v;
    }
    std::size_t size() const { return count; }
    bool full() const { return count + 4 > items.size(); }
    T back() const { return items[count - 1]; }
    T operator[](std::size_t i) const { return items[i]; }
};

struct Candidate {
    std::size_t b = 0, e = 0;   // tokens [b, e)
    std::size_t before = 0;     // index of the first token before the run (honorifics included)
    int names = 0;              // Name and Initials tokens (a "De Niro" surname counts one)
    bool honor = false;         // a character-like honorific stood before ("Dr.", "Captain")
    bool polite = false;        // ...and it was only "Mr."/"Ms.", which critics give actors too
    bool org_adjacent = false;  // next to an organisation or place word
    std::size_t nick_b = 0, nick_e = 0;  // a quoted nickname inside [b, e), quotes included
    std::string display, key;            // filled when needed
    double score = 0;
    double cue = 0;  // role cue: > 0 actor-like, < 0 character-like
    bool character = false;
    bool accepted = false;
    bool real = false;   // a historical person: a person even where an actor plays the part
    bool place = false;  // named like a place, or the review's own film: never a person
    bool nicknamed() const { return nick_e > nick_b; }
};

// Evidence weights: a person accepted in a review counts 1, one beyond doubt 2.
double evidence_bonus(std::uint32_t ev) {
    return ev >= 6 ? 3 : ev >= 3 ? 2 : ev >= 2 ? 1.5 : ev >= 1 ? 0.5 : 0;
}

class PeopleFinder {
  public:
    explicit PeopleFinder(Scan& s) : s_(s) {}

    PeopleFound run() {
        PeopleFound out;
        if (s_.shouting()) return out;
        collect();
        for (auto& c : cands_) score(c);
        actors_before_brackets();
        real_lists();
        character_words();
        // Names in a list with accepted people ("Tom Hanks, Meg Ryan and Bill Pullman") lean
        // the same way; two passes let the lean travel both ways along the list.
        for (int pass = 0; pass < 2; ++pass) {
            for (std::size_t i = 0; i < cands_.size(); ++i) decide(i);
        }
        for (auto& c : cands_) {
            if (c.names < 2) continue;
            if (c.key.empty()) {  // skipped while observing: not evidence, but still not a title
                if (c.accepted) claim(c, Claim::Person);
                continue;
            }
            if (!s_.corpus && c.real && !c.nicknamed())
                add_mention(out.real, c.display, c.key, s_[c.b].begin, 1);
            if (c.accepted) {
                std::string key = resolve_variant(c.key);
                auto& m = add_mention(out.people, canonical(c, key), key, s_[c.b].begin, weight(c));
                m.add_form(c.display);
                if (c.nicknamed()) m.add_form(s_.span_text(c.b, c.e));
                if (!s_.corpus && weight(c) == 0 && !c.nicknamed())
                    add_mention(out.named, c.display, key, s_[c.b].begin, 1);
                claim(c, Claim::Person);
                shared_surname(c, out);
            } else if (c.character) {
                add_mention(out.characters, c.display, c.key, s_[c.b].begin, c.cue <= -4 ? 2 : 1);
                claim(c, Claim::Character);
            }
        }
        if (s_.corpus) singles(out);  // a lone surname is never evidence
        if (s_.corpus_index) in_capitals(out);
        if (s_.corpus_index) siblings_named(out);
        return out;
    }

  private:
    NT name_tok(std::size_t i) const {
        const Token& t = s_[i];
        if (!t.word() || t.has(kDigit) || s_.claims[i] != Claim::None) return NT::None;
        if (t.has(kInitials)) return NT::Initials;
        if (!t.has(kCap))
            return t.end - t.begin <= 4 && s_.lex_is(i, kLexParticle) ? NT::Particle : NT::None;
        std::uint16_t lex = s_.lex(i);
        if (t.has(kAllCaps)) {
            // "LCDR Tom Dodge", "SGT Pepper": a rank in capitals is still a rank.
            if ((lex & kLexHonor) && !t.has(kPossessive)) return NT::Honor;
            // "JK Simmons", "TJ Miller": two or three capitals before a name are initials.
            bool next_name = i + 1 < s_.size() && s_[i + 1].word() && s_[i + 1].has(kCap) &&
                             !s_[i + 1].has(kAllCaps) && s_[i + 1].has(kSpaceBefore);
            if (t.end - t.begin == 2 && next_name && !t.has(kPossessive) &&
                !is_acronym(s_.folded(i)) && !(lex & (kLexStop | kLexNotPerson))) {
                return NT::Initials;
            }
            return NT::None;
        }
        if (lex & kLexStop) {
            // "Sandra Oh": a capitalised stop word right after a given name, ending the name.
            bool after_given = i > 0 && s_[i - 1].word() && s_[i - 1].has(kCap) &&
                               s_.lex_is(i - 1, kLexFirstName) && !t.has(kSentenceStart) &&
                               t.end - t.begin >= 2;
            bool ends = i + 1 >= s_.size() || !s_[i + 1].word() || !s_[i + 1].has(kCap);
            return after_given && ends ? NT::Name : NT::None;
        }
        if ((lex & kLexHonor) && !ambiguous_given(i)) return NT::Honor;
        if (lex & kLexHonorKeep) return NT::HonorKeep;
        return NT::Name;
    }

    // "King Vidor", "Roman Polanski", "Red Skelton", "Forest Whitaker": a given name that is
    // also a title or a common noun, before a surname that is no English word ("King Arthur",
    // "Red Army" and "Star Wars" have a name or a word second, "King Kong" only the corpus
    // tells apart). Such a name is scored as one from outside the name list: a cue or the
    // corpus's evidence has to vouch for it.
    bool ambiguous_given(std::size_t i) const {
        const Token& t = s_[i];
        if (!t.word() || !t.has(kCap) || t.has(kAllCaps) || t.has(kPossessive) ||
            !s_.lex_is(i, kLexFirstName) || !s_.lex_is(i, kLexHonorGiven | kLexNotPerson))
            return false;
        std::size_t k = i + 1;
        if (k >= s_.size() || !s_[k].word() || !s_[k].has(kSpaceBefore) || !s_[k].has(kCap) ||
            s_[k].has(kAllCaps) || s_[k].has(kInitials) || s_[k].end - s_[k].begin < 3)
            return false;
        if (s_.lex_is(k, kLexStop | kLexCommon | kLexNotPerson | kLexPlace | kLexParticle |
                             kLexHonor | kLexHonorKeep | kLexEnglish))
            return false;
        // "Star William Katt", "Mayor John Pappas", "Royal Albert Hall": before a longer name
        // the word is what it says.
        return k + 1 >= s_.size() || !s_.cap_word(k + 1) || !s_[k + 1].has(kSpaceBefore);
    }

    // "Johann Strauss II", "Harry Connick Jr.": kept with the name before.
    bool suffix_tok(std::size_t i) const {
        if (i >= s_.size() || !s_[i].word() || !s_[i].has(kSpaceBefore)) return false;
        return s_.is_any(i, {"ii", "iii", "iv"}) ? s_[i].has(kAllCaps)
                                                 : s_.is_any(i, {"jr", "sr"}) && s_[i].has(kCap);
    }

    bool first_name(std::size_t i) const {
        if (s_.lex_is(i, kLexFirstName)) return true;
        if (!s_[i].has(kHyphenated)) return false;
        std::string_view f = s_.folded(i);
        std::size_t dash = f.find('-');  // "Jean-Pierre"
        return dash != std::string_view::npos && s_.lx.first_names.contains(f.substr(0, dash));
    }

    bool sentence_start(std::size_t i) const { return s_[i].has(kSentenceStart); }

    // When a quoted nickname of one to three capitalised words opens at token q ("Fatty",
    // 'The Dragon', `Chic'), the surname after it, if one follows; else 0.
    std::size_t after_nickname(std::size_t q) const {
        const std::size_t n = s_.size();
        if (q + 3 >= n || !s_[q].has(kSpaceBefore) ||
            !(s_[q].is_punct('"') || s_[q].is_punct('\'') || s_[q].is_punct('`')))
            return 0;
        std::size_t k = q + 1;
        if (s_[k].has(kSpaceBefore) || s_[k].end - s_[k].begin < 2) return 0;  // "Rock 'N' Roll"
        while (k < n && k - q <= 3 && s_.cap_word(k) && !s_[k].has(kPossessive) &&
               (k == q + 1 || s_[k].has(kSpaceBefore)))
            ++k;
        if (k == q + 1 || k + 1 >= n || s_[k].has(kSpaceBefore) ||
            !(s_[k].is_punct('"') || s_[k].is_punct('\'')))
            return 0;
        std::size_t surname = k + 1;
        if (!s_[surname].has(kSpaceBefore) || s_[surname].has(kSentenceStart) ||
            name_tok(surname) != NT::Name || s_.lex_is(surname, kLexNotPerson))
            return 0;
        // "Al "Fuzzy" St. John": an abbreviation is no surname.
        if (s_[surname].end - s_[surname].begin <= 3 && surname + 1 < n &&
            s_[surname + 1].is_punct('.') && !s_[surname + 1].has(kSpaceBefore))
            return 0;
        return surname;
    }

    void collect() {
        const std::size_t n = s_.size();
        // Reviews give a candidate in some 30 tokens; growing the list would move them all.
        cands_.reserve(n / 16 + 4);
        for (std::size_t i = s_.next_capital(0); i < n; i = s_.next_capital(i + 1)) {
            if (!s_[i].has(kCap)) continue;  // names start with a capital
            NT nt = name_tok(i);
            if (nt == NT::None || nt == NT::Particle) continue;
            Small<std::size_t> run;
            Small<NT> kinds;
            run.push_back(i);
            kinds.push_back(nt);
            std::size_t j = i;
            while (!run.full()) {
                if (s_[j].has(kPossessive)) break;
                std::size_t k = j + 1;
                bool honor = kinds.back() == NT::Honor || kinds.back() == NT::HonorKeep;
                if (honor && k < n && s_[k].is_punct('.') && s_[k].begin == s_[j].end) ++k;
                // 'Roscoe "Fatty" Arbuckle': a nickname between a given name and a surname.
                if (kinds.back() == NT::Name && first_name(j)) {
                    if (std::size_t surname = after_nickname(k); surname != 0) {
                        run.push_back(surname);
                        kinds.push_back(NT::Name);
                        j = surname;
                        continue;
                    }
                }
                // "Robert Downey, Jr.": the comma before a suffix does not end the name (which
                // was "Robert Downey", and "Jr" an alias of Robert Downey Jr.).
                if (kinds.back() == NT::Name && run.size() >= 2 && k + 1 < n &&
                    s_[k].is_punct(',') && s_[k + 1].has(kSpaceBefore) &&
                    s_.is_any(k + 1, {"jr", "sr"})) {
                    run.push_back(k + 1);
                    kinds.push_back(NT::Suffix);
                    break;
                }
                if (k >= n || !s_[k].word() || !s_[k].has(kSpaceBefore)) break;
                if (kinds.back() == NT::Name && suffix_tok(k)) {
                    run.push_back(k);
                    kinds.push_back(NT::Suffix);
                    // "Jr." keeps its dot
                    break;
                }
                NT nk = name_tok(k);
                // "Stephen King", "Penny Marshall": an honorific after a given name, with no
                // name after it ("King Arthur"), is a surname.
                if ((nk == NT::Honor || nk == NT::HonorKeep) && kinds.back() == NT::Name &&
                    run.size() == 1 && first_name(j) && s_[k].has(kCap) &&
                    !(k + 1 < n && s_[k + 1].word() && s_[k + 1].has(kCap))) {
                    nk = NT::Name;
                }
                if (nk == NT::Name || nk == NT::Initials) {
                    run.push_back(k);
                    kinds.push_back(nk);
                    j = k;
                    continue;
                }
                if (nk == NT::Particle) {
                    std::size_t m = k;
                    while (m < n && m - k < 3 && name_tok(m) == NT::Particle &&
                           s_[m].has(kSpaceBefore))
                        ++m;
                    if (m < n && name_tok(m) == NT::Name && s_[m].has(kSpaceBefore)) {
                        for (std::size_t p = k; p <= m; ++p) {
                            run.push_back(p);
                            kinds.push_back(name_tok(p));
                        }
                        j = m;
                        continue;
                    }
                }
                break;
            }
            split(run, kinds);
            i = run.back();
        }
    }

    // "Fredric March", "Jane March": a month ending a run right after a given name is a surname,
    // unless a date follows ("Tony March 5").
    bool month_surname(const Small<std::size_t>& run, const Small<NT>& kinds,
                       std::size_t at) const {
        if (at == 0 || at + 1 != run.size() || kinds[at - 1] != NT::Name ||
            !first_name(run[at - 1]))
            return false;
        std::size_t i = run[at];
        if (!s_.is_any(i, {"january", "february", "march", "july", "september", "october",
                           "november", "december"}))
            return false;
        return i + 1 >= s_.size() || !s_[i + 1].has(kDigit);
    }

    bool siblings(std::size_t i) const {
        return s_.is_any(i, {"brothers", "sisters", "brother", "sister"});
    }

    // Turns one run into candidates: honorifics and sentence-opening words come off the front,
    // organisation and place words split it.
    void split(const Small<std::size_t>& run, const Small<NT>& kinds) {
        std::size_t a = 0;
        bool honor = false, polite = true;
        while (a < run.size() && (kinds[a] == NT::Honor || kinds[a] == NT::HonorKeep)) {
            honor = honor || kinds[a] == NT::Honor;
            polite = polite && s_.is_any(run[a], {"mr", "mrs", "ms", "miss", "mister"});
            ++a;
        }
        // A given name that is an everyday word opens a sentence of its own before two more
        // names that are not a given name and a surname ("See Wild Strawberries", "Read
        // Rear Window", but "Mark Paul Gosselaar", "Will Ferrell").
        auto opener = [&](std::size_t k) {
            return !first_name(run[k]) || (s_.lex_is(run[k], kLexCommon) && k + 2 < run.size() &&
                                           kinds[k + 1] == NT::Name && kinds[k + 2] == NT::Name &&
                                           !first_name(run[k + 1]));
        };
        if (a < run.size() && sentence_start(run[a]) && kinds[a] == NT::Name && opener(a)) {
            std::string_view f = s_.folded(run[a]);
            bool particle = s_.lex_is(run[a], kLexParticle) && a + 1 < run.size();
            bool drop =
                !particle && (s_.lex_is(run[a], kLexCommon | kLexNotPerson) ||
                              ends_with(f, "ing") || ends_with(f, "ly") || ends_with(f, "ed") ||
                              (a + 2 < run.size() && first_name(run[a + 1])));
            if (drop) ++a;
        }
        std::size_t before = run[0] == 0 ? 0 : run[0] - 1;
        bool after_org = false;
        while (a < run.size()) {
            std::size_t b = a;
            while (b < run.size() && !(kinds[b] == NT::Name && ((s_.lex_is(run[b], kLexNotPerson) &&
                                                                 !month_surname(run, kinds, b) &&
                                                                 !ambiguous_given(run[b])) ||
                                                                (b > a && siblings(run[b])))))
                ++b;
            // run[a, b) is free of organisation words, and of "Brothers": "Warner Brothers",
            // "the Coen Brothers" are a studio, a band or several people, never one person
            std::size_t x = a, y = b;
            while (x < y && (kinds[x] == NT::Particle || kinds[x] == NT::Suffix)) ++x;
            while (y > x && kinds[y - 1] == NT::Particle) --y;
            // "Washington, D.C.", "Washington DC": initials end no real person's name.
            if (y == b && y - x >= 2 && kinds[y - 1] == NT::Initials && kinds[y - 2] == NT::Name)
                y = x;
            // "Quartier des Enfants Rouges", "Place de la Concorde": a particle after a place or
            // organisation word continues its name.
            bool named_place = a > 0 && x > a && kinds[a] == NT::Particle &&
                               !s_.lex_is(run[a - 1], kLexFirstName);  // "Oscar de la Hoya"
            // "the main actors i.e. Jessica Alba Michael Weatherly etc.": two full names with
            // the comma between them left out, given name, surname, given name, surname (not a
            // particle: "Jean-Claude Van Damme", "Venture de Paradis").
            std::size_t halves = x;
            if (y - x == 4 && run[y - 1] == run[x] + 3 && first_name(run[x]) &&
                !first_name(run[x + 1]) && first_name(run[x + 2]) && !first_name(run[x + 3]) &&
                !s_.lex_is(run[x + 2], kLexParticle) && kinds[x] == NT::Name &&
                kinds[x + 1] == NT::Name && kinds[x + 2] == NT::Name && kinds[x + 3] == NT::Name)
                halves = x + 2;
            for (std::size_t from = x, to = halves > x ? halves : y; from < y && !named_place;
                 from = to, to = y) {
                std::size_t prev = from > x ? run[from] - 1 : a == 0 ? before : run[a] - 1;
                // "Secretary of State Jonathan Hale": a given name opening the rest of the run
                // starts afresh; an organisation word after a name always joins it.
                bool org_adjacent = (after_org && !first_name(run[from])) || b < run.size();
                add_candidate(run, kinds, from, to, prev, honor && a == from, polite, org_adjacent);
            }
            after_org = true;
            honor = false;
            a = b + 1;
        }
    }

    // Adds the candidate of run[x, y); `prev` is the token before it.
    void add_candidate(const Small<std::size_t>& run, const Small<NT>& kinds, std::size_t x,
                       std::size_t y, std::size_t prev, bool honor, bool polite,
                       bool org_adjacent) {
        // Built in place: moving a Candidate copies its two strings.
        Candidate& c = cands_.emplace_back();
        c.b = run[x];
        c.e = run[y - 1] + 1;
        if (kinds[y - 1] == NT::Suffix && c.e < s_.size() && s_[c.e].is_punct('.') &&
            s_[c.e].begin == s_[c.e - 1].end && s_.is(c.e - 1, "jr")) {
            ++c.e;  // "Jr."
        }
        c.before = prev;
        for (std::size_t k = x; k + 1 < y; ++k) {
            if (run[k + 1] > run[k] + 1 && kinds[k + 1] == NT::Name) {
                c.nick_b = run[k] + 1;  // a gap in a run is a nickname's
                c.nick_e = run[k + 1];
            }
        }
        c.honor = honor;
        c.polite = c.honor && polite;
        c.org_adjacent = org_adjacent;
        for (std::size_t k = x; k < y; ++k)
            c.names += kinds[k] == NT::Name || kinds[k] == NT::Initials;
        // "De Niro", "Von Sydow": a capitalised particle opens a surname, not a full name.
        if (kinds[x] == NT::Name && s_.lex_is(run[x], kLexParticle) && c.names == 2) c.names = 1;
    }

    // Actor-like (> 0) or character-like (< 0) cues around a candidate.
    double role_cue(const Candidate& c) const {
        double cue = 0;
        std::size_t p = c.before;  // token before the name
        bool has_prev = c.b > 0;
        // "Dr. Evil" is a character; "Ms. Chasse" as often the director named in full before.
        if (c.honor) cue -= c.polite ? 2 : 3;
        if (has_prev && s_[p].word() && !s_[p].has(kCap)) {
            if (s_.cue(p, kCueActorBefore)) {
                cue += 2;
            } else if (s_.is(p, "by") && p > 0 &&
                       (s_.cue(p - 1, kCueByVerb) || s_[p - 1].is_punct('"') ||
                        s_[p - 1].is_punct('\''))) {
                // "directed by X", and "'Kingdom Hospital' by X": a quoted work, then its maker
                cue += 2;
            } else if (s_.cue(p, kCueCharBefore)) {
                // "playing Bronson's sidekick": what is played is the sidekick.
                bool owner = s_[c.e - 1].has(kPossessive) && c.e < s_.size() && s_[c.e].word() &&
                             !s_[c.e].has(kCap);
                if (!owner) cue -= 4;
            } else if (s_.is(p, "as") && p > 0 && !s_.cue(p - 1, kCueAsExempt) && !speaker(c.e)) {
                cue -= 4;
            } else if (s_.is(p, "of") && p > 0 && s_.cue(p - 1, kCueRolePart)) {
                cue -= 4;
            } else if (s_.cue(p, kCueWeakPerson)) {
                cue += 0.25;
            } else if (s_.cue(p, kCueFilm) && !s_[p].has(kPossessive) && c.names >= 2) {
                cue -= 2;  // "his film Les Triplettes de Belleville": a title
            } else if (s_.is_any(p, {"book", "novel", "show", "series", "song", "album", "comic",
                                     "sitcom", "musical", "opera"}) &&
                       c.names >= 2) {
                cue -= 2;  // "the book Celestine Prophecy"
            } else if (s_.is(p, "of") && p > 0 && s_[p - 1].has(kCap) &&
                       s_.is_any(p - 1, {"count", "countess", "duke", "duchess", "earl", "king",
                                         "queen", "prince", "princess", "lord", "lady", "baron"})) {
                cue -= 4;  // "the Count of Monte Cristo": a title and a place
            }
        }
        // "a line in Angel Heart", "the shower scene in Psycho": a part of a film, then the film.
        if (has_prev && p + 1 == c.b && s_.is(p, "in") && p > 0 && s_.cue(p - 1, kCueScene))
            cue -= 2.5;
        // "In Black Mask, Jet Li plays": what a sentence opens "In X," with is a title or a
        // place, not a person.
        if (has_prev && p + 1 == c.b && s_[p].has(kSentenceStart) && s_.is(p, "in") &&
            c.e + 1 < s_.size() && s_[c.e].is_punct(',') && s_.cap_word(c.e + 1))
            cue -= 2.5;  // not -3: that would make it a character and keep it from the titles
        // "Fletcher (J.K. Simmons)": an actor in brackets after a character.
        if (has_prev && s_[p].is_punct('(') && c.e < s_.size() &&
            (s_[c.e].is_punct(')') || s_[c.e].is_punct(',') || s_[c.e].is_punct('/') ||
             s_[c.e].is_punct(';')) &&
            p > 0 && (s_[p - 1].word() || s_[p - 1].is_punct('"') || s_[p - 1].is_punct('\''))) {
            cue += 2;
        }
        // "Simmons' Fletcher", "Teller's Andrew": a name owned by a person is a character.
        if (has_prev && p + 1 == c.b && s_[p].word() && s_[p].has(kPossessive) && s_[p].has(kCap))
            cue -= 3;

        std::size_t q = c.e;  // token after the name
        const Token& last = s_[c.e - 1];
        if (last.has(kPossessive)) {
            cue += possessive_cue(q);
        } else if (q < s_.size() && s_[q].word() && !s_[q].has(kCap)) {
            if (s_.cue(q, kCueActorAfter)) {
                if (q + 1 < s_.size() && s_.is(q + 1, "by")) {
                    cue -= 4;  // "Fletcher, played by..."
                } else {
                    cue += 2;
                }
            } else if (s_.cue(q, kCueActorAfterWeak)) {
                cue += 1;
            } else if (s_.is(q, "as") && q + 1 < s_.size() &&
                       (s_.cap_word(q + 1) || s_.is_any(q + 1, {"the", "a", "an", "his", "her"}))) {
                cue += 2;  // "Frank Sinatra as Tony Rome"
            }
        } else if (q + 1 < s_.size() && s_[q].is_punct('(') && s_[q + 1].word() &&
                   !s_[q + 1].has(kDigit)) {
            // "Jim Blandings (Cary Grant)": a name before a bracketed person is a character.
            NT inner = name_tok(q + 1);
            if (s_.is(q + 1, "as")) {
                cue += 2;  // "Elliot Gould (as the cop)": the actor, then the part
            } else if ((inner == NT::Name || inner == NT::Initials) &&
                       (first_name(q + 1) || inner == NT::Initials)) {
                std::size_t r = q + 1;
                while (r < s_.size() && s_[r].word()) ++r;
                if (r < s_.size() && r - q >= 3 && (s_[r].is_punct(')') || s_[r].is_punct(',')))
                    cue -= 4;
            } else if (inner == NT::Name && q + 2 < s_.size() && s_[q + 2].is_punct(')') &&
                       s_.corpus_index) {
                // "Betty Stuart (Madsen)": a surname the corpus knows as an actor's.
                const auto* known = s_.corpus_index->surnames.find(s_.folded(q + 1));
                if (known && known->total >= 3) cue -= 4;
            }
        } else if (q + 1 < s_.size() && s_[q].is_punct(',')) {
            cue += apposition_cue(q + 1);
        }
        return cue;
    }

    // "as Kubrick said", "as J.K. Simmons knows": "as" before a person speaking, not a role.
    bool speaker(std::size_t q) const {
        return q < s_.size() &&
               s_.is_any(q, {"knows",     "knew",     "said",   "says",    "put",  "puts",
                             "noted",     "notes",    "wrote",  "writes",  "once", "would",
                             "did",       "does",     "has",    "had",     "told", "tells",
                             "explained", "explains", "admits", "admitted"});
    }

    // "X's performance", "X's lean, bloody novel", "X's Andrew".
    double possessive_cue(std::size_t q) const {
        while (q < s_.size() && (s_[q].is_punct('*') || s_[q].is_punct('_')))
            ++q;  // "Bong's *Parasite*"
        if (q >= s_.size() || !s_[q].word()) return 0;
        if (s_[q].has(kCap)) return 1.5;  // an actor's character or a director's film
        for (std::size_t k = q; k < s_.size() && k < q + 4; ++k) {
            if (s_[k].is_punct(',') || s_[k].is_punct('*') || s_[k].is_punct('_')) continue;
            if (!s_[k].word() || s_[k].has(kCap)) break;
            if (s_.cue(k, kCuePossNoun)) return 1.5;
        }
        return s_[q].has(kDigit) ? 0 : 0.5;  // people own things more than titles do
    }

    // What follows "Name, ...": "who plays", "as the drug dealer", "the director of".
    double apposition_cue(std::size_t k) const {
        if (k >= s_.size()) return 0;
        if (s_.is(k, "who")) {
            // "Damien Chazelle, who also wrote the film"
            std::size_t v = k + 1;
            if (v < s_.size() && s_.is_any(v, {"also", "later", "then", "once", "still"})) ++v;
            return v < s_.size() && s_.cue(v, kCueActorAfter) ? 2 : 1;
        }
        if (s_.is(k, "as") && k + 1 < s_.size()) {
            // "Mahershala Ali, as the drug dealer, ..."; not "Fletcher, as he says"
            if (s_.is_any(k + 1, {"the", "a", "an", "his", "her", "their"})) return 2;
            if (s_.cap_word(k + 1) && !s_.lex_is(k + 1, kLexStop)) return 2;
            return 0;
        }
        if (s_.is(k, "in")) {
            // "Danny Trejo, in a small role as ..."
            for (std::size_t r = k + 1; r < s_.size() && r < k + 5; ++r) {
                if (s_.cue(r, kCueRolePart) || s_.is_any(r, {"cameo", "turn"})) return 2;
            }
            return 0;
        }
        if (s_.is_any(k, {"the", "a", "an", "our", "his", "her"}) && k + 1 < s_.size()) {
            // "Mathieu Kassovitz, the director of ...", "X, a veteran actor"
            std::size_t r = k + 1;
            if (r + 1 < s_.size() && !s_.cue(r, kCueActorBefore) && s_[r].word() &&
                !s_[r].has(kCap))
                ++r;
            if (s_.cue(r, kCueActorBefore)) return 1.5;
        }
        if (s_.is_any(k, {"better", "best"}) && s_.is(k + 1, "known")) return 1;
        return 0;
    }

    // "Cillian Murphy", "Giuliano Gemma": two or three capitalised words, none a known
    // word of any kind nor English vocabulary ("Black Swan"), the first no particle, and nothing
    // before them that opens a title or a place ("the Grey Zone", "in Blackwater Valley").
    bool foreign_given(const Candidate& c) const {
        if (c.names < 2 || c.names > 3 || c.e - c.b != static_cast<std::size_t>(c.names) || c.honor)
            return false;
        for (std::size_t k = c.b; k < c.e; ++k) {
            const Token& t = s_[k];
            if (t.has(kAllCaps) || t.has(kHyphenated) || t.has(kInitials) || t.end - t.begin < 3)
                return false;
            if (s_.lex_is(k, kLexStop | kLexCommon | kLexNotPerson | kLexPlace | kLexParticle |
                                 kLexHonor | kLexHonorKeep | kLexEnglish))
                return false;
            if (k + 1 < c.e && t.has(kPossessive)) return false;
        }
        std::size_t p = c.before;
        if (c.b > 0 && p < c.b) {
            if (s_[p].is_punct('"') || s_[p].is_punct('\'') || s_[p].is_punct('*') ||
                s_[p].is_punct('_'))
                return false;  // a quoted title
            if (s_[p].word() &&
                s_.is_any(p,
                          {"the",  "a",      "an",     "in",       "at",    "of",  "on",   "into",
                           "near", "this",   "his",    "her",      "their", "my",  "our",  "your",
                           "its",  "called", "titled", "entitled", "named", "see", "watch"}))
                return false;
            // "saw Luna Papa", "rented Winky Dink": a film verb, not a person's.
            if (s_[p].word() && s_.cue(p, kCueWeakFilm) && !s_.cue(p, kCueWeakPerson) &&
                !s_.is(p, "as"))
                return false;
        }
        return true;
    }

    // 'Roscoe "Fatty" Arbuckle' is Roscoe Arbuckle, unless the corpus knows him better by the
    // nickname ("Gabby Hayes", "Dick Hickock").
    std::string without_nickname(const Candidate& c) const {
        std::string surname = s_.span_text(c.nick_e, c.e);
        std::string name = s_.span_text(c.b, c.nick_b) + ' ' + surname;
        if (c.nick_e - c.nick_b == 3) {  // quote, one word, quote
            std::string known_as = std::string(s_.raw(c.nick_b + 1)) + ' ' + surname;
            if (s_.evidence(EntityEvidence::Kind::Person, person_key(known_as)) >
                s_.evidence(EntityEvidence::Kind::Person, person_key(name)))
                return known_as;
        }
        return name;
    }

    // "the Lion King is", "the Three Stooges.", "the Geneva Convention": a name after "the" is a
    // thing's, unless a noun follows it ("the Clint Eastwood movie", "the Stephen King novel",
    // "the Dick Van Dyke 'Mary Poppins' accent", "the Cary Grant/Deborah Kerr version") or it
    // is a comparison ("the Cary Grant of our generation").
    bool after_the(const Candidate& c) const {
        if (c.b == 0 || !s_.is(c.b - 1, "the") || s_[c.e - 1].has(kPossessive)) return false;
        if (c.e >= s_.size()) return true;
        const Token& next = s_[c.e];
        if (next.is_punct('/') || next.is_punct('"') || next.is_punct('\'')) return false;
        if (!s_.lower_word(c.e)) return true;
        return s_.is_any(c.e, {"is",    "was", "are",  "were",  "has",  "have", "had",   "and",
                               "or",    "in",  "on",   "to",    "for",  "with", "at",    "from",
                               "by",    "as",  "that", "which", "who",  "will", "would", "can",
                               "could", "did", "does", "do",    "gets", "got",  "meets", "vs"});
    }

    void score(Candidate& c) {
        double sc = 0;
        bool foreign = false;
        if (s_[c.b].has(kInitials) || name_tok(c.b) == NT::Initials) {
            sc += 2;
        } else if (first_name(c.b) && !ambiguous_given(c.b)) {
            // Even "Will", "Mark" or "Miles" opening a sentence: followed by another capitalised
            // name word, it is nearly always a name.
            sc += 2;
        } else if (c.names >= 2) {
            sc += 0.5;  // a name from outside the English list, or a title
            // Not while observing: a title cued there ("saw Luna Papa") must stay the corpus's.
            foreign = s_.corpus && foreign_given(c);
            if (foreign) sc += 1.5;
        }
        if (c.names >= 2) {
            for (std::size_t k = c.b + 1; k + 1 < c.e; ++k) {
                if (s_[k].has(kInitials)) sc += 0.5;  // "Samuel L. Jackson"
            }
            // "Bong Joon-ho", "Song Kang-ho": a given name in two syllables joined by a hyphen.
            std::string_view last = s_.raw(c.e - 1);
            std::size_t dash = last.find('-');
            if (dash != std::string_view::npos && dash + 1 < last.size() && last[dash + 1] >= 'a' &&
                last[dash + 1] <= 'z' && last.size() - dash <= 6) {
                sc += 1;
            }
        }
        c.cue = role_cue(c);
        c.real = real_cue(c);
        sc += c.cue;
        if (c.cue <= 0 && after_the(c)) sc -= 3;
        // While observing only accepted names count: most candidates stop here, before the
        // costlier key and evidence work. A lone word gets its key only if singles() needs it.
        if ((!s_.corpus && sc < (s_.catalog ? -1.0 : 2.0) && c.cue > -3 && !c.real) ||
            c.names < 2) {
            c.score = sc;
            return;
        }
        c.display = c.nicknamed() ? without_nickname(c) : s_.span_text(c.b, c.e);
        c.key = person_key(c.display);
        if (c.key.empty()) {
            c.score = -100;
            return;
        }
        if (s_.catalog && s_.catalog->person_name(c.key)) sc += 3;
        if (c.org_adjacent) sc -= 1;
        // "West Texas", "Central London": a place word last, and nothing saying it is a person
        // ("Jason London, who..." leans to one). "West Point", "North Dallas": a compass point
        // first names a place, even where a slight lean says person ("from West Point").
        c.place = s_.lx.places.contains(c.key) || (c.cue <= 0 && s_.lex_is(c.e - 1, kLexPlace)) ||
                  (c.cue < 1 && s_.is_any(c.b, {"north", "south", "east", "west"}));
        if (c.place) sc -= 10;
        std::uint32_t ev = s_.evidence(EntityEvidence::Kind::Person, c.key);
        std::uint32_t ch = s_.evidence(EntityEvidence::Kind::Character, c.key);
        sc += evidence_bonus(ev);
        // Seen as often as a character as a person: a lean, not a verdict ("Jared Diamond").
        if (ch > 0) sc -= ch > ev ? 3 : ch == ev ? 2 : 1;
        // Cast more often than cued as a person ("James Bond", "Norman Bates"): where this
        // review does not cue the name, it is the character's.
        if (ch > ev && c.cue <= 0) sc -= 3;
        // A title named like a person ("Annie Hall", "Ed Wood") is the film unless cued as a
        // person; a weak cue ("along with Citizen Kane") is not enough.
        if (c.cue < 1 && (!s_.film_key.empty() || s_.corpus)) {
            std::string fk = film_key(c.display);
            if (fk == s_.film_key) {
                sc -= 10;
                c.place = true;
            }
            std::uint32_t film_ev = s_.evidence(EntityEvidence::Kind::Film, fk);
            // ...but "a Stephen King novel", "Stephen King's book", "by Stephen King" name
            // the maker, whatever the corpus spelt the same way.
            // A title opening with no given name ("Jurassic Park") needs no more than a tie.
            bool given = first_name(c.b) || s_[c.b].has(kInitials);
            if ((film_ev > ev + 1 || (!given && film_ev > 0 && film_ev >= ev)) &&
                !names_a_maker(s_, c.b, c.e))
                sc -= 3;
            // Only the shape said "person": a title the corpus knows says otherwise.
            if (foreign && film_ev > 0) sc -= 1.5;
        }
        // "Errol Flynn as George Armstrong Custer": a historical person played by an actor is
        // still a person, where this review says he is one or the corpus has said so twice.
        if (!c.real && s_.evidence(EntityEvidence::Kind::Real, c.key) >= 2 && !after_the(c))
            c.real = true;
        if (c.real && s_.corpus && !c.place) {
            sc = std::max(sc, 2.0);
            c.cue = std::max(c.cue, 0.0);
        }
        c.score = sc;
    }

    // "President Truman", "cavalry general Jeb Stuart", "America's generals, Douglas MacArthur",
    // "a biopic of Dylan Thomas": an office or a calling before a full name.
    bool real_cue(const Candidate& c) const {
        if (c.names < 2 || c.b == 0) return false;
        std::size_t p = c.b - 1;
        if (s_[p].is_punct(',') && p > 0) --p;
        if (s_.cue(p, kCueRealBefore)) {
            // Not "The Emperor's New Groove", nor "In General Home Ward Bound 1 and 2 are...".
            return !s_[p].has(kPossessive) && !(p > 0 && s_.is(p, "general") && s_.is(p - 1, "in"));
        }
        return p + 1 == c.b && p > 0 && s_.is(p, "of") && s_.cue(p - 1, kCueRealOf);
    }

    // "Jack Nicholson (Jack Torrance)", "Arthur Askey (Tommy Gander)": reviews name the actor
    // first as often as the character, and the shape alone reads the character first. Where the
    // corpus knows the name before the brackets as a person (more than as a character) and the
    // one inside not half as well (a character, or nobody it knows), the cues change places.
    void actors_before_brackets() {
        if (!s_.corpus) return;  // observing: the evidence is what is being gathered
        for (std::size_t i = 0; i + 1 < cands_.size(); ++i) {
            Candidate& a = cands_[i];
            Candidate& b = cands_[i + 1];
            if (a.key.empty() || b.key.empty() || a.cue > -4 || b.cue < 2 || b.b != a.e + 1 ||
                !s_[a.e].is_punct('(') || b.e >= s_.size() || !s_[b.e].is_punct(')'))
                continue;
            using Kind = EntityEvidence::Kind;
            std::uint32_t pa = s_.evidence(Kind::Person, a.key);
            std::uint32_t pb = s_.evidence(Kind::Person, b.key);
            // "Ed Wood (Johnny Depp)": an actor the corpus knows is the actor, whoever plays.
            bool b_actor = pb >= 5 && pb > s_.evidence(Kind::Character, b.key);
            if (pa < 2 || pa <= s_.evidence(Kind::Character, a.key) || 2 * pb >= pa || b_actor)
                continue;
            constexpr double kSwap = 6;  // from -4 (a character's) to +2 (an actor's)
            a.cue += kSwap;
            a.score += kSwap;
            b.cue -= kSwap;
            b.score -= kSwap;
        }
    }

    // "Presidents Franklin D. Roosevelt and Harry S. Truman": the office covers the list.
    void real_lists() {
        for (std::size_t i = 0; i + 1 < cands_.size(); ++i) {
            Candidate& a = cands_[i];
            Candidate& b = cands_[i + 1];
            if (!a.real || b.real || b.names < 2) continue;
            std::size_t k = a.e;
            if (k < s_.size() && s_[k].is_punct(',')) ++k;
            if (k < s_.size() && (s_.is(k, "and") || s_[k].is_punct('&'))) ++k;
            if (k != b.b || k == a.e) continue;
            b.real = true;
            if (s_.corpus && !b.place) {
                b.score = std::max(b.score, 2.0);
                b.cue = std::max(b.cue, 0.0);
            } else if (!s_.corpus && b.key.empty()) {
                b.display = b.nicknamed() ? without_nickname(b) : s_.span_text(b.b, b.e);
                b.key = person_key(b.display);
            }
        }
    }

    // Words of names this review casts as characters ("Fletcher (J.K. Simmons)"): a full name
    // ending in one ("Terence Fletcher") is the character too, unless cued as a person. The
    // corpus can say the same of a surname.
    void character_words() {
        for (const auto& c : cands_) {
            if (c.cue > -3) continue;
            std::string_view last = s_.folded(c.e - 1);
            char_words_[last] = true;
        }
        for (auto& c : cands_) {
            if (c.names < 2 || c.cue > 0 || c.key.empty() || c.real) continue;
            std::string_view last = s_.folded(c.e - 1);
            bool here = char_words_.find(last) != nullptr;
            std::size_t sp = c.key.rfind(' ');
            std::string_view surname =
                std::string_view(c.key).substr(sp == std::string::npos ? 0 : sp + 1);
            bool corpus = s_.evidence(EntityEvidence::Kind::Character, surname) >= 1 &&
                          s_.evidence(EntityEvidence::Kind::Person, c.key) == 0;
            if (here || corpus) {
                c.score -= 3;
                c.cue = std::min(c.cue, -3.0);
            }
        }
    }

    void decide(std::size_t i) {
        Candidate& c = cands_[i];
        double sc = c.score;
        if (c.names >= 2 && sc >= 0.5 && sc < 2) {
            if ((i > 0 && listed_with(cands_[i - 1], c)) ||
                (i + 1 < cands_.size() && listed_with(c, cands_[i + 1]) && !clause_after(c))) {
                sc += 1.5;
            }
        }
        // "play Becca and Howie Corbett": a name listed with a character is one too.
        if (c.cue < 1 && !c.real &&
            ((i > 0 && char_list(cands_[i - 1], c)) ||
             (i + 1 < cands_.size() && char_list(c, cands_[i + 1])))) {
            sc -= 3;
            c.cue = std::min(c.cue, -3.0);
        }
        c.accepted = c.names >= 2 && sc >= 2;
        c.character = !c.accepted && c.cue <= -3;
    }

    // Whether a and b (a first) are neighbours in a list of names, and one is a person.
    bool listed_with(const Candidate& a, const Candidate& b) const {
        return (a.accepted || b.accepted) && next_in_list(a, b);
    }

    // Whether b follows a as the next item of a list: after a comma, "and" or "&", or both.
    bool next_in_list(const Candidate& a, const Candidate& b) const {
        std::size_t k = a.e;
        if (k < s_.size() && s_[k].is_punct(',')) ++k;
        if (k < s_.size() && (s_.is(k, "and") || s_[k].is_punct('&'))) ++k;
        return k == b.b && k != a.e;
    }

    // Whether ", and" after `a` starts a clause rather than ending a list: no comma precedes
    // `a`. Then a character after it makes `a` no character (char_list), and a person after it
    // does not vouch for the name before ("great in Raging Bull, and Joe Pesci too" made the
    // title a person). The other way a person may: one opening the clause after another is
    // usually one ("Patrick Wilson, and Ebon Moss-Bachrach might").
    bool clause_after(const Candidate& a) const {
        std::size_t k = a.e;
        return k + 1 < s_.size() && s_[k].is_punct(',') &&
               (s_.is(k + 1, "and") || s_[k + 1].is_punct('&')) &&
               !(a.b > 0 && s_[a.b - 1].is_punct(','));
    }

    bool char_list(const Candidate& a, const Candidate& b) const {
        const Candidate& other = &a == &b ? a : (a.cue <= -4 ? a : b);
        if (other.cue > -4 || other.accepted) return false;
        // "Simmons is terrifying as Fletcher, and Miles Teller holds his own": ", and" after a
        // name that no comma precedes starts a clause; after one it may end a list ("Becca,
        // Izzy, and Howie").
        return !clause_after(a) && next_in_list(a, b);
    }

    // Evidence weight of an accepted name: only what this review alone shows counts, so evidence
    // never feeds on itself.
    std::uint32_t weight(const Candidate& c) const {
        // A nickname's name is settled with the corpus (without_nickname), so it is no evidence.
        if (s_.corpus || c.nicknamed()) return 0;
        // Nothing around it said "person": a fictional "Tony Soprano is..." reads the same.
        if (c.cue <= 0 && c.score < 3.5) return 0;
        return c.score >= 3.5 ? 2 : 1;
    }

    // A key the corpus or catalogue knows in fuller form: "Alejandro G. Iñárritu" for
    // "Alejandro González Iñárritu" (same first name and surname, initials that fit).
    std::string resolve_variant(const std::string& key) const {
        if (!s_.corpus_index) return key;
        if (const std::string* spelt = s_.corpus_index->misspelt.find(key)) return *spelt;
        if (s_.evidence(EntityEvidence::Kind::Person, key) > 0) return key;
        if (s_.catalog && s_.catalog->person_name(key)) return key;
        std::vector<std::string> words = key_words(key);
        if (words.size() < 3) return key;
        const std::string* other = s_.corpus_index->dominant_person(words.back(), 1, 0.5);
        if (!other || *other == key) return key;
        std::vector<std::string> full = key_words(*other);
        if (full.size() != words.size() || full.front() != words.front()) return key;
        for (std::size_t k = 1; k + 1 < words.size(); ++k) {
            if (words[k] != full[k] &&
                !(words[k].size() == 1 && full[k].front() == words[k].front()))
                return key;
        }
        return *other;
    }

    std::string canonical(const Candidate& c, const std::string& key) const {
        if (s_.catalog) {
            if (const std::string* name = s_.catalog->person_name(key)) return *name;
        }
        if (key != c.key && s_.corpus) {
            for (auto kind : {EntityEvidence::Kind::Person, EntityEvidence::Kind::Named}) {
                if (const auto* e = s_.corpus->find(kind, key)) return e->name;
            }
        }
        return c.display;
    }

    // "Joel and Ethan Coen": the first name before "and" shares the surname.
    void shared_surname(const Candidate& c, PeopleFound& out) {
        if (c.b < 2 || c.e - c.b < 2 || !s_.is(c.b - 1, "and")) return;
        std::size_t f = c.b - 2;
        if (!s_.cap_word(f) || !first_name(f) || s_.claims[f] != Claim::None) return;
        if (f > 0 && s_.cap_word(f - 1)) return;  // "Tom Hanks and Ethan Coen"
        if (f > 0 && (s_.cue(f - 1, kCueCharBefore) || s_.is(f - 1, "as")))
            return;  // "as Max and Charlize Theron"
        if (char_words_.find(s_.folded(f))) return;
        std::string name(s_.raw(f));
        name += ' ';
        name += s_.span_text(std::max(c.b + 1, c.nick_e), c.e);  // not 'Benny "The Jet"'s
        std::string key = person_key(name);
        add_mention(out.people, name, key, s_[f].begin, 0);
        s_.claims[f] = Claim::Person;
    }

    // "UMA THURMAN and Luke Wilson": a name in capitals is shouted, not spelt, so only one the
    // corpus knows well as a person's is taken (better still if it starts with a given name).
    void in_capitals(PeopleFound& out) {
        for (std::size_t i = s_.next_capital(0); i + 1 < s_.size(); i = s_.next_capital(i + 1)) {
            if (!s_[i].word() || !s_[i].has(kAllCaps) || s_.claims[i] != Claim::None ||
                s_.lex_is(i, kLexStop | kLexCommon))
                continue;
            std::size_t e = i + 1;
            while (e < s_.size() && e - i < 3 && s_[e].word() && s_[e].has(kAllCaps) &&
                   s_[e].has(kSpaceBefore) && s_.claims[e] == Claim::None)
                ++e;
            // "UMA THURMAN ROCKS": the longest run the corpus knows, down to two words.
            std::uint32_t need = s_.lex_is(i, kLexFirstName) ? 3 : 10;
            std::string key;
            for (; e - i >= 2; --e) {
                key = person_key(s_.span_text(i, e));
                std::uint32_t ev = s_.evidence(EntityEvidence::Kind::Person, key);
                if (ev >= need && ev > s_.evidence(EntityEvidence::Kind::Character, key)) break;
            }
            if (e - i < 2) continue;
            const auto* entry = s_.corpus->find(EntityEvidence::Kind::Person, key);
            auto& m = add_mention(out.people, entry ? entry->name : key, key, s_[i].begin, 0);
            m.add_form(s_.span_text(i, e));
            for (std::size_t k = i; k < e; ++k) s_.claims[k] = Claim::Person;
            i = e - 1;
        }
    }

    void claim(const Candidate& c, Claim what) {
        for (std::size_t k = c.b; k < c.e; ++k) s_.claims[k] = what;
    }

    // Single names ("Teller", "De Niro", "Bong"): a person named in full in this review, then the
    // cast of the film under review, then the person the corpus knows by that name.
    void singles(PeopleFound& out) {
        for (auto& c : cands_) {
            if (c.names != 1) continue;
            std::size_t i = c.b;
            if (s_.claims[i] != Claim::None) continue;
            if (s_.lex_is(i, kLexCommon) && sentence_start(i)) continue;
            if (c.key.empty()) {
                c.display = s_.span_text(c.b, c.e);
                c.key = person_key(c.display);
                if (c.key.empty()) continue;
            }
            bool particle_led = c.e - c.b > 1;  // "Von Sydow", "De Niro"
            bool given = first_name(i) && !particle_led;
            if (Mention* m = named_here(out, c, given)) {
                m->add_form(c.display);
                claim(c, Claim::Person);
                continue;
            }
            // "Burton's Batman": owned by a person, but a title the corpus knows.
            if (c.cue > -4 && c.cue <= -3 &&
                s_.evidence(EntityEvidence::Kind::Film, film_key(c.display)) > 0)
                continue;
            character_parts_.update(out.characters);
            bool is_character = c.cue <= -3 || out.characters.find(c.key) ||
                                character_parts_.starts.find(c.key) ||
                                character_parts_.ends.find(c.key);
            if (is_character) {
                claim(c, Claim::Character);
                if (c.cue <= -4 && !given)
                    add_mention(out.characters, c.display, c.key, s_[i].begin, 0);
                continue;
            }
            if (s_.film) {
                if (const std::string* name = cast_member(c.key)) {
                    auto& m = add_mention(out.people, *name, person_key(*name), s_[i].begin, 0);
                    m.add_form(c.display);
                    claim(c, Claim::Person);
                    continue;
                }
            }
            // Nor an everyday word ("Wild", "Cube", "Cannon"): the corpus's person of that name
            // is one meaning of many.
            if (!s_.corpus_index || s_.lex_is(i, kLexCommon | kLexNotPerson | kLexPlace) ||
                s_.lex_is(c.e - 1, kLexEnglish))
                continue;
            // A sentence's first word is anybody's capital, unless a verb follows it ("Glover
            // is great").
            bool verb_after = c.e < s_.size() && s_[c.e].word() && !s_[c.e].has(kCap) &&
                              s_.is_any(c.e, {"is", "was", "has", "had", "does", "did", "gives",
                                              "gave", "plays", "played", "makes", "made", "seems",
                                              "seemed", "manages", "gets", "brings", "brought"});
            // ...or the corpus knows the name well ("Reagan in the White House").
            bool opens_sentence = sentence_start(i) && c.cue <= 0 &&
                                  !s_[c.e - 1].has(kPossessive) && !particle_led && !verb_after;
            if (s_.evidence(EntityEvidence::Kind::Character, c.key) > 0) continue;
            // "in the Rain": after an article a capital is a thing, not a surname.
            if (c.before < i && s_.is_any(c.before, {"the", "a", "an", "this", "that", "his", "her",
                                                     "their", "my", "our", "your", "its"})) {
                continue;
            }
            std::string_view last = c.key;
            if (std::size_t sp = c.key.rfind(' '); sp != std::string::npos)
                last = last.substr(sp + 1);
            // A given name that is also a surname ("Bronson", "Douglas"), like a word opening a
            // sentence, needs a person the corpus knows far better than anyone else of that
            // surname.
            const std::string* key = given || opens_sentence
                                         ? s_.corpus_index->dominant_person(last, 20, 0.9)
                                         : s_.corpus_index->dominant_person(last, 2, 0.75);
            // "De Niro" must be the whole surname; a one-word surname may be a misspelling.
            if (key && last != c.key && !ends_with_words(*key, c.key)) key = nullptr;
            // "Keanu is great", "Lars should make a third": a given name the corpus knows
            // almost only as one person's; a common English one needs far more ("Don", "Ellen"
            // never get there).
            if (!key && c.names == 1 && c.e == c.b + 1 && !s_[i].has(kSentenceStart)) {
                const auto* as_surname = s_.corpus_index->surnames.find(c.key);
                if (!as_surname || as_surname->total < 3)  // "Bronson" is two people's
                    key = s_.corpus_index->dominant_by_given_name(c.key, given ? 25 : 10, 0.8);
                // "Freddy" is the character the corpus also sees played (Freddy Krueger:
                // 9 sightings as a person, 6 as a character).
                if (key && 2 * s_.evidence(EntityEvidence::Kind::Character, *key) >=
                               s_.evidence(EntityEvidence::Kind::Person, *key))
                    key = nullptr;
            }
            if (!key) continue;
            // "High Noon": the end of a title the corpus knows is no surname.
            if (i > 0 && s_.cap_word(i - 1) && !s_[i - 1].has(kAllCaps) &&
                s_[i].has(kSpaceBefore) && !s_.lex_is(i - 1, kLexHonor | kLexHonorKeep) &&
                s_.evidence(EntityEvidence::Kind::Film, film_key(s_.span_text(i - 1, c.e))) > 0)
                continue;
            const auto* e = s_.corpus->find(EntityEvidence::Kind::Person, *key);
            if (!e) e = s_.corpus->find(EntityEvidence::Kind::Named, *key);
            std::string name = e ? e->name : *key;
            if (s_.catalog) {
                if (const std::string* canon = s_.catalog->person_name(*key)) name = *canon;
            }
            auto& m = add_mention(out.people, name, *key, s_[i].begin, 0);
            m.add_form(c.display);
            claim(c, Claim::Person);
        }
    }

    // "the Coen brothers", "the two Zucker Brothers": the people of that surname, when the
    // corpus knows (as cued people) no more than three; more ("the Marx Brothers" next to Karl
    // Marx, "the Shaw Brothers" studio next to Robert Shaw) and it cannot tell which.
    void siblings_named(PeopleFound& out) {
        for (std::size_t i = 2; i < s_.size(); ++i) {
            if (!s_.is_any(i, {"brothers", "sisters"})) continue;
            std::size_t x = i - 1;
            if (!s_.cap_word(x) || s_[x].has(kAllCaps) || s_[x].has(kPossessive) ||
                s_.claims[x] == Claim::Title || s_.claims[x] == Claim::Character)
                continue;
            std::size_t before = x - 1;
            if (s_.is_any(before, {"two", "three", "both"}) && before > 0) --before;
            if (!s_.is(before, "the")) continue;
            const auto* people = s_.corpus_index->people_by_surname.find(s_.folded(x));
            if (!people || people->empty() ||
                people->size() > EntityEvidence::Indexes::kPeopleBySurname)
                continue;
            for (const std::string& key : *people) {
                const auto* e = s_.corpus->find(EntityEvidence::Kind::Person, key);
                add_mention(out.people, e ? e->name : key, key, s_[x].begin, 0)
                    .add_form(std::string(s_.raw(x)));
            }
            s_.claims[x] = Claim::Person;
        }
    }

    // The person of this review whose surname this is ("Teller", "De Niro"), or whose family
    // name comes first ("Bong" for Bong Joon-ho). Several share it: the one named last before.
    Mention* named_here(PeopleFound& out, const Candidate& c, bool given) {
        people_parts_.update(out.people);
        const auto* ends = people_parts_.ends.find(c.key);
        const auto* starts = given ? nullptr : people_parts_.starts.find(c.key);
        // A surname shared by more people than any review names ("Smith" after thousands of
        // Smiths in a list or a hostile file) says nobody in particular; weighing them all at
        // each lone use made such a text quadratic (4 MB: 48 s).
        if ((ends ? ends->size() : 0) + (starts ? starts->size() : 0) > kMaxNamesakes)
            return nullptr;
        std::vector<std::uint32_t> matches;
        if (ends) matches = *ends;
        if (starts) {
            for (std::uint32_t k : *starts) {
                // Family name first: its first word is not an English given name.
                const std::string& key = out.people[k].key;
                if (!s_.lx.first_names.contains(std::string_view(key).substr(0, key.find(' '))))
                    matches.push_back(k);
            }
            std::sort(matches.begin(), matches.end());  // in the order named
        }
        Mention* best = nullptr;
        std::uint32_t at = s_[c.b].begin;
        for (std::uint32_t k : matches) {
            Mention& m = out.people[k];
            if (!best ||
                (m.first_pos <= at && (best->first_pos > at || m.first_pos > best->first_pos)))
                best = &m;
        }
        return best;
    }

    // The cast or crew member of the review's film with this surname, when only one has it.
    const std::string* cast_member(std::string_view surname) const {
        const std::string* found = nullptr;
        auto check = [&](const std::string& name) {
            std::string key = person_key(name);
            if (!ends_with_words(key, surname)) return true;
            if (found && *found != name) return false;
            found = &name;
            return true;
        };
        for (const auto& d : s_.film->directors) {
            if (!check(d)) return nullptr;
        }
        for (const auto& a : s_.film->actors) {
            if (!check(a)) return nullptr;
        }
        return found;
    }

    Scan& s_;
    std::vector<Candidate> cands_;
    WordMap<bool> char_words_;
    // The keys of a list of mentions by the words they start and end with ("john smith" under
    // "john" and "smith"): a lone surname looks for its full name among them, and a review may
    // name thousands.
    struct KeyParts {
        WordMap<std::vector<std::uint32_t>> starts, ends;  // positions in the list
        std::size_t done = 0;                              // mentions indexed so far
        void update(const Mentions& list) {
            for (; done < list.size(); ++done) {
                std::string_view key = list[done].key;
                for (std::size_t sp = key.find(' '); sp != std::string_view::npos;
                     sp = key.find(' ', sp + 1)) {
                    starts[key.substr(0, sp)].push_back(static_cast<std::uint32_t>(done));
                    ends[key.substr(sp + 1)].push_back(static_cast<std::uint32_t>(done));
                }
            }
        }
    };
    KeyParts people_parts_, character_parts_;
};

}  // namespace

PeopleFound find_people(Scan& scan) {
    return PeopleFinder(scan).run();
}

}  // namespace reel::entities
