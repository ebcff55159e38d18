#include "reel/index_update.hpp"

#include <fmt/format.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
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

namespace reel {

namespace {

// Reviews held in memory at once for the evidence pass: corpus-wide evidence is complete for
// collections up to this size, and memory stays bounded beyond it.
constexpr std::uintmax_t kWindowBytes = 256u << 20;
// How far analysis threads may run ahead of the writer, in files.
constexpr std::size_t kMaxFilesAhead = 512;

struct FileWork {
    const InputFile* file = nullptr;
    bool known = false;  // indexed by an earlier run (so this is an update)
    std::optional<LoadResult> loaded;
    std::string error;
    EntityEvidence evidence;
    std::vector<Xapian::Document> docs;
    std::vector<ExtractedEntities> entities;
    std::vector<StemSynonym> synonyms;
};

struct KnownFile {
    std::string signature;
    std::string path;
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

std::string signature_key(const std::string& path) {
    return schema::metadata_key(schema::kFileSignaturePrefix, path);
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
          db_(open_for_writing(options.db, options.rebuild, options.wait_seconds)) {
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

        std::map<std::string, KnownFile> known = read_signatures(db_);
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
            if (seen.count(path)) continue;
            bool under_root = false;
            for (const auto& root : walk.roots) under_root |= is_under(path, root);
            if (!under_root) continue;
            delete_file_documents(path);
            db_.set_metadata(signature_key(path), "");
            ++summary_.deleted;
        }

        progress_.files_total = todo.size();
        for (const FileWork& w : todo) progress_.bytes_total += w.file->size;

        for (std::size_t begin = 0; begin < todo.size() && !stop_;) {
            std::size_t end = begin;
            std::uintmax_t bytes = 0;
            while (end < todo.size() &&
                   (end == begin || bytes + todo[end].file->size <= kWindowBytes)) {
                bytes += todo[end++].file->size;
            }
            process_window(todo, begin, end);
            begin = end;
        }
        commit(true);
        summary_.interrupted = stop_;
        summary_.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return summary_;
    }

  private:
    void warn(const std::string& path, const std::string& message) {
        ++summary_.warnings;
        observer_.warning(path, message);
    }

    unsigned threads() const {
        unsigned n = options_.jobs ? options_.jobs : std::thread::hardware_concurrency();
        return std::max(1u, n);
    }

    void load_evidence() {
        if (!options_.extract_entities || options_.rebuild) return;
        std::string saved = db_.get_metadata(std::string(schema::kEvidenceKey));
        if (saved.empty()) return;
        try {
            evidence_ = EntityEvidence::unserialise(saved);
        } catch (const InputError& e) {
            observer_.warning(
                options_.db.string(),
                fmt::format("saved entity evidence unreadable ({}); starting afresh", e.what()));
        }
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
                for (const Review& r : w.loaded->reviews) w.evidence.merge(extractor_->observe(r));
            }
        } catch (const InputError& e) {
            w.error = e.what();
        } catch (const std::exception& e) {
            w.error = fmt::format("cannot be read: {}", e.what());
        }
    }

