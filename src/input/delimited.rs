//! Delimited text (CSV, TSV, `;`-separated …): sniffing the delimiter,
//! splitting the text into records ([`TextRows`]), and finding the line and
//! column of a field for messages.

use csv::StringRecord;

use super::row::{Row, RowSink, RowSource};
use crate::error::{InputError, Location};

/// Delimiters a spreadsheet program may write, in order of preference on a tie.
pub const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Count each candidate delimiter outside quotes, record by record, over the
/// first records of `text`; `quote` is `"`. Returns one count vector per record.
fn counts_per_record(text: &str, max_records: usize) -> Vec<[usize; 4]> {
    let mut records = Vec::new();
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    let mut nonblank = false;
    for &b in text.as_bytes().iter().take(256 * 1024) {
        if b == b'"' {
            in_quotes = !in_quotes;
            nonblank = true;
            continue;
        }
        if in_quotes {
            continue;
        }
        if b == b'\n' {
            if nonblank {
                records.push(counts);
                if records.len() == max_records {
                    return records;
                }
            }
            counts = [0; 4];
            nonblank = false;
            continue;
        }
        if b != b'\r' && b != b' ' {
            nonblank = true;
        }
        if let Some(i) = CANDIDATES.iter().position(|&d| d == b) {
            counts[i] += 1;
        }
    }
    if nonblank {
        records.push(counts);
    }
    records
}

/// Pick the delimiter: the candidate that splits the header into the most
/// columns, among those that split the following records the same way most
/// often. A decimal comma in `2,5` is not mistaken for a delimiter because
/// the header row has no comma. Falls back to `,` for a one-column sheet.
pub fn sniff_delimiter(text: &str) -> u8 {
    let records = counts_per_record(text, 50);
    let Some(header) = records.first() else {
        return b',';
    };
    let mut best: Option<(usize, usize, usize)> = None; // (consistent rows, header count, candidate)
    for i in 0..CANDIDATES.len() {
        let h = header[i];
        if h == 0 {
            continue;
        }
        let consistent = records[1..].iter().filter(|r| r[i] == h).count();
        let key = (consistent, h, usize::MAX - i);
        let better = match best {
            None => true,
            Some((c, hc, bi)) => key > (c, hc, usize::MAX - bi),
        };
        if better {
            best = Some((consistent, h, i));
        }
    }
    best.map(|(_, _, i)| CANDIDATES[i]).unwrap_or(b',')
}

/// The 1-based line and character column where field `field` of the record
/// starting at byte `record_start` of `text` begins. Quote-aware, so fields
/// after an embedded newline get the right line. A line ends at `\n`,
/// `\r\n` or a lone `\r`, as spreadsheet programs write them.
pub fn field_position(
    text: &str,
    record_start: usize,
    record_line: u64,
    field: usize,
    delimiter: u8,
) -> (u64, u64) {
    let start = record_start.min(text.len());
    let mut line = record_line;
    let mut column = 1u64;
    let mut current = 0usize;
    let mut in_quotes = false;
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        if current == field {
            return (line, column);
        }
        match c {
            '"' => in_quotes = !in_quotes,
            '\r' if chars.peek() == Some(&'\n') && !in_quotes => return (line, column),
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\n' | '\r' if !in_quotes => return (line, column),
            '\n' | '\r' => {
                line += 1;
                column = 0;
            }
            c if !in_quotes && c as u32 == u32::from(delimiter) => current += 1,
            _ => {}
        }
        column += 1;
    }
    (line, column)
}

/// Whether `text` ends a line with a lone `\r` somewhere (old Mac files):
/// the CSV reader counts only `\n`, so lines are then counted here.
fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !bytes.contains(&b'\r') {
        return false;
    }
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(|&b| b == b'\r') {
        let at = from + i;
        if bytes.get(at + 1) != Some(&b'\n') {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Line breaks in `bytes`: `\n`, `\r\n` and a lone `\r` count one each.
fn count_breaks(bytes: &[u8]) -> u64 {
    let mut n = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

/// Build a CSV reader with the settings every sheet needs: rows of any
/// length (we report ragged rows ourselves, with their position), `"` quotes
/// with doubled-quote escapes, no comment character.
pub fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes())
}

/// The records of delimited text, as rows: the second of the three steps
/// of reading a text file (decode, split into records, feed).
pub struct TextRows<'t> {
    /// The source's name, for messages.
    name: &'t str,
    text: &'t str,
    delimiter: u8,
    reader: csv::Reader<&'t [u8]>,
    /// One record buffer for all rows (no allocation per row).
    record: StringRecord,
    /// Whether lines end in a lone `\r` somewhere; then lines are counted
    /// here from `counted` (byte, line: the last record's start).
    lone_cr: bool,
    counted: (usize, u64),
}

