//! Batch rendering: `plot --by COLUMN --out-dir DIR`, `pattern … --out-dir`,
//! `analyze --by`: safe names, index.json, failures, `--jobs`, titles.

mod common;

use common::{assert_well_formed_svg, example, fixture, png_size, svg_texts, Work};
use serde_json::json;

/// Names of the files in a folder of the scratch directory, sorted.
fn files_in(w: &Work, dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(w.path(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn index(w: &Work, path: &str) -> serde_json::Value {
    serde_json::from_slice(&w.read(path)).expect("index.json is JSON")
}

/// A long sheet with one two-step case per segment value (CSV-quoted).
fn sheet_of(segments: &[&str]) -> String {
    let mut s = String::from("case,segment,step,feeling\n");
    for (i, seg) in segments.iter().enumerate() {
        let q = format!("\"{}\"", seg.replace('"', "\"\""));
        s.push_str(&format!("c{i},{q},s1,1\nc{i},{q},s2,-4\nc{i},{q},s3,2\n"));
    }
    s
}

#[test]
fn hostile_group_names_give_safe_files_inside_the_folder_only() {
    let w = Work::new();
    let long = "x".repeat(10_000);
    let segments = [
        "../../etc/x",
        "/abs",
        "a/b",
        "C:\\x",
        "line\nbreak",
        "bell\u{7}ring",
        long.as_str(),
        "לקוחות חדשים",
        "😀🎬",
        "New",
        "new",
        "CON",
        "",
        "index",
    ];
    w.write("in.csv", sheet_of(&segments));
    w.write("victim.txt", "keep me");
    std::fs::create_dir(w.path("out")).unwrap();
    // A link planted where a graph goes is replaced, never written through.
    #[cfg(unix)]
    std::os::unix::fs::symlink("../victim.txt", w.path("out/abs.svg")).unwrap();
    w.cmd()
        .args([
            "plot",
            "in.csv",
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--format",
            "svg",
        ])
        .assert()
        .success()
        .stderr("wrote 14 graphs to out/\n");
    let expected = [
        "etc-x.svg".to_string(),
        "abs.svg".into(),
        "a-b.svg".into(),
        "C-x.svg".into(),
        "line-break.svg".into(),
        "bell-ring.svg".into(),
        format!("{}.svg", "x".repeat(100)),
        "לקוחות-חדשים.svg".into(),
        "group-9.svg".into(),
        "New.svg".into(),
        "new-2.svg".into(),
        "group-12.svg".into(),
        "none.svg".into(),
        "index-2.svg".into(),
    ];
    let mut sorted = expected.to_vec();
    sorted.push("index.json".into());
    sorted.sort();
    assert_eq!(files_in(&w, "out"), sorted);
    assert_eq!(w.files(), ["in.csv", "out", "victim.txt"]);
    assert_eq!(w.read("victim.txt"), b"keep me");
    let idx = index(&w, "out/index.json");
    let groups = idx["groups"].as_array().unwrap();
    assert_eq!(groups.len(), segments.len());
    for ((g, seg), file) in groups.iter().zip(segments).zip(&expected) {
        let name = if seg.is_empty() { "(none)" } else { seg };
        assert_eq!(g["group"], name);
        assert_eq!(g["file"], file.as_str());
        assert_eq!(g["status"], "ok");
        let path = format!("out/{file}");
        assert!(std::fs::symlink_metadata(w.path(&path)).unwrap().is_file());
        assert_well_formed_svg(&String::from_utf8(w.read(&path)).unwrap());
    }
}

#[test]
fn index_json_lists_every_group_in_first_appearance_order() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &fixture("cable-install.csv"),
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--format",
            "svg",
        ])
        .assert()
        .success();
    assert_eq!(
        index(&w, "out/index.json"),
        json!({
            "input": fixture("cable-install.csv"),
            "by": "segment",
            "groups": [
                {"group": "new", "file": "new.svg", "cases": 1, "steps": 8,
                 "critical_dips": 2, "prone_to_fail": 2, "status": "ok", "error": null},
                {"group": "upgrade", "file": "upgrade.svg", "cases": 1, "steps": 5,
                 "critical_dips": 0, "prone_to_fail": 0, "status": "ok", "error": null},
            ]
        })
    );
}

