//! A pre-aggregated pattern summary: one row per step with a `median` (and
//! optionally `n`, `p25`, `p75`, `mean`, `sd`, `min`, `max`, shares), as a
//! warehouse query or `emograph pattern --format csv` writes it.

use super::columns::{ColumnMap, Role};
use super::feelings;
use super::row::{Row, RowSink};
use super::SourceFormat;
use crate::error::{quote, CellPos, InputError, Location};
use crate::model::{
    FastMap, Interner, Scale, SheetShape, SourceInfo, Step, StepSummary, SummarySheet, Sym, Warning,
};

/// The summary columns a header may hold besides `step` and `phase`.
pub const SUMMARY_ROLES: &[Role] = Role::ALL.split_at(Role::FIRST_SUMMARY).1;

pub(super) struct SummaryBuilder<'a> {
    name: &'a str,
    map: ColumnMap,
    columns: usize,
    scale: Scale,
    source: SourceInfo,
    steps: Vec<Step>,
    figures: Vec<StepSummary>,
    /// The `order` column's value per row, when the summary has one.
    orders: Vec<Option<f64>>,
    seen: FastMap<Box<str>, u64>,
    strings: Interner,
    previous_phase: Option<Sym>,
    warnings: Vec<Warning>,
}

impl<'a> SummaryBuilder<'a> {
    pub(super) fn new(
        name: &'a str,
        header: &[&str],
        header_at: CellPos,
        map: ColumnMap,
        scale: Scale,
        mut format: SourceFormat,
    ) -> Result<Self, InputError> {
        let loc = Location::cell(name, header_at);
        if map.get(Role::Step).is_none() {
            return Err(InputError::new(
                loc,
                "a summary needs a step column",
                "a column named step (or stage, touchpoint, task, שלב) beside the median",
            ));
        }
        if map.get(Role::Median).is_none() {
            return Err(InputError::new(
                loc,
                "a summary needs a median column",
                "a column named median with each step's median feeling",
            ));
        }
        let mut warnings = std::mem::take(&mut format.notes);
        // Every column a summary does not read, in the header's order: names
        // emograph does not know, repeated ones, and known ones that mean
        // nothing in a summary (a case, a segment, the `risk` flag of
        // emograph's own CSV, which is worked out again).
        let unused_roles = [
            Role::Feeling,
            Role::Case,
            Role::Segment,
            Role::Channel,
            Role::Owner,
            Role::Expected,
            Role::Time,
            Role::Note,
            Role::Version,
            Role::Risk,
        ];
        let mut ignored: Vec<(usize, &str)> = map
            .unknown
            .iter()
            .chain(&map.repeated)
            .map(|(i, h)| (*i, h.as_str()))
            .chain(unused_roles.iter().filter_map(|&r| {
                let i = map.get(r)?;
                Some((i, header.get(i).map_or("", |h| h.trim())))
            }))
            .collect();
        ignored.sort_by_key(|&(i, _)| i);
        if !ignored.is_empty() {
            let risk = map.get(Role::Risk).is_some();
            warnings.push(Warning::new(
                "ignored_columns",
                format!(
                    "ignored columns not used in a summary: {}{}",
                    ignored
                        .iter()
                        .map(|(_, h)| quote(h))
                        .collect::<Vec<_>>()
                        .join(", "),
                    if risk {
                        " (which steps are prone to fail is worked out again from critical_share and --risk)"
                    } else {
                        ""
                    }
                ),
            ));
        }
        Ok(SummaryBuilder {
            name,
            columns: header.len(),
            map,
            scale,
            source: SourceInfo {
                name: format.file,
                shape: SheetShape::Summary,
                encoding: format.encoding,
                delimiter: format.delimiter,
                rows: 0,
                skipped: 0,
                title: None,
                format: format.format,
                sheet: format.sheet,
                other_sheets: format.other_sheets,
                header_row: format.header_row,
            },
            steps: Vec::new(),
            figures: Vec::new(),
            orders: Vec::new(),
            seen: FastMap::default(),
            strings: Interner::default(),
            previous_phase: None,
            warnings,
        })
    }

    /// A cell of the summary, for messages.
    fn at(&self, pos: CellPos) -> Location {
        Location::cell(self.name, pos)
    }

