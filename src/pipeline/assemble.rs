//! Across articles, once: the digests become the run. Every frame is linked into claims
//! (`link`), every mention gets its claim's id (a linked claim's, or the open claim of a
//! statement no frame understood, keyed by its normalised text: nothing an article says
//! is dropped), the run's graph is built from who carries each claim on whose authority
//! ([`crate::graph`]) and fills each claim's outlets and independent roots, and the
//! outlets' names for actors are counted into the framing records.
//!
//! The digests are consumed as they are read: their records move into the run, and the
//! mentions kept on disk stay there ([`MentionStore::Disk`]), learning only where their
//! claims ended up.

use super::digest::{ClaimOf, Digest, OPEN_CLAIM_RULE};
use super::store::{Block, Disk, MentionStore, mention_order};
use crate::graph::{Builder, RunGraph};
use crate::lexicon::Lexicon;
use crate::link;
use crate::model::date::episode_of;
use crate::model::ids::{claim_id, open_claim_id, open_hash, unique};
use crate::model::{Claim, JSON_VERSION, Relation, RelationKind, Run};
use std::collections::{BTreeMap, HashMap};
use std::fs::File;

/// What the per-article phase hands to assembly.
#[derive(Debug, Default)]
pub(super) struct Digested {
    /// One per article, in input order.
    pub(super) digests: Vec<Digest>,
    /// The actor names the workers counted (taken out of their digests).
    pub(super) names: NameCounts,
    /// With the mentions kept on disk, the workers' files by worker number.
    pub(super) files: Option<Vec<Option<File>>>,
}

/// The assembled run, where its mentions are, and its graph.
#[derive(Debug)]
pub(super) struct Assembled {
    pub(super) run: Run,
    pub(super) store: MentionStore,
    pub(super) graph: RunGraph,
}

/// Builds the run from digested articles (see the module header).
pub(super) fn assemble(digested: Digested, lexicon: &Lexicon, window_days: i64) -> Assembled {
    let Digested {
        mut digests,
        mut names,
        files,
    } = digested;
    let mut linked = link_frames(&digests, lexicon, window_days);
    let claim_ids = unique(linked.claims.iter().map(|c| claim_id(&c.key, &c.episode)));
    let claims = claims(&mut linked, &claim_ids, &mut digests);
    let mut run = Run {
        version: JSON_VERSION,
        claims,
        ..Run::default()
    };
    // Linked claim k is at `linked_at[k]` in the run; frame f's claim at `claim_of[f]`.
    let linked_at: Vec<usize> = claim_ids
        .iter()
        .map(|id| position(&run.claims, id).expect("every linked claim is in the run"))
        .collect();
    drop(claim_ids);
    let claim_of: Vec<usize> = std::mem::take(&mut linked.claim_of)
        .into_iter()
        .map(|c| linked_at[c])
        .collect();
    for (index, d) in digests.iter_mut().enumerate() {
        names.add(index, &d.outlet.id, std::mem::take(&mut d.names));
    }
    run.framing = names.framing(lexicon);
    let mut graph = Builder::new(run.claims.len());
    let mut disk = files.map(|files| Disk {
        files,
        ..Disk::default()
    });
    let open_at = open_claims_by_hash(&run.claims);
    let mut outlets = BTreeMap::new();
    let mut first_frame = 0;
    // Exact sizes: a run's vectors are its largest allocations, and growth by doubling
    // would leave up to half of each unused.
    run.articles.reserve_exact(digests.len());
    if disk.is_none() {
        run.sources.reserve_exact(digests.iter().map(|d| d.sources.len()).sum());
        run.mentions.reserve_exact(digests.iter().map(|d| d.voices.len()).sum());
    }
    for d in digests {
        let claim_at = |of: ClaimOf| match of {
            ClaimOf::Frame(k) => Some(claim_of[first_frame + k as usize]),
            ClaimOf::Open(k) => {
                let hash = d.open[k as usize].0;
                match open_at.binary_search_by_key(&hash, |&(h, _)| h) {
                    Ok(at) => Some(open_at[at].1),
                    // Its id is a linked claim's, which came first.
                    Err(_) => position(&run.claims, &open_claim_id(hash)),
                }
            }
        };
        add_voices(&mut graph, &d, claim_at);
        match (&mut disk, d.mentions, d.sources) {
            (Some(disk), mentions, sources) => {
                disk.blocks.push((mentions, first_frame));
                disk.sources.push(sources);
            }
            (None, Block::Held(mentions), Block::Held(sources)) => {
                for (mut mention, frame) in mentions {
                    if let Some(k) = frame {
                        mention.claim.clone_from(&run.claims[claim_of[first_frame + k]].id);
                    }
                    run.mentions.push(mention);
                }
                run.sources.extend(sources);
            }
            (None, ..) => unreachable!("workers keep records on disk only for a run that asks for it"),
        }
        outlets.insert(d.outlet.id.clone(), d.outlet);
        first_frame += d.frames.len();
        run.articles.push(d.info);
    }
    run.outlets = outlets.into_values().collect();
    run.sources.sort_by(|a, b| a.id.cmp(&b.id));
    run.mentions.sort_by(mention_order);
    // Articles (and with them their blocks of mentions) by id.
    let mut order: Vec<usize> = (0..run.articles.len()).collect();
    order.sort_by(|&a, &b| run.articles[a].id.cmp(&run.articles[b].id));
    run.articles = permute(std::mem::take(&mut run.articles), &order);
    if let Some(disk) = &mut disk {
        disk.blocks = permute(std::mem::take(&mut disk.blocks), &order);
        disk.sources = permute(std::mem::take(&mut disk.sources), &order);
        disk.claim_of = claim_of;
        disk.order_sources(&run.articles);
    }
    run.relations = relations(&linked, &linked_at, &run.claims);
    for (r, relation) in run.relations.iter().enumerate() {
        let [a, b] = &relation.claims;
        if let (Some(a), Some(b)) = (position(&run.claims, a), position(&run.claims, b)) {
            graph.contradicts(a, b, r);
        }
    }
    let graph = graph.finish();
    fill(&mut run.claims, &graph);
    Assembled {
        run,
        store: disk.map_or(MentionStore::Memory, MentionStore::Disk),
        graph,
    }
}

