#include "reel/query.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <memory>

#include "reel/entities_data.hpp"
#include "reel/entity_key.hpp"
#include "reel/errors.hpp"
#include "reel/phrase_filter.hpp"
#include "reel/query_repair.hpp"
#include "reel/schema.hpp"
#include "reel/text_normalize.hpp"
#include "reel/unicode.hpp"

namespace reel {

namespace {

constexpr std::size_t kMaxQueryBytes = 16 * 1024;
// Xapian's matcher walks every word's reviews once per word: 3,000 words of "the" took 12 s on
// the 50,000 aclImdb reviews, 256 take half a second. Lucene caps a query at 1,024 clauses,
// Google at 32 words; 256 leaves room for a pasted paragraph.
constexpr std::size_t kMaxQueryWords = 256;

// QueryParser 1.4 hands a FieldProcessor nothing for a quoted value (person:"J.K. Simmons"), so
// values of the fields with processors are hex-encoded into one plain token behind this marker
// before parsing (see encode_field_values), and decoded by the processor.
constexpr std::string_view kQuotedMarker = "qq0x";

// The fields parse_query gives a FieldProcessor (person:, film:, rating:): their values are
// encoded before parsing, and a bracket after them is rejected.
constexpr std::string_view kProcessorFields[] = {schema::kPersonField, schema::kFilmField,
                                                 schema::kRatingField};

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

// "7..10", "..4", "8.5..": what the rating range processor reads. Anything else after
// rating: (say "7..x(") is encoded like any other value and rejected by the processor.
bool is_number_range(std::string_view v) {
    std::size_t dots = v.find("..");
    if (dots == std::string_view::npos) return false;
    auto numeric = [](std::string_view s) {
        return s.find_first_not_of("0123456789.") == std::string_view::npos &&
               s.find("..") == std::string_view::npos;
    };
    return numeric(v.substr(0, dots)) && numeric(v.substr(dots + 2));
}

// Whether QueryParser may read a field name at text[at] as a field: after anything but an
// ASCII word character (after "¤", say). Erring towards a field only changes queries that made
// no sense anyway.
bool field_can_start(std::string_view text, std::size_t at) {
    if (at == 0) return true;
    auto before = static_cast<unsigned char>(text[at - 1]);
    return before >= 0x80 || (!std::isalnum(before) && before != '_');
}

// The field with a processor written at text[at] ("film:..."), or empty.
std::string_view processor_field_at(std::string_view text, std::size_t at) {
    if (!field_can_start(text, at)) return {};
    std::string_view rest = text.substr(at);
    for (std::string_view field : kProcessorFields) {
        if (rest.starts_with(field) && rest.substr(field.size()).starts_with(":")) return field;
    }
    return {};
}

// Every value of a field with a processor is hex-encoded into one plain token, quoted or not.
// Besides quoted values (above), this guards against a QueryParser 1.4 bug: a value it reads
// as a phrase ("film:mad-max", "person:j.k.simmons", an unclosed "film:\"x") becomes a null
// query for such fields, so "drum +film:mad-max" crashed and "film:mad-max" matched nothing
// (found by fuzz_query). A quoted value ends at its closing quote (an unclosed one at the end,
// as QueryParser reads it), another at white space or ')'. Ranges ("rating:7..9") and groups
// ("person:(", rejected in parse_query) are left to QueryParser. Only rating: has ranges:
// "film:mad-x(y..2010" read as a range crashed QueryParser too (fuzz_query, in CI).
std::string encode_field_values(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    std::size_t i = 0;
    while (i < text.size()) {
        std::string_view field = processor_field_at(text, i);
        std::size_t start = field.empty() ? 0 : i + field.size() + 1;  // of the value
        bool takes_ranges = field == schema::kRatingField;
        if (start == 0 || start >= text.size() || static_cast<unsigned char>(text[start]) <= ' ' ||
            text[start] == '(' || text[start] == ')') {
            out += text[i++];
            continue;
        }
        std::size_t end, next;
        if (text[start] == '"') {
            end = std::min(text.find('"', start + 1), text.size());
            next = end + 1;
            ++start;
        } else {
            end = start;
            while (end < text.size() && static_cast<unsigned char>(text[end]) > ' ' &&
                   text[end] != ')') {
                ++end;
            }
            next = end;
            // Names are matched whole words to whole words: "person:tarant*" was searched as
            // person:tarant, which finds nobody, and "film:star*" as film:star.
            if (!takes_ranges && end - start > 1 && text[end - 1] == '*') {
                throw UsageError(fmt::format(
                    "{}: takes whole words, not a wildcard: reel-search --list {} --prefix {} "
                    "lists the names",
                    field, field == schema::kPersonField ? "people" : "films",
                    text.substr(start, end - start - 1)));
            }
            if (takes_ranges && is_number_range(text.substr(start, end - start))) {
                out.append(text.substr(i, end - i));  // a range
                i = end;
                continue;
            }
        }
        out.append(text.substr(i, start - i - (text[start - 1] == '"' ? 1 : 0)));  // "film:"
        out += kQuotedMarker;
        for (unsigned char c : text.substr(start, end - start)) out += fmt::format("{:02x}", c);
        i = next;
        // Text glued to a closing quote ("x":y) would join the token into a phrase again.
        if (i < text.size() && static_cast<unsigned char>(text[i]) > ' ' && text[i] != ')')
            out += ' ';
    }
    return out;
}

std::string decode_field_value(const std::string& value) {
    if (!value.starts_with(kQuotedMarker)) return value;
    std::string out;
    for (std::size_t i = kQuotedMarker.size(); i + 1 < value.size(); i += 2) {
        if (!is_hex(value[i]) || !is_hex(value[i + 1])) return value;
        out += static_cast<char>(std::stoi(value.substr(i, 2), nullptr, 16));
    }
    return out;
}

// The first problem a processor found. Processors must not throw: QueryParser 1.4 leaks the
// terms it holds when one does (found by fuzz_query under LeakSanitizer), so they note the
// problem, return MatchNothing, and parse_query throws once the parser is done.
struct ParseProblem {
    std::string message;
    Xapian::Query note(std::string m) {
        if (message.empty()) message = std::move(m);
        return Xapian::Query::MatchNothing;
    }
};

// The particles that may open a surname ("de", "von", "van"...): the extractor's list, folded
// as it folds them.
const std::vector<std::string>& name_particles() {
    static const std::vector<std::string> particles = [] {
        std::vector<std::string> out;
        for (std::string_view line : embedded_lines("particles")) out.push_back(fold(line));
        return out;
    }();
    return particles;
}

// A person's words as given, then with one particle spaced the other way: people type
// person:deniro and person:"de niro" for the same Robert De Niro, and reviews write both
// ("DeNiro", "Vonsydow"), so that either found only the reviews spelling it so.
std::vector<std::vector<std::string>> particle_spellings(const std::vector<std::string>& words) {
    constexpr std::size_t kMaxSpellings = 8;  // a query of many such words stays small
    std::vector<std::vector<std::string>> out{words};
    for (std::size_t i = 0; i < words.size() && out.size() < kMaxSpellings; ++i) {
        for (const std::string& p : name_particles()) {
            if (out.size() == kMaxSpellings) break;
            if (words[i] == p && i + 1 < words.size()) {
                std::vector<std::string> joined = words;
                joined[i] += joined[i + 1];
                joined.erase(joined.begin() + static_cast<std::ptrdiff_t>(i) + 1);
                out.push_back(std::move(joined));
            } else if (words[i].size() >= p.size() + 3 && words[i].starts_with(p)) {
                // Three letters at least: "dern" is no "de rn".
                std::vector<std::string> split = words;
                split[i] = p;
                split.insert(split.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                             words[i].substr(p.size()));
                out.push_back(std::move(split));
            }
        }
    }
    return out;
}

// person:"J.K. Simmons" and person:simmons: the value is normalised exactly as indexed names
// are, then matched as a phrase of name words (one word: any name containing it). Databases of
// schema 2 and before have positions for these words; later ones have the names in a slot.
class EntityFieldProcessor : public Xapian::FieldProcessor {
  public:
    EntityFieldProcessor(std::string (*key_of)(std::string_view), std::string_view field,
                         std::string_view example, std::string_view word_prefix,
                         Xapian::valueno slot, bool positions, bool particles,
                         ParseProblem& problem)
        : key_of_(key_of),
          field_(field),
          example_(example),
          prefix_(word_prefix),
          slot_(slot),
          positions_(positions),
          particles_(particles),
          problem_(problem) {}

