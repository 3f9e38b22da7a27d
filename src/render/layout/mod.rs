//! The pixel layout of a figure: where every text and mark goes. The
//! [`frame`] gives sizes, margins, the plot rectangle and which x labels are
//! shown; [`map`] turns figure units into pixels (the one place that does);
//! [`Placement::compute`] places every text — titles, phase labels, ticks,
//! zone words, axis titles, x labels, the thinned-label note, hand-off
//! notes, callouts, the legend — with its anchor and box. `render::draw`
//! only draws what was placed here.
//!
//! Left and right come from one setting, the figure's reading
//! [`Direction`]: texts that sit at the end of a line (zone words, the
//! thinned-label note) or start a box (hand-off notes, legend texts) take
//! their side and anchor from it.

pub(crate) mod frame;
mod map;

use crate::figure::words::Direction;
use crate::figure::Theme;
use crate::figure::{format_value, Figure, Rgb};
use crate::render::text;
pub use frame::{Frame, XLabelMode};
pub use map::PixelMap;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// The box grown by `d` on every side.
    pub fn grow(&self, d: f64) -> Rect {
        Rect {
            left: self.left - d,
            top: self.top - d,
            right: self.right + d,
            bottom: self.bottom + d,
        }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// The corners in whole pixels, rounded.
    fn rounded(&self) -> [(i32, i32); 2] {
        [
            (self.left.round() as i32, self.top.round() as i32),
            (self.right.round() as i32, self.bottom.round() as i32),
        ]
    }
}

/// Which point of a text's box is at its position, across.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Which point of a text's box is at its position, up and down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Center,
    Bottom,
}

/// Anchors and edges that follow the reading direction.
trait Sides {
    /// Anchor of a text that starts at its point.
    fn start(self) -> Align;
    /// Anchor of a text that ends at its point.
    fn end(self) -> Align;
    /// The x of a line's end inside `r`, `inset` pixels from its edge.
    fn end_of(self, r: &Rect, inset: f64) -> f64;
}

impl Sides for Direction {
    fn start(self) -> Align {
        match self {
            Direction::LeftToRight => Align::Left,
            Direction::RightToLeft => Align::Right,
        }
    }
    fn end(self) -> Align {
        match self {
            Direction::LeftToRight => Align::Right,
            Direction::RightToLeft => Align::Left,
        }
    }
    fn end_of(self, r: &Rect, inset: f64) -> f64 {
        match self {
            Direction::LeftToRight => r.right - inset,
            Direction::RightToLeft => r.left + inset,
        }
    }
}

/// A text at its place: what to draw, where, how big, and how it hangs
/// from its point.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub at: (f64, f64),
    pub size: f64,
    pub bold: bool,
    pub color: Rgb,
    pub h: Align,
    pub v: VAlign,
    /// Turned a quarter, reading bottom to top.
    pub rotate: bool,
    /// A line drawn through the text (a removed step).
    pub struck: bool,
}

impl Label {
    fn new(text: impl Into<String>, at: (f64, f64), size: f64, color: Rgb) -> Self {
        Label {
            text: text.into(),
            at,
            size,
            bold: false,
            color,
            h: Align::Left,
            v: VAlign::Top,
            rotate: false,
            struck: false,
        }
    }
    fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    fn anchor(mut self, h: Align, v: VAlign) -> Self {
        self.h = h;
        self.v = v;
        self
    }
    fn rotated(mut self) -> Self {
        self.rotate = true;
        self
    }
    fn struck(mut self, struck: bool) -> Self {
        self.struck = struck;
        self
    }
}

impl Label {
    /// The label's box in pixels, for a text `width` pixels wide.
    pub fn rect(&self, width: f64) -> Rect {
        let l = local_box(self, width);
        let (x, y) = self.at;
        if self.rotate {
            // Turned a quarter: along the text is up the picture.
            Rect {
                left: x + l.top,
                top: y - l.right,
                right: x + l.bottom,
                bottom: y - l.left,
            }
        } else {
            Rect {
                left: x + l.left,
                top: y + l.top,
                right: x + l.right,
                bottom: y + l.bottom,
            }
        }
    }
}

/// A label's box in its own frame (x along the text, y down, from its
/// point), for a text `width` pixels wide; a line is `size` pixels high.
pub fn local_box(label: &Label, width: f64) -> Rect {
    let left = match label.h {
        Align::Left => 0.0,
        Align::Center => -width / 2.0,
        Align::Right => -width,
    };
    let top = match label.v {
        VAlign::Top => 0.0,
        VAlign::Center => -label.size / 2.0,
        VAlign::Bottom => -label.size,
    };
    Rect {
        left,
        top,
        right: left + width,
        bottom: top + label.size,
    }
}

/// A phase: its separator (none before the first) and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedSection {
    pub separator: Option<f64>,
    pub label: Label,
}

/// A grid line of the feeling axis and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedYTick {
    pub y: f64,
    pub label: Label,
}

/// A tick of a time axis and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedTimeTick {
    pub x: f64,
    pub label: Label,
}

/// A step label: its lines of text, and the leader joining it to its step
/// when it was moved aside to be readable.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedXLabel {
    pub leader: Option<[(i32, i32); 2]>,
    pub texts: Vec<Label>,
}

