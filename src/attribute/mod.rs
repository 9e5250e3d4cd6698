//! Attribution: for every sentence, on whose authority it stands.
//!
//! Input: an article's normalised text and segments, and the compiled [`Lexicon`]. Output:
//! [`Attribution`]: the article's source entities (each with every span where it is named
//! or referred back to, and the source that relays it) and the sentences cut into
//! [`Segment`]s, each with its chain (outlet inwards), polarity, stance and the rule ids
//! that decided them.
//!
//! How a sentence is read (docs/ARCHITECTURE.md, "Attribution"):
//! - the matcher runs once over the whole article; a sentence sees the hits inside it;
//! - each cue that finds its source opens a segment that runs to the next one: a verb
//!   with its subject after it (`وقال المصدر إن`), before it (`قسد تتهم`, "X said"), or
//!   none, at the head of a clause, which then refers back to the last source of the
//!   same gender (`وأضافت أن`); "according to X" governs the whole sentence; "X told Y"
//!   and "citing Y" set who relays whom; a statement noun takes the source beside it;
//! - a cue inside what a source says nests: its source is quoted by the outer one;
//! - markers set the stance of their clause or segment; a sentence that starts inside a
//!   quotation keeps the quotation's speaker; a sentence with no cue is the outlet's own.
//!
//! Invariants: the segments of a sentence tile it exactly; every chain lists source
//! entities of this article, outermost first; attribution never fails and never panics.
//!
//! Rule ids are not built per sentence: the lexicon's ([`crate::lexicon::RuleIds`]) and
//! this module's own are allocated once and shared (`Arc<str>`), and a sentence's hits
//! are sorted out in buffers reused from sentence to sentence.

use crate::lexicon::Lexicon;
use crate::lexicon::matcher::{Hit, Matches, Table, Tokens, strip_article};
use crate::lexicon::schema::{Gender, MarkerKind, ParticleRole, Role, Scope};
use crate::model::{Polarity, Stance};
use crate::normalize::{Normalized, normalize};
use crate::segment::Segmented;
use crate::span::{NormSpan, TokenSpan};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

mod entities;
mod names;
mod phrases;
mod subject;

/// A source cited inside one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntity {
    /// Identity inside the article (`known:sana`, `actor:sdf`, `person:…`, `noun:…`).
    pub key: String,
    /// Display label: the lexicon's, or the words that introduced it.
    pub label: String,
    /// Source kind.
    pub kind: String,
    /// Grammatical gender, for verbs that refer back to it.
    pub gender: Option<Gender>,
    /// Generic nouns that may refer back to it (`agency`, `statement`).
    pub classes: Vec<String>,
    /// Its name words (token text), for back-references by name (a known source's or
    /// actor's shared with the lexicon's [`crate::lexicon::matcher::Names`]).
    pub names: Arc<[String]>,
    /// The entity that relays it.
    pub via: Option<usize>,
    /// Normalised spans where it is named or referred back to.
    pub cues: Vec<NormSpan>,
    /// The lexicon entry that introduced it.
    pub rule: String,
}

/// A stretch of a sentence with one attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Index of the sentence in [`Segmented::sentences`].
    pub sentence: usize,
    /// Normalised span.
    pub norm: NormSpan,
    /// Source entities from the outlet inwards; empty for the outlet's own voice.
    pub chain: Vec<usize>,
    /// Asserts or denies.
    pub polarity: Polarity,
    /// Plain, distanced or hedged.
    pub stance: Stance,
    /// Ids of the cues, markers and lexicon entries that decided it (shared with the
    /// lexicon's [`crate::lexicon::RuleIds`]).
    pub rules: Vec<Arc<str>>,
}

/// What attribution found in one article.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    /// Source entities.
    pub sources: Vec<SourceEntity>,
    /// Segments, in text order.
    pub segments: Vec<Segment>,
}

/// What the article says about itself: names of its outlet (so "according to our site"
/// or "told Levant Monitor" is not a cited source).
#[derive(Debug, Clone, Default)]
pub struct OutletNames {
    /// Token texts of the outlet's names.
    pub names: Vec<String>,
}

impl OutletNames {
    /// The outlet names from labels as written (`Tayf Post`, `طيف بوست`).
    ///
    /// A label names its outlet before a bracket and may give other names in it, after
    /// commas or a comma: "SANA (the Syrian state agency, English)", "Tayf Post (طيف
    /// بوست)", "Tayf Post (طيف بوست), Reuters wire". A wire or a republisher it mentions
    /// ("The Ledger (AFP wire)", "via a portal") is a source in the text, not the outlet;
    /// an edition's language ("Tayf Post English") or a country ("Egypt") names nothing.
    pub fn new<'a>(labels: impl IntoIterator<Item = &'a str>) -> OutletNames {
        let mut names: Vec<String> = Vec::new();
        for label in labels {
            for (k, part) in label.split(['(', ')', ',']).enumerate() {
                let part = part.trim();
                let words: Vec<&str> = part.split_whitespace().collect();
                let relay = words
                    .iter()
                    .any(|w| matches!(w.to_lowercase().as_str(), "wire" | "via" | "by"));
                // Past the first part, a single capitalised word is a country or language
                // unless it is an acronym (`DW`).
                let descriptive = k > 0
                    && words.len() == 1
                    && part.is_ascii()
                    && part.chars().skip(1).any(|c| c.is_ascii_lowercase());
                if words.is_empty() || relay || descriptive {
                    continue;
                }
                let n = Tokens::new(&normalize(part)).text.replace(" | ", " ");
                if n == "unknown" {
                    continue;
                }
                let n = n.strip_prefix("ال").map(str::to_owned).unwrap_or(n);
                // The edition's language after the name ("Tayf Post Arabic").
                if let Some(bare) = ["english", "arabic", "عربي", "بالعربيه"]
                    .iter()
                    .find_map(|l| n.strip_suffix(l).map(str::trim_end))
                    .filter(|b| !b.is_empty())
                {
                    names.push(bare.to_owned());
                }
                names.push(n);
            }
        }
        names.sort();
        names.dedup();
        OutletNames { names }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Attr {
    chain: Vec<usize>,
    polarity: Polarity,
    stance: Stance,
    rules: Vec<Arc<str>>,
}

impl Attr {
    fn own_voice() -> Attr {
        Attr {
            chain: Vec::new(),
            polarity: Polarity::Asserts,
            stance: Stance::Plain,
            rules: Vec::new(),
        }
    }
}

/// The chain in force where a cue is met.
struct Current {
    chain: Vec<usize>,
}

/// What a noun phrase candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cand {
    Known(usize),
    Actor(usize),
    Noun {
        index: usize,
        gender: Option<Gender>,
        definite: bool,
    },
    Person {
        title: Option<usize>,
    },
    /// A subject phrase no lexicon names, carried as written ([`Reader::open_subject`]).
    Phrase,
}

impl Cand {
    /// Specific names beat generic nouns in apposition (`وكالة … سانا`).
    fn specific(self) -> bool {
        matches!(self, Cand::Known(_) | Cand::Person { .. })
    }
}

#[derive(Debug, Clone)]
struct Candidate {
    tokens: TokenSpan,
    /// Where its words start in the normalised text, after any clitic (`و` of `ومصادر`).
    from: usize,
    /// Whether an article marks it definite (`المصادر`, "the agency").
    definite: bool,
    cand: Cand,
    rule: Arc<str>,
}

/// A source phrase found next to a cue.
#[derive(Debug, Clone)]
struct Np {
    /// All its tokens (a generic noun in apposition included).
    tokens: TokenSpan,
    candidate: Candidate,
    /// The quantifier before it, if any (`العديد من الصفحات` is not a back-reference).
    quantified: bool,
}

