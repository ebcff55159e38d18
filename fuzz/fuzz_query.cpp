// parse_query over arbitrary query text, against a small database with the term kinds reel
// writes (body words with their word sequences, field and entity words, stem synonyms, values):
// a query is either parsed, its body phrases rewritten (phrase_filter.hpp) and run, or rejected
// with UsageError; nothing else may escape.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "reel/errors.hpp"
#include "reel/phrase_filter.hpp"
#include "reel/query.hpp"
#include "reel/schema.hpp"
#include "reel/word_sequence.hpp"

namespace {

// A glass database in a scratch folder (the in-memory backend has no synonym table); the folder
// is removed at once, the open database keeps its files.
Xapian::Database make_database() {
    std::string dir = (std::filesystem::temp_directory_path() / "reel-fuzz-query-XXXXXX").string();
    if (!mkdtemp(dir.data())) std::abort();
    Xapian::WritableDatabase db(dir + "/db", Xapian::DB_CREATE);
    const char* words[] = {"drum", "drumming", "tempo", "heat", "whiplash", "simmons"};
    reel::BodyIndexer body_indexer;
    for (int i = 0; i < 6; ++i) {
        Xapian::Document doc;
        doc.set_data("not a stored review: the search path is not under test here");
        // Body words as reel-index writes them: no positions, a word sequence for phrases.
        std::string body;
        for (int k = 0; k <= i; ++k) body += std::string(words[(k * 5 + i) % 6]) + " ";
        doc.add_value(reel::schema::kWordsSlot, body_indexer.index(body, doc));
        doc.add_term(std::string(reel::schema::kPersonWord) + "simmons");
        doc.add_term(std::string(reel::schema::kFilmWord) + "whiplash");
        doc.add_term(std::string(reel::schema::kTitle) + "tempo");
        doc.add_term(std::string(reel::schema::kYear) + std::to_string(2010 + i));
        doc.add_value(reel::schema::kRatingSlot, Xapian::sortable_serialise(i * 2));
        doc.add_value(reel::schema::kYearSlot, Xapian::sortable_serialise(2010 + i));
        doc.add_value(reel::schema::kDateSlot, "2014101" + std::to_string(i));
        db.add_document(doc);
    }
    db.add_synonym("Zdrum", "drumming");
    db.add_synonym("Zdrum", "drum");
    db.commit();
    Xapian::Database reader(dir + "/db");
    std::filesystem::remove_all(dir);
    return reader;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Xapian::Database db = make_database();
    static const auto shared = std::make_shared<const reel::SharedHashes>(
        reel::decode_shared_hashes(reel::find_shared_hashes(db)));
    std::string text(reinterpret_cast<const char*>(data), size);
    for (bool any : {false, true}) {
        reel::QueryOptions options;
        options.match_any = any;
        try {
            Xapian::Query q = reel::parse_query(text, db, options);
            Xapian::Enquire enquire(db);
            enquire.set_query(reel::check_body_phrases(q, shared));
            enquire.get_mset(0, 10, db.get_doccount());
        } catch (const reel::UsageError&) {
            return 0;  // a malformed query, rejected with a message: what the caller expects
        } catch (const Xapian::UnimplementedError&) {
            return 0;  // parsed but not runnable (a phrase in NEAR): Searcher says so, exit 2
        }
    }
    return 0;
}
