//! Turning points: peaks and troughs of the feeling sequence.
//!
//! **Turning points** follow the semantics of `scipy.signal.find_peaks`. A
//! *peak* is a step higher than both neighbours; a run of equal values counts
//! as one flat peak when both steps around the run are lower, and is reported
//! at its middle step (rounded down for an even length). The first and last
//! steps are never turning points. A *trough* is the same on the negated
//! sequence. The **prominence** of a peak: extend a horizontal line left and
//! right from it until it meets a strictly higher value or the end of the
//! sequence; the lowest value on each side within that reach is a base; the
//! higher base is the reference; prominence = peak − reference (troughs: the
//! same on the negated sequence). Keep only turning points with prominence ≥
//! `--prominence` (default: 10% of the scale's range, i.e. 1 on −5..5). Every
//! threshold comparison allows a tolerance of 1e-9 × the scale's range, so
//! decimal data such as a fall from −0.4 to −1.4 (exactly 1.0) is not lost to
//! floating-point rounding.
//!
//! Both bases of every step are found in one pass each way (a stack of the
//! steps not yet passed by a higher one), so a case of any length takes time
//! in proportion to its steps; the results are exactly those of walking out
//! from each peak, which the tests check against the walk on random
//! sequences with plateaus and ties.

use serde::Serialize;

/// Whether a turning point is a local maximum or a local minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Peak,
    Trough,
}

/// One peak or trough that passed the prominence filter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurningPoint {
    /// 0-based position in the sequence (for a flat run: its middle step,
    /// rounded down).
    pub index: usize,
    pub kind: Kind,
    /// The feeling at `index` (not negated for troughs).
    pub feeling: f64,
    /// Always ≥ 0, in the scale's units.
    pub prominence: f64,
}

/// Peaks and troughs with prominence ≥ `min_prominence − tol`, sorted by index.
///
/// Mirrors scipy's `find_peaks(x)` + `peak_prominences(x, peaks)` (no `wlen`),
/// and the same on `-x` for troughs. Sequences shorter than 3 have none.
pub fn turning_points(values: &[f64], min_prominence: f64, tol: f64) -> Vec<TurningPoint> {
    // Negation is exact in IEEE arithmetic, so troughs get the very same
    // comparisons and prominences a caller would get from scipy on -x.
    let negated: Vec<f64> = values.iter().map(|v| -v).collect();
    let mut points = Vec::new();
    for (kind, seq) in [(Kind::Peak, values), (Kind::Trough, &negated[..])] {
        let bases = Bases::of(seq);
        for index in local_maxima(seq) {
            let prominence = bases.prominence(seq, index);
            if prominence >= min_prominence - tol {
                points.push(TurningPoint {
                    index,
                    kind,
                    feeling: values[index],
                    prominence,
                });
            }
        }
    }
    // A step cannot be both a peak and a trough, so the index order is total.
    points.sort_by_key(|p| p.index);
    points
}

/// Indices of local maxima, flat runs reported at their middle (rounded down).
///
/// A line-by-line port of scipy's `_local_maxima_1d`; equality inside a run is
/// exact on purpose, as in scipy (the tolerance is for thresholds only).
fn local_maxima(x: &[f64]) -> Vec<usize> {
    let mut peaks = Vec::new();
    // `last` is never a candidate; for len < 3 the loop below does not run.
    let last = x.len().saturating_sub(1);
    let mut i = 1;
    while i < last {
        if x[i - 1] < x[i] {
            let mut ahead = i + 1;
            while ahead < last && x[ahead] == x[i] {
                ahead += 1;
            }
            // A run that reaches the last step ends at `ahead == last` with
            // x[last] == x[i], so it is (rightly) not a peak.
            if x[ahead] < x[i] {
                peaks.push((i + ahead - 1) / 2);
                i = ahead;
            }
        }
        i += 1;
    }
    peaks
}

/// The two bases of every step at once, for scipy's `peak_prominences`
/// without a window, in linear time.
///
/// `left[i]` is the lowest value from just after the nearest step left of `i`
/// that is strictly higher than `x[i]` (or the start) up to `i`; `right[i]`
/// the same to the right. A peak's prominence is then `x[i]` minus the higher
/// of its two bases, exactly as walking each way from the peak gives it.
struct Bases {
    left: Vec<f64>,
    right: Vec<f64>,
    /// Stack pushes and pops, to guard the linear bound in tests.
    #[cfg_attr(not(test), allow(dead_code))]
    work: usize,
}

