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
