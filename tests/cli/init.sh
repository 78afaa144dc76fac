#!/bin/sh
# wangge init: a demo county is the same for the same seed and different for
# another; its ID numbers, timelines and states hold up; `check` passes on it;
# init on an existing database leaves data alone; an empty init creates admin;
# bad options exit 2 with a message.
set -u
W=${WANGGE:?}
T=${TMPDIR_BASE:?}/init
rm -rf "$T" && mkdir -p "$T" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed to read the database"; exit 77; }

# A dump of every data table in a fixed order. The audit trail is left out:
# its times and hashes differ from run to run by design, and so do the salts
# of password hashes.
dump() {
    python3 - "$1" <<'PY'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
tables = [r[0] for r in db.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "AND name NOT LIKE '%_fts%' AND name <> 'audit' ORDER BY name")]
for t in tables:
    n = len(db.execute(f'SELECT * FROM "{t}" LIMIT 0').description)
    order = ", ".join(str(i + 1) for i in range(n))
    for row in db.execute(f'SELECT * FROM "{t}" ORDER BY {order}'):
        print(t, re.sub(r"\$argon2id\$[^']*", "$argon2id$", repr(row)))
PY
}

demo() { # file seed
    "$W" init --db "$T/$1" --demo --households 300 --seed "$2" --today 2025-03-15 >"$T/$1.out" 2>&1 ||
        { cat "$T/$1.out"; fail "init --demo --seed $2"; }
}

demo a.db 7
demo b.db 7
demo c.db 8
grep -q 'Demo logins' "$T/a.db.out" || fail "no logins table in the summary"
for u in admin centre secretary worker police; do
    grep -q "^  $u " "$T/a.db.out" || fail "login $u not printed"
done
dump "$T/a.db" >"$T/a.dump"
dump "$T/b.db" >"$T/b.dump"
dump "$T/c.db" >"$T/c.dump"
[ "$(wc -l <"$T/a.dump")" -gt 3000 ] || fail "the demo county is nearly empty"
cmp -s "$T/a.dump" "$T/b.dump" || { diff "$T/a.dump" "$T/b.dump" | head; fail "same seed, different county"; }
cmp -s "$T/a.dump" "$T/c.dump" && fail "different seeds, same county"

# What the county holds, checked with rules written here independently.
python3 - "$T/a.db" <<'PY' || fail "demo county content"
import sqlite3, sys, collections
db = sqlite3.connect(sys.argv[1])
q = lambda sql: db.execute(sql).fetchall()
county = q("SELECT code FROM division WHERE level = 'county'")[0][0]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
bad = 0
for rid, idn, birth, sex, name, py, ini, rev, phone, prev in q(
        "SELECT id, id_number, birth_date, sex, name, name_pinyin, name_initials, id_rev, "
        "phone, phone_rev FROM resident"):
    check = "10X98765432"[sum(int(c) * w for c, w in zip(idn[:17], W)) % 11]
    ok = (idn[17] == check and idn[:6] == county
          and idn[6:14] == birth.replace("-", "")
          and (int(idn[16]) % 2 == 1) == (sex == "M")
          and rev == idn[::-1] and py and ini
          and (phone is None or (len(phone) == 11 and phone[0] == "1" and phone[1] in "3456789"
                                 and prev == phone[::-1])))
    if not ok:
        bad += 1
        if bad < 5: print("bad resident", rid, idn, birth, sex, phone)
assert bad == 0, f"{bad} residents with inconsistent ID, sex, birth date or search columns"
states = {s for (s,) in q('SELECT DISTINCT state FROM "case"')}
want = {"reported", "accepted", "dispatched", "in_progress", "replied", "verified", "callback",
        "closed", "handled_on_spot", "merged"}
assert states == want, f"case states: missing {want - states}"
# every household has a head who lives in it, and 1-5 members
for hid, head, n in q("SELECT h.id, h.head_id, (SELECT count(*) FROM resident r WHERE "
                      "r.household_id = h.id) FROM household h"):
    assert 1 <= n <= 5, f"household {hid} has {n} members"
    assert q(f"SELECT relation FROM resident WHERE id = {head} AND household_id = {hid}") == [("head",)], hid
# timelines: events in time order, the last one reaching the case's state
for cid, state in q('SELECT id, state FROM "case"'):
    ev = q(f"SELECT at, to_state FROM case_event WHERE case_id = {cid} ORDER BY id")
    assert ev, f"case {cid} has no events"
    assert [a for a, _ in ev] == sorted(a for a, _ in ev), f"case {cid}: events out of order"
    assert ev[-1][1] == state, f"case {cid}: last event {ev[-1][1]}, state {state}"
