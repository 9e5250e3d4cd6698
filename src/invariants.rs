//! The invariants every stage promises on *any* input, as checks that name the first
//! violation.
//!
//! One place for them, so the fuzz targets (`fuzz/fuzz_targets/`) and the normal test
//! suite (`tests/fuzz.rs`, which replays `tests/fuzz/<target>/*`) check exactly the same
//! things. Each `check_*` function takes arbitrary bytes, drives the stage the way the
//! CLI does, and returns `Err(what broke)`; a panic inside the library is a failure too.
//! The invariants themselves are the ones `docs/ARCHITECTURE.md` states: spans point into
//! the original bytes on character boundaries, line N is line N, normalisation is
//! idempotent, bad input becomes an error naming its file and line, analysis of text
//! never fails. See `docs/testing.md` for how to run the fuzzers.
//!
//! Text stages get `String::from_utf8_lossy` of the bytes (they only ever see text);
//! ingest and lexicon loading get the bytes themselves, as a file would give them.

use std::fmt::Debug;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::ingest::{self, Corpus, IngestOptions, InputError};
use crate::lexicon::{Lexicon, LexiconError, PackFile, validate};
use crate::model::{Run, Span};
use crate::normalize::{Normalized, normalize};
use crate::pipeline;
use crate::segment::{self, Segmented};
use crate::span::{NormSpan, OrigSpan};

/// What broke, in words a failing test or fuzz crash can show.
pub type Violation = String;

/// The pipeline's configuration with the embedded lexicons, built once per process
/// (compiling the lexicons is what a fuzzer must not repeat per input).
pub fn config() -> &'static pipeline::Config {
    static CONFIG: OnceLock<pipeline::Config> = OnceLock::new();
    CONFIG.get_or_init(pipeline::Config::default)
}

/// The embedded lexicons, compiled once per process.
pub fn embedded() -> &'static Lexicon {
    &config().lexicon
}

/// Fails with `message` unless `ok`.
fn ensure(ok: bool, message: impl FnOnce() -> String) -> Result<(), Violation> {
    if ok { Ok(()) } else { Err(message()) }
}

/// `span` lies inside `text` with both ends on character boundaries.
fn slices<T: Debug>(text: &str, span: &Range<usize>, what: T) -> Result<(), Violation> {
    ensure(span.start <= span.end && span.end <= text.len(), || {
        format!("{what:?}: span {span:?} outside 0..{}", text.len())
    })?;
    ensure(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        || format!("{what:?}: span {span:?} not on character boundaries"),
    )
}

/// Spans in order and not overlapping (empty spans may touch).
fn ordered<T: Debug>(spans: &[Range<usize>], what: T) -> Result<(), Violation> {
    for pair in spans.windows(2) {
        ensure(pair[0].end <= pair[1].start, || {
            format!(
                "{what:?}: spans {:?} and {:?} overlap or are out of order",
                pair[0], pair[1]
            )
        })?;
    }
    Ok(())
}

/// Line ends as the normaliser counts them: `\r\n`, a lone `\r`, `\n`.
fn line_ends(text: &str) -> usize {
    text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count()
}

/// Normalisation and its offset map, on the text of `bytes`.
pub fn check_normalize(bytes: &[u8]) -> Result<(), Violation> {
    let text = String::from_utf8_lossy(bytes);
    normalized(&text, &Normalized::new(&text))
}