impl Bases {
    fn of(x: &[f64]) -> Self {
        let mut work = 0;
        let left = Self::side(x.iter().copied(), x.len(), &mut work);
        let mut right = Self::side(x.iter().rev().copied(), x.len(), &mut work);
        right.reverse();
        Bases { left, right, work }
    }

    /// One side's bases in the order `values` come: a stack of steps not yet
    /// passed by a higher one, each with the lowest value since the step
    /// below it on the stack. A step pops every stack entry that is not
    /// strictly higher than it (`<=`, so a NaN, like in the walk, is never
    /// passed) and takes the lowest of their minima as its base.
    fn side(values: impl Iterator<Item = f64>, len: usize, work: &mut usize) -> Vec<f64> {
        let mut bases = Vec::with_capacity(len);
        // (value, lowest value since the entry below)
        let mut stack: Vec<(f64, f64)> = Vec::new();
        for v in values {
            let mut low = v;
            while let Some(&(top, min)) = stack.last() {
                // `top <= v` as the walk tests it: false for a NaN either side.
                if top
                    .partial_cmp(&v)
                    .is_none_or(|o| o == std::cmp::Ordering::Greater)
                {
                    break;
                }
                // Same comparison as the walk, so a tie keeps the value
                // already held (only ±0 could tell the two apart).
                if min < low {
                    low = min;
                }
                stack.pop();
                *work += 1;
            }
            stack.push((v, low));
            *work += 1;
            bases.push(low);
        }
        bases
    }

