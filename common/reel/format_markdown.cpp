#include <string>

#include "reel/encoding.hpp"
#include "reel/loader.hpp"
#include "reel/metadata.hpp"
#include "reel/text_normalize.hpp"

namespace reel {

namespace {

// A front-matter value as YAML and TOML read it: what its quotes hold (a quote inside written
// '' or \"), or, unquoted, what comes before a " #" comment. Taken as written, comments became
// part of films ("Vertigo # the 1958 one") and 'O''Hara' kept both quotes.
std::string scalar_value(std::string_view v) {
    v = trim_blanks(v);
    if (!v.empty() && (v.front() == '"' || v.front() == '\'')) {
        char quote = v.front();
        std::string out;
        for (std::size_t i = 1; i < v.size(); ++i) {
            bool escaped =
                i + 1 < v.size() &&
                ((quote == '\'' && v[i] == '\'' && v[i + 1] == '\'') ||
                 (quote == '"' && v[i] == '\\' && (v[i + 1] == '"' || v[i + 1] == '\\')));
            if (escaped) {
                out += v[++i];
            } else if (v[i] == quote) {
                return out;
            } else {
                out += v[i];
            }
        }
        return std::string(v);  // never closed: as written
    }
    for (std::size_t i = 1; i < v.size(); ++i) {
        if (v[i] == '#' && (v[i - 1] == ' ' || v[i - 1] == '\t'))
            return std::string(trim_blanks(v.substr(0, i)));
    }
    return v.starts_with('#') ? std::string() : std::string(v);
}

// Applies one "key: value" line of YAML front matter, or "key = value" of TOML (`separator`).
void apply_front_matter(std::string_view line, char separator, Review& r) {
    auto colon = line.find(separator);
    if (colon == std::string_view::npos) return;
    std::string key;
    for (char c : trim_blanks(line.substr(0, colon)))
        key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    std::string value = collapse_spaces(scalar_value(line.substr(colon + 1)));
    if (key == "film" || key == "movie")
        r.film = value;
    else if (key == "title")
        r.title = value;
    else if (key == "author" || key == "critic")
        r.author = value;
    else if (key == "date")
        r.date = value;
    else if (key == "url")
        r.url = value;
    else if (key == "rating" || key == "score")
        r.rating = parse_rating(value);
    else if (key == "year")
        r.year = parse_year(value);
}

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// *x* and _x_ spans on one line (not ** bold markers, not snake_case inside words).
void find_emphasis(const std::string& text, std::vector<TextSpan>& spans) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char m = text[i];
        if (m != '*' && m != '_') continue;
        bool opener = (i == 0 || !word_char(text[i - 1])) && i + 1 < text.size() &&
                      word_char(text[i + 1]) && (i == 0 || text[i - 1] != m);
        if (!opener) continue;
        std::size_t close = i + 1;
        while (close < text.size() && text[close] != m && text[close] != '\n') ++close;
        if (close >= text.size() || text[close] != m) continue;
        if (close + 1 < text.size() && (word_char(text[close + 1]) || text[close + 1] == m))
            continue;
        spans.push_back({i + 1, close});
        i = close;
    }
}

// Front matter is YAML between "---" lines, or TOML between "+++" lines as Hugo and Zola sites
// write it; TOML read as text made films of its values ("8/10").
char front_matter_separator(std::string_view fence) {
    return fence == "+++" ? '=' : ':';
}

}  // namespace

Review parse_markdown(std::string_view bytes, std::vector<std::string>& warnings) {
    NormalizedText t = normalize_text(bytes_to_text(std::string(bytes), warnings));
    if (t.repaired_utf8) warnings.push_back("invalid UTF-8 repaired");
    Review r;
    std::string_view body = t.text;
    std::size_t body_offset = 0;
    if (body.starts_with("---\n") || body.starts_with("+++\n")) {
        std::string fence(body.substr(0, 3));
        std::size_t end = body.find("\n" + fence, 3);
        if (end == std::string_view::npos) {
            warnings.push_back("front matter not closed by '" + fence + "'; read as text");
        } else {
            std::string_view fm = body.substr(4, end - 4 + 1);
            for (std::size_t pos = 0; pos < fm.size();) {
                std::size_t nl = fm.find('\n', pos);
                if (nl == std::string_view::npos) nl = fm.size();
                apply_front_matter(fm.substr(pos, nl - pos), front_matter_separator(fence), r);
                pos = nl + 1;
            }
            std::size_t after = body.find('\n', end + 4);
            body_offset = after == std::string_view::npos ? body.size() : after + 1;
        }
    }
    r.text = std::string(body.substr(body_offset));
    for (auto span : t.emphasis) {  // from HTML tags left in the Markdown
        if (span.begin >= body_offset)
            r.emphasis.push_back({span.begin - body_offset, span.end - body_offset});
    }
    find_emphasis(r.text, r.emphasis);
    if (r.title.empty()) {
        std::string_view text = r.text;
        while (text.starts_with("\n")) text.remove_prefix(1);
        if (text.starts_with("# ")) r.title = collapse_spaces(text.substr(2, text.find('\n') - 2));
    }
    if (!r.year && !r.date.empty()) r.year = parse_year(r.date);
    return r;
}

}  // namespace reel
