//! The serialisable shape of `emograph compare`: a public contract, so
//! field names are only ever added, never renamed or dropped.

use serde::Serialize;

use super::analysis::ScaleReport;
use crate::analysis::compare::{
    self, Change, Comparison, JourneyMeasure, SideResult, Status, StepComparison,
};
use crate::analysis::pattern::Stat;
use crate::analysis::Thresholds;
use crate::model::StepSummary;

#[derive(Debug, Clone, Serialize)]
pub struct CompareReport<'a> {
    pub before: SideReport<'a>,
    pub after: SideReport<'a>,
    /// Every step in the merged order.
    pub steps: Vec<StepReport<'a>>,
    pub journey: JourneyReport,
    pub fixed_dips: &'a [String],
    pub new_dips: &'a [String],
    pub removed_steps: &'a [String],
    pub added_steps: &'a [String],
    /// The significance level `p_holm` is held against.
    pub alpha: f64,
    /// The pattern statistic (`median` or `mean`).
    pub stat: Stat,
    /// What changed, in one line of words.
    pub verdict: String,
    /// Why no test could be run; null when some test was.
    pub no_test_reason: Option<&'a str>,
    pub scale: ScaleReport,
}

#[derive(Debug, Clone, Serialize)]
pub struct SideReport<'a> {
    pub label: &'a str,
    /// Number of cases; null for a summary.
    pub cases: Option<usize>,
    pub summary: SideSummaryReport<'a>,
}

/// A side's pattern summary.
#[derive(Debug, Clone, Serialize)]
pub struct SideSummaryReport<'a> {
    pub steps: usize,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub min_step: Option<&'a str>,
    pub end: Option<f64>,
    pub peak_end: Option<f64>,
    pub area_below_neutral: f64,
    pub critical_dips: &'a [String],
    pub prone_to_fail: &'a [String],
    /// Mean hand-offs per case; null without an owner column.
    pub handoffs: Option<f64>,
    /// Median elapsed seconds per case; null without a time column.
    pub elapsed: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepReport<'a> {
    pub step: &'a str,
    pub status: Status,
    pub before: Option<FiguresReport>,
    pub after: Option<FiguresReport>,
    pub delta_median: Option<f64>,
    pub delta_mean: Option<f64>,
    pub p_value: Option<f64>,
    pub effect: Option<f64>,
    pub p_holm: Option<f64>,
    pub significant: Option<bool>,
    /// `better`, `worse` or `same`; null for a removed or added step.
    pub change: Option<Change>,
}

/// One side's figures at a step.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FiguresReport {
    pub n: Option<usize>,
    pub median: f64,
    pub mean: Option<f64>,
    pub p25: Option<f64>,
    pub p75: Option<f64>,
    pub critical_share: Option<f64>,
}