    Xapian::Query operator()(const std::string& value) override {
        std::vector<std::string> words = key_words(key_of_(decode_field_value(value)));
        // person:"" (a script's person:"$name" with $name empty) matched nothing, which
        // "person:\"\" OR drum" made every review with "drum" and "person:\"\" drum" a query
        // "with no words to search for".
        if (words.empty())
            return problem_.note(fmt::format("{}: needs a value, as in {}", field_, example_));
        if (!particles_) return name_query(words);
        std::vector<Xapian::Query> spellings;
        for (const auto& spelling : particle_spellings(words))
            spellings.push_back(name_query(spelling));
        if (spellings.size() == 1) return spellings.front();
        return Xapian::Query(Xapian::Query::OP_OR, spellings.begin(), spellings.end());
    }

  private:
    Xapian::Query name_query(const std::vector<std::string>& words) const {
        if (!positions_) return entity_phrase(words, prefix_, slot_);
        if (words.size() == 1) return Xapian::Query(schema::term(prefix_, words.front()));
        std::vector<Xapian::Query> terms;
        for (const std::string& w : words) terms.emplace_back(schema::term(prefix_, w));
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    }

    std::string (*key_of_)(std::string_view);
    std::string_view field_, example_;
    std::string prefix_;
    Xapian::valueno slot_;
    bool positions_;
    bool particles_;  // person: spaces name particles either way
    ParseProblem& problem_;
};

bool parse_double(const std::string& s, double& out) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Ratings are stored on 0-10 (metadata.hpp): "rating:85", meant as 85%, matched nothing, with no
// word said.
constexpr std::string_view kRatingScale =
    "rating: is on a 0-10 scale, as in rating:8 or rating:7..10 (85% is 8.5, 4/5 is 8)";

bool on_rating_scale(double v) {
    return v >= 0 && v <= 10;
}

// The documents with a value in `slot`: what an open range with neither end ("rating:..", a
// script's rating:$min..$max with both empty) means. Xapian reads it as OP_VALUE_GE with an
// empty limit, which is every document, the unrated ones too. Any value is at least "\0".
Xapian::Query any_value(Xapian::valueno slot) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, std::string(1, '\0'));
}

