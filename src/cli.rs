//! Every subcommand and flag, documented once, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::input::feelings::parse_number;

/// Turn a spreadsheet of customer-journey steps into an emotion graph, find
/// where the journey hurts, and show whether a redesign helped.
#[derive(Debug, Parser)]
#[command(name = "emograph", version, about, long_about = None)]
#[command(propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draw the emotion graph of a sheet as SVG or PNG.
    #[command(
        after_help = "Examples:\n  emograph plot examples/cinema-evening.csv -o cinema.png\n  emograph plot workshop.csv --scale 1..5 --title \"Opening an account\" -o account.svg\n  emograph plot journey.csv -o - > journey.svg"
    )]
    Plot(PlotArgs),
    /// Find turning points, critical dips and the journey summary of every case.
    #[command(
        after_help = "Examples:\n  emograph analyze examples/cable-tv-installation.csv\n  emograph analyze journey.csv --format json > analysis.json\n  emograph analyze journey.csv --format csv --critical -2 -o dips.csv\n\nDefinitions: docs/method.md"
    )]
    Analyze(AnalyzeArgs),
    /// Combine many cases into the typical pattern: per-step statistics, the pattern line and its marks.
    #[command(
        after_help = "Examples:\n  emograph pattern examples/cinema-evening.csv\n  emograph pattern responses.csv --format json --by segment\n  emograph pattern responses.csv -o pattern.png --band minmax\n  emograph pattern responses.csv --format csv > summary.csv   (reads back as a summary)\n\nDefinitions: docs/method.md"
    )]
    Pattern(PatternCmdArgs),
    /// Check a sheet and print what was understood: layout, encoding, delimiter, cases, steps, scale.
    Validate(ValidateArgs),
    /// Write a starter sheet with the right headers and a few example rows.
    Template(TemplateArgs),
}

/// Thresholds of the analysis, in the scale's own units (docs/method.md).
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Analysis (docs/method.md)")]
pub struct AnalysisArgs {
    /// Smallest prominence a turning point needs [default: 10% of the scale's range, 1 on -5..5].
    #[arg(long, value_name = "VALUE", value_parser = parse_finite, allow_hyphen_values = true)]
    pub prominence: Option<f64>,

    /// Critical level: a trough at or below it is a critical dip [default: 60% of the way from neutral to the bottom, -3 on -5..5].
    #[arg(long, value_name = "VALUE", value_parser = parse_finite, allow_hyphen_values = true)]
    pub critical: Option<f64>,

    /// A trough at least this prominent is a critical dip wherever it lies [default: 50% of the range, 5 on -5..5].
    #[arg(long = "sharp-drop", value_name = "VALUE", value_parser = parse_finite, allow_hyphen_values = true)]
    pub sharp_drop: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormatArg,

    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XAxisArg {
    /// Steps evenly spaced in process order.
    Steps,
    /// Steps placed at their elapsed time (needs a time column; several cases are drawn as their own lines).
    Time,
}

/// The input sheet and how to read it.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Reading the sheet")]
pub struct InputArgs {
    /// The sheet: CSV or TSV exported from Excel, LibreOffice or Google Sheets; `-` reads standard input.
    #[arg(value_name = "INPUT")]
    pub input: String,

    #[command(flatten)]
    pub read: ReadArgs,
}

/// How to read a sheet: its scale, encoding, delimiter and layout. Shared by
/// every command that reads sheets, whether it takes one or two.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Reading the sheet")]
pub struct ReadArgs {
    /// The feeling scale as MIN..MAX, e.g. 1..5, 0..10, -3..3 [default: -5..5].
    #[arg(long, value_name = "MIN..MAX", value_parser = parse_scale, allow_hyphen_values = true)]
    pub scale: Option<(f64, f64)>,

    /// The neutral point of the scale [default: the midpoint].
    #[arg(long, value_name = "VALUE", value_parser = parse_finite, allow_hyphen_values = true)]
    pub neutral: Option<f64>,

    /// Force the text encoding, e.g. utf-8, windows-1255, utf-16le [default: detected].
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Force the field delimiter: , ; tab | or any single character [default: detected].
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// Read the sheet as wide: first column the steps, every other column one case (same as --input wide).
    #[arg(long)]
    pub wide: bool,

    /// What the sheet holds [default: detected from the header].
    #[arg(long = "input", value_enum, value_name = "KIND")]
    pub layout: Option<InputKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// One row per step and case, with a feeling column.
    Long,
    /// One row per step, one column of feelings per case.
    Wide,
    /// A pre-aggregated pattern: one row per step with a median (and n, p25, p75 …).
    Summary,
}

/// How the typical pattern of many cases is computed and drawn.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Typical pattern")]
pub struct PatternArgs {
    /// The statistic the pattern line follows.
    #[arg(long, value_enum, default_value = "median")]
    pub stat: StatArg,

