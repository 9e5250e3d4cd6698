//! Where a run's mentions and sources wait between the workers and the output.
//!
//! A run keeps them in memory ([`MentionStore::Memory`]: in `Run::mentions` and
//! `Run::sources`), or, for the commands that read them once in order (`claimgraph json`
//! and `compare`), on disk ([`MentionStore::Disk`]), so that memory grows with claims, not
//! with the mentions' text. On disk, each worker thread writes the mentions and the
//! sources of every article it digests to its own temporary file (serde records in
//! postcard's compact form, one write per list) and the digest keeps only where they went
//! ([`Block`]). A mention of a linked claim does not know its claim id until the run is
//! assembled: it is written with its frame's index, and [`Disk`] gives it its id when it
//! is read back, one article at a time, in the run's order.
//!
//! The only reader is `report::Store`: the renderers never see where the records are.
//! Temporary files come from `tempfile::tempfile`, which leaves nothing behind, even if
//! the process is killed. A file that cannot be created or written leaves that worker's
//! records in memory, with one warning.

use crate::model::{ArticleInfo, Claim, Mention, Source};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

/// One mention waiting for its claim id: the frame whose claim it is (its index among
/// the article's frames), or `None` when the mention already names its (open) claim.
pub(super) type Pending = (Mention, Option<usize>);

/// Where one article's mentions or sources are.
#[derive(Debug, Clone)]
pub(super) enum Block<T> {
    /// In memory (the run keeps them there, or the worker's file could not be written).
    Held(Vec<T>),
    /// `count` records in `len` bytes at `offset` of the temporary file of worker `file`.
    Kept {
        file: usize,
        offset: u64,
        len: u64,
        count: usize,
    },
}

impl<T> Block<T> {
    /// How many records the block has.
    pub(super) fn len(&self) -> usize {
        match self {
            Block::Held(held) => held.len(),
            Block::Kept { count, .. } => *count,
        }
    }
}

/// A worker's temporary file, written one article's list at a time.
#[derive(Debug)]
pub(super) struct Writer {
    file: File,
    written: u64,
    /// The bytes of the list being written, kept between lists (an article's are a few
    /// KB: grown once, not for every article).
    buffer: Vec<u8>,
}

/// The largest list buffer a writer keeps for the next list.
const KEPT_BUFFER: usize = 1 << 20;

impl Writer {
    /// A new, empty temporary file in the system's temporary directory.
    pub(super) fn create() -> io::Result<Writer> {
        Ok(Writer {
            file: tempfile::tempfile()?,
            written: 0,
            buffer: Vec::new(),
        })
    }

    /// Writes a block held in memory to the file (one write for the article's list) and
    /// makes it say where it went (`worker`: this file's number); on an error the block
    /// stays in memory.
    pub(super) fn keep<T: Serialize>(&mut self, worker: usize, block: &mut Block<T>) -> io::Result<()> {
        let Block::Held(held) = block else { return Ok(()) };
        let mut bytes = std::mem::take(&mut self.buffer);
        bytes.clear();
        let bytes = postcard::to_extend(held, bytes).map_err(io::Error::other)?;
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
        *block = Block::Kept {
            file: worker,
            offset,
            len,
            count: held.len(),
        };
        Ok(())
    }

    /// The file, for reading back.
    pub(super) fn into_file(self) -> File {
        self.file
    }
}

/// Where a run's mentions and sources are.
#[derive(Debug, Default)]
pub enum MentionStore {
    /// In the run: `Run::mentions` and `Run::sources`.
    #[default]
    Memory,
    /// In temporary files, read back in the run's order.
    Disk(Disk),
}

/// A run's mentions and sources in temporary files (and, for a worker that could not
/// write its file, in memory), in article order, with what is needed to give each
/// mention its claim id.
#[derive(Debug, Default)]
pub struct Disk {
    /// The workers' files, by worker number (`None`: that worker kept nothing on disk).
    pub(super) files: Vec<Option<File>>,
    /// Per article, in the order of `Run::articles`: its mentions and the index of its
    /// first frame among all the run's frames.
    pub(super) blocks: Vec<(Block<Pending>, usize)>,
    /// Per article, in the order of `Run::articles`: its sources.
    pub(super) sources: Vec<Block<Source>>,
    /// Per frame of the run, the index of its claim in `Run::claims`.
    pub(super) claim_of: Vec<usize>,
    /// The articles (indices in `Run::articles`) in the order their sources are read
    /// back, and the families of them read together ([`Disk::order_sources`]).
    pub(super) source_order: Vec<usize>,
    pub(super) families: Vec<std::ops::Range<usize>>,
    /// Held while a block is read back (a seek, then a read, of a shared file).
    pub(super) reading: Mutex<()>,
}

/// Articles per piece read back: enough to keep a thread busy, few enough that a piece
/// stays small.
const ARTICLES: usize = 128;

impl Disk {
    /// How many mentions the run has.
    pub fn len(&self) -> usize {
        self.blocks.iter().map(|(block, _)| block.len()).sum()
    }

    /// Whether the run has no mentions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many pieces the mentions are read back in.
    pub fn mention_pieces(&self) -> usize {
        self.blocks.len().div_ceil(ARTICLES)
    }

    /// Piece `k` of the mentions, in the run's order (by article, then offset), each given
    /// its claim id and with its claim's index in `claims`.
    pub fn mentions(&self, k: usize, claims: &[Claim]) -> io::Result<Vec<(Mention, Option<usize>)>> {
        let mut out = Vec::new();
        for (block, first_frame) in self.blocks.chunks(ARTICLES).nth(k).unwrap_or_default() {
            out.extend(self.named_mentions(claims, block, *first_frame)?);
        }
        Ok(out)
    }

