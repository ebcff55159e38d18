#include "reel/table_checksums.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "reel/errors.hpp"

namespace fs = std::filesystem;

namespace reel {
namespace {

// Version 2 adds each file's modification time, so that a reader can tell cheaply that nothing
// changed; version 1 records (size and CRC only) are still read.
constexpr std::string_view kHeader = "reel-checksums 2";
constexpr std::string_view kHeaderV1 = "reel-checksums 1";

// Xapian's version file and tables; the lock file and scratch files change without a commit.
bool is_checked(const std::string& name) {
    return name == "iamglass" || name.ends_with(".glass");
}

struct FileSum {
    std::uintmax_t size = 0;
    unsigned long crc = 0;
    long long mtime = 0;  // file_clock ticks
};

long long mtime_of(const fs::path& path, std::error_code& ec) {
    return static_cast<long long>(fs::last_write_time(path, ec).time_since_epoch().count());
}

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
    std::error_code ec;
    sum.mtime = mtime_of(path, ec);
    if (ec) throw DatabaseError(fmt::format("cannot read '{}': {}", path.string(), ec.message()));
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
        out << name << ' ' << sum.size << ' ' << sum.crc << ' ' << sum.mtime << '\n';
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

namespace {

struct Record {
    bool has_times = false;
    std::map<std::string, FileSum> files;
};

// The record of `revision`, if the database has one.
std::optional<Record> read_record(const fs::path& db, Xapian::rev revision) {
    std::ifstream in(db / kChecksumFile);
    std::string header, word;
    Xapian::rev recorded = 0;
    if (!in || !std::getline(in, header) || (header != kHeader && header != kHeaderV1) ||
        !(in >> word >> recorded) || word != "revision" || recorded != revision) {
        return std::nullopt;
    }
    Record record;
    record.has_times = header == kHeader;
    std::string name;
    FileSum sum;
    while (in >> name >> sum.size >> sum.crc && (!record.has_times || in >> sum.mtime))
        record.files[name] = sum;
    return record;
}

// Why the files differ from the record, or "" when they do not.
std::string compare_sums(const fs::path& db, const Record& record) {
    std::map<std::string, FileSum> actual = sum_database(db);
    for (const auto& [file, want] : record.files) {
        auto it = actual.find(file);
        std::string why = it == actual.end()             ? "is missing"
                          : it->second.size != want.size ? "has changed size"
                          : it->second.crc != want.crc   ? "has changed"
                                                         : "";
        if (!why.empty()) {
            return fmt::format(
                "database '{}' is damaged: its file '{}' {} since reel-index last wrote it; "
                "rebuild it with 'reel-index --rebuild'",
                db.string(), file, why);
        }
    }
    return "";
}

}  // namespace

bool check_table_checksums(const fs::path& db, Xapian::rev revision) {
    std::optional<Record> record = read_record(db, revision);
    if (!record) return false;
    if (std::string damage = compare_sums(db, *record); !damage.empty())
        throw DatabaseError(damage);
    return true;
}

void check_tables_unchanged(const fs::path& db, const Xapian::Database& opened) {
    std::optional<Record> record = read_record(db, opened.get_revision());
    if (!record || !record->has_times) return;
    bool touched = std::any_of(record->files.begin(), record->files.end(), [&](const auto& f) {
        std::error_code size_ec, time_ec;
        fs::path path = db / f.first;
        return fs::file_size(path, size_ec) != f.second.size ||
               mtime_of(path, time_ec) != f.second.mtime || size_ec || time_ec;
    });
    // A running reel-index changes the files before it records them: nothing to judge then.
    if (!touched || opened.locked()) return;
    std::string damage = compare_sums(db, *record);
    if (damage.empty()) return;
    // A reel-index run may have committed, recorded and gone since the record was read.
    if (!read_record(db, opened.get_revision()) ||
        Xapian::Database(db.string()).get_revision() != opened.get_revision()) {
        return;
    }
    throw DatabaseError(damage);
}

}  // namespace reel
