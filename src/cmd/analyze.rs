//! `emograph analyze`: turning points, critical dips and summary per case.

use std::path::Path;

use anyhow::Result;

use crate::analysis::journey::analyze_all;
use crate::cli::AnalyzeArgs;
use crate::output::{Job, Plan, Target};
use crate::report;

pub fn plan(args: &AnalyzeArgs, plan: &mut Plan) -> Result<()> {
    let setup = super::setup(&args.input, &args.analysis)?;
    let t = setup.thresholds;
    let ds = super::load(&args.input, &setup.options, plan)?;
    let analyses = analyze_all(&ds, &t);
    let built = report::analysis::build(&ds, &analyses, &t);
    let mut bytes = Vec::new();
    report::exporter(args.format.into()).analysis(&built, &mut bytes)?;
    let out = args.output.as_deref().unwrap_or(Path::new("-"));
    plan.push(Job::bytes(Target::named(out), bytes));
    Ok(())
}
