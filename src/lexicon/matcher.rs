//! The one-pass matcher: every literal form of every lexicon entry in one Aho-Corasick
//! automaton, every marker pattern in one `RegexSet`, run once over an article.
//!
//! Input: an article's normalised text, cut into [`Tokens`]. Output: [`Hit`]s, each naming
//! the entry (and the form) that matched and the tokens it covers.
//!
//! Matching is on a *token text*: the normalised words joined by single spaces, with
//! quotation marks and brackets dropped (so `المركز الإعلامي لـ “قسد”` reads
//! `المركز الاعلامي لقسد`) and every other punctuation mark a barrier `|` no form can
//! cross. A lone clitic letter (`لـ “قسد”`, `و “قسد”`) joins the word after it. Arabic
//! forms may be preceded, inside their first word, by the clitics و ف ب ل ك and the
//! article ال (`قال` matches `وقال`, `مصادر` matches `للمصادر`), and a form's own leading
//! ال is taken as one of those, so `الجيش الوطني` also matches `للجيش الوطني`. Every form
//! must end at a word end, unless it ends in `*`.
//!
//! Speed: the scan is the hottest loop of a run. Most of the automaton's overlapping
//! matches are a form inside a longer word, so a match is first judged by the bytes around
//! it (a space or the end after it, a space or a known clitic run before it), and only a
//! match some owner takes is placed in tokens, by a cursor (matches come in the order of
//! their ends). A few marker patterns run one by one rather than as a set (the set's
//! "which patterns" search is the slow engine).

use super::morphology::{self, Bound, Inflection};
use super::schema::{Gender, ParticleRole};
use super::{Entries, LexiconError, PackFile};
use crate::normalize::normalize;
use crate::span::{NormSpan, TokenSpan, TokenTextSpan};
use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexSet};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The lexicon table an entry lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// `[[cue]]`.
    Cue,
    /// `[[marker]]`.
    Marker,
    /// `[[particle]]`.
    Particle,
    /// `[[source_noun]]`.
    SourceNoun,
    /// `[[source]]`.
    Source,
    /// `[[actor]]`.
    Actor,
    /// `[[place]]`.
    Place,
    /// `[[predicate]]`.
    Predicate,
}

/// Which entry (and which of its forms) a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryRef {
    /// The table.
    pub table: Table,
    /// Index into that table of [`Entries`].
    pub index: u32,
    /// Index of the alias or form that matched (aliases: into `aliases`; cues and nouns:
    /// forms, then masculine, then feminine, counted together).
    pub form: u16,
    /// Gender the form agrees with, when it says.
    pub gender: Option<Gender>,
}

/// One word of the token text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Its span in the normalised text (a joined clitic included).
    pub norm: NormSpan,
    /// Its span in the token text.
    pub tt: TokenTextSpan,
    /// Whether a punctuation barrier stands between it and the token before.
    pub barrier_before: bool,
    /// Where a joined clitic's word starts: (token-text offset, normalised offset).
    joined: Option<(usize, usize)>,
}

/// The words of a normalised text, for matching.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Words joined by single spaces, punctuation barriers as ` | `.
    pub text: String,
    /// The words.
    pub tokens: Vec<Token>,
}

/// Characters dropped from the token text without a barrier: they wrap names
/// (`“قسد”`, `(M4)`) rather than separate phrases.
fn transparent(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | ')' | '[' | ']' | '«' | '»' | '*' | '_')
}

/// Whether a word before a full stop is an abbreviation, whose stop ends no clause
/// ("on Oct. 12 said", "Brig. Gen. Sam K. Porter"): an initial, a month, a title. The
/// token text is normalised, so Latin is already in lower case.
fn abbreviation(word: &str) -> bool {
    (word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic()))
        || matches!(
            word,
            "jan"
                | "feb"
                | "apr"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "gen"
                | "maj"
                | "lt"
                | "col"
                | "sgt"
                | "capt"
                | "cpt"
                | "brig"
                | "adm"
                | "gov"
                | "sen"
                | "rep"
                | "prof"
                | "st"
                | "mt"
        )
}

/// Arabic clitics that may be written apart from their word (`لـ “قسد”`).
fn lone_clitic(s: &str) -> bool {
    matches!(s, "و" | "ف" | "ب" | "ل" | "ك")
}

