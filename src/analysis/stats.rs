//! Per-step statistics over the values the cases have at one step.
//!
//! **Per-step statistics** over the cases that have a value at that step: n,
//! mean, sd (sample, null for n < 2), median, p25, p75 (linear interpolation
//! between closest ranks — numpy's default percentile), min, max,
//! `critical_share` (share of those cases at or below the critical level),
//! `below_neutral_share`.
//!
//! Self-contained: depends only on `std` and `serde`.

/// Per-step statistics over the cases that have a value at that step: n,
/// mean, sd (sample, null for n < 2), median, p25, p75 (linear interpolation
/// between closest ranks — numpy's default percentile), min, max,
/// `critical_share` (share of those cases at or below the critical level),
/// `below_neutral_share`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StepStats {
    /// Number of cases with a value at the step.
    pub n: usize,
    pub mean: f64,
    /// Sample standard deviation (divisor n − 1); `None` (null) for n < 2.
    pub sd: Option<f64>,
    pub median: f64,
    pub p25: f64,
    pub p75: f64,
    pub min: f64,
    pub max: f64,
    /// Share of the n cases at or below the critical level.
    pub critical_share: f64,
    /// Share of the n cases below the neutral level.
    pub below_neutral_share: f64,
}

/// numpy.percentile(x, q, method="linear") on an already ascending-sorted
/// slice; q in 0..=100. None for empty.
///
/// Linear interpolation between closest ranks: with `h = (n − 1)·q/100`,
/// the result lies between `sorted[⌊h⌋]` and `sorted[⌊h⌋ + 1]` at fraction
/// `h − ⌊h⌋`, computed exactly as numpy does (same rounding). A `q` outside
/// 0..=100 is clamped into it; a NaN `q` gives `None`.
pub fn percentile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    percentile_of(sorted.len(), |k| sorted[k], q)
}

/// [`percentile_sorted`] of `n` ascending values, value `k` being `at(k)`.
fn percentile_of(n: usize, at: impl Fn(usize) -> f64, q: f64) -> Option<f64> {
    let last = n.checked_sub(1)?;
    if q.is_nan() {
        return None;
    }
    let q = q.clamp(0.0, 100.0);
    let h = (q / 100.0) * last as f64;
    let lo_f = h.floor();
    // `as` saturates; `min` keeps the index in range.
    let lo = (lo_f as usize).min(last);
    let hi = (lo + 1).min(last);
    let (a, b) = (at(lo), at(hi));
    Some(lerp(a, b, h - lo_f))
}

/// numpy's `_lerp`: `a + (b − a)·t`, or `b − (b − a)·(1 − t)` for `t ≥ 0.5`.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

/// Sort `values` ascending, in `f64::total_cmp`'s order. Feelings are
/// mostly whole numbers on a small scale: those are counted and written
/// back in order, one pass where a sort takes several; anything else is
/// sorted.
pub fn sort_values(values: &mut [f64]) {
    let mut counts = Counts::default();
    if !values.iter().all(|&v| counts.add(v)) {
        values.sort_unstable_by(f64::total_cmp);
        return;
    }
    for (slot, v) in values.iter_mut().zip(counts.sorted()) {
        *slot = v;
    }
}

/// Neumaier's compensated sum.
fn careful_sum(values: impl Iterator<Item = f64>) -> f64 {
    let mut sum = Neumaier::default();
    for v in values {
        sum.add(v);
    }
    sum.total()
}

/// The running state of Neumaier's compensated sum.
#[derive(Default)]
struct Neumaier {
    sum: f64,
    comp: f64,
}

impl Neumaier {
    #[inline]
    fn add(&mut self, v: f64) {
        let t = self.sum + v;
        if self.sum.abs() >= v.abs() {
            self.comp += (self.sum - t) + v;
        } else {
            self.comp += (v - t) + self.sum;
        }
        self.sum = t;
    }

    fn total(&self) -> f64 {
        let total = self.sum + self.comp;
        // Infinite inputs make `comp` NaN; fall back to the plain sum.
        if total.is_nan() && !self.sum.is_nan() {
            self.sum
        } else {
            total
        }
    }
}

