#include "reel/table_checksums.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "reel/errors.hpp"

namespace fs = std::filesystem;
using namespace reel;

namespace {

class TableChecksums : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("reel-checksums-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        Xapian::WritableDatabase db(dir_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::Document doc;
        doc.add_term("drum");
        doc.set_data("not quite my tempo");
        db.add_document(doc);
        db.commit();
        revision_ = db.get_revision();
    }
    void TearDown() override { fs::remove_all(dir_); }

    void flip_a_byte(const std::string& file) {
        std::fstream f(dir_ / file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(100);
        char c = 0;
        f.read(&c, 1);
        f.seekp(100);
        c = static_cast<char>(c ^ 0x5a);
        f.write(&c, 1);
    }

    fs::path dir_;
    Xapian::rev revision_ = 0;
};

TEST_F(TableChecksums, UntouchedDatabasePasses) {
    EXPECT_FALSE(check_table_checksums(dir_, revision_));  // nothing recorded yet
    record_table_checksums(dir_, revision_);
    EXPECT_TRUE(check_table_checksums(dir_, revision_));
}

TEST_F(TableChecksums, DamagedTableIsNamed) {
    record_table_checksums(dir_, revision_);
    flip_a_byte("postlist.glass");
    try {
        check_table_checksums(dir_, revision_);
        FAIL() << "damage not found";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("postlist.glass"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("--rebuild"), std::string::npos) << e.what();
    }
}

TEST_F(TableChecksums, RecordOfAnOlderRevisionIsNotDamage) {
    // A run killed between its commit and its record leaves the previous record behind.
    record_table_checksums(dir_, revision_);
    {
        Xapian::WritableDatabase db(dir_.string());
        db.add_document(Xapian::Document());
        db.commit();
        EXPECT_FALSE(check_table_checksums(dir_, db.get_revision()));
    }
}

// Readers judge by size and modification time, and sum the files only when those moved.
TEST_F(TableChecksums, ReaderFindsATableChangedSinceTheRecord) {
    record_table_checksums(dir_, revision_);
    Xapian::Database db(dir_.string());
    EXPECT_NO_THROW(check_tables_unchanged(dir_, db));
    flip_a_byte("docdata.glass");
    fs::last_write_time(dir_ / "docdata.glass",
                        fs::last_write_time(dir_ / "docdata.glass") + std::chrono::seconds(5));
    try {
        check_tables_unchanged(dir_, db);
        FAIL() << "damage not found";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("docdata.glass"), std::string::npos) << e.what();
    }
}

TEST_F(TableChecksums, ReaderAcceptsTablesTouchedButUnchanged) {
    // A copy (cp -r) gives every file a new time: the sums then show nothing changed.
    record_table_checksums(dir_, revision_);
    for (const char* file : {"postlist.glass", "iamglass"}) {
        fs::last_write_time(dir_ / file,
                            fs::last_write_time(dir_ / file) + std::chrono::seconds(5));
    }
    Xapian::Database db(dir_.string());
    EXPECT_NO_THROW(check_tables_unchanged(dir_, db));
}

TEST_F(TableChecksums, ReaderDoesNotJudgeWhileAWriterHoldsTheLock) {
    record_table_checksums(dir_, revision_);
    Xapian::Database reader(dir_.string());
    Xapian::WritableDatabase writer(dir_.string());
    writer.add_document(Xapian::Document());
    writer.commit();  // tables change before reel-index records them
    EXPECT_NO_THROW(check_tables_unchanged(dir_, reader));
}

TEST_F(TableChecksums, RecordsWithoutTimesAreStillChecked) {
    // reel-checksums 1 (before times were recorded): the writer's check still reads it.
    record_table_checksums(dir_, revision_);
    std::ifstream in(dir_ / kChecksumFile);
    std::string line, v1 = "reel-checksums 1\n";
    std::getline(in, line);
    while (std::getline(in, line)) {
        if (line.starts_with("revision")) {
            v1 += line + "\n";
        } else {
            v1 += line.substr(0, line.rfind(' ')) + "\n";
        }
    }
    in.close();
    std::ofstream(dir_ / kChecksumFile, std::ios::trunc) << v1;
    EXPECT_TRUE(check_table_checksums(dir_, revision_));
    flip_a_byte("postlist.glass");
    EXPECT_THROW(check_table_checksums(dir_, revision_), DatabaseError);
    Xapian::Database db(dir_.string());
    EXPECT_NO_THROW(check_tables_unchanged(dir_, db));  // no times: readers cannot judge
}

}  // namespace
