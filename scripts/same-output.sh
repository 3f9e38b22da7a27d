#!/usr/bin/env bash
# Behaviour check for refactorings: runs one matrix of commands (every
# example and test fixture through plot, analyze, pattern, validate and
# template, in every output format, bad inputs included) with two emograph
# binaries and compares every output file, stdout, stderr and exit code
# byte for byte.
#
# usage: scripts/same-output.sh OLD_BINARY [NEW_BINARY]
#   NEW_BINARY defaults to this checkout's release build (built first).
#   To get an old binary: git worktree add /tmp/old REV && (cd /tmp/old && cargo build --release)
# Exit 0 when everything is identical; otherwise the differing runs are listed.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "${1:?usage: scripts/same-output.sh OLD_BINARY [NEW_BINARY]}")
if [ -n "${2:-}" ]; then
  new=$(realpath "$2")
else
  cargo build --release --quiet
  new=$(realpath target/release/emograph)
fi
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

inputs=()
for f in examples/*.csv tests/fixtures/*.csv tests/fixtures/*.txt tests/fixtures/bad/*; do
  [ -f "$f" ] && inputs+=("$f")
done

# One line per run: a name, then the arguments (INPUT is replaced by the file).
matrix() {
  cat <<'EOF'
plot-svg	plot INPUT -o out.svg
plot-png	plot INPUT -o out.png
plot-small	plot INPUT -o out.png --width 800 --height 450
plot-nopattern	plot INPUT -o out.svg --no-pattern
plot-nomarks	plot INPUT -o out.svg --no-marks
plot-time	plot INPUT -o out.svg --x time
plot-mean	plot INPUT -o out.svg --stat mean --band minmax --cases all --title Title
plot-critical	plot INPUT -o out.svg --critical -2 --prominence 0.5
analyze-table	analyze INPUT
analyze-json	analyze INPUT --format json
analyze-csv	analyze INPUT --format csv -o out.csv
pattern-table	pattern INPUT
pattern-json	pattern INPUT --format json
pattern-csv	pattern INPUT --format csv --report out.csv -o out.svg
pattern-png	pattern INPUT --report out.json --format json -o out.png
pattern-by-seg	pattern INPUT --by segment --format json -o by.svg
pattern-by-ver	pattern INPUT --by version --format csv
validate-text	validate INPUT
validate-json	validate INPUT --format json
EOF
}

run_all() { # BINARY OUTDIR
  local bin=$1 out=$2 name args f id dir
  mkdir -p "$out"
  for f in "${inputs[@]}"; do
    while IFS=$'\t' read -r name args; do
      id="$(echo "$f" | tr '/' '_')__$name"
      dir="$out/$id"
      mkdir -p "$dir"
      cp "$repo/$f" "$dir/input.${f##*.}"
      # shellcheck disable=SC2086
      (cd "$dir" && set -- ${args//INPUT/input.${f##*.}} &&
        rc=0; "$bin" "$@" >stdout 2>stderr </dev/null || rc=$?; echo $rc >exit)
    done < <(matrix)
  done
  for t in "template" "template --wide" "template --lang he" "template --wide --lang he"; do
    id="template_${t// /_}"
    mkdir -p "$out/$id"
    # shellcheck disable=SC2086
    (cd "$out/$id" && rc=0 && { "$bin" $t >stdout 2>stderr || rc=$?; } && echo $rc >exit)
  done
}

run_all "$old" "$work/old"
run_all "$new" "$work/new"
if diff -r -q "$work/old" "$work/new" >"$work/diff"; then
  runs=$(find "$work/old" -name exit | wc -l)
  files=$(find "$work/old" -type f | wc -l)
  echo "same output: $runs runs, $files files compared byte for byte"
else
  echo "outputs differ:" >&2
  sed "s|$work/||g" "$work/diff" >&2
  exit 1
fi
