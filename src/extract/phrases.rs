//! Noun phrases: the words around a trigger that name one of its roles when no lexicon
//! entry does ("the prison", `سجن الصناعة`, "the surrounding area"). A phrase is carried
//! as written, never mapped to a known actor or place: a name no lexicon lists is still
//! who or what the sentence says.
//!
//! A phrase is a run of words that no other entry claims (a particle, a marker, a cue, a
//! source noun, a trigger), within one clause: an opening article or quantifier may lead
//! it ("the", "a", "two"), English `of` may join two of its words ("the outskirts of Tal
//! Tamr"), a hyphen does not cut it ("Turkish-backed forces"), and it stops at any other
//! punctuation. It is at most [`MAX_WORDS`] words long.

use super::{Reader, SentenceHits};
use crate::lexicon::matcher::{Hit, Table};
use crate::lexicon::morphology::{broken_plural, english_participle};
use crate::lexicon::schema::{FormList, Gender, ParticleRole, Role};
use crate::span::{NormSpan, TokenSpan};

/// The most words a phrase takes.
const MAX_WORDS: usize = 4;

/// What a word is to a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// It may stand in a phrase (a content word, or a known name).
    Free,
    /// It may open a phrase ("the", "a", "two").
    Opener,
    /// It may join two words of a phrase (English `of`).
    Joiner,
    /// It ends a phrase.
    Stop,
}

