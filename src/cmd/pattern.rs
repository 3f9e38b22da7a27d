//! `emograph pattern`: the typical pattern of many cases, as a report and
//! optionally a graph. Also the pattern pieces `plot` uses.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::analysis::pattern::{self, Pattern, PatternOptions, Stat};
use crate::analysis::Thresholds;
use crate::cli::{BandArg, CasesArg, PatternArgs, PatternCmdArgs, StatArg};
use crate::error::{quote, InputError, Location, UsageError};
use crate::figure::emotion::{ChartOptions, XMode};
use crate::figure::pattern::{BandKind, CaseLines, PatternChart};
use crate::figure::Figure;
use crate::input::columns::{role_of, Role};
use crate::model::{Case, Dataset, Interner, Scale, Sheet, Step, SummarySheet};
use crate::report::pattern::{GroupReport, GroupsReport};
use crate::report::{self, PatternOutput};

/// Pattern options from the flags.
pub fn options(args: &PatternArgs) -> PatternOptions {
    PatternOptions {
        stat: match args.stat {
            StatArg::Median => Stat::Median,
            StatArg::Mean => Stat::Mean,
        },
        risk: args.risk,
    }
}

/// One pattern with what it was made from.
pub struct Made<'a> {
    pub group: Option<String>,
    pub pattern: Pattern,
    pub steps: &'a [Step],
    pub strings: &'a Interner,
    pub cases: Vec<&'a Case>,
}

/// The pattern of the given cases, warning about steps nobody has a value at.
pub fn of_cases<'a>(
    ds: &'a Dataset,
    cases: Vec<&'a Case>,
    group: Option<String>,
    t: &Thresholds,
    o: &PatternOptions,
) -> Made<'a> {
    let pattern = pattern::from_cases(&cases, ds.steps.len(), t, o);
    if !pattern.empty_steps.is_empty() {
        let names: Vec<String> = pattern
            .empty_steps
            .iter()
            .map(|&i| quote(&ds.steps[i].name))
            .collect();
        let within = group
            .as_ref()
            .map(|g| format!(" in {}", quote(g)))
            .unwrap_or_default();
        eprintln!(
            "warning: {}: left out of the pattern{within}, with no feeling in any case: {}",
            ds.source.name,
            names.join(", ")
        );
    }
    Made {
        group,
        pattern,
        steps: &ds.steps,
        strings: &ds.strings,
        cases,
    }
}

/// The pattern a summary file describes.
pub fn of_summary<'a>(
    s: &'a SummarySheet,
    t: &Thresholds,
    o: &PatternOptions,
) -> Result<Made<'a>, InputError> {
    let figures: Vec<_> = s.figures.iter().copied().enumerate().collect();
    let pattern = pattern::from_figures(&figures, t, o).map_err(|step| {
        InputError::new(
            Location::file(&s.source.name),
            format!(
                "--stat mean needs each step's mean, and step {} has none",
                quote(&s.steps[step].name)
            ),
            "a mean column with a value in every row",
        )
        .with_hint("leave out --stat mean to draw the median")
    })?;
    Ok(Made {
        group: None,
        pattern,
        steps: &s.steps,
        strings: &s.strings,
        cases: Vec::new(),
    })
}

/// Cases grouped by the text of a case column (`segment` or `version`), in
/// order of first appearance; cases without a value form a group of their own.
fn groups(ds: &Dataset, by: Role) -> Vec<(String, Vec<&Case>)> {
    let mut out: Vec<(String, Vec<&Case>)> = Vec::new();
    for case in &ds.cases {
        let sym = match by {
            Role::Version => case.version,
            _ => case.segment,
        };
        let name = sym
            .map(|s| ds.text(s).to_string())
            .unwrap_or_else(|| "(none)".to_string());
        match out.iter_mut().find(|(g, _)| *g == name) {
            Some((_, v)) => v.push(case),
            None => out.push((name, vec![case])),
        }
    }
    out
}

/// The column `--by` names, if it is one cases can be grouped by.
fn by_role(by: &str, ds: &Dataset) -> Result<Role, UsageError> {
    let role = role_of(by).filter(|r| matches!(r, Role::Segment | Role::Version));
    let Some(role) = role else {
        return Err(UsageError(format!(
            "--by {}: expected segment or version (a column that describes a whole case)",
            quote(by)
        )));
    };
    let present = match role {
        Role::Version => ds.columns.version,
        _ => ds.columns.segment,
    };
    if !present {
        return Err(UsageError(format!(
            "--by {}: the sheet has no {} column",
            quote(by),
            role.name()
        )));
    }
    Ok(role)
}

