//! One thin file per subcommand, wiring input → model → analysis → figure →
//! render or report. No command imports another: what several share lives
//! here (flag → option conversions, loading, thresholds) or below `cmd`
//! (`chart` builds figures, `model::group` splits cases, `output` names,
//! renders and writes the jobs a command plans).

pub mod analyze;
pub mod compare;
pub mod completions;
pub mod man;
pub mod pattern;
pub mod plot;
pub mod template;
pub mod validate;

use std::path::{Path, PathBuf};

use crate::analysis::pattern::{PatternOptions, Stat};
use crate::analysis::Thresholds;
use crate::chart::{PatternChoices, PatternStyle};
use crate::cli::{
    AnalysisArgs, BandArg, BatchArgs, CasesArg, Cli, Command, DirectionArg, ImageArgs, ImageFormat,
    InputArgs, InputKind, LangArg, PatternArgs, ReadArgs, ReportFormatArg, StatArg, ThemeArg,
    XAxisArg,
};
use crate::error::{quote, UsageError};
use crate::figure::emotion::{ChartOptions, XMode};
use crate::figure::pattern::{BandKind, CaseLines};
use crate::figure::{Direction, Lang, ThemeName};
use crate::input::columns::{role_of, Role};
use crate::input::{InputOptions, LayoutChoice};
use crate::model::group::GroupBy;
use crate::model::{Dataset, Scale, Sheet};
use crate::numfmt::{plain, value};
use crate::output::{OutDir, Plan};
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
        Command::Compare(args) => {
            let found = compare::plan(&args, &mut plan);
            let worse = found.as_ref().ok().cloned().flatten();
            plan.finish(found.map(|_| ()))?;
            return match worse {
                Some(worse) => Err(worse.into()),
                None => Ok(()),
            };
        }
        Command::Completions(args) => return completions::run(&args),
        Command::Man(args) => return man::run(&args),
    };
    plan.finish(built)
}

/// Data a command is done with, when all that is left is to exit: the
/// process's exit frees it at once, where dropping it would free a million
/// small allocations one by one (50 ms of `analyze` on a million rows).
pub fn leave_to_exit<T>(data: T) {
    std::mem::forget(data);
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
        sheet: args.sheet.clone(),
        header_row: args.header_row,
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

impl Setup {
    /// Follow the scale a sheet was read on when it is not the flags' one
    /// (a Mermaid journey is on 1..5 unless `--scale` is given): the
    /// thresholds are then taken, with the user's overrides, on that scale.
    pub fn follow(&mut self, scale: Scale, analysis: &AnalysisArgs) -> Result<(), UsageError> {
        if scale != self.scale {
            self.thresholds = thresholds(&scale, analysis)?;
            self.scale = scale;
            self.options.scale = Some(scale);
        }
        Ok(())
    }
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

/// The title of a picture: `--title`, or one made from the input's name
/// (in `lang` when the name gives none, as standard input does).
pub fn title(image: &ImageArgs, input: &str, own: Option<&str>, lang: Lang) -> String {
    image
        .title
        .clone()
        .or_else(|| own.filter(|t| !t.trim().is_empty()).map(str::to_string))
        .unwrap_or_else(|| crate::figure::emotion::title_from_path(input, lang))
}

/// The language of a picture: `--lang`, or under `auto` the language most
/// of the step names drawn are written in.
pub fn lang<'a>(image: &ImageArgs, step_names: impl IntoIterator<Item = &'a str>) -> Lang {
    match image.lang {
        LangArg::En => Lang::En,
        LangArg::He => Lang::He,
        LangArg::Auto => Lang::of_names(step_names),
    }
}

/// The step names of a sheet, for `--lang auto`.
pub fn step_names(sheet: &Sheet) -> impl Iterator<Item = &str> {
    let steps = match sheet {
        Sheet::Cases(ds) => &ds.steps,
        Sheet::Summary(s) => &s.steps,
    };
    steps.iter().map(|s| s.name.as_str())
}

/// The picture flags as chart options, for a picture of `input` (whose own
/// title, if it has one, is `own_title`) whose steps are named `step_names`
/// (several sheets: all their names): size, title, language, direction (the
/// language's own unless `--direction`) and theme; steps along x, marks drawn.
pub fn chart_options<'a>(
    image: &ImageArgs,
    input: &str,
    own_title: Option<&str>,
    step_names: impl IntoIterator<Item = &'a str>,
) -> ChartOptions {
    let lang = lang(image, step_names);
    let title = title(image, input, own_title, lang);
    let mut opts = ChartOptions::new(image.width, image.height, title, lang);
    if let Some(d) = image.direction {
        opts.direction = d.into();
    }
    opts.theme = image.theme.into();
    opts
}

impl From<DirectionArg> for Direction {
    fn from(d: DirectionArg) -> Self {
        match d {
            DirectionArg::Ltr => Direction::LeftToRight,
            DirectionArg::Rtl => Direction::RightToLeft,
        }
    }
}

impl From<ThemeArg> for ThemeName {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Print => ThemeName::Print,
        }
    }
}

