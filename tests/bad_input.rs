//! The corpus of bad inputs in tests/fixtures/bad/: each gets one clear
//! `error: FILE:LINE:COLUMN: …` line and exit code 1, never a panic.

mod common;

use common::*;

/// Run `plot` on a bad fixture; expect exit 1 and the message parts.
fn rejects(file: &str, location: &str, parts: &[&str]) {
    let w = Work::new();
    let path = fixture(&format!("bad/{file}"));
    let (stdout, stderr) = w.fails_with_stdout(&["plot", &path, "-o", "out.png"], 1);
    assert!(stdout.is_empty(), "{file}: {stdout}");
    let first = stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with(&format!("error: {path}{location}")),
        "{file}: location {location} not in {first:?}"
    );
    for p in parts {
        assert!(first.contains(p), "{file}: {p:?} not in {first:?}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.lines().count() <= 2,
        "one line plus a hint: {stderr}"
    );
    assert!(
        w.files().is_empty(),
        "{file}: no output file: {:?}",
        w.files()
    );
}

#[test]
fn empty_file() {
    rejects("empty.csv", ": ", &["empty", "expected a header row"]);
}

#[test]
fn header_only() {
    rejects("header-only.csv", ": ", &["no rows"]);
}

#[test]
fn no_step_column() {
    rejects(
        "no-step-column.csv",
        ":1:1: ",
        &["no step column", "\"stage name\""],
    );
}

#[test]
fn no_feeling_column_and_no_numbers() {
    rejects(
        "no-feeling-column.csv",
        ":2:7: ",
        &["\"red\"", "not a number or a feeling word"],
    );
}

#[test]
fn ragged_row() {
    rejects("ragged-row.csv", ":3:", &["2 fields", "header has 3"]);
}

#[test]
fn unknown_feeling_word() {
    rejects(
        "unknown-word.csv",
        ":3:6: ",
        &["\"grumpy\"", "expected a number on the scale -5..5"],
    );
}

#[test]
fn out_of_range() {
    rejects(
        "out-of-range.csv",
        ":3:6: ",
        &["-7 is outside the scale -5..5", "from -5 to 5"],
    );
}

#[test]
fn nan() {
    rejects("nan.csv", ":3:6: ", &["\"NaN\"", "not a finite number"]);
}

#[test]
fn infinity() {
    rejects("inf.csv", ":2:7: ", &["\"inf\"", "not a finite number"]);
}

#[test]
fn binary_file() {
    rejects("binary.png", ": ", &["PNG image"]);
}

#[test]
fn empty_step_name() {
    rejects("empty-step.csv", ":2:1: ", &["step name is empty"]);
}

#[test]
fn time_going_backwards() {
    rejects(
        "time-backwards.csv",
        ":4:",
        &["time goes backwards", "\"A\""],
    );
}

#[test]
fn missing_file() {
    let w = Work::new();
    let stderr = w.fails(&["plot", "nope.csv"], 1);
    assert!(
        stderr.starts_with("error: nope.csv: no such file"),
        "{stderr}"
    );
}

#[test]
fn trailing_empty_fields_are_fine() {
    let w = Work::new();
    w.cmd()
        .args(["validate", &fixture("bad/trailing-empty-fields.csv")])
        .assert()
        .success();
}

#[test]
fn random_bytes_never_panic() {
    // A deterministic stream of awkward byte strings: every one either reads
    // or fails with exit 1, never a crash.
    let w = Work::new();
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    for i in 0..40 {
        let mut bytes = Vec::new();
        let len = (i * 37) % 400;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let pick = [
                b'a', b',', b';', b'"', b'\n', b'\r', b'-', b'5', 0xd7, 0xff, b'\t', b' ',
            ][(seed % 12) as usize];
            bytes.push(pick);
        }
        let name = format!("r{i}.csv");
        w.write(&name, &bytes);
        let out = w.cmd().args(["validate", &name]).output().unwrap();
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(1), "{name}: {code:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

/// `validate /dev/zero` stops after a short look at the first bytes
/// (before the fix it read until the memory ran out, so this never ended).
#[cfg(unix)]
#[test]
fn endless_zero_bytes_are_refused_from_the_first_bytes() {
    let w = Work::new();
    let stderr = w.fails(&["validate", "/dev/zero"], 1);
    assert!(
        stderr.starts_with("error: /dev/zero: this is a binary file, not text"),
        "{stderr}"
    );
}

/// UTF-16 without a byte-order mark (Hebrew: few zero bytes) is refused
/// with the flag that reads it.
#[test]
fn utf16_without_bom_gets_a_hint() {
    let w = Work::new();
    let bytes: Vec<u8> = "שלב,תחושה\nהזמנה,2\nתשלום,-3\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let path = w.write("he16.csv", &bytes);
    let path = path.to_str().unwrap();
    let stderr = w.fails(&["validate", path], 1);
    assert!(stderr.contains("add --encoding utf-16le"), "{stderr}");
    w.stdout(&["validate", path, "--encoding", "utf-16le"]);
}
