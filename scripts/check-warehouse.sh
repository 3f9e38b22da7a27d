#!/usr/bin/env bash
# The warehouse path of docs/scale.md, checked: a generated long sheet (2,000
# cases x 20 steps, phases, an order column, skipped steps) is loaded into
# DuckDB as `responses`; the DuckDB query of docs/scale.md (taken from the doc
# itself, so the doc cannot drift) writes its summary; emograph writes its own
# summary of the same sheet (`pattern --format csv`). Then emograph must report
# (`pattern --format json`, and the table) and draw (`plot`, SVG and PNG) the
# DuckDB summary exactly as its own, byte for byte. Exits 1 if not.
# DuckDB runs from the venv of scripts/bench-peers.sh (bench-data/venv; made here if missing).
# usage: scripts/check-warehouse.sh [EMOGRAPH_BINARY]   (default: this checkout's release build)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${1:-}" ]; then
  bin=$(realpath "$1")
else
  cargo build --release --quiet
  bin=$(realpath target/release/emograph)
fi
venv=bench-data/venv
if ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q duckdb
fi
py=$venv/bin/python
out=bench-data/warehouse
rm -rf "$out" && mkdir -p "$out"

# A long sheet: 20 steps in 4 phases, every case skipping some steps (an empty feeling).
python3 - "$out/responses.csv" <<'PY'
import random, sys
rng = random.Random(20261123)
steps = [f"Step {i + 1:02d}" for i in range(20)]
phases = ["before", "during", "after", "later"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("case,step,step_order,phase,feeling\n")
    for c in range(2000):
        for i, s in enumerate(steps):
            centre = [2, 0, -3, 1, -1][i % 5]
            v = "" if rng.random() < 0.1 else str(max(-5, min(5, centre + rng.randint(-2, 2))))
            f.write(f"C{c:05d},{s},{i + 1},{phases[i // 5]},{v}\n")
PY

# The query exactly as docs/scale.md prints it, writing to our folder.
"$py" - docs/scale.md "$out" <<'PY'
import re, sys, duckdb
doc, out = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
query = re.search(r"## DuckDB\n+```sql\n(.*?)```", doc, re.S).group(1)
assert "TO 'summary.csv'" in query, "the query of docs/scale.md writes summary.csv"
con = duckdb.connect()
con.execute(f"""CREATE TABLE responses AS
  SELECT "case" AS case_id, step, step_order, phase, feeling
  FROM read_csv('{out}/responses.csv', header = true,
                columns = {{'case': 'VARCHAR', 'step': 'VARCHAR', 'step_order': 'INTEGER',
                           'phase': 'VARCHAR', 'feeling': 'INTEGER'}})""")
con.execute(query.replace("TO 'summary.csv'", f"TO '{out}/duckdb.csv'"))
print("== DuckDB", duckdb.__version__, "wrote", out + "/duckdb.csv")
PY

"$bin" pattern "$out/responses.csv" --format csv --report "$out/own.csv"
fail=0
same() { # what, file a, file b
  if cmp -s "$2" "$3"; then echo "same: $1"; else echo "DIFFERENT: $1 ($2 vs $3)"; fail=1; fi
}
for src in duckdb own; do
  "$bin" pattern "$out/$src.csv" --format json --report "$out/$src-report.json"
  "$bin" pattern "$out/$src.csv" > "$out/$src-report.txt"
  "$bin" plot "$out/$src.csv" --title "Warehouse check" -o "$out/$src.svg"
  "$bin" plot "$out/$src.csv" --title "Warehouse check" -o "$out/$src.png"
done
same "pattern --format json" "$out/duckdb-report.json" "$out/own-report.json"
same "pattern (table)" "$out/duckdb-report.txt" "$out/own-report.txt"
same "plot -o .svg" "$out/duckdb.svg" "$out/own.svg"
same "plot -o .png" "$out/duckdb.png" "$out/own.png"
# The figures themselves: equal to the 12 significant digits emograph writes.
"$py" - "$out/duckdb.csv" "$out/own.csv" <<'PY' || fail=1
import csv, sys
a, b = (list(csv.DictReader(open(p, encoding="utf-8"))) for p in sys.argv[1:3])
assert [r["step"] for r in a] == [r["step"] for r in b], "the steps or their order differ"
bad = 0
for x, y in zip(a, b):
    for k in ["n", "mean", "sd", "median", "p25", "p75", "min", "max", "critical_share", "below_neutral_share"]:
        u, v = float(x[k]), float(y[k])
        if abs(u - v) > 1e-11 * max(1.0, abs(u)):
            print(f"DIFFERENT: {x['step']} {k}: DuckDB {u}, emograph {v}"); bad += 1
    if x["phase"] != y["phase"]:
        print(f"DIFFERENT: {x['step']} phase"); bad += 1
print("same: every figure of every step" if not bad else f"{bad} figures differ")
sys.exit(1 if bad else 0)
PY
exit $fail
