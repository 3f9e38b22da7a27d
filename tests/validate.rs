//! `emograph validate`: what was understood, in text and JSON.

mod common;

use common::*;
use predicates::prelude::*;

fn validate_json(file: &str, extra: &[&str]) -> serde_json::Value {
    let f = fixture(file);
    let mut args = vec!["validate", f.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    Work::new().json(&args)
}

#[test]
fn legacy_hebrew_csv_is_understood() {
    let v = validate_json("workshop-cinema-he-legacy-cp1255.csv", &[]);
    assert_eq!(v["layout"], "wide");
    assert_eq!(v["encoding"], "windows-1255");
    assert_eq!(v["delimiter"], ";");
    assert_eq!(v["cases"].as_array().unwrap().len(), 5);
    assert_eq!(v["cases"][0]["case"], "דנה");
    assert_eq!(v["steps"][2], "חיפוש חניה");
    assert_eq!(v["usable"], true);
}

#[test]
fn excel_utf8_csv_with_bom_and_crlf_is_understood() {
    let v = validate_json("workshop-cinema-he-bom-crlf.csv", &[]);
    assert_eq!(v["encoding"], "UTF-8 (BOM)");
    assert_eq!(v["delimiter"], ",");
    assert_eq!(v["steps"].as_array().unwrap().len(), 7);
    assert_eq!(
        v["steps"][0], "בחירת סרט באתר",
        "no BOM left in the first cell"
    );
}

#[test]
fn excel_unicode_text_is_understood() {
    let v = validate_json("workshop-cinema-he-utf16.txt", &[]);
    assert_eq!(v["encoding"], "UTF-16LE (BOM)");
    assert_eq!(v["delimiter"], "\t");
    assert_eq!(v["cases"].as_array().unwrap().len(), 5);
}

#[test]
fn european_export_with_decimal_commas_and_words() {
    let v = validate_json("decimal-comma-semicolon.csv", &[]);
    assert_eq!(v["delimiter"], ";");
    assert_eq!(v["layout"], "long");
    assert_eq!(v["steps"].as_array().unwrap().len(), 5);
}

#[test]
fn long_sheet_keeps_optional_columns() {
    let v = validate_json("cable-install.csv", &[]);
    assert_eq!(v["cases"][0]["case"], "A17");
    assert_eq!(v["cases"][0]["steps"], 8);
    assert_eq!(v["cases"][1]["steps"], 5);
    let cols: Vec<&str> = v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for c in [
        "case", "segment", "phase", "channel", "owner", "expected", "time", "note",
    ] {
        assert!(cols.contains(&c), "{c} in {cols:?}");
    }
}

#[test]
fn forced_encoding_and_delimiter() {
    let v = validate_json(
        "workshop-cinema-he-legacy-cp1255.csv",
        &["--encoding", "windows-1255", "--delimiter", ";"],
    );
    assert_eq!(v["encoding"], "windows-1255");
}

#[test]
fn text_report_names_layout_encoding_and_cases() {
    let w = Work::new();
    w.cmd()
        .args(["validate", &fixture("cable-install.csv")])
        .assert()
        .success()
        .stdout(predicate::str::contains("layout     long"))
        .stdout(predicate::str::contains("\"A17\" (8 steps)"))
        .stdout(predicate::str::contains("usable     yes"));
}

#[test]
fn other_scales() {
    let w = Work::new();
    w.write("s.csv", "step,feeling\na,1\nb,5\nc,3\n");
    let v = w.json(&["validate", "s.csv", "--scale", "1..5", "--format", "json"]);
    assert_eq!(v["scale"]["neutral"], 3.0);
    let stderr = w.fails(&["validate", "s.csv", "--scale", "-3..3"], 1);
    assert!(
        stderr.contains("s.csv:3:3: feeling 5 is outside the scale -3..3"),
        "{stderr}"
    );
    w.cmd()
        .args(["validate", "s.csv", "--scale", "0..10", "--neutral", "2"])
        .assert()
        .success();
}

#[test]
fn bad_flags_are_usage_errors() {
    let w = Work::new();
    let f = fixture("cable-install.csv");
    for args in [
        vec!["validate", &f, "--scale", "5..1"],
        vec!["validate", &f, "--scale", "abc"],
        vec!["validate", &f, "--neutral", "9"],
        vec!["validate", &f, "--encoding", "klingon"],
        vec!["validate", &f, "--delimiter", "ab"],
        vec!["validate"],
        vec!["plot", &f, "--width", "0"],
    ] {
        let stderr = w.fails(&args, 2);
        assert!(stderr.contains("error"), "{stderr}");
    }
}

#[test]
fn unusable_sheet_in_json_says_so_on_stdout() {
    let w = Work::new();
    let (out, stderr) = w.fails_with_stdout(
        &[
            "validate",
            &fixture("bad/out-of-range.csv"),
            "--format",
            "json",
        ],
        1,
    );
    assert!(stderr.contains("outside the scale"), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["usable"], false);
    assert_eq!(v["line"], 3);
    assert_eq!(v["column"], 6);
    assert!(v["error"].as_str().unwrap().contains("outside the scale"));
}

#[test]
fn a_one_to_five_sheet_on_the_default_scale_gets_a_warning() {
    let w = Work::new();
    w.write(
        "survey.csv",
        "step,feeling\nSearch,4\nParking,1\nFilm,5\nHome,3\n",
    );
    w.cmd()
        .args(["validate", "survey.csv"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty())
        .stdout(predicate::str::contains("add --scale 1..5"));
    w.cmd()
        .args(["plot", "survey.csv", "-o", "s.svg"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: survey.csv: every feeling is between 1 and 5",
        ));
    w.cmd()
        .args(["validate", "survey.csv", "--scale", "1..5"])
        .assert()
        .success()
        .stdout(predicate::str::contains("warnings   none"));
}

#[test]
fn conflicting_orders_name_both_rows() {
    let w = Work::new();
    w.write(
        "oc.csv",
        "case,step,order,feeling\nA,Book,1,2\nA,Park,2,-3\nB,Book,1,1\nB,Park,3,-4\n",
    );
    let stderr = w.fails(&["validate", "oc.csv"], 1);
    assert!(
        stderr.starts_with("error: oc.csv:5:1: step \"Park\" has order 3 here but 2 on line 3"),
        "{stderr}"
    );
}

#[test]
fn cases_that_disagree_on_the_order_are_merged_with_a_warning() {
    let w = Work::new();
    w.write(
        "cy.csv",
        "case,step,feeling\nA,Pay,1\nA,Park,-3\nB,Park,-2\nB,Pay,0\n",
    );
    let v = w.json(&["validate", "cy.csv", "--format", "json"]);
    assert_eq!(v["steps"], serde_json::json!(["Pay", "Park"]));
    assert!(v["warnings"][0]
        .as_str()
        .unwrap()
        .contains("cases disagree on the order of \"Pay\", \"Park\""));
}

#[test]
fn a_repeated_step_is_its_own_step() {
    let w = Work::new();
    w.write(
        "r.csv",
        "step,feeling\nCall support,-2\nWait,-3\nCall support,1\n",
    );
    let v = w.json(&["validate", "r.csv", "--format", "json"]);
    assert_eq!(
        v["steps"],
        serde_json::json!(["Call support", "Wait", "Call support (2)"])
    );
}

/// Text and JSON list the same columns, in the same order (the JSON once
/// left out the step and feeling columns the text named).
#[test]
fn columns_are_listed_alike_in_text_and_json() {
    let w = Work::new();
    let path = w.write("s.csv", "step,feeling,case,phase\na,1,x,p\nb,2,x,p\n");
    let path = path.to_str().unwrap();
    let text = w.stdout(&["validate", path]);
    let listed = text
        .lines()
        .find_map(|l| l.strip_prefix("columns"))
        .unwrap()
        .trim()
        .to_string();
    assert_eq!(listed, "step, feeling, case, phase");
    let v = w.json(&["validate", path, "--format", "json"]);
    let cols: Vec<&str> = v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(cols.join(", "), listed);
}

/// A summary's columns that emograph does not read are named, the `risk`
/// flag of emograph's own CSV among them (it was left out without a word).
#[test]
fn unread_columns_of_a_summary_are_named() {
    let w = Work::new();
    let path = w.write(
        "s.csv",
        "step,median,risk,segment,colour\na,1,true,x,red\nb,-2,false,x,blue\n",
    );
    let text = w.stdout(&["validate", path.to_str().unwrap()]);
    assert!(
        text.contains(
            "ignored columns not used in a summary: \"risk\", \"segment\", \"colour\" (which steps are prone to fail is worked out again from critical_share and --risk)"
        ),
        "{text}"
    );
}
