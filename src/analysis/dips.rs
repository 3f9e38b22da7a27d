//! Critical dips: the low moments of a journey, ranked by severity.
//!
//! **Critical dips**: every trough (after the prominence filter) whose feeling
//! ≤ the critical level (`--critical`, default: 60% of the way from neutral to
//! the bottom, i.e. −3 on −5..5) or whose prominence ≥ `--sharp-drop`
//! (default: 50% of the range, i.e. 5 on −5..5); plus the last step when its
//! feeling ≤ the critical level (a journey that ends in frustration), marked
//! `at_end` (its prominence is null). **Severity** of a dip = Σ (neutral −
//! feeling) over the maximal run of consecutive steps below neutral that
//! contains it (0 when the dip itself is not below neutral).
//!
//! **below-neutral duration** (when elapsed times are known): elapsed time
//! from the first step of that below-neutral run to the first step after the
//! run, or to the run's last step when the journey ends below neutral; null
//! when the needed times are unknown or the dip is not below neutral.
//!
//! "≤ critical", "≥ sharp_drop" and "below neutral" (feeling < neutral − tol)
//! all use the tolerance of [`Thresholds::tolerance`].

use serde::Serialize;

use super::turning::{Kind, TurningPoint};
use super::{below_neutral, Thresholds};

/// One critical dip.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dip {
    pub index: usize,
    pub feeling: f64,
    /// The trough's prominence; `None` (null) for an `at_end` dip.
    pub prominence: Option<f64>,
    /// The journey's last step, reported because it ends at or below the
    /// critical level.
    pub at_end: bool,
    pub severity: f64,
    /// Seconds; `None` (null) when times are unknown or the dip is not below
    /// neutral.
    pub below_neutral_duration: Option<f64>,
    /// **Sharp drop only**: the dip was flagged by its prominence alone
    /// (≥ the sharp drop) while its feeling lies above the critical level.
    /// Not in the JSON report (the picture labels it).
    #[serde(skip)]
    pub sharp_drop_only: bool,
}

/// Critical dips ranked by severity, highest first (ties: lower index first).
///
/// `turning` is the output of [`super::turning::turning_points`] for `values`;
/// its peaks are ignored, as are points whose index lies outside `values`.
/// `elapsed[i]` is the elapsed time in seconds at step `i` (any length: a
/// missing entry counts as unknown).
pub fn critical_dips(
    values: &[f64],
    turning: &[TurningPoint],
    elapsed: &[Option<f64>],
    t: &Thresholds,
) -> Vec<Dip> {
    let tol = t.tolerance();
    let is_critical = |feeling: f64| feeling <= t.critical + tol;
    let mut dips: Vec<Dip> = turning
        .iter()
        .filter(|p| p.kind == Kind::Trough && p.index < values.len())
        .filter(|p| is_critical(values[p.index]) || p.prominence >= t.sharp_drop - tol)
        .map(|p| dip(values, elapsed, t, p.index, Some(p.prominence)))
        .collect();
    if let Some(last) = values.len().checked_sub(1) {
        // The last step is never a trough, but `turning` comes from the
        // caller, so guard against reporting the same step twice anyway.
        if is_critical(values[last]) && dips.iter().all(|d| d.index != last) {
            dips.push(Dip {
                at_end: true,
                ..dip(values, elapsed, t, last, None)
            });
        }
    }
    dips.sort_by(|a, b| {
        b.severity
            .total_cmp(&a.severity)
            .then(a.index.cmp(&b.index))
    });
    dips
}

/// Builds the dip at `index` (which must be in range), not marked `at_end`.
fn dip(
    values: &[f64],
    elapsed: &[Option<f64>],
    t: &Thresholds,
    index: usize,
    prominence: Option<f64>,
) -> Dip {
    let (severity, below_neutral_duration) = match below_neutral_run(values, index, t) {
        None => (0.0, None),
        Some((start, end)) => {
            let severity = values[start..end].iter().map(|v| t.neutral - v).sum();
            // Time up to the first step after the run; when the journey ends
            // below neutral there is none, so up to the run's last step.
            let stop = if end < values.len() { end } else { end - 1 };
            let time = |i: usize| elapsed.get(i).copied().flatten();
            let duration = match (time(start), time(stop)) {
                (Some(from), Some(to)) => Some(to - from),
                _ => None,
            };
            (severity, duration)
        }
    };
    Dip {
        index,
        feeling: values[index],
        prominence,
        at_end: false,
        severity,
        below_neutral_duration,
        sharp_drop_only: values[index] > t.critical + t.tolerance(),
    }
}

