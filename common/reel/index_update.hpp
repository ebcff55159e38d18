// One run of reel-index: bring the database in line with the input folders.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "reel/loader.hpp"

namespace reel {

struct IndexOptions {
    std::filesystem::path db;
    std::vector<std::filesystem::path> inputs;
    bool rebuild = false;           // start from an empty database
    bool extract_entities = true;   // find people and films in the text
    std::filesystem::path catalog;  // optional film catalogue (CSV/TSV) for entity linking
    LoadOptions load;
    unsigned jobs = 0;  // analysis threads; 0 = one per core
    // Reviews per commit; an interrupted run keeps each committed batch. Unless it was given
    // (batch_size_given), a fresh build writes parallel shards and commits once at the end.
    std::size_t batch_size = 5000;
    bool batch_size_given = false;
    // Fresh parallel builds: reviews per scratch segment (see index_update.cpp for the choice).
    std::size_t segment_reviews = 4000;
    double wait_seconds = 0;  // how long to wait for another writer's lock
};

struct IndexProgress {
    std::size_t files_done = 0, files_total = 0;
    std::uintmax_t bytes_done = 0, bytes_total = 0;
};

class IndexObserver {
  public:
    virtual ~IndexObserver() = default;
    virtual void warning(const std::string& path, const std::string& message) = 0;
    virtual void progress(const IndexProgress&) {}
};

struct IndexSummary {
    std::size_t added = 0, updated = 0, deleted = 0, unchanged = 0;  // files
    std::size_t skipped = 0;  // files that could not be read (see the warnings)
    std::size_t ignored = 0;  // files of other types
    std::size_t reviews = 0;  // reviews written in this run
    std::size_t warnings = 0;
    double seconds = 0;
    bool interrupted = false;  // `stop` was raised; every completed file was committed
};

// Adds new files, re-indexes changed ones and deletes the reviews of files that disappeared
// from under the inputs. Commits in batches of whole files. Throws DatabaseError and
// UsageError, and Interrupted when `stop` is raised while waiting for the database's lock;
// problems with single inputs are reported to `observer` and skipped.
IndexSummary update_index(const IndexOptions& options, IndexObserver& observer,
                          const std::atomic<bool>& stop);

}  // namespace reel
