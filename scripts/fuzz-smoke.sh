#!/usr/bin/env bash
# The fuzz smoke run for CI: a few hundred mutated inputs through every
# command (scripts/fuzz.py; docs/fuzzing.md has the long run). Fails on any
# panic, timeout, stderr not starting with `error:` on failure, bad JSON or
# SVG, or a file left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --quiet
python3 scripts/fuzz.py --bin target/debug/emograph --count "${FUZZ_COUNT:-300}" --seed "${FUZZ_SEED:-1}" --time-limit 60
