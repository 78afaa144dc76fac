#!/bin/sh
# What the server refuses: sftp and other subsystems, local and remote port
# forwarding, agent and X11 forwarding, environment other than LANG/LC_*, a
# second session channel. Each refusal is logged; the server carries on.
cd "$(dirname "$0")/../.." || exit 1
. tests/ssh/common.inc
need sftp ssh-agent ssh-add ssh-keygen

make_db
make_key
start_server
KEY="-i $T/id -o IdentitiesOnly=yes"

echo "sftp"
timeout 30 sftp -P "$PORT" $KEY -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o LogLevel=ERROR -b /dev/null worker@127.0.0.1 >"$T/out" 2>&1 && fail "sftp worked"
wait_log 'refuse user=worker addr=127.0.0.1 what=subsystem name=sftp'

echo "local forwarding (-W, as -L does on each connection)"
timeout 30 ssh $SSH_OPTS $KEY -W "127.0.0.1:$PORT" worker@127.0.0.1 </dev/null >"$T/out" 2>&1 &&
    fail "stdio forwarding worked"
wait_log 'refuse user=worker addr=127.0.0.1 what=direct-tcpip'

echo "local forwarding (-L)"
LPORT=$(free_port)
timeout 30 ssh $SSH_OPTS $KEY -N -L "127.0.0.1:$LPORT:127.0.0.1:$PORT" worker@127.0.0.1 \
    </dev/null >"$T/out" 2>&1 &
TUNNEL=$!
python3 - "$LPORT" <<'PY' || fail "a connection through -L reached the server"
import socket, sys, time
deadline = time.time() + 20
while True:
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
        break
    except OSError:
        if time.time() > deadline:
            sys.exit("the -L tunnel never listened")
        time.sleep(0.1)
s.settimeout(5)
try:
    data = s.recv(100)
except OSError:
    data = b""
sys.exit(1 if data.startswith(b"SSH-") else 0)
PY
wait_log 'refuse user=worker addr=127.0.0.1 what=direct-tcpip.*' 
[ "$(grep -c 'what=direct-tcpip' "$LOG")" -ge 2 ] || fail "the -L connection was not refused"
kill $TUNNEL 2>/dev/null
wait $TUNNEL 2>/dev/null

echo "remote forwarding (-R)"
timeout 30 ssh $SSH_OPTS $KEY -o ExitOnForwardFailure=yes -R 0:127.0.0.1:9 -N worker@127.0.0.1 \
    </dev/null >"$T/out" 2>&1 && fail "remote forwarding worked"
grep -q 'forwarding failed' "$T/out" || fail "the client was not told: $(cat "$T/out")"
wait_log 'refuse user=worker addr=127.0.0.1 what=tcpip-forward'

echo "agent forwarding (-A)"
eval "$(ssh-agent -s)" >/dev/null
ssh-add -q "$T/id" 2>/dev/null
timeout 30 ssh $SSH_OPTS $KEY -A worker@127.0.0.1 help </dev/null >"$T/out" 2>&1 ||
    fail "ssh -A help failed: $(cat "$T/out")"
wait_log 'refuse user=worker addr=127.0.0.1 what=agent'

echo "X11 forwarding (-X)"
DISPLAY=:0 timeout 30 ssh $SSH_OPTS $KEY -X worker@127.0.0.1 help </dev/null >"$T/out" 2>&1 ||
    fail "ssh -X help failed: $(cat "$T/out")"
wait_log 'refuse user=worker addr=127.0.0.1 what=x11'

echo "environment: LANG and LC_* only"
LANG=C.UTF-8 FOO=bar timeout 30 ssh $SSH_OPTS $KEY -o SendEnv=LANG -o SendEnv=FOO \
    worker@127.0.0.1 help </dev/null >"$T/out" 2>&1 || fail "ssh with SendEnv failed: $(cat "$T/out")"
wait_log 'refuse user=worker addr=127.0.0.1 what=env name=FOO'
grep -q 'what=env name=LANG' "$LOG" && fail "LANG was refused"

check_server
echo ok
