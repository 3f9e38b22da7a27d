//! Every subcommand and flag, documented once, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::input::feelings::parse_number;
use crate::numfmt::plain;

/// Turn a spreadsheet of customer-journey steps into an emotion graph, find
/// where the journey hurts, and show whether a redesign helped.
#[derive(Debug, Parser)]
#[command(name = "emograph", version, about, long_about = None)]
#[command(propagate_version = true, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  emograph plot examples/cinema-evening.csv -o cinema.png\n  emograph analyze examples/cable-tv-installation.csv\n  emograph validate examples/bank-visit.mmd\n\nEvery command's --help ends with examples; `emograph man` prints the manual."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draw the emotion graph of a sheet as SVG or PNG (or its line as a Mermaid journey).
    #[command(
        after_help = "Examples:\n  emograph plot examples/cinema-evening.csv -o cinema.png\n  emograph plot workshop.csv --scale 1..5 --title \"Opening an account\" -o account.svg\n  emograph plot examples/bank-visit.mmd -o bank.png   (a Mermaid journey in; -o FILE.mmd writes one)\n  emograph plot responses.csv --by segment --out-dir graphs/ --format svg"
    )]
    Plot(PlotArgs),
    /// Find turning points, critical dips and the journey summary of every case.
    #[command(
        after_help = "Examples:\n  emograph analyze examples/cable-tv-installation.csv\n  emograph analyze journey.csv --format json > analysis.json\n  emograph analyze journey.csv --format csv --critical -2 -o dips.csv\n\nDefinitions: docs/method.md"
    )]
    Analyze(AnalyzeArgs),
    /// Combine many cases into the typical pattern: per-step statistics, the pattern line and its marks.
    #[command(
        after_help = "Examples:\n  emograph pattern examples/cinema-evening.csv\n  emograph pattern responses.csv --format json --by segment\n  emograph pattern responses.csv --by segment --out-dir patterns/ --format csv\n  emograph pattern responses.csv -o pattern.png --band minmax\n  emograph pattern responses.csv --format csv > summary.csv   (reads back as a summary)\n\nDefinitions: docs/method.md"
    )]
    Pattern(PatternCmdArgs),
    /// Compare before and after a redesign: per-step changes with significance tests, the whole journey, fixed and new dips.
    #[command(
        after_help = "Examples:\n  emograph compare examples/contact-us-redesign.csv -o redesign.png\n  emograph compare as-is.csv to-be.csv --labels \"As is,To be\" --format json > change.json\n  emograph compare survey.csv --versions 2025,2026 --fail-if-worse\n  emograph compare survey.csv --by-column channel --versions phone,web\n  emograph compare survey.csv --by segment --out-dir redesign/ --format json\n\n--by-column COLUMN says which column holds the two versions (before and after); --by COLUMN makes one comparison per group of that column (e.g. each segment's before against its after), each group's graph and report written to --out-dir with index.json.\n\nExit codes: 0 done, 1 bad input, 2 usage error, 3 significantly worse after (with --fail-if-worse).\nDefinitions: docs/method.md"
    )]
    Compare(CompareArgs),
    /// Check a sheet and print what was understood: layout, encoding, delimiter, cases, steps, scale.
    #[command(
        after_help = "Examples:\n  emograph validate examples/cable-tv-installation.csv\n  emograph validate export.csv --delimiter ';' --encoding windows-1255\n  emograph validate journey.mmd --format json"
    )]
    Validate(ValidateArgs),
    /// Write a starter sheet with the right headers and a few example rows.
    #[command(
        after_help = "Examples:\n  emograph template -o journey.csv\n  emograph template --wide -o workshop.csv\n  emograph template --lang he > מסע.csv"
    )]
    Template(TemplateArgs),
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish) to standard output.
    #[command(
        after_help = "Examples:\n  emograph completions bash > ~/.local/share/bash-completion/completions/emograph\n  emograph completions zsh > ~/.zfunc/_emograph        (with fpath+=(~/.zfunc) in ~/.zshrc)\n  emograph completions fish > ~/.config/fish/completions/emograph.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output: emograph's, or one subcommand's.
    #[command(
        after_help = "Examples:\n  emograph man | man -l -\n  emograph man > ~/.local/share/man/man1/emograph.1\n  emograph man plot > ~/.local/share/man/man1/emograph-plot.1"
    )]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand whose page to print (emograph-plot(1) …) [default: emograph(1)].
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
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
    /// Output format [default: from -o's extension (.json, .csv, .txt), else table].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormatArg>,

    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Label every case with its group: its value in a column that describes a whole case (case, segment, version, channel, owner or note).
    #[arg(long, value_name = "COLUMN")]
    pub by: Option<String>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

