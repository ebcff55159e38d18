#!/usr/bin/env bash
# Entity extraction quality on the project's corpus, through the real binaries: precision and
# recall of people and films against corpus/gold.tsv must stay at or above 0.95 each.
source "$(dirname "$0")/lib.sh"

expect_status 0 "corpus entity floors (P/R people, P/R films >= 0.95)" \
    python3 "$REEL_SOURCE_DIR/scripts/eval-entities" --floors 0.95,0.95,0.95,0.95 "$CORPUS"
printf '%s\n' "$OUT" | head -3
check "figures printed" contains "$OUT" "people  P"

finish
