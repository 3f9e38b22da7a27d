//! A text sheet (CSV, TSV, `;`-separated …) in three steps: decode the
//! bytes into text ([`decode`]), split the text into records
//! ([`delimited::TextRows`]), and feed the records to the shared reading of
//! rows ([`super::read_rows`]).

use super::decode::{self, DecodeError, Decoded};
use super::delimited;
use super::{InputOptions, SourceFormat};
use crate::error::{InputError, Location};
use crate::model::Sheet;

/// Read a text sheet of cases or a summary; `name` is used in messages.
pub fn read(name: &str, bytes: Vec<u8>, options: &InputOptions) -> Result<Sheet, InputError> {
    let Decoded { text, encoding } = decode_text(name, bytes, options)?;
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| delimited::sniff_delimiter(&text));
    let mut rows = delimited::TextRows::new(name, &text, delimiter);
    let format = text_format(name, encoding, delimiter, options);
    let pending = super::read_rows_pending(name, &mut rows, options, format)?;
    // The text is let go before the sheet is built: that is when the most
    // memory is in use.
    drop(rows);
    drop(text);
    pending.finish()
}

/// How a text file was written, with a note when `--sheet` was given.
pub(super) fn text_format(
    name: &str,
    encoding: String,
    delimiter: u8,
    options: &InputOptions,
) -> SourceFormat {
    let mut format = SourceFormat::text(name, encoding, delimiter as char);
    if let Some(sheet) = &options.sheet {
        format.notes.push(crate::model::Warning::new(
            "flag_ignored",
            format!(
                "--sheet {} is for spreadsheet files (.xlsx, .xls, .ods): a text file has one sheet",
                crate::error::quote(sheet)
            ),
        ));
    }
    format
}

/// Bytes to text that holds something, or a message saying what the bytes are.
pub(super) fn decode_text(
    name: &str,
    bytes: Vec<u8>,
    options: &InputOptions,
) -> Result<Decoded, InputError> {
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
        DecodeError::Utf16 { encoding } => InputError::new(
            Location::file(name),
            "this is a binary file, not text",
            "a CSV or TSV text file",
        )
        .with_hint(format!(
            "it reads as {encoding} text without a byte-order mark: add --encoding {}",
            encoding.to_ascii_lowercase()
        )),
        DecodeError::Malformed { encoding } => InputError::new(
            Location::file(name),
            format!("the bytes are not valid {encoding}"),
            "text in the encoding given by --encoding",
        )
        .with_hint("leave out --encoding to let emograph detect it"),
    })?;
    if decoded.text.trim().is_empty() {
        return Err(InputError::new(
            Location::file(name),
            "the file is empty",
            "a header row (e.g. step,feeling) and one row per step",
        )
        .with_hint("`emograph template -o journey.csv` writes a starter sheet"));
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(bytes: &[u8]) -> String {
        let e = read("t.csv", bytes.to_vec(), &InputOptions::default()).unwrap_err();
        format!("{e} | {}", e.hint.as_deref().unwrap_or_default())
    }

    #[test]
    fn decoding_failures_say_what_the_bytes_are() {
        assert!(error_of(b"PK\x03\x04rest").starts_with(
            "t.csv: this is a ZIP archive (an .xlsx or .ods spreadsheet is one), not a sheet"
        ));
        assert!(error_of(b"ab\0cd\0").starts_with("t.csv: this is a binary file, not text"));
        assert!(error_of(b" \r\n\t\n").contains("the file is empty"));
    }

    #[test]
    fn semicolons_are_sniffed_and_reported() {
        let Sheet::Cases(ds) = read(
            "t.csv",
            b"Step;Feeling\r\nOrder;2,5\r\n".to_vec(),
            &InputOptions::default(),
        )
        .unwrap() else {
            panic!("a sheet of cases")
        };
        assert_eq!(ds.source.delimiter, ';');
        assert_eq!(ds.source.encoding, "UTF-8");
        assert_eq!(ds.cases[0].feelings(), vec![2.5]);
    }
}