impl Tokens {
    /// Cuts normalised text into words.
    pub fn new(norm: &str) -> Tokens {
        let mut out = Tokens::default();
        let mut barrier = false;
        let mut word: Option<usize> = None;
        let mut pieces: Vec<(NormSpan, bool)> = Vec::new();
        let bytes = norm.as_bytes();
        let mut prev_alnum = false;
        let mut i = 0;
        while i < norm.len() {
            // Most of a text is words: a run of ASCII or Arabic word characters is
            // skipped at once.
            let run = crate::normalize::word_run_end(bytes, i);
            if run > i {
                word.get_or_insert(i);
                prev_alnum = true;
                i = run;
                continue;
            }
            let Some(c) = norm[i..].chars().next() else {
                break;
            };
            let (at, next) = (i, i + c.len_utf8());
            i = next;
            if crate::normalize::is_word_char(c) {
                word.get_or_insert(at);
                prev_alnum = true;
                continue;
            }
            // A hyphen inside a word ("al-Sharqiya") joins rather than separates.
            let inner_hyphen =
                c == '-' && prev_alnum && norm[next..].chars().next().is_some_and(crate::normalize::is_word_char);
            prev_alnum = false;
            if inner_hyphen {
                if let Some(start) = word.take() {
                    pieces.push((NormSpan::new(start, at), barrier));
                    barrier = false;
                }
                continue;
            }
            let mut abbreviated = false;
            if let Some(start) = word.take() {
                pieces.push((NormSpan::new(start, at), barrier));
                barrier = false;
                abbreviated = c == '.' && abbreviation(&norm[start..at]);
            }
            if !c.is_whitespace() && !transparent(c) && !abbreviated {
                barrier = true;
            }
        }
        if let Some(start) = word {
            pieces.push((NormSpan::new(start, norm.len()), barrier));
        }
        // The token text is at most the normalised text plus a ` | ` per barrier; the
        // words are at most the pieces: reserved once rather than grown.
        out.tokens.reserve_exact(pieces.len());
        out.text.reserve(norm.len() + 2 * pieces.iter().filter(|p| p.1).count());
        let mut k = 0;
        while k < pieces.len() {
            let (r, barrier_before) = pieces[k];
            if !out.tokens.is_empty() || barrier_before {
                out.text.push_str(if barrier_before { " | " } else { " " });
            }
            let start = out.text.len();
            out.text.push_str(&norm[r.range()]);
            let mut token = Token {
                norm: r,
                tt: TokenTextSpan::new(start, out.text.len()),
                barrier_before,
                joined: None,
            };
            if lone_clitic(&norm[r.range()]) && pieces.get(k + 1).is_some_and(|(_, b)| !b) {
                let (next, _) = pieces[k + 1];
                token.joined = Some((out.text.len(), next.start));
                out.text.push_str(&norm[next.range()]);
                token.norm.end = next.end;
                token.tt.end = out.text.len();
                k += 1;
            }
            out.tokens.push(token);
            k += 1;
        }
        out
    }

    /// The first token ending after normalised offset `pos`.
    pub fn at_norm(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.norm.end <= pos)
    }

    /// The tokens of normalised span `norm`, found by [`Tokens::at_norm`] for each end: a
    /// token the start cuts is in, a token the end cuts is out.
    pub fn at_norm_span(&self, norm: NormSpan) -> TokenSpan {
        TokenSpan::new(self.at_norm(norm.start), self.at_norm(norm.end))
    }

    /// The normalised span of tokens `r`, from the first one's start to the last one's
    /// end. `r` must not be empty.
    pub fn norm_of(&self, r: TokenSpan) -> NormSpan {
        NormSpan::new(self.tokens[r.start].norm.start, self.tokens[r.end - 1].norm.end)
    }

    /// The normalised offset of token-text offset `pos` inside token `k`.
    fn norm_in(&self, k: usize, pos: usize) -> usize {
        let t = &self.tokens[k];
        match t.joined {
            Some((tt, norm)) if pos >= tt => norm + (pos - tt),
            _ => t.norm.start + (pos - t.tt.start),
        }
    }

    /// The words of tokens `r` as they read in the token text.
    pub fn words(&self, r: TokenSpan) -> &str {
        if r.is_empty() {
            return "";
        }
        &self.text[self.tokens[r.start].tt.start..self.tokens[r.end - 1].tt.end]
    }
}

/// What stood before a form inside its first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prefix {
    /// Bytes of clitics before the form in the token text.
    pub len: usize,
    /// Whether the clitics include the article (ال, or لل).
    pub definite: bool,
}

/// One match of a lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The tokens it covers.
    pub tokens: TokenSpan,
    /// Its span in the normalised text (clitics excluded).
    pub norm: NormSpan,
    /// The entry and form.
    pub entry: EntryRef,
    /// The clitics before it.
    pub prefix: Prefix,
    /// What its word carries beyond the form (`lexicon::morphology`).
    pub inflection: Inflection,
}

/// Everything the matcher found in one article: its words and the hits in them.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// The article's words.
    pub tokens: Tokens,
    /// Every hit, ordered by first token, longest first.
    pub hits: Vec<Hit>,
}

/// Clitic sequences that may stand before an Arabic form inside its first word.
const PREFIXES: &[&str] = &[
    "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "فب", "ول", "فل", "وك", "فك",
    "وبال", "فبال", "وكال", "لال",
];

/// The longest of [`PREFIXES`], in bytes.
const MAX_PREFIX_BYTES: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < PREFIXES.len() {
        if PREFIXES[i].len() > max {
            max = PREFIXES[i].len();
        }
        i += 1;
    }
    max
};

/// Up to this many marker patterns run one by one rather than as a set (see
/// [`Matcher::find`]).
const FEW_PATTERNS: usize = 4;

/// Clitics a verb may take (`وقال`, `فأكد`): no article, no preposition (`بالذكر` is not
/// `ذكر`).
const VERB_PREFIXES: &[&str] = &["", "و", "ف"];

