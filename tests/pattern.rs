//! `emograph pattern`, the pattern graph, `--by`, and pattern summaries.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;

fn run_json(w: &Work, args: &[&str]) -> Value {
    let mut all = vec!["pattern"];
    all.extend_from_slice(args);
    all.extend(["--format", "json"]);
    w.json(&all)
}

/// The worked example of docs/method.md.
#[test]
fn hebrew_workshop_pattern_by_hand() {
    let w = Work::new();
    let v = run_json(&w, &[&fixture("workshop-cinema-he-bom-crlf.csv")]);
    assert_eq!(v["cases"], 5);
    assert_eq!(v["stat"], "median");
    let line: Vec<f64> = v["line"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert_eq!(line, vec![2.0, 0.0, -3.0, -2.0, 4.0, -2.0, 1.0]);
    let park = &v["steps"][2];
    assert_eq!(park["step"], "חיפוש חניה");
    assert_eq!(park["n"], 5);
    assert_eq!(park["median"], -3.0);
    assert_eq!(park["p25"], -4.0);
    assert_eq!(park["p75"], -3.0);
    assert_eq!(park["mean"], -3.4);
    assert_eq!(park["critical_share"], 0.8);
    assert_eq!(park["risk"], true);
    assert_eq!(v["steps"][0]["risk"], false);
    // sd of 2, 3, 1, 2, 2 = sqrt(0.5)
    assert!((v["steps"][0]["sd"].as_f64().unwrap() - 0.5f64.sqrt()).abs() < 1e-12);
    let dips = v["critical_dips"].as_array().unwrap();
    assert_eq!(dips[0]["index"], 2);
    assert_eq!(dips[0]["prominence"], 5.0);
    for key in ["scale", "turning_points", "summary", "left_out"] {
        assert!(v.get(key).is_some(), "{key}");
    }
}

#[test]
fn mean_line() {
    let w = Work::new();
    let v = run_json(
        &w,
        &[
            &fixture("workshop-cinema-he-bom-crlf.csv"),
            "--stat",
            "mean",
        ],
    );
    assert_eq!(v["stat"], "mean");
    assert_eq!(v["line"][2], -3.4);
}

#[test]
fn groups_by_segment() {
    let w = Work::new();
    let v = run_json(&w, &[&fixture("cable-install.csv"), "--by", "segment"]);
    assert_eq!(v["by"], "segment");
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["group"], "new");
    assert_eq!(groups[0]["cases"], 1);
    assert_eq!(groups[1]["group"], "upgrade");
    // B02 (upgrade) never saw the TV ad: the step is left out of its pattern.
    assert_eq!(groups[1]["left_out"][0], "Sees TV ad");
    assert!(groups[1]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["step"] != "Sees TV ad"));
}

#[test]
fn by_needs_a_case_column() {
    let w = Work::new();
    let he = fixture("workshop-cinema-he-bom-crlf.csv");
    let stderr = w.fails(&["pattern", &he, "--by", "segment"], 2);
    assert!(stderr.contains("no segment column"), "{stderr}");
    let cable = fixture("cable-install.csv");
    let stderr = w.fails(&["pattern", &cable, "--by", "feeling"], 2);
    assert!(
        stderr.contains("expected a column that describes a whole case"),
        "{stderr}"
    );
    // The owner changes within a case: it cannot group cases.
    let stderr = w.fails(&["pattern", &cable, "--by", "owner"], 1);
    assert!(
        stderr.contains("the owner of case \"A17\" changes"),
        "{stderr}"
    );
}

#[test]
fn risk_outside_zero_to_one_is_a_usage_error() {
    let w = Work::new();
    let f = fixture("cable-install.csv");
    for bad in ["1.5", "-0.1", "lots"] {
        let stderr = w.fails(&["pattern", &f, "--risk", bad], 2);
        assert!(stderr.contains("--risk"), "{bad}: {stderr}");
    }
}

