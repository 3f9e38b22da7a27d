use std::process::ExitCode;

use clap::Parser;
use emograph::error::{InputError, Reported, UsageError, WorseAfter};

fn main() -> ExitCode {
    let cli = emograph::cli::Cli::parse();
    match emograph::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let code = if err.downcast_ref::<Reported>().is_some() {
                // Already reported, group by group (a batch run).
                1
            } else if let Some(worse) = err.downcast_ref::<WorseAfter>() {
                // Not an error in the input: everything was written.
                eprintln!("worse: {worse}");
                3
            } else if let Some(usage) = err.downcast_ref::<UsageError>() {
                eprintln!("error: {usage}");
                2
            } else if let Some(input) = err.downcast_ref::<InputError>() {
                eprintln!("error: {input}");
                if let Some(hint) = &input.hint {
                    eprintln!("hint: {hint}");
                }
                1
            } else {
                // Other errors (I/O, rendering) with their causes on one line.
                let chain: Vec<String> = err.chain().map(|e| e.to_string()).collect();
                eprintln!("error: {}", chain.join(": "));
                1
            };
            // Warnings and `wrote …` lines come after the error, never first.
            for line in emograph::output::after_error() {
                eprintln!("{line}");
            }
            ExitCode::from(code)
        }
    }
}
