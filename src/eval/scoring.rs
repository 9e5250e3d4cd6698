//! The metrics of `docs/eval.md` and the misses behind them.
//!
//! Input: a parsed (and validated) [`Gold`], a [`Run`] and the article texts. Output: a
//! [`Report`]. The precise decisions (what "matches", "is the same source", "in different
//! sentences" mean) are written in `docs/eval.md`, "How claimgraph computes them"; this
//! file follows that section point by point.
//!
//! Invariants: never fails and never panics on a gold file that did not validate (a quote
//! that does not occur simply matches nothing); gold articles without a text, and tool
//! mentions in articles the gold does not annotate, are left out.

use std::collections::{HashMap, HashSet};

use super::gold::{ArticleMatch, Gold, GoldClaim, GoldMention, GoldRelationKind, GoldRole, ROLE_NAMES};
use super::{
    ArticleText, ExpectedReading, FalseLink, FoundReading, FoundRole, FurnitureMention, Location, Metrics,
    MissedContradiction, MissedMention, Misses, Named, Ratio, Report, RoleWords, SpuriousFrame, ToolMentionBrief,
    WrongAttribution, WrongReading, locate,
};
use crate::model::{Claim, Mention, Polarity, RelationKind, Run, Source, Span, Stance};

/// Scores `run` against `gold`.
///
/// Gold articles map to run articles by [`GoldArticle::text_in`](super::gold::GoldArticle::text_in);
/// the run's mentions name articles by [`ArticleText::id`].
pub fn score(gold: &Gold, run: &Run, texts: &[ArticleText<'_>]) -> Report {
    let ctx = Ctx::new(gold, run, texts);
    let mut metrics = Metrics::default();
    let mut misses = Misses::default();
    ctx.mentions_and_chains(&mut metrics, &mut misses);
    ctx.link_recall(&mut metrics);
    ctx.link_precision(&mut metrics, &mut misses);
    ctx.contradictions(&mut metrics, &mut misses);
    ctx.stances(&mut metrics);
    ctx.furniture(&mut metrics, &mut misses);
    ctx.frame_precision(&mut metrics, &mut misses);
    ctx.readings(&mut metrics, &mut misses);
    // Stable sorts: ties keep gold-file or run order.
    misses.mentions.sort_by(|a, b| a.at.cmp(&b.at));
    misses.attributions.sort_by(|a, b| a.at.cmp(&b.at));
    misses.links.sort_by(|a, b| a.at.cmp(&b.at));
    misses.furniture.sort_by(|a, b| a.at.cmp(&b.at));
    misses.readings.sort_by(|a, b| a.at.cmp(&b.at));
    misses.spurious_frames.sort_by(|a, b| a.at.cmp(&b.at));
    Report { metrics, misses }
}

/// A gold article that has a text.
struct Article<'a> {
    text: &'a ArticleText<'a>,
    /// Equal for two articles exactly when they have the same outlet: `unknown` is made
    /// distinct per article, since two unnamed outlets may well differ.
    outlet_key: String,
    /// Spans of the `no_claims` lines, with the line.
    furniture: Vec<(Span, &'a str)>,
    /// Spans of the `ignore` lines.
    ignore: Vec<Span>,
}

/// A gold mention of an article that has a text, with where it stands.
struct GoldRef<'a> {
    claim: &'a GoldClaim,
    mention: &'a GoldMention,
    /// Every occurrence of the quote in its article (empty only for invalid gold).
    occurrences: Vec<Span>,
    /// The first occurrence's location.
    at: Location,
}

struct Ctx<'a> {
    gold: &'a Gold,
    run: &'a Run,
    /// Gold article id → article.
    articles: HashMap<&'a str, Article<'a>>,
    /// Run article id → gold article id.
    by_run_id: HashMap<&'a str, &'a str>,
    /// Every gold mention of an article with a text, claims in file order.
    golds: Vec<GoldRef<'a>>,
    /// Indices into `run.mentions` of the tool mentions scored (annotated articles, not on
    /// `ignore` lines), in run order.
    tool: Vec<usize>,
    /// Per gold mention: the scored tool mentions whose sentence overlaps an occurrence.
    matches: Vec<Vec<usize>>,
    /// Per tool mention index: the gold mentions it strictly matches (evidence overlaps).
    strict: HashMap<usize, Vec<usize>>,
    /// Gold source id → occurrences of all its cues in its article.
    cue_spans: HashMap<&'a str, Vec<Span>>,
    /// Tool source id → source.
    tool_sources: HashMap<&'a str, &'a Source>,
    /// Tool claim id → claim.
    tool_claims: HashMap<&'a str, &'a Claim>,
    /// The scored tool mentions that are frames: of claims that are not open, and not on
    /// `no_claims` lines; in run order.
    frames: Vec<usize>,
}

