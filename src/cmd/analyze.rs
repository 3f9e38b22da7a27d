//! `emograph analyze`: turning points, critical dips and summary per case.

use std::path::Path;

use anyhow::Result;

use crate::cli::AnalyzeArgs;
use crate::model::group::NO_VALUE;
use crate::output::{Plan, Target};
use crate::report;

pub fn plan(args: &AnalyzeArgs, plan: &mut Plan) -> Result<()> {
    let mut setup = super::setup(&args.input.read, &args.analysis)?;
    let output = args.output.as_deref().unwrap_or(Path::new("-"));
    super::refuse_input_as_output(&args.input, &[output])?;
    if let Some(by) = &args.by {
        super::group_kind(by)?;
    }
    let ds = super::load(&args.input, &setup.options, plan)?;
    setup.follow(ds.scale, &args.analysis)?;
    let t = setup.thresholds;
    let mut built = report::analysis::analyze_and_build(&ds, &t);
    if let Some(by) = &args.by {
        // Every case labelled with its group, in sheet order.
        let group_by = super::group_by(by, &ds)?;
        built.by = Some(by.as_str());
        for (c, case) in built.cases.iter_mut().zip(&ds.cases) {
            c.group = Some(group_by.text(&ds, case).unwrap_or(NO_VALUE));
        }
    }
    let exporter = report::exporter(super::report_format(output, args.format).into());
    let out = Target::named(output);
    let written = plan.stream(&out, &mut |w| exporter.analysis(&built, w));
    super::leave_to_exit(built);
    super::leave_to_exit(ds);
    written
}
