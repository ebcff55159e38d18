// Repairs of sloppy queries that Xapian's QueryParser 1.4 would not read as the user meant:
// text-level rewrites, made before parsing or when the parser gives up (query.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reel {

// Whether text[i] is a '-' that excludes the term it opens ("-drum", "-(a b)").
bool excludes_at(std::string_view text, std::size_t i);

// Whether the query excludes anything: a term opened by '-', or NOT (outside phrases).
bool has_exclusion(std::string_view text);

// Whether NEAR or ADJ stands after a term as an operator ("a NEAR", "a ADJ/3 b"), outside
// phrases. At the start of a query it is a word ("NEAR DARK"), as QueryParser reads it.
bool has_window_operator(std::string_view text);

// "x drum NEAR solo" as "x (drum NEAR solo)", outside phrases: QueryParser 1.4 reads a window
// beside other terms only in brackets, and gives up on the query otherwise. A chain ("a NEAR b
// ADJ c") is one window.
std::string windows_in_brackets(std::string_view text);

// The first field written without a value it can take, as a usage message ("" when all are
// fine): "film:" or "person:" alone, "year:abc", "date:abc". Run on the text as parse_query
// rewrites it (single dates already ranges); rating: values are checked by their processor.
std::string field_value_problem(std::string_view text);

// The first word written as a field that is none ("preson" of "preson:kieslowski"), outside
// phrases, or "". QueryParser reads it as words, which is right for "re:animator"; a query
// that then matches nothing is worth a hint.
std::string unknown_field(std::string_view text);

// The fields a query can name, for messages: "person:, film:, rating:, ...".
std::string field_list();

// "-rating:..5", "+year:2010..2015": QueryParser 1.4 cannot exclude or require a range
// ("Unknown range operation"). A range filters anyway, so '+' adds nothing, and '-' is NOT,
// which the parser takes, alone too (FLAG_PURE_NOT), put at the end of the range's run of
// terms ("drum -rating:..5 battle" is "drum battle NOT rating:..5").
std::string unsign_ranges(std::string_view text);

// "year:2010–2015", "rating:7—10": an en or em dash between a range field's two ends, as
// typeset text writes a range, as ".."; so is a hyphen between two years or ratings
// ("year:1990-1999") and a run of three dots or more ("rating:8...10", a typo for 8..10).
std::string dashes_as_ranges(std::string_view text);

// "date:2014-10-17" as "date:2014-10-17..2014-10-17", a month (2014-10) or a year (2014) as
// the range of its days, as year: and rating: take one value: QueryParser 1.4 has no field for
// a date, so a single one was searched for as the words "date 2014 10 17". The ends of a range
// are read the same way: "date:2014..2015-06" is "date:2014-01-01..2015-06-31".
std::string single_dates_as_ranges(std::string_view text);

// "date:2015..2014", a range that ends before it begins, as a usage message naming it as typed
// and the range swapped ("" when there is none). Run before single_dates_as_ranges: on the
// range of days it makes, the swapped ends (2014-12-31..2015-01-01) are two days, not what was
// meant.
std::string backwards_date_range(std::string_view text);

// "Film:whiplash", "YEAR:2014" as "film:whiplash", "year:2014": QueryParser's field names are
// case-sensitive, so a capitalised one was searched for as words ("film whiplash") or as a
// year term no review has. Only a field's name, outside phrases, where a term starts, and with
// a value after its colon is changed: "Title: Heat" and "\"Note: Film:x\"" stay text.
std::string lower_field_names(std::string_view text);

// Whether `v` is a day, month or year as date: takes them (2014-10-17, 20141017, 2014-10,
// 2014), with a month of 1 to 12 and a day of 1 to 31.
bool is_date(std::string_view v);

// "what a film...", "wait.. what": a run of dots where no range can be (outside a range
// field's value, and not between two digits) as a space. QueryParser 1.4 takes any ".." for a
// range, and with no range field to take it fails the query ("Unknown range operation").
std::string ellipses_as_spaces(std::string_view text);

// "drum 東京 battle" as "drum (東京) battle": with CJK n-grams on, QueryParser 1.4.22 fails a
// run of Chinese, Japanese or Korean after a word when another word follows ("parse error";
// Xapian fixed it in 1.4.25). In brackets the run reads the same. Runs in phrases, runs that
// are the value of a field other than title: and author: (person: and film: take no brackets),
// runs after a letter or digit and runs before a wildcard's '*' are left as they are.
std::string bracket_unspaced_runs(std::string_view text);

// The query with its unmatched closing brackets ("drum -film:x )") made spaces, outside
// phrases: they are what the parser stumbles on most.
std::string without_unmatched_closers(std::string_view text);

// "-drum -score" as "NOT drum NOT score".
std::string exclusions_as_not(std::string_view text);

}  // namespace reel
