//! Error positions are exact whatever ends the lines (CRLF, CR, LF) and
//! whatever the encoding (UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM,
//! Windows-1255): in the error line and in `validate --format json`.

mod common;

use common::*;

/// Line endings spreadsheet programs write.
const ENDINGS: [(&str, &str); 3] = [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")];

/// The text in each encoding, as bytes.
fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let utf16 = |big: bool| {
        let mut b = if big {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for u in text.encode_utf16() {
            b.extend_from_slice(&if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        b
    };
    let (cp1255, _, bad) = encoding_rs::WINDOWS_1255.encode(text);
    assert!(!bad);
    vec![
        ("UTF-8", text.as_bytes().to_vec()),
        (
            "UTF-8 BOM",
            [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
        ),
        ("UTF-16LE BOM", utf16(false)),
        ("UTF-16BE BOM", utf16(true)),
        ("Windows-1255", cp1255.into_owned()),
    ]
}

/// Every ending × every encoding: the error is at `line:column`.
fn check_matrix(lines: &[&str], line: u64, column: u64, problem: &str) {
    let w = Work::new();
    for (ending_name, ending) in ENDINGS {
        let text = lines.join(ending) + ending;
        for (encoding_name, bytes) in encodings(&text) {
            let what = format!("{ending_name} × {encoding_name}");
            w.write("s.csv", &bytes);
            let (stdout, stderr) =
                w.fails_with_stdout(&["validate", "s.csv", "--format", "json"], 1);
            let want = format!("error: s.csv:{line}:{column}: {problem}");
            assert!(stderr.starts_with(&want), "{what}: {stderr}");
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(v["line"], line, "{what}");
            assert_eq!(v["column"], column, "{what}");
            let stderr = w.fails(&["analyze", "s.csv"], 1);
            assert!(stderr.starts_with(&want), "{what}: {stderr}");
        }
    }
}

#[test]
fn the_reported_crlf_case() {
    let w = Work::new();
    w.write("c.csv", "step,feeling\r\nA,1\r\nB,2\r\nC,9\r\n");
    let (stdout, stderr) = w.fails_with_stdout(&["validate", "c.csv", "--format", "json"], 1);
    assert!(
        stderr.starts_with("error: c.csv:4:3: feeling 9 is outside"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(4), Some(3))
    );
}

#[test]
fn a_row_after_an_empty_line_is_placed_right() {
    let w = Work::new();
    w.write("e.csv", "step,feeling\na,1\n\nb,9\n");
    let e = w.fails(&["validate", "e.csv"], 1);
    assert!(e.starts_with("error: e.csv:4:3: feeling 9"), "{e}");
}

#[test]
fn hebrew_semicolon_sheet_every_ending_and_encoding() {
    // An empty line and a quoted cell holding the delimiter before the bad cell.
    check_matrix(
        &["שלב;תחושה", "א;1", "", "ב;2", "\"ג;ד\";9"],
        5,
        7,
        "feeling 9 is outside the scale",
    );
}

#[test]
fn a_cell_over_two_lines_every_ending_and_encoding() {
    // The quoted note holds a line break (of the file's own kind): every
    // row after it is one line further down.
    check_matrix(
        &[
            "step,feeling,note",
            "a,1,\"two",
            "lines\"",
            "b,2,x",
            "c,2,x,,z",
        ],
        5,
        8,
        "this row has 5 fields but the header has 3",
    );
}

#[test]
fn a_wrong_word_late_in_a_wide_sheet() {
    check_matrix(
        &["step,Dana,Yossi", "", "a,1,2", "b,-1, angy"],
        4,
        6,
        "feeling \"angy\" is not a number or a feeling word",
    );
}
