//! CSV: one row per turning point and per critical dip, for spreadsheets.

use std::io::Write;

use anyhow::Result;

use super::compare::FiguresReport;
use super::pattern::PatternReport;
use super::{AnalysisReport, CompareReport, Exporter, PatternOutput};

pub struct Csv;

/// Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first and
/// not a number) gets a leading apostrophe, so opening the CSV is safe.
fn cell(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err();
    if risky {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A number as CSV text: empty for none.
fn num(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
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
                    t.feeling.to_string(),
                    t.prominence.to_string(),
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
                    d.feeling.to_string(),
                    num(d.prominence),
                    d.at_end.to_string(),
                    d.severity.to_string(),
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
            f.median.to_string(),
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
