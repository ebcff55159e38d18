#!/usr/bin/env bash
# Hostile input that bad_input.sh does not cover: huge and sparse files (bounded memory, capped
# reads), a 50 MB JSON Lines line, deep JSON, HTML that defeats a naive nesting check,
# unreadable files even for root, other symlink loops, files that vanish or change during a
# run, and corrupt databases. Each bad file: one warning naming it, the rest indexed, exit 1.
source "$(dirname "$0")/lib.sh"

# Sanitizer builds: reports go to stderr, and their memory overhead voids the RSS limits.
sanitized=0
grep -q __asan_init "$REEL_INDEX" && sanitized=1
clean() { [[ "$1" != *Sanitizer* && "$1" != *"runtime error:"* ]]; }

# warnings_for NAME: the warning lines of $ERR about the file NAME.
warnings_for() { printf '%s\n' "$ERR" | grep -c -F -- "/$1: " || true; }

echo "[${SECONDS}s] Huge and sparse files"
# --- Huge and sparse files: read up to the cap, quickly, in bounded memory. ---
mkdir -p "$WORK/big"
cd "$WORK/big"
export REEL_DB="$WORK/big.db"
python3 - <<'PY'
chunk = "bigreview words fill the page " * 64 + "\n"
with open("huge.txt", "w") as f:
    f.write("firstword of a huge review\n")
    for _ in range(200 * 1024 * 1024 // len(chunk)):
        f.write(chunk)
    f.write("lastword\n")
with open("longline.jsonl", "w") as f:
    f.write('{"text": "before the long line kiwis"}\n')
    f.write('{"text": "' + "longline " * (50 * 1024 * 1024 // 9) + '"}\n')
    f.write('{"text": "after the long line kiwis"}\n')
PY
for ext in txt md html json jsonl csv; do
    case $ext in
        json) printf '{"text": "sparse json"}' > "sparse.$ext" ;;
        jsonl) printf '{"text": "sparse jsonl"}\n' > "sparse.$ext" ;;
        csv) printf 'review\nsparse csv\n' > "sparse.$ext" ;;
        *) printf 'sparse %s\n' "$ext" > "sparse.$ext" ;;
    esac
    truncate -s 2G "sparse.$ext"
done
# Text first, then 2 GB of nothing: read capped, not byte by byte to the end.
python3 -c 'print("\n".join(["late nul jsonl"] * 1000))' | sed 's/.*/{"text": "&"}/' > late.jsonl
truncate -s 2G late.jsonl
start=$(date +%s)
CHECKS=$((CHECKS + 1))
/usr/bin/time -f '%M' -o "$WORK/rss" "$REEL_INDEX" --quiet . 2>"$WORK/.stderr"
status=$?
ERR=$(grep -v '^[0-9]*$' "$WORK/.stderr")
seconds=$(($(date +%s) - start))
[[ $status -eq 1 ]] || fail "huge files: exit $status, wanted 1 (stderr: ${ERR:0:500})"
check "no sanitizer report on huge files" clean "$ERR"
rss_mb=$(($(tail -1 "$WORK/rss") / 1024))
echo "huge files: ${seconds}s, peak RSS ${rss_mb} MiB"
if [[ $sanitized -eq 0 ]]; then
    check "peak RSS ${rss_mb} MiB stays well under 1 GiB" [ "$rss_mb" -lt 700 ]
    check "2 GB files are not read whole (${seconds}s)" [ "$seconds" -lt 90 ]
fi
check "200 MB review: cut, and says so" contains "$ERR" "huge.txt: longer than 32 MiB: only the first 32 MiB indexed"
check "one warning for the huge review" [ "$(warnings_for huge.txt)" = 1 ]
check "the start of the huge review is indexed" [ "$(count firstword)" = 1 ]
check "the part past the cap is not" [ "$(count lastword)" = 0 ]
check "50 MB line: skipped, and says so" contains "$ERR" "longline.jsonl: line 2: longer than 32 MiB, skipped"
check "one warning for the long line" [ "$(warnings_for longline.jsonl)" = 1 ]
check "lines around the long one kept" [ "$(count kiwis)" = 2 ]
for ext in txt md html json jsonl csv; do
    check "sparse .$ext: one warning" [ "$(warnings_for "sparse.$ext")" = 1 ]
