//! Linking: frames from every article into canonical claims, episodes and
//! contradictions.
//!
//! Input: the frames of all analysed articles with their articles' publication dates.
//! Output: [`Linked`]: claims (one per canonical key and episode), the claim of every
//! frame, and `contradicts` relations, each carrying the rule that produced it.
//!
//! Rules:
//! - a frame's key is its predicate and its key roles: `withdraw(regime, ain-issa)`;
//!   predicates marked `by_side` key the agent by its side (Turkey and the SNA attacking a
//!   town are one claim); an ambiguous place keys as `ambiguous(a|b)` and so joins nothing;
//! - a frame missing a key role ("the regime pulled its forces out of the area") joins the
//!   one claim that agrees with everything it does say, within the episode window, when
//!   exactly one does (rule `LINK/UNDERSPECIFIED`); otherwise it stays a claim of its own;
//! - mentions of one key more than the window apart (default 60 days, between the
//!   articles' publication dates, partial dates as ranges) are separate episodes; claims
//!   of different episodes never contradict;
//! - two claims of overlapping episodes contradict when one predicate excludes the other
//!   and their shared roles agree (an actor agrees with the groups it is part of).
//!
//! Invariants: the output depends only on the frames and dates, never on input order
//! (everything is sorted by key, date and article id).

use crate::extract::{Arg, Frame, PlaceArg};
use crate::lexicon::Lexicon;
use crate::lexicon::schema::ArgRole;
use crate::model::date::{PartialDate, day_range, month_of};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
// Keyed by lexicon ids, predicate numbers and dates: nothing an article chooses.
use crate::hash::FnvMap as HashMap;
use std::sync::Arc;

/// Default episode window in days.
pub const DEFAULT_WINDOW_DAYS: i64 = 60;

/// What linking needs of a frame: its predicate, its key values and its polarity. Worked
/// out on the worker that analysed the article, so the frame itself can be dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameKey {
    /// Index into the lexicon's predicates.
    pub predicate: usize,
    /// The values of the predicate's key roles, then the modality (`actual`/`possible`).
    pub values: Vec<Value>,
    /// Asserts or denies.
    pub polarity: crate::model::Polarity,
}

impl FrameKey {
    /// The key of a frame.
    pub fn of(frame: &Frame, lexicon: &Lexicon) -> FrameKey {
        FrameKey {
            predicate: frame.predicate,
            values: key_values(frame, lexicon),
            polarity: frame.polarity,
        }
    }
}

/// What linking needs of an article whose frames it links.
#[derive(Debug, Clone)]
pub struct Article<'a> {
    /// The article's id (for stable ordering).
    pub id: &'a str,
    /// The article's publication date.
    pub published: Option<PartialDate>,
    /// The place the article is mostly about (a place id), for frames that name none.
    pub focus: Option<&'a str>,
}

/// A frame to link. (What its article says is kept once per article, not per frame: a
/// run holds millions of these.)
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// The frame's key.
    pub frame: &'a FrameKey,
    /// Its article (index into the articles given with the inputs).
    pub article: usize,
    /// Who the frame stands on: its innermost source's identity, or the outlet's voice.
    pub root: &'a str,
}

/// A canonical claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedClaim {
    /// `withdraw(regime, ain-issa)`.
    pub key: String,
    /// English label from the predicate's template.
    pub label: String,
    /// Episode label: `YYYY-MM` of its first mention, or `undated`.
    pub episode: String,
    /// Index into the lexicon's predicates.
    pub predicate: usize,
    /// First and last day of the episode (days since 1970-01-01), when dated.
    pub days: Option<(i64, i64)>,
    /// The rules that made the claim, space-separated (`PRED/… LINK/UNDERSPECIFIED`).
    pub rule: String,
}

/// A contradiction between two claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    /// Indices into [`Linked::claims`], the lower first.
    pub claims: (usize, usize),
    /// The rule and why.
    pub reason: String,
}

/// Claims, the claim of every input frame, and contradictions.
#[derive(Debug, Clone, Default)]
pub struct Linked {
    /// Claims, sorted by key then episode.
    pub claims: Vec<LinkedClaim>,
    /// For each input, in input order, its claim.
    pub claim_of: Vec<usize>,
    /// Contradictions, sorted.
    pub contradictions: Vec<Contradiction>,
}

/// Frames that are one claim before episodes: the predicate id, the key values, and
/// the article when the frame names no key role.
type GroupKey<'k> = (&'k str, &'k [Value], Option<&'k str>);

/// An episode being built: its day span (when dated) and its frames.
type Episode = (Option<(i64, i64)>, Vec<usize>);

/// The days a publication date may stand for (a month or a year is a range), if dated.
type DayRange = Option<(i64, i64)>;

/// One key role's value: an id, or nothing when the frame does not say. Shared: the ids
/// come from the lexicon's [`KeyIds`](crate::lexicon::KeyIds), so a key holds references,
/// not copies (an `Arc<str>` orders, compares and hashes as its string).
pub type Value = Option<Arc<str>>;

