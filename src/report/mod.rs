//! Renderers of the run model. Each takes a [`Run`] (and nothing that would let it
//! re-run extraction) and returns text; the CLI decides where the text goes (stdout, or a
//! file written atomically).
//!
//! Every renderer shares one [`Filter`] (`--claim`, `--outlet`, `--episode`,
//! `--min-outlets`, `--contradictions-only`) and orders its output deterministically.
//! Text from articles is passed through [`clean`] before it reaches a terminal, so no
//! article can move the cursor, recolour the screen or reorder a table line.

pub mod compare;
pub mod dot;
pub mod explain;
pub mod json;
pub mod lists;
pub mod segments;
pub mod store;

use crate::model::{Claim, Mention, Run};

pub use json::{to_json, write_json};
pub use store::Store;

/// Which claims a report shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only claims whose id, key or label contains this text (letter case ignored).
    pub claim: Option<String>,
    /// Only claims carried by one of these outlets (ids); empty for all.
    pub outlets: Vec<String>,
    /// Only claims of this episode (`2019-11`).
    pub episode: Option<String>,
    /// Only claims carried by at least this many outlets (each anonymous article counts
    /// as one, see [`voice_of`]).
    pub min_outlets: usize,
    /// Only claims that take part in a contradiction (a relation, or opposite
    /// polarities among their mentions).
    pub contradictions_only: bool,
}

impl Filter {
    /// Whether a claim passes the filter (`stats` counted once for the whole run; `needle`
    /// is the claim text filter, lower-cased once).
    fn keeps(&self, claim: &Claim, k: usize, stats: &ClaimStats<'_>, needle: Option<&str>) -> bool {
        if let Some(c) = needle
            && ![&claim.id, &claim.key, &claim.label]
                .iter()
                .any(|t| t.to_lowercase().contains(c))
        {
            return false;
        }
        if !self.outlets.is_empty() && !claim.outlets.iter().any(|o| self.outlets.contains(o)) {
            return false;
        }
        if let Some(e) = &self.episode
            && &claim.episode != e
        {
            return false;
        }
        if stats.by_claim[k].voices < self.min_outlets {
            return false;
        }
        if self.contradictions_only && !stats.contested_at(k) {
            return false;
        }
        true
    }

    /// The claims a report shows, most-carried first (voices, then independent roots,
    /// then mentions), then by id.
    pub fn claims<'a>(&self, run: &'a Run) -> Vec<&'a Claim> {
        let stats = ClaimStats::of(run);
        self.shown(&stats).into_iter().map(|k| &run.claims[k]).collect()
    }

    /// The claims a report shows, as [`Filter::claims`] orders them, by their index in
    /// `Run::claims`; `stats` counts every mention of the run.
    pub fn shown(&self, stats: &ClaimStats<'_>) -> Vec<usize> {
        let claims = &stats.run.claims;
        let needle = self.claim.as_deref().map(str::to_lowercase);
        let mut shown: Vec<usize> = (0..claims.len())
            .filter(|&k| self.keeps(&claims[k], k, stats, needle.as_deref()))
            .collect();
        let order = |k: usize| {
            let s = &stats.by_claim[k];
            (s.voices, claims[k].independent_roots, s.mentions)
        };
        shown.sort_by(|&a, &b| (order(b), &claims[a].id).cmp(&(order(a), &claims[b].id)));
        shown
    }
}

/// Per claim, counted in one pass over the mentions (fed one at a time with
/// [`ClaimStats::add`]): its voices, its mentions, and whether it is both asserted and
/// denied. Voices are numbered as first met.
#[derive(Debug)]
pub struct ClaimStats<'a> {
    run: &'a Run,
    /// By index in `Run::claims`.
    by_claim: Vec<Stat>,
    /// The voices (see [`voice_of`]) by number, each with its outlet id.
    voices: Vec<(String, String)>,
    voice_number: std::collections::HashMap<String, u32>,
    /// The (claim, voice) pairs met, numbered as first met.
    pairs: crate::hash::FnvMap<(u32, u32), u32>,
    /// The article of the last mention added and its voice number: mentions come by
    /// article, so the voice is worked out once per article.
    last: Option<(String, u32)>,
    /// The claims a relation names.
    related: std::collections::HashSet<&'a str>,
}

