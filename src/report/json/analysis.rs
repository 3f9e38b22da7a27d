//! The analysis report in JSON, fast: byte for byte what serialising the
//! whole [`AnalysisReport`] with the [`Layered`](super::Layered) formatter
//! writes (a test checks it), but with the cases rendered on every core
//! while the ones before are written, and the million one-line objects
//! (steps, turning points, dips) and the summaries laid out by hand.
//!
//! Why by hand: through serde every key of every object is escaped and
//! every comma goes through the formatter's state — ten million keys for a
//! sheet of a million rows, the largest cost of rendering once numbers were
//! fast. Here the keys and punctuation are constant text and only the
//! values go through serde, so numbers, strings and `null` are written
//! exactly as serde writes them.

use std::io::Write;
use std::sync::{mpsc, Mutex};

use anyhow::Result;
use serde::Serialize;

use super::{render_at, render_into, PRETTY_DEPTH};
use crate::report::analysis::{CaseReport, DipReport, StepValue, SummaryReport, TurningReport};
use crate::report::AnalysisReport;

/// Cases rendered together while the batch before is being written: large
/// enough to share between the cores, small enough to keep little memory
/// in flight (three batches at most).
const CASES_PER_BATCH: usize = 1024;

/// Cases one worker renders into one buffer: large enough that the buffer
/// goes to the file in one write.
const CASES_PER_PIECE: usize = 64;

// The layout of a case, as the `Layered` formatter indents it: the report
// is depth 1, its `cases` array depth 2, a case object depth 3 (its fields
// indented by 6), the case's arrays and summary depth 4 (their elements and
// fields indented by 8), and every deeper value on one line.

/// Before each field of a case.
const CASE_FIELD: &[u8] = b"\n      ";

/// Before each element of a case's arrays, and before the array's `]`.
const ARRAY_ITEM: &[u8] = b"\n        ";
const ARRAY_END: &[u8] = b"\n      ]";

/// The fields of `value` (a `ty`), in the order named, under their own
/// names (the report's fields are not renamed for serde): `open` before
/// the first, `sep` before each other, `close` after the last.
macro_rules! object {
    ($buf:expr, [$open:literal, $sep:literal, $close:literal], $value:expr => $ty:path { $first:ident $(, $rest:ident)* $(,)? }) => {{
        // Every field by name: a new field is a compile error here until
        // it is written.
        let $ty { $first, $($rest),* } = $value;
        $buf.extend_from_slice(concat!($open, "\"", stringify!($first), "\": ").as_bytes());
        scalar($buf, $first)?;
        $(
            $buf.extend_from_slice(concat!($sep, "\"", stringify!($rest), "\": ").as_bytes());
            scalar($buf, $rest)?;
        )*
        $buf.extend_from_slice($close.as_bytes());
        Ok(())
    }};
}

/// A one-line object: `{"index": 3, "step": "Pay"}`.
macro_rules! line {
    ($buf:expr, $value:expr => $ty:path { $($field:ident),+ $(,)? }) => {
        object!($buf, ["{", ", ", "}"], $value => $ty { $($field),+ })
    };
}

/// The analysis report, byte for byte as serialising it whole writes it.
pub(super) fn write(report: &AnalysisReport, out: &mut dyn Write) -> Result<()> {
    // The envelope holds the fields of `AnalysisReport`, in order (`by`
    // only with `--by`); a test checks that this equals serialising the
    // whole report.
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
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
/// most one rendered batch waits, so memory stays bounded; written buffers
/// go back to the renderers, so the pages of 200 MB of text are not each
/// freshly allocated.
fn write_cases(cases: &[CaseReport], out: &mut dyn Write) -> Result<()> {
    let spare = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::sync_channel(1);
        let spare = &spare;
        scope.spawn(move || {
            for (b, batch) in cases.chunks(CASES_PER_BATCH).enumerate() {
                let rendered = render_batch(batch, b * CASES_PER_BATCH, spare);
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
                spare.lock().unwrap_or_else(|e| e.into_inner()).push(piece);
            }
        }
        Ok(())
    })
}