// rating:7..10 and year:2010..2015, rejecting backwards ranges with a clear message.
class CheckedNumberRange : public Xapian::NumberRangeProcessor {
  public:
    CheckedNumberRange(Xapian::valueno slot, std::string field, ParseProblem& problem)
        : Xapian::NumberRangeProcessor(slot, field + ":"),
          field_(std::move(field)),
          problem_(problem) {}

    Xapian::Query operator()(const std::string& begin, const std::string& given_end) override {
        std::string end =
            field_ == schema::kYearField ? full_end_year(begin, given_end) : given_end;
        double b = 0, e = 0;
        if ((!begin.empty() && !parse_double(begin, b)) ||
            (!end.empty() && !parse_double(end, e))) {
            return problem_.note(
                fmt::format("{}: expects numbers, as in {}:7..10", field_, field_));
        }
        if (!begin.empty() && !end.empty() && b > e) {
            return problem_.note(fmt::format("{}:{}..{} is backwards (did you mean {}:{}..{}?)",
                                             field_, begin, end, field_, end, begin));
        }
        if (field_ == schema::kRatingField &&
            ((!begin.empty() && !on_rating_scale(b)) || (!end.empty() && !on_rating_scale(e))))
            return problem_.note(std::string(kRatingScale));
        if (begin.empty() && end.empty()) return any_value(slot);
        return Xapian::NumberRangeProcessor::operator()(begin, end);
    }

  private:
    // "year:2014-15" is 2014..2015, as people abbreviate the end of a span of years; read as
    // written it was the backwards range 2014..15. An end with fewer digits that would be
    // smaller takes the start's leading digits, and the next century or decade when that is
    // still smaller and a short span ("1999-03" is 1999..2003, but "2014-13" stays backwards:
    // 2014..2013, not 2014..2113).
    static std::string full_end_year(const std::string& begin, const std::string& end) {
        auto digits = [](const std::string& s) {
            return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
        };
        if (!digits(begin) || !digits(end) || begin.size() > 9 || end.size() >= begin.size() ||
            std::stol(end) >= std::stol(begin))
            return end;
        std::string full = begin.substr(0, begin.size() - end.size()) + end;
        long step = 1;
        for (std::size_t k = 0; k < end.size(); ++k) step *= 10;
        long from = std::stol(begin), to = std::stol(full);
        if (to < from && to + step - from < step / 2) to += step;
        return std::to_string(to);
    }

