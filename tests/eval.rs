//! The scorer.