/// Attributes every sentence of one article.
pub fn attribute(
    text: &str,
    norm: &Normalized,
    segments: &Segmented,
    matches: &Matches,
    lexicon: &Lexicon,
    outlet: &OutletNames,
) -> Attribution {
    let ntext = norm.text();
    let tokens = &matches.tokens;
    let hits = &matches.hits;
    let mut reader = Reader {
        lexicon,
        outlet,
        text,
        norm,
        ntext,
        tokens,
        out: Attribution::default(),
        keys: HashMap::new(),
        lexical: BTreeMap::new(),
        speakers: BTreeMap::new(),
        spoke_at: HashMap::new(),
        last_attr: Vec::new(),
        closed_by_trailing_cue: false,
        opens_inside_quotation: false,
        opened_by_source: false,
        closing: None,
        points_back: false,
        hit_tokens: Vec::new(),
        sentence_start: 0,
        cue_spans: Vec::new(),
        persons: HashMap::new(),
        parts: Parts::default(),
        spans: Vec::new(),
        bounds: Vec::new(),
        pieces: Vec::new(),
    };
    let mut first_hit = 0;
    // One buffer for every sentence's hits.
    let mut inside: Vec<&Hit> = Vec::new();
    // The line whose colon named a source, and what that source said.
    let mut colon_line: Option<(usize, Attr)> = None;
    for (index, sentence) in segments.sentences.iter().enumerate() {
        let range = tokens.at_norm_span(sentence.norm);
        while first_hit < hits.len() && hits[first_hit].tokens.start < range.start {
            first_hit += 1;
        }
        inside.clear();
        inside.extend(
            hits[first_hit..]
                .iter()
                .take_while(|h| h.tokens.start < range.end)
                .filter(|h| h.tokens.end <= range.end),
        );
        let base = match (sentence.quote, &colon_line) {
            (Some(k), _) if k < reader.last_attr.len() => reader.last_attr[k].clone(),
            (None, Some((line, attr))) if *line == sentence.line => attr.clone(),
            // 'X said on Friday that … . "Y …."': a quotation that is the whole next
            // sentence of the paragraph goes on in the last speaker's voice.
            _ if index > 0
                && segments.sentences[index - 1].line == sentence.line
                && whole_quotation(&norm.text()[sentence.norm.range()])
                && reader.last_attr.get(index - 1).is_some_and(|a| !a.chain.is_empty()) =>
            {
                reader.last_attr[index - 1].clone()
            }
            // '“… . ¶ “…': a paragraph that opens a quotation it never closes goes on
            // quoting the speaker of the paragraph before.
            _ if index > 0
                && segments.sentences[index - 1].line != sentence.line
                && segments
                    .sentences
                    .iter()
                    .skip(index)
                    .take_while(|s| s.line == sentence.line)
                    .enumerate()
                    .all(|(k, s)| open_quotation(&norm.text()[s.norm.range()], k == 0))
                && reader.last_attr.get(index - 1).is_some_and(|a| !a.chain.is_empty()) =>
            {
                // The voice that says the whole paragraph before ("…, the institute writes."), else
                // its last.
                reader
                    .closing
                    .clone()
                    .unwrap_or_else(|| reader.last_attr[index - 1].clone())
            }
            // 'According to the broadcaster, … . The brigade …': a sentence with no cue of its
            // own, right after one of the same paragraph that opens with "according to"
            // and that source says to its last word, goes on in that source's voice.
            _ if index > 0
                && segments.sentences[index - 1].line == sentence.line
                && !inside.iter().any(|h| h.entry.table == Table::Cue)
                && reader.opened_by_source
                && reader.wholly_said(index - 1) =>
            {
                reader.last_attr[index - 1].clone()
            }
            _ => Attr::own_voice(),
        };
        reader.opens_inside_quotation = sentence.quote.is_some();
        if let Some(attr) = reader.sentence(index, sentence.norm, range, &inside, base) {
            colon_line = Some((sentence.line, attr));
        }
        // "This was reported by X.": X's is also the sentence before, where it is the
        // outlet's own.
        if reader.points_back
            && index > 0
            && let Some(first) = reader
                .out
                .segments
                .iter()
                .rev()
                .take_while(|g| g.sentence == index)
                .last()
            && !first.chain.is_empty()
        {
            let (chain, mut rules) = (first.chain.clone(), first.rules.clone());
            rules.push(RULE.points_back.clone());
            for seg in reader.out.segments.iter_mut().rev().skip_while(|g| g.sentence == index) {
                if seg.sentence + 1 != index {
                    break;
                }
                if seg.chain.is_empty() {
                    seg.chain = chain.clone();
                    seg.rules = rules.clone();
                }
            }
        }
        // '“…. …,” she added.': a cue closing a quotation names the speaker of the
        // sentences the quotation ran over; so does a sentence that only names a speaker
        // right after a quotation closed at the end of the sentence before ('“… .”
        // NAME, a commander, said on Monday.').
        let speaker_only = index > 0
            && sentence.quote.is_none()
            && reader.parts.events.is_empty()
            && reader
                .out
                .segments
                .iter()
                .rev()
                .take_while(|g| g.sentence == index)
                .all(|g| !g.chain.is_empty())
            && text
                .get(segments.sentences[index - 1].span.range())
                .is_some_and(|t| t.trim_end().ends_with(['”', '"', '»', '″']));
        let opened = if speaker_only {
            Some(segments.sentences[index - 1].quote.unwrap_or(index - 1))
        } else {
            sentence.quote.filter(|_| reader.closed_by_trailing_cue)
        };
        if let Some(k) = opened
            && let Some(last) = reader.out.segments.last().cloned()
            && !last.chain.is_empty()
        {
            for seg in reader
                .out
                .segments
                .iter_mut()
                .filter(|g| g.sentence >= k && g.sentence < index)
            {
                if seg.chain.is_empty() {
                    seg.chain = last.chain.clone();
                    seg.polarity = last.polarity;
                    seg.stance = last.stance;
                    seg.rules = last.rules.clone();
                }
            }
        }
    }
    // A person found later to speak through another ("he said in a statement to
    // Reuters") spoke through it in the article's earlier sentences too. An organisation
    // speaks through many channels: its other statements are its own.
    let relayed: Vec<Option<Vec<usize>>> = (0..reader.out.sources.len())
        .map(|e| {
            let s = &reader.out.sources[e];
            let person = ["person:", "title:", "phrase:"].iter().any(|p| s.key.starts_with(p));
            s.via.filter(|_| person).map(|_| reader.path(e))
        })
        .collect();
    for seg in &mut reader.out.segments {
        if let [e] = seg.chain[..]
            && let Some(path) = &relayed[e]
        {
            seg.chain = path.clone();
        }
    }
    reader.out
}

struct Reader<'a> {
    lexicon: &'a Lexicon,
    outlet: &'a OutletNames,
    /// The original text, for labels.
    text: &'a str,
    norm: &'a Normalized,
    ntext: &'a str,
    tokens: &'a Tokens,
    out: Attribution,
    keys: HashMap<String, usize>,
    /// Known sources' and actors' entities by lexicon table and index.
    lexical: BTreeMap<(Table, usize), usize>,
    /// Entities in the order they were last the innermost speaker (by the tick each last
    /// spoke at), and the tick of each: moving a speaker to the end is a lookup, not a
    /// scan of every speaker (an article naming twenty thousand people stays linear).
    speakers: BTreeMap<u64, usize>,
    spoke_at: HashMap<usize, u64>,
    /// The attribution in force at the end of each sentence.
    last_attr: Vec<Attr>,
    /// Whether the last sentence read ended with its cue ("…, she added.").
    closed_by_trailing_cue: bool,
    /// Whether the sentence being read starts inside a quotation opened before it.
    opens_inside_quotation: bool,
    /// Whether the last sentence read opens with "according to X" ("According to the
    /// broadcaster, …"): a frame for what follows in its paragraph, where "X said that …"
    /// ends with its sentence.
    opened_by_source: bool,
    /// The attribution that closed the last sentence read ("…, the institute writes."), if one did.
    closing: Option<Attr>,
    /// Whether the last sentence read opens by pointing back at the one before ("This
    /// was reported by …", `جاء ذلك في بيان …`).
    points_back: bool,
    /// Tokens of the current sentence that some lexicon hit covers, and whether that hit
    /// is only a particle.
    hit_tokens: Vec<(usize, bool)>,
    /// The current sentence's first token: no phrase or label reaches before it (a line
    /// end is no token barrier).
    sentence_start: usize,
    /// Per entity, its cues' spans as (start, end), sorted: a source named in every one of
    /// ten thousand sentences checks a new cue against them by search, not by a scan.
    cue_spans: Vec<BTreeSet<(usize, usize)>>,
    /// Person entities by each word of their names, in creation order.
    persons: HashMap<String, Vec<usize>>,
    /// The current sentence's hits, sorted out (buffers reused across sentences).
    parts: Parts<'a>,
    /// Spans and ranks of cues or candidates, for comparing each with all (a buffer).
    spans: Vec<(TokenSpan, u8)>,
    /// Where a sentence's segments may start, and its attribution from each (buffers
    /// of [`Reader::tile`]).
    bounds: Vec<usize>,
    pieces: Vec<(usize, Attr)>,
}

/// One sentence's hits, sorted out (in buffers reused from sentence to sentence).
#[derive(Default)]
struct Parts<'h> {
    cues: Vec<&'h Hit>,
    markers: Vec<&'h Hit>,
    candidates: Vec<Candidate>,
    particles: Particles,
    /// Event predicates' words: no speaker's name runs over them.
    events: Vec<TokenSpan>,
    /// Known places' words (a capital that speaks: `تنفي كييف`).
    places: Vec<TokenSpan>,
}

/// A sentence's particles: per first token, the role and length of the longest one
/// starting there, sorted by first token (hits come in that order), so a lookup is a
/// binary search and nothing is hashed.
#[derive(Default)]
struct Particles(Vec<(usize, (ParticleRole, usize))>);

impl Particles {
    /// Adds a particle; among those starting at one token, the first of the longest wins.
    fn add(&mut self, start: usize, role: ParticleRole, len: usize) {
        // Sorted hits make this an append; any order still keeps the list sorted.
        let at = self.0.partition_point(|(s, _)| *s < start);
        match self.0.get_mut(at) {
            Some((s, slot)) if *s == start => {
                if len > slot.1 {
                    *slot = (role, len);
                }
            }
            _ => self.0.insert(at, (start, (role, len))),
        }
    }

    /// The particle starting at token `k`.
    fn get(&self, k: &usize) -> Option<&(ParticleRole, usize)> {
        self.0.binary_search_by_key(k, |(s, _)| *s).ok().map(|i| &self.0[i].1)
    }

    fn contains_key(&self, k: &usize) -> bool {
        self.get(k).is_some()
    }

    /// Every particle as (first token, (role, length)), by first token.
    fn iter(&self) -> impl Iterator<Item = (&usize, &(ParticleRole, usize))> {
        self.0.iter().map(|(s, p)| (s, p))
    }
}