/// The maximal run `start..end` (end exclusive) of consecutive below-neutral
/// steps containing `index`, or `None` when that step is not below neutral.
fn below_neutral_run(values: &[f64], index: usize, t: &Thresholds) -> Option<(usize, usize)> {
    let above = |v: &f64| !below_neutral(*v, t);
    if above(&values[index]) {
        return None;
    }
    let start = values[..index].iter().rposition(above).map_or(0, |i| i + 1);
    let end = values[index..]
        .iter()
        .position(above)
        .map_or(values.len(), |i| index + i);
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::super::turning::turning_points;
    use super::*;

    fn scale() -> Thresholds {
        Thresholds::for_scale(-5.0, 5.0, 0.0)
    }

    fn dips(values: &[f64], elapsed: &[Option<f64>]) -> Vec<Dip> {
        let t = scale();
        let turning = turning_points(values, t.prominence, t.tolerance());
        critical_dips(values, &turning, elapsed, &t)
    }

    #[test]
    fn empty_and_tiny() {
        assert!(dips(&[], &[]).is_empty());
        assert!(dips(&[-2.0], &[]).is_empty());
        assert!(dips(&[1.0, 2.0], &[]).is_empty());
    }

    /// A dip above the critical level is flagged by its sharp drop alone.
    #[test]
    fn sharp_drop_only_is_told() {
        let t = Thresholds::for_scale(1.0, 5.0, 3.0);
        let values = [5.0, 2.0, 5.0];
        let turning =
            crate::analysis::turning::turning_points(&values, t.prominence, t.tolerance());
        let d = critical_dips(&values, &turning, &[], &t);
        assert_eq!(d.len(), 1);
        assert!(d[0].sharp_drop_only, "{d:?}");
        let values = [5.0, 1.0, 5.0];
        let turning =
            crate::analysis::turning::turning_points(&values, t.prominence, t.tolerance());
        assert!(!critical_dips(&values, &turning, &[], &t)[0].sharp_drop_only);
    }

    #[test]
    fn single_dip_at_end() {
        let d = dips(
            &[1.0, 0.0, -1.0, -4.0],
            &[Some(0.0), Some(10.0), Some(25.0), Some(40.0)],
        );
        assert_eq!(
            d,
            vec![Dip {
                index: 3,
                feeling: -4.0,
                prominence: None,
                at_end: true,
                severity: 5.0,
                // Run starts at step 2 (t = 25) and the journey ends below
                // neutral, so the duration runs to the last step (t = 40).
                below_neutral_duration: Some(15.0),
                sharp_drop_only: false,
            }]
        );
    }

    #[test]
    fn end_exactly_at_critical_counts() {
        let d = dips(&[0.0, -3.0], &[]);
        assert_eq!(d.len(), 1);
        assert!(d[0].at_end);
        assert!(dips(&[0.0, -2.9], &[]).is_empty());
    }

    #[test]
    fn severity_sums_the_whole_run() {
        // Run of below-neutral steps 1..=4: 1 + 4 + 2 + 2.5 = 9.5. Trough at 2;
        // the wiggle at step 4 (prominence 0.5) is no turning point.
        let v = [1.0, -1.0, -4.0, -2.0, -2.5, 2.0];
        let elapsed = [Some(0.0), Some(5.0), Some(7.0), None, None, Some(60.0)];
        let d = dips(&v, &elapsed);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].index, d[0].severity), (2, 9.5));
        assert_eq!(d[0].prominence, Some(5.0)); // -4 against the higher base -1
                                                // From step 1 (t = 5) to the first step after the run (t = 60).
        assert_eq!(d[0].below_neutral_duration, Some(55.0));
    }

    #[test]
    fn ranked_by_severity_then_index() {
        // Trough 1: run {1}, severity 3.5. Trough 3: run {3, 4}, severity 4+2=6.
        // Last step -3.5: its own run, severity 3.5, ties with index 1.
        let v = [0.0, -3.5, 1.0, -4.0, -2.0, 1.0, -3.5];
        let d: Vec<(usize, f64, bool)> = dips(&v, &[])
            .iter()
            .map(|d| (d.index, d.severity, d.at_end))
            .collect();
        assert_eq!(d, vec![(3, 6.0, false), (1, 3.5, false), (6, 3.5, true)]);
    }

    #[test]
    fn sharp_drop_to_neutral_has_zero_severity() {
        // Trough at 1 with prominence 5: a sharp drop, but only to neutral.
        let d = dips(&[5.0, 0.0, 5.0], &[Some(0.0), Some(1.0), Some(2.0)]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].prominence, Some(5.0));
        assert_eq!((d[0].severity, d[0].below_neutral_duration), (0.0, None));
    }

    #[test]
    fn shallow_trough_is_not_critical() {
        // Trough at -2 with prominence 3: neither critical nor sharp.
        assert!(dips(&[1.0, -2.0, 1.0], &[]).is_empty());
    }

    #[test]
    fn unknown_times_give_null_duration() {
        let d = dips(&[0.0, -4.0, 0.0], &[]);
        assert_eq!(d[0].below_neutral_duration, None);
        let d = dips(&[0.0, -4.0, 0.0], &[Some(0.0), Some(3.0), None]);
        assert_eq!(d[0].below_neutral_duration, None);
    }

    #[test]
    fn at_end_is_never_duplicated() {
        let t = scale();
        let v = [0.0, -4.0];
        // A (bogus) trough at the last step must not yield a second dip.
        let bogus = [TurningPoint {
            index: 1,
            kind: Kind::Trough,
            feeling: -4.0,
            prominence: 4.0,
        }];
        let d = critical_dips(&v, &bogus, &[], &t);
        assert_eq!(d.len(), 1);
        // Out-of-range points are ignored rather than panicking.
        let far = [TurningPoint {
            index: 9,
            ..bogus[0].clone()
        }];
        assert_eq!(critical_dips(&v, &far, &[], &t).len(), 1);
    }

    #[test]
    fn decimal_critical_level() {
        // On 1..7 with neutral 4 the critical level is 2.2 (not exact in
        // binary); a feeling of exactly 2.2 still counts thanks to the tolerance.
        let t = Thresholds::for_scale(1.0, 7.0, 4.0);
        let d = critical_dips(&[4.0, 2.2], &[], &[], &t);
        assert_eq!(d.len(), 1);
        assert!((d[0].severity - 1.8).abs() < 1e-12);
    }
}
