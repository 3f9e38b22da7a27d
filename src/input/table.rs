//! A header and rows of text cells to a validated [`Dataset`], for both the
//! long layout (one row per step and case) and the wide one (one row per
//! step, one column per case). Independent of where the rows came from.

use super::case_index::CaseIndex;
use super::columns::{ColumnMap, Role};
use super::feelings::{self, Feeling, FeelingError};
use super::row::{Cell, Row, RowSink};
use super::time;
use super::{InputOptions, LayoutChoice, SourceFormat};
use crate::error::{quote, CellPos, InputError, Location};
use crate::model::align::{self, AlignError, Visit, Visited};
use crate::model::same_text;
use crate::model::{
    Case, Columns, Dataset, Detail, Interner, Point, Scale, SheetShape, SourceInfo, Step, Sym,
    TimeValue, Warning,
};

/// What a row says about its step beyond one case's feeling.
#[derive(Debug, Clone, Copy, Default)]
struct Shared {
    phase: Option<Sym>,
    detail: Detail,
}

/// One row of a case as it is read: its step name's id, its line, and its
/// feeling (NaN when the cell was empty: the step was skipped). Sixteen
/// bytes, like the [`Point`] it becomes in place once the steps are aligned.
#[derive(Debug, Clone, Copy)]
struct Seen {
    name: u32,
    line: u32,
    feeling: f64,
}

impl Visited for Seen {
    fn name(self) -> u32 {
        self.name
    }

    fn line(self) -> u32 {
        self.line
    }

    /// Orders, in the sheets that have them, are kept beside the rows.
    fn order(self) -> Option<f64> {
        None
    }
}

/// Which of the columns only some sheets have are kept per row.
#[derive(Debug, Clone, Copy)]
struct Kept {
    phase: bool,
    details: bool,
    order: bool,
}

/// A case as its rows arrive: per row, what it saw ([`Seen`]), and, only
/// when the sheet has those columns, its phase, details and order; so a
/// plain sheet costs 16 bytes a row.
#[derive(Debug)]
struct CaseBuild {
    name: String,
    /// The name's hash in a [`CaseIndex`], worked out once: taking a part
    /// into the whole table, a case is looked up without reading its name.
    hash: u32,
    segment: Option<Sym>,
    version: Option<Sym>,
    rows: Vec<Seen>,
    /// What only sheets with a phase, detail or time column need, made
    /// when first needed: a plain sheet's case stays small (a million
    /// cases of two rows each are mostly this struct).
    rare: Option<Box<Rare>>,
    /// Empty feeling cells of this case.
    skipped: usize,
    /// A wide sheet's column with no header: left out silently when empty.
    unnamed: bool,
}

/// The parts of a case only some sheets fill.
#[derive(Debug, Default)]
struct Rare {
    phases: Vec<Option<Sym>>,
    details: Vec<Detail>,
    orders: Vec<Option<f64>>,
    /// Last time seen, with its line, to refuse time going backwards.
    last_time: Option<(TimeValue, u64)>,
    /// First time seen, with its line: when a sheet is read in parts, the
    /// part that continues a case checks it against the earlier part's last.
    first_time: Option<(TimeValue, u64)>,
}

impl CaseBuild {
    fn rare(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Box::default)
    }

    fn push(&mut self, visit: Visit, feeling: Option<f64>, shared: &Shared, kept: Kept) {
        self.skipped += usize::from(feeling.is_none());
        self.rows.push(Seen {
            name: visit.name,
            line: visit.line,
            feeling: feeling.unwrap_or(f64::NAN),
        });
        if kept.phase {
            self.rare().phases.push(shared.phase);
        }
        if kept.order {
            self.rare().orders.push(visit.order);
        }
        if kept.details {
            self.rare().details.push(shared.detail);
        }
    }

    fn new(name: String) -> Self {
        let hash = CaseIndex::hash(&name);
        Self::with_capacity(name, hash, 0)
    }

    /// The case, its `rows` (taken out of it to align them) made its
    /// points: the skipped left out, each at its aligned step (`positions`,
    /// one per row), in the order of the steps. The rows' memory becomes
    /// the points': a large sheet is never held twice.
    fn into_case(self, rows: Vec<Seen>, positions: &[u32]) -> Case {
        let mut details: Vec<Detail> = match &self.rare {
            Some(r) if !r.details.is_empty() => rows
                .iter()
                .zip(&r.details)
                .filter(|(row, _)| !row.feeling.is_nan())
                .map(|(_, d)| *d)
                .collect(),
            _ => Vec::new(),
        };
        let mut points: Vec<Point> = rows
            .into_iter()
            .enumerate()
            .filter(|(_, row)| !row.feeling.is_nan())
            .map(|(k, row)| Point {
                step: positions[k],
                line: row.line,
                feeling: row.feeling,
            })
            .collect();
        // A case's own rows are already in the steps' order unless cases
        // disagreed on it. (A case's steps are all different.)
        if points.windows(2).any(|w| w[0].step > w[1].step) {
            let mut by_step: Vec<usize> = (0..points.len()).collect();
            by_step.sort_by_key(|&k| points[k].step);
            points = by_step.iter().map(|&k| points[k]).collect();
            if !details.is_empty() {
                details = by_step.iter().map(|&k| details[k]).collect();
            }
        }
        Case {
            name: self.name,
            segment: self.segment,
            version: self.version,
            points,
            details,
        }
    }

    /// Whether `later`, the same case's rows in a later part of the sheet,
    /// can follow these: its first time is of the same kind as this part's
    /// last one and not earlier (the rule [`TableBuilder::check_time`] holds
    /// row by row).
    fn continues_in(&self, later: &CaseBuild) -> bool {
        let last = self.rare.as_ref().and_then(|r| r.last_time);
        let first = later.rare.as_ref().and_then(|r| r.first_time);
        match (last, first) {
            (Some((TimeValue::Offset(a), _)), Some((TimeValue::Offset(b), _)))
            | (Some((TimeValue::Instant(a), _)), Some((TimeValue::Instant(b), _))) => b >= a,
            (Some(_), Some(_)) => false,
            _ => true,
        }
    }

    /// A case expected to have about `visits` rows: cases of one sheet are
    /// mostly alike, and room for exactly that many spares the quarter to
    /// half of a doubled vector that would stay empty (a third of the
    /// memory of a large sheet while it is read).
    fn with_capacity(name: String, hash: u32, visits: usize) -> Self {
        CaseBuild {
            name,
            hash,
            segment: None,
            version: None,
            rows: Vec::with_capacity(visits),
            rare: None,
            skipped: 0,
            unnamed: false,
        }
    }
}

