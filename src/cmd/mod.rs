//! One thin file per subcommand, wiring input → model → analysis → figure →
//! render or report. No command imports another: what several share lives
//! here (flag → option conversions, loading, thresholds) or below `cmd`
//! (`chart` builds figures, `model::group` splits cases, `output` names,
//! renders and writes the jobs a command plans).

pub mod analyze;
pub mod pattern;
pub mod plot;
pub mod template;
pub mod validate;

use std::path::Path;

use crate::analysis::pattern::{PatternOptions, Stat};
use crate::analysis::Thresholds;
use crate::chart::{PatternChoices, PatternStyle};
use crate::cli::{
    AnalysisArgs, BandArg, CasesArg, Cli, Command, ImageArgs, ImageFormat, InputArgs, InputKind,
    PatternArgs, ReadArgs, ReportFormatArg, StatArg, XAxisArg,
};
use crate::error::{quote, UsageError};
use crate::figure::emotion::XMode;
use crate::figure::pattern::{BandKind, CaseLines};
use crate::input::columns::{role_of, Role};
use crate::input::{InputOptions, LayoutChoice};
use crate::model::group::GroupBy;
use crate::model::{Dataset, Scale, Sheet};
use crate::numfmt::{plain, value};
use crate::output::Plan;
use crate::render::Format;
use crate::report::ReportFormat;

/// Run the parsed command line. Each command fills a [`Plan`] (warnings and
/// jobs); one writer then prints the warnings and writes the jobs.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let mut plan = Plan::default();
    let built = match cli.command {
        Command::Plot(args) => plot::plan(&args, &mut plan),
        Command::Analyze(args) => analyze::plan(&args, &mut plan),
        Command::Pattern(args) => pattern::plan(&args, &mut plan),
        Command::Validate(args) => return validate::run(&args),
        Command::Template(args) => template::plan(&args, &mut plan),
    };
    plan.finish(built)
}

/// Refuse an output that is the input sheet itself (exit 1), before
/// anything is read or written.
pub fn refuse_input_as_output(input: &InputArgs, outputs: &[&Path]) -> anyhow::Result<()> {
    crate::output::refuse_input_as_output(&[Path::new(&input.input)], outputs)
}

