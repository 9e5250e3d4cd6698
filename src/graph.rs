//! The cross-reference graph of a run (petgraph): who carries each claim, on whose
//! authority, and which claims cannot both hold.
//!
//! Nodes are the run's claims (node `k` is `Run::claims[k]`), its voices (an outlet, or
//! an article naming no outlet, which is its own voice: `unknown/<article>`) and its
//! independent roots (the innermost source behind a mention: a known source, actor or
//! named person is one root across articles; a generic source such as "local sources"
//! is one root per article; an outlet's own voice is the root `outlet:<voice>`). Edges:
//! a voice *carries* a claim when one of its articles mentions it; a root *stands
//! behind* a claim when a mention of it stands on that root; two claims *contradict*.
//! There is one edge per (node, claim) pair, however many mentions make it.
//!
//! This is the one definition of a claim's outlets and independent roots: the pipeline
//! builds the graph once while it assembles the run ([`Builder`]) and fills
//! `Claim::outlets`, `Claim::roots` and `Claim::independent_roots` from it; `dot` and the
//! graph queries read it. Memory: one node per claim, voice and root, one edge per
//! distinct pair; no mention is a node.

use crate::hash::FnvSet;
use crate::model::{ClaimRoot, Polarity, Run, Source};
use petgraph::Direction::Incoming;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::HashMap;
use std::sync::Arc;

/// A node of the graph, with its index in the table of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// A claim: its index in `Run::claims`.
    Claim(u32),
    /// A voice: its index in [`RunGraph::voice`].
    Voice(u32),
    /// An independent root: its index in [`RunGraph::root`].
    Root(u32),
}

/// An edge of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Voice → claim: an article of the voice mentions the claim.
    Carries,
    /// Root → claim: a mention of the claim stands on the root.
    StandsBehind,
    /// Claim → claim: the two cannot both hold (the index of the relation in
    /// `Run::relations`).
    Contradicts(u32),
}

/// A voice: its id (an outlet id, or `unknown/<article>`) and its outlet's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// `tayf-post`, `unknown/004`.
    pub id: String,
    /// `tayf-post`, `unknown`.
    pub outlet: String,
}

/// Whether a claim's mentions assert it, deny it, or both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Said {
    asserted: bool,
    denied: bool,
}

/// The graph of a run.
#[derive(Debug, Clone, Default)]
pub struct RunGraph {
    graph: DiGraph<Node, Edge>,
    voices: Vec<Voice>,
    roots: Vec<ClaimRoot>,
    /// Per claim, how its mentions say it.
    said: Vec<Said>,
}

/// The root a mention stands on when its innermost source is `s`: the source's identity
/// across articles (a known source, actor or named person), else its id in its article;
/// its label; whether it is anonymous.
pub fn source_root(s: &Source) -> (&str, &str, bool) {
    (s.root.as_deref().unwrap_or(&s.id), &s.label, s.kind == "anonymous")
}

/// The root of an article's own voice (a mention citing no source): `outlet:<voice>`.
pub fn own_root(outlet: &str, article: &str) -> String {
    format!("outlet:{}", crate::model::voice(outlet, article))
}

impl RunGraph {
    /// The graph of a run that holds its mentions and sources, built as the pipeline
    /// builds it while assembling (for a run read back from JSON or made by hand).
    pub fn of(run: &Run) -> RunGraph {
        let mut b = Builder::new(run.claims.len());
        let source = |id: &str| run.sources.binary_search_by(|s| s.id.as_str().cmp(id)).ok();
        let claim = |id: &str| run.claims.binary_search_by(|c| c.id.as_str().cmp(id)).ok();
        for m in &run.mentions {
            let Some(c) = claim(&m.claim) else { continue };
            let outlet = run
                .articles
                .binary_search_by(|a| a.id.as_str().cmp(&m.article))
                .map_or(crate::model::UNKNOWN_OUTLET, |k| run.articles[k].outlet.as_str());
            let voice = b.voice(&crate::model::voice(outlet, &m.article), outlet);
            let root = match m.chain.last().and_then(|id| source(id)) {
                Some(k) => {
                    let (id, label, anonymous) = source_root(&run.sources[k]);
                    b.root(id, label, anonymous)
                }
                None => b.root(&own_root(outlet, &m.article), outlet, false),
            };
            b.mention(voice, root, c, m.polarity == Polarity::Denies);
        }
        for (r, relation) in run.relations.iter().enumerate() {
            if let (Some(x), Some(y)) = (claim(&relation.claims[0]), claim(&relation.claims[1])) {
                b.contradicts(x, y, r);
            }
        }
        b.finish()
    }

