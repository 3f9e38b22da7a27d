//! `emograph plot`: the emotion graph as SVG or PNG. One case: its curve
//! with the marks of its analysis. Several cases: their typical pattern
//! (or each case's line with `--no-pattern` or `--x time`). A summary: its pattern.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{ImageFormat, PlotArgs, XAxisArg};
use crate::error::UsageError;
use crate::figure::emotion::{self, ChartOptions, XMode};
use crate::model::Sheet;
use crate::render::{self, Format};

pub fn run(args: &PlotArgs) -> Result<()> {
    let (output, format) = output_and_format(args)?;
    let setup = super::setup(&args.input, &args.analysis)?;
    let (scale, t) = (setup.scale, setup.thresholds);
    let o = super::pattern::options(&args.pattern);
    let sheet = super::load_sheet(&args.input, &setup.options)?;
    let title = super::title(&args.image, &args.input.input);
    let x = match args.x_axis {
        XAxisArg::Steps => XMode::Steps,
        XAxisArg::Time => XMode::Time,
    };
    let opts = ChartOptions {
        width: args.image.width,
        height: args.image.height,
        title,
        x,
        marks: !args.no_marks,
        lang: crate::figure::Lang::En,
    };
    let (fig, what) = match &sheet {
        Sheet::Summary(s) => {
            if x == XMode::Time {
                return Err(UsageError(
                    "--x time needs cases with times; a summary has none".to_string(),
                )
                .into());
            }
            let made = super::pattern::of_summary(s, &t, &o)?;
            let fig = super::pattern::chart(&made, scale, &args.pattern, &t, &opts);
            (
                fig,
                format!("pattern of {} steps", made.pattern.steps.len()),
            )
        }
        Sheet::Cases(ds) if ds.cases.len() > 1 && !args.no_pattern && x == XMode::Steps => {
            let made = super::pattern::of_cases(ds, ds.cases.iter().collect(), None, &t, &o);
            let fig = super::pattern::chart(&made, scale, &args.pattern, &t, &opts);
            (
                fig,
                format!(
                    "typical pattern of {} cases, {} steps",
                    ds.cases.len(),
                    made.pattern.steps.len()
                ),
            )
        }
        Sheet::Cases(ds) => {
            let analyses = super::analyze_all(ds, &t);
            let fig = emotion::build(ds, &analyses, &t, &opts)?;
            let n = ds.cases.len();
            (
                fig,
                format!(
                    "{n} case{}, {} steps",
                    if n == 1 { "" } else { "s" },
                    ds.steps.len()
                ),
            )
        }
    };
    let bytes = render::render(&fig, format)?;
    crate::output::write(&output, &bytes)?;
    if output.as_os_str() != "-" {
        eprintln!("wrote {} ({what})", output.display());
    }
    Ok(())
}

/// The image format of `path`: `--format` when given, else its extension.
pub fn format_of(path: &Path, flag: Option<Format>) -> Result<Format, UsageError> {
    if let Some(f) = flag {
        return Ok(f);
    }
    if path.as_os_str() == "-" {
        return Ok(Format::Svg);
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        _ => Err(UsageError(format!(
            "cannot tell the image format of {}: expected a name ending in .svg or .png, or --format svg|png",
            path.display()
        ))),
    }
}

/// The output path and format: `-o` and `--format` when given, otherwise
/// from each other, otherwise a PNG named after the input.
fn output_and_format(args: &PlotArgs) -> Result<(PathBuf, Format), UsageError> {
    let flag = args.format.map(|f| match f {
        ImageFormat::Svg => Format::Svg,
        ImageFormat::Png => Format::Png,
    });
    match &args.output {
        Some(p) => Ok((p.clone(), format_of(p, flag)?)),
        None => {
            if args.input.input == "-" {
                return Err(UsageError(
                    "reading standard input needs -o FILE (or -o - for SVG on standard output)"
                        .to_string(),
                ));
            }
            let f = flag.unwrap_or(Format::Png);
            let stem = Path::new(&args.input.input)
                .file_stem()
                .map(|s| s.to_os_string())
                .unwrap_or_else(|| "emotion-graph".into());
            let mut name = PathBuf::from(stem);
            name.set_extension(if f == Format::Svg { "svg" } else { "png" });
            Ok((name, f))
        }
    }
}
