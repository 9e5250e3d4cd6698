//! Demands said with a word of obligation: "the council should free the detainees",
//! `يجب على الفصائل أن تنسحب`. Whoever says the clause demands the act that follows of
//! the clause's subject (in Arabic, of the party after `على`); the act is the demand's
//! content, not a claim that it happened.

use super::{Arg, Argument, Reader, SentenceHits};
use crate::attribute::Segment;
use crate::lexicon::matcher::Hit;
use crate::lexicon::schema::{ArgRole, ParticleRole};
use crate::span::TokenSpan;

/// English words between a word of obligation and its verb that leave the verb's voice
/// as it is ("should not", "must still").
const EN_BETWEEN: [&str; 6] = ["not", "never", "also", "still", "now", "immediately"];

/// The English word of obligation that also says what is expected to happen: with an
/// event as its subject ("the withdrawal should end by Friday") it demands nothing.
const EN_EXPECTS: &str = "should";

/// `علينا`: "on us", the speaker's demand of itself.
const AR_ON_US: &str = "علينا";

impl Reader<'_> {
    /// The arguments of an `obliges` trigger's demand and the tokens they cover, or none
    /// where the words say no demand: "must have"/"should have" infer or reproach; a word
    /// of obligation with no subject before it opens a condition ("should the talks
    /// fail"); an event as the subject of "should" ("the withdrawal should end by Friday")
    /// is expected, not demanded ("the attack must be investigated" is a demand). A
    /// first-person subject ("we must") demands of itself and is the agent; otherwise the
    /// speaker the segment's source names is the agent, and the subject is whom it is
    /// demanded of, unless the verb after is passive ("must be investigated": no one
    /// named).
    pub(super) fn obligation(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
        segment: &Segment,
    ) -> Option<(Vec<Argument>, TokenSpan)> {
        let t = trigger.tokens;
        let latin = self.word(t.start).is_ascii();
        let after = |k: usize| if k < clause.end { self.word(k) } else { "" };
        let mut place = None;
        let (subject, passive, first_person) = if latin {
            let mut k = t.end;
            while EN_BETWEEN.contains(&after(k)) || (after(k).len() > 4 && after(k).ends_with("ly")) {
                k += 1;
            }
            if after(t.end) == "have" {
                return None;
            }
            let event_before = hits.predicates.iter().any(|h| h.tokens.end == t.start);
            let mut subject = self.phrase_before(hits, t.start, clause);
            // "The authorities in the north should": where they are is no one.
            if let Some(s) = subject
                && let Some(at) = hits
                    .particles
                    .iter()
                    .find(|h| self.role(h) == ParticleRole::Locative && h.tokens.end == s.start)
                && let Some(before) = self.phrase_before(hits, at.tokens.start, clause)
            {
                place = Some(s);
                subject = Some(before);
            }
            if subject.is_none() && !event_before {
                return None;
            }
            let first_person = subject.is_some_and(|s| s.len() == 1 && matches!(self.word(s.start), "we" | "i"));
            (subject, after(k) == "be", first_person)
        } else {
            match after(t.end) {
                "علي" => (self.phrase_at(hits, t.end + 1, clause), false, false),
                AR_ON_US => (Some(TokenSpan::new(t.end, t.end + 1)), false, true),
                // `عليها`, `عليهم`: of whom, by the pronoun on `على`.
                w if w.starts_with("علي") && self.lexicon.names.pronominal_preposition(w) => {
                    (Some(TokenSpan::new(t.end, t.end + 1)), false, false)
                }
                _ => (None, false, false),
            }
        };
        // The event heads the subject: it ends it, or the subject is its genitive ("the
        // withdrawal of the militia"); a participle before a noun does not ("the
        // detaining authorities").
        let ends_event = |end: usize| hits.predicates.iter().any(|h| h.tokens.end == end);
        let event_subject = ends_event(t.start)
            || subject.is_some_and(|s| {
                ends_event(s.end)
                    || (s.start > clause.start + 1 && self.word(s.start - 1) == "of" && ends_event(s.start - 1))
            });
        if event_subject && self.word(t.start) == EN_EXPECTS {
            return None;
        }
        let mut args = Vec::new();
        let mut cover = t;
        if let Some(s) = subject {
            cover = TokenSpan::new(cover.start.min(s.start), cover.end.max(s.end));
        }
        match subject {
            // "We": the speaker, at its own word.
            Some(s) if first_person => {
                let label = self
                    .speaker_named(segment, trigger)
                    .map_or_else(|| self.words(s), |(label, _)| label);
                args.push(Argument::read(ArgRole::Agent, Arg::Named(label), s));
            }
            _ => {
                if let Some((label, span)) = self.speaker_named(segment, trigger) {
                    args.push(Argument::read(ArgRole::Agent, Arg::Named(label), span));
                }
                if let Some(s) = subject.filter(|_| !passive) {
                    args.push(Argument::read(ArgRole::Target, self.party(hits, s), s));
                }
            }
        }
        if let Some(s) = place {
            let arg = match self.place_in(hits, s, segment.sentence) {
                Some((pl, span)) => Argument::read(ArgRole::Place, Arg::Place(pl), span),
                None => Argument::read(ArgRole::Place, Arg::Named(self.words(s)), s),
            };
            args.push(arg);
        }
        (!args.is_empty()).then_some((args, cover))
    }
}
