//! JSONL: one article per line, as a JSON object with `id, outlet, published, url,
//! language, title, text`.
//!
//! Each line stands alone: a bad line (not UTF-8, invalid JSON, not an object, no `text`,
//! a bad date) is one error naming `file:LINE`, and the other lines are still read. Blank
//! lines are skipped. An article's `text` is the decoded field, so its offsets index that
//! string, not the file. Fields other than the known ones are ignored with one warning per
//! field name and file, so a misspelt `date` does not silently lose every date.

use serde_json::{Map, Value};
use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::Arc;

use super::fields::{self, DATE_HINT, Fields};
use super::pending::{Pending, Place};
use super::{Article, Index, IngestOptions, InputError, Origin, decode};
use crate::model::date::PartialDate;

const KEYS: [&str; 7] = ["id", "outlet", "published", "url", "language", "title", "text"];

const RECORD_HINT: &str = "each line must be one JSON object such as \
                           {\"id\": \"a1\", \"outlet\": \"Tayf Post\", \"text\": \"…\"}";

/// The longest JSONL line read, for a record whose `text` may be `max_article_bytes`
/// once decoded: three times that, as `\uXXXX` escapes (Python's default `ensure_ascii`)
/// triple Arabic text, plus 64 KiB for the other fields.
pub(super) fn max_line_bytes(options: &IngestOptions) -> usize {
    options.max_article_bytes.saturating_mul(3).saturating_add(64 * 1024)
}

/// Reads JSONL from `reader`, the file `path`, into `index`, one line at a time: a line
/// longer than [`max_line_bytes`] is never held whole (its first bytes are read up to the
/// limit, the rest skipped to the next line end), so no line can exhaust memory. Records
/// without an `id` are named `FILE_ID:LINE`. With `file` (a regular file), each record
/// keeps where its line is, to be read again; without (a stream), it keeps its text.
pub(super) fn read(
    mut reader: impl BufRead,
    path: &str,
    file_id: &str,
    file: Option<Arc<Path>>,
    options: &IngestOptions,
    index: &mut Index,
) {
    match reader.fill_buf() {
        Ok(head) => {
            if let Err(error) = decode::check_binary(head, path) {
                index.errors.push(error);
                return;
            }
        }
        Err(e) => return index.errors.push(decode::unreadable(path, &e)),
    }
    let limit = max_line_bytes(options);
    // Unknown field names with the line each was first seen on.
    let mut unknown: Vec<(String, usize)> = Vec::new();
    let mut lines_with_content = 0;
    // Byte offset of the line in the file, for messages.
    let mut offset = 0;
    let mut raw = Vec::new();
    for number in 1.. {
        raw.clear();
        let read = (&mut reader).take(limit as u64 + 1).read_until(b'\n', &mut raw);
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                index.errors.push(decode::unreadable(path, &e).at(number));
                break;
            }
        }
        let start = offset;
        offset += raw.len();
        if raw.len() > limit && raw.last() != Some(&b'\n') {
            lines_with_content += 1;
            offset += skip_line(&mut reader);
            index.errors.push(
                InputError::new(
                    path,
                    format!("line is longer than the limit of {limit} bytes"),
                    "a record's `text` may hold --max-article-bytes once decoded, its line three times \
                     that; raise --max-article-bytes, or split the record",
                )
                .at(number),
            );
            continue;
        }
        let bom = bom_len(&raw, number);
        let line = &raw[bom..];
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        lines_with_content += 1;
        let line = match std::str::from_utf8(line) {
            Ok(line) => line,
            Err(e) => {
                let at = e.valid_up_to();
                index
                    .errors
                    .push(decode::not_utf8(path, start + bom + at, line[at], number));
                continue;
            }
        };
        match record(line, path, file_id, number, options, &mut unknown) {
            Ok(article) => {
                let place = file.as_ref().map(|file| Place::Record {
                    file: Arc::clone(file),
                    offset: start as u64,
                    len: raw.len(),
                    line: number,
                });
                index.pending.push(Pending::new(article, place));
            }
            Err(error) => index.errors.push(error.at(number)),
        }
    }
    if lines_with_content == 0 {
        index.errors.push(InputError::new(path, "is empty", decode::EMPTY_HINT));
    }
    for (name, line) in unknown {
        index.warnings.push(
            InputError::new(
                path,
                format!("unknown field `{name}` (ignored in every record)"),
                format!("known fields: {}", KEYS.join(", ")),
            )
            .at(line),
        );
    }
}

