//! The one JSON writer of every output: serde_json with [`TerminalSafe`], its pretty
//! layout plus the escapes that keep a terminal safe.
//!
//! [`write_run`] streams a run's document: its mentions and sources are read from
//! wherever the run keeps them ([`Store`]) a piece at a time, each piece's elements
//! serialised on the run's threads and written in order, so the document is never held
//! in memory whole and the serialising, most of a `json` run's output work, runs in
//! parallel. The document's own object is driven through the same formatter calls in
//! the same order as serde_json makes them for the `Run` type, so the bytes are those of
//! [`write_json`] of a run that holds everything (a test checks it).

use super::{Store, is_invisible_format};
use crate::model::Run;
use crate::parallel::in_order;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Writes a run as the JSON document of `docs/json.md`, its mentions and sources from
/// `store` (the run itself, or a pipeline output that keeps them on disk): the same bytes
/// as [`write_json`] of a run that holds them.
pub fn write_run(run: &Run, store: &dyn Store, w: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, w);
    let mut doc = Document::begin(&mut out)?;
    doc.field("version", &run.version)?;
    doc.field("articles", &run.articles)?;
    doc.field("outlets", &run.outlets)?;
    doc.list("sources", store.source_pieces(), |k, out| {
        store.sources(k)?.iter().try_for_each(|s| element(out, s))
    })?;
    doc.list("claims", run.claims.len().div_ceil(CLAIMS), |k, out| {
        run.claims
            .chunks(CLAIMS)
            .nth(k)
            .unwrap_or_default()
            .iter()
            .try_for_each(|c| element(out, c))
    })?;
    doc.list("mentions", store.mention_pieces(), |k, out| {
        store.mentions(k)?.mentions.iter().try_for_each(|m| element(out, m))
    })?;
    doc.field("relations", &run.relations)?;
    doc.field("framing", &run.framing)?;
    doc.end()?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Claims per piece of the `claims` list.
const CLAIMS: usize = 256;

/// The document's object, written through [`TerminalSafe`]'s calls in serde_json's order
/// for a struct: a key, then its value serialised one level deep.
struct Document<'w, W: Write> {
    w: &'w mut W,
    format: TerminalSafe,
    first: bool,
}

impl<'w, W: Write> Document<'w, W> {
    fn begin(w: &'w mut W) -> io::Result<Self> {
        let mut format = TerminalSafe::default();
        format.begin_object(w)?;
        Ok(Document { w, format, first: true })
    }

    fn key(&mut self, name: &str) -> io::Result<()> {
        self.format.begin_object_key(self.w, std::mem::take(&mut self.first))?;
        let nested = self.nested();
        name.serialize(&mut serde_json::Serializer::with_formatter(&mut *self.w, nested))?;
        self.format.end_object_key(self.w)?;
        self.format.begin_object_value(self.w)
    }

    /// A formatter for what stands one level inside the document.
    fn nested(&self) -> TerminalSafe {
        TerminalSafe {
            depth: self.format.depth,
            has_value: false,
        }
    }

    fn field(&mut self, name: &str, value: &impl Serialize) -> io::Result<()> {
        self.key(name)?;
        let nested = self.nested();
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut *self.w, nested))?;
        self.format.end_object_value(self.w)
    }

    /// A field whose value is an array made in `pieces` pieces: `make` appends piece `k`'s
    /// elements ([`element`]) on the run's threads, and the pieces are written in order.
    fn list(
        &mut self,
        name: &str,
        pieces: usize,
        make: impl Fn(usize, &mut Vec<u8>) -> io::Result<()> + Sync,
    ) -> io::Result<()> {
        self.key(name)?;
        let mut array = self.nested();
        array.begin_array(self.w)?;
        let numbers: Vec<usize> = (0..pieces).collect();
        let w = &mut *self.w;
        let mut empty = true;
        in_order(
            &numbers,
            |&k| {
                let mut out = Vec::new();
                make(k, &mut out).map(|()| out)
            },
            |bytes| {
                // Each element is made as if it followed another; the first has no comma.
                let bytes = match bytes.split_first() {
                    Some((b',', rest)) if empty => rest,
                    _ => &bytes,
                };
                empty &= bytes.is_empty();
                w.write_all(bytes)
            },
        )?;
        array.has_value = !empty;
        array.end_array(self.w)?;
        self.format.end_object_value(self.w)
    }

    fn end(mut self) -> io::Result<()> {
        self.format.end_object(self.w)
    }
}

