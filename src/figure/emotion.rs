//! The emotion graph: steps along x, feeling along y, with WOW and
//! frustration zones, the neutral line, phase sections, one line per case,
//! and the marks of the analysis.

use super::marks::{self, Track};
use super::theme::{Rgb, Theme, ThemeName};
use super::words::{Direction, Lang, Words};
use super::{Dash, Figure, Glyph, LegendEntry, Line, Section, Shape, XAxis, XLabel, YAxis, Zone};
use crate::analysis::journey::CaseAnalysis;
use crate::analysis::Thresholds;
use crate::error::{quote, InputError, Location};
use crate::model::{Dataset, Interner, Scale, Sym};

/// What the horizontal axis shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XMode {
    /// Steps evenly spaced in process order.
    Steps,
    /// Steps at their elapsed time.
    Time,
}

/// Choices about the picture that are not in the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    pub width: u32,
    pub height: u32,
    pub title: String,
    pub x: XMode,
    /// Draw the marks of the analysis (turning points, dips, hand-offs, promises).
    pub marks: bool,
    /// The language of the picture's words.
    pub lang: Lang,
    /// Which way the picture reads (by default the language's way).
    pub direction: Direction,
    /// The colours (and, in print, the dashes and shapes) of the picture.
    pub theme: ThemeName,
}

impl ChartOptions {
    /// Options for a picture of `width` × `height` in `lang`, read in its
    /// own direction, light theme, steps along x, marks drawn.
    pub fn new(width: u32, height: u32, title: impl Into<String>, lang: Lang) -> Self {
        ChartOptions {
            width,
            height,
            title: title.into(),
            x: XMode::Steps,
            marks: true,
            lang,
            direction: lang.direction(),
            theme: ThemeName::Light,
        }
    }
}

/// Most case lines listed one by one in the legend.
const LEGEND_CASES: usize = 12;
/// Most case lines that get turning-point marks; beyond it they would hide the lines.
const MARKED_CASES: usize = 3;

/// Where the WOW zone starts: as far above neutral, in proportion to the
/// upper half of the scale, as the critical level is below it.
pub fn wow_level(scale: &Scale, t: &Thresholds) -> f64 {
    let below = scale.neutral - scale.min;
    let share = if below > 0.0 {
        ((scale.neutral - t.critical) / below).clamp(0.0, 1.0)
    } else {
        0.6
    };
    scale.neutral + share * (scale.max - scale.neutral)
}

/// The x position of each point of each case: its step's index, or its
/// elapsed time. A time axis needs a time at every point drawn.
fn positions(
    ds: &Dataset,
    analyses: &[CaseAnalysis],
    x: XMode,
) -> Result<Vec<Vec<f64>>, InputError> {
    if x == XMode::Steps {
        return Ok(ds
            .cases
            .iter()
            .map(|c| c.points.iter().map(|p| f64::from(p.step)).collect())
            .collect());
    }
    let mut out = Vec::with_capacity(ds.cases.len());
    for (case, a) in ds.cases.iter().zip(analyses) {
        let mut xs = Vec::with_capacity(case.points.len());
        for (i, p) in case.points.iter().enumerate() {
            let Some(t) = a.elapsed.get(i).copied().flatten() else {
                let step = &ds.steps[p.step as usize].name;
                return Err(InputError::new(
                    Location::file(&ds.source.name),
                    format!(
                        "--x time needs a time at every step, and step {} of case {} (line {}) has none",
                        quote(step),
                        quote(&case.name),
                        p.line
                    ),
                    "a time column with a duration (15m, 2h, 4d) or a date in every row",
                )
                .with_hint("without --x time the graph is drawn step by step"));
            };
            xs.push(t);
        }
        out.push(xs);
    }
    Ok(out)
}

