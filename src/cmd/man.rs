//! `emograph man [COMMAND]`: the manual page in roff, generated from the one
//! clap definition in `cli.rs`, to standard output: emograph(1), whose
//! SUBCOMMANDS section points to emograph-plot(1) and the others, or the page
//! of one subcommand.

use std::path::Path;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::error::{quote, UsageError};

pub fn run(args: &ManArgs) -> Result<()> {
    let page = page(args.command.as_deref())?;
    crate::output::write(Path::new("-"), &page)
}

/// The page of emograph, or of its subcommand `command`.
pub fn page(command: Option<&str>) -> Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let cmd = match command {
        None => cmd,
        Some(name) => {
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|s| s.get_name().to_string())
                .filter(|n| n != "help")
                .collect();
            let Some(sub) = cmd.find_subcommand(name) else {
                return Err(UsageError(format!(
                    "man {}: no such subcommand — expected one of {}",
                    quote(name),
                    names.join(", ")
                ))
                .into());
            };
            let version = cmd.get_version().unwrap_or_default().to_string();
            sub.clone()
                .name(format!("emograph-{}", sub.get_name()))
                .version(version)
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .manual("emograph manual")
        .render(&mut out)?;
    // The help's closing "Examples:" is the page's EXAMPLES section.
    let text = String::from_utf8(out)?;
    Ok(text
        .replacen(".SH EXTRA\nExamples:\n", ".SH EXAMPLES\n", 1)
        .into_bytes())
}
