//! Finding the header row. People put a title, a date or notes above the
//! table; the header is the first row that names a step column and either a
//! feeling column or the participants (other named columns). When no row
//! among the first [`LOOK_AHEAD`] does, the first row that is not blank is
//! taken as it is, and an error about it says which row looks closest.
//! `--header-row N` names the header's line (worksheet: row) outright.

use super::columns::{role_of, ColumnMap, Role};
use super::row::RowSource;
use super::InputOptions;
use crate::error::{quote, CellPos, InputError, Location};
use crate::model::Warning;

/// How many rows that are not blank are looked at for a header.
pub const LOOK_AHEAD: usize = 50;

/// The header row as found.
#[derive(Debug, Clone)]
pub struct Found {
    pub cells: Vec<String>,
    /// Where the header row starts.
    pub at: CellPos,
    /// Rows that are not blank above the header (a title, notes): left out.
    pub above: usize,
    /// The first of those rows, shortened, for the note.
    first_above: Option<String>,
    /// When no row looked like a header: the row that looks closest.
    closest: Option<CellPos>,
    /// Whether `--header-row` chose it.
    forced: bool,
}

/// `line 3` in a text file, `row 3` in a worksheet.
pub fn place(pos: CellPos) -> String {
    match pos {
        CellPos::Text { line, .. } => format!("line {line}"),
        CellPos::Sheet { row, .. } => format!("row {row}"),
    }
}

/// A row's filled cells, joined, for messages.
fn shown(cells: &[&str]) -> String {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    quote(&filled.join(" | "))
}

/// A step column, and a feeling column, a median, or other named columns
/// (the participants of a wide sheet).
pub fn looks_like_header(cells: &[&str]) -> bool {
    let map = ColumnMap::from_header(cells);
    let Some(step) = map.get(Role::Step) else {
        return false;
    };
    map.get(Role::Feeling).is_some()
        || map.get(Role::Median).is_some()
        || cells
            .iter()
            .enumerate()
            .any(|(i, c)| i != step && !c.trim().is_empty())
}

/// How much a row looks like a header: cells that name a column, and
/// cells of text (a header holds no numbers).
fn likeness(cells: &[&str]) -> usize {
    let named = cells.iter().filter(|c| role_of(c).is_some()).count();
    let text = cells
        .iter()
        .filter(|c| !c.trim().is_empty() && super::feelings::parse_number(c).is_none())
        .count();
    named + text
}

impl Found {
    fn new(cells: &[&str], at: CellPos) -> Self {
        Found {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            at,
            above: 0,
            first_above: None,
            closest: None,
            forced: false,
        }
    }

    /// The note that rows above the header were left out.
    pub fn note(&self) -> Option<Warning> {
        if self.above == 0 {
            return None;
        }
        let rows = if self.above == 1 {
            "the row".to_string()
        } else {
            format!("the {} rows", self.above)
        };
        let how = if self.forced { " (--header-row)" } else { "" };
        Some(Warning::new(
            "header_row",
            format!(
                "the header is on {}{how}: left out {rows} above it as a title or notes (first: {})",
                place(self.at),
                self.first_above.as_deref().unwrap_or("\"\"")
            ),
        ))
    }

    /// An error about the header, with a hint at `--header-row` when the
    /// header was not found.
    pub fn explain(&self, e: InputError) -> InputError {
        let Some(closest) = self.closest else {
            return e;
        };
        let n = closest.line();
        if closest.line() != self.at.line() {
            e.with_hint(format!(
                "{} looks closest to a header: if it is the header, add --header-row {n}",
                place(closest)
            ))
        } else if e.hint.is_none() {
            e.with_hint(format!(
                "a header names a step column and a feeling column (or one column per participant); if the header is below {}, add --header-row N with its number",
                place(self.at)
            ))
        } else {
            e
        }
    }
}

/// Find the header of `rows`, leaving them at the first row under it;
/// `None` when every row is blank.
pub fn find(
    name: &str,
    rows: &mut impl RowSource,
    options: &InputOptions,
) -> Result<Option<Found>, InputError> {
    if let Some(n) = options.header_row {
        return forced(name, rows, n).map(Some);
    }
    let mut above = 0usize;
    let mut first_above = None;
    let mut best: Option<(usize, CellPos)> = None;
    while let Some(row) = rows.next_row()? {
        if row.is_blank() {
            continue;
        }
        let cells: Vec<&str> = row.texts().collect();
        if looks_like_header(&cells) {
            let mut found = Found::new(&cells, row.start());
            found.above = above;
            found.first_above = first_above;
            return Ok(Some(found));
        }
        let score = likeness(&cells);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, row.start()));
        }
        if first_above.is_none() {
            first_above = Some(shown(&cells));
        }
        above += 1;
        if above == LOOK_AHEAD {
            break;
        }
    }
    if above == 0 {
        return Ok(None);
    }
    // No row looks like a header: take the first row that is not blank.
    rows.rewind();
    while let Some(row) = rows.next_row()? {
        if !row.is_blank() {
            let cells: Vec<&str> = row.texts().collect();
            let mut found = Found::new(&cells, row.start());
            found.closest = best.map(|(_, at)| at);
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// The header on line (row) `n`, as `--header-row` says.
fn forced(name: &str, rows: &mut impl RowSource, n: u64) -> Result<Found, InputError> {
    let mut above = 0usize;
    let mut first_above = None;
    let mut last = None;
    while let Some(row) = rows.next_row()? {
        let line = row.line();
        last = Some(row.start());
        if line < n {
            if !row.is_blank() {
                let cells: Vec<&str> = row.texts().collect();
                if first_above.is_none() {
                    first_above = Some(shown(&cells));
                }
                above += 1;
            }
            continue;
        }
        if line > n || row.is_blank() {
            let at = if line > n {
                Location::file(name)
            } else {
                Location::cell(name, row.start())
            };
            return Err(InputError::new(
                at,
                format!("--header-row {n}: that line is blank or inside another row"),
                "the number of the line (worksheet: row) that holds the column names",
            ));
        }
        let cells: Vec<&str> = row.texts().collect();
        let mut found = Found::new(&cells, row.start());
        found.above = above;
        found.first_above = first_above;
        found.forced = true;
        return Ok(found);
    }
    let what = match last {
        Some(CellPos::Sheet { .. }) => "the sheet has",
        _ => "the file has",
    };
    let lines = last.map(|p| p.line()).unwrap_or(0);
    Err(InputError::new(
        Location::file(name),
        format!("--header-row {n}: {what} {lines} rows"),
        "the number of the line (worksheet: row) that holds the column names",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_names_a_step_and_a_feeling_or_participants() {
        assert!(looks_like_header(&["Step", "Feeling"]));
        assert!(looks_like_header(&["שלב", "דנה", "יוסי"]));
        assert!(looks_like_header(&["step", "median"]));
        assert!(!looks_like_header(&["Step"]));
        assert!(!looks_like_header(&["Cinema workshop, March", "", ""]));
        assert!(!looks_like_header(&["Order", "2"]));
    }
}
