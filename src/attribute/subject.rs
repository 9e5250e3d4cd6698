//! Who speaks when no lexicon entry says so, and how far a closing cue reaches.
//!
//! - A reporting verb's subject may be a noun phrase no lexicon names ("The Ukrainian
//!   army denies", "a regional governor said", "the leader of the group claimed"): it is
//!   carried as written, a source of unknown kind ([`Reader::open_subject`]).
//! - A cue that closes a sentence may be followed by adjuncts ("…," Prigozhin said on
//!   Sunday in an audio message) and still govern what came before it
//!   ([`Reader::trailing`]).
//! - A name's bracketed abbreviation is part of it ("Syrian Democratic Forces (SDF)",
//!   [`merge_abbreviations`]).
//! - A line that opens with a source and a colon is that source's ("ISW: Russian troops
//!   …", [`Reader::colon_speaker`]).

use super::{Cand, Candidate, Np, Parts, RULE, Reader};
use crate::lexicon::matcher::Hit;
use crate::lexicon::morphology::broken_plural;
use crate::lexicon::schema::{Gender, ParticleRole, Role};
use crate::span::TokenSpan;

/// The longest phrase read as an unnamed subject, in words.
pub(super) const MAX_SUBJECT_WORDS: usize = 8;

/// How far past a preposition after an unnamed speaker its complementizer may stand
/// (`قالت الكتيبة في بيان على تلغرام إن`): where or how it was said.
const SAID_WHERE_REACH: usize = 7;

/// English words that open no subject of their own: pronouns (a cue's own forms carry
/// "he said"), and words that make the phrase something else than a speaker.
const EN_NOT_SUBJECT: &[&str] = &[
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "there",
    "which",
    "who",
    "what",
    "this",
    "that",
    "these",
    "those",
    "today",
    "yesterday",
    "afterward",
    "afterwards",
    "later",
    "then",
    "meanwhile",
    "subsequently",
    "previously",
    "again",
    "here",
    "not",
    "also",
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "be",
    "if",
    "when",
    "as",
    "after",
    "before",
    "since",
    "while",
    "although",
    "though",
    "because",
    "once",
    "unless",
    "until",
    "where",
    "whether",
    "so",
    "than",
    "but",
    "and",
    "or",
];