impl<'a> Reader<'a> {
    /// Reads one sentence; returns the attribution a source before its line's colon gave
    /// it (`“X”: …`), which the line's later sentences take too.
    fn sentence(
        &mut self,
        index: usize,
        norm: NormSpan,
        range: TokenSpan,
        hits: &[&'a Hit],
        base: Attr,
    ) -> Option<Attr> {
        self.sentence_start = range.start;
        let mut parts = std::mem::take(&mut self.parts);
        self.sort_out(&mut parts, range, hits);
        let mut points: Vec<(usize, Attr)> = vec![(range.start, base.clone())];
        let mut overrides: Vec<(TokenSpan, Override)> = Vec::new();
        let mut sentence_attr: Option<Attr> = None;
        self.closed_by_trailing_cue = false;
        let mut colon = None;
        if let Some(np) = self
            .colon_speaker(&parts, range)
            .or_else(|| self.trailing_colon_speaker(&parts, range))
            && let Some(e) = self.resolve(&np)
        {
            self.speaker(e, self.tokens.norm_of(np.tokens));
            let attr = Attr {
                chain: self.path(e),
                rules: vec![RULE.colon.clone(), np.candidate.rule.clone()],
                ..Attr::own_voice()
            };
            colon = Some(attr.clone());
            points.push((range.start, attr));
        }
        // Whether the current source was named by a statement noun (`إعلان X`): what a
        // noun says is a phrase, so a reporting verb after it speaks for itself.
        let mut by_statement = false;
        // Whether the sentence's own attribution came from "according to X", which wraps
        // whoever speaks inside the sentence ("X said …, according to Reuters").
        let mut wraps = false;
        // A reporting verb an "according to" took as its own (`حسبما أفادت وكالة X`).
        let mut taken: Option<usize> = None;
        // Whether an "according to X" opens the sentence.
        let mut opening_according = false;
        // Where a statement's content ends before its sentence does, with the voice that
        // spoke before it.
        let mut asides: Vec<(usize, Attr)> = Vec::new();
        // A quotation opened in an earlier sentence ends at its closing mark.
        if self.opens_inside_quotation
            && let Some(end) = (range.start + 1..range.end)
                .find(|&k| self.tokens.tokens[k].barrier_before && self.gap_before(k).trim_start().starts_with('"'))
        {
            asides.push((end, Attr::own_voice()));
        }
        // Whom the sentence's next speaker told it, named before them ("In an interview
        // with Y, X said").
        let mut told_ahead: Option<usize> = None;
        for cue in &parts.cues {
            if taken == Some(cue.tokens.start) {
                continue;
            }
            let entry = &self.lexicon.entries.cues[cue.entry.index as usize].entry;
            let id = self.lexicon.rule_ids.cues[cue.entry.index as usize].clone();
            // What speaks when the cue is met: only its chain is read.
            let current = Current {
                chain: points.last().map(|p| p.1.chain.clone()).unwrap_or_default(),
            };
            let initial = self.clause_initial(range, cue.tokens.start);
            let nested = !current.chain.is_empty() && !initial && !by_statement;
            by_statement = entry.role == Role::Statement;
            match entry.role {
                Role::AccordingTo => {
                    // `حسبما أفادت وكالة X`, "as reported by": past a reporting verb.
                    let verb = parts
                        .cues
                        .iter()
                        .find(|c| c.tokens.start == cue.tokens.end)
                        .filter(|c| {
                            matches!(
                                self.lexicon.entries.cues[c.entry.index as usize].entry.role,
                                Role::Says | Role::Adds | Role::Confirms
                            )
                        });
                    let after = verb.map_or(cue.tokens.end, |v| v.tokens.end);
                    // "according to a statement from the army", `بحسب بيان صادر عن الجيش`:
                    // past the statement noun to whoever issued it.
                    let after = parts
                        .cues
                        .iter()
                        .find(|c| {
                            let s = c.tokens.start;
                            (s == after || (s == after + 1 && matches!(self.word(after), "a" | "an" | "the")))
                                && self.lexicon.entries.cues[c.entry.index as usize].entry.role == Role::Statement
                        })
                        .map_or(after, |s| {
                            let mut k = s.tokens.end;
                            if k < range.end && matches!(self.word(k), "صادر" | "الصادر") {
                                k += 1;
                            }
                            match k < range.end && matches!(self.word(k), "from" | "by" | "of" | "عن" | "من") {
                                true => k + 1,
                                false => after,
                            }
                        });
                    // Told to an agency (`وفق ما قال X لوكالة رويترز`): the words before the
                    // agency speak, not the agency (`وفقا للمرصد` has no verb: its ل is
                    // the "to" of "according to").
                    let with_verb = verb.is_some() || cue.tokens.range().any(|k| self.word(k) == "ما");
                    let np = self
                        .np_after(&parts, range, after)
                        .and_then(|np| {
                            if with_verb && self.addressee(&parts, &np.candidate) {
                                self.subject_before_addressee(&parts, range, after)
                            } else {
                                Some(np)
                            }
                        })
                        // "according to the Ukrainian army": whoever follows it in English is
                        // a source, named by its words when no lexicon lists it; evidence,
                        // information and reports are none.
                        .or_else(|| {
                            (!with_verb
                                && self.word(cue.tokens.start).is_ascii()
                                && self.pronoun_at(range, after).is_none())
                            .then(|| self.according_phrase(&parts, range, after))
                            .flatten()
                            .filter(|np| !self.unsourced(hits, np.tokens.end - 1))
                        });
                    let (e, rule, end) = match np {
                        // With its verb it closes the sentence ("…، حسبما أفادت وكالة X.");
                        // elsewhere the verb speaks for itself.
                        Some(np) if verb.is_some() && np.tokens.end + 1 < range.end => continue,
                        Some(np) => {
                            let Some(e) = self.resolve(&np) else { continue };
                            (e, np.candidate.rule.clone(), np.tokens.end)
                        }
                        // "according to him": the last speaker of that gender.
                        None => {
                            let Some(gender) = self.pronoun_at(range, cue.tokens.end) else {
                                continue;
                            };
                            let Some(e) = self.back_reference(gender) else { continue };
                            (e, RULE.back_reference.clone(), cue.tokens.end + 1)
                        }
                    };
                    // `وفق ما قال مسؤول محلي لوكالة رويترز`: the agency the words were told to
                    // relays them.
                    let mut chain = self.path(e);
                    if with_verb
                        && let Some((relay, span)) = self.told_agency_after(&parts, end)
                        && relay != e
                        && !chain.contains(&relay)
                        && !self.path(relay).contains(&e)
                    {
                        self.add_cue(relay, span);
                        self.relay_nameless(e, relay);
                        chain = extend(&self.path(relay), &self.path(e));
                    }
                    let mut attr = Attr {
                        chain,
                        rules: vec![id, rule],
                        ..Attr::own_voice()
                    };
                    self.speaker(e, NormSpan::new(cue.norm.start, self.tokens.tokens[end - 1].norm.end));
                    taken = verb.map(|v| v.tokens.start);
                    opening_according |= cue.tokens.start - range.start <= LEAD_WORDS;
                    match entry.scope.unwrap_or(Scope::Sentence) {
                        Scope::Sentence => {
                            sentence_attr = Some(attr);
                            wraps = true;
                        }
                        _ => {
                            attr.stance = entry.stance.unwrap_or(stance_of(entry.role));
                            overrides.push((self.clause_target(range, cue), Override::Attr(attr)));
                        }
                    }
                }
                Role::Claims if entry.scope == Some(Scope::Clause) => {
                    let Some(np) = self.np_after(&parts, range, cue.tokens.end) else {
                        continue;
                    };
                    let Some(e) = self.resolve(&np) else { continue };
                    self.speaker(
                        e,
                        NormSpan::new(cue.norm.start, self.tokens.tokens[np.tokens.end - 1].norm.end),
                    );
                    let attr = Attr {
                        chain: self.path(e),
                        stance: Stance::Distanced,
                        rules: vec![id, np.candidate.rule.clone()],
                        ..Attr::own_voice()
                    };
                    overrides.push((self.clause_target(range, cue), Override::Attr(attr)));
                }
                Role::Relays => {
                    // "According to local sources cited by the agency": a passive relay's
                    // by-phrase relays the source named before it, in the current point or
                    // in the sentence's closing or opening attribution.
                    if matches!(self.word(cue.tokens.end - 1), "cited" | "quoted")
                        && cue.tokens.end < range.end
                        && self.word(cue.tokens.end) == "by"
                    {
                        let Some(np) = self.np_after(&parts, range, cue.tokens.end) else {
                            continue;
                        };
                        let Some(outer) = self.resolve(&np) else {
                            continue;
                        };
                        let attr = match points.last_mut() {
                            Some(p) if !p.1.chain.is_empty() => &mut p.1,
                            _ => match sentence_attr.as_mut() {
                                Some(a) => a,
                                None => continue,
                            },
                        };
                        let Some(&inner) = attr.chain.last() else {
                            continue;
                        };
                        if outer == inner || self.path(outer).contains(&inner) {
                            continue;
                        }
                        self.out.sources[inner].via = Some(outer);
                        self.speaker(outer, self.tokens.norm_of(np.tokens));
                        let before = attr.chain.len() - 1;
                        attr.chain = extend(&attr.chain[..before], &self.path(inner));
                        attr.rules.extend([id, np.candidate.rule.clone()]);
                        continue;
                    }
                    let Some(np) = self.np_after(&parts, range, cue.tokens.end) else {
                        continue;
                    };
                    // "Sputnik, citing its own sources, said": the relaying source stands
                    // before the cue when none speaks yet.
                    if current.chain.is_empty()
                        && let Some(outer_np) = self.np_before(&parts, range, cue.tokens.start)
                        && let Some(outer) = self.resolve(&outer_np)
                    {
                        self.speaker(outer, self.tokens.norm_of(outer_np.tokens));
                        points.push((
                            outer_np.tokens.start,
                            Attr {
                                chain: self.path(outer),
                                rules: vec![outer_np.candidate.rule.clone()],
                                ..Attr::own_voice()
                            },
                        ));
                    }
                    let current = Current {
                        chain: points.last().map(|p| p.1.chain.clone()).unwrap_or_default(),
                    };
                    let Some(inner) = self.resolve(&np) else {
                        continue;
                    };
                    // "…, Reuters said on Monday, quoting a field source.": the closing
                    // cue's source relays the inner one for the whole sentence.
                    if current.chain.is_empty()
                        && let Some(closing) = sentence_attr.as_mut()
                        && let Some(&outer) = closing.chain.last()
                        && outer != inner
                    {
                        if self.out.sources[inner].via.is_none() && !self.path(outer).contains(&inner) {
                            self.out.sources[inner].via = Some(outer);
                        }
                        self.speaker(inner, self.tokens.norm_of(np.tokens));
                        closing.chain = extend(&closing.chain, &[inner]);
                        closing.rules.extend([id, np.candidate.rule.clone()]);
                        continue;
                    }
                    let outer = current.chain.last().copied();
                    if let Some(outer) = outer
                        && outer != inner
                        && self.out.sources[inner].via.is_none()
                    {
                        self.out.sources[inner].via = Some(outer);
                    }
                    self.speaker(inner, self.tokens.norm_of(np.tokens));
                    let last = points.len() - 1;
                    let attr = &mut points[last].1;
                    attr.chain = extend(&attr.chain, &self.path(inner));
                    attr.rules.extend([id, np.candidate.rule.clone()]);
                }
                Role::ToldTo => {
                    // "X told Y": X before the cue, when no source speaks yet ("told"
                    // in English); "قال X … في حديث لـ Y": the current speaker.
                    let speaker_np = if current.chain.is_empty() {
                        self.np_before(&parts, range, cue.tokens.start)
                    } else {
                        None
                    };
                    let np = self.np_after(&parts, range, cue.tokens.end);
                    // "Told us", "told him": a pronoun names no relay (us, the publishing
                    // outlet; him, someone named before), and the speaker still speaks.
                    let pronoun = np.is_none()
                        && cue.tokens.end < range.end
                        && EN_OBJECT_PRONOUNS.contains(&self.word(cue.tokens.end));
                    if np.is_none() && !pronoun {
                        continue;
                    }
                    // Where what was told to ends: after its relay's phrase or the pronoun.
                    let told_end = np.as_ref().map_or(cue.tokens.end + 1, |np| np.tokens.end);
                    // Told the publishing outlet itself: the speaker is the source, relayed
                    // by nobody.
                    let relay = np
                        .as_ref()
                        .filter(|np| !self.is_outlet(np))
                        .and_then(|np| self.resolve(np));
                    // With no speaker before it, the one a closing cue named ("…," he said
                    // in a statement to Reuters).
                    let speaking = current
                        .chain
                        .last()
                        .or_else(|| sentence_attr.as_ref().and_then(|a| a.chain.last()))
                        .copied();
                    let (speaker, start) = match &speaker_np {
                        Some(s) => match self.resolve(s) {
                            Some(e) => (Some(e), Some(s.tokens.start)),
                            None => (speaking, None),
                        },
                        None => (speaking, None),
                    };
                    let Some(speaker) = speaker else {
                        // "In comments to Y, X said": the speaker comes after.
                        if initial
                            && let Some(relay) = relay
                            && let Some(np) = &np
                        {
                            self.add_cue(relay, self.tokens.norm_of(np.tokens));
                            told_ahead = Some(relay);
                        }
                        continue;
                    };
                    if let Some(relay) = relay
                        && let Some(np) = &np
                    {
                        if speaker != relay
                            && self.out.sources[speaker].via.is_none()
                            && !self.path(relay).contains(&speaker)
                        {
                            self.out.sources[speaker].via = Some(relay);
                        }
                        self.add_cue(relay, self.tokens.norm_of(np.tokens));
                    }
                    let prefix = if nested {
                        prefix_before(&current.chain, speaker)
                    } else {
                        Vec::new()
                    };
                    let mut rules = vec![id];
                    rules.extend(np.as_ref().map(|np| np.candidate.rule.clone()));
                    let attr = Attr {
                        chain: extend(&prefix, &self.path(speaker)),
                        rules,
                        ..Attr::own_voice()
                    };
                    // "…, a local official told Reuters.": a closing cue governs the
                    // sentence.
                    let closing = start.is_some_and(|s| {
                        let clause = self.clause_start(range, s);
                        clause > range.start && s - clause <= 3 && self.trailing(&parts, range, told_end)
                    });
                    match start {
                        Some(_) if closing => {
                            sentence_attr = Some(attr);
                            self.closed_by_trailing_cue = true;
                        }
                        Some(start) => points.push((start, attr)),
                        None => {
                            let last = points.len() - 1;
                            points[last].1.chain = attr.chain;
                            points[last].1.rules.extend(attr.rules);
                        }
                    }
                    self.speaker(speaker, cue.norm);
                }
                Role::Statement => {
                    // The statement noun folded into whoever issued it (`بيان قسد`).
                    let owned = parts
                        .candidates
                        .iter()
                        .find(|c| c.tokens.start <= cue.tokens.start && cue.tokens.end < c.tokens.end)
                        .map(np_of);
                    let np = owned
                        .or_else(|| self.np_before_adjacent(&parts, cue.tokens.start))
                        .or_else(|| self.np_after_within(&parts, range, cue.tokens.end, 2, true));
                    let Some(np) = np else { continue };
                    let Some(e) = self.resolve(&np) else { continue };
                    if !self.out.sources[e].classes.iter().any(|c| c == "statement") {
                        self.out.sources[e].classes.push("statement".to_owned());
                    }
                    self.speaker(e, self.tokens.norm_of(np.tokens));
                    let start = cue.tokens.start.min(np.tokens.start);
                    let chain = if nested && !self.subordinated(range, start, true) {
                        extend(&current.chain, &self.path(e))
                    } else {
                        self.path(e)
                    };
                    points.push((
                        start,
                        Attr {
                            chain,
                            rules: vec![id, np.candidate.rule.clone()],
                            stance: entry.stance.unwrap_or(Stance::Plain),
                            ..Attr::own_voice()
                        },
                    ));
                }
                role => {
                    // A reporting verb: its subject after it, before it, or (at the head
                    // of a clause) the last source of its gender.
                    // The subject that opens the clause right before the verb (SVO:
                    // `قسد تتهم`, "X said"), else the one right after it (VSO: `وقال
                    // المصدر`).
                    // A relative clause between them is not what the subject says: the
                    // statement starts at the verb.
                    let before = || {
                        self.np_before(&parts, range, cue.tokens.start).map(|np| {
                            let relative =
                                matches!(parts.particles.get(&np.tokens.end), Some((ParticleRole::Relative, _)));
                            (if relative { cue.tokens.start } else { np.tokens.start }, np)
                        })
                    };
                    // English puts the subject after the verb only when the verb closes a
                    // quotation: '"…," said the ministry on Sunday.' ("said Russian troops
                    // left" has no subject there). No subject stands after a preposition
                    // ("wrote on social media").
                    let latin = self.tokens.words(cue.tokens).is_ascii();
                    let after = || {
                        self.np_after(&parts, range, cue.tokens.end)
                            // Told to an agency (`قال أحمد سعيد لوكالة الأناضول`): the
                            // agency did not speak.
                            .filter(|np| !self.addressee(&parts, &np.candidate))
                            .or_else(|| {
                                (!latin)
                                    .then(|| {
                                        self.open_subject_after(&parts, range, cue.tokens.end)
                                            .or_else(|| self.subject_before_addressee(&parts, range, cue.tokens.end))
                                            .or_else(|| self.name_subject_after(&parts, range, cue.tokens.end))
                                    })
                                    .flatten()
                            })
                            .filter(|np| !self.preposition_between(&parts, cue.tokens.end, np.tokens.start))
                            // "said Turkey was likely to": the subject of what is said.
                            .filter(|np| {
                                !latin
                                    || !matches!(
                                        parts.particles.get(&np.tokens.end),
                                        Some((ParticleRole::Auxiliary, _))
                                    )
                            })
                            .filter(|np| {
                                !latin
                                    || cue.tokens.start > range.start
                                        && self.tokens.tokens[cue.tokens.start].barrier_before
                                        && self.trailing(&parts, range, np.tokens.end)
                            })
                            .map(|np| (cue.tokens.start, np))
                    };
                    // English subjects no lexicon names ("The Ukrainian army denies").
                    // Evidence is no speaker ("The evidence suggests …"): the
                    // inference is whoever's voice it stands in.
                    let open = || {
                        latin
                            .then(|| {
                                self.open_subject(&parts, range, cue.tokens.start)
                                    .or_else(|| self.open_subject_before_aside(&parts, range, cue.tokens.start))
                            })
                            .flatten()
                            .filter(|np| !self.unsourced(hits, np.tokens.end - 1))
                            .map(|np| (np.tokens.start, np))
                    };
                    // An English passive names its speaker after "by" ("was reported by the
                    // ministry").
                    let by = || {
                        (latin
                            && self.word(cue.tokens.end.min(range.end - 1)) == "by"
                            && cue.tokens.start > range.start
                            && matches!(self.word(cue.tokens.start - 1), "was" | "were" | "is" | "are" | "been"))
                        .then(|| self.np_after(&parts, range, cue.tokens.end + 1))
                        .flatten()
                        .map(|np| (cue.tokens.start, np))
                    };
                    // A relative clause's reporting verb speaks for the noun the clause
                    // hangs on ("the SDF, which announced", `الوزارة التي أعلنت`); what it
                    // says starts at the relative pronoun.
                    let relative = || {
                        let mut k = cue.tokens.start;
                        while k > range.start
                            && matches!(parts.particles.get(&(k - 1)), Some((ParticleRole::Auxiliary, 1)))
                        {
                            k -= 1;
                        }
                        (k > range.start && matches!(parts.particles.get(&(k - 1)), Some((ParticleRole::Relative, _))))
                            .then(|| {
                                self.np_before_adjacent(&parts, k - 1)
                                    .or_else(|| self.np_before(&parts, range, k - 1))
                            })
                            .flatten()
                            .map(|np| (k - 1, np))
                    };
                    // An Arabic subject no lexicon names before its verb (`الهيئة تكشف`).
                    let open_before = || {
                        (!latin)
                            .then(|| self.open_subject_before(&parts, range, cue.tokens.start))
                            .flatten()
                            .map(|np| (np.tokens.start, np))
                    };
                    // An English passive with no "by" ("the toll would be announced later")
                    // has no speaker: what stands before it is what is said.
                    let passive = latin
                        && cue.tokens.start > range.start
                        && !self.word(cue.tokens.start).ends_with("ing")
                        && matches!(
                            self.word(cue.tokens.start - 1),
                            "be" | "been" | "being" | "was" | "were" | "is" | "are"
                        );
                    let found = by().or_else(relative).or_else(|| {
                        if passive {
                            return None;
                        }
                        before().or_else(open_before).or_else(after).or_else(open)
                    });
                    // "They also pointed out", "He later noted": an English pronoun
                    // subject is the last speaker of its gender.
                    let pronoun = if found.is_none() && latin {
                        self.pronoun_subject(&parts, range, cue.tokens.start)
                    } else {
                        None
                    };
                    let (start, np) = match found {
                        Some((start, np)) => (start, Some(np)),
                        None => (pronoun.map_or(cue.tokens.start, |(at, _)| at), None),
                    };
                    // A subject that opens its clause, after a conjunction at most ("…,
                    // although local fighters said"), starts a statement of its own, not
                    // one inside the last.
                    let nested = nested
                        && {
                            let opens = self.phrase_start(range, start);
                            let mut k = self.clause_start(range, opens);
                            while let Some((ParticleRole::Conjunction, len)) = parts.particles.get(&k).copied()
                                && k < opens
                            {
                                k += len;
                            }
                            k < opens
                        }
                        && !self.subordinated(range, start.min(cue.tokens.start), false);
                    let trailing = self.trailing(
                        &parts,
                        range,
                        np.as_ref().map_or(cue.tokens.end, |n| n.tokens.end.max(cue.tokens.end)),
                    );
                    // Structural rules that decided, for `explain`.
                    let mut how: Vec<&Arc<str>> = Vec::new();
                    // "If confirmed, …": a participle after a conditional reports nothing.
                    let conditional = np.is_none()
                        && cue.tokens.start > range.start
                        && matches!(
                            self.word(cue.tokens.start - 1),
                            "if" | "unless" | "once" | "until" | "whether"
                        );
                    if conditional {
                        continue;
                    }
                    let entity = match &np {
                        Some(np) => {
                            if self.is_outlet(np) {
                                continue;
                            }
                            self.resolve(np)
                        }
                        // `يشار إلى أن`, "it is noted that": an imperfect the matcher
                        // inflected, with no subject and its complementizer right after,
                        // is impersonal: the outlet's own remark, no one's quoted.
                        None if !cue.inflection.prefix().is_empty()
                            && matches!(
                                parts.particles.get(&cue.tokens.end),
                                Some((ParticleRole::Complementizer, _))
                            ) =>
                        {
                            continue;
                        }
                        None if initial || trailing || pronoun.is_some() => {
                            how.push(&RULE.back_reference);
                            let gender = pronoun
                                .and_then(|(_, g)| g)
                                .or(cue.inflection.prefix_gender())
                                .or(cue.entry.gender);
                            self.back_reference(gender)
                        }
                        // A participle or verb with no subject mid-clause ("… قائلةً:",
                        // "إلا أنها أكدت") goes on with the current source, in its own
                        // segment.
                        None if matches!(role, Role::Adds | Role::Says | Role::Confirms)
                            && !current.chain.is_empty() =>
                        {
                            how.push(&RULE.continues);
                            current.chain.last().copied()
                        }
                        None => {
                            // A coordinated denial (`… وشككت بها`) denies what the current
                            // source says.
                            if role == Role::Denies && !current.chain.is_empty() {
                                let last = points.len() - 1;
                                points[last].1.polarity = Polarity::Denies;
                                points[last].1.rules.push(id);
                            }
                            continue;
                        }
                    };
                    let Some(mut e) = entity else { continue };
                    let np_rule = np.as_ref().map(|n| n.candidate.rule.clone());
                    let mut cue_span = cue.norm;
                    // The news agency this statement was told to: it relays this
                    // statement only, not all the speaker says elsewhere.
                    let mut told = None;
                    if let Some(np) = &np {
                        let named = self.tokens.norm_of(np.tokens);
                        cue_span = NormSpan::new(cue_span.start.min(named.start), cue_span.end.max(named.end));
                        // `قال X لوكالة Y`, `أعلن X، لـ«فرانس برس»`: told to a news agency,
                        // which relays X (not the publishing outlet itself).
                        if let Some((relay, span)) = self.told_agency_after(&parts, np.tokens.end)
                            && relay != e
                            && !self.path(relay).contains(&e)
                            && !self.path(e).contains(&relay)
                        {
                            self.add_cue(relay, span);
                            self.relay_nameless(e, relay);
                            how.push(&RULE.relayed);
                            told = Some(relay);
                        }
                        if told.is_none()
                            && let Some(relay) = told_ahead.take()
                            && relay != e
                            && !self.path(relay).contains(&e)
                            && !self.path(e).contains(&relay)
                        {
                            self.relay_nameless(e, relay);
                            how.push(&RULE.relayed);
                            told = Some(relay);
                        }
                        // "نقل X عن Y": Y, relayed by X.
                        if let Some(inner) = self.relayed_after(&parts, range, np.tokens.end)
                            && inner != e
                        {
                            if self.out.sources[inner].via.is_none() {
                                self.out.sources[inner].via = Some(e);
                            }
                            self.speaker(e, cue_span);
                            how.push(&RULE.relayed);
                            e = inner;
                        }
                    }
                    self.speaker(e, cue_span);
                    let path = match told {
                        Some(relay) => extend(&self.path(relay), &self.path(e)),
                        None => self.path(e),
                    };
                    let chain = if nested {
                        how.push(&RULE.nested);
                        extend(&current.chain, &path)
                    } else {
                        path
                    };
                    let closing = trailing && start > range.start;
                    if closing {
                        how.push(&RULE.closing_cue);
                    }
                    let mut rules = vec![id];
                    rules.extend(np_rule);
                    rules.extend(how.into_iter().cloned());
                    let attr = Attr {
                        chain,
                        polarity: if role == Role::Denies {
                            Polarity::Denies
                        } else {
                            Polarity::Asserts
                        },
                        stance: entry.stance.unwrap_or(stance_of(role)),
                        rules,
                    };
                    if closing {
                        // "…, the SDF media centre said.": the cue closes the sentence and
                        // governs what came before it, and whoever speaks in it ("X
                        // praised the troops, the institute writes": the institute relays X).
                        sentence_attr = Some(attr);
                        self.closed_by_trailing_cue = true;
                        wraps = true;
                    } else {
                        let content = np
                            .as_ref()
                            .filter(|n| n.tokens.start >= cue.tokens.end)
                            .map_or(cue.tokens.end, |n| n.tokens.end);
                        if let Some(end) = self.content_end(range, content) {
                            let outer = points.last().map_or_else(|| base.clone(), |p| p.1.clone());
                            asides.push((end, outer));
                        }
                        points.push((start, attr));
                    }
                }
            }
        }
        // What follows a statement's content, with no cue or complementizer of its own, is
        // the voice's that spoke before: the outlet describing the statement (", with
        // clashes continuing", ", without naming X", `»، مضيفاً …`).
        if sentence_attr.is_none() {
            for (end, outer) in asides {
                let to = points
                    .iter()
                    .map(|p| p.0)
                    .filter(|&s| s > end)
                    .min()
                    .unwrap_or(range.end);
                let own_voice = parts.cues.iter().any(|c| c.tokens.start >= end && c.tokens.start < to)
                    || (end..to).any(|k| matches!(parts.particles.get(&k), Some((ParticleRole::Complementizer, _))));
                if end < to && !own_voice {
                    overrides.push((TokenSpan::new(end, to), Override::Attr(outer)));
                }
            }
        }
        for marker in &parts.markers {
            let entry = &self.lexicon.entries.markers[marker.entry.index as usize].entry;
            let stance = match entry.kind {
                MarkerKind::Hedge | MarkerKind::Possible => Stance::Hedged,
                MarkerKind::Distance => Stance::Distanced,
                MarkerKind::Negation | MarkerKind::Modal => continue,
            };
            let id = self.lexicon.rule_ids.markers[marker.entry.index as usize].clone();
            let target = match entry.scope.unwrap_or(Scope::Clause) {
                Scope::Clause => self.clause_target(range, marker),
                Scope::Sentence => range,
                Scope::Segment => {
                    let at = marker.tokens.start;
                    let start = points.iter().rev().find(|p| p.0 <= at).map_or(range.start, |p| p.0);
                    let end = points.iter().find(|p| p.0 > at).map_or(range.end, |p| p.0);
                    TokenSpan::new(start, end)
                }
            };
            overrides.push((target, Override::Stance(stance, id)));
        }
        self.closing = sentence_attr
            .clone()
            .filter(|a| !a.chain.is_empty() && !opening_according);
        self.opened_by_source = opening_according;
        self.points_back = self.opens_pointing_back(&parts, range);
        let first_segment = self.out.segments.len();
        self.tile(index, norm, range, &base, points, overrides, sentence_attr, wraps);
        let last = self.out.segments[first_segment..].last().map(|s| Attr {
            chain: s.chain.clone(),
            polarity: s.polarity,
            stance: s.stance,
            rules: s.rules.clone(),
        });
        self.last_attr.push(last.unwrap_or(base));
        self.parts = parts;
        colon
    }

    /// Whether a hit is a function word (a particle other than a place noun).
    fn function_word(&self, h: &Hit) -> bool {
        self.particle_role(h).is_some_and(ParticleRole::is_function_word)
    }

    /// Whether a word describes a source noun: a `descriptor` particle ("local",
    /// `مطلعة`), or an Arabic nisba (`محلية`, `ميدانية`, `عسكري`). Other words after a
    /// source noun are not part of its name.
    fn adjective(&self, w: &str) -> bool {
        let bare = strip_article(w);
        let nisba =
            !w.is_ascii() && ["يه", "ي", "يون", "يين"].iter().any(|e| bare.ends_with(e)) && bare.chars().count() > 3;
        nisba || self.lexicon.names.descriptors.contains(bare)
    }

    /// Whether the word at `k` is a noun for what is said or shown, not who says it
    /// ("reports", "the evidence": an `unsourced` particle).
    fn unsourced(&self, hits: &[&Hit], k: usize) -> bool {
        hits.iter()
            .any(|h| h.tokens.contains(k) && self.particle_role(h) == Some(ParticleRole::Unsourced))
    }

    /// The role of a particle hit; none for a hit of another table.
    fn particle_role(&self, h: &Hit) -> Option<ParticleRole> {
        (h.entry.table == Table::Particle).then(|| self.lexicon.entries.particles[h.entry.index as usize].entry.role)
    }

    /// Sorts a sentence's hits into cues, markers, source candidates and particles.
    fn sort_out(&mut self, parts: &mut Parts<'a>, range: TokenSpan, hits: &[&'a Hit]) {
        let mut hit_tokens = std::mem::take(&mut self.hit_tokens);
        hit_tokens.clear();
        // A source's descriptor ("local", `خاصة`) is part of its words, not a listed name,
        // and so is a unit noun (`كتيبة الساحل`).
        hit_tokens.extend(
            hits.iter()
                .filter(|h| {
                    !matches!(
                        self.particle_role(h),
                        Some(
                            ParticleRole::Descriptor
                                | ParticleRole::Unsourced
                                | ParticleRole::Prospective
                                | ParticleRole::Unit
                                | ParticleRole::Any
                        )
                    )
                })
                .flat_map(|h| h.tokens.range().map(|k| (k, self.function_word(h)))),
        );
        self.hit_tokens = hit_tokens;
        let Parts {
            cues,
            markers,
            candidates,
            particles,
            events,
            places,
        } = parts;
        cues.clear();
        markers.clear();
        candidates.clear();
        particles.0.clear();
        events.clear();
        places.clear();
        let e = &self.lexicon.entries;
        let ids = &self.lexicon.rule_ids;
        for &h in hits {
            let i = h.entry.index as usize;
            match h.entry.table {
                // `تشكك وتطالب`: a verb joined by و right after a cue is that cue's
                // speaker's too, and its content the first cue's.
                Table::Cue
                    if cues.last().is_some_and(|c: &&Hit| {
                        c.tokens.end == h.tokens.start && self.word(h.tokens.start).starts_with('و')
                    }) => {}
                // `الحي الذي يعتبر من أقدم الأحياء`: an opinion verb in the imperfect right
                // after a relative word, with no complementizer after it, is its passive,
                // "which is considered": nobody speaks (`الذي يرى أن`, `الذي حلله مراقبون`
                // have speakers).
                Table::Cue
                    if e.cues[i].entry.role == Role::Speculates
                        && h.tokens.start > 0
                        && matches!(self.word(h.tokens.start).chars().next(), Some('ي' | 'ت'))
                        && particles
                            .get(&(h.tokens.start - 1))
                            .is_some_and(|(role, _)| *role == ParticleRole::Relative)
                        && !hits.iter().any(|o| {
                            o.tokens.start == h.tokens.end
                                && self.particle_role(o) == Some(ParticleRole::Complementizer)
                        }) => {}
                Table::Cue => cues.push(h),
                Table::Marker => markers.push(h),
                Table::Particle => {
                    let role = e.particles[i].entry.role;
                    if role.is_function_word() {
                        particles.add(h.tokens.start, role, h.tokens.len());
                    }
                }
                Table::Source => candidates.push(Candidate {
                    tokens: h.tokens,
                    from: h.norm.start,
                    definite: false,
                    cand: Cand::Known(i),
                    rule: ids.sources[i].clone(),
                }),
                Table::Actor => candidates.push(Candidate {
                    tokens: h.tokens,
                    from: h.norm.start,
                    definite: false,
                    cand: Cand::Actor(i),
                    rule: ids.actors[i].clone(),
                }),
                Table::SourceNoun => {
                    let noun = &e.source_nouns[i].entry;
                    // English marks definiteness with a word before the noun.
                    let article = h.tokens.start > 0
                        && matches!(
                            &self.tokens.text[self.tokens.tokens[h.tokens.start - 1].tt.range()],
                            "the" | "this" | "these" | "those"
                        );
                    let cand = if noun.title {
                        Cand::Person { title: Some(i) }
                    } else {
                        Cand::Noun {
                            index: i,
                            gender: h.entry.gender,
                            definite: h.prefix.definite || article,
                        }
                    };
                    candidates.push(Candidate {
                        tokens: h.tokens,
                        from: h.norm.start,
                        definite: h.prefix.definite || article,
                        cand,
                        rule: ids.nouns[i].clone(),
                    })
                }
                Table::Predicate => events.push(h.tokens),
                Table::Place => places.push(h.tokens),
            }
        }
        // A source withholding its name ("who asked not to be named", "speaking on
        // condition of anonymity") reports and does nothing in those words.
        if particles.iter().any(|(_, &(role, _))| role == ParticleRole::Anonymity) {
            let anonymous = |span: TokenSpan| {
                particles.iter().any(|(&start, &(role, len))| {
                    role == ParticleRole::Anonymity && start <= span.start && span.end <= start + len
                })
            };
            cues.retain(|c| !anonymous(c.tokens));
            events.retain(|e| !anonymous(*e));
        }
        // A cue inside a longer cue is part of it (`وفق` in `وفق ما ذكرت`). What each is
        // compared with is every one before any was dropped: their spans (and ranks),
        // kept in a buffer reused from sentence to sentence.
        let all = &mut self.spans;
        all.clear();
        all.extend(cues.iter().map(|c| (c.tokens, 0)));
        cues.retain(|c| !all.iter().any(|(o, _)| *o != c.tokens && o.covers(c.tokens)));
        cues.dedup_by(|a, b| a.tokens == b.tokens);
        // "denied reports that …": an English cue word right after a reporting verb is its
        // object, a noun, and the verb's content goes on through it.
        cues.dedup_by(|next, c| {
            next.tokens.start == c.tokens.end
                && self.tokens.words(next.tokens).is_ascii()
                && self.lexicon.entries.cues[next.entry.index as usize].entry.role == Role::Says
                && !matches!(
                    self.lexicon.entries.cues[c.entry.index as usize].entry.role,
                    Role::Statement | Role::AccordingTo | Role::Relays | Role::ToldTo
                )
        });
        // "The statement, posted on a channel, said …": an English participle that opens
        // an appositive between commas, before the verb after it, reports nothing.
        let t = &self.tokens.tokens;
        let text = &self.tokens.text;
        let mut k = 0;
        while k + 1 < cues.len() {
            let (c, next) = (cues[k].tokens, cues[k + 1].tokens);
            let appositive = t[c.start].barrier_before
                && t[next.start].barrier_before
                && text[t[c.start].tt.range()].ends_with("ed")
                && next.start - c.end <= subject::MAX_SUBJECT_WORDS;
            if appositive {
                cues.remove(k);
            } else {
                k += 1;
            }
        }
        // A candidate inside a longer one is part of it (`وكالة` in `وكالة سانا`).
        all.clear();
        all.extend(candidates.iter().map(|c| (c.tokens, rank(c.cand))));
        candidates.retain(|c| {
            !all.iter()
                .any(|(o, o_rank)| *o != c.tokens && o.covers(c.tokens) || (*o == c.tokens && *o_rank > rank(c.cand)))
        });
        candidates.sort_by_key(|c| {
            (
                c.tokens.start,
                std::cmp::Reverse(c.tokens.end),
                std::cmp::Reverse(rank(c.cand)),
            )
        });
        candidates.dedup_by(|a, b| a.tokens == b.tokens);
        self.unlisted_names(range, hits, candidates);
        candidates.sort_by_key(|c| (c.tokens.start, std::cmp::Reverse(c.tokens.end)));
        subject::merge_abbreviations(candidates, |k| self.gap_before(k));
        self.owned_nouns(candidates);
    }

