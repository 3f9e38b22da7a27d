//! Drawing a [`Figure`] with plotters. The drawing code is written once,
//! generic over the backend; SVG and PNG differ only in the backend and in
//! text handling (PNG needs bidi reordering, SVG must not get it).
//!
//! Every text is cleaned once ([`Figure::map_text`]), every text and mark is
//! placed by [`layout::Placement`], and [`draw`] only draws what was placed:
//! it writes no words of its own and decides no positions.

#[cfg(test)]
mod bidi_tests;
mod font;
mod layout;
mod svg_bidi;
pub mod text;

use anyhow::{Context, Result};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use crate::figure::{Dash, Figure, Glyph, Rgb, Shape};
use layout::{Align, Label, Placement, VAlign};

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
    Ok(svg_bidi::mark_right_to_left(&out))
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

impl<DB: DrawingBackend> Pen<'_, DB> {
    fn font(&self, label: &Label) -> TextStyle<'static> {
        let style = if label.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let mut font = FontDesc::new(FontFamily::Name(font::FAMILY), label.size, style);
        if label.rotate {
            font = font.transform(FontTransform::Rotate270);
        }
        let h = match label.h {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let v = match label.v {
            VAlign::Top => VPos::Top,
            VAlign::Center => VPos::Center,
            VAlign::Bottom => VPos::Bottom,
        };
        font.color(&color(label.color)).pos(Pos::new(h, v))
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

    fn text(&self, label: &Label) -> Result<()> {
        if label.text.is_empty() {
            return Ok(());
        }
        let shown = match self.order {
            TextOrder::Logical => label.text.clone(),
            TextOrder::Visual => text::visual_order(&label.text),
        };
        let (x, y) = label.at;
        self.area
            .draw(&Text::new(
                shown,
                (x.round() as i32, y.round() as i32),
                self.font(label),
            ))
            .map_err(|e| anyhow::anyhow!("drawing text failed: {e}"))
    }
}

fn draw_err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow::anyhow!("drawing failed: {e:?}")
}

