#!/bin/sh
# PuTTY's plink as a second, independent client: a command, and the screens
# in a terminal, with the host key pinned to the fingerprint the server printed.
cd "$(dirname "$0")/../.." || exit 1
. tests/ssh/common.inc
need plink tmux

make_db
start_server

echo "exec"
out=$(timeout 30 plink -ssh -batch -P "$PORT" -pw demo -hostkey "$FINGERPRINT" worker@127.0.0.1 help 2>&1) ||
    fail "plink help: $out"
echo "$out" | grep -q whoami || fail "plink help printed: $out"

echo "a wrong host key is not accepted"
timeout 30 plink -ssh -batch -P "$PORT" -pw demo \
    -hostkey SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA worker@127.0.0.1 help >/dev/null 2>&1 &&
    fail "plink accepted a host key that does not match"

echo "the screens"
tmux_start "plink -ssh -t -P $PORT -pw demo -hostkey $FINGERPRINT worker@127.0.0.1"
# With -pw, plink waits for Return before the session starts.
pane_wait 'Press Return' 20 && keys Enter
screens_check worker
wait_log 'login user=worker addr=127.0.0.1 method=password result=ok'
check_server
echo ok
