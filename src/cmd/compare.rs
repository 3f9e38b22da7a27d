//! `emograph compare`: before against after a redesign. Two sheets (each
//! read as `plot` reads one: cases or a pattern summary), or one sheet whose
//! version column (or `--by-column`) holds both versions. The comparison is
//! made in `analysis::compare`, reported by `report::compare`, drawn by
//! `chart::compare`.

use std::path::Path;
use std::sync::Mutex;

use anyhow::Result;

use crate::analysis::compare::{compare, same_scale, significantly_worse, CompareOptions, Side};
use crate::chart::compare::{figure, SideSteps};
use crate::cli::CompareArgs;
use crate::error::{quote, InputError, Location, UsageError, WorseAfter};
use crate::figure::emotion::{title_from_path, ChartOptions};
use crate::model::group::{split, steps_of, subset, Group as Cases, NO_VALUE};
use crate::model::{Case, Dataset, Sheet};
use crate::output::batch::{Batch, Group, Made};
use crate::output::{Job, Plan, Target};
use crate::render::Format;
use crate::report::{self, ReportFormat};

/// Plan the comparison's report and graph; with `--fail-if-worse`, what is
/// significantly worse after is returned for the caller to report once
/// everything is written.
pub fn plan(args: &CompareArgs, plan: &mut Plan) -> Result<Option<WorseAfter>> {
    plan.quiet = args.batch.quiet;
    if args.batch.by.is_some() {
        return batch(args, plan);
    }
    super::batch_dest(&args.batch, None, Format::Png, false)?;
    let mut setup = super::setup(&args.read, &args.analysis)?;
    // Flag errors before reading: a usage error should cost nothing.
    let graph_flag = graph_flag(args)?;
    let graph = match &args.output {
        Some(p) => Some((
            p.as_path(),
            super::image_format(p, "--graph-format", graph_flag)?,
        )),
        None => None,
    };
    let format: ReportFormat = super::report_format(
        args.report.as_deref().unwrap_or(Path::new("-")),
        args.format,
    )
    .into();
    super::graph_and_report_apart(args.output.as_deref(), args.report.as_deref())?;
    check_sides(args)?;
    let options = compare_options(args);

    if let Some(column) = &args.by_column {
        super::group_kind(column)?;
    }
    let (first, second) = load_sides(args, &mut setup, plan)?;
    let (scale, t) = (setup.scale, setup.thresholds);

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
        let opts = graph_options(args, &first, second.as_ref());
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

/// The graph's chart options: the language follows the step names of both
/// sheets; two sheets' title names both (`as-is → to-be`).
fn graph_options(args: &CompareArgs, first: &Sheet, second: Option<&Sheet>) -> ChartOptions {
    let own = match (second, first) {
        (None, Sheet::Cases(ds)) => ds.source.title.as_deref(),
        _ => None,
    };
    let names = super::step_names(first).chain(second.into_iter().flat_map(super::step_names));
    let mut opts = super::chart_options(&args.image, &args.before, own, names);
    if let (Some(after), None) = (&args.after, &args.image.title) {
        opts.title = format!(
            "{} {} {}",
            title_from_path(&args.before, opts.lang),
            opts.direction.arrow(),
            title_from_path(after, opts.lang)
        );
    }
    opts
}

/// `--graph-format`, when given: a picture format (Mermaid is refused).
fn graph_flag(args: &CompareArgs) -> Result<Option<Format>, UsageError> {
    match args.graph_format {
        Some(f) => f.picture().map(Some).ok_or_else(|| {
            UsageError("--graph-format mermaid: compare draws pictures (svg or png)".to_string())
        }),
        None => Ok(None),
    }
}

/// `--versions` and `--by-column` pick versions out of one sheet.
fn check_sides(args: &CompareArgs) -> Result<(), UsageError> {
    if args.after.is_some() && (args.versions.is_some() || args.by_column.is_some()) {
        return Err(UsageError(
            "--versions and --by-column pick two versions out of one sheet; with two sheets, each sheet is one version"
                .to_string(),
        ));
    }
    Ok(())
}

fn compare_options(args: &CompareArgs) -> CompareOptions {
    CompareOptions {
        pattern: (&args.pattern).into(),
        alpha: args.alpha,
    }
}

/// Read BEFORE (and AFTER, when given) with the reading flags; a sheet
/// with a scale of its own (a Mermaid journey: 1..5) sets the scale and the
/// thresholds on it. Each sheet's warnings go to the plan.
fn load_sides(
    args: &CompareArgs,
    setup: &mut super::Setup,
    plan: &mut Plan,
) -> Result<(Sheet, Option<Sheet>)> {
    let first = crate::input::load_sheet(&args.before, &setup.options)?;
    warn(plan, &first);
    setup.follow(super::scale_of(&first), &args.analysis)?;
    let second = match &args.after {
        Some(after) => {
            let sheet = crate::input::load_sheet(after, &setup.options)?;
            warn(plan, &sheet);
            Some(sheet)
        }
        None => None,
    };
    Ok((first, second))
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
fn pick_versions<'a>(ds: &'a Dataset, args: &CompareArgs) -> Result<(Cases<'a>, Cases<'a>)> {
    let column = args.by_column.as_deref().unwrap_or("version");
    if args.by_column.is_none() && !ds.columns.version {
        // Say how to give two versions instead.
        return Err(UsageError(format!(
            "{} has one version of the journey (no version column): give two sheets (compare BEFORE AFTER), add a version column, or compare on another column with --by-column COLUMN",
            ds.source.name
        ))
        .into());
    }
    let by = super::group_by(column, ds)?;
    let groups: Vec<Cases> = split(ds, by)
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

/// The column whose values are the versions (one sheet).
fn version_column(args: &CompareArgs) -> &str {
    args.by_column.as_deref().unwrap_or("version")
}

/// The cases of one group on each side: one sheet's group split by
/// version, or each sheet's cases of the group (`None`: the sheet has none).
enum Pair<'a> {
    Versions(Vec<&'a Case>),
    Sheets(Option<Vec<&'a Case>>, Option<Vec<&'a Case>>),
}

/// The names of the steps `cases` went through.
fn used_steps<'a>(ds: &'a Dataset, cases: &[&Case]) -> Vec<&'a str> {
    let mut used = vec![false; ds.steps.len()];
    for c in cases {
        for p in &c.points {
            used[p.step as usize] = true;
        }
    }
    ds.steps
        .iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(s, _)| s.name.as_str())
        .collect()
}

