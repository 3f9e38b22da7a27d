//! The analyses of one case of a dataset: its feelings, elapsed times,
//! owners and expectations taken from the model and handed to the pure
//! sequence analyses.
//!
//! **Elapsed time** counts from the case's first step: the first step that has a
//! time is 0, and every other step's elapsed time is its time minus that one's.

use super::handoffs::{self, HandoffStats};
use super::promise::{self, PromiseGap};
use super::{analyze_sequence, SequenceAnalysis, Thresholds};
use crate::model::{Case, Columns, Dataset, TimeValue};

/// Everything found in one case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseAnalysis {
    pub sequence: SequenceAnalysis,
    /// Elapsed time in seconds at each of the case's points, counted from its
    /// first step that has a time; `None` where the row gave no time.
    pub elapsed: Vec<Option<f64>>,
    /// Hand-offs, when the sheet has an owner column.
    pub handoffs: Option<HandoffStats>,
    /// Promise against experience, when the sheet has an expected column.
    pub promise: Option<PromiseGap>,
}

/// Elapsed seconds at each point of a case (see the module documentation).
pub fn elapsed(case: &Case) -> Vec<Option<f64>> {
    let seconds = |t: TimeValue| match t {
        TimeValue::Offset(s) | TimeValue::Instant(s) => s,
    };
    let times: Vec<Option<TimeValue>> = (0..case.points.len())
        .map(|i| case.detail(i).time)
        .collect();
    let origin = times.iter().find_map(|&t| t).map(seconds);
    times
        .iter()
        .map(|t| Some(seconds((*t)?) - origin?))
        .collect()
}

/// Analyse every case of a dataset, on all cores (cases are independent;
/// the order of the result is the order of the cases).
pub fn analyze_all(ds: &Dataset, t: &Thresholds) -> Vec<CaseAnalysis> {
    use rayon::prelude::*;
    ds.cases
        .par_iter()
        .map(|c| analyze_case(c, &ds.columns, t))
        .collect()
}

/// Analyse one case: turning points, critical dips and summary of its
/// feelings, plus hand-offs and the promise gap where the sheet has the columns.
pub fn analyze_case(case: &Case, columns: &Columns, t: &Thresholds) -> CaseAnalysis {
    let values = case.feelings();
    let elapsed = if columns.time {
        elapsed(case)
    } else {
        Vec::new()
    };
    let sequence = analyze_sequence(&values, &elapsed, t);
    let handoffs = columns.owner.then(|| {
        let owners: Vec<Option<u32>> = (0..case.points.len())
            .map(|i| case.detail(i).owner.map(|s| s.index() as u32))
            .collect();
        handoffs::handoffs(&values, &owners)
    });
    let promise = columns.expected.then(|| {
        let expected: Vec<Option<f64>> = (0..case.points.len())
            .map(|i| case.detail(i).expected)
            .collect();
        promise::promise_gap(&values, &expected)
    });
    CaseAnalysis {
        sequence,
        elapsed,
        handoffs,
        promise,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse, InputOptions};

    fn case_of(sheet: &str) -> (crate::model::Dataset, CaseAnalysis) {
        let ds = parse("t.csv", sheet.as_bytes(), &InputOptions::default()).unwrap();
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let a = analyze_case(&ds.cases[0], &ds.columns, &t);
        (ds, a)
    }

    #[test]
    fn elapsed_counts_from_the_first_step() {
        let (_, a) = case_of("step,time,feeling\na,2026-03-01,1\nb,2026-03-02,-2\nc,,-4\n");
        assert_eq!(a.elapsed, vec![Some(0.0), Some(86400.0), None]);
    }

    #[test]
    fn owners_and_expectations_are_used_when_present() {
        let (_, a) = case_of(
            "step,owner,expected,feeling\na,sales,3,2\nb,field,3,-3\nc,field,2,1\nd,billing,1,-4\n",
        );
        let h = a.handoffs.expect("owner column");
        assert_eq!(h.handoffs, vec![1, 3]);
        assert_eq!(h.owners, 3);
        let p = a.promise.expect("expected column");
        assert_eq!(p.largest[0].index, 1);
        assert_eq!(p.largest[0].gap, 6.0);
    }

    #[test]
    fn no_optional_columns_no_optional_results() {
        let (_, a) = case_of("step,feeling\na,1\nb,-4\nc,2\n");
        assert!(a.handoffs.is_none() && a.promise.is_none() && a.elapsed.is_empty());
        assert_eq!(a.sequence.critical_dips.len(), 1);
    }
}
