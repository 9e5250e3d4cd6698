//! Where gold strings stand in an article's original text.
//!
//! Input: an article text (the original bytes) and a verbatim gold string. Output: byte
//! spans into that text. Both validation and scoring use these functions, so that "the
//! quote occurs in the article" means the same thing in both.
//!
//! Invariants: every returned span is on UTF-8 character boundaries of the text; lines are
//! compared trimmed (a `no_claims` line need not repeat the article's indentation or
//! trailing spaces), but their spans cover only the trimmed content.

use crate::model::Span;

/// Every occurrence of `needle` in `text`, left to right, not overlapping each other.
///
/// An empty needle has no occurrence: it would otherwise "occur" everywhere and make a
/// broken gold entry look matched.
pub fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(start, m)| Span::new(start, start + m.len()))
        .collect()
}

/// The lines of `text`: `(1-based number, whole line span, trimmed content span)`.
///
/// The whole span excludes the line end (`\n`, and a `\r` before it).
pub fn lines(text: &str) -> Vec<(usize, Span, Span)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let end = start + raw.len();
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        let content = Span::new(start + lead, start + lead + trimmed.len());
        out.push((i + 1, Span::new(start, start + line.len()), content));
        start = end + 1;
    }
    out
}

/// The trimmed spans of every line of `text` whose trimmed content is `line` (trimmed).
///
/// Whole lines only: a furniture heading such as `الجيش التركي` also occurs inside body
/// sentences, and those must not count as furniture.
pub fn whole_lines(text: &str, line: &str) -> Vec<Span> {
    let wanted = line.trim();
    if wanted.is_empty() {
        return Vec::new();
    }
    lines(text)
        .into_iter()
        .filter(|(_, _, content)| &text[content.range()] == wanted)
        .map(|(_, _, content)| content)
        .collect()
}

/// Where the words of a gold role stand for a quote occurrence: their occurrences in the
/// quote's sentence (the `sentences` overlapping `quote`; the quote itself when none does),
/// or, only when the words are not in that sentence, their occurrences anywhere in `text`.
///
/// The gold names a role as the sentence writes it; a back-reference ("the town") whose
/// antecedent stands elsewhere still names it in the sentence, but a role the sentence
/// leaves to the context ("Russia" for "its role as guarantor") can only be found elsewhere.
pub fn role_spans(text: &str, sentences: &[Span], quote: Span, words: &str) -> Vec<Span> {
    let all = occurrences(text, words);
    let mut holding: Vec<Span> = sentences.iter().copied().filter(|s| s.overlaps(&quote)).collect();
    if holding.is_empty() {
        holding.push(quote);
    }
    let near: Vec<Span> = all
        .iter()
        .copied()
        .filter(|w| holding.iter().any(|s| s.overlaps(w)))
        .collect();
    if near.is_empty() { all } else { near }
}

/// The 1-based line number of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The span of line `number` (1-based) without its line end; empty past the end.
pub fn line_span(text: &str, number: usize) -> Span {
    lines(text)
        .into_iter()
        .find(|(n, _, _)| *n == number)
        .map(|(_, whole, _)| whole)
        .unwrap_or(Span::new(text.len(), text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_are_byte_spans_after_multibyte_text() {
        let text = "قال المصدر: نعم. ثم قال المصدر: لا.";
        let spans = occurrences(text, "المصدر");
        assert_eq!(spans.len(), 2);
        for s in &spans {
            assert_eq!(&text[s.range()], "المصدر");
        }
        assert!(occurrences(text, "").is_empty());
    }

    #[test]
    fn role_words_are_found_in_the_quote_sentence_first() {
        let text = "The town fell. Rebels said the town fell to them.";
        let sentences = [Span::new(0, 14), Span::new(15, text.len())];
        let quote = occurrences(text, "the town fell")[0];
        // "town" occurs in both sentences: only the quote's counts.
        let spans = role_spans(text, &sentences, quote, "town");
        let second = text.rfind("town").unwrap();
        assert_eq!(spans, vec![Span::new(second, second + 4)]);
        // "The town" is only in the first sentence: found there, elsewhere.
        assert_eq!(role_spans(text, &sentences, quote, "The town"), vec![Span::new(0, 8)]);
        assert!(role_spans(text, &sentences, quote, "army").is_empty());
    }

    #[test]
    fn whole_lines_do_not_match_inside_sentences() {
        let text = "الجيش التركي\nتقدم الجيش التركي نحو البلدة.\n  الجيش التركي \r\n";
        let spans = whole_lines(text, "الجيش التركي");
        assert_eq!(spans.len(), 2);
        assert_eq!(line_of(text, spans[0].start), 1);
        assert_eq!(line_of(text, spans[1].start), 3);
        assert_eq!(&text[spans[1].range()], "الجيش التركي");
        assert_eq!(&text[line_span(text, 2).range()], "تقدم الجيش التركي نحو البلدة.");
    }
}