    /// Puts the sources in the order of their ids, given the run's sorted article list
    /// that the blocks follow.
    ///
    /// A source's id is its article's id, `/`, and a slug without `/`. So taking the
    /// articles in the order of `id/`, an article's sources come before the next
    /// article's, except that an article whose `id/` begins another's (`a` and `a/b`)
    /// interleaves with it: such a family is read together and sorted.
    pub(super) fn order_sources(&mut self, articles: &[ArticleInfo]) {
        let keys: Vec<String> = articles.iter().map(|a| format!("{}/", a.id)).collect();
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        self.families.clear();
        let mut start = 0;
        while let Some((head, tail)) = order[start..].split_first() {
            let head = &keys[*head];
            let len = 1 + tail.iter().take_while(|&&k| keys[k].starts_with(head.as_str())).count();
            self.families.push(start..start + len);
            start += len;
        }
        self.source_order = order;
    }

    /// How many pieces the sources are read back in.
    pub fn source_pieces(&self) -> usize {
        self.families.len().div_ceil(ARTICLES)
    }

    /// Piece `k` of the sources, in the order of their ids.
    pub fn sources(&self, k: usize) -> io::Result<Vec<Source>> {
        let mut out = Vec::new();
        for family in self.families.chunks(ARTICLES).nth(k).unwrap_or_default() {
            let start = out.len();
            for &article in &self.source_order[family.clone()] {
                if let Some(block) = self.sources.get(article) {
                    out.extend(self.records::<Source>(block)?);
                }
            }
            out[start..].sort_by(|a: &Source, b: &Source| a.id.cmp(&b.id));
        }
        Ok(out)
    }

    /// An article's mentions read back, given their claim ids (`first_frame`: the index
    /// of its first frame among the run's) and sorted as the in-memory run sorts them,
    /// each with its claim's index in `claims` (an open claim's found by its id).
    fn named_mentions(
        &self,
        claims: &[Claim],
        block: &Block<Pending>,
        first_frame: usize,
    ) -> io::Result<Vec<(Mention, Option<usize>)>> {
        let mut mentions = self.records::<Pending>(block)?;
        for (mention, frame) in &mut mentions {
            *frame = match *frame {
                Some(k) => {
                    let claim = self.claim_of[first_frame + k];
                    mention.claim.clone_from(&claims[claim].id);
                    Some(claim)
                }
                None => claims.binary_search_by(|c| c.id.as_str().cmp(&mention.claim)).ok(),
            };
        }
        mentions.sort_by(|(a, _), (b, _)| mention_order(a, b));
        Ok(mentions)
    }

    /// The records of a block, read back if kept on disk.
    fn records<T: DeserializeOwned + Clone>(&self, block: &Block<T>) -> io::Result<Vec<T>> {
        let (file, offset, len) = match block {
            Block::Held(held) => return Ok(held.clone()),
            Block::Kept { file, offset, len, .. } => (*file, *offset, *len),
        };
        let Some(Some(kept)) = self.files.get(file) else {
            return Err(read_back(io::Error::new(io::ErrorKind::NotFound, "no such file")));
        };
        let mut bytes = vec![0; usize::try_from(len).map_err(io::Error::other)?];
        {
            // Seeking and reading are one step: other threads read the same file.
            let _one_at_a_time = self.reading.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let mut f = kept;
            f.seek(SeekFrom::Start(offset)).map_err(read_back)?;
            f.read_exact(&mut bytes).map_err(read_back)?;
        }
        postcard::from_bytes(&bytes).map_err(|e| read_back(io::Error::new(io::ErrorKind::InvalidData, e)))
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cue, Polarity, Span, Stance};

    #[test]
    fn records_read_back_as_they_were_written() {
        let mention = Mention {
            id: "a/m1".into(),
            article: "a".into(),
            claim: String::new(),
            polarity: Polarity::Denies,
            stance: Stance::Hedged,
            chain: vec!["a/x".into(), "a/قسد".into()],
            sentence: Span::new(3, 40),
            evidence: Span::new(5, 9),
            roles: vec![crate::model::Role {
                role: "agent".into(),
                id: "sdf".into(),
                label: "Syrian Democratic Forces".into(),
                span: Some(Span::new(5, 9)),
            }],
            reality: crate::model::Reality::Irrealis,
            text: "نفت قسد ذلك.".into(),
            line: 7,
            rule: "EXTRACT/X ATTR/Y".into(),
        };
        let other = Mention {
            claim: "open-1".into(),
            stance: Stance::Distanced,
            polarity: Polarity::Asserts,
            ..mention.clone()
        };
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
        let mut writer = Writer::create().expect("a temporary file");
        let (mut mentions, mut kept) = (Block::Held(held.clone()), Block::Held(sources.clone()));
        writer.keep(0, &mut mentions).expect("written");
        writer.keep(0, &mut kept).expect("written");
        assert!(matches!(mentions, Block::Kept { count: 2, .. }));
        assert!(matches!(kept, Block::Kept { count: 2, .. }));
        let disk = Disk {
            files: vec![Some(writer.into_file())],
            ..Disk::default()
        };
        assert_eq!(disk.records(&mentions).expect("read back"), held);
        assert_eq!(disk.records(&kept).expect("read back"), sources);
        let damaged = Block::<Source>::Kept {
            file: 0,
            offset: 1,
            len: 3,
            count: 1,
        };
        assert!(disk.records(&damaged).is_err());
    }
}
