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

int max_nesting_estimate(std::string_view html) {
    int depth = 0, max_depth = 0;
    for (std::size_t i = 0; i + 1 < html.size(); ++i) {
        if (html[i] != '<') continue;
        char next = html[i + 1];
        if (next == '/') {
            if (depth > 0) --depth;
        } else if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) {
            std::size_t close = html.find('>', i);
            if (close != std::string_view::npos && close > 0 && html[close - 1] == '/') continue;
            max_depth = std::max(max_depth, ++depth);
        }
    }
    return max_depth;
}

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

bool is_emphasis(GumboTag tag) {
    return tag == GUMBO_TAG_I || tag == GUMBO_TAG_EM || tag == GUMBO_TAG_CITE;
}

std::string attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : "";
}

struct Extraction {
    std::string text;
    std::vector<TextSpan> emphasis;
    std::string title;
    std::string author;
    std::string date;
};

void read_head(const GumboNode* node, Extraction& out) {
    // <title> and a few <meta> tags; the head is shallow, so plain recursion is fine here.
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_TITLE && e.children.length > 0) {
        auto* child = static_cast<const GumboNode*>(e.children.data[0]);
        if (child->type == GUMBO_NODE_TEXT) out.title = child->v.text.text;
    } else if (e.tag == GUMBO_TAG_META) {
        std::string name = attribute(e, "name") + attribute(e, "property");
        if (name == "author") out.author = attribute(e, "content");
        if (name == "date" || name == "article:published_time") out.date = attribute(e, "content");
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
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GumboNode* node = f.node;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
            out.text += node->v.text.text;
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
            if (is_invisible(tag)) {
                stack.pop_back();
                continue;
            }
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
        stack.pop_back();
    }
}

}  // namespace

Review parse_html(std::string_view bytes, std::vector<std::string>& warnings) {
    std::string html = bytes_to_text(std::string(bytes), warnings);
    bool repaired = false;
    html = repair_utf8(html, &repaired);
    if (repaired) warnings.push_back("invalid UTF-8 repaired");

    Review r;
    if (max_nesting_estimate(html) > kMaxNesting) {
        warnings.push_back("HTML nested too deeply to parse; text taken without markup");
        NormalizedText t = normalize_text(html);
        r.text = std::move(t.text);
        return r;
    }

    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> doc(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
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
    if (!r.date.empty()) r.year = parse_year(r.date);
    return r;
}

}  // namespace reel