/// Sorts `values` in place (total_cmp) and computes the stats; None for an
/// empty slice. `tol` is a tolerance added to comparisons: at-or-below
/// critical means v <= critical + tol; below neutral means v < neutral - tol.
///
/// Per-step statistics over the cases that have a value at that step: n,
/// mean, sd (sample, null for n < 2), median, p25, p75 (linear interpolation
/// between closest ranks — numpy's default percentile), min, max,
/// `critical_share` (share of those cases at or below the critical level),
/// `below_neutral_share`.
///
/// The mean uses a compensated (Neumaier) sum, so sums of many small
/// integers or one-decimal values are exact or correctly rounded; it is kept
/// within [min, max]. sd is two-pass: sqrt(Σ(v − mean)² / (n − 1)). Values
/// are expected to be finite; NaN or infinite values never panic but
/// propagate into the results.
pub fn step_stats(values: &mut [f64], neutral: f64, critical: f64, tol: f64) -> Option<StepStats> {
    sort_values(values);
    stats_of_sorted(&SortedSlice(values), neutral, critical, tol)
}

/// How many times each whole number from [`Counts::LOW`] to
/// [`Counts::LOW`]` + 255` occurs among one step's values: the values of a
/// large sheet's step (tens of thousands, of a dozen different whole
/// numbers) held and sorted at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts(pub [usize; 256]);

impl Default for Counts {
    fn default() -> Self {
        Counts([0; 256])
    }
}

impl Counts {
    /// The smallest number counted.
    pub const LOW: i64 = -128;

    /// Count `v`; `false` (and nothing counted) when it is not a whole
    /// number in the range, or is -0.0: its bits must come back as they were.
    #[inline]
    pub fn add(&mut self, v: f64) -> bool {
        let whole = v as i64;
        let slot = whole.wrapping_sub(Self::LOW) as u64;
        let fits = slot < 256 && (whole as f64).to_bits() == v.to_bits();
        if fits {
            self.0[slot as usize] += 1;
        }
        fits
    }

    /// The number of values counted.
    pub fn len(&self) -> usize {
        self.0.iter().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values in ascending order.
    pub fn sorted(&self) -> impl Iterator<Item = f64> + '_ {
        self.0
            .iter()
            .enumerate()
            .flat_map(|(slot, &n)| std::iter::repeat_n((slot as i64 + Self::LOW) as f64, n))
    }

    /// The `k`-th value in ascending order (0-based); `cumulative[i]` is
    /// the number of values in slots up to and including `i`.
    fn at(cumulative: &[usize; 256], k: usize) -> f64 {
        let slot = cumulative.partition_point(|&c| c <= k);
        (slot as i64 + Self::LOW) as f64
    }
}

/// [`step_stats`] of values held as [`Counts`]: the same figures, worked
/// out by the same steps in the same order as from the sorted values.
pub fn counted_stats(counts: &Counts, neutral: f64, critical: f64, tol: f64) -> Option<StepStats> {
    let mut cumulative = [0usize; 256];
    let mut total = 0;
    for (c, &n) in cumulative.iter_mut().zip(&counts.0) {
        total += n;
        *c = total;
    }
    stats_of_sorted(&SortedCounts { counts, cumulative }, neutral, critical, tol)
}

/// Values in ascending order, as the statistics read them.
trait Sorted {
    fn len(&self) -> usize;
    /// The `k`-th value (0-based).
    fn at(&self, k: usize) -> f64;
    /// The compensated sum of the values, in order.
    fn sum(&self) -> f64;
    /// The compensated sum of the squares of the values' distances from
    /// `mean`, in order.
    fn squares(&self, mean: f64) -> f64;
    /// How many values `keep` keeps.
    fn count(&self, keep: impl Fn(f64) -> bool) -> usize;
}

/// Values sorted in a slice.
struct SortedSlice<'a>(&'a [f64]);

