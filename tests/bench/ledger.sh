#!/bin/sh
# Everyday ledger reads on the full-size demo county (500,000 households):
# the counts the home screen shows (pending and overdue cases included),
# pages of a grid in house-number order, residence history. Reuses the
# county demo.sh built, else builds one.
set -u
W=${WANGGE_REL:?}
B=${BENCH_BIN:?}/bench_ledger
[ -x "$B" ] || { echo "  no $B (make build/rel/bench/bench_ledger)"; exit 1; }
DB=${TMPDIR_BASE:?}/big.db
if [ ! -f "$DB" ]; then
    "$W" init --db "$DB" --demo --households "${DEMO_HOUSEHOLDS:-500000}" --seed 1 >/dev/null ||
        exit 1
fi
"$B" --db "$DB"