pub(super) struct TableBuilder<'a> {
    name: &'a str,
    map: ColumnMap,
    shape: SheetShape,
    columns: usize,
    scale: Scale,
    encoding: String,
    delimiter: char,
    /// The file's name, for the dataset (messages use `name`).
    file: String,
    format: &'static str,
    sheet: Option<String>,
    other_sheets: Vec<String>,
    header_row: Option<u64>,
    step_names: Interner,
    strings: Interner,
    cases: Vec<CaseBuild>,
    case_index: CaseIndex,
    /// Wide layout: the case built from each column (None for step-attribute columns).
    wide_cases: Vec<Option<usize>>,
    rows: usize,
    skipped: usize,
    filled_down: usize,
    previous_case: Option<usize>,
    previous_phase: Option<Sym>,
    /// Whether phases and details are stored per visit (only when the
    /// sheet has those columns).
    has_phase: bool,
    has_details: bool,
    scale_given: bool,
    warnings: Vec<Warning>,
    /// The header's cells, trimmed, and where the header is.
    header: Vec<String>,
    header_at: CellPos,
    /// Whether each column has held a value yet, and how many have not.
    filled: Vec<bool>,
    unfilled: usize,
    /// Rows left out as totals: where, and the step cell's text.
    total_rows: Vec<(CellPos, String)>,
    /// Per interned step name: whether it names a row of totals (once known).
    totals: Vec<Option<bool>>,
    /// Per step name id + 1 (0: the first row): the id of the step that
    /// followed it last time; and the id of the last row's step + 1.
    next_step: Vec<u32>,
    last_step: usize,
    /// Long sheet without a case column: signs that it holds several cases.
    guess: Option<CaseGuess>,
    /// When this builder reads one part of a sheet ([`TableBuilder::part`]):
    /// what it cannot know without the rows before the part.
    part: Option<PartContext>,
    /// The columns of a plain sheet, whose rows can take [`TableBuilder::push_plain`].
    plain: Option<PlainColumns>,
}

/// The columns of a plain long sheet: a case, a step, a feeling, and
/// perhaps a segment and a version; no other column that says something
/// of a row (phase, time, order, expectation, channel, owner, note).
#[derive(Debug, Clone, Copy)]
struct PlainColumns {
    case: usize,
    step: usize,
    feeling: usize,
    segment: Option<usize>,
    version: Option<usize>,
    /// The scale's bounds, as [`Scale::contains`] widens them.
    bounds: (f64, f64),
}

impl PlainColumns {
    fn of(map: &ColumnMap, scale: &Scale) -> Option<Self> {
        let others = [
            Role::Phase,
            Role::Time,
            Role::Order,
            Role::Expected,
            Role::Channel,
            Role::Owner,
            Role::Note,
        ];
        if others.iter().any(|&r| map.get(r).is_some()) {
            return None;
        }
        Some(PlainColumns {
            case: map.get(Role::Case)?,
            step: map.get(Role::Step)?,
            feeling: map.get(Role::Feeling)?,
            segment: map.get(Role::Segment),
            version: map.get(Role::Version),
            bounds: scale.bounds(),
        })
    }
}

/// What a builder of one part of a sheet tracks about the rows before it.
#[derive(Debug, Clone, Copy)]
struct PartContext {
    /// Still in the part's first run of rows of one case (which may
    /// continue a case of the part before).
    first_run: bool,
    /// Rows of the first run with an empty phase cell before any phase of
    /// it: their phase is the one carried down from the part before, when
    /// the run continues its last case.
    carried: usize,
    /// A row needed the rows before the part: an empty case cell before
    /// any case of the part (it belongs to the case above).
    lost: bool,
}

/// Signs that a long sheet without a case column holds several cases: the
/// first step coming back (a restart), steps seen again, and which columns
/// change value exactly at the restarts.
#[derive(Debug, Default)]
struct CaseGuess {
    first_step: Option<u32>,
    restarts: usize,
    /// Rows whose step was seen before.
    repeats: usize,
    seen: Vec<bool>,
    /// Unknown named columns: (column, last value, changes at a restart, changes elsewhere).
    columns: Vec<(usize, String, usize, usize)>,
}

impl CaseGuess {
    fn observe(&mut self, step: u32, row: &Row) {
        let i = step as usize;
        if self.seen.len() <= i {
            self.seen.resize(i + 1, false);
        }
        let started = self.first_step.is_some();
        let first = *self.first_step.get_or_insert(step);
        let restart = started && step == first;
        if self.seen[i] {
            self.repeats += 1;
        }
        self.seen[i] = true;
        self.restarts += usize::from(restart);
        for (col, last, hits, misses) in &mut self.columns {
            let value = row.get(*col).unwrap_or("").trim();
            if started && value != last.as_str() {
                if restart {
                    *hits += 1;
                } else {
                    *misses += 1;
                }
            }
            if value != last.as_str() {
                last.clear();
                last.push_str(value);
            }
        }
    }

    /// The warning, when the steps look like several cases one after another.
    fn warning(&self, header: &[String], steps: &Interner) -> Option<Warning> {
        if self.restarts == 0 || self.repeats <= self.restarts {
            return None;
        }
        let first = steps.texts_at(self.first_step? as usize);
        let holder = self
            .columns
            .iter()
            .find(|(_, _, hits, misses)| *hits == self.restarts && *misses == 0)
            .map(|(col, ..)| header[*col].as_str());
        let what = format!(
            "step names repeat ({} comes {} times) as if the sheet holds several cases one after another, but no column is named as the case column, so they are read as one case",
            quote(first),
            self.restarts + 1
        );
        Some(Warning::new(
            "case_column_missing",
            match holder {
                Some(h) => format!(
                    "{what}: column {} probably holds the cases — name it case (or respondent, participant, name)",
                    quote(h)
                ),
                None => format!(
                    "{what}: add a column naming each row's case (case, respondent, participant or name)"
                ),
            },
        ))
    }
}