    std::string field_;
    ParseProblem& problem_;
};

// rating:8 (no range): reviews rated 8 up to, but not including, 9; rating:7.5 those rated 7.5
// up to 7.6, to the precision typed (a step of 1 made rating:9.5 match the 10/10 reviews).
class SingleNumberField : public Xapian::FieldProcessor {
  public:
    SingleNumberField(Xapian::valueno slot, ParseProblem& problem)
        : slot_(slot), problem_(problem) {}
    Xapian::Query operator()(const std::string& value) override {
        std::string text = decode_field_value(value);
        double v = 0;
        if (!parse_double(text, v))
            return problem_.note("rating: expects a number, as in rating:8 or rating:7..10");
        if (!on_rating_scale(v)) return problem_.note(std::string(kRatingScale));
        double step = 1;
        if (std::size_t dot = text.find('.'); dot != std::string::npos) {
            for (std::size_t k = dot + 1;
                 k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])); ++k)
                step /= 10;
        }
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot_, Xapian::sortable_serialise(v),
                             Xapian::sortable_serialise(v + 0.999 * step));
    }

  private:
    Xapian::valueno slot_;
    ParseProblem& problem_;
};

// date:A..B: the dates are YYYY-MM-DD (or YYYYMMDD); a range that ends before it begins is an
// error rather than silently matching nothing.
class CheckedDateRange : public Xapian::DateRangeProcessor {
  public:
    CheckedDateRange(Xapian::valueno slot, std::string field, ParseProblem& problem)
        : Xapian::DateRangeProcessor(slot, field + ":", 0, 1930),
          field_(std::move(field)),
          problem_(problem) {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        if (begin.empty() && end.empty()) return any_value(slot);
        // Xapian takes any two digits for a month or day: "..2016-13-01" ran to all of 2016.
        Xapian::Query q = (!begin.empty() && !is_date(begin)) || (!end.empty() && !is_date(end))
                              ? Xapian::Query(Xapian::Query::OP_INVALID)
                              : Xapian::DateRangeProcessor::operator()(begin, end);
        // QueryParser's own word for it is "Unknown range operation".
        if (q.get_type() == Xapian::Query::OP_INVALID) {
            return problem_.note(fmt::format(
                "{0}: expects dates as YYYY-MM-DD, as in {0}:2020-01-01..2020-06-30", field_));
        }
        // A valid but backwards range comes back as an empty query (an unreadable one as
        // OP_INVALID, which lets QueryParser report it).
        if (q.empty() && !begin.empty() && !end.empty()) {
            return problem_.note(fmt::format("{}:{}..{} is backwards (did you mean {}:{}..{}?)",
                                             field_, begin, end, field_, end, begin));
        }
        return q;
    }

  private:
    std::string field_;
    ParseProblem& problem_;
};

// "person:(a +m:x" makes QueryParser 1.4 dereference a null query and crash (found by
// fuzz_query): a field with a processor hands it the raw text, so a bracketed group after one
// never worked anyway. Returns the field written that way, if any.
std::string_view processor_field_before_bracket(std::string_view text) {
    for (std::size_t colon = text.find(":("); colon != std::string_view::npos;
         colon = text.find(":(", colon + 1)) {
        for (std::string_view field : kProcessorFields) {
            if (colon >= field.size() && processor_field_at(text, colon - field.size()) == field)
                return field;
        }
    }
    return {};
}

