//! Hand-offs: where responsibility for the customer passes between owners.
//!
//! A **hand-off** is a step `i` whose owner differs from the owner of step
//! `i - 1`, both owners known. The feeling change of the transition
//! `i - 1 → i` is `values[i] - values[i - 1]`. Transitions where either owner
//! is unknown are excluded from both means: we cannot tell whether they were
//! hand-offs.

use std::collections::BTreeSet;

use serde::Serialize;

/// Hand-offs of one sequence and how feelings move across them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HandoffStats {
    /// Indices `i` where `owner[i] != owner[i-1]`, both known, ascending.
    pub handoffs: Vec<usize>,
    /// Number of distinct known owners.
    pub owners: usize,
    /// Mean feeling change over hand-off transitions; `None` when there are none.
    pub mean_change_with_handoff: Option<f64>,
    /// Mean feeling change over transitions with the same known owner on
    /// both sides; `None` when there are none.
    pub mean_change_without_handoff: Option<f64>,
}

/// Hand-off statistics for `values` with interned owner ids per step.
///
/// `owners` should have the same length as `values`; only the steps present
/// in both are looked at.
pub fn handoffs(values: &[f64], owners: &[Option<u32>]) -> HandoffStats {
    let steps = values.len().min(owners.len());
    let mut handoffs = Vec::new();
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for i in 1..steps {
        if let (Some(before), Some(after)) = (owners[i - 1], owners[i]) {
            let change = values[i] - values[i - 1];
            if before != after {
                handoffs.push(i);
                with.push(change);
            } else {
                without.push(change);
            }
        }
    }
    let owners: BTreeSet<u32> = owners[..steps].iter().flatten().copied().collect();
    HandoffStats {
        handoffs,
        owners: owners.len(),
        mean_change_with_handoff: mean(&with),
        mean_change_without_handoff: mean(&without),
    }
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_single() {
        let none = HandoffStats {
            handoffs: vec![],
            owners: 0,
            mean_change_with_handoff: None,
            mean_change_without_handoff: None,
        };
        assert_eq!(handoffs(&[], &[]), none);
        assert_eq!(handoffs(&[1.0], &[None]), none);
        assert_eq!(handoffs(&[1.0], &[Some(7)]).owners, 1);
    }

    #[test]
    fn journey() {
        // Owners: A A B ? B A. Transitions: 0→1 same (+1), 1→2 hand-off (-3),
        // 2→3 and 3→4 unknown (excluded), 4→5 hand-off (+2).
        let v = [0.0, 1.0, -2.0, 3.0, -1.0, 1.0];
        let o = [Some(0), Some(0), Some(1), None, Some(1), Some(0)];
        let s = handoffs(&v, &o);
        assert_eq!(s.handoffs, vec![2, 5]);
        assert_eq!(s.owners, 2);
        assert_eq!(s.mean_change_with_handoff, Some(-0.5));
        assert_eq!(s.mean_change_without_handoff, Some(1.0));
    }

    #[test]
    fn one_owner_throughout() {
        let s = handoffs(&[0.0, -2.0, -1.0], &[Some(3); 3]);
        assert!(s.handoffs.is_empty());
        assert_eq!(s.owners, 1);
        assert_eq!(s.mean_change_with_handoff, None);
        assert_eq!(s.mean_change_without_handoff, Some(-0.5));
    }

    #[test]
    fn mismatched_lengths_do_not_panic() {
        let s = handoffs(&[0.0, 1.0, 2.0], &[Some(1), Some(2)]);
        assert_eq!(s.handoffs, vec![1]);
        let s = handoffs(&[0.0], &[Some(1), Some(2)]);
        assert_eq!((s.handoffs.len(), s.owners), (0, 1));
    }
}
