#!/bin/sh
# Before authentication: a connection that sends nothing is dropped after the
# grace time; a flood of idle connections does not stop a real login; random
# bytes do not hurt the listener. SIGTERM stops the server and its sessions.
cd "$(dirname "$0")/../.." || exit 1
. tests/ssh/common.inc
need tmux

make_db
start_server --grace 2 --per-source 10 --max-startups 40

echo "a silent connection is dropped after the grace time"
python3 - "$PORT" <<'PY' || fail "the silent connection was not dropped in time"
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.settimeout(8)
t0 = time.time()
try:
    while s.recv(4096):
        pass
except socket.timeout:
    sys.exit("still open after 8 s")
took = time.time() - t0
print("dropped after %.1f s" % took)
sys.exit(0 if 1.5 <= took <= 6 else 1)
PY
wait_log 'connect addr=127.0.0.1 result=no-kex reason="grace-time"'

echo "100 idle connections from another address, then a real login"
python3 - "$PORT" "$T/flood.ready" <<'PY' &
import socket, sys, time
socks = []
for i in range(100):
    s = socket.socket()
    s.bind(("127.0.0.2", 0))
    try:
        s.connect(("127.0.0.1", int(sys.argv[1])))
    except OSError:
        pass
    socks.append(s)
open(sys.argv[2], "w").close()
time.sleep(6)
PY
FLOOD=$!
i=0
until [ -e "$T/flood.ready" ]; do
    [ $i -lt 100 ] || fail "the flood did not start"
    sleep 0.1
    i=$((i + 1))
done
out=$(timeout 30 sshpass -p demo ssh $SSH_OPTS worker@127.0.0.1 help 2>&1) ||
    fail "a real login failed during the flood: $out"
wait_log 'refuse addr=127.0.0.2 what=connection reason=per-source unauthenticated=10'
kill $FLOOD 2>/dev/null
wait $FLOOD 2>/dev/null

echo "random bytes, before and after the version line"
python3 - "$PORT" <<'PY'
import os, random, socket, sys
random.seed(1)
for i in range(20):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    junk = bytes(random.getrandbits(8) for _ in range(random.randint(1, 20000)))
    if i % 2:
        junk = b"SSH-2.0-junk\r\n" + junk
    try:
        s.sendall(junk)
        s.settimeout(3)
        s.recv(100)
    except OSError:
        pass
    s.close()
PY
out=$(timeout 30 sshpass -p demo ssh $SSH_OPTS worker@127.0.0.1 help 2>&1) ||
    fail "a login failed after the random bytes: $out"

echo "SIGTERM ends the sessions and the server"
tmux_start "sshpass -p demo ssh -tt $(echo $SSH_OPTS) worker@127.0.0.1"
pane_wait 'worker|\p{Han}' 20 || fail "no first screen"
pane | grep -q 'EXIT=' || {
    kill -TERM "$SERVER_PID"
    i=0
    while kill -0 "$SERVER_PID" 2>/dev/null; do
        [ $i -lt 100 ] || fail "the server did not stop within 10 s of SIGTERM"
        sleep 0.1
        i=$((i + 1))
    done
    wait "$SERVER_PID"
    rc=$?
    [ $rc -eq 0 ] || fail "the server exited with $rc after SIGTERM"
    pane_wait 'EXIT=' 10 || fail "the client was not disconnected"
    grep -q 'Sanitizer\|runtime error:' "$LOG" && fail "sanitizer report in the server log"
    SERVER_PID=
}
wait_log 'stop sessions='
wait_log 'logout user=worker .*how=server-stopping'
echo ok