/// The scale a sheet was read on.
pub fn scale_of(sheet: &Sheet) -> Scale {
    match sheet {
        Sheet::Cases(ds) => ds.scale,
        Sheet::Summary(s) => s.scale,
    }
}

/// The chart options of a picture of one sheet: [`chart_options`] with the
/// sheet's own title (a Mermaid journey's `title`) and its step names.
pub fn sheet_chart_options(image: &ImageArgs, input: &str, sheet: &Sheet) -> ChartOptions {
    let own = match sheet {
        Sheet::Cases(ds) => ds.source.title.as_deref(),
        Sheet::Summary(s) => s.source.title.as_deref(),
    };
    chart_options(image, input, own, step_names(sheet))
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

impl ImageFormat {
    /// The picture format, `None` for Mermaid (text, not a picture).
    pub fn picture(self) -> Option<Format> {
        match self {
            ImageFormat::Svg => Some(Format::Svg),
            ImageFormat::Png => Some(Format::Png),
            ImageFormat::Mermaid => None,
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

/// A graph (`-o`) and a report (`--report`) cannot both go to standard
/// output: with `-o -`, the report needs a file.
pub fn graph_and_report_apart(
    graph: Option<&Path>,
    report: Option<&Path>,
) -> Result<(), UsageError> {
    let dash = Some(Path::new("-"));
    if graph == dash && report.is_none_or(|p| Some(p) == dash) {
        return Err(UsageError(
            "-o - would mix the graph with the report on standard output: add --report FILE"
                .to_string(),
        ));
    }
    Ok(())
}

/// What the name of `path` says it holds: `svg`, `png` or `mermaid` (a
/// Mermaid journey, `.mmd`); `None` for any other name.
pub fn named_format(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "svg" => Some("svg"),
        "png" => Some("png"),
        "mmd" | "mermaid" => Some("mermaid"),
        _ => None,
    }
}

/// Refuse a format flag (`flag_name` giving `format`: `svg`, `png`,
/// `mermaid`) that says otherwise than the output's name: the file would
/// hold one thing under the name of another. A name that says nothing
/// (`graph.out`) takes the flag's word.
pub fn format_agrees(path: &Path, flag_name: &str, format: &str) -> Result<(), UsageError> {
    match named_format(path) {
        Some(named) if named != format => {
            let fitting = path.with_extension(if format == "mermaid" { "mmd" } else { format });
            Err(UsageError(format!(
                "{flag_name} {format} but -o {} names {} file: name it {}, or leave out {flag_name}",
                path.display(),
                match named {
                    "svg" => "an SVG",
                    "png" => "a PNG",
                    _ => "a Mermaid",
                },
                fitting.display()
            )))
        }
        _ => Ok(()),
    }
}

/// The image format of `path`: the flag `flag_name` when given (it must
/// agree with the name, [`format_agrees`]), else its extension.
pub fn image_format(
    path: &Path,
    flag_name: &str,
    flag: Option<Format>,
) -> Result<Format, UsageError> {
    if let Some(f) = flag {
        let name = match f {
            Format::Svg => "svg",
            Format::Png => "png",
        };
        format_agrees(path, flag_name, name)?;
        return Ok(f);
    }
    if path.as_os_str() == "-" {
        return Ok(Format::Svg);
    }
    match named_format(path) {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        _ => Err(UsageError(format!(
            "cannot tell the image format of {}: expected a name ending in .svg or .png, or --format svg|png",
            path.display()
        ))),
    }
}

/// Where a batch (`--by`) writes: the group files' folder, prefix and
/// extension, and the index's path.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchDest {
    pub files: OutDir,
    pub index: PathBuf,
}

/// Check the batch flags before anything is read: `--out-dir`, `--jobs`
/// need `--by`; `--by` with `-o -` is a usage error; `-o FILE` with `--by`
/// is short for `--out-dir` FILE's folder with FILE's stem as prefix (its
/// index is `<stem>.index.json` beside it). `None` when there is no `--by`
/// or nowhere to write files (`need` says whether that is an error).
pub fn batch_dest(
    batch: &BatchArgs,
    output: Option<&Path>,
    format: Format,
    need: bool,
) -> Result<Option<BatchDest>, UsageError> {
    let Some(by) = &batch.by else {
        if batch.out_dir.is_some() {
            return Err(UsageError(
                "--out-dir needs --by COLUMN: one file per group of cases".to_string(),
            ));
        }
        if batch.jobs.is_some() {
            return Err(UsageError(
                "--jobs needs --by COLUMN: it limits the threads that draw the groups".to_string(),
            ));
        }
        return Ok(None);
    };
    let ext = match format {
        Format::Svg => "svg",
        Format::Png => "png",
    };
    match (&batch.out_dir, output) {
        (Some(_), Some(_)) => Err(UsageError(
            "--out-dir and -o both say where the groups go: give one of them".to_string(),
        )),
        (_, Some(p)) if p.as_os_str() == "-" => Err(UsageError(format!(
            "--by {} writes one file per group, and -o - is standard output: give --out-dir DIR",
            quote(by)
        ))),
        (Some(dir), None) => Ok(Some(BatchDest {
            files: OutDir::new(dir.clone(), "", Some(ext)),
            index: dir.join(format!("{}.json", crate::output::target::INDEX)),
        })),
        (None, Some(file)) => {
            let files = OutDir::beside(file);
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "groups".to_string());
            let index = files.dir().join(format!("{stem}.index.json"));
            Ok(Some(BatchDest { files, index }))
        }
        (None, None) if need => Err(UsageError(format!(
            "--by {} draws one graph per group: give --out-dir DIR",
            quote(by)
        ))),
        (None, None) => Ok(None),
    }
}

/// `--title` (or the title from the input's name) with the group after it:
/// `Cinema survey — seniors`.
pub fn group_title(prefix: &str, group: &str) -> String {
    if prefix.is_empty() {
        group.to_string()
    } else {
        format!("{prefix} — {group}")
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

/// What `--by` groups by, from its name alone: checked before the sheet is
/// read, so a column that cannot group cases costs no reading.
pub fn group_kind(by: &str) -> anyhow::Result<GroupBy> {
    let role = role_of(by);
    Ok(match role {
        Some(Role::Case) => GroupBy::Case,
        Some(Role::Segment) => GroupBy::Segment,
        Some(Role::Version) => GroupBy::Version,
        Some(Role::Channel) => GroupBy::Channel,
        Some(Role::Owner) => GroupBy::Owner,
        Some(Role::Note) => GroupBy::Note,
        _ => {
            let what = match role {
                Some(Role::Step | Role::Phase | Role::Order) => " describes a step, not a case",
                Some(_) => " holds a value per row, not a name of a group",
                None => " is not a column emograph knows",
            };
            return Err(UsageError(format!(
                "--by {}{what}: expected a column that describes a whole case: case, segment, version, channel, owner or note",
                quote(by)
            ))
            .into());
        }
    })
}

/// The column `--by` names, if cases can be grouped by it and the sheet has
/// it: `case`, `segment`, `version`, or a row column that keeps one value
/// through each case (`channel`, `owner`, `note`). A row column whose value
/// changes within a case is an input error naming the case and the line.
pub fn group_by(by: &str, ds: &Dataset) -> anyhow::Result<GroupBy> {
    let group_by = group_kind(by)?;
    let name = role_of(by).map(Role::name).unwrap_or(by);
    if !group_by.in_sheet(&ds.columns) {
        return Err(UsageError(format!(
            "--by {}: the sheet has no {name} column",
            quote(by)
        ))
        .into());
    }
    if let Err(c) = crate::model::group::check(ds, group_by) {
        return Err(crate::error::InputError::new(
            crate::error::Location::file(&ds.source.name),
            format!(
                "--by {name}: the {name} of case {} changes from {} to {} at line {}",
                quote(&c.case),
                quote(&c.first),
                quote(&c.then),
                c.line
            ),
            "one value per case in a column that groups cases (or blank)",
        )
        .with_hint("group by a column that describes a whole case, such as segment")
        .into());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(by: Option<&str>, out_dir: Option<&str>) -> BatchArgs {
        BatchArgs {
            by: by.map(str::to_string),
            out_dir: out_dir.map(PathBuf::from),
            ..BatchArgs::default()
        }
    }

    #[test]
    fn batch_destinations() {
        let svg = Format::Svg;
        // No --by: nothing, and --out-dir alone is a usage error.
        assert_eq!(batch_dest(&batch(None, None), None, svg, true), Ok(None));
        assert!(batch_dest(&batch(None, Some("o")), None, svg, true).is_err());
        // --out-dir DIR: plain names, DIR/index.json.
        let d = batch_dest(&batch(Some("segment"), Some("o")), None, svg, true)
            .unwrap()
            .unwrap();
        assert_eq!(d.files.targets(&["a b"])[0].to_string(), "o/a-b.svg");
        assert_eq!(d.index, Path::new("o/index.json"));
        // -o FILE: FILE's folder, its stem as prefix, <stem>.index.json.
        let o = Some(Path::new("out/p.png"));
        let d = batch_dest(&batch(Some("segment"), None), o, Format::Png, true)
            .unwrap()
            .unwrap();
        assert_eq!(d.files.targets(&["x"])[0].to_string(), "out/p-x.png");
        assert_eq!(d.index, Path::new("out/p.index.json"));
        // -o -, both -o and --out-dir, or nowhere to write: usage errors.
        let by = batch(Some("segment"), None);
        assert!(batch_dest(&by, Some(Path::new("-")), svg, true).is_err());
        assert!(batch_dest(&batch(Some("segment"), Some("o")), o, svg, true).is_err());
        assert!(batch_dest(&by, None, svg, true).is_err());
        assert_eq!(batch_dest(&by, None, svg, false), Ok(None));
    }

    #[test]
    fn group_titles() {
        assert_eq!(
            group_title("Cinema survey", "seniors"),
            "Cinema survey — seniors"
        );
        assert_eq!(group_title("", "seniors"), "seniors");
    }
}
