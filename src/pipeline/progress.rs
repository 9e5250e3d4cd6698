//! A progress line on stderr for long runs: `claimgraph: 1234/10000 articles (12%)`,
//! redrawn in place a few times a second and erased when the run is done. The caller
//! shows it only when stderr is a terminal and `--quiet` is not given, so it never
//! reaches a pipe, a file or a test.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How often the line is redrawn.
const REDRAW: Duration = Duration::from_millis(200);
/// How often the end of the run is checked.
const TICK: Duration = Duration::from_millis(20);
/// Runs shorter than this show nothing.
const DELAY: Duration = Duration::from_millis(500);

/// Shows `done` out of `total` until `finished` is set.
pub(super) fn show(done: &AtomicUsize, finished: &AtomicBool, total: usize) {
    let start = Instant::now();
    let mut shown = false;
    let mut drawn = start;
    let mut stderr = std::io::stderr();
    while !finished.load(Ordering::Relaxed) {
        std::thread::sleep(TICK);
        if start.elapsed() < DELAY || drawn.elapsed() < REDRAW {
            continue;
        }
        drawn = Instant::now();
        let n = done.load(Ordering::Relaxed);
        let percent = n * 100 / total.max(1);
        let _ = write!(stderr, "\rclaimgraph: {n}/{total} articles ({percent}%)");
        let _ = stderr.flush();
        shown = true;
    }
    if shown {
        let _ = write!(stderr, "\r\x1b[2K");
        let _ = stderr.flush();
    }
}
