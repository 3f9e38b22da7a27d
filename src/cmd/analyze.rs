//! `emograph analyze`: turning points, critical dips and summary per case.

use std::path::Path;

use anyhow::Result;

use crate::analysis::journey::analyze_all;
use crate::cli::AnalyzeArgs;
use crate::output::{Plan, Target};
use crate::report;

pub fn plan(args: &AnalyzeArgs, plan: &mut Plan) -> Result<()> {
    let mut setup = super::setup(&args.input.read, &args.analysis)?;
    let ds = super::load(&args.input, &setup.options, plan)?;
    setup.follow(ds.scale, &args.analysis)?;
    let t = setup.thresholds;
    let analyses = analyze_all(&ds, &t);
    let built = report::analysis::build(&ds, &analyses, &t);
    let exporter = report::exporter(args.format.into());
    let out = Target::named(args.output.as_deref().unwrap_or(Path::new("-")));
    plan.stream(&out, &mut |w| exporter.analysis(&built, w))
}
