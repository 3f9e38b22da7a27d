//! The chart layer, below the commands: from a loaded sheet and its
//! analysis to the [`Figure`]s to draw. Every command that draws (`plot`,
//! `pattern`; later `compare` and batch rendering) calls these builders, so
//! no command leans on another. Builders return their warnings instead of
//! printing them; `output::jobs` prints them.
//!
//! - this file: [`plot`], what `plot` draws of a sheet (one case's curve,
//!   the pattern of many, each case's line, or a summary's pattern);
//! - [`pattern`]: building a pattern from cases or a summary, and its figure;
//! - [`mermaid`]: the line `plot` draws, written as a Mermaid journey.
//!
//! Chart options, the x mode and the title from a file name stay with the
//! figure builders in `figure::emotion`; splitting cases into groups is in
//! `model::group`; where pictures are written is in `output`.

pub mod compare;
pub mod mermaid;
pub mod pattern;

use crate::analysis::journey::analyze_all;
use crate::analysis::pattern::PatternOptions;
use crate::analysis::Thresholds;
use crate::error::UsageError;
use crate::figure::emotion::{self, ChartOptions, XMode};
use crate::figure::Figure;
use crate::model::{Scale, Sheet};

pub use pattern::{PatternStyle, PatternWithSource};

/// A picture, the words that describe what it shows, and warnings met
/// while making it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub figure: Figure,
    /// e.g. `typical pattern of 12 cases, 8 steps`.
    pub description: String,
    /// Things the user should know (without the `warning: <file>: ` prefix).
    pub warnings: Vec<String>,
}

/// The choices about a pattern graph that are not in the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PatternChoices {
    pub options: PatternOptions,
    pub style: PatternStyle,
    /// Draw the pattern of several cases (else each case's line).
    pub of_many: bool,
}

/// What `plot` draws of a sheet: a summary's pattern; the typical pattern
/// of several cases (on a step axis, unless `of_many` is off); otherwise
/// every case's line with the marks of its analysis. A pattern is drawn on
/// `scale`, the scale the thresholds `t` are on.
pub fn plot(
    sheet: &Sheet,
    scale: Scale,
    t: &Thresholds,
    choices: &PatternChoices,
    opts: &ChartOptions,
) -> anyhow::Result<Chart> {
    match sheet {
        Sheet::Summary(s) => {
            if opts.x == XMode::Time {
                return Err(UsageError(
                    "--x time needs cases with times; a summary has none".to_string(),
                )
                .into());
            }
            let p = pattern::of_summary(s, t, &choices.options)?;
            Ok(Chart {
                figure: pattern::figure(&p, scale, choices.style, t, opts),
                description: format!("pattern of {} steps", p.pattern.steps.len()),
                warnings: p.warnings,
            })
        }
        Sheet::Cases(ds) if ds.cases.len() > 1 && choices.of_many && opts.x == XMode::Steps => {
            let p = pattern::of_cases(ds, ds.cases.iter().collect(), None, t, &choices.options);
            Ok(Chart {
                figure: pattern::figure(&p, scale, choices.style, t, opts),
                description: format!(
                    "typical pattern of {} cases, {} steps",
                    ds.cases.len(),
                    p.pattern.steps.len()
                ),
                warnings: p.warnings,
            })
        }
        Sheet::Cases(ds) => {
            let analyses = analyze_all(ds, t);
            let figure = emotion::build(ds, &analyses, t, opts)?;
            let n = ds.cases.len();
            Ok(Chart {
                figure,
                description: format!(
                    "{n} case{}, {} steps",
                    if n == 1 { "" } else { "s" },
                    ds.steps.len()
                ),
                warnings: Vec::new(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::pattern::{BandKind, CaseLines};
    use crate::input::{parse, InputOptions};

    fn choices(of_many: bool) -> PatternChoices {
        PatternChoices {
            options: PatternOptions::default(),
            style: PatternStyle {
                band: BandKind::Iqr,
                case_lines: CaseLines::Auto,
            },
            of_many,
        }
    }

    fn opts(x: XMode) -> ChartOptions {
        ChartOptions {
            x,
            ..ChartOptions::new(800, 450, "t", crate::figure::Lang::En)
        }
    }

    #[test]
    fn plot_picks_the_pattern_or_the_case_lines() {
        let ds = parse(
            "t.csv",
            b"case,step,feeling\na,s1,1\na,s2,-2\nb,s1,2\nb,s2,0\n",
            &InputOptions::default(),
        )
        .unwrap();
        let t = Thresholds::for_scale(ds.scale.min, ds.scale.max, ds.scale.neutral);
        let scale = ds.scale;
        let sheet = Sheet::Cases(ds);
        let many = plot(&sheet, scale, &t, &choices(true), &opts(XMode::Steps)).unwrap();
        assert_eq!(many.description, "typical pattern of 2 cases, 2 steps");
        let lines = plot(&sheet, scale, &t, &choices(false), &opts(XMode::Steps)).unwrap();
        assert_eq!(lines.description, "2 cases, 2 steps");
        assert!(lines.warnings.is_empty());
    }
}