impl Sorted for SortedSlice<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn at(&self, k: usize) -> f64 {
        self.0[k]
    }

    fn sum(&self) -> f64 {
        careful_sum(self.0.iter().copied())
    }

    fn squares(&self, mean: f64) -> f64 {
        careful_sum(self.0.iter().map(|&v| (v - mean) * (v - mean)))
    }

    fn count(&self, keep: impl Fn(f64) -> bool) -> usize {
        self.0.iter().filter(|&&v| keep(v)).count()
    }
}

/// Values held as counts, with the running total of the counts.
struct SortedCounts<'a> {
    counts: &'a Counts,
    cumulative: [usize; 256],
}

impl SortedCounts<'_> {
    /// Each whole number counted, with its count, in order.
    fn runs(&self) -> impl Iterator<Item = (f64, usize)> + '_ {
        self.counts
            .0
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(slot, &n)| ((slot as i64 + Counts::LOW) as f64, n))
    }
}

impl Sorted for SortedCounts<'_> {
    fn len(&self) -> usize {
        self.cumulative[255]
    }

    fn at(&self, k: usize) -> f64 {
        Counts::at(&self.cumulative, k)
    }

    /// The compensated sum of whole numbers whose sum stays below 2^53
    /// is their exact sum: every partial sum is exact, and nothing is
    /// left to compensate. Worked out in integers, then, when it is so.
    fn sum(&self) -> f64 {
        let exact: i128 = self
            .runs()
            .map(|(v, n)| i128::from(v as i64) * n as i128)
            .sum();
        let most = self.runs().map(|(v, n)| v.abs() * n as f64).sum::<f64>();
        if most < 9.0e15 {
            return exact as f64;
        }
        let mut sum = Neumaier::default();
        for (v, n) in self.runs() {
            for _ in 0..n {
                sum.add(v);
            }
        }
        sum.total()
    }

    fn squares(&self, mean: f64) -> f64 {
        let mut sum = Neumaier::default();
        for (v, n) in self.runs() {
            let square = (v - mean) * (v - mean);
            for _ in 0..n {
                sum.add(square);
            }
        }
        sum.total()
    }

    fn count(&self, keep: impl Fn(f64) -> bool) -> usize {
        self.runs().filter(|&(v, _)| keep(v)).map(|(_, n)| n).sum()
    }
}

/// The statistics of values in ascending order.
fn stats_of_sorted(
    values: &impl Sorted,
    neutral: f64,
    critical: f64,
    tol: f64,
) -> Option<StepStats> {
    let n = values.len();
    let last = n.checked_sub(1)?;
    let (min, max) = (values.at(0), values.at(last));
    let nf = n as f64;
    let mut mean = values.sum() / nf;
    // Rounding can never take the mean outside the data (NaN stays NaN).
    if mean < min {
        mean = min;
    } else if mean > max {
        mean = max;
    }
    let sd = if n >= 2 {
        let ss = values.squares(mean);
        Some((ss / (nf - 1.0)).sqrt())
    } else {
        None
    };
    let pct = |q| percentile_of(n, |k| values.at(k), q).unwrap_or(f64::NAN);
    let critical_n = values.count(|v| v <= critical + tol);
    let below_n = values.count(|v| v < neutral - tol);
    Some(StepStats {
        n,
        mean,
        sd,
        median: pct(50.0),
        p25: pct(25.0),
        p75: pct(75.0),
        min,
        max,
        critical_share: critical_n as f64 / nf,
        below_neutral_share: below_n as f64 / nf,
    })
}

