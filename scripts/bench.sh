#!/usr/bin/env bash
# Whole-process timings of the release binary with hyperfine (Debian package
# `hyperfine`). Writes generated data to bench-data/ (git-ignored).
# usage: scripts/bench.sh [--export-markdown FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 1; }
cargo build --release --quiet
bin=target/release/emograph
mkdir -p bench-data
python3 scripts/gen_sheet.py steps 30 bench-data/steps30.csv
[ -f bench-data/cases50k.csv ] || python3 scripts/gen_sheet.py cases 50000 20 bench-data/cases50k.csv

hyperfine --warmup 3 --runs 30 -N "$@" \
  -n "plot 30 steps -> PNG 1600x900" "$bin plot bench-data/steps30.csv -o bench-data/out.png" \
  -n "plot 30 steps -> SVG" "$bin plot bench-data/steps30.csv -o bench-data/out.svg"
