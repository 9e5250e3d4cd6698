//! The source phrases around a cue: the one after it (VSO, "according to X", a
//! relay's inner source), the one before it (SVO, past adverbs, appositives and relative
//! clauses), and an apposition that joins a title or a generic noun to the name after it.

use super::{Cand, Candidate, Np, Parts, Reader, np_of};
use crate::lexicon::schema::{ParticleRole, Role};
use crate::span::TokenSpan;

impl Reader<'_> {
    /// The source phrase right after a cue.
    pub(super) fn np_after(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        self.np_after_within(parts, range, at, 4, false)
    }

    pub(super) fn np_after_within(
        &self,
        parts: &Parts<'_>,
        range: TokenSpan,
        at: usize,
        window: usize,
        skip_preposition: bool,
    ) -> Option<Np> {
        let mut limit = at + window;
        let mut quantified = false;
        let mut i = at;
        while i < range.end.min(limit) {
            if i > at && self.tokens.tokens[i].barrier_before {
                return None;
            }
            if let Some(&(role, len)) = parts.particles.get(&i) {
                match role {
                    ParticleRole::Complementizer => return None,
                    ParticleRole::Quantifier => {
                        quantified = true;
                        limit += len;
                        i += len;
                        continue;
                    }
                    role if role.is_preposition() && skip_preposition && i == at => {
                        i += len;
                        limit += len;
                        continue;
                    }
                    _ => {}
                }
            }
            if parts.cues.iter().any(|c| c.tokens.start == i) {
                return None;
            }
            if let Some(c) = parts.candidates.iter().find(|c| c.tokens.start == i) {
                return Some(self.apposition(parts, range, c, quantified));
            }
            i += 1;
        }
        None
    }

    /// A generic noun or actor followed closely by a name is that name
    /// (`وكالة أنباء النظام سانا`, `الصحفي “إبراهيم الحبش”`).
    pub(super) fn apposition(&self, parts: &Parts<'_>, range: TokenSpan, first: &Candidate, quantified: bool) -> Np {
        if !first.cand.specific() || matches!(first.cand, Cand::Person { title: Some(_) }) {
            let window = first.tokens.start + 1..(first.tokens.end + 5).min(range.end);
            for c in &parts.candidates {
                if c.tokens.start < window.start || c.tokens.start >= window.end || !c.cand.specific() {
                    continue;
                }
                if matches!(c.cand, Cand::Person { title: Some(_) }) {
                    continue;
                }
                let between = first.tokens.end..c.tokens.start;
                // A title may be followed by where the person serves (`القيادي في الجبهة
                // الوطنية للتحرير “جابر علي باشا”`); a generic noun only by its own words.
                let title = matches!(first.cand, Cand::Person { title: Some(_) });
                let t = &self.tokens.tokens;
                // A title's name may stand between commas (`المتحدث العسكري في شرق
                // البلاد، سامر الخطيب، قال`).
                let set_off =
                    title && t[c.tokens.start].barrier_before && t.get(c.tokens.end).is_none_or(|n| n.barrier_before);
                let blocked = between.clone().any(|k| {
                    t[k].barrier_before
                        || match parts.particles.get(&k) {
                            Some((role, _)) if role.is_preposition() => !title,
                            Some(_) => true,
                            None => false,
                        }
                        || parts.cues.iter().any(|q| q.tokens.start == k)
                }) || t[c.tokens.start].barrier_before && c.tokens.start > first.tokens.end && !set_off;
                // What a title serves (`المتحدث في شرق أوكرانيا`) is not its holder.
                let served = title
                    && c.tokens.start > 0
                    && matches!(parts.particles.get(&(c.tokens.start - 1)), Some((role, _)) if role.is_preposition());
                if blocked || served || self.addressee(parts, c) {
                    continue;
                }
                let mut candidate = c.clone();
                if let (Cand::Person { title: Some(t) }, Cand::Person { title: None }) = (first.cand, c.cand) {
                    candidate.cand = Cand::Person { title: Some(t) };
                }
                return Np {
                    tokens: TokenSpan::new(first.tokens.start, c.tokens.end),
                    candidate,
                    quantified,
                };
            }
        }
        Np {
            tokens: first.tokens,
            candidate: first.clone(),
            quantified,
        }
    }

    /// Folds a noun into the party it belongs to when the party names it: a journalist
    /// into the news outlet they work for ("SANA reporter", "Reuters' correspondent",
    /// `مراسل سانا`, `لمراسلة وكالة الأناضول`), a statement or a video into whoever issued
    /// it ("the SDF statement", `بيان قسد`). The outlet or party speaks or is told: the
    /// publishing outlet's own reporter is no source in its article, and a source told
    /// another outlet's reporter is relayed by that outlet. English names the party
    /// before the noun (with a possessive), Arabic after it. Candidates are sorted by
    /// start.
    pub(super) fn owned_nouns(&self, candidates: &mut Vec<Candidate>) {
        let e = &self.lexicon.entries;
        let t = &self.tokens.tokens;
        // Which parties may own the noun: news outlets only, or any named party.
        let owned = |c: &Candidate| match c.cand {
            Cand::Person { title: Some(n) } => (e.source_nouns[n].entry.kind == "journalist").then_some(true),
            Cand::Noun { index, .. } => {
                matches!(e.source_nouns[index].entry.id.get_ref().as_str(), "statement" | "video").then_some(false)
            }
            _ => None,
        };
        let owner = |c: &Candidate, media_only: bool| match c.cand {
            Cand::Known(i) => !media_only || e.sources[i].entry.kind.ends_with("media"),
            Cand::Actor(_) => !media_only,
            _ => false,
        };
        let agency_noun = |candidates: &[Candidate], k: usize| {
            candidates.iter().any(|c| {
                c.tokens.contains(k)
                    && matches!(c.cand, Cand::Noun { index, .. } if e.source_nouns[index].entry.id.get_ref() == "agency")
            })
        };
        let mut k = 0;
        while k < candidates.len() {
            let j = candidates[k].tokens;
            let Some(media_only) = owned(&candidates[k]) else {
                k += 1;
                continue;
            };
            let latin = self.word(j.start).is_ascii();
            let found = candidates.iter().position(|o| {
                owner(o, media_only)
                    && if latin {
                        !t[j.start].barrier_before
                            && (o.tokens.end == j.start
                                || o.tokens.end + 1 == j.start
                                    && self.word(o.tokens.end) == "s"
                                    && !t[o.tokens.end].barrier_before)
                    } else {
                        !t[o.tokens.start].barrier_before
                            && (o.tokens.start == j.end
                                || o.tokens.start == j.end + 1 && agency_noun(candidates, j.end))
                    }
            });
            let Some(o) = found else {
                k += 1;
                continue;
            };
            let (first, last) = if latin { (o, k) } else { (k, o) };
            let merged = Candidate {
                tokens: TokenSpan::new(candidates[first].tokens.start, candidates[last].tokens.end),
                from: candidates[first].from,
                definite: false,
                cand: candidates[o].cand,
                rule: candidates[o].rule.clone(),
            };
            candidates.retain(|c| !merged.tokens.covers(c.tokens));
            let at = candidates.partition_point(|c| c.tokens.start < merged.tokens.start);
            candidates.insert(at, merged);
            k = at + 1;
        }
    }

    /// Whether a candidate is a news source with the preposition ل (`لـ«فرانس برس»`, or on
    /// the noun before its name: `لوكالة الأناضول`): whom a statement was told to, never
    /// a speaker's own name.
    pub(super) fn addressee(&self, parts: &Parts<'_>, c: &Candidate) -> bool {
        let e = &self.lexicon.entries;
        let to = |k: usize| {
            let word = self.word(k);
            word.starts_with('ل') && !word.starts_with("ال")
        };
        // An agency no lexicon names (`لوكالة الأنباء الألمانية`).
        if let Cand::Noun { index, .. } = c.cand {
            return to(c.tokens.start) && e.source_nouns[index].entry.kind.ends_with("media");
        }
        let Cand::Known(i) = c.cand else { return false };
        // Or its name after a noun with ل (`لوكالة الأناضول`).
        let after_noun = c.tokens.start > 0
            && parts.candidates.iter().any(|d| {
                d.tokens.contains(c.tokens.start - 1) && matches!(d.cand, Cand::Noun { .. }) && to(d.tokens.start)
            });
        (to(c.tokens.start) || after_noun) && e.sources[i].entry.kind.ends_with("media")
    }

    /// The subject right before a verb: a candidate ending there, past auxiliaries
    /// (`روسيا كانت قد أكدت`, `أحرار الشرقية وهي تعلن`), that opens its clause: at most
    /// three words after the clause start, none of them a cue, complementizer or
    /// preposition (so `ما جاء على الصفحات قائلةً` has no subject). Across a comma, an
    /// appositive is skipped: "Abu Khaled, a commander in the SNA, alleged".
    pub(super) fn np_before(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        let t = &self.tokens.tokens;
        // "A commander who asked not to be identified said": the subject stands before the
        // formula by which it withholds its name, and its relative word.
        let mut at = at;
        if let Some((&start, _)) = parts.particles.iter().find(|(start, (role, len))| {
            *role == ParticleRole::Anonymity && **start + *len == at && **start > range.start
        }) && !t[at].barrier_before
        {
            at = start;
            if let Some((&r, _)) = parts
                .particles
                .iter()
                .find(|(r, (role, len))| *role == ParticleRole::Relative && **r + *len == at && **r > range.start)
            {
                at = r;
            }
        }
        if at > range.start && t[at].barrier_before {
            return self.np_across_comma(parts, range, at);
        }
        let mut end = at;
        let mut skipped = 0;
        while end > range.start && skipped < 3 {
            if t[end].barrier_before && end < at {
                // "X, founder of Y, has said": the comma stands before the auxiliary.
                return self.np_across_comma(parts, range, end);
            }
            // The subject, or the subject and a phrase or two after it ("pages on
            // Facebook claimed", "a source in the brigade in Kerran reported").
            // `وزارة الصحة قالت`, `مدير الهيئة الطبية قال`: an Arabic source noun's
            // genitive and adjectives stand between it and the verb.
            let genitive = |c: &Candidate| {
                matches!(c.cand, Cand::Noun { .. } | Cand::Person { title: Some(_) })
                    && !self.word(c.tokens.start).is_ascii()
                    && c.tokens.end < end
                    && end - c.tokens.end <= 3
                    && (c.tokens.end..end).all(|k| {
                        !t[k].barrier_before
                            && !parts.particles.contains_key(&k)
                            && !parts.cues.iter().any(|q| q.tokens.contains(k))
                            && !parts.events.iter().any(|e| e.contains(k))
                            && !parts.candidates.iter().any(|o| o.tokens.contains(k))
                    })
            };
            let tail = |c: &&Candidate| {
                c.tokens.end == end
                    || genitive(c)
                    || (c.tokens.end < end
                        && (end - c.tokens.end <= 3 || end - c.tokens.end <= 8 && self.word(c.tokens.end) != "of")
                        && matches!(parts.particles.get(&c.tokens.end), Some((role, _)) if role.is_preposition())
                        && (c.tokens.end..end).all(|k| {
                            !t[k].barrier_before
                                && !parts.cues.iter().any(|q| q.tokens.start == k)
                                && !matches!(parts.particles.get(&k), Some((ParticleRole::Complementizer, _)))
                        }))
            };
            let opens = |c: &Candidate| {
                let s = self.phrase_start(range, c.tokens.start);
                let clause = self.clause_start(range, s);
                let clear = (clause..s).all(|k| {
                    !parts.cues.iter().any(|q| q.tokens.start <= k && k < q.tokens.end)
                        && !matches!(
                            parts.particles.get(&k),
                            Some((role, _)) if *role == ParticleRole::Complementizer || role.is_preposition()
                        )
                });
                let after_complementizer = parts.particles.iter().any(|(p, (role, len))| {
                    p + len <= s
                        && s - (p + len) <= 2
                        && matches!(role, ParticleRole::Complementizer | ParticleRole::Quantifier)
                        && (p + len..s).all(|k| !t[k].barrier_before && !parts.particles.contains_key(&k))
                });
                after_complementizer || (s - clause <= 3 && clear)
            };
            // An English subject right before its verb, past auxiliaries, need not open
            // its clause ("the first day the council has admitted"); not after a
            // preposition ("told Reuters").
            let right_before = |c: &Candidate| {
                let s = self.phrase_start(range, c.tokens.start);
                c.tokens.end == end
                    && self.word(c.tokens.start).is_ascii()
                    && s > range.start
                    && !t[s].barrier_before
                    && !matches!(parts.particles.get(&(s - 1)), Some((role, _)) if role.is_preposition())
                    && !parts.cues.iter().any(|q| q.tokens.end == s)
            };
            let mut near = parts.candidates.iter().rev().filter(tail).peekable();
            if near.peek().is_some() {
                // None opens the clause: the subject may stand before an adverb ("a
                // source in the brigade in the north earlier reported").
                if let Some(c) = near.find(|c| opens(c) || right_before(c)) {
                    return Some(np_of(c));
                }
            }
            match parts.particles.iter().find(|(s, (_, len))| **s + *len == end) {
                Some((s, (ParticleRole::Auxiliary, _))) => {
                    end = *s;
                    skipped += 1;
                }
                // "… said", `الكتيبة المسلحة المحلية تعلن`: adverbs and
                // Arabic adjectives stand between the subject and its verb.
                _ if self.adjective(self.word(end - 1)) => {
                    end -= 1;
                    skipped += 1;
                }
                _ => break,
            }
        }
        None
    }

    /// The subject across the comma before the verb at `at`: the clause before the comma
    /// if it is one phrase ("…, Rojin Ahmed, said", "Sputnik, citing …"), or the phrase
    /// before an appositive ("Abu Khaled, a commander in the SNA, alleged"; "the mayor,
    /// who fled, said"; "X, founder of Y, has said").
    fn np_across_comma(&self, parts: &Parts<'_>, range: TokenSpan, at: usize) -> Option<Np> {
        let t = &self.tokens.tokens;
        // "…, Rojin Ahmed, said" / "Sputnik, citing …": the clause before the comma
        // is the subject if it is one phrase; "a commander in the SNA" is an
        // appositive, and the subject stands before it.
        // A dash inside the clause joins ("Task Force - Operation Kestrel").
        let mut prev = self.clause_start(range, at - 1);
        while prev > range.start && self.gap_before(prev).trim() == "-" {
            prev = self.clause_start(range, prev - 1);
        }
        // Past a conjunction or a complementizer that opens the clause (`إلا أن X، أشار`).
        let mut opens = prev;
        while let Some((ParticleRole::Conjunction | ParticleRole::Complementizer, len)) =
            parts.particles.get(&opens).copied()
            && opens + len < at
        {
            opens += len;
        }
        // "…, Colonel John Reed, said": a title may open the clause before the name.
        let titled = |c: &Candidate| {
            parts.candidates.iter().any(|t| {
                matches!(t.cand, Cand::Person { title: Some(_) })
                    && self.phrase_start(range, t.tokens.start) <= opens
                    && t.tokens.end == c.tokens.start
            })
        };
        if let Some(c) = parts
            .candidates
            .iter()
            .find(|c| c.tokens.end == at && (self.phrase_start(range, c.tokens.start) <= opens || titled(c)))
        {
            return Some(np_of(c));
        }
        let word = &self.tokens.text[t[prev].tt.range()];
        // An apposition, a relative clause or a participle's phrase stands between the
        // subject and its verb ("the mayor, who fled last week, said").
        let appositive = matches!(
            parts.particles.get(&prev),
            Some((ParticleRole::Quantifier | ParticleRole::Relative, _))
        ) || word == "the"
            // "The statement, posted on a channel, said", "an official, speaking on
            // condition of anonymity, said": a participle's phrase.
            // "The governor, speaking to the crowd, said": a participle of telling is one
            // too (a news agency it names relays through the told-to rules).
            || (word.is_ascii()
                && (word.ends_with("ed") || word.ends_with("ing"))
                && !parts.cues.iter().any(|c| {
                    c.tokens.start == prev
                        && !(word.ends_with("ing")
                            && self.lexicon.entries.cues[c.entry.index as usize].entry.role == Role::ToldTo)
                }))
            || parts.candidates.iter().any(|c| {
                c.tokens.start == prev && (matches!(c.cand, Cand::Person { title: Some(_) }) || !c.cand.specific())
            });
        // `“الكتيبة” التي تحاصر البلدة منذ أيام، أكدت`: the subject, then a relative clause
        // that runs to the comma, in one clause.
        if let Some(r) = (prev..at).find(|&k| matches!(parts.particles.get(&k), Some((ParticleRole::Relative, _))))
            && let Some(c) = parts
                .candidates
                .iter()
                .find(|c| c.tokens.end == r && self.phrase_start(range, c.tokens.start).saturating_sub(prev) <= 1)
        {
            return Some(np_of(c));
        }
        if appositive && prev > range.start {
            // The subject opens its clause, or follows a descriptor or two ("Militia
            // commander John Doe, founder of …").
            let before = self.clause_start(range, prev - 1);
            if let Some(c) = parts
                .candidates
                .iter()
                .find(|c| c.tokens.end == prev && self.phrase_start(range, c.tokens.start).saturating_sub(before) <= 2)
            {
                return Some(np_of(c));
            }
        }
        None
    }

    /// Where a phrase starts once an article or English adjectives before its noun are
    /// counted in ("the SDF media centre", "Russian officers"); never before the sentence
    /// `range` (a line end is no barrier, so a headline ending in "the" would otherwise
    /// lend it to the next line's first name, before that sentence's clause start).
    pub(super) fn phrase_start(&self, range: TokenSpan, start: usize) -> usize {
        let t = &self.tokens.tokens;
        let mut s = start;
        while s > range.start && start - s < 3 && !t[s].barrier_before {
            let w = &self.tokens.text[t[s - 1].tt.range()];
            if matches!(w, "the" | "a" | "an") || (w.is_ascii() && self.adjective(w)) {
                s -= 1;
            } else {
                break;
            }
        }
        s
    }

    pub(super) fn np_before_adjacent(&self, parts: &Parts<'_>, at: usize) -> Option<Np> {
        parts.candidates.iter().rev().find(|c| c.tokens.end == at).map(np_of)
    }
}
