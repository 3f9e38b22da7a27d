//! Before against after: two versions of a journey, step by step and as a
//! whole. Each side is a set of cases or a pre-aggregated summary; its typical
//! pattern is made exactly as `pattern` makes it.
//!
//! **Step status**: steps are matched between the two sides by name. A step
//! is `both` when each side has a value there, `removed` when only before has
//! one, and `added` when only after has one.
//!
//! The **merged order** of the steps is the step alignment applied to two
//! sequences: before's steps in before's order, then after's steps in after's
//! order. A step comes before another when it does on either side; where the
//! sides disagree, first appearance (before's steps first) decides and a
//! warning names the steps.
//!
//! The **per-step comparison** of a step in both: `n`, `median`, `mean`,
//! `p25`, `p75` and `critical_share` of each side (the per-step statistics),
//! `delta_median` and `delta_mean` = after − before, the Mann–Whitney U test
//! of the step's values before against after (`p_value`) and its `effect`,
//! `p_holm` over all tested steps, and **significant** = `p_holm` < alpha
//! (`--alpha`, default 0.05); null when the step was not tested.
//!
//! A step is **better** after when it is significant with a positive effect,
//! or, not significant, when the pattern line rose there (after − before of
//! the pattern statistic above the tolerance); **worse** the same way
//! downwards; otherwise unchanged.
//!
//! The **journey tests**: the Mann–Whitney U test on the per-case `peak_end`
//! and on the per-case `area_below_neutral` (each case's own summary), with
//! Holm over these two tests and significant = `p_holm` < alpha. The
//! `before` and `after` values are those of each side's pattern line, and
//! `delta` = after − before. A higher peak_end is better; a larger area below
//! neutral is worse.
//!
//! **Fixed dips** are the steps of the critical dips of before's pattern line
//! that are not a critical dip of after's pattern line, or were removed.
//! **New dips** are the steps of the critical dips of after's pattern line
//! that were not a critical dip of before's.
//!
//! **Hand-offs of a side** (with an owner column): the mean number of
//! hand-offs per case. **Elapsed time of a side** (with a time column): the
//! median over cases of the elapsed time at the case's last timed step.
//!
//! **Without a test**: a side read from a summary has no individual values,
//! and a side of one case has nothing to vary; then the deltas are given, the
//! p-values are null and `no_test_reason` says why.

pub mod mann_whitney;

use std::collections::HashMap;
use std::fmt;

use super::handoffs;
use super::journey;
use super::pattern::{self, Pattern, PatternOptions, Stat};
use super::stats::percentile_sorted;
use super::summary::summarize;
use super::Thresholds;
use crate::error::{quote, InputError, Location};
use crate::model::align::{self, Visit};
use crate::model::{Case, Columns, Dataset, Scale, Step, StepSummary, SummarySheet};
use mann_whitney::{holm, mann_whitney, mann_whitney_sorted, RankTest};

/// Default significance level (`--alpha`).
pub const DEFAULT_ALPHA: f64 = 0.05;

/// What one side holds.
#[derive(Debug, Clone, Copy)]
pub enum SideData<'a> {
    /// Cases, with the step list their points index into and the sheet's columns.
    Cases {
        cases: &'a [&'a Case],
        steps: &'a [Step],
        columns: Columns,
    },
    /// A pre-aggregated summary: per-step figures parallel to `steps`.
    Summary {
        steps: &'a [Step],
        figures: &'a [StepSummary],
    },
}

/// One side of the comparison: before or after.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// How the side is called in reports (`As is`, a file name, a version).
    pub label: &'a str,
    /// The file it was read from, for messages.
    pub source: &'a str,
    pub scale: Scale,
    pub data: SideData<'a>,
}

impl<'a> Side<'a> {
    /// Some cases of a dataset (all of it, or those of one version).
    pub fn cases(label: &'a str, ds: &'a Dataset, cases: &'a [&'a Case]) -> Self {
        Side {
            label,
            source: &ds.source.name,
            scale: ds.scale,
            data: SideData::Cases {
                cases,
                steps: &ds.steps,
                columns: ds.columns,
            },
        }
    }

    /// A summary sheet.
    pub fn summary(label: &'a str, s: &'a SummarySheet) -> Self {
        Side {
            label,
            source: &s.source.name,
            scale: s.scale,
            data: SideData::Summary {
                steps: &s.steps,
                figures: &s.figures,
            },
        }
    }

    /// The side's step list (indices of [`Pattern::steps`] point into it).
    pub fn steps(&self) -> &'a [Step] {
        match self.data {
            SideData::Cases { steps, .. } | SideData::Summary { steps, .. } => steps,
        }
    }

    fn case_count(&self) -> Option<usize> {
        match self.data {
            SideData::Cases { cases, .. } => Some(cases.len()),
            SideData::Summary { .. } => None,
        }
    }
}

