//! `emograph plot`: the real binary, files written, exit codes.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn plots_every_shared_fixture_to_png_and_svg() {
    let w = Work::new();
    for (i, f) in [
        "cable-install.csv",
        "decimal-comma-semicolon.csv",
        "workshop-cinema-he-bom-crlf.csv",
        "workshop-cinema-he-legacy-cp1255.csv",
        "workshop-cinema-he-utf16.txt",
    ]
    .iter()
    .enumerate()
    {
        let png = format!("g{i}.png");
        let svg = format!("g{i}.svg");
        w.cmd()
            .args(["plot", &fixture(f), "-o", &png])
            .assert()
            .success();
        w.cmd()
            .args(["plot", &fixture(f), "-o", &svg])
            .assert()
            .success();
        assert_eq!(png_size(&w.read(&png)), (1600, 900), "{f}");
        assert_well_formed_svg(&String::from_utf8(w.read(&svg)).unwrap());
    }
}

#[test]
fn default_output_is_a_png_named_after_the_input() {
    let w = Work::new();
    w.cmd()
        .args(["plot", &fixture("decimal-comma-semicolon.csv")])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "wrote decimal-comma-semicolon.png",
        ));
    assert_eq!(
        png_size(&w.read("decimal-comma-semicolon.png")),
        (1600, 900)
    );
}

#[test]
fn width_and_height_are_honoured() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &fixture("cable-install.csv"),
            "-o",
            "small.png",
            "--width",
            "800",
            "--height",
            "450",
        ])
        .assert()
        .success();
    assert_eq!(png_size(&w.read("small.png")), (800, 450));
}

#[test]
fn dash_writes_svg_to_stdout() {
    let w = Work::new();
    let svg = w.stdout(&["plot", &fixture("cable-install.csv"), "-o", "-"]);
    assert_well_formed_svg(&svg);
    assert!(w.files().is_empty(), "nothing but stdout: {:?}", w.files());
}

#[test]
fn stdin_is_read_with_dash() {
    let w = Work::new();
    w.cmd()
        .args(["plot", "-", "-o", "in.svg"])
        .write_stdin("step,feeling\nOrder,2\nWait,-4\nDelivery,5\n")
        .assert()
        .success();
    let texts = svg_texts(&String::from_utf8(w.read("in.svg")).unwrap());
    assert!(texts.iter().any(|t| t == "Wait"), "{texts:?}");
}

#[test]
fn svg_holds_step_names_title_and_zone_words_as_text() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &fixture("cable-install.csv"),
            "-o",
            "c.svg",
            "--title",
            "Cable TV: A17 & B02",
            "--no-pattern",
        ])
        .assert()
        .success();
    let svg = String::from_utf8(w.read("c.svg")).unwrap();
    let texts = svg_texts(&svg);
    for want in [
        "Cable TV: A17 & B02",
        "WOW",
        "neutral",
        "frustration",
        "before",
        "during",
        "after",
        "A17",
        "B02",
    ] {
        assert!(
            texts.iter().any(|t| t == want),
            "{want} missing from {texts:?}"
        );
    }
    assert!(texts.iter().any(|t| t.contains("2 cases")), "{texts:?}");
    assert!(svg.contains("&amp;"), "ampersand escaped");
}

#[test]
fn hebrew_stays_in_logical_order_in_svg() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &fixture("workshop-cinema-he-bom-crlf.csv"),
            "-o",
            "he.svg",
        ])
        .assert()
        .success();
    let texts = svg_texts(&String::from_utf8(w.read("he.svg")).unwrap());
    // Logical order as in the file: the viewer applies bidi itself. (The
    // parking step is prone to fail, so it carries a warning sign.)
    assert!(texts.iter().any(|t| t.ends_with("חיפוש חניה")), "{texts:?}");
    assert!(texts.iter().any(|t| t == "הזמנת כרטיסים"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("הינח שופיח")), "{texts:?}");
}

#[test]
fn output_is_byte_identical_across_runs() {
    let w = Work::new();
    for name in ["a.svg", "b.svg", "a.png", "b.png"] {
        w.cmd()
            .args(["plot", &fixture("cable-install.csv"), "-o", name])
            .assert()
            .success();
    }
    assert_eq!(w.read("a.svg"), w.read("b.svg"));
    assert_eq!(w.read("a.png"), w.read("b.png"));
}