#[test]
fn a_failing_group_does_not_stop_the_others() {
    let w = Work::new();
    // Group "bad" has no times, so it cannot be drawn on a time axis.
    w.write(
        "in.csv",
        "case,segment,step,time,feeling\n\
         a,good,s1,0,1\na,good,s2,1h,-2\n\
         b,bad,s1,,1\nb,bad,s2,,3\n\
         d,fine,s1,0,2\nd,fine,s2,2h,-1\n",
    );
    let out = w
        .cmd()
        .args([
            "plot",
            "in.csv",
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--x",
            "time",
        ])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("error: group \"bad\": in.csv: --x time needs a time"));
    assert_eq!(
        lines[1],
        "wrote 2 graphs to out/, 1 group failed: see out/index.json"
    );
    assert_eq!(files_in(&w, "out"), ["fine.png", "good.png", "index.json"]);
    assert_eq!(png_size(&w.read("out/good.png")), (1600, 900));
    let idx = index(&w, "out/index.json");
    let statuses: Vec<&str> = idx["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["ok", "failed", "ok"]);
    let bad = &idx["groups"][1];
    assert_eq!(bad["file"], serde_json::Value::Null);
    assert_eq!(bad["cases"], 1);
    assert!(bad["error"]
        .as_str()
        .unwrap()
        .contains("--x time needs a time"));
    // --quiet leaves the error lines, not the summary.
    let out = w
        .cmd()
        .args([
            "plot",
            "in.csv",
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--x",
            "time",
            "-q",
        ])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn jobs_do_not_change_a_byte() {
    let w = Work::new();
    let survey = example("cinema-survey.csv");
    for jobs in ["1", "2"] {
        for (format, by) in [("svg", "case"), ("png", "segment")] {
            w.cmd()
                .args([
                    "plot",
                    &survey,
                    "--by",
                    by,
                    "--out-dir",
                    &format!("{format}-{jobs}"),
                    "--format",
                    format,
                    "--jobs",
                    jobs,
                ])
                .assert()
                .success();
        }
    }
    for format in ["svg", "png"] {
        let one = files_in(&w, &format!("{format}-1"));
        assert_eq!(one, files_in(&w, &format!("{format}-2")));
        assert!(one.len() > 3, "{one:?}");
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
fn titles_carry_the_group_and_each_graph_is_plot_of_that_group_alone() {
    let w = Work::new();
    let survey = example("cinema-survey.csv");
    w.cmd()
        .args([
            "plot",
            &survey,
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--format",
            "svg",
            "--title",
            "Cinema survey",
        ])
        .assert()
        .success();
    let svg = String::from_utf8(w.read("out/family.svg")).unwrap();
    assert!(svg_texts(&svg).contains(&"Cinema survey — family".to_string()));
    // The same graph as `plot` of the family rows alone, titled the same.
    let text = std::fs::read_to_string(&survey).unwrap();
    let mut lines = text.lines();
    let mut alone = format!("{}\n", lines.next().unwrap());
    for l in lines.filter(|l| l.contains(",family,")) {
        alone.push_str(l);
        alone.push('\n');
    }
    w.write("family.csv", alone);
    w.cmd()
        .args([
            "plot",
            "family.csv",
            "--title",
            "Cinema survey — family",
            "-o",
            "family.svg",
        ])
        .assert()
        .success();
    assert_eq!(w.read("family.svg"), w.read("out/family.svg"));
    // Without --title, the title from the file name is the prefix.
    w.cmd()
        .args([
            "plot",
            &survey,
            "--by",
            "segment",
            "--out-dir",
            "d",
            "--format",
            "svg",
        ])
        .assert()
        .success();
    let svg = String::from_utf8(w.read("d/solo.svg")).unwrap();
    assert!(
        svg_texts(&svg).iter().any(|t| t.ends_with(" — solo")),
        "{:?}",
        svg_texts(&svg)
    );
}

#[test]
fn the_folder_is_created_and_a_bad_input_writes_nothing() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &fixture("cable-install.csv"),
            "--by",
            "segment",
            "--out-dir",
            "a/b/c",
            "--format",
            "svg",
        ])
        .assert()
        .success();
    assert_eq!(
        files_in(&w, "a/b/c"),
        ["index.json", "new.svg", "upgrade.svg"]
    );
    let stderr = w.fails(
        &["plot", "missing.csv", "--by", "segment", "--out-dir", "x"],
        1,
    );
    assert!(stderr.contains("missing.csv"), "{stderr}");
    w.write("bad.csv", "case,segment,step,feeling\na,x,s1,lots\n");
    w.fails(&["plot", "bad.csv", "--by", "segment", "--out-dir", "x"], 1);
    assert!(!w.path("x").exists());
}

