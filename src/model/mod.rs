//! The validated journey data every later stage works on.
//!
//! A [`Dataset`] is built once by `input` and then trusted: every feeling is
//! on the scale, every step has a name and a position in one aligned order.

pub mod align;
pub mod group;
mod intern;
pub mod time;

pub use intern::{same_text, FastMap, FxHasher, Interner, Sym};
pub use time::TimeValue;

/// The feeling scale: `min` is the bottom (anger and frustration), `max` the
/// top (WOW), `neutral` the point where the customer feels neither.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    pub neutral: f64,
}

impl Scale {
    pub const DEFAULT: Scale = Scale {
        min: -5.0,
        max: 5.0,
        neutral: 0.0,
    };

    pub fn range(&self) -> f64 {
        self.max - self.min
    }

    /// Tolerance for comparisons in scale units: 1e-9 of the range.
    pub fn tolerance(&self) -> f64 {
        1e-9 * self.range()
    }

    pub fn contains(&self, v: f64) -> bool {
        let (lowest, highest) = self.bounds();
        v >= lowest && v <= highest
    }

    /// The lowest and highest values [`Scale::contains`] takes: the scale
    /// widened by its tolerance.
    pub fn bounds(&self) -> (f64, f64) {
        (self.min - self.tolerance(), self.max + self.tolerance())
    }
}

/// The sheet's shape: how its rows and columns hold the journey. (Not the
/// picture's pixel layout, which is `render::layout`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetShape {
    /// One row per step and case, with a feeling column.
    Long,
    /// One row per step, one column of feelings per case.
    Wide,
    /// One row per step of a pre-aggregated pattern (a `median` column).
    Summary,
    /// A Mermaid `journey` diagram: one task per line, its actors the cases.
    Journey,
}

impl SheetShape {
    /// The word `validate` prints (its JSON key stays `layout`).
    pub fn as_str(&self) -> &'static str {
        match self {
            SheetShape::Long => "long",
            SheetShape::Wide => "wide",
            SheetShape::Summary => "summary",
            SheetShape::Journey => "journey",
        }
    }
}

/// What was read and how.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceInfo {
    /// The input as named on the command line (`<stdin>` for `-`).
    pub name: String,
    pub shape: SheetShape,
    /// Encoding name, e.g. `UTF-8`, `UTF-8 (BOM)`, `windows-1255`.
    pub encoding: String,
    /// The delimiter between a text file's fields (`'\0'` for a spreadsheet file).
    pub delimiter: char,
    /// Data rows read (after the header, blank rows not counted).
    pub rows: usize,
    /// Cells left empty: steps a case did not go through.
    pub skipped: usize,
    /// The title the source gives itself (a Mermaid journey's `title`),
    /// used when no `--title` is given.
    pub title: Option<String>,
    /// The kind of file: `csv` for delimited text, else the spreadsheet's
    /// kind (`xlsx`, `xls`, `ods`, `xlsb`).
    pub format: &'static str,
    /// The worksheet read, for a spreadsheet file.
    pub sheet: Option<String>,
    /// The other worksheets of a spreadsheet file, in the book's order.
    pub other_sheets: Vec<String>,
    /// The line (worksheet: row) of the header, when rows above it (a title,
    /// notes) were left out or `--header-row` chose it.
    pub header_row: Option<u64>,
}

/// Something the user should know that did not stop the run: its kind (a
/// stable word for scripts, e.g. `total_row`) and the sentence shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub kind: &'static str,
    pub text: String,
}

impl Warning {
    pub fn new(kind: &'static str, text: impl Into<String>) -> Self {
        Warning {
            kind,
            text: text.into(),
        }
    }
}

/// Which optional columns the sheet has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Columns {
    pub case: bool,
    pub segment: bool,
    pub phase: bool,
    pub channel: bool,
    pub owner: bool,
    pub expected: bool,
    pub time: bool,
    pub note: bool,
    pub version: bool,
    pub order: bool,
}

/// One step of the aligned journey.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Name as shown, with ` (2)` appended for a second visit.
    pub name: String,
    /// The phase of the step (before / during / after …), from the first row that names one.
    pub phase: Option<Sym>,
}

