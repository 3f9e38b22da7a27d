//! Reports: analysis results as JSON, a table for people, or CSV. The
//! shapes to serialise are built once ([`analysis`]); each format is one file
//! behind the [`Exporter`] trait.

pub mod analysis;
pub mod compare;
mod csv;
mod json;
pub mod pattern;
mod table;

use std::io::Write;

use anyhow::Result;

pub use analysis::AnalysisReport;
pub use compare::CompareReport;
pub use pattern::PatternOutput;

/// Output formats of the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Table,
    Json,
    Csv,
}

impl ReportFormat {
    /// The file extension of a report in this format (the table is `.txt`),
    /// the same one `--report FILE` is read by.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Csv => "csv",
            ReportFormat::Table => "txt",
        }
    }
}

/// One output format, writing to any destination (stdout or a file), so
/// large reports stream instead of being built as one string.
pub trait Exporter {
    fn analysis(&self, report: &AnalysisReport, out: &mut dyn Write) -> Result<()>;
    fn pattern(&self, report: &PatternOutput, out: &mut dyn Write) -> Result<()>;
    fn compare(&self, report: &CompareReport, out: &mut dyn Write) -> Result<()>;
}

/// The exporter for a format.
pub fn exporter(format: ReportFormat) -> Box<dyn Exporter> {
    match format {
        ReportFormat::Table => Box::new(table::Table),
        ReportFormat::Json => Box::new(json::Json),
        ReportFormat::Csv => Box::new(csv::Csv),
    }
}

/// Every report format pinned in-process: a small sheet in memory goes
/// through input → model → analysis → report, and each exporter's bytes are
/// an `insta` snapshot (`src/report/snapshots/`). A change to any report shows
/// up here as a snapshot diff, without running the binary.
#[cfg(test)]
mod snapshot_tests {
    use super::pattern::{GroupReport, GroupsReport, PatternReport};
    use super::*;
    use crate::analysis::pattern::{self as pat, PatternOptions};
    use crate::analysis::Thresholds;
    use crate::input::{parse, parse_sheet, InputOptions};
    use crate::model::{Dataset, Sheet};

    /// Three cases in two segments, with phases, owners, promises, times and
    /// notes; C3 skips a step; one step name would be a formula in a
    /// spreadsheet, one is Hebrew, one holds a comma and quotes.
    const SHEET: &str = "\
case,segment,phase,step,owner,expected,time,feeling,note
C1,new,before,Search,web,3,0,2,
C1,new,before,Book a slot,sales,2,0h20m,3,
C1,new,during,\"Wait, \"\"soon\"\"\",service,1,2d,-4,five days in the end
C1,new,during,=Technician,field,3,5d,-2,
C1,new,after,חשבון ראשון,billing,1,30d,-5,fee
C1,new,after,Refund,billing,2,31d,1,
C2,new,before,Search,web,3,0,1,
C2,new,before,Book a slot,sales,2,1h,2,
C2,new,during,\"Wait, \"\"soon\"\"\",service,1,1d,-3,
C2,new,during,=Technician,field,3,2d,4,
C2,new,after,חשבון ראשון,billing,1,28d,0,
C2,new,after,Refund,billing,2,29d,2,
C3,upgrade,before,Search,web,3,0,3,
C3,upgrade,during,\"Wait, \"\"soon\"\"\",service,1,3h,-1,
C3,upgrade,during,=Technician,field,3,1d,2,
C3,upgrade,after,חשבון ראשון,billing,1,20d,-4,
C3,upgrade,after,Refund,billing,2,21d,-3,
";

    /// A pattern summary as a warehouse writes it: no n for one step, no
    /// critical share at all.
    const SUMMARY: &str = "\
step,n,median,p25,p75,mean
Search,120,2,1,3,1.8
Queue,,-3,-4,-1.5,-2.6
Film,119,4,3,5,3.9
Home,118,-4,-5,-3,-3.7
";

    fn thresholds() -> Thresholds {
        Thresholds::for_scale(-5.0, 5.0, 0.0)
    }

    fn dataset() -> Dataset {
        parse("journey.csv", SHEET.as_bytes(), &InputOptions::default()).expect("the sheet reads")
    }

