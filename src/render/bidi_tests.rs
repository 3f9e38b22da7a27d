//! Hebrew in the PNG reads in the right order: a label drawn through the
//! PNG path (logical text, reordered by [`super::text::visual_order`]) gives
//! the same pixels as the same words typed by hand in visual order and drawn
//! as they are, and other pixels than the logical text drawn unreordered.

use plotters::prelude::*;

use super::layout::{Align, Label, VAlign};
use super::{font, text, Pen, TextOrder};
use crate::figure::Rgb;

const W: u32 = 420;
const H: u32 = 40;

/// The pixels of `text` drawn at the left of a small white picture.
fn pixels(text: &str, order: TextOrder) -> Vec<u8> {
    font::ensure_registered().unwrap();
    let mut rgb = vec![255u8; (W * H * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (W, H)).into_drawing_area();
        let pen = Pen {
            area: &root,
            order,
            svg: Default::default(),
        };
        let label = Label {
            text: text.to_string(),
            at: (4.0, 8.0),
            size: 22.0,
            bold: false,
            color: Rgb(0, 0, 0),
            h: Align::Left,
            v: VAlign::Top,
            rotate: false,
            struck: false,
        };
        pen.text(&label).unwrap();
        root.present().unwrap();
    }
    rgb
}

#[test]
fn hebrew_labels_are_drawn_in_reading_order() {
    for (logical, visual) in [
        // Words, a number and brackets: the brackets still enclose the number.
        ("חניה (קומה 2)", "(2 המוק) הינח"),
        // A Latin name stays readable inside Hebrew.
        ("הזמנה ב-Netflix", "Netflix-ב הנמזה"),
        // A negative number keeps its minus in front (the LRM is not drawn).
        ("סולם רגש \u{200E}\u{2212}5 עד 5", "5 דע \u{2212}5 שגר םלוס"),
    ] {
        // The PNG path draws glyph by glyph, left to right, in the order
        // `visual_order` gives: the hand-made visual order, marks dropped.
        assert_eq!(text::visual_order(logical), visual, "{logical}");
        let drawn = pixels(logical, TextOrder::Visual);
        assert!(drawn.iter().any(|&b| b < 128), "{logical}: nothing drawn");
        // Drawing the visual string the same way reorders it back: the
        // pictures differ, so the drawing path does reorder.
        assert!(
            drawn != pixels(visual, TextOrder::Visual),
            "{logical}: drawn as if it read left to right"
        );
    }
}

#[test]
fn latin_labels_are_drawn_as_they_are() {
    let text = "Parking (level 2)";
    assert_eq!(text::visual_order(text), text);
    assert!(pixels(text, TextOrder::Visual).iter().any(|&b| b < 128));
}