    /// Whether some lexicon hit of the current sentence covers token `k`.
    fn listed(&self, k: usize) -> bool {
        self.hit_tokens.iter().any(|&(j, _)| j == k)
    }

    /// The normalised text between token `k - 1` and token `k` (or the text's end): the
    /// spaces and punctuation that separate them.
    fn gap_before(&self, k: usize) -> &'a str {
        let t = &self.tokens.tokens;
        let to = t.get(k).map_or(self.ntext.len(), |n| n.norm.start);
        &self.ntext[t[k - 1].norm.end..to]
    }

    /// Whether the token at `at` heads its clause (at most one word before it).
    fn clause_initial(&self, range: TokenSpan, at: usize) -> bool {
        let start = self.clause_start(range, at);
        at - start <= 1
    }

    fn clause_start(&self, range: TokenSpan, at: usize) -> usize {
        (range.start..=at)
            .rev()
            .find(|&i| i == range.start || self.tokens.tokens[i].barrier_before)
            .unwrap_or(range.start)
    }

    fn clause_end(&self, range: TokenSpan, at: usize) -> usize {
        (at + 1..range.end)
            .find(|&i| self.tokens.tokens[i].barrier_before)
            .unwrap_or(range.end)
    }

    /// Where the content of a statement starting at `at` ends before the sentence does: a
    /// quotation at its closing mark, a clause at an English aside that describes the
    /// act or its circumstances (", without naming X", ", with fighting still going on"),
    /// or at a contrasting clause after a comma (", while X condemned it", `، بينما`).
    fn content_end(&self, range: TokenSpan, at: usize) -> Option<usize> {
        if at >= range.end {
            return None;
        }
        let t = &self.tokens.tokens;
        // The quotation opens right there or after a colon a few words on, past whom it
        // was told to (`لـ«رويترز»: «…»`).
        let opens = |k: usize| {
            let gap = self.gap_before(k);
            gap.contains('"') && (k == at || gap.contains(':'))
        };
        if let Some(open) = (at..(at + 4).min(range.end)).find(|&k| opens(k)) {
            return (open + 1..range.end)
                .find(|&k| t[k].barrier_before && self.gap_before(k).trim_start().starts_with('"'));
        }
        // ", with heavy fighting ongoing": an absolute phrase, its participle a few words on
        // (with no quotation of the speaker's in it: ", with the force having “full control”").
        let absolute = |k: usize| {
            let participle = (k + 1..(k + 6).min(range.end))
                .take_while(|&j| !t[j].barrier_before)
                .any(|j| self.word(j).ends_with("ing") || self.word(j) == "underway");
            participle && !(k + 1..range.end).any(|j| self.gap_before(j).contains(['"', '“', '”', '«', '»']))
        };
        // ", while others condemned it", `، بينما نفت قسد`: a contrasting clause is beside
        // the statement, not in it.
        let unquoted = |k: usize| !(k + 1..range.end).any(|j| self.gap_before(j).contains(['"', '“', '”', '«', '»']));
        let aside = |k: usize| match self.word(k) {
            "without" => k + 1 < range.end && self.word(k + 1).ends_with("ing"),
            "with" => absolute(k),
            "while" | "whereas" | "بينما" => k + 1 < range.end && unquoted(k),
            _ => false,
        };
        (at + 1..range.end).find(|&k| t[k].barrier_before && aside(k))
    }

    /// Whether a subordinating word of time, contrast or concession stands a few words
    /// before `at` in its clause ("after an army officer said", "as Moscow denies",
    /// `قبل أن تعلن الوزارة`, `بينما قالت الوزارة`): a statement in such a clause is not part
    /// of what the sentence's speaker says, but one beside it. Before a statement noun
    /// (`noun`) the bare preposition does it too: `بعد إعلان X`, "after X's statement".
    fn subordinated(&self, range: TokenSpan, at: usize, noun: bool) -> bool {
        let t = &self.tokens.tokens;
        let mut k = at;
        while k > range.start && at - k < SUBORDINATE_REACH && !t[k].barrier_before {
            k -= 1;
            let w = self.word(k);
            let before = if k > range.start && !t[k].barrier_before {
                self.word(k - 1)
            } else {
                ""
            };
            match w {
                "after" | "before" | "while" | "whereas" | "although" | "though" | "when" | "as" | "since"
                | "بينما" | "فيما" | "حين" | "حينما" | "عندما" | "ريثما" => return true,
                "following" | "بعد" | "قبل" | "عقب" if noun => return true,
                "ان" if matches!(before, "بعد" | "قبل" | "منذ") => return true,
                "that" | "ان" | "بان" | "انه" | "انها" => return false,
                _ => {}
            }
        }
        false
    }

    /// The clause a clause-scoped cue or marker governs: its own, or the one before
    /// when it stands alone at the end (`…، وفق زعم أنقرة.`).
    fn clause_target(&self, range: TokenSpan, hit: &Hit) -> TokenSpan {
        let start = self.clause_start(range, hit.tokens.start);
        let end = self.clause_end(range, hit.tokens.start);
        let alone = start == hit.tokens.start && end <= hit.tokens.end + 2 && end == range.end;
        if alone && start > range.start {
            TokenSpan::new(self.clause_start(range, start - 1), start)
        } else {
            TokenSpan::new(start, end)
        }
    }

    /// `عن` + a source right after a subject: the subject relays that source.
    fn relayed_after(&mut self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<usize> {
        // Past the words that name a source noun no lexicon lists (`وكالة الأنباء
        // الألمانية عن`): a few, none a particle or a cue.
        let named = |k: usize| self.unclaimed(parts, k) && !self.tokens.tokens[k].barrier_before;
        let word = |k: usize| &self.tokens.text[self.tokens.tokens[k].tt.range()];
        let mut at = at;
        while at < range.end.min(at + MAX_NAME_AFTER_NOUN) && word(at) != "عن" && named(at) {
            at += 1;
        }
        if at >= range.end || self.tokens.tokens[at].barrier_before || word(at) != "عن" {
            return None;
        }
        let np = self.np_after_within(parts, range, at + 1, 1, false)?;
        self.resolve(&np)
    }

    /// A known news source with the preposition ل right after a speaker's phrase (a comma
    /// between at most), or its name right after the noun that carries the ل: whom the
    /// speaker told (`قال X لوكالة الأنباء`, `لـ«فرانس برس»`). Not the publishing outlet.
    fn told_agency_after(&mut self, parts: &Parts<'_>, at: usize) -> Option<(usize, NormSpan)> {
        // Past a word or two that describe the speaker (`مصدر محلي مطلع لـ`).
        let c = parts
            .candidates
            .iter()
            .filter(|c| {
                c.tokens.start == at
                    || c.tokens.start > at
                        && c.tokens.start <= at + 2
                        && (at + 1..c.tokens.start).all(|k| !self.listed(k))
            })
            .find(|c| self.addressee(parts, c))?;
        let np = np_of(c);
        if self.is_outlet(&np) {
            return None;
        }
        let span = self.tokens.norm_of(np.tokens);
        self.resolve(&np).map(|e| (e, span))
    }

    /// Whether one source says all of sentence `index`: its segments share one chain
    /// that is not the outlet's.
    fn wholly_said(&self, index: usize) -> bool {
        let mut segments = self.out.segments.iter().rev().skip_while(|g| g.sentence > index);
        let Some(last) = segments.next().filter(|g| g.sentence == index && !g.chain.is_empty()) else {
            return false;
        };
        segments
            .take_while(|g| g.sentence == index)
            .all(|g| g.chain == last.chain)
    }

    /// Whether a source is a title noun with no name (`مسؤول`, "a spokesman"): known only
    /// through whoever reports it, and speaking for the body it serves.
    fn nameless_title(&self, e: usize) -> bool {
        self.out.sources[e].key.starts_with("title:")
    }

    /// An agency a nameless title told something relays all it says: "the official"
    /// later in the article is the same interview. A named speaker may speak elsewhere
    /// too, so the agency relays only the statement it was told.
    fn relay_nameless(&mut self, e: usize, relay: usize) {
        if self.nameless_title(e) && self.out.sources[e].via.is_none() && !self.path(relay).contains(&e) {
            self.out.sources[e].via = Some(relay);
        }
    }

    /// Whether a source phrase names the publishing outlet itself.
    fn is_outlet(&self, np: &Np) -> bool {
        if self.outlet.names.is_empty() {
            return false;
        }
        let end = (np.tokens.end + 2).min(self.tokens.tokens.len());
        let words = self.tokens.words(TokenSpan::new(np.tokens.start, end));
        let own = self.tokens.words(np.tokens);
        // Spaces aside: "Kurdistan 24" names "Kurdistan24" (compacted only for such a name).
        let compact = |s: &str| s.replace(' ', "");
        self.outlet.names.iter().any(|n| {
            // The name starts inside the phrase and may run on past it (the phrase
            // "Levant" of "Levant Monitor"); one after it names someone else ("an
            // official told SANA"). "The Independent" is named "Independent" in its own
            // text ("told The Independent"); without its article the name must be the
            // whole phrase.
            words
                .match_indices(n.as_str())
                .any(|(at, _)| at < own.len() && (at == 0 || words.as_bytes()[at - 1] == b' '))
                || n.strip_prefix("the ").is_some_and(|bare| own == bare)
                || n.contains(|c: char| c.is_ascii_digit())
                    && compact(words)
                        .find(&compact(n))
                        .is_some_and(|at| at < compact(own).len())
        })
    }

    fn speaker(&mut self, e: usize, span: NormSpan) {
        let tick = self.speakers.last_key_value().map_or(0, |(&t, _)| t + 1);
        if let Some(before) = self.spoke_at.insert(e, tick) {
            self.speakers.remove(&before);
        }
        self.speakers.insert(tick, e);
        self.add_cue(e, span);
    }

    /// Adds a cue to entity `e` unless it overlaps one it has. The cues kept never
    /// overlap, so sorted by start their ends are sorted too: only the last cue starting
    /// before `span` ends can overlap it.
    fn add_cue(&mut self, e: usize, span: NormSpan) {
        if self.cue_spans.len() <= e {
            self.cue_spans.resize_with(e + 1, BTreeSet::new);
        }
        let spans = &mut self.cue_spans[e];
        let before = spans.range(..(span.end, 0)).next_back();
        if before.is_none_or(|&(_, end)| end <= span.start) {
            spans.insert((span.start, span.end));
            self.out.sources[e].cues.push(span);
        }
    }

    /// An entity's chain on its own: the sources that relay it, outermost first.
    fn path(&self, e: usize) -> Vec<usize> {
        let mut chain = vec![e];
        let mut at = e;
        while let Some(v) = self.out.sources[at].via {
            if chain.contains(&v) || chain.len() > 8 {
                break;
            }
            chain.insert(0, v);
            at = v;
        }
        chain
    }

    /// Cuts a sentence into segments from its attribution points and overrides, added to
    /// the article's.
    #[allow(clippy::too_many_arguments)]
    fn tile(
        &mut self,
        index: usize,
        norm: NormSpan,
        range: TokenSpan,
        base: &Attr,
        mut points: Vec<(usize, Attr)>,
        overrides: Vec<(TokenSpan, Override)>,
        sentence_attr: Option<Attr>,
        wraps: bool,
    ) {
        points.sort_by_key(|p| p.0);
        // Buffers reused from sentence to sentence.
        let mut bounds = std::mem::take(&mut self.bounds);
        let mut pieces = std::mem::take(&mut self.pieces);
        bounds.clear();
        pieces.clear();
        bounds.extend(points.iter().map(|p| p.0));
        for (r, _) in &overrides {
            bounds.push(r.start);
            bounds.push(r.end);
        }
        bounds.push(range.start);
        bounds.retain(|&b| b >= range.start && b < range.end);
        bounds.sort_unstable();
        bounds.dedup();
        if bounds.is_empty() {
            bounds.push(range.start);
        }
        for (k, &start) in bounds.iter().enumerate() {
            let end = bounds.get(k + 1).copied().unwrap_or(range.end);
            let mut attr = points
                .iter()
                .rev()
                .find(|p| p.0 <= start)
                .map_or_else(|| base.clone(), |p| p.1.clone());
            if let Some(s) = &sentence_attr
                && wraps
                && attr.chain != base.chain
                && !attr.chain.starts_with(&s.chain)
            {
                // "X said …, according to Reuters": Reuters relays X, in place of any
                // news outlet X was found to speak through elsewhere.
                let own = attr
                    .chain
                    .iter()
                    .position(|&e| !self.out.sources[e].kind.ends_with("media"))
                    .unwrap_or(0);
                // "The council confirmed …, according to what an official told Reuters": a nameless
                // official speaks for the body whose statement it wraps, not about it.
                let member = s.chain.last().is_some_and(|&m| self.nameless_title(m))
                    && attr
                        .chain
                        .last()
                        .is_some_and(|&o| !self.out.sources[o].key.starts_with("person:") && !self.nameless_title(o));
                attr.chain = if member {
                    s.chain.clone()
                } else {
                    extend(&s.chain, &attr.chain[own..])
                };
                attr.rules.extend(s.rules.iter().cloned());
            } else if let Some(s) = &sentence_attr
                && attr.chain == base.chain
            {
                let (polarity, stance) = (attr.polarity, attr.stance);
                attr = s.clone();
                if polarity == Polarity::Denies {
                    attr.polarity = polarity;
                }
                if stance != Stance::Plain {
                    attr.stance = stance;
                }
            }
            for (r, o) in &overrides {
                if r.start <= start && end <= r.end && start < end {
                    match o {
                        Override::Stance(stance, id) => {
                            attr.stance = *stance;
                            attr.rules.push(id.clone());
                        }
                        Override::Attr(a) => attr = a.clone(),
                    }
                }
            }
            match pieces.last() {
                Some((_, prev)) if *prev == attr => {}
                _ => pieces.push((start, attr)),
            }
        }
        // A few words before the first cue of a sentence (`كما`, `وفي السياق ذاته،`)
        // belong with it rather than standing as the outlet's own statement.
        if pieces.len() > 1 && pieces[1].0 - range.start <= LEAD_WORDS && pieces[0].1 == *base {
            let next = pieces.remove(1).1;
            pieces[0].1 = next;
        }
        let t = &self.tokens.tokens;
        let out = &mut self.out.segments;
        let first_segment = out.len();
        for k in 0..pieces.len() {
            let to = pieces
                .get(k + 1)
                .map_or(norm.end, |(next, _)| t[*next].norm.start.min(norm.end));
            // Each piece is read once: its chain and rules move into its segment.
            let (start, attr) = &mut pieces[k];
            let from = if k == 0 {
                norm.start
            } else {
                t[*start].norm.start.max(norm.start)
            };
            if from >= to {
                continue;
            }
            out.push(Segment {
                sentence: index,
                norm: NormSpan::new(from, to),
                chain: std::mem::take(&mut attr.chain),
                polarity: attr.polarity,
                stance: attr.stance,
                rules: std::mem::take(&mut attr.rules),
            });
        }
        if out.len() == first_segment {
            out.push(Segment {
                sentence: index,
                norm,
                chain: base.chain.clone(),
                polarity: base.polarity,
                stance: base.stance,
                rules: base.rules.clone(),
            });
        }
        self.bounds = bounds;
        self.pieces = pieces;
    }
}

