#!/bin/sh
# wangge user: add, passwd, key, lock, unlock, list, driven as an administrator
# would, including bad input and the exit statuses (0 ok, 1 failure, 2 usage).
W=${WANGGE:-build/test/wangge}
T=$(mktemp -d "${TMPDIR_BASE:-/tmp}/cli-user.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
DB=$T/county.db
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect STATUS PATTERN DESCRIPTION -- command...: status and a pattern in stdout+stderr
expect() {
    want=$1 pat=$2 what=$3; shift 4
    "$@" >"$T/out" 2>&1; got=$?
    if [ "$got" != "$want" ]; then bad "$what: exit $got, expected $want"; sed 's/^/    /' "$T/out"
    elif [ -n "$pat" ] && ! grep -q -- "$pat" "$T/out"; then
        bad "$what: output lacks '$pat'"; sed 's/^/    /' "$T/out"
    else ok "$what"; fi
}

printf 'adminpass\n' | "$W" init --db "$DB" --password-stdin >/dev/null 2>&1 ||
    { echo "wangge init does not work yet"; exit 77; }
C=$("$W" whoami --db "$DB" --user admin | sed -n 's/^scope: \([0-9]*\).*/\1/p')
[ -n "$C" ] || { echo "no county code from whoami"; exit 1; }

expect 0 "usage: wangge user add" "user --help" -- "$W" user --help
expect 2 "say what to do" "no subcommand" -- "$W" user --db "$DB"
expect 2 "unknown subcommand" "unknown subcommand" -- "$W" user frob x --db "$DB"
expect 2 "db FILE is required" "missing --db" -- "$W" user list
expect 1 "no such database" "absent database" -- "$W" user list --db "$T/none.db"
expect 2 "needs a user NAME" "add without a name" -- "$W" user add --db "$DB"

echo secret1 | expect 0 "added user li.si" "add a worker" -- \
    "$W" user add li.si --db "$DB" --role worker --scope "$C" --display-name 李四 \
    --phone 13812345678 --password-stdin
echo secret1 | expect 2 "unknown role 'boss'" "unknown role" -- \
    "$W" user add wang --db "$DB" --role boss --scope "$C" --password-stdin
echo secret1 | expect 1 "no such division" "scope that does not exist" -- \
    "$W" user add wang --db "$DB" --role worker --scope "${C}999" --password-stdin
echo secret1 | expect 1 "outside your scope" "scope outside the county" -- \
    "$W" user add wang --db "$DB" --role worker --scope 110101 --password-stdin
echo secret1 | expect 1 "lower-case" "bad user name" -- \
    "$W" user add Wang --db "$DB" --role worker --scope "$C" --password-stdin
echo abc | expect 1 "too short" "password too short" -- \
    "$W" user add wang --db "$DB" --role worker --scope "$C" --password-stdin
echo secret1 | expect 1 "already a user" "duplicate user" -- \
    "$W" user add li.si --db "$DB" --role worker --scope "$C" --password-stdin
expect 1 "needs a department" "handler without department" -- \
    "$W" user add h --db "$DB" --role handler --scope "$C" --no-password
expect 1 "no department" "unknown department" -- \
    "$W" user add h --db "$DB" --role handler --scope "$C" --department nope --no-password
expect 1 "user add: .*digits" "bad phone" -- \
    "$W" user add p --db "$DB" --role worker --scope "$C" --phone 123 --no-password
expect 0 "added user keyonly" "key-only account" -- \
    "$W" user add keyonly --db "$DB" --role centre --scope "$C" --no-password
expect 1 "no terminal" "no password and no terminal" -- \
    setsid "$W" user add tty --db "$DB" --role worker --scope "$C"

# keys: one good, one malformed, one duplicate; errors are stdin:LINE
cat >"$T/keys" <<'KEYS'
# li.si's laptop
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJQyQ9bBU5+ZXmf51megrB20PUfguYns28Dl1bax8p9p test@wangge

this is not a key
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJQyQ9bBU5+ZXmf51megrB20PUfguYns28Dl1bax8p9p again
KEYS
expect 1 "stdin:4: not an OpenSSH public key" "malformed key line" -- \
    sh -c "\"$W\" user key li.si --db \"$DB\" <\"$T/keys\""
grep -q "SHA256:hRzYdQzfzpHGyyDFK61Be4UsFVn3oC9/InhnHeLJKeQ" "$T/out" &&
    ok "fingerprint as ssh-keygen prints it" || bad "fingerprint missing"
grep -q "stdin:5: this key .* is already registered" "$T/out" &&
    ok "duplicate key refused" || bad "duplicate key not reported"
expect 1 "no key lines" "empty key input" -- sh -c "\"$W\" user key li.si --db \"$DB\" </dev/null"
expect 1 "no user called 'ghost'" "key for unknown user" -- \
    sh -c "\"$W\" user key ghost --db \"$DB\" <\"$T/keys\""

echo newpass1 | expect 0 "password of li.si changed" "passwd" -- \
    "$W" user passwd li.si --db "$DB" --password-stdin
expect 0 "li.si locked" "lock" -- "$W" user lock li.si --db "$DB"
expect 0 "" "list" -- "$W" user list --db "$DB"
grep -q "^li\.si  *李四  *worker  *$C  *-  *yes  *1$" "$T/out" && ok "list row" ||
    { bad "list row"; cat "$T/out"; }
[ "$(wc -l <"$T/out")" -eq 4 ] && ok "refused adds left no users" ||
    { bad "user count"; cat "$T/out"; }
expect 0 "li.si unlocked" "unlock" -- "$W" user unlock li.si --db "$DB"
expect 1 "no user called" "lock unknown user" -- "$W" user lock ghost --db "$DB"
expect 0 "role: worker" "whoami" -- "$W" whoami --db "$DB" --user li.si
expect 0 "all checks passed" "check after all that" -- "$W" check --db "$DB"

[ $fails -eq 0 ] || { echo "$fails failed"; exit 1; }
