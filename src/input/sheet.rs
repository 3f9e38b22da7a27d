//! Spreadsheet files (.xlsx, .xlsm, .xls, .xlsb, .ods), read with calamine:
//! one worksheet (the first, or `--sheet NAME` / `--sheet N`) becomes rows
//! of cell texts ([`SheetRows`]) handed to [`super::read_rows`], as a text
//! file's records are. Cells are read as values: numbers, text, the cached
//! results of formulas; dates and times become text the time column reads
//! (`2026-03-01T14:30:00` for a date, `1:30:00` for a duration or a time of
//! day). Messages name the worksheet and the cell: `book.xlsx[Sheet1]:5:C`.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, Sheets, Xls, Xlsb, Xlsx};
use csv::StringRecord;

use super::row::{Row, RowSource};
use super::{InputOptions, SourceFormat};
use crate::error::{quote, InputError, Location};
use crate::model::{Sheet, Warning};

/// The kinds of spreadsheet file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookKind {
    /// Office Open XML: .xlsx, .xlsm.
    Xlsx,
    /// Excel 97–2003: .xls.
    Xls,
    /// Excel binary workbook: .xlsb.
    Xlsb,
    /// OpenDocument spreadsheet: .ods.
    Ods,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

impl BookKind {
    /// What a spreadsheet file is, from its first bytes and its name;
    /// `None` for anything else (text).
    pub fn of(name: &str, bytes: &[u8]) -> Option<BookKind> {
        let ext = std::path::Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let by_name = match ext.as_deref() {
            Some("xlsx" | "xlsm") => Some(BookKind::Xlsx),
            Some("xls") => Some(BookKind::Xls),
            Some("xlsb") => Some(BookKind::Xlsb),
            Some("ods") => Some(BookKind::Ods),
            _ => None,
        };
        if bytes.starts_with(ZIP) {
            let head = &bytes[..bytes.len().min(200)];
            let ods = head
                .windows(b"opendocument.spreadsheet".len())
                .any(|w| w == b"opendocument.spreadsheet");
            return Some(match by_name {
                _ if ods => BookKind::Ods,
                Some(BookKind::Xlsb) => BookKind::Xlsb,
                _ => BookKind::Xlsx,
            });
        }
        if bytes.starts_with(OLE) {
            // An .xlsx protected by a password is an OLE file too.
            return Some(by_name.unwrap_or(BookKind::Xls));
        }
        // A spreadsheet's name on bytes that are neither: said by the reader.
        by_name
    }

    /// The word `validate` shows for the kind.
    pub fn word(self) -> &'static str {
        match self {
            BookKind::Xlsx => "xlsx",
            BookKind::Xls => "xls",
            BookKind::Xlsb => "xlsb",
            BookKind::Ods => "ods",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            BookKind::Xlsx => "an Excel workbook (.xlsx)",
            BookKind::Xls => "an Excel 97-2003 workbook (.xls)",
            BookKind::Xlsb => "an Excel binary workbook (.xlsb)",
            BookKind::Ods => "an OpenDocument spreadsheet (.ods)",
        }
    }
}

type Book = Sheets<Cursor<Vec<u8>>>;

/// Open the book, or say in words why it cannot be read.
fn open(name: &str, bytes: Vec<u8>, kind: BookKind) -> Result<Book, InputError> {
    let bad = |why: String| {
        InputError::new(
            Location::file(name),
            why,
            format!("{} that a spreadsheet program opens", kind.describe()),
        )
    };
    if !bytes.starts_with(ZIP) && !bytes.starts_with(OLE) {
        return Err(bad(format!(
            "this file is named like a spreadsheet but is not {}",
            kind.describe()
        ))
        .with_hint("if it is a CSV file, give it the .csv extension"));
    }
    let password = bytes.starts_with(OLE) && has_encrypted_package(&bytes);
    let cursor = Cursor::new(bytes);
    let opened = match kind {
        BookKind::Xlsx => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
        BookKind::Xls => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        BookKind::Xlsb => open_workbook_from_rs::<Xlsb<_>, _>(cursor)
            .map(Sheets::Xlsb)
            .map_err(|e| e.to_string()),
        BookKind::Ods => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
    };
    opened.map_err(|why| {
        if password || why.to_ascii_lowercase().contains("password") {
            bad("the workbook is protected by a password".to_string())
                .with_hint("save a copy without the password (File › Save As…, without \"Save with password\") and read that")
        } else {
            bad(format!("the spreadsheet cannot be read: it is damaged or not {} ({why})", kind.describe()))
        }
    })
}

