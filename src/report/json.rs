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

mod analysis;

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
/// number instead of two, for the million numbers of a large report. A
/// whole number below 1e12 (most feelings) is written as the integer it is
/// and `.0`, as serde_json writes it, three times faster than as a float.
fn write_number<W: ?Sized + Write>(w: &mut W, value: f64) -> io::Result<()> {
    use crate::numfmt::{round_significant_exact, significant_digits, SIGNIFICANT};
    let mut compact = serde_json::ser::CompactFormatter;
    if !value.is_finite() {
        return compact.write_f64(w, value);
    }
    // Not -0.0, which is written `-0.0`.
    let whole = value as i64;
    if whole as f64 == value && value.abs() < 1e12 && (whole != 0 || value.is_sign_positive()) {
        compact.write_i64(w, whole)?;
        return w.write_all(b".0");
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

impl Exporter for Json {
    fn analysis(&self, report: &AnalysisReport, out: &mut dyn Write) -> Result<()> {
        analysis::write(report, out)
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

    #[test]
    fn whole_numbers_are_written_as_serde_writes_them() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -5.0,
            1e11,
            999_999_999_999.0,
            -999_999_999_999.0,
            1e12,
            1_000_000_000_001.0,
            -1e15,
            1e16,
            9_007_199_254_740_993.0,
        ] {
            assert_eq!(fast_number(v), slow_number(v), "{v:e}");
        }
        assert_eq!(fast_number(-0.0), b"-0.0");
        assert_eq!(fast_number(-5.0), b"-5.0");
    }

    proptest::proptest! {
        #[test]
        fn any_number_is_written_as_the_rounded_value(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits);
            proptest::prop_assume!(v.is_finite());
            proptest::prop_assert_eq!(fast_number(v), slow_number(v));
        }

        #[test]
        fn any_whole_number_is_written_as_the_rounded_value(n in -(1i64 << 53)..(1i64 << 53), shift in 0u32..12) {
            let v = (n >> shift) as f64;
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
