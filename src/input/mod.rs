//! Everything about bytes, encodings, delimiters, header names and feeling
//! words lives here. What leaves this module is a validated [`Dataset`].
//!
//! Reading goes in two halves. A reader turns a file into rows of cells
//! ([`row::RowSource`]); for a text file that is [`text::read`]: decode
//! the bytes ([`decode`]), split the text into records
//! ([`delimited::TextRows`]). Then [`read_rows`], the same for every reader,
//! takes the header, picks the builder (`summary.rs` for a pattern summary,
//! `table.rs` for a sheet of cases) and feeds it the rows. A spreadsheet
//! file (.xlsx, .xlsm, .xls, .xlsb, .ods) is read by [`sheet::read`], one
//! worksheet as another `RowSource` handed to `read_rows`. A Mermaid journey
//! ([`mermaid`]) is one too: its tasks become the rows of a long sheet, each
//! cell placed where it was in the diagram.
//!
//! Which reader a file goes to is decided in one place, [`SourceKind::of`]
//! (the file's first bytes, then its extension): a new kind of file is one
//! more variant there and one more arm in [`parse_sheet`].
//!
//! A large UTF-8 text file of a long sheet with a case column is read by
//! `parallel.rs` first: a block at a time, each block's rows on all cores,
//! giving exactly the sheet the rows read one by one give. Anything it is
//! not sure of (and any error) goes to the reading above, in one piece.
//! Cases come back by name through `case_index.rs`.

mod case_index;
pub mod columns;
pub mod decode;
pub mod delimited;
pub mod feelings;
mod header;
pub mod mermaid;
mod parallel;
pub mod row;
pub mod sheet;
mod summary;
mod table;
pub mod text;
pub mod time;

use std::io::Read;

use encoding_rs::Encoding;

use crate::error::{InputError, Location};
use crate::model::{Dataset, Scale, Sheet, Warning};
use columns::ColumnMap;
use row::RowSource;

/// How to lay the sheet out: decided from the header, or forced by a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LayoutChoice {
    #[default]
    Auto,
    Long,
    Wide,
    /// A pre-aggregated pattern summary (a `median` column per step).
    Summary,
}

/// Everything the user can say about how to read a sheet.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    pub encoding: Option<&'static Encoding>,
    pub delimiter: Option<u8>,
    pub layout: LayoutChoice,
    pub scale: Option<Scale>,
    /// Whether the user chose the scale (`--scale`, `--neutral`); when not,
    /// a sheet that looks like another scale gets a warning.
    pub scale_given: bool,
    /// The worksheet of a spreadsheet file to read (`--sheet`): its name,
    /// or its 1-based position when no sheet has that name [default: the first].
    pub sheet: Option<String>,
    /// The 1-based line (worksheet: row) of the header (`--header-row`)
    /// [default: found].
    pub header_row: Option<u64>,
}

/// Name shown for standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// Read the bytes of `path` (`-` for standard input).
pub fn read_bytes(path: &str) -> Result<Vec<u8>, InputError> {
    let name = display_name(path);
    let result = if path == "-" {
        read_bounded(name, std::io::stdin().lock())
    } else {
        std::fs::File::open(path).and_then(|f| read_bounded(name, f))
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
            "a CSV or TSV file, or a spreadsheet (.xlsx, .xls, .ods)",
        )
    })
}

/// How much is read before deciding that a file is clearly not text.
const SNIFF: usize = 64 * 1024;