/// Links every frame of every article into claims: mentions name their claims.
fn link_frames(digests: &[Digest], lexicon: &Lexicon, window_days: i64) -> link::Linked {
    let articles: Vec<link::Article<'_>> = digests
        .iter()
        .map(|d| link::Article {
            id: &d.info.id,
            published: d.published,
            focus: d.focus.as_deref(),
        })
        .collect();
    let inputs: Vec<link::Input<'_>> = digests
        .iter()
        .enumerate()
        .flat_map(|(article, d)| {
            d.frames.iter().zip(&d.roots).map(move |(frame, &root)| link::Input {
                frame,
                article,
                root: d.root(root).0,
            })
        })
        .collect();
    link::link(&articles, &inputs, lexicon, window_days)
}

/// The run's claims, sorted by id: the linked claims (their texts move into the run;
/// nothing reads them after), then each open claim once, from the first article that
/// says it (its label and episode; the label moves too: after this, an open claim is
/// found by its hash). Of claims with one id (an open claim whose id a linked claim has),
/// the first made stays.
fn claims(linked: &mut link::Linked, claim_ids: &[String], digests: &mut [Digest]) -> Vec<Claim> {
    let mut seen = crate::hash::FnvSet::default();
    let mut open: Vec<(u64, String, String)> = Vec::new();
    for d in digests {
        for (hash, label) in &mut d.open {
            if seen.insert(*hash) {
                open.push((*hash, std::mem::take(label), episode_of(d.info.published.as_deref())));
            }
        }
    }
    drop(seen);
    // A list sorted once, not a map: the run's largest list is built in place.
    let mut claims: Vec<Claim> = Vec::with_capacity(linked.claims.len() + open.len());
    for (claim, id) in std::mem::take(&mut linked.claims).into_iter().zip(claim_ids) {
        claims.push(Claim {
            id: id.clone(),
            key: claim.key,
            label: claim.label,
            episode: claim.episode,
            open: false,
            rule: claim.rule,
            ..Claim::default()
        });
    }
    for (hash, label, episode) in open {
        let id = open_claim_id(hash);
        claims.push(Claim {
            key: format!("open({id})"),
            id,
            label,
            episode,
            open: true,
            rule: OPEN_CLAIM_RULE.to_owned(),
            ..Claim::default()
        });
    }
    // The sort is stable: of claims with one id, the first made stays.
    claims.sort_by(|a, b| a.id.cmp(&b.id));
    claims.dedup_by(|later, first| later.id == first.id);
    claims
}

/// A claim's index in the run's claims (sorted by id).
fn position(claims: &[Claim], id: &str) -> Option<usize> {
    claims.binary_search_by(|c| c.id.as_str().cmp(id)).ok()
}

/// The open claims by hash, so a voice finds its claim by a number rather than by making
/// its id and searching the ids. (An open claim's id, `open-` and 16 hex digits, sorts as
/// its hash does.)
fn open_claims_by_hash(claims: &[Claim]) -> Vec<(u64, usize)> {
    let mut open_at: Vec<(u64, usize)> = (claims.iter().enumerate())
        .filter(|(_, c)| c.open)
        .filter_map(|(k, c)| Some((open_hash(&c.id)?, k)))
        .collect();
    open_at.sort_unstable();
    open_at
}

