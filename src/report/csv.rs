//! CSV: one row per turning point and per critical dip, for spreadsheets.

use std::io::Write;

use anyhow::Result;

use super::{AnalysisReport, Exporter};

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
        w.write_record([
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
        ])?;
        for c in &report.cases {
            let segment = cell(c.segment.unwrap_or(""));
            let case = cell(c.case);
            for t in &c.turning_points {
                let kind = match t.kind {
                    crate::analysis::turning::Kind::Peak => "peak",
                    crate::analysis::turning::Kind::Trough => "trough",
                };
                w.write_record([
                    &case,
                    &segment,
                    &kind.to_string(),
                    &t.index.to_string(),
                    &cell(t.step),
                    &t.feeling.to_string(),
                    &t.prominence.to_string(),
                    &String::new(),
                    &String::new(),
                    &String::new(),
                ])?;
            }
            for d in &c.critical_dips {
                w.write_record([
                    &case,
                    &segment,
                    &"critical_dip".to_string(),
                    &d.index.to_string(),
                    &cell(d.step),
                    &d.feeling.to_string(),
                    &num(d.prominence),
                    &d.at_end.to_string(),
                    &d.severity.to_string(),
                    &num(d.below_neutral_duration),
                ])?;
            }
        }
        w.flush()?;
        Ok(())
    }
}
