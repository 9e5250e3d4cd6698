//! The Graphviz DOT renderer: a snapshot of the seed graph, hostile text in every label,
//! real `dot` accepting both without a warning, and deterministic, filterable output.
//!
//! The Graphviz checks call `dot` directly. Where it is not installed they are skipped
//! with a message, except under `CI=true`, where a skip would hide a broken graph: there
//! they fail (`.ci/run` installs graphviz).

use crate::common::{assert_dot_statements, graphviz, root};
use claimgraph::graph::RunGraph;
use claimgraph::model::{
    ArticleInfo, Claim, ClaimRoot, Cue, Mention, Outlet, Polarity, Relation, RelationKind, Run, Source, Span, Stance,
};
use claimgraph::pipeline::{self, Config};
use claimgraph::report::Filter;
use claimgraph::report::dot::{DotOptions, dot};
use std::path::PathBuf;

/// The run of a fixture directory, read by its relative path so that the graph's
/// `file:line` tooltips do not depend on where the repository is checked out.
fn fixture_run(dir: &str) -> Run {
    // Integration tests run with the package root as the working directory.
    assert!(root().join(dir).is_dir(), "{dir}");
    let out = pipeline::run(&[PathBuf::from(dir)], &Config::default());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    out.run
}

/// The DOT graph of a run, its graph built from its mentions (as the pipeline builds it).
fn draw(run: &Run, filter: &Filter, options: &DotOptions) -> String {
    dot(run, &RunGraph::of(run), filter, options)
}

/// How many claim nodes a graph draws (the legend's are `legend:` nodes).
fn claim_nodes(graph: &str) -> usize {
    graph
        .lines()
        .filter(|l| l.trim_start().starts_with("\"c:") && l.contains(" [shape=note"))
        .count()
}

#[test]
fn seed_graph_snapshot() {
    let run = fixture_run("fixtures/ain-issa");
    insta::assert_snapshot!("seed_graph", draw(&run, &Filter::default(), &DotOptions::default()));
}

/// Everything an article, a lexicon or a metadata file could put in a label.
const HOSTILE: &str = "say \"hi\" \\ <b>{x}|y</b>\nnext\r\nline\ttab \u{1b}[31mred\u{1b}[0m \
                       \u{202E}evil\u{202C} \u{2066}iso\u{2069} قوات \"الأسد\" \\N";

fn hostile_run() -> Run {
    let article = "a \"1\" b";
    let source = format!("{article}/src \"q\"");
    let claim = "c \"1\"\\ x";
    Run {
        version: 1,
        articles: vec![ArticleInfo {
            id: article.into(),
            path: "dir with space/\"a\".txt".into(),
            outlet: "out \"x\"".into(),
            language: "ar".into(),
            ..Default::default()
        }],
        outlets: vec![Outlet {
            id: "out \"x\"".into(),
            label: HOSTILE.into(),
        }],
        sources: vec![
            Source {
                id: source.clone(),
                label: HOSTILE.into(),
                kind: "media".into(),
                cues: vec![Cue {
                    article: article.into(),
                    start: 0,
                    end: 1,
                }],
                ..Default::default()
            },
            Source {
                id: format!("{article}/inner\u{202E}\n"),
                label: HOSTILE.into(),
                kind: "anonymous".into(),
                via: Some(source.clone()),
                ..Default::default()
            },
        ],
        claims: vec![
            Claim {
                id: claim.into(),
                key: format!("say({HOSTILE})"),
                label: HOSTILE.into(),
                episode: "2019-11 \"x\"\n".into(),
                outlets: vec!["out \"x\"".into()],
                independent_roots: 1,
                roots: vec![ClaimRoot {
                    id: "r".into(),
                    label: HOSTILE.into(),
                    anonymous: true,
                }],
                ..Default::default()
            },
            Claim {
                id: "other".into(),
                key: "other()".into(),
                label: "other".into(),
                episode: "2019-11".into(),
                outlets: vec!["out \"x\"".into()],
                ..Default::default()
            },
        ],
        mentions: vec![
            Mention {
                id: format!("{article}/m1"),
                article: article.into(),
                claim: claim.into(),
                chain: vec![source.clone(), format!("{article}/inner\u{202E}\n")],
                text: HOSTILE.into(),
                line: 3,
                sentence: Span::new(0, 1),
                evidence: Span::new(0, 1),
                stance: Stance::Hedged,
                ..Default::default()
            },
            Mention {
                id: format!("{article}/m2"),
                article: article.into(),
                claim: "other".into(),
                polarity: Polarity::Denies,
                text: HOSTILE.into(),
                line: 4,
                ..Default::default()
            },
        ],
        relations: vec![Relation {
            kind: RelationKind::Contradicts,
            claims: [claim.into(), "other".into()],
            reason: HOSTILE.into(),
        }],
        framing: vec![],
    }
}

