//! The typical pattern of many cases: per-step statistics, the pattern
//! line, its turning points and critical dips, and the steps prone to fail.
//!
//! The **pattern line** is the median at each step (`--stat mean` for the
//! mean). Its turning points and critical dips use exactly the definitions
//! of a single case, applied to the pattern line. A step with no value in
//! any case is left out of the pattern.
//!
//! **Steps prone to failure**: `critical_share` ≥ `--risk` (default 0.25).

use rayon::prelude::*;
use serde::Serialize;

use super::stats::{self, Counts, StepStats};
use super::{analyze_sequence, SequenceAnalysis, Thresholds};
use crate::model::{Case, StepSummary};

/// Which statistic the pattern line follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stat {
    Median,
    Mean,
}

/// Default share of cases at or below the critical level that makes a step risky.
pub const DEFAULT_RISK: f64 = 0.25;

impl From<StepStats> for StepSummary {
    fn from(s: StepStats) -> Self {
        StepSummary {
            n: Some(s.n),
            mean: Some(s.mean),
            sd: s.sd,
            median: s.median,
            p25: Some(s.p25),
            p75: Some(s.p75),
            min: Some(s.min),
            max: Some(s.max),
            critical_share: Some(s.critical_share),
            below_neutral_share: Some(s.below_neutral_share),
        }
    }
}

/// One step of the pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternStep {
    /// Index of the step in the source's step list.
    pub step: usize,
    pub figures: StepSummary,
    /// Prone to failure; `None` when the critical share is unknown.
    pub risk: Option<bool>,
}

/// The typical pattern of a group of cases.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Number of cases combined (`None` for a summary read from a file).
    pub cases: Option<usize>,
    pub stat: Stat,
    /// The `--risk` threshold the steps were held against.
    pub risk: f64,
    /// Steps with at least one value, in journey order.
    pub steps: Vec<PatternStep>,
    /// The pattern line: the statistic at each of `steps`.
    pub line: Vec<f64>,
    /// Turning points, critical dips and summary of the pattern line.
    pub analysis: SequenceAnalysis,
    /// Indices (in the source's step list) of steps no case has a value at.
    pub empty_steps: Vec<usize>,
}

/// Options of the pattern.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PatternOptions {
    pub stat: Stat,
    pub risk: f64,
}

impl Default for PatternOptions {
    fn default() -> Self {
        PatternOptions {
            stat: Stat::Median,
            risk: DEFAULT_RISK,
        }
    }
}

/// From how many values in all a pattern's feelings are counted rather
/// than sorted (a workshop's few stay on the way they always took).
const COUNTED_FROM: usize = 100_000;

/// The pattern of `cases` over a journey of `steps` steps.
pub fn from_cases(cases: &[&Case], steps: usize, t: &Thresholds, o: &PatternOptions) -> Pattern {
    // Many values, all whole numbers on a small scale (a survey's): counted,
    // not held and sorted. The figures are the same either way.
    let points: usize = cases.iter().map(|c| c.points.len()).sum();
    // A few values per step are not worth the counts' room (2 KiB a step).
    let many = points >= steps.saturating_mul(512).max(COUNTED_FROM);
    if let Some(counts) = many.then(|| step_counts(cases, steps)).flatten() {
        return from_step_counts(&counts, cases.len(), t, o);
    }
    let mut values = step_values(cases, steps);
    from_step_values(&mut values, cases.len(), t, o)
}

/// The feelings of `cases` at each of `steps` steps, counted ([`Counts`]),
/// or `None` if some feeling is not a whole number the counts hold.
/// Counting is one pass over the cases (on one core: on two, waking the
/// other cost more than it saved), and takes no memory per value.
fn step_counts(cases: &[&Case], steps: usize) -> Option<Vec<Counts>> {
    let mut counts = vec![Counts::default(); steps];
    for p in cases.iter().flat_map(|c| &c.points) {
        if !counts.get_mut(p.step as usize)?.add(p.feeling) {
            return None;
        }
    }
    Some(counts)
}

