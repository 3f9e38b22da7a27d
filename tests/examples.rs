//! Every sheet in `examples/` (listed when the test runs, so a new example is
//! covered without touching this file) goes through `plot` (SVG and PNG),
//! `analyze`, `pattern` and `validate` with JSON output: each run succeeds,
//! the SVG is XML, the PNG has the requested size, and the JSON parses.

mod common;

use std::path::Path;

use common::*;

/// Paths of the shipped examples (every file but Markdown notes), sorted.
fn examples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut v: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        // Every file is a sheet, whatever its format; notes about them are not.
        .filter(|p| p.is_file() && p.extension().is_none_or(|x| x != "md"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no examples in {}", dir.display());
    v
}

#[test]
fn every_example_plots_to_svg_and_png() {
    let w = Work::new();
    for (i, f) in examples().iter().enumerate() {
        let svg = format!("e{i}.svg");
        w.stdout(&["plot", f, "-o", &svg]);
        let text = String::from_utf8(w.read(&svg)).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_well_formed_svg(&text);
        let png = format!("e{i}.png");
        w.stdout(&["plot", f, "-o", &png, "--width", "1200", "--height", "700"]);
        assert_eq!(png_size(&w.read(&png)), (1200, 700), "{f}");
    }
}

#[test]
fn every_example_analyzes_to_json() {
    let w = Work::new();
    for f in examples() {
        let v = w.json(&["analyze", &f, "--format", "json"]);
        assert!(!v["cases"].as_array().expect("cases").is_empty(), "{f}");
    }
}

#[test]
fn every_example_has_a_pattern_in_json() {
    let w = Work::new();
    for f in examples() {
        let v = w.json(&["pattern", &f, "--format", "json"]);
        assert!(!v["steps"].as_array().expect("steps").is_empty(), "{f}");
    }
}

#[test]
fn every_example_validates_in_json() {
    let w = Work::new();
    for f in examples() {
        let v = w.json(&["validate", &f, "--format", "json"]);
        assert_eq!(v["usable"], true, "{f}");
    }
}
