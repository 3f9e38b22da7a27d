//! Never lose a file: an output that is the input is refused, temporary
//! files never outlive a run (errors, SIGINT, SIGTERM, SIGHUP), `-o`
//! through a link writes the link's target, path errors are in words.

mod common;

use common::Work;

const SHEET: &str = "step,feeling\nA,1\nB,-3\nC,2\nD,-1\n";

fn temporaries(w: &Work) -> Vec<String> {
    w.files()
        .into_iter()
        .filter(|f| f.starts_with(".emograph-"))
        .collect()
}

#[test]
fn an_output_that_is_the_input_is_refused_before_anything_is_written() {
    let w = Work::new();
    w.write("in.csv", SHEET);
    std::fs::create_dir(w.path("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("in.csv", w.path("link.csv")).unwrap();
    let cases: &[&[&str]] = &[
        &["analyze", "in.csv", "--format", "csv", "-o", "in.csv"],
        &["analyze", "in.csv", "-o", "sub/../in.csv"],
        &["pattern", "in.csv", "--report", "in.csv"],
        &["pattern", "in.csv", "--report", "./in.csv"],
        &["plot", "in.csv", "--format", "png", "-o", "in.csv"],
        #[cfg(unix)]
        &["plot", "in.csv", "--format", "svg", "-o", "link.csv"],
        #[cfg(unix)]
        &["analyze", "link.csv", "-o", "in.csv"],
    ];
    for args in cases {
        let err = w.fails(args, 1);
        assert!(err.contains("same file as the input"), "{args:?}: {err}");
        assert_eq!(w.read("in.csv"), SHEET.as_bytes(), "{args:?}");
        assert!(temporaries(&w).is_empty(), "{args:?}");
        assert!(!w.path("r.json").exists(), "{args:?}: nothing written");
    }
}

#[test]
fn a_group_graph_named_like_the_input_is_refused() {
    let w = Work::new();
    // `--by segment -o g.svg` writes g-<group>.svg: here one is the input.
    let sheet =
        "case,segment,step,feeling\n1,x,A,1\n1,x,B,-2\n1,x,C,1\n2,y,A,0\n2,y,B,-3\n2,y,C,2\n";
    w.write("g-x.svg", sheet);
    let err = w.fails(
        &[
            "pattern", "g-x.svg", "--by", "segment", "--report", "r.json", "-o", "g.svg",
        ],
        1,
    );
    assert!(err.contains("same file as the input"), "{err}");
    assert_eq!(w.read("g-x.svg"), sheet.as_bytes());
    assert!(!w.path("r.json").exists());
}

#[cfg(unix)]
#[test]
fn output_through_a_link_writes_the_target_and_keeps_the_link() {
    let w = Work::new();
    w.write("in.csv", SHEET);
    std::fs::create_dir(w.path("real")).unwrap();
    std::os::unix::fs::symlink("real/graph.svg", w.path("graph.svg")).unwrap();
    std::os::unix::fs::symlink("real/a.json", w.path("a.json")).unwrap();
    w.stdout(&["plot", "in.csv", "-o", "graph.svg"]);
    w.stdout(&["analyze", "in.csv", "--format", "json", "-o", "a.json"]);
    for name in ["graph.svg", "a.json"] {
        let meta = std::fs::symlink_metadata(w.path(name)).unwrap();
        assert!(meta.file_type().is_symlink(), "{name} is still a link");
        assert!(
            w.path("real").join(name).is_file(),
            "{name} written through"
        );
    }
    assert!(String::from_utf8(w.read("real/graph.svg"))
        .unwrap()
        .contains("<svg"));
}

#[test]
fn path_errors_are_in_words_without_temporary_names() {
    let w = Work::new();
    w.write("in.csv", SHEET);
    std::fs::create_dir_all(w.path("some/dir")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["plot", "in.csv", "--format", "svg", "-o", "some/dir/"],
            "names a folder",
        ),
        (
            &["plot", "in.csv", "--format", "svg", "-o", "some/dir"],
            "names a folder",
        ),
        (&["analyze", "in.csv", "-o", "new/"], "names a folder"),
        (
            &["plot", "in.csv", "-o", "missing/dir/x.svg"],
            "the folder missing/dir does not exist",
        ),
        (
            &["plot", "in.csv", "-o", "in.csv/x.svg"],
            "in.csv is a file, not a folder",
        ),
    ];
    for (args, words) in cases {
        let err = w.fails(args, 1);
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(
            !err.contains(".tmp") && !err.contains("os error"),
            "{args:?}: {err}"
        );
    }
    if std::path::Path::new("/proc/self").exists() {
        let err = w.fails(&["plot", "in.csv", "-o", "/proc/x.png"], 1);
        assert!(
            err.contains("cannot create a file in the folder /proc"),
            "{err}"
        );
        assert!(
            !err.contains(".tmp") && !err.contains("does not exist"),
            "{err}"
        );
    }
    assert!(temporaries(&w).is_empty());
}

/// Spawn `analyze -o a.json` on a sheet large enough to take a while,
/// wait until its temporary file appears, send `signal`, and check that it
/// exits 128 + signal with nothing left behind.
#[cfg(unix)]
fn interrupted_run_leaves_nothing(signal: &str, code: i32) {
    use std::time::{Duration, Instant};
    let w = Work::new();
    let mut sheet = String::from("case,step,feeling\n");
    for case in 0..20_000 {
        for step in 0..10 {
            sheet.push_str(&format!("c{case},s{step},{}\n", (case + step * 3) % 11 - 5));
        }
    }
    w.write("big.csv", sheet);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("emograph"))
        .current_dir(w.dir.path())
        .args(["analyze", "big.csv", "--format", "json", "-o", "a.json"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut seen = false;
    while start.elapsed() < Duration::from_secs(120) {
        if !temporaries(&w).is_empty() {
            seen = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    if !seen {
        // The run finished before we caught it writing: nothing to test on
        // this machine, but nothing may be left behind either.
        let _ = child.wait();
        assert!(temporaries(&w).is_empty());
        eprintln!("note: the run was too fast to interrupt");
        return;
    }
    let killed = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(temporaries(&w).is_empty(), "{signal}: left {:?}", w.files());
    // The run may just have finished before the signal arrived.
    if !w.path("a.json").exists() {
        assert_eq!(status.code(), Some(code), "{signal}: {status:?}");
    }
}

#[cfg(unix)]
#[test]
fn sigint_removes_the_temporary_file() {
    interrupted_run_leaves_nothing("-INT", 130);
}

#[cfg(unix)]
#[test]
fn sigterm_removes_the_temporary_file() {
    interrupted_run_leaves_nothing("-TERM", 143);
}

#[cfg(unix)]
#[test]
fn sighup_removes_the_temporary_file() {
    interrupted_run_leaves_nothing("-HUP", 129);
}
