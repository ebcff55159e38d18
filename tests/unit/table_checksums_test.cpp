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

}  // namespace
