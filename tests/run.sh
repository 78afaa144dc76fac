#!/bin/sh
# Runs every test suite once and ends with the runner's summary.
#   unit:    build/test/unit/test_*   (cmocka, built with address and UB sanitizers)
#   scripts: tests/screens/*.sh, tests/ssh/*.sh, tests/cli/*.sh (exit 0 pass, 77 skip, else fail)
# Scripts get WANGGE (the sanitizer build of the binary), WANGGE_REL (the release
# build) and TMPDIR_BASE (a scratch directory removed afterwards).
cd "$(dirname "$0")/.." || exit 1
top=$(pwd)
export WANGGE="$top/build/test/wangge" WANGGE_REL="$top/build/wangge"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
TMPDIR_BASE=$(mktemp -d "${TMPDIR:-/tmp}/wangge-test.XXXXXX")
export TMPDIR_BASE
trap 'rm -rf "$TMPDIR_BASE"' EXIT INT TERM

pass=0 fail=0 skip=0 failed=""
start=$(date +%s)
run() { # name command...
    name=$1; shift
    t0=$(date +%s)
    log="$TMPDIR_BASE/$(echo "$name" | tr '/' '_').log"
    "$@" >"$log" 2>&1
    rc=$?
    t1=$(date +%s)
    if [ $rc -eq 0 ]; then
        pass=$((pass + 1)); printf '  PASS  %-40s %3ss\n' "$name" $((t1 - t0))
    elif [ $rc -eq 77 ]; then
        skip=$((skip + 1)); printf '  SKIP  %-40s %s\n' "$name" "$(tail -n 1 "$log")"
    else
        fail=$((fail + 1)); failed="$failed $name"
        printf '  FAIL  %-40s (exit %s)\n' "$name" $rc
        sed 's/^/        | /' "$log" | tail -n 60
    fi
}

echo "== unit tests"
for t in build/test/unit/test_*; do
    [ -x "$t" ] || continue
    run "unit/${t##*/}" "$t"
done
for dir in cli screens ssh; do
    ls tests/$dir/*.sh >/dev/null 2>&1 || continue
    echo "== $dir tests"
    for t in tests/$dir/*.sh; do
        case "${t##*/}" in lib.sh) continue ;; esac # sourced by the others
        run "$dir/${t##*/}" sh "$t"
    done
done
end=$(date +%s)
echo
echo "wangge tests: $pass passed, $fail failed, $skip skipped in $((end - start))s"
[ $fail -eq 0 ] || { echo "failed:$failed"; exit 1; }
