//! Graphviz DOT of a run: who claims what, on whose authority, and where outlets agree
//! or contradict each other.
//!
//! The graph has three kinds of node: outlets (boxes), the sources they cite (ellipses)
//! and claims (notes, one cluster per episode). Dashed edges follow a mention's chain
//! from the outlet inwards (`outlet → relay → … → innermost source`); one edge from the
//! innermost source (or the outlet, for its own voice) to the claim carries the
//! mention's polarity and stance. Several outlets reaching one claim is agreement; a
//! red double-headed edge between claims is a contradiction. A legend cluster explains
//! the shapes and edge styles.
//!
//! Invariants:
//! - the output is a function of the run, the filter and the options: every list is
//!   sorted (ordered maps and sets only), so two renderings are byte-identical;
//! - every string that reaches the output, ids included, goes through [`quote`] or
//!   [`quote_id`], so no article text can end a string, inject an attribute or reorder
//!   a label with bidi controls;
//! - a source or outlet is drawn only when an edge reaches it.

use super::{ClaimStats, Filter, by_claim, clean, place, source_label, truncate, voice_label, voice_of};
use crate::graph::{Edge, RunGraph};
use crate::model::{Claim, Mention, Polarity, Run, Stance};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Options of the DOT graph.
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    /// Fold claims that no two outlets carry into one node per episode, and leave open
    /// claims out, so a large run stays readable. Contested claims (a contradiction or a
    /// denial) are never folded: they are what the graph is for.
    pub fold: bool,
}

/// Longest claim label drawn in a node; the full label is in the tooltip.
const CLAIM_LABEL_CHARS: usize = 60;
/// Longest source label drawn in a node or a "via" edge label.
const SOURCE_LABEL_CHARS: usize = 40;
/// Longest tooltip.
const TOOLTIP_CHARS: usize = 200;
/// The colour of denials, shared with the legend.
const DENIES_COLOUR: &str = "#b00020";

/// The run as a Graphviz DOT graph: which claims are drawn, folded, agreed on and
/// contradicted is read off the run's graph (`graph`); the edges along chains and their
/// places off the mentions.
pub fn dot(run: &Run, graph: &RunGraph, filter: &Filter, options: &DotOptions) -> String {
    let layout = Layout::of(run, graph, filter, options);
    let mut out = String::new();
    out.push_str("digraph claimgraph {\n");
    out.push_str("  charset=\"UTF-8\";\n  rankdir=LR;\n  nodesep=0.25;\n  ranksep=0.6;\n");
    out.push_str("  fontname=\"DejaVu Sans\";\n  fontsize=12;\n");
    out.push_str("  node [fontname=\"DejaVu Sans\", fontsize=10, margin=\"0.2,0.06\"];\n");
    out.push_str("  edge [fontname=\"DejaVu Sans\", fontsize=9];\n\n");
    legend(&mut out);
    nodes(&mut out, run, &layout);
    edges(&mut out, &layout);
    out.push_str("}\n");
    out
}

/// What the graph draws, decided before anything is written.
#[derive(Default)]
struct Layout<'a> {
    /// Drawn claims by episode, each episode's claims by id.
    claims: BTreeMap<&'a str, BTreeMap<&'a str, &'a Claim>>,
    /// Drawn claims that two or more voices carry, with the first mention of every drawn
    /// claim (its tooltip).
    agreed: BTreeSet<&'a str>,
    first: BTreeMap<&'a str, &'a Mention>,
    /// Folded claims by episode: how many, and how many open claims were left out.
    folded: BTreeMap<&'a str, Fold>,
    /// Dashed edges along chains: (from, to) → the "via" label, if any.
    chain_edges: BTreeMap<(String, String), Option<String>>,
    /// Claim edges: (from, to, polarity, stance) → where the mentions stand (`file:line`).
    claim_edges: BTreeMap<(String, String, Assertion), BTreeSet<String>>,
    /// Edges into folded nodes: (outlet node, fold node) → number of claims.
    fold_edges: BTreeMap<(String, String), usize>,
    /// Contradictions between drawn claims: (claim node, claim node) → reason.
    contradictions: BTreeMap<(String, String), String>,
    /// Voices an edge reaches: outlet ids, `unknown/<article>` for an anonymous article.
    outlets: BTreeSet<String>,
    /// Source ids an edge reaches.
    sources: BTreeSet<&'a str>,
}

/// Folded claims of one episode.
#[derive(Default)]
struct Fold {
    claims: BTreeSet<String>,
    open: usize,
}

/// Polarity and stance, ordered so they can key an edge.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Assertion {
    denies: bool,
    stance: u8,
}

