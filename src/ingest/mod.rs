//! Corpus input: find the articles behind the paths the user gave, read them, and take
//! their declared metadata.
//!
//! Input: paths (files, directories, `-` for stdin). Output: [`Article`]s, each with its
//! original text exactly as read and the metadata the input declares, plus an
//! [`InputError`] for every input that had to be skipped (or a warning for one that was
//! read with something ignored).
//!
//! Two passes, so a run never holds the corpus: the *index* pass ([`index`]) reads every
//! input with every check and message, and keeps of each
//! article a [`Pending`]: its record without the text, and where to read the text again
//! (a file, or a JSONL file's byte range) with the text's length and hash. The *read*
//! pass ([`Pending::read`], on the pipeline's workers) reads it again, decodes it the same
//! way and checks it is the text indexed; a file changed in between is an `InputError`.
//! The index pass walks the directories on one thread and puts each file off; the files
//! are then read on the run's threads, a batch each, and what they hold is taken in
//! discovery order, so the index (errors and warnings too) is the same at any thread
//! count.
//! Ids are known only after reading (front matter, manifest, JSONL record), so renaming
//! duplicates and sorting happen on the index. [`load`] and [`read_stdin`] are the two
//! passes back to back, for callers that want every article at once.
//!
//! Invariants:
//! - `Article::text` is the file's bytes unchanged (BOM, CRLF, front matter included), so
//!   every span downstream slices the file itself. For a JSONL record it is the record's
//!   decoded `text` field.
//! - A bad input never stops the run: it becomes an `InputError` naming the file and line,
//!   and the other inputs are still read. Nothing here panics on any input.
//! - Discovery is deterministic: directories are walked in sorted order, duplicate ids are
//!   renamed in discovery order, and the corpus is sorted by id.
//!
//! Metadata precedence, highest first: front matter, the directory's `corpus.toml`
//! manifest (an `[[article]]` entry, then its `[defaults]`, innermost manifest first), the
//! JSONL record. A JSONL record takes only its own fields: a manifest entry names a file,
//! not a record, so manifests do not apply to JSONL. What none of them declares is detected
//! later (language from the script here, outlet from a byline line in `segment`, so an
//! undeclared `outlet` is `None` here). An empty value (`outlet:`) counts as not declared;
//! a declared value is kept as written (the seed manifest's `"unknown"` outlet included).
//!
//! Code map: `discover` turns paths into files (walk, manifests in scope), `decode` turns
//! bytes into text or a clear error, `front_matter`, `manifest` and `jsonl` parse the three
//! metadata formats into one `Fields` shape, this file assembles the index, and `pending`
//! is the read pass (and why text from a stream is kept in memory).
//!
//! Limits worth knowing: `max_article_bytes` bounds a text file, stdin and one JSONL
//! record's decoded `text`, not a whole JSONL file (a JSONL corpus is many articles).
//! No read is unbounded: a regular file is measured before it is read, a stream (stdin,
//! a FIFO, a device) is read one byte past the limit and no further, and JSONL is read a
//! line at a time, a line over three times the limit (`jsonl::max_line_bytes`) skipped to
//! its end without being held. A walk takes regular files only (a FIFO would block it)
//! and names any other entry with an article extension; a symbolic link that leads
//! nowhere is named as one. A `corpus.toml` applies to the files found by walking its directory tree, and to a
//! file given directly whose own directory holds it (ancestors are not searched then).

mod decode;
mod discover;
mod fields;
mod front_matter;
mod jsonl;
mod manifest;
mod pending;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use crate::model::date::PartialDate;
use fields::Fields;
pub use pending::Pending;
use pending::Place;

/// Where a metadata field came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Origin {
    /// Nothing declared or detected it.
    #[default]
    None,
    /// Front matter at the top of the file.
    FrontMatter,
    /// The directory's `corpus.toml`.
    Manifest,
    /// The JSONL record.
    Jsonl,
    /// A byline line in the text.
    Byline,
    /// The script the text is written in.
    Script,
}

impl Origin {
    /// The name used in output (`front-matter`, `manifest`, …, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::None => "none",
            Origin::FrontMatter => "front-matter",
            Origin::Manifest => "manifest",
            Origin::Jsonl => "jsonl",
            Origin::Byline => "byline",
            Origin::Script => "script",
        }
    }
}

/// The metadata an input declares for an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// Outlet label as declared (`Tayf Post`), `None` when not declared.
    pub outlet: Option<String>,
    /// Where `outlet` came from.
    pub outlet_from: Origin,
    /// Publication date.
    pub published: Option<PartialDate>,
    /// Where `published` came from.
    pub published_from: Origin,
    /// BCP-47 language code.
    pub language: Option<String>,
    /// Where `language` came from.
    pub language_from: Origin,
    /// URL.
    pub url: Option<String>,
    /// Title, when declared (otherwise the headline line is used).
    pub title: Option<String>,
}