impl<'t> TextRows<'t> {
    pub fn new(name: &'t str, text: &'t str, delimiter: u8) -> Self {
        TextRows {
            name,
            text,
            delimiter,
            reader: reader(text, delimiter),
            record: StringRecord::new(),
            lone_cr: has_lone_cr(text),
            counted: (0, 1),
        }
    }
}

impl RowSource for TextRows<'_> {
    fn next_row(&mut self) -> Result<Option<Row<'_>>, InputError> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => return Ok(None),
            Ok(true) => {}
            Err(e) => return Err(csv_error(self.name, &e)),
        }
        let (mut start, mut line) = self
            .record
            .position()
            .map(|p| (p.byte() as usize, p.line()))
            .unwrap_or((0, 1));
        let bytes = self.text.as_bytes();
        start = start.min(bytes.len());
        if self.lone_cr {
            let (from, from_line) = self.counted;
            line = from_line + count_breaks(&bytes[from.min(start)..start]);
        }
        // The reader places a record where the last one ended: at the `\n`
        // of a CRLF, or before the empty lines it skipped. The record
        // itself starts after them.
        while let Some(&b) = bytes.get(start) {
            if b != b'\r' && b != b'\n' {
                break;
            }
            if b == b'\n' || bytes.get(start + 1) != Some(&b'\n') {
                line += 1;
            }
            start += 1;
        }
        self.counted = (start, line);
        Ok(Some(Row::delimited(
            &self.record,
            self.text,
            start,
            line,
            self.delimiter,
        )))
    }

    fn rewind(&mut self) {
        self.reader = reader(self.text, self.delimiter);
        self.counted = (0, 1);
    }
}

/// The records of text with no quote character and no line ending in a
/// lone `\r`: what [`TextRows`] reads from such text, found in one pass
/// without the CSV reader's state machine (a large sheet's rows are mostly
/// this): every line that is not empty is one record, its fields split at
/// each delimiter. A `"` or a lone `\r` is an error: such text is for
/// [`TextRows`].
pub struct LineRows<'t> {
    name: &'t str,
    text: &'t str,
    delimiter: u8,
    /// Where the next line starts, and its number.
    at: usize,
    line: u64,
    /// The number of the first line of `text` (1 unless it is a later part of a file).
    first_line: u64,
    /// Where each cell of the current line ends (one buffer for all rows).
    ends: Vec<u32>,
}

impl<'t> LineRows<'t> {
    /// The records of `text` (named `name` in messages), whose first line
    /// is line `first_line` of the file.
    pub fn new(name: &'t str, text: &'t str, delimiter: u8, first_line: u64) -> Self {
        LineRows {
            name,
            text,
            delimiter,
            at: 0,
            line: first_line,
            first_line,
            ends: Vec::new(),
        }
    }

    fn not_plain(&self, line: u64) -> InputError {
        InputError::new(
            Location::at(self.name, line, 1),
            "a quote or a line ending in a lone carriage return",
            "lines of fields with no quotes, as this reader reads",
        )
    }
}

impl LineRows<'_> {
    /// Split the next line that is not empty: where it starts and ends in
    /// the text, and its number, with `ends` filled; `None` at the end.
    #[inline]
    fn next_line(&mut self) -> Result<Option<(usize, usize, u64)>, InputError> {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() {
            let (start, line) = (self.at, self.line);
            self.ends.clear();
            let Some(i) = split_line(bytes, start, self.delimiter, &mut self.ends) else {
                return Err(self.not_plain(line));
            };
            self.at = i + 1;
            self.line += 1;
            let end = if i > start && bytes[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            // The CSV reader skips empty lines too.
            if end == start {
                continue;
            }
            // A line longer than 4 GiB cannot be split here.
            let last = u32::try_from(end - start).ok().filter(|&e| e < u32::MAX);
            let Some(last) = last else {
                return Err(self.not_plain(line));
            };
            self.ends.push(last);
            return Ok(Some((start, end, line)));
        }
        Ok(None)
    }

    /// The row of the line `next_line` split.
    #[inline]
    fn row(&self, (start, end, line): (usize, usize, u64)) -> Row<'_> {
        Row::spans(
            &self.text[start..end],
            &self.ends,
            self.text,
            start,
            line,
            self.delimiter,
        )
    }

    /// Hand every row that is not blank to `sink`: [`super::row::feed`] for these
    /// rows, without handing each row back first (most of a large sheet's
    /// rows go this way).
    pub fn feed(&mut self, sink: &mut dyn RowSink) -> Result<(), InputError> {
        while let Some(at) = self.next_line()? {
            let row = self.row(at);
            if !row.is_blank() {
                sink.push_row(&row)?;
            }
        }
        Ok(())
    }
}