impl SourceEntity {
    /// A new entity: no key yet (`entity` gives it one), no relay, named nowhere yet.
    fn new(
        label: String,
        kind: String,
        gender: Option<Gender>,
        classes: Vec<String>,
        names: Arc<[String]>,
        rule: String,
    ) -> SourceEntity {
        SourceEntity {
            key: String::new(),
            label,
            kind,
            gender,
            classes,
            names,
            via: None,
            cues: Vec::new(),
            rule,
        }
    }

    fn label_words(&self) -> String {
        Tokens::new(&normalize(&self.label)).text
    }
}

/// The ids of attribution's own rules, allocated once (segments hold reference counts).
struct Rules {
    /// A cue with no subject refers back to the last speaker of its gender.
    back_reference: Arc<str>,
    /// A participle goes on with the current source.
    continues: Arc<str>,
    /// `نقل X عن Y`: Y, relayed by X.
    relayed: Arc<str>,
    /// A cue inside what a source says nests its source in the chain.
    nested: Arc<str>,
    /// A cue closing the sentence governs what came before it.
    closing_cue: Arc<str>,
    /// A short quoted run no lexicon entry covers is a person's name.
    quoted: Arc<str>,
    /// A run of capitalised Latin words no lexicon entry covers is a person's name.
    capitalised: Arc<str>,
    /// A line's first Arabic words before a colon, which no lexicon entry covers, are
    /// a speaker's name (`زيلينسكي: …`).
    colon_name: Arc<str>,
    /// Two or three Arabic words after a title noun, which no lexicon entry covers, are
    /// the titled person's name (`الصحفي سامر الخطيب`).
    titled: Arc<str>,
    /// A subject phrase no lexicon entry names is a source of its own.
    phrase: Arc<str>,
    /// A line that opens with a source and a colon is that source's.
    colon: Arc<str>,
    /// A sentence that opens by pointing back ("This was reported by X") gives X the one
    /// before.
    points_back: Arc<str>,
}

