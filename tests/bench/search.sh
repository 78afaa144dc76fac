#!/bin/sh
# Resident search on a county of 1.5 million residents (500,000 households):
# every kind of query for a county, town, village and grid actor (p50/p95/max),
# the query plan of every strategy, the cost of building the index and its size.
# The county is the demo county (wangge init --demo) when this wangge has one,
# else a synthetic county of the same size made by bench_search itself; set
# SEARCH_BENCH_SYNTHETIC=1 to force the latter, SEARCH_BENCH_HOUSEHOLDS=N to
# change the size.
db="$TMPDIR_BASE/search.db"
hh=${SEARCH_BENCH_HOUSEHOLDS:-500000}
made=""
if [ -z "${SEARCH_BENCH_SYNTHETIC:-}" ] && "$WANGGE_REL" init --help 2>&1 | grep -q -- '--households'; then
    t0=$(date +%s)
    if "$WANGGE_REL" init --db "$db" --demo --households "$hh" >"$TMPDIR_BASE/init.log" 2>&1; then
        t1=$(date +%s)
        echo "demo county: wangge init --demo --households $hh took $((t1 - t0)) s"
        made=demo
    else
        echo "wangge init --demo failed (using a synthetic county):"
        tail -n 3 "$TMPDIR_BASE/init.log"
        rm -f "$db" "$db-wal" "$db-shm"
    fi
fi
if [ -z "$made" ]; then
    "$BENCH_BIN/bench_search" --generate "$db" --households "$hh" || exit 1
fi
"$BENCH_BIN/bench_search" --db "$db" --sizes
