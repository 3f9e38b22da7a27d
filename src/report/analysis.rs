//! The serialisable shape of `emograph analyze`: a public contract, so
//! field names are only ever added, never renamed or dropped.

use serde::Serialize;

use crate::analysis::journey::{analyze_case, CaseAnalysis};
use crate::analysis::turning::Kind;
use crate::analysis::{SequenceAnalysis, Thresholds};
use crate::model::{Case, Dataset};

#[derive(Debug, Clone, Serialize)]
pub struct AnalysisReport<'a> {
    /// The column cases are grouped by (`analyze --by`); absent without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'a str>,
    pub scale: ScaleReport,
    pub cases: Vec<CaseReport<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScaleReport {
    pub min: f64,
    pub max: f64,
    pub neutral: f64,
    pub critical: f64,
    pub prominence: f64,
    pub sharp_drop: f64,
}

impl ScaleReport {
    pub fn new(t: &Thresholds) -> Self {
        ScaleReport {
            min: t.min,
            max: t.max,
            neutral: t.neutral,
            critical: t.critical,
            prominence: t.prominence,
            sharp_drop: t.sharp_drop,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseReport<'a> {
    pub case: &'a str,
    pub segment: Option<&'a str>,
    /// The case's group (its value in the `--by` column, `(none)` when
    /// blank); absent without `--by`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<&'a str>,
    pub steps: Vec<StepValue<'a>>,
    pub turning_points: Vec<TurningReport<'a>>,
    pub critical_dips: Vec<DipReport<'a>>,
    pub summary: SummaryReport<'a>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepValue<'a> {
    pub index: usize,
    pub step: &'a str,
    pub feeling: f64,
    /// Seconds since the case's first timed step; null without a time.
    pub elapsed: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TurningReport<'a> {
    pub index: usize,
    pub step: &'a str,
    pub kind: Kind,
    pub feeling: f64,
    pub prominence: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct DipReport<'a> {
    pub index: usize,
    pub step: &'a str,
    pub feeling: f64,
    pub prominence: Option<f64>,
    pub at_end: bool,
    pub severity: f64,
    /// Seconds spent below neutral around the dip; null without times.
    pub below_neutral_duration: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SummaryReport<'a> {
    pub steps: usize,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_step: Option<StepRef<'a>>,
    pub max_step: Option<StepRef<'a>>,
    pub start: Option<f64>,
    pub end: Option<f64>,
    pub peak_end: Option<f64>,
    pub area_below_neutral: f64,
    pub share_below_neutral: Option<f64>,
    /// Number of hand-offs (changes of owner); null without an owner column.
    pub handoffs: Option<usize>,
    /// Distinct owners; null without an owner column.
    pub owners: Option<usize>,
    pub handoff_steps: Option<Vec<StepRef<'a>>>,
    pub mean_change_with_handoff: Option<f64>,
    pub mean_change_without_handoff: Option<f64>,
    /// Mean of expected − feeling; null without an expected column.
    pub promise_gap: Option<f64>,
    pub largest_gaps: Option<Vec<GapReport<'a>>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepRef<'a> {
    pub index: usize,
    pub step: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct GapReport<'a> {
    pub index: usize,
    pub step: &'a str,
    pub expected: f64,
    pub feeling: f64,
    pub gap: f64,
}

/// Name of the step at a case's point `index`.
pub fn step_name<'a>(ds: &'a Dataset, case: &Case, index: usize) -> &'a str {
    case.points
        .get(index)
        .and_then(|p| ds.steps.get(p.step as usize))
        .map(|s| s.name.as_str())
        .unwrap_or("")
}

/// Build the report of every case.
pub fn build<'a>(ds: &'a Dataset, analyses: &[CaseAnalysis], t: &Thresholds) -> AnalysisReport<'a> {
    AnalysisReport {
        by: None,
        scale: ScaleReport::new(t),
        cases: ds
            .cases
            .iter()
            .zip(analyses)
            .map(|(case, a)| case_report(ds, case, a))
            .collect(),
    }
}

/// Analyse every case and build its report at once, on every core, in
/// sheet order: the same report as [`build`] of
/// [`analyze_all`](crate::analysis::journey::analyze_all), without keeping
/// the analyses of a million steps beside it (each is freed as soon as its
/// case's report is made, and its memory serves the next case).
pub fn analyze_and_build<'a>(ds: &'a Dataset, t: &Thresholds) -> AnalysisReport<'a> {
    use rayon::prelude::*;
    AnalysisReport {
        by: None,
        scale: ScaleReport::new(t),
        cases: ds
            .cases
            .par_iter()
            .map(|case| case_report(ds, case, &analyze_case(case, &ds.columns, t)))
            .collect(),
    }
}