/// Links frames (of `articles`) into claims; the underspecified frames' joins are found
/// on the run's threads (the result is the same whatever their number).
pub fn link(articles: &[Article<'_>], inputs: &[Input<'_>], lexicon: &Lexicon, window_days: i64) -> Linked {
    let article_days: Vec<DayRange> = articles.iter().map(|a| a.published.map(day_range)).collect();
    let days = |i: usize| article_days[inputs[i].article];
    // Each distinct key numbered once, in first-seen order: from here on a frame's key is
    // hashed and compared as its number, not as its ids (a run has far fewer keys than
    // frames).
    let mut number: HashMap<(usize, &[Value]), usize> = HashMap::default();
    let mut distinct: Vec<(usize, &Vec<Value>)> = Vec::new();
    let key_of: Vec<usize> = inputs
        .iter()
        .map(|input| {
            let (pred, values) = (input.frame.predicate, &input.frame.values);
            *number.entry((pred, values.as_slice())).or_insert_with(|| {
                distinct.push((pred, values));
                distinct.len() - 1
            })
        })
        .collect();
    // Underspecified keys (a role missing, or a region where others name a place in it)
    // join the one more specific key that agrees with them.
    let regions = Regions::new(lexicon);
    let specific: Vec<bool> = distinct
        .iter()
        .map(|(_, v)| v.iter().all(|x| x.as_ref().is_some_and(|x| !regions.is_region(x))))
        .collect();
    // The specific keys of each predicate, each with the dates of its frames (each date
    // once): an underspecified frame looks only among its predicate's keys, not at every
    // frame.
    let mut dates: Vec<Vec<DayRange>> = vec![Vec::new(); distinct.len()];
    for (i, &k) in key_of.iter().enumerate() {
        if specific[k] {
            dates[k].push(days(i));
        }
    }
    let mut specific_keys: BTreeMap<usize, BTreeMap<&Vec<Value>, Vec<DayRange>>> = BTreeMap::new();
    for (k, &(pred, values)) in distinct.iter().enumerate() {
        if specific[k] {
            let mut dates = std::mem::take(&mut dates[k]);
            dates.sort_unstable();
            dates.dedup();
            specific_keys.entry(pred).or_default().insert(values, dates);
        }
    }
    drop(dates);
    let index = SpecificIndex::new(&specific_keys, &regions);
    // The key an underspecified frame joins, decided once per distinct key and date.
    let mut asked: HashMap<(usize, DayRange), usize> = HashMap::default();
    let mut queries: Vec<Dated<'_>> = Vec::new();
    let mut query_of = vec![usize::MAX; inputs.len()];
    // The queries of each key (in first-asked order), which share its agreeing keys.
    let mut by_key: Vec<Vec<usize>> = Vec::new();
    let mut key_queries = vec![usize::MAX; distinct.len()];
    for (i, &k) in key_of.iter().enumerate() {
        if !specific[k] {
            query_of[i] = *asked.entry((k, days(i))).or_insert_with(|| {
                let (pred, values) = distinct[k];
                queries.push((pred, values, days(i)));
                if key_queries[k] == usize::MAX {
                    key_queries[k] = by_key.len();
                    by_key.push(Vec::new());
                }
                by_key[key_queries[k]].push(queries.len() - 1);
                queries.len() - 1
            });
        }
    }
    drop((asked, key_queries));
    let joins = joins(&queries, &by_key, &index, &regions, window_days);
    // The number of the key each query joins (a specific key: numbered already).
    let joined_key: Vec<Option<usize>> = queries
        .iter()
        .zip(&joins)
        .map(|(&(pred, _, _), best)| {
            let k = best.and_then(|b| number.get(&(pred, b.as_slice())).copied());
            debug_assert_eq!(k.is_some(), best.is_some(), "a joined key is a frame's key");
            k
        })
        .collect();
    drop((queries, by_key, index));
    let mut resolved: Vec<Cow<'_, [Value]>> = inputs
        .iter()
        .map(|i| Cow::Borrowed(i.frame.values.as_slice()))
        .collect();
    // The number of each frame's key after linking; `usize::MAX` until a focused key is
    // numbered, below.
    let mut resolved_key = key_of;
    let mut unified = vec![false; inputs.len()];
    let mut focused = vec![false; inputs.len()];
    // The focus places filled in, each allocated once.
    let mut focus_ids: HashMap<&str, Arc<str>> = HashMap::default();
    for (i, input) in inputs.iter().enumerate() {
        if specific[resolved_key[i]] {
            continue;
        }
        if let (Some(best), Some(k)) = (joins[query_of[i]], joined_key[query_of[i]]) {
            resolved[i] = Cow::Borrowed(best.as_slice());
            resolved_key[i] = k;
            unified[i] = true;
            continue;
        }
        // No claim to join: a frame that names no place is about the place its article is
        // about (rule PLACE/ARTICLE_FOCUS).
        let (pred, values) = (input.frame.predicate, &input.frame.values);
        let p = &lexicon.entries.predicates[pred].entry;
        if let (Some(k), Some(focus)) = (
            p.key.iter().position(|r| *r == ArgRole::Place),
            &articles[input.article].focus,
        ) && values[k].is_none()
        {
            let focus = focus_ids.entry(focus).or_insert_with(|| Arc::from(*focus));
            resolved[i].to_mut()[k] = Some(focus.clone());
            resolved_key[i] = usize::MAX;
            focused[i] = true;
        }
    }
    // The joins go before the claims are made: on a large run they are as large.
    drop((joins, joined_key, query_of));
    drop(specific_keys);
    drop((number, specific));
    // Frames are one claim when their predicate ids agree (two lexicon files may each
    // define a predicate of one id) and so do their values: each frame's claim number is
    // the first key number of its id and values, or, for a key the focus made that no
    // frame has, a new one.
    let id_of = |pred: usize| lexicon.entries.predicates[pred].entry.id.get_ref().as_str();
    let mut claim_number: HashMap<(&str, &[Value]), usize> = HashMap::default();
    let claim_key: Vec<usize> = distinct
        .iter()
        .enumerate()
        .map(|(k, &(pred, values))| *claim_number.entry((id_of(pred), values.as_slice())).or_insert(k))
        .collect();
    let mut next = distinct.len();
    let claim: Vec<usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| match resolved_key[i] {
            usize::MAX => *claim_number
                .entry((id_of(input.frame.predicate), &*resolved[i]))
                .or_insert_with(|| {
                    next += 1;
                    next - 1
                }),
            k => claim_key[k],
        })
        .collect();
    drop((claim_number, claim_key, resolved_key, distinct));
    // Frames of a day are ordered by their article's id: its rank, compared as a number.
    let mut by_id: Vec<usize> = (0..articles.len()).collect();
    by_id.sort_by(|&a, &b| articles[a].id.cmp(articles[b].id));
    // (Articles of one id, if a caller gives such, share a rank, as they compared equal.)
    let mut rank = vec![0u32; articles.len()];
    for (r, pair) in by_id.windows(2).enumerate() {
        let same = articles[pair[0]].id == articles[pair[1]].id;
        rank[pair[1]] = if same {
            rank[pair[0]]
        } else {
            u32::try_from(r + 1).unwrap_or(u32::MAX)
        };
    }
    // Group by key, then cut each group into episodes by date. A frame that says none of
    // its key roles ("clashes broke out") joins nothing: "somewhere" is not one place.
    // Found by the key's number (and the article's rank, for such a frame), then the
    // distinct groups sorted once, as the predicate id, the values, then the article.
    let mut group_of: HashMap<(usize, Option<u32>), usize> = HashMap::default();
    let mut groups: Vec<(GroupKey<'_>, Vec<usize>)> = Vec::new();
    for (i, values) in resolved.iter().enumerate() {
        let roles = &values[..values.len() - 1];
        // ("the battle began" and "denied that any battle had begun" in one article are
        // one event; across articles, nothing says so.)
        let apart = !roles.is_empty() && roles.iter().all(Option::is_none);
        let article = inputs[i].article;
        match group_of.entry((claim[i], apart.then_some(rank[article]))) {
            std::collections::hash_map::Entry::Occupied(at) => groups[*at.get()].1.push(i),
            std::collections::hash_map::Entry::Vacant(at) => {
                at.insert(groups.len());
                let id = id_of(inputs[i].frame.predicate);
                groups.push(((id, values, apart.then_some(articles[article].id)), vec![i]));
            }
        }
    }
    drop((group_of, claim));
    // Distinct keys: an unstable sort orders them as a map would.
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let names = DisplayNames::new(lexicon);
    let mut linked = Linked {
        claim_of: vec![usize::MAX; inputs.len()],
        ..Linked::default()
    };
    for ((_, values, _), mut members) in groups {
        members.sort_by_key(|&i| (days(i).map_or(i64::MAX, |d| d.0), rank[inputs[i].article]));
        let mut episodes: Vec<Episode> = Vec::new();
        for i in members {
            match (days(i), episodes.last_mut()) {
                (Some(d), Some((Some(span), list))) if d.0 <= span.1 + window_days => {
                    span.1 = span.1.max(d.1);
                    list.push(i);
                }
                (None, Some((None, list))) => list.push(i),
                (d, _) => episodes.push((d, vec![i])),
            }
        }
        for (span, list) in episodes {
            let first = list[0];
            let predicate = inputs[first].frame.predicate;
            let mut rule = format!("PRED/{}", lexicon.entries.predicates[predicate].entry.id.get_ref());
            if list.iter().any(|&i| unified[i]) {
                rule.push_str(" LINK/UNDERSPECIFIED");
            }
            if list.iter().any(|&i| focused[i]) {
                rule.push_str(" PLACE/ARTICLE_FOCUS");
            }
            let claim = LinkedClaim {
                key: key_string(lexicon, predicate, values),
                label: label(lexicon, &names, predicate, values),
                episode: span.map_or("undated".to_owned(), |(start, _)| month_of(start)),
                predicate,
                days: span,
                rule,
            };
            linked.claims.push(claim);
            let index = linked.claims.len() - 1;
            for i in list {
                linked.claim_of[i] = index;
            }
        }
    }
    // The sources that assert each claim (denials aside): (claim, root number) pairs,
    // sorted, once each. (Roots are named after articles: std's hasher.)
    let mut root_number: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut asserted_by: Vec<(u32, u32)> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        if input.frame.polarity == crate::model::Polarity::Asserts {
            let next = u32::try_from(root_number.len()).unwrap_or(u32::MAX);
            let root = *root_number.entry(input.root).or_insert(next);
            asserted_by.push((u32::try_from(linked.claim_of[i]).unwrap_or(u32::MAX), root));
        }
    }
    drop(root_number);
    asserted_by.sort_unstable();
    asserted_by.dedup();
    linked.contradictions = contradictions(
        &linked.claims,
        &resolved,
        &linked.claim_of,
        &asserted_by,
        lexicon,
        window_days,
    );
    linked
}

