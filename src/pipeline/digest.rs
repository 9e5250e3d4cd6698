//! One analysed article reduced to what the run needs of it ([`Digest`]), on the worker
//! that analysed it, so that the article's text and analysis can be dropped: its record,
//! its sources, its frames' link keys, who each frame stands on, its mentions waiting for
//! their claim ids, its open claims, and the actor names it uses.
//!
//! This is the one place where the stages' spans become spans of the original bytes (the
//! normaliser's offset map), and where sources and mentions get their ids.

use super::Analysis;
use super::store::{Block, Pending};
use crate::extract::{self, Frame};
use crate::graph::{own_root, source_root};
use crate::ingest::{InputError, Origin};
use crate::lexicon::Lexicon;
use crate::link;
use crate::model::date::PartialDate;
use crate::model::ids::{mention_id, open_claim_id, slug, source_id, statement_hash, unique};
use crate::model::{ArticleInfo, Cue, FurnitureLine, Mention, MetadataOrigin, Outlet, Polarity, Reality, Role, Source};
use crate::segment::{self, LineKind};
use crate::span::{NormSpan, OrigSpan};
use std::collections::BTreeMap;

/// The rule id of a claim no frame matched: the statement's own text.
pub const OPEN_CLAIM_RULE: &str = "EXTRACT/OPEN";

/// What one article contributes to the run, computed from its analysis alone (on the
/// worker that analysed it), so the analysis can be dropped: the article's record, its
/// sources, its frames for linking, its mentions waiting for their claim ids, and the
/// actor names it uses.
#[derive(Debug, Clone)]
pub struct Digest {
    pub(super) info: ArticleInfo,
    pub(super) outlet: Outlet,
    pub(super) published: Option<PartialDate>,
    /// Its sources: held here, or kept in the worker's temporary file.
    pub(super) sources: Block<Source>,
    /// What linking and counting roots need of the sources that mentions stand on (the
    /// innermost of a chain), by source index: the rest of a source may be on disk.
    pub(super) stands_on: Vec<StandsOn>,
    /// Its frames' keys, for linking.
    pub(super) frames: Vec<link::FrameKey>,
    /// Per frame, who it stands on: its innermost source (index in `sources`), or the
    /// outlet's own voice (`None`); see [`Digest::root`].
    pub(super) roots: Vec<Option<u32>>,
    /// `outlet:…`: the identity of the outlet's own voice in this article.
    pub(super) own_voice: String,
    pub(super) focus: Option<String>,
    /// Mentions in text order; those of a frame (its index) get their claim id when
    /// the run is assembled, those of an open claim already have it. Held here, or kept
    /// in the worker's temporary file.
    pub(super) mentions: Block<Pending>,
    /// Per mention, in the same order, what counting outlets and roots needs.
    pub(super) voices: Vec<Voice>,
    /// The open claims the mentions name: the hash of the statement's normalised text
    /// (the claim's id, [`open_claim_id`]) and the statement as written (its label).
    pub(super) open: Vec<(u64, String)>,
    /// (actor, name as written) → (framing of its first use, uses).
    pub(super) names: BTreeMap<(String, String), (String, usize)>,
    /// What the user should know about how the text was read (a sentence cut short).
    pub(super) notes: Vec<InputError>,
}

/// What counting a claim's outlets and independent roots needs of one mention.
#[derive(Debug, Clone, Copy)]
pub(super) struct Voice {
    /// Its claim: a frame's (index among the article's frames) or an open claim's
    /// (index in [`Digest::open`]).
    pub(super) claim: ClaimOf,
    /// The innermost source of its chain (index among the article's sources); `None`:
    /// the outlet's own voice.
    pub(super) source: Option<u32>,
    /// Whether the mention denies its claim.
    pub(super) denies: bool,
}

/// A mention's claim before claims have their places in the run.
#[derive(Debug, Clone, Copy)]
pub(super) enum ClaimOf {
    /// The claim of the article's frame with this index.
    Frame(u32),
    /// The open claim with this index in [`Digest::open`].
    Open(u32),
}

/// A source that mentions stand on, as a root: its identity across articles (a known
/// source, actor or named person), else its id in this article; its label; whether it is
/// anonymous.
#[derive(Debug, Clone)]
pub(super) struct StandsOn {
    /// Its index among the article's sources.
    source: u32,
    pub(super) id: String,
    pub(super) label: String,
    pub(super) anonymous: bool,
}

