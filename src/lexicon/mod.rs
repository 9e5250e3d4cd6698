//! Lexicons: rules kept as data (TOML packs, `docs/lexicon.md`), merged, validated and
//! compiled once per run into matchers.
//!
//! Input: the embedded packs (`data/*.toml`: the Arabic and English language packs, the
//! `syria` domain pack, page furniture) and any `--lexicon FILE_OR_DIR` the user adds.
//! Output: one [`Lexicon`]: the merged entries, the [`furniture::FurnitureRules`] for
//! segmentation and the [`matcher::Matcher`] that finds every cue, marker, particle,
//! source, actor and place of an article in one pass.
//!
//! Invariants: loading is the one place besides input where the pipeline returns errors,
//! each naming file:line:column with a hint; a pack that loads has no duplicate ids, no
//! dangling reference and no pattern that fails to compile. Later packs override earlier
//! entries of the same table, id and language (the user's over the embedded ones).

pub mod furniture;
pub mod listing;
pub mod matcher;
pub mod morphology;
pub mod schema;
pub mod validate;

use crate::span::NormSpan;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use schema::{
    Actor, AuthorLine, Cue, LineRule, Marker, Pack, Particle, Place, Predicate, Source, SourceNoun, Subheading,
};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The embedded packs, in load order: (file name, contents).
pub const EMBEDDED: &[(&str, &str)] = &[
    ("ar.toml", include_str!("data/ar.toml")),
    ("en.toml", include_str!("data/en.toml")),
    ("syria.toml", include_str!("data/syria.toml")),
    ("events.toml", include_str!("data/events.toml")),
    ("events-en.toml", include_str!("data/events-en.toml")),
    ("furniture.toml", include_str!("data/furniture.toml")),
];

/// A lexicon file that cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file.
    pub path: String,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl LexiconError {
    /// An error at byte `offset` of `src`.
    pub fn at(path: &str, src: &str, offset: usize, message: String, hint: &str) -> LexiconError {
        LexiconError {
            path: path.to_owned(),
            position: Some(line_col(src, offset)),
            message,
            hint: hint.to_owned(),
        }
    }

    /// Words of every pack (`what`: "forms") that do not compile into one automaton: an
    /// error of the lexicons as a whole, at no position.
    pub fn automaton(what: &str, err: &aho_corasick::BuildError) -> LexiconError {
        LexiconError {
            path: "<lexicons>".to_owned(),
            position: None,
            message: format!("the {what} do not compile into one matcher: {err}"),
            hint: format!("remove {what} until it fits, or split the lexicon"),
        }
    }

    /// A TOML syntax or shape error, positioned from the parser's span.
    pub fn toml(path: &str, src: &str, err: &toml::de::Error) -> LexiconError {
        LexiconError {
            path: path.to_owned(),
            position: err.span().map(|s| line_col(src, s.start)),
            message: err.message().trim().to_owned(),
            hint: "see docs/lexicon.md for the format".to_owned(),
        }
    }

    /// A pattern of entry `id` (of `table`: `marker`, `furniture`, `byline`) in `file`
    /// that does not compile, positioned at the entry's id. The pattern is quoted up to
    /// 80 characters: a pattern too large for the engine may be megabytes long.
    pub fn regex(
        file: &PackFile,
        table: &str,
        id: &Spanned<String>,
        pattern: &str,
        err: &regex::Error,
    ) -> LexiconError {
        let shown: String = pattern.chars().take(80).collect();
        let more = if shown.len() < pattern.len() { "…" } else { "" };
        let hint = match err {
            regex::Error::CompiledTooBig(limit) => format!(
                "the regex engine compiles a pattern into at most {limit} bytes; split it into several \
                 patterns, or list literal alternatives as `forms`"
            ),
            _ => "patterns use Rust regex syntax (https://docs.rs/regex) over the normalised text; \
                  escape a literal ( [ . * + ? with a backslash"
                .to_owned(),
        };
        LexiconError::at(
            &file.path,
            &file.src,
            id.span().start,
            format!(
                "{table} `{}`: pattern {:?}{more} does not compile: {}",
                id.get_ref(),
                shown,
                regex_reason(err)
            ),
            &hint,
        )
    }
}

/// The one-line reason of a regex error (its Display repeats the pattern over lines).
fn regex_reason(err: &regex::Error) -> String {
    let text = err.to_string();
    let last = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    last.trim().trim_start_matches("error: ").to_owned()
}