/// The cases of `batch` (the first of which is case number `first`), in
/// order, rendered in pieces on every core.
fn render_batch(
    batch: &[CaseReport],
    first: usize,
    spare: &Mutex<Vec<Vec<u8>>>,
) -> Result<Vec<Vec<u8>>> {
    use rayon::prelude::*;
    batch
        .par_chunks(CASES_PER_PIECE)
        .enumerate()
        .map(|(i, cases)| {
            let buf = spare.lock().unwrap_or_else(|e| e.into_inner()).pop();
            let mut buf = buf.unwrap_or_default();
            buf.clear();
            render_piece(&mut buf, cases, first + i * CASES_PER_PIECE)?;
            Ok(buf)
        })
        .collect()
}

/// The cases `cases`, the first of which is case number `first` of the
/// report, each after its separator.
fn render_piece(buf: &mut Vec<u8>, cases: &[CaseReport], first: usize) -> Result<()> {
    for (i, case) in cases.iter().enumerate() {
        if first + i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"\n    ");
        write_case(buf, case)?;
    }
    Ok(())
}

/// One case, as serde writes it in the `cases` array: the fields one per
/// line, the arrays one element per line.
fn write_case(buf: &mut Vec<u8>, case: &CaseReport) -> Result<()> {
    // Every field by name: a new field of `CaseReport` is a compile error
    // here until it is written.
    let CaseReport {
        case,
        segment,
        group,
        steps,
        turning_points,
        critical_dips,
        summary,
    } = case;
    buf.push(b'{');
    buf.extend_from_slice(CASE_FIELD);
    key(buf, "case");
    scalar(buf, case)?;
    field(buf, "segment", segment)?;
    if let Some(group) = group {
        field(buf, "group", group)?;
    }
    array_field(buf, "steps", steps)?;
    array_field(buf, "turning_points", turning_points)?;
    array_field(buf, "critical_dips", critical_dips)?;
    buf.push(b',');
    buf.extend_from_slice(CASE_FIELD);
    key(buf, "summary");
    write_summary(buf, summary)?;
    buf.extend_from_slice(b"\n    }");
    Ok(())
}

/// A case's summary, as serde writes it in a case: one field per line
/// (indented as [`ARRAY_ITEM`]), each value on one line.
fn write_summary(buf: &mut Vec<u8>, summary: &SummaryReport) -> Result<()> {
    object!(
        buf,
        ["{\n        ", ",\n        ", "\n      }"],
        summary => SummaryReport {
            steps,
            mean,
            min,
            max,
            min_step,
            max_step,
            start,
            end,
            peak_end,
            area_below_neutral,
            share_below_neutral,
            handoffs,
            owners,
            handoff_steps,
            mean_change_with_handoff,
            mean_change_without_handoff,
            promise_gap,
            largest_gaps,
        }
    )
}

/// A case's field after the first, holding a single value.
fn field<T: Serialize>(buf: &mut Vec<u8>, name: &str, value: &T) -> Result<()> {
    buf.push(b',');
    buf.extend_from_slice(CASE_FIELD);
    key(buf, name);
    scalar(buf, value)
}

/// A case's field holding an array of one-line objects.
fn array_field<T: Line>(buf: &mut Vec<u8>, name: &str, items: &[T]) -> Result<()> {
    buf.push(b',');
    buf.extend_from_slice(CASE_FIELD);
    key(buf, name);
    if items.is_empty() {
        buf.extend_from_slice(b"[]");
        return Ok(());
    }
    buf.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(ARRAY_ITEM);
        item.write_line(buf)?;
    }
    buf.extend_from_slice(ARRAY_END);
    Ok(())
}

/// `"name": ` (names are plain ASCII words: nothing to escape).
fn key(buf: &mut Vec<u8>, name: &str) {
    buf.push(b'"');
    buf.extend_from_slice(name.as_bytes());
    buf.extend_from_slice(b"\": ");
}

/// A number, string, `null` or other leaf value, exactly as serde writes
/// it deep in the report (numbers rounded to 12 digits).
fn scalar<T: Serialize>(buf: &mut Vec<u8>, value: &T) -> Result<()> {
    render_into(buf, value, PRETTY_DEPTH + 1)
}

/// An object written on one line: `{"index": 3, "step": "Pay", …}`.
trait Line {
    fn write_line(&self, buf: &mut Vec<u8>) -> Result<()>;
}

