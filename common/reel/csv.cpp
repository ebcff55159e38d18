#include "reel/csv.hpp"

namespace reel {

CsvReader::CsvReader(std::istream& in, char delimiter, std::size_t max_field_bytes)
    : in_(in), delim_(delimiter), max_field_(max_field_bytes) {}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    truncated_ = false;
    if (gave_up_) return false;
    std::streambuf* buf = in_.rdbuf();
    int c = buf->sgetc();
    if (c == std::char_traits<char>::eof()) return false;
    line_ = next_line_;

    std::string field;
    bool quoted = false;      // inside a quoted section
    bool was_quoted = false;  // the field began with a quote
    std::size_t skipped = 0;
    auto push = [&](char ch) {
        if (field.size() < max_field_) {
            field += ch;
        } else {
            truncated_ = true;
            ++skipped;
        }
    };
    while (true) {
        if (skipped / 8 > max_field_) {
            gave_up_ = true;
            fields.push_back(std::move(field));
            return true;
        }
        c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            if (quoted) unbalanced_ = true;
            fields.push_back(std::move(field));
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
            was_quoted = false;
        } else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && buf->sgetc() == '\n') buf->sbumpc();
            ++next_line_;
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