/// `compare … --by COLUMN --out-dir DIR`: before against after within each
/// group of cases, one graph and one report per group, and `index.json`.
fn batch(args: &CompareArgs, plan: &mut Plan) -> Result<Option<WorseAfter>> {
    let by = args.batch.by.as_deref().unwrap_or_default();
    let graph_flag = graph_flag(args)?;
    let graph_format = match &args.output {
        Some(p) if p.as_os_str() != "-" => super::image_format(p, "--graph-format", graph_flag)?,
        _ => graph_flag.unwrap_or(Format::Png),
    };
    let dest = super::batch_dest(&args.batch, args.output.as_deref(), graph_format, true)?
        .ok_or_else(|| UsageError("--by needs --out-dir DIR".to_string()))?;
    if args.report.is_some() {
        return Err(UsageError(format!(
            "--by {} writes each group's report beside its graph: leave out --report (--format picks the reports' format)",
            quote(by)
        ))
        .into());
    }
    check_sides(args)?;
    let format: ReportFormat = super::report_format(Path::new("-"), args.format).into();
    let ext = format.extension();
    let mut setup = super::setup(&args.read, &args.analysis)?;
    let options = compare_options(args);

    let (first, second) = load_sides(args, &mut setup, plan)?;
    let (scale, t) = (setup.scale, setup.thresholds);
    let of_cases = |sheet: &'_ Sheet| -> Result<()> {
        match sheet {
            Sheet::Cases(_) => Ok(()),
            Sheet::Summary(s) => Err(UsageError(format!(
                "--by needs sheets of cases: {} is a pattern summary, which holds one pattern",
                s.source.name
            ))
            .into()),
        }
    };
    of_cases(&first)?;
    if let Some(s) = &second {
        of_cases(s)?;
        // Before anything is written, not once per group.
        same_scale(
            (super::source_name(&first), super::scale_of(&first)),
            (super::source_name(s), super::scale_of(s)),
        )?;
    }
    let base = graph_options(args, &first, second.as_ref());
    let Sheet::Cases(ds) = &first else {
        unreachable!("checked above")
    };

    // The groups, each with its cases on both sides.
    let mut names: Vec<String> = Vec::new();
    let mut pairs: Vec<Pair> = Vec::new();
    let mut infos: Vec<Group> = Vec::new();
    let labels: (String, String);
    let mut version_by = None;
    match &second {
        None => {
            let (old, new) = pick_versions(ds, args)?;
            let vb = super::group_by(version_column(args), ds)?;
            let gb = super::group_by(by, ds)?;
            if gb == vb {
                return Err(UsageError(format!(
                    "--by {}: each group would hold one version; --by names the column to group by (e.g. segment), --by-column the column that holds the versions",
                    quote(by)
                ))
                .into());
            }
            labels = match &args.labels {
                Some((a, b)) => (a.clone(), b.clone()),
                None => (old.name.clone(), new.name.clone()),
            };
            version_by = Some((vb, old.name.clone(), new.name.clone()));
            for g in split(ds, gb) {
                // Only the cases of the two versions compared.
                let cases: Vec<&Case> = g
                    .cases
                    .iter()
                    .copied()
                    .filter(|c| {
                        vb.text(ds, c)
                            .is_some_and(|v| v == old.name || v == new.name)
                    })
                    .collect();
                infos.push(Group {
                    name: g.name.clone(),
                    cases: cases.len(),
                    steps: steps_of(ds, &cases),
                });
                names.push(g.name);
                pairs.push(Pair::Versions(cases));
            }
        }
        Some(Sheet::Cases(other)) => {
            labels = match &args.labels {
                Some((a, b)) => (a.clone(), b.clone()),
                None => (
                    file_label(&args.before),
                    file_label(args.after.as_deref().unwrap_or("")),
                ),
            };
            let ga = split(ds, super::group_by(by, ds)?);
            let mut gb = split(other, super::group_by(by, other)?);
            for g in ga {
                let twin = gb
                    .iter()
                    .position(|h| h.name == g.name)
                    .map(|i| gb.remove(i).cases);
                names.push(g.name);
                pairs.push(Pair::Sheets(Some(g.cases), twin));
            }
            for h in gb {
                names.push(h.name);
                pairs.push(Pair::Sheets(None, Some(h.cases)));
            }
            for (name, pair) in names.iter().zip(&pairs) {
                let Pair::Sheets(a, b) = pair else {
                    continue;
                };
                let mut steps: Vec<&str> = Vec::new();
                let mut cases = 0;
                if let Some(a) = a {
                    steps.extend(used_steps(ds, a));
                    cases += a.len();
                }
                if let Some(b) = b {
                    steps.extend(used_steps(other, b));
                    cases += b.len();
                }
                steps.sort_unstable();
                steps.dedup();
                infos.push(Group {
                    name: name.clone(),
                    cases,
                    steps: steps.len(),
                });
            }
        }
        Some(Sheet::Summary(_)) => unreachable!("checked above"),
    }
    plan.say_warnings();

    let batch = Batch {
        input: args.before.clone(),
        after: args.after.clone(),
        by: by.to_string(),
        reports: Some(dest.files.with_extension(ext)),
        graphs: dest.files,
        index: dest.index,
        jobs: args.batch.jobs.map(usize::from),
        quiet: args.batch.quiet,
    };
    if let Some(after) = &args.after {
        // A group file must not be the second sheet either.
        let mut targets = batch.graphs.targets(&names);
        targets.extend(batch.reports.iter().flat_map(|r| r.targets(&names)));
        let paths: Vec<&Path> = targets.iter().map(|t| t.path()).collect();
        crate::output::refuse_input_as_output(&[Path::new(after)], &paths)?;
    }

    let worse: Mutex<Vec<Vec<String>>> = Mutex::new(vec![Vec::new(); names.len()]);
    let run = batch.run(&infos, |i| {
        let name = &names[i];
        let (alone_a, alone_b, cases_a, cases_b);
        let (before, after, steps) = match (&pairs[i], &second, &version_by) {
            (Pair::Versions(cases), _, Some((vb, old, new))) => {
                alone_a = subset(ds, cases);
                let mut old_cases = Vec::new();
                let mut new_cases = Vec::new();
                for c in &alone_a.cases {
                    match vb.text(&alone_a, c) {
                        Some(v) if v == old => old_cases.push(c),
                        Some(v) if v == new => new_cases.push(c),
                        _ => {}
                    }
                }
                for (v, cases) in [(old, &old_cases), (new, &new_cases)] {
                    if cases.is_empty() {
                        anyhow::bail!(
                            "the group has no cases of version {} — expected cases of both {} and {}",
                            quote(v),
                            quote(old),
                            quote(new)
                        );
                    }
                }
                (cases_a, cases_b) = (old_cases, new_cases);
                let steps = side_steps_of(&alone_a);
                (
                    Side::cases(&labels.0, &alone_a, &cases_a),
                    Side::cases(&labels.1, &alone_a, &cases_b),
                    (steps, steps),
                )
            }
            (Pair::Sheets(a, b), Some(Sheet::Cases(other)), _) => {
                let after_name = args.after.as_deref().unwrap_or("");
                let (a, b) = match (a, b) {
                    (Some(a), Some(b)) => (a, b),
                    (Some(_), None) => anyhow::bail!(
                        "the group is only in {}: {} has no cases in it — expected the group in both sheets",
                        args.before,
                        after_name
                    ),
                    _ => anyhow::bail!(
                        "the group is only in {}: {} has no cases in it — expected the group in both sheets",
                        after_name,
                        args.before
                    ),
                };
                alone_a = subset(ds, a);
                alone_b = subset(other, b);
                cases_a = alone_a.cases.iter().collect();
                cases_b = alone_b.cases.iter().collect();
                (
                    Side::cases(&labels.0, &alone_a, &cases_a),
                    Side::cases(&labels.1, &alone_b, &cases_b),
                    (side_steps_of(&alone_a), side_steps_of(&alone_b)),
                )
            }
            _ => unreachable!("pairs follow the input form"),
        };
        let comparison = compare(&before, &after, &t, &options)?;
        let built = report::compare::build(&comparison, &t);
        let mut bytes = Vec::new();
        report::exporter(format).compare(&built, &mut bytes)?;
        let opts = ChartOptions {
            title: super::group_title(&base.title, name),
            ..base.clone()
        };
        let fig = figure(
            &comparison,
            steps.0,
            steps.1,
            scale,
            args.pattern.band.into(),
            &t,
            &opts,
        );
        let found: Vec<String> = significantly_worse(&comparison)
            .iter()
            .map(|w| format!("group {}: {w}", quote(name)))
            .collect();
        if !found.is_empty() {
            worse.lock().unwrap_or_else(|e| e.into_inner())[i] = found;
        }
        let p = &comparison.after.pattern;
        Ok(Made {
            figure: fig,
            format: graph_format,
            report: Some(bytes),
            critical_dips: p.analysis.critical_dips.len(),
            prone_to_fail: p.steps.iter().filter(|s| s.risk == Some(true)).count(),
            warnings: comparison.warnings,
        })
    });
    let worse: Vec<String> = worse
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect();
    let worse = (args.fail_if_worse && !worse.is_empty()).then_some(WorseAfter(worse));
    match run {
        Ok(()) => Ok(worse),
        Err(e) => {
            // A failed group wins (exit 1); what was worse is still named.
            if let Some(w) = worse {
                eprintln!("worse: {w}");
            }
            Err(e)
        }
    }
}

fn side_steps_of(ds: &Dataset) -> SideSteps<'_> {
    SideSteps {
        steps: &ds.steps,
        strings: &ds.strings,
    }
}
