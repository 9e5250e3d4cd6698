//! Claim frames: what each attributed segment says happened.
//!
//! Input: an article's segments ([`crate::attribute::Attribution`]), the matcher's hits
//! and the lexicon's `[[predicate]]` entries. Output: [`Frame`]s, each a predicate with
//! typed arguments (actors, places, numbers), the segment's chain, and a polarity and
//! stance, with the evidence span and the rules that built it.
//!
//! How a frame is read (rules named in `Frame::rules`):
//! - every predicate trigger in a segment opens a frame, except triggers inside the
//!   clause of an embedding predicate (a demand to withdraw is a demand, not a withdrawal;
//!   a trigger after و/ف starts a new one);
//! - agent: after `من قبل`/"by", else the last actor before the trigger in its clause,
//!   else the actor right after it (`انسحاب قوات النظام`); target: an actor after
//!   `على`/`ضد`/`من`/"against"; place: a place after the trigger in the sentence (else
//!   before it in the clause), not one after `إلى`/`نحو`/"to" (the destination); number:
//!   digits or a vague quantity (`عشرات`) after it;
//! - a name shared by places (`المشيرفة`) is resolved by the places' context words in the
//!   sentence, then the line, then the article; when they cannot decide, the place stays
//!   ambiguous and is never guessed;
//! - negation right before the trigger (`لم`, `عدم`, "not") flips the polarity;
//! - a denial with no event of its own ("local sources denied what the pages said")
//!   denies the last event another source reported.
//!
//! Invariants: frames are in text order; a frame's evidence lies inside its segment;
//! extraction never fails.
//!
//! Rule ids are shared, not built per frame: `PRED/…` is the lexicon's
//! ([`crate::lexicon::RuleIds`]), this module's own are allocated once.

use crate::attribute::{Attribution, Segment};
use crate::lexicon::matcher::{Hit, Matches, Table};
use crate::lexicon::schema::{ArgRole, FormList, MarkerKind, ParticleRole, Scope};
use crate::lexicon::{ContextHits, Lexicon};
use crate::model::Polarity;
use crate::normalize::Normalized;
use crate::segment::Segmented;
use crate::span::{NormSpan, TokenSpan};
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

mod adjunct;
mod obligation;
mod phrases;

/// A place argument: one place, or a name several places share that context did not
/// decide.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceArg {
    /// Index into the lexicon's places.
    Known(usize),
    /// Indices of the places the name may be.
    Ambiguous(Vec<usize>),
}

/// The ids of extraction's own rules, allocated once (frames hold reference counts).
struct Rules {
    /// A denial with no event of its own denies the last event another source told.
    denies_previous: Arc<str>,
    /// A place name context could not decide.
    place_ambiguous: Arc<str>,
    /// A hedge or modal marker right before the trigger.
    modal: Arc<str>,
    /// A negation right before the trigger.
    negated: Arc<str>,
}

static RULE: LazyLock<Rules> = LazyLock::new(|| Rules {
    denies_previous: Arc::from("FRAME/DENIES_PREVIOUS"),
    place_ambiguous: Arc::from("PLACE/AMBIGUOUS"),
    modal: Arc::from("FRAME/MODAL"),
    negated: Arc::from("FRAME/NEGATED"),
});

/// How many words may stand between an embedding trigger and its complement.
const EMBED_REACH: usize = 4;

/// How many words may stand between two triggers of one predicate in a clause that name
/// the same event (a verb, its subject, its object noun: `استعادت فصائل المعارضة
/// السيطرة على`).
const SAME_EVENT_REACH: usize = 5;

/// How many words may stand between a modal verb and an event it governs.
const MODAL_REACH: usize = 8;

/// Endings that make an English word a manner adverb, which may stand between a subject
/// and its verb ("they steadily fired", "forces reportedly seized"). Shorter
/// ones (-ly alone) also end nouns: "ally", "rally", "family".
const ADVERB_ENDINGS: [&str; 10] = [
    "ously", "ively", "ently", "antly", "ically", "edly", "fully", "ately", "ingly", "ily",
];

/// A place argument and the tokens that name it.
type Located = (PlaceArg, TokenSpan);

/// One argument of a frame.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Arg {
    /// Index into the lexicon's actors.
    Actor(usize),
    /// A place.
    Place(PlaceArg),
    /// A number as written (`37`, `عشرات`).
    Number(String),
    /// An embedded event: index into the lexicon's predicates.
    Event(usize),
    /// A party or place no lexicon entry names, as the sentence writes it (its
    /// normalised words): carried as written, never mapped to a known one.
    Named(String),
}

/// One argument of a frame: its role, what fills it, and the tokens that say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Argument {
    /// The role it fills.
    pub role: ArgRole,
    /// What fills it.
    pub value: Arg,
    /// The tokens that name it in the article; `None` when it was not read from the text.
    pub tokens: Option<TokenSpan>,
}

impl Argument {
    /// An argument read from the tokens `tokens`.
    fn read(role: ArgRole, value: Arg, tokens: TokenSpan) -> Argument {
        Argument {
            role,
            value,
            tokens: Some(tokens),
        }
    }
}

/// What a segment says happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Index into [`Attribution::segments`].
    pub segment: usize,
    /// Index into the lexicon's predicates.
    pub predicate: usize,
    /// Its arguments by role (at most one per role).
    pub args: Vec<Argument>,
    /// Asserts or denies.
    pub polarity: Polarity,
    /// Whether the event is only possible, intended or future (`قد يسحب`, "would keep
    /// patrolling", "likely to launch"): its claim is kept apart from the event's.
    pub modal: bool,
    /// Whether the sentence does not say the event happened: it is intended, planned,
    /// future or conditional ("would keep patrolling", "if confirmed", `بهدف`), not only
    /// hedged ("likely captured" happened, as its speaker believes).
    pub irrealis: bool,
    /// Normalised evidence span.
    pub norm: NormSpan,
    /// The rules that built it (shared with the lexicon's [`crate::lexicon::RuleIds`]).
    pub rules: Vec<Arc<str>>,
}

impl Frame {
    /// The argument of a role, if any.
    pub fn arg(&self, role: ArgRole) -> Option<&Arg> {
        self.args.iter().find(|a| a.role == role).map(|a| &a.value)
    }
}

/// Extracts the frames of one article.
pub fn extract(
    text: &str,
    norm: &Normalized,
    segments: &Segmented,
    attribution: &Attribution,
    matches: &Matches,
    lexicon: &Lexicon,
) -> Vec<Frame> {
    let reader = Reader {
        lexicon,
        matches,
        text,
        norm,
        ntext: norm.text(),
        segments,
        sources: &attribution.sources,
        scores: RefCell::new(BTreeMap::new()),
        context: OnceCell::new(),
    };
    let mut hits = SentenceHits::default();
    let mut frames: Vec<Frame> = Vec::new();
    // The last frame, and the last one whose segment's chain differs from its: the last
    // frame another source told is one of the two, so a denial finds it without scanning
    // back (an article of ten thousand denials stays linear).
    let chain = |f: &Frame| &attribution.segments[f.segment].chain;
    let mut last: Option<usize> = None;
    let mut last_other: Option<usize> = None;
    let mut tokens = TokenCursor::default();
    for (index, segment) in attribution.segments.iter().enumerate() {
        let before = frames.len();
        let range = tokens.range(&matches.tokens, segment.norm);
        reader.segment(index, segment, range, &mut hits, &mut frames);
        // Whether the denial's own clause says what happened.
        let first_clause_end = reader.first_clause_end(segment, range);
        let own = frames[before..].iter().any(|f| f.norm.start < first_clause_end);
        if !own && segment.polarity == Polarity::Denies {
            // "ونفت مصادر محلية ما جاء على الصفحات": the denial has no event of its own;
            // it denies the last event another source reported.
            // `last` and `last_other` still describe the frames before this segment's
            // (which share its chain, so none of them is the one denied).
            let denied = match last {
                Some(k) if *chain(&frames[k]) != segment.chain => Some(k),
                _ => last_other,
            };
            if let Some(k) = denied {
                let mut f = frames[k].clone();
                f.segment = index;
                f.polarity = Polarity::Denies;
                f.norm = segment.norm;
                // The denied claim's roles key the denial, but this sentence does not
                // state them ("X denied this"): none was read from its text.
                for arg in &mut f.args {
                    arg.tokens = None;
                }
                f.rules.push(RULE.denies_previous.clone());
                frames.push(f);
            }
        }
        for k in before..frames.len() {
            if let Some(l) = last
                && chain(&frames[l]) != chain(&frames[k])
            {
                last_other = Some(l);
            }
            last = Some(k);
        }
    }
    frames
}

/// The tokens of segments met in text order, found by walking on from the last
/// segment's rather than by searching every token for each.
#[derive(Default)]
struct TokenCursor {
    /// The first token of the last span, and where that span started.
    at: usize,
    from: usize,
}

impl TokenCursor {
    /// The tokens of normalised span `norm`, as [`crate::lexicon::matcher::Tokens::at_norm`]
    /// finds them for its ends.
    fn range(&mut self, t: &crate::lexicon::matcher::Tokens, norm: NormSpan) -> TokenSpan {
        if norm.start < self.from {
            // Out of order: searched for.
            self.at = t.at_norm(norm.start);
        }
        self.from = norm.start;
        let after = |k: usize, pos: usize| t.tokens.get(k).is_some_and(|tok| tok.norm.end <= pos);
        while after(self.at, norm.start) {
            self.at += 1;
        }
        let mut end = self.at;
        while after(end, norm.end) {
            end += 1;
        }
        TokenSpan::new(self.at, end)
    }
}

struct Reader<'a> {
    lexicon: &'a Lexicon,
    matches: &'a Matches,
    /// The original text (for capitals, which normalisation lowers).
    text: &'a str,
    norm: &'a Normalized,
    ntext: &'a str,
    segments: &'a Segmented,
    /// The article's source entities (attribution's), for the speaker "we" stands for.
    sources: &'a [crate::attribute::SourceEntity],
    /// Per scope (a normalised span) and place, the place's context score there: the
    /// scopes of [`Reader::resolve_place`] are the same text for every trigger of a
    /// sentence, of a line, of the article, so each is scanned once per place, not once
    /// per ambiguous mention.
    scores: RefCell<BTreeMap<(usize, usize, usize), usize>>,
    /// Where the places' context words occur in the article: found in one pass when
    /// the first ambiguous name needs them.
    context: OnceCell<ContextHits>,
}

/// The hits of the sentence the last segment was in: a sentence's segments share them,
/// so they are sorted out once per sentence, in buffers reused across sentences.
#[derive(Default)]
struct SentenceHits<'a> {
    /// The sentence they belong to.
    sentence: Option<usize>,
    /// Its token range.
    range: TokenSpan,
    /// Every hit inside it (a buffer for sorting them out).
    all: Vec<&'a Hit>,
    /// Its hits, names inside longer names left out, by table: the rules below each look
    /// at one table, so they run through its hits only.
    places: Vec<&'a Hit>,
    actors: Vec<&'a Hit>,
    particles: Vec<&'a Hit>,
    markers: Vec<&'a Hit>,
    predicates: Vec<&'a Hit>,
    /// Nouns for kinds of place ("town", `قرية`).
    place_nouns: Vec<&'a Hit>,
    /// Nouns that after a preposition of place say in what or how (`إطار`, `ظروف`).
    circumstances: Vec<&'a Hit>,
    /// Count words: numerals and what bounds a count ("at least", `نحو`).
    counts: Vec<&'a Hit>,
    /// Words that open an adverbial clause or an adjunct ("after", `وسط`: subordinators
    /// and adjuncts): kept apart from the particles, whose other role (a preposition, a
    /// conjunction) is theirs.
    subordinators: Vec<&'a Hit>,
}

impl<'a> Reader<'a> {
    /// Where the first clause of a segment (its tokens: `range`) ends (normalised offset).
    fn first_clause_end(&self, segment: &Segment, range: TokenSpan) -> usize {
        let t = &self.matches.tokens;
        (range.start + 1..range.end)
            .find(|&k| t.tokens[k].barrier_before)
            .map_or(segment.norm.end, |k| t.tokens[k].norm.start)
    }

    fn word(&self, k: usize) -> &str {
        &self.matches.tokens.text[self.matches.tokens.tokens[k].tt.range()]
    }

    /// Whether an actor's hit names the patron of the noun after it: a hyphen joins it to
    /// the participle of an `allegiance` form ("Turkish-backed fighters", "Iran-aligned
    /// militias": the fighters are the party, and the patron is not them).
    fn patron_of_next(&self, h: &Hit) -> bool {
        self.patron_word(h.tokens.end - 1)
    }

    /// Whether the word at `k` names the patron of the noun after it ("Turkish" in
    /// "Turkish-backed militias"; `patron_of_next`).
    fn patron_word(&self, k: usize) -> bool {
        let t = &self.matches.tokens.tokens;
        let k = k + 1;
        if k >= t.len() || self.ntext[t[k - 1].norm.end..t[k].norm.start].trim() != "-" {
            return false;
        }
        self.lexicon.names.allegiance_participles.contains(self.word(k))
    }