/// The values of a frame's key roles.
fn key_values(frame: &Frame, lexicon: &Lexicon) -> Vec<Value> {
    let p = &lexicon.entries.predicates[frame.predicate].entry;
    let ids = &lexicon.key_ids;
    // Room for the modality too: one allocation.
    let mut values: Vec<Value> = Vec::with_capacity(p.key.len() + 1);
    values.extend(p.key.iter().map(|role| {
        key_arg(frame, *role, p).and_then(|arg| {
            Some(match arg {
                Arg::Actor(a) if *role == ArgRole::Agent && p.by_side => ids.sides[*a].clone(),
                // A member speaks and acts within its group: the YPG's withdrawal is the
                // SDF's, Ahrar al-Sharqiya's capture the SNA's.
                Arg::Actor(a) => ids.groups[*a].clone(),
                Arg::Place(PlaceArg::Known(pl)) => ids.places[*pl].clone(),
                // Rare: allocated per frame.
                Arg::Place(PlaceArg::Ambiguous(all)) => Arc::from(format!(
                    "ambiguous({})",
                    all.iter().map(|&pl| &*ids.places[pl]).collect::<Vec<_>>().join("|")
                )),
                Arg::Number(n) => Arc::from(n.as_str()),
                Arg::Event(e) => ids.predicates[*e].clone(),
                // A name no lexicon entry knows is no key value: linking goes by lexicon ids
                // (the frame reads as one that does not say).
                Arg::Named(_) => return None,
            })
        })
    }));
    // A possible event is not the event: the modality is part of the key.
    values.push(Some(if frame.modal { &ids.possible } else { &ids.actual }.clone()));
    values
}

