//! Marks of the analysis on a line: turning points, critical dips with
//! their callouts, hand-offs along the axis, and the promised feeling with
//! the gap where the experience fell short. Positions come from the
//! analysis; nothing is computed again here.

use super::theme::{Rgb, Theme};
use super::words::Words;
use super::{AxisNote, Band, Callout, Dash, Figure, Glyph, LegendEntry, Line, Marker, Shape};
use crate::analysis::handoffs::HandoffStats;
use crate::analysis::turning::Kind;
use crate::analysis::SequenceAnalysis;

/// Closest marks can be and still be read one by one, in pixels.
const MIN_MARK_GAP: f64 = 8.0;

/// Whether `count` marks of `size` (a marker's size) along the figure's x
/// axis would crowd: closer than [`MIN_MARK_GAP`] or so close that each
/// covers most of the next. Then they are not drawn one by one (the
/// subtitle counts them).
pub fn too_dense(fig: &Figure, count: usize, size: u32) -> bool {
    // The plot takes most of the picture's width; sizes scale with the
    // picture as in the renderer.
    let plot_px = fig.width as f64 * 0.85;
    let s = (fig.width as f64 / 1600.0)
        .min(fig.height as f64 / 900.0)
        .clamp(0.4, 6.0);
    let gap = MIN_MARK_GAP.max(1.4 * size as f64 * s);
    count > 1 && plot_px / (count as f64) < gap
}

/// Size of the turning points' triangles and of the dips' rings.
const TRIANGLE: u32 = 9;
const RING: u32 = 14;

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

/// Peaks (▲ above the point) and troughs (▼ below it). A trough that is
/// also a dip is marked by the dip's ring alone; when the marks would
/// crowd ([`too_dense`]) none is drawn.
pub fn turning_points(fig: &mut Figure, track: &Track, a: &SequenceAnalysis) {
    let d = offset(fig);
    let (peak, trough) = (fig.theme.peak, fig.theme.trough);
    if too_dense(fig, a.turning_points.len(), TRIANGLE) {
        return;
    }
    for t in &a.turning_points {
        if t.kind == Kind::Trough && a.critical_dips.iter().any(|d| d.index == t.index) {
            continue;
        }
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
            size: TRIANGLE,
        });
    }
}

/// When turning points or dips are too dense to draw one by one, the
/// subtitle says how many there are and that `analyze` lists them.
pub fn count_if_dense(fig: &mut Figure, a: &SequenceAnalysis, w: &Words) {
    if too_dense(fig, a.turning_points.len(), TRIANGLE)
        || too_dense(fig, a.critical_dips.len(), RING)
    {
        fig.subtitle
            .push_str(&w.marks_listed(a.turning_points.len(), a.critical_dips.len()));
    }
}

/// Which dips are drawn: all, or when their rings would crowd
/// ([`too_dense`]) only the first and the deepest.
pub fn shown_dips<'a>(
    fig: &Figure,
    a: &'a SequenceAnalysis,
) -> Vec<&'a crate::analysis::dips::Dip> {
    let dips = &a.critical_dips;
    if !too_dense(fig, dips.len(), RING) {
        return dips.iter().collect();
    }
    let first = dips.iter().min_by_key(|d| d.index);
    let deepest = dips
        .iter()
        .min_by(|a, b| a.feeling.total_cmp(&b.feeling).then(a.index.cmp(&b.index)));
    let mut v: Vec<_> = first.into_iter().chain(deepest).collect();
    v.dedup_by_key(|d| d.index);
    v
}

/// Rings on critical dips (red; orange for a dip flagged only by its sharp
/// drop); with `callouts`, a boxed note on the most severe ones naming the
/// step, the feeling and the drop.
pub fn critical_dips(
    fig: &mut Figure,
    track: &Track,
    a: &SequenceAnalysis,
    callouts: usize,
    w: &Words,
) {
    for (rank, dip) in shown_dips(fig, a).into_iter().enumerate() {
        let (Some(&x), Some(&y)) = (track.xs.get(dip.index), track.values.get(dip.index)) else {
            continue;
        };
        fig.markers.push(Marker {
            x,
            y,
            shape: Shape::Ring,
            color: if dip.sharp_drop_only {
                fig.theme.sharp
            } else {
                fig.theme.dip
            },
            size: RING,
        });
        if rank < callouts {
            let name = track.names.get(dip.index).copied().unwrap_or("");
            let detail = match dip.prominence {
                Some(p) => w.dip_drop(dip.feeling, p),
                None => w.dip_ends_here(dip.feeling),
            };
            fig.callouts.push(dip_callout(
                x,
                y,
                name,
                detail,
                dip.sharp_drop_only,
                w,
                fig.theme,
            ));
        }
    }
}

/// The boxed note on a dip at `(x, y)`: the step's name, then `detail`;
/// "sharp drop" (in the theme's colour of sharp drops) when the dip was
/// flagged only by its drop, else "critical dip" in the colour of dips.
pub fn dip_callout(
    x: f64,
    y: f64,
    step: &str,
    detail: String,
    sharp_drop_only: bool,
    w: &Words,
    theme: &Theme,
) -> Callout {
    if sharp_drop_only {
        Callout {
            x,
            y,
            lines: vec![w.sharp_drop_at(step), detail],
            color: theme.sharp,
        }
    } else {
        Callout {
            x,
            y,
            lines: vec![w.critical_dip_at(step), detail],
            color: theme.dip,
        }
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
/// starts and stops where the two lines meet. With `hold` (a time axis)
/// each value lasts until the next point, for the feeling, the promise and
/// the shading alike.
pub fn promise(fig: &mut Figure, track: &Track, expected: &[Option<f64>], hold: bool) {
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
        hold,
    });
    // Band between feeling and promise wherever the feeling is lower.
    let mut band: Vec<(f64, f64, f64)> = Vec::new();
    if hold {
        for (k, &(x, v, e)) in pts.iter().enumerate() {
            band.push((x, v.min(e), e));
            if let Some(&(next, _, _)) = pts.get(k + 1) {
                band.push((next, v.min(e), e));
            }
        }
        fig.bands.push(Band {
            points: band,
            fill: color,
            opacity: 0.13,
        });
        return;
    }
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
    if has(Shape::Ring, fig.theme.sharp) {
        entries.push((
            w.sharp_drop_legend.to_string(),
            Glyph::Marker {
                shape: Shape::Ring,
                color: fig.theme.sharp,
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
