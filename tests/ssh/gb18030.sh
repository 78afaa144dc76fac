#!/bin/sh
# A GB18030 terminal (Xshell or PuTTY on a Chinese Windows machine), played by
# luit between tmux (UTF-8) and the OpenSSH client: luit turns the client's
# GB18030 output back into UTF-8 for tmux, and tmux's UTF-8 keys into GB18030.
#   - a user whose stored encoding is GB18030 sees correct Chinese, and Chinese
#     typed into the search box arrives as UTF-8 and finds the resident;
#   - a UTF-8 user through the same terminal sees mojibake (the test can fail);
#   - a client locale zh_CN.GB18030 (SendEnv) converts for that session;
#   - invalid bytes from the client become '?', are logged once, and the
#     session goes on;
#   - a GB18030 session draws its lines with the terminal's DEC line-drawing
#     set, and nothing it sends is East Asian Ambiguous (one column for
#     ncurses, two on a GBK terminal), so borders stay in their columns.
cd "$(dirname "$0")/../.." || exit 1
. tests/ssh/common.inc
need tmux luit

make_db

echo "wangge user set: the encoding, checked"
"$WANGGE" user set worker --db "$DB" --encoding latin1 >"$T/set.out" 2>&1
rc=$?
[ $rc -eq 2 ] || fail "an unknown encoding gave exit status $rc, not 2"
grep -q "unknown encoding 'latin1'" "$T/set.out" || fail "no clear message: $(cat "$T/set.out")"
"$WANGGE" user set worker --db "$DB" --encoding gb18030 >"$T/set.out" 2>&1 ||
    fail "wangge user set worker --encoding gb18030: $(cat "$T/set.out")"
grep -q 'encoding GB18030' "$T/set.out" || fail "unexpected answer: $(cat "$T/set.out")"
echo "wangge user add --encoding"
scope=$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT scope_code FROM user WHERE name = ?", ("worker",)).fetchone()[0])' "$DB")
echo demo1234 | "$WANGGE" user add gbuser --db "$DB" --role worker --scope "$scope" --encoding GBK \
    --password-stdin >"$T/add.out" 2>&1 || fail "wangge user add --encoding GBK: $(cat "$T/add.out")"
enc=$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT encoding FROM user WHERE name = ?", ("gbuser",)).fetchone()[0])' "$DB")
[ "$enc" = GB18030 ] || fail "user add --encoding GBK stored '$enc', not GB18030"

# A resident the worker may see, with a name that is theirs alone, preferably
# a 王 (the most common surname in the demo names).
python3 - "$DB" >"$T/resident" <<'PY' || fail "no resident in the worker's scope"
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("""
    SELECT r.name, r.birth_date FROM resident r JOIN user u
        ON substr(r.division_code, 1, length(u.scope_code)) = u.scope_code
    WHERE u.name = 'worker' AND r.status = 'resident' AND r.birth_date IS NOT NULL
    GROUP BY r.name HAVING count(*) = 1 ORDER BY r.name NOT LIKE '王%', min(r.id)""").fetchall()
if not rows:
    sys.exit(1)
print(rows[0][0], rows[0][1])
PY
read -r NAME BIRTH <"$T/resident"

start_server
# The client's own locale is UTF-8 and not sent, unless a case says otherwise.
CLIENT="sshpass -p demo ssh -tt -o SendEnv=-* $(echo $SSH_OPTS)"
# +ot: luit passes the line-drawing shifts (ESC ) 0, SO, SI) on to tmux, as
# Xshell and PuTTY honour them themselves; luit alone would swallow them and
# show plain q's. -olog keeps what the terminal got, converted to UTF-8.
GBTERM="env LANG=C.UTF-8 luit +ot -olog $T/luit.log -encoding GB18030 --"

echo "a GB18030 user in a GB18030 terminal"
tmux_start "$GBTERM $CLIENT worker@127.0.0.1"
pane_wait '工作台' 20 || { pane; fail "the home screen does not show 工作台 in a GB18030 terminal"; }
who=$(display_name worker)
pane | grep -q "$who" || { pane; fail "the home screen does not show '$who'"; }
wait_log 'encoding user=worker .*charset=GB18030 from=setting'
keys /
pane_wait '查找' 10 || { pane; fail "/ does not open the search"; }
keys -l "$NAME"
# The resident's row (name, sex, birth date) comes from the search itself.
pane_wait "$NAME\\s+[男女]\\s+$BIRTH" 10 ||
    { pane; fail "typing '$NAME' in a GB18030 terminal does not find the resident"; }
keys Escape
pane_wait '工作台' 10 || { pane; fail "Escape does not go back home"; }

echo "a GB18030 session: DEC line drawing, no ambiguous-width characters"
keys Escape
pane_wait '退出网格吗' 10 || { pane; fail "Escape on the home screen does not ask to quit"; }
# tmux shows a cell of the line-drawing set as its ASCII letter ('q' for a
# horizontal line) and marks the set with SO/SI in -e captures: render them
# as lines, and count columns the way a GBK terminal does (ASCII and the
# line-drawing set one, every other character two).
tmux -S "$TMUX_SOCK" capture-pane -p -e -t ui >"$T/screen.e"
python3 - "$T/screen.e" "$T/luit.log" <<'PY' || { pane; fail "the lines of a GB18030 session are not aligned"; }
import re, sys, unicodedata
dec = dict(zip("lqkxmjtuvwn", "┌─┐│└┘├┤┴┬┼"))
rows, so = [], False
for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    row = []  # (character, its columns on a GBK terminal)
    for tok in re.findall(r"\x1b\[[0-9;]*[A-Za-z]|\x1b[()][0-9A-Z]|.", line):
        if tok in "\x0e\x0f":
            so = tok == "\x0e"
        elif not tok.startswith("\x1b"):
            row.append((dec.get(tok, tok), 1) if so else (tok, 1 if ord(tok) < 128 else 2))
    rows.append(row)
