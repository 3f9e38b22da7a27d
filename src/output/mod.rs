//! Writing results: to standard output for `-`, otherwise through a
//! temporary file beside the target that is renamed into place, so an error
//! never leaves a truncated file and never clobbers an existing one.
//!
//! - this file: the atomic writes ([`write()`], [`write_with`], [`write_to`]);
//! - [`target`]: where an output goes ([`Target`]) and safe, unique file
//!   names for groups in a folder ([`OutDir`]);
//! - [`batch`]: one graph (and report) per group in a folder, rendered in
//!   parallel, with `index.json`;
//! - [`jobs`]: the list of pictures and reports a command wants written
//!   ([`Plan`]), and the one writer that renders, writes and announces them.
//!
//! Three promises keep a user's files safe:
//! - an output that is the input itself (same file, through links and `..`)
//!   is refused before anything is read or written ([`refuse_input_as_output`]);
//! - a temporary file never outlives the run: it is removed on every error
//!   path, and on SIGINT, SIGTERM and SIGHUP (the handler removes every
//!   temporary file still being written, then exits 130, 143 or 129);
//! - `-o` through a symbolic link writes the file the link points to and
//!   keeps the link.

pub mod batch;
pub mod jobs;
pub mod target;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use anyhow::{Context, Result};

pub use jobs::{Job, Plan};
pub use target::{OutDir, Target};

/// Write `bytes` to `path` (`-` for standard output) atomically.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, &mut |w| {
        w.write_all(bytes)?;
        Ok(())
    })
}

/// Let `fill` write to `path` (`-` for standard output) through a buffer;
/// a file is written atomically, as with [`write()`].
pub fn write_with(path: &Path, fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>) -> Result<()> {
    write_to(&Target::named(path), fill)
}

/// Let `fill` write to a target, as [`write_with`]; a [`Target::InFolder`]
/// is always replaced (a link or device planted there is not followed).
pub fn write_to(target: &Target, fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>) -> Result<()> {
    let path = target.path();
    if target.is_stdout() {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let result = fill(&mut out).and_then(|_| out.flush().map_err(anyhow::Error::from));
        return match result {
            // A closed pipe (`| head`) is not an error worth reporting.
            Err(e) if is_broken_pipe(&e) => Ok(()),
            other => other.context("cannot write to standard output"),
        };
    }
    // A device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe) is
    // written in place: renaming a temporary file over it would replace the
    // device itself with a plain file.
    // A name made in a folder is never written through: a link planted
    // there is replaced by the rename below like any file.
    let named = matches!(target, Target::Named(_));
    if let Some(meta) = std::fs::metadata(path).ok().filter(|_| named) {
        if !meta.is_file() && !meta.is_dir() {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            return fill(&mut out)
                .and_then(|_| out.flush().map_err(anyhow::Error::from))
                .with_context(|| format!("cannot write {}", path.display()));
        }
    }
    // A path the user named that is a link: write where it points, and
    // keep the link (a rename over the link would replace it).
    let resolved;
    let path = if named {
        resolved = follow_links(path);
        resolved.as_path()
    } else {
        path
    };
    check_writable_name(target.path(), path)?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let guard = InFlight::create_in(dir).map_err(|e| folder_error(target.path(), dir, &e))?;
    let written = (|| -> Result<()> {
        let mut file = guard.file()?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut file);
        fill(&mut out)
            .and_then(|_| out.flush().map_err(anyhow::Error::from))
            .with_context(|| format!("cannot write {}", target.path().display()))
    })();
    // On an error the guard's drop removes the temporary file.
    written?;
    // A temporary file is private (0600); the result should be what any new
    // file would be: the target's own permissions if it exists, else 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        std::fs::set_permissions(guard.path(), std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot write {}", target.path().display()))?;
    }
    guard
        .persist(path)
        .with_context(|| format!("cannot write {}", target.path().display()))?;
    Ok(())
}

/// Refuse, before anything is read or written, an output that is one of
/// the inputs: the same file (device and inode), whatever the path says
/// (links, `..`, another spelling). Standard input and output (`-`) and
/// outputs that do not exist yet are never the same file.
pub fn refuse_input_as_output(inputs: &[&Path], outputs: &[&Path]) -> Result<()> {
    for output in outputs {
        if output.as_os_str() == "-" {
            continue;
        }
        let Ok(out) = std::fs::metadata(output) else {
            continue;
        };
        for input in inputs {
            if input.as_os_str() == "-" {
                continue;
            }
            let Ok(inp) = std::fs::metadata(input) else {
                continue;
            };
            if same_file(&inp, &out) {
                anyhow::bail!(
                    "{} is the same file as the input {}: writing it would destroy the input — expected another name for the output",
                    output.display(),
                    input.display()
                );
            }
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // A device (`/dev/stdin`, a pipe) read and written is not a file lost.
    a.is_file() && a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// Where a chain of symbolic links ends (the path itself when it is not a
/// link; the last name reached when a link dangles or loops).
fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&current)
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false);
        if !is_link {
            break;
        }
        let Ok(next) = std::fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
    }
    current
}

