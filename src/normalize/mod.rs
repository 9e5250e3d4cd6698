//! Normalisation for matching, with an exact map back to the original bytes.
//!
//! Input: the original text of an article (the whole file: front matter, BOM and CRLF
//! included). Output: [`Normalized`], the text every matcher (lexicons, segmenter) runs on,
//! and an offset map from any span of it back to the original bytes, and the reverse.
//!
//! # Rules
//!
//! Per character, independent of context:
//! - removed: tatweel U+0640, Arabic diacritics (U+064B–U+065F, U+0670, U+06D6–U+06ED),
//!   bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width
//!   characters (U+200B–U+200D, U+2060) and the BOM U+FEFF wherever it is;
//! - alef forms أ إ آ ٱ → ا; alef maqsura ى → ي; ta marbuta ة → ه;
//! - Arabic-Indic and Persian digits → ASCII digits;
//! - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) → their NFKC form, to which
//!   the other rules then apply (ﻷ → لا, ﷲ → الله; the isolated harakat forms become a space);
//! - quotation marks “ ” „ ‟ « » ″ 〝 〞 ＂ → `"`; ‘ ’ ‚ ‛ → `'`; dashes U+2010–U+2015 and
//!   U+2212 → `-`;
//! - `\r\n`, lone `\r` and `\n` → `\n`; every other whitespace (tab, NBSP, U+2000–U+200A,
//!   U+202F, U+3000, and also VT, FF, NEL, U+2028, U+2029) is horizontal → space. The
//!   Unicode line/paragraph separators are deliberately *not* line ends, so that line N of
//!   the normalised text is line N of the original as `\n`/`\r\n`/`\r` split it;
//! - everything else → `char::to_lowercase` (a no-op for Arabic); Arabic punctuation ، ؛ ؟,
//!   `.`, `…` and the rest survive as they are.
//!
//! In context:
//! - a run of horizontal whitespace becomes one space, judged after the removals above
//!   (`" \u{200B} "` and `" ـ "` are one run); newlines are never collapsed and lines are not
//!   trimmed, so a leading run stays as one space;
//! - **obfuscation dots.** Posts dodge platform word filters by putting a dot, a tatweel run
//!   or both inside a word (`معـ.ارك`, `القـ.ـصف`, `العســ.كرية`). A `.` whose nearest
//!   non-tatweel neighbours on both sides are Arabic letters is removed when a tatweel
//!   touches it on either side, and also without a tatweel *unless* the letter after it is
//!   و or ف: `والساحل.وتلعب` and `حمص.وباتت` are two sentences run together (the next
//!   sentence opens with the conjunction), so that dot is a real sentence end and stays.
//!   Known failure: a dot-only obfuscation before و or ف (`ال.وحدات`) stays split; the
//!   opposite error (joining two sentences whose second starts with another letter) is
//!   accepted because news prose nearly always opens a run-on sentence with و or ف.
//!
//! # Invariants (property-tested below)
//! - normalisation is idempotent: `normalize(normalize(s)) == normalize(s)`;
//! - line ends survive one for one: the normalised text has exactly as many `\n` as the
//!   original has line ends, so line N of one is line N of the other;
//! - the map is monotone and every span maps to original UTF-8 character boundaries;
//! - exactness: between two *map boundaries* ([`Normalized::is_boundary`]: positions where
//!   an original character's output starts, and the end), `normalize(&original[
//!   to_original(span)]) == &text[span]`, whatever the context rules did. This holds because
//!   a mapped span never starts or ends with a removed character: removed obfuscation dots
//!   and collapsed spaces only ever fall strictly inside it, next to the very neighbours
//!   that decided their fate.
//!
//! # The map
//! The normalised text is cut into segments, each either a *run* (every character maps to
//! an original character of the same byte length at the same relative offset: plain
//! letters, ASCII, أ→ا, A→a) or a *piece* (one original character, or a `\r\n` pair,
//! whose output differs in length: “→", ٣→3, ﻷ→لا, `\r\n`→`\n`). A segment costs 9 bytes
//! (two `u32` offsets and a `u8` length); removed characters start a new segment. Typical
//! Arabic news needs well under one byte of map per original byte (0.07–0.18 on the
//! seeds, see the test `map_cost_on_seeds`); the pathological worst case, `a\r\n` over
//! and over, is 6 bytes per original byte. Lookups binary-search the segments: O(log n).
//! Offsets are `u32`, so an original or normalised text must be under 4 GiB (ingest caps
//! articles far below that); [`Normalized::new`] panics beyond it.
//!
//! # Speed
//! Most text is plain: ASCII but dots and whitespace, the Arabic letters that are their
//! own image, single spaces. A run of it is copied at once and extends one run segment;
//! only the other characters go through `expand` and the context rules one by one.
//!
//! # For later stages
//! - Every `.` survives except an obfuscation dot inside a word; `..`, `…`, `3.5`, `a.b`
//!   and Arabic ، ؛ ؟ are untouched. A dot glued to a following و or ف (`حمص.وباتت`) is a
//!   sentence end with no space after it: the segmenter must split there.
//! - Lexicon entries must go through [`normalize`] too (ة is ه, ى is ي, no hamza on alef).
//! - Map every match with [`Normalized::to_original`]; a match whose ends are not map
//!   boundaries (it cut the `لا` of a `ﻷ`) is widened to whole original characters.
//!
//! Normalise a whole file at once: the context rules look across characters, so
//! normalising chunks and concatenating can differ (`مع.` + `ارك` keeps the dot).