/// Chart options shared by the pattern graph.
pub fn chart(
    made: &Made,
    scale: Scale,
    args: &PatternArgs,
    t: &Thresholds,
    opts: &ChartOptions,
) -> Figure {
    crate::figure::pattern::build(
        &PatternChart {
            steps: made.steps,
            strings: made.strings,
            scale,
            pattern: &made.pattern,
            cases: &made.cases,
            band: match args.band {
                BandArg::Iqr => BandKind::Iqr,
                BandArg::Minmax => BandKind::MinMax,
                BandArg::None => BandKind::None,
            },
            case_lines: match args.cases {
                CasesArg::Auto => CaseLines::Auto,
                CasesArg::All => CaseLines::All,
                CasesArg::None => CaseLines::None,
            },
            group: made.group.clone(),
        },
        t,
        opts,
    )
}

pub fn run(args: &PatternCmdArgs) -> Result<()> {
    let setup = super::setup(&args.input, &args.analysis)?;
    let (scale, t) = (setup.scale, setup.thresholds);
    let o = options(&args.pattern);
    // Check the graph's name before reading: a usage error should cost nothing.
    let graph = match &args.output {
        Some(p) => Some((p.as_path(), super::plot::format_of(p, None)?)),
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
    let sheet = super::load_sheet(&args.input, &setup.options)?;
    let made: Vec<Made> = match &sheet {
        Sheet::Summary(s) => {
            if args.by.is_some() {
                return Err(UsageError(
                    "--by needs a sheet of cases; a summary holds one pattern".to_string(),
                )
                .into());
            }
            vec![of_summary(s, &t, &o)?]
        }
        Sheet::Cases(ds) => match &args.by {
            Some(by) => {
                let role = by_role(by, ds)?;
                groups(ds, role)
                    .into_iter()
                    .map(|(g, cases)| of_cases(ds, cases, Some(g), &t, &o))
                    .collect()
            }
            None => vec![of_cases(ds, ds.cases.iter().collect(), None, &t, &o)],
        },
    };
    let reports: Vec<_> = made
        .iter()
        .map(|m| report::pattern::build(&m.pattern, m.steps, m.strings, &t))
        .collect();
    let output = match &args.by {
        Some(by) => PatternOutput::Groups(GroupsReport {
            by: by.as_str(),
            groups: made
                .iter()
                .zip(reports)
                .map(|(m, pattern)| GroupReport {
                    group: m.group.as_deref().unwrap_or(""),
                    pattern,
                })
                .collect(),
        }),
        None => PatternOutput::Single(Box::new(reports.into_iter().next().expect("one pattern"))),
    };
    let exporter = report::exporter(args.format.into());
    let out = args.report.as_deref().unwrap_or(Path::new("-"));
    crate::output::write_with(out, &mut |w| exporter.pattern(&output, w))?;

    if let Some((path, format)) = graph {
        let title = super::title(&args.image, &args.input.input);
        for m in &made {
            let opts = ChartOptions {
                width: args.image.width,
                height: args.image.height,
                title: title.clone(),
                x: XMode::Steps,
                marks: true,
                lang: crate::figure::Lang::En,
            };
            let fig = chart(m, scale, &args.pattern, &t, &opts);
            let target = match &m.group {
                Some(g) if made.len() > 1 => with_suffix(path, g),
                _ => path.to_path_buf(),
            };
            let bytes = crate::render::render(&fig, format)?;
            crate::output::write(&target, &bytes)?;
            if target.as_os_str() != "-" {
                eprintln!("wrote {}", target.display());
            }
        }
    }
    Ok(())
}

/// `pattern.png` and group `new` → `pattern-new.png`, with the group made
/// safe for a file name.
fn with_suffix(path: &Path, group: &str) -> PathBuf {
    let safe: String = group
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("pattern");
    let name = match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("{stem}-{safe}.{ext}"),
        None => format!("{stem}-{safe}"),
    };
    path.with_file_name(name)
}
