//! Colours and series styles, chosen once per picture: the figure stage
//! picks a [`Theme`] (`--theme light|dark|print`) and every colour of the
//! picture comes from it, background and ink included; the renderer draws
//! what the figure says.
//!
//! - `light` (the default): a white page; line colours are the Okabe–Ito
//!   set, which readers with any common colour-vision deficiency can tell
//!   apart; good and bad are bluish green and vermillion, not green and red.
//! - `dark`: a dark page with light ink, brighter lines and stronger zone
//!   tints, for dark slides.
//! - `print`: readable in greyscale: colours spread in lightness, and
//!   series differ by dash pattern and marker shape, not only by colour.

use super::{Dash, Shape};

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Relative lightness as a greyscale printer sees it (Rec. 709 luma), 0..255.
    pub fn luma(self) -> f64 {
        0.2126 * f64::from(self.0) + 0.7152 * f64::from(self.1) + 0.0722 * f64::from(self.2)
    }
}

/// Which theme: the `--theme` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
    Print,
}

impl ThemeName {
    pub fn theme(self) -> &'static Theme {
        match self {
            ThemeName::Light => &LIGHT,
            ThemeName::Dark => &DARK,
            ThemeName::Print => &PRINT,
        }
    }
}

/// How one series (one case's line) is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Series {
    pub color: Rgb,
    pub dash: Dash,
    /// Shape of the dots at its points.
    pub mark: Shape,
}

/// Every colour of a picture.
#[derive(Debug, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub background: Rgb,
    /// Titles, tick values, legend texts.
    pub ink: Rgb,
    /// Subtitle, phase labels, frame, notes.
    pub muted: Rgb,
    pub grid: Rgb,
    /// The neutral line and its word.
    pub neutral: Rgb,
    /// Tint of the WOW zone and the word in it.
    pub wow: Rgb,
    pub wow_text: Rgb,
    /// Tint of the frustration zone and the word in it.
    pub frustration: Rgb,
    pub frustration_text: Rgb,
    /// Opacity of the outer zones (beyond WOW, below the critical level) and
    /// of the inner ones (between them and neutral).
    pub zone_strong: f64,
    pub zone_faint: f64,
    /// Labels of steps prone to fail and their sign.
    pub alert: Rgb,
    /// The main line: one case, or the typical pattern.
    pub primary: Rgb,
    /// Line colours of several cases, in order.
    pub cases: [Rgb; 10],
    /// Whether series also differ by dash and marker shape (print).
    pub styled_series: bool,
    /// The band around a pattern, and the faint case lines behind it.
    pub band: Rgb,
    pub case_line: Rgb,
    /// Marks of the analysis.
    pub peak: Rgb,
    pub trough: Rgb,
    pub dip: Rgb,
    /// Ring of a dip flagged only by its sharp drop (not in the frustration zone).
    pub sharp: Rgb,
    pub promise: Rgb,
    /// The before/after graph.
    pub before: Rgb,
    pub after: Rgb,
    pub after_band: Rgb,
    pub better: Rgb,
    pub worse: Rgb,
}

/// Dash patterns and dot shapes of series in the print theme, combined so
/// that the first twelve series all differ.
const DASHES: [Dash; 4] = [Dash::Solid, Dash::Dashed, Dash::Dotted, Dash::LongDash];
const MARKS: [Shape; 3] = [Shape::Circle, Shape::Square, Shape::Diamond];

impl Theme {
    /// The look of the `i`-th of several case lines.
    pub fn series(&self, i: usize) -> Series {
        let color = self.cases[i % self.cases.len()];
        if self.styled_series {
            Series {
                color,
                dash: DASHES[i % DASHES.len()],
                mark: MARKS[i % MARKS.len()],
            }
        } else {
            Series {
                color,
                dash: Dash::Solid,
                mark: Shape::Circle,
            }
        }
    }
}