/// An OLE file holding an `EncryptedPackage` stream: Office's encrypted (password) workbook.
fn has_encrypted_package(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// The worksheet `--sheet` names: a name (exact, else ignoring case and
/// spaces), else a 1-based position; the first sheet without `--sheet`.
fn choose(name: &str, names: &[String], wanted: Option<&str>) -> Result<usize, InputError> {
    let Some(wanted) = wanted else {
        return Ok(0);
    };
    if let Some(i) = names.iter().position(|n| n == wanted) {
        return Ok(i);
    }
    let folded = |s: &str| s.trim().to_lowercase();
    if let Some(i) = names.iter().position(|n| folded(n) == folded(wanted)) {
        return Ok(i);
    }
    if let Ok(n) = wanted.trim().parse::<usize>() {
        if (1..=names.len()).contains(&n) {
            return Ok(n - 1);
        }
    }
    Err(InputError::new(
        Location::file(name),
        format!("no sheet {} in this book", quote(wanted)),
        format!(
            "one of its sheets: {} (by name, or by number 1 to {})",
            names
                .iter()
                .map(|n| quote(n))
                .collect::<Vec<_>>()
                .join(", "),
            names.len()
        ),
    ))
}

/// Read one worksheet of a spreadsheet file as a sheet of cases or a summary.
pub fn read(
    name: &str,
    bytes: Vec<u8>,
    kind: BookKind,
    options: &InputOptions,
) -> Result<Sheet, InputError> {
    let mut book = open(name, bytes, kind)?;
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(InputError::new(
            Location::file(name),
            "the workbook has no worksheets",
            "a worksheet with a header row and one row per step",
        ));
    }
    let index = choose(name, &names, options.sheet.as_deref())?;
    let chosen = names[index].clone();
    let located = format!("{name}[{chosen}]");
    let range = book.worksheet_range(&chosen).map_err(|e| {
        InputError::new(
            Location::file(&located),
            format!("this worksheet cannot be read ({e})"),
            format!("{} that a spreadsheet program opens", kind.describe()),
        )
    })?;
    let others: Vec<String> = names
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != index)
        .map(|(_, n)| n.clone())
        .collect();
    if range.is_empty()
        || range
            .used_cells()
            .all(|(_, _, d)| text_of(d).trim().is_empty())
    {
        let e = InputError::new(
            Location::file(&located),
            "the sheet is empty",
            "a header row and one row per step",
        );
        return Err(if others.is_empty() {
            e
        } else {
            e.with_hint(format!(
                "the book's other sheets: {}; choose one with --sheet NAME",
                others
                    .iter()
                    .map(|n| quote(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        });
    }
    let mut format = SourceFormat::text(name, kind.word().to_string(), '\0');
    format.format = kind.word();
    format.sheet = Some(chosen);
    format.other_sheets = others;
    if options.delimiter.is_some() || options.encoding.is_some() {
        format.notes.push(Warning::new(
            "flag_ignored",
            "--delimiter and --encoding are for text files: a spreadsheet's cells are read as they are",
        ));
    }
    let mut rows = SheetRows::new(&range);
    super::read_rows(&located, &mut rows, options, format)
}

/// The rows of a worksheet, as cell texts in one reused record.
pub struct SheetRows<'r> {
    range: &'r Range<Data>,
    /// 0-based index of the next row within the range.
    next: usize,
    /// 0-based row and column of the range's first cell in the worksheet.
    origin: (u32, u32),
    record: StringRecord,
    text: String,
}

impl<'r> SheetRows<'r> {
    pub fn new(range: &'r Range<Data>) -> Self {
        SheetRows {
            range,
            next: 0,
            origin: range.start().unwrap_or((0, 0)),
            record: StringRecord::new(),
            text: String::new(),
        }
    }
}

impl RowSource for SheetRows<'_> {
    fn next_row(&mut self) -> Result<Option<Row<'_>>, InputError> {
        let Some(cells) = self.range.rows().nth(self.next) else {
            return Ok(None);
        };
        self.record.clear();
        for cell in cells {
            self.text.clear();
            write_text(cell, &mut self.text);
            self.record.push_field(&self.text);
        }
        let row = u64::from(self.origin.0) + self.next as u64 + 1;
        self.next += 1;
        Ok(Some(Row::sheet(
            &self.record,
            row,
            u64::from(self.origin.1) + 1,
        )))
    }

    fn rewind(&mut self) {
        self.next = 0;
    }
}

