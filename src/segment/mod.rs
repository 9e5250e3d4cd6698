//! Segmentation: lines, sentences, clauses.