impl Digest {
    /// Who a frame or mention stands on, by the innermost source of its chain (`None`:
    /// the outlet's own voice, `outlet:…`).
    pub(super) fn root(&self, source: Option<u32>) -> (&String, Option<&StandsOn>) {
        let found = source.and_then(|s| {
            let at = self.stands_on.binary_search_by_key(&s, |r| r.source).ok()?;
            Some(&self.stands_on[at])
        });
        match found {
            Some(r) => (&r.id, Some(r)),
            None => (&self.own_voice, None),
        }
    }
}

/// Digests one analysed article (see [`Digest`]).
pub(super) fn digest(a: &Analysis, lexicon: &Lexicon) -> Digest {
    let (outlet, outlet_from) = resolve_outlet(a);
    let info = article_info(a, &outlet.id, outlet_from);
    let source_ids = source_ids(a);
    let sources: Vec<Source> = a
        .attribution
        .sources
        .iter()
        .enumerate()
        .map(|(k, entity)| Source {
            id: source_ids[k].clone(),
            label: entity.label.clone(),
            kind: entity.kind.clone(),
            via: entity.via.map(|v| source_ids[v].clone()),
            cues: entity
                .cues
                .iter()
                .map(|c| {
                    let span = a.norm.to_original(*c);
                    Cue {
                        article: a.article.id.clone(),
                        start: span.start,
                        end: span.end,
                    }
                })
                .collect(),
            // Known sources, actors and named people are the same source in every
            // article; a generic "local sources" is only this article's.
            root: ["known:", "actor:", "person:"]
                .iter()
                .any(|p| entity.key.starts_with(p))
                .then(|| entity.key.clone()),
            rule: entity.rule.clone(),
        })
        .collect();
    let mut mentions = Vec::new();
    let mut voices = Vec::new();
    let mut open = Vec::new();
    // Each segment's frames, gathered in one pass (not a scan of every frame per segment).
    let mut frames_of: Vec<Vec<(usize, &Frame)>> = vec![Vec::new(); a.attribution.segments.len()];
    for (k, f) in a.frames.iter().enumerate() {
        if let Some(list) = frames_of.get_mut(f.segment) {
            list.push((k, f));
        }
    }
    for (index, segment) in a.attribution.segments.iter().enumerate() {
        let sentence = &a.segments.sentences[segment.sentence];
        let text = &a.article.text[sentence.span.range()];
        let chain: Vec<String> = segment.chain.iter().map(|&c| source_ids[c].clone()).collect();
        let mut mention =
            |claim: String, frame: Option<(usize, &Frame)>, evidence: NormSpan, polarity, rule: String| {
                let n = mentions.len() + 1;
                mentions.push((
                    Mention {
                        id: mention_id(&a.article.id, n),
                        article: a.article.id.clone(),
                        claim,
                        polarity,
                        stance: segment.stance,
                        chain: chain.clone(),
                        sentence: sentence.span.into(),
                        evidence: clamp(a.norm.to_original(evidence), &sentence.span).into(),
                        roles: frame.map(|(_, f)| roles(a, f, lexicon)).unwrap_or_default(),
                        reality: match frame {
                            Some((_, f)) if f.irrealis => Reality::Irrealis,
                            _ => Reality::Actual,
                        },
                        text: text.to_owned(),
                        line: a.segments.lines[sentence.line].number,
                        rule,
                    },
                    frame.map(|(k, _)| k),
                ));
            };
        let frames = std::mem::take(&mut frames_of[index]);
        let source = segment.chain.last().map(|&e| e as u32);
        if frames.is_empty() {
            voices.push(Voice {
                claim: ClaimOf::Open(open.len() as u32),
                source,
                denies: segment.polarity == Polarity::Denies,
            });
            // Nothing a frame understands: an open claim, kept with its text.
            let ntext = a.norm.text()[segment.norm.range()].trim();
            let hash = statement_hash(ntext);
            let evidence = a.norm.to_original(segment.norm);
            open.push((hash, a.article.text[evidence.range()].trim().to_owned()));
            let id = open_claim_id(hash);
            let rules = std::iter::once(OPEN_CLAIM_RULE).chain(segment.rules.iter().map(|r| &**r));
            mention(id, None, segment.norm, segment.polarity, rule_list(rules));
        }
        for (k, f) in frames {
            voices.push(Voice {
                claim: ClaimOf::Frame(k as u32),
                source,
                denies: f.polarity == Polarity::Denies,
            });
            let rules = f.rules.iter().chain(&segment.rules).map(|r| &**r);
            mention(String::new(), Some((k, f)), f.norm, f.polarity, rule_list(rules));
        }
    }
    let mut innermost: Vec<usize> = a
        .attribution
        .segments
        .iter()
        .filter_map(|s| s.chain.last().copied())
        .collect();
    innermost.sort_unstable();
    innermost.dedup();
    let stands_on = innermost
        .into_iter()
        .filter_map(|k| {
            let s: &Source = sources.get(k)?;
            let (id, label, anonymous) = source_root(s);
            Some(StandsOn {
                source: k as u32,
                id: id.to_owned(),
                label: label.to_owned(),
                anonymous,
            })
        })
        .collect();
    // Digests wait in memory until every article is read: no growth slack.
    mentions.shrink_to_fit();
    open.shrink_to_fit();
    Digest {
        notes: long_sentence_notes(a),
        roots: a
            .frames
            .iter()
            .map(|f| a.attribution.segments[f.segment].chain.last().map(|&e| e as u32))
            .collect(),
        own_voice: own_root(&outlet.id, &a.article.id),
        focus: focus_place(a, lexicon),
        names: names(a, lexicon),
        published: a.article.meta.published,
        frames: a.frames.iter().map(|f| link::FrameKey::of(f, lexicon)).collect(),
        info,
        outlet,
        sources: Block::Held(sources),
        stands_on,
        mentions: Block::Held(mentions),
        voices,
        open,
    }
}

