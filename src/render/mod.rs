//! Drawing a [`Figure`] with plotters. The drawing code is written once,
//! generic over the backend; SVG and PNG differ only in the backend and in
//! text handling (PNG needs bidi reordering, SVG must not get it).

mod font;
mod layout;
pub mod text;

use anyhow::{Context, Result};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use crate::figure::{format_value, Figure, Glyph, Rgb, Shape};
use layout::{Layout, XLabelMode};

/// Image formats we write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

/// Render a figure as an SVG document.
pub fn svg(fig: &Figure) -> Result<String> {
    font::ensure_registered()?;
    let fig = &cleaned(fig);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (fig.width, fig.height)).into_drawing_area();
        draw(&root, fig, TextOrder::Logical)?;
        root.present().context("could not finish the SVG")?;
    }
    Ok(out)
}

/// Render a figure as PNG bytes.
pub fn png(fig: &Figure) -> Result<Vec<u8>> {
    font::ensure_registered()?;
    let fig = &cleaned(fig);
    let (w, h) = (fig.width, fig.height);
    let mut rgb = vec![255u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        draw(&root, fig, TextOrder::Visual)?;
        root.present().context("could not finish the picture")?;
    }
    let mut bytes = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut bytes),
        &rgb,
        w,
        h,
        image::ColorType::Rgb8,
    )
    .context("could not encode the PNG")?;
    Ok(bytes)
}

/// Render in the given format.
pub fn render(fig: &Figure, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Svg => svg(fig).map(String::into_bytes),
        Format::Png => png(fig),
    }
}

/// A copy of the figure with every text cleaned for drawing (see
/// [`text::clean_label`] and [`Figure::map_text`]): whatever text the data
/// held, the picture and the SVG file stay well-formed.
fn cleaned(fig: &Figure) -> Figure {
    let mut f = fig.clone();
    f.map_text(|t| {
        let clean = text::clean_label(t);
        if clean != *t {
            *t = clean;
        }
    });
    f
}

/// Whether text is handed to the backend in logical order (the viewer does
/// bidi, as SVG viewers do) or in visual order (drawn glyph by glyph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextOrder {
    Logical,
    Visual,
}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Text drawing and measuring on one drawing area.
struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    order: TextOrder,
}

#[derive(Clone, Copy)]
struct TextSpec {
    size: f64,
    bold: bool,
    color: Rgb,
    h: HPos,
    v: VPos,
    rotate: bool,
}

impl TextSpec {
    fn new(size: f64, color: Rgb) -> Self {
        TextSpec {
            size,
            bold: false,
            color,
            h: HPos::Left,
            v: VPos::Top,
            rotate: false,
        }
    }
    fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    fn anchor(mut self, h: HPos, v: VPos) -> Self {
        self.h = h;
        self.v = v;
        self
    }
    fn rotated(mut self) -> Self {
        self.rotate = true;
        self
    }
}

impl<DB: DrawingBackend> Pen<'_, DB> {
    fn font(&self, spec: &TextSpec) -> TextStyle<'static> {
        let style = if spec.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let mut font = FontDesc::new(FontFamily::Name(font::FAMILY), spec.size, style);
        if spec.rotate {
            font = font.transform(FontTransform::Rotate270);
        }
        font.color(&color(spec.color)).pos(Pos::new(spec.h, spec.v))
    }

    /// Width in pixels of `text` at `size`.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(FontFamily::Name(font::FAMILY), size, style);
        self.area
            .estimate_text_size(text, &TextStyle::from(font))
            .map(|(w, _)| f64::from(w))
            .unwrap_or(text.chars().count() as f64 * size * 0.6)
    }

    fn text(&self, text: &str, (x, y): (f64, f64), spec: TextSpec) -> Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        let shown = match self.order {
            TextOrder::Logical => text.to_string(),
            TextOrder::Visual => text::visual_order(text),
        };
        self.area
            .draw(&Text::new(
                shown,
                (x.round() as i32, y.round() as i32),
                self.font(&spec),
            ))
            .map_err(|e| anyhow::anyhow!("drawing text failed: {e}"))
    }
}

fn draw_err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow::anyhow!("drawing failed: {e:?}")
}