/// One graph per group of cases, for scripts.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "One graph per group")]
pub struct BatchArgs {
    /// Group the cases by a column that describes a whole case (case, segment, version, channel, owner or note): one graph, and for pattern and compare one report, per group.
    #[arg(long, value_name = "COLUMN")]
    pub by: Option<String>,

    /// With --by: the folder that receives one file per group and index.json (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// With --by: render on at most N threads [default: all cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Print no warnings, no `wrote` lines and no summary (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,
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
    /// The sheet: a spreadsheet file (.xlsx, .xlsm, .xls, .ods) or CSV/TSV text from Excel, LibreOffice or Google Sheets; `-` reads standard input.
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

    /// The worksheet of a spreadsheet file (.xlsx, .xls, .ods) to read, by name or by number (1 is the first) [default: the first].
    #[arg(long, value_name = "NAME|N")]
    pub sheet: Option<String>,

    /// The line (worksheet: row) that holds the column names, counted from 1 [default: found: the first row naming a step column and a feeling column or participants].
    #[arg(long = "header-row", value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub header_row: Option<u64>,
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

/// `compare`: two sheets, or one sheet with a version column.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The sheet before the redesign; alone, a sheet with a version column holding both versions.
    #[arg(value_name = "BEFORE")]
    pub before: String,

    /// The sheet after the redesign.
    #[arg(value_name = "AFTER")]
    pub after: Option<String>,

    /// The two values of the version column to compare, old first [default: the two values, in order of first appearance].
    #[arg(long, value_name = "OLD,NEW", value_parser = parse_pair)]
    pub versions: Option<(String, String)>,

    /// Compare on another case column instead of `version`, e.g. channel or segment (one sheet only): its two values are before and after. Not to be confused with --by, which makes one comparison per group.
    #[arg(long = "by-column", value_name = "COLUMN")]
    pub by_column: Option<String>,

    /// Names of the two sides in the report and the graph [default: the file names or the version values].
    #[arg(long, value_name = "BEFORE,AFTER", value_parser = parse_pair)]
    pub labels: Option<(String, String)>,

    /// Significance level: a change is significant when its Holm-adjusted p-value is below it.
    #[arg(long, value_name = "LEVEL", default_value = "0.05", value_parser = parse_alpha, allow_hyphen_values = true)]
    pub alpha: f64,

    /// Exit with code 3 when any step, or the whole journey, is significantly worse after; the worse ones are named on standard error.
    #[arg(long)]
    pub fail_if_worse: bool,

    /// Report format (written to standard output, or to --report) [default: from --report's extension, else table].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormatArg>,

    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Also draw the before/after graph to FILE (.svg or .png).
    #[arg(short, long, value_name = "GRAPH")]
    pub output: Option<PathBuf>,

    /// The graph's format, which must agree with -o GRAPH's extension when it has one [default: from that extension, else png].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub graph_format: Option<ImageFormat>,

    // --by: one comparison per group (see the command's long help).
    #[command(flatten)]
    pub batch: BatchArgs,

    #[command(flatten)]
    pub read: ReadArgs,

    #[command(flatten)]
    pub analysis: AnalysisArgs,

    #[command(flatten)]
    pub pattern: PatternArgs,

    #[command(flatten)]
    pub image: ImageArgs,
}

#[derive(Debug, Args)]
pub struct PatternCmdArgs {
    /// Report format (written to standard output, or to --report) [default: from --report's extension (.json, .csv, .txt), else table].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormatArg>,

    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Also draw the pattern graph to FILE (.svg or .png).
    #[arg(short, long, value_name = "GRAPH")]
    pub output: Option<PathBuf>,

    /// The graph's format, which must agree with -o GRAPH's extension when it has one [default: from that extension, else png].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub graph_format: Option<ImageFormat>,

    #[command(flatten)]
    pub batch: BatchArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub analysis: AnalysisArgs,

    #[command(flatten)]
    pub pattern: PatternArgs,

    #[command(flatten)]
    pub image: ImageArgs,
}

/// Size, title, language, direction and colours of a picture.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Picture")]
pub struct ImageArgs {
    /// Title above the graph [default: from the file name].
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Language of the graph's own words: zones, axes, legend, subtitle, callouts (auto: Hebrew when most step names are Hebrew).
    #[arg(long = "lang", value_enum, default_value = "auto", value_name = "LANG")]
    pub lang: LangArg,

    /// Which way the process runs [default: rtl for Hebrew, else ltr].
    #[arg(long, value_enum, value_name = "DIR")]
    pub direction: Option<DirectionArg>,