/// Options of the comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompareOptions {
    pub pattern: PatternOptions,
    /// Significance level: a step is significant when `p_holm < alpha`.
    pub alpha: f64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            pattern: PatternOptions::default(),
            alpha: DEFAULT_ALPHA,
        }
    }
}

/// Where a step of the merged order is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Both,
    Removed,
    Added,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Both => "both",
            Status::Removed => "removed",
            Status::Added => "added",
        }
    }
}

/// Which way a step (or the journey) went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Better,
    Worse,
    Same,
}

impl Change {
    pub fn as_str(&self) -> &'static str {
        match self {
            Change::Better => "better",
            Change::Worse => "worse",
            Change::Same => "same",
        }
    }
}

/// One step of the merged order.
#[derive(Debug, Clone, PartialEq)]
pub struct StepComparison {
    pub name: String,
    pub status: Status,
    /// Position of the step in before's [`Pattern::steps`] (and line).
    pub before_index: Option<usize>,
    /// Position of the step in after's [`Pattern::steps`] (and line).
    pub after_index: Option<usize>,
    pub before: Option<StepSummary>,
    pub after: Option<StepSummary>,
    /// The pattern line's value before and after (median, or mean under `--stat mean`).
    pub before_line: Option<f64>,
    pub after_line: Option<f64>,
    pub delta_median: Option<f64>,
    pub delta_mean: Option<f64>,
    pub p_value: Option<f64>,
    pub effect: Option<f64>,
    pub p_holm: Option<f64>,
    pub significant: Option<bool>,
    /// Better, worse or the same; `None` for a removed or added step.
    pub change: Option<Change>,
}

/// One measure of the whole journey, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct JourneyMeasure {
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// after − before.
    pub delta: Option<f64>,
    pub p_value: Option<f64>,
    /// Cliff's delta of the per-case values (positive: higher after).
    pub effect: Option<f64>,
    pub p_holm: Option<f64>,
    pub significant: Option<bool>,
    /// Whether a higher value is better (peak_end) or worse (area below neutral).
    pub higher_is_better: bool,
}

impl JourneyMeasure {
    fn described(before: Option<f64>, after: Option<f64>, higher_is_better: bool) -> Self {
        JourneyMeasure {
            before,
            after,
            delta: before.zip(after).map(|(b, a)| a - b),
            higher_is_better,
            ..Default::default()
        }
    }

    /// Significantly worse after: significant, and the effect points the bad way.
    pub fn significantly_worse(&self) -> bool {
        self.significant == Some(true)
            && self.effect.is_some_and(|e| {
                if self.higher_is_better {
                    e < 0.0
                } else {
                    e > 0.0
                }
            })
    }
}

/// The whole journey before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyComparison {
    /// Tested on the per-case values.
    pub peak_end: JourneyMeasure,
    /// Tested on the per-case values.
    pub area_below_neutral: JourneyMeasure,
    /// Described only: the pattern line's mean.
    pub mean: JourneyMeasure,
    /// Described only: the pattern line's last value.
    pub end: JourneyMeasure,
    /// Described only: mean hand-offs per case (null without an owner column).
    pub handoffs: JourneyMeasure,
    /// Described only: median elapsed seconds per case (null without a time column).
    pub elapsed: JourneyMeasure,
}

/// The pattern summary of one side.
#[derive(Debug, Clone, PartialEq)]
pub struct SideSummary {
    /// Steps of the pattern line.
    pub steps: usize,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub min_step: Option<String>,
    pub end: Option<f64>,
    pub peak_end: Option<f64>,
    pub area_below_neutral: f64,
    /// Steps of the critical dips of the pattern line, most severe first.
    pub critical_dips: Vec<String>,
    /// Steps prone to fail (critical_share ≥ risk).
    pub prone_to_fail: Vec<String>,
    /// Mean hand-offs per case; `None` without an owner column or for a summary.
    pub handoffs: Option<f64>,
    /// Median elapsed seconds per case; `None` without a time column or for a summary.
    pub elapsed: Option<f64>,
}

