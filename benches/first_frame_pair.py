#!/usr/bin/env python3
"""Two builds' first frames on a pseudo-terminal, paired: the two take turns start by
start (as in `first_frame.py`), and what is printed is the median of the per-turn
differences (B - A) with a bootstrap 95% interval, so that a change of a tenth of a
millisecond shows through the machine's noise.

    python3 benches/first_frame_pair.py DB A B [RUNS] [DB_B]

A and B are wijkdesk binaries (copy both the same way first: a file just written by the
linker starts slower than a copy of it, see docs/performance.md, "Seventh round").
RUNS defaults to 150. DB_B, when given, is the database B opens (a copy migrated to a
newer schema, which A could not open)."""
import importlib.util
import os
import random
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("first_frame", os.path.join(HERE, "first_frame.py"))
ff = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ff)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    db, a, b = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 150
    db_b = sys.argv[5] if len(sys.argv) > 5 else db
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("RUST_BACKTRACE", None)
    frame_end = b"\x1b[?2026l"
    programs = [([a, "--db", db], frame_end, env), ([b, "--db", db_b], frame_end, env)]
    times = [[], []]
    for i in range(runs):
        for k in ([0, 1] if i % 2 == 0 else [1, 0]):
            times[k].append(ff.pty_first_frame(f"{i}-{k}", *programs[k]))
    diffs = [y - x for x, y in zip(*times)]
    resampled = sorted(
        statistics.median(random.choices(diffs, k=len(diffs))) for _ in range(2000)
    )
    print(f"A {statistics.median(times[0]):6.2f} ms  {a}")
    print(f"B {statistics.median(times[1]):6.2f} ms  {b}")
    print(f"B - A {statistics.median(diffs):+.3f} ms, 95% [{resampled[50]:+.3f}, {resampled[1949]:+.3f}]")


if __name__ == "__main__":
    main()
