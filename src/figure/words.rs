//! Every word the picture shows, in one table keyed by language. Builders
//! take their words from [`Lang::words`]; the figure carries the table it
//! was built with ([`crate::figure::Figure::words`]) so the renderer, which
//! writes no words of its own, can draw the few phrases that depend on the
//! pixel layout (how many step labels fitted) from it.
//!
//! Fixed words are fields; phrases holding numbers or names are methods.
//! Only English is written so far: Hebrew falls back to it until its words
//! are filled in (a new language is one more `static` table and one more
//! arm in each phrase method).

use crate::numfmt::value;

/// The language of the picture's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    He,
}

/// Which way text reads, and so which side is the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Lang {
    /// The table of words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            // Until the Hebrew words are written, the picture is in English,
            // laid out right to left.
            Lang::He => &HE,
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Lang::En => Direction::LeftToRight,
            Lang::He => Direction::RightToLeft,
        }
    }
}

/// The words of one language.
#[derive(Debug, PartialEq)]
pub struct Words {
    pub lang: Lang,
    /// Title when the input has no file name to take one from.
    pub default_title: &'static str,
    /// The upper zone.
    pub wow: &'static str,
    /// The lower zone.
    pub frustration: &'static str,
    /// Label of the neutral line.
    pub neutral: &'static str,
    /// Legend of the one line of a single case.
    pub feeling: &'static str,
    /// Title of a time axis.
    pub elapsed_time: &'static str,
    /// Tick at the start of a time axis.
    pub time_zero: &'static str,
    /// Unit suffixes of time ticks: minutes, hours, days, weeks.
    pub minutes: &'static str,
    pub hours: &'static str,
    pub days: &'static str,
    pub weeks: &'static str,
    pub median: &'static str,
    pub mean: &'static str,
    pub band_iqr_legend: &'static str,
    pub band_minmax_legend: &'static str,
    /// Subtitle words for the band (with their leading separator).
    pub band_iqr_subtitle: &'static str,
    pub band_minmax_subtitle: &'static str,
    pub pattern_from_summary: &'static str,
    pub peak_legend: &'static str,
    pub trough_legend: &'static str,
    pub critical_dip: &'static str,
    /// Names in a point's tooltip (SVG).
    pub tip_step: &'static str,
    pub tip_case: &'static str,
    pub tip_owner: &'static str,
    pub tip_channel: &'static str,
    pub tip_note: &'static str,
    /// A dip flagged only by its sharp drop (not in the frustration zone).
    pub sharp_drop: &'static str,
    pub sharp_drop_legend: &'static str,
    /// The subtitle's note when turning points and dips are too dense to draw.
    pub turning_points_word: &'static str,
    pub dips_word: &'static str,
    pub listed_by_analyze: &'static str,
    pub promised: &'static str,
    pub below_promise: &'static str,
    pub handoff_legend: &'static str,
    /// The sign of a step prone to fail (label prefix and legend symbol).
    pub alert_sign: &'static str,
    /// Under a step the redesign removed (before/after graph).
    pub removed_step: &'static str,
    /// Under a step the redesign added.
    pub added_step: &'static str,
    /// Legend of the area where after is above before.
    pub better_after: &'static str,
    /// Legend of the area where after is below before.
    pub worse_after: &'static str,
    /// The sign of a significant change, after the change under a step.
    pub significant_sign: &'static str,
}

static EN: Words = Words {
    lang: Lang::En,
    default_title: "Emotion graph",
    wow: "WOW",
    frustration: "frustration",
    neutral: "neutral",
    feeling: "feeling",
    elapsed_time: "elapsed time",
    time_zero: "0",
    minutes: "m",
    hours: "h",
    days: "d",
    weeks: "w",
    median: "median",
    mean: "mean",
    band_iqr_legend: "middle half of cases (25–75%)",
    band_minmax_legend: "range of cases (lowest to highest)",
    band_iqr_subtitle: ", band 25–75%",
    band_minmax_subtitle: ", band lowest–highest",
    pattern_from_summary: "typical pattern from a summary",
    peak_legend: "peak (things start to get worse)",
    trough_legend: "trough (things start to get better)",
    critical_dip: "critical dip",
    tip_step: "step",
    tip_case: "case",
    tip_owner: "owner",
    tip_channel: "channel",
    tip_note: "note",
    sharp_drop: "sharp drop",
    sharp_drop_legend: "sharp drop (outside the frustration zone)",
    turning_points_word: "turning points",
    dips_word: "dips",
    listed_by_analyze: "`emograph analyze` lists them",
    promised: "promised",
    below_promise: "below the promise",
    handoff_legend: "→ hand-off to another owner",
    alert_sign: "⚠",
    removed_step: "removed",
    added_step: "new",
    better_after: "better after",
    worse_after: "worse after",
    significant_sign: "*",
};

/// Hebrew: English words for now (see the module comment).
static HE: Words = Words {
    lang: Lang::He,
    ..EN
};

