//! `emograph completions SHELL`: a completion script, generated from the
//! one clap definition in `cli.rs`, to standard output.

use std::path::Path;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs) -> Result<()> {
    crate::output::write(Path::new("-"), &script(args.shell))
}

/// The completion script of `shell`.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "emograph", &mut out);
    out
}
