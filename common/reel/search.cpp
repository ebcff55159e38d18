#include "reel/search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>

#include "reel/database.hpp"
#include "reel/entity_catalogue.hpp"
#include "reel/errors.hpp"
#include "reel/phrase_filter.hpp"
#include "reel/schema.hpp"
#include "reel/snippet_cuts.hpp"
#include "reel/text_normalize.hpp"
#include "reel/unicode.hpp"
#include "reel/word_sequence.hpp"

namespace reel {

namespace {

// Xapian's snippets are HTML: it escapes "&", "<" and ">" of the text, except that a text that
// fits whole with no highlight markers comes back as given, and reel prints plain text. Markers
// starting with "&", which escaped text holds only as "&amp;", "&lt;" or "&gt;", make every
// snippet escaped and tell the markers apart from the text.
constexpr std::string_view kMarkStart = "&[";
constexpr std::string_view kMarkEnd = "&]";

// A snippet made with kMarkStart/kMarkEnd, as plain text with the caller's markers.
std::string plain_snippet(std::string_view html, std::string_view start, std::string_view end) {
    const std::pair<std::string_view, std::string_view> decoded[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {kMarkStart, start}, {kMarkEnd, end}};
    std::string out;
    out.reserve(html.size());
    // From one '&' to the next: the text between is copied whole.
    for (std::size_t i = 0; i < html.size();) {
        std::size_t amp = std::min(html.find('&', i), html.size());
        out.append(html, i, amp - i);
        if (amp == html.size()) break;
        auto found = std::find_if(std::begin(decoded), std::end(decoded), [&](const auto& d) {
            return html.substr(amp).starts_with(d.first);
        });
        if (found != std::end(decoded)) {
            out += found->second;
            i = amp + found->first.size();
        } else {
            out += '&';
            i = amp + 1;
        }
    }
    return out;
}

// The first byte of `text` from `from` on that is not ASCII, or npos; eight bytes at a time,
// as nearly all of a review is ASCII.
std::size_t find_non_ascii(std::string_view text, std::size_t from) {
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    for (; from + 8 <= text.size(); from += 8) {
        std::uint64_t x;
        std::memcpy(&x, text.data() + from, 8);
        if (x & kHigh) break;
    }
    for (; from < text.size(); ++from) {
        if (static_cast<unsigned char>(text[from]) >= 0x80) return from;
    }
    return std::string_view::npos;
}

// The words of `text` (lower-cased, as Xapian's snippets read them) that fold to one of
// `terms` but are spelt otherwise ("iñárritu" for the term "inarritu"), added to `out`. Xapian
// matches a snippet's words to the query's terms as written, and the terms are folded: without
// these, an accented word was never highlighted, nor its passage chosen for the snippet. Only
// words with a non-ASCII letter can differ (case aside, which Xapian ignores), and snippets are
// made for every hit, so only the words around non-ASCII bytes are read.
void add_unfolded_spellings(std::string_view text, const std::set<std::string>& terms,
                            std::set<std::string>& out) {
    auto ascii_letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    std::size_t i = 0;
    for (std::size_t at; (at = find_non_ascii(text, i)) != std::string_view::npos;) {
        std::size_t begin = at;
        while (begin > i && ascii_letter(text[begin - 1])) --begin;
        std::size_t end = at;
        bool non_ascii = false;
        while (end < text.size()) {
            auto b = static_cast<unsigned char>(text[end]);
            std::size_t next = end;
            bool letter = b < 0x80 ? ascii_letter(text[next++])
                                   : Xapian::Unicode::is_wordchar(next_code_point(text, next));
            if (!letter) {
                if (end == at) end = next;  // a non-ASCII character that is not a letter ("…")
                break;
            }
            non_ascii = non_ascii || b >= 0x80;
            end = next;
        }
        if (non_ascii) {
            std::string word =
                Xapian::Unicode::tolower(std::string(text.substr(begin, end - begin)));
            if (terms.count(fold(word)) && !terms.count(word)) out.insert(std::move(word));
        }
        i = end;
    }
}

// The words of `text` written with an apostrophe that a name's key leaves out ("o'toole" for
// the word "otoole" of person:o'toole), or after an elision ("l'atalante" for atalante), added
// to `out`: the review was found by the word, but its snippet showed "O'Toole" unmarked, and
// was cut from any passage.
void add_apostrophe_spellings(std::string_view text, const std::set<std::string>& terms,
                              std::set<std::string>& out) {
    auto letter = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    for (std::size_t at = text.find('\''); at != std::string_view::npos;
         at = text.find('\'', at + 1)) {
        if (at == 0 || at + 1 >= text.size() || !letter(text[at - 1]) || !letter(text[at + 1]))
            continue;
        std::size_t begin = at, end = at + 1;
        while (begin > 0 && (letter(text[begin - 1]) || text[begin - 1] == '\'')) --begin;
        while (end < text.size() && (letter(text[end]) || text[end] == '\'')) ++end;
        std::string word = Xapian::Unicode::tolower(std::string(text.substr(begin, end - begin)));
        std::string joined;
        for (char c : word) {
            if (c != '\'') joined += c;
        }
        bool found =
            terms.count(fold(joined)) || terms.count(fold(std::string(after_elision(word)))) != 0;
        if (found && !terms.count(word)) out.insert(std::move(word));
        at = end;
    }
}

// The query's terms, without their prefixes' terms (what a review's words can match).
std::set<std::string> body_terms(const Xapian::Query& query) {
    std::set<std::string> terms;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
        const std::string& term = *t;
        if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) terms.insert(term);
    }
    return terms;
}

