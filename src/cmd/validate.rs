//! `emograph validate`: what was understood of a sheet.

use anyhow::Result;
use serde::Serialize;

use crate::cli::{ValidateArgs, ValidateFormat};
use crate::model::{Dataset, Scale, Sheet, SourceInfo, Step, StepSummary, SummarySheet, Warning};

/// The JSON shape of `validate --format json`.
#[derive(Debug, Serialize)]
pub struct Understood<'a> {
    pub file: &'a str,
    pub usable: bool,
    pub layout: &'a str,
    pub encoding: &'a str,
    pub delimiter: String,
    pub rows: usize,
    pub cases: Vec<CaseInfo<'a>>,
    pub steps: Vec<&'a str>,
    pub skipped: usize,
    pub scale: ScaleInfo,
    /// The columns read, in the same words and order in text and JSON:
    /// `step`, `feeling` (not in a summary), then the optional ones present.
    pub columns: Vec<&'static str>,
    pub warnings: &'a [String],
    /// `csv` for delimited text, else the spreadsheet's kind (`xlsx`, `xls`, `xlsb`, `ods`).
    pub format: &'a str,
    /// The worksheet read (spreadsheet files), and the book's other worksheets.
    pub sheet: Option<&'a str>,
    pub other_sheets: &'a [String],
    /// The header's line (worksheet: row) when it is not the first row.
    pub header_row: Option<u64>,
    /// The warnings again, each with its kind.
    pub warning_details: Vec<WarningInfo<'a>>,
}

#[derive(Debug, Serialize)]
pub struct WarningInfo<'a> {
    pub kind: &'a str,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct CaseInfo<'a> {
    pub case: &'a str,
    pub steps: usize,
}

#[derive(Debug, Serialize)]
pub struct ScaleInfo {
    pub min: f64,
    pub max: f64,
    pub neutral: f64,
}

/// The parts every sheet has: source, scale, steps, warnings, and the
/// columns that are present among `columns`.
fn understood_of<'a>(
    source: &'a SourceInfo,
    scale: &Scale,
    steps: &'a [Step],
    warnings: &'a [String],
    details: &'a [Warning],
    columns: &[(&'static str, bool)],
) -> Understood<'a> {
    Understood {
        file: &source.name,
        usable: true,
        layout: source.shape.as_str(),
        encoding: &source.encoding,
        delimiter: if source.sheet.is_some() {
            String::new()
        } else {
            source.delimiter.to_string()
        },
        rows: source.rows,
        cases: Vec::new(),
        steps: steps.iter().map(|s| s.name.as_str()).collect(),
        skipped: source.skipped,
        scale: ScaleInfo {
            min: scale.min,
            max: scale.max,
            neutral: scale.neutral,
        },
        // The same list in text and JSON: the step (and feeling) columns
        // every sheet has, then those present.
        columns: std::iter::once("step")
            .chain((source.shape.as_str() != "summary").then_some("feeling"))
            .chain(
                columns
                    .iter()
                    .filter(|(_, present)| *present)
                    .map(|(name, _)| *name),
            )
            .collect(),
        warnings,
        format: source.format,
        sheet: source.sheet.as_deref(),
        other_sheets: &source.other_sheets,
        header_row: source.header_row,
        warning_details: details
            .iter()
            .map(|w| WarningInfo {
                kind: w.kind,
                text: &w.text,
            })
            .collect(),
    }
}

/// What was understood of a sheet of cases.
pub fn understood(ds: &Dataset) -> Understood<'_> {
    let c = &ds.columns;
    let columns = [
        ("case", c.case),
        ("segment", c.segment),
        ("phase", c.phase),
        ("channel", c.channel),
        ("owner", c.owner),
        ("expected", c.expected),
        ("time", c.time),
        ("note", c.note),
        ("version", c.version),
        ("order", c.order),
    ];
    let mut u = understood_of(
        &ds.source,
        &ds.scale,
        &ds.steps,
        &ds.warnings,
        &ds.warning_details,
        &columns,
    );
    u.cases = ds
        .cases
        .iter()
        .map(|c| CaseInfo {
            case: &c.name,
            steps: c.points.len(),
        })
        .collect();
    u
}

/// `N: a, b, c … and M more`, showing at most `shown` of `total` items.
fn listing(items: impl Iterator<Item = String>, total: usize, shown: usize) -> String {
    let first: Vec<String> = items.take(shown).collect();
    let more = total.saturating_sub(shown);
    let rest = if more > 0 {
        format!(" … and {more} more")
    } else {
        String::new()
    };
    format!("{total}: {}{rest}", first.join(", "))
}

fn delimiter_word(d: char) -> String {
    match d {
        '\t' => "tab".to_string(),
        ',' => "comma (,)".to_string(),
        ';' => "semicolon (;)".to_string(),
        '|' => "bar (|)".to_string(),
        other => format!("{other:?}"),
    }
}

