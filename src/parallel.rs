//! Bounded streaming across threads with a deterministic result: pieces made on several
//! threads and taken in their order, at most a few ahead of the taker, so what a run
//! writes never depends on the thread count and memory holds a few pieces whatever the
//! run's size. Reading back the mentions kept on disk and laying out a long `compare`
//! table use it; work whose results are all kept anyway runs on rayon.
//!
//! The number of threads is the process's, set once (`rayon::ThreadPoolBuilder` in the
//! CLI; a pool's `install` in tests): no domain function takes a thread count.

use std::io;

/// How many threads the run's parallel work uses: the current rayon pool's.
pub fn threads() -> usize {
    rayon::current_num_threads()
}

/// Makes each piece (`make`) on [`threads`] threads and hands the results to `take` in
/// order. Thread `i` makes pieces `i`, `i + threads`, ..., at most two ahead of `take`;
/// with one thread everything runs on this one. The first error, from either, ends the
/// walk.
pub fn in_order<P: Sync, R: Send>(
    pieces: &[P],
    make: impl Fn(&P) -> io::Result<R> + Sync,
    mut take: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let workers = threads();
    if workers <= 1 {
        return pieces.iter().try_for_each(|piece| take(make(piece)?));
    }
    std::thread::scope(|scope| {
        let queues: Vec<_> = (0..workers)
            .map(|i| {
                let (send, receive) = std::sync::mpsc::sync_channel(2);
                let make = &make;
                scope.spawn(move || {
                    // A closed queue means `take` stopped: so does this worker.
                    for piece in pieces.iter().skip(i).step_by(workers) {
                        if send.send(make(piece)).is_err() {
                            break;
                        }
                    }
                });
                receive
            })
            .collect();
        for k in 0..pieces.len() {
            // A worker that hung up early panicked; the scope passes its panic on.
            let Ok(made) = queues[k % workers].recv() else { break };
            take(made?)?;
        }
        Ok(())
    })
}

/// `f` run with `n` threads as the process's (what `--threads` sets), for tests.
#[cfg(test)]
pub(crate) fn in_threads<R: Send>(n: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .unwrap()
        .install(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `f` run with `n` threads as the process's.
    fn in_threads<R: Send>(n: usize, f: impl FnOnce() -> R + Send) -> R {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
            .install(f)
    }

    #[test]
    fn pieces_made_on_workers_are_taken_in_order() {
        let pieces: Vec<usize> = (0..1000).collect();
        for workers in [1, 2, 3, 8] {
            let mut taken = Vec::new();
            in_threads(workers, || {
                in_order(
                    &pieces,
                    |&k| Ok(k * 2),
                    |made| {
                        taken.push(made);
                        Ok(())
                    },
                )
            })
            .unwrap();
            assert_eq!(
                taken,
                pieces.iter().map(|k| k * 2).collect::<Vec<_>>(),
                "{workers} workers"
            );
        }
    }

    #[test]
    fn the_first_error_ends_the_walk_on_any_side() {
        let pieces: Vec<usize> = (0..1000).collect();
        for workers in [1, 3] {
            let mut taken = 0;
            let failed = in_threads(workers, || {
                in_order(
                    &pieces,
                    |&k| if k == 500 { Err(io::Error::other("made")) } else { Ok(k) },
                    |_| {
                        taken += 1;
                        Ok(())
                    },
                )
            });
            assert_eq!(failed.unwrap_err().to_string(), "made");
            assert_eq!(taken, 500, "every piece before the failed one, none after");
            let failed = in_threads(workers, || {
                in_order(
                    &pieces,
                    |&k| Ok(k),
                    |k| {
                        if k == 10 {
                            Err(io::Error::other("taken"))
                        } else {
                            Ok(())
                        }
                    },
                )
            });
            assert_eq!(failed.unwrap_err().to_string(), "taken", "and the workers stop");
        }
    }
}
