//! Errors a user can act on. Each one prints as a single line naming where
//! the problem is, what is wrong and what was expected, plus an optional hint.

use std::fmt;

/// Where in the input a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it (`<stdin>` for `-`).
    pub file: String,
    /// 1-based line in the text, when known.
    pub line: Option<u64>,
    /// 1-based character column in that line, when known.
    pub column: Option<u64>,
}

impl Location {
    pub fn file(file: &str) -> Self {
        Location {
            file: file.to_string(),
            line: None,
            column: None,
        }
    }

    pub fn at(file: &str, line: u64, column: u64) -> Self {
        Location {
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
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

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Make any text safe to print on one terminal line inside an error: control
/// characters are shown escaped, so a hostile cell cannot move the cursor or
/// forge a second line.
pub fn quote(text: &str) -> String {
    let mut shown: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        shown.push('…');
    }
    let mut out = String::from("\"");
    for c in shown.chars() {
        if c.is_control() {
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
    fn quote_escapes_controls_and_shortens() {
        assert_eq!(quote("a\nb\u{1b}"), "\"a\\nb\\u{1b}\"");
        assert!(quote(&"x".repeat(100)).ends_with("…\""));
    }
}
