//! CSV: one row per turning point and per critical dip, for spreadsheets.

use std::io::Write;

use anyhow::Result;

use super::compare::FiguresReport;
use crate::numfmt::plain;

use super::pattern::PatternReport;
use super::{AnalysisReport, CompareReport, Exporter, PatternOutput};

pub struct Csv;

/// Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first and
/// not a number) gets a leading apostrophe, so opening the CSV is safe.
/// A text cell as a spreadsheet may safely open and a terminal may safely
/// show (`cat report.csv`):
/// - control characters (C0 but tab and line feed, DEL, C1) are written as
///   visible escapes (`\u{1b}`), so no terminal escape runs;
/// - a cell a spreadsheet would read as a formula or a command — starting
///   with `=`, `+`, `-`, `@`, a tab or a carriage return — gets a leading
///   apostrophe, unless it is a plain decimal number such as `-3` or
///   `+2.5`; `-inf`, `+NaN` or `-1e400` are guarded like any other text.
fn cell(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\t' && c != '\n' {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    // Judged on the text as read (a carriage return is escaped above, but
    // a cell that began with one is still guarded).
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number(text);
    if risky {
        format!("'{shown}")
    } else {
        shown
    }
}

/// A finite number written with digits, one sign, one point and an
/// exponent only (no `inf`, `NaN` or hex).
fn plain_number(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        && text.bytes().any(|b| b.is_ascii_digit())
        && text.parse::<f64>().is_ok_and(f64::is_finite)
}

/// A number as CSV text: empty for none.
/// A number as a spreadsheet reads it, at most 12 significant digits.
fn num(v: Option<f64>) -> String {
    v.map(plain).unwrap_or_default()
}

impl Exporter for Csv {
    fn analysis(&self, report: &AnalysisReport, out: &mut dyn Write) -> Result<()> {
        let mut w = csv::Writer::from_writer(out);
        // With `--by`, a last column names each row's group.
        let grouped = report.by.is_some();
        let mut header = vec![
            "case",
            "segment",
            "kind",
            "index",
            "step",
            "feeling",
            "prominence",
            "at_end",
            "severity",
            "below_neutral_duration",
        ];
        if grouped {
            header.push("group");
        }
        w.write_record(&header)?;
        for c in &report.cases {
            let segment = cell(c.segment.unwrap_or(""));
            let case = cell(c.case);
            let group = grouped.then(|| cell(c.group.unwrap_or("")));
            for t in &c.turning_points {
                let kind = match t.kind {
                    crate::analysis::turning::Kind::Peak => "peak",
                    crate::analysis::turning::Kind::Trough => "trough",
                };
                let mut row = vec![
                    case.clone(),
                    segment.clone(),
                    kind.to_string(),
                    t.index.to_string(),
                    cell(t.step),
                    plain(t.feeling),
                    plain(t.prominence),
                    String::new(),
                    String::new(),
                    String::new(),
                ];
                row.extend(group.clone());
                w.write_record(&row)?;
            }
            for d in &c.critical_dips {
                let mut row = vec![
                    case.clone(),
                    segment.clone(),
                    "critical_dip".to_string(),
                    d.index.to_string(),
                    cell(d.step),
                    plain(d.feeling),
                    num(d.prominence),
                    d.at_end.to_string(),
                    plain(d.severity),
                    num(d.below_neutral_duration),
                ];
                row.extend(group.clone());
                w.write_record(&row)?;
            }
        }
        w.flush()?;
        Ok(())
    }

