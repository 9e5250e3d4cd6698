//! Front matter: a `---` block of `key: value` lines at the top of a text file.
//!
//! Only this small subset of YAML is read, on purpose: flat keys, values optionally in
//! single or double quotes (no escapes), `#` comment lines and blank lines. Anything else
//! is an error naming its line, because a half-understood block would silently give an
//! article the wrong outlet or date. CRLF line ends and a UTF-8 BOM before the opening
//! `---` are tolerated; the text itself is never changed, only `body` points past it.

use super::InputError;
use super::fields::{self, DATE_HINT, Fields};
use crate::model::date::PartialDate;

/// The keys front matter may set, in the order hints list them.
const KEYS: &str = "outlet, published, url, language, title, id";

/// What a text file's front matter declares.
#[derive(Debug, Default)]
pub(super) struct FrontMatter {
    pub fields: Fields,
    /// Byte offset just past the closing `---` line (0 without front matter).
    pub body: usize,
}

/// Parses the front matter of `text`, if it has any. Unknown keys are pushed to
/// `warnings`; anything that leaves the metadata in doubt is an error.
pub(super) fn parse(text: &str, path: &str, warnings: &mut Vec<InputError>) -> Result<FrontMatter, InputError> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = text[start..].split_inclusive('\n').zip(1..);
    let mut offset = start;
    match lines.next() {
        Some((first, _)) if strip_eol(first).trim_end() == "---" => offset += first.len(),
        _ => return Ok(FrontMatter::default()),
    }
    let mut front = FrontMatter::default();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (raw, number) in lines {
        offset += raw.len();
        let line = strip_eol(raw);
        if line.trim_end() == "---" {
            front.body = offset;
            return Ok(front);
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = key_value(line) else {
            return Err(InputError::new(
                path,
                format!("expected `key: value` in front matter, found `{trimmed}`"),
                "each front-matter line is `key: value`, a `# comment` or blank, \
                 and the block ends with a line `---`",
            )
            .at(number));
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(InputError::new(
                path,
                format!("front-matter key `{key}` is given twice (first at line {first})"),
                "keep one of the values",
            )
            .at(number));
        }
        seen.push((key, number));
        let value = unquote(value);
        let slot = match key {
            "outlet" => &mut front.fields.outlet,
            "url" => &mut front.fields.url,
            "language" => &mut front.fields.language,
            "title" => &mut front.fields.title,
            "id" => &mut front.fields.id,
            "published" => {
                if !value.trim().is_empty() {
                    front.fields.published = Some(
                        PartialDate::parse(value)
                            .ok_or_else(|| InputError::new(path, fields::bad_date(value), DATE_HINT).at(number))?,
                    );
                }
                continue;
            }
            _ => {
                warnings.push(
                    InputError::new(
                        path,
                        format!("unknown front-matter key `{key}` (ignored)"),
                        format!("known keys: {KEYS}"),
                    )
                    .at(number),
                );
                continue;
            }
        };
        *slot = fields::declared(value);
    }
    Err(InputError::new(
        path,
        "front matter opened on this line is never closed",
        "end the front matter with a line `---`",
    )
    .at(1))
}

/// `line` without its `\n` or `\r\n`.
fn strip_eol(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// Splits `key: value`, where a key is letters, digits, `_` and `-`.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let is_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    is_key.then_some((key, value.trim()))
}

/// The value inside matching single or double quotes, or the value as it is.
fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(quote) && value.ends_with(quote) {
            return &value[1..value.len() - 1];
        }
    }
    value
}
