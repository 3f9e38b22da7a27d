#!/usr/bin/env python3
"""Benchmark peer of `emograph pattern SHEET --format json` (issue 12), the
way an analyst would write it with pandas.

usage: pattern_pandas.py SHEET.csv OUT.json

The sheet is long (`step` and `feeling` columns; others ignored) on the
default scale -5..5 (critical level -3). Per step, in order of first
appearance: n, mean, sd (sample), median, p25, p75 (linear percentiles, as
numpy), min, max and critical_share (share at or below -3), written as JSON.
"""
import json
import sys

import pandas as pd

CRITICAL = -3.0

sheet, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(sheet, usecols=["step", "feeling"])
g = df.groupby("step", sort=False)["feeling"]
stats = g.agg(["count", "mean", "std", "median", "min", "max"])
stats["p25"] = g.quantile(0.25)
stats["p75"] = g.quantile(0.75)
stats["critical_share"] = (df["feeling"] <= CRITICAL).groupby(df["step"], sort=False).mean()
steps = [
    {"step": step, "n": int(r["count"]), "mean": r["mean"], "sd": r["std"], "median": r["median"],
     "p25": r["p25"], "p75": r["p75"], "min": r["min"], "max": r["max"],
     "critical_share": r["critical_share"]}
    for step, r in stats.iterrows()
]
with open(out, "w") as f:
    json.dump({"steps": steps}, f, indent=2)
