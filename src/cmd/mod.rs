//! One thin file per subcommand, wiring input → model → analysis → figure →
//! render or report.

pub mod analyze;
pub mod pattern;
pub mod plot;
pub mod template;
pub mod validate;

use crate::analysis::journey::{analyze_case, CaseAnalysis};
use crate::analysis::Thresholds;
use crate::cli::{AnalysisArgs, Cli, Command, ImageArgs, InputArgs, InputKind, ReportFormatArg};
use crate::error::UsageError;
use crate::input::{InputOptions, LayoutChoice};
use crate::model::{Dataset, Scale, Sheet};
use crate::numfmt::value;
use crate::report::ReportFormat;

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Plot(args) => plot::run(&args),
        Command::Analyze(args) => analyze::run(&args),
        Command::Pattern(args) => pattern::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Template(args) => template::run(&args),
    }
}

/// Read options from the input flags; flag values that contradict each
/// other are usage errors.
pub fn input_options(args: &InputArgs) -> Result<InputOptions, UsageError> {
    let (min, max) = args
        .scale
        .unwrap_or((Scale::DEFAULT.min, Scale::DEFAULT.max));
    let neutral = args.neutral.unwrap_or((min + max) / 2.0);
    if !(neutral > min && neutral < max) {
        return Err(UsageError(format!(
            "--neutral {neutral} is not inside the scale {min}..{max}: expected a value between the bottom and the top"
        )));
    }
    Ok(InputOptions {
        encoding: args.encoding,
        delimiter: args.delimiter,
        layout: match (args.layout, args.wide) {
            (Some(InputKind::Long), _) => LayoutChoice::Long,
            (Some(InputKind::Wide), _) | (None, true) => LayoutChoice::Wide,
            (Some(InputKind::Summary), _) => LayoutChoice::Summary,
            (None, false) => LayoutChoice::Auto,
        },
        scale: Some(Scale { min, max, neutral }),
        scale_given: args.scale.is_some() || args.neutral.is_some(),
    })
}

/// What every analysing command needs before it reads: how to read the
/// sheet, its scale, and the thresholds on that scale (flag errors first,
/// so a usage error costs no reading).
pub struct Setup {
    pub options: InputOptions,
    pub scale: Scale,
    pub thresholds: Thresholds,
}

pub fn setup(input: &InputArgs, analysis: &AnalysisArgs) -> Result<Setup, UsageError> {
    let options = input_options(input)?;
    let scale = options.scale.unwrap_or(Scale::DEFAULT);
    let thresholds = thresholds(&scale, analysis)?;
    Ok(Setup {
        options,
        scale,
        thresholds,
    })
}

/// The title of a picture: `--title`, or one made from the input's name.
pub fn title(image: &ImageArgs, input: &str) -> String {
    image
        .title
        .clone()
        .unwrap_or_else(|| crate::figure::emotion::title_from_path(input))
}

impl From<ReportFormatArg> for ReportFormat {
    fn from(f: ReportFormatArg) -> Self {
        match f {
            ReportFormatArg::Table => ReportFormat::Table,
            ReportFormatArg::Json => ReportFormat::Json,
            ReportFormatArg::Csv => ReportFormat::Csv,
        }
    }
}

/// Load the sheet of cases named by the input flags, printing its warnings to stderr.
pub fn load(args: &InputArgs, options: &InputOptions) -> anyhow::Result<Dataset> {
    let ds = crate::input::load(&args.input, options)?;
    warn(&ds.source.name, &ds.warnings);
    Ok(ds)
}

/// Load a sheet of cases or a pattern summary, printing its warnings to stderr.
pub fn load_sheet(args: &InputArgs, options: &InputOptions) -> anyhow::Result<Sheet> {
    let sheet = crate::input::load_sheet(&args.input, options)?;
    match &sheet {
        Sheet::Cases(ds) => warn(&ds.source.name, &ds.warnings),
        Sheet::Summary(s) => warn(&s.source.name, &s.warnings),
    }
    Ok(sheet)
}

/// Print warnings, one line each, naming the file.
pub fn warn(file: &str, warnings: &[String]) {
    for w in warnings {
        eprintln!("warning: {file}: {w}");
    }
}

/// Thresholds for a scale, with the user's overrides; values that make no
/// sense on the scale are usage errors naming the flag and the valid range.
pub fn thresholds(scale: &Scale, args: &AnalysisArgs) -> Result<Thresholds, UsageError> {
    let mut t = Thresholds::for_scale(scale.min, scale.max, scale.neutral);
    let range = scale.range();
    if let Some(p) = args.prominence {
        if !(0.0..=range).contains(&p) {
            return Err(UsageError(format!(
                "--prominence {p} is out of range: expected a value from 0 to {} (the scale's range)",
                value(range)
            )));
        }
        t.prominence = p;
    }
    if let Some(c) = args.critical {
        if !(scale.min..=scale.max).contains(&c) {
            return Err(UsageError(format!(
                "--critical {c} is outside the scale: expected a value from {} to {}",
                value(scale.min),
                value(scale.max)
            )));
        }
        t.critical = c;
    }
    if let Some(d) = args.sharp_drop {
        if !(d > 0.0 && d <= range) {
            return Err(UsageError(format!(
                "--sharp-drop {d} is out of range: expected a value above 0 and at most {} (the scale's range)",
                value(range)
            )));
        }
        t.sharp_drop = d;
    }
    Ok(t)
}

/// Analyse every case of a dataset, on all cores (cases are independent;
/// the order of the result is the order of the cases).
pub fn analyze_all(ds: &Dataset, t: &Thresholds) -> Vec<CaseAnalysis> {
    use rayon::prelude::*;
    ds.cases
        .par_iter()
        .map(|c| analyze_case(c, &ds.columns, t))
        .collect()
}
