#!/usr/bin/env python3
"""Drive real OpenSSH clients against an SSH server that shows wangge's screens
and print what a user would feel and what the host would pay:

  connect-to-first-screen time (median of --seq logins, one after another),
  N concurrent logged-in sessions that all render (time until the last does),
  private dirty memory per session (every process the server runs for one
  connection, from /proc/PID/smaps_rollup), with all N sessions open.

Each client runs on its own pseudo-terminal (80x24), as a user's would.
"""
import argparse
import fcntl
import os
import pty
import selectors
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time


def spawn(cmd):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    p = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env,
                         start_new_session=True, close_fds=True)
    os.close(slave)
    os.set_blocking(master, False)
    return p, master


def read_some(fd):
    try:
        return os.read(fd, 65536)
    except BlockingIOError:
        return b""
    except OSError:  # EIO: the client has gone
        return None


def stop(p, master, quit_keys):
    try:
        os.write(master, quit_keys)
    except OSError:
        pass
    deadline = time.time() + 5
    while p.poll() is None and time.time() < deadline:
        if read_some(master) is None:
            break
        time.sleep(0.02)
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    os.close(master)


def first_screen(cmd, marker, quit_keys, timeout=15):
    t0 = time.perf_counter()
    p, master = spawn(cmd)
    buf = b""
    sel = selectors.DefaultSelector()
    sel.register(master, selectors.EVENT_READ)
    took = None
    while time.perf_counter() - t0 < timeout:
        if sel.select(timeout=0.5):
            data = read_some(master)
            if data is None:
                break
            buf += data
            if any(m in buf for m in marker):
                took = time.perf_counter() - t0
                break
    sel.close()
    stop(p, master, quit_keys)
    return took, buf


def children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def tree(pid):
    out = [pid]
    for c in children(pid):
        out += tree(c)
    return out


def private_dirty_kb(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Private_Dirty:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def concurrent(cmd, marker, quit_keys, n, server_pid, timeout=120):
    t0 = time.perf_counter()
    clients = []
    sel = selectors.DefaultSelector()
    for i in range(n):
        p, master = spawn(cmd)
        clients.append([p, master, b"", None])
        sel.register(master, selectors.EVENT_READ, i)
    pending = n
    while pending and time.perf_counter() - t0 < timeout:
        for key, _ in sel.select(timeout=0.5):
            c = clients[key.data]
            data = read_some(c[1])
            if data is None:
                sel.unregister(c[1])
                if c[3] is None:
                    pending -= 1
                continue
            c[2] += data
            if c[3] is None and any(m in c[2] for m in marker):
                c[3] = time.perf_counter() - t0
                pending -= 1
                c[2] = b""
    rendered = [c[3] for c in clients if c[3] is not None]
    # Memory with every session open: one process tree per connection.
    time.sleep(0.5)
    per_conn = []
    for conn in children(server_pid):
        pids = tree(conn)
        top = private_dirty_kb(conn)
        rest = sum(private_dirty_kb(pid) for pid in pids[1:])
        per_conn.append((top + rest, len(pids), top, rest))
    sel.close()
    for c in clients:
        stop(c[0], c[1], quit_keys)
    return rendered, per_conn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--marker", action="append", required=True,
                    help="text that shows the first screen is there (any of them)")
    ap.add_argument("--quit", default="q")
    ap.add_argument("--seq", type=int, default=20)
    ap.add_argument("--concurrent", type=int, default=200)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    marker = [m.encode() for m in a.marker]
    quit_keys = a.quit.encode()

    # One login first, so that caches are warm for everyone alike.
    took, buf = first_screen(cmd, marker, quit_keys)
    if took is None:
        print("%-8s no first screen; the client showed: %r" % (a.name, buf[-300:]))
        return 1
    times = []
    for _ in range(a.seq):
        took, buf = first_screen(cmd, marker, quit_keys)
        if took is None:
            print("%-8s a login did not render: %r" % (a.name, buf[-300:]))
            return 1
        times.append(took * 1000)
    times.sort()
    print("%-8s connect to first screen: median %.0f ms (min %.0f, max %.0f, n=%d)"
          % (a.name, statistics.median(times), times[0], times[-1], len(times)))

    rendered, per_conn = concurrent(cmd, marker, quit_keys, a.concurrent, a.server_pid)
    if rendered:
        print("%-8s %d concurrent sessions: %d rendered, the last after %.2f s"
              % (a.name, a.concurrent, len(rendered), max(rendered)))
    else:
        print("%-8s %d concurrent sessions: none rendered" % (a.name, a.concurrent))
    live = [c for c in per_conn if c[1] >= 2]
    if live:
        print("%-8s private dirty memory per session: median %.2f MB, mean %.2f MB "
              "(%d sessions; first process %.2f MB + the %s below it %.2f MB, medians)"
              % (a.name, statistics.median(c[0] for c in live) / 1024,
                 statistics.mean(c[0] for c in live) / 1024, len(live),
                 statistics.median(c[2] for c in live) / 1024,
                 "/".join(sorted({str(c[1] - 1) for c in live})) + " process(es)",
                 statistics.median(c[3] for c in live) / 1024))
    else:
        print("%-8s private dirty memory: no live sessions to measure" % a.name)
    return 0 if len(rendered) == a.concurrent else 1


if __name__ == "__main__":
    sys.exit(main())