    fn prominence(&self, x: &[f64], peak: usize) -> f64 {
        x[peak] - self.left[peak].max(self.right[peak])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOL: f64 = 1e-8; // 1e-9 × range of −5..5

    /// The walk this module used before `Bases`: scipy's `peak_prominences`
    /// for one peak, without a window, in time proportional to the sequence.
    /// Kept as the reference the linear version is checked against.
    ///
    /// Walks each way from `peak` while values are ≤ the peak (stopping at a
    /// strictly higher one), keeping the lowest value seen as that side's base.
    fn reference_prominence(x: &[f64], peak: usize) -> f64 {
        let top = x[peak];
        let base = |side: &mut dyn Iterator<Item = &f64>| {
            side.take_while(|&&v| v <= top)
                .fold(top, |low, &v| if v < low { v } else { low })
        };
        let left = base(&mut x[..=peak].iter().rev());
        let right = base(&mut x[peak..].iter());
        top - left.max(right)
    }

    /// `turning_points` as it was before `Bases`: the walk for every peak.
    fn reference(values: &[f64], min_prominence: f64, tol: f64) -> Vec<TurningPoint> {
        let negated: Vec<f64> = values.iter().map(|v| -v).collect();
        let mut points = Vec::new();
        for (kind, seq) in [(Kind::Peak, values), (Kind::Trough, &negated[..])] {
            for index in local_maxima(seq) {
                let prominence = reference_prominence(seq, index);
                if prominence >= min_prominence - tol {
                    points.push(TurningPoint {
                        index,
                        kind,
                        feeling: values[index],
                        prominence,
                    });
                }
            }
        }
        points.sort_by_key(|p| p.index);
        points
    }

    fn summary(values: &[f64], min_prominence: f64) -> Vec<(usize, Kind, f64)> {
        turning_points(values, min_prominence, TOL)
            .into_iter()
            .map(|p| (p.index, p.kind, p.prominence))
            .collect()
    }

    #[test]
    fn too_short_sequences_have_none() {
        assert!(turning_points(&[], 0.0, TOL).is_empty());
        assert!(turning_points(&[1.0], 0.0, TOL).is_empty());
        assert!(turning_points(&[1.0, -3.0], 0.0, TOL).is_empty());
    }

    #[test]
    fn simple_peak_and_trough() {
        use Kind::*;
        assert_eq!(summary(&[0.0, 2.0, 1.0], 0.0), vec![(1, Peak, 1.0)]);
        assert_eq!(summary(&[0.0, -2.0, 1.0], 0.0), vec![(1, Trough, 2.0)]);
    }

    #[test]
    fn odd_plateau_reported_at_middle() {
        // Run of three at indices 1..=3, middle 2.
        assert_eq!(
            summary(&[0.0, 3.0, 3.0, 3.0, 1.0], 0.0),
            vec![(2, Kind::Peak, 2.0)]
        );
    }

    #[test]
    fn even_plateau_reported_at_middle_rounded_down() {
        // Run at indices 1..=4: (1 + 4) / 2 = 2.
        let v = [0.0, -3.0, -3.0, -3.0, -3.0, 1.0];
        assert_eq!(summary(&v, 0.0), vec![(2, Kind::Trough, 3.0)]);
        // Run of two at 2..=3: reported at 2.
        let v = [0.0, 1.0, 4.0, 4.0, 2.0];
        assert_eq!(summary(&v, 0.0), vec![(2, Kind::Peak, 2.0)]);
    }

    #[test]
    fn plateaus_touching_the_ends_are_not_turning_points() {
        assert!(summary(&[3.0, 3.0, 1.0, 0.0], 0.0).is_empty());
        assert!(summary(&[0.0, 1.0, 3.0, 3.0], 0.0).is_empty());
        assert!(summary(&[-2.0, -2.0, 0.0, 1.0], 0.0).is_empty());
    }

    #[test]
    fn all_equal_has_none() {
        assert!(summary(&[2.0; 6], 0.0).is_empty());
    }

    #[test]
    fn equal_height_neighbours() {
        use Kind::*;
        // Two equal peaks: the horizontal line from each reaches the other
        // (not strictly higher) and on to the ends, so both bases are 0.
        let v = [0.0, 3.0, 1.0, 3.0, 0.0];
        assert_eq!(
            summary(&v, 0.0),
            vec![(1, Peak, 3.0), (2, Trough, 2.0), (3, Peak, 3.0)]
        );
        // A step equal to one neighbour only is no turning point.
        assert!(summary(&[0.0, 2.0, 2.0, 5.0], 0.0).is_empty());
    }

    #[test]
    fn prominence_uses_the_higher_base() {
        // Peak 4 at index 3: left reach stops at 5 (base 1), right reaches
        // the end (base -2); reference = 1, prominence 3.
        let v = [0.0, 5.0, 1.0, 4.0, -2.0];
        let p = turning_points(&v, 0.0, TOL);
        assert_eq!(p[2].index, 3);
        assert_eq!(p[2].prominence, 3.0);
    }

    #[test]
    fn prominence_filter() {
        let v = [0.0, 3.0, 2.5, 3.5, 0.0];
        let idx: Vec<usize> = turning_points(&v, 1.0, TOL)
            .iter()
            .map(|p| p.index)
            .collect();
        // The small wiggle (peak 1 / trough 2, prominence 0.5) is dropped.
        assert_eq!(idx, vec![3]);
    }

    #[test]
    fn decimal_fall_of_exactly_one_is_kept() {
        // -0.4 - (-1.4) is 0.9999999999999999 in binary floating point.
        let v = [-0.4, -1.4, -0.4];
        let p = turning_points(&v, 1.0, TOL);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, Kind::Trough);
        assert!(p[0].prominence < 1.0); // the rounding the tolerance absorbs
        assert!(turning_points(&v, 1.0, 0.0).is_empty());
    }

    #[test]
    fn feeling_is_the_original_value() {
        let p = turning_points(&[0.0, -2.5, 1.0], 0.0, TOL);
        assert_eq!(p[0].feeling, -2.5);
    }

    #[test]
    fn filtered_points_need_not_alternate() {
        // Two equal peaks each reach past the other (a line stops only at a
        // strictly higher value), so both have prominence 5.5 while the
        // trough between them has 4: a filter of 4.25 keeps peak, peak.
        let v = [-1.5, 4.0, 0.0, 4.0, -1.5];
        let kinds: Vec<Kind> = turning_points(&v, 4.25, TOL)
            .iter()
            .map(|p| p.kind)
            .collect();
        assert_eq!(kinds, vec![Kind::Peak, Kind::Peak]);
    }

