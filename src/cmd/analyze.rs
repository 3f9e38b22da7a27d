//! `emograph analyze`: turning points, critical dips and summary per case.

use std::path::Path;

use anyhow::Result;

use crate::analysis::journey::analyze_all;
use crate::cli::AnalyzeArgs;
use crate::output::{Plan, Target};
use crate::report;

pub fn plan(args: &AnalyzeArgs, plan: &mut Plan) -> Result<()> {
    let setup = super::setup(&args.input.read, &args.analysis)?;
    let output = args.output.as_deref().unwrap_or(Path::new("-"));
    super::refuse_input_as_output(&args.input, &[output])?;
    let t = setup.thresholds;
    let ds = super::load(&args.input, &setup.options, plan)?;
    let analyses = analyze_all(&ds, &t);
    let built = report::analysis::build(&ds, &analyses, &t);
    let exporter = report::exporter(super::report_format(output, args.format).into());
    let out = Target::named(output);
    plan.stream(&out, &mut |w| exporter.analysis(&built, w))
}