// What QueryParser 1.4 cannot take around NEAR and ADJ (each found by fuzz_query), as a usage
// error; empty when the query is fine:
// - a field with a processor beside it ("p +film:x NEAR person:k" dereferences a null query);
//   a window between a film and a person means nothing anyway;
// - an excluded word as its left side ("-a NEAR b c" leaks the parser's terms).
// Reads the runs of non-space text either side of each operator in the encoded text, where a
// processor field and its value make one run.
std::string window_problem(std::string_view text) {
    auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    auto space = [](char c) { return static_cast<unsigned char>(c) <= ' '; };
    for (std::string_view op : {"NEAR", "ADJ"}) {
        for (std::size_t at = text.find(op); at != std::string_view::npos;
             at = text.find(op, at + 1)) {
            std::size_t end = at + op.size();
            if ((at > 0 && alnum(text[at - 1])) || (end < text.size() && alnum(text[end])))
                continue;  // part of a word ("NEARLY")
            std::size_t b = at;
            while (b > 0 && space(text[b - 1])) --b;
            std::size_t a = b;
            while (a > 0 && !space(text[a - 1])) --a;
            std::size_t c = end;  // past "/N" and anything else that is not a word
            while (c < text.size() && !alnum(text[c])) ++c;
            while (c < text.size() && std::isdigit(static_cast<unsigned char>(text[c]))) ++c;
            while (c < text.size() && space(text[c])) ++c;
            std::size_t d = c;
            while (d < text.size() && !space(text[d])) ++d;
            for (std::string_view run : {text.substr(a, b - a), text.substr(c, d - c)}) {
                while (!run.empty() && !alnum(run.front())) run.remove_prefix(1);  // "+", "("
                if (std::string_view field = processor_field_at(run, 0); !field.empty()) {
                    return fmt::format(
                        "NEAR and ADJ join words, not {0}: values: write {0}:... AND (a NEAR b)",
                        field);
                }
            }
            if (b - a > 1 && text[a] == '-' && alnum(text[a + 1]))
                return "a window cannot start with an excluded word: write -(a NEAR b)";
        }
    }
    return {};
}

// On a syntax error, QueryParser 1.4 parses the query again with every flag off and returns
// that, silently. That suits a plain Xapian database, whose words are still found; not reel's:
// its stems reach the indexed forms only through FLAG_AUTO_SYNONYMS ("drum)" found nothing), and
// an excluded term comes back as a term to find ("-film:whiplash" found the Whiplash reviews).
// A query parsed to the same as with no flags at all is taken for that fallback. The probe's own
// problems are not the query's: without flags, a quoted "rating:8" reaches the rating processor.
bool parsed_without_flags(Xapian::QueryParser& qp, const std::string& text, const Xapian::Query& q,
                          ParseProblem& problem) {
    std::string noted = problem.message;
    bool same = q.get_description() == qp.parse_query(text, 0).get_description();
    problem.message = std::move(noted);
    return same;
}

// The fallback done as reel needs it: without unmatched closing brackets, the query may read
// as written; a query of excluded terms only ("-drum", which only "NOT drum" spells in a form
// the parser takes) means everything but those; any other query the parser cannot read is read
// as its words (with their stems, and wildcards), unless it excludes something, which read so
// would be searched for instead: that is an error.
Xapian::Query parse_unreadable(Xapian::QueryParser& qp, const std::string& text, unsigned flags,
                               ParseProblem& problem) {
    // An attempt that is given up leaves no problem behind.
    auto parses = [&](const std::string& attempt, Xapian::Query& q) {
        if (attempt == text || !window_problem(attempt).empty()) return false;
        std::string noted = problem.message;
        q = qp.parse_query(attempt, flags);
        if (!parsed_without_flags(qp, attempt, q, problem)) return true;
        problem.message = std::move(noted);
        return false;
    };
    Xapian::Query q;
    std::string balanced = without_unmatched_closers(text);
    if (parses(balanced, q)) return q;
    std::string windowed = windows_in_brackets(balanced);
    if (windowed != balanced && parses(windowed, q)) return q;
    std::size_t first = windowed.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && excludes_at(windowed, first) &&
        parses(exclusions_as_not(windowed), q))
        return q;
    if (has_exclusion(text)) {
        throw UsageError(
            "cannot read its brackets, quotes or operators, and read as plain words it would "
            "find what it excludes");
    }
    // Read as words, "new* NEAR york" found the reviews with the word "near".
    if (has_window_operator(text)) {
        throw UsageError(
            "NEAR and ADJ join two plain words, with no brackets, quotes, wildcards or signs "
            "beside them: write (a NEAR c) OR (b NEAR c)");
    }
    return qp.parse_query(text, Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
                                    Xapian::QueryParser::FLAG_WILDCARD |
                                    Xapian::QueryParser::FLAG_CJK_NGRAM);
}

