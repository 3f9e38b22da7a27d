#!/usr/bin/env bash
# Whole-process timings of the release binary with hyperfine (Debian package
# `hyperfine`), plus peak memory with GNU time. Generated data goes to
# bench-data/ (git-ignored). Results: docs/performance.md. Python peers of the
# coming compare and batch benchmarks: scripts/bench-peers.sh.
# usage: scripts/bench.sh [extra hyperfine flags, e.g. --export-markdown FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 1; }
cargo build --release --quiet
bin=target/release/emograph
mkdir -p bench-data
python3 scripts/gen_sheet.py steps 30 bench-data/steps30.csv
[ -f bench-data/cases50k.csv ] || python3 scripts/gen_sheet.py cases 50000 20 bench-data/cases50k.csv

echo "== plot: a 30-step sheet (targets: PNG < 60 ms, SVG < 15 ms)"
hyperfine --warmup 3 --runs 30 -N "$@" \
  -n "plot 30 steps -> PNG 1600x900" "$bin plot bench-data/steps30.csv -o bench-data/out.png" \
  -n "plot 30 steps -> SVG" "$bin plot bench-data/steps30.csv -o bench-data/out.svg"

echo "== 1,000,000 rows: 50,000 cases x 20 steps (targets: analyze < 1.5 s, pattern < 1 s and < 250 MB)"
hyperfine --warmup 1 --runs 5 -N "$@" \
  -n "analyze --format json, 1M rows" "$bin analyze bench-data/cases50k.csv --format json -o bench-data/analysis.json" \
  -n "pattern --format json, 1M rows" "$bin pattern bench-data/cases50k.csv --format json --report bench-data/pattern.json"

echo "== peak memory (maximum resident set size)"
for cmd in "analyze bench-data/cases50k.csv --format json -o bench-data/analysis.json" \
           "pattern bench-data/cases50k.csv --format json --report bench-data/pattern.json"; do
  /usr/bin/time -f "%M KB  emograph $cmd" $bin $cmd
done
