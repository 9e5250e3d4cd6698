//! The source entities phrases name: a known source or actor, a person (by every name
//! they were given), a titled or generic noun (new, or a reference back to the last one
//! of its class), a phrase carried as written; and the last speaker of a gender.

use super::{Cand, Candidate, Np, OPENING_QUOTES, Reader, SourceEntity, c_gender};
use crate::lexicon::matcher::{Table, Tokens, strip_article};
use crate::lexicon::schema::Gender;
use crate::span::{NormSpan, TokenSpan};
use std::sync::Arc;

impl<'a> Reader<'a> {
    /// The entity a source phrase names: known, actor, person, or a generic noun (a new
    /// source, or a reference back to the last one of its kind).
    pub(super) fn resolve(&mut self, np: &Np) -> Option<usize> {
        if self.is_outlet(np) {
            return None;
        }
        let c = &np.candidate;
        let span = self.tokens.norm_of(np.tokens);
        let e = &self.lexicon.entries;
        let id = match c.cand {
            Cand::Known(i) => {
                let s = &e.sources[i].entry;
                // The key and the names are worked out only for a new entity (closures).
                let key = || format!("known:{}", s.id.get_ref());
                self.lexical_entity((Table::Source, i), key, || {
                    SourceEntity::new(
                        s.label.clone(),
                        s.kind.clone(),
                        s.gender,
                        s.nouns.clone(),
                        self.lexicon.names.sources[i].clone(),
                        s.id.get_ref().clone(),
                    )
                })
            }
            Cand::Actor(i) => {
                let a = &e.actors[i].entry;
                let key = || format!("actor:{}", a.id.get_ref());
                self.lexical_entity((Table::Actor, i), key, || {
                    SourceEntity::new(
                        a.label.clone(),
                        a.source_kind.clone().unwrap_or_else(|| "armed-group".to_owned()),
                        a.gender,
                        Vec::new(),
                        self.lexicon.names.actors[i].clone(),
                        a.id.get_ref().clone(),
                    )
                })
            }
            Cand::Person { title } => {
                let name_tokens = c.tokens;
                let title_noun = title.map(|t| &e.source_nouns[t].entry);
                if c.rule.starts_with("NOUN/") {
                    // A title with no name after it: "the minister" refers back to the
                    // last source with that title; "Russian officers" are new.
                    let class: &str = title_noun.map_or("", |n| n.id.get_ref());
                    // "The spokesman for the garrison" is not the spokesman named before
                    // for another party: a title that names whom it serves refers back only
                    // to the same words (its key).
                    let label_range = self.label_range(np);
                    let serves = (np.tokens.start..label_range.end)
                        .any(|k| matches!(self.word(k), "باسم" | "for" | "of") && k + 1 < label_range.end);
                    let backref = (c.definite || self.determined(np)) && !np.quantified && !serves;
                    let found = if backref {
                        self.last_of_class(class, self.tokens.words(np.tokens))
                    } else {
                        None
                    };
                    if let Some(found) = found {
                        found
                    } else {
                        let key = format!("title:{class}:{}", self.tokens.words(label_range));
                        // The label is read off the original only for a new source.
                        match self.keys.get(&key) {
                            Some(&found) => found,
                            None => {
                                let label = self.label_text(c, label_range);
                                let kind = title_noun.map_or("individual".to_owned(), |n| n.kind.clone());
                                self.entity(key, || {
                                    SourceEntity::new(
                                        label,
                                        kind,
                                        c_gender(c),
                                        vec![class.to_owned()],
                                        Arc::default(),
                                        c.rule.to_string(),
                                    )
                                })
                            }
                        }
                    }
                } else {
                    let tokens: &'a Tokens = self.tokens;
                    let name = tokens.words(name_tokens);
                    let words = || name.split(' ');
                    // The last person whose names hold all these words: among those
                    // named by the first word, not a scan of every source.
                    let sources = &self.out.sources;
                    let existing = words().next().and_then(|w| self.persons.get(w)).and_then(|named| {
                        named
                            .iter()
                            .rev()
                            .copied()
                            .find(|&i| words().all(|w| sources[i].names.iter().any(|n| n == w)))
                    });
                    match existing {
                        Some(found) => found,
                        None => {
                            let words: Vec<String> = words().map(str::to_owned).collect();
                            let label = self.original_text(c.from, name_tokens);
                            let key = format!("person:{}", words.join(" "));
                            let kind = title_noun.map_or("individual".to_owned(), |n| n.kind.clone());
                            let classes = title_noun.map(|n| vec![n.id.get_ref().clone()]).unwrap_or_default();
                            // An Arabic verb agrees with a person (masculine unless a title
                            // says otherwise); an English name says nothing of gender.
                            let gender = if label.is_ascii() { None } else { Some(Gender::M) };
                            let id = self.entity(key, || {
                                SourceEntity::new(
                                    label,
                                    kind,
                                    gender,
                                    classes,
                                    words.clone().into(),
                                    c.rule.to_string(),
                                )
                            });
                            for w in words {
                                let named = self.persons.entry(w).or_default();
                                if named.last() != Some(&id) {
                                    named.push(id);
                                }
                            }
                            id
                        }
                    }
                }
            }
            Cand::Phrase => {
                // Carried as written: its words without the article are its identity.
                let mut words = np.tokens;
                while words.len() > 1 && matches!(self.word(words.start), "the" | "a" | "an") {
                    words.start += 1;
                }
                // Past a conjunction on its first word (`والكتيبة`).
                let from = c.from.max(self.tokens.tokens[words.start].norm.start);
                let words_text = self.tokens.words(words);
                let name = words_text
                    .get(from - self.tokens.tokens[words.start].norm.start..)
                    .unwrap_or(words_text);
                // A person named before, by some of their names ("Habash" after "Ibrahim
                // al-Habash"): the same person.
                let sources = &self.out.sources;
                let person = name
                    .split(' ')
                    .next()
                    .and_then(|w| self.persons.get(w))
                    .and_then(|named| {
                        named
                            .iter()
                            .rev()
                            .copied()
                            .find(|&i| name.split(' ').all(|w| sources[i].names.iter().any(|n| n == w)))
                    });
                let key = format!("phrase:{name}");
                match person.or_else(|| self.keys.get(&key).copied()) {
                    Some(found) => found,
                    None => {
                        let label = self.original_text(from, words);
                        self.entity(key, || {
                            SourceEntity::new(
                                label,
                                "unknown".to_owned(),
                                None,
                                Vec::new(),
                                Arc::default(),
                                c.rule.to_string(),
                            )
                        })
                    }
                }
            }
            Cand::Noun {
                index,
                gender,
                definite,
            } => {
                let noun = &e.source_nouns[index].entry;
                let class: &str = noun.id.get_ref();
                let backref = (definite || self.determined(np)) && !np.quantified;
                let found = if backref { self.last_of_class(class, "") } else { None };
                match found {
                    Some(found) => found,
                    None => {
                        let label_range = self.label_range(np);
                        let key = format!("noun:{class}:{}", strip_article(self.tokens.words(label_range)));
                        match self.keys.get(&key) {
                            Some(&found) => found,
                            None => {
                                let label = self.label_text(c, label_range);
                                let kind = noun.kind.clone();
                                self.entity(key, || {
                                    SourceEntity::new(
                                        label,
                                        kind,
                                        gender,
                                        vec![class.to_owned()],
                                        Arc::default(),
                                        c.rule.to_string(),
                                    )
                                })
                            }
                        }
                    }
                }
            }
        };
        self.add_cue(id, span);
        Some(id)
    }

