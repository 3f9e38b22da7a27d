//! Marks of the analysis on a line: turning points, critical dips with
//! their callouts, hand-offs along the axis, and the promised feeling with
//! the gap where the experience fell short. Positions come from the
//! analysis; nothing is computed again here.

use super::theme::Rgb;
use super::words::Words;
use super::{AxisNote, Band, Callout, Dash, Figure, Glyph, LegendEntry, Line, Marker, Shape};
use crate::analysis::handoffs::HandoffStats;
use crate::analysis::turning::Kind;
use crate::analysis::SequenceAnalysis;

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
    let (peak, trough) = (fig.theme.peak, fig.theme.trough);
    for t in &a.turning_points {
        let (Some(&x), Some(&y)) = (track.xs.get(t.index), track.values.get(t.index)) else {
            continue;
        };
        let (shape, color, y) = match t.kind {
            Kind::Peak => (Shape::TriangleUp, peak, y + d),
            Kind::Trough => (Shape::TriangleDown, trough, y - d),
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
            color: fig.theme.dip,
            size: 14,
        });
        if rank < callouts {
            let name = track.names.get(dip.index).copied().unwrap_or("");
            let detail = match dip.prominence {
                Some(p) => w.dip_drop(dip.feeling, p),
                None => w.dip_ends_here(dip.feeling),
            };
            fig.callouts
                .push(dip_callout(x, y, name, detail, w, fig.theme.dip));
        }
    }
}

/// The boxed note on a critical dip at `(x, y)`: the step's name, then
/// `detail`, in the theme's colour of dips.
pub fn dip_callout(x: f64, y: f64, step: &str, detail: String, w: &Words, color: Rgb) -> Callout {
    Callout {
        x,
        y,
        lines: vec![w.critical_dip_at(step), detail],
        color,
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
            text: w.handoff_to(owner, fig.direction),
            color: fig.theme.muted,
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
    let color = fig.theme.promise;
    fig.lines.push(Line {
        points: pts.iter().map(|&(x, _, e)| (x, e)).collect(),
        color,
        width: 2,
        opacity: 0.9,
        dash: Dash::Dashed,
        dot: 0,
        mark: Shape::Circle,
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
        fill: color,
        opacity: 0.13,
    });
}

/// Legend entries for the marks present in the figure.
pub fn legend(fig: &mut Figure, w: &Words) {
    let theme = fig.theme;
    let (peak, trough, dip, promise) = (theme.peak, theme.trough, theme.dip, theme.promise);
    let has = |shape: Shape, color: Rgb| {
        fig.markers
            .iter()
            .any(|m| m.shape == shape && m.color == color)
    };
    let mut entries = Vec::new();
    if has(Shape::TriangleUp, peak) {
        entries.push((
            w.peak_legend.to_string(),
            Glyph::Marker {
                shape: Shape::TriangleUp,
                color: peak,
            },
        ));
    }
    if has(Shape::TriangleDown, trough) {
        entries.push((
            w.trough_legend.to_string(),
            Glyph::Marker {
                shape: Shape::TriangleDown,
                color: trough,
            },
        ));
    }
    if has(Shape::Ring, dip) {
        entries.push((
            w.critical_dip.to_string(),
            Glyph::Marker {
                shape: Shape::Ring,
                color: dip,
            },
        ));
    }
    if fig
        .lines
        .iter()
        .any(|l| l.dash == Dash::Dashed && l.color == promise)
    {
        entries.push((
            w.promised.to_string(),
            Glyph::Line {
                color: promise,
                width: 2,
                dash: Dash::Dashed,
                dot: false,
                mark: Shape::Circle,
            },
        ));
        entries.push((
            w.below_promise.to_string(),
            Glyph::Fill {
                color: promise,
                opacity: 0.13,
            },
        ));
    }
    if !fig.axis_notes.is_empty() {
        entries.push((
            w.handoff_legend(fig.direction),
            Glyph::Line {
                color: theme.muted,
                width: 2,
                dash: Dash::Solid,
                dot: false,
                mark: Shape::Circle,
            },
        ));
    }
    fig.legend.extend(
        entries
            .into_iter()
            .map(|(label, glyph)| LegendEntry { label, glyph }),
    );
}
