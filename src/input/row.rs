//! Rows as every reader hands them on: cells of text with their positions.
//!
//! A reader (delimited text today, a worksheet later) is a [`RowSource`]: it
//! yields one [`Row`] at a time, borrowed from one buffer it reuses, so a
//! sheet of a million rows allocates nothing per row or cell. The builders
//! of a dataset or a summary are [`RowSink`]s and never learn which reader
//! it was: they see cells' text and, for messages, the cells' positions.
//!
//! Positions are found on demand: in a text file a cell's character column
//! takes a scan of its line (quotes may hide delimiters and line breaks), a
//! cost only the rare cell named in a message pays.
//!
//! A worksheet reader (.xlsx/.ods, `super::sheet`) plugs in the same way:
//! it writes each row's cells as text into one reused record and makes its
//! rows with [`Row::sheet`], whose cells are at [`CellPos::Sheet`] (row and
//! column); the source's name in messages is then `book.xlsx[Sheet1]`. Then
//! it hands the source to [`super::read_rows`] like the text reader does.

use csv::StringRecord;

use super::delimited;
use crate::error::{CellPos, InputError};

/// `text` without the white space around it, as [`str::trim`] gives it,
/// at no cost for the common cell that starts and ends with a visible
/// ASCII character (`str::trim` decodes a character at each end).
#[inline]
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(&a), Some(&b)) if (b'!'..=b'~').contains(&a) && (b'!'..=b'~').contains(&b) => text,
        _ => text.trim(),
    }
}

/// One row of a sheet: its cells' text in column order, and where each
/// cell is. Blank rows are handed on too; [`feed`] skips them.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The cells' text as the source holds it (untrimmed). A worksheet
    /// reader fills a reused record with its cells' text the same way.
    cells: Cells<'a>,
    /// 1-based line (worksheet: row) where the row starts.
    line: u64,
    place: Place<'a>,
}

/// Where a row's cells' text is.
#[derive(Debug, Clone, Copy)]
enum Cells<'a> {
    /// Copied into a record (quotes undone, a worksheet's values written out).
    Record(&'a StringRecord),
    /// Pieces of one line of text, as they are: cell `i` ends at byte
    /// `ends[i]` of `line` and starts just after the end of the one before
    /// (a delimiter between them).
    Spans { line: &'a str, ends: &'a [u32] },
}

impl<'a> Cells<'a> {
    #[inline]
    fn len(&self) -> usize {
        match self {
            Cells::Record(r) => r.len(),
            Cells::Spans { ends, .. } => ends.len(),
        }
    }

    #[inline]
    fn get(&self, i: usize) -> Option<&'a str> {
        match *self {
            Cells::Record(r) => r.get(i),
            Cells::Spans { line, ends } => {
                let end = *ends.get(i)? as usize;
                let start = match i {
                    0 => 0,
                    _ => ends[i - 1] as usize + 1,
                };
                line.get(start..end)
            }
        }
    }
}

/// How to find the position of a row's cells.
#[derive(Debug, Clone, Copy)]
enum Place<'a> {
    /// A record of delimited `text` starting at byte `start`.
    Text {
        text: &'a str,
        start: usize,
        delimiter: u8,
    },
    /// Cells whose positions the reader already knows, one per cell (a
    /// Mermaid journey: each cell is a piece of a line of the diagram).
    Placed { at: &'a [CellPos] },
    /// A worksheet row whose first cell is in 1-based column `first_column`.
    Sheet { first_column: u64 },
}

impl<'a> Row<'a> {
    /// A record of delimited text: `cells` was read from `text` starting at
    /// byte `start`, on line `line`, with fields split by `delimiter`.
    pub fn delimited(
        cells: &'a StringRecord,
        text: &'a str,
        start: usize,
        line: u64,
        delimiter: u8,
    ) -> Self {
        Row {
            cells: Cells::Record(cells),
            line,
            place: Place::Text {
                text,
                start,
                delimiter,
            },
        }
    }

    /// A line of delimited text whose cells are spans of it: `line` starts
    /// at byte `start` of `text`, on line `number`, and cell `i` ends at
    /// byte `ends[i]` of it (the next starts after the delimiter there).
    pub fn spans(
        line: &'a str,
        ends: &'a [u32],
        text: &'a str,
        start: usize,
        number: u64,
        delimiter: u8,
    ) -> Self {
        Row {
            cells: Cells::Spans { line, ends },
            line: number,
            place: Place::Text {
                text,
                start,
                delimiter,
            },
        }
    }

