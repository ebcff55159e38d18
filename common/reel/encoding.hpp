// From file bytes to text: byte-order marks, UTF-16, binary files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reel {

// Text without the UTF-8 byte-order mark some editors (Windows Notepad) put first.
inline std::string_view without_utf8_bom(std::string_view text) {
    return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}
inline void drop_utf8_bom(std::string& text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
}

// Whether the bytes start with a UTF-16 byte-order mark (little- or big-endian).
inline bool starts_with_utf16_bom(std::string_view bytes) {
    return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

// Returns the bytes as UTF-8-ish text (still to be repaired by normalize_text): UTF-16 with a BOM
// is converted, a UTF-8 BOM dropped. Throws InputError when the bytes look binary (NUL bytes or
// control characters in a large share of the first 8 KiB). Stray NULs in text are dropped, with a
// note appended to `notes`.
std::string bytes_to_text(std::string bytes, std::vector<std::string>& notes);

}  // namespace reel
