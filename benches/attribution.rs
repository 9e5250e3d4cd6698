//! Benchmark (not a test) of the attribution stage: the seed articles repeated to at least
//! 10 MB, normalised and segmented once, then attributed. Prints MB/s and sentences/s.
//!
//! Run with `cargo bench --bench attribution`. Timings are wall-clock on whatever machine
//! runs it; the numbers in the README name theirs.

use claimgraph::attribute::{self, OutletNames};
use claimgraph::lexicon::Lexicon;
use claimgraph::normalize::Normalized;
use claimgraph::segment;
use std::time::Instant;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/ain-issa");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect();
    seeds.sort();
    let mut texts = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        for s in &seeds {
            bytes += s.len();
            texts.push(s.clone());
        }
    }
    let lexicon = Lexicon::embedded();
    let outlet = OutletNames::default();
    let started = Instant::now();
    let prepared: Vec<(Normalized, segment::Segmented)> = texts
        .iter()
        .map(|t| {
            let n = Normalized::new(t);
            let s = segment::segment(t, 0, &n, &lexicon.furniture);
            (n, s)
        })
        .collect();
    let prep = started.elapsed().as_secs_f64();
    let sentences: usize = prepared.iter().map(|(_, s)| s.sentences.len()).sum();
    let mut best = f64::MAX;
    let mut segments = 0;
    for _ in 0..3 {
        let started = Instant::now();
        segments = 0;
        for (t, (n, s)) in texts.iter().zip(&prepared) {
            let matches = lexicon.matcher.scan(n.text());
            segments += attribute::attribute(t, n, s, &matches, &lexicon, &outlet)
                .segments
                .len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!("corpus: {} articles, {mb:.1} MiB, {sentences} sentences", texts.len());
    println!("normalise + segment: {prep:.2} s ({:.1} MiB/s)", mb / prep);
    println!(
        "attribute (best of 3): {best:.2} s, {:.1} MiB/s, {:.0} sentences/s, {segments} segments",
        mb / best,
        sentences as f64 / best
    );
}
