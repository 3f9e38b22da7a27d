//! The font embedded in the binary: DejaVu Sans (Latin, Hebrew and more),
//! regular and bold, registered with plotters once. No system font is ever
//! looked up, so the picture is the same on every machine.

use std::sync::OnceLock;

use plotters::style::{register_font, FontStyle};

/// The family name drawn with. SVG viewers get a generic family they always have.
pub const FAMILY: &str = "sans-serif";

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Register the embedded fonts; safe to call many times.
pub fn ensure_registered() -> anyhow::Result<()> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, BOLD).is_ok()
    });
    anyhow::ensure!(ok, "the embedded font could not be loaded");
    Ok(())
}