/// What was understood of a pattern summary: its steps and which figures it gives.
pub fn understood_summary(s: &SummarySheet) -> Understood<'_> {
    let has = |pick: fn(&StepSummary) -> bool| s.figures.iter().any(pick);
    let columns = [
        ("phase", s.steps.iter().any(|st| st.phase.is_some())),
        ("n", has(|x| x.n.is_some())),
        ("mean", has(|x| x.mean.is_some())),
        ("sd", has(|x| x.sd.is_some())),
        ("median", true),
        ("p25", has(|x| x.p25.is_some())),
        ("p75", has(|x| x.p75.is_some())),
        ("min", has(|x| x.min.is_some())),
        ("max", has(|x| x.max.is_some())),
        ("critical_share", has(|x| x.critical_share.is_some())),
        (
            "below_neutral_share",
            has(|x| x.below_neutral_share.is_some()),
        ),
    ];
    understood_of(
        &s.source,
        &s.scale,
        &s.steps,
        &s.warnings,
        &s.warning_details,
        &columns,
    )
}

/// The JSON of `validate --format json` for a sheet that cannot be used:
/// scripts get an answer on standard output as well as the error on stderr.
#[derive(Debug, Serialize)]
struct Unusable<'a> {
    file: &'a str,
    usable: bool,
    error: String,
    line: Option<u64>,
    column: Option<u64>,
}

pub fn run(args: &ValidateArgs) -> Result<()> {
    let options = super::input_options(&args.input.read)?;
    let sheet = match crate::input::load_sheet(&args.input.input, &options) {
        Ok(sheet) => sheet,
        Err(e) => {
            if args.format == ValidateFormat::Json {
                let answer = Unusable {
                    file: crate::input::display_name(&args.input.input),
                    usable: false,
                    error: e.to_string(),
                    line: e.location.line(),
                    column: e.location.column(),
                };
                let mut text = serde_json::to_string_pretty(&answer)?;
                text.push('\n');
                crate::output::write(std::path::Path::new("-"), text.as_bytes())?;
            }
            return Err(e.into());
        }
    };
    let (u, delimiter) = match &sheet {
        Sheet::Cases(ds) => (understood(ds), ds.source.delimiter),
        Sheet::Summary(s) => (understood_summary(s), s.source.delimiter),
    };
    match args.format {
        ValidateFormat::Json => {
            let mut text = serde_json::to_string_pretty(&u)?;
            text.push('\n');
            crate::output::write(std::path::Path::new("-"), text.as_bytes())?;
        }
        ValidateFormat::Text => {
            let mut out = String::new();
            let line = |out: &mut String, k: &str, v: String| {
                out.push_str(&format!("{k:<10} {v}\n"));
            };
            // Quoted only when it holds a control character to show escaped.
            let quoted = crate::error::quote(u.file);
            let plain_name = quoted.len() == u.file.len() + 2 && u.file.chars().count() <= 60;
            line(
                &mut out,
                "file",
                if plain_name {
                    u.file.to_string()
                } else {
                    quoted
                },
            );
            line(
                &mut out,
                "layout",
                format!("{} ({} rows)", u.layout, u.rows),
            );
            match u.sheet {
                Some(sheet) => {
                    line(&mut out, "format", format!("{} spreadsheet", u.format));
                    let others = if u.other_sheets.is_empty() {
                        "the only sheet".to_string()
                    } else {
                        format!(
                            "other sheets: {}; choose with --sheet",
                            u.other_sheets
                                .iter()
                                .map(|n| crate::error::quote(n))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    };
                    line(
                        &mut out,
                        "sheet",
                        format!("{} ({others})", crate::error::quote(sheet)),
                    );
                }
                None => {
                    line(&mut out, "encoding", u.encoding.to_string());
                    line(&mut out, "delimiter", delimiter_word(delimiter));
                }
            }
            if let Some(n) = u.header_row {
                let word = if u.sheet.is_some() { "row" } else { "line" };
                line(&mut out, "header", format!("{word} {n}"));
            }
            line(
                &mut out,
                "scale",
                format!(
                    "{}..{}, neutral {}",
                    crate::numfmt::plain(u.scale.min),
                    crate::numfmt::plain(u.scale.max),
                    crate::numfmt::plain(u.scale.neutral)
                ),
            );
            line(&mut out, "columns", u.columns.join(", "));
            if u.layout == "summary" {
                line(
                    &mut out,
                    "cases",
                    "none: a pattern summary, one row per step".to_string(),
                );
            } else {
                let cases = u
                    .cases
                    .iter()
                    .map(|c| format!("{} ({} steps)", crate::error::quote(c.case), c.steps));
                line(&mut out, "cases", listing(cases, u.cases.len(), 20));
            }
            let steps = u.steps.iter().map(|s| crate::error::quote(s));
            line(&mut out, "steps", listing(steps, u.steps.len(), 40));
            line(
                &mut out,
                "skipped",
                format!(
                    "{} empty feeling cells (steps a case did not go through)",
                    u.skipped
                ),
            );
            line(
                &mut out,
                "warnings",
                if u.warnings.is_empty() {
                    "none".to_string()
                } else {
                    u.warnings.len().to_string()
                },
            );
            for w in u.warnings {
                out.push_str(&format!("  - {w}\n"));
            }
            out.push_str("usable     yes\n");
            crate::output::write(std::path::Path::new("-"), out.as_bytes())?;
        }
    }
    Ok(())
}
