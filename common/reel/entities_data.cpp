#include "reel/entities_data.hpp"

#include <algorithm>

namespace reel {

std::vector<std::string_view> embedded_lines(std::string_view name) {
    std::vector<std::string_view> lines;
    std::string_view text = embedded_data(name);
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = std::min(text.find('\n', i), text.size());
        std::string_view line = text.substr(i, j - i);
        i = j + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        if (!line.empty() && line.front() != '#') lines.push_back(line);
    }
    return lines;
}

}  // namespace reel