    /// Sorts out the hits of sentence `index` into `cache`, unless they are there.
    fn sentence_hits(&self, index: usize, cache: &mut SentenceHits<'a>) {
        if cache.sentence == Some(index) {
            return;
        }
        let t = &self.matches.tokens;
        let sentence = &self.segments.sentences[index];
        let sentence_range = t.at_norm_span(sentence.norm);
        // Hits are ordered by first token: the sentence's are found by binary search, so
        // an article of many segments costs no more per segment than a short one.
        let matches: &'a Matches = self.matches;
        let hits = &matches.hits;
        let first = hits.partition_point(|h| h.tokens.start < sentence_range.start);
        cache.all.clear();
        cache.all.extend(
            hits[first..]
                .iter()
                .take_while(|h| h.tokens.start <= sentence_range.end)
                .filter(|h| h.tokens.end <= sentence_range.end),
        );
        // An actor or place inside a longer name is part of it: `سوريا` in `قوات سوريا
        // الديمقراطية`, `قسد` in `المركز الإعلامي لقسد`.
        // (An actor inside a known source's name stays: "Turkish officials" speak for Turkey.)
        // Hits are ordered by first token, longest first, so a hit that contains another
        // comes before it.
        let entity = |h: &Hit| matches!(h.entry.table, Table::Actor | Table::Place | Table::Source);
        let inside =
            |h: &Hit, o: &Hit| o.tokens != h.tokens && o.tokens.start <= h.tokens.start && h.tokens.end <= o.tokens.end;
        for list in [
            &mut cache.places,
            &mut cache.actors,
            &mut cache.particles,
            &mut cache.place_nouns,
            &mut cache.circumstances,
            &mut cache.counts,
            &mut cache.subordinators,
            &mut cache.markers,
            &mut cache.predicates,
        ] {
            list.clear();
        }
        for (i, &h) in cache.all.iter().enumerate() {
            let before = &cache.all[..i];
            match h.entry.table {
                Table::Place if !before.iter().any(|o| entity(o) && inside(h, o)) => cache.places.push(h),
                Table::Actor
                    if !before
                        .iter()
                        .any(|o| matches!(o.entry.table, Table::Actor | Table::Place) && inside(h, o)) =>
                {
                    // "Syrian Democratic Forces (SDF)": the bracketed abbreviation is the
                    // same mention as the name before it.
                    let abbreviation = cache.actors.last().is_some_and(|o| {
                        o.entry.index == h.entry.index
                            && o.tokens.end == h.tokens.start
                            && self.ntext[t.tokens[h.tokens.start - 1].norm.end..h.norm.start].contains('(')
                    });
                    if !abbreviation && !self.patron_of_next(h) {
                        cache.actors.push(h)
                    }
                }
                Table::Particle => match self.role(h) {
                    ParticleRole::PlaceNoun | ParticleRole::Settlement => cache.place_nouns.push(h),
                    ParticleRole::Circumstance => cache.circumstances.push(h),
                    // An adjective is a content word: only a phrase's edges read it; so
                    // is a noun of residents, which only places read, and a unit noun,
                    // which only the event word next to it reads.
                    ParticleRole::Modifier
                    | ParticleRole::Residents
                    | ParticleRole::Unsourced
                    | ParticleRole::Prospective
                    | ParticleRole::Unit
                    | ParticleRole::Exception
                    | ParticleRole::Any => {}
                    ParticleRole::Subordinator | ParticleRole::Adjunct => cache.subordinators.push(h),
                    // `الاثنين` is Monday, not two: a time word with its article over the
                    // same words wins.
                    ParticleRole::Numeral | ParticleRole::Approximate
                        if cache.all.iter().any(|o| {
                            o.entry.table == Table::Particle
                                && self.role(o) == ParticleRole::Time
                                && o.tokens.start <= h.tokens.start
                                && h.tokens.end <= o.tokens.end
                                && o.prefix.len > 0
                        }) => {}
                    ParticleRole::Numeral | ParticleRole::Approximate => cache.counts.push(h),
                    // "the east of the province" is a noun phrase, "east of the river" a
                    // preposition.
                    ParticleRole::Locative if self.compass_noun(h) => {}
                    _ => cache.particles.push(h),
                },
                // "may" inside "may have" is that marker's.
                Table::Marker if !before.iter().any(|o| o.entry.table == Table::Marker && inside(h, o)) => {
                    cache.markers.push(h)
                }
                // An event word inside a known name is part of the name (`للتحرير` in
                // `الجبهة الوطنية للتحرير`), and one inside a longer cue is part of the
                // cue ("refused to acknowledge", `رفض الاعتراف`: a denial, no refusal).
                Table::Predicate
                    if !before.iter().any(|o| {
                        matches!(o.entry.table, Table::Actor | Table::Source | Table::Cue) && inside(h, o)
                    }) =>
                {
                    cache.predicates.push(h)
                }
                _ => {}
            }
        }
        cache.range = sentence_range;
        cache.sentence = Some(index);
    }

