//! `emograph compare`: before against after a redesign. Two sheets (each
//! read as `plot` reads one: cases or a pattern summary), or one sheet whose
//! version column (or `--by-column`) holds both versions. The comparison is
//! made in `analysis::compare`, reported by `report::compare`, drawn by
//! `chart::compare`.

use std::path::Path;

use anyhow::Result;

use crate::analysis::compare::{compare, significantly_worse, CompareOptions, Side};
use crate::chart::compare::{figure, SideSteps};
use crate::cli::{CompareArgs, ReportFormatArg};
use crate::error::{quote, InputError, Location, UsageError, WorseAfter};
use crate::figure::emotion::title_from_path;
use crate::model::group::{split, Group, NO_VALUE};
use crate::model::{Case, Dataset, Sheet};
use crate::output::{Job, Plan, Target};
use crate::report::{self, ReportFormat};

/// Plan the comparison's report and graph; with `--fail-if-worse`, what is
/// significantly worse after is returned for the caller to report once
/// everything is written.
pub fn plan(args: &CompareArgs, plan: &mut Plan) -> Result<Option<WorseAfter>> {
    let mut setup = super::setup(&args.read, &args.analysis)?;
    // Flag errors before reading: a usage error should cost nothing.
    let graph = match &args.output {
        Some(p) => Some((p.as_path(), super::image_format(p, None)?)),
        None => None,
    };
    let format = report_format(args)?;
    super::graph_and_report_apart(args.output.as_deref(), args.report.as_deref())?;
    if args.after.is_some() && (args.versions.is_some() || args.by_column.is_some()) {
        return Err(UsageError(
            "--versions and --by-column pick two versions out of one sheet; with two sheets, each sheet is one version"
                .to_string(),
        )
        .into());
    }
    let options = CompareOptions {
        pattern: (&args.pattern).into(),
        alpha: args.alpha,
    };

    if let Some(column) = &args.by_column {
        super::group_kind(column)?;
    }
    let first = crate::input::load_sheet(&args.before, &setup.options)?;
    warn(plan, &first);
    // A sheet with a scale of its own (a Mermaid journey: 1..5) sets it.
    setup.follow(super::scale_of(&first), &args.analysis)?;
    let (scale, t) = (setup.scale, setup.thresholds);
    let second = match &args.after {
        Some(after) => {
            let sheet = crate::input::load_sheet(after, &setup.options)?;
            warn(plan, &sheet);
            Some(sheet)
        }
        None => None,
    };

    let comparison;
    let steps: (SideSteps, SideSteps);
    match &second {
        Some(second) => {
            let labels = match &args.labels {
                Some((a, b)) => (a.clone(), b.clone()),
                None => (
                    file_label(&args.before),
                    file_label(args.after.as_deref().unwrap_or("")),
                ),
            };
            let (all_first, all_second): (Vec<&Case>, Vec<&Case>) = (cases(&first), cases(second));
            let before = side(&labels.0, &first, &all_first);
            let after = side(&labels.1, second, &all_second);
            comparison = compare(&before, &after, &t, &options)?;
            steps = (side_steps(&first), side_steps(second));
        }
        None => {
            let ds = match &first {
                Sheet::Cases(ds) => ds,
                Sheet::Summary(s) => {
                    return Err(InputError::new(
                        Location::file(&s.source.name),
                        "a pattern summary holds one version".to_string(),
                        "two summaries (compare BEFORE AFTER), or a sheet of cases with a version column",
                    )
                    .into())
                }
            };
            let (old, new) = pick_versions(ds, args)?;
            let labels = match &args.labels {
                Some((a, b)) => (a.clone(), b.clone()),
                None => (old.name.clone(), new.name.clone()),
            };
            let before = Side::cases(&labels.0, ds, &old.cases);
            let after = Side::cases(&labels.1, ds, &new.cases);
            comparison = compare(&before, &after, &t, &options)?;
            steps = (side_steps(&first), side_steps(&first));
        }
    }
    plan.warn(&args.before, &comparison.warnings);

    let built = report::compare::build(&comparison, &t);
    let mut bytes = Vec::new();
    report::exporter(format).compare(&built, &mut bytes)?;
    let out = args.report.as_deref().unwrap_or(Path::new("-"));
    plan.push(Job::bytes(Target::named(out), bytes));

    if let Some((path, image)) = graph {
        // The language follows the step names of both sheets; two sheets'
        // title names both.
        let own = match (&second, &first) {
            (None, Sheet::Cases(ds)) => ds.source.title.as_deref(),
            _ => None,
        };
        let names = super::step_names(&first).chain(second.iter().flat_map(super::step_names));
        let mut opts = super::chart_options(&args.image, &args.before, own, names);
        if let (Some(after), None) = (&args.after, &args.image.title) {
            opts.title = format!(
                "{} {} {}",
                title_from_path(&args.before, opts.lang),
                opts.direction.arrow(),
                title_from_path(after, opts.lang)
            );
        }
        let fig = figure(
            &comparison,
            steps.0,
            steps.1,
            scale,
            args.pattern.band.into(),
            &t,
            &opts,
        );
        plan.push(Job::picture(Target::named(path), fig, image));
    }

    let worse = significantly_worse(&comparison);
    Ok((args.fail_if_worse && !worse.is_empty())
        .then(|| WorseAfter(worse.iter().map(|w| w.to_string()).collect())))
}

