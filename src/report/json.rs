//! JSON: the contract scripts read. Numbers are JSON numbers in the scale's
//! own units; absent values are null.
//!
//! Layout: indented like pretty JSON down to [`PRETTY_DEPTH`], and each
//! deeper object on one line, so a million steps come out as a million
//! readable lines rather than six million (half the bytes, half the time).

use std::io::{self, Write};

use anyhow::Result;
use serde_json::ser::Formatter;

use super::{AnalysisReport, CompareReport, Exporter, PatternOutput};

pub struct Json;

/// Containers nested deeper than this are written on one line.
const PRETTY_DEPTH: usize = 4;

/// Pretty near the root, compact in the leaves.
#[derive(Default)]
struct Layered {
    depth: usize,
    has_value: bool,
}

impl Layered {
    fn pretty(&self) -> bool {
        self.depth <= PRETTY_DEPTH
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, depth: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn begin<W: ?Sized + Write>(&mut self, w: &mut W, open: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(open)
    }

    fn end<W: ?Sized + Write>(&mut self, w: &mut W, close: &[u8]) -> io::Result<()> {
        let pretty = self.pretty();
        self.depth -= 1;
        if self.has_value && pretty {
            self.newline(w, self.depth)?;
        }
        w.write_all(close)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.pretty() {
            self.newline(w, self.depth)
        } else if !first {
            w.write_all(b" ")
        } else {
            Ok(())
        }
    }
}

impl Formatter for Layered {
    /// At most 12 significant digits, like every number emograph prints:
    /// `0.333333333333`, `1e-320`, `1e308` (written as serde_json would
    /// write the rounded value, so `-3.0` and `2.5` are unchanged).
    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        serde_json::ser::CompactFormatter.write_f64(w, crate::numfmt::round_significant(value))
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// JSON and a final newline, through a buffer.
fn write_json<T: serde::Serialize>(value: &T, out: &mut dyn Write) -> Result<()> {
    // A statically typed buffer in front of the `dyn` writer: serde writes
    // many tiny pieces, and each would otherwise be a virtual call.
    let mut buf = io::BufWriter::with_capacity(1 << 16, out);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Layered::default());
    value.serialize(&mut ser)?;
    buf.write_all(b"\n")?;
    buf.flush()?;
    Ok(())
}

/// Cases rendered together on the worker threads before being written.
const CASES_PER_BATCH: usize = 4096;

/// `value` as [`write_json`] writes it when it stands at `depth`.
fn render_at<T: serde::Serialize>(value: &T, depth: usize) -> Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(1024);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut buf,
        Layered {
            depth,
            has_value: false,
        },
    );
    value.serialize(&mut ser)?;
    Ok(buf)
}

/// The analysis report, byte for byte as [`write_json`] writes it, with the
/// cases rendered in parallel batches: a million steps are most of the
/// time of `analyze`, and they need not wait for each other.
fn write_analysis(report: &AnalysisReport, out: &mut dyn Write) -> Result<()> {
    use rayon::prelude::*;
    // The envelope holds the fields of `AnalysisReport`, in order (`by`
    // only with `--by`); a test checks that this equals serialising the
    // whole report.
    let mut buf = io::BufWriter::with_capacity(1 << 16, out);
    buf.write_all(b"{\n  ")?;
    if let Some(by) = report.by {
        buf.write_all(b"\"by\": ")?;
        buf.write_all(&render_at(&by, 1)?)?;
        buf.write_all(b",\n  ")?;
    }
    buf.write_all(b"\"scale\": ")?;
    buf.write_all(&render_at(&report.scale, 1)?)?;
    buf.write_all(b",\n  \"cases\": [")?;
    for (b, batch) in report.cases.chunks(CASES_PER_BATCH).enumerate() {
        let parts: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|c| render_at(c, 2))
            .collect::<Result<_>>()?;
        for (i, part) in parts.iter().enumerate() {
            if b > 0 || i > 0 {
                buf.write_all(b",")?;
            }
            buf.write_all(b"\n    ")?;
            buf.write_all(part)?;
        }
    }
    if !report.cases.is_empty() {
        buf.write_all(b"\n  ")?;
    }
    buf.write_all(b"]\n}\n")?;
    buf.flush()?;
    Ok(())
}

impl Exporter for Json {
    fn analysis(&self, report: &AnalysisReport, out: &mut dyn Write) -> Result<()> {
        write_analysis(report, out)
    }

    fn pattern(&self, report: &PatternOutput, out: &mut dyn Write) -> Result<()> {
        write_json(report, out)
    }

    fn compare(&self, report: &CompareReport, out: &mut dyn Write) -> Result<()> {
        write_json(report, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_json(v, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn parallel_analysis_equals_serial() {
        use crate::input::{parse, InputOptions};
        let sheet = "case,step,feeling\nA,x,1\nA,y,-4\nA,z,2\nB,x,0\nB,y,-2\nB,z,3\n";
        let ds = parse("t.csv", sheet.as_bytes(), &InputOptions::default()).unwrap();
        let t = crate::analysis::Thresholds::for_scale(-5.0, 5.0, 0.0);
        let analyses: Vec<_> = ds
            .cases
            .iter()
            .map(|c| crate::analysis::journey::analyze_case(c, &ds.columns, &t))
            .collect();
        for (cases, by) in [(2, None), (0, None), (2, Some("case"))] {
            let mut report = crate::report::analysis::build(&ds, &analyses, &t);
            report.cases.truncate(cases);
            report.by = by;
            for c in &mut report.cases {
                c.group = by.map(|_| c.case);
            }
            let mut serial = Vec::new();
            write_json(&report, &mut serial).unwrap();
            let mut parallel = Vec::new();
            write_analysis(&report, &mut parallel).unwrap();
            assert_eq!(
                String::from_utf8(parallel).unwrap(),
                String::from_utf8(serial).unwrap()
            );
        }
    }

    #[test]
    fn pretty_near_the_root_compact_in_the_leaves() {
        let v = serde_json::json!({"a": 1, "cases": [{"steps": [{"i": 0, "x": [1, 2]}], "e": []}]});
        let text = render(&v);
        assert_eq!(
            text,
            // (json! sorts keys: "e" before "steps")
            "{\n  \"a\": 1,\n  \"cases\": [\n    {\n      \"e\": [],\n      \"steps\": [\n        {\"i\": 0, \"x\": [1, 2]}\n      ]\n    }\n  ]\n}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