    /// Reads the frames of a segment (its tokens: `range`).
    fn segment(
        &self,
        index: usize,
        segment: &Segment,
        range: TokenSpan,
        cache: &mut SentenceHits<'a>,
        out: &mut Vec<Frame>,
    ) {
        if range.is_empty() {
            return;
        }
        self.sentence_hits(segment.sentence, cache);
        let sentence_range = cache.range;
        let hits: &SentenceHits<'a> = cache;
        let mut triggers: Vec<&Hit> = hits
            .predicates
            .iter()
            .copied()
            .filter(|h| h.tokens.start >= range.start && h.tokens.end <= range.end)
            .collect();
        // A source withholding its name ("asked not to be named") demands nothing.
        if hits.particles.iter().any(|p| self.role(p) == ParticleRole::Anonymity) {
            triggers.retain(|h| {
                !hits.particles.iter().any(|p| {
                    self.role(p) == ParticleRole::Anonymity
                        && p.tokens.start <= h.tokens.start
                        && h.tokens.end <= p.tokens.end
                })
            });
        }
        // A trigger inside a longer one is part of it (`سيطر على` in `تمكن من السيطرة`).
        let all = triggers.clone();
        triggers.retain(|h| {
            !all.iter()
                .any(|o| o.tokens != h.tokens && o.tokens.start <= h.tokens.start && h.tokens.end <= o.tokens.end)
        });
        triggers.dedup_by(|a, b| a.tokens == b.tokens);
        // Forms of one predicate that overlap or follow each other are one trigger
        // ("regained" + "full control" + "control of").
        let mut merged: Vec<Hit> = Vec::with_capacity(triggers.len());
        for h in triggers {
            match merged.last_mut() {
                Some(last) if last.entry.index == h.entry.index && h.tokens.start <= last.tokens.end => {
                    last.tokens.end = last.tokens.end.max(h.tokens.end);
                    last.norm.end = last.norm.end.max(h.norm.end);
                }
                _ => merged.push(h.clone()),
            }
        }
        // Where the current embedding ends: its clause's end, and the last word of the
        // embedding trigger.
        let mut embedding_until: Option<(usize, usize)> = None;
        // The last frame pushed and its trigger's tokens.
        let mut last_trigger: Option<(usize, TokenSpan)> = None;
        let mut last_agent: Option<(usize, TokenSpan)> = None;
        // The subject of the first event of the last clause that had one.
        let mut clause_subject: Option<(usize, TokenSpan)> = None;
        let mut clause_of_subject: Option<usize> = None;
        let mut previous_trigger: Option<(TokenSpan, usize)> = None;
        for trigger in &merged {
            // The trigger before this one, whatever became of it.
            let prior = previous_trigger.replace((trigger.tokens, trigger.entry.index as usize));
            let p = &self.lexicon.entries.predicates[trigger.entry.index as usize].entry;
            let list = p.form_list(trigger.entry.form as usize);
            let befalls = list == FormList::Befalls;
            // A verb joined by و or ف to the one before shares its subject; a verbal
            // noun so joined (`وفرار مئات السجناء`) has its own, after it.
            let verbal_noun = self.verbal_noun(trigger);
            let joined = trigger.prefix.len > 0 && {
                let w = self.word(trigger.tokens.start);
                w.starts_with('و') || w.starts_with('ف')
            };
            let conjoined = joined && !verbal_noun;
            let conjoined_noun = joined && verbal_noun;
            if let Some((end, near)) = embedding_until {
                embedding_until = None;
                // The complement follows its embedding verb closely (`طلبت من قسد الخروج`,
                // `رفضت قسد تسليم`); an event further on is a claim of its own.
                if trigger.tokens.start < end && trigger.tokens.start <= near + EMBED_REACH && !conjoined {
                    // The embedding frame's content: its complement, not a claim of its own
                    // (an embedding complement embeds in turn: `اتفاق يقضي بانسحاب`).
                    if p.embeds {
                        embedding_until = Some((end, trigger.tokens.end));
                    } else if let Some(f) = out.last_mut()
                        && f.segment == index
                        && f.arg(ArgRole::Complement).is_none()
                    {
                        f.args.push(Argument {
                            role: ArgRole::Complement,
                            value: Arg::Event(trigger.entry.index as usize),
                            tokens: Some(trigger.tokens),
                        });
                        // "Repelled an attack", `صدت الهجوم`: an act done to an event
                        // acts on the words that name it.
                        let embedder = &self.lexicon.entries.predicates[f.predicate].entry;
                        // A target read after the event noun is the event's own (`صدوا
                        // هجوما لقوات النظام`: whose attack), not what was repelled.
                        if embedder.acts_on {
                            f.args.retain(|a| {
                                a.role != ArgRole::Target || a.tokens.is_none_or(|s| s.start < trigger.tokens.start)
                            });
                        }
                        if embedder.acts_on && f.arg(ArgRole::Target).is_none() {
                            let mut named = trigger.tokens;
                            while named.start > range.start && self.opens_phrase(hits, named.start - 1) {
                                named.start -= 1;
                            }
                            f.args
                                .push(Argument::read(ArgRole::Target, Arg::Named(self.words(named)), named));
                            let t = &self.matches.tokens;
                            f.norm.end = f.norm.end.max(t.norm_of(named).end);
                        }
                        // A demand to withdraw from X, a refusal to hand over X: with no
                        // place of its own, the act's place is where its content would
                        // happen.
                        if f.arg(ArgRole::Place).is_none()
                            && let Some(place) = self.content_place(hits, sentence_range, trigger, segment.sentence)
                        {
                            f.args.push(place);
                        }
                    }
                    continue;
                }
            }
            let clause = self.clause(sentence_range, trigger.tokens.start);
            // "Families fled": who moved of themselves did it; "were displaced": it was
            // done to them, and so it was when a causal verb before it says someone made
            // them ("the shelling led to the flight of thousands").
            let caused = || {
                hits.particles.iter().any(|h| {
                    self.role(h) == ParticleRole::Causal
                        && h.tokens.start >= clause.start
                        && h.tokens.end <= trigger.tokens.start
                })
            };
            let moves = p.undergoer && list == FormList::Moves && !caused();
            // "Entered the town", "reached the highway": where they went is the place.
            let enters = list == FormList::Enters;
            let undergoer = p.undergoer && !moves;
            // Who moves of themselves acts on nothing: what follows is where they left
            // or where they went.
            let acts_on = p.acts_on && !moves && !enters;
            if self.presupposed(hits, clause, trigger) || self.names_unit(hits, trigger) {
                continue;
            }
            // "The council should free them": the speaker's demand, the act its content.
            if list == FormList::Obliges {
                if let Some((args, cover)) = self.obligation(hits, clause, trigger, segment) {
                    embedding_until = Some((clause.end, trigger.tokens.end));
                    last_trigger = Some((out.len(), trigger.tokens));
                    out.push(Frame {
                        segment: index,
                        predicate: trigger.entry.index as usize,
                        args,
                        polarity: segment.polarity,
                        modal: false,
                        irrealis: p.prospective,
                        norm: self.evidence(range, cover),
                        rules: vec![self.lexicon.rule_ids.predicates[trigger.entry.index as usize].clone()],
                    });
                }
                continue;
            }
            if p.embeds {
                embedding_until = Some((clause.end, trigger.tokens.end));
            }
            // "The operation that Turkey threatens", `الانسحاب الذي تطالب به`: an event noun
            // a relative clause of an embedding verb describes is that verb's content, not
            // an event of its own.
            let content = match prior {
                Some((before, event)) if p.embeds => {
                    let k = self.past_auxiliaries(hits, trigger.tokens.start, clause.start);
                    // The relative word after the noun and its adjectives, and before the
                    // verb past an English subject ("the offensive that Turkey threatened").
                    let relative = hits.particles.iter().find(|h| {
                        (self.role(h) == ParticleRole::Relative || self.word(h.tokens.start) == "that")
                            && h.tokens.start >= before.end
                            && h.tokens.start - before.end <= 2
                            && h.tokens.end <= k
                            && k - h.tokens.end <= 3
                    });
                    let content = relative
                        .filter(|h| !(before.end + 1..=k.max(h.tokens.end)).any(|j| self.cut_before(j)))
                        .map(|_| (event, before));
                    // Its frame, if it made one, is no claim of its own.
                    if content.is_some()
                        && let Some((i, tokens)) = last_trigger
                        && tokens == before
                        && i + 1 == out.len()
                        && out[i].segment == index
                    {
                        out.pop();
                    }
                    content
                }
                _ => None,
            };
            let mut rules = vec![self.lexicon.rule_ids.predicates[trigger.entry.index as usize].clone()];
            let mut args = Vec::new();
            if let Some((event, tokens)) = content {
                args.push(Argument {
                    role: ArgRole::Complement,
                    value: Arg::Event(event),
                    tokens: Some(tokens),
                });
            }
            // The tokens the evidence covers: the trigger's and its arguments' in its clause.
            let mut spans: TokenSpan = trigger.tokens;
            let mut cover = |span: TokenSpan| {
                spans.start = spans.start.min(span.start);
                spans.end = spans.end.max(span.end);
            };
            // A verb joined by و to the one before shares its subject (`ورفضت قسد …
            // ووافقت على …`).
            let clause_conjoined = self.word(clause.start).starts_with('و') && clause.start > sentence_range.start;
            // "Clashes between A and B", "A and B clashed": the first named is the agent,
            // the other the target.
            let parties = (p.label.contains("{target}") && !acts_on)
                .then(|| self.between(hits, clause, trigger))
                .flatten()
                .or_else(|| {
                    p.mutual
                        .then(|| self.conjoined_subject(hits, clause, trigger))
                        .flatten()
                });
            let both_sides = (parties.is_none() && p.mutual)
                .then(|| self.between_both(hits, clause, trigger))
                .flatten();
            // "The forces who stormed the town": the noun the relative clause hangs on.
            let trigger_latin = self.word(trigger.tokens.start).is_ascii();
            let relative = parties
                .is_none()
                .then(|| self.relative_head(hits, clause, trigger))
                .flatten();
            // What follows the trigger is its object: by the predicate, or as the genitive
            // of a transitive verbal noun (`تحرير المدينة`).
            let object_after = p.object_after || (acts_on && !undergoer && self.genitive_object(hits, clause, trigger));
            // An undefined Arabic verbal noun followed by its genitive, its subject there
            // (the escape of hundreds; for an undergoer, the genitive is who suffered it).
            let own_genitive = !object_after
                && !undergoer
                && !trigger_latin
                && self.verbal_noun(trigger)
                && !self.word(trigger.tokens.start).starts_with("ال")
                && !trigger.prefix.definite
                && !self.is_particle(hits, trigger.tokens.end - 1)
                && self.genitive_after(hits, clause, trigger);
            // "Turkey's offensive", "the jihadists' operation": who owns the act did it.
            let owner = (parties.is_none() && relative.is_none())
                .then(|| {
                    self.possessor(hits, clause, trigger)
                        .or_else(|| self.resumed_doer(hits, clause, trigger))
                        .or_else(|| {
                            // "the withdrawal of the militia", "the escape of dozens of
                            // prisoners": an English noun's genitive is its doer unless the
                            // act is done to something ("the capture of the town").
                            // A noun after its determiner; "pulled out of" is a verb.
                            let determined = trigger.tokens.start > clause.start
                                && matches!(
                                    self.word(trigger.tokens.start - 1),
                                    "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her" | "our"
                                );
                            (trigger_latin
                                && determined
                                && !acts_on
                                && !p.doer_after
                                && self.word(trigger.tokens.end.min(clause.end - 1)) == "of")
                                .then(|| self.phrase_at(hits, trigger.tokens.end + 1, clause))
                                .flatten()
                        })
                })
                .flatten();
            // "Russian shelling", `القصف الروسي`: a country's adjective names the doer.
            let demonym = (parties.is_none() && relative.is_none() && owner.is_none())
                .then(|| self.demonym_agent(hits, clause, trigger))
                .flatten();
            let agent = match (parties, conjoined, &last_agent) {
                (Some((first, _)), ..) => self.known_party(hits, first),
                (None, _, _) if relative.is_some() => relative.and_then(|head| self.known_party(hits, head)),
                (None, _, _) if owner.is_some() => owner.and_then(|o| self.known_party(hits, o)),
                (None, _, _) if demonym.is_some() => demonym,
                (None, true, Some(a)) => Some(*a),
                // A clause opened by و (`، وقامت بزيادة التحصينات`) goes on with the
                // subject before it.
                _ => self
                    .agent(hits, clause, trigger, (object_after, acts_on), own_genitive)
                    .or(clause_subject.filter(|_| clause_conjoined && !conjoined_noun)),
            };
            // "Entered the town amid heavy shelling": an event noun an adjunct heads is not
            // said to be done by a party of the main clause, unless it is mutual and its
            // other side is named ("after clashes with the army": the subject clashed).
            let adjunct = self
                .adjunct_opener(hits, clause, trigger)
                .filter(|_| !(p.mutual && self.partner(hits, clause, trigger).is_some()));
            let outside = |span: TokenSpan| adjunct.is_some_and(|k| span.end <= k);
            let agent = agent.filter(|(_, span)| !outside(*span));
            // `سيطرنا`, `تقدمنا`: an Arabic first-person verb (at its clause's head or after a
            // particle; `أعاق تقدمنا`, "hindered our advance", is a noun whose own word says
            // whose) carries its subject: "we", the speaker.
            let first_person_verb = !trigger_latin
                && trigger.inflection.first_person()
                && (trigger.tokens.start == clause.start || self.is_particle(hits, trigger.tokens.start - 1));
            // Who did it, when no known party says: the words the sentence names them with.
            let named_agent = match (agent, parties) {
                (Some(_), _) => None,
                (None, Some((first, _))) => Some(first),
                // `تقدمنا نحو القرية`: no phrase after it is its doer.
                (None, None) if first_person_verb => None,
                (None, None) => relative
                    .or(owner)
                    .or(both_sides)
                    .or_else(|| self.agent_phrase(hits, clause, trigger, object_after, acts_on))
                    .or_else(|| {
                        (!undergoer && (trigger_latin || self.verbal_noun(trigger)))
                            .then(|| self.cue_subject(hits, clause, trigger))
                            .flatten()
                    }),
            };
            // A phrase that holds the trigger itself (`تنفيذاً لاتفاق` of the agreement) is
            // no doer of it.
            let named_agent = named_agent.filter(|span| !outside(*span) && !span.overlaps(trigger.tokens));
            // `القرية الواقعة شرق النهر قصفت`: a place before an Arabic verb that acts on
            // something is what it was done to (a passive the script leaves unmarked), for
            // a place does not besiege or shell.
            let fronted_place = named_agent.filter(|span| {
                !trigger_latin
                    && acts_on
                    && span.end <= trigger.tokens.start
                    && hits
                        .place_nouns
                        .iter()
                        .chain(hits.places.iter())
                        .any(|h| h.tokens.start == span.start)
            });
            let named_agent = named_agent.filter(|_| fronted_place.is_none());
            if let Some(span) = named_agent {
                args.push(Argument::read(ArgRole::Agent, Arg::Named(self.words(span)), span));
                if span.start >= clause.start {
                    cover(span);
                }
            }
            // "Withdrew after shelling the town", "…, killing four soldiers": an English -ing
            // adjunct with no subject of its own has the doer of the main clause's event.
            let controlled = (agent.is_none()
                && named_agent.is_none()
                && parties.is_none()
                && self.ing_adjunct(hits, clause, trigger))
            .then(|| {
                out.iter().rev().take_while(|f| f.segment == index).find_map(|f| {
                    f.args
                        .iter()
                        .find(|a| a.role == ArgRole::Agent && a.tokens.is_some_and(|t| t.end <= trigger.tokens.start))
                        .cloned()
                })
            })
            .flatten();
            let controlled_span = controlled.as_ref().and_then(|a| a.tokens);
            let named_agent = named_agent.or(controlled_span);
            args.extend(controlled);
            // `تقدمنا`, `سيطرنا`: "we" did it, and the word itself says so.
            // `سيطرتها على`, `انسحابهم`: a verbal noun's possessive is its doer (not when
            // it may be what was acted on: `تحريرها`).
            let possessor = !trigger_latin
                && !undergoer
                && ((trigger.inflection.pronoun() && self.verbal_noun(trigger))
                    || (self.possessed(trigger.tokens.start)
                        && trigger.tokens.start > clause.start
                        && self.is_particle(hits, trigger.tokens.start - 1)))
                && (!acts_on
                    || matches!(
                        self.word(trigger.tokens.end.min(clause.end.saturating_sub(1))),
                        "علي" | "ضد"
                    )
                    || matches!(self.word(trigger.tokens.end - 1), "علي" | "ضد"));
            // "We" is named where the speaker is.
            let we = (first_person_verb && named_agent.is_none() && agent.is_none() && parties.is_none())
                .then(|| self.speaker_named(segment, trigger))
                .flatten();
            if let Some((label, span)) = &we {
                args.push(Argument::read(ArgRole::Agent, Arg::Named(label.clone()), *span));
            }
            let named_agent = named_agent.or(we.map(|(_, span)| span)).or_else(|| {
                (agent.is_none() && parties.is_none() && (trigger.inflection.first_person() || possessor))
                    .then_some(TokenSpan::new(trigger.tokens.start, trigger.tokens.start + 1))
            });
            if agent.is_none()
                && let Some(span) = named_agent
                && !args.iter().any(|a| a.role == ArgRole::Agent)
            {
                args.push(Argument::read(ArgRole::Agent, Arg::Named(self.words(span)), span));
            }
            let agent_span = agent.map(|(_, span)| span).or(named_agent);
            if let Some((a, span)) = agent {
                args.push(Argument::read(ArgRole::Agent, Arg::Actor(a), span));
                if span.start >= clause.start {
                    cover(span);
                }
                // A noun after a preposition (`تجاهل روسيا لهجمات الجيش`) holds no subject
                // of its clause, nor one a verb joined after it shares.
                if !self.is_preposition_word(trigger.tokens.start) {
                    if clause_of_subject != Some(clause.start) {
                        clause_subject = Some((a, span));
                        clause_of_subject = Some(clause.start);
                    }
                    last_agent = Some((a, span));
                }
            }
            // "The guards faced attacks", `تعرضت القوات لهجوم`: who suffered it, whatever
            // follows the event.
            // "The checkpoint came under attack": read as the verb's subject, it is no doer.
            let sufferer = self.verb_subject(hits, clause, trigger, ParticleRole::SufferVerb);
            if let Some(span) = sufferer {
                args.retain(|a| !(a.role == ArgRole::Agent && a.tokens == Some(span)));
            }
            let sufferer = sufferer.filter(|span| !args.iter().any(|a| a.tokens == Some(*span)));
            let party = |span: TokenSpan| match self.known_party(hits, span) {
                Some((a, s)) => Argument::read(ArgRole::Target, Arg::Actor(a), s),
                None => Argument::read(ArgRole::Target, Arg::Named(self.words(span)), span),
            };
            let mut target = match (parties, sufferer) {
                (Some((_, second)), _) => Some(party(second)),
                (None, Some(span)) => Some(party(span)),
                // "the army backed by jets": whom it was done to, known or not.
                (None, None) => match (!acts_on && trigger_latin)
                    .then(|| self.participle_head(hits, clause, trigger))
                    .flatten()
                {
                    Some(head) => Some(party(head)),
                    None => self
                        .target(hits, clause, trigger, p.object_after, p.mutual)
                        .map(|(a, span)| Argument::read(ArgRole::Target, Arg::Actor(a), span)),
                },
            };
            if target.is_none()
                && let Some(span) = fronted_place
            {
                target = Some(party(span));
                cover(span);
            }
            // `اتهمت قسد تركيا بـ…`: an Arabic verb that takes its object after it names its
            // subject first (VSO), unless a subject stands before it.
            let subject_before = args
                .iter()
                .any(|a| a.role == ArgRole::Agent && a.tokens.is_some_and(|s| s.end <= trigger.tokens.start));
            if !trigger_latin
                && p.object_after
                && !subject_before
                && let Some(subject) = self.vso_subject(hits, clause, trigger)
            {
                args.retain(|a| a.role != ArgRole::Agent);
                args.push(Argument::read(ArgRole::Agent, self.party(hits, subject), subject));
                cover(subject);
                target = (subject.end < clause.end && !self.cut_before(subject.end))
                    .then(|| self.phrase_at(hits, subject.end, clause))
                    .flatten()
                    .filter(|o| !self.word(o.start).starts_with('ب'))
                    .map(party);
            }
            let (place, destination) = if p.subject_place {
                (
                    self.subject_place(&hits.places, sentence_range, clause, trigger, segment.sentence),
                    None,
                )
            } else {
                self.places(hits, sentence_range, clause, trigger, segment.sentence)
            };
            let (mut place, mut destination) = match (place, destination) {
                (None, Some(goal)) if p.goal => (Some(goal), None),
                other => other,
            };
            // "Clashed with the village guards", `اتفاق مع دمشق`: a mutual act's other
            // side, known or not, and no place.
            if p.mutual
                && target.is_none()
                && let Some(other) = self.partner(hits, clause, trigger)
            {
                place.take_if(|(_, span)| other.start <= span.start && span.end <= other.end);
                target = Some(Argument::read(ArgRole::Target, self.party(hits, other), other));
            }
            // "Accepted the ceasefire", `رفضت المقترح`: what an embedding act takes that
            // names no event is what it was about, or whom for a verb that takes its object
            // after it ("accused the government"; a demand's target is whom it is made of,
            // not what is demanded).
            // `طالبت المنظمة الفصائل بالسماح`, `دعا المجلس الكتيبة إلى الانسحاب`, `حثت
            // الوزارة الأطراف على وقف القتال`: an Arabic object with the content after it
            // on ب, إلى or على is whom the demand is made of.
            // So is an English object with its infinitive after it ("urged the council to
            // act").
            let addressee = |object: TokenSpan| {
                object.end + 1 < clause.end
                    && !self.cut_before(object.end)
                    && match trigger_latin {
                        true => self.word(object.end) == "to",
                        false => {
                            (self.attached(hits, object.end, "ب") && !self.is_particle(hits, object.end))
                                || matches!(self.word(object.end), "الي" | "علي")
                        }
                    }
            };
            // An object that names no event and, for an embedding act, no place.
            let names_no_event = |object: TokenSpan| {
                !hits
                    .predicates
                    .iter()
                    .any(|h| object.start <= h.tokens.start && h.tokens.start < object.end)
            };
            // A verb that takes its object after it (support) takes a noun object that no
            // lexicon names as its target too ("supported the river brigade"); its noun's
            // genitive may name the doer ("the coalition's support", `إسناد التحالف`).
            if (p.embeds || (p.object_after && !self.nominal(hits, trigger) && !self.verbal_noun(trigger)))
                && target.is_none()
                && let Some(object) = self.object(hits, clause, trigger, agent_span)
                && (p.mutual || p.object_after || !p.label.contains("{target}") || addressee(object))
                && object.start >= trigger.tokens.end
                && names_no_event(object)
                && (!p.embeds || !self.place_like(hits, object))
                && !args.iter().any(|a| a.tokens.is_some_and(|t| t.overlaps(object)))
            {
                // "the government of violating": the "of" belongs to what follows.
                let object = match object.end - 1 {
                    last if last > object.start && self.word(last) == "of" => TokenSpan::new(object.start, last),
                    _ => object,
                };
                target = Some(Argument::read(ArgRole::Target, self.party(hits, object), object));
            }
            // The same past the subject right after the Arabic verb (VSO), where the
            // object's preposition would otherwise be read as the verb's.
            if p.embeds
                && target.is_none()
                && !trigger_latin
                && let Some(subject) = agent_span.filter(|a| a.start == trigger.tokens.end)
                && let Some(object) = (subject.end < clause.end && !self.cut_before(subject.end))
                    .then(|| self.phrase_at(hits, subject.end, clause))
                    .flatten()
                && addressee(object)
                && !self.place_like(hits, object)
                && names_no_event(object)
            {
                target = Some(Argument::read(ArgRole::Target, self.party(hits, object), object));
            }
            // What the act is done to: the phrase right after the trigger (or after
            // على/ضد/"on"/"against"), a known place or party in it, else its words.
            // After a sufferer, where it stood may come before the event (`تعرضت مواقع
            // الجيش في القرية لقصف`).
            let mut place_from = match sufferer {
                Some(span) => span.end,
                None => self.past_modifiers(hits, self.past_name(trigger, clause), clause),
            };
            if acts_on
                && sufferer.is_none()
                && let Some(object) = self.object(hits, clause, trigger, agent_span)
            {
                let known_place = place.take_if(|(_, span)| object.start <= span.start && span.end <= object.end);
                let actor = target
                    .as_ref()
                    .and_then(|t| t.tokens)
                    .is_some_and(|t| object.start <= t.start && t.end <= object.end);
                let antecedent = || {
                    let (h, pl) = self.antecedent_place(object, trigger, segment.sentence)?;
                    Some(Argument::read(ArgRole::Target, Arg::Place(pl), h.tokens))
                };
                target = match known_place {
                    Some((pl, _)) => Some(Argument::read(ArgRole::Target, Arg::Place(pl), object)),
                    None if actor => target,
                    None => antecedent()
                        .or_else(|| Some(Argument::read(ArgRole::Target, Arg::Named(self.words(object)), object))),
                };
                place_from = object.end;
            }
            // "X is under the control of Y": Y holds X.
            if acts_on
                && sufferer.is_none()
                && let Some((holder, held)) = self.held_by(hits, clause, trigger)
            {
                args.retain(|a| a.role != ArgRole::Agent);
                if let Some(span) = holder {
                    args.push(Argument::read(ArgRole::Agent, self.party(hits, span), span));
                    cover(span);
                    place_from = place_from.max(span.end);
                }
                target = held.map(|span| self.place_or_words(&mut place, span));
            }
            // Who suffered an undergoer, counted: an English count right before it ("left
            // more than 40 dead", "12 civilians killed"; what left them dead is no doer),
            // else, with no one else named, the count after it ("the toll rose to 40
            // people", `ارتفعت حصيلة القتلى إلى 40 شخصا`).
            let counted = undergoer
                .then(|| {
                    trigger_latin
                        .then(|| self.counted_before(hits, trigger, clause))
                        .flatten()
                        .or_else(|| {
                            target
                                .is_none()
                                .then(|| self.counted_after(hits, clause, trigger, &args))
                                .flatten()
                        })
                })
                .flatten();
            if let Some(span) = counted {
                // The main clause's doer an -ing adjunct took stays ("struck the car,
                // killing two fighters").
                args.retain(|a| {
                    a.role != ArgRole::Agent
                        || a.tokens.is_some_and(|s| self.after_by(s))
                        || (a.tokens.is_some() && a.tokens == controlled_span)
                });
                target = Some(Argument::read(ArgRole::Target, Arg::Named(self.words(span)), span));
            }
            // A mediopassive verb (form V with a perfect ending: `تحررت المدينة`, the town
            // was freed), or a form that says what befell its subject ("the town fell"),
            // names no doer: the subject is what it acted on.
            if befalls {
                args.retain(|a| a.role != ArgRole::Agent);
                let doer = self.fell_to(hits, clause, trigger);
                // "fell to the militia": what follows is the doer, not what fell.
                if let Some(d) = doer
                    && target.as_ref().and_then(|t| t.tokens).is_some_and(|t| t.overlaps(d))
                {
                    target = None;
                }
                if let Some(span) = doer {
                    args.push(Argument::read(ArgRole::Agent, self.party(hits, span), span));
                    cover(span);
                }
                // The subject, or the place named before the trigger ("Soledar fell").
                let before = place
                    .as_ref()
                    .map(|(_, s)| *s)
                    .filter(|s| s.end <= trigger.tokens.start);
                if target.is_none()
                    && let Some(span) = agent_span.or(before)
                {
                    target = Some(self.place_or_words(&mut place, span));
                }
                // Only a place falls: shells that fell, or casualties, are no capture.
                let fallen_place = target.as_ref().is_some_and(|t| match (&t.value, t.tokens) {
                    (Arg::Place(_), _) => true,
                    (_, Some(span)) => self.place_like(hits, span),
                    _ => false,
                });
                if !fallen_place {
                    continue;
                }
            }
            if acts_on
                && target.is_none()
                && (self.mediopassive(trigger) || self.vowelled_passive(trigger))
                && let Some(i) = args.iter().position(|a| a.role == ArgRole::Agent)
                && let Some(span) = args[i].tokens
            {
                args.remove(i);
                target = Some(self.place_or_words(&mut place, span));
            }
            // Where an act on something happened is said with a preposition of place; a
            // place named after what it acted on without one is part of its description
            // (the clause's topic before the trigger stays its place). A town acted on
            // needs no place: one named after it says where the town lies ("took Dasht
            // in the north").
            let town = acts_on
                && target.as_ref().is_some_and(|t| {
                    matches!(t.value, Arg::Place(_))
                        || t.tokens.is_some_and(|span| {
                            hits.place_nouns.iter().any(|h| {
                                self.role(h) == ParticleRole::Settlement
                                    && span.start <= h.tokens.start
                                    && h.tokens.start < span.end.min(span.start + 2)
                            })
                        })
                });
            // A place after the trigger is where it happened only after a preposition of
            // place; after one who moves, it may be where they went ("left for Raqqa").
            if p.acts_on {
                place =
                    place.filter(|(_, span)| span.end <= trigger.tokens.start || (!town && self.located(hits, *span)));
            }
            if let Some(t) = &target
                && let Some(span) = t.tokens
            {
                cover(span);
            }
            args.extend(target);
            // Where it left from, said with من/"from": that phrase is its place, a known
            // place in it the known one ("withdrew from the town of Dasht, in the east");
            // for a `goal` predicate, where it went. `said_place` is such a phrase when no
            // known place is in it.
            let mut said_place = None;
            if p.origin
                && let Some(from) = self.origin(hits, clause, trigger)
                && !place
                    .as_ref()
                    .is_some_and(|(_, span)| from.start <= span.start && span.end <= from.end)
            {
                place = self.place_in(hits, from, segment.sentence);
                // `انسحبت منها`: "from it" (a town is feminine) is the place named last.
                if place.is_none() && from.len() == 1 && self.word(from.start).ends_with("ها") {
                    place = self
                        .place_before(from.start, segment.sentence)
                        .map(|(_, pl)| (pl, from));
                }
                said_place = place.is_none().then_some(from);
            }
            if p.goal && place.is_none() {
                said_place = self.goal(hits, clause, trigger);
            }
            // A place said with a preposition right after the trigger is more specific
            // than the clause's topic before it ("In X, the clashes go on in the
            // industrial district") or a place named in a later clause.
            // Where it happened, when no known place says: the phrase after a preposition
            // of place (في، داخل، "in", "near").
            let locative = (!town).then(|| self.locative(hits, clause, place_from)).flatten();
            let located_after = locative.is_some()
                && place
                    .as_ref()
                    .is_some_and(|(_, span)| span.end <= trigger.tokens.start || span.start >= clause.end)
                && hits.particles.iter().any(|h| {
                    self.role(h) == ParticleRole::Locative
                        && h.tokens.start >= place_from
                        && h.tokens.start <= place_from + 2
                });
            if located_after {
                place = None;
            }
            // `شهدت المدينة اشتباكات`, "the town saw heavy fighting": with no place said,
            // the subject of a scene verb before the event is where it happened.
            if place.is_none()
                && said_place.is_none()
                && locative.is_none()
                && let Some(scene) = self.verb_subject(hits, clause, trigger, ParticleRole::SceneVerb)
                && self.place_like(hits, scene)
            {
                place = self.place_in(hits, scene, segment.sentence).map(|(pl, _)| (pl, scene));
                said_place = place.is_none().then_some(scene);
                args.retain(|a| !a.tokens.is_some_and(|t| t.overlaps(scene)));
            }
            // `نزوح مئات من سكانها`: with no place said, the people of a place named
            // by a pronoun say where (the place named last before them).
            if place.is_none() && said_place.is_none() && locative.is_none() {
                place = self.residents_place(hits, trigger, clause, segment.sentence);
            }
            // What was entered or reached, as object or after "to"/`إلى`, is where it
            // happened ("entered the industrial district", `الوصول إلى الطريق`).
            let mut locative = locative;
            if enters && let Some((pl, span)) = destination.take() {
                place = Some((pl, span));
                said_place = None;
                locative = None;
            } else if enters
                && let Some(span) = {
                    // `دخلت البلدة`: a place right after the verb is where they went, not who.
                    let went = agent_span.filter(|a| {
                        a.start >= trigger.tokens.end && a.start <= trigger.tokens.end + 1 && self.place_like(hits, *a)
                    });
                    self.entered(hits, clause, trigger, if went.is_some() { None } else { agent_span })
                }
            {
                place = self.place_in(hits, span, segment.sentence).map(|(pl, _)| (pl, span));
                said_place = place.is_none().then_some(span);
                locative = None;
                destination = None;
            }
            // Where they went is no doer (`دخلت رأس العين`: the town is not the subject).
            if enters {
                let went = place.as_ref().map(|(_, span)| *span).or(said_place);
                args.retain(|a| a.role != ArgRole::Agent || !a.tokens.zip(went).is_some_and(|(a, w)| a.overlaps(w)));
            }
            if let Some((pl, span)) = place {
                if matches!(pl, PlaceArg::Ambiguous(_)) {
                    rules.push(RULE.place_ambiguous.clone());
                }
                args.push(Argument::read(ArgRole::Place, Arg::Place(pl), span));
                if span.start >= clause.start && span.end <= clause.end {
                    cover(span);
                }
            } else if let Some(span) = said_place {
                args.push(Argument::read(ArgRole::Place, Arg::Named(self.words(span)), span));
                cover(span);
            } else if let Some(span) = locative {
                args.push(Argument::read(ArgRole::Place, Arg::Named(self.words(span)), span));
                cover(span);
            }
            if let Some((pl, span)) = destination {
                args.push(Argument::read(ArgRole::Destination, Arg::Place(pl), span));
            }
            // The subject of an undergoer (the killed, the displaced) is its target; an
            // agent stays only when a by-phrase names it or an object is its target.
            if undergoer
                && let Some(i) = args.iter().position(|a| a.role == ArgRole::Agent)
                && !args[i].tokens.is_some_and(|span| self.after_by(span))
            {
                let agent_span = args[i].tokens;
                match args.iter().find(|a| a.role == ArgRole::Target).map(|a| a.tokens) {
                    None => args[i].role = ArgRole::Target,
                    Some(t) if t.zip(agent_span).is_some_and(|(t, a)| t.overlaps(a)) => {
                        args.remove(i);
                    }
                    // `مقتل 12 عنصرا من الشرطة والحرس البلدي`: in Arabic a target right
                    // after the subject, no preposition between, goes on with it (a
                    // conjunct, an adjective): both are who suffered it.
                    // So does one after a partitive `من` (`مقتل عنصرين من قوات النظام`).
                    Some(Some(t))
                        if !trigger_latin
                            && agent_span.is_some_and(|a| {
                                a.end == t.start || (a.end + 1 == t.start && self.word(a.end) == "من")
                            }) =>
                    {
                        let both = TokenSpan::new(agent_span.map_or(t.start, |a| a.start), t.end);
                        args.retain(|a| !matches!(a.role, ArgRole::Agent | ArgRole::Target));
                        args.push(Argument::read(ArgRole::Target, Arg::Named(self.words(both)), both));
                    }
                    Some(_) => {}
                }
            }
            // Support "from" someone: they are its doer, and the subject, the side they
            // supported, its target.
            if p.doer_after
                && let Some(doer) = self.doer_after(hits, clause, trigger)
            {
                let subject = args.iter().position(|a| a.role == ArgRole::Agent);
                let has_target = args.iter().any(|a| a.role == ArgRole::Target);
                match subject {
                    Some(i) if !has_target => args[i].role = ArgRole::Target,
                    Some(i) => {
                        args.remove(i);
                    }
                    None => {}
                }
                args.retain(|a| !a.tokens.is_some_and(|t| t.overlaps(doer)));
                args.push(Argument::read(ArgRole::Agent, self.party(hits, doer), doer));
                cover(doer);
            }
            if let Some((n, span)) = self.number(hits, clause, trigger) {
                args.push(Argument::read(ArgRole::Number, Arg::Number(n), span));
            }
            let modal = self.modal(
                hits,
                clause,
                trigger,
                &[MarkerKind::Hedge, MarkerKind::Possible, MarkerKind::Modal],
            );
            // Not said to have happened: under a modal marker, a future or purpose verb
            // (`سينسحب`, `لينسحب`), or the content of a demand or threat itself.
            let irrealis = self.modal(hits, clause, trigger, &[MarkerKind::Modal, MarkerKind::Possible])
                || trigger.inflection.unreal()
                || p.prospective;
            if modal {
                rules.push(RULE.modal.clone());
            }
            // "A convoy of 40 vehicles": a thing's frame names no doer (its own words
            // would be read as one).
            if p.thing {
                args.retain(|a| a.role != ArgRole::Agent);
            }
            let mut polarity = segment.polarity;
            // "No unit but the marines took part": the marines did it, and it is not
            // denied.
            let excepted = self.excepted(hits, clause, trigger);
            if let Some(span) = excepted {
                args.retain(|a| a.role != ArgRole::Agent && !a.tokens.is_some_and(|t| t.overlaps(span)));
                args.push(Argument::read(ArgRole::Agent, self.party(hits, span), span));
                cover(span);
            }
            if excepted.is_none() && self.negated(hits, clause, trigger) {
                polarity = match polarity {
                    Polarity::Asserts => Polarity::Denies,
                    Polarity::Denies => Polarity::Asserts,
                };
                rules.push(RULE.negated.clone());
            }
            // A frame that binds nothing, with no actor or place in its clause, says no
            // more than its trigger word: the sentence stays an open claim. Unless the
            // same event was named just before ("… the battle had started. Local sources
            // denied that any battle had begun."): then it speaks of that one.
            let in_clause = |h: &&Hit| clause.contains(h.tokens.start);
            let recent = self.segments.sentences[segment.sentence.saturating_sub(2)].norm.start;
            let named_before = out
                .iter()
                .rev()
                .take_while(|f| f.norm.start >= recent)
                .any(|f| f.predicate == trigger.entry.index as usize);
            // An embedding verb whose content follows (`أعلن الجيش صد هجوم على المدينة`)
            // binds it there.
            let content_ahead = p.embeds
                && merged.iter().any(|o| {
                    o.tokens.start >= trigger.tokens.end
                        && o.tokens.start <= trigger.tokens.end + EMBED_REACH
                        && clause.contains(o.tokens.start)
                });
            if args.is_empty()
                && !named_before
                && !content_ahead
                && !hits.actors.iter().any(in_clause)
                && !hits.places.iter().any(in_clause)
            {
                embedding_until = None;
                continue;
            }
            // A town acted on is where it happened: the same place again as its place
            // says nothing more.
            let acted_on = |a: &Argument| a.role == ArgRole::Target && matches!(a.value, Arg::Place(_));
            if let Some(i) = args
                .iter()
                .position(|a| a.role == ArgRole::Place && args.iter().any(|t| acted_on(t) && t.value == a.value))
            {
                args.remove(i);
            }
            // Evidence: the trigger and the arguments it found in its clause; what an
            // embedding act says (a demand's content, a refusal's object) is part of it,
            // to its clause's end, named as an event or not.
            if p.embeds {
                spans.end = spans.end.max(clause.end);
            }
            let evidence = self.evidence(range, spans);
            // A second trigger of the same event in the clause (`استعادت الفصائل السيطرة
            // على القرية`: a verb, its subject, and its object noun) is one frame, unless
            // the two disagree on a role: the roles of both, but where the first found
            // only because it had no object (`بمحيط رأس العين` after `السيطرة على بلدة`).
            if let Some((i, tokens)) = last_trigger
                && i + 1 == out.len()
                && clause.contains(tokens.start)
                && trigger.tokens.start <= tokens.end + SAME_EVENT_REACH
                && let Some(f) = out.last_mut()
                && f.segment == index
                && f.predicate == trigger.entry.index as usize
                && (f.polarity, f.modal, f.irrealis) == (polarity, modal, irrealis)
                && args
                    .iter()
                    .all(|a| f.args.iter().all(|b| b.role != a.role || b.value == a.value))
            {
                let has = |args: &[Argument], role: ArgRole| args.iter().any(|a| a.role == role);
                if has(&args, ArgRole::Target) && !has(&args, ArgRole::Place) {
                    f.args.retain(|b| b.role != ArgRole::Place);
                }
                for a in args {
                    if !has(&f.args, a.role) {
                        f.args.push(a);
                    }
                }
                f.norm = NormSpan::new(f.norm.start.min(evidence.start), f.norm.end.max(evidence.end));
                last_trigger = Some((i, trigger.tokens));
                continue;
            }
            last_trigger = Some((out.len(), trigger.tokens));
            out.push(Frame {
                segment: index,
                predicate: trigger.entry.index as usize,
                args,
                polarity,
                modal,
                irrealis,
                norm: evidence,
                rules,
            });
        }
    }