/// A note on the process axis: a tick down from the top of the plot, a
/// light backdrop and the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNote {
    pub tick: [(i32, i32); 2],
    pub backdrop: [(i32, i32); 2],
    pub text: Label,
    pub color: Rgb,
}

/// A boxed note and the leader from its point to the box.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedCallout {
    pub leader: [(i32, i32); 2],
    pub frame: [(i32, i32); 2],
    pub texts: Vec<Label>,
    pub color: Rgb,
}

/// A legend entry: the box its glyph is drawn in (`left`, `width`, and the
/// middle line `center_y`), and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLegend {
    /// Index into the figure's legend.
    pub index: usize,
    pub glyph_left: f64,
    pub glyph_width: f64,
    pub center_y: f64,
    /// The text of a `Glyph::Symbol`, placed in the glyph's box.
    pub symbol: Option<Label>,
    pub text: Label,
}

/// Every text and mark of a figure, placed in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Scale of strokes and gaps against a 1600×900 picture.
    pub scale: f64,
    pub plot: Rect,
    pub map: PixelMap,
    pub title: Label,
    pub subtitle: Label,
    pub sections: Vec<PlacedSection>,
    pub y_ticks: Vec<PlacedYTick>,
    /// Zone words and the neutral line's word.
    pub zone_words: Vec<Label>,
    /// The y title's lines.
    pub y_title: Vec<Label>,
    /// Pixel x of the tick under each (shown) step.
    pub step_ticks: Vec<f64>,
    /// Length of the ticks under the plot, in pixels.
    pub tick_len: f64,
    pub time_ticks: Vec<PlacedTimeTick>,
    pub x_labels: Vec<PlacedXLabel>,
    /// The note saying that only some steps are labelled.
    pub x_note: Option<Label>,
    pub axis_notes: Vec<PlacedNote>,
    pub callouts: Vec<PlacedCallout>,
    pub legend: Vec<PlacedLegend>,
    /// The channel strip: each run's box, its shade (0 or 1, alternating)
    /// and its name.
    pub channels: Vec<(Rect, usize, Label)>,
    /// Where the channel changes: x, and the strip's top and bottom.
    pub channel_changes: Vec<(f64, f64, f64)>,
    /// The numbers of the notes at their points.
    pub note_badges: Vec<Label>,
    /// The list of notes under the graph.
    pub notes: Vec<Label>,
}

