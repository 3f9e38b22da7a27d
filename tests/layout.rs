//! The layout test of issue 10: over every example and generated stress
//! sheets, at every size, x mode, band and with and without marks, in
//! English and right to left, the boxes computed from the figure's
//! placement do not meet (text with text, text with a mark) and stay inside
//! the picture.

use emograph::analysis::pattern::PatternOptions;
use emograph::analysis::Thresholds;
use emograph::chart::{plot, PatternChoices, PatternStyle};
use emograph::figure::emotion::{ChartOptions, XMode};
use emograph::figure::pattern::{BandKind, CaseLines};
use emograph::figure::{Figure, Lang};
use emograph::input::{parse_sheet, InputOptions};
use emograph::model::Sheet;
use emograph::render::layout::{BoxKind, LaidBox};

const SIZES: [(u32, u32); 3] = [(800, 450), (1600, 900), (3840, 2160)];

/// Figures of one sheet under every choice (those the sheet allows).
fn figures(name: &str, csv: &str, sizes: &[(u32, u32)]) -> Vec<(String, Figure)> {
    let mut out = Vec::new();
    let sheet = parse_sheet(name, csv.as_bytes().to_vec(), &InputOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let scale = match &sheet {
        Sheet::Cases(ds) => ds.scale,
        Sheet::Summary(s) => s.scale,
    };
    let t = Thresholds::for_scale(scale.min, scale.max, scale.neutral);
    for &(width, height) in sizes {
        for x in [XMode::Steps, XMode::Time] {
            for marks in [true, false] {
                let bands: &[BandKind] = match &sheet {
                    Sheet::Cases(ds) if ds.cases.len() == 1 => &[BandKind::Iqr],
                    _ => &[BandKind::Iqr, BandKind::MinMax, BandKind::None],
                };
                for &band in bands {
                    for lang in [Lang::En, Lang::He] {
                        let opts = ChartOptions {
                            x,
                            marks,
                            ..ChartOptions::new(
                                width,
                                height,
                                format!("{name} — a title as long as people write them"),
                                lang,
                            )
                        };
                        let choices = PatternChoices {
                            options: PatternOptions::default(),
                            style: PatternStyle {
                                band,
                                case_lines: CaseLines::Auto,
                            },
                            of_many: true,
                        };
                        if let Ok(chart) = plot(&sheet, scale, &t, &choices, &opts) {
                            out.push((
                                format!(
                                    "{name} {width}x{height} {x:?} marks={marks} {band:?} {lang:?}"
                                ),
                                chart.figure,
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

/// What is wrong with the layout of `fig`, one line per fault.
fn faults(fig: &Figure) -> Vec<String> {
    let boxes = emograph::render::boxes(fig).unwrap();
    let (w, h) = (fig.width as f64, fig.height as f64);
    let mut out = Vec::new();
    let show = |b: &LaidBox| {
        format!(
            "{:?} {:?} [{:.0},{:.0} – {:.0},{:.0}]",
            b.kind, b.what, b.rect.left, b.rect.top, b.rect.right, b.rect.bottom
        )
    };
    let texts: Vec<&LaidBox> = boxes.iter().filter(|b| b.kind == BoxKind::Text).collect();
    for b in &boxes {
        let r = b.rect;
        if r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5 {
            out.push(format!("outside the picture: {}", show(b)));
        }
    }
    let meet = |a: &LaidBox, b: &LaidBox| {
        // Half a pixel of rounding either way is not a collision.
        a.rect.left + 0.5 < b.rect.right
            && b.rect.left + 0.5 < a.rect.right
            && a.rect.top + 0.5 < b.rect.bottom
            && b.rect.top + 0.5 < a.rect.bottom
    };
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            if meet(a, b) {
                out.push(format!("texts meet: {} and {}", show(a), show(b)));
            }
        }
        for m in boxes.iter().filter(|b| b.kind == BoxKind::Mark) {
            if meet(a, m) {
                out.push(format!("text on a mark: {} and {}", show(a), show(m)));
            }
        }
    }
    out
}

fn check(all: Vec<(String, Figure)>) {
    assert!(!all.is_empty());
    let mut bad = Vec::new();
    for (what, fig) in &all {
        for f in faults(fig) {
            bad.push(format!("{what}: {f}"));
        }
    }
    let n = bad.len();
    // One of each kind of fault first.
    let mut seen = std::collections::BTreeSet::new();
    bad.sort_by_key(|b| {
        let key: String = b
            .split(": ")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take(40)
            .collect();
        !seen.insert(key)
    });
    bad.truncate(25);
    assert!(n == 0, "{n} faults, the first:\n{}", bad.join("\n"));
}

#[test]
fn examples_lay_out_without_collisions() {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            let csv = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            all.extend(figures(&name, &csv, &SIZES));
        }
    }
    check(all);
}

/// One case, `n` steps, feelings from `f(i)`, a time at every step.
fn sheet(n: usize, name: impl Fn(usize) -> String, f: impl Fn(usize) -> i32) -> String {
    let mut s = String::from("step,time,feeling\n");
    for i in 0..n {
        s.push_str(&format!("\"{}\",{}m,{}\n", name(i), i * 7 + i % 3, f(i)));
    }
    s
}

#[test]
fn stress_sheets_lay_out_without_collisions() {
    let long = |i: usize| format!("Step {i}: waiting on the phone for the technician to confirm");
    let hebrew = |i: usize| format!("שלב {i} המתנה לטכנאי (קומה 2) ב-Netflix");
    let mut all = Vec::new();
    // Dips at the first and last steps, values at both ends of the scale.
    let ends = |i: usize| [-5, 5, -5, 0, 5, -5][i % 6];
    for n in [1, 2, 3, 6, 12] {
        all.extend(figures("long.csv", &sheet(n, long, ends), &SIZES));
        all.extend(figures("hebrew.csv", &sheet(n, hebrew, ends), &SIZES));
        all.extend(figures("flat.csv", &sheet(n, long, |_| 5), &SIZES));
        all.extend(figures("low.csv", &sheet(n, hebrew, |_| -5), &SIZES));
    }
    // Many steps, jagged and smooth.
    for n in [40, 300, 5000] {
        let jagged = |i: usize| if i % 2 == 0 { -4 } else { 4 };
        let smooth = |i: usize| ((i as f64 / 50.0).sin() * 4.0).round() as i32;
        all.extend(figures(
            "jagged.csv",
            &sheet(n, |i| format!("s{i}"), jagged),
            &SIZES[..2],
        ));
        all.extend(figures(
            "smooth.csv",
            &sheet(n, |i| format!("s{i}"), smooth),
            &SIZES[..2],
        ));
    }
    // Several cases with phases (a pattern with its band and case lines).
    let mut cases = String::from("case,phase,step,feeling\n");
    for c in 0..6 {
        for (i, (phase, step)) in [
            ("before", "Find the branch on the map"),
            ("before", "Parking"),
            ("during", "Queue at the counter for a number"),
            ("during", "Talk to the banker"),
            ("after", "Follow-up email with the wrong name"),
            ("after", "Survey"),
        ]
        .iter()
        .enumerate()
        {
            let v = [[-5, 5, -5, 5, -5, 5], [4, -4, -5, 0, 2, -5]][c % 2][i] + (c as i32 % 3) - 1;
            cases.push_str(&format!("c{c},{phase},{step},{}\n", v.clamp(-5, 5)));
        }
    }
    all.extend(figures("phases.csv", &cases, &SIZES));
    check(all);
}

/// With `EMOGRAPH_LAYOUT_OUT=DIR`, writes the pictures of a few of these
/// figures (right to left among them) as PNG for looking at them.
#[test]
fn pictures_for_review() {
    let Some(dir) = std::env::var_os("EMOGRAPH_LAYOUT_OUT") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut all = Vec::new();
    for name in ["contact-us.csv", "cinema-evening.csv", "contact-us-he.csv"] {
        let csv =
            std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        all.extend(figures(name, &csv, &SIZES[..2]));
    }
    let jagged = |i: usize| if i % 2 == 0 { -4 } else { 4 };
    all.extend(figures(
        "jagged.csv",
        &sheet(300, |i| format!("s{i}"), jagged),
        &SIZES[1..2],
    ));
    let hebrew = |i: usize| format!("שלב {i} לפני המתנה לטכנאי (קומה 2)");
    all.extend(figures(
        "hebrew.csv",
        &sheet(6, hebrew, |i| [-5, 5, -5, 0, 5, -5][i % 6]),
        &SIZES[..2],
    ));
    for (what, fig) in all {
        if what.contains("MinMax") || what.contains("None") {
            continue;
        }
        let file = what.replace([' ', '='], "_") + ".png";
        std::fs::write(dir.join(file), emograph::render::png(&fig).unwrap()).unwrap();
    }
}

/// The before/after graph lays out as well: two patterns of the stress
/// sheet with phases, one the other shifted, every step changed.
#[test]
fn compare_graphs_lay_out_without_collisions() {
    use emograph::analysis::compare::VerdictCounts;
    use emograph::analysis::pattern::from_cases;
    use emograph::figure::compare::{build, CompareChart, CompareSide, CompareStep, StepStatus};
    use emograph::input::parse;
    let mut before = String::from("case,phase,step,feeling\n");
    let mut after = before.clone();
    let steps = [
        "Find the branch on the map",
        "Parking",
        "Queue at the counter for a number",
        "Talk to the banker",
        "Survey",
    ];
    for c in 0..4 {
        for (i, s) in steps.iter().enumerate() {
            let v = [-5, 5, -5, 5, -5][i] + c % 2;
            before.push_str(&format!("c{c},p{},{s},{}\n", i / 2, v.clamp(-5, 5)));
            after.push_str(&format!("c{c},p{},{s},{}\n", i / 2, (-v).clamp(-5, 5)));
        }
    }
    let (b, a) = (
        parse("before.csv", before.as_bytes(), &InputOptions::default()).unwrap(),
        parse("after.csv", after.as_bytes(), &InputOptions::default()).unwrap(),
    );
    let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
    let pb = from_cases(
        &b.cases.iter().collect::<Vec<_>>(),
        b.steps.len(),
        &t,
        &PatternOptions::default(),
    );
    let pa = from_cases(
        &a.cases.iter().collect::<Vec<_>>(),
        a.steps.len(),
        &t,
        &PatternOptions::default(),
    );
    let mut all = Vec::new();
    for &(width, height) in &SIZES {
        for lang in [Lang::En, Lang::He] {
            let chart = CompareChart {
                steps: b
                    .steps
                    .iter()
                    .zip(&pa.line)
                    .zip(&pb.line)
                    .map(|((s, a), b)| CompareStep {
                        name: &s.name,
                        phase: s.phase,
                        status: StepStatus::Both,
                        delta: Some(a - b),
                        significant: true,
                    })
                    .collect(),
                strings: &b.strings,
                before: CompareSide {
                    label: "as is",
                    pattern: &pb,
                    at: (0..steps.len()).map(Some).collect(),
                },
                after: CompareSide {
                    label: "redesign",
                    pattern: &pa,
                    at: (0..steps.len()).map(Some).collect(),
                },
                scale: b.scale,
                band: BandKind::Iqr,
                alpha: 0.05,
                tested: true,
                verdict: VerdictCounts::default(),
            };
            let opts = ChartOptions::new(width, height, "Before and after", lang);
            all.push((
                format!("compare {width}x{height} {lang:?}"),
                build(&chart, &t, &opts),
            ));
        }
    }
    check(all);
}
