//! A time axis in sensible units: minutes, hours, days or weeks, chosen by
//! the span, with round tick steps.

use super::words::Words;
use super::XLabel;

/// Ticks from 0 to `span` seconds: 4 to 12 of them at a round step in the
/// unit that suits the span.
pub fn ticks(span: f64, w: &Words) -> Vec<XLabel> {
    const MIN: f64 = 60.0;
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 86400.0;
    const WEEK: f64 = 7.0 * DAY;
    let span = if span.is_finite() && span > 0.0 {
        span
    } else {
        MIN
    };
    let (unit, name) = if span < 3.0 * HOUR {
        (MIN, w.minutes)
    } else if span < 3.0 * DAY {
        (HOUR, w.hours)
    } else if span < 8.0 * WEEK {
        (DAY, w.days)
    } else {
        (WEEK, w.weeks)
    };
    let in_units = span / unit;
    let step = [
        1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 50.0, 100.0, 200.0, 500.0, 1000.0,
    ]
    .into_iter()
    .find(|s| in_units / s <= 10.0)
    .unwrap_or((in_units / 10.0).ceil());
    let mut out = Vec::new();
    let mut k = 0.0;
    while k * step <= in_units + 1e-9 && out.len() < 100 {
        let v = k * step;
        out.push(XLabel {
            note: None,
            alert: false,
            struck: false,
            at: v * unit,
            text: w.time_tick(v, name),
        });
        k += 1.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::Lang;

    fn texts(span: f64) -> Vec<String> {
        ticks(span, Lang::En.words())
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn units_follow_the_span() {
        assert_eq!(
            texts(33.0 * 60.0),
            vec!["0", "5m", "10m", "15m", "20m", "25m", "30m"]
        );
        assert_eq!(texts(10.0 * 3600.0).last().unwrap(), "10h");
        assert_eq!(texts(36.0 * 86400.0)[1], "5d");
        assert!(texts(400.0 * 86400.0).iter().any(|t| t.ends_with('w')));
    }

    #[test]
    fn degenerate_spans_still_give_an_axis() {
        let w = Lang::En.words();
        assert!(!ticks(0.0, w).is_empty());
        assert!(!ticks(f64::NAN, w).is_empty());
    }
}