impl Reader<'_> {
    /// Whether only adjuncts follow token `at` to the end of the sentence, so that a cue
    /// ending there closes it: nothing ("…, she said."), or a phrase opened by a
    /// preposition, a time word or a comma ("said on Sunday in a statement to Reuters",
    /// "confirmed, adding that …") with no complementizer before the next cue. Only in
    /// English: an Arabic verb's prepositional phrase is its complement (`أكد على`,
    /// `أشار إلى`), and a closing Arabic cue ends its sentence.
    pub(super) fn trailing(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> bool {
        if at >= range.end {
            return true;
        }
        let t = &self.tokens.tokens;
        if at == 0 || !self.word(at - 1).is_ascii() {
            return false;
        }
        let opens_adjunct = t[at].barrier_before
            || matches!(
                parts.particles.get(&at),
                Some((role, _)) if role.is_preposition() || matches!(role, ParticleRole::Time | ParticleRole::Auxiliary)
            )
            || matches!(self.word(at), "late" | "early" | "earlier" | "later")
            // "…, Reuters reported citing a source".
            || parts.cues.iter().any(|c| c.tokens.start == at && self.adjunct_cue(c));
        if !opens_adjunct {
            return false;
        }
        for (k, token) in t.iter().enumerate().take(range.end).skip(at) {
            if let Some(cue) = parts.cues.iter().find(|c| c.tokens.start == k) {
                // "said in a statement to Reuters": a statement or a relay is an adjunct;
                // another verb after a comma ("…, adding that") speaks on for the same
                // source.
                if self.adjunct_cue(cue) {
                    continue;
                }
                return token.barrier_before;
            }
            if matches!(parts.particles.get(&k), Some((ParticleRole::Complementizer, _))) {
                return false;
            }
        }
        true
    }

    /// Whether a cue adds to a statement rather than making one: a statement noun, a
    /// told-to or a relay ("in a statement", "told Reuters", "citing a source").
    fn adjunct_cue(&self, cue: &Hit) -> bool {
        matches!(
            self.lexicon.entries.cues[cue.entry.index as usize].entry.role,
            Role::Statement | Role::ToldTo | Role::Relays
        )
    }

    /// Whether a phrase opened by a preposition stands between tokens `from` and `to` (a
    /// verb's subject never does: "wrote on social media" is not said by the media).
    /// A preposition inside a longer particle does not count (`العديد من الصفحات`).
    pub(super) fn preposition_between(&self, parts: &Parts<'_>, from: usize, to: usize) -> bool {
        let mut k = from;
        while k < to {
            match parts.particles.get(&k) {
                Some((role, _)) if role.is_preposition() => return true,
                Some((_, len)) => k += (*len).max(1),
                None => k += 1,
            }
        }
        false
    }

    /// The English noun phrase right before a verb at token `at` that no lexicon entry
    /// names ("The Ukrainian army", "a senior commander with the SDF", "Ukraine's army"), past
    /// auxiliaries and adverbs ("has", "however"): it must open its clause or follow a
    /// conjunction or complementizer, hold no verb, cue, event or relative word, and at
    /// most [`MAX_SUBJECT_WORDS`] words.
    pub(super) fn open_subject(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        if at <= range.start || self.tokens.tokens[at].barrier_before {
            return None;
        }
        self.open_subject_ending(parts, range, at, false)
    }

    /// The English subject no lexicon names before a clause set off by commas between it
    /// and its verb at `at` ("The militia, which denies the charges, says"; "the council,
    /// based in the north, said"; "the council, a body of elders, said").
    pub(super) fn open_subject_before_aside(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        let t = &self.tokens.tokens;
        if at <= range.start || !t[at].barrier_before {
            return None;
        }
        let aside = self.clause_start(range, at - 1);
        if aside <= range.start + 1 || !t[aside].barrier_before || self.gap_before(aside).trim() != "," {
            return None;
        }
        let w = self.word(aside);
        let set_off = matches!(parts.particles.get(&aside), Some((ParticleRole::Relative, _)))
            || matches!(w, "a" | "an")
            || (w.is_ascii() && !w.contains('-') && (w.ends_with("ed") || w.ends_with("ing")));
        if !set_off {
            return None;
        }
        self.open_subject_ending(parts, range, aside, true)
    }

    /// The phrase [`Reader::open_subject`] reads, ending at `at`; `aside` when a comma
    /// stands right before `at`.
    fn open_subject_ending(&self, parts: &Parts<'_>, range: TokenSpan, at: usize, aside: bool) -> Option<Np> {
        let t = &self.tokens.tokens;
        let mut end = at;
        while end > range.start && !t[end].barrier_before {
            let k = end - 1;
            let adverb = matches!(parts.particles.get(&k), Some((ParticleRole::Auxiliary, 1)));
            if !adverb {
                break;
            }
            end = k;
        }
        let mut start = end;
        while start > range.start
            && end - start < MAX_SUBJECT_WORDS
            && ((aside && start == at) || !t[start].barrier_before)
        {
            let k = start - 1;
            let w = self.word(k);
            let particle = parts.particles.get(&k).map(|p| p.0);
            let fits = match particle {
                Some(ParticleRole::Article | ParticleRole::Quantifier | ParticleRole::Determiner) => true,
                Some(ParticleRole::Preposition) => matches!(w, "of" | "for" | "with"),
                Some(_) => false,
                None => {
                    w.is_ascii()
                        && !EN_NOT_SUBJECT.contains(&w)
                        && !w.bytes().any(|b| b.is_ascii_digit())
                        // A word in -ed or -ing is a verb or participle, unless it is
                        // hyphenated ("Kurdish-led", "British-based").
                        && (w.contains('-') || !(w.ends_with("ed") || w.ends_with("ing")))
                        // Names of actors and places may stand in it ("the SDF
                        // leadership"); an event or another cue may not.
                        && !parts.events.iter().any(|e| e.contains(k))
                        && !parts.cues.iter().any(|c| c.tokens.contains(k))
                }
            };
            if !fits {
                break;
            }
            start = k;
        }
        // The phrase opens at a word that can open one, not at "of" or "with".
        while start < end && matches!(parts.particles.get(&start), Some((ParticleRole::Preposition, _))) {
            start += 1;
        }
        if start >= end {
            return None;
        }
        let clause = self.clause_start(range, start);
        let opens = start == clause
            || matches!(
                parts.particles.get(&(start - 1)),
                Some((ParticleRole::Conjunction | ParticleRole::Complementizer, _))
            );
        // "No group has claimed": a subject that names no one is no speaker.
        if matches!(self.word(start), "no" | "none" | "nobody") {
            return None;
        }
        // At least one word of substance, and not just a determiner and a noun's ending.
        let content = (start..end).any(|k| !parts.particles.contains_key(&k));
        let last = self.word(end - 1);
        if !opens || !content || parts.particles.get(&(end - 1)).is_some() || last.len() < 2 {
            return None;
        }
        Some(self.phrase_np(TokenSpan::new(start, end), false))
    }

    /// A subject phrase no lexicon names, as a candidate noun phrase, past the
    /// conjunction its first word carries (`والكتيبة تؤكد`: the battalion).
    fn phrase_np(&self, tokens: TokenSpan, definite: bool) -> Np {
        let first = self.word(tokens.start);
        let conjunction = first
            .strip_prefix('و')
            .is_some_and(|rest| rest.starts_with("ال") && rest.chars().count() > 4);
        let from = self.tokens.tokens[tokens.start].norm.start + if conjunction { 'و'.len_utf8() } else { 0 };
        Np {
            tokens,
            candidate: Candidate {
                tokens,
                from,
                definite,
                cand: Cand::Phrase,
                rule: RULE.phrase.clone(),
            },
            quantified: false,
        }
    }

    /// Whether the word at `k` may be part of a name no lexicon lists: no particle, cue or
    /// event covers it, and it holds no digit.
    pub(super) fn unclaimed(&self, parts: &Parts<'_>, k: usize) -> bool {
        !parts.particles.contains_key(&k)
            && !parts.events.iter().any(|e| e.contains(k))
            && !parts.cues.iter().any(|c| c.tokens.contains(k))
            && !self.word(k).bytes().any(|b| b.is_ascii_digit())
    }

    /// The words after "according to" that no lexicon names ("the Ukrainian army",
    /// `الجيش الأوكراني`): past an article, up to [`MAX_SUBJECT_WORDS`] words holding no
    /// particle, cue or event, to the clause's end.
    pub(super) fn according_phrase(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        let t = &self.tokens.tokens;
        let mut start = at;
        while start < range.end && matches!(self.word(start), "the" | "a" | "an") {
            start += 1;
        }
        let mut end = start;
        while end < range.end
            && end - start < MAX_SUBJECT_WORDS
            && (end == start || !t[end].barrier_before)
            && self.unclaimed(parts, end)
        {
            end += 1;
        }
        let closes = end >= range.end || t[end].barrier_before;
        (end > start && closes).then(|| self.phrase_np(TokenSpan::new(start, end), true))
    }

    /// The Arabic noun phrase right after a reporting verb that no lexicon names (VSO:
    /// `أقر الجيش الأوكراني بالانسحاب`, `أعلنت الحكومة الكندية أن`, past a preposition
    /// with a pronoun: `تطالب به الحكومة`): a definite noun, or a
    /// noun in construct before one, with the definite adjectives after it, at most
    /// [`MAX_SUBJECT_WORDS`] words, holding no particle, cue or event. It must be followed
    /// by what a verb's subject is: a complementizer, a ب complement, a time word, an event
    /// word, a light verb's words (`نفت الكتيبة مسؤوليتها عن`) or a definite broken plural
    /// (the verb's object), a preposition with a
    /// complementizer a few words on (`قالت الكتيبة في بيان إن`), a colon or the end of
    /// its clause (in `أكد الاستعداد للحوار`, the noun is the verb's object).
    pub(super) fn open_subject_after(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        let t = &self.tokens.tokens;
        let free = |k: usize| k < range.end && self.unclaimed(parts, k);
        if at >= range.end || t[at].barrier_before || !free(at) || self.word(at).is_ascii() {
            return None;
        }
        // Past a preposition with a pronoun (`تطالب به الحكومة`): it is no subject.
        let at = if self.lexicon.names.pronominal_preposition(self.word(at)) {
            at + 1
        } else {
            at
        };
        if at >= range.end || t[at].barrier_before || !free(at) {
            return None;
        }
        let definite = |k: usize| self.word(k).starts_with("ال");
        // `طالبت المنظمة الفصائل بـ`: a definite broken plural after a definite noun is
        // no adjective of it but the verb's object.
        let object = |k: usize| self.word(k).strip_prefix("ال").is_some_and(broken_plural);
        // `الكتيبة التابعة للجيش`: an active participle (فاعل) takes its complement with
        // ل; after a noun, a word with ل says to whom it was said (`قالت الكتيبة
        // للصحفيين`).
        let participle = |k: usize| {
            let w = self.word(k).strip_prefix("ال").unwrap_or("");
            let n = w.chars().count();
            (4..=5).contains(&n) && w.chars().nth(1) == Some('ا')
        };
        let complement = |k: usize| self.word(k).starts_with("لل") && participle(k - 1);
        let mut end = at + 1;
        while end < range.end
            && end - at < MAX_SUBJECT_WORDS
            && !t[end].barrier_before
            && free(end)
            && (definite(end) || complement(end))
            && !(definite(end - 1) && object(end))
        {
            end += 1;
        }
        if !(at..end).any(definite) {
            return None;
        }
        let follows = end >= range.end
            || t[end].barrier_before
            || matches!(
                parts.particles.get(&end),
                Some((ParticleRole::Complementizer | ParticleRole::Time | ParticleRole::LightVerb, _))
            )
            || (self.word(end).starts_with('ب') && !self.word(end).starts_with("ال"))
            // `نفى الجيش انسحابه`: the event it reports is the verb's object.
            || parts.events.iter().any(|e| e.start == end)
            || (free(end) && object(end))
            // `قالت الكتيبة في بيان على تلغرام إن`: where or how it was said, then what.
            || (matches!(parts.particles.get(&end), Some((role, _)) if role.is_preposition())
                && (end + 1..range.end.min(end + SAID_WHERE_REACH))
                    .take_while(|&k| {
                        !t[k].barrier_before
                            && !parts.cues.iter().any(|c| {
                                c.tokens.start == k
                                    && self.lexicon.entries.cues[c.entry.index as usize].entry.role != Role::Statement
                            })
                    })
                    .any(|k| matches!(parts.particles.get(&k), Some((ParticleRole::Complementizer, _)))));
        if !follows {
            return None;
        }
        Some(self.phrase_np(TokenSpan::new(at, end), true))
    }

    /// The Arabic subject no lexicon names that opens its clause right before a reporting
    /// verb (SVO, as headlines write it: `الهيئة الطبية تكشف`, `لكن اللجنة المحلية قالت`):
    /// up to [`MAX_SUBJECT_WORDS`] words holding no particle, cue, event or known name, one
    /// of them definite, from the sentence's start or right after a conjunction or a
    /// complementizer.
    pub(super) fn open_subject_before(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        let t = &self.tokens.tokens;
        if at <= range.start || self.word(at).is_ascii() || t[at].barrier_before {
            return None;
        }
        let free = |k: usize| {
            !parts.particles.contains_key(&k)
                && !parts.events.iter().any(|e| e.contains(k))
                && !parts.cues.iter().any(|c| c.tokens.contains(k))
                && !parts.candidates.iter().any(|c| c.tokens.contains(k))
                && !self.word(k).is_ascii()
        };
        let mut start = at;
        while start > range.start && at - start < MAX_SUBJECT_WORDS && free(start - 1) && !t[start].barrier_before {
            start -= 1;
        }
        let opens = start == range.start
            || (!t[start].barrier_before
                && parts.particles.iter().any(|(p, (role, len))| {
                    p + len == start && matches!(role, ParticleRole::Conjunction | ParticleRole::Complementizer)
                }));
        let definite = |k: usize| self.word(k).trim_start_matches('و').starts_with("ال");
        (start < at && opens && (start..at).any(definite)).then(|| self.phrase_np(TokenSpan::new(start, at), true))
    }

    /// A name right after an Arabic reporting verb, before its object or a
    /// complementizer (`تنفي كييف التصريحات`, `أعلنت موسكو أن`, `أكد عمر حداد أن`): a
    /// known place (a capital standing for its government) or one to three words no
    /// lexicon entry covers, shaped as a name (no article, no ta marbuta, no digit). No
    /// lexicon says who it is, so it is carried as written; it is never read as the last
    /// speaker.
    pub(super) fn name_subject_after(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        let t = &self.tokens.tokens;
        if at >= range.end || t[at].barrier_before {
            return None;
        }
        let place = match parts.places.iter().find(|p| p.start == at) {
            Some(p) => *p,
            // A person's name of two or three such words (`أكد عمر حداد أن`).
            None if self.name_shaped(at) => {
                let mut end = at + 1;
                while end < range.end && end - at < 3 && !t[end].barrier_before && self.name_shaped(end) {
                    end += 1;
                }
                TokenSpan::new(at, end)
            }
            None => return None,
        };
        let end = place.end;
        let object = end < range.end
            && !t[end].barrier_before
            && (self.word(end).starts_with("ال")
                || matches!(parts.particles.get(&end), Some((ParticleRole::Complementizer, _))));
        (object && !self.word(at).is_ascii()).then(|| self.phrase_np(place, true))
    }

    /// The words between a reporting verb and the news agency the statement was told to
    /// (`قال أحمد سعيد لوكالة الأناضول`): a speaker no lexicon names, one to three words
    /// with no particle, cue or event among them.
    pub(super) fn subject_before_addressee(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        let t = &self.tokens.tokens;
        let to = parts
            .candidates
            .iter()
            .find(|c| c.tokens.start > at && c.tokens.start <= at + MAX_SUBJECT_WORDS && self.addressee(parts, c))?;
        let free = (at..to.tokens.start).all(|k| {
            !parts.particles.contains_key(&k)
                && !parts.events.iter().any(|e| e.contains(k))
                && !parts.cues.iter().any(|c| c.tokens.contains(k))
                && !parts.candidates.iter().any(|c| c.tokens.contains(k))
                && (k == at || !t[k].barrier_before)
                && !self.word(k).is_ascii()
        });
        (free && at < range.end).then(|| self.phrase_np(TokenSpan::new(at, to.tokens.start), true))
    }

    /// The source a sentence opens with when a colon follows it ("ISW: Russian troops …",
    /// `“الدفاع التركية”: سيطرنا`): a headline's way of quoting.
    pub(super) fn colon_speaker(&self, parts: &Parts<'_>, range: TokenSpan) -> Option<Np> {
        let c = parts
            .candidates
            .iter()
            .find(|c| self.phrase_start(range, c.tokens.start) == range.start)?;
        let end = c.tokens.end;
        if end >= range.end || !matches!(c.cand, Cand::Known(_) | Cand::Actor(_) | Cand::Person { .. }) {
            return None;
        }
        // A dateline ("HASAKEH: Kurdish forces …") is a place in capitals; an acronym
        // ("ISW:") is a source.
        let words = self.tokens.words(c.tokens);
        let original = &self.text[self.norm.to_original(self.tokens.norm_of(c.tokens)).range()];
        let capitals = original.is_ascii() && !original.chars().any(char::is_lowercase);
        if matches!(c.cand, Cand::Person { title: None }) && words.len() > 3 && capitals {
            return None;
        }
        let colon_after = |k: usize| {
            self.gap_before(k)
                .trim_matches(|ch: char| ch.is_whitespace() || ch == '"' || ch == '\'')
                .starts_with(':')
        };
        // Adjectives may stand between the name and its colon (`"فاغنر" الروسية:`).
        let mut at = end;
        while at + 1 < range.end && at - end < 2 && !colon_after(at) && self.adjective(self.word(at)) {
            at += 1;
        }
        colon_after(at).then(|| super::np_of(c))
    }

    /// A headline's speaker named last, after a colon or a dash ("Raids must stop: UN",
    /// "… — Reuters", `…: قسد`): a known source or party, or a person, that ends the
    /// sentence.
    pub(super) fn trailing_colon_speaker(&self, parts: &Parts<'_>, range: TokenSpan) -> Option<Np> {
        let c = parts.candidates.iter().rev().find(|c| c.tokens.end == range.end)?;
        let s = self.phrase_start(range, c.tokens.start);
        // A generic source noun there ("… — media", "…: sources") is whoever it names.
        (s > range.start
            && matches!(
                c.cand,
                Cand::Known(_) | Cand::Actor(_) | Cand::Person { .. } | Cand::Noun { .. }
            )
            && {
                // A dash only between spaces ("… — Reuters", not "Kurdish-led").
                let gap = self.gap_before(s);
                gap.trim_end().ends_with(':')
                    || (matches!(gap.trim(), "-" | "—" | "–") && gap.starts_with(' ') && gap.ends_with(' '))
            })
        .then(|| super::np_of(c))
    }

    /// The English subject pronoun right before the verb at `at`, past auxiliaries and
    /// adverbs ("they also pointed out", "he later noted"): where it stands and its
    /// gender (none for "they" or "it").
    pub(super) fn pronoun_subject(
        &self,
        parts: &Parts<'_>,
        range: TokenSpan,
        at: usize,
    ) -> Option<(usize, Option<Gender>)> {
        let t = &self.tokens.tokens;
        let mut k = at;
        while k > range.start
            && !t[k].barrier_before
            && matches!(parts.particles.get(&(k - 1)), Some((ParticleRole::Auxiliary, 1)))
        {
            k -= 1;
        }
        if k == range.start || t[k].barrier_before || !self.clause_initial(range, k - 1) {
            return None;
        }
        let subject = k - 1;
        match self.word(subject) {
            "he" => Some((subject, Some(Gender::M))),
            "she" => Some((subject, Some(Gender::F))),
            "they" | "it" => Some((subject, None)),
            _ => None,
        }
    }

    /// The gender an object pronoun at token `at` refers to ("according to him"):
    /// `Some(None)` for one that does not say ("them").
    pub(super) fn pronoun_at(&self, range: TokenSpan, at: usize) -> Option<Option<Gender>> {
        if at >= range.end || self.tokens.tokens[at].barrier_before {
            return None;
        }
        match self.word(at) {
            "him" => Some(Some(Gender::M)),
            "her" => Some(Some(Gender::F)),
            "them" | "it" => Some(None),
            _ => None,
        }
    }

    /// Whether a sentence opens by pointing back at the one before: "This was reported
    /// by …", "That was stated by …", `جاء ذلك في بيان …`, `وذكر ذلك …`.
    pub(super) fn opens_pointing_back(&self, parts: &Parts<'_>, range: TokenSpan) -> bool {
        let w = |k: usize| if k < range.end { self.word(k) } else { "" };
        let s = range.start;
        // `بعد ذلك` (after that) points back in time, not at a statement: only "came"
        // or a reporting verb before `ذلك`.
        let arabic_verb = matches!(w(s), "جاء" | "وجاء") || parts.cues.iter().any(|c| c.tokens.start == s);
        matches!(w(s), "this" | "that") && matches!(w(s + 1), "was" | "were" | "is" | "has")
            || arabic_verb && w(s + 1) == "ذلك" && !self.tokens.tokens[s + 1].barrier_before
    }

    /// The word of token `k` in the token text.
    pub(super) fn word(&self, k: usize) -> &str {
        &self.tokens.text[self.tokens.tokens[k].tt.range()]
    }
}

/// Folds a name's abbreviation in brackets right after it into the name ("Syrian
/// Democratic Forces (SDF)", "the Institute for the Study of War (ISW)"): the
/// abbreviation is no second source, and the name ends after it. `gap` gives the
/// normalised text between two tokens.
pub(super) fn merge_abbreviations<'g>(candidates: &mut Vec<Candidate>, gap: impl Fn(usize) -> &'g str) {
    let mut k = 0;
    while k + 1 < candidates.len() {
        let (a, b) = (&candidates[k], &candidates[k + 1]);
        let bracketed = b.tokens.start == a.tokens.end
            && b.tokens.len() <= 3
            && gap(b.tokens.start).contains('(')
            && gap(b.tokens.end).contains(')');
        if bracketed {
            candidates[k].tokens.end = candidates[k + 1].tokens.end;
            candidates.remove(k + 1);
        } else {
            k += 1;
        }
    }
}
