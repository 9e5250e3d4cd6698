//! Benchmark (not a test) of every pipeline stage on its own: normalise, segment, the
//! lexicon scan, attribution, extraction, then linking (`pipeline::build_run` over the
//! analysed articles), and `pipeline::analyze` as a whole for comparison. Prints the best of
//! three runs per stage as MiB/s and sentences/s (one core).
//!
//! The corpus is built in memory: the fixture articles (`fixtures/ain-issa`,
//! `fixtures/synthetic-en`, read with their manifests) repeated to 4 MiB, each copy with
//! its own id and its dates moved on by one month per copy, so that linking sees many
//! episodes rather than one giant claim. Set `CLAIMGRAPH_BENCH_MIB` for another size.
//!
//! Run with `cargo bench --bench stages`. Each stage is timed on the outputs of the stage
//! before it, computed once; dropping a stage's output is not timed. The whole-process
//! figures (reading files, threads, peak memory) are `benches/run.sh`'s.

use claimgraph::attribute::{self, OutletNames};
use claimgraph::extract;
use claimgraph::ingest::{self, Article, IngestOptions};
use claimgraph::model::Run;
use claimgraph::normalize::Normalized;
use claimgraph::pipeline::{self, Analysis, Config};
use claimgraph::segment;
use std::path::PathBuf;
use std::time::Instant;

const DEFAULT_MIB: usize = 4;
const RUNS: usize = 3;

fn main() {
    let mib = std::env::var("CLAIMGRAPH_BENCH_MIB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(DEFAULT_MIB);
    let config = Config::default();
    let lexicon = &config.lexicon;
    let (articles, copies) = corpus(mib * 1024 * 1024);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();

    let (norms, normalise) = best_of(|| articles.iter().map(|a| Normalized::new(&a.text)).collect::<Vec<_>>());
    let (cuts, segment) = best_of(|| {
        articles
            .iter()
            .zip(&norms)
            .map(|(a, n)| segment::segment(&a.text, a.body, n, &lexicon.furniture))
            .collect::<Vec<_>>()
    });
    let sentences: usize = cuts.iter().map(|c| c.sentences.len()).sum();
    let (matches, scan) = best_of(|| norms.iter().map(|n| lexicon.matcher.scan(n.text())).collect::<Vec<_>>());
    // As `pipeline::analyze` names the outlet: declared, then the byline's.
    let outlets: Vec<OutletNames> = articles
        .iter()
        .zip(&cuts)
        .map(|(a, c)| {
            let byline = c.byline.as_ref().map(|b| b.outlet.as_str());
            OutletNames::new(a.meta.outlet.as_deref().into_iter().chain(byline))
        })
        .collect();
    let (attributions, attribute) = best_of(|| {
        (0..articles.len())
            .map(|i| {
                let (a, n) = (&articles[i], &norms[i]);
                attribute::attribute(&a.text, n, &cuts[i], &matches[i], lexicon, &outlets[i])
            })
            .collect::<Vec<_>>()
    });
    let (frames, extract) = best_of(|| {
        (0..articles.len())
            .map(|i| {
                extract::extract(
                    &articles[i].text,
                    &norms[i],
                    &cuts[i],
                    &attributions[i],
                    &matches[i],
                    lexicon,
                )
            })
            .collect::<Vec<_>>()
    });
    let frames: usize = frames.iter().map(Vec::len).sum();

    let mut analyze = f64::MAX;
    let mut analyses = Vec::new();
    for _ in 0..RUNS {
        let input = articles.clone();
        drop(std::mem::take(&mut analyses));
        let started = Instant::now();
        analyses = input
            .into_iter()
            .map(|a| pipeline::analyze(a, &config.lexicon))
            .collect::<Vec<Analysis>>();
        analyze = analyze.min(started.elapsed().as_secs_f64());
    }
    let (run, link) = best_of(|| link_stage(&analyses, &config));

    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "corpus: {} articles (the {} fixture articles x {copies}), {mb:.1} MiB, {sentences} sentences, \
         {frames} frames, {} claims, {} mentions",
        articles.len(),
        articles.len() / copies,
        run.claims.len(),
        run.mentions.len()
    );
    println!(
        "{:<30} {:>9} {:>9} {:>13}",
        "stage (best of 3, one core)", "seconds", "MiB/s", "sentences/s"
    );
    let row = |name: &str, secs: f64| {
        println!(
            "{name:<30} {secs:>9.3} {:>9.1} {:>13.0}",
            mb / secs,
            sentences as f64 / secs
        );
    };
    row("normalise", normalise);
    row("segment", segment);
    row("scan (lexicon matcher)", scan);
    row("attribute (after scan)", attribute);
    row("scan + attribute", scan + attribute);
    row("extract", extract);
    row(
        "sum of the stages above",
        normalise + segment + scan + attribute + extract,
    );
    row("pipeline::analyze (all)", analyze);
    row("link (pipeline::build_run)", link);
}

/// The link stage: everything after the per-article stages, over all of them at once.
/// Kept apart because its signature follows `pipeline::build_run`'s.
fn link_stage(analyses: &[Analysis], config: &Config) -> Run {
    pipeline::build_run(analyses, &config.lexicon, config.window_days)
}

/// The fixture articles, read as a run reads them, repeated to at least `target` bytes.
/// Returns the articles and the number of copies.
fn corpus(target: usize) -> (Vec<Article>, usize) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let paths = [root.join("fixtures/ain-issa"), root.join("fixtures/synthetic-en")];
    let seeds = ingest::load(&paths, &IngestOptions::default());
    assert!(seeds.errors.is_empty(), "fixtures: {:?}", seeds.errors);
    let seed_bytes: usize = seeds.articles.iter().map(|a| a.text.len()).sum();
    let copies = target.div_ceil(seed_bytes).max(1);
    let mut articles = Vec::with_capacity(copies * seeds.articles.len());
    for copy in 0..copies {
        for seed in &seeds.articles {
            let mut a = seed.clone();
            a.id = format!("{}-{copy:04}", seed.id);
            a.path = format!("{}#{copy}", seed.path);
            if let Some(d) = &mut a.meta.published
                && let Some(month) = d.month
            {
                let months = usize::from(month) - 1 + copy;
                d.year += (months / 12) as u16;
                d.month = Some((months % 12) as u8 + 1);
                d.day = d.day.map(|day| day.min(28));
            }
            articles.push(a);
        }
    }
    (articles, copies)
}

/// Runs `stage` [`RUNS`] times; its last output and its best time in seconds.
fn best_of<T>(mut stage: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..RUNS {
        drop(out.take());
        let started = Instant::now();
        let result = stage();
        best = best.min(started.elapsed().as_secs_f64());
        out = Some(result);
    }
    (out.expect("at least one run"), best)
}