    fn pattern(&self, report: &PatternOutput, out: &mut dyn Write) -> Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let mut header = vec!["step", "phase"];
        header.extend(PATTERN_COLUMNS);
        match report {
            PatternOutput::Single(p) => {
                w.write_record(&header)?;
                pattern_rows(&mut w, None, p)?;
            }
            PatternOutput::Groups(g) => {
                header.insert(0, "group");
                w.write_record(&header)?;
                for group in &g.groups {
                    pattern_rows(&mut w, Some(group.group), &group.pattern)?;
                }
            }
        }
        w.flush()?;
        Ok(())
    }

    fn compare(&self, report: &CompareReport, out: &mut dyn Write) -> Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let mut header = vec!["step".to_string(), "status".to_string()];
        for side in ["before", "after"] {
            header.extend(FIGURE_COLUMNS.iter().map(|c| format!("{side}_{c}")));
        }
        header.extend(COMPARE_COLUMNS.iter().map(|c| c.to_string()));
        w.write_record(&header)?;
        for s in &report.steps {
            let mut row = vec![cell(s.step), s.status.as_str().to_string()];
            for f in [&s.before, &s.after] {
                row.extend(figure_cells(f.as_ref()));
            }
            row.extend([
                num(s.delta_median),
                num(s.delta_mean),
                num(s.p_value),
                num(s.effect),
                num(s.p_holm),
                s.significant.map(|b| b.to_string()).unwrap_or_default(),
                s.change.map(|c| c.as_str().to_string()).unwrap_or_default(),
            ]);
            w.write_record(&row)?;
        }
        w.flush()?;
        Ok(())
    }
}

/// A side's columns in the compare CSV, each after `before_` or `after_`.
const FIGURE_COLUMNS: [&str; 6] = ["n", "median", "mean", "p25", "p75", "critical_share"];

/// The compare CSV's columns after the figures.
const COMPARE_COLUMNS: [&str; 7] = [
    "delta_median",
    "delta_mean",
    "p_value",
    "effect",
    "p_holm",
    "significant",
    "change",
];

fn figure_cells(f: Option<&FiguresReport>) -> [String; 6] {
    match f {
        Some(f) => [
            f.n.map(|n| n.to_string()).unwrap_or_default(),
            f.median.to_string(),
            num(f.mean),
            num(f.p25),
            num(f.p75),
            num(f.critical_share),
        ],
        None => Default::default(),
    }
}

/// Columns after `step` and `phase`: the names a summary input reads back.
const PATTERN_COLUMNS: [&str; 11] = [
    "n",
    "mean",
    "sd",
    "median",
    "p25",
    "p75",
    "min",
    "max",
    "critical_share",
    "below_neutral_share",
    "risk",
];

fn pattern_rows<W: Write>(
    w: &mut csv::Writer<W>,
    group: Option<&str>,
    p: &PatternReport,
) -> Result<()> {
    for s in &p.steps {
        let f = &s.figures;
        let mut row: Vec<String> = group.map(cell).into_iter().collect();
        row.extend([
            cell(s.step),
            cell(s.phase.unwrap_or("")),
            f.n.map(|n| n.to_string()).unwrap_or_default(),
            num(f.mean),
            num(f.sd),
            plain(f.median),
            num(f.p25),
            num(f.p75),
            num(f.min),
            num(f.max),
            num(f.critical_share),
            num(f.below_neutral_share),
            s.risk.map(|r| r.to_string()).unwrap_or_default(),
        ]);
        w.write_record(&row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formula_like_cells_are_guarded() {
        for risky in [
            "=1+1",
            "+1+1",
            "-1+1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-inf",
            "+NaN",
            "-Infinity",
            "+inf",
            "-nan",
            "-1e400",
            "-",
            "+",
            "=",
            "-0x10",
        ] {
            assert!(
                cell(risky).starts_with('\''),
                "{risky:?} -> {:?}",
                cell(risky)
            );
        }
        for plain in ["-3", "+2.5", "-0.25", "-1e3", "Refund", "", "inf", "3-2"] {
            assert_eq!(cell(plain), plain);
        }
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(cell("A\u{1b}[31mB\u{7}"), "A\\u{1b}[31mB\\u{7}");
        assert_eq!(cell("A\u{9b}B\u{7f}"), "A\\u{9b}B\\u{7f}");
        assert_eq!(cell("\rA"), "'\\rA");
        assert_eq!(cell("two\nlines\tand tab"), "two\nlines\tand tab");
    }
}
