//! `emograph plot`: the emotion graph as SVG or PNG. One case: its curve
//! with the marks of its analysis. Several cases: their typical pattern
//! (or each case's line with `--no-pattern` or `--x time`). A summary: its
//! pattern. What to draw is decided in `chart::plot`. With `--by`, one
//! graph per group, each drawn as `plot` draws that group alone
//! (`model::group::subset`), written by `output::batch`.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::analysis::pattern::{from_cases, PatternOptions};
use crate::cli::PlotArgs;
use crate::error::UsageError;
use crate::figure::emotion::ChartOptions;
use crate::model::group::{split, steps_of, subset};
use crate::model::Sheet;
use crate::output::batch::{Batch, Group, Made};
use crate::output::{Job, Plan, Target};
use crate::render::Format;

pub fn plan(args: &PlotArgs, plan: &mut Plan) -> Result<()> {
    plan.quiet = args.batch.quiet;
    if args.batch.by.is_some() {
        return batch(args, plan);
    }
    super::batch_dest(&args.batch, None, Format::Png, false)?;
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
    let chart = crate::chart::plot(&sheet, setup.scale, &setup.thresholds, &choices, &opts)?;
    plan.warn(super::source_name(&sheet), &chart.warnings);
    plan.push(
        Job::picture(Target::named(&output), chart.figure, format)
            .announced(format!(" ({})", chart.description)),
    );
    Ok(())
}

/// `plot --by COLUMN --out-dir DIR`: one graph per group and `index.json`.
fn batch(args: &PlotArgs, plan: &mut Plan) -> Result<()> {
    let by = args.batch.by.as_deref().unwrap_or_default();
    let flag = args.format.map(Format::from);
    let format = match &args.output {
        Some(p) if p.as_os_str() != "-" => super::image_format(p, flag)?,
        _ => flag.unwrap_or(Format::Png),
    };
    let dest = super::batch_dest(&args.batch, args.output.as_deref(), format, true)?
        .ok_or_else(|| UsageError("--by needs --out-dir DIR".to_string()))?;
    let setup = super::setup(&args.input.read, &args.analysis)?;
    let choices = super::plot_choices(&args.pattern, !args.no_pattern);
    let o = PatternOptions::from(&args.pattern);
    let (scale, t) = (setup.scale, setup.thresholds);
    let sheet = super::load_sheet(&args.input, &setup.options, plan)?;
    let Sheet::Cases(ds) = sheet else {
        return Err(UsageError(
            "--by needs a sheet of cases; a summary holds one pattern".to_string(),
        )
        .into());
    };
    let groups = split(&ds, super::group_by(by, &ds)?);
    plan.say_warnings();
    let prefix = super::title(&args.image, &args.input.input);
    let base = ChartOptions {
        width: args.image.width,
        height: args.image.height,
        title: String::new(),
        x: args.x_axis.into(),
        marks: !args.no_marks,
        lang: crate::figure::Lang::En,
    };
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
