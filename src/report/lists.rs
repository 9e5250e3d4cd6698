//! The text reports: `claimgraph claims` (every claim with every mention and its proof),
//! `sources` (what each outlet cites), `framing` (the names each outlet gives each actor)
//! and `diff` (what one outlet carries that another does not).

use super::{ClaimStats, Filter, clean, mentions_of, outlet_of, source_label, truncate};
use crate::model::{Polarity, Run, Stance};
use std::collections::BTreeMap;
use std::fmt::Write as _;

fn outlet_label<'a>(run: &'a Run, id: &'a str) -> &'a str {
    run.outlets.iter().find(|o| o.id == id).map_or(id, |o| o.label.as_str())
}

fn chain_text(run: &Run, outlet: &str, chain: &[String]) -> String {
    let mut parts = vec![clean(outlet_label(run, outlet))];
    if chain.is_empty() {
        parts.push("(own voice)".to_owned());
    }
    parts.extend(chain.iter().map(|s| clean(source_label(run, s))));
    parts.join(" ← ")
}

fn stance_text(polarity: Polarity, stance: Stance) -> String {
    let p = match polarity {
        Polarity::Asserts => "asserts",
        Polarity::Denies => "denies",
    };
    let s = match stance {
        Stance::Plain => "plain",
        Stance::Distanced => "distanced",
        Stance::Hedged => "hedged",
    };
    format!("{p}, {s}")
}

/// `claimgraph claims`: each claim as a block, then every mention with its chain,
/// polarity, stance and the sentence quoted from the original text with `file:line`.
pub fn claims(run: &Run, filter: &Filter) -> String {
    let mut out = String::new();
    for c in filter.claims(run) {
        let anonymous = c.roots.iter().filter(|r| r.anonymous).count();
        let _ = writeln!(out, "{} — {}", clean(&c.key), clean(&c.label));
        let _ = writeln!(
            out,
            "  id {} · episode {} · {} independent root{} ({} anonymous) · outlets: {}",
            c.id,
            c.episode,
            c.independent_roots,
            if c.independent_roots == 1 { "" } else { "s" },
            anonymous,
            c.outlets.join(", ")
        );
        if !c.rule.is_empty() {
            let _ = writeln!(out, "  rules: {}", c.rule);
        }
        for r in run.relations.iter().filter(|r| r.claims.contains(&c.id)) {
            let other = if r.claims[0] == c.id {
                &r.claims[1]
            } else {
                &r.claims[0]
            };
            let _ = writeln!(out, "  ⟂ contradicts {} ({})", clean(other), clean(&r.reason));
        }
        for m in mentions_of(run, &c.id) {
            let _ = writeln!(
                out,
                "  - {} | {}\n    “{}” {}",
                chain_text(run, outlet_of(run, m), &m.chain),
                stance_text(m.polarity, m.stance),
                truncate(&clean(&m.text), 240),
                super::place(run, m)
            );
        }
        out.push('\n');
    }
    out
}

/// `claimgraph sources`: per outlet, the sources it cites, their kinds, how many claims
/// each carries, and the chains they stand in.
pub fn sources(run: &Run, filter: &Filter) -> String {
    let kept: Vec<&str> = filter.claims(run).iter().map(|c| c.id.as_str()).collect();
    let mut out = String::new();
    for o in &run.outlets {
        if !filter.outlets.is_empty() && !filter.outlets.contains(&o.id) {
            continue;
        }
        let articles: Vec<&str> = run
            .articles
            .iter()
            .filter(|a| a.outlet == o.id)
            .map(|a| a.id.as_str())
            .collect();
        let mentions: Vec<_> = run
            .mentions
            .iter()
            .filter(|m| articles.contains(&m.article.as_str()) && kept.contains(&m.claim.as_str()))
            .collect();
        let own: usize = {
            let mut c: Vec<&str> = mentions
                .iter()
                .filter(|m| m.chain.is_empty())
                .map(|m| m.claim.as_str())
                .collect();
            c.sort_unstable();
            c.dedup();
            c.len()
        };
        let _ = writeln!(
            out,
            "{} ({} article{})",
            clean(&o.label),
            articles.len(),
            if articles.len() == 1 { "" } else { "s" }
        );
        let _ = writeln!(out, "  own voice: {own} claim{}", if own == 1 { "" } else { "s" });
        for s in run
            .sources
            .iter()
            .filter(|s| s.cues.first().is_some_and(|c| articles.contains(&c.article.as_str())))
        {
            let carried: Vec<_> = mentions.iter().filter(|m| m.chain.last() == Some(&s.id)).collect();
            let mut claims: Vec<&str> = carried.iter().map(|m| m.claim.as_str()).collect();
            claims.sort_unstable();
            claims.dedup();
            let mut chains: Vec<String> = carried.iter().map(|m| chain_text(run, &o.id, &m.chain)).collect();
            chains.sort();
            chains.dedup();
            let _ = writeln!(
                out,
                "  {} [{}]: {} claim{}, named {} time{}",
                clean(&s.label),
                clean(&s.kind),
                claims.len(),
                if claims.len() == 1 { "" } else { "s" },
                s.cues.len(),
                if s.cues.len() == 1 { "" } else { "s" }
            );
            for c in chains {
                let _ = writeln!(out, "      {c}");
            }
        }
        out.push('\n');
    }
    out
}

