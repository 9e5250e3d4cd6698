//! Spans, one type per coordinate system, so that the compiler refuses a span of one
//! system where another is expected.
//!
//! An article is read in four coordinate systems:
//! - [`OrigSpan`]: bytes of the article file as read (BOM, CRLF and front matter
//!   included). What the output shows ([`crate::model::Span`]) and what slices
//!   `Article::text`.
//! - [`NormSpan`]: bytes of the normalised text ([`crate::normalize::Normalized::text`]),
//!   which every matcher runs on: lines, sentences, clauses, hits, attribution segments,
//!   frames' evidence.
//! - [`TokenSpan`]: indices into the matcher's words
//!   ([`crate::lexicon::matcher::Tokens::tokens`]): what a hit covers, a sentence's or a
//!   clause's words.
//! - [`TokenTextSpan`]: bytes of the matcher's token text
//!   ([`crate::lexicon::matcher::Tokens::text`]), where the lexicon's forms are found.
//!
//! The four live here, below every stage, rather than beside the maps between them,
//! because those maps are owned by two different stages and the model needs one of the
//! types too; side by side, the difference between them reads in one place. This module
//! converts nothing: a conversion exists only where a map makes it legitimate, and lives
//! with that map: [`crate::normalize::Normalized::to_original`] and
//! [`crate::normalize::Normalized::to_normalized`] (the offset map),
//! [`crate::lexicon::matcher::Tokens::at_norm_span`],
//! [`crate::lexicon::matcher::Tokens::norm_of`] and
//! [`crate::lexicon::matcher::Tokens::words`] (the word list), and
//! `From<OrigSpan> for model::Span`.
//!
//! ```
//! use claimgraph::normalize::Normalized;
//! use claimgraph::span::NormSpan;
//!
//! let text = "\u{feff}Raqqa\r\n";
//! let norm = Normalized::new(text);
//! let orig = norm.to_original(NormSpan::new(0, "raqqa".len()));
//! assert_eq!(&text[orig.range()], "Raqqa");
//! ```
//!
//! An original span is not a normalised one: this does not compile.
//!
//! ```compile_fail
//! use claimgraph::normalize::Normalized;
//! use claimgraph::span::OrigSpan;
//!
//! let norm = Normalized::new("Raqqa");
//! norm.to_original(OrigSpan::new(0, 5));
//! ```
//!
//! A single position stays a plain `usize`: spans are what crosses stage boundaries and
//! gets confused. Each type is two `usize`s, as a `Range<usize>` is, and `Copy`: as cheap
//! to pass and store as that range, and `range()` is free.

use std::fmt;
use std::ops::Range;

macro_rules! span_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $name {
            /// First position.
            pub start: usize,
            /// One past the last position.
            pub end: usize,
        }

        impl $name {
            /// The span `[start, end)`.
            #[inline]
            pub const fn new(start: usize, end: usize) -> Self {
                $name { start, end }
            }

            /// The span as a `Range`, for slicing its text or iterating its positions.
            #[inline]
            pub const fn range(self) -> Range<usize> {
                self.start..self.end
            }

            /// Its length (0 when `end <= start`, as for a `Range`).
            #[inline]
            pub const fn len(self) -> usize {
                self.end.saturating_sub(self.start)
            }

            /// Whether it holds no position (`end <= start`, as for a `Range`).
            #[inline]
            pub const fn is_empty(self) -> bool {
                self.start >= self.end
            }

            /// Whether position `pos` lies inside it.
            #[inline]
            pub const fn contains(self, pos: usize) -> bool {
                self.start <= pos && pos < self.end
            }

            /// Whether `inner` lies inside it (its ends included).
            #[inline]
            pub const fn covers(self, inner: $name) -> bool {
                self.start <= inner.start && inner.end <= self.end
            }

            /// Whether it and `other` share a position.
            #[inline]
            pub const fn overlaps(self, other: $name) -> bool {
                self.start < other.end && other.start < self.end
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({}..{})", stringify!($name), self.start, self.end)
            }
        }
    };
}

span_type!(
    /// A half-open byte span of an article's original text (the file as read).
    OrigSpan
);

span_type!(
    /// A half-open byte span of an article's normalised text
    /// ([`crate::normalize::Normalized::text`]).
    NormSpan
);

span_type!(
    /// A half-open span of token indices into the matcher's words
    /// ([`crate::lexicon::matcher::Tokens::tokens`]).
    TokenSpan
);

span_type!(
    /// A half-open byte span of the matcher's token text
    /// ([`crate::lexicon::matcher::Tokens::text`]).
    TokenTextSpan
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_behave_as_the_ranges_they_replace() {
        for (start, end) in [(0, 0), (3, 3), (2, 7), (7, 2)] {
            let span = NormSpan::new(start, end);
            let range = start..end;
            assert_eq!(span.range(), range);
            assert_eq!(span.len(), range.len());
            assert_eq!(span.is_empty(), range.is_empty());
            for pos in 0..9 {
                assert_eq!(span.contains(pos), range.contains(&pos));
            }
        }
        assert!(TokenSpan::new(2, 7).covers(TokenSpan::new(2, 7)));
        assert!(TokenSpan::new(2, 7).covers(TokenSpan::new(3, 5)));
        assert!(!TokenSpan::new(2, 7).covers(TokenSpan::new(1, 5)));
        assert!(TokenSpan::new(2, 7).overlaps(TokenSpan::new(6, 9)));
        assert!(!TokenSpan::new(2, 7).overlaps(TokenSpan::new(7, 9)));
        assert_eq!(format!("{:?}", OrigSpan::new(3, 6)), "OrigSpan(3..6)");
    }
}
