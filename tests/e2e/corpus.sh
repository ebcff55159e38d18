#!/usr/bin/env bash
# The project's corpus end to end: every format, entity fields, the catalogue and facets.
source "$(dirname "$0")/lib.sh"

expect_status 1 "index corpus/ (one file has broken UTF-8: exit 1)" "$REEL_INDEX" --quiet "$CORPUS"
check "only the broken file is named" [ "$(printf '%s\n' "$ERR" | grep -c warning)" = 1 ]
check "it is named with the reason" contains "$ERR" "amelie-cafe.txt: invalid UTF-8 repaired"
reviews=$(($(wc -l < "$CORPUS/gold.tsv") - 1))
check "every review of the gold is indexed" contains "$ERR" "$reviews reviews indexed"

# Every review id in the gold is in the index, and nothing else.
"$REEL_SEARCH" --list reviews --format json > "$WORK/reviews.jsonl"
check "index ids equal gold ids" python3 - "$CORPUS" "$WORK/reviews.jsonl" <<'PY'
import json, sys
corpus, listing = sys.argv[1].rstrip("/") + "/", sys.argv[2]
gold = {l.split("\t")[0] for l in open(corpus + "gold.tsv", encoding="utf-8").read().splitlines()[1:]}
ids = {json.loads(l)["id"].replace(corpus, "") for l in open(listing)}
assert ids == gold, (sorted(ids - gold), sorted(gold - ids))
PY

# Person keys: every spelling of a name finds the same reviews.
a=$(count 'person:"J.K. Simmons"'); b=$(count 'person:"JK Simmons"'); c=$(count 'person:"jk simmons"')
check "J.K./JK/jk Simmons agree ($a $b $c)" [ "$a" = "$b" ] && check "and match several reviews" [ "$a" -ge 5 ] && check "lower-case agrees" [ "$a" = "$c" ]
check "person:simmons finds at least those" [ "$(count person:simmons)" -ge "$a" ]
check "film:whiplash finds the Whiplash reviews" [ "$(count film:whiplash)" -ge 10 ]
check "film and word together" [ "$(count 'film:whiplash tempo')" -ge 1 ]

# The catalogue.
expect_status 0 "list people" "$REEL_SEARCH" --list people --format json --limit 5
check "people are objects, most reviewed first" python3 -c '
import json,sys
rows=[json.loads(l) for l in sys.argv[1].splitlines()]
assert len(rows)==5, rows
assert all(r["kind"]=="person" and r["reviews"]>0 and isinstance(r["aliases"],list) for r in rows), rows
assert [r["reviews"] for r in rows]==sorted([r["reviews"] for r in rows], reverse=True), rows
' "$OUT"
all_people=$("$REEL_SEARCH" --list people --format json)
check "--list without --limit lists every entry, not 10" [ "$(printf '%s\n' "$all_people" | wc -l)" -gt 10 ]
check "--list --offset pages on" [ "$("$REEL_SEARCH" --list people --format json --offset 3 --limit 2)" = "$(printf '%s\n' "$all_people" | sed -n 4,5p)" ]
check "--list --count counts every entry" [ "$("$REEL_SEARCH" --list people --count)" = "$(printf '%s\n' "$all_people" | wc -l)" ]
check "--list --count with a prefix, as JSON" [ "$("$REEL_SEARCH" --list films --prefix whip --count -f json)" = '{"total":1}' ]
check "--list reviews --count" [ "$("$REEL_SEARCH" --list reviews --count)" = "$(wc -l <"$WORK/reviews.jsonl")" ]
expect_status 1 "--list --offset past the end" "$REEL_SEARCH" --list people --offset 100000
# An explicit --limit 0 lists none, as it shows no hits of a query; it listed every entry.
for what in people reviews; do
    "$REEL_SEARCH" --list $what --limit 0 > "$WORK/limit0"
    check "--list $what --limit 0 lists none" [ ! -s "$WORK/limit0" ]
done
check "--list --limit past the largest number lists to the end" [ "$("$REEL_SEARCH" --list people --format json --offset 3 --limit 18446744073709551615)" = "$(printf '%s\n' "$all_people" | sed -n '4,$p')" ]
for opt in --facets --any --no-snippets; do
    expect_status 2 "--list people $opt is refused" "$REEL_SEARCH" --list people $opt
    check "$opt: the error says why" contains "$ERR" "$opt applies to queries, not to --list"
done
expect_status 2 "--prefix with --list reviews is refused" "$REEL_SEARCH" --list reviews --prefix a
expect_status 2 "--prefix without --list is refused" "$REEL_SEARCH" --prefix a whiplash
expect_status 0 "list films with a prefix" "$REEL_SEARCH" --list films --prefix whip --format json
check "prefix filter" python3 -c '
import json,sys
rows=[json.loads(l) for l in sys.argv[1].splitlines()]
assert rows and all("whip" in r["name"].lower() for r in rows), rows
' "$OUT"
# A prefix is keyed like the names: punctuation, initials and apostrophes as displayed.
for p in "J.K. Simmons" "J.K" "J.K. S" "O'T" "keays-b"; do
    expect_status 0 "list people --prefix '$p'" "$REEL_SEARCH" --list people --prefix "$p"
done
check "J.K. Simmons by his displayed name" contains "$("$REEL_SEARCH" --list people --prefix "J.K. Simmons")" "J.K. Simmons"
check "O'Toole by O'T" contains "$("$REEL_SEARCH" --list people --prefix "O'T")" "Peter O'Toole"
for p in "Mad Max: Fury Road" "Dr."; do
    expect_status 0 "list films --prefix '$p'" "$REEL_SEARCH" --list films --prefix "$p"
done
check "Dr. finds Dr. Strangelove" contains "$OUT" "Dr. Strangelove"

# Hits carry people and films; facets count all matches.
expect_status 0 "facets" "$REEL_SEARCH" --format json --facets --limit 3 film:whiplash
check "facets and entities in hits" python3 -c '
import json,sys
o=json.loads(sys.argv[1])
assert o["total"]>=10 and len(o["hits"])==3, o["total"]
assert any(h["people"] for h in o["hits"]) and all("Whiplash" in h["films"] or h["film"]=="Whiplash" for h in o["hits"]), o["hits"]
films=o["facets"]["films"]
assert films[0]["name"]=="Whiplash" and films[0]["count"]==o["total"], films
assert o["facets"]["people"] and o["facets"]["people"][0]["count"]>=5, o["facets"]
' "$OUT"
# --facets is never dropped without a word: text --count keeps the facet lines, as JSON keeps
# its object; TSV, one row per hit, has no place for them and says so.
expect_status 0 "facets with --count" "$REEL_SEARCH" --facets --count film:whiplash
check "--count --facets prints the count and the facets" contains "$OUT" "top films: Whiplash"
expect_status 2 "facets in TSV are refused" "$REEL_SEARCH" --facets --format tsv film:whiplash
check "the TSV refusal says why" contains "$ERR" "--facets has no column in --format tsv"

finish
