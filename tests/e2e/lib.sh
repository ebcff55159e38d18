# Shared helpers for the end-to-end tests: each test is a bash script that drives the real
# reel-index and reel-search binaries (paths from ctest's environment) in a fresh folder.
set -uo pipefail

: "${REEL_INDEX:?run through ctest}" "${REEL_SEARCH:?run through ctest}" "${REEL_SOURCE_DIR:?}"
CORPUS="$REEL_SOURCE_DIR/corpus"
mkdir -p "${REEL_TEST_TMP:-/tmp}"
WORK=$(mktemp -d "${REEL_TEST_TMP:-/tmp}/e2e.XXXXXX")
trap 'chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
export REEL_DB="$WORK/db"
FAILURES=0
CHECKS=0

fail() {
    echo "FAIL: $*" >&2
    FAILURES=$((FAILURES + 1))
}

# check DESCRIPTION COMMAND...: the command must succeed (exit 0).
check() {
    local what=$1
    shift
    CHECKS=$((CHECKS + 1))
    if ! "$@"; then fail "$what"; fi
}

# expect_status N DESCRIPTION COMMAND...: run the command, which must exit with N.
# Its stdout is kept in $OUT, its stderr in $ERR.
expect_status() {
    local want=$1 what=$2
    shift 2
    CHECKS=$((CHECKS + 1))
    OUT=$("$@" 2>"$WORK/.stderr")
    local got=$?
    ERR=$(cat "$WORK/.stderr")
    if [[ $got -ne $want ]]; then
        fail "$what: exit $got, wanted $want (stderr: ${ERR:0:500})"
        return 1
    fi
    return 0
}

contains() { [[ "$1" == *"$2"* ]]; }
lacks() { [[ "$1" != *"$2"* ]]; }
# error_line PROGRAM: $ERR is one line starting with "PROGRAM: ", as every error must be.
error_line() { [[ $ERR == "$1: "* && $ERR != *$'\n'* ]]; }

# count QUERY: the exact number of matching reviews.
count() { "$REEL_SEARCH" --count "$@" 2>/dev/null; }

# ids QUERY...: the matching review ids (paths relative to $WORK/in), sorted, one per line.
ids() {
    "$REEL_SEARCH" --format json --limit 100000 --no-snippets "$@" 2>/dev/null |
        python3 -c 'import json,sys,os
root=os.environ["WORK"]+"/in/"
for line in sys.stdin:
    for h in json.loads(line).get("hits",[]): print(h["id"].replace(root,""))' | sort
}
export WORK

# Root reads a folder whatever its mode: UNPRIV runs a command without the capabilities that
# allow that, so chmod 000 locks root out as it does anyone else. cannot_lock prints why a folder
# cannot be locked here, or fails when it can.
if [[ $(id -u) -eq 0 ]]; then
    UNPRIV=(setpriv --inh-caps=-dac_override,-dac_read_search
            --bounding-set=-dac_override,-dac_read_search)
else
    UNPRIV=()
fi
cannot_lock() {
    local probe="$WORK/.lock-probe" why=""
    mkdir -p "$probe" && chmod 000 "$probe"
    if [[ ${#UNPRIV[@]} -gt 0 ]] && ! command -v setpriv >/dev/null; then
        why="running as root and setpriv (util-linux) is not installed"
    elif ! "${UNPRIV[@]}" true 2>/dev/null; then
        why="setpriv cannot drop capabilities here"
    elif "${UNPRIV[@]}" ls "$probe" >/dev/null 2>&1; then
        why="a folder with mode 000 is still readable"
    fi
    rmdir "$probe"
    [[ -n $why ]] && echo "$why"
}

finish() {
    echo "$(basename "$0" .sh): $((CHECKS - FAILURES)) passed, $FAILURES failed"
    [[ $FAILURES -eq 0 ]]
    exit $?
}
