#include "reel/entity_key.hpp"

#include "reel/unicode.hpp"

namespace reel {

namespace {

// Whether the code point at `pos` of valid UTF-8 is a letter or digit; `len` gets its length.
bool word_char_at(std::string_view s, std::size_t pos, std::size_t& len) {
    // Keys are built for every candidate name: ASCII, nearly always, takes no decoding call.
    auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
        len = 1;
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    }
    std::size_t next = pos;
    char32_t cp = next_code_point(s, next);
    len = next - pos;
    return is_letter_or_digit(cp);
}

// Splits folded text into words of letters and digits. Apostrophes must be gone already. A dot
// between two single letters joins them, so "e.t." is one word "et" while "2001:" and
// "jean-pierre" split; "&" reads as "and".
std::vector<std::string> folded_words(std::string_view folded) {
    std::vector<std::string> words;
    words.reserve(8);
    std::string cur;
    std::size_t cur_chars = 0;
    bool dotted = false;  // cur is letters joined by dots so far ("s.i.c")
    auto flush = [&] {
        if (!cur.empty()) words.push_back(std::move(cur));
        cur.clear();
        cur_chars = 0;
        dotted = false;
    };
    for (std::size_t i = 0; i < folded.size();) {
        std::size_t len = 0;
        if (word_char_at(folded, i, len)) {
            // A character of Chinese or Japanese is a word of its own, as the body's n-grams
            // index it (word_sequence.cpp): film:千尋 finds "千と千尋の神隠し".
            if (std::size_t at; unspaced_script_at(folded, i, at)) {
                flush();
                words.emplace_back(folded.substr(i, len));
                i += len;
                continue;
            }
            cur.append(folded, i, len);
            ++cur_chars;
            i += len;
            continue;
        }
        char c = folded[i];
        std::size_t after = 0;
        if (c == '.' && (cur_chars == 1 || dotted) && i + 1 < folded.size() &&
            word_char_at(folded, i + 1, after) &&
            (i + 1 + after == folded.size() || !word_char_at(folded, i + 1 + after, after))) {
            dotted = true;  // "e.t.", "l.a.", "s.i.c.k.": the dot is not a word break
        } else if (c == '&') {
            flush();
            words.emplace_back("and");
        } else {
            flush();
        }
        i += len;
    }
    flush();
    return words;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].empty()) continue;
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    return out;
}

// Drops "'s" or a lone "'" at the very end: "Simmons's" and "Simmons'" are "Simmons".
std::string_view without_possessive(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ','))
        s.remove_suffix(1);
    if (s.size() > 2 && s.substr(s.size() - 2) == "'s") return s.substr(0, s.size() - 2);
    if (s.size() > 1 && s.back() == '\'') return s.substr(0, s.size() - 1);
    return s;
}

// person_key of ASCII text in one pass and one allocation, for the same key: every candidate
// name of every review is keyed, nearly all are ASCII, and the general path below costs a
// string per word. There, folding is lower-casing; apostrophes go, dots and other non-letters
// end a word, "&" reads as "and", and single letters in a row join into one word of initials.
std::string ascii_person_key(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 2);
    std::size_t len = 0;    // of the word being built, at the end of `out`
    bool initials = false;  // the word before was a single letter
    auto end_word = [&] {
        if (len == 0) return;
        bool letter = len == 1 && out.back() >= 'a' && out.back() <= 'z';
        if (letter && initials) out.erase(out.size() - 2, 1);  // "j k" -> "jk"
        initials = letter;
        len = 0;
    };
    for (char c : name) {
        if (c == '\'') continue;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (len == 0 && !out.empty()) out += ' ';
            out += c;
            ++len;
            continue;
        }
        end_word();
        if (c == '&') {
            if (!out.empty()) out += ' ';
            out += "and";
            initials = false;
        }
    }
    end_word();
    return out;
}