/// Compiles `patterns` (each of which compiles alone) into one `RegexSet`. When the set
/// is too large for the engine, the error comes with the index of the pattern at which
/// it overflows (found by bisecting the prefixes), so the message can name that entry.
pub(crate) fn regex_set(patterns: &[&str]) -> Result<regex::RegexSet, (usize, regex::Error)> {
    regex_set_within(patterns, REGEX_SIZE_LIMIT)
}

/// The regex crate's default size limit, which every pattern is compiled under.
const REGEX_SIZE_LIMIT: usize = 10 * (1 << 20);

/// The lazy DFA's cache per set and thread (the crate's default is 2 MiB).
const DFA_CACHE_LIMIT: usize = 16 * (1 << 20);

fn regex_set_within(patterns: &[&str], limit: usize) -> Result<regex::RegexSet, (usize, regex::Error)> {
    // A cache large enough that the lazy DFA keeps the states of long alternations (date
    // lines) instead of rebuilding them on every line.
    let build = |patterns: &[&str]| {
        regex::RegexSetBuilder::new(patterns)
            .size_limit(limit)
            .dfa_size_limit(DFA_CACHE_LIMIT)
            .build()
    };
    let err = match build(patterns) {
        Ok(set) => return Ok(set),
        Err(err) => err,
    };
    // The first `lo` patterns compile together; the first `hi` do not.
    let (mut lo, mut hi) = (0, patterns.len());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        match build(&patterns[..mid]) {
            Ok(_) => lo = mid,
            Err(_) => hi = mid,
        }
    }
    Err((hi.saturating_sub(1), err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_too_large_for_the_engine_names_the_pattern_that_overflows_it() {
        let patterns = ["a{20}", "b{20}", "c{20}", "d{20}", "e{20}", "f{20}"];
        // A limit two of them fit under together, but not three.
        let size = |n: usize| {
            (1..100_000)
                .step_by(50)
                .find(|&limit| regex_set_within(&patterns[..n], limit).is_ok())
                .unwrap()
        };
        let limit = size(2).max(size(1) + 1);
        assert!(regex_set_within(&patterns[..2], limit).is_ok());
        let Err((k, err)) = regex_set_within(&patterns, limit) else {
            panic!("the six patterns fit under {limit}")
        };
        assert_eq!(k, 2, "the third pattern overflows the set");
        assert!(matches!(err, regex::Error::CompiledTooBig(_)));
        assert!(regex_set(&patterns).is_ok());
    }

    /// An actor's group or side by the definition: walk up `part_of`, finding each
    /// parent by a scan of the actors.
    fn top_by_scan(entries: &Entries, actor: usize, sides: bool) -> String {
        let actors = &entries.actors;
        let mut at = actor;
        for _ in 0..8 {
            let a = &actors[at].entry;
            if sides && let Some(s) = &a.side {
                return s.clone();
            }
            match a
                .part_of
                .first()
                .and_then(|p| actors.iter().position(|e| e.entry.id.get_ref() == p))
            {
                Some(parent) => at = parent,
                None => break,
            }
        }
        actors[at].entry.id.get_ref().clone()
    }

    #[test]
    fn key_ids_are_the_ids_groups_and_sides_of_the_entries() {
        let lexicon = Lexicon::embedded();
        let (e, ids) = (&lexicon.entries, &lexicon.key_ids);
        assert!(
            ids.groups.iter().zip(&ids.sides).any(|(g, s)| g != s),
            "the packs declare sides"
        );
        assert!(
            ids.groups
                .iter()
                .zip(&e.actors)
                .any(|(g, a)| **g != **a.entry.id.get_ref()),
            "the packs declare part_of"
        );
        for a in 0..e.actors.len() {
            assert_eq!(*ids.groups[a], top_by_scan(e, a, false));
            assert_eq!(*ids.sides[a], top_by_scan(e, a, true));
        }
        let places: Vec<&str> = e.places.iter().map(|p| p.entry.id.get_ref().as_str()).collect();
        assert_eq!(ids.places.iter().map(|p| &**p).collect::<Vec<_>>(), places);
        let predicates: Vec<&str> = e.predicates.iter().map(|p| p.entry.id.get_ref().as_str()).collect();
        assert_eq!(ids.predicates.iter().map(|p| &**p).collect::<Vec<_>>(), predicates);
    }

    /// A place's score as it was first written: a search for each of its words (`words`,
    /// [`place_context`]) in the scope.
    fn score_by_search(words: &[String], text: &str, scope: NormSpan) -> usize {
        words
            .iter()
            .filter(|w| text[scope.range()].contains(w.as_str()))
            .count()
    }

    proptest::proptest! {
        #[test]
        fn context_scores_from_one_pass_are_those_of_a_search_per_word(
            picks in proptest::collection::vec((0usize..10_000, 0usize..3), 0..24),
            cut in (0usize..64, 0usize..64),
        ) {
            static LEXICON: std::sync::LazyLock<(Lexicon, Vec<Vec<String>>)> = std::sync::LazyLock::new(|| {
                let lexicon = Lexicon::embedded();
                let contexts = place_context(&lexicon.entries);
                (lexicon, contexts)
            });
            let (lexicon, contexts) = &*LEXICON;
            let words: Vec<&String> = contexts.iter().flatten().collect();
            // Context words, whole or cut short, joined or apart: a text where words
            // overlap, repeat and stand across the scope's edges.
            let mut text = String::new();
            for (pick, how) in picks {
                let w = &words[pick % words.len()];
                match how {
                    0 => text.push_str(w),
                    1 => text.push_str(&w.chars().take(w.chars().count() / 2 + 1).collect::<String>()),
                    _ => text.push(' '),
                }
            }
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let (a, b) = (bounds[cut.0 % bounds.len()], bounds[cut.1 % bounds.len()]);
            let scope = NormSpan::new(a.min(b), a.max(b));
            let hits = lexicon.place_context.find(&text);
            for (place, words) in contexts.iter().enumerate() {
                proptest::prop_assert_eq!(
                    lexicon.place_context.score(place, &hits, scope),
                    score_by_search(words, &text, scope),
                    "place {} in {:?}", place, &text[scope.range()]
                );
            }
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path, self.message)?,
            None => write!(f, "{}: {}", self.path, self.message)?,
        }
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconError {}

/// The 1-based line and column (in characters) of byte `offset` in `src`.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..src.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// One pack as read: where it came from, its text (for positions) and its entries.
#[derive(Debug, Clone)]
pub struct PackFile {
    /// The file, as shown in messages (`<embedded>/ar.toml` for embedded packs).
    pub path: String,
    /// Its TOML text.
    pub src: String,
    /// Its entries.
    pub pack: Pack,
}

impl PackFile {
    /// Parses one pack.
    pub fn parse(path: &str, src: &str) -> Result<PackFile, LexiconError> {
        let pack: Pack = toml::from_str(src).map_err(|e| LexiconError::toml(path, src, &e))?;
        Ok(PackFile {
            path: path.to_owned(),
            src: src.to_owned(),
            pack,
        })
    }

    /// Reads and parses one pack file.
    pub fn read(path: &Path) -> Result<PackFile, LexiconError> {
        let shown = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| LexiconError {
            path: shown.clone(),
            position: None,
            message: format!("cannot read: {e}"),
            hint: "give a lexicon TOML file or a directory of them".to_owned(),
        })?;
        PackFile::parse(&shown, &src)
    }
}

/// An entry with the pack it came from (its language default and file, for messages).
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// The entry.
    pub entry: T,
    /// Index into [`Lexicon::files`].
    pub file: usize,
    /// The entry's language (its own, else its pack's; `und` when neither says).
    pub language: String,
}

