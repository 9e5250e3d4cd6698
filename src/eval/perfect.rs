//! The run a perfect tool would produce for a gold file.
//!
//! Input: a validated [`Gold`] and the article texts. Output: a [`Run`] that scores 1.0 on
//! every ratio and has no furniture errors. Tests use it as the baseline that damaged runs
//! are built from; the CLI can score it to check that a gold file is self-consistent
//! (a gold whose perfect run does not score 1.0 has, e.g., a chain naming a source whose
//! cues overlap another's).
//!
//! Invariants: the run follows the model's invariants (spans into the original text,
//! lists sorted, ids resolvable); gold articles without a text are left out.

use std::collections::HashMap;

use super::ArticleText;
use super::gold::{ArticleMatch, Gold, GoldRelationKind};
use super::locate;
use crate::model::{
    ArticleInfo, Claim, Cue, FurnitureLine, JSON_VERSION, Mention, Outlet, Relation, RelationKind, Role, Run, Source,
};

/// Builds the perfect run for `gold`: one tool source per gold source with cues at every
/// occurrence of its cues, one tool claim per gold claim (same id), one mention per
/// occurrence of each gold quote with `sentence` = `evidence` = the quote's span and the
/// gold's polarity, stance, chain, reality and roles (each non-empty role at the first place
/// its words stand for that occurrence), and the gold's `contradicts` relations.
pub fn run_from_gold(gold: &Gold, texts: &[ArticleText<'_>]) -> Run {
    let mut run = Run {
        version: JSON_VERSION,
        ..Run::default()
    };
    // Gold article id → text.
    let mut text_of: HashMap<&str, &ArticleText<'_>> = HashMap::new();
    for a in &gold.articles {
        let ArticleMatch::One(t) = a.text_in(texts) else {
            continue;
        };
        text_of.insert(a.id.value.as_str(), t);
        let outlet = if a.outlet == "unknown" {
            "unknown".to_string()
        } else {
            let id = crate::model::ids::slug(&a.outlet);
            if !run.outlets.iter().any(|o| o.id == id) {
                run.outlets.push(Outlet {
                    id: id.clone(),
                    label: a.outlet.clone(),
                });
            }
            id
        };
        let furniture = a
            .no_claims
            .iter()
            .flat_map(|l| locate::whole_lines(t.text, &l.value))
            .map(|span| FurnitureLine {
                line: locate::line_of(t.text, span.start),
                span,
                rule: "gold/no_claims".to_string(),
            })
            .collect();
        run.articles.push(ArticleInfo {
            id: t.id.to_string(),
            path: t.path.to_string(),
            outlet,
            published: a.published.clone(),
            language: a.language.clone().unwrap_or_else(|| "und".to_string()),
            furniture,
            ..ArticleInfo::default()
        });
    }

    // Gold source ids name the gold article; the run's name the run article.
    let tool_id = |gold_id: &str| -> Option<String> {
        let (article, name) = gold_id.split_once('/')?;
        Some(format!("{}/{name}", text_of.get(article)?.id))
    };
    for s in &gold.sources {
        let (Some(id), Some(t)) = (tool_id(&s.id.value), text_of.get(s.article.as_str())) else {
            continue;
        };
        let mut cues: Vec<Cue> = s
            .cues
            .iter()
            .flat_map(|c| locate::occurrences(t.text, &c.value))
            .map(|span| Cue {
                article: t.id.to_string(),
                start: span.start,
                end: span.end,
            })
            .collect();
        cues.sort_by_key(|c| (c.start, c.end));
        run.sources.push(Source {
            id,
            label: s.label.clone(),
            kind: s.kind.clone(),
            via: s.via.as_deref().and_then(tool_id),
            cues,
            ..Source::default()
        });
    }

    for c in &gold.claims {
        run.claims.push(Claim {
            id: c.id.value.clone(),
            key: c.id.value.clone(),
            label: c.label.clone(),
            episode: c.episode.clone(),
            open: false,
            rule: "gold".to_string(),
            ..Claim::default()
        });
        for m in &c.mentions {
            let Some(t) = text_of.get(m.article.as_str()) else {
                continue;
            };
            let chain: Vec<String> = m.chain.iter().filter_map(|id| tool_id(id)).collect();
            for span in locate::occurrences(t.text, &m.quote) {
                // Each annotated role filled at the first place its words stand for this
                // occurrence; a role the sentence does not state is absent.
                let roles = m
                    .roles
                    .iter()
                    .flatten()
                    .filter(|r| !r.words.is_empty())
                    .filter_map(|r| {
                        let at = *locate::role_spans(t.text, &t.sentences, span, &r.words).first()?;
                        Some(Role {
                            role: r.role.to_string(),
                            id: r.words.clone(),
                            label: r.words.clone(),
                            span: Some(at),
                        })
                    })
                    .collect();
                run.mentions.push(Mention {
                    id: String::new(),
                    article: t.id.to_string(),
                    claim: c.id.value.clone(),
                    polarity: m.polarity,
                    stance: m.stance,
                    chain: chain.clone(),
                    sentence: span,
                    evidence: span,
                    roles,
                    reality: m.reality,
                    text: m.quote.clone(),
                    line: locate::line_of(t.text, span.start),
                    rule: "gold".to_string(),
                });
            }
        }
    }
    for r in &gold.relations {
        if r.kind == GoldRelationKind::Contradicts {
            run.relations.push(Relation {
                kind: RelationKind::Contradicts,
                claims: r.claims.clone(),
                reason: "gold".to_string(),
            });
        }
    }

    run.articles.sort_by(|a, b| a.id.cmp(&b.id));
    run.outlets.sort();
    run.sources.sort_by(|a, b| a.id.cmp(&b.id));
    run.claims.sort_by(|a, b| a.id.cmp(&b.id));
    run.mentions
        .sort_by(|a, b| (&a.article, a.sentence, &a.claim).cmp(&(&b.article, b.sentence, &b.claim)));
    let mut count: HashMap<String, usize> = HashMap::new();
    for m in &mut run.mentions {
        let n = count.entry(m.article.clone()).or_default();
        *n += 1;
        m.id = format!("{}/m{n}", m.article);
    }
    run
}
