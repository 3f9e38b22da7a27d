//! `emograph compare`: every input form (two sheets, a version column, one
//! case each, two summaries), every output format, the graph's marks, the
//! exit codes of `--fail-if-worse`, and the bad inputs of the issue.

mod common;

use common::{assert_well_formed_svg, example, Work};

/// 12 cases before and 12 after: "Wait" gets much better, "Pay" much worse,
/// "Leave" is removed and "Call back" added.
fn versions_sheet() -> String {
    let mut s = String::from("case,version,step,feeling\n");
    for c in 0..12 {
        let jitter = c % 3 - 1;
        for (step, v) in [("Order", 1), ("Wait", -4), ("Pay", 2), ("Leave", -1)] {
            s.push_str(&format!("b{c},old,{step},{}\n", v + jitter));
        }
        for (step, v) in [("Order", 1), ("Call back", 3), ("Wait", 2), ("Pay", -2)] {
            s.push_str(&format!("a{c},new,{step},{}\n", v + jitter));
        }
    }
    s
}

#[test]
fn a_version_column_compares_its_two_versions_in_order_of_appearance() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    let j = w.json(&["compare", "survey.csv", "--format", "json"]);
    assert_eq!(j["before"]["label"], "old");
    assert_eq!(j["after"]["label"], "new");
    assert_eq!(j["before"]["cases"], 12);
    assert_eq!(j["alpha"], 0.05);
    let steps = j["steps"].as_array().unwrap();
    let names: Vec<&str> = steps.iter().map(|s| s["step"].as_str().unwrap()).collect();
    assert_eq!(names, ["Order", "Call back", "Wait", "Pay", "Leave"]);
    let by_name = |n: &str| steps.iter().find(|s| s["step"] == n).unwrap();
    assert_eq!(by_name("Leave")["status"], "removed");
    assert_eq!(by_name("Call back")["status"], "added");
    assert!(by_name("Leave")["after"].is_null());
    let wait = by_name("Wait");
    assert_eq!(wait["status"], "both");
    assert_eq!(wait["delta_median"], 6.0);
    assert_eq!(wait["significant"], true);
    assert!(wait["effect"].as_f64().unwrap() > 0.9);
    assert!(wait["p_holm"].as_f64().unwrap() >= wait["p_value"].as_f64().unwrap());
    let pay = by_name("Pay");
    assert_eq!(pay["delta_median"], -4.0);
    assert!(pay["effect"].as_f64().unwrap() < 0.0);
    // Identical values on both sides: nothing to tell apart.
    let order = by_name("Order");
    assert_eq!(order["p_value"], 1.0);
    assert_eq!(order["significant"], false);
    for key in ["n", "median", "mean", "p25", "p75", "critical_share"] {
        assert!(!order["before"][key].is_null(), "{key}");
    }
    assert_eq!(j["fixed_dips"], serde_json::json!(["Wait"]));
    assert_eq!(j["removed_steps"], serde_json::json!(["Leave"]));
    assert_eq!(j["added_steps"], serde_json::json!(["Call back"]));
    for measure in ["peak_end", "area_below_neutral"] {
        for key in ["before", "after", "delta", "p_value"] {
            assert!(j["journey"][measure].get(key).is_some(), "{measure}.{key}");
        }
    }
}

#[test]
fn the_table_says_what_changed_in_words() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    let out = w.stdout(&["compare", "survey.csv", "--labels", "As is,To be"]);
    let first = out.lines().next().unwrap();
    assert!(first.contains("better (1 significant)"), "{first}");
    assert!(first.contains("1 dip fixed"), "{first}");
    assert!(first.contains("1 step removed"), "{first}");
    assert!(out.contains("\"As is\""), "{out}");
    assert!(out.contains("\"To be\""), "{out}");
}