    /// The petgraph graph, for queries this type does not answer.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// How many claims the graph has.
    pub fn claims(&self) -> usize {
        self.said.len()
    }

    /// A voice by index ([`Node::Voice`]).
    pub fn voice(&self, k: u32) -> &Voice {
        &self.voices[k as usize]
    }

    /// A root by index ([`Node::Root`]).
    pub fn root(&self, k: u32) -> &ClaimRoot {
        &self.roots[k as usize]
    }

    fn incoming(&self, claim: usize) -> impl Iterator<Item = Node> + '_ {
        self.graph
            .edges_directed(NodeIndex::new(claim), Incoming)
            .filter(|e| !matches!(e.weight(), Edge::Contradicts(_)))
            .map(|e| self.graph[e.source()])
    }

    /// The voices that carry claim `claim` (its index in `Run::claims`), in no order.
    pub fn voices_of(&self, claim: usize) -> impl Iterator<Item = &Voice> + '_ {
        self.incoming(claim).filter_map(|n| match n {
            Node::Voice(v) => Some(self.voice(v)),
            _ => None,
        })
    }

    /// How many voices carry the claim.
    pub fn voice_count(&self, claim: usize) -> usize {
        self.voices_of(claim).count()
    }

    /// The outlets that carry the claim, sorted, each once (anonymous articles are all
    /// the outlet `unknown`).
    pub fn outlets(&self, claim: usize) -> Vec<&str> {
        let mut outlets: Vec<&str> = self.voices_of(claim).map(|v| v.outlet.as_str()).collect();
        outlets.sort_unstable();
        outlets.dedup();
        outlets
    }

    /// The claim's independent roots, sorted by id.
    pub fn roots(&self, claim: usize) -> Vec<&ClaimRoot> {
        let mut roots: Vec<&ClaimRoot> = self
            .incoming(claim)
            .filter_map(|n| match n {
                Node::Root(r) => Some(self.root(r)),
                _ => None,
            })
            .collect();
        roots.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        roots
    }

    /// The relations (indices in `Run::relations`) that make the claim contradict
    /// another.
    pub fn contradictions(&self, claim: usize) -> impl Iterator<Item = u32> + '_ {
        self.graph
            .edges_directed(NodeIndex::new(claim), petgraph::Direction::Outgoing)
            .chain(self.graph.edges_directed(NodeIndex::new(claim), Incoming))
            .filter_map(|e| match e.weight() {
                Edge::Contradicts(r) => Some(*r),
                _ => None,
            })
    }

    /// Whether the claim is contested: it contradicts another, or it is both asserted
    /// and denied.
    pub fn contested(&self, claim: usize) -> bool {
        let said = self.said[claim];
        (said.asserted && said.denied) || self.contradictions(claim).next().is_some()
    }
}

/// How many edges into a claim are looked through before they are found by hash.
const SCAN: u32 = 16;

/// Builds a [`RunGraph`] one mention at a time.
#[derive(Debug)]
pub struct Builder {
    graph: RunGraph,
    voice_ids: HashMap<String, NodeIndex>,
    root_ids: HashMap<Arc<str>, NodeIndex>,
    /// Per claim, how many voices and roots reach it.
    degree: Vec<u32>,
    /// The (node, claim) pairs linked, of the claims with at least [`SCAN`] edges in.
    seen: FnvSet<(u32, u32)>,
}

impl Builder {
    /// A graph of `claims` claims (nodes `0..claims`) and nothing else yet.
    pub fn new(claims: usize) -> Builder {
        let mut graph = RunGraph {
            said: vec![Said::default(); claims],
            ..RunGraph::default()
        };
        for k in 0..claims {
            graph.graph.add_node(Node::Claim(k as u32));
        }
        Builder {
            graph,
            voice_ids: HashMap::new(),
            root_ids: HashMap::new(),
            degree: vec![0; claims],
            seen: FnvSet::default(),
        }
    }

