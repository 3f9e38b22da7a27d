#!/usr/bin/env python3
"""Generate scipy reference vectors for emograph's turning-point detection.

Prints a Rust table (one `V { .. }` entry per sequence) holding, for each seeded
random integer sequence x, `scipy.signal.find_peaks(x)[0]` with
`scipy.signal.peak_prominences(x, peaks)[0]`, and the same for -x (troughs).
The table is pasted into the `scipy_vectors` test in src/analysis/turning.rs.

Usage: pip install scipy numpy && python3 gen_vectors.py
"""
import numpy as np
from scipy.signal import find_peaks, peak_prominences

SEED = 20240601
COUNT = 60


def sequences(rng):
    # A few fixed edge cases first: empty, tiny, all equal, plateaus at the ends.
    yield []
    yield [3]
    yield [1, -2]
    yield [2, 2, 2, 2]
    yield [4, 4, 1, 0, 0]
    yield [-1, 3, 3, 3, -1, -4, -4, -4, -4, 2]
    while True:
        n = int(rng.integers(0, 26))
        x = []
        for _ in range(n):
            # Repeat the previous value often so that plateaus are common.
            if x and rng.random() < 0.35:
                x.append(x[-1])
            else:
                x.append(int(rng.integers(-5, 6)))
        yield x


def rust_floats(a):
    return ", ".join(repr(float(v)) for v in a)


def rust_ints(a):
    return ", ".join(str(int(v)) for v in a)


def main():
    rng = np.random.default_rng(SEED)
    gen = sequences(rng)
    for _ in range(COUNT):
        x = np.array(next(gen), dtype=float)
        row = []
        for s in (x, -x):
            peaks = find_peaks(s)[0]
            prominences = peak_prominences(s, peaks)[0]
            row.append((peaks, prominences))
        (p, pp), (t, tp) = row
        print(
            f"    V {{ x: &[{rust_ints(x)}], peaks: &[{rust_ints(p)}], "
            f"peak_prom: &[{rust_floats(pp)}], troughs: &[{rust_ints(t)}], "
            f"trough_prom: &[{rust_floats(tp)}] }},"
        )


if __name__ == "__main__":
    main()
