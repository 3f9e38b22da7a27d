#!/usr/bin/env bash
# Regenerate every picture the README and docs/guide.md show, from the
# shipped examples, with the release build. Run after any change to what the
# graph draws, then look at them (docs/images/) before committing.
# usage: scripts/make-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/emograph
img=docs/images
q=(--quiet)

$bin plot examples/cinema-survey.csv -o $img/cinema-survey.png "${q[@]}"
$bin plot examples/cinema-evening.csv -o $img/cinema-evening.png "${q[@]}"
$bin plot examples/cinema-evening.csv --theme dark -o $img/cinema-evening-dark.png "${q[@]}"
$bin plot examples/cinema-evening.csv --no-pattern --theme print -o $img/cinema-evening-print.png "${q[@]}"
$bin plot examples/contact-us.csv -o $img/contact-us.png "${q[@]}"
$bin plot examples/contact-us.csv --x time -o $img/contact-us-time.png "${q[@]}"
$bin plot examples/contact-us.csv --notes -o $img/contact-us-notes.png "${q[@]}"
$bin plot examples/contact-us-he.csv --lang he --title "פנייה דרך צור קשר" -o $img/contact-us-he.png "${q[@]}"
$bin plot examples/cable-tv-installation.csv -o $img/cable-tv-installation.png "${q[@]}"
$bin plot examples/cable-tv-installation.csv --no-pattern -o $img/cable-tv-installation-cases.png "${q[@]}"
$bin compare examples/contact-us-redesign.csv -o $img/contact-us-redesign.png >/dev/null 2>&1
echo "pictures written to $img/: look at them before committing"
