//! Feeling cells: numbers as people type them in spreadsheets, and the
//! built-in vocabulary of feeling words (English, Hebrew) and face emoji.
//!
//! Pure functions with no dependencies; nothing here panics on any input.

use std::fmt;
use std::sync::OnceLock;

/// What one feeling cell says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Feeling {
    /// A blank cell: the customer skipped the step. Never read as zero.
    Empty,
    /// A number, in scale units as written.
    Number(f64),
    /// A word or emoji: a position in `-1.0..=1.0`, where 1 is the top of
    /// the scale (WOW), 0 is neutral and -1 is the bottom (frustration).
    Relative(f64),
}

/// Why a feeling cell could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FeelingError {
    /// A number that is not finite: NaN, infinity, or one too large for
    /// an `f64` such as `1e999`. Holds the trimmed cell text.
    NotFinite(String),
    /// Neither a number nor a known feeling word or emoji. `suggestion` is
    /// the nearest vocabulary word, when one is close enough.
    Unknown {
        text: String,
        suggestion: Option<&'static str>,
    },
}

/// Words listed in messages as examples of the vocabulary.
const EXAMPLE_WORDS: &str = "WOW, happy, neutral, angry, frustrated";

impl fmt::Display for FeelingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeelingError::NotFinite(text) => write!(
                f,
                "{} is not a finite number — expected a number on the scale",
                quoted(text)
            ),
            FeelingError::Unknown { text, suggestion } => {
                if starts_like_a_number(text) {
                    write!(
                        f,
                        "{} is not a number — expected a number on the scale such as 3, -2 or 2.5, \
                         or a feeling word such as {EXAMPLE_WORDS}",
                        quoted(text)
                    )?;
                } else {
                    write!(
                        f,
                        "{} is not a feeling — expected a number on the scale \
                         or a feeling word such as {EXAMPLE_WORDS}",
                        quoted(text)
                    )?;
                }
                if let Some(word) = suggestion {
                    write!(f, " (did you mean \"{word}\"?)")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FeelingError {}

/// Read one feeling cell: blank, a number, or a word or emoji from
/// [`vocabulary`].
pub fn parse_feeling(cell: &str) -> Result<Feeling, FeelingError> {
    let text = trim_cell(cell);
    if text.is_empty() || is_not_applicable(text) {
        return Ok(Feeling::Empty);
    }
    match scan_number(text) {
        Scan::Finite(v) => return Ok(Feeling::Number(v)),
        Scan::NotFinite => return Err(FeelingError::NotFinite(text.to_string())),
        Scan::NotANumber => {}
    }
    let key = normalise_word(text);
    if let Some(&(_, level, _)) = lookup().iter().find(|(k, _, _)| *k == key) {
        return Ok(Feeling::Relative(level));
    }
    Err(FeelingError::Unknown {
        text: text.to_string(),
        suggestion: suggest(&key),
    })
}

/// Read a number as a spreadsheet user writes it; `None` when the cell is
/// not a finite number.
///
/// Accepted: surrounding whitespace (also no-break and narrow no-break
/// spaces, and invisible direction marks), a leading `+`, a minus written
/// as `-`, `−` (U+2212) or a dash such as `–` (U+2013), a decimal point or
/// a single decimal comma (`2,5` is 2.5 and `1,234` is 1.234, since sheets
/// hold small scale values), and an exponent (`1e3`). Rejected: thousands
/// separators, several commas or points (`1,2,3`), NaN and infinities.
pub fn parse_number(cell: &str) -> Option<f64> {
    match scan_number(trim_cell(cell)) {
        Scan::Finite(v) => Some(v),
        Scan::NotFinite | Scan::NotANumber => None,
    }
}

/// The built-in vocabulary, for docs and `--help`: (word, relative level).
///
/// Levels run from 1.0 (WOW, the top of the scale) through 0.0 (neutral)
/// to -1.0 (frustration, the bottom), in steps of 0.2, so on the default
/// scale -5..5 every word lands on a whole number. Matching ignores case,
/// surrounding spaces, trailing `!` or `.`, Hebrew vowel points, emoji
/// variation selectors and skin tones.
pub fn vocabulary() -> &'static [(&'static str, f64)] {
    VOCABULARY
}

