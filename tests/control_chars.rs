//! Control characters in any column that reaches the picture, and in the
//! title, never make an SVG that is not XML: every text of the figure is
//! cleaned on its way to the renderer.

mod common;

use common::{assert_well_formed_svg, control_char_sheet, Work};

const TITLE: &str = "Ti\x07tle\x1b with\x0bcontrols";

fn svg(w: &Work, name: &str, args: &[&str]) -> String {
    w.cmd()
        .args(args)
        .args(["-o", name, "--title", TITLE])
        .assert()
        .success();
    let svg = String::from_utf8(w.read(name)).expect("UTF-8");
    assert_well_formed_svg(&svg);
    for c in ['\u{7}', '\u{1b}', '\u{b}'] {
        assert!(!svg.contains(c), "{name} holds {c:?}");
    }
    svg
}

#[test]
fn many_cases_without_the_pattern_give_xml() {
    let w = Work::new();
    w.write("s.csv", control_char_sheet(5, 24));
    svg(&w, "many.svg", &["plot", "s.csv", "--no-pattern"]);
    svg(
        &w,
        "time.svg",
        &["plot", "s.csv", "--no-pattern", "--x", "time"],
    );
}

#[test]
fn one_case_with_hand_offs_and_callouts_gives_xml() {
    let w = Work::new();
    w.write("one.csv", control_char_sheet(1, 24));
    let svg = svg(&w, "one.svg", &["plot", "one.csv"]);
    // The owners reached the picture as hand-off notes, cleaned.
    assert!(
        common::svg_texts(&svg).iter().any(|t| t == "→ billing 3"),
        "hand-off notes drawn"
    );
}

#[test]
fn the_pattern_and_its_groups_give_xml() {
    let w = Work::new();
    w.write("s.csv", control_char_sheet(6, 40));
    svg(&w, "pattern.svg", &["plot", "s.csv"]);
    w.cmd()
        .args(["pattern", "s.csv", "--by", "segment", "--format", "json"])
        .args(["-o", "by.svg", "--title", TITLE])
        .assert()
        .success();
    let mut groups = 0;
    for name in w
        .files()
        .into_iter()
        .filter(|f| f.starts_with("by") && f.ends_with(".svg"))
    {
        let svg = String::from_utf8(w.read(&name)).expect("UTF-8");
        assert_well_formed_svg(&svg);
        groups += 1;
    }
    assert_eq!(groups, 2, "{:?}", w.files());
}
