//! The batch writer: one graph (and optionally one report) per group in a
//! folder, rendered in parallel, and `index.json` describing every group.
//!
//! - Names come from [`OutDir`] (safe and unique whatever the group's text);
//!   `index` is kept free for the index itself.
//! - Groups are rendered on a local rayon pool (`--jobs N`, else all cores);
//!   each group's files are written as soon as they are rendered, so memory
//!   holds one picture per thread, never the whole batch. A file's bytes
//!   depend only on its group, and the index is written last in group
//!   order, so the output is the same whatever `--jobs` is.
//! - A group that fails is recorded in the index and the rest go on; the
//!   run then ends with exit code 1 ([`crate::error::Reported`]).
//! - Every file goes through a temporary file renamed into place. Temporary
//!   files in flight are listed here, and an interrupt (Ctrl-C, SIGTERM,
//!   SIGHUP) removes them before the process exits, so an interrupted run
//!   leaves no `.emograph-*.tmp` behind.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use super::target::{OutDir, Target};
use crate::error::Reported;
use crate::figure::Figure;
use crate::render::{self, Format};

/// Where and how a batch is written.
#[derive(Debug, Clone)]
pub struct Batch {
    /// The input as named on the command line, for the index.
    pub input: String,
    /// The second sheet (`compare BEFORE AFTER`), for the index.
    pub after: Option<String>,
    /// The column grouped by, as given to `--by`.
    pub by: String,
    /// The graphs' folder, prefix and extension.
    pub graphs: OutDir,
    /// The reports' folder, prefix and extension, when each group gets one.
    pub reports: Option<OutDir>,
    /// Where the index goes (`DIR/index.json`, or `DIR/<stem>.index.json`).
    pub index: PathBuf,
    /// Most threads to render on; `None` for all cores.
    pub jobs: Option<usize>,
    /// No warnings, no summary, no progress bar.
    pub quiet: bool,
}

/// One group as the command sees it before drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub cases: usize,
    pub steps: usize,
}

/// What drawing one group made.
pub struct Made {
    pub figure: Figure,
    pub format: Format,
    /// The group's report, when the batch writes reports.
    pub report: Option<Vec<u8>>,
    /// Critical dips of the group's pattern line.
    pub critical_dips: usize,
    /// Steps of the group's pattern prone to fail.
    pub prone_to_fail: usize,
    /// Things the user should know (without the `warning: <file>: ` prefix).
    pub warnings: Vec<String>,
}

/// One entry of `index.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexEntry {
    pub group: String,
    /// The graph's file name inside the folder; null when the group failed.
    pub file: Option<String>,
    /// The report's file name (only in batches that write reports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<Option<String>>,
    pub cases: usize,
    pub steps: usize,
    pub critical_dips: Option<usize>,
    pub prone_to_fail: Option<usize>,
    /// `ok` or `failed`.
    pub status: &'static str,
    /// Why the group failed; null when it did not.
    pub error: Option<String>,
}

/// The whole of `index.json`.
#[derive(Debug, Serialize)]
pub struct Index<'a> {
    pub input: &'a str,
    /// The second sheet of `compare BEFORE AFTER --by`; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<&'a str>,
    pub by: &'a str,
    pub groups: &'a [IndexEntry],
}

