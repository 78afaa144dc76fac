#!/bin/sh
# wangge check: a sound database passes; each broken invariant is reported
# with its count and examples and makes the exit status 1.
W=${WANGGE:-build/test/wangge}
T=$(mktemp -d "${TMPDIR_BASE:-/tmp}/cli-check.XXXXXX") || exit 1
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
command -v python3 >/dev/null || { echo "python3 is needed to damage a database"; exit 77; }
# sql STATEMENTS: run on the database behind wangge's back (no foreign keys, no store)
sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' "$DB" "$1"; }

printf 'adminpass\n' | "$W" init --db "$DB" --password-stdin >/dev/null 2>&1 ||
    { echo "wangge init does not work yet"; exit 77; }
C=$("$W" whoami --db "$DB" --user admin | sed -n 's/^scope: \([0-9]*\).*/\1/p')

expect 0 "usage: wangge check" "check --help" -- "$W" check --help
expect 2 "db FILE is required" "missing --db" -- "$W" check
expect 2 "unexpected argument" "bad option" -- "$W" check --db "$DB" --frob
expect 0 "all checks passed" "fresh database" -- "$W" check --db "$DB"
expect 0 "^users  *1   admin 1" "summary" -- "$W" check --db "$DB" --summary
grep -q "^divisions  *1   county 1" "$T/out" && ok "summary divisions" || bad "summary divisions"
grep -q "^audit  *[0-9]" "$T/out" && ok "summary audit" || bad "summary audit"
expect 0 "ok      the audit trail" "verbose" -- "$W" check --db "$DB" --verbose

# a town, a grid and a household, then break things one by one
sql "INSERT INTO division (code, parent_code, level, kind, name) VALUES
       ('${C}001', '$C', 'town', 'town', '甲镇'),
       ('${C}001001', '${C}001', 'village', 'village', '乙村'),
       ('${C}001001001', '${C}001001', 'grid', 'basic', '丙网格');
     INSERT INTO household (id, division_code, address) VALUES (1, '${C}001001001', '一号');
     INSERT INTO resident (household_id, division_code, name, sex) VALUES (1, '${C}001001001', '甲', 'M');"
expect 0 "all checks passed" "sound data" -- "$W" check --db "$DB"

sql "UPDATE resident SET division_code = '${C}001001' WHERE household_id = 1;"
expect 1 "FAILED  every resident's household exists and shares its division code: 1" \
    "resident in another division" -- "$W" check --db "$DB"
grep -q "resident 1 in ${C}001001, household 1 in ${C}001001001" "$T/out" &&
    ok "example row shown" || bad "example row"
sql "UPDATE resident SET division_code = '${C}001001001';"

sql "INSERT INTO household (division_code, address) VALUES ('${C}001001002', '无此网格');"
expect 1 "every household lives in a grid or a building: 1" "household without a grid" -- \
    "$W" check --db "$DB"
grep -q "foreign keys point at existing rows: 1" "$T/out" && ok "foreign key check" ||
    bad "foreign key check"
sql "DELETE FROM household WHERE division_code = '${C}001001002';"

sql "INSERT INTO grid_staff (grid_code, name, duty) VALUES ('${C}001001001', '丁', 'leader');
     UPDATE grid_staff SET grid_code = '${C}001001002';"
expect 1 "grid staff serve on grids: 1" "staff off the grid" -- "$W" check --db "$DB"
sql "DELETE FROM grid_staff;"

sql "UPDATE user SET scope_code = '${C}009' WHERE name = 'admin';"
expect 1 "every user's scope exists: 1" "user scope missing" -- "$W" check --db "$DB"
sql "UPDATE user SET scope_code = '$C' WHERE name = 'admin';"
expect 0 "all checks passed" "repaired" -- "$W" check --db "$DB"

# many failures: the count is full, the examples stop at 5
for i in 1 2 3 4 5 6 7; do
    sql "INSERT INTO resident (household_id, division_code, name, sex) VALUES (1, '${C}001', '乙$i', 'F');"
done
expect 1 "shares its division code: 7" "seven bad residents" -- "$W" check --db "$DB"
[ "$(grep -c "^          resident" "$T/out")" -eq 5 ] && ok "five examples" || bad "examples"
sql "UPDATE resident SET division_code = '${C}001001001';"

# the audit trail: altered behind the triggers' back
sql "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE id = 1;"
expect 1 "audit row 1 does not match its hash" "tampered audit" -- "$W" check --db "$DB"
grep -q "1 check failed" "$T/out" && ok "failure count line" || bad "failure count line"

# not a database at all
echo "hello" >"$T/junk.db"
expect 1 "junk.db" "not a database" -- "$W" check --db "$T/junk.db"

[ $fails -eq 0 ] || { echo "$fails failed"; exit 1; }
