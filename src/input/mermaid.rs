//! A Mermaid `journey` diagram read as a sheet: a `.mmd` file, or the first
//! ```` ```mermaid ```` block holding a journey in a Markdown file.
//!
//! ```text
//! journey
//!     title Opening an account
//!     section Before
//!       Find the branch: 2: Dana, Yossi
//!       Wait in line: 1: Dana
//! ```
//!
//! `title` is the title (used when no `--title` is given), each `section` a
//! phase, each task a step, each actor a case that goes through the tasks
//! naming it; a task naming no actor belongs to one default case named after
//! the file. Scores are on 1..5 (3 neutral) unless `--scale` says otherwise.
//! Comments (`%%`, `#`), directives (`%%{…}%%`), front matter and the
//! accessibility lines (`accTitle:`, `accDescr:`, `accDescr { … }`) are
//! skipped, as Mermaid does.
//!
//! The diagram becomes rows of a long sheet (`step, phase, case, feeling`),
//! each cell placed where its text was in the file, and goes through
//! [`super::read_rows`] like any sheet; so every command reads it, and a
//! message about a cell names its line and column in the diagram.

use csv::StringRecord;

use super::row::{Row, RowSource};
use super::{InputOptions, LayoutChoice, SourceFormat};
use crate::error::{quote, CellPos, InputError, Location};
use crate::model::{Scale, Sheet, SheetShape};

/// Mermaid's own scale: 1 (bad) to 5 (good), 3 neutral.
pub const MERMAID_SCALE: Scale = Scale {
    min: 1.0,
    max: 5.0,
    neutral: 3.0,
};

/// Where a journey is found in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A Mermaid file: the whole text is one diagram.
    Diagram,
    /// A Markdown file: the first ```` ```mermaid ```` block holding a journey.
    Markdown,
}

/// Whether a source is a Mermaid journey or Markdown, by its name
/// (`.mmd`, `.mermaid`, `.md`, `.markdown`), or else, for standard input or
/// a name without an extension, by text that begins with the word
/// `journey`. A `.csv`/`.tsv`/`.txt` file is a sheet even when its first
/// cell says "journey" (a title row above the header).
pub fn kind_of(name: &str, bytes: &[u8]) -> Option<Kind> {
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("mmd" | "mermaid") => return Some(Kind::Diagram),
        Some("md" | "markdown") => return Some(Kind::Markdown),
        Some(_) => return None,
        None => {}
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<(u64, &str)> = text.lines().zip(1..).map(|(l, n)| (n, l)).collect();
    match diagram_type(&lines) {
        Some((word, _)) if word.eq_ignore_ascii_case("journey") => Some(Kind::Diagram),
        _ => None,
    }
}

/// Read a journey as a sheet of cases; `name` is used in messages.
pub fn read(
    name: &str,
    bytes: Vec<u8>,
    options: &InputOptions,
    kind: Kind,
) -> Result<Sheet, InputError> {
    let decoded = super::text::decode_text(name, bytes, options)?;
    let text = decoded.text.as_str();
    let lines: Vec<(u64, &str)> = text.lines().zip(1..).map(|(l, n)| (n, l)).collect();
    let block: Vec<(u64, &str)> = match kind {
        Kind::Diagram => lines,
        Kind::Markdown => journey_block(name, &lines)?,
    };
    let mut options = options.clone();
    if !options.scale_given {
        options.scale = Some(MERMAID_SCALE);
        options.scale_given = true;
    }
    options.layout = LayoutChoice::Long;
    let scale = options.scale.unwrap_or(MERMAID_SCALE);
    let journey = parse(name, &block, &scale)?;
    let mut rows = JourneyRows::new(name, &journey);
    let mut format = SourceFormat::text(name, decoded.encoding, ':');
    format.format = "mermaid";
    let mut sheet = super::read_rows(name, &mut rows, &options, format)?;
    if let Sheet::Cases(ds) = &mut sheet {
        ds.source.shape = SheetShape::Journey;
        ds.source.rows = journey.tasks.len();
        ds.source.title = journey.title.clone();
    }
    Ok(sheet)
}

