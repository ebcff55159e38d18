#!/usr/bin/env bash
# Hostile queries never crash reel-search: a malformed one gets a one-line error and exit 2, a
# merely sloppy one is read the best way Xapian can (exit 0 or 1); never exit 3 or a signal.
source "$(dirname "$0")/lib.sh"

# Under LeakSanitizer: QueryParser 1.4 itself drops a term on some syntax errors ("a AND ADJ/3");
# that is Xapian's to fix, and would fail every such query here.
export LSAN_OPTIONS="suppressions=$REEL_SOURCE_DIR/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

mkdir -p "$WORK/in"
cd "$WORK/in"
printf 'The drum battle in Whiplash: not quite my tempo.\n' > a.txt
printf -- '---\nfilm: Heat\nyear: 1995\nrating: 8/10\ndate: 2020-03-01\n---\nAl Pacino and Robert De Niro drink coffee.\n' > b.md
printf 'Amélie in Montmartre, drumming along.\n' > c.txt
expect_status 0 "index" "$REEL_INDEX" --quiet --no-entities .

# lines TEXT: the number of lines of TEXT (0 when empty).
lines() { if [[ -z "$1" ]]; then echo 0; else printf '%s\n' "$1" | wc -l; fi; }

# sloppy QUERY...: read the best way possible (exit 0 or 1), nothing on stderr.
sloppy() {
    CHECKS=$((CHECKS + 1))
    OUT=$("$REEL_SEARCH" --count -- "$@" 2>"$WORK/.stderr")
    local got=$? q="$*"
    ERR=$(cat "$WORK/.stderr")
    if [[ $got -gt 1 || -n "$ERR" ]]; then
        fail "sloppy query '${q:0:80}': exit $got, stderr: ${ERR:0:300}"
    fi
}

# rejected QUERY...: exit 2 with exactly one line naming the problem.
rejected() {
    CHECKS=$((CHECKS + 1))
    OUT=$("$REEL_SEARCH" --count -- "$@" 2>"$WORK/.stderr")
    local got=$? q="$*"
    ERR=$(cat "$WORK/.stderr")
    if [[ $got -ne 2 || $(lines "$ERR") -ne 1 || "$ERR" != "reel-search: bad query "* ]]; then
        fail "malformed query '${q:0:80}': exit $got, stderr: ${ERR:0:300}"
    fi
}

# Unbalanced quotes and brackets: read as Xapian reads them.
sloppy '"not quite my tempo'
check "unbalanced quote still finds the phrase" [ "$OUT" = 1 ]
sloppy '(drum OR coffee'
check "unbalanced bracket still ORs" [ "$OUT" = 3 ]
sloppy 'drum)'
sloppy 'drum ) ) ('
sloppy 'person:"Al Pacino'
sloppy 'film:"heat'
sloppy '"""'"drum"

# Only operators, nothing to search for.
for q in AND OR NOT 'OR NOT AND' '( )' '-' '+' '"' '""' '*' ':' 'film:""' 'NEAR' '((((('; do
    "$REEL_SEARCH" --count -- "$q" >/dev/null 2>"$WORK/.stderr"
    got=$?
    CHECKS=$((CHECKS + 1))
    ERR=$(cat "$WORK/.stderr")
    # Xapian reads a few of these as a word ('NEAR'); the rest must be a one-line error.
    if ! { [[ $got -eq 2 && $(lines "$ERR") -eq 1 ]] || [[ $got -le 1 && -z "$ERR" ]]; }; then
        fail "operators only '$q': exit $got, stderr: ${ERR:0:300}"
    fi
done
rejected AND
check "says what is wrong" contains "$ERR" "AND"
rejected '( )'
check "says there is nothing to search for" contains "$ERR" "no words"

# A window beside an entity field (Xapian 1.4's parser crashes on some): a query error, not
# exit 3.
rejected 'film:"la la" NEAR drum'
check "says windows join words" contains "$ERR" "NEAR and ADJ join words"
rejected 'p +film:x NEAR person:k'
check "says so for the shape that crashed the parser" contains "$ERR" "NEAR and ADJ join words"

# Field prefixes that do not exist are words, not errors.
sloppy 'nosuchfield:drum'
sloppy 'drum nosuch:"a b" x:y:z'
# Fields of reel's own with nothing after them: named, not searched for as words.
rejected 'person: film: title: author:'
check "the first empty field named" contains "$ERR" "person: needs a value"

# Backwards and unreadable ranges.
rejected 'rating:10..1'
check "backwards rating named" contains "$ERR" "backwards"
rejected 'year:2015..2010'
check "backwards year named" contains "$ERR" "backwards"
rejected 'date:2020-06-30..2020-01-01'
check "backwards date named" contains "$ERR" "backwards"
rejected 'year:2016..2014'
check "backwards year: the swapped years suggested" contains "$ERR" "did you mean year:2014..2016?"
rejected 'rating:10...8'
check "backwards rating with three dots: a rating suggested" contains "$ERR" "did you mean rating:8..10?"
rejected 'date:2020..2019'
check "backwards date: the ends suggested as typed" contains "$ERR" "did you mean date:2019..2020?"
rejected 'rating:abc'
# A bracket after a field with a processor crashed Xapian's QueryParser (found by fuzz_query).
rejected 'person:(a +m:I'
check "the bracketed field is named" contains "$ERR" "person: takes one value"
rejected 'film:(x +y:z'
rejected 'rating:(8 +m:I'
# Values QueryParser reads as phrases crashed it after "+" (found by fuzz_query), and matched
# nothing without it.
for q in 'drum +film:mad-max' 'drum +person:j.k.simmons' 'drum +film:"x' 'drum +rating:"8"' \
    'drum +film:"x":y' 'drum AND film:a-b'; do
    sloppy "$q"