/// `--format`, else from `--report`'s extension (`.json`, `.csv`, else a table).
fn report_format(args: &CompareArgs) -> Result<ReportFormat, UsageError> {
    if let Some(f) = args.format {
        return Ok(f.into());
    }
    let ext = args
        .report
        .as_deref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    Ok(match ext.as_deref() {
        Some("json") => ReportFormatArg::Json,
        Some("csv") => ReportFormatArg::Csv,
        _ => ReportFormatArg::Table,
    }
    .into())
}

fn warn(plan: &mut Plan, sheet: &Sheet) {
    let warnings = match sheet {
        Sheet::Cases(ds) => &ds.warnings,
        Sheet::Summary(s) => &s.warnings,
    };
    plan.warn(super::source_name(sheet), warnings);
}

/// A side's label from its file name: `as-is.csv` → `as-is`.
fn file_label(path: &str) -> String {
    if path == "-" {
        return "<stdin>".to_string();
    }
    Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .unwrap_or(path)
        .to_string()
}

fn cases(sheet: &Sheet) -> Vec<&Case> {
    match sheet {
        Sheet::Cases(ds) => ds.cases.iter().collect(),
        Sheet::Summary(_) => Vec::new(),
    }
}

fn side<'a>(label: &'a str, sheet: &'a Sheet, cases: &'a [&'a Case]) -> Side<'a> {
    match sheet {
        Sheet::Cases(ds) => Side::cases(label, ds, cases),
        Sheet::Summary(s) => Side::summary(label, s),
    }
}

fn side_steps(sheet: &Sheet) -> SideSteps<'_> {
    match sheet {
        Sheet::Cases(ds) => SideSteps {
            steps: &ds.steps,
            strings: &ds.strings,
        },
        Sheet::Summary(s) => SideSteps {
            steps: &s.steps,
            strings: &s.strings,
        },
    }
}

/// The two groups to compare out of one sheet: by the version column (or
/// `--by-column`), the two named by `--versions`, else the only two there
/// are, in order of first appearance. Cases without a value are left out.
fn pick_versions<'a>(ds: &'a Dataset, args: &CompareArgs) -> Result<(Group<'a>, Group<'a>)> {
    let column = args.by_column.as_deref().unwrap_or("version");
    if args.by_column.is_none() && !ds.columns.version {
        // Say how to give two versions instead.
        return Err(UsageError(format!(
            "{} has one version of the journey (no version column): give two sheets, compare BEFORE AFTER, or add a version column",
            ds.source.name
        ))
        .into());
    }
    let by = super::group_by(column, ds)?;
    let groups: Vec<Group> = split(ds, by)
        .into_iter()
        .filter(|g| g.name != NO_VALUE)
        .collect();
    let found = || {
        groups
            .iter()
            .map(|g| quote(&g.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let location = Location::file(&ds.source.name);
    match &args.versions {
        Some((old, new)) => {
            if old == new {
                return Err(UsageError(format!(
                    "--versions names {} twice: expected two different values",
                    quote(old)
                ))
                .into());
            }
            for v in [old, new] {
                if !groups.iter().any(|g| g.name == *v) {
                    return Err(InputError::new(
                        location,
                        format!("the {column} column has no value {}", quote(v)),
                        format!("one of the values found: {}", found()),
                    )
                    .into());
                }
            }
            let mut groups = groups;
            let mut take = |name: &str| {
                let i = groups
                    .iter()
                    .position(|g| g.name == name)
                    .expect("checked above");
                groups.remove(i)
            };
            let a = take(old);
            let b = take(new);
            Ok((a, b))
        }
        None if groups.len() == 2 => {
            let mut it = groups.into_iter();
            let a = it.next().expect("two groups");
            let b = it.next().expect("two groups");
            Ok((a, b))
        }
        None => Err(InputError::new(
            location,
            format!(
                "the {column} column has {} value{}: {}",
                groups.len(),
                if groups.len() == 1 { "" } else { "s" },
                found()
            ),
            "exactly two, or --versions OLD,NEW to pick two",
        )
        .into()),
    }
}
