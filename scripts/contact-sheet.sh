#!/usr/bin/env bash
# Render every example both ways — PNG (emograph's own text drawing) and SVG
# as a browser shows it (headless Chromium) — side by side in one HTML
# contact sheet, for looking at the pictures as a facilitator would.
# Chromium from Debian: apt-get update && apt-get install -y chromium
# usage: scripts/contact-sheet.sh [out-dir]   (default: contact-sheet/, git-ignored)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-contact-sheet}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cargo build --release --quiet
bin=target/release/emograph
chrome=$(command -v chromium || command -v chromium-browser || true)
rows=""
run() { # name, window size (W,H), then plot flags
  local name=$1 size=$2; shift 2
  "$bin" plot "$@" -o "$out/$name.png" >/dev/null
  "$bin" plot "$@" -o "$out/$name.svg" >/dev/null
  local shot="$name.svg.png"
  if [ -n "$chrome" ]; then
    "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking \
      --no-first-run --disable-sync --disable-component-update --hide-scrollbars \
      --window-size=$size --screenshot="$out/$shot" "file://$out/$name.svg" \
      >/dev/null 2>&1 || shot="$name.svg"
  else
    shot="$name.svg"
  fi
  rows+="<tr><th colspan=2>$name: plot $*</th></tr><tr><td><img src=\"$name.png\"></td><td><img src=\"$shot\"></td></tr>"
}
for f in examples/*.csv; do
  n=$(basename "$f" .csv)
  run "$n" 1600,900 "$f"
  run "$n-800" 800,450 "$f" --width 800 --height 450
done
run contact-us-time 1600,900 examples/contact-us.csv --x time
run contact-us-no-marks 1600,900 examples/contact-us.csv --no-marks
run contact-us-notes 1600,900 examples/contact-us.csv --notes
cat > "$out/index.html" <<HTML
<!doctype html><meta charset=utf-8><title>emograph contact sheet</title>
<style>img{width:780px;border:1px solid #ccc}th{text-align:left;font:14px sans-serif;padding-top:1em}</style>
<table><tr><th>PNG</th><th>SVG in Chromium</th></tr>$rows</table>
HTML
echo "open $out/index.html"
