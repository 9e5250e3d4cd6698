//! The gold annotation format (`docs/eval.md`): parsing and validation.
//!
//! Input: the text of a gold TOML file (and, for [`Gold::validate`], the article texts).
//! Output: a [`Gold`] whose every id reference has been resolved, or every problem found,
//! each as a [`GoldError`] naming the gold file's line.
//!
//! Two phases, as for command-line arguments: [`Gold::parse`] checks what the file says on
//! its own (syntax, keys, required fields, enumerations, ids and the references between
//! them); [`Gold::validate`] checks it against the articles (files present, quotes, cues and
//! lines verbatim in their article). Both collect every error rather than stopping at the
//! first, because a lexicon author annotating a new article wants the whole list at once.
//!
//! The file is walked as a spanned TOML tree ([`toml::de::DeTable`]) instead of being
//! deserialised with serde: serde stops at the first error and does not report every unknown
//! key with its line.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::ArticleText;
use super::locate;
use crate::model::{Polarity, Reality, Stance};

/// A problem in a gold (or thresholds) file, at one of its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldError {
    /// The gold file, as given.
    pub path: String,
    /// 1-based line in the gold file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

impl std::error::Error for GoldError {}

/// A value of the gold file with the line it stands on, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lined<T> {
    /// The value.
    pub value: T,
    /// 1-based line in the gold file.
    pub line: usize,
}

/// A parsed gold file.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// The file the gold was read from, as given (used in error messages).
    pub path: String,
    /// `[[article]]` tables, in file order.
    pub articles: Vec<GoldArticle>,
    /// `[[source]]` tables, in file order.
    pub sources: Vec<GoldSource>,
    /// `[[claim]]` tables, in file order.
    pub claims: Vec<GoldClaim>,
    /// `[[relation]]` tables, in file order.
    pub relations: Vec<GoldRelation>,
}

/// An annotated article (`[[article]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    /// Short id used by the rest of the gold file.
    pub id: Lined<String>,
    /// File name of the article (or a path ending in it); [`GoldArticle::text_in`] maps it
    /// to the article read.
    pub file: Lined<String>,
    /// The directory of the gold file that defines the article (`.` for a bare file
    /// name): a `file` that names several articles read means the one under it.
    pub dir: PathBuf,
    /// The publishing outlet, or `unknown`.
    pub outlet: String,
    /// Where the text names the outlet.
    pub outlet_cue: Option<Lined<String>>,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub published: Option<String>,
    /// BCP-47 language code.
    pub language: Option<String>,
    /// Lines of page furniture: no claim may be extracted from them.
    pub no_claims: Vec<Lined<String>>,
    /// Lines on which output is neither required nor penalised.
    pub ignore: Vec<Lined<String>>,
}

/// A source cited inside one article (`[[source]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSource {
    /// `ARTICLE/name`.
    pub id: Lined<String>,
    /// The `ARTICLE` part of the id: the article whose text holds the cues.
    pub article: String,
    /// Display label.
    pub label: String,
    /// One of [`SOURCE_KINDS`].
    pub kind: String,
    /// The source that relays this one.
    pub via: Option<String>,
    /// Places where the article names the source or refers back to it.
    pub cues: Vec<Lined<String>>,
}

/// A claim and its mentions (`[[claim]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldClaim {
    /// Stable id.
    pub id: Lined<String>,
    /// English label.
    pub label: String,
    /// The episode: claims of different episodes are different events.
    pub episode: String,
    /// Where articles make or report the claim.
    pub mentions: Vec<GoldMention>,
}

/// One place where an article makes or reports a gold claim.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldMention {
    /// The article id.
    pub article: String,
    /// Verbatim text of the article; stands for every occurrence.
    pub quote: String,
    /// Source ids from the outlet inwards; empty for the outlet's own voice.
    pub chain: Vec<String>,
    /// Asserts (default) or denies.
    pub polarity: Polarity,
    /// Plain (default), distanced or hedged.
    pub stance: Stance,
    /// Who did what where, as the sentence says it (`docs/eval.md`, "Readings"); `None`
    /// when the mention's reading is not annotated. In [`ROLE_NAMES`] order, each role at
    /// most once; a role left out of the gold table is not here and is not scored.
    pub roles: Option<Vec<GoldRole>>,
    /// Actual (default) or irrealis; scored only with `roles`.
    pub reality: Reality,
    /// Line of the quote in the gold file.
    pub line: usize,
}

