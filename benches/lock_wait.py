#!/usr/bin/env python3
"""The screens and the command line under another user's write lock, measured on the
real binary: in tmux, a minutes line typed key by key while Python's sqlite3 holds
BEGIN IMMEDIATE (each key until it shows; Enter until the waiting message; the lock's
release until the line is stored); and a 20,000-row `org import --yes` with
`org add` run beside it (how long each add waits).

    cargo build
    python3 benches/lock_wait.py [BINARY]

BINARY defaults to $CARGO_TARGET_DIR (else target)/debug/wijkdesk."""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.path.dirname(__file__), "..", "target")
B = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TARGET, "debug", "wijkdesk")
HOME = tempfile.mkdtemp(prefix="wijkdesk-lockbench-")
T = ["tmux", "-L", f"wijkdesk-lockbench-{os.getpid()}"]


def tm(*args):
    return subprocess.run(T + list(args), capture_output=True, text=True).stdout


def wait(text, limit=30):
    end = time.time() + limit
    while time.time() < end:
        if text in tm("capture-pane", "-p", "-t", "m"):
            return time.time()
        time.sleep(0.002)
    raise SystemExit(f"timeout waiting for {text!r}")


def env(db):
    return dict(os.environ, WIJKDESK_DB=db, WIJKDESK_CONFIG=f"{HOME}/none.toml", LANG="C")


def screens():
    db = f"{HOME}/keys.db"
    subprocess.run([B, "demo"], env=env(db), capture_output=True, check=True)
    tm("-f", "/dev/null", "new-session", "-d", "-s", "m", "-x", "120", "-y", "40",
       f"env LANG=C WIJKDESK_CONFIG={HOME}/none.toml WIJKDESK_DRAFTS={HOME}/drafts {B} --db {db}")
    tm("set-option", "-s", "escape-time", "0")
    wait(" Meetings ")
    tm("send-keys", "-t", "m", "3")
    wait("Meetings (")
    tm("send-keys", "-t", "m", "-l", "/Bezuidenhout")
    wait("Meetings (1)")
    tm("send-keys", "-t", "m", "Enter")
    tm("send-keys", "-t", "m", "Enter")
    wait("Minutes of M-")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    typed, keys = "abcdefghijklmnopqrst", []
    for i, ch in enumerate(typed):
        t0 = time.time()
        tm("send-keys", "-t", "m", "-l", ch)
        keys.append(wait("> " + typed[: i + 1]) - t0)
    t0 = time.time()
    tm("send-keys", "-t", "m", "Enter")
    enter = wait("Waiting for another user's change") - t0
    holder.execute("ROLLBACK")
    t0 = time.time()
    stored = wait("Stored line 1.") - t0
    tm("kill-server")
    keys.sort()
    print(f"screens, lock held: per key median {keys[len(keys) // 2] * 1000:.0f} ms, "
          f"max {keys[-1] * 1000:.0f} ms; Enter to the waiting message {enter * 1000:.0f} ms; "
          f"lock freed to line stored {stored * 1000:.0f} ms")


def imports():
    db = f"{HOME}/import.db"
    subprocess.run([B, "init"], env=env(db), capture_output=True, check=True)
    csv = f"{HOME}/big.csv"
    with open(csv, "w") as f:
        f.write("name,kind\n")
        for i in range(20000):
            f.write(f"Import vereniging {i:05},residents\n")
    start = time.time()
    imp = subprocess.Popen([B, "org", "import", csv, "--yes"], env=env(db),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    waits = []
    time.sleep(1)
    while imp.poll() is None:
        t0 = time.time()
        subprocess.run([B, "org", "add", "--name", f"Beside {len(waits)}"], env=env(db),
                       capture_output=True, check=True)
        if imp.poll() is None:
            waits.append(time.time() - t0)
        time.sleep(0.3)
    took = time.time() - start
    waits.sort()
    if waits:
        print(f"import of 20,000 rows: {took:.1f} s; {len(waits)} writes beside it waited "
              f"median {waits[len(waits) // 2] * 1000:.0f} ms, max {waits[-1] * 1000:.0f} ms")


try:
    screens()
    imports()
finally:
    tm("kill-server")
    shutil.rmtree(HOME, ignore_errors=True)