    pub(super) fn finish(mut self) -> Result<SummarySheet, InputError> {
        // An order column puts the steps in journey order (ties keep file order).
        if self.orders.iter().any(Option::is_some) {
            match self.orders.iter().position(Option::is_none) {
                Some(i) => self.warnings.push(Warning::new("order_ignored", format!(
                    "the order column is ignored: step {} has no order, so the rows are taken in file order",
                    quote(&self.steps[i].name)
                ))),
                None => {
                    let mut idx: Vec<usize> = (0..self.steps.len()).collect();
                    idx.sort_by(|&a, &b| {
                        let key = |i: usize| self.orders[i].unwrap_or(f64::INFINITY);
                        key(a).total_cmp(&key(b))
                    });
                    self.steps = idx.iter().map(|&i| self.steps[i].clone()).collect();
                    self.figures = idx.iter().map(|&i| self.figures[i]).collect();
                }
            }
        }
        if self.steps.is_empty() {
            return Err(InputError::new(
                Location::file(self.name),
                "the summary has a header but no rows",
                "one row per step under the header",
            ));
        }
        Ok(SummarySheet {
            source: self.source,
            scale: self.scale,
            steps: self.steps,
            figures: self.figures,
            strings: self.strings,
            warnings: self.warnings.iter().map(|w| w.text.clone()).collect(),
            warning_details: self.warnings,
        })
    }
}

impl RowSink for SummaryBuilder<'_> {
    fn push_row(&mut self, row: &Row) -> Result<(), InputError> {
        if row.len() < self.columns {
            return Err(InputError::new(
                self.at(row.pos(row.len())),
                format!(
                    "this row has {} fields but the header has {}",
                    row.len(),
                    self.columns
                ),
                format!("{} fields", self.columns),
            ));
        }
        self.source.rows += 1;
        let cell = |role: Role| self.map.cell(row, role);
        let step = cell(Role::Step);
        let name = unguard(step.text);
        if name.is_empty() {
            return Err(InputError::new(
                self.at(step.pos()),
                "the step name is empty",
                "the name of the step in every row",
            ));
        }
        if let Some(first) = self.seen.get(name) {
            return Err(InputError::new(
                self.at(step.pos()),
                format!(
                    "step {} appears twice in the summary (first on line {first})",
                    quote(name)
                ),
                "one row per step",
            ));
        }
        let value = |role: Role, what: &str| -> Result<Option<f64>, InputError> {
            let c = cell(role);
            if c.text.is_empty() {
                return Ok(None);
            }
            feelings::parse_number(c.text).map(Some).ok_or_else(|| {
                InputError::new(
                    self.at(c.pos()),
                    format!("{what} {} is not a number", quote(c.text)),
                    "a number",
                )
            })
        };
        let in_scale = |role: Role, what: &str| -> Result<Option<f64>, InputError> {
            let v = value(role, what)?;
            if let Some(x) = v {
                if !self.scale.contains(x) {
                    return Err(InputError::new(
                        self.at(cell(role).pos()),
                        format!(
                            "{what} {} is outside the scale {}..{}",
                            crate::numfmt::value(x),
                            self.scale.min,
                            self.scale.max
                        ),
                        format!("a number from {} to {}", self.scale.min, self.scale.max),
                    )
                    .with_hint("use --scale if the summary is on another scale"));
                }
            }
            Ok(v)
        };
        let Some(median) = in_scale(Role::Median, "median")? else {
            return Err(InputError::new(
                self.at(cell(Role::Median).pos()),
                format!("step {} has no median", quote(name)),
                "each step's median feeling",
            ));
        };
        let n = match value(Role::N, "n")? {
            None => None,
            Some(v) if v >= 0.0 && v == v.trunc() => Some(v as usize),
            Some(v) => {
                return Err(InputError::new(
                    self.at(cell(Role::N).pos()),
                    format!("n {v} is not a count"),
                    "a whole number of cases",
                ))
            }
        };
        let figures = StepSummary {
            n,
            mean: in_scale(Role::Mean, "mean")?,
            sd: value(Role::Sd, "sd")?,
            median,
            p25: in_scale(Role::P25, "p25")?,
            p75: in_scale(Role::P75, "p75")?,
            min: in_scale(Role::Min, "min")?,
            max: in_scale(Role::Max, "max")?,
            critical_share: value(Role::CriticalShare, "critical_share")?,
            below_neutral_share: value(Role::BelowNeutralShare, "below_neutral_share")?,
        };
        figures.check().map_err(|(why, expected)| {
            InputError::new(
                self.at(row.start()),
                format!("step {}: {why}", quote(name)),
                expected,
            )
        })?;
        let order = value(Role::Order, "order")?;
        let phase_text = unguard(cell(Role::Phase).text).to_string();
        let name = name.to_string();
        let phase = if phase_text.is_empty() {
            self.previous_phase
                .filter(|_| self.map.get(Role::Phase).is_some())
        } else {
            Some(self.strings.intern(&phase_text))
        };
        self.previous_phase = phase;
        self.seen.insert(name.clone().into_boxed_str(), row.line());
        self.steps.push(Step { name, phase });
        self.figures.push(figures);
        self.orders.push(order);
        Ok(())
    }
}

/// A cell as a spreadsheet shows it: the apostrophe that keeps `=`, `+`,
/// `-`, `@`, a tab or a carriage return from starting a formula (as
/// emograph's own CSV reports write it) is not part of the text.
fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}