#[test]
fn two_sheets_are_matched_by_step_name_and_labelled_by_file() {
    let w = Work::new();
    w.write(
        "as-is.csv",
        "case,step,feeling\na,Find,-2\na,Wait,-4\na,Solved,3\nb,Find,-1\nb,Wait,-5\nb,Solved,2\n",
    );
    w.write(
        "to-be.csv",
        "case,step,feeling\nx,Find,1\nx,Call back,3\nx,Solved,3\ny,Find,2\ny,Call back,2\ny,Solved,4\n",
    );
    let j = w.json(&["compare", "as-is.csv", "to-be.csv", "--format", "json"]);
    assert_eq!(j["before"]["label"], "as-is");
    assert_eq!(j["after"]["label"], "to-be");
    assert_eq!(j["removed_steps"], serde_json::json!(["Wait"]));
    assert_eq!(j["added_steps"], serde_json::json!(["Call back"]));
    let find = &j["steps"][0];
    assert_eq!(find["step"], "Find");
    assert_eq!(find["delta_mean"], 3.0);
    assert!(find["p_value"].is_number());
}

#[test]
fn one_case_against_one_gives_deltas_and_says_why_there_is_no_test() {
    let w = Work::new();
    w.write("a.csv", "step,feeling\nA,1\nB,-3\nC,2\n");
    w.write("b.csv", "step,feeling\nA,2\nC,3\nD,1\n");
    let j = w.json(&["compare", "a.csv", "b.csv", "--format", "json"]);
    assert!(j["no_test_reason"].as_str().unwrap().contains("one case"));
    let a = &j["steps"][0];
    assert_eq!(a["delta_median"], 1.0);
    assert!(a["p_value"].is_null());
    assert!(a["significant"].is_null());
    assert!(j["journey"]["peak_end"]["p_value"].is_null());
    // No negative zero anywhere in the numbers.
    assert!(!j.to_string().contains("-0.0"), "{j}");
}

#[test]
fn two_summaries_compare_without_a_test() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    // Each version's pattern summary, as the pattern command writes it.
    for (v, file) in [("old", "old.csv"), ("new", "new.csv")] {
        let rows: String = versions_sheet()
            .lines()
            .enumerate()
            .filter(|(i, l)| *i == 0 || l.contains(&format!(",{v},")))
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        w.write(&format!("cases-{file}"), rows);
        w.stdout(&[
            "pattern",
            &format!("cases-{file}"),
            "--format",
            "csv",
            "--report",
            file,
        ]);
    }
    let j = w.json(&["compare", "old.csv", "new.csv", "--format", "json"]);
    assert!(j["before"]["cases"].is_null());
    assert!(j["no_test_reason"].as_str().unwrap().contains("summaries"));
    let wait = j["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == "Wait")
        .unwrap()
        .clone();
    assert_eq!(wait["delta_median"], 6.0);
    assert!(wait["p_value"].is_null());
}

#[test]
fn csv_reports_one_row_per_step_and_the_format_follows_the_report_name() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    w.stdout(&["compare", "survey.csv", "--report", "change.csv"]);
    let csv = String::from_utf8(w.read("change.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    for key in [
        "step",
        "status",
        "delta_median",
        "p_value",
        "p_holm",
        "significant",
    ] {
        assert!(header.split(',').any(|h| h == key), "{key} in {header}");
    }
    assert_eq!(csv.lines().count(), 1 + 5);
    w.stdout(&["compare", "survey.csv", "--report", "change.json"]);
    let j: serde_json::Value = serde_json::from_slice(&w.read("change.json")).unwrap();
    assert_eq!(j["steps"].as_array().unwrap().len(), 5);
}

