//! Large text sheets are read a block at a time with each block's rows on
//! all cores (`input::parallel`). Whatever a command makes of such a sheet
//! must be what reading it in one piece gives: `--encoding utf-8` reads the
//! same text in one piece, so every command here runs both ways and must
//! give the same exit code, standard output, standard error and files.

mod common;

use common::Work;

/// A long sheet of `cases` cases × 20 steps (about 45 bytes a row: 2,000
/// cases make 1.8 MB, past the 1 MiB from which a file is read in parts),
/// with segments, phases carried down, skipped feelings and rows of totals.
fn sheet(cases: usize, end: &str) -> String {
    let mut s = format!("respondent;segment;phase;step;feeling{end}");
    for c in 0..cases {
        let segment = ["new", "upgrade", "churn", "loyal"][c % 4];
        for k in 0..20 {
            let phase = match k {
                0 => "before",
                8 => "during",
                15 => "after",
                _ => "",
            };
            let feeling = match (c * 7 + k * 5) % 17 {
                0 => String::new(),
                v => format!("{}", (v % 11) as i64 - 5),
            };
            s += &format!("R{c:06};{segment};{phase};Step number {k:02};{feeling}{end}");
        }
        if c % 500 == 499 {
            s += &format!("R{c:06};{segment};;Total;2{end}");
        }
    }
    s
}

/// `text` with the first `from` after the first row of case `case` made `to`.
fn in_case(text: &str, case: usize, from: &str, to: &str) -> String {
    let start = text.find(&format!("\nR{case:06};")).expect("the case");
    let at = start + text[start..].find(from).expect("the text in the case");
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

/// Run `args` on `file` read in parts and read whole: the same outcome.
fn same_both_ways(w: &Work, file: &str, args: &[&str], code: i32) -> (String, String) {
    let mut parts: Vec<&str> = args.to_vec();
    parts.insert(1, file);
    let mut whole = parts.clone();
    whole.extend(["--encoding", "utf-8"]);
    let a = w.exits(&parts, code);
    let b = w.exits(&whole, code);
    assert_eq!(a.0, b.0, "{args:?}: standard output");
    assert_eq!(a.1, b.1, "{args:?}: standard error");
    a
}

fn big(w: &Work, name: &str, text: &str) -> String {
    assert!(
        text.len() > 1 << 20,
        "{name} must be large enough to be read in parts"
    );
    w.write(name, text);
    name.to_string()
}

#[test]
fn every_report_of_a_large_sheet_is_the_same_as_read_whole() {
    let w = Work::new();
    let lf = big(&w, "big.csv", &sheet(2_500, "\n"));
    let crlf = big(&w, "crlf.csv", &format!("\u{feff}{}", sheet(2_500, "\r\n")));
    for file in [&lf, &crlf] {
        let (out, _) = same_both_ways(&w, file, &["validate", "--format", "json"], 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["cases"].as_array().map(Vec::len), Some(2_500));
        same_both_ways(&w, file, &["analyze", "--format", "json"], 0);
        same_both_ways(&w, file, &["analyze", "--format", "csv"], 0);
        same_both_ways(&w, file, &["pattern", "--format", "json"], 0);
        same_both_ways(
            &w,
            file,
            &["pattern", "--by", "segment", "--format", "csv"],
            0,
        );
    }
}

#[test]
fn pictures_and_comparisons_of_large_sheets_are_the_same_as_read_whole() {
    let w = Work::new();
    let before = big(&w, "before.csv", &sheet(2_500, "\n"));
    let after = big(
        &w,
        "after.csv",
        &sheet(2_500, "\n").replace("Step number 03;-", "Step number 03;"),
    );
    for (out, extra) in [("parts.svg", None), ("whole.svg", Some("utf-8"))] {
        let mut args = vec!["plot", before.as_str(), "-o", out];
        if let Some(e) = extra {
            args.extend(["--encoding", e]);
        }
        w.stdout(&args);
    }
    assert_eq!(w.read("parts.svg"), w.read("whole.svg"));
    let args = ["compare", &before, &after, "--format", "json"];
    let parts = w.stdout(&args);
    let mut whole_args = args.to_vec();
    whole_args.extend(["--encoding", "utf-8"]);
    assert_eq!(parts, w.stdout(&whole_args));
}

#[test]
fn errors_deep_in_a_large_sheet_read_as_they_always_have() {
    let w = Work::new();
    let good = sheet(2_500, "\n");
    let cases = [
        // A feeling off the scale near the end: named by line and column.
        (
            in_case(&good, 2_400, "Step number 04;", "Step number 04;9"),
            "feeling 9",
        ),
        // A row with a field too many, in the middle.
        (
            in_case(&good, 1_234, "Step number 11;", "Step number 11;1;x;"),
            "fields",
        ),
        // An empty step name.
        (
            in_case(&good, 1_999, "Step number 19;", ";"),
            "step name is empty",
        ),
    ];
    for (i, (text, words)) in cases.iter().enumerate() {
        let name = big(&w, &format!("bad{i}.csv"), text);
        let (_, err) = same_both_ways(&w, &name, &["validate"], 1);
        assert!(err.starts_with("error: bad"), "{err}");
        assert!(err.contains(words), "{err}");
    }
}

#[test]
fn large_sheets_that_need_reading_in_one_piece_read_as_they_always_have() {
    let w = Work::new();
    let good = sheet(2_500, "\n");
    // A quoted cell holding a line break, a lone CR, Windows-1255 text, and
    // merged case cells: each is the same read as it is and read in one
    // piece with its encoding given.
    let hebrew = in_case(&good, 1_500, "Step number 02", "\u{5e9}\u{5dc}\u{5d1}");
    let texts: Vec<(Vec<u8>, &str)> = vec![
        (
            in_case(&good, 1_500, "Step number 02", "\"Step number\n02\"").into_bytes(),
            "utf-8",
        ),
        (
            in_case(&good, 1_500, "Step number 02;", "Step number 02;\r").into_bytes(),
            "utf-8",
        ),
        (
            encoding_rs::WINDOWS_1255.encode(&hebrew).0.into_owned(),
            "windows-1255",
        ),
        (good.replace("\nR000007;", "\n;").into_bytes(), "utf-8"),
    ];
    for (i, (bytes, encoding)) in texts.iter().enumerate() {
        assert!(bytes.len() > 1 << 20);
        let name = format!("odd{i}.csv");
        w.write(&name, bytes);
        for command in [
            &["validate", &name, "--format", "json"][..],
            &["pattern", &name, "--format", "json"],
        ] {
            let code = w
                .cmd()
                .args(command)
                .output()
                .unwrap()
                .status
                .code()
                .unwrap();
            let as_is = w.exits(command, code);
            let mut given = command.to_vec();
            given.extend(["--encoding", encoding]);
            assert_eq!(as_is, w.exits(&given, code), "{command:?}");
        }
    }
}
