#include "reel/snippet_cuts.hpp"

#include "reel/text_normalize.hpp"

namespace reel {

std::string mark_cuts(std::string_view text, std::string snippet, std::string_view start,
                      std::string_view end) {
    constexpr std::string_view kCut = "...";
    std::string core = snippet;
    for (std::string_view marker : {start, end}) {
        if (marker.empty()) continue;
        for (std::size_t at; (at = core.find(marker)) != std::string::npos;)
            core.erase(at, marker.size());
    }
    bool cut_before = core.starts_with(kCut), cut_after = core.ends_with(kCut);
    if (cut_before) core.erase(0, kCut.size());
    if (cut_after && core.size() >= kCut.size()) core.erase(core.size() - kCut.size());
    if (core.empty()) return snippet;
    std::string all = collapse_spaces(text);
    std::size_t at = all.find(core);
    if (at == std::string::npos) return snippet;
    if (cut_after && at + core.size() == all.size()) snippet.erase(snippet.size() - kCut.size());
    if (!cut_before && at > 0) {
        // What ends before it: a sentence ends with . ! or ?, and a full stop after a lone
        // capital is an initial's.
        std::size_t p = at;
        while (p > 0 && all[p - 1] == ' ') --p;
        while (p > 0 && (all[p - 1] == '"' || all[p - 1] == '\'' || all[p - 1] == ')')) --p;
        char last = p > 0 ? all[p - 1] : '.';
        bool initial = last == '.' && p >= 2 && all[p - 2] >= 'A' && all[p - 2] <= 'Z' &&
                       (p == 2 || all[p - 3] == ' ' || all[p - 3] == '.');
        if ((last != '.' && last != '!' && last != '?') || initial) snippet.insert(0, kCut);
    }
    return snippet;
}

}  // namespace reel
