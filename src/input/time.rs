//! Time cells: how long after the start a step happened (a duration, or a
//! bare number of minutes) or when it happened (a date, with or without a
//! clock time).
//!
//! The value is the model's [`TimeValue`]; this module only reads cells.
//! Pure functions; cells are trimmed and minus signs read as for feelings.
//! Nothing here panics on any input.

use super::feelings::{is_minus, trim_cell};
use crate::model::TimeValue;

const EXPECTED: &str = "expected a duration like 33m, 2h30m, 5d, 1w, a number of minutes, \
                        or a date like 2026-03-01 or 2026-03-01T14:30";

/// Read one time cell. `Ok(None)` for a blank cell.
///
/// Accepted:
/// - durations: number-and-unit parts written together or with spaces,
///   `33m`, `1.5h`, `0h15m`, `4d3h`, `2h 30m`, `2,5 d`; units (any case)
///   `s`, `m`/`min`, `h`, `d`, `w` and their long English forms (`sec`,
///   `minutes`, `hr`, `hours`, `day`, `weeks` …) and Hebrew words (שניות,
///   דקות, שעות, ימים, שבועות …);
/// - a bare number, which counts **minutes**: `33` is 33 minutes;
/// - an elapsed clock reading `H:MM` or `H:MM:SS`, hours unbounded
///   (`1:30`, `36:00`), as spreadsheets show durations;
/// - dates `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` and
///   `YYYY-MM-DD HH:MM[:SS]` (also with `/` between the date parts), with
///   month and day checked against the calendar.
///
/// Negative durations are an error.
pub fn parse_time(cell: &str) -> Result<Option<TimeValue>, String> {
    let text = trim_cell(cell);
    if text.is_empty() || super::feelings::is_not_applicable(text) {
        return Ok(None);
    }
    let chars: Vec<char> = text.chars().collect();
    let result = if starts_like_a_date(&chars) {
        parse_date(&chars).map(TimeValue::Instant)
    } else {
        parse_offset(&chars).map(TimeValue::Offset)
    };
    result
        .map(Some)
        .map_err(|problem| format!("{problem} — {EXPECTED}"))
}

const NOT_A_TIME: &str = "not a duration or a date";

/// A cursor over the characters of a cell.
struct Cursor<'a> {
    chars: &'a [char],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(chars: &'a [char]) -> Self {
        Cursor { chars, at: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn done(&self) -> bool {
        self.at >= self.chars.len()
    }

    fn eat(&mut self, want: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|&c| want(c))?;
        self.at += 1;
        Some(c)
    }

    fn skip_spaces(&mut self) -> usize {
        let start = self.at;
        while self.eat(char::is_whitespace).is_some() {}
        self.at - start
    }

    /// Between `min` and `max` ASCII digits, as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<u64> {
        let start = self.at;
        let mut value: u64 = 0;
        while self.at - start < max {
            let Some(c) = self.eat(|c| c.is_ascii_digit()) else {
                break;
            };
            value = value * 10 + u64::from(c as u8 - b'0');
        }
        (self.at - start >= min).then_some(value)
    }
}

/// Four digits and a date separator: the cell is meant as a date.
fn starts_like_a_date(chars: &[char]) -> bool {
    chars.len() > 4 && chars[..4].iter().all(char::is_ascii_digit) && matches!(chars[4], '-' | '/')
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u64) -> u64 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar
/// (after Howard Hinnant's `days_from_civil`).
///
/// The trick is to start each year on 1 March: the leap day then falls at
/// the very end of a year, and the months March..January have lengths that
/// follow one pattern, so the day of the year is a formula. Years are
/// grouped into 400-year eras of exactly 146 097 days each.
fn days_from_civil(year: i64, month: u64, day: u64) -> i64 {
    // January and February belong to the previous March-based year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400); // 0..=399
    let month_from_march = ((month + 9) % 12) as i64; // March 0 … February 11
                                                      // 153 days in every five months from March (31+30+31+30+31).
    let day_of_year = (153 * month_from_march + 2) / 5 + day as i64 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // 719 468 days from 0000-03-01 to 1970-01-01.
    era * 146_097 + day_of_era - 719_468
}

