// Which databases reel-index updates and reel-search reads, by the schema version they record.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "reel/database.hpp"
#include "reel/errors.hpp"
#include "reel/schema.hpp"

namespace reel {
namespace {

namespace fs = std::filesystem;

// A committed database with one document, recording schema `version`.
fs::path database_of_schema(const std::string& version) {
    fs::path dir = fs::temp_directory_path() /
                   ("reel-schema-test-" + version + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    db.set_metadata(std::string(schema::kSchemaVersionKey), version);
    Xapian::Document doc;
    doc.add_term("whiplash");
    db.add_document(doc);
    db.commit();
    return dir;
}

std::string schema_of(const fs::path& dir) {
    return Xapian::Database(dir.string()).get_metadata(std::string(schema::kSchemaVersionKey));
}

TEST(SchemaVersions, AnUpdateOfSchemaThreeOrFourKeepsItsReviewsAndMovesItOn) {
    for (std::string version : {"3", "4"}) {
        fs::path dir = database_of_schema(version);
        {
            Xapian::WritableDatabase db = open_for_writing(dir, false, 0);
            EXPECT_EQ(db.get_doccount(), 1u);
            db.commit();
        }
        // A reel-search of schema 4 then refuses it, rather than fail on records with emphasis.
        EXPECT_EQ(schema_of(dir), "5");
        fs::remove_all(dir);
    }
}

TEST(SchemaVersions, OlderSchemasAskForARebuild) {
    fs::path dir = database_of_schema("2");
    try {
        open_for_writing(dir, false, 0);
        FAIL() << "schema 2 opened for writing";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("--rebuild"), std::string::npos) << e.what();
    }
    EXPECT_EQ(schema_of(dir), "2");
    // Searching it is fine (its phrases use positions).
    EXPECT_NO_THROW(open_for_reading(dir));
    fs::remove_all(dir);
}

TEST(SchemaVersions, ASearcherRefusesADatabaseOfANewerSchema) {
    fs::path dir = database_of_schema("99");
    try {
        open_for_reading(dir);
        FAIL() << "schema 99 opened for reading";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("newer reel-index"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(dir.string()), std::string::npos) << e.what();
    }
    fs::remove_all(dir);
    fs::path current = database_of_schema(std::string(schema::kSchemaVersion));
    EXPECT_NO_THROW(open_for_reading(current));
    fs::remove_all(current);
}

// A fresh build fills the database only when it compacts its scratch segments at the end: a
// search meanwhile said "no reviews match". Empty with segments beside it, it says why.
TEST(OpenForReading, AnEmptyDatabaseBeingBuiltSaysSo) {
    fs::path parent = fs::temp_directory_path() / ("reel-building-" + std::to_string(::getpid()));
    fs::remove_all(parent);
    fs::create_directories(parent);
    fs::path dir = parent / "reviews.db";
    {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        db.set_metadata(std::string(schema::kSchemaVersionKey),
                        std::string(schema::kSchemaVersion));
        db.commit();
    }
    EXPECT_NO_THROW(open_for_reading(dir));  // empty, and nothing is building it
    fs::create_directories(parent / (scratch_prefix(dir) + "segment0"));
    try {
        open_for_reading(dir);
        FAIL() << "an empty database being built opened as if it had no reviews";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("while reel-index builds it"), std::string::npos)
            << e.what();
    }
    fs::remove_all(parent);
}

TEST(OpenForWriting, AFolderThatCannotBeMadeIsNotCalledCorrupt) {
    fs::path dir = fs::temp_directory_path() / ("reel-no-parent-" + std::to_string(::getpid())) /
                   "missing" / "reviews.db";
    try {
        open_for_writing(dir, false, 0);
        FAIL() << "a database was created under a missing folder";
    } catch (const DatabaseError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("cannot create database '" + dir.string() + "'"), std::string::npos)
            << what;
        EXPECT_NE(what.find("No such file or directory"), std::string::npos) << what;
        EXPECT_EQ(what.find("corrupt"), std::string::npos) << what;
    }
}

TEST(OpenForWriting, AFolderOfOtherFilesIsNoDatabase) {
    fs::path dir = fs::temp_directory_path() / ("reel-own-folder-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "reviews");
    std::ofstream(dir / "whiplash.txt") << "Not my tempo.\n";
    for (bool rebuild : {false, true}) {
        try {
            open_for_writing(dir, rebuild, 0);
            FAIL() << "a database was written among the user's files";
        } catch (const DatabaseError& e) {
            std::string what = e.what();
            EXPECT_NE(what.find("'" + dir.string() + "' is a folder of other files"),
                      std::string::npos)
                << what;
        }
        std::size_t entries = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
        EXPECT_EQ(entries, 2u) << "the folder was left as it was";
    }
    // A new or empty folder becomes the database.
    fs::remove_all(dir);
    fs::create_directories(dir);
    EXPECT_NO_THROW(open_for_writing(dir, false, 0));
    EXPECT_NO_THROW(open_for_writing(dir, false, 0));  // and opens again
    fs::remove_all(dir);
}

}  // namespace
}  // namespace reel
