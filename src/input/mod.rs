//! Everything about bytes, encodings, delimiters, header names and feeling
//! words lives here. What leaves this module is a validated [`Dataset`].

pub mod columns;
pub mod decode;
pub mod delimited;
pub mod feelings;
mod table;
pub mod time;

use std::io::Read;

use encoding_rs::Encoding;

use crate::error::{InputError, Location};
use crate::model::{Dataset, Scale};
use columns::ColumnMap;
use decode::DecodeError;

/// How to lay the sheet out: decided from the header, or forced by a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LayoutChoice {
    #[default]
    Auto,
    Long,
    Wide,
}

/// Everything the user can say about how to read a sheet.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    pub encoding: Option<&'static Encoding>,
    pub delimiter: Option<u8>,
    pub layout: LayoutChoice,
    pub scale: Option<Scale>,
}

/// Name shown for standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// Read the bytes of `path` (`-` for standard input).
pub fn read_bytes(path: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map_err(|e| {
        let problem = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ if std::path::Path::new(path).is_dir() => "is a directory".to_string(),
            _ => format!("cannot read it ({e})"),
        };
        InputError::new(
            Location::file(display_name(path)),
            problem,
            "a CSV or TSV file exported from a spreadsheet",
        )
    })?;
    Ok(bytes)
}

/// The name used in messages for an input path.
pub fn display_name(path: &str) -> &str {
    if path == "-" {
        STDIN_NAME
    } else {
        path
    }
}

/// Read and validate a sheet.
pub fn load(path: &str, options: &InputOptions) -> Result<Dataset, InputError> {
    let bytes = read_bytes(path)?;
    parse_owned(display_name(path), bytes, options)
}

/// Validate a sheet already in memory; `name` is used in messages.
pub fn parse(name: &str, bytes: &[u8], options: &InputOptions) -> Result<Dataset, InputError> {
    parse_owned(name, bytes.to_vec(), options)
}

/// [`parse`], taking the bytes (no copy of a UTF-8 sheet).
pub fn parse_owned(
    name: &str,
    bytes: Vec<u8>,
    options: &InputOptions,
) -> Result<Dataset, InputError> {
    let decoded = decode::decode_owned(bytes, options.encoding).map_err(|e| match e {
        DecodeError::Binary { what } => InputError::new(
            Location::file(name),
            format!("this is {what}, not a sheet"),
            "a CSV or TSV text file",
        )
        .with_hint("in your spreadsheet program use File › Save As… › CSV (UTF-8)"),
        DecodeError::NotText => InputError::new(
            Location::file(name),
            "this is a binary file, not text",
            "a CSV or TSV text file",
        ),
        DecodeError::Malformed { encoding } => InputError::new(
            Location::file(name),
            format!("the bytes are not valid {encoding}"),
            "text in the encoding given by --encoding",
        )
        .with_hint("leave out --encoding to let emograph detect it"),
    })?;
    let text = decoded.text;
    if text.trim().is_empty() {
        return Err(InputError::new(
            Location::file(name),
            "the file is empty",
            "a header row (e.g. step,feeling) and one row per step",
        )
        .with_hint("`emograph template -o journey.csv` writes a starter sheet"));
    }
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| delimited::sniff_delimiter(&text));
    let mut reader = delimited::reader(&text, delimiter);
    let csv_error = |e: csv::Error| {
        let (line, column) = e.position().map(|p| (p.line(), 1)).unwrap_or((1, 1));
        InputError::new(
            Location::at(name, line, column),
            "this row cannot be read as delimited text",
            "UTF-8 text with fields separated by one delimiter",
        )
    };
    // The header is the first record that is not blank.
    let mut header = csv::StringRecord::new();
    loop {
        if !reader.read_record(&mut header).map_err(csv_error)? {
            return Err(InputError::new(
                Location::file(name),
                "the file is empty",
                "a header row and one row per step",
            ));
        }
        if header.iter().any(|f| !f.trim().is_empty()) {
            break;
        }
    }
    let header_line = header.position().map(|p| p.line()).unwrap_or(1);
    let header_fields: Vec<&str> = header.iter().collect();
    let map = ColumnMap::from_header(&header_fields);
    let mut builder = table::TableBuilder::new(
        name,
        &header_fields,
        header_line,
        map,
        options,
        decoded.encoding,
        delimiter as char,
    )?;
    // One record buffer for every row: no allocation per row.
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(csv_error)? {
        let (start, line) = record
            .position()
            .map(|p| (p.byte() as usize, p.line()))
            .unwrap_or((0, 0));
        let locate = |field: usize| {
            let (l, c) = delimited::field_position(&text, start, line, field, delimiter);
            Location::at(name, l, c)
        };
        builder.push_row(&record, line, &locate)?;
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Dataset, InputError> {
        parse("t.csv", text.as_bytes(), &InputOptions::default())
    }

    #[test]
    fn long_sheet_with_one_case() {
        let d = parse_str("step,feeling\nOrder,2\nWait,-3\nDelivery,4\n").unwrap();
        assert_eq!(d.steps.len(), 3);
        assert_eq!(d.cases.len(), 1);
        assert_eq!(d.cases[0].feelings(), vec![2.0, -3.0, 4.0]);
        assert_eq!(d.source.layout, crate::model::Layout::Long);
    }

    #[test]
    fn empty_feeling_is_a_skipped_step_not_zero() {
        let d = parse_str("step,feeling\na,1\nb,\nc,3\n").unwrap();
        assert_eq!(d.steps.len(), 3);
        assert_eq!(d.cases[0].feelings(), vec![1.0, 3.0]);
        assert_eq!(d.source.skipped, 1);
    }

    #[test]
    fn wide_sheet_is_detected() {
        let d = parse_str("step,Dana,Yossi\na,1,2\nb,-1,\n").unwrap();
        assert_eq!(d.source.layout, crate::model::Layout::Wide);
        assert_eq!(d.cases.len(), 2);
        assert_eq!(d.cases[1].name, "Yossi");
        assert_eq!(d.cases[1].feelings(), vec![2.0]);
    }

    #[test]
    fn out_of_range_feeling_names_its_cell() {
        let e = parse_str("step,feeling\na,1\nb,7\n").unwrap_err();
        assert_eq!(*e.location, Location::at("t.csv", 3, 3));
        assert!(e.problem.contains("outside the scale"), "{e}");
    }

    #[test]
    fn unknown_columns_give_one_warning() {
        let d = parse_str("step,feeling,colour,size\na,1,red,2\n").unwrap();
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].contains("\"colour\", \"size\""),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn ragged_row_is_an_error() {
        let e = parse_str("step,feeling,note\na,1,x\nb,2\n").unwrap_err();
        assert_eq!(e.location.line, Some(3));
        assert!(e.problem.contains("2 fields"), "{e}");
    }
}
