// A small reel database built with the indexer's own pieces (DocumentBuilder, stem synonyms,
// shared word hashes), for tests that search.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "reel/document_builder.hpp"
#include "reel/entity_catalogue.hpp"
#include "reel/schema.hpp"
#include "reel/search.hpp"
#include "reel/stem_forms.hpp"
#include "reel/word_sequence.hpp"

namespace reel::test {

class TestDatabase {
  public:
    // A fresh database in the temp folder, named after `name` and this process.
    explicit TestDatabase(const std::string& name)
        : path_(std::filesystem::temp_directory_path() /
                (name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        db_ = Xapian::WritableDatabase(path_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        db_.set_metadata(std::string(schema::kSchemaVersionKey),
                         std::string(schema::kSchemaVersion));
    }

    void add(const Review& review, const ExtractedEntities& entities = {}) {
        db_.add_document(builder_.build(review, entities, synonyms_));
        for (const Entity& e : entities.people) catalogue_.add(EntityKind::person, e, +1);
        for (const Entity& e : entities.films) catalogue_.add(EntityKind::film, e, +1);
    }

    // Writes what reel-index writes at a commit besides the documents, and commits.
    std::filesystem::path commit() {
        StemForms stems;
        for (const auto& s : synonyms_) stems.add(s);
        stems.flush(db_);
        catalogue_.apply(db_);
        db_.set_metadata(std::string(schema::kSharedHashesKey), find_shared_hashes(db_));
        db_.commit();
        db_.close();
        return path_;
    }

  private:
    std::filesystem::path path_;
    Xapian::WritableDatabase db_;
    DocumentBuilder builder_;
    std::vector<StemSynonym> synonyms_;
    CatalogueDelta catalogue_;
};

// The paths of the reviews `query` finds in the database at `db`, sorted.
inline std::vector<std::string> found_paths(const std::filesystem::path& db,
                                            const std::string& query, bool any = false) {
    Searcher searcher(db);
    SearchOptions options;
    options.query.match_any = any;
    options.snippets = false;
    std::vector<std::string> out;
    for (const Hit& h : searcher.search(query, options).hits) out.push_back(h.stored.review.path);
    std::sort(out.begin(), out.end());
    return out;
}

// A test suite searching one database that its SetUpTestSuite builds into dir_ (one per
// suite, removed after it).
template <typename Suite>
class SearchSuite : public ::testing::Test {
  protected:
    static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

    std::vector<std::string> paths(const std::string& query, bool any = false) {
        return found_paths(dir_, query, any);
    }

    static inline std::filesystem::path dir_;
};

}  // namespace reel::test
