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
use crate::model::Sheet;
use crate::output::batch::{Batch, Group, Made};
use crate::output::{Job, OutDir, Plan, Target};
use crate::render::Format;
use crate::report::pattern::{GroupReport, GroupsReport};
use crate::report::{self, PatternOutput, ReportFormat};

pub fn plan(args: &PatternCmdArgs, plan: &mut Plan) -> Result<()> {
    plan.quiet = args.batch.quiet;
    let mut setup = super::setup(&args.input.read, &args.analysis)?;
    let o = PatternOptions::from(&args.pattern);
    let by = args.batch.by.as_deref();
    if let Some(by) = by {
        super::group_kind(by)?;
    }
    // Check the graph's name before reading: a usage error should cost nothing.
    let graph_flag = match args.graph_format {
        Some(f) => Some(f.picture().ok_or_else(|| {
            UsageError(
                "--graph-format mermaid: pattern draws pictures (svg or png); `plot -o FILE.mmd` writes a Mermaid journey"
                    .to_string(),
            )
        })?),
        None => None,
    };
    let graph = match &args.output {
        Some(p) if !(by.is_some() && p.as_os_str() == "-") => Some((
            p.as_path(),
            super::image_format(p, "--graph-format", graph_flag)?,
        )),
        _ => None,
    };
    let dash = Some(Path::new("-"));
    if by.is_none() {
        super::graph_and_report_apart(args.output.as_deref(), args.report.as_deref())?;
    }
    if by.is_some() && args.output.as_deref() == dash {
        return Err(UsageError(
            "--by draws one graph per group, and -o - is standard output: give --out-dir DIR, or -o FILE (each group's graph goes beside it as FILE-<group>)"
                .to_string(),
        )
        .into());
    }
    let graph_format = graph.map_or(graph_flag.unwrap_or(Format::Png), |(_, f)| f);
    let dest = super::batch_dest(&args.batch, args.output.as_deref(), graph_format, false)?;
    let outputs: Vec<&Path> = [args.report.as_deref(), args.output.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    super::refuse_input_as_output(&args.input, &outputs)?;
    let sheet = super::load_sheet(&args.input, &setup.options, plan)?;
    setup.follow(super::scale_of(&sheet), &args.analysis)?;
    let (scale, t) = (setup.scale, setup.thresholds);
    let patterns: Vec<PatternWithSource> = match &sheet {
        Sheet::Summary(s) => {
            if by.is_some() {
                return Err(UsageError(
                    "--by needs a sheet of cases; a summary holds one pattern".to_string(),
                )
                .into());
            }
            vec![pattern::of_summary(s, &t, &o)?]
        }
        Sheet::Cases(ds) => match by {
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
    let per_group_reports = args.batch.out_dir.is_some();
    let mut warnings = Vec::new();
    for p in &patterns {
        warnings.extend(p.warnings.iter().cloned());
    }
    plan.warn(super::source_name(&sheet), &warnings);

    let format: ReportFormat = super::report_format(
        args.report.as_deref().unwrap_or(Path::new("-")),
        args.format,
    )
    .into();
    let reports: Vec<_> = patterns
        .iter()
        .map(|p| report::pattern::build(&p.pattern, p.steps, p.strings, &t))
        .collect();
    // With --out-dir each group's report goes beside its graph; the whole
    // report goes to --report FILE if given. Otherwise, as without --by, to
    // standard output or --report.
    if !per_group_reports || args.report.is_some() {
        let output = match by {
            Some(by) => PatternOutput::Groups(GroupsReport {
                by,
                groups: patterns
                    .iter()
                    .zip(reports.iter().cloned())
                    .map(|(p, pattern)| GroupReport {
                        group: p.group.as_deref().unwrap_or(""),
                        pattern,
                    })
                    .collect(),
            }),
            None => PatternOutput::Single(Box::new(reports[0].clone())),
        };
        let mut bytes = Vec::new();
        report::exporter(format).pattern(&output, &mut bytes)?;
        let out = args.report.as_deref().unwrap_or(Path::new("-"));
        plan.push(Job::bytes(Target::named(out), bytes));
    }

    let opts = super::sheet_chart_options(&args.image, &args.input.input, &sheet);
    let style = PatternStyle::from(&args.pattern);
    let done = match (by, dest) {
        (Some(by), Some(dest)) => {
            let ext = format.extension();
            let report_dir = per_group_reports
                .then(|| OutDir::new(dest.files.dir().to_path_buf(), "", Some(ext)));
            let infos: Vec<Group> = patterns
                .iter()
                .map(|p| Group {
                    name: p.group.clone().unwrap_or_default(),
                    cases: p.cases.len(),
                    steps: p.pattern.steps.len(),
                })
                .collect();
            let batch = Batch {
                input: args.input.input.clone(),
                after: None,
                by: by.to_string(),
                graphs: dest.files,
                reports: report_dir,
                index: dest.index,
                jobs: args.batch.jobs.map(usize::from),
                quiet: args.batch.quiet,
            };
            // A group file that would be the input is refused before the report is written.
            batch.refuse_input(&infos)?;
            // The report(s) first, then the groups.
            let jobs = std::mem::take(&mut plan.jobs);
            let mut first = Plan {
                jobs,
                quiet: plan.quiet,
                ..Plan::default()
            };
            plan.say_warnings();
            first.say_warnings();
            first.finish(Ok(()))?;
            batch.run(&infos, |i| {
                let p = &patterns[i];
                let group = p.group.as_deref().unwrap_or("");
                let opts = crate::figure::emotion::ChartOptions {
                    title: super::group_title(&opts.title, group),
                    ..opts.clone()
                };
                let figure = pattern::figure(p, scale, style, &t, &opts);
                let report = if per_group_reports {
                    let mut bytes = Vec::new();
                    let one = PatternOutput::Single(Box::new(reports[i].clone()));
                    report::exporter(format).pattern(&one, &mut bytes)?;
                    Some(bytes)
                } else {
                    None
                };
                Ok(Made {
                    figure,
                    format: graph_format,
                    report,
                    critical_dips: p.pattern.analysis.critical_dips.len(),
                    prone_to_fail: p
                        .pattern
                        .steps
                        .iter()
                        .filter(|s| s.risk == Some(true))
                        .count(),
                    warnings: Vec::new(),
                })
            })
        }
        (_, _) => {
            if let Some((path, format)) = graph {
                let fig = pattern::figure(&patterns[0], scale, style, &t, &opts);
                plan.push(Job::picture(Target::named(path), fig, format));
            }
            Ok(())
        }
    };
    super::leave_to_exit(patterns);
    super::leave_to_exit(sheet);
    done
}