/// One side's results.
#[derive(Debug, Clone, PartialEq)]
pub struct SideResult {
    pub label: String,
    /// Number of cases; `None` for a summary.
    pub cases: Option<usize>,
    /// The side's typical pattern (its step indices point into the side's step list).
    pub pattern: Pattern,
    pub summary: SideSummary,
}

/// Everything `compare` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub before: SideResult,
    pub after: SideResult,
    /// The merged order of the steps.
    pub steps: Vec<StepComparison>,
    pub journey: JourneyComparison,
    pub fixed_dips: Vec<String>,
    pub new_dips: Vec<String>,
    pub removed_steps: Vec<String>,
    pub added_steps: Vec<String>,
    pub alpha: f64,
    pub stat: Stat,
    /// Why no test could be run at all; `None` when some test was.
    pub no_test_reason: Option<String>,
    /// Things to tell the user (the sides disagree on the order of steps).
    pub warnings: Vec<String>,
}

/// A side made ready: its pattern, sorted values per step and per-case measures.
struct Prepared {
    result: SideResult,
    /// Sorted feelings per step of the side's step list (empty for a summary).
    values: Vec<Vec<f64>>,
    /// Per-case peak_end and area below neutral (empty for a summary).
    peak_end: Vec<f64>,
    area: Vec<f64>,
    /// Step name → position in `result.pattern.steps`.
    index: HashMap<String, usize>,
}

fn prepare(side: &Side, t: &Thresholds, o: &PatternOptions) -> Result<Prepared, InputError> {
    let steps = side.steps();
    let name = |i: usize| steps.get(i).map(|s| s.name.clone()).unwrap_or_default();
    let (pattern, values, peak_end, area, handoffs, elapsed) = match side.data {
        SideData::Cases {
            cases,
            steps,
            columns,
        } => {
            let mut values = pattern::step_values(cases, steps.len());
            let pattern = pattern::from_step_values(&mut values, cases.len(), t, o);
            let mut peak_end = Vec::with_capacity(cases.len());
            let mut area = Vec::with_capacity(cases.len());
            let mut feelings = Vec::new();
            for case in cases {
                feelings.clear();
                feelings.extend(case.points.iter().map(|p| p.feeling));
                if feelings.is_empty() {
                    continue;
                }
                let s = summarize(&feelings, t);
                peak_end.extend(s.peak_end);
                area.push(s.area_below_neutral);
            }
            let handoffs = (columns.owner && !cases.is_empty()).then(|| {
                let total: usize = cases
                    .iter()
                    .map(|case| {
                        let owners: Vec<Option<u32>> = (0..case.points.len())
                            .map(|i| case.detail(i).owner.map(|s| s.index() as u32))
                            .collect();
                        handoffs::handoffs(&case.feelings(), &owners).handoffs.len()
                    })
                    .sum();
                total as f64 / cases.len() as f64
            });
            let elapsed = if columns.time {
                let mut last: Vec<f64> = cases
                    .iter()
                    .filter_map(|c| journey::elapsed(c).into_iter().rev().find_map(|e| e))
                    .collect();
                last.sort_unstable_by(f64::total_cmp);
                percentile_sorted(&last, 50.0)
            } else {
                None
            };
            (pattern, values, peak_end, area, handoffs, elapsed)
        }
        SideData::Summary { figures, .. } => {
            let figures: Vec<(usize, StepSummary)> = figures.iter().copied().enumerate().collect();
            let pattern = pattern::from_figures(&figures, t, o).map_err(|step| {
                InputError::new(
                    Location::file(side.source),
                    format!(
                        "--stat mean needs each step's mean, and step {} has none",
                        quote(&name(step))
                    ),
                    "a mean column with a value in every row",
                )
                .with_hint("leave out --stat mean to compare the medians")
            })?;
            (pattern, Vec::new(), Vec::new(), Vec::new(), None, None)
        }
    };
    let line_name = |k: usize| {
        pattern
            .steps
            .get(k)
            .map(|p| name(p.step))
            .unwrap_or_default()
    };
    let s = &pattern.analysis.summary;
    let summary = SideSummary {
        steps: s.steps,
        mean: s.mean,
        min: s.min.as_ref().map(|e| e.feeling),
        min_step: s.min.as_ref().map(|e| line_name(e.index)),
        end: s.end,
        peak_end: s.peak_end,
        area_below_neutral: s.area_below_neutral,
        critical_dips: pattern
            .analysis
            .critical_dips
            .iter()
            .map(|d| line_name(d.index))
            .collect(),
        prone_to_fail: pattern
            .steps
            .iter()
            .filter(|p| p.risk == Some(true))
            .map(|p| name(p.step))
            .collect(),
        handoffs,
        elapsed,
    };
    let index = pattern
        .steps
        .iter()
        .enumerate()
        .map(|(k, p)| (name(p.step), k))
        .collect();
    Ok(Prepared {
        result: SideResult {
            label: side.label.to_string(),
            cases: side.case_count(),
            pattern,
            summary,
        },
        values,
        peak_end,
        area,
        index,
    })
}

