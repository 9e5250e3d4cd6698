//! Names no lexicon entry knows, found in a sentence's shape: short quoted runs
//! (`“إبراهيم الحبش”`), runs of capitalised Latin words ("Hassan Omar"), and the Arabic
//! words before a headline's colon (`زيلينسكي: …`). Each becomes a person candidate,
//! carried as written, with the rule that found it.

use super::{Cand, Candidate, RULE, Reader};
use crate::lexicon::matcher::{Hit, Table};
use crate::lexicon::schema::ParticleRole;
use crate::span::{NormSpan, TokenSpan};
use std::sync::Arc;

impl Reader<'_> {
    /// Adds to a sentence's `candidates` the names no lexicon entry covers.
    pub(super) fn unlisted_names(&self, range: TokenSpan, hits: &[&Hit], candidates: &mut Vec<Candidate>) {
        self.quoted_names(range, hits, candidates);
        self.capitalised_names(range, hits, candidates);
        self.colon_name(range, candidates);
        self.titled_names(range, hits, candidates);
    }

    /// An unquoted Arabic name after a title noun (`الصحفي سامر الخطيب`, `المتحدث باسم
    /// الوزارة أحمد سعيد`): past the title's adjectives and what it serves (`باسم X`,
    /// `في X`), or between commas after them, two or three words of three letters or more
    /// that no lexicon entry covers, the first without the article (an adjective or a date
    /// has it) or a ta marbuta. One word alone could as well be a verb (`الوزير يزور`), so
    /// it is not taken.
    fn titled_names(&self, range: TokenSpan, hits: &[&Hit], candidates: &mut Vec<Candidate>) {
        let t = &self.tokens.tokens;
        let titles: Vec<usize> = candidates
            .iter()
            .filter(|c| matches!(c.cand, Cand::Person { title: Some(_) }) && !self.word(c.tokens.start).is_ascii())
            .map(|c| c.tokens.end)
            .collect();
        let lexical = |k: usize| self.listed(k);
        let function = |k: usize| self.hit_tokens.iter().any(|&(j, particle)| j == k && particle);
        for end in titles {
            // Past the title's adjectives and what it serves, to the first word that may
            // open a name.
            let mut k = end;
            // The name may stand between commas after what the title serves (`المتحدث
            // العسكري في شرق البلاد، سامر الخطيب، إن`).
            let mut between_commas = false;
            // What the title serves, up to a comma: the name is after it (`في شرق
            // أوكرانيا، سيرغي تشيريفاتي،`), whatever words name the body or place.
            if let Some(p) = (end..range.end.min(end + 3)).find(|&j| matches!(self.word(j), "باسم" | "في" | "لدي"))
                && let Some(comma) = (p + 1..range.end.min(end + 7)).find(|&j| t[j].barrier_before)
                && self.comma_before(comma)
            {
                k = comma;
            }
            while k < range.end && k < end + 8 {
                if t[k].barrier_before {
                    if between_commas || k == range.start || !self.comma_before(k) {
                        break;
                    }
                    between_commas = true;
                }
                let w = self.word(k);
                // An event's word opens what the titled person says (`وأكد القيادي دخول
                // القوات`), not more of the title.
                if hits
                    .iter()
                    .any(|h| h.entry.table == Table::Predicate && h.tokens.contains(k))
                {
                    break;
                }
                if w.starts_with("ال")
                    || w.starts_with("لل")
                    || (lexical(k) && !function(k))
                    || matches!(w, "باسم" | "في" | "لدي")
                {
                    k += 1;
                } else {
                    break;
                }
            }
            let name_word = |j: usize| {
                j < range.end && (!t[j].barrier_before || (between_commas && j == k)) && self.arabic_name_word(j)
            };
            // A title that runs to the sentence's end names no one after it.
            if !name_word(k) || !self.name_shaped(k) {
                continue;
            }
            let mut j = k + 1;
            while j < k + 3 && name_word(j) {
                j += 1;
            }
            let run = TokenSpan::new(k, j);
            if between_commas && j < range.end && !t[j].barrier_before {
                continue;
            }
            let covered = candidates.iter().any(|c| c.tokens.overlaps(run));
            if run.len() >= 2 && !covered {
                candidates.push(self.name(run, &RULE.titled));
            }
        }
        // The name before its title, right after a word the lexicon lists (`قال سامر
        // الخطيب مستشار المحافظ`): two or three words of three letters or more that no
        // entry covers, the first without the article.
        let starts: Vec<usize> = candidates
            .iter()
            .filter(|c| matches!(c.cand, Cand::Person { title: Some(_) }) && !self.word(c.tokens.start).is_ascii())
            .map(|c| c.tokens.start)
            .collect();
        for start in starts {
            let name_word = |j: usize| !t[j + 1].barrier_before && self.arabic_name_word(j);
            let mut k = start;
            while k > range.start && start - k < 3 && name_word(k - 1) {
                k -= 1;
            }
            let run = TokenSpan::new(k, start);
            let opened = k > range.start && !t[k].barrier_before && lexical(k - 1);
            let covered = candidates.iter().any(|c| c.tokens.overlaps(run));
            if run.len() >= 2 && opened && self.name_shaped(k) && !covered {
                candidates.push(self.name(run, &RULE.titled));
            }
        }
    }

    /// Whether no lexicon entry covers the word at `j` and it has three letters or more
    /// and no digit: it may be part of a name no lexicon lists.
    fn unlisted_word(&self, j: usize) -> bool {
        let w = self.word(j);
        !self.listed(j) && !w.bytes().any(|b| b.is_ascii_digit()) && w.chars().count() > 2
    }

    /// Whether the word at `j` may be part of an unlisted Arabic name.
    fn arabic_name_word(&self, j: usize) -> bool {
        self.word(j)
            .chars()
            .next()
            .is_some_and(crate::lexicon::matcher::is_arabic)
            && self.unlisted_word(j)
    }

    /// Whether the word at `j` may open a name no lexicon lists: unlisted, without the
    /// article and without a ta marbuta (`رئيس جمهورية X` serves a body, it is no name).
    pub(super) fn name_shaped(&self, j: usize) -> bool {
        let w = self.word(j);
        self.unlisted_word(j) && !w.starts_with("ال") && !w.ends_with('ه')
    }

    /// Whether only a comma (and spaces) stands between token `k` and the one before.
    fn comma_before(&self, k: usize) -> bool {
        matches!(self.gap_before(k).trim(), "," | "،")
    }

    /// Short quoted runs no lexicon entry covers: names (`“إبراهيم الحبش”`), added to
    /// the sentence's `candidates`. A run right after an event word is what the event
    /// is about (`تحرير "سوليدار"`), and one right after a kind of place names the place
    /// (`سجن “غويران”`): neither speaks.
    fn quoted_names(&self, range: TokenSpan, hits: &[&Hit], candidates: &mut Vec<Candidate>) {
        let after_event = |i: usize| {
            i > 0
                && hits
                    .iter()
                    .any(|h| h.entry.table == Table::Predicate && h.tokens.contains(i - 1))
        };
        // `سجن “غويران”`, `حي “الزهور”`: a quoted run after a kind of place names that place.
        let after_place_noun = |i: usize| {
            i > 0
                && hits.iter().any(|h| {
                    h.tokens.end == i
                        && matches!(
                            self.particle_role(h),
                            Some(ParticleRole::PlaceNoun | ParticleRole::Settlement)
                        )
                })
        };
        let known = candidates.len();
        let t = &self.tokens.tokens;
        let quote_before = |i: usize| {
            let from = if i == 0 { 0 } else { t[i - 1].norm.end };
            self.ntext[from..t[i].norm.start].contains('"')
        };
        let quote_after = |i: usize| {
            let to = t.get(i + 1).map_or(self.ntext.len(), |n| n.norm.start);
            self.ntext[t[i].norm.end..to].contains('"')
        };
        let mut i = range.start;
        while i < range.end {
            // English quotes quotations; its names are capitalised.
            if quote_before(i) && !self.word(i).is_ascii() && !after_event(i) && !after_place_noun(i) {
                let end = (i..range.end.min(i + 4)).find(|&j| quote_after(j) && (j == i || !t[j].barrier_before));
                if let Some(j) = end {
                    let run = TokenSpan::new(i, j + 1);
                    let covered = candidates[..known].iter().any(|c| c.tokens.overlaps(run));
                    // A quoted place or actor is not a person's name.
                    let lexical = self
                        .hit_tokens
                        .iter()
                        .any(|&(k, particle)| !particle && run.contains(k));
                    if !covered && !lexical {
                        candidates.push(self.name(run, &RULE.quoted));
                    }
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// A person's name no lexicon entry knows, found by `rule`.
    fn name(&self, run: TokenSpan, rule: &Arc<str>) -> Candidate {
        Candidate {
            from: self.tokens.tokens[run.start].norm.start,
            definite: false,
            tokens: run,
            cand: Cand::Person { title: None },
            rule: rule.clone(),
        }
    }

    /// One to three Arabic words opening the sentence before a colon, which no lexicon
    /// entry covers, name its speaker (`زيلينسكي: القتال مستمر`): Arabic headlines put
    /// the speaker before a colon, and a known place (a dateline) is a lexicon entry.
    fn colon_name(&self, range: TokenSpan, candidates: &mut Vec<Candidate>) {
        if candidates.iter().any(|c| c.tokens.start == range.start) {
            return;
        }
        let t = &self.tokens.tokens;
        let colon_after = |k: usize| {
            let to = t.get(k + 1).map_or(self.ntext.len(), |n| n.norm.start);
            self.ntext[t[k].norm.end..to]
                .trim_matches(|c: char| c.is_whitespace() || c == '"')
                .starts_with(':')
        };
        let Some(end) = (range.start..range.end.min(range.start + 3)).find(|&k| colon_after(k)) else {
            return;
        };
        let run = TokenSpan::new(range.start, end + 1);
        let arabic = run.range().all(|k| {
            self.word(k)
                .chars()
                .next()
                .is_some_and(crate::lexicon::matcher::is_arabic)
        });
        let covered = self.hit_tokens.iter().any(|&(k, _)| run.contains(k));
        if arabic && !covered && end + 1 < range.end {
            candidates.push(self.name(run, &RULE.colon_name));
        }
    }

    /// Runs of capitalised Latin words no lexicon entry covers: names ("Hassan Omar",
    /// "Darwish", "Euphrates Daily"), added to `out`. Function words, days and months are
    /// not names.
    /// Whether token `k` starts with a capital letter in the original text.
    pub(super) fn capitalised(&self, k: usize) -> bool {
        let t = &self.tokens.tokens[k];
        let span = self.norm.to_original(NormSpan::new(t.norm.start, t.norm.start + 1));
        self.text[span.range()].starts_with(|c: char| c.is_ascii_uppercase())
    }

    fn capitalised_names(&self, range: TokenSpan, hits: &[&Hit], out: &mut Vec<Candidate>) {
        let t = &self.tokens.tokens;
        let name_like = |k: usize| {
            let word = &self.tokens.text[t[k].tt.range()];
            // Cheapest test first: most words are not capitalised.
            word.is_ascii()
                && self.capitalised(k)
                && !NOT_NAMES.contains(&word)
                && !hits.iter().any(|h| h.tokens.contains(k))
        };
        let connector = |k: usize| {
            matches!(
                &self.tokens.text[t[k].tt.range()],
                "al" | "bin" | "abu" | "ibn" | "el" | "de"
            )
        };
        // Inside a name, "of", "for" and "the" join capitalised words ("Institute for the
        // Study of War", "Armed Forces of Ukraine").
        let inner = |k: usize| matches!(&self.tokens.text[t[k].tt.range()], "of" | "for" | "the");
        let mut k = range.start;
        while k < range.end {
            let starts_name = name_like(k) || (connector(k) && k + 1 < range.end && name_like(k + 1));
            if !starts_name {
                k += 1;
                continue;
            }
            let start = k;
            k += 1;
            loop {
                if k >= range.end || t[k].barrier_before {
                    break;
                }
                if name_like(k) || (connector(k) && k + 1 < range.end && name_like(k + 1)) {
                    k += 1;
                    continue;
                }
                let joined = (k..(k + 2).min(range.end))
                    .take_while(|&j| inner(j) && !t[j].barrier_before)
                    .count();
                let next = k + joined;
                if joined > 0 && next < range.end && !t[next].barrier_before && name_like(next) {
                    k = next + 1;
                    continue;
                }
                break;
            }
            out.push(self.name(TokenSpan::new(start, k), &RULE.capitalised));
        }
    }
}

/// Capitalised words that are not names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "as",
    "after",
    "before",
    "since",
    "under",
    "with",
    "by",
    "for",
    "from",
    "to",
    "of",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "then",
    "meanwhile",
    "however",
    "some",
    "most",
    "new",
    "he",
    "she",
    "they",
    "we",
    "our",
    "his",
    "her",
    "their",
    "while",
    "when",
    "if",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "read",
    "related",
    "by",
    "under",
];
