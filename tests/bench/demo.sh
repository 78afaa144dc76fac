#!/bin/sh
# The demo county at full size: 500,000 households (about 1.5 million
# residents) must build in under a minute. Prints households, residents,
# seconds, database size and peak RSS.
set -u
W=${WANGGE_REL:?}
DB=${TMPDIR_BASE:?}/big.db
N=${DEMO_HOUSEHOLDS:-500000}
rm -f "$DB" "$DB-wal" "$DB-shm"
python3 - "$W" "$DB" "$N" <<'PY'
import resource, subprocess, sys, time, os
w, db, n = sys.argv[1:4]
t0 = time.monotonic()
p = subprocess.run([w, "init", "--db", db, "--demo", "--households", n, "--seed", "1"],
                   capture_output=True, text=True)
secs = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
if p.returncode != 0:
    sys.stderr.write(p.stderr)
    sys.exit(1)
out = p.stdout
def count(label):
    for line in out.splitlines():
        if line.strip().startswith(label):
            return line.split()[len(label.split())]
    return "?"
for line in out.splitlines():
    if line.strip().startswith("time:"):
        print("  " + line.strip())
print(f"  households {count('households')}, residents {count('residents')}")
print(f"  seconds {secs:.1f} (user {ru.ru_utime:.1f}, system {ru.ru_stime:.1f}); "
      f"target under 60: {'met' if secs < 60 else 'MISSED'}")
print(f"  database {os.path.getsize(db) / 1048576:.0f} MiB, peak RSS {ru.ru_maxrss / 1024:.0f} MiB")
PY
rc=$?
rm -f "$DB" "$DB-wal" "$DB-shm"
exit $rc