/// Steps prone to failure: `critical_share` ≥ `--risk` (default 0.25).
///
/// True when `critical_share >= risk - tol`.
pub fn is_risky(stats: &StepStats, risk: f64, tol: f64) -> bool {
    stats.critical_share >= risk - tol
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOL: f64 = 1e-9;

    /// (sorted data, [(q, numpy.percentile(data, q))]).
    type Case = (&'static [f64], &'static [(f64, f64)]);

    /// Expected values were checked against numpy.percentile (numpy 2.4.6,
    /// default method="linear"); the printed reprs are compared bit for bit.
    const NUMPY: &[Case] = &[
        (
            &[3.0],
            &[
                (0.0, 3.0),
                (25.0, 3.0),
                (50.0, 3.0),
                (75.0, 3.0),
                (100.0, 3.0),
            ],
        ),
        (
            &[1.0, 4.0],
            &[
                (0.0, 1.0),
                (10.0, 1.3),
                (25.0, 1.75),
                (33.0, 1.99),
                (50.0, 2.5),
                (66.6, 2.997_999_999_999_999_8),
                (75.0, 3.25),
                (90.0, 3.7),
                (100.0, 4.0),
            ],
        ),
        (
            &[-2.0, 0.0, 1.0, 5.0],
            &[
                (0.0, -2.0),
                (10.0, -1.4),
                (25.0, -0.5),
                (33.0, -0.020_000_000_000_000_018),
                (50.0, 0.5),
                (66.6, 0.997_999_999_999_999_8),
                (75.0, 2.0),
                (90.0, 3.800_000_000_000_000_7),
                (100.0, 5.0),
            ],
        ),
        (
            &[-5.0, -1.0, 0.0, 2.0, 3.0],
            &[
                (0.0, -5.0),
                (10.0, -3.4),
                (25.0, -1.0),
                (33.0, -0.679_999_999_999_999_9),
                (50.0, 0.0),
                (66.6, 1.327_999_999_999_999_4),
                (75.0, 2.0),
                (90.0, 2.6),
                (100.0, 3.0),
            ],
        ),
        // Ties.
        (
            &[-3.0, -3.0, -3.0, 1.0, 1.0, 4.0],
            &[
                (0.0, -3.0),
                (10.0, -3.0),
                (25.0, -3.0),
                (33.0, -3.0),
                (50.0, -1.0),
                (66.6, 1.0),
                (75.0, 1.0),
                (90.0, 2.5),
                (100.0, 4.0),
            ],
        ),
        (
            &[-4.5, -0.1, 0.2, 0.7, 2.3, 3.3, 4.9],
            &[
                (0.0, -4.5),
                (10.0, -1.859_999_999_999_999_9),
                (25.0, 0.049_999_999_999_999_99),
                (33.0, 0.194),
                (50.0, 0.7),
                (66.6, 2.293_599_999_999_999),
                (75.0, 2.8),
                (90.0, 3.940_000_000_000_000_4),
                (100.0, 4.9),
            ],
        ),
    ];

    #[test]
    fn percentiles_match_numpy() {
        for &(data, expected) in NUMPY {
            for &(q, want) in expected {
                let got = percentile_sorted(data, q).unwrap();
                assert_eq!(
                    got.to_bits(),
                    want.to_bits(),
                    "{data:?} q={q}: {got} != {want}"
                );
            }
        }
    }

    #[test]
    fn percentile_edges() {
        assert_eq!(percentile_sorted(&[], 50.0), None);
        assert_eq!(percentile_sorted(&[1.0, 2.0], f64::NAN), None);
        assert_eq!(percentile_sorted(&[1.0, 2.0], -5.0), Some(1.0));
        assert_eq!(percentile_sorted(&[1.0, 2.0], 150.0), Some(2.0));
        assert_eq!(percentile_sorted(&[1.0, 2.0], f64::INFINITY), Some(2.0));
    }

    #[test]
    fn stats_n1() {
        let s = step_stats(&mut [2.0], 0.0, -3.0, TOL).unwrap();
        assert_eq!(
            s,
            StepStats {
                n: 1,
                mean: 2.0,
                sd: None,
                median: 2.0,
                p25: 2.0,
                p75: 2.0,
                min: 2.0,
                max: 2.0,
                critical_share: 0.0,
                below_neutral_share: 0.0,
            }
        );
    }

    #[test]
    fn stats_n2() {
        let s = step_stats(&mut [4.0, 1.0], 0.0, -3.0, TOL).unwrap();
        assert_eq!(s.n, 2);
        assert_eq!(s.mean, 2.5);
        // numpy.std([1, 4], ddof=1)
        assert_eq!(s.sd, Some(2.121_320_343_559_642_4));
        assert_eq!((s.p25, s.median, s.p75), (1.75, 2.5, 3.25));
        assert_eq!((s.min, s.max), (1.0, 4.0));
    }

    #[test]
    fn stats_sorts_and_matches_numpy() {
        let mut v = [0.2, 4.9, -0.1, 3.3, -4.5, 2.3, 0.7];
        let s = step_stats(&mut v, 0.0, -3.0, TOL).unwrap();
        assert_eq!(v, [-4.5, -0.1, 0.2, 0.7, 2.3, 3.3, 4.9]);
        // numpy.mean / numpy.std(ddof=1) of the same values.
        assert!(
            (s.mean - 0.971_428_571_428_571_5).abs() < 1e-15,
            "{}",
            s.mean
        );
        assert!((s.sd.unwrap() - 3.010_378_871_899_839_7).abs() < 1e-14);
        assert_eq!(
            (s.p25, s.median, s.p75),
            (0.049_999_999_999_999_99, 0.7, 2.8)
        );
        assert_eq!(s.critical_share, 1.0 / 7.0);
        assert_eq!(s.below_neutral_share, 2.0 / 7.0);
    }

    #[test]
    fn shares_with_tolerance() {
        // Critical −3: −3 and (−3 + 1e-12) count as at-or-below; −2.9 does not.
        // Neutral 0: −1e-12 is not below neutral (within tolerance); −0.5 is.
        let mut v = [-3.0, -3.0 + 1e-12, -2.9, -1e-12, -0.5, 0.0, 2.0, 5.0];
        let s = step_stats(&mut v, 0.0, -3.0, TOL).unwrap();
        assert_eq!(s.critical_share, 2.0 / 8.0);
        assert_eq!(s.below_neutral_share, 4.0 / 8.0);
        assert!(is_risky(&s, 0.25, TOL));
        assert!(!is_risky(&s, 0.26, TOL));
        // 0.1 + 0.2 style rounding: share 0.3 vs risk computed as 0.1 + 0.2.
        let mut v = [-5.0, -4.0, -3.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0];
        let s = step_stats(&mut v, 0.0, -3.0, TOL).unwrap();
        assert_eq!(s.critical_share, 0.3);
        assert!(is_risky(&s, 0.1 + 0.2, TOL));
        assert!(!is_risky(&s, 0.1 + 0.2, 0.0));
    }

    #[test]
    fn empty_is_none() {
        assert_eq!(step_stats(&mut [], 0.0, -3.0, TOL), None);
    }

    #[test]
    fn mean_of_many_small_values_is_exact() {
        let mut v: Vec<f64> = (0..50_000).map(|i| f64::from(i % 11 - 5)).collect();
        // 50,000 = 4,545 full cycles (sum 0) + 5 values −5..−1.
        let s = step_stats(&mut v, 0.0, -3.0, TOL).unwrap();
        assert_eq!(s.mean, -15.0 / 50_000.0);
        // One-decimal values: 0.1 × 50,000 sums to 5000 (correctly rounded).
        let mut v = vec![0.1; 50_000];
        let s = step_stats(&mut v, 0.0, -3.0, TOL).unwrap();
        assert_eq!(s.mean, 0.1);
        assert_eq!(s.sd, Some(0.0));
    }

    #[test]
    fn non_finite_values_do_not_panic() {
        let mut v = [f64::NAN, 1.0, f64::INFINITY, f64::NEG_INFINITY, -0.0];
        let s = step_stats(&mut v, 0.0, -3.0, TOL).unwrap();
        assert_eq!(s.n, 5);
        let mut v = [f64::INFINITY, 1.0];
        let s = step_stats(&mut v, 0.0, -3.0, TOL).unwrap();
        assert_eq!(s.mean, f64::INFINITY);
    }

    /// Values the counting sort takes and values it must leave to the sort.
    fn any_value() -> impl Strategy<Value = f64> {
        prop_oneof![
            (-140i64..140).prop_map(|v| v as f64),
            Just(-0.0),
            Just(f64::NAN),
            Just(-f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            (-6.0f64..6.0),
            Just(1e300),
            Just(-9.223_372_036_854_776e18),
        ]
    }

    #[test]
    fn sorting_small_whole_numbers_counts_them() {
        let mut v = [3.0, -5.0, 0.0, 3.0, 127.0, -128.0, 1.0];
        sort_values(&mut v);
        assert_eq!(v, [-128.0, -5.0, 0.0, 1.0, 3.0, 3.0, 127.0]);
        // -0.0 sorts before 0.0 and keeps its sign.
        let mut v = [0.0, -0.0, 2.0, -1.0];
        sort_values(&mut v);
        assert_eq!(
            v.map(f64::to_bits),
            [-1.0, -0.0, 0.0, 2.0].map(f64::to_bits)
        );
    }

    proptest! {
        #[test]
        fn prop_counted_stats_are_step_stats(
            v in proptest::collection::vec(-128i64..128, 0..300),
            critical in -6.0f64..6.0,
        ) {
            let mut values: Vec<f64> = v.iter().map(|&x| x as f64).collect();
            let mut counts = Counts::default();
            prop_assert!(values.iter().all(|&x| counts.add(x)));
            prop_assert_eq!(counts.len(), values.len());
            let counted = counted_stats(&counts, 0.0, critical, TOL);
            prop_assert_eq!(counted, step_stats(&mut values, 0.0, critical, TOL));
        }

        #[test]
        fn prop_sort_values_is_total_cmp_sort(
            mut v in proptest::collection::vec(any_value(), 0..80),
            whole in proptest::collection::vec(-128i64..128, 0..80),
            mix in any::<bool>(),
        ) {
            // Half the time only whole numbers the counting path takes.
            if !mix {
                v = whole.iter().map(|&x| x as f64).collect();
            }
            let mut expected = v.clone();
            expected.sort_unstable_by(f64::total_cmp);
            sort_values(&mut v);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&v), bits(&expected));
        }

        #[test]
        fn prop_order_of_summaries(mut v in proptest::collection::vec(-1e6f64..1e6, 1..60)) {
            let s = step_stats(&mut v, 0.0, -3.0, TOL).unwrap();
            prop_assert!(s.min <= s.p25);
            prop_assert!(s.p25 <= s.median);
            prop_assert!(s.median <= s.p75);
            prop_assert!(s.p75 <= s.max);
            prop_assert!(s.min <= s.mean && s.mean <= s.max);
            prop_assert!((0.0..=1.0).contains(&s.critical_share));
            prop_assert!((0.0..=1.0).contains(&s.below_neutral_share));
            prop_assert_eq!(s.sd.is_some(), s.n >= 2);
        }

        #[test]
        fn prop_scale_values(mut v in proptest::collection::vec(-5i8..=5, 1..200)) {
            let mut f: Vec<f64> = v.iter().map(|&x| f64::from(x)).collect();
            let s = step_stats(&mut f, 0.0, -3.0, TOL).unwrap();
            v.sort_unstable();
            let sum: i64 = v.iter().map(|&x| i64::from(x)).sum();
            prop_assert_eq!(s.mean, sum as f64 / v.len() as f64);
            prop_assert_eq!(s.min, f64::from(v[0]));
            prop_assert_eq!(s.max, f64::from(v[v.len() - 1]));
            let crit = v.iter().filter(|&&x| x <= -3).count();
            prop_assert_eq!(s.critical_share, crit as f64 / v.len() as f64);
            prop_assert!(s.p25 <= s.median && s.median <= s.p75);
        }

        #[test]
        fn prop_percentile_monotone_in_q(
            mut v in proptest::collection::vec(-1e3f64..1e3, 1..30),
            a in 0.0f64..=100.0,
            b in 0.0f64..=100.0,
        ) {
            v.sort_unstable_by(f64::total_cmp);
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(percentile_sorted(&v, lo).unwrap() <= percentile_sorted(&v, hi).unwrap());
        }
    }
}
