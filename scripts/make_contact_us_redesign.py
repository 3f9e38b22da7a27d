#!/usr/bin/env python3
"""Write examples/contact-us-redesign.csv: 30 customers' "contact us"
inquiries before a redesign ("as is") and 30 after it ("to be"), in one long
sheet with a version column. Seeded, so the file is reproducible.

The redesign replaced the five-day wait for an e-mail reply with a call back
within the hour, and made the form easier to find; the satisfaction survey now
arrives by text message during the call, which customers like less."""
import random

AS_IS = [
    ("before", "Find the Contact us form", -2),
    ("before", "Fill in the form", 0),
    ("during", "Automatic confirmation", 1),
    ("during", "Wait for a reply", -4),
    ("during", "Call back from an agent", 2),
    ("after", "Problem solved", 3),
    ("after", "Satisfaction survey", -1),
]
TO_BE = [
    ("before", "Find the Contact us form", 1),
    ("before", "Fill in the form", 0),
    ("during", "Automatic confirmation", 2),
    ("during", "Call back within the hour", 3),
    ("after", "Problem solved", 3),
    ("after", "Satisfaction survey", -2),
]


def main():
    rng = random.Random(11)
    rows = ["case,version,phase,step,feeling"]
    for version, steps, first in (("as is", AS_IS, 1), ("to be", TO_BE, 101)):
        for c in range(first, first + 30):
            mood = rng.choice([-1, 0, 0, 1])
            for phase, step, base in steps:
                v = base + mood + rng.choice([-2, -1, -1, 0, 0, 0, 1, 1, 2])
                rows.append(f"C{c:03d},{version},{phase},{step},{max(-5, min(5, v))}")
    with open("examples/contact-us-redesign.csv", "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