/// Build the emotion graph of every case in `ds`, with the marks of its
/// analysis (`analyses[i]` belongs to `ds.cases[i]`).
pub fn build(
    ds: &Dataset,
    analyses: &[CaseAnalysis],
    t: &Thresholds,
    opts: &ChartOptions,
) -> Result<Figure, InputError> {
    let w = opts.lang.words();
    let scale = ds.scale;
    let xs = positions(ds, analyses, opts.x)?;
    let x = match opts.x {
        XMode::Steps => step_axis(ds.steps.iter().map(|s| s.name.as_str())),
        XMode::Time => time_axis(ds, &xs, w),
    };
    let single = ds.cases.len() == 1;
    let (lines, legend) = case_lines(ds, &xs, opts.x == XMode::Time, w, opts.theme.theme());
    let phases: Vec<Option<Sym>> = ds.steps.iter().map(|s| s.phase).collect();
    let sections = if opts.x == XMode::Steps {
        sections(&phases, &ds.strings)
    } else {
        time_sections(ds, &xs, &phases, &x)
    };
    let mut fig = frame(opts, subtitle(ds, w), x, &scale, t, sections);
    fig.lines = lines;
    fig.legend = legend;
    fig.tips = tips(ds, &xs, w);
    if single {
        let case = &ds.cases[0];
        fig.notes = (0..case.points.len())
            .filter_map(|i| {
                let note = case.detail(i).note?;
                Some(super::PointNote {
                    x: xs[0][i],
                    y: case.points[i].feeling,
                    text: ds.text(note).to_string(),
                })
            })
            .collect();
        if opts.x == XMode::Steps {
            let channels: Vec<Option<&str>> = (0..case.points.len())
                .map(|i| case.detail(i).channel.map(|c| ds.text(c)))
                .collect();
            fig.channels = channel_runs(&xs[0], &channels);
        }
    }
    if opts.marks && ds.cases.len() <= MARKED_CASES {
        for (i, (case, a)) in ds.cases.iter().zip(analyses).enumerate() {
            let values = case.feelings();
            let names: Vec<&str> = case
                .points
                .iter()
                .map(|p| ds.steps[p.step as usize].name.as_str())
                .collect();
            let track = Track {
                xs: &xs[i],
                values: &values,
                names: &names,
            };
            if single {
                // Promise and hand-offs belong to one journey; several
                // cases' promises would tangle.
                if let Some(h) = &a.handoffs {
                    let owners: Vec<&str> = (0..case.points.len())
                        .map(|i| case.detail(i).owner.map(|o| ds.text(o)).unwrap_or(""))
                        .collect();
                    marks::handoffs(&mut fig, &track, h, &owners, w);
                }
                if a.promise.is_some() {
                    let expected: Vec<Option<f64>> = (0..case.points.len())
                        .map(|i| case.detail(i).expected)
                        .collect();
                    marks::promise(&mut fig, &track, &expected, opts.x == XMode::Time);
                }
            }
            marks::turning_points(&mut fig, &track, &a.sequence);
            marks::critical_dips(&mut fig, &track, &a.sequence, if single { 3 } else { 0 }, w);
            if single {
                marks::count_if_dense(&mut fig, &a.sequence, w);
            }
        }
        // The promise line goes under the case lines.
        let promise = fig.theme.promise;
        fig.lines
            .sort_by_key(|l| !(l.dash != Dash::Solid && l.color == promise));
        marks::legend(&mut fig, w);
    }
    Ok(fig)
}

/// The frame every chart starts from: size, titles, both axes, the zones of
/// feeling and the phase sections, in the words of `opts.lang`; nothing
/// drawn on it yet.
pub(super) fn frame(
    opts: &ChartOptions,
    subtitle: String,
    x: XAxis,
    scale: &Scale,
    t: &Thresholds,
    sections: Vec<Section>,
) -> Figure {
    let w = opts.lang.words();
    let theme = opts.theme.theme();
    Figure {
        width: opts.width,
        height: opts.height,
        title: opts.title.clone(),
        subtitle,
        x,
        y: y_axis(scale, w),
        zones: zones(scale, t, w, theme),
        sections,
        bands: Vec::new(),
        lines: Vec::new(),
        markers: Vec::new(),
        callouts: Vec::new(),
        axis_notes: Vec::new(),
        legend: Vec::new(),
        tips: Vec::new(),
        notes: Vec::new(),
        channels: Vec::new(),
        words: w,
        direction: opts.direction,
        theme,
    }
}

