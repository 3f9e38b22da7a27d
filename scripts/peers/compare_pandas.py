#!/usr/bin/env python3
"""Benchmark peer of `emograph compare BEFORE AFTER --format json` (issue 7):
the same per-step test written the way an analyst would, with pandas + scipy.

usage: compare_pandas.py BEFORE.csv AFTER.csv OUT.json

Both files are long sheets (`step` and `feeling` columns; others ignored) on
the default scale -5..5 (neutral 0, critical level -3). Steps are merged in
journey order (before's order; a step only in after goes right after the step
it follows there). Per step, for each side: n, median, mean, p25, p75
(numpy's linear percentiles) and critical_share (share at or below -3); then
delta_median and delta_mean (after - before), the two-sided Mann-Whitney U p-value
(scipy.stats.mannwhitneyu, method="asymptotic": normal approximation with tie
and continuity correction; null when a side has fewer than 2 values), the
effect (Cliff's delta: share of pairs where after is higher minus share where
it is lower), the Holm-Bonferroni adjusted p_holm over the tested steps and
`significant` = p_holm < alpha (0.05). Written as JSON shaped like the
`steps` of emograph's compare contract.
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy.stats import mannwhitneyu

SCALE_MIN, NEUTRAL = -5.0, 0.0
CRITICAL = NEUTRAL - 0.6 * (NEUTRAL - SCALE_MIN)
ALPHA = 0.05


def side(values):
    """Figures of one version at one step, or None when the step is absent."""
    if values is None or len(values) == 0:
        return None
    p25, median, p75 = np.percentile(values, [25, 50, 75])
    return {
        "n": int(len(values)),
        "median": float(median),
        "mean": float(values.mean()),
        "p25": float(p25),
        "p75": float(p75),
        "critical_share": float((values <= CRITICAL).mean()),
    }


def holm(pvalues):
    """Holm-Bonferroni step-down adjustment, monotone, capped at 1."""
    m = len(pvalues)
    order = np.argsort(pvalues, kind="stable")
    adjusted = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        adjusted[i] = running
    return adjusted


def merged_order(before, after):
    order = list(before)
    known = set(order)
    prev = None
    for step in after:
        if step not in known:
            at = order.index(prev) + 1 if prev is not None else 0
            order.insert(at, step)
            known.add(step)
        prev = step
    return order


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    before_path, after_path, out_path = sys.argv[1:4]
    before = pd.read_csv(before_path)
    after = pd.read_csv(after_path)
    b = {k: g.to_numpy(dtype=float) for k, g in before.groupby("step", sort=False)["feeling"]}
    a = {k: g.to_numpy(dtype=float) for k, g in after.groupby("step", sort=False)["feeling"]}

    rows, tested = [], []
    for step in merged_order(b, a):
        x, y = b.get(step), a.get(step)
        row = {
            "step": step,
            "status": "both" if x is not None and y is not None else ("removed" if y is None else "added"),
            "before": side(x),
            "after": side(y),
            "delta_median": None,
            "delta_mean": None,
            "p_value": None,
            "effect": None,
            "p_holm": None,
            "significant": None,
        }
        if row["status"] == "both":
            row["delta_median"] = row["after"]["median"] - row["before"]["median"]
            row["delta_mean"] = row["after"]["mean"] - row["before"]["mean"]
            u1, p = mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")
            # U1 counts pairs where before is higher (ties half): effect = 1 - 2 U1 / (n1 n2).
            row["effect"] = 1.0 - 2.0 * float(u1) / (len(x) * len(y))
            if len(x) >= 2 and len(y) >= 2:
                row["p_value"] = float(p)
                tested.append(len(rows))
        rows.append(row)

    for i, ph in zip(tested, holm(np.array([rows[i]["p_value"] for i in tested]))):
        rows[i]["p_holm"] = float(ph)
        rows[i]["significant"] = bool(ph < ALPHA)

    report = {
        "before": {"label": before_path, "cases": int(before["case"].nunique()) if "case" in before else None},
        "after": {"label": after_path, "cases": int(after["case"].nunique()) if "case" in after else None},
        "steps": rows,
        "removed_steps": [r["step"] for r in rows if r["status"] == "removed"],
        "added_steps": [r["step"] for r in rows if r["status"] == "added"],
        "alpha": ALPHA,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
