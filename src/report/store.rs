//! Where a report reads a run's mentions and sources from: the one reader of what the
//! pipeline keeps in memory or on disk (`pipeline::MentionStore`).
//!
//! A store hands its records over a piece at a time, each piece by number, so a report
//! can read pieces on the run's threads and take them in order (`parallel::in_order`):
//! memory holds a few pieces, never the run's whole text.

use super::index_by_id;
use crate::model::{Mention, Run, Source};
use crate::parallel::in_order;
use crate::pipeline::{MentionStore, Output};
use std::borrow::Cow;
use std::io;

/// A piece of a run's mentions, in the run's order (by article, then offset), each with
/// the index of its claim in `Run::claims` (`None`: no claim of the run).
#[derive(Debug, Clone)]
pub struct Mentions<'a> {
    /// The mentions.
    pub mentions: Cow<'a, [Mention]>,
    /// Per mention, its claim's index.
    pub claims: Vec<Option<usize>>,
}

impl Mentions<'_> {
    /// Each mention with its claim's index.
    pub fn iter(&self) -> impl Iterator<Item = (&Mention, Option<usize>)> {
        self.mentions.iter().zip(self.claims.iter().copied())
    }
}

/// A run's mentions and sources, wherever they are kept: in the [`Run`] itself, or read
/// back from disk ([`Output`] of a run with `Keep::Disk`). A report that reads every
/// mention once, in order, takes a `Store`, so its memory does not grow with the
/// mentions' text.
pub trait Store: Sync {
    /// How many pieces the mentions come in.
    fn mention_pieces(&self) -> usize;
    /// Piece `k` of the mentions (pieces follow each other in the run's order).
    fn mentions(&self, k: usize) -> io::Result<Mentions<'_>>;
    /// How many pieces the sources come in.
    fn source_pieces(&self) -> usize;
    /// Piece `k` of the sources (pieces follow each other in the order of their ids).
    fn sources(&self, k: usize) -> io::Result<Cow<'_, [Source]>>;

    /// Calls `f` on every mention in the run's order, with its claim's index; pieces are
    /// read on the run's threads.
    fn each_mention(&self, f: &mut dyn FnMut(&Mention, Option<usize>)) -> io::Result<()> {
        let pieces: Vec<usize> = (0..self.mention_pieces()).collect();
        in_order(
            &pieces,
            |&k| self.mentions(k),
            |piece| {
                piece.iter().for_each(|(m, claim)| f(m, claim));
                Ok(())
            },
        )
    }

    /// Calls `f` on every source in the order of their ids; pieces are read on the run's
    /// threads.
    fn each_source(&self, f: &mut dyn FnMut(&Source)) -> io::Result<()> {
        let pieces: Vec<usize> = (0..self.source_pieces()).collect();
        in_order(
            &pieces,
            |&k| self.sources(k),
            |piece| {
                piece.iter().for_each(&mut *f);
                Ok(())
            },
        )
    }
}

/// Mentions or sources per piece of a run that holds them.
const HELD: usize = 4096;

impl Store for Run {
    fn mention_pieces(&self) -> usize {
        self.mentions.len().div_ceil(HELD)
    }

    fn mentions(&self, k: usize) -> io::Result<Mentions<'_>> {
        let piece = self.mentions.chunks(HELD).nth(k).unwrap_or_default();
        Ok(Mentions {
            claims: piece
                .iter()
                .map(|m| index_by_id(&self.claims, &m.claim, |c| &c.id))
                .collect(),
            mentions: Cow::Borrowed(piece),
        })
    }

    fn source_pieces(&self) -> usize {
        self.sources.len().div_ceil(HELD)
    }

    fn sources(&self, k: usize) -> io::Result<Cow<'_, [Source]>> {
        Ok(Cow::Borrowed(self.sources.chunks(HELD).nth(k).unwrap_or_default()))
    }
}

impl Store for Output {
    fn mention_pieces(&self) -> usize {
        match &self.store {
            MentionStore::Memory => self.run.mention_pieces(),
            MentionStore::Disk(disk) => disk.mention_pieces(),
        }
    }

    fn mentions(&self, k: usize) -> io::Result<Mentions<'_>> {
        match &self.store {
            MentionStore::Memory => self.run.mentions(k),
            MentionStore::Disk(disk) => {
                let (mentions, claims) = disk.mentions(k, &self.run.claims)?.into_iter().unzip();
                Ok(Mentions {
                    mentions: Cow::Owned(mentions),
                    claims,
                })
            }
        }
    }

    fn source_pieces(&self) -> usize {
        match &self.store {
            MentionStore::Memory => self.run.source_pieces(),
            MentionStore::Disk(disk) => disk.source_pieces(),
        }
    }

    fn sources(&self, k: usize) -> io::Result<Cow<'_, [Source]>> {
        match &self.store {
            MentionStore::Memory => self.run.sources(k),
            MentionStore::Disk(disk) => disk.sources(k).map(Cow::Owned),
        }
    }
}
