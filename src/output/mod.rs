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

pub mod batch;
pub mod jobs;
pub mod target;

use std::io::Write;
use std::path::Path;

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
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        anyhow::bail!(
            "cannot write {}: the folder {} does not exist",
            path.display(),
            dir.display()
        );
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".emograph-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in the folder {}", dir.display()))?;
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        fill(&mut out)
            .and_then(|_| out.flush().map_err(anyhow::Error::from))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    // A temporary file is private (0600); the result should be what any new
    // file would be: the target's own permissions if it exists, else 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
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