/// The invariants of `norm`, the normalisation of `original`:
/// - idempotent: normalising the normalised text changes nothing;
/// - line ends one for one;
/// - every position maps into the original, on a character boundary, monotonically;
/// - a span between map boundaries maps to an original slice that normalises to it;
/// - `to_normalized` gives valid spans that cover what `to_original` came from.
pub fn normalized(original: &str, norm: &Normalized) -> Result<(), Violation> {
    let text = norm.text();
    let again = normalize(text);
    ensure(again == text, || {
        format!("not idempotent: {original:?} → {text:?} → {again:?}")
    })?;
    ensure(text.matches('\n').count() == line_ends(original), || {
        format!("line ends not kept one for one: {original:?} → {text:?}")
    })?;
    let mut last = 0;
    for a in (0..=text.len()).filter(|&a| text.is_char_boundary(a)) {
        let here = norm.to_original(NormSpan::new(a, a));
        slices(original, &here.range(), ("to_original", a))?;
        ensure(here.start >= last, || format!("map not monotone at normalised {a}"))?;
        last = here.start;
        let next = text[a..].chars().next().map_or(a, |c| a + c.len_utf8());
        let one = norm.to_original(NormSpan::new(a, next));
        slices(original, &one.range(), ("to_original", a..next))?;
        let back = norm.to_normalized(one);
        slices(text, &back.range(), ("to_normalized", one.range()))?;
        ensure(back.start <= a && next <= back.end, || {
            format!("round trip of {a}..{next} gives {back:?}")
        })?;
    }
    // Exactness between map boundaries: each boundary to the next few, and the whole
    // text (all pairs would be quadratic on long inputs).
    let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| norm.is_boundary(i)).collect();
    let whole = [(0, text.len())];
    let near = boundaries
        .iter()
        .enumerate()
        .flat_map(|(i, &a)| boundaries[i..].iter().take(4).map(move |&b| (a, b)));
    for (a, b) in near.chain(whole) {
        let span = norm.to_original(NormSpan::new(a, b)).range();
        slices(original, &span, ("to_original", a..b))?;
        let renormalized = normalize(&original[span.clone()]);
        ensure(renormalized == text[a..b], || {
            format!(
                "normalised {a}..{b} = {:?} maps to original {span:?} = {:?}, which normalises to {renormalized:?}",
                &text[a..b],
                &original[span.clone()]
            )
        })?;
    }
    for s in (0..=original.len()).filter(|&i| original.is_char_boundary(i)) {
        let back = norm.to_normalized(OrigSpan::new(s, original.len()));
        slices(text, &back.range(), ("to_normalized", s..original.len()))?;
    }
    Ok(())
}

/// Segmentation of the text of `bytes` with the embedded furniture rules.
pub fn check_segment(bytes: &[u8]) -> Result<(), Violation> {
    let text = String::from_utf8_lossy(bytes);
    let norm = Normalized::new(&text);
    let segments = segment::segment(&text, 0, &norm, &embedded().furniture);
    segmented(&text, &norm, &segments)
}

/// The invariants of `seg`, the segmentation of `text`: lines, sentences and clauses in
/// bounds (original and normalised), on character boundaries, in order, not overlapping;
/// each sentence inside its line, each clause inside its sentence; one line per line of
/// the file.
pub fn segmented(text: &str, norm: &Normalized, seg: &Segmented) -> Result<(), Violation> {
    let ntext = norm.text();
    // A final line end opens no line; an empty text is one empty line.
    let expected_lines = line_ends(text) + usize::from(text.is_empty() || !text.ends_with(['\n', '\r']));
    ensure(seg.lines.len() == expected_lines, || {
        format!("{} lines for a text of {expected_lines}", seg.lines.len())
    })?;
    for (i, line) in seg.lines.iter().enumerate() {
        ensure(line.number == i + 1, || format!("line {i} is numbered {}", line.number))?;
        slices(text, &line.span.range(), ("line", line.number))?;
        slices(ntext, &line.norm.range(), ("normalised line", line.number))?;
    }
    ordered(&seg.lines.iter().map(|l| l.span.range()).collect::<Vec<_>>(), "lines")?;
    ordered(
        &seg.lines.iter().map(|l| l.norm.range()).collect::<Vec<_>>(),
        "normalised lines",
    )?;
    for (i, s) in seg.sentences.iter().enumerate() {
        let line = seg
            .lines
            .get(s.line)
            .ok_or_else(|| format!("sentence {i}: no line {}", s.line))?;
        ensure(line.kind.has_text(), || {
            format!("sentence {i} on a {:?} line", line.kind)
        })?;
        slices(text, &s.span.range(), ("sentence", i))?;
        slices(ntext, &s.norm.range(), ("normalised sentence", i))?;
        ensure(!s.span.is_empty(), || format!("sentence {i} is empty"))?;
        ensure(line.norm.covers(s.norm), || {
            format!("sentence {i} {:?} outside its line {:?}", s.norm, line.norm)
        })?;
        for c in &s.clauses {
            slices(ntext, &c.range(), ("clause of sentence", i))?;
            ensure(s.norm.covers(*c), || {
                format!("clause {c:?} outside sentence {i} {:?}", s.norm)
            })?;
        }
        ordered(
            &s.clauses.iter().map(|c| c.range()).collect::<Vec<_>>(),
            ("clauses of sentence", i),
        )?;
        if let Some(q) = s.quote {
            ensure(q < i, || format!("sentence {i} continues a quotation of sentence {q}"))?;
        }
    }
    ordered(
        &seg.sentences.iter().map(|s| s.span.range()).collect::<Vec<_>>(),
        "sentences",
    )?;
    ordered(
        &seg.sentences.iter().map(|s| s.norm.range()).collect::<Vec<_>>(),
        "normalised sentences",
    )?;
    if let Some(b) = &seg.byline {
        slices(text, &b.outlet_span.range(), "byline outlet")?;
        ensure(b.line < seg.lines.len(), || format!("byline on line index {}", b.line))?;
    }
    Ok(())
}