impl From<StepSummary> for FiguresReport {
    fn from(f: StepSummary) -> Self {
        FiguresReport {
            n: f.n,
            median: f.median,
            mean: f.mean,
            p25: f.p25,
            p75: f.p75,
            critical_share: f.critical_share,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct JourneyReport {
    pub peak_end: MeasureReport,
    pub area_below_neutral: MeasureReport,
    pub mean: MeasureReport,
    pub end: MeasureReport,
    pub handoffs: MeasureReport,
    pub elapsed: MeasureReport,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct MeasureReport {
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub delta: Option<f64>,
    pub p_value: Option<f64>,
    pub effect: Option<f64>,
    pub p_holm: Option<f64>,
    pub significant: Option<bool>,
    pub higher_is_better: bool,
}

impl From<&JourneyMeasure> for MeasureReport {
    fn from(m: &JourneyMeasure) -> Self {
        MeasureReport {
            before: m.before,
            after: m.after,
            delta: m.delta,
            p_value: m.p_value,
            effect: m.effect,
            p_holm: m.p_holm,
            significant: m.significant,
            higher_is_better: m.higher_is_better,
        }
    }
}

fn side(s: &SideResult) -> SideReport<'_> {
    let m = &s.summary;
    SideReport {
        label: &s.label,
        cases: s.cases,
        summary: SideSummaryReport {
            steps: m.steps,
            mean: m.mean,
            min: m.min,
            min_step: m.min_step.as_deref(),
            end: m.end,
            peak_end: m.peak_end,
            area_below_neutral: m.area_below_neutral,
            critical_dips: &m.critical_dips,
            prone_to_fail: &m.prone_to_fail,
            handoffs: m.handoffs,
            elapsed: m.elapsed,
        },
    }
}

fn step(s: &StepComparison) -> StepReport<'_> {
    StepReport {
        step: &s.name,
        status: s.status,
        before: s.before.map(FiguresReport::from),
        after: s.after.map(FiguresReport::from),
        delta_median: s.delta_median,
        delta_mean: s.delta_mean,
        p_value: s.p_value,
        effect: s.effect,
        p_holm: s.p_holm,
        significant: s.significant,
        change: s.change,
    }
}

/// Build the report of a comparison.
pub fn build<'a>(c: &'a Comparison, t: &Thresholds) -> CompareReport<'a> {
    let j = &c.journey;
    CompareReport {
        before: side(&c.before),
        after: side(&c.after),
        steps: c.steps.iter().map(step).collect(),
        journey: JourneyReport {
            peak_end: (&j.peak_end).into(),
            area_below_neutral: (&j.area_below_neutral).into(),
            mean: (&j.mean).into(),
            end: (&j.end).into(),
            handoffs: (&j.handoffs).into(),
            elapsed: (&j.elapsed).into(),
        },
        fixed_dips: &c.fixed_dips,
        new_dips: &c.new_dips,
        removed_steps: &c.removed_steps,
        added_steps: &c.added_steps,
        alpha: c.alpha,
        stat: c.stat,
        verdict: crate::figure::Lang::En
            .words()
            .verdict(&compare::verdict_counts(c)),
        no_test_reason: c.no_test_reason.as_deref(),
        scale: ScaleReport::new(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare::{compare, CompareOptions, Side};
    use crate::input::{parse, InputOptions};
    use crate::model::Case;
    use crate::report::{exporter, ReportFormat};

    /// As is (a five-day wait for a technician) against to be (a call back
    /// within the hour): three cases each, one step removed, one added.
    const SHEET: &str = "\
case,version,step,feeling
A,as is,call,1
A,as is,wait,-4
A,as is,technician,2
A,as is,=bill,-1
B,as is,call,0
B,as is,wait,-5
B,as is,technician,1
B,as is,=bill,-2
C,as is,call,2
C,as is,wait,-3
C,as is,technician,3
C,as is,=bill,-1
D,to be,call,1
D,to be,call back,3
D,to be,technician,2
D,to be,=bill,-1
E,to be,call,1
E,to be,call back,2
E,to be,technician,3
E,to be,=bill,-1
F,to be,call,2
F,to be,call back,4
F,to be,technician,3
F,to be,=bill,0
";

    fn render(format: ReportFormat) -> String {
        let ds = parse("journey.csv", SHEET.as_bytes(), &InputOptions::default()).unwrap();
        let old = ds.strings.lookup("as is");
        let (before, after): (Vec<&Case>, Vec<&Case>) =
            ds.cases.iter().partition(|c| c.version == old);
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let c = compare(
            &Side::cases("As is", &ds, &before),
            &Side::cases("To be", &ds, &after),
            &t,
            &CompareOptions::default(),
        )
        .unwrap();
        let report = build(&c, &t);
        let mut out = Vec::new();
        exporter(format).compare(&report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_snapshot() {
        let text = render(ReportFormat::Json);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for key in [
            "before",
            "after",
            "steps",
            "journey",
            "fixed_dips",
            "new_dips",
            "removed_steps",
            "added_steps",
            "alpha",
        ] {
            assert!(v.get(key).is_some(), "{key} missing");
        }
        insta::assert_snapshot!("compare_json", text);
    }

    #[test]
    fn table_snapshot() {
        let text = render(ReportFormat::Table);
        assert!(text.starts_with("1 step better"), "{text}");
        insta::assert_snapshot!("compare_table", text);
    }

    #[test]
    fn csv_snapshot() {
        let text = render(ReportFormat::Csv);
        assert!(text.contains("'=bill"), "formula guarded: {text}");
        insta::assert_snapshot!("compare_csv", text);
    }
}