    /// The phrase after `من`/"from"/"of" right after a trigger (`بدعم من التحالف`).
    fn doer_after(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let k = trigger.tokens.end;
        (k + 1 < clause.end && matches!(self.word(k), "من" | "from" | "of"))
            .then(|| self.phrase_at(hits, k + 1, clause))
            .flatten()
    }

    /// Where a by-phrase of `trigger` may start: after it, or at its own last word
    /// ("controlled by", "backed by").
    pub(super) fn by_from(&self, trigger: &Hit) -> usize {
        let last = trigger.tokens.end - 1;
        if self.word(last) == "by" {
            last
        } else {
            trigger.tokens.end
        }
    }

    /// A frame's evidence: the tokens it `covers`, kept inside its segment's `range` and
    /// never empty.
    fn evidence(&self, range: TokenSpan, covers: TokenSpan) -> NormSpan {
        let first = covers.start.max(range.start);
        let last = covers.end.min(range.end).max(first + 1);
        self.matches.tokens.norm_of(TokenSpan::new(first, last))
    }

    /// Where a by-phrase naming the trigger's doer may stand: from the trigger's end to the
    /// next event word. None after an English verb in the active voice with its object
    /// ("repelled an attempt by militants": the militants made the attempt); a passive
    /// ("was retaken by"), a noun ("the capture of the town by") or a participle right
    /// before "by" take one.
    pub(super) fn by_reach(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> std::ops::Range<usize> {
        let from = self.by_from(trigger);
        let t = trigger.tokens;
        // A verb: no article or determiner before it, none of "of" ending it, an
        // article opening its object right after it.
        let active = self.word(t.start).is_ascii()
            && from == t.end
            && t.end < clause.end
            && self.word(t.end - 1) != "of"
            && matches!(self.word(t.end), "the" | "a" | "an" | "its" | "their" | "his" | "her")
            && !(t.start > clause.start && self.opens_phrase(hits, t.start - 1))
            && self.passive(hits, clause, trigger).is_none();
        if active {
            return from..from;
        }
        from..self.next_event(hits, trigger, clause)
    }

    /// Where the words that may belong to `trigger` end: at the next event word in its
    /// clause ("withdraw from the city besieged by Turkey": Turkey besieged, it did not
    /// withdraw).
    pub(super) fn next_event(&self, hits: &SentenceHits<'_>, trigger: &Hit, clause: TokenSpan) -> usize {
        hits.predicates
            .iter()
            .map(|h| h.tokens.start)
            .find(|&k| k >= trigger.tokens.end && k < clause.end)
            .unwrap_or(clause.end)
    }

    /// Whether a by-phrase introduces the words at `span` ("by the army", `من قبل الجيش`).
    fn after_by(&self, span: TokenSpan) -> bool {
        let k = span.start;
        k >= 1 && self.word(k - 1) == "by" || k >= 2 && self.word(k - 1) == "قبل" && self.word(k - 2) == "من"
    }

    /// The clause (token range, inside the sentence) holding token `at`.
    fn clause(&self, sentence: TokenSpan, at: usize) -> TokenSpan {
        let t = &self.matches.tokens.tokens;
        let start = (sentence.start..=at)
            .rev()
            .find(|&i| i == sentence.start || t[i].barrier_before)
            .unwrap_or(sentence.start);
        let end = (at + 1..sentence.end)
            .find(|&i| t[i].barrier_before)
            .unwrap_or(sentence.end);
        TokenSpan::new(start, end)
    }

    fn actor_hits<'h>(&self, hits: &SentenceHits<'h>) -> impl Iterator<Item = &'h Hit> {
        hits.actors.iter().copied()
    }

    /// The agent: after `من قبل`/"by" (and after `من` when the trigger is `لاقى`/`قوبل`,
    /// "met with"); else, in Arabic, an actor right after the trigger (VSO, or the
    /// genitive of a verbal noun: `انسحاب قوات النظام`, `الهجوم الذي خاضه الجيش الوطني`);
    /// else the last actor before it in its clause, past the clause's complementizer
    /// (in `روسيا أكدت بأن الإرهابيين أخلوا`, Russia is the speaker, not the agent).
    fn agent(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
        (object_after, acts_on): (bool, bool),
        own_genitive: bool,
    ) -> Option<(usize, TokenSpan)> {
        let met_with = matches!(self.word(trigger.tokens.start).get(..8), Some("لاقي" | "قوبل"));
        for k in self.by_reach(hits, clause, trigger) {
            if self.foreign_by(hits, trigger, k) {
                continue;
            }
            let w = self.word(k);
            let by_arabic = w == "قبل" && k > 0 && self.word(k - 1) == "من";
            let by = w == "by" || by_arabic || (met_with && w == "من");
            if by && let Some(h) = self.actor_hits(hits).find(|h| h.tokens.start == k + 1) {
                return Some((h.entry.index as usize, h.tokens));
            }
            // A by-phrase names the doer, known or not: the known party in it ("by
            // US-backed SDF forces"), else its words (`من قبل قواتنا`, "by drones").
            // "by continuing to attack" says how, not who.
            if (by_arabic || w == "by")
                && !self.word(k + 1).ends_with("ing")
                && let Some(phrase) = self.phrase_at(hits, k + 1, clause)
            {
                return self.known_party(hits, phrase);
            }
            if by_arabic {
                return None;
            }
        }
        // An English passive with no by-phrase names no doer of an act done to something:
        // what stands before it is what it was done to ("the assault by the militia was
        // repelled"; "the troops were deployed" is said of who did it).
        if acts_on && self.word(trigger.tokens.start).is_ascii() && self.passive(hits, clause, trigger).is_some() {
            return None;
        }
        // A subject right before the verb (SVO: `قسد تتهم روسيا`), past auxiliaries; a
        // noun with a preposition on it (`بغارة`) has none.
        let adjacent = self.actor_hits(hits).find(|h| {
            !self.is_preposition_word(trigger.tokens.start)
                && h.tokens.end <= trigger.tokens.start
                && h.tokens.start >= clause.start
                && !self.patron_of(hits, h.tokens.start)
                && (h.tokens.end..trigger.tokens.start).all(|k| self.is_auxiliary(hits, k))
                && trigger.tokens.start - h.tokens.end <= 2
        });
        if let Some(h) = adjacent {
            return Some((h.entry.index as usize, h.tokens));
        }
        let arabic = self
            .word(trigger.tokens.start)
            .chars()
            .next()
            .is_some_and(crate::lexicon::matcher::is_arabic);
        // `تسيطر عليها الفصائل`: a preposition with its pronoun is the object; the subject
        // may follow.
        let pronoun_on_preposition = self
            .lexicon
            .names
            .pronominal_preposition(self.word(trigger.tokens.end - 1));
        let ends_in_preposition = self.is_particle(hits, trigger.tokens.end - 1) && !pronoun_on_preposition;
        // A definite verbal noun takes no subject after it (`قبل الانسحاب «كبدت الروس`).
        let definite = self.word(trigger.tokens.start).starts_with("ال") || trigger.prefix.definite;
        if arabic && !met_with && !object_after && !ends_in_preposition && !definite && !self.plural_verb(trigger) {
            // Past a time or a pronoun's preposition (`انتشرت صباح الاثنين قوات الجيش`).
            let from = self.past_adverbials(hits, trigger.tokens.end, clause);
            let after = self.actor_hits(hits).find(|h| {
                h.tokens.start >= from
                    && h.tokens.start <= from + 2
                    && h.tokens.end <= clause.end
                    && !(trigger.tokens.end + 1..=h.tokens.start).any(|k| self.cut_before(k))
                    && (from..h.tokens.start).all(|k| !self.is_particle(hits, k) || self.opens_phrase(hits, k))
                    && !self.is_preposition_word(h.tokens.start)
            });
            if let Some(h) = after {
                return Some((h.entry.index as usize, h.tokens));
            }
            // `مناطق تسيطر عليها الفصائل`: a verb whose object is the pronoun on its
            // preposition has its subject after it, named or not; no actor before it.
            if trigger.tokens.len() > 1
                && pronoun_on_preposition
                && !self.verbal_noun(trigger)
                && from < clause.end
                && !self.cut_before(from)
                && !self.is_particle(hits, from)
                && self.word(from).starts_with("ال")
            {
                return None;
            }
        }
        // An undefined Arabic verbal noun with its genitive subject after it (`وفرار
        // مئات السجناء`): no actor before it is its doer.
        if own_genitive {
            return None;
        }
        // Past the clause's complementizer, or its reporting verb when a subject of
        // its own stands between them: in "the group says its fighters attacked",
        // the speaker is not the agent; in "the forces reported killing 23", "X said it
        // accepted" and `تعلن سيطرتها` it is.
        let word = self.word(trigger.tokens.start);
        let possessed = trigger.inflection.pronoun() || ["ها", "هم", "هما", "هن"].iter().any(|p| word.ends_with(p));
        let own_subject = |from: usize| {
            !possessed
                && (from..trigger.tokens.start).any(|k| {
                    !self.is_particle(hits, k) && !matches!(self.word(k), "it" | "they" | "he" | "she" | "we" | "i")
                })
        };
        // "… and there are fierce clashes": an existential clause has no doer before it.
        let existential = (clause.start..trigger.tokens.start)
            .filter(|&k| self.existential(k))
            .max()
            .map_or(clause.start, |k| k + 1);
        let complementizer = self
            .floor(hits, clause, trigger, |h| {
                h.entry.table == Table::Cue && own_subject(h.tokens.end)
            })
            .max(existential);
        // "A commander of X was killed in a drone strike", `قتل قيادي في X بغارة`: an event
        // named after a preposition is not done by a party named after another one.
        let in_phrase = |k: usize| {
            k > clause.start
                && (self.word(k - 1) == "of"
                    || hits.particles.iter().any(|p| {
                        p.tokens.end == k && self.role(p).is_preposition() && self.word(p.tokens.start) != "من"
                    }))
        };
        // A pronoun on the trigger (`لعدم التزامها`) stands for the party named last,
        // wherever it is named.
        let trigger_in_phrase = !self.own_pronoun(trigger)
            && (self.is_preposition_word(trigger.tokens.start)
                || in_phrase(trigger.tokens.start)
                || (trigger.tokens.start > clause.start + 1
                    && matches!(self.word(trigger.tokens.start - 1), "a" | "an" | "the")
                    && in_phrase(trigger.tokens.start - 1)));
        // Nor, in English, one before a subordinator whose clause has a subject of its own
        // before the verb: it belongs to the main clause ("the SDF withdrew from the
        // village after the militia stormed it").
        let own_subject = (self.word(trigger.tokens.start).is_ascii() && !hits.subordinators.is_empty())
            .then(|| self.phrase_before(hits, trigger.tokens.start, clause))
            .flatten();
        let subordinate = |h: &Hit| {
            own_subject
                .is_some_and(|s| (h.tokens.end..s.start.min(trigger.tokens.start)).any(|k| self.subordinator(hits, k)))
        };
        self.actor_hits(hits)
            .filter(|h| {
                h.tokens.end <= trigger.tokens.start
                    && h.tokens.start >= complementizer
                    && !self.is_preposition_word(h.tokens.start)
                    && !self.patron_of(hits, h.tokens.start)
                    && !subordinate(h)
            })
            .max_by_key(|h| (h.tokens.end, h.tokens.len()))
            .filter(|h| !(trigger_in_phrase && in_phrase(h.tokens.start)))
            // Nor one before a light verb whose own subject follows it (`أكد الكرملين
            // مشاركة قوات روسية في المعارك`: the forces took part); asked of the last
            // one only, since any before it stands before that subject too.
            .filter(|h| {
                self.verb_subject(hits, clause, trigger, ParticleRole::LightVerb)
                    .is_none_or(|s| s.start < h.tokens.end)
            })
            .map(|h| (h.entry.index as usize, h.tokens))
    }

    /// Where the event of an embedding frame's complement would happen: the known place
    /// after its trigger in its clause, else the phrase it would leave from. (What it
    /// would act on is not its place: "refused to hand over the town".)
    fn content_place(
        &self,
        hits: &SentenceHits<'_>,
        sentence: TokenSpan,
        trigger: &Hit,
        sentence_index: usize,
    ) -> Option<Argument> {
        let clause = self.clause(sentence, trigger.tokens.start);
        let p = &self.lexicon.entries.predicates[trigger.entry.index as usize].entry;
        let after = |span: &TokenSpan| span.start >= trigger.tokens.end;
        if let (Some((pl, span)), _) = self.places(hits, sentence, clause, trigger, sentence_index)
            && after(&span)
        {
            return Some(Argument::read(ArgRole::Place, Arg::Place(pl), span));
        }
        let said = p.origin.then(|| self.origin(hits, clause, trigger)).flatten()?;
        Some(Argument::read(ArgRole::Place, Arg::Named(self.words(said)), said))
    }

    /// The place a feminine pronoun object stands for (`احتلتها`, `بعد محاصرتها`,
    /// `السيطرة عليها`: a town is feminine): the known place named last before it, in
    /// its sentence or the two before. The pronoun is the object only on the trigger
    /// itself or on a preposition; on another noun it is that noun's owner (`سكانها`,
    /// its residents).
    fn antecedent_place(&self, object: TokenSpan, trigger: &Hit, sentence: usize) -> Option<(&'a Hit, PlaceArg)> {
        let w = self.word(object.start);
        if object.len() != 1
            || !w.ends_with("ها")
            || !(trigger.tokens.contains(object.start) || self.lexicon.names.pronominal_preposition(w))
        {
            return None;
        }
        self.place_before(object.start, sentence)
    }

    /// The place of a trigger whose clause names the people of a place by a pronoun (a
    /// `residents` particle, no other event word between them): the place the pronoun
    /// stands for.
    fn residents_place(
        &self,
        hits: &SentenceHits<'_>,
        trigger: &Hit,
        clause: TokenSpan,
        sentence: usize,
    ) -> Option<(PlaceArg, TokenSpan)> {
        let in_clause = || hits.all.iter().filter(|h| clause.contains(h.tokens.start));
        let residents = in_clause().find(|h| {
            h.entry.table == Table::Particle && self.role(h) == ParticleRole::Residents && {
                let (a, b) = if h.tokens.start < trigger.tokens.start {
                    (h.tokens.end, trigger.tokens.start)
                } else {
                    (trigger.tokens.end, h.tokens.start)
                };
                !in_clause().any(|o| o.entry.table == Table::Predicate && o.tokens.start >= a && o.tokens.end <= b)
            }
        })?;
        let (h, pl) = self.place_before(residents.tokens.start, sentence)?;
        Some((pl, h.tokens))
    }

    /// The known place named last before token `k`, in its sentence or the two before.
    fn place_before(&self, k: usize, sentence: usize) -> Option<(&'a Hit, PlaceArg)> {
        let t = &self.matches.tokens;
        let floor = t
            .at_norm_span(self.segments.sentences[sentence.saturating_sub(2)].norm)
            .start;
        let hits: &'a [Hit] = &self.matches.hits;
        let before = hits.partition_point(|h| h.tokens.start < k);
        let mut places = hits[..before]
            .iter()
            .rev()
            .take_while(|h| h.tokens.start >= floor)
            .filter(|h| h.entry.table == Table::Place && h.tokens.end <= k);
        let mut h = places.next()?;
        // `مدينة منبج بريف حلب`: a place that says where the one right before it
        // lies is not the one meant.
        if let Some(g) = places.find(|g| g.tokens.end < h.tokens.start)
            && h.tokens.start - g.tokens.end <= 2
            && !(g.tokens.end..=h.tokens.start).any(|j| self.cut_before(j))
        {
            h = g;
        }
        let same: Vec<&Hit> = hits[..before].iter().filter(|o| o.tokens == h.tokens).collect();
        Some((h, self.resolve_place(&same, sentence)))
    }

    /// Whether an Arabic trigger is a form V verb in the perfect (`تحررت`, `تدمرت`): the
    /// prefix ت that the matcher reads as the imperfect's, with a perfect ending after it,
    /// which no imperfect takes.
    fn mediopassive(&self, trigger: &Hit) -> bool {
        let word = self.word(trigger.tokens.start);
        let core = word.get(trigger.prefix.len..).unwrap_or(word);
        trigger.inflection.prefix() == "ت"
            && core.strip_prefix('ت').is_some_and(|rest| {
                ["ت", "تا", "تم", "نا"].iter().any(|e| rest.ends_with(e)) && rest.chars().count() >= 4
            })
    }

    /// Whether an Arabic trigger is a perfect written with the passive's damma on its
    /// first letter (`اُعتقل`, `قُتل`, `وحُررت`): the writer marked it done to its subject.
    /// (On an imperfect's prefix the damma is also an active form's: `يُعلن`.)
    fn vowelled_passive(&self, trigger: &Hit) -> bool {
        let word = self.original(trigger.tokens.start);
        let mut letters = word.chars().filter(|c| !matches!(c, '\u{640}'));
        let mut first = letters.next();
        if matches!(first, Some('و' | 'ف')) && trigger.prefix.len > 0 {
            first = letters.next();
        }
        first.is_some_and(|c| crate::lexicon::matcher::is_arabic(c) && !matches!(c, 'ي' | 'ت' | 'ن'))
            && letters.next() == Some('\u{64F}')
    }

    /// Whether the word at `k` is a function word (English articles aside).
    fn is_particle_word(&self, k: usize) -> bool {
        // Hits are ordered by first token: look only at those starting at `k`.
        let hits = &self.matches.hits;
        hits[hits.partition_point(|h| h.tokens.start < k)..]
            .iter()
            .take_while(|h| h.tokens.start == k)
            .any(|h| h.entry.table == Table::Particle && self.role(h).is_function_word())
    }

    /// Whether an auxiliary (`كانت`, `قد`, `وهي`, "had") covers token `k`, or it is an
    /// English manner adverb by its ending ("steadily", "reportedly").
    pub(super) fn is_auxiliary(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        let w = self.word(k);
        hits.particles
            .iter()
            .any(|h| self.role(h) == ParticleRole::Auxiliary && h.tokens.contains(k))
            || (w.len() >= 7
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && ADVERB_ENDINGS.iter().any(|e| w.ends_with(e)))
    }

    /// Whether a particle hit (other than a determiner) starts at token `k`.
    fn is_particle(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        hits.particles.iter().any(|h| h.tokens.start == k)
    }

    /// Whether the party at `k` is named only as whom the noun before it answers to
    /// ("rebels backed by Turkey", `الفصائل المدعومة من تركيا`): a proxy's patron is not
    /// its doer.
    fn patron_of(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        self.allegiance_before(hits, k).is_some()
    }

    /// Whether a two-word preposition of place ending in "of" follows an article or a
    /// possessive ("the east of", "its north of"): then its first word is a noun.
    pub(super) fn compass_noun(&self, h: &Hit) -> bool {
        h.tokens.len() == 2
            && self.word(h.tokens.end - 1) == "of"
            && h.tokens.start > 0
            && matches!(self.word(h.tokens.start - 1), "the" | "its" | "their" | "his" | "her")
    }

    /// Whether the word at `k` carries a preposition clitic (`لروسيا`, `بروسيا`): then it
    /// is no subject.
    fn is_preposition_word(&self, k: usize) -> bool {
        let t = &self.matches.tokens.tokens[k];
        t.norm.len() != t.tt.len() || {
            let w = self.word(k);
            (w.starts_with('ل') || w.starts_with('ب')) && !w.starts_with("ال")
        }
    }

    /// The target: with `object_after`, the actor right after the trigger; else an actor
    /// after `على`/`ضد`/`من`/`عن`/`ل`, "against"/"on"/"from" in the clause, or, for a
    /// `mutual` predicate, after `مع`/`جانب`/"with"/"alongside".
    fn target(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
        object_after: bool,
        mutual: bool,
    ) -> Option<(usize, TokenSpan)> {
        // An actor right after an English verb is its object ("asked the SDF to leave").
        let latin = self.word(trigger.tokens.start).is_ascii();
        let object_after = object_after || latin;
        if object_after
            && let Some(h) = self.actor_hits(hits).find(|h| {
                h.tokens.start >= trigger.tokens.end
                    && h.tokens.start <= trigger.tokens.end + 1
                    && !self.patron_of(hits, h.tokens.start)
                    && h.tokens.end <= clause.end
                    && (trigger.tokens.end..h.tokens.start).all(|k| self.word(k) == "the" || !self.is_particle_word(k))
            })
        {
            return Some((h.entry.index as usize, h.tokens));
        }
        // "fighting the Northern Relief Council (NRC)": the known party in
        // an English verb's object.
        if latin
            && trigger.tokens.end < clause.end
            && let Some(object) = self.phrase_at(hits, trigger.tokens.end, clause)
            && let Some(found) = self.known_party(hits, object)
        {
            return Some(found);
        }
        // An English preposition before the article only up to the next event word
        // ("agreed to hand the town over to the army": to the army is the handover's).
        let reach = self.next_event(hits, trigger, clause);
        self.actor_hits(hits)
            .filter(|h| {
                h.tokens.start >= trigger.tokens.end
                    && h.tokens.start > 0
                    && h.tokens.start < clause.end
                    && !self.patron_of(hits, h.tokens.start)
            })
            .find(|h| {
                let k = h.tokens.start;
                let w = self.word(k);
                // "to the SDF": past the article, before the next event word.
                let article = |j: usize| {
                    hits.particles
                        .iter()
                        .any(|p| p.tokens.start == j && self.role(p) == ParticleRole::Article)
                };
                let mut j = k - 1;
                while k < reach && j > trigger.tokens.end && article(j) {
                    j -= 1;
                }
                let prev = self.word(j);
                // With whom: the other side of a mutual act ("clashed with"), a partner
                // of any other ("attacked in coordination with").
                matches!(prev, "علي" | "ضد" | "من" | "عن" | "against" | "on" | "from" | "to")
                    || (mutual && matches!(prev, "with" | "مع" | "جانب" | "alongside"))
                    || (w.starts_with('ل') && h.prefix.len > 0)
            })
            .map(|h| (h.entry.index as usize, h.tokens))
    }

    /// Whether a particle of `role` starts at token `k`, whatever list of the sentence's
    /// hits its role is sorted into (the content-word roles are in none but `all`).
    pub(super) fn particle_at(&self, hits: &SentenceHits<'_>, k: usize, role: ParticleRole) -> bool {
        hits.all
            .iter()
            .any(|h| h.tokens.start == k && h.entry.table == Table::Particle && self.role(h) == role)
    }

    /// Whether an event word describes the unit, aircraft or weapon next to it ("assault
    /// detachments", "attack helicopters"; `وحدات الاقتحام`, `طائرات الاستطلاع`): the pair names
    /// a kind of unit, not an event. Arabic puts the unit first, undefined, and the event
    /// noun after it with the article; a defined noun before it is a subject or object of
    /// its own (`بدأت القوات الهجوم`).
    fn names_unit(&self, hits: &SentenceHits<'_>, trigger: &Hit) -> bool {
        let unit = |k: usize| self.particle_at(hits, k, ParticleRole::Unit);
        let t = trigger.tokens;
        if self.word(t.start).is_ascii() {
            return t.end < hits.range.end && !self.cut_before(t.end) && unit(t.end);
        }
        let definite = self.word(t.start).starts_with("ال") || trigger.prefix.definite;
        definite
            && t.start > hits.range.start
            && !self.cut_before(t.start)
            && unit(t.start - 1)
            && !self.word(t.start - 1).starts_with("ال")
    }

    /// Whether a trigger names an event that a causal verb next to it presupposes (`أدى
    /// الهجوم التركي إلى نزوح`, `الهجوم التركي تسبب بأضرار`): the claim is the result.
    fn presupposed(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> bool {
        let result = trigger.tokens.start > 0 && {
            let w = self.word(trigger.tokens.start);
            let prev = self.word(trigger.tokens.start - 1);
            // `مما أسفر عن مقتل`: the عن of a causal verb introduces its result; the عن
            // of the causal entry itself introduces the cause (`نتج عن القصف`).
            let result_of = prev == "عن"
                && hits.particles.iter().any(|h| {
                    self.role(h) == ParticleRole::Causal
                        && h.tokens.end < trigger.tokens.start
                        && h.tokens.start >= clause.start
                });
            matches!(prev, "الي" | "to" | "into")
                || result_of
                || ((w.starts_with('ل') || w.starts_with('ب')) && !w.starts_with("ال"))
        };
        // "the possible confrontations": an event that has not happened; "since the
        // shelling began": an event the sentence takes for granted.
        // An English one may stand before its noun too ("possible clashes").
        let prospective = |k: usize| self.particle_at(hits, k, ParticleRole::Prospective);
        let irrealis = (trigger.tokens.end < clause.end && prospective(trigger.tokens.end))
            || (trigger.tokens.start > clause.start
                && self.word(trigger.tokens.start).is_ascii()
                && prospective(trigger.tokens.start - 1));
        let since = trigger.tokens.start > clause.start && {
            let before = self.word(trigger.tokens.start - 1);
            before == "since"
                || before == "منذ"
                || (before == "the" && trigger.tokens.start >= 2 && self.word(trigger.tokens.start - 2) == "since")
        };
        let irrealis = irrealis || since;
        irrealis
            || !result
                && hits.particles.iter().any(|h| {
                    self.role(h) == ParticleRole::Causal
                        && h.tokens.start >= clause.start
                        && h.tokens.end <= clause.end
                        && ((h.tokens.end <= trigger.tokens.start && trigger.tokens.start - h.tokens.end <= 1)
                            || (trigger.tokens.end <= h.tokens.start && h.tokens.start - trigger.tokens.end <= 2))
                })
    }

    /// The place a `subject_place` predicate is said of: the first place before the
    /// trigger in its clause, else in its sentence.
    fn subject_place(
        &self,
        places: &[&Hit],
        sentence: TokenSpan,
        clause: TokenSpan,
        trigger: &Hit,
        sentence_index: usize,
    ) -> Option<(PlaceArg, TokenSpan)> {
        for scope in [clause.start, sentence.start] {
            if let Some(h) = places
                .iter()
                .find(|h| h.tokens.start >= scope && h.tokens.end <= trigger.tokens.start)
            {
                return Some((self.resolve_at(places, h, sentence_index), h.tokens));
            }
        }
        None
    }

    /// The place and the destination of a trigger.
    fn places(
        &self,
        hits: &SentenceHits<'_>,
        sentence: TokenSpan,
        clause: TokenSpan,
        trigger: &Hit,
        sentence_index: usize,
    ) -> (Option<Located>, Option<Located>) {
        let mut place = None;
        let mut destination = None;
        // Places after the trigger, in the sentence; the first one after إلى/نحو/"to" is
        // the destination.
        // Places after the trigger: in its clause, and on through the sentence until the
        // next event's trigger (`…من جهة أخرى، على محاور “المشيرفة”` is still this clash's).
        let places = &hits.places;
        let next_trigger = hits
            .predicates
            .iter()
            .filter(|h| h.tokens.start >= trigger.tokens.end)
            .map(|h| h.tokens.start)
            .min()
            .unwrap_or(sentence.end);
        let mut k = trigger.tokens.end;
        while k < next_trigger.min(sentence.end) {
            let here: Vec<&Hit> = places.iter().copied().filter(|h| h.tokens.start == k).collect();
            if here.is_empty() {
                k += 1;
                continue;
            }
            let longest = here.iter().map(|h| h.tokens.len()).max().unwrap_or(1);
            let same: Vec<&Hit> = here.iter().copied().filter(|h| h.tokens.len() == longest).collect();
            let resolved = self.resolve_place(&same, sentence_index);
            // A preposition of direction shortly before the place ("to the base of
            // Brigade 93"), or on its word (`الى`+`داخل`: `إلى داخل اللواء`), or ending
            // the trigger ("headed toward", `توجهت نحو`).
            let floor = k.saturating_sub(3).max(trigger.tokens.end - 1);
            let to = hits
                .particles
                .iter()
                .any(|h| self.role(h) == ParticleRole::Direction && h.tokens.start >= floor && h.tokens.start <= k);
            let span = TokenSpan::new(k, k + longest);
            // "Syria's Hasakah", "Hasakah's Ghweiran district": the place the possessive
            // owns is the one meant.
            if self.possessive(span.end)
                && places.iter().any(|h| {
                    h.tokens.start > span.end && h.tokens.start <= span.end + 4 && h.tokens.start < next_trigger
                })
            {
                k = span.end;
                continue;
            }
            // A kind of place it owns ("Aleppo's eastern district", "the town's
            // outskirts") lies in it: the place is the known one, said with those words.
            let span = match self
                .possessive(span.end)
                .then(|| self.phrase_at(hits, span.end + 1, clause))
            {
                Some(Some(owned))
                    if hits
                        .place_nouns
                        .iter()
                        .any(|h| owned.start <= h.tokens.start && h.tokens.end <= owned.end) =>
                {
                    TokenSpan::new(span.start, owned.end)
                }
                _ => span,
            };
            if to && destination.is_none() {
                destination = Some((resolved, span));
            } else if place.is_none() {
                place = Some((resolved, span));
                break;
            }
            k += longest;
        }
        if place.is_none() {
            // Before the trigger: the clause's first place is its topic (`التصعيد على
            // ريف إدلب … بريف اللاذقية … شن الطلعات`), after the last complementizer,
            // reporting verb or other event before it (in "the rebels held Dasht when a
            // governor said the bridge had fallen", the fall's clause names no place).
            // A place before "after"/`بعد` says where the main clause's event happened, not
            // the one the adverbial names.
            let floor = self.floor(hits, clause, trigger, |h| {
                matches!(h.entry.table, Table::Cue | Table::Predicate)
            });
            let before = places
                .iter()
                .copied()
                .filter(|h| h.tokens.end <= trigger.tokens.start && h.tokens.start >= floor)
                .filter(|h| !(h.tokens.end..trigger.tokens.start).any(|k| self.subordinator(hits, k)))
                .min_by_key(|h| (h.tokens.start, std::cmp::Reverse(h.tokens.len())));
            if let Some(h) = before {
                place = Some((self.resolve_at(places, h, sentence_index), h.tokens));
            }
        }
        (place, destination)
    }

    /// Whether the word at `k` opens an adverbial clause or adjunct of time ("after",
    /// `بعد`; a `subordinator` particle): what stands before it belongs to the main
    /// clause.
    fn subordinator(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        self.opens(hits, k, ParticleRole::Subordinator)
    }

    /// Whether the word at `k` is a particle of `role` (a `subordinator` or an
    /// `adjunct`), not part of a preposition with `من` before it (`من قبل`, "by"; `من
    /// خلال`, "through").
    fn opens(&self, hits: &SentenceHits<'_>, k: usize, role: ParticleRole) -> bool {
        hits.subordinators
            .iter()
            .any(|h| h.tokens.start == k && self.role(h) == role)
            && !(k > 0 && self.word(k - 1) == "من")
    }

    /// Whether token `k` is an English possessive "s" ("Syria's", "Syria’s").
    fn possessive(&self, k: usize) -> bool {
        let t = &self.matches.tokens.tokens;
        k > 0
            && k < t.len()
            && self.word(k) == "s"
            && self.ntext[t[k - 1].norm.end..t[k].norm.start].contains(['\'', '’'])
    }

    /// Where `trigger`'s own words may begin in its clause: past the last complementizer
    /// before it, and past every hit `also` accepts (a reporting verb, another event).
    fn floor(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit, also: impl Fn(&Hit) -> bool) -> usize {
        hits.all
            .iter()
            .filter(|h| h.tokens.start >= clause.start && h.tokens.end <= trigger.tokens.start)
            .filter(|h| (h.entry.table == Table::Particle && self.role(h) == ParticleRole::Complementizer) || also(h))
            .map(|h| h.tokens.end)
            .max()
            .unwrap_or(clause.start)
    }

    /// The first known place named inside `span`, with its own words.
    fn place_in(&self, hits: &SentenceHits<'_>, span: TokenSpan, sentence_index: usize) -> Option<Located> {
        let inside: Vec<&Hit> = hits.places.iter().copied().filter(|h| span.covers(h.tokens)).collect();
        inside
            .first()
            .map(|h| (self.resolve_at(&inside, h, sentence_index), h.tokens))
    }

    /// The place a name's hit `h` stands for, among the `hits` on the same words.
    fn resolve_at(&self, hits: &[&Hit], h: &Hit, sentence_index: usize) -> PlaceArg {
        let same: Vec<&Hit> = hits.iter().copied().filter(|o| o.tokens == h.tokens).collect();
        self.resolve_place(&same, sentence_index)
    }

    /// A particle hit's role.
    pub(super) fn role(&self, h: &Hit) -> ParticleRole {
        self.lexicon.entries.particles[h.entry.index as usize].entry.role
    }

    /// One place for a name, or the places it may be when context cannot decide.
    fn resolve_place(&self, same: &[&Hit], sentence_index: usize) -> PlaceArg {
        let mut candidates: Vec<usize> = same.iter().map(|h| h.entry.index as usize).collect();
        candidates.sort_unstable();
        candidates.dedup();
        if candidates.len() == 1 {
            return PlaceArg::Known(candidates[0]);
        }
        let sentence = &self.segments.sentences[sentence_index];
        let line = &self.segments.lines[sentence.line];
        // Widening context: the sentence, its line, the whole article.
        for scope in [sentence.norm, line.norm, NormSpan::new(0, self.ntext.len())] {
            let scores: Vec<usize> = candidates
                .iter()
                .map(|&c| {
                    *self
                        .scores
                        .borrow_mut()
                        .entry((scope.start, scope.end, c))
                        .or_insert_with(|| self.context_score(c, scope))
                })
                .collect();
            let best = scores.iter().copied().max().unwrap_or(0);
            if best > 0 && scores.iter().filter(|&&s| s == best).count() == 1 {
                let i = scores.iter().position(|&s| s == best).unwrap_or(0);
                return PlaceArg::Known(candidates[i]);
            }
        }
        PlaceArg::Ambiguous(candidates)
    }

    /// How many of a place's context words (and the names of the places it lies in)
    /// occur in `scope` of the normalised text.
    fn context_score(&self, place: usize, scope: NormSpan) -> usize {
        let context = &self.lexicon.place_context;
        let hits = self.context.get_or_init(|| context.find(self.ntext));
        context.score(place, hits, scope)
    }

    /// Whether a marker of one of `kinds` stands right before the trigger (within two
    /// words, in its clause): `قد يسحب`, "may resume", "likely to launch", "would keep";
    /// or one whose scope is the sentence stands anywhere in it ("If confirmed, …").
    fn modal(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit, kinds: &[MarkerKind]) -> bool {
        hits.markers.iter().any(|h| {
            let marker = &self.lexicon.entries.markers[h.entry.index as usize].entry;
            let gap = trigger.tokens.start.saturating_sub(h.tokens.end);
            // A modal verb governs the verb after it and that verb's object ("may decide
            // to keep up the assaults", "will not lead to an encirclement"), up to another
            // event or reporting verb; "to" alone is as often a preposition.
            let governs = || {
                gap <= MODAL_REACH
                    && self.word(h.tokens.start) != "to"
                    && !hits.all.iter().any(|o| {
                        matches!(o.entry.table, Table::Predicate | Table::Cue)
                            && o.tokens.start >= h.tokens.end
                            && o.tokens.start < trigger.tokens.start
                    })
            };
            // A marker's words inside a longer particle are that particle's ("to" in
            // "thanks to", "due to").
            let inside = || {
                hits.particles.iter().any(|o| {
                    o.tokens.len() > h.tokens.len() && o.tokens.start <= h.tokens.start && h.tokens.end <= o.tokens.end
                })
            };
            // An infinitive's "to" stands right before its verb, past adverbs and "be"
            // ("to fully withdraw", "to be handed over"); in "fighters loyal to Ankara
            // captured" it is a preposition.
            // "Forced families to flee", "prompted residents to leave": after a causal verb
            // the infinitive is what it brought about.
            let caused = || {
                hits.particles.iter().any(|c| {
                    self.role(c) == ParticleRole::Causal
                        && c.tokens.end <= h.tokens.start
                        && h.tokens.start - c.tokens.end <= 4
                        && c.tokens.start >= clause.start
                })
            };
            // "to launch an offensive": a light verb and its object's first words may stand
            // between.
            let light = || {
                hits.particles.iter().any(|l| {
                    self.role(l) == ParticleRole::LightVerb
                        && l.tokens.start == h.tokens.end
                        && trigger.tokens.start >= l.tokens.end
                        && trigger.tokens.start - l.tokens.end <= 3
                        && !(l.tokens.end + 1..=trigger.tokens.start).any(|k| self.cut_before(k))
                })
            };
            let infinitive = || {
                self.word(h.tokens.start) != "to"
                    || (((h.tokens.end..trigger.tokens.start)
                        .all(|k| self.is_auxiliary(hits, k) || matches!(self.word(k), "be" | "have" | "been"))
                        || light())
                        && !caused())
            };
            // "Claimed to have captured", "expected to have reached": a perfect
            // infinitive says it happened, as "may have" does.
            let perfect = || {
                matches!(marker.kind, MarkerKind::Modal | MarkerKind::Possible)
                    && self.word(h.tokens.end - 1) == "to"
                    && self.word(h.tokens.end.min(trigger.tokens.start)) == "have"
            };
            kinds.contains(&marker.kind)
                && !inside()
                && !perfect()
                && (marker.scope == Some(Scope::Sentence)
                    || (h.tokens.start >= clause.start
                        && h.tokens.start < trigger.tokens.start
                        && ((gap <= 3 && infinitive()) || (gap <= 5 && light() && !caused()) || governs())))
        })
    }

    /// The innermost source of a segment, as its label and the words that name it in the
    /// trigger's sentence (else last before the trigger, else first): whom a first-person
    /// trigger stands for, who makes a demand.
    fn speaker_named(&self, segment: &Segment, trigger: &Hit) -> Option<(String, TokenSpan)> {
        let source = &self.sources[*segment.chain.last()?];
        // The words that name it at a cue: all of them, but the pronoun of a cue form
        // that carries one ("she added"), and none of a verb alone (`مضيفاً`).
        let hits = &self.matches.hits;
        let naming = |c: &NormSpan| {
            let span = self.matches.tokens.at_norm_span(*c);
            let bare = hits[hits.partition_point(|h| h.tokens.start < span.start)..]
                .iter()
                .take_while(|h| h.tokens.start == span.start)
                .find(|h| h.entry.table == Table::Cue && h.tokens == span);
            match bare {
                None => Some(span),
                Some(h) if h.entry.gender.is_some() && span.len() > 1 && self.word(span.start).is_ascii() => {
                    Some(TokenSpan::new(span.start, span.start + 1))
                }
                Some(_) => None,
            }
        };
        let named = || source.cues.iter().filter_map(|c| Some((*c, naming(c)?)));
        // Its words in the trigger's sentence ("…," she added), else the last before it.
        let sentence = self.segments.sentences[segment.sentence].norm;
        let (_, words) = named()
            .filter(|(c, _)| sentence.start <= c.start && c.end <= sentence.end)
            .min_by_key(|(c, _)| (c.start > trigger.norm.start, c.start.abs_diff(trigger.norm.start)))
            .or_else(|| {
                named()
                    .filter(|(c, _)| c.end <= trigger.norm.start)
                    .max_by_key(|(c, _)| c.end)
            })
            .or_else(|| named().min_by_key(|(c, _)| c.start))?;
        Some((source.label.clone(), words))
    }

    /// A phrase as a party: the known party in it, else its words.
    fn party(&self, hits: &SentenceHits<'_>, span: TokenSpan) -> Arg {
        match self.known_party(hits, span) {
            Some((a, _)) => Arg::Actor(a),
            None => Arg::Named(self.words(span)),
        }
    }

    /// A phrase as what was acted on: the known place inside it (taken from `place`, which
    /// it no longer is), else its words.
    fn place_or_words(&self, place: &mut Option<(PlaceArg, TokenSpan)>, span: TokenSpan) -> Argument {
        match place.take_if(|(_, p)| span.start <= p.start && p.end <= span.end) {
            Some((pl, _)) => Argument::read(ArgRole::Target, Arg::Place(pl), span),
            None => Argument::read(ArgRole::Target, Arg::Named(self.words(span)), span),
        }
    }

    /// The actor a country's adjective next to a noun trigger names: after an Arabic one,
    /// as definite as the noun, past other adjectives (`القصف الروسي`, `الغارات الجوية
    /// الروسية`, `غارات روسية`); before an English one, capitalised, past an adjective
    /// or a compound word ("Russian shelling", "Turkish drone strikes").
    fn demonym_agent(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<(usize, TokenSpan)> {
        let demonyms = &self.lexicon.names.demonyms;
        let start = trigger.tokens.start;
        if self.word(start).is_ascii() {
            let mut k = start;
            while k > clause.start && start - k < 3 && !self.cut_before(k) {
                k -= 1;
                let w = self.word(k);
                if hits
                    .all
                    .iter()
                    .any(|h| h.tokens.contains(k) && h.entry.table != Table::Particle)
                {
                    return None;
                }
                if let Some(&a) = demonyms.get(w)
                    && self.capitalised(k)
                {
                    return (!self.patron_word(k)).then_some((a, TokenSpan::new(k, k + 1)));
                }
            }
            return None;
        }
        // `قصف تركي`: a nisba right after the word makes it a noun, whatever its shape.
        let noun = self.verbal_noun(trigger) || self.nominal(hits, trigger);
        let definite = |w: &str| w.starts_with("ال") || w.starts_with("وال");
        let noun_definite = definite(self.word(start)) || trigger.prefix.definite;
        let end = self
            .past_modifiers(hits, trigger.tokens.end, clause)
            .max(trigger.tokens.end);
        let noun = noun || end > trigger.tokens.end;
        (trigger.tokens.end..clause.end.min(end + 1)).find_map(|k| {
            if k > trigger.tokens.end && self.cut_before(k) {
                return None;
            }
            let w = self.word(k);
            let bare = w.strip_prefix("وال").or_else(|| w.strip_prefix("ال")).unwrap_or(w);
            let a = *demonyms.get(bare)?;
            (definite(w) == noun_definite && (noun || k == trigger.tokens.end)).then_some((a, TokenSpan::new(k, k + 1)))
        })
    }

    /// Who a town fell to: the phrase right after "to" or `بيد`/`في يد`/`بأيدي`/`لصالح`
    /// just after the trigger (or after a known place right after it: `سقطت سوليدار بيد
    /// X`), in its clause.
    fn fell_to(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        // A trigger that ends in "to" or "hands of" has the doer right after it.
        let last = self.word(trigger.tokens.end - 1);
        if last == "to" || last == "of" && self.word(trigger.tokens.end - 2) == "hands" {
            return self.phrase_at(hits, trigger.tokens.end, clause);
        }
        // Else past what fell (`سقوط بلدة X بيد Y`), within a few words.
        let mut k = trigger.tokens.end;
        while k < clause.end.min(trigger.tokens.end + 6) {
            if k > trigger.tokens.end && self.cut_before(k) {
                return None;
            }
            let len = match self.word(k) {
                "to" | "بيد" | "بايدي" | "لصالح" => 1,
                "في" if k + 1 < clause.end && matches!(self.word(k + 1), "يد" | "ايدي") => 2,
                _ => {
                    k += 1;
                    continue;
                }
            };
            return self.phrase_at(hits, k + len, clause);
        }
        None
    }

    /// The phrase of the first count after `trigger`, before the next event word, that
    /// no argument read so far holds.
    fn counted_after(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
        args: &[Argument],
    ) -> Option<TokenSpan> {
        let k = (trigger.tokens.end..self.next_event(hits, trigger, clause)).find(|&k| self.count(hits, k));
        // `ارتفعت حصيلة القتلى في البلدة، إلى 40 شخصا`: a toll's count after "to" may
        // stand past a comma, in the next clause of the sentence.
        let (k, clause) = match k {
            Some(k) => (k, clause),
            None => {
                let sentence = TokenSpan::new(clause.start, hits.range.end);
                let k = (clause.end..self.next_event(hits, trigger, sentence)).find(|&k| self.count(hits, k))?;
                let to = (k > 1 && matches!(self.word(k - 1), "الي" | "to"))
                    || (k > 2 && matches!(self.word(k - 2), "الي" | "to") && self.bound_before(hits, k, sentence) < k);
                if !to || k > clause.end + 3 {
                    return None;
                }
                (k, self.clause(hits.range, k))
            }
        };
        if args.iter().any(|a| a.tokens.is_some_and(|t| t.contains(k))) {
            return None;
        }
        self.phrase_at(hits, self.bound_before(hits, k, clause), clause)
    }

    /// Where the count at `k` starts, past the words that bound it before ("at least",
    /// `نحو`).
    fn bound_before(&self, hits: &SentenceHits<'_>, k: usize, clause: TokenSpan) -> usize {
        let mut k = k;
        while let Some(h) = hits
            .counts
            .iter()
            .find(|h| h.tokens.end == k && h.tokens.start >= clause.start && self.role(h) == ParticleRole::Approximate)
            && !self.cut_before(k)
        {
            k = h.tokens.start;
        }
        k
    }

    /// The English count right before a trigger, with a noun or two after the number
    /// and the words that bound it before ("more than 180", "at least 12 civilians"),
    /// inside `clause`.
    fn counted_before(&self, hits: &SentenceHits<'_>, trigger: &Hit, clause: TokenSpan) -> Option<TokenSpan> {
        let end = trigger.tokens.start;
        let floor = clause.start.max(end.saturating_sub(3));
        let mut k = end;
        while k > floor && !self.cut_before(k) {
            k -= 1;
            let w = self.word(k);
            if self.count(hits, k) {
                return Some(TokenSpan::new(self.bound_before(hits, k, clause), end));
            }
            if !w.is_ascii() || hits.all.iter().any(|h| h.tokens.contains(k)) {
                return None;
            }
        }
        None
    }

    /// Whether the word at `k` is a count: digits, or a numeral ("two", "dozens").
    pub(super) fn count(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        let w = self.word(k);
        (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b','))
            || hits
                .counts
                .iter()
                .any(|h| h.tokens.contains(k) && self.role(h) == ParticleRole::Numeral)
    }

    /// Digits or a numeral of the pack (`عشرات`, "dozens") after the trigger in its clause.
    fn number(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<(String, TokenSpan)> {
        let t = &self.matches.tokens.tokens;
        (trigger.tokens.end..clause.end).find_map(|k| {
            let w = self.word(k);
            if w.chars().all(|c| c.is_ascii_digit()) {
                // "100,000": groups of three digits after a comma are one number.
                let mut n = w.to_owned();
                let mut end = k + 1;
                while end < t.len()
                    && &self.ntext[t[end - 1].norm.end..t[end].norm.start] == ","
                    && self.word(end).len() == 3
                    && self.word(end).chars().all(|c| c.is_ascii_digit())
                {
                    n.push_str(self.word(end));
                    end += 1;
                }
                return Some((n, TokenSpan::new(k, end)));
            }
            // A numeral of the pack (`عشرات`, "dozens"), without the clitics before it.
            hits.counts
                .iter()
                .find(|h| h.tokens.start == k && h.tokens.len() == 1 && self.role(h) == ParticleRole::Numeral)
                .map(|h| (w.get(h.prefix.len..).unwrap_or(w).to_owned(), TokenSpan::new(k, k + 1)))
        })
    }

    /// The party a negated statement excepts, after the trigger in its clause (`لم يشارك
    /// في الهجوم أي فصيل غير الكتيبة`, "no unit except the marines entered"): the phrase
    /// after an `exception` word. `غير` and "but" except only after an `any` particle ("any",
    /// "no", `أي`) within four words before them (`عدد غير محدد` is a number not known).
    fn excepted(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let negation = hits.markers.iter().any(|h| {
            self.lexicon.entries.markers[h.entry.index as usize].entry.kind == MarkerKind::Negation
                && h.tokens.start >= clause.start
                && h.tokens.end <= trigger.tokens.start
        });
        if !negation {
            return None;
        }
        let any =
            |k: usize| (k.saturating_sub(4).max(clause.start)..k).any(|j| self.particle_at(hits, j, ParticleRole::Any));
        hits.all
            .iter()
            .filter(|h| {
                h.entry.table == Table::Particle
                    && self.role(h) == ParticleRole::Exception
                    && h.tokens.start >= trigger.tokens.end
                    && h.tokens.end < clause.end
                    // `إلا أن`, "however": a conjunction, no exception.
                    && !hits.particles.iter().any(|c| {
                        self.role(c) == ParticleRole::Conjunction && c.tokens.start == h.tokens.start && c.tokens.len() > 1
                    })
            })
            .find(|h| !matches!(self.word(h.tokens.start), "غير" | "but") || any(h.tokens.start))
            .and_then(|h| self.phrase_at(hits, h.tokens.end, clause))
    }

    /// Whether a negation marker stands right before the trigger (within two words, in
    /// its clause).
    fn negated(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> bool {
        // A trigger that carries its own negation (`لم تحرك ساكناً`) is not negated again
        // by the `لا` before it.
        let own = matches!(
            self.word(trigger.tokens.start),
            "لم" | "لا" | "عدم" | "لعدم" | "وعدم" | "not" | "no" | "never"
        );
        if own {
            return false;
        }
        // A negation marker within `gap` words before token `at`, in the clause.
        let negation_before = |at: usize, gap: usize| {
            hits.markers.iter().any(|h| {
                self.lexicon.entries.markers[h.entry.index as usize].entry.kind == MarkerKind::Negation
                    && h.tokens.end <= at
                    && h.tokens.start >= clause.start
                    && at - h.tokens.end <= gap
            })
        };
        let start = trigger.tokens.start;
        negation_before(start, 1)
            // "No raid or capture", `لا حصار أو اقتحام`: joined by "or" to a negated event.
            || (start > clause.start
                && matches!(self.word(start - 1), "or" | "nor" | "او")
                && negation_before(start - 1, 3))
            // `لم تتعرض قواتنا لأي حصار`, "did not launch any attack": a negated light or
            // suffer verb governs the event its object names.
            || hits.particles.iter().any(|h| {
                matches!(self.role(h), ParticleRole::LightVerb | ParticleRole::SufferVerb)
                    && h.tokens.start >= clause.start
                    && h.tokens.end <= start
                    && start - h.tokens.end <= 3
                    && negation_before(h.tokens.start, 1)
            })
    }
}
