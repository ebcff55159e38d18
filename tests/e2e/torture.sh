#!/usr/bin/env bash
# Crash torture: reel-index is killed with SIGKILL at 20 random points (fixed seed) while it
# indexes a few thousand generated reviews in .txt, .jsonl and .csv files. After every kill the
# database opens and holds exactly the reviews of the batches committed before the kill (whole
# files, in file order, ending at a commit point); a re-run finishes the job with every review
# exactly once. A fresh build without --batch-size (parallel segments, one commit at the end)
# holds none or all after a kill, and the next run clears its scratch folders. SIGINT and
# SIGTERM commit what is done, say so and exit 130 and 143.
source "$(dirname "$0")/lib.sh"

clean() { [[ "$1" != *Sanitizer* && "$1" != *"runtime error:"* ]]; }

# Every review carries "torturecommon" and its own "uniqNNNNN"; multi-record files give their
# records films from a small set of made-up titles, for the entity catalogue check.
mkdir -p "$WORK/in" "$WORK/dbdir"
export REEL_DB="$WORK/dbdir/torture.db"
python3 - "$WORK/in" "$WORK/manifest.json" <<'PY'
import csv, io, json, random, sys
random.seed(1234)
out = sys.argv[1]
films = ["Zorblax Nine", "Quillon Drift", "Marrow Lantern", "Vesper Cascade", "Olfin Harbor"]
words = ("the film drags in places but the score lifts every scene and the lead gives a "
         "performance of rare quiet power while the camera lingers on faces").split()
def text(n):
    return f"torturecommon uniq{n:05d} " + " ".join(random.choice(words) for _ in range(40))
files, n = [], 0
for i in range(2100):  # at least 2000 files, so that a fresh build takes the parallel path
    ext = ["txt", "txt", "txt", "txt", "txt", "jsonl", "csv"][i % 7]
    name, ids = f"r{i:04d}.{ext}", []
    if ext == "txt":
        content = text(n) + "\n"
        ids.append([n, ""])
        n += 1
    elif ext == "jsonl":
        content = ""
        for _ in range(5):
            content += json.dumps({"film": films[n % 5], "text": text(n)}) + "\n"
            ids.append([n, films[n % 5]])
            n += 1
    else:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["film", "review"])
        for _ in range(5):
            w.writerow([films[n % 5], text(n)])
            ids.append([n, films[n % 5]])
            n += 1
        content = buf.getvalue()
    open(f"{out}/{name}", "w").write(content)
    files.append([name, ids])
json.dump({"files": files, "films": films, "total": n}, open(sys.argv[2], "w"))
PY
TOTAL=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$WORK/manifest.json")
python3 -c 'import json,sys
for f, ids in json.load(open(sys.argv[1]))["files"]:
    for n, _ in ids: print(f"{n}\tuniq{n:05d}")' "$WORK/manifest.json" >"$WORK/tokens"

# The checker: reads the per-token counts and the film catalogue, and compares them with the
# manifest. MODE: batch PREV (a prefix of the files ending at a commit point reachable from
# PREV reviews, with --batch-size 100), prefix (any prefix of the files), none-or-all,
# whole-files (any set of whole files), or complete. Prints the review count.
cat >"$WORK/check.py" <<'PY'
import json, sys
mode, prev = sys.argv[1], int(sys.argv[2])
manifest = json.load(open(sys.argv[3]))
counts = {}
for line in open(sys.argv[4]):
    o = json.loads(line)
    if "total" not in o: sys.exit(f"query {o['id']} failed: {o.get('error')}")
    counts[int(o["id"])] = o["total"]
catalogue = {json.loads(l)["name"] for l in open(sys.argv[5]) if l.strip()}
common = int(sys.argv[6])
files, total = manifest["files"], manifest["total"]
dupes = [n for n, c in counts.items() if c > 1]
if dupes: sys.exit(f"reviews indexed more than once: {dupes[:5]}")
present = [[counts[n] for n, _ in ids] for _, ids in files]
torn = [f for (f, _), p in zip(files, present) if 0 < sum(p) < len(p)]
if torn: sys.exit(f"files half indexed: {torn[:5]}")
have = sum(map(sum, present))
if have != common: sys.exit(f"{common} reviews hold torturecommon, {have} tokens found")
wanted_films = {film for (_, ids), p in zip(files, present) for (_, film), c in zip(ids, p) if c and film}
if wanted_films - catalogue: sys.exit(f"films of indexed reviews missing from --list films: {sorted(wanted_films - catalogue)}")
if mode == "complete" and have != total: sys.exit(f"{have} of {total} reviews after the re-run")
if mode == "none-or-all" and have not in (0, total): sys.exit(f"{have} reviews: neither none nor all")
if mode in ("batch", "prefix"):
    whole = [all(p) for p in present]
    k = whole.index(False) if False in whole else len(whole)
    if any(whole[k:]): sys.exit(f"not a prefix of the files: file {k} missing, later ones present")
