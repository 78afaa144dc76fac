#!/bin/sh
# wangge search on a small demo county: every kind of query finds someone, a
# grid worker sees only their grid, ID and phone numbers are printed masked,
# and bad queries get a clear message and exit status.
W=${WANGGE:-build/test/wangge}
T=$(mktemp -d "${TMPDIR_BASE:-/tmp}/cli-search.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
DB=$T/county.db
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect() {
    want=$1 pat=$2 what=$3; shift 4
    "$@" >"$T/out" 2>&1; got=$?
    if [ "$got" != "$want" ]; then bad "$what: exit $got, expected $want"; sed 's/^/    /' "$T/out"
    elif [ -n "$pat" ] && ! grep -q -- "$pat" "$T/out"; then
        bad "$what: output lacks '$pat'"; sed 's/^/    /' "$T/out"
    else ok "$what"; fi
}
"$W" init --db "$DB" --demo --households 600 --seed 7 >/dev/null 2>&1 ||
    { echo "wangge init --demo does not work yet"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is needed to pick residents to look for"; exit 77; }
# q SQL: rows as a|b|c, read behind wangge's back
q() { python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join("" if v is None else str(v) for v in r))' "$DB" "$1"; }
# the demo's grid worker and someone in their grid
worker=worker
grid=$(q "SELECT scope_code FROM user WHERE name = '$worker'")
[ -n "$grid" ] || { echo "the demo has no user '$worker'"; exit 77; }
row=$(q "SELECT r.name, r.name_initials, r.id_number, r.phone, h.address FROM resident r
         JOIN household h ON h.id = r.household_id
         WHERE r.division_code LIKE '$grid%' AND r.phone IS NOT NULL AND r.id_number IS NOT NULL
         AND r.status = 'resident' ORDER BY r.id LIMIT 1")
name=$(echo "$row" | cut -d'|' -f1)
initials=$(echo "$row" | cut -d'|' -f2 | cut -d' ' -f1)
id=$(echo "$row" | cut -d'|' -f3)
phone=$(echo "$row" | cut -d'|' -f4)
address=$(echo "$row" | cut -d'|' -f5)
outsider=$(q "SELECT id_number FROM resident WHERE division_code NOT LIKE '$grid%'
              AND id_number IS NOT NULL LIMIT 1")
S() { "$W" search --db "$DB" --user "$@"; }

expect 0 "usage: wangge search" "--help" -- "$W" search --help
expect 0 "$name" "name" -- S "$worker" "$name"
expect 0 "$name" "initials" -- S "$worker" --limit 200 "$initials"
expect 0 "$name" "whole ID" -- S "$worker" "$id"
grep -q "$id" "$T/out" && bad "the whole ID is printed" || ok "the ID is masked"
expect 0 "$name" "last 6 of the ID" -- S "$worker" --limit 200 "$(echo "$id" | cut -c13-)"
expect 0 "$name" "whole phone" -- S "$worker" "$phone"
grep -q "$phone" "$T/out" && bad "the whole phone is printed" || ok "the phone is masked"
expect 0 "$name" "last 4 of the phone" -- S "$worker" --limit 200 "$(echo "$phone" | cut -c8-)"
expect 0 "$name" "address" -- S "$worker" --limit 200 "$address"
expect 0 "pinyin initials" "tsv says why" -- S "$worker" --tsv --limit 200 "$initials"

# scope: the county sees the outsider, the grid worker does not
expect 0 "" "admin finds an ID elsewhere" -- S admin "$outsider"
[ -s "$T/out" ] && ok "admin sees it" || bad "admin sees nothing"
expect 0 "no resident you may see" "worker does not" -- S "$worker" "$outsider"
S "$worker" --limit 200 --tsv "$(echo "$name" | cut -c1-3)" | cut -f7 | sort -u >"$T/grids"
if [ "$(wc -l <"$T/grids")" -ge 1 ] && ! grep -v "^$grid" "$T/grids"; then
    ok "worker's results are all in the grid"
else bad "worker's results leave the grid: $(cat "$T/grids")"; fi

# bad input
expect 2 "user NAME is required" "no --user" -- "$W" search --db "$DB" "$name"
expect 2 "db FILE is required" "no --db" -- "$W" search --user admin "$name"
expect 2 "what to search for" "no query" -- S admin
expect 2 "--limit must be" "bad limit" -- S admin --limit 0 "$name"
expect 1 "at least 4 digits" "3 digits" -- S admin 123
expect 1 "nothing to search for" "punctuation" -- S admin "%_'"
expect 1 "no user called" "unknown user" -- S nobody "$name"
expect 0 "" "SQL in the query" -- S admin "'; DROP TABLE resident; --"
expect 0 "$name" "still there" -- S "$worker" "$name"

[ $fails -eq 0 ] || { echo "$fails failed"; exit 1; }
