#!/usr/bin/env python3
"""Benchmark peer of `emograph pattern SHEET --format json` (issue 12) with
polars: the same per-step statistics as pattern_pandas.py.

usage: pattern_polars.py SHEET.csv OUT.json
"""
import json
import sys

import polars as pl

CRITICAL = -3.0

sheet, out = sys.argv[1], sys.argv[2]
f = pl.col("feeling")
stats = (
    pl.scan_csv(sheet)
    .select("step", f.cast(pl.Float64))
    .group_by("step", maintain_order=True)
    .agg(
        f.count().alias("n"), f.mean().alias("mean"), f.std().alias("sd"),
        f.median().alias("median"),
        f.quantile(0.25, interpolation="linear").alias("p25"),
        f.quantile(0.75, interpolation="linear").alias("p75"),
        f.min().alias("min"), f.max().alias("max"),
        (f <= CRITICAL).mean().alias("critical_share"),
    )
    .collect()
)
with open(out, "w") as fh:
    json.dump({"steps": stats.to_dicts()}, fh, indent=2)
