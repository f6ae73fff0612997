#!/usr/bin/env python3
"""Write link/startup-order.txt: the functions a start runs, in the order they first run.

build.rs hands the file to the linker for release builds, which then lays those
functions out next to each other: a start of the screens reads its code from about 15
pages instead of 65 (docs/performance.md, "Eleventh round"). Run this again after
large changes (a name the build no longer has is skipped, so the file only goes stale,
never wrong):

    cargo build --release
    python3 benches/startup_order.py [DB]

It runs the release binary under Valgrind's lackey, which lists every block of code as
it runs: the screens in tmux until the first frame shows, then q; then a few common
commands. Each block's address is named by the binary's symbol table (`nm`). Needs
valgrind, tmux, nm and readelf. DB defaults to a demo database made in a temporary folder."""
import bisect
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.environ.get("WIJKDESK") or os.path.join(ROOT, "target", "release", "wijkdesk")
OUT = os.path.join(ROOT, "link", "startup-order.txt")
SOCKET = f"wijkdesk-order-{os.getpid()}"
ENV = dict(os.environ)
COMMANDS = [
    ["signal", "list", "--limit", "50"],
    ["org", "list", "--limit", "50"],
    ["report", "loop"],
]


def lackey(log):
    return ["valgrind", "--tool=lackey", "--trace-superblocks=yes", f"--log-file={log}"]


def tmux(*args, **kw):
    return subprocess.run(["tmux", "-L", SOCKET, *args], env=ENV, **kw)


def screens(db, log):
    """The screens until the first frame, then q. Returns where the binary was loaded."""
    tmux("new-session", "-d", "-s", "o", "-x", "120", "-y", "40",
         *lackey(log), BIN, "--db", db, check=True)
    try:
        t0 = time.time()
        while "Inbox" not in tmux("capture-pane", "-p", "-t", "o",
                                     capture_output=True, text=True).stdout:
            if time.time() - t0 > 120:
                sys.exit("the screens did not show within 120 s")
            time.sleep(0.5)
        time.sleep(2)
        pid = tmux("list-panes", "-t", "o", "-F", "#{pane_pid}",
                   capture_output=True, text=True).stdout.split()[0]
        base = load_address(pid)
        tmux("send-keys", "-t", "o", "q")
        while tmux("has-session", "-t", "o", capture_output=True).returncode == 0:
            if time.time() - t0 > 240:
                sys.exit("the screens did not end after q")
            time.sleep(0.5)
        return base
    finally:
        tmux("kill-server", capture_output=True)


def load_address(pid):
    real = os.path.realpath(BIN)
    with open(f"/proc/{pid}/maps") as maps:
        for line in maps:
            parts = line.split()
            if len(parts) >= 6 and parts[5] == real and int(parts[2], 16) == 0:
                return int(parts[0].split("-")[0], 16)
    sys.exit(f"{real} is not mapped in process {pid}")


def blocks(log):
    """Addresses of the blocks run, each once, in the order first run."""
    seen = {}
    with open(log) as f:
        for line in f:
            if line.startswith("SB "):
                seen.setdefault(int(line[3:], 16), None)
    return list(seen)


def text_section():
    """Start and end of the binary's code, as addresses in the file."""
    out = subprocess.run(["readelf", "-S", "-W", BIN], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        parts = line.split("]", 1)[-1].split()
        if parts[:1] == [".text"]:
            start, size = int(parts[2], 16), int(parts[4], 16)
            return start, start + size
    sys.exit("the binary has no .text")


def functions():
    """(start address, name) of every function in the binary, by address."""
    out = subprocess.run(["nm", "--defined-only", BIN], capture_output=True, text=True,
                         check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    return sorted(syms)


def main():
    for tool in ("valgrind", "tmux", "nm", "readelf"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed")
    with tempfile.TemporaryDirectory() as tmp:
        db = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tmp, "demo.db")
        ENV["HOME"] = tmp
        if len(sys.argv) <= 1:
            subprocess.run([BIN, "--db", db, "demo"], env=ENV, check=True,
                           stdout=subprocess.DEVNULL)
        logs = [os.path.join(tmp, "screens.log")]
        base = screens(db, logs[0])
        for i, cmd in enumerate(COMMANDS):
            logs.append(os.path.join(tmp, f"cmd{i}.log"))
            subprocess.run([*lackey(logs[-1]), BIN, "--db", db, *cmd], env=ENV, check=True,
                           stdout=subprocess.DEVNULL)
        syms = functions()
        text_start, text_end = text_section()
        starts = [a for a, _ in syms]
        names, seen = [], set()
        for log in logs:
            for addr in blocks(log):
                if not text_start <= addr - base < text_end:
                    continue  # the loader's, the C library's
                i = bisect.bisect_right(starts, addr - base) - 1
                name = syms[i][1]
                if name not in seen:
                    seen.add(name)
                    names.append(name)
    if len(names) < 100:
        sys.exit(f"only {len(names)} functions found: was the binary loaded where expected?")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("# Made by benches/startup_order.py: the functions a start runs, in the order\n"
                "# they first run (the screens to the first frame and q, then "
                + ", ".join(" ".join(c) for c in COMMANDS) + ").\n")
        f.write("\n".join(names) + "\n")
    print(f"{len(names)} functions written to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