    /// The linear bound, counted rather than timed: every step is pushed
    /// once and popped at most once, on each side, whatever the shape. The
    /// walk needed about n²/4 steps on alternating values.
    #[test]
    fn work_is_linear_in_the_length() {
        let n = 200_000;
        type Shape = Box<dyn Fn(usize) -> f64>;
        let shapes: [(&str, Shape); 5] = [
            (
                "alternating",
                Box::new(|i| if i % 2 == 0 { 3.0 } else { -3.0 }),
            ),
            ("rising", Box::new(|i| i as f64)),
            ("falling", Box::new(|i| -(i as f64))),
            ("flat", Box::new(|_| 1.0)),
            ("saw", Box::new(|i| (i % 7) as f64 - (i % 3) as f64)),
        ];
        for (name, f) in shapes {
            let x: Vec<f64> = (0..n).map(f).collect();
            let work = Bases::of(&x).work;
            assert!(work <= 4 * n, "{name}: {work} stack steps for {n} values");
        }
        // The whole call on a long alternating sequence: with the walk this
        // took minutes (400k steps: 20.9 s), now well under a second.
        let x: Vec<f64> = (0..n)
            .map(|i| if i % 2 == 0 { 3.0 } else { -3.0 })
            .collect();
        let points = turning_points(&x, 1.0, TOL);
        assert_eq!(points.len(), n - 2);
        assert!(points.iter().all(|p| p.prominence == 6.0));
    }

    /// One scipy reference vector: `x`, then `find_peaks(x)[0]` with
    /// `peak_prominences(x, peaks)[0]`, then the same for `-x`.
    struct V {
        x: &'static [i8],
        peaks: &'static [usize],
        peak_prom: &'static [f64],
        troughs: &'static [usize],
        trough_prom: &'static [f64],
    }

