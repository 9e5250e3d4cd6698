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
pub(crate) mod json;
pub mod lists;
pub mod segments;

use crate::model::{Claim, Mention, Run, Source};
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Writes `value` (the run, the `compare` matrix, an eval report) as pretty JSON with a
/// final newline, streaming: the document is never held in memory whole. The one JSON
/// writer of every output: besides what JSON requires, it escapes in strings what a
/// terminal would act on or reorder (C1 controls, DEL, bidi and other invisible format
/// characters, as `\uXXXX`), so `claimgraph json` on a terminal is as safe as a report.
/// A parser reads the same strings back.
pub fn write_json(value: &(impl Serialize + ?Sized), w: &mut dyn Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *w, TerminalSafe::default());
    value.serialize(&mut serializer)?;
    w.write_all(b"\n")
}

/// `value` as [`write_json`] writes it.
pub fn to_json(value: &(impl Serialize + ?Sized)) -> String {
    let mut out = Vec::new();
    // Serialising plain structs of strings and numbers into memory cannot fail.
    write_json(value, &mut out).expect("the value serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// serde_json's pretty layout (two spaces a level), with the extra string escapes of
/// [`write_json`]. It may start some levels deep, for a value written inside a document
/// whose outer levels are written by hand ([`json::write_field_value`]).
#[derive(Default)]
struct TerminalSafe {
    /// The current nesting level.
    depth: usize,
    /// Whether the array or object being written has a value yet.
    has_value: bool,
}

impl TerminalSafe {
    fn line<W: ?Sized + Write>(&self, w: &mut W, start: &[u8]) -> io::Result<()> {
        w.write_all(start)?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, b"\n")?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        // Byte by byte (this is the hot loop of `claimgraph json`): only a byte that can
        // begin an escaped character is decoded. Those are ASCII controls and DEL, and the
        // lead bytes of U+0080–U+00AD (C2), U+061C (D8), U+180E (E1), U+200B–U+206F (E2),
        // U+FEFF and U+FFF9–U+FFFB (EF), and the tags U+E0001–U+E007F (F3). A
        // continuation byte (80–BF) is never one of them, so each is a character start.
        let bytes = fragment.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            let b = bytes[i];
            if !(b < 0x20 || b == 0x7F || matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF | 0xF3)) {
                i += 1;
                continue;
            }
            // Arabic letters (U+0600–U+063F) begin with D8 too; only U+061C (D8 9C) is
            // escaped.
            if b == 0xD8 && bytes.get(i + 1) != Some(&0x9C) {
                i += 2;
                continue;
            }
            let Some(c) = fragment[i..].chars().next() else { break };
            if escaped(c) {
                w.write_all(&bytes[start..i])?;
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(w, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
            i += c.len_utf8();
        }
        w.write_all(&bytes[start..])
    }

    // The layout is serde_json's PrettyFormatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, if first { b"\n" } else { b",\n" })
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, if first { b"\n" } else { b",\n" })
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Whether the JSON writer escapes `c` (beyond what JSON requires): a control, or an
/// invisible format character.
fn escaped(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
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

/// A run's mentions and sources, wherever they are kept: in the [`Run`] itself, or read
/// back from disk one article at a time (`pipeline::Output` of a large run). A report
/// that reads every mention once, in order, takes a `Store`, so its memory does not grow
/// with the mentions' text.
pub trait Store {
    /// Calls `f` on every mention, in the run's order (by article, then offset), with
    /// the index of its claim in `Run::claims` (`None`: no claim of the run). A store
    /// that knows the index says so; the others find it by id.
    fn each_mention(&self, f: &mut dyn FnMut(&Mention, Option<usize>)) -> io::Result<()>;
    /// Calls `f` on every source, in no particular order.
    fn each_source(&self, f: &mut dyn FnMut(&Source)) -> io::Result<()>;
}

impl Store for Run {
    fn each_mention(&self, f: &mut dyn FnMut(&Mention, Option<usize>)) -> io::Result<()> {
        for m in &self.mentions {
            f(m, index_by_id(&self.claims, &m.claim, |c| &c.id));
        }
        Ok(())
    }

    fn each_source(&self, f: &mut dyn FnMut(&Source)) -> io::Result<()> {
        self.sources.iter().for_each(f);
        Ok(())
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
    fn json_escapes_what_a_terminal_would_act_on_and_reads_back_the_same() {
        let text = "a\u{1b}[2J\u{9b}1m\u{7f} \u{202e}b\u{2066}c\u{200b}\u{feff}\u{e0041} عين \"q\"\n";
        let json = to_json(&[text]);
        assert_eq!(
            json,
            "[\n  \"a\\u001b[2J\\u009b1m\\u007f \\u202eb\\u2066c\\u200b\\ufeff\\udb40\\udc41 عين \\\"q\\\"\\n\"\n]\n"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_layout() {
        let value = serde_json::json!({
            "a": [1, [], {}, [[2, {"b": "c"}], []]],
            "d": {"e": [], "f": {"g": null}},
            "h": "عين عيسى"
        });
        assert_eq!(to_json(&value), serde_json::to_string_pretty(&value).unwrap() + "\n");
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_escapes_exactly_the_escaped_characters(
            text in "[a-z \"\\\\\\x00-\\x1f\\x7f\\u{80}-\\u{100}\\u{600}-\\u{6ff}\\u{180e}\\u{2000}-\\u{2070}\\u{fef0}-\\u{ffff}\\u{e0000}-\\u{e0080}]{0,40}"
        ) {
            // The definition: every character that `escaped` names, as UTF-16 escapes.
            let mut expected = String::new();
            for c in text.chars() {
                match c {
                    '"' => expected.push_str("\\\""),
                    '\\' => expected.push_str("\\\\"),
                    '\n' => expected.push_str("\\n"),
                    '\r' => expected.push_str("\\r"),
                    '\t' => expected.push_str("\\t"),
                    '\u{8}' => expected.push_str("\\b"),
                    '\u{c}' => expected.push_str("\\f"),
                    c if escaped(c) => {
                        for unit in c.encode_utf16(&mut [0; 2]) {
                            expected.push_str(&format!("\\u{unit:04x}"));
                        }
                    }
                    c => expected.push(c),
                }
            }
            proptest::prop_assert_eq!(to_json(&text), format!("\"{expected}\"\n"));
        }
    }

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
