//! `emograph plot`: the emotion graph as SVG or PNG. One case: its curve
//! with the marks of its analysis. Several cases: their typical pattern
//! (or each case's line with `--no-pattern` or `--x time`). A summary: its
//! pattern. What to draw is decided in `chart::plot`.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::PlotArgs;
use crate::error::UsageError;
use crate::figure::emotion::ChartOptions;
use crate::output::{Job, Plan, Target};
use crate::render::Format;

pub fn plan(args: &PlotArgs, plan: &mut Plan) -> Result<()> {
    let (output, format) = output_and_format(args)?;
    let setup = super::setup(&args.input.read, &args.analysis)?;
    let choices = super::plot_choices(&args.pattern, !args.no_pattern);
    let sheet = super::load_sheet(&args.input, &setup.options, plan)?;
    let opts = ChartOptions {
        width: args.image.width,
        height: args.image.height,
        title: super::title(&args.image, &args.input.input),
        x: args.x_axis.into(),
        marks: !args.no_marks,
        lang: crate::figure::Lang::En,
    };
    let mut chart = crate::chart::plot(&sheet, setup.scale, &setup.thresholds, &choices, &opts)?;
    if !args.notes {
        chart.figure.notes.clear();
    }
    plan.warn(super::source_name(&sheet), &chart.warnings);
    plan.push(
        Job::picture(Target::named(&output), chart.figure, format)
            .announced(format!(" ({})", chart.description)),
    );
    Ok(())
}

/// The output path and format: `-o` and `--format` when given, otherwise
/// from each other, otherwise a PNG named after the input.
fn output_and_format(args: &PlotArgs) -> Result<(PathBuf, Format), UsageError> {
    let flag = args.format.map(Format::from);
    match &args.output {
        Some(p) => Ok((p.clone(), super::image_format(p, flag)?)),
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
