//! The cross-reference graph of a run (petgraph): outlets, sources, claims and mentions
//! as nodes; publishes, cites, relays, asserts, denies and contradicts as edges.
//!
//! Input: a [`Run`] whose mentions already name their claims. Output: [`RunGraph`], and
//! per claim its independent roots: the distinct innermost sources behind its mentions
//! (one agency quoted by two outlets is one root; anonymous sources of different
//! articles are separate roots, flagged anonymous; an outlet's own voice is the outlet).

use crate::model::{ClaimRoot, Polarity, Run};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, HashMap};

/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A publishing outlet (`outlets[].id`).
    Outlet(String),
    /// A cited source (`sources[].id`).
    Source(String),
    /// A claim (`claims[].id`).
    Claim(String),
    /// A mention (`mentions[].id`).
    Mention(String),
}

/// An edge of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edge {
    /// Outlet → mention: the outlet published it.
    Publishes,
    /// Mention → source: the mention stands on this source (each level of its chain).
    Cites,
    /// Source → source: the first relays the second (`via`).
    Relays,
    /// Mention → claim, asserting it.
    Asserts,
    /// Mention → claim, denying it.
    Denies,
    /// Claim → claim: the two cannot both hold; the rule that said so.
    Contradicts(String),
}

/// The run's records by id, built once for every claim's roots.
struct Lookup<'a> {
    sources: HashMap<&'a str, &'a crate::model::Source>,
    mentions: HashMap<&'a str, &'a crate::model::Mention>,
    outlet_of: HashMap<&'a str, &'a str>,
}

/// The graph and an index from ids to nodes.
#[derive(Debug, Clone, Default)]
pub struct RunGraph {
    /// The graph.
    pub graph: DiGraph<Node, Edge>,
    /// Per node kind (0 outlet, 1 source, 2 claim, 3 mention), id → node.
    index: [HashMap<String, NodeIndex>; 4],
}

impl RunGraph {
    /// Builds the graph of a run.
    pub fn build(run: &Run) -> RunGraph {
        let mut g = RunGraph::default();
        for o in &run.outlets {
            g.node(0, &o.id, Node::Outlet(o.id.clone()));
        }
        for s in &run.sources {
            g.node(1, &s.id, Node::Source(s.id.clone()));
        }
        for c in &run.claims {
            g.node(2, &c.id, Node::Claim(c.id.clone()));
        }
        for s in &run.sources {
            if let Some(v) = &s.via {
                let (from, to) = (g.index[1][v.as_str()], g.index[1][s.id.as_str()]);
                g.graph.add_edge(from, to, Edge::Relays);
            }
        }
        let outlet_of: HashMap<&str, &str> = run
            .articles
            .iter()
            .map(|a| (a.id.as_str(), a.outlet.as_str()))
            .collect();
        for m in &run.mentions {
            let node = g.node(3, &m.id, Node::Mention(m.id.clone()));
            if let Some(o) = outlet_of.get(m.article.as_str()).and_then(|o| g.index[0].get(*o)) {
                g.graph.add_edge(*o, node, Edge::Publishes);
            }
            for s in &m.chain {
                if let Some(&sn) = g.index[1].get(s.as_str()) {
                    g.graph.add_edge(node, sn, Edge::Cites);
                }
            }
            if let Some(&cn) = g.index[2].get(m.claim.as_str()) {
                let edge = match m.polarity {
                    Polarity::Asserts => Edge::Asserts,
                    Polarity::Denies => Edge::Denies,
                };
                g.graph.add_edge(node, cn, edge);
            }
        }
        for r in &run.relations {
            if let (Some(&a), Some(&b)) = (
                g.index[2].get(r.claims[0].as_str()),
                g.index[2].get(r.claims[1].as_str()),
            ) {
                g.graph.add_edge(a, b, Edge::Contradicts(r.reason.clone()));
            }
        }
        g
    }

    fn node(&mut self, kind: u8, id: &str, node: Node) -> NodeIndex {
        let index = &mut self.index[usize::from(kind)];
        if let Some(&n) = index.get(id) {
            return n;
        }
        let n = self.graph.add_node(node);
        index.insert(id.to_owned(), n);
        n
    }

    /// The independent roots of every claim of the run, in the order of `run.claims`.
    pub fn all_roots(&self, run: &Run) -> Vec<Vec<ClaimRoot>> {
        let lookup = Lookup {
            sources: run.sources.iter().map(|s| (s.id.as_str(), s)).collect(),
            mentions: run.mentions.iter().map(|m| (m.id.as_str(), m)).collect(),
            outlet_of: run
                .articles
                .iter()
                .map(|a| (a.id.as_str(), a.outlet.as_str()))
                .collect(),
        };
        run.claims.iter().map(|c| self.roots(&lookup, &c.id)).collect()
    }

    /// The independent roots of a claim, sorted by id.
    fn roots(&self, lookup: &Lookup<'_>, claim: &str) -> Vec<ClaimRoot> {
        let Some(&c) = self.index[2].get(claim) else {
            return Vec::new();
        };
        let Lookup {
            sources,
            mentions,
            outlet_of,
        } = lookup;
        let mut roots: BTreeMap<std::sync::Arc<str>, ClaimRoot> = BTreeMap::new();
        for e in self.graph.edges_directed(c, petgraph::Direction::Incoming) {
            let Node::Mention(mid) = &self.graph[e.source()] else {
                continue;
            };
            let Some(m) = mentions.get(mid.as_str()) else { continue };
            let root = match m.chain.last().and_then(|s| sources.get(s.as_str())) {
                Some(s) => ClaimRoot {
                    id: s.root.as_deref().unwrap_or(&s.id).into(),
                    label: s.label.as_str().into(),
                    anonymous: s.kind == "anonymous",
                },
                None => {
                    let outlet = outlet_of.get(m.article.as_str()).copied().unwrap_or("unknown");
                    ClaimRoot {
                        id: format!("outlet:{}", crate::model::voice(outlet, &m.article)).into(),
                        label: outlet.into(),
                        anonymous: false,
                    }
                }
            };
            roots.entry(root.id.clone()).or_insert(root);
        }
        roots.into_values().collect()
    }
}