    /// A row whose cells were found at `at` (one position per cell),
    /// starting on line `line`.
    pub fn placed(cells: &'a StringRecord, line: u64, at: &'a [CellPos]) -> Self {
        Row {
            cells: Cells::Record(cells),
            line,
            place: Place::Placed { at },
        }
    }

    /// A worksheet row: `cells` are the texts of row `row` (1-based) from
    /// column `first_column` (1-based) on.
    pub fn sheet(cells: &'a StringRecord, row: u64, first_column: u64) -> Self {
        Row {
            cells: Cells::Record(cells),
            line: row,
            place: Place::Sheet { first_column },
        }
    }

    /// 1-based line (worksheet: row) where the row starts.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The number of cells.
    #[inline]
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.len() == 0
    }

    /// Every cell empty or spaces: spacing between rows, not data.
    #[inline(always)]
    pub fn is_blank(&self) -> bool {
        // A row that starts with a visible character is not (most are
        // not): that much is seen in line, on every row.
        if let Some(first) = self.get(0).and_then(|t| t.bytes().next()) {
            if first.is_ascii_graphic() {
                return false;
            }
        }
        self.every_cell_blank()
    }

    #[inline(never)]
    fn every_cell_blank(&self) -> bool {
        self.texts().all(|f| trim(f).is_empty())
    }

    /// The text of cell `column` (0-based), untrimmed; `None` past the end.
    #[inline]
    pub fn get(&self, column: usize) -> Option<&'a str> {
        self.cells.get(column)
    }

    /// The cells' text in column order, untrimmed.
    pub fn texts(&self) -> impl Iterator<Item = &'a str> + 'a {
        let cells = self.cells;
        (0..cells.len()).map(move |i| cells.get(i).unwrap_or(""))
    }

    /// Cell `column` (0-based); past the last cell, an empty one.
    #[inline]
    pub fn cell(&self, column: usize) -> Cell<'_> {
        Cell {
            text: self.cells.get(column).unwrap_or(""),
            column,
            row: self,
        }
    }

    /// Where cell `column` (0-based) begins; for a column past the last
    /// cell, where the row ends.
    pub fn pos(&self, column: usize) -> CellPos {
        match self.place {
            Place::Text {
                text,
                start,
                delimiter,
            } => {
                let (line, column) =
                    delimited::field_position(text, start, self.line, column, delimiter);
                CellPos::Text { line, column }
            }
            Place::Placed { at } => {
                at.get(column)
                    .or(at.last())
                    .copied()
                    .unwrap_or(CellPos::Text {
                        line: self.line,
                        column: 1,
                    })
            }
            Place::Sheet { first_column } => CellPos::Sheet {
                row: self.line,
                column: first_column + column as u64,
            },
        }
    }

    /// Where the row begins, for messages about the whole row.
    pub fn start(&self) -> CellPos {
        match self.place {
            Place::Text { .. } | Place::Placed { .. } => CellPos::Text {
                line: self.line,
                column: 1,
            },
            Place::Sheet { first_column } => CellPos::Sheet {
                row: self.line,
                column: first_column,
            },
        }
    }
}

/// One cell of a row: its text, its column, and (on demand) its position.
#[derive(Debug, Clone, Copy)]
pub struct Cell<'r> {
    /// The text, as the source holds it unless [`Cell::trimmed`].
    pub text: &'r str,
    /// 0-based column in the row.
    pub column: usize,
    row: &'r Row<'r>,
}

impl<'r> Cell<'r> {
    /// The same cell with its text trimmed of spaces.
    #[inline]
    pub fn trimmed(self) -> Self {
        Cell {
            text: trim(self.text),
            ..self
        }
    }

    /// The same cell holding no text.
    pub fn emptied(self) -> Self {
        Cell { text: "", ..self }
    }

    /// Where the cell is, for messages.
    pub fn pos(&self) -> CellPos {
        self.row.pos(self.column)
    }
}

/// The rows of a sheet in order: a text file's records, later a worksheet's rows.
pub trait RowSource {
    /// The next row, blank or not; `None` after the last.
    fn next_row(&mut self) -> Result<Option<Row<'_>>, InputError>;

    /// Start again from the first row (finding the header may look ahead).
    fn rewind(&mut self);
}

/// Something that takes a sheet's data rows one by one.
pub trait RowSink {
    /// Take one row that is not blank.
    fn push_row(&mut self, row: &Row) -> Result<(), InputError>;
}

