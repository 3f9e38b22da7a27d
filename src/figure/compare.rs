//! The before/after graph: two typical patterns on one emotion graph.
//! Before is grey and dashed over a light band; after is in colour over its
//! band; the area between the two lines is green where after is better and
//! red where it is worse. Under each step its change, starred when the test
//! finds it significant; removed steps stay on the before line only and
//! are struck through on the axis, added steps are marked new. Everything drawn comes from the comparison: nothing
//! is computed again here but the geometry of the fill.

use super::emotion::{frame, sections, step_axis, ChartOptions};
use super::pattern::BandKind;
use super::theme::{Rgb, LIGHT};
use super::words::Words;
use super::{Band, Callout, Dash, Figure, Glyph, LegendEntry, Line, Marker, Shape};
use crate::analysis::compare::VerdictCounts;
use crate::analysis::pattern::{Pattern, Stat};
use crate::analysis::Thresholds;
use crate::model::{Interner, Scale, Sym};

// The light theme's colours; the figure takes its own from `Figure::theme`.
pub const BEFORE: Rgb = LIGHT.before;
pub const AFTER: Rgb = LIGHT.after;
pub const BETTER: Rgb = LIGHT.better;
pub const WORSE: Rgb = LIGHT.worse;

/// Where a merged step stands in the redesign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepStatus {
    Both,
    Removed,
    Added,
}

/// One step of the merged order, as the graph shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareStep<'a> {
    pub name: &'a str,
    pub phase: Option<Sym>,
    pub status: StepStatus,
    /// After − before of the statistic the lines follow.
    pub delta: Option<f64>,
    pub significant: bool,
}

/// One side of the comparison.
pub struct CompareSide<'a> {
    pub label: &'a str,
    pub pattern: &'a Pattern,
    /// For each merged step, its index in `pattern.steps` and `pattern.line`.
    pub at: Vec<Option<usize>>,
}

/// What the before/after graph is drawn from.
pub struct CompareChart<'a> {
    pub steps: Vec<CompareStep<'a>>,
    /// Phase names of `steps[i].phase`.
    pub strings: &'a Interner,
    pub before: CompareSide<'a>,
    pub after: CompareSide<'a>,
    pub scale: Scale,
    pub band: BandKind,
    /// The significance level the stars stand for.
    pub alpha: f64,
    /// Whether any step was tested (false for one case against one, or summaries).
    pub tested: bool,
    /// What changed, counted, for the subtitle.
    pub verdict: VerdictCounts,
}

/// Build the before/after graph.
pub fn build(c: &CompareChart, t: &Thresholds, opts: &ChartOptions) -> Figure {
    let w = opts.lang.words();
    let names: Vec<&str> = c.steps.iter().map(|s| s.name).collect();
    let mut x = step_axis(names.iter().copied());
    for (label, s) in x.labels.iter_mut().zip(&c.steps) {
        label.struck = s.status == StepStatus::Removed;
        label.note = match s.status {
            StepStatus::Removed => Some(w.removed_step.to_string()),
            StepStatus::Added => Some(w.added_step.to_string()),
            StepStatus::Both => s.delta.map(|d| {
                if s.significant {
                    format!("{} {}", w.signed(d), w.significant_sign)
                } else {
                    w.signed(d)
                }
            }),
        };
    }
    let phases: Vec<Option<Sym>> = c.steps.iter().map(|s| s.phase).collect();
    let mut fig = frame(
        opts,
        subtitle(c, w, opts.direction),
        x,
        &c.scale,
        t,
        sections(&phases, c.strings),
    );
    let theme = fig.theme;
    let (before_c, after_c, better_c, worse_c) =
        (theme.before, theme.after, theme.better, theme.worse);

    let before = side_points(&c.before);
    let after = side_points(&c.after);

    // Bands of each side, before first (underneath).
    for (side, fill, opacity) in [
        (&c.before, before_c, 0.14),
        (&c.after, theme.after_band, 0.22),
    ] {
        if let Some(points) = band(side, c.band) {
            fig.bands.push(Band {
                points,
                fill,
                opacity,
            });
        }
    }
    // The change between the lines: green where after is higher, red where lower.
    let (better, worse) = between(&before, &after);
    let has_better = better.iter().any(|&(_, lo, hi)| hi > lo);
    let has_worse = worse.iter().any(|&(_, lo, hi)| hi > lo);
    if has_better {
        fig.bands.push(Band {
            points: better,
            fill: better_c,
            opacity: 0.35,
        });
    }
    if has_worse {
        fig.bands.push(Band {
            points: worse,
            fill: worse_c,
            opacity: 0.35,
        });
    }

    fig.lines.push(Line {
        points: before.clone(),
        color: before_c,
        width: 3,
        opacity: 1.0,
        dash: Dash::Dashed,
        dot: 4,
        mark: Shape::Circle,
        hold: false,
    });
    fig.lines.push(Line {
        points: after.clone(),
        color: after_c,
        width: 5,
        opacity: 1.0,
        dash: Dash::Solid,
        dot: 6,
        mark: Shape::Circle,
        hold: false,
    });

    // Critical dips of each side: grey rings before, red rings after.
    if opts.marks {
        for (side, color) in [(&c.before, before_c), (&c.after, theme.dip)] {
            for dip in &side.pattern.analysis.critical_dips {
                if let Some(x) = merged_x(side, dip.index) {
                    fig.markers.push(Marker {
                        x,
                        y: dip.feeling,
                        shape: Shape::Ring,
                        color,
                        size: 14,
                    });
                }
            }
        }
        // Callouts on the largest significant changes (or the largest
        // changes when nothing was tested), most changed first.
        let mut changed: Vec<(usize, f64)> = c
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.status == StepStatus::Both && (s.significant || !c.tested))
            .filter_map(|(i, s)| s.delta.filter(|d| d.abs() > 0.0).map(|d| (i, d)))
            .collect();
        changed.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        for &(i, d) in changed.iter().take(3) {
            let (Some(b), Some(a)) = (value_at(&c.before, i), value_at(&c.after, i)) else {
                continue;
            };
            fig.callouts.push(Callout {
                x: i as f64,
                y: a,
                lines: vec![c.steps[i].name.to_string(), w.change(b, a)],
                color: if d > 0.0 { better_c } else { worse_c },
            });
        }
    }

    legend(&mut fig, c, w, has_better, has_worse);
    fig
}

