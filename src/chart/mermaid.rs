//! The drawn line as a Mermaid `journey` diagram (`plot -o FILE.mmd`): one
//! case's line with the case as the actor, or the typical pattern of several
//! cases (or of a summary) with no actor. Phases become sections, scores are
//! rescaled to Mermaid's 1..5 (see [`mermaid_score`]).
//!
//! Mermaid's journey grammar ends a task's name at `:`, a comment at `#`
//! or `%%`, a statement at `;`, and reads a line that starts with `title`,
//! `section`, `journey` or `acc…` as that keyword: names are written so
//! that none of these can happen (see [`clean`]), and read back the same
//! where they held none of them.

use crate::analysis::Thresholds;
use crate::chart::pattern;
use crate::chart::PatternChoices;
use crate::error::UsageError;
use crate::model::{Interner, Scale, Sheet, Step};

/// A number in plain ASCII, no trailing `.0`: `-5`, `2.5`.
fn plain(v: f64) -> String {
    if v == v.trunc() && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A score on the sheet's scale as a Mermaid score 1..5: the neutral point
/// goes to 3, the bottom to 1, the top to 5, linearly on each side of
/// neutral, then rounded to the nearest whole number (halves up: 2.5 → 3):
///
/// - at or above neutral: `3 + 2 · (v − neutral) / (max − neutral)`
/// - below neutral: `3 − 2 · (neutral − v) / (neutral − min)`
///
/// On a scale whose neutral is its midpoint this is the straight line
/// `1 + 4 · (v − min) / (max − min)`; on 1..5 it changes nothing.
pub fn mermaid_score(v: f64, scale: &Scale) -> u8 {
    let s = if v >= scale.neutral {
        3.0 + 2.0 * (v - scale.neutral) / (scale.max - scale.neutral)
    } else {
        3.0 - 2.0 * (scale.neutral - v) / (scale.neutral - scale.min)
    };
    s.round().clamp(1.0, 5.0) as u8
}

/// The journey `plot` writes of a sheet, and the words that describe it.
pub fn journey(
    sheet: &Sheet,
    scale: Scale,
    t: &Thresholds,
    choices: &PatternChoices,
    title: &str,
) -> anyhow::Result<(String, String)> {
    let mut tasks: Vec<(usize, f64)> = Vec::new();
    let (steps, strings, actor, about): (&[Step], &Interner, Option<&str>, String) = match sheet {
        Sheet::Summary(s) => {
            let p = pattern::of_summary(s, t, &choices.options)?;
            tasks.extend(p.pattern.steps.iter().map(|s| s.step).zip(p.pattern.line));
            (
                &s.steps,
                &s.strings,
                None,
                format!("pattern of {} steps", tasks.len()),
            )
        }
        Sheet::Cases(ds) if ds.cases.len() > 1 => {
            if !choices.of_many {
                return Err(UsageError(
                    "a Mermaid journey holds one line, and --no-pattern asks for one per case: leave out --no-pattern to write the typical pattern".to_string(),
                )
                .into());
            }
            let p = pattern::of_cases(ds, ds.cases.iter().collect(), None, t, &choices.options);
            tasks.extend(p.pattern.steps.iter().map(|s| s.step).zip(p.pattern.line));
            let stat = match choices.options.stat {
                crate::analysis::pattern::Stat::Median => "median",
                crate::analysis::pattern::Stat::Mean => "mean",
            };
            (
                &ds.steps,
                &ds.strings,
                None,
                format!(
                    "typical pattern ({stat}) of {} cases, {} steps",
                    ds.cases.len(),
                    tasks.len()
                ),
            )
        }
        Sheet::Cases(ds) => {
            let case = &ds.cases[0];
            tasks.extend(case.points.iter().map(|p| (p.step as usize, p.feeling)));
            (
                &ds.steps,
                &ds.strings,
                Some(case.name.as_str()),
                format!("1 case, {} steps", tasks.len()),
            )
        }
    };
    let mut out = String::from("journey\n");
    let title = clean(title, Part::Title);
    if !title.is_empty() {
        out.push_str(&format!("  title {title}\n"));
    }
    if scale != crate::input::mermaid::MERMAID_SCALE {
        out.push_str(&format!(
            "  %% {about}; scores rescaled from {}..{} (neutral {}) to 1..5\n",
            plain(scale.min),
            plain(scale.max),
            plain(scale.neutral)
        ));
    } else if actor.is_none() {
        out.push_str(&format!("  %% {about}\n"));
    }
    let actor = actor
        .map(|a| clean(a, Part::Actor))
        .filter(|a| !a.is_empty());
    let mut section: Option<String> = None;
    let mut indent = "  ";
    for (step, v) in tasks {
        let step = &steps[step];
        if let Some(phase) = step.phase.map(|p| clean(strings.get(p), Part::Name)) {
            if !phase.is_empty() && section.as_deref() != Some(phase.as_str()) {
                out.push_str(&format!("  section {phase}\n"));
                section = Some(phase);
                indent = "    ";
            }
        }
        let name = clean(&step.name, Part::Name);
        let score = mermaid_score(v, &scale);
        match &actor {
            Some(a) => out.push_str(&format!("{indent}{name}: {score}: {a}\n")),
            None => out.push_str(&format!("{indent}{name}: {score}\n")),
        }
    }
    Ok((out, about))
}

/// Which part of a journey a text is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    /// A task's or a section's name.
    Name,
    Actor,
}

