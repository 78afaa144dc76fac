#!/bin/sh
# A weak rural link (32 kbit/s, 300 ms each way) between the OpenSSH client
# and the server, through the repository's own proxy (tests/ssh/linkproxy.py;
# the test needs nothing outside the repository):
#   - login and the first screen arrive, within a byte budget;
#   - an idle screen sends nothing at all (no clocks, no spinners);
#   - a screen change costs less than two full screens of bytes;
#   - a link that drops ends the session on the server (logged, UI reaped),
#     and the server goes on.
# The figures for a whole task, with and without ssh -C, are in
# tests/bench/weaklink.sh (make bench).
cd "$(dirname "$0")/../.." || exit 1
. tests/ssh/common.inc
. tests/ssh/link.inc
need tmux

# Bytes server -> client. A full 80x24 screen of Chinese text is about 3 KB.
LOGIN_BUDGET=8000 # key exchange, authentication and the first screen
STEP_BUDGET=6000  # one screen change

make_db
start_server
start_link 300 32

# settle: wait until the link's counts stop moving; prints "UP DOWN".
settle() {
    last= i=0
    while [ $i -lt 30 ]; do
        cur=$(link_bytes)
        [ "$cur" = "$last" ] && break
        last=$cur
        sleep 0.5
        i=$((i + 1))
    done
    echo "$cur"
}

echo "login through the link"
t0=$(date +%s)
tmux_start "sshpass -p demo ssh -tt $(echo $LINK_OPTS) worker@127.0.0.1"
pane_wait '工作台' 40 || { pane; fail "no home screen through the weak link within 40 s"; }
echo "   home screen after $(($(date +%s) - t0)) s"
set -- $(settle)
up=$1 down=$2
echo "   login and first screen: $up B up, $down B down"
[ "$down" -gt 500 ] || fail "the link counted only $down bytes down: is the proxy in the way?"
[ "$down" -le $LOGIN_BUDGET ] || fail "login and first screen cost $down bytes (budget $LOGIN_BUDGET)"

echo "an idle screen sends nothing"
sleep 3
set -- $(link_bytes)
up2=$1 down2=$2
[ "$down2" = "$down" ] || fail "$((down2 - down)) bytes sent to an idle client in 3 s"
[ "$up2" = "$up" ] || fail "$((up2 - up)) bytes from an idle client in 3 s"

echo "one screen change: the ledger"
keys 2
pane_wait '台账' 20 || { pane; fail "2 does not open the ledger through the weak link"; }
set -- $(settle)
up3=$1 down3=$2
echo "   ledger: $((up3 - up2)) B up, $((down3 - down2)) B down"
[ $((down3 - down2)) -le $STEP_BUDGET ] ||
    fail "opening the ledger cost $((down3 - down2)) bytes (budget $STEP_BUDGET)"

echo "the link drops"
link_cut
wait_log 'logout user=worker .*how=client-gone' 15
pane_wait 'EXIT=' 15 || { pane; fail "the client did not notice the dropped link"; }

echo "the server goes on: a new login through the link"
tmux -S "$TMUX_SOCK" kill-server
tmux_start "sshpass -p demo ssh -tt -C $(echo $LINK_OPTS) worker@127.0.0.1"
pane_wait '工作台' 40 || { pane; fail "no second login after the link dropped"; }
keys q
pane_wait 'EXIT=0' 20 || { pane; fail "q did not end the session with status 0"; }
wait_log 'logout user=worker .*how=exit status=0'

check_server
echo ok