    fn export(
        format: ReportFormat,
        f: impl Fn(&dyn Exporter, &mut Vec<u8>) -> Result<()>,
    ) -> String {
        let mut out = Vec::new();
        f(exporter(format).as_ref(), &mut out).expect("the report writes");
        String::from_utf8(out).expect("UTF-8 report")
    }

    fn analysis(format: ReportFormat) -> String {
        let ds = dataset();
        let t = thresholds();
        let analyses: Vec<_> = ds
            .cases
            .iter()
            .map(|c| crate::analysis::journey::analyze_case(c, &ds.columns, &t))
            .collect();
        let report = super::analysis::build(&ds, &analyses, &t);
        export(format, |e, out| e.analysis(&report, out))
    }

    fn pattern_of<'a>(ds: &'a Dataset, segment: Option<&str>) -> PatternReport<'a> {
        let t = thresholds();
        let cases: Vec<_> = ds
            .cases
            .iter()
            .filter(|c| segment.is_none_or(|s| c.segment.map(|x| ds.text(x)) == Some(s)))
            .collect();
        let p = pat::from_cases(&cases, ds.steps.len(), &t, &PatternOptions::default());
        super::pattern::build(&p, &ds.steps, &ds.strings, &t)
    }

    fn pattern(format: ReportFormat) -> String {
        let ds = dataset();
        let out = PatternOutput::Single(Box::new(pattern_of(&ds, None)));
        export(format, |e, w| e.pattern(&out, w))
    }

    fn groups(format: ReportFormat) -> String {
        let ds = dataset();
        let out = PatternOutput::Groups(GroupsReport {
            by: "segment",
            groups: ["new", "upgrade"]
                .into_iter()
                .map(|g| GroupReport {
                    group: g,
                    pattern: pattern_of(&ds, Some(g)),
                })
                .collect(),
        });
        export(format, |e, w| e.pattern(&out, w))
    }

    fn summary(format: ReportFormat) -> String {
        let t = thresholds();
        let sheet = parse_sheet(
            "summary.csv",
            SUMMARY.as_bytes().to_vec(),
            &InputOptions::default(),
        )
        .expect("the summary reads");
        let Sheet::Summary(s) = sheet else {
            panic!("read as a summary")
        };
        let figures: Vec<_> = s.figures.iter().copied().enumerate().collect();
        let p = pat::from_figures(&figures, &t, &PatternOptions::default()).expect("a pattern");
        let out = PatternOutput::Single(Box::new(super::pattern::build(
            &p, &s.steps, &s.strings, &t,
        )));
        export(format, |e, w| e.pattern(&out, w))
    }

    #[test]
    fn analysis_json() {
        let text = analysis(ReportFormat::Json);
        serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn analysis_table() {
        insta::assert_snapshot!(analysis(ReportFormat::Table));
    }

    #[test]
    fn analysis_csv() {
        insta::assert_snapshot!(analysis(ReportFormat::Csv));
    }

    #[test]
    fn pattern_json() {
        let text = pattern(ReportFormat::Json);
        serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn pattern_table() {
        insta::assert_snapshot!(pattern(ReportFormat::Table));
    }

    #[test]
    fn pattern_csv() {
        insta::assert_snapshot!(pattern(ReportFormat::Csv));
    }

    #[test]
    fn pattern_groups_json() {
        let text = groups(ReportFormat::Json);
        serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn pattern_groups_table() {
        insta::assert_snapshot!(groups(ReportFormat::Table));
    }

    #[test]
    fn pattern_groups_csv() {
        insta::assert_snapshot!(groups(ReportFormat::Csv));
    }

    #[test]
    fn pattern_of_a_summary_json() {
        let text = summary(ReportFormat::Json);
        serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn pattern_of_a_summary_table() {
        insta::assert_snapshot!(summary(ReportFormat::Table));
    }

    #[test]
    fn pattern_of_a_summary_csv() {
        insta::assert_snapshot!(summary(ReportFormat::Csv));
    }

    /// The CSV pattern report is a summary emograph reads back.
    #[test]
    fn pattern_csv_reads_back_as_a_summary() {
        let text = pattern(ReportFormat::Csv);
        let sheet = parse_sheet("back.csv", text.into_bytes(), &InputOptions::default())
            .expect("reads back");
        assert!(matches!(sheet, Sheet::Summary(_)));
    }
}
