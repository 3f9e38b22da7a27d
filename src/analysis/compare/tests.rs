use super::*;
use crate::input::{parse, parse_sheet, InputOptions};
use crate::model::{Point, Sheet};

fn t() -> Thresholds {
    Thresholds::for_scale(-5.0, 5.0, 0.0)
}

fn dataset(name: &str, sheet: &str) -> Dataset {
    parse(name, sheet.as_bytes(), &InputOptions::default()).unwrap()
}

fn summary(name: &str, sheet: &str) -> SummarySheet {
    match parse_sheet(name, sheet.as_bytes().to_vec(), &InputOptions::default()).unwrap() {
        Sheet::Summary(s) => s,
        Sheet::Cases(_) => panic!("not read as a summary"),
    }
}

/// Cases A–C before (a five-day wait), D–F after (a call back instead).
const VERSIONS: &str = "\
case,version,step,feeling
A,old,call,1
A,old,wait,-4
A,old,technician,2
A,old,bill,-1
B,old,call,0
B,old,wait,-5
B,old,technician,1
B,old,bill,-2
C,old,call,2
C,old,wait,-3
C,old,technician,3
C,old,bill,-1
D,new,call,1
D,new,callback,3
D,new,technician,2
D,new,bill,-1
E,new,call,1
E,new,callback,2
E,new,technician,3
E,new,bill,-1
F,new,call,2
F,new,callback,4
F,new,technician,3
F,new,bill,0
";

fn split(ds: &Dataset) -> (Vec<&Case>, Vec<&Case>) {
    let old = ds.strings.lookup("old");
    ds.cases.iter().partition(|c| c.version == old)
}

fn versions() -> Comparison {
    let ds = dataset("journey.csv", VERSIONS);
    let (old, new) = split(&ds);
    compare(
        &Side::cases("old", &ds, &old),
        &Side::cases("new", &ds, &new),
        &t(),
        &CompareOptions::default(),
    )
    .unwrap()
}

#[test]
fn steps_in_merged_order_with_status() {
    let c = versions();
    let steps: Vec<(&str, Status)> = c.steps.iter().map(|s| (&*s.name, s.status)).collect();
    assert_eq!(
        steps,
        vec![
            ("call", Status::Both),
            ("wait", Status::Removed),
            ("callback", Status::Added),
            ("technician", Status::Both),
            ("bill", Status::Both),
        ]
    );
    assert_eq!(c.removed_steps, vec!["wait"]);
    assert_eq!(c.added_steps, vec!["callback"]);
    assert_eq!((c.before.cases, c.after.cases), (Some(3), Some(3)));
    assert!(c.warnings.is_empty());
    assert_eq!(c.no_test_reason, None);
}