    /// The node of a voice (`voice`: its id, `outlet`: its outlet's id), added when new.
    pub fn voice(&mut self, voice: &str, outlet: &str) -> NodeIndex {
        if let Some(&n) = self.voice_ids.get(voice) {
            return n;
        }
        let k = self.graph.voices.len() as u32;
        self.graph.voices.push(Voice {
            id: voice.to_owned(),
            outlet: outlet.to_owned(),
        });
        let n = self.graph.graph.add_node(Node::Voice(k));
        self.voice_ids.insert(voice.to_owned(), n);
        n
    }

    /// The node of a root, added when new (`label` and `anonymous` are its first
    /// mention's).
    pub fn root(&mut self, id: &str, label: &str, anonymous: bool) -> NodeIndex {
        if let Some(&n) = self.root_ids.get(id) {
            return n;
        }
        let k = self.graph.roots.len() as u32;
        let id: Arc<str> = Arc::from(id);
        self.graph.roots.push(ClaimRoot {
            id: Arc::clone(&id),
            label: Arc::from(label),
            anonymous,
        });
        let n = self.graph.graph.add_node(Node::Root(k));
        self.root_ids.insert(id, n);
        n
    }

    /// One mention of claim `claim`, carried by `voice` and standing on `root`.
    pub fn mention(&mut self, voice: NodeIndex, root: NodeIndex, claim: usize, denies: bool) {
        let said = &mut self.graph.said[claim];
        if denies {
            said.denied = true;
        } else {
            said.asserted = true;
        }
        self.link(voice, claim, Edge::Carries);
        self.link(root, claim, Edge::StandsBehind);
    }

    /// An edge from `from` into claim `claim`, unless there is one. A claim's few edges
    /// are looked through; a claim with many has them in `seen`.
    fn link(&mut self, from: NodeIndex, claim: usize, edge: Edge) {
        let to = NodeIndex::new(claim);
        let degree = self.degree[claim];
        let new = if degree < SCAN {
            !self
                .graph
                .graph
                .edges_directed(to, Incoming)
                .any(|e| e.source() == from)
        } else {
            self.seen.insert((from.index() as u32, claim as u32))
        };
        if !new {
            return;
        }
        self.graph.graph.add_edge(from, to, edge);
        self.degree[claim] = degree + 1;
        if degree + 1 == SCAN {
            let sources: Vec<u32> = (self.graph.graph.edges_directed(to, Incoming))
                .map(|e| e.source().index() as u32)
                .collect();
            self.seen.extend(sources.into_iter().map(|s| (s, claim as u32)));
        }
    }

    /// Claims `a` and `b` cannot both hold (relation `relation` of the run).
    pub fn contradicts(&mut self, a: usize, b: usize, relation: usize) {
        self.graph
            .graph
            .add_edge(NodeIndex::new(a), NodeIndex::new(b), Edge::Contradicts(relation as u32));
    }

    /// The graph.
    pub fn finish(self) -> RunGraph {
        self.graph
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edge_per_pair_and_roots_sorted() {
        let mut b = Builder::new(2);
        let sana = b.root("known:sana", "SANA", false);
        let local = b.root("004/local", "local sources", true);
        let tayf = b.voice("tayf-post", "tayf-post");
        let anon = b.voice("unknown/004", "unknown");
        let own = b.root("outlet:unknown/004", "unknown", false);
        b.mention(tayf, sana, 0, false);
        b.mention(tayf, sana, 0, false);
        b.mention(anon, local, 0, true);
        b.mention(anon, own, 1, false);
        b.contradicts(0, 1, 0);
        let g = b.finish();
        let ids = |k| g.roots(k).iter().map(|r| r.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(0), ["004/local", "known:sana"]);
        assert_eq!(ids(1), ["outlet:unknown/004"]);
        assert_eq!(g.outlets(0), ["tayf-post", "unknown"]);
        assert_eq!(g.voice_count(0), 2);
        assert!(g.contested(0) && g.contested(1));
        assert_eq!(g.graph().edge_count(), 2 + 2 + 2 + 1);
    }

    #[test]
    fn a_claim_with_many_roots_has_each_once() {
        // Past `SCAN` edges a claim's pairs are found by hash: each root is still once.
        let mut b = Builder::new(1);
        let voice = b.voice("v", "v");
        for round in 0..3 {
            for k in 0..40 {
                let root = b.root(&format!("r{k:02}"), "r", false);
                b.mention(voice, root, 0, round == 1);
            }
        }
        let g = b.finish();
        assert_eq!(g.roots(0).len(), 40);
        assert_eq!(g.voice_count(0), 1);
        assert!(g.contested(0), "asserted and denied");
    }
}