#[test]
fn usage_errors_of_the_batch_flags() {
    let w = Work::new();
    let f = fixture("cable-install.csv");
    let stderr = w.fails(&["plot", &f, "--by", "segment", "-o", "-"], 2);
    assert!(stderr.contains("-o - is standard output"), "{stderr}");
    let stderr = w.fails(&["plot", &f, "--by", "segment"], 2);
    assert!(stderr.contains("--out-dir DIR"), "{stderr}");
    let stderr = w.fails(&["plot", &f, "--out-dir", "o"], 2);
    assert!(stderr.contains("--out-dir needs --by"), "{stderr}");
    let stderr = w.fails(&["plot", &f, "--by", "step", "--out-dir", "o"], 2);
    assert!(stderr.contains("describes a step, not a case"), "{stderr}");
    w.fails(
        &[
            "plot",
            &f,
            "--by",
            "segment",
            "--out-dir",
            "o",
            "--jobs",
            "0",
        ],
        2,
    );
    assert!(w.files().is_empty());
}

#[test]
fn a_column_that_changes_within_a_case_is_an_error_naming_it() {
    let w = Work::new();
    let stderr = w.fails(
        &[
            "plot",
            &fixture("cable-install.csv"),
            "--by",
            "owner",
            "--out-dir",
            "o",
        ],
        1,
    );
    assert!(
        stderr.contains("--by owner: the owner of case \"A17\" changes from \"marketing\" to \"sales\" at line 3"),
        "{stderr}"
    );
    // A row column that keeps one value per case groups like segment.
    w.write(
        "c.csv",
        "case,channel,step,feeling\na,web,s1,1\na,web,s2,-1\nb,phone,s1,2\nb,,s2,0\n",
    );
    w.cmd()
        .args([
            "plot",
            "c.csv",
            "--by",
            "channel",
            "--out-dir",
            "o",
            "--format",
            "svg",
        ])
        .assert()
        .success();
    assert_eq!(files_in(&w, "o"), ["index.json", "phone.svg", "web.svg"]);
}

#[test]
fn dash_o_file_is_short_for_its_folder_with_its_stem_as_prefix() {
    let w = Work::new();
    std::fs::create_dir(w.path("out")).unwrap();
    w.cmd()
        .args([
            "plot",
            &fixture("cable-install.csv"),
            "--by",
            "segment",
            "-o",
            "out/p.svg",
        ])
        .assert()
        .success()
        .stderr("wrote 2 graphs to out/\n");
    assert_eq!(
        files_in(&w, "out"),
        ["p-new.svg", "p-upgrade.svg", "p.index.json"]
    );
    let idx = index(&w, "out/p.index.json");
    assert_eq!(idx["groups"][0]["file"], "p-new.svg");
}