static RULE: LazyLock<Rules> = LazyLock::new(|| Rules {
    back_reference: Arc::from("ATTR/BACK_REFERENCE"),
    continues: Arc::from("ATTR/CONTINUES"),
    relayed: Arc::from("ATTR/RELAYED"),
    nested: Arc::from("ATTR/NESTED"),
    closing_cue: Arc::from("ATTR/CLOSING_CUE"),
    quoted: Arc::from("NAME/QUOTED"),
    capitalised: Arc::from("NAME/CAPITALISED"),
    colon_name: Arc::from("NAME/COLON"),
    titled: Arc::from("NAME/TITLED"),
    phrase: Arc::from("NAME/PHRASE"),
    colon: Arc::from("ATTR/COLON"),
    points_back: Arc::from("ATTR/POINTS_BACK"),
});

/// At most this many words before a sentence's first cue join its segment.
const LEAD_WORDS: usize = 3;

/// English object pronouns after "told": no relay ("told us": the publishing outlet).
const EN_OBJECT_PRONOUNS: [&str; 5] = ["us", "him", "her", "them", "me"];

/// How many words after a source noun no lexicon lists may name it (`وكالة الأنباء
/// الألمانية`) before what follows the name (`عن`, a relayed source).
const MAX_NAME_AFTER_NOUN: usize = 3;

