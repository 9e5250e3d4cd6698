//! Regression inputs of the fuzz targets (`fuzz/`, `docs/testing.md`): every file under
//! `tests/fuzz/<target>/` goes through the same invariant check its fuzz target runs
//! (`claimgraph::invariants`), so a crash the fuzzer found stays fixed without cargo-fuzz.
//! Each directory also holds hand-written hostile inputs (empty, invalid UTF-8, NUL
//! bytes, lone CRs, BOMs, 10k quotes, unclosed front matter, huge TOML numbers, …).
//!
//! To add one: copy the (minimised) artifact into the target's directory under a name
//! that says what it is; `cargo test --test tests fuzz::` runs it.

use crate::common::{root, scratch};
use claimgraph::invariants::{self, Violation};
use claimgraph::model::Run;
use claimgraph::{ingest, pipeline};
use std::path::PathBuf;

/// The regression inputs of `target`, sorted, with their names.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("tests/fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{target}: keep at least a handful of hostile inputs");
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// Runs `check` on every input of `target` and fails naming every one that broke.
fn check(target: &str, check: impl Fn(&[u8]) -> Result<(), Violation>) {
    let failures: Vec<String> = inputs(target)
        .into_iter()
        .filter_map(|(name, bytes)| check(&bytes).err().map(|v| format!("{target}/{name}: {v}")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn normalize() {
    check("normalize", invariants::check_normalize);
}

#[test]
fn segment() {
    check("segment", invariants::check_segment);
}

#[test]
fn ingest() {
    check("ingest", invariants::check_ingest);
}

#[test]
fn lexicon_alone_as_the_fuzzer_loads_it() {
    let dir = scratch("fuzz-lexicon-alone");
    check("lexicon", |bytes| invariants::check_lexicon(bytes, &dir, &[]));
}

#[test]
fn lexicon_over_the_embedded_packs() {
    let dir = scratch("fuzz-lexicon-embedded");
    let base = &invariants::embedded().files;
    check("lexicon", |bytes| invariants::check_lexicon(bytes, &dir, base));
}

#[test]
fn pipeline() {
    check("pipeline", invariants::check_pipeline);
}

/// The fixtures satisfy every invariant too (they are the fuzzers' seeds).
#[test]
fn fixtures() {
    for dir in ["fixtures/ain-issa", "fixtures/synthetic-en"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let name = path.display();
            if path.extension().is_some_and(|e| e == "txt") {
                invariants::check_normalize(&bytes).unwrap_or_else(|v| panic!("{name}: {v}"));
                invariants::check_segment(&bytes).unwrap_or_else(|v| panic!("{name}: {v}"));
                invariants::check_pipeline(&bytes).unwrap_or_else(|v| panic!("{name}: {v}"));
            }
            invariants::check_ingest(&bytes).unwrap_or_else(|v| panic!("{name}: {v}"));
        }
    }
}

/// Slow units found while fuzzing: an article of many sentences citing one source and
/// reporting one event was quadratic three times over (each segment searched every hit
/// and every frame of the article; each cue was compared with all of its source's cues).
/// Linear, this takes a few seconds in a debug build; quadratic, it took minutes.
#[test]
fn many_sentences_citing_one_source_run_in_linear_time() {
    // Size and time are the benchmarks' business (no wall-clock assertion here): this
    // checks what such an article gives, at a size that was already slow when the
    // stages were quadratic (4,000 sentences: seconds in a debug build).
    let n = 4_000;
    let text = format!(
        "Title\n{}{}",
        "قال المصدر إن قسد انسحبت من عين عيسى. ".repeat(n / 2),
        "The agency said the SDF withdrew from Ain Issa. ".repeat(n / 2)
    );
    invariants::check_pipeline(text.as_bytes()).unwrap();
    let run = run_text(&text);
    // One source per language, each with every one of its sentences' cues.
    let cues: Vec<(&str, usize)> = run.sources.iter().map(|s| (s.id.as_str(), s.cues.len())).collect();
    assert_eq!(cues, [("stdin/agency-agency", n / 2), ("stdin/sources-مصدر", n / 2)]);
    // Every sentence but the title is one mention citing its source.
    let cited = run.mentions.iter().filter(|m| m.chain.len() == 1).count();
    assert_eq!(cited, n);
}

/// The run of one article given as standard input, with the embedded lexicons.
fn run_text(text: &str) -> Run {
    let config = invariants::config();
    let corpus = ingest::read_stdin(text.as_bytes(), &config.ingest);
    let analyses: Vec<_> = corpus
        .articles
        .into_iter()
        .map(|a| pipeline::analyze(a, &config.lexicon))
        .collect();
    pipeline::build_run(&analyses, &config.lexicon, config.window_days)
}

/// Found by the `pipeline` fuzz target (`tests/fuzz/pipeline/headline-ending-in-the`): a
/// line end is no barrier between tokens, so "the" ending the headline was taken into
/// the phrase of the name opening the next line, before that sentence's clause start,
/// and `np_before` subtracted with overflow. The name is the next line's source.
#[test]
fn a_headline_ending_in_the_lends_it_to_no_name_on_the_next_line() {
    let run = run_text("the \nRussia says withdrawal weeks");
    let mention = run.mentions.iter().find(|m| m.text.starts_with("Russia")).unwrap();
    assert_eq!(mention.chain, ["stdin/russia"]);
}