/// The merged entries of every pack, by table.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    /// Attribution cues.
    pub cues: Vec<Entry<Cue>>,
    /// Markers.
    pub markers: Vec<Entry<Marker>>,
    /// Particles.
    pub particles: Vec<Entry<Particle>>,
    /// Generic source nouns.
    pub source_nouns: Vec<Entry<SourceNoun>>,
    /// Known sources.
    pub sources: Vec<Entry<Source>>,
    /// Actors.
    pub actors: Vec<Entry<Actor>>,
    /// Places.
    pub places: Vec<Entry<Place>>,
    /// Event predicates.
    pub predicates: Vec<Entry<Predicate>>,
    /// Furniture rules.
    pub furniture: Vec<Entry<LineRule>>,
    /// Byline rules.
    pub bylines: Vec<Entry<LineRule>>,
    /// The sub-heading rule (the last pack's that has one).
    pub subheading: Option<Subheading>,
    /// The author-line rule (the last pack's that has one).
    pub author_line: Option<AuthorLine>,
}

/// Something with an id.
pub trait HasId {
    /// The id.
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => {$(
        impl HasId for $t {
            fn id(&self) -> &str {
                self.id.get_ref()
            }
        }
    )*};
}
has_id!(
    Cue, Marker, Particle, SourceNoun, Source, Actor, Place, Predicate, LineRule
);