#[test]
fn one_case_is_its_own_pattern() {
    let w = Work::new();
    let v = run_json(&w, &[&example("contact-us.csv")]);
    assert_eq!(v["cases"], 1);
    assert_eq!(v["steps"][3]["p25"], v["steps"][3]["p75"]);
    w.cmd()
        .args(["pattern", &example("contact-us.csv"), "-o", "one.svg"])
        .assert()
        .success();
    assert_well_formed_svg(&String::from_utf8(w.read("one.svg")).unwrap());
}

#[test]
fn empty_steps_are_left_out_with_a_warning() {
    let w = Work::new();
    w.write(
        "e.csv",
        "step,A,B\nOrder,1,2\nLost step,,\nDelivery,-4,-3\n",
    );
    w.cmd()
        .args(["pattern", "e.csv", "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains("left out of the pattern"))
        .stderr(predicate::str::contains("\"Lost step\""))
        .stdout(predicate::str::contains("Lost step").not());
}

/// The polylines and polygons of an SVG: the drawn data, without the words.
fn shapes(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline") || n.has_tag_name("polygon"))
        .map(|n| {
            n.attributes()
                .map(|a| format!("{}={}", a.name(), a.value()))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn csv_summary_round_trip_draws_the_same_pattern() {
    let w = Work::new();
    let sheet = fixture("workshop-cinema-he-bom-crlf.csv");
    let out = w.stdout(&["pattern", &sheet, "--format", "csv"]);
    w.write("summary.csv", &out);
    // Read back: detected as a summary, same figures.
    w.cmd()
        .args(["validate", "summary.csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("layout     summary (7 rows)"))
        .stdout(predicate::str::contains("none: a pattern summary"));
    // …which `analyze` (per case) cannot take, and says so.
    let stderr = w.fails(&["analyze", "summary.csv"], 1);
    assert!(stderr.contains("pattern summary"), "{stderr}");
    let a = run_json(&w, &[&sheet]);
    let b = run_json(&w, &["summary.csv"]);
    assert_eq!(a["line"], b["line"]);
    assert_eq!(a["steps"], b["steps"]);
    assert_eq!(a["turning_points"], b["turning_points"]);
    assert_eq!(a["critical_dips"], b["critical_dips"]);
    assert!(b["cases"].is_null());
    // Drawn: the same band and line.
    w.cmd()
        .args(["plot", &sheet, "-o", "from-cases.svg", "--cases", "none"])
        .assert()
        .success();
    w.cmd()
        .args(["plot", "summary.csv", "-o", "from-summary.svg"])
        .assert()
        .success();
    let x = shapes(&String::from_utf8(w.read("from-cases.svg")).unwrap());
    let y = shapes(&String::from_utf8(w.read("from-summary.svg")).unwrap());
    assert!(!x.is_empty());
    assert_eq!(x, y);
}

#[test]
fn summary_written_by_a_warehouse_is_read() {
    let w = Work::new();
    w.write(
        "wh.csv",
        "step,n,median,p25,p75\nSearch,120,2,1,3\nQueue,118,-3,-4,-1.5\nFilm,119,4,3,5\n",
    );
    let v = run_json(&w, &["wh.csv"]);
    assert_eq!(v["steps"][1]["n"], 118);
    assert!(v["steps"][1]["critical_share"].is_null());
    assert!(v["steps"][1]["risk"].is_null());
    assert_eq!(v["critical_dips"][0]["step"], "Queue");
    w.cmd()
        .args(["plot", "wh.csv", "-o", "wh.png"])
        .assert()
        .success();
    // A summary cannot give a mean line it does not have.
    let stderr = w.fails(&["pattern", "wh.csv", "--stat", "mean"], 1);
    assert!(
        stderr.contains("--stat mean needs each step's mean"),
        "{stderr}"
    );
}

#[test]
fn inconsistent_summary_is_refused_with_its_line() {
    let w = Work::new();
    w.write(
        "bad.csv",
        "step,median,p25,p75\nSearch,2,1,3\nQueue,-3,-2,-1\n",
    );
    let stderr = w.fails(&["pattern", "bad.csv"], 1);
    assert!(stderr.starts_with("error: bad.csv:3:"), "{stderr}");
    assert!(stderr.contains("p25 −2 is above median −3"), "{stderr}");
    w.write("dup.csv", "step,median\nA,1\nA,2\n");
    let stderr = w.fails(&["pattern", "dup.csv"], 1);
    assert!(stderr.contains("appears twice"), "{stderr}");
}

#[test]
fn pattern_graph_has_band_line_cases_and_flags() {
    let w = Work::new();
    w.cmd()
        .args([
            "pattern",
            &fixture("workshop-cinema-he-bom-crlf.csv"),
            "-o",
            "p.svg",
            "--lang",
            "en",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote p.svg"));
    let svg = String::from_utf8(w.read("p.svg")).unwrap();
    let texts = svg_texts(&svg);
    for want in [
        "individual cases (5)",
        "middle half of cases (25–75%)",
        "median (the typical pattern)",
        "critical dip",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want}: {texts:?}");
    }
    assert!(texts
        .iter()
        .any(|t| t.contains("typical pattern of 5 cases")));
    assert!(
        texts.iter().any(|t| t.starts_with("⚠")),
        "risky step flagged: {texts:?}"
    );
    assert!(texts.iter().any(|t| t == "80% ≤ \u{2212}3"), "{texts:?}");
    // The band is a filled polygon; the pattern line a thick polyline.
    assert!(
        svg.contains("<polygon") && svg.contains("fill=\"#4A78B5\""),
        "band"
    );
    assert!(svg.contains("stroke-width=\"5\""), "pattern line");
    // Five faint case lines behind it, and their legend entry.
    let faint = svg.matches("stroke=\"#4A78B5\" stroke-width=\"1\"").count();
    assert_eq!(faint, 5 + 1);
}

#[test]
fn band_and_cases_options() {
    let w = Work::new();
    let f = fixture("workshop-cinema-he-bom-crlf.csv");
    w.cmd()
        .args([
            "plot", &f, "-o", "n.svg", "--band", "none", "--cases", "none",
        ])
        .assert()
        .success();
    let svg = String::from_utf8(w.read("n.svg")).unwrap();
    assert!(!svg.contains("fill=\"#4A78B5\""), "no band");
    assert!(
        !svg.contains("stroke=\"#4A78B5\" stroke-width=\"1\""),
        "no case lines"
    );
    w.cmd()
        .args([
            "plot", &f, "-o", "m.svg", "--band", "minmax", "--lang", "en",
        ])
        .assert()
        .success();
    let texts = svg_texts(&String::from_utf8(w.read("m.svg")).unwrap());
    assert!(texts
        .iter()
        .any(|t| t == "range of cases (lowest to highest)"));
}

#[test]
fn by_segment_draws_one_graph_per_group() {
    let w = Work::new();
    w.cmd()
        .args([
            "pattern",
            &fixture("cable-install.csv"),
            "--by",
            "segment",
            "-o",
            "seg.png",
        ])
        .assert()
        .success();
    assert_eq!(png_size(&w.read("seg-new.png")), (1600, 900));
    assert_eq!(png_size(&w.read("seg-upgrade.png")), (1600, 900));
}

#[test]
fn table_snapshot() {
    let w = Work::new();
    let out = w.stdout(&["pattern", &fixture("workshop-cinema-he-bom-crlf.csv")]);
    insta::assert_snapshot!("he_pattern_table", out);
}

#[test]
fn csv_snapshot() {
    let w = Work::new();
    let out = w.stdout(&["pattern", &example("cinema-evening.csv"), "--format", "csv"]);
    insta::assert_snapshot!("cinema_pattern_csv", out);
}

#[test]
fn graph_and_report_cannot_share_stdout() {
    let w = Work::new();
    let stderr = w.fails(&["pattern", &example("cinema-evening.csv"), "-o", "-"], 2);
    assert!(stderr.contains("--report FILE"), "{stderr}");
    w.cmd()
        .args([
            "pattern",
            &example("cinema-evening.csv"),
            "-o",
            "-",
            "--report",
            "r.txt",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<svg"));
    assert!(String::from_utf8(w.read("r.txt"))
        .unwrap()
        .starts_with("typical pattern of 3 cases"));
}

#[test]
fn summary_order_column_sorts_the_steps() {
    let w = Work::new();
    w.write(
        "o.csv",
        "step,order,median\nGet home,3,1\nSearch,1,2\nParking,2,-4\n",
    );
    let v = run_json(&w, &["o.csv"]);
    let steps: Vec<&str> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(steps, vec!["Search", "Parking", "Get home"]);
}

#[test]
fn summary_share_outside_zero_to_one_says_what_a_share_is() {
    let w = Work::new();
    w.write("s.csv", "step,median,critical_share\nA,1,0.2\nB,-3,1.5\n");
    let stderr = w.fails(&["pattern", "s.csv"], 1);
    assert!(
        stderr.contains(
            "s.csv:3:1: step \"B\": critical_share 1.5 is not a share — expected a share from 0 to 1"
        ),
        "{stderr}"
    );
}

/// `--by` with `-o FILE`: one graph per group beside FILE, named by the
/// group's safe, unique name; nothing is written anywhere else, and a link
/// planted where a graph goes is replaced, not written through.
#[test]
fn by_group_names_are_safe_and_unique() {
    let w = Work::new();
    let mut sheet = String::from("case,segment,step,feeling\n");
    let segments = [
        "a b",
        "a_b",
        "a/b",
        "../../x",
        "CON",
        "New",
        "new",
        "לקוחות חדשים",
        "",
    ];
    for (i, s) in segments.iter().enumerate() {
        sheet.push_str(&format!("c{i},{s},s1,1\nc{i},{s},s2,-2\nc{i},{s},s3,3\n"));
    }
    w.write("in.csv", sheet);
    std::fs::create_dir(w.path("out")).unwrap();
    w.write("victim.txt", "keep me");
    #[cfg(unix)]
    std::os::unix::fs::symlink("../victim.txt", w.path("out/p-a-b.svg")).unwrap();
    let out = w
        .cmd()
        .args(["pattern", "in.csv", "--by", "segment", "-o", "out/p.svg"])
        .assert()
        .success()
        .get_output()
        .clone();
    let expected = [
        "p-a-b.svg",
        "p-a_b.svg",
        "p-a-b-2.svg",
        "p-x.svg",
        "p-group-5.svg",
        "p-New.svg",
        "p-new-2.svg",
        "p-לקוחות-חדשים.svg",
        "p-none.svg",
    ];
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "wrote 9 graphs to out/\n");
    let mut files: Vec<String> = std::fs::read_dir(w.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut sorted = expected.map(String::from).to_vec();
    sorted.push("p.index.json".to_string());
    sorted.sort();
    assert_eq!(files, sorted);
    assert_eq!(w.files(), ["in.csv", "out", "victim.txt"]);
    assert_eq!(w.read("victim.txt"), b"keep me");
    for f in expected {
        let meta = std::fs::symlink_metadata(w.path(&format!("out/{f}"))).unwrap();
        assert!(meta.is_file(), "{f}");
        assert_well_formed_svg(&String::from_utf8(w.read(&format!("out/{f}"))).unwrap());
    }
}

#[test]
fn by_with_standard_output_is_a_usage_error() {
    let w = Work::new();
    w.cmd()
        .args([
            "pattern",
            &fixture("cable-install.csv"),
            "--by",
            "segment",
            "-o",
            "-",
            "--report",
            "r.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--by draws one graph per group"));
    assert!(w.files().is_empty());
}

/// One group is still a group: its graph is named for it, as with many.
#[test]
fn by_with_one_group_names_the_graph_for_it() {
    let w = Work::new();
    w.write(
        "in.csv",
        "case,segment,step,feeling\na,solo,s1,1\na,solo,s2,-1\nb,solo,s1,2\nb,solo,s2,0\n",
    );
    w.cmd()
        .args(["pattern", "in.csv", "--by", "segment", "-o", "p.svg"])
        .assert()
        .success()
        .stderr("wrote 1 graph to ./\n");
    assert_eq!(w.files(), ["in.csv", "p-solo.svg", "p.index.json"]);
}
