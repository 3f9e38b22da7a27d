//! Pattern charts: the typical pattern of a group of cases or of a summary
//! file ([`of_cases`], [`of_summary`]), kept with the steps and cases it was
//! made from ([`PatternWithSource`]), and turned into a pattern [`Figure`]
//! by [`figure`]. Warnings are returned, never printed.

use crate::analysis::pattern::{self, Pattern, PatternOptions};
use crate::analysis::Thresholds;
use crate::error::{quote, InputError, Location};
use crate::figure::emotion::ChartOptions;
use crate::figure::pattern::{BandKind, CaseLines, PatternChart};
use crate::figure::Figure;
use crate::model::group::{split, GroupBy};
use crate::model::{Case, Dataset, Interner, Scale, Step, SummarySheet};

/// How the pattern graph is drawn around the pattern line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternStyle {
    pub band: BandKind,
    pub case_lines: CaseLines,
}

/// A pattern with what it was made from: the source's steps and strings
/// (the pattern's steps index into them), the cases it combines (none for
/// a summary), the group it describes, and warnings about it.
pub struct PatternWithSource<'a> {
    pub group: Option<String>,
    pub pattern: Pattern,
    pub steps: &'a [Step],
    pub strings: &'a Interner,
    pub cases: Vec<&'a Case>,
    /// Things the user should know (without the `warning: <file>: ` prefix).
    pub warnings: Vec<String>,
}

/// The pattern of the given cases of `ds` (`group` names them for `--by`),
/// with a warning naming the steps none of them has a feeling at.
pub fn of_cases<'a>(
    ds: &'a Dataset,
    cases: Vec<&'a Case>,
    group: Option<String>,
    t: &Thresholds,
    o: &PatternOptions,
) -> PatternWithSource<'a> {
    let pattern = pattern::from_cases(&cases, ds.steps.len(), t, o);
    let mut warnings = Vec::new();
    if !pattern.empty_steps.is_empty() {
        let names: Vec<String> = pattern
            .empty_steps
            .iter()
            .map(|&i| quote(&ds.steps[i].name))
            .collect();
        let within = group
            .as_ref()
            .map(|g| format!(" in {}", quote(g)))
            .unwrap_or_default();
        warnings.push(format!(
            "left out of the pattern{within}, with no feeling in any case: {}",
            names.join(", ")
        ));
    }
    PatternWithSource {
        group,
        pattern,
        steps: &ds.steps,
        strings: &ds.strings,
        cases,
        warnings,
    }
}

/// One pattern per group of the cases of `ds` split by a column (see
/// [`crate::model::group::split`]), in order of first appearance.
pub fn of_groups<'a>(
    ds: &'a Dataset,
    by: GroupBy,
    t: &Thresholds,
    o: &PatternOptions,
) -> Vec<PatternWithSource<'a>> {
    split(ds, by)
        .into_iter()
        .map(|g| of_cases(ds, g.cases, Some(g.name), t, o))
        .collect()
}

/// The pattern a summary file describes.
pub fn of_summary<'a>(
    s: &'a SummarySheet,
    t: &Thresholds,
    o: &PatternOptions,
) -> Result<PatternWithSource<'a>, InputError> {
    let figures: Vec<_> = s.figures.iter().copied().enumerate().collect();
    let pattern = pattern::from_figures(&figures, t, o).map_err(|step| {
        InputError::new(
            Location::file(&s.source.name),
            format!(
                "--stat mean needs each step's mean, and step {} has none",
                quote(&s.steps[step].name)
            ),
            "a mean column with a value in every row",
        )
        .with_hint("leave out --stat mean to draw the median")
    })?;
    Ok(PatternWithSource {
        group: None,
        pattern,
        steps: &s.steps,
        strings: &s.strings,
        cases: Vec::new(),
        warnings: Vec::new(),
    })
}

/// The pattern graph of `p`.
pub fn figure(
    p: &PatternWithSource,
    scale: Scale,
    style: PatternStyle,
    t: &Thresholds,
    opts: &ChartOptions,
) -> Figure {
    crate::figure::pattern::build(
        &PatternChart {
            steps: p.steps,
            strings: p.strings,
            scale,
            pattern: &p.pattern,
            cases: &p.cases,
            band: style.band,
            case_lines: style.case_lines,
            group: p.group.clone(),
        },
        t,
        opts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse, InputOptions};

    fn thresholds(ds: &Dataset) -> Thresholds {
        Thresholds::for_scale(ds.scale.min, ds.scale.max, ds.scale.neutral)
    }

    #[test]
    fn steps_without_feelings_come_back_as_a_warning() {
        let ds = parse(
            "t.csv",
            b"case,segment,step,feeling\n\
              a,x,s1,1\na,x,s2,2\na,x,s3,-1\n\
              b,y,s1,2\nb,y,s3,0\n",
            &InputOptions::default(),
        )
        .unwrap();
        let t = thresholds(&ds);
        let o = PatternOptions::default();
        let all = of_cases(&ds, ds.cases.iter().collect(), None, &t, &o);
        assert!(all.warnings.is_empty());
        assert_eq!(all.cases.len(), 2);
        let mut groups = of_groups(&ds, GroupBy::Segment, &t, &o);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].group.as_deref(), Some("x"));
        assert!(groups[0].warnings.is_empty());
        let p = groups.pop().unwrap();
        assert_eq!(p.cases.len(), 1);
        assert_eq!(
            p.warnings,
            ["left out of the pattern in \"y\", with no feeling in any case: \"s2\""]
        );
        let opts = ChartOptions::new(800, 450, "t", crate::figure::Lang::En);
        let style = PatternStyle {
            band: BandKind::Iqr,
            case_lines: CaseLines::Auto,
        };
        let fig = figure(&p, ds.scale, style, &t, &opts);
        assert_eq!(fig.x.labels.len(), 2);
        assert_eq!(fig.width, 800);
    }
}
