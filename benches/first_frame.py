#!/usr/bin/env python3
"""The real binary as users start it, against `less` in the same run (a ratio, since
these machines are noisy):

- first frame: started in tmux, polled until the inbox shows (less: until the file
  shows), with RUST_BACKTRACE unset and with RUST_BACKTRACE=1, which used to cost a
  backtrace; the three take turns, start by start;
- a key: from sending j (and PageDown) to the changed frame, polled the same way
  (`capture-pane -e`, so that a moved selection bar counts as a change), against `less`
  scrolling a long file by the same keys.

    cargo build --release
    python3 benches/first_frame.py [DB] [RUNS] [KEYS]

In tmux the first frame is also timed as it arrives: a control-mode client makes the
session (`tmux -C new-session`) and reads tmux's notices of the pane's output, so the
figure has no polling in it (the polled one flatters both programs by up to a poll).

The first frame is also timed on a pseudo-terminal of its own, without tmux: from the
fork to the bytes that end the first frame (wijkdesk: the end of its first synchronised
update; less: the file's first line), read as they arrive, so without tmux's polling
(each `capture-pane` costs about 4 ms, the resolution of the tmux figures).

With `cargo build --release --example open_floor`, the pseudo-terminal figures include
the floor: a program that only opens the database (SQLite parses the schema), runs one
query and writes a line.

wijkdesk is timed as installed: a copy of the binary (as `install`, `cp` or `cargo
install` makes it) in a folder of the bench's own. The file the linker has just written
starts 0.2–0.4 ms slower while it stays in the page cache as written (measured with the
same bytes copied and not: docs/performance.md, "Seventh round"), so the
pseudo-terminal figures show it too, as "as linked".

DB defaults to the demo database made by `wijkdesk --db /tmp/ff.db demo`. Prints the
median of RUNS starts (default 9) and of KEYS presses of each key (default 30); the
key figures include the cost of one `capture-pane` (the poll's resolution), the same
for both programs. WIJKDESK overrides the binary."""
import os
import pty
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

W = os.environ.get("WIJKDESK") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "target", "release", "wijkdesk")
)
# The floor under a first frame: only opening the database (examples/open_floor.rs).
FLOOR = os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "target", "release", "examples", "open_floor")
)


SOCKET = f"wijkdesk-ff-{os.getpid()}"

# The tmux server's environment, which its sessions' programs inherit: without
# RUST_BACKTRACE, so that a session sets it (`new-session -e`) or leaves it unset.
# Setting it with `env` in the command instead would start `env` first: one more exec
# (1.1–1.5 ms here) that wijkdesk would pay and `less` would not.
SERVER_ENV = {k: v for k, v in os.environ.items() if k != "RUST_BACKTRACE"}
BACKTRACE = ["-e", "RUST_BACKTRACE=1"]


def tmux(*args, **kw):
    # A socket of its own, kept alive by one idle session: the server does not exit
    # (and race the next start) each time a measured session ends.
    return subprocess.run(["tmux", "-L", SOCKET, *args], env=SERVER_ENV, **kw)


def capture(name, escapes=False):
    args = ["capture-pane", "-p", "-t", name] + (["-e"] if escapes else [])
    return tmux(*args, capture_output=True, text=True).stdout


def start(name, cmd, want, session_env=()):
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", *session_env, *cmd)
    while want not in capture(name):
        if time.perf_counter() - t0 > 20:
            sys.exit(f"{cmd[0]}: {want!r} did not show within 20 s")
    return (time.perf_counter() - t0) * 1000


def taking_turns(measure, programs, runs):
    """Median of `measure(tag, *program)` for each program over `runs` starts, the
    programs taking turns start by start: on a shared machine, load that comes and goes
    falls on all of them alike (measured one after another, the last ones measured used
    to look slower). Who goes first changes every turn: the place in a turn matters too
    (in tmux, the program started right after another one's exit was up to 0.9 ms
    slower, whichever program it was)."""
    times = [[] for _ in programs]
    n = len(programs)
    for i in range(runs):
        for k in [(i + j) % n for j in range(n)]:
            times[k].append(measure(f"{i}-{k}", *programs[k]))
    return [statistics.median(t) for t in times]