impl Placement {
    /// `measure(text, size, bold)` gives a text's width in pixels.
    pub fn compute(fig: &Figure, measure: &dyn Fn(&str, f64, bool) -> f64) -> Placement {
        let f = Frame::compute(fig, measure);
        let dir = fig.direction;
        let theme = fig.theme;
        let s = f.scale;
        let plot = f.plot;
        // Above the data: phase labels and hand-off notes; above and below
        // it: room for a marker beside a point at either end of the scale.
        let mark_room = 22.0 * s;
        let notes_room = if fig.axis_notes.is_empty() {
            0.0
        } else {
            16.0 * s + 2.0 * f.tick_size * 0.8 * 1.3
        };
        let sections_room = if fig.sections.is_empty() {
            0.0
        } else {
            8.0 * s + f.section_size * 1.2
        };
        let map = PixelMap::inset(
            fig,
            plot,
            mark_room.max(notes_room + sections_room + 8.0 * s),
            mark_room,
        );

        let title_w = fig.width as f64 - 2.0 * f.pad;
        let rtl = dir == Direction::RightToLeft;
        // Centred; aligned right when reading right to left.
        let (title_x, title_h) = if rtl {
            (fig.width as f64 - f.pad, Align::Right)
        } else {
            (fig.width as f64 / 2.0, Align::Center)
        };
        let title = Label::new(
            text::fit(&fig.title, title_w, &|t| measure(t, f.title_size, true)),
            (title_x, f.pad),
            f.title_size,
            theme.ink,
        )
        .bold()
        .anchor(title_h, VAlign::Top);
        let subtitle = Label::new(
            text::fit(&fig.subtitle, title_w, &|t| {
                measure(t, f.subtitle_size, false)
            }),
            (title_x, f.subtitle_top),
            f.subtitle_size,
            theme.muted,
        )
        .anchor(title_h, VAlign::Top);

        // Sections (phases): separators and labels along the top of the plot.
        let sections: Vec<PlacedSection> = fig
            .sections
            .iter()
            .enumerate()
            .map(|(i, sec)| {
                let (a, b) = (map.x(sec.from), map.x(sec.to));
                let (x0, x1) = (a.min(b), a.max(b));
                // A phase too narrow for its first word keeps its separator only.
                let label = text::fit_words(&sec.label, (x1 - x0 - 8.0).max(0.0), &|t| {
                    measure(t, f.section_size, true)
                });
                PlacedSection {
                    separator: (i > 0).then_some(a),
                    label: Label::new(
                        label,
                        ((x0 + x1) / 2.0, plot.top + 6.0 * s),
                        f.section_size,
                        theme.muted,
                    )
                    .bold()
                    .anchor(Align::Center, VAlign::Top),
                }
            })
            .collect();

        // Values of the feeling axis, against its outer side: the y axis is
        // on the left, or on the right when reading right to left.
        let (tick_x, tick_h) = if rtl {
            (plot.right + 10.0 * s, Align::Left)
        } else {
            (plot.left - 10.0 * s, Align::Right)
        };
        // Where values would touch (a short plot), every k-th is shown,
        // counted from the neutral one.
        let ticks = &fig.y.ticks;
        let spacing = ticks
            .windows(2)
            .map(|w| (map.y(w[0]) - map.y(w[1])).abs())
            .fold(f64::INFINITY, f64::min);
        let every = if spacing.is_finite() && spacing > 0.0 {
            ((f.tick_size * 1.15 / spacing).ceil() as usize).max(1)
        } else {
            1
        };
        let neutral_at = ticks
            .iter()
            .position(|&t| (t - fig.y.neutral).abs() < 1e-9)
            .unwrap_or(0);
        let y_ticks = ticks
            .iter()
            .enumerate()
            .filter(|(i, _)| i.abs_diff(neutral_at) % every == 0)
            .map(|(_, &t)| {
                let y = map.y(t);
                PlacedYTick {
                    y,
                    label: Label::new(format_value(t), (tick_x, y), f.tick_size, theme.ink)
                        .anchor(tick_h, VAlign::Center),
                }
            })
            .collect();

        // The y title, reading bottom to top, on up to the lines the frame
        // made room for (side by side, the first outermost).
        let y_lines: Vec<String> = text::wrap(&fig.y.title, plot.height(), f.y_title_lines, &|t| {
            measure(t, f.tick_size, false)
        });
        let line_w = f.tick_size * 1.15;
        let n_lines = y_lines.len();
        let y_title = y_lines
            .into_iter()
            .enumerate()
            .map(|(k, line)| {
                // Turned text's next line stands to the right of the first.
                let x = if rtl {
                    fig.width as f64 - f.pad - f.tick_size - (n_lines - 1 - k) as f64 * line_w
                } else {
                    f.pad + k as f64 * line_w
                };
                Label::new(
                    line,
                    (x, (plot.top + plot.bottom) / 2.0),
                    f.tick_size,
                    theme.ink,
                )
                .anchor(Align::Center, VAlign::Top)
                .rotated()
            })
            .collect();

        // A tick per step, or per labelled step where labels were thinned.
        let step_ticks = if f.x_thinned {
            f.x_labels.iter().map(|l| map.x(l.at)).collect()
        } else {
            fig.x.labels.iter().map(|l| map.x(l.at)).collect()
        };
        let time_ticks = fig
            .x
            .ticks
            .iter()
            .map(|tick| {
                let x = map.x(tick.at);
                PlacedTimeTick {
                    x,
                    label: Label::new(
                        tick.text.clone(),
                        (x, plot.bottom + 8.0 * s),
                        f.tick_size,
                        theme.ink,
                    )
                    .anchor(Align::Center, VAlign::Top),
                }
            })
            .collect();
        let x_labels = x_labels(&f, &map, theme);
        let x_note = f.x_thinned.then(|| {
            Label::new(
                fig.words
                    .every_nth_labelled(f.x_every, f.x_labels.len(), fig.x.labels.len()),
                (dir.end_of(&plot, 0.0), f.label_area_bottom),
                f.tick_size * 0.85,
                theme.muted,
            )
            .anchor(dir.end(), VAlign::Bottom)
        });
        let axis_notes = axis_notes(fig, &f, &map, dir, measure);
        // Texts inside the plot take their place in turn, each where it
        // covers no earlier one and no mark of the data.
        let marks = marks_of(fig, &map, s);
        let segments = main_segments(fig, &map);
        let mut taken: Vec<Rect> = Vec::new();
        for sec in &sections {
            let l: &Label = &sec.label;
            taken.push(l.rect(measure(&l.text, l.size, l.bold)));
        }
        for n in &axis_notes {
            taken.push(rect_of(&n.backdrop));
        }
        let mut callouts: Vec<PlacedCallout> = Vec::new();
        for (k, c) in fig.callouts.iter().enumerate() {
            if let Some((placed, rect)) = callout(
                c,
                map.point((c.x, c.y)),
                &f,
                measure,
                Avoid {
                    taken: &taken,
                    marks: &marks,
                    segments: &segments,
                },
                k == 0,
            ) {
                callouts.push(placed);
                taken.push(rect);
            }
        }
        // Zone words and the neutral word, at the end of the line inside the
        // plot where they are free, else at its start, else somewhere free
        // along their edge; left out where no place is free (the zone's
        // colour still shows it).
        let mut zone_words = Vec::new();
        let lines = &segments;
        let mut wanted = Vec::new();
        for z in &fig.zones {
            if let Some(label) = &z.label {
                // Just inside the zone's inner edge: the outer edges hold phase
                // labels, hand-offs and callouts.
                let upper = z.to > fig.y.neutral;
                let (y, v, dy) = if upper {
                    (map.y(z.from), VAlign::Bottom, -6.0 * s)
                } else {
                    (map.y(z.to), VAlign::Top, 6.0 * s)
                };
                wanted.push((label.clone(), y + dy, v, z.label_color));
            }
        }
        wanted.push((
            fig.y.neutral_label.clone(),
            map.y(fig.y.neutral) - 5.0 * s,
            VAlign::Bottom,
            theme.neutral,
        ));
        for (word, y, v, color) in wanted {
            let w = measure(&word, f.zone_size, true);
            let inset = 10.0 * s;
            let mut xs = vec![
                dir.end_of(&plot, inset),
                dir.end_of(&plot, plot.width() - inset - w),
            ];
            let free_w = plot.width() - 2.0 * inset - w;
            for k in 1..12 {
                xs.push(dir.end_of(&plot, inset + free_w * k as f64 / 12.0));
            }
            let found = xs
                .into_iter()
                .map(|x| {
                    Label::new(word.clone(), (x, y), f.zone_size, color)
                        .bold()
                        .anchor(dir.end(), v)
                })
                .find(|l| {
                    let avoid = Avoid {
                        taken: &taken,
                        marks: &marks,
                        segments: lines,
                    };
                    avoid.is_free(&l.rect(w).grow(3.0 * s), &plot)
                });
            if let Some(l) = found {
                taken.push(l.rect(w));
                zone_words.push(l);
            }
        }

        let legend = legend(fig, &f, dir);

        // The channel strip under the plot.
        let strip_top = plot.bottom + 6.0 * s;
        let strip_bottom = strip_top + f.tick_size * 1.3;
        let channel_size = f.tick_size * 0.8;
        let mut channels = Vec::new();
        let mut channel_changes = Vec::new();
        for (k, run) in fig.channels.iter().enumerate() {
            let (a, b) = (map.x(run.from), map.x(run.to));
            let (x0, x1) = (a.min(b).max(plot.left), a.max(b).min(plot.right));
            let name = text::fit_words(&run.name, (x1 - x0 - 6.0 * s).max(0.0), &|t| {
                measure(t, channel_size, false)
            });
            if k > 0 {
                channel_changes.push((a, strip_top, strip_bottom));
            }
            channels.push((
                Rect {
                    left: x0,
                    top: strip_top,
                    right: x1,
                    bottom: strip_bottom,
                },
                k % 2,
                Label::new(
                    name,
                    ((x0 + x1) / 2.0, (strip_top + strip_bottom) / 2.0),
                    channel_size,
                    theme.ink,
                )
                .anchor(Align::Center, VAlign::Center),
            ));
        }

        // The notes: their numbers by their points, the list under the labels.
        let badge_size = f.tick_size * 0.85;
        let mut note_badges = Vec::new();
        // The last line says how many more there are when not all fit.
        let listed = if fig.notes.len() > f.notes_lines {
            f.notes_lines.saturating_sub(1)
        } else {
            f.notes_lines
        };
        for (k, n) in fig.notes.iter().enumerate().take(listed) {
            let number = (k + 1).to_string();
            let w = measure(&number, badge_size, true);
            let (px, py) = (map.x(n.x), map.y(n.y));
            let d = 16.0 * s;
            let spots = [
                (0.0, -d),
                (d, -d),
                (-d, -d),
                (0.0, d),
                (d, d),
                (-d, d),
                (0.0, -2.0 * d),
                (0.0, 2.0 * d),
            ];
            let found = spots
                .iter()
                .map(|&(dx, dy)| {
                    Label::new(number.clone(), (px + dx, py + dy), badge_size, theme.ink)
                        .bold()
                        .anchor(Align::Center, VAlign::Center)
                })
                .find(|l| {
                    let avoid = Avoid {
                        taken: &taken,
                        marks: &marks,
                        segments: lines,
                    };
                    avoid.is_free(&l.rect(w).grow(2.0 * s), &plot)
                });
            if let Some(l) = found {
                taken.push(l.rect(w));
                note_badges.push(l);
            }
        }
        let mut notes = Vec::new();
        let list_w = fig.width as f64 - 2.0 * f.pad;
        let (list_x, list_h) = match dir {
            Direction::LeftToRight => (f.pad, Align::Left),
            Direction::RightToLeft => (fig.width as f64 - f.pad, Align::Right),
        };
        for k in 0..f.notes_lines {
            let rest = fig.notes.len() - k;
            let line = if k + 1 == f.notes_lines && rest > 1 {
                fig.words.more_notes(rest)
            } else {
                fig.words.numbered(k + 1, &fig.notes[k].text)
            };
            let line = text::fit_words(&line, list_w, &|t| measure(t, f.notes_size, false));
            notes.push(
                Label::new(
                    line,
                    (
                        list_x,
                        f.label_area_bottom + 8.0 * s + k as f64 * f.notes_line,
                    ),
                    f.notes_size,
                    theme.ink,
                )
                .anchor(list_h, VAlign::Top),
            );
        }
        Placement {
            scale: s,
            plot,
            map,
            title,
            subtitle,
            sections,
            y_ticks,
            zone_words,
            y_title,
            step_ticks,
            tick_len: 4.0 * s,
            time_ticks,
            x_labels,
            x_note,
            axis_notes,
            callouts,
            legend,
            channels,
            channel_changes,
            note_badges,
            notes,
        }
    }
}

