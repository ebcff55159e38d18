#include "reel/text_normalize.hpp"

#include <algorithm>

#include "reel/encoding.hpp"
#include "reel/html_entities.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

bool ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

// The elements that web pages, forums and word processors leave in pasted text. Only these are
// tags: prose uses angle brackets too ("x<y but y>z", "I loved <Whiplash>"), and reading any
// letter after '<' as a tag dropped the words up to the next '>'.
bool html_element(std::string_view n) {
    static constexpr std::string_view kElements[] = {
        "a",          "abbr",       "address", "article", "aside",    "b",      "big",
        "blink",      "body",       "br",      "button",  "caption",  "center", "cite",
        "code",       "col",        "dd",      "del",     "details",  "dfn",    "div",
        "dl",         "dt",         "em",      "embed",   "figure",   "font",   "footer",
        "form",       "h1",         "h2",      "h3",      "h4",       "h5",     "h6",
        "head",       "header",     "hr",      "html",    "i",        "iframe", "img",
        "input",      "ins",        "kbd",     "label",   "li",       "link",   "main",
        "mark",       "meta",       "nav",     "nobr",    "noscript", "object", "ol",
        "option",     "p",          "param",   "pre",     "q",        "s",      "samp",
        "script",     "section",    "select",  "small",   "source",   "span",   "strike",
        "strong",     "style",      "sub",     "summary", "sup",      "table",  "tbody",
        "td",         "textarea",   "tfoot",   "th",      "thead",    "time",   "title",
        "tr",         "tt",         "u",       "ul",      "var",      "video",  "wbr",
        "figcaption", "blockquote", "spoiler"};
    return std::find(std::begin(kElements), std::end(kElements), n) != std::end(kElements);
}

// Recognises an HTML tag at in[pos]: '<', maybe '/', an element's name (html_element, or any
// name with a namespace, as Word's "<o:p>"), then '>' within 200 bytes, no '<' inside. Returns
// its length (0 if not a tag) and its lower-cased name.
std::size_t tag_at(std::string_view in, std::size_t pos, std::string& name, bool& closing) {
    std::size_t i = pos + 1;
    closing = i < in.size() && in[i] == '/';
    if (closing) ++i;
    if (i >= in.size() || !ascii_letter(in[i])) return 0;
    name.clear();
    while (i < in.size() && (ascii_letter(in[i]) || (in[i] >= '0' && in[i] <= '9'))) {
        name += lower(in[i++]);
    }
    bool namespaced = i < in.size() && in[i] == ':';
    if (!namespaced && !html_element(name)) return 0;
    // "<b>", "<br/>", "<a href=...>": the name ends the tag or is followed by attributes.
    if (!namespaced && i < in.size() && in[i] != '>' && in[i] != '/' && in[i] != ' ' &&
        in[i] != '\t' && in[i] != '\n' && in[i] != '\r')
        return 0;
    for (std::size_t limit = pos + 200; i < in.size() && i < limit; ++i) {
        if (in[i] == '<') return 0;
        if (in[i] == '>') return i + 1 - pos;
    }
    return 0;
}

bool is_break_tag(const std::string& n) {
    return n == "br" || n == "p" || n == "div" || n == "li" || n == "tr" || n == "h1" ||
           n == "h2" || n == "h3" || n == "blockquote";
}

bool is_emphasis_tag(const std::string& n) {
    return n == "i" || n == "em" || n == "cite";
}

}  // namespace

std::string normalize_chars(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            if (b == '\r') {
                out += '\n';
                if (i < s.size() && s[i] == '\n') ++i;
            } else if (b == '\t') {
                out += ' ';
            } else if (b == '`' && !out.empty() && ascii_letter(out.back()) && i < s.size() &&
                       ascii_letter(s[i])) {
                out += '\'';  // "it`s": a backtick typed for an apostrophe
            } else if (b >= 0x20 && b != 0x7F) {
                out += static_cast<char>(b);
            } else if (b == '\n') {
                out += '\n';
            }
            continue;
        }
        char32_t cp = next_code_point(s, i);
        switch (cp) {
            case 0x2018:
            case 0x2019:
            case 0x201A:
            case 0x201B:
            case 0x2032:
            case 0x02BC:
            case 0x00B4:  // the acute accent, typed for an apostrophe ("don´t", "Heaven´s Gate")
                out += '\'';
                break;
            case 0x201C:
            case 0x201D:
            case 0x201E:
            case 0x201F:
            case 0x2033:
            case 0x00AB:
            case 0x00BB:
                out += '"';
                break;
            case 0x00A0:
            case 0x2002:
            case 0x2003:
            case 0x2009:
            case 0x200A:
            case 0x202F:
            case 0x3000:
                out += ' ';
                break;
            case 0x2028:
            case 0x2029:
            case 0x0085:
                out += '\n';
                break;
            case 0x00AD:
            case 0x200B:
            case 0x200C:
            case 0x200D:
            case 0xFEFF:
                break;
            default:
                if (cp >= 0x80 && cp < 0xA0) break;  // C1 controls
                append_utf8(out, cp);
        }
    }
    return out;
}

NormalizedText normalize_text(std::string_view raw) {
    NormalizedText result;
    std::string utf8 = repair_utf8(raw, &result.repaired_utf8);
    std::string_view in = without_utf8_bom(utf8);

    // Decode references and tag left-overs first, tracking emphasis in the decoded text; the
    // character pass that follows only ever shortens text, so spans are mapped through it.
    std::string decoded;
    decoded.reserve(in.size());
    std::vector<TextSpan> spans;
    std::size_t open_emphasis = std::string::npos;
    std::string tag;
    bool comments_closed = true;  // false once a "<!--" had no "-->" after it
    for (std::size_t i = 0; i < in.size();) {
        char c = in[i];
        if (c == '&' && decode_html_entity(in, i, decoded)) continue;
        // HTML comments go: WordPress keeps its editor's blocks as "<!-- wp:paragraph -->" in
        // each post's content, whose words were indexed (and shown in snippets) with the review.
        if (c == '<' && comments_closed && in.substr(i).starts_with("<!--")) {
            std::size_t end = in.find("-->", i + 4);
            comments_closed = end != std::string_view::npos;
            if (comments_closed) {
                i = end + 3;
                continue;
            }
        }
        bool closing = false;
        if (c == '<') {
            if (std::size_t len = tag_at(in, i, tag, closing)) {
                if (is_break_tag(tag)) {
                    decoded += '\n';
                } else if (is_emphasis_tag(tag)) {
                    if (!closing) {
                        open_emphasis = decoded.size();
                    } else if (open_emphasis != std::string::npos) {
                        spans.push_back({open_emphasis, decoded.size()});
                        open_emphasis = std::string::npos;
                    }
                }
                i += len;
                continue;
            }
        }
        decoded += c;
        ++i;
    }

    if (spans.empty()) {
        result.text = normalize_chars(decoded);
        return result;
    }
    // Normalise piecewise so span boundaries land on the right bytes of the output.
    std::size_t done = 0;
    for (const TextSpan& span : spans) {
        result.text += normalize_chars(std::string_view(decoded).substr(done, span.begin - done));
        std::size_t begin = result.text.size();
        result.text +=
            normalize_chars(std::string_view(decoded).substr(span.begin, span.end - span.begin));
        if (result.text.size() > begin) result.emphasis.push_back({begin, result.text.size()});
        done = span.end;
    }
    result.text += normalize_chars(std::string_view(decoded).substr(done));
    return result;
}

std::string_view trim_blanks(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

}  // namespace reel
