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
pub mod layout;
pub mod text;

use anyhow::{Context, Result};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use crate::figure::{Dash, Figure, Glyph, Rgb, Shape};
use layout::{Label, Placement};

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
    let texts = {
        let root = SVGBackend::with_string(&mut out, (fig.width, fig.height)).into_drawing_area();
        let texts = draw(&root, fig, TextOrder::Logical)?;
        root.present().context("could not finish the SVG")?;
        texts
    };
    let out = put_texts(&out, &texts);
    Ok(with_tips(out, fig))
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

/// Every text and mark of `fig` as it would be drawn, with its box in
/// pixels (for checking a layout: no two texts meet, no text covers a
/// mark, nothing leaves the picture).
pub fn boxes(fig: &Figure) -> Result<Vec<layout::LaidBox>> {
    font::ensure_registered()?;
    let fig = &cleaned(fig);
    let p = Placement::compute(fig, &font::width);
    Ok(p.boxes(fig, &font::width))
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

/// Text drawing on one drawing area. PNG text is rasterized here from the
/// embedded font ([`font::rasterize`]) at fractional positions; SVG text is
/// written here as `<text>` elements (see [`svg_text`]): plotters draws a
/// numbered stand-in that [`svg`] replaces, so texts keep their place in the
/// drawing order.
struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    order: TextOrder,
    svg: std::cell::RefCell<Vec<String>>,
}

/// Where a label's text starts and its baseline, in the label's own frame
/// (x along the text from its point, y down from its point), and its width.
fn local_origin(label: &Label) -> (f64, f64, f64) {
    let w = font::width(&label.text, label.size, label.bold);
    let r = layout::local_box(label, w);
    (r.left, r.top + font::ascent(label.size, label.bold), w)
}

impl<DB: DrawingBackend> Pen<'_, DB> {
    fn text(&self, label: &Label) -> Result<()> {
        if label.text.is_empty() {
            return Ok(());
        }
        self.glyphs(label)?;
        if label.struck {
            self.strike(label)?;
        }
        Ok(())
    }

    /// A line through a label's text at the font's strikeout height, in
    /// the text's colour (the same place an SVG viewer draws
    /// `text-decoration="line-through"`, so the two coincide).
    fn strike(&self, label: &Label) -> Result<()> {
        let (lx, base, w) = local_origin(label);
        let em = font::em(label.size);
        let v = base - STRIKE_HEIGHT * em;
        let (x, y) = label.at;
        let at = |u: f64| -> (i32, i32) {
            let (px, py) = if label.rotate {
                (x + v, y - u)
            } else {
                (x + u, y + v)
            };
            (px.round() as i32, py.round() as i32)
        };
        let width = (STRIKE_THICKNESS * em).round().max(1.0) as u32;
        let style = ShapeStyle::from(&color(label.color)).stroke_width(width);
        self.area
            .draw(&PathElement::new(vec![at(lx), at(lx + w)], style))
            .map_err(|e| anyhow::anyhow!("drawing a line failed: {e}"))
    }

    fn glyphs(&self, label: &Label) -> Result<()> {
        let (lx, base, w) = local_origin(label);
        let (x, y) = label.at;
        match self.order {
            TextOrder::Logical => {
                let id = {
                    let mut v = self.svg.borrow_mut();
                    v.push(svg_text(label, lx, base, w));
                    v.len() - 1
                };
                let style = TextStyle::from(FontDesc::new(
                    FontFamily::Name(font::SVG_FAMILY),
                    label.size,
                    FontStyle::Normal,
                ));
                self.area
                    .draw(&Text::new(
                        format!("{STAND_IN}{id}{STAND_IN}"),
                        (x.round() as i32, y.round() as i32),
                        style,
                    ))
                    .map_err(|e| anyhow::anyhow!("drawing text failed: {e}"))
            }
            TextOrder::Visual => {
                let shown = text::visual_order(&label.text);
                let c = color(label.color);
                let mut err = None;
                let mut put = |px: i32, py: i32, cov: f32| {
                    let (sx, sy) = if label.rotate {
                        (x.floor() as i32 + py, y.floor() as i32 - px - 1)
                    } else {
                        (px, py)
                    };
                    if let Err(e) = self.area.draw_pixel((sx, sy), &c.mix(cov.min(1.0) as f64)) {
                        err.get_or_insert(e);
                    }
                };
                if label.rotate {
                    // Rasterized in the label's frame, then turned a quarter.
                    let fx = x - x.floor();
                    let fy = y - y.floor();
                    font::rasterize(
                        &shown,
                        label.size,
                        label.bold,
                        (lx - fy, base + fx),
                        &mut put,
                    );
                } else {
                    font::rasterize(&shown, label.size, label.bold, (x + lx, y + base), &mut put);
                }
                match err {
                    Some(e) => Err(anyhow::anyhow!("drawing text failed: {e}")),
                    None => Ok(()),
                }
            }
        }
    }
}

