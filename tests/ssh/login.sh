#!/bin/sh
# Logging in with the real OpenSSH client in a real terminal (tmux): password
# and key, with and without compression; the first screen renders, resizes,
# and quitting gives exit status 0. An unknown terminal type falls back.
cd "$(dirname "$0")/../.." || exit 1
. tests/ssh/common.inc
need tmux ssh-keygen

make_db
make_key
start_server

echo "password login"
tmux_start "sshpass -p demo ssh -tt $(echo $SSH_OPTS) worker@127.0.0.1"
screens_check worker
tmux -S "$TMUX_SOCK" kill-server
wait_log 'login user=worker addr=127.0.0.1 method=password result=ok'
wait_log 'logout user=worker .*how=exit status=0'

echo "key login, compressed"
tmux_start "ssh -tt -C -i $T/id -o IdentitiesOnly=yes $(echo $SSH_OPTS) worker@127.0.0.1"
screens_check worker
tmux -S "$TMUX_SOCK" kill-server
wait_log 'login user=worker addr=127.0.0.1 method=publickey result=ok'

echo "a terminal type this host does not know"
tmux_start "TERM=no-such-terminal ssh -tt -i $T/id -o IdentitiesOnly=yes $(echo $SSH_OPTS) worker@127.0.0.1"
screens_check worker
tmux -S "$TMUX_SOCK" kill-server
wait_log 'term user=worker term=no-such-terminal result=unknown fallback=xterm-256color'

echo "ssh -tt with nothing on standard input ends (the UI is hung up)"
timeout 20 ssh -tt -i "$T/id" -o IdentitiesOnly=yes $SSH_OPTS worker@127.0.0.1 </dev/null >/dev/null 2>&1
rc=$?
[ $rc -ne 124 ] || fail "ssh -tt </dev/null did not end within 20 s"

check_server
echo ok
