//! Where output goes: stdout, or with `-o FILE` a file written atomically (all or
//! nothing) that replaces an existing FILE only with `--force`. On stdout a closed pipe
//! (`claimgraph json … | head`) is not an error: the reader has what it wanted, so the run
//! ends quietly with 0. A failed write is reported on stderr, naming the file, and
//! returned as the exit code it calls for.

use super::{EXIT_SKIPPED, EXIT_USAGE};
use crate::writeback::{self, Writeback};
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Where output goes and what is said on the way.
#[derive(Debug, Clone)]
pub(super) struct Sink {
    /// `-o FILE`; stdout when `None`.
    pub(super) output: Option<PathBuf>,
    /// `--force`: FILE may be replaced.
    pub(super) force: bool,
    /// `--quiet`: no warnings.
    pub(super) quiet: bool,
}

impl Sink {
    /// Whether the output goes to a terminal.
    pub(super) fn to_terminal(&self) -> bool {
        self.output.is_none() && std::io::stdout().is_terminal()
    }

    /// Refuses, before any work, an output file that exists without `--force` (the move
    /// into place refuses one that appears later).
    pub(super) fn check(&self) -> Result<(), i32> {
        match &self.output {
            Some(path) if path.exists() && !self.force => Err(exists(path)),
            _ => Ok(()),
        }
    }

    /// Streams what `render` writes to stdout or to the output file.
    pub(super) fn write(&self, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), i32> {
        match &self.output {
            Some(path) => write_file(path, self.force, render),
            None => stream_stdout(render),
        }
    }
}

/// Says that `path` exists and nothing was written; the usage exit code.
fn exists(path: &Path) -> i32 {
    eprintln!(
        "claimgraph: {} exists; nothing was written\n  hint: add --force to replace it",
        path.display()
    );
    EXIT_USAGE
}

/// Writes what `render` makes to `path`, all or nothing: into a temporary file beside it
/// (a fresh, unpredictable name, created exclusively, so no planted file or symlink is
/// written through), synced, then moved into place. Without `force` the move never
/// replaces a `path` that exists by then, even one made while the run was working; with
/// it, the move replaces `path` in one step. A reader never sees half a file, and a
/// failed run leaves none (the temporary file is removed when it is dropped).
fn write_file(path: &Path, force: bool, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), i32> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = temporary_file(dir).map_err(|e| cannot_write(path, &e))?;
    let written = tmp.as_file().try_clone().and_then(|file| {
        // Flushed as it grows: the final sync waits for the last few MB only.
        let mut w = std::io::BufWriter::new(Writeback::new(file, writeback::EVERY));
        render(&mut w)?;
        let file = w.into_inner().map_err(std::io::IntoInnerError::into_error)?;
        crate::pipeline::timings::done("write");
        file.sync_all()?;
        crate::pipeline::timings::done("sync");
        Ok(())
    });
    written.map_err(|e| cannot_write(path, &e))?;
    let persisted = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if !force && e.error.kind() == ErrorKind::AlreadyExists => Err(exists(path)),
        Err(e) => Err(cannot_write(path, &e.error)),
    }
}

/// A new temporary file in `dir`, readable as a file made by `File::create` would be
/// (tempfile's own default, owner-only, would carry over to the output).
fn temporary_file(dir: &Path) -> std::io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode asked of open(2), so the umask applies as it does to `File::create`.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Says that `path` could not be written and why; the exit code of a failed write.
fn cannot_write(path: &Path, e: &std::io::Error) -> i32 {
    eprintln!("claimgraph: cannot write {}: {e}", path.display());
    EXIT_SKIPPED
}

/// Writes `text` to stdout; a closed pipe ends it quietly.
pub(super) fn write_stdout(text: &str) -> Result<(), i32> {
    stream_stdout(|w| w.write_all(text.as_bytes()))
}

/// Streams output to stdout; a closed pipe ends it quietly.
fn stream_stdout(render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), i32> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    match render(&mut w).and_then(|()| w.flush()) {
        Ok(()) => {
            crate::pipeline::timings::done("write");
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("claimgraph: cannot write output: {e}");
            Err(EXIT_SKIPPED)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_that_appears_during_the_run_is_kept_without_force_and_replaced_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let late = |w: &mut dyn Write| {
            std::fs::write(&path, "theirs")?;
            w.write_all(b"ours")
        };
        assert_eq!(write_file(&path, false, late), Err(EXIT_USAGE));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "theirs");
        assert_eq!(names(dir.path()), ["out.csv"], "the temporary file is removed");
        assert_eq!(write_file(&path, true, late), Ok(()));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ours");
        assert_eq!(names(dir.path()), ["out.csv"]);
    }

    #[test]
    fn a_failed_render_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let failed = write_file(&path, false, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("the run failed"))
        });
        assert_eq!(failed, Err(EXIT_SKIPPED));
        assert!(names(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_at_a_guessable_temporary_name_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        // A name made of FILE's and the process id, which anyone can guess.
        let planted = dir
            .path()
            .join(format!(".out.json.claimgraph-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let path = dir.path().join("out.json");
        assert_eq!(write_file(&path, false, |w| w.write_all(b"{}\n")), Ok(()));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(std::fs::symlink_metadata(&path).unwrap().is_file());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}\n");
    }
}