/// Read options from the input flags; flag values that contradict each
/// other are usage errors.
pub fn input_options(args: &ReadArgs) -> Result<InputOptions, UsageError> {
    let (min, max) = args
        .scale
        .unwrap_or((Scale::DEFAULT.min, Scale::DEFAULT.max));
    let neutral = args.neutral.unwrap_or((min + max) / 2.0);
    if !(neutral > min && neutral < max) {
        return Err(UsageError(format!(
            "--neutral {} is not inside the scale {}..{}: expected a value between the bottom and the top",
            plain(neutral),
            plain(min),
            plain(max)
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

pub fn setup(read: &ReadArgs, analysis: &AnalysisArgs) -> Result<Setup, UsageError> {
    let options = input_options(read)?;
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

impl From<StatArg> for Stat {
    fn from(s: StatArg) -> Self {
        match s {
            StatArg::Median => Stat::Median,
            StatArg::Mean => Stat::Mean,
        }
    }
}

impl From<BandArg> for BandKind {
    fn from(b: BandArg) -> Self {
        match b {
            BandArg::Iqr => BandKind::Iqr,
            BandArg::Minmax => BandKind::MinMax,
            BandArg::None => BandKind::None,
        }
    }
}

impl From<CasesArg> for CaseLines {
    fn from(c: CasesArg) -> Self {
        match c {
            CasesArg::Auto => CaseLines::Auto,
            CasesArg::All => CaseLines::All,
            CasesArg::None => CaseLines::None,
        }
    }
}

impl From<XAxisArg> for XMode {
    fn from(x: XAxisArg) -> Self {
        match x {
            XAxisArg::Steps => XMode::Steps,
            XAxisArg::Time => XMode::Time,
        }
    }
}

impl From<ImageFormat> for Format {
    fn from(f: ImageFormat) -> Self {
        match f {
            ImageFormat::Svg => Format::Svg,
            ImageFormat::Png => Format::Png,
        }
    }
}

impl From<&PatternArgs> for PatternOptions {
    fn from(args: &PatternArgs) -> Self {
        PatternOptions {
            stat: args.stat.into(),
            risk: args.risk,
        }
    }
}

impl From<&PatternArgs> for PatternStyle {
    fn from(args: &PatternArgs) -> Self {
        PatternStyle {
            band: args.band.into(),
            case_lines: args.cases.into(),
        }
    }
}

/// The pattern flags; `of_many` is whether several cases are drawn as their pattern.
pub fn plot_choices(args: &PatternArgs, of_many: bool) -> PatternChoices {
    PatternChoices {
        options: args.into(),
        style: args.into(),
        of_many,
    }
}

/// The image format of `path`: `--format` when given, else its extension.
pub fn image_format(path: &Path, flag: Option<Format>) -> Result<Format, UsageError> {
    if let Some(f) = flag {
        return Ok(f);
    }
    if path.as_os_str() == "-" {
        return Ok(Format::Svg);
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        _ => Err(UsageError(format!(
            "cannot tell the image format of {}: expected a name ending in .svg or .png, or --format svg|png",
            path.display()
        ))),
    }
}

/// A report's format: `--format` when given, else from the output's
/// extension (`.json`, `.csv`, `.txt`, any letter case), else the table.
pub fn report_format(path: &Path, flag: Option<ReportFormatArg>) -> ReportFormatArg {
    if let Some(f) = flag {
        return f;
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("json") => ReportFormatArg::Json,
        Some("csv") => ReportFormatArg::Csv,
        _ => ReportFormatArg::Table,
    }
}

/// The column `--by` names, if it is one cases can be grouped by and the sheet has it.
pub fn group_by(by: &str, ds: &Dataset) -> Result<GroupBy, UsageError> {
    let group_by = match role_of(by) {
        Some(Role::Segment) => GroupBy::Segment,
        Some(Role::Version) => GroupBy::Version,
        _ => {
            return Err(UsageError(format!(
                "--by {}: expected segment or version (a column that describes a whole case)",
                quote(by)
            )))
        }
    };
    if !group_by.in_sheet(&ds.columns) {
        let name = match group_by {
            GroupBy::Segment => Role::Segment.name(),
            GroupBy::Version => Role::Version.name(),
        };
        return Err(UsageError(format!(
            "--by {}: the sheet has no {name} column",
            quote(by)
        )));
    }
    Ok(group_by)
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

/// The name of the file a sheet was read from, for warnings.
pub fn source_name(sheet: &Sheet) -> &str {
    match sheet {
        Sheet::Cases(ds) => &ds.source.name,
        Sheet::Summary(s) => &s.source.name,
    }
}

/// Load the sheet of cases named by the input flags; its warnings go to the plan.
pub fn load(args: &InputArgs, options: &InputOptions, plan: &mut Plan) -> anyhow::Result<Dataset> {
    let ds = crate::input::load(&args.input, options)?;
    plan.warn(&ds.source.name, &ds.warnings);
    Ok(ds)
}

/// Load a sheet of cases or a pattern summary; its warnings go to the plan.
pub fn load_sheet(
    args: &InputArgs,
    options: &InputOptions,
    plan: &mut Plan,
) -> anyhow::Result<Sheet> {
    let sheet = crate::input::load_sheet(&args.input, options)?;
    let warnings = match &sheet {
        Sheet::Cases(ds) => &ds.warnings,
        Sheet::Summary(s) => &s.warnings,
    };
    plan.warn(source_name(&sheet), warnings);
    Ok(sheet)
}

/// Thresholds for a scale, with the user's overrides; values that make no
/// sense on the scale are usage errors naming the flag and the valid range.
pub fn thresholds(scale: &Scale, args: &AnalysisArgs) -> Result<Thresholds, UsageError> {
    let mut t = Thresholds::for_scale(scale.min, scale.max, scale.neutral);
    let range = scale.range();
    if let Some(p) = args.prominence {
        if !(0.0..=range).contains(&p) {
            return Err(UsageError(format!(
                "--prominence {} is out of range: expected a value from 0 to {} (the scale's range)",
                plain(p),
                value(range)
            )));
        }
        t.prominence = p;
    }
    if let Some(c) = args.critical {
        if !(scale.min..=scale.max).contains(&c) {
            return Err(UsageError(format!(
                "--critical {} is outside the scale: expected a value from {} to {}",
                plain(c),
                value(scale.min),
                value(scale.max)
            )));
        }
        t.critical = c;
    }
    if let Some(d) = args.sharp_drop {
        if !(d > 0.0 && d <= range) {
            return Err(UsageError(format!(
                "--sharp-drop {} is out of range: expected a value above 0 and at most {} (the scale's range)",
                plain(d),
                value(range)
            )));
        }
        t.sharp_drop = d;
    }
    Ok(t)
}
