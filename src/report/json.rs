//! JSON: the contract scripts read. Numbers are JSON numbers in the scale's
//! own units; absent values are null.
//!
//! Layout: indented like pretty JSON down to [`PRETTY_DEPTH`], and each
//! deeper object on one line, so a million steps come out as a million
//! readable lines rather than six million (half the bytes, half the time).

use std::io::{self, Write};

use anyhow::Result;
use serde_json::ser::Formatter;

use super::analysis::CaseReport;
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
        write_number(w, value)
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

/// `value` rounded to 12 significant digits, in the text serde_json writes
/// for the rounded value. The shortest text of `value` is written as it is
/// when it has no more than 12 digits (then rounding would not change the
/// value, see [`crate::numfmt::round_significant`]): one formatting per
/// number instead of two, for the million numbers of a large report.
fn write_number<W: ?Sized + Write>(w: &mut W, value: f64) -> io::Result<()> {
    use crate::numfmt::{round_significant_exact, significant_digits, SIGNIFICANT};
    let mut compact = serde_json::ser::CompactFormatter;
    if !value.is_finite() {
        return compact.write_f64(w, value);
    }
    let mut buffer = zmij::Buffer::new();
    let shortest = buffer.format_finite(value);
    if significant_digits(shortest) <= SIGNIFICANT {
        w.write_all(shortest.as_bytes())
    } else {
        compact.write_f64(w, round_significant_exact(value))
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

/// Cases handed to the writing thread at once.
const CASES_PER_BATCH: usize = 4096;

/// Cases one worker renders into one buffer: large enough that the buffer
/// goes to the file in one write, small enough to share a batch between
/// the cores.
const CASES_PER_PIECE: usize = 64;

/// `value` as [`write_json`] writes it when it stands at `depth`.
fn render_at<T: serde::Serialize>(value: &T, depth: usize) -> Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(1024);
    render_into(&mut buf, value, depth)?;
    Ok(buf)
}

/// Append `value` to `buf` as [`write_json`] writes it when it stands at
/// `depth`.
fn render_into<T: serde::Serialize>(buf: &mut Vec<u8>, value: &T, depth: usize) -> Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        buf,
        Layered {
            depth,
            has_value: false,
        },
    );
    value.serialize(&mut ser)?;
    Ok(())
}

/// The cases `cases`, the first of which is case number `first` of the
/// report, each after its separator, in one buffer.
fn render_piece(cases: &[CaseReport], first: usize) -> Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(cases.len() * 4096);
    for (i, case) in cases.iter().enumerate() {
        if first + i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"\n    ");
        render_into(&mut buf, case, 2)?;
    }
    Ok(buf)
}

/// The cases of `batch` (the first of which is case number `first`), in
/// order, rendered in pieces on every core.
fn render_batch(batch: &[CaseReport], first: usize) -> Result<Vec<Vec<u8>>> {
    use rayon::prelude::*;
    batch
        .par_chunks(CASES_PER_PIECE)
        .enumerate()
        .map(|(i, cases)| render_piece(cases, first + i * CASES_PER_PIECE))
        .collect()
}

/// The analysis report, byte for byte as [`write_json`] writes it, with the
/// cases rendered in parallel batches while the batch before is written: a
/// million steps are most of the time of `analyze`, rendering them keeps
/// both cores busy, and writing 200 MB need not wait for it.
fn write_analysis(report: &AnalysisReport, out: &mut dyn Write) -> Result<()> {
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
    write_cases(&report.cases, &mut buf)?;
    if !report.cases.is_empty() {
        buf.write_all(b"\n  ")?;
    }
    buf.write_all(b"]\n}\n")?;
    buf.flush()?;
    Ok(())
}

/// Every case, each after its separator: a thread renders batch after
/// batch (on the worker threads) while this one writes them in order. At
/// most one rendered batch waits, so memory stays bounded.
fn write_cases(cases: &[CaseReport], out: &mut dyn Write) -> Result<()> {
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            for (b, batch) in cases.chunks(CASES_PER_BATCH).enumerate() {
                let rendered = render_batch(batch, b * CASES_PER_BATCH);
                // The writer has stopped on an error: stop rendering.
                if send.send(rendered).is_err() {
                    break;
                }
            }
        });
        // An error returned here drops `receive`, which stops the renderer.
        for rendered in receive {
            for piece in rendered? {
                out.write_all(&piece)?;
            }
        }
        Ok(())
    })
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

    /// The text serde_json writes for the number rounded the slow way.
    fn slow_number(v: f64) -> Vec<u8> {
        let mut out = Vec::new();
        let rounded = crate::numfmt::round_significant_exact(v);
        serde_json::ser::CompactFormatter
            .write_f64(&mut out, rounded)
            .unwrap();
        out
    }

    fn fast_number(v: f64) -> Vec<u8> {
        let mut out = Vec::new();
        write_number(&mut out, v).unwrap();
        out
    }

    #[test]
    fn numbers_are_written_as_the_rounded_value() {
        for v in [
            -3.0,
            2.5,
            -0.0,
            1.0 / 3.0,
            0.1 + 0.2,
            1e-320,
            1e308,
            -1.7e308,
            1e16,
            123_456_789_012_345.0,
        ] {
            assert_eq!(fast_number(v), slow_number(v), "{v:e}");
        }
        assert_eq!(fast_number(1.0 / 3.0), b"0.333333333333");
        assert_eq!(fast_number(-3.0), b"-3.0");
    }

    proptest::proptest! {
        #[test]
        fn any_number_is_written_as_the_rounded_value(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits);
            proptest::prop_assume!(v.is_finite());
            proptest::prop_assert_eq!(fast_number(v), slow_number(v));
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
