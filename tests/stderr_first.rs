//! On exit 1 the first line of standard error is the error: warnings and
//! `wrote …` lines come after it. Reports take their format from `-o`'s
//! extension when `--format` is not given.

mod common;

use common::Work;

/// A sheet that warns (an unused column) and is otherwise fine.
const WARNS: &str = "step,feeling,colour\nA,1,x\nB,-3,y\nC,2,z\n";

#[test]
fn the_error_comes_before_warnings() {
    let w = Work::new();
    w.write("w.csv", WARNS);
    for args in [
        &["plot", "w.csv", "-o", "missing/w.svg"][..],
        &["analyze", "w.csv", "-o", "missing/a.json"],
        &["pattern", "w.csv", "--report", "missing/p.csv"],
        &[
            "pattern",
            "w.csv",
            "--report",
            "p.json",
            "-o",
            "missing/p.svg",
        ],
    ] {
        // `fails` checks that the first line starts with `error:`.
        let err = w.fails(args, 1);
        assert!(
            err.contains("warning: w.csv"),
            "{args:?}: the warning still said: {err}"
        );
    }
}

#[test]
fn analyze_and_pattern_take_the_format_from_the_extension() {
    let w = Work::new();
    w.write("in.csv", "step,feeling\nA,1\nB,-3\nC,2\n");
    w.stdout(&["analyze", "in.csv", "-o", "dips.csv"]);
    w.stdout(&["analyze", "in.csv", "-o", "a.JSON"]);
    w.stdout(&["analyze", "in.csv", "-o", "a.txt"]);
    w.stdout(&["pattern", "in.csv", "--report", "p.json"]);
    let csv = String::from_utf8(w.read("dips.csv")).unwrap();
    assert!(csv.starts_with("case,segment,kind,"), "{csv}");
    let json: serde_json::Value = serde_json::from_slice(&w.read("a.JSON")).unwrap();
    assert!(json.get("scale").is_some());
    serde_json::from_slice::<serde_json::Value>(&w.read("p.json")).unwrap();
    // Same as the table on standard output.
    assert_eq!(
        String::from_utf8(w.read("a.txt")).unwrap(),
        w.stdout(&["analyze", "in.csv"])
    );
    // --format wins over the extension.
    w.stdout(&["analyze", "in.csv", "--format", "json", "-o", "x.csv"]);
    serde_json::from_slice::<serde_json::Value>(&w.read("x.csv")).unwrap();
}
