//! Scoring a run against gold annotations (`docs/eval.md`).
//!
//! Input: a [`gold::Gold`] file, a [`Run`](crate::model::Run), and the texts of the run's articles with their
//! sentence spans. Output: a [`Report`] with the metrics of `docs/eval.md` (mentions,
//! attribution, links, contradictions, stances, furniture, and the readings: frames, roles,
//! reality) and the misses a lexicon author needs to fix, rendered as a table
//! ([`render_text`]) or JSON (serde), and checked against [`Thresholds`].
//!
//! Invariants: scoring never reads files and never fails; a gold file is validated
//! against the article texts before it is used, and every problem names the gold file's
//! line. Gold and run meet only through article text positions: a gold quote is located
//! by searching the original bytes, a tool mention by its spans; nothing compares strings
//! of normalised text. The same inputs give the same report, misses in the same order.
//! A gold article names its run article by path ([`gold::GoldArticle::text_in`]): the file
//! name, told apart by the gold file's directory when several articles share it.
//!
//! Code map: `gold` parses and validates the gold file; `locate` finds gold strings in
//! article text; `scoring` computes the metrics and misses; `perfect` builds the run a
//! perfect tool would produce (used by tests and by the CLI to check a gold file);
//! `render` draws the text table; `thresholds` holds the pass/fail limits.

pub mod gold;
mod locate;
mod perfect;
mod render;
mod scoring;
pub mod thresholds;

pub use perfect::run_from_gold;
pub use render::render_text;
pub use scoring::score;
pub use thresholds::Thresholds;

use crate::model::{Polarity, Reality, Span, Stance};
use serde::{Serialize, Serializer};
use std::fmt;

/// What the scorer needs of one article besides the run: its text and sentences.
#[derive(Debug, Clone)]
pub struct ArticleText<'a> {
    /// The run's article id (`articles[].id`).
    pub id: &'a str,
    /// The path as the run displays it (`articles[].path`): gold `file` fields name its
    /// last component, and a gold file's directory tells apart articles of one name.
    pub path: &'a str,
    /// The original text (what `Span`s index).
    pub text: &'a str,
    /// The sentence spans of the segmenter, in order; two gold quotes in the same one
    /// are "in the same sentence" for link metrics.
    pub sentences: Vec<Span>,
}

impl<'a> ArticleText<'a> {
    /// What the scorer needs of an analysed article.
    pub fn of(a: &'a crate::pipeline::Analysis) -> ArticleText<'a> {
        ArticleText {
            id: &a.article.id,
            path: &a.article.path,
            text: &a.article.text,
            sentences: a.segments.sentences.iter().map(|s| s.span.into()).collect(),
        }
    }

    /// The file name of the displayed path (`dir/000_x.txt` → `000_x.txt`; a JSONL
    /// record's `feed.jsonl:3` → `feed.jsonl:3`), which gold `file` fields name.
    pub fn file_name(&self) -> &'a str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(self.path)
    }
}

/// What the scorer needs of every analysed article, in order.
pub fn article_texts(analyses: &[crate::pipeline::Analysis]) -> Vec<ArticleText<'_>> {
    analyses.iter().map(ArticleText::of).collect()
}

/// The metrics of `docs/eval.md`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Gold mentions with at least one matching tool mention.
    pub mention_recall: Ratio,
    /// Matched gold mentions whose innermost source is right.
    pub attribution_accuracy: Ratio,
    /// Matched gold mentions whose whole chain is right.
    pub chain_accuracy: Ratio,
    /// Pairs of gold mentions of one claim whose matches share a tool claim.
    pub link_recall: Ratio,
    /// The same, for pairs across outlets.
    pub link_recall_cross_outlet: Ratio,
    /// Pairs of strict matches sharing a tool claim that are right to share it.
    pub link_precision: Ratio,
    /// Gold contradictions the run shows.
    pub contradiction_recall: Ratio,
    /// Non-plain gold stances the run carries.
    pub stance_accuracy: Ratio,
    /// Tool frames (mentions of claims that are not open) whose evidence overlaps a quote.
    pub frame_precision: Ratio,
    /// Annotated roles of gold readings that the best strict frame fills right.
    pub role_accuracy: Ratio,
    /// The same, agent roles only.
    pub role_accuracy_agent: Ratio,
    /// The same, target roles only.
    pub role_accuracy_target: Ratio,
    /// The same, place roles only.
    pub role_accuracy_place: Ratio,
    /// Gold readings with a strict frame whose best frame is fully right.
    pub reading_precision: Ratio,
    /// Gold readings with a fully right frame.
    pub reading_recall: Ratio,
    /// Tool mentions on `no_claims` lines.
    pub furniture_errors: usize,
}