    /// The band around the pattern line: the middle half of the cases, their whole range, or none.
    #[arg(long, value_enum, default_value = "iqr")]
    pub band: BandArg,

    /// Individual case lines behind the pattern (auto: up to 300 cases).
    #[arg(long, value_enum, default_value = "auto")]
    pub cases: CasesArg,

    /// Share of cases at or below the critical level that makes a step prone to fail (0 to 1).
    #[arg(long, value_name = "SHARE", default_value = "0.25", value_parser = parse_share, allow_hyphen_values = true)]
    pub risk: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatArg {
    Median,
    Mean,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BandArg {
    Iqr,
    Minmax,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CasesArg {
    Auto,
    All,
    None,
}

#[derive(Debug, Args)]
pub struct PatternCmdArgs {
    /// Report format (written to standard output, or to --report).
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormatArg,

    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Also draw the pattern graph to FILE (.svg or .png).
    #[arg(short, long, value_name = "GRAPH")]
    pub output: Option<PathBuf>,

    /// One pattern per value of a case column: segment or version.
    #[arg(long, value_name = "COLUMN")]
    pub by: Option<String>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub analysis: AnalysisArgs,

    #[command(flatten)]
    pub pattern: PatternArgs,

    #[command(flatten)]
    pub image: ImageArgs,
}

/// Size and title of a picture.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Picture")]
pub struct ImageArgs {
    /// Title above the graph [default: from the file name].
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Width in pixels.
    #[arg(long, default_value_t = 1600, value_parser = clap::value_parser!(u32).range(320..=10000))]
    pub width: u32,

    /// Height in pixels.
    #[arg(long, default_value_t = 900, value_parser = clap::value_parser!(u32).range(240..=10000))]
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageFormat {
    Svg,
    Png,
}

#[derive(Debug, Args)]
pub struct PlotArgs {
    /// Where to write the graph; `-` writes SVG to standard output [default: INPUT's name with .png].
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Image format [default: from the output's extension, else png].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ImageFormat>,

    /// What the horizontal axis shows.
    #[arg(long = "x", value_enum, default_value = "steps", value_name = "AXIS")]
    pub x_axis: XAxisArg,

    /// Leave out the marks of turning points, critical dips, hand-offs and promises.
    #[arg(long)]
    pub no_marks: bool,

    /// With several cases, draw each case's line instead of their typical pattern.
    #[arg(long)]
    pub no_pattern: bool,

    /// Number the points that have a note (one case) and list the notes under the graph.
    #[arg(long)]
    pub notes: bool,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub image: ImageArgs,

    #[command(flatten)]
    pub analysis: AnalysisArgs,

    #[command(flatten)]
    pub pattern: PatternArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ValidateFormat,

    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    En,
    He,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Write the wide layout: one row per step, one column per participant.
    #[arg(long)]
    pub wide: bool,

    /// Language of the headers and example rows.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: Lang,

    /// Where to write the sheet; `-` or nothing writes to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn parse_share(s: &str) -> Result<f64, String> {
    match parse_number(s) {
        Some(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!(
            "{s:?} is not a share: expected a number from 0 to 1, e.g. 0.25"
        )),
    }
}

fn parse_finite(s: &str) -> Result<f64, String> {
    parse_number(s).ok_or_else(|| format!("{s:?} is not a number"))
}

/// `MIN..MAX` with MIN < MAX.
pub fn parse_scale(s: &str) -> Result<(f64, f64), String> {
    let expected = "expected MIN..MAX, e.g. -5..5, 1..5 or 0..10";
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("{s:?}: {expected}"))?;
    let min = parse_number(a).ok_or_else(|| format!("{a:?} is not a number: {expected}"))?;
    let max = parse_number(b).ok_or_else(|| format!("{b:?} is not a number: {expected}"))?;
    if min >= max {
        return Err(format!(
            "the bottom {min} is not below the top {max}: {expected}"
        ));
    }
    Ok((min, max))
}

fn parse_encoding(s: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(s.trim().as_bytes()).ok_or_else(|| {
        format!("{s:?} is not an encoding label: expected e.g. utf-8, windows-1255, utf-16le, iso-8859-8")
    })
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" | "TAB" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() && s != "\"" && s != "\n" && s != "\r" => {
            Ok(s.as_bytes()[0])
        }
        _ => Err(format!(
            "{s:?} is not a delimiter: expected one character such as , ; | or the word tab"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn scales_parse() {
        assert_eq!(parse_scale("1..5"), Ok((1.0, 5.0)));
        assert_eq!(parse_scale("-3..3"), Ok((-3.0, 3.0)));
        assert_eq!(parse_scale("\u{2212}5..5"), Ok((-5.0, 5.0)));
        assert!(parse_scale("5..1").is_err());
        assert!(parse_scale("1-5").is_err());
    }

    #[test]
    fn delimiters_parse() {
        assert_eq!(parse_delimiter(";"), Ok(b';'));
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert!(parse_delimiter("ab").is_err());
    }
}
