//! Mentions kept on disk between the per-article stages and the output (`claimgraph
//! json`), so a run's memory does not grow with its mentions' text.
//!
//! Each worker writes the mentions of every article it digests to its own temporary file
//! (one `write_all` per article, in a compact binary record) and keeps only where they
//! went ([`Block`]). When the run is assembled, every block learns where its frames'
//! claims ended up; the JSON writer then reads the blocks back one article at a time, in
//! article order, gives each mention its claim id, sorts the article's mentions as the
//! in-memory run sorts them, and serialises them ([`Spilled::serialize_mentions`]). The
//! output is byte-identical to the in-memory run's (`tests/json.rs` checks it).
//!
//! The files live in the system's temporary directory (`TMPDIR`). On Unix a file is
//! unlinked as soon as it is opened, so nothing is left behind even if the process is
//! killed; elsewhere it is removed when the run is dropped. A file that cannot be created
//! or written leaves that worker's mentions in memory, with one warning.

use crate::model::{Claim, Mention, Polarity, Stance};
use serde::Serialize;
use serde::ser::{Error as _, SerializeSeq};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One mention waiting for its claim id: the frame whose claim it is (its index among the
/// article's frames), or `None` when the mention already names its (open) claim.
pub type Pending = (Mention, Option<usize>);

/// Where one article's mentions are.
#[derive(Debug, Clone)]
pub enum Block {
    /// Held in memory (no spill file, or it could not be written).
    Held(Vec<Pending>),
    /// `len` bytes at `offset` of the spill file `file` (a worker's index).
    Spilled { file: usize, offset: u64, len: u64 },
}

/// A worker's spill file, written one article at a time.
#[derive(Debug)]
pub struct SpillFile {
    file: File,
    written: u64,
    /// The path to remove on drop, where the file could not be unlinked while open.
    leftover: Option<PathBuf>,
}

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
        })
    }

    /// Writes one article's mentions and says where they went; on a write error the
    /// mentions are given back, held in memory.
    pub fn write(&mut self, index: usize, mentions: Vec<Pending>) -> Result<Block, (io::Error, Block)> {
        let mut bytes = Vec::new();
        for (mention, frame) in &mentions {
            encode(mention, *frame, &mut bytes);
        }
        // A failed write may have written part of the record: the next one starts after
        // whatever reached the file.
        let offset = self.written;
        match self.file.write_all(&bytes) {
            Ok(()) => {
                self.written += bytes.len() as u64;
                Ok(Block::Spilled {
                    file: index,
                    offset,
                    len: bytes.len() as u64,
                })
            }
            Err(e) => {
                self.written = self.file.stream_position().unwrap_or(u64::MAX);
                Err((e, Block::Held(mentions)))
            }
        }
    }
}

impl Drop for SpillFile {
    fn drop(&mut self) {
        if let Some(path) = &self.leftover {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A run's mentions, on disk and in memory, in article order, with what is needed to give
/// each its claim id.
#[derive(Debug, Default)]
pub struct Spilled {
    /// The workers' files, by worker index (`None`: that worker spilled nothing).
    pub(super) files: Vec<Option<SpillFile>>,
    /// Per article, in the order of `Run::articles`: its mentions and the index of its
    /// first frame among all the run's frames.
    pub(super) blocks: Vec<(Block, usize)>,
    /// Per frame of the run, the index of its claim in `Run::claims`.
    pub(super) claim_of: Vec<usize>,
    /// How many mentions there are.
    pub(super) count: usize,
}

impl Spilled {
    /// How many mentions the run has.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether the run has no mentions.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Every mention as a JSON array (the `mentions` of the run), read back one article
    /// at a time; `claims` is the run's sorted claim list the frames' claims index.
    pub fn serialize_mentions<S: serde::Serializer>(&self, claims: &[Claim], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.count))?;
        for (block, first_frame) in &self.blocks {
            let mut mentions = match block {
                Block::Held(held) => held.clone(),
                Block::Spilled { file, offset, len } => self.read(*file, *offset, *len).map_err(|e| {
                    S::Error::custom(format!("cannot read back the mentions kept in a temporary file: {e}"))
                })?,
            };
            for (mention, frame) in &mut mentions {
                if let Some(k) = frame {
                    mention.claim.clone_from(&claims[self.claim_of[*first_frame + *k]].id);
                }
            }
            mentions.sort_by(|(a, _), (b, _)| mention_order(a, b));
            for (mention, _) in &mentions {
                seq.serialize_element(mention)?;
            }
        }
        seq.end()
    }

    fn read(&self, file: usize, offset: u64, len: u64) -> io::Result<Vec<Pending>> {
        let Some(Some(spill)) = self.files.get(file) else {
            return Err(io::Error::new(io::ErrorKind::NotFound, "no such spill file"));
        };
        let mut f = &spill.file;
        f.seek(SeekFrom::Start(offset))?;
        let mut bytes = vec![0; usize::try_from(len).map_err(io::Error::other)?];
        f.read_exact(&mut bytes)?;
        decode_all(&bytes).ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "a record is damaged"))
    }
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