/// The Okabe–Ito colours (without black and yellow, which do not read as
/// lines on white), then a few darker ones.
const OKABE_ITO: [Rgb; 10] = [
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

pub const LIGHT: Theme = Theme {
    name: ThemeName::Light,
    background: Rgb(255, 255, 255),
    ink: Rgb(33, 37, 41),
    muted: Rgb(108, 117, 125),
    grid: Rgb(222, 226, 230),
    neutral: Rgb(97, 97, 97),
    wow: Rgb(0, 158, 115),
    wow_text: Rgb(0, 112, 82),
    frustration: Rgb(213, 94, 0),
    frustration_text: Rgb(176, 66, 0),
    zone_strong: 0.16,
    zone_faint: 0.05,
    alert: Rgb(176, 66, 0),
    primary: Rgb(13, 43, 94),
    cases: OKABE_ITO,
    styled_series: false,
    band: Rgb(74, 120, 181),
    case_line: Rgb(74, 120, 181),
    peak: Rgb(0, 158, 115),
    trough: Rgb(230, 159, 0),
    dip: Rgb(213, 94, 0),
    sharp: Rgb(204, 121, 167),
    promise: Rgb(94, 53, 177),
    before: Rgb(117, 117, 117),
    after: Rgb(13, 43, 94),
    after_band: Rgb(74, 120, 181),
    better: Rgb(0, 158, 115),
    worse: Rgb(213, 94, 0),
};

pub const DARK: Theme = Theme {
    name: ThemeName::Dark,
    background: Rgb(24, 26, 31),
    ink: Rgb(233, 236, 239),
    muted: Rgb(160, 168, 176),
    grid: Rgb(54, 59, 67),
    neutral: Rgb(176, 176, 176),
    wow: Rgb(0, 158, 115),
    wow_text: Rgb(92, 214, 167),
    frustration: Rgb(213, 94, 0),
    frustration_text: Rgb(255, 145, 77),
    zone_strong: 0.3,
    zone_faint: 0.1,
    alert: Rgb(255, 145, 77),
    primary: Rgb(86, 180, 233),
    cases: [
        Rgb(86, 180, 233),
        Rgb(230, 159, 0),
        Rgb(0, 178, 130),
        Rgb(204, 121, 167),
        Rgb(240, 228, 66),
        Rgb(240, 110, 30),
        Rgb(150, 200, 255),
        Rgb(220, 220, 220),
        Rgb(120, 150, 230),
        Rgb(190, 190, 90),
    ],
    styled_series: false,
    band: Rgb(86, 180, 233),
    case_line: Rgb(120, 170, 220),
    peak: Rgb(0, 190, 140),
    trough: Rgb(240, 180, 40),
    dip: Rgb(255, 120, 50),
    sharp: Rgb(230, 150, 200),
    promise: Rgb(190, 150, 255),
    before: Rgb(150, 150, 150),
    after: Rgb(86, 180, 233),
    after_band: Rgb(86, 180, 233),
    better: Rgb(0, 178, 130),
    worse: Rgb(240, 110, 30),
};

pub const PRINT: Theme = Theme {
    name: ThemeName::Print,
    background: Rgb(255, 255, 255),
    ink: Rgb(0, 0, 0),
    muted: Rgb(90, 90, 90),
    grid: Rgb(215, 215, 215),
    neutral: Rgb(60, 60, 60),
    // Light against dark, so the zones differ in grey as well as in words.
    wow: Rgb(150, 150, 150),
    wow_text: Rgb(70, 70, 70),
    frustration: Rgb(30, 30, 30),
    frustration_text: Rgb(0, 0, 0),
    zone_strong: 0.22,
    zone_faint: 0.06,
    alert: Rgb(0, 0, 0),
    primary: Rgb(0, 0, 0),
    // Lightness spread: black, mid blue, light orange, grey …; with dashes and shapes.
    cases: [
        Rgb(0, 0, 0),
        Rgb(0, 114, 178),
        Rgb(230, 159, 0),
        Rgb(110, 110, 110),
        Rgb(0, 0, 0),
        Rgb(0, 114, 178),
        Rgb(230, 159, 0),
        Rgb(110, 110, 110),
        Rgb(0, 0, 0),
        Rgb(0, 114, 178),
    ],
    styled_series: true,
    band: Rgb(120, 120, 120),
    case_line: Rgb(90, 90, 90),
    peak: Rgb(0, 0, 0),
    trough: Rgb(110, 110, 110),
    dip: Rgb(0, 0, 0),
    sharp: Rgb(100, 100, 100),
    promise: Rgb(80, 80, 80),
    before: Rgb(140, 140, 140),
    after: Rgb(0, 0, 0),
    after_band: Rgb(120, 120, 120),
    better: Rgb(190, 190, 190),
    worse: Rgb(40, 40, 40),
};

// The light theme's colours under their old names, for code that does not
// yet take them from `Figure::theme`. New code: use the figure's theme.
pub const INK: Rgb = LIGHT.ink;
pub const MUTED: Rgb = LIGHT.muted;
pub const GRID: Rgb = LIGHT.grid;
pub const WOW: Rgb = LIGHT.wow;
pub const FRUSTRATION: Rgb = LIGHT.frustration;
pub const NEUTRAL: Rgb = LIGHT.neutral;
/// The main line when one case is drawn.
pub const PRIMARY: Rgb = LIGHT.primary;
/// Line colours for several cases.
pub const CASES: [Rgb; 10] = OKABE_ITO;

pub fn case_color(i: usize) -> Rgb {
    CASES[i % CASES.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two colours a greyscale print can tell apart.
    fn apart_in_grey(a: Rgb, b: Rgb) -> bool {
        (a.luma() - b.luma()).abs() >= 40.0
    }

    #[test]
    fn print_zones_and_verdict_differ_in_grey() {
        let t = &PRINT;
        assert!(apart_in_grey(t.wow, t.frustration));
        assert!(apart_in_grey(t.better, t.worse));
        assert!(apart_in_grey(t.before, t.after));
    }

    #[test]
    fn print_series_differ_by_dash_or_shape() {
        let t = &PRINT;
        for i in 0..12 {
            for j in 0..i {
                let (a, b) = (t.series(i), t.series(j));
                assert!(
                    a.dash != b.dash || a.mark != b.mark,
                    "series {i} and {j} look the same in grey"
                );
            }
        }
        // Light and dark tell series apart by colour only.
        assert_eq!(LIGHT.series(3).dash, Dash::Solid);
    }

    #[test]
    fn dark_ink_reads_on_its_background() {
        for t in [&LIGHT, &DARK, &PRINT] {
            assert!((t.ink.luma() - t.background.luma()).abs() > 150.0);
            assert!((t.primary.luma() - t.background.luma()).abs() > 90.0);
        }
    }
}
