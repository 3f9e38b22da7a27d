//! Marks of the analysis on a line: turning points, critical dips with
//! their callouts, hand-offs along the axis, and the promised feeling with
//! the gap where the experience fell short. Positions come from the
//! analysis; nothing is computed again here.

use super::theme::{self, Rgb};
use super::words::Words;
use super::{AxisNote, Band, Callout, Figure, Glyph, LegendEntry, Line, Marker, Shape};
use crate::analysis::handoffs::HandoffStats;
use crate::analysis::turning::Kind;
use crate::analysis::SequenceAnalysis;

pub const PEAK: Rgb = Rgb(46, 125, 50);
pub const TROUGH: Rgb = Rgb(230, 120, 0);
pub const DIP: Rgb = Rgb(198, 40, 40);
pub const PROMISE: Rgb = Rgb(94, 53, 177);

/// One drawn line and where its points are: `xs[i]`, `values[i]` for the
/// case's `i`-th point, and the step names for callouts.
pub struct Track<'a> {
    pub xs: &'a [f64],
    pub values: &'a [f64],
    pub names: &'a [&'a str],
}

/// Offset of a turning-point triangle from its point, in feeling units.
fn offset(fig: &Figure) -> f64 {
    (fig.y.max - fig.y.min) * 0.035
}

/// Peaks (▲ above the point) and troughs (▼ below it).
pub fn turning_points(fig: &mut Figure, track: &Track, a: &SequenceAnalysis) {
    let d = offset(fig);
    for t in &a.turning_points {
        let (Some(&x), Some(&y)) = (track.xs.get(t.index), track.values.get(t.index)) else {
            continue;
        };
        let (shape, color, y) = match t.kind {
            Kind::Peak => (Shape::TriangleUp, PEAK, y + d),
            Kind::Trough => (Shape::TriangleDown, TROUGH, y - d),
        };
        fig.markers.push(Marker {
            x,
            y,
            shape,
            color,
            size: 9,
        });
    }
}

/// Red rings on critical dips; with `callouts`, a boxed note on the most
/// severe ones naming the step, the feeling and the drop.
pub fn critical_dips(
    fig: &mut Figure,
    track: &Track,
    a: &SequenceAnalysis,
    callouts: usize,
    w: &Words,
) {
    for (rank, dip) in a.critical_dips.iter().enumerate() {
        let (Some(&x), Some(&y)) = (track.xs.get(dip.index), track.values.get(dip.index)) else {
            continue;
        };
        fig.markers.push(Marker {
            x,
            y,
            shape: Shape::Ring,
            color: DIP,
            size: 14,
        });
        if rank < callouts {
            let name = track.names.get(dip.index).copied().unwrap_or("");
            let detail = match dip.prominence {
                Some(p) => w.dip_drop(dip.feeling, p),
                None => w.dip_ends_here(dip.feeling),
            };
            fig.callouts.push(dip_callout(x, y, name, detail, w));
        }
    }
}

/// The boxed note on a critical dip at `(x, y)`: the step's name, then `detail`.
pub fn dip_callout(x: f64, y: f64, step: &str, detail: String, w: &Words) -> Callout {
    Callout {
        x,
        y,
        lines: vec![w.critical_dip_at(step), detail],
        color: DIP,
    }
}

/// A note on the axis where the customer passes to another owner.
pub fn handoffs(fig: &mut Figure, track: &Track, h: &HandoffStats, owners: &[&str], w: &Words) {
    for &i in &h.handoffs {
        let (Some(&x0), Some(&x1)) = (track.xs.get(i.wrapping_sub(1)), track.xs.get(i)) else {
            continue;
        };
        let owner = owners.get(i).copied().unwrap_or("");
        fig.axis_notes.push(AxisNote {
            at: (x0 + x1) / 2.0,
            text: w.handoff_to(owner),
            color: theme::MUTED,
        });
    }
}

/// The promised feeling as a dashed line, and the gap shaded where the
/// experience fell below it. Crossings are interpolated so the shading
/// starts and stops where the two lines meet.
pub fn promise(fig: &mut Figure, track: &Track, expected: &[Option<f64>]) {
    let pts: Vec<(f64, f64, f64)> = track
        .xs
        .iter()
        .zip(track.values)
        .zip(expected)
        .filter_map(|((&x, &v), e)| e.map(|e| (x, v, e)))
        .collect();
    if pts.is_empty() {
        return;
    }
    fig.lines.push(Line {
        points: pts.iter().map(|&(x, _, e)| (x, e)).collect(),
        color: PROMISE,
        width: 2,
        opacity: 0.9,
        dashed: true,
        dot: 0,
        hold: false,
    });
    // Band between feeling and promise wherever the feeling is lower.
    let mut band: Vec<(f64, f64, f64)> = Vec::new();
    for (k, &(x, v, e)) in pts.iter().enumerate() {
        if k > 0 {
            let (px, pv, pe) = pts[k - 1];
            let (g0, g1) = (pe - pv, e - v);
            if (g0 > 0.0) != (g1 > 0.0) && g0 != g1 {
                let t = g0 / (g0 - g1);
                let cx = px + t * (x - px);
                let cy = pv + t * (v - pv);
                band.push((cx, cy, cy));
            }
        }
        band.push((x, v.min(e), e));
    }
    fig.bands.push(Band {
        points: band,
        fill: PROMISE,
        opacity: 0.13,
    });
}

/// Legend entries for the marks present in the figure.
pub fn legend(fig: &mut Figure, w: &Words) {
    let has = |shape: Shape, color: Rgb| {
        fig.markers
            .iter()
            .any(|m| m.shape == shape && m.color == color)
    };
    let mut entries = Vec::new();
    if has(Shape::TriangleUp, PEAK) {
        entries.push((
            w.peak_legend,
            Glyph::Marker {
                shape: Shape::TriangleUp,
                color: PEAK,
            },
        ));
    }
    if has(Shape::TriangleDown, TROUGH) {
        entries.push((
            w.trough_legend,
            Glyph::Marker {
                shape: Shape::TriangleDown,
                color: TROUGH,
            },
        ));
    }
    if has(Shape::Ring, DIP) {
        entries.push((
            w.critical_dip,
            Glyph::Marker {
                shape: Shape::Ring,
                color: DIP,
            },
        ));
    }
    if fig.lines.iter().any(|l| l.dashed && l.color == PROMISE) {
        entries.push((
            w.promised,
            Glyph::Line {
                color: PROMISE,
                width: 2,
                dashed: true,
                dot: false,
            },
        ));
        entries.push((
            w.below_promise,
            Glyph::Fill {
                color: PROMISE,
                opacity: 0.13,
            },
        ));
    }
    if !fig.axis_notes.is_empty() {
        entries.push((
            w.handoff_legend,
            Glyph::Line {
                color: theme::MUTED,
                width: 2,
                dashed: false,
                dot: false,
            },
        ));
    }
    fig.legend
        .extend(entries.into_iter().map(|(label, glyph)| LegendEntry {
            label: label.to_string(),
            glyph,
        }));
}
