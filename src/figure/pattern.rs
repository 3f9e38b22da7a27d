//! The pattern graph: the typical pattern of many cases as a bold line
//! over a shaded band, with every case a faint line behind it, the pattern's
//! turning points and critical dips marked, and steps prone to fail flagged.

use super::emotion::{frame, sections, step_axis, ChartOptions};
use super::marks::{self, Track};
use super::words::Words;
use super::{Band, Dash, Figure, Glyph, LegendEntry, Line, Shape};
use crate::analysis::pattern::{Pattern, Stat};
use crate::analysis::Thresholds;
use crate::model::{Case, Interner, Scale, Step, Sym};

/// Which spread of the cases the band shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandKind {
    /// From the 25th to the 75th percentile: the middle half of the cases.
    Iqr,
    /// From the lowest to the highest feeling.
    MinMax,
    None,
}

/// Which case lines to draw behind the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseLines {
    /// All of them up to [`AUTO_CASES`], none beyond, none on a small
    /// picture ([`small_picture`]).
    Auto,
    All,
    None,
}

/// Most cases `--cases auto` draws behind the pattern.
pub const AUTO_CASES: usize = 300;

/// What the pattern graph is drawn from.
pub struct PatternChart<'a> {
    /// The source's steps; the pattern's steps index into them.
    pub steps: &'a [Step],
    pub strings: &'a Interner,
    pub scale: Scale,
    pub pattern: &'a Pattern,
    /// The cases the pattern combines (empty for a summary read from a file).
    pub cases: &'a [&'a Case],
    pub band: BandKind,
    pub case_lines: CaseLines,
    /// Subtitle words naming the group, for `--by`.
    pub group: Option<String>,
}

