#!/usr/bin/env python3
"""The ratio behind issue 12's "within 2x of a bare read", measured so that
it holds on a noisy machine: the bare read (benches/bare_read.rs) and
`emograph pattern --format json` are run in turn, ROUNDS times each,
interleaved (so a slow spell of the machine slows both alike), and the
medians are compared. Standard library only.

usage: ratio_to_bare.py BARE_READ EMOGRAPH SHEET [ROUNDS]
"""
import resource
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    bare, emograph, sheet = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    runs = {
        "bare read (csv crate)": [bare, sheet],
        "emograph pattern --format json": [
            emograph, "pattern", sheet, "--format", "json", "--report", "bench-data/pattern.json",
        ],
    }
    wall = {name: [] for name in runs}
    cpu = {name: [] for name in runs}
    for round in range(rounds + 2):  # the first two rounds warm up
        for name, command in runs.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            took = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round >= 2:
                wall[name].append(took)
                cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    base = statistics.median(wall["bare read (csv crate)"])
    print(f"== {rounds} rounds, interleaved; medians (process start to exit, as Python sees it)")
    for name in runs:
        w = wall[name]
        print(
            f"{name:32s} median {statistics.median(w) * 1e3:6.1f} ms  "
            f"min {min(w) * 1e3:6.1f} ms  max {max(w) * 1e3:6.1f} ms  "
            f"CPU {statistics.median(cpu[name]) * 1e3:6.1f} ms  "
            f"x{statistics.median(w) / base:.2f} the bare read"
        )


if __name__ == "__main__":
    main()
