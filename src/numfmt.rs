//! Numbers as people read them, shared by the figure and the reports.
//!
//! Every number emograph prints has at most [`SIGNIFICANT`] significant
//! digits: a value read from a sheet such as `1e308` or `1e-320` is shown as
//! `1e308` and `1e-320`, not as hundreds of digits.

/// Most significant digits in any printed number.
pub const SIGNIFICANT: usize = 12;

/// `v` rounded to [`SIGNIFICANT`] significant digits (through decimal text,
/// so the result is the double nearest to a 12-digit decimal).
pub fn round_significant(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    format!("{:.*e}", SIGNIFICANT - 1, v).parse().unwrap_or(v)
}

/// A number for machines and error messages, in the ASCII a spreadsheet
/// reads: `-3`, `2.5`, `0.333333333333`; beyond 1e15 or below 1e-6 in
/// exponent form (`1e308`, `-1.7e308`, `1e-320`); `NaN`, `inf`, `-inf`.
pub fn plain(v: f64) -> String {
    let r = round_significant(v);
    if r == 0.0 {
        return "0".to_string();
    }
    if r.is_finite() && (1e-6..1e15).contains(&r.abs()) {
        format!("{r}")
    } else {
        format!("{r:e}")
    }
}

/// A feeling value: `−3`, `2.5`, with a true minus sign, at most two
/// decimals and at most 12 significant digits (`1e20` beyond 1e15).
pub fn value(v: f64) -> String {
    let hundredths = if v.abs() < 1e15 {
        (v * 100.0).round() / 100.0
    } else {
        v
    };
    let rounded = round_significant(hundredths);
    let text = if !rounded.is_finite() || rounded.abs() >= 1e15 {
        plain(rounded.abs())
    } else if rounded == rounded.trunc() {
        // An integer below 1e15 prints as its digits (no `.0`, no cast).
        format!("{}", rounded.abs())
    } else {
        let s = format!("{:.2}", rounded.abs());
        s.trim_end_matches('0').to_string()
    };
    if rounded < 0.0 {
        format!("\u{2212}{text}")
    } else {
        text
    }
}

/// A signed change: `+2`, `−1.5`, `0`.
pub fn change(v: f64) -> String {
    let s = value(v);
    if s != "0" && !s.starts_with('\u{2212}') {
        format!("+{s}")
    } else {
        s
    }
}

/// A duration in seconds in its two largest units: `45s`, `33m`, `2h 30m`, `5d 3h`, `2w 1d`.
pub fn duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        return "?".to_string();
    }
    let negative = seconds < 0.0;
    // Beyond 1e15 seconds (31 million years) whole weeks, not a cast that
    // would saturate.
    if seconds.abs() >= 1e15 {
        let weeks = plain((seconds.abs() / 604_800.0).round());
        let sign = if negative { "\u{2212}" } else { "" };
        return format!("{sign}{weeks}w");
    }
    let mut s = seconds.abs().round() as u64;
    const UNITS: [(u64, &str); 5] = [
        (604_800, "w"),
        (86_400, "d"),
        (3_600, "h"),
        (60, "m"),
        (1, "s"),
    ];
    let mut parts = Vec::new();
    for (size, name) in UNITS {
        if s >= size {
            parts.push(format!("{}{name}", s / size));
            s %= size;
        }
        if parts.len() == 2 || (!parts.is_empty() && s == 0) {
            break;
        }
    }
    if parts.is_empty() {
        parts.push("0".to_string());
    }
    let text = parts.join(" ");
    if negative {
        format!("\u{2212}{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_naturally() {
        assert_eq!(value(-3.0), "\u{2212}3");
        assert_eq!(value(2.5), "2.5");
        assert_eq!(value(0.0), "0");
        assert_eq!(value(-0.001), "0");
        assert_eq!(value(1.25), "1.25");
        assert_eq!(change(2.0), "+2");
        assert_eq!(change(-1.5), "\u{2212}1.5");
    }

    #[test]
    fn extreme_values_have_at_most_twelve_digits() {
        assert_eq!(value(-1e20), "\u{2212}1e20");
        assert_eq!(value(-9.3e18), "\u{2212}9.3e18");
        assert_eq!(value(1e308), "1e308");
        assert_eq!(value(123_456_789_012_345.0), "123456789012000");
        assert_eq!(value(f64::INFINITY), "inf");
        assert_eq!(value(1e-320), "0");
        assert_eq!(plain(1e308), "1e308");
        assert_eq!(plain(-1.7e308), "-1.7e308");
        assert_eq!(plain(1e-320), "1e-320");
        assert_eq!(plain(1.0 / 3.0), "0.333333333333");
        assert_eq!(plain(-3.0), "-3");
        assert_eq!(plain(2.5), "2.5");
        assert_eq!(plain(0.1 + 0.2), "0.3");
        assert_eq!(plain(-0.0), "0");
        assert_eq!(plain(f64::NEG_INFINITY), "-inf");
        for v in [
            1e308,
            -1e308,
            1e-320,
            5e-324,
            1.0 / 7.0,
            123456.789e9,
            f64::MAX,
        ] {
            for text in [plain(v), value(v)] {
                let digits = text
                    .split(['e', '.'])
                    .take(2)
                    .collect::<String>()
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>();
                let significant = digits.trim_matches('0').len();
                assert!(significant <= SIGNIFICANT, "{v}: {text}");
                assert!(text.len() <= 24, "{v}: {text}");
            }
        }
    }

    #[test]
    fn durations_use_two_units() {
        assert_eq!(duration(0.0), "0");
        assert_eq!(duration(45.0), "45s");
        assert_eq!(duration(33.0 * 60.0), "33m");
        assert_eq!(duration(2.5 * 3600.0), "2h 30m");
        assert_eq!(duration(5.0 * 86400.0 + 3.0 * 3600.0 + 60.0), "5d 3h");
        assert_eq!(duration(86400.0), "1d");
        assert_eq!(duration(15.0 * 86400.0), "2w 1d");
        assert_eq!(duration(1e300), "1.65343915344e294w");
        assert_eq!(duration(-6.048e20), "\u{2212}1e15w");
    }
}