#[derive(Debug, Clone)]
struct Pattern {
    owners: Vec<EntryRef>,
    any_suffix: bool,
    arabic: bool,
    /// The form's own leading ال was taken off: the match is definite whatever stood
    /// before it.
    definite: bool,
    /// Its word may take a suffix (Arabic predicates and reporting verbs).
    inflects: bool,
    /// Its word may take an imperfect prefix (Arabic predicates and reporting verbs).
    tenses: bool,
    /// Its word may take an attached pronoun (Arabic predicates; a reporting verb's
    /// pronoun makes it a noun: `وفق زعمها`, by her claim).
    pronouns: bool,
    /// Its word takes only a noun's case and number endings (`مسؤولا`, `مسؤولان`,
    /// `مسؤولون`): nouns of sources. A feminine plural is often a word of its own
    /// (`بيانات`, data, is no plural of `بيان` here).
    nominal: bool,
    /// What a generated variant needs around it.
    bound: Bound,
    /// The inflection a generated variant spells out.
    spelled: Inflection,
}

/// The compiled matcher.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Per cue: whether its forms are verbs (which take no article or preposition).
    verb_cues: Vec<bool>,
    /// Per cue: whether it is a statement noun (which names no source with the article:
    /// `وأضاف البيان` refers back).
    statement_cues: Vec<bool>,
    /// Per particle: whether it is a noun (a place noun), which takes the article.
    noun_particles: Vec<bool>,
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    texts: Vec<String>,
    regex_set: RegexSet,
    regexes: Vec<(Regex, EntryRef)>,
    /// Names written as a short capitalised acronym (`IS`, `US`), sorted: they match only
    /// a word written so, which is then no other word ("IS" the group, not "is").
    acronyms: Vec<EntryRef>,
}