done
sloppy 'film:heat-1995 OR film:heat'
check "a phrased entity value is searched" [ "$OUT" = 1 ]
rejected 'rating:1..2..3'
sloppy 'year:99999999999999999999999'
sloppy 'rating:..' 'year:1995..'
check "open ranges match" [ "$OUT" = 1 ]

# A query of 1 MB (in several arguments: one argument is capped at 128 KiB by the kernel).
big=$(head -c 100000 /dev/zero | tr '\0' 'x')
rejected $big $big $big $big $big $big $big $big $big $big
check "a huge query names the limit" contains "$ERR" "limit"
rejected "($(head -c 20000 /dev/zero | tr '\0' '(')drum"

# Deep but within the limit: brackets and phrases nested thousands deep, many wildcards.
sloppy "$(printf '(%.0s' {1..5000})drum$(printf ')%.0s' {1..5000})"
check "deep brackets still find the word" [ "$OUT" = 2 ]
sloppy "$(printf 'dru* %.0s' {1..250})"
sloppy "$(printf 'drum battle NEAR %.0s' {1..85})tempo"  # 256 words: the most a query has
# NEAR takes no phrase: read as words, the query searched for the word "near".
rejected "$(printf '"drum battle" NEAR %.0s' {1..85})tempo"
check "a phrase beside NEAR says what NEAR joins" contains "$ERR" "NEAR and ADJ join two plain words"
sloppy "$(printf -- '-drum %.0s' {1..250})coffee"
# More words than that: each costs a walk over its reviews (3,000 took 12 s on 50,000).
rejected "$(printf -- '-drum %.0s' {1..2500})coffee"
check "a query of too many words names the limit" contains "$ERR" "the limit is 256"

# Odd bytes: invalid UTF-8, control characters, newlines, other scripts.
sloppy $'am\xe9lie'
check "invalid UTF-8 in a query is repaired (Latin-1 read)" [ "$OUT" = 1 ]
sloppy $'drum\x01\x7f\x1b[31m'
sloppy $'drum\nbattle'
sloppy 'Ｔｅｍｐｏ 東京 Ωμέγα 🥁'

# NUL bytes can only come through --batch; they are an error for that query alone.
printf 'a\tdrum\0battle\nb\tdrum\n' > "$WORK/nul.txt"
expect_status 2 "batch with a NUL byte" "$REEL_SEARCH" --batch "$WORK/nul.txt" --count --format json
check "the NUL query is named" contains "$ERR" "NUL byte"
check "one error line on stderr" [ "$(lines "$ERR")" = 1 ]
check "the next query still ran" contains "$OUT" '"id":"b"'

# A batch of random queries built from hostile pieces: every line gets an answer or an error,
# in order, and nothing crashes. Fixed seed: the same batch every run.
python3 - "$WORK/random.txt" <<'PY'
import random, sys
random.seed(20240611)
pieces = ['drum', 'tempo', 'coffee', 'AND', 'OR', 'NOT', 'XOR', 'NEAR', 'ADJ/3', '(', ')', '"',
          '-', '+', '*', 'dr*', 'film:', 'person:', 'title:', 'author:', 'rating:', 'year:',
          'date:', 'nosuch:', '..', '8..2', '2020-01-01..2019-01-01', '1995', 'rating:7..9',
          'film:"heat', 'person:"al', 'amélie', 'Ω', '\\', ':', '~', '^', '&', '|', '{', '}']
with open(sys.argv[1], 'w') as f:
    for i in range(1500):
        q = ' '.join(random.choice(pieces) for _ in range(random.randint(1, 12)))
        if random.random() < 0.5:
            q = q.replace(' ', '', random.randint(0, 4))
        f.write(f'{i}\t{q}\n')
PY
"$REEL_SEARCH" --batch "$WORK/random.txt" --format json --no-snippets --limit 3 >"$WORK/random.out" 2>"$WORK/random.err"
status=$?
check "random batch exits 0, 1 or 2 (got $status)" [ "$status" -le 2 ]
check "one output line per random query" [ "$(wc -l <"$WORK/random.out")" = 1500 ]
check "every line is an answer or an error, in order" python3 -c '
import json, sys
for i, line in enumerate(open(sys.argv[1])):
    o = json.loads(line)
    assert o["id"] == str(i) and ("total" in o or "error" in o), line
' "$WORK/random.out"
errors=$(grep -c '"error"' "$WORK/random.out")
check "each error has one stderr line" [ "$(wc -l <"$WORK/random.err")" = "$errors" ]

finish