/// Adds `items` to `table`; an item with the id and language of an earlier one replaces
/// it in place. Entries of one id in different languages stand side by side: the English
/// `agency` noun and the Arabic one are one class of source for back-references.
fn merge<T: HasId>(
    table: &mut Vec<Entry<T>>,
    items: Vec<T>,
    file: usize,
    language: &str,
    own: impl Fn(&T) -> Option<String>,
) {
    // Where each (id, language) stands, so that a pack of 100,000 entries merges in
    // one pass.
    let mut at: std::collections::HashMap<(String, String), usize> = table
        .iter()
        .enumerate()
        .map(|(i, e)| ((e.entry.id().to_owned(), e.language.clone()), i))
        .collect();
    for item in items {
        let language = own(&item).unwrap_or_else(|| language.to_owned());
        let key = (item.id().to_owned(), language.clone());
        let entry = Entry {
            entry: item,
            file,
            language,
        };
        match at.get(&key) {
            Some(&i) => table[i] = entry,
            None => {
                at.insert(key, table.len());
                table.push(entry);
            }
        }
    }
}

/// Everything loaded and compiled: what a run matches with.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// The packs, in load order.
    pub files: Vec<PackFile>,
    /// Their merged entries.
    pub entries: Entries,
    /// Furniture and byline rules for segmentation.
    pub furniture: furniture::FurnitureRules,
    /// The one-pass matcher of every literal form and marker pattern.
    pub matcher: matcher::Matcher,
    /// Per place (by index), the normalised words that tell which of several places of
    /// one name a text means: its context words and the names of the places it lies in.
    pub place_context: PlaceContext,
    /// The words of every known source's and actor's names.
    pub names: matcher::Names,
    /// The ids link keys are made of, shared by every frame that names them.
    pub key_ids: KeyIds,
    /// The rule ids segments and frames cite, shared by every one that cites them.
    pub rule_ids: RuleIds,
}

impl Lexicon {
    /// The embedded packs alone.
    pub fn embedded() -> Lexicon {
        // The embedded packs are validated by tests (`embedded_packs_are_valid`), so a
        // released binary cannot fail here.
        Lexicon::load(&[]).expect("the embedded lexicons are valid")
    }