#[test]
fn per_step_figures_deltas_and_tests() {
    let c = versions();
    let tech = &c.steps[3];
    // Before 2, 1, 3 (median 2, mean 2); after 2, 3, 3 (median 3, mean 8/3).
    assert_eq!(tech.before.unwrap().median, 2.0);
    assert_eq!(tech.after.unwrap().median, 3.0);
    assert_eq!(tech.delta_median, Some(1.0));
    assert!((tech.delta_mean.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    // scipy 1.17.1: mannwhitneyu([2, 1, 3], [2, 3, 3], alternative="two-sided",
    // method="asymptotic").pvalue
    let want = mann_whitney(&[2.0, 1.0, 3.0], &[2.0, 3.0, 3.0]).unwrap();
    assert_eq!(tech.p_value, Some(want.p_value));
    assert_eq!(tech.effect, Some(want.effect));
    // Pairs: after higher in 5 of 9, lower in 1: effect 4/9.
    assert!((want.effect - 4.0 / 9.0).abs() < 1e-15);
    // Three tested steps: Holm multiplies the smallest p by 3.
    let tested: Vec<f64> = c.steps.iter().filter_map(|s| s.p_value).collect();
    assert_eq!(tested.len(), 3);
    let smallest = tested.iter().copied().fold(f64::INFINITY, f64::min);
    let adjusted = c
        .steps
        .iter()
        .find(|s| s.p_value == Some(smallest))
        .unwrap()
        .p_holm
        .unwrap();
    assert!((adjusted - (3.0 * smallest).min(1.0)).abs() < 1e-15);
    let removed = &c.steps[1];
    assert_eq!(removed.after, None);
    assert_eq!(removed.p_value, None);
    assert_eq!(removed.significant, None);
    assert_eq!(removed.change, None);
    assert_eq!(tech.change, Some(Change::Better));
    assert_eq!(
        c.steps[0].change,
        Some(Change::Same),
        "call: medians 1 and 1"
    );
}

#[test]
fn dips_and_journey() {
    let c = versions();
    assert_eq!(c.before.summary.critical_dips, vec!["wait"]);
    assert!(c.after.summary.critical_dips.is_empty());
    assert_eq!(c.fixed_dips, vec!["wait"]);
    assert!(c.new_dips.is_empty());
    assert_eq!(c.before.summary.prone_to_fail, vec!["wait"]);
    // Before's line 1, −4, 2, −1: peak −4, end −1 → −2.5; after 1, 3, 3, −1:
    // peak 3, end −1 → 1.
    let pe = c.journey.peak_end;
    assert_eq!(
        (pe.before, pe.after, pe.delta),
        (Some(-2.5), Some(1.0), Some(3.5))
    );
    // Per case peak_end: before −2.5, −3.5, −2 against after 1, 1.5, 2.
    let want = mann_whitney(&[-2.5, -3.5, -2.0], &[1.0, 1.0, 2.0]).unwrap();
    assert_eq!(pe.p_value, Some(want.p_value));
    assert_eq!(pe.effect, Some(1.0));
    let area = c.journey.area_below_neutral;
    assert_eq!((area.before, area.after), (Some(5.0), Some(1.0)));
    assert_eq!(area.effect, Some(-1.0), "less area after in every pair");
    assert!(!area.significantly_worse());
    assert_eq!(c.journey.handoffs.before, None, "no owner column");
    assert_eq!(c.journey.elapsed.before, None, "no time column");
}

#[test]
fn verdict_in_words() {
    let c = versions();
    assert_eq!(
        crate::figure::Lang::En.words().verdict(&verdict_counts(&c)),
        "1 step better (0 significant), 0 worse, 2 unchanged, 1 dip fixed, 1 step removed, 1 step added"
    );
}

#[test]
fn two_files_matched_by_name() {
    // After's file names the steps in another order of rows and another
    // step list; matching is by name.
    let before = dataset("as-is.csv", "step,A,B\nask,1,2\nwait,-4,-5\npay,0,1\n");
    let after = dataset("to-be.csv", "step,C,D\nask,2,3\npay,1,1\nthanks,3,4\n");
    let (bc, ac): (Vec<&Case>, Vec<&Case>) =
        (before.cases.iter().collect(), after.cases.iter().collect());
    let c = compare(
        &Side::cases("As is", &before, &bc),
        &Side::cases("To be", &after, &ac),
        &t(),
        &CompareOptions::default(),
    )
    .unwrap();
    let names: Vec<&str> = c.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["ask", "wait", "pay", "thanks"]);
    assert_eq!(c.steps[2].delta_median, Some(0.5));
    assert_eq!(c.before.label, "As is");
}

#[test]
fn one_case_each_is_described_not_tested() {
    let before = dataset("as-is.csv", "step,feeling\nask,1\nwait,-4\npay,0\n");
    let after = dataset("to-be.csv", "step,feeling\nask,2\ncall back,3\npay,1\n");
    let (bc, ac): (Vec<&Case>, Vec<&Case>) =
        (before.cases.iter().collect(), after.cases.iter().collect());
    let c = compare(
        &Side::cases("as-is.csv", &before, &bc),
        &Side::cases("to-be.csv", &after, &ac),
        &t(),
        &CompareOptions::default(),
    )
    .unwrap();
    assert_eq!(
        c.no_test_reason.as_deref(),
        Some("one case on each side: nothing to test")
    );
    assert!(c
        .steps
        .iter()
        .all(|s| s.p_value.is_none() && s.p_holm.is_none()));
    assert_eq!(c.steps[0].delta_median, Some(1.0));
    assert_eq!(c.steps[0].change, Some(Change::Better));
    assert_eq!(c.journey.peak_end.p_value, None);
    assert_eq!(c.fixed_dips, vec!["wait"]);
    assert_eq!(
        crate::figure::Lang::En.words().verdict(&verdict_counts(&c)),
        "2 steps better, 0 worse, 1 dip fixed, 1 step removed, 1 step added"
    );
    assert!(significantly_worse(&c).is_empty());
}

#[test]
fn summary_against_summary() {
    let before = summary(
        "before.csv",
        "step,n,mean,median,p25,p75,critical_share\nask,40,1.1,1,0,2,0.05\nwait,40,-3.2,-4,-5,-2,0.7\npay,40,0.2,0,-1,1,0.1\n",
    );
    let after = summary("after.csv", "step,median\nask,2\nwait,-1\npay,0\n");
    let c = compare(
        &Side::summary("before", &before),
        &Side::summary("after", &after),
        &t(),
        &CompareOptions::default(),
    )
    .unwrap();
    assert_eq!(
        c.no_test_reason.as_deref(),
        Some("two summaries: no individual feelings to test")
    );
    assert_eq!((c.before.cases, c.after.cases), (None, None));
    let wait = &c.steps[1];
    assert_eq!(wait.delta_median, Some(3.0));
    assert_eq!(wait.delta_mean, None, "after gives no mean");
    assert_eq!(wait.before.unwrap().n, Some(40));
    assert_eq!(c.fixed_dips, vec!["wait"]);
    // Summary against cases is described too.
    let ds = dataset("cases.csv", "step,A,B\nask,1,2\nwait,-4,-5\npay,0,1\n");
    let cases: Vec<&Case> = ds.cases.iter().collect();
    let c = compare(
        &Side::summary("before", &before),
        &Side::cases("now", &ds, &cases),
        &t(),
        &CompareOptions::default(),
    )
    .unwrap();
    assert_eq!(
        c.no_test_reason.as_deref(),
        Some("\"before\" is a summary: no individual feelings to test")
    );
}

#[test]
fn different_scales_are_refused_naming_both() {
    let before = dataset("a.csv", "step,A,B\nask,1,2\npay,0,1\n");
    let mut after = dataset("b.csv", "step,A,B\nask,1,2\npay,0,1\n");
    after.scale = Scale {
        min: 1.0,
        max: 7.0,
        neutral: 4.0,
    };
    let (bc, ac): (Vec<&Case>, Vec<&Case>) =
        (before.cases.iter().collect(), after.cases.iter().collect());
    let e = compare(
        &Side::cases("a", &before, &bc),
        &Side::cases("b", &after, &ac),
        &t(),
        &CompareOptions::default(),
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("\"a.csv\" is on the scale \u{2212}5..5 (neutral 0)"),
        "{text}"
    );
    assert!(
        text.contains("\"b.csv\" on the scale 1..7 (neutral 4)"),
        "{text}"
    );
}

#[test]
fn no_step_in_common_is_refused() {
    let before = dataset("a.csv", "step,A,B\nask,1,2\npay,0,1\n");
    let after = dataset("b.csv", "step,A,B\nfrage,1,2\nzahlen,0,1\n");
    let (bc, ac): (Vec<&Case>, Vec<&Case>) =
        (before.cases.iter().collect(), after.cases.iter().collect());
    let e = compare(
        &Side::cases("a", &before, &bc),
        &Side::cases("b", &after, &ac),
        &t(),
        &CompareOptions::default(),
    )
    .unwrap_err();
    assert!(e.problem.contains("have no step in common"), "{e}");
    assert_eq!(
        e.hint.as_deref(),
        Some("before has \"ask\", \"pay\"; after has \"frage\", \"zahlen\"")
    );
}

/// Many cases, a clear drop at one step: significant, worse, and named for
/// `--fail-if-worse`.
#[test]
fn significantly_worse_steps_and_journey() {
    let steps: Vec<Step> = ["a", "b", "c"]
        .iter()
        .map(|n| Step {
            name: n.to_string(),
            phase: None,
        })
        .collect();
    let make = |shift: f64, k: usize| -> Vec<Case> {
        (0..40)
            .map(|i| Case {
                name: format!("{k}-{i}"),
                segment: None,
                version: None,
                points: (0..3)
                    .map(|s| Point {
                        step: s,
                        line: 0,
                        feeling: if s == 1 {
                            (f64::from(i % 3) + shift).clamp(-5.0, 5.0)
                        } else {
                            f64::from(i % 5) - 2.0
                        },
                    })
                    .collect(),
                details: Vec::new(),
            })
            .collect()
    };
    let (before, after) = (make(1.0, 0), make(-4.0, 1));
    let (bc, ac): (Vec<&Case>, Vec<&Case>) = (before.iter().collect(), after.iter().collect());
    let side_of = |label: &'static str, cases: &[&Case]| {
        let c = compare(
            &Side {
                label,
                source: label,
                scale: Scale::DEFAULT,
                data: SideData::Cases {
                    cases: &bc,
                    steps: &steps,
                    columns: Columns::default(),
                },
            },
            &Side {
                label,
                source: label,
                scale: Scale::DEFAULT,
                data: SideData::Cases {
                    cases,
                    steps: &steps,
                    columns: Columns::default(),
                },
            },
            &t(),
            &CompareOptions::default(),
        );
        c.unwrap()
    };
    let c = side_of("after", &ac);
    let b = &c.steps[1];
    assert_eq!(b.significant, Some(true));
    assert!(b.effect.unwrap() < 0.0);
    assert_eq!(b.change, Some(Change::Worse));
    assert_eq!(c.steps[0].significant, Some(false), "same values");
    assert_eq!(c.steps[0].change, Some(Change::Same));
    let worse = significantly_worse(&c);
    assert_eq!(worse[0], Worse::Step("b".to_string()));
    assert!(worse.contains(&Worse::Journey("area_below_neutral")));
    assert_eq!(worse[0].to_string(), "step \"b\"");
    assert!(crate::figure::Lang::En
        .words()
        .verdict(&verdict_counts(&c))
        .starts_with("0 steps better, 1 worse (1 significant), 2 unchanged"));
    // Against itself: nothing is worse.
    assert!(significantly_worse(&side_of("same", &bc)).is_empty());
}