impl Reader<'_> {
    /// What the word at `k` is to a phrase, by the hits that cover it.
    fn phrase_word(&self, hits: &SentenceHits<'_>, k: usize) -> Word {
        // The rest of a word an apostrophe splits ("al-Qal'a") is no article.
        let t = &self.matches.tokens.tokens;
        if k > 0 && k < t.len() && &self.ntext[t[k - 1].norm.end..t[k].norm.start] == "'" {
            return Word::Free;
        }
        let covering = hits.all.iter().filter(|h| h.tokens.contains(k));
        // Asked only of a word a particle covers: it reads the original text.
        let acronym = || self.word(k).is_ascii() && self.acronym(k);
        let mut word = Word::Free;
        for h in covering {
            match h.entry.table {
                Table::Actor | Table::Place | Table::Source | Table::SourceNoun => return Word::Free,
                Table::Particle if acronym() || self.compass_noun(h) => {}
                Table::Particle => {
                    word = match self.role(h) {
                        ParticleRole::PlaceNoun
                        | ParticleRole::Settlement
                        | ParticleRole::Circumstance
                        | ParticleRole::Side
                        | ParticleRole::Residents
                        | ParticleRole::Unsourced
                        | ParticleRole::Unit
                        | ParticleRole::Any
                        | ParticleRole::Descriptor
                        | ParticleRole::Subordinator
                        | ParticleRole::Adjunct
                        | ParticleRole::Numeral => continue,
                        // "about 40", `نحو 500`: bounding a count, the word opens its
                        // phrase; before anything else it is read as its other role.
                        ParticleRole::Approximate if self.count(hits, h.tokens.end) => return Word::Opener,
                        ParticleRole::Approximate => continue,
                        ParticleRole::Article | ParticleRole::Quantifier => Word::Opener,
                        // "possible clashes": an English adjective of what has not
                        // happened opens its noun's phrase as others do.
                        ParticleRole::Modifier | ParticleRole::Prospective if self.word(k).is_ascii() => Word::Opener,
                        ParticleRole::Prospective => continue,
                        // `عدد غير محدد`: غير negates the adjective after it.
                        ParticleRole::Exception if self.word(k) == "غير" => continue,
                        ParticleRole::Modifier => Word::Stop,
                        ParticleRole::Preposition if self.word(k) == "of" => Word::Joiner,
                        // "the villages of Hamamiyat and Tal Meleh": "and" between two
                        // names joins them (not two adjectives: "Kurdish-led and
                        // US-backed").
                        ParticleRole::Conjunction
                            if self.word(k) == "and"
                                && k > 0
                                && k + 1 < t.len()
                                && self.capitalised(k - 1)
                                && self.capitalised(k + 1)
                                && ![k - 1, k + 1].iter().any(|&j| {
                                    let w = self.word(j);
                                    w.contains('-') && (w.ends_with("ed") || w.ends_with("based"))
                                })
                                && !hits.all.iter().any(|o| {
                                    o.tokens.contains(k - 1) && matches!(o.entry.table, Table::Actor | Table::Source)
                                }) =>
                        {
                            Word::Joiner
                        }
                        _ => Word::Stop,
                    };
                }
                // "assault detachments", `وحدات الاقتحام`: an event word naming a kind of unit
                // is part of the unit's name; "ambushed a convoy": so is a word that names
                // a thing as well as an event.
                Table::Predicate if self.lexicon.entries.predicates[h.entry.index as usize].entry.thing => {}
                Table::Predicate if self.names_unit(hits, h) => {}
                _ => return Word::Stop,
            }
        }
        if word == Word::Free
            && (perfect_feminine(self.word(k)) || self.lexicon.names.pronominal_preposition(self.word(k)))
        {
            return Word::Stop;
        }
        word
    }

    /// The English subject that a participle's phrases describe, when `p` is the last of
    /// them ("the village located east of the river in the north was captured": the
    /// village), else `p`.
    fn before_participle(&self, hits: &SentenceHits<'_>, clause: TokenSpan, p: TokenSpan) -> TokenSpan {
        let mut start = p.start;
        // Back over "east of the river in": phrases joined by prepositions.
        for _ in 0..4 {
            if start <= clause.start + 1 || self.cut_before(start) {
                return p;
            }
            let Some(at) = hits
                .particles
                .iter()
                .find(|h| h.tokens.end == start && self.role(h).is_preposition())
                .map(|h| h.tokens.start)
            else {
                break;
            };
            if let Some(j) = at.checked_sub(1)
                && self.past_tense(j)
            {
                return self
                    .phrase_before(hits, j, clause)
                    .filter(|_| !self.cut_before(j))
                    .unwrap_or(p);
            }
            match self.phrase_before(hits, at, clause) {
                Some(q) if !self.cut_before(at) => start = q.start,
                _ => return p,
            }
        }
        // "located east of …": the participle right before the first of the phrases.
        if start > clause.start + 1 && self.past_tense(start - 1) {
            return self.phrase_before(hits, start - 1, clause).unwrap_or(p);
        }
        p
    }

    /// The phrase after "with", `مع`, "alongside" or `إلى جانب` within a few words after
    /// the trigger, before the next event word: with whom.
    pub(super) fn partner(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let t = trigger.tokens;
        let reach = self.next_event(hits, trigger, clause).min(t.end + 5);
        let with = (t.end..reach).find(|&k| {
            matches!(self.word(k), "with" | "مع" | "alongside")
                || (self.word(k) == "جانب" && k > 0 && self.word(k - 1) == "الي")
        })?;
        if (t.end + 1..=with).any(|k| self.cut_before(k)) || with + 1 >= clause.end {
            return None;
        }
        self.phrase_at(hits, with + 1, clause)
    }

    /// The first token from `k` on, in `clause`, past Arabic time words and prepositions
    /// with a pronoun (`انتشرت صباح الاثنين قوات`, `استطاعت خلاله القوات`): what may
    /// stand between a verb and the subject after it.
    pub(super) fn past_adverbials(&self, hits: &SentenceHits<'_>, k: usize, clause: TokenSpan) -> usize {
        let mut k = k;
        while k < clause.end
            && !self.word(k).is_ascii()
            && (hits
                .particles
                .iter()
                .any(|h| h.tokens.contains(k) && self.role(h) == ParticleRole::Time)
                || self.lexicon.names.pronominal_preposition(self.word(k)))
        {
            k += 1;
        }
        k
    }

    /// Whether the word at `k` may open a phrase (an article, a quantifier: `جميع`).
    pub(super) fn opens_phrase(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        self.phrase_word(hits, k) == Word::Opener
    }

    /// Whether a punctuation mark other than a hyphen stands before the word at `k`.
    pub(super) fn cut_before(&self, k: usize) -> bool {
        let t = &self.matches.tokens.tokens;
        // A hyphen or an apostrophe inside a word cuts nothing ("al-Qal’a").
        k > 0
            && k < t.len()
            && t[k].barrier_before
            && !matches!(self.ntext[t[k - 1].norm.end..t[k].norm.start].trim(), "-" | "’" | "'")
    }

    /// The English possessor of a noun trigger ("the jihadists' boldest operation",
    /// "Turkey's new offensive"): the phrase before a possessive that stands within a
    /// few adjectives or compound words of the trigger, in its clause. A possessor that
    /// names a place ("the town's capture") says where or what, not who: none.
    pub(super) fn possessor(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let t = &self.matches.tokens.tokens;
        let start = trigger.tokens.start;
        if !self.word(start).is_ascii() {
            return None;
        }
        let listed = |k: usize| {
            hits.all.iter().any(|h| {
                h.tokens.contains(k) && !(h.entry.table == Table::Particle && self.role(h) == ParticleRole::Modifier)
            })
        };
        let article = |k: usize| matches!(self.word(k), "the" | "a" | "an" | "this" | "that");
        let mut k = start;
        while k > clause.start && start - k < 4 && !self.cut_before(k) {
            let prev = k - 1;
            // "Turkey's": the possessive s; "the jihadists' …": an apostrophe after a
            // plural.
            let end = if self.possessive(prev) {
                prev
            } else if self.word(prev).ends_with('s')
                && self.ntext[t[prev].norm.end..t[k].norm.start].contains(['\'', '’'])
            {
                k
            } else if listed(prev) || article(prev) || !self.word(prev).is_ascii() {
                return None;
            } else {
                k = prev;
                continue;
            };
            let mut from = end;
            while from > clause.start && end - from < 3 && !article(from - 1) && !self.is_particle(hits, from - 1) {
                from -= 1;
                if self.cut_before(from) {
                    break;
                }
            }
            let phrase = TokenSpan::new(from, end);
            let place = hits
                .places
                .iter()
                .chain(&hits.place_nouns)
                .any(|h| phrase.start <= h.tokens.start && h.tokens.end <= phrase.end);
            return (!phrase.is_empty() && !place).then_some(phrase);
        }
        None
    }

    /// The phrase that starts at token `k` (its opener included), inside `clause`.
    pub(super) fn phrase_at(&self, hits: &SentenceHits<'_>, k: usize, clause: TokenSpan) -> Option<TokenSpan> {
        let mut at = k;
        while at < clause.end && self.phrase_word(hits, at) == Word::Opener {
            if at > k && self.cut_before(at) {
                return None;
            }
            at += 1;
        }
        let mut end = at;
        let mut words = 0;
        while end < clause.end && words < MAX_WORDS {
            if end > k && self.cut_before(end) {
                break;
            }
            // `سجن الصناعة بالحسكة`: a known place with ب says where; the phrase ends.
            if end > at && self.in_place(end) && hits.places.iter().any(|h| h.tokens.start == end) {
                break;
            }
            match self.phrase_word(hits, end) {
                // An English past tense after the phrase's noun is its verb ("militias
                // surprised them"); before it, a participle ("armed groups").
                Word::Free if words > 0 && self.past_tense(end) => break,
                // "the districts held by the enemy": a participle with its by-phrase
                // describes the noun.
                Word::Free
                    if words > 0
                        && end + 1 < clause.end
                        && self.word(end + 1) == "by"
                        && english_participle(self.word(end)) =>
                {
                    break;
                }
                // "the highway linking the two cities": a participle with its own object
                // describes the noun; the phrase ends before it.
                Word::Free
                    if words > 0
                        && self.word(end).is_ascii()
                        && self.word(end).ends_with("ing")
                        && end + 1 < clause.end
                        && matches!(self.word(end + 1), "the" | "a" | "an" | "its" | "their") =>
                {
                    break;
                }
                // `دخلت الفصائل بلدة مروة`, `حاصرت القوات البلدة`: a definite Arabic noun
                // heads no genitive, so a place noun after it starts the verb's object.
                Word::Free
                    if words > 0
                        && definite(self.word(end - 1))
                        && hits.place_nouns.iter().any(|h| h.tokens.start == end) =>
                {
                    break;
                }
                // `لم يشارك في اقتحام التلة أي فصيل`: "any" (or "that is") starts a
                // phrase of its own.
                Word::Free if words > 0 && matches!(self.word(end), "اي" | "ايه") => break,
                // `السيطرة على البلدة بشكل كامل`, `استهدفت القوات بالمدفعية`: a word
                // with the preposition ب attached opens a phrase of its own (how, with
                // what).
                Word::Free if words > 0 && self.attached(hits, end, "ب") => break,
                // `استسلم المسلحون لقوات الحكومة`: after a definite noun, which takes no
                // genitive, a word with ل attached says to or for whom.
                Word::Free if words > 0 && definite(self.word(end - 1)) && self.attached(hits, end, "ل") => break,
                // `اتهمت الوزارة الفصائل`: nor a definite broken plural, which is no
                // adjective of the noun before it (an adjective agrees with its noun and
                // is seldom such a plural) but the verb's object; nor, `دعا المجلس
                // الكتيبة إلى`, a definite feminine noun after a masculine one, which an
                // adjective would agree with.
                Word::Free
                    if words > 0
                        && definite(self.word(end - 1))
                        && (self.word(end).strip_prefix("ال").is_some_and(broken_plural)
                            || feminine_after_masculine(self.word(end - 1), self.word(end))
                            || plural_after_singular(self.word(end - 1), self.word(end))) =>
                {
                    break;
                }
                // `اعتقلت القوات الكردية العشرات من`, `اعتقلت القوات عشرات المسلحين`: nor
                // a count word, which starts the verb's object (a definite noun heads no
                // genitive, and a count is no adjective); digits after it may be a unit's
                // number (`الفرقة 25`).
                Word::Free
                    if words > 0
                        && definite(self.word(end - 1))
                        && (definite(self.word(end)) || !self.word(end).chars().any(|c| c.is_numeric()))
                        && self.quantity(hits, end) =>
                {
                    break;
                }
                // `طالب الأهالي بفتح ممر`, `دخلت القوات البلدة لتأمين الطريق`: nor, with no
                // name read there, a word that opens with ب or ل.
                Word::Free
                    if words > 0
                        && definite(self.word(end - 1))
                        && (self.word(end).starts_with('ب') || self.word(end).starts_with('ل'))
                        && !hits.all.iter().any(|h| h.tokens.contains(end)) =>
                {
                    break;
                }
                // `المنطقة الحدودية تنفيذاً لاتفاق`: an indefinite accusative after a
                // definite noun is an adverbial (why, how), no part of its phrase.
                Word::Free
                    if words > 0
                        && (definite(self.word(end - 1)) || possessed(self.word(end - 1)))
                        && self.accusative(end) =>
                {
                    break;
                }
                // `اقتحم مسلحون السجن`: a sound plural keeps its ن only outside a
                // construct, so an indefinite one takes no definite genitive after it.
                Word::Free if words > 0 && definite(self.word(end)) && self.sound_plural(end - 1) => break,
                Word::Free => {
                    words += usize::from(!self.part_of_word(end));
                    end += 1;
                }
                // `عدد كبير من البيوت`: the adjective of a quantity whose partitive
                // follows.
                Word::Stop
                    if end > k
                        && end + 1 < clause.end
                        && self.word(end + 1) == "من"
                        && self.quantity(hits, end - 1)
                        && self.particle_at(hits, end, ParticleRole::Modifier) =>
                {
                    end += 1;
                }
                // `77 من العاملين`, `مئات من العائلات`: a number's partitive من joins (a
                // quantity that opens the phrase too: `عدد من`).
                Word::Stop
                    if (words > 0 || end > k)
                        && self.word(end) == "من"
                        && end + 1 < clause.end
                        && !self.cut_before(end + 1)
                        && self.phrase_word(hits, end + 1) == Word::Free
                        && self.partitive_before(hits, end, clause) =>
                {
                    end += 1;
                }
                Word::Joiner
                    if words > 0
                        && end + 1 < clause.end
                        && !self.cut_before(end + 1)
                        && matches!(self.phrase_word(hits, end + 1), Word::Free | Word::Opener)
                        // "accused the rebels of kidnapping": "of" before a gerund says
                        // what, and no part of the phrase.
                        && (!self.word(end + 1).ends_with("ing") || self.capitalised(end + 1)) =>
                {
                    end += 1;
                    while end < clause.end && self.phrase_word(hits, end) == Word::Opener {
                        end += 1;
                    }
                }
                _ => break,
            }
        }
        // A known name the phrase reaches into is taken whole ("Ras al Ain").
        if let Some(name) = self.name_across(hits, end).filter(|n| n.end <= clause.end) {
            end = name.end;
        }
        (words > 0 && self.named(TokenSpan::new(at, end))).then(|| TokenSpan::new(k, end))
    }

    /// Whether a trigger is a noun rather than a verb: in Arabic a definite word or one in
    /// the accusative (`الهجوم`, `هجوما`), in English a word after an article ("the
    /// attack"). What a noun acts on follows a preposition (`على`, "on", "of"), never the
    /// noun itself (`هجوما مضادا` is a counter-attack, not an attack on something).
    pub(super) fn nominal(&self, hits: &SentenceHits<'_>, trigger: &Hit) -> bool {
        let w = self.word(trigger.tokens.start);
        if w.is_ascii() {
            // "the attack", "the initial attack", "Russian shelling"; "the army attacked"
            // and "the army took the town" are verbs.
            let k = trigger.tokens.start;
            // "The army took the town": an article right after it opens a verb's object.
            let end = trigger.tokens.end;
            if end < hits.range.end && matches!(self.word(end), "the" | "a" | "an" | "its" | "their") {
                return false;
            }
            let opener = |j: usize| self.phrase_word(hits, j) == Word::Opener;
            let demonym = |j: usize| self.lexicon.names.demonyms.contains_key(self.word(j)) && self.capitalised(j);
            return (k > 0 && (opener(k - 1) || demonym(k - 1)))
                || (k > 1
                    && !w.ends_with("ed")
                    && opener(k - 2)
                    && self.phrase_word(hits, k - 1) == Word::Free
                    && !self.capitalised(k - 1));
        }
        let core = w.get(trigger.prefix.len..).unwrap_or(w);
        // The verbal noun مفاعلة (`محاصرة`, `مداهمة`) has a broken plural's letters but
        // takes its object after it, as a verb does.
        let form_three = core.starts_with('م') && core.ends_with('ه');
        // A final ا is the accusative's, not `نا` (we) on a verb: `حررنا القرية`.
        w.starts_with("ال")
            || trigger.prefix.definite
            || (w.ends_with('ا') && !w.ends_with("وا") && trigger.inflection.suffix() != "نا")
            || (trigger.inflection.is_bare() && broken_plural(core) && !form_three)
    }

    /// Whether an Arabic trigger is a verb whose ending is its plural subject, by its
    /// inflection or as the lexicon lists it (`اقتحموا`): the noun after it is its object.
    pub(super) fn plural_verb(&self, trigger: &Hit) -> bool {
        let w = self.word(trigger.tokens.start);
        trigger.inflection.plural_subject()
            || (trigger.tokens.len() == 1 && w.ends_with("وا") && !w.starts_with("ال") && w.chars().count() > 3)
    }

    /// Whether an Arabic trigger is a verbal noun (`فرار`, `انسحاب`, `السيطرة`,
    /// `تهجير`), not a verb (`فر`, `انسحبوا`, `يسيطر`): by its inflection, else by its
    /// shape: a joined ب or ك (`بقصف`), the article, a ta marbuta, or a long vowel before
    /// its last letter (the masdar patterns فعال، فعول، انفعال، استفعال، تفعيل). What follows a verbal noun is
    /// its genitive: its own subject, not the subject of the verb before it.
    pub(super) fn verbal_noun(&self, trigger: &Hit) -> bool {
        let word = self.word(trigger.tokens.start);
        if word.is_ascii() || trigger.inflection.verbal() {
            return false;
        }
        // A preposition joined to it, ب or ك, stands only before a noun (`بقصف السوق`).
        let preposition = word
            .get(..trigger.prefix.len)
            .and_then(|p| p.chars().last())
            .is_some_and(|c| matches!(c, 'ب' | 'ك'));
        if preposition {
            return true;
        }
        let core = self.stem(trigger);
        // A form listed with its pronoun (`انسحابها`): the noun before it.
        let owned = self.own_pronoun(trigger);
        let core = match owned {
            true => ["هما", "ها", "هم", "هن", "ه"]
                .iter()
                .find_map(|p| core.strip_suffix(p))
                .unwrap_or(core),
            false => core,
        };
        let letters: Vec<char> = core.chars().collect();
        // `سيطرتها`: before a pronoun the ta marbuta is written ت.
        if owned && letters.len() >= 4 && letters.last() == Some(&'ت') {
            return true;
        }
        // `هاجموا`, `أخلوا`: a verb's plural ending, not a masdar's long vowel.
        if core.ends_with("وا") {
            return false;
        }
        // `استعاد`, `استقال`: a hollow verb of the form استفعل has six letters, its long
        // vowel before the last; the masdar has seven (`استهداف`) or a ta marbuta
        // (`استعادة`).
        if letters.len() == 6 && core.starts_with("است") && letters[4] == 'ا' {
            return false;
        }
        trigger.prefix.definite
            || core.starts_with("ال")
            || letters.last() == Some(&'ه')
            || (letters.len() >= 4 && matches!(letters[letters.len() - 2], 'ا' | 'و' | 'ي'))
    }

    /// Whether the genitive after an Arabic verbal noun is what it acts on: a place, with
    /// no `على`/`ضد` after the noun and no `ل` object (`تحرير مدينة X`: X was taken;
    /// in `هجوم التنظيم على السجن` and `اقتحام القوات للبلدة` the genitive is the doer).
    pub(super) fn genitive_object(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> bool {
        let t = trigger.tokens;
        if !self.verbal_noun(trigger) || t.end >= clause.end || matches!(self.word(t.end - 1), "علي" | "ضد") {
            return false;
        }
        let Some(p) = self.phrase_at(hits, t.end, clause) else {
            return false;
        };
        // `هجوم التنظيم على السجن`, `اقتحام القوات للبلدة`: the object follows the genitive.
        let object_follows = (t.end..clause.end.min(t.end + 6)).any(|k| matches!(self.word(k), "علي" | "ضد"))
            || (p.start + 1..(p.end + 1).min(clause.end))
                .take_while(|&k| !self.word(k).starts_with("ال"))
                .any(|k| {
                    let w = self.word(k);
                    w.starts_with('ل') && !w.starts_with("ال")
                });
        // A place is what is taken or struck (`تحرير مدينة`, `قصف أحياء البلدة`, `تحرير
        // سوليدار`); an adjective or a verb after the noun (`عملية عسكرية يشنها`) is not.
        let place = hits
            .places
            .iter()
            .chain(&hits.place_nouns)
            .any(|h| p.start <= h.tokens.start && h.tokens.start < p.end)
            || (self.arabic_name(p.start) && (p.len() == 1 || self.quoted(p.start)));
        // The verbal noun of a derived transitive verb takes its object as its genitive
        // (`مداهمة المنازل`, `تدمير الجسر`), unless the genitive names a party.
        let party = || {
            hits.actors
                .iter()
                .any(|h| p.start <= h.tokens.start && h.tokens.start < p.end)
        };
        !object_follows && (place || (self.transitive_noun(trigger) && !party()))
    }

    /// A trigger's first word past the clitics and before the suffix the matcher read.
    fn stem(&self, trigger: &Hit) -> &str {
        let word = self.word(trigger.tokens.start);
        let core = word.get(trigger.prefix.len..).unwrap_or(word);
        core.strip_suffix(trigger.inflection.suffix()).unwrap_or(core)
    }

    /// Whether an Arabic verbal noun has the shape of a derived transitive verb's: مفاعلة
    /// (`مداهمة`), تفعيل (`تدمير`), افتعال (`اقتحام`), استفعال (`استهداف`, `استعادة`).
    fn transitive_noun(&self, trigger: &Hit) -> bool {
        let core = self.stem(trigger);
        let core = core.strip_prefix("ال").unwrap_or(core);
        let l: Vec<char> = core.chars().collect();
        match l.len() {
            5 => l[0] == 'ت' && l[3] == 'ي',
            6 => (l[0] == 'م' && l[2] == 'ا' && l[5] == 'ه') || (l[0] == 'ا' && l[2] == 'ت' && l[4] == 'ا'),
            7 => core.starts_with("است") && (l[5] == 'ا' || (l[4] == 'ا' && l[6] == 'ه')),
            _ => false,
        }
    }

    /// "X is under the control of Y", `X لا تزال تحت سيطرة Y` (or `خاضعة لسيطرة Y`): the holder (Y, the phrase
    /// after the control word, or the possessive in it: "under our control", `تحت
    /// سيطرتها`) and what it holds (X, the phrase before "under", past auxiliaries).
    pub(super) fn held_by(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
    ) -> Option<(Option<TokenSpan>, Option<TokenSpan>)> {
        let t = trigger.tokens;
        // "Was brought under control": a passive, whose subject is read as one.
        if self.passive(hits, clause, trigger).is_some() {
            return None;
        }
        let under = if self.word(t.start) == "under" {
            t.start
        } else if t.start > clause.start
            && matches!(
                self.word(t.start - 1)
                    .strip_prefix("ال")
                    .unwrap_or(self.word(t.start - 1)),
                "تحت"
                    | "under"
                    | "خاضع"
                    | "خاضعه"
                    | "خاضعا"
                    | "خاضعين"
                    | "خاضعون"
                    | "تخضع"
                    | "يخضع"
                    | "خضعت"
            )
        {
            t.start - 1
        } else {
            return None;
        };
        let last = self.word(t.end - 1);
        let holder = if matches!(last, "of") || (!last.is_ascii() && t.len() == 1 && !self.possessed(t.end - 1)) {
            self.phrase_at(hits, t.end, clause)
        } else {
            // The possessive in the trigger names the holder ("our", `سيطرتها`).
            (t.start..t.end)
                .find(|&k| matches!(self.word(k), "our" | "its" | "their" | "his" | "her") || self.possessed(k))
                .map(|k| TokenSpan::new(k, k + 1))
        };
        // Past auxiliaries and negations ("is not", `لا تزال`).
        let auxiliary = |k: usize| self.is_auxiliary(hits, k) || hits.markers.iter().any(|h| h.tokens.contains(k));
        let mut before = under;
        while before > clause.start && auxiliary(before - 1) {
            before -= 1;
        }
        // `بلدة مروة، الخاضعة لسيطرة الكتيبة`: a definite participle opening its
        // clause describes the noun before the comma.
        // "The town, which is under the control of", `البلدة التي تخضع`: the noun the
        // relative clause hangs on.
        let relative = before > hits.range.start && self.relative_of_head(hits, before - 1);
        let held = match self.phrase_before(hits, before, clause) {
            None if before == clause.start && clause.start > hits.range.start && definite(self.word(under)) => {
                self.phrase_before(hits, clause.start, TokenSpan::new(hits.range.start, clause.start))
            }
            None if relative => self.head_of_relative(hits, before - 1),
            held => held,
        };
        Some((holder, held))
    }

    /// Whether an Arabic trigger carries an attached pronoun (`انسحابها`, `هجومهم`): by the
    /// matcher's analysis, by its ending, or (`ه`, which is also the normalised ta
    /// marbuta) because its form is another form of the same entry with `ه` added
    /// (`انسحابه` beside `انسحاب`).
    pub(super) fn own_pronoun(&self, trigger: &Hit) -> bool {
        let w = self.word(trigger.tokens.start);
        if w.is_ascii() {
            return false;
        }
        let pronoun = |w: &str| ["ها", "هم", "هما", "هن"].iter().any(|p| w.ends_with(p));
        if trigger.inflection.pronoun() || trigger.tokens.range().any(|k| pronoun(self.word(k))) {
            return true;
        }
        if trigger.entry.table != Table::Predicate || trigger.tokens.len() != 1 || !w.ends_with('ه') {
            return false;
        }
        let p = &self.lexicon.entries.predicates[trigger.entry.index as usize].entry;
        p.all_forms()
            .nth(trigger.entry.form as usize)
            .and_then(|f| f.strip_suffix('ه'))
            .is_some_and(|bare| p.all_forms().any(|g| g == bare))
    }

    /// Whether an Arabic word carries a possessive pronoun suffix (`سيطرتها`, `قواتنا`).
    pub(super) fn possessed(&self, k: usize) -> bool {
        let w = self.word(k);
        !w.is_ascii()
            && ["ها", "هم", "هما", "نا", "ه"].iter().any(|s| {
                w.strip_suffix(s)
                    .is_some_and(|stem| stem.ends_with('ت') && stem.chars().count() >= 4)
            })
    }

    /// The noun a relative clause hangs on, when the trigger is that clause's verb: the
    /// forces in "the forces who stormed the town", `الفصائل التي اقتحمت المدينة` did it.
    /// Not for a passive ("the town which was captured") or a verbal noun.
    pub(super) fn relative_head(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let t = trigger.tokens;
        if self.nominal(hits, trigger) || self.verbal_noun(trigger) || self.passive(hits, clause, trigger).is_some() {
            return None;
        }
        let k = self.past_auxiliaries(hits, t.start, hits.range.start);
        let relative = k > hits.range.start && self.relative_of_head(hits, k - 1);
        if !relative {
            return None;
        }
        self.head_of_relative(hits, k - 1)
    }

    /// The noun the relative pronoun at `r` hangs on: the phrase before it, past a comma
    /// ("the group, which"); in Arabic, its last definite noun and that noun's adjectives.
    pub(super) fn head_of_relative(&self, hits: &SentenceHits<'_>, r: usize) -> Option<TokenSpan> {
        let k = r + 1;
        let scope = TokenSpan::new(hits.range.start, k - 1);
        let start = (scope.start..k - 1)
            .rev()
            .find(|&i| i < k - 2 && self.matches.tokens.tokens[i + 1].barrier_before)
            .map_or(scope.start, |i| i + 1);
        let head = self.phrase_before(hits, k - 1, TokenSpan::new(start, k - 1))?;
        // An Arabic relative agrees with the last definite noun and its adjectives: in
        // `هوية الفصائل التي`, the factions.
        let definite = |i: usize| self.word(i).starts_with("ال");
        if self.word(head.start).is_ascii() || !definite(head.end - 1) {
            return Some(head);
        }
        let mut from = head.end - 1;
        while from > head.start && definite(from - 1) {
            from -= 1;
        }
        Some(TokenSpan::new(from, head.end))
    }

    /// Whether a relative pronoun at `k` opens a clause about the noun before it: not
    /// "where", "whose", "whom", whose clauses have a subject of their own.
    fn relative_of_head(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        // "The militia that attacked": "that" after a noun and before a verb opens a
        // relative clause; after a reporting verb it opens what is said.
        let that = || {
            self.word(k) == "that"
                && k > hits.range.start
                && k + 1 < hits.range.end
                && self.phrase_word(hits, k - 1) == Word::Free
                && !self.past_tense(k - 1)
                && !hits
                    .all
                    .iter()
                    .any(|h| h.tokens.contains(k - 1) && h.entry.table == Table::Cue)
                && (self.past_tense(k + 1)
                    || self.is_auxiliary(hits, k + 1)
                    || hits.predicates.iter().any(|h| h.tokens.start == k + 1))
        };
        !matches!(self.word(k), "where" | "whose" | "whom")
            && (hits
                .particles
                .iter()
                .any(|h| h.tokens.start == k && self.role(h) == ParticleRole::Relative)
                || that())
    }

    /// The subject of a reporting verb whose object is the event: "Ukraine confirms
    /// withdrawal", "X announced its capture", `أقر الجيش بالانسحاب`: the speaker tells of
    /// its own act. After a denial only when the event is the speaker's by its possessive,
    /// a gerund or a perfect infinitive ("X denied its withdrawal", "X denied withdrawing",
    /// "X claimed to have captured", `نفى الجيش انسحابه`): "X denied the capture" names no
    /// captor.
    pub(super) fn cue_subject(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let t = trigger.tokens;
        let cue = hits
            .all
            .iter()
            .filter(|h| h.entry.table == Table::Cue && h.tokens.start >= clause.start && h.tokens.end <= t.start)
            .max_by_key(|h| h.tokens.end)?;
        // "Confirmed the withdrawal", "claimed the capture": the speaker's own act; after
        // a plain "said" or "announced", only when a possessive says so ("announced its
        // withdrawal").
        // "Claimed to have captured": a perfect infinitive right after the cue is the
        // speaker's own act too.
        let perfect = t.start == cue.tokens.end + 2
            && self.word(cue.tokens.end) == "to"
            && self.word(cue.tokens.end + 1) == "have";
        let own = (cue.tokens.end..t.start).any(|k| matches!(self.word(k), "its" | "their" | "our" | "his" | "her"))
            || (cue.tokens.end == t.start && self.word(t.start).ends_with("ing"))
            || perfect
            || self.own_pronoun(trigger);
        match self.lexicon.entries.cues[cue.entry.index as usize].entry.role {
            Role::Confirms | Role::Claims => {}
            Role::Says | Role::Adds | Role::Denies if own => {}
            _ => return None,
        }
        if perfect || (cue.tokens.end..t.start).all(|k| self.phrase_word(hits, k) == Word::Opener) {
            return self.subject_of_verb(hits, cue.tokens.start, clause);
        }
        // VSO: the subject between the verb and its object (`أقر الجيش الأوكراني بالانسحاب`).
        self.phrase_at(hits, cue.tokens.end, clause)
            .filter(|p| !self.word(t.start).is_ascii() && p.end == t.start)
    }

    /// The subject of an English clause that opens with its verb after an apposition set
    /// off by commas: in "the town of Dasht, located east of the river, was captured" (or
    /// ", a river port,"), the town. `verb` is where the verb's words start.
    pub(super) fn appositive_subject(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        verb: usize,
    ) -> Option<TokenSpan> {
        let only_auxiliaries = (clause.start..verb).all(|k| self.is_auxiliary(hits, k));
        if !only_auxiliaries || clause.start <= hits.range.start {
            return None;
        }
        // The apposition: the clause before this one, itself after a comma.
        let apposition_start = (hits.range.start..clause.start - 1)
            .rev()
            .find(|&k| self.cut_before(k))?;
        let w = self.word(apposition_start);
        let appositive = if self.word(clause.start).is_ascii() {
            w.ends_with("ed")
                || w.ends_with("ing")
                || matches!(self.phrase_word(hits, apposition_start), Word::Opener)
                || matches!(w, "a" | "an" | "which" | "who")
        } else {
            // In Arabic only a relative clause (`الكتيبة، التي يقودها ضباط منشقون، تمكنت`).
            hits.particles
                .iter()
                .any(|h| h.tokens.start == apposition_start && self.role(h) == ParticleRole::Relative)
        };
        if !appositive {
            return None;
        }
        // Not at an apostrophe inside a word ("People’s").
        let head_start = (hits.range.start..apposition_start - 1)
            .rev()
            .find(|&k| self.cut_before(k))
            .unwrap_or(hits.range.start);
        self.phrase_before(hits, apposition_start, TokenSpan::new(head_start, apposition_start))
    }

    /// Whether a noun's genitive follows the trigger right after it: a word of a phrase,
    /// not a preposition, an adverb with ب or a number alone.
    pub(super) fn genitive_after(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> bool {
        let k = trigger.tokens.end;
        k < clause.end
            && !self.cut_before(k)
            && matches!(self.phrase_word(hits, k), Word::Free | Word::Opener)
            && (!self.word(k).starts_with('ب') || self.word(k).starts_with("ال"))
            && self.phrase_at(hits, k, clause).is_some_and(|p| self.named(p))
    }

    /// The subject of a light verb whose object is the trigger (`شن المسلحون هجوما`,
    /// "Gunmen launched an attack"; `role` LightVerb) or of a verb of suffering
    /// (`تعرضت القوات لهجوم`, "the guards faced attacks"; `role` SufferVerb): in Arabic the
    /// phrase between the verb and the noun (VSO) or the one opening the clause before the
    /// verb (SVO); in English the one before the verb.
    pub(super) fn verb_subject(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
        role: ParticleRole,
    ) -> Option<TokenSpan> {
        let t = trigger.tokens;
        // The nearest; of two at one word, the longer ("took part in", not "took"). It may
        // share its last word with the trigger ("came under" and "under fire").
        let light = hits
            .particles
            .iter()
            .filter(|h| {
                self.role(h) == role
                    && h.tokens.start < t.start
                    && (h.tokens.end <= t.start || (h.tokens.end == t.start + 1 && self.word(t.start).is_ascii()))
                    && h.tokens.start >= clause.start
                    && t.start.saturating_sub(h.tokens.end) <= 6
            })
            .max_by_key(|h| (h.tokens.start, h.tokens.end))?;
        let between = light.tokens.end.min(t.start)..t.start;
        if self.word(t.start).is_ascii() {
            // Only an article or quantifier between ("launched an attack"); after a verb
            // of suffering, also the doer's name ("faced ISIS attacks").
            let opener = |k: usize| self.phrase_word(hits, k) == Word::Opener;
            // "Delivered coordinated strikes": a participle may describe the noun.
            let describes = |k: usize| k + 1 == t.start && self.past_tense(k);
            let fits = match role {
                ParticleRole::SufferVerb => t.start.saturating_sub(light.tokens.end) <= 2,
                _ => between.clone().all(|k| opener(k) || describes(k)),
            };
            // "was taken under control": a passive light verb's subject is what it was
            // done to.
            let passive = light.tokens.start > clause.start && self.be_verb(light.tokens.start - 1);
            if !fits || passive {
                return None;
            }
            return self.subject_of_verb(hits, light.tokens.start, clause);
        }
        // `تمكنت من استعادة`, `نجحت في`: the event after the verb's own preposition.
        let preposition = t.start > light.tokens.end
            && hits
                .particles
                .iter()
                .any(|h| h.tokens.end == t.start && h.tokens.len() == 1 && self.role(h).is_preposition());
        let object = if preposition { t.start - 1 } else { t.start };
        if light.tokens.end == object {
            // At the clause's head, after a complementizer (`بأن المنطقة تتعرض لقصف`),
            // after a verb of the same kind (`قامت الطائرات بشن غارات`: the subject of the
            // first), or after a reporting verb, whose subject it is (`أعلن التنظيم
            // مسؤوليته عن الهجوم`).
            return self
                .phrase_before(hits, light.tokens.start, clause)
                .filter(|p| {
                    p.start == clause.start
                        || hits.particles.iter().any(|h| {
                            h.tokens.end == p.start
                                && (self.role(h) == role || self.role(h) == ParticleRole::Complementizer)
                        })
                        || hits
                            .all
                            .iter()
                            .any(|h| h.entry.table == Table::Cue && h.tokens.end == p.start)
                })
                .or_else(|| self.appositive_subject(hits, clause, light.tokens.start));
        }
        // `تعرضت مواقع الجيش في القرية لقصف`, `تعرض الموقع قبل أيام لهجوم`: where or
        // when may stand between the subject and the event.
        let opens = |k: usize, roles: &[ParticleRole]| {
            hits.particles
                .iter()
                .any(|h| h.tokens.start == k && roles.contains(&self.role(h)))
        };
        let subject = self.phrase_at(hits, light.tokens.end, clause)?;
        // `شن مسلحون من الفصيل هجوما`: the subject's من-phrase says from whom.
        if subject.end < object
            && self.word(subject.end) == "من"
            && self
                .phrase_at(hits, subject.end + 1, clause)
                .is_some_and(|from| from.end == object)
        {
            return Some(TokenSpan::new(subject.start, object));
        }
        // `تمكن عدد من السجناء في الجناح الشرقي من الفرار`: before the verb's own
        // preposition, whatever stands between the subject and it describes the subject
        // or says when or where (no other event, no punctuation).
        let free_between = |p: &TokenSpan| {
            preposition
                && p.end <= object
                && object - p.end <= 8
                && !(p.end..=object).any(|k| self.cut_before(k))
                && !hits
                    .predicates
                    .iter()
                    .any(|h| h.tokens.start >= p.end && h.tokens.start < object)
        };
        Some(subject).filter(|p| {
            free_between(p)
                || p.end == object
                || (p.end < object
                    && object - p.end <= 4
                    && (opens(p.end, &[ParticleRole::Locative, ParticleRole::Time])
                        || opens(p.end + 1, &[ParticleRole::Time])))
        })
    }

    /// Whether a quantity stands right before the `من` at `k`, or with its adjective
    /// (`عشرات من`, `عدد كبير من`, `عدد غير محدد من`), in `clause`.
    fn partitive_before(&self, hits: &SentenceHits<'_>, k: usize, clause: TokenSpan) -> bool {
        let at = |j: usize| k >= j && k - j >= clause.start;
        // The quantity's adjective is as indefinite as it is (`عدد كبير من`); a definite
        // noun after it is its genitive, whose من says from where (`مئات السكان من
        // القرية`).
        at(1) && self.quantity(hits, k - 1)
            || at(2) && self.quantity(hits, k - 2) && !definite(self.word(k - 1))
            || at(3) && self.quantity(hits, k - 3) && self.word(k - 2) == "غير"
    }

    /// Whether the word at `k` counts: a number, a `numeral` (`مئات`, `الآلاف`, `عدد`) or
    /// a `quantifier` (`العديد من`, `بعض`).
    fn quantity(&self, hits: &SentenceHits<'_>, k: usize) -> bool {
        self.count(hits, k)
            || hits
                .particles
                .iter()
                .any(|h| h.tokens.contains(k) && self.role(h) == ParticleRole::Quantifier)
    }

    /// The English subject of the verb at `verb`: the phrase before it, past auxiliaries
    /// and modals ("the guards had faced", "the army could launch").
    fn subject_of_verb(&self, hits: &SentenceHits<'_>, verb: usize, clause: TokenSpan) -> Option<TokenSpan> {
        // Past auxiliaries and modals ("had launched", "could launch").
        let mut before = verb;
        while before > clause.start
            && (self.is_auxiliary(hits, before - 1) || hits.markers.iter().any(|h| h.tokens.contains(before - 1)))
        {
            before -= 1;
        }
        self.phrase_before(hits, before, clause)
            .map(|p| self.with_modifier(hits, clause, p))
    }

    /// An English subject phrase with the phrase before it when a preposition joins
    /// them: "Turkish strikes on the village killed", "militants in the north staged"
    /// (the phrase after the preposition belongs to the one before it); not after a
    /// participle ("was joined by captives escaped": the captives escaped).
    fn with_modifier(&self, hits: &SentenceHits<'_>, clause: TokenSpan, p: TokenSpan) -> TokenSpan {
        match p.start.checked_sub(1) {
            Some(prep)
                if prep > clause.start
                    && self.word(prep).is_ascii()
                    && !self.cut_before(p.start)
                    && !self.subordinator(hits, prep)
                    && !english_participle(self.word(prep - 1))
                    && hits
                        .particles
                        .iter()
                        .any(|h| h.tokens.start == prep && self.role(h).is_preposition()) =>
            {
                // "Turkish strikes on the village killed": the head may be an event noun,
                // with the words before it that describe it.
                let event = hits
                    .predicates
                    .iter()
                    .find(|h| h.tokens.end == prep)
                    .map(|h| h.tokens.start);
                let head_end = event.unwrap_or(prep);
                let head = self.phrase_before(hits, head_end, clause).map(|h| h.start);
                match (head, event) {
                    (Some(start), _) | (None, Some(start)) => TokenSpan::new(start, p.end),
                    (None, None) => p,
                }
            }
            _ => p,
        }
    }

    /// Whether a phrase's words name something: not only numbers ("11" of "11 January").
    fn named(&self, span: TokenSpan) -> bool {
        span.range().any(|k| !self.word(k).chars().all(|c| c.is_ascii_digit()))
    }

    /// Whether the word at `k` reads as an English past tense: it ends in "ed" and no
    /// hyphen joins it to the word before ("Turkish-backed").
    fn past_tense(&self, k: usize) -> bool {
        let t = &self.matches.tokens.tokens;
        let joined = k > 0 && self.ntext[t[k - 1].norm.end..t[k].norm.start].trim() == "-";
        !joined && self.word(k).is_ascii() && self.word(k).ends_with("ed")
    }

    /// The phrase that ends right before token `end` (its opener included), inside
    /// `clause`.
    pub(super) fn phrase_before(&self, hits: &SentenceHits<'_>, end: usize, clause: TokenSpan) -> Option<TokenSpan> {
        let mut start = end;
        let mut words = 0;
        while start > clause.start && words < MAX_WORDS {
            let k = start - 1;
            // `قال القائد "الكتيبة هاجمت`: nor past the head of a quotation.
            if k + 1 < end && (self.cut_before(k + 1) || (!self.word(k).is_ascii() && self.quotation_opens(k + 1, end)))
            {
                break;
            }
            match self.phrase_word(hits, k) {
                // A verb's past tense before the noun ends the phrase ("had faced
                // militia attacks": the militia); "armed groups" keeps only "groups".
                Word::Free if words > 0 && self.past_tense(k) && !self.capitalised(k) => break,
                Word::Free => {
                    // "People’s": the part after the apostrophe is the word's.
                    words += usize::from(!(k + 1 < end && self.part_of_word(k + 1)));
                    start = k;
                }
                Word::Joiner if words > 0 && k > clause.start && self.phrase_word(hits, k - 1) == Word::Free => {
                    start = k;
                }
                // `عدداً من المسلحين`: a quantity's partitive من joins.
                Word::Stop if words > 0 && self.word(k) == "من" && self.partitive_before(hits, k, clause) => {
                    start = k;
                }
                _ => break,
            }
        }
        if words == 0 || !self.named(TokenSpan::new(start, end)) {
            return None;
        }
        // A known name the phrase reaches into is taken whole ("People’s Protection Units
        // (YPG)").
        if let Some(name) = self.name_across(hits, start).filter(|n| n.start >= clause.start) {
            start = name.start;
        }
        while start > clause.start && !self.cut_before(start) && self.phrase_word(hits, start - 1) == Word::Opener {
            start -= 1;
        }
        Some(TokenSpan::new(start, end))
    }

    /// What an `acts_on` trigger acts on: the phrase after `على`/`ضد`/"on"/"against" a
    /// few words on (`هجوم تنظيم داعش على سجن`, "an attack on the prison"), else the one
    /// right after it, past English `of` (`سيطرت على مدينة`, "captured the town", "the
    /// capture of the town"); in an English passive, the subject before it ("the town
    /// was captured").
    pub(super) fn object(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
        agent: Option<TokenSpan>,
    ) -> Option<TokenSpan> {
        if let Some(be) = self.passive(hits, clause, trigger) {
            // "the shepherds who were detained", "the town, which was taken": the
            // relative's head.
            if be > hits.range.start + 1 && self.relative_of_head(hits, be - 1) && self.word(be - 1).is_ascii() {
                return self.phrase_before(hits, be - 1, TokenSpan::new(hits.range.start, be - 1));
            }
            return self
                .phrase_before(hits, be, clause)
                .map(|p| match self.before_participle(hits, clause, p) {
                    // "Villages in the north were shelled": the phrase a preposition joins.
                    same if same == p => self.with_modifier(hits, clause, p),
                    subject => subject,
                })
                .or_else(|| self.appositive_subject(hits, clause, be));
        }
        if let Some(before) = self.participle_head(hits, clause, trigger) {
            return Some(before);
        }
        // A form that names its object ("took the village", "took two villages"): the
        // words after its verb, with an "of" that names the place ("took the village of
        // Kavra").
        let t = trigger.tokens;
        if t.len() >= 2 && self.word(t.start).is_ascii() && hits.place_nouns.iter().any(|h| h.tokens.end == t.end) {
            let named = (t.end + 1 < clause.end && self.word(t.end) == "of")
                .then(|| self.phrase_at(hits, t.end + 1, clause))
                .flatten();
            return Some(TokenSpan::new(t.start + 1, named.map_or(t.end, |p| p.end)));
        }
        // Past the subject that follows an Arabic verb or verbal noun (`هاجم التنظيم سجن`)
        // and the adjectives that follow a noun (`أضرار كبيرة بممتلكات`).
        let end = match agent {
            Some(a) if a.start >= trigger.tokens.end && a.start <= trigger.tokens.end + 1 => a.end,
            _ => self.past_modifiers(hits, self.past_name(trigger, clause), clause),
        };
        // `هاجمت قوات الحكومة المدعومة بالطيران الروسي البلدة`: past whom the subject
        // answers to.
        let end = match hits
            .particles
            .iter()
            .find(|h| h.tokens.start == end && self.role(h) == ParticleRole::Allegiance)
        {
            Some(h) if !self.word(end).is_ascii() => hits
                .actors
                .iter()
                .filter(|a| a.tokens.start == h.tokens.end)
                .map(|a| a.tokens)
                .max_by_key(|a| a.end)
                .or_else(|| self.phrase_at(hits, h.tokens.end, clause))
                .map_or(h.tokens.end, |patron| self.past_modifiers(hits, patron.end, clause)),
            _ => end,
        };
        // After an English noun, a past form is a participle that describes it ("shells
        // fired on the depot": past it) or the verb it is the subject of ("shells
        // targeted the hospital": what that verb reached, a place or a party).
        let w = self.word(trigger.tokens.end - 1);
        let noun = w.is_ascii() && (self.nominal(hits, trigger) || (w.ends_with('s') && !w.ends_with("ss")));
        let end = if noun && end + 1 < clause.end && (self.past_tense(end) || self.word(end) == "hit") {
            if matches!(self.word(end + 1), "on" | "against" | "upon" | "by") {
                end + 1
            } else {
                return self
                    .phrase_at(hits, end + 1, clause)
                    .filter(|&reached| self.place_like(hits, reached) || self.known_party(hits, reached).is_some());
            }
        } else {
            end
        };
        // An English "on" is the trigger's only right after it ("attacks on the town";
        // in "captured the town on Monday" the town is the object).
        // Not past the next event word (`قتل مدنيان جراء قصف على البلدة`: the town was
        // shelled; the dead are the killing's).
        let reach = self.next_event(hits, trigger, clause);
        let on = (end..reach.min(end + 6)).find(|&k| {
            !self.cut_before(k)
                && (matches!(self.word(k), "علي" | "ضد")
                    || (k == end && matches!(self.word(k), "on" | "against" | "upon")))
        });
        // A trigger that ends in its preposition (`السيطرة على`, "took control of") has its
        // object right after it.
        let own_preposition = matches!(
            self.word(trigger.tokens.end - 1),
            "علي" | "ضد" | "of" | "on" | "against" | "over"
        );
        // `السيطرة عليها`: the pronoun on the preposition is what it acted on.
        let pronoun = |k: usize| {
            matches!(
                self.word(k),
                "عليها" | "عليه" | "عليهم" | "عليهما" | "ضدها" | "ضده" | "ضدهم"
            )
        };
        if pronoun(trigger.tokens.end - 1) {
            return Some(TokenSpan::new(trigger.tokens.end - 1, trigger.tokens.end));
        }
        // `أن احتلتها`: the pronoun on a verb is its object. A verb's ending before it, and
        // no noun before it whose genitive it would be (`نطاق سيطرتها`: the noun's owner).
        let k = trigger.tokens.start;
        let verb_position = k == clause.start || self.is_particle(hits, k - 1);
        if on.is_none()
            && trigger.tokens.len() == 1
            && trigger.inflection.pronoun()
            && verb_position
            && ["تها", "تهم", "وها", "وهم", "ناها", "ناهم"]
                .iter()
                .any(|e| self.word(k).ends_with(e))
        {
            return Some(trigger.tokens);
        }
        if end < clause.end && pronoun(end) {
            return Some(TokenSpan::new(end, end + 1));
        }
        // `غارات طالت المباني`: what the verb after an Arabic noun trigger reached, when
        // it names a place or a party.
        if on.is_none()
            && end + 1 < clause.end
            && (perfect_feminine(self.word(end)) || matches!(self.word(end), "طال" | "اصاب"))
            && !hits.all.iter().any(|h| h.tokens.contains(end))
            && !self.cut_before(end + 1)
            && let Some(reached) = self.phrase_at(hits, end + 1, clause)
            && (self.place_like(hits, reached) && !self.arabic_name(reached.start)
                || self.known_party(hits, reached).is_some())
        {
            return Some(reached);
        }
        let k = match on {
            Some(k) => k + 1,
            None if end < clause.end && self.word(end) == "of" => end + 1,
            None if self.nominal(hits, trigger) && !own_preposition => return None,
            None => end,
        };
        // `استهدفت القوات بالمدفعية قرى الريف`: with what comes before what.
        let k = match self.phrase_at(hits, k, clause) {
            Some(with) if on.is_none() && self.attached(hits, k, "ب") && with.end < clause.end => {
                self.past_modifiers(hits, with.end, clause)
            }
            _ => k,
        };
        if k >= clause.end || self.cut_before(k) {
            return None;
        }
        // "East of the river", `شرق الفرات`: a preposition of place says where, not what.
        if on.is_none() && self.word(k).is_ascii() && self.locatives_at(hits, k).any(|h| h.tokens.len() > 1) {
            return None;
        }
        // `بشكل كامل`, "in response": a phrase a circumstance noun heads says how.
        self.phrase_at(hits, k, clause).filter(|p| {
            let head = p
                .range()
                .find(|&j| self.phrase_word(hits, j) != Word::Opener)
                .unwrap_or(p.start);
            !hits.circumstances.iter().any(|h| h.tokens.contains(head))
        })
    }

    /// Who did it, when no known party says: "by" and the phrase after it ("the capture of
    /// the town by the army", `من قبل`); else, in English, the subject right before the
    /// verb (past auxiliaries, modals and stance words; not of a passive); in Arabic, the
    /// subject before the verb at its clause's start or after a complementizer (`بأن
    /// دواعش هاجموا`), the pronoun a complementizer carries right before it (`إنها صدت`),
    /// the subject a relative clause gives a verbal noun (`الهجوم الذي شنه التنظيم`), or
    /// the subject or genitive right after an undefined verb or verbal noun (`فرار
    /// المئات`, `هاجم التنظيم`).
    pub(super) fn agent_phrase(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
        object_after: bool,
        acts_on: bool,
    ) -> Option<TokenSpan> {
        let t = trigger.tokens;
        let role_of = |k: usize| {
            hits.particles
                .iter()
                .find(|h| h.tokens.start == k)
                .map(|h| self.role(h))
        };
        for k in self.by_reach(hits, clause, trigger) {
            if self.foreign_by(hits, trigger, k) {
                continue;
            }
            let by = (self.word(k) == "by" && !self.word(k + 1).ends_with("ing"))
                || (self.word(k) == "قبل" && k > t.end && self.word(k - 1) == "من");
            if by {
                return self.phrase_at(hits, k + 1, clause);
            }
        }
        let latin = self.word(t.start).is_ascii();
        if let Some(doer) = self.verb_subject(hits, clause, trigger, ParticleRole::LightVerb) {
            return Some(doer);
        }
        // Back from the verb past what may stand between it and its subject.
        let skippable = |k: usize| {
            self.is_auxiliary(hits, k)
                || hits.markers.iter().any(|h| h.tokens.contains(k))
                || (latin
                    && matches!(
                        self.word(k),
                        "would" | "will" | "could" | "might" | "must" | "did" | "does" | "do"
                    ))
        };
        let mut before = t.start;
        while before > clause.start && skippable(before - 1) {
            before -= 1;
        }
        // "The council pledged to support", "is determined to retake": the verb that
        // takes the infinitive shares its subject.
        if latin
            && before > clause.start + 1
            && self.word(before) == "to"
            && !self.cut_before(before)
            && english_participle(self.word(before - 1))
        {
            before -= 1;
            while before > clause.start && skippable(before - 1) {
                before -= 1;
            }
        }
        // "Border guards on Friday regained": a time adverbial between the subject and
        // its verb.
        if latin {
            let time = |k: usize| role_of(k) == Some(ParticleRole::Time);
            let mut k = before;
            while k > clause.start && time(k - 1) {
                k -= 1;
            }
            if k < before && k > clause.start && matches!(self.word(k - 1), "on" | "in" | "last" | "this" | "early") {
                k -= 1;
            }
            // "has three days to leave": a count is part of its time phrase, and the
            // verb before it is passed over as an auxiliary.
            while k < before && k > clause.start && self.count(hits, k - 1) {
                k -= 1;
            }
            if k < before && k > clause.start && !self.cut_before(k) && !self.cut_before(before) {
                before = k;
                while before > clause.start && skippable(before - 1) {
                    before -= 1;
                }
            }
        }
        if latin {
            // A passive's subject is what the act was done to; of an act done to nothing
            // it is who did it ("the troops were deployed").
            if let Some(be) = self.passive(hits, clause, trigger) {
                return (!acts_on).then(|| self.phrase_before(hits, be, clause)).flatten();
            }
            // An English noun by its ending ("encirclement", "evacuation") right after a
            // preposition has no subject before it ("could end in encirclement"), also
            // after a preposition passed over above as a marker ("lead to").
            let w = self.word(t.start);
            if ["ment", "tion", "sion"].iter().any(|e| w.ends_with(e))
                && t.start > clause.start
                && role_of(t.start - 1).is_some_and(|r| r.is_preposition())
            {
                return None;
            }
            // "Hard fighting", "blocking the city" (a gerund with no auxiliary before it),
            // "lead to encirclement" (a noun after a preposition): no subject before them.
            let gerund = before == t.start && self.word(t.start).ends_with("ing");
            let after_preposition = before > clause.start && role_of(before - 1).is_some_and(|r| r.is_preposition());
            if gerund || after_preposition {
                return None;
            }
            // "An unexpected assault": an indefinite article and adjectives right
            // before a noun are its own, not a subject, unless they name a party ("a
            // Turkish offensive"). After "the" they may be a subject ("the army took").
            if before == t.start
                && let Some(p) = self.phrase_before(hits, before, clause)
                && matches!(self.word(p.start), "a" | "an")
                && self.nominal(hits, trigger)
            {
                return self.known_party(hits, p).map(|_| p);
            }
            // "There has been fierce fighting": an expletive subject names no one.
            // "Fighters who had stormed the prison surrendered": past a relative clause
            // with a verb of its own, the noun it hangs on.
            let past_relative = |p: TokenSpan| {
                (clause.start + 1..p.start)
                    .rev()
                    .find(|&r| self.relative_of_head(hits, r))
                    .filter(|&r| {
                        (r + 1..p.start)
                            .any(|k| self.past_tense(k) || hits.predicates.iter().any(|h| h.tokens.start == k))
                    })
                    .and_then(|r| self.phrase_before(hits, r, clause))
                    .unwrap_or(p)
            };
            return self
                .phrase_before(hits, before, clause)
                .map(past_relative)
                // "Concentrated strikes": a participle right before a noun describes it.
                .filter(|p| !(p.len() == 1 && p.end == t.start && self.past_tense(p.start)))
                .map(|p| self.past_patron(hits, clause, p))
                .map(|p| self.with_modifier(hits, clause, p))
                .or_else(|| self.appositive_subject(hits, clause, before))
                .filter(|p| !(p.len() == 1 && matches!(self.word(p.start), "there" | "here")));
        }
        let pronoun_on_complementizer = before > clause.start
            && role_of(before - 1) == Some(ParticleRole::Complementizer)
            && matches!(self.word(before - 1).chars().last(), Some('ه' | 'ا' | 'م'))
            && self.word(before - 1).chars().count() > 2;
        // `نفت الجماعة أن تكون هاجمت`: "be" with no noun after it carries the subject as
        // the complementizer's pronoun does.
        // (The auxiliaries skipped above may hold it.)
        let be = |k: usize| {
            matches!(
                self.word(k),
                "يكون" | "تكون" | "يكونوا" | "يكونون" | "يكونا" | "تكونا" | "نكون"
            )
        };
        let bare_be = [before.checked_sub(1), Some(before)]
            .into_iter()
            .flatten()
            .find(|&k| k > clause.start && k < t.start && be(k) && role_of(k - 1) == Some(ParticleRole::Complementizer))
            .filter(|_| !pronoun_on_complementizer);
        if pronoun_on_complementizer || bare_be.is_some() {
            // `قالت الوزارة إنها سيطرت`: the pronoun stands for the subject of the verb
            // before the complementizer, when one stands right before it.
            let comp = bare_be.map_or(before - 1, |k| k - 1);
            // A noun of the other gender is not what the pronoun stands for (`أكد
            // المتحدث أنها`: she is someone else).
            let feminine = if let Some(k) = bare_be {
                self.word(k).starts_with('ت')
            } else {
                self.word(comp).ends_with("ها")
            };
            // A plural pronoun (`إنهم`) stands for no single noun (`قال القائد إنهم`: they
            // are others): its antecedent has a plural's shape or names a group.
            let plural = bare_be.is_none() && ["هم", "هن", "هما"].iter().any(|e| self.word(comp).ends_with(e));
            let plural_phrase = |p: &TokenSpan| {
                let head = self.word(p.start);
                let bare = head.strip_prefix("ال").unwrap_or(head);
                ["ون", "ين", "ات", "ان"].iter().any(|e| bare.ends_with(e))
                    || broken_plural(bare)
                    || hits
                        .actors
                        .iter()
                        .any(|h| p.start <= h.tokens.start && h.tokens.end <= p.end)
            };
            let agrees = |p: &TokenSpan| {
                (!plural || plural_phrase(p))
                    && !hits.all.iter().any(|h| {
                        h.entry.table == Table::SourceNoun
                            && p.start <= h.tokens.start
                            && h.tokens.end <= p.end
                            && h.entry.gender.is_some_and(|g| (g == Gender::F) != feminine)
                    })
            };
            // SVO, the verb between (`روسيا تتظاهر بأنها`, `الوزارة تؤكد أنها`): the subject
            // before that verb.
            let subject_end = hits
                .all
                .iter()
                .find(|h| h.tokens.end == comp && matches!(h.entry.table, Table::Marker | Table::Cue))
                .map_or(comp, |verb| verb.tokens.start);
            let whole = TokenSpan::new(hits.range.start, subject_end);
            let antecedent =
                (subject_end > hits.range.start && !self.cut_before(comp) && !self.cut_before(subject_end))
                    .then(|| self.phrase_before(hits, subject_end, whole))
                    .flatten()
                    .filter(agrees);
            // `قالت الوزارة في بيان إنها`, `زعمت مجموعة فاغنر في بيان على تلغرام أنها`: with
            // where or how it was said between, the reporting verb's own subject.
            let reporting = hits
                .all
                .iter()
                .filter(|h| {
                    h.entry.table == Table::Cue
                        && h.tokens.end < comp
                        && h.tokens.start >= hits.range.start
                        && self.lexicon.entries.cues[h.entry.index as usize].entry.role != Role::Statement
                })
                .max_by_key(|h| h.tokens.end);
            let said_where = |p: &TokenSpan| p.start > hits.range.start && self.is_particle(hits, p.start - 1);
            let antecedent = match (antecedent, reporting) {
                (a, Some(cue)) if a.is_none_or(|p| said_where(&p)) => self
                    .phrase_at(hits, cue.tokens.end, whole)
                    .filter(|p| !self.is_particle(hits, p.start))
                    .or_else(|| self.phrase_before(hits, cue.tokens.start, whole))
                    .filter(agrees)
                    .or(a),
                (a, _) => a,
            };
            return match bare_be {
                Some(_) => antecedent,
                None => Some(antecedent.unwrap_or(TokenSpan::new(comp, before))),
            };
        }
        // A noun's subject never stands before it (`شهدت البلدة مواجهات`, `وثق مقتل`).
        let nominal = self.nominal(hits, trigger) || self.verbal_noun(trigger);
        // An event noun before the verb is its subject (`إن القصف الروسي استهدف البلدة`):
        // what follows the verb is its object, no doer.
        if !nominal {
            let mut k = before;
            while k > clause.start && before - k < 3 && !self.cut_before(k) {
                k -= 1;
                if hits
                    .predicates
                    .iter()
                    .any(|h| h.tokens.contains(k) && h.tokens.start < t.start)
                {
                    return None;
                }
                let w = self.word(k);
                // `الهجوم الذي تهدد به الكتيبة`: a relative word is no adjective; the
                // noun before it is what the clause is about.
                if role_of(k) == Some(ParticleRole::Relative) {
                    break;
                }
                let adjective = w.ends_with('ي') || w.ends_with("يه") || self.past_modifiers(hits, k, clause) > k;
                if !adjective {
                    break;
                }
            }
        }
        if !nominal && let Some(subject) = self.phrase_before(hits, before, clause) {
            let subject = self.past_patron(hits, clause, subject);
            // At the clause's head, after a complementizer, or at the head of a
            // quotation (`قال القائد "المنطقة طوقت"`).
            // Past an auxiliary after the complementizer (`أن تكون قواتها قد قصفت`).
            let opens = |p: TokenSpan| {
                let mut head = p.start;
                while head > clause.start && self.is_auxiliary(hits, head - 1) && !self.cut_before(head) {
                    head -= 1;
                }
                head == clause.start
                    || matches!(role_of(head - 1), Some(ParticleRole::Complementizer))
                    || (definite(self.word(p.start)) && self.quotation_opens(p.start, p.end))
            };
            if opens(subject) {
                return Some(subject);
            }
            // `أن وحدات من الجيش تصدت`: a partitive من joins the noun before it.
            if subject.start > clause.start + 1
                && self.word(subject.start - 1) == "من"
                && let Some(head) = self.phrase_before(hits, subject.start - 1, clause)
                && opens(head)
            {
                return Some(TokenSpan::new(head.start, subject.end));
            }
        }
        if !nominal
            && before == clause.start
            && let Some(subject) = self.appositive_subject(hits, clause, before)
        {
            return Some(subject);
        }
        // A definite noun takes no genitive after it: what follows is an adjective
        // (`استعادة السيطرة الكاملة`).
        let definite = self.word(t.start).starts_with("ال") || self.word(t.end - 1).starts_with("ال");
        // `الهجوم العنيف الذي نفذته الكتيبة`: the relative clause's verb, then its subject
        // (a relative on the noun itself, past its adjectives; not a verb's object's:
        // `ترفض الكتيبة الانسحاب الذي`).
        if let Some(r) = (t.end..clause.end.min(t.end + 3)).find(|&k| role_of(k) == Some(ParticleRole::Relative))
            && r + 2 < clause.end
            && nominal
            && r == self.past_modifiers(hits, t.end, clause)
        {
            return self.phrase_at(hits, r + 2, clause);
        }
        let ends_in_preposition = matches!(role_of(t.end - 1), Some(r) if r.is_preposition());
        // An adverb with ب (`بشكل كامل`) or a pronoun with ل (`لها`) is no subject; a
        // name with ل may be (`فرار لعسكريين`: the escape of soldiers).
        // A verb's subject may follow a pronoun's preposition (`انتشرت بموجبه قوات`).
        let adverbial = t.end < clause.end && {
            let w = self.word(t.end);
            let passed = !nominal && self.lexicon.names.pronominal_preposition(w);
            !passed
                && ((w.starts_with('ب') && !w.starts_with("ال"))
                    || matches!(w, "له" | "لها" | "لهم" | "لهما" | "لنا" | "لي" | "لك"))
        };
        // An adjective after the trigger makes it a noun whose genitive would stand before
        // the adjective (`معارك ضارية`).
        let described = self.past_modifiers(hits, t.end, clause) > t.end;
        // `وجه تهديدا للقوات`: an indefinite accusative (its tanwin written, or the
        // matcher's `ا` after a noun) heads no genitive.
        let accusative = self.accusative(t.end - 1) || (t.len() == 1 && trigger.inflection.suffix() == "ا");
        if definite
            || accusative
            || object_after
            || ends_in_preposition
            || t.end >= clause.end
            || adverbial
            || described
            || self.plural_verb(trigger)
        {
            return None;
        }
        // A verb's subject past a time or a pronoun's preposition; a noun's genitive right
        // after it.
        let from = if nominal {
            t.end
        } else {
            self.past_adverbials(hits, t.end, clause)
        };
        if from >= clause.end || (from > t.end && self.cut_before(from)) {
            return None;
        }
        self.phrase_at(hits, from, clause)
    }

    /// The doer of an Arabic event noun that a light verb after it takes up with its
    /// pronoun (`غارات شنتها طائرات حربية`, `السيطرة على البلدة نفذتها الكتيبة`): that
    /// verb's subject. An indefinite noun's relative clause needs no relative word. The
    /// verb stands within a few words of the noun, in its clause, no event word between.
    pub(super) fn resumed_doer(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let t = trigger.tokens;
        let reach = self.next_event(hits, trigger, clause).min(t.end + 6);
        let verb = hits.particles.iter().find(|h| {
            (t.end..reach).contains(&h.tokens.start)
                && self.role(h) == ParticleRole::LightVerb
                && !(t.end + 1..=h.tokens.start).any(|k| self.cut_before(k))
                && {
                    let w = self.word(h.tokens.start);
                    !w.is_ascii() && (w.ends_with('ه') || w.ends_with("ها"))
                }
        })?;
        let after = verb.tokens.end;
        let doer = (after < clause.end)
            .then(|| self.phrase_at(hits, after, clause))
            .flatten()?;
        // Of two doers joined by و (`الجيش التركي والميليشيات الموالية له`), the first.
        let end = (doer.start + 1..doer.end)
            .find(|&k| self.word(k).starts_with("وال"))
            .unwrap_or(doer.end);
        Some(TokenSpan::new(doer.start, end))
    }

    /// The first token from `k` on that is not an Arabic adjective describing the word
    /// before it (`معارك ضارية`, `أضرار كبيرة`).
    pub(super) fn past_modifiers(&self, hits: &SentenceHits<'_>, k: usize, clause: TokenSpan) -> usize {
        // A feminine nisba adjective (`عسكرية`, `جوية`) describes a plural or feminine
        // noun before it (`مواجهات عسكرية`, `غارات جوية`) when it is as definite as the
        // noun and no lexicon entry names it (`تركية` is Turkey's).
        let noun = k.checked_sub(1).map(|j| self.word(j));
        let feminine_noun = noun.is_some_and(|w| w.ends_with("ات") || w.ends_with('ه') || broken_plural(w));
        let definite = |w: &str| w.starts_with("ال") || w.starts_with("وال");
        let nisba = |j: usize| {
            let w = self.word(j);
            feminine_noun
                && w.ends_with("يه")
                // Four letters are mostly nouns (`قضيه`, `ضحيه`), but for the air and the land.
                && (w.chars().count() > 4 || matches!(w, "جويه" | "بريه"))
                && noun.is_some_and(|n| definite(n) == definite(w))
                && !hits
                    .all
                    .iter()
                    .any(|h| h.tokens.contains(j) && h.entry.table != Table::Particle)
        };
        // A masculine nisba (`مدفعي`, `صاروخي`, `جوي`) right after an event noun that is
        // done to someone describes it (`قصف مدفعي`); after an event that befalls people
        // (`مقتل عسكري`) the same word is a noun, who suffered it, and after one of going
        // somewhere (`وصول سيرغي`, `دخول مقاتلي الكتيبة`) a name or a noun, who went.
        let event_noun = || {
            hits.predicates.iter().any(|h| {
                let p = &self.lexicon.entries.predicates[h.entry.index as usize].entry;
                let goes = p.form_list(h.entry.form as usize) == FormList::Enters;
                h.tokens.end == k && p.acts_on && !p.undergoer && !goes
            })
        };
        // A word in construct with a definite noun after it is no adjective (`هجوم مقاتلي
        // الكتيبة`, an attack by the brigade's fighters); a time after it is no genitive.
        let construct = |j: usize| {
            j + 1 < clause.end
                && definite(self.word(j + 1))
                && !self.cut_before(j + 1)
                && !hits
                    .particles
                    .iter()
                    .any(|h| h.tokens.start == j + 1 && self.role(h) == ParticleRole::Time)
        };
        let masculine = |j: usize| {
            let w = self.word(j);
            // In the accusative both take alif (`قصفا مدفعيا`).
            let accusative = w.ends_with("يا") && noun.is_some_and(|n| n.ends_with('ا'));
            let w = if accusative { &w[..w.len() - 'ا'.len_utf8()] } else { w };
            j == k
                && !feminine_noun
                && w.ends_with('ي')
                && (w.chars().count() > 4 || matches!(w, "جوي" | "بري"))
                && noun.is_some_and(|n| definite(n) == definite(w))
                && !self.original(j).ends_with('ى')
                && !construct(j)
                && !hits
                    .all
                    .iter()
                    .any(|h| h.tokens.contains(j) && h.entry.table != Table::Particle)
                && event_noun()
        };
        // An indefinite accusative after an indefinite accusative event noun describes it
        // (`هجوما مضادا`, `قصفا عنيفا`): an adjective, never what the event acts on.
        let accusative_adjective = |j: usize| {
            let w = self.word(j);
            j == k
                && event_noun()
                && noun.is_some_and(|n| n.ends_with('ا') && !definite(n))
                && w.ends_with('ا')
                && !definite(w)
                && w.chars().count() > 3
                && !hits
                    .all
                    .iter()
                    .any(|h| h.tokens.contains(j) && h.entry.table != Table::Particle)
        };
        let mut at = k;
        while at < clause.end
            && !self.cut_before(at)
            && !self.word(at).is_ascii()
            && (nisba(at)
                || masculine(at)
                || accusative_adjective(at)
                || self.particle_at(hits, at, ParticleRole::Modifier))
        {
            at += 1;
        }
        at
    }

    /// The known party a phrase names (the longest actor in it), if any.
    pub(super) fn known_party(&self, hits: &SentenceHits<'_>, phrase: TokenSpan) -> Option<(usize, TokenSpan)> {
        hits.actors
            .iter()
            .filter(|h| phrase.start <= h.tokens.start && h.tokens.end <= phrase.end)
            .max_by_key(|h| h.tokens.len())
            .map(|h| (h.entry.index as usize, h.tokens))
    }

    /// Whether the Arabic word at `k` carries ب, "in", as a clitic (`بالحسكة`).
    fn in_place(&self, k: usize) -> bool {
        let w = self.word(k);
        !w.is_ascii() && w.starts_with('ب') && !w.starts_with("ال") && {
            let t = &self.matches.tokens.tokens[k];
            t.norm.len() != t.tt.len() || w.starts_with("بال")
        }
    }

    /// Whether a place is said with a preposition of place: one within two words before
    /// it (`في مدينة X`, "in the town of X"), or an Arabic `ب`/`في` joined to its first
    /// word (`بالحسكة`).
    pub(super) fn located(&self, hits: &SentenceHits<'_>, place: TokenSpan) -> bool {
        self.in_place(place.start)
            || hits.particles.iter().any(|h| {
                self.role(h) == ParticleRole::Locative && h.tokens.end <= place.start && place.start - h.tokens.end <= 2
            })
    }

    /// The two parties of "between A and B" (`بين أ و ب`) a few words after the trigger,
    /// in its clause: the first named is the agent, the other the target.
    pub(super) fn between(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
    ) -> Option<(TokenSpan, TokenSpan)> {
        let at = self.between_word(clause, trigger)?;
        let first = self.phrase_at(hits, at + 1, clause)?;
        // `بين القوات من جهة والفصائل من جهة أخرى`: "on one side … on the other".
        let side = |j: usize| {
            j + 1 < clause.end
                && self.word(j) == "من"
                && hits
                    .particles
                    .iter()
                    .any(|h| h.tokens.start == j + 1 && self.role(h) == ParticleRole::Side)
        };
        if side(first.end) && first.end + 2 < clause.end && self.word(first.end + 2).starts_with('و') {
            let second = self.phrase_at(hits, first.end + 2, clause)?;
            return Some((first, second));
        }
        let k = first.end;
        // "and" (or a lone Arabic و) ends the first, past an English participle's phrase
        // that qualifies it ("between the army backed by militias and the rebels");
        // else an Arabic و is the second's first letter.
        let and = (k..clause.end.min(k + 8))
            .take_while(|&j| j == k || !self.cut_before(j))
            .find(|&j| matches!(self.word(j), "and" | "و"))
            .filter(|&j| j == k || self.word(k).is_ascii() && self.past_tense(k));
        let second = if let Some(and) = and {
            self.phrase_at(hits, and + 1, clause)?
        } else if k < clause.end && self.word(k).starts_with('و') && !self.word(k).is_ascii() {
            // The first phrase ended right before the second's و.
            self.phrase_at(hits, k, clause)?
        } else {
            let joined = (first.start..first.end).find(|&j| j > first.start && self.word(j).starts_with('و'))?;
            return Some((TokenSpan::new(first.start, joined), TokenSpan::new(joined, first.end)));
        };
        Some((first, second))
    }

    /// "Clashes between the two factions", `اشتباكات بين الطرفين`: one phrase after
    /// "between" names both sides, the mutual act's doer, with no other side apart.
    pub(super) fn between_both(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        self.phrase_at(hits, self.between_word(clause, trigger)? + 1, clause)
    }

    /// Where "between" (`بين`) stands a few words after the trigger, in its clause.
    fn between_word(&self, clause: TokenSpan, trigger: &Hit) -> Option<usize> {
        (trigger.tokens.start + 1..clause.end.min(trigger.tokens.end + 4))
            .find(|&k| matches!(self.word(k), "between" | "بين"))
    }

    /// "The army and the rebels clashed": the two phrases of an English subject joined by
    /// "and" right before the verb (past its auxiliaries: "have clashed").
    pub(super) fn conjoined_subject(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
    ) -> Option<(TokenSpan, TokenSpan)> {
        if !self.word(trigger.tokens.start).is_ascii() {
            return None;
        }
        let mut before = trigger.tokens.start;
        while before > clause.start
            && !self.cut_before(before)
            && hits
                .particles
                .iter()
                .any(|h| h.tokens.end == before && self.role(h) == ParticleRole::Auxiliary)
        {
            before -= 1;
        }
        let second = self.phrase_before(hits, before, clause)?;
        let and = second.start.checked_sub(1)?;
        if and <= clause.start || self.word(and) != "and" || self.cut_before(second.start) || self.cut_before(and) {
            return None;
        }
        let first = self.phrase_before(hits, and, clause)?;
        Some((first, second))
    }

    /// The phrase whose patron `p` names ("rebels" in "rebels backed by Turkey",
    /// `مسلحون` in `مسلحون مدعومون من تركيا`), else `p`.
    fn past_patron(&self, hits: &SentenceHits<'_>, clause: TokenSpan, p: TokenSpan) -> TokenSpan {
        self.allegiance_before(hits, p.start)
            .filter(|h| !self.cut_before(h.tokens.start))
            .and_then(|h| self.phrase_before(hits, h.tokens.start, clause))
            .unwrap_or(p)
    }

    /// The `allegiance` particle ("backed by", `الموالية`) that ends right before token
    /// `k`: the party at `k` is whom the noun before it answers to.
    pub(super) fn allegiance_before<'h>(&self, hits: &SentenceHits<'h>, k: usize) -> Option<&'h Hit> {
        hits.particles
            .iter()
            .copied()
            .find(|h| h.tokens.end == k && self.role(h) == ParticleRole::Allegiance)
    }

    /// The first token before `k`, down to `floor`, that no auxiliary stands on ("has"
    /// and "reportedly" in "the militia has reportedly threatened").
    pub(super) fn past_auxiliaries(&self, hits: &SentenceHits<'_>, k: usize, floor: usize) -> usize {
        let mut k = k;
        while k > floor && self.is_auxiliary(hits, k - 1) {
            k -= 1;
        }
        k
    }

    /// Whether the "by" at `k` belongs to a participle of its own after `trigger` ("the
    /// districts held by the enemy", "the village occupied by rebels"): its phrase is that
    /// participle's doer, not the event's. A light verb's participle ("strikes delivered
    /// by aircraft") passes its by-phrase on to the event it names, and so does one that
    /// describes the instrument ("with vehicles driven by suicide bombers").
    pub(super) fn foreign_by(&self, hits: &SentenceHits<'_>, trigger: &Hit, k: usize) -> bool {
        if !(k > trigger.tokens.end && self.word(k) == "by" && english_participle(self.word(k - 1))) {
            return false;
        }
        let light = hits
            .particles
            .iter()
            .any(|h| h.tokens.contains(k - 1) && self.role(h) == ParticleRole::LightVerb);
        let instrument = (trigger.tokens.end..k - 1)
            .rev()
            .take(MAX_WORDS)
            .take_while(|&j| !self.cut_before(j + 1))
            .find(|&j| self.phrase_word(hits, j) != Word::Free)
            .is_some_and(|j| matches!(self.word(j), "with" | "using"));
        !light && !instrument
    }

    /// The noun an English participle with its by-phrase describes: "the prison
    /// controlled by X", "the town ringed by the army", "a militia backed by jets" (a
    /// reduced passive relative), whose act was done to that noun.
    pub(super) fn participle_head(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
    ) -> Option<TokenSpan> {
        let t = trigger.tokens;
        let by = self.word(t.end - 1) == "by"
            || (t.end < clause.end && self.word(t.end) == "by" && self.past_tense(t.end - 1));
        if !by {
            return None;
        }
        // "The army, backed by jets, pushed into the town": the noun before the comma
        // that opens the participle's phrase.
        if t.start == clause.start && t.start > hits.range.start && self.cut_before(t.start) {
            let before = self.clause(hits.range, t.start - 1);
            return self.phrase_before(hits, t.start, TokenSpan::new(before.start, t.start));
        }
        self.phrase_before(hits, t.start, clause)
    }

    /// Where an English passive's auxiliary stands ("was", "had been" before "captured",
    /// "taken"): the subject before it is what the act was done to.
    pub(super) fn passive(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<usize> {
        // "was taken under control": the participle before a trigger of "under".
        let k = match self.word(trigger.tokens.start) {
            "under" if trigger.tokens.start > clause.start => trigger.tokens.start - 1,
            _ => trigger.tokens.start,
        };
        if !english_participle(self.word(k)) || k <= clause.start {
            return None;
        }
        let be = |k: usize| self.be_verb(k);
        let mut at = k;
        // Past an adverb between them ("was reportedly captured", "is allegedly besieged").
        let adverb = |j: usize| {
            self.phrase_word(hits, j) == Word::Free
                || self.is_auxiliary(hits, j)
                || hits.markers.iter().any(|h| h.tokens.contains(j))
        };
        while at > clause.start && at + 2 > k && !be(at - 1) && adverb(at - 1) {
            at -= 1;
        }
        if at > clause.start && be(at - 1) {
            let mut start = at - 1;
            while start > clause.start && matches!(self.word(start - 1), "had" | "has" | "have" | "been") {
                start -= 1;
            }
            return Some(start);
        }
        None
    }

    /// The phrase after the first preposition of place from token `from` on, in the
    /// clause: where something happened (`في محيط السجن`, "in the industrial district").
    pub(super) fn locative(&self, hits: &SentenceHits<'_>, clause: TokenSpan, from: usize) -> Option<TokenSpan> {
        let at = hits
            .particles
            .iter()
            .find(|h| self.role(h) == ParticleRole::Locative && h.tokens.start >= from && h.tokens.end < clause.end);
        // `إلى داخل المطار`, "back into": after a preposition of direction it says where
        // to, not where.
        let towards = |k: usize| {
            k > 0
                && hits
                    .particles
                    .iter()
                    .any(|h| h.tokens.end == k && self.role(h) == ParticleRole::Direction)
        };
        // `في داخل السجن`, `في محيط`: a second preposition of place right after the
        // first; the phrase follows it.
        let at = at.map(|at| {
            self.locatives_at(hits, at.tokens.end)
                .find(|h| h.tokens.end < clause.end)
                .unwrap_or(at)
        });
        match at {
            Some(at) if towards(at.tokens.start) => None,
            Some(at) => self
                .phrase_at(hits, at.tokens.end, clause)
                .filter(|span| self.place_like(hits, *span)),
            // "fighting went on there", `القتال مستمر هناك`, `التقدم داخلها`: a place
            // adverb needs no preposition ("there are clashes" is no place).
            None => hits
                .place_nouns
                .iter()
                .find(|h| {
                    h.tokens.start >= from
                        && h.tokens.end <= clause.end
                        && !self.existential(h.tokens.start)
                        && matches!(
                            self.word(h.tokens.start),
                            "there" | "here" | "هناك" | "هنا" | "داخلها" | "داخله" | "فيها" | "فيه"
                        )
                })
                .map(|h| h.tokens),
        }
    }

    /// Whether the word at `k` is a form of English "be" ("was", "are", "been"): in "IS
    /// militants attacked" the Islamic State's acronym is none.
    pub(super) fn be_verb(&self, k: usize) -> bool {
        matches!(self.word(k), "was" | "were" | "been" | "is" | "are" | "be" | "being") && !self.acronym(k)
    }

    /// The prepositions of place (`locative` particles) that start at token `k`.
    fn locatives_at<'h>(&self, hits: &SentenceHits<'h>, k: usize) -> impl Iterator<Item = &'h Hit> {
        hits.particles
            .iter()
            .copied()
            .filter(move |h| h.tokens.start == k && self.role(h) == ParticleRole::Locative)
    }

    /// Whether the word at `k` is the "there" of "there are", "there has been": it
    /// names no place and no one.
    pub(super) fn existential(&self, k: usize) -> bool {
        self.word(k) == "there"
            && k + 1 < self.matches.tokens.tokens.len()
            && matches!(
                self.word(k + 1),
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would" | "remain" | "remains"
            )
    }

    /// The place phrase after `من`/"from"/"out of" within a few words after the trigger
    /// (past a subject after an Arabic verb): where something left from; `منه`, `منها`
    /// ("from it") itself. Not `من قبل` ("by").
    pub(super) fn origin(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let end = trigger.tokens.end;
        // "Fled the town": an English verb's place object is where they left.
        let object = (self.word(trigger.tokens.start).is_ascii() && end < clause.end)
            .then(|| self.phrase_at(hits, end, clause))
            .flatten()
            .filter(|span| self.place_like(hits, *span));
        if object.is_some() {
            return object;
        }
        // `الفرار منه`: "from it", the pronoun names the place (as its words).
        if let Some(k) = (end..clause.end.min(end + 4)).find(|&k| matches!(self.word(k), "منه" | "منها")) {
            return Some(TokenSpan::new(k, k + 1));
        }
        // Not the partitive من of a quantity (`فرار المئات من السجناء`).
        let at = (end..clause.end.min(end + 4)).find_map(|k| match self.word(k) {
            "من" if self.partitive_before(hits, k, clause) => None,
            "من" | "from" if k + 1 < clause.end && self.word(k + 1) != "قبل" => Some(k + 1),
            "out" if k + 2 < clause.end && self.word(k + 1) == "of" => Some(k + 2),
            _ => None,
        })?;
        self.phrase_at(hits, at, clause)
            .filter(|span| self.place_like(hits, *span))
    }

    /// The place phrase after `إلى`/`نحو`/"to"/"into" within a few words after the trigger
    /// (past a subject after an Arabic verb): where something went.
    pub(super) fn goal(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let end = trigger.tokens.end;
        let at = hits
            .particles
            .iter()
            .find(|h| {
                self.role(h) == ParticleRole::Direction
                    && h.tokens.start >= end
                    && h.tokens.start < end + 4
                    && h.tokens.end < clause.end
            })?
            .tokens
            .end;
        // `إلى أطراف البلدة`, `إلى داخل المدينة`: a preposition of place after it opens
        // the place's phrase.
        let inner = self.locatives_at(hits, at).next().map(|h| h.tokens.end);
        match inner {
            Some(end) if end < clause.end => self.phrase_at(hits, end, clause).map(|p| TokenSpan::new(at, p.end)),
            _ => self.phrase_at(hits, at, clause),
        }
        .filter(|span| self.place_like(hits, *span))
    }

    /// The subject right after an Arabic verb at its clause's head (VSO: `اتهمت قسد
    /// تركيا بـ`): the phrase there, ending where a second known party begins when two
    /// names run together (`قسد تركيا`). Not after a verbal noun, nor a phrase with ب.
    pub(super) fn vso_subject(&self, hits: &SentenceHits<'_>, clause: TokenSpan, trigger: &Hit) -> Option<TokenSpan> {
        let at_head = trigger.tokens.start == clause.start || self.is_particle(hits, trigger.tokens.start - 1);
        if !at_head || self.verbal_noun(trigger) || self.nominal(hits, trigger) {
            return None;
        }
        let phrase = self
            .phrase_at(hits, self.past_adverbials(hits, trigger.tokens.end, clause), clause)
            .filter(|p| !self.word(p.start).starts_with('ب'))?;
        let actors: Vec<TokenSpan> = self
            .actor_hits(hits)
            .map(|h| h.tokens)
            .filter(|a| phrase.covers(*a))
            .collect();
        Some(match actors.iter().find(|a| a.start == phrase.start) {
            Some(first) => TokenSpan::new(phrase.start, first.end),
            None => match actors.first() {
                Some(second) if second.start > phrase.start => TokenSpan::new(phrase.start, second.start),
                _ => phrase,
            },
        })
    }

    /// Where a trigger's own words end, past the name an operation noun ending it is
    /// given ("launched Operation Desert Wind against …": the name is no object).
    pub(super) fn past_name(&self, trigger: &Hit, clause: TokenSpan) -> usize {
        let mut k = trigger.tokens.end;
        if matches!(self.word(k - 1), "operation" | "offensive" | "campaign") {
            while k < clause.end && self.capitalised(k) && !self.cut_before(k) {
                k += 1;
            }
        }
        k
    }

    /// Where a trigger of going in or reaching went: the place phrase after `إلى`/"to"/
    /// "into", else its object when that can name a place ("entered the town", `دخلت
    /// البلدة`, `الوصول للطريق`).
    pub(super) fn entered(
        &self,
        hits: &SentenceHits<'_>,
        clause: TokenSpan,
        trigger: &Hit,
        agent: Option<TokenSpan>,
    ) -> Option<TokenSpan> {
        let k = trigger.tokens.end;
        // `الوصول للطريق`: a place with the preposition ل on its word.
        let to = (k < clause.end && self.word(k).starts_with("لل"))
            .then(|| self.phrase_at(hits, k, clause))
            .flatten();
        self.goal(hits, clause, trigger)
            .or_else(|| to.filter(|span| self.place_like(hits, *span)))
            .or_else(|| {
                self.object(hits, clause, trigger, agent)
                    .filter(|span| span.start >= k && self.place_like(hits, *span))
            })
    }

    /// Whether a phrase can name a place: it holds a known place, a noun for a kind of
    /// place ("the industrial district", `تلك المنطقة`) or, in English, a name ("Tell
    /// Halaf"), unless a `circumstance` noun heads it or it names a known party and no
    /// place. "In the advance", "in its war", "in the scope of", `في ظروف صعبة` say when or
    /// how, not where; "in the Wagner group" says among whom.
    pub(super) fn place_like(&self, hits: &SentenceHits<'_>, span: TokenSpan) -> bool {
        let inside = |h: &&Hit| span.start <= h.tokens.start && h.tokens.end <= span.end;
        // Its first word past quantifiers and articles (`عدة مواقع`, "the scope of").
        let head = span
            .range()
            .find(|&k| self.phrase_word(hits, k) != Word::Opener)
            .unwrap_or(span.start);
        if hits.circumstances.iter().any(|h| h.tokens.contains(head)) {
            return false;
        }
        if hits.places.iter().any(inside) || hits.place_nouns.iter().any(inside) {
            return true;
        }
        // A party's name is no place ("in the Wagner group", `في مجموعة فاغنر`), nor is a
        // country's adjective ("in Russian shelling").
        if hits.actors.iter().any(inside)
            || span
                .range()
                .all(|k| self.lexicon.names.demonyms.contains_key(self.word(k)))
        {
            return false;
        }
        span.range().any(|k| self.capitalised(k)) || self.arabic_name(head)
    }

    /// Whether the Arabic word at `k` may be a name: it has no article and is no sound
    /// feminine plural (`سوليدار`, not `الحرب`, `تصريحات`). Arabic writes no capitals;
    /// what a name is not is told by its shape and, for the common indefinite nouns
    /// after a preposition (`ظروف`, `إطار`), by the circumstance nouns.
    fn arabic_name(&self, k: usize) -> bool {
        let w = self.word(k);
        let arabic = w.chars().next().is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c));
        let definite = ["ال", "وال", "فال", "بال", "كال", "لل"]
            .iter()
            .any(|a| w.starts_with(a));
        // An attached pronoun (`مواقعها`) or a broken plural's shape (مفاعل، فواعل،
        // مفاعيل: `مواقع`, `عناصر`) says a common noun.
        arabic && !definite && !w.ends_with("ات") && w.chars().count() > 2 && !possessed(w) && !broken_plural(w)
    }

    /// Whether a quotation mark opens right before the word at `k` (`"سوليدار"`).
    fn quoted(&self, k: usize) -> bool {
        let t = &self.matches.tokens.tokens[k];
        let start = self.norm.to_original(t.norm).start;
        self.text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '"' | '“' | '«' | '\''))
    }

    /// The known name (actor, place, source) that runs across the boundary before token
    /// `k`, starting before it and ending after it: a phrase that stops there cuts it.
    fn name_across(&self, hits: &SentenceHits<'_>, k: usize) -> Option<TokenSpan> {
        hits.all
            .iter()
            .find(|h| {
                matches!(h.entry.table, Table::Actor | Table::Place | Table::Source)
                    && h.tokens.start < k
                    && k < h.tokens.end
            })
            .map(|h| h.tokens)
    }

    /// Whether the token at `k` continues the word before it past an apostrophe
    /// ("People’s", "al-Qal'a"), or is the abbreviation in brackets after a name ("(YPG)"):
    /// a phrase counts it as no word of its own.
    fn part_of_word(&self, k: usize) -> bool {
        let t = &self.matches.tokens.tokens;
        if k == 0 || k >= t.len() {
            return false;
        }
        let gap = self.ntext[t[k - 1].norm.end..t[k].norm.start].trim();
        matches!(gap, "’" | "'") || (gap == "(" && self.word(k).is_ascii() && self.acronym(k))
    }

    /// Whether a quotation that opens right before the word at `k` runs on past token
    /// `end`: what it quotes is a statement, not a name (`"قسد"`) inside a phrase.
    fn quotation_opens(&self, k: usize, end: usize) -> bool {
        if !self.quoted(k) {
            return false;
        }
        let t = &self.matches.tokens.tokens;
        let from = self.norm.to_original(t[k].norm).start;
        let to = self.norm.to_original(t[end - 1].norm).end;
        let after = t
            .get(end)
            .map_or(self.text.len(), |n| self.norm.to_original(n.norm).start);
        !self.text[from..after.max(to)].contains(['"', '”', '»'])
    }

    /// Whether the Arabic word at `k` carries the preposition `clitic` (ب or ل): before
    /// the article (`بالمدفعية`, `للقوات`), or as the prefix of a hit (`بشكل`, `لقوات`).
    pub(super) fn attached(&self, hits: &SentenceHits<'_>, k: usize, clitic: &str) -> bool {
        let w = self.word(k);
        // With the article ل writes `لل`; the stem after it has two letters at least
        // (`بالرد`).
        let article = if clitic == "ل" { "لل" } else { "بال" };
        w.starts_with(clitic)
            && (w.starts_with(article) && w.chars().count() >= article.chars().count() + 2
                || hits
                    .all
                    .iter()
                    .any(|h| h.tokens.start == k && w.get(..h.prefix.len) == Some(clitic)))
    }

    /// The word at `k` as the original writes it.
    /// Whether the Arabic word at `k` is written with the indefinite accusative's
    /// tanwin (`تنفيذاً`, `رداً`).
    fn accusative(&self, k: usize) -> bool {
        let span = self.norm.to_original(self.matches.tokens.tokens[k].norm);
        let after = self.text[span.end..].chars().next();
        self.text[span.range()].ends_with('\u{64B}') || after == Some('\u{64B}')
    }

    /// Whether the Arabic word at `k` is an indefinite sound masculine plural with its
    /// ن (`مسلحون`, `مقاتلين`), which no genitive follows.
    fn sound_plural(&self, k: usize) -> bool {
        let w = self.word(k);
        !w.is_ascii() && !definite(w) && (w.ends_with("ون") || w.ends_with("ين")) && w.chars().count() >= 5
    }

    pub(super) fn original(&self, k: usize) -> &str {
        let span = self.norm.to_original(self.matches.tokens.tokens[k].norm);
        &self.text[span.range()]
    }

    /// Whether the word at `k` is written in capitals in the original, two letters or
    /// more ("IS", "SDF"): an acronym, never a function word.
    pub(super) fn acronym(&self, k: usize) -> bool {
        let word = self.original(k);
        word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
    }

    /// Whether the word at `k` is written with a capital in the original (a Latin name).
    pub(super) fn capitalised(&self, k: usize) -> bool {
        let start = self.matches.tokens.tokens[k].norm.start;
        // Latin letters with marks too ("Şanlıurfa").
        let latin = !self.word(k).chars().any(crate::lexicon::matcher::is_arabic);
        latin && {
            let span = self.norm.to_original(NormSpan::new(start, start + 1));
            self.text[span.range()].starts_with(|c: char| c.is_uppercase())
        }
    }

    /// The normalised words of a span, one space apart: how a phrase is carried.
    pub(super) fn words(&self, span: TokenSpan) -> String {
        self.matches.tokens.words(span).to_owned()
    }
}