#[test]
fn hostile_labels_stay_inside_their_strings() {
    let graph = draw(&hostile_run(), &Filter::default(), &DotOptions::default());
    for bad in ['\u{1b}', '\u{202E}', '\u{202C}', '\u{2066}', '\u{2069}', '\r', '\t'] {
        assert!(!graph.contains(bad), "{bad:?} reached the graph:\n{graph}");
    }
    assert_dot_statements(&graph);
    assert!(
        graph.contains("قوات \\\"الأسد\\\""),
        "Arabic kept, quotes escaped:\n{graph}"
    );
    assert!(
        graph.contains("\"c:c \\\"1\\\"\\\\ x\""),
        "the claim id quoted and escaped:\n{graph}"
    );
    assert!(
        graph.contains("dir with space/\\\"a\\\".txt:3"),
        "file:line in the tooltip:\n{graph}"
    );
    assert!(graph.contains("label=\"denies\""), "{graph}");
    assert!(graph.contains("label=\"hedged\""), "{graph}");
    assert!(graph.contains("label=\"contradicts\""), "{graph}");
    if let Some(svg) = graphviz(&graph) {
        assert!(svg.contains("قوات &quot;الأسد&quot;"), "{svg}");
    }
}

#[test]
fn graphviz_draws_the_seed_and_english_graphs_without_warnings() {
    for dir in ["fixtures/ain-issa", "fixtures/synthetic-en"] {
        let run = fixture_run(dir);
        for fold in [false, true] {
            let graph = draw(&run, &Filter::default(), &DotOptions { fold });
            let Some(svg) = graphviz(&graph) else { return };
            assert!(svg.contains("<svg"), "{dir}");
            assert!(svg.contains("contradicts"), "{dir}: the contradiction is drawn");
        }
    }
}

#[test]
fn rendering_is_deterministic_and_filtered() {
    let run = fixture_run("fixtures/ain-issa");
    let all = draw(&run, &Filter::default(), &DotOptions::default());
    assert_eq!(all, draw(&run, &Filter::default(), &DotOptions::default()));
    assert_eq!(claim_nodes(&all), run.claims.len());

    let agreed = Filter {
        min_outlets: 2,
        ..Filter::default()
    };
    let fewer = draw(&run, &agreed, &DotOptions::default());
    // Voices, not outlet names: two articles that name no outlet are two voices.
    let graph = claimgraph::graph::RunGraph::of(&run);
    let carried_twice = (0..run.claims.len())
        .filter(|&k| graph.voices_of(k).count() >= 2)
        .count();
    assert!(carried_twice > 0 && carried_twice < run.claims.len());
    assert_eq!(claim_nodes(&fewer), carried_twice);
    // A source or outlet is drawn only when an edge reaches it.
    assert!(fewer.matches("shape=ellipse,").count() < all.matches("shape=ellipse,").count());
}

#[test]
fn folding_keeps_agreement_and_contradiction() {
    let run = fixture_run("fixtures/ain-issa");
    let folded = draw(&run, &Filter::default(), &DotOptions { fold: true });
    assert!(claim_nodes(&folded) < run.claims.len());
    assert!(folded.contains("single-outlet claims"));
    assert!(!folded.contains("\"c:open-"), "open claims are left out when folding");
    for claim in &run.claims {
        let drawn = folded.contains(&format!("\"c:{}\" [", claim.id));
        if claim.outlets.len() >= 2 {
            assert!(drawn, "{} is carried by two outlets", claim.id);
        }
    }
    for relation in &run.relations {
        for claim in &relation.claims {
            assert!(folded.contains(&format!("\"c:{claim}\" [")), "{claim} is contradicted");
        }
    }
}

/// Writes `docs/graph.svg`, the README's picture of the seed graph:
/// `cargo test --test tests dot -- --ignored`.
#[test]
#[ignore = "writes docs/graph.svg"]
fn write_docs_graph() {
    let run = fixture_run("fixtures/ain-issa");
    let filter = Filter {
        min_outlets: 1,
        ..Filter::default()
    };
    let graph = draw(&run, &filter, &DotOptions { fold: true });
    let svg = graphviz(&graph).expect("graphviz is installed");
    std::fs::write(root().join("docs/graph.svg"), svg).unwrap();
}