/// Draw the whole figure on `root`.
pub(crate) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fig: &Figure,
    order: TextOrder,
) -> Result<()> {
    root.fill(&WHITE).map_err(draw_err)?;
    let pen = Pen { area: root, order };
    let measure = |s: &str, size: f64, bold: bool| pen.width(s, size, bold);
    let l = Layout::compute(fig, &measure);
    let plot = l.plot;
    let map_x = |x: f64| plot.left + (x - fig.x.min) / (fig.x.max - fig.x.min) * plot.width();
    let map_y = |y: f64| plot.bottom - (y - fig.y.min) / (fig.y.max - fig.y.min) * plot.height();
    let px = |(x, y): (f64, f64)| (map_x(x).round() as i32, map_y(y).round() as i32);
    let s = l.scale;

    // Title and subtitle.
    let title_w = fig.width as f64 - 2.0 * l.pad;
    pen.text(
        &text::fit(&fig.title, title_w, &|t| measure(t, l.title_size, true)),
        (fig.width as f64 / 2.0, l.pad),
        TextSpec::new(l.title_size, crate::figure::theme::INK)
            .bold()
            .anchor(HPos::Center, VPos::Top),
    )?;
    pen.text(
        &text::fit(&fig.subtitle, title_w, &|t| {
            measure(t, l.subtitle_size, false)
        }),
        (fig.width as f64 / 2.0, l.subtitle_top),
        TextSpec::new(l.subtitle_size, crate::figure::theme::MUTED).anchor(HPos::Center, VPos::Top),
    )?;

    // Zones and their words.
    for z in &fig.zones {
        let (top, bottom) = (map_y(z.to.max(z.from)), map_y(z.to.min(z.from)));
        root.draw(&Rectangle::new(
            [
                (plot.left.round() as i32, top.round() as i32),
                (plot.right.round() as i32, bottom.round() as i32),
            ],
            color(z.fill).mix(z.opacity).filled(),
        ))
        .map_err(draw_err)?;
    }
    // Sections (phases): separators and labels along the top of the plot.
    for (i, sec) in fig.sections.iter().enumerate() {
        let (x0, x1) = (map_x(sec.from), map_x(sec.to));
        if i > 0 {
            dashed_vline(
                root,
                x0,
                plot.top,
                plot.bottom,
                crate::figure::theme::MUTED,
                s,
            )?;
        }
        let label = text::fit(&sec.label, (x1 - x0 - 8.0).max(0.0), &|t| {
            measure(t, l.section_size, true)
        });
        pen.text(
            &label,
            ((x0 + x1) / 2.0, plot.top + 6.0 * s),
            TextSpec::new(l.section_size, crate::figure::theme::MUTED)
                .bold()
                .anchor(HPos::Center, VPos::Top),
        )?;
    }
    // Grid and y ticks.
    for &t in &fig.y.ticks {
        let y = map_y(t);
        root.draw(&PathElement::new(
            vec![
                (plot.left.round() as i32, y.round() as i32),
                (plot.right.round() as i32, y.round() as i32),
            ],
            color(crate::figure::theme::GRID).stroke_width(1),
        ))
        .map_err(draw_err)?;
        pen.text(
            &format_value(t),
            (plot.left - 10.0 * s, y),
            TextSpec::new(l.tick_size, crate::figure::theme::INK).anchor(HPos::Right, VPos::Center),
        )?;
    }
    // Neutral line.
    let ny = map_y(fig.y.neutral).round() as i32;
    root.draw(&PathElement::new(
        vec![
            (plot.left.round() as i32, ny),
            (plot.right.round() as i32, ny),
        ],
        color(crate::figure::theme::NEUTRAL).stroke_width((2.0 * s).max(1.0) as u32),
    ))
    .map_err(draw_err)?;
    // Zone words and the neutral word at the right edge, inside the plot.
    for z in &fig.zones {
        if let Some(label) = &z.label {
            // Just inside the zone's inner edge: the outer edges hold phase
            // labels, hand-offs and callouts.
            let upper = z.to > fig.y.neutral;
            let (y, v, dy) = if upper {
                (map_y(z.from), VPos::Bottom, -6.0 * s)
            } else {
                (map_y(z.to), VPos::Top, 6.0 * s)
            };
            pen.text(
                label,
                (plot.right - 10.0 * s, y + dy),
                TextSpec::new(l.zone_size, z.label_color)
                    .bold()
                    .anchor(HPos::Right, v),
            )?;
        }
    }
    pen.text(
        &fig.y.neutral_label,
        (plot.right - 10.0 * s, map_y(fig.y.neutral) - 5.0 * s),
        TextSpec::new(l.zone_size, crate::figure::theme::NEUTRAL)
            .bold()
            .anchor(HPos::Right, VPos::Bottom),
    )?;

    // Bands, lines, markers.
    for band in &fig.bands {
        if band.points.len() < 2 {
            continue;
        }
        let mut poly: Vec<(i32, i32)> = band.points.iter().map(|&(x, _, hi)| px((x, hi))).collect();
        poly.extend(band.points.iter().rev().map(|&(x, lo, _)| px((x, lo))));
        root.draw(&Polygon::new(
            poly,
            color(band.fill).mix(band.opacity).filled(),
        ))
        .map_err(draw_err)?;
    }
    // Room per point along x: thick lines and dots are thinned where points
    // crowd, or the joins of a zigzag spike far outside the plot.
    let step_px = plot.width() / (fig.x.labels.len().max(1) as f64);
    for line in &fig.lines {
        let pts: Vec<(i32, i32)> = line.points.iter().map(|&p| px(p)).collect();
        // A held value runs flat to the next point, then steps.
        let path: Vec<(i32, i32)> = if line.hold {
            let mut v = Vec::with_capacity(pts.len() * 2);
            for (k, &p) in pts.iter().enumerate() {
                if k > 0 {
                    v.push((p.0, pts[k - 1].1));
                }
                v.push(p);
            }
            v
        } else {
            pts.clone()
        };
        let width = ((line.width as f64) * s)
            .min(step_px / 4.0)
            .round()
            .max(1.0) as u32;
        let style = color(line.color).mix(line.opacity).stroke_width(width);
        if line.dashed {
            root.draw(&DashedPathElement::new(
                path,
                (10.0 * s) as u32,
                (7.0 * s) as u32,
                style,
            ))
            .map_err(draw_err)?;
        } else if path.len() > 1 {
            root.draw(&PathElement::new(path, style))
                .map_err(draw_err)?;
        }
        if line.dot > 0 && step_px >= 4.0 * (line.dot as f64) * s {
            let r = ((line.dot as f64) * s).round().max(2.0) as i32;
            for &p in &pts {
                root.draw(&Circle::new(
                    p,
                    r,
                    color(line.color).mix(line.opacity).filled(),
                ))
                .map_err(draw_err)?;
                root.draw(&Circle::new(p, r, WHITE.stroke_width(1)))
                    .map_err(draw_err)?;
            }
        }
    }
    for m in &fig.markers {
        marker(
            root,
            px((m.x, m.y)),
            m.shape,
            m.color,
            (m.size as f64 * s).max(3.0),
        )?;
    }

    // Axes frame.
    root.draw(&Rectangle::new(
        [
            (plot.left.round() as i32, plot.top.round() as i32),
            (plot.right.round() as i32, plot.bottom.round() as i32),
        ],
        color(crate::figure::theme::MUTED).stroke_width(1),
    ))
    .map_err(draw_err)?;

    // Y title, reading bottom to top.
    pen.text(
        &text::fit(&fig.y.title, plot.height(), &|t| {
            measure(t, l.tick_size, false)
        }),
        (l.pad, (plot.top + plot.bottom) / 2.0),
        TextSpec::new(l.tick_size, crate::figure::theme::INK)
            .anchor(HPos::Center, VPos::Top)
            .rotated(),
    )?;

    // X ticks and labels.
    // A tick per step, or per labelled step where labels were thinned.
    let ticks: Vec<f64> = if l.x_thinned {
        l.x_labels.iter().map(|s| s.at).collect()
    } else {
        fig.x.labels.iter().map(|s| s.at).collect()
    };
    for at in ticks {
        let x = map_x(at).round() as i32;
        let b = plot.bottom.round() as i32;
        root.draw(&PathElement::new(
            vec![(x, b), (x, b + (6.0 * s) as i32)],
            color(crate::figure::theme::MUTED).stroke_width(1),
        ))
        .map_err(draw_err)?;
    }
    // Time ticks under the plot.
    for tick in &fig.x.ticks {
        let x = map_x(tick.at);
        let b = plot.bottom.round() as i32;
        root.draw(&PathElement::new(
            vec![
                (x.round() as i32, b),
                (x.round() as i32, b + (6.0 * s) as i32),
            ],
            color(crate::figure::theme::INK).stroke_width(1),
        ))
        .map_err(draw_err)?;
        pen.text(
            &tick.text,
            (x, plot.bottom + 8.0 * s),
            TextSpec::new(l.tick_size, crate::figure::theme::INK).anchor(HPos::Center, VPos::Top),
        )?;
    }
    let label_top = plot.bottom + 10.0 * s + l.tick_row + l.leader_band;
    for shown in &l.x_labels {
        let x = plot.left + shown.px;
        // A label moved aside to be readable is joined to its step by a leader.
        if l.leader_band > 0.0 {
            let from = (
                map_x(shown.at).round() as i32,
                (plot.bottom + 4.0 * s + l.tick_row).round() as i32,
            );
            let to = (x.round() as i32, (label_top - 3.0 * s).round() as i32);
            root.draw(&PathElement::new(
                vec![from, to],
                color(crate::figure::theme::MUTED).stroke_width(1),
            ))
            .map_err(draw_err)?;
        }
        let ink = if shown.alert {
            crate::figure::theme::FRUSTRATION
        } else {
            crate::figure::theme::INK
        };
        match l.x_mode {
            XLabelMode::Horizontal => {
                for (k, line) in shown.lines.iter().enumerate() {
                    pen.text(
                        line,
                        (x, label_top + k as f64 * l.label_line),
                        TextSpec::new(l.label_size, ink).anchor(HPos::Center, VPos::Top),
                    )?;
                }
                if let Some(note) = &shown.note {
                    let y = label_top + shown.lines.len() as f64 * l.label_line + 2.0 * s;
                    let c = if shown.alert {
                        ink
                    } else {
                        crate::figure::theme::MUTED
                    };
                    pen.text(
                        note,
                        (x, y),
                        TextSpec::new(l.label_size * 0.85, c).anchor(HPos::Center, VPos::Top),
                    )?;
                }
            }
            XLabelMode::Vertical => {
                // Lines of a turned label stand side by side, first on the left.
                let n = shown.lines.len() as f64;
                for (k, line) in shown.lines.iter().enumerate() {
                    let dx = (k as f64 - (n - 1.0) / 2.0) * l.label_line;
                    pen.text(
                        line,
                        (x + dx, label_top),
                        TextSpec::new(l.label_size, ink)
                            .anchor(HPos::Right, VPos::Center)
                            .rotated(),
                    )?;
                }
            }
        }
    }
    if l.x_thinned {
        pen.text(
            &fig.words
                .every_nth_labelled(l.x_every, l.x_labels.len(), fig.x.labels.len()),
            (plot.right, l.label_area_bottom),
            TextSpec::new(l.tick_size * 0.85, crate::figure::theme::MUTED)
                .anchor(HPos::Right, VPos::Bottom),
        )?;
    }

    axis_notes(&pen, fig, &l, &map_x)?;

    // Callouts.
    let mut placed: Vec<layout::Rect> = Vec::new();
    for c in &fig.callouts {
        if let Some(rect) = callout(&pen, c, px((c.x, c.y)), &l, plot, &placed)? {
            placed.push(rect);
        }
    }

    // Legend.
    for item in &l.legend {
        let entry = &fig.legend[item.index];
        let (x, y) = (item.x, item.y);
        let gw = l.legend_glyph;
        let cy = y + l.legend_line / 2.0;
        match &entry.glyph {
            Glyph::Line {
                color: c,
                width,
                dashed,
                dot,
            } => {
                let w = ((*width as f64) * s).round().max(1.0) as u32;
                let pts = vec![(x as i32, cy as i32), ((x + gw) as i32, cy as i32)];
                if *dashed {
                    root.draw(&DashedPathElement::new(
                        pts,
                        (8.0 * s) as u32,
                        (5.0 * s) as u32,
                        color(*c).stroke_width(w),
                    ))
                    .map_err(draw_err)?;
                } else {
                    root.draw(&PathElement::new(pts, color(*c).stroke_width(w)))
                        .map_err(draw_err)?;
                }
                if *dot {
                    root.draw(&Circle::new(
                        ((x + gw / 2.0) as i32, cy as i32),
                        (5.0 * s).max(2.0) as i32,
                        color(*c).filled(),
                    ))
                    .map_err(draw_err)?;
                }
            }
            Glyph::Fill { color: c, opacity } => {
                root.draw(&Rectangle::new(
                    [
                        (x as i32, (cy - 7.0 * s) as i32),
                        ((x + gw) as i32, (cy + 7.0 * s) as i32),
                    ],
                    color(*c).mix(*opacity).filled(),
                ))
                .map_err(draw_err)?;
            }
            Glyph::Marker { shape, color: c } => {
                marker(
                    root,
                    ((x + gw / 2.0) as i32, cy as i32),
                    *shape,
                    *c,
                    8.0 * s,
                )?;
            }
            Glyph::Symbol { text, color: c } => {
                pen.text(
                    text,
                    (x + gw / 2.0, cy),
                    TextSpec::new(l.legend_size, *c)
                        .bold()
                        .anchor(HPos::Center, VPos::Center),
                )?;
            }
        }
        pen.text(
            &item.text,
            (x + gw + 8.0 * s, cy),
            TextSpec::new(l.legend_size, crate::figure::theme::INK)
                .anchor(HPos::Left, VPos::Center),
        )?;
    }
    Ok(())
}