    /// The embedded packs plus the user's files and directories (sorted `*.toml`).
    pub fn load(extra: &[PathBuf]) -> Result<Lexicon, Vec<LexiconError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for (name, src) in EMBEDDED {
            match PackFile::parse(&format!("<embedded>/{name}"), src) {
                Ok(f) => files.push(f),
                Err(e) => errors.push(e),
            }
        }
        for path in user_files(extra, &mut errors) {
            match PackFile::read(&path) {
                Ok(f) => files.push(f),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Lexicon::compile(files)
    }

    /// Merges, validates and compiles parsed packs.
    pub fn compile(files: Vec<PackFile>) -> Result<Lexicon, Vec<LexiconError>> {
        let mut errors = Vec::new();
        for f in &files {
            errors.extend(validate::duplicates(f));
        }
        let entries = merged(&files);
        errors.extend(validate::references(&files, &entries));
        if !errors.is_empty() {
            return Err(errors);
        }
        let furniture = furniture::FurnitureRules::new(&files, &entries).map_err(|e| vec![e])?;
        let matcher = matcher::Matcher::new(&files, &entries).map_err(|e| vec![e])?;
        let place_context = PlaceContext::new(&entries).map_err(|e| vec![e])?;
        let names = matcher::Names::new(&entries);
        let key_ids = KeyIds::new(&entries);
        let rule_ids = RuleIds::new(&entries);
        Ok(Lexicon {
            files,
            entries,
            furniture,
            matcher,
            place_context,
            names,
            key_ids,
            rule_ids,
        })
    }
}

/// Per place (by index), the normalised words that tell which of several places of one
/// name a text means ([`Lexicon::place_context`]), with one automaton of them all: an
/// article's occurrences of every word are found in one pass ([`PlaceContext::find`]),
/// then a place's score in any part of it is counted from them ([`PlaceContext::score`]).
#[derive(Debug, Clone, Default)]
pub struct PlaceContext {
    /// Per place, its words as the automaton's pattern ids (a word may repeat, and
    /// counts twice).
    places: Vec<Vec<u32>>,
    /// The distinct words, each a pattern.
    automaton: Option<AhoCorasick>,
}

/// Where the context words occur in a text: (word, start, end), sorted.
#[derive(Debug, Clone, Default)]
pub struct ContextHits(Vec<(u32, u32, u32)>);

impl PlaceContext {
    fn new(entries: &Entries) -> Result<PlaceContext, LexiconError> {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut words = Vec::new();
        let places = place_context(entries)
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|w| {
                        *index.entry(w).or_insert_with_key(|w| {
                            words.push(w.clone());
                            (words.len() - 1) as u32
                        })
                    })
                    .collect()
            })
            .collect();
        // Standard semantics, overlapping: every occurrence of every word, as `contains`
        // would find each.
        let automaton = if words.is_empty() {
            None
        } else {
            // A DFA: the words are a few hundred, so it is small, and it scans several
            // times faster than the builder's NFA.
            let built = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&words);
            Some(built.map_err(|e| LexiconError::automaton("places' context words", &e))?)
        };
        Ok(PlaceContext { places, automaton })
    }

    /// Every occurrence of every context word in `text` (normalised), in one pass.
    pub fn find(&self, text: &str) -> ContextHits {
        let mut hits: Vec<(u32, u32, u32)> = match &self.automaton {
            Some(ac) => ac
                .find_overlapping_iter(text)
                .map(|m| (m.pattern().as_u32(), m.start() as u32, m.end() as u32))
                .collect(),
            None => Vec::new(),
        };
        hits.sort_unstable();
        ContextHits(hits)
    }

    /// How many of `place`'s words occur inside `scope` of the normalised text `hits` were
    /// found in: `text[scope].contains(word)` for each, counted.
    pub fn score(&self, place: usize, hits: &ContextHits, scope: NormSpan) -> usize {
        self.places.get(place).map_or(0, |list| {
            list.iter()
                .filter(|&&w| {
                    let from = hits.0.partition_point(|h| h.0 < w);
                    hits.0[from..]
                        .iter()
                        .take_while(|h| h.0 == w)
                        .any(|&(_, start, end)| scope.start <= start as usize && end as usize <= scope.end)
                })
                .count()
        })
    }
}

/// See [`Lexicon::place_context`]. Empty words are dropped (they would match anything).
fn place_context(entries: &Entries) -> Vec<Vec<String>> {
    let places = &entries.places;
    places
        .iter()
        .map(|p| {
            let p = &p.entry;
            let mut words: Vec<String> = p.context.iter().map(|w| crate::normalize::normalize(w)).collect();
            let mut within = p.within.as_ref();
            for _ in 0..8 {
                let Some(e) = within.and_then(|w| places.iter().find(|e| e.entry.id.get_ref() == w)) else {
                    break;
                };
                words.extend(e.entry.aliases.iter().map(|a| crate::normalize::normalize(&a.text)));
                within = e.entry.within.as_ref();
            }
            words.retain(|w| !w.is_empty());
            words
        })
        .collect()
}

/// The values a frame's link key is made of, by entry index, each allocated once: a run
/// keys millions of frames with the same few thousand ids, and a key holds a clone (a
/// reference count) rather than a copy of the string.
#[derive(Debug, Clone)]
pub struct KeyIds {
    /// Per place, its id.
    pub places: Vec<Arc<str>>,
    /// Per actor, its group: the top of its `part_of` chain.
    pub groups: Vec<Arc<str>>,
    /// Per actor, its side: its declared `side`, else its group.
    pub sides: Vec<Arc<str>>,
    /// Per predicate, its id.
    pub predicates: Vec<Arc<str>>,
    /// The modality of an event that happened.
    pub actual: Arc<str>,
    /// The modality of an event that may happen.
    pub possible: Arc<str>,
}