impl Assertion {
    fn of(mention: &Mention) -> Self {
        let stance = match mention.stance {
            Stance::Plain => 0,
            Stance::Distanced => 1,
            Stance::Hedged => 2,
        };
        Assertion {
            denies: mention.polarity == Polarity::Denies,
            stance,
        }
    }

    fn stance(self) -> Option<&'static str> {
        match self.stance {
            1 => Some("distanced"),
            2 => Some("hedged"),
            _ => None,
        }
    }

    /// The edge attributes: solid for a plain assertion, red for a denial, dotted and
    /// labelled with the stance for a distanced or hedged one.
    fn attributes(self) -> Vec<String> {
        let mut attrs = Vec::new();
        let mut label = Vec::new();
        if self.denies {
            attrs.push(format!("color={}", quote(DENIES_COLOUR)));
            attrs.push(format!("fontcolor={}", quote(DENIES_COLOUR)));
            label.push("denies");
        }
        if let Some(stance) = self.stance() {
            attrs.push("style=dotted".to_owned());
            label.push(stance);
        }
        if !label.is_empty() {
            attrs.push(format!("label={}", quote(&label.join(", "))));
        }
        attrs
    }
}

impl<'a> Layout<'a> {
    fn of(run: &'a Run, graph: &RunGraph, filter: &Filter, options: &DotOptions) -> Self {
        let mut layout = Layout::default();
        let mut outlets_of_fold: BTreeMap<(String, &str), BTreeSet<&str>> = BTreeMap::new();
        let stats = ClaimStats::of(run);
        let grouped = by_claim(run);
        let mentions = |id: &str| grouped.get(id).map_or(&[][..], Vec::as_slice);
        let mut drawn = vec![false; run.claims.len()];
        for k in filter.shown(&stats) {
            let claim = &run.claims[k];
            let episode = claim.episode.as_str();
            if options.fold && claim.open {
                layout.folded.entry(episode).or_default().open += 1;
                continue;
            }
            let voices = graph.voice_count(k);
            if options.fold && voices < 2 && !graph.contested(k) {
                layout
                    .folded
                    .entry(episode)
                    .or_default()
                    .claims
                    .insert(claim.id.clone());
                for voice in graph.voices_of(k) {
                    outlets_of_fold
                        .entry((voice.id.clone(), episode))
                        .or_default()
                        .insert(&claim.id);
                }
                continue;
            }
            drawn[k] = true;
            layout.claims.entry(episode).or_default().insert(&claim.id, claim);
            if voices >= 2 {
                layout.agreed.insert(&claim.id);
            }
            if let Some(m) = mentions(&claim.id).first() {
                layout.first.insert(&claim.id, m);
            }
        }
        // An episode whose every claim was open and left out draws no fold node.
        layout.folded.retain(|_, fold| !fold.claims.is_empty());
        for ((outlet, episode), claims) in outlets_of_fold {
            layout
                .fold_edges
                .insert((outlet_node(&outlet), fold_node(episode)), claims.len());
            layout.outlets.insert(outlet);
        }
        let is_drawn = |id: &str| super::index_by_id(&run.claims, id, |c| &c.id).is_some_and(|k| drawn[k]);
        for mention in run.mentions.iter().filter(|m| is_drawn(&m.claim)) {
            layout.attribute(run, mention);
        }
        for e in graph.graph().edge_references() {
            let Edge::Contradicts(r) = *e.weight() else { continue };
            let (a, b) = (e.source().index(), e.target().index());
            if drawn[a] && drawn[b] {
                let (a, b) = (&run.claims[a].id, &run.claims[b].id);
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                layout
                    .contradictions
                    .insert((claim_node(a), claim_node(b)), run.relations[r as usize].reason.clone());
            }
        }
        layout
    }

    /// The edges of one mention: its chain (dashed) and its claim edge.
    fn attribute(&mut self, run: &'a Run, mention: &'a Mention) {
        let outlet = voice_of(run, mention);
        let mut from = outlet_node(&outlet);
        self.outlets.insert(outlet);
        let mut relay: Option<&str> = None;
        for source in &mention.chain {
            self.sources.insert(source);
            let to = source_node(source);
            let via = relay.map(|r| format!("via {}", truncate(&clean(source_label(run, r)), SOURCE_LABEL_CHARS)));
            self.chain_edges.entry((from, to.clone())).or_insert(via);
            from = to;
            relay = Some(source);
        }
        self.claim_edges
            .entry((from, claim_node(&mention.claim), Assertion::of(mention)))
            .or_default()
            .insert(place(run, mention));
    }
}

