#!/bin/sh
# Exec requests: `ssh user@host SUBCOMMAND ARGS` runs wangge subcommands as
# that user, with no shell in between; unknown and forbidden commands get a
# message on stderr and a non-zero exit status.
cd "$(dirname "$0")/../.." || exit 1
. tests/ssh/common.inc

make_db
start_server

run() { # expected-status command-line -> $T/out, $T/err
    timeout 30 sshpass -p demo ssh $SSH_OPTS worker@127.0.0.1 "$2" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    [ $rc -eq "$1" ] || fail "'$2' exited with $rc, expected $1; stderr: $(cat "$T/err")"
}

echo "help lists what may run over SSH"
run 0 help
grep -q '^  whoami' "$T/out" || fail "help does not list whoami: $(cat "$T/out")"
grep -q '^  serve' "$T/out" && fail "help lists serve, which cannot run over SSH"

echo "whoami prints the user"
timeout 30 sshpass -p demo ssh $SSH_OPTS worker@127.0.0.1 whoami >"$T/out" 2>"$T/err" </dev/null
rc=$?
if grep -q 'not built yet' "$T/err"; then
    echo "note: whoami is not built yet"
else
    [ $rc -eq 0 ] || fail "whoami exited with $rc: $(cat "$T/err")"
    grep -q worker "$T/out" || fail "whoami does not print the user: $(cat "$T/out")"
    # Quoting is undone by the server, as a shell would, but without one.
    run 0 "'who'\"ami\""
    grep -q worker "$T/out" || fail "a quoted command name did not run whoami"
fi

echo "an unknown command"
run 2 nosuch
grep -q "unknown command 'nosuch'" "$T/err" || fail "no message for an unknown command"
[ -s "$T/out" ] && fail "an unknown command wrote to stdout: $(cat "$T/out")"

echo "commands that may not run over SSH"
run 1 "serve --db /tmp/x.db"
grep -q "'serve' cannot be run over SSH" "$T/err" || fail "no message for serve: $(cat "$T/err")"
run 1 "init --db /tmp/x.db"
[ -e /tmp/x.db ] && fail "init ran over SSH"

echo "no shell: metacharacters are plain words"
run 0 'help ; echo INJECTED $(id) `id` > /tmp/wangge-injected'
grep -q 'INJECTED\|uid=' "$T/out" "$T/err" && fail "a shell ran the command line"
[ -e /tmp/wangge-injected ] && fail "a shell redirected the output"

echo "a malformed command line"
run 2 "whoami 'unterminated"
grep -q "unterminated single quote" "$T/err" || fail "no message for a bad quote: $(cat "$T/err")"

echo "no command at all over a channel without a terminal"
timeout 30 sshpass -p demo ssh -T $SSH_OPTS worker@127.0.0.1 >"$T/out" 2>"$T/err" </dev/null
rc=$?
[ $rc -ne 0 ] || fail "a shell without a terminal exited 0"
grep -q "need a terminal" "$T/err" || fail "no message for a shell without a terminal"

wait_log 'exec user=worker addr=127.0.0.1 session=[0-9a-f]+ cmd=nosuch status=2'
check_server
echo ok