/// Turning points, dips and summary of one analysed sequence, with step
/// names from `name`; hand-off and promise fields are left empty.
pub fn sequence_parts<'a>(
    a: &SequenceAnalysis,
    name: &dyn Fn(usize) -> &'a str,
) -> (
    Vec<TurningReport<'a>>,
    Vec<DipReport<'a>>,
    SummaryReport<'a>,
) {
    let step_ref = |i: usize| StepRef {
        index: i,
        step: name(i),
    };
    let turning = a
        .turning_points
        .iter()
        .map(|t| TurningReport {
            index: t.index,
            step: name(t.index),
            kind: t.kind,
            feeling: t.feeling,
            prominence: t.prominence,
        })
        .collect();
    let dips = a
        .critical_dips
        .iter()
        .map(|d| DipReport {
            index: d.index,
            step: name(d.index),
            feeling: d.feeling,
            prominence: d.prominence,
            at_end: d.at_end,
            severity: d.severity,
            below_neutral_duration: d.below_neutral_duration,
        })
        .collect();
    let s = &a.summary;
    let summary = SummaryReport {
        steps: s.steps,
        mean: s.mean,
        min: s.min.as_ref().map(|e| e.feeling),
        max: s.max.as_ref().map(|e| e.feeling),
        min_step: s.min.as_ref().map(|e| step_ref(e.index)),
        max_step: s.max.as_ref().map(|e| step_ref(e.index)),
        start: s.start,
        end: s.end,
        peak_end: s.peak_end,
        area_below_neutral: s.area_below_neutral,
        share_below_neutral: s.share_below_neutral,
        handoffs: None,
        owners: None,
        handoff_steps: None,
        mean_change_with_handoff: None,
        mean_change_without_handoff: None,
        promise_gap: None,
        largest_gaps: None,
    };
    (turning, dips, summary)
}

fn case_report<'a>(ds: &'a Dataset, case: &'a Case, a: &CaseAnalysis) -> CaseReport<'a> {
    let name = |i: usize| step_name(ds, case, i);
    let step_ref = |i: usize| StepRef {
        index: i,
        step: name(i),
    };
    let (turning_points, critical_dips, mut summary) = sequence_parts(&a.sequence, &name);
    if let Some(h) = &a.handoffs {
        summary.handoffs = Some(h.handoffs.len());
        summary.owners = Some(h.owners);
        summary.handoff_steps = Some(h.handoffs.iter().map(|&i| step_ref(i)).collect());
        summary.mean_change_with_handoff = h.mean_change_with_handoff;
        summary.mean_change_without_handoff = h.mean_change_without_handoff;
    }
    if let Some(p) = &a.promise {
        summary.promise_gap = p.mean_gap;
        summary.largest_gaps = Some(
            p.largest
                .iter()
                .map(|g| GapReport {
                    index: g.index,
                    step: name(g.index),
                    expected: g.expected,
                    feeling: g.feeling,
                    gap: g.gap,
                })
                .collect(),
        );
    }
    CaseReport {
        case: &case.name,
        segment: case.segment.map(|s| ds.text(s)),
        group: None,
        steps: case
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| StepValue {
                index: i,
                step: name(i),
                feeling: p.feeling,
                elapsed: a.elapsed.get(i).copied().flatten(),
            })
            .collect(),
        turning_points,
        critical_dips,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse, InputOptions};

    /// The one-pass report is the report of the kept analyses, case by case
    /// and in order, with times, owners and expectations.
    #[test]
    fn analyze_and_build_equals_build_of_the_analyses() {
        let mut sheet = String::from("case,step,owner,expected,time,feeling\n");
        for c in 0..300 {
            for i in 0..(c % 7 + 1) {
                let feeling = (c * 5 + i * 3) % 11;
                sheet.push_str(&format!(
                    "C{c},s{i},o{},{},{}h,{}\n",
                    (c + i) % 2,
                    i % 3,
                    i * 2,
                    feeling as f64 - 5.0
                ));
            }
        }
        let ds = parse("t.csv", sheet.as_bytes(), &InputOptions::default()).unwrap();
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let analyses = crate::analysis::journey::analyze_all(&ds, &t);
        let kept = serde_json::to_string(&build(&ds, &analyses, &t)).unwrap();
        let one_pass = serde_json::to_string(&analyze_and_build(&ds, &t)).unwrap();
        assert_eq!(one_pass, kept);
        assert!(kept.contains("\"handoffs\":") && kept.contains("\"elapsed\":7200.0"));
    }
}