/// A journey as read: its title and its tasks in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    pub title: Option<String>,
    /// Where the word `journey` is.
    pub at: CellPos,
    pub tasks: Vec<Task>,
}

/// One task line: `Task name: score: Actor, Actor`.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub name: String,
    pub name_at: CellPos,
    /// The section the task is in, and where its name is.
    pub section: Option<(String, CellPos)>,
    pub score: f64,
    pub score_at: CellPos,
    /// The actors named, each once, with where each is.
    pub actors: Vec<(String, CellPos)>,
}

/// 1-based character column of byte offset `byte` in `line`.
fn column(line: &str, byte: usize) -> u64 {
    line[..byte].chars().count() as u64 + 1
}

fn pos(line: u64, text: &str, byte: usize) -> CellPos {
    CellPos::Text {
        line,
        column: column(text, byte),
    }
}

/// The line without its comment: Mermaid ends a line at `%%` or `#`.
fn without_comment(line: &str) -> &str {
    let cut = [line.find("%%"), line.find('#')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(line.len());
    &line[..cut]
}

/// The lines of a diagram after front matter (`---` … `---`), directives,
/// comments and blank lines: the first word of the first one is the
/// diagram's type. Returns that word and the index of its line.
fn diagram_type<'a>(lines: &[(u64, &'a str)]) -> Option<(&'a str, usize)> {
    let mut i = 0;
    let first = lines.iter().position(|(_, l)| !l.trim().is_empty())?;
    if lines[first].1.trim() == "---" {
        // Front matter: up to the closing `---`.
        i = first + 1;
        while i < lines.len() && lines[i].1.trim() != "---" {
            i += 1;
        }
        i += 1;
    }
    while i < lines.len() {
        let l = lines[i].1.trim_start_matches('\u{feff}');
        let t = without_comment(l).trim();
        if !t.is_empty() {
            return t.split_whitespace().next().map(|w| (w, i));
        }
        i += 1;
    }
    None
}

/// The lines of the first ```` ```mermaid ```` block that holds a journey.
fn journey_block<'a>(
    name: &str,
    lines: &[(u64, &'a str)],
) -> Result<Vec<(u64, &'a str)>, InputError> {
    let mut others = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].1.trim_start();
        let fence_char = t.chars().next().filter(|c| *c == '`' || *c == '~');
        let Some(fc) = fence_char else {
            i += 1;
            continue;
        };
        let fence_len = t.chars().take_while(|c| *c == fc).count();
        if fence_len < 3 {
            i += 1;
            continue;
        }
        let info = t[fence_len..].trim();
        let is_mermaid = info
            .split(|c: char| c.is_whitespace() || c == '{')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("mermaid"));
        // The block runs to a fence of the same character at least as long.
        let start = i + 1;
        let mut end = start;
        while end < lines.len() {
            let c = lines[end].1.trim();
            if c.chars().take_while(|ch| *ch == fc).count() >= fence_len
                && c.chars().all(|ch| ch == fc)
            {
                break;
            }
            end += 1;
        }
        if is_mermaid {
            let block = &lines[start..end];
            match diagram_type(block) {
                Some((w, _)) if w.eq_ignore_ascii_case("journey") => return Ok(block.to_vec()),
                Some((w, _)) => others.push(w.to_string()),
                None => others.push("empty".to_string()),
            }
        }
        i = end + 1;
    }
    let found = if others.is_empty() {
        "no ```mermaid block in this Markdown file".to_string()
    } else {
        format!(
            "no Mermaid journey in this Markdown file (its mermaid blocks: {})",
            others.join(", ")
        )
    };
    Err(InputError::new(
        Location::file(name),
        found,
        "a ```mermaid block that starts with the line journey",
    ))
}

/// The text of a scale for messages: `1..5`.
fn scale_text(s: &Scale) -> String {
    format!(
        "{}..{}",
        crate::numfmt::value(s.min),
        crate::numfmt::value(s.max)
    )
}

