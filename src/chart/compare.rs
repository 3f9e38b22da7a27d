//! The before/after graph of a comparison: what `compare` draws. Takes the
//! [`Comparison`] (analysis) and the step lists the two sides were read
//! with (for phase names), and hands the figure builder in
//! `figure::compare` exactly what it shows; nothing is computed again.

use crate::analysis::compare::{verdict_counts, Comparison, Status};
use crate::analysis::pattern::Stat;
use crate::analysis::Thresholds;
use crate::figure::compare::{self, CompareChart, CompareSide, CompareStep, StepStatus};
use crate::figure::emotion::ChartOptions;
use crate::figure::pattern::BandKind;
use crate::figure::Figure;
use crate::model::{Interner, Scale, Step};

/// Where a side's steps and their phase names come from.
#[derive(Clone, Copy)]
pub struct SideSteps<'a> {
    pub steps: &'a [Step],
    pub strings: &'a Interner,
}

impl SideSteps<'_> {
    /// The phase of the side's `k`-th pattern step, by name.
    fn phase_of(&self, c: &crate::analysis::pattern::Pattern, k: usize) -> Option<String> {
        let step = c.steps.get(k)?.step;
        let sym = self.steps.get(step)?.phase?;
        Some(self.strings.get(sym).to_string())
    }
}

/// The before/after figure of a comparison on `scale`.
pub fn figure(
    c: &Comparison,
    before: SideSteps,
    after: SideSteps,
    scale: Scale,
    band: BandKind,
    t: &Thresholds,
    opts: &ChartOptions,
) -> Figure {
    // Phase names: before's where the step is there, else after's. One
    // interner for the merged order, so sections can be built over it.
    let mut strings = Interner::default();
    let phases: Vec<Option<crate::model::Sym>> = c
        .steps
        .iter()
        .map(|s| {
            let name = s
                .before_index
                .and_then(|k| before.phase_of(&c.before.pattern, k))
                .or_else(|| {
                    s.after_index
                        .and_then(|k| after.phase_of(&c.after.pattern, k))
                })?;
            Some(strings.intern(&name))
        })
        .collect();
    let steps: Vec<CompareStep> = c
        .steps
        .iter()
        .zip(phases)
        .map(|(s, phase)| CompareStep {
            name: &s.name,
            phase,
            status: match s.status {
                Status::Both => StepStatus::Both,
                Status::Removed => StepStatus::Removed,
                Status::Added => StepStatus::Added,
            },
            delta: match c.stat {
                Stat::Median => s.delta_median,
                Stat::Mean => s.delta_mean,
            },
            significant: s.significant == Some(true),
        })
        .collect();
    let chart = CompareChart {
        steps,
        strings: &strings,
        before: CompareSide {
            label: &c.before.label,
            pattern: &c.before.pattern,
            at: c.steps.iter().map(|s| s.before_index).collect(),
        },
        after: CompareSide {
            label: &c.after.label,
            pattern: &c.after.pattern,
            at: c.steps.iter().map(|s| s.after_index).collect(),
        },
        scale,
        band,
        alpha: c.alpha,
        tested: c.steps.iter().any(|s| s.p_value.is_some()),
        verdict: verdict_counts(c),
    };
    compare::build(&chart, t, opts)
}