/// All of `reader`, unless its first [`SNIFF`] bytes are clearly binary
/// ([`clearly_binary`]): then only those, which the decoding refuses with
/// the same words it would use for the whole; so `/dev/zero` or an endless
/// pipe of zero bytes is refused at once instead of filling the memory.
fn read_bounded(name: &str, mut reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    (&mut reader).take(SNIFF as u64).read_to_end(&mut bytes)?;
    if bytes.len() == SNIFF && clearly_binary(name, &bytes) {
        return Ok(bytes);
    }
    reader.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Zero bytes at both even and odd places (a tenth of each or more), in a
/// file that is not a spreadsheet: not text in any encoding emograph reads
/// (UTF-16 text has its zero bytes on one side only).
fn clearly_binary(name: &str, head: &[u8]) -> bool {
    if SourceKind::of(name, head) != SourceKind::Text
        || encoding_rs::Encoding::for_bom(head).is_some()
    {
        return false;
    }
    let zeros = |from: usize| {
        head.iter()
            .skip(from)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    zeros(0) * 10 >= half && zeros(1) * 10 >= half
}

/// The name used in messages for an input path.
pub fn display_name(path: &str) -> &str {
    if path == "-" {
        STDIN_NAME
    } else {
        path
    }
}

/// Read and validate a sheet of cases.
pub fn load(path: &str, options: &InputOptions) -> Result<Dataset, InputError> {
    if let Some(Sheet::Cases(ds)) = parallel::read_file(path, options) {
        return Ok(ds);
    }
    let bytes = read_bytes(path)?;
    parse_owned(display_name(path), bytes, options)
}

/// Read and validate a sheet of cases or a pre-aggregated summary.
pub fn load_sheet(path: &str, options: &InputOptions) -> Result<Sheet, InputError> {
    if let Some(sheet) = parallel::read_file(path, options) {
        return Ok(sheet);
    }
    let bytes = read_bytes(path)?;
    parse_sheet(display_name(path), bytes, options)
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
    match parse_sheet(name, bytes, options)? {
        Sheet::Cases(ds) => Ok(ds),
        Sheet::Summary(_) => Err(InputError::new(
            Location::file(name),
            "this is a pattern summary (a median per step), not a sheet of cases",
            "one row per step and case with a feeling, or one column per participant",
        )
        .with_hint("`emograph pattern` and `emograph plot` read summaries")),
    }
}

/// Read a sheet of cases or a summary, already in memory, with the reader
/// its kind needs; `name` is used in messages.
pub fn parse_sheet(
    name: &str,
    bytes: Vec<u8>,
    options: &InputOptions,
) -> Result<Sheet, InputError> {
    match SourceKind::of(name, &bytes) {
        SourceKind::Book(kind) => sheet::read(name, bytes, kind, options),
        SourceKind::Journey(kind) => mermaid::read(name, bytes, options, kind),
        SourceKind::Text => text::read(name, bytes, options),
    }
}

/// The kinds of file emograph reads, each with its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// Delimited text: CSV, TSV, `;`-separated (any encoding).
    Text,
    /// A spreadsheet file.
    Book(sheet::BookKind),
    /// A Mermaid journey (`.mmd`, a Markdown file, or text that starts with `journey`).
    Journey(mermaid::Kind),
}

impl SourceKind {
    /// What `bytes` (named `name`) are: a spreadsheet by its first bytes (a
    /// ZIP or an old Office file), or by its extension; text otherwise.
    pub fn of(name: &str, bytes: &[u8]) -> SourceKind {
        if let Some(kind) = sheet::BookKind::of(name, bytes) {
            return SourceKind::Book(kind);
        }
        match mermaid::kind_of(name, bytes) {
            Some(kind) => SourceKind::Journey(kind),
            None => SourceKind::Text,
        }
    }
}

/// How a source was written, as `validate` shows it, and what was learnt
/// before the rows were read (the builders carry it into the sheet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFormat {
    /// e.g. `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`, `windows-1255`; for a
    /// spreadsheet file, what kind it is.
    pub encoding: String,
    /// The delimiter between a text file's fields.
    pub delimiter: char,
    /// The file as the user named it (messages may name a worksheet too).
    pub file: String,
    /// `csv`, or the spreadsheet's kind (`xlsx`, `xls`, `xlsb`, `ods`).
    pub format: &'static str,
    /// The worksheet read, and the book's other worksheets.
    pub sheet: Option<String>,
    pub other_sheets: Vec<String>,
    /// The header's line when rows above it were left out or it was chosen.
    pub header_row: Option<u64>,
    /// Warnings about the source, shown before the builder's own.
    pub notes: Vec<Warning>,
}

impl SourceFormat {
    /// A text file's format.
    pub fn text(file: &str, encoding: String, delimiter: char) -> Self {
        SourceFormat {
            encoding,
            delimiter,
            file: file.to_string(),
            format: "csv",
            sheet: None,
            other_sheets: Vec::new(),
            header_row: None,
            notes: Vec::new(),
        }
    }
}