/// The name an index entry gives a file: its name inside the folder.
fn file_name(t: &Target) -> String {
    t.path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Batch {
    /// Draw every group with `make` (called once per group index, from
    /// several threads), write the files and the index, and report. Returns
    /// [`Reported`] when a group failed (after writing all the others).
    /// Refuse, before anything is written, a group file that would be the
    /// input itself (a group named so that its graph or report is the sheet).
    pub fn refuse_input(&self, groups: &[Group]) -> Result<()> {
        let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
        let mut targets = self.graphs.targets(&names);
        if let Some(r) = &self.reports {
            targets.extend(r.targets(&names));
        }
        let paths: Vec<&Path> = targets.iter().map(|t| t.path()).collect();
        super::refuse_input_as_output(&[Path::new(&self.input)], &paths)
    }

    pub fn run<F>(&self, groups: &[Group], make: F) -> Result<()>
    where
        F: Fn(usize) -> Result<Made> + Sync,
    {
        self.refuse_input(groups)?;
        let dir = self.graphs.dir();
        let dir_shown = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::create_dir_all(dir_shown)
            .with_context(|| format!("cannot create the folder {}", dir_shown.display()))?;
        let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
        let graphs = self.graphs.targets(&names);
        let reports = self.reports.as_ref().map(|r| r.targets(&names));
        cleanup::install();

        let bar = progress(groups.len() as u64, self.quiet);
        let one = |i: usize| -> (IndexEntry, Vec<String>) {
            let g = &groups[i];
            let report_target = reports.as_ref().map(|r| &r[i]);
            let result = make(i).and_then(|made| {
                let bytes = render::render(&made.figure, made.format)?;
                write_file(&graphs[i], &bytes)?;
                drop(bytes);
                if let (Some(t), Some(r)) = (report_target, &made.report) {
                    write_file(t, r)?;
                }
                Ok(made)
            });
            bar.inc(1);
            match result {
                Ok(made) => (
                    IndexEntry {
                        group: g.name.clone(),
                        file: Some(file_name(&graphs[i])),
                        report: report_target.map(|t| Some(file_name(t))),
                        cases: g.cases,
                        steps: g.steps,
                        critical_dips: Some(made.critical_dips),
                        prone_to_fail: Some(made.prone_to_fail),
                        status: "ok",
                        error: None,
                    },
                    made.warnings,
                ),
                Err(e) => {
                    let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
                    (
                        IndexEntry {
                            group: g.name.clone(),
                            file: None,
                            report: report_target.map(|_| None),
                            cases: g.cases,
                            steps: g.steps,
                            critical_dips: None,
                            prone_to_fail: None,
                            status: "failed",
                            error: Some(chain.join(": ")),
                        },
                        Vec::new(),
                    )
                }
            }
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs.unwrap_or(0))
            .build()
            .context("cannot start the rendering threads")?;
        let results: Vec<(IndexEntry, Vec<String>)> =
            pool.install(|| (0..groups.len()).into_par_iter().map(one).collect());
        bar.finish_and_clear();

        let (entries, warnings): (Vec<IndexEntry>, Vec<Vec<String>>) = results.into_iter().unzip();
        let index = Index {
            input: &self.input,
            after: self.after.as_deref(),
            by: &self.by,
            groups: &entries,
        };
        let mut json = serde_json::to_vec_pretty(&index)?;
        json.push(b'\n');
        write_file(&Target::InFolder(self.index.clone()), &json)?;

        if !self.quiet {
            for w in warnings.iter().flatten() {
                eprintln!("warning: {}: {w}", self.input);
            }
        }
        let failed: Vec<&IndexEntry> = entries.iter().filter(|e| e.status != "ok").collect();
        const SHOWN: usize = 10;
        for e in failed.iter().take(SHOWN) {
            eprintln!(
                "error: group {}: {}",
                crate::error::quote(&e.group),
                e.error.as_deref().unwrap_or("")
            );
        }
        if failed.len() > SHOWN {
            eprintln!("error: … and {} more groups failed", failed.len() - SHOWN);
        }
        let written = entries.len() - failed.len();
        if !self.quiet {
            eprintln!("{}", summary(written, failed.len(), dir_shown, &self.index));
        }
        if failed.is_empty() {
            Ok(())
        } else {
            Err(Reported.into())
        }
    }
}

/// `wrote 998 graphs to out/, 2 groups failed: see out/index.json`.
pub fn summary(written: usize, failed: usize, dir: &Path, index: &Path) -> String {
    let mut dir = dir.display().to_string();
    if !dir.ends_with('/') {
        dir.push('/');
    }
    let graphs = if written == 1 { "graph" } else { "graphs" };
    let mut s = format!("wrote {written} {graphs} to {dir}");
    if failed > 0 {
        let groups = if failed == 1 { "group" } else { "groups" };
        s.push_str(&format!(
            ", {failed} {groups} failed: see {}",
            index.display()
        ));
    }
    s
}

/// A progress bar on standard error when it is a terminal, else nothing.
fn progress(len: u64, quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} groups, {eta} left")
    {
        bar.set_style(style);
    }
    bar
}

/// Write `bytes` to a target atomically: a temporary file beside it,
/// listed for removal on interrupt, then renamed over whatever sits at the
/// target (a planted link is replaced, never followed).
fn write_file(target: &Target, bytes: &[u8]) -> Result<()> {
    let path = target.path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = cleanup::temp_in(dir)
        .with_context(|| format!("cannot write in the folder {}", dir.display()))?;
    let result = (|| -> Result<()> {
        tmp.as_file_mut().write_all(bytes)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))?;
        }
        Ok(())
    })();
    let tmp_path = tmp.path().to_path_buf();
    let result = result.and_then(|_| tmp.persist(path).map(drop).map_err(|e| e.error.into()));
    cleanup::forget(&tmp_path);
    result.with_context(|| format!("cannot write {}", path.display()))
}

/// Temporary files in flight, removed by the interrupt handler.
mod cleanup {
    use super::*;

    struct InFlight {
        files: HashSet<PathBuf>,
        stopping: bool,
    }

    static IN_FLIGHT: Mutex<Option<InFlight>> = Mutex::new(None);

    fn lock() -> std::sync::MutexGuard<'static, Option<InFlight>> {
        IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Install the interrupt handler once per process. If another part of
    /// the program installed one first, temporary files are still removed
    /// when a write fails, just not on interrupt.
    pub fn install() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let _ = ctrlc::set_handler(|| {
                let mut guard = lock();
                let state = guard.get_or_insert_with(|| InFlight {
                    files: HashSet::new(),
                    stopping: true,
                });
                state.stopping = true;
                for f in state.files.drain() {
                    let _ = std::fs::remove_file(f);
                }
                // Exit with the lock held: no new temporary file can start.
                std::process::exit(130);
            });
        });
    }

    /// A new temporary file in `dir`, listed until [`forget`].
    pub fn temp_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
        let mut guard = lock();
        let state = guard.get_or_insert_with(|| InFlight {
            files: HashSet::new(),
            stopping: false,
        });
        if state.stopping {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "interrupted",
            ));
        }
        let tmp = tempfile::Builder::new()
            .prefix(".emograph-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        state.files.insert(tmp.path().to_path_buf());
        Ok(tmp)
    }

    /// The temporary file was renamed into place or removed.
    pub fn forget(path: &Path) {
        if let Some(state) = lock().as_mut() {
            state.files.remove(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_graphs_and_failures() {
        let i = Path::new("out/index.json");
        assert_eq!(
            summary(998, 2, Path::new("out"), i),
            "wrote 998 graphs to out/, 2 groups failed: see out/index.json"
        );
        assert_eq!(summary(1, 0, Path::new("out/"), i), "wrote 1 graph to out/");
        assert_eq!(
            summary(0, 1, Path::new("."), Path::new("./index.json")),
            "wrote 0 graphs to ./, 1 group failed: see ./index.json"
        );
    }

    #[test]
    fn a_planted_link_is_replaced_and_no_temporary_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, b"keep").unwrap();
        let link = dir.path().join("a.svg");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        write_file(&Target::InFolder(link.clone()), b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert_eq!(std::fs::read(&link).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2);
    }
}
