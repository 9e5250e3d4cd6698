//! Lexicons: rules kept as data (TOML under `src/lexicon/data/`, embedded at compile time)
//! and compiled once per run into matchers.
//!
//! So far: page furniture and bylines ([`furniture`]). Attribution cues, actors, places and
//! event predicates join here (issues 4 and 5). Loading a lexicon is the one place besides
//! input where the pipeline returns errors, each naming file:line:column with a hint.

pub mod furniture;

use std::fmt;

/// A lexicon file that cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file.
    pub path: String,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl LexiconError {
    /// A TOML syntax or shape error, positioned from the parser's span.
    pub fn toml(path: &str, src: &str, err: &toml::de::Error) -> LexiconError {
        LexiconError {
            path: path.to_owned(),
            position: err.span().map(|s| line_col(src, s.start)),
            message: err.message().trim().to_owned(),
            hint: "see src/lexicon/data/README.md for the format".to_owned(),
        }
    }

    /// A pattern that does not compile.
    pub fn regex(path: &str, rule: &str, pattern: &str, err: &regex::Error) -> LexiconError {
        LexiconError {
            path: path.to_owned(),
            position: None,
            message: format!("rule {rule}: pattern {pattern:?} does not compile: {err}"),
            hint: "patterns use Rust regex syntax (https://docs.rs/regex)".to_owned(),
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path, self.message)?,
            None => write!(f, "{}: {}", self.path, self.message)?,
        }
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconError {}

/// The 1-based line and column (in characters) of byte `offset` in `src`.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..src.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