/// The argument a key role takes its value from: the frame's own, except that an
/// `acts_on` predicate is keyed by the place it acted on when that is a place (the town
/// captured), else by where it happened (the town an attack on a party was in).
fn key_arg<'f>(frame: &'f Frame, role: ArgRole, p: &crate::lexicon::schema::Predicate) -> Option<&'f Arg> {
    let acted_on = frame.arg(ArgRole::Target).filter(|a| matches!(a, Arg::Place(_)));
    match role {
        ArgRole::Place if p.acts_on => acted_on.or_else(|| frame.arg(ArgRole::Place)),
        ArgRole::Target if p.acts_on && acted_on.is_some() => None,
        role => frame.arg(role),
    }
}

/// The ids an actor belongs to by `part_of`, itself included (sides are allies, not the
/// same party: Russia's presence does not contradict the regime's withdrawal).
fn lineage(lexicon: &Lexicon, id: &str) -> Vec<String> {
    let actors = &lexicon.entries.actors;
    let mut out = vec![id.to_owned()];
    let mut frontier = vec![id.to_owned()];
    while let Some(cur) = frontier.pop() {
        if out.len() > 16 {
            break;
        }
        if let Some(a) = actors.iter().find(|e| e.entry.id.get_ref() == &cur) {
            for p in &a.entry.part_of {
                if !out.contains(p) {
                    out.push(p.clone());
                    frontier.push(p.clone());
                }
            }
        }
    }
    out
}

/// The one candidate key to join: the only one, or the one whose values contain every
/// other candidate's (attacks on Ain Issa and on a village in it: Ain Issa).
///
/// Containment is a partial order, so one pass keeps the broadest so far and a second
/// checks that it contains them all: linear, not quadratic, in the candidates.
fn broadest<'v>(candidates: &[&'v Vec<Value>], regions: &Regions) -> Join<'v> {
    let contains = |c: &[Value], o: &[Value]| {
        c.iter().zip(o).all(|(x, y)| match (x, y) {
            (Some(x), Some(y)) => x == y || regions.contains(x, y),
            _ => x == y,
        })
    };
    let mut best = *candidates.first()?;
    for c in &candidates[1..] {
        if contains(c, best) {
            best = c;
        }
    }
    candidates.iter().all(|o| contains(best, o)).then_some(best)
}

/// The key each query (an underspecified key at a date) joins: the broadest of the
/// specific keys that agree with it within the window, if one contains all the others.
/// `by_key` lists the queries of each key, which share its agreeing keys (`ByDate`,
/// made once per key); the keys are answered on the run's threads, and each answer
/// lands at its query.
fn joins<'v>(
    queries: &[Dated<'v>],
    by_key: &[Vec<usize>],
    index: &SpecificIndex<'_, 'v>,
    regions: &Regions,
    window: i64,
) -> Vec<Join<'v>> {
    // A key's answers, at their queries (`ByDate` made once for all of them).
    let answer = |qs: &Vec<usize>, answers: &mut Vec<(usize, Join<'v>)>| {
        let (pred, values, _) = queries[qs[0]];
        let list = index.keys.get(&pred).map_or(&[][..], Vec::as_slice);
        let agree = ByDate::new(&index.agreeing(pred, values, regions), list);
        for &q in qs {
            // Sorted and distinct: the map's keys, in order.
            let candidates: Vec<&Vec<Value>> = agree
                .within(queries[q].2, window)
                .into_iter()
                .map(|k| list[k].0)
                .collect();
            answers.push((q, broadest(&candidates, regions)));
        }
    };
    // Keys go to the threads a batch at a time: one hand-over per key costs more than
    // most keys' answers.
    let answered: Vec<Vec<(usize, Join<'v>)>> = by_key
        .par_chunks(KEYS_PER_BATCH)
        .map(|batch| {
            let mut answers = Vec::new();
            batch.iter().for_each(|qs| answer(qs, &mut answers));
            answers
        })
        .collect();
    let mut joins = vec![None; queries.len()];
    for (q, best) in answered.into_iter().flatten() {
        joins[q] = best;
    }
    joins
}

/// How many underspecified keys a thread answers per hand-over.
const KEYS_PER_BATCH: usize = 64;

/// The specific key a query joins, if any.
type Join<'v> = Option<&'v Vec<Value>>;

/// An underspecified key at one date: (predicate, values, date).
type Dated<'k> = (usize, &'k Vec<Value>, DayRange);

/// A specific key and the dates of its frames.
type KeyDates<'k, 'v> = (&'v Vec<Value>, &'k Vec<DayRange>);

