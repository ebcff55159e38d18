#include "reel/document_builder.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "reel/entity_key.hpp"
#include "reel/metadata.hpp"
#include "reel/schema.hpp"
#include "reel/stored_review.hpp"
#include "reel/unicode.hpp"
#include "reel/word_sequence.hpp"

namespace reel {

namespace {

// Positions between the title's and the author's words, so that a phrase cannot match across.
constexpr Xapian::termpos kNameGap = 100;

bool stemmed_prefix(const std::string& term, std::string& prefix, std::string& word) {
    // Body words (no prefix) and the S/A free-text fields get stem synonyms; entity words are
    // searched exactly and boolean terms not at all.
    if (is_body_term(term)) {
        prefix.clear();
        word = term;
        return true;
    }
    char c = term[0];
    if ((c == 'S' || c == 'A') && term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z')) {
        prefix.assign(1, c);
        word = term.substr(1);
        return true;
    }
    return false;
}

// An entity word and the prefix its term would have, when the body lacks the word.
struct EntityWord {
    std::string_view prefix;
    std::string word;
};

// `name` with the possessive 's of each word taken off ("Schindler List" of "Schindler's List"),
// or "" when it has none: film keys keep it ("schindlers list"), so film:schindler found none
// of the reviews of Schindler's List.
std::string without_possessives(std::string_view name) {
    std::string out;
    bool any = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        bool ends = i + 2 >= name.size() || !std::isalnum(static_cast<unsigned char>(name[i + 2]));
        if (name[i] == '\'' && i > 0 && std::isalpha(static_cast<unsigned char>(name[i - 1])) &&
            i + 1 < name.size() && (name[i + 1] == 's' || name[i + 1] == 'S') && ends) {
            any = true;
            ++i;
            continue;
        }
        out += name[i];
    }
    return any ? out : std::string();
}

// Adds the key terms and slot of `entities`, and lists their words in `words_out` (once per
// name or spelling holding them, as wdf). Entity words have no positions: a phrase of them is
// checked against the names in the slot (phrase_filter.hpp).
void add_keys(Xapian::Document& doc, const std::vector<Entity>& entities,
              std::string (*key_of)(std::string_view), std::string_view key_prefix,
              std::string_view word_prefix, Xapian::valueno slot,
              std::vector<EntityWord>& words_out) {
    std::string names;
    for (const Entity& e : entities) {
        if (e.key.empty()) continue;
        doc.add_boolean_term(schema::term(key_prefix, e.key));
        if (!names.empty()) names += '\n';
        names += e.key;
        std::vector<std::string> words = key_words(e.key);
        for (const std::string& w : words) words_out.push_back({word_prefix, w});
        // A spelling the name was resolved from ("Charles Chaplin" for Charlie Chaplin,
        // "Cassavettes") still finds the review, as the review wrote it.
        auto add_spelling = [&](std::string_view form) {
            std::string spelling = key_of(form);
            std::vector<std::string> spelt = key_words(spelling);
            bool new_word = std::any_of(spelt.begin(), spelt.end(), [&](const std::string& w) {
                return std::find(words.begin(), words.end(), w) == words.end();
            });
            if (!new_word) return;
            for (const std::string& w : spelt) words_out.push_back({word_prefix, w});
            names += '\t';
            names += spelling;
        };
        for (const std::string& alias : e.aliases) add_spelling(alias);
        if (std::string plain = without_possessives(e.name); !plain.empty()) add_spelling(plain);
    }
    if (!names.empty()) doc.add_value(slot, names);
}

}  // namespace

DocumentBuilder::DocumentBuilder() : stemmer_("english") {
    termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    // As the body (word_sequence.cpp): title:千尋 finds "千と千尋の神隠し".
    termgen_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

void DocumentBuilder::index_field(const std::string& text, std::string_view prefix) {
    if (text.empty()) return;
    termgen_.index_text(fold(text), 1, std::string(prefix));
    termgen_.increase_termpos(kNameGap);
}

Xapian::Document DocumentBuilder::build(const Review& review, const ExtractedEntities& entities,
                                        std::vector<StemSynonym>& synonyms) {
    Xapian::Document doc;
    if (!review.text.empty())
        doc.add_value(schema::kWordsSlot, body_.index(fold(review.text), doc));
    termgen_.set_document(doc);
    index_field(review.title, schema::kTitle);
    index_field(review.author, schema::kAuthor);

    doc.add_boolean_term(schema::source_file_term(review.path));
    if (review.year) {
        doc.add_boolean_term(fmt::format("{}{}", schema::kYear, *review.year));
        doc.add_value(schema::kYearSlot, Xapian::sortable_serialise(*review.year));
    }
    if (review.rating)
        doc.add_value(schema::kRatingSlot, Xapian::sortable_serialise(*review.rating));
    if (std::string date = sortable_date(review.date); !date.empty())
        doc.add_value(schema::kDateSlot, date);
    std::vector<EntityWord> entity_words;
    add_keys(doc, entities.people, &person_key, schema::kPersonKey, schema::kPersonWord,
             schema::kPeopleSlot, entity_words);
    add_keys(doc, entities.films, &film_key, schema::kFilmKey, schema::kFilmWord,
             schema::kFilmsSlot, entity_words);
    doc.set_data(encode_document_data(review, entities));
    // A TermGenerator keeps a handle on its document, and Xapian 1.4 counts a document's
    // handles without atomics: left in place, this thread's handle would be dropped when it
    // builds the next document while the writer thread copies and frees this one, a race
    // that leaked documents or freed one still being written (ASan, e2e.hostile).
    termgen_.set_document(no_document_);

    // Most entity words are body words too ("Simmons" of J.K. Simmons): person:simmons finds
    // those through the body's term, checked against the names in the slot, so that only the
    // words the text does not hold as such ("jk" of "J. K. Simmons", "charlie" for "Charles
    // Chaplin") cost a term of their own. The terms come sorted, and so are the words.
    std::vector<std::string_view> wanted;
    wanted.reserve(entity_words.size());
    for (const EntityWord& w : entity_words) wanted.push_back(w.word);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<char> in_body(wanted.size(), 0);
    std::size_t next_wanted = 0;

    auto add_synonym = [&](const std::string& term, const std::string& prefix,
                           const std::string& word) {
        if (seen_terms_.insert(term)) synonyms.push_back({"Z" + prefix + stemmer_(word), term});
    };
    struct Elided {
        std::string prefix, word;
        Xapian::termcount wdf;
    };
    std::vector<Elided> elided;
    std::string prefix, word;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& term = *it;
        while (next_wanted < wanted.size() && wanted[next_wanted] < term) ++next_wanted;
        if (next_wanted < wanted.size() && wanted[next_wanted] == term && is_body_term(term))
            in_body[next_wanted] = 1;
        if (!stemmed_prefix(term, prefix, word)) continue;
        add_synonym(term, prefix, word);
        if (std::string_view rest = after_elision(word); !rest.empty())
            elided.push_back({prefix, std::string(rest), it.get_wdf()});
    }
    // "l'atalante" is found as "atalante" too (without positions: a phrase reads the words as
    // written).
    for (const Elided& e : elided) {
        std::string term = e.prefix + e.word;
        doc.add_term(term, e.wdf);
        add_synonym(term, e.prefix, e.word);
    }
    for (const EntityWord& w : entity_words) {
        auto at = std::lower_bound(wanted.begin(), wanted.end(), std::string_view(w.word));
        if (!in_body[static_cast<std::size_t>(at - wanted.begin())])
            doc.add_term(schema::term(w.prefix, w.word));
    }
    return doc;
}

}  // namespace reel