/// `YYYY-MM-DD` with an optional clock time, as seconds since 1970.
fn parse_date(chars: &[char]) -> Result<f64, String> {
    let mut cur = Cursor::new(chars);
    let not_a_date = || "not a date".to_string();
    let year = cur.digits(4, 4).ok_or_else(not_a_date)? as i64;
    let separator = cur.eat(|c| c == '-' || c == '/').ok_or_else(not_a_date)?;
    let month = cur.digits(1, 2).ok_or_else(not_a_date)?;
    cur.eat(|c| c == separator).ok_or_else(not_a_date)?;
    let day = cur.digits(1, 2).ok_or_else(not_a_date)?;
    let (mut hour, mut minute, mut second) = (0, 0, 0.0);
    if !cur.done() {
        let spaces = cur.skip_spaces();
        if spaces == 0 && cur.eat(|c| c == 'T' || c == 't').is_none() {
            return Err(not_a_date());
        }
        hour = cur.digits(1, 2).ok_or_else(not_a_date)?;
        cur.eat(|c| c == ':').ok_or_else(not_a_date)?;
        minute = cur.digits(2, 2).ok_or_else(not_a_date)?;
        if cur.eat(|c| c == ':').is_some() {
            second = cur.digits(2, 2).ok_or_else(not_a_date)? as f64;
            if cur.eat(|c| c == '.' || c == ',').is_some() {
                let start = cur.at;
                let mut scale = 0.1;
                while let Some(c) = cur.eat(|c| c.is_ascii_digit()) {
                    second += f64::from(c as u8 - b'0') * scale;
                    scale /= 10.0;
                }
                if cur.at == start {
                    return Err(not_a_date());
                }
            }
        }
        if !cur.done() {
            return Err(not_a_date());
        }
    }
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} does not exist"));
    }
    let month_days = days_in_month(year, month);
    if !(1..=month_days).contains(&day) {
        return Err(format!(
            "{year:04}-{month:02}-{day:02} does not exist: {} {year} has {month_days} days",
            MONTH_NAMES[(month - 1) as usize]
        ));
    }
    if hour > 23 {
        return Err(format!("hour {hour} does not exist (hours run 0 to 23)"));
    }
    if minute > 59 {
        return Err(format!(
            "minute {minute} does not exist (minutes run 00 to 59)"
        ));
    }
    if second >= 60.0 {
        return Err(format!(
            "second {} does not exist (seconds run 00 to 59)",
            second.trunc()
        ));
    }
    let days = days_from_civil(year, month, day);
    Ok(days as f64 * 86_400.0 + (hour * 3600 + minute * 60) as f64 + second)
}

/// A duration, a bare number of minutes, or an elapsed `H:MM[:SS]`, as
/// seconds.
fn parse_offset(chars: &[char]) -> Result<f64, String> {
    let (negative, rest) = match chars.first() {
        Some(&c) if is_minus(c) => (true, &chars[1..]),
        Some('+') => (false, &chars[1..]),
        _ => (false, chars),
    };
    let seconds = if rest.contains(&':') {
        parse_clock(rest)?
    } else {
        parse_duration(rest)?
    };
    if !seconds.is_finite() {
        return Err("too long a duration".to_string());
    }
    if negative && seconds > 0.0 {
        return Err(
            "a duration cannot be negative: it counts the time since the journey began".to_string(),
        );
    }
    // `+ 0.0` turns -0 into 0.
    Ok(seconds + 0.0)
}

