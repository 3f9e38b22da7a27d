#!/usr/bin/env python3
"""Generate scipy reference values for emograph's before/after comparison.

Prints Rust literals for the tests in src/analysis/compare/mann_whitney.rs:

* `V { before, after, u, p }` entries: for each pair of samples,
  `scipy.stats.mannwhitneyu(before, after, alternative="two-sided",
  method="asymptotic")` as (statistic, pvalue) — ties, identical samples,
  all values equal, small and seeded random samples, a far tail;
* `LARGE_U` / `LARGE_P`: the same for the large generated samples of the
  `large_sample_agrees_with_scipy` test (the formula is repeated there).

Usage: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scipy numpy
       /tmp/venv/bin/python scripts/scipy_compare_vectors.py
"""
import numpy as np
import scipy
from scipy.stats import mannwhitneyu

SEED = 20261123
RANDOM = 12


def samples(rng):
    # Fixed edge cases first.
    yield [1, 2, 2], [2, 3]                      # ties across the sides
    yield [1, 2, 3], [3, 2, 1]                   # identical samples: p = 1
    yield [2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2] # all equal: p = 1
    yield [-3, -3, -1, 0, 0, 2, 4, -5], [0, 1, -3, 2, 2, 5]
    yield [-4, -5, -3, -4], [2, 3, 1, 4, 3]      # fully separated
    yield [0.5, -1.25, 2.75, 3.0], [1.5, -0.5, 2.75]
    # A far tail: p around 1e-17.
    yield list(range(-40, 0)), list(range(1, 41))
    while True:
        n1 = int(rng.integers(2, 40))
        n2 = int(rng.integers(2, 40))
        shift = int(rng.integers(-2, 3))
        b = [int(v) for v in rng.integers(-5, 6, n1)]
        a = [int(min(5, max(-5, v + shift))) for v in rng.integers(-5, 6, n2)]
        yield b, a


def large():
    """The large samples, by a formula the Rust test repeats."""
    before = [(i * 7) % 11 - 5 for i in range(20000)]
    after = [5 if j % 50 == 0 else (j * 3) % 11 - 5 for j in range(25000)]
    return before, after


def floats(xs):
    return ", ".join(repr(float(x)) for x in xs)


def main():
    print(f"// scipy {scipy.__version__}, numpy {np.__version__}")
    rng = np.random.default_rng(SEED)
    gen = samples(rng)
    for _ in range(7 + RANDOM):
        b, a = next(gen)
        r = mannwhitneyu(b, a, alternative="two-sided", method="asymptotic")
        print(
            f"        V {{ before: &[{floats(b)}], after: &[{floats(a)}], "
            f"u: {float(r.statistic)!r}, p: {float(r.pvalue)!r} }},"
        )
    b, a = large()
    r = mannwhitneyu(b, a, alternative="two-sided", method="asymptotic")
    print(f"    const LARGE_U: f64 = {float(r.statistic)!r};")
    print(f"    const LARGE_P: f64 = {float(r.pvalue)!r};")


if __name__ == "__main__":
    main()
