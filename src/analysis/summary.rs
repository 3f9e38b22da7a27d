//! Summary statistics of one sequence.
//!
//! **Summary**: number of steps, mean, min and max (with their steps), start,
//! end, **peak_end** = (feeling at the most intense step — the first step with
//! the largest |feeling − neutral| — + last feeling) / 2 (Kahneman's peak-end
//! rule: what the customer will remember), area_below_neutral = Σ max(0,
//! neutral − feeling), share of steps below neutral.
//!
//! "Below neutral" means feeling < neutral − tol (see
//! [`Thresholds::tolerance`]); a step within the tolerance of neutral counts
//! as neutral for both the area and the share, so the area always equals the
//! summed severity of the below-neutral runs.

use serde::Serialize;

use super::{below_neutral, Thresholds};

/// A minimum or maximum and the first step attaining it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extreme {
    pub index: usize,
    pub feeling: f64,
}

/// Summary of one sequence; every `Option` is `None` (null) only for an
/// empty sequence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub steps: usize,
    pub mean: Option<f64>,
    pub min: Option<Extreme>,
    pub max: Option<Extreme>,
    pub start: Option<f64>,
    pub end: Option<f64>,
    pub peak_end: Option<f64>,
    pub area_below_neutral: f64,
    pub share_below_neutral: Option<f64>,
}

/// Summarizes `values` on the scale of `t`.
pub fn summarize(values: &[f64], t: &Thresholds) -> Summary {
    let steps = values.len();
    let per_step = |total: f64| (steps > 0).then(|| total / steps as f64);
    let below: Vec<f64> = values
        .iter()
        .copied()
        .filter(|&v| below_neutral(v, t))
        .collect();
    // The first step wins ties, hence the strict comparisons.
    let first_best = |better: &dyn Fn(f64, f64) -> bool| {
        values
            .iter()
            .enumerate()
            .fold(None, |best, (index, &feeling)| match best {
                Some(Extreme { feeling: b, .. }) if !better(feeling, b) => best,
                _ => Some(Extreme { index, feeling }),
            })
    };
    let intensity = |v: f64| (v - t.neutral).abs();
    let most_intense = first_best(&|a, b| intensity(a) > intensity(b));
    let end = values.last().copied();
    Summary {
        steps,
        mean: per_step(values.iter().sum()),
        min: first_best(&|a, b| a < b),
        max: first_best(&|a, b| a > b),
        start: values.first().copied(),
        end,
        peak_end: most_intense
            .zip(end)
            .map(|(peak, end)| (peak.feeling + end) / 2.0),
        // `+ 0.0`: an empty f64 sum is −0.0, which would print as `-0.0`.
        area_below_neutral: below.iter().map(|v| t.neutral - v).sum::<f64>() + 0.0,
        share_below_neutral: per_step(below.len() as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale() -> Thresholds {
        Thresholds::for_scale(-5.0, 5.0, 0.0)
    }

    #[test]
    fn empty() {
        let s = summarize(&[], &scale());
        assert_eq!(
            s,
            Summary {
                steps: 0,
                mean: None,
                min: None,
                max: None,
                start: None,
                end: None,
                peak_end: None,
                area_below_neutral: 0.0,
                share_below_neutral: None,
            }
        );
    }

    #[test]
    fn single_step() {
        let s = summarize(&[-2.0], &scale());
        assert_eq!(s.mean, Some(-2.0));
        assert_eq!(
            s.min,
            Some(Extreme {
                index: 0,
                feeling: -2.0
            })
        );
        assert_eq!(s.peak_end, Some(-2.0));
        assert_eq!(s.area_below_neutral, 2.0);
        assert_eq!(s.share_below_neutral, Some(1.0));
    }

    #[test]
    fn journey() {
        let v = [2.0, 4.0, -1.0, -4.0, 4.0, 1.0];
        let s = summarize(&v, &scale());
        assert_eq!(s.steps, 6);
        assert_eq!(s.mean, Some(1.0));
        // First index attaining the extreme: max 4 at step 1, not step 4.
        assert_eq!(
            s.min,
            Some(Extreme {
                index: 3,
                feeling: -4.0
            })
        );
        assert_eq!(
            s.max,
            Some(Extreme {
                index: 1,
                feeling: 4.0
            })
        );
        assert_eq!((s.start, s.end), (Some(2.0), Some(1.0)));
        // |4| at step 1 and |-4| at step 3 tie: the first (4) is the peak.
        assert_eq!(s.peak_end, Some(2.5));
        assert_eq!(s.area_below_neutral, 5.0);
        assert_eq!(s.share_below_neutral, Some(2.0 / 6.0));
    }

    #[test]
    fn peak_end_of_a_bad_journey() {
        // Most intense is -5 at step 2; end -1: (-5 + -1) / 2 = -3.
        let s = summarize(&[3.0, 1.0, -5.0, 2.0, -1.0], &scale());
        assert_eq!(s.peak_end, Some(-3.0));
    }

    #[test]
    fn neutral_is_not_below() {
        let s = summarize(&[0.0, 0.0, -1e-12], &scale());
        assert_eq!(s.share_below_neutral, Some(0.0));
        assert_eq!(s.area_below_neutral, 0.0);
    }

    #[test]
    fn off_zero_neutral() {
        // Scale 1..7, neutral 4: steps 3 and 2 are below, area 1 + 2.
        let t = Thresholds::for_scale(1.0, 7.0, 4.0);
        let s = summarize(&[5.0, 3.0, 2.0, 4.0], &t);
        assert_eq!(s.area_below_neutral, 3.0);
        assert_eq!(s.share_below_neutral, Some(0.5));
        // Most intense is 2 (|2 - 4| = 2); end 4: (2 + 4) / 2 = 3.
        assert_eq!(s.peak_end, Some(3.0));
    }
}
