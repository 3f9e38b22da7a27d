//! `emograph analyze`: hand-worked numbers, the JSON contract, CSV and the table.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;

fn analyze(file: &str, args: &[&str]) -> String {
    let mut all = vec!["analyze", file];
    all.extend_from_slice(args);
    Work::new().stdout(&all)
}

fn json(file: &str, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&analyze(file, &all)).expect("valid JSON")
}

/// Case A17 of the cable fixture: feelings 2, 3, 0, −2, 4, −4, −3, 2, worked by hand.
#[test]
fn cable_case_a17_by_hand() {
    let v = json(&fixture("cable-install.csv"), &[]);
    assert_eq!(v["scale"]["critical"], -3.0);
    let a = &v["cases"][0];
    assert_eq!(a["case"], "A17");
    assert_eq!(a["segment"], "new");
    let tp: Vec<(u64, &str, f64)> = a["turning_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["index"].as_u64().unwrap(),
                t["kind"].as_str().unwrap(),
                t["prominence"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        tp,
        vec![
            (1, "peak", 1.0),
            (3, "trough", 5.0),
            (4, "peak", 6.0),
            (5, "trough", 6.0)
        ]
    );
    let dips = a["critical_dips"].as_array().unwrap();
    assert_eq!(dips.len(), 2);
    assert_eq!(dips[0]["step"], "First bill");
    assert_eq!(dips[0]["severity"], 7.0);
    assert_eq!(dips[0]["below_neutral_duration"], 2.0 * 86400.0);
    assert_eq!(dips[1]["step"], "Technician visit");
    assert_eq!(dips[1]["severity"], 2.0);
    assert_eq!(dips[1]["below_neutral_duration"], 3.0 * 3600.0);
    assert_eq!(dips[1]["at_end"], false);
    let s = &a["summary"];
    assert_eq!(s["steps"], 8);
    assert_eq!(s["mean"], 0.25);
    assert_eq!(s["peak_end"], 3.0);
    assert_eq!(s["area_below_neutral"], 9.0);
    assert_eq!(s["share_below_neutral"], 0.375);
    assert_eq!(s["min"], -4.0);
    assert_eq!(s["min_step"]["step"], "First bill");
    assert_eq!(s["handoffs"], 5);
    assert_eq!(s["owners"], 6);
    assert_eq!(s["mean_change_with_handoff"], -2.2);
    assert_eq!(s["mean_change_without_handoff"], 5.5);
    assert_eq!(s["promise_gap"], 1.875);
    let gaps: Vec<&str> = s["largest_gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        gaps,
        vec!["Technician visit", "First bill", "Calls support"]
    );
    assert_eq!(a["steps"][7]["elapsed"], 36.0 * 86400.0);
}

#[test]
fn json_contract_keys_are_present() {
    let v = json(&fixture("decimal-comma-semicolon.csv"), &[]);
    for k in ["min", "max", "neutral", "critical"] {
        assert!(v["scale"].get(k).is_some(), "scale.{k}");
    }
    let c = &v["cases"][0];
    for k in [
        "case",
        "segment",
        "steps",
        "turning_points",
        "critical_dips",
        "summary",
    ] {
        assert!(c.get(k).is_some(), "case.{k}");
    }
    for k in [
        "steps",
        "mean",
        "min",
        "max",
        "start",
        "end",
        "peak_end",
        "area_below_neutral",
        "share_below_neutral",
        "handoffs",
        "owners",
        "promise_gap",
    ] {
        assert!(c["summary"].get(k).is_some(), "summary.{k}");
    }
    // No owner or expected column: those are null, not missing.
    assert!(c["summary"]["handoffs"].is_null());
    assert!(c["summary"]["promise_gap"].is_null());
    // Decimal commas and words became numbers: 2,5 and WOW (= 5).
    assert_eq!(c["steps"][0]["feeling"], 2.5);
    assert_eq!(c["steps"][3]["feeling"], 5.0);
    assert_eq!(c["steps"][4]["feeling"], -5.0);
    // Ends in frustration: an at_end dip with null prominence.
    let last = c["critical_dips"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["at_end"] == true)
        .expect("at_end dip");
    assert!(last["prominence"].is_null());
    assert_eq!(last["step"], "Support call");
}

#[test]
fn thresholds_change_the_result() {
    let f = fixture("cable-install.csv");
    let strict = json(&f, &["--prominence", "5.5"]);
    let n = strict["cases"][0]["turning_points"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(n, 2, "only the two turning points of prominence 6");
    let lenient = json(&f, &["--critical", "-2"]);
    assert_eq!(lenient["scale"]["critical"], -2.0);
}

#[test]
fn short_cases_have_no_turning_points() {
    let w = Work::new();
    w.write("two.csv", "step,feeling\na,1\nb,-4\n");
    let v = w.json(&["analyze", "two.csv", "--format", "json"]);
    assert!(v["cases"][0]["turning_points"]
        .as_array()
        .unwrap()
        .is_empty());
    // …but a journey that ends in frustration still has its at-end dip.
    assert_eq!(v["cases"][0]["critical_dips"][0]["at_end"], true);
}

#[test]
fn bad_thresholds_are_usage_errors_naming_the_flag() {
    let w = Work::new();
    let f = fixture("cable-install.csv");
    for (flag, value) in [
        ("--prominence", "-1"),
        ("--critical", "-6"),
        ("--sharp-drop", "0"),
        ("--sharp-drop", "11"),
    ] {
        let stderr = w.fails(&["analyze", &f, flag, value], 2);
        assert!(stderr.contains(flag), "{stderr}");
        assert!(stderr.contains("expected"), "{stderr}");
    }
}

#[test]
fn csv_has_a_row_per_turning_point_and_dip() {
    let text = analyze(&fixture("cable-install.csv"), &["--format", "csv"]);
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let headers = rows.headers().unwrap().clone();
    assert_eq!(&headers[0], "case");
    assert_eq!(&headers[2], "kind");
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    let a17: Vec<&csv::StringRecord> = records.iter().filter(|r| &r[0] == "A17").collect();
    assert_eq!(a17.len(), 4 + 2);
    assert!(a17
        .iter()
        .any(|r| &r[2] == "critical_dip" && &r[4] == "First bill" && &r[8] == "7"));
}

#[test]
fn csv_cells_cannot_become_formulas() {
    let w = Work::new();
    w.write(
        "f.csv",
        "step,feeling\n=HYPERLINK(\"x\"),1\n@cmd,-4\n+1 more,3\nend,-4\n",
    );
    let text = w.stdout(&["analyze", "f.csv", "--format", "csv"]);
    assert!(text.contains("'@cmd"), "{text}");
    assert!(!text.contains(",@cmd"), "{text}");
}

#[test]
fn table_snapshot() {
    let text = analyze(&fixture("cable-install.csv"), &[]);
    insta::assert_snapshot!("cable_table", text);
}

#[test]
fn json_snapshot() {
    let text = analyze(&example("contact-us.csv"), &["--format", "json"]);
    insta::assert_snapshot!("contact_us_json", text);
}

#[test]
fn reports_are_deterministic() {
    let f = fixture("cable-install.csv");
    for format in ["json", "csv", "table"] {
        assert_eq!(
            analyze(&f, &["--format", format]),
            analyze(&f, &["--format", format])
        );
    }
}

#[test]
fn report_to_file() {
    let w = Work::new();
    w.cmd()
        .args([
            "analyze",
            &fixture("cable-install.csv"),
            "--format",
            "json",
            "-o",
            "a.json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let v: Value = serde_json::from_slice(&w.read("a.json")).unwrap();
    assert_eq!(v["cases"].as_array().unwrap().len(), 2);
}
