//! Analyses of one case's emotion graph.
//!
//! Per case; the sequence is the case's feelings in step order, skipped steps
//! left out; `index` is the 0-based position in that sequence.
//!
//! Every function here is pure (no I/O) and total: it never panics, whatever
//! the (finite) input, including empty slices and side slices (`elapsed`,
//! owners, expectations) whose length does not match `values`.

pub mod compare;
pub mod dips;
pub mod handoffs;
pub mod journey;
pub mod pattern;
pub mod promise;
pub mod stats;
pub mod summary;
pub mod turning;

/// Thresholds in the scale's own units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub min: f64,
    pub max: f64,
    pub neutral: f64,
    pub critical: f64,
    pub prominence: f64,
    pub sharp_drop: f64,
}

impl Thresholds {
    /// Defaults for a scale: prominence = 10% of range, critical = neutral - 0.6*(neutral-min), sharp_drop = 50% of range.
    pub fn for_scale(min: f64, max: f64, neutral: f64) -> Self {
        let range = max - min;
        Thresholds {
            min,
            max,
            neutral,
            critical: neutral - 0.6 * (neutral - min),
            prominence: 0.1 * range,
            sharp_drop: 0.5 * range,
        }
    }

    /// 1e-9 * (max - min)
    ///
    /// Taken as an absolute value so that a scale given upside down still
    /// yields a tolerance that loosens comparisons rather than tightening them.
    pub fn tolerance(&self) -> f64 {
        1e-9 * (self.max - self.min).abs()
    }
}

