//! `corpus.toml`: the metadata of a directory's articles, kept beside them.
//!
//! ```toml
//! [defaults]            # optional; applies to every article of the directory tree
//! outlet = "Tayf Post"
//! language = "ar"
//!
//! [[article]]
//! file = "000_f1a2565e78c4542f.txt"   # required, relative to the manifest's directory
//! id = "…"  outlet = "…"  published = "2019-11-23"  url = "…"  language = "ar"  title = "…"
//! ```
//!
//! A manifest is all or nothing: its first problem (in file order) is one error naming
//! `corpus.toml:LINE`, and the directory's files are then read without any of its
//! metadata, because half a manifest would attach the right outlet to some files and
//! silently none to others. The document is parsed with `toml::de::DeTable` rather than
//! serde so every problem, not only syntax, can name its line.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::InputError;
use super::fields::{self, DATE_HINT, Fields};
use crate::model::date::PartialDate;

/// The manifest's file name in a directory.
pub(super) const FILE_NAME: &str = "corpus.toml";

const ARTICLE_KEYS: &str = "file, id, outlet, published, url, language, title";
const DEFAULT_KEYS: &str = "outlet, language";

/// Said in every manifest error's hint, since it is what the user will see happen.
pub(super) const FALLBACK: &str = "until it is fixed, the directory's files are read without manifest metadata";

/// A directory's manifest, read.
#[derive(Debug, Default)]
pub(super) struct Manifest {
    /// `[[article]]` entries by `file`, `/`-separated, relative to the directory.
    pub entries: HashMap<String, Fields>,
    /// `[defaults]`.
    pub defaults: Fields,
}

/// The first problem found, by byte offset into the manifest.
struct Problem {
    at: usize,
    message: String,
    hint: String,
}

/// Parses the manifest `text` of directory `dir` (to check listed files exist); `path` is
/// the manifest as the user would name it.
pub(super) fn parse(text: &str, path: &str, dir: &Path) -> Result<Manifest, InputError> {
    let to_error = |problem: Problem| {
        let line = 1 + text[..problem.at.min(text.len())].matches('\n').count();
        let hint = if problem.hint.is_empty() {
            FALLBACK.to_string()
        } else {
            format!("{}; {FALLBACK}", problem.hint)
        };
        InputError::new(path, problem.message, hint).at(line)
    };
    let document = DeTable::parse(text).map_err(|e| {
        let at = e.span().map_or(0, |span| span.start).min(text.len());
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let column = 1 + text[line_start..at].chars().count();
        let message = e.message().trim_end().replace('\n', " ");
        to_error(Problem {
            at,
            message: format!("invalid TOML at column {column}: {message}"),
            hint: String::new(),
        })
    })?;
    let mut problems = Vec::new();
    let manifest = read_document(document.get_ref(), dir, &mut problems);
    match problems.into_iter().min_by_key(|p| p.at) {
        Some(problem) => Err(to_error(problem)),
        None => Ok(manifest),
    }
}

fn read_document(document: &DeTable, dir: &Path, problems: &mut Vec<Problem>) -> Manifest {
    let mut manifest = Manifest::default();
    for (key, value) in document {
        match key.get_ref().as_ref() {
            "defaults" => match value.get_ref() {
                DeValue::Table(table) => {
                    manifest.defaults = read_table(table, "[defaults]", DEFAULT_KEYS, problems);
                }
                _ => problems.push(expected(key, "`defaults` must be a table: `[defaults]`")),
            },
            "article" => {
                let DeValue::Array(articles) = value.get_ref() else {
                    problems.push(expected(
                        key,
                        "`article` must be an array of tables: write `[[article]]`",
                    ));
                    continue;
                };
                for article in articles.iter() {
                    let DeValue::Table(table) = article.get_ref() else {
                        problems.push(expected(article, "an `article` must be a table"));
                        continue;
                    };
                    let entry = read_table(table, "[[article]]", ARTICLE_KEYS, problems);
                    let Some(file) = table.get("file") else {
                        problems.push(Problem {
                            at: article.span().start,
                            message: "[[article]] has no `file`".to_string(),
                            hint: "name the article's file, relative to the manifest: \
                                   file = \"000_example.txt\""
                                .to_string(),
                        });
                        continue;
                    };
                    let Some(name) = file.get_ref().as_str() else {
                        continue; // read_table reported the type
                    };
                    let key = normalize(name);
                    if !dir.join(&key).is_file() {
                        problems.push(Problem {
                            at: file.span().start,
                            message: format!("listed file `{name}` does not exist"),
                            hint: "`file` is relative to the directory of corpus.toml".into(),
                        });
                    } else if let Entry::Vacant(slot) = manifest.entries.entry(key) {
                        slot.insert(entry);
                    } else {
                        problems.push(Problem {
                            at: file.span().start,
                            message: format!("file `{name}` is listed twice"),
                            hint: "keep one [[article]] per file".to_string(),
                        });
                    }
                }
            }
            other => problems.push(Problem {
                at: key.span().start,
                message: format!("unknown key `{other}`"),
                hint: "the manifest has `[defaults]` and `[[article]]` tables".to_string(),
            }),
        }
    }
    manifest
}

/// Reads the metadata keys of `table` (named `name` in messages); `file` is checked by
/// the caller.
fn read_table(table: &DeTable, name: &str, allowed: &str, problems: &mut Vec<Problem>) -> Fields {
    let mut fields = Fields::default();
    for (key, value) in table {
        let key_name: &str = key.get_ref().as_ref();
        if !allowed.split(", ").any(|k| k == key_name) {
            problems.push(Problem {
                at: key.span().start,
                message: format!("unknown key `{key_name}` in {name}"),
                hint: format!("known keys: {allowed}"),
            });
            continue;
        }
        let Some(text) = value.get_ref().as_str() else {
            problems.push(expected(value, &format!("`{key_name}` must be a string")));
            continue;
        };
        let slot = match key_name {
            "outlet" => &mut fields.outlet,
            "url" => &mut fields.url,
            "language" => &mut fields.language,
            "title" => &mut fields.title,
            "id" => &mut fields.id,
            "published" => {
                if text.trim().is_empty() {
                    continue;
                }
                match PartialDate::parse(text) {
                    Some(date) => fields.published = Some(date),
                    None => problems.push(Problem {
                        at: value.span().start,
                        message: fields::bad_date(text),
                        hint: DATE_HINT.to_string(),
                    }),
                }
                continue;
            }
            _ => continue, // `file`
        };
        *slot = fields::declared(text);
    }
    fields
}

fn expected<T>(at: &Spanned<T>, message: &str) -> Problem {
    Problem {
        at: at.span().start,
        message: message.to_string(),
        hint: String::new(),
    }
}

/// A listed file as the key the walk looks it up by: `/`-separated, without `.` parts.
pub(super) fn normalize(file: &str) -> String {
    file.split(['/', '\\'])
        .filter(|part| !part.is_empty() && *part != ".")
        .collect::<Vec<_>>()
        .join("/")
}