/// Messages of errors about a whole input, which have no line to name.
const WHOLE_INPUT: [&str; 5] = [
    "is empty",
    "is UTF-16",
    "looks binary",
    "cannot read",
    "bytes, over the limit",
];

/// Ingest of `bytes` as standard input (a text article with front matter, or JSONL) and
/// as a `corpus.toml` manifest. Never a panic; every error names the input and, unless
/// it is about the whole input, a line of it.
pub fn check_ingest(bytes: &[u8]) -> Result<(), Violation> {
    let corpus = ingest::read_stdin(bytes, &IngestOptions::default());
    corpus_errors(bytes, &corpus)?;
    for article in &corpus.articles {
        slices(
            &article.text,
            &(article.body..article.text.len()),
            ("body of", &article.path),
        )?;
        if article.path == "-" {
            ensure(article.text.as_bytes() == bytes, || {
                "a text article is not its bytes unchanged".into()
            })?;
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // No listed file exists in a directory that does not exist.
        let dir = Path::new("/nonexistent/claimgraph-fuzz");
        if let Err(error) = ingest::check_manifest(text, "corpus.toml", dir) {
            input_error(bytes, &error, true)?;
        }
    }
    Ok(())
}

/// Every error and warning of `corpus`, read from `bytes`, names its input and a line
/// within it.
fn corpus_errors(bytes: &[u8], corpus: &Corpus) -> Result<(), Violation> {
    for error in &corpus.errors {
        let whole = WHOLE_INPUT.iter().any(|m| error.message.contains(m));
        input_error(bytes, error, !whole)?;
    }
    for warning in &corpus.warnings {
        input_error(bytes, warning, false)?;
    }
    Ok(())
}

fn input_error(bytes: &[u8], error: &InputError, needs_line: bool) -> Result<(), Violation> {
    ensure(!error.path.is_empty() && !error.message.is_empty(), || {
        format!("error without path or message: {error:?}")
    })?;
    let lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count();
    match error.line {
        None => ensure(!needs_line, || format!("error without a line: {error}")),
        Some(line) => ensure((1..=lines).contains(&line), || {
            format!("error on line {line} of a {lines}-line input: {error}")
        }),
    }
}

/// A user lexicon of `bytes`, the way `--lexicon FILE` loads it (parsed, merged over the
/// packs of `base`, validated, compiled) and the way `claimgraph lexicon check FILE`
/// checks it. `base` is `&embedded().files` for exactly what a run does; the fuzz target
/// passes `&[]`, because compiling and running the embedded packs' examples for every
/// input would leave it a few inputs a second. `scratch` is a directory to write the file
/// into for `check`. Errors are fine; a panic is not; every error about the file that has
/// a position names a line of it.
pub fn check_lexicon(bytes: &[u8], scratch: &Path, base: &[PackFile]) -> Result<(), Violation> {
    let path = scratch.join("user.toml");
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let shown = path.display().to_string();
    let report = validate::check(base, std::slice::from_ref(&path));
    let mut errors = report.errors;
    if let Ok(src) = std::str::from_utf8(bytes) {
        let mut files = base.to_vec();
        match PackFile::parse(&shown, src) {
            Ok(user) => {
                files.push(user);
                if let Err(e) = Lexicon::compile(files) {
                    errors.extend(e);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let src = String::from_utf8_lossy(bytes);
    for error in errors.iter().filter(|e| e.path == shown) {
        lexicon_error(&src, error)?;
    }
    Ok(())
}

fn lexicon_error(src: &str, error: &LexiconError) -> Result<(), Violation> {
    ensure(!error.message.is_empty(), || {
        format!("error without a message: {error:?}")
    })?;
    let lines = 1 + src.matches('\n').count();
    if let Some((line, column)) = error.position {
        ensure((1..=lines).contains(&line) && column >= 1, || {
            format!("error at {line}:{column} of a {lines}-line file: {error}")
        })?;
    }
    Ok(())
}

/// The whole pipeline on `bytes` as standard input, with the embedded lexicons: every
/// stage's invariants on every article, every span of the run slicing its article's
/// text, and JSON that parses back to the same run.
pub fn check_pipeline(bytes: &[u8]) -> Result<(), Violation> {
    let config = config();
    let corpus = ingest::read_stdin(bytes, &config.ingest);
    corpus_errors(bytes, &corpus)?;
    let analyses: Vec<pipeline::Analysis> = corpus
        .articles
        .into_iter()
        .map(|article| pipeline::analyze(article, &config.lexicon))
        .collect();
    for a in &analyses {
        segmented(&a.article.text, &a.norm, &a.segments)?;
    }
    let run = pipeline::build_run(&analyses, &config.lexicon, config.window_days);
    let text_of = |id: &str| {
        analyses
            .iter()
            .find(|a| a.article.id == id)
            .map(|a| a.article.text.as_str())
            .ok_or_else(|| format!("no article `{id}`"))
    };
    run_spans(&run, text_of)?;
    let json = crate::report::to_json(&run);
    let back: Run = serde_json::from_str(&json).map_err(|e| format!("invalid JSON: {e}\n{json}"))?;
    ensure(back == run, || "the JSON does not read back as the same run".into())
}

/// Every span of `run` slices its article's text (found by `text_of`) on character
/// boundaries, and every mention's `text` is its sentence.
pub fn run_spans<'a>(run: &Run, text_of: impl Fn(&str) -> Result<&'a str, Violation>) -> Result<(), Violation> {
    let range = |s: &Span| s.range();
    for a in &run.articles {
        let text = text_of(&a.id)?;
        for f in &a.furniture {
            slices(text, &range(&f.span), ("furniture line", f.line))?;
        }
    }
    for s in &run.sources {
        for cue in &s.cues {
            slices(text_of(&cue.article)?, &(cue.start..cue.end), ("cue of", &s.id))?;
        }
    }
    for m in &run.mentions {
        let text = text_of(&m.article)?;
        slices(text, &range(&m.sentence), ("sentence of", &m.id))?;
        slices(text, &range(&m.evidence), ("evidence of", &m.id))?;
        ensure(
            m.sentence.start <= m.evidence.start && m.evidence.end <= m.sentence.end,
            || {
                format!(
                    "mention {}: evidence {:?} outside sentence {:?}",
                    m.id, m.evidence, m.sentence
                )
            },
        )?;
        ensure(text[range(&m.sentence)] == m.text, || {
            format!("mention {} text {:?} is not its sentence", m.id, m.text)
        })?;
    }
    Ok(())
}