/// Whether an Arabic word carries the article, past a conjunction or preposition
/// clitic (`القوات`, `والقوات`, `بالمدينة`, `للجيش`).
fn definite(w: &str) -> bool {
    after_article(w).is_some()
}

/// Whether an Arabic word carries a possessive pronoun that says a common noun, definite
/// by its owner (`مواقعها`, `مقاتليهم`).
fn possessed(w: &str) -> bool {
    ["ها", "هم", "هما", "هن", "كم", "نا"].iter().any(|p| w.ends_with(p))
}

/// An Arabic word past its conjunction, preposition and article, if it has the article
/// (`والقوات` → `قوات`, `للجيش` → `جيش`).
fn after_article(w: &str) -> Option<&str> {
    let w = w.trim_start_matches(['و', 'ف']);
    ["ال", "بال", "كال", "لل"].iter().find_map(|a| w.strip_prefix(a))
}

/// Whether the definite Arabic word `next` is a feminine noun that cannot agree, as an
/// adjective would, with the definite word `noun` before it: `next` ends in the ta marbuta
/// and is no nisba (`الأهلية`) or participle (`المحتلة`, `التابعة`), which may describe a
/// feminine noun of masculine shape (`الحرب الأهلية`); `noun` is singular and masculine in
/// shape, not a plural (`المواقع العسكرية`, `الأحياء السكنية`: a plural of things takes a
/// feminine adjective).
fn feminine_after_masculine(noun: &str, next: &str) -> bool {
    let Some(next) = next.strip_prefix("ال") else {
        return false;
    };
    let noun = after_article(noun).unwrap_or(noun);
    let letters: Vec<char> = noun.chars().collect();
    // أفعال (`أحياء`, `أطراف`): a plural; normalised, its أ is ا.
    let afaal = letters.len() == 5 && letters[0] == 'ا' && letters[3] == 'ا';
    // فاعلة (`التابعة`, `الواقعة`): an active participle, an adjective as often as not.
    let participle = next.chars().nth(1) == Some('ا') && next.chars().count() == 5;
    next.ends_with('ه')
        && !next.ends_with("يه")
        && !next.starts_with('م')
        && !participle
        && next.chars().count() > 2
        // `قوى الأمن الداخلي الكبيرة`: after an adjective, one that agrees with the
        // noun before it.
        && !noun.ends_with('ي')
        && !noun.ends_with('ه')
        && !noun.ends_with("ات")
        && !noun.ends_with("ون")
        && !noun.ends_with("ين")
        && !broken_plural(noun)
        && !afaal
}

