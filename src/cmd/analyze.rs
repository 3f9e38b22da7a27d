//! `emograph analyze`: turning points, critical dips and summary per case.

use std::path::Path;

use anyhow::Result;

use crate::cli::{AnalyzeArgs, ReportFormatArg};
use crate::report::{self, ReportFormat};

pub fn run(args: &AnalyzeArgs) -> Result<()> {
    let options = super::input_options(&args.input)?;
    let scale = options.scale.unwrap_or(crate::model::Scale::DEFAULT);
    let t = super::thresholds(&scale, &args.analysis)?;
    let ds = super::load(&args.input)?;
    let analyses = super::analyze_all(&ds, &t);
    let built = report::analysis::build(&ds, &analyses, &t);
    let format = match args.format {
        ReportFormatArg::Table => ReportFormat::Table,
        ReportFormatArg::Json => ReportFormat::Json,
        ReportFormatArg::Csv => ReportFormat::Csv,
    };
    let exporter = report::exporter(format);
    let out = args.output.as_deref().unwrap_or(Path::new("-"));
    crate::output::write_with(out, &mut |w| exporter.analysis(&built, w))
}