/// The specific keys of each predicate (in key order, with their frames' dates), and
/// for each (predicate, role, place or actor id) the keys whose value at that role is
/// that id or lies within it: an underspecified key looks only at the keys that can agree
/// on the roles it names.
struct SpecificIndex<'k, 'v> {
    keys: HashMap<usize, Vec<KeyDates<'k, 'v>>>,
    postings: HashMap<(usize, usize, &'k str), Vec<usize>>,
}

impl<'k, 'v: 'k> SpecificIndex<'k, 'v> {
    /// (The keys borrow the frames (`'v`), not the map they are found in, so what they
    /// resolve to outlives the index.)
    fn new(specific: &'k BTreeMap<usize, BTreeMap<&'v Vec<Value>, Vec<DayRange>>>, regions: &'k Regions) -> Self {
        let mut keys = HashMap::default();
        let mut postings: HashMap<(usize, usize, &str), Vec<usize>> = HashMap::default();
        for (&pred, by_key) in specific {
            let list: Vec<KeyDates<'_, '_>> = by_key.iter().map(|(v, d)| (*v, d)).collect();
            for (k, (values, _)) in list.iter().enumerate() {
                for (role, value) in values.iter().enumerate() {
                    let Some(value) = value.as_deref() else { continue };
                    for id in regions.up_from(value) {
                        postings.entry((pred, role, id)).or_default().push(k);
                    }
                }
            }
            keys.insert(pred, list);
        }
        SpecificIndex { keys, postings }
    }

    /// The positions (in key order) of `pred`'s specific keys that agree with `partial`.
    fn agreeing(&self, pred: usize, partial: &[Value], regions: &Regions) -> Vec<usize> {
        let Some(list) = self.keys.get(&pred) else {
            return Vec::new();
        };
        // The shortest list of keys sharing one named role; every key when none is named.
        let named = partial.iter().enumerate().filter_map(|(role, v)| {
            let v = v.as_deref()?;
            Some(self.postings.get(&(pred, role, v)).map_or(&[][..], Vec::as_slice))
        });
        let all: Vec<usize>;
        let pool = match named.min_by_key(|p| p.len()) {
            Some(p) => p,
            None => {
                all = (0..list.len()).collect();
                &all
            }
        };
        pool.iter()
            .copied()
            .filter(|&k| *list[k].0 != partial && agrees(partial, list[k].0, regions))
            .collect()
    }
}

/// The specific keys that agree with one underspecified key, by the dates of their frames:
/// a key is a candidate at a date only if one of its frames is within the window of it,
/// and the dates of every agreeing key, sorted together, find those keys by two binary
/// searches rather than a look at each key's dates.
struct ByDate {
    /// (start, end, position of the key) of every dated frame's date, sorted.
    dated: Vec<(i64, i64, usize)>,
    /// The longest date range in `dated` (a year at most).
    longest: i64,
    /// The positions of the keys with an undated frame, in order.
    undated: Vec<usize>,
}

impl ByDate {
    /// `agree`: the keys' positions in `list`, their predicate's specific keys.
    fn new(agree: &[usize], list: &[KeyDates<'_, '_>]) -> Self {
        let mut by = ByDate {
            dated: Vec::new(),
            longest: 0,
            undated: Vec::new(),
        };
        for &k in agree {
            for date in list[k].1 {
                match *date {
                    Some((start, end)) => {
                        by.dated.push((start, end, k));
                        by.longest = by.longest.max(end - start);
                    }
                    None => by.undated.push(k),
                }
            }
        }
        by.dated.sort_unstable();
        by.undated.dedup();
        by
    }

    /// The positions (sorted, distinct) of the keys with a frame [`within`] `window`
    /// days of `d`.
    fn within(&self, d: DayRange, window: i64) -> Vec<usize> {
        let Some((start, end)) = d else {
            return self.undated.clone();
        };
        // A range that ends within the window of `d` starts at most `longest` before.
        let from = self.dated.partition_point(|b| b.0 < start - window - self.longest);
        let to = self.dated.partition_point(|b| b.0 <= end + window);
        let mut keys: Vec<usize> = self.dated[from..to.max(from)]
            .iter()
            .filter(|b| within(d, Some((b.0, b.1)), window))
            .map(|b| b.2)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// Whether an underspecified key agrees with a more specific one on every role it has: a
/// missing value agrees with anything, a region with the places in it.
fn agrees(partial: &[Value], full: &[Value], regions: &Regions) -> bool {
    partial.iter().zip(full).all(|(p, f)| match (p, f) {
        (None, _) => true,
        (Some(p), Some(f)) => p == f || regions.contains(p, f),
        (Some(_), None) => false,
    })
}

/// The place hierarchy (`within`), and which places are regions.
struct Regions {
    parent: HashMap<String, String>,
    regions: crate::hash::FnvSet<String>,
}

impl Regions {
    fn new(lexicon: &Lexicon) -> Regions {
        let places = &lexicon.entries.places;
        let parent = places
            .iter()
            .filter_map(|p| p.entry.within.clone().map(|w| (p.entry.id.get_ref().clone(), w)))
            .collect();
        let regions = places
            .iter()
            .filter(|p| p.entry.region)
            .map(|p| p.entry.id.get_ref().clone())
            .collect();
        Regions { parent, regions }
    }

    /// Whether place `outer` contains place `inner` (strictly).
    fn contains(&self, outer: &str, inner: &str) -> bool {
        let mut at = inner;
        for _ in 0..16 {
            match self.parent.get(at) {
                Some(p) if p == outer => return true,
                Some(p) => at = p,
                None => return false,
            }
        }
        false
    }

    /// `id` and every place it lies within, innermost first.
    fn up_from<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        std::iter::successors(Some(id), |at| self.parent.get(*at).map(String::as_str)).take(17)
    }

    /// Whether a value is a region (`region = true` in the lexicon).
    fn is_region(&self, id: &str) -> bool {
        self.regions.contains(id)
    }
}

fn within(a: Option<(i64, i64)>, b: Option<(i64, i64)>, window: i64) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.0 <= b.1 + window && b.0 <= a.1 + window,
        (None, None) => true,
        _ => false,
    }
}