/// The sorted values of `p` at position `k` of its pattern (empty if none).
fn values_at(p: &Prepared, k: Option<usize>) -> &[f64] {
    k.and_then(|k| p.result.pattern.steps.get(k))
        .and_then(|s| p.values.get(s.step))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// The scale in words, for messages: `-5..5 (neutral 0)`.
fn scale_text(s: &Scale) -> String {
    format!(
        "{}..{} (neutral {})",
        crate::numfmt::value(s.min),
        crate::numfmt::value(s.max),
        crate::numfmt::value(s.neutral)
    )
}

/// Names of the sides' steps (with values) in the merged order, and warnings.
fn merged_order(before: &Prepared, after: &Prepared) -> (Vec<String>, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut visits = |p: &Prepared| -> Vec<Visit> {
        let mut by_position: Vec<(&String, &usize)> = p.index.iter().collect();
        by_position.sort_by_key(|&(_, &k)| k);
        by_position
            .into_iter()
            .map(|(name, _)| {
                let id = *ids.entry(name.clone()).or_insert_with(|| {
                    names.push(name.clone());
                    (names.len() - 1) as u32
                });
                Visit {
                    name: id,
                    order: None,
                    line: 0,
                }
            })
            .collect()
    };
    let sequences = vec![visits(before), visits(after)];
    let name_of = |id: u32| names.get(id as usize).cloned().unwrap_or_default();
    match align::align(&sequences, &name_of) {
        Ok(a) => (
            a.steps.iter().map(|k| name_of(k.name)).collect(),
            a.warnings,
        ),
        // Without an order column alignment cannot fail; keep first appearance.
        Err(_) => (names.clone(), Vec::new()),
    }
}

/// Why nothing could be tested, if nothing was.
fn no_test_reason(before: &Side, after: &Side, any_tested: bool) -> Option<String> {
    if any_tested {
        return None;
    }
    let reason = match (before.case_count(), after.case_count()) {
        (None, None) => "two summaries: no individual feelings to test".to_string(),
        (None, Some(_)) => format!(
            "{} is a summary: no individual feelings to test",
            quote(before.label)
        ),
        (Some(_), None) => format!(
            "{} is a summary: no individual feelings to test",
            quote(after.label)
        ),
        (Some(1), Some(1)) => "one case on each side: nothing to test".to_string(),
        (Some(b), Some(_)) if b < 2 => format!(
            "{} has {b} case{}: a test needs at least 2 on each side",
            quote(before.label),
            if b == 1 { "" } else { "s" }
        ),
        (Some(_), Some(a)) if a < 2 => format!(
            "{} has {a} case{}: a test needs at least 2 on each side",
            quote(after.label),
            if a == 1 { "" } else { "s" }
        ),
        _ => "no step has at least 2 values on each side: nothing to test".to_string(),
    };
    Some(reason)
}

fn apply(test: Option<RankTest>, m: &mut JourneyMeasure) {
    if let Some(test) = test {
        m.p_value = Some(test.p_value);
        m.effect = Some(test.effect);
    }
}

/// Both sides on one scale (bottom, top and neutral), each given with the
/// name of its source; otherwise an error naming both.
pub fn same_scale(before: (&str, Scale), after: (&str, Scale)) -> Result<(), InputError> {
    let (bs, as_) = (before.1, after.1);
    let tol = bs.tolerance().max(as_.tolerance());
    if (bs.min - as_.min).abs() > tol
        || (bs.max - as_.max).abs() > tol
        || (bs.neutral - as_.neutral).abs() > tol
    {
        return Err(InputError::new(
            Location::file(after.0),
            format!(
                "{} is on the scale {} and {} on the scale {}",
                quote(before.0),
                scale_text(&bs),
                quote(after.0),
                scale_text(&as_)
            ),
            "both sides on the same scale",
        )
        .with_hint("give both sheets the same scale (docs/scale.md shows how to convert one)"));
    }
    Ok(())
}

/// Compare `before` with `after` on the thresholds `t` (see the module
/// documentation). Fails when the sides are on different scales, when a
/// summary lacks the statistic asked for, or when they have no step in common.
pub fn compare(
    before: &Side,
    after: &Side,
    t: &Thresholds,
    o: &CompareOptions,
) -> Result<Comparison, InputError> {
    same_scale((before.source, before.scale), (after.source, after.scale))?;
    let b = prepare(before, t, &o.pattern)?;
    let a = prepare(after, t, &o.pattern)?;
    let (order, warnings) = merged_order(&b, &a);

    let tol = t.tolerance();
    let mut steps: Vec<StepComparison> = order
        .into_iter()
        .map(|name| {
            let bi = b.index.get(&name).copied();
            let ai = a.index.get(&name).copied();
            let status = match (bi, ai) {
                (Some(_), Some(_)) => Status::Both,
                (Some(_), None) => Status::Removed,
                _ => Status::Added,
            };
            let figures = |p: &Prepared, k: Option<usize>| {
                k.and_then(|k| p.result.pattern.steps.get(k).map(|s| s.figures))
            };
            let line = |p: &Prepared, k: Option<usize>| {
                k.and_then(|k| p.result.pattern.line.get(k).copied())
            };
            let (bf, af) = (figures(&b, bi), figures(&a, ai));
            let test = if status == Status::Both {
                mann_whitney_sorted(values_at(&b, bi), values_at(&a, ai))
            } else {
                None
            };
            StepComparison {
                name,
                status,
                before_index: bi,
                after_index: ai,
                before: bf,
                after: af,
                before_line: line(&b, bi),
                after_line: line(&a, ai),
                delta_median: bf.zip(af).map(|(b, a)| a.median - b.median),
                delta_mean: bf
                    .and_then(|b| b.mean)
                    .zip(af.and_then(|a| a.mean))
                    .map(|(b, a)| a - b),
                p_value: test.map(|t| t.p_value),
                effect: test.map(|t| t.effect),
                p_holm: None,
                significant: None,
                change: None,
            }
        })
        .collect();

    if !steps.iter().any(|s| s.status == Status::Both) {
        let listed = |p: &Prepared| {
            let mut names: Vec<(&String, &usize)> = p.index.iter().collect();
            names.sort_by_key(|&(_, &k)| k);
            let shown: Vec<String> = names.iter().take(3).map(|(n, _)| quote(n)).collect();
            let more = if names.len() > 3 { ", …" } else { "" };
            format!("{}{more}", shown.join(", "))
        };
        return Err(InputError::new(
            Location::file(after.source),
            format!(
                "{} and {} have no step in common",
                quote(before.label),
                quote(after.label)
            ),
            "steps of the same name on both sides",
        )
        .with_hint(format!(
            "before has {}; after has {}",
            listed(&b),
            listed(&a)
        )));
    }

    let p: Vec<Option<f64>> = steps.iter().map(|s| s.p_value).collect();
    for (s, p_holm) in steps.iter_mut().zip(holm(&p)) {
        s.p_holm = p_holm;
        s.significant = p_holm.map(|p| p < o.alpha);
        if s.status == Status::Both {
            s.change = Some(match (s.significant, s.effect) {
                (Some(true), Some(e)) if e > 0.0 => Change::Better,
                (Some(true), Some(e)) if e < 0.0 => Change::Worse,
                _ => match s.before_line.zip(s.after_line).map(|(b, a)| a - b) {
                    Some(d) if d > tol => Change::Better,
                    Some(d) if d < -tol => Change::Worse,
                    _ => Change::Same,
                },
            });
        }
    }

    let (bsum, asum) = (&b.result.summary, &a.result.summary);
    let mut peak_end = JourneyMeasure::described(bsum.peak_end, asum.peak_end, true);
    let mut area = JourneyMeasure::described(
        Some(bsum.area_below_neutral),
        Some(asum.area_below_neutral),
        false,
    );
    apply(mann_whitney(&b.peak_end, &a.peak_end), &mut peak_end);
    apply(mann_whitney(&b.area, &a.area), &mut area);
    let adjusted = holm(&[peak_end.p_value, area.p_value]);
    for (m, p_holm) in [&mut peak_end, &mut area].into_iter().zip(adjusted) {
        m.p_holm = p_holm;
        m.significant = p_holm.map(|p| p < o.alpha);
    }
    let journey = JourneyComparison {
        peak_end,
        area_below_neutral: area,
        mean: JourneyMeasure::described(bsum.mean, asum.mean, true),
        end: JourneyMeasure::described(bsum.end, asum.end, true),
        handoffs: JourneyMeasure::described(bsum.handoffs, asum.handoffs, false),
        elapsed: JourneyMeasure::described(bsum.elapsed, asum.elapsed, false),
    };

    let removed_steps: Vec<String> = steps
        .iter()
        .filter(|s| s.status == Status::Removed)
        .map(|s| s.name.clone())
        .collect();
    let added_steps: Vec<String> = steps
        .iter()
        .filter(|s| s.status == Status::Added)
        .map(|s| s.name.clone())
        .collect();
    let fixed_dips = bsum
        .critical_dips
        .iter()
        .filter(|d| !asum.critical_dips.contains(d))
        .cloned()
        .collect();
    let new_dips = asum
        .critical_dips
        .iter()
        .filter(|d| !bsum.critical_dips.contains(d))
        .cloned()
        .collect();
    let any_tested = steps.iter().any(|s| s.p_value.is_some());
    Ok(Comparison {
        no_test_reason: no_test_reason(before, after, any_tested),
        before: b.result,
        after: a.result,
        steps,
        journey,
        fixed_dips,
        new_dips,
        removed_steps,
        added_steps,
        alpha: o.alpha,
        stat: o.pattern.stat,
        warnings,
    })
}

/// Something significantly worse after than before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Worse {
    /// A step, by name.
    Step(String),
    /// A measure of the whole journey: `peak_end` or `area_below_neutral`.
    Journey(&'static str),
}

impl fmt::Display for Worse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Worse::Step(name) => write!(f, "step {}", quote(name)),
            Worse::Journey(measure) => write!(f, "the whole journey's {measure}"),
        }
    }
}

