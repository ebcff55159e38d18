// HTML character references (&amp;, &eacute;, &#8217;, &#x2019;), which also turn up in plain-text
// reviews copied from the web.
#pragma once

#include <string>
#include <string_view>

namespace reel {

// Decodes the character reference starting at in[pos] (which must be '&'). On success appends the
// character(s) to `out`, advances `pos` past the reference and returns true; otherwise returns
// false and leaves both untouched.
bool decode_html_entity(std::string_view in, std::size_t& pos, std::string& out);

// Decodes every character reference in `in`; anything that is not one is copied as is.
std::string decode_html_entities(std::string_view in);

}  // namespace reel