/// One article, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Stable id: the file stem, or the path relative to the directory given on the
    /// command line without extension; a JSONL record's `id`.
    pub id: String,
    /// The path as the user would recognise it (`fixtures/ain-issa/000_….txt`).
    pub path: String,
    /// The original text, exactly as read.
    pub text: String,
    /// Byte offset where the article body starts (after front matter; 0 without).
    pub body: usize,
    /// Declared and script-detected metadata.
    pub meta: Meta,
}

/// Why an input was skipped (or, as a warning, what was ignored in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file, as the user would recognise it.
    pub path: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message)?,
            None => write!(f, "{}: {}", self.path, self.message)?,
        }
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Articles larger than this many bytes are skipped with an error.
    pub max_article_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_article_bytes: 16 * 1024 * 1024,
        }
    }
}

/// What the index pass found: every article's record and where its text is, without the
/// text, which [`Pending::read`] reads when it is needed.
#[derive(Debug, Default)]
pub struct Index {
    /// The articles, sorted by id.
    pub pending: Vec<Pending>,
    /// Inputs (or records) that were skipped.
    pub errors: Vec<InputError>,
    /// Inputs read with something ignored (an unknown front-matter key, a renamed id).
    pub warnings: Vec<InputError>,
}

impl Index {
    /// Reads every pending article, all held at once (for callers that want the whole
    /// corpus); an article whose file changed since it was indexed is an error after the
    /// index pass's errors.
    pub fn read_all(self) -> Corpus {
        let mut corpus = Corpus {
            articles: Vec::with_capacity(self.pending.len()),
            errors: self.errors,
            warnings: self.warnings,
        };
        for pending in self.pending {
            match pending.read() {
                Ok(article) => corpus.articles.push(article),
                Err(error) => corpus.errors.push(error),
            }
        }
        corpus
    }
}

/// Everything read from the inputs.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The articles, sorted by id.
    pub articles: Vec<Article>,
    /// Inputs (or records) that were skipped.
    pub errors: Vec<InputError>,
    /// Inputs read with something ignored (an unknown front-matter key, a renamed id).
    pub warnings: Vec<InputError>,
}

impl InputError {
    /// An error for `path`, with no line.
    fn new(path: &str, message: impl Into<String>, hint: impl Into<String>) -> InputError {
        InputError {
            path: path.to_string(),
            line: None,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The same error, at `line`.
    fn at(mut self, line: usize) -> InputError {
        self.line = Some(line);
        self
    }
}

/// The index pass over `paths`: files, directories (walked recursively, taking `.txt`,
/// `.md` and `.jsonl`), and `-` for standard input. Every input is read and checked, in
/// discovery order, with every error and warning, but only each article's record and the
/// place of its text are kept (the text itself only for a stream: see [`Pending`]).
pub fn index(paths: &[PathBuf], options: &IngestOptions) -> Index {
    let mut loader = Loader::new(options);
    for path in paths {
        if path.as_os_str() == "-" {
            loader.stdin(std::io::stdin().lock());
        } else {
            loader.path(path);
        }
    }
    loader.finish()
}

/// Reads every article behind `paths` (see [`index`]) into memory at once.
pub fn load(paths: &[PathBuf], options: &IngestOptions) -> Corpus {
    index(paths, options).read_all()
}

/// Reads one input from `reader` as `load` reads `-`: JSONL when its first non-whitespace
/// character is `{`, otherwise one text article with id `stdin` and path `-`.
pub fn read_stdin(reader: impl Read, options: &IngestOptions) -> Corpus {
    let mut loader = Loader::new(options);
    loader.stdin(reader);
    loader.finish().read_all()
}

/// Parses `text` as the `corpus.toml` manifest `path` of directory `dir`, the way `load`
/// reads one, and returns its first problem. For the fuzz targets and their regression
/// tests (`crate::invariants`): manifests are otherwise only read from disk.
#[doc(hidden)]
pub fn check_manifest(text: &str, path: &str, dir: &std::path::Path) -> Result<(), InputError> {
    manifest::parse(text, path, dir).map(drop)
}

/// The language a text is written in, judged by its letters alone: `"ar"` when most are
/// Arabic script, `"en"` when most are Latin, `None` for anything else (no letters, mixed,
/// another script). Latin is taken to be English because that is the corpus's other
/// language; a French article would be misjudged, which is why declaring beats this.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let (mut arabic, mut latin, mut letters) = (0usize, 0usize, 0usize);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // The ASCII and common Arabic letters off the bytes (the hot case: this runs over
        // every text in the index pass, serially).
        let b = bytes[at];
        if b.is_ascii() {
            if b.is_ascii_alphabetic() {
                latin += 1;
                letters += 1;
            }
            at += 1;
            continue;
        }
        if let &[lead @ 0xD8..=0xDB, next, ..] = &bytes[at..]
            && matches!((u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F), 0x0621..=0x064A | 0x066E..=0x06D3)
        {
            arabic += 1;
            letters += 1;
            at += 2;
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        at += c.len_utf8();
        if !c.is_alphabetic() {
            continue;
        }
        match c as u32 {
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => arabic += 1,
            0x0041..=0x024F | 0x1E00..=0x1EFF => latin += 1,
            _ => {}
        }
        letters += 1;
    }
    // "Most" is a strict majority: an Arabic article quoting English names stays Arabic,
    // and a half-and-half text is left undecided rather than guessed.
    if arabic * 2 > letters {
        Some("ar")
    } else if latin * 2 > letters {
        Some("en")
    } else {
        None
    }
}

/// Files read by one thread before the next batch is handed over (a text file is some
/// 30 µs of work, less than handing it over costs).
const FILES_PER_BATCH: usize = 64;

/// The state of one index pass: what has been found so far, in discovery order.
struct Loader<'a> {
    options: &'a IngestOptions,
    /// What was found since the last file was put off (errors of the walk, standard input).
    index: Index,
    /// Everything found, in discovery order: what was found at once, and the files the
    /// walk put off, which `finish` reads on the run's threads.
    steps: Vec<Step>,
    /// Manifests already read, by canonical directory, so a directory given twice (or a
    /// file given beside its directory) reports a broken manifest once. `None`: the
    /// directory has no usable manifest.
    manifests: HashMap<PathBuf, Option<Arc<manifest::Manifest>>>,
}

