//! The hot part of `claimgraph json` written by hand: a run's mentions are most of its
//! document (every mention carries its sentence), and serde_json scans each string
//! twice through [`super::write_json`]'s formatter (once for what JSON escapes, once for
//! what a terminal would act on). Here a mention is appended to a byte buffer in one
//! pass per string, in exactly the layout and escapes of [`super::write_json`]; a test
//! checks the bytes against it. Buffers of different articles are independent, so they
//! can be made on several threads and written in order.

use super::escaped;
use crate::model::{Mention, Polarity, Span, Stance};
use serde::Serialize;
use std::io::{self, Write};

/// The bytes a JSON string needs looked at: what JSON escapes (`"`, `\`, C0 controls),
/// DEL, and the lead bytes of the characters [`escaped`] may name (U+0080–U+00AD: C2;
/// U+061C: D8; U+180E: E1; U+200B–U+206F: E2; U+FEFF, U+FFF9–U+FFFB: EF; tags: F3).
const NOTICED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xD8] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t[0xF3] = true;
    t
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s` as a JSON string, quotes included, escaped as [`super::write_json`]
/// escapes it (serde_json's escapes, then `\uXXXX` for what [`escaped`] names).
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if !NOTICED[usize::from(b)] {
            i += 1;
            continue;
        }
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            _ => b"",
        };
        // Arabic letters (U+0600–U+063F) begin with D8 too; only U+061C (D8 9C) is escaped.
        if b == 0xD8 && bytes.get(i + 1) != Some(&0x9C) {
            i += 2;
            continue;
        }
        if !short.is_empty() {
            out.extend_from_slice(&bytes[start..i]);
            out.extend_from_slice(short);
            i += 1;
            start = i;
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        if escaped(c) {
            out.extend_from_slice(&bytes[start..i]);
            for &mut unit in c.encode_utf16(&mut [0; 2]) {
                out.extend_from_slice(b"\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[usize::from((unit >> shift) & 0xF)]);
                }
            }
            start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Appends `m` as an element of the run's `mentions` array (two levels deep): the
/// separator before it (`,` unless `first`), a line break and its indentation, then the
/// object, ending at its closing brace.
pub fn push_mention(out: &mut Vec<u8>, m: &Mention, first: bool) {
    out.extend_from_slice(if first { b"\n    {" } else { b",\n    {" });
    let field = |out: &mut Vec<u8>, name: &str, first: bool| {
        out.extend_from_slice(if first { b"\n      \"" } else { b",\n      \"" });
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"\": ");
    };
    let number = |out: &mut Vec<u8>, n: usize| {
        // Cannot fail: a Vec takes every byte.
        let _ = write!(out, "{n}");
    };
    let span = |out: &mut Vec<u8>, s: Span| {
        out.extend_from_slice(b"{\n        \"start\": ");
        number(out, s.start);
        out.extend_from_slice(b",\n        \"end\": ");
        number(out, s.end);
        out.extend_from_slice(b"\n      }");
    };
    field(out, "id", true);
    push_str(out, &m.id);
    field(out, "article", false);
    push_str(out, &m.article);
    field(out, "claim", false);
    push_str(out, &m.claim);
    field(out, "polarity", false);
    out.extend_from_slice(match m.polarity {
        Polarity::Asserts => b"\"asserts\"",
        Polarity::Denies => b"\"denies\"",
    });
    field(out, "stance", false);
    out.extend_from_slice(match m.stance {
        Stance::Plain => b"\"plain\"".as_slice(),
        Stance::Distanced => b"\"distanced\"",
        Stance::Hedged => b"\"hedged\"",
    });
    field(out, "chain", false);
    if m.chain.is_empty() {
        out.extend_from_slice(b"[]");
    } else {
        out.push(b'[');
        for (k, source) in m.chain.iter().enumerate() {
            out.extend_from_slice(if k == 0 { b"\n        " } else { b",\n        " });
            push_str(out, source);
        }
        out.extend_from_slice(b"\n      ]");
    }
    field(out, "sentence", false);
    span(out, m.sentence);
    field(out, "evidence", false);
    span(out, m.evidence);
    field(out, "text", false);
    push_str(out, &m.text);
    field(out, "line", false);
    number(out, m.line);
    field(out, "rule", false);
    push_str(out, &m.rule);
    out.extend_from_slice(b"\n    }");
}

/// Appends `value` as an element of an array one level deep in the document (two levels
/// deep), as [`super::write_json`] lays it out: a comma, a line break and the
/// indentation, then the value.
pub fn push_element(out: &mut Vec<u8>, value: &impl Serialize) -> io::Result<()> {
    out.extend_from_slice(b",\n    ");
    let nested = super::TerminalSafe {
        depth: 2,
        has_value: false,
    };
    value
        .serialize(&mut serde_json::Serializer::with_formatter(out, nested))
        .map_err(io::Error::from)
}

/// Writes `value` as [`super::write_json`] lays it out one level deep in an object (a
/// field's value), without a final line break.
pub fn write_field_value(value: &(impl Serialize + ?Sized), w: &mut dyn Write) -> io::Result<()> {
    let nested = super::TerminalSafe {
        depth: 1,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(w, nested);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_json and the terminal-safe formatter write for a run of these mentions.
    fn by_serde(mentions: &[Mention]) -> String {
        #[derive(Serialize)]
        struct Doc<'a> {
            mentions: &'a [Mention],
        }
        super::super::to_json(&Doc { mentions })
    }

    fn by_hand(mentions: &[Mention]) -> String {
        let mut out = b"{\n  \"mentions\": ".to_vec();
        if mentions.is_empty() {
            out.extend_from_slice(b"[]");
        } else {
            out.push(b'[');
            for (k, m) in mentions.iter().enumerate() {
                push_mention(&mut out, m, k == 0);
            }
            out.extend_from_slice(b"\n  ]");
        }
        out.extend_from_slice(b"\n}\n");
        String::from_utf8(out).unwrap()
    }

    proptest::proptest! {
        #[test]
        fn a_mention_written_by_hand_is_the_mention_serde_writes(
            text in "[a-z \"\\\\/\\x00-\\x1f\\x7f\\u{80}-\\u{100}\\u{600}-\\u{6ff}\\u{180e}\\u{2000}-\\u{2070}\\u{fef0}-\\u{ffff}\\u{e0000}-\\u{e0080}]{0,40}",
            chain in proptest::collection::vec("[a-z/\u{202e}\"]{0,8}", 0..3),
            numbers in proptest::array::uniform5(0usize..100_000),
            denies in proptest::bool::ANY,
            stance in 0u8..3,
        ) {
            let m = Mention {
                id: format!("{text}/m1"),
                article: text.chars().rev().collect(),
                claim: "c".to_owned(),
                polarity: if denies { Polarity::Denies } else { Polarity::Asserts },
                stance: [Stance::Plain, Stance::Distanced, Stance::Hedged][usize::from(stance)],
                chain,
                sentence: Span::new(numbers[0], numbers[1]),
                evidence: Span::new(numbers[2], numbers[3]),
                text: text.clone(),
                line: numbers[4],
                rule: "EXTRACT/OPEN".to_owned(),
            };
            let other = Mention { chain: Vec::new(), ..m.clone() };
            proptest::prop_assert_eq!(by_hand(&[m.clone(), other.clone()]), by_serde(&[m, other]));
        }
    }

    #[test]
    fn no_mentions_are_an_empty_array() {
        assert_eq!(by_hand(&[]), by_serde(&[]));
    }

    #[test]
    fn a_field_value_is_indented_as_it_is_inside_the_document() {
        #[derive(Serialize)]
        struct Doc {
            list: Vec<Vec<&'static str>>,
        }
        let list = vec![vec!["a\n", "b"], vec![]];
        let mut out = b"{\n  \"list\": ".to_vec();
        write_field_value(&list, &mut out).unwrap();
        out.extend_from_slice(b"\n}\n");
        assert_eq!(String::from_utf8(out).unwrap(), super::super::to_json(&Doc { list }));
    }
}