/// What a mention was counted under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// Its claim's index in `Run::claims`.
    pub claim: usize,
    /// Its voice's number (see [`ClaimStats::voice`]).
    pub voice: u32,
    /// The number of its (claim, voice) pair, numbered from 0 as first met.
    pub pair: u32,
}

#[derive(Debug, Default, Clone)]
struct Stat {
    voices: usize,
    mentions: usize,
    asserted: bool,
    denied: bool,
}

impl<'a> ClaimStats<'a> {
    /// Nothing counted yet.
    pub fn new(run: &'a Run) -> Self {
        ClaimStats {
            run,
            by_claim: vec![Stat::default(); run.claims.len()],
            voices: Vec::new(),
            voice_number: std::collections::HashMap::new(),
            pairs: crate::hash::FnvMap::default(),
            last: None,
            related: run
                .relations
                .iter()
                .flat_map(|r| r.claims.iter().map(String::as_str))
                .collect(),
        }
    }

    /// Counts every mention of `run`.
    pub fn of(run: &'a Run) -> Self {
        let mut stats = ClaimStats::new(run);
        run.each_mention(&mut |m, claim| {
            stats.add(m, claim);
        })
        .expect("a run's own mentions are in memory");
        stats
    }

    /// Counts one mention of the claim at `claim` (its index in `Run::claims`, as
    /// [`Store::each_mention`] gives it). Returns what it was counted under (`None` for a
    /// mention of no claim of the run).
    pub fn add(&mut self, m: &Mention, claim: Option<usize>) -> Option<Counted> {
        let claim = claim?;
        debug_assert_eq!(
            self.run.claims[claim].id, m.claim,
            "a mention counted under another claim"
        );
        let voice = match &self.last {
            Some((article, voice)) if *article == m.article => *voice,
            _ => {
                let outlet = outlet_of(self.run, m);
                let name = crate::model::voice(outlet, &m.article);
                let next = u32::try_from(self.voices.len()).unwrap_or(u32::MAX);
                let voice = *self.voice_number.entry(name.clone()).or_insert_with(|| {
                    self.voices.push((name, outlet.to_owned()));
                    next
                });
                self.last = Some((m.article.clone(), voice));
                voice
            }
        };
        let stat = &mut self.by_claim[claim];
        let next = u32::try_from(self.pairs.len()).unwrap_or(u32::MAX);
        let pair = *self
            .pairs
            .entry((u32::try_from(claim).unwrap_or(u32::MAX), voice))
            .or_insert_with(|| {
                stat.voices += 1;
                next
            });
        stat.mentions += 1;
        match m.polarity {
            crate::model::Polarity::Asserts => stat.asserted = true,
            crate::model::Polarity::Denies => stat.denied = true,
        }
        Some(Counted { claim, voice, pair })
    }

    /// How many voices carry the claim (see [`voice_of`]).
    pub fn voices(&self, claim: &str) -> usize {
        index_by_id(&self.run.claims, claim, |c| &c.id).map_or(0, |k| self.by_claim[k].voices)
    }

    /// A voice by number: its id (see [`voice_of`]) and its outlet's id.
    pub fn voice(&self, number: u32) -> (&str, &str) {
        let (voice, outlet) = &self.voices[number as usize];
        (voice, outlet)
    }

    /// How many voices were met.
    pub fn voice_count(&self) -> usize {
        self.voices.len()
    }

    /// Whether the claim is both asserted and denied (without asking the relations).
    pub fn denied_and_asserted(&self, k: usize) -> bool {
        self.by_claim[k].asserted && self.by_claim[k].denied
    }

    /// Whether the claim is contested: a relation names it, or it is both asserted
    /// and denied.
    pub fn contested(&self, claim: &str) -> bool {
        index_by_id(&self.run.claims, claim, |c| &c.id).is_some_and(|k| self.contested_at(k))
    }

    fn contested_at(&self, k: usize) -> bool {
        self.related.contains(self.run.claims[k].id.as_str()) || self.denied_and_asserted(k)
    }
}

/// The mentions of a claim, in article and text order (a scan of every mention: for one
/// claim; a report over many claims groups them once with [`by_claim`]).
pub fn mentions_of<'a>(run: &'a Run, claim: &str) -> Vec<&'a Mention> {
    run.mentions.iter().filter(|m| m.claim == claim).collect()
}

