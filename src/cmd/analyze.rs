//! `emograph analyze`: turning points, critical dips and summary per case.

use std::path::Path;

use anyhow::Result;

use crate::cli::AnalyzeArgs;
use crate::report;

pub fn run(args: &AnalyzeArgs) -> Result<()> {
    let setup = super::setup(&args.input, &args.analysis)?;
    let t = setup.thresholds;
    let ds = super::load(&args.input, &setup.options)?;
    let analyses = super::analyze_all(&ds, &t);
    let built = report::analysis::build(&ds, &analyses, &t);
    let exporter = report::exporter(args.format.into());
    let out = args.output.as_deref().unwrap_or(Path::new("-"));
    crate::output::write_with(out, &mut |w| exporter.analysis(&built, w))
}