/// The legend's nodes: id, attributes, label.
const LEGEND_NODES: [(&str, &str, &str); 8] = [
    ("outlet", "shape=box, style=filled, fillcolor=\"#fff3c4\"", "outlet"),
    ("relay", "shape=ellipse", "relaying source\nkind"),
    ("source", "shape=ellipse", "cited source\nkind"),
    ("claim", "shape=note", "claim\nkey\nN roots"),
    (
        "agreed",
        "shape=note, style=filled, fillcolor=\"#dcebfb\"",
        "claim that 2+ outlets carry",
    ),
    ("denied", "shape=note", "claim"),
    ("hedged", "shape=note", "claim"),
    (
        "fold",
        "shape=folder, style=filled, fillcolor=\"#eeeeee\"",
        "N single-outlet claims",
    ),
];

/// The legend's edges: from, to, attributes (`DENIES` stands for the denial colour).
const LEGEND_EDGES: [(&str, &str, &str); 7] = [
    ("outlet", "relay", "style=dashed, label=\"cites\""),
    ("relay", "source", "style=dashed, label=\"via relay\""),
    ("source", "claim", "label=\"asserts\""),
    ("source", "denied", "color=DENIES, fontcolor=DENIES, label=\"denies\""),
    ("source", "hedged", "style=dotted, label=\"hedged / distanced\""),
    (
        "claim",
        "agreed",
        "color=red, penwidth=2.5, dir=both, label=\"contradicts\"",
    ),
    ("outlet", "fold", "color=gray50, label=\"N claims\""),
];

/// The legend: one example of each shape and edge style, in its own cluster.
fn legend(out: &mut String) {
    out.push_str("  subgraph cluster_legend {\n    label=\"legend\";\n    style=rounded;\n    color=gray60;\n");
    for (id, attrs, label) in LEGEND_NODES {
        let _ = writeln!(
            out,
            "    {} [{attrs}, label={}];",
            quote_id(&format!("legend:{id}")),
            quote(label)
        );
    }
    for (from, to, attrs) in LEGEND_EDGES {
        let _ = writeln!(
            out,
            "    {} -> {} [{}];",
            quote_id(&format!("legend:{from}")),
            quote_id(&format!("legend:{to}")),
            attrs.replace("DENIES", &quote(DENIES_COLOUR))
        );
    }
    out.push_str("  }\n\n");
}

/// Outlets, sources and claims (by episode), each list sorted by id.
fn nodes(out: &mut String, run: &Run, layout: &Layout) {
    for id in &layout.outlets {
        let label = voice_label(run, id);
        let _ = writeln!(
            out,
            "  {} [shape=box, style=filled, fillcolor=\"#fff3c4\", label={}, tooltip={}];",
            quote_id(&outlet_node(id)),
            quote(&label),
            quote(&format!("outlet {id}")),
        );
    }
    for id in &layout.sources {
        let (label, kind) =
            super::by_id(&run.sources, id, |s| &s.id).map_or((*id, "unknown"), |s| (s.label.as_str(), s.kind.as_str()));
        let short = truncate(&clean(label), SOURCE_LABEL_CHARS);
        let _ = writeln!(
            out,
            "  {} [shape=ellipse, label={}, tooltip={}];",
            quote_id(&source_node(id)),
            quote(&format!("{short}\n{kind}")),
            quote(&format!("{}\n{id}", clean(label))),
        );
    }
    let episodes: BTreeSet<&str> = layout.claims.keys().chain(layout.folded.keys()).copied().collect();
    for (n, episode) in episodes.iter().enumerate() {
        // Cluster names are numbered, not derived from the episode, so no episode text
        // needs escaping in a subgraph id.
        let _ = writeln!(
            out,
            "\n  subgraph cluster_episode_{n} {{\n    label={};\n    style=rounded;\n    color=\"#4a6fa5\";",
            quote(&format!("episode {episode}"))
        );
        for claim in layout.claims.get(episode).into_iter().flat_map(|c| c.values()) {
            claim_node_line(out, run, layout, claim);
        }
        if let Some(fold) = layout.folded.get(episode) {
            let mut label = format!("{} single-outlet claims", fold.claims.len());
            if fold.open > 0 {
                let _ = write!(label, "\n{} open statements left out", fold.open);
            }
            let ids: Vec<&str> = fold.claims.iter().map(String::as_str).collect();
            let _ = writeln!(
                out,
                "    {} [shape=folder, style=filled, fillcolor=\"#eeeeee\", label={}, tooltip={}];",
                quote_id(&fold_node(episode)),
                quote(&label),
                quote(&truncate(&ids.join(", "), TOOLTIP_CHARS)),
            );
        }
        out.push_str("  }\n");
    }
    out.push('\n');
}

