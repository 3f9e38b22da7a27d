//! Shared helpers for the integration tests: run the real binary in a
//! scratch directory and read what it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `emograph` binary, run with a scratch directory as its working directory.
pub struct Work {
    pub dir: tempfile::TempDir,
}

impl Work {
    pub fn new() -> Self {
        Work {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("emograph").expect("binary");
        c.current_dir(self.dir.path());
        c
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// Names of the files in the scratch directory, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

impl Work {
    /// Run the binary with `args`, expect success, and return its standard output.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).expect("UTF-8 on standard output")
    }

    /// Run the binary with `args`, expect success, and parse its standard output as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let text = self.stdout(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON on standard output ({e}): {text}"))
    }

    /// Run the binary with `args`, expect exit code `code`, and return its
    /// standard error, whose first line must start with `error:` (no panic).
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        self.fails_with_stdout(args, code).1
    }

    /// Run the binary with `args`, expect exit code `code`, and return
    /// `(stdout, stderr)`, whatever stderr says (no panic).
    pub fn exits(&self, args: &[&str], code: i32) -> (String, String) {
        let out = self
            .cmd()
            .args(args)
            .assert()
            .code(code)
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).expect("UTF-8 on standard error");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 on standard output");
        (stdout, stderr)
    }

    /// [`Work::fails`], also returning standard output: `(stdout, stderr)`.
    pub fn fails_with_stdout(&self, args: &[&str], code: i32) -> (String, String) {
        let (stdout, stderr) = self.exits(args, code);
        let first = stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with("error:"),
            "{args:?}: first line of stderr should start with `error:`: {stderr:?}"
        );
        (stdout, stderr)
    }
}

/// Absolute path of a file under `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Absolute path of a shipped example.
pub fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Parse SVG text as XML, panicking with the parser's message if it is not well-formed.
pub fn assert_well_formed_svg(svg: &str) {
    let doc =
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("SVG is not well-formed: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
}

/// The text content of every `<text>` element of an SVG.
pub fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

/// Width and height of a PNG, read from its header.
pub fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (w, h)
}

/// A long sheet (`cases` cases of `steps` steps) with control characters
/// (BEL, ESC, vertical tab) in every column that reaches the picture:
/// case, segment, phase, step, channel, owner, note. One control character
/// per value, in words long enough that the file still reads as text (the
/// reader takes a file dense with controls for a binary one). Owners change
/// at every step, so a single case gets hand-off notes; feelings swing, so
/// there are turning points, critical dips and callouts.
pub fn control_char_sheet(cases: usize, steps: usize) -> String {
    let mut s = String::from("case,segment,phase,step,channel,owner,expected,time,feeling,note\n");
    let feelings = [2, 3, 0, -4, 4, -5, -1, 3, -3, 1];
    for c in 0..cases {
        for k in 0..steps {
            let feeling = feelings[(k + c) % feelings.len()];
            s.push_str(&format!(
                "customer case\x07 number {c},segment\x1b of customers {},phase of\x0b the journey {},\
                 step of the\x07 journey {k},channel of the\x1b contact,bill\x07ing {k},2,{k}h,{feeling},\
                 a note on\x0b this step {k}\n",
                c % 2,
                k / 4,
            ));
        }
    }
    s
}