/// `H:MM` or `H:MM:SS`, hours unbounded.
fn parse_clock(chars: &[char]) -> Result<f64, String> {
    let mut cur = Cursor::new(chars);
    cur.skip_spaces();
    let not_a_time = || NOT_A_TIME.to_string();
    let hours = cur.digits(1, 9).ok_or_else(not_a_time)?;
    cur.eat(|c| c == ':').ok_or_else(not_a_time)?;
    let minutes = cur.digits(2, 2).ok_or_else(not_a_time)?;
    let seconds = if cur.eat(|c| c == ':').is_some() {
        cur.digits(2, 2).ok_or_else(not_a_time)?
    } else {
        0
    };
    if !cur.done() {
        return Err(not_a_time());
    }
    if minutes > 59 || seconds > 59 {
        return Err("minutes and seconds run 00 to 59 in H:MM:SS".to_string());
    }
    Ok((hours * 3600 + minutes * 60 + seconds) as f64)
}

/// Seconds in one unit, by its lower-cased name.
fn unit_seconds(unit: &str) -> Option<f64> {
    Some(match unit {
        "s" | "sec" | "secs" | "second" | "seconds" | "שנייה" | "שניה" | "שניות" => {
            1.0
        }
        "m" | "min" | "mins" | "minute" | "minutes" | "דקה" | "דקות" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" | "שעה" | "שעות" => 3_600.0,
        "d" | "day" | "days" | "יום" | "ימים" => 86_400.0,
        "w" | "wk" | "wks" | "week" | "weeks" | "שבוע" | "שבועות" => 604_800.0,
        _ => return None,
    })
}

