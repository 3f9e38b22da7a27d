//! Every word the picture shows, in one table keyed by language. Builders
//! take their words from [`Lang::words`]; the figure carries the table it
//! was built with ([`crate::figure::Figure::words`]) so the renderer, which
//! writes no words of its own, can draw the few phrases that depend on the
//! pixel layout (how many step labels fitted) from it.
//!
//! Fixed words are fields; phrases holding numbers or names are methods,
//! with one arm per language (a new language is one more `static` table and
//! one more arm in each phrase method). Hebrew phrases keep Hebrew grammar
//! (`מקרה אחד`, `2 מקרים`; `שלב שלישי`), and a negative number in them is
//! preceded by a left-to-right mark so its minus stays before its digits
//! when the text is laid out right to left.

use crate::analysis::compare::VerdictCounts;
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

impl Direction {
    /// An arrow pointing the way the process runs.
    pub fn arrow(self) -> char {
        match self {
            Direction::LeftToRight => '→',
            Direction::RightToLeft => '←',
        }
    }
}

impl Lang {
    /// The table of words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            Lang::He => &HE,
        }
    }

    /// The language most of `names` are written in: Hebrew when more than
    /// half of the names that hold letters hold Hebrew letters, English
    /// otherwise (`--lang auto`).
    pub fn of_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Lang {
        let (mut hebrew, mut lettered) = (0usize, 0usize);
        for name in names {
            if name.chars().any(is_hebrew_letter) {
                hebrew += 1;
                lettered += 1;
            } else if name.chars().any(char::is_alphabetic) {
                lettered += 1;
            }
        }
        if hebrew * 2 > lettered {
            Lang::He
        } else {
            Lang::En
        }
    }

    /// The way the language reads, the default of `--direction`.
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
    /// Legend of the hand-off notes, after the arrow ([`Words::handoff_legend`]).
    pub handoff: &'static str,
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
    handoff: "hand-off to another owner",
    alert_sign: "⚠",
    removed_step: "removed",
    added_step: "new",
    better_after: "better after",
    worse_after: "worse after",
    significant_sign: "*",
};

static HE: Words = Words {
    lang: Lang::He,
    default_title: "גרף רגשות",
    wow: "WOW",
    frustration: "תסכול",
    neutral: "ניטרלי",
    feeling: "רגש",
    elapsed_time: "זמן שחלף",
    time_zero: "0",
    minutes: "דק׳",
    hours: "שע׳",
    days: "ימים",
    weeks: "שב׳",
    median: "חציון",
    mean: "ממוצע",
    band_iqr_legend: "חצי אמצעי של המקרים (25–75%)",
    band_minmax_legend: "טווח המקרים (מהנמוך לגבוה)",
    band_iqr_subtitle: ", רצועה 25–75%",
    band_minmax_subtitle: ", רצועה מהנמוך לגבוה",
    pattern_from_summary: "דפוס אופייני מתוך סיכום",
    peak_legend: "שיא (מכאן המצב מתחיל להידרדר)",
    trough_legend: "שפל (מכאן המצב מתחיל להשתפר)",
    critical_dip: "נקודת שפל קריטית",
    promised: "מה שהובטח",
    below_promise: "מתחת להבטחה",
    handoff: "מעבר לגורם אחר",
    alert_sign: "⚠",
    removed_step: "הוסר",
    added_step: "חדש",
    better_after: "טוב יותר אחרי",
    worse_after: "גרוע יותר אחרי",
    significant_sign: "*",
    tip_step: "שלב",
    tip_case: "מקרה",
    tip_owner: "אחראי",
    tip_channel: "ערוץ",
    tip_note: "הערה",
    sharp_drop: "ירידה חדה",
    sharp_drop_legend: "ירידה חדה (מחוץ לאזור התסכול)",
    turning_points_word: "נקודות מפנה",
    dips_word: "נקודות שפל",
    listed_by_analyze: "`emograph analyze` מפרט אותן",
};

fn is_hebrew_letter(c: char) -> bool {
    ('\u{05D0}'..='\u{05EA}').contains(&c) || ('\u{FB1D}'..='\u{FB4F}').contains(&c)
}