/// Whether a name is a short acronym that lower case makes a common word (`IS`, `US`):
/// two or three capital letters.
fn acronym(name: &str) -> bool {
    (2..=3).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// A form as the matcher stores it: its token text, whether it ends in `*`, whether its
/// leading article was taken off. `None` for a form with no word in it.
pub fn prepare(form: &str) -> Option<(String, bool, bool)> {
    let trimmed = form.trim();
    let (body, any_suffix) = match trimmed.strip_suffix('*') {
        Some(b) => (b, true),
        None => (trimmed, false),
    };
    let tokens = Tokens::new(&normalize(body));
    let mut text = tokens.text.trim_start_matches(" | ").to_owned();
    if text.is_empty() {
        return None;
    }
    let first = text.split(' ').next().unwrap_or("");
    let mut definite = false;
    if first.starts_with("ال") && first.chars().count() >= 4 {
        text = text["ال".len()..].to_owned();
        definite = true;
    }
    Some((text, any_suffix, definite))
}

/// The forms of a lexicon as the automaton takes them: one pattern per distinct text.
#[derive(Default)]
struct Forms {
    index: HashMap<(String, bool, bool, Bound, &'static str), usize>,
    /// The entry being added's `non_matches` examples as token texts.
    unlike: Option<Arc<[String]>>,
    texts: Vec<String>,
    patterns: Vec<Pattern>,
    /// Forms whose words inflect, for their variants once every listed form is known.
    inflecting: Vec<InflectingForm>,
}

/// A listed form whose word inflects.
struct InflectingForm {
    text: String,
    definite: bool,
    entry: EntryRef,
    inflects: Inflects,
    /// The token texts of its entry's `non_matches` examples, which no variant may match.
    unlike: Arc<[String]>,
}

/// How far a form's word inflects (`lexicon::morphology`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inflects {
    /// Not at all: names, nouns of sources, function words.
    No,
    /// By its endings alone, no prefix or pronoun: nouns of sources (`مسؤولا` after
    /// `أن`, `مسؤولون`).
    Endings,
    /// By its imperfect prefix and its person endings, no attached pronoun: reporting
    /// verbs (a pronoun makes one a noun: `وفق زعمها`, by her claim).
    Person,
    /// By its prefix and its suffix: event predicates.
    Fully,
}

impl Forms {
    /// Adds a listed form of `entry`, which inflects as `inflects` says; `unlike` are the
    /// token texts of the entry's `non_matches` examples, which no variant may match.
    fn add_inflecting(&mut self, form: &str, entry: EntryRef, inflects: Inflects, unlike: &Arc<[String]>) {
        self.unlike = Some(unlike.clone());
        self.add(form, entry, inflects);
        self.unlike = None;
    }

    /// Adds a listed form of `entry`, which inflects as `inflects` says.
    fn add(&mut self, form: &str, entry: EntryRef, inflects: Inflects) {
        let Some((text, any_suffix, definite)) = prepare(form) else {
            return;
        };
        // A word of two letters with an affix is too often another word (`فر`, fled, in
        // `الفرات`, the Euphrates).
        let first = text.split(' ').next().unwrap_or("");
        let inflects = if first.chars().count() < 3 {
            Inflects::No
        } else {
            inflects
        };
        if inflects != Inflects::No && !any_suffix {
            let unlike = self.unlike.clone().unwrap_or_default();
            self.inflecting.push(InflectingForm {
                text: text.clone(),
                definite,
                entry,
                inflects,
                unlike,
            });
        }
        self.add_text(text, any_suffix, definite, entry, None, inflects);
    }

    /// Adds the variants of the inflecting forms ([`morphology::variants`]) that no listed
    /// form writes the same way.
    fn add_variants(&mut self) {
        let listed: std::collections::HashSet<String> = self.texts.iter().cloned().collect();
        for InflectingForm {
            text,
            definite,
            entry,
            inflects,
            unlike,
        } in std::mem::take(&mut self.inflecting)
        {
            for v in morphology::variants(&text, inflects == Inflects::Fully) {
                // An example the entry must not match says where a variant would be
                // another word ("close in" is an attack, "closed in 2015" is not).
                let padded = format!(" {} ", v.text);
                let shown_wrong = unlike.iter().any(|u| format!(" {u} ").contains(&padded));
                if !listed.contains(&v.text)
                    && !shown_wrong
                    && (inflects != Inflects::Endings || v.bound != Bound::Imperfect)
                {
                    self.add_text(v.text.clone(), false, definite, entry, Some(&v), inflects);
                }
            }
        }
    }

    fn add_text(
        &mut self,
        text: String,
        any_suffix: bool,
        definite: bool,
        entry: EntryRef,
        variant: Option<&morphology::Variant>,
        inflects: Inflects,
    ) {
        let arabic = text.chars().next().is_some_and(is_arabic);
        let (bound, spelled) = variant.map_or((Bound::Free, Inflection::default()), |v| (v.bound, v.inflection));
        let next = self.patterns.len();
        let i = *self
            .index
            .entry((text.clone(), any_suffix, definite, bound, spelled.suffix()))
            .or_insert(next);
        if i == next {
            self.texts.push(text);
            self.patterns.push(Pattern {
                owners: Vec::new(),
                any_suffix,
                arabic,
                definite,
                inflects: false,
                tenses: false,
                pronouns: false,
                nominal: false,
                bound,
                spelled,
            });
        }
        let p = &mut self.patterns[i];
        // Arabic words inflect inside the matcher; English variants are spelled out.
        let arabic_word = arabic && !any_suffix;
        p.inflects |= arabic_word && inflects != Inflects::No;
        p.tenses |= arabic_word && matches!(inflects, Inflects::Person | Inflects::Fully);
        p.pronouns |= arabic_word && inflects == Inflects::Fully;
        p.nominal |= arabic_word && inflects == Inflects::Endings;
        if !p.owners.contains(&entry) {
            p.owners.push(entry);
        }
    }
}

impl Matcher {
    /// Compiles every form and pattern of `entries`.
    pub fn new(files: &[PackFile], entries: &Entries) -> Result<Matcher, LexiconError> {
        let mut forms = Forms::default();
        let r = |table, index: usize, form: usize, gender| EntryRef {
            table,
            index: index as u32,
            form: form.min(u16::MAX as usize) as u16,
            gender,
        };
        use super::schema::Role;
        let verb_cues: Vec<bool> = entries
            .cues
            .iter()
            .map(|c| {
                !matches!(
                    c.entry.role,
                    Role::Statement | Role::AccordingTo | Role::Relays | Role::ToldTo
                )
            })
            .collect();
        let unlike = |examples: &super::schema::Examples| -> Arc<[String]> {
            examples
                .non_matches
                .iter()
                .map(|x| Tokens::new(&normalize(x)).text.replace(" | ", " "))
                .collect()
        };
        for (i, e) in entries.cues.iter().enumerate() {
            let unlike = unlike(&e.entry.examples);
            for (k, (form, g)) in gendered(&e.entry.forms, &e.entry.masculine, &e.entry.feminine).enumerate() {
                forms.add_inflecting(
                    form,
                    r(Table::Cue, i, k, g),
                    if verb_cues[i] { Inflects::Person } else { Inflects::No },
                    &unlike,
                );
            }
        }
        for (i, e) in entries.source_nouns.iter().enumerate() {
            let unlike = unlike(&e.entry.examples);
            for (k, (form, g)) in gendered(&e.entry.forms, &e.entry.masculine, &e.entry.feminine).enumerate() {
                forms.add_inflecting(form, r(Table::SourceNoun, i, k, g), Inflects::Endings, &unlike);
            }
        }
        // Function words stay as listed; their `verbs` inflect as predicates do.
        let mut function_words = |table, i: usize, listed: &[String], verbs: &[String], examples| {
            let unlike = unlike(examples);
            for (k, form) in listed.iter().enumerate() {
                forms.add(form, r(table, i, k, None), Inflects::No);
            }
            for (k, verb) in verbs.iter().enumerate() {
                forms.add_inflecting(verb, r(table, i, listed.len() + k, None), Inflects::Fully, &unlike);
            }
        };
        for (i, e) in entries.particles.iter().enumerate() {
            function_words(Table::Particle, i, &e.entry.forms, &e.entry.verbs, &e.entry.examples);
        }
        for (i, e) in entries.markers.iter().enumerate() {
            function_words(Table::Marker, i, &e.entry.forms, &e.entry.verbs, &e.entry.examples);
        }
        let mut acronyms = Vec::new();
        for (i, e) in entries.sources.iter().enumerate() {
            for (k, alias) in e.entry.aliases.iter().enumerate() {
                let entry = r(Table::Source, i, k, e.entry.gender);
                forms.add(&alias.text, entry, Inflects::No);
                if acronym(alias.text.trim()) {
                    acronyms.push(entry);
                }
            }
        }
        for (i, e) in entries.actors.iter().enumerate() {
            for (k, alias) in e.entry.aliases.iter().enumerate() {
                let entry = r(Table::Actor, i, k, e.entry.gender);
                forms.add(&alias.text, entry, Inflects::No);
                if acronym(alias.text.trim()) {
                    acronyms.push(entry);
                }
            }
        }
        acronyms.sort_by_key(|e| (e.table as u8, e.index, e.form));
        for (i, e) in entries.places.iter().enumerate() {
            for (k, alias) in e.entry.aliases.iter().enumerate() {
                forms.add(&alias.text, r(Table::Place, i, k, None), Inflects::No);
            }
        }
        for (i, e) in entries.predicates.iter().enumerate() {
            let unlike = unlike(&e.entry.examples);
            // `befalls` forms are numbered after `forms`, then `moves`, `enters` and
            // `obliges` forms: a hit's form index says which (`Predicate::form_list`).
            for (k, form) in e.entry.all_forms().enumerate() {
                forms.add_inflecting(form, r(Table::Predicate, i, k, None), Inflects::Fully, &unlike);
            }
        }
        forms.add_variants();
        let Forms { texts, patterns, .. } = forms;
        let automaton = if texts.is_empty() {
            None
        } else {
            Some(
                // The builder's choice for this many forms, a contiguous NFA (about 350 KB
                // for the default lexicons). A DFA (about 10 MB, 20 ms to build) scans an
                // article faster on its own, but no faster in a whole run, where the
                // rest of the run's data crowds it out of the caches.
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&texts)
                    .map_err(|e| LexiconError::automaton("forms", &e))?,
            )
        };
        let mut regexes = Vec::new();
        // Per compiled pattern, its marker (for an error naming it).
        let mut owners = Vec::new();
        for (i, e) in entries.markers.iter().enumerate() {
            for (k, p) in e.entry.patterns.iter().enumerate() {
                let re =
                    Regex::new(p).map_err(|err| LexiconError::regex(&files[e.file], "marker", &e.entry.id, p, &err))?;
                regexes.push((re, r(Table::Marker, i, e.entry.forms.len() + k, None)));
                owners.push(e);
            }
        }
        let sources: Vec<&str> = regexes.iter().map(|(re, _)| re.as_str()).collect();
        let regex_set = super::regex_set(&sources).map_err(|(k, err)| {
            let e = owners[k];
            LexiconError::regex(&files[e.file], "marker", &e.entry.id, sources[k], &err)
        })?;
        let statement_cues = entries.cues.iter().map(|c| c.entry.role == Role::Statement).collect();
        let noun_particles = entries
            .particles
            .iter()
            .map(|p| !p.entry.role.is_function_word())
            .collect();
        Ok(Matcher {
            verb_cues,
            statement_cues,
            noun_particles,
            automaton,
            patterns,
            texts,
            regex_set,
            regexes,
            acronyms,
        })
    }

    /// Keeps an acronym's hit only where the original writes it in capitals (`upper`
    /// says so of a normalised span), and drops every other one-word hit there: "IS
    /// fighters" names the group, "it is" does not.
    pub fn keep_acronyms(&self, hits: &mut Vec<Hit>, upper: impl Fn(NormSpan) -> bool) {
        if self.acronyms.is_empty() {
            return;
        }
        let is_acronym = |h: &Hit| {
            h.tokens.len() == 1
                && matches!(h.entry.table, Table::Source | Table::Actor)
                && self
                    .acronyms
                    .binary_search_by_key(&(h.entry.table as u8, h.entry.index, h.entry.form), |e| {
                        (e.table as u8, e.index, e.form)
                    })
                    .is_ok()
        };
        let mut written: Vec<TokenSpan> = Vec::new();
        hits.retain(|h| {
            if !is_acronym(h) {
                return true;
            }
            let keep = upper(h.norm);
            if keep {
                written.push(h.tokens);
            }
            keep
        });
        if !written.is_empty() {
            hits.retain(|h| is_acronym(h) || h.tokens.len() != 1 || !written.contains(&h.tokens));
        }
    }

    /// Every hit in `tokens` (made from `norm`), ordered by first token, longest first.
    pub fn find(&self, tokens: &Tokens, norm: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        if let Some(ac) = &self.automaton {
            let text = tokens.text.as_bytes();
            let mut cursor = 0;
            for m in ac.find_overlapping_iter(&tokens.text) {
                let p = &self.patterns[m.pattern().as_usize()];
                // Most matches are a form inside a longer word: they are rejected by the
                // bytes around them before any token is looked up. Forms start and end
                // with a word character and tokens are the runs of the token text between
                // spaces, so a match ends its token where a space or the end follows it,
                // and the clitics before it in its token run back to the last space.
                // An inflecting Arabic word may go on after its form: the rest must be a
                // suffix (looked for only once the prefix is known).
                let ends_word = p.any_suffix || text.get(m.end()).is_none_or(|&b| b == b' ');
                if !ends_word && !p.inflects {
                    continue;
                }
                // What follows the form in its word: most such matches are a form inside
                // a longer word, turned down here before anything else is looked at.
                let rest = if ends_word {
                    None
                } else {
                    let after = &text[m.end()..];
                    let len = after
                        .iter()
                        .take(morphology::MAX_SUFFIX_BYTES + 1)
                        .position(|&b| b == b' ')
                        .unwrap_or(after.len());
                    if len > morphology::MAX_SUFFIX_BYTES {
                        continue;
                    }
                    let rest = &tokens.text[m.end()..m.end() + len];
                    if morphology::imperfect_suffix(rest).is_none() {
                        continue;
                    }
                    Some(rest)
                };
                let start = m.start();
                let word_start = if start == 0 || text[start - 1] == b' ' {
                    start
                } else if p.arabic {
                    // Clitics are a few bytes: a longer run before the form is no clitic,
                    // and looking no further keeps a huge word linear.
                    let from = start.saturating_sub(MAX_PREFIX_BYTES);
                    match text[from..start].iter().rposition(|&b| b == b' ') {
                        Some(k) => from + k + 1,
                        None if from == 0 => 0,
                        None => continue,
                    }
                } else {
                    continue;
                };
                let before = &tokens.text[word_start..start];
                // The clitics, and an imperfect prefix after them.
                let (clitics, tense, tense_len) = if before.is_empty() || PREFIXES.contains(&before) {
                    (before, None, 0)
                } else if p.tenses
                    && let Some((clitic, tense, len)) = morphology::imperfect(before)
                    // `ادعت` (claimed) is no first-person `ا` + `دعت` (called): a
                    // perfect's feminine ending takes no such prefix (`تحررت`, form V,
                    // keeps its `ت`).
                    && !(tokens.text[..start].ends_with('ا') && tokens.text[start..m.end()].ends_with('ت'))
                {
                    (&before[..clitic], Some(tense), len)
                } else {
                    continue;
                };
                if p.bound == Bound::Imperfect && tense.is_none() {
                    continue;
                }
                let definite = p.definite || !clitics.is_empty() && (clitics.contains("ال") || clitics.ends_with("لل"));
                let suffix = match rest {
                    None if p.bound == Bound::Suffix => continue,
                    None => p.spelled.suffix_index(),
                    // A verb ending after no article; after an imperfect prefix, nothing but
                    // a verb ending.
                    Some(rest) => match if tense.is_some() {
                        morphology::imperfect_suffix(rest)
                    } else {
                        morphology::suffix(rest, !definite)
                    } {
                        Some(s)
                            if (tense.is_none() || !rest.starts_with('ت'))
                                && (p.pronouns || !Inflection::new(None, Some(s)).pronoun())
                                && (!p.nominal
                                    || matches!(Inflection::new(None, Some(s)).suffix(), "ا" | "ان" | "ين" | "ون")) =>
                        {
                            Some(s)
                        }
                        _ => continue,
                    },
                };
                let inflection = Inflection::new(tense, suffix);
                let before = clitics;
                // Most forms stand with no clitic: nothing to look for in an empty `before`.
                let prefix = Prefix {
                    len: before.len(),
                    definite,
                };
                let mut span = None;
                for &entry in &p.owners {
                    if !self.takes(entry, before, prefix.definite, p.definite) {
                        continue;
                    }
                    let start = start - tense_len;
                    // Where the match lies in tokens and in the normalised text, once per
                    // match that some owner takes.
                    let (first, last, norm) = span.get_or_insert_with(|| {
                        // Matches come in the order of their ends: the token holding the
                        // last byte is found by walking on from the previous match's, and
                        // the first by walking back a few tokens (no search of them all).
                        while tokens.tokens.get(cursor + 1).is_some_and(|t| t.tt.start < m.end()) {
                            cursor += 1;
                        }
                        let last = cursor;
                        let mut first = last;
                        while first > 0 && tokens.tokens[first].tt.start > start {
                            first -= 1;
                        }
                        let norm = NormSpan::new(tokens.norm_in(first, start), tokens.tokens[last].norm.end);
                        (first, last, norm)
                    });
                    hits.push(Hit {
                        tokens: TokenSpan::new(*first, *last + 1),
                        norm: *norm,
                        entry,
                        prefix,
                        inflection,
                    });
                }
            }
        }
        // The set tells in one pass which patterns match, but on the slow engine that can
        // report several at once; a few patterns are cheaper run one by one.
        let matched = (self.regexes.len() > FEW_PATTERNS).then(|| self.regex_set.matches(norm));
        for (i, (re, entry)) in self.regexes.iter().enumerate() {
            if matched.as_ref().is_some_and(|set| !set.matched(i)) {
                continue;
            }
            for m in re.find_iter(norm) {
                if m.is_empty() {
                    continue;
                }
                let first = tokens.at_norm(m.start());
                let last = tokens.at_norm(m.end() - 1);
                if first >= tokens.tokens.len() {
                    continue;
                }
                hits.push(Hit {
                    tokens: TokenSpan::new(first, (last + 1).min(tokens.tokens.len())),
                    norm: NormSpan::new(m.start(), m.end()),
                    entry: *entry,
                    prefix: Prefix::default(),
                    inflection: Inflection::default(),
                });
            }
        }
        // By first token, longest first, then table and entry: one integer per hit
        // compared rather than a tuple built per comparison (token indices and entry
        // indices fit in 32 bits: articles are far under 4 GiB).
        hits.sort_by_key(|h| {
            (h.tokens.start as u128) << 96
                | u128::from(u32::MAX - h.tokens.end as u32) << 64
                | (h.entry.table as u128) << 32
                | u128::from(h.entry.index)
        });
        hits.dedup_by(|a, b| a.tokens == b.tokens && a.entry == b.entry);
        // A word the lexicon lists as a form of its own is not another form inflected
        // (`تقدم`, advance, is not `قدم` with a prefix): an inflected hit gives way to a
        // bare one of its table on the same words.
        // Hits of one table on the same words are neighbours in this order: kept in place,
        // the inflected ones of a group with a bare one dropped.
        if hits.iter().any(|h| !h.inflection.is_bare()) {
            let same = |a: &Hit, b: &Hit| a.tokens == b.tokens && a.entry.table == b.entry.table;
            let (mut i, mut kept) = (0, 0);
            while i < hits.len() {
                let mut j = i + 1;
                while j < hits.len() && same(&hits[i], &hits[j]) {
                    j += 1;
                }
                let bare = hits[i..j].iter().any(|h| h.inflection.is_bare());
                for k in i..j {
                    if !bare || hits[k].inflection.is_bare() {
                        hits.swap(kept, k);
                        kept += 1;
                    }
                }
                i = j;
            }
            hits.truncate(kept);
        }
        hits
    }

    /// Whether an entry's form may stand after these clitics: verbs take only و and ف,
    /// particles no article but their own (`الذي`: `own_article`, the form's article taken
    /// off for matching), statement nouns no article.
    fn takes(&self, entry: EntryRef, clitics: &str, definite: bool, own_article: bool) -> bool {
        match entry.table {
            Table::Cue if self.verb_cues[entry.index as usize] => VERB_PREFIXES.contains(&clitics),
            Table::Cue if self.statement_cues[entry.index as usize] => !definite,
            Table::Particle if self.noun_particles[entry.index as usize] => true,
            Table::Particle => clitics.is_empty() || !clitics.contains("ال") || (own_article && clitics == "ال"),
            // ك, "like", makes no report of an event (`كانسحاب`), and before a short
            // form it is more often a word of its own (`كفر`, a village, is not ك + فر).
            Table::Predicate => !clitics.contains('ك'),
            _ => true,
        }
    }

    /// Scans one article's normalised text: the one pass every later stage reads.
    pub fn scan(&self, norm: &str) -> Matches {
        let tokens = Tokens::new(norm);
        let hits = self.find(&tokens, norm);
        Matches { tokens, hits }
    }

    /// Matches one piece of text on its own (examples, `claimgraph explain`).
    pub fn find_in(&self, text: &str) -> Vec<Hit> {
        let norm = crate::normalize::Normalized::new(text);
        let tokens = Tokens::new(norm.text());
        let mut hits = self.find(&tokens, norm.text());
        self.keep_acronyms(&mut hits, |span| norm.is_upper(text, span));
        hits
    }

    /// The literal trigger strings, one per compiled form (for a ripgrep comparison).
    pub fn triggers(&self) -> &[String] {
        &self.texts
    }
}

