//! Numbers as people read them, shared by the figure and the reports.

/// A feeling value: `−3`, `2.5`, with a true minus sign, at most two decimals.
pub fn value(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let text = if rounded == rounded.trunc() {
        format!("{}", rounded.abs() as i64)
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
    fn durations_use_two_units() {
        assert_eq!(duration(0.0), "0");
        assert_eq!(duration(45.0), "45s");
        assert_eq!(duration(33.0 * 60.0), "33m");
        assert_eq!(duration(2.5 * 3600.0), "2h 30m");
        assert_eq!(duration(5.0 * 86400.0 + 3.0 * 3600.0 + 60.0), "5d 3h");
        assert_eq!(duration(86400.0), "1d");
        assert_eq!(duration(15.0 * 86400.0), "2w 1d");
    }
}
