#include "reel/index_update.hpp"

#include <fmt/format.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_set>

#include "reel/catalog.hpp"
#include "reel/database.hpp"
#include "reel/document_builder.hpp"
#include "reel/entities.hpp"
#include "reel/entity_catalogue.hpp"
#include "reel/entity_key.hpp"
#include "reel/errors.hpp"
#include "reel/file_walk.hpp"
#include "reel/schema.hpp"
#include "reel/stored_review.hpp"
#include "reel/table_checksums.hpp"
#include "reel/word_sequence.hpp"

namespace reel {

namespace {

// Reviews held in memory at once for the evidence pass: corpus-wide evidence is complete for
// collections up to this size, and memory stays bounded beyond it.
constexpr std::uintmax_t kWindowBytes = 256u << 20;
// How far analysis threads may run ahead of the writer, in files.
constexpr std::size_t kMaxFilesAhead = 512;
// Below this many files a fresh build is quick anyway and skips the segment machinery.
constexpr std::size_t kMinFilesForSegments = 2000;
// Reviews per flush within a scratch segment. Xapian buffers postings in maps whose cost per
// posting grows with what they hold, so segments are flushed often: flushing 200 reviews into
// a small segment is cheap, and buffering 2,000 cost a third more CPU overall on the 50,000
// aclImdb reviews. Each flush rewrites the blocks holding the tails of its terms' postings,
// which grow with the segment, while compaction keeps each segment's postings of a term as a
// chunk of their own; IndexOptions::segment_reviews (4,000) sits between the two: 12,500
// wrote 5.8 GB through the page cache and ran less steadily (227 MB database), 2,000 wrote
// 2.2 GB (233 MB), 4,000 writes 3.0 GB (231 MB) at the same speed as 2,000.
constexpr std::size_t kSegmentFlushReviews = 200;
// Less free space than this after a failed write means the write failed for want of it: Xapian
// writes blocks of 8 KiB, a flush many of them.
constexpr std::uintmax_t kFullDiskBytes = 1u << 20;

struct FileWork {
    const InputFile* file = nullptr;
    bool known = false;  // indexed by an earlier run (so this is an update)
    std::optional<LoadResult> loaded;
    std::string error;
    bool holds_no_review = false;  // the error is a NoReviewError
    EntityEvidence evidence;
    // What the file's reviews indexed by an earlier run added to the evidence (known files).
    EntityEvidence indexed_evidence;
    bool taken_off = false;  // indexed_evidence was taken off the corpus evidence
    bool replaced = false;   // those reviews were taken out (by write())
    std::vector<Xapian::Document> docs;
    std::vector<ExtractedEntities> entities;
    std::vector<StemSynonym> synonyms;
    bool extracted = false;
    bool written = false;  // its reviews went to the database (or a segment of it)
    // Set by extract_all() when extract() threw for review number `unextracted`.
    std::size_t unextracted = SIZE_MAX;
    std::string extract_error;
};

struct KnownFile {
    std::string signature;
    std::string path;
};

// Where analysed files are written: the database itself, or a scratch segment of a fresh build.
struct Sink {
    explicit Sink(Xapian::WritableDatabase database) : db(std::move(database)) {}
    Xapian::WritableDatabase db;
    CatalogueDelta delta;
    std::size_t uncommitted = 0;
};

std::map<std::string, KnownFile> read_signatures(const Xapian::Database& db) {
    std::map<std::string, KnownFile> known;
    std::string prefix(schema::kFileSignaturePrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        std::string value = db.get_metadata(*it);
        auto tab = value.find('\t');
        if (tab == std::string::npos) continue;
        std::string path = value.substr(tab + 1);
        known[path] = {value.substr(0, tab), path};
    }
    return known;
}

// The path itself is in the value; the key only needs to be unique.
std::string signature_key(const std::string& path) {
    return std::string(schema::kFileSignaturePrefix) + schema::source_file_term(path).substr(1);
}

ExtractedEntities metadata_entities(const Review& r) {
    ExtractedEntities e;
    if (!r.film.empty()) e.films.push_back({r.film, film_key(r.film), {r.film}});
    return e;
}

class Run {
  public:
    Run(const IndexOptions& options, IndexObserver& observer, const std::atomic<bool>& stop)
        : options_(options),
          observer_(observer),
          stop_(stop),
          main_(open_for_writing(options.db, options.rebuild, options.wait_seconds, &stop)) {
        // Before anything is read or written: damaged tables can make Xapian loop or crash.
        opened_revision_ = main_.db.get_revision();
        checksums_current_ =
            !options.rebuild && check_table_checksums(options.db, opened_revision_);
        if (!options.catalog.empty())
            catalog_ = std::make_unique<Catalog>(Catalog::load(options.catalog.string()));
        extractor_ = std::make_unique<EntityExtractor>(catalog_.get());
        load_evidence();
    }