    /// Whether a determiner marks the phrase as a back-reference (`المصادر ذاتها`,
    /// `ذات الصفحات`).
    pub(super) fn determined(&self, np: &Np) -> bool {
        let t = &self.tokens.tokens;
        let is_det = |k: usize| {
            k < t.len() && {
                let w = &self.tokens.text[t[k].tt.range()];
                matches!(
                    w,
                    "ذات"
                        | "ذاته"
                        | "ذاتها"
                        | "نفسه"
                        | "نفسها"
                        | "نفسهم"
                        | "المذكور"
                        | "المذكوره"
                        | "same"
                        | "عينها"
                        | "عينه"
                )
            }
        };
        is_det(np.tokens.end) || (np.tokens.start > 0 && is_det(np.tokens.start - 1)) || is_det(np.tokens.end + 1)
    }

    /// The words that describe a generic source: the noun and up to two adjectives
    /// (`مصادر ميدانية`, `local sources`).
    pub(super) fn label_range(&self, np: &Np) -> TokenSpan {
        let t = &self.tokens.tokens;
        let mut end = np.tokens.end;
        // Not into a quotation that opens after it (`قال الضابط “الحامية هاجمت`).
        while end < t.len()
            && end < np.tokens.end + 2
            && !t[end].barrier_before
            && !self.gap_before(end).contains(OPENING_QUOTES)
        {
            let w = &self.tokens.text[t[end].tt.range()];
            if !self.adjective(w) || self.listed(end) {
                break;
            }
            end += 1;
        }
        let mut end = self.served_end(np, end);
        // English adjectives stand before the noun ("local sources").
        let mut start = np.tokens.start;
        while start > self.sentence_start && start + 2 > np.tokens.start && !t[start].barrier_before {
            let w = &self.tokens.text[t[start - 1].tt.range()];
            if !(w.is_ascii() && self.adjective(w)) {
                break;
            }
            start -= 1;
        }
        // An agency no lexicon names is named by the words around its noun: capitalised
        // before it ("Nour News Agency"), any after it up to a listed word (`وكالة نور
        // للأنباء`, `وكالة الأنباء الألمانية`).
        let agency = matches!(np.candidate.cand, Cand::Noun { index, .. }
            if self.lexicon.entries.source_nouns[index].entry.id.get_ref() == "agency");
        if agency {
            if self.word(np.tokens.start).is_ascii() {
                while start > self.sentence_start
                    && start + 3 > np.tokens.start
                    && !t[start].barrier_before
                    && !self.listed(start - 1)
                    && self.capitalised(start - 1)
                {
                    start -= 1;
                }
            } else if end == np.tokens.end {
                while end < t.len() && end < np.tokens.end + 3 && !t[end].barrier_before && !self.listed(end) {
                    end += 1;
                }
            }
        }
        TokenSpan::new(start, end)
    }

