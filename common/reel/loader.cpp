#include "reel/loader.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "reel/csv.hpp"
#include "reel/encoding.hpp"
#include "reel/errors.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

std::string lower_extension(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    for (auto& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return ext;
}

std::ifstream open_input(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("cannot open: {}", std::strerror(errno)));
    return in;
}

// Reads at most `cap` bytes; `truncated` tells whether there was more.
std::string read_capped(const std::filesystem::path& path, std::size_t cap, bool& truncated) {
    std::ifstream in = open_input(path);
    std::string data;
    char buf[1 << 16];
    while (data.size() < cap && in.read(buf, sizeof buf).gcount() > 0) {
        data.append(buf, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw InputError(fmt::format("read error: {}", std::strerror(errno)));
    truncated = data.size() > cap || (data.size() == cap && in.peek() != EOF);
    if (data.size() > cap) data.resize(cap);
    return data;
}

// Streamed formats are read whole, so a binary file (or a 2 GB sparse one) is turned away by
// its first bytes, with the same test the text formats get.
void reject_binary(const std::filesystem::path& path) {
    bool truncated = false;
    std::vector<std::string> notes;
    bytes_to_text(read_capped(path, 8192, truncated), notes);
}

// The stream a streamed format (JSON Lines, CSV) is parsed from: the file itself, or, when it
// is UTF-16 (Excel's "Unicode Text" and Notepad save it so, with a byte-order mark), its text
// converted to UTF-8 in memory, as the parsers read bytes. Such a file is read whole, so one
// larger than `cap` is turned away.
std::unique_ptr<std::istream> open_stream(const std::filesystem::path& path, std::size_t cap,
                                          std::vector<std::string>& warnings) {
    auto file = std::make_unique<std::ifstream>(open_input(path));
    char bom[2] = {};
    file->read(bom, 2);
    if (!starts_with_utf16_bom(std::string_view(bom, static_cast<std::size_t>(file->gcount())))) {
        file->clear();
        file->seekg(0);
        return file;
    }
    bool truncated = false;
    std::string bytes = read_capped(path, cap, truncated);
    if (truncated) {
        throw InputError(
            fmt::format("UTF-16 file larger than {}; save it as UTF-8", describe_size(cap)));
    }
    return std::make_unique<std::istringstream>(bytes_to_text(std::move(bytes), warnings));
}

bool blank(const std::string& s) {
    return s.find_first_not_of(" \n") == std::string::npos;
}

// Cuts a review's text to at most `cap` bytes without splitting a UTF-8 sequence, dropping
// emphasis spans past the cut. Returns whether anything was cut.
bool cut_review(Review& r, std::size_t cap) {
    if (r.text.size() <= cap) return false;
    std::size_t end = utf8_prefix(r.text, cap).size();
    r.text.resize(end);
    std::erase_if(r.emphasis, [&](const TextSpan& s) { return s.begin >= end; });
    for (TextSpan& s : r.emphasis) s.end = std::min(s.end, end);
    return true;
}

}  // namespace

std::string describe_size(std::size_t bytes) {
    auto in_unit = [](double amount, const char* unit) {
        std::string text = fmt::format("{:.1f}", amount);
        if (text.ends_with(".0")) text.resize(text.size() - 2);
        return text + unit;
    };
    if (bytes >= (1u << 20)) return in_unit(bytes / double(1u << 20), " MiB");
    if (bytes >= (1u << 10)) return in_unit(bytes / double(1u << 10), " KiB");
    return fmt::format("{} bytes", bytes);
}

std::optional<Format> format_for(const std::filesystem::path& path) {
    std::string ext = lower_extension(path);
    if (ext == ".txt" || ext == ".text") return Format::text;
    if (ext == ".md" || ext == ".markdown") return Format::markdown;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::html;
    if (ext == ".json") return Format::json;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::jsonl;
    if (ext == ".csv") return Format::csv;
    return std::nullopt;
}

LoadResult load_file(const std::filesystem::path& path, Format format, const LoadOptions& options) {
    LoadResult result;
    auto& warnings = result.warnings;
    bool multi = false;
    switch (format) {
        case Format::text:
        case Format::markdown:
        case Format::html: {
            bool truncated = false;
            std::string bytes = read_capped(path, options.max_review_bytes, truncated);
            if (truncated) {
                std::string limit = describe_size(options.max_review_bytes);
                warnings.push_back(
                    fmt::format("longer than {}: only the first {} indexed", limit, limit));
            }
            if (bytes.empty()) throw InputError("empty file");
            result.reviews.push_back(format == Format::text       ? parse_text(bytes, warnings)
                                     : format == Format::markdown ? parse_markdown(bytes, warnings)
                                                                  : parse_html(bytes, warnings));
            break;
        }
        case Format::json: {
            bool truncated = false;
            std::string bytes = read_capped(path, options.max_json_bytes, truncated);
            if (truncated) {
                throw InputError(fmt::format("JSON file larger than {}; split it or use JSON Lines",
                                             describe_size(options.max_json_bytes)));
            }
            if (bytes.empty()) throw InputError("empty file");
            // UTF-16 is converted as for the text formats; JSON's own parser reads UTF-8 only.
            if (starts_with_utf16_bom(bytes)) bytes = bytes_to_text(std::move(bytes), warnings);
            bool single = false;
            result.reviews = parse_json(bytes, options.fields, warnings, &single);
            multi = !single;
            break;
        }
        case Format::jsonl: {
            reject_binary(path);
            auto in = open_stream(path, options.max_json_bytes, warnings);
            // As for the other formats: no bytes at all may be a file being written.
            if (in->peek() == std::char_traits<char>::eof()) throw InputError("empty file");
            result.reviews = parse_jsonl(*in, options.fields, options.max_review_bytes, warnings);
            multi = true;
            break;
        }
        case Format::csv: {
            reject_binary(path);
            auto in = open_stream(path, options.max_json_bytes, warnings);
            result.reviews = parse_csv(*in, sniff_csv_delimiter(*in), options.fields,
                                       options.max_review_bytes, warnings);
            multi = true;
            break;
        }
    }

    std::string abs = path.string();
    std::vector<Review> kept;
    kept.reserve(result.reviews.size());
    std::size_t empty = 0, cut = 0, unreadable = 0;
    for (std::size_t i = 0; i < result.reviews.size(); ++i) {
        Review& r = result.reviews[i];
        if (blank(r.text)) {
            // Skipped records have had their warning.
            ++(r.record == kSkippedRecord ? unreadable : empty);
            continue;
        }
        // Text formats are cut as they are read; records of the others only now.
        if (multi || format == Format::json) cut += cut_review(r, options.max_review_bytes);
        r.path = abs;
        r.record = multi ? static_cast<int>(i + 1) : 0;
        r.id = multi ? fmt::format("{}#{}", abs, i + 1) : abs;
        kept.push_back(std::move(r));
    }
    result.reviews = std::move(kept);
    if (cut > 0) {
        std::string limit = describe_size(options.max_review_bytes);
        warnings.push_back(fmt::format("{} review(s) longer than {}: only the first {} indexed",
                                       cut, limit, limit));
    }
    if (result.reviews.empty() && empty == 0 && !warnings.empty()) {
        // Every record was skipped with a warning of its own: that reason is the file's (the
        // warnings themselves are not shown for a file that fails).
        throw InputError(fmt::format(
            "no readable record ({}{})", warnings.front(),
            warnings.size() > 1 ? fmt::format("; {} more warnings", warnings.size() - 1) : ""));
    }
    if (result.reviews.empty()) {
        std::string why = empty > 1 ? fmt::format("no review text in any of its {} records", empty)
                                    : std::string("no review text");
        // A record that could not be read may hold a review: the file's content is not known.
        if (unreadable > 0) throw InputError(fmt::format("{}, {} unreadable", why, unreadable));
        throw NoReviewError(why);
    }
    if (empty > 0)
        warnings.push_back(fmt::format("{} record(s) without review text skipped", empty));
    return result;
}

}  // namespace reel
