#!/usr/bin/env bash
# Bad input never stops a run: one warning per file naming it, the rest indexed, exit 1, and
# what was indexed before is never lost.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/in"
cd "$WORK/in"
printf 'a good review of Heat\n' > good.txt
printf 'Am\xe9lie is caf\xe9 charm \xff\xfe\n' > latin1.txt
# The start of a program: random bytes are control characters only ~11% of the time, close
# enough to the 10% that makes a file binary that they made this test fail now and then.
head -c 4096 "$REEL_INDEX" > binary.txt
: > empty.txt
printf '\xff\xfeH\0e\0a\0t\0 \0u\0t\0f\0s\0i\0x\0t\0e\0e\0n\0' > utf16.txt
printf 'nul\0bytes inside plums\n' > nul.txt
printf '{"text": "broken json' > broken.json
printf '{"text":"ok line kiwis"}\n{not json}\n{"text":"another line kiwis"}\n' > mixed.jsonl
printf 'review,film\n"unbalanced quote mangoes,X\nnext,Y\n' > unbalanced.csv
printf 'review,film\nragged mangoes,A,extra,fields\nshort\n' > ragged.csv
printf 'title,score\nno text column,3\n' > notext.csv
python3 -c 'print("<div>"*100000 + "deep nested papayas" + "</div>"*100000)' > deep.html
printf '<html><body><p>unclosed <b>tags <i>guavas</body>' > unclosed.html
printf 'secret figs\n' > unreadable.txt && chmod 000 unreadable.txt
mkdir locked && printf 'hidden\n' > locked/x.txt && chmod 000 locked
ln -s "$WORK/in" loop
printf 'name with newline limes\n' > "$(printf 'lime\nname.txt')"
: > "$(printf 'new\nline.txt')"
printf 'bad name quinces\n' > "$(printf 'bad\xffname.txt')"
printf 'ignored\n' > picture.png

expect_status 1 "index hostile folder" "$REEL_INDEX" --quiet .
warnings=$(printf '%s\n' "$ERR" | grep -c 'warning')
check "each problem named" contains "$ERR" "binary.txt: binary content"
check "empty file named" contains "$ERR" "empty.txt: empty file"
check "broken JSON named with reason" contains "$ERR" "broken.json: malformed JSON"
check "bad JSONL line named" contains "$ERR" "mixed.jsonl: line 2"
check "unbalanced quote named" contains "$ERR" "unbalanced.csv: unbalanced quote"
check "ragged rows named" contains "$ERR" "ragged.csv: 2 row(s)"
check "CSV without text column named" contains "$ERR" "notext.csv: CSV header has no review text column"
check "deep HTML handled" contains "$ERR" "deep.html: HTML nested too deeply"
check "repaired UTF-8 named" contains "$ERR" "latin1.txt: invalid UTF-8 repaired"
check "newline in name escaped" contains "$ERR" 'new\x0aline.txt'
if [[ $(id -u) -ne 0 ]]; then
    check "unreadable file named" contains "$ERR" "unreadable.txt: cannot open"
    check "unreadable folder named" contains "$ERR" "locked: cannot read folder"
fi
check "warnings are one line each" [ "$warnings" -ge 8 ]
check "good text indexed" [ "$(count heat)" = 2 ]
check "latin1 repaired and searchable" [ "$(count amelie)" = 1 ]
check "utf16 converted" [ "$(count utfsixteen)" = 1 ]
check "NUL bytes dropped, rest kept" [ "$(count plums)" = 1 ]
check "good JSONL lines kept" [ "$(count kiwis)" = 2 ]
check "deep HTML text kept" [ "$(count papayas)" = 1 ]
check "unclosed HTML text kept" [ "$(count guavas)" = 1 ]
check "odd file names indexed" [ "$(count limes)" = 1 ] && check "invalid UTF-8 name indexed" [ "$(count quinces)" = 1 ]
check "symlink loop did not duplicate" [ "$(count plums)" = 1 ]
check "other types ignored" [ "$(count ignored)" = 0 ]

# A file that turns bad keeps its previous version.
chmod 644 unreadable.txt 2>/dev/null
printf 'good review of Heat, version two\n' > good.txt
touch -d '+1 minute' good.txt
expect_status 1 "re-run" "$REEL_INDEX" --quiet .
head -c 4096 "$REEL_INDEX" > good.txt
touch -d '+2 minute' good.txt
expect_status 1 "re-run with a file turned binary" "$REEL_INDEX" --quiet .
check "warning says the old version is kept" contains "$ERR" "previously indexed version is kept"
check "old version still searchable" [ "$(count 'version two')" = 1 ]