if mode == "batch":
    # Commit points of a run that starts with PREV reviews committed: a commit follows the file
    # that brings the uncommitted reviews to 100 or more, and the last file.
    points, done, pending = {prev}, 0, 0
    for _, ids in files:
        done += len(ids)
        if done <= prev: continue
        pending += len(ids)
        if pending >= 100: points.add(done); pending = 0
    points.add(total)
    if have not in points: sys.exit(f"{have} reviews is not a commit point after {prev}: {sorted(points)[:8]}...")
print(have)
PY

# state MODE PREV: checks the database against the manifest; sets HAVE to its review count.
state() {
    local mode=$1 prev=${2:-0} status out err
    out=$("$REEL_SEARCH" --count torturecommon 2>"$WORK/.stderr")
    status=$?
    err=$(cat "$WORK/.stderr")
    CHECKS=$((CHECKS + 1))
    if [[ $status -eq 1 && "$out" = 0 ]] || [[ $status -eq 0 && -n "$out" ]]; then
        :
    elif [[ $status -eq 3 && $FRESH -eq 1 && ("$err" == *"no database at"* ||
        "$err" == *"is empty: reel-index was stopped before its first commit"* ||
        "$err" == *"is empty while reel-index builds it"*) ]]; then
        # killed before it had created the database, while it did, or before a fresh build
        # had compacted its segments into it (which the re-run clears)
        HAVE=0
        return
    else
        fail "after $WHAT: the database does not open: exit $status: ${err:0:300}"
        HAVE=$prev
        return
    fi
    "$REEL_SEARCH" --batch "$WORK/tokens" --count --format json --jobs 2 >"$WORK/counts" 2>/dev/null
    "$REEL_SEARCH" --list films --format json >"$WORK/films" 2>/dev/null
    CHECKS=$((CHECKS + 1))
    if ! HAVE=$(python3 "$WORK/check.py" "$mode" "$prev" "$WORK/manifest.json" "$WORK/counts" \
        "$WORK/films" "$out" 2>"$WORK/.check"); then
        fail "after $WHAT: $(cat "$WORK/.check")"
        HAVE=$out
    fi
}

# leftovers: entries beside the database that are not the database (scratch folders).
leftovers() { ls -A "$WORK/dbdir" | grep -v '^torture.db$' || true; }

# run_and_kill DELAY SIGNAL ARGS...: starts reel-index, sends SIGNAL after DELAY seconds unless
# it has finished; sets KILLED (1 if the signal was delivered) and STATUS.
run_and_kill() {
    local delay=$1 sig=$2
    shift 2
    FRESH=0
    [[ -e "$REEL_DB" ]] || FRESH=1
    "$REEL_INDEX" --quiet --wait 30 "$@" "$WORK/in" >/dev/null 2>"$WORK/run.err" &
    local pid=$!
    sleep "$delay"
    KILLED=0
    if kill -s "$sig" "$pid" 2>/dev/null; then KILLED=1; fi
    { wait "$pid"; } 2>/dev/null  # (bash would report the kill on stderr)
    STATUS=$?
    # A run that had already exited (a zombie not yet waited for) still accepts the signal: its
    # own exit status says it finished first.
    if [[ $KILLED -eq 1 && $STATUS -le 1 ]]; then KILLED=0; fi
    RUN_ERR=$(cat "$WORK/run.err")
    check "no sanitizer report ($WHAT)" clean "$RUN_ERR"
}

# The seed fixes the kill points (as fractions of a full run, measured here).
RANDOM=20240611
start=$(date +%s.%N)
"$REEL_INDEX" --quiet --batch-size 100 --db "$WORK/timing.db" "$WORK/in" 2>/dev/null
full=$(python3 -c "print(max(0.5, $(date +%s.%N) - $start))")
start=$(date +%s.%N)
"$REEL_INDEX" --quiet -j 2 --db "$WORK/timing.db2" "$WORK/in" 2>/dev/null
full_parallel=$(python3 -c "print(max(0.3, $(date +%s.%N) - $start))")
rm -rf "$WORK/timing.db" "$WORK/timing.db2"
echo "torture: $TOTAL reviews in $(ls "$WORK/in" | wc -l) files; a full run takes ${full}s" \
    "(${full_parallel}s in parallel)"
# next_delay FACTOR [FULL]: sets DELAY to a random point in [0, FACTOR x FULL seconds] (FULL:
# a full run). $RANDOM is read here, not in a subshell, so the sequence is the seed's.
next_delay() {
    local r=$RANDOM
    DELAY=$(python3 -c "print(round(${2:-$full} * $1 * $r / 32768, 3))")
}

# --- 20 SIGKILLs with --batch-size 100: each leaves a prefix of the files ending at a commit
# point; each re-run continues from there. ---
kills=0 runs=0 prev=0
while [[ $kills -lt 20 && $runs -lt 60 ]]; do
    runs=$((runs + 1))
    if [[ $prev -eq $TOTAL ]]; then rm -rf "$REEL_DB"; prev=0; fi  # done: start over
    WHAT="SIGKILL $((kills + 1)) (run $runs, from $prev reviews)"
    next_delay 1.1
    run_and_kill "$DELAY" KILL --batch-size 100
    if [[ $KILLED -eq 1 ]]; then
        kills=$((kills + 1))
        check "$WHAT: the indexer died of SIGKILL (exit $STATUS)" [ "$STATUS" -eq 137 ]
    else
        check "$WHAT: finished before the kill (exit $STATUS)" [ "$STATUS" -le 1 ]
    fi
    state batch "$prev"
    echo "  $WHAT: $HAVE reviews committed"
    prev=$HAVE