    // Generated by gen_vectors.py (scripts/scipy_vectors.py in the repo) with
    // scipy 1.17.1 / numpy 2.4.6, seed 20240601: `python3 gen_vectors.py`
    // prints these rows verbatim (kept one per line, hence rustfmt::skip).
    #[rustfmt::skip]
    const SCIPY_VECTORS: &[V] = &[
    V { x: &[], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[3], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[1, -2], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[2, 2, 2, 2], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[4, 4, 1, 0, 0], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[-1, 3, 3, 3, -1, -4, -4, -4, -4, 2], peaks: &[2], peak_prom: &[4.0], troughs: &[6], trough_prom: &[6.0] },
    V { x: &[3, -2, -1, -1], peaks: &[], peak_prom: &[], troughs: &[1], trough_prom: &[1.0] },
    V { x: &[0, 0, 0, 2, 2, -2, 2, 5, 5, 5, 2, -5, 3, 3, 3, 3, -5, 2, 2, -4, 3, 3, 3, -4], peaks: &[3, 8, 13, 17, 21], peak_prom: &[2.0, 7.0, 8.0, 6.0, 7.0], troughs: &[5, 11, 16, 19], trough_prom: &[4.0, 8.0, 8.0, 6.0] },
    V { x: &[-1, -1, -3, 4, 4, 4, 2, 2, -1, -1, -2, -2, -3, 1, 1, 1, -5, -4, 5, 3, 2, 0, -1, -5, 5], peaks: &[4, 14, 18], peak_prom: &[7.0, 4.0, 10.0], troughs: &[2, 12, 16, 23], trough_prom: &[2.0, 4.0, 9.0, 10.0] },
    V { x: &[-4, 0, 4, -3, 3, -3, -3, -3, -3, -3, -3, 5, 0, -1, -1, -2, 2, 2, 5, 4, 4, -5, -3, 5], peaks: &[2, 4, 11, 18], peak_prom: &[7.0, 6.0, 9.0, 9.0], troughs: &[3, 7, 15, 21], trough_prom: &[7.0, 7.0, 7.0, 10.0] },
    V { x: &[0, 0, -2, -2, -4, 1, -1, -5, 5, 3, 3, -2, -2, -2, -2, -2, 0, 0], peaks: &[5, 8], peak_prom: &[5.0, 7.0], troughs: &[4, 7, 13], trough_prom: &[4.0, 6.0, 2.0] },
    V { x: &[-5, 2, 2, 2, -5, -5, 2, 2, 5, 0, 4, 4, 0, 0, 3, 3, 2], peaks: &[2, 8, 10, 14], peak_prom: &[7.0, 5.0, 4.0, 1.0], troughs: &[4, 9, 12], trough_prom: &[7.0, 4.0, 3.0] },
    V { x: &[1, 0, 0, 0, 0, 0, -1, 2, 2, -4, -4, -3, 4, 4, 0, -5, -5, -5, 2], peaks: &[7, 12], peak_prom: &[3.0, 8.0], troughs: &[6, 9, 16], trough_prom: &[2.0, 6.0, 7.0] },
    V { x: &[-3, -3, -3, -5, -5, 4, 4, 4, 0, 0, 0, -5, -5, -4, 0, 4, 2, 2], peaks: &[6, 15], peak_prom: &[9.0, 2.0], troughs: &[3, 11], trough_prom: &[2.0, 9.0] },
    V { x: &[-5, -4, -2, 2, 2, -5, -3, -4, -2, -3, -3, -3, -5], peaks: &[3, 6, 8], peak_prom: &[7.0, 1.0, 3.0], troughs: &[5, 7], trough_prom: &[3.0, 1.0] },
    V { x: &[5, 5, 2, 2, -2, 0, 0, 0, 5, -1, -2, -3, -3, 1], peaks: &[8], peak_prom: &[7.0], troughs: &[4, 11], trough_prom: &[7.0, 4.0] },
    V { x: &[-5, 5, 5, 5, 5, 1, -5, 5, -1, -1, -3, 1, 1], peaks: &[2, 7], peak_prom: &[10.0, 8.0], troughs: &[6, 10], trough_prom: &[10.0, 4.0] },
    V { x: &[0, -4, -5, 5, -5, -5, 0, 3, 0, 0], peaks: &[3, 7], peak_prom: &[10.0, 3.0], troughs: &[2, 4], trough_prom: &[5.0, 8.0] },
    V { x: &[-2, -1, -5, -5, -5, -5, 4, 1], peaks: &[1, 6], peak_prom: &[1.0, 3.0], troughs: &[3], trough_prom: &[4.0] },
    V { x: &[2, 5, -4, -4, -4, -4, -4, -4, -4, -1, -1, -1, 5, 5, -2, -4, -4, -1, -1, -5, 5, 0], peaks: &[1, 12, 17, 20], peak_prom: &[3.0, 9.0, 3.0, 5.0], troughs: &[5, 15, 19], trough_prom: &[9.0, 3.0, 10.0] },
    V { x: &[-4, 2, 5, 4, 4, 3, -5, -5, -5, -5, 2, 1, 5, 5], peaks: &[2, 10], peak_prom: &[9.0, 1.0], troughs: &[7, 11], trough_prom: &[10.0, 1.0] },
    V { x: &[4, 4, 4, -1, -1, 0, 0, 0, 2, -4, 2, 2, 2, 5, 4, 4, -3, -3], peaks: &[8, 13], peak_prom: &[3.0, 8.0], troughs: &[3, 9], trough_prom: &[3.0, 8.0] },
    V { x: &[-3], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[5, 2, 5, 4, -4], peaks: &[2], peak_prom: &[3.0], troughs: &[1], trough_prom: &[3.0] },
    V { x: &[-4, 4, 4, -4, -2], peaks: &[1], peak_prom: &[8.0], troughs: &[3], trough_prom: &[2.0] },
    V { x: &[4, 3, 5, 5, 2, 1, 1, -5, -5], peaks: &[2], peak_prom: &[2.0], troughs: &[1], trough_prom: &[1.0] },
    V { x: &[-1, -2, -5, 5, -2, -2, -5, -2, -2, -2, 1, -3, 4, 3, 3], peaks: &[3, 10, 12], peak_prom: &[10.0, 4.0, 1.0], troughs: &[2, 6, 11], trough_prom: &[4.0, 9.0, 4.0] },
    V { x: &[1, 3, 5, 5, -2, -2, -2, -2, 4, 3, -1, -1, -1, -3, 5], peaks: &[2, 8], peak_prom: &[4.0, 6.0], troughs: &[5, 13], trough_prom: &[6.0, 8.0] },
    V { x: &[0, 0, -2, -2, -3, -2, 1, 2, -4, -1, -2, -2, -2, -2, -2, -2, -2], peaks: &[7, 9], peak_prom: &[5.0, 1.0], troughs: &[4, 8], trough_prom: &[3.0, 3.0] },
    V { x: &[1, 1, 0, 0, 4, 4, 4, -1, -1, 4, 3, 1, -2], peaks: &[5, 9], peak_prom: &[4.0, 5.0], troughs: &[2, 7], trough_prom: &[1.0, 5.0] },
    V { x: &[4, 4, -1, -1, -2], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[-1, -3, -1, -3], peaks: &[2], peak_prom: &[2.0], troughs: &[1], trough_prom: &[2.0] },
    V { x: &[5, -1, -4, 3, 5, -4, -4, 4, 4, -3, -5, 5, -2, -2, -2, -2], peaks: &[4, 7, 11], peak_prom: &[9.0, 8.0, 7.0], troughs: &[2, 5, 10], trough_prom: &[9.0, 8.0, 10.0] },
    V { x: &[5, 5, 5, -1, 2, 3, 5, 3, 3, -2], peaks: &[6], peak_prom: &[6.0], troughs: &[3], trough_prom: &[6.0] },
    V { x: &[0, 0, 0, 0, -5, -1, 5], peaks: &[], peak_prom: &[], troughs: &[4], trough_prom: &[5.0] },
    V { x: &[], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[3, 3, 0, 1, 4, -5, 3, 4, 4, 4, 4, -3, -3], peaks: &[4, 8], peak_prom: &[4.0, 7.0], troughs: &[2, 5], trough_prom: &[3.0, 9.0] },
    V { x: &[3, 1, -4], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[3, 5, 3, 3, 3, 3, -5, -5, 3, 0, 0], peaks: &[1, 8], peak_prom: &[2.0, 3.0], troughs: &[6], trough_prom: &[8.0] },
    V { x: &[-2], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[-4, -4, -5, -5, 3, 3, 3, 3, 2, -5, 2, 2, 3, -1, -1, -5, -5, -5, -5, -5, 5, 3, 2, -1, -1], peaks: &[5, 12, 20], peak_prom: &[8.0, 8.0, 6.0], troughs: &[2, 9, 17], trough_prom: &[1.0, 8.0, 8.0] },
    V { x: &[-4, -3, -3, 4, 4, 4, -5, 4, -5, -5, -5, 1, 5, 1, 1, -4, 0, 2, 2, 3, 1, 1, 1, 0], peaks: &[4, 7, 12, 19], peak_prom: &[8.0, 9.0, 9.0, 3.0], troughs: &[6, 9, 15], trough_prom: &[9.0, 9.0, 7.0] },
    V { x: &[-4, -4, -2, -1, -3, -5, -1, -1, 4, -4, -4, -4, -4, 3, 0, -3, 5, -4, -2, -4, -4, 0, 0, 0, -2], peaks: &[3, 8, 13, 16, 18, 22], peak_prom: &[3.0, 8.0, 6.0, 9.0, 2.0, 2.0], troughs: &[5, 10, 15, 17, 19], trough_prom: &[4.0, 8.0, 6.0, 4.0, 4.0] },
    V { x: &[-4, -3, -3, -3, -1, 4, -4, 3, -3, -5, -5, 4, 2, -2, -2, -4, 1, 3, -2, 1], peaks: &[5, 7, 11, 17], peak_prom: &[8.0, 7.0, 8.0, 5.0], troughs: &[6, 9, 15, 18], trough_prom: &[7.0, 9.0, 7.0, 3.0] },
    V { x: &[], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[-5, -5, -5, -5, -5, -5, 3, 3, 4, 4], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[4, -2, 2, -5, -5, 3, 3, -5], peaks: &[2, 5], peak_prom: &[4.0, 8.0], troughs: &[1, 3], trough_prom: &[4.0, 8.0] },
    V { x: &[2, 2, -3, -3, -2, 3, 3, 3, -4, -2, -2, -2, 0, 0], peaks: &[6], peak_prom: &[6.0], troughs: &[2, 8], trough_prom: &[5.0, 4.0] },
    V { x: &[], peaks: &[], peak_prom: &[], troughs: &[], trough_prom: &[] },
    V { x: &[0, -3, -3, -3, -1, -1, -1, -5, 4, -5, -5, -3, -3, -3], peaks: &[5, 8], peak_prom: &[2.0, 9.0], troughs: &[2, 7, 9], trough_prom: &[2.0, 5.0, 2.0] },
    V { x: &[-2, -2, -2, -2, 2, 2, 5, 5, -1, 2, 2, 4], peaks: &[6], peak_prom: &[6.0], troughs: &[8], trough_prom: &[5.0] },
    V { x: &[4, 3, -5, -3, -3, -3, -4, -4, 1, 3, -1, -5, -2, 3, -3, 2, 3, 3, -4, 3, -3, -3, -5, -5, 2], peaks: &[4, 9, 13, 16, 19], peak_prom: &[1.0, 8.0, 8.0, 8.0, 8.0], troughs: &[2, 6, 11, 14, 18, 22], trough_prom: &[8.0, 1.0, 8.0, 6.0, 7.0, 7.0] },
    V { x: &[-1, 5, 1, 1], peaks: &[1], peak_prom: &[4.0], troughs: &[], trough_prom: &[] },
    V { x: &[-2, 5, 1, 1, 0, 0, 0, 0, -2, -2, 4, -1], peaks: &[1, 10], peak_prom: &[7.0, 5.0], troughs: &[8], trough_prom: &[6.0] },
    V { x: &[-1, 4, 4, -1, 4, -4, 2, 2, -3, -5, 5, -4, -3, -3, 5, 5, -4, -4, -5, 3, 3, 3, -1, -1], peaks: &[1, 4, 6, 10, 14, 20], peak_prom: &[5.0, 5.0, 6.0, 10.0, 10.0, 4.0], troughs: &[3, 5, 9, 11, 18], trough_prom: &[5.0, 6.0, 9.0, 9.0, 8.0] },
    V { x: &[0, 0, 0, -2, -1, 3, 5, -3, -4, -5, -5, 4, -3, -2, -2, -3, -1, 2, -4, -4, -4, 2, 2, 2], peaks: &[6, 11, 13, 17], peak_prom: &[7.0, 8.0, 1.0, 5.0], troughs: &[3, 9, 12, 15, 19], trough_prom: &[2.0, 9.0, 5.0, 5.0, 6.0] },
    V { x: &[-5, -3, -3, -3, 1, -4], peaks: &[4], peak_prom: &[5.0], troughs: &[], trough_prom: &[] },
    V { x: &[-2, -2, -2, 5, 0, 4], peaks: &[3], peak_prom: &[5.0], troughs: &[4], trough_prom: &[4.0] },
    V { x: &[1, 2, 2, 2, 5, 2, 0, 0, 2, 1, 1, -5, -1, -4, -4, 5, 5, 5], peaks: &[4, 8, 12], peak_prom: &[4.0, 2.0, 3.0], troughs: &[6, 11, 13], trough_prom: &[2.0, 10.0, 3.0] },
    V { x: &[-3, -3, 2, -5, 0, -4, -4, -2, 5, 2, 2, -1, -1, 5, 5, -1, -5, -3, -3], peaks: &[2, 4, 8, 13], peak_prom: &[5.0, 4.0, 10.0, 10.0], troughs: &[3, 5, 11, 16], trough_prom: &[7.0, 4.0, 6.0, 2.0] },
    ];