/// A form list with genders: the neutral forms, then masculine, then feminine.
fn gendered<'a>(
    forms: &'a [String],
    masculine: &'a [String],
    feminine: &'a [String],
) -> impl Iterator<Item = (&'a String, Option<Gender>)> {
    forms
        .iter()
        .map(|f| (f, None))
        .chain(masculine.iter().map(|f| (f, Some(Gender::M))))
        .chain(feminine.iter().map(|f| (f, Some(Gender::F))))
}

/// Whether `c` is an Arabic letter.
pub fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF)
}

/// The words of a name as the attribution stage compares them: normalised, tokenised,
/// the Arabic article dropped (`الجيش` → `جيش`).
pub fn name_words(text: &str) -> Vec<String> {
    Tokens::new(&normalize(text))
        .text
        .split(' ')
        .filter(|w| *w != "|")
        .map(|w| strip_article(w).to_owned())
        .collect()
}

/// A word without its Arabic article, if two letters are left (`ال` + `قوات`).
pub fn strip_article(w: &str) -> &str {
    match w.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => w,
    }
}

/// The words of every known source's and actor's aliases ([`name_words`]), worked out
/// once per lexicon rather than for each article that names them, and shared (an
/// article's source entity holds a reference count, not a copy of every word).
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Per known source (by index), the words of all its aliases.
    pub sources: Vec<Arc<[String]>>,
    /// Per actor (by index), the words of all its aliases.
    pub actors: Vec<Arc<[String]>>,
    /// The adjectives of actors named by one word, each to its actor: `روسي`, `روسيه`
    /// and "russian" for `روسيا`/"Russia" (token text, no Arabic article). An adjective
    /// two actors' names give is left out.
    pub demonyms: HashMap<String, usize>,
    /// The Arabic prepositions of one word (normalised, as tokens are), not of place: a
    /// word that is one with an attached pronoun (`خلاله`, `عليهم`, `منها`) names no one
    /// (`داخلها`, "inside it", says where).
    pub prepositions: HashSet<String>,
    /// The adjectives that describe a source noun (`descriptor` particles, as tokens
    /// are: "local", `مطلعه`).
    pub descriptors: HashSet<String>,
    /// The participles that open `allegiance` forms ("backed" of "backed by"): a name a
    /// hyphen joins to one is a patron ("Turkish-backed").
    pub allegiance_participles: HashSet<String>,
}