fn key_string(lexicon: &Lexicon, predicate: usize, values: &[Value]) -> String {
    let id = lexicon.entries.predicates[predicate].entry.id.get_ref();
    let (modality, roles) = values.split_last().map_or((None, values), |(m, r)| (m.as_deref(), r));
    let args: Vec<&str> = roles.iter().map(|v| v.as_deref().unwrap_or("?")).collect();
    let possible = if modality == Some("possible") {
        " [possible]"
    } else {
        ""
    };
    format!("{id}({}){possible}", args.join(", "))
}

/// The placeholders of a predicate's label template, the role each names and what it
/// reads when the frame does not say.
const PLACEHOLDERS: [(&str, ArgRole, &str); 6] = [
    ("{agent}", ArgRole::Agent, "someone"),
    ("{place}", ArgRole::Place, "the area"),
    ("{target}", ArgRole::Target, "another party"),
    ("{destination}", ArgRole::Destination, "elsewhere"),
    ("{number}", ArgRole::Number, "several"),
    ("{complement}", ArgRole::Complement, "something"),
];

/// The predicate's template with the roles filled in by English labels, in one pass over
/// the template: a key role reads its value's display name (`someone` when the frame
/// has none), a role the key lacks its default. A part in square brackets (`[ with
/// {target}]`) is left out when a role in it has no value: "someone clashed in Ain
/// Issa", not "… with another party".
fn label(lexicon: &Lexicon, names: &DisplayNames<'_>, predicate: usize, values: &[Value]) -> String {
    let p = &lexicon.entries.predicates[predicate].entry;
    let mut out = String::with_capacity(p.label.len() + 32);
    if values.last().and_then(|v| v.as_deref()) == Some("possible") {
        out.push_str("possibly: ");
    }
    let mut rest = p.label.as_str();
    while let Some(open) = rest.find('[') {
        fill(&mut out, &rest[..open], p, names, values);
        let Some(close) = rest[open..].find(']') else {
            rest = &rest[open..];
            break;
        };
        let part = &rest[open + 1..open + close];
        if PLACEHOLDERS
            .iter()
            .filter(|(name, ..)| part.contains(name))
            .all(|&(_, role, _)| role_value(p, values, role).is_some_and(Option::is_some))
        {
            fill(&mut out, part, p, names, values);
        }
        rest = &rest[open + close + 1..];
    }
    fill(&mut out, rest, p, names, values);
    out
}

/// The value of the first of a key's roles of that kind (`None` when the key lacks the
/// role; the key has no value past its roles but the modality).
fn role_value<'v>(p: &crate::lexicon::schema::Predicate, values: &'v [Value], role: ArgRole) -> Option<&'v Value> {
    p.key.iter().zip(values).find(|(r, _)| **r == role).map(|(_, v)| v)
}

/// Appends `template` to `out` with its placeholders filled in.
fn fill(
    out: &mut String,
    template: &str,
    p: &crate::lexicon::schema::Predicate,
    names: &DisplayNames<'_>,
    values: &[Value],
) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let Some(&(name, role, default)) = PLACEHOLDERS.iter().find(|(name, ..)| rest.starts_with(name)) else {
            out.push('{');
            rest = &rest[1..];
            continue;
        };
        out.push_str(match role_value(p, values, role) {
            Some(Some(v)) => names.of(v),
            Some(None) => "someone",
            None => default,
        });
        rest = &rest[name.len()..];
    }
    out.push_str(rest);
}

/// Short English names of the lexicon's actors and places (a label up to any
/// parenthesis), by id, looked up once per link rather than per claim.
struct DisplayNames<'l>(HashMap<&'l str, &'l str>);

impl<'l> DisplayNames<'l> {
    fn new(lexicon: &'l Lexicon) -> Self {
        let e = &lexicon.entries;
        let short = |l: &'l str| l.split(" (").next().unwrap_or(l).trim();
        let mut names = HashMap::default();
        // An id that is both an actor's and a place's reads as the actor; among entries
        // of one id, the first (inserted last).
        for p in e.places.iter().rev() {
            names.insert(p.entry.id.get_ref().as_str(), short(&p.entry.label));
        }
        for a in e.actors.iter().rev() {
            names.insert(a.entry.id.get_ref().as_str(), short(&a.entry.label));
        }
        DisplayNames(names)
    }

    /// The display name of an actor or place id; any other value as it is.
    fn of<'v>(&self, id: &'v str) -> &'v str
    where
        'l: 'v,
    {
        self.0.get(id).copied().unwrap_or(id)
    }
}

