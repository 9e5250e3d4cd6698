//! Mentions and sources kept on disk between the per-article stages and the output
//! (`claimgraph json` and `compare`), so a run's memory does not grow with its mentions'
//! text and its sources' cues.
//!
//! Each worker writes the mentions and the sources of every article it digests to its
//! own temporary file (one `write_all` per list) and keeps only where they went
//! ([`Block`]). Sources are compact binary records. Mentions are records too
//! ([`SpillFile::keep`], for `compare`), or, for `claimgraph json`, already written as
//! their elements of the JSON document but for the claim id, which linking decides
//! later ([`SpillFile::keep_rendered`]): the escaping is done on the workers, and the
//! writer only puts the ids in and copies bytes, with no string decoded or allocated.
//! When the run is assembled, every block of mentions learns where its frames' claims
//! ended up; the blocks are then read back one article at a time, each mention given its
//! claim id and the article's mentions sorted as the in-memory run sorts them. The JSON
//! writer ([`Spilled::write_run`]) reads sources in the order of their ids and writes
//! mentions, claims and sources by hand; it writes every large list (articles, sources,
//! claims, mentions) in pieces made on the run's workers and written in order, the
//! workers a few pieces ahead of the writer. `compare` reads the mentions as records,
//! through `report::Store` ([`Spilled::each_mention`]). The output is byte-identical to
//! the in-memory run's (`tests/json.rs` and `tests/reports.rs` check it).
//!
//! The files live in the system's temporary directory (`TMPDIR`). On Unix a file is
//! unlinked as soon as it is opened, so nothing is left behind even if the process is
//! killed; elsewhere it is removed when the run is dropped. A file that cannot be created
//! or written leaves that worker's mentions in memory, with one warning.