impl Names {
    /// The names of `entries`' sources and actors.
    pub fn new(entries: &Entries) -> Names {
        let mut demonyms: HashMap<String, Option<usize>> = HashMap::new();
        for (i, a) in entries.actors.iter().enumerate() {
            for alias in &a.entry.aliases {
                let words = name_words(&alias.text);
                let [name] = words.as_slice() else { continue };
                for d in demonym_forms(name) {
                    demonyms
                        .entry(d)
                        .and_modify(|e| {
                            if *e != Some(i) {
                                *e = None
                            }
                        })
                        .or_insert(Some(i));
                }
            }
        }
        Names {
            sources: entries.sources.iter().map(|s| alias_words(&s.entry.aliases)).collect(),
            actors: entries.actors.iter().map(|a| alias_words(&a.entry.aliases)).collect(),
            demonyms: demonyms.into_iter().filter_map(|(d, i)| Some((d, i?))).collect(),
            prepositions: entries
                .particles
                .iter()
                .filter(|p| matches!(p.entry.role, ParticleRole::Preposition | ParticleRole::Direction))
                .flat_map(|p| &p.entry.forms)
                .map(|f| Tokens::new(&normalize(f)).text)
                .filter(|w| !w.contains(' ') && !w.is_ascii())
                .collect(),
            descriptors: entries
                .particles
                .iter()
                .filter(|p| p.entry.role == ParticleRole::Descriptor)
                .flat_map(|p| &p.entry.forms)
                .map(|f| Tokens::new(&normalize(f)).text)
                .filter(|w| !w.contains(' '))
                .collect(),
            allegiance_participles: entries
                .particles
                .iter()
                .filter(|p| p.entry.role == ParticleRole::Allegiance)
                .flat_map(|p| &p.entry.forms)
                .filter_map(|f| f.split(' ').next())
                .filter(|w| w.len() > 2 && w.ends_with("ed"))
                .map(str::to_owned)
                .collect(),
        }
    }

