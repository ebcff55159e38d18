#!/usr/bin/env bash
# Entity extraction on real IMDb reviews, when ../shared/data has them: the 150 hand-annotated
# reviews of tests/data/aclimdb-gold.tsv, indexed among all 50,000, through the real binaries.
# All four figures must meet the entity issue's floors: people precision 0.92 and recall 0.90,
# films precision 0.85 and recall 0.75. Skipped (77) without the data.
source "$(dirname "$0")/lib.sh"

TARBALL="${REEL_SHARED_DATA_DIR:-}/aclImdb-50k.tar.gz"
if [[ ! -f "$TARBALL" ]]; then
    echo "skipped: $TARBALL not found"
    exit 77
fi

check "unpack the aclImdb reviews" tar -xzf "$TARBALL" -C "$WORK"
expect_status 0 "aclImdb entity floors (people 0.92/0.90, films 0.85/0.75)" \
    python3 "$REEL_SOURCE_DIR/scripts/eval-entities" --floors 0.92,0.90,0.85,0.75 \
    --gold "$REEL_SOURCE_DIR/tests/data/aclimdb-gold.tsv" "$WORK/aclImdb"
printf '%s\n' "$OUT" | head -3
check "all 150 gold reviews indexed" contains "$OUT" "150 in gold, 150 indexed"

finish