impl KeyIds {
    fn new(entries: &Entries) -> KeyIds {
        let actors = &entries.actors;
        // An id names its first entry (entries of one id in two languages stand side by
        // side), found by a map rather than a scan, so loading stays linear.
        let mut actor_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            actor_at.entry(a.entry.id.get_ref()).or_insert(i);
        }
        // Walks up `part_of` (stopping at a declared `side` when `sides`).
        let top = |actor: usize, sides: bool| -> Arc<str> {
            let mut at = actor;
            for _ in 0..8 {
                let a = &actors[at].entry;
                if sides && let Some(s) = &a.side {
                    return Arc::from(s.as_str());
                }
                match a.part_of.first().and_then(|p| actor_at.get(p.as_str())) {
                    Some(&parent) => at = parent,
                    None => break,
                }
            }
            Arc::from(actors[at].entry.id.get_ref().as_str())
        };
        KeyIds {
            places: entries
                .places
                .iter()
                .map(|p| Arc::from(p.entry.id.get_ref().as_str()))
                .collect(),
            groups: (0..actors.len()).map(|a| top(a, false)).collect(),
            sides: (0..actors.len()).map(|a| top(a, true)).collect(),
            predicates: entries
                .predicates
                .iter()
                .map(|p| Arc::from(p.entry.id.get_ref().as_str()))
                .collect(),
            actual: Arc::from("actual"),
            possible: Arc::from("possible"),
        }
    }
}

/// The rule ids of lexicon entries as segments and frames cite them, by entry index, each
/// allocated once: every sentence cites a few, and a clone is a reference count rather
/// than a copy of the string.
#[derive(Debug, Clone)]
pub struct RuleIds {
    /// Per cue, its id.
    pub cues: Vec<Arc<str>>,
    /// Per marker, its id.
    pub markers: Vec<Arc<str>>,
    /// Per known source, its id.
    pub sources: Vec<Arc<str>>,
    /// Per actor, its id.
    pub actors: Vec<Arc<str>>,
    /// Per source noun, `NOUN/` and its id.
    pub nouns: Vec<Arc<str>>,
    /// Per predicate, `PRED/` and its id.
    pub predicates: Vec<Arc<str>>,
}

impl RuleIds {
    fn new(entries: &Entries) -> RuleIds {
        fn ids<T: HasId>(prefix: &str, entries: &[Entry<T>]) -> Vec<Arc<str>> {
            entries
                .iter()
                .map(|e| Arc::from(format!("{prefix}{}", e.entry.id())))
                .collect()
        }
        RuleIds {
            cues: ids("", &entries.cues),
            markers: ids("", &entries.markers),
            sources: ids("", &entries.sources),
            actors: ids("", &entries.actors),
            nouns: ids("NOUN/", &entries.source_nouns),
            predicates: ids("PRED/", &entries.predicates),
        }
    }
}

/// Merges packs in order.
fn merged(files: &[PackFile]) -> Entries {
    let mut e = Entries::default();
    for (i, f) in files.iter().enumerate() {
        let p = f.pack.clone();
        let lang = p.lexicon.language.clone().unwrap_or_else(|| "und".to_owned());
        merge(&mut e.cues, p.cue, i, &lang, |c| c.language.clone());
        merge(&mut e.markers, p.marker, i, &lang, |m| m.language.clone());
        merge(&mut e.particles, p.particle, i, &lang, |m| m.language.clone());
        merge(&mut e.source_nouns, p.source_noun, i, &lang, |m| m.language.clone());
        merge(&mut e.sources, p.source, i, &lang, |_| None);
        merge(&mut e.actors, p.actor, i, &lang, |_| None);
        merge(&mut e.places, p.place, i, &lang, |_| None);
        merge(&mut e.predicates, p.predicate, i, &lang, |_| None);
        merge(&mut e.furniture, p.furniture, i, &lang, |_| None);
        merge(&mut e.bylines, p.byline, i, &lang, |_| None);
        if p.subheading.is_some() {
            e.subheading = p.subheading;
        }
        if p.author_line.is_some() {
            e.author_line = p.author_line;
        }
    }
    e
}

/// The files behind `--lexicon` arguments: a file as given, a directory's `*.toml` files
/// in sorted order.
fn user_files(paths: &[PathBuf], errors: &mut Vec<LexiconError>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(rd) => {
                    let mut found: Vec<PathBuf> = rd
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|f| f.extension().is_some_and(|x| x == "toml"))
                        .collect();
                    found.sort();
                    out.extend(found);
                }
                Err(e) => errors.push(LexiconError {
                    path: p.display().to_string(),
                    position: None,
                    message: format!("cannot read directory: {e}"),
                    hint: String::new(),
                }),
            }
        } else {
            out.push(p.clone());
        }
    }
    out
}
