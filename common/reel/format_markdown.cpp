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

// Sets the review field a front matter key names, from its value as read.
void apply_front_matter(std::string_view key, const std::string& value, Review& r) {
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

// The key of a "key: value" line (`separator` ':' for YAML, '=' for TOML), lower-cased, and
// what follows it; false when the line has none.
bool split_line(std::string_view line, char separator, std::string& key, std::string_view& rest) {
    auto at = line.find(separator);
    if (at == std::string_view::npos) return false;
    key.clear();
    for (char c : trim_blanks(line.substr(0, at)))
        key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    rest = trim_blanks(line.substr(at + 1));
    return true;
}

// Appends `item` to a list of items, after `separator` unless it is the first.
void append_item(std::string& list, std::string_view item, std::string_view separator) {
    if (item.empty()) return;
    if (!list.empty()) list += separator;
    list += item;
}

// A flow list ("[Ana, 'Bo']", TOML's ["Ana", "Bo"]) as its items joined, as JSON lists are.
std::string flow_list(std::string_view v) {
    std::string out;
    v = v.substr(1, v.size() - 2);
    for (std::size_t pos = 0; pos <= v.size();) {
        std::size_t comma = v.find(',', pos);
        if (comma == std::string_view::npos) comma = v.size();
        append_item(out, scalar_value(v.substr(pos, comma - pos)), ", ");
        pos = comma + 1;
    }
    return out;
}

// Reads front matter. A YAML key with nothing after it takes its value from the lines under it:
// a list ("author:\n  - Ana") its items joined, a block scalar ("title: >") its lines, a mapping
// ("movie:\n  title: Jaws") its name or title. Read a line at a time, such a list was lost and
// the mapping's title taken for the review's.
void read_front_matter(std::string_view fm, char separator, Review& r) {
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos < fm.size();) {
        std::size_t nl = fm.find('\n', pos);
        if (nl == std::string_view::npos) nl = fm.size();
        lines.push_back(fm.substr(pos, nl - pos));
        pos = nl + 1;
    }
    auto nested = [](std::string_view line) {
        return line.starts_with(' ') || line.starts_with('\t') || line.starts_with("- ") ||
               line == "-";
    };
    std::string key, child;
    std::string_view rest, child_rest;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!split_line(lines[i], separator, key, rest)) continue;
        std::string value;
        bool block = rest.size() <= 2 && (rest.starts_with('>') || rest.starts_with('|'));
        if (separator == ':' && (rest.empty() || block) && !nested(lines[i])) {
            bool fields_own = key == "film" || key == "movie" || key == "author" || key == "critic";
            for (; i + 1 < lines.size() &&
                   (nested(lines[i + 1]) || trim_blanks(lines[i + 1]).empty());
                 ++i) {
                std::string_view line = trim_blanks(lines[i + 1]);
                if (block) {
                    append_item(value, line, " ");
                } else if (line.starts_with('-')) {
                    std::string item = scalar_value(line.substr(1));
                    if (split_line(line.substr(1), ':', child, child_rest) &&
                        (child == "name" || child == "title"))
                        item = scalar_value(child_rest);
                    append_item(value, item, ", ");
                } else if (split_line(line, ':', child, child_rest)) {
                    bool films_year = child == "year" && (key == "film" || key == "movie");
                    if (fields_own && (child == "name" || child == "title")) {
                        value = scalar_value(child_rest);
                    } else if (!fields_own || films_year) {
                        // A site's own settings ("params:\n  rating: 8") are read as if unnested;
                        // an author's own ("author:\n  url: ...") are not the review's.
                        apply_front_matter(child, collapse_spaces(scalar_value(child_rest)), r);
                    }
                }
            }
        } else if (rest.starts_with('[') && rest.ends_with(']')) {
            value = flow_list(rest);
        } else {
            value = scalar_value(rest);
        }
        apply_front_matter(key, collapse_spaces(value), r);
    }
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

// Where the bracket `close` ends what starts at md[from]: npos when a newline or another bracket
// comes first. Scans stop at brackets, so that a line of thousands of them is read in linear time.
std::size_t bracket_end(std::string_view md, std::size_t from, char close) {
    for (std::size_t i = from; i < md.size(); ++i) {
        char c = md[i];
        if (c == close) return i;
        if (c == '\n' || c == '[' || c == ']') return std::string_view::npos;
    }
    return std::string_view::npos;
}

// Where the "(address "title")" of an inline link that starts at md[from] ('(') ends (its ')'),
// or npos. Addresses may hold balanced brackets: Wikipedia's "Heat_(1995_film)".
std::size_t link_target_end(std::string_view md, std::size_t from) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = from + 1; i < md.size(); ++i) {
        char c = md[i];
        if (c == '\n' || c == '[' || c == ']') break;
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && depth-- == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

// Markdown's links and images as a reader sees them: "[Michael Mann](https://www.imdb.com/...)"
// and "[Michael Mann][1]" are "Michael Mann"; an image and a "[1]: https://..." line are nothing
// (as an HTML page's images are). Kept as written, each review linking to IMDb matched "imdb",
// "name" and "title", and the addresses filled its snippets.
std::string without_link_targets(std::string_view md) {
    std::string out;
    out.reserve(md.size());
    bool line_start = true;
    for (std::size_t i = 0; i < md.size();) {
        if (line_start) {
            line_start = false;
            std::size_t k = md.find_first_not_of(' ', i);
            if (k != std::string_view::npos && k - i <= 3 && md[k] == '[') {
                std::size_t close = bracket_end(md, k + 1, ']');
                if (close != std::string_view::npos && close + 1 < md.size() &&
                    md[close + 1] == ':') {
                    std::size_t nl = md.find('\n', close);
                    i = nl == std::string_view::npos ? md.size() : nl;
                    continue;
                }
            }
        }
        char c = md[i];
        bool image = c == '!' && i + 1 < md.size() && md[i + 1] == '[';
        if (c == '[' || image) {
            std::size_t open = image ? i + 1 : i;
            std::size_t close = bracket_end(md, open + 1, ']');
            std::size_t end = std::string_view::npos;
            if (close != std::string_view::npos && close + 1 < md.size()) {
                if (md[close + 1] == '(') end = link_target_end(md, close + 1);
                if (md[close + 1] == '[') end = bracket_end(md, close + 2, ']');
            }
            if (end != std::string_view::npos) {
                if (!image) out.append(md.substr(open + 1, close - open - 1));
                i = end + 1;
                continue;
            }
        }
        out += c;
        line_start = c == '\n';
        ++i;
    }
    return out;
}

}  // namespace

Review parse_markdown(std::string_view bytes, std::vector<std::string>& warnings) {
    NormalizedText t =
        normalize_text(without_link_targets(bytes_to_text(std::string(bytes), warnings)));
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
            read_front_matter(body.substr(4, end - 4 + 1), front_matter_separator(fence), r);
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