#[test]
fn unknown_extension_is_a_usage_error() {
    let w = Work::new();
    let stderr = w.fails(
        &["plot", &fixture("cable-install.csv"), "-o", "graph.jpg"],
        2,
    );
    assert!(stderr.contains(".svg or .png"), "{stderr}");
    assert!(w.files().is_empty());
}

#[test]
fn format_flag_overrides_the_extension() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &fixture("cable-install.csv"),
            "-o",
            "graph.out",
            "--format",
            "svg",
        ])
        .assert()
        .success();
    assert_well_formed_svg(&String::from_utf8(w.read("graph.out")).unwrap());
}

#[test]
fn an_error_leaves_an_existing_graph_untouched() {
    let w = Work::new();
    w.write("keep.png", b"precious");
    w.write("bad.csv", "step,feeling\na,1\nb,99\n");
    w.fails(&["plot", "bad.csv", "-o", "keep.png"], 1);
    assert_eq!(w.read("keep.png"), b"precious");
    assert_eq!(
        w.files(),
        vec!["bad.csv", "keep.png"],
        "no temporary file left"
    );
}

#[test]
fn five_thousand_steps_still_draw_with_thinned_labels() {
    let w = Work::new();
    let mut sheet = String::from("step,feeling\n");
    for i in 0..5000 {
        sheet.push_str(&format!("Step {i},{}\n", (i % 11) - 5));
    }
    w.write("long.csv", sheet);
    w.cmd()
        .args(["plot", "long.csv", "-o", "long.svg"])
        .assert()
        .success();
    w.cmd()
        .args(["plot", "long.csv", "-o", "long.png"])
        .assert()
        .success();
    let texts = svg_texts(&String::from_utf8(w.read("long.svg")).unwrap());
    let labels = texts.iter().filter(|t| t.starts_with("Step ")).count();
    assert!(labels > 20 && labels < 200, "{labels} step labels shown");
    assert!(
        texts.iter().any(|t| t.contains("of 5000")),
        "thinning is said"
    );
}

#[test]
fn one_step_draws() {
    let w = Work::new();
    w.cmd()
        .args(["plot", &fixture("bad/one-step.csv"), "-o", "one.png"])
        .assert()
        .success();
    assert_eq!(png_size(&w.read("one.png")), (1600, 900));
}

#[test]
fn hostile_labels_are_cleaned_and_escaped() {
    let w = Work::new();
    w.cmd()
        .args(["plot", &fixture("bad/control-chars.csv"), "-o", "x.svg"])
        .assert()
        .success();
    w.cmd()
        .args(["plot", &fixture("bad/control-chars.csv"), "-o", "x.png"])
        .assert()
        .success();
    let svg = String::from_utf8(w.read("x.svg")).unwrap();
    assert_well_formed_svg(&svg);
    assert!(!svg.contains("<script"), "markup is escaped");
    assert!(
        !svg.contains('\u{7}') && !svg.contains('\u{1b}'),
        "controls removed"
    );
    let texts = svg_texts(&svg);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>alert(1)</script>")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t == "two lines & <b>"),
        "newline folded: {texts:?}"
    );
}

#[test]
fn phase_sections_and_multiple_cases_have_a_legend() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &fixture("workshop-cinema-he-bom-crlf.csv"),
            "-o",
            "he.svg",
            "--no-pattern",
        ])
        .assert()
        .success();
    let texts = svg_texts(&String::from_utf8(w.read("he.svg")).unwrap());
    for name in ["דנה", "יוסי", "מיכל", "אבי", "רותם"] {
        assert!(
            texts.iter().any(|t| t == name),
            "legend has {name}: {texts:?}"
        );
    }
}

#[test]
fn marks_are_drawn_and_can_be_turned_off() {
    let w = Work::new();
    let f = fixture("cable-install.csv");
    w.cmd().args(["plot", &f, "-o", "m.svg"]).assert().success();
    w.cmd()
        .args(["plot", &f, "-o", "n.svg", "--no-marks"])
        .assert()
        .success();
    let marked = String::from_utf8(w.read("m.svg")).unwrap();
    let plain = String::from_utf8(w.read("n.svg")).unwrap();
    let texts = svg_texts(&marked);
    for want in [
        "peak (things start to get worse)",
        "trough (things start to get better)",
        "critical dip",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want}: {texts:?}");
    }
    assert!(!svg_texts(&plain).iter().any(|t| t == "critical dip"));
    // Peaks are bluish-green triangles, troughs orange ones, dips
    // vermillion rings (Okabe–Ito colours).
    assert!(
        marked.contains("fill=\"#009E73\"") && marked.contains("fill=\"#E69F00\""),
        "marker colours"
    );
    assert!(marked.contains("stroke=\"#D55E00\""), "dip rings");
    assert!(!plain.contains("fill=\"#E69F00\""));
}