/// `claimgraph framing`: per actor, the names each outlet uses for it, with their
/// framing tags and how often.
pub fn framing(run: &Run, filter: &Filter) -> String {
    let mut by_actor: BTreeMap<(&str, &str), Vec<&crate::model::ActorName>> = BTreeMap::new();
    for n in &run.framing {
        if !filter.outlets.is_empty() && !filter.outlets.contains(&n.outlet) {
            continue;
        }
        by_actor
            .entry((n.actor.as_str(), n.label.as_str()))
            .or_default()
            .push(n);
    }
    let mut out = String::new();
    for ((actor, label), names) in by_actor {
        let _ = writeln!(out, "{} ({})", clean(label), clean(actor));
        let mut by_outlet: BTreeMap<&str, Vec<&crate::model::ActorName>> = BTreeMap::new();
        for n in names {
            by_outlet.entry(n.outlet.as_str()).or_default().push(n);
        }
        for (outlet, names) in by_outlet {
            let list: Vec<String> = names
                .iter()
                .map(|n| {
                    let tag = if n.framing == "neutral" {
                        String::new()
                    } else {
                        format!(" [{}]", n.framing)
                    };
                    format!("{}{} ×{}", clean(&n.name), tag, n.count)
                })
                .collect();
            let _ = writeln!(out, "  {}: {}", clean(outlet_label(run, outlet)), list.join(" · "));
        }
        out.push('\n');
    }
    out
}

/// `claimgraph diff A B`: claims only A carries, only B, both, and the contradictions
/// between them.
pub fn diff(run: &Run, filter: &Filter, a: &str, b: &str) -> String {
    let stats = ClaimStats::of(run);
    let claims: Vec<&crate::model::Claim> = filter.shown(&stats).into_iter().map(|k| &run.claims[k]).collect();
    let carries = |o: &str, c: &crate::model::Claim| c.outlets.iter().any(|x| x == o);
    let mut out = String::new();
    let (la, lb) = (clean(outlet_label(run, a)), clean(outlet_label(run, b)));
    let section = |out: &mut String, title: &str, list: Vec<&&crate::model::Claim>| {
        let _ = writeln!(out, "{title} ({})", list.len());
        for c in list {
            let _ = writeln!(out, "  {} — {} [{}]", clean(&c.key), clean(&c.label), c.episode);
        }
        out.push('\n');
    };
    section(
        &mut out,
        &format!("only {la}"),
        claims.iter().filter(|c| carries(a, c) && !carries(b, c)).collect(),
    );
    section(
        &mut out,
        &format!("only {lb}"),
        claims.iter().filter(|c| !carries(a, c) && carries(b, c)).collect(),
    );
    section(
        &mut out,
        "both",
        claims.iter().filter(|c| carries(a, c) && carries(b, c)).collect(),
    );
    let _ = writeln!(out, "contradictions between {la} and {lb}");
    let holds = |o: &str, id: &str, p: Polarity| {
        mentions_of(run, id)
            .iter()
            .any(|m| m.polarity == p && outlet_of(run, m) == o)
    };
    for r in &run.relations {
        let [x, y] = &r.claims;
        let split = (holds(a, x, Polarity::Asserts) && holds(b, y, Polarity::Asserts))
            || (holds(b, x, Polarity::Asserts) && holds(a, y, Polarity::Asserts));
        if split {
            let _ = writeln!(out, "  {} ⟂ {}: {}", clean(x), clean(y), clean(&r.reason));
        }
    }
    for c in claims.iter().filter(|c| stats.contested(&c.id)) {
        let opposed = (holds(a, &c.id, Polarity::Asserts) && holds(b, &c.id, Polarity::Denies))
            || (holds(b, &c.id, Polarity::Asserts) && holds(a, &c.id, Polarity::Denies));
        if opposed {
            let _ = writeln!(out, "  {}: one asserts, the other denies", clean(&c.key));
        }
    }
    out
}