/// A row of totals or averages under the steps, not a step: `Total`,
/// `Sum`, `Average`, `Mean`, `סה"כ`, `ממוצע` (any case, a colon after).
pub fn is_total(step: &str) -> bool {
    // Step names are mostly longer than any of these words: one comparison.
    if step.len() > 16 {
        return false;
    }
    let t = step.trim();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    ["total", "sum", "average", "mean"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
        || matches!(t, "סה\"כ" | "סה״כ" | "סהכ" | "ממוצע")
}

fn scale_text(s: &Scale) -> String {
    format!("{}..{}", fmt_num(s.min), fmt_num(s.max))
}

/// A number as a person writes it: no trailing `.0`.
pub fn fmt_num(v: f64) -> String {
    crate::numfmt::plain(v)
}

impl<'a> TableBuilder<'a> {
    pub(super) fn new(
        name: &'a str,
        header: &[&str],
        header_at: CellPos,
        mut map: ColumnMap,
        options: &InputOptions,
        mut format: SourceFormat,
    ) -> Result<Self, InputError> {
        let scale = options.scale.unwrap_or(Scale::DEFAULT);
        let header_loc = Location::cell(name, header_at);
        let shape = match options.layout {
            LayoutChoice::Long | LayoutChoice::Summary => SheetShape::Long,
            LayoutChoice::Wide => SheetShape::Wide,
            LayoutChoice::Auto if map.get(Role::Feeling).is_none() => SheetShape::Wide,
            LayoutChoice::Auto => SheetShape::Long,
        };
        if shape == SheetShape::Wide
            && map.get(Role::Step).is_none()
            && options.layout == LayoutChoice::Wide
            && !header.is_empty()
        {
            // --wide: the first column holds the steps, whatever its header says.
            map.set(Role::Step, 0);
        }
        if map.get(Role::Step).is_none() {
            let e = InputError::new(
                header_loc,
                format!(
                    "no step column among the headers {}",
                    list(header.iter().copied())
                ),
                "a column named step, stage, touchpoint, task or שלב",
            );
            return Err(if shape == SheetShape::Wide {
                e.with_hint("use --wide when the first column holds the steps and every other column one participant")
            } else {
                e
            });
        }
        let mut warnings = std::mem::take(&mut format.notes);
        let mut wide_cases = Vec::new();
        let mut cases: Vec<CaseBuild> = Vec::new();
        let mut case_index = CaseIndex::default();
        if shape == SheetShape::Wide {
            // Columns named for a step attribute stay attributes; every other
            // column is one case named by its header.
            let attribute_roles = [
                Role::Step,
                Role::Phase,
                Role::Order,
                Role::Note,
                Role::Owner,
                Role::Channel,
                Role::Expected,
                Role::Time,
            ];
            for (i, h) in header.iter().enumerate() {
                let is_attribute = attribute_roles.iter().any(|&r| map.get(r) == Some(i));
                if is_attribute {
                    wide_cases.push(None);
                    continue;
                }
                let base = h.trim();
                let base = if base.is_empty() {
                    format!("case {}", i + 1)
                } else {
                    base.to_string()
                };
                let mut name = base.clone();
                let mut k = 2;
                let taken = |name: &str| {
                    let hash = CaseIndex::hash(name);
                    let name_of = |i: usize| cases[i].name.as_str();
                    case_index.find(name, hash, name_of).is_some()
                };
                while taken(&name) {
                    name = format!("{base} ({k})");
                    k += 1;
                }
                if name != base {
                    warnings.push(Warning::new(
                        "duplicate_column",
                        format!(
                            "two participant columns are named {}: the second is shown as {}",
                            quote(&base),
                            quote(&name)
                        ),
                    ));
                }
                case_index.add(CaseIndex::hash(&name));
                wide_cases.push(Some(cases.len()));
                let mut case = CaseBuild::new(name);
                case.unnamed = h.trim().is_empty();
                cases.push(case);
            }
            if cases.is_empty() {
                return Err(InputError::new(
                    header_loc,
                    "no feeling column and no participant columns",
                    "a feeling column (feeling, emotion, score, mood, תחושה, רגש), or one column of feelings per participant",
                ));
            }
            for role in [Role::Case, Role::Segment, Role::Version, Role::Feeling] {
                map.clear(role);
            }
            map.unknown.clear();
        }
        // Summary columns (median, mean …) mean nothing in a sheet of cases.
        let summary_columns = header.iter().enumerate().filter(|(i, _)| {
            shape == SheetShape::Long
                && super::summary::SUMMARY_ROLES
                    .iter()
                    .any(|&r| map.get(r) == Some(*i))
        });
        let ignored: Vec<&str> = map
            .unknown
            .iter()
            .map(|(_, h)| h.as_str())
            .filter(|h| !h.is_empty())
            .chain(map.repeated.iter().map(|(_, h)| h.as_str()))
            .chain(summary_columns.map(|(_, h)| h.trim()))
            .collect();
        if !ignored.is_empty() {
            warnings.push(Warning::new(
                "ignored_columns",
                format!(
                    "ignored {} not used by emograph: {}",
                    if ignored.len() == 1 {
                        "a column"
                    } else {
                        "columns"
                    },
                    list(ignored.iter().copied())
                ),
            ));
        }
        let guess =
            (shape == SheetShape::Long && map.get(Role::Case).is_none()).then(|| CaseGuess {
                columns: map
                    .unknown
                    .iter()
                    .filter(|(_, h)| !h.is_empty())
                    .take(8)
                    .map(|(i, _)| (*i, String::new(), 0, 0))
                    .collect(),
                ..CaseGuess::default()
            });
        let has_phase = map.get(Role::Phase).is_some();
        let has_details = [
            Role::Expected,
            Role::Time,
            Role::Channel,
            Role::Owner,
            Role::Note,
        ]
        .iter()
        .any(|&r| map.get(r).is_some());
        Ok(TableBuilder {
            name,
            map,
            shape,
            columns: header.len(),
            scale,
            encoding: format.encoding,
            delimiter: format.delimiter,
            file: format.file,
            format: format.format,
            sheet: format.sheet,
            other_sheets: format.other_sheets,
            header_row: format.header_row,
            step_names: Interner::default(),
            strings: Interner::default(),
            cases,
            case_index,
            wide_cases,
            rows: 0,
            skipped: 0,
            filled_down: 0,
            previous_case: None,
            previous_phase: None,
            has_phase,
            has_details,
            scale_given: options.scale_given,
            warnings,
            filled: vec![false; header.len()],
            unfilled: header.len(),
            header: header.iter().map(|h| h.trim().to_string()).collect(),
            header_at,
            total_rows: Vec::new(),
            totals: Vec::new(),
            next_step: Vec::new(),
            last_step: 0,
            guess,
            part: None,
            plain: None,
        })
    }

    /// The line the header is on.
    pub(super) fn header_line(&self) -> u64 {
        self.header_at.line()
    }

    /// Make room for the cases of a sheet of `size` bytes, of which the
    /// first `read` bytes gave the cases this table holds (and in
    /// proportion, an eighth more for good measure). Room not used costs
    /// only addresses: memory is given to the pages written.
    pub(super) fn expect_cases(&mut self, size: u64, read: u64) {
        let now = self.cases.len() as u64;
        if read == 0 || size <= read {
            return;
        }
        let expected = now.saturating_mul(size) / read;
        let more = usize::try_from(expected.saturating_add(expected / 8).saturating_sub(now));
        if let Ok(more) = more {
            self.cases.reserve(more);
            self.case_index.reserve(more);
        }
    }

    /// Whether the sheet's rows can be read in parts, one builder each, and
    /// put together again with [`TableBuilder::absorb`]: a long sheet with
    /// a case column (without one, every row's case and the guess about
    /// several cases depend on all the rows before it).
    pub(super) fn can_read_in_parts(&self) -> bool {
        self.shape == SheetShape::Long && self.map.get(Role::Case).is_some()
    }

    /// An empty builder with this one's columns and settings, for the rows
    /// of one part of the sheet; [`TableBuilder::absorb`] takes them back.
    pub(super) fn part(&self) -> TableBuilder<'a> {
        TableBuilder {
            name: self.name,
            map: self.map.clone(),
            shape: self.shape,
            columns: self.columns,
            scale: self.scale,
            encoding: String::new(),
            delimiter: self.delimiter,
            file: String::new(),
            format: self.format,
            sheet: None,
            other_sheets: Vec::new(),
            header_row: None,
            step_names: Interner::default(),
            strings: Interner::default(),
            cases: Vec::new(),
            case_index: CaseIndex::default(),
            wide_cases: Vec::new(),
            rows: 0,
            skipped: 0,
            filled_down: 0,
            previous_case: None,
            previous_phase: None,
            has_phase: self.has_phase,
            has_details: self.has_details,
            scale_given: self.scale_given,
            warnings: Vec::new(),
            header: Vec::new(),
            header_at: self.header_at,
            filled: vec![false; self.columns],
            unfilled: self.columns,
            total_rows: Vec::new(),
            totals: Vec::new(),
            next_step: Vec::new(),
            last_step: 0,
            guess: None,
            plain: PlainColumns::of(&self.map, &self.scale)
                .filter(|_| self.shape == SheetShape::Long && !self.has_phase && !self.has_details),
            part: Some(PartContext {
                first_run: true,
                carried: 0,
                lost: false,
            }),
        }
    }

    /// Take the rows a [`TableBuilder::part`] read, the part that follows
    /// every row taken so far, as if they had been pushed here one by one:
    /// names and cases keep the order they first appear in. `false` (and
    /// this builder is then of no more use) when the part needed the rows
    /// before it, or continues a case whose time goes backwards across the
    /// join: the sheet must then be read in one piece, which says why.
    pub(super) fn absorb(&mut self, part: TableBuilder<'a>) -> bool {
        let Some(context) = part.part.filter(|p| !p.lost) else {
            return false;
        };
        let steps: Vec<u32> = (0..part.step_names.len())
            .map(|i| self.step_names.intern(part.step_names.texts_at(i)).index() as u32)
            .collect();
        let strings: Vec<Sym> = (0..part.strings.len())
            .map(|i| self.strings.intern(part.strings.texts_at(i)))
            .collect();
        let sym = |s: Option<Sym>| s.map(|s| strings[s.index()]);
        // Parts mostly meet the steps in the order this table did.
        let same_steps = steps.iter().enumerate().all(|(i, &id)| id as usize == i);
        // The phase carried down into the part's first rows: this table's
        // last, when the part's first case continues its last case.
        let continued = match (self.previous_case, part.cases.first()) {
            (Some(i), Some(first)) => self.cases[i].name == first.name,
            _ => false,
        };
        let carried = if continued { self.previous_phase } else { None };
        let mut index_here = Vec::with_capacity(part.cases.len());
        for (k, mut c) in part.cases.into_iter().enumerate() {
            if !same_steps {
                for r in &mut c.rows {
                    r.name = steps[r.name as usize];
                }
            }
            c.segment = sym(c.segment);
            c.version = sym(c.version);
            if let Some(r) = &mut c.rare {
                for p in &mut r.phases {
                    *p = sym(*p);
                }
                if k == 0 {
                    let n = context.carried.min(r.phases.len());
                    r.phases[..n].fill(carried);
                }
                for d in &mut r.details {
                    d.channel = sym(d.channel);
                    d.owner = sym(d.owner);
                    d.note = sym(d.note);
                }
            }
            let hash = c.hash;
            let cases = &self.cases;
            let Some(i) = self
                .case_index
                .find(&c.name, hash, |i| cases[i].name.as_str())
            else {
                index_here.push(self.cases.len());
                self.case_index.add(hash);
                self.cases.push(c);
                continue;
            };
            index_here.push(i);
            let m = &mut self.cases[i];
            if !m.continues_in(&c) {
                return false;
            }
            m.rows.extend_from_slice(&c.rows);
            m.segment = m.segment.or(c.segment);
            m.version = m.version.or(c.version);
            m.skipped += c.skipped;
            if let Some(r) = c.rare {
                let mr = m.rare();
                mr.phases.extend_from_slice(&r.phases);
                mr.details.extend_from_slice(&r.details);
                mr.orders.extend_from_slice(&r.orders);
                mr.first_time = mr.first_time.or(r.first_time);
                mr.last_time = r.last_time.or(mr.last_time);
            }
        }
        if let Some(last) = part.previous_case {
            self.previous_case = index_here.get(last).copied();
            self.previous_phase = match sym(part.previous_phase) {
                None if context.first_run => carried,
                phase => phase,
            };
        }
        self.rows += part.rows;
        self.skipped += part.skipped;
        self.filled_down += part.filled_down;
        for (mine, theirs) in self.filled.iter_mut().zip(&part.filled) {
            *mine |= theirs;
        }
        self.unfilled = self.filled.iter().filter(|f| !**f).count();
        self.total_rows.extend(part.total_rows);
        true
    }

    /// Rows must have one field per header column; trailing empty fields
    /// (some programs pad rows) are allowed.
    fn check_width(&self, row: &Row) -> Result<(), InputError> {
        let n = row.len();
        if n < self.columns {
            return Err(InputError::new(
                self.at(row.pos(n)),
                format!(
                    "this row has {n} field{} but the header has {}",
                    if n == 1 { "" } else { "s" },
                    self.columns
                ),
                format!(
                    "{} fields separated by {}",
                    self.columns,
                    delimiter_name(self.delimiter)
                ),
            ));
        }
        if let Some(extra) = (self.columns..n).find(|&i| !row.cell(i).text.trim().is_empty()) {
            return Err(InputError::new(
                self.at(row.pos(extra)),
                format!(
                    "this row has {n} fields but the header has {}",
                    self.columns
                ),
                format!(
                    "{} fields separated by {} (quote a cell that contains {})",
                    self.columns,
                    delimiter_name(self.delimiter),
                    delimiter_name(self.delimiter)
                ),
            ));
        }
        Ok(())
    }

    /// Cells that describe the step rather than one case's feeling.
    fn shared_cells(&mut self, row: &Row) -> Result<Shared, InputError> {
        let expected = match self.map.get(Role::Expected) {
            Some(col) => self.feeling(row.cell(col).trimmed(), "expected feeling")?,
            None => None,
        };
        let time = match self.map.get(Role::Time) {
            Some(col) => {
                let cell = row.cell(col).trimmed();
                time::parse_time(cell.text).map_err(|why| {
                    InputError::new(
                        self.at(cell.pos()),
                        format!("time {}: {why}", quote(cell.text)),
                        "",
                    )
                })?
            }
            None => None,
        };
        // Phase cells left empty under a filled one (merged cells) carry it on.
        let phase = match self.optional_sym(row, Role::Phase) {
            Some(p) => Some(p),
            None if self.map.get(Role::Phase).is_some() => {
                // The phase above may be in the part before.
                if let Some(p) = &mut self.part {
                    if p.first_run && self.previous_phase.is_none() {
                        p.carried += 1;
                    }
                }
                self.previous_phase
            }
            None => None,
        };
        self.previous_phase = phase;
        Ok(Shared {
            phase,
            detail: Detail {
                expected,
                time,
                channel: self.optional_sym(row, Role::Channel),
                owner: self.optional_sym(row, Role::Owner),
                note: self.optional_sym(row, Role::Note),
            },
        })
    }

    /// The id of step name `text`. A long sheet names the same steps in the
    /// same order case after case, so the step that followed the last
    /// row's step last time is tried before the table of names (which
    /// hashes the text): a tenth of the time to read a million rows.
    fn step_id(&mut self, text: &str) -> u32 {
        let guess = self.next_step.get(self.last_step).copied();
        let id = match guess {
            Some(g) if same_text(self.step_names.texts_at(g as usize), text) => g,
            _ => {
                let id = self.step_names.intern(text).index() as u32;
                if self.next_step.len() <= self.last_step {
                    self.next_step.resize(self.last_step + 1, u32::MAX);
                }
                self.next_step[self.last_step] = id;
                id
            }
        };
        self.last_step = id as usize + 1;
        id
    }

    #[inline]
    fn optional_sym(&mut self, row: &Row, role: Role) -> Option<Sym> {
        let text = super::row::trim(self.map.get(role).and_then(|i| row.get(i))?);
        if text.is_empty() {
            None
        } else {
            Some(self.strings.intern(text))
        }
    }

    /// The case a long-layout row belongs to. An empty case cell under a
    /// filled one (merged cells) belongs to the case above.
    fn case_of_row(&mut self, row: &Row) -> Result<usize, InputError> {
        let text = self.map.cell(row, Role::Case).text;
        let index = if self.map.get(Role::Case).is_none() {
            self.case_named(&default_case_name(self.name))
        } else if text.is_empty() {
            match self.previous_case {
                Some(i) => {
                    self.filled_down += 1;
                    i
                }
                None => {
                    // In a part, the case above is in the part before.
                    if let Some(p) = &mut self.part {
                        p.lost = true;
                    }
                    self.case_named("case 1")
                }
            }
        } else {
            self.case_named(text)
        };
        if self.previous_case != Some(index) {
            if let (Some(p), Some(_)) = (&mut self.part, self.previous_case) {
                p.first_run = false;
            }
            self.previous_phase = None;
        }
        self.previous_case = Some(index);
        Ok(index)
    }

    fn case_named(&mut self, name: &str) -> usize {
        // Rows of a case usually follow each other: try the last case first.
        if let Some(i) = self.previous_case {
            if same_text(&self.cases[i].name, name) {
                return i;
            }
        }
        let hash = CaseIndex::hash(name);
        let cases = &self.cases;
        if let Some(i) = self.case_index.find(name, hash, |i| cases[i].name.as_str()) {
            return i;
        }
        self.case_index.add(hash);
        let hint = self.cases.last().map_or(0, |c| c.rows.len());
        self.cases
            .push(CaseBuild::with_capacity(name.to_string(), hash, hint));
        self.cases.len() - 1
    }

    /// A feeling cell: a number on the scale, a feeling word, or empty.
    #[inline]
    fn feeling(&self, cell: Cell, what: &str) -> Result<Option<f64>, InputError> {
        // One digit read here; the rest of the work, and the messages,
        // are out of line.
        match feelings::one_digit(cell.text) {
            Some(v) if self.scale.contains(v) => Ok(Some(v)),
            _ => self.any_feeling(cell, what),
        }
    }

    /// [`Self::feeling`] of any cell.
    #[inline(never)]
    fn any_feeling(&self, cell: Cell, what: &str) -> Result<Option<f64>, InputError> {
        let text = cell.text;
        let s = &self.scale;
        let value = match feelings::parse_feeling(text) {
            Ok(Feeling::Empty) => return Ok(None),
            Ok(Feeling::Relative(r)) => feelings::to_scale(r, s.min, s.max, s.neutral),
            Ok(Feeling::Number(v)) => v,
            Err(FeelingError::NotFinite(_)) => {
                return Err(InputError::new(
                    self.at(cell.pos()),
                    format!("{what} {} is not a finite number", quote(text)),
                    format!("a number on the scale {}", scale_text(s)),
                ))
            }
            Err(FeelingError::Unknown { suggestion, .. }) => {
                let e = InputError::new(
                    self.at(cell.pos()),
                    format!("{what} {} is not a number or a feeling word", quote(text)),
                    format!(
                        "a number on the scale {} or a word such as WOW, happy, ok, neutral, annoyed, angry, frustrated",
                        scale_text(s)
                    ),
                );
                return Err(match suggestion {
                    Some(word) => e.with_hint(format!("did you mean \"{word}\"?")),
                    None => e.with_hint("docs/formats.md lists every feeling word and emoji"),
                });
            }
        };
        if !s.contains(value) {
            let e = InputError::new(
                self.at(cell.pos()),
                format!(
                    "{what} {} is outside the scale {}",
                    fmt_num(value),
                    scale_text(s)
                ),
                format!("a number from {} to {}", fmt_num(s.min), fmt_num(s.max)),
            );
            let hint = [
                (-5.0, 5.0),
                (-3.0, 3.0),
                (1.0, 5.0),
                (0.0, 10.0),
                (1.0, 10.0),
                (1.0, 7.0),
                (-10.0, 10.0),
            ]
            .into_iter()
            .find(|&(lo, hi)| value >= lo && value <= hi && (lo, hi) != (s.min, s.max))
            .map(|(lo, hi)| {
                format!(
                    "if your sheet uses another scale, say so, e.g. --scale {}..{}",
                    fmt_num(lo),
                    fmt_num(hi)
                )
            });
            return Err(match hint {
                Some(h) => e.with_hint(h),
                None => e,
            });
        }
        Ok(Some(value))
    }

    fn number(&self, cell: Cell, what: &str) -> Result<Option<f64>, InputError> {
        if cell.text.is_empty() {
            return Ok(None);
        }
        feelings::parse_number(cell.text).map(Some).ok_or_else(|| {
            InputError::new(
                self.at(cell.pos()),
                format!("{what} {} is not a number", quote(cell.text)),
                "a number such as 3 or 2.5",
            )
        })
    }

    /// Times within a case must be of one kind and never go backwards.
    fn check_time(
        &mut self,
        case: usize,
        time: Option<TimeValue>,
        row: &Row,
    ) -> Result<(), InputError> {
        let Some(t) = time else { return Ok(()) };
        let line = row.line();
        let at = || Location::cell(self.name, self.map.cell(row, Role::Time).pos());
        let c = &mut self.cases[case];
        if let Some((last, last_line)) = c.rare.as_ref().and_then(|r| r.last_time) {
            let (a, b) = match (last, t) {
                (TimeValue::Offset(a), TimeValue::Offset(b))
                | (TimeValue::Instant(a), TimeValue::Instant(b)) => (a, b),
                _ => {
                    return Err(InputError::new(
                        at(),
                        format!(
                            "case {} mixes durations and dates in its time column (line {last_line} has the other kind)",
                            quote(&c.name)
                        ),
                        "either elapsed durations (15m, 2h, 4d) or dates in every row of a case",
                    ))
                }
            };
            if b < a {
                return Err(InputError::new(
                    at(),
                    format!(
                        "time goes backwards in case {}: earlier than line {last_line}",
                        quote(&c.name)
                    ),
                    "times that never decrease from one step to the next",
                ));
            }
        }
        let rare = c.rare();
        rare.last_time = Some((t, line));
        rare.first_time = rare.first_time.or(rare.last_time);
        Ok(())
    }

    /// A cell of the sheet, for messages.
    fn at(&self, pos: CellPos) -> Location {
        Location::cell(self.name, pos)
    }

    /// Warnings about what was left out of the sheet beyond cases: rows
    /// of totals, columns with a header and no values, values under no header.
    fn left_out_columns_and_rows(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        if !self.total_rows.is_empty() {
            let rows: Vec<String> = self
                .total_rows
                .iter()
                .map(|(at, text)| format!("{} ({})", super::header::place(*at), quote(text)))
                .collect();
            out.push(Warning::new(
                "total_row",
                format!(
                    "left out {} of totals or averages, not {}: {}",
                    if rows.len() == 1 { "a row" } else { "rows" },
                    if rows.len() == 1 { "a step" } else { "steps" },
                    rows.join(", ")
                ),
            ));
        }
        let is_case_column = |i: usize| self.wide_cases.get(i).is_some_and(Option::is_some);
        let mut unknown = vec![false; self.header.len()];
        for (i, _) in &self.map.unknown {
            if let Some(u) = unknown.get_mut(*i) {
                *u = true;
            }
        }
        let empty: Vec<&str> = (0..self.header.len())
            .filter(|&i| {
                !self.filled[i] && !self.header[i].is_empty() && !is_case_column(i) && !unknown[i]
            })
            .map(|i| self.header[i].as_str())
            .collect();
        if !empty.is_empty() {
            out.push(Warning::new(
                "empty_column",
                format!(
                    "{} a header but no values: {}",
                    if empty.len() == 1 {
                        "a column has"
                    } else {
                        "columns have"
                    },
                    list(empty.iter().copied())
                ),
            ));
        }
        let nameless: Vec<String> = self
            .map
            .unknown
            .iter()
            .filter(|(i, h)| h.is_empty() && self.filled[*i])
            .map(|(i, _)| match self.header_at {
                CellPos::Sheet { column, .. } => {
                    format!(
                        "column {}",
                        crate::error::column_letters(column + *i as u64)
                    )
                }
                CellPos::Text { .. } => format!("column {}", i + 1),
            })
            .collect();
        if !nameless.is_empty() {
            out.push(Warning::new(
                "ignored_columns",
                format!(
                    "ignored values in {} with no header: {}",
                    if nameless.len() == 1 {
                        "a column"
                    } else {
                        "columns"
                    },
                    nameless.join(", ")
                ),
            ));
        }
        out.extend(
            self.guess
                .as_ref()
                .and_then(|g| g.warning(&self.header, &self.step_names)),
        );
        out
    }

    /// Align the steps of all cases and build the dataset.
    pub(super) fn finish(mut self) -> Result<Dataset, InputError> {
        if self.rows == 0 {
            return Err(InputError::new(
                Location::file(self.name),
                "the sheet has a header but no rows",
                "one row per step under the header",
            ));
        }
        let rows: Vec<Vec<Seen>> = self
            .cases
            .iter_mut()
            .map(|c| std::mem::take(&mut c.rows))
            .collect();
        let names = &self.step_names;
        let name_of = |id: u32| names.texts_at(id as usize).to_string();
        let aligned = if self.map.get(Role::Order).is_some() {
            // The order column's values are beside the rows: visits with them.
            let visits: Vec<Vec<Visit>> = rows
                .iter()
                .zip(&self.cases)
                .map(|(rows, c)| {
                    let orders = c.rare.as_ref().map_or(&[][..], |r| &r.orders[..]);
                    rows.iter()
                        .enumerate()
                        .map(|(k, r)| Visit {
                            name: r.name,
                            line: r.line,
                            order: orders.get(k).copied().flatten(),
                        })
                        .collect()
                })
                .collect();
            align::align(&visits, &name_of)
        } else {
            align::align(&rows, &name_of)
        };
        let mut alignment = aligned.map_err(|e| match e {
            AlignError::ConflictingOrder {
                name,
                first_line,
                first_order,
                second_line,
                second_order,
            } => InputError::new(
                Location::at(self.name, second_line, 1),
                format!(
                    "step {} has order {} here but {} on line {first_line}",
                    quote(&name_of(name)),
                    fmt_num(second_order),
                    fmt_num(first_order)
                ),
                "one order value per step",
            ),
        })?;
        self.warnings.extend(
            std::mem::take(&mut alignment.warnings)
                .into_iter()
                .map(|w| Warning::new("step_order", w)),
        );
        let mut steps: Vec<Step> = alignment
            .steps
            .iter()
            .map(|k| {
                let base = name_of(k.name);
                Step {
                    name: if k.occurrence > 1 {
                        format!("{base} ({})", k.occurrence)
                    } else {
                        base
                    },
                    phase: None,
                }
            })
            .collect();
        let left_out = self.left_out_columns_and_rows();
        // Columns with no header and no values (a sheet's trailing columns)
        // are left out silently, their empty cells not counted as skipped.
        let silent: Vec<bool> = self
            .cases
            .iter()
            .zip(&rows)
            .map(|(c, rows)| c.unnamed && rows.iter().all(|r| r.feeling.is_nan()))
            .collect();
        self.skipped -= self
            .cases
            .iter()
            .zip(&silent)
            .filter(|(_, &s)| s)
            .map(|(c, _)| c.skipped)
            .sum::<usize>();
        // A step's phase is the first one a case gives it.
        for (i, c) in self.cases.iter().enumerate() {
            let positions = alignment.positions_of(i);
            let Some(r) = c.rare.as_ref().filter(|r| !r.phases.is_empty()) else {
                continue;
            };
            for (&pos, &phase) in positions.iter().zip(&r.phases) {
                let step = &mut steps[pos as usize];
                step.phase = step.phase.or(phase);
            }
        }
        // Each case's rows become its points in place, and the table of
        // cases the table of points (one core: on two, waking the other and
        // writing a new table cost more than they saved).
        let mut cases: Vec<Case> = self
            .cases
            .into_iter()
            .zip(rows)
            .enumerate()
            .map(|(i, (c, rows))| c.into_case(rows, alignment.positions_of(i)))
            .collect();
        if cases.iter().all(|c| c.points.is_empty()) {
            return Err(InputError::new(
                Location::file(self.name),
                "no step has a feeling",
                format!(
                    "a feeling (a number on the scale {} or a feeling word) in at least one row",
                    scale_text(&self.scale)
                ),
            ));
        }
        let empty_cases: Vec<&str> = cases
            .iter()
            .zip(&silent)
            .filter(|(c, &s)| c.points.is_empty() && !s)
            .map(|(c, _)| c.name.as_str())
            .collect();
        if !empty_cases.is_empty() {
            self.warnings.push(Warning::new(
                "empty_case",
                format!(
                    "left out {} with no feelings: {}",
                    if empty_cases.len() == 1 {
                        "a case"
                    } else {
                        "cases"
                    },
                    list(empty_cases.iter().copied())
                ),
            ));
        }
        cases.retain(|c| !c.points.is_empty());
        if !self.scale_given {
            if let Some(w) = other_scale_warning(&cases) {
                self.warnings.push(Warning::new("other_scale", w));
            }
        }
        self.warnings.extend(left_out);
        if self.filled_down > 0 {
            self.warnings.push(Warning::new(
                "filled_down",
                format!(
                    "{} row{} with an empty case cell belong to the case above (merged cells)",
                    self.filled_down,
                    if self.filled_down == 1 { "" } else { "s" }
                ),
            ));
        }
        let m = &self.map;
        let columns = Columns {
            case: m.get(Role::Case).is_some() || self.shape == SheetShape::Wide,
            segment: m.get(Role::Segment).is_some(),
            phase: m.get(Role::Phase).is_some(),
            channel: m.get(Role::Channel).is_some(),
            owner: m.get(Role::Owner).is_some(),
            expected: m.get(Role::Expected).is_some(),
            time: m.get(Role::Time).is_some(),
            note: m.get(Role::Note).is_some(),
            version: m.get(Role::Version).is_some(),
            order: m.get(Role::Order).is_some(),
        };
        Ok(Dataset {
            source: SourceInfo {
                name: self.file,
                shape: self.shape,
                encoding: self.encoding,
                delimiter: self.delimiter,
                rows: self.rows,
                skipped: self.skipped,
                title: None,
                format: self.format,
                sheet: self.sheet,
                other_sheets: self.other_sheets,
                header_row: self.header_row,
            },
            scale: self.scale,
            columns,
            steps,
            cases,
            strings: self.strings,
            warnings: self.warnings.iter().map(|w| w.text.clone()).collect(),
            warning_details: self.warnings,
        })
    }
}

