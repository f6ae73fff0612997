#!/usr/bin/env python3
"""What the figure-keeping triggers cost a start: the same database with and without
its triggers, each opened by the floor (examples/open_floor.rs: open, one query, one
line) and by the screens (to the end of the first frame), against `less` on a
pseudo-terminal, taking turns as benches/first_frame.py does.

    cargo build --release --bin wijkdesk --example open_floor
    python3 benches/schema_floor.py [RUNS] [DB]

DB defaults to a fresh demo database; a copy of it (SQLite's backup) has every
trigger dropped. The copy is for measuring only: without its triggers its kept
figures go stale at the first write. Prints the median of RUNS starts (default 40)."""
import importlib.util
import os
import sqlite3
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("ff", os.path.join(HERE, "first_frame.py"))
ff = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ff)


def without_triggers(src, dst):
    """A copy of `src` at `dst` with every trigger dropped; how many there were."""
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    a.backup(b)
    a.close()
    names = [r[0] for r in b.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'")]
    for name in names:
        b.execute(f'DROP TRIGGER "{name}"')
    b.commit()
    b.close()
    return len(names)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    work = tempfile.mkdtemp(prefix="schema-floor-")
    db = sys.argv[2] if len(sys.argv) > 2 else os.path.join(work, "demo.db")
    if not os.path.exists(db):
        ff.subprocess.run([ff.W, "--db", db, "demo"], check=True, stdout=ff.subprocess.DEVNULL)
    bare = os.path.join(work, "no-triggers.db")
    dropped = without_triggers(db, bare)
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("RUST_BACKTRACE", None)
    end = b"\x1b[?2026l"
    programs = [
        ("less /etc/services", (["less", "/etc/services"], b"tcp", env)),
        ("floor", ([ff.FLOOR, db], end, env)),
        (f"floor, {dropped} triggers dropped", ([ff.FLOOR, bare], end, env)),
        ("wijkdesk", ([ff.W, "--db", db], end, env)),
        (f"wijkdesk, {dropped} triggers dropped", ([ff.W, "--db", bare], end, env)),
    ]
    times = ff.taking_turns(ff.pty_first_frame, [p for _, p in programs], runs)
    for (name, _), t in zip(programs, times):
        print(f"{name:36} {t:6.2f} ms  ({t / times[0]:.2f}x less)")
    for f in os.listdir(work):
        os.unlink(os.path.join(work, f))
    os.rmdir(work)


if __name__ == "__main__":
    main()