/// The roles a gold reading may annotate, in report order.
pub const ROLE_NAMES: [&str; 3] = ["agent", "target", "place"];

/// One annotated role of a gold reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRole {
    /// One of [`ROLE_NAMES`]; the tool's [`Role::role`](crate::model::Role::role) it is
    /// compared with.
    pub role: &'static str,
    /// The words as the article writes them; empty when the sentence does not state the
    /// role (a tool that fills it has guessed).
    pub words: String,
    /// Line of the role in the gold file.
    pub line: usize,
}

/// The kind of a gold claim–claim relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoldRelationKind {
    /// The two claims cannot both hold; the tool must show it.
    Contradicts,
    /// The tool may merge the two claims or keep them apart.
    Either,
}

/// A relation between two gold claims (`[[relation]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldRelation {
    /// Contradicts or either.
    pub kind: GoldRelationKind,
    /// The two claim ids.
    pub claims: [String; 2],
    /// Line of the relation in the gold file.
    pub line: usize,
}

/// What a gold article's `file` names among the articles read.
#[derive(Debug, Clone)]
pub enum ArticleMatch<'t, 'a> {
    /// Exactly one article: the gold article's text.
    One(&'t ArticleText<'a>),
    /// No article read has that file name.
    None,
    /// Several do, and the gold file's directory does not tell them apart: their paths.
    Several(Vec<&'a str>),
}

impl GoldArticle {
    /// The article read that `file` names (`docs/eval.md`, "Mapping gold to a run"): the
    /// articles whose path ends with `file` (a bare name: whose file name is `file`); when
    /// there are several, the ones under the gold file's directory; one left is the match.
    ///
    /// So gold files of several corpora whose file names collide (`a/gold.toml` naming
    /// `001.txt` of `a/articles/`, `b/gold.toml` naming `001.txt` of `b/articles/`) can be
    /// scored in one call, and a gold file kept apart from a corpus whose names are unique
    /// still finds its articles.
    pub fn text_in<'t, 'a>(&self, texts: &'t [ArticleText<'a>]) -> ArticleMatch<'t, 'a> {
        let file = self.file.value.as_str();
        let named: Vec<&'t ArticleText<'a>> = texts
            .iter()
            .filter(|t| t.file_name() == file || Path::new(t.path).ends_with(file))
            .collect();
        let chosen: Vec<&'t ArticleText<'a>> = if named.len() > 1 {
            let dir = absolute(&self.dir);
            named
                .iter()
                .copied()
                .filter(|t| absolute(Path::new(t.path)).starts_with(&dir))
                .collect()
        } else {
            named.clone()
        };
        match chosen.as_slice() {
            [one] => ArticleMatch::One(one),
            [] if named.is_empty() => ArticleMatch::None,
            [] => ArticleMatch::Several(named.iter().map(|t| t.path).collect()),
            several => ArticleMatch::Several(several.iter().map(|t| t.path).collect()),
        }
    }
}

/// `path` made absolute against the working directory and with `.` and `..` resolved
/// lexically, so that `../dev/x/gold.toml` and `/work/dev/x/articles/001.txt` compare.
/// Lexical on purpose: mapping reads no file, and a path that cannot be made absolute is
/// compared as written.
fn absolute(path: &Path) -> PathBuf {
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in full.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.components().next_back(), Some(Component::Normal(_))) => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

pub use crate::model::SOURCE_KINDS;

const ARTICLE_KEYS: &[&str] = &[
    "id",
    "file",
    "outlet",
    "outlet_cue",
    "published",
    "language",
    "no_claims",
    "ignore",
];
const SOURCE_KEYS: &[&str] = &["id", "label", "kind", "via", "cues"];
const CLAIM_KEYS: &[&str] = &["id", "label", "episode", "mentions"];
const MENTION_KEYS: &[&str] = &["article", "quote", "chain", "polarity", "stance", "roles", "reality"];
const RELATION_KEYS: &[&str] = &["kind", "claims"];
const TOP_KEYS: &[&str] = &["article", "source", "claim", "relation"];

