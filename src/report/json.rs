//! JSON: the contract scripts read. Numbers are JSON numbers in the scale's
//! own units; absent values are null.

use std::io::Write;

use anyhow::Result;

use super::{AnalysisReport, Exporter, PatternOutput};

pub struct Json;

/// Pretty JSON and a final newline, through a buffer.
fn write_json<T: serde::Serialize>(value: &T, out: &mut dyn Write) -> Result<()> {
    // A statically typed buffer in front of the `dyn` writer: serde
    // writes many tiny pieces, and each would otherwise be a virtual call.
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buf, value)?;
    buf.write_all(b"\n")?;
    buf.flush()?;
    Ok(())
}

impl Exporter for Json {
    fn analysis(&self, report: &AnalysisReport, out: &mut dyn Write) -> Result<()> {
        write_json(report, out)
    }

    fn pattern(&self, report: &PatternOutput, out: &mut dyn Write) -> Result<()> {
        write_json(report, out)
    }
}