use crate::span::{NormSpan, OrigSpan};

use unicode_normalization::UnicodeNormalization;

const TATWEEL: char = '\u{0640}';

/// The normalised text of an article and its map back to the original bytes.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// Normalised byte offset where each segment starts; strictly increasing, first is 0.
    seg_norm: Vec<u32>,
    /// Original byte offset where each segment starts; strictly increasing.
    seg_orig: Vec<u32>,
    /// 0 for a run segment; otherwise the segment is a piece and this is the byte length
    /// of the original it came from (at most 4, a character or `\r\n`).
    seg_piece_len: Vec<u8>,
}

impl Normalized {
    /// Normalises `original`.
    ///
    /// # Panics
    /// If `original` or its normalised text is 4 GiB or longer (offsets are `u32`).
    pub fn new(original: &str) -> Normalized {
        offset(original.len());
        let mut map = MapBuilder::with_capacity(original.len());
        let mut context = Context::default();
        let mut units = Vec::with_capacity(4);
        let bytes = original.as_bytes();
        let mut start = 0;
        while start < original.len() {
            // Most characters are their own image, or an ASCII letter's lower case, and
            // touch no context rule but the dot rule's "after a letter": a run of them is
            // copied at once.
            if context.pending.is_none() {
                let run = plain_run(bytes, start, map.text.ends_with(' '));
                if run.end > start {
                    context.after_letter = run.letter;
                    context.after_tatweel = false;
                    map.emit_run(&original[start..run.end], start, run.capital);
                    start = run.end;
                    continue;
                }
            }
            let Some(c) = original[start..].chars().next() else {
                break;
            };
            let mut atom = Atom {
                start,
                end: start + c.len_utf8(),
                single_char: true,
            };
            start = atom.end;
            units.clear();
            if c == '\r' && bytes.get(start) == Some(&b'\n') {
                start += 1;
                // One line end, so one atom: the output `\n` maps to both bytes.
                atom.end += 1;
                atom.single_char = false;
            }
            expand(c, &mut units);
            for &unit in &units {
                context.push(unit, atom, &mut map);
            }
        }
        context.finish(&mut map);
        map.finish()
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the original `text` of a normalised span has letters and no lower-case
    /// one (an acronym as written: "IS", not "is").
    pub fn is_upper(&self, text: &str, norm: NormSpan) -> bool {
        let words = text.get(self.to_original(norm).range()).unwrap_or("");
        words.chars().any(char::is_alphabetic) && !words.chars().any(char::is_lowercase)
    }

    /// The original byte span that the normalised byte span `norm` came from.
    ///
    /// A span that starts or ends inside the output of one original character (inside the
    /// `لا` of a `ﻷ`) is widened to that whole character. Removed characters before the
    /// first and after the last character of the span are left out; those inside are in.
    /// An empty span at a map boundary maps to an empty span at the start of the original
    /// character there (at the end of the last surviving character for the text's end).
    /// Positions past the end are clamped; `end < start` is treated as `start..start`.
    pub fn to_original(&self, norm: NormSpan) -> OrigSpan {
        let len = self.text.len();
        let a = self.text.floor_char_boundary(norm.start.min(len));
        let b = self.text.ceil_char_boundary(norm.end.clamp(a, len));
        if self.seg_norm.is_empty() {
            return OrigSpan::new(0, 0);
        }
        let start = if a == len {
            self.orig_end_of(len)
        } else {
            self.orig_floor(a)
        };
        let end = if b > a {
            self.orig_end_of(b)
        } else if a == len || self.is_boundary(a) {
            start
        } else {
            // Empty span inside one character's output: that character.
            let next = self.text[a..].chars().next().map_or(a, |c| a + c.len_utf8());
            self.orig_end_of(next)
        };
        OrigSpan::new(start, end)
    }

    /// The smallest normalised span whose original span covers `orig` as far as the
    /// original's characters survived normalisation.
    ///
    /// If nothing in `orig` survived (an empty span, or only removed characters), the
    /// result is the empty span where the next surviving character starts.
    pub fn to_normalized(&self, orig: OrigSpan) -> NormSpan {
        let s = orig.start;
        let e = orig.end.max(s);
        // First character whose original end is past `s`.
        let n_start = match self.seg_orig.partition_point(|&o| o as usize <= s) {
            0 => 0,
            k => {
                let i = k - 1;
                if s >= self.seg_orig_end(i) {
                    self.seg_norm_end(i)
                } else if self.seg_piece_len[i] > 0 {
                    self.seg_norm[i] as usize
                } else {
                    let n = self.seg_norm[i] as usize + (s - self.seg_orig[i] as usize);
                    self.text.floor_char_boundary(n)
                }
            }
        };
        // End of the last character whose original start is before `e`.
        let n_end = match self.seg_orig.partition_point(|&o| (o as usize) < e) {
            0 => 0,
            k => {
                let j = k - 1;
                if e >= self.seg_orig_end(j) || self.seg_piece_len[j] > 0 {
                    self.seg_norm_end(j)
                } else {
                    let n = self.seg_norm[j] as usize + (e - self.seg_orig[j] as usize);
                    self.text.ceil_char_boundary(n)
                }
            }
        };
        NormSpan::new(n_start, n_end.max(n_start))
    }

    /// Whether `norm` is a map boundary: the end of the text, or a position where the
    /// output of an original character starts.
    ///
    /// Spans between map boundaries map back exactly (see the module header); a match
    /// that starts or ends elsewhere cut through the output of one original character.
    pub fn is_boundary(&self, norm: usize) -> bool {
        if norm == self.text.len() {
            return true;
        }
        if norm > self.text.len() || !self.text.is_char_boundary(norm) {
            return false;
        }
        let i = self.seg_at_norm(norm);
        self.seg_piece_len[i] == 0 || norm == self.seg_norm[i] as usize
    }

    /// Index of the segment holding normalised byte `n` (`n < text.len()`).
    fn seg_at_norm(&self, n: usize) -> usize {
        self.seg_norm.partition_point(|&s| s as usize <= n) - 1
    }

    fn seg_norm_end(&self, i: usize) -> usize {
        self.seg_norm.get(i + 1).map_or(self.text.len(), |&n| n as usize)
    }

    fn seg_orig_end(&self, i: usize) -> usize {
        let start = self.seg_orig[i] as usize;
        match self.seg_piece_len[i] {
            0 => start + (self.seg_norm_end(i) - self.seg_norm[i] as usize),
            len => start + len as usize,
        }
    }

    /// Original start of the character whose output holds normalised byte `a`
    /// (`a < text.len()`, on a char boundary).
    fn orig_floor(&self, a: usize) -> usize {
        let i = self.seg_at_norm(a);
        let start = self.seg_orig[i] as usize;
        match self.seg_piece_len[i] {
            0 => start + (a - self.seg_norm[i] as usize),
            _ => start,
        }
    }

    /// Original end of the character whose output holds normalised byte `b - 1`
    /// (`0 < b <= text.len()`, on a char boundary).
    fn orig_end_of(&self, b: usize) -> usize {
        let i = self.seg_at_norm(b - 1);
        match self.seg_piece_len[i] {
            0 => self.seg_orig[i] as usize + (b - self.seg_norm[i] as usize),
            len => self.seg_orig[i] as usize + len as usize,
        }
    }
}

/// Normalises a string (convenience for lexicon entries and tests).
pub fn normalize(s: &str) -> String {
    Normalized::new(s).text
}

/// The original characters one output comes from: one character, or a `\r\n` pair.
#[derive(Debug, Clone, Copy)]
struct Atom {
    start: usize,
    end: usize,
    single_char: bool,
}

/// Pushes the context-free image of `c`; tatweel is kept as a marker for the dot rule and
/// dropped later. Called once per original character, so it must not allocate.
fn expand(c: char, out: &mut Vec<char>) {
    match c {
        '\n' | '\r' => out.push('\n'),
        c if is_invisible(c) => {}
        TATWEEL => out.push(TATWEEL),
        c if c.is_whitespace() => out.push(' '),
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' => out.push('ي'),
        'ة' => out.push('ه'),
        '\u{0660}'..='\u{0669}' => out.push(ascii_digit(c as u32 - 0x0660)),
        '\u{06F0}'..='\u{06F9}' => out.push(ascii_digit(c as u32 - 0x06F0)),
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '〝' | '〞' | '＂' => out.push('"'),
        '‘' | '’' | '‚' | '‛' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => {
            for d in std::iter::once(c).nfkc() {
                // Unassigned code points and noncharacters in these blocks are their own
                // NFKC; recursing on them would never end.
                if d == c {
                    out.push(c);
                } else {
                    expand(d, out);
                }
            }
        }
        // Arabic has no case: skip the case tables for the common block (hot path).
        '\u{0600}'..='\u{06FF}' => out.push(c),
        c => out.extend(c.to_lowercase()),
    }
}

/// A run of characters that [`expand`] maps to themselves (or, for ASCII capitals, to
/// their lower case) and [`Context::push`] only emits: ASCII but dots and whitespace, the
/// Arabic letters U+0621–U+064A but أ إ آ ة ى and tatweel, and a space that follows none.
/// The fast path of [`Normalized::new`].
struct PlainRun {
    /// Where it ends (where it starts if the character there is not plain).
    end: usize,
    /// Whether its last character is an Arabic letter.
    letter: bool,
    /// Whether it holds an ASCII capital.
    capital: bool,
}

/// The plain run starting at byte `start` of `bytes` (a whole UTF-8 text), the output so
/// far ending in a space or not.
fn plain_run(bytes: &[u8], start: usize, mut after_space: bool) -> PlainRun {
    let mut run = PlainRun {
        end: start,
        letter: false,
        capital: false,
    };
    while let Some(&b) = bytes.get(run.end) {
        if b == b' ' && !after_space {
            // One space of a run of them: emitted as it is.
            after_space = true;
            run.letter = false;
            run.end += 1;
            continue;
        }
        after_space = false;
        if b.is_ascii() {
            // ASCII whitespace as `char::is_whitespace` has it (VT included).
            if matches!(b, b'.' | b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                break;
            }
            run.capital |= b.is_ascii_uppercase();
            run.letter = false;
            run.end += 1;
            continue;
        }
        let Some(c) = arabic_at(bytes, run.end) else {
            break;
        };
        if !(0x0621..=0x064A).contains(&c) || matches!(c, 0x0622 | 0x0623 | 0x0625 | 0x0629 | 0x0640 | 0x0649) {
            break;
        }
        run.letter = true;
        run.end += 2;
    }
    run
}

/// Whether `c` is part of a word (a letter or digit). The same as `char::is_alphanumeric`,
/// with the ASCII and Arabic blocks answered without Unicode tables: tokenising is the
/// hottest loop of a run.
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7F}' => false,
        '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Whether more of a text's letters are Latin than Arabic.