/// From rows to a sheet, whatever reader gives them: find the header
/// ([`header::find`]: the first row that names a step column and a feeling
/// column or participants, else the first row that is not blank; or the
/// row `--header-row` names); the header (or the user's choice) decides
/// between a summary and a sheet of cases; every later row that is not
/// blank goes to the builder of that.
pub fn read_rows(
    name: &str,
    rows: &mut impl RowSource,
    options: &InputOptions,
    format: SourceFormat,
) -> Result<Sheet, InputError> {
    read_rows_pending(name, rows, options, format)?.finish()
}

/// Every row read, the sheet not yet built: a reader that holds the whole
/// text lets it go before [`Pending::finish`], which is when the most
/// memory is in use (the rows of every case, then the points made from them).
enum Pending<'a> {
    Summary(Box<summary::SummaryBuilder<'a>>),
    Table(Box<table::TableBuilder<'a>>),
}

impl Pending<'_> {
    /// Build the sheet from the rows read.
    fn finish(self) -> Result<Sheet, InputError> {
        match self {
            Pending::Summary(b) => b.finish().map(Sheet::Summary),
            Pending::Table(b) => b.finish().map(Sheet::Cases),
        }
    }
}

/// [`read_rows`] up to the building of the sheet.
fn read_rows_pending<'n>(
    name: &'n str,
    rows: &mut impl RowSource,
    options: &InputOptions,
    format: SourceFormat,
) -> Result<Pending<'n>, InputError> {
    let mut pending = begin(name, rows, options, format)?;
    match &mut pending {
        Pending::Summary(b) => row::feed(rows, b.as_mut())?,
        Pending::Table(b) => row::feed(rows, b.as_mut())?,
    }
    Ok(pending)
}

