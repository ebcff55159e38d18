#!/usr/bin/env bash
# Words, phrases, fields, ranges, output formats and exit statuses on a small known collection.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/in/sub"
cd "$WORK/in"
printf 'The drum battle in Whiplash was loud.\n' > a.txt
printf 'A drum and a battle, but never together.\n' > b.txt
printf 'Battle drum sounds. Drumming all night.\n' > c.txt
printf -- '---\nfilm: Whiplash\nyear: 2014\nrating: 9/10\nauthor: Ana Critic\ntitle: Tempo wars\n---\nJ.K. Simmons is terrifying; Teller plays Andrew.\n' > sub/d.md
printf '<html><head><title>Rabbit Hole review</title><script>var hidden="zebra";</script></head><body><p>Nicole Kidman in <i>Rabbit Hole</i> &amp; grief.</p></body></html>' > sub/e.html
cat > f.csv <<'CSV'
critic,movie_title,score,date,review_content
Bo Writer,La La Land,4/5,2016-12-09,"Emma Stone sings, dances; ""City of Stars"" stays with you"
Cy Writer,Heat,3/10,1995-12-15,Long shoot-out. Al Pacino shouts a lot.
CSV
printf '{"film":"Psycho","year":1960,"rating":10,"text":"Anthony Perkins as Norman Bates."}\n\n{"film":"Alien","rating":"8/10","text":"Sigourney Weaver fights the creature."}\n' > g.jsonl
printf 'Amélie is charming.\n' > h.txt

expect_status 0 "index the collection" "$REEL_INDEX" --quiet .
check "summary names the counts" contains "$ERR" "8 added"

# Words: all must match; stemming finds other forms.
check "word" [ "$(ids drum)" = $'a.txt\nb.txt\nc.txt' ]
check "AND by default" [ "$(ids drum battle)" = $'a.txt\nb.txt\nc.txt' ]
check "stemmed: drums finds drum and drumming" [ "$(ids drums)" = $'a.txt\nb.txt\nc.txt' ]
check "stemmed: drumming" [ "$(count drumming)" = 3 ]
check "--any" [ "$(count --any shout grief)" = 2 ]
check "case does not matter" [ "$(count KIDMAN)" = 1 ]
check "accents do not matter" [ "$(count kidmán)" = 1 ] && check "accents in text" [ "$(count amelie)" = 1 ]
check "accents in query and text" [ "$(count AMÉLIE)" = 1 ]

# Phrases match exactly that word sequence.
check "phrase matches only the sequence" [ "$(ids '"drum battle"')" = a.txt ]
check "reversed phrase" [ "$(ids '"battle drum"')" = c.txt ]
check "phrase is not stemmed" [ "$(count '"drums battle"')" = 0 ]

# Boolean operators.
check "NOT" [ "$(ids drum NOT whiplash)" = $'b.txt\nc.txt' ]
check "OR" [ "$(count 'pacino OR perkins')" = 2 ]

# Fields and ranges.
check "film: from metadata" [ "$(ids film:psycho)" = 'g.jsonl#1' ]
check "film: phrase" [ "$(ids 'film:"la la land"')" = 'f.csv#1' ]
check "author:" [ "$(ids author:critic)" = sub/d.md ]
check "title: from front matter" [ "$(ids title:tempo)" = sub/d.md ]
check "html title" [ "$(ids title:rabbit)" = sub/e.html ]
check "rating range" [ "$(ids rating:8..10)" = $'f.csv#1\ng.jsonl#1\ng.jsonl#2\nsub/d.md' ]
check "rating open range" [ "$(ids rating:..4)" = 'f.csv#2' ]
check "year exact" [ "$(ids year:2014)" = sub/d.md ]
check "year range" [ "$(ids year:1990..2000)" = 'f.csv#2' ]
check "date range" [ "$(ids date:2016-01-01..2016-12-31)" = 'f.csv#1' ]
# Range typos read as meant: three dots, an abbreviated end year.
check "three dots are a range" [ "$(ids rating:8...10)" = $'f.csv#1\ng.jsonl#1\ng.jsonl#2\nsub/d.md' ]
check "abbreviated end year" [ "$(ids year:1990-99)" = 'f.csv#2' ]
check "abbreviated end year: the next year" [ "$(ids year:2014-15)" = sub/d.md ]
# Field names in any case.
check "Film: is film:" [ "$(ids Film:psycho)" = 'g.jsonl#1' ]
check "YEAR: is year:" [ "$(ids YEAR:2014)" = sub/d.md ]
check "Person: is person:" [ "$(ids 'Person:"J.K. Simmons"')" = sub/d.md ]
check "script text is not indexed" [ "$(count zebra)" = 0 ]
check "entities decoded in HTML" [ "$(count grief)" = 1 ]
check "CSV quotes" [ "$(count '"city of stars"')" = 1 ]

