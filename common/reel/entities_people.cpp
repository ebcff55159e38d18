// Finding people: runs of capitalised name-like words, scored by what a name looks like (a known
// first name, initials), what surrounds it (role cues such as "directed by X", "X plays Y",
// "Y (X)") and what the corpus and catalogue know; surnames alone then attach to a full name.
#include <algorithm>
#include <array>

#include "reel/entities_scan.hpp"
#include "reel/entity_key.hpp"

namespace reel::entities {

namespace {

enum class NT : std::uint8_t { None, Name, Initials, Particle, Honor, HonorKeep };

constexpr std::array<std::string_view, 44> kAcronyms = {
    "tv", "dvd", "cgi", "fbi", "cia", "usa", "uk", "us", "ok", "nyc", "la", "bbc", "hbo", "mtv", "abc",
    "cbs", "nbc", "pbs", "ii", "iii", "iv", "vi", "vii", "ix", "xi", "xx", "ss", "kgb", "nsa", "ufo",
    "vhs", "ps", "aka", "pc", "sf", "ai", "id", "omg", "lol", "wtf", "btw", "imo", "dc", "nypd"};

bool is_acronym(std::string_view f) { return std::find(kAcronyms.begin(), kAcronyms.end(), f) != kAcronyms.end(); }

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
    int names = 0;              // Name and Initials tokens
    bool honor = false;         // a character-like honorific stood before ("Dr.", "Captain")
    bool org_adjacent = false;  // next to an organisation or place word
    std::string display, key;
    double score = 0;
    double cue = 0;    // role cue: > 0 actor-like, < 0 character-like
    bool character = false;
    bool accepted = false;
};

class PeopleFinder {
public:
    explicit PeopleFinder(Scan& s) : s_(s) {}

    PeopleFound run() {
        PeopleFound out;
        if (s_.shouting()) return out;
        collect();
        for (auto& c : cands_) score(c);
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
            if (c.accepted) {
                auto& m = add_mention(out.people, canonical(c), c.key, s_[c.b].begin, confident(c));
                m.add_form(c.display);
                claim(c, Claim::Person);
            } else if (c.character) {
                add_mention(out.characters, c.display, c.key, s_[c.b].begin, c.cue <= -4);
                claim(c, Claim::Character);
            }
        }
        if (s_.corpus) singles(out);  // a lone surname is never confident evidence
        return out;
    }

private:
    NT name_tok(std::size_t i) const {
        const Token& t = s_[i];
        if (!t.word() || t.has(kDigit) || s_.claims[i] != Claim::None) return NT::None;
        if (t.has(kInitials)) return NT::Initials;
        if (!t.has(kCap)) return t.end - t.begin <= 4 && s_.lex_is(i, kLexParticle) ? NT::Particle : NT::None;
        std::uint16_t lex = s_.lex(i);
        if (t.has(kAllCaps)) {
            // "JK Simmons", "TJ Miller": two or three capitals before a name are initials.
            bool next_name = i + 1 < s_.size() && s_[i + 1].word() && s_[i + 1].has(kCap) &&
                             !s_[i + 1].has(kAllCaps) && s_[i + 1].has(kSpaceBefore);
            if (t.end - t.begin <= 3 && next_name && !t.has(kPossessive) && !is_acronym(s_.folded(i)) &&
                !(lex & (kLexStop | kLexNotPerson))) {
                return NT::Initials;
            }
            return NT::None;
        }
        if (lex & kLexStop) return NT::None;
        if (lex & kLexHonor) return NT::Honor;
        if (lex & kLexHonorKeep) return NT::HonorKeep;
        return NT::Name;
    }

    bool first_name(std::size_t i) const {
        if (s_.lex_is(i, kLexFirstName)) return true;
        if (!s_[i].has(kHyphenated)) return false;
        std::string_view f = s_.folded(i);
        std::size_t dash = f.find('-');  // "Jean-Pierre"
        return dash != std::string_view::npos && s_.lx.first_names.contains(f.substr(0, dash));
    }

    // Whether token i opens a sentence, looking through an opening quote or bracket.
    bool sentence_start(std::size_t i) const { return s_[i].has(kSentenceStart); }

