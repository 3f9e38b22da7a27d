//! The serialisable shape of `emograph pattern`: a public contract, so
//! field names are only ever added, never renamed or dropped.

use serde::Serialize;

use super::analysis::{sequence_parts, DipReport, ScaleReport, SummaryReport, TurningReport};
use crate::analysis::pattern::{Pattern, Stat};
use crate::analysis::Thresholds;
use crate::model::{Interner, Step, StepSummary};

#[derive(Debug, Clone, Serialize)]
pub struct PatternReport<'a> {
    pub scale: ScaleReport,
    /// Number of cases combined; null for a summary read from a file.
    pub cases: Option<usize>,
    pub stat: Stat,
    /// The `--risk` threshold a step's critical share is held against.
    pub risk: f64,
    pub steps: Vec<PatternStepReport<'a>>,
    /// The pattern line: the statistic at each step, in the order of `steps`.
    pub line: Vec<f64>,
    pub turning_points: Vec<TurningReport<'a>>,
    pub critical_dips: Vec<DipReport<'a>>,
    pub summary: SummaryReport<'a>,
    /// Steps no case has a feeling at, left out of the pattern.
    pub left_out: Vec<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PatternStepReport<'a> {
    pub step: &'a str,
    pub phase: Option<&'a str>,
    #[serde(flatten)]
    pub figures: StepSummary,
    /// Prone to failure: critical_share ≥ risk; null when the share is unknown.
    pub risk: Option<bool>,
}

/// `--by`: one pattern per group.
#[derive(Debug, Clone, Serialize)]
pub struct GroupsReport<'a> {
    pub by: &'a str,
    pub groups: Vec<GroupReport<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport<'a> {
    pub group: &'a str,
    #[serde(flatten)]
    pub pattern: PatternReport<'a>,
}

/// What `pattern` reports: one pattern, or one per group.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum PatternOutput<'a> {
    Single(Box<PatternReport<'a>>),
    Groups(GroupsReport<'a>),
}

/// Build the report of one pattern over `steps` (the source's step list).
pub fn build<'a>(
    pattern: &Pattern,
    steps: &'a [Step],
    strings: &'a Interner,
    t: &Thresholds,
) -> PatternReport<'a> {
    let name = |i: usize| {
        pattern
            .steps
            .get(i)
            .and_then(|p| steps.get(p.step))
            .map(|s| s.name.as_str())
            .unwrap_or("")
    };
    let (turning_points, critical_dips, summary) = sequence_parts(&pattern.analysis, &name);
    PatternReport {
        scale: ScaleReport::new(t),
        cases: pattern.cases,
        stat: pattern.stat,
        risk: pattern.risk,
        steps: pattern
            .steps
            .iter()
            .map(|p| {
                let step = &steps[p.step];
                PatternStepReport {
                    step: &step.name,
                    phase: step.phase.map(|s| strings.get(s)),
                    figures: p.figures,
                    risk: p.risk,
                }
            })
            .collect(),
        line: pattern.line.clone(),
        turning_points,
        critical_dips,
        summary,
        left_out: pattern
            .empty_steps
            .iter()
            .filter_map(|&i| steps.get(i).map(|s| s.name.as_str()))
            .collect(),
    }
}
