// The document model: one review, as every input format delivers it and as the index stores it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace reel {

// A byte range [begin, end) of Review::text.
struct TextSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const TextSpan&) const = default;
};

struct Review {
    std::string id;  // stable: the source path, plus "#N" for the Nth record of a multi-record file
    std::string path;  // source file, absolute and lexically normal
    int record = 0;    // 0 for a one-review file, else 1-based record number

    std::string text;  // the review body: valid UTF-8, normalised (see text_normalize.hpp)
    std::string title;
    std::string film;  // the film under review, from metadata
    std::string author;
    std::string date;  // as given (ISO 8601 preferred)
    std::string url;
    std::optional<double> rating;  // on a 0-10 scale
    std::optional<int> year;       // the film's year, else the review's

    // Spans of `text` that the source set in italics or emphasis (<i>, <em>, *x*, _x_):
    // film titles often are, so entity extraction uses them as a cue.
    std::vector<TextSpan> emphasis;
};

}  // namespace reel
