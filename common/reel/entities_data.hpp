// The word lists of common/data/, compiled into the library (see common/CMakeLists.txt).
#pragma once

#include <string_view>
#include <vector>

namespace reel {

// The text of common/data/<name>.txt, or an empty view when there is no such list.
std::string_view embedded_data(std::string_view name);

// The lines of that list that hold a word: trimmed, blank lines and '#' comments left out.
std::vector<std::string_view> embedded_lines(std::string_view name);

}  // namespace reel