fn dashed_vline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    x: f64,
    top: f64,
    bottom: f64,
    c: Rgb,
    s: f64,
) -> Result<()> {
    let x = x.round() as i32;
    root.draw(&DashedPathElement::new(
        vec![(x, top.round() as i32), (x, bottom.round() as i32)],
        (8.0 * s) as u32,
        (6.0 * s) as u32,
        color(c).stroke_width(1),
    ))
    .map_err(draw_err)?;
    Ok(())
}

fn marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    shape: Shape,
    c: Rgb,
    size: f64,
) -> Result<()> {
    let r = size.round() as i32;
    match shape {
        Shape::TriangleUp | Shape::TriangleDown => {
            let dir = if shape == Shape::TriangleUp { -1 } else { 1 };
            let pts = vec![
                (x - r, y - dir * r * 6 / 10),
                (x + r, y - dir * r * 6 / 10),
                (x, y + dir * r),
            ];
            root.draw(&Polygon::new(pts.clone(), color(c).filled()))
                .map_err(draw_err)?;
            let mut outline = pts;
            outline.push(outline[0]);
            root.draw(&PathElement::new(outline, BLACK.mix(0.6).stroke_width(1)))
                .map_err(draw_err)?;
        }
        Shape::Circle => {
            root.draw(&Circle::new((x, y), r, color(c).filled()))
                .map_err(draw_err)?;
        }
        Shape::Ring => {
            root.draw(&Circle::new((x, y), r, color(c).stroke_width(3)))
                .map_err(draw_err)?;
        }
    }
    Ok(())
}

