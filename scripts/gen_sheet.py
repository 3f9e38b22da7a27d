#!/usr/bin/env python3
"""Generate synthetic journey sheets for benchmarks (never committed: they are big).

usage: gen_sheet.py steps N_STEPS OUT.csv              one case, N steps
       gen_sheet.py cases N_CASES N_STEPS OUT.csv      long format, N cases x N steps

Values are drawn from a seeded generator, so every run writes the same file.
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
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
