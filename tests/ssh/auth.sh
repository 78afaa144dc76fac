#!/bin/sh
# Authentication: a wrong password is refused, counted and slowed down (in
# that connection only); repeated failures lock the account for a while;
# every login, failure and logout is logged and audited.
cd "$(dirname "$0")/../.." || exit 1
. tests/ssh/common.inc

make_db
start_server

sql() { # query -> first column of the first row
    python3 -c 'import sqlite3, sys; r = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r else "")' "$DB" "$1"
}

echo "a wrong password is refused and counted"
out=$(timeout 30 sshpass -p wrong ssh $SSH_OPTS worker@127.0.0.1 whoami 2>&1)
rc=$?
[ $rc -ne 0 ] || fail "a wrong password was accepted"
[ $rc -ne 124 ] || fail "a wrong password hung the client"
case $out in *worker*) fail "a wrong password ran the command: $out" ;; esac
wait_log 'login user=worker addr=127.0.0.1 method=password result=bad tries=1'
[ "$(sql "SELECT failed_attempts FROM user WHERE name = 'worker'")" = 1 ] ||
    fail "the failure was not counted in the database"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'login_failed' AND remote = '127.0.0.1'")" -ge 1 ] ||
    fail "no audit row for the failed login"

echo "failures in one connection bring growing delays"
cat >"$T/askpass" <<'ASK'
#!/bin/sh
echo wrong
ASK
chmod +x "$T/askpass"
t0=$(date +%s)
SSH_ASKPASS="$T/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=:0 timeout 30 \
    ssh $SSH_OPTS -o NumberOfPasswordPrompts=2 -o PubkeyAuthentication=no worker@127.0.0.1 whoami \
    </dev/null >/dev/null 2>&1
t1=$(date +%s)
wait_log 'login user=worker .*result=bad tries=2'
# 1 s after the first failure, 2 s after the second.
[ $((t1 - t0)) -ge 3 ] || fail "two failures took $((t1 - t0)) s, expected at least 3"

echo "another account is not slowed down meanwhile"
t0=$(date +%s)
out=$(timeout 30 sshpass -p demo ssh $SSH_OPTS admin@127.0.0.1 help 2>&1) || fail "admin could not log in: $out"
t1=$(date +%s)
[ $((t1 - t0)) -le 2 ] || fail "admin's login took $((t1 - t0)) s"

echo "five failures lock the account for a while"
for i in 1 2; do timeout 30 sshpass -p wrong ssh $SSH_OPTS worker@127.0.0.1 whoami >/dev/null 2>&1; done
out=$(timeout 30 sshpass -p demo ssh $SSH_OPTS worker@127.0.0.1 help 2>&1) &&
    fail "the right password was accepted during the temporary lock"
wait_log 'login user=worker .*result=temp-locked'

echo "logins and logouts are logged and audited"
wait_log 'login user=admin addr=127.0.0.1 method=password result=ok session=[0-9a-f]{32}'
wait_log 'logout user=admin addr=127.0.0.1 session=[0-9a-f]{32} how=exit status=0'
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'login' AND actor = 'admin'")" -ge 1 ] ||
    fail "no audit row for admin's login"
i=0
until [ "$(sql "SELECT count(*) FROM audit WHERE action = 'logout' AND actor = 'admin'")" -ge 1 ]; do
    [ $i -lt 50 ] || fail "no audit row for admin's logout"
    sleep 0.1
    i=$((i + 1))
done

check_server
echo ok