/// The run serialised with its spilled mentions in place: the same document as
/// serialising a `Run` that holds them (the field order is the model's).
pub struct RunJson<'a> {
    pub run: &'a crate::model::Run,
    pub spilled: &'a Spilled,
}

impl Serialize for RunJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Mentions<'a>(&'a RunJson<'a>);
        impl Serialize for Mentions<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.0.spilled.serialize_mentions(&self.0.run.claims, serializer)
            }
        }
        let run = self.run;
        let mut s = serializer.serialize_struct("Run", 8)?;
        s.serialize_field("version", &run.version)?;
        s.serialize_field("articles", &run.articles)?;
        s.serialize_field("outlets", &run.outlets)?;
        s.serialize_field("sources", &run.sources)?;
        s.serialize_field("claims", &run.claims)?;
        s.serialize_field("mentions", &Mentions(self))?;
        s.serialize_field("relations", &run.relations)?;
        s.serialize_field("framing", &run.framing)?;
        s.end()
    }
}

// The record: strings as a u64 length and their bytes, numbers as u64 little-endian.

fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn encode(m: &Mention, frame: Option<usize>, out: &mut Vec<u8>) {
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
    put_u64(out, frame.map_or(u64::MAX, |k| k as u64));
}

/// Reads records back; `None` if the bytes are not whole records.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn u64(&mut self) -> Option<u64> {
        let (head, rest) = self.0.split_first_chunk::<8>()?;
        self.0 = rest;
        Some(u64::from_le_bytes(*head))
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    fn string(&mut self) -> Option<String> {
        let len = self.usize()?;
        if len > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        String::from_utf8(head.to_vec()).ok()
    }

    fn pending(&mut self) -> Option<Pending> {
        let (id, article, claim) = (self.string()?, self.string()?, self.string()?);
        let polarity = if self.u64()? == 1 {
            Polarity::Denies
        } else {
            Polarity::Asserts
        };
        let stance = match self.u64()? {
            1 => Stance::Distanced,
            2 => Stance::Hedged,
            _ => Stance::Plain,
        };
        let links = self.usize()?;
        let chain = (0..links).map(|_| self.string()).collect::<Option<Vec<_>>>()?;
        let (s0, s1, e0, e1) = (self.usize()?, self.usize()?, self.usize()?, self.usize()?);
        let text = self.string()?;
        let line = self.usize()?;
        let rule = self.string()?;
        let frame = self.u64()?;
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
        Some((mention, usize::try_from(frame).ok().filter(|_| frame != u64::MAX)))
    }
}

fn decode_all(bytes: &[u8]) -> Option<Vec<Pending>> {
    let mut cursor = Cursor(bytes);
    let mut out = Vec::new();
    while !cursor.0.is_empty() {
        out.push(cursor.pending()?);
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
        let mut spill = SpillFile::create().expect("a temporary file");
        let block = spill.write(0, held.clone()).expect("written");
        let Block::Spilled { offset, len, .. } = block else {
            panic!("not spilled")
        };
        let spilled = Spilled {
            files: vec![Some(spill)],
            ..Spilled::default()
        };
        assert_eq!(spilled.read(0, offset, len).expect("read back"), held);
        assert!(decode_all(&[1, 2, 3]).is_none());
    }
}