/// How one tool frame reads one gold reading, part by part.
struct Checked {
    /// Each annotated role with whether the frame has it right.
    roles: Vec<(&'static str, bool)>,
    chain: bool,
    polarity: bool,
    stance: bool,
    reality: bool,
}

impl Checked {
    fn right_parts(&self) -> usize {
        self.roles.iter().filter(|(_, right)| *right).count()
            + [self.chain, self.polarity, self.stance, self.reality]
                .iter()
                .filter(|&&right| right)
                .count()
    }

    /// The names of the parts that are wrong, roles first.
    fn wrong(&self) -> Vec<String> {
        let roles = self.roles.iter().filter(|(_, right)| !right).map(|(name, _)| *name);
        let rest = [
            ("chain", self.chain),
            ("polarity", self.polarity),
            ("stance", self.stance),
            ("reality", self.reality),
        ]
        .into_iter()
        .filter(|(_, right)| !right)
        .map(|(name, _)| name);
        roles.chain(rest).map(str::to_string).collect()
    }

    fn fully_right(&self) -> bool {
        self.right_parts() == self.roles.len() + 4
    }
}

impl<'a> Ctx<'a> {
    fn new(gold: &'a Gold, run: &'a Run, texts: &'a [ArticleText<'a>]) -> Self {
        let mut articles = HashMap::new();
        let mut by_run_id = HashMap::new();
        for a in &gold.articles {
            // An article that is not read, or not told apart, is not scored (`validate`
            // reports both).
            let ArticleMatch::One(text) = a.text_in(texts) else {
                continue;
            };
            let outlet_key = if a.outlet == "unknown" {
                format!("unknown\u{0}{}", a.id.value)
            } else {
                a.outlet.clone()
            };
            let furniture = a
                .no_claims
                .iter()
                .flat_map(|l| {
                    locate::whole_lines(text.text, &l.value)
                        .into_iter()
                        .map(|s| (s, l.value.as_str()))
                })
                .collect();
            let ignore = a
                .ignore
                .iter()
                .flat_map(|l| locate::whole_lines(text.text, &l.value))
                .collect();
            by_run_id.insert(text.id, a.id.value.as_str());
            articles.insert(
                a.id.value.as_str(),
                Article {
                    text,
                    outlet_key,
                    furniture,
                    ignore,
                },
            );
        }

        let mut golds = Vec::new();
        for claim in &gold.claims {
            for mention in &claim.mentions {
                // Gold articles without a text are not scored at all (the run may cover a
                // subset of the annotated articles; `validate` reports missing files).
                let Some(a) = articles.get(mention.article.as_str()) else {
                    continue;
                };
                let occurrences = locate::occurrences(a.text.text, &mention.quote);
                let at = Location {
                    article: a.text.id.to_string(),
                    line: occurrences.first().map_or(0, |s| locate::line_of(a.text.text, s.start)),
                };
                golds.push(GoldRef {
                    claim,
                    mention,
                    occurrences,
                    at,
                });
            }
        }

        let tool: Vec<usize> = run
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                by_run_id
                    .get(m.article.as_str())
                    .and_then(|g| articles.get(g))
                    .is_some_and(|a| !a.ignore.iter().any(|s| s.overlaps(&m.sentence)))
            })
            .map(|(i, _)| i)
            .collect();

        let mut matches = vec![Vec::new(); golds.len()];
        let mut strict: HashMap<usize, Vec<usize>> = HashMap::new();
        for (gi, g) in golds.iter().enumerate() {
            for &ti in &tool {
                let m = &run.mentions[ti];
                if m.article != g.at.article {
                    continue;
                }
                if g.occurrences.iter().any(|o| o.overlaps(&m.sentence)) {
                    matches[gi].push(ti);
                }
                if g.occurrences.iter().any(|o| o.overlaps(&m.evidence)) {
                    strict.entry(ti).or_default().push(gi);
                }
            }
        }

        let mut cue_spans = HashMap::new();
        for s in &gold.sources {
            let spans = match articles.get(s.article.as_str()) {
                Some(a) => s
                    .cues
                    .iter()
                    .flat_map(|c| locate::occurrences(a.text.text, &c.value))
                    .collect(),
                None => Vec::new(),
            };
            cue_spans.insert(s.id.value.as_str(), spans);
        }
        let tool_sources = run.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        let tool_claims: HashMap<&str, &Claim> = run.claims.iter().map(|c| (c.id.as_str(), c)).collect();
        // A mention of a claim the run does not define is no frame: nothing says it is not open.
        let frames = tool
            .iter()
            .copied()
            .filter(|&ti| {
                let m = &run.mentions[ti];
                let furniture = by_run_id
                    .get(m.article.as_str())
                    .and_then(|g| articles.get(g))
                    .is_some_and(|a| a.furniture.iter().any(|(s, _)| s.overlaps(&m.sentence)));
                !furniture && tool_claims.get(m.claim.as_str()).is_some_and(|c| !c.open)
            })
            .collect();

        Ctx {
            gold,
            run,
            articles,
            by_run_id,
            golds,
            tool,
            matches,
            strict,
            cue_spans,
            tool_sources,
            tool_claims,
            frames,
        }
    }

    fn mention(&self, ti: usize) -> &'a Mention {
        &self.run.mentions[ti]
    }

    /// Whether the tool source "is" the gold source: one of its cues in the gold source's
    /// article overlaps an occurrence of one of the gold source's cues.
    fn is_source(&self, tool_id: &str, gold_id: &str) -> bool {
        let (Some(ts), Some(gs)) = (self.tool_sources.get(tool_id), self.gold.source(gold_id)) else {
            return false;
        };
        let Some(article) = self.articles.get(gs.article.as_str()) else {
            return false;
        };
        let spans = &self.cue_spans[gold_id];
        ts.cues
            .iter()
            .any(|c| c.article == article.text.id && spans.iter().any(|s| s.overlaps(&Span::new(c.start, c.end))))
    }

    fn innermost_right(&self, gold_chain: &[String], tool_chain: &[String]) -> bool {
        match (gold_chain.last(), tool_chain.last()) {
            (None, None) => true,
            (Some(g), Some(t)) => self.is_source(t, g),
            _ => false,
        }
    }

    fn chain_right(&self, gold_chain: &[String], tool_chain: &[String]) -> bool {
        gold_chain.len() == tool_chain.len() && gold_chain.iter().zip(tool_chain).all(|(g, t)| self.is_source(t, g))
    }

    /// Mention recall, attribution and chain accuracy.
    fn mentions_and_chains(&self, metrics: &mut Metrics, misses: &mut Misses) {
        let mut recall = Ratio::default();
        let mut attribution = Ratio::default();
        let mut chain = Ratio::default();
        for (gi, g) in self.golds.iter().enumerate() {
            recall.total += 1;
            let found = &self.matches[gi];
            if found.is_empty() {
                misses.mentions.push(MissedMention {
                    at: g.at.clone(),
                    claim: g.claim.id.value.clone(),
                    quote: g.mention.quote.clone(),
                    on_line: self.on_line(&g.at),
                });
                continue;
            }
            recall.hits += 1;
            attribution.total += 1;
            chain.total += 1;
            let gold_chain = &g.mention.chain;
            let innermost = found
                .iter()
                .any(|&ti| self.innermost_right(gold_chain, &self.mention(ti).chain));
            let whole = found
                .iter()
                .any(|&ti| self.chain_right(gold_chain, &self.mention(ti).chain));
            attribution.hits += usize::from(innermost);
            chain.hits += usize::from(whole);
            if !whole {
                let mut chains: Vec<Vec<Named>> = Vec::new();
                for &ti in found {
                    let c = self.tool_chain(&self.mention(ti).chain);
                    if !chains.contains(&c) {
                        chains.push(c);
                    }
                }
                misses.attributions.push(WrongAttribution {
                    at: g.at.clone(),
                    claim: g.claim.id.value.clone(),
                    quote: g.mention.quote.clone(),
                    innermost_right: innermost,
                    expected: self.gold_chain(gold_chain),
                    found: chains,
                });
            }
        }
        metrics.mention_recall = recall;
        metrics.attribution_accuracy = attribution;
        metrics.chain_accuracy = chain;
    }

    /// A gold chain as ids and labels.
    fn gold_chain(&self, chain: &[String]) -> Vec<Named> {
        chain
            .iter()
            .map(|id| Named {
                id: id.clone(),
                label: self.gold.source(id).map(|s| s.label.clone()).unwrap_or_default(),
            })
            .collect()
    }

    /// A tool chain as ids and labels (an id the run does not define keeps an empty label).
    fn tool_chain(&self, chain: &[String]) -> Vec<Named> {
        chain
            .iter()
            .map(|id| Named {
                id: id.clone(),
                label: self
                    .tool_sources
                    .get(id.as_str())
                    .map(|s| s.label.clone())
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// The scored tool mentions whose sentence overlaps line `at`.
    fn on_line(&self, at: &Location) -> Vec<ToolMentionBrief> {
        let Some(article) = self
            .by_run_id
            .get(at.article.as_str())
            .and_then(|g| self.articles.get(g))
        else {
            return Vec::new();
        };
        if at.line == 0 {
            return Vec::new();
        }
        let line = locate::line_span(article.text.text, at.line);
        self.tool
            .iter()
            .map(|&ti| self.mention(ti))
            .filter(|m| m.article == at.article && m.sentence.overlaps(&line))
            .map(|m| ToolMentionBrief {
                claim: m.claim.clone(),
                text: m.text.clone(),
            })
            .collect()
    }

    /// Whether two gold mentions are in different sentences: unless they are in one article
    /// and one segmenter sentence overlaps the first occurrence of both quotes.
    fn different_sentences(&self, a: &GoldRef<'_>, b: &GoldRef<'_>) -> bool {
        if a.mention.article != b.mention.article {
            return true;
        }
        let (Some(fa), Some(fb)) = (a.occurrences.first(), b.occurrences.first()) else {
            return true;
        };
        let Some(article) = self.articles.get(a.mention.article.as_str()) else {
            return true;
        };
        !article.text.sentences.iter().any(|s| s.overlaps(fa) && s.overlaps(fb))
    }

    fn cross_outlet(&self, a: &GoldRef<'_>, b: &GoldRef<'_>) -> bool {
        let outlet = |g: &GoldRef<'_>| &self.articles[g.mention.article.as_str()].outlet_key;
        outlet(a) != outlet(b)
    }

    /// Link recall, all pairs and pairs across outlets.
    fn link_recall(&self, metrics: &mut Metrics) {
        let mut all = Ratio::default();
        let mut cross = Ratio::default();
        for i in 0..self.golds.len() {
            for j in i + 1..self.golds.len() {
                let (a, b) = (&self.golds[i], &self.golds[j]);
                if !std::ptr::eq(a.claim, b.claim) || !self.different_sentences(a, b) {
                    continue;
                }
                let linked = self.matches[i].iter().any(|&m1| {
                    self.matches[j]
                        .iter()
                        .any(|&m2| m1 != m2 && self.mention(m1).claim == self.mention(m2).claim)
                });
                all.total += 1;
                all.hits += usize::from(linked);
                if self.cross_outlet(a, b) {
                    cross.total += 1;
                    cross.hits += usize::from(linked);
                }
            }
        }
        metrics.link_recall = all;
        metrics.link_recall_cross_outlet = cross;
    }

    /// Link precision over pairs of strict matches sharing a tool claim.
    fn link_precision(&self, metrics: &mut Metrics, misses: &mut Misses) {
        let strict: Vec<usize> = self
            .tool
            .iter()
            .copied()
            .filter(|ti| self.strict.contains_key(ti))
            .collect();
        let mut precision = Ratio::default();
        for (k, &t1) in strict.iter().enumerate() {
            for &t2 in &strict[k + 1..] {
                let (m1, m2) = (self.mention(t1), self.mention(t2));
                if m1.claim != m2.claim || (m1.article == m2.article && m1.sentence == m2.sentence) {
                    continue;
                }
                precision.total += 1;
                let right = self.strict[&t1].iter().any(|&g1| {
                    self.strict[&t2]
                        .iter()
                        .any(|&g2| self.may_share_claim(g1, g2, m1.polarity != m2.polarity))
                });
                if right {
                    precision.hits += 1;
                    continue;
                }
                let (g1, g2) = (&self.golds[self.strict[&t1][0]], &self.golds[self.strict[&t2][0]]);
                let tool_label = self
                    .run
                    .claims
                    .iter()
                    .find(|c| c.id == m1.claim)
                    .map(|c| c.label.clone())
                    .unwrap_or_default();
                misses.links.push(FalseLink {
                    tool_claim: m1.claim.clone(),
                    tool_label,
                    gold_claims: [g1.claim.id.value.clone(), g2.claim.id.value.clone()],
                    quotes: [g1.mention.quote.clone(), g2.mention.quote.clone()],
                    at: [self.location_of(m1), self.location_of(m2)],
                });
            }
        }
        metrics.link_precision = precision;
    }

    /// Whether tool mentions strictly matching gold mentions `g1` and `g2` may share a tool
    /// claim: same gold claim, an `either` relation, or a `contradicts` relation when the
    /// tool gave them opposite polarities.
    fn may_share_claim(&self, g1: usize, g2: usize, opposite: bool) -> bool {
        let (c1, c2) = (&self.golds[g1].claim.id.value, &self.golds[g2].claim.id.value);
        c1 == c2
            || match self.gold.relation(c1, c2) {
                Some(GoldRelationKind::Either) => true,
                Some(GoldRelationKind::Contradicts) => opposite,
                None => false,
            }
    }

    /// Where a tool mention's sentence starts.
    fn location_of(&self, m: &Mention) -> Location {
        let line = self
            .by_run_id
            .get(m.article.as_str())
            .and_then(|g| self.articles.get(g))
            .map_or(m.line, |a| locate::line_of(a.text.text, m.sentence.start));
        Location {
            article: m.article.clone(),
            line,
        }
    }

    /// Contradiction recall: `contradicts` relations and `denies` mentions.
    fn contradictions(&self, metrics: &mut Metrics, misses: &mut Misses) {
        let run_contradicts: HashSet<(&str, &str)> = self
            .run
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Contradicts)
            .flat_map(|r| {
                let (a, b) = (r.claims[0].as_str(), r.claims[1].as_str());
                [(a, b), (b, a)]
            })
            .collect();
        let shown = |side1: &[usize], side2: &[usize]| {
            side1.iter().flat_map(|&g| &self.matches[g]).any(|&t1| {
                side2.iter().flat_map(|&g| &self.matches[g]).any(|&t2| {
                    let (m1, m2) = (self.mention(t1), self.mention(t2));
                    (m1.claim == m2.claim && m1.polarity != m2.polarity)
                        || run_contradicts.contains(&(m1.claim.as_str(), m2.claim.as_str()))
                })
            })
        };
        let of_claim = |id: &str| -> Vec<usize> {
            (0..self.golds.len())
                .filter(|&g| self.golds[g].claim.id.value == id)
                .collect()
        };
        let mut recall = Ratio::default();
        for rel in &self.gold.relations {
            if rel.kind != GoldRelationKind::Contradicts {
                continue;
            }
            let (side1, side2) = (of_claim(&rel.claims[0]), of_claim(&rel.claims[1]));
            // A side whose articles were not read cannot be shown; leave the pair out.
            if side1.is_empty() || side2.is_empty() {
                continue;
            }
            recall.total += 1;
            if shown(&side1, &side2) {
                recall.hits += 1;
            } else {
                misses.contradictions.push(MissedContradiction::Relation {
                    claims: rel.claims.clone(),
                });
            }
        }
        for (gi, g) in self.golds.iter().enumerate() {
            if g.mention.polarity != Polarity::Denies {
                continue;
            }
            let asserting: Vec<usize> = of_claim(&g.claim.id.value)
                .into_iter()
                .filter(|&o| self.golds[o].mention.polarity == Polarity::Asserts)
                .collect();
            // A denial with nothing asserted in the gold has no other side to show.
            if asserting.is_empty() {
                continue;
            }
            recall.total += 1;
            if shown(&[gi], &asserting) {
                recall.hits += 1;
            } else {
                misses.contradictions.push(MissedContradiction::Denial {
                    at: g.at.clone(),
                    claim: g.claim.id.value.clone(),
                    quote: g.mention.quote.clone(),
                });
            }
        }
        metrics.contradiction_recall = recall;
    }

    /// Stance accuracy over every gold mention with a non-plain stance.
    fn stances(&self, metrics: &mut Metrics) {
        let mut stance = Ratio::default();
        for (gi, g) in self.golds.iter().enumerate() {
            if g.mention.stance == Stance::Plain {
                continue;
            }
            stance.total += 1;
            if self.matches[gi]
                .iter()
                .any(|&ti| self.mention(ti).stance == g.mention.stance)
            {
                stance.hits += 1;
            }
        }
        metrics.stance_accuracy = stance;
    }

    /// Tool mentions whose sentence overlaps a `no_claims` line.
    fn furniture(&self, metrics: &mut Metrics, misses: &mut Misses) {
        for &ti in &self.tool {
            let m = self.mention(ti);
            let Some(article) = self
                .by_run_id
                .get(m.article.as_str())
                .and_then(|g| self.articles.get(g))
            else {
                continue;
            };
            if let Some((_, line)) = article.furniture.iter().find(|(s, _)| s.overlaps(&m.sentence)) {
                metrics.furniture_errors += 1;
                misses.furniture.push(FurnitureMention {
                    at: self.location_of(m),
                    claim: m.claim.clone(),
                    text: m.text.clone(),
                    furniture: line.to_string(),
                });
            }
        }
    }

    /// The article a run article id names, when the gold annotates it.
    fn article_of(&self, run_id: &str) -> Option<&Article<'a>> {
        self.by_run_id.get(run_id).and_then(|g| self.articles.get(g))
    }

    /// Frame precision: frames whose evidence overlaps a gold quote; the others are
    /// spurious.
    fn frame_precision(&self, metrics: &mut Metrics, misses: &mut Misses) {
        let mut precision = Ratio::default();
        for &ti in &self.frames {
            precision.total += 1;
            if self.strict.contains_key(&ti) {
                precision.hits += 1;
                continue;
            }
            let m = self.mention(ti);
            misses.spurious_frames.push(SpuriousFrame {
                at: self.location_of(m),
                file: self
                    .article_of(&m.article)
                    .map(|a| a.text.path.to_string())
                    .unwrap_or_default(),
                claim: m.claim.clone(),
                key: self.claim_key(&m.claim),
                text: m.text.clone(),
            });
        }
        metrics.frame_precision = precision;
    }

    fn claim_key(&self, id: &str) -> String {
        self.tool_claims.get(id).map(|c| c.key.clone()).unwrap_or_default()
    }

    /// Role accuracy (per role and overall), reading precision and recall, over the gold
    /// mentions with `roles`, each judged by its best strict frame.
    fn readings(&self, metrics: &mut Metrics, misses: &mut Misses) {
        let mut per_role = [Ratio::default(); ROLE_NAMES.len()];
        let mut precision = Ratio::default();
        let mut recall = Ratio::default();
        for (gi, g) in self.golds.iter().enumerate() {
            let Some(roles) = &g.mention.roles else {
                continue;
            };
            recall.total += 1;
            // The most parts right; the first in run order among equals.
            let mut best: Option<(usize, Checked)> = None;
            for &ti in &self.frames {
                if !self.strict.get(&ti).is_some_and(|gs| gs.contains(&gi)) {
                    continue;
                }
                let checked = self.check_reading(g, roles, self.mention(ti));
                if best
                    .as_ref()
                    .is_none_or(|(_, b)| checked.right_parts() > b.right_parts())
                {
                    best = Some((ti, checked));
                }
            }
            if let Some((_, checked)) = &best {
                precision.total += 1;
                for (name, right) in &checked.roles {
                    let k = ROLE_NAMES.iter().position(|r| r == name).unwrap_or_default();
                    per_role[k].total += 1;
                    per_role[k].hits += usize::from(*right);
                }
                if checked.fully_right() {
                    precision.hits += 1;
                    recall.hits += 1;
                    continue;
                }
            }
            misses.readings.push(self.wrong_reading(g, roles, best.as_ref()));
        }
        metrics.role_accuracy_agent = per_role[0];
        metrics.role_accuracy_target = per_role[1];
        metrics.role_accuracy_place = per_role[2];
        metrics.role_accuracy = Ratio {
            hits: per_role.iter().map(|r| r.hits).sum(),
            total: per_role.iter().map(|r| r.total).sum(),
        };
        metrics.reading_precision = precision;
        metrics.reading_recall = recall;
    }

    /// How `frame` (a strict match of `g`) reads `g`'s annotated roles and fields.
    fn check_reading(&self, g: &GoldRef<'_>, roles: &[GoldRole], frame: &Mention) -> Checked {
        Checked {
            roles: roles
                .iter()
                .map(|role| (role.role, self.role_right(g, role, frame)))
                .collect(),
            chain: self.chain_right(&g.mention.chain, &frame.chain),
            polarity: frame.polarity == g.mention.polarity,
            stance: frame.stance == g.mention.stance,
            reality: frame.reality == g.mention.reality,
        }
    }

    /// Whether `frame` fills `role` right: not at all when the gold words are empty, else
    /// with a span overlapping the words where they stand for the quote occurrence the
    /// frame's evidence overlaps ([`locate::role_spans`]).
    fn role_right(&self, g: &GoldRef<'_>, role: &GoldRole, frame: &Mention) -> bool {
        let mut filled = frame.roles.iter().filter(|r| r.role == role.role).peekable();
        if role.words.is_empty() {
            return filled.peek().is_none();
        }
        let Some(article) = self.articles.get(g.mention.article.as_str()) else {
            return false;
        };
        let right: Vec<Span> = g
            .occurrences
            .iter()
            .filter(|o| o.overlaps(&frame.evidence))
            .flat_map(|&o| locate::role_spans(article.text.text, &article.text.sentences, o, &role.words))
            .collect();
        filled.any(|r| r.span.is_some_and(|s| right.iter().any(|w| w.overlaps(&s))))
    }

    /// The miss of a gold reading: what the gold says, and what its best frame says.
    fn wrong_reading(&self, g: &GoldRef<'_>, roles: &[GoldRole], best: Option<&(usize, Checked)>) -> WrongReading {
        let article = self.articles.get(g.mention.article.as_str());
        let words = |s: Span| {
            article
                .and_then(|a| a.text.text.get(s.start..s.end))
                .map(str::to_string)
        };
        let found = best.map(|&(ti, _)| {
            let m = self.mention(ti);
            FoundReading {
                claim: m.claim.clone(),
                key: self.claim_key(&m.claim),
                roles: m
                    .roles
                    .iter()
                    .map(|r| FoundRole {
                        role: r.role.clone(),
                        id: r.id.clone(),
                        words: r.span.and_then(words),
                    })
                    .collect(),
                reality: m.reality,
                polarity: m.polarity,
                stance: m.stance,
                chain: self.tool_chain(&m.chain),
            }
        });
        WrongReading {
            at: g.at.clone(),
            file: article.map(|a| a.text.path.to_string()).unwrap_or_default(),
            claim: g.claim.id.value.clone(),
            quote: g.mention.quote.clone(),
            expected: ExpectedReading {
                roles: roles
                    .iter()
                    .map(|r| RoleWords {
                        role: r.role.to_string(),
                        words: r.words.clone(),
                    })
                    .collect(),
                reality: g.mention.reality,
                polarity: g.mention.polarity,
                stance: g.mention.stance,
                chain: self.gold_chain(&g.mention.chain),
            },
            found,
            wrong: best.map(|(_, checked)| checked.wrong()).unwrap_or_default(),
        }
    }
}
