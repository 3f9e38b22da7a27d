#!/usr/bin/env python3
"""Benchmark peer of `emograph pattern SHEET --format json` (issue 12) with
DuckDB: the same per-step statistics as pattern_pandas.py, in SQL.

usage: pattern_duckdb.py SHEET.csv OUT.json
"""
import json
import sys

import duckdb

CRITICAL = -3.0

sheet, out = sys.argv[1], sys.argv[2]
rows = duckdb.sql(
    f"""
    SELECT step, count(feeling) AS n, avg(feeling) AS mean, stddev_samp(feeling) AS sd,
           quantile_cont(feeling, 0.5) AS median,
           quantile_cont(feeling, 0.25) AS p25, quantile_cont(feeling, 0.75) AS p75,
           min(feeling) AS min, max(feeling) AS max,
           avg(CASE WHEN feeling <= {CRITICAL} THEN 1.0 ELSE 0.0 END) AS critical_share,
           min(r) AS first
    FROM (SELECT step, feeling, row_number() OVER () AS r
          FROM read_csv('{sheet}', header = true))
    GROUP BY step ORDER BY first
    """
).fetchall()
names = ["step", "n", "mean", "sd", "median", "p25", "p75", "min", "max", "critical_share"]
with open(out, "w") as f:
    json.dump({"steps": [dict(zip(names, r[:10])) for r in rows]}, f, indent=2)