/// A sheet read on the default −5..5 whose every feeling lies in 1..5 was
/// most likely filled in on a 1..5 scale, where 1 is the bottom, not a
/// slightly good feeling: say so rather than draw it silently wrong.
fn other_scale_warning(cases: &[Case]) -> Option<String> {
    let (mut n, mut lo, mut hi) = (0usize, f64::INFINITY, f64::NEG_INFINITY);
    for v in cases
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p.feeling))
    {
        // One feeling outside 1..5 settles it: most sheets' first does.
        // (Not `contains`: a NaN goes on to the fold, as it always did.)
        #[allow(clippy::manual_range_contains)]
        if v < 1.0 || v > 5.0 {
            return None;
        }
        (n, lo, hi) = (n + 1, lo.min(v), hi.max(v));
    }
    (n >= 3 && lo >= 1.0 && hi <= 5.0 && hi > lo).then(|| {
        "every feeling is between 1 and 5: if the sheet uses a 1..5 scale (3 neutral), add --scale 1..5; read on -5..5 they are all above neutral".to_string()
    })
}

/// The case name used when the sheet has no case column: the file's stem.
fn default_case_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty() && *s != "<stdin>")
        .unwrap_or("journey")
        .to_string()
}

fn delimiter_name(d: char) -> &'static str {
    match d {
        ',' => "commas",
        ';' => "semicolons",
        '\t' => "tabs",
        '|' => "bars",
        _ => "the delimiter",
    }
}

