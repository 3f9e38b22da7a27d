//! Errors a user can act on. Each one prints as a single line naming where
//! the problem is, what is wrong and what was expected, plus an optional hint.

use std::fmt;

/// Where a cell is in its source. A text file places it by line and
/// character column (`5:3`); a worksheet by row and column (`5:C`), the
/// sheet's name being part of the source's name (`book.xlsx[Sheet1]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellPos {
    /// 1-based line and 1-based character column of a text file.
    Text { line: u64, column: u64 },
    /// 1-based row and 1-based column of a worksheet (column 3 prints `C`).
    Sheet { row: u64, column: u64 },
}

impl CellPos {
    /// The line of a text file, or the row of a worksheet.
    pub fn line(&self) -> u64 {
        match *self {
            CellPos::Text { line, .. } => line,
            CellPos::Sheet { row, .. } => row,
        }
    }

    /// The 1-based column (a character count in text, a column number in a worksheet).
    pub fn column(&self) -> u64 {
        match *self {
            CellPos::Text { column, .. } | CellPos::Sheet { column, .. } => column,
        }
    }
}

impl fmt::Display for CellPos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            CellPos::Text { line, column } => write!(f, "{line}:{column}"),
            CellPos::Sheet { row, column } => write!(f, "{row}:{}", column_letters(column)),
        }
    }
}

/// A worksheet column's letters as spreadsheet programs show them:
/// 1 is `A`, 26 `Z`, 27 `AA`.
pub fn column_letters(column: u64) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(b'A' + digit as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Where in the input a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The source as the user named it (`<stdin>` for `-`).
    pub file: String,
    /// The cell (or the start of the row), when known.
    pub pos: Option<CellPos>,
}

impl Location {
    pub fn file(file: &str) -> Self {
        Location {
            file: file.to_string(),
            pos: None,
        }
    }

    /// A cell of a source.
    pub fn cell(file: &str, pos: CellPos) -> Self {
        Location {
            file: file.to_string(),
            pos: Some(pos),
        }
    }

    /// Line and character column of a text file.
    pub fn at(file: &str, line: u64, column: u64) -> Self {
        Location::cell(file, CellPos::Text { line, column })
    }

    /// The line (or worksheet row), when known.
    pub fn line(&self) -> Option<u64> {
        self.pos.map(|p| p.line())
    }

    /// The column, when known.
    pub fn column(&self) -> Option<u64> {
        self.pos.map(|p| p.column())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(pos) = self.pos {
            write!(f, ":{pos}")?;
        }
        Ok(())
    }
}

/// Bad input or data: exit code 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Boxed to keep `Result<_, InputError>` small on the hot path.
    pub location: Box<Location>,
    /// What is wrong, e.g. `feeling "happpy" is not a feeling word`.
    pub problem: String,
    /// What was expected, e.g. `a number on the scale -5..5`.
    pub expected: String,
    /// A suggestion printed on a second line, when one helps.
    pub hint: Option<String>,
}

impl InputError {
    pub fn new(
        location: Location,
        problem: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        InputError {
            location: Box::new(location),
            problem: problem.into(),
            expected: expected.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.problem)?;
        if !self.expected.is_empty() {
            write!(f, " — expected {}", self.expected)?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// A flag value that is wrong in itself (not the data): exit code 2, like
/// clap's own usage errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Not an error in the input: what `compare --fail-if-worse` found
/// significantly worse after than before (exit code 3, each named on
/// standard error), reported once every output is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("significantly worse after than before: {}", .0.join(", "))]
pub struct WorseAfter(pub Vec<String>);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Bidi controls: embeddings and overrides (U+202A–U+202E), isolates
/// (U+2066–U+2069) and the marks U+200E, U+200F, U+061C. In a terminal or a
/// picture they reorder what follows them, so a cell could show text in an
/// order other than the one it holds.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Make any text safe to print on one terminal line inside an error or a
/// text report: control characters (C0, DEL, C1) and bidi controls are
/// shown escaped (`\u{202e}`), so a hostile cell cannot move the cursor,
/// forge a second line or reorder the text after it.
pub fn quote(text: &str) -> String {
    let mut shown: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        shown.push('…');
    }
    let mut out = String::from("\"");
    for c in shown.chars() {
        if c.is_control() || is_bidi_control(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_shows_controls_and_bidi_controls_as_escapes() {
        assert_eq!(quote("a\u{202E}b"), "\"a\\u{202e}b\"");
        assert_eq!(quote("\u{2066}x\u{2069}"), "\"\\u{2066}x\\u{2069}\"");
        assert_eq!(quote("\u{200F}\u{061C}"), "\"\\u{200f}\\u{61c}\"");
        assert_eq!(quote("\u{1b}[31m\u{7}"), "\"\\u{1b}[31m\\u{7}\"");
        assert_eq!(quote("\u{9b}"), "\"\\u{9b}\"");
        // Hebrew and other right-to-left letters stay as they are.
        assert_eq!(quote("חשבון"), "\"חשבון\"");
    }

    #[test]
    fn displays_one_line_with_location() {
        let e = InputError::new(
            Location::at("a.csv", 3, 7),
            "feeling \"x\" is not a number",
            "a number from -5 to 5",
        );
        assert_eq!(
            e.to_string(),
            "a.csv:3:7: feeling \"x\" is not a number — expected a number from -5 to 5"
        );
    }

    #[test]
    fn positions_print_as_text_lines_or_sheet_cells() {
        assert_eq!(Location::at("a.csv", 5, 3).to_string(), "a.csv:5:3");
        assert_eq!(Location::file("a.csv").to_string(), "a.csv");
        let cell = Location::cell("book.xlsx[Sheet1]", CellPos::Sheet { row: 5, column: 3 });
        assert_eq!(cell.to_string(), "book.xlsx[Sheet1]:5:C");
        assert_eq!((cell.line(), cell.column()), (Some(5), Some(3)));
        assert_eq!(Location::file("a.csv").line(), None);
    }

    #[test]
    fn column_letters_count_like_spreadsheets() {
        let letters: Vec<String> = [1, 2, 26, 27, 52, 53, 702, 703, 16384]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(
            letters,
            ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]
        );
    }

    #[test]
    fn quote_escapes_controls_and_shortens() {
        assert_eq!(quote("a\nb\u{1b}"), "\"a\\nb\\u{1b}\"");
        assert!(quote(&"x".repeat(100)).ends_with("…\""));
    }
}

/// Failures already reported on standard error (e.g. the groups of a batch
/// that failed): exit code 1 with nothing more printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported;

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("some outputs failed (reported above)")
    }
}

impl std::error::Error for Reported {}