/// Read the journey in `lines` (numbered as in the file), its scores on `scale`.
pub fn parse(name: &str, lines: &[(u64, &str)], scale: &Scale) -> Result<Journey, InputError> {
    let err = |at: CellPos, problem: String, expected: &str| {
        InputError::new(Location::cell(name, at), problem, expected)
    };
    let Some((word, start)) = diagram_type(lines) else {
        return Err(InputError::new(
            Location::file(name),
            "the file is empty",
            "a Mermaid diagram that starts with the line journey",
        ));
    };
    let (first_line, first_text) = lines[start];
    let word_at = pos(
        first_line,
        first_text,
        first_text.find(word).unwrap_or_default(),
    );
    if !word.eq_ignore_ascii_case("journey") {
        return Err(err(
            word_at,
            format!("this Mermaid diagram is a {}, not a journey", quote(word)),
            "a diagram that starts with the line journey",
        ));
    }
    let rest = without_comment(first_text).trim();
    if rest.len() > word.len() {
        return Err(err(
            word_at,
            format!(
                "{} after journey on its line",
                quote(rest[word.len()..].trim())
            ),
            "journey alone on its first line, then title, section and task lines",
        ));
    }
    let mut journey = Journey {
        title: None,
        at: word_at,
        tasks: Vec::new(),
    };
    let mut section: Option<(String, CellPos)> = None;
    let mut in_description = false;
    for &(n, full) in &lines[start + 1..] {
        if in_description {
            // `accDescr { … }` may run over several lines.
            if full.contains('}') {
                in_description = false;
            }
            continue;
        }
        let line = without_comment(full);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let at = |offset: usize| pos(n, full, lead + offset);
        if let Some(semi) = trimmed.find(';') {
            return Err(err(
                at(semi),
                "a \";\" in the journey".to_string(),
                "one title, section or task per line (Mermaid does not allow \";\" here)",
            ));
        }
        if let Some(after) = keyword(trimmed, "title") {
            journey.title = Some(after.trim().to_string());
            continue;
        }
        if trimmed.eq_ignore_ascii_case("title") {
            return Err(err(
                at(0),
                "a title with no text".to_string(),
                "title followed by the journey's title",
            ));
        }
        let acc = trimmed.get(..8).is_some_and(|w| {
            w.eq_ignore_ascii_case("acctitle") || w.eq_ignore_ascii_case("accdescr")
        });
        if acc {
            let rest = trimmed[8..].trim_start();
            if rest.starts_with('{') && !rest.contains('}') {
                in_description = true;
            }
            if rest.starts_with(':') || rest.starts_with('{') {
                continue;
            }
        }
        if let Some(after) = keyword(trimmed, "section") {
            let offset = trimmed.len() - after.trim_start().len();
            if let Some(colon) = after.find(':') {
                return Err(err(
                    at(trimmed.len() - after.len() + colon),
                    format!("section {} holds a \":\"", quote(after.trim())),
                    "section followed by a name without \":\"",
                ));
            }
            let name = after.trim().trim_start_matches('\u{200B}');
            section = Some((name.to_string(), at(offset)));
            continue;
        }
        if trimmed.eq_ignore_ascii_case("section") {
            return Err(err(
                at(0),
                "a section with no name".to_string(),
                "section followed by the name of the phase",
            ));
        }
        journey
            .tasks
            .push(task(name, trimmed, &at, &section, scale)?);
    }
    if journey.tasks.is_empty() {
        return Err(err(
            word_at,
            "the journey has no tasks".to_string(),
            "task lines such as `Make tea: 5: Me` after journey",
        ));
    }
    Ok(journey)
}

/// The text after a keyword that starts a line (`title My day` → ` My day`):
/// the keyword in any case, then a space.
fn keyword<'t>(trimmed: &'t str, word: &str) -> Option<&'t str> {
    let head = trimmed.get(..word.len())?;
    let after = &trimmed[word.len()..];
    (head.eq_ignore_ascii_case(word)
        && after.starts_with(|c: char| c.is_whitespace())
        && !after.trim().is_empty())
    .then_some(after)
}