/// One step of the index pass, in discovery order.
enum Step {
    /// Found at once: the walk's own errors and warnings, or standard input.
    Found(Index),
    /// A file to read.
    File(discover::FileJob),
}

/// What the surroundings of a text file declare for it.
#[derive(Default)]
struct Context<'m> {
    /// The article's `[[article]]` entry in a manifest in scope.
    entry: Option<&'m Fields>,
    /// The `[defaults]` of the manifests in scope, innermost first.
    defaults: Vec<&'m Fields>,
}

impl<'a> Loader<'a> {
    fn new(options: &'a IngestOptions) -> Self {
        Loader {
            options,
            index: Index::default(),
            steps: Vec::new(),
            manifests: HashMap::new(),
        }
    }

    fn error(&mut self, error: InputError) {
        self.index.errors.push(error);
    }

    /// Puts off reading a file the walk found until `finish`, after what was found before it.
    fn put_off(&mut self, job: discover::FileJob) {
        self.flush();
        self.steps.push(Step::File(job));
    }

    /// What was found since the last step, as a step of its own.
    fn flush(&mut self) {
        let found = std::mem::take(&mut self.index);
        if !(found.pending.is_empty() && found.errors.is_empty() && found.warnings.is_empty()) {
            self.steps.push(Step::Found(found));
        }
    }

    /// Reads standard input as JSONL (streamed, a line at a time) when its first
    /// non-whitespace character is `{`, else as one text article (at most
    /// `max_article_bytes`). Only the bytes before that first character are read ahead.
    fn stdin(&mut self, mut reader: impl Read) {
        const BOM: &[u8] = "\u{feff}".as_bytes();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        // Byte by byte (stdin is buffered already): nothing past the deciding byte is
        // read ahead, and what was read goes on to the article or the JSONL reader.
        let looks_jsonl = loop {
            match reader.read(&mut byte) {
                Ok(0) => break false,
                Ok(_) => head.push(byte[0]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.error(InputError::new("-", format!("cannot read standard input: {e}"), ""));
                    return;
                }
            }
            let undecided = BOM.starts_with(&head) || byte[0].is_ascii_whitespace();
            if !undecided || head.len() > self.options.max_article_bytes {
                break byte[0] == b'{';
            }
        };
        let input = std::io::Cursor::new(head).chain(reader);
        if looks_jsonl {
            jsonl::read(
                std::io::BufReader::new(input),
                "-",
                "stdin",
                None,
                self.options,
                &mut self.index,
            );
        } else {
            match decode::read_article(input, "-", self.options) {
                Ok(bytes) => text_article(
                    &mut self.index,
                    self.options,
                    bytes,
                    "-",
                    "stdin".to_string(),
                    &Context::default(),
                    None,
                ),
                Err(error) => self.error(error),
            }
        }
    }

