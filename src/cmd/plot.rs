//! `emograph plot`: the emotion graph as SVG or PNG. One case: its curve
//! with the marks of its analysis. Several cases: their typical pattern
//! (or each case's line with `--no-pattern` or `--x time`). A summary: its
//! pattern. What to draw is decided in `chart::plot`. With `-o FILE.mmd`
//! (or `--format mermaid`) the drawn line is written as a Mermaid journey
//! instead (`chart::mermaid`). With `--by`, one
//! graph per group, each drawn as `plot` draws that group alone
//! (`model::group::subset`), written by `output::batch`.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::analysis::pattern::{from_cases, PatternOptions};
use crate::cli::{ImageFormat, PlotArgs, XAxisArg};
use crate::error::UsageError;
use crate::figure::emotion::ChartOptions;
use crate::model::group::{split, steps_of, subset};
use crate::model::Sheet;
use crate::output::batch::{Batch, Group, Made};
use crate::output::{Job, Plan, Target};
use crate::render::Format;

/// What `plot` writes: a picture, or the line as a Mermaid journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    Picture(Format),
    Mermaid,
}

pub fn plan(args: &PlotArgs, plan: &mut Plan) -> Result<()> {
    plan.quiet = args.batch.quiet;
    if args.batch.by.is_some() {
        return batch(args, plan);
    }
    super::batch_dest(&args.batch, None, Format::Png, false)?;
    let (output, format) = output_and_format(args)?;
    super::refuse_input_as_output(&args.input, &[&output])?;
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

/// Whether `path` names a Mermaid file.
fn is_mermaid_name(path: &Path) -> bool {
    super::named_format(path) == Some("mermaid")
}

/// `plot --by COLUMN --out-dir DIR`: one graph per group and `index.json`.
fn batch(args: &PlotArgs, plan: &mut Plan) -> Result<()> {
    let by = args.batch.by.as_deref().unwrap_or_default();
    super::group_kind(by)?;
    let flag = args.format.and_then(ImageFormat::picture);
    let format = match &args.output {
        Some(p) if p.as_os_str() != "-" => super::image_format(p, "--format", flag)?,
        _ => flag.unwrap_or(Format::Png),
    };
    let dest = super::batch_dest(&args.batch, args.output.as_deref(), format, true)?
        .ok_or_else(|| UsageError("--by needs --out-dir DIR".to_string()))?;
    let mut setup = super::setup(&args.input.read, &args.analysis)?;
    let choices = super::plot_choices(&args.pattern, !args.no_pattern);
    let o = PatternOptions::from(&args.pattern);
    let sheet = super::load_sheet(&args.input, &setup.options, plan)?;
    setup.follow(super::scale_of(&sheet), &args.analysis)?;
    let (scale, t) = (setup.scale, setup.thresholds);
    let base = ChartOptions {
        x: args.x_axis.into(),
        marks: !args.no_marks,
        ..super::sheet_chart_options(&args.image, &args.input.input, &sheet)
    };
    let Sheet::Cases(ds) = sheet else {
        return Err(UsageError(
            "--by needs a sheet of cases; a summary holds one pattern".to_string(),
        )
        .into());
    };
    let groups = split(&ds, super::group_by(by, &ds)?);
    plan.say_warnings();
    let prefix = base.title.clone();
    let infos: Vec<Group> = groups
        .iter()
        .map(|g| Group {
            name: g.name.clone(),
            cases: g.cases.len(),
            steps: steps_of(&ds, &g.cases),
        })
        .collect();
    let batch = Batch {
        input: args.input.input.clone(),
        after: None,
        by: by.to_string(),
        graphs: dest.files,
        reports: None,
        index: dest.index,
        jobs: args.batch.jobs.map(usize::from),
        quiet: args.batch.quiet,
    };
    batch.run(&infos, |i| {
        let g = &groups[i];
        let alone = subset(&ds, &g.cases);
        let cases: Vec<_> = alone.cases.iter().collect();
        let p = from_cases(&cases, alone.steps.len(), &t, &o);
        let opts = ChartOptions {
            title: super::group_title(&prefix, &g.name),
            ..base.clone()
        };
        let chart = crate::chart::plot(&Sheet::Cases(alone), scale, &t, &choices, &opts)?;
        Ok(Made {
            figure: chart.figure,
            format,
            report: None,
            critical_dips: p.analysis.critical_dips.len(),
            prone_to_fail: p.steps.iter().filter(|s| s.risk == Some(true)).count(),
            warnings: chart.warnings,
        })
    })
}

/// The output path and format: `-o` and `--format` when given, otherwise
/// from each other, otherwise a PNG named after the input.
fn output_and_format(args: &PlotArgs) -> Result<(PathBuf, Output), UsageError> {
    let mermaid = args.format == Some(ImageFormat::Mermaid);
    let flag = args.format.and_then(ImageFormat::picture);
    match &args.output {
        Some(p) if mermaid || (args.format.is_none() && is_mermaid_name(p)) => {
            if mermaid && p.as_os_str() != "-" {
                super::format_agrees(p, "--format", "mermaid")?;
            }
            Ok((p.clone(), Output::Mermaid))
        }
        Some(p) => Ok((
            p.clone(),
            Output::Picture(super::image_format(p, "--format", flag)?),
        )),
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
