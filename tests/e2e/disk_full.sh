#!/usr/bin/env bash
# A database on a disk that fills up: reel-index stops with one line saying so and exit 3 (no
# crash, no hang, no advice to rebuild), keeps what it had committed, leaves no scratch folders
# filling the disk, and finishes once there is room. The disk is a small tmpfs, so the test
# needs root (and is skipped otherwise).
source "$(dirname "$0")/lib.sh"

DISK="$WORK/disk"
mkdir -p "$DISK"
if [[ $(id -u) -ne 0 ]] || ! mount -t tmpfs -o size=4m tmpfs "$DISK" 2>/dev/null; then
    echo "skipped: mounting a small tmpfs needs root"
    exit 77
fi
trap 'umount "$DISK" 2>/dev/null; chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
# Sanitizer builds have no crash guard: their own report of an abort is what they are for.
sanitized=0
grep -q __asan_init "$REEL_INDEX" && sanitized=1

# The corpus's reviews again and again, each with words of its own, so that 2,100 of them need
# more than the disk holds.
python3 - "$WORK/in" "$CORPUS/txt" <<'PY'
import os, random, sys
root, src = sys.argv[1], sys.argv[2]
texts = [open(os.path.join(src, f), encoding="utf-8", errors="replace").read()
         for f in sorted(os.listdir(src))]
rng = random.Random(11)
letters = "abcdefghijklmnopqrstuvwxyz"
for i in range(2100):
    sub = os.path.join(root, "first" if i < 40 else "more")
    os.makedirs(sub, exist_ok=True)
    words = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(5, 9)))
                     for _ in range(20))
    with open(os.path.join(sub, f"r{i:04}.txt"), "w") as f:
        f.write(f"Review fullcommon uniq{i} {texts[i % len(texts)]} {words}.\n")
PY
export REEL_DB="$DISK/reviews.db"

# Updates. Where the disk fills decides how the write fails, each of which went wrong once:
# with these reviews, batches of 100 fail inside a commit, where libxapian 1.4 ends in
# std::terminate (reported as a damaged database to rebuild); of 200, while the commit lists
# the terms (reel-index hung, its analysis threads waiting for the failed writer; then the
# message lacked the reason); of 500, while adding a document.
for batch in 100 200 500; do
    [[ $sanitized -eq 1 && $batch -eq 100 ]] && continue
    rm -rf "$REEL_DB"
    expect_status 0 "a few reviews fit" "$REEL_INDEX" --quiet "$WORK/in/first"
    expect_status 3 "batches of $batch fill the disk" timeout -k 10 120 "$REEL_INDEX" --quiet --batch-size "$batch" "$WORK/in"
    check "batches of $batch: one line" error_line reel-index
    check "batches of $batch: says the disk is full" contains "$ERR" "No space left on device"
    check "batches of $batch: no advice to rebuild" lacks "$ERR" "rebuild"
    check "batches of $batch: committed reviews kept" [ "$(count uniq7)" = 1 ]
done
rm -rf "$REEL_DB"

echo "[${SECONDS}s] a fresh build in parallel segments"
# A segment's failed write was "cancel() not supported under Xapian::DB_DANGEROUS", and its
# scratch folders stayed, filling the disk. (A commit that fails inside libxapian ends the run
# at once, as above, and the next run clears them.)
if [[ $sanitized -eq 1 ]]; then
    # Where a segment's commit fails inside libxapian, it calls std::terminate, which only the
    # crash guard (absent here) turns into a message: the run may abort instead (CI saw it).
    timeout -k 10 120 "$REEL_INDEX" --quiet --jobs 2 "$WORK/in" 2>"$WORK/.stderr"
    status=$?
    check "fresh build fails (exit $status: $(head -c 300 "$WORK/.stderr"))" \
        [ $status -eq 3 -o $status -eq 134 ]
else
    expect_status 3 "a fresh build fills the disk" timeout -k 10 120 "$REEL_INDEX" --quiet --jobs 2 "$WORK/in"
    check "fresh build: one line" error_line reel-index
    check "fresh build: says the disk is full (${ERR:0:300})" grep -qi "no space left on" <<<"$ERR"
    if [[ $ERR == *"cannot build database"* ]]; then
        check "fresh build: no scratch folders left" [ -z "$(ls "$DISK" | grep tmp-)" ]
    fi
fi

echo "[${SECONDS}s] room again"
mount -o remount,size=64m "$DISK"
expect_status 0 "with room, the same command finishes" "$REEL_INDEX" --quiet --jobs 2 "$WORK/in"
check "every review once" [ "$(count fullcommon)" = 2100 ]
check "no scratch folders left" [ -z "$(ls "$DISK" | grep tmp-)" ]

finish
