// Text analysis over arbitrary bytes: repair_utf8 always yields valid UTF-8 (and leaves valid
// input alone), normalize_text keeps its emphasis spans inside the text, folding never breaks
// UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "check_review.hpp"
#include "reel/text_normalize.hpp"
#include "reel/unicode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using reel::fuzz::valid_utf8;
    std::string_view raw(reinterpret_cast<const char*>(data), size);

    bool repaired = false;
    std::string utf8 = reel::repair_utf8(raw, &repaired);
    if (!valid_utf8(utf8)) std::abort();
    if (!repaired && utf8 != raw) std::abort();

    reel::NormalizedText t = reel::normalize_text(raw);
    if (!valid_utf8(t.text)) std::abort();
    for (const reel::TextSpan& span : t.emphasis) {
        if (span.begin > span.end || span.end > t.text.size()) std::abort();
    }
    if (!valid_utf8(reel::normalize_chars(utf8))) std::abort();
    if (!valid_utf8(reel::fold(utf8))) std::abort();
    if (!valid_utf8(reel::collapse_spaces(utf8))) std::abort();
    if (!valid_utf8(reel::printable(raw))) std::abort();
    return 0;
}
