#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "reel/encoding.hpp"
#include "reel/loader.hpp"
#include "reel/metadata.hpp"
#include "reel/text_normalize.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

// gumbo builds and frees its tree recursively, so a page nested deeper than this is read by the
// tag-stripping fallback instead (hostile pages nest 100,000 deep; real ones stay under 100).
constexpr int kMaxNesting = 2000;
// gumbo's tree takes about 45 times the page's size in memory (1.4 GB for a 32 MiB page), so a
// larger page is read by the fallback too; real review pages are well under 1 MiB.
constexpr std::size_t kMaxParsedBytes = 4u << 20;

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool is_void_element(std::string_view name) {
    for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                               "meta", "param", "source", "track", "wbr"}) {
        if (name == v) return true;
    }
    return false;
}

// Where the end tag </name> of a raw-text element (script, style) starts, or the end of `html`.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = html.find("</", from); i != std::string_view::npos;
         i = html.find("</", i + 2)) {
        std::size_t k = 0;
        while (k < name.size() && i + 2 + k < html.size() &&
               ascii_lower(html[i + 2 + k]) == name[k])
            ++k;
        if (k == name.size()) return i;
    }
    return html.size();
}

// Whether gumbo would build a tree deeper than kMaxNesting, in one linear pass. End tags that
// match no open element are ignored, as gumbo ignores them ("<div></x>" repeated nests as deep
// as "<div>" repeated); when in doubt it overestimates, which only costs the markup.
bool nested_too_deeply(std::string_view html) {
    std::vector<std::string> open;
    std::string name;
    for (std::size_t i = 0; i + 1 < html.size(); ++i) {
        if (html[i] != '<') continue;
        bool closing = html[i + 1] == '/';
        std::size_t j = i + 1 + (closing ? 1 : 0);
        name.clear();
        while (j < html.size() && name.size() < 32 &&
               ((html[j] >= '0' && html[j] <= '9') || ascii_lower(html[j]) != html[j] ||
                (html[j] >= 'a' && html[j] <= 'z'))) {
            name += ascii_lower(html[j++]);
        }
        if (name.empty() || (name[0] >= '0' && name[0] <= '9')) continue;
        std::size_t end = j;  // the tag's '>', or the '<' of a tag that never closed
        while (end < html.size() && html[end] != '>' && html[end] != '<') ++end;
        bool self_closing = end < html.size() && html[end] == '>' && html[end - 1] == '/';
        i = end - 1;
        if (closing) {
            // Only the innermost open elements are searched: stopping short overestimates.
            for (std::size_t k = open.size(), n = 0; k > 0 && n < 64; --k, ++n) {
                if (open[k - 1] == name) {
                    open.resize(k - 1);
                    break;
                }
            }
        } else if (name == "script" || name == "style") {
            i = raw_text_end(html, end, name) - 1;
        } else if (!self_closing && !is_void_element(name)) {
            open.push_back(name);
            if (open.size() > static_cast<std::size_t>(kMaxNesting)) return true;
        }
    }
    return false;
}

// Elements a browser lays out apart, so that the words at their edges are not glued together:
// "<th>Director</th><th>Writer</th>" or "<dd>Al Pacino</dd><dd>Robert De Niro</dd>" were
// indexed as "DirectorWriter" and "Al PacinoRobert De Niro", which no search found.
bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_LEGEND:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_FORM:
            return true;
        default:
            return false;
    }
}

bool is_invisible(GumboTag tag) {
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
           tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_IFRAME ||
           tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_OBJECT;
}

// A site's menus and footers ("Home | Reviews | Login", "Copyright ... Cookie policy") are on
// every page: indexed, they matched queries and filled the snippets of every review.
bool is_site_chrome(GumboTag tag) {
    return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER;
}

bool is_emphasis(GumboTag tag) {
    return tag == GUMBO_TAG_I || tag == GUMBO_TAG_EM || tag == GUMBO_TAG_CITE;
}

// Text as gumbo hands it back. The page was valid UTF-8 going in, but gumbo decodes a numeric
// character reference too large for its int ("&#82222222222222222221;") into bytes that are
// not UTF-8 (found by fuzz_html), so its strings are repaired like any input.
std::string gumbo_text(const char* text) {
    return repair_utf8(text);
}

