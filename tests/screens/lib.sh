# Screen tests: run `wangge tui` headless in a private tmux server at 80x24,
# send keys, and compare screen dumps with tests/screens/expected/NAME.txt.
# Sourced by tests/screens/*.sh. WANGGE_UPDATE_EXPECTED=1 rewrites the
# expected files instead of comparing (review the diff before committing).
#
#   st_fixture            $DB: the fixed test county (tests/screens/fixture.c)
#   st_start ARGS...      start `wangge tui --db $DB ARGS...` (TERM from $ST_TERM)
#                         in $ST_WORK, so files there can be named relatively
#   st_wait REGEX         poll the screen until it matches (deadline $ST_DEADLINE s)
#   st_keys KEY...        tmux key names (Enter, Escape, Tab, BTab, C-s, ...);
#                         Up/Down/Left/Right are sent as ESC O A..D, as a
#                         terminal in keypad mode does
#   st_type TEXT          literal text (UTF-8)
#   st_expect NAME        compare the screen with expected/NAME.txt
#   st_stop               end wangge and the tmux server; checks the exit status
ST_DIR=$(cd "$(dirname "$0")" && pwd)
ST_TOP=$(cd "$ST_DIR/../.." && pwd)
: "${WANGGE:=$ST_TOP/build/test/wangge}"
: "${TMPDIR_BASE:=${TMPDIR:-/tmp}}"
: "${ST_DEADLINE:=10}"
: "${ST_TERM:=screen}"
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed"; exit 77; }
[ -x "$WANGGE" ] || { echo "no $WANGGE (make tests-build)"; exit 77; }
ST_WORK=$(mktemp -d "$TMPDIR_BASE/screens.XXXXXX")
ST_SOCK="$ST_WORK/tmux0.sock"
ST_RUN=0
ST_FAILS=0
trap 'st_cleanup' EXIT INT TERM

st_cleanup() {
    # every server this script started, also those a failed step left behind
    for sock in "$ST_WORK"/tmux*.sock; do
        [ -S "$sock" ] && tmux -S "$sock" kill-server 2>/dev/null
    done
    rm -rf "$ST_WORK"
}

st_fail() {
    echo "FAIL: $*" >&2
    ST_FAILS=$((ST_FAILS + 1))
}

st_fixture() {
    DB="$ST_WORK/county.db"
    lib="$ST_TOP/build/rel/libwangge.a"
    [ -f "$lib" ] || { echo "no $lib (make build/wangge)"; exit 77; }
    # shellcheck disable=SC2046
    ${CC:-cc} -std=c11 -D_GNU_SOURCE -I"$ST_TOP/src" -I"$ST_TOP/build/gen" \
        -o "$ST_WORK/fixture" "$ST_DIR/fixture.c" "$lib" \
        $(pkg-config --libs ncursesw sqlite3 libssh libsodium) -lutil -lz -lm ||
        { echo "cannot build the fixture"; exit 1; }
    "$ST_WORK/fixture" "$DB" || { echo "cannot create the fixture database"; exit 1; }
}

st_start() {
    # A fresh server (and socket) per run: a killed one may still be exiting.
    ST_RUN=$((ST_RUN + 1))
    ST_SOCK="$ST_WORK/tmux$ST_RUN.sock"
    : >"$ST_WORK/exit"
    # A clean environment: the language comes from --lang or the user.
    tmux -S "$ST_SOCK" -f /dev/null new-session -d -x 80 -y 24 \
        "cd \"$ST_WORK\" && env -i PATH=\"$PATH\" TERM=$ST_TERM LANG=C.UTF-8 ASAN_OPTIONS=\"${ASAN_OPTIONS:-}\" \
         UBSAN_OPTIONS=\"${UBSAN_OPTIONS:-}\" \"$WANGGE\" tui --db \"$DB\" $* \
         2>\"$ST_WORK/stderr\"; echo \$? >\"$ST_WORK/exit\"; sleep 30" ||
        { echo "tmux cannot start"; exit 77; }
    tmux -S "$ST_SOCK" set-option -g status off >/dev/null
}

st_screen() {
    tmux -S "$ST_SOCK" capture-pane -p -t 0 | sed 's/[[:space:]]*$//'
}

st_wait() {
    end=$(($(date +%s) + ST_DEADLINE))
    while [ "$(date +%s)" -le "$end" ]; do
        if st_screen | grep -Eq "$1"; then return 0; fi
        sleep 0.1
    done
    st_fail "screen never showed /$1/"
    st_screen >&2
    return 1
}

# Wait until the screen has stopped changing (the batch was drawn).
st_settle() {
    prev="" n=0
    end=$(($(date +%s) + ST_DEADLINE))
    while [ "$(date +%s)" -le "$end" ]; do
        cur=$(st_screen)
        if [ "$cur" = "$prev" ]; then
            n=$((n + 1))
            [ $n -ge 3 ] && return 0
        else
            n=0
        fi
        prev=$cur
        sleep 0.05
    done
}

st_keys() {
    for k in "$@"; do
        case $k in
        Up) tmux -S "$ST_SOCK" send-keys -l "$(printf '\033OA')" ;;
        Down) tmux -S "$ST_SOCK" send-keys -l "$(printf '\033OB')" ;;
        Right) tmux -S "$ST_SOCK" send-keys -l "$(printf '\033OC')" ;;
        Left) tmux -S "$ST_SOCK" send-keys -l "$(printf '\033OD')" ;;
        *) tmux -S "$ST_SOCK" send-keys "$k" ;;
        esac
    done
    st_settle
}

st_type() {
    tmux -S "$ST_SOCK" send-keys -l "$1"
    st_settle
}

st_expect() {
    want="$ST_DIR/expected/$1.txt"
    st_settle
    st_screen >"$ST_WORK/$1.txt"
    if [ -n "${WANGGE_UPDATE_EXPECTED:-}" ]; then
        cp "$ST_WORK/$1.txt" "$want"
        echo "updated $want"
        return 0
    fi
    if [ ! -f "$want" ]; then
        st_fail "no $want (run with WANGGE_UPDATE_EXPECTED=1 to create it)"
        cat "$ST_WORK/$1.txt" >&2
        return 1
    fi
    if ! diff -u "$want" "$ST_WORK/$1.txt" >&2; then
        st_fail "screen $1 differs from expected/$1.txt"
        return 1
    fi
}

st_stop() {
    end=$(($(date +%s) + ST_DEADLINE))
    while [ ! -s "$ST_WORK/exit" ] && [ "$(date +%s)" -le "$end" ]; do sleep 0.1; done
    rc=$(cat "$ST_WORK/exit")
    [ "$rc" = 0 ] || { st_fail "wangge exited with '${rc:-nothing}'"; cat "$ST_WORK/stderr" >&2; }
    tmux -S "$ST_SOCK" kill-server 2>/dev/null
}

st_done() {
    [ "$ST_FAILS" -eq 0 ] || { echo "$ST_FAILS failure(s)"; exit 1; }
    exit 0
}
