#!/usr/bin/env bash
# A fresh build of many files goes through parallel segments and a final compaction; it must
# give exactly the answers of the one-writer build, and be updatable afterwards.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/in"
python3 - "$WORK/in" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(7)
words = "drum drums drumming tempo battle band jazz rushing dragging cymbal practice teacher".split()
for i in range(2600):
    sub = os.path.join(root, f"d{i % 13}")
    os.makedirs(sub, exist_ok=True)
    body = " ".join(rng.choice(words) for _ in range(40))
    lead = "Miles Teller and J.K. Simmons in Whiplash. " if i % 5 == 0 else ""
    with open(os.path.join(sub, f"r{i}.txt"), "w") as f:
        f.write(f"{lead}Review uniq{i} says {body}.\n")
PY

expect_status 0 "fresh build (segments)" "$REEL_INDEX" --quiet --jobs 2 --db "$WORK/seg" "$WORK/in"
check "all files added" contains "$ERR" "2600 added"
# Small segments: each thread fills several, flushing within each, so that compaction merges
# many inputs.
expect_status 0 "fresh build (many small segments)" "$REEL_INDEX" --quiet --jobs 2 --segment-size 300 --db "$WORK/small" "$WORK/in"
expect_status 0 "one-writer build" "$REEL_INDEX" --quiet --jobs 2 --batch-size 500 --db "$WORK/one" "$WORK/in"
check "no scratch folders left" [ -z "$(ls "$WORK" | grep tmp-)" ]
# The slash a shell's completion leaves after a folder's name: the database is still the folder,
# its scratch folders beside it, not inside (where the database was renamed into itself).
expect_status 0 "fresh build, --db with a trailing slash" "$REEL_INDEX" --quiet --jobs 2 --db "$WORK/slash.db/" "$WORK/in"
check "trailing slash: all files added" contains "$ERR" "2600 added"
check "trailing slash: no scratch folders inside" [ -z "$(ls -A "$WORK/slash.db" | grep tmp-)" ]
check "trailing slash: every review found" [ "$(count --db "$WORK/slash.db/" review)" = 2600 ]
REEL_DB="$WORK/slash.db/" expect_status 0 "REEL_DB with a trailing slash: update" "$REEL_INDEX" --quiet "$WORK/in"
check "REEL_DB with a trailing slash: nothing to do" contains "$ERR" "0 added, 0 updated, 0 deleted, 2600 unchanged"

answers() {
    "$REEL_SEARCH" --db "$1" --format json --limit 5000 --no-snippets "$2" | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["total"], sorted(h["id"] for h in o["hits"]))'
}
# In rank order: equal scores rank by docid, and the segments' docids must follow file order as
# the one writer's do, whichever thread wrote which segment.
ranked() {
    "$REEL_SEARCH" --db "$1" --format json --limit 5000 --no-snippets "$2" | python3 -c 'import json,sys; print([h["id"] for h in json.load(sys.stdin)["hits"]])'
}
for q in review drums '"drum battle"' uniq1234 'person:"JK Simmons"' film:whiplash tempo*; do
    b=$(answers "$WORK/one" "$q")
    check "same answers for $q" [ "$(answers "$WORK/seg" "$q")" = "$b" ]
    check "same answers for $q (small segments)" [ "$(answers "$WORK/small" "$q")" = "$b" ]
    r=$(ranked "$WORK/one" "$q")
    check "same ranking for $q" [ "$(ranked "$WORK/seg" "$q")" = "$r" ]
    check "same ranking for $q (small segments)" [ "$(ranked "$WORK/small" "$q")" = "$r" ]
done
check "small segments: same catalogue" [ "$("$REEL_SEARCH" --db "$WORK/small" --list people --format json)" = "$("$REEL_SEARCH" --db "$WORK/one" --list people --format json)" ]
check "every review once" [ "$(count --db "$WORK/seg" review)" = 2600 ]
check "stemmed search works after compaction" [ "$(count --db "$WORK/seg" drummed)" -gt 0 ]
a=$("$REEL_SEARCH" --db "$WORK/seg" --list people --format json); b=$("$REEL_SEARCH" --db "$WORK/one" --list people --format json)
check "same catalogue" [ "$a" = "$b" ]
check "catalogue counts reviews" contains "$a" '"reviews":520'

# The compacted database takes updates like any other.
rm "$WORK/in/d0/r0.txt"
printf 'Review uniq9999 about cymbals\n' > "$WORK/in/d0/new.txt"
expect_status 0 "update after a fresh build" "$REEL_INDEX" --quiet --db "$WORK/seg" "$WORK/in"
check "update counted" contains "$ERR" "1 added, 0 updated, 1 deleted, 2599 unchanged"
check "new review found" [ "$(count --db "$WORK/seg" uniq9999)" = 1 ]
check "deleted review gone" [ "$(count --db "$WORK/seg" uniq0)" = 0 ]
check "catalogue updated" contains "$("$REEL_SEARCH" --db "$WORK/seg" --list people --format json)" '"reviews":519'

# Every file moved into a new folder: the deletions empty the database, but this is an update,
# whose catalogue must come out as a rebuild's, not with the deleted reviews taken off it.
mkdir "$WORK/in/moved" && mv "$WORK/in"/d* "$WORK/in/moved/"
expect_status 0 "update moving every file" "$REEL_INDEX" --quiet --jobs 2 --db "$WORK/seg" "$WORK/in"
check "moves counted" contains "$ERR" "2600 added, 0 updated, 2600 deleted, 0 unchanged"
expect_status 0 "rebuild of the moved files" "$REEL_INDEX" --quiet --jobs 2 --rebuild --db "$WORK/moved" "$WORK/in"
a=$("$REEL_SEARCH" --db "$WORK/seg" --list people --format json)
check "moved: same catalogue as a rebuild" [ "$a" = "$("$REEL_SEARCH" --db "$WORK/moved" --list people --format json)" ]
check "moved: catalogue still counts reviews" contains "$a" '"reviews":519'

finish
