#!/usr/bin/env python3
"""Many people at once: COPIES copies of the screens (the real binary, each in its own
tmux session at 120x40) on one database while WRITERS processes write through the
command line for SECONDS: new signals, feedback on them and minutes lines. Checks:

- 0 errors: every write command exits 0, every copy is still running at the end and
  quits cleanly on q;
- every copy shows the others' writes within a second: every PROBE seconds a signal
  with a unique title, received on the day of the inbox's first row (so it shows
  right below it in every copy), is added, each copy's pane is polled until it shows
  it, and it is declined;
- each copy's memory (VmRSS, and its peak VmHWM) stays at most 20 MiB;
- afterwards the kept figures equal a fresh count (each organisation's open signals,
  open commitments, last contact and last meeting; the inbox's open signals per
  feedback day; the loop report's per-day counts; the names an open signal carries
  for the inbox), and with --integrity `wijkdesk check` finds nothing.

    cargo build --release
    python3 benches/load.py DB [--copies 50] [--writers 8] [--seconds 300] [--probe 5] [--integrity]

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


OPEN = "state IN ('new', 'triaged', 'in_progress')"


def first_inbox_day(db):
    """The received date of the inbox's first row: the oldest open signal already
    overdue (the inbox's order, src/store/inbox.rs)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (day,) = conn.execute(
        f"SELECT min(received_on) FROM signal WHERE {OPEN} AND feedback_due < date('now')"
    ).fetchone()
    conn.close()
    return day