impl RowSource for LineRows<'_> {
    fn next_row(&mut self) -> Result<Option<Row<'_>>, InputError> {
        Ok(self.next_line()?.map(|at| self.row(at)))
    }

    fn rewind(&mut self) {
        self.at = 0;
        self.line = self.first_line;
    }
}

/// A byte in each of the eight bytes of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` that is zero, and no other bit
/// (exactly: no carry crosses from one byte into the next).
#[inline]
fn zeros(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The number of line ends (`\n`) in `bytes`, eight bytes at a time.
pub fn count_newlines(bytes: &[u8]) -> u64 {
    let n = ONES * u64::from(b'\n');
    let mut words = bytes.chunks_exact(8);
    let mut count = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
        count += u64::from(zeros(w ^ n).count_ones());
    }
    count + words.remainder().iter().filter(|&&b| b == b'\n').count() as u64
}

/// Split the line of `bytes` that starts at `start`: push where each of
/// its cells but the last ends (relative to `start`) onto `ends`, and
/// return where the line ends (its `\n`, or the end of `bytes`). `None`
/// on a quote or a `\r` that is not followed by `\n`.
///
/// Eight bytes are looked at a time (the special bytes of a word found
/// with bit arithmetic): testing byte after byte, which cell ends where is
/// a branch the processor cannot predict, and was most of the time spent
/// splitting a large sheet.
fn split_line(bytes: &[u8], start: usize, delimiter: u8, ends: &mut Vec<u32>) -> Option<usize> {
    let [d, n, q, r] = [delimiter, b'\n', b'"', b'\r'].map(|b| ONES * u64::from(b));
    // One special byte at `at`: a cell's end (keep going) or the line's
    // end (`Some(true)`); `None` for what this reader cannot read.
    let mut special = |at: usize| -> Option<bool> {
        match bytes[at] {
            b'\n' => Some(true),
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => Some(false),
            b if b == delimiter => {
                ends.push(u32::try_from(at - start).unwrap_or(u32::MAX));
                Some(false)
            }
            _ => None,
        }
    };
    let mut i = start;
    while let Some(word) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().ok()?);
        let mut hits = zeros(w ^ d) | zeros(w ^ n) | zeros(w ^ q) | zeros(w ^ r);
        while hits != 0 {
            let at = i + (hits.trailing_zeros() / 8) as usize;
            if special(at)? {
                return Some(at);
            }
            hits &= hits - 1;
        }
        i += 8;
    }
    while i < bytes.len() {
        let b = bytes[i];
        if (matches!(b, b'\n' | b'\r' | b'"') || b == delimiter) && special(i)? {
            return Some(i);
        }
        i += 1;
    }
    Some(bytes.len())
}