    /// Where the label of a title that names whom it serves ends, past that party: after
    /// `باسم` (`المتحدث باسم الكتيبة`: a name without the article first, `قسد`, `وزارة
    /// الدفاع`, then words with it), or after an English title's "for" or "of" ("a spokesman
    /// for the coalition": articles, names and words no lexicon lists, up to a listed word
    /// in lower case, the verb). So the spokespeople of two parties are two sources.
    fn served_end(&self, np: &Np, end: usize) -> usize {
        let t = &self.tokens.tokens;
        let arabic = end > np.tokens.start && self.word(end - 1) == "باسم";
        let Some(owner) = (if arabic { Some(end) } else { self.serves_after(np, end) }) else {
            return end;
        };
        let function = |k: usize| self.hit_tokens.iter().any(|&(j, f)| j == k && f);
        let article = |k: usize| matches!(self.word(k), "the" | "a" | "an");
        let definite_next = |k: usize| k + 1 < t.len() && self.word(k + 1).starts_with("ال");
        let takes = |k: usize| match arabic {
            true => {
                !function(k) && (self.word(k).starts_with("ال") || (k == owner && (self.listed(k) || definite_next(k))))
            }
            false => article(k) || (!function(k) && (self.capitalised(k) || !self.listed(k))),
        };
        let mut k = owner;
        while k < t.len() && k < owner + 4 && !t[k].barrier_before && takes(k) {
            k += 1;
        }
        // An English party ends on a word, not on its article.
        if arabic || (k > owner && !article(k - 1)) {
            k
        } else {
            end
        }
    }

