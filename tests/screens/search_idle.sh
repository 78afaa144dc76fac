# Search as you type on a slow link: keys typed one by one (100 ms apart)
# cost about what the same keys typed at once cost, because the query and
# its result list wait for a pause (the UI core's idle timer); an idle
# session sends nothing at all; Enter does not wait for the pause.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed to drive a pty"; exit 77; }
# a demo county: enough people called Zhang for the results to fill the screen
DB="$ST_WORK/demo.db"
"$WANGGE" init --db "$DB" --demo --households 600 --seed 7 >/dev/null 2>&1 ||
    { echo "wangge init --demo does not work yet"; exit 77; }

# bytes WANGGE DB DELAY: "slow fast idle" bytes sent to the terminal while
# "zhang" is typed into the search box DELAY seconds apart (then at once),
# and in the two quiet seconds after the results.
cat >"$ST_WORK/typebytes.py" <<'PY'
import fcntl, os, pty, select, struct, sys, termios, time

wangge, db, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])

def drain(fd, quiet):
    n = b""
    while True:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return n
        try:
            b = os.read(fd, 65536)
        except OSError:
            return n
        if not b:
            return n
        n += b

def session(delay):
    pid, fd = pty.fork()
    if pid == 0:
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": os.environ["PATH"]}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if k in os.environ:
                env[k] = os.environ[k]
        os.execve(wangge, [wangge, "tui", "--db", db, "--user", "admin", "--lang", "en"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    drain(fd, 1.0)
    os.write(fd, b"/")
    drain(fd, 0.8)
    out = b""
    for c in b"zhang":
        os.write(fd, bytes([c]))
        if delay:
            out += drain(fd, delay)
    out += drain(fd, 1.0)
    idle = drain(fd, 2.0)
    # Enter right after a key: the resident opens without waiting for the pause
    os.write(fd, b"s\r")
    opened = drain(fd, 0.25)
    os.write(fd, b"\x1b\x1b")
    drain(fd, 0.5)
    os.write(fd, b"Q")
    drain(fd, 0.5)
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    return out, idle, opened

slow, idle, opened = session(delay)
fast, _, _ = session(0)
ok = b"found" in slow and b"found" in fast
print(len(slow), len(fast), len(idle), 1 if b"Resident record" in opened else 0, 1 if ok else 0)
PY
set -- $(python3 "$ST_WORK/typebytes.py" "$WANGGE" "$DB" 0.1) || { echo "the pty driver failed"; exit 1; }
slow=$1 fast=$2 idle=$3 opened=$4 found=$5
echo "zhang typed 100 ms apart: $slow bytes; at once: $fast bytes; idle: $idle bytes"
[ "$found" = 1 ] || st_fail "typing zhang did not show results"
# Before the idle timer, each key redrew the results: 2.5 times the bytes.
[ "$slow" -le $((fast * 3 / 2)) ] || st_fail "typing slowly costs $slow bytes, at once $fast"
[ "$idle" = 0 ] || st_fail "an idle search screen sent $idle bytes"
[ "$opened" = 1 ] || st_fail "Enter right after typing did not open the resident"
st_done
