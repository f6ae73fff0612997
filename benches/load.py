#!/usr/bin/env python3
"""Many people at once: COPIES copies of the screens (the real binary, each in its own
tmux session at 120x40) on one database while WRITERS processes write through the
command line for SECONDS: new signals, feedback on them and minutes lines. Checks:

- 0 errors: every write command exits 0, every copy is still running at the end and
  quits cleanly on q;
- every copy shows the others' writes within a second: every PROBE seconds a signal
  with a unique title and an old received date (so it heads every inbox as the most
  overdue) is added, and each copy's pane is polled until it shows it;
- each copy's memory (VmRSS, and its peak VmHWM) stays at most 20 MiB;
- afterwards the kept figures equal a fresh count (each organisation's open signals,
  open commitments, last contact and last meeting; the inbox's open signals per
  feedback day), and `wijkdesk check` finds nothing.

    cargo build --release
    python3 benches/load.py DB [--copies 50] [--writers 8] [--seconds 300] [--probe 5]

DB is written to: use a copy. WIJKDESK overrides the binary. Exit status 1 when a check
fails."""
import argparse
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time

W = os.environ.get("WIJKDESK") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "target", "release", "wijkdesk")
)
SOCKET = f"wijkdesk-load-{os.getpid()}"
RSS_LIMIT_KIB = 20 * 1024


def tmux(*args, **kw):
    return subprocess.run(["tmux", "-L", SOCKET, *args], **kw)


def capture_all(names):
    """Every pane's text in one tmux call: {name: text}."""
    args = []
    for n in names:
        args += ["capture-pane", "-p", "-t", n, ";", "display-message", "-p", f"@@end {n}", ";"]
    out = tmux(*args[:-1], capture_output=True, text=True).stdout
    panes, cur = {}, []
    for line in out.splitlines():
        m = re.fullmatch(r"@@end (\S+)", line)
        if m:
            panes[m.group(1)] = "\n".join(cur)
            cur = []
        else:
            cur.append(line)
    return panes


