//! The font embedded in the binary: DejaVu Sans (Latin, Hebrew and more),
//! regular and bold. Text is measured and, for PNG, drawn here with
//! ab_glyph: each glyph is placed at its real advance plus kerning at the
//! drawn size, at its fractional position, so letters keep their spacing
//! at every size. No system font is ever looked up, so the picture is the
//! same on every machine.
//!
//! A text's `size` is the height of the font's line box (ascent to
//! descent) in pixels; [`em`] gives the matching CSS font size for SVG.

use std::sync::OnceLock;

use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};

/// The family named in SVG: the embedded font first, then fonts of the
/// same build found on most systems, then the generic family.
pub const SVG_FAMILY: &str = "DejaVu Sans, Bitstream Vera Sans, Verdana, Arial, sans-serif";

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

fn fonts() -> anyhow::Result<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: FontRef::try_from_slice(REGULAR).ok()?,
                bold: FontRef::try_from_slice(BOLD).ok()?,
            })
        })
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("the embedded font could not be loaded"))
}

/// Load the embedded fonts; safe to call many times.
pub fn ensure_registered() -> anyhow::Result<()> {
    fonts().map(|_| ())
}

fn face(bold: bool) -> &'static FontRef<'static> {
    // `ensure_registered` ran before any drawing; a test that measures
    // without it still gets the font.
    let f = fonts().expect("the embedded font is valid");
    if bold {
        &f.bold
    } else {
        &f.regular
    }
}

/// The CSS font size (em, in pixels) that gives a line box of `size` pixels.
pub fn em(size: f64) -> f64 {
    let f = face(false);
    let upem = f.units_per_em().unwrap_or(2048.0) as f64;
    size * upem / f.height_unscaled() as f64
}

/// Ascent (above the baseline) of a text of `size`, in pixels.
pub fn ascent(size: f64, bold: bool) -> f64 {
    face(bold).as_scaled(PxScale::from(size as f32)).ascent() as f64
}

/// Glyphs of `text` (in drawing order) and the x of each, from 0.
fn layout(text: &str, size: f64, bold: bool) -> (Vec<(GlyphId, f32)>, f32) {
    let font = face(bold).as_scaled(PxScale::from(size as f32));
    let mut out = Vec::with_capacity(text.len());
    let mut x = 0f32;
    let mut prev: Option<GlyphId> = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            x += font.kern(p, id);
        }
        out.push((id, x));
        x += font.h_advance(id);
        prev = Some(id);
    }
    (out, x)
}

/// Width of `text` at `size`, in pixels: advances plus kerning, unrounded.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    layout(text, size, bold).1 as f64
}

/// Rasterize `text` with its baseline's start at `(x, baseline)` (pixels,
/// fractional), calling `pixel(px, py, coverage)` for every covered pixel.
pub fn rasterize(
    text: &str,
    size: f64,
    bold: bool,
    (x, baseline): (f64, f64),
    pixel: &mut dyn FnMut(i32, i32, f32),
) {
    let f = face(bold);
    let scale = PxScale::from(size as f32);
    let (glyphs, _) = layout(text, size, bold);
    for (id, gx) in glyphs {
        let glyph = id.with_scale_and_position(scale, point(x as f32 + gx, baseline as f32));
        if let Some(outline) = f.outline_glyph(glyph) {
            let b = outline.px_bounds();
            outline.draw(|px, py, c| {
                if c > 0.0 {
                    pixel(b.min.x as i32 + px as i32, b.min.y as i32 + py as i32, c);
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up_without_rounding() {
        let a = width("cinema", 13.0, false);
        assert!(a > 30.0 && a < 60.0, "{a}");
        // Fractional widths: no per-glyph rounding.
        assert!(a.fract() != 0.0);
        assert!(width("cinema", 13.0, true) > a);
        assert!((em(20.0) - 20.0 / 1.164).abs() < 0.1);
    }

    #[test]
    fn glyphs_are_drawn_at_their_advance() {
        // The gap between "c" and "i" is no wider than between "i" and "n".
        let mut cols = std::collections::BTreeSet::new();
        rasterize("cin", 13.0, false, (0.3, 12.0), &mut |x, _, c| {
            if c > 0.3 {
                cols.insert(x);
            }
        });
        let v: Vec<i32> = cols.into_iter().collect();
        let gaps = v.windows(2).filter(|w| w[1] - w[0] > 1).count();
        assert!(gaps <= 2, "{v:?}");
        assert!(*v.last().unwrap() as f64 <= width("cin", 13.0, false) + 1.0);
    }
}