/// A cell's value as text.
fn text_of(cell: &Data) -> String {
    let mut s = String::new();
    write_text(cell, &mut s);
    s
}

/// A cell's value as the text a CSV export would hold: numbers in full
/// (`2.5`, `-3`), text as it is, a formula's cached result, `TRUE`/`FALSE`,
/// errors as the sheet shows them (`#DIV/0!`), dates as
/// `YYYY-MM-DDTHH:MM:SS` and durations or times of day as `H:MM:SS`.
fn write_text(cell: &Data, out: &mut String) {
    use std::fmt::Write;
    match cell {
        Data::Empty => {}
        Data::String(s) => out.push_str(s),
        Data::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Data::Float(f) => {
            let _ = write!(out, "{f}");
        }
        Data::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        Data::Error(e) => {
            let _ = write!(out, "{e}");
        }
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            if dt.is_duration() || (0.0..1.0).contains(&serial) {
                write_clock(serial * 86_400.0, out);
            } else {
                let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
                // Round to the second, carrying into the minute only when it stays on the clock.
                let s = if ms >= 500 && s < 59 { s + 1 } else { s };
                let _ = write!(out, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}");
            }
        }
        Data::DateTimeIso(s) => out.push_str(s),
        Data::DurationIso(s) => match iso_duration_seconds(s) {
            Some(secs) => write_clock(secs, out),
            None => out.push_str(s),
        },
    }
}

/// Seconds as an elapsed clock reading `H:MM:SS` (hours unbounded).
fn write_clock(seconds: f64, out: &mut String) {
    use std::fmt::Write;
    if !seconds.is_finite() {
        return;
    }
    let total = seconds.round().max(0.0) as u64;
    let _ = write!(
        out,
        "{}:{:02}:{:02}",
        total / 3600,
        total / 60 % 60,
        total % 60
    );
}

