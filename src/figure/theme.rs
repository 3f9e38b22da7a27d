//! Colours, chosen once. Zone tints are light enough for text on top, line
//! colours are distinct for colour-blind readers (Okabe–Ito order first).

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const INK: Rgb = Rgb(33, 37, 41);
pub const MUTED: Rgb = Rgb(108, 117, 125);
pub const GRID: Rgb = Rgb(222, 226, 230);
pub const WOW: Rgb = Rgb(46, 125, 50);
pub const FRUSTRATION: Rgb = Rgb(198, 40, 40);
pub const NEUTRAL: Rgb = Rgb(97, 97, 97);
/// The main line when one case is drawn.
pub const PRIMARY: Rgb = Rgb(13, 43, 94);

/// Line colours for several cases.
pub const CASES: [Rgb; 10] = [
    Rgb(0, 114, 178),
    Rgb(213, 94, 0),
    Rgb(0, 158, 115),
    Rgb(204, 121, 167),
    Rgb(86, 180, 233),
    Rgb(230, 159, 0),
    Rgb(13, 43, 94),
    Rgb(136, 34, 85),
    Rgb(68, 119, 170),
    Rgb(153, 153, 51),
];

pub fn case_color(i: usize) -> Rgb {
    CASES[i % CASES.len()]
}
