//! `emograph plot`: the emotion graph as SVG or PNG.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{ImageFormat, PlotArgs, XAxisArg};
use crate::error::UsageError;
use crate::figure::emotion::{self, ChartOptions, XMode};
use crate::render::{self, Format};

pub fn run(args: &PlotArgs) -> Result<()> {
    let (output, format) = output_and_format(args)?;
    let options = super::input_options(&args.input)?;
    let scale = options.scale.unwrap_or(crate::model::Scale::DEFAULT);
    let t = super::thresholds(&scale, &args.analysis)?;
    let ds = super::load(&args.input)?;
    let analyses = super::analyze_all(&ds, &t);
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| emotion::title_from_path(&args.input.input));
    let fig = emotion::build(
        &ds,
        &analyses,
        &t,
        &ChartOptions {
            width: args.width,
            height: args.height,
            title,
            x: match args.x_axis {
                XAxisArg::Steps => XMode::Steps,
                XAxisArg::Time => XMode::Time,
            },
            marks: !args.no_marks,
        },
    )?;
    let bytes = render::render(&fig, format)?;
    crate::output::write(&output, &bytes)?;
    if output.as_os_str() != "-" {
        eprintln!(
            "wrote {} ({} case{}, {} steps)",
            output.display(),
            ds.cases.len(),
            if ds.cases.len() == 1 { "" } else { "s" },
            ds.steps.len()
        );
    }
    Ok(())
}

/// The output path and format: `-o` and `--format` when given, otherwise
/// from each other, otherwise a PNG named after the input.
fn output_and_format(args: &PlotArgs) -> Result<(PathBuf, Format), UsageError> {
    let from_ext = |p: &Path| match p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
    {
        Some(e) if e == "svg" => Some(Format::Svg),
        Some(e) if e == "png" => Some(Format::Png),
        _ => None,
    };
    let flag = args.format.map(|f| match f {
        ImageFormat::Svg => Format::Svg,
        ImageFormat::Png => Format::Png,
    });
    match &args.output {
        Some(p) if p.as_os_str() == "-" => Ok((p.clone(), flag.unwrap_or(Format::Svg))),
        Some(p) => match (flag, from_ext(p)) {
            (Some(f), _) => Ok((p.clone(), f)),
            (None, Some(f)) => Ok((p.clone(), f)),
            (None, None) => Err(UsageError(format!(
                "cannot tell the image format of {}: expected a name ending in .svg or .png, or --format svg|png",
                p.display()
            ))),
        },
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
