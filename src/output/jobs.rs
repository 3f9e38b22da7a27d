//! Jobs: what a command wants written, and the one writer that writes it.
//!
//! A command fills a [`Plan`] — warnings about its input and a list of
//! [`Job`]s (a picture to render, or report bytes, each with its
//! [`Target`]) — and hands it to [`Plan::finish`]. That writer is the only
//! code that prints warnings and `wrote …` lines: the pictures are rendered
//! (in parallel when there are several) and every job is written in list
//! order; then the warnings and a `wrote …` line per job are printed. On a
//! failure the error comes first: those lines are kept for after it
//! ([`super::after_error`]).

use anyhow::Result;
use rayon::prelude::*;

use super::target::Target;
use crate::figure::Figure;
use crate::render::{self, Format};

/// What one job writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// A picture, rendered by the writer.
    Picture { figure: Box<Figure>, format: Format },
    /// Bytes ready to write (a report, a template).
    Bytes(Vec<u8>),
}

/// One output: what to write and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub target: Target,
    pub content: Content,
    /// Printed as `wrote <target><announce>` once written; `None` writes
    /// silently. Never printed for standard output.
    pub announce: Option<String>,
}

impl Job {
    /// A picture to render in `format` and write to `target`, announced as `wrote <target>`.
    pub fn picture(target: Target, figure: Figure, format: Format) -> Job {
        Job {
            target,
            content: Content::Picture {
                figure: Box::new(figure),
                format,
            },
            announce: Some(String::new()),
        }
    }

    /// Bytes to write to `target`, silently.
    pub fn bytes(target: Target, bytes: Vec<u8>) -> Job {
        Job {
            target,
            content: Content::Bytes(bytes),
            announce: None,
        }
    }

    /// Announce the job as `wrote <target><words>` (e.g. ` (3 cases, 6 steps)`).
    pub fn announced(mut self, words: impl Into<String>) -> Job {
        self.announce = Some(words.into());
        self
    }
}

/// Everything a command wants said and written, in order.
#[derive(Debug, Default)]
pub struct Plan {
    /// Whole `warning: …` lines, in the order they arose.
    pub warnings: Vec<String>,
    pub jobs: Vec<Job>,
    /// `--quiet`: print no warnings and no `wrote` lines (errors still are).
    pub quiet: bool,
}

impl Plan {
    /// Note warnings about `file` (printed as `warning: <file>: <text>`).
    pub fn warn<S: AsRef<str>>(&mut self, file: &str, warnings: &[S]) {
        self.warnings.extend(
            warnings
                .iter()
                .map(|w| format!("warning: {file}: {}", w.as_ref())),
        );
    }

    pub fn push(&mut self, job: Job) {
        self.jobs.push(job);
    }

    /// Write a large report now, streamed to `target` rather than held in
    /// memory as a job (a million-row analysis is hundreds of megabytes of
    /// JSON); the warnings so far are printed first, as `finish` would.
    pub fn stream(
        &mut self,
        target: &Target,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<()>,
    ) -> Result<()> {
        let written = super::write_to(target, fill);
        let warnings = std::mem::take(&mut self.warnings);
        super::say(self.audible(warnings), written.is_ok());
        written
    }

    /// Finish a command: print the warnings, then — if building the plan
    /// succeeded — render and write every job; the first error stops the
    /// run (the jobs before it stay written and announced).
    pub fn finish(self, built: Result<()>) -> Result<()> {
        let quiet = self.quiet;
        let mut lines = self.warnings;
        let result = built.and_then(|_| write_all(self.jobs, &mut lines));
        super::say(if quiet { Vec::new() } else { lines }, result.is_ok());
        result
    }

    /// Print the warnings so far (unless quiet) and forget them.
    pub fn say_warnings(&mut self) {
        let lines = std::mem::take(&mut self.warnings);
        super::say(self.audible(lines), true);
    }

