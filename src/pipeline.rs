//! The pipeline: from paths to one [`Run`].
//!
//! Input: the paths the user gave and a resolved [`Config`]. Output: [`Output`], the run
//! model plus, per article, what the stages computed ([`Analysis`]), and the input errors
//! and warnings that decide the exit code.
//!
//! Until attribution and claim extraction land (issues 4 and 5), every sentence of a
//! headline or body line becomes one mention of an *open* claim in the outlet's own voice:
//! nothing the article says is dropped, and the scorer can already measure recall and
//! furniture errors.
//!
//! Invariants: the run is a pure function of the articles' ids, texts and metadata, so
//! the order in which paths are given never changes it; analysis of text never fails.

use crate::attribute::{self, Attribution, OutletNames};
use crate::extract::{self, Frame};
use crate::ingest::{self, Article, IngestOptions, InputError, Origin};
use crate::lexicon::Lexicon;
use crate::lexicon::matcher::Matches;
use crate::link;
use crate::model::{
    ArticleInfo, Claim, ClaimRoot, Cue, FurnitureLine, JSON_VERSION, Mention, MetadataOrigin, Outlet, Relation,
    RelationKind, Run, Source,
};
use crate::normalize::{Normalized, normalize};
use crate::segment::{self, LineKind, Segmented};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

mod progress;
mod spill;
pub mod timings;
pub use spill::Spilled;

/// Everything resolved before the pipeline starts: options and compiled lexicons.
#[derive(Debug, Clone)]
pub struct Config {
    /// Input options.
    pub ingest: IngestOptions,
    /// The compiled lexicons.
    pub lexicon: Lexicon,
    /// Mentions of one claim further apart than this many days are separate episodes.
    pub window_days: i64,
    /// Worker threads for the per-article stages; 0 means one per core. The output does
    /// not depend on it.
    pub threads: usize,
    /// Keep every article's [`Analysis`] in [`Output::analyses`] (for `explain`,
    /// `segment`, `eval`). Without it each analysis is dropped once digested, so memory
    /// grows with the mentions and claims, not with the corpus bytes.
    pub keep_analyses: bool,
    /// Show progress on stderr (the caller decides: a terminal, not `--quiet`).
    pub progress: bool,
    /// Whether the mentions and sources wait in temporary files from the workers to the
    /// output ([`Output::spilled`], for `claimgraph json` and `compare`) instead of in
    /// `Run::mentions` and `Run::sources`, so memory does not grow with the mentions'
    /// text; and in which form. The JSON written is the same.
    pub spill: Spill,
}

/// Whether, and how, a run's mentions and sources wait in temporary files between the
/// workers and the output ([`Config::spill`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Spill {
    /// In memory, in `Run::mentions` and `Run::sources`: for the commands that read
    /// them more than once, or out of order.
    #[default]
    No,
    /// On disk as records, read back as mentions and sources in the run's order (the
    /// `report::Store` of [`Output`], for `compare`).
    Records,
    /// On disk with each mention already written as an element of the JSON document but
    /// for its claim id, which is put in as the document is written: only
    /// [`Output::write_json`] reads the mentions back (`claimgraph json`). Sources are
    /// records.
    Json,
}

impl Config {
    /// The number of worker threads `threads` asks for: one per core for 0.
    pub fn workers(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ingest: IngestOptions::default(),
            lexicon: Lexicon::embedded(),
            window_days: link::DEFAULT_WINDOW_DAYS,
            threads: 0,
            keep_analyses: true,
            progress: false,
            spill: Spill::No,
        }
    }
}

/// What the stages computed for one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The article as read.
    pub article: Article,
    /// Its normalised text.
    pub norm: Normalized,
    /// Its lines and sentences.
    pub segments: Segmented,
    /// What the lexicon matcher found in it (one pass).
    pub matches: Matches,
    /// Its sources and the attribution of every sentence.
    pub attribution: Attribution,
    /// What its segments say happened.
    pub frames: Vec<Frame>,
}

/// The result of running the pipeline.
#[derive(Debug, Default)]
pub struct Output {
    /// The run model every renderer reads.
    pub run: Run,
    /// Per-article analyses, in the order of `run.articles` (empty unless
    /// [`Config::keep_analyses`]).
    pub analyses: Vec<Analysis>,
    /// Inputs that were skipped.
    pub errors: Vec<InputError>,
    /// Inputs read with something ignored.
    pub warnings: Vec<InputError>,
    /// With [`Config::spill`], the run's mentions and sources (then `run.mentions` and
    /// `run.sources` are empty): write them with [`Output::write_json`].
    pub spilled: Option<Spilled>,
}

impl Output {
    /// Writes the run as JSON (`report::write_json`), its mentions wherever they are kept.
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        match &self.spilled {
            Some(spilled) => spilled.write_run(&self.run, w),
            None => crate::report::write_json(&self.run, w),
        }
    }

    /// What the scorer needs of each article read: its text and sentence spans.
    pub fn article_texts(&self) -> Vec<crate::eval::ArticleText<'_>> {
        self.analyses
            .iter()
            .map(|a| crate::eval::ArticleText {
                id: &a.article.id,
                file_name: file_name(&a.article.path),
                text: &a.article.text,
                sentences: a.segments.sentences.iter().map(|s| s.span.into()).collect(),
            })
            .collect()
    }
}