text = ["".join(c for c, _ in r) for r in rows]
def col(r, chars):  # GBK columns before each character of chars in row r
    out, x = [], 0
    for c, w in rows[r]:
        if c in chars:
            out.append(x)
        x += w
    return out
bad = []
if "─" * 80 not in text:
    bad.append("no full-width rule")
for i, r in enumerate(rows[:24]):
    if sum(w for _, w in r) > 80:
        bad.append("row %d is %d columns wide on a GBK terminal" % (i + 1, sum(w for _, w in r)))
top = next((i for i, t in enumerate(text) if "┌" in t and "确认" in t), None)
if top is None:
    bad.append("no dialog box drawn with the line-drawing set")
else:
    left, right = col(top, "┌")[0], col(top, "┐")[-1]
    i = top + 1
    while i < len(rows) and "└" not in text[i]:
        if col(i, "│") != [left, right]:
            bad.append("dialog row %d: borders at GBK columns %s, not %s" % (i + 1, col(i, "│"), [left, right]))
        i += 1
    if i == len(rows) or col(i, "└┘") != [left, right]:
        bad.append("the dialog's bottom does not meet its sides")
got = open(sys.argv[2], "rb").read().decode("utf-8", "replace")
amb = sorted(set(c for c in got if unicodedata.east_asian_width(c) == "A"))
if amb:
    bad.append("the terminal got East Asian Ambiguous characters: " + " ".join(amb))
for b in bad:
    print(b)
if bad:
    print("\n".join(text))
sys.exit(1 if bad else 0)
PY
keys n
pane_wait '工作台' 10 || { pane; fail "n does not close the question"; }
pane | grep -q '退出网格吗' && { pane; fail "n does not close the question"; }
keys q
pane_wait 'EXIT=[0-9]' 10 || { pane; fail "q does not quit"; }
pane | grep -q 'EXIT=0' || { pane; fail "quitting gave a non-zero exit status"; }
tmux -S "$TMUX_SOCK" kill-server
# "/" (1 byte), each Chinese character (2 bytes in GB18030), Escape, Escape, n, q
chars=$(printf '%s' "$NAME" | python3 -c 'import sys; print(len(sys.stdin.read()))')
wait_log "logout user=worker .*how=exit status=0 .* in=$((5 + 2 * chars))\$"

echo "a UTF-8 user in the same terminal sees mojibake"
# 网格 (on the home screen twice) read as GB18030: 缃戞牸
MOJI=$(python3 -c 'print("网格".encode("utf-8").decode("gb18030"))')
tmux_start "$GBTERM $CLIENT admin@127.0.0.1"
pane_wait "$MOJI" 20 || { pane; fail "no mojibake ($MOJI) for a UTF-8 user in a GB18030 terminal"; }
pane | grep -q '网格\|工作台' && { pane; fail "a UTF-8 user's screen was converted"; }
keys q
pane_wait 'EXIT=0' 10 || { pane; fail "q does not quit"; }
tmux -S "$TMUX_SOCK" kill-server
grep -q 'encoding user=admin' "$LOG" && fail "a UTF-8 user's session was converted"

echo "a client locale zh_CN.GB18030 converts for that session"
tmux_start "env LANG=zh_CN.GB18030 luit -encoding GB18030 -- sshpass -p demo ssh -tt \
    -o SendEnv=LANG $(echo $SSH_OPTS) admin@127.0.0.1"
pane_wait '工作台' 20 || { pane; fail "LANG=zh_CN.GB18030 from the client is not honoured"; }
wait_log 'encoding user=admin .*charset=GB18030 from=client-locale'
keys q
pane_wait 'EXIT=0' 10 || { pane; fail "q does not quit"; }
tmux -S "$TMUX_SOCK" kill-server

echo "invalid bytes from the client: '?', logged once, the session goes on"
# A UTF-8 terminal talking to a GB18030 session can send what GB18030 lacks:
# 0xFF is no GB18030 byte anywhere.
tmux_start "$CLIENT worker@127.0.0.1"
# (its Chinese is not UTF-8 here, so tmux shows only the ASCII)
pane_wait '619985' 20 || { pane; fail "the GB18030 user's session does not start"; }
keys /
tmux -S "$TMUX_SOCK" send-keys -t ui -H ff || skip "this tmux cannot send raw bytes (send-keys -H)"
keys -l x
tmux -S "$TMUX_SOCK" send-keys -t ui -H ff
keys -l y
pane_wait '\?x\?y' 10 || { pane; fail "invalid bytes did not arrive as '?'"; }
keys Escape
sleep 0.5
keys q
pane_wait 'EXIT=[0-9]' 10 || { pane; fail "q does not quit after invalid input"; }
pane | grep -q 'EXIT=0' || { pane; fail "the session did not end normally after invalid input"; }
tmux -S "$TMUX_SOCK" kill-server
wait_log 'transcode user=worker .*invalid_out=0 invalid_in=2'
n=$(grep -c 'transcode user=worker .*result=invalid' "$LOG")
[ "$n" = 1 ] || fail "invalid input was logged $n times, not once"

check_server
echo ok
