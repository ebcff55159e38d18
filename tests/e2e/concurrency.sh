#!/usr/bin/env bash
# Concurrency: searches while reel-index rewrites the same database never fail and never see a
# half-written state; a second reel-index on a locked database exits 3 (or waits with --wait);
# reel-search --batch --jobs N answers in input order, byte for byte as --jobs 1 does.
source "$(dirname "$0")/lib.sh"

clean() { [[ "$1" != *Sanitizer* && "$1" != *"runtime error:"* ]]; }

# Reviews in .txt and multi-record .jsonl files; every one holds the word "steady", so a
# committed state always has exactly $TOTAL of them whatever round rewrote which file.
mkdir -p "$WORK/in"
cd "$WORK/in"
TOTAL=$(python3 - <<'PY'
import json
n = 0
for i in range(240):
    open(f"t{i:03d}.txt", "w").write(f"steady review {i} of Heat by Michael Mann, round0 words\n")
    n += 1
for i in range(16):
    with open(f"j{i:02d}.jsonl", "w") as f:
        for k in range(10):
            f.write(json.dumps({"film": "Heat", "text": f"steady record {k} of file {i} round0"}) + "\n")
            n += 1
print(n)
PY
)
expect_status 0 "initial index" "$REEL_INDEX" --quiet .

# --- Searches during repeated re-indexing. ---
rounds=6
(
    for round in $(seq 1 $rounds); do
        python3 - "$round" <<'PY'
import json, random, sys
r = int(sys.argv[1])
random.seed(r)
for i in random.sample(range(240), 80):
    open(f"t{i:03d}.txt", "w").write(f"steady review {i} rewritten in round{r}\n")
for i in random.sample(range(16), 6):
    with open(f"j{i:02d}.jsonl", "w") as f:
        for k in range(10):
            f.write(json.dumps({"text": f"steady record {k} of file {i} round{r}"}) + "\n")
PY
        # Distinct modification times, so every round's files count as changed.
        touch -d "+$round minutes" t*.txt j*.jsonl
        "$REEL_INDEX" --quiet --batch-size 25 --wait 120 . 2>>"$WORK/writer.err"
        echo "$?" >>"$WORK/writer.status"
    done
) &
writer=$!

printf 'all\tsteady\nheat\tfilm:heat\nr0\tround0\nr1\tround1\nphrase\t"steady record"\n' >"$WORK/q.txt"
searches=0
bad=0
while kill -0 "$writer" 2>/dev/null || [[ $searches -lt 3 ]]; do
    searches=$((searches + 1))
    out=$("$REEL_SEARCH" --batch "$WORK/q.txt" --count --format json --jobs 2 2>"$WORK/s.err")
    s1=$?
    hits=$("$REEL_SEARCH" --format json --limit 20 steady 2>>"$WORK/s.err")
    s2=$?
    if [[ $s1 -gt 1 || $s2 -gt 1 ]]; then
        bad=$((bad + 1))
        echo "search $searches: exit $s1/$s2: $(head -c 300 "$WORK/s.err")" >&2
        continue
    fi
    if ! python3 -c '
import json, sys
total = int(sys.argv[1])
rows = [json.loads(l) for l in sys.argv[2].splitlines()]
assert [r["id"] for r in rows] == ["all", "heat", "r0", "r1", "phrase"], rows
assert rows[0]["total"] == total, ("steady", rows[0]["total"])
assert rows[4]["total"] == 16 * 10, ("phrase", rows[4]["total"])
hits = json.loads(sys.argv[3])
assert hits["total"] == total and len(hits["hits"]) == 20, ("hits", hits["total"])
' "$TOTAL" "$out" "$hits" 2>"$WORK/py.err"; then
        bad=$((bad + 1))
        echo "search $searches saw a half-written state: $(tail -1 "$WORK/py.err")" >&2
    fi
done
wait "$writer"
echo "concurrency: $searches search rounds during $rounds re-index runs"
check "every re-index run succeeded" [ "$(sort -u "$WORK/writer.status")" = 0 ]
check "re-index runs wrote no sanitizer report" clean "$(cat "$WORK/writer.err")"
check "searches overlapped the writer ($searches rounds)" [ "$searches" -ge 5 ]
check "every search exited 0 or 1 and saw a committed state ($bad bad)" [ "$bad" -eq 0 ]
check "the final state is complete" [ "$(count steady)" = "$TOTAL" ]
check "the last round is visible" [ "$(count round$rounds)" -gt 0 ]

# --- The lock. A reel-index reading its --catalog from a FIFO holds the database lock until
# the FIFO is written, which lets the test hold the lock for as long as it likes. ---
export REEL_DB="$WORK/locked.db"
mkfifo "$WORK/catalog.fifo"
"$REEL_INDEX" --quiet --catalog "$WORK/catalog.fifo" . 2>"$WORK/holder.err" &
holder=$!
# Opening the FIFO for writing succeeds once the holder has it open for reading, which it does
# only after it has locked the database.
python3 - "$WORK/catalog.fifo" <<'PY' &
import os, sys, time
deadline = time.time() + 120
while True:
    try:
        fd = os.open(sys.argv[1], os.O_WRONLY | os.O_NONBLOCK)
        break
    except OSError:
        if time.time() > deadline: sys.exit(1)
        time.sleep(0.05)