use crate::model::{ArticleInfo, Claim, Cue, Mention, Polarity, Source, Stance};
use crate::parallel::in_order;
use crate::report::json::{
    push_claim, push_element, push_mention, push_mention_head, push_mention_tail, push_source, push_str,
    write_field_value,
};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One mention waiting for its claim id: the frame whose claim it is (its index among the
/// article's frames), or `None` when the mention already names its (open) claim.
pub type Pending = (Mention, Option<usize>);

/// A mention given its claim id, with its claim's index in `Run::claims` (`None`: no
/// claim of the run).
type Named = (Mention, Option<usize>);

/// Where one article's mentions or sources are.
#[derive(Debug, Clone)]
pub enum Block<T> {
    /// Held in memory (no spill file, or it could not be written).
    Held(Vec<T>),
    /// `count` records in `len` bytes at `offset` of the spill file `file` (a worker's
    /// index).
    Spilled {
        file: usize,
        offset: u64,
        len: u64,
        count: usize,
    },
}

impl<T> Block<T> {
    /// How many records the block has.
    pub fn len(&self) -> usize {
        match self {
            Block::Held(held) => held.len(),
            Block::Spilled { count, .. } => *count,
        }
    }
}

/// What can be kept in a spill file: a record written as bytes and read back.
pub trait Record: Sized + Clone {
    fn encode(&self, out: &mut Vec<u8>);
    fn decode(cursor: &mut Cursor<'_>) -> Option<Self>;
}

/// A worker's spill file, written one article at a time.
#[derive(Debug)]
pub struct SpillFile {
    file: File,
    written: u64,
    /// The path to remove on drop, where the file could not be unlinked while open.
    leftover: Option<PathBuf>,
    /// The bytes of the list being written, kept between lists (an article's are about
    /// 25 KB: grown once, not for every article).
    buffer: Vec<u8>,
}

/// The largest list buffer a spill file keeps for the next list.
const KEPT_BUFFER: usize = 1 << 20;

impl SpillFile {
    /// Creates a new, empty spill file in the temporary directory.
    pub fn create() -> io::Result<SpillFile> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir();
        let path = dir.join(format!(
            "claimgraph-{}-{}.spill",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        // Unix lets an open file be unlinked: nothing survives the process.
        let leftover = std::fs::remove_file(&path).is_err().then_some(path);
        Ok(SpillFile {
            file,
            written: 0,
            leftover,
            buffer: Vec::new(),
        })
    }

    /// Writes a block held in memory to the file (one write for the article's list) and
    /// makes it say where it went; on an error the block stays in memory.
    pub fn keep<T: Record>(&mut self, index: usize, block: &mut Block<T>) -> io::Result<()> {
        self.keep_as(index, block, T::encode)
    }

    /// [`SpillFile::keep`] for mentions, each written as its element of the JSON
    /// document but for its claim id ([`encode_rendered`]); read back only by
    /// [`Spilled::write_run`].
    pub fn keep_rendered(&mut self, index: usize, block: &mut Block<Pending>) -> io::Result<()> {
        self.keep_as(index, block, encode_rendered)
    }

    fn keep_as<T>(&mut self, index: usize, block: &mut Block<T>, encode: fn(&T, &mut Vec<u8>)) -> io::Result<()> {
        let Block::Held(held) = block else { return Ok(()) };
        let mut bytes = std::mem::take(&mut self.buffer);
        bytes.clear();
        for record in held.iter() {
            encode(record, &mut bytes);
        }
        let offset = self.written;
        let written = self.file.write_all(&bytes);
        let len = bytes.len() as u64;
        // (Not the buffer of a huge article: that one goes.)
        if bytes.capacity() <= KEPT_BUFFER {
            self.buffer = bytes;
        }
        if let Err(e) = written {
            // Part of the list may have reached the file: the next one starts after it.
            self.written = self.file.stream_position().unwrap_or(u64::MAX);
            return Err(e);
        }
        self.written += len;
        *block = Block::Spilled {
            file: index,
            offset,
            len,
            count: held.len(),
        };
        Ok(())
    }
}

impl Drop for SpillFile {
    fn drop(&mut self) {
        if let Some(path) = &self.leftover {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A run's mentions and sources, on disk and in memory, in article order, with what is
/// needed to give each mention its claim id.
#[derive(Debug, Default)]
pub struct Spilled {
    /// The workers' files, by worker index (`None`: that worker spilled nothing).
    pub(super) files: Vec<Option<SpillFile>>,
    /// Per article, in the order of `Run::articles`: its mentions and the index of its
    /// first frame among all the run's frames.
    pub(super) blocks: Vec<(Block<Pending>, usize)>,
    /// Per article, in the order of `Run::articles`: its sources.
    pub(super) sources: Vec<Block<Source>>,
    /// Per frame of the run, the index of its claim in `Run::claims`.
    pub(super) claim_of: Vec<usize>,
    /// Whether the spilled mentions were written as JSON ([`SpillFile::keep_rendered`]):
    /// then only [`Spilled::write_run`] reads them.
    pub(super) rendered: bool,
    /// Held while a block is read back (a seek, then a read, of a shared file).
    pub(super) reading: std::sync::Mutex<()>,
}

impl Spilled {
    /// How many mentions the run has.
    pub fn len(&self) -> usize {
        self.blocks.iter().map(|(block, _)| block.len()).sum()
    }

    /// Whether the run has no mentions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `f` on every mention in the run's order, read back in pieces of articles
    /// on the run's workers (`Spilled::in_rounds`).
    pub fn each_mention(&self, claims: &[Claim], f: &mut dyn FnMut(&Mention, Option<usize>)) -> io::Result<()> {
        if self.rendered {
            return Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "the mentions were kept as JSON, for the JSON writer only",
            ));
        }
        self.in_rounds(
            &self.blocks,
            |blocks| {
                let mut out = Vec::new();
                for (block, first_frame) in blocks {
                    out.extend(self.named_mentions(claims, block, *first_frame)?);
                }
                Ok(out)
            },
            |mentions| {
                mentions.iter().for_each(|(mention, claim)| f(mention, *claim));
                Ok(())
            },
        )
    }

    /// Calls `f` on every source in article order, read back in pieces of [`ARTICLES`]
    /// articles on the run's workers ([`in_order`]).
    pub fn each_source(&self, f: &mut dyn FnMut(&Source)) -> io::Result<()> {
        self.in_rounds(
            &self.sources,
            |blocks| {
                let mut sources = Vec::new();
                for block in blocks {
                    sources.extend(self.records(block).map_err(read_back)?);
                }
                Ok(sources)
            },
            |sources| {
                sources.iter().for_each(&mut *f);
                Ok(())
            },
        )
    }

    /// Reads per-article `blocks` (of mentions or sources) back in pieces of
    /// [`ARTICLES`] articles, made (`make`: read back, and whatever the caller makes of
    /// them) on the run's workers and handed to `take` in article order ([`in_order`]).
    fn in_rounds<B: Sync, R: Send>(
        &self,
        blocks: &[B],
        make: impl Fn(&[B]) -> io::Result<R> + Sync,
        take: impl FnMut(R) -> io::Result<()>,
    ) -> io::Result<()> {
        let pieces: Vec<_> = blocks.chunks(ARTICLES).collect();
        in_order(&pieces, self.workers(), |piece| make(piece), take)
    }

    /// How many workers the run had (one spill file each): as many make the output.
    fn workers(&self) -> usize {
        self.files.len().max(1)
    }

    /// An article's mentions read back, given their claim ids (`first_frame`: the index
    /// of its first frame among the run's) and sorted as the in-memory run sorts them,
    /// each with its claim's index in `claims` (an open claim's found by its id).
    fn named_mentions(&self, claims: &[Claim], block: &Block<Pending>, first_frame: usize) -> io::Result<Vec<Named>> {
        let mut mentions = self.records::<Pending>(block).map_err(read_back)?;
        for (mention, frame) in &mut mentions {
            *frame = match *frame {
                Some(k) => {
                    let claim = self.claim_of[first_frame + k];
                    mention.claim.clone_from(&claims[claim].id);
                    Some(claim)
                }
                None => crate::report::index_by_id(claims, &mention.claim, |c| &c.id),
            };
        }
        mentions.sort_by(|(a, _), (b, _)| mention_order(a, b));
        Ok(mentions)
    }

    /// The run's sources as the elements of a JSON array, sorted by id as
    /// `Run::sources` is, made on the run's workers; `articles` is the run's sorted
    /// article list the blocks follow.
    ///
    /// A source's id is its article's id, `/`, and a slug without `/`. So taking the
    /// articles in the order of `id/`, an article's sources come before the next
    /// article's, except that an article whose `id/` begins another's (`a` and `a/b`)
    /// interleaves with it: such a family is read together and sorted.
    fn write_sources(&self, articles: &[ArticleInfo], w: &mut dyn Write) -> io::Result<()> {
        let keys: Vec<String> = articles.iter().map(|a| format!("{}/", a.id)).collect();
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        let mut families: Vec<&[usize]> = Vec::new();
        let mut rest = order.as_slice();
        while let Some((head, tail)) = rest.split_first() {
            let head = &keys[*head];
            let (family, next) =
                rest.split_at(1 + tail.iter().take_while(|&&k| keys[k].starts_with(head.as_str())).count());
            families.push(family);
            rest = next;
        }
        let pieces: Vec<_> = families.chunks(ARTICLES).collect();
        write_elements(&pieces, self.workers(), w, |piece, out| {
            for family in piece.iter() {
                let mut sources = Vec::new();
                for &k in family.iter() {
                    if let Some(block) = self.sources.get(k) {
                        sources.extend(self.records::<Source>(block).map_err(read_back)?);
                    }
                }
                sources.sort_by(|a, b| a.id.cmp(&b.id));
                sources.iter().for_each(|source| push_source(out, source));
            }
            Ok(())
        })
    }

    /// The records of a block, read back if spilled.
    fn records<T: Record>(&self, block: &Block<T>) -> io::Result<Vec<T>> {
        match block {
            Block::Held(held) => Ok(held.clone()),
            Block::Spilled { file, offset, len, .. } => self.read(*file, *offset, *len),
        }
    }

    fn read<T: Record>(&self, file: usize, offset: u64, len: u64) -> io::Result<Vec<T>> {
        let bytes = self.read_bytes(file, offset, len)?;
        decode_all::<T>(&bytes).ok_or_else(damaged)
    }

    fn read_bytes(&self, file: usize, offset: u64, len: u64) -> io::Result<Vec<u8>> {
        let Some(Some(spill)) = self.files.get(file) else {
            return Err(io::Error::new(io::ErrorKind::NotFound, "no such spill file"));
        };
        let mut bytes = vec![0; usize::try_from(len).map_err(io::Error::other)?];
        // Seeking and reading are one step: writers on other threads read too.
        let _one_at_a_time = self.reading.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut f = &spill.file;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(&mut bytes)?;
        Ok(bytes)
    }

    /// An article's mentions as the elements of the JSON document's `mentions`, each
    /// after a comma, in the run's order: read back as records and written, or, kept as
    /// JSON, read back and given their claim ids.
    fn write_mentions(
        &self,
        claims: &[Claim],
        block: &Block<Pending>,
        first_frame: usize,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let (true, Block::Spilled { file, offset, len, .. }) = (self.rendered, block) else {
            for (mention, _) in &self.named_mentions(claims, block, first_frame)? {
                push_mention(out, mention, false);
            }
            return Ok(());
        };
        let bytes = self.read_bytes(*file, *offset, *len).map_err(read_back)?;
        let mut mentions = decode_rendered(&bytes).ok_or_else(|| read_back(damaged()))?;
        for m in &mut mentions {
            if let Some(k) = m.frame {
                m.claim = &claims[self.claim_of[first_frame + k]].id;
            }
        }
        // As `mention_order` (the article is the block's).
        mentions.sort_by(|a, b| (a.sentence, a.evidence, a.claim).cmp(&(b.sentence, b.evidence, b.claim)));
        for m in mentions {
            out.extend_from_slice(m.head);
            push_str(out, m.claim);
            out.extend_from_slice(m.tail);
        }
        Ok(())
    }
}

fn damaged() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "a record is damaged")
}

/// What a reader is told when a block cannot be read back.
fn read_back(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("cannot read back what was kept in a temporary file: {e}"),
    )
}

/// The order of a run's mentions: by article, then offset, then claim.
pub fn mention_order(a: &Mention, b: &Mention) -> std::cmp::Ordering {
    (&a.article, a.sentence.start, a.evidence.start, &a.claim).cmp(&(
        &b.article,
        b.sentence.start,
        b.evidence.start,
        &b.claim,
    ))
}

impl Spilled {
    /// Writes the run with its spilled mentions and sources in place: the same document
    /// as [`crate::report::write_json`] writes for a `Run` that holds them (the field
    /// order is the model's; `tests/json.rs` checks the bytes). The mentions, most of
    /// the document, are written by hand (`report::json`); the large lists are made in
    /// pieces on the run's workers and written in order (`in_order`).
    pub fn write_run(&self, run: &crate::model::Run, w: &mut dyn Write) -> io::Result<()> {
        /// A list held in memory, in pieces of a few hundred elements, each element
        /// appended by `push`.
        fn list<T: Sync>(
            items: &[T],
            workers: usize,
            w: &mut dyn Write,
            push: impl Fn(&mut Vec<u8>, &T) -> io::Result<()> + Sync,
        ) -> io::Result<()> {
            let pieces: Vec<&[T]> = items.chunks(256).collect();
            write_elements(&pieces, workers, w, |piece, out| {
                piece.iter().try_for_each(|x| push(out, x))
            })
        }
        let workers = self.workers();
        w.write_all(b"{\n  \"version\": ")?;
        write_field_value(&run.version, w)?;
        w.write_all(b",\n  \"articles\": ")?;
        list(&run.articles, workers, w, push_element)?;
        w.write_all(b",\n  \"outlets\": ")?;
        write_field_value(&run.outlets, w)?;
        w.write_all(b",\n  \"sources\": ")?;
        self.write_sources(&run.articles, w)?;
        w.write_all(b",\n  \"claims\": ")?;
        list(&run.claims, workers, w, |out, c| {
            push_claim(out, c);
            Ok(())
        })?;
        w.write_all(b",\n  \"mentions\": ")?;
        let pieces: Vec<_> = self.blocks.chunks(ARTICLES).collect();
        write_elements(&pieces, workers, w, |piece, out| {
            // A piece's JSON is about its spilled bytes, and a claim id per mention: sized
            // once rather than doubled a dozen times.
            let spilled = |block: &Block<Pending>| match block {
                Block::Spilled { len, count, .. } => *len as usize + 48 * count,
                Block::Held(_) => 0,
            };
            out.reserve(piece.iter().map(|(block, _)| spilled(block)).sum());
            piece
                .iter()
                .try_for_each(|(block, first_frame)| self.write_mentions(&run.claims, block, *first_frame, out))
        })?;
        w.write_all(b",\n  \"relations\": ")?;
        write_field_value(&run.relations, w)?;
        w.write_all(b",\n  \"framing\": ")?;
        write_field_value(&run.framing, w)?;
        w.write_all(b"\n}\n")
    }
}

/// Articles per piece of a spilled list: enough to keep a worker busy, few enough that
/// a piece stays small (about 25 KB of JSON per article).
const ARTICLES: usize = 128;

/// Writes a JSON array, one level deep in the document, whose elements `make` appends
/// piece by piece, each after a comma ([`push_element`], [`push_mention`]); the pieces
/// are made on `workers` threads ([`in_order`]).
fn write_elements<P: Sync>(
    pieces: &[P],
    workers: usize,
    w: &mut dyn Write,
    make: impl Fn(&P, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    w.write_all(b"[")?;
    let mut empty = true;
    let make = |piece: &P| {
        let mut out = Vec::new();
        make(piece, &mut out).map(|()| out)
    };
    in_order(pieces, workers, make, |bytes| {
        // Every element is written after a comma but the array's first.
        let bytes = match bytes.split_first() {
            Some((b',', rest)) if empty => rest,
            _ => &bytes,
        };
        empty &= bytes.is_empty();
        w.write_all(bytes)
    })?;
    w.write_all(if empty { b"]" } else { b"\n  ]" })
}

// The record: strings as a u64 length and their bytes, numbers as u64 little-endian.

fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A mention's frame, or `u64::MAX` for none ([`Cursor::frame`] reads it).
fn put_frame(out: &mut Vec<u8>, frame: Option<usize>) {
    put_u64(out, frame.map_or(u64::MAX, |k| k as u64));
}

fn put_opt(out: &mut Vec<u8>, s: Option<&String>) {
    put_u64(out, u64::from(s.is_some()));
    if let Some(s) = s {
        put_str(out, s);
    }
}

impl Record for Pending {
    fn encode(&self, out: &mut Vec<u8>) {
        let (m, frame) = self;
        put_str(out, &m.id);
        put_str(out, &m.article);
        put_str(out, &m.claim);
        put_u64(out, u64::from(m.polarity == Polarity::Denies));
        put_u64(
            out,
            match m.stance {
                Stance::Plain => 0,
                Stance::Distanced => 1,
                Stance::Hedged => 2,
            },
        );
        put_u64(out, m.chain.len() as u64);
        for s in &m.chain {
            put_str(out, s);
        }
        for v in [m.sentence.start, m.sentence.end, m.evidence.start, m.evidence.end] {
            put_u64(out, v as u64);
        }
        put_str(out, &m.text);
        put_u64(out, m.line as u64);
        put_str(out, &m.rule);
        put_frame(out, *frame);
    }

    fn decode(c: &mut Cursor<'_>) -> Option<Self> {
        let (id, article, claim) = (c.string()?, c.string()?, c.string()?);
        let polarity = if c.u64()? == 1 {
            Polarity::Denies
        } else {
            Polarity::Asserts
        };
        let stance = match c.u64()? {
            1 => Stance::Distanced,
            2 => Stance::Hedged,
            _ => Stance::Plain,
        };
        let links = c.usize()?;
        let chain = (0..links).map(|_| c.string()).collect::<Option<Vec<_>>>()?;
        let (s0, s1, e0, e1) = (c.usize()?, c.usize()?, c.usize()?, c.usize()?);
        let text = c.string()?;
        let line = c.usize()?;
        let rule = c.string()?;
        let frame = c.frame()?;
        let mention = Mention {
            id,
            article,
            claim,
            polarity,
            stance,
            chain,
            sentence: crate::model::Span::new(s0, s1),
            evidence: crate::model::Span::new(e0, e1),
            text,
            line,
            rule,
        };
        Some((mention, frame))
    }
}

/// A mention kept as JSON: its sort keys, its frame (whose claim it is) or its open
/// claim's id, and its JSON element, without the claim id, in two parts.
struct Rendered<'a> {
    sentence: usize,
    evidence: usize,
    frame: Option<usize>,
    claim: &'a str,
    head: &'a [u8],
    tail: &'a [u8],
}

/// Writes a mention as [`decode_rendered`] reads it: the sentence's and the evidence's
/// starts, the frame (or none), the claim id (empty for a frame's, not known yet), then
/// the JSON element (`report::json::push_mention`, after a comma) before and after the
/// claim id, each as a length and its bytes.
fn encode_rendered((m, frame): &Pending, out: &mut Vec<u8>) {
    put_u64(out, m.sentence.start as u64);
    put_u64(out, m.evidence.start as u64);
    put_frame(out, *frame);
    put_str(out, if frame.is_some() { "" } else { &m.claim });
    put_measured(out, |out| push_mention_head(out, m, false));
    put_measured(out, |out| push_mention_tail(out, m));
}

/// Appends what `write` appends, after its length (as [`put_str`] puts a string).
fn put_measured(out: &mut Vec<u8>, write: impl FnOnce(&mut Vec<u8>)) {
    let at = out.len();
    put_u64(out, 0);
    write(out);
    let len = (out.len() - at - 8) as u64;
    out[at..at + 8].copy_from_slice(&len.to_le_bytes());
}

/// The mentions of a block written by [`encode_rendered`], borrowing its bytes; `None` if
/// they are not whole records.
fn decode_rendered(bytes: &[u8]) -> Option<Vec<Rendered<'_>>> {
    let mut c = Cursor(bytes);
    let mut out = Vec::new();
    while !c.0.is_empty() {
        let (sentence, evidence, frame) = (c.usize()?, c.usize()?, c.frame()?);
        out.push(Rendered {
            sentence,
            evidence,
            frame,
            claim: std::str::from_utf8(c.bytes()?).ok()?,
            head: c.bytes()?,
            tail: c.bytes()?,
        });
    }
    Some(out)
}

