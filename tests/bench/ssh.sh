#!/bin/sh
# SSH benchmarks: wangge's own server and OpenSSH's sshd (running `wangge tui`
# as a ForceCommand) side by side, same database, same key, same clients:
# connect-to-first-screen time, 200 concurrent sessions, memory per session.
cd "$(dirname "$0")/../.." || exit 1
top=$(pwd)
WANGGE_REL=${WANGGE_REL:-$top/build/wangge}
T=$(mktemp -d "${TMPDIR_BASE:-/tmp}/bench-ssh.XXXXXX") || exit 1
N=${SSH_BENCH_SESSIONS:-200}
SEQ=${SSH_BENCH_LOGINS:-20}
WPID= SPID=
cleanup() {
    [ -n "$WPID" ] && kill "$WPID" 2>/dev/null
    [ -n "$SPID" ] && kill "$SPID" 2>/dev/null
    sleep 0.5
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

for c in python3 ssh ssh-keygen; do
    command -v $c >/dev/null || { echo "   skipped: $c is not installed"; exit 0; }
done
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

DB=$T/county.db
"$WANGGE_REL" init --db "$DB" --demo --households 200 --seed 1 >"$T/init.out" 2>&1 ||
    { echo "   skipped: 'wangge init --demo' failed: $(tail -n 1 "$T/init.out")"; exit 0; }
ssh-keygen -q -t ed25519 -N '' -f "$T/id"
"$WANGGE_REL" user key worker --db "$DB" <"$T/id.pub" >"$T/key.out" 2>&1 ||
    { echo "   skipped: 'wangge user key' failed: $(cat "$T/key.out")"; exit 0; }
# What the first screen shows of its user: the display name.
MARKER=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT display_name FROM user WHERE name = ?", ("worker",)).fetchone()[0])' "$DB")
# More open files than the default for 2 x N ptys and sockets.
ulimit -n 4096 2>/dev/null

CLIENT="ssh -tt -i $T/id -o IdentitiesOnly=yes -o StrictHostKeyChecking=no
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=30"

# ---- wangge serve
PORT=$(free_port)
"$WANGGE_REL" serve --db "$DB" --listen "127.0.0.1:$PORT" --hostkey "$T/hostkey" \
    --max-startups $((N + 16)) --per-source $((N + 16)) >"$T/serve.out" 2>"$T/serve.log" &
WPID=$!
i=0
until grep -q fingerprint "$T/serve.out" 2>/dev/null; do
    [ $i -lt 100 ] || { echo "   wangge serve did not start: $(cat "$T/serve.log")"; exit 1; }
    sleep 0.1; i=$((i + 1))
done
status=0
python3 tests/bench/ssh_clients.py --name wangge --server-pid $WPID --marker "$MARKER" --marker worker \
    --seq "$SEQ" --concurrent "$N" -- $CLIENT -p "$PORT" worker@127.0.0.1 || status=1
kill $WPID; wait $WPID 2>/dev/null; WPID=

# ---- OpenSSH's sshd with the same screens as a ForceCommand
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
if [ "$(id -u)" != 0 ] || [ ! -x "$SSHD" ]; then
    echo "   sshd comparison skipped: needs root and openssh-server"
    exit $status
fi
mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$T/sshd_host_key"
cp "$T/id.pub" "$T/authorized_keys"
chmod 600 "$T/authorized_keys"
SPORT=$(free_port)
cat >"$T/sshd_config" <<CONF
Port $SPORT
ListenAddress 127.0.0.1
HostKey $T/sshd_host_key
PidFile $T/sshd.pid
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
AuthorizedKeysFile $T/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
ForceCommand $WANGGE_REL tui --db $DB --user worker
AcceptEnv LANG LC_*
PrintMotd no
PrintLastLog no
MaxStartups $((N + 16))
LogLevel ERROR
CONF
"$SSHD" -D -e -f "$T/sshd_config" 2>"$T/sshd.log" &
SPID=$!
i=0
until python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])))' "$SPORT" 2>/dev/null; do
    [ $i -lt 100 ] || { echo "   sshd did not start: $(cat "$T/sshd.log")"; exit 1; }
    sleep 0.1; i=$((i + 1))
done
python3 tests/bench/ssh_clients.py --name sshd --server-pid $SPID --marker "$MARKER" --marker worker \
    --seq "$SEQ" --concurrent "$N" -- $CLIENT -p "$SPORT" "$(id -un)@127.0.0.1" ||
    echo "   (sshd did not serve every session: the figures above are what it managed)"
exit $status
