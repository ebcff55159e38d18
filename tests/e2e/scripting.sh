#!/usr/bin/env bash
# reel-search driven by scripts: batches piped into other programs, and what a script can trust
# of the exit status and the output.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/in"
cd "$WORK/in"
for n in $(seq 1 40); do printf 'Review %s: the drum solo in Whiplash, take %s.\n' "$n" "$n" > "r$n.txt"; done
printf -- '---\nrating: 8/10\nyear: 2014\ndate: 2015-01-09\n---\nA rated drum solo.\n' > rated.md
expect_status 0 "index the collection" "$REEL_INDEX" --quiet .
for n in $(seq 1 2000); do printf 'q%s\tdrum\n' "$n"; done > "$WORK/queries"

# Output that cannot be written: a script must not be told all went well.
if [[ -w /dev/full ]]; then
    for args in "drum" "--format json drum" "--batch $WORK/queries --format json" "--list reviews"; do
        # shellcheck disable=SC2086
        expect_status 2 "$args into a full disk" bash -c "'$REEL_SEARCH' $args > /dev/full"
        check "$args into a full disk: the error says so" contains "$ERR" "cannot write the output"
    done
fi
# With SIGPIPE ignored (as some runtimes leave it for their children), a closed pipe is a write
# error: the batch stops there rather than answering every query for nobody.
expect_status 2 "batch into a closed pipe, SIGPIPE ignored" bash -c \
    "trap '' PIPE; '$REEL_SEARCH' --batch '$WORK/queries' --format json | head -1 >/dev/null; exit \${PIPESTATUS[0]}"
check "the closed pipe is named" contains "$ERR" "Broken pipe"
check "one error line" error_line reel-search

# A script's rating:$min..$max with both bounds empty: the reviews with a rating, not all.
check "rating:.. is the rated reviews" [ "$(count rating:..)" = 1 ]
check "year:.. is the reviews with a year" [ "$(count year:..)" = 1 ]
check "date:.. is the dated reviews" [ "$(count date:..)" = 1 ]
check "-rating:.. is the unrated ones" [ "$(count -- "drum -rating:..")" = 40 ]

# A query on the command line is numbered as a batch of one: JSON and TSV had an empty id.
expect_status 0 "one query as JSON" "$REEL_SEARCH" --format json -n 1 drum
check "its id is 1" contains "$OUT" '"id":"1"'
expect_status 0 "one query as TSV" "$REEL_SEARCH" --format tsv -n 1 drum
check "its query_id is 1" [ "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)" = 1 ]

# A batch with classic Mac line ends (CR alone, Excel for Mac's "CSV (Macintosh)") is one query
# per line, not one query of all their words.
printf '# westerns\rq1\tdrum\rrating:..\r\rq3\tnosuchword' > "$WORK/cr-queries"
expect_status 0 "batch with CR line ends" "$REEL_SEARCH" --format json -n 0 --batch "$WORK/cr-queries"
check "each CR-ended line is a query, numbered as a line" python3 -c '
import json,sys
got=[(o["id"], o["total"]) for o in map(json.loads, sys.argv[1].splitlines())]
assert got==[("q1",41),("3",1),("q3",0)], got' "$OUT"

# A script that keeps one reel-search as a co-process (one database open for thousands of
# queries) writes a query and waits for its answer: each answer must come while stdin is still
# open, not at its end.
check "co-process: each answer comes before the next query is sent" python3 -c '
import json, os, select, subprocess, sys, time
p = subprocess.Popen([os.environ["REEL_SEARCH"], "--batch", "-", "--format", "json", "-n", "0"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
pending = b""
def ask(line):
    global pending
    p.stdin.write(line.encode() + b"\n")
    p.stdin.flush()
    deadline = time.monotonic() + 10
    while b"\n" not in pending:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([p.stdout], [], [], left)[0]:
            p.kill()
            sys.exit(f"no answer to {line!r} within 10 s")
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            sys.exit(f"output ended before the answer to {line!r}")
        pending += chunk
    answer, pending = pending.split(b"\n", 1)
    return json.loads(answer)
got = ask("q1\tdrum")
assert (got["id"], got["total"]) == ("q1", 41), got
got = ask("rating:..")  # no id: its line number, 2
assert (got["id"], got["total"]) == ("2", 1), got
p.stdin.close()
status = p.wait(timeout=10)
assert status == 0 and p.stdout.read() == pending == b"", (status, pending)
'
# A co-process whose output stops being read (its script closed the pipe, SIGPIPE ignored) while
# its stdin stays open: the error must come at once, not when the script closes stdin.
check "co-process: a write error ends it with stdin still open" python3 -c '
import os, select, subprocess, sys
p = subprocess.Popen([os.environ["REEL_SEARCH"], "--batch", "-", "--format", "json", "-n", "0"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     restore_signals=False)
p.stdin.write(b"drum\n"); p.stdin.flush()
if not select.select([p.stdout], [], [], 10)[0]:
    sys.exit("no first answer")
p.stdout.readline()
p.stdout.close()
p.stdin.write(b"drum\n"); p.stdin.flush()
try:
    status = p.wait(timeout=10)
except subprocess.TimeoutExpired:
    p.kill()
    sys.exit("still running 10 s after its output was closed: it waited for stdin")
err = p.stderr.read().decode()
assert status == 2 and "Broken pipe" in err, (status, err)
'

# A listing read as a table (pandas, csvkit, awk -F'\t' with NR > 1) names its columns, as a
# query's TSV does, even when it has no entries.
expect_status 0 "list reviews as TSV" "$REEL_SEARCH" --list reviews --format tsv
check "the reviews' TSV has a header, then a row a review" python3 -c '
import sys
rows=[l.split("\t") for l in sys.argv[1].splitlines()]
assert rows[0] == ["id","people","films"] and len(rows) == 42 and all(len(r) == 3 for r in rows), rows[:3]
' "$OUT"
expect_status 1 "list no films as TSV" "$REEL_SEARCH" --list films --prefix nosuchtitle --format tsv
check "an empty listing still names its columns" [ "$OUT" = "$(printf 'name\tkind\treviews\taliases')" ]

finish