/// A stretch of a drawn line, in pixels.
type Segment = ((f64, f64), (f64, f64));

/// What a text placed inside the plot must not cover: texts placed
/// before, marks of the data, and the strong lines.
#[derive(Clone, Copy)]
struct Avoid<'a> {
    taken: &'a [Rect],
    marks: &'a [Rect],
    segments: &'a [Segment],
}

impl Avoid<'_> {
    /// Whether a text's box `r` is a free place: inside `plot` and clear of
    /// everything to avoid.
    fn is_free(&self, r: &Rect, plot: &Rect) -> bool {
        inside(r, plot)
            && !self.taken.iter().any(|t| t.overlaps(r))
            && !self.marks.iter().any(|t| t.overlaps(r))
            && !self.segments.iter().any(|&(p, q)| segment_meets(p, q, r))
    }
}

/// Whether `r` lies inside `outer`.
fn inside(r: &Rect, outer: &Rect) -> bool {
    r.left >= outer.left && r.right <= outer.right && r.top >= outer.top && r.bottom <= outer.bottom
}

fn rect_of(c: &[(i32, i32); 2]) -> Rect {
    Rect {
        left: c[0].0 as f64,
        top: c[0].1 as f64,
        right: c[1].0 as f64,
        bottom: c[1].1 as f64,
    }
}