    /// Colours: light, dark (for dark slides), or print (readable in greyscale: series differ by dash and marker shape).
    #[arg(long, value_enum, default_value = "light", value_name = "THEME")]
    pub theme: ThemeArg,

    /// Width in pixels.
    #[arg(long, default_value_t = 1600, value_parser = clap::value_parser!(u32).range(320..=10000))]
    pub width: u32,

    /// Height in pixels.
    #[arg(long, default_value_t = 900, value_parser = clap::value_parser!(u32).range(240..=10000))]
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Hebrew when most step names are Hebrew, English otherwise.
    Auto,
    En,
    He,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Left to right: the process starts on the left.
    Ltr,
    /// Right to left: the process starts on the right, the feeling axis is on the right.
    Rtl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Dark ink on white, colour-blind-safe colours.
    Light,
    /// Light ink on a dark background.
    Dark,
    /// Greyscale-safe: dashes and marker shapes tell series apart.
    Print,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageFormat {
    Svg,
    Png,
    /// The drawn line as a Mermaid journey diagram (text), for Markdown docs.
    Mermaid,
}

#[derive(Debug, Args)]
pub struct PlotArgs {
    /// Where to write the graph (.svg, .png, or .mmd for a Mermaid journey); `-` writes SVG to standard output [default: INPUT's name with .png].
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Image format, which must agree with the output's extension when it has one [default: from the output's extension (.svg, .png, .mmd), else png].
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
    pub batch: BatchArgs,

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

/// `A,B`: two non-empty names, e.g. `--labels "As is,To be"`.
fn parse_pair(s: &str) -> Result<(String, String), String> {
    match s.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() && !b.contains(',') => {
            Ok((a.trim().to_string(), b.trim().to_string()))
        }
        _ => Err(format!(
            "{s:?}: expected two names separated by one comma, e.g. \"As is,To be\""
        )),
    }
}

/// A significance level strictly between 0 and 1.
fn parse_alpha(s: &str) -> Result<f64, String> {
    match parse_number(s) {
        Some(v) if v > 0.0 && v < 1.0 => Ok(v),
        _ => Err(format!(
            "{s:?} is not a significance level: expected a number between 0 and 1 (exclusive), e.g. 0.05"
        )),
    }
}

fn parse_finite(s: &str) -> Result<f64, String> {
    parse_number(s).ok_or_else(|| format!("{s:?} is not a number"))
}

/// The largest end a scale may have, either way: beyond it the range and
/// the positions on the graph lose their meaning in floating point.
pub const SCALE_LIMIT: f64 = 1e9;

/// `MIN..MAX` with MIN < MAX, both finite and within ±[`SCALE_LIMIT`].
pub fn parse_scale(s: &str) -> Result<(f64, f64), String> {
    let expected = "expected MIN..MAX, e.g. -5..5, 1..5 or 0..10";
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("{s:?}: {expected}"))?;
    let min = parse_number(a).ok_or_else(|| format!("{a:?} is not a number: {expected}"))?;
    let max = parse_number(b).ok_or_else(|| format!("{b:?} is not a number: {expected}"))?;
    for end in [min, max] {
        if end.is_nan() || end.abs() > SCALE_LIMIT {
            return Err(format!(
                "{} is too far from 0 for a scale: expected ends from -1e9 to 1e9, e.g. -5..5, 1..5 or 0..10",
                plain(end)
            ));
        }
    }
    if min >= max {
        return Err(format!(
            "the bottom {} is not below the top {}: {expected}",
            plain(min),
            plain(max)
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
        assert_eq!(parse_scale("-1e9..1e9"), Ok((-1e9, 1e9)));
        for far in [
            "-1e20..1e20",
            "-1.7e308..1.7e308",
            "0..1e10",
            "-inf..5",
            "0..NaN",
        ] {
            let e = parse_scale(far).unwrap_err();
            assert!(e.len() < 120, "{far}: {e}");
        }
        assert!(parse_scale("1-5").is_err());
    }

    #[test]
    fn pairs_and_levels_parse() {
        assert_eq!(
            parse_pair("As is, To be"),
            Ok(("As is".to_string(), "To be".to_string()))
        );
        assert!(parse_pair("one").is_err());
        assert!(parse_pair("a,").is_err());
        assert!(parse_pair("a,b,c").is_err());
        assert_eq!(parse_alpha("0.01"), Ok(0.01));
        assert!(parse_alpha("0").is_err());
        assert!(parse_alpha("1").is_err());
        assert!(parse_alpha("-0.5").is_err());
    }

    #[test]
    fn delimiters_parse() {
        assert_eq!(parse_delimiter(";"), Ok(b';'));
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert!(parse_delimiter("ab").is_err());
    }
}