std::string attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? gumbo_text(a->value) : "";
}

struct Extraction {
    std::string text;
    std::vector<TextSpan> emphasis;
    std::string title;
    std::string author;
    std::string date;
    std::string url;
    std::vector<std::string> json_ld;  // the page's <script type="application/ld+json"> blocks
};

// Keeps the text of a JSON-LD script element, where review pages describe the review.
void read_json_ld(const GumboElement& e, Extraction& out) {
    if (e.tag != GUMBO_TAG_SCRIPT || fold(attribute(e, "type")) != "application/ld+json") return;
    if (e.children.length == 0) return;
    auto* child = static_cast<const GumboNode*>(e.children.data[0]);
    if (child->type == GUMBO_NODE_TEXT) out.json_ld.push_back(gumbo_text(child->v.text.text));
}

void read_head(const GumboNode* node, Extraction& out) {
    // <title> and a few <meta> tags; the head is shallow, so plain recursion is fine here.
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_TITLE && e.children.length > 0) {
        auto* child = static_cast<const GumboNode*>(e.children.data[0]);
        if (child->type == GUMBO_NODE_TEXT) out.title = gumbo_text(child->v.text.text);
    } else if (e.tag == GUMBO_TAG_META) {
        // Metadata names are case-insensitive: pages write <meta name="Author">.
        std::string name = fold(attribute(e, "name") + attribute(e, "property"));
        if (name == "author") out.author = attribute(e, "content");
        if (name == "date" || name == "article:published_time") out.date = attribute(e, "content");
        if (name == "og:url" && out.url.empty()) out.url = attribute(e, "content");
    } else if (e.tag == GUMBO_TAG_LINK && fold(attribute(e, "rel")) == "canonical") {
        // The page's address on the site, which a mirrored page otherwise loses: search hits
        // could only name the mirror's file.
        out.url = attribute(e, "href");
    } else {
        read_json_ld(e, out);
    }
    for (unsigned i = 0; i < e.children.length; ++i) {
        read_head(static_cast<const GumboNode*>(e.children.data[i]), out);
    }
}

// Visible text in document order, walking the tree with an explicit stack.
void read_body(const GumboNode* root, Extraction& out) {
    struct Frame {
        const GumboNode* node;
        unsigned next_child;
        std::size_t emphasis_start;
    };
    std::vector<Frame> stack{{root, 0, 0}};
    // A site's sidebar is an <aside> beside its <article> or <main>, with the same "Recent
    // posts" (other reviews' titles) on every page: indexed, each page mentioned those films and
    // matched their words. An <aside> inside the article is the review's own (a pull quote).
    int in_content = 0;
    auto is_content = [](GumboTag tag) {
        return tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
    };
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GumboNode* node = f.node;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
            out.text += gumbo_text(node->v.text.text);
            stack.pop_back();
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
            stack.pop_back();
            continue;
        }
        const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                        : node->v.element.children;
        GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
        if (f.next_child == 0) {
            if (is_invisible(tag) || is_site_chrome(tag) ||
                (tag == GUMBO_TAG_ASIDE && in_content == 0)) {
                if (tag == GUMBO_TAG_SCRIPT) read_json_ld(node->v.element, out);
                stack.pop_back();
                continue;
            }
            in_content += is_content(tag);
            if (is_block(tag)) out.text += '\n';
            f.emphasis_start = out.text.size();
        }
        if (f.next_child < children.length) {
            auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
            stack.push_back({child, 0, 0});
            continue;
        }
        if (is_emphasis(tag) && out.text.size() > f.emphasis_start) {
            out.emphasis.push_back({f.emphasis_start, out.text.size()});
        }
        if (is_block(tag)) out.text += '\n';
        in_content -= is_content(tag);
        stack.pop_back();
    }
}