assert q("SELECT count(*) FROM mediation")[0][0] > 0, "no mediations"
assert q("SELECT count(*) FROM visit_answer")[0][0] > 0, "no checklist answers"
users = {n: (r, s) for n, r, s in q("SELECT name, role, scope_code FROM user")}
assert users["admin"] == ("admin", county) and users["centre"] == ("centre", county)
assert users["secretary"][0] == "secretary" and len(users["secretary"][1]) == 12
assert users["worker"][0] == "worker" and len(users["worker"][1]) == 15
assert users["worker"][1].startswith(users["secretary"][1])
assert q("SELECT count(*) FROM grid_staff WHERE duty = 'fulltime' AND user_id = "
         "(SELECT id FROM user WHERE name = 'worker')")[0][0] == 1
assert q("SELECT d.kind FROM user u JOIN department d ON d.id = u.department_id "
         "WHERE u.name = 'police'") == [("police",)]
assert all(h.startswith("$argon2id$") for (h,) in q("SELECT password_hash FROM user"))
a = q("SELECT action, after FROM audit")
assert len(a) == 1 and a[0][0] == "init_demo" and '"seed":7' in a[0][1], a
assert q("PRAGMA foreign_key_check") == []
PY

if "$W" check --db "$T/a.db" >"$T/check.out" 2>&1; then :; else
    cat "$T/check.out"; fail "wangge check on the demo county"
fi

# An existing database: migrations only, data untouched, --demo refused.
"$W" init --db "$T/a.db" >"$T/again.out" 2>&1 || { cat "$T/again.out"; fail "init on an existing database"; }
grep -q 'left alone' "$T/again.out" || fail "init on an existing database does not say so"
"$W" init --db "$T/a.db" --demo --households 300 >"$T/again2.out" 2>&1
[ $? -eq 1 ] || fail "init --demo on an existing county should fail"
grep -q 'already holds county' "$T/again2.out" || fail "no message for --demo on an existing county"
dump "$T/a.db" >"$T/a2.dump"
cmp -s "$T/a.dump" "$T/a2.dump" || fail "init on an existing database changed its data"

# An empty database with the first administrator.
printf 'Qz7-pw-kx2\n' | "$W" init --db "$T/e.db" --password-stdin --county-code 370923 \
    --county-name 东平县 >"$T/e.out" 2>&1 || { cat "$T/e.out"; fail "empty init"; }
python3 - "$T/e.db" <<'PY' || fail "empty database content"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("SELECT code, name FROM division").fetchall() == [("370923", "东平县")]
u = db.execute("SELECT name, role, scope_code, password_hash FROM user").fetchall()
assert len(u) == 1 and u[0][:3] == ("admin", "admin", "370923") and u[0][3].startswith("$argon2id$"), u
assert db.execute("SELECT count(*) FROM resident").fetchone()[0] == 0
assert "Qz7-pw-kx2" not in open(sys.argv[1], "rb").read().decode("latin-1")
PY
"$W" check --db "$T/e.db" >/dev/null 2>&1 || fail "check on the empty database"
: | "$W" init --db "$T/f.db" --password-stdin >"$T/f.out" 2>&1 && fail "init without a password"
[ -e "$T/f.db" ] && fail "a failed init left a file behind"

# Bad options: exit 2 and a message naming what is wrong.
usage() { # expected-word args...
    word=$1; shift
    "$W" init "$@" >"$T/u.out" 2>&1
    rc=$?
    [ $rc -eq 2 ] || { cat "$T/u.out"; fail "init $* exited $rc, not 2"; }
    grep -q -- "$word" "$T/u.out" || { cat "$T/u.out"; fail "init $*: message does not name $word"; }
}
usage '--db' --demo
usage '--households' --db "$T/x.db" --demo --households many
usage '--households' --db "$T/x.db" --demo --households 10
usage '--seed' --db "$T/x.db" --demo --seed -3
usage '--county-code' --db "$T/x.db" --county-code 12345
usage '--bogus' --db "$T/x.db" --bogus
usage 'go with --demo' --db "$T/x.db" --seed 3
usage '--today' --db "$T/x.db" --demo --today
[ -e "$T/x.db" ] && fail "a usage error created a file"
"$W" init --help | grep -q -- '--households' || fail "init --help"
echo "init: all passed"