def status_kib(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def cli(db, *args):
    return subprocess.run([W, "--db", db, *args], capture_output=True, text=True)


class Writer(threading.Thread):
    """One person writing through the command line, as fast as it goes."""

    def __init__(self, n, db, orgs, meetings, stop):
        super().__init__(daemon=True)
        self.n, self.db, self.orgs, self.meetings, self.stop = n, db, orgs, meetings, stop
        self.done = {"signal": 0, "feedback": 0, "minute": 0}
        self.errors = []
        self.rng = random.Random(n)

    def run(self):
        mine = []
        i = 0
        while not self.stop.is_set():
            i += 1
            kind = ("signal", "feedback", "minute")[i % 3]
            if kind == "signal" or not mine and kind == "feedback":
                kind = "signal"
                r = cli(self.db, "signal", "add", "--org", f"O-{self.rng.choice(self.orgs)}",
                        "--title", f"Belasting schrijver {self.n} nummer {i}", "--theme", "verkeer")
                m = re.search(r"S-(\d+)", r.stdout)
                if r.returncode == 0 and m:
                    mine.append(m.group(1))
            elif kind == "feedback":
                r = cli(self.db, "feedback", "add", f"S-{self.rng.choice(mine)}", "--channel", "email",
                        "--text", f"Tussenbericht {i} van schrijver {self.n}")
            else:
                r = cli(self.db, "minutes", "add", f"M-{self.rng.choice(self.meetings)}",
                        f"Regel {i} van schrijver {self.n}: bewoners vragen om een terugkoppeling")
            if r.returncode == 0:
                self.done[kind] += 1
            else:
                self.errors.append(f"{kind}: exit {r.returncode}: {r.stderr.strip()[:200]}")


def kept_mismatches(db):
    """The kept figures that differ from a fresh count (as tests/store_kept_figures.rs)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    orgs = conn.execute(
        """SELECT o.id FROM organisation o LEFT JOIN org_figures f ON f.org_id = o.id
            WHERE f.org_id IS NULL
               OR f.open_signals IS NOT (SELECT count(*) FROM signal s WHERE s.org_id = o.id
                                          AND s.state IN ('new', 'triaged', 'in_progress'))
               OR f.open_commitments IS NOT (SELECT count(*) FROM commitment c WHERE c.org_id = o.id
                                              AND c.state = 'open')
               OR f.last_contact IS NOT (SELECT max(day) FROM org_contact k WHERE k.org_id = o.id)
               OR f.last_meeting IS NOT (SELECT max(day) FROM org_meeting k WHERE k.org_id = o.id)"""
    ).fetchall()
    days = conn.execute(
        """SELECT due FROM (
               SELECT d.due, d.n AS kept,
                      (SELECT count(*) FROM signal s WHERE coalesce(s.feedback_due, '') = d.due
                          AND s.state IN ('new', 'triaged', 'in_progress')) AS counted
                 FROM open_signal_days d
               UNION ALL
               SELECT coalesce(s.feedback_due, ''), 0, count(*) FROM signal s
                WHERE s.state IN ('new', 'triaged', 'in_progress')
                  AND coalesce(s.feedback_due, '') NOT IN (SELECT due FROM open_signal_days)
                GROUP BY 1)
            WHERE kept != counted"""
    ).fetchall()
    conn.close()
    return [f"O-{o}" for (o,) in orgs] + [f"inbox day {d!r}" for (d,) in days]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--probe", type=float, default=5, help="seconds between planted signals")
    a = ap.parse_args()
    if not os.path.exists(W):
        sys.exit(f"{W} missing: cargo build --release")
    conn = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    orgs = [r[0] for r in conn.execute("SELECT org_id FROM org_figures ORDER BY org_id LIMIT 500")]
    meetings = [r[0] for r in conn.execute(
        "SELECT id FROM meeting WHERE status = 'held' ORDER BY id DESC LIMIT 50")] or [
        r[0] for r in conn.execute("SELECT id FROM meeting WHERE status = 'final' ORDER BY id DESC LIMIT 50")]
    signals = conn.execute("SELECT count(*) FROM signal").fetchone()[0]
    conn.close()
    print(f"{a.db}: {signals:,} signals; {a.copies} copies, {a.writers} writers, {a.seconds:.0f} s")

    tmux("new-session", "-d", "-s", "keeper", "sleep", "100000")
    names = [f"c{i}" for i in range(a.copies)]
    failures = []
    try:
        t0 = time.perf_counter()
        for n in names:
            tmux("new-session", "-d", "-s", n, "-x", "120", "-y", "40", "env", "-u", "RUST_BACKTRACE",
                 W, "--db", a.db)
        waiting = set(names)
        while waiting:
            panes = capture_all(sorted(waiting))
            waiting = {n for n in waiting if "Inbox (" not in panes.get(n, "")}
            if time.perf_counter() - t0 > 120:
                sys.exit(f"{len(waiting)} copies did not start within 120 s")
        print(f"{a.copies} copies showing the inbox after {time.perf_counter() - t0:.1f} s")
        pids = {}
        for n in names:
            out = tmux("display-message", "-p", "-t", n, "#{pane_pid}", capture_output=True, text=True)
            pids[n] = int(out.stdout.strip())

        stop = threading.Event()
        writers = [Writer(i, a.db, orgs, meetings, stop) for i in range(a.writers)]
        for w in writers:
            w.start()
        seen_after = []  # seconds from a planted signal's commit to a copy showing it
        missed = []
        rss_max = {n: 0 for n in names}
        probe = 0
        end = time.perf_counter() + a.seconds
        while time.perf_counter() < end:
            probe += 1
            title = f"Proef {probe} {random.randrange(10**9)}"
            day = f"2001-01-{1 + probe % 28:02d}"
            r = cli(a.db, "signal", "add", "--org", f"O-{orgs[0]}", "--title", title,
                    "--received", day, "--theme", "verkeer")
            planted = time.perf_counter()
            if r.returncode != 0:
                failures.append(f"probe {probe}: {r.stderr.strip()}")
                continue
            waiting = set(names)
            while waiting and time.perf_counter() - planted < 10:
                panes = capture_all(sorted(waiting))
                now = time.perf_counter()
                for n in list(waiting):
                    if title in panes.get(n, ""):
                        seen_after.append(now - planted)
                        waiting.discard(n)
            missed += [(probe, n) for n in waiting]
            for n, pid in pids.items():
                rss = status_kib(pid, "VmRSS")
                if rss is None:
                    failures.append(f"{n} (pid {pid}) is gone")
                else:
                    rss_max[n] = max(rss_max[n], rss)
            # The next probe on its beat.
            time.sleep(max(0.0, a.probe - (time.perf_counter() - planted)))
        stop.set()
        for w in writers:
            w.join()
        hwm = {n: status_kib(pid, "VmHWM") or 0 for n, pid in pids.items()}
        for n in names:
            tmux("send-keys", "-t", n, "q")
        t_quit = time.perf_counter()
        while any(status_kib(p, "VmRSS") is not None for p in pids.values()):
            if time.perf_counter() - t_quit > 30:
                failures.append("copies still running 30 s after q")
                break
            time.sleep(0.1)
    finally:
        tmux("kill-server")

    done = {k: sum(w.done[k] for w in writers) for k in ("signal", "feedback", "minute")}
    errors = [e for w in writers for e in w.errors]
    total = sum(done.values())
    print(f"writes: {total} in {a.seconds:.0f} s ({total / a.seconds:.1f}/s): "
          + ", ".join(f"{v} {k}" for k, v in done.items()) + f"; errors: {len(errors)}")
    for e in errors[:10]:
        print("  " + e)
    if seen_after:
        s = sorted(seen_after)
        print(f"others' writes seen: {len(s)} sightings of {probe} probes x {a.copies} copies; "
              f"median {statistics.median(s) * 1000:.0f} ms, p95 {s[int(len(s) * 0.95) - 1] * 1000:.0f} ms, "
              f"max {s[-1] * 1000:.0f} ms (each includes up to one sweep of capture-pane over the copies)")
    late = [x for x in seen_after if x > 1.0]
    print(f"sightings later than 1 s: {len(late)}; never seen within 10 s: {len(missed)}")
    worst = max(max(rss_max.values()), max(hwm.values()))
    print(f"memory per copy: VmRSS max {max(rss_max.values()) / 1024:.1f} MiB, "
          f"median {statistics.median(rss_max.values()) / 1024:.1f} MiB; peak VmHWM {max(hwm.values()) / 1024:.1f} MiB")
    wrong = kept_mismatches(a.db)
    check = cli(a.db, "check")
    print(f"kept figures differing from a fresh count: {len(wrong)} {wrong[:5]}")
    print(f"wijkdesk check: exit {check.returncode} {check.stdout.strip()[:200]}")
    ok = (not errors and not failures and not late and not missed and worst <= RSS_LIMIT_KIB
          and not wrong and check.returncode == 0)
    for f in failures[:10]:
        print("failure: " + f)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