    #[test]
    fn matches_scipy() {
        assert_eq!(SCIPY_VECTORS.len(), 60);
        for v in SCIPY_VECTORS {
            let x: Vec<f64> = v.x.iter().map(|&i| f64::from(i)).collect();
            let points = turning_points(&x, 0.0, TOL);
            let of = |kind: Kind| -> (Vec<usize>, Vec<f64>) {
                points
                    .iter()
                    .filter(|p| p.kind == kind)
                    .map(|p| (p.index, p.prominence))
                    .unzip()
            };
            let (peaks, peak_prom) = of(Kind::Peak);
            let (troughs, trough_prom) = of(Kind::Trough);
            assert_eq!(peaks, v.peaks, "peaks of {:?}", v.x);
            assert_eq!(peak_prom, v.peak_prom, "peak prominences of {:?}", v.x);
            assert_eq!(troughs, v.troughs, "troughs of {:?}", v.x);
            assert_eq!(
                trough_prom, v.trough_prom,
                "trough prominences of {:?}",
                v.x
            );
        }
    }

    /// Quarter steps on −5..5: exactly representable, so adding a constant
    /// or negating introduces no rounding and exact comparisons are fair.
    fn quarters() -> impl Strategy<Value = Vec<f64>> {
        prop::collection::vec((-20i32..=20).prop_map(|q| f64::from(q) / 4.0), 0..30)
    }