/// An ISO 8601 duration as OpenDocument writes it (`PT01H30M00S`,
/// `P2DT3H`), in seconds; `None` when it is not one.
fn iso_duration_seconds(text: &str) -> Option<f64> {
    let rest = text.trim().strip_prefix('P')?;
    let mut seconds = 0.0;
    let mut in_time = false;
    let mut number = String::new();
    for c in rest.chars() {
        match c {
            'T' if number.is_empty() => in_time = true,
            '0'..='9' | '.' | ',' => number.push(if c == ',' { '.' } else { c }),
            unit => {
                let v: f64 = number.parse().ok()?;
                number.clear();
                seconds += v * match (unit, in_time) {
                    ('W', false) => 604_800.0,
                    ('D', false) => 86_400.0,
                    ('H', true) => 3_600.0,
                    ('M', true) => 60.0,
                    ('S', true) => 1.0,
                    _ => return None,
                };
            }
        }
    }
    number.is_empty().then_some(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn kinds_come_from_the_first_bytes_then_the_name() {
        assert_eq!(BookKind::of("a.xlsx", b"PK\x03\x04x"), Some(BookKind::Xlsx));
        assert_eq!(BookKind::of("-", b"PK\x03\x04x"), Some(BookKind::Xlsx));
        let ods = b"PK\x03\x04........mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
        assert_eq!(BookKind::of("a.xlsx", ods), Some(BookKind::Ods));
        assert_eq!(BookKind::of("a.bin", OLE), Some(BookKind::Xls));
        assert_eq!(BookKind::of("a.ODS", b"step,feeling"), Some(BookKind::Ods));
        assert_eq!(BookKind::of("a.csv", b"step,feeling"), None);
    }

    #[test]
    fn cells_become_the_text_a_csv_export_holds() {
        let date = |v: f64, t| Data::DateTime(ExcelDateTime::new(v, t, false));
        let cases = [
            (Data::Int(-3), "-3"),
            (Data::Float(2.5), "2.5"),
            (Data::Float(4.0), "4"),
            (Data::String("WOW".into()), "WOW"),
            (Data::Bool(true), "TRUE"),
            (Data::Error(CellErrorType::Div0), "#DIV/0!"),
            (Data::Empty, ""),
            // 2026-03-01 14:30 in Excel's 1900 date system.
            (
                date(46082.604166666664, ExcelDateTimeType::DateTime),
                "2026-03-01T14:30:00",
            ),
            (date(1.0625, ExcelDateTimeType::TimeDelta), "25:30:00"),
            (date(0.375, ExcelDateTimeType::DateTime), "9:00:00"),
            (
                Data::DateTimeIso("2026-03-01T14:30:00".into()),
                "2026-03-01T14:30:00",
            ),
            (Data::DurationIso("PT01H30M00S".into()), "1:30:00"),
            (Data::DurationIso("P1DT2H".into()), "26:00:00"),
        ];
        for (cell, want) in cases {
            assert_eq!(text_of(&cell), want, "{cell:?}");
        }
    }

    #[test]
    fn sheets_are_chosen_by_name_or_number() {
        let names = vec!["Raw".to_string(), "Workshop A".to_string()];
        assert_eq!(choose("b.xlsx", &names, None).unwrap(), 0);
        assert_eq!(choose("b.xlsx", &names, Some("Workshop A")).unwrap(), 1);
        assert_eq!(choose("b.xlsx", &names, Some(" workshop a")).unwrap(), 1);
        assert_eq!(choose("b.xlsx", &names, Some("2")).unwrap(), 1);
        let e = choose("b.xlsx", &names, Some("3")).unwrap_err().to_string();
        assert_eq!(
            e,
            "b.xlsx: no sheet \"3\" in this book — expected one of its sheets: \"Raw\", \"Workshop A\" (by name, or by number 1 to 2)"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Damaged books (a real one cut short or with bytes changed, or
        /// noise behind a spreadsheet's first bytes) fail with a message, never a panic.
        #[test]
        fn damaged_books_never_panic(
            cut in 0.0f64..1.3,
            flips in proptest::collection::vec((0.0f64..1.0, proptest::prelude::any::<u8>()), 0..6),
            xlsx in proptest::prelude::any::<bool>(),
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
            ole in proptest::prelude::any::<bool>(),
        ) {
            let (file, kind) = if xlsx {
                ("workshop-cinema-he.xlsx", BookKind::Xlsx)
            } else {
                ("cable-install.ods", BookKind::Ods)
            };
            let real = std::fs::read(format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let len = real.len() as f64;
            let mut bytes = real[..((cut * len) as usize).min(real.len())].to_vec();
            for (at, b) in flips {
                if let Some(x) = bytes.get_mut((at * len) as usize) {
                    *x = b;
                }
            }
            let _ = read(file, bytes, kind, &InputOptions::default());
            let mut head = if ole { OLE.to_vec() } else { ZIP.to_vec() };
            head.extend(noise);
            let _ = read("b.xlsx", head.clone(), BookKind::Xlsx, &InputOptions::default());
            let _ = read("b.xls", head, BookKind::Xls, &InputOptions::default());
        }
    }

    #[test]
    fn damaged_and_misnamed_books_are_refused_in_words() {
        let e = open("b.xlsx", b"PK\x03\x04broken".to_vec(), BookKind::Xlsx)
            .err()
            .unwrap();
        assert!(
            e.problem.starts_with("the spreadsheet cannot be read"),
            "{e}"
        );
        let e = open("b.xlsx", b"step,feeling\n".to_vec(), BookKind::Xlsx)
            .err()
            .unwrap();
        assert!(e.problem.contains("not an Excel workbook"), "{e}");
        let mut ole = OLE.to_vec();
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        let e = open("b.xlsx", ole, BookKind::Xlsx).err().unwrap();
        assert!(e.problem.contains("password"), "{e}");
    }
}
