//! From bytes to text: the checks that turn a file that is not an article's text (binary,
//! not UTF-8, too big, empty) into one clear [`InputError`] instead of garbage downstream.

use super::{IngestOptions, InputError};
use std::io::Read;

/// How much of a file is searched for a NUL byte: enough to catch every binary format in
/// practice without scanning a large text file twice.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// The hint for an empty article.
pub(super) const EMPTY_HINT: &str = "there is no text to analyse; leave the file out or fill it in";

/// Whether `text` has nothing but whitespace (a BOM counts as whitespace here).
pub(super) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// Rejects an article of `size` bytes over the limit.
pub(super) fn check_size(size: u64, path: &str, options: &IngestOptions) -> Result<(), InputError> {
    if size > options.max_article_bytes as u64 {
        return Err(InputError::new(
            path,
            format!(
                "is {size} bytes, over the limit of {} bytes per article",
                options.max_article_bytes
            ),
            SIZE_HINT,
        ));
    }
    Ok(())
}

/// Reads a whole text article from `reader`, but never more than the limit: a stream or
/// a device that says nothing of its size (stdin, a FIFO, `/dev/zero`), or a file that
/// grew since it was measured, is cut off one byte past the limit and rejected.
pub(super) fn read_article(mut reader: impl Read, path: &str, options: &IngestOptions) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    let limit = options.max_article_bytes as u64;
    (&mut reader)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(InputError::new(
            path,
            format!("is over the limit of {limit} bytes per article"),
            SIZE_HINT,
        ));
    }
    Ok(bytes)
}

/// The hint for an article over the size limit.
const SIZE_HINT: &str = "raise the limit with --max-article-bytes, or split the file";

/// Rejects UTF-16 (by its BOM) and anything with a NUL byte near the start.
pub(super) fn check_binary(bytes: &[u8], path: &str) -> Result<(), InputError> {
    // UTF-16 would otherwise be called binary (its ASCII has NULs), which hides the fix.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::new(
            path,
            "is UTF-16, not UTF-8",
            "convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`",
        ));
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if let Some(offset) = head.iter().position(|&b| b == 0) {
        return Err(InputError::new(
            path,
            format!("looks binary (NUL byte at byte offset {offset})"),
            "only UTF-8 text (.txt, .md) and JSONL (.jsonl) are read; leave this file out",
        ));
    }
    Ok(())
}

/// The text of `bytes`, or an error naming the line and byte offset of the first byte
/// that is not UTF-8.
pub(super) fn utf8(bytes: Vec<u8>, path: &str) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        not_utf8(path, offset, bytes[offset], line)
    })
}

/// The error for an invalid `byte` at byte `offset` of the file, on `line`.
pub(super) fn not_utf8(path: &str, offset: usize, byte: u8, line: usize) -> InputError {
    InputError::new(
        path,
        format!("is not valid UTF-8 (byte 0x{byte:02X} at byte offset {offset})"),
        "convert it to UTF-8, e.g. `iconv -f WINDOWS-1256 -t UTF-8 FILE > FILE.utf8` \
         (WINDOWS-1256 is the usual legacy encoding of Arabic text)",
    )
    .at(line)
}

/// The error for a file that cannot be read at all.
pub(super) fn unreadable(path: &str, error: &std::io::Error) -> InputError {
    let hint = match error.kind() {
        std::io::ErrorKind::PermissionDenied => "check that you are allowed to read it",
        _ => "",
    };
    InputError::new(path, format!("cannot read: {error}"), hint)
}