// Counts every entity key of every match: the slot has a line per entity, its key first and
// any spellings after tabs (schema.hpp).
class KeyCountSpy : public Xapian::MatchSpy {
  public:
    explicit KeyCountSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double) override {
        std::string names = doc.get_value(slot_);
        std::size_t start = 0;
        while (start < names.size()) {
            std::size_t nl = names.find('\n', start);
            if (nl == std::string::npos) nl = names.size();
            std::size_t tab = names.find('\t', start);
            ++counts[names.substr(start, std::min(nl, tab) - start)];
            start = nl + 1;
        }
    }
    std::string name() const override { return "reel::KeyCountSpy"; }

    std::map<std::string, Xapian::doccount> counts;

  private:
    Xapian::valueno slot_;
};

std::vector<FacetCount> top_facets(const KeyCountSpy& spy, const Xapian::Database& db,
                                   DisplayNames& names, EntityKind kind, std::size_t limit) {
    std::vector<std::pair<std::string, Xapian::doccount>> sorted(spy.counts.begin(),
                                                                 spy.counts.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (sorted.size() > limit) sorted.resize(limit);
    std::vector<FacetCount> out;
    for (const auto& [key, count] : sorted) out.push_back({names.of(db, kind, key, key), count});
    return out;
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& db_path)
    : path_(db_path), db_(open_for_reading(db_path)) {}

bool Searcher::reopen_quietly() {
    try {
        bool newer = db_.reopen();
        if (newer) names_.clear();
        return newer;
    } catch (const Xapian::Error&) {
        return false;
    }
}

SearchResult Searcher::search(std::string_view query, const SearchOptions& options) {
    for (int attempt = 0;; ++attempt) {
        try {
            return run(query, options);
        } catch (const Xapian::DatabaseModifiedError&) {
            // reel-index committed while we read: see the new revision and ask again.
            // Five commits in a row during one query is unlikely; a block that claims a revision
            // which never existed, every time, is corruption.
            if (attempt >= 5) {
                throw DatabaseError(
                    unreadable_message(path_, "it keeps changing under the search, or is damaged"));
            }
            reopen_quietly();
        } catch (const Xapian::UnimplementedError& e) {
            // A query Xapian parses but cannot run, such as an entity phrase inside NEAR
            // ("OP_NEAR and OP_PHRASE only currently support leaf subqueries"): the query's
            // fault, not the database's.
            throw UsageError(fmt::format("Xapian cannot run this query: {}", e.get_msg()));
        } catch (const Xapian::DatabaseCorruptError& e) {
            // Blocks reused by a commit made while we read can look corrupt rather than
            // modified: only a newer revision is worth another try.
            if (attempt < 5 && reopen_quietly()) continue;
            throw DatabaseError(
                fmt::format("database '{}' is corrupt ({}); rebuild it with 'reel-index --rebuild'",
                            path_.string(), e.get_msg()));
        } catch (const Xapian::DatabaseError& e) {
            throw DatabaseError(unreadable_message(path_, e.get_msg()));
        }
    }
}

SearchResult Searcher::run(std::string_view text, const SearchOptions& options) {
    Xapian::Query parsed = parse_query(text, db_, options.query);
    Xapian::Query query = parsed;
    // Databases of schema 1 kept positions for body words; later ones keep word sequences.
    bool sequences =
        has_body_phrases(parsed) && db_.get_metadata(std::string(schema::kSchemaVersionKey)) != "1";
    if (sequences) {
        auto shared = std::make_shared<const SharedHashes>(
            decode_shared_hashes(db_.get_metadata(std::string(schema::kSharedHashesKey))));
        query = check_body_phrases(parsed, std::move(shared));
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());

    KeyCountSpy people_spy(schema::kPeopleSlot), films_spy(schema::kFilmsSlot);
    if (options.facets) {
        enquire.add_matchspy(&people_spy);
        enquire.add_matchspy(&films_spy);
    }
    // Asking to check every document makes the total exact, as the output promises.
    Xapian::doccount all = db_.get_doccount();
    // Xapian counts in 32 bits: --offset 4294967296 was offset 0, and --limit 4294967296 a
    // limit of 0. No page reaches past the last review anyway.
    auto at_most_all = [&](std::size_t n) {
        return static_cast<Xapian::doccount>(std::min<std::size_t>(n, all));
    };
    Xapian::doccount wanted = options.count_only ? 0 : at_most_all(options.limit);
    Xapian::MSet mset = enquire.get_mset(at_most_all(options.offset), wanted, all);

    SearchResult result;
    result.total = mset.get_matches_estimated();
    std::size_t rank = options.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = ++rank;
        hit.score = it.get_weight();
        try {
            hit.stored = decode_document_data(it.get_document().get_data());
        } catch (const InputError& e) {
            throw DatabaseError(fmt::format("database '{}': {}", path_.string(), e.what()));
        }
        result.hits.push_back(std::move(hit));
    }

    // Snippets come from the parsed query: Xapian prefers passages holding a whole phrase, which
    // it recognises by OP_PHRASE. An MSet of no documents is enough for that. The hits' own
    // spellings of folded words join it, so that they are found in the text.
    Xapian::MSet snippet_source = mset;
    std::set<std::string> spellings;
    if (options.snippets && !mset.empty()) {
        std::set<std::string> terms = body_terms(parsed);
        for (const Hit& hit : result.hits) {
            add_unfolded_spellings(hit.stored.review.text, terms, spellings);
            add_apostrophe_spellings(hit.stored.review.text, terms, spellings);
        }
    }
    if (options.snippets && (sequences || !spellings.empty()) && !mset.empty()) {
        Xapian::Enquire phrases(db_);
        std::vector<Xapian::Query> also = possessive_phrases(parsed);
        if (!spellings.empty())
            also.emplace_back(Xapian::Query::OP_OR, spellings.begin(), spellings.end());
        phrases.set_query(also.empty() ? parsed
                                       : Xapian::Query(Xapian::Query::OP_OR, parsed,
                                                       Xapian::Query(Xapian::Query::OP_OR,
                                                                     also.begin(), also.end())));
        phrases.set_weighting_scheme(Xapian::BM25Weight());
        snippet_source = phrases.get_mset(0, 0);
    }

    for (Hit& hit : result.hits) {
        if (options.snippets) {
            // No stemmer: the query already holds every indexed form of a stemmed word (the
            // synonym expansion), so exact matching highlights them all, and stemming each
            // word of each snippet cost a fifth of a batch's time. CJK n-grams only cut the
            // snippet: an unspaced run of Chinese or Japanese was one word too long to show.
            // One line: a review's paragraphs and runs of blanks broke the text output's layout.
            hit.snippet = mark_cuts(
                hit.stored.review.text,
                collapse_spaces(plain_snippet(
                    snippet_source.snippet(hit.stored.review.text, options.snippet_bytes,
                                           Xapian::Stem(), Xapian::MSet::SNIPPET_CJK_NGRAM,
                                           std::string(kMarkStart), std::string(kMarkEnd), "..."),
                    options.highlight_start, options.highlight_end)),
                options.highlight_start, options.highlight_end);
        }
        hit.stored.review.text.clear();
        for (Entity& e : hit.stored.entities.people)
            e.name = names_.of(db_, EntityKind::person, e.key, e.name);
        for (Entity& e : hit.stored.entities.films)
            e.name = names_.of(db_, EntityKind::film, e.key, e.name);
    }
    if (options.facets) {
        result.people =
            top_facets(people_spy, db_, names_, EntityKind::person, options.facet_limit);
        result.films = top_facets(films_spy, db_, names_, EntityKind::film, options.facet_limit);
    }
    return result;
}

}  // namespace reel