/// A mention's rule ids as it lists them: separated by spaces.
pub(super) fn rule_list<'r>(rules: impl Iterator<Item = &'r str>) -> String {
    let mut out = String::new();
    for (k, rule) in rules.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(rule);
    }
    out
}

/// A warning for every sentence cut at [`segment::MAX_SENTENCE_BYTES`].
fn long_sentence_notes(a: &Analysis) -> Vec<InputError> {
    a.segments
        .long_sentences()
        .into_iter()
        .map(|long| InputError {
            path: a.article.path.clone(),
            line: Some(long.line),
            message: format!(
                "a sentence of {} bytes was cut into {} pieces of at most {} bytes ({})",
                long.bytes,
                long.pieces,
                segment::MAX_SENTENCE_BYTES,
                segment::LONG_SENTENCE_RULE
            ),
            hint: "each piece is read as a sentence that keeps the speaker of the one before it; \
                   put sentence ends in the text for a closer reading"
                .to_owned(),
        })
        .collect()
}

/// The actor names an article uses, from the actor aliases the matcher found, keyed
/// (actor, name as written), with the framing of the alias first used and the uses.
fn names(a: &Analysis, lexicon: &Lexicon) -> BTreeMap<(String, String), (String, usize)> {
    use crate::lexicon::matcher::Table;
    let mut out: BTreeMap<(String, String), (String, usize)> = BTreeMap::new();
    let mut last_end = 0;
    for h in &a.matches.hits {
        // The longest name at a place only (`قوات سوريا الديمقراطية`, not its `سوريا`).
        if h.entry.table != Table::Actor || h.tokens.start < last_end {
            continue;
        }
        last_end = h.tokens.end;
        let actor = &lexicon.entries.actors[h.entry.index as usize].entry;
        let alias = &actor.aliases[usize::from(h.entry.form).min(actor.aliases.len() - 1)];
        let span = a.norm.to_original(h.norm);
        let text = unquoted_words(&a.article.text[span.range()]);
        // The matcher took the article off as a clitic (`ميليشيا` in `الميليشيا`); the
        // name is shown with it.
        let name = if h.prefix.definite && !text.starts_with("ال") {
            format!("ال{text}")
        } else {
            text
        };
        out.entry((actor.id.get_ref().clone(), name))
            .or_insert_with(|| (format!("{:?}", alias.framing).to_lowercase(), 0))
            .1 += 1;
    }
    out
}

/// A name as written, without quotation marks, its words one space apart: one string,
/// built once.
fn unquoted_words(written: &str) -> String {
    let mut text = String::with_capacity(written.len());
    let mut space = false;
    for c in written.chars() {
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            continue;
        }
        if c.is_whitespace() {
            space = !text.is_empty();
            continue;
        }
        if std::mem::take(&mut space) {
            text.push(' ');
        }
        text.push(c);
    }
    text
}

