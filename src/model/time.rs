//! The time a row gives for a step, as the model holds it. `input::time`
//! reads it from a cell; analyses take elapsed times from it.

/// What one time cell says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimeValue {
    /// Seconds from an unspecified origin: a duration such as `2h30m`, a
    /// bare number (minutes), or an elapsed clock reading such as `1:30`.
    Offset(f64),
    /// Seconds since 1970-01-01T00:00:00. There is no time zone: the local
    /// clock time in the sheet is taken as it is.
    Instant(f64),
}