impl Record for Source {
    fn encode(&self, out: &mut Vec<u8>) {
        put_str(out, &self.id);
        put_str(out, &self.label);
        put_str(out, &self.kind);
        put_opt(out, self.via.as_ref());
        put_u64(out, self.cues.len() as u64);
        for cue in &self.cues {
            put_str(out, &cue.article);
            put_u64(out, cue.start as u64);
            put_u64(out, cue.end as u64);
        }
        put_opt(out, self.root.as_ref());
        put_str(out, &self.rule);
    }

    fn decode(c: &mut Cursor<'_>) -> Option<Self> {
        let (id, label, kind, via) = (c.string()?, c.string()?, c.string()?, c.optional()?);
        let cues = (0..c.usize()?)
            .map(|_| {
                Some(Cue {
                    article: c.string()?,
                    start: c.usize()?,
                    end: c.usize()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Source {
            id,
            label,
            kind,
            via,
            cues,
            root: c.optional()?,
            rule: c.string()?,
        })
    }
}

/// Reads records back; `None` if the bytes are not whole records.
pub struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn u64(&mut self) -> Option<u64> {
        let (head, rest) = self.0.split_first_chunk::<8>()?;
        self.0 = rest;
        Some(u64::from_le_bytes(*head))
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }

    /// A length, then that many bytes.
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = self.usize()?;
        if len > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Some(head)
    }

    /// A mention's frame: `Some(None)` for none (written as `u64::MAX`).
    fn frame(&mut self) -> Option<Option<usize>> {
        let frame = self.u64()?;
        Some(usize::try_from(frame).ok().filter(|_| frame != u64::MAX))
    }

    /// `Some(None)` for an absent string, `None` for damaged bytes.
    fn optional(&mut self) -> Option<Option<String>> {
        match self.u64()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }
}

fn decode_all<T: Record>(bytes: &[u8]) -> Option<Vec<T>> {
    let mut cursor = Cursor(bytes);
    let mut out = Vec::new();
    while !cursor.0.is_empty() {
        out.push(T::decode(&mut cursor)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip() {
        let mention = Mention {
            id: "a/m1".into(),
            article: "a".into(),
            claim: String::new(),
            polarity: Polarity::Denies,
            stance: Stance::Hedged,
            chain: vec!["a/x".into(), "a/قسد".into()],
            sentence: crate::model::Span::new(3, 40),
            evidence: crate::model::Span::new(5, 9),
            text: "نفت قسد ذلك.".into(),
            line: 7,
            rule: "EXTRACT/X ATTR/Y".into(),
        };
        let mut other = mention.clone();
        other.claim = "open-1".into();
        other.stance = Stance::Distanced;
        other.polarity = Polarity::Asserts;
        let held = vec![(mention, Some(3)), (other, None)];
        let source = Source {
            id: "a/sana".into(),
            label: "سانا".into(),
            kind: "state-media".into(),
            via: Some("a/x".into()),
            cues: vec![Cue {
                article: "a".into(),
                start: 1,
                end: 4,
            }],
            root: None,
            rule: "ATTR/KNOWN".into(),
        };
        let sources = vec![
            source.clone(),
            Source {
                via: None,
                root: Some("known:sana".into()),
                ..source
            },
        ];
        let mut spill = SpillFile::create().expect("a temporary file");
        let (mut mentions, mut written) = (Block::Held(held.clone()), Block::Held(sources.clone()));
        spill.keep(0, &mut mentions).expect("written");
        spill.keep(0, &mut written).expect("written");
        assert_eq!((mentions.len(), written.len()), (2, 2));
        let spilled = Spilled {
            files: vec![Some(spill)],
            ..Spilled::default()
        };
        let (
            Block::Spilled { offset, len, .. },
            Block::Spilled {
                offset: o2, len: l2, ..
            },
        ) = (mentions, written)
        else {
            panic!("not spilled")
        };
        assert_eq!(spilled.read::<Pending>(0, offset, len).expect("read back"), held);
        assert_eq!(spilled.read::<Source>(0, o2, l2).expect("read back"), sources);
        assert!(decode_all::<Pending>(&[1, 2, 3]).is_none());
    }
}