impl Gold {
    /// Parses a gold file; `path` names the file in errors and places it: its directory is
    /// where the file's articles are looked for first ([`GoldArticle::text_in`]).
    ///
    /// Checks everything that does not need the article texts: TOML syntax, unknown keys,
    /// missing fields, enumerations, duplicate ids and references to unknown ids.
    pub fn parse(src: &str, path: &str) -> Result<Gold, Vec<GoldError>> {
        let mut r = Reader::new(src, path);
        r.dir = match Path::new(path).parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (doc, syntax) = DeTable::parse_recoverable(src);
        if !syntax.is_empty() {
            // The recovered tree would only add confusing follow-up errors.
            for e in syntax {
                let offset = e.span().map(|s| s.start).unwrap_or(0);
                let (line, column) = r.line_column(offset);
                r.errors.push(GoldError {
                    path: path.to_string(),
                    line,
                    message: format!("TOML syntax error at {line}:{column}: {}", e.message()),
                });
            }
            return Err(r.errors);
        }
        let mut gold = Gold {
            path: path.to_string(),
            ..Gold::default()
        };
        let root = doc.get_ref();
        r.unknown_keys(root, TOP_KEYS, "the top level");
        for item in r.tables(root, "article") {
            if let Some(a) = r.article(item) {
                gold.articles.push(a);
            }
        }
        for item in r.tables(root, "source") {
            if let Some(s) = r.source(item) {
                gold.sources.push(s);
            }
        }
        for item in r.tables(root, "claim") {
            if let Some(c) = r.claim(item) {
                gold.claims.push(c);
            }
        }
        for item in r.tables(root, "relation") {
            if let Some(rel) = r.relation(item) {
                gold.relations.push(rel);
            }
        }
        gold.check_references(&mut r);
        if r.errors.is_empty() {
            Ok(gold)
        } else {
            r.errors.sort_by_key(|e| e.line);
            Err(r.errors)
        }
    }