/// What a comparison found, counted for [`Words::verdict`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerdictCounts {
    pub better: usize,
    pub better_significant: usize,
    pub worse: usize,
    pub worse_significant: usize,
    pub fixed_dips: usize,
    pub new_dips: usize,
    pub removed: usize,
    pub added: usize,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl Words {
    pub fn direction(&self) -> Direction {
        self.lang.direction()
    }

    /// `3 cases`, `1 case`.
    pub fn cases(&self, n: usize) -> String {
        format!("{n} case{}", plural(n))
    }

    /// `12 steps`, `1 step`.
    pub fn steps(&self, n: usize) -> String {
        format!("{n} step{}", plural(n))
    }

    /// ` (4 skipped)`, after the count of cases and steps.
    pub fn skipped(&self, n: usize) -> String {
        format!(" ({n} skipped)")
    }

    /// The subtitle's account of the scale.
    pub fn feeling_scale(&self, min: f64, max: f64, neutral: f64) -> String {
        format!(
            "feeling from {} to {}, neutral {}",
            value(min),
            value(max),
            value(neutral)
        )
    }

    /// Title of the feeling axis.
    pub fn feeling_axis(&self, min: f64, neutral: f64, max: f64) -> String {
        format!(
            "feeling ({} {} … {} {} … {} {})",
            value(min),
            self.frustration,
            value(neutral),
            self.neutral,
            value(max),
            self.wow
        )
    }

    /// Legend line standing for the cases beyond the ones listed.
    pub fn more_cases(&self, n: usize) -> String {
        format!("… and {n} more cases")
    }

    /// A time tick: `5` days → `5d`.
    pub fn time_tick(&self, v: f64, unit: &str) -> String {
        if v == 0.0 {
            self.time_zero.to_string()
        } else {
            format!("{v}{unit}")
        }
    }

    /// How many cases a step's figures come from: `n=48`.
    pub fn n(&self, n: usize) -> String {
        format!("n={n}")
    }

    /// Share of cases at or below the critical level: `38% ≤ -2`.
    pub fn share_at_or_below(&self, share: f64, critical: f64) -> String {
        format!("{:.0}% ≤ {}", share * 100.0, value(critical))
    }

    /// Two parts of one note: `n=48 · 38% ≤ -2`.
    pub fn and(&self, a: &str, b: &str) -> String {
        format!("{a} · {b}")
    }

    /// Legend of the faint lines behind the pattern.
    pub fn individual_cases(&self, n: usize) -> String {
        format!("individual cases ({n})")
    }

    /// Legend of the pattern line, naming its statistic.
    pub fn typical_pattern_line(&self, stat: &str) -> String {
        format!("{stat} (the typical pattern)")
    }

    /// First line of a dip's callout.
    pub fn critical_dip_at(&self, step: &str) -> String {
        format!("{}: {step}", self.critical_dip)
    }

    /// Second line of a dip's callout: the feeling and the drop to it.
    pub fn dip_drop(&self, feeling: f64, drop: f64) -> String {
        format!("{} · drop {}", value(feeling), value(drop))
    }

    /// Second line of a callout on a dip at the end of the journey.
    pub fn dip_ends_here(&self, feeling: f64) -> String {
        format!("{} · ends here", value(feeling))
    }

    /// A hand-off note on the process axis: `→ billing`.
    pub fn handoff_to(&self, owner: &str) -> String {
        format!("→ {owner}")
    }

    /// Legend of the sign on steps prone to fail.
    pub fn prone_to_fail(&self, risk: f64, critical: f64) -> String {
        format!(
            "prone to fail: ≥ {:.0}% of cases at or below {}",
            risk * 100.0,
            value(critical)
        )
    }

    /// Whom the pattern combines: `typical pattern of 48 cases`.
    pub fn typical_pattern_of(&self, n: usize) -> String {
        format!("typical pattern of {}", self.cases(n))
    }

    /// A label of a step prone to fail, with its sign.
    pub fn alert_label(&self, text: &str) -> String {
        format!("{}\u{a0}{text}", self.alert_sign)
    }

    /// Ordinal of a count of steps: `2nd`, `3rd`, `7th`; the first is said
    /// by leaving it out (`every step`).
    pub fn ordinal(&self, n: usize) -> String {
        match n {
            1 => String::new(),
            2 => "2nd".to_string(),
            3 => "3rd".to_string(),
            n => format!("{n}th"),
        }
    }

    /// One side of a comparison in the subtitle: `As is (30 cases)`, or
    /// `As is (summary)` for a pattern read from a summary.
    pub fn side(&self, label: &str, cases: Option<usize>) -> String {
        match cases {
            Some(n) => format!("{label} ({})", self.cases(n)),
            None => format!("{label} (summary)"),
        }
    }

    /// Legend of one side's line: `As is: median`.
    pub fn side_line(&self, label: &str, stat: &str) -> String {
        format!("{label}: {stat}")
    }

    /// A note in the list under the graph: `3. Five days of silence`.
    pub fn numbered(&self, n: usize, text: &str) -> String {
        format!("{n}. {text}")
    }

    /// The last line of a list of notes too long to show: `… and 4 more notes (see the tooltips in SVG)`.
    pub fn more_notes(&self, n: usize) -> String {
        format!("… and {n} more notes (the SVG shows each on its point)")
    }

    /// One line of a tooltip: `channel: phone`.
    pub fn tip(&self, name: &str, value: &str) -> String {
        format!("{name}: {value}")
    }

    /// The callout's first line on a dip flagged only by its sharp drop: `sharp drop: Pay`.
    pub fn sharp_drop_at(&self, step: &str) -> String {
        format!("{}: {step}", self.sharp_drop)
    }

    /// The subtitle's note when marks are too dense to draw one by one:
    /// ` · 2,400 turning points, 310 dips — `emograph analyze` lists them`.
    pub fn marks_listed(&self, turning: usize, dips: usize) -> String {
        format!(
            " · {turning} {}, {dips} {} — {}",
            self.turning_points_word, self.dips_word, self.listed_by_analyze
        )
    }

    /// Legend of one side's critical dips: `critical dip, as is`.
    pub fn side_dip(&self, label: &str) -> String {
        format!("{}, {label}", self.critical_dip)
    }

    /// Legend of the sign of a significant change.
    pub fn significant_legend(&self, alpha: f64) -> String {
        format!(
            "{} significant change (Mann–Whitney, Holm, α = {})",
            self.significant_sign,
            value(alpha)
        )
    }

    /// A change with its sign: `+2`, `−1.5`, `0`.
    pub fn signed(&self, d: f64) -> String {
        if d > 0.0 {
            format!("+{}", value(d))
        } else {
            value(d)
        }
    }

    /// Second line of a change's callout: `−4 → 1 (+5)`.
    pub fn change(&self, before: f64, after: f64) -> String {
        format!(
            "{} → {} ({})",
            value(before),
            value(after),
            self.signed(after - before)
        )
    }

    /// What changed, in a few words: `3 steps better (2 significant), 1
    /// worse, 1 dip fixed, 1 step removed`. Counts of zero are left out.
    pub fn verdict(&self, v: &VerdictCounts) -> String {
        let mut parts = Vec::new();
        let with_sig = |sig: usize| {
            if sig > 0 {
                format!(" ({sig} significant)")
            } else {
                String::new()
            }
        };
        if v.better > 0 {
            parts.push(format!(
                "{} better{}",
                self.steps(v.better),
                with_sig(v.better_significant)
            ));
        }
        if v.worse > 0 {
            let what = if parts.is_empty() {
                self.steps(v.worse)
            } else {
                v.worse.to_string()
            };
            parts.push(format!("{what} worse{}", with_sig(v.worse_significant)));
        }
        for (n, one, many) in [
            (v.fixed_dips, "dip fixed", "dips fixed"),
            (v.new_dips, "new dip", "new dips"),
            (v.removed, "step removed", "steps removed"),
            (v.added, "step added", "steps added"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        if parts.is_empty() {
            "no change".to_string()
        } else {
            parts.join(", ")
        }
    }

    /// Note under thinned step labels: `every 3rd step labelled (14 of 40)`.
    pub fn every_nth_labelled(&self, every: usize, shown: usize, total: usize) -> String {
        format!(
            "every {} step labelled ({shown} of {total})",
            self.ordinal(every)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_count_what_changed() {
        let w = Lang::En.words();
        let v = VerdictCounts {
            better: 3,
            better_significant: 2,
            worse: 1,
            fixed_dips: 1,
            removed: 1,
            ..Default::default()
        };
        assert_eq!(
            w.verdict(&v),
            "3 steps better (2 significant), 1 worse, 1 dip fixed, 1 step removed"
        );
        assert_eq!(w.verdict(&VerdictCounts::default()), "no change");
        let worse_only = VerdictCounts {
            worse: 2,
            worse_significant: 1,
            ..Default::default()
        };
        assert_eq!(w.verdict(&worse_only), "2 steps worse (1 significant)");
    }

    #[test]
    fn english_phrases() {
        let w = Lang::En.words();
        assert_eq!(w.typical_pattern_of(1), "typical pattern of 1 case");
        assert_eq!(w.typical_pattern_of(48), "typical pattern of 48 cases");
        assert_eq!(
            w.feeling_axis(-5.0, 0.0, 5.0),
            "feeling (\u{2212}5 frustration … 0 neutral … 5 WOW)"
        );
        assert_eq!(
            w.every_nth_labelled(3, 14, 40),
            "every 3rd step labelled (14 of 40)"
        );
        assert_eq!(w.ordinal(11), "11th");
        assert_eq!(w.time_tick(0.0, w.days), "0");
        assert_eq!(w.time_tick(5.0, w.days), "5d");
        assert_eq!(w.alert_label("Pay"), "⚠\u{a0}Pay");
    }

    #[test]
    fn every_language_has_a_table_and_a_direction() {
        assert_eq!(Lang::default(), Lang::En);
        assert_eq!(Lang::En.direction(), Direction::LeftToRight);
        assert_eq!(Lang::He.direction(), Direction::RightToLeft);
        assert_eq!(Lang::He.words().lang, Lang::He);
    }
}
