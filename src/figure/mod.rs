//! What to draw, in data units, independent of any backend: the figure
//! stage turns a dataset and its analysis into shapes and words. It never
//! computes analysis; renderers never decide what a shape means.
//!
//! Every word a builder puts in the picture comes from [`words`], the one
//! table keyed by language ([`emotion::ChartOptions::lang`]); the figure
//! keeps a reference to it for the renderer. [`Figure::map_text`] visits
//! every text of a figure (the renderer cleans them all through it).

pub mod compare;
pub mod emotion;
mod marks;
pub mod pattern;
pub mod theme;
mod timeaxis;
pub mod words;

pub use theme::{Rgb, Theme, ThemeName};
pub use words::{Direction, Lang, Words};

/// A whole picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub width: u32,
    pub height: u32,
    pub title: String,
    pub subtitle: String,
    pub x: XAxis,
    pub y: YAxis,
    /// Horizontal bands of feeling (WOW, frustration), drawn first.
    pub zones: Vec<Zone>,
    /// Labelled ranges of the process (before / during / after).
    pub sections: Vec<Section>,
    /// Filled areas between two curves.
    pub bands: Vec<Band>,
    /// Polylines, drawn in order (later on top).
    pub lines: Vec<Line>,
    pub markers: Vec<Marker>,
    pub callouts: Vec<Callout>,
    /// Short notes standing on the process axis (hand-offs).
    pub axis_notes: Vec<AxisNote>,
    pub legend: Vec<LegendEntry>,
    /// What each point of a line was (step, feeling, case, owner, channel,
    /// note): a tooltip in SVG, nothing in PNG.
    pub tips: Vec<Tip>,
    /// Notes of the points, numbered in order (1, 2 …) at their points and
    /// listed under the graph (`--notes`); empty when not asked for.
    pub notes: Vec<PointNote>,
    /// The channel of each stretch of the process (a strip under the steps);
    /// empty when the sheet has no channel column.
    pub channels: Vec<ChannelRun>,
    /// The words the figure was built with; the renderer takes from them the
    /// few phrases that depend on the pixel layout.
    pub words: &'static Words,
    /// Which way the picture reads (`--direction`): where the process starts,
    /// which side titles, legend and the feeling axis take.
    pub direction: Direction,
    /// Every colour of the picture, background and ink included (`--theme`).
    pub theme: &'static Theme,
}

impl Figure {
    /// Visit every text of the figure, to change it in place (the renderer
    /// cleans them all this way before drawing). Each struct is taken apart
    /// field by field, without `..`: a new field does not compile until it is
    /// listed here, so no text can be forgotten.
    pub fn map_text(&mut self, mut f: impl FnMut(&mut String)) {
        let Figure {
            width: _,
            height: _,
            title,
            subtitle,
            x,
            y,
            zones,
            sections,
            bands: _,
            lines: _,
            markers: _,
            callouts,
            axis_notes,
            legend,
            tips,
            notes,
            channels,
            words: _,
            direction: _,
            theme: _,
        } = self;
        f(title);
        f(subtitle);
        let XAxis {
            min: _,
            max: _,
            labels,
            title,
            ticks,
        } = x;
        for label in labels.iter_mut().chain(ticks.iter_mut()) {
            let XLabel {
                at: _,
                text,
                note,
                alert: _,
                struck: _,
            } = label;
            f(text);
            note.iter_mut().for_each(&mut f);
        }
        title.iter_mut().for_each(&mut f);
        let YAxis {
            min: _,
            max: _,
            neutral: _,
            ticks: _,
            title,
            neutral_label,
        } = y;
        f(title);
        f(neutral_label);
        for Zone {
            from: _,
            to: _,
            fill: _,
            opacity: _,
            label,
            label_color: _,
        } in zones
        {
            label.iter_mut().for_each(&mut f);
        }
        for Section {
            from: _,
            to: _,
            label,
        } in sections
        {
            f(label);
        }
        for Callout {
            x: _,
            y: _,
            lines,
            color: _,
        } in callouts
        {
            lines.iter_mut().for_each(&mut f);
        }
        for AxisNote {
            at: _,
            text,
            color: _,
        } in axis_notes
        {
            f(text);
        }
        for Tip { x: _, y: _, lines } in tips {
            lines.iter_mut().for_each(&mut f);
        }
        for PointNote { x: _, y: _, text } in notes {
            f(text);
        }
        for ChannelRun {
            from: _,
            to: _,
            name,
        } in channels
        {
            f(name);
        }
        for LegendEntry { label, glyph } in legend {
            f(label);
            match glyph {
                Glyph::Symbol { text, color: _ } => f(text),
                Glyph::Line { .. } | Glyph::Fill { .. } | Glyph::Marker { .. } => {}
            }
        }
    }
}

