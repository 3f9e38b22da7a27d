//! Mermaid journeys in and out: every command reads a `.mmd` file or the
//! first journey block of a Markdown file; `plot -o FILE.mmd` writes the
//! drawn line back as a journey that reads the same.

mod common;

use common::*;

/// Steps, phases and the first case's feelings as `validate`/`analyze` see them.
fn steps_phases_scores(w: &Work, file: &str) -> (Vec<String>, Vec<String>, Vec<f64>) {
    let v = w.json(&["validate", file, "--format", "json"]);
    let steps: Vec<String> = v["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    // The phase of each step, from the Mermaid text itself (sections).
    let text = String::from_utf8(w.read(file)).unwrap();
    let mut phases = Vec::new();
    let mut section = String::new();
    for line in text.lines().map(str::trim) {
        if let Some(s) = line.strip_prefix("section ") {
            section = s.to_string();
        } else if line.contains(':') && !line.starts_with("title") && !line.starts_with("acc") {
            phases.push(section.clone());
        }
    }
    let a = w.json(&["pattern", file, "--format", "json"]);
    let scores = a["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["median"].as_f64().unwrap())
        .collect();
    (steps, phases, scores)
}

#[test]
fn a_journey_reads_in_every_command() {
    let w = Work::new();
    let f = fixture("bank-visit.mmd");
    let v = w.json(&["validate", &f, "--format", "json"]);
    assert_eq!(v["layout"], "journey");
    assert_eq!(v["scale"]["min"], 1.0);
    assert_eq!(v["scale"]["max"], 5.0);
    assert_eq!(v["scale"]["neutral"], 3.0);
    let cases: Vec<&str> = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["case"].as_str().unwrap())
        .collect();
    assert_eq!(cases, ["Dana", "Yossi"]);
    assert_eq!(v["steps"].as_array().unwrap().len(), 6);
    assert!(v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "phase"));

    let a = w.json(&["analyze", &f, "--format", "json"]);
    assert_eq!(a["cases"].as_array().unwrap().len(), 2);
    // The thresholds are on the journey's 1..5 scale, not -5..5.
    let table = w.stdout(&["analyze", &f]);
    assert!(table.starts_with("scale 1..5, neutral 3"), "{table}");

    let svg = w.stdout(&["plot", &f, "-o", "-"]);
    assert_well_formed_svg(&svg);
    assert!(
        svg.contains("Opening an account at the branch"),
        "the journey's title is the graph's"
    );
    let svg = w.stdout(&["plot", &f, "-o", "-", "--title", "Mine"]);
    assert!(svg.contains("Mine") && !svg.contains("Opening an account at the branch"));

    let p = w.json(&["pattern", &f, "--format", "json"]);
    assert_eq!(p["steps"].as_array().unwrap().len(), 6);
}

#[test]
fn markdown_gives_its_first_journey_block() {
    let w = Work::new();
    let v = w.json(&["validate", &fixture("journey-notes.md"), "--format", "json"]);
    assert_eq!(
        v["steps"],
        serde_json::json!(["Read the menu", "Queue", "Coffee arrives"])
    );
    let svg = w.stdout(&["plot", &fixture("journey-notes.md"), "-o", "-"]);
    assert!(svg.contains("Cafe visit"));
}