    /// Reads and parses a gold file.
    pub fn load(path: &Path) -> Result<Gold, Vec<GoldError>> {
        let shown = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(src) => Gold::parse(&src, &shown),
            Err(e) => Err(vec![GoldError {
                path: shown,
                line: 0,
                message: format!("cannot read the gold file: {e}"),
            }]),
        }
    }

    /// Merges gold files annotating different articles into one, so that claims that
    /// share an id across files (an English article restating an Arabic one's claim)
    /// are one claim: their mentions are pooled, their relations joined. Each file
    /// should be validated on its own first; merging only fails on an article or source
    /// id that two files both define.
    pub fn merge(golds: Vec<Gold>) -> Result<Gold, Vec<GoldError>> {
        let mut out = Gold {
            path: golds.iter().map(|g| g.path.as_str()).collect::<Vec<_>>().join("+"),
            ..Gold::default()
        };
        let mut errors = Vec::new();
        for g in golds {
            for a in g.articles {
                if out.articles.iter().any(|b| b.id.value == a.id.value) {
                    errors.push(GoldError {
                        path: g.path.clone(),
                        line: a.id.line,
                        message: format!("article id `{}` is defined by another gold file too", a.id.value),
                    });
                    continue;
                }
                out.articles.push(a);
            }
            for s in g.sources {
                if out.sources.iter().any(|b| b.id.value == s.id.value) {
                    errors.push(GoldError {
                        path: g.path.clone(),
                        line: s.id.line,
                        message: format!("source id `{}` is defined by another gold file too", s.id.value),
                    });
                    continue;
                }
                out.sources.push(s);
            }
            for c in g.claims {
                match out.claims.iter_mut().find(|b| b.id.value == c.id.value) {
                    Some(existing) => existing.mentions.extend(c.mentions),
                    None => out.claims.push(c),
                }
            }
            for r in g.relations {
                let same = |o: &GoldRelation| {
                    o.kind == r.kind
                        && (o.claims == r.claims || (o.claims[0] == r.claims[1] && o.claims[1] == r.claims[0]))
                };
                if !out.relations.iter().any(same) {
                    out.relations.push(r);
                }
            }
        }
        if errors.is_empty() { Ok(out) } else { Err(errors) }
    }

    /// Checks the gold against the article texts: every article's `file` names one of
    /// `texts` ([`GoldArticle::text_in`]), every quote, cue, `outlet_cue` and non-empty role
    /// occurs verbatim in its article, and every
    /// `no_claims` and `ignore` string is a whole (trimmed) line of its article.
    pub fn validate(&self, texts: &[ArticleText<'_>]) -> Vec<GoldError> {
        let mut errors = Vec::new();
        let mut err = |line: usize, message: String| {
            errors.push(GoldError {
                path: self.path.clone(),
                line,
                message,
            })
        };
        let mut text_of: HashMap<&str, &str> = HashMap::new();
        for a in &self.articles {
            match a.text_in(texts) {
                ArticleMatch::One(t) => {
                    text_of.insert(a.id.value.as_str(), t.text);
                }
                ArticleMatch::None => err(
                    a.file.line,
                    format!(
                        "article `{}`: file `{}` is not among the articles read",
                        a.id.value, a.file.value
                    ),
                ),
                ArticleMatch::Several(paths) => err(
                    a.file.line,
                    format!(
                        "article `{}`: file `{}` names {} articles read ({}), and the gold file's directory `{}` \
                         does not tell them apart\n  \
                         hint: keep the gold file beside the folder of its articles (`…/gold.toml` with \
                         `…/articles/`), or write a longer path in `file` (`articles/001.txt`)",
                        a.id.value,
                        a.file.value,
                        paths.len(),
                        paths.join(", "),
                        a.dir.display()
                    ),
                ),
            }
        }
        for a in &self.articles {
            let Some(text) = text_of.get(a.id.value.as_str()) else {
                continue;
            };
            if let Some(cue) = &a.outlet_cue
                && locate::occurrences(text, &cue.value).is_empty()
            {
                err(
                    cue.line,
                    format!("outlet_cue does not occur in article `{}`: `{}`", a.id.value, cue.value),
                );
            }
            for (field, lines) in [("no_claims", &a.no_claims), ("ignore", &a.ignore)] {
                for l in lines {
                    if locate::whole_lines(text, &l.value).is_empty() {
                        err(
                            l.line,
                            format!(
                                "{field} string is not a whole line of article `{}`: `{}`",
                                a.id.value, l.value
                            ),
                        );
                    }
                }
            }
        }
        for s in &self.sources {
            let Some(text) = text_of.get(s.article.as_str()) else {
                continue;
            };
            for cue in &s.cues {
                if locate::occurrences(text, &cue.value).is_empty() {
                    err(
                        cue.line,
                        format!(
                            "cue of source `{}` does not occur in article `{}`: `{}`",
                            s.id.value, s.article, cue.value
                        ),
                    );
                }
            }
        }
        for c in &self.claims {
            for m in &c.mentions {
                let Some(text) = text_of.get(m.article.as_str()) else {
                    continue;
                };
                if locate::occurrences(text, &m.quote).is_empty() {
                    err(
                        m.line,
                        format!(
                            "quote of claim `{}` does not occur in article `{}`: `{}`",
                            c.id.value, m.article, m.quote
                        ),
                    );
                }
                for role in m.roles.iter().flatten() {
                    if !role.words.is_empty() && locate::occurrences(text, &role.words).is_empty() {
                        err(
                            role.line,
                            format!(
                                "{} of claim `{}` does not occur in article `{}`: `{}`",
                                role.role, c.id.value, m.article, role.words
                            ),
                        );
                    }
                }
            }
        }
        errors.sort_by_key(|e| e.line);
        errors
    }

    /// The article with gold id `id`.
    pub fn article(&self, id: &str) -> Option<&GoldArticle> {
        self.articles.iter().find(|a| a.id.value == id)
    }

    /// The source with id `id`.
    pub fn source(&self, id: &str) -> Option<&GoldSource> {
        self.sources.iter().find(|s| s.id.value == id)
    }

    /// The relation between two claims, in either order, if the gold names one.
    pub fn relation(&self, a: &str, b: &str) -> Option<GoldRelationKind> {
        self.relations
            .iter()
            .find(|r| (r.claims[0] == a && r.claims[1] == b) || (r.claims[0] == b && r.claims[1] == a))
            .map(|r| r.kind)
    }

    /// Duplicate ids and references to ids the file does not define.
    fn check_references(&self, r: &mut Reader<'_>) {
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        let ids = self
            .articles
            .iter()
            .map(|a| ("article", &a.id))
            .chain(self.sources.iter().map(|s| ("source", &s.id)))
            .chain(self.claims.iter().map(|c| ("claim", &c.id)));
        for (what, id) in ids {
            if let Some(first) = seen.get(&(what, id.value.as_str())) {
                r.error_at_line(
                    id.line,
                    format!("duplicate {what} id `{}` (first at line {first})", id.value),
                );
            } else {
                seen.insert((what, id.value.as_str()), id.line);
            }
        }
        for s in &self.sources {
            if self.article(&s.article).is_none() {
                r.error_at_line(
                    s.id.line,
                    format!(
                        "source id `{}` must be ARTICLE/name with a known article id",
                        s.id.value
                    ),
                );
            }
            if let Some(via) = &s.via {
                match self.source(via) {
                    None => r.error_at_line(s.id.line, format!("unknown source `{via}` in via")),
                    Some(v) if v.article != s.article => r.error_at_line(
                        s.id.line,
                        format!("via `{via}` is not a source of article `{}`", s.article),
                    ),
                    Some(_) => {}
                }
            }
        }
        for c in &self.claims {
            for m in &c.mentions {
                if self.article(&m.article).is_none() {
                    r.error_at_line(m.line, format!("unknown article `{}` in mention", m.article));
                }
                for id in &m.chain {
                    match self.source(id) {
                        None => r.error_at_line(m.line, format!("unknown source `{id}` in chain")),
                        Some(s) if s.article != m.article => r.error_at_line(
                            m.line,
                            format!("source `{id}` in chain is not a source of article `{}`", m.article),
                        ),
                        Some(_) => {}
                    }
                }
            }
        }
        for rel in &self.relations {
            for id in &rel.claims {
                if !self.claims.iter().any(|c| &c.id.value == id) {
                    r.error_at_line(rel.line, format!("unknown claim `{id}` in relation"));
                }
            }
            if rel.claims[0] == rel.claims[1] {
                r.error_at_line(rel.line, "a relation needs two different claims".to_string());
            }
        }
    }
}

