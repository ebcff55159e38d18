// Normalised keys for people and films. The indexer stores them and the searcher turns query
// text into them, so every spelling of one name must give one key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reel {

// Folded (lower case, no accents) words of a person's name: initials run together whatever their
// spelling ("J.K.", "JK", "J. K." all give "jk"), apostrophes dropped ("O'Toole" gives "otoole"),
// hyphens split words ("Jean-Pierre" gives "jean pierre"), a trailing possessive dropped
// ("Simmons'" and "Simmons's" give "simmons"). "J.K. Simmons" gives "jk simmons".
std::string person_key(std::string_view name);

// Folded words of a film title: punctuation dropped, "&" read as "and", a leading "The" and a
// trailing "(1995)" dropped, letters with dots run together ("E.T." gives "et").
// "2001: A Space Odyssey" gives "2001 a space odyssey"; "The Godfather" gives "godfather".
std::string film_key(std::string_view title);

// In both, each character of a script written without spaces (Chinese, Japanese, Korean) is a
// word: "千と千尋の神隠し" gives "千 と 千 尋 の 神 隠 し", so that film:千尋 finds it.

// The words of a key: splitting it on spaces.
std::vector<std::string> key_words(std::string_view key);

}  // namespace reel
