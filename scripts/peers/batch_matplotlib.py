#!/usr/bin/env python3
"""Benchmark peer of `emograph plot INPUT --by segment --out-dir DIR` (issue 8):
one pattern graph per segment, written the way an analyst would with pandas +
matplotlib, one segment after another.

usage: batch_matplotlib.py INPUT.csv OUT_DIR svg|png

INPUT is a long sheet with `segment`, `step` and `feeling` columns on the
default scale -5..5. Per segment (first-appearance order): the median line
and the band of the middle half of the cases (p25..p75) per step, steps in
journey order, over the WOW zone (>= 3, green), the neutral line (0) and the
frustration zone (<= -3, red), titled with the segment, 1600x900 pixels.
File names: the segment with anything but letters, digits, - and _ folded to -.
"""
import re
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

LOW, HIGH, NEUTRAL, CRITICAL, WOW = -5, 5, 0, -3, 3


def safe_name(text):
    name = re.sub(r"[^\w-]+", "-", str(text)).strip("-")
    return name[:100] or "group"


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ("svg", "png"):
        sys.exit(__doc__)
    source, out_dir, fmt = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    out_dir.mkdir(parents=True, exist_ok=True)
    df = pd.read_csv(source)
    order = list(pd.unique(df["step"]))
    for segment, group in df.groupby("segment", sort=False):
        q = group.groupby("step", sort=False)["feeling"].quantile([0.25, 0.5, 0.75]).unstack()
        q = q.reindex([s for s in order if s in q.index])
        x = range(len(q))

        fig, ax = plt.subplots(figsize=(16, 9), dpi=100)
        ax.axhspan(WOW, HIGH, color="#2E7D32", alpha=0.15)
        ax.axhspan(LOW, CRITICAL, color="#C62828", alpha=0.15)
        ax.axhline(NEUTRAL, color="grey", linestyle="--", linewidth=1)
        ax.text(len(q) - 0.6, HIGH - 0.4, "WOW", ha="right", color="#2E7D32")
        ax.text(len(q) - 0.6, NEUTRAL + 0.15, "neutral", ha="right", color="grey")
        ax.text(len(q) - 0.6, LOW + 0.3, "frustration", ha="right", color="#C62828")
        ax.fill_between(x, q[0.25], q[0.75], color="#4A78B5", alpha=0.3,
                        label="middle half of cases (25–75%)")
        ax.plot(x, q[0.5], color="#4A78B5", linewidth=4, marker="o",
                label="median (the typical pattern)")
        ax.set_xticks(list(x), q.index, rotation=30, ha="right")
        ax.set_xlim(-0.5, len(q) - 0.5)
        ax.set_ylim(LOW - 0.5, HIGH + 0.5)
        ax.set_ylabel("feeling (−5 frustration … 0 neutral … 5 WOW)")
        n = group["case"].nunique() if "case" in group else len(group)
        ax.set_title(f"{Path(source).stem} — {segment}: typical pattern of {n} cases")
        ax.legend(loc="upper left")
        fig.tight_layout()
        fig.savefig(out_dir / f"{safe_name(segment)}.{fmt}")
        plt.close(fig)


if __name__ == "__main__":
    main()
