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

/// The run as the JSON document of `docs/json.md`, pretty-printed, ending in a newline.
pub fn json(run: &Run) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(run).expect("the run model serialises");
    out.push('\n');
    out
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
    /// Whether a claim passes the filter.
    pub fn keeps(&self, run: &Run, claim: &Claim) -> bool {
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
        if voices(run, claim) < self.min_outlets {
            return false;
        }
        if self.contradictions_only && !contested(run, &claim.id) {
            return false;
        }
        true
    }

    /// The claims a report shows, most-carried first (outlets, then independent roots,
    /// then mentions), then by id.
    pub fn claims<'a>(&self, run: &'a Run) -> Vec<&'a Claim> {
        let mut claims: Vec<&Claim> = run.claims.iter().filter(|c| self.keeps(run, c)).collect();
        let mentions = |c: &Claim| run.mentions.iter().filter(|m| m.claim == c.id).count();
        claims.sort_by(|a, b| {
            (voices(run, b), b.independent_roots, mentions(b), &a.id).cmp(&(
                voices(run, a),
                a.independent_roots,
                mentions(a),
                &b.id,
            ))
        });
        claims
    }
}

/// How many voices carry a claim: outlets, each anonymous article one (see [`voice_of`]).
pub fn voices(run: &Run, claim: &Claim) -> usize {
    let mut v: Vec<String> = mentions_of(run, &claim.id)
        .into_iter()
        .map(|m| voice_of(run, m))
        .collect();
    v.sort();
    v.dedup();
    v.len()
}

/// Whether a claim is contradicted: by a relation, or by a denial among its mentions
/// when another mention asserts it (a denial nobody asserts is a ✗, not a conflict).
pub fn contested(run: &Run, claim: &str) -> bool {
    let has = |p: crate::model::Polarity| run.mentions.iter().any(|m| m.claim == claim && m.polarity == p);
    run.relations.iter().any(|r| r.claims.iter().any(|c| c == claim))
        || has(crate::model::Polarity::Denies) && has(crate::model::Polarity::Asserts)
}

/// The mentions of a claim, in article and text order.
pub fn mentions_of<'a>(run: &'a Run, claim: &str) -> Vec<&'a Mention> {
    run.mentions.iter().filter(|m| m.claim == claim).collect()
}

/// The outlet of a mention's article.
pub fn outlet_of<'a>(run: &'a Run, mention: &Mention) -> &'a str {
    run.articles
        .iter()
        .find(|a| a.id == mention.article)
        .map_or(UNKNOWN, |a| a.outlet.as_str())
}

/// The voice a mention speaks with in a comparison: its outlet id, except that articles
/// naming no outlet are each their own voice (`unknown/<article id>`), so two anonymous
/// articles are never shown as one outlet.
pub fn voice_of(run: &Run, mention: &Mention) -> String {
    match outlet_of(run, mention) {
        UNKNOWN => format!("{UNKNOWN}/{}", mention.article),
        outlet => outlet.to_owned(),
    }
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
pub const UNKNOWN: &str = "unknown";

/// A display label for a source id (the id itself if unknown).
pub fn source_label<'a>(run: &'a Run, id: &'a str) -> &'a str {
    run.sources.iter().find(|s| s.id == id).map_or(id, |s| s.label.as_str())
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