/// A row the CSV reader could not read.
fn csv_error(name: &str, e: &csv::Error) -> InputError {
    let line = e.position().map(|p| p.line()).unwrap_or(1);
    InputError::new(
        Location::at(name, line, 1),
        "this row cannot be read as delimited text",
        "UTF-8 text with fields separated by one delimiter",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_common_delimiters() {
        assert_eq!(sniff_delimiter("step,feeling\na,1\n"), b',');
        assert_eq!(sniff_delimiter("step;feeling\na;1\n"), b';');
        assert_eq!(sniff_delimiter("step\tfeeling\na\t1\n"), b'\t');
        assert_eq!(sniff_delimiter("step|feeling\na|1\n"), b'|');
    }

    #[test]
    fn decimal_comma_does_not_fool_the_sniffer() {
        assert_eq!(
            sniff_delimiter("Step;Feeling\r\nOrder;2,5\r\nWait;-1,5\r\n"),
            b';'
        );
    }

    #[test]
    fn quoted_delimiters_are_ignored() {
        assert_eq!(sniff_delimiter("\"a;b\",\"c;d\"\n\"x;y\",1\n"), b',');
    }

    #[test]
    fn one_column_defaults_to_comma() {
        assert_eq!(sniff_delimiter("step\na\n"), b',');
        assert_eq!(sniff_delimiter(""), b',');
    }

    #[test]
    fn field_positions_follow_quotes_and_newlines() {
        let text = "a,b,c\nx,\"two\nlines\",z\n";
        let start = text.find('x').unwrap();
        assert_eq!(field_position(text, start, 2, 0, b','), (2, 1));
        assert_eq!(field_position(text, start, 2, 1, b','), (2, 3));
        assert_eq!(field_position(text, start, 2, 2, b','), (3, 8));
    }

    #[test]
    fn text_rows_are_records_with_their_lines() {
        let text = "step;feeling\n\"a;b\";1\n;\nc;2\n";
        let mut rows = TextRows::new("t.csv", text, b';');
        let mut seen = Vec::new();
        while let Some(row) = rows.next_row().unwrap() {
            let cells: Vec<&str> = row.texts().collect();
            seen.push((cells.join("|"), row.line(), row.pos(1).column()));
        }
        assert_eq!(
            seen,
            [
                ("step|feeling".to_string(), 1, 6),
                ("a;b|1".to_string(), 2, 7),
                ("|".to_string(), 3, 2),
                ("c|2".to_string(), 4, 3),
            ]
        );
    }

    /// Every row's line and the column of its second cell, whatever ends the lines.
    fn lines_and_columns(text: &str) -> Vec<(u64, u64)> {
        let mut rows = TextRows::new("t.csv", text, b',');
        let mut seen = Vec::new();
        while let Some(row) = rows.next_row().unwrap() {
            if !row.is_blank() {
                seen.push((row.line(), row.pos(1).column()));
            }
        }
        seen
    }

    #[test]
    fn rows_are_placed_right_with_any_line_ending_and_empty_lines() {
        let want = [(1, 6), (2, 3), (4, 3), (5, 7)];
        for end in ["\n", "\r\n", "\r"] {
            let text = ["step,feeling", "A,1", "", "B,2", "\"x\"\"\",9"].join(end) + end;
            assert_eq!(lines_and_columns(&text), want, "{end:?}");
        }
        // A quoted cell over two lines moves every later row down one line.
        for end in ["\n", "\r\n", "\r"] {
            let text = format!("step,feeling{end}\"a{end}b\",1{end}c,2{end}");
            assert_eq!(
                lines_and_columns(&text),
                [(1, 6), (2, 4), (4, 3)],
                "{end:?}"
            );
            let mut rows = TextRows::new("t.csv", &text, b',');
            rows.next_row().unwrap();
            let row = rows.next_row().unwrap().unwrap();
            assert_eq!(
                row.pos(1),
                crate::error::CellPos::Text { line: 3, column: 4 }
            );
        }
    }

    /// A row as read: its cells, its line, and each cell's (line, column).
    type Seen = (Vec<String>, u64, Vec<(u64, u64)>);

    /// Every row of a source.
    fn all_rows(rows: &mut impl RowSource) -> Vec<Seen> {
        let mut seen = Vec::new();
        while let Some(row) = rows.next_row().unwrap() {
            let at = (0..=row.len())
                .map(|i| (row.pos(i).line(), row.pos(i).column()))
                .collect();
            seen.push((row.texts().map(String::from).collect(), row.line(), at));
        }
        seen
    }

    proptest::proptest! {
        #[test]
        fn prop_newlines_counted_eight_at_a_time(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(b'\n'),
                    proptest::strategy::Just(b'a'),
                    proptest::arbitrary::any::<u8>()
                ],
                0..200,
            ),
        ) {
            let naive = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
            proptest::prop_assert_eq!(count_newlines(&bytes), naive);
        }

        /// Text with no quote and no lone CR splits into the same rows,
        /// lines and cell positions whichever way it is read.
        #[test]
        fn lines_split_as_the_csv_reader_splits_them(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "bb", ",", ";", " ", "\t", "\n", "\r\n", "ש", "-3", ""]),
                0..60,
            ),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t']),
        ) {
            let text: String = pieces.concat();
            let mut csv = TextRows::new("t.csv", &text, delimiter);
            let mut lines = LineRows::new("t.csv", &text, delimiter, 1);
            proptest::prop_assert_eq!(all_rows(&mut lines), all_rows(&mut csv));
        }
    }

    #[test]
    fn lines_with_quotes_or_a_lone_cr_are_left_to_the_csv_reader() {
        for text in ["a,\"1\"\n", "a,1\rb,2\n", "a,1\r", "x\na\"\n"] {
            let mut rows = LineRows::new("t.csv", text, b',', 1);
            let e = std::iter::from_fn(|| rows.next_row().transpose().map(|r| r.map(|_| ())))
                .find_map(Result::err);
            assert!(e.is_some(), "{text:?}");
        }
        let mut rows = LineRows::new("t.csv", "a,1\r\n\r\n,\r\nb,2", b',', 1);
        assert_eq!(
            all_rows(&mut rows),
            [
                (
                    vec!["a".into(), "1".into()],
                    1,
                    vec![(1, 1), (1, 3), (1, 4)]
                ),
                (vec!["".into(), "".into()], 3, vec![(3, 1), (3, 2), (3, 2)]),
                (
                    vec!["b".into(), "2".into()],
                    4,
                    vec![(4, 1), (4, 3), (4, 4)]
                ),
            ]
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "שלב,תחושה\n";
        assert_eq!(field_position(text, 0, 1, 1, b','), (1, 5));
    }
}
