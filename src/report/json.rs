//! JSON: the contract scripts read. Numbers are JSON numbers in the scale's
//! own units; absent values are null.

use anyhow::Result;

use super::{AnalysisReport, Exporter};

pub struct Json;

impl Exporter for Json {
    fn analysis(&self, report: &AnalysisReport) -> Result<String> {
        let mut text = serde_json::to_string_pretty(report)?;
        text.push('\n');
        Ok(text)
    }
}