    IndexSummary run() {
        auto start = std::chrono::steady_clock::now();
        WalkResult walk =
            walk_inputs(options_.inputs, [&](const std::string& path, const std::string& why) {
                warn(path, why);
                ++summary_.skipped;
            });
        summary_.ignored = walk.ignored;
        if (walk.roots.empty()) throw UsageError("none of the inputs exists");

        std::map<std::string, KnownFile> known = read_signatures(main_.db);
        // Decided before the deletions below can empty the database: see use_segments().
        bool fresh = main_.db.get_doccount() == 0 && known.empty();
        std::vector<FileWork> todo;
        std::unordered_set<std::string> seen;
        for (const InputFile& f : walk.files) {
            seen.insert(f.path.native());
            auto it = known.find(f.path.native());
            if (it != known.end() && it->second.signature == f.signature) {
                ++summary_.unchanged;
                continue;
            }
            FileWork w;
            w.file = &f;
            w.known = it != known.end();
            todo.push_back(std::move(w));
        }
        for (const auto& [path, k] : known) {
            // Gone from under a root, or another name (through a symlink) of a file found under
            // the name given this time: either way its reviews would be stale or found twice.
            if (seen.count(path) || !(walk.covers(path) || walk.found_elsewhere(path))) continue;
            if (options_.extract_entities) evidence_.subtract(indexed_evidence(path));
            forget_file(path, main_);
            ++summary_.deleted;
        }

        bool reads_records = std::any_of(todo.begin(), todo.end(), [](const FileWork& w) {
            return w.file->format == Format::csv || w.file->format == Format::json ||
                   w.file->format == Format::jsonl;
        });
        progress_.files_total = todo.size();
        for (const FileWork& w : todo) progress_.bytes_total += w.file->size;

        // Holding the write lock, no other run can be using scratch folders: any there are
        // left by a killed run, whether or not this one builds segments.
        remove_leftovers();
        bool segmented = use_segments(fresh, todo.size());
        for (std::size_t begin = 0; begin < todo.size() && !stop_;) {
            std::size_t end = begin;
            std::uintmax_t bytes = 0;
            while (end < todo.size() &&
                   (end == begin || bytes + todo[end].file->size <= kWindowBytes)) {
                bytes += todo[end++].file->size;
            }
            EntityEvidence before_window = options_.extract_entities ? evidence_ : EntityEvidence{};
            if (segmented)
                process_window_segmented(todo, begin, end);
            else
                process_window(todo, begin, end);
            if (stop_)
                keep_written_evidence(std::move(before_window), todo, begin, end);
            else
                restore_kept_evidence(todo, begin, end);
            begin = end;
        }
        if (segmented) merge_segments();
        commit(true);
        if (reads_records && !stop_) warn_unused_mappings();
        if (!checksums_current_ || main_.db.get_revision() != opened_revision_)
            record_table_checksums(options_.db, main_.db.get_revision());
        summary_.interrupted = stop_;
        summary_.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return summary_;
    }

  private:
    // Callers hold report_mu_ when parallel writers run.
    void warn(const std::string& path, const std::string& message) {
        ++summary_.warnings;
        observer_.warning(path, message);
    }

    // A --field mapping that no file's column met did nothing, which the user cannot tell from
    // the index. Unchanged files are not read again, so only a run that read CSV or JSON files
    // all the way through can say so, and only of those.
    void warn_unused_mappings() {
        for (const FieldMap::Mapping& m : options_.load.fields.unused_mappings()) {
            warn("--field " + m.spec,
                 fmt::format("no CSV or JSON file read in this run had a column '{}'", m.column));
        }
    }