done
check "sparse text is binary" contains "$ERR" "sparse.txt: binary content"
check "sparse JSON is too big to parse whole" contains "$ERR" "sparse.json: JSON file larger than"
check "text before 2 GB of zeros is kept" [ "$(count late)" = 1000 ]
check "and the rest skipped with one warning" [ "$(warnings_for late.jsonl)" = 1 ]
rm -f huge.txt longline.jsonl sparse.* late.jsonl

echo "[${SECONDS}s] Malformed structure"
# --- Malformed structure: JSON, JSON Lines, CSV and HTML beyond bad_input.sh. ---
mkdir -p "$WORK/in"
cd "$WORK/in"
export REEL_DB="$WORK/malformed.db"
printf 'plain good review of Heat\n' > good.txt
python3 - <<'PY'
open("deep.json", "w").write("[" * 100000 + "]" * 100000)
open("deep-inside.json", "w").write('{"text": "deep json pears", "x": ' + '{"a":' * 100000 + "1" + "}" * 100000 + "}")
open("deep.jsonl", "w").write('{"text": "deep jsonl pears"}\n' + "[" * 100000 + "\n")
open("trailing.json", "w").write('{"text": "trailing garbage"} {"text": "second"}')
open("allbad.jsonl", "w").write("{bad\n[1, 2]\n\"string\"\n")
open("notobjects.json", "w").write('[1, "two", [3], {"text": "the only object pears"}]')
open("badescape.json", "w").write('{"text": "bad escape \\ud800 \\x41"}')
open("hugenumber.json", "w").write('{"text": "huge number pears", "rating": 1' + "0" * 5000 + "}")
open("stray.html", "w").write("<div></x>" * 100000 + "stray closers pears")
open("unclosed.html", "w").write("<a" * 1000000)
open("script.html", "w").write("<html><body><script>" + "if (a<b) x<y;" * 20000 + "</script><p>scripted pears</p></body></html>")
open("deep-italic.txt", "w").write("<i>" * 100000 + "italic pears" + "</i>" * 100000)
open("quotes.csv", "w").write('review,film\n' + '"""' * 10000 + ',X\n"ok csv pears",Y\n')
PY
expect_status 1 "index malformed files" "$REEL_INDEX" --quiet .
check "no sanitizer report on malformed files" clean "$ERR"
for f in deep.json deep.jsonl trailing.json allbad.jsonl notobjects.json badescape.json \
    hugenumber.json stray.html; do
    check "$f: exactly one warning" [ "$(warnings_for "$f")" = 1 ]
done
check "deep JSON: malformed or read, never a crash" contains "$ERR" "deep.json:"
check "trailing garbage named" contains "$ERR" "trailing.json: malformed JSON"
check "all-bad JSONL names the first reason" contains "$ERR" "allbad.jsonl: no readable record (line 1"
check "non-objects named" contains "$ERR" "notobjects.json: 3 array element(s) are not objects"
check "stray end tags still count as nesting" contains "$ERR" "stray.html: HTML nested too deeply"
check "a 5000-digit number is malformed, said in one short line" \
    [ "$(printf '%s\n' "$ERR" | grep hugenumber.json | wc -c)" -lt 400 ]