/// Appends `value` as an element of an array of the document (two levels deep), as
/// serde_json writes an element that follows another: a comma, a line break and the
/// indentation, then the value.
fn element(out: &mut Vec<u8>, value: &impl Serialize) -> io::Result<()> {
    let mut format = TerminalSafe {
        depth: 2,
        has_value: false,
    };
    format.begin_array_value(out, false)?;
    value.serialize(&mut serde_json::Serializer::with_formatter(out, format))?;
    Ok(())
}

/// Writes `value` (the run, the `compare` matrix, an eval report) as pretty JSON with a
/// final newline, streaming: the document is never held in memory whole. The one JSON
/// writer of every output: besides what JSON requires, it escapes in strings what a
/// terminal would act on or reorder (C1 controls, DEL, bidi and other invisible format
/// characters, as `\uXXXX`), so `claimgraph json` on a terminal is as safe as a report.
/// A parser reads the same strings back.
pub fn write_json(value: &(impl Serialize + ?Sized), w: &mut dyn Write) -> io::Result<()> {
    // serde_json writes a document in many small pieces: they go to a buffer of a known
    // type (inlined copies), which passes them on to `w` in large ones.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    let mut serializer = serde_json::Serializer::with_formatter(&mut buffered, TerminalSafe::default());
    value.serialize(&mut serializer)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// `value` as [`write_json`] writes it.
pub fn to_json(value: &(impl Serialize + ?Sized)) -> String {
    let mut out = Vec::new();
    // Serialising plain structs of strings and numbers into memory cannot fail.
    write_json(value, &mut out).expect("the value serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// serde_json's pretty layout (two spaces a level), with the extra string escapes of
/// [`write_json`]. It may start some levels deep, for a value written inside a document
/// whose outer levels are written by hand.
#[derive(Default)]
struct TerminalSafe {
    /// The current nesting level.
    depth: usize,
    /// Whether the array or object being written has a value yet.
    has_value: bool,
}

/// A fragment at least this long is searched a vector at a time.
const LONG_FRAGMENT: usize = 48;

/// The bytes [`TerminalSafe::write_string_fragment`] looks at: ASCII controls, DEL, and
/// the lead bytes of the characters [`escaped`] may name.
const NOTICED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let mut k = 0;
    let leads = [0x7F, 0xC2, 0xD8, 0xE1, 0xE2, 0xEF, 0xF3];
    while k < leads.len() {
        table[leads[k]] = true;
        k += 1;
    }
    table
};

impl TerminalSafe {
    /// A line break, after a comma unless `first`, and the current indentation (each
    /// piece a constant the compiler writes in place).
    fn line<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        // serde_json has written what JSON escapes; this is the hot loop of `claimgraph
        // json`, so only a byte that can begin a character `escaped` names is decoded.
        // Those are DEL and the lead bytes of U+0080–U+00AD (C2), U+061C (D8 9C), U+180E
        // (E1), U+200B–U+206F (E2), U+FEFF and U+FFF9–U+FFFB (EF), and the tags
        // U+E0001–U+E007F (F3). None is a continuation byte, so each is a character
        // start. A long fragment is searched for them a vector at a time (`memchr`); D8
        // only as D8 9C, since every other Arabic letter begins with D8 or D9 too.
        let bytes = fragment.as_bytes();
        let mut start = 0;
        let mut write = |w: &mut W, at: usize| -> io::Result<usize> {
            let Some(c) = fragment[at..].chars().next() else {
                return Ok(at + 1);
            };
            if escaped(c) {
                w.write_all(&bytes[start..at])?;
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(w, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
            Ok(at + c.len_utf8())
        };
        // Ids, keys and plain English have none of them: told by one pass the compiler
        // vectorises (no early exit).
        if !bytes.iter().fold(false, |any, &b| any | (b >= 0x7F)) {
            return w.write_all(bytes);
        }
        if bytes.len() < LONG_FRAGMENT {
            let mut i = 0;
            while i < bytes.len() {
                let b = bytes[i];
                if !NOTICED[usize::from(b)] || (b == 0xD8 && bytes.get(i + 1) != Some(&0x9C)) {
                    i += 1;
                    continue;
                }
                i = write(w, i)?;
            }
        } else {
            let end = bytes.len();
            let find = |kind: usize, mut from: usize| match kind {
                0 => memchr::memchr3(0xC2, 0xE1, 0xE2, &bytes[from..]).map_or(end, |k| from + k),
                1 => memchr::memchr3(0xEF, 0xF3, 0x7F, &bytes[from..]).map_or(end, |k| from + k),
                // U+061C is D8 9C: a 9C after a D8.
                _ => loop {
                    match memchr::memchr(0x9C, &bytes[from..]) {
                        Some(k) if bytes[from + k - 1] == 0xD8 => break from + k - 1,
                        Some(k) => from += k + 1,
                        None => break end,
                    }
                },
            };
            let mut next = [find(0, 0), find(1, 0), find(2, 0)];
            loop {
                let at = next.iter().copied().min().unwrap_or(end);
                if at >= end {
                    break;
                }
                let after = write(w, at)?;
                for (kind, n) in next.iter_mut().enumerate() {
                    if *n < after {
                        *n = find(kind, after);
                    }
                }
            }
        }
        w.write_all(&bytes[start..])
    }

    // The layout is serde_json's PrettyFormatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Whether the JSON writer escapes `c` (beyond what JSON requires): a control, or an
/// invisible format character.
fn escaped(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_a_terminal_would_act_on_and_reads_back_the_same() {
        let text = "a\u{1b}[2J\u{9b}1m\u{7f} \u{202e}b\u{2066}c\u{200b}\u{feff}\u{e0041} عين \"q\"\n";
        let json = to_json(&[text]);
        assert_eq!(
            json,
            "[\n  \"a\\u001b[2J\\u009b1m\\u007f \\u202eb\\u2066c\\u200b\\ufeff\\udb40\\udc41 عين \\\"q\\\"\\n\"\n]\n"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_layout() {
        let value = serde_json::json!({
            "a": [1, [], {}, [[2, {"b": "c"}], []]],
            "d": {"e": [], "f": {"g": null}},
            "h": "عين عيسى"
        });
        assert_eq!(to_json(&value), serde_json::to_string_pretty(&value).unwrap() + "\n");
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_escapes_exactly_the_escaped_characters(
            text in "[a-z \"\\\\\\x00-\\x1f\\x7f\\u{80}-\\u{100}\\u{600}-\\u{6ff}\\u{180e}\\u{2000}-\\u{2070}\\u{fef0}-\\u{ffff}\\u{e0000}-\\u{e0080}]{0,40}"
        ) {
            // The definition: every character that `escaped` names, as UTF-16 escapes.
            let mut expected = String::new();
            for c in text.chars() {
                match c {
                    '"' => expected.push_str("\\\""),
                    '\\' => expected.push_str("\\\\"),
                    '\n' => expected.push_str("\\n"),
                    '\r' => expected.push_str("\\r"),
                    '\t' => expected.push_str("\\t"),
                    '\u{8}' => expected.push_str("\\b"),
                    '\u{c}' => expected.push_str("\\f"),
                    c if escaped(c) => {
                        for unit in c.encode_utf16(&mut [0; 2]) {
                            expected.push_str(&format!("\\u{unit:04x}"));
                        }
                    }
                    c => expected.push(c),
                }
            }
            proptest::prop_assert_eq!(to_json(&text), format!("\"{expected}\"\n"));
        }
    }
}
