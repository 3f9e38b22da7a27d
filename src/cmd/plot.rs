//! `emograph plot`: the emotion graph as SVG or PNG. One case: its curve
//! with the marks of its analysis. Several cases: their typical pattern
//! (or each case's line with `--no-pattern` or `--x time`). A summary: its
//! pattern. What to draw is decided in `chart::plot`. With `-o FILE.mmd`
//! (or `--format mermaid`) the drawn line is written as a Mermaid journey
//! instead (`chart::mermaid`).

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{ImageFormat, PlotArgs, XAxisArg};
use crate::error::UsageError;
use crate::figure::emotion::ChartOptions;
use crate::output::{Job, Plan, Target};
use crate::render::Format;

/// What `plot` writes: a picture, or the line as a Mermaid journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    Picture(Format),
    Mermaid,
}

pub fn plan(args: &PlotArgs, plan: &mut Plan) -> Result<()> {
    let (output, format) = output_and_format(args)?;
    if is_same_file(&output, Path::new(&args.input.input)) {
        return Err(UsageError(format!(
            "-o {} is the input itself: expected another name for the output",
            output.display()
        ))
        .into());
    }
    if format == Output::Mermaid && args.x_axis == XAxisArg::Time {
        return Err(UsageError(
            "--x time: a Mermaid journey has no time axis; leave out --x time to write its steps"
                .to_string(),
        )
        .into());
    }
    let mut setup = super::setup(&args.input.read, &args.analysis)?;
    let choices = super::plot_choices(&args.pattern, !args.no_pattern);
    let sheet = super::load_sheet(&args.input, &setup.options, plan)?;
    setup.follow(super::scale_of(&sheet), &args.analysis)?;
    let sheet_opts = super::sheet_chart_options(&args.image, &args.input.input, &sheet);
    let format = match format {
        Output::Picture(f) => f,
        Output::Mermaid => {
            let (text, about) = crate::chart::mermaid::journey(
                &sheet,
                setup.scale,
                &setup.thresholds,
                &choices,
                &sheet_opts.title,
            )?;
            plan.push(
                Job::bytes(Target::named(&output), text.into_bytes())
                    .announced(format!(" (Mermaid journey: {about})")),
            );
            return Ok(());
        }
    };
    let opts = ChartOptions {
        x: args.x_axis.into(),
        marks: !args.no_marks,
        ..sheet_opts
    };
    let chart = crate::chart::plot(&sheet, setup.scale, &setup.thresholds, &choices, &opts)?;
    plan.warn(super::source_name(&sheet), &chart.warnings);
    plan.push(
        Job::picture(Target::named(&output), chart.figure, format)
            .announced(format!(" ({})", chart.description)),
    );
    Ok(())
}

/// Whether writing `output` would overwrite `input` (a journey written
/// next to the journey it was read from).
fn is_same_file(output: &Path, input: &Path) -> bool {
    if output.as_os_str() == "-" || input.as_os_str() == "-" {
        return false;
    }
    match (output.canonicalize(), input.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether `path` names a Mermaid file.
fn is_mermaid_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("mmd") || e.eq_ignore_ascii_case("mermaid"))
}

/// The output path and format: `-o` and `--format` when given, otherwise
/// from each other, otherwise a PNG named after the input.
fn output_and_format(args: &PlotArgs) -> Result<(PathBuf, Output), UsageError> {
    let mermaid = args.format == Some(ImageFormat::Mermaid);
    let flag = args.format.and_then(ImageFormat::picture);
    match &args.output {
        Some(p) if mermaid || (args.format.is_none() && is_mermaid_name(p)) => {
            Ok((p.clone(), Output::Mermaid))
        }
        Some(p) => Ok((p.clone(), Output::Picture(super::image_format(p, flag)?))),
        None => {
            if args.input.input == "-" {
                return Err(UsageError(
                    "reading standard input needs -o FILE (or -o - for SVG on standard output)"
                        .to_string(),
                ));
            }
            let stem = Path::new(&args.input.input)
                .file_stem()
                .map(|s| s.to_os_string())
                .unwrap_or_else(|| "emotion-graph".into());
            let mut name = PathBuf::from(stem);
            if mermaid {
                if is_mermaid_name(Path::new(&args.input.input)) {
                    // Not over the journey it was read from.
                    let mut stem = name.into_os_string();
                    stem.push("-line");
                    name = PathBuf::from(stem);
                }
                name.set_extension("mmd");
                return Ok((name, Output::Mermaid));
            }
            let f = flag.unwrap_or(Format::Png);
            name.set_extension(if f == Format::Svg { "svg" } else { "png" });
            Ok((name, Output::Picture(f)))
        }
    }
}