impl Metrics {
    /// The ratio metrics with their names (the field names), in report order.
    ///
    /// One list, so that the table, the JSON and the thresholds cannot disagree on names.
    pub fn ratios(&self) -> [(&'static str, Ratio); 15] {
        [
            ("mention_recall", self.mention_recall),
            ("attribution_accuracy", self.attribution_accuracy),
            ("chain_accuracy", self.chain_accuracy),
            ("link_recall", self.link_recall),
            ("link_recall_cross_outlet", self.link_recall_cross_outlet),
            ("link_precision", self.link_precision),
            ("contradiction_recall", self.contradiction_recall),
            ("stance_accuracy", self.stance_accuracy),
            ("frame_precision", self.frame_precision),
            ("role_accuracy", self.role_accuracy),
            ("role_accuracy_agent", self.role_accuracy_agent),
            ("role_accuracy_target", self.role_accuracy_target),
            ("role_accuracy_place", self.role_accuracy_place),
            ("reading_precision", self.reading_precision),
            ("reading_recall", self.reading_recall),
        ]
    }
}

/// `hits / total`, kept as counts so that reports can show both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    /// Numerator.
    pub hits: usize,
    /// Denominator.
    pub total: usize,
}

impl Ratio {
    /// The ratio as a number; 1.0 when there is nothing to score.
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }
}

/// The result of scoring: metrics and misses.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The metrics.
    pub metrics: Metrics,
    /// What the run got wrong, for the lexicon author.
    pub misses: Misses,
}

/// Everything the run got wrong, by kind; each list in a deterministic order (by
/// location, then gold file or run order).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Misses {
    /// Gold mentions no tool mention matches.
    pub mentions: Vec<MissedMention>,
    /// Matched gold mentions whose chain is wrong in every match.
    pub attributions: Vec<WrongAttribution>,
    /// Pairs of tool mentions wrongly put under one tool claim.
    pub links: Vec<FalseLink>,
    /// Gold contradictions the run does not show.
    pub contradictions: Vec<MissedContradiction>,
    /// Tool mentions on `no_claims` lines.
    pub furniture: Vec<FurnitureMention>,
    /// Gold readings with no fully right frame.
    pub readings: Vec<WrongReading>,
    /// Tool frames whose evidence overlaps no gold quote.
    pub spurious_frames: Vec<SpuriousFrame>,
}

/// A place in an article: the run's article id and a 1-based line; serialised and shown
/// as `article:line`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// The run's article id.
    pub article: String,
    /// 1-based line (0 when the gold quote does not occur in the text at all).
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.article, self.line)
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A tool mention, as shown next to a miss.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ToolMentionBrief {
    /// The tool claim id.
    pub claim: String,
    /// The mention's sentence text.
    pub text: String,
}

/// A gold mention that no tool mention matches.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MissedMention {
    /// Where the quote first occurs.
    pub at: Location,
    /// The gold claim id.
    pub claim: String,
    /// The gold quote.
    pub quote: String,
    /// What the tool produced on that line instead (tool mentions whose sentence overlaps it).
    pub on_line: Vec<ToolMentionBrief>,
}

/// A source, by id and label.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Named {
    /// Source id (gold or tool).
    pub id: String,
    /// Display label.
    pub label: String,
}