/// The first row that is not blank, copied out (it decides how the rest are
/// read), and where it starts; `None` when every row is blank.
pub fn first_row(rows: &mut impl RowSource) -> Result<Option<(Vec<String>, CellPos)>, InputError> {
    while let Some(row) = rows.next_row()? {
        if !row.is_blank() {
            return Ok(Some((
                row.texts().map(str::to_string).collect(),
                row.start(),
            )));
        }
    }
    Ok(None)
}

/// Hand every remaining row of `rows` that is not blank to `sink`.
pub fn feed(rows: &mut impl RowSource, sink: &mut dyn RowSink) -> Result<(), InputError> {
    while let Some(row) = rows.next_row()? {
        if !row.is_blank() {
            sink.push_row(&row)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source over the records of a little text.
    struct Lines<'t> {
        reader: csv::Reader<&'t [u8]>,
        text: &'t str,
        record: StringRecord,
    }

    impl<'t> Lines<'t> {
        fn new(text: &'t str) -> Self {
            Lines {
                reader: delimited::reader(text, b','),
                text,
                record: StringRecord::new(),
            }
        }
    }

    impl RowSource for Lines<'_> {
        fn next_row(&mut self) -> Result<Option<Row<'_>>, InputError> {
            if !self.reader.read_record(&mut self.record).unwrap() {
                return Ok(None);
            }
            let p = self.record.position().unwrap();
            Ok(Some(Row::delimited(
                &self.record,
                self.text,
                p.byte() as usize,
                p.line(),
                b',',
            )))
        }

        fn rewind(&mut self) {
            self.reader = delimited::reader(self.text, b',');
        }
    }

    /// Keeps each row's cells and the position of its last cell.
    #[derive(Default)]
    struct Keep(Vec<(Vec<String>, CellPos)>);

    impl RowSink for Keep {
        fn push_row(&mut self, row: &Row) -> Result<(), InputError> {
            let last = row.cell(row.len() - 1);
            self.0
                .push((row.texts().map(String::from).collect(), last.pos()));
            Ok(())
        }
    }

    #[test]
    fn cells_know_their_text_and_position() {
        let text = "step,feeling\nOrder, 2 \n\"Wait\nlong\",-3\n";
        let mut rows = Lines::new(text);
        let (header, at) = first_row(&mut rows).unwrap().unwrap();
        assert_eq!(header, ["step", "feeling"]);
        assert_eq!(at, CellPos::Text { line: 1, column: 1 });
        let row = rows.next_row().unwrap().unwrap();
        assert_eq!(row.line(), 2);
        let cell = row.cell(1);
        assert_eq!((cell.text, cell.column), (" 2 ", 1));
        assert_eq!(cell.trimmed().text, "2");
        assert_eq!(cell.pos(), CellPos::Text { line: 2, column: 7 });
        assert_eq!(row.cell(5).text, "");
        assert_eq!(
            row.pos(2),
            CellPos::Text {
                line: 2,
                column: 10
            }
        );
        let row = rows.next_row().unwrap().unwrap();
        assert_eq!(row.get(0), Some("Wait\nlong"));
        assert_eq!(row.cell(1).pos(), CellPos::Text { line: 4, column: 7 });
        assert_eq!(row.start(), CellPos::Text { line: 3, column: 1 });
    }

    #[test]
    fn blank_rows_are_skipped_before_the_header_and_between_rows() {
        let mut rows = Lines::new(",\n \nstep,feeling\n,\na,1\n , \nb,2\n");
        let (header, at) = first_row(&mut rows).unwrap().unwrap();
        assert_eq!(header, ["step", "feeling"]);
        assert_eq!(at.line(), 3);
        let mut keep = Keep::default();
        feed(&mut rows, &mut keep).unwrap();
        let got: Vec<_> = keep
            .0
            .iter()
            .map(|(c, p)| (c.join("|"), p.line()))
            .collect();
        assert_eq!(got, [("a|1".to_string(), 5), ("b|2".to_string(), 7)]);
    }

    #[test]
    fn a_source_of_blank_rows_has_no_first_row() {
        assert!(first_row(&mut Lines::new("\n,,\n")).unwrap().is_none());
    }

    proptest::proptest! {
        /// The quick trim is `str::trim`, whatever the text.
        #[test]
        fn quick_trim_is_str_trim(text in "[ \\t\u{a0}\u{2003}a-z!~\u{5d0}]{0,6}") {
            proptest::prop_assert_eq!(trim(&text), text.trim());
            proptest::prop_assert_eq!(
                super::super::feelings::trim_cell(&text),
                text.trim_matches(|c: char| c.is_whitespace() || c == '\u{200f}')
            );
        }
    }
}