bool is_ascii(std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

bool ascii_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// join(folded_words(folded)) of ASCII text, by the same rules, written to `out`, which has room
// for four bytes per byte of `folded` ("&" becomes " and"); returns the length. Titles are keyed
// by the thousand per review, nearly all ASCII, and the general path costs a string per word.
std::size_t ascii_words(std::string_view folded, char* out) {
    std::size_t n = 0;
    std::size_t len = 0;  // of the word being built, at the end of `out`
    bool dotted = false;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        char c = folded[i];
        if (ascii_word_char(c)) {
            if (len == 0 && n > 0) out[n++] = ' ';
            out[n++] = c;
            ++len;
            continue;
        }
        if (c == '.' && (len == 1 || dotted) && i + 1 < folded.size() &&
            ascii_word_char(folded[i + 1]) &&
            (i + 2 == folded.size() || !ascii_word_char(folded[i + 2]))) {
            dotted = true;  // "e.t.": the dot is not a word break
            continue;
        }
        len = 0;
        dotted = false;
        if (c == '&') {
            if (n > 0) out[n++] = ' ';
            for (char a : {'a', 'n', 'd'}) out[n++] = a;
        }
    }
    return n;
}

std::string words_of(std::string_view folded) {
    if (!is_ascii(folded)) return join(folded_words(folded));
    std::string out(4 * folded.size(), '\0');
    out.resize(ascii_words(folded, out.data()));
    return out;
}

// Hands `keep` each byte of a title outside parentheses, apostrophes left out ("Schindler's").
template <typename Keep>
void outside_brackets(std::string_view title, Keep keep) {
    int depth = 0;
    for (char c : title) {
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0 && c != '\'') {
            keep(c);
        }
    }
}

// The last step of film_key, on the words of a title.
std::string_view finish_film_key(std::string_view key) {
    // Words are joined by single spaces, so these match a word of a key of two words or more.
    if (key.ends_with(" or")) key.remove_suffix(3);
    // "The Godfather" and "the Godfather" are written interchangeably in running text.
    if (key.starts_with("the ")) key.remove_prefix(4);
    return key;
}

}  // namespace

std::string person_key(std::string_view name) {
    if (is_ascii(name)) return ascii_person_key(without_possessive(name));
    std::string folded = fold(without_possessive(name));
    // Apostrophes go before splitting, so "O'Toole" and "OToole" agree; dots split, so that the
    // initials of "J.K." and "J. K." come out as single letters like those of "J K".
    std::string plain;
    plain.reserve(folded.size());
    for (char c : folded) {
        if (c != '\'') plain += c == '.' ? ' ' : c;
    }
    // Single letters in a row are one run of initials: "j k simmons" and "jk simmons" agree.
    std::vector<std::string> words;
    bool in_initials = false;
    for (auto& w : folded_words(plain)) {
        bool letter = w.size() == 1 && w[0] >= 'a' && w[0] <= 'z';
        if (letter && in_initials) {
            words.back() += w;
        } else {
            words.push_back(std::move(w));
        }
        in_initials = letter;
    }
    return join(words);
}

std::string film_key(std::string_view title) {
    std::string_view t = title;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
    // "Heat (1995)": the year is metadata, not part of the title.
    if (t.size() >= 6 && t.back() == ')' && t[t.size() - 6] == '(') {
        bool year = true;
        for (std::size_t i = t.size() - 5; i < t.size() - 1; ++i)
            year = year && t[i] >= '0' && t[i] <= '9';
        if (year) t = t.substr(0, t.size() - 6);
    }
    // Parenthesised parts are alternative or original titles: "Parasite (기생충)",
    // "Birdman or (The Unexpected Virtue of Ignorance)". An ASCII title, nearly every one, is
    // folded and stripped of them in a buffer on the stack: titles are keyed by the thousand
    // per review, and the general path below builds three strings for each.
    if (char buf[256]; t.size() <= sizeof buf && is_ascii(t)) {
        std::size_t n = 0;
        outside_brackets(
            t, [&](char c) { buf[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
        char words[4 * sizeof buf];
        std::size_t len = ascii_words(std::string_view(buf, n), words);
        // (A title that is all brackets keeps their words: the general path below.)
        if (len > 0) return std::string(finish_film_key(std::string_view(words, len)));
    }
    std::string folded = fold(t);
    std::string plain;
    plain.reserve(folded.size());
    outside_brackets(folded, [&](char c) { plain += c; });
    std::string key = words_of(plain);
    if (key.empty()) key = words_of(folded);  // a title that is all brackets keeps its words
    return std::string(finish_film_key(key));
}

std::vector<std::string> key_words(std::string_view key) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < key.size()) {
        std::size_t j = key.find(' ', i);
        if (j == std::string_view::npos) j = key.size();
        if (j > i) out.emplace_back(key.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

}  // namespace reel
