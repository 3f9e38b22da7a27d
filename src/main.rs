use std::process::ExitCode;

use clap::Parser;
use emograph::error::{InputError, UsageError};

fn main() -> ExitCode {
    let cli = emograph::cli::Cli::parse();
    match emograph::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let code = if let Some(usage) = err.downcast_ref::<UsageError>() {
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
