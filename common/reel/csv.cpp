#include "reel/csv.hpp"

namespace reel {

namespace {

// Drops a UTF-8 sequence left incomplete at the end of `s`: a field cut at its size limit must
// not end in half a character, which repair would turn into stray Windows-1252 letters.
void drop_partial_utf8(std::string& s) {
    std::size_t lead = s.size();
    while (lead > 0 && s.size() - lead < 4 &&
           (static_cast<unsigned char>(s[lead - 1]) & 0xC0) == 0x80)
        --lead;
    if (lead == 0) return;
    auto b = static_cast<unsigned char>(s[lead - 1]);
    std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (len > 1 && s.size() - (lead - 1) < len) s.resize(lead - 1);
}

}  // namespace

CsvReader::CsvReader(std::istream& in, char delimiter, std::size_t max_field_bytes)
    : in_(in), delim_(delimiter), max_field_(max_field_bytes) {}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    truncated_ = text_after_quote_ = false;
    if (gave_up_) return false;
    std::streambuf* buf = in_.rdbuf();
    int c = buf->sgetc();
    if (c == std::char_traits<char>::eof()) return false;
    line_ = next_line_;

    std::string field;
    bool quoted = false;      // inside a quoted section
    bool was_quoted = false;  // the field began with a quote
    std::size_t skipped = 0;
    bool cut = false;  // the field reached max_field_: the rest of it is skipped
    auto push = [&](char ch) {
        if (!cut && field.size() < max_field_) {
            field += ch;
            return;
        }
        if (!cut) drop_partial_utf8(field);
        cut = truncated_ = true;
        ++skipped;
    };
    while (true) {
        if (skipped / 8 > max_field_) {
            gave_up_ = true;
            fields.push_back(std::move(field));
            end_line_ = next_line_;
            return true;
        }
        c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            if (quoted) unbalanced_ = true;
            fields.push_back(std::move(field));
            end_line_ = next_line_;
            return true;
        }
        char ch = static_cast<char>(c);
        if (quoted) {
            if (ch == '"') {
                if (buf->sgetc() == '"') {
                    buf->sbumpc();
                    push('"');
                } else {
                    quoted = false;
                    int after = buf->sgetc();
                    if (after != std::char_traits<char>::eof() && after != delim_ &&
                        after != '\n' && after != '\r')
                        text_after_quote_ = true;
                }
            } else {
                if (ch == '\n') ++next_line_;
                push(ch);
            }
            continue;
        }
        if (ch == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (ch == delim_) {
            fields.push_back(std::move(field));
            field.clear();
            was_quoted = cut = false;
        } else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && buf->sgetc() == '\n') buf->sbumpc();
            end_line_ = next_line_++;
            fields.push_back(std::move(field));
            return true;
        } else {
            push(ch);  // a stray quote inside an unquoted field is kept as text
        }
    }
}

char sniff_csv_delimiter(std::istream& in) {
    std::istream::pos_type start = in.tellg();
    std::string header;
    for (int c; header.size() < (64u << 10) && (c = in.get()) != std::char_traits<char>::eof() &&
                c != '\n';) {
        header += static_cast<char>(c);
    }
    in.clear();
    in.seekg(start);
    if (header.find(',') != std::string::npos) return ',';
    if (header.find(';') != std::string::npos) return ';';
    if (header.find('\t') != std::string::npos) return '\t';
    return ',';
}

}  // namespace reel