/// Runs of steps in one channel, from half way to the previous step to half
/// way to the next (the ends of the axis at either end); steps without a
/// channel end a run.
fn channel_runs(xs: &[f64], channels: &[Option<&str>]) -> Vec<super::ChannelRun> {
    let mut out: Vec<super::ChannelRun> = Vec::new();
    let n = xs.len();
    for (i, (&x, ch)) in xs.iter().zip(channels).enumerate() {
        let Some(ch) = ch else { continue };
        let from = if i == 0 {
            x - 0.5
        } else {
            (xs[i - 1] + x) / 2.0
        };
        let to = if i + 1 == n {
            x + 0.5
        } else {
            (x + xs[i + 1]) / 2.0
        };
        match out.last_mut() {
            Some(run) if run.name == *ch && (run.to - from).abs() < 1e-9 => run.to = to,
            _ => out.push(super::ChannelRun {
                from,
                to,
                name: ch.to_string(),
            }),
        }
    }
    out
}

/// A tooltip for every point of every case: step, feeling, case, and the
/// owner, channel and note where the sheet has them.
fn tips(ds: &Dataset, xs: &[Vec<f64>], w: &Words) -> Vec<super::Tip> {
    let mut out = Vec::new();
    let several = ds.cases.len() > 1;
    for (case, xs) in ds.cases.iter().zip(xs) {
        for (i, (p, &x)) in case.points.iter().zip(xs).enumerate() {
            let d = case.detail(i);
            let mut lines = vec![
                w.tip(w.tip_step, &ds.steps[p.step as usize].name),
                w.tip(w.feeling, &super::format_value(p.feeling)),
            ];
            if several {
                lines.push(w.tip(w.tip_case, &case.name));
            }
            for (name, sym) in [
                (w.tip_owner, d.owner),
                (w.tip_channel, d.channel),
                (w.tip_note, d.note),
            ] {
                if let Some(v) = sym {
                    lines.push(w.tip(name, ds.text(v)));
                }
            }
            out.push(super::Tip {
                x,
                y: p.feeling,
                lines,
            });
        }
    }
    out
}

/// One line per case, and the legend naming them.
/// `hold`: each feeling lasts until the next step (a time axis).
fn case_lines(
    ds: &Dataset,
    xs: &[Vec<f64>],
    hold: bool,
    w: &Words,
    theme: &Theme,
) -> (Vec<Line>, Vec<LegendEntry>) {
    let mut lines = Vec::new();
    let mut legend = Vec::new();
    let single = ds.cases.len() == 1;
    let many = ds.cases.len() > LEGEND_CASES;
    for (i, case) in ds.cases.iter().enumerate() {
        let series = theme.series(i);
        let (color, dash, mark) = if single {
            (theme.primary, Dash::Solid, Shape::Circle)
        } else {
            (series.color, series.dash, series.mark)
        };
        let (width, dot, opacity) = match (single, many) {
            (true, _) => (4, 6, 1.0),
            (false, false) => (3, 5, 0.9),
            (false, true) => (2, 0, 0.5),
        };
        lines.push(Line {
            points: xs[i]
                .iter()
                .zip(&case.points)
                .map(|(&x, p)| (x, p.feeling))
                .collect(),
            color,
            width,
            opacity,
            dash,
            dot,
            mark,
            hold,
        });
        let label = if single {
            w.feeling.to_string()
        } else {
            case.name.clone()
        };
        if i < LEGEND_CASES {
            legend.push(LegendEntry {
                label,
                glyph: Glyph::Line {
                    color,
                    width,
                    dash,
                    dot: dot > 0 || dash != Dash::Solid,
                    mark,
                },
            });
        }
    }
    if many {
        legend.push(LegendEntry {
            label: w.more_cases(ds.cases.len() - LEGEND_CASES),
            glyph: Glyph::Line {
                color: theme.muted,
                width: 2,
                dash: Dash::Solid,
                dot: false,
                mark: Shape::Circle,
            },
        });
    }
    (lines, legend)
}

/// Steps evenly spaced, one label each.
pub(super) fn step_axis<'s>(names: impl ExactSizeIterator<Item = &'s str>) -> XAxis {
    XAxis {
        min: -0.5,
        max: names.len() as f64 - 0.5,
        labels: names
            .enumerate()
            .map(|(i, name)| XLabel {
                at: i as f64,
                text: name.to_string(),
                note: None,
                alert: false,
                struck: false,
            })
            .collect(),
        title: None,
        ticks: Vec::new(),
    }
}

