//! A plain-text table for people reading in a terminal.

use std::fmt::Write;

use anyhow::Result;

use super::analysis::{DipReport, TurningReport};
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