/// Map a relative level onto a scale: `neutral + r*(max-neutral)` for
/// `r >= 0`, `neutral + r*(neutral-min)` for `r < 0`. `r` is clamped to
/// `-1.0..=1.0`.
pub fn to_scale(r: f64, min: f64, max: f64, neutral: f64) -> f64 {
    let r = r.clamp(-1.0, 1.0);
    if r >= 0.0 {
        neutral + r * (max - neutral)
    } else {
        neutral + r * (neutral - min)
    }
}

/// Ordered from the top of the scale to the bottom; within a level:
/// English, Hebrew (masculine then feminine), emoji and emoticons.
const VOCABULARY: &[(&str, f64)] = &[
    // 1.0 — WOW
    ("WOW", 1.0),
    ("amazing", 1.0),
    ("awesome", 1.0),
    ("fantastic", 1.0),
    ("thrilled", 1.0),
    ("וואו", 1.0),
    ("ואו", 1.0),
    ("מדהים", 1.0),
    ("🤩", 1.0),
    ("🥳", 1.0),
    // 0.8
    ("delighted", 0.8),
    ("excited", 0.8),
    ("great", 0.8),
    ("excellent", 0.8),
    ("מאושר", 0.8),
    ("מאושרת", 0.8),
    ("נלהב", 0.8),
    ("נלהבת", 0.8),
    ("מעולה", 0.8),
    ("😍", 0.8),
    ("🥰", 0.8),
    ("😁", 0.8),
    // 0.6
    ("happy", 0.6),
    ("glad", 0.6),
    ("שמח", 0.6),
    ("שמחה", 0.6),
    ("😀", 0.6),
    ("😃", 0.6),
    ("😄", 0.6),
    ("😆", 0.6),
    (":D", 0.6),
    // 0.4
    ("pleased", 0.4),
    ("satisfied", 0.4),
    ("content", 0.4),
    ("good", 0.4),
    ("relieved", 0.4),
    ("מרוצה", 0.4),
    ("טוב", 0.4),
    ("🙂", 0.4),
    ("😊", 0.4),
    ("👍", 0.4),
    (":)", 0.4),
    (":-)", 0.4),
    // 0.2
    ("ok", 0.2),
    ("okay", 0.2),
    ("fine", 0.2),
    ("alright", 0.2),
    ("בסדר", 0.2),
    ("אוקיי", 0.2),
    ("סבבה", 0.2),
    ("👌", 0.2),
    // 0.0 — neutral
    ("neutral", 0.0),
    ("meh", 0.0),
    ("indifferent", 0.0),
    ("so-so", 0.0),
    ("ניטרלי", 0.0),
    ("ניטרלית", 0.0),
    ("נייטרלי", 0.0),
    ("נייטרלית", 0.0),
    ("אדיש", 0.0),
    ("אדישה", 0.0),
    ("ככה ככה", 0.0),
    ("😐", 0.0),
    ("😶", 0.0),
    ("😑", 0.0),
    // -0.2
    ("annoyed", -0.2),
    ("bored", -0.2),
    ("impatient", -0.2),
    ("confused", -0.2),
    ("unsure", -0.2),
    ("מוטרד", -0.2),
    ("מוטרדת", -0.2),
    ("מעוצבן", -0.2),
    ("מעוצבנת", -0.2),
    ("מבולבל", -0.2),
    ("מבולבלת", -0.2),
    ("😒", -0.2),
    // -0.4
    ("disappointed", -0.4),
    ("worried", -0.4),
    ("anxious", -0.4),
    ("sad", -0.4),
    ("bad", -0.4),
    ("מאוכזב", -0.4),
    ("מאוכזבת", -0.4),
    ("מודאג", -0.4),
    ("מודאגת", -0.4),
    ("עצוב", -0.4),
    ("עצובה", -0.4),
    ("רע", -0.4),
    ("😕", -0.4),
    ("🙁", -0.4),
    ("😟", -0.4),
    ("👎", -0.4),
    (":(", -0.4),
    (":-(", -0.4),
    // -0.6
    ("upset", -0.6),
    ("stressed", -0.6),
    ("unhappy", -0.6),
    ("נסער", -0.6),
    ("נסערת", -0.6),
    ("לחוץ", -0.6),
    ("לחוצה", -0.6),
    ("☹️", -0.6),
    ("😞", -0.6),
    ("😢", -0.6),
    // -0.8
    ("angry", -0.8),
    ("mad", -0.8),
    ("terrible", -0.8),
    ("awful", -0.8),
    ("כועס", -0.8),
    ("כועסת", -0.8),
    ("גרוע", -0.8),
    ("😠", -0.8),
    ("😤", -0.8),
    ("😭", -0.8),
    // -1.0 — frustration
    ("frustrated", -1.0),
    ("furious", -1.0),
    ("מתוסכל", -1.0),
    ("מתוסכלת", -1.0),
    ("זועם", -1.0),
    ("זועמת", -1.0),
    ("😡", -1.0),
    ("🤬", -1.0),
];

