//! An output file sent to disk while it is written. The kernel starts writing dirty pages
//! back only past a share of memory (gigabytes on a large machine), so a file synced once
//! at the end would wait for all of it then. Flushing as it grows lets the disk work while
//! the run is still making output, and the final sync waits for the tail only.

use std::fs::File;
use std::io::{self, Write};
use std::thread::JoinHandle;

/// How many bytes are written between two flushes (`File::sync_data` on a thread).
pub const EVERY: u64 = 16 << 20;

/// A file whose written bytes are flushed every [`EVERY`] bytes on a thread of its own (at
/// most one flush at a time; a write never waits for one). [`Writeback::sync_all`] waits
/// for the flush under way, then syncs the file as `File::sync_all` does.
#[derive(Debug)]
pub struct Writeback {
    file: File,
    every: u64,
    unsynced: u64,
    flushing: Option<JoinHandle<io::Result<()>>>,
    /// How many flushes were started.
    pub flushes: usize,
}

impl Writeback {
    pub fn new(file: File, every: u64) -> Writeback {
        Writeback {
            file,
            every,
            unsynced: 0,
            flushing: None,
            flushes: 0,
        }
    }

    /// Waits for the flush under way, then syncs data and metadata: once it returns, the
    /// whole file is on disk.
    pub fn sync_all(mut self) -> io::Result<()> {
        self.wait()?;
        self.file.sync_all()
    }

    /// The result of the flush under way, once it is done (a failed flush fails the
    /// write that comes after it).
    fn wait(&mut self) -> io::Result<()> {
        match self.flushing.take() {
            Some(flush) => flush.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => Ok(()),
        }
    }
}

impl Write for Writeback {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.unsynced += n as u64;
        if self.unsynced >= self.every && self.flushing.as_ref().is_none_or(JoinHandle::is_finished) {
            self.wait()?;
            let file = self.file.try_clone()?;
            self.flushing = Some(std::thread::spawn(move || file.sync_data()));
            self.flushes += 1;
            self.unsynced = 0;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for Writeback {
    /// A file given up on (its run failed) still has its flush finished, not cut off.
    fn drop(&mut self) {
        let _ = self.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_lands_in_order_with_flushes_along_the_way() {
        let dir = std::env::temp_dir().join(format!("claimgraph-writeback-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out");
        let expected: Vec<u8> = (0..200_000u32).flat_map(u32::to_le_bytes).collect();
        let mut w = Writeback::new(File::create(&path).unwrap(), 64 << 10);
        for piece in expected.chunks(3_001) {
            w.write_all(piece).unwrap();
        }
        assert!(w.flushes >= 1, "800 KB in 64 KB steps starts flushes");
        w.sync_all().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), expected);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