/// One customer's (or one workshop participant's) journey.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub name: String,
    pub segment: Option<Sym>,
    pub version: Option<Sym>,
    /// The steps the case went through, in aligned step order (skipped steps absent).
    pub points: Vec<Point>,
    /// What the optional columns said at each point, parallel to `points`;
    /// empty when the sheet has none of those columns, so a large sheet of
    /// steps and feelings costs 16 bytes a row.
    pub details: Vec<Detail>,
}

impl Case {
    /// The case's feelings in step order, skipped steps left out.
    pub fn feelings(&self) -> Vec<f64> {
        self.points.iter().map(|p| p.feeling).collect()
    }

    /// The optional columns at point `i` (all empty when the sheet has none).
    pub fn detail(&self, i: usize) -> Detail {
        self.details.get(i).copied().unwrap_or_default()
    }
}

/// A feeling at one step of one case.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Index into [`Dataset::steps`].
    pub step: u32,
    /// 1-based line of the row in the source, for messages.
    pub line: u32,
    pub feeling: f64,
}

/// What the optional columns of a row said about a point.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Detail {
    pub expected: Option<f64>,
    pub time: Option<TimeValue>,
    pub channel: Option<Sym>,
    pub owner: Option<Sym>,
    pub note: Option<Sym>,
}

impl Detail {
    pub fn is_empty(&self) -> bool {
        *self == Detail::default()
    }
}

/// A whole validated sheet.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub source: SourceInfo,
    pub scale: Scale,
    pub columns: Columns,
    pub steps: Vec<Step>,
    pub cases: Vec<Case>,
    /// Text of the optional columns (phase, channel, owner, segment, note, version).
    pub strings: Interner,
    /// Things the user should know that did not stop the run.
    pub warnings: Vec<String>,
    /// The same warnings with their kinds, in the same order.
    pub warning_details: Vec<Warning>,
}

impl Dataset {
    pub fn text(&self, sym: Sym) -> &str {
        self.strings.get(sym)
    }

    /// Number of data points over all cases.
    pub fn points(&self) -> usize {
        self.cases.iter().map(|c| c.points.len()).sum()
    }
}

/// The figures of one step of a typical pattern. Computed from cases they
/// are all present; read from a pre-aggregated summary only `median` is sure to be.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct StepSummary {
    pub n: Option<usize>,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub median: f64,
    pub p25: Option<f64>,
    pub p75: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub critical_share: Option<f64>,
    pub below_neutral_share: Option<f64>,
}

impl StepSummary {
    /// Whether the figures hold together: p25 ≤ median ≤ p75, min ≤ every
    /// figure ≤ max, shares within 0..1. Returns what is wrong and what was expected.
    pub fn check(&self) -> Result<(), (String, &'static str)> {
        let order = [
            ("min", self.min),
            ("p25", self.p25),
            ("median", Some(self.median)),
            ("p75", self.p75),
            ("max", self.max),
        ];
        let known: Vec<(&str, f64)> = order
            .iter()
            .filter_map(|&(n, v)| v.map(|v| (n, v)))
            .collect();
        for w in known.windows(2) {
            if w[0].1 > w[1].1 {
                return Err((
                    format!(
                        "{} {} is above {} {}",
                        w[0].0,
                        crate::numfmt::value(w[0].1),
                        w[1].0,
                        crate::numfmt::value(w[1].1)
                    ),
                    "min ≤ p25 ≤ median ≤ p75 ≤ max",
                ));
            }
        }
        for (name, share) in [
            ("critical_share", self.critical_share),
            ("below_neutral_share", self.below_neutral_share),
        ] {
            if let Some(v) = share {
                if !(0.0..=1.0).contains(&v) {
                    return Err((format!("{name} {v} is not a share"), "a share from 0 to 1"));
                }
            }
        }
        Ok(())
    }
}

/// A pre-aggregated pattern read from a file: per-step figures, no cases.
#[derive(Debug, Clone)]
pub struct SummarySheet {
    pub source: SourceInfo,
    pub scale: Scale,
    pub steps: Vec<Step>,
    /// Figures of each step, parallel to `steps`.
    pub figures: Vec<StepSummary>,
    pub strings: Interner,
    pub warnings: Vec<String>,
    /// The same warnings with their kinds, in the same order.
    pub warning_details: Vec<Warning>,
}

/// What a sheet turned out to hold.
#[derive(Debug, Clone)]
pub enum Sheet {
    Cases(Dataset),
    Summary(SummarySheet),
}