/// "Below neutral" with the tolerance: feeling < neutral − tol.
///
/// Shared by the dips and the summary so both agree on which steps are below.
fn below_neutral(feeling: f64, t: &Thresholds) -> bool {
    feeling < t.neutral - t.tolerance()
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SequenceAnalysis {
    pub turning_points: Vec<turning::TurningPoint>,
    pub critical_dips: Vec<dips::Dip>,
    pub summary: summary::Summary,
}

/// Runs all three analyses on one sequence of feelings (skipped steps already removed). `elapsed`: optional elapsed time in seconds per value (same length as values, or empty when unknown) used only for Dip::below_neutral_duration.
pub fn analyze_sequence(
    values: &[f64],
    elapsed: &[Option<f64>],
    t: &Thresholds,
) -> SequenceAnalysis {
    let turning_points = turning::turning_points(values, t.prominence, t.tolerance());
    let critical_dips = dips::critical_dips(values, &turning_points, elapsed, t);
    SequenceAnalysis {
        turning_points,
        critical_dips,
        summary: summary::summarize(values, t),
    }
}

/// The definitions in docs/method.md are the module documentation of these
/// files, word for word: this test keeps the two from drifting apart.
#[cfg(test)]
mod docs_match_code {
    fn normalise(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Definition paragraphs of a file's `//!` documentation.
    fn definitions(source: &str) -> Vec<String> {
        let doc: Vec<&str> = source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| l.trim_start_matches("//!").trim())
            .collect();
        doc.split(|l| l.is_empty())
            .skip(1)
            .map(|p| normalise(&p.join(" ")))
            // Definitions name their term in bold; other paragraphs are notes.
            .filter(|p| p.contains("**"))
            .collect()
    }

    #[test]
    fn every_definition_is_in_method_md() {
        let method = normalise(include_str!("../../docs/method.md"));
        for (file, source) in [
            ("turning.rs", include_str!("turning.rs")),
            ("dips.rs", include_str!("dips.rs")),
            ("summary.rs", include_str!("summary.rs")),
            ("handoffs.rs", include_str!("handoffs.rs")),
            ("promise.rs", include_str!("promise.rs")),
            ("journey.rs", include_str!("journey.rs")),
            ("stats.rs", include_str!("stats.rs")),
            ("pattern.rs", include_str!("pattern.rs")),
            ("compare/mod.rs", include_str!("compare/mod.rs")),
            (
                "compare/mann_whitney.rs",
                include_str!("compare/mann_whitney.rs"),
            ),
            ("../model/align.rs", include_str!("../model/align.rs")),
        ] {
            let defs = definitions(source);
            assert!(!defs.is_empty(), "{file} has no definition");
            for d in defs {
                assert!(
                    method.contains(&d),
                    "docs/method.md lacks, from {file}: {d}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn defaults_for_minus_five_to_five() {
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        assert_eq!(t.prominence, 1.0);
        assert_eq!(t.critical, -3.0);
        assert_eq!(t.sharp_drop, 5.0);
        assert!((t.tolerance() - 1e-8).abs() < 1e-20);
    }

    #[test]
    fn defaults_for_one_to_seven() {
        let t = Thresholds::for_scale(1.0, 7.0, 4.0);
        assert!((t.prominence - 0.6).abs() < 1e-12);
        assert!((t.critical - 2.2).abs() < 1e-12);
        assert_eq!(t.sharp_drop, 3.0);
    }

    #[test]
    fn analyze_empty_and_tiny() {
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let a = analyze_sequence(&[], &[], &t);
        assert!(a.turning_points.is_empty() && a.critical_dips.is_empty());
        assert_eq!(a.summary.steps, 0);
        // One step that is critical: it is the last step, so an at_end dip.
        let a = analyze_sequence(&[-4.0], &[Some(0.0)], &t);
        assert!(a.turning_points.is_empty());
        assert_eq!(a.critical_dips.len(), 1);
        assert!(a.critical_dips[0].at_end);
        assert_eq!(a.critical_dips[0].below_neutral_duration, Some(0.0));
    }

    #[test]
    fn analyze_journey() {
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let v = [2.0, 3.0, -1.0, -4.0, -2.0, 1.0, -3.0];
        let a = analyze_sequence(&v, &[], &t);
        let idx: Vec<usize> = a.turning_points.iter().map(|p| p.index).collect();
        assert_eq!(idx, vec![1, 3, 5]);
        let dips: Vec<(usize, bool)> = a
            .critical_dips
            .iter()
            .map(|d| (d.index, d.at_end))
            .collect();
        // Trough at 3 (run -1,-4,-2: severity 7) outranks the end (severity 3).
        assert_eq!(dips, vec![(3, false), (6, true)]);
        assert_eq!(a.summary.steps, 7);
    }

    /// The hand-worked example of method.md, checked step by step.
    #[test]
    fn method_md_example() {
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let v = [1.0, 3.0, 3.0, 0.0, 0.5, -3.0, -3.0, 1.0, -1.0, -4.0];
        let secs = [
            0.0, 60.0, 120.0, 300.0, 360.0, 400.0, 1000.0, 1600.0, 1700.0, 2000.0,
        ];
        let elapsed: Vec<Option<f64>> = secs.iter().copied().map(Some).collect();
        let a = analyze_sequence(&v, &elapsed, &t);
        let turning: Vec<(usize, turning::Kind, f64)> = a
            .turning_points
            .iter()
            .map(|p| (p.index, p.kind, p.prominence))
            .collect();
        use turning::Kind::{Peak, Trough};
        assert_eq!(
            turning,
            vec![(1, Peak, 2.0), (5, Trough, 4.0), (7, Peak, 4.0)]
        );
        let dip = |index, feeling, prominence, at_end, severity, duration| dips::Dip {
            index,
            feeling,
            prominence,
            at_end,
            severity,
            below_neutral_duration: Some(duration),
            sharp_drop_only: false,
        };
        assert_eq!(
            a.critical_dips,
            vec![
                dip(5, -3.0, Some(4.0), false, 6.0, 1200.0),
                dip(9, -4.0, None, true, 5.0, 300.0),
            ]
        );
        let s = &a.summary;
        assert_eq!((s.steps, s.mean), (10, Some(-0.25)));
        assert_eq!(
            s.min,
            Some(summary::Extreme {
                index: 9,
                feeling: -4.0
            })
        );
        assert_eq!(
            s.max,
            Some(summary::Extreme {
                index: 1,
                feeling: 3.0
            })
        );
        assert_eq!(
            (s.start, s.end, s.peak_end),
            (Some(1.0), Some(-4.0), Some(-4.0))
        );
        assert_eq!(
            (s.area_below_neutral, s.share_below_neutral),
            (11.0, Some(0.4))
        );
    }

    #[test]
    fn serializes_lowercase_kinds_and_null_options() {
        let t = Thresholds::for_scale(-5.0, 5.0, 0.0);
        let a = analyze_sequence(&[0.0, -4.0, 1.0, -3.0], &[], &t);
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["turning_points"][0]["kind"], "trough");
        assert_eq!(json["turning_points"][1]["kind"], "peak");
        let end = &json["critical_dips"][1];
        assert_eq!(end["at_end"], true);
        assert!(end["prominence"].is_null());
        assert!(end["below_neutral_duration"].is_null());
        let empty = serde_json::to_value(analyze_sequence(&[], &[], &t)).unwrap();
        assert!(empty["summary"]["mean"].is_null());
    }

    fn finite() -> impl Strategy<Value = f64> {
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO
    }

    proptest! {
        #[test]
        fn analyze_never_panics(
            values in prop::collection::vec(finite(), 0..40),
            elapsed in prop::collection::vec(prop::option::of(finite()), 0..40),
            scale in (finite(), finite(), finite()),
        ) {
            for t in [Thresholds::for_scale(-5.0, 5.0, 0.0), Thresholds::for_scale(scale.0, scale.1, scale.2)] {
                let a = analyze_sequence(&values, &elapsed, &t);
                prop_assert_eq!(a.summary.steps, values.len());
            }
        }
    }
}
