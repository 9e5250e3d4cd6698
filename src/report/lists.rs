//! `claimgraph claims`, `sources`, `framing`, `diff`.