    unsigned threads() const {
        unsigned n = options_.jobs ? options_.jobs : std::thread::hardware_concurrency();
        return std::max(1u, n);
    }

    void load_evidence() {
        if (!options_.extract_entities || options_.rebuild) return;
        std::string saved = main_.db.get_metadata(std::string(schema::kEvidenceKey));
        if (saved.empty()) return;
        try {
            evidence_ = EntityEvidence::unserialise(saved);
        } catch (const InputError& e) {
            observer_.warning(
                options_.db.string(),
                fmt::format("saved entity evidence unreadable ({}); starting afresh", e.what()));
        }
    }

    // Pass 1 observes a whole window before any file of it is written. An interrupted run
    // must save only the evidence of the files it wrote: the next run reads the others again,
    // and counting them twice found other people and films than an uninterrupted build.
    void keep_written_evidence(EntityEvidence before_window, const std::vector<FileWork>& todo,
                               std::size_t begin, std::size_t end) {
        if (!options_.extract_entities) return;
        evidence_ = std::move(before_window);
        for (std::size_t i = begin; i < end; ++i) {
            if (todo[i].written) evidence_.merge(todo[i].evidence);
        }
        for (std::size_t i = begin; i < end; ++i) {
            if (todo[i].replaced) evidence_.subtract(todo[i].indexed_evidence);
        }
    }

    // The sightings of the reviews a changed file had in the index, read again from their
    // stored text: they are taken off when those reviews go, or every re-indexed file (a
    // moved folder: as many deleted files and new ones) would count twice, and reviews read
    // with that evidence found people and films a --rebuild does not.
    EntityEvidence indexed_evidence(const std::string& path) {
        EntityEvidence ev;
        std::string term = schema::source_file_term(path);
        for (auto it = main_.db.postlist_begin(term); it != main_.db.postlist_end(term); ++it) {
            try {
                extractor_->observe(
                    decode_document_data(main_.db.get_document(*it).get_data()).review, ev);
            } catch (const InputError&) {
                // Foreign data: it added nothing.
            }
        }
        return ev;
    }

    // A file whose indexed evidence was taken off before its window's extraction but whose
    // reviews were kept after all (its analysis failed) gives it back.
    void restore_kept_evidence(const std::vector<FileWork>& todo, std::size_t begin,
                               std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            if (todo[i].taken_off && !todo[i].replaced) evidence_.merge(todo[i].indexed_evidence);
        }
    }

    // Frees what a written file held but its evidence (keep_written_evidence() may need it).
    static void release(FileWork& w) {
        FileWork kept;
        kept.evidence = std::move(w.evidence);
        kept.indexed_evidence = std::move(w.indexed_evidence);
        kept.written = w.written;
        kept.taken_off = w.taken_off;
        kept.replaced = w.replaced;
        w = std::move(kept);
    }

    // Runs `task(i)` for i in [begin, end) on the worker threads.
    template <typename Task>
    void parallel(std::size_t begin, std::size_t end, Task task) {
        std::atomic<std::size_t> next{begin};
        auto worker = [&] {
            for (std::size_t i; (i = next++) < end && !stop_;) task(i);
        };
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < threads(); ++t) pool.emplace_back(worker);
        worker();
    }

    void load(FileWork& w) {
        try {
            w.loaded = load_file(w.file->path, w.file->format, options_.load);
            if (options_.extract_entities) {
                for (const Review& r : w.loaded->reviews) extractor_->observe(r, w.evidence);
            }
        } catch (const NoReviewError& e) {
            w.error = e.what();
            w.holds_no_review = true;
        } catch (const InputError& e) {
            w.error = e.what();
        } catch (const std::exception& e) {
            w.error = fmt::format("cannot be read: {}", e.what());
        }
    }

    // Entities of every review of a window are found before any is written: run between
    // Xapian's writes on the same thread, extract()'s table lookups took twice as long as the
    // same lookups in observe(), as the writer had evicted the tables from the caches.
    void extract_all(FileWork& w) {
        if (!w.loaded || w.extracted) return;
        w.extracted = true;
        const std::vector<Review>& reviews = w.loaded->reviews;
        w.entities.reserve(reviews.size());
        for (std::size_t i = 0; i < reviews.size(); ++i) {
            try {
                w.entities.push_back(options_.extract_entities
                                         ? extractor_->extract(reviews[i], evidence_)
                                         : metadata_entities(reviews[i]));
            } catch (const std::exception& e) {
                // Reported by analyse() unless an earlier review fails to build.
                w.unextracted = i;
                w.extract_error = e.what();
                return;
            }
        }
    }

