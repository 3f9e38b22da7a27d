//! The frame of the pixel layout: text sizes, margins from measured text,
//! the plot rectangle, which x labels are shown and how (wrapped or
//! turned), and the rows of the legend. Everything scales with the picture
//! so a small PNG stays legible. [`super::Placement`] places every text and
//! mark within this frame.

use super::map::XMap;
use super::Rect;
use crate::figure::{Figure, Words};
use crate::render::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XLabelMode {
    /// Level text, wrapped onto up to three lines.
    Horizontal,
    /// Turned a quarter, reading bottom to top, shortened with an ellipsis.
    Vertical,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShownLabel {
    pub at: f64,
    /// Where the label is drawn, in pixels from the plot's left edge; apart
    /// from `at` when labels were spread out to be readable (a leader line
    /// joins them).
    pub px: f64,
    pub lines: Vec<String>,
    /// A second, smaller line (horizontal labels) such as `n=48`.
    pub note: Option<String>,
    /// A step prone to fail: drawn in the alert colour.
    pub alert: bool,
    /// A removed step: its text struck through.
    pub struck: bool,
}

/// The text of a label as drawn: a warning sign first on an alert.
fn label_text(l: &crate::figure::XLabel, w: &Words) -> String {
    if l.alert {
        w.alert_label(&l.text)
    } else {
        l.text.clone()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub index: usize,
    pub x: f64,
    pub y: f64,
    /// Width of the entry, glyph and text.
    pub width: f64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub scale: f64,
    pub pad: f64,
    pub title_size: f64,
    pub subtitle_size: f64,
    pub subtitle_top: f64,
    pub section_size: f64,
    pub tick_size: f64,
    pub zone_size: f64,
    pub label_size: f64,
    pub label_line: f64,
    pub legend_size: f64,
    pub legend_line: f64,
    pub legend_glyph: f64,
    pub plot: Rect,
    pub x_mode: XLabelMode,
    pub x_labels: Vec<ShownLabel>,
    pub x_thinned: bool,
    pub x_every: usize,
    pub label_area_bottom: f64,
    /// Height of the row of time ticks under the plot (0 on a step axis).
    pub tick_row: f64,
    /// Height of the band of leader lines between ticks and labels (0 when no label moved).
    pub leader_band: f64,
    pub legend: Vec<LegendItem>,
    /// Lines of the y title (1 or 2).
    pub y_title_lines: usize,
    /// Height of the channel strip under the plot (0 without channels).
    pub strip: f64,
    pub notes_size: f64,
    pub notes_line: f64,
    /// Lines of the notes' list under the labels (0 without notes).
    pub notes_lines: usize,
}

/// Spread positions (sorted, in pixels) so neighbours are at least `gap`
/// apart, staying within `0..=width` and as near their places as that allows.
pub fn spread(positions: &[f64], gap: f64, width: f64) -> Vec<f64> {
    let mut q: Vec<f64> = positions.to_vec();
    for i in 1..q.len() {
        q[i] = q[i].max(q[i - 1] + gap);
    }
    if let Some(last) = q.last_mut() {
        *last = last.min(width);
    }
    for i in (0..q.len().saturating_sub(1)).rev() {
        q[i] = q[i].min(q[i + 1] - gap);
    }
    for v in &mut q {
        *v = v.max(0.0);
    }
    q
}

/// Most lines a level label may wrap onto.
const MAX_LABEL_LINES: usize = 3;

impl Frame {
    /// `measure(text, size, bold)` gives a text's width in pixels.
    pub fn compute(fig: &Figure, measure: &dyn Fn(&str, f64, bool) -> f64) -> Frame {
        let (w, h) = (fig.width as f64, fig.height as f64);
        let s = (w / 1600.0).min(h / 900.0).clamp(0.4, 6.0);
        // Text shrinks less than the picture: a small PNG must stay legible.
        let t = s.max(0.72);
        let pad = 24.0 * s;
        let title_size = 36.0 * t;
        let subtitle_size = 21.0 * t;
        let tick_size = 19.0 * t;
        let label_size = 18.0 * t;
        let legend_size = 19.0 * t;
        let label_line = label_size * 1.15;
        let legend_line = legend_size * 1.6;
        let legend_glyph = 40.0 * s;
        let subtitle_top = pad + title_size * 0.95 + 8.0 * s;
        let header_bottom = subtitle_top + subtitle_size + 20.0 * s;

        let rtl = fig.direction == crate::figure::words::Direction::RightToLeft;
        // Legend: entries flow in reading order in rows, centred (aligned
        // right when reading right to left).
        let mut rows: Vec<Vec<(usize, f64, String)>> = Vec::new();
        let avail = w - 2.0 * pad;
        let gap = 30.0 * s;
        let mut row_w = 0.0;
        for (i, e) in fig.legend.iter().enumerate() {
            let label = text::fit(&e.label, avail - legend_glyph - 8.0 * s, &|t| {
                measure(t, legend_size, false)
            });
            let item_w = legend_glyph + 8.0 * s + measure(&label, legend_size, false);
            if rows.is_empty() || (row_w + gap + item_w > avail && row_w > 0.0) {
                rows.push(Vec::new());
                row_w = 0.0;
            }
            if row_w > 0.0 {
                row_w += gap;
            }
            row_w += item_w;
            if let Some(row) = rows.last_mut() {
                row.push((i, item_w, label));
            }
        }
        let legend_h = rows.len() as f64 * legend_line;
        let legend_top = h - pad - legend_h;
        let mut legend = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let total: f64 = row.iter().map(|(_, iw, _)| iw).sum::<f64>()
                + gap * (row.len().saturating_sub(1)) as f64;
            let mut x = if rtl { w - pad } else { (w - total) / 2.0 };
            for (index, iw, label) in row {
                if rtl {
                    x -= iw;
                }
                legend.push(LegendItem {
                    index: *index,
                    x,
                    y: legend_top + r as f64 * legend_line,
                    width: *iw,
                    text: label.clone(),
                });
                if rtl {
                    x -= gap;
                } else {
                    x += iw + gap;
                }
            }
        }

        // The y axis's margin (left, or right when reading right to left):
        // the y title and the widest tick label.
        let tick_w = fig
            .y
            .ticks
            .iter()
            .map(|&t| measure(&crate::figure::format_value(t), tick_size, false))
            .fold(0.0, f64::max);
        // The y title takes a second line where one would be cut (a small
        // picture): compared with the height the plot will about have.
        let y_title_lines = if measure(&fig.y.title, tick_size, false) > 0.55 * h {
            2
        } else {
            1
        };
        let gutter = tick_size * 1.3
            + (y_title_lines - 1) as f64 * tick_size * 1.15
            + 12.0 * s
            + tick_w
            + 10.0 * s;
        let (left, right) = if rtl {
            (pad, w - pad - gutter)
        } else {
            (pad + gutter, w - pad)
        };
        let plot_w = (right - left).max(10.0);

        // X labels.
        let x_map = XMap::new(fig, left, plot_w);
        let to_px = |at: f64| x_map.offset(at);
        let mut positions: Vec<f64> = fig.x.labels.iter().map(|l| to_px(l.at)).collect();
        positions.sort_by(f64::total_cmp);
        let slot = positions
            .windows(2)
            .map(|p| p[1] - p[0])
            .fold(plot_w, f64::min);
        let max_w = slot - 10.0 * s;
        let time_axis = !fig.x.ticks.is_empty();
        let mut x_mode = XLabelMode::Horizontal;
        let mut shown = Vec::new();
        if slot >= 40.0 * s && !time_axis {
            for l in &fig.x.labels {
                let shown_text = label_text(l, fig.words);
                let fits_words = shown_text
                    .split(' ')
                    .all(|word| measure(word, label_size, false) <= max_w);
                let lines = text::wrap(&shown_text, max_w, MAX_LABEL_LINES, &|t| {
                    measure(t, label_size, false)
                });
                let complete = lines.join(" ")
                    == shown_text
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                if !fits_words || !complete {
                    x_mode = XLabelMode::Vertical;
                    break;
                }
                shown.push(ShownLabel {
                    at: l.at,
                    px: to_px(l.at),
                    lines,
                    note: l.note.clone(),
                    alert: l.alert,
                    struck: l.struck,
                });
            }
        } else {
            x_mode = XLabelMode::Vertical;
        }
        let mut x_every = 1;
        let mut moved = false;
        let label_h = match x_mode {
            XLabelMode::Horizontal => {
                let lines = shown.iter().map(|l| l.lines.len()).max().unwrap_or(1);
                let notes = shown.iter().any(|l| l.note.is_some());
                (lines + usize::from(notes)) as f64 * label_line
            }
            XLabelMode::Vertical => {
                shown.clear();
                let max_len = (0.24 * h).min(300.0 * s);
                let need = label_line * 1.1;
                // In pixel order (the process may run right to left).
                let mut order: Vec<usize> = (0..fig.x.labels.len()).collect();
                order.sort_by(|&a, &b| {
                    to_px(fig.x.labels[a].at).total_cmp(&to_px(fig.x.labels[b].at))
                });
                let n = order.len().max(1) as f64;
                // Show every label when they fit side by side, spread out
                // where they crowd; otherwise every k-th.
                x_every = ((n * need / plot_w).ceil() as usize).max(1);
                let lines_allowed = if slot * 0.9 >= 2.0 * label_line && x_every == 1 {
                    2
                } else {
                    1
                };
                let kept: Vec<usize> = order
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| k % x_every == 0)
                    .map(|(_, &i)| i)
                    .collect();
                let true_px: Vec<f64> = kept.iter().map(|&i| to_px(fig.x.labels[i].at)).collect();
                let placed = spread(&true_px, need, plot_w);
                moved = placed
                    .iter()
                    .zip(&true_px)
                    .any(|(a, b)| (a - b).abs() > 1.0);
                for ((&i, &px), _) in kept.iter().zip(&placed).zip(&true_px) {
                    let l = &fig.x.labels[i];
                    // Turned labels carry their note on the same line.
                    let full = match &l.note {
                        Some(n) => fig.words.and(&label_text(l, fig.words), n),
                        None => label_text(l, fig.words),
                    };
                    shown.push(ShownLabel {
                        at: l.at,
                        px,
                        lines: text::wrap(&full, max_len, lines_allowed, &|t| {
                            measure(t, label_size, false)
                        }),
                        note: None,
                        alert: l.alert,
                        struck: l.struck,
                    });
                }
                shown
                    .iter()
                    .flat_map(|l| l.lines.iter())
                    .map(|line| measure(line, label_size, false))
                    .fold(0.0, f64::max)
            }
        };
        let tick_row = if time_axis { tick_size * 1.5 } else { 0.0 };
        let leader_band = if moved { 22.0 * s } else { 0.0 };
        let x_thinned = shown.len() < fig.x.labels.len();
        let note_h = if x_thinned { tick_size * 1.3 } else { 0.0 };
        let legend_gap = if legend.is_empty() { 0.0 } else { 14.0 * s };
        // The channel strip under the plot, and the list of notes above the legend.
        let strip = if fig.channels.is_empty() {
            0.0
        } else {
            tick_size * 1.3 + 6.0 * s
        };
        let notes_size = legend_size * 0.85;
        let notes_line = notes_size * 1.3;
        let small = w < 1000.0 || h < 560.0;
        let notes_max = if small { 3 } else { 6 };
        let notes_lines = fig.notes.len().min(notes_max);
        let notes_h = if notes_lines == 0 {
            0.0
        } else {
            notes_lines as f64 * notes_line + 8.0 * s
        };
        let bottom = (legend_top
            - legend_gap
            - notes_h
            - note_h
            - label_h
            - 10.0 * s
            - tick_row
            - leader_band
            - strip)
            .max(header_bottom + 40.0 * s);
        let plot = Rect {
            left,
            top: header_bottom,
            right,
            bottom,
        };
        Frame {
            scale: s,
            pad,
            title_size,
            subtitle_size,
            subtitle_top,
            section_size: 17.0 * t,
            tick_size,
            zone_size: 20.0 * t,
            label_size,
            label_line,
            legend_size,
            legend_line,
            legend_glyph,
            plot,
            x_mode,
            x_labels: shown,
            x_thinned,
            x_every,
            label_area_bottom: bottom
                + 10.0 * s
                + tick_row
                + leader_band
                + strip
                + label_h
                + note_h,
            strip,
            notes_size,
            notes_line,
            notes_lines,
            tick_row,
            leader_band,
            legend,
            y_title_lines,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    use crate::figure::{Glyph, LegendEntry, Rgb, XAxis, XLabel, YAxis};

    pub(crate) fn figure(labels: &[(&str, f64)], ticks: bool) -> Figure {
        let label = |(text, at): &(&str, f64)| XLabel {
            at: *at,
            text: text.to_string(),
            note: None,
            alert: false,
            struck: false,
        };
        Figure {
            width: 1600,
            height: 900,
            title: "t".into(),
            subtitle: "s".into(),
            x: XAxis {
                min: -1.0,
                max: 40.0,
                labels: labels.iter().map(label).collect(),
                title: None,
                ticks: if ticks {
                    vec![label(&("0", 0.0)), label(&("5d", 5.0))]
                } else {
                    vec![]
                },
            },
            y: YAxis {
                min: -5.0,
                max: 5.0,
                neutral: 0.0,
                ticks: vec![-5.0, 0.0, 5.0],
                title: "feeling".into(),
                neutral_label: "neutral".into(),
            },
            zones: vec![],
            sections: vec![],
            bands: vec![],
            lines: vec![],
            markers: vec![],
            callouts: vec![],
            axis_notes: vec![],
            tips: vec![],
            notes: vec![],
            channels: vec![],
            words: crate::figure::Lang::En.words(),
            direction: crate::figure::Direction::LeftToRight,
            theme: crate::figure::ThemeName::Light.theme(),
            legend: vec![LegendEntry {
                label: "feeling".into(),
                glyph: Glyph::Line {
                    color: Rgb(0, 0, 0),
                    width: 2,
                    dash: crate::figure::Dash::Solid,
                    dot: false,
                    mark: crate::figure::Shape::Circle,
                },
            }],
        }
    }

    /// Labels, however they are laid out, end above the legend.
    #[test]
    fn labels_never_reach_the_legend() {
        let measure = |t: &str, size: f64, _: bool| t.chars().count() as f64 * size * 0.55;
        let long = "Setup and first viewing of the new decoder";
        for (labels, ticks) in [
            (vec![("a", 0.0), (long, 0.1), ("b", 0.2), ("c", 36.0)], true),
            (vec![("a", 0.0), (long, 1.0), ("c", 2.0)], false),
            ((0..40).map(|i| (long, i as f64)).collect::<Vec<_>>(), false),
        ] {
            let l = Frame::compute(&figure(&labels, ticks), &measure);
            let legend_top = l.legend.iter().map(|i| i.y).fold(f64::INFINITY, f64::min);
            assert!(
                l.label_area_bottom <= legend_top + 0.5,
                "{} > {legend_top}",
                l.label_area_bottom
            );
            assert!(l.plot.bottom > l.plot.top);
        }
    }

    #[test]
    fn spread_keeps_spaced_positions_and_separates_crowded_ones() {
        assert_eq!(
            spread(&[10.0, 50.0, 90.0], 20.0, 100.0),
            vec![10.0, 50.0, 90.0]
        );
        let q = spread(&[0.0, 1.0, 2.0, 95.0], 20.0, 100.0);
        assert_eq!(q, vec![0.0, 20.0, 40.0, 95.0]);
        let q = spread(&[90.0, 95.0, 100.0], 20.0, 100.0);
        assert_eq!(q, vec![60.0, 80.0, 100.0]);
    }
}