/// The pattern of `cases` cases from the counts of their feelings at each
/// step (see [`step_counts`]): [`from_step_values`] of the same values.
fn from_step_counts(
    counts: &[Counts],
    cases: usize,
    t: &Thresholds,
    o: &PatternOptions,
) -> Pattern {
    let tol = t.tolerance();
    let stats_of = |c: &Counts| stats::counted_stats(c, t.neutral, t.critical, tol);
    let stats = counts.par_iter().map(stats_of).collect();
    from_stats(stats, cases, t, o)
}

/// The feelings of `cases` at each of `steps` steps: one buffer per step,
/// in the order of the cases.
pub fn step_values(cases: &[&Case], steps: usize) -> Vec<Vec<f64>> {
    // Stretches of cases on all cores: each counts its values at every
    // step, then fills its own slice of every step's buffer. One flat
    // buffer per step, sized exactly: a million values cost 8 MB.
    const STRETCH: usize = 8192;
    let stretches: Vec<&[&Case]> = cases.chunks(STRETCH).collect();
    // One stretch is not worth handing to the other cores (a batch of
    // many small groups would spend its time waking them).
    let parallel = stretches.len() > 1;
    let count = |stretch: &&[&Case]| {
        let mut counts = vec![0usize; steps];
        for p in stretch.iter().flat_map(|c| &c.points) {
            if let Some(n) = counts.get_mut(p.step as usize) {
                *n += 1;
            }
        }
        counts
    };
    let counts: Vec<Vec<usize>> = if parallel {
        stretches.par_iter().map(count).collect()
    } else {
        stretches.iter().map(count).collect()
    };
    let mut values: Vec<Vec<f64>> = (0..steps)
        .map(|step| vec![0.0; counts.iter().map(|c| c[step]).sum()])
        .collect();
    let mut slots: Vec<Vec<&mut [f64]>> = stretches.iter().map(|_| Vec::new()).collect();
    for (step, buffer) in values.iter_mut().enumerate() {
        let mut rest = buffer.as_mut_slice();
        for (slot, count) in slots.iter_mut().zip(&counts) {
            let (mine, after) = rest.split_at_mut(count[step]);
            slot.push(mine);
            rest = after;
        }
    }
    let fill = |(stretch, mut slots): (&&[&Case], Vec<&mut [f64]>)| {
        let mut filled = vec![0usize; steps];
        for p in stretch.iter().flat_map(|c| &c.points) {
            let step = p.step as usize;
            if let (Some(slot), Some(n)) = (slots.get_mut(step), filled.get_mut(step)) {
                slot[*n] = p.feeling;
                *n += 1;
            }
        }
    };
    if parallel {
        stretches.par_iter().zip(slots).for_each(fill);
    } else {
        stretches.iter().zip(slots).for_each(fill);
    }
    values
}

/// From how many values in all a pattern's statistics are worked out on all cores.
const PARALLEL_VALUES: usize = 100_000;

/// The pattern of `cases` cases from their feelings at each step (see
/// [`step_values`]); leaves each step's values sorted ascending.
pub fn from_step_values(
    values: &mut [Vec<f64>],
    cases: usize,
    t: &Thresholds,
    o: &PatternOptions,
) -> Pattern {
    let tol = t.tolerance();
    // Steps are independent: many values are sorted on all cores (a few
    // are not worth waking the other cores for).
    let stats_of = |v: &mut Vec<f64>| stats::step_stats(v, t.neutral, t.critical, tol);
    let stats: Vec<_> = if values.iter().map(Vec::len).sum::<usize>() > PARALLEL_VALUES {
        values.par_iter_mut().map(stats_of).collect()
    } else {
        values.iter_mut().map(stats_of).collect()
    };
    from_stats(stats, cases, t, o)
}