/// One task line, its text `trimmed`; `at(byte)` places a byte of it.
fn task(
    name: &str,
    trimmed: &str,
    at: &dyn Fn(usize) -> CellPos,
    section: &Option<(String, CellPos)>,
    scale: &Scale,
) -> Result<Task, InputError> {
    let err = |p: CellPos, problem: String, expected: String| {
        InputError::new(Location::cell(name, p), problem, expected)
    };
    let expected_number = format!("a number {}", scale_text(scale));
    let Some(colon) = trimmed.find(':') else {
        return Err(err(
            at(0),
            format!("task {} has no score", quote(trimmed)),
            format!(
                "Task name: score: Actor, Actor, with a score {}",
                scale_text(scale)
            ),
        ));
    };
    // A zero-width space in front keeps a name such as "Title deeds" from
    // being read as a keyword; it is not part of the name.
    let task_name = trimmed[..colon].trim().trim_start_matches('\u{200B}');
    if task_name.is_empty() {
        return Err(err(
            at(0),
            "a task with no name".to_string(),
            "Task name: score: Actor, Actor".to_string(),
        ));
    }
    // Mermaid reads the score up to the next ':' and the actors up to the
    // one after; anything later is ignored.
    let data = &trimmed[colon + 1..];
    let (score_text, actors_text) = match data.find(':') {
        Some(c) => {
            let actors = &data[c + 1..];
            let actors = &actors[..actors.find(':').unwrap_or(actors.len())];
            (&data[..c], Some((actors, colon + 1 + c + 1)))
        }
        None => (data, None),
    };
    let score_offset = colon + 1 + (score_text.len() - score_text.trim_start().len());
    let score_trimmed = score_text.trim();
    let score = score_trimmed
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && !score_trimmed.is_empty());
    let Some(score) = score else {
        let shown = if score_trimmed.is_empty() {
            "no score".to_string()
        } else {
            format!("score {}", quote(score_trimmed))
        };
        return Err(err(
            at(score_offset),
            format!("task {} has {shown}", quote(task_name)),
            expected_number,
        ));
    };
    if !scale.contains(score) {
        return Err(err(
            at(score_offset),
            format!(
                "task {} has score {score_trimmed}, outside the scale {}",
                quote(task_name),
                scale_text(scale)
            ),
            expected_number,
        )
        .with_hint("give --scale MIN..MAX when the journey's scores use another scale"));
    }
    let mut actors: Vec<(String, CellPos)> = Vec::new();
    if let Some((text, offset)) = actors_text {
        let mut start = 0;
        for piece in text.split(',') {
            let actor = piece.trim();
            let lead = piece.len() - piece.trim_start().len();
            if !actor.is_empty() && !actors.iter().any(|(a, _)| a == actor) {
                actors.push((actor.to_string(), at(offset + start + lead)));
            }
            start += piece.len() + 1;
        }
    }
    Ok(Task {
        name: task_name.to_string(),
        name_at: at(0),
        section: section.clone(),
        score,
        score_at: at(score_offset),
        actors,
    })
}

/// The case of tasks that name no actor: the file's stem.
fn default_case(name: &str) -> String {
    std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty() && *s != super::STDIN_NAME)
        .unwrap_or("journey")
        .to_string()
}

/// A journey as rows of a long sheet: a header `step, [phase,] [case,]
/// feeling`, then one row per task and actor, each cell placed in the diagram.
struct JourneyRows {
    rows: Vec<(StringRecord, Vec<CellPos>, u64)>,
    next: usize,
}

