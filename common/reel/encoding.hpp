// From file bytes to text: byte-order marks, UTF-16, binary files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reel {

// Returns the bytes as UTF-8-ish text (still to be repaired by normalize_text): UTF-16 with a BOM
// is converted, a UTF-8 BOM dropped. Throws InputError when the bytes look binary (NUL bytes or
// control characters in a large share of the first 8 KiB). Stray NULs in text are dropped, with a
// note appended to `notes`.
std::string bytes_to_text(std::string bytes, std::vector<std::string>& notes);

}  // namespace reel
