//! Events named in adjuncts of time or circumstance. An event noun an adjunct heads
//! ("entered the town amid heavy shelling", `بعد معارك عنيفة`) is not said to be done by
//! a party of the main clause; an English -ing adjunct with no subject of its own
//! ("withdrew after shelling the town", "…, killing four soldiers") has the main
//! clause's.

use super::{Reader, SentenceHits};
use crate::lexicon::matcher::{Hit, Table};
use crate::lexicon::schema::ParticleRole;
use crate::span::TokenSpan;

/// English prepositions that take an -ing form whose subject is the main clause's ("by
/// shelling", "without firing"), besides the subordinators.
const EN_GERUND_PREPOSITIONS: [&str; 2] = ["by", "without"];

impl Reader<'_> {
    /// The subordinator that opens the adjunct an event noun heads, past articles,
    /// adjectives, numbers, time words and "of" ("after days of fighting"); none for an
    /// English -ing form with an object after it ("after shelling the town" is a verb).
    pub(super) fn adjunct_opener(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<usize> {
        let mut k = trigger.tokens.start;
        while k > clause.start && self.inside_noun_phrase(hits, k - 1) {
            k -= 1;
        }
        // The word (or words: `في ظل`) that opens the adjunct ends where its phrase starts.
        let opener = hits.subordinators.iter().find(|h| {
            h.tokens.end == k && h.tokens.start >= clause.start && self.opens(hits, h.tokens.start, self.role(h))
        })?;
        // A verb form with its object is the main clause's subject's act: "after shelling
        // the town", `بعد محاصرتها` (after besieging it).
        let gerund = k == trigger.tokens.start
            && (self.gerund_with_object(hits, clause, trigger) || trigger.inflection.pronoun());
        (!gerund).then_some(opener.tokens.start)
    }

    /// Whether an English -ing trigger heads an adjunct with no subject of its own: after
    /// a subordinator or "by"/"without" with its object after it ("after shelling the
    /// town"), or opening its clause after a comma ("…, killing four soldiers").
    pub(super) fn ing_adjunct(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> bool {
        let t = trigger.tokens;
        let word = self.word(t.start);
        if !word.is_ascii() || !word.ends_with("ing") {
            return false;
        }
        if t.start == clause.start {
            let tokens = &self.matches.tokens.tokens;
            return t.start > 0 && self.ntext[tokens[t.start - 1].norm.end..tokens[t.start].norm.start].contains(',');
        }
        let before = t.start - 1;
        (self.subordinator(hits, before) || EN_GERUND_PREPOSITIONS.contains(&self.word(before)))
            && self.gerund_with_object(hits, clause, trigger)
    }

    /// Whether an English -ing trigger takes an object right after it (an article or a
    /// name opens it): a verb form, not a noun.
    fn gerund_with_object(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> bool {
        let t = trigger.tokens;
        let word = self.word(t.start);
        word.is_ascii()
            && word.ends_with("ing")
            && t.end < clause.end
            && (self.capitalised(t.end)
                || hits
                    .particles
                    .iter()
                    .any(|h| h.tokens.start == t.end && self.role(h) == ParticleRole::Article))
    }

    /// Whether token `k` can stand inside a noun phrase before its head: an article, an
    /// adjective, a number, "of"/`من`, or a time word that counts the event ("days of
    /// fighting", `ساعات من القصف`; in `قبل أسبوع هجوما` the adjunct ends at the
    /// week).
    fn inside_noun_phrase(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        let of = |w: &str| matches!(w, "of" | "من");
        of(self.word(k))
            || self.word(k).chars().all(|c| c.is_ascii_digit())
            || hits.all.iter().any(|h| {
                h.entry.table == Table::Particle
                    && h.tokens.contains(k)
                    && match self.role(h) {
                        ParticleRole::Article
                        | ParticleRole::Modifier
                        | ParticleRole::Numeral
                        | ParticleRole::Approximate => true,
                        ParticleRole::Time => of(self.word(h.tokens.end)),
                        _ => false,
                    }
            })
    }
}