/// DejaVu Sans's strikeout line: its height above the baseline and its
/// thickness, in em (`yStrikeoutPosition` 530 and `yStrikeoutSize` 102 of
/// 2048 units).
const STRIKE_HEIGHT: f64 = 530.0 / 2048.0;
const STRIKE_THICKNESS: f64 = 102.0 / 2048.0;

/// Marks plotters' stand-in for a text in the SVG.
const STAND_IN: &str = "\u{E000}";

/// One text as an SVG element: the embedded font's family first, a font
/// size matching the PNG's, and the width the layout measured
/// (`textLength`), so its box holds in any viewer. Text whose first strong
/// letter is right-to-left gets `direction="rtl"`; the viewer reorders it.
fn svg_text(label: &Label, lx: f64, base: f64, w: f64) -> String {
    let rtl = text::starts_rtl(&label.text);
    let (x, y) = label.at;
    let (tx, ty) = if label.rotate { (0.0, 0.0) } else { (x, y) };
    let start = tx + if rtl { lx + w } else { lx };
    let mut e = format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" font-family=\"{}\" font-size=\"{:.2}\" fill=\"#{:02X}{:02X}{:02X}\"",
        start,
        ty + base,
        font::SVG_FAMILY,
        font::em(label.size),
        label.color.0,
        label.color.1,
        label.color.2,
    );
    if label.bold {
        e.push_str(" font-weight=\"bold\"");
    }
    if label.struck {
        e.push_str(" text-decoration=\"line-through\"");
    }
    if rtl {
        e.push_str(" direction=\"rtl\" unicode-bidi=\"embed\"");
    }
    if label.text.chars().count() > 1 {
        e.push_str(&format!(
            " textLength=\"{w:.1}\" lengthAdjust=\"spacingAndGlyphs\""
        ));
    }
    if label.rotate {
        e.push_str(&format!(
            " transform=\"translate({x:.1} {y:.1}) rotate(-90)\""
        ));
    }
    e.push('>');
    escape_into(&mut e, &label.text);
    e.push_str("</text>");
    e
}

/// Most points given a tooltip; beyond it the file would only grow.
const MAX_TIPS: usize = 10_000;

/// The SVG with a tooltip (`<title>`) on every point that has one: a
/// transparent circle over the point, on top of the picture, so a browser
/// shows what the point was when the pointer rests on it.
fn with_tips(mut svg: String, fig: &Figure) -> String {
    if fig.tips.is_empty() {
        return svg;
    }
    let p = Placement::compute(fig, &font::width);
    let r = (8.0 * p.scale).max(4.0);
    let mut g = String::from("<g fill=\"transparent\">\n");
    for tip in fig.tips.iter().take(MAX_TIPS) {
        let (x, y) = (p.map.x(tip.x), p.map.y(tip.y));
        g.push_str(&format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>"
        ));
        escape_into(&mut g, &tip.lines.join("\n"));
        g.push_str("</title></circle>\n");
    }
    g.push_str("</g>\n");
    match svg.rfind("</svg>") {
        Some(end) => svg.insert_str(end, &g),
        None => svg.push_str(&g),
    }
    svg
}

