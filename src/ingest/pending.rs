//! The read pass: an article the index pass found, checked and described, read again
//! when a worker is ready for it, so a run holds one article's text per worker instead
//! of the whole corpus.
//!
//! The index pass keeps of each article its record (id, path, body offset, metadata, no
//! text) and where the text is: a [`Place`] to read it again, and the length and
//! checksum (`hash::checksum`) of the text it found there. [`Pending::read`] reads that place again, decodes it
//! the same way (a text file's bytes as UTF-8; a JSONL line's `text` field, through the
//! same parser) and checks length and hash, so the text analysed is the text whose front
//! matter, size and encoding were checked. A file that changed or vanished in between is
//! one [`InputError`] naming it (and the line of a JSONL record), never a different
//! article.
//!
//! A stream cannot be read twice: text read from standard input (or from a FIFO or device
//! named on the command line) is kept in its [`Pending`]. One text article is bounded by
//! `--max-article-bytes`, but a JSONL stream keeps every record's text: a JSONL corpus
//! piped to standard input is the one case where memory still grows with the corpus bytes
//! (give the file's path instead).

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Article, InputError, jsonl};
use crate::hash::checksum;

/// The hint for an article whose file changed between the two passes.
const CHANGED_HINT: &str = "the file changed while claimgraph was reading it; run again";

/// An article found and checked by the index pass, waiting to be read.
#[derive(Debug)]
pub struct Pending {
    /// The article as indexed, with an empty `text`.
    pub(super) record: Article,
    text: Text,
}

/// Where a pending article's text is.
#[derive(Debug)]
enum Text {
    /// Read from a stream, which cannot be read again.
    Held(String),
    /// In a file, to be read again and checked against what the index pass read.
    Stored { place: Place, fingerprint: Fingerprint },
}

/// Where in the file system an article's text can be read again.
#[derive(Debug)]
pub(super) enum Place {
    /// A regular file: the whole file is the text.
    File(PathBuf),
    /// Line `line` of a JSONL file, `len` bytes (its line end included) from byte `offset`.
    Record {
        /// Shared by every record of the file.
        file: Arc<Path>,
        offset: u64,
        len: usize,
        line: usize,
    },
}

/// What a text read again must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: usize,
    hash: u64,
}

impl Fingerprint {
    fn of(text: &str) -> Fingerprint {
        Fingerprint {
            len: text.len(),
            hash: checksum(text.as_bytes()),
        }
    }
}

impl Pending {
    /// Keeps `article`'s record and, when its text can be read again at `place`, only the
    /// text's fingerprint; without a place (a stream), the text itself.
    pub(super) fn new(mut article: Article, place: Option<Place>) -> Pending {
        let text = std::mem::take(&mut article.text);
        let text = match place {
            Some(place) => Text::Stored {
                fingerprint: Fingerprint::of(&text),
                place,
            },
            None => Text::Held(text),
        };
        Pending { record: article, text }
    }

    /// Reads the article's text and returns the whole article, or, when its file changed
    /// or vanished since the index pass read it, an error naming the file (and line).
    pub fn read(self) -> Result<Article, InputError> {
        let Pending { mut record, text } = self;
        record.text = match text {
            Text::Held(text) => text,
            Text::Stored { place, fingerprint } => match place.read(fingerprint.len) {
                Ok(Some(text)) if Fingerprint::of(&text) == fingerprint => text,
                Ok(_) => return Err(place.changed("changed after it was first read".to_string())),
                Err(e) => return Err(place.changed(format!("cannot be read again: {e}"))),
            },
        };
        Ok(record)
    }
}

impl Place {
    /// The text here, decoded as the index pass decoded it; `None` when the bytes no
    /// longer decode (or the file is no longer a regular file). A text file is read one
    /// byte past the `expected` length, enough to see that it grew and no more.
    fn read(&self, expected: usize) -> std::io::Result<Option<String>> {
        Ok(match self {
            Place::File(path) => read_at(path, 0, expected as u64 + 1)?.and_then(|bytes| String::from_utf8(bytes).ok()),
            Place::Record {
                file,
                offset,
                len,
                line,
            } => read_at(file, *offset, *len as u64)?.and_then(|bytes| jsonl::text_of_line(&bytes, *line)),
        })
    }

    /// The error for a text that is not what the index pass read.
    fn changed(&self, message: String) -> InputError {
        match self {
            Place::File(path) => InputError::new(&path.display().to_string(), message, CHANGED_HINT),
            Place::Record { file, line, .. } => {
                InputError::new(&file.display().to_string(), message, CHANGED_HINT).at(*line)
            }
        }
    }
}

/// At most `limit` bytes of the file `path` from byte `offset`; `None` when it is no
/// longer a regular file (opening a FIFO would wait for a writer).
fn read_at(path: &Path, offset: u64, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    if !fs::metadata(path)?.is_file() {
        return Ok(None);
    }
    let mut file = fs::File::open(path)?;
    file.seek(SeekFrom::Start(offset))?;
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}