    /// Where the party an English title serves starts: after "for" or "of" right after
    /// the title ("a spokesman for the coalition"), the title being a person's.
    fn serves_after(&self, np: &Np, end: usize) -> Option<usize> {
        let titled = matches!(np.candidate.cand, Cand::Person { title: Some(_) });
        (titled
            && end == np.tokens.end
            && end + 1 < self.tokens.tokens.len()
            && self.word(np.tokens.start).is_ascii()
            && matches!(self.word(end), "for" | "of")
            && !self.tokens.tokens[end].barrier_before)
            .then_some(end + 1)
    }

    /// The label of a generic source: the original text of its label range, from its
    /// noun past the noun's clitic or from the words before the noun.
    fn label_text(&self, c: &Candidate, label_range: TokenSpan) -> String {
        let from = if label_range.start < c.tokens.start {
            self.tokens.tokens[label_range.start].norm.start
        } else {
            c.from
        };
        self.original_text(from, label_range)
    }

    /// The original text of tokens `r` from normalised offset `from` (past a clitic),
    /// without quotation marks.
    pub(super) fn original_text(&self, from: usize, r: TokenSpan) -> String {
        if r.is_empty() {
            return String::new();
        }
        let start = from.max(self.tokens.tokens[r.start].norm.start);
        let end = self.tokens.tokens[r.end - 1].norm.end;
        let span = self.norm.to_original(NormSpan::new(start, end));
        let quotes = |c: char| matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '″');
        let mut label = self.text[span.range()]
            .replace(quotes, "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // A name that takes its bracketed abbreviation ends before the closing bracket.
        if label.matches('(').count() > label.matches(')').count() {
            label.push(')');
        }
        label
    }

    /// The entity of a known source or actor (its table and index), made by `make` with
    /// the key `key` the first time: found by index, with no key built or hashed.
    pub(super) fn lexical_entity(
        &mut self,
        slot: (Table, usize),
        key: impl FnOnce() -> String,
        make: impl FnOnce() -> SourceEntity,
    ) -> usize {
        if let Some(&i) = self.lexical.get(&slot) {
            return i;
        }
        let i = self.entity(key(), make);
        self.lexical.insert(slot, i);
        i
    }

    pub(super) fn entity(&mut self, key: String, make: impl FnOnce() -> SourceEntity) -> usize {
        if let Some(&i) = self.keys.get(&key) {
            return i;
        }
        let mut e = make();
        e.key = key.clone();
        self.out.sources.push(e);
        let i = self.out.sources.len() - 1;
        self.keys.insert(key, i);
        i
    }

    /// The last speaker with generic noun `class` (and, for a title, these words).
    pub(super) fn last_of_class(&self, class: &str, words: &str) -> Option<usize> {
        let wanted: Vec<&str> = words
            .split(' ')
            .map(strip_article)
            .filter(|w| w.len() > 2)
            .skip(1)
            .collect();
        self.speakers.values().rev().copied().find(|&s| {
            let e = &self.out.sources[s];
            e.classes.iter().any(|c| c == class)
                && (wanted.is_empty()
                    || wanted
                        .iter()
                        .all(|w| e.names.iter().any(|n| n == w) || e.label_words().contains(w)))
        })
    }

    /// The last speaker of the given gender (any, when the verb does not say).
    pub(super) fn back_reference(&self, gender: Option<Gender>) -> Option<usize> {
        self.speakers
            .values()
            .rev()
            .copied()
            .find(|&s| gender.is_none() || self.out.sources[s].gender.is_none() || self.out.sources[s].gender == gender)
    }
}