fn callout<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    c: &crate::figure::Callout,
    (x, y): (i32, i32),
    l: &Layout,
    plot: layout::Rect,
    placed: &[layout::Rect],
) -> Result<Option<layout::Rect>> {
    let s = l.scale;
    let size = l.tick_size * 0.9;
    let line_h = size * 1.25;
    let width = c
        .lines
        .iter()
        .map(|t| pen.width(t, size, false))
        .fold(0.0, f64::max)
        + 16.0 * s;
    let height = line_h * c.lines.len() as f64 + 10.0 * s;
    // Below the point, else above it; centred, else to either side; the
    // first place inside the plot that covers no earlier callout wins. A
    // later callout with no such place is left out (its dip keeps its ring);
    // the first, most severe one is always drawn.
    let (xf, yf) = (x as f64, y as f64);
    let gap = 26.0 * s;
    let clamp_left = |left: f64| {
        left.clamp(
            plot.left + 2.0,
            (plot.right - width - 2.0).max(plot.left + 2.0),
        )
    };
    let mut candidates = Vec::new();
    for top in [yf + gap, yf - gap - height] {
        for left in [xf - width / 2.0, xf + 12.0 * s, xf - width - 12.0 * s] {
            candidates.push((top, clamp_left(left)));
        }
    }
    let fits = |&(top, left): &(f64, f64)| {
        let r = layout::Rect {
            left,
            top,
            right: left + width,
            bottom: top + height,
        };
        r.top >= plot.top && r.bottom <= plot.bottom && !placed.iter().any(|p| p.overlaps(&r))
    };
    let inside = |&(top, _): &(f64, f64)| top >= plot.top && top + height <= plot.bottom;
    let place = match candidates.iter().copied().find(fits) {
        Some(p) => p,
        None if placed.is_empty() => candidates
            .iter()
            .copied()
            .find(inside)
            .unwrap_or(candidates[0]),
        None => return Ok(None),
    };
    let (top, left) = place;
    let below = top > yf;
    let root = pen.area;
    let anchor_y = if below { top } else { top + height };
    root.draw(&PathElement::new(
        vec![(x, y), (x, anchor_y.round() as i32)],
        color(c.color).stroke_width(2),
    ))
    .map_err(draw_err)?;
    let rect = [
        (left.round() as i32, top.round() as i32),
        ((left + width).round() as i32, (top + height).round() as i32),
    ];
    root.draw(&Rectangle::new(rect, WHITE.mix(0.95).filled()))
        .map_err(draw_err)?;
    root.draw(&Rectangle::new(rect, color(c.color).stroke_width(2)))
        .map_err(draw_err)?;
    for (k, t) in c.lines.iter().enumerate() {
        pen.text(
            t,
            (left + width / 2.0, top + 5.0 * s + k as f64 * line_h),
            TextSpec::new(size, c.color).anchor(HPos::Center, VPos::Top),
        )?;
    }
    Ok(Some(layout::Rect {
        left,
        top,
        right: left + width,
        bottom: top + height,
    }))
}

