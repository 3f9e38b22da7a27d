//! `emograph pattern`: the typical pattern of many cases, as a report and
//! optionally a graph; with `--by`, one pattern (and graph) per group.
//! Patterns and their figures are built in `chart::pattern`, groups split in
//! `model::group`, group file names made in `output::target`.

use std::path::Path;

use anyhow::Result;

use crate::analysis::pattern::PatternOptions;
use crate::chart::pattern::{self, PatternStyle, PatternWithSource};
use crate::cli::PatternCmdArgs;
use crate::error::UsageError;
use crate::figure::emotion::{ChartOptions, XMode};
use crate::model::Sheet;
use crate::output::{Job, OutDir, Plan, Target};
use crate::report::pattern::{GroupReport, GroupsReport};
use crate::report::{self, PatternOutput};

pub fn plan(args: &PatternCmdArgs, plan: &mut Plan) -> Result<()> {
    let setup = super::setup(&args.input.read, &args.analysis)?;
    let (scale, t) = (setup.scale, setup.thresholds);
    let o = PatternOptions::from(&args.pattern);
    // Check the graph's name before reading: a usage error should cost nothing.
    let graph = match &args.output {
        Some(p) => Some((p.as_path(), super::image_format(p, None)?)),
        None => None,
    };
    let dash = Some(Path::new("-"));
    if args.output.as_deref() == dash && args.report.as_deref().is_none_or(|p| Some(p) == dash) {
        return Err(UsageError(
            "-o - would mix the graph with the report on standard output: add --report FILE"
                .to_string(),
        )
        .into());
    }
    if args.by.is_some() && args.output.as_deref() == dash {
        return Err(UsageError(
            "--by draws one graph per group, and -o - is standard output: give -o FILE (each group's graph goes beside it as FILE-<group>)"
                .to_string(),
        )
        .into());
    }
    let outputs: Vec<&Path> = [args.report.as_deref(), args.output.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    super::refuse_input_as_output(&args.input, &outputs)?;
    let sheet = super::load_sheet(&args.input, &setup.options, plan)?;
    let patterns: Vec<PatternWithSource> = match &sheet {
        Sheet::Summary(s) => {
            if args.by.is_some() {
                return Err(UsageError(
                    "--by needs a sheet of cases; a summary holds one pattern".to_string(),
                )
                .into());
            }
            vec![pattern::of_summary(s, &t, &o)?]
        }
        Sheet::Cases(ds) => match &args.by {
            Some(by) => pattern::of_groups(ds, super::group_by(by, ds)?, &t, &o),
            None => vec![pattern::of_cases(
                ds,
                ds.cases.iter().collect(),
                None,
                &t,
                &o,
            )],
        },
    };
    for p in &patterns {
        plan.warn(super::source_name(&sheet), &p.warnings);
    }

    let reports: Vec<_> = patterns
        .iter()
        .map(|p| report::pattern::build(&p.pattern, p.steps, p.strings, &t))
        .collect();
    let output = match &args.by {
        Some(by) => PatternOutput::Groups(GroupsReport {
            by: by.as_str(),
            groups: patterns
                .iter()
                .zip(reports)
                .map(|(p, pattern)| GroupReport {
                    group: p.group.as_deref().unwrap_or(""),
                    pattern,
                })
                .collect(),
        }),
        None => PatternOutput::Single(Box::new(reports.into_iter().next().expect("one pattern"))),
    };
    let mut bytes = Vec::new();
    let out = args.report.as_deref().unwrap_or(Path::new("-"));
    report::exporter(super::report_format(out, args.format).into()).pattern(&output, &mut bytes)?;
    plan.push(Job::bytes(Target::named(out), bytes));

    if let Some((path, format)) = graph {
        // With `--by`, `-o FILE` is short for a folder: FILE's folder,
        // FILE's stem as the prefix of each group's safe name.
        let targets = if args.by.is_some() {
            let names: Vec<&str> = patterns
                .iter()
                .map(|p| p.group.as_deref().unwrap_or(""))
                .collect();
            let targets = OutDir::beside(path).targets(&names);
            let paths: Vec<&Path> = targets.iter().map(|t| t.path()).collect();
            super::refuse_input_as_output(&args.input, &paths)?;
            targets
        } else {
            vec![Target::named(path)]
        };
        let opts = ChartOptions {
            width: args.image.width,
            height: args.image.height,
            title: super::title(&args.image, &args.input.input),
            x: XMode::Steps,
            marks: true,
            lang: crate::figure::Lang::En,
        };
        let style = PatternStyle::from(&args.pattern);
        for (p, target) in patterns.iter().zip(targets) {
            let fig = pattern::figure(p, scale, style, &t, &opts);
            plan.push(Job::picture(target, fig, format));
        }
    }
    Ok(())
}
