#!/bin/sh
# `make bench`: runs every benchmark script in tests/bench/ and prints its figures.
# Nothing is asserted here; the figures are read by people.
# Scripts get WANGGE_REL (release binary), BENCH_BIN (built bench programs) and
# TMPDIR_BASE (scratch, removed afterwards).
cd "$(dirname "$0")/../.." || exit 1
top=$(pwd)
export WANGGE_REL="$top/build/wangge" BENCH_BIN="$top/build/rel/bench"
TMPDIR_BASE=$(mktemp -d "${TMPDIR:-/tmp}/wangge-bench.XXXXXX")
export TMPDIR_BASE
trap 'rm -rf "$TMPDIR_BASE"' EXIT INT TERM
status=0
for b in tests/bench/*.sh; do
    case "$b" in */run.sh) continue ;; esac
    echo "== ${b##*/}"
    sh "$b" || { echo "   (benchmark failed: exit $?)"; status=1; }
    echo
done
exit $status