/// A matched gold mention none of whose matches has the right chain.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WrongAttribution {
    /// Where the quote first occurs.
    pub at: Location,
    /// The gold claim id.
    pub claim: String,
    /// The gold quote.
    pub quote: String,
    /// Whether some match has the right innermost source (only outer levels are wrong).
    pub innermost_right: bool,
    /// The gold chain, outlet inwards (gold sources).
    pub expected: Vec<Named>,
    /// The distinct chains of the matching tool mentions (tool sources), in run order.
    pub found: Vec<Vec<Named>>,
}

/// Two tool mentions in one tool claim whose gold mentions are distinct claims.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FalseLink {
    /// The tool claim id.
    pub tool_claim: String,
    /// The tool claim label.
    pub tool_label: String,
    /// The gold claims merged (of the first gold mention each tool mention strictly matches).
    pub gold_claims: [String; 2],
    /// The two gold quotes.
    pub quotes: [String; 2],
    /// Where the two tool mentions' sentences start.
    pub at: [Location; 2],
}

/// A gold contradiction the run does not show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum MissedContradiction {
    /// A `contradicts` relation between two gold claims.
    Relation {
        /// The two gold claim ids.
        claims: [String; 2],
    },
    /// A `denies` mention against the asserting mentions of its claim.
    Denial {
        /// Where the denying quote first occurs.
        at: Location,
        /// The gold claim id.
        claim: String,
        /// The denying quote.
        quote: String,
    },
}

/// A tool mention on a `no_claims` line.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FurnitureMention {
    /// Where the mention's sentence starts.
    pub at: Location,
    /// The tool claim id.
    pub claim: String,
    /// The mention's sentence text.
    pub text: String,
    /// The `no_claims` line it overlaps.
    pub furniture: String,
}

/// A role as the gold reads it: `words` empty when the sentence does not state it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RoleWords {
    /// `agent`, `target` or `place`.
    pub role: String,
    /// The words, verbatim; empty: the sentence does not state the role.
    pub words: String,
}

/// A role as the tool filled it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FoundRole {
    /// The role name (`agent`, `target`, `place`, `destination`, …).
    pub role: String,
    /// What filled it: a lexicon id, a number, or the name as written.
    pub id: String,
    /// The article words its span covers; `None` when it was not read from the text.
    pub words: Option<String>,
}

/// How the gold reads a mention.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExpectedReading {
    /// The annotated roles, in agent, target, place order.
    pub roles: Vec<RoleWords>,
    /// Actual or irrealis.
    pub reality: Reality,
    /// Asserts or denies.
    pub polarity: Polarity,
    /// Plain, distanced or hedged.
    pub stance: Stance,
    /// The gold chain, outlet inwards (gold sources).
    pub chain: Vec<Named>,
}

/// How the tool's best frame reads it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FoundReading {
    /// The tool claim id.
    pub claim: String,
    /// The tool claim key (`predicate(roles…)`).
    pub key: String,
    /// Every role of the frame, in the run's order.
    pub roles: Vec<FoundRole>,
    /// Actual or irrealis.
    pub reality: Reality,
    /// Asserts or denies.
    pub polarity: Polarity,
    /// Plain, distanced or hedged.
    pub stance: Stance,
    /// The tool chain, outlet inwards (tool sources).
    pub chain: Vec<Named>,
}

/// A gold reading that no frame reads fully right.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WrongReading {
    /// Where the quote first occurs.
    pub at: Location,
    /// The article file, as the run displays it (`at.line` is its line).
    pub file: String,
    /// The gold claim id.
    pub claim: String,
    /// The gold quote.
    pub quote: String,
    /// What the gold says.
    pub expected: ExpectedReading,
    /// What the best frame strictly matching the quote says; `None` when no frame does.
    pub found: Option<FoundReading>,
    /// What the best frame gets wrong (`agent`, `target`, `place`, `chain`, `polarity`,
    /// `stance`, `reality`); empty when there is no frame.
    pub wrong: Vec<String>,
}

/// A tool frame whose evidence overlaps no gold quote.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpuriousFrame {
    /// Where the frame's sentence starts.
    pub at: Location,
    /// The article file, as the run displays it.
    pub file: String,
    /// The tool claim id.
    pub claim: String,
    /// The tool claim key.
    pub key: String,
    /// The frame's sentence text.
    pub text: String,
}

#[cfg(test)]
mod tests;