    fn threshold() -> impl Strategy<Value = f64> {
        (0i32..=24).prop_map(|q| f64::from(q) / 4.0)
    }

    fn key(points: &[TurningPoint]) -> Vec<(usize, Kind, f64)> {
        points
            .iter()
            .map(|p| (p.index, p.kind, p.prominence))
            .collect()
    }

    proptest! {
        #[test]
        fn shifting_changes_nothing(v in quarters(), c in -20i32..=20, min in threshold()) {
            let shifted: Vec<f64> = v.iter().map(|x| x + f64::from(c) / 4.0).collect();
            prop_assert_eq!(key(&turning_points(&v, min, TOL)), key(&turning_points(&shifted, min, TOL)));
        }

        #[test]
        fn negating_swaps_peaks_and_troughs(v in quarters(), min in threshold()) {
            let negated: Vec<f64> = v.iter().map(|x| -x).collect();
            let swapped: Vec<(usize, Kind, f64)> = key(&turning_points(&v, min, TOL))
                .into_iter()
                .map(|(i, k, p)| (i, if k == Kind::Peak { Kind::Trough } else { Kind::Peak }, p))
                .collect();
            prop_assert_eq!(swapped, key(&turning_points(&negated, min, TOL)));
        }

        #[test]
        fn prominence_meets_threshold(v in quarters(), min in threshold()) {
            for p in turning_points(&v, min, TOL) {
                prop_assert!(p.prominence >= min - TOL);
            }
        }

        #[test]
        fn never_at_the_ends(v in quarters(), min in threshold()) {
            for p in turning_points(&v, min, TOL) {
                prop_assert!(p.index > 0 && p.index + 1 < v.len());
            }
        }

        #[test]
        fn peaks_and_troughs_alternate(v in quarters()) {
            // Unfiltered only: see `filtered_points_need_not_alternate`.
            let points = turning_points(&v, 0.0, TOL);
            for pair in points.windows(2) {
                prop_assert!(pair[0].index < pair[1].index);
                prop_assert_ne!(pair[0].kind, pair[1].kind);
            }
        }

        #[test]
        fn distinct_values_alternate_after_filtering(
            v in Just((-20i32..=20).map(|q| f64::from(q) / 4.0).collect::<Vec<f64>>())
                .prop_shuffle()
                .prop_flat_map(|v| { let n = v.len(); (Just(v), 0..=n) })
                .prop_map(|(v, n)| v[..n].to_vec()),
            min in threshold(),
        ) {
            let points = turning_points(&v, min, TOL);
            for pair in points.windows(2) {
                prop_assert_ne!(pair[0].kind, pair[1].kind);
            }
        }

        #[test]
        fn same_as_the_walk_on_ties_and_plateaus(
            // Few distinct values and long runs: plenty of plateaus, equal
            // peaks and ties between bases.
            v in prop::collection::vec(
                (-3i32..=3, 1usize..=4).prop_map(|(q, run)| vec![f64::from(q) / 2.0; run]),
                0..40,
            ).prop_map(|runs| runs.concat()),
            min in threshold(),
        ) {
            prop_assert_eq!(turning_points(&v, min, TOL), reference(&v, min, TOL));
        }

        #[test]
        fn same_as_the_walk_on_quarters(v in quarters(), min in threshold()) {
            prop_assert_eq!(turning_points(&v, min, TOL), reference(&v, min, TOL));
        }

        #[test]
        fn same_as_the_walk_bit_for_bit(
            v in prop::collection::vec(
                prop_oneof![
                    Just(0.0), Just(-0.0), Just(f64::INFINITY), Just(f64::NEG_INFINITY),
                    Just(f64::NAN), Just(1.0), Just(-1.0), any::<f64>(),
                ],
                0..40,
            ),
        ) {
            let bits = |p: Vec<TurningPoint>| -> Vec<(usize, Kind, u64, u64)> {
                p.into_iter().map(|p| (p.index, p.kind, p.feeling.to_bits(), p.prominence.to_bits())).collect()
            };
            prop_assert_eq!(bits(turning_points(&v, 0.0, 0.0)), bits(reference(&v, 0.0, 0.0)));
        }

        #[test]
        fn arbitrary_floats_do_not_panic(v in prop::collection::vec(any::<f64>(), 0..30), min in any::<f64>()) {
            let _ = turning_points(&v, min, TOL);
        }
    }
}
