//! Where a run's wall time goes, on standard error, when the environment sets
//! `CLAIMGRAPH_TIMINGS`: one line per phase (lexicon, index pass, workers, assembling,
//! writing, flushing to disk) with the seconds since the run began and since the phase
//! before. For benchmarks (`benches/run.sh` prints them); no output depends on them.

use std::sync::Mutex;
use std::time::Instant;

/// The run's start and the end of the last phase, when timings are asked for.
static CLOCK: Mutex<Option<(Instant, Instant)>> = Mutex::new(None);

/// Starts the clock if `CLAIMGRAPH_TIMINGS` is set (and not empty or `0`).
pub fn start() {
    let wanted = std::env::var_os("CLAIMGRAPH_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0");
    if let (true, Ok(mut clock)) = (wanted, CLOCK.lock()) {
        let now = Instant::now();
        *clock = Some((now, now));
    }
}

/// Ends phase `phase`: prints its line if the clock runs.
pub fn done(phase: &str) {
    let Ok(mut clock) = CLOCK.lock() else { return };
    if let Some((start, last)) = clock.as_mut() {
        let now = Instant::now();
        eprintln!(
            "claimgraph: timing: {phase:<10} {:>8.3} s (at {:.3} s){}",
            (now - *last).as_secs_f64(),
            (now - *start).as_secs_f64(),
            peak_memory()
                .map(|kb| format!(", peak {} MiB", kb / 1024))
                .unwrap_or_default()
        );
        *last = now;
    }
}

/// The process's peak resident memory so far, in KiB, where the system says it
/// (`VmHWM` in Linux's `/proc/self/status`).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
