//! The run model: everything one run of the pipeline found, in the shape of the JSON
//! contract (`docs/json.md`).
//!
//! Every renderer (JSON, tables, DOT) and the scorer (`eval`) read this one model; none
//! re-runs extraction. The types derive `Deserialize` too, so a saved `claimgraph json`
//! document can be scored later (`claimgraph eval --run FILE`).
//!
//! Invariants (checked by `tests/json.rs` on the seeds):
//! - every `Span` is a half-open byte range into the article file exactly as it was read,
//!   on UTF-8 character boundaries, and `Mention::text` is that slice of the file;
//! - every id a record refers to (`Mention::article`, `Mention::claim`, `Mention::chain`,
//!   `Source::via`, `Relation::claims`) names a record of the same run;
//! - lists are sorted (articles by id, mentions by article then offset, claims and sources
//!   by id), so the same input gives byte-identical output.

pub mod date;
pub mod ids;

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Version of the JSON contract this model serialises to.
pub const JSON_VERSION: u32 = 1;

/// One run of the pipeline over a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// Contract version ([`JSON_VERSION`]).
    pub version: u32,
    /// The articles read, sorted by id.
    pub articles: Vec<ArticleInfo>,
    /// The publishing outlets, sorted by id.
    pub outlets: Vec<Outlet>,
    /// Sources cited inside articles, sorted by id.
    pub sources: Vec<Source>,
    /// Canonical claims, sorted by id.
    pub claims: Vec<Claim>,
    /// Every place an article makes or reports a claim, sorted by article then offset.
    pub mentions: Vec<Mention>,
    /// Derived claim–claim relations (contradictions).
    pub relations: Vec<Relation>,
    /// How each outlet names each actor: the names used and their framing.
    #[serde(default)]
    pub framing: Vec<ActorName>,
}

/// One name an outlet uses for an actor.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ActorName {
    /// The actor (a lexicon actor id, `sdf`).
    pub actor: String,
    /// The actor's English label.
    pub label: String,
    /// The outlet (`outlets[].id`).
    pub outlet: String,
    /// The name as the articles write it (`ميليشيا قسد`).
    pub name: String,
    /// Its framing: `neutral`, `pejorative` or `partisan`.
    pub framing: String,
    /// How many times the outlet's articles use it.
    pub count: usize,
}

/// A half-open byte range `[start, end)` into an article file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Whether two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span as a `Range` for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl From<crate::span::OrigSpan> for Span {
    fn from(s: crate::span::OrigSpan) -> Self {
        Span::new(s.start, s.end)
    }
}

/// An article as the output describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// Stable id: the file stem (or relative path without extension), or the JSONL `id`.
    pub id: String,
    /// The path the article was read from, as given on the command line.
    pub path: String,
    /// Id of the publishing outlet (`outlets[].id`), `unknown` when nothing names it.
    pub outlet: String,
    /// Publication date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, when known.
    pub published: Option<String>,
    /// BCP-47 language code (`ar`, `en`), `und` when undetermined.
    pub language: String,
    /// The headline, when the article has one.
    pub title: Option<String>,
    /// Where the article was published, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where each metadata field came from (`front-matter`, `manifest`, `jsonl`,
    /// `byline`, `script`, `default`), for explanation.
    #[serde(default)]
    pub metadata_from: MetadataOrigin,
    /// Lines marked as page furniture, each with the rule that marked it.
    #[serde(default)]
    pub furniture: Vec<FurnitureLine>,
}

/// Where each metadata field of an article came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetadataOrigin {
    /// Origin of `outlet`.
    pub outlet: String,
    /// Origin of `published`.
    pub published: String,
    /// Origin of `language`.
    pub language: String,
}

/// A line that is not article text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FurnitureLine {
    /// 1-based line number in the file.
    pub line: usize,
    /// The line's span (without its line end).
    pub span: Span,
    /// Id of the furniture rule that matched.
    pub rule: String,
}

/// A publishing outlet.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Outlet {
    /// Slug id (`tayf-post`).
    pub id: String,
    /// Display label (`Tayf Post`).
    pub label: String,
}

/// The source kinds of the contract (`sources[].kind`).
pub const SOURCE_KINDS: &[&str] = &[
    "state-media",
    "media",
    "social-media",
    "armed-group",
    "armed-group-media",
    "government",
    "journalist",
    "individual",
    "anonymous",
];

/// A source cited inside one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// `ARTICLE/slug`.
    pub id: String,
    /// Display label.
    pub label: String,
    /// Source kind (`state-media`, `media`, `social-media`, `armed-group`,
    /// `armed-group-media`, `government`, `journalist`, `individual`, `anonymous`).
    pub kind: String,
    /// The source that relays this one, or `None`.
    pub via: Option<String>,
    /// Every place the article names the source or refers back to it.
    pub cues: Vec<Cue>,
    /// The source's identity across articles (`known:sana`, `actor:sdf`, `person:…`),
    /// or `None` for a source only this article knows (anonymous "local sources").
    #[serde(default)]
    pub root: Option<String>,
    /// The rule (lexicon entry) that introduced the source.
    #[serde(default)]
    pub rule: String,
}