/// Find the header of `rows` and make the builder it calls for, leaving
/// `rows` at the first row under the header.
fn begin<'n>(
    name: &'n str,
    rows: &mut impl RowSource,
    options: &InputOptions,
    mut format: SourceFormat,
) -> Result<Pending<'n>, InputError> {
    let Some(found) = header::find(name, rows, options)? else {
        return Err(InputError::new(
            Location::file(name),
            if format.sheet.is_some() {
                "the sheet is empty"
            } else {
                "the file is empty"
            },
            "a header row and one row per step",
        ));
    };
    if let Some(note) = found.note() {
        format.notes.insert(0, note);
    }
    if found.above > 0 || options.header_row.is_some() {
        format.header_row = Some(found.at.line());
    }
    let header_fields: Vec<&str> = found.cells.iter().map(String::as_str).collect();
    let map = ColumnMap::from_header(&header_fields);
    let is_summary = match options.layout {
        LayoutChoice::Summary => true,
        LayoutChoice::Auto => {
            map.get(columns::Role::Median).is_some() && map.get(columns::Role::Feeling).is_none()
        }
        LayoutChoice::Long | LayoutChoice::Wide => false,
    };
    let header_at = found.at;
    if is_summary {
        let builder = summary::SummaryBuilder::new(
            name,
            &header_fields,
            header_at,
            map,
            options.scale.unwrap_or(Scale::DEFAULT),
            format,
        )
        .map_err(|e| found.explain(e))?;
        return Ok(Pending::Summary(Box::new(builder)));
    }
    let builder = table::TableBuilder::new(name, &header_fields, header_at, map, options, format)
        .map_err(|e| found.explain(e))?;
    Ok(Pending::Table(Box::new(builder)))
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
        assert_eq!(d.source.shape, crate::model::SheetShape::Long);
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
        assert_eq!(d.source.shape, crate::model::SheetShape::Wide);
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

    proptest::proptest! {
        /// Whatever the bytes, reading either succeeds with a usable dataset
        /// or fails with a located error; it never panics.
        #[test]
        fn any_bytes_read_or_fail_cleanly(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            match parse_sheet("p.csv", bytes, &InputOptions::default()) {
                Ok(Sheet::Cases(ds)) => {
                    proptest::prop_assert!(!ds.cases.is_empty());
                    for c in &ds.cases {
                        proptest::prop_assert!(c.points.iter().all(|p| ds.scale.contains(p.feeling)));
                        proptest::prop_assert!(c.points.windows(2).all(|w| w[0].step < w[1].step));
                    }
                }
                Ok(Sheet::Summary(s)) => proptest::prop_assert!(!s.steps.is_empty()),
                Err(e) => proptest::prop_assert_eq!(e.location.file.as_str(), "p.csv"),
            }
        }

        /// Sheet-like text built from awkward pieces (quotes, delimiters,
        /// Hebrew, signs, words) never panics either.
        #[test]
        fn sheet_like_text_reads_or_fails_cleanly(cells in proptest::collection::vec(
            proptest::sample::select(vec!["step", "feeling", "case", "\"", ",", ";", "\n", "\r\n", "\r", "-3", "Total", "N/A", "respondent", "Title", "ממוצע", "2,5", "+1", "\u{2212}2", "WOW", "שלב", "תחושה", "", " ", "x", "median", "1e999", "NaN"]),
            0..80,
        )) {
            let text: String = cells.concat();
            let _ = parse_sheet("p.csv", text.into_bytes(), &InputOptions::default());
        }
    }

    /// The message of the error reading `text`, with its position.
    fn error_text(text: &str) -> String {
        parse_sheet("t.csv", text.as_bytes().to_vec(), &InputOptions::default())
            .map(|_| ())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn errors_name_the_cell_in_every_shape() {
        // Wide: a participant's cell.
        assert!(error_text("step,Dana,Yossi\na,1, x\n")
            .starts_with("t.csv:2:5: feeling \"x\" is not a number or a feeling word"));
        // A filled cell beyond the header's columns.
        assert!(
            error_text("step,feeling\na,1,,z\n").starts_with("t.csv:2:6: this row has 4 fields")
        );
        // After a quoted cell over two lines, the time cell is on the second.
        assert!(
            error_text("step,feeling,note,time\na,1,\"two\nlines\",1h\nb,2,\"x\ny\",30m\n")
                .starts_with("t.csv:5:4: time goes backwards in case \"t\": earlier than line 2")
        );
        // A summary names the step's cell and the first line it was on.
        assert!(error_text("step,median\na,1\na,2\n")
            .starts_with("t.csv:3:1: step \"a\" appears twice in the summary (first on line 2)"));
        // Figures that do not hold together name the row.
        assert!(error_text("step,median,p25\na,1,2\n")
            .starts_with("t.csv:2:1: step \"a\": p25 2 is above median 1"));
    }

    /// Counts the bytes handed out.
    struct Counted<R> {
        inner: R,
        read: usize,
    }

    impl<R: Read> Read for Counted<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.read += n;
            Ok(n)
        }
    }

    #[test]
    fn an_endless_stream_of_zero_bytes_is_not_read_to_its_end() {
        let mut zeros = Counted {
            inner: std::io::repeat(0).take(64 * 1024 * 1024),
            read: 0,
        };
        let bytes = read_bounded("-", &mut zeros).unwrap();
        assert!(zeros.read <= 2 * SNIFF, "read {} bytes", zeros.read);
        let e = parse_sheet(STDIN_NAME, bytes, &InputOptions::default()).unwrap_err();
        assert!(
            e.to_string().contains("this is a binary file, not text"),
            "{e}"
        );
    }

    #[test]
    fn text_and_spreadsheets_are_read_whole() {
        // UTF-16 without a byte-order mark: zero bytes on one side only.
        let utf16: Vec<u8> = "step,feeling\na,1\n"
            .repeat(SNIFF / 10)
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let read = read_bounded("t.csv", &utf16[..]).unwrap();
        assert_eq!(read.len(), utf16.len());
        // An old Office file is full of zero bytes: still read whole.
        let mut xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
        xls.resize(3 * SNIFF, 0);
        assert_eq!(read_bounded("t.xls", &xls[..]).unwrap().len(), xls.len());
    }

    #[test]
    fn ragged_row_is_an_error() {
        let e = parse_str("step,feeling,note\na,1,x\nb,2\n").unwrap_err();
        assert_eq!(e.location.line(), Some(3));
        assert!(e.problem.contains("2 fields"), "{e}");
    }
}