/// The run's mentions and sources, in the run or read back from the spill files.
impl crate::report::Store for Output {
    fn each_mention(&self, f: &mut dyn FnMut(&Mention, Option<usize>)) -> std::io::Result<()> {
        match &self.spilled {
            Some(spilled) => spilled.each_mention(&self.run.claims, f),
            None => self.run.each_mention(f),
        }
    }

    fn each_source(&self, f: &mut dyn FnMut(&Source)) -> std::io::Result<()> {
        match &self.spilled {
            Some(spilled) => spilled.each_source(f),
            None => self.run.each_source(f),
        }
    }
}

/// The file name of a displayed path (`dir/000_x.txt` → `000_x.txt`; a JSONL record's
/// `feed.jsonl:3` → `feed.jsonl:3`).
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Reads `paths` and runs every stage: the index pass of ingest first (every input
/// checked, no text kept), then the workers, which read each article's text when they
/// take it.
pub fn run(paths: &[PathBuf], config: &Config) -> Output {
    let index = ingest::index(paths, &config.ingest, config.workers());
    timings::done("index");
    let analysed = analyse_all(index.pending, config);
    timings::done("analyse");
    let mut digests = analysed.digests;
    let mut errors = index.errors;
    errors.extend(analysed.unread);
    let mut warnings = index.warnings;
    warnings.extend(digests.iter_mut().flat_map(|d| std::mem::take(&mut d.notes)));
    if let Some(e) = analysed.spill_error {
        warnings.push(InputError {
            path: std::env::temp_dir().display().to_string(),
            line: None,
            message: format!("cannot keep mentions and sources in a temporary file ({e}); they are kept in memory"),
            hint: "set TMPDIR to a writable directory with room for about six times the corpus".to_owned(),
        });
    }
    let (run, spilled) = assemble_parts(
        digests,
        analysed.names,
        analysed.spill_files,
        config.spill,
        &config.lexicon,
        config.window_days,
        config.workers(),
    );
    timings::done("assemble");
    Output {
        run,
        analyses: analysed.analyses,
        errors,
        warnings,
        spilled,
    }
}

/// What the per-article phase hands to `assemble`.
struct Analysed {
    /// One per article, in input order.
    digests: Vec<Digest>,
    /// The kept analyses ([`Config::keep_analyses`]), in input order.
    analyses: Vec<Analysis>,
    /// The articles whose file changed since the index pass, in input order.
    unread: Vec<InputError>,
    /// The actor names of every article, counted (taken out of the digests).
    names: NameCounts,
    /// With [`Config::spill`], each worker's spill file, by worker index.
    spill_files: Vec<Option<spill::SpillFile>>,
    /// The first error met creating or writing a spill file (those mentions stayed in
    /// memory).
    spill_error: Option<std::io::Error>,
}

/// Runs the per-article stages on every pending article, on [`Config::threads`] workers.
/// Each worker takes the next article, reads its text, analyses and digests it (writing
/// its mentions to the worker's spill file with [`Config::spill`]), and drops
/// the article (and its analysis unless kept); results are put back in input order, so
/// the output is the same whatever the thread count. An article whose file changed
/// since the index pass is an error instead, in input order too.
fn analyse_all(pending: Vec<ingest::Pending>, config: &Config) -> Analysed {
    let total = pending.len();
    let threads = config.workers().min(total.max(1));
    let queue = Mutex::new(pending.into_iter().enumerate());
    let done = AtomicUsize::new(0);
    let finished = AtomicBool::new(false);
    let spill_error: Mutex<Option<std::io::Error>> = Mutex::new(None);
    let failed = |e: std::io::Error| {
        if let Ok(mut first) = spill_error.lock() {
            first.get_or_insert(e);
        }
    };
    type Done = Result<(Digest, Option<Analysis>), InputError>;
    // Each worker's results, in input order (a worker takes articles in that order).
    let mut parts: Vec<Vec<(usize, Done)>> = Vec::with_capacity(threads);
    let mut spill_files = Vec::with_capacity(threads);
    let mut names = NameCounts::default();
    std::thread::scope(|scope| {
        let progress = config
            .progress
            .then(|| scope.spawn(|| progress::show(&done, &finished, total)));
        let workers: Vec<_> = (0..threads)
            .map(|worker| {
                let (queue, done, failed) = (&queue, &done, &failed);
                scope.spawn(move || {
                    let mut out = Vec::new();
                    let mut names = NameCounts::default();
                    let mut spill = None;
                    if config.spill != Spill::No {
                        spill = spill::SpillFile::create().map_err(failed).ok();
                    }
                    // A poisoned queue means another worker panicked; that panic is
                    // re-raised below, so this one just stops. The lock is released
                    // before the article is read and analysed.
                    while let Some((index, pending)) = queue.lock().ok().and_then(|mut q| q.next()) {
                        let analysed = pending.read().map(|article| {
                            let analysis = analyze(article, config);
                            let mut digest = digest(&analysis, &config.lexicon);
                            names.add(index, &digest.outlet.id, std::mem::take(&mut digest.names));
                            if let Some(file) = &mut spill {
                                let kept = match config.spill {
                                    Spill::Json => file.keep_rendered(worker, &mut digest.mentions),
                                    _ => file.keep(worker, &mut digest.mentions),
                                };
                                kept.and_then(|()| file.keep(worker, &mut digest.sources))
                                    .unwrap_or_else(failed);
                            }
                            (digest, config.keep_analyses.then_some(analysis))
                        });
                        out.push((index, analysed));
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    (out, names, spill)
                })
            })
            .collect();
        for worker in workers {
            match worker.join() {
                Ok((part, part_names, spill)) => {
                    parts.push(part);
                    names.merge(part_names);
                    spill_files.push(spill);
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        finished.store(true, Ordering::Relaxed);
        if let Some(p) = progress {
            let _ = p.join();
        }
    });
    let mut digests = Vec::with_capacity(total);
    let mut analyses = Vec::new();
    let mut unread = Vec::new();
    // Merged in input order, each part's next result against the others': no second
    // list of every result (a digest is large).
    let mut heads: Vec<_> = parts
        .into_iter()
        .map(|part| {
            let mut rest = part.into_iter();
            (rest.next(), rest)
        })
        .collect();
    while let Some(k) = (0..heads.len())
        .filter_map(|k| Some((heads[k].0.as_ref()?.0, k)))
        .min()
        .map(|(_, k)| k)
    {
        let (next, rest) = &mut heads[k];
        let Some((_, analysed)) = std::mem::replace(next, rest.next()) else {
            break;
        };
        match analysed {
            Ok((digest, analysis)) => {
                digests.push(digest);
                analyses.extend(analysis);
            }
            Err(error) => unread.push(error),
        }
    }
    Analysed {
        digests,
        analyses,
        unread,
        names,
        spill_files,
        spill_error: spill_error.into_inner().ok().flatten(),
    }
}

/// Runs the per-article stages on one article.
pub fn analyze(article: Article, config: &Config) -> Analysis {
    let norm = Normalized::new(&article.text);
    let segments = segment::segment(&article.text, article.body, &norm, &config.lexicon.furniture);
    let byline = segments.byline.as_ref().map(|b| b.outlet.as_str());
    let outlet = OutletNames::new(article.meta.outlet.as_deref().into_iter().chain(byline));
    let matches = config.lexicon.matcher.scan(norm.text());
    let attribution = attribute::attribute(&article.text, &norm, &segments, &matches, &config.lexicon, &outlet);
    let frames = extract::extract(&segments, &attribution, &matches, norm.text(), &config.lexicon);
    Analysis {
        article,
        norm,
        segments,
        matches,
        attribution,
        frames,
    }
}

/// The rule id of a claim no frame matched: the statement's own text.
pub const OPEN_CLAIM_RULE: &str = "EXTRACT/OPEN";

/// What one article contributes to the run, computed from its analysis alone (on the
/// worker that analysed it), so the analysis can be dropped: the article's record, its
/// sources, its frames for linking, its mentions waiting for their claim ids, and the
/// actor names it uses.
#[derive(Debug, Clone)]
pub struct Digest {
    info: ArticleInfo,
    outlet: Outlet,
    published: Option<ingest::PartialDate>,
    /// Its sources: held here, or written to the worker's spill file
    /// ([`Config::spill`]).
    sources: spill::Block<Source>,
    /// What linking and counting roots need of the sources that mentions stand on (the
    /// innermost of a chain), by source index: the rest of a source may be on disk.
    stands_on: Vec<StandsOn>,
    /// Its frames' keys, for linking.
    frames: Vec<link::FrameKey>,
    /// Per frame, who it stands on: its innermost source (index in `sources`), or the
    /// outlet's own voice (`None`); see [`Digest::root`].
    roots: Vec<Option<u32>>,
    /// `outlet:…`: the identity of the outlet's own voice in this article.
    own_voice: String,
    focus: Option<String>,
    /// Mentions in text order; those of a frame (its index) get their claim id when
    /// the run is assembled, those of an open claim already have it. Held here, or
    /// written to the worker's spill file ([`Config::spill`]).
    mentions: spill::Block<spill::Pending>,
    /// Per mention, in the same order, what counting outlets and roots needs.
    voices: Vec<Voice>,
    /// The open claims the mentions name: the hash of the statement's normalised text
    /// (the claim's id, [`open_claim_id`]) and the statement as written (its label).
    open: Vec<(u64, String)>,
    /// (actor, name as written) → (framing of its first use, uses).
    names: BTreeMap<(String, String), (String, usize)>,
    /// What the user should know about how the text was read (a sentence cut short).
    notes: Vec<InputError>,
}

/// What counting a claim's outlets and independent roots needs of one mention.
#[derive(Debug, Clone, Copy)]
struct Voice {
    /// Its claim: a frame's (index among the article's frames) or an open claim's
    /// (index in [`Digest::open`]).
    claim: ClaimOf,
    /// The innermost source of its chain (index among the article's sources); `None`:
    /// the outlet's own voice.
    source: Option<u32>,
}

#[derive(Debug, Clone, Copy)]
enum ClaimOf {
    Frame(u32),
    Open(u32),
}

/// A source that mentions stand on, as a root: its identity across articles (a known
/// source, actor or named person), else its id in this article; its label; whether it is
/// anonymous.
#[derive(Debug, Clone)]
struct StandsOn {
    /// Its index among the article's sources.
    source: u32,
    id: String,
    label: String,
    anonymous: bool,
}

impl Digest {
    /// Who a frame or mention stands on, by the innermost source of its chain (`None`:
    /// the outlet's own voice, `outlet:…`).
    fn root(&self, source: Option<u32>) -> (&String, Option<&StandsOn>) {
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
pub fn digest(a: &Analysis, lexicon: &Lexicon) -> Digest {
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
            |claim: String, frame: Option<usize>, evidence: crate::span::NormSpan, polarity, rule: String| {
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
                        text: text.to_owned(),
                        line: a.segments.lines[sentence.line].number,
                        rule,
                    },
                    frame,
                ));
            };
        let frames = std::mem::take(&mut frames_of[index]);
        let source = segment.chain.last().map(|&e| e as u32);
        if frames.is_empty() {
            voices.push(Voice {
                claim: ClaimOf::Open(open.len() as u32),
                source,
            });
            // Nothing a frame understands: an open claim, kept with its text.
            let ntext = a.norm.text()[segment.norm.range()].trim();
            let hash = fnv1a(ntext.as_bytes());
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
            });
            let rules = f.rules.iter().chain(&segment.rules).map(|r| &**r);
            mention(String::new(), Some(k), f.norm, f.polarity, rule_list(rules));
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
            Some(StandsOn {
                source: k as u32,
                id: s.root.as_ref().unwrap_or(&s.id).clone(),
                label: s.label.clone(),
                anonymous: s.kind == "anonymous",
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
        own_voice: format!("outlet:{}", crate::model::voice(&outlet.id, &a.article.id)),
        focus: focus_place(a, lexicon),
        names: names(a, lexicon),
        published: a.article.meta.published,
        frames: a.frames.iter().map(|f| link::FrameKey::of(f, lexicon)).collect(),
        info,
        outlet,
        sources: spill::Block::Held(sources),
        stands_on,
        mentions: spill::Block::Held(mentions),
        voices,
        open,
    }
}

/// A mention's id, `ARTICLE/mN`, allocated once at its length (`format!` grows it).
fn mention_id(article: &str, n: usize) -> String {
    use std::fmt::Write;
    let mut id = String::with_capacity(article.len() + 2 + 20);
    id.push_str(article);
    id.push_str("/m");
    let _ = write!(id, "{n}");
    id
}

/// A mention's rule ids as it lists them: separated by spaces.
fn rule_list<'r>(rules: impl Iterator<Item = &'r str>) -> String {
    let mut out = String::new();
    for (k, rule) in rules.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(rule);
    }
    out
}

/// The id of the open claim of a statement whose normalised text hashes to `hash`.
fn open_claim_id(hash: u64) -> String {
    format!("open-{hash:016x}")
}

/// The hash an open claim's id was made from ([`open_claim_id`]).
fn open_hash(id: &str) -> Option<u64> {
    let hex = id.strip_prefix("open-").filter(|hex| hex.len() == 16)?;
    u64::from_str_radix(hex, 16).ok()
}

/// The episode of an open claim: the month its article was published, or `undated`.
fn episode_of(published: Option<&str>) -> String {
    published.map_or("undated".to_owned(), |p| p.chars().take(7).collect())
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

/// Builds the run model from analysed articles.
pub fn build_run(analyses: &[Analysis], lexicon: &Lexicon, window_days: i64) -> Run {
    let digests: Vec<Digest> = analyses.iter().map(|a| digest(a, lexicon)).collect();
    assemble(digests, lexicon, window_days)
}

/// Builds the run model from digested articles: links every frame into claims, gives
/// mentions their claim ids, and counts outlets and independent roots. The digests are
/// consumed as they are read, so their records move into the run rather than being
/// copied.
pub fn assemble(digests: Vec<Digest>, lexicon: &Lexicon, window_days: i64) -> Run {
    assemble_parts(
        digests,
        NameCounts::default(),
        Vec::new(),
        Spill::No,
        lexicon,
        window_days,
        1,
    )
    .0
}

/// [`assemble`]; with a `spill`, the mentions are kept apart, in the returned
/// [`spill::Spilled`] (the workers' `spill_files`, with those still held in memory), and
/// `Run::mentions` stays empty; claims are linked on `threads` threads.
fn assemble_parts(
    mut digests: Vec<Digest>,
    names: NameCounts,
    spill_files: Vec<Option<spill::SpillFile>>,
    spill: Spill,
    lexicon: &Lexicon,
    window_days: i64,
    threads: usize,
) -> (Run, Option<spill::Spilled>) {
    let mut run = Run {
        version: JSON_VERSION,
        ..Run::default()
    };
    // Link every frame of every article into claims first: mentions name their claims.
    let articles: Vec<link::Article<'_>> = digests
        .iter()
        .map(|d| link::Article {
            id: &d.info.id,
            published: d.published,
            focus: d.focus.as_deref(),
        })
        .collect();
    let inputs: Vec<link::Input<'_>> = digests
        .iter()
        .enumerate()
        .flat_map(|(article, d)| {
            d.frames.iter().zip(&d.roots).map(move |(frame, &root)| link::Input {
                frame,
                article,
                root: d.root(root).0,
            })
        })
        .collect();
    let mut linked = link::link(&articles, &inputs, lexicon, window_days, threads);
    drop((articles, inputs));
    let claim_ids = claim_ids(&linked);
    // Each open claim once, from the first article that says it (its label and episode).
    // Their labels move into the run: after this, an open claim is found by its hash.
    let mut seen = crate::hash::FnvSet::default();
    let mut open: Vec<(u64, String, String)> = Vec::new();
    for d in &mut digests {
        for (hash, label) in &mut d.open {
            if seen.insert(*hash) {
                open.push((*hash, std::mem::take(label), episode_of(d.info.published.as_deref())));
            }
        }
    }
    drop(seen);
    // A list sorted once, not a map: the run's largest list is built in place.
    let mut claims: Vec<Claim> = Vec::with_capacity(linked.claims.len() + open.len());
    // The linked claims' texts move into the run (nothing reads them after).
    for (claim, id) in std::mem::take(&mut linked.claims).into_iter().zip(&claim_ids) {
        claims.push(Claim {
            id: id.clone(),
            key: claim.key,
            label: claim.label,
            episode: claim.episode,
            open: false,
            rule: claim.rule,
            ..Claim::default()
        });
    }
    for (hash, label, episode) in open {
        let id = open_claim_id(hash);
        claims.push(Claim {
            key: format!("open({id})"),
            id,
            label,
            episode,
            open: true,
            rule: OPEN_CLAIM_RULE.to_owned(),
            ..Claim::default()
        });
    }
    // By id; of claims with one id (an open claim whose id a linked claim has), the first
    // made stays (the sort is stable).
    claims.sort_by(|a, b| a.id.cmp(&b.id));
    claims.dedup_by(|later, first| later.id == first.id);
    run.claims = claims;
    // Claims are sorted by id: a claim's index is found by binary search.
    let position = |claims: &[Claim], id: &str| claims.binary_search_by(|c| c.id.as_str().cmp(id)).ok();
    let linked_at: Vec<usize> = claim_ids
        .iter()
        .map(|id| position(&run.claims, id).expect("every linked claim is in the run"))
        .collect();
    drop(claim_ids);
    // (In place: the frames' claims, from indices among linked claims to indices in the run.)
    let claim_of: Vec<usize> = std::mem::take(&mut linked.claim_of)
        .into_iter()
        .map(|c| linked_at[c])
        .collect();
    let mut names = names;
    for (index, d) in digests.iter_mut().enumerate() {
        names.add(index, &d.outlet.id, std::mem::take(&mut d.names));
    }
    let framing = names.framing(lexicon);
    let mut outlets = BTreeMap::new();
    let mut voices = Voices::new(run.claims.len());
    let mut spilled = (spill != Spill::No).then(|| spill::Spilled {
        files: spill_files,
        rendered: spill == Spill::Json,
        ..spill::Spilled::default()
    });
    let mut next_input = 0;
    // Exact sizes: a run's vectors are its largest allocations, and growth by doubling
    // would leave up to half of each unused.
    run.articles.reserve_exact(digests.len());
    if spilled.is_none() {
        run.sources.reserve_exact(digests.iter().map(|d| d.sources.len()).sum());
        run.mentions.reserve_exact(digests.iter().map(|d| d.voices.len()).sum());
    }
    // The open claims by hash, so a voice finds its claim by a number rather than by
    // making its id and searching the ids. (An open claim's id, `open-` and 16 hex
    // digits, sorts as its hash does.)
    let mut open_at: Vec<(u64, usize)> = (run.claims.iter().enumerate())
        .filter(|(_, c)| c.open)
        .filter_map(|(k, c)| Some((open_hash(&c.id)?, k)))
        .collect();
    open_at.sort_unstable();
    for d in digests {
        let claim_at = |of: ClaimOf| match of {
            ClaimOf::Frame(k) => Some(claim_of[next_input + k as usize]),
            ClaimOf::Open(k) => {
                let hash = d.open[k as usize].0;
                match open_at.binary_search_by_key(&hash, |&(h, _)| h) {
                    Ok(at) => Some(open_at[at].1),
                    // Its id is a linked claim's, which came first.
                    Err(_) => position(&run.claims, &open_claim_id(hash)),
                }
            }
        };
        voices.count(&d, claim_at);
        match (&mut spilled, d.mentions, d.sources) {
            (Some(spilled), mentions, sources) => {
                spilled.blocks.push((mentions, next_input));
                spilled.sources.push(sources);
            }
            (None, spill::Block::Held(mentions), spill::Block::Held(sources)) => {
                for (mut mention, frame) in mentions {
                    if let Some(k) = frame {
                        mention.claim.clone_from(&run.claims[claim_of[next_input + k]].id);
                    }
                    run.mentions.push(mention);
                }
                run.sources.extend(sources);
            }
            (None, ..) => unreachable!("workers spill only for a run that keeps mentions apart"),
        }
        outlets.insert(d.outlet.id.clone(), d.outlet);
        next_input += d.frames.len();
        run.articles.push(d.info);
    }
    voices.fill(&mut run.claims);
    run.outlets = outlets.into_values().collect();
    run.sources.sort_by(|a, b| a.id.cmp(&b.id));
    // Articles (and with them their blocks of mentions) by id.
    let mut order: Vec<usize> = (0..run.articles.len()).collect();
    order.sort_by(|&a, &b| run.articles[a].id.cmp(&run.articles[b].id));
    run.articles = permute(std::mem::take(&mut run.articles), &order);
    if let Some(spilled) = &mut spilled {
        spilled.blocks = permute(std::mem::take(&mut spilled.blocks), &order);
        spilled.sources = permute(std::mem::take(&mut spilled.sources), &order);
        spilled.claim_of = claim_of;
    }
    run.mentions.sort_by(spill::mention_order);
    for c in &linked.contradictions {
        let (x, y) = (
            &run.claims[linked_at[c.claims.0]].id,
            &run.claims[linked_at[c.claims.1]].id,
        );
        let pair = if x <= y {
            [x.clone(), y.clone()]
        } else {
            [y.clone(), x.clone()]
        };
        run.relations.push(Relation {
            kind: RelationKind::Contradicts,
            claims: pair,
            reason: c.reason.clone(),
        });
    }
    run.relations.sort_by(|a, b| a.claims.cmp(&b.claims));
    run.framing = framing;
    (run, spilled)
}

/// `items` in the order `order` gives (a permutation of their indices).
fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&k| slots[k].take()).collect()
}

/// Each claim's outlets and independent roots, counted over the articles' mentions: the
/// distinct innermost sources behind a claim's mentions (one agency quoted by two
/// outlets is one root; anonymous sources of different articles are separate roots,
/// flagged anonymous; an outlet's own voice is the outlet). The same roots as
/// [`link::graph::RunGraph::all_roots`] reads off the graph, counted in one pass. Outlets
/// and roots are numbered as first met, so a claim holds small numbers, not strings.
struct Voices {
    /// Outlet ids, numbered.
    outlets: HashMap<String, u32>,
    /// Root ids, numbered, and their (id, label, anonymous).
    root_ids: HashMap<Arc<str>, u32>,
    roots: Vec<(Arc<str>, Arc<str>, bool)>,
    /// Per claim (index in `Run::claims`), the outlets and roots of its mentions.
    carried: Vec<Vec<u32>>,
    rooted: Vec<Vec<u32>>,
    /// The (claim, root) pairs counted, of the claims with at least [`SCAN`] roots.
    seen: crate::hash::FnvSet<(u32, u32)>,
}

/// How many roots a claim has before they are looked up by hash rather than in turn.
const SCAN: usize = 16;

impl Voices {
    fn new(claims: usize) -> Voices {
        Voices {
            outlets: HashMap::new(),
            root_ids: HashMap::new(),
            roots: Vec::new(),
            carried: vec![Vec::new(); claims],
            rooted: vec![Vec::new(); claims],
            seen: crate::hash::FnvSet::default(),
        }
    }

    /// Counts an article's mentions towards their claims (`claim_at` says which).
    fn count(&mut self, d: &Digest, claim_at: impl Fn(ClaimOf) -> Option<usize>) {
        let next = self.outlets.len() as u32;
        let outlet = *self.outlets.entry(d.info.outlet.clone()).or_insert(next);
        // An article's voices stand on a few roots: each is looked up once.
        let mut known: Vec<(Option<u32>, u32)> = Vec::new();
        for v in &d.voices {
            let Some(c) = claim_at(v.claim) else { continue };
            if !self.carried[c].contains(&outlet) {
                self.carried[c].push(outlet);
            }
            let root = match known.iter().find(|(source, _)| *source == v.source) {
                Some(&(_, r)) => r,
                None => {
                    let r = self.root(d, v.source);
                    known.push((v.source, r));
                    r
                }
            };
            // A claim's few roots are looked through; a claim with many has them in
            // `seen` (all of them, from the moment it has `SCAN`).
            let rooted = &mut self.rooted[c];
            let new = if rooted.len() < SCAN {
                !rooted.contains(&root)
            } else {
                self.seen.insert((c as u32, root))
            };
            if new {
                rooted.push(root);
                if rooted.len() == SCAN {
                    self.seen.extend(rooted.iter().map(|&r| (c as u32, r)));
                }
            }
        }
    }

    /// The number of the root a voice of `d` stands on (`source`: see [`Digest::root`]).
    fn root(&mut self, d: &Digest, source: Option<u32>) -> u32 {
        let (id, source) = d.root(source);
        if let Some(&r) = self.root_ids.get(id.as_str()) {
            return r;
        }
        let r = self.roots.len() as u32;
        let (label, anonymous) = match source {
            Some(s) => (s.label.clone(), s.anonymous),
            None => (d.info.outlet.clone(), false),
        };
        let id: Arc<str> = Arc::from(id.as_str());
        self.roots.push((Arc::clone(&id), Arc::from(label), anonymous));
        self.root_ids.insert(id, r);
        r
    }

    /// Writes each claim's outlets (sorted) and roots (sorted by id).
    fn fill(self, claims: &mut [Claim]) {
        let mut outlets = vec![String::new(); self.outlets.len()];
        for (id, k) in self.outlets {
            outlets[k as usize] = id;
        }
        for ((claim, carried), rooted) in claims.iter_mut().zip(self.carried).zip(self.rooted) {
            claim.outlets = carried.iter().map(|&o| outlets[o as usize].clone()).collect();
            claim.outlets.sort();
            claim.roots = rooted
                .iter()
                .map(|&r| {
                    let (id, label, anonymous) = &self.roots[r as usize];
                    ClaimRoot {
                        id: Arc::clone(id),
                        label: Arc::clone(label),
                        anonymous: *anonymous,
                    }
                })
                .collect();
            claim.roots.sort_by(|a, b| a.id.cmp(&b.id));
            claim.independent_roots = claim.roots.len();
        }
    }
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

/// How outlets name actors, counted over articles: per outlet, (actor, name as written)
/// → (the index of the first article that used it, the framing of its use there, uses).
/// Each worker counts the articles it digests and drops their names, so memory holds
/// one entry per distinct name and outlet, not per article; the counts merge in any
/// order to the same result. Keyed by outlet first: an article has one outlet, so its
/// names are counted into that outlet's (small) map under the keys it already owns.
#[derive(Debug, Default)]
struct NameCounts(HashMap<String, NamesOfOutlet>);

/// One outlet's names: (actor, name as written) → (the index of the first article that
/// used it, the framing of its use there, uses).
type NamesOfOutlet = BTreeMap<(String, String), (usize, String, usize)>;

impl NameCounts {
    /// Counts the names article `index` of `outlet` uses.
    fn add(&mut self, index: usize, outlet: &str, names: BTreeMap<(String, String), (String, usize)>) {
        if names.is_empty() {
            return;
        }
        let counts = self.0.entry(outlet.to_owned()).or_default();
        for (key, (framing, uses)) in names {
            count_name(counts, key, (index, framing, uses));
        }
    }

    /// Adds another worker's counts.
    fn merge(&mut self, other: NameCounts) {
        for (outlet, names) in other.0 {
            let counts = self.0.entry(outlet).or_default();
            for (key, value) in names {
                count_name(counts, key, value);
            }
        }
    }

    /// The run's framing records, sorted by actor, outlet and name.
    fn framing(self, lexicon: &Lexicon) -> Vec<crate::model::ActorName> {
        let mut out: Vec<crate::model::ActorName> = self
            .0
            .into_iter()
            .flat_map(|(outlet, names)| {
                names.into_iter().map(move |((actor, name), (_, framing, count))| {
                    let label = lexicon
                        .entries
                        .actors
                        .iter()
                        .find(|e| e.entry.id.get_ref() == &actor)
                        .map(|e| e.entry.label.clone())
                        .unwrap_or_default();
                    crate::model::ActorName {
                        actor,
                        label,
                        outlet: outlet.clone(),
                        name,
                        framing,
                        count,
                    }
                })
            })
            .collect();
        out.sort_unstable_by(|a, b| (&a.actor, &a.outlet, &a.name).cmp(&(&b.actor, &b.outlet, &b.name)));
        out
    }
}

/// Counts one name's uses into an outlet's counts, keeping the framing of the first
/// article to use it, whichever worker saw it.
fn count_name(counts: &mut NamesOfOutlet, key: (String, String), (index, framing, uses): (usize, String, usize)) {
    let entry = counts.entry(key).or_insert_with(|| (index, String::new(), 0));
    if index <= entry.0 {
        *entry = (index, framing, entry.2);
    }
    entry.2 += uses;
}

/// The place an article is mostly about: the place (not a region) its frames name most
/// often, the first named on a tie.
fn focus_place(a: &Analysis, lexicon: &Lexicon) -> Option<String> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for f in &a.frames {
        for (_, arg) in &f.args {
            if let extract::Arg::Place(extract::PlaceArg::Known(p)) = arg
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

/// Claim ids: the key as a slug and the episode, unique.
fn claim_ids(linked: &link::Linked) -> Vec<String> {
    unique(linked.claims.iter().map(|c| {
        let mut id = slug(&c.key.replace('?', "unknown"));
        id.reserve_exact(1 + c.episode.len());
        id.push('-');
        id.push_str(&c.episode);
        id
    }))
}

/// Source ids of an article: `ARTICLE/slug`, unique within the article.
fn source_ids(a: &Analysis) -> Vec<String> {
    unique(a.attribution.sources.iter().map(|e| {
        let name = e.key.split_once(':').map_or(e.key.as_str(), |(_, rest)| rest);
        let slug = slug(name);
        let mut id = String::with_capacity(a.article.id.len() + 1 + slug.len());
        id.push_str(&a.article.id);
        id.push('/');
        id.push_str(&slug);
        id
    }))
}

/// The ids as given, a repeated one suffixed `-2`, `-3`…
fn unique(bases: impl Iterator<Item = String>) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let bases: Vec<String> = bases.collect();
    // Mostly none repeats: told by a sort of borrowed ids, with no set built or hashed.
    let mut sorted: Vec<&str> = bases.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    if sorted.windows(2).all(|w| w[0] != w[1]) {
        return bases;
    }
    let mut ids: Vec<String> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    // Per base, the next suffix to try: a base repeated n times costs n tries, not n².
    let mut next: HashMap<String, usize> = HashMap::new();
    for base in bases {
        let mut id = base.clone();
        if taken.contains(&id) {
            let n = next.entry(base.clone()).or_insert(2);
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if !taken.contains(&id) {
                    break;
                }
            }
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

/// `inner` clipped to `outer` (an evidence span stays inside its sentence).
fn clamp(inner: crate::span::OrigSpan, outer: &crate::span::OrigSpan) -> crate::span::OrigSpan {
    let start = inner.start.clamp(outer.start, outer.end);
    crate::span::OrigSpan::new(start, inner.end.clamp(start, outer.end))
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

/// A stable id for a label in any script: normalised, letters and digits kept, every
/// other run of characters one `-` (`Tayf Post` → `tayf-post`, `طيف بوست` → `طيف-بوست`).
pub fn slug(label: &str) -> String {
    // Printable ASCII but the dot is its own image under normalisation, or its lower
    // case (a dot may be an obfuscation dot, which normalisation drops): most labels and
    // every claim key need no normaliser (a test holds the two paths equal).
    if label.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b'.') {
        // At most as long as the label.
        slug_of(label.chars().map(|c| c.to_ascii_lowercase()), label.len())
    } else {
        let norm = normalize(label);
        slug_of(norm.chars(), norm.len())
    }
}

/// The slug of normalised characters: word characters kept, every other run one `-`;
/// allocated with room for `capacity` bytes.
fn slug_of(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for c in chars {
        if crate::normalize::is_word_char(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// 64-bit FNV-1a, which names open claims (it lives in [`crate::hash`], shared with `ingest`).
pub use crate::hash::fnv1a;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_claims_hash_is_read_back_from_its_id() {
        // `assemble` finds a voice's open claim by this hash; a miss would only fall back
        // to the slow search, so nothing else would notice.
        for hash in [0, 1, 0xdead_beef, u64::MAX] {
            assert_eq!(open_hash(&open_claim_id(hash)), Some(hash));
        }
        for id in ["open-", "open-123", "open-0123456789abcdefg", "claim-0123456789abcdef"] {
            assert_eq!(open_hash(id), None, "{id}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Tayf Post"), "tayf-post");
        assert_eq!(slug("  Al-Wasila "), "al-wasila");
        assert_eq!(slug("--"), "");
        assert_eq!(slug("withdraw(regime, ain-issa)"), "withdraw-regime-ain-issa");
    }

    #[test]
    fn repeated_ids_are_suffixed_in_order_and_others_kept() {
        let ids = |list: &[&str]| unique(list.iter().map(|s| s.to_string()));
        assert_eq!(ids(&["b", "a", "c"]), ["b", "a", "c"]);
        assert_eq!(ids(&["a", "a", "a-2", "a"]), ["a", "a-2", "a-2-2", "a-3"]);
        assert_eq!(ids(&[]), Vec::<String>::new());
    }

    proptest::proptest! {
        #[test]
        fn unquoted_words_are_the_words_left_when_quotation_marks_go(written in "[a \"“”«»\t\nب]{0,16}") {
            let words = written.replace(['"', '“', '”', '«', '»'], "");
            proptest::prop_assert_eq!(unquoted_words(&written), words.split_whitespace().collect::<Vec<_>>().join(" "));
        }

        #[test]
        fn ascii_slugs_are_the_normalised_ones(label in "[ -~]{0,24}") {
            proptest::prop_assert_eq!(slug(&label), slug_of(normalize(&label).chars(), 0));
        }
    }
}