done
check "20 kills delivered" [ "$kills" -eq 20 ]
WHAT="the final re-run"
expect_status 0 "$WHAT finishes the job" "$REEL_INDEX" --quiet --wait 30 --batch-size 100 "$WORK/in"
state complete
check "the re-run reports no duplicates: count equals the reviews" [ "$HAVE" = "$TOTAL" ]

# --- Killed while it created the database (before Xapian wrote its version file): reel-search
# says the database is empty, and the next run creates it again. (The kills above land in this
# window only by luck; here it is made by hand, as Xapian leaves it.) ---
rm -rf "$WORK/dbdir" && mkdir -p "$REEL_DB"
: >"$REEL_DB/flintlock" && : >"$REEL_DB/postlist.glass" && : >"$REEL_DB/termlist.glass"
printf 'partial version file' >"$REEL_DB/v.tmp"
expect_status 3 "a database cut short at creation" "$REEL_SEARCH" --count torturecommon
check "is said to be empty" contains "$ERR" "is empty"
WHAT="the run after a creation cut short"
expect_status 0 "$WHAT creates it again" "$REEL_INDEX" --quiet --batch-size 1000 "$WORK/in"
state complete

# --- A fresh build without --batch-size writes parallel segments and commits once: killed,
# it holds none or all; the next run (the same command) clears the scratch folders. ---
for k in 1 2 3 4 5; do
    rm -rf "$WORK/dbdir" && mkdir -p "$WORK/dbdir"
    WHAT="SIGKILL $k of a fresh parallel build"
    next_delay 0.9 "$full_parallel"
    run_and_kill "$DELAY" KILL -j 2
    state none-or-all
    echo "  $WHAT: $HAVE reviews, leftovers: $(leftovers | tr '\n' ' ')"
    WHAT="the re-run after $WHAT"
    expect_status 0 "$WHAT" "$REEL_INDEX" --quiet --wait 30 -j 2 "$WORK/in"
    state complete
    check "$WHAT: no scratch folders left ($(leftovers | tr '\n' ' '))" [ -z "$(leftovers)" ]
done

# --- Scratch folders (named as reel-index names them, DB.tmp-*) left beside a complete
# database, as a kill between putting the compacted database in place and clearing up leaves
# them, are removed by the next run too, although that run has nothing to compact. ---
mkdir -p "$WORK/dbdir/torture.db.tmp-segment7" "$WORK/dbdir/torture.db.tmp-replaced"
: >"$WORK/dbdir/torture.db.tmp-segment7/postlist.glass"
WHAT="a run over a complete database with scratch folders beside it"
expect_status 0 "$WHAT" "$REEL_INDEX" --quiet --wait 30 -j 2 "$WORK/in"
check "$WHAT: they are removed ($(leftovers | tr '\n' ' '))" [ -z "$(leftovers)" ]

# --- SIGINT and SIGTERM: commit what is done, say so, exit 130 and 143; the files written are
# whole, and a re-run finishes. Both paths: batches and a fresh parallel build. ---
for sig in INT TERM; do
    want=$([[ $sig == INT ]] && echo 130 || echo 143)
    for mode in batch parallel; do
        rm -rf "$WORK/dbdir" && mkdir -p "$WORK/dbdir"
        WHAT="SIG$sig during a $mode run"
        args=(--batch-size 100)
        [[ $mode == parallel ]] && args=(-j 2)
        # Half-way through (the run must have started writing): well inside the run.
        half=$([[ $mode == batch ]] && echo "$full" || echo "$full_parallel")
        run_and_kill "$(python3 -c "print(round($half * 0.5, 3))")" "$sig" "${args[@]}"
        if [[ $KILLED -eq 0 ]]; then
            echo "  $WHAT: finished before the signal; nothing to check"
            continue
        fi
        check "$WHAT: exit $want (got $STATUS)" [ "$STATUS" -eq "$want" ]
        check "$WHAT: says it was interrupted" contains "$RUN_ERR" "interrupted"
        check "$WHAT: says what was done is committed" contains "$RUN_ERR" "committed"
        # Batches: every file completed is committed, so the state ends at any file boundary.
        if [[ $mode == batch ]]; then state prefix; else state whole-files; fi
        echo "  $WHAT: $HAVE reviews committed"
        WHAT="the re-run after SIG$sig ($mode)"
        expect_status 0 "$WHAT" "$REEL_INDEX" --quiet --wait 30 "${args[@]}" "$WORK/in"
        state complete
        check "$WHAT: no scratch folders left" [ -z "$(leftovers)" ]
    done
done

finish
