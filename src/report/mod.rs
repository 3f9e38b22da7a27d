//! Reports: analysis results as JSON, a table for people, or CSV. The
//! shapes to serialise are built once ([`analysis`]); each format is one file
//! behind the [`Exporter`] trait.

pub mod analysis;
mod csv;
mod json;
mod table;

use anyhow::Result;

pub use analysis::AnalysisReport;

/// Output formats of the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Table,
    Json,
    Csv,
}

/// One output format.
pub trait Exporter {
    fn analysis(&self, report: &AnalysisReport) -> Result<String>;
}

/// The exporter for a format.
pub fn exporter(format: ReportFormat) -> Box<dyn Exporter> {
    match format {
        ReportFormat::Table => Box::new(table::Table),
        ReportFormat::Json => Box::new(json::Json),
        ReportFormat::Csv => Box::new(csv::Csv),
    }
}