#[test]
fn standard_input_is_recognised_by_its_first_word() {
    let w = Work::new();
    let out = w
        .cmd()
        .args(["validate", "-", "--format", "json"])
        .write_stdin("journey\n  Order: 4: Me\n  Pay: 2: Me\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["layout"], "journey");
    assert_eq!(v["scale"]["max"], 5.0);
}

#[test]
fn a_round_trip_keeps_steps_sections_and_scores() {
    let w = Work::new();
    w.write("in.mmd", std::fs::read(fixture("bank-visit.mmd")).unwrap());
    // One case: its own line, the case as the actor.
    w.write(
        "one.mmd",
        "journey\n  title Day\n  section Morning\n    Make tea: 5: Me\n    Go upstairs: 3: Me\n    Do work: 1: Me\n  section Evening\n    Sit down: 4: Me\n",
    );
    w.stdout(&["plot", "one.mmd", "-o", "one-back.mmd"]);
    let back = String::from_utf8(w.read("one-back.mmd")).unwrap();
    assert_eq!(
        back,
        "journey\n  title Day\n  section Morning\n    Make tea: 5: Me\n    Go upstairs: 3: Me\n    Do work: 1: Me\n  section Evening\n    Sit down: 4: Me\n"
    );
    assert_eq!(
        steps_phases_scores(&w, "one.mmd"),
        steps_phases_scores(&w, "one-back.mmd")
    );

    // Several cases: the pattern, no actor; read again, the same pattern.
    w.stdout(&["plot", "in.mmd", "-o", "back.mmd"]);
    let first = steps_phases_scores(&w, "in.mmd");
    let again = steps_phases_scores(&w, "back.mmd");
    assert_eq!(first.0, again.0, "steps");
    assert_eq!(first.1, again.1, "sections");
    assert_eq!(first.2, again.2, "scores");
    let back = String::from_utf8(w.read("back.mmd")).unwrap();
    assert!(back.starts_with("journey\n  title Opening an account at the branch\n  %% typical pattern (median) of 2 cases, 6 steps\n  section Before\n"), "{back}");
    // Written again from what it wrote: nothing changes but the default actor.
    w.stdout(&["plot", "back.mmd", "-o", "back2.mmd"]);
    assert_eq!(steps_phases_scores(&w, "back2.mmd").2, again.2);
}

#[test]
fn scores_are_rescaled_to_one_to_five() {
    let w = Work::new();
    w.write(
        "s.csv",
        "step,phase,feeling\nOrder,before,5\nWait,before,-5\nPay,after,0\nLeave,after,-1\nHome,after,2.5\n",
    );
    let text = w.stdout(&["plot", "s.csv", "--format", "mermaid", "-o", "-"]);
    assert_eq!(
        text,
        "journey\n  title S\n  %% 1 case, 5 steps; scores rescaled from -5..5 (neutral 0) to 1..5\n  section before\n    Order: 5: s\n    Wait: 1: s\n  section after\n    Pay: 3: s\n    Leave: 3: s\n    Home: 4: s\n"
    );
    // Without -o, --format mermaid names the file after the input.
    w.stdout(&["plot", "s.csv", "--format", "mermaid"]);
    assert!(w.files().contains(&"s.mmd".to_string()));
}

#[test]
fn names_that_would_break_the_diagram_are_written_safely() {
    let w = Work::new();
    w.write(
        "t.csv",
        "step,feeling\n\"Pay: card #2; cash\",2\nTitle deeds,-3\nJourney home,4\n",
    );
    w.stdout(&["plot", "t.csv", "-o", "t.mmd"]);
    let text = String::from_utf8(w.read("t.mmd")).unwrap();
    for line in text.lines().skip(3) {
        assert_eq!(line.matches(':').count(), 2, "{line}");
        assert!(!line.contains('#') && !line.contains(';'), "{line}");
    }
    let v = w.json(&["validate", "t.mmd", "--format", "json"]);
    assert_eq!(
        v["steps"],
        serde_json::json!(["Pay∶ card ♯2, cash", "Title deeds", "Journey home"])
    );
}

#[test]
fn mermaid_out_refuses_what_it_cannot_hold() {
    let w = Work::new();
    let f = fixture("bank-visit.mmd");
    let e = w.fails(&["plot", &f, "-o", "x.mmd", "--no-pattern"], 2);
    assert!(e.contains("--no-pattern"), "{e}");
    let e = w.fails(&["plot", &f, "-o", "x.mmd", "--x", "time"], 2);
    assert!(e.contains("no time axis"), "{e}");
    w.write("j.mmd", "journey\n  a: 2: X\n");
    // The same file as the input: refused before anything is read (exit 1).
    let e = w.fails(&["plot", "j.mmd", "-o", "j.mmd"], 1);
    assert!(e.contains("same file as the input"), "{e}");
    assert_eq!(
        String::from_utf8(w.read("j.mmd")).unwrap(),
        "journey\n  a: 2: X\n"
    );
    // The default name does not land on the input either.
    w.stdout(&["plot", "j.mmd", "--format", "mermaid"]);
    assert!(w.files().contains(&"j-line.mmd".to_string()));
}

#[test]
fn bad_journeys_are_one_located_error() {
    let w = Work::new();
    w.write(
        "journey.mmd",
        "journey\n  title T\n  section A\n    Find: 2: Me\n    Wait: 1: Me\n\n    Pay: high: Me\n",
    );
    let e = w.fails(&["plot", "journey.mmd"], 1);
    assert_eq!(
        e.lines().next().unwrap(),
        "error: journey.mmd:7:10: task \"Pay\" has score \"high\" — expected a number 1..5"
    );
    w.write("flow.mmd", "flowchart LR\n  a --> b\n");
    let e = w.fails(&["analyze", "flow.mmd"], 1);
    assert!(
        e.starts_with(
            "error: flow.mmd:1:1: this Mermaid diagram is a \"flowchart\", not a journey"
        ),
        "{e}"
    );
    w.write("notes.md", "# Notes\n\nNo diagrams here.\n");
    let e = w.fails(&["validate", "notes.md"], 1);
    assert!(
        e.starts_with("error: notes.md: no ```mermaid block in this Markdown file"),
        "{e}"
    );
    w.write("seven.mmd", "journey\n  Pay: 7: Me\n");
    let e = w.fails(&["pattern", "seven.mmd"], 1);
    assert!(
        e.contains("seven.mmd:2:8: task \"Pay\" has score 7, outside the scale 1..5"),
        "{e}"
    );
    // The same journey on a scale the user gives.
    let v = w.json(&[
        "validate",
        "seven.mmd",
        "--scale",
        "0..10",
        "--format",
        "json",
    ]);
    assert_eq!(v["scale"]["max"], 10.0);
}
