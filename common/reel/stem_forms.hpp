// Stemmed search without stemmed postings.
//
// Each word is indexed once, unstemmed, so phrases stay exact. For stemmed word search, the
// synonym table maps each stem to the forms seen ("Zdrum" → drum, drums, drumming), and
// QueryParser's auto-synonyms (STEM_SOME, FLAG_AUTO_SYNONYMS) expand a query word's stemmed term
// into them. Compared with Xapian's default of indexing every word a second time, stemmed,
// this halves the postings the writer must hold.
#pragma once

#include <xapian.h>
#include <map>
#include <set>
#include <string>

namespace reel {

// One indexed form of a stem.
struct StemSynonym {
    std::string key;   // "Z" + prefix + stem: the term QueryParser's STEM_SOME generates
    std::string term;  // prefix + word, as indexed
};

// Forms gathered between commits. The synonym table compresses each entry it writes, which is
// costly per key, so forms are grouped by stem and each key is written once per flush.
class StemForms {
  public:
    void add(const StemSynonym& s) { pending_[s.key].insert(s.term); }
    void merge(StemForms&& other);
    // Adds the pending forms to `db`'s synonym table (before its commit) and forgets them.
    void flush(Xapian::WritableDatabase& db);

  private:
    std::map<std::string, std::set<std::string>> pending_;
};

}  // namespace reel