#[test]
fn single_case_gets_callouts_handoffs_and_promise() {
    let w = Work::new();
    w.write(
        "a17.csv",
        "step,owner,expected,feeling\nSees TV ad,marketing,3,2\nOrders online,sales,2,3\nScheduling call,service,1,0\nTechnician visit,field,3,-2\nSetup,field,4,4\nFirst bill,billing,1,-4\nCalls support,retention,1,-3\nFee refunded,retention,2,2\n",
    );
    w.cmd()
        .args(["plot", "a17.csv", "-o", "a.svg"])
        .assert()
        .success();
    let texts = svg_texts(&String::from_utf8(w.read("a.svg")).unwrap());
    for want in [
        "critical dip: First bill",
        "\u{2212}4 · drop 6",
        "→ billing",
        "→ retention",
        "promised",
        "below the promise",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want}: {texts:?}");
    }
}

#[test]
fn time_axis_places_steps_at_elapsed_time() {
    let w = Work::new();
    w.cmd()
        .args([
            "plot",
            &example("contact-us.csv"),
            "--x",
            "time",
            "-o",
            "t.svg",
        ])
        .assert()
        .success();
    let texts = svg_texts(&String::from_utf8(w.read("t.svg")).unwrap());
    for want in ["0", "1d", "5d", "Wait for a reply"] {
        assert!(texts.iter().any(|t| t == want), "{want}: {texts:?}");
    }
    // Each feeling holds until the next step: 7 points drawn as 13 corners.
    let svg = String::from_utf8(w.read("t.svg")).unwrap();
    let line = svg
        .lines()
        .find(|l| l.contains("<polyline") && l.contains("stroke-width=\"4\""))
        .expect("the feeling line");
    let points = line
        .split("points=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let corners = points.split_whitespace().count();
    assert_eq!(corners, 13, "{line}");
    // Without times, --x time is refused with the reason and no file.
    let stderr = w.fails(
        &[
            "plot",
            &fixture("decimal-comma-semicolon.csv"),
            "--x",
            "time",
            "-o",
            "u.svg",
        ],
        1,
    );
    assert!(
        stderr.contains("--x time needs a time at every step"),
        "{stderr}"
    );
    assert!(!w.path("u.svg").exists());
}

/// Every point of the SVG carries a tooltip with its step, feeling,
/// channel and note; the texts name the embedded font first and carry the
/// width the layout measured.
#[test]
fn svg_points_carry_tooltips_and_texts_their_font() {
    let w = Work::new();
    let svg = w.stdout(&["plot", &example("contact-us.csv"), "-o", "-"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let tips: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .filter_map(|n| n.children().find(|c| c.has_tag_name("title")))
        .map(|t| t.text().unwrap_or("").to_string())
        .collect();
    assert_eq!(tips.len(), 7, "{tips:?}");
    assert!(tips[0].starts_with("step: Find the \"Contact us\" form\nfeeling: −2\n"));
    assert!(tips[0].contains("channel: web"), "{}", tips[0]);
    assert!(
        tips[0].contains("note: Hidden in the footer"),
        "{}",
        tips[0]
    );
    let texts: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    assert!(!texts.is_empty());
    for t in texts {
        assert!(t
            .attribute("font-family")
            .unwrap()
            .starts_with("DejaVu Sans,"));
        assert!(t.attribute("font-family").unwrap().ends_with("sans-serif"));
        let one_char = t.text().is_some_and(|s| s.chars().count() <= 1);
        assert!(one_char || t.attribute("textLength").is_some());
    }
}

/// `--no-marks` draws the curve alone: no alert flags, no red step names,
/// no marks in the legend.
#[test]
fn no_marks_draws_the_curve_alone() {
    let w = Work::new();
    let svg = w.stdout(&[
        "plot",
        &example("cinema-survey.csv"),
        "--no-marks",
        "-o",
        "-",
    ]);
    let texts = svg_texts(&svg).join("\n");
    assert!(!texts.contains('⚠'), "{texts}");
    assert!(!texts.contains("prone to fail"), "{texts}");
    assert!(!texts.contains("critical dip"), "{texts}");
    assert!(!texts.contains("peak"), "{texts}");
    let with = svg_texts(&w.stdout(&["plot", &example("cinema-survey.csv"), "-o", "-"])).join("\n");
    assert!(with.contains('⚠') && with.contains("critical dip"));
}

/// A dip flagged only by its sharp drop (above the frustration zone) is
/// called so, with its own legend entry; one in the zone stays critical.
#[test]
fn sharp_drop_dips_are_labelled_as_such() {
    let w = Work::new();
    let sheet = w.write(
        "s.csv",
        "step,feeling\nOrder,5\nWait,2\nDelivery,5\nBill,1\nEnd,4\n",
    );
    let svg = w.stdout(&[
        "plot",
        sheet.to_str().unwrap(),
        "--scale",
        "1..5",
        "-o",
        "-",
    ]);
    let texts = svg_texts(&svg).join("\n");
    assert!(texts.contains("sharp drop: Wait"), "{texts}");
    assert!(
        texts.contains("sharp drop (outside the frustration zone)"),
        "{texts}"
    );
    assert!(texts.contains("critical dip: Bill"), "{texts}");
    assert!(!texts.contains("critical dip: Wait"), "{texts}");
}

/// `--notes` numbers the notes and lists them under the graph; the channel
/// strip names each channel once per stretch. Without `--notes`, no list.
#[test]
fn notes_and_channel_strip_in_the_svg() {
    let w = Work::new();
    let texts = svg_texts(&w.stdout(&["plot", &example("contact-us.csv"), "--notes", "-o", "-"]));
    assert!(
        texts
            .iter()
            .any(|t| t == "1. Hidden in the footer, under \"About\""),
        "{texts:?}"
    );
    assert!(texts
        .iter()
        .any(|t| t == "2. Asked for the account number twice"));
    // The numbers by their points.
    assert!(texts.iter().any(|t| t == "1") && texts.iter().any(|t| t == "2"));
    for channel in ["web", "phone"] {
        assert_eq!(
            texts.iter().filter(|t| *t == channel).count(),
            1,
            "{channel}: {texts:?}"
        );
    }
    assert_eq!(texts.iter().filter(|t| *t == "email").count(), 2);
    let plain = svg_texts(&w.stdout(&["plot", &example("contact-us.csv"), "-o", "-"]));
    assert!(!plain.iter().any(|t| t.starts_with("1. ")));
    assert!(plain.iter().any(|t| t == "web"));
}

/// A format flag that says otherwise than the output's name is refused
/// (exit 2, nothing written), in every command that draws: the file would
/// hold one thing under the name of another.
#[test]
fn a_format_flag_must_agree_with_the_output_name() {
    let w = Work::new();
    let sheet = example("cinema-survey.csv");
    let cases: [(&[&str], &str); 6] = [
        (
            &["plot", &sheet, "-o", "r.png", "--format", "svg"],
            "--format svg but -o r.png names a PNG file: name it r.svg",
        ),
        (
            &["plot", &sheet, "-o", "r.svg", "--format", "mermaid"],
            "name it r.mmd",
        ),
        (
            &["plot", &sheet, "-o", "r.mmd", "--format", "png"],
            "names a Mermaid file",
        ),
        (
            &[
                "plot", &sheet, "--by", "segment", "-o", "s.png", "--format", "svg",
            ],
            "name it s.svg",
        ),
        (
            &["pattern", &sheet, "-o", "p.svg", "--graph-format", "png"],
            "--graph-format png but -o p.svg names an SVG file",
        ),
        (
            &[
                "compare",
                &example("contact-us.csv"),
                &example("contact-us-redesign.csv"),
                "-o",
                "c.PNG",
                "--graph-format",
                "svg",
            ],
            "name it c.svg",
        ),
    ];
    for (args, words) in cases {
        let err = w.fails(args, 2);
        assert!(err.contains(words), "{args:?}: {err}");
    }
    assert!(w.files().is_empty(), "{:?}", w.files());
    // A name that agrees, in capitals (a name that says nothing: the test above).
    w.stdout(&["plot", &sheet, "-o", "r.PNG", "--format", "png"]);
    assert!(w.read("r.PNG").starts_with(b"\x89PNG"));
}