// Each names every field (see `object!`): a new field is a compile error
// here until it is written.

impl Line for StepValue<'_> {
    fn write_line(&self, buf: &mut Vec<u8>) -> Result<()> {
        line!(buf, self => StepValue { index, step, feeling, elapsed })
    }
}

impl Line for TurningReport<'_> {
    fn write_line(&self, buf: &mut Vec<u8>) -> Result<()> {
        line!(buf, self => TurningReport { index, step, kind, feeling, prominence })
    }
}

impl Line for DipReport<'_> {
    fn write_line(&self, buf: &mut Vec<u8>) -> Result<()> {
        line!(
            buf,
            self => DipReport {
                index,
                step,
                feeling,
                prominence,
                at_end,
                severity,
                below_neutral_duration,
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet of `cases` cases with times, owners and expectations, and
    /// step names that need escaping.
    fn sheet(cases: usize) -> String {
        let mut text = String::from("case,segment,step,owner,expected,time,feeling\n");
        let steps = ["Search", "Wait \"soon\"", "back\\slash", "ערב", "Pay\tnow"];
        for c in 0..cases {
            for (i, step) in steps.iter().enumerate() {
                let feeling = ((c * 7 + i * 3) % 10) as f64 - 5.0 + (c % 3) as f64 / 3.0;
                let segment = if c % 4 == 0 { "" } else { "new" };
                let step = step.replace('"', "\"\"");
                let owner = ["web", "sales"][(c + i) % 2];
                text.push_str(&format!(
                    "C{c},{segment},\"{step}\",{owner},{},{}h,{feeling}\n",
                    (i % 3) as i32 - 1,
                    i * (c % 4)
                ));
            }
        }
        text
    }

    fn serial(report: &AnalysisReport) -> String {
        let mut out = Vec::new();
        super::super::write_json(report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn fast(report: &AnalysisReport) -> String {
        let mut out = Vec::new();
        write(report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Byte for byte what serde writes for the whole report: with and
    /// without `--by`, no case, one case, and more cases than a batch.
    #[test]
    fn fast_analysis_equals_serial() {
        use crate::input::{parse, InputOptions};
        let text = sheet(CASES_PER_BATCH + CASES_PER_PIECE + 3);
        let ds = parse("t.csv", text.as_bytes(), &InputOptions::default()).unwrap();
        let t = crate::analysis::Thresholds::for_scale(-5.0, 5.0, 0.0);
        let analyses = crate::analysis::journey::analyze_all(&ds, &t);
        for (cases, by) in [
            (usize::MAX, None),
            (0, None),
            (1, None),
            (usize::MAX, Some("case")),
        ] {
            let mut report = crate::report::analysis::build(&ds, &analyses, &t);
            report.cases.truncate(cases);
            report.by = by;
            for c in &mut report.cases {
                c.group = by.map(|_| c.case);
            }
            assert_eq!(fast(&report), serial(&report), "{cases} cases, by {by:?}");
        }
    }

    /// The test above covers every kind of line: dips, turning points,
    /// times, hand-offs and promise gaps all occur.
    #[test]
    fn the_test_sheet_has_every_kind_of_line() {
        use crate::input::{parse, InputOptions};
        let text = sheet(40);
        let ds = parse("t.csv", text.as_bytes(), &InputOptions::default()).unwrap();
        let t = crate::analysis::Thresholds::for_scale(-5.0, 5.0, 0.0);
        let analyses = crate::analysis::journey::analyze_all(&ds, &t);
        let report = crate::report::analysis::build(&ds, &analyses, &t);
        let json = fast(&report);
        for needle in [
            "\"kind\": \"peak\"",
            "\"kind\": \"trough\"",
            "\"at_end\": true",
            "\"at_end\": false",
            "\"elapsed\": 3600.0",
            "\"segment\": null",
            "\"below_neutral_duration\": 3600.0",
            "\"handoffs\": 4",
            "\"largest_gaps\": [",
            "0.333333333333",
            "Wait \\\"soon\\\"",
            "back\\\\slash",
            "Pay\\tnow",
        ] {
            assert!(json.contains(needle), "{needle}");
        }
    }
}
