//! The one integration test binary. Each module tests one thing a user would notice:
//!
//! - `attribution`: sources, chains, relays and stances on the seeds and English fixtures;
//! - `claims`: claim frames, places, episodes, contradictions, independent roots, and
//!   Arabic and English mentions of one claim;
//! - `reports`: compare, claims, sources, framing, diff: snapshots, CSV, colour, filters,
//!   output files;
//! - `segmentation`: the seeds' furniture lines, headlines and sentence counts;
//! - `inputs`: bad and unusual inputs through the real binary (messages, exit codes);
//! - `json`: the JSON contract on the seed run, that every span slices the file, and that
//!   mentions and sources kept on disk (`json`) give the in-memory document byte for byte;
//! - `eval`: the scorer on perfect and known-bad runs, and the quality gate on the seeds;
//! - `lexicon`: `claimgraph lexicon check/list/triggers` and `--lexicon` overrides;
//! - `dot`: the Graphviz graph: seed snapshot, hostile labels, real `dot` without warnings,
//!   determinism, filters and folding;
//! - `hostile`: hostile and broken input (issue 8): every limit, escaping in every output,
//!   determinism over threads and file order, exit codes and a closed pipe;
//! - `readme`: every `$ claimgraph …` example of the README is what the tool prints;
//! - `layers`: no module of `src/` uses one above it in `docs/ARCHITECTURE.md`'s layers;
//! - `fuzz`: the fuzz targets' regression and hostile inputs (`tests/fuzz/<target>/`)
//!   through the same invariant checks the fuzzers run (`claimgraph::invariants`).
//!
//! `common` holds the shared helpers: fixture paths, a hermetic way to run the binary, a
//! strict CSV parser and Graphviz.

mod attribution;
mod claims;
mod common;
mod dot;
mod eval;
mod fuzz;
mod hostile;
mod inputs;
mod json;
mod layers;
mod lexicon;
mod readme;
mod reports;
mod segmentation;