pub fn mostly_latin(s: &str) -> bool {
    let latin = s.chars().filter(char::is_ascii_alphabetic).count();
    let arabic = s.chars().filter(|c| ('\u{0600}'..='\u{06FF}').contains(c)).count();
    latin > arabic
}

/// Whether `s` has at most `max` words (whitespace-separated tokens with a letter or
/// digit in them). Counting stops past `max`: a long body line is not counted through.
pub fn at_most_words(s: &str, max: usize) -> bool {
    s.split_whitespace()
        .filter(|w| w.chars().any(is_word_char))
        .nth(max)
        .is_none()
}

/// Where the run of word characters ([`is_word_char`]) from byte `start` of `bytes` (a
/// whole UTF-8 text) ends, as far as ASCII and the common Arabic letters and digits take
/// it: a fast path over bytes for tokenising; the caller goes on character by character.
pub fn word_run_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() {
            end += 1;
            continue;
        }
        let Some(c) = arabic_at(bytes, end) else {
            break;
        };
        if !matches!(c, 0x0621..=0x064A | 0x0660..=0x0669 | 0x066E..=0x06D3) {
            break;
        }
        end += 2;
    }
    end
}

/// The code point of the character at byte `at` of `bytes` (a whole UTF-8 text) if it is
/// in the Arabic block U+0600–U+06FF: the two-byte sequences led by D8 to DB.
fn arabic_at(bytes: &[u8], at: usize) -> Option<u32> {
    match bytes.get(at..at + 2)? {
        &[lead @ 0xD8..=0xDB, next] => Some((u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F)),
        _ => None,
    }
}