/// Errors about the name itself, in words: a folder, a name ending in `/`,
/// a folder that does not exist or is a file.
fn check_writable_name(shown: &Path, path: &Path) -> Result<()> {
    let ends_in_slash = shown
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::MAIN_SEPARATOR);
    if ends_in_slash || path.is_dir() {
        anyhow::bail!(
            "cannot write {}: that names a folder — expected the name of a file (in it or elsewhere)",
            shown.display(),
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        if dir.exists() {
            anyhow::bail!(
                "cannot write {}: {} is a file, not a folder",
                shown.display(),
                dir.display()
            );
        }
        anyhow::bail!(
            "cannot write {}: the folder {} does not exist",
            shown.display(),
            dir.display()
        );
    }
    Ok(())
}

/// A failure to make a file in `dir`, in words and without the temporary
/// file's name (the OS error's own text names it).
fn folder_error(shown: &Path, dir: &Path, e: &std::io::Error) -> anyhow::Error {
    use std::io::ErrorKind;
    let why = match e.kind() {
        ErrorKind::PermissionDenied => "you may not create files there".to_string(),
        ErrorKind::ReadOnlyFilesystem => "it is on a read-only disk".to_string(),
        ErrorKind::StorageFull => "the disk is full".to_string(),
        ErrorKind::NotFound => "it does not accept new files".to_string(),
        _ => match e.raw_os_error() {
            Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
            None => "it does not accept new files".to_string(),
        },
    };
    anyhow::anyhow!(
        "cannot write {}: cannot create a file in the folder {}: {why}",
        shown.display(),
        dir.display()
    )
}

/// Lines for standard error kept until the error is printed.
static AFTER_ERROR: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Print warnings and `wrote …` lines now when all went well; on a
/// failure keep them for after the error, so that the first line of
/// standard error is always the error.
pub fn say(lines: Vec<String>, ok: bool) {
    if ok {
        for line in lines {
            eprintln!("{line}");
        }
    } else {
        AFTER_ERROR
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(lines);
    }
}

/// The lines kept by [`say`] on a failure, for `main` to print after the error.
pub fn after_error() -> Vec<String> {
    std::mem::take(&mut *AFTER_ERROR.lock().unwrap_or_else(|e| e.into_inner()))
}

/// Temporary files being written, removed by the signal handler.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

/// A temporary file listed in [`IN_FLIGHT`] for as long as it lives.
struct InFlight {
    tmp: Option<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl InFlight {
    /// A new temporary file in `dir`, listed before a signal can see it
    /// unlisted: the handler is installed first, and the list stays locked
    /// from the file's creation until it is listed.
    fn create_in(dir: &Path) -> std::io::Result<InFlight> {
        install_handler();
        let mut list = lock();
        let tmp = tempfile::Builder::new()
            .prefix(".emograph-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        let path = tmp.path().to_path_buf();
        list.push(path.clone());
        Ok(InFlight {
            tmp: Some(tmp),
            path,
        })
    }

    fn path(&self) -> &Path {
        &self.path
    }

    fn file(&self) -> Result<&std::fs::File> {
        self.tmp
            .as_ref()
            .map(|t| t.as_file())
            .ok_or_else(|| anyhow::anyhow!("the temporary file is gone"))
    }

    /// Rename into place. The list stays locked meanwhile, so a signal
    /// either removes the temporary file first or finds it renamed.
    fn persist(mut self, to: &Path) -> Result<()> {
        let mut list = lock();
        let tmp = self.tmp.take().expect("persisted once");
        let result = tmp.persist(to).map(|_| ()).map_err(|e| {
            // `e.file` drops (and removes itself) here.
            anyhow::Error::from(e.error)
        });
        list.retain(|p| p != &self.path);
        result
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let mut list = lock();
            drop(tmp); // removes the file
            list.retain(|p| p != &self.path);
        }
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// On SIGINT, SIGTERM or SIGHUP: remove every temporary file being
/// written and exit as a shell expects (128 + the signal's number). The
/// handler is a thread that waits for the signal, so removing files is
/// ordinary code, not code inside a signal handler.
fn install_handler() {
    HANDLER.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("emograph-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let list = lock();
                    for path in list.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                    std::process::exit(128 + signal);
                }
            });
    });
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("graph.svg");
        write(&target, b"first").unwrap();
        write(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_kept_modes_stay() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("graph.png");
        write(&target, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), 0o644);
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&target, b"y").unwrap();
        assert_eq!(mode(&target), 0o640);
    }

    /// A named pipe (like `/dev/null` or `/dev/stdout`, not a plain file) is
    /// written through, and is still a pipe afterwards. Tested on a FIFO of
    /// our own, so a regression cannot damage the machine's devices.
    #[cfg(unix)]
    #[test]
    fn a_special_file_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.map(|s| s.success()).unwrap_or(false) {
            return; // no mkfifo on this system: nothing to check
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        write(&fifo, b"through the pipe").unwrap();
        // Checked before joining: had the pipe been replaced, the reader
        // would wait forever.
        let meta = std::fs::metadata(&fifo).unwrap();
        assert!(meta.file_type().is_fifo(), "still a pipe");
        assert_eq!(reader.join().unwrap(), b"through the pipe");
    }

    /// A name made in a folder replaces a link planted there instead of
    /// writing through it; a path the user named is written through.
    #[cfg(unix)]
    #[test]
    fn a_link_in_a_folder_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, b"keep").unwrap();
        let link = dir.path().join("graph.svg");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        write_to(&Target::InFolder(link.clone()), &mut |w| {
            w.write_all(b"new")?;
            Ok(())
        })
        .unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
        assert_eq!(std::fs::read(&link).unwrap(), b"new");
    }

    #[test]
    fn missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("nope").join("graph.svg");
        assert!(write(&target, b"x").is_err());
    }
}