    void collect() {
        const std::size_t n = s_.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (!s_[i].word() || !s_[i].has(kCap)) continue;  // names start with a capital
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
                if (k >= n || !s_[k].word() || !s_[k].has(kSpaceBefore)) break;
                NT nk = name_tok(k);
                if (nk == NT::Name || nk == NT::Initials) {
                    run.push_back(k);
                    kinds.push_back(nk);
                    j = k;
                    continue;
                }
                if (nk == NT::Particle) {
                    std::size_t m = k;
                    while (m < n && m - k < 3 && name_tok(m) == NT::Particle && s_[m].has(kSpaceBefore)) ++m;
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

    // Turns one run into candidates: honorifics and sentence-opening words come off the front,
    // organisation and place words split it.
    void split(const Small<std::size_t>& run, const Small<NT>& kinds) {
        std::size_t a = 0;
        bool honor = false;
        while (a < run.size() && (kinds[a] == NT::Honor || kinds[a] == NT::HonorKeep)) {
            honor = honor || kinds[a] == NT::Honor;
            ++a;
        }
        if (a < run.size() && sentence_start(run[a]) && kinds[a] == NT::Name) {
            std::string_view f = s_.folded(run[a]);
            bool drop;
            if (first_name(run[a])) {
                drop = false;
            } else {
                drop = s_.lx.common_words.contains(f) || ends_with(f, "ing") || ends_with(f, "ly") ||
                       ends_with(f, "ed") || s_.lx.not_person.contains(f) ||
                       (a + 2 < run.size() && first_name(run[a + 1]));
            }
            if (drop) ++a;
        }
        std::size_t before = run[0] == 0 ? 0 : run[0] - 1;
        bool after_org = false;
        while (a < run.size()) {
            std::size_t b = a;
            while (b < run.size() && !(kinds[b] == NT::Name && s_.lex_is(run[b], kLexNotPerson))) ++b;
            // run[a, b) is free of organisation words
            std::size_t x = a, y = b;
            while (x < y && kinds[x] == NT::Particle) ++x;
            while (y > x && kinds[y - 1] == NT::Particle) --y;
            if (x < y) {
                Candidate c;
                c.b = run[x];
                c.e = run[y - 1] + 1;
                c.before = a == 0 ? before : run[a] - 1;
                c.honor = honor && a == x;
                c.org_adjacent = after_org || b < run.size();
                for (std::size_t k = x; k < y; ++k) c.names += kinds[k] == NT::Name || kinds[k] == NT::Initials;
                cands_.push_back(std::move(c));
            }
            after_org = true;
            honor = false;
            a = b + 1;
        }
    }

    // Actor-like (> 0) or character-like (< 0) cues around a candidate.
    double role_cue(const Candidate& c) const {
        double cue = 0;
        std::size_t p = c.before;  // token before the name
        bool has_prev = c.b > 0;
        if (c.honor) cue -= 3;
        if (has_prev && s_[p].word() && !s_[p].has(kCap)) {
            if (s_.cue(p, kCueActorBefore)) {
                cue += 2;
            } else if (s_.is(p, "by") && p > 0 && s_.cue(p - 1, kCueByVerb)) {
                cue += 2;
            } else if (s_.cue(p, kCueCharBefore)) {
                cue -= 4;
            } else if (s_.is(p, "as") && p > 0 && !s_.cue(p - 1, kCueAsExempt)) {
                cue -= 4;
            } else if (s_.is(p, "of") && p > 0 && s_.cue(p - 1, kCueRolePart)) {
                cue -= 4;
            } else if (s_.cue(p, kCueWeakPerson)) {
                cue += 0.25;
            }
        }
        // "Fletcher (J.K. Simmons)": an actor in brackets after a character.
        if (has_prev && s_[p].is_punct('(') && c.e < s_.size() &&
            (s_[c.e].is_punct(')') || s_[c.e].is_punct(',') || s_[c.e].is_punct('/') || s_[c.e].is_punct(';')) &&
            p > 0 && (s_[p - 1].word() || s_[p - 1].is_punct('"') || s_[p - 1].is_punct('\''))) {
            cue += 2;
        }
        // "Simmons' Fletcher", "Teller's Andrew": a name owned by a person is a character.
        if (has_prev && p + 1 == c.b && s_[p].word() && s_[p].has(kPossessive) && s_[p].has(kCap)) cue -= 3;

        std::size_t q = c.e;  // token after the name
        const Token& last = s_[c.e - 1];
        if (last.has(kPossessive)) {
            if (q < s_.size() && s_[q].word() && !s_[q].has(kCap) && s_.cue(q, kCuePossNoun)) {
                cue += 1.5;
            } else if (q < s_.size() && s_[q].word() && s_[q].has(kCap)) {
                cue += 0.5;  // "Simmons' Fletcher": an owner of a character is an actor
            }
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
        } else if (q + 1 < s_.size() && s_[q].is_punct('(') && s_[q + 1].word() && !s_[q + 1].has(kDigit)) {
            // "Jim Blandings (Cary Grant)": a name before a bracketed person is a character.
            NT inner = name_tok(q + 1);
            if ((inner == NT::Name || inner == NT::Initials) && (first_name(q + 1) || inner == NT::Initials)) {
                std::size_t r = q + 1;
                while (r < s_.size() && s_[r].word()) ++r;
                if (r < s_.size() && r - q >= 3 && (s_[r].is_punct(')') || s_[r].is_punct(','))) cue -= 4;
            }
        } else if (q + 1 < s_.size() && s_[q].is_punct(',') && s_.is(q + 1, "who")) {
            cue += 1;  // "Damien Chazelle, who also wrote the film"
        }
        return cue;
    }

    void score(Candidate& c) {
        double sc = 0;
        bool starts_sentence = sentence_start(c.b);
        if (s_[c.b].has(kInitials) || name_tok(c.b) == NT::Initials) {
            sc += 2;
        } else if (first_name(c.b)) {
            bool ambiguous = s_.lex_is(c.b, kLexCommon);
            sc += ambiguous && starts_sentence ? 1 : 2;
        } else if (c.names >= 2) {
            sc += starts_sentence ? 0 : 0.5;
        }
        if (c.names >= 2) {
            for (std::size_t k = c.b + 1; k + 1 < c.e; ++k) {
                if (s_[k].has(kInitials)) sc += 0.5;  // "Samuel L. Jackson"
            }
        }
        c.cue = role_cue(c);
        sc += c.cue;
        // While observing only confident names count: most candidates stop here, before the
        // costlier key and evidence work.
        if ((!s_.corpus && sc < (s_.catalog ? 0.5 : 3.5) && c.cue > -4) || c.names < 2) {
            c.score = sc;  // a lone word gets its key only if singles() needs it
            return;
        }
        c.display = s_.span_text(c.b, c.e);
        c.key = person_key(c.display);
        if (c.key.empty()) {
            c.score = -100;
            return;
        }
        if (s_.catalog && s_.catalog->person_name(c.key)) sc += 3;
        if (c.org_adjacent) sc -= 1;
        if (s_.lx.places.contains(c.key)) sc -= 10;
        std::uint32_t ev = s_.evidence(EntityEvidence::Kind::Person, c.key);
        std::uint32_t ch = s_.evidence(EntityEvidence::Kind::Character, c.key);
        if (ev > 0) sc += ev >= 4 ? 3 : ev >= 2 ? 2 : 1;
        if (ch > ev) sc -= ch >= 2 * ev + 2 ? 3 : 1;
        // A title named like a person ("Annie Hall", "Ed Wood") is the film unless cued as a person.
        if (c.cue <= 0 && (!s_.film_key.empty() || s_.corpus)) {
            std::string fk = film_key(c.display);
            if (fk == s_.film_key) sc -= 10;
            if (s_.evidence(EntityEvidence::Kind::Film, fk) > ev + 1) sc -= 3;
        }
        c.score = sc;
    }

    void decide(std::size_t i) {
        Candidate& c = cands_[i];
        double sc = c.score;
        if (c.names >= 2 && sc >= 0.5 && sc < 2) {
            if ((i > 0 && listed_with(cands_[i - 1], c)) || (i + 1 < cands_.size() && listed_with(c, cands_[i + 1]))) {
                sc += 1.5;
            }
        }
        c.accepted = c.names >= 2 && sc >= 2;
        c.character = !c.accepted && c.cue <= -3;
    }

    // Whether a and b (a first) are neighbours in a list of names, and the other one is a person.
    bool listed_with(const Candidate& a, const Candidate& b) const {
        if (!(a.accepted || b.accepted)) return false;
        std::size_t k = a.e;
        if (k < s_.size() && s_[k].is_punct(',')) ++k;
        if (k < s_.size() && (s_.is(k, "and") || s_.is(k, "&"))) ++k;
        return k == b.b && k != a.e;
    }

    bool confident(const Candidate& c) const {
        // Evidence must not feed on itself: only what this review alone shows counts.
        double own = c.score;
        if (s_.corpus) return false;
        return own >= 3.5;
    }

    std::string canonical(const Candidate& c) const {
        if (s_.catalog) {
            if (const std::string* name = s_.catalog->person_name(c.key)) return *name;
        }
        return c.display;
    }

    void claim(const Candidate& c, Claim what) {
        for (std::size_t k = c.b; k < c.e; ++k) s_.claims[k] = what;
    }

    // Single capitalised words: a surname met earlier attaches to its person; otherwise the
    // catalogue (the cast of the film under review) or the corpus may say who it is.
    void singles(PeopleFound& out) {
        for (auto& c : cands_) {
            if (c.names != 1 || c.e - c.b != 1) continue;
            std::size_t i = c.b;
            if (s_.claims[i] != Claim::None) continue;
            std::string_view f = s_.folded(i);
            if (c.key.empty()) {
                c.display = s_.span_text(c.b, c.e);
                c.key = person_key(c.display);
                if (c.key.empty()) continue;
            }
            if (s_.lx.common_words.contains(f) && sentence_start(i)) continue;
            Mention* best = nullptr;
            for (auto& m : out.people) {
                std::size_t sp = m.key.rfind(' ');
                if (sp == std::string::npos || std::string_view(m.key).substr(sp + 1) != c.key) continue;
                // Several people share the surname: the one named most recently before.
                if (!best || (m.first_pos <= s_[i].begin && (best->first_pos > s_[i].begin || m.first_pos > best->first_pos))) {
                    best = &m;
                }
            }
            if (best) {
                best->add_form(c.display);
                s_.claims[i] = Claim::Person;
                continue;
            }
            bool is_character = c.cue <= -3;
            for (const auto& ch : out.characters) {
                if (ch.key == c.key || ch.key.starts_with(c.key + " ")) is_character = true;
            }
            if (is_character) {
                s_.claims[i] = Claim::Character;
                if (c.cue <= -4 && !s_.lx.first_names.contains(f)) {
                    add_mention(out.characters, c.display, c.key, s_[i].begin, false);
                }
                continue;
            }
            if (s_.film) {
                if (const std::string* name = cast_member(c.key)) {
                    auto& m = add_mention(out.people, *name, person_key(*name), s_[i].begin, false);
                    m.add_form(c.display);
                    s_.claims[i] = Claim::Person;
                    continue;
                }
            }
            if (s_.corpus && !sentence_start(i) && !s_.lx.first_names.contains(f) && !s_.lx.common_words.contains(f)) {
                bool cued = c.cue > 0 || s_[i].has(kPossessive);
                const std::string* key = s_.corpus_index->dominant_person(c.key, cued ? 2 : 4, 0.75);
                if (key && s_.evidence(EntityEvidence::Kind::Character, c.key) == 0) {
                    const auto* e = s_.corpus->find(EntityEvidence::Kind::Person, *key);
                    std::string name = e ? e->name : *key;
                    if (s_.catalog) {
                        if (const std::string* canon = s_.catalog->person_name(*key)) name = *canon;
                    }
                    auto& m = add_mention(out.people, name, *key, s_[i].begin, false);
                    m.add_form(c.display);
                    s_.claims[i] = Claim::Person;
                }
            }
        }
    }

    // The cast or crew member of the review's film with this surname, when only one has it.
    const std::string* cast_member(std::string_view surname) const {
        const std::string* found = nullptr;
        auto check = [&](const std::string& name) {
            std::string key = person_key(name);
            std::size_t sp = key.rfind(' ');
            if (sp == std::string::npos || std::string_view(key).substr(sp + 1) != surname) return true;
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
};

}  // namespace

PeopleFound find_people(Scan& scan) { return PeopleFinder(scan).run(); }

}  // namespace reel::entities