/// Number-and-unit parts (`4d3h`, `2h 30m`), or one bare number of minutes.
fn parse_duration(chars: &[char]) -> Result<f64, String> {
    let mut cur = Cursor::new(chars);
    let mut total = 0.0;
    let mut parts = 0usize;
    let mut bare: Option<String> = None;
    loop {
        cur.skip_spaces();
        if cur.done() {
            break;
        }
        // A number: digits with at most one decimal point or comma.
        let mut number = String::new();
        let mut written = String::new();
        let mut digits = 0usize;
        let mut separator = false;
        while let Some(c) =
            cur.eat(|c| c.is_ascii_digit() || ((c == '.' || c == ',') && !separator))
        {
            written.push(c);
            if c.is_ascii_digit() {
                digits += 1;
                number.push(c);
            } else {
                separator = true;
                number.push('.');
            }
        }
        if digits == 0 {
            return Err(NOT_A_TIME.to_string());
        }
        if let Some(previous) = &bare {
            return Err(format!(
                "\"{previous}\" has no unit (a number alone means minutes only when it is the whole cell)"
            ));
        }
        let value: f64 = number.parse().map_err(|_| NOT_A_TIME.to_string())?;
        cur.skip_spaces();
        let mut unit = String::new();
        let mut unit_chars = 0usize;
        while let Some(c) = cur.eat(char::is_alphabetic) {
            unit_chars += 1;
            if unit_chars <= 24 {
                unit.extend(c.to_lowercase());
            }
        }
        parts += 1;
        if unit_chars == 0 {
            total += value * 60.0;
            bare = Some(written);
            continue;
        }
        let Some(factor) = unit_seconds(&unit).filter(|_| unit_chars <= 24) else {
            return Err(format!(
                "\"{unit}\" is not a unit of time (use s, m or min, h, d, w)"
            ));
        };
        total += value * factor;
    }
    if parts == 0 {
        return Err(NOT_A_TIME.to_string());
    }
    if let (Some(last), true) = (&bare, parts > 1) {
        return Err(format!(
            "\"{last}\" has no unit (a number alone means minutes only when it is the whole cell)"
        ));
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MIN: f64 = 60.0;
    const HOUR: f64 = 3_600.0;
    const DAY: f64 = 86_400.0;
    const WEEK: f64 = 7.0 * DAY;

    fn offset(cell: &str) -> f64 {
        match parse_time(cell) {
            Ok(Some(TimeValue::Offset(s))) => s,
            other => panic!("{cell:?} gave {other:?}"),
        }
    }

    fn instant(cell: &str) -> f64 {
        match parse_time(cell) {
            Ok(Some(TimeValue::Instant(s))) => s,
            other => panic!("{cell:?} gave {other:?}"),
        }
    }

    fn error(cell: &str) -> String {
        match parse_time(cell) {
            Err(e) => e,
            other => panic!("{cell:?} gave {other:?}"),
        }
    }

    #[test]
    fn blank_is_none() {
        assert_eq!(parse_time(""), Ok(None));
        assert_eq!(parse_time("  \u{00A0} "), Ok(None));
        assert_eq!(parse_time("\u{200F}"), Ok(None));
    }

    #[test]
    fn bare_numbers_are_minutes() {
        assert_eq!(offset("0"), 0.0);
        assert_eq!(offset("33"), 33.0 * MIN);
        assert_eq!(offset("1.5"), 90.0);
        assert_eq!(offset("2,5"), 150.0);
        assert_eq!(offset(" 45 "), 45.0 * MIN);
        assert_eq!(offset("+5"), 5.0 * MIN);
    }

    #[test]
    fn single_unit_durations() {
        assert_eq!(offset("30s"), 30.0);
        assert_eq!(offset("33m"), 33.0 * MIN);
        assert_eq!(offset("33min"), 33.0 * MIN);
        assert_eq!(offset("33 MIN"), 33.0 * MIN);
        assert_eq!(offset("2h"), 2.0 * HOUR);
        assert_eq!(offset("1.5h"), 1.5 * HOUR);
        assert_eq!(offset("1,5H"), 1.5 * HOUR);
        assert_eq!(offset("5d"), 5.0 * DAY);
        assert_eq!(offset("34d"), 34.0 * DAY);
        assert_eq!(offset("1w"), WEEK);
        assert_eq!(offset("2 weeks"), 2.0 * WEEK);
        assert_eq!(offset("3 hours"), 3.0 * HOUR);
        assert_eq!(offset("1 day"), DAY);
        assert_eq!(offset(".5d"), 0.5 * DAY);
    }

    #[test]
    fn compound_durations() {
        assert_eq!(offset("0h15m"), 15.0 * MIN);
        assert_eq!(offset("4d3h"), 4.0 * DAY + 3.0 * HOUR);
        assert_eq!(offset("2h30m"), 2.5 * HOUR);
        assert_eq!(offset("2h 30m"), 2.5 * HOUR);
        assert_eq!(offset("2 h 30 m"), 2.5 * HOUR);
        assert_eq!(offset("1w2d"), WEEK + 2.0 * DAY);
        assert_eq!(offset("5d2h"), 5.0 * DAY + 2.0 * HOUR);
        assert_eq!(offset("1h30m15s"), HOUR + 30.0 * MIN + 15.0);
        assert_eq!(offset("1d 1,5h"), DAY + 1.5 * HOUR);
    }

    #[test]
    fn hebrew_units() {
        assert_eq!(offset("5 ימים"), 5.0 * DAY);
        assert_eq!(offset("2 שעות 30 דקות"), 2.5 * HOUR);
        assert_eq!(offset("1 שבוע"), WEEK);
        // A unit alone has no number: it is not a duration.
        assert!(parse_time("שבוע").is_err());
    }

    #[test]
    fn elapsed_clock_readings() {
        assert_eq!(offset("1:30"), 1.5 * HOUR);
        assert_eq!(offset("0:05"), 5.0 * MIN);
        assert_eq!(offset("36:00"), 36.0 * HOUR);
        assert_eq!(offset("1:02:03"), HOUR + 2.0 * MIN + 3.0);
        assert!(error("1:60").contains("00 to 59"));
        assert!(parse_time("1:5").is_err());
        assert!(parse_time("1:").is_err());
        assert!(parse_time(":30").is_err());
        assert!(parse_time("1:30:").is_err());
    }

    #[test]
    fn negative_durations_are_errors() {
        for cell in ["-5", "-5m", "−2h", "–1d", "-1:30"] {
            let e = error(cell);
            assert!(e.contains("cannot be negative"), "{cell}: {e}");
            assert!(e.contains(" — expected a duration like 33m"), "{cell}: {e}");
        }
        // Minus zero is zero.
        assert_eq!(offset("-0"), 0.0);
        assert!(offset("-0m").is_sign_positive());
    }

    #[test]
    fn duration_errors() {
        let e = error("soon");
        assert_eq!(
            e,
            "not a duration or a date — expected a duration like 33m, 2h30m, 5d, 1w, \
             a number of minutes, or a date like 2026-03-01 or 2026-03-01T14:30"
        );
        assert!(error("3mo").starts_with("\"mo\" is not a unit of time"));
        assert!(error("2h30").starts_with("\"30\" has no unit"));
        assert!(error("30 2h").starts_with("\"30\" has no unit"));
        assert!(error("1,5 2h").starts_with("\"1,5\" has no unit"));
        for cell in [
            "h", "m5", "1..5h", "1,2,3", "2h-30m", "1e3", "5d!", "1h,", "+", "--5",
        ] {
            assert!(parse_time(cell).is_err(), "{cell}");
        }
        // "Does not apply" marks read as an empty cell.
        for cell in ["-", "N/A", "?", "לא רלוונטי"] {
            assert_eq!(parse_time(cell), Ok(None), "{cell}");
        }
        let e = error(&format!("{}w", "9".repeat(400)));
        assert!(e.starts_with("too long a duration"), "{e}");
    }

    #[test]
    fn dates() {
        assert_eq!(instant("1970-01-01"), 0.0);
        assert_eq!(instant("1970-01-02"), DAY);
        assert_eq!(instant("1969-12-31"), -DAY);
        assert_eq!(instant("2000-03-01"), 11_017.0 * DAY);
        assert_eq!(instant("2026-03-01"), 20_513.0 * DAY);
        assert_eq!(instant("2026-3-1"), 20_513.0 * DAY);
        assert_eq!(instant("2026/03/01"), 20_513.0 * DAY);
        assert_eq!(instant("2026-03-01T14:30"), 20_513.0 * DAY + 14.5 * HOUR);
        assert_eq!(instant("2026-03-01t14:30"), 20_513.0 * DAY + 14.5 * HOUR);
        assert_eq!(instant("2026-03-01 14:30"), 20_513.0 * DAY + 14.5 * HOUR);
        assert_eq!(
            instant("2026-03-01  9:05"),
            20_513.0 * DAY + 9.0 * HOUR + 5.0 * MIN
        );
        assert_eq!(
            instant("2026-03-01 14:30:15"),
            20_513.0 * DAY + 14.5 * HOUR + 15.0
        );
        assert_eq!(
            instant("2026-03-01T14:30:15.5"),
            20_513.0 * DAY + 14.5 * HOUR + 15.5
        );
        assert_eq!(instant("2024-02-29"), instant("2024-03-01") - DAY);
        assert_eq!(instant("2000-02-29"), instant("2000-03-01") - DAY);
        assert_eq!(instant("0000-03-01"), -719_468.0 * DAY);
        assert_eq!(instant("9999-12-31"), 2_932_896.0 * DAY);
    }

    #[test]
    fn date_errors() {
        assert!(error("2026-13-01").starts_with("month 13 does not exist — expected"));
        assert!(error("2026-00-10").starts_with("month 0 does not exist"));
        assert!(error("2026-02-29")
            .starts_with("2026-02-29 does not exist: February 2026 has 28 days — expected"));
        assert!(error("1900-02-29").contains("February 1900 has 28 days"));
        assert!(error("2026-04-31").contains("April 2026 has 30 days"));
        assert!(error("2026-01-00").contains("does not exist"));
        assert!(error("2026-03-01 24:00").starts_with("hour 24 does not exist"));
        assert!(error("2026-03-01 12:60").starts_with("minute 60 does not exist"));
        assert!(error("2026-03-01 12:30:60").starts_with("second 60 does not exist"));
        for cell in [
            "2026-03",
            "2026-03-",
            "2026-03/01",
            "2026-03-01T",
            "2026-03-01 14",
            "2026-03-01T14:3",
            "2026-03-01T14:30Z",
            "2026-03-01T14:30+02:00",
            "2026-03-01x",
            "2026-003-01",
            "2026-03-01 14:30:15.",
        ] {
            let e = error(cell);
            assert!(e.starts_with("not a date — expected"), "{cell}: {e}");
        }
    }

    /// Days from 1970-01-01 counted the slow way, year by year and month
    /// by month.
    fn naive_days(year: i64, month: u64, day: u64) -> i64 {
        let year_len = |y: i64| if is_leap_year(y) { 366 } else { 365 };
        let mut days = 0i64;
        if year >= 1970 {
            for y in 1970..year {
                days += year_len(y);
            }
        } else {
            for y in year..1970 {
                days -= year_len(y);
            }
        }
        for m in 1..month {
            days += days_in_month(year, m) as i64;
        }
        days + day as i64 - 1
    }

    #[test]
    fn days_from_civil_matches_counting_around_century_edges() {
        for year in [
            0, 1, 99, 100, 399, 400, 1600, 1700, 1899, 1900, 1969, 1970, 1999, 2000, 2100, 9999,
        ] {
            for month in 1..=12 {
                for day in [1, days_in_month(year, month)] {
                    assert_eq!(
                        days_from_civil(year, month, day),
                        naive_days(year, month, day),
                        "{year}-{month}-{day}"
                    );
                }
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(s in any::<String>()) {
            let _ = parse_time(&s);
        }

        #[test]
        fn never_panics_on_time_like_text(s in "[-+−0-9 :.,/TtsmhdwSMHDWinoy]{0,20}") {
            let _ = parse_time(&s);
        }

        #[test]
        fn results_are_finite(s in "[-0-9 :.,/Tsmhdw]{0,20}") {
            if let Ok(Some(TimeValue::Offset(v) | TimeValue::Instant(v))) = parse_time(&s) {
                prop_assert!(v.is_finite());
            }
            if let Ok(Some(TimeValue::Offset(v))) = parse_time(&s) {
                prop_assert!(v >= 0.0);
            }
        }

        #[test]
        fn compound_durations_add_up(
            w in 0u32..10, d in 0u32..10, h in 0u32..30, m in 0u32..100, s in 0u32..100,
            spaced in any::<bool>(),
        ) {
            let sep = if spaced { " " } else { "" };
            let cell = format!("{w}w{sep}{d}d{sep}{h}h{sep}{m}m{sep}{s}s");
            let want = f64::from(w) * WEEK + f64::from(d) * DAY + f64::from(h) * HOUR
                + f64::from(m) * MIN + f64::from(s);
            prop_assert_eq!(parse_time(&cell), Ok(Some(TimeValue::Offset(want))));
        }

        #[test]
        fn dates_agree_with_counting(year in 0i64..=9999, month in 1u64..=12, day in 1u64..=31) {
            let cell = format!("{year:04}-{month:02}-{day:02}");
            if day <= days_in_month(year, month) {
                let want = naive_days(year, month, day) as f64 * DAY;
                prop_assert_eq!(parse_time(&cell), Ok(Some(TimeValue::Instant(want))));
            } else {
                prop_assert!(parse_time(&cell).is_err());
            }
        }

        #[test]
        fn next_day_is_one_day_later(days in -719_468i64..2_932_896) {
            // Walk from a day number to its date and back through the parser.
            let (y, m, d) = civil_from_days_slow(days);
            let cell = format!("{y:04}-{m:02}-{d:02}");
            prop_assert_eq!(parse_time(&cell), Ok(Some(TimeValue::Instant(days as f64 * DAY))));
        }
    }

    /// The date `days` after 1970-01-01, by stepping whole years then months.
    fn civil_from_days_slow(mut days: i64) -> (i64, u64, u64) {
        let mut year = 1970;
        let year_len = |y: i64| if is_leap_year(y) { 366 } else { 365 };
        while days < 0 {
            year -= 1;
            days += year_len(year);
        }
        while days >= year_len(year) {
            days -= year_len(year);
            year += 1;
        }
        let mut month = 1;
        while days >= days_in_month(year, month) as i64 {
            days -= days_in_month(year, month) as i64;
            month += 1;
        }
        (year, month, days as u64 + 1)
    }
}