def read_until(fd, want, t0):
    """ms from `t0` until what is read from `fd` holds `want`; None if it never does
    (the end of the output, or 20 s without any)."""
    seen = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 20)
        if not ready:
            return None
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        seen += chunk
        if want in seen:
            return (time.perf_counter() - t0) * 1000


def polled_first_frame(tag, cmd, want, session_env=()):
    """ms from starting `cmd` in a tmux session until `want` shows in a capture."""
    name = f"ff-{tag}"
    took = start(name, cmd, want, session_env)
    stop(name)
    return took


def pty_first_frame(tag, cmd, until, env):
    """ms from the fork to `until` in what `cmd` writes to a 120x40 pseudo-terminal."""
    import fcntl
    import struct
    import termios

    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    took = read_until(fd, until, t0)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    if took is None:
        sys.exit(f"{cmd[0]}: no first frame on a pseudo-terminal within 20 s")
    time.sleep(0.02)
    return took


def tmux_arrival(tag, cmd, want, session_env=()):
    """ms from starting a control-mode client that makes the session (`tmux -C
    new-session`) to tmux reporting the output that holds `want`: tmux's own start and
    reading of the program's output included, without `capture-pane` polling."""
    name = f"arrival-{tag}"
    t0 = time.perf_counter()
    client = subprocess.Popen(
        ["tmux", "-L", SOCKET, "-C", "new-session", "-s", name, "-x", "120", "-y", "40",
         *session_env, *cmd],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=SERVER_ENV)
    took = read_until(client.stdout.fileno(), want, t0)
    client.stdin.write(b"detach-client\n")
    client.stdin.flush()
    try:
        client.wait(5)
    except subprocess.TimeoutExpired:
        client.kill()
    stop(name)
    if took is None:
        sys.exit(f"{cmd[0]}: {want!r} did not arrive in tmux within 20 s")
    return took


def stop(name):
    """End the session and wait until its program is gone: a program still exiting
    takes CPU from the next one's start (this once made RUST_BACKTRACE=1, always
    started right after a plain start, look 20 ms slower)."""
    pid = tmux("display-message", "-p", "-t", name, "#{pane_pid}", capture_output=True,
               text=True).stdout.strip()
    tmux("kill-session", "-t", name)
    t0 = time.perf_counter()
    while pid and os.path.exists(f"/proc/{pid}") and time.perf_counter() - t0 < 10:
        time.sleep(0.005)


# After each timed press, the key that undoes it (not timed): every press starts from
# the same place, so a list shorter than the presses never runs out under the key.
BACK = {"j": "k", "k": "j", "NPage": "PPage", "PPage": "NPage"}


def settle(name):
    """Wait until the pane stops changing: whatever the program draws later (a detail
    pane after the cursor rests) must not count as the next key's change."""
    time.sleep(0.15)
    settled = capture(name, True)
    while True:
        time.sleep(0.05)
        again = capture(name, True)
        if again == settled:
            return
        settled = again


def key_to_frame(cmd, want, keys, presses):
    """Median ms from send-keys to a changed pane, for each key in `keys` (pressed
    `presses` times each, undone after each press, the pane settled in between)."""
    name = "keys"
    start(name, cmd, want)
    time.sleep(0.3)  # let start-up work (a detail pane, a worker) finish
    out = {}
    for key in keys:
        times = []
        for _ in range(presses):
            before = capture(name, True)
            t0 = time.perf_counter()
            tmux("send-keys", "-t", name, key)
            while capture(name, True) == before:
                if time.perf_counter() - t0 > 5:
                    sys.exit(f"{cmd[0]}: {key} changed nothing within 5 s")
            times.append((time.perf_counter() - t0) * 1000)
            settle(name)
            tmux("send-keys", "-t", name, BACK[key])
            settle(name)
        out[key] = statistics.median(times)
    stop(name)
    return out