/// Contradictions between claims of overlapping episodes whose predicates exclude each
/// other and whose shared roles agree.
fn contradictions(
    claims: &[LinkedClaim],
    keys: &[Cow<'_, [Value]>],
    claim_of: &[usize],
    asserted_by: &[(u32, u32)],
    lexicon: &Lexicon,
    window: i64,
) -> Vec<Contradiction> {
    let preds = &lexicon.entries.predicates;
    // The key values of each claim (all its frames share them).
    let mut values: Vec<Option<&[Value]>> = vec![None; claims.len()];
    for (i, &c) in claim_of.iter().enumerate() {
        values[c].get_or_insert(&keys[i]);
    }
    // Only claims of two predicates that exclude each other can contradict: pair the
    // claims of such predicates, not every claim with every other.
    let mut by_predicate: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, c) in claims.iter().enumerate() {
        by_predicate.entry(c.predicate).or_default().push(k);
    }
    let excludes = |p: usize, q: usize| {
        let (pp, pq) = (&preds[p].entry, &preds[q].entry);
        pp.excludes.iter().any(|x| x == pq.id.get_ref()) || pq.excludes.iter().any(|x| x == pp.id.get_ref())
    };
    // Contradicting claims share a role and agree on it, so each claim of `p` is paired
    // only with the claims of `q` whose value at the first shared role is related to its
    // own (equal, or one part of the other), not with all of them.
    let mut lineages: HashMap<&str, Vec<String>> = HashMap::default();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (&p, ps) in &by_predicate {
        for (&q, qs) in by_predicate.range(p..) {
            if !excludes(p, q) {
                continue;
            }
            let (kp, kq) = (&preds[p].entry.key, &preds[q].entry.key);
            let Some((rp, rq)) = kp
                .iter()
                .enumerate()
                .find_map(|(rp, r)| Some((rp, kq.iter().position(|x| x == r)?)))
            else {
                continue;
            };
            let value = |c: usize, role: usize| values[c].and_then(|v| v[role].as_deref());
            // The claims of `q` by their value at the shared role, and by every group
            // that value is part of.
            let mut exact: HashMap<&str, Vec<usize>> = HashMap::default();
            let mut under: HashMap<String, Vec<usize>> = HashMap::default();
            for &b in qs {
                let Some(v) = value(b, rq) else { continue };
                exact.entry(v).or_default().push(b);
                for group in lineages.entry(v).or_insert_with(|| lineage(lexicon, v)).iter() {
                    under.entry(group.clone()).or_default().push(b);
                }
            }
            // The claims of `q` related to a value, gathered once per value: many claims
            // of `p` share one (every withdrawal of one force).
            let mut related_to: HashMap<&str, Vec<usize>> = HashMap::default();
            for &a in ps {
                let Some(v) = value(a, rp) else { continue };
                let related = related_to.entry(v).or_insert_with(|| {
                    let mut related: Vec<usize> = under.get(v).cloned().unwrap_or_default();
                    for group in lineages.entry(v).or_insert_with(|| lineage(lexicon, v)).iter() {
                        related.extend(exact.get(group.as_str()).into_iter().flatten());
                    }
                    related.sort_unstable();
                    related.dedup();
                    related
                });
                for &b in related.iter() {
                    if a != b && (p != q || a < b) && within(claims[a].days, claims[b].days, window) {
                        let number = |c: usize| u32::try_from(c).unwrap_or(u32::MAX);
                        pairs.push((number(a.min(b)), number(a.max(b))));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    // A claim's asserting roots, sorted.
    let roots = |c: u32| {
        let at = asserted_by.partition_point(|&(x, _)| x < c);
        asserted_by[at..]
            .iter()
            .take_while(move |&&(x, _)| x == c)
            .map(|&(_, r)| r)
    };
    // Whether two claims have an asserting root in common (a walk of two sorted lists).
    let share_a_root = |a: u32, b: u32| {
        let (mut x, mut y) = (roots(a).peekable(), roots(b).peekable());
        loop {
            match (x.peek(), y.peek()) {
                (Some(p), Some(q)) if p == q => break true,
                (Some(p), Some(q)) if p < q => x.next(),
                (Some(_), Some(_)) => y.next(),
                _ => break false,
            };
        }
    };
    let mut out = Vec::new();
    for (a, b) in pairs {
        let one_source = || share_a_root(a, b);
        let (a, b) = (a as usize, b as usize);
        let (pa, pb) = (&preds[claims[a].predicate].entry, &preds[claims[b].predicate].entry);
        let (Some(va), Some(vb)) = (values[a], values[b]) else {
            continue;
        };
        // What may happen does not contradict what happened.
        if va.last() != vb.last() {
            continue;
        }
        let shared_agree =
            pa.key.iter().zip(va).all(
                |(role, x)| match pb.key.iter().position(|r| r == role).map(|k| &vb[k]) {
                    Some(y) => compatible(lexicon, &mut lineages, x, y),
                    None => true,
                },
            );
        let shares_any = pa.key.iter().any(|r| pb.key.contains(r));
        // A source that asserts both sees no contradiction (a partial withdrawal
        // leaves a limited presence); the tool does not make it contradict itself.
        if shared_agree && shares_any && !one_source() {
            out.push(Contradiction {
                claims: (a, b),
                reason: format!(
                    "EXCLUDES/{}/{}: {} cannot hold with {}",
                    pa.id.get_ref(),
                    pb.id.get_ref(),
                    claims[a].key,
                    claims[b].key
                ),
            });
        }
    }
    out
}

/// Whether two role values name the same thing: equal, or actors one of which is part of
/// the other (the YPG and the SDF). An unknown value agrees with nothing: the tool does
/// not claim a contradiction about someone it cannot name. `lineages` memoises
/// [`lineage`] per value.
fn compatible<'v>(lexicon: &Lexicon, lineages: &mut HashMap<&'v str, Vec<String>>, a: &'v Value, b: &'v Value) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b): (&str, &str) = (a, b);
            let mut part_of = |x: &'v str, y: &str| {
                lineages
                    .entry(x)
                    .or_insert_with(|| lineage(lexicon, x))
                    .iter()
                    .any(|g| g == y)
            };
            a == b || part_of(a, b) || part_of(b, a)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_leaves_out_the_parts_whose_role_has_no_value() {
        let lexicon = &Lexicon::embedded();
        let names = DisplayNames::new(lexicon);
        let clash = lexicon
            .entries
            .predicates
            .iter()
            .position(|p| p.entry.id.get_ref() == "clash")
            .unwrap();
        let p = &lexicon.entries.predicates[clash].entry;
        // The key's roles, then the modality.
        let mut values: Vec<Value> = p.key.iter().map(|_| None).collect();
        values.push(None);
        let read = label(lexicon, &names, clash, &values);
        assert!(!read.contains("another party") && !read.contains('['), "{read}");
        assert!(read.starts_with("someone clashed"), "{read}");
    }

    #[test]
    fn mentions_within_the_window_share_an_episode() {
        let oct = day_range(PartialDate::parse("2020-10").unwrap());
        let dec = day_range(PartialDate::parse("2020-12-22").unwrap());
        // October (any day) and 22 December are within a 60-day window of each other's
        // range: Oct 31 to Dec 22 is 52 days.
        assert!(within(Some(oct), Some(dec), 60));
        let nov19 = day_range(PartialDate::parse("2019-11-23").unwrap());
        assert!(!within(Some(nov19), Some(oct), 60));
    }

    /// A tiny place hierarchy: `north` ⊃ `raqqa` ⊃ {`ain-issa`, `tal-abyad`}.
    fn regions() -> Regions {
        let parent = [("raqqa", "north"), ("ain-issa", "raqqa"), ("tal-abyad", "raqqa")];
        Regions {
            parent: parent.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect(),
            regions: ["north".to_owned()].into_iter().collect(),
        }
    }

    /// The answer the index must give: every specific key that agrees, in key order.
    fn agreeing_by_scan(list: &[KeyDates<'_, '_>], partial: &[Value], regions: &Regions) -> Vec<usize> {
        (0..list.len())
            .filter(|&k| *list[k].0 != partial && agrees(partial, list[k].0, regions))
            .collect()
    }

    /// The quadratic definition of the broadest candidate.
    fn broadest_by_scan<'v>(candidates: &[&'v Vec<Value>], regions: &Regions) -> Join<'v> {
        let contains = |c: &[Value], o: &[Value]| {
            c.iter().zip(o).all(|(x, y)| match (x, y) {
                (Some(x), Some(y)) => x == y || regions.contains(x, y),
                _ => x == y,
            })
        };
        match candidates {
            [] => None,
            [one] => Some(one),
            _ => candidates
                .iter()
                .copied()
                .find(|c| candidates.iter().all(|o| contains(c, o))),
        }
    }

    proptest::proptest! {
        /// The agreeing keys found among their sorted dates are those a look at each
        /// key's dates finds.
        #[test]
        fn keys_by_date_are_those_a_scan_finds(
            keys in proptest::collection::vec(
                proptest::collection::vec(proptest::option::of((0i64..800, 0usize..3)), 0..6),
                0..12,
            ),
            d in proptest::option::of((0i64..800, 0usize..3)),
            window in 0i64..40,
        ) {
            // A day, a month or a year from its first day, as `day_range` makes them.
            let range = |(start, kind): (i64, usize)| (start, start + [0, 30, 364][kind]);
            let values: Vec<Value> = Vec::new();
            let dates: Vec<Vec<DayRange>> = keys
                .into_iter()
                .map(|k| {
                    let mut k: Vec<DayRange> = k.into_iter().map(|x| x.map(range)).collect();
                    k.sort_unstable();
                    k.dedup();
                    k
                })
                .collect();
            let list: Vec<KeyDates<'_, '_>> = dates.iter().map(|k| (&values, k)).collect();
            let agree: Vec<usize> = (0..list.len()).filter(|k| k % 3 != 1).collect();
            let d = d.map(range);
            let scan: Vec<usize> = agree
                .iter()
                .copied()
                .filter(|&k| list[k].1.iter().any(|b| within(d, *b, window)))
                .collect();
            proptest::prop_assert_eq!(ByDate::new(&agree, &list).within(d, window), scan);
        }
    }

    proptest::proptest! {
        /// The posting-list index finds exactly the keys a scan of all keys finds, and the
        /// linear `broadest` picks what the quadratic definition picks.
        #[test]
        fn index_and_broadest_match_a_full_scan(
            keys in proptest::collection::vec(proptest::collection::vec(0usize..6, 3), 0..24),
            partial in proptest::collection::vec(0usize..7, 3),
        ) {
            const IDS: [&str; 6] = ["north", "raqqa", "ain-issa", "tal-abyad", "regime", "sdf"];
            let regions = regions();
            let value = |x: usize| IDS.get(x).map(|s| Arc::from(*s));
            let mut specific: BTreeMap<usize, BTreeMap<&Vec<Value>, Vec<DayRange>>> = BTreeMap::new();
            let owned: Vec<Vec<Value>> = keys.iter().map(|k| k.iter().map(|&x| value(x)).collect()).collect();
            for k in &owned {
                specific.entry(0).or_default().entry(k).or_default().push(None);
            }
            let index = SpecificIndex::new(&specific, &regions);
            let partial: Vec<Value> = partial.iter().map(|&x| value(x)).collect();
            let found = index.agreeing(0, &partial, &regions);
            let list = index.keys.get(&0).map_or(&[][..], Vec::as_slice);
            proptest::prop_assert_eq!(&found, &agreeing_by_scan(list, &partial, &regions));
            let candidates: Vec<&Vec<Value>> = found.iter().map(|&k| list[k].0).collect();
            proptest::prop_assert_eq!(broadest(&candidates, &regions), broadest_by_scan(&candidates, &regions));
        }
    }
}