/// Text Mermaid reads back as written: one line, no control characters;
/// `:` (which ends a name) becomes `∶` (ratio), `#` (a comment) `♯`,
/// `;` `,` and `%%` `%`; an actor's `,` (which separates actors) becomes
/// `‚`. A name that starts like a keyword (`title`, `section`, `journey`,
/// `acc…`) gets a zero-width space in front, which the reader drops.
fn clean(text: &str, part: Part) -> String {
    let mut s: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .map(|c| match (c, part) {
            (':', Part::Name | Part::Actor) => '\u{2236}',
            ('#', _) => '\u{266F}',
            (';', _) => ',',
            (',', Part::Actor) => '\u{201A}',
            (c, _) => c,
        })
        .collect();
    while s.contains("%%") {
        s = s.replace("%%", "%");
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = s.to_ascii_lowercase();
    let keyword = ["title", "section", "journey", "acc"]
        .iter()
        .any(|k| lower.starts_with(k));
    if keyword && part != Part::Title {
        format!("\u{200B}{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_map_neutral_to_three() {
        let s = Scale::DEFAULT;
        let got: Vec<u8> = [-5.0, -3.0, -1.0, 0.0, 1.0, 2.5, 5.0]
            .iter()
            .map(|&v| mermaid_score(v, &s))
            .collect();
        assert_eq!(got, [1, 2, 3, 3, 3, 4, 5]);
        let m = crate::input::mermaid::MERMAID_SCALE;
        for v in 1..=5 {
            assert_eq!(mermaid_score(v as f64, &m), v as u8);
        }
        // Neutral off the middle: 0..10 with 7 neutral.
        let odd = Scale {
            min: 0.0,
            max: 10.0,
            neutral: 7.0,
        };
        assert_eq!(mermaid_score(7.0, &odd), 3);
        assert_eq!(mermaid_score(3.5, &odd), 2);
        assert_eq!(mermaid_score(0.0, &odd), 1);
        assert_eq!(mermaid_score(10.0, &odd), 5);
    }

    #[test]
    fn names_cannot_break_the_grammar() {
        assert_eq!(
            clean("Pay: card #2; cash", Part::Name),
            "Pay∶ card ♯2, cash"
        );
        assert_eq!(clean("Title deeds", Part::Name), "\u{200B}Title deeds");
        assert_eq!(clean("A,\nB", Part::Actor), "A‚ B");
        assert_eq!(clean("50%% off", Part::Title), "50% off");
        assert_eq!(clean("Day: one", Part::Title), "Day: one");
    }
}