#[test]
fn the_graph_fills_better_green_and_worse_red_and_marks_removed_and_added_steps() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    w.stdout(&["compare", "survey.csv", "-o", "change.svg"]);
    let svg = String::from_utf8(w.read("change.svg")).unwrap();
    assert_well_formed_svg(&svg);
    assert!(
        svg.contains("fill=\"#009E73\""),
        "green (Okabe–Ito bluish green) fill where better"
    );
    assert!(
        svg.contains("fill=\"#D55E00\""),
        "red (Okabe–Ito vermillion) fill where worse"
    );
    assert!(svg.contains("better after") && svg.contains("worse after"));
    let texts = common::svg_texts(&svg);
    assert!(
        texts.iter().any(|t| t == "+6 *"),
        "the significant change is starred under its step: {texts:?}"
    );
    assert!(texts.iter().any(|t| t == "removed"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "new"), "{texts:?}");
    w.stdout(&[
        "compare",
        "survey.csv",
        "-o",
        "change.png",
        "--width",
        "800",
        "--height",
        "450",
    ]);
    assert_eq!(common::png_size(&w.read("change.png")), (800, 450));
}

#[test]
fn fail_if_worse_exits_3_naming_what_got_worse() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    let stderr = w
        .exits(
            &[
                "compare",
                "survey.csv",
                "--fail-if-worse",
                "--report",
                "r.json",
            ],
            3,
        )
        .1;
    assert!(stderr.contains("\"Pay\""), "{stderr}");
    assert!(!stderr.contains("\"Wait\""), "{stderr}");
    // Everything was still written.
    assert!(w.path("r.json").exists());
    // Without the flag, the same comparison succeeds.
    w.stdout(&["compare", "survey.csv", "--report", "r2.json"]);
    // Swapped, "Wait" is the step that got worse.
    let stderr = w
        .exits(
            &[
                "compare",
                "survey.csv",
                "--versions",
                "new,old",
                "--fail-if-worse",
            ],
            3,
        )
        .1;
    assert!(
        stderr.contains("\"Wait\"") && !stderr.contains("\"Pay\""),
        "{stderr}"
    );
    // Only better after: exit 0.
    let better: String = versions_sheet()
        .lines()
        .filter(|l| !l.contains(",Pay,"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("better.csv", better);
    w.stdout(&["compare", "better.csv", "--fail-if-worse"]);
}

#[test]
fn versions_and_columns_are_picked_by_flag() {
    let w = Work::new();
    let mut sheet = versions_sheet().replace("case,version,", "case,segment,");
    sheet.push_str("z1,third,Order,1\n");
    w.write("seg.csv", &sheet);
    let j = w.json(&[
        "compare",
        "seg.csv",
        "--by-column",
        "segment",
        "--versions",
        "old,new",
        "--format",
        "json",
    ]);
    assert_eq!(j["after"]["label"], "new");
    // Three values and no --versions: the error lists them.
    let err = w.fails(&["compare", "seg.csv", "--by-column", "segment"], 1);
    assert!(err.contains("\"old\", \"new\", \"third\""), "{err}");
    assert!(err.contains("--versions"), "{err}");
}

#[test]
fn bad_versions_and_sheets_are_clear_errors() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    let err = w.fails(&["compare", "survey.csv", "--versions", "old,2027"], 1);
    assert!(err.contains("\"2027\""), "{err}");
    assert!(err.contains("\"old\", \"new\""), "{err}");
    w.write("one.csv", "case,version,step,feeling\na,v1,A,1\nb,v1,A,2\n");
    let err = w.fails(&["compare", "one.csv"], 1);
    assert!(err.contains("1 value: \"v1\""), "{err}");
    w.write("plain.csv", "step,feeling\nA,1\n");
    let err = w.fails(&["compare", "plain.csv"], 2);
    assert!(err.contains("compare BEFORE AFTER"), "{err}");
    w.write("other.csv", "step,feeling\nX,1\nY,2\n");
    let err = w.fails(&["compare", "plain.csv", "other.csv"], 1);
    assert!(err.contains("no step in common"), "{err}");
    // Nothing was written by the failures.
    assert!(!w
        .files()
        .iter()
        .any(|f| f.ends_with(".svg") || f.ends_with(".tmp")));
}