/// The benchmark's size: 25,000 cases × 20 steps per side. Run with
/// `cargo test --release --lib large_comparison -- --ignored --nocapture`.
#[test]
#[ignore]
fn large_comparison() {
    let steps: Vec<Step> = (0..20)
        .map(|i| Step {
            name: format!("step {i}"),
            phase: None,
        })
        .collect();
    let make = |seed: u32| -> Vec<Case> {
        (0..25_000u32)
            .map(|i| Case {
                name: i.to_string(),
                segment: None,
                version: None,
                points: (0..20u32)
                    .map(|s| Point {
                        step: s,
                        line: 0,
                        feeling: f64::from((i.wrapping_mul(2_654_435_761) ^ (s * seed)) % 11) - 5.0,
                    })
                    .collect(),
                details: Vec::new(),
            })
            .collect()
    };
    let (before, after) = (make(7), make(13));
    let (bc, ac): (Vec<&Case>, Vec<&Case>) = (before.iter().collect(), after.iter().collect());
    let side = |label, cases| Side {
        label,
        source: label,
        scale: Scale::DEFAULT,
        data: SideData::Cases {
            cases,
            steps: &steps,
            columns: Columns::default(),
        },
    };
    let start = std::time::Instant::now();
    let c = compare(
        &side("before", &bc),
        &side("after", &ac),
        &t(),
        &CompareOptions::default(),
    )
    .unwrap();
    let took = start.elapsed();
    eprintln!("compare of 2 × 25,000 cases × 20 steps: {took:?}");
    assert_eq!(c.steps.len(), 20);
    assert!(c.steps.iter().all(|s| s.p_value.is_some()));
}
