#!/usr/bin/env python3
"""Generate synthetic journey sheets for benchmarks (never committed: they are big).

usage: gen_sheet.py steps N_STEPS OUT.csv              one case, N steps
       gen_sheet.py cases N_CASES N_STEPS OUT.csv      long format, N cases x N steps
       gen_sheet.py compare N_CASES N_STEPS BEFORE.csv AFTER.csv
           a before/after pair for `emograph compare`, long format, N cases x N
           steps each: after a redesign three steps are better (+2), one is
           worse (-2), and one is removed, replaced by a new step at its place
           (so both files have N_STEPS steps per case: one removed, one added);
           cases are B00000… before and A00000… after
       gen_sheet.py segments N_SEGMENTS N_CASES N_STEPS OUT.csv
           long format with a `segment` column, for batch rendering with
           `--by segment`: N_SEGMENTS x N_CASES cases of N_STEPS steps, each
           segment with a shape of its own

Values are drawn from a seeded generator, so every run writes the same file.
Bench sizes (scripts/bench-peers.sh): compare 25000 20 (500,000 rows each);
segments 20 15 20 and segments 1000 30 20 (600,000 rows).
"""
import random
import sys

STEPS = [
    "Search the website", "Compare offers", "Call the hotline", "Wait on hold",
    "Speak to an agent", "Transferred to billing", "Explain again", "Confirmation email",
    "Technician appointment", "Technician visit", "Setup", "First use", "First bill",
    "Support call", "Refund", "Satisfaction survey", "Renewal letter", "Upgrade offer",
    "Cancellation attempt", "Retention call",
]
# The step a redesign puts in place of the removed one (`compare` mode).
ADDED = "Call back within the hour"


def main():
    rng = random.Random(20261122)
    kind = sys.argv[1]
    if kind == "steps":
        n, out = int(sys.argv[2]), sys.argv[3]
        with open(out, "w", encoding="utf-8") as f:
            f.write("step,feeling\n")
            for i in range(n):
                f.write(f"{STEPS[i % len(STEPS)]} {i + 1},{rng.randint(-5, 5)}\n")
    elif kind == "cases":
        cases, n, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        # A typical shape per step plus noise, clamped to the scale.
        shape = [rng.randint(-3, 3) for _ in range(n)]
        with open(out, "w", encoding="utf-8") as f:
            f.write("case,segment,step,feeling\n")
            for c in range(cases):
                seg = "new" if c % 3 else "upgrade"
                for i in range(n):
                    v = max(-5, min(5, shape[i] + rng.randint(-2, 2)))
                    f.write(f"C{c:05d},{seg},{STEPS[i % len(STEPS)]},{v}\n")
    elif kind == "compare":
        cases, n, before, after = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
        if n < 6:
            sys.exit("compare needs at least 6 steps (3 better, 1 worse, 1 removed)")
        shape = [rng.randint(-3, 3) for _ in range(n)]
        # The redesign: which steps moved, and by how much (clamped to the scale).
        better = {1, n // 2, n - 2}
        worse = n // 3
        removed = n // 2 + 2 if n // 2 + 2 not in better else n // 2 + 1
        shift = [2 if i in better else -2 if i == worse else 0 for i in range(n)]
        names = [STEPS[i % len(STEPS)] + ("" if i < len(STEPS) else f" {i + 1}") for i in range(n)]
        for path, redesigned in ((before, False), (after, True)):
            with open(path, "w", encoding="utf-8") as f:
                f.write("case,step,feeling\n")
                for c in range(cases):
                    prefix = "A" if redesigned else "B"
                    for i in range(n):
                        v = shape[i] + rng.randint(-2, 2)
                        name = names[i]
                        if redesigned:
                            v += shift[i]
                            if i == removed:
                                # Replaced by a new step at the same place.
                                name, v = ADDED, 3 + rng.randint(-2, 2)
                        f.write(f"{prefix}{c:05d},{name},{max(-5, min(5, v))}\n")
    elif kind == "segments":
        out = sys.argv[5]
        segs, cases, n = (int(a) for a in sys.argv[2:5])
        shape = [rng.randint(-3, 3) for _ in range(n)]
        names = [STEPS[i % len(STEPS)] + ("" if i < len(STEPS) else f" {i + 1}") for i in range(n)]
        with open(out, "w", encoding="utf-8") as f:
            f.write("case,segment,step,feeling\n")
            for s in range(segs):
                seg = f"Branch {s + 1:04d}"
                # Each segment bends the common shape a little, differently.
                own = [shape[i] + rng.randint(-1, 1) for i in range(n)]
                for c in range(cases):
                    for i in range(n):
                        v = max(-5, min(5, own[i] + rng.randint(-2, 2)))
                        f.write(f"S{s:04d}C{c:03d},{seg},{names[i]},{v}\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