/// Boxes of the data's marks: markers and rings, and the dots of lines
/// drawn with dots.
fn marks_of(fig: &Figure, map: &PixelMap, s: f64) -> Vec<Rect> {
    let around = |(x, y): (f64, f64), r: f64| Rect {
        left: x - r,
        top: y - r,
        right: x + r,
        bottom: y + r,
    };
    let mut out: Vec<Rect> = fig
        .markers
        .iter()
        .map(|m| around((map.x(m.x), map.y(m.y)), (m.size as f64 * s).max(3.0)))
        .collect();
    // Dots are drawn only where points have room (see `render::draw`).
    let step_px = step_room(fig, map);
    for line in fig
        .lines
        .iter()
        .filter(|l| l.dot > 0 && step_px >= 4.0 * (l.dot as f64) * s)
    {
        let r = (line.dot as f64 * s).max(2.0);
        out.extend(
            line.points
                .iter()
                .map(|&(x, y)| around((map.x(x), map.y(y)), r)),
        );
    }
    out
}

/// Room per point along x, in pixels: thick lines and dots are thinned
/// where points crowd.
pub fn step_room(fig: &Figure, map: &PixelMap) -> f64 {
    (map.x(fig.x.max) - map.x(fig.x.min)).abs() / (fig.x.labels.len().max(1) as f64)
}

/// The segments of the lines a text must not cover: solid, strong lines
/// (a case's curve, the typical pattern), as drawn (held values in steps).
fn main_segments(fig: &Figure, map: &PixelMap) -> Vec<Segment> {
    let mut out = Vec::new();
    for line in fig
        .lines
        .iter()
        .filter(|l| l.dash == crate::figure::Dash::Solid && l.opacity >= 0.85)
    {
        let pts: Vec<(f64, f64)> = line
            .points
            .iter()
            .map(|&(x, y)| (map.x(x), map.y(y)))
            .collect();
        for w in pts.windows(2) {
            if line.hold {
                out.push((w[0], (w[1].0, w[0].1)));
                out.push(((w[1].0, w[0].1), w[1]));
            } else {
                out.push((w[0], w[1]));
            }
        }
    }
    out
}