# Output formats.
expect_status 0 "json output" "$REEL_SEARCH" --format json drum
check "json is one object with exact total" python3 -c '
import json,sys
o=json.loads(sys.argv[1])
assert o["total"]==3 and len(o["hits"])==3, o
h=o["hits"][0]
for k in ("rank","score","id","path","record","film","rating","snippet","people","films"): assert k in h, k
assert "drum" in h["snippet"].lower()
' "$OUT"
expect_status 0 "limit and offset" "$REEL_SEARCH" --format json --limit 1 --offset 1 drum
check "offset pages" python3 -c 'import json,sys; o=json.loads(sys.argv[1]); assert o["total"]==3 and [h["rank"] for h in o["hits"]]==[2], o' "$OUT"
expect_status 0 "tsv output" "$REEL_SEARCH" --format tsv drum
check "tsv has a header and 3 rows" [ "$(printf '%s\n' "$OUT" | wc -l)" = 4 ]
expect_status 0 "text output" "$REEL_SEARCH" --color never author:critic
check "text shows the film and year" contains "$OUT" "Whiplash (2014)"
check "text shows the path" contains "$OUT" "$WORK/in/sub/d.md"
check "text shows the total" contains "$OUT" "1-1 of 1 matching review"

# Batch: ids, comments, blank lines, order kept, JSON per line.
printf '# a comment\nq1\tdrum\n\nfilm:heat\n  # an indented comment\nq3\tnosuchwordanywhere\n' > "$WORK/queries"
# A mistyped field is read as words, as "re:animator" must be; when nothing matches, say so.
expect_status 1 "mistyped field" "$REEL_SEARCH" --color never 'preson:teller'
check "mistyped field: the hint names it and the fields" contains "$OUT" "'preson:' is no field; fields are person:, film:"
expect_status 1 "no hint for a phrase" "$REEL_SEARCH" --color never '"preson:teller"'
check "no hint for a phrase: plain line" lacks "$OUT" "is no field"
expect_status 0 "batch" "$REEL_SEARCH" --format json --batch "$WORK/queries"
check "batch ids and order" python3 -c '
import json,sys
lines=[json.loads(l) for l in sys.argv[1].splitlines()]
assert [l["id"] for l in lines]==["q1","4","q3"], lines
assert [l["total"] for l in lines]==[3,1,0], lines
' "$OUT"
expect_status 0 "batch on stdin with threads" bash -c "cat '$WORK/queries' | '$REEL_SEARCH' --format json --jobs 2 --batch -"
check "threaded batch keeps input order" python3 -c 'import json,sys; assert [json.loads(l)["id"] for l in sys.argv[1].splitlines()]==["q1","4","q3"]' "$OUT"
printf '\xef\xbb\xbf# a comment after a BOM\nq1\tdrum\n' > "$WORK/bom-comment"
expect_status 0 "batch file starting with a BOM and a comment" "$REEL_SEARCH" --format json -n 0 --batch "$WORK/bom-comment"
check "the BOM does not turn the comment into a query" [ "$(printf '%s\n' "$OUT" | wc -l)" = 1 ]
expect_status 0 "batch on stdin starting with a BOM and an id" bash -c "printf '\xef\xbb\xbfq1\tdrum\n' | '$REEL_SEARCH' --format json -n 0 --batch -"
check "the BOM is not part of the first id" contains "$OUT" '"id":"q1"'
printf 'q1\tdrum\r\nfilm:heat\r\n' | iconv -f UTF-8 -t UTF-16 > "$WORK/utf16-queries"
expect_status 0 "batch file in UTF-16 (PowerShell's >)" "$REEL_SEARCH" --format json -n 0 --batch "$WORK/utf16-queries"
check "its queries are read" python3 -c 'import json,sys; assert [(o["id"], o["total"]) for o in map(json.loads, sys.argv[1].splitlines())]==[("q1",3),("2",1)], sys.argv[1]' "$OUT"
printf '\tdrum\nq2\tdrum\n' > "$WORK/empty-id"
expect_status 0 "batch line with an empty id" "$REEL_SEARCH" --format json -n 0 --batch "$WORK/empty-id"
check "an empty id is the line number" python3 -c 'import json,sys; assert [json.loads(l)["id"] for l in sys.argv[1].splitlines()]==["1","q2"], sys.argv[1]' "$OUT"
expect_status 0 "text batch with an empty id" "$REEL_SEARCH" --color never -n 0 --batch "$WORK/empty-id"
check "its answer is labelled" contains "$OUT" "== 1: drum"
printf 'ok\tdrum\nbad\t"unbalanced AND (\nbackwards\trating:9..2\n' > "$WORK/bad-queries"
expect_status 2 "batch with a bad query exits 2 but answers the rest" "$REEL_SEARCH" --format json --batch "$WORK/bad-queries"
check "the good query was answered" contains "$OUT" '"id":"ok"'
check "the error names the query" contains "$ERR" "query backwards"
check "backwards range explained" contains "$ERR" "backwards"