// Folds accents (as the indexer does) but keeps ASCII case, which QueryParser reads:
// AND/OR/NOT operators, and capitalised words are not stemmed.
std::string fold_accents(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        auto b = static_cast<unsigned char>(in[i]);
        if (b < 0x80) {
            out += static_cast<char>(b);
            ++i;
        } else {
            append_folded(out, next_code_point(in, i));
        }
    }
    return out;
}

bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

bool ascii_alnum(char c) {
    return ascii_upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// QueryParser reads a capitalised acronym ("U.S.", "L.A.") as one word ("us", "la"), but the
// indexer folds case first and so indexes its letters as words of their own: "L.A.
// Confidential" found nothing and "U.S." found every review with "us". Lower-cased, the
// acronym is read as the indexer read it.
std::string lower_acronyms(std::string text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if (!ascii_upper(text[i]) || text[i + 1] != '.' || !ascii_upper(text[i + 2]) ||
            (i > 0 && ascii_alnum(text[i - 1])))
            continue;
        std::size_t j = i;
        for (; j + 1 < text.size() && ascii_upper(text[j]) && text[j + 1] == '.'; j += 2)
            text[j] = static_cast<char>(text[j] + ('a' - 'A'));
        if (j < text.size() && ascii_upper(text[j]) &&
            (j + 1 == text.size() || !ascii_alnum(text[j + 1])))
            text[j] = static_cast<char>(text[j] + ('a' - 'A'));
        i = j;
    }
    return text;
}

// Runs of letters and digits (any non-ASCII byte counts as a letter).
std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        bool letter = static_cast<unsigned char>(c) >= 0x80 ||
                      std::isalnum(static_cast<unsigned char>(c)) != 0;
        words += letter && !in_word;
        in_word = letter;
    }
    return words;
}

// QueryParser's messages, in the words of reel's syntax where QueryParser's say nothing to a
// user: it calls a range it has no field for ("7..9", "drum 2010..2015") an "Unknown range
// operation".
std::string reworded_parser_error(const std::string& message) {
    if (message == "Unknown range operation")
        return "a range needs its field: rating:7..9, year:2010..2015 or date:2020-01..2020-06";
    // "kick OR" (a script's list joined with a trailing " OR ") was told "Syntax: <expression> OR
    // <expression>", in the parser's grammar, and "NOT" alone, meant as the word, the same.
    constexpr std::string_view kBefore = "Syntax: <expression> ", kAfter = " <expression>";
    if (message.starts_with(kBefore) && message.ends_with(kAfter) &&
        message.size() > kBefore.size() + kAfter.size()) {
        std::string op =
            message.substr(kBefore.size(), message.size() - kBefore.size() - kAfter.size());
        return fmt::format(
            "{0} needs something to search for {1}, as in a {0} b (the word itself is written in "
            "lower case: {2})",
            op, op == "NOT" ? "after it" : "on each side", Xapian::Unicode::tolower(op));
    }
    return message;
}

}  // namespace

std::string_view query_syntax_help() {
    return R"(Query syntax (Xapian QueryParser's):
  words              all must match (--any: at least one); stemmed: "drum" finds "drumming"
                     (a Capitalised word is not, as in Xapian: "Drums" finds "drums" only)
  "exact phrase"     the words in this order ("new york" also finds "New York's")
  a OR b, a AND b, a NOT b, -word, +word, (grouping), a NEAR b, wildc*
  film:whiplash      reviews about or mentioning a film (film:"Mad Max: Fury Road")
  person:simmons     reviews mentioning a person (person:"J.K. Simmons" = person:"jk simmons")
  author:NAME  title:WORDS
  rating:7..10  rating:8  rating:..4     ratings on a 0-10 scale
  year:2014  year:2010..2015  date:2020-01-01..2020-12-31  date:2020-03
                     (year:2014-15 is 2014..2015; field names in any case: Film:, YEAR:)
  A query starting with '-' goes after '--': reel-search -- -whiplash drum)";
}

