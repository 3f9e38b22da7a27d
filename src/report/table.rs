//! A plain-text table for people reading in a terminal.

use std::fmt::Write;

use anyhow::Result;

use super::analysis::{DipReport, TurningReport};
use super::compare::{CompareReport, MeasureReport};
use super::pattern::PatternReport;
use super::{AnalysisReport, Exporter, PatternOutput};
use crate::analysis::turning::Kind;
use crate::error::quote;
use crate::numfmt::{change, duration, value};

pub struct Table;

/// Turning points and critical dips, as indented lines.
fn write_marks(
    out: &mut String,
    turning: &[TurningReport],
    dips: &[DipReport],
) -> std::fmt::Result {
    if turning.is_empty() {
        writeln!(out, "  turning points: none")?;
    } else {
        writeln!(out, "  turning points:")?;
        for t in turning {
            let (mark, word) = match t.kind {
                Kind::Peak => ("▲", "peak  "),
                Kind::Trough => ("▼", "trough"),
            };
            writeln!(
                out,
                "    {mark} {word} {:>3}  {:<32} feeling {:>3}  prominence {}",
                t.index,
                quote(t.step),
                value(t.feeling),
                value(t.prominence)
            )?;
        }
    }
    if dips.is_empty() {
        writeln!(out, "  critical dips: none")?;
    } else {
        writeln!(out, "  critical dips, most severe first:")?;
        for (rank, d) in dips.iter().enumerate() {
            let drop = match d.prominence {
                Some(p) => format!("drop {}", value(p)),
                None => "journey ends here".to_string(),
            };
            write!(
                out,
                "    {}. {:>3}  {:<32} feeling {:>3}  {drop}  severity {}",
                rank + 1,
                d.index,
                quote(d.step),
                value(d.feeling),
                value(d.severity)
            )?;
            if let Some(t) = d.below_neutral_duration {
                write!(out, "  below neutral for {}", duration(t))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// One pattern: a row per step, then its marks and summary.
fn write_pattern(out: &mut String, p: &PatternReport) -> std::fmt::Result {
    let stat = match p.stat {
        crate::analysis::pattern::Stat::Median => "median",
        crate::analysis::pattern::Stat::Mean => "mean",
    };
    match p.cases {
        Some(n) => writeln!(
            out,
            "typical pattern of {n} case{} ({stat})",
            if n == 1 { "" } else { "s" }
        )?,
        None => writeln!(out, "typical pattern from a summary ({stat})")?,
    }
    writeln!(
        out,
        "  {:<32} {:>6} {:>7} {:>15} {:>6} {:>5} {:>9}",
        "step",
        "n",
        stat,
        "middle half",
        "mean",
        "sd",
        format!("≤ {}", value(p.scale.critical))
    )?;
    let dash = || "–".to_string();
    for (s, v) in p.steps.iter().zip(&p.line) {
        let f = &s.figures;
        let iqr = match (f.p25, f.p75) {
            (Some(a), Some(b)) => format!("{} to {}", value(a), value(b)),
            _ => dash(),
        };
        writeln!(
            out,
            "  {:<32} {:>6} {:>7} {:>15} {:>6} {:>5} {:>9}{}",
            quote(s.step),
            f.n.map(|n| n.to_string()).unwrap_or_else(dash),
            value(*v),
            iqr,
            f.mean.map(value).unwrap_or_else(dash),
            f.sd.map(|x| format!("{x:.2}")).unwrap_or_else(dash),
            f.critical_share
                .map(|x| format!("{:.0}%", x * 100.0))
                .unwrap_or_else(dash),
            if s.risk == Some(true) {
                "  ⚠ prone to fail"
            } else {
                ""
            }
        )?;
    }
    if !p.left_out.is_empty() {
        let names: Vec<String> = p.left_out.iter().map(|n| quote(n)).collect();
        writeln!(out, "  left out (no feelings): {}", names.join(", "))?;
    }
    write_marks(out, &p.turning_points, &p.critical_dips)?;
    let s = &p.summary;
    writeln!(
        out,
        "  pattern: mean {}, start {}, end {}, peak-end {}, below neutral at {} of steps",
        opt(s.mean),
        opt(s.start),
        opt(s.end),
        opt(s.peak_end),
        s.share_below_neutral
            .map(|x| format!("{:.0}%", x * 100.0))
            .unwrap_or_else(dash)
    )
}

/// A p-value: three decimals, `<0.001` below that.
fn p_text(p: f64) -> String {
    if p < 0.001 {
        "<0.001".to_string()
    } else {
        format!("{p:.3}")
    }
}

/// Step names, quoted, or `none`.
fn names(list: &[String]) -> String {
    if list.is_empty() {
        "none".to_string()
    } else {
        list.iter().map(|n| quote(n)).collect::<Vec<_>>().join(", ")
    }
}

/// One measure of the whole journey: before → after, the change, the test.
fn write_measure(
    out: &mut String,
    name: &str,
    m: &MeasureReport,
    show: &dyn Fn(f64) -> String,
) -> std::fmt::Result {
    let (Some(before), Some(after)) = (m.before, m.after) else {
        return Ok(());
    };
    write!(
        out,
        "  {:<22} {:>8} → {:<8} {:>8}",
        name,
        show(before),
        show(after),
        m.delta.map(change).unwrap_or_default()
    )?;
    if let (Some(p), Some(holm)) = (m.p_value, m.p_holm) {
        write!(out, "   p {} (Holm {})", p_text(p), p_text(holm))?;
    }
    if let Some(e) = m.effect {
        write!(out, "  effect {}", change(e))?;
    }
    if m.significant == Some(true) {
        let better = m.effect.is_some_and(|e| (e > 0.0) == m.higher_is_better);
        write!(
            out,
            "  * significantly {}",
            if better { "better" } else { "worse" }
        )?;
    }
    writeln!(out)
}

/// The comparison: the verdict first, then a row per step, the whole
/// journey, and the dips.
fn write_compare(out: &mut String, r: &CompareReport) -> std::fmt::Result {
    writeln!(out, "{}", r.verdict)?;
    let side = |s: &super::compare::SideReport| match s.cases {
        Some(n) => format!(
            "{} ({n} case{})",
            quote(s.label),
            if n == 1 { "" } else { "s" }
        ),
        None => format!("{} (a summary)", quote(s.label)),
    };
    let stat = match r.stat {
        crate::analysis::pattern::Stat::Median => "median",
        crate::analysis::pattern::Stat::Mean => "mean",
    };
    writeln!(
        out,
        "{} against {}; the {stat} per step; * significant: p (Holm) < {}",
        side(&r.before),
        side(&r.after),
        r.alpha
    )?;
    if let Some(reason) = r.no_test_reason {
        writeln!(out, "no test: {reason}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "  {:<32} {:>7} {:>7} {:>7} {:>8} {:>8} {:>7}",
        "step", "before", "after", "change", "p", "p (Holm)", "effect"
    )?;
    let dash = || "–".to_string();
    let line = |f: &Option<super::compare::FiguresReport>| {
        f.as_ref()
            .map(|f| match r.stat {
                crate::analysis::pattern::Stat::Median => Some(f.median),
                crate::analysis::pattern::Stat::Mean => f.mean,
            })
            .map(|v| v.map(value).unwrap_or_else(dash))
            .unwrap_or_else(dash)
    };
    for s in &r.steps {
        let delta = match r.stat {
            crate::analysis::pattern::Stat::Median => s.delta_median,
            crate::analysis::pattern::Stat::Mean => s.delta_mean,
        };
        let word = match (s.status, s.change) {
            (crate::analysis::compare::Status::Removed, _) => "removed".to_string(),
            (crate::analysis::compare::Status::Added, _) => "new".to_string(),
            (_, Some(c)) if c != crate::analysis::compare::Change::Same => {
                let mark = if s.significant == Some(true) {
                    " *"
                } else {
                    ""
                };
                format!("{}{mark}", c.as_str())
            }
            _ => String::new(),
        };
        let row = format!(
            "  {:<32} {:>7} {:>7} {:>7} {:>8} {:>8} {:>7}  {word}",
            quote(s.step),
            line(&s.before),
            line(&s.after),
            delta.map(change).unwrap_or_else(dash),
            s.p_value.map(p_text).unwrap_or_else(dash),
            s.p_holm.map(p_text).unwrap_or_else(dash),
            s.effect.map(change).unwrap_or_else(dash),
        );
        writeln!(out, "{}", row.trim_end())?;
    }
    writeln!(out)?;
    writeln!(out, "whole journey, before → after:")?;
    let j = &r.journey;
    write_measure(out, "peak-end", &j.peak_end, &value)?;
    write_measure(out, "area below neutral", &j.area_below_neutral, &value)?;
    write_measure(out, "mean", &j.mean, &value)?;
    write_measure(out, "end", &j.end, &value)?;
    write_measure(out, "hand-offs per case", &j.handoffs, &value)?;
    write_measure(out, "elapsed time (median)", &j.elapsed, &duration)?;
    writeln!(out)?;
    for (s, label) in [(&r.before, "before"), (&r.after, "after")] {
        writeln!(
            out,
            "{label}: critical dips {}; prone to fail {}",
            names(s.summary.critical_dips),
            names(s.summary.prone_to_fail)
        )?;
    }
    writeln!(out, "fixed dips: {}", names(r.fixed_dips))?;
    writeln!(out, "new dips: {}", names(r.new_dips))?;
    writeln!(out, "removed steps: {}", names(r.removed_steps))?;
    writeln!(out, "added steps: {}", names(r.added_steps))
}

fn opt(v: Option<f64>) -> String {
    v.map(value).unwrap_or_else(|| "–".to_string())
}

impl Exporter for Table {
    fn analysis(&self, r: &AnalysisReport, dest: &mut dyn std::io::Write) -> Result<()> {
        let mut out = String::new();
        writeln!(
            out,
            "scale {}..{}, neutral {}; critical level {}, prominence ≥ {}, sharp drop ≥ {}",
            value(r.scale.min),
            value(r.scale.max),
            value(r.scale.neutral),
            value(r.scale.critical),
            value(r.scale.prominence),
            value(r.scale.sharp_drop)
        )?;
        for c in &r.cases {
            let s = &c.summary;
            writeln!(out)?;
            write!(out, "case {}", quote(c.case))?;
            if let Some(seg) = &c.segment {
                write!(out, " (segment {})", quote(seg))?;
            }
            if let (Some(by), Some(group)) = (r.by, c.group) {
                write!(out, " ({by} group {})", quote(group))?;
            }
            writeln!(
                out,
                ": {} steps, mean {}, start {}, end {}, peak-end {}",
                s.steps,
                opt(s.mean),
                opt(s.start),
                opt(s.end),
                opt(s.peak_end)
            )?;
            if let (Some(min), Some(max), Some(lo), Some(hi)) =
                (s.min, s.max, &s.min_step, &s.max_step)
            {
                writeln!(
                    out,
                    "  lowest {} at {}, highest {} at {}",
                    value(min),
                    quote(lo.step),
                    value(max),
                    quote(hi.step)
                )?;
            }
            writeln!(
                out,
                "  below neutral: {} of steps, area {}",
                s.share_below_neutral
                    .map(|x| format!("{:.0}%", x * 100.0))
                    .unwrap_or_else(|| "–".to_string()),
                value(s.area_below_neutral)
            )?;
            write_marks(&mut out, &c.turning_points, &c.critical_dips)?;
            if let (Some(n), Some(owners)) = (s.handoffs, s.owners) {
                write!(out, "  hand-offs: {n} between {owners} owners")?;
                if let (Some(with), Some(without)) =
                    (s.mean_change_with_handoff, s.mean_change_without_handoff)
                {
                    write!(
                        out,
                        "; mean feeling change {} at a hand-off, {} otherwise",
                        change(with),
                        change(without)
                    )?;
                }
                writeln!(out)?;
            }
            if let Some(gaps) = &s.largest_gaps {
                writeln!(out, "  promise gap: mean {}", opt(s.promise_gap))?;
                for g in gaps {
                    writeln!(
                        out,
                        "    {:<32} expected {}, felt {}: gap {}",
                        quote(g.step),
                        value(g.expected),
                        value(g.feeling),
                        value(g.gap)
                    )?;
                }
            }
        }
        dest.write_all(out.as_bytes())?;
        Ok(())
    }

    fn compare(&self, report: &CompareReport, dest: &mut dyn std::io::Write) -> Result<()> {
        let mut out = String::new();
        write_compare(&mut out, report)?;
        dest.write_all(out.as_bytes())?;
        Ok(())
    }

    fn pattern(&self, report: &PatternOutput, dest: &mut dyn std::io::Write) -> Result<()> {
        let mut out = String::new();
        match report {
            PatternOutput::Single(p) => write_pattern(&mut out, p)?,
            PatternOutput::Groups(g) => {
                for (i, group) in g.groups.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "{} {}:", g.by, quote(group.group))?;
                    write_pattern(&mut out, &group.pattern)?;
                }
            }
        }
        dest.write_all(out.as_bytes())?;
        Ok(())
    }
}
