//! Numbers as people read them, shared by the figure and the reports.
//!
//! Every number emograph prints has at most [`SIGNIFICANT`] significant
//! digits: a value read from a sheet such as `1e308` or `1e-320` is shown as
//! `1e308` and `1e-320`, not as hundreds of digits.

/// Most significant digits in any printed number.
pub const SIGNIFICANT: usize = 12;

/// `v` rounded to [`SIGNIFICANT`] significant digits (through decimal text,
/// so the result is the double nearest to a 12-digit decimal).
///
/// Most numbers a report prints (feelings, steps, means of a few values)
/// already are such a double: when the shortest text that reads back as
/// `v` has at most 12 digits, the nearest 12-digit decimal to `v` is at
/// least as close, so it reads back as `v` too and `v` is returned without
/// the exact decimal expansion, which is many times slower.
pub fn round_significant(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    if significant_digits(zmij::Buffer::new().format_finite(v)) <= SIGNIFICANT {
        return v;
    }
    round_significant_exact(v)
}

/// [`round_significant`] the slow and obvious way: the exact decimal
/// expansion of `v` rounded to 12 digits, read back.
pub(crate) fn round_significant_exact(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    format!("{:.*e}", SIGNIFICANT - 1, v).parse().unwrap_or(v)
}

/// Significant digits of a number written in decimal, with or without a
/// sign, point and exponent: `-0.00125` → 3, `1.5e-7` → 2, `100.0` → 1,
/// `0.0` → 0. Zeros at either end are not significant: a shortest
/// round-trip text never ends its digits with a zero of its own.
pub(crate) fn significant_digits(text: &str) -> usize {
    let mut count = 0;
    let mut zeros = 0;
    for &b in text.as_bytes() {
        match b {
            b'e' | b'E' => break,
            b'0' if count > 0 => zeros += 1,
            b'1'..=b'9' => {
                count += zeros + 1;
                zeros = 0;
            }
            _ => {}
        }
    }
    count
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
    fn significant_digits_skip_sign_point_exponent_and_outer_zeros() {
        assert_eq!(significant_digits("0.0"), 0);
        assert_eq!(significant_digits("-3.0"), 1);
        assert_eq!(significant_digits("100.0"), 1);
        assert_eq!(significant_digits("-0.00125"), 3);
        assert_eq!(significant_digits("1.5e-7"), 2);
        assert_eq!(significant_digits("1.0000000000005e300"), 14);
        assert_eq!(significant_digits("0.30000000000000004"), 17);
        assert_eq!(significant_digits("120034.5"), 7);
    }

    /// Values near every edge of the fast path: halves, thirds, sevenths,
    /// 12- and 13-digit decimals, powers of two, subnormals, the largest
    /// doubles, negative zero.
    #[test]
    fn fast_rounding_equals_the_exact_one_at_the_edges() {
        let mut values = vec![
            -0.0,
            0.5,
            -0.5,
            1.0 / 3.0,
            -2.0 / 3.0,
            1.0 / 7.0,
            0.1 + 0.2,
            1e-320,
            -1e-320,
            5e-324,
            f64::MIN_POSITIVE,
            1e308,
            -1.7e308,
            f64::MAX,
            f64::MIN,
            123_456_789_012.0,
            1_234_567_890_123.0,
            1_234_567_890_125.0,
            999_999_999_999.5,
            0.123_456_789_012_5,
            9.999_999_999_995,
        ];
        for k in -1074..1024 {
            let p = 2f64.powi(k);
            values.extend([p, -p, p * 1.5, p / 3.0]);
        }
        for v in values {
            assert_eq!(
                round_significant(v).to_bits(),
                round_significant_exact(v).to_bits(),
                "{v:e}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_rounding_equals_the_exact_one(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits);
            proptest::prop_assert_eq!(
                round_significant(v).to_bits(),
                round_significant_exact(v).to_bits()
            );
        }

        /// Short decimals, the numbers sheets hold, at every magnitude.
        #[test]
        fn fast_rounding_of_decimals(m in -10_000_000_000_000i64..10_000_000_000_000, e in -340i32..310) {
            let v: f64 = format!("{m}e{e}").parse().unwrap();
            proptest::prop_assert_eq!(
                round_significant(v).to_bits(),
                round_significant_exact(v).to_bits()
            );
        }

        /// Fractions such as means and shares: n / d.
        #[test]
        fn fast_rounding_of_fractions(n in proptest::prelude::any::<i32>(), d in 1i32..10_000) {
            let v = f64::from(n) / f64::from(d);
            proptest::prop_assert_eq!(
                round_significant(v).to_bits(),
                round_significant_exact(v).to_bits()
            );
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