def main():
    db = sys.argv[1] if len(sys.argv) > 1 else "/tmp/ff.db"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    presses = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    if not os.path.exists(db):
        subprocess.run([W, "--db", db, "demo"], check=True, stdout=subprocess.DEVNULL)
    tmux("new-session", "-d", "-s", "keeper", "sleep", "3600")
    linked = W
    installed_dir = tempfile.mkdtemp(prefix="wijkdesk-ff-")
    installed = os.path.join(installed_dir, "wijkdesk")
    shutil.copy2(linked, installed)
    installed_floor = os.path.join(installed_dir, "open_floor")
    if os.path.exists(FLOOR):
        shutil.copy2(FLOOR, installed_floor)
    # A file long enough that less scrolls by every key.
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        for i in range(200_000):
            f.write(f"{i:7d} tcp regel van een lang bestand om in te bladeren\n")
        long_file = f.name
    try:
        less, plain, bt = taking_turns(polled_first_frame, [
            (["less", "/etc/services"], "tcp"),
            ([installed, "--db", db], "Inbox ("),
            ([installed, "--db", db], "Inbox (", BACKTRACE),
        ], runs)
        plain_env = dict(os.environ, TERM="xterm-256color")
        plain_env.pop("RUST_BACKTRACE", None)
        bt_env = dict(plain_env, RUST_BACKTRACE="1")
        # The end of wijkdesk's first synchronised update is the end of its first frame.
        frame_end = b"\x1b[?2026l"
        floor = [([installed_floor, db], frame_end, plain_env)] if os.path.exists(installed_floor) else []
        p_less, p_plain, p_bt, p_linked, *p_floor = taking_turns(pty_first_frame, [
            (["less", "/etc/services"], b"tcp", plain_env),
            ([installed, "--db", db], frame_end, plain_env),
            ([installed, "--db", db], frame_end, bt_env),
            ([linked, "--db", db], frame_end, plain_env),
        ] + floor, runs * 3)
        a_less, a_plain, a_bt = taking_turns(tmux_arrival, [
            (["less", "/etc/services"], b"tcp"),
            ([installed, "--db", db], b"Inbox ("),
            ([installed, "--db", db], b"Inbox (", BACKTRACE),
        ], runs)
        keys = ["j", "NPage"]
        less_keys = key_to_frame(["less", long_file], "tcp", keys, presses)
        w_keys = key_to_frame([installed, "--db", db], "Inbox (", keys, presses)
    finally:
        os.unlink(long_file)
        shutil.rmtree(installed_dir)
        tmux("kill-server")
    print(f"first frame  less                    {less:7.1f} ms")
    print(f"first frame  wijkdesk                {plain:7.1f} ms  ({plain / less:.2f}x less)")
    print(f"first frame  wijkdesk RUST_BACKTRACE {bt:7.1f} ms  ({bt / less:.2f}x less)")
    print(f"tmux arrival less                    {a_less:7.1f} ms")
    print(f"tmux arrival wijkdesk                {a_plain:7.1f} ms  ({a_plain / a_less:.2f}x less)")
    print(f"tmux arrival wijkdesk RUST_BACKTRACE {a_bt:7.1f} ms  ({a_bt / a_less:.2f}x less)")
    print(f"pty frame    less                    {p_less:7.1f} ms")
    print(f"pty frame    wijkdesk                {p_plain:7.1f} ms  ({p_plain / p_less:.2f}x less)")
    print(f"pty frame    wijkdesk RUST_BACKTRACE {p_bt:7.1f} ms  ({p_bt / p_less:.2f}x less)")
    print(f"pty frame    wijkdesk as linked      {p_linked:7.1f} ms  ({p_linked / p_less:.2f}x less)")
    if p_floor:
        print(f"pty frame    open_floor              {p_floor[0]:7.1f} ms  ({p_floor[0] / p_less:.2f}x less)")
    else:
        print("(no open_floor: `cargo build --release --example open_floor` adds the floor)")
    for k in keys:
        d = w_keys[k] - less_keys[k]
        print(f"key {k:6}   less {less_keys[k]:6.1f} ms   wijkdesk {w_keys[k]:6.1f} ms  (less {d:+.1f} ms)")


if __name__ == "__main__":
    main()
