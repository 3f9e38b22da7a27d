#!/usr/bin/env bash
# Peers for the benchmarks of two coming features, measured with hyperfine:
#   compare (issue 7): two 500,000-row sheets (25,000 cases x 20 steps each),
#     against the same per-step test in pandas + scipy (scripts/peers/compare_pandas.py);
#   batch (issue 8): one pattern graph per segment, against the same loop in
#     matplotlib (scripts/peers/batch_matplotlib.py), 20 segments x 15 cases;
#     1,000 segments x 30 cases x 20 steps (600,000 rows) has absolute targets;
#   survey scale (issue 12): one 1,000,000-row sheet (50,000 cases x 20 steps),
#     `emograph pattern --format json` against the same per-step statistics in
#     pandas, polars and DuckDB (scripts/peers/pattern_*.py; their answers are
#     checked against emograph's first) and against a bare read of the file
#     with the csv crate (benches/bare_read.rs), in one hyperfine run; then
#     the bare read and emograph again, 30 rounds interleaved, by medians
#     (scripts/ratio_to_bare.py); then the peak memory of each (GNU time)
#     and `analyze --format json`.
#   ONLY=scale scripts/bench-peers.sh runs that section alone.
# The emograph side of each is one commented line (marked EMOGRAPH): uncomment
# it when the feature lands. Python peers run from a venv in bench-data/venv
# (PyPI: pandas, scipy, matplotlib, polars, duckdb). Generated data and outputs
# go to bench-data/ (git-ignored). Runs are sequential: this is a 2-core machine.
# usage: scripts/bench-peers.sh [extra hyperfine flags for every run, e.g. --style basic]
#        BIG_PEERS=1 scripts/bench-peers.sh   also time matplotlib on 1,000 segments (minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq hyperfine
  else
    echo "install hyperfine: apt-get install hyperfine" >&2; exit 1
  fi
fi

mkdir -p bench-data
venv=bench-data/venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pandas, scipy, matplotlib, polars, duckdb" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q pandas scipy matplotlib polars duckdb
fi
py=$venv/bin/python

cargo build --release --quiet
cargo build --release --quiet --example bare_read
bin=target/release/emograph

# Data (seeded: the same bytes every time), made once.
[ -f bench-data/after.csv ] || python3 scripts/gen_sheet.py compare 25000 20 bench-data/before.csv bench-data/after.csv
[ -f bench-data/segs20.csv ] || python3 scripts/gen_sheet.py segments 20 15 20 bench-data/segs20.csv
[ -f bench-data/segs1000.csv ] || python3 scripts/gen_sheet.py segments 1000 30 20 bench-data/segs1000.csv

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "== versions: $($bin --version 2>/dev/null || echo emograph ?), $(hyperfine --version)"
"$py" - <<'PY'
import sys, pandas, scipy, matplotlib, polars, duckdb, numpy
print("== python", sys.version.split()[0], "pandas", pandas.__version__, "numpy", numpy.__version__,
      "scipy", scipy.__version__, "matplotlib", matplotlib.__version__,
      "polars", polars.__version__, "duckdb", duckdb.__version__)
PY

echo "== load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"

echo "== survey scale: 1,000,000 rows (50,000 cases x 20 steps), per-step statistics (targets: emograph faster than pandas, polars and DuckDB; within 2x of the bare read; <= 64 MB; analyze < 0.6 s)"
[ -f bench-data/cases50k.csv ] || python3 scripts/gen_sheet.py cases 50000 20 bench-data/cases50k.csv
sheet=bench-data/cases50k.csv
"$bin" pattern "$sheet" --format json --report bench-data/pattern.json
for peer in pandas polars duckdb; do
  "$py" scripts/peers/pattern_$peer.py "$sheet" bench-data/pattern-$peer.json
done
# The peers must compute what emograph computes, step by step.
"$py" - bench-data/pattern.json bench-data/pattern-{pandas,polars,duckdb}.json <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["steps"]
for path in sys.argv[2:]:
    theirs = json.load(open(path))["steps"]
    assert [s["step"] for s in ours] == [s["step"] for s in theirs], f"{path}: other steps"
    for a, b in zip(ours, theirs):
        for k in ["n", "mean", "sd", "median", "p25", "p75", "min", "max", "critical_share"]:
            assert abs(a[k] - b[k]) <= 1e-9 * max(1.0, abs(a[k])), f"{path}: {a['step']} {k}: {a[k]} vs {b[k]}"
print("== the peers' statistics agree with emograph's on every step")
PY
hyperfine --warmup 1 --runs 5 -N "$@" \
  -n "bare read (csv crate)" "target/release/examples/bare_read $sheet" \
  -n "emograph pattern --format json" "$bin pattern $sheet --format json --report bench-data/pattern.json" \
  -n "DuckDB" "$py scripts/peers/pattern_duckdb.py $sheet bench-data/pattern-duckdb.json" \
  -n "polars" "$py scripts/peers/pattern_polars.py $sheet bench-data/pattern-polars.json" \
  -n "pandas" "$py scripts/peers/pattern_pandas.py $sheet bench-data/pattern-pandas.json"
