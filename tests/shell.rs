//! Completion scripts, the manual page and the examples in every
//! subcommand's help: all generated from the one clap definition.

mod common;

use common::*;

/// The subcommands a user types (clap's own `help` left out).
fn subcommands() -> Vec<String> {
    use clap::CommandFactory;
    emograph::cli::Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect()
}

#[test]
fn every_shell_gets_a_completion_script_naming_the_subcommands() {
    let w = Work::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = w.stdout(&["completions", shell]);
        assert!(script.len() > 500, "{shell}: {script}");
        for sub in subcommands() {
            assert!(script.contains(&sub), "{shell}: no {sub}");
        }
        assert!(script.contains("scale"), "{shell}: flags are completed too");
    }
    let e = w.fails(&["completions", "tcsh"], 2);
    assert!(e.contains("tcsh"), "{e}");
}

#[test]
fn the_manual_page_names_every_subcommand() {
    let w = Work::new();
    let page = w.stdout(&["man"]);
    assert!(page.contains(".TH emograph 1"), "{page}");
    assert!(page.contains(".SH EXAMPLES\n  emograph "), "{page}");
    for sub in subcommands() {
        assert!(
            page.contains(&format!("emograph\\-{sub}(1)")),
            "no {sub} in the page"
        );
        let sub_page = w.stdout(&["man", &sub]);
        assert!(
            sub_page.contains(&format!(".TH emograph-{sub} 1")),
            "{sub}: {sub_page}"
        );
        assert!(
            sub_page.contains(".SH EXAMPLES\n  emograph "),
            "{sub}: its examples"
        );
    }
    let e = w.fails(&["man", "nope"], 2);
    assert!(e.contains("expected one of plot, analyze"), "{e}");
}

#[test]
fn every_subcommand_help_ends_with_examples() {
    let w = Work::new();
    for sub in subcommands() {
        let help = w.stdout(&[&sub, "--help"]);
        let at = help
            .find("\nExamples:\n")
            .unwrap_or_else(|| panic!("{sub} --help has no Examples: section:\n{help}"));
        let examples: Vec<&str> = help[at..]
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with("  "))
            .collect();
        assert!(examples.len() >= 2, "{sub}: {examples:?}");
        assert!(
            examples
                .iter()
                .all(|l| l.trim_start().starts_with("emograph ")),
            "{sub}: {examples:?}"
        );
    }
}