check "pears found in every readable file" [ "$(count pears)" = 7 ]
check "good file indexed" [ "$(count heat)" = 1 ]
rm -f ./*

echo "[${SECONDS}s] Unreadable files"
# --- Unreadable files and folders. chmod 000 does not stop root, so as root the indexer runs
# without the capabilities that bypass file permissions. ---
printf 'readable limes\n' > ok.txt
printf 'secret figs\n' > secret.txt && chmod 000 secret.txt
mkdir locked && printf 'hidden figs\n' > locked/x.txt && chmod 000 locked
ln -s "$WORK/nowhere.txt" dangling.txt
mkfifo fifo.txt
as_user=()
if [[ $(id -u) -eq 0 ]]; then
    caps=-dac_override,-dac_read_search
    if setpriv --inh-caps=$caps --bounding-set=$caps true 2>/dev/null; then
        as_user=(setpriv --inh-caps=$caps --bounding-set=$caps)
    else
        echo "SKIP: running as root and setpriv cannot drop capabilities: unreadable files not tested"
    fi
fi
if [[ $(id -u) -ne 0 || ${#as_user[@]} -gt 0 ]]; then
    expect_status 1 "index unreadable files" "${as_user[@]}" "$REEL_INDEX" --quiet --db "$WORK/db2" .
    check "unreadable file named" contains "$ERR" "secret.txt: cannot open: Permission denied"
    check "unreadable folder named" contains "$ERR" "locked: cannot read folder"
    check "the rest indexed" [ "$(count --db "$WORK/db2" limes)" = 1 ]
    check "nothing of the unreadable indexed" [ "$(count --db "$WORK/db2" figs)" = 0 ]
fi
expect_status 1 "dangling symlink and FIFO" "$REEL_INDEX" --quiet --db "$WORK/db3" .
check "dangling symlink named" contains "$ERR" "dangling.txt: No such file or directory"
check "a FIFO named .txt is not opened (no hang)" lacks "$ERR" "fifo.txt: cannot open"
chmod -R u+rwx . && rm -rf ./*

echo "[${SECONDS}s] Symlink loops"
# --- Symlink loops of other shapes than bad_input.sh's: a file linking to itself, two folders
# linking to each other, a link to an ancestor. ---
mkdir -p a b && printf 'loop review dates\n' > a/r.txt
ln -s ../b a/to-b && ln -s ../a b/to-a && ln -s .. a/up && ln -s self.txt self.txt
expect_status 1 "symlink loops" "$REEL_INDEX" --quiet --db "$WORK/db4" .
check "self-link named" contains "$ERR" "self.txt: Too many levels of symbolic links"
check "loops indexed once" [ "$(count --db "$WORK/db4" dates)" = 1 ]
rm -rf ./*

echo "[${SECONDS}s] Files that vanish"
# --- Files that vanish or change while the indexer reads them: whatever the timing, the run
# does not crash, and the next run leaves exactly what is on disk, each review once. ---
python3 - <<'PY'
for i in range(3000):
    open(f"f{i:04d}.txt", "w").write(f"volatile original tok{i:04d} " + "padding words " * 60 + "\n")
PY
"$REEL_INDEX" --quiet --db "$WORK/db5" --batch-size 200 -j 1 . 2>"$WORK/vanish.err" &
indexer=$!
python3 - <<'PY' &
import os, random, time
random.seed(7)
order = list(range(3000))
random.shuffle(order)
for n, i in enumerate(order[:1500]):
    path = f"f{i:04d}.txt"
    if n % 2:
        os.remove(path)
    elif n % 4:
        with open(path + ".new", "w") as f:  # replaced whole
            f.write(f"volatile rewritten tok{i:04d}\n")
        os.replace(path + ".new", path)
    else:
        with open(path, "a") as f:  # grown while it may be being read
            f.write("rewritten\n")
    time.sleep(0.001)
PY
mutator=$!
wait $mutator
wait $indexer
status=$?
ERR=$(cat "$WORK/vanish.err")
check "indexer survives vanishing files (exit $status)" [ "$status" -le 1 ]
check "no sanitizer report with vanishing files" clean "$ERR"
check "vanished files are named, one line each" python3 -c '
import re, sys
for line in open(sys.argv[1]):
    if "warning" in line:
        assert re.match(r"reel-index: warning: .*f\d{4}\.txt: (cannot open|No such file)", line), line
' "$WORK/vanish.err"
expect_status 0 "re-run after the changes" "$REEL_INDEX" --quiet --db "$WORK/db5" .
on_disk=$(ls f*.txt | wc -l)
check "every file on disk indexed once ($on_disk)" [ "$(count --db "$WORK/db5" volatile)" = "$on_disk" ]
check "changed files indexed as they are now" \
    [ "$(count --db "$WORK/db5" rewritten)" = "$(grep -l rewritten f*.txt | wc -l)" ]
check "no stale versions" [ "$(count --db "$WORK/db5" original)" = "$(grep -l original f*.txt | wc -l)" ]
python3 -c '
import os
for i in range(0, 3000, 7): print(f"{i}\ttok{i:04d}")' >"$WORK/toks"
"$REEL_SEARCH" --db "$WORK/db5" --batch "$WORK/toks" --count --format json >"$WORK/toks.out" 2>/dev/null
check "each sampled review present exactly when its file is" python3 -c '
import json, os, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    i = int(o["id"])
    want = 1 if os.path.exists(f"f{i:04d}.txt") else 0
    assert o["total"] == want, (i, o["total"], want)
' "$WORK/toks.out"
rm -f ./*

echo "[${SECONDS}s] Corrupt and truncated"
# --- Corrupt and truncated databases: a clear one-line message and exit 3 (or a right answer
# when the damage is elsewhere), never a crash; --rebuild recovers. ---
cp -r "$CORPUS" "$WORK/corpus"
"$REEL_INDEX" --quiet --db "$WORK/good.db" "$WORK/corpus" 2>/dev/null
want_the=$(count --db "$WORK/good.db" the)
corrupt() {  # corrupt NAME PYTHON: copy the good database and damage it with PYTHON (in its folder)
    rm -rf "$WORK/bad.db" && cp -r "$WORK/good.db" "$WORK/bad.db"
    (cd "$WORK/bad.db" && python3 -c "import glob, os, random
$2")
    local q got err
    for q in "--count the" "drum" "--facets --count drum" "--list people" "--list films" "--list reviews"; do
        # shellcheck disable=SC2086
        timeout -k 5 120 "$REEL_SEARCH" --db "$WORK/bad.db" $q >/dev/null 2>"$WORK/.stderr"
        got=$?
        err=$(cat "$WORK/.stderr")
        CHECKS=$((CHECKS + 1))
        if [[ $got -gt 3 || ($got -eq 3 && ("$err" != *"$WORK/bad.db"* || $(printf '%s\n' "$err" | wc -l) -ne 1)) ]] || ! clean "$err"; then
            fail "$1: reel-search $q: exit $got, stderr: ${err:0:300}"
        fi
    done
    touch "$WORK/corpus/txt/"*.txt  # changed files make the indexer read and delete postings
    timeout -k 5 120 "$REEL_INDEX" --quiet --db "$WORK/bad.db" "$WORK/corpus" >/dev/null 2>"$WORK/.stderr"
    got=$?
    err=$(cat "$WORK/.stderr")
    INDEX_ERR=$err
    CHECKS=$((CHECKS + 1))
    if [[ $got -gt 3 ]] || ! clean "$err"; then
        fail "$1: reel-index on it: exit $got, stderr: ${err:0:300}"
    fi
    "$REEL_INDEX" --quiet --rebuild --db "$WORK/bad.db" "$WORK/corpus" 2>/dev/null
    check "$1: --rebuild recovers" [ $? -le 1 ]
    check "$1: rebuilt database answers" [ "$(count --db "$WORK/bad.db" the)" = "$want_the" ]
}
corrupt "postlist cut in half" 'os.truncate("postlist.glass", os.path.getsize("postlist.glass") // 2)'
corrupt "every table cut to a third" '
for f in glob.glob("*.glass"): os.truncate(f, os.path.getsize(f) // 3)'
corrupt "every table emptied" '
for f in glob.glob("*.glass"): os.truncate(f, 0)'
corrupt "version file garbled" 'open("iamglass", "wb").write(os.urandom(113))'
corrupt "version file missing" 'os.remove("iamglass")'
# Random bytes garbled in every table: Xapian 1.4's tables have no checksums, so reel-index
# keeps its own and refuses a damaged database before libxapian reads it (where some damage
# makes the library loop or corrupt its heap); reel-search says so or answers.
for seed in 1 2 3 4 5 6 7 8; do
    corrupt "random bytes garbled (seed $seed)" "
random.seed($seed)
for f in sorted(glob.glob('*.glass')):
    b = bytearray(open(f, 'rb').read())
    for _ in range(20): b[random.randrange(len(b))] = random.randrange(256)
    open(f, 'wb').write(b)"
    check "random bytes garbled (seed $seed): reel-index found the damage" \
        contains "$INDEX_ERR" "is damaged: its file"
done
# reel-search too, judging by the files' sizes and times first (a copy is summed once more).
rm -rf "$WORK/bad.db" && cp -r "$WORK/good.db" "$WORK/bad.db"
check "a copied database answers" [ "$(count --db "$WORK/bad.db" the)" = "$want_the" ]
(cd "$WORK/bad.db" && python3 -c "
b = bytearray(open('postlist.glass', 'rb').read())
b[len(b) // 2] ^= 0x5a
open('postlist.glass', 'wb').write(b)")
"$REEL_SEARCH" --db "$WORK/bad.db" --count the >/dev/null 2>"$WORK/.stderr"
got=$?
check "reel-search refuses a damaged table (exit 3)" [ $got -eq 3 ]
check "reel-search names the damaged table" contains "$(cat "$WORK/.stderr")" "'postlist.glass' has changed"
echo "[${SECONDS}s] done"
finish
