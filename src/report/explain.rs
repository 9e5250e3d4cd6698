//! `claimgraph explain`: for each sentence, the chain, polarity and stance it got, and
//! every lexicon entry that fired in it, so a lexicon author can see why. Article text,
//! labels and the path are [`clean`]ed: each sentence stays on its line.

use super::clean;
use crate::attribute::Attribution;
use crate::lexicon::Lexicon;
use crate::lexicon::matcher::Matches;
use crate::lexicon::matcher::{EntryRef, Table};
use crate::normalize::Normalized;
use crate::segment::Segmented;
use std::fmt::Write as _;

/// What `explain` reads of one analysed article: where it came from, its text, and what
/// the stages made of it.
#[derive(Debug, Clone, Copy)]
pub struct Explained<'a> {
    /// The path the article was read from, as given.
    pub path: &'a str,
    /// The article's id.
    pub id: &'a str,
    /// Its original text.
    pub text: &'a str,
    /// Its normalised text (the offset map back to `text`).
    pub norm: &'a Normalized,
    /// Its lines and sentences.
    pub segments: &'a Segmented,
    /// What the lexicon matcher found in it.
    pub matches: &'a Matches,
    /// Its sources and the attribution of every sentence.
    pub attribution: &'a Attribution,
}

/// The id of the entry a hit names.
pub fn entry_id(lexicon: &Lexicon, e: EntryRef) -> String {
    let x = &lexicon.entries;
    let i = e.index as usize;
    match e.table {
        Table::Cue => x.cues[i].entry.id.get_ref().clone(),
        Table::Marker => x.markers[i].entry.id.get_ref().clone(),
        Table::Particle => x.particles[i].entry.id.get_ref().clone(),
        Table::SourceNoun => format!("NOUN/{}", x.source_nouns[i].entry.id.get_ref()),
        Table::Source => format!("SOURCE/{}", x.sources[i].entry.id.get_ref()),
        Table::Actor => format!("ACTOR/{}", x.actors[i].entry.id.get_ref()),
        Table::Place => format!("PLACE/{}", x.places[i].entry.id.get_ref()),
        Table::Predicate => format!("PRED/{}", x.predicates[i].entry.id.get_ref()),
    }
}

/// Renders the explanation of one analysed article; `line` limits it to one line.
pub fn explain(a: &Explained<'_>, lexicon: &Lexicon, line: Option<usize>) -> String {
    let mut s = String::new();
    let text = a.text;
    let at = a.attribution;
    let _ = writeln!(s, "== {} ({})", clean(a.path), clean(a.id));
    let label = |i: usize| clean(&at.sources[i].label);
    let _ = writeln!(s, "sources:");
    for (i, e) in at.sources.iter().enumerate() {
        let via = e.via.map(|v| format!(" via {}", label(v))).unwrap_or_default();
        let cues: Vec<String> = e
            .cues
            .iter()
            .map(|c| {
                let span = a.norm.to_original(*c);
                format!("{}:«{}»", line_of(text, span.start), clean(&text[span.range()]))
            })
            .collect();
        let _ = writeln!(
            s,
            "  [{i}] {} ({}, rule {}){via}: {}",
            e.label,
            e.kind,
            e.rule,
            cues.join(" ")
        );
    }
    let tokens = &a.matches.tokens;
    let hits = &a.matches.hits;
    for (k, sentence) in a.segments.sentences.iter().enumerate() {
        let number = a.segments.lines[sentence.line].number;
        if line.is_some_and(|l| l != number) {
            continue;
        }
        let _ = writeln!(s, "\nline {number}: {}", clean(&text[sentence.span.range()]));
        if sentence.cut_from_previous {
            let _ = writeln!(
                s,
                "  (continues sentence {}: cut at {} bytes, {})",
                k,
                crate::segment::MAX_SENTENCE_BYTES,
                crate::segment::LONG_SENTENCE_RULE
            );
        } else if let Some(q) = sentence.quote {
            let _ = writeln!(s, "  (starts inside the quotation opened in sentence {})", q + 1);
        }
        for seg in at.segments.iter().filter(|g| g.sentence == k) {
            let chain = if seg.chain.is_empty() {
                "(outlet's own voice)".to_owned()
            } else {
                seg.chain.iter().map(|&c| label(c)).collect::<Vec<_>>().join(" ← ")
            };
            let span = a.norm.to_original(seg.norm);
            let _ = writeln!(
                s,
                "  • {chain} | {:?} {:?} | {}\n    «{}»",
                seg.polarity,
                seg.stance,
                if seg.rules.is_empty() {
                    "-".to_owned()
                } else {
                    seg.rules.join(" ")
                },
                clean(&text[span.range()])
            );
        }
        let range = tokens.at_norm_span(sentence.norm);
        let fired: Vec<String> = hits
            .iter()
            .filter(|h| h.tokens.start >= range.start && h.tokens.end <= range.end)
            .map(|h| {
                format!(
                    "{}«{}»",
                    clean(&entry_id(lexicon, h.entry)),
                    clean(tokens.words(h.tokens))
                )
            })
            .collect();
        if !fired.is_empty() {
            let _ = writeln!(s, "  fired: {}", fired.join(" · "));
        }
    }
    s
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}