/// `"a", "b", "c"` with control characters escaped.
fn list<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    items.into_iter().map(quote).collect::<Vec<_>>().join(", ")
}

impl TableBuilder<'_> {
    /// Take a row of a plain sheet ([`PlainColumns`]) that goes on the case
    /// of the row before it, exactly as [`RowSink::push_row`] would, when
    /// it plainly can: as wide as the header, every column already filled
    /// once, its step the one that followed last time and not a total, a
    /// feeling of one digit on the scale, and a segment and version that
    /// are each empty or the text interned last. `false`, with nothing
    /// changed, for any other row: `push_row` takes it. Most rows of a
    /// large survey export are such rows, and this is most of the time to
    /// read them.
    /// What interning the text of an optional column gives, if it is
    /// plainly so: `Some(None)` for no text, `Some(sym)` for the text
    /// interned last; `None` otherwise.
    #[inline(always)]
    fn plain_sym(&self, text: Option<&str>) -> Option<Option<Sym>> {
        match text {
            None | Some("") => Some(None),
            Some(text) => self.strings.last_is(text).map(Some),
        }
    }

    #[inline]
    fn push_plain(&mut self, row: &Row, plain: PlainColumns) -> bool {
        use super::row::trim;
        if row.len() != self.columns || self.unfilled > 0 {
            return false;
        }
        let cell = |col: usize| trim(row.get(col).unwrap_or(""));
        let Some(case) = self.previous_case else {
            return false;
        };
        let case_text = cell(plain.case);
        if case_text.is_empty() || !same_text(&self.cases[case].name, case_text) {
            return false;
        }
        let step_text = cell(plain.step);
        let Some(step) = self.next_step.get(self.last_step).copied() else {
            return false;
        };
        if step_text.is_empty()
            || !same_text(self.step_names.texts_at(step as usize), step_text)
            || self.totals.get(step as usize) != Some(&Some(false))
        {
            return false;
        }
        let Some(feeling) = feelings::one_digit(cell(plain.feeling)) else {
            return false;
        };
        // `Scale::contains`, its bounds worked out once.
        let (lowest, highest) = plain.bounds;
        if !(feeling >= lowest && feeling <= highest) {
            return false;
        }
        // A segment or version: none, or the one interned last (which
        // interning it again would give, changing nothing).
        let (Some(segment), Some(version)) = (
            self.plain_sym(plain.segment.map(cell)),
            self.plain_sym(plain.version.map(cell)),
        ) else {
            return false;
        };
        // What `push_row` does with such a row.
        self.last_step = step as usize + 1;
        self.rows += 1;
        self.previous_phase = None;
        let c = &mut self.cases[case];
        c.segment = c.segment.or(segment);
        c.version = c.version.or(version);
        c.rows.push(Seen {
            name: step,
            line: u32::try_from(row.line()).unwrap_or(u32::MAX),
            feeling,
        });
        true
    }
}