/// Every claim's mentions, in article and text order, grouped in one pass.
pub fn by_claim(run: &Run) -> std::collections::HashMap<&str, Vec<&Mention>> {
    let mut out: std::collections::HashMap<&str, Vec<&Mention>> = std::collections::HashMap::new();
    for m in &run.mentions {
        out.entry(m.claim.as_str()).or_default().push(m);
    }
    out
}

/// The outlet of a mention's article.
pub fn outlet_of<'a>(run: &'a Run, mention: &Mention) -> &'a str {
    by_id(&run.articles, &mention.article, |a| &a.id).map_or(UNKNOWN, |a| a.outlet.as_str())
}

/// The record with this id in a list the run keeps sorted by id (articles, sources,
/// claims): a binary search, then a scan for a hand-made run that is not sorted.
pub fn by_id<'a, T>(list: &'a [T], id: &str, id_of: impl Fn(&T) -> &String) -> Option<&'a T> {
    index_by_id(list, id, id_of).map(|k| &list[k])
}

/// The index of the record with this id, as [`by_id`] finds it.
pub fn index_by_id<T>(list: &[T], id: &str, id_of: impl Fn(&T) -> &String) -> Option<usize> {
    match list.binary_search_by(|x| id_of(x).as_str().cmp(id)) {
        Ok(k) => Some(k),
        Err(_) => list.iter().position(|x| id_of(x) == id),
    }
}

/// Where a mention stands: its article's path (cleaned: a file name is text too) and the
/// sentence's line.
pub fn place(run: &Run, mention: &Mention) -> String {
    let path = by_id(&run.articles, &mention.article, |a| &a.id).map_or(mention.article.as_str(), |a| a.path.as_str());
    format!("{}:{}", clean(path), mention.line)
}

/// The voice a mention speaks with in a comparison: its outlet id, except that articles
/// naming no outlet are each their own voice (`unknown/<article id>`), so two anonymous
/// articles are never shown as one outlet.
pub fn voice_of(run: &Run, mention: &Mention) -> String {
    crate::model::voice(outlet_of(run, mention), &mention.article)
}

/// The display label of a voice: the outlet's label, with the article id (cut short)
/// for an anonymous article: `Unknown (001_55ce…)`.
pub fn voice_label(run: &Run, voice: &str) -> String {
    let (outlet, article) = voice.split_once('/').unwrap_or((voice, ""));
    let name = run
        .outlets
        .iter()
        .find(|o| o.id == outlet)
        .map_or(outlet, |o| o.label.as_str());
    let name = clean(name);
    if article.is_empty() {
        name
    } else {
        format!("{name} ({})", truncate(&clean(article), 9))
    }
}

/// The outlet id of articles that name no outlet.
pub const UNKNOWN: &str = crate::model::UNKNOWN_OUTLET;

/// A display label for a source id (the id itself if unknown).
pub fn source_label<'a>(run: &'a Run, id: &'a str) -> &'a str {
    by_id(&run.sources, id, |s| &s.id).map_or(id, |s| s.label.as_str())
}

/// Text from articles, metadata or lexicons made safe for a terminal line or a table
/// cell: the one escaping function of every text report (`compare`, `claims`, `sources`,
/// `framing`, `diff`, `explain`, `segment`, input messages on stderr; DOT labels go
/// through it too). Control characters (C0 and C1: ANSI escapes, line breaks, carriage
/// returns, tabs) become a space; invisible format characters (bidi embeddings,
/// overrides, isolates and marks, zero-width spaces and joiners, BOMs, tags) are removed;
/// whitespace runs become one space. So no text can forge a line, shift a column, reorder
/// what follows it or change the terminal. No renderer adds bidi marks of its own: a
/// terminal lays Arabic out by its own bidi algorithm, one cleaned field at a time.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if is_invisible_format(c) => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The invisible format characters [`clean`] removes: bidi controls (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C), zero-width characters (U+200B–U+200D,
/// U+2060–U+2064, U+FEFF), the soft hyphen, and the other format characters a terminal
/// does not show (U+180E, U+206A–U+206F, U+FFF9–U+FFFB, tags).
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Shortens text to at most `max` characters, with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_escapes_and_bidi_controls() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m\nb\u{202E}c\td"), "a [31mred [0m bc d");
        assert_eq!(
            clean("x\u{9b}1m\ry\u{200b}\u{2067}z\u{feff}\u{85}w\u{2028}v"),
            "x 1m yz w v"
        );
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