# Usage errors.
expect_status 2 "no inputs" "$REEL_INDEX"
check "no inputs: one line naming reel-index" error_line reel-index
for args in "--bogus ." "--max-review-mb 0 ." "--jobs abc ." "--field"; do
    # shellcheck disable=SC2086
    expect_status 2 "$args is a usage error" "$REEL_INDEX" $args
    check "$args: the error is one line naming reel-index" error_line reel-index
done
expect_status 0 "reel-index --help" "$REEL_INDEX" --help
check "--help prints the options" contains "$OUT" "--max-review-mb"
expect_status 0 "reel-index --version" "$REEL_INDEX" --version
check "--version prints the version" contains "$OUT" "reel-index "
expect_status 2 "bad --field" "$REEL_INDEX" --field nonsense .
check "bad --field explained" contains "$ERR" "NAME=COLUMN"
# A --field column that no file has did nothing: one warning each, at the end, exit 1.
mkdir "$WORK/fields"
printf 'review,movie,critic\nfield mapping kumquats,Heat,Ana\n' > "$WORK/fields/a.csv"
printf 'a text file has no columns\n' > "$WORK/fields/b.txt"
expect_status 1 "--field with a column no file has" "$REEL_INDEX" --quiet --db "$WORK/fields.db" \
    --field film=nosuchcol --field author=critic "$WORK/fields"
check "unused --field named once" [ "$(printf '%s\n' "$ERR" | grep -c -- '--field film=nosuchcol')" = 1 ]
check "unused --field warning says why" contains "$ERR" \
    "reel-index: warning: --field film=nosuchcol: no CSV or JSON file read in this run had a column 'nosuchcol'"
check "a --field that was used is not warned about" lacks "$ERR" "author=critic"
check "the summary counts it as a warning, the file as added" contains "$ERR" "2 added"
check "what is indexed is unchanged" [ "$(count --db "$WORK/fields.db" 'film:heat kumquats')" = 1 ]
expect_status 0 "--field with every column found" "$REEL_INDEX" --quiet --db "$WORK/fields2.db" \
    --field film=movie "$WORK/fields"
expect_status 0 "a re-run that reads no CSV cannot tell, so does not warn" "$REEL_INDEX" --quiet \
    --db "$WORK/fields.db" --field film=nosuchcol "$WORK/fields"
for w in -1 abc; do
    expect_status 2 "--wait $w" "$REEL_INDEX" --wait "$w" .
    check "--wait $w explained" contains "$ERR" "'$w' is not a number of seconds"
done
expect_status 2 "input that does not exist" "$REEL_INDEX" --db "$WORK/db2" "$WORK/nothing-here"
check "names the missing input" contains "$ERR" "nothing-here"
check "no database is created for missing inputs" [ ! -e "$WORK/db2" ]
before=$(cd "$REEL_DB" && ls -l --time-style=full-iso && md5sum ./*)
expect_status 2 "missing input, existing database" "$REEL_INDEX" "$WORK/nothing-here"
check "an existing database is left untouched" [ "$(cd "$REEL_DB" && ls -l --time-style=full-iso && md5sum ./*)" = "$before" ]

# Database errors.
printf 'not a database' > "$WORK/notadb"
expect_status 3 "database path is a file" "$REEL_INDEX" --db "$WORK/notadb" .
check "a file is named as such" contains "$ERR" "is a file, not a database folder"
expect_status 3 "search on a non-database" "$REEL_SEARCH" --db "$WORK/notadb" heat
check "a file is named as such to reel-search" contains "$ERR" "is a file, not a database folder"
check "a file is not called corrupt" lacks "$ERR" "corrupt"
: > "$WORK/emptyfile"
expect_status 3 "search on an empty file" "$REEL_SEARCH" --db "$WORK/emptyfile" heat
check "an empty file is named as such" contains "$ERR" "is a file, not a database folder"
expect_status 3 "rebuild over a file" "$REEL_INDEX" --rebuild --db "$WORK/notadb" .
check "rebuild leaves the file alone" [ "$(cat "$WORK/notadb")" = "not a database" ]

chmod -R u+rwx "$WORK/in"
finish