/// Append `text` to `out` with the XML special characters escaped.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Replace plotters' stand-ins in `svg` by the texts' elements.
fn put_texts(svg: &str, texts: &[String]) -> String {
    let mut out = String::with_capacity(svg.len() + texts.iter().map(String::len).sum::<usize>());
    let mut rest = svg;
    while let Some(open) = rest.find("<text") {
        let Some(close) = rest[open..]
            .find("</text>")
            .map(|c| open + c + "</text>".len())
        else {
            break;
        };
        let element = &rest[open..close];
        out.push_str(&rest[..open]);
        let id = element
            .split(STAND_IN)
            .nth(1)
            .and_then(|n| n.parse::<usize>().ok());
        match id.and_then(|i| texts.get(i)) {
            Some(t) => out.push_str(t),
            None => out.push_str(element),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
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
) -> Result<Vec<String>> {
    let theme = fig.theme;
    let (ink, muted, paper) = (theme.ink, theme.muted, color(theme.background));
    root.fill(&paper).map_err(draw_err)?;
    let pen = Pen {
        area: root,
        order,
        svg: Default::default(),
    };
    let p = Placement::compute(fig, &font::width);
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
        // Zones at the ends of the scale reach the plot's edges.
        let (hi, lo) = (z.to.max(z.from), z.to.min(z.from));
        let top = if hi >= fig.y.max { plot.top } else { map.y(hi) };
        let bottom = if lo <= fig.y.min {
            plot.bottom
        } else {
            map.y(lo)
        };
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
    let step_px = layout::step_room(fig, map);
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
    for line in &p.y_title {
        pen.text(line)?;
    }

    // X ticks and labels.
    let b = plot.bottom.round() as i32;
    let tick_down = |x: f64, c: Rgb| {
        let x = x.round() as i32;
        root.draw(&PathElement::new(
            vec![(x, b), (x, b + p.tick_len.round() as i32)],
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

    // The channel strip: alternating shades, a mark where the channel changes.
    for (r, shade, name) in &p.channels {
        // Two shades of the grid colour, alternating.
        let fill = if *shade == 0 {
            theme.grid
        } else {
            Rgb(
                theme.grid.0.saturating_sub(12),
                theme.grid.1.saturating_sub(12),
                theme.grid.2.saturating_sub(12),
            )
        };
        root.draw(&Rectangle::new(
            [
                (r.left.round() as i32, r.top.round() as i32),
                (r.right.round() as i32, r.bottom.round() as i32),
            ],
            color(fill).filled(),
        ))
        .map_err(draw_err)?;
        pen.text(name)?;
    }
    for &(x, top, bottom) in &p.channel_changes {
        root.draw(&PathElement::new(
            vec![
                (x.round() as i32, top.round() as i32),
                (x.round() as i32, bottom.round() as i32),
            ],
            color(muted).stroke_width((2.0 * s).max(1.0) as u32),
        ))
        .map_err(draw_err)?;
    }

    // Notes: numbers by their points, the list under the labels.
    for badge in &p.note_badges {
        let (x, y) = badge.at;
        root.draw(&Circle::new(
            (x.round() as i32, y.round() as i32),
            (badge.size * 0.7).round() as i32,
            paper.mix(0.9).filled(),
        ))
        .map_err(draw_err)?;
        pen.text(badge)?;
    }
    for line in &p.notes {
        pen.text(line)?;
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
        let stroke = (2.0 * s).round().max(1.0) as u32;
        root.draw(&PathElement::new(
            c.leader.to_vec(),
            color(c.color).stroke_width(stroke),
        ))
        .map_err(draw_err)?;
        root.draw(&Rectangle::new(c.frame, paper.mix(0.95).filled()))
            .map_err(draw_err)?;
        root.draw(&Rectangle::new(
            c.frame,
            color(c.color).stroke_width(stroke),
        ))
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
    Ok(pen.svg.into_inner())
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
            // The ring's stroke grows with the picture.
            let stroke = (size * 3.0 / 14.0).round().max(2.0) as u32;
            root.draw(&Circle::new((x, y), r, color(c).stroke_width(stroke)))
                .map_err(draw_err)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{AxisNote, Callout, XLabel};

    /// Dark pixels per row of `label` drawn on a small white PNG, level or turned.
    fn ink_rows(struck: bool, rotate: bool) -> Vec<usize> {
        font::ensure_registered().unwrap();
        let (w, h) = (200u32, 200u32);
        let mut rgb = vec![255u8; (w * h * 3) as usize];
        {
            let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
            let pen = Pen {
                area: &root,
                order: TextOrder::Visual,
                svg: Default::default(),
            };
            let label = Label {
                text: "Wait here".to_string(),
                at: (20.0, 150.0),
                size: 22.0,
                bold: false,
                color: Rgb(0, 0, 0),
                h: layout::Align::Left,
                v: layout::VAlign::Top,
                rotate,
                struck,
            };
            pen.text(&label).unwrap();
            root.present().unwrap();
        }
        // Rows of the level text, columns of the turned one.
        let dark = |x: u32, y: u32| rgb[((y * w + x) * 3) as usize] < 128;
        (0..h)
            .map(|i| {
                (0..w)
                    .filter(|&j| if rotate { dark(i, j) } else { dark(j, i) })
                    .count()
            })
            .collect()
    }

    /// A struck label has a line through its text: one row (a column when
    /// turned) inked along nearly the whole text, above the baseline.
    #[test]
    fn a_struck_label_is_drawn_with_a_line_through_it() {
        for rotate in [false, true] {
            let plain = ink_rows(false, rotate);
            let struck = ink_rows(true, rotate);
            let width = font::width("Wait here", 22.0, false) as usize;
            assert!(plain.iter().all(|&n| n < width * 3 / 4), "{rotate}");
            assert!(
                struck.iter().any(|&n| n >= width - 2),
                "{rotate}: {struck:?}"
            );
            assert!(struck.iter().sum::<usize>() > plain.iter().sum::<usize>());
        }
    }

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
            struck: false,
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