    /// Reads the files put off, on the pass's threads, takes every step in discovery
    /// order, renames duplicate ids in that order (the first keeps its id) and sorts.
    fn finish(mut self) -> Index {
        self.flush();
        let options = self.options;
        // A file is read on a thread; what was found at once is taken as its turn comes.
        let (files, mut found): (Vec<_>, Vec<_>) = std::mem::take(&mut self.steps)
            .into_iter()
            .map(|step| match step {
                Step::File(job) => (Some(job), None),
                Step::Found(index) => (None, Some(index)),
            })
            .unzip();
        let mut turn = 0;
        // Files go to threads a batch at a time: one file is too little work to hand over.
        // What each holds is taken in order as it comes, so the records are held once.
        let batches: Vec<_> = files.chunks(FILES_PER_BATCH).collect();
        // Neither side fails: every problem with a file is an `InputError` in its part.
        let _infallible = crate::parallel::in_order(
            &batches,
            |batch| {
                Ok(batch
                    .iter()
                    .map(|job| job.as_ref().map(|job| job.read(options)))
                    .collect::<Vec<_>>())
            },
            |parts| {
                for part in parts {
                    let part = part.or_else(|| found[turn].take()).unwrap_or_default();
                    turn += 1;
                    self.index.pending.extend(part.pending);
                    self.index.errors.extend(part.errors);
                    self.index.warnings.extend(part.warnings);
                }
                Ok(())
            },
        );
        let mut taken: HashMap<String, String> = self
            .index
            .pending
            .iter()
            .map(|p| (p.record.id.clone(), p.record.path.clone()))
            .collect();
        let mut seen: HashMap<String, String> = HashMap::new();
        for article in self.index.pending.iter_mut().map(|p| &mut p.record) {
            let Some(first_path) = seen.get(&article.id).cloned() else {
                seen.insert(article.id.clone(), article.path.clone());
                continue;
            };
            let renamed = (2..)
                .map(|n| format!("{}~{n}", article.id))
                .find(|candidate| !taken.contains_key(candidate))
                .expect("an unused suffix exists");
            self.index.warnings.push(InputError::new(
                &article.path,
                format!(
                    "duplicate id `{}` (already used by {first_path}); renamed to `{renamed}`",
                    article.id
                ),
                "give each article its own id (front matter `id:`, the manifest's `id`, \
                 or the JSONL record's `id`)",
            ));
            taken.insert(renamed.clone(), article.path.clone());
            seen.insert(renamed.clone(), article.path.clone());
            article.id = renamed;
        }
        self.index.pending.sort_by(|a, b| a.record.id.cmp(&b.record.id));
        self.index
    }
}

/// Reads a text article from its bytes and adds it to `index`, to be read again at `place`
/// (its text kept when there is none), or reports why it cannot be read.
fn text_article(
    index: &mut Index,
    options: &IngestOptions,
    bytes: Vec<u8>,
    path: &str,
    id: String,
    context: &Context,
    place: Option<Place>,
) {
    match build_text_article(&mut index.warnings, options, bytes, path, id, context) {
        Ok(article) => index.pending.push(Pending::new(article, place)),
        Err(error) => index.errors.push(error),
    }
}

fn build_text_article(
    warnings: &mut Vec<InputError>,
    options: &IngestOptions,
    bytes: Vec<u8>,
    path: &str,
    id: String,
    context: &Context,
) -> Result<Article, InputError> {
    decode::check_size(bytes.len() as u64, path, options)?;
    decode::check_binary(&bytes, path)?;
    let text = decode::utf8(bytes, path)?;
    if decode::is_blank(&text) {
        return Err(InputError::new(path, "is empty", decode::EMPTY_HINT));
    }
    let front = front_matter::parse(&text, path, warnings)?;
    if decode::is_blank(&text[front.body..]) {
        return Err(InputError::new(
            path,
            "is empty after its front matter",
            decode::EMPTY_HINT,
        ));
    }
    let mut layers = vec![(Origin::FrontMatter, &front.fields)];
    layers.extend(context.entry.map(|entry| (Origin::Manifest, entry)));
    layers.extend(context.defaults.iter().map(|d| (Origin::Manifest, *d)));
    let (declared_id, meta) = fields::merge(&layers, &text[front.body..]);
    Ok(Article {
        id: declared_id.unwrap_or(id),
        path: path.to_string(),
        body: front.body,
        text,
        meta,
    })
}