open(sys.argv[1] + ".ready", "w").close()
while not os.path.exists(sys.argv[1] + ".release"): time.sleep(0.05)
os.set_blocking(fd, True)
os.write(fd, b"title,year,directors,actors\nHeat,1995,Michael Mann,Al Pacino|Robert De Niro\n")
os.close(fd)
PY
feeder=$!
for _ in $(seq 1 1200); do [[ -e "$WORK/catalog.fifo.ready" ]] && break; sleep 0.1; done
check "the lock holder started" [ -e "$WORK/catalog.fifo.ready" ]
expect_status 3 "a second reel-index on a locked database" "$REEL_INDEX" --quiet .
check "the message names the database" contains "$ERR" "$WORK/locked.db"
check "the message says another process updates it" contains "$ERR" "being updated by another process"
check "the message is one line" [ "$(printf '%s\n' "$ERR" | wc -l)" = 1 ]
start=$(date +%s.%N)
expect_status 3 "--wait 1 gives up after a second" "$REEL_INDEX" --quiet --wait 1 .
waited=$(python3 -c "import sys; print(round($(date +%s.%N) - $start, 1))")
check "--wait 1 waited about a second ($waited s)" python3 -c "assert 0.9 <= $waited < 30"
# Ctrl-C ends a wait at once, not once the lock comes free, and says nothing was done.
"$REEL_INDEX" --quiet --wait 120 . 2>"$WORK/interrupted.err" &
interrupted=$!
sleep 1
kill -INT "$interrupted"
start=$(date +%s.%N)
wait "$interrupted"
status=$?
waited=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
check "Ctrl-C during --wait exits 130 (exit $status)" [ "$status" -eq 130 ]
check "Ctrl-C during --wait exits at once ($waited s)" python3 -c "assert $waited < 5"
check "Ctrl-C during --wait says why, on one line" [ "$(cat "$WORK/interrupted.err")" = "reel-index: interrupted while waiting for database '$WORK/locked.db' (locked by another process); nothing was changed" ]
"$REEL_INDEX" --quiet --wait 120 . 2>"$WORK/waiter.err" &
waiter=$!
sleep 1
check "--wait 120 is still waiting while the lock is held" kill -0 "$waiter"
touch "$WORK/catalog.fifo.release"
wait "$feeder"
wait "$holder"
status=$?
check "the lock holder finished (exit $status)" [ "$status" -eq 0 ]
wait "$waiter"
status=$?
check "--wait got the lock once it was free and finished (exit $status)" [ "$status" -eq 0 ]
check "nothing indexed twice" [ "$(count steady)" = "$TOTAL" ]

# --- A lock that cannot be taken at all is no contention: a read-only database says why at
# once, without waiting. chmod does not stop root, so as root reel-index runs without the
# capabilities that bypass file permissions. ---
as_user=(env)
if [[ $(id -u) -eq 0 ]]; then
    caps=-dac_override,-dac_read_search
    if setpriv --inh-caps=$caps --bounding-set=$caps true 2>/dev/null; then
        as_user=(setpriv --inh-caps=$caps --bounding-set=$caps)
    else
        as_user=()
        echo "SKIP: running as root and setpriv cannot drop capabilities: read-only database not tested"
    fi
fi
if [[ ${#as_user[@]} -gt 0 ]]; then
    cp -a "$WORK/locked.db" "$WORK/readonly.db" && chmod -R a-w "$WORK/readonly.db"
    start=$(date +%s.%N)
    expect_status 3 "a read-only database" "${as_user[@]}" "$REEL_INDEX" --quiet --db "$WORK/readonly.db" --wait 5 .
    waited=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
    check "read-only: the reason is given" contains "$ERR" "Permission denied"
    check "read-only: not called locked by another process" lacks "$ERR" "another process"
    check "read-only: said at once, not after --wait ($waited s)" python3 -c "assert $waited < 4"
    check "read-only: the message is one line" [ "$(printf '%s\n' "$ERR" | wc -l)" = 1 ]
fi

# --- --batch --jobs N: output order is input order, byte for byte the same as --jobs 1. ---
python3 - "$WORK/many.txt" <<'PY'
import random, sys
random.seed(11)
words = ["steady", "review", "record", "heat", "round0", "round3", "rewritten", "file", "of",
         "Michael", "Mann", "film:heat", "person:mann", '"steady record"', "NOT", "OR",
         "rating:..5", "nothingmatchesthis", "(", '"']
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        f.write(" ".join(random.choice(words) for _ in range(random.randint(1, 4))) + "\n")
PY
for format in json text tsv; do
    "$REEL_SEARCH" --batch "$WORK/many.txt" --format "$format" --limit 5 --jobs 1 >"$WORK/j1" 2>"$WORK/j1.err"
    s1=$?
    for jobs in 2 4; do
        "$REEL_SEARCH" --batch "$WORK/many.txt" --format "$format" --limit 5 --jobs $jobs >"$WORK/jn" 2>"$WORK/jn.err"
        sn=$?
        check "--jobs $jobs --format $format: same exit as --jobs 1 ($sn vs $s1)" [ "$sn" = "$s1" ]
        check "--jobs $jobs --format $format: same output byte for byte" cmp -s "$WORK/j1" "$WORK/jn"
        check "--jobs $jobs --format $format: same errors, same order" cmp -s "$WORK/j1.err" "$WORK/jn.err"
    done
done
"$REEL_SEARCH" --batch "$WORK/many.txt" --format json --limit 5 --jobs 1 >"$WORK/j1"
check "3000 answers, ids 1..3000 in order" python3 -c '
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
assert ids == [str(i) for i in range(1, 3001)], ids[:5]
' "$WORK/j1"

finish
