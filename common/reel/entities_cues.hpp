// Cue words: the small lower-case words around a name or title that say what it is ("directed
// by", "plays", "the film", "a remake of"). One table lookup gives every role a word can play.
#pragma once

#include <cstdint>
#include <string_view>

namespace reel::entities {

enum Cue : std::uint32_t {
    kCueActorBefore = 1u << 0,     // "starring X", "director X", "actress X"
    kCueByVerb = 1u << 1,          // "directed [by X]", "played [by X]"
    kCueCharBefore = 1u << 2,      // "plays X", "character X"
    kCueAsExempt = 1u << 3,        // "[such] as X" is no role
    kCueRolePart = 1u << 4,        // "the role [of X]"
    kCueWeakPerson = 1u << 5,      // "with X", "like X": a slight lean to a person
    kCuePossNoun = 1u << 6,        // "X's performance"
    kCueActorAfter = 1u << 7,      // "X plays", "X directed"
    kCueActorAfterWeak = 1u << 8,  // "X gives", "X shines"
    kCueTitleWord = 1u << 9,       // lower-case words inside titles ("of", "the", "on")
    kCueNotFilm = 1u << 10,        // "the song 'X'", "the novel 'X'"
    kCueFilm = 1u << 11,           // "the film X", "the documentary X"
    kCuePairHead = 1u << 12,       // "remake [of X]", "starred [in X]"
    kCuePairPrep = 1u << 13,       // of, to, in, than, like, as
    kCueWeakFilm = 1u << 14,       // "in X", "like X", "saw X"
    kCueCompany = 1u << 15,        // "... Films", "... Pictures": a company, not a film
    kCueNaming = 1u << 16,         // "called", "titled"
    kCueCorrection = 1u << 17,     // "X, sorry, Y"
    kCueAbbrev = 1u << 18,         // "Mr", "Dr", "St": their dot ends no sentence
    kCueArticle = 1u << 19,        // the, a, an
    kCueTitleStop = 1u << 20,   // stop words that may still be a one-word title ("It", "Her", "Up")
    kCueWorkAfter = 1u << 21,   // "a Stephen King [novel]": a written work named after its maker
    kCueScene = 1u << 22,       // "a [line] in Angel Heart": a part of a film, before "in" it
    kCueMaker = 1u << 23,       // "Jeunet [made] Delicatessen": a person making a work
    kCueKindLike = 1u << 24,    // "shows [like] Friends": examples of a kind follow
    kCueListJoin = 1u << 25,    // "Heat [and] Thief": one more of a list
    kCueRealBefore = 1u << 26,  // "[President] Truman", "the [poet] Dylan Thomas": a real person
    kCueRealOf = 1u << 27,      // "a [biopic] of Dylan Thomas"
    kCueActingIn = 1u << 28,    // "[superb] in Raging Bull": an actor's work, in a film
};

// The cues of a word, given in lower case (ASCII); 0 for a word with none.
std::uint32_t cue_bits(std::string_view lower);

}  // namespace reel::entities