    /// Whether an Arabic word is a preposition with an attached pronoun (`خلاله`,
    /// `عليهم`, `منها`, `فيه`, and the clitic ones: `به`, `لها`).
    pub fn pronominal_preposition(&self, w: &str) -> bool {
        ["هما", "هم", "هن", "ها", "ه", "نا", "كم", "ك"].iter().any(|p| {
            w.strip_suffix(p)
                .is_some_and(|stem| matches!(stem, "ب" | "ل") || self.prepositions.contains(stem))
        })
    }
}

/// The adjectives a one-word name of a country or people gives, by the regular rules:
/// Arabic drops a final `يا` or `ا` and adds the nisba `ي` (feminine `يه`): `روسيا` →
/// `روسي`, `ايران` → `ايراني`; English adds -n to a final a, -ian to a final n or for a
/// final e, -ish for a final ey, -i to a final l ("Russian", "Iranian", "Ukrainian",
/// "Turkish", "Israeli").
fn demonym_forms(name: &str) -> Vec<String> {
    if name.chars().count() < 3 {
        return Vec::new();
    }
    if name.is_ascii() {
        let stem = |suffix: &str| name.strip_suffix(suffix);
        let mut out = Vec::new();
        if name.ends_with('a') {
            out.push(format!("{name}n"));
        }
        if name.ends_with('n') {
            out.push(format!("{name}ian"));
        }
        if let Some(s) = stem("e") {
            out.push(format!("{s}ian"));
        }
        if let Some(s) = stem("ey") {
            out.push(format!("{s}ish"));
        }
        if name.ends_with('l') {
            out.push(format!("{name}i"));
        }
        return out;
    }
    let stem = name
        .strip_suffix("يا")
        .or_else(|| name.strip_suffix('ا'))
        .unwrap_or(name);
    if stem.chars().count() < 2 {
        return Vec::new();
    }
    vec![format!("{stem}ي"), format!("{stem}يه")]
}

fn alias_words(aliases: &[super::schema::Alias]) -> Arc<[String]> {
    aliases.iter().flat_map(|a| name_words(&a.text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_join_lone_clitics_and_drop_quotes() {
        let norm = normalize("المركز الإعلامي لـ “قسد”، وقال");
        let t = Tokens::new(&norm);
        assert_eq!(t.text, "المركز الاعلامي لقسد | وقال");
        let k = t.tokens.iter().position(|x| &t.text[x.tt.range()] == "لقسد").unwrap();
        // The joined token's normalised span runs from the clitic to the end of the word.
        assert_eq!(&norm[t.tokens[k].norm.range()], "ل \"قسد");
        assert_eq!(
            t.norm_in(k, t.tokens[k].tt.start + "ل".len()),
            norm.find("قسد").unwrap()
        );
    }

    #[test]
    fn prepare_takes_off_the_article_and_the_star() {
        assert_eq!(prepare("الجيش الوطني"), Some(("جيش الوطني".to_owned(), false, true)));
        assert_eq!(prepare("تشاوو*"), Some(("تشاوو".to_owned(), true, false)));
        assert_eq!(prepare("إلى"), Some(("الي".to_owned(), false, false)));
        assert_eq!(prepare(" “ ” "), None);
    }
}
