#!/usr/bin/env python3
"""The real binary's first frame, as users start it: in tmux, polled until the
inbox shows, against `less` showing a file in the same run (a ratio, since these
machines are noisy). Also with RUST_BACKTRACE=1, which used to cost a backtrace.

    cargo build --release
    python3 benches/first_frame.py [DB] [RUNS]

DB defaults to the demo database made by `wijkdesk --db /tmp/ff.db demo`.
Prints the median of RUNS starts (default 9) for each."""
import os
import subprocess
import sys
import time

W = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "target", "release", "wijkdesk"))


SOCKET = f"wijkdesk-ff-{os.getpid()}"


def tmux(*args, **kw):
    # A socket of its own, kept alive by one idle session: the server does not exit
    # (and race the next start) each time a measured session ends.
    return subprocess.run(["tmux", "-L", SOCKET, *args], **kw)


def first_frame(cmd, want, runs):
    times = []
    for i in range(runs):
        name = f"wijkdesk-ff-{os.getpid()}-{i}"
        t0 = time.perf_counter()
        tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", *cmd)
        while want not in tmux("capture-pane", "-p", "-t", name, capture_output=True, text=True).stdout:
            if time.perf_counter() - t0 > 10:
                sys.exit(f"{cmd[0]}: {want!r} did not show within 10 s")
        times.append((time.perf_counter() - t0) * 1000)
        tmux("kill-session", "-t", name)
    times.sort()
    return times[len(times) // 2]


def main():
    db = sys.argv[1] if len(sys.argv) > 1 else "/tmp/ff.db"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    if not os.path.exists(db):
        subprocess.run([W, "--db", db, "demo"], check=True, stdout=subprocess.DEVNULL)
    tmux("new-session", "-d", "-s", "keeper", "sleep", "600")
    less = first_frame(["less", "/etc/services"], "tcp", runs)
    plain = first_frame(["env", "RUST_BACKTRACE=0", W, "--db", db], "Inbox (", runs)
    bt = first_frame(["env", "RUST_BACKTRACE=1", W, "--db", db], "Inbox (", runs)
    print(f"less                    {less:7.1f} ms")
    print(f"wijkdesk                {plain:7.1f} ms  ({plain / less:.2f}x less)")
    print(f"wijkdesk RUST_BACKTRACE {bt:7.1f} ms  ({bt / less:.2f}x less)")
    tmux("kill-server")


if __name__ == "__main__":
    main()