#[test]
fn pattern_out_dir_writes_each_groups_graph_and_report() {
    let w = Work::new();
    let survey = example("cinema-survey.csv");
    w.cmd()
        .args([
            "pattern",
            &survey,
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--format",
            "csv",
            "--graph-format",
            "svg",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr("wrote 3 graphs to out/\n");
    assert_eq!(
        files_in(&w, "out"),
        [
            "couple.csv",
            "couple.svg",
            "family.csv",
            "family.svg",
            "index.json",
            "solo.csv",
            "solo.svg"
        ]
    );
    let idx = index(&w, "out/index.json");
    let family = idx["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "family")
        .unwrap();
    assert_eq!(family["report"], "family.csv");
    assert_eq!(family["file"], "family.svg");
    // Each report is the pattern of its group, and reads back as a summary.
    let back = w.stdout(&["pattern", "out/family.csv", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&back).unwrap();
    assert!(!v["steps"].as_array().unwrap().is_empty());
    let svg = String::from_utf8(w.read("out/family.svg")).unwrap();
    assert!(svg_texts(&svg).iter().any(|t| t.ends_with(" — family")));
    // Reports to standard output, as without --out-dir, still work.
    let v = w.json(&["pattern", &survey, "--by", "segment", "--format", "json"]);
    assert_eq!(v["groups"].as_array().unwrap().len(), 3);
}

#[test]
fn analyze_by_labels_every_case_with_its_group() {
    let w = Work::new();
    let f = example("cable-tv-installation.csv");
    let v = w.json(&["analyze", &f, "--by", "segment", "--format", "json"]);
    assert_eq!(v["by"], "segment");
    for c in v["cases"].as_array().unwrap() {
        assert_eq!(c["group"], c["segment"]);
    }
    let plain = w.json(&["analyze", &f, "--format", "json"]);
    assert!(plain.get("by").is_none());
    assert!(plain["cases"][0].get("group").is_none());
    let csv = w.stdout(&["analyze", &f, "--by", "case", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .ends_with(",below_neutral_duration,group"));
    for l in lines {
        let case = l.split(',').next().unwrap();
        assert!(l.ends_with(&format!(",{case}")), "{l}");
    }
    let table = w.stdout(&["analyze", &f, "--by", "segment"]);
    assert!(table.contains("(segment group \"new\")"), "{table}");
}

#[test]
fn quiet_says_nothing_on_success() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &example("cinema-survey.csv"),
            "--by",
            "segment",
            "--out-dir",
            "out",
            "--format",
            "svg",
            "--quiet",
        ])
        .assert()
        .success()
        .stderr("");
}

/// An interrupted run leaves no temporary files behind.
#[cfg(unix)]
#[test]
fn an_interrupt_leaves_no_temporary_files() {
    let w = Work::new();
    let segments: Vec<String> = (0..400).map(|i| format!("s{i}")).collect();
    let refs: Vec<&str> = segments.iter().map(String::as_str).collect();
    w.write("in.csv", sheet_of(&refs));
    let bin = assert_cmd::cargo::cargo_bin("emograph");
    let mut child = std::process::Command::new(bin)
        .current_dir(w.dir.path())
        .args(["plot", "in.csv", "--by", "segment", "--out-dir", "out"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    if w.path("out").exists() {
        let left: Vec<String> = files_in(&w, "out")
            .into_iter()
            .filter(|f| f.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?} (exit {status:?})");
    }
}

/// A `--by` that cannot group cases is refused from its name alone, before
/// the sheet is read: here the sheet does not even exist, and the answer is
/// still the usage error (exit 2), not "no such file".
#[test]
fn a_by_that_cannot_group_is_refused_before_reading() {
    let w = Work::new();
    for args in [
        &["plot", "missing.csv", "--by", "step", "--out-dir", "d"][..],
        &[
            "pattern",
            "missing.csv",
            "--by",
            "feeling",
            "--out-dir",
            "d",
        ],
        &["analyze", "missing.csv", "--by", "colour"],
        &["compare", "missing.csv", "--by-column", "step"],
    ] {
        let stderr = w.fails(args, 2);
        assert!(stderr.starts_with("error: --by"), "{args:?}: {stderr}");
    }
    assert!(w.files().is_empty(), "{:?}", w.files());
}