# The 2x target alone, interleaved and by medians: on a noisy machine the
# five runs above can put a slow spell on one side only.
python3 scripts/ratio_to_bare.py target/release/examples/bare_read "$bin" "$sheet" 30
echo "== peak memory (maximum resident set size)"
for run in "target/release/examples/bare_read $sheet" \
           "$bin pattern $sheet --format json --report bench-data/pattern.json" \
           "$bin analyze $sheet --format json -o bench-data/analyze.json" \
           "$py scripts/peers/pattern_duckdb.py $sheet bench-data/pattern-duckdb.json" \
           "$py scripts/peers/pattern_polars.py $sheet bench-data/pattern-polars.json" \
           "$py scripts/peers/pattern_pandas.py $sheet bench-data/pattern-pandas.json"; do
  /usr/bin/time -f "%M KB  $run" $run >/dev/null
done
hyperfine --warmup 1 --runs 5 -N "$@" -n "emograph analyze --format json" "$bin analyze $sheet --format json -o bench-data/analyze.json"
echo "== the warehouse path of docs/scale.md: DuckDB's summary reported and drawn exactly as emograph's own"
scripts/check-warehouse.sh "$bin"
[ "${ONLY:-}" = scale ] && exit 0

echo "== compare: 2 x 500,000 rows, per-step Mann-Whitney + Holm (target: emograph < 1.5 s and faster than pandas + scipy)"
args=(-n "pandas + scipy: compare, 2 x 500k rows"
      "$py scripts/peers/compare_pandas.py bench-data/before.csv bench-data/after.csv bench-data/compare-pandas.json")
# EMOGRAPH (issue 7):
args+=(-n "emograph compare --format json, 2 x 500k rows" "$bin compare bench-data/before.csv bench-data/after.csv --format json --report bench-data/compare.json")
hyperfine --warmup 1 --runs 5 -N "$@" "${args[@]}"

echo "== batch: 20 segments x 15 cases, one pattern graph each (targets: emograph >= 50x faster for SVG, >= 20x for PNG)"
for fmt in svg png; do
  args=(-n "matplotlib: 20 segments -> $fmt" --prepare "rm -rf bench-data/out-mpl-$fmt"
        "$py scripts/peers/batch_matplotlib.py bench-data/segs20.csv bench-data/out-mpl-$fmt $fmt")
  # EMOGRAPH (issue 8):
  args+=(-n "emograph plot --by segment: 20 segments -> $fmt" --prepare "rm -rf bench-data/out-$fmt" "$bin plot bench-data/segs20.csv --by segment --out-dir bench-data/out-$fmt/ --format $fmt")
  hyperfine --warmup 1 --runs 3 -N "$@" "${args[@]}"
done

echo "== batch: 1,000 segments x 30 cases x 20 steps = 600,000 rows (targets: all SVGs < 4 s, all PNGs < 20 s)"
# EMOGRAPH (issue 8):
for fmt in svg png; do hyperfine --warmup 1 --runs 3 -N "$@" --prepare "rm -rf bench-data/out1000-$fmt" -n "emograph plot --by segment: 1,000 segments -> $fmt" "$bin plot bench-data/segs1000.csv --by segment --out-dir bench-data/out1000-$fmt/ --format $fmt"; done

echo "== batch: how time grows with the number of groups (30 cases x 20 steps each, SVG) and with --jobs 1 vs 2"
for n in 100 300 1000; do
  [ -f bench-data/segs$n.csv ] || python3 scripts/gen_sheet.py segments $n 30 20 bench-data/segs$n.csv
done
for jobs in 1 2; do
  hyperfine --warmup 1 --runs 3 -N "$@" --prepare "rm -rf bench-data/outg" \
    -n "100 segments, --jobs $jobs" "$bin plot bench-data/segs100.csv --by segment --out-dir bench-data/outg --format svg --jobs $jobs" \
    -n "300 segments, --jobs $jobs" "$bin plot bench-data/segs300.csv --by segment --out-dir bench-data/outg --format svg --jobs $jobs" \
    -n "1000 segments, --jobs $jobs" "$bin plot bench-data/segs1000.csv --by segment --out-dir bench-data/outg --format svg --jobs $jobs"
done
hyperfine --warmup 1 --runs 3 -N "$@" --prepare "rm -rf bench-data/outg" \
  -n "1000 segments -> png, --jobs 1" "$bin plot bench-data/segs1000.csv --by segment --out-dir bench-data/outg --format png --jobs 1" \
  -n "1000 segments -> png, --jobs 2" "$bin plot bench-data/segs1000.csv --by segment --out-dir bench-data/outg --format png --jobs 2"
if [ "${BIG_PEERS:-0}" = 1 ]; then
  for fmt in svg png; do
    hyperfine --runs 1 -N "$@" --prepare "rm -rf bench-data/out1000-mpl-$fmt" \
      -n "matplotlib: 1,000 segments -> $fmt" \
      "$py scripts/peers/batch_matplotlib.py bench-data/segs1000.csv bench-data/out1000-mpl-$fmt $fmt"
  done
else
  echo "(matplotlib on 1,000 segments takes minutes: BIG_PEERS=1 to time it)"
fi
