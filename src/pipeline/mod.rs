//! The pipeline: from paths to one [`Run`].
//!
//! Input: the paths the user gave and a resolved [`Config`]. Output: [`Output`], the run
//! model, where its mentions are ([`MentionStore`]), its graph, per article what the
//! stages computed when asked ([`Analysis`]), and the input errors and warnings that
//! decide the exit code.
//!
//! Two phases follow ingest's index pass. **Per article, in parallel** (rayon, on the
//! process's threads): read the text, [`analyze`] it, reduce it to a digest (`digest`),
//! keep its mentions and sources on disk if asked (`store`), drop the text. **Across
//! articles, once** (`assemble`): link, give mentions their claims, build the graph.
//!
//! Invariants: the run is a pure function of the articles' ids, texts and metadata, so
//! neither the order in which paths are given nor the number of threads changes it;
//! analysis of text never fails.

use crate::graph::RunGraph;
use crate::ingest::{self, IngestOptions, InputError};
use crate::lexicon::Lexicon;
use crate::link;
use crate::model::Run;
use assemble::{Digested, NameCounts};
use digest::{Digest, digest};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

mod analyze;
mod assemble;
mod digest;
mod progress;
pub mod reads;
mod store;
pub mod timings;

pub use analyze::{Analysis, analyze};
pub use digest::OPEN_CLAIM_RULE;
pub use store::{Disk, MentionStore, mention_order};

/// Everything resolved before the pipeline starts: options and compiled lexicons.
#[derive(Debug, Clone)]
pub struct Config {
    /// Input options.
    pub ingest: IngestOptions,
    /// The compiled lexicons.
    pub lexicon: Lexicon,
    /// Mentions of one claim further apart than this many days are separate episodes.
    pub window_days: i64,
    /// Keep every article's [`Analysis`] in [`Output::analyses`] (for `explain`,
    /// `segment`, `eval`). Without it each analysis is dropped once digested, so memory
    /// grows with the mentions and claims, not with the corpus bytes.
    pub keep_analyses: bool,
    /// Show progress on stderr (the caller decides: a terminal, not `--quiet`).
    pub progress: bool,
    /// Where the mentions and sources wait between the workers and the output.
    pub keep: Keep,
}

/// Where a run keeps its mentions and sources ([`Config::keep`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Keep {
    /// In `Run::mentions` and `Run::sources`: for the reports that read them more than
    /// once, or out of order.
    #[default]
    Memory,
    /// In temporary files, read back in the run's order through `report::Store` (for
    /// `claimgraph json` and `compare`): memory does not grow with the mentions' text.
    Disk,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ingest: IngestOptions::default(),
            lexicon: Lexicon::embedded(),
            window_days: link::DEFAULT_WINDOW_DAYS,
            keep_analyses: true,
            progress: false,
            keep: Keep::Memory,
        }
    }
}

/// The result of running the pipeline.
#[derive(Debug, Default)]
pub struct Output {
    /// The run model every renderer reads. Its mentions and sources are in it unless
    /// `store` keeps them on disk.
    pub run: Run,
    /// Where the run's mentions and sources are; `report::Store` reads them from either.
    pub store: MentionStore,
    /// The run's graph: who carries each claim, on whose authority, what contradicts it.
    pub graph: RunGraph,
    /// Per-article analyses, in the order of `run.articles` (empty unless
    /// [`Config::keep_analyses`]).
    pub analyses: Vec<Analysis>,
    /// Inputs that were skipped.
    pub errors: Vec<InputError>,
    /// Inputs read with something ignored.
    pub warnings: Vec<InputError>,
}

/// Reads `paths` and runs every stage: the index pass of ingest first (every input
/// checked, no text kept), then the per-article phase, which reads each article's text
/// when it takes it, then assembly.
pub fn run(paths: &[PathBuf], config: &Config) -> Output {
    let index = ingest::index(paths, &config.ingest);
    timings::done("index");
    let analysed = analyse_all(index.pending, config);
    timings::done("analyse");
    let mut errors = index.errors;
    errors.extend(analysed.unread);
    let mut warnings = index.warnings;
    let mut digested = analysed.digested;
    warnings.extend(digested.digests.iter_mut().flat_map(|d| std::mem::take(&mut d.notes)));
    if let Some(e) = analysed.disk_error {
        warnings.push(InputError {
            path: std::env::temp_dir().display().to_string(),
            line: None,
            message: format!("cannot keep mentions and sources in a temporary file ({e}); they are kept in memory"),
            hint: "set TMPDIR to a writable directory with room for about four times the corpus".to_owned(),
        });
    }
    // On a pool thread, like the workers that made the digests: an allocator's heaps are
    // per thread, and what the workers freed is then reused rather than grown past.
    let assembled = rayon::scope(|_| assemble::assemble(digested, &config.lexicon, config.window_days));
    timings::done("assemble");
    Output {
        run: assembled.run,
        store: assembled.store,
        graph: assembled.graph,
        analyses: analysed.analyses,
        errors,
        warnings,
    }
}