# A long bad query is quoted in its message cut between characters: "é" straddling the cut
# came out as a stray "Ã".
long_bad="rating:9..1 $(printf 'a%.0s' {1..187})é tail"
printf '%s\n' "$long_bad" > "$WORK/long-bad"
expect_status 2 "long bad query in a batch" "$REEL_SEARCH" --format json --batch "$WORK/long-bad"
check "its message cuts between characters" bash -c "[[ \"\$1\" != *Ã* ]]" _ "$ERR"
expect_status 2 "long bad query" "$REEL_SEARCH" "$long_bad"
check "its message cuts between characters too" bash -c "[[ \"\$1\" != *Ã* ]]" _ "$ERR"

# Exit statuses.
expect_status 1 "no match exits 1" "$REEL_SEARCH" nosuchwordanywhere
expect_status 2 "backwards range exits 2" "$REEL_SEARCH" rating:10..2
check "error is one line naming the query" [ "$(printf '%s\n' "$ERR" | wc -l)" = 1 ]
expect_status 2 "NUL byte in a query" "$REEL_SEARCH" --batch <(printf 'a\0b\n') 
expect_status 2 "missing batch file" "$REEL_SEARCH" --batch "$WORK/no-such-queries"
check "missing batch file named" contains "$ERR" "cannot read batch file '$WORK/no-such-queries'"
expect_status 2 "batch file that is a folder" "$REEL_SEARCH" --batch "$WORK/in"
check "folder named as unreadable" contains "$ERR" "cannot read batch file '$WORK/in': it is a directory"
# Unsigned options: a negative number is a usage error, not the largest number there is.
for opt in "-n -1" "--limit -1" "--offset -2" "--limit -1 --list people" "-n 99999999999999999999"; do
    # shellcheck disable=SC2086
    expect_status 2 "$opt is a usage error" "$REEL_SEARCH" $opt $([[ $opt == *--list* ]] || echo drum)
    read -r name value _ <<<"$opt"
    [[ $name == -n ]] && name=--limit
    check "$opt: the error names the option and value" contains "$ERR" "$name: '$value' is"
done
# Option errors are one line naming the program, like every other error.
for args in "--frobnicate drum" "-n abc drum" "-whiplash" "--format xml drum" "--db"; do
    # shellcheck disable=SC2086
    expect_status 2 "$args is a usage error" "$REEL_SEARCH" $args
    check "$args: the error is one line naming reel-search" error_line reel-search
done
check "an option error names the option" contains "$ERR" "--db"
# An exclusion typed unquoted was only "not expected": the error says where it goes.
expect_status 2 "an exclusion before --" "$REEL_SEARCH" drum -whiplash
check "the error says a '-' word goes after --" contains "$ERR" "goes after '--'"
check "the hint is on the one error line" error_line reel-search
expect_status 2 "a mistyped long option" "$REEL_SEARCH" --frobnicate drum
check "a mistyped option gets no query hint" lacks "$ERR" "goes after"
expect_status 2 "no query" "$REEL_SEARCH"
check "no query: one line naming reel-search" error_line reel-search
# An empty query (an unset "$q" in a script) was told to give a query, as if none was given.
expect_status 2 "empty query" "$REEL_SEARCH" ""
check "an empty query is named as such" contains "$ERR" "bad query '': the query is empty"
expect_status 2 "empty batch file name" "$REEL_SEARCH" --batch ""
check "an empty batch file name is unreadable" contains "$ERR" "cannot read batch file ''"
expect_status 3 "missing database" "$REEL_SEARCH" --db "$WORK/nope" drum
check "missing database says how to create it" contains "$ERR" "reel-index"
expect_status 0 "--version" "$REEL_SEARCH" --version
check "version printed" contains "$OUT" "reel-search"
expect_status 0 "--help documents the query syntax" "$REEL_SEARCH" --help
check "help mentions person:" contains "$OUT" "person:"

finish