#[test]
fn alpha_outside_zero_to_one_and_contradicting_flags_are_usage_errors() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    for alpha in ["0", "1", "1.5", "-0.1", "x"] {
        w.fails(&["compare", "survey.csv", "--alpha", alpha], 2);
    }
    w.write("b.csv", "step,feeling\nA,1\n");
    w.fails(
        &["compare", "survey.csv", "b.csv", "--versions", "old,new"],
        2,
    );
    w.fails(&["compare", "survey.csv", "--versions", "old,old"], 2);
    w.fails(&["compare", "survey.csv", "-o", "-"], 2);
    w.fails(&["compare", "survey.csv", "-o", "graph.gif"], 2);
}

#[test]
fn the_shipped_redesign_example_shows_the_wait_fixed() {
    let w = Work::new();
    let j = w.json(&[
        "compare",
        &example("contact-us-redesign.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(j["fixed_dips"], serde_json::json!(["Wait for a reply"]));
    assert!(j["removed_steps"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("Wait for a reply")));
    assert_eq!(j["journey"]["area_below_neutral"]["delta"], -5.0);
}

#[test]
fn the_same_comparison_gives_the_same_bytes() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    let a = w.stdout(&[
        "compare",
        "survey.csv",
        "--format",
        "json",
        "-o",
        "a.svg",
        "--report",
        "-",
    ]);
    let b = w.stdout(&[
        "compare",
        "survey.csv",
        "--format",
        "json",
        "-o",
        "b.svg",
        "--report",
        "-",
    ]);
    assert_eq!(a, b);
    assert_eq!(w.read("a.svg"), w.read("b.svg"));
}

/// Removed steps are struck through on the axis: the SVG text of "Leave"
/// carries `text-decoration="line-through"`, no other step's does.
#[test]
fn removed_steps_are_struck_through_on_the_axis() {
    let w = Work::new();
    w.write("survey.csv", versions_sheet());
    w.stdout(&["compare", "survey.csv", "-o", "c.svg", "--report", "r.txt"]);
    let svg = String::from_utf8(w.read("c.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let struck: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| n.attribute("text-decoration") == Some("line-through"))
        .map(|n| n.text().unwrap_or("").trim())
        .collect();
    assert_eq!(struck, ["Leave"]);
    // The PNG draws it too (and still renders).
    w.stdout(&["compare", "survey.csv", "-o", "c.png", "--report", "r.txt"]);
}

/// One sheet with a version and a segment column: two segments, 8 cases a
/// side each. In "business" the step "Pay" gets much worse after; in
/// "family" it stays the same. "Leave" is removed, "Call back" added.
fn segments_sheet() -> String {
    let mut s = String::from("case,version,segment,step,feeling\n");
    for seg in ["family", "business"] {
        for c in 0..8 {
            let jitter = c % 3 - 1;
            for (step, v) in [("Order", 1), ("Wait", -4), ("Pay", 2), ("Leave", -1)] {
                s.push_str(&format!("{seg}-b{c},old,{seg},{step},{}\n", v + jitter));
            }
            let pay = if seg == "business" { -3 } else { 2 };
            for (step, v) in [("Order", 1), ("Call back", 3), ("Wait", 2), ("Pay", pay)] {
                s.push_str(&format!("{seg}-a{c},new,{seg},{step},{}\n", v + jitter));
            }
        }
    }
    s
}

fn files_in(w: &Work, dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(w.path(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn by_writes_a_graph_and_a_report_per_group_and_the_index() {
    let w = Work::new();
    w.write("contact-us-redesign.csv", segments_sheet());
    w.cmd()
        .args([
            "compare",
            "contact-us-redesign.csv",
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--graph-format",
            "svg",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stderr("wrote 2 graphs to out/\n");
    assert_eq!(
        files_in(&w, "out"),
        [
            "business.json",
            "business.svg",
            "family.json",
            "family.svg",
            "index.json"
        ]
    );
    let index: serde_json::Value = serde_json::from_slice(&w.read("out/index.json")).unwrap();
    assert_eq!(
        index,
        serde_json::json!({
            "input": "contact-us-redesign.csv",
            "by": "segment",
            "groups": [
                {"group": "family", "file": "family.svg", "report": "family.json",
                 "cases": 16, "steps": 5, "critical_dips": 0, "prone_to_fail": 0,
                 "status": "ok", "error": null},
                // The after pattern's dips: Pay sinks to −3 in business.
                {"group": "business", "file": "business.svg", "report": "business.json",
                 "cases": 16, "steps": 5, "critical_dips": 1, "prone_to_fail": 1,
                 "status": "ok", "error": null},
            ]
        })
    );
    // Each group's report is the comparison of that group alone.
    let family: String = segments_sheet()
        .lines()
        .filter(|l| !l.contains(",business,"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("family-only.csv", family);
    let alone = w.json(&["compare", "family-only.csv", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&w.read("out/family.json")).unwrap();
    assert_eq!(report, alone);
    assert_eq!(report["before"]["label"], "old");
    assert_eq!(report["before"]["cases"], 8);
    // Titles carry the group.
    for group in ["family", "business"] {
        let svg = String::from_utf8(w.read(&format!("out/{group}.svg"))).unwrap();
        assert_well_formed_svg(&svg);
        let texts = common::svg_texts(&svg);
        let title = format!("Contact us redesign — {group}");
        assert!(texts.contains(&title), "{texts:?}");
    }
    // Without --format: tables (.txt); the graph's format from -o's extension.
    w.stdout(&[
        "compare",
        "contact-us-redesign.csv",
        "--by",
        "segment",
        "-o",
        "short/r.png",
        "-q",
    ]);
    assert_eq!(
        files_in(&w, "short"),
        [
            "r-business.png",
            "r-business.txt",
            "r-family.png",
            "r-family.txt",
            "r.index.json"
        ]
    );
    let table = String::from_utf8(w.read("short/r-family.txt")).unwrap();
    assert!(table.contains("1 step removed"), "{table}");
}

#[test]
fn a_group_without_both_sides_fails_and_the_others_are_written() {
    let w = Work::new();
    // One sheet: "solo" has cases of the old version only.
    let mut sheet = segments_sheet();
    sheet.push_str("s1,old,solo,Order,1\ns1,old,solo,Wait,2\n");
    w.write("survey.csv", &sheet);
    let (_, stderr) = w.exits(
        &[
            "compare",
            "survey.csv",
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--format",
            "csv",
        ],
        1,
    );
    assert!(
        stderr.contains("error: group \"solo\": the group has no cases of version \"new\""),
        "{stderr}"
    );
    assert!(stderr.contains("2 graphs"), "{stderr}");
    let index: serde_json::Value = serde_json::from_slice(&w.read("out/index.json")).unwrap();
    let solo = &index["groups"][2];
    assert_eq!(solo["group"], "solo");
    assert_eq!(solo["status"], "failed");
    assert!(solo["file"].is_null() && solo["report"].is_null());
    assert!(solo["error"].as_str().unwrap().contains("\"new\""));
    assert!(w.path("out/family.csv").exists() && w.path("out/business.png").exists());
    assert!(!w.path("out/solo.png").exists());

    // Two sheets: a group in only one of them fails, named with both files.
    let before: String = segments_sheet()
        .lines()
        .filter(|l| !l.contains(",new,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let after: String = segments_sheet()
        .lines()
        .filter(|l| !l.contains(",old,") && !l.contains(",business,"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("as-is.csv", before);
    w.write("to-be.csv", after);
    w.exits(
        &[
            "compare",
            "as-is.csv",
            "to-be.csv",
            "--by",
            "segment",
            "--out-dir",
            "two",
            "-q",
        ],
        1,
    );
    let index: serde_json::Value = serde_json::from_slice(&w.read("two/index.json")).unwrap();
    assert_eq!(index["input"], "as-is.csv");
    assert_eq!(index["after"], "to-be.csv");
    assert_eq!(index["groups"][0]["status"], "ok");
    assert_eq!(index["groups"][0]["report"], "family.txt");
    let business = &index["groups"][1];
    assert_eq!(business["status"], "failed");
    assert_eq!(
        business["error"],
        "the group is only in as-is.csv: to-be.csv has no cases in it — expected the group in both sheets"
    );
    // The two-sheet group report is the comparison of the two sheets' group.
    let t = String::from_utf8(w.read("two/family.txt")).unwrap();
    assert!(t.contains("as-is") && t.contains("to-be"), "{t}");
}

#[test]
fn by_gives_the_same_bytes_whatever_jobs_is() {
    let w = Work::new();
    w.write("survey.csv", segments_sheet());
    for format in ["svg", "png"] {
        for jobs in ["1", "2"] {
            w.stdout(&[
                "compare",
                "survey.csv",
                "--by",
                "segment",
                "--out-dir",
                &format!("{format}-{jobs}"),
                "--graph-format",
                format,
                "--format",
                "json",
                "--jobs",
                jobs,
                "--width",
                "640",
                "--height",
                "360",
                "-q",
            ]);
        }
        let one = files_in(&w, &format!("{format}-1"));
        assert_eq!(one, files_in(&w, &format!("{format}-2")));
        for f in &one {
            assert_eq!(
                w.read(&format!("{format}-1/{f}")),
                w.read(&format!("{format}-2/{f}")),
                "{f}"
            );
        }
    }
}

#[test]
fn fail_if_worse_with_by_names_the_group_and_the_step() {
    let w = Work::new();
    w.write("survey.csv", segments_sheet());
    let args = [
        "compare",
        "survey.csv",
        "--by",
        "segment",
        "--out-dir",
        "out",
        "--fail-if-worse",
    ];
    let (_, stderr) = w.exits(&args, 3);
    assert!(
        stderr.contains(
            "worse: significantly worse after than before: group \"business\": step \"Pay\""
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("group \"family\""), "{stderr}");
    // Everything was written all the same.
    assert!(w.path("out/index.json").exists() && w.path("out/family.png").exists());
    // Only the family: exit 0.
    let family: String = segments_sheet()
        .lines()
        .filter(|l| !l.contains(",business,"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("family.csv", family);
    w.stdout(&[
        "compare",
        "family.csv",
        "--by",
        "segment",
        "--out-dir",
        "fam",
        "--fail-if-worse",
    ]);
}

#[test]
fn by_usage_errors() {
    let w = Work::new();
    w.write("survey.csv", segments_sheet());
    for (args, says) in [
        (
            &["--by", "version", "--out-dir", "o"][..],
            "--by-column the column that holds the versions",
        ),
        (&["--by", "segment"][..], "give --out-dir DIR"),
        (&["--out-dir", "o"][..], "--out-dir needs --by"),
        (&["--jobs", "2"][..], "--jobs needs --by"),
        (
            &["--by", "segment", "--out-dir", "o", "--report", "r.json"][..],
            "leave out --report",
        ),
        (&["--by", "segment", "-o", "-"][..], "give --out-dir DIR"),
    ] {
        let mut all = vec!["compare", "survey.csv"];
        all.extend_from_slice(args);
        let stderr = w.fails(&all, 2);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert!(!w.path("o").exists());
}

#[test]
fn by_needs_sheets_of_cases() {
    let w = Work::new();
    w.write("survey.csv", segments_sheet());
    let summary = w.stdout(&["pattern", "survey.csv", "--format", "csv"]);
    w.write("summary.csv", summary);
    let stderr = w.fails(
        &[
            "compare",
            "summary.csv",
            "survey.csv",
            "--by",
            "segment",
            "--out-dir",
            "o",
        ],
        2,
    );
    assert!(
        stderr.contains("summary.csv is a pattern summary"),
        "{stderr}"
    );
    assert!(!w.path("o").exists());
}