/// Notes on the process (hand-offs), along the top inside the plot: a short
/// tick and the text, staggered over two rows where neighbours would touch.
fn axis_notes<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    fig: &Figure,
    l: &Layout,
    map_x: &dyn Fn(f64) -> f64,
) -> Result<()> {
    let s = l.scale;
    let size = l.tick_size * 0.8;
    let row_h = size * 1.3;
    let plot = l.plot;
    let mut row_end = [f64::NEG_INFINITY; 2];
    for note in &fig.axis_notes {
        let x = map_x(note.at);
        let w = pen.width(&note.text, size, false);
        let left = (x - w / 2.0).max(plot.left + 2.0);
        let row = if left > row_end[0] + 6.0 * s { 0 } else { 1 };
        row_end[row] = left + w;
        // Under the phase labels, if any, so the bottom stays free for callouts.
        let first_row = plot.top
            + 16.0 * s
            + if fig.sections.is_empty() {
                0.0
            } else {
                l.section_size * 1.4
            };
        let y = first_row + row as f64 * row_h;
        let b = plot.top.round() as i32;
        pen.area
            .draw(&PathElement::new(
                vec![
                    (x.round() as i32, b),
                    (x.round() as i32, (b as f64 + 8.0 * s) as i32),
                ],
                color(note.color).stroke_width((2.0 * s).max(1.0) as u32),
            ))
            .map_err(draw_err)?;
        pen.area
            .draw(&Rectangle::new(
                [
                    ((left - 3.0 * s) as i32, (y - size * 0.6) as i32),
                    ((left + w + 3.0 * s) as i32, (y + size * 0.6) as i32),
                ],
                WHITE.mix(0.8).filled(),
            ))
            .map_err(draw_err)?;
        pen.text(
            &note.text,
            (left, y),
            TextSpec::new(size, note.color).anchor(HPos::Left, VPos::Center),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{AxisNote, Callout, XLabel};

    /// Every text of the figure is cleaned, axis notes and notes under
    /// labels included, not only a hand-kept list.
    #[test]
    fn cleaning_reaches_every_text() {
        let mut fig = layout::tests::figure(&[("a\u{7}b", 0.0)], true);
        let bell = "x\u{7}y".to_string();
        fig.title = bell.clone();
        fig.x.labels[0].note = Some(bell.clone());
        fig.x.ticks.push(XLabel {
            at: 1.0,
            text: bell.clone(),
            note: None,
            alert: false,
        });
        fig.axis_notes.push(AxisNote {
            at: 0.0,
            text: bell.clone(),
            color: Rgb(0, 0, 0),
        });
        fig.callouts.push(Callout {
            x: 0.0,
            y: 0.0,
            lines: vec![bell.clone()],
            color: Rgb(0, 0, 0),
        });
        let mut seen = 0;
        let mut clean = cleaned(&fig);
        clean.map_text(|t| {
            seen += 1;
            assert!(!t.contains('\u{7}'), "{t:?}");
        });
        let mut before = 0;
        fig.map_text(|t| before += usize::from(t.contains('\u{7}')));
        assert_eq!(before, 6);
        assert!(seen > before);
        assert_eq!(clean.axis_notes[0].text, "xy");
    }
}
