//! claimgraph: who claims what, on whose authority, across news outlets that disagree.
//!
//! The pipeline runs in stages, one module each, in this order (see
//! `docs/ARCHITECTURE.md` for their data types and invariants):
//!
//! 1. [`ingest`]: paths → [`ingest::Article`]s with their original text and metadata;
//! 2. [`normalize`]: text → [`normalize::Normalized`], the matching text with a map back
//!    to original bytes;
//! 3. [`segment`]: lines (headline, byline, furniture, body), sentences and clauses;
//! 4. [`attribute`]: each sentence cut into segments with their chain of sources,
//!    polarity and stance;
//! 5. [`extract`]: claim frames (predicate + typed arguments) from the segments;
//! 6. [`link`]: frames into canonical claims, episodes and contradictions;
//! 7. [`graph`]: who carries each claim on whose authority (independent roots), built
//!    once while [`pipeline`] assembles the run;
//! 8. [`report`]: renderers of the one [`model::Run`].
//!
//! ```
//! use claimgraph::normalize::Normalized;
//! use claimgraph::span::NormSpan;
//!
//! // Obfuscated words come out plain, and every span maps back to the original bytes.
//! let text = "بعد معـ.ارك عنيفة";
//! let norm = Normalized::new(text);
//! let at = norm.text().find("معارك").unwrap();
//! let original = norm.to_original(NormSpan::new(at, at + "معارك".len()));
//! assert_eq!(&text[original.range()], "معـ.ارك");
//! ```
//!
//! Spans carry their coordinate system in their type ([`span`]): original bytes,
//! normalised bytes, token indices, token-text bytes.
//!
//! [`eval`] scores a run against gold annotations. Analysis of text never fails: it returns
//! results plus warnings; only input and lexicon loading return errors.
#![warn(missing_docs)]

pub mod attribute;
pub mod cli;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod hash;
pub mod ingest;
#[doc(hidden)]
pub mod invariants;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod normalize;
mod parallel;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod span;
mod writeback;