/// Whether the segment `p`–`q` passes through `r`.
fn segment_meets(p: (f64, f64), q: (f64, f64), r: &Rect) -> bool {
    // Clip the segment to the box (Liang–Barsky).
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (pk, qk) in [
        (-dx, p.0 - r.left),
        (dx, r.right - p.0),
        (-dy, p.1 - r.top),
        (dy, r.bottom - p.1),
    ] {
        if pk == 0.0 {
            if qk < 0.0 {
                return false;
            }
        } else {
            let t = qk / pk;
            if pk < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// Step labels at their places, with leaders where they were moved aside.
fn x_labels(f: &Frame, map: &PixelMap, theme: &Theme) -> Vec<PlacedXLabel> {
    let s = f.scale;
    let plot = f.plot;
    let label_top = plot.bottom + 10.0 * s + f.tick_row + f.strip + f.leader_band;
    f.x_labels
        .iter()
        .map(|shown| {
            let x = plot.left + shown.px;
            // A label moved aside to be readable is joined to its step by a leader.
            let leader = (f.leader_band > 0.0).then(|| {
                [
                    (
                        map.x(shown.at).round() as i32,
                        (plot.bottom + 4.0 * s + f.tick_row + f.strip).round() as i32,
                    ),
                    (x.round() as i32, (label_top - 3.0 * s).round() as i32),
                ]
            });
            let ink = if shown.alert { theme.alert } else { theme.ink };
            let mut texts = Vec::new();
            match f.x_mode {
                XLabelMode::Horizontal => {
                    for (k, line) in shown.lines.iter().enumerate() {
                        texts.push(
                            Label::new(
                                line.clone(),
                                (x, label_top + k as f64 * f.label_line),
                                f.label_size,
                                ink,
                            )
                            .anchor(Align::Center, VAlign::Top)
                            .struck(shown.struck),
                        );
                    }
                    if let Some(note) = &shown.note {
                        let y = label_top + shown.lines.len() as f64 * f.label_line + 2.0 * s;
                        let c = if shown.alert { ink } else { theme.muted };
                        texts.push(
                            Label::new(note.clone(), (x, y), f.label_size * 0.85, c)
                                .anchor(Align::Center, VAlign::Top),
                        );
                    }
                }
                XLabelMode::Vertical => {
                    // Lines of a turned label stand side by side, first on the
                    // left; each ends just under the axis (the turned text's
                    // right end is its top).
                    let n = shown.lines.len() as f64;
                    for (k, line) in shown.lines.iter().enumerate() {
                        let dx = (k as f64 - (n - 1.0) / 2.0) * f.label_line;
                        texts.push(
                            Label::new(line.clone(), (x + dx, label_top), f.label_size, ink)
                                .anchor(Align::Right, VAlign::Center)
                                .rotated()
                                .struck(shown.struck),
                        );
                    }
                }
            }
            PlacedXLabel { leader, texts }
        })
        .collect()
}

/// Notes on the process (hand-offs), along the top inside the plot: a short
/// tick and the text, staggered over two rows where neighbours would touch.
fn axis_notes(
    fig: &Figure,
    f: &Frame,
    map: &PixelMap,
    dir: Direction,
    measure: &dyn Fn(&str, f64, bool) -> f64,
) -> Vec<PlacedNote> {
    let s = f.scale;
    let size = f.tick_size * 0.8;
    let row_h = size * 1.3;
    let plot = f.plot;
    let mut row_end = [f64::NEG_INFINITY; 2];
    let mut out = Vec::new();
    // In pixel order: the process may run right to left.
    let mut notes: Vec<&crate::figure::AxisNote> = fig.axis_notes.iter().collect();
    notes.sort_by(|a, b| map.x(a.at).total_cmp(&map.x(b.at)));
    for note in notes {
        let x = map.x(note.at);
        let w = measure(&note.text, size, false);
        let left = (x - w / 2.0).max(plot.left + 2.0);
        let row = if left > row_end[0] + 6.0 * s { 0 } else { 1 };
        row_end[row] = left + w;
        // Under the phase labels, if any, so the bottom stays free for callouts.
        let first_row = plot.top
            + 16.0 * s
            + if fig.sections.is_empty() {
                0.0
            } else {
                f.section_size * 1.4
            };
        let y = first_row + row as f64 * row_h;
        let b = plot.top.round() as i32;
        let start = match dir {
            Direction::LeftToRight => left,
            Direction::RightToLeft => left + w,
        };
        out.push(PlacedNote {
            tick: [
                (x.round() as i32, b),
                (x.round() as i32, (b as f64 + 8.0 * s) as i32),
            ],
            backdrop: [
                ((left - 3.0 * s) as i32, (y - size * 0.6) as i32),
                ((left + w + 3.0 * s) as i32, (y + size * 0.6) as i32),
            ],
            text: Label::new(note.text.clone(), (start, y), size, note.color)
                .anchor(dir.start(), VAlign::Center),
            color: note.color,
        });
    }
    out
}

/// A callout near its point `(x, y)` (pixels), in the first place inside the
/// plot that covers none of the `taken` boxes and no mark; with its box.
/// Its lines are shortened with "…" at their end to a third of the plot's
/// width. A callout with no free place is left out (its dip keeps its
/// ring), except the `first`, most severe one, which takes the place that
/// covers least.
fn callout(
    c: &crate::figure::Callout,
    (x, y): (i32, i32),
    f: &Frame,
    measure: &dyn Fn(&str, f64, bool) -> f64,
    avoid: Avoid,
    first: bool,
) -> Option<(PlacedCallout, Rect)> {
    let Avoid {
        taken,
        marks,
        segments,
    } = avoid;
    let s = f.scale;
    let plot = f.plot;
    let size = f.tick_size * 0.9;
    let line_h = size * 1.25;
    let max_text = (plot.width() * 0.4).min(480.0 * s);
    let lines: Vec<String> = c
        .lines
        .iter()
        .map(|t| {
            let short = text::fit_words(t, max_text, &|t| measure(t, size, false));
            // A single word longer than the box is cut with "…" after all.
            if short.is_empty() {
                text::fit(t, max_text, &|t| measure(t, size, false))
            } else {
                short
            }
        })
        .collect();
    let width = lines
        .iter()
        .map(|t| measure(t, size, false))
        .fold(0.0, f64::max)
        + 16.0 * s;
    let height = line_h * lines.len() as f64 + 10.0 * s;
    let (xf, yf) = (x as f64, y as f64);
    let clamp_left = |left: f64| {
        left.clamp(
            plot.left + 2.0,
            (plot.right - width - 2.0).max(plot.left + 2.0),
        )
    };
    // Below the point, else above it, nearer first; centred, else to
    // either side.
    let mut candidates = Vec::new();
    for gap in [26.0 * s, 60.0 * s, 100.0 * s] {
        for top in [yf + gap, yf - gap - height] {
            for left in [
                xf - width / 2.0,
                xf + 12.0 * s,
                xf - width - 12.0 * s,
                xf + 12.0 * s + width / 2.0,
                xf - 1.5 * width - 12.0 * s,
            ] {
                candidates.push((top, clamp_left(left)));
            }
        }
    }
    let rect_at = |(top, left): (f64, f64)| Rect {
        left,
        top,
        right: left + width,
        bottom: top + height,
    };
    let covered = |r: &Rect| {
        let g = r.grow(2.0 * s);
        taken.iter().filter(|t| t.overlaps(&g)).count()
            + marks.iter().filter(|t| t.overlaps(&g)).count()
    };
    let inside_plot = |r: &Rect| r.top >= plot.top && r.bottom <= plot.bottom;
    // Best where the box also leaves the lines free; else anywhere free.
    let free = |p: &(f64, f64)| inside_plot(&rect_at(*p)) && covered(&rect_at(*p)) == 0;
    let clear = |p: &(f64, f64)| {
        let r = rect_at(*p);
        !segments.iter().any(|&(a, b)| segment_meets(a, b, &r))
    };
    let place = match candidates
        .iter()
        .copied()
        .find(|p| free(p) && clear(p))
        .or_else(|| candidates.iter().copied().find(free))
    {
        Some(p) => p,
        None if first => candidates
            .iter()
            .copied()
            .filter(|&p| inside_plot(&rect_at(p)))
            .min_by_key(|&p| covered(&rect_at(p)))
            .unwrap_or(candidates[0]),
        None => return None,
    };
    let rect = rect_at(place);
    let below = rect.top > yf;
    let anchor_y = if below { rect.top } else { rect.bottom };
    let texts = lines
        .iter()
        .enumerate()
        .map(|(k, t)| {
            Label::new(
                t.clone(),
                (
                    rect.left + width / 2.0,
                    rect.top + 5.0 * s + k as f64 * line_h,
                ),
                size,
                c.color,
            )
            .anchor(Align::Center, VAlign::Top)
        })
        .collect();
    Some((
        PlacedCallout {
            leader: [
                (x, y),
                (
                    xf.clamp(rect.left + 4.0, rect.right - 4.0).round() as i32,
                    anchor_y.round() as i32,
                ),
            ],
            frame: rect.rounded(),
            texts,
            color: c.color,
        },
        rect,
    ))
}

/// Legend entries in their rows: the glyph's box at the start of each entry,
/// the text after it.
fn legend(fig: &Figure, f: &Frame, dir: Direction) -> Vec<PlacedLegend> {
    let s = f.scale;
    let gw = f.legend_glyph;
    f.legend
        .iter()
        .map(|item| {
            let cy = item.y + f.legend_line / 2.0;
            let (glyph_left, text_x) = match dir {
                Direction::LeftToRight => (item.x, item.x + gw + 8.0 * s),
                Direction::RightToLeft => {
                    let right = item.x + item.width;
                    (right - gw, right - gw - 8.0 * s)
                }
            };
            let symbol = match &fig.legend[item.index].glyph {
                crate::figure::Glyph::Symbol { text, color } => Some(
                    Label::new(
                        text.clone(),
                        (glyph_left + gw / 2.0, cy),
                        f.legend_size,
                        *color,
                    )
                    .bold()
                    .anchor(Align::Center, VAlign::Center),
                ),
                _ => None,
            };
            PlacedLegend {
                index: item.index,
                glyph_left,
                glyph_width: gw,
                center_y: cy,
                symbol,
                text: Label::new(
                    item.text.clone(),
                    (text_x, cy),
                    f.legend_size,
                    fig.theme.ink,
                )
                .anchor(dir.start(), VAlign::Center),
            }
        })
        .collect()
}

/// What a box of the picture holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxKind {
    /// A text, or a box of texts (a callout, a hand-off note).
    Text,
    /// A mark of the data: a marker, a ring, a line's point, a tick.
    Mark,
}

/// One box of the laid-out picture, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidBox {
    pub kind: BoxKind,
    pub rect: Rect,
    /// The text, or the name of the mark.
    pub what: String,
}

impl Placement {
    /// Every text and mark of `fig` as placed here, with its box:
    /// `measure` must be the one the placement was computed with.
    pub fn boxes(&self, fig: &Figure, measure: &dyn Fn(&str, f64, bool) -> f64) -> Vec<LaidBox> {
        let mut out = Vec::new();
        let mut text = |l: &Label| {
            if !l.text.is_empty() {
                out.push(LaidBox {
                    kind: BoxKind::Text,
                    rect: l.rect(measure(&l.text, l.size, l.bold)),
                    what: l.text.clone(),
                });
            }
        };
        text(&self.title);
        text(&self.subtitle);
        self.sections.iter().for_each(|x| text(&x.label));
        self.y_ticks.iter().for_each(|x| text(&x.label));
        self.zone_words.iter().for_each(&mut text);
        self.y_title.iter().for_each(&mut text);
        self.time_ticks.iter().for_each(|x| text(&x.label));
        self.x_labels
            .iter()
            .flat_map(|x| x.texts.iter())
            .for_each(&mut text);
        self.x_note.iter().for_each(&mut text);
        for l in &self.legend {
            text(&l.text);
        }
        self.channels.iter().for_each(|c| text(&c.2));
        self.note_badges.iter().for_each(&mut text);
        self.notes.iter().for_each(&mut text);
        let corners = |c: &[(i32, i32); 2]| Rect {
            left: c[0].0 as f64,
            top: c[0].1 as f64,
            right: c[1].0 as f64,
            bottom: c[1].1 as f64,
        };
        for n in &self.axis_notes {
            out.push(LaidBox {
                kind: BoxKind::Text,
                rect: corners(&n.backdrop),
                what: n.text.text.clone(),
            });
        }
        for c in &self.callouts {
            out.push(LaidBox {
                kind: BoxKind::Text,
                rect: corners(&c.frame),
                what: c
                    .texts
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" / "),
            });
        }
        for m in self.marks(fig) {
            out.push(LaidBox {
                kind: BoxKind::Mark,
                rect: m,
                what: "mark".into(),
            });
        }
        let b = self.plot.bottom;
        for &x in &self.step_ticks {
            out.push(LaidBox {
                kind: BoxKind::Mark,
                rect: Rect {
                    left: x - 0.5,
                    top: b,
                    right: x + 0.5,
                    bottom: b + self.tick_len,
                },
                what: "tick".into(),
            });
        }
        out
    }

    /// Boxes of the data's marks: markers and rings, and the dots of lines
    /// drawn with dots.
    pub fn marks(&self, fig: &Figure) -> Vec<Rect> {
        marks_of(fig, &self.map, self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{AxisNote, Callout};

    fn measure(t: &str, size: f64, _: bool) -> f64 {
        t.chars().count() as f64 * size * 0.55
    }

    fn figure() -> Figure {
        let mut fig = frame::tests::figure(&[("a", 0.0), ("b", 1.0), ("c", 2.0)], false);
        fig.x.min = -0.5;
        fig.x.max = 2.5;
        fig.axis_notes.push(AxisNote {
            at: 0.5,
            text: "→ billing".into(),
            color: crate::figure::theme::MUTED,
        });
        for _ in 0..2 {
            fig.callouts.push(Callout {
                x: 1.0,
                y: -4.0,
                lines: vec!["critical dip: b".into(), "−4 · drop 6".into()],
                color: crate::figure::theme::FRUSTRATION,
            });
        }
        fig
    }

    /// Callouts and notes stay inside the plot; a callout never covers another.
    #[test]
    fn callouts_and_notes_stay_in_the_plot_apart() {
        let p = Placement::compute(&figure(), &measure);
        let plot = p.plot.rounded();
        for c in &p.callouts {
            assert!(c.frame[0].0 >= plot[0].0 && c.frame[1].0 <= plot[1].0);
            assert!(c.frame[0].1 >= plot[0].1 && c.frame[1].1 <= plot[1].1);
        }
        if let [a, b] = &p.callouts[..] {
            let r = |c: &PlacedCallout| Rect {
                left: c.frame[0].0 as f64,
                top: c.frame[0].1 as f64,
                right: c.frame[1].0 as f64,
                bottom: c.frame[1].1 as f64,
            };
            assert!(!r(a).overlaps(&r(b)));
        }
        assert_eq!(p.axis_notes.len(), 1);
        assert!(p.axis_notes[0].text.at.0 >= p.plot.left);
    }

    /// Left and right come from the direction: zone words sit at the end
    /// of the line, legend texts start after their glyph.
    #[test]
    fn direction_decides_the_sides() {
        let mut fig = figure();
        let ltr = Placement::compute(&fig, &measure);
        fig.direction = Direction::RightToLeft;
        let rtl = Placement::compute(&fig, &measure);
        let neutral = |p: &Placement| p.zone_words.last().cloned().unwrap();
        assert_eq!(neutral(&ltr).h, Align::Right);
        assert!(neutral(&ltr).at.0 > ltr.plot.right - 20.0);
        assert_eq!(neutral(&rtl).h, Align::Left);
        assert!(neutral(&rtl).at.0 < rtl.plot.left + 20.0);
        let (l, r) = (&ltr.legend[0], &rtl.legend[0]);
        assert!(l.text.at.0 > l.glyph_left && l.text.h == Align::Left);
        assert!(r.text.at.0 < r.glyph_left && r.text.h == Align::Right);
    }

    #[test]
    fn one_mapping_places_ticks_and_labels() {
        let p = Placement::compute(&figure(), &measure);
        assert_eq!(p.step_ticks.len(), 3);
        for (tick, label) in p.step_ticks.iter().zip(&p.x_labels) {
            assert_eq!(*tick, label.texts[0].at.0);
        }
        // The ends stay a marker's width inside the plot.
        let inset = p.map.x(-0.5) - p.plot.left;
        assert!(inset > 0.0 && inset <= 16.0, "{inset}");
    }

    /// Right to left: the y axis on the right, the process from right to
    /// left, title and legend aligned right.
    #[test]
    fn right_to_left_mirrors_the_layout() {
        let mut fig = figure();
        fig.words = crate::figure::Lang::He.words();
        fig.direction = Direction::RightToLeft;
        let p = Placement::compute(&fig, &measure);
        assert!(p.y_ticks.iter().all(|t| t.label.at.0 > p.plot.right));
        assert!(p.y_title.iter().all(|l| l.at.0 > p.plot.right));
        assert!(p.step_ticks[0] > p.step_ticks[2]);
        assert_eq!(p.title.h, Align::Right);
        assert!(p.title.at.0 > fig.width as f64 * 0.9);
        let rightmost = p
            .legend
            .iter()
            .map(|l| l.glyph_left + l.glyph_width)
            .fold(0.0, f64::max);
        assert!(rightmost > fig.width as f64 * 0.9);
        let ltr = Placement::compute(&figure(), &measure);
        assert!(ltr.y_ticks.iter().all(|t| t.label.at.0 < ltr.plot.left));
        assert!(ltr.step_ticks[0] < ltr.step_ticks[2]);
    }
}
