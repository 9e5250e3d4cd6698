//! Graphviz DOT of a run (issue 6, in progress).

use super::Filter;
use crate::model::Run;

/// Options of the DOT graph.
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    /// Fold claims that no two outlets carry into one node per episode.
    pub fold: bool,
}

/// The run as a Graphviz DOT graph.
pub fn dot(run: &Run, filter: &Filter, options: &DotOptions) -> String {
    let _ = (run, filter, options);
    String::from("digraph claimgraph {}\n")
}
