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
pub mod lists;

use crate::model::{Claim, Mention, Run};

/// Writes the run as pretty JSON with a final newline, streaming: the document is never
/// held in memory whole.
pub fn write_json(run: &Run, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, run)?;
    w.write_all(b"\n")
}

/// The run as the JSON document of `docs/json.md`, pretty-printed, ending in a newline.
pub fn json(run: &Run) -> String {
    let mut out = Vec::new();
    // Serialising plain structs of strings and numbers into memory cannot fail.
    write_json(run, &mut out).expect("the run model serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

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
    /// Whether a claim passes the filter (`stats` counted once for the whole run).
    fn keeps(&self, run: &Run, claim: &Claim, stats: &ClaimStats<'_>) -> bool {
        if let Some(c) = &self.claim {
            let c = c.to_lowercase();
            if ![&claim.id, &claim.key, &claim.label]
                .iter()
                .any(|t| t.to_lowercase().contains(&c))
            {
                return false;
            }
        }
        if !self.outlets.is_empty() && !claim.outlets.iter().any(|o| self.outlets.contains(o)) {
            return false;
        }
        if let Some(e) = &self.episode
            && &claim.episode != e
        {
            return false;
        }
        if stats.voices(&claim.id) < self.min_outlets {
            return false;
        }
        if self.contradictions_only && !stats.contested(run, &claim.id) {
            return false;
        }
        true
    }

    /// The claims a report shows, most-carried first (voices, then independent roots,
    /// then mentions), then by id.
    pub fn claims<'a>(&self, run: &'a Run) -> Vec<&'a Claim> {
        let stats = ClaimStats::of(run);
        let mut claims: Vec<&Claim> = run.claims.iter().filter(|c| self.keeps(run, c, &stats)).collect();
        let order = |c: &Claim| (stats.voices(&c.id), c.independent_roots, stats.mentions(&c.id));
        claims.sort_by(|a, b| (order(b), &a.id).cmp(&(order(a), &b.id)));
        claims
    }
}

/// Per claim, counted in one pass over the mentions: its voices, its mentions, and
/// whether it is both asserted and denied.
#[derive(Debug, Default)]
pub struct ClaimStats<'a> {
    by_claim: std::collections::HashMap<&'a str, Stat>,
}

#[derive(Debug, Default)]
struct Stat {
    voices: std::collections::BTreeSet<String>,
    mentions: usize,
    asserted: bool,
    denied: bool,
}

impl<'a> ClaimStats<'a> {
    /// Counts every claim of `run`.
    pub fn of(run: &'a Run) -> Self {
        let mut by_claim: std::collections::HashMap<&str, Stat> = std::collections::HashMap::new();
        for m in &run.mentions {
            let stat = by_claim.entry(m.claim.as_str()).or_default();
            stat.voices.insert(voice_of(run, m));
            stat.mentions += 1;
            match m.polarity {
                crate::model::Polarity::Asserts => stat.asserted = true,
                crate::model::Polarity::Denies => stat.denied = true,
            }
        }
        ClaimStats { by_claim }
    }

    /// How many voices carry the claim (see [`voice_of`]).
    pub fn voices(&self, claim: &str) -> usize {
        self.by_claim.get(claim).map_or(0, |s| s.voices.len())
    }

    fn mentions(&self, claim: &str) -> usize {
        self.by_claim.get(claim).map_or(0, |s| s.mentions)
    }

    /// Whether the claim is contested: a relation names it, or it is both asserted
    /// and denied.
    pub fn contested(&self, run: &Run, claim: &str) -> bool {
        run.relations.iter().any(|r| r.claims.iter().any(|c| c == claim))
            || self.by_claim.get(claim).is_some_and(|s| s.asserted && s.denied)
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
    match list.binary_search_by(|x| id_of(x).as_str().cmp(id)) {
        Ok(k) => list.get(k),
        Err(_) => list.iter().find(|x| id_of(x) == id),
    }
}

/// Where a mention stands: its article's path and the sentence's line.
pub fn place(run: &Run, mention: &Mention) -> String {
    let path = by_id(&run.articles, &mention.article, |a| &a.id).map_or(mention.article.as_str(), |a| a.path.as_str());
    format!("{path}:{}", mention.line)
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

/// Article text made safe for a terminal or a table cell: control characters (ANSI
/// escapes, line breaks, tabs) and bidi overrides/isolates are replaced by a space or
/// removed, so no text can forge a line, shift columns or change the terminal.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
