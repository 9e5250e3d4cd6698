//! The hot part of `claimgraph json` written by hand: a run's mentions, claims and
//! sources are most of its document (every mention carries its sentence), and
//! serde_json scans each string twice through [`super::write_json`]'s formatter (once
//! for what JSON escapes, once for what a terminal would act on). Here each of them is
//! appended to a byte buffer in one pass per string, in exactly the layout and escapes
//! of [`super::write_json`]; a test checks the bytes against it. Buffers of different
//! articles are independent, so they can be made on several threads and written in
//! order.

use super::escaped;
use crate::model::{Claim, Mention, Polarity, Source, Span, Stance};
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

/// A line break and the indentation of `depth` levels, after a comma unless `first`.
fn line(out: &mut Vec<u8>, depth: usize, first: bool) {
    /// A comma, a line break and the indentation of the deepest level written here.
    const LINE: &[u8; 14] = b",\n            ";
    let indent = &LINE[2..];
    let spaces = 2 * depth;
    if spaces <= indent.len() {
        out.extend_from_slice(&LINE[usize::from(first)..2 + spaces]);
    } else {
        out.extend_from_slice(&LINE[usize::from(first)..2]);
        out.resize(out.len() + spaces, b' ');
    }
}

/// The start of an object's field `depth` levels deep: its line and its name.
fn field(out: &mut Vec<u8>, depth: usize, name: &str, first: bool) {
    line(out, depth, first);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// The end of an object or array whose elements stand `depth` levels deep.
fn close(out: &mut Vec<u8>, depth: usize, bracket: u8) {
    line(out, depth - 1, true);
    out.push(bracket);
}

/// A number in decimal, as serde_json writes it.
fn number(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

fn optional(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => push_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An array whose elements stand `depth` levels deep, each appended by `each`.
fn array<T>(out: &mut Vec<u8>, depth: usize, items: &[T], mut each: impl FnMut(&mut Vec<u8>, &T)) {
    if items.is_empty() {
        out.extend_from_slice(b"[]");
        return;
    }
    out.push(b'[');
    for (k, item) in items.iter().enumerate() {
        line(out, depth, k == 0);
        each(out, item);
    }
    close(out, depth, b']');
}

/// A span, an object whose fields stand `depth` levels deep.
fn span(out: &mut Vec<u8>, depth: usize, s: Span) {
    out.push(b'{');
    field(out, depth, "start", true);
    number(out, s.start);
    field(out, depth, "end", false);
    number(out, s.end);
    close(out, depth, b'}');
}

/// Appends `m` as an element of the run's `mentions` array (two levels deep): the
/// separator before it (`,` unless `first`), a line break and its indentation, then the
/// object, ending at its closing brace.
pub fn push_mention(out: &mut Vec<u8>, m: &Mention, first: bool) {
    push_mention_head(out, m, first);
    push_str(out, &m.claim);
    push_mention_tail(out, m);
}

/// The part of [`push_mention`] before the claim id: a mention can be written before its
/// claim is known (the JSON spill), the id put between head and tail when it is.
pub fn push_mention_head(out: &mut Vec<u8>, m: &Mention, first: bool) {
    line(out, 2, first);
    out.push(b'{');
    field(out, 3, "id", true);
    push_str(out, &m.id);
    field(out, 3, "article", false);
    push_str(out, &m.article);
    field(out, 3, "claim", false);
}

/// The part of [`push_mention`] after the claim id.
pub fn push_mention_tail(out: &mut Vec<u8>, m: &Mention) {
    field(out, 3, "polarity", false);
    out.extend_from_slice(match m.polarity {
        Polarity::Asserts => b"\"asserts\"",
        Polarity::Denies => b"\"denies\"",
    });
    field(out, 3, "stance", false);
    out.extend_from_slice(match m.stance {
        Stance::Plain => b"\"plain\"".as_slice(),
        Stance::Distanced => b"\"distanced\"",
        Stance::Hedged => b"\"hedged\"",
    });
    field(out, 3, "chain", false);
    array(out, 4, &m.chain, |out, source| push_str(out, source));
    field(out, 3, "sentence", false);
    span(out, 4, m.sentence);
    field(out, 3, "evidence", false);
    span(out, 4, m.evidence);
    field(out, 3, "text", false);
    push_str(out, &m.text);
    field(out, 3, "line", false);
    number(out, m.line);
    field(out, 3, "rule", false);
    push_str(out, &m.rule);
    close(out, 3, b'}');
}

/// Appends `c` as an element of the run's `claims` array, after a comma (as
/// [`push_element`] does).
pub fn push_claim(out: &mut Vec<u8>, c: &Claim) {
    line(out, 2, false);
    out.push(b'{');
    field(out, 3, "id", true);
    push_str(out, &c.id);
    field(out, 3, "key", false);
    push_str(out, &c.key);
    field(out, 3, "label", false);
    push_str(out, &c.label);
    field(out, 3, "episode", false);
    push_str(out, &c.episode);
    field(out, 3, "open", false);
    boolean(out, c.open);
    field(out, 3, "rule", false);
    push_str(out, &c.rule);
    field(out, 3, "outlets", false);
    array(out, 4, &c.outlets, |out, outlet| push_str(out, outlet));
    field(out, 3, "independent_roots", false);
    number(out, c.independent_roots);
    field(out, 3, "roots", false);
    array(out, 4, &c.roots, |out, root| {
        out.push(b'{');
        field(out, 5, "id", true);
        push_str(out, &root.id);
        field(out, 5, "label", false);
        push_str(out, &root.label);
        field(out, 5, "anonymous", false);
        boolean(out, root.anonymous);
        close(out, 5, b'}');
    });
    close(out, 3, b'}');
}

/// Appends `s` as an element of the run's `sources` array, after a comma (as
/// [`push_element`] does).
pub fn push_source(out: &mut Vec<u8>, s: &Source) {
    line(out, 2, false);
    out.push(b'{');
    field(out, 3, "id", true);
    push_str(out, &s.id);
    field(out, 3, "label", false);
    push_str(out, &s.label);
    field(out, 3, "kind", false);
    push_str(out, &s.kind);
    field(out, 3, "via", false);
    optional(out, s.via.as_deref());
    field(out, 3, "cues", false);
    array(out, 4, &s.cues, |out, cue| {
        out.push(b'{');
        field(out, 5, "article", true);
        push_str(out, &cue.article);
        field(out, 5, "start", false);
        number(out, cue.start);
        field(out, 5, "end", false);
        number(out, cue.end);
        close(out, 5, b'}');
    });
    field(out, 3, "root", false);
    optional(out, s.root.as_deref());
    field(out, 3, "rule", false);
    push_str(out, &s.rule);
    close(out, 3, b'}');
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

    #[derive(Serialize)]
    struct Claims<'a> {
        claims: &'a [Claim],
    }

    #[derive(Serialize)]
    struct Sources<'a> {
        sources: &'a [Source],
    }

    /// A document of one list (`name`), its elements appended by `push` (each after a
    /// comma), and what serde_json and the terminal-safe formatter write for `doc`, the
    /// same document.
    fn list_both_ways<T>(
        name: &str,
        items: &[T],
        push: impl Fn(&mut Vec<u8>, &T),
        doc: &impl Serialize,
    ) -> (String, String) {
        let by_serde = super::super::to_json(doc);
        let mut out = format!("{{\n  \"{name}\": ").into_bytes();
        if items.is_empty() {
            out.extend_from_slice(b"[]");
        } else {
            let mut elements = Vec::new();
            items.iter().for_each(|x| push(&mut elements, x));
            out.push(b'[');
            out.extend_from_slice(&elements[1..]);
            out.extend_from_slice(b"\n  ]");
        }
        out.extend_from_slice(b"\n}\n");
        (String::from_utf8(out).unwrap(), by_serde)
    }

    /// Text with what JSON and the terminal-safe writer escape.
    const HOSTILE: &str = "[a-z \"\\\\/\\x00-\\x1f\\x7f\\u{80}-\\u{100}\\u{600}-\\u{6ff}\\u{180e}\\u{2000}-\\u{2070}\\u{fef0}-\\u{ffff}\\u{e0000}-\\u{e0080}]{0,24}";

    proptest::proptest! {
        #[test]
        fn a_claim_written_by_hand_is_the_claim_serde_writes(
            text in HOSTILE,
            outlets in proptest::collection::vec(HOSTILE, 0..3),
            roots in proptest::collection::vec((HOSTILE, proptest::bool::ANY), 0..3),
            open in proptest::bool::ANY,
            independent in 0usize..1_000_000,
        ) {
            let claim = Claim {
                id: format!("{text}-2020-12"),
                key: text.clone(),
                label: text.chars().rev().collect(),
                episode: "2020-12".to_owned(),
                open,
                rule: "PRED/withdraw LINK/UNDERSPECIFIED".to_owned(),
                outlets,
                independent_roots: independent,
                roots: roots
                    .into_iter()
                    .map(|(id, anonymous)| crate::model::ClaimRoot {
                        label: id.to_uppercase().into(),
                        id: id.into(),
                        anonymous,
                    })
                    .collect(),
            };
            let bare = Claim { outlets: Vec::new(), roots: Vec::new(), ..claim.clone() };
            let claims = [claim, bare];
            let (hand, serde) = list_both_ways("claims", &claims, push_claim, &Claims { claims: &claims });
            proptest::prop_assert_eq!(hand, serde);
        }

        #[test]
        fn a_source_written_by_hand_is_the_source_serde_writes(
            text in HOSTILE,
            via in proptest::option::of(HOSTILE),
            root in proptest::option::of(HOSTILE),
            cues in proptest::collection::vec((HOSTILE, 0usize..100_000, 0usize..100_000), 0..3),
        ) {
            let source = Source {
                id: format!("a/{text}"),
                label: text.clone(),
                kind: "anonymous".to_owned(),
                via,
                cues: cues
                    .into_iter()
                    .map(|(article, start, end)| crate::model::Cue { article, start, end })
                    .collect(),
                root,
                rule: "NOUN/sources".to_owned(),
            };
            let bare = Source { cues: Vec::new(), via: None, ..source.clone() };
            let sources = [source, bare];
            let (hand, serde) = list_both_ways("sources", &sources, push_source, &Sources { sources: &sources });
            proptest::prop_assert_eq!(hand, serde);
        }
    }

    #[test]
    fn no_claims_or_sources_are_empty_arrays() {
        let (hand, serde) = list_both_ways("claims", &[], push_claim, &Claims { claims: &[] });
        assert_eq!(hand, serde);
        let (hand, serde) = list_both_ways("sources", &[], push_source, &Sources { sources: &[] });
        assert_eq!(hand, serde);
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
