//! JSON: the contract scripts read. Numbers are JSON numbers in the scale's
//! own units; absent values are null.
//!
//! Layout: indented like pretty JSON down to [`PRETTY_DEPTH`], and each
//! deeper object on one line, so a million steps come out as a million
//! readable lines rather than six million (half the bytes, half the time).

use std::io::{self, Write};

use anyhow::Result;
use serde_json::ser::Formatter;

use super::{AnalysisReport, Exporter, PatternOutput};

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

impl Exporter for Json {
    fn analysis(&self, report: &AnalysisReport, out: &mut dyn Write) -> Result<()> {
        write_json(report, out)
    }

    fn pattern(&self, report: &PatternOutput, out: &mut dyn Write) -> Result<()> {
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