/// The vocabulary as (normalised key, level, display word), built once.
fn lookup() -> &'static [(String, f64, &'static str)] {
    static TABLE: OnceLock<Vec<(String, f64, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        VOCABULARY
            .iter()
            .map(|&(word, level)| (normalise_word(word), level, word))
            .collect()
    })
}

/// Characters that take no room and that spreadsheets (or right-to-left
/// text) leave around cell contents: zero-width spaces and joiners,
/// direction marks and embeddings, the byte-order mark, soft hyphens.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Cells people type for "does not apply": `N/A` (any case), `-`, `?`,
/// `לא רלוונטי` (`text` already trimmed, as [`trim_cell`] does). Read as
/// an empty cell: a step the case did not go through.
pub fn is_not_applicable(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b'-' | b'?' | b'n' | b'N' | 0xd7 | 0xe2) => {
            matches!(text, "-" | "?" | "לא רלוונטי" | "\u{2013}" | "\u{2014}")
                || text.eq_ignore_ascii_case("n/a")
        }
        _ => false,
    }
}

/// Trim whitespace (Unicode `White_Space`, which includes U+00A0 and
/// U+202F) and invisible characters from both ends.
#[inline]
pub(crate) fn trim_cell(cell: &str) -> &str {
    // A visible ASCII character at each end: nothing to trim (the common cell).
    let visible = |b: Option<&u8>| b.is_some_and(|b| (b'!'..=b'~').contains(b));
    if visible(cell.as_bytes().first()) && visible(cell.as_bytes().last()) {
        return cell;
    }
    cell.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// Minus written as a hyphen-minus, the minus sign, or a dash.
pub(crate) fn is_minus(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2212}'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{FE63}'
            | '\u{FF0D}'
    )
}

/// Hebrew vowel points and cantillation marks (not letters, not maqaf).
fn is_hebrew_point(c: char) -> bool {
    matches!(
        c,
        '\u{0591}'
            ..='\u{05BD}'
                | '\u{05BF}'
                | '\u{05C1}'
                | '\u{05C2}'
                | '\u{05C4}'
                | '\u{05C5}'
                | '\u{05C7}'
    )
}

/// Emoji presentation details that do not change the meaning:
/// variation selectors and skin-tone modifiers.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
}