/// One independent root of a claim: an innermost source behind its mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRoot {
    /// `known:sana`, `person:…`, a per-article source id, or `outlet:ID` for an outlet's
    /// own voice. Shared (`Arc`): one source is a root of many claims, and a large run
    /// holds millions of roots.
    pub id: Arc<str>,
    /// Display label (shared as `id` is).
    pub label: Arc<str>,
    /// Whether the root is an anonymous source.
    pub anonymous: bool,
}

/// One place where an article names a source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// The article (`articles[].id`).
    pub article: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A canonical claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id.
    pub id: String,
    /// Canonical key (`withdraw(regime, ain-issa)`, or `open(…)` for an open claim).
    pub key: String,
    /// English label.
    pub label: String,
    /// Episode (`2019-11`, `undated`).
    pub episode: String,
    /// Whether no claim frame matched: the claim is the statement's own text.
    #[serde(default)]
    pub open: bool,
    /// Id of the rule that made the claim.
    #[serde(default)]
    pub rule: String,
    /// The outlets that carry it (`outlets[].id`), sorted.
    #[serde(default)]
    pub outlets: Vec<String>,
    /// The number of independent roots (distinct innermost sources).
    #[serde(default)]
    pub independent_roots: usize,
    /// The independent roots.
    #[serde(default)]
    pub roots: Vec<ClaimRoot>,
}

/// Whether a mention asserts or denies its claim.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// The source says it happened.
    #[default]
    Asserts,
    /// The source says it did not.
    Denies,
}

/// How the reporter holds the mention.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Reported without comment.
    #[default]
    Plain,
    /// The reporter marks doubt (زعم، وفق زعمها، "claimed").
    Distanced,
    /// The speaker speculates or gives an opinion (رجح، يرى، قد، "may").
    Hedged,
}

/// One place where an article makes or reports a claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Stable id (`ARTICLE/mN`).
    pub id: String,
    /// The article (`articles[].id`).
    pub article: String,
    /// The claim (`claims[].id`).
    pub claim: String,
    /// Asserts or denies.
    pub polarity: Polarity,
    /// Plain, distanced or hedged.
    pub stance: Stance,
    /// Source ids from the outlet inwards; empty for the outlet's own voice.
    pub chain: Vec<String>,
    /// The sentence the mention stands in.
    pub sentence: Span,
    /// The span the rule matched, inside `sentence`.
    pub evidence: Span,
    /// Who did what where, as the sentence says it: the roles its frame filled (empty for
    /// a mention of an open claim). A role the sentence does not state is absent.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Whether the claim is said to have happened (`actual`) or not (`irrealis`:
    /// possible, intended, demanded, conditional…).
    #[serde(default)]
    pub reality: Reality,
    /// The sentence as it stands in the article.
    pub text: String,
    /// 1-based line of the sentence's start.
    #[serde(default)]
    pub line: usize,
    /// Id of the rule that produced the mention.
    #[serde(default)]
    pub rule: String,
}

/// One role of a mention's frame: who or what filled it and where the sentence says so.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// `agent`, `target`, `place`, `destination`, `number`, `complement`.
    pub role: String,
    /// The lexicon id of what filled it (`sdf`, `ain-issa`), a number as written, or the
    /// name as written when no lexicon entry knows it.
    pub id: String,
    /// Its display label.
    pub label: String,
    /// The words of the article that filled the role; `None` when it was not read from
    /// the text.
    pub span: Option<Span>,
}

/// Whether a mention says its claim happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reality {
    /// Said to have happened, or to be the case.
    #[default]
    Actual,
    /// Not said to have happened: possible, intended, planned, demanded, offered,
    /// conditional, feared, to be prevented.
    Irrealis,
}

/// The kind of a claim–claim relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// The two claims cannot both hold.
    Contradicts,
}

/// A derived relation between two claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// The kind of relation.
    pub kind: RelationKind,
    /// The two claim ids.
    pub claims: [String; 2],
    /// The rule that produced the relation, and why.
    pub reason: String,
}

/// The outlet id of articles that name no outlet.
pub const UNKNOWN_OUTLET: &str = "unknown";

/// Whose own voice an article speaks with: its outlet id, except that each article naming
/// no outlet is its own voice (`unknown/<article id>`): two anonymous articles are never
/// one outlet, one source or one column.
pub fn voice(outlet: &str, article: &str) -> String {
    if outlet == UNKNOWN_OUTLET {
        format!("{UNKNOWN_OUTLET}/{article}")
    } else {
        outlet.to_owned()
    }
}