/// What is significantly worse after than before (for `--fail-if-worse`):
/// steps that are significant with a negative effect, in the merged order,
/// then journey measures that are significant in the bad direction.
pub fn significantly_worse(c: &Comparison) -> Vec<Worse> {
    let mut out: Vec<Worse> = c
        .steps
        .iter()
        .filter(|s| s.significant == Some(true) && s.effect.is_some_and(|e| e < 0.0))
        .map(|s| Worse::Step(s.name.clone()))
        .collect();
    for (name, m) in [
        ("peak_end", &c.journey.peak_end),
        ("area_below_neutral", &c.journey.area_below_neutral),
    ] {
        if m.significantly_worse() {
            out.push(Worse::Journey(name));
        }
    }
    out
}

/// What changed, counted: steps better and worse (and how many of them
/// significantly), unchanged, dips fixed and new, steps removed and added.
/// Put in words by `figure::words::Words::verdict` ("3 steps better (2
/// significant), 1 worse (0 significant), 1 dip fixed, 1 step removed").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerdictCounts {
    pub better: usize,
    pub better_significant: usize,
    pub worse: usize,
    pub worse_significant: usize,
    pub unchanged: usize,
    /// Whether any step was tested (else significance is not mentioned).
    pub tested: bool,
    pub fixed_dips: usize,
    pub new_dips: usize,
    pub removed: usize,
    pub added: usize,
}

/// Count what changed in a comparison.
pub fn verdict_counts(c: &Comparison) -> VerdictCounts {
    let count = |change: Change| {
        let of = c.steps.iter().filter(|s| s.change == Some(change));
        let significant = of.clone().filter(|s| s.significant == Some(true)).count();
        (of.count(), significant)
    };
    let (better, better_significant) = count(Change::Better);
    let (worse, worse_significant) = count(Change::Worse);
    VerdictCounts {
        better,
        better_significant,
        worse,
        worse_significant,
        unchanged: count(Change::Same).0,
        tested: c.steps.iter().any(|s| s.p_value.is_some()),
        fixed_dips: c.fixed_dips.len(),
        new_dips: c.new_dips.len(),
        removed: c.removed_steps.len(),
        added: c.added_steps.len(),
    }
}

#[cfg(test)]
mod tests;