/// A time axis: ticks in round units, and each step labelled at the median
/// of its elapsed times over the cases.
fn time_axis(ds: &Dataset, xs: &[Vec<f64>], w: &Words) -> XAxis {
    let mut at: Vec<Vec<f64>> = vec![Vec::new(); ds.steps.len()];
    for (case, xs) in ds.cases.iter().zip(xs) {
        for (p, &x) in case.points.iter().zip(xs) {
            at[p.step as usize].push(x);
        }
    }
    let span = xs.iter().flatten().copied().fold(0.0, f64::max);
    let labels = ds
        .steps
        .iter()
        .zip(&mut at)
        .filter(|(_, v)| !v.is_empty())
        .map(|(s, v)| {
            v.sort_by(f64::total_cmp);
            XLabel {
                at: v[v.len() / 2],
                text: s.name.clone(),
                note: None,
                alert: false,
                struck: false,
            }
        })
        .collect();
    let end = span.max(1.0);
    let margin = end * 0.03;
    XAxis {
        min: -margin,
        max: end + margin,
        labels,
        title: Some(w.elapsed_time.to_string()),
        ticks: super::timeaxis::ticks(end, w),
    }
}

/// Phases on a time axis: each run of steps of one phase spans from its
/// first step's time to its last's (the median over the cases, where the
/// step labels stand); neighbouring phases meet half way between.
fn time_sections(
    ds: &Dataset,
    xs: &[Vec<f64>],
    phases: &[Option<Sym>],
    axis: &XAxis,
) -> Vec<Section> {
    let mut at: Vec<Vec<f64>> = vec![Vec::new(); ds.steps.len()];
    for (case, xs) in ds.cases.iter().zip(xs) {
        for (p, &x) in case.points.iter().zip(xs) {
            at[p.step as usize].push(x);
        }
    }
    let at: Vec<Option<f64>> = at
        .into_iter()
        .map(|mut v| {
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied()
        })
        .collect();
    // Runs of one phase over the steps that have a time: (phase, first, last).
    let mut runs: Vec<(Sym, f64, f64)> = Vec::new();
    for (phase, t) in phases.iter().zip(&at) {
        let (Some(p), Some(t)) = (phase, t) else {
            continue;
        };
        match runs.last_mut() {
            Some((q, _, end)) if q == p => *end = end.max(*t),
            _ => runs.push((*p, *t, *t)),
        }
    }
    (0..runs.len())
        .map(|i| {
            let (p, start, end) = runs[i];
            let from = if i == 0 {
                axis.min
            } else {
                (runs[i - 1].2 + start) / 2.0
            };
            let to = match runs.get(i + 1) {
                Some(next) => (end + next.1) / 2.0,
                None => axis.max,
            };
            Section {
                from,
                to,
                label: ds.strings.get(p).to_string(),
            }
        })
        .collect()
}

fn subtitle(ds: &Dataset, w: &Words) -> String {
    let mut s = format!("{} · {}", w.cases(ds.cases.len()), w.steps(ds.steps.len()));
    if ds.source.skipped > 0 {
        s.push_str(&w.skipped(ds.source.skipped));
    }
    s.push_str(" · ");
    s.push_str(&w.feeling_scale(ds.scale.min, ds.scale.max, ds.scale.neutral));
    s
}

/// Room above the top and below the bottom of the scale, as a share of its
/// range, so a dot at WOW or at the bottom is drawn whole.
const Y_MARGIN: f64 = 0.04;

fn y_axis(scale: &Scale, w: &Words) -> YAxis {
    let margin = Y_MARGIN * scale.range();
    YAxis {
        min: scale.min - margin,
        max: scale.max + margin,
        neutral: scale.neutral,
        ticks: ticks(scale.min, scale.max),
        title: w.feeling_axis(scale.min, scale.neutral, scale.max),
        neutral_label: w.neutral.to_string(),
    }
}

/// Tick values at a round step giving 5 to 12 ticks, always including the ends.
pub fn ticks(min: f64, max: f64) -> Vec<f64> {
    let range = max - min;
    let mut step = 1.0;
    // Whole-number scales (1..5, -5..5, 0..10) get a tick at every whole number.
    let candidates: &[f64] = if (3.0..=12.0).contains(&range) {
        &[1.0]
    } else {
        &[
            0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0,
        ]
    };
    for &candidate in candidates {
        step = candidate;
        if range / candidate <= 12.0 {
            break;
        }
    }
    if range / step > 12.0 {
        step = range / 10.0;
    }
    let mut ticks = Vec::new();
    let mut v = (min / step).ceil() * step;
    while v <= max + step * 1e-9 {
        ticks.push((v / step).round() * step);
        v += step;
    }
    if ticks.first().is_none_or(|&t| (t - min).abs() > step * 1e-9) {
        ticks.insert(0, min);
    }
    if ticks.last().is_none_or(|&t| (t - max).abs() > step * 1e-9) {
        ticks.push(max);
    }
    ticks
}