fn ascii_digit(value: u32) -> char {
    char::from_digit(value, 10).expect("digit block offsets are 0..=9")
}

/// Characters removed outright: diacritics, bidi controls, zero-width characters, BOM.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
        | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Arabic letters as they can appear after [`expand`] (Arabic, Arabic Supplement and
/// Arabic Extended-A letters; not tatweel, digits, marks or punctuation).
fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}')
}

/// A `.` whose fate waits on the next non-tatweel unit.
#[derive(Debug, Clone, Copy)]
struct PendingDot {
    atom: Atom,
    after_letter: bool,
    tatweel_before: bool,
    /// Whether the unit right after the dot is a tatweel; `None` until it is seen.
    tatweel_after: Option<bool>,
}

/// The context rules (whitespace runs, obfuscation dots), applied as a stream so that no
/// per-character buffer of a 16 MiB article is ever built.
#[derive(Debug, Default)]
struct Context {
    /// The nearest non-tatweel unit so far is an Arabic letter.
    after_letter: bool,
    /// The unit just seen is a tatweel.
    after_tatweel: bool,
    pending: Option<PendingDot>,
}

impl Context {
    fn push(&mut self, unit: char, atom: Atom, map: &mut MapBuilder) {
        if let Some(dot) = &mut self.pending {
            dot.tatweel_after.get_or_insert(unit == TATWEEL);
            if unit != TATWEEL {
                let dot = *dot;
                self.pending = None;
                let obfuscation = dot.after_letter
                    && is_arabic_letter(unit)
                    && (dot.tatweel_before || dot.tatweel_after == Some(true) || !matches!(unit, 'و' | 'ف'));
                if !obfuscation {
                    map.emit('.', dot.atom);
                }
            }
        }
        match unit {
            TATWEEL => {
                self.after_tatweel = true;
                return;
            }
            '.' => {
                self.pending = Some(PendingDot {
                    atom,
                    after_letter: self.after_letter,
                    tatweel_before: self.after_tatweel,
                    tatweel_after: None,
                });
            }
            ' ' => {
                if !map.text.ends_with(' ') {
                    map.emit(' ', atom);
                }
            }
            _ => map.emit(unit, atom),
        }
        self.after_letter = is_arabic_letter(unit);
        self.after_tatweel = false;
    }