/// A side's line in merged x positions.
fn side_points(side: &CompareSide) -> Vec<(f64, f64)> {
    side.at
        .iter()
        .enumerate()
        .filter_map(|(i, k)| {
            k.and_then(|k| side.pattern.line.get(k))
                .map(|&v| (i as f64, v))
        })
        .collect()
}

fn value_at(side: &CompareSide, merged: usize) -> Option<f64> {
    side.at
        .get(merged)
        .copied()
        .flatten()
        .and_then(|k| side.pattern.line.get(k).copied())
}

/// The merged x of the side's `k`-th pattern step.
fn merged_x(side: &CompareSide, k: usize) -> Option<f64> {
    side.at.iter().position(|&a| a == Some(k)).map(|i| i as f64)
}

fn band(side: &CompareSide, kind: BandKind) -> Option<BandPoints> {
    let points: Vec<(f64, f64, f64)> = side
        .at
        .iter()
        .enumerate()
        .filter_map(|(i, k)| {
            let f = &side.pattern.steps.get((*k)?)?.figures;
            let (lo, hi) = match kind {
                BandKind::Iqr => (f.p25?, f.p75?),
                BandKind::MinMax => (f.min?, f.max?),
                BandKind::None => return None,
            };
            Some((i as f64, lo, hi))
        })
        .collect();
    (points.len() > 1 && points.iter().any(|&(_, lo, hi)| hi > lo)).then_some(points)
}

/// The points of a band: (x, low, high) in x order.
type BandPoints = Vec<(f64, f64, f64)>;

/// The value of a polyline at `x` (linear between its points), if `x` is
/// within its span.
fn at_x(line: &[(f64, f64)], x: f64) -> Option<f64> {
    let k = line.iter().position(|&(px, _)| px >= x)?;
    let (x1, y1) = line[k];
    if x1 == x {
        return Some(y1);
    }
    let (x0, y0) = *line.get(k.checked_sub(1)?)?;
    Some(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
}

/// The areas between the before and after lines, as they are drawn: where
/// after is higher (better) and where it is lower (worse), each as a band
/// that is empty elsewhere. Both lines are straight between their points,
/// so the bands follow them exactly, crossings included.
fn between(before: &[(f64, f64)], after: &[(f64, f64)]) -> (BandPoints, BandPoints) {
    let mut xs: Vec<f64> = before.iter().chain(after).map(|p| p.0).collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    let pairs: Vec<(f64, f64, f64)> = xs
        .into_iter()
        .filter_map(|x| Some((x, at_x(before, x)?, at_x(after, x)?)))
        .collect();
    let mut better = Vec::new();
    let mut worse = Vec::new();
    for (k, &(x, b, a)) in pairs.iter().enumerate() {
        if k > 0 {
            let (px, pb, pa) = pairs[k - 1];
            let (g0, g1) = (pa - pb, a - b);
            if (g0 > 0.0 && g1 < 0.0) || (g0 < 0.0 && g1 > 0.0) {
                let t = g0 / (g0 - g1);
                let cx = px + t * (x - px);
                let cy = pb + t * (b - pb);
                better.push((cx, cy, cy));
                worse.push((cx, cy, cy));
            }
        }
        better.push((x, b, a.max(b)));
        worse.push((x, a.min(b), b));
    }
    (better, worse)
}

fn stat_word(p: &Pattern, w: &Words) -> &'static str {
    match p.stat {
        Stat::Median => w.median,
        Stat::Mean => w.mean,
    }
}

