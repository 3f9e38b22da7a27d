//! Text that could trick a reader: bidi controls are shown as escapes in
//! text reports and their span controls dropped from pictures; control characters never reach a
//! CSV report raw; the formula guard covers number-like commands; a pattern
//! CSV read back loses the guard's apostrophe.

mod common;

use common::{assert_well_formed_svg, svg_texts, Work};

const BIDI: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

/// A single case whose step names each hold one bidi control, and a
/// segment with an override.
fn bidi_sheet() -> String {
    let mut s = String::from("step,feeling\n");
    for (i, c) in BIDI.iter().enumerate() {
        let feeling = [2, -4, 3, -5, 1, 4][i % 6];
        s.push_str(&format!("step {i} {c}gpj.exe,{feeling}\n"));
    }
    s
}

#[test]
fn text_reports_show_bidi_controls_as_escapes() {
    let w = Work::new();
    w.write("in.csv", bidi_sheet());
    for args in [
        &["analyze", "in.csv"][..],
        &["validate", "in.csv"],
        &["pattern", "in.csv"],
    ] {
        let out = w.stdout(args);
        assert!(!out.contains(BIDI), "{args:?}: raw bidi control in {out:?}");
    }
    let validate = w.stdout(&["validate", "in.csv"]);
    assert!(validate.contains("\\u{202e}gpj.exe"), "{validate}");
}

#[test]
fn pictures_drop_bidi_controls() {
    let w = Work::new();
    w.write("in.csv", bidi_sheet());
    w.stdout(&[
        "plot",
        "in.csv",
        "-o",
        "g.svg",
        "--title",
        "Title \u{202E}evil",
    ]);
    let svg = String::from_utf8(w.read("g.svg")).unwrap();
    assert_well_formed_svg(&svg);
    // Embeddings, overrides and isolates go; the marks (LRM, RLM, ALM) act
    // like one invisible letter each and stay (the graph's own Hebrew uses LRM).
    let spans = &BIDI[..9];
    assert!(!svg.contains(spans), "raw bidi span control in the SVG");
    assert!(svg_texts(&svg).iter().any(|t| t.contains("Title evil")));
    w.stdout(&["plot", "in.csv", "-o", "g.png"]);
}

#[test]
fn csv_reports_hold_no_raw_control_characters() {
    let w = Work::new();
    // Long words around the controls, so the file still reads as text.
    let mut sheet = String::from("case,step,feeling\n");
    for (step, feeling) in [
        ("the first\u{7} step of the journey", 1),
        ("the second\u{9b} step of it", -4),
        ("the third step", 2),
    ] {
        sheet.push_str(&format!("customer\u{1b}[31m number one,{step},{feeling}\n"));
    }
    w.write("in.csv", sheet);
    for args in [
        &["analyze", "in.csv", "--format", "csv"][..],
        &["pattern", "in.csv", "--format", "csv"],
    ] {
        let out = w.stdout(args);
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("\\u{1b}") || out.contains("\\u{7}"), "{out}");
    }
}

#[test]
fn number_like_commands_are_guarded_and_read_back_without_the_apostrophe() {
    let w = Work::new();
    let names = ["-inf", "+NaN", "=1+1", "@cmd", "-3", "Refund"];
    let mut sheet = String::from("case,step,feeling\n");
    for case in 0..2 {
        for (i, n) in names.iter().enumerate() {
            sheet.push_str(&format!("{case},{n},{}\n", [1, -4, 2, -5, 3, 0][i]));
        }
    }
    w.write("in.csv", sheet);
    let csv = w.stdout(&["pattern", "in.csv", "--format", "csv"]);
    for guarded in ["'-inf,", "'+NaN,", "'=1+1,", "'@cmd,"] {
        assert!(csv.contains(guarded), "{guarded}: {csv}");
    }
    assert!(csv.contains("\n-3,"), "{csv}");
    // Read back as a summary: the steps are the original names.
    w.write("summary.csv", &csv);
    let json = w.json(&["pattern", "summary.csv", "--format", "json"]);
    let steps: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(steps, names);
}