// Whether the page says it is in ISO-8859-1 or Windows-1252 (<meta charset>, the Content-Type
// <meta> or an XML declaration, within its first 4 KiB). Such a page's bytes are read as
// Windows-1252, as browsers read both, which is what repairing them does: no repair to warn of.
// Older sites are written so, and each of their pages was warned about, with exit status 1.
bool declares_windows_1252(std::string_view html) {
    std::string head = fold(utf8_prefix(html, 4096));
    for (std::string_view key : {"charset", "encoding"}) {
        for (std::size_t at = head.find(key); at != std::string::npos;
             at = head.find(key, at + 1)) {
            std::size_t i = at + key.size();
            while (i < head.size() && head[i] == ' ') ++i;
            if (i >= head.size() || head[i] != '=') continue;
            ++i;
            while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
            std::size_t end = head.find_first_of(" \"'>;/", i);
            std::string_view label = std::string_view(head).substr(i, end - i);
            for (std::string_view l : {"iso-8859-1", "iso8859-1", "latin1", "latin-1",
                                       "windows-1252", "cp1252", "x-cp1252"}) {
                if (label == l) return true;
            }
        }
    }
    return false;
}

}  // namespace

Review parse_html(std::string_view bytes, std::vector<std::string>& warnings) {
    std::string html = bytes_to_text(std::string(bytes), warnings);
    bool repaired = false;
    html = repair_utf8(html, &repaired);
    if (repaired && !declares_windows_1252(html)) warnings.push_back("invalid UTF-8 repaired");

    Review r;
    bool too_big = html.size() > kMaxParsedBytes;
    if (too_big || nested_too_deeply(html)) {
        std::string why = too_big ? fmt::format("larger than {} MiB", kMaxParsedBytes >> 20)
                                  : std::string("nested too deeply");
        warnings.push_back(fmt::format("HTML {} to parse; text taken without markup", why));
        NormalizedText t = normalize_text(html);
        r.text = std::move(t.text);
        return r;
    }

    // Parse errors are not recorded: gumbo copies the stack of open elements into each, so a page
    // of stray tags would take depth x errors memory (gigabytes) for nothing we use.
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 0;
        return o;
    }();
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> doc(
        gumbo_parse_with_options(&options, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&options, o); });
    Extraction ex;
    const GumboNode* root = doc->root;
    for (unsigned i = 0; i < root->v.element.children.length; ++i) {
        auto* child = static_cast<const GumboNode*>(root->v.element.children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_HEAD) {
            read_head(child, ex);
        }
    }
    read_body(root, ex);

    // Normalise piecewise so emphasis spans stay on the right bytes. Spans were recorded as
    // elements closed, so an outer span follows the inner ones: order them by start.
    std::sort(ex.emphasis.begin(), ex.emphasis.end(),
              [](TextSpan a, TextSpan b) { return a.begin < b.begin; });
    std::size_t done = 0;
    for (const TextSpan& span : ex.emphasis) {
        if (span.begin < done) continue;  // nested emphasis: the outer span already counts
        r.text += normalize_chars(std::string_view(ex.text).substr(done, span.begin - done));
        std::size_t begin = r.text.size();
        r.text +=
            normalize_chars(std::string_view(ex.text).substr(span.begin, span.end - span.begin));
        if (r.text.size() > begin) r.emphasis.push_back({begin, r.text.size()});
        done = span.end;
    }
    r.text += normalize_chars(std::string_view(ex.text).substr(done));
    r.title = collapse_spaces(normalize_chars(ex.title));
    r.author = collapse_spaces(normalize_chars(ex.author));
    r.date = collapse_spaces(normalize_chars(ex.date));
    r.url = collapse_spaces(normalize_chars(ex.url));
    // Review pages give the film, rating and author only in their schema.org JSON-LD (the
    // visible text has "4.5" beside some stars at best): without it, pages lost all three.
    for (const std::string& block : ex.json_ld) {
        std::optional<Review> ld = parse_json_ld(block);
        if (!ld) continue;
        if (r.film.empty()) r.film = ld->film;
        if (!r.rating) r.rating = ld->rating;
        if (r.author.empty()) r.author = ld->author;
        if (r.date.empty()) r.date = ld->date;
        if (r.url.empty()) r.url = ld->url;
        r.year = ld->year;
        break;
    }
    if (!r.year && !r.date.empty()) r.year = parse_year(r.date);
    return r;
}

}  // namespace reel