fn zones(scale: &Scale, t: &Thresholds, w: &Words, theme: &Theme) -> Vec<Zone> {
    let wow = wow_level(scale, t);
    // Everything at or below the critical level is the frustration zone.
    let frustration = t.critical;
    // The outer zones reach the edges of the plot, margin included.
    let margin = Y_MARGIN * scale.range();
    let (top, bottom) = (scale.max + margin, scale.min - margin);
    let zone = |from, to, (fill, text): (Rgb, Rgb), opacity, label: Option<&str>| Zone {
        from,
        to,
        fill,
        opacity,
        label: label.map(str::to_string),
        label_color: text,
    };
    let up = (theme.wow, theme.wow_text);
    let down = (theme.frustration, theme.frustration_text);
    let (strong, faint) = (theme.zone_strong, theme.zone_faint);
    vec![
        zone(wow, top, up, strong, Some(w.wow)),
        zone(scale.neutral, wow, up, faint, None),
        zone(frustration, scale.neutral, down, faint, None),
        zone(bottom, frustration, down, strong, Some(w.frustration)),
    ]
}

/// Consecutive steps of one phase form a section; `phases[i]` is the phase
/// of the step drawn at x = i.
pub(super) fn sections(phases: &[Option<Sym>], strings: &Interner) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut current: Option<(Sym, usize, usize)> = None;
    let section = |p: Sym, start: usize, end: usize| Section {
        from: start as f64 - 0.5,
        to: end as f64 + 0.5,
        label: strings.get(p).to_string(),
    };
    for (i, &phase) in phases.iter().enumerate() {
        match (current, phase) {
            (Some((p, start, _)), Some(q)) if p == q => current = Some((p, start, i)),
            (prev, phase) => {
                if let Some((p, start, end)) = prev {
                    out.push(section(p, start, end));
                }
                current = phase.map(|p| (p, i, i));
            }
        }
    }
    if let Some((p, start, end)) = current {
        out.push(section(p, start, end));
    }
    out
}

/// A title from a file name: `cinema-evening.csv` → `Cinema evening`:
/// `-` and `_` become spaces, the first letter a capital, every other letter
/// stays as written. Standard input, or a name with no words, gets the
/// default title of the picture's language.
pub fn title_from_path(path: &str, lang: Lang) -> String {
    let stem = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let words = stem.replace(['-', '_'], " ");
    let words = words.trim();
    if words.is_empty() || path == "-" {
        return lang.words().default_title.to_string();
    }
    let mut chars = words.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}", chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            ticks(-5.0, 5.0),
            (-5..=5).map(f64::from).collect::<Vec<_>>()
        );
        assert_eq!(ticks(1.0, 5.0), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(ticks(0.0, 100.0).len(), 11);
        assert_eq!(ticks(-3.0, 3.0).len(), 7);
    }

    #[test]
    fn zones_follow_the_scale() {
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        assert!((wow_level(&Scale::DEFAULT, &t) - 3.0).abs() < 1e-12);
        let s = Scale {
            min: 1.0,
            max: 5.0,
            neutral: 3.0,
        };
        let t = Thresholds::for_scale(1.0, 5.0, 3.0);
        assert!((wow_level(&s, &t) - 4.2).abs() < 1e-12);
    }

    #[test]
    fn titles_from_file_names() {
        let en = Lang::En;
        assert_eq!(
            title_from_path("examples/cinema-evening.csv", en),
            "Cinema evening"
        );
        assert_eq!(
            title_from_path("cable-tv_installation.csv", en),
            "Cable tv installation"
        );
        assert_eq!(title_from_path("net-NPS-survey.csv", en), "Net NPS survey");
        assert_eq!(title_from_path("-", en), "Emotion graph");
        assert_eq!(title_from_path("-", Lang::He), "גרף רגשות");
        assert_eq!(title_from_path("__.csv", Lang::He), "גרף רגשות");
        assert_eq!(
            title_from_path("סדנה_צור-קשר.csv", Lang::He),
            "סדנה צור קשר"
        );
    }
}