/// Build the pattern graph.
pub fn build(c: &PatternChart, t: &Thresholds, opts: &ChartOptions) -> Figure {
    let w = opts.lang.words();
    let p = c.pattern;
    let names: Vec<&str> = p
        .steps
        .iter()
        .map(|s| c.steps[s.step].name.as_str())
        .collect();
    let mut x = step_axis(names.iter().copied());
    // n under each step when it varies; steps prone to fail flagged.
    let ns: Vec<Option<usize>> = p.steps.iter().map(|s| s.figures.n).collect();
    // Left out on a small picture (see `small_picture`).
    let n_varies = ns.windows(2).any(|w| w[0] != w[1]) && !small_picture(opts);
    for (label, s) in x.labels.iter_mut().zip(&p.steps) {
        if n_varies {
            label.note = s.figures.n.map(|n| w.n(n));
        }
        if s.risk == Some(true) && opts.marks {
            label.alert = true;
            let share = s.figures.critical_share.unwrap_or(0.0);
            let at_or_below = w.share_at_or_below(share, t.critical);
            label.note = Some(match &label.note {
                Some(n) => w.and(n, &at_or_below),
                None => at_or_below,
            });
        }
    }
    let phases: Vec<Option<Sym>> = p.steps.iter().map(|s| c.steps[s.step].phase).collect();
    let mut fig = frame(
        opts,
        subtitle(c, w),
        x,
        &c.scale,
        t,
        sections(&phases, c.strings),
    );
    let theme = fig.theme;

    // Individual cases, faint, behind everything.
    let draw_cases = match c.case_lines {
        CaseLines::All => true,
        // On a small picture they are the first thing left out.
        CaseLines::Auto => c.cases.len() <= AUTO_CASES && !small_picture(opts),
        CaseLines::None => false,
    } && c.cases.len() > 1;
    if draw_cases {
        let mut at = vec![None; c.steps.len()];
        for (k, s) in p.steps.iter().enumerate() {
            at[s.step] = Some(k as f64);
        }
        // Fainter as there are more lines, so the crowd reads as a haze.
        let opacity = (6.0 / c.cases.len() as f64).clamp(0.06, 0.4);
        for case in c.cases {
            fig.lines.push(Line {
                points: case
                    .points
                    .iter()
                    .filter_map(|pt| {
                        at.get(pt.step as usize)
                            .copied()
                            .flatten()
                            .map(|x| (x, pt.feeling))
                    })
                    .collect(),
                color: theme.case_line,
                width: 1,
                opacity,
                dash: Dash::Solid,
                dot: 0,
                mark: Shape::Circle,
                hold: false,
            });
        }
        fig.legend.push(LegendEntry {
            label: w.individual_cases(c.cases.len()),
            glyph: Glyph::Line {
                color: theme.case_line,
                width: 1,
                dash: Dash::Solid,
                dot: false,
                mark: Shape::Circle,
            },
        });
    }

    // The band.
    let band: Option<Vec<(f64, f64, f64)>> = match c.band {
        BandKind::Iqr => p
            .steps
            .iter()
            .enumerate()
            .map(|(k, s)| Some((k as f64, s.figures.p25?, s.figures.p75?)))
            .collect(),
        BandKind::MinMax => p
            .steps
            .iter()
            .enumerate()
            .map(|(k, s)| Some((k as f64, s.figures.min?, s.figures.max?)))
            .collect(),
        BandKind::None => None,
    };
    if let Some(points) = band.filter(|b| b.iter().any(|&(_, lo, hi)| hi > lo)) {
        fig.bands.push(Band {
            points,
            fill: theme.band,
            opacity: 0.28,
        });
        fig.legend.push(LegendEntry {
            label: match c.band {
                BandKind::MinMax => w.band_minmax_legend.to_string(),
                _ => w.band_iqr_legend.to_string(),
            },
            glyph: Glyph::Fill {
                color: theme.band,
                opacity: 0.28,
            },
        });
    }

    // The pattern line.
    let xs: Vec<f64> = (0..p.line.len()).map(|k| k as f64).collect();
    fig.lines.push(Line {
        points: xs.iter().copied().zip(p.line.iter().copied()).collect(),
        color: theme.primary,
        width: 5,
        opacity: 1.0,
        dash: Dash::Solid,
        dot: 6,
        mark: Shape::Circle,
        hold: false,
    });
    let stat = stat_word(p.stat, w);
    fig.tips = xs
        .iter()
        .zip(&p.line)
        .zip(&names)
        .zip(&p.steps)
        .map(|(((&x, &y), name), s)| {
            let mut lines = vec![
                w.tip(w.tip_step, name),
                w.tip(stat, &super::format_value(y)),
            ];
            if let Some(n) = s.figures.n {
                lines.push(w.n(n));
            }
            super::Tip { x, y, lines }
        })
        .collect();
    // The subtitle says how many cases; the legend names the statistic, so
    // a pattern read back from its summary draws the same.
    fig.legend.push(LegendEntry {
        label: w.typical_pattern_line(stat),
        glyph: Glyph::Line {
            color: theme.primary,
            width: 5,
            dash: Dash::Solid,
            dot: true,
            mark: Shape::Circle,
        },
    });

    if opts.marks {
        let track = Track {
            xs: &xs,
            values: &p.line,
            names: &names,
        };
        marks::turning_points(&mut fig, &track, &p.analysis);
        marks::critical_dips(&mut fig, &track, &p.analysis, 0, w);
        // Callouts on the pattern's dips say how many cases were in frustration there.
        for dip in marks::shown_dips(&fig, &p.analysis).into_iter().take(3) {
            let (Some(&x), Some(s)) = (xs.get(dip.index), p.steps.get(dip.index)) else {
                continue;
            };
            let feeling = crate::numfmt::value(dip.feeling);
            let detail = match s.figures.critical_share {
                Some(share) => w.and(&feeling, &w.share_at_or_below(share, t.critical)),
                None => feeling,
            };
            fig.callouts.push(marks::dip_callout(
                x,
                dip.feeling,
                names[dip.index],
                detail,
                dip.sharp_drop_only,
                w,
                theme,
            ));
        }
        marks::legend(&mut fig, w);
        marks::count_if_dense(&mut fig, &p.analysis, w);
    }
    if opts.marks && p.steps.iter().any(|s| s.risk == Some(true)) {
        fig.legend.push(LegendEntry {
            label: w.prone_to_fail(p.risk, t.critical),
            glyph: Glyph::Symbol {
                text: w.alert_sign.to_string(),
                color: theme.alert,
            },
        });
    }
    fig
}

/// A picture too small for everything (below 1000×560 pixels): things are
/// left out in a stated order — the individual case lines, then callouts
/// that find no free place, then the `n=` notes under the steps.
pub fn small_picture(opts: &ChartOptions) -> bool {
    opts.width < 1000 || opts.height < 560
}

fn stat_word(stat: Stat, w: &Words) -> &'static str {
    match stat {
        Stat::Median => w.median,
        Stat::Mean => w.mean,
    }
}

fn subtitle(c: &PatternChart, w: &Words) -> String {
    let p = c.pattern;
    let band = match c.band {
        BandKind::Iqr => w.band_iqr_subtitle,
        BandKind::MinMax => w.band_minmax_subtitle,
        BandKind::None => "",
    };
    let who = match p.cases {
        Some(n) => w.typical_pattern_of(n),
        None => w.pattern_from_summary.to_string(),
    };
    let group = c
        .group
        .as_ref()
        .map(|g| format!(" · {g}"))
        .unwrap_or_default();
    format!(
        "{who}{group} · {} · {}{band} · {}",
        w.steps(p.steps.len()),
        stat_word(p.stat, w),
        w.feeling_scale(c.scale.min, c.scale.max, c.scale.neutral)
    )
}