/// Left-to-right mark: keeps a minus sign before its digits in right-to-left text.
const LRM: char = '\u{200E}';

/// Hebrew masculine ordinals (`שלב שלישי`), from the second to the tenth.
const HE_ORDINALS: [&str; 9] = [
    "שני",
    "שלישי",
    "רביעי",
    "חמישי",
    "שישי",
    "שביעי",
    "שמיני",
    "תשיעי",
    "עשירי",
];

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl Words {
    /// The way the language reads (the picture's own direction is
    /// [`crate::figure::Figure::direction`], which `--direction` may change).
    pub fn direction(&self) -> Direction {
        self.lang.direction()
    }

    /// A value as this language writes it in running text: `−3`, `2.5`
    /// (in Hebrew, a negative value starts with a left-to-right mark).
    pub fn value(&self, v: f64) -> String {
        let s = value(v);
        match self.lang {
            Lang::He if s.starts_with('\u{2212}') => format!("{LRM}{s}"),
            _ => s,
        }
    }

    /// `3 cases`, `1 case`.
    pub fn cases(&self, n: usize) -> String {
        match self.lang {
            Lang::En => format!("{n} case{}", plural(n)),
            Lang::He if n == 1 => "מקרה אחד".to_string(),
            Lang::He => format!("{n} מקרים"),
        }
    }

    /// `12 steps`, `1 step`.
    pub fn steps(&self, n: usize) -> String {
        match self.lang {
            Lang::En => format!("{n} step{}", plural(n)),
            Lang::He if n == 1 => "שלב אחד".to_string(),
            Lang::He => format!("{n} שלבים"),
        }
    }

    /// ` (4 skipped)`, after the count of cases and steps.
    pub fn skipped(&self, n: usize) -> String {
        match self.lang {
            Lang::En => format!(" ({n} skipped)"),
            Lang::He if n == 1 => " (ערך אחד דולג)".to_string(),
            Lang::He => format!(" ({n} ערכים דולגו)"),
        }
    }

    /// The subtitle's account of the scale.
    pub fn feeling_scale(&self, min: f64, max: f64, neutral: f64) -> String {
        let (min, max, neutral) = (self.value(min), self.value(max), self.value(neutral));
        match self.lang {
            Lang::En => format!("feeling from {min} to {max}, neutral {neutral}"),
            Lang::He => format!("סולם רגש {min} עד {max}, ניטרלי {neutral}"),
        }
    }

    /// Title of the feeling axis. The Hebrew title, read right to left and
    /// turned to read downwards, names the top of the scale first.
    pub fn feeling_axis(&self, min: f64, neutral: f64, max: f64) -> String {
        let (min, neutral, max) = (self.value(min), self.value(neutral), self.value(max));
        match self.lang {
            Lang::En => format!(
                "feeling ({min} {} … {neutral} {} … {max} {})",
                self.frustration, self.neutral, self.wow
            ),
            Lang::He => format!(
                "רגש ({max} {} … {neutral} {} … {min} {})",
                self.wow, self.neutral, self.frustration
            ),
        }
    }

    /// Legend line standing for the cases beyond the ones listed.
    pub fn more_cases(&self, n: usize) -> String {
        match self.lang {
            Lang::En => format!("… and {n} more cases"),
            Lang::He if n == 1 => "… ועוד מקרה אחד".to_string(),
            Lang::He => format!("… ועוד {n} מקרים"),
        }
    }

    /// A time tick: `5` days → `5d` (`5 ימים`, `1 יום`).
    pub fn time_tick(&self, v: f64, unit: &str) -> String {
        if v == 0.0 {
            self.time_zero.to_string()
        } else {
            // At most 12 significant digits; `1e20w` rather than 21 digits.
            let v_text = crate::numfmt::plain(v);
            match self.lang {
                Lang::En => format!("{v_text}{unit}"),
                Lang::He if v == 1.0 && unit == self.days => "1 יום".to_string(),
                Lang::He => format!("{v_text} {unit}"),
            }
        }
    }

    /// How many cases a step's figures come from: `n=48` (the same in
    /// Hebrew, as Hebrew reports write it).
    pub fn n(&self, n: usize) -> String {
        format!("n={n}")
    }

    /// Share of cases at or below the critical level: `38% ≤ -2`.
    pub fn share_at_or_below(&self, share: f64, critical: f64) -> String {
        format!("{:.0}% ≤ {}", share * 100.0, self.value(critical))
    }

    /// Two parts of one note: `n=48 · 38% ≤ -2`.
    pub fn and(&self, a: &str, b: &str) -> String {
        format!("{a} · {b}")
    }

    /// Legend of the faint lines behind the pattern.
    pub fn individual_cases(&self, n: usize) -> String {
        match self.lang {
            Lang::En => format!("individual cases ({n})"),
            Lang::He => format!("כל מקרה בנפרד ({n})"),
        }
    }

    /// Legend of the pattern line, naming its statistic.
    pub fn typical_pattern_line(&self, stat: &str) -> String {
        match self.lang {
            Lang::En => format!("{stat} (the typical pattern)"),
            Lang::He => format!("{stat} (הדפוס האופייני)"),
        }
    }

    /// First line of a dip's callout.
    pub fn critical_dip_at(&self, step: &str) -> String {
        format!("{}: {step}", self.critical_dip)
    }

    /// Second line of a dip's callout: the feeling and the drop to it.
    pub fn dip_drop(&self, feeling: f64, drop: f64) -> String {
        let (feeling, drop) = (self.value(feeling), self.value(drop));
        match self.lang {
            Lang::En => format!("{feeling} · drop {drop}"),
            Lang::He => format!("{feeling} · ירידה של {drop}"),
        }
    }

    /// Second line of a callout on a dip at the end of the journey.
    pub fn dip_ends_here(&self, feeling: f64) -> String {
        let feeling = self.value(feeling);
        match self.lang {
            Lang::En => format!("{feeling} · ends here"),
            Lang::He => format!("{feeling} · כאן המסע נגמר"),
        }
    }

    /// A hand-off note on the process axis: `→ billing`; the arrow points
    /// the way the process runs (`← גבייה` right to left).
    pub fn handoff_to(&self, owner: &str, dir: Direction) -> String {
        format!("{} {owner}", dir.arrow())
    }

    /// Legend of the hand-off notes: `→ hand-off to another owner`.
    pub fn handoff_legend(&self, dir: Direction) -> String {
        format!("{} {}", dir.arrow(), self.handoff)
    }

    /// Legend of the sign on steps prone to fail.
    pub fn prone_to_fail(&self, risk: f64, critical: f64) -> String {
        let (risk, critical) = (risk * 100.0, self.value(critical));
        match self.lang {
            Lang::En => {
                format!("prone to fail: ≥ {risk:.0}% of cases at or below {critical}")
            }
            Lang::He => format!("נוטה להיכשל: לפחות {risk:.0}% מהמקרים ב־{critical} ומטה"),
        }
    }

    /// Whom the pattern combines: `typical pattern of 48 cases`.
    pub fn typical_pattern_of(&self, n: usize) -> String {
        match self.lang {
            Lang::En => format!("typical pattern of {}", self.cases(n)),
            Lang::He => format!("דפוס אופייני של {}", self.cases(n)),
        }
    }

    /// A label of a step prone to fail, with its sign.
    pub fn alert_label(&self, text: &str) -> String {
        format!("{}\u{a0}{text}", self.alert_sign)
    }

    /// Ordinal of a count of steps: `2nd`, `3rd`, `7th` (`שני`, `שלישי` …
    /// `עשירי`, then the number); the first is said by leaving it out
    /// (`every step`).
    pub fn ordinal(&self, n: usize) -> String {
        match (self.lang, n) {
            (_, 0 | 1) => String::new(),
            (Lang::En, n) if (11..=13).contains(&(n % 100)) => format!("{n}th"),
            (Lang::En, n) => match n % 10 {
                1 => format!("{n}st"),
                2 => format!("{n}nd"),
                3 => format!("{n}rd"),
                _ => format!("{n}th"),
            },
            (Lang::He, 2..=10) => HE_ORDINALS[n - 2].to_string(),
            (Lang::He, n) => n.to_string(),
        }
    }

    /// One side of a comparison in the subtitle: `As is (30 cases)`, or
    /// `As is (summary)` for a pattern read from a summary.
    pub fn side(&self, label: &str, cases: Option<usize>) -> String {
        match (cases, self.lang) {
            (Some(n), _) => format!("{label} ({})", self.cases(n)),
            (None, Lang::En) => format!("{label} (summary)"),
            (None, Lang::He) => format!("{label} (סיכום)"),
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
        let alpha = value(alpha);
        match self.lang {
            Lang::En => format!("significant (Holm p < {alpha})"),
            Lang::He => format!("מובהק (Holm p < {alpha})"),
        }
    }

    /// A change with its sign: `+2`, `−1.5`, `0`.
    pub fn signed(&self, d: f64) -> String {
        if d > 0.0 {
            format!("+{}", value(d))
        } else {
            self.value(d)
        }
    }

    /// Second line of a change's callout: `−4 → 1 (+5)`. In Hebrew the line
    /// reads right to left (it starts with a right-to-left mark) and its
    /// arrow points left, from before to after.
    pub fn change(&self, before: f64, after: f64) -> String {
        let (b, a, d) = (
            self.value(before),
            self.value(after),
            self.signed(after - before),
        );
        match self.lang {
            Lang::En => format!("{b} → {a} ({d})"),
            Lang::He => format!("\u{200F}{b} ← {a} ({d})"),
        }
    }

    /// What changed, in a few words: `3 steps better (2 significant), 1
    /// worse (0 significant), 2 unchanged, 1 dip fixed, 1 step removed`.
    /// Significance is mentioned only when something was tested; counts of
    /// unchanged steps, dips and steps are left out when zero.
    pub fn verdict(&self, v: &VerdictCounts) -> String {
        self.verdict_in(v, false)
    }

    /// The verdict for a subtitle: significance only where there is some,
    /// no count of unchanged steps (`2 steps better (2 significant), 1
    /// worse, 1 dip fixed, 2 steps removed`).
    pub fn verdict_brief(&self, v: &VerdictCounts) -> String {
        self.verdict_in(v, true)
    }

    fn verdict_in(&self, v: &VerdictCounts, brief: bool) -> String {
        match self.lang {
            Lang::En => self.verdict_en(v, brief),
            Lang::He => self.verdict_he(v, brief),
        }
    }

    fn verdict_en(&self, v: &VerdictCounts, brief: bool) -> String {
        let with_sig = |text: String, n: usize, sig: usize| {
            if v.tested && n > 0 && !(brief && sig == 0) {
                format!("{text} ({sig} significant)")
            } else {
                text
            }
        };
        let mut parts = vec![
            with_sig(
                format!("{} better", self.steps(v.better)),
                v.better,
                v.better_significant,
            ),
            with_sig(format!("{} worse", v.worse), v.worse, v.worse_significant),
        ];
        let unchanged = if brief { 0 } else { v.unchanged };
        for (n, one, many) in [
            (unchanged, "unchanged", "unchanged"),
            (v.fixed_dips, "dip fixed", "dips fixed"),
            (v.new_dips, "new dip", "new dips"),
            (v.removed, "step removed", "steps removed"),
            (v.added, "step added", "steps added"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        parts.join(", ")
    }

    /// Hebrew: the verb agrees with its count (`שלב אחד השתפר`, `3 שלבים
    /// השתפרו`; `נקודת שפל אחת תוקנה`); counts of zero are left out.
    fn verdict_he(&self, v: &VerdictCounts, brief: bool) -> String {
        let mut parts = Vec::new();
        let with_sig = |sig: usize| match sig {
            _ if !v.tested || (brief && sig == 0) => String::new(),
            1 => " (אחד מובהק)".to_string(),
            n => format!(" ({n} מובהקים)"),
        };
        if v.better > 0 {
            let verb = if v.better == 1 {
                "השתפר"
            } else {
                "השתפרו"
            };
            parts.push(format!(
                "{} {verb}{}",
                self.steps(v.better),
                with_sig(v.better_significant)
            ));
        }
        if v.worse > 0 {
            let verb = if v.worse == 1 {
                "הורע"
            } else {
                "הורעו"
            };
            let what = match (parts.is_empty(), v.worse) {
                (true, n) => self.steps(n),
                (false, 1) => "אחד".to_string(),
                (false, n) => n.to_string(),
            };
            parts.push(format!("{what} {verb}{}", with_sig(v.worse_significant)));
        }
        let unchanged = if brief { 0 } else { v.unchanged };
        for (n, one, many) in [
            (unchanged, "שלב אחד ללא שינוי", "שלבים ללא שינוי"),
            (v.fixed_dips, "נקודת שפל אחת תוקנה", "נקודות שפל תוקנו"),
            (v.new_dips, "נקודת שפל חדשה אחת", "נקודות שפל חדשות"),
            (v.removed, "שלב אחד הוסר", "שלבים הוסרו"),
            (v.added, "שלב אחד נוסף", "שלבים נוספו"),
        ] {
            match n {
                0 => {}
                1 => parts.push(one.to_string()),
                n => parts.push(format!("{n} {many}")),
            }
        }
        if parts.is_empty() {
            "ללא שינוי".to_string()
        } else {
            parts.join(", ")
        }
    }

    /// Note under thinned step labels: `every 3rd step labelled (14 of 40)`.
    pub fn every_nth_labelled(&self, every: usize, shown: usize, total: usize) -> String {
        match self.lang {
            Lang::En if every <= 1 => format!("every step labelled ({shown} of {total})"),
            Lang::En => format!(
                "every {} step labelled ({shown} of {total})",
                self.ordinal(every)
            ),
            Lang::He if every <= 1 => format!("כל שלב מתויג ({shown} מתוך {total})"),
            Lang::He if every <= 10 => format!(
                "כל שלב {} מתויג ({shown} מתוך {total})",
                self.ordinal(every)
            ),
            Lang::He => format!("שלב אחד מכל {every} מתויג ({shown} מתוך {total})"),
        }
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
            tested: true,
            fixed_dips: 1,
            removed: 1,
            ..Default::default()
        };
        assert_eq!(
            w.verdict(&v),
            "3 steps better (2 significant), 1 worse (0 significant), 1 dip fixed, 1 step removed"
        );
        assert_eq!(
            w.verdict(&VerdictCounts::default()),
            "0 steps better, 0 worse"
        );
        let untested = VerdictCounts {
            better: 1,
            unchanged: 2,
            ..Default::default()
        };
        assert_eq!(w.verdict(&untested), "1 step better, 0 worse, 2 unchanged");
        assert_eq!(
            w.verdict_brief(&v),
            "3 steps better (2 significant), 1 worse, 1 dip fixed, 1 step removed"
        );
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

    #[test]
    fn english_ordinals() {
        let w = Lang::En.words();
        let got: Vec<String> = [2, 3, 4, 11, 12, 13, 21, 22, 23, 101]
            .iter()
            .map(|&n| w.ordinal(n))
            .collect();
        assert_eq!(
            got,
            ["2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st"]
        );
        assert_eq!(
            w.every_nth_labelled(1, 5, 5),
            "every step labelled (5 of 5)"
        );
    }

    /// Every fixed word of the Hebrew table is Hebrew (or a sign or a
    /// number shared with English), and none is left in English.
    #[test]
    fn the_hebrew_table_is_hebrew() {
        let (he, en) = (Lang::He.words(), Lang::En.words());
        let shared = ["WOW", "0", "⚠", "*"];
        for (h, e) in [
            (he.default_title, en.default_title),
            (he.frustration, en.frustration),
            (he.neutral, en.neutral),
            (he.feeling, en.feeling),
            (he.elapsed_time, en.elapsed_time),
            (he.minutes, en.minutes),
            (he.hours, en.hours),
            (he.days, en.days),
            (he.weeks, en.weeks),
            (he.median, en.median),
            (he.mean, en.mean),
            (he.band_iqr_legend, en.band_iqr_legend),
            (he.band_minmax_legend, en.band_minmax_legend),
            (he.band_iqr_subtitle, en.band_iqr_subtitle),
            (he.band_minmax_subtitle, en.band_minmax_subtitle),
            (he.pattern_from_summary, en.pattern_from_summary),
            (he.peak_legend, en.peak_legend),
            (he.trough_legend, en.trough_legend),
            (he.critical_dip, en.critical_dip),
            (he.promised, en.promised),
            (he.below_promise, en.below_promise),
            (he.handoff, en.handoff),
            (he.removed_step, en.removed_step),
            (he.added_step, en.added_step),
            (he.better_after, en.better_after),
            (he.worse_after, en.worse_after),
        ] {
            assert!(h.chars().any(is_hebrew_letter), "{h:?} is not Hebrew");
            assert_ne!(h, e);
            assert!(!h.chars().any(|c| c.is_ascii_alphabetic()), "{h:?}");
        }
        for (h, e) in [
            (he.wow, en.wow),
            (he.time_zero, en.time_zero),
            (he.alert_sign, en.alert_sign),
            (he.significant_sign, en.significant_sign),
        ] {
            assert_eq!(h, e);
            assert!(shared.contains(&h));
        }
        // The unit ticks of one span differ, so a tick is never ambiguous.
        let units = [he.minutes, he.hours, he.days, he.weeks];
        for (i, a) in units.iter().enumerate() {
            assert!(!units[..i].contains(a), "{a}");
        }
    }

    #[test]
    fn hebrew_counts_agree_in_number() {
        let w = Lang::He.words();
        assert_eq!(w.cases(1), "מקרה אחד");
        assert_eq!(w.cases(40), "40 מקרים");
        assert_eq!(w.steps(1), "שלב אחד");
        assert_eq!(w.steps(8), "8 שלבים");
        assert_eq!(w.typical_pattern_of(40), "דפוס אופייני של 40 מקרים");
        assert_eq!(w.typical_pattern_of(1), "דפוס אופייני של מקרה אחד");
        assert_eq!(w.more_cases(1), "… ועוד מקרה אחד");
        assert_eq!(w.more_cases(7), "… ועוד 7 מקרים");
        assert_eq!(w.skipped(1), " (ערך אחד דולג)");
        assert_eq!(w.skipped(4), " (4 ערכים דולגו)");
        assert_eq!(w.individual_cases(40), "כל מקרה בנפרד (40)");
    }

    #[test]
    fn hebrew_phrases() {
        let w = Lang::He.words();
        assert_eq!(w.critical_dip_at("תשלום"), "נקודת שפל קריטית: תשלום");
        assert_eq!(w.band_iqr_legend, "חצי אמצעי של המקרים (25–75%)");
        assert_eq!(w.typical_pattern_line(w.median), "חציון (הדפוס האופייני)");
        assert_eq!(w.time_tick(5.0, w.days), "5 ימים");
        assert_eq!(w.time_tick(1.0, w.days), "1 יום");
        assert_eq!(w.time_tick(2.0, w.hours), "2 שע׳");
        assert_eq!(w.time_tick(0.0, w.days), "0");
        assert_eq!(w.handoff_to("גבייה", Direction::RightToLeft), "← גבייה");
        assert_eq!(w.handoff_legend(Direction::RightToLeft), "← מעבר לגורם אחר");
        // The arrow follows the picture's direction, not the language.
        assert_eq!(w.handoff_to("גבייה", Direction::LeftToRight), "→ גבייה");
        let en = Lang::En.words();
        assert_eq!(
            en.handoff_legend(Direction::LeftToRight),
            "→ hand-off to another owner"
        );
        assert_eq!(w.side("לפני", Some(30)), "לפני (30 מקרים)");
        assert_eq!(w.side("לפני", None), "לפני (סיכום)");
        assert_eq!(w.side_line("אחרי", w.median), "אחרי: חציון");
        assert_eq!(w.side_dip("לפני"), "נקודת שפל קריטית, לפני");
        assert_eq!(w.significant_legend(0.05), "מובהק (Holm p < 0.05)");
        assert_eq!(w.dip_drop(3.0, 4.0), "3 · ירידה של 4");
        assert_eq!(w.dip_ends_here(2.0), "2 · כאן המסע נגמר");
    }

    /// A negative number in Hebrew text starts with a left-to-right mark,
    /// so bidi keeps its minus before its digits; English needs none.
    #[test]
    fn hebrew_negative_numbers_keep_their_minus() {
        let (he, en) = (Lang::He.words(), Lang::En.words());
        assert_eq!(he.value(-2.0), "\u{200E}\u{2212}2");
        assert_eq!(he.value(2.0), "2");
        assert_eq!(en.value(-2.0), "\u{2212}2");
        assert_eq!(
            he.feeling_scale(-5.0, 5.0, 0.0),
            "סולם רגש \u{200E}\u{2212}5 עד 5, ניטרלי 0"
        );
        assert_eq!(
            he.feeling_axis(-5.0, 0.0, 5.0),
            "רגש (5 WOW … 0 ניטרלי … \u{200E}\u{2212}5 תסכול)"
        );
        assert_eq!(
            he.prone_to_fail(0.25, -3.0),
            "נוטה להיכשל: לפחות 25% מהמקרים ב־\u{200E}\u{2212}3 ומטה"
        );
        assert_eq!(he.share_at_or_below(0.38, -2.0), "38% ≤ \u{200E}\u{2212}2");
        assert_eq!(he.signed(-1.5), "\u{200E}\u{2212}1.5");
        assert_eq!(he.signed(2.0), "+2");
        assert_eq!(he.change(-4.0, 1.0), "\u{200F}\u{200E}\u{2212}4 ← 1 (+5)");
    }

    #[test]
    fn hebrew_ordinals_and_thinned_labels() {
        let w = Lang::He.words();
        assert_eq!(w.ordinal(2), "שני");
        assert_eq!(w.ordinal(3), "שלישי");
        assert_eq!(w.ordinal(10), "עשירי");
        assert_eq!(w.ordinal(12), "12");
        assert_eq!(
            w.every_nth_labelled(3, 14, 40),
            "כל שלב שלישי מתויג (14 מתוך 40)"
        );
        assert_eq!(
            w.every_nth_labelled(12, 4, 40),
            "שלב אחד מכל 12 מתויג (4 מתוך 40)"
        );
        assert_eq!(w.every_nth_labelled(1, 9, 9), "כל שלב מתויג (9 מתוך 9)");
    }

    #[test]
    fn hebrew_verdicts_agree_with_their_counts() {
        let w = Lang::He.words();
        let v = VerdictCounts {
            better: 3,
            better_significant: 2,
            worse: 1,
            tested: true,
            fixed_dips: 1,
            removed: 1,
            ..Default::default()
        };
        assert_eq!(
            w.verdict_brief(&v),
            "3 שלבים השתפרו (2 מובהקים), אחד הורע, נקודת שפל אחת תוקנה, שלב אחד הוסר"
        );
        assert_eq!(w.verdict(&VerdictCounts::default()), "ללא שינוי");
        let v = VerdictCounts {
            better: 1,
            better_significant: 1,
            tested: true,
            new_dips: 2,
            added: 3,
            ..Default::default()
        };
        assert_eq!(
            w.verdict(&v),
            "שלב אחד השתפר (אחד מובהק), 2 נקודות שפל חדשות, 3 שלבים נוספו"
        );
        let worse_only = VerdictCounts {
            worse: 2,
            worse_significant: 1,
            tested: true,
            ..Default::default()
        };
        assert_eq!(w.verdict(&worse_only), "2 שלבים הורעו (אחד מובהק)");
    }

    #[test]
    fn the_language_of_names() {
        assert_eq!(Lang::of_names(["מילוי הטופס", "שליחה", "Login"]), Lang::He);
        assert_eq!(Lang::of_names(["Login", "Pay", "תשלום"]), Lang::En);
        // Half is not most.
        assert_eq!(Lang::of_names(["Login", "תשלום"]), Lang::En);
        // Names without letters do not vote.
        assert_eq!(Lang::of_names(["1", "2", "תשלום"]), Lang::He);
        assert_eq!(Lang::of_names([]), Lang::En);
    }
}