type Value<'i> = Spanned<DeValue<'i>>;

/// Walks the spanned TOML tree, collecting errors.
struct Reader<'s> {
    src: &'s str,
    path: &'s str,
    /// The gold file's directory, given to every article.
    dir: PathBuf,
    errors: Vec<GoldError>,
}

impl<'s> Reader<'s> {
    fn new(src: &'s str, path: &'s str) -> Self {
        Reader {
            src,
            path,
            dir: PathBuf::new(),
            errors: Vec::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset of the gold file.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = locate::line_of(self.src, offset);
        let line_start = self.src[..offset].rfind('\n').map_or(0, |i| i + 1);
        (line, self.src[line_start..offset].chars().count() + 1)
    }

    fn line(&self, span: Range<usize>) -> usize {
        locate::line_of(self.src, span.start)
    }

    fn error_at_line(&mut self, line: usize, message: String) {
        self.errors.push(GoldError {
            path: self.path.to_string(),
            line,
            message,
        });
    }

    fn error(&mut self, span: Range<usize>, message: String) {
        let line = self.line(span);
        self.error_at_line(line, message);
    }

    fn unknown_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], what: &str) {
        for (key, _) in table.iter() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                self.error(
                    key.span(),
                    format!(
                        "unknown key `{}` in {what} (expected one of: {})",
                        key.get_ref(),
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    /// The tables of the array of tables `[[key]]`, if present.
    fn tables<'t, 'i>(&mut self, root: &'t DeTable<'i>, key: &str) -> Vec<&'t Value<'i>> {
        let Some((k, v)) = root.iter().find(|(k, _)| k.get_ref() == key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                self.error(k.span(), format!("`{key}` must be an array of tables ([[{key}]])"));
                Vec::new()
            }
        }
    }

    /// `value` as a table with only `allowed` keys.
    fn table<'t, 'i>(&mut self, value: &'t Value<'i>, allowed: &[&str], what: &str) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => {
                self.unknown_keys(t, allowed, what);
                Some(t)
            }
            other => {
                self.error(
                    value.span(),
                    format!("{what} must be a table, not a {}", other.type_str()),
                );
                None
            }
        }
    }

    fn field<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Value<'i>> {
        table.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
    }

    fn optional_str(&mut self, table: &DeTable<'_>, key: &str, what: &str) -> Option<Lined<String>> {
        let v = Self::field(table, key)?;
        match v.get_ref() {
            DeValue::String(s) if s.is_empty() => {
                self.error(v.span(), format!("`{key}` of {what} is empty"));
                None
            }
            DeValue::String(s) => Some(Lined {
                value: s.to_string(),
                line: self.line(v.span()),
            }),
            other => {
                self.error(
                    v.span(),
                    format!("`{key}` of {what} must be a string, not a {}", other.type_str()),
                );
                None
            }
        }
    }

    /// A required string; `at` is the span of the table, for the missing-field error.
    fn required_str(&mut self, table: &DeTable<'_>, at: Range<usize>, key: &str, what: &str) -> Option<Lined<String>> {
        if Self::field(table, key).is_none() {
            self.error(at, format!("{what} is missing required field `{key}`"));
            return None;
        }
        self.optional_str(table, key, what)
    }

    /// An array of strings; absent means empty.
    fn str_list(&mut self, table: &DeTable<'_>, key: &str, what: &str) -> Vec<Lined<String>> {
        let Some(v) = Self::field(table, key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.error(v.span(), format!("`{key}` of {what} must be an array of strings"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) if !s.is_empty() => out.push(Lined {
                    value: s.to_string(),
                    line: self.line(item.span()),
                }),
                _ => self.error(item.span(), format!("`{key}` of {what} must hold non-empty strings")),
            }
        }
        out
    }

    fn required_list(
        &mut self,
        table: &DeTable<'_>,
        at: Range<usize>,
        key: &str,
        what: &str,
    ) -> Option<Vec<Lined<String>>> {
        if Self::field(table, key).is_none() {
            self.error(at, format!("{what} is missing required field `{key}`"));
            return None;
        }
        Some(self.str_list(table, key, what))
    }

    fn article(&mut self, item: &Value<'_>) -> Option<GoldArticle> {
        let what = "[[article]]";
        let t = self.table(item, ARTICLE_KEYS, what)?;
        let at = item.span();
        let id = self.required_str(t, at.clone(), "id", what);
        let file = self.required_str(t, at.clone(), "file", what);
        let outlet = self.required_str(t, at.clone(), "outlet", what);
        let outlet_cue = self.optional_str(t, "outlet_cue", what);
        let published = self.optional_str(t, "published", what).map(|l| l.value);
        let language = self.optional_str(t, "language", what).map(|l| l.value);
        let no_claims = self.str_list(t, "no_claims", what);
        let ignore = self.str_list(t, "ignore", what);
        Some(GoldArticle {
            id: id?,
            file: file?,
            dir: self.dir.clone(),
            outlet: outlet?.value,
            outlet_cue,
            published,
            language,
            no_claims,
            ignore,
        })
    }

    fn source(&mut self, item: &Value<'_>) -> Option<GoldSource> {
        let what = "[[source]]";
        let t = self.table(item, SOURCE_KEYS, what)?;
        let at = item.span();
        let id = self.required_str(t, at.clone(), "id", what);
        let label = self.required_str(t, at.clone(), "label", what);
        let kind = self.required_str(t, at.clone(), "kind", what);
        let via = self.optional_str(t, "via", what).map(|l| l.value);
        let cues = self.required_list(t, at, "cues", what);
        if let Some(k) = &kind
            && !SOURCE_KINDS.contains(&k.value.as_str())
        {
            self.error_at_line(
                k.line,
                format!(
                    "bad source kind `{}` (expected one of: {})",
                    k.value,
                    SOURCE_KINDS.join(", ")
                ),
            );
        }
        let id = id?;
        let article = match id.value.split_once('/') {
            Some((article, name)) if !article.is_empty() && !name.is_empty() => article.to_string(),
            _ => {
                self.error_at_line(id.line, format!("source id `{}` must be ARTICLE/name", id.value));
                return None;
            }
        };
        Some(GoldSource {
            id,
            article,
            label: label?.value,
            kind: kind?.value,
            via,
            cues: cues?,
        })
    }

    fn claim(&mut self, item: &Value<'_>) -> Option<GoldClaim> {
        let what = "[[claim]]";
        let t = self.table(item, CLAIM_KEYS, what)?;
        let at = item.span();
        let id = self.required_str(t, at.clone(), "id", what);
        let label = self.required_str(t, at.clone(), "label", what);
        let episode = self.required_str(t, at.clone(), "episode", what);
        let mentions = match Self::field(t, "mentions") {
            None => {
                self.error(at, format!("{what} is missing required field `mentions`"));
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::Array(items) => Some(items.iter().filter_map(|m| self.mention(m)).collect()),
                _ => {
                    self.error(v.span(), "`mentions` must be an array of tables".to_string());
                    None
                }
            },
        };
        Some(GoldClaim {
            id: id?,
            label: label?.value,
            episode: episode?.value,
            mentions: mentions?,
        })
    }

    fn mention(&mut self, item: &Value<'_>) -> Option<GoldMention> {
        let what = "mention";
        let t = self.table(item, MENTION_KEYS, what)?;
        let at = item.span();
        let article = self.required_str(t, at.clone(), "article", what);
        let quote = self.required_str(t, at.clone(), "quote", what);
        let chain = self.required_list(t, at.clone(), "chain", what);
        let polarity = match self.optional_str(t, "polarity", what) {
            None => Some(Polarity::Asserts),
            Some(p) => match p.value.as_str() {
                "asserts" => Some(Polarity::Asserts),
                "denies" => Some(Polarity::Denies),
                other => {
                    self.error_at_line(p.line, format!("bad polarity `{other}` (expected asserts or denies)"));
                    None
                }
            },
        };
        let stance = match self.optional_str(t, "stance", what) {
            None => Some(Stance::Plain),
            Some(s) => match s.value.as_str() {
                "plain" => Some(Stance::Plain),
                "distanced" => Some(Stance::Distanced),
                "hedged" => Some(Stance::Hedged),
                other => {
                    self.error_at_line(
                        s.line,
                        format!("bad stance `{other}` (expected plain, distanced or hedged)"),
                    );
                    None
                }
            },
        };
        let reality = match self.optional_str(t, "reality", what) {
            None => Some(Reality::Actual),
            Some(r) => match r.value.as_str() {
                "actual" => Some(Reality::Actual),
                "irrealis" => Some(Reality::Irrealis),
                other => {
                    self.error_at_line(r.line, format!("bad reality `{other}` (expected actual or irrealis)"));
                    None
                }
            },
        };
        let roles = match Self::field(t, "roles") {
            None => Some(None),
            Some(v) => self.roles(v).map(Some),
        };
        let quote = quote?;
        Some(GoldMention {
            article: article?.value,
            line: quote.line,
            quote: quote.value,
            chain: chain?.into_iter().map(|l| l.value).collect(),
            polarity: polarity?,
            stance: stance?,
            roles: roles?,
            reality: reality?,
        })
    }

    /// A mention's `roles` table: only [`ROLE_NAMES`], each a string (`""` allowed: the
    /// sentence does not state the role).
    fn roles(&mut self, value: &Value<'_>) -> Option<Vec<GoldRole>> {
        let what = "roles";
        let t = self.table(value, &ROLE_NAMES, what)?;
        let mut out = Vec::new();
        let mut ok = true;
        for role in ROLE_NAMES {
            let Some(v) = Self::field(t, role) else {
                continue;
            };
            match v.get_ref() {
                DeValue::String(words) => out.push(GoldRole {
                    role,
                    words: words.to_string(),
                    line: self.line(v.span()),
                }),
                other => {
                    self.error(
                        v.span(),
                        format!("`{role}` of {what} must be a string, not a {}", other.type_str()),
                    );
                    ok = false;
                }
            }
        }
        // An unknown role name was reported by `table`; the mention is still dropped so
        // that a misspelt role is never silently left unscored.
        let unknown = t.iter().any(|(k, _)| !ROLE_NAMES.contains(&k.get_ref().as_ref()));
        (ok && !unknown).then_some(out)
    }

    fn relation(&mut self, item: &Value<'_>) -> Option<GoldRelation> {
        let what = "[[relation]]";
        let t = self.table(item, RELATION_KEYS, what)?;
        let at = item.span();
        let kind = self.required_str(t, at.clone(), "kind", what);
        let claims = self.required_list(t, at.clone(), "claims", what);
        let line = self.line(at);
        let kind = kind?;
        let kind = match kind.value.as_str() {
            "contradicts" => GoldRelationKind::Contradicts,
            "either" => GoldRelationKind::Either,
            other => {
                self.error_at_line(
                    kind.line,
                    format!("bad relation kind `{other}` (expected contradicts or either)"),
                );
                return None;
            }
        };
        let claims = claims?;
        let [a, b] = claims.as_slice() else {
            self.error_at_line(
                line,
                format!("a relation names exactly two claims, not {}", claims.len()),
            );
            return None;
        };
        Some(GoldRelation {
            kind,
            claims: [a.value.clone(), b.value.clone()],
            line,
        })
    }
}