    fn finish(&mut self, map: &mut MapBuilder) {
        // A dot at the very end has no letter after it: never an obfuscation.
        if let Some(dot) = self.pending.take() {
            map.emit('.', dot.atom);
        }
    }
}

/// Accumulates the normalised text and its segments.
#[derive(Debug, Default)]
struct MapBuilder {
    text: String,
    seg_norm: Vec<u32>,
    seg_orig: Vec<u32>,
    seg_piece_len: Vec<u8>,
    /// The atom whose output is being written, and where that output starts.
    open: Option<(Atom, usize)>,
    /// Original end of the last segment if it is a run, so the next run-like atom can
    /// extend it when nothing was removed in between.
    run_orig_end: Option<usize>,
}

impl MapBuilder {
    fn with_capacity(len: usize) -> MapBuilder {
        MapBuilder {
            text: String::with_capacity(len),
            ..MapBuilder::default()
        }
    }

    fn emit(&mut self, c: char, atom: Atom) {
        if !matches!(self.open, Some((open, _)) if open.start == atom.start) {
            self.close();
            self.open = Some((atom, self.text.len()));
        }
        self.text.push(c);
    }

    /// What [`MapBuilder::emit`] and [`MapBuilder::close`] do, character by character,
    /// for a [`PlainRun`] (the original text `run` at byte `start`): extend the current run
    /// segment or start one, and copy it (lower-cased if it holds a `capital`).
    fn emit_run(&mut self, run: &str, start: usize, capital: bool) {
        self.close();
        if self.run_orig_end != Some(start) {
            self.seg_norm.push(offset(self.text.len()));
            self.seg_orig.push(offset(start));
            self.seg_piece_len.push(0);
        }
        self.run_orig_end = Some(start + run.len());
        let at = self.text.len();
        self.text.push_str(run);
        if capital {
            self.text[at..].make_ascii_lowercase();
        }
    }

