//! Delimited text (CSV, TSV, `;`-separated …): sniffing the delimiter,
//! splitting the text into records ([`TextRows`]), and finding the line and
//! column of a field for messages.

use csv::StringRecord;

use super::row::{Row, RowSource};
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
/// after an embedded newline get the right line.
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
    for c in text[start..].chars() {
        if current == field {
            return (line, column);
        }
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => return (line, column),
            '\n' => {
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
}

impl<'t> TextRows<'t> {
    pub fn new(name: &'t str, text: &'t str, delimiter: u8) -> Self {
        TextRows {
            name,
            text,
            delimiter,
            reader: reader(text, delimiter),
            record: StringRecord::new(),
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
        let (start, line) = self
            .record
            .position()
            .map(|p| (p.byte() as usize, p.line()))
            .unwrap_or((0, 1));
        Ok(Some(Row::delimited(
            &self.record,
            self.text,
            start,
            line,
            self.delimiter,
        )))
    }
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

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "שלב,תחושה\n";
        assert_eq!(field_position(text, 0, 1, 1, b','), (1, 5));
    }
}
