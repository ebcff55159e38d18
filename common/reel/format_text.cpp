#include "reel/encoding.hpp"
#include "reel/loader.hpp"
#include "reel/text_normalize.hpp"

namespace reel {

Review parse_text(std::string_view bytes, std::vector<std::string>& warnings) {
    NormalizedText t = normalize_text(bytes_to_text(std::string(bytes), warnings));
    if (t.repaired_utf8) warnings.push_back("invalid UTF-8 repaired");
    Review r;
    r.text = std::move(t.text);
    r.emphasis = std::move(t.emphasis);
    return r;
}

}  // namespace reel