impl JourneyRows {
    fn new(name: &str, j: &Journey) -> Self {
        let phases = j.tasks.iter().any(|t| t.section.is_some());
        let cases = j.tasks.iter().any(|t| !t.actors.is_empty());
        let mut header = vec!["step"];
        if phases {
            header.push("phase");
        }
        if cases {
            header.push("case");
        }
        header.push("feeling");
        let mut rows = vec![(
            StringRecord::from(header.clone()),
            vec![j.at; header.len()],
            j.at.line(),
        )];
        let fallback = default_case(name);
        for t in &j.tasks {
            let default = [(fallback.clone(), t.name_at)];
            let actors: &[(String, CellPos)] = if t.actors.is_empty() {
                &default
            } else {
                &t.actors
            };
            for (actor, actor_at) in actors {
                let mut cells = vec![t.name.as_str()];
                let mut at = vec![t.name_at];
                if phases {
                    let (s, s_at) = t
                        .section
                        .as_ref()
                        .map(|(s, p)| (s.as_str(), *p))
                        .unwrap_or(("", t.name_at));
                    cells.push(s);
                    at.push(s_at);
                }
                if cases {
                    cells.push(actor);
                    at.push(*actor_at);
                }
                let score = crate::numfmt::value(t.score);
                cells.push(&score);
                at.push(t.score_at);
                rows.push((StringRecord::from(cells), at, t.name_at.line()));
            }
        }
        JourneyRows { rows, next: 0 }
    }
}