/// A frame's roles as the JSON contract gives them: each with the lexicon's id and label
/// of what filled it (a number as written) and the original bytes of the words that
/// said so.
fn roles(a: &Analysis, f: &Frame, lexicon: &Lexicon) -> Vec<Role> {
    let e = &lexicon.entries;
    // A role its sentence does not state (a denial of an earlier claim: "X denied this")
    // is absent, though it keys the claim.
    f.args
        .iter()
        .filter(|arg| arg.tokens.is_some())
        .map(|arg| {
            let (id, label) = match &arg.value {
                extract::Arg::Actor(k) => (
                    e.actors[*k].entry.id.get_ref().clone(),
                    e.actors[*k].entry.label.clone(),
                ),
                extract::Arg::Place(extract::PlaceArg::Known(k)) => (
                    e.places[*k].entry.id.get_ref().clone(),
                    e.places[*k].entry.label.clone(),
                ),
                extract::Arg::Place(extract::PlaceArg::Ambiguous(all)) => {
                    let ids: Vec<&str> = all.iter().map(|&k| e.places[k].entry.id.get_ref().as_str()).collect();
                    let labels: Vec<&str> = all.iter().map(|&k| e.places[k].entry.label.as_str()).collect();
                    (format!("ambiguous({})", ids.join("|")), labels.join(" or "))
                }
                extract::Arg::Number(n) => (n.clone(), n.clone()),
                extract::Arg::Named(words) => {
                    let written = arg.tokens.map_or(words.as_str(), |t| {
                        &a.article.text[a.norm.to_original(a.matches.tokens.norm_of(t)).range()]
                    });
                    (slug(words), unquoted_words(written))
                }
                extract::Arg::Event(k) => {
                    let id = e.predicates[*k].entry.id.get_ref().clone();
                    (id.clone(), id)
                }
            };
            Role {
                role: arg.role.as_str().to_owned(),
                id,
                label,
                span: arg
                    .tokens
                    .map(|t| a.norm.to_original(a.matches.tokens.norm_of(t)).into()),
            }
        })
        .collect()
}

/// The place an article is mostly about: the place (not a region) its frames name most
/// often, the first named on a tie.
fn focus_place(a: &Analysis, lexicon: &Lexicon) -> Option<String> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for f in &a.frames {
        for arg in &f.args {
            if let extract::Arg::Place(extract::PlaceArg::Known(p)) = &arg.value
                && !lexicon.entries.places[*p].entry.region
            {
                match counts.iter_mut().find(|(q, _)| q == p) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((*p, 1)),
                }
            }
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    let (p, _) = counts.iter().find(|(_, n)| *n == best)?;
    Some(lexicon.entries.places[*p].entry.id.get_ref().clone())
}

/// Source ids of an article: `ARTICLE/slug`, unique within the article.
fn source_ids(a: &Analysis) -> Vec<String> {
    unique(a.attribution.sources.iter().map(|e| source_id(&a.article.id, &e.key)))
}

/// `inner` clipped to `outer` (an evidence span stays inside its sentence).
fn clamp(inner: OrigSpan, outer: &OrigSpan) -> OrigSpan {
    let start = inner.start.clamp(outer.start, outer.end);
    OrigSpan::new(start, inner.end.clamp(start, outer.end))
}

fn article_info(a: &Analysis, outlet: &str, outlet_from: Origin) -> ArticleInfo {
    let meta = &a.article.meta;
    let title = meta
        .title
        .clone()
        .or_else(|| a.segments.headline().map(|l| a.article.text[l.span.range()].to_owned()));
    let furniture = a
        .segments
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Furniture)
        .map(|l| FurnitureLine {
            line: l.number,
            span: l.span.into(),
            rule: l.rule.clone().unwrap_or_default(),
        })
        .collect();
    ArticleInfo {
        id: a.article.id.clone(),
        path: a.article.path.clone(),
        outlet: outlet.to_owned(),
        published: meta.published.map(|d| d.to_string()),
        language: meta.language.clone().unwrap_or_else(|| "und".to_owned()),
        title,
        url: meta.url.clone(),
        metadata_from: MetadataOrigin {
            outlet: outlet_from.as_str().to_owned(),
            published: meta.published_from.as_str().to_owned(),
            language: meta.language_from.as_str().to_owned(),
        },
        furniture,
    }
}

/// The article's outlet: as declared, else from its byline, else `unknown`.
fn resolve_outlet(a: &Analysis) -> (Outlet, Origin) {
    let meta = &a.article.meta;
    let (label, from) = match (&meta.outlet, &a.segments.byline) {
        (Some(label), _) => (label.clone(), meta.outlet_from),
        (None, Some(byline)) => (byline.outlet.clone(), Origin::Byline),
        (None, None) => ("unknown".to_owned(), Origin::None),
    };
    if label.trim().eq_ignore_ascii_case("unknown") || label.trim().is_empty() {
        return (unknown_outlet(), from);
    }
    let id = slug(&label);
    if id.is_empty() {
        return (unknown_outlet(), from);
    }
    (Outlet { id, label }, from)
}

fn unknown_outlet() -> Outlet {
    Outlet {
        id: "unknown".to_owned(),
        label: "Unknown".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn unquoted_words_are_the_words_left_when_quotation_marks_go(written in "[a \"“”«»\t\nب]{0,16}") {
            let words = written.replace(['"', '“', '”', '«', '»'], "");
            proptest::prop_assert_eq!(unquoted_words(&written), words.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
}