/// The pattern of `cases` cases from the statistics of each step (`None`
/// for a step with no values).
fn from_stats(
    stats: Vec<Option<StepStats>>,
    cases: usize,
    t: &Thresholds,
    o: &PatternOptions,
) -> Pattern {
    let mut figures = Vec::with_capacity(stats.len());
    let mut empty_steps = Vec::new();
    for (i, s) in stats.into_iter().enumerate() {
        match s {
            Some(s) => figures.push((i, StepSummary::from(s))),
            None => empty_steps.push(i),
        }
    }
    let mut pattern = from_figures(&figures, t, o).unwrap_or_else(|_| empty(o.stat, o.risk));
    pattern.cases = Some(cases);
    pattern.empty_steps = empty_steps;
    pattern
}

fn empty(stat: Stat, risk: f64) -> Pattern {
    Pattern {
        cases: None,
        stat,
        risk,
        steps: Vec::new(),
        line: Vec::new(),
        analysis: analyze_sequence(&[], &[], &Thresholds::for_scale(-1.0, 1.0, 0.0)),
        empty_steps: Vec::new(),
    }
}

/// The pattern from per-step figures (e.g. a pre-aggregated summary):
/// `(step index, figures)` in journey order. Fails with the index of the
/// first step that lacks the chosen statistic.
pub fn from_figures(
    figures: &[(usize, StepSummary)],
    t: &Thresholds,
    o: &PatternOptions,
) -> Result<Pattern, usize> {
    let tol = t.tolerance();
    let mut steps = Vec::with_capacity(figures.len());
    let mut line = Vec::with_capacity(figures.len());
    for &(step, f) in figures {
        let value = match o.stat {
            Stat::Median => Some(f.median),
            Stat::Mean => f.mean,
        };
        line.push(value.ok_or(step)?);
        steps.push(PatternStep {
            step,
            figures: f,
            risk: f.critical_share.map(|share| share >= o.risk - tol),
        });
    }
    let analysis = analyze_sequence(&line, &[], t);
    Ok(Pattern {
        cases: None,
        stat: o.stat,
        risk: o.risk,
        steps,
        line,
        analysis,
        empty_steps: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse, InputOptions};

    fn pattern_of(sheet: &str, o: &PatternOptions) -> Pattern {
        let ds = parse("t.csv", sheet.as_bytes(), &InputOptions::default()).unwrap();
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let cases: Vec<&Case> = ds.cases.iter().collect();
        from_cases(&cases, ds.steps.len(), &t, o)
    }

    const SHEET: &str =
        "step,A,B,C,D\nbook,2,3,1,2\npark,-4,-5,-2,-3\nqueue,-1,,-3,-2\nfilm,4,5,3,5\n";

    #[test]
    fn values_of_many_cases_keep_the_cases_order() {
        // More cases than one stretch, each skipping a step now and then.
        let cases = many_cases(20_000, 5, |c, s| f64::from((c * 3 + s) % 11) - 5.0);
        let refs: Vec<&Case> = cases.iter().collect();
        let values = step_values(&refs, 5);
        let mut one_by_one = vec![Vec::new(); 5];
        for p in cases.iter().flat_map(|c| &c.points) {
            one_by_one[p.step as usize].push(p.feeling);
        }
        assert_eq!(values, one_by_one);
        assert_eq!(
            values.iter().map(Vec::len).sum::<usize>(),
            20_000 * 5 - 14_286
        );
        assert!(step_values(&[], 3).iter().all(Vec::is_empty));
    }

    /// `cases` cases of `steps` steps, some skipped, with feelings from `feeling`.
    fn many_cases(cases: u32, steps: u32, feeling: impl Fn(u32, u32) -> f64) -> Vec<Case> {
        (0..cases)
            .map(|c| Case {
                name: format!("c{c}"),
                segment: None,
                version: None,
                points: (0..steps)
                    .filter(|s| (c + s) % 7 != 0)
                    .map(|s| crate::model::Point {
                        step: s,
                        line: c * steps + s,
                        feeling: feeling(c, s),
                    })
                    .collect(),
                details: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn counted_feelings_give_the_figures_of_sorted_ones() {
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let o = PatternOptions::default();
        let whole = many_cases(30_000, 6, |c, s| f64::from((c * 3 + s * s) % 11) - 5.0);
        let refs: Vec<&Case> = whole.iter().collect();
        let counts = step_counts(&refs, 6).unwrap();
        let mut values = step_values(&refs, 6);
        let sorted = from_step_values(&mut values, refs.len(), &t, &o);
        assert_eq!(from_step_counts(&counts, refs.len(), &t, &o), sorted);
        // Enough values that `from_cases` counts them, with the same figures.
        assert!(counts.iter().map(Counts::len).sum::<usize>() > COUNTED_FROM);
        assert_eq!(from_cases(&refs, 6, &t, &o), sorted);
        for stat in [Stat::Mean, Stat::Median] {
            let o = PatternOptions { stat, risk: 0.1 };
            assert_eq!(
                from_cases(&refs, 6, &t, &o),
                from_step_values(&mut step_values(&refs, 6), refs.len(), &t, &o)
            );
        }
        // A half, or -0.0, is not counted: the values are sorted.
        for odd in [0.5, -0.0] {
            let mixed = many_cases(
                30_000,
                6,
                |c, s| if c == 29_999 { odd } else { f64::from(s) },
            );
            let refs: Vec<&Case> = mixed.iter().collect();
            assert_eq!(step_counts(&refs, 6), None);
            let p = from_cases(&refs, 6, &t, &o);
            assert_eq!(
                p,
                from_step_values(&mut step_values(&refs, 6), refs.len(), &t, &o)
            );
        }
    }

    #[test]
    fn median_line_and_figures() {
        let p = pattern_of(SHEET, &PatternOptions::default());
        assert_eq!(p.cases, Some(4));
        assert_eq!(p.line, vec![2.0, -3.5, -2.0, 4.5]);
        let park = &p.steps[1].figures;
        assert_eq!(park.n, Some(4));
        // numpy.percentile([-5,-4,-3,-2], 25) = -4.25
        assert_eq!(park.p25, Some(-4.25));
        assert_eq!(park.critical_share, Some(0.75));
        assert_eq!(p.steps[1].risk, Some(true));
        assert_eq!(
            p.steps[2].figures.n,
            Some(3),
            "a skipped cell is not counted"
        );
        assert_eq!(p.steps[0].risk, Some(false));
    }

    #[test]
    fn pattern_line_is_analysed_like_a_case() {
        let p = pattern_of(SHEET, &PatternOptions::default());
        let kinds: Vec<usize> = p.analysis.turning_points.iter().map(|t| t.index).collect();
        assert_eq!(kinds, vec![1]);
        assert_eq!(p.analysis.critical_dips[0].index, 1);
    }

    #[test]
    fn mean_line() {
        let p = pattern_of(
            SHEET,
            &PatternOptions {
                stat: Stat::Mean,
                risk: 0.5,
            },
        );
        assert_eq!(p.line[0], 2.0);
        assert_eq!(p.line[1], -3.5);
        assert_eq!(p.steps[2].risk, Some(false), "1 of 3 below −3 < 0.5");
    }

    #[test]
    fn one_case_is_its_own_pattern() {
        let p = pattern_of("step,feeling\na,1\nb,-4\nc,2\n", &PatternOptions::default());
        assert_eq!(p.line, vec![1.0, -4.0, 2.0]);
        assert_eq!(p.steps[1].figures.p25, Some(-4.0));
        assert_eq!(p.steps[1].figures.sd, None);
    }

    #[test]
    fn steps_without_values_are_left_out() {
        let p = pattern_of(
            "step,A,B\na,1,2\nb,,\nc,-4,-3\n",
            &PatternOptions::default(),
        );
        assert_eq!(p.steps.len(), 2);
        assert_eq!(p.empty_steps, vec![1]);
    }

    #[test]
    fn summary_without_the_statistic_is_refused() {
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let f = StepSummary {
            median: 1.0,
            ..Default::default()
        };
        let o = PatternOptions {
            stat: Stat::Mean,
            risk: 0.25,
        };
        assert_eq!(from_figures(&[(0, f)], &t, &o), Err(0));
    }
}