/// Whether a definite sound masculine plural (`المسلحين`, `المتظاهرون`) follows a singular
/// noun, which an adjective would agree with in number: the plural starts a phrase of its
/// own (`اتهم المحافظ المسلحين`: the governor accused the gunmen).
fn plural_after_singular(noun: &str, next: &str) -> bool {
    let Some(next) = next.strip_prefix("ال") else {
        return false;
    };
    let noun = after_article(noun).unwrap_or(noun);
    (next.ends_with("ين") || next.ends_with("ون"))
        && next.chars().count() >= 5
        && !["ين", "ون", "ات", "ان", "ي", "ه"].iter().any(|e| noun.ends_with(e))
        && !broken_plural(noun)
}

/// Whether an Arabic word has the shape of a verb in the perfect with a feminine subject
/// (`اندلعت`, `جرت`, `واستمرت`): it ends in ت, which normalised text never gives a noun's
/// ta marbuta, and is no sound feminine plural (`اشتباكات`), no noun in وت (`بيروت`,
/// `صوت`) and none of the few common nouns in ت. Such a word ends a noun phrase: in
/// `اشتباكات اندلعت` the verb is no party to the clashes.
pub(super) fn perfect_feminine(w: &str) -> bool {
    let arabic = w.chars().next().is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    let bare = w
        .strip_prefix(['و', 'ف'])
        .filter(|b| b.chars().count() >= 3)
        .unwrap_or(w);
    arabic
        && bare.chars().count() >= 3
        && bare.ends_with('ت')
        && !bare.ends_with("ات")
        && !bare.ends_with("وت")
        && !bare.starts_with("ال")
        && !matches!(
            bare,
            "بيت" | "وقت" | "زيت" | "سبت" | "بنت" | "اخت" | "تحت" | "ميت" | "ثابت" | "مؤقت" | "صامت"
        )
}
