#!/usr/bin/env bash
# Re-running reel-index updates only what changed, and deletes reviews of vanished files.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/in/deep"
cd "$WORK/in"
printf 'first review about apples\n' > one.txt
printf 'second review about pears\n' > deep/two.txt
printf '{"film":"X","text":"jsonl apples one"}\n{"film":"Y","text":"jsonl pears two"}\n' > three.jsonl

expect_status 0 "first run" "$REEL_INDEX" --quiet .
check "first run adds 3 files" contains "$ERR" "3 added, 0 updated, 0 deleted, 0 unchanged"
expect_status 0 "second run" "$REEL_INDEX" --quiet .
check "nothing changed" contains "$ERR" "0 added, 0 updated, 0 deleted, 3 unchanged"

printf 'first review about plums now\n' > one.txt
touch -d '+1 minute' one.txt
printf 'a new one about apples\n' > deep/four.txt
rm deep/two.txt
printf '{"film":"X","text":"jsonl apples one"}\n' > three.jsonl
touch -d '+1 minute' three.jsonl
expect_status 0 "third run" "$REEL_INDEX" --quiet .
check "changes counted" contains "$ERR" "1 added, 2 updated, 1 deleted, 0 unchanged"
check "changed text found" [ "$(ids plums)" = one.txt ]
check "old text gone" [ "$(count 'first review about apples')" = 0 ]
check "deleted file gone" [ "$(count pears)" = 0 ]
check "new file found" [ "$(ids apples)" = $'deep/four.txt\nthree.jsonl#1' ]
check "no duplicates" [ "$(count review)" = 1 ] && check "removed record gone" [ "$(count jsonl)" = 1 ]

# Indexing another folder into the same database leaves the first one alone.
mkdir "$WORK/other" && printf 'elsewhere apples\n' > "$WORK/other/x.txt"
expect_status 0 "index a second folder" "$REEL_INDEX" --quiet "$WORK/other"
check "both folders searchable" [ "$(count apples)" = 3 ]

# A folder that is missing (unmounted) never wipes its reviews.
mv "$WORK/other" "$WORK/other-away"
expect_status 1 "missing input" "$REEL_INDEX" --quiet "$WORK/other" .
check "warning names the missing folder" contains "$ERR" "$WORK/other"
check "its reviews are kept" [ "$(count elsewhere)" = 1 ]

# A folder that exists but cannot be read keeps its reviews too, below the input or as the input
# itself; once readable it is indexed as usual, and its reviews go only when it is really gone.
mkdir -p "$WORK/shelf/locked/inner"
printf 'readable quinces\n' > "$WORK/shelf/ok.txt"
printf 'hidden damsons\n' > "$WORK/shelf/locked/x.txt"
printf 'nested damsons\n' > "$WORK/shelf/locked/inner/y.txt"
expect_status 0 "index a folder to lock" "$REEL_INDEX" --quiet "$WORK/shelf"
if why=$(cannot_lock); then
    echo "skipped the unreadable folder checks: $why"
else
    index_shelf() { expect_status "$1" "$2" "${UNPRIV[@]}" "$REEL_INDEX" --quiet "${3:-$WORK/shelf}"; }
    chmod 000 "$WORK/shelf/locked"
    index_shelf 1 "run with an unreadable folder"
    check "warning names the folder" contains "$ERR" "shelf/locked: cannot read folder"
    check "skipped, nothing deleted" contains "$ERR" "0 deleted, 1 unchanged, 1 skipped"
    check "its reviews are kept" [ "$(count damsons)" = 2 ]
    index_shelf 1 "run with the unreadable folder as input" "$WORK/shelf/locked"
    index_shelf 2 "run with an input below a folder that cannot be entered" "$WORK/shelf/locked/x.txt"
    check "the input is not said to be missing" contains "$ERR" "reel-index: none of the inputs can be read"
    check "input's reviews are kept" [ "$(count damsons)" = 2 ]
    chmod 644 "$WORK/shelf/locked"
    index_shelf 1 "run with a folder that lists but cannot be entered"
    check "its reviews are kept too" [ "$(count damsons)" = 2 ]
    chmod 755 "$WORK/shelf/locked" && chmod 000 "$WORK/shelf/locked/inner"
    index_shelf 1 "run with a nested unreadable folder"
    check "nested: nothing deleted" contains "$ERR" "0 deleted, 2 unchanged, 1 skipped"
    check "nested reviews are kept" [ "$(count damsons)" = 2 ]
    chmod 755 "$WORK/shelf/locked/inner"
    printf 'nested damsons revised\n' > "$WORK/shelf/locked/inner/y.txt"
    touch -d '+1 minute' "$WORK/shelf/locked/inner/y.txt"
    index_shelf 0 "run once readable again"
    check "change picked up" contains "$ERR" "0 added, 1 updated, 0 deleted, 2 unchanged"
    check "changed text found" [ "$(count revised)" = 1 ]
    rm -r "$WORK/shelf/locked"
    index_shelf 0 "run with the folder gone"
    check "gone folder's reviews deleted" contains "$ERR" "2 deleted, 1 unchanged"
    check "and no longer found" [ "$(count damsons)" = 0 ]