    fn close(&mut self) {
        let Some((atom, norm_start)) = self.open.take() else {
            return;
        };
        let output = &self.text[norm_start..];
        let orig_len = atom.end - atom.start;
        let run_like = atom.single_char && output.len() == orig_len && output.chars().nth(1).is_none();
        if run_like && self.run_orig_end == Some(atom.start) {
            self.run_orig_end = Some(atom.end);
            return;
        }
        self.seg_norm.push(offset(norm_start));
        self.seg_orig.push(offset(atom.start));
        if run_like {
            self.seg_piece_len.push(0);
            self.run_orig_end = Some(atom.end);
        } else {
            let len = u8::try_from(orig_len).expect("an atom is at most 4 bytes");
            self.seg_piece_len.push(len);
            self.run_orig_end = None;
        }
    }

    fn finish(mut self) -> Normalized {
        self.close();
        offset(self.text.len());
        self.text.shrink_to_fit();
        self.seg_norm.shrink_to_fit();
        self.seg_orig.shrink_to_fit();
        self.seg_piece_len.shrink_to_fit();
        Normalized {
            text: self.text,
            seg_norm: self.seg_norm,
            seg_orig: self.seg_orig,
            seg_piece_len: self.seg_piece_len,
        }
    }
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("claimgraph normalises texts under 4 GiB only")
}

#[cfg(test)]
mod tests;