/// Skips the rest of a line, up to and including its line end, without keeping it;
/// returns how many bytes were skipped. A read error ends the line (the next read
/// reports it).
fn skip_line(reader: &mut impl BufRead) -> usize {
    let mut skipped = 0;
    loop {
        let (done, used) = match reader.fill_buf() {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Ok([]) | Err(_) => return skipped,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(k) => (true, k + 1),
                None => (false, buf.len()),
            },
        };
        reader.consume(used);
        skipped += used;
        if done {
            return skipped;
        }
    }
}

/// How many bytes of line `number` are a BOM to skip: serde_json rejects one, but offsets
/// in messages still count it, as editors do.
fn bom_len(raw: &[u8], number: usize) -> usize {
    const BOM: &str = "\u{feff}";
    if number == 1 && raw.starts_with(BOM.as_bytes()) {
        BOM.len()
    } else {
        0
    }
}

/// The `text` of record `raw`, line `number` of its file, read again by the read pass
/// and decoded as [`read`] decodes it; `None` when the line no longer holds a record
/// with a text (it changed; the caller says so).
pub(super) fn text_of_line(raw: &[u8], number: usize) -> Option<String> {
    let line = std::str::from_utf8(&raw[bom_len(raw, number)..]).ok()?;
    text(&mut object(line, "").ok()?, "").ok()
}

/// One record; errors carry no line (the caller adds it).
fn record(
    line: &str,
    path: &str,
    file_id: &str,
    number: usize,
    options: &IngestOptions,
    unknown: &mut Vec<(String, usize)>,
) -> Result<Article, InputError> {
    let mut object = object(line, path)?;
    for key in object.keys() {
        if !KEYS.contains(&key.as_str()) && !unknown.iter().any(|(k, _)| k == key) {
            unknown.push((key.clone(), number));
        }
    }
    let text = text(&mut object, path)?;
    decode::check_size(text.len() as u64, path, options).map_err(|e| InputError {
        message: format!("record `text` {}", e.message),
        ..e
    })?;
    let mut declared = Fields {
        id: string(&object, "id", path)?,
        outlet: string(&object, "outlet", path)?,
        url: string(&object, "url", path)?,
        language: string(&object, "language", path)?,
        title: string(&object, "title", path)?,
        published: None,
    };
    if let Some(date) = string(&object, "published", path)? {
        declared.published =
            Some(PartialDate::parse(&date).ok_or_else(|| InputError::new(path, fields::bad_date(&date), DATE_HINT))?);
    }
    let (id, meta) = fields::merge(&[(Origin::Jsonl, &declared)], &text);
    Ok(Article {
        id: id.unwrap_or_else(|| format!("{file_id}:{number}")),
        path: format!("{path}:{number}"),
        text,
        body: 0,
        meta,
    })
}

/// A line as one JSON object.
fn object(line: &str, path: &str) -> Result<Map<String, Value>, InputError> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // serde_json's Display ends in " at line 1 column N"; the line is ours to give.
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        InputError::new(
            path,
            format!("invalid JSON at column {}: {message}", e.column()),
            RECORD_HINT,
        )
    })?;
    match value {
        Value::Object(object) => Ok(object),
        other => Err(InputError::new(
            path,
            format!("expected a JSON object, found {}", kind(&other)),
            RECORD_HINT,
        )),
    }
}

/// The record's `text`, taken out of it: a string with something to analyse.
fn text(object: &mut Map<String, Value>, path: &str) -> Result<String, InputError> {
    match object.remove("text") {
        None | Some(Value::Null) => Err(InputError::new(path, "record has no `text`", RECORD_HINT)),
        Some(Value::String(text)) if decode::is_blank(&text) => {
            Err(InputError::new(path, "record `text` is empty", decode::EMPTY_HINT))
        }
        Some(Value::String(text)) => Ok(text),
        Some(other) => Err(InputError::new(
            path,
            format!("field `text` must be a string, found {}", kind(&other)),
            RECORD_HINT,
        )),
    }
}

/// A string field (a number is accepted for `id`, as exports often number records).
fn string(object: &Map<String, Value>, key: &str, path: &str) -> Result<Option<String>, InputError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(fields::declared(s)),
        Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
        Some(other) => Err(InputError::new(
            path,
            format!("field `{key}` must be a string, found {}", kind(other)),
            RECORD_HINT,
        )),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