impl RowSource for JourneyRows {
    fn next_row(&mut self) -> Result<Option<Row<'_>>, InputError> {
        let Some((cells, at, line)) = self.rows.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        Ok(Some(Row::placed(cells, *line, at)))
    }

    fn rewind(&mut self) {
        self.next = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    fn read_str(name: &str, text: &str) -> Result<Dataset, InputError> {
        match super::super::parse_sheet(name, text.as_bytes().to_vec(), &InputOptions::default())? {
            Sheet::Cases(ds) => Ok(ds),
            Sheet::Summary(_) => panic!("a journey is cases"),
        }
    }

    const DAY: &str = "journey
    title My working day
    %% a comment
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
";

    #[test]
    fn actors_become_cases_and_sections_phases() {
        let ds = read_str("day.mmd", DAY).unwrap();
        assert_eq!(ds.source.title.as_deref(), Some("My working day"));
        assert_eq!(ds.source.shape, SheetShape::Journey);
        assert_eq!(ds.scale, MERMAID_SCALE);
        let names: Vec<_> = ds.steps.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Make tea",
                "Go upstairs",
                "Do work",
                "Go downstairs",
                "Sit down"
            ]
        );
        let phases: Vec<_> = ds
            .steps
            .iter()
            .map(|s| s.phase.map(|p| ds.text(p)).unwrap_or(""))
            .collect();
        assert_eq!(
            phases,
            [
                "Go to work",
                "Go to work",
                "Go to work",
                "Go home",
                "Go home"
            ]
        );
        assert_eq!(ds.cases.len(), 2);
        assert_eq!(ds.cases[0].name, "Me");
        assert_eq!(ds.cases[0].feelings(), vec![5.0, 3.0, 1.0, 5.0, 5.0]);
        assert_eq!(ds.cases[1].name, "Cat");
        assert_eq!(ds.cases[1].feelings(), vec![1.0]);
        assert!(ds.warnings.is_empty(), "{:?}", ds.warnings);
    }

    #[test]
    fn tasks_without_actors_are_one_case_named_after_the_file() {
        let ds = read_str("cafe.mmd", "journey\nOrder: 4\nPay:2\n").unwrap();
        assert_eq!(ds.cases.len(), 1);
        assert_eq!(ds.cases[0].name, "cafe");
        assert_eq!(ds.cases[0].feelings(), vec![4.0, 2.0]);
        assert_eq!(ds.source.title, None);
    }

    #[test]
    fn accessibility_lines_front_matter_and_directives_are_skipped() {
        let text = "---\ntitle: ignored\n---\n%%{init: {'theme': 'forest'}}%%\njourney\n  accTitle: A\n  accDescr: B\n  accDescr {\n    long\n    words\n  }\n  title T # note\n  section S\n    a: 2: X\n";
        let ds = read_str("x.mmd", text).unwrap();
        assert_eq!(ds.source.title.as_deref(), Some("T"));
        assert_eq!(ds.steps.len(), 1);
        assert_eq!(ds.cases[0].name, "X");
    }

    #[test]
    fn markdown_takes_the_first_journey_block() {
        let text = "# Notes\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\nText\n\n```mermaid\njourney\n  section S\n    Pay: high: Me\n```\n";
        let e = read_str("notes.md", text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "notes.md:13:10: task \"Pay\" has score \"high\" — expected a number 1..5"
        );
        let e = read_str("notes.md", "# Notes\n```mermaid\nflowchart LR\n```\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("notes.md: no Mermaid journey in this Markdown file (its mermaid blocks: flowchart)"),
            "{e}"
        );
        let e = read_str("notes.md", "# Notes\n").unwrap_err();
        assert!(e.to_string().contains("no ```mermaid block"), "{e}");
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = "journey\n  title T\n  section A\n    Find: 2: Me\n    Wait: 1: Me\n\n    Pay: high: Me\n";
        assert_eq!(
            read_str("journey.mmd", text).unwrap_err().to_string(),
            "journey.mmd:7:10: task \"Pay\" has score \"high\" — expected a number 1..5"
        );
        let e = read_str("j.mmd", "journey\n  Pay: 7: Me\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("j.mmd:2:8: task \"Pay\" has score 7, outside the scale 1..5"),
            "{e}"
        );
        let e = read_str("j.mmd", "journey\n  Pay\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("j.mmd:2:3: task \"Pay\" has no score"),
            "{e}"
        );
        let e = read_str("j.mmd", "flowchart LR\n a-->b\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("j.mmd:1:1: this Mermaid diagram is a \"flowchart\", not a journey"),
            "{e}"
        );
        let e = read_str("j.mmd", "journey\n title T\n").unwrap_err();
        assert!(e.to_string().contains("the journey has no tasks"), "{e}");
        let e = read_str("j.mmd", "journey\n a: 1: X; b: 2: X\n").unwrap_err();
        assert!(e.to_string().starts_with("j.mmd:2:9: a \";\""), "{e}");
    }

    #[test]
    fn a_given_scale_is_kept() {
        let options = InputOptions {
            scale: Some(Scale {
                min: -5.0,
                max: 5.0,
                neutral: 0.0,
            }),
            scale_given: true,
            ..InputOptions::default()
        };
        let Sheet::Cases(ds) =
            super::super::parse_sheet("j.mmd", b"journey\n a: -4: X\n".to_vec(), &options).unwrap()
        else {
            panic!()
        };
        assert_eq!(ds.scale.min, -5.0);
        assert_eq!(ds.cases[0].feelings(), vec![-4.0]);
    }

    #[test]
    fn journeys_are_recognised_by_name_or_first_word() {
        assert_eq!(kind_of("a.MMD", b""), Some(Kind::Diagram));
        assert_eq!(kind_of("a.md", b""), Some(Kind::Markdown));
        assert_eq!(
            kind_of("<stdin>", b"%% c\n  journey\n"),
            Some(Kind::Diagram)
        );
        assert_eq!(kind_of("<stdin>", b"step,feeling\n"), None);
        assert_eq!(kind_of("a.csv", b"journeys,x\n"), None);
    }

    proptest::proptest! {
        /// Journey-like text built from awkward pieces reads or fails with
        /// a located error; it never panics.
        #[test]
        fn journey_like_text_reads_or_fails_cleanly(pieces in proptest::collection::vec(
            proptest::sample::select(vec!["journey", "\n", "  ", "title", " T", "section", " S", "Pay", ":", " 3", "7", "x", ",", " Me", "%%", "#", ";", "accDescr", "{", "}", "accTitle", "```mermaid\n", "```\n", "---\n", "\u{200B}", "שלב", "\u{feff}"]),
            0..60,
        )) {
            let text: String = pieces.concat();
            for name in ["p.mmd", "p.md"] {
                if let Err(e) = super::super::parse_sheet(name, text.clone().into_bytes(), &InputOptions::default()) {
                    proptest::prop_assert_eq!(e.location.file.as_str(), name);
                }
            }
        }
    }
}