Xapian::Query parse_query(std::string_view raw, const Xapian::Database& db,
                          const QueryOptions& options) {
    if (raw.find('\0') != std::string_view::npos) throw UsageError("the query contains a NUL byte");
    if (raw.size() > kMaxQueryBytes) {
        throw UsageError(fmt::format("the query is {} bytes long; the limit is {} KiB", raw.size(),
                                     kMaxQueryBytes / 1024));
    }
    if (std::size_t words = count_words(raw); words > kMaxQueryWords) {
        throw UsageError(
            fmt::format("the query has {} words; the limit is {}", words, kMaxQueryWords));
    }
    // Quotes straightened as in indexed text: a name pasted from a web page, with a curly
    // apostrophe (O'Toole) or in curly quotes, found nothing or other reviews, as names are keyed
    // with straight apostrophes and only straight quotes delimit a field's value.
    std::string typed = encode_field_values(dashes_as_ranges(
        lower_acronyms(lower_field_names(fold_accents(normalize_chars(repair_utf8(raw)))))));
    if (std::string backwards = backwards_date_range(typed); !backwards.empty())
        throw UsageError(backwards);
    std::string text =
        bracket_unspaced_runs(ellipses_as_spaces(unsign_ranges(single_dates_as_ranges(typed))));
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw UsageError("the query is empty");
    if (std::string_view field = processor_field_before_bracket(text); !field.empty()) {
        throw UsageError(
            fmt::format("{0}: takes one value, not a group in brackets: write "
                        "({0}:a OR {0}:b)",
                        field));
    }
    if (std::string window = window_problem(text); !window.empty()) throw UsageError(window);
    if (std::string value = field_value_problem(text); !value.empty()) throw UsageError(value);

    ParseProblem problem;  // outlives qp, which owns the processors that refer to it
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(options.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    qp.add_prefix(std::string(schema::kTitleField), std::string(schema::kTitle));
    qp.add_prefix(std::string(schema::kAuthorField), std::string(schema::kAuthor));
    // Processors are handed over with release(): QueryParser then owns them (a bare `new` leaks
    // one set per query, which a long --batch adds up).
    std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    bool entity_positions = version == "1" || version == "2";
    qp.add_prefix(std::string(schema::kPersonField),
                  (new EntityFieldProcessor(&person_key, schema::kPersonField,
                                            R"(person:"J.K. Simmons")", schema::kPersonWord,
                                            schema::kPeopleSlot, entity_positions, true, problem))
                      ->release());
    qp.add_prefix(
        std::string(schema::kFilmField),
        (new EntityFieldProcessor(&film_key, schema::kFilmField, "film:whiplash", schema::kFilmWord,
                                  schema::kFilmsSlot, entity_positions, false, problem))
            ->release());
    qp.add_boolean_prefix(std::string(schema::kYearField), std::string(schema::kYear));
    qp.add_prefix(std::string(schema::kRatingField),
                  (new SingleNumberField(schema::kRatingSlot, problem))->release());
    qp.add_rangeprocessor(
        (new CheckedNumberRange(schema::kRatingSlot, std::string(schema::kRatingField), problem))
            ->release());
    qp.add_rangeprocessor(
        (new CheckedNumberRange(schema::kYearSlot, std::string(schema::kYearField), problem))
            ->release());
    qp.add_rangeprocessor(
        (new CheckedDateRange(schema::kDateSlot, std::string(schema::kDateField), problem))
            ->release());

    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_AUTO_SYNONYMS | Xapian::QueryParser::FLAG_PURE_NOT |
                     Xapian::QueryParser::FLAG_CJK_NGRAM;
    try {
        Xapian::Query q = qp.parse_query(text, flags);
        if (problem.message.empty() && parsed_without_flags(qp, text, q, problem))
            q = parse_unreadable(qp, text, flags, problem);
        if (!problem.message.empty()) throw UsageError(problem.message);
        if (q.empty()) throw UsageError("the query has no words to search for");
        return q;
    } catch (const Xapian::QueryParserError& e) {
        if (!problem.message.empty()) throw UsageError(problem.message);
        throw UsageError(reworded_parser_error(e.get_msg()));
    } catch (const Xapian::WildcardError& e) {
        throw UsageError(fmt::format("wildcard matches too many words: {}", e.get_msg()));
    }
}

}  // namespace reel