/// At most this many words between a subordinating word and the cue or subject it
/// governs ("after a regional army press officer said").
const SUBORDINATE_REACH: usize = 6;

#[derive(Debug, Clone)]
enum Override {
    Stance(Stance, Arc<str>),
    Attr(Attr),
}

fn stance_of(role: Role) -> Stance {
    match role {
        Role::Claims => Stance::Distanced,
        Role::Speculates => Stance::Hedged,
        _ => Stance::Plain,
    }
}

fn rank(c: Cand) -> u8 {
    match c {
        Cand::Known(_) => 4,
        Cand::Person { .. } => 3,
        Cand::Actor(_) => 2,
        Cand::Noun { .. } => 1,
        Cand::Phrase => 0,
    }
}

fn c_gender(c: &Candidate) -> Option<Gender> {
    match c.cand {
        Cand::Noun { gender, .. } => gender,
        Cand::Phrase => None,
        _ => Some(Gender::M),
    }
}

fn np_of(c: &Candidate) -> Np {
    Np {
        tokens: c.tokens,
        candidate: c.clone(),
        quantified: false,
    }
}

/// `chain` followed by `path`, without repeating what `chain` already holds.
fn extend(chain: &[usize], path: &[usize]) -> Vec<usize> {
    let mut out = chain.to_vec();
    for &p in path {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The part of `chain` before `e` (all of it when `e` is not in it).
fn prefix_before(chain: &[usize], e: usize) -> Vec<usize> {
    match chain.iter().position(|&c| c == e) {
        Some(i) => chain[..i].to_vec(),
        None => chain.to_vec(),
    }
}

/// The marks that open a quotation, and those that close one.
pub(super) const OPENING_QUOTES: [char; 4] = ['“', '"', '«', '„'];
const CLOSING_QUOTES: [char; 3] = ['”', '"', '»'];

/// Whether a sentence has no closing quotation mark, and when `first`, opens one.
fn open_quotation(text: &str, first: bool) -> bool {
    let text = text.trim();
    let body = match text.strip_prefix(OPENING_QUOTES) {
        Some(body) => body,
        None if first => return false,
        None => text,
    };
    !body.contains(CLOSING_QUOTES)
}

/// Whether a sentence is one quotation: it opens with a quotation mark that closes, if
/// at all, only at its end.
fn whole_quotation(text: &str) -> bool {
    let text = text.trim();
    let Some(open) = text.chars().next().filter(|c| OPENING_QUOTES.contains(c)) else {
        return false;
    };
    let close = match open {
        '“' | '„' => '”',
        '«' => '»',
        _ => '"',
    };
    let body = &text[open.len_utf8()..];
    match body.find(close) {
        None => true,
        Some(at) => body[at + close.len_utf8()..]
            .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
            .is_empty(),
    }
}
