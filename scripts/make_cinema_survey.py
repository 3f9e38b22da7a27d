#!/usr/bin/env python3
"""Write examples/cinema-survey.csv: 40 customers' evenings at the cinema,
as a post-visit survey would give them. Seeded, so the file is reproducible.
The shape (parking and the car-park exit hurt, the film delights) follows the
workshop example; each customer varies around it, and some skip steps."""
import random

STEPS = [
    ("before", "Choosing the film online", 2),
    ("before", "Comparing showtimes", 0),
    ("before", "Booking tickets", 1),
    ("before", "Paying online", -1),
    ("before", "Driving there", 0),
    ("during", "Finding parking", -3),
    ("during", "Ticket queue", -1),
    ("during", "Concession queue", -2),
    ("during", "Finding the seat", 1),
    ("during", "The film", 4),
    ("after", "Leaving the car park", -3),
    ("after", "Getting home", 1),
]
SEGMENTS = ["family", "couple", "solo"]


def main():
    rng = random.Random(7)
    rows = ["case,segment,phase,step,feeling"]
    for c in range(1, 41):
        seg = SEGMENTS[c % 3]
        mood = rng.choice([-1, 0, 0, 1])
        for phase, step, base in STEPS:
            # Couples and solo visitors skip the concession queue now and then.
            if step == "Concession queue" and seg != "family" and rng.random() < 0.4:
                continue
            v = base + mood + rng.choice([-2, -1, -1, 0, 0, 0, 1, 1, 2])
            if seg == "family" and step == "Finding parking":
                v -= 1
            rows.append(f"C{c:02d},{seg},{phase},{step},{max(-5, min(5, v))}")
    with open("examples/cinema-survey.csv", "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
