#!/bin/sh
# A standard task over a weak rural link: bytes each way and wall time, with
# and without compression (ssh -C).
#
# The link: 32 kbit/s each way, 300 ms one way (600 ms round trip), through
# tests/ssh/linkproxy.py, or WEAKLINK=/path/to/weaklink.py if given. The
# task, as a grid worker in the real OpenSSH client in tmux (80x24):
#   login     connect, key exchange, password, the home screen (工作台)
#   ledger    2: the ledger of the worker's grid (台账)
#   search    /, a resident's pinyin initials, until the resident is listed
#   resident  Down, Enter: the resident's form (居民信息)
#   back      Escape twice: back to the ledger
# (times exclude the pauses the script makes between keys)
#   card      Enter: the first household's card (户卡)
#   quit      Q, until the client has exited
# plain, with ssh -C, and (with luit) both again in a GB18030 terminal.
# Environment: LINK_DELAY_MS, LINK_RATE_KBIT change the link.
cd "$(dirname "$0")/../.." || exit 1
WANGGE=${WANGGE_REL:-build/wangge}
. tests/ssh/common.inc
. tests/ssh/link.inc
need tmux
DELAY=${LINK_DELAY_MS:-300}
RATE=${LINK_RATE_KBIT:-32}

make_db
start_server
start_link "$DELAY" "$RATE"

# A resident in the worker's scope whose initials are theirs alone.
python3 - "$DB" >"$T/resident" <<'PY' || fail "no resident with unique initials in the worker's scope"
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("""
    SELECT r.name_initials, min(r.name) FROM resident r JOIN user u
        ON substr(r.division_code, 1, length(u.scope_code)) = u.scope_code
    WHERE u.name = 'worker' AND r.status = 'resident' AND r.name_initials NOT LIKE '% %'
    GROUP BY r.name_initials HAVING count(*) = 1 ORDER BY min(r.id) LIMIT 1""").fetchall()
if not rows:
    sys.exit(1)
print(rows[0][0], rows[0][1])
PY
read -r INITIALS NAME <"$T/resident"

now_ms() { date +%s%3N; }

# step NAME PATTERN [SECONDS]: wait for the screen, then print the step's
# time and bytes. The link's counts settle first (bytes still in flight).
step() {
    pane_wait "$2" "${3:-60}" || { pane; fail "$1: the screen never showed /$2/"; }
    t=$(($(now_ms) - T0 - PAUSED))
    last= i=0
    while [ $i -lt 20 ]; do
        cur=$(link_bytes)
        [ "$cur" = "$last" ] && break
        last=$cur
        sleep 0.3
        i=$((i + 1))
    done
    set -- "$1" $cur
    printf '   %-9s %6d ms %8d B up %8d B down\n' "$1" "$t" $(($2 - UP0)) $(($3 - DOWN0))
    TOTAL_MS=$((TOTAL_MS + t))
    UP0=$2 DOWN0=$3
}

begin() {
    read -r UP0 DOWN0 <<EOF2
$(link_bytes)
EOF2
    T0=$(now_ms)
    PAUSED=0
}

# A pause the script makes between keys, not counted in the step's time.
pause() {
    sleep "$(echo "$1" | awk '{print $1 / 1000}')"
    PAUSED=$((PAUSED + $1))
}

run_task() { # label, terminal wrapper ("" or luit), ssh options
    label=$1 wrap=$2
    shift 2
    echo "   -- $label ($RATE kbit/s, ${DELAY} ms one way)"
    read -r A_UP A_DOWN <<EOF2
$(link_bytes)
EOF2
    TOTAL_MS=0
    begin
    tmux_start "$wrap sshpass -p demo ssh -tt $* $(echo $LINK_OPTS) worker@127.0.0.1"
    step login '网格 \| 工作台'
    begin; keys 2
    step ledger '网格 \| 台账'
    begin; keys /; keys -l "$INITIALS"
    step search "$NAME\\s+[男女]"
    # Keys typed ahead of the screen are not yet taken in the right
    # context (Enter must reach the list, not the search box): one at a time.
    begin; keys Down; pause 1000; keys Enter
    step resident '网格 \| 居民信息'
    begin; keys Escape; pause 500; keys Escape
    step back '网格 \| 台账'
    begin; keys Enter
    step card '网格 \| 户卡'
    begin; keys Q
    step quit 'EXIT=0'
    tmux -S "$TMUX_SOCK" kill-server
    read -r B_UP B_DOWN <<EOF2
$(link_bytes)
EOF2
    printf '   %-9s %6d ms %8d B up %8d B down\n' total "$TOTAL_MS" $((B_UP - A_UP)) \
        $((B_DOWN - A_DOWN))
}

echo "   task: login, ledger, search '$INITIALS' ($NAME), resident, card, quit"
run_task "plain" ""
run_task "compressed (ssh -C)" "" -C
if command -v luit >/dev/null 2>&1; then
    # The same worker in a GB18030 terminal: the server converts.
    "$WANGGE" user set worker --db "$DB" --encoding GB18030 >/dev/null ||
        fail "wangge user set worker --encoding GB18030"
    run_task "GB18030 terminal (luit)" "env LANG=C.UTF-8 luit -encoding GB18030 --"
    run_task "GB18030 terminal (luit), compressed" "env LANG=C.UTF-8 luit -encoding GB18030 --" -C
fi
check_server
