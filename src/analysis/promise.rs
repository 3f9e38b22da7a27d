//! Promise gap: how far the feeling fell short of what the customer expected.
//!
//! The **gap** at a step is `expected − feeling`, defined where an expectation
//! exists; positive means the step disappointed.

use serde::Serialize;

/// One step's expectation and the feeling actually reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub index: usize,
    pub expected: f64,
    pub feeling: f64,
    /// `expected − feeling`.
    pub gap: f64,
}

/// Promise gap of one sequence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiseGap {
    /// Mean of `expected − feeling` over the steps with an expectation;
    /// `None` when no step has one.
    pub mean_gap: Option<f64>,
    /// Up to 3 disappointments (gap > 0), largest gap first, ties lower
    /// index first.
    pub largest: Vec<Gap>,
}

/// Promise gap for `values` with an optional expected feeling per step.
///
/// `expected` should have the same length as `values`; only the steps present
/// in both are looked at.
pub fn promise_gap(values: &[f64], expected: &[Option<f64>]) -> PromiseGap {
    let mut gaps: Vec<Gap> = values
        .iter()
        .zip(expected)
        .enumerate()
        .filter_map(|(index, (&feeling, &expected))| {
            expected.map(|expected| Gap {
                index,
                expected,
                feeling,
                gap: expected - feeling,
            })
        })
        .collect();
    let mean_gap =
        (!gaps.is_empty()).then(|| gaps.iter().map(|g| g.gap).sum::<f64>() / gaps.len() as f64);
    gaps.retain(|g| g.gap > 0.0);
    gaps.sort_by(|a, b| b.gap.total_cmp(&a.gap).then(a.index.cmp(&b.index)));
    gaps.truncate(3);
    PromiseGap {
        mean_gap,
        largest: gaps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_expectations() {
        let none = PromiseGap {
            mean_gap: None,
            largest: vec![],
        };
        assert_eq!(promise_gap(&[], &[]), none);
        assert_eq!(promise_gap(&[1.0, 2.0], &[None, None]), none);
        assert_eq!(promise_gap(&[1.0, 2.0], &[]), none);
    }

    #[test]
    fn journey() {
        // Gaps: 2, -1, (none), 3, 2, 0.5 → mean 6.5 / 5 = 1.3.
        let v = [1.0, 3.0, 0.0, -2.0, 0.0, 1.5];
        let e = [Some(3.0), Some(2.0), None, Some(1.0), Some(2.0), Some(2.0)];
        let p = promise_gap(&v, &e);
        assert_eq!(p.mean_gap, Some(1.3));
        let largest: Vec<(usize, f64)> = p.largest.iter().map(|g| (g.index, g.gap)).collect();
        // 3 first, then the two gaps of 2 with the lower index first.
        assert_eq!(largest, vec![(3, 3.0), (0, 2.0), (4, 2.0)]);
        assert_eq!(
            p.largest[0],
            Gap {
                index: 3,
                expected: 1.0,
                feeling: -2.0,
                gap: 3.0
            }
        );
    }

    #[test]
    fn only_positive_gaps_are_listed() {
        let p = promise_gap(&[2.0, 1.0], &[Some(1.0), Some(1.0)]);
        assert_eq!(p.mean_gap, Some(-0.5));
        assert!(p.largest.is_empty());
    }
}