/// Builds the run model from analysed articles, its mentions in memory.
pub fn build_run(analyses: &[Analysis], lexicon: &Lexicon, window_days: i64) -> Run {
    let digested = Digested {
        digests: analyses.iter().map(|a| digest(a, lexicon)).collect(),
        ..Digested::default()
    };
    assemble::assemble(digested, lexicon, window_days).run
}

/// What the per-article phase hands on.
struct Analysed {
    /// The digests, in input order, and what the workers counted and kept.
    digested: Digested,
    /// The kept analyses ([`Config::keep_analyses`]), in input order.
    analyses: Vec<Analysis>,
    /// The articles whose file changed since the index pass, in input order.
    unread: Vec<InputError>,
    /// The first error met creating or writing a temporary file (those records stayed
    /// in memory).
    disk_error: Option<std::io::Error>,
}

/// What a worker thread keeps across the articles it digests: the actor names it
/// counted, and its temporary file (with [`Keep::Disk`]; `None` until its first
/// article, or when it could not be created).
#[derive(Default)]
struct Worker {
    names: NameCounts,
    writer: Option<store::Writer>,
    /// Whether creating the file failed (then the worker keeps its records in memory).
    no_file: bool,
}

/// Analyses and digests one article. A fault in the reading of one article (a bug,
/// whatever its input) is that article's error, never the end of the run: the other
/// articles are read, and the exit code tells that one was skipped.
fn contained(article: ingest::Article, lexicon: &Lexicon) -> Result<(Analysis, Digest), InputError> {
    let path = article.path.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let analysis = analyze(article, lexicon);
        let digest = digest(&analysis, lexicon);
        (analysis, digest)
    }))
    .map_err(|_| InputError {
        path,
        line: None,
        message: "claimgraph failed while reading this article (an internal error)".to_owned(),
        hint: "the article was skipped and the others were read; please report it with the file".to_owned(),
    })
}

/// Runs the per-article stages on every pending article, on the process's threads. Each
/// article is read, analysed and digested (its records written to its worker's
/// temporary file with [`Keep::Disk`]), then dropped (and its analysis unless kept). The
/// results come back in input order, so the output is the same whatever the thread
/// count. An article whose file changed since the index pass is an error instead.
fn analyse_all(pending: Vec<ingest::Pending>, config: &Config) -> Analysed {
    let total = pending.len();
    let done = AtomicUsize::new(0);
    let finished = AtomicBool::new(false);
    let disk_error: Mutex<Option<std::io::Error>> = Mutex::new(None);
    let workers: Vec<Mutex<Worker>> = (0..rayon::current_num_threads())
        .map(|_| Mutex::new(Worker::default()))
        .collect();
    let one = |(index, pending): (usize, ingest::Pending)| {
        let result = pending
            .read()
            .and_then(|article| contained(article, &config.lexicon))
            .map(|(analysis, mut digest)| {
                // Each thread has its own worker: the lock is never contended.
                let number = rayon::current_thread_index().unwrap_or(0) % workers.len();
                let mut worker = workers[number]
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                worker
                    .names
                    .add(index, &digest.outlet.id, std::mem::take(&mut digest.names));
                if config.keep == Keep::Disk
                    && let Err(e) = worker.keep(number, &mut digest)
                {
                    disk_error
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .get_or_insert(e);
                }
                (digest, config.keep_analyses.then_some(analysis))
            });
        done.fetch_add(1, Ordering::Relaxed);
        result
    };
    let results: Vec<Result<(Digest, Option<Analysis>), InputError>> = std::thread::scope(|scope| {
        let progress = config
            .progress
            .then(|| scope.spawn(|| progress::show(&done, &finished, total)));
        let results = pending.into_par_iter().enumerate().map(one).collect();
        finished.store(true, Ordering::Relaxed);
        if let Some(p) = progress {
            let _ = p.join();
        }
        results
    });
    let mut digested = Digested::default();
    let mut analyses = Vec::new();
    let mut unread = Vec::new();
    for result in results {
        match result {
            Ok((digest, analysis)) => {
                digested.digests.push(digest);
                analyses.extend(analysis);
            }
            Err(error) => unread.push(error),
        }
    }
    let mut files = Vec::with_capacity(workers.len());
    for worker in workers {
        let worker = worker.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        digested.names.merge(worker.names);
        files.push(worker.writer.map(store::Writer::into_file));
    }
    if config.keep == Keep::Disk {
        digested.files = Some(files);
    }
    Analysed {
        digested,
        analyses,
        unread,
        disk_error: disk_error
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    }
}

impl Worker {
    /// Writes an article's mentions and sources to this worker's file (worker `number`),
    /// creating it first; on an error they stay in the digest.
    fn keep(&mut self, number: usize, digest: &mut Digest) -> std::io::Result<()> {
        if self.writer.is_none() && !self.no_file {
            match store::Writer::create() {
                Ok(writer) => self.writer = Some(writer),
                Err(e) => {
                    self.no_file = true;
                    return Err(e);
                }
            }
        }
        let Some(writer) = &mut self.writer else { return Ok(()) };
        writer.keep(number, &mut digest.mentions)?;
        writer.keep(number, &mut digest.sources)
    }
}