fi
rm -r "$WORK/shelf"

# --rebuild starts over.
expect_status 0 "rebuild" "$REEL_INDEX" --quiet --rebuild .
check "rebuild drops other folders" [ "$(count elsewhere)" = 0 ]
check "rebuild re-adds" [ "$(count apples)" = 2 ]

# Relative and absolute spellings of the same folder are the same documents.
expect_status 0 "absolute path run" "$REEL_INDEX" --quiet "$WORK/in/"
check "same files unchanged" contains "$ERR" "0 added, 0 updated, 0 deleted, 3 unchanged"

# Phrases check each review's word sequence, a 32-bit hash per word. "lsexqzd" and "ztxtxde"
# share a hash: once an update brings the second, the phrase must still tell them apart.
printf 'lsexqzd night at the opera\n' > twin1.txt
expect_status 0 "index the first twin" "$REEL_INDEX" --quiet .
check "phrase of the first twin" [ "$(ids '"lsexqzd night"')" = twin1.txt ]
printf 'ztxtxde night and lsexqzd day\n' > twin2.txt
expect_status 0 "an update brings the second twin" "$REEL_INDEX" --quiet .
check "the phrase does not match the twin" [ "$(ids '"lsexqzd night"')" = twin1.txt ]
check "the twin's phrase finds its review" [ "$(ids '"ztxtxde night"')" = twin2.txt ]
check "the same words NEAR match both" [ "$(count 'lsexqzd NEAR night')" = 2 ]

# A folder indexed through a symlink, then by its own name (or back), holds each review once:
# the name not given this time is another name of a file found, not a file of another folder.
mkdir -p "$WORK/real/sub" && printf 'linked medlars\n' > "$WORK/real/sub/m.txt"
ln -s real "$WORK/link"
export REEL_DB="$WORK/linkdb"
expect_status 0 "index through a symlink" "$REEL_INDEX" --quiet "$WORK/link"
expect_status 0 "index by the target's name" "$REEL_INDEX" --quiet "$WORK/real"
check "the other name is replaced" contains "$ERR" "1 added, 0 updated, 1 deleted, 0 unchanged"
check "found once" [ "$(count medlars)" = 1 ]
expect_status 0 "a sub-folder through the symlink" "$REEL_INDEX" --quiet "$WORK/link/sub"
check "found once again" [ "$(count medlars)" = 1 ]
expect_status 0 "both names in one run" "$REEL_INDEX" --quiet "$WORK/link" "$WORK/real"
check "both names: found once" [ "$(count medlars)" = 1 ]
check "both names: under its own" [ "$("$REEL_SEARCH" --format tsv medlars | tail -n +2 | cut -f4)" = "$WORK/real/sub/m.txt" ]

# A file read through that holds no review any more (its last row removed) loses its reviews;
# an emptied one (0 bytes, maybe being written) keeps them, as a file that cannot be read does.
mkdir "$WORK/rows"
printf 'film,review\nJaws,"shark loquats"\nDuel,"truck loquats"\n' > "$WORK/rows/r.csv"
printf '{"film":"Heat","text":"diner sloes"}\n' > "$WORK/rows/r.jsonl"
printf '{"film":"Rope","text":"party medlars"}\n' > "$WORK/rows/half.jsonl"
export REEL_DB="$WORK/rowsdb"
expect_status 0 "index files of rows" "$REEL_INDEX" --quiet "$WORK/rows"
printf 'film,review\n' > "$WORK/rows/r.csv" && : > "$WORK/rows/r.jsonl"
printf '{"film":"Rope","text":""}\n{"film":"Rope","text":"party med\n' > "$WORK/rows/half.jsonl"
touch -d '+1 minute' "$WORK/rows/r.csv" "$WORK/rows/r.jsonl" "$WORK/rows/half.jsonl"
expect_status 1 "every row removed" "$REEL_INDEX" --quiet "$WORK/rows"
check "the removal is told" contains "$ERR" "r.csv: no review text; its previously indexed reviews are removed"
check "its reviews are gone" [ "$(count loquats)" = 0 ]
check "and its films" lacks "$("$REEL_SEARCH" --list films)" "Jaws"
check "the emptied file is told" contains "$ERR" "r.jsonl: empty file; the previously indexed version is kept"
check "the emptied file's review is kept" [ "$(count sloes)" = 1 ]
check "a record that cannot be read is told" contains "$ERR" "half.jsonl: no review text, 1 unreadable; the previously indexed version is kept"
check "and may hold the review, which is kept" [ "$(count --db "$WORK/rowsdb" medlars)" = 1 ]
expect_status 1 "run again" "$REEL_INDEX" --quiet "$WORK/rows"
check "then warned about as any file without reviews" contains "$ERR" "r.csv: no review text"$'\n'

finish
