use std::process::ExitCode;

use clap::Parser;
use emograph::error::{InputError, Reported, UsageError, WorseAfter};

fn main() -> ExitCode {
    let cli = emograph::cli::Cli::parse();
    match emograph::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if err.downcast_ref::<Reported>().is_some() {
                return ExitCode::from(1);
            }
            if let Some(usage) = err.downcast_ref::<UsageError>() {
                eprintln!("error: {usage}");
                return ExitCode::from(2);
            }
            if let Some(worse) = err.downcast_ref::<WorseAfter>() {
                eprintln!("worse: {worse}");
                return ExitCode::from(3);
            }
            if let Some(input) = err.downcast_ref::<InputError>() {
                eprintln!("error: {input}");
                if let Some(hint) = &input.hint {
                    eprintln!("hint: {hint}");
                }
                return ExitCode::from(1);
            }
            // Other errors (I/O, rendering) with their causes on one line.
            let chain: Vec<String> = err.chain().map(|e| e.to_string()).collect();
            eprintln!("error: {}", chain.join(": "));
            ExitCode::from(1)
        }
    }
}