fn subtitle(c: &CompareChart, w: &Words, direction: super::Direction) -> String {
    let sides = format!(
        "{} {} {}",
        w.side(c.before.label, c.before.pattern.cases),
        direction.arrow(),
        w.side(c.after.label, c.after.pattern.cases)
    );
    // The legend names the statistic and the steps are on the axis: the
    // subtitle keeps to who is compared and what changed.
    let parts = [sides, w.verdict_brief(&c.verdict)];
    parts
        .iter()
        .skip(1)
        .fold(parts[0].clone(), |acc, p| w.and(&acc, p))
}

fn legend(fig: &mut Figure, c: &CompareChart, w: &Words, better: bool, worse: bool) {
    let theme = fig.theme;
    let stat = stat_word(c.after.pattern, w);
    let mut entries = vec![
        (
            w.side_line(c.before.label, stat),
            Glyph::Line {
                color: theme.before,
                width: 3,
                dash: Dash::Dashed,
                dot: true,
                mark: Shape::Circle,
            },
        ),
        (
            w.side_line(c.after.label, stat),
            Glyph::Line {
                color: theme.after,
                width: 5,
                dash: Dash::Solid,
                dot: true,
                mark: Shape::Circle,
            },
        ),
    ];
    if fig.bands.iter().any(|b| b.fill == theme.after_band) {
        entries.push((
            match c.band {
                BandKind::MinMax => w.band_minmax_legend,
                _ => w.band_iqr_legend,
            }
            .to_string(),
            Glyph::Fill {
                color: theme.after_band,
                opacity: 0.22,
            },
        ));
    }
    if better {
        entries.push((
            w.better_after.to_string(),
            Glyph::Fill {
                color: theme.better,
                opacity: 0.35,
            },
        ));
    }
    if worse {
        entries.push((
            w.worse_after.to_string(),
            Glyph::Fill {
                color: theme.worse,
                opacity: 0.35,
            },
        ));
    }
    if c.steps.iter().any(|s| s.significant) {
        entries.push((
            w.significant_legend(c.alpha),
            Glyph::Symbol {
                text: w.significant_sign.to_string(),
                color: theme.ink,
            },
        ));
    }
    let ring = |color| {
        fig.markers
            .iter()
            .any(|m| m.shape == Shape::Ring && m.color == color)
    };
    for (label, color) in [(c.before.label, theme.before), (c.after.label, theme.dip)] {
        if ring(color) {
            entries.push((
                w.side_dip(label),
                Glyph::Marker {
                    shape: Shape::Ring,
                    color,
                },
            ));
        }
    }
    fig.legend.extend(
        entries
            .into_iter()
            .map(|(label, glyph)| LegendEntry { label, glyph }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fill_follows_both_lines_and_splits_at_crossings() {
        let before = [(0.0, 0.0), (1.0, 2.0), (2.0, -2.0)];
        let after = [(0.0, 1.0), (1.0, 1.0), (2.0, 0.0)];
        let (better, worse) = between(&before, &after);
        // At x=0 after is 1 above; between 0 and 1 the lines cross at y=1.
        assert_eq!(better[0], (0.0, 0.0, 1.0));
        assert_eq!(worse[0], (0.0, 0.0, 0.0));
        assert!(better
            .iter()
            .any(|&(x, lo, hi)| (x - 0.5).abs() < 1e-12 && lo == hi));
        // At x=1 before is higher: the worse band spans 1..2, the better band is empty.
        assert!(worse.contains(&(1.0, 1.0, 2.0)));
        assert!(better.contains(&(1.0, 2.0, 2.0)));
    }

    #[test]
    fn a_line_missing_a_step_is_interpolated_across_it() {
        let before = [(0.0, 0.0), (1.0, -4.0), (2.0, 0.0)];
        let after = [(0.0, 0.0), (2.0, 0.0)]; // step 1 removed
        let (better, worse) = between(&before, &after);
        assert!(better.contains(&(1.0, -4.0, 0.0)));
        assert!(worse.contains(&(1.0, -4.0, -4.0)));
    }
}