impl RowSink for TableBuilder<'_> {
    fn push_row(&mut self, row: &Row) -> Result<(), InputError> {
        if let Some(plain) = self.plain {
            if self.push_plain(row, plain) {
                return Ok(());
            }
        }
        let step = self.map.cell(row, Role::Step);
        // Whether a name is a total is decided once per distinct name.
        let name = self.step_id(step.text);
        let i = name as usize;
        if i >= self.totals.len() {
            self.totals.resize(i + 1, None);
        }
        if *self.totals[i].get_or_insert_with(|| is_total(step.text)) {
            self.total_rows.push((row.start(), step.text.to_string()));
            return Ok(());
        }
        self.check_width(row)?;
        if self.unfilled > 0 {
            for (i, filled) in self.filled.iter_mut().enumerate() {
                if !*filled && row.get(i).is_some_and(|t| !t.trim().is_empty()) {
                    *filled = true;
                    self.unfilled -= 1;
                }
            }
        }
        self.rows += 1;
        if step.text.is_empty() {
            return Err(InputError::new(
                self.at(step.pos()),
                "the step name is empty",
                "the name of the process step in every row",
            ));
        }
        if let Some(guess) = &mut self.guess {
            guess.observe(name, row);
        }
        let order = match self.map.get(Role::Order) {
            Some(_) => self.number(self.map.cell(row, Role::Order), "order")?,
            None => None,
        };
        let line = u32::try_from(row.line()).unwrap_or(u32::MAX);
        let visit = Visit { name, order, line };
        let long_case = match self.shape {
            SheetShape::Long => Some(self.case_of_row(row)?),
            SheetShape::Wide | SheetShape::Summary | SheetShape::Journey => None,
        };
        let shared = self.shared_cells(row)?;
        let stored = Kept {
            phase: self.has_phase,
            details: self.has_details,
            order: self.map.get(Role::Order).is_some(),
        };
        match long_case {
            Some(case) => {
                let feeling = self.feeling(self.map.cell(row, Role::Feeling), "feeling")?;
                if feeling.is_none() {
                    self.skipped += 1;
                }
                self.check_time(case, shared.detail.time, row)?;
                let segment = self.optional_sym(row, Role::Segment);
                let version = self.optional_sym(row, Role::Version);
                let c = &mut self.cases[case];
                c.segment = c.segment.or(segment);
                c.version = c.version.or(version);
                c.push(visit, feeling, &shared, stored);
            }
            None => {
                for col in 0..self.wide_cases.len() {
                    let Some(case) = self.wide_cases[col] else {
                        continue;
                    };
                    let feeling = self.feeling(row.cell(col).trimmed(), "feeling")?;
                    if feeling.is_none() {
                        self.skipped += 1;
                    }
                    if feeling.is_some() {
                        self.check_time(case, shared.detail.time, row)?;
                    }
                    self.cases[case].push(visit, feeling, &shared, stored);
                }
            }
        }
        Ok(())
    }
}