/// One claim node: label, key and roots; the first sentence that reports it and where
/// it stands as the tooltip.
fn claim_node_line(out: &mut String, run: &Run, layout: &Layout, claim: &Claim) {
    let roots = match claim.independent_roots {
        1 => "1 root".to_owned(),
        n => format!("{n} roots"),
    };
    let label = format!(
        "{}\n{}\n{roots}",
        truncate(&clean(&claim.label), CLAIM_LABEL_CHARS),
        truncate(&clean(&claim.key), CLAIM_LABEL_CHARS)
    );
    let tooltip = match layout.first.get(claim.id.as_str()) {
        Some(m) => format!("{}\n{}", truncate(&clean(&m.text), TOOLTIP_CHARS), place(run, m)),
        None => truncate(&clean(&claim.label), TOOLTIP_CHARS),
    };
    let fill = if layout.agreed.contains(claim.id.as_str()) {
        ", style=filled, fillcolor=\"#dcebfb\""
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "    {} [shape=note{fill}, label={}, tooltip={}];",
        quote_id(&claim_node(&claim.id)),
        quote(&label),
        quote(&tooltip),
    );
}

/// Chain edges, claim edges, fold edges, then contradictions; each sorted.
fn edges(out: &mut String, layout: &Layout) {
    for ((from, to), via) in &layout.chain_edges {
        let label = via
            .as_ref()
            .map(|v| format!(", label={}", quote(v)))
            .unwrap_or_default();
        let _ = writeln!(out, "  {} -> {} [style=dashed{label}];", quote_id(from), quote_id(to));
    }
    for ((from, to, assertion), places) in &layout.claim_edges {
        let mut attrs = assertion.attributes();
        let places: Vec<&str> = places.iter().map(String::as_str).collect();
        attrs.push(format!(
            "tooltip={}",
            quote(&truncate(&places.join(", "), TOOLTIP_CHARS))
        ));
        let _ = writeln!(out, "  {} -> {} [{}];", quote_id(from), quote_id(to), attrs.join(", "));
    }
    for ((from, to), count) in &layout.fold_edges {
        let _ = writeln!(
            out,
            "  {} -> {} [color=gray50, label={}];",
            quote_id(from),
            quote_id(to),
            quote(&count.to_string())
        );
    }
    for ((a, b), reason) in &layout.contradictions {
        let _ = writeln!(
            out,
            "  {} -> {} [color=red, penwidth=2.5, dir=both, constraint=false, label=\"contradicts\", tooltip={}];",
            quote_id(a),
            quote_id(b),
            quote(&truncate(&clean(reason), TOOLTIP_CHARS)),
        );
    }
}

fn outlet_node(id: &str) -> String {
    format!("o:{id}")
}

fn source_node(id: &str) -> String {
    format!("s:{id}")
}

fn claim_node(id: &str) -> String {
    format!("c:{id}")
}

fn fold_node(episode: &str) -> String {
    format!("f:{episode}")
}

/// Text as a DOT quoted string for a label or tooltip: each line is [`clean`]ed (no
/// control or bidi characters), `\` and `"` are escaped, and line breaks become DOT's
/// `\n`. Graphviz reads UTF-8, so Arabic passes through as it is.
pub fn quote(text: &str) -> String {
    let lines: Vec<String> = text.split('\n').map(|line| escape(&clean(line))).collect();
    format!("\"{}\"", lines.join("\\n"))
}

/// A node id as a DOT quoted string. Ids are not cleaned (that could merge two ids);
/// control and invisible format characters (those [`clean`] removes) are written as
/// `%XXXX;` and `%` as `%25`, which keeps distinct ids distinct and the SVG free of
/// characters XML forbids.
pub fn quote_id(id: &str) -> String {
    let mut text = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            '%' => text.push_str("%25"),
            c if c.is_control() || super::is_invisible_format(c) => {
                let _ = write!(text, "%{:04X};", c as u32);
            }
            c => text.push(c),
        }
    }
    format!("\"{}\"", escape(&text))
}

/// Escapes the two characters a DOT quoted string gives meaning to.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_and_cleans() {
        assert_eq!(quote("a\"b\\c\nd\u{202E}e\u{1b}[31m"), r#""a\"b\\c\nde [31m""#);
        assert_eq!(quote("عين عيسى"), "\"عين عيسى\"");
        assert_eq!(quote_id("a \"b\"\n%"), r#""a \"b\"%000A;%25""#);
        assert_ne!(quote_id("a\u{1b}"), quote_id("a%001B;"));
    }
}