    // Builds the documents of a file whose entities extract_all() found.
    void analyse(FileWork& w, DocumentBuilder& builder) {
        if (!w.loaded) return;
        extract_all(w);  // when an interruption cut the extraction phase short
        try {
            const std::vector<Review>& reviews = w.loaded->reviews;
            for (std::size_t i = 0; i < reviews.size(); ++i) {
                if (i == w.unextracted) throw std::runtime_error(w.extract_error);
                w.docs.push_back(builder.build(reviews[i], w.entities[i], w.synonyms));
            }
        } catch (const std::exception& e) {
            w.error = fmt::format("cannot be analysed: {}", e.what());
            w.docs.clear();
            w.entities.clear();
        }
        w.loaded->reviews.clear();
        w.loaded->reviews.shrink_to_fit();
    }

    void process_window(std::vector<FileWork>& todo, std::size_t begin, std::size_t end) {
        parallel(begin, end, [&](std::size_t i) { load(todo[i]); });
        for (std::size_t i = begin; i < end; ++i) evidence_.merge(todo[i].evidence);
        if (options_.extract_entities) {
            for (std::size_t i = begin; i < end; ++i) {
                // Those to be replaced: read, or read through and found to hold no review.
                FileWork& w = todo[i];
                if (!w.known || !(w.loaded || w.holds_no_review)) continue;
                w.indexed_evidence = indexed_evidence(w.file->path.native());
                evidence_.subtract(w.indexed_evidence);
                w.taken_off = true;
            }
        }

        // Analysis runs on the worker threads while this thread writes, in file order, so that
        // document ids do not depend on scheduling. Extraction stays in analyse() here: the
        // writer is another thread already, and a phase of its own cost the overlap with
        // writing (with -j1 on acl12k, wall 4.74 -> 5.25 s).
        std::mutex mu;
        std::condition_variable cv;
        std::vector<char> ready(end - begin, 0);
        std::size_t written = begin;
        bool abandoned = false;  // the writer is done: what is left of the window is not written
        std::atomic<std::size_t> next{begin};
        auto worker = [&] {
            DocumentBuilder builder;
            for (std::size_t i; (i = next++) < end && !stop_;) {
                {
                    std::unique_lock lock(mu);
                    cv.wait(lock, [&] { return i < written + kMaxFilesAhead || stop_; });
                    if (abandoned) return;
                }
                analyse(todo[i], builder);
                std::lock_guard lock(mu);
                ready[i - begin] = 1;
                cv.notify_all();
            }
        };
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < threads(); ++t) pool.emplace_back(worker);
        // Releases the workers however the writing ends, before the pool joins them: a write
        // that threw (a full disk) left them waiting for room ahead forever, and reel-index
        // hung instead of saying why it stopped.
        struct ReleaseWorkers {
            std::mutex& mu;
            std::condition_variable& cv;
            std::size_t& written;
            bool& abandoned;
            ~ReleaseWorkers() {
                std::lock_guard lock(mu);
                abandoned = true;
                written = SIZE_MAX - kMaxFilesAhead;
                cv.notify_all();
            }
        } release_workers{mu, cv, written, abandoned};
        for (std::size_t i = begin; i < end && !stop_;) {
            {
                // Wakes now and then to notice an interruption.
                std::unique_lock lock(mu);
                if (!cv.wait_for(lock, std::chrono::milliseconds(200),
                                 [&] { return ready[i - begin] != 0; })) {
                    continue;
                }
            }
            write(todo[i], main_);
            release(todo[i]);
            std::lock_guard lock(mu);
            written = ++i;
            cv.notify_all();
        }
    }

    // Writes one analysed file to `sink`; called by one thread per sink.
    void write(FileWork& w, Sink& sink) {
        const std::string& path = w.file->path.native();
        if (!w.error.empty()) {
            std::string outcome;
            if (w.known && w.holds_no_review) {
                forget_file(path, sink);
                w.replaced = true;
                outcome = "; its previously indexed reviews are removed";
            } else if (w.known) {
                outcome = "; the previously indexed version is kept";
            }
            std::lock_guard lock(report_mu_);
            warn(path, w.error + outcome);
            ++summary_.skipped;
            advance_progress(w);
            return;
        }
        if (w.known) {
            delete_file_documents(path, sink);
            w.replaced = true;
        }
        for (std::size_t i = 0; i < w.docs.size(); ++i) {
            sink.db.add_document(w.docs[i]);
            for (const Entity& e : w.entities[i].people) sink.delta.add(EntityKind::person, e, +1);
            for (const Entity& e : w.entities[i].films) sink.delta.add(EntityKind::film, e, +1);
        }
        sink.db.set_metadata(signature_key(path), w.file->signature + "\t" + path);
        sink.uncommitted += w.docs.size();
        w.written = true;
        {
            std::lock_guard lock(report_mu_);
            for (const std::string& message : w.loaded->warnings) warn(path, message);
            // Segments leave stems to the final database, which writes each stem once.
            for (const StemSynonym& syn : w.synonyms) stems_.add(syn);
            ++(w.known ? summary_.updated : summary_.added);
            summary_.reviews += w.docs.size();
            advance_progress(w);
        }
        if (&sink == &main_ && sink.uncommitted >= options_.batch_size) commit(false);
    }

    void advance_progress(const FileWork& w) {
        ++progress_.files_done;
        progress_.bytes_done += w.file->size;
        observer_.progress(progress_);
    }

    // Takes out what was indexed from a file that is gone, or that was read through and holds
    // no review any more (its last CSV row or JSON record removed, or their text): unlike the
    // reviews of a file that cannot be read now, those are known to be stale. A file still
    // there is then as new, warned about at each run as any file without reviews.
    void forget_file(const std::string& path, Sink& sink) {
        delete_file_documents(path, sink);
        sink.db.set_metadata(signature_key(path), "");
    }

    void delete_file_documents(const std::string& path, Sink& sink) {
        std::string term = schema::source_file_term(path);
        for (auto it = sink.db.postlist_begin(term); it != sink.db.postlist_end(term); ++it) {
            try {
                StoredReview old = decode_document_data(sink.db.get_document(*it).get_data());
                for (const Entity& e : old.entities.people)
                    sink.delta.add(EntityKind::person, e, -1);
                for (const Entity& e : old.entities.films) sink.delta.add(EntityKind::film, e, -1);
            } catch (const InputError&) {
                // Foreign data: nothing of ours to take out of the catalogue.
            }
        }
        sink.db.delete_document(term);
    }

    void save_evidence(Xapian::WritableDatabase& db) {
        if (!options_.extract_entities || evidence_saved_) return;
        db.set_metadata(std::string(schema::kEvidenceKey), evidence_.serialise());
        evidence_saved_ = true;
    }

    void commit(bool final) {
        try {
            main_.delta.apply(main_.db);
            stems_.flush(main_.db);
            if (final) save_evidence(main_.db);
            // Every commit, as searches read between them: a phrase must never trust a hash
            // that a word added since shares.
            main_.db.set_metadata(std::string(schema::kSharedHashesKey),
                                  find_shared_hashes(main_.db));
            main_.db.commit();
        } catch (const Xapian::Error& e) {
            // The system's reason is apart from Xapian's words ("Error writing block 204"),
            // and it is the one that says what to do: "No space left on device".
            const char* reason = e.get_error_string();
            throw DatabaseError(fmt::format("cannot write to database '{}': {}{}",
                                            options_.db.string(), e.get_msg(),
                                            reason && *reason ? fmt::format(" ({})", reason) : ""));
        }
        main_.uncommitted = 0;
    }

    // --- Fresh builds: parallel writers into segments, compacted once at the end. ---
    //
    // Xapian's writer, not analysis, bounds indexing speed: buffering many postings costs more
    // per posting, and merging them into an ever larger B-tree costs more with every flush. So
    // an empty database is filled the way Lucene fills one: each thread writes its run of files
    // into a series of scratch segments, small enough that frequent flushes stay cheap, and the
    // segments are compacted into the database at the end, which also leaves it fully packed.
    // Updates of an existing database go through the single writer and its batch commits, even
    // one whose deletions leave it empty (every file moved to a new folder): the compacted
    // segments replace the database, so the catalogue's counts taken off for the deleted
    // reviews would be taken off the new entries instead, and they vanished from --list.

    bool use_segments(bool fresh, std::size_t files) const {
        return fresh && !options_.batch_size_given && threads() > 1 &&
               files >= kMinFilesForSegments;
    }

    // Scratch folders sit beside the database, named after it, so a crash leaves nothing
    // elsewhere and the next run finds and removes them.
    std::filesystem::path scratch_path(const std::string& what) const {
        return options_.db.parent_path() / (scratch_prefix(options_.db) + what);
    }

    void remove_leftovers() const {
        std::error_code ec;
        for (const auto& path : scratch_folders(options_.db)) std::filesystem::remove_all(path, ec);
    }

    // Called with a lock held: segment numbers are shared by the writer threads.
    std::unique_ptr<Sink> open_segment(std::string& path) {
        path = scratch_path(fmt::format("segment{}", next_segment_++)).string();
        // Scratch databases: a crash simply loses them, so skip fsync and copy-on-write.
        auto sink = std::make_unique<Sink>(Xapian::WritableDatabase(
            path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS));
        sink->db.set_metadata(std::string(schema::kSchemaVersionKey),
                              std::string(schema::kSchemaVersion));
        return sink;
    }

    void close_segment(Sink& sink) {
        sink.db.commit();
        sink.db.close();
        std::lock_guard lock(report_mu_);
        main_.delta.merge(std::move(sink.delta));
    }

    void process_window_segmented(std::vector<FileWork>& todo, std::size_t begin, std::size_t end) {
        parallel(begin, end, [&](std::size_t i) { load(todo[i]); });
        for (std::size_t i = begin; i < end; ++i) evidence_.merge(todo[i].evidence);
        parallel(begin, end, [&](std::size_t i) { extract_all(todo[i]); });

        // Runs of contiguous files, a segment each, handed to whichever thread is free, in
        // file order so that docids follow it. One run per thread of equal bytes left the
        // faster core idle for the last fifth of the phase on a 2-core VM whose second core ran
        // a third slower than the first (a hyperthread shared with another guest), whichever
        // thread drew it. Four runs a thread at least, so that a small build still shares out.
        std::size_t total = 0;
        for (std::size_t i = begin; i < end; ++i) {
            if (todo[i].loaded) total += todo[i].loaded->reviews.size();
        }
        const std::size_t run_reviews =
            std::max<std::size_t>(1, std::min(options_.segment_reviews, total / (4 * threads())));
        std::vector<std::size_t> bounds{begin};
        std::size_t reviews = 0;
        for (std::size_t i = begin; i < end; ++i) {
            if (todo[i].loaded) reviews += todo[i].loaded->reviews.size();
            if (reviews >= run_reviews && i + 1 < end) {
                bounds.push_back(i + 1);
                reviews = 0;
            }
        }
        bounds.push_back(end);
        const std::size_t runs = bounds.size() - 1;

        std::vector<std::string> written(runs);
        std::atomic<std::size_t> next_run{0};
        std::mutex error_mu;
        std::exception_ptr error;
        std::atomic<bool> failed{false};
        auto writer = [&] {
            try {
                DocumentBuilder builder;
                for (std::size_t r; !failed && (r = next_run++) < runs && !stop_;) {
                    std::unique_ptr<Sink> segment;
                    {
                        std::lock_guard lock(error_mu);
                        segment = open_segment(written[r]);
                    }
                    for (std::size_t i = bounds[r]; i < bounds[r + 1] && !stop_; ++i) {
                        analyse(todo[i], builder);
                        write(todo[i], *segment);
                        release(todo[i]);
                        if (segment->uncommitted >= kSegmentFlushReviews) {
                            segment->db.commit();
                            segment->uncommitted = 0;
                        }
                    }
                    close_segment(*segment);
                }
            } catch (...) {
                std::lock_guard lock(error_mu);
                if (!error) error = std::current_exception();
                failed = true;
            }
        };
        std::vector<std::jthread> pool;
        for (unsigned k = 1; k < threads(); ++k) pool.emplace_back(writer);
        writer();
        pool.clear();
        if (error) {
            try {
                std::rethrow_exception(error);
            } catch (const Xapian::Error& e) {
                throw DatabaseError(build_failure(e));
            }
        }
        for (std::string& path : written) {
            if (!path.empty()) segments_.push_back(std::move(path));
        }
    }

    // Why writing the scratch segments failed, once they are cleared away: a build that ran out
    // of disk space left them filling the disk. Scratch segments skip copy-on-write, so Xapian
    // cannot cancel a failed write and throws "cancel() not supported under
    // Xapian::DB_DANGEROUS" in place of the error that caused it, usually a full disk.
    std::string build_failure(const Xapian::Error& e) const {
        std::string why = e.get_msg();
        struct statvfs disk {};
        std::filesystem::path parent = options_.db.parent_path();
        if (::statvfs(parent.empty() ? "." : parent.c_str(), &disk) == 0 &&
            (disk.f_bavail * disk.f_frsize < kFullDiskBytes || disk.f_favail == 0)) {
            why = fmt::format("no space left on the disk holding it ({} free); nothing was indexed",
                              describe_size(disk.f_bavail * disk.f_frsize));
        }
        remove_leftovers();
        return fmt::format("cannot build database '{}': {}", options_.db.string(), why);
    }

    // Compacts the segments into a new database and puts it in place of the (empty) one.
    void merge_segments() {
        if (segments_.empty()) return;
        std::string target = options_.db.string();
        std::string compacted = scratch_path("compacted").string();
        try {
            // What belongs to the whole database goes into one last segment, so that it is
            // compacted with the rest instead of being written into the packed result.
            std::string path;
            std::unique_ptr<Sink> last = open_segment(path);
            main_.delta.apply(last->db);
            stems_.flush(last->db);
            save_evidence(last->db);
            last->db.commit();
            last->db.close();
            segments_.push_back(path);

            Xapian::Database all;
            for (const std::string& path : segments_) all.add_database(Xapian::Database(path));
            // One N-way merge: DBCOMPACT_MULTIPASS only adds passes (merging 25 segments of
            // aclImdb reviews, it took a third longer).
            all.compact(compacted, 0);
        } catch (const Xapian::Error& e) {
            throw DatabaseError(build_failure(e));
        }
        // The empty database is swapped out while its lock is released; it held nothing.
        main_.db.close();
        std::filesystem::rename(target, scratch_path("replaced"));
        std::filesystem::rename(compacted, target);
        main_.db = open_for_writing(options_.db, false, options_.wait_seconds);
        remove_leftovers();
    }

    const IndexOptions& options_;
    IndexObserver& observer_;
    const std::atomic<bool>& stop_;
    Sink main_;
    std::size_t next_segment_ = 0;       // fresh builds only
    std::vector<std::string> segments_;  // in docid order
    std::mutex report_mu_;  // summary_, progress_, observer_ and main_.delta with parallel writers
    std::unique_ptr<Catalog> catalog_;
    std::unique_ptr<EntityExtractor> extractor_;
    EntityEvidence evidence_;
    StemForms stems_;  // written by the main database's commits
    bool evidence_saved_ = false;
    Xapian::rev opened_revision_ = 0;
    bool checksums_current_ = false;  // a record of opened_revision_ was found and matched
    IndexSummary summary_;
    IndexProgress progress_;
};

}  // namespace

IndexSummary update_index(const IndexOptions& options, IndexObserver& observer,
                          const std::atomic<bool>& stop) {
    // Opening the database creates it: a run with nothing to read stops before, leaving no
    // empty database behind. A walk of inputs none of which exists only says why of each.
    if (!any_input_exists(options.inputs)) {
        walk_inputs(options.inputs, [&](const std::string& path, const std::string& why) {
            observer.warning(path, why);
        });
        // "exists" would deny what the warnings say of an input that is there but unreadable.
        throw UsageError(any_input_there(options.inputs) ? "none of the inputs can be read"
                                                         : "none of the inputs exists");
    }
    Run run(options, observer, stop);
    return run.run();
}

}  // namespace reel