/// Draw the whole figure on `root`: place everything, then draw it in
/// order, back to front.
pub(crate) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fig: &Figure,
    order: TextOrder,
) -> Result<()> {
    let theme = fig.theme;
    let (ink, muted, paper) = (theme.ink, theme.muted, color(theme.background));
    root.fill(&paper).map_err(draw_err)?;
    let pen = Pen { area: root, order };
    let measure = |s: &str, size: f64, bold: bool| pen.width(s, size, bold);
    let p = Placement::compute(fig, &measure);
    let plot = p.plot;
    let map = &p.map;
    let s = p.scale;
    let (left, right) = (plot.left.round() as i32, plot.right.round() as i32);
    let hline = |y: f64, c: Rgb, width: u32| {
        let y = y.round() as i32;
        root.draw(&PathElement::new(
            vec![(left, y), (right, y)],
            color(c).stroke_width(width),
        ))
        .map_err(draw_err)
    };

    pen.text(&p.title)?;
    pen.text(&p.subtitle)?;

    // Zones.
    for z in &fig.zones {
        let (top, bottom) = (map.y(z.to.max(z.from)), map.y(z.to.min(z.from)));
        root.draw(&Rectangle::new(
            [(left, top.round() as i32), (right, bottom.round() as i32)],
            color(z.fill).mix(z.opacity).filled(),
        ))
        .map_err(draw_err)?;
    }
    // Sections (phases): separators and labels along the top of the plot.
    for sec in &p.sections {
        if let Some(x) = sec.separator {
            dashed_vline(root, x, plot.top, plot.bottom, muted, s)?;
        }
        pen.text(&sec.label)?;
    }
    // Grid and y ticks.
    for tick in &p.y_ticks {
        hline(tick.y, theme.grid, 1)?;
        pen.text(&tick.label)?;
    }
    hline(
        map.y(fig.y.neutral),
        theme.neutral,
        (2.0 * s).max(1.0) as u32,
    )?;
    for word in &p.zone_words {
        pen.text(word)?;
    }

    // Bands, lines, markers.
    for band in &fig.bands {
        if band.points.len() < 2 {
            continue;
        }
        let mut poly: Vec<(i32, i32)> = band
            .points
            .iter()
            .map(|&(x, _, hi)| map.point((x, hi)))
            .collect();
        poly.extend(
            band.points
                .iter()
                .rev()
                .map(|&(x, lo, _)| map.point((x, lo))),
        );
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
        let pts: Vec<(i32, i32)> = line.points.iter().map(|&pt| map.point(pt)).collect();
        // A held value runs flat to the next point, then steps.
        let path: Vec<(i32, i32)> = if line.hold {
            let mut v = Vec::with_capacity(pts.len() * 2);
            for (k, &pt) in pts.iter().enumerate() {
                if k > 0 {
                    v.push((pt.0, pts[k - 1].1));
                }
                v.push(pt);
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
        stroke(root, path, line.dash, style, 1.0, s)?;
        if line.dot > 0 && step_px >= 4.0 * (line.dot as f64) * s {
            let r = ((line.dot as f64) * s).round().max(2.0) as i32;
            for &pt in &pts {
                dot(root, pt, line.mark, r, line.color, line.opacity, paper)?;
            }
        }
    }
    for m in &fig.markers {
        marker(
            root,
            map.point((m.x, m.y)),
            m.shape,
            m.color,
            (m.size as f64 * s).max(3.0),
            ink,
        )?;
    }

    // Axes frame.
    root.draw(&Rectangle::new(
        [
            (left, plot.top.round() as i32),
            (right, plot.bottom.round() as i32),
        ],
        color(muted).stroke_width(1),
    ))
    .map_err(draw_err)?;
    pen.text(&p.y_title)?;

    // X ticks and labels.
    let b = plot.bottom.round() as i32;
    let tick_down = |x: f64, c: Rgb| {
        let x = x.round() as i32;
        root.draw(&PathElement::new(
            vec![(x, b), (x, b + (6.0 * s) as i32)],
            color(c).stroke_width(1),
        ))
        .map_err(draw_err)
    };
    for &x in &p.step_ticks {
        tick_down(x, muted)?;
    }
    for tick in &p.time_ticks {
        tick_down(tick.x, ink)?;
        pen.text(&tick.label)?;
    }
    for label in &p.x_labels {
        if let Some(leader) = label.leader {
            root.draw(&PathElement::new(
                leader.to_vec(),
                color(muted).stroke_width(1),
            ))
            .map_err(draw_err)?;
        }
        for t in &label.texts {
            pen.text(t)?;
        }
    }
    if let Some(note) = &p.x_note {
        pen.text(note)?;
    }

    // Notes on the process axis.
    for note in &p.axis_notes {
        root.draw(&PathElement::new(
            note.tick.to_vec(),
            color(note.color).stroke_width((2.0 * s).max(1.0) as u32),
        ))
        .map_err(draw_err)?;
        root.draw(&Rectangle::new(note.backdrop, paper.mix(0.8).filled()))
            .map_err(draw_err)?;
        pen.text(&note.text)?;
    }

    // Callouts.
    for c in &p.callouts {
        root.draw(&PathElement::new(
            c.leader.to_vec(),
            color(c.color).stroke_width(2),
        ))
        .map_err(draw_err)?;
        root.draw(&Rectangle::new(c.frame, paper.mix(0.95).filled()))
            .map_err(draw_err)?;
        root.draw(&Rectangle::new(c.frame, color(c.color).stroke_width(2)))
            .map_err(draw_err)?;
        for t in &c.texts {
            pen.text(t)?;
        }
    }

    // Legend.
    for item in &p.legend {
        let (x, gw, cy) = (item.glyph_left, item.glyph_width, item.center_y);
        match &fig.legend[item.index].glyph {
            Glyph::Line {
                color: c,
                width,
                dash,
                dot: with_dot,
                mark,
            } => {
                let w = ((*width as f64) * s).round().max(1.0) as u32;
                let pts = vec![(x as i32, cy as i32), ((x + gw) as i32, cy as i32)];
                stroke(root, pts, *dash, color(*c).stroke_width(w), 0.8, s)?;
                if *with_dot {
                    let r = (5.0 * s).max(2.0) as i32;
                    dot(
                        root,
                        ((x + gw / 2.0) as i32, cy as i32),
                        *mark,
                        r,
                        *c,
                        1.0,
                        paper,
                    )?;
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
                    ink,
                )?;
            }
            Glyph::Symbol { .. } => {}
        }
        if let Some(symbol) = &item.symbol {
            pen.text(symbol)?;
        }
        pen.text(&item.text)?;
    }
    Ok(())
}

/// A path stroked in `dash`; `length` scales the dash pattern (legend
/// samples are short).
fn stroke<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    path: Vec<(i32, i32)>,
    dash: Dash,
    style: ShapeStyle,
    length: f64,
    s: f64,
) -> Result<()> {
    if path.len() < 2 {
        return Ok(());
    }
    let w = f64::from(style.stroke_width);
    let (on, off) = match dash {
        Dash::Solid => return root.draw(&PathElement::new(path, style)).map_err(draw_err),
        Dash::Dashed => (10.0 * s, 7.0 * s),
        Dash::Dotted => (w.max(2.0 * s), 2.0 * w + 3.0 * s),
        Dash::LongDash => (22.0 * s, 7.0 * s),
    };
    let px = |v: f64| (v * length).round().max(1.0) as u32;
    root.draw(&DashedPathElement::new(path, px(on), px(off), style))
        .map_err(draw_err)
}

/// A dot of a line at `pt`, ringed in the paper's colour so it stands out
/// where lines cross.
fn dot<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    pt: (i32, i32),
    mark: Shape,
    r: i32,
    c: Rgb,
    opacity: f64,
    paper: RGBColor,
) -> Result<()> {
    let fill = color(c).mix(opacity).filled();
    let edge = paper.stroke_width(1);
    match mark {
        Shape::Square => {
            let r = (f64::from(r) * 0.9).round() as i32;
            let corners = [(pt.0 - r, pt.1 - r), (pt.0 + r, pt.1 + r)];
            root.draw(&Rectangle::new(corners, fill))
                .map_err(draw_err)?;
            root.draw(&Rectangle::new(corners, edge)).map_err(draw_err)
        }
        Shape::Diamond => {
            let r = (f64::from(r) * 1.25).round() as i32;
            let pts = vec![
                (pt.0, pt.1 - r),
                (pt.0 + r, pt.1),
                (pt.0, pt.1 + r),
                (pt.0 - r, pt.1),
            ];
            root.draw(&Polygon::new(pts.clone(), fill))
                .map_err(draw_err)?;
            let mut outline = pts;
            outline.push(outline[0]);
            root.draw(&PathElement::new(outline, edge))
                .map_err(draw_err)
        }
        _ => {
            root.draw(&Circle::new(pt, r, fill)).map_err(draw_err)?;
            root.draw(&Circle::new(pt, r, edge)).map_err(draw_err)
        }
    }
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
    ink: Rgb,
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
            root.draw(&PathElement::new(
                outline,
                color(ink).mix(0.6).stroke_width(1),
            ))
            .map_err(draw_err)?;
        }
        Shape::Square | Shape::Diamond => {
            dot(root, (x, y), shape, r, c, 1.0, color(ink))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{AxisNote, Callout, XLabel};

    /// Every text of the figure is cleaned, axis notes and notes under
    /// labels included, not only a hand-kept list.
    #[test]
    fn cleaning_reaches_every_text() {
        let mut fig = layout::frame::tests::figure(&[("a\u{7}b", 0.0)], true);
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
