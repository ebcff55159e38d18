#include "reel/table_checksums.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "reel/errors.hpp"

namespace fs = std::filesystem;

namespace reel {
namespace {

constexpr std::string_view kHeader = "reel-checksums 1";

// Xapian's version file and tables; the lock file and scratch files change without a commit.
bool is_checked(const std::string& name) {
    return name == "iamglass" || name.ends_with(".glass");
}

struct FileSum {
    std::uintmax_t size = 0;
    unsigned long crc = 0;
};

FileSum sum_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DatabaseError(fmt::format("cannot read '{}'", path.string()));
    FileSum sum;
    sum.crc = crc32(0L, Z_NULL, 0);
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        auto got = static_cast<std::size_t>(in.gcount());
        sum.crc =
            crc32(sum.crc, reinterpret_cast<const Bytef*>(buffer.data()), static_cast<uInt>(got));
        sum.size += got;
    }
    return sum;
}

std::map<std::string, FileSum> sum_database(const fs::path& db) {
    std::map<std::string, FileSum> sums;
    for (const auto& entry : fs::directory_iterator(db)) {
        std::string name = entry.path().filename().string();
        if (is_checked(name) && entry.is_regular_file()) sums[name] = sum_file(entry.path());
    }
    return sums;
}

}  // namespace

void record_table_checksums(const fs::path& db, Xapian::rev revision) {
    std::ostringstream out;
    out << kHeader << "\nrevision " << revision << '\n';
    for (const auto& [name, sum] : sum_database(db))
        out << name << ' ' << sum.size << ' ' << sum.crc << '\n';
    // Written aside and renamed, so a kill leaves the old record or the new one, never half.
    fs::path tmp = db / (std::string(kChecksumFile) + ".tmp");
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        file << out.str();
        if (!file.flush()) {
            throw DatabaseError(
                fmt::format("cannot write '{}' in database '{}'", tmp.string(), db.string()));
        }
    }
    fs::rename(tmp, db / kChecksumFile);
}

bool check_table_checksums(const fs::path& db, Xapian::rev revision) {
    std::ifstream in(db / kChecksumFile);
    std::string header, word;
    Xapian::rev recorded = 0;
    if (!in || !std::getline(in, header) || header != kHeader || !(in >> word >> recorded) ||
        word != "revision" || recorded != revision) {
        return false;
    }
    std::map<std::string, FileSum> expected;
    std::string name;
    FileSum sum;
    while (in >> name >> sum.size >> sum.crc) expected[name] = sum;

    std::map<std::string, FileSum> actual = sum_database(db);
    for (const auto& [file, want] : expected) {
        auto it = actual.find(file);
        std::string why = it == actual.end()             ? "is missing"
                          : it->second.size != want.size ? "has changed size"
                          : it->second.crc != want.crc   ? "has changed"
                                                         : "";
        if (!why.empty()) {
            throw DatabaseError(fmt::format(
                "database '{}' is damaged: its file '{}' {} since reel-index last wrote it; "
                "rebuild it with 'reel-index --rebuild'",
                db.string(), file, why));
        }
    }
    return true;
}

}  // namespace reel
