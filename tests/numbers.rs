//! Extreme numbers: scales are finite and within ±1e9, and every number is
//! printed with at most 12 significant digits (no saturated i64 casts).

mod common;

use common::Work;

#[test]
fn scales_beyond_a_billion_are_usage_errors() {
    let w = Work::new();
    w.write("in.csv", "step,feeling\nA,1\nB,-3\nC,2\n");
    for scale in [
        "--scale=-1e20..1e20",
        "--scale=-1.7e308..1.7e308",
        "--scale=0..1e10",
    ] {
        let err = w.fails(&["analyze", "in.csv", scale], 2);
        assert!(err.contains("too far from 0 for a scale"), "{scale}: {err}");
        assert!(err.len() < 300, "{err}");
    }
    // The limit itself is fine, and nothing saturates.
    let out = w.stdout(&["analyze", "in.csv", "--scale=-1e9..1e9"]);
    assert!(!out.contains("9223372036854775807"), "{out}");
    assert!(out.contains("−1000000000..1000000000"), "{out}");
    w.stdout(&["plot", "in.csv", "--scale=-1e9..1e9", "-o", "g.svg"]);
    let svg = String::from_utf8(w.read("g.svg")).unwrap();
    assert!(!svg.contains("9223372036854775807"));
}

#[test]
fn huge_and_tiny_values_print_short() {
    let w = Work::new();
    w.write("big.csv", "step,feeling\nA,1e308\nB,-3\nC,2\n");
    let err = w.fails(&["analyze", "big.csv"], 1);
    assert!(err.contains("feeling 1e308 is outside the scale"), "{err}");
    assert!(err.lines().next().unwrap().len() < 200, "{err}");

    w.write("tiny.csv", "step,feeling\nA,1e-320\nB,-3\nC,2\nD,0.1\n");
    let json = w.stdout(&["analyze", "tiny.csv", "--format", "json"]);
    assert!(json.contains("\"feeling\": 1e-320"), "{json}");
    let mean =
        w.json(&["analyze", "tiny.csv", "--format", "json"])["cases"][0]["summary"]["mean"].clone();
    assert_eq!(mean.to_string(), "-0.225", "{mean}");
    w.write(
        "thirds.csv",
        "case,step,feeling\n1,A,1\n1,B,-3\n1,C,2\n2,A,0\n2,B,-2\n2,C,1\n3,A,0\n3,B,-2\n3,C,1\n",
    );
    let csv = w.stdout(&["pattern", "thirds.csv", "--format", "csv"]);
    assert!(csv.contains("0.333333333333,"), "{csv}");
    assert!(!csv.contains("0.3333333333333"), "{csv}");
}