    /// `lines`, or nothing under `--quiet`.
    fn audible(&self, lines: Vec<String>) -> Vec<String> {
        if self.quiet {
            Vec::new()
        } else {
            lines
        }
    }
}

/// Render the pictures (in parallel when there are several), then write
/// each job in order, announcing it.
fn write_all(jobs: Vec<Job>, said: &mut Vec<String>) -> Result<()> {
    let pictures: Vec<(&Figure, Format)> = jobs
        .iter()
        .filter_map(|j| match &j.content {
            Content::Picture { figure, format } => Some((&**figure, *format)),
            Content::Bytes(_) => None,
        })
        .collect();
    let rendered: Vec<Result<Vec<u8>>> = if pictures.len() > 1 {
        pictures
            .par_iter()
            .map(|(f, format)| render::render(f, *format))
            .collect()
    } else {
        pictures
            .iter()
            .map(|(f, format)| render::render(f, *format))
            .collect()
    };
    let mut rendered = rendered.into_iter();
    for job in &jobs {
        let picture;
        let bytes: &[u8] = match &job.content {
            Content::Picture { .. } => {
                picture = rendered.next().expect("one rendering per picture")?;
                &picture
            }
            Content::Bytes(b) => b,
        };
        super::write_to(&job.target, &mut |w| {
            w.write_all(bytes)?;
            Ok(())
        })?;
        if let Some(words) = &job.announce {
            if !job.target.is_stdout() {
                said.push(format!("wrote {}{words}", job.target));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_written_in_order_and_an_error_stops_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let bad = dir.path().join("missing").join("b.txt");
        let c = dir.path().join("c.txt");
        let mut plan = Plan::default();
        plan.warn("in.csv", &["something odd"]);
        assert_eq!(plan.warnings, ["warning: in.csv: something odd"]);
        plan.push(Job::bytes(Target::named(&a), b"a".to_vec()).announced(""));
        plan.push(Job::bytes(Target::named(&bad), b"b".to_vec()));
        plan.push(Job::bytes(Target::named(&c), b"c".to_vec()));
        assert!(plan.finish(Ok(())).is_err());
        assert_eq!(std::fs::read(&a).unwrap(), b"a");
        assert!(!c.exists());
    }

    #[test]
    fn a_failed_build_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let mut plan = Plan::default();
        plan.push(Job::bytes(Target::named(&a), b"a".to_vec()));
        assert!(plan.finish(Err(anyhow::anyhow!("no"))).is_err());
        assert!(!a.exists());
    }

    #[test]
    fn pictures_render_in_parallel_into_their_own_files() {
        use crate::input::{parse, InputOptions};
        let ds = parse(
            "t.csv",
            b"case,step,feeling\na,s1,1\na,s2,-2\na,s3,3\n",
            &InputOptions::default(),
        )
        .unwrap();
        let t =
            crate::analysis::Thresholds::for_scale(ds.scale.min, ds.scale.max, ds.scale.neutral);
        let analyses = crate::analysis::journey::analyze_all(&ds, &t);
        let dir = tempfile::tempdir().unwrap();
        let mut plan = Plan::default();
        let mut expected = Vec::new();
        for (i, title) in ["one", "two", "three"].iter().enumerate() {
            let opts = crate::figure::emotion::ChartOptions::new(
                640,
                360,
                title.to_string(),
                crate::figure::Lang::En,
            );
            let fig = crate::figure::emotion::build(&ds, &analyses, &t, &opts).unwrap();
            expected.push(render::render(&fig, Format::Svg).unwrap());
            let path = dir.path().join(format!("{i}.svg"));
            plan.push(Job::picture(Target::InFolder(path), fig, Format::Svg));
        }
        plan.finish(Ok(())).unwrap();
        for (i, bytes) in expected.iter().enumerate() {
            assert_eq!(
                &std::fs::read(dir.path().join(format!("{i}.svg"))).unwrap(),
                bytes
            );
        }
    }
}