def kept_mismatches(db):
    """The kept figures that differ from a fresh count (the rules of
    tests/store_kept_figures.rs), counted per table with one grouped pass each rather
    than one count per organisation or day, so that it takes seconds at a million:
    each organisation's open signals, open commitments, last contact and last meeting;
    the inbox's open signals per feedback day; the loop report's per-day and per-month
    counts (report_cube) summed over district, theme and service; the names an open signal
    carries for the inbox (schema/028)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    q = lambda sql: conn.execute(sql).fetchall()
    wrong = []
    kept = {o: (s, c, lc, lm) for o, s, c, lc, lm in q(
        "SELECT org_id, open_signals, open_commitments, last_contact, last_meeting FROM org_figures")}
    signals = dict(q(f"SELECT org_id, count(*) FROM signal WHERE {OPEN} GROUP BY org_id"))
    commitments = dict(q("SELECT org_id, count(*) FROM commitment WHERE state = 'open' GROUP BY org_id"))
    contact = dict(q("SELECT org_id, max(day) FROM org_contact GROUP BY org_id"))
    meeting = dict(q("SELECT org_id, max(day) FROM org_meeting GROUP BY org_id"))
    for (o,) in q("SELECT id FROM organisation"):
        fresh = (signals.get(o, 0), commitments.get(o, 0), contact.get(o), meeting.get(o))
        if kept.get(o) != fresh:
            wrong.append(f"O-{o}: kept {kept.get(o)}, counted {fresh}")
    days = {d: n for d, n in q("SELECT due, n FROM open_signal_days") if n}
    fresh_days = dict(q(f"SELECT coalesce(feedback_due, ''), count(*) FROM signal WHERE {OPEN} GROUP BY 1"))
    for d in sorted(set(days) | set(fresh_days)):
        if days.get(d, 0) != fresh_days.get(d, 0):
            wrong.append(f"inbox day {d!r}: kept {days.get(d, 0)}, counted {fresh_days.get(d, 0)}")
    cube = {(k, a, b): n for k, a, b, n in q(
        "SELECT kind, a, b, n FROM report_cube WHERE cut = 7 AND n != 0")}
    fresh_cube = {(k, a, b): n for k, a, b, n in q(f"""
        WITH s AS (
            SELECT state, received_on, feedback_due, answered_on, first_feedback_on,
                   CASE WHEN first_feedback_on IS NULL THEN coalesce(first_due, feedback_due)
                        ELSE first_feedback_due END AS measured,
                   CASE WHEN first_feedback_on IS NULL THEN 0
                        WHEN first_feedback_on <= first_feedback_due THEN 1 ELSE 2 END AS how,
                   max(0, CAST(julianday(first_feedback_on) - julianday(received_on) AS INTEGER)) AS took
              FROM signal)
        SELECT 1, measured, how, count(*) FROM s WHERE measured IS NOT NULL GROUP BY 2, 3
        UNION ALL SELECT 2, received_on, took, count(*) FROM s WHERE first_feedback_on IS NOT NULL GROUP BY 2, 3
        UNION ALL SELECT 7, date(received_on, 'start of month'), took, count(*) FROM s
         WHERE first_feedback_on IS NOT NULL GROUP BY 2, 3
        UNION ALL SELECT 3, received_on, 0, count(*) FROM s
         WHERE {OPEN} OR (state = 'merged' AND answered_on IS NULL) GROUP BY 2
        UNION ALL SELECT 4, received_on, 0, count(*) FROM s GROUP BY 2
        UNION ALL SELECT 5, answered_on, 0, count(*) FROM s WHERE answered_on IS NOT NULL GROUP BY 2
        UNION ALL SELECT 6, feedback_due, received_on, count(*) FROM s
         WHERE {OPEN} AND feedback_due IS NOT NULL GROUP BY 2, 3""")}
    for key in sorted(set(cube) | set(fresh_cube), key=repr):
        if cube.get(key, 0) != fresh_cube.get(key, 0):
            wrong.append(f"report_cube {key}: kept {cube.get(key, 0)}, counted {fresh_cube.get(key, 0)}")
    for sid, org, owner, fresh_org, fresh_owner in q(f"""
        SELECT s.id, s.inbox_org, s.inbox_owner, o.name,
               CASE WHEN p.name IS NULL THEN coalesce(so.short_name, so.name, '')
                    WHEN so.id IS NULL THEN p.name
                    ELSE p.name || ' (' || coalesce(so.short_name, so.name) || ')' END
          FROM signal s
          LEFT JOIN organisation o ON o.id = s.org_id
          LEFT JOIN person p ON p.id = s.owner_person_id
          LEFT JOIN organisation so ON so.id = s.owner_org_id
         WHERE s.{OPEN} AND (s.inbox_org IS NOT o.name OR s.inbox_owner IS NOT
               CASE WHEN p.name IS NULL THEN coalesce(so.short_name, so.name, '')
                    WHEN so.id IS NULL THEN p.name
                    ELSE p.name || ' (' || coalesce(so.short_name, so.name) || ')' END)"""):
        wrong.append(f"S-{sid}: inbox names kept {org!r} / {owner!r}, afresh {fresh_org!r} / {fresh_owner!r}")
    closed = q(f"SELECT count(*) FROM signal WHERE NOT ({OPEN}) AND (inbox_org IS NOT NULL OR inbox_owner IS NOT NULL)")[0][0]
    if closed:
        wrong.append(f"{closed} closed signals still carry inbox names")
    conn.close()
    return wrong


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--probe", type=float, default=5, help="seconds between planted signals")
    ap.add_argument("--integrity", action="store_true",
                    help="also run `wijkdesk check` (SQLite's integrity check: minutes at a million)")
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
        anon_max = {n: 0 for n in names}  # the copy's own pages (the binary's are shared)
        probe = 0
        first_day = first_inbox_day(a.db)
        end = time.perf_counter() + a.seconds
        while time.perf_counter() < end:
            probe += 1
            title = f"Proef {probe} {random.randrange(10**9)}"
            # Received on the day of the inbox's first row, so it lands right below the
            # row every copy has selected (a row above the selection scrolls out of view)
            # and, declined once seen, leaves room for the next one.
            r = cli(a.db, "signal", "add", "--org", f"O-{orgs[0]}", "--title", title,
                    "--received", first_day, "--theme", "verkeer")
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
            r = cli(a.db, "signal", "decline", r.stdout.strip(), "--explanation",
                    "Proef: gezien", "--channel", "phone")
            if r.returncode != 0:
                failures.append(f"probe {probe}: declining: {r.stderr.strip()}")
            for n, pid in pids.items():
                rss = status_kib(pid, "VmRSS")
                if rss is None:
                    failures.append(f"{n} (pid {pid}) is gone")
                else:
                    rss_max[n] = max(rss_max[n], rss)
                    anon_max[n] = max(anon_max[n], status_kib(pid, "RssAnon") or 0)
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
          f"median {statistics.median(rss_max.values()) / 1024:.1f} MiB; peak VmHWM {max(hwm.values()) / 1024:.1f} MiB; "
          f"own (RssAnon) max {max(anon_max.values()) / 1024:.1f} MiB")
    t_check = time.perf_counter()
    wrong = kept_mismatches(a.db)
    print(f"kept figures differing from a fresh count: {len(wrong)} {wrong[:5]} "
          f"(counted in {time.perf_counter() - t_check:.1f} s)")
    check_ok = True
    if a.integrity:
        t_check = time.perf_counter()
        check = cli(a.db, "check")
        check_ok = check.returncode == 0
        print(f"wijkdesk check: exit {check.returncode} {check.stdout.strip()[:200]} "
              f"({time.perf_counter() - t_check:.0f} s)")
    ok = (not errors and not failures and not late and not missed and worst <= RSS_LIMIT_KIB
          and not wrong and check_ok)
    for f in failures[:10]:
        print("failure: " + f)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