/// An article's mentions into the graph: its voice carries each mention's claim, and the
/// mention's root (its innermost source, or the outlet's own voice) stands behind it.
fn add_voices(graph: &mut Builder, d: &Digest, claim_at: impl Fn(ClaimOf) -> Option<usize>) {
    let voice = graph.voice(&crate::model::voice(&d.info.outlet, &d.info.id), &d.info.outlet);
    // An article's mentions stand on a few roots: each is looked up once.
    let mut known = Vec::new();
    for v in &d.voices {
        let Some(claim) = claim_at(v.claim) else { continue };
        let root = match known.iter().find(|(source, _)| *source == v.source) {
            Some(&(_, root)) => root,
            None => {
                let (id, source) = d.root(v.source);
                let root = match source {
                    Some(s) => graph.root(id, &s.label, s.anonymous),
                    None => graph.root(id, &d.info.outlet, false),
                };
                known.push((v.source, root));
                root
            }
        };
        graph.mention(voice, root, claim, v.denies);
    }
}

/// Each claim's outlets (sorted) and independent roots (sorted by id), from the graph.
fn fill(claims: &mut [Claim], graph: &RunGraph) {
    for (k, claim) in claims.iter_mut().enumerate() {
        claim.outlets = graph.outlets(k).into_iter().map(str::to_owned).collect();
        claim.roots = graph.roots(k).into_iter().cloned().collect();
        claim.independent_roots = claim.roots.len();
    }
}

/// The contradictions between linked claims, each pair by id, sorted.
fn relations(linked: &link::Linked, linked_at: &[usize], claims: &[Claim]) -> Vec<Relation> {
    let mut relations: Vec<Relation> = linked
        .contradictions
        .iter()
        .map(|c| {
            let (x, y) = (&claims[linked_at[c.claims.0]].id, &claims[linked_at[c.claims.1]].id);
            let pair = if x <= y {
                [x.clone(), y.clone()]
            } else {
                [y.clone(), x.clone()]
            };
            Relation {
                kind: RelationKind::Contradicts,
                claims: pair,
                reason: c.reason.clone(),
            }
        })
        .collect();
    relations.sort_by(|a, b| a.claims.cmp(&b.claims));
    relations
}

/// `items` in the order `order` gives (a permutation of their indices).
fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&k| slots[k].take()).collect()
}

/// How outlets name actors, counted over articles: per outlet, (actor, name as written)
/// → (the index of the first article that used it, the framing of its use there, uses).
/// Each worker counts the articles it digests and drops their names, so memory holds
/// one entry per distinct name and outlet, not per article; the counts merge in any
/// order to the same result. Keyed by outlet first: an article has one outlet, so its
/// names are counted into that outlet's (small) map under the keys it already owns.
#[derive(Debug, Default)]
pub(super) struct NameCounts(HashMap<String, NamesOfOutlet>);

/// One outlet's names: (actor, name as written) → (the index of the first article that
/// used it, the framing of its use there, uses).
type NamesOfOutlet = BTreeMap<(String, String), (usize, String, usize)>;

impl NameCounts {
    /// Counts the names article `index` of `outlet` uses.
    pub(super) fn add(&mut self, index: usize, outlet: &str, names: BTreeMap<(String, String), (String, usize)>) {
        if names.is_empty() {
            return;
        }
        let counts = self.0.entry(outlet.to_owned()).or_default();
        for (key, (framing, uses)) in names {
            count_name(counts, key, (index, framing, uses));
        }
    }

    /// Adds another worker's counts.
    pub(super) fn merge(&mut self, other: NameCounts) {
        for (outlet, names) in other.0 {
            let counts = self.0.entry(outlet).or_default();
            for (key, value) in names {
                count_name(counts, key, value);
            }
        }
    }

    /// The run's framing records, sorted by actor, outlet and name.
    fn framing(self, lexicon: &Lexicon) -> Vec<crate::model::ActorName> {
        let mut out: Vec<crate::model::ActorName> = self
            .0
            .into_iter()
            .flat_map(|(outlet, names)| {
                names.into_iter().map(move |((actor, name), (_, framing, count))| {
                    let label = lexicon
                        .entries
                        .actors
                        .iter()
                        .find(|e| e.entry.id.get_ref() == &actor)
                        .map(|e| e.entry.label.clone())
                        .unwrap_or_default();
                    crate::model::ActorName {
                        actor,
                        label,
                        outlet: outlet.clone(),
                        name,
                        framing,
                        count,
                    }
                })
            })
            .collect();
        out.sort_unstable_by(|a, b| (&a.actor, &a.outlet, &a.name).cmp(&(&b.actor, &b.outlet, &b.name)));
        out
    }
}

/// Counts one name's uses into an outlet's counts, keeping the framing of the first
/// article to use it, whichever worker saw it.
fn count_name(counts: &mut NamesOfOutlet, key: (String, String), (index, framing, uses): (usize, String, usize)) {
    let entry = counts.entry(key).or_insert_with(|| (index, String::new(), 0));
    if index <= entry.0 {
        *entry = (index, framing, entry.2);
    }
    entry.2 += uses;
}