/// The form words are compared in: trimmed, invisible characters, Hebrew
/// points and emoji modifiers removed, inner whitespace collapsed to one
/// space, trailing `!` and `.` dropped, lower-cased.
fn normalise_word(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in trim_cell(text).chars() {
        if is_invisible(c) || is_hebrew_point(c) || is_emoji_modifier(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    let kept = out.trim_end_matches(['!', '.', ' ']).len();
    if kept > 0 {
        out.truncate(kept);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Scan {
    NotANumber,
    Finite(f64),
    NotFinite,
}

/// A whole number of one digit (`3`, `-3`), as most cells of a survey's
/// sheet hold, read at once: the number [`parse_feeling`] and
/// [`parse_number`] read it as (`-0` is 0). `None` for any other text.
#[inline]
pub(crate) fn one_digit(text: &str) -> Option<f64> {
    match *text.as_bytes() {
        [d @ b'0'..=b'9'] => Some(f64::from(d - b'0')),
        // Adding zero folds negative zero away.
        [b'-', d @ b'0'..=b'9'] => Some(-f64::from(d - b'0') + 0.0),
        _ => None,
    }
}

/// Read `text` (already trimmed) as a number. See [`parse_number`].
fn scan_number(text: &str) -> Scan {
    if let Some(v) = one_digit(text) {
        return Scan::Finite(v);
    }
    // Fast path for the plain numbers most sheets hold (`-3`, `2.5`): no
    // allocation, which matters on a million rows.
    if !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        if let Ok(v) = text.parse::<f64>() {
            return if v.is_finite() {
                // `-0` is 0: adding zero folds negative zero away.
                Scan::Finite(v + 0.0)
            } else {
                Scan::NotFinite
            };
        }
    }
    let mut chars = text.chars().peekable();
    let mut out = String::with_capacity(text.len() + 1);
    match chars.peek() {
        Some('+') => {
            chars.next();
        }
        Some(&c) if is_minus(c) => {
            out.push('-');
            chars.next();
        }
        _ => {}
    }
    let signed = !out.is_empty() || text.starts_with('+');
    if signed {
        // `- 3`: a space between the sign and the digits is tolerated.
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
    }
    let body: String = chars.collect();
    if matches!(
        body.to_lowercase().as_str(),
        "nan" | "inf" | "infinity" | "∞"
    ) {
        return Scan::NotFinite;
    }
    let mut it = body.chars().peekable();
    let mut digits = 0usize;
    let mut separator = false;
    while let Some(&c) = it.peek() {
        if c.is_ascii_digit() {
            digits += 1;
            out.push(c);
        } else if (c == '.' || c == ',') && !separator {
            separator = true;
            out.push('.');
        } else {
            break;
        }
        it.next();
    }
    if digits == 0 {
        return Scan::NotANumber;
    }
    if it.next_if(|&c| c == 'e' || c == 'E').is_some() {
        out.push('e');
        match it.peek() {
            Some('+') => {
                it.next();
            }
            Some(&c) if is_minus(c) => {
                out.push('-');
                it.next();
            }
            _ => {}
        }
        let mut exponent_digits = 0usize;
        while let Some(c) = it.next_if(char::is_ascii_digit) {
            exponent_digits += 1;
            out.push(c);
        }
        if exponent_digits == 0 {
            return Scan::NotANumber;
        }
    }
    if it.next().is_some() {
        return Scan::NotANumber;
    }
    match out.parse::<f64>() {
        // `+ 0.0` turns -0 into 0.
        Ok(v) if v.is_finite() => Scan::Finite(v + 0.0),
        Ok(_) => Scan::NotFinite,
        Err(_) => Scan::NotANumber,
    }
}

/// A digit, or a sign or decimal separator followed by a digit, at the start.
fn starts_like_a_number(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if c == '+' || c == '.' || c == ',' || is_minus(c) => {
            chars.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The nearest vocabulary word (letters only, not emoji) to a normalised
/// key, by edit distance: at most 1 for keys of up to 4 characters, at most
/// 2 for longer ones. Ties go to the word listed first.
fn suggest(key: &str) -> Option<&'static str> {
    let key: Vec<char> = key.chars().collect();
    if key.is_empty() || key.len() > 40 {
        return None;
    }
    let limit = if key.len() <= 4 { 1 } else { 2 };
    let mut best: Option<(usize, &'static str)> = None;
    for (word, _, display) in lookup() {
        if !word.chars().any(char::is_alphabetic) {
            continue;
        }
        let word: Vec<char> = word.chars().collect();
        if word.len().abs_diff(key.len()) > limit {
            continue;
        }
        let d = edit_distance(&key, &word);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, display));
        }
    }
    best.map(|(_, word)| word)
}

/// Optimal-string-alignment distance: insertions, deletions,
/// substitutions, and swaps of two neighbours each cost 1.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    // Three rows: two back, one back, current.
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[width - 1]
}

/// `"text"`, with control characters escaped and long text shortened, for
/// messages.
fn quoted(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut out = String::from("\"");
    for (i, c) in text.chars().enumerate() {
        if i == MAX_CHARS {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_digit_numbers_read_as_the_parser_reads_them() {
        for text in ["0", "5", "9", "-0", "-3", "-9"] {
            let want = text.parse::<f64>().unwrap() + 0.0;
            match scan_number(text) {
                Scan::Finite(v) => assert_eq!(v.to_bits(), want.to_bits(), "{text}"),
                _ => panic!("{text} is a number"),
            }
        }
    }
    use proptest::prelude::*;

    fn number(cell: &str) -> f64 {
        match parse_feeling(cell) {
            Ok(Feeling::Number(v)) => v,
            other => panic!("{cell:?} gave {other:?}"),
        }
    }

    fn relative(cell: &str) -> f64 {
        match parse_feeling(cell) {
            Ok(Feeling::Relative(r)) => r,
            other => panic!("{cell:?} gave {other:?}"),
        }
    }

    fn unknown(cell: &str) -> Option<&'static str> {
        match parse_feeling(cell) {
            Err(FeelingError::Unknown { suggestion, .. }) => suggestion,
            other => panic!("{cell:?} gave {other:?}"),
        }
    }

    #[test]
    fn blank_cells_are_empty_never_zero() {
        for cell in [
            "",
            " ",
            "\t",
            "\u{00A0}",
            "\u{202F}",
            " \u{200F} ",
            "\u{FEFF}",
        ] {
            assert_eq!(parse_feeling(cell), Ok(Feeling::Empty), "{cell:?}");
        }
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(number("3"), 3.0);
        assert_eq!(number("-2"), -2.0);
        assert_eq!(number("+4"), 4.0);
        assert_eq!(number("0"), 0.0);
        assert_eq!(number("2.5"), 2.5);
        assert_eq!(number(".5"), 0.5);
        assert_eq!(number("5."), 5.0);
        assert_eq!(number("1e1"), 10.0);
        assert_eq!(number("2.5E-1"), 0.25);
        assert_eq!(number("007"), 7.0);
    }

    #[test]
    fn negative_zero_is_zero() {
        let v = number("-0");
        assert!(v == 0.0 && v.is_sign_positive());
    }

    #[test]
    fn whitespace_and_invisible_marks_are_trimmed() {
        assert_eq!(number("  3 "), 3.0);
        assert_eq!(number("\u{00A0}-3\u{00A0}"), -3.0);
        assert_eq!(number("\u{202F}4\u{202F}"), 4.0);
        assert_eq!(number("\u{200F}-1\u{200E}"), -1.0);
        assert_eq!(number("- 3"), -3.0);
        assert_eq!(parse_number("3 4"), None);
    }

    #[test]
    fn unicode_minus_and_dashes() {
        for minus in [
            '\u{2212}', '\u{2013}', '\u{2012}', '\u{2010}', '\u{2014}', '\u{FF0D}',
        ] {
            assert_eq!(number(&format!("{minus}4")), -4.0, "{minus:?}");
            assert_eq!(number(&format!("{minus}2,5")), -2.5, "{minus:?}");
        }
        assert_eq!(number("1e\u{2212}1"), 0.1);
    }

    #[test]
    fn decimal_comma() {
        assert_eq!(number("2,5"), 2.5);
        assert_eq!(number("-0,5"), -0.5);
        assert_eq!(number(",5"), 0.5);
        // A single comma is always a decimal separator.
        assert_eq!(number("1,234"), 1.234);
        assert_eq!(parse_number("1,2,3"), None);
        assert_eq!(parse_number("1.234,5"), None);
        assert_eq!(parse_number("1.2.3"), None);
        assert!(matches!(
            parse_feeling("1,2,3"),
            Err(FeelingError::Unknown { .. })
        ));
    }

    #[test]
    fn not_numbers() {
        for cell in [
            "", "-", "+", ",", ".", "e5", "1e", "1e+", "3/5", "4 stars", "0x10", "--3",
        ] {
            assert_eq!(parse_number(cell), None, "{cell:?}");
        }
    }

    #[test]
    fn non_finite_numbers() {
        for cell in [
            "NaN",
            "nan",
            "inf",
            "-inf",
            "+Infinity",
            "∞",
            "−∞",
            "1e999",
            "-1e400",
        ] {
            assert_eq!(
                parse_feeling(cell),
                Err(FeelingError::NotFinite(cell.to_string())),
                "{cell:?}"
            );
            assert_eq!(parse_number(cell), None, "{cell:?}");
        }
        assert_eq!(
            parse_feeling("1e99999999999999999999999"),
            Err(FeelingError::NotFinite("1e99999999999999999999999".into()))
        );
        // Underflow is just zero.
        assert_eq!(number("1e-999"), 0.0);
    }

    #[test]
    fn english_words_any_case() {
        assert_eq!(relative("WOW"), 1.0);
        assert_eq!(relative("wow"), 1.0);
        assert_eq!(relative("  Wow!! "), 1.0);
        assert_eq!(relative("Happy"), 0.6);
        assert_eq!(relative("OK"), 0.2);
        assert_eq!(relative("okay."), 0.2);
        assert_eq!(relative("neutral"), 0.0);
        assert_eq!(relative("Meh"), 0.0);
        assert_eq!(relative("so-so"), 0.0);
        assert_eq!(relative("ANNOYED"), -0.2);
        assert_eq!(relative("disappointed"), -0.4);
        assert_eq!(relative("upset"), -0.6);
        assert_eq!(relative("angry"), -0.8);
        assert_eq!(relative("Frustrated"), -1.0);
        assert_eq!(relative("furious"), -1.0);
    }

    #[test]
    fn hebrew_words_both_genders() {
        let cases = [
            ("וואו", 1.0),
            ("מאושר", 0.8),
            ("מאושרת", 0.8),
            ("נלהב", 0.8),
            ("נלהבת", 0.8),
            ("שמח", 0.6),
            ("שמחה", 0.6),
            ("מרוצה", 0.4),
            ("בסדר", 0.2),
            ("ניטרלי", 0.0),
            ("ניטרלית", 0.0),
            ("אדיש", 0.0),
            ("מוטרד", -0.2),
            ("מעוצבן", -0.2),
            ("מעוצבנת", -0.2),
            ("מאוכזב", -0.4),
            ("מאוכזבת", -0.4),
            ("נסער", -0.6),
            ("נסערת", -0.6),
            ("כועס", -0.8),
            ("כועסת", -0.8),
            ("מתוסכל", -1.0),
            ("מתוסכלת", -1.0),
        ];
        for (word, level) in cases {
            assert_eq!(relative(word), level, "{word}");
        }
        // Direction marks and vowel points do not matter.
        assert_eq!(relative("\u{200F}שמח\u{200F}"), 0.6);
        assert_eq!(relative("שָׂמֵחַ"), 0.6);
        assert_eq!(relative("וואו!"), 1.0);
        assert_eq!(relative("ככה  ככה"), 0.0);
        assert_eq!(relative("סבבה"), 0.2);
    }

    #[test]
    fn emoji_with_and_without_variation_selector() {
        assert_eq!(relative("🤩"), 1.0);
        assert_eq!(relative("😍"), 0.8);
        assert_eq!(relative("😀"), 0.6);
        assert_eq!(relative("🙂"), 0.4);
        assert_eq!(relative("😐"), 0.0);
        assert_eq!(relative("😕"), -0.4);
        assert_eq!(relative("😠"), -0.8);
        assert_eq!(relative("😡"), -1.0);
        assert_eq!(relative("🤬"), -1.0);
        assert_eq!(relative("☹️"), -0.6);
        assert_eq!(relative("☹"), -0.6);
        assert_eq!(relative("☹\u{FE0E}"), -0.6);
        assert_eq!(relative(" 😢 "), -0.6);
        assert_eq!(relative("👍🏽"), 0.4);
        assert_eq!(relative(":)"), 0.4);
        assert_eq!(relative(":D"), 0.6);
        assert_eq!(relative(":d"), 0.6);
        assert_eq!(relative(":-("), -0.4);
    }

    #[test]
    fn unknown_words_get_a_suggestion_when_close() {
        assert_eq!(unknown("happpy"), Some("happy"));
        assert_eq!(unknown("Hapy"), Some("happy"));
        assert_eq!(unknown("hpapy"), Some("happy"));
        assert_eq!(unknown("frustraded"), Some("frustrated"));
        assert_eq!(unknown("disapointed"), Some("disappointed"));
        assert_eq!(unknown("wo"), Some("WOW"));
        assert_eq!(unknown("angy"), Some("angry"));
        assert_eq!(unknown("מתוסכלל"), Some("מתוסכל"));
        assert_eq!(unknown("banana"), None);
        assert_eq!(unknown("xyz"), None);
        assert_eq!(unknown("🍌"), None);
        assert_eq!(unknown("very very very very very long text here"), None);
    }

    #[test]
    fn messages() {
        let e = parse_feeling("happpy").unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"happpy\" is not a feeling — expected a number on the scale or a feeling word \
             such as WOW, happy, neutral, angry, frustrated (did you mean \"happy\"?)"
        );
        let e = parse_feeling(" NaN ").unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"NaN\" is not a finite number — expected a number on the scale"
        );
        let e = parse_feeling("1,2,3").unwrap_err();
        assert!(
            e.to_string().starts_with("\"1,2,3\" is not a number — "),
            "{e}"
        );
        let e = parse_feeling("a\u{7}\"b").unwrap_err();
        assert!(e.to_string().starts_with("\"a\\u{7}\\\"b\" is not"), "{e}");
        let long = "x".repeat(200);
        let e = parse_feeling(&long).unwrap_err();
        assert!(e.to_string().contains("x…\""), "{e}");
    }

    #[test]
    fn vocabulary_is_well_formed() {
        let vocab = vocabulary();
        assert!(vocab.len() >= 60);
        let mut keys = std::collections::HashSet::new();
        for &(word, level) in vocab {
            assert!((-1.0..=1.0).contains(&level), "{word}");
            // Levels are multiples of 0.2.
            assert!(((level * 5.0).round() - level * 5.0).abs() < 1e-9, "{word}");
            let key = normalise_word(word);
            assert!(keys.insert(key), "{word} listed twice");
            // Every word reads back as itself, and never as a number.
            assert_eq!(parse_feeling(word), Ok(Feeling::Relative(level)), "{word}");
        }
        // Sorted from the top of the scale to the bottom.
        assert!(vocab.windows(2).all(|w| w[0].1 >= w[1].1));
        // Every level from -1 to 1 in steps of 0.2 has an English word.
        for k in -5..=5 {
            let level = f64::from(k) / 5.0;
            assert!(
                vocab.iter().any(|&(w, l)| (l - level).abs() < 1e-9
                    && w.is_ascii()
                    && w.chars().all(|c| c.is_ascii_alphabetic())),
                "{level}"
            );
        }
    }

    #[test]
    fn to_scale_maps_both_halves() {
        assert_eq!(to_scale(1.0, -5.0, 5.0, 0.0), 5.0);
        assert_eq!(to_scale(-1.0, -5.0, 5.0, 0.0), -5.0);
        assert_eq!(to_scale(0.0, -5.0, 5.0, 0.0), 0.0);
        assert!((to_scale(0.6, -5.0, 5.0, 0.0) - 3.0).abs() < 1e-12);
        assert_eq!(to_scale(1.0, 1.0, 5.0, 3.0), 5.0);
        assert_eq!(to_scale(-1.0, 1.0, 5.0, 3.0), 1.0);
        assert_eq!(to_scale(0.0, 1.0, 5.0, 3.0), 3.0);
        assert_eq!(to_scale(0.5, 0.0, 10.0, 5.0), 7.5);
        // An off-centre neutral stretches each half separately.
        assert_eq!(to_scale(1.0, 1.0, 7.0, 2.0), 7.0);
        assert_eq!(to_scale(-1.0, 1.0, 7.0, 2.0), 1.0);
        assert_eq!(to_scale(-0.5, 1.0, 7.0, 2.0), 1.5);
        // Out-of-range levels are clamped.
        assert_eq!(to_scale(3.0, -5.0, 5.0, 0.0), 5.0);
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        let d = |a: &str, b: &str| {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            edit_distance(&a, &b)
        };
        assert_eq!(d("", ""), 0);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("abc", ""), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("ab", "ba"), 1);
        assert_eq!(d("happy", "happy"), 0);
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(s in any::<String>()) {
            let _ = parse_feeling(&s).map_err(|e| e.to_string());
            let _ = parse_number(&s);
        }

        #[test]
        fn never_panics_on_number_like_text(s in "[-+−–0-9.,eE ∞a-zA-Z\u{00A0}\u{FE0F}]{0,12}") {
            let _ = parse_feeling(&s).map_err(|e| e.to_string());
        }

        #[test]
        fn finite_numbers_round_trip(v in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
            prop_assert_eq!(parse_number(&v.to_string()), Some(v + 0.0));
            prop_assert_eq!(parse_number(&format!("{v:e}")), Some(v + 0.0));
            prop_assert_eq!(parse_feeling(&v.to_string()), Ok(Feeling::Number(v + 0.0)));
        }

        #[test]
        fn decimal_comma_equals_point(whole in 0u32..1000, frac in 0u32..1000, neg in any::<bool>()) {
            let sign = if neg { "-" } else { "" };
            let point = parse_number(&format!("{sign}{whole}.{frac}"));
            prop_assert!(point.is_some());
            prop_assert_eq!(parse_number(&format!("{sign}{whole},{frac}")), point);
            if neg {
                prop_assert_eq!(parse_number(&format!("\u{2212}{whole},{frac}")), point);
                prop_assert_eq!(parse_number(&format!("\u{2013}{whole}.{frac}")), point);
            }
        }

        #[test]
        fn parsed_values_are_finite(s in any::<String>()) {
            match parse_feeling(&s) {
                Ok(Feeling::Number(v)) => prop_assert!(v.is_finite()),
                Ok(Feeling::Relative(r)) => prop_assert!((-1.0..=1.0).contains(&r)),
                _ => {}
            }
        }

        #[test]
        fn words_match_whatever_the_case_and_padding(
            i in 0..VOCABULARY.len(),
            upper in any::<bool>(),
            pad in "[ \t\u{00A0}]{0,3}",
        ) {
            let (word, level) = VOCABULARY[i];
            let word = if upper { word.to_uppercase() } else { word.to_string() };
            prop_assert_eq!(parse_feeling(&format!("{pad}{word}{pad}")), Ok(Feeling::Relative(level)));
        }

        #[test]
        fn suggestions_are_close(s in "[a-zA-Z]{1,12}") {
            if let Err(FeelingError::Unknown { suggestion: Some(word), .. }) = parse_feeling(&s) {
                let a: Vec<char> = normalise_word(&s).chars().collect();
                let b: Vec<char> = normalise_word(word).chars().collect();
                prop_assert!(edit_distance(&a, &b) <= 2);
            }
        }

        #[test]
        fn to_scale_stays_in_range(
            r in -1.0f64..=1.0,
            min in -100.0f64..0.0,
            span in 0.1f64..100.0,
            at in 0.01f64..0.99,
        ) {
            let max = min + span;
            let neutral = min + at * span;
            let v = to_scale(r, min, max, neutral);
            let tol = 1e-9 * span;
            prop_assert!(v >= min - tol && v <= max + tol);
            if r > 0.0 {
                prop_assert!(v >= neutral - tol);
            } else if r < 0.0 {
                prop_assert!(v <= neutral + tol);
            }
        }

        #[test]
        fn to_scale_never_panics(r in any::<f64>(), a in any::<f64>(), b in any::<f64>(), c in any::<f64>()) {
            let _ = to_scale(r, a, b, c);
        }
    }
}