    void analyse(FileWork& w, DocumentBuilder& builder) {
        if (!w.loaded) return;
        try {
            for (const Review& r : w.loaded->reviews) {
                ExtractedEntities e = options_.extract_entities ? extractor_->extract(r, evidence_)
                                                                : metadata_entities(r);
                w.docs.push_back(builder.build(r, e, w.synonyms));
                w.entities.push_back(std::move(e));
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

        // Analysis runs on the worker threads while this thread writes, in file order, so that
        // document ids do not depend on scheduling.
        std::mutex mu;
        std::condition_variable cv;
        std::vector<char> ready(end - begin, 0);
        std::size_t written = begin;
        std::atomic<std::size_t> next{begin};
        auto worker = [&] {
            DocumentBuilder builder;
            for (std::size_t i; (i = next++) < end && !stop_;) {
                {
                    std::unique_lock lock(mu);
                    cv.wait(lock, [&] { return i < written + kMaxFilesAhead || stop_; });
                }
                analyse(todo[i], builder);
                std::lock_guard lock(mu);
                ready[i - begin] = 1;
                cv.notify_all();
            }
        };
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < threads(); ++t) pool.emplace_back(worker);
        for (std::size_t i = begin; i < end && !stop_;) {
            {
                // Wakes now and then to notice an interruption.
                std::unique_lock lock(mu);
                if (!cv.wait_for(lock, std::chrono::milliseconds(200),
                                 [&] { return ready[i - begin] != 0; })) {
                    continue;
                }
            }
            write(todo[i]);
            todo[i] = FileWork{};
            std::lock_guard lock(mu);
            written = ++i;
            cv.notify_all();
        }
        {
            std::lock_guard lock(mu);
            written = end + kMaxFilesAhead;  // release waiting workers
            cv.notify_all();
        }
    }

    void write(FileWork& w) {
        const std::string& path = w.file->path.native();
        if (!w.error.empty()) {
            warn(path, w.known ? w.error + "; the previously indexed version is kept" : w.error);
            ++summary_.skipped;
            advance_progress(w);
            return;
        }
        for (const std::string& message : w.loaded->warnings) warn(path, message);
        if (w.known) {
            delete_file_documents(path);
            ++summary_.updated;
        } else {
            ++summary_.added;
        }
        for (std::size_t i = 0; i < w.docs.size(); ++i) {
            db_.add_document(w.docs[i]);
            for (const Entity& e : w.entities[i].people) delta_.add(EntityKind::person, e, +1);
            for (const Entity& e : w.entities[i].films) delta_.add(EntityKind::film, e, +1);
        }
        for (const StemSynonym& s : w.synonyms) {
            if (synonym_terms_.insert(s.term).second) db_.add_synonym(s.key, s.term);
        }
        db_.set_metadata(signature_key(path), w.file->signature + "\t" + path);
        summary_.reviews += w.docs.size();
        uncommitted_ += w.docs.size();
        advance_progress(w);
        if (uncommitted_ >= options_.batch_size) commit(false);
    }

    void advance_progress(const FileWork& w) {
        ++progress_.files_done;
        progress_.bytes_done += w.file->size;
        observer_.progress(progress_);
    }

    void delete_file_documents(const std::string& path) {
        std::string term = schema::term(schema::kSourceFile, path);
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
            try {
                StoredReview old = decode_document_data(db_.get_document(*it).get_data());
                for (const Entity& e : old.entities.people) delta_.add(EntityKind::person, e, -1);
                for (const Entity& e : old.entities.films) delta_.add(EntityKind::film, e, -1);
            } catch (const InputError&) {
                // Foreign data: nothing of ours to take out of the catalogue.
            }
        }
        db_.delete_document(term);
    }

    void commit(bool final) {
        try {
            delta_.apply(db_);
            if (final && options_.extract_entities) {
                db_.set_metadata(std::string(schema::kEvidenceKey), evidence_.serialise());
            }
            db_.commit();
        } catch (const Xapian::Error& e) {
            throw DatabaseError(fmt::format("cannot write to database '{}': {}",
                                            options_.db.string(), e.get_msg()));
        }
        uncommitted_ = 0;
    }

    const IndexOptions& options_;
    IndexObserver& observer_;
    const std::atomic<bool>& stop_;
    Xapian::WritableDatabase db_;
    std::unique_ptr<Catalog> catalog_;
    std::unique_ptr<EntityExtractor> extractor_;
    EntityEvidence evidence_;
    CatalogueDelta delta_;
    std::unordered_set<std::string> synonym_terms_;
    IndexSummary summary_;
    IndexProgress progress_;
    std::size_t uncommitted_ = 0;
};

}  // namespace

IndexSummary update_index(const IndexOptions& options, IndexObserver& observer,
                          const std::atomic<bool>& stop) {
    Run run(options, observer, stop);
    return run.run();
}

}  // namespace reel
