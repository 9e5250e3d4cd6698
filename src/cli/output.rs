//! Where output goes: stdout, or with `-o FILE` a file written atomically (all or
//! nothing). On stdout a closed pipe (`claimgraph json … | head`) is not an error: the
//! reader has what it wanted, so the run ends quietly with 0. A failed write is reported
//! on stderr, naming the file, and returned as the exit code it calls for.

use super::{EXIT_SKIPPED, EXIT_USAGE};
use crate::writeback::{self, Writeback};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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

    /// Refuses, before any work, an output file that exists without `--force`.
    pub(super) fn check(&self) -> Result<(), i32> {
        match &self.output {
            Some(path) if path.exists() && !self.force => Err(exists(path)),
            _ => Ok(()),
        }
    }

    /// Streams what `render` writes to stdout or to the output file.
    pub(super) fn write(&self, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), i32> {
        match &self.output {
            Some(path) => write_file(path, render),
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

/// Writes `text` to `path` atomically: into a temporary file beside it, then renamed over
/// it, so a reader never sees half a file and a failed run leaves none.
fn write_file(path: &Path, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), i32> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.claimgraph-{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|file| {
            // Flushed as it grows: the final sync waits for the last few MB only.
            let mut w = std::io::BufWriter::new(Writeback::new(file, writeback::EVERY));
            render(&mut w)?;
            let file = w.into_inner().map_err(std::io::IntoInnerError::into_error)?;
            crate::pipeline::timings::done("write");
            file.sync_all()?;
            crate::pipeline::timings::done("sync");
            Ok(())
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        eprintln!("claimgraph: cannot write {}: {e}", path.display());
        EXIT_SKIPPED
    })
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