/// A point's note, numbered by its place in [`Figure::notes`].
#[derive(Debug, Clone, PartialEq)]
pub struct PointNote {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// A stretch of the process in one channel (web, phone, technician …).
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelRun {
    pub from: f64,
    pub to: f64,
    pub name: String,
}

/// What a point of a line was, shown when the pointer rests on it (SVG).
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    pub x: f64,
    pub y: f64,
    /// `step: Pay`, `feeling: −3` … one line each.
    pub lines: Vec<String>,
}

/// A note on the process axis, e.g. `→ billing` where the customer passes to another hand.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisNote {
    pub at: f64,
    pub text: String,
    pub color: Rgb,
}

/// The process axis.
#[derive(Debug, Clone, PartialEq)]
pub struct XAxis {
    pub min: f64,
    pub max: f64,
    /// One label per step at its position; the renderer thins them when they
    /// cannot all be read.
    pub labels: Vec<XLabel>,
    /// Title under the labels, if any.
    pub title: Option<String>,
    /// Ticks of a time axis (`1d`, `2d` …); empty on a step axis, where the
    /// step labels are the ticks.
    pub ticks: Vec<XLabel>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct XLabel {
    pub at: f64,
    pub text: String,
    /// A short second line under the label (e.g. `n=48`).
    pub note: Option<String>,
    /// Drawn in the alert colour with a warning sign (a step prone to fail).
    pub alert: bool,
    /// Struck through: a step the redesign removed.
    pub struck: bool,
}

/// The feeling axis.
#[derive(Debug, Clone, PartialEq)]
pub struct YAxis {
    pub min: f64,
    pub max: f64,
    pub neutral: f64,
    pub ticks: Vec<f64>,
    pub title: String,
    /// Label of the neutral line.
    pub neutral_label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    pub from: f64,
    pub to: f64,
    pub fill: Rgb,
    pub opacity: f64,
    /// Word drawn inside the zone at the right edge.
    pub label: Option<String>,
    pub label_color: Rgb,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub from: f64,
    pub to: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// (x, low, high) in x order.
    pub points: Vec<(f64, f64, f64)>,
    pub fill: Rgb,
    pub opacity: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub points: Vec<(f64, f64)>,
    pub color: Rgb,
    pub width: u32,
    pub opacity: f64,
    pub dash: Dash,
    /// Radius of a dot at each point; 0 for none.
    pub dot: u32,
    /// Shape of the dots.
    pub mark: Shape,
    /// Each value holds until the next point (drawn as steps): on a time
    /// axis a feeling lasts until the next step happens.
    pub hold: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    TriangleUp,
    TriangleDown,
    Circle,
    Ring,
    Square,
    Diamond,
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    LongDash,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub shape: Shape,
    pub color: Rgb,
    pub size: u32,
}

/// A short boxed note pointing at a point.
#[derive(Debug, Clone, PartialEq)]
pub struct Callout {
    pub x: f64,
    pub y: f64,
    pub lines: Vec<String>,
    pub color: Rgb,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Glyph {
    Line {
        color: Rgb,
        width: u32,
        dash: Dash,
        /// A dot of the line's mark shape in the middle.
        dot: bool,
        mark: Shape,
    },
    Fill {
        color: Rgb,
        opacity: f64,
    },
    Marker {
        shape: Shape,
        color: Rgb,
    },
    /// A short text standing for a mark (e.g. `⚠`).
    Symbol {
        text: String,
        color: Rgb,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub glyph: Glyph,
}

pub use crate::numfmt::value as format_value;
