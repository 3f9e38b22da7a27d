//! `emograph template`: starter sheets that read back.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn every_template_validates_and_plots() {
    for args in [
        vec![],
        vec!["--wide"],
        vec!["--lang", "he"],
        vec!["--wide", "--lang", "he"],
    ] {
        let w = Work::new();
        w.cmd()
            .arg("template")
            .args(&args)
            .args(["-o", "t.csv"])
            .assert()
            .success();
        w.cmd()
            .args(["validate", "t.csv"])
            .assert()
            .success()
            .stdout(predicate::str::contains("warnings   none"));
        w.cmd()
            .args(["plot", "t.csv", "-o", "t.png"])
            .assert()
            .success();
    }
}

#[test]
fn template_goes_to_stdout_by_default() {
    let w = Work::new();
    w.cmd()
        .arg("template")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("case,phase,step,"));
    w.cmd()
        .args(["template", "--wide", "--lang", "he"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("\u{feff}שלב,"));
}

#[test]
fn hebrew_template_has_a_byte_order_mark_for_excel() {
    let w = Work::new();
    w.cmd()
        .args(["template", "--lang", "he", "-o", "he.csv"])
        .assert()
        .success();
    assert!(w.read("he.csv").starts_with(b"\xef\xbb\xbf"));
    w.cmd()
        .args(["template", "-o", "en.csv"])
        .assert()
        .success();
    assert!(w.read("en.csv").starts_with(b"case,"));
}
