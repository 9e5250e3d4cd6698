//! `claimgraph lexicon list`: the lexicon describes what it loaded. One [`Listed`] row per
//! entry (table, id, language, file, a one-line summary of its forms and references),
//! table by table and each table in load order, rendered as aligned columns or, through
//! the CLI's JSON writer, as an array of those rows.

use super::schema::{Framing, Pack};
use super::{Entry, HasId, Lexicon};

/// The tables `lexicon list --table` accepts, as they are written in a pack.
pub const TABLES: &[&str] = &[
    "cue",
    "marker",
    "particle",
    "source_noun",
    "source",
    "actor",
    "predicate",
    "place",
    "furniture",
    "byline",
    "subheading",
    "author_line",
];

/// One row of `claimgraph lexicon list`.
#[derive(Debug, serde::Serialize)]
pub struct Listed {
    /// The table, as written in a pack (one of [`TABLES`]).
    pub table: &'static str,
    /// The entry's id.
    pub id: String,
    /// The language of the pack that defines it.
    pub language: String,
    /// The file that defines it.
    pub file: String,
    /// Its forms, patterns and references, counted and named.
    pub summary: String,
}

/// Every loaded entry, table by table, each table in load order.
pub fn listing(lexicon: &Lexicon) -> Vec<Listed> {
    fn rows<T: HasId>(
        out: &mut Vec<Listed>,
        lexicon: &Lexicon,
        table: &'static str,
        items: &[Entry<T>],
        summary: impl Fn(&T) -> String,
    ) {
        out.extend(items.iter().map(|e| Listed {
            table,
            id: e.entry.id().to_owned(),
            language: e.language.clone(),
            file: lexicon.files[e.file].path.clone(),
            summary: summary(&e.entry),
        }));
    }
    let e = &lexicon.entries;
    let mut out = Vec::new();
    rows(&mut out, lexicon, "cue", &e.cues, |c| {
        let forms = [
            count(c.forms.len(), "form"),
            count(c.masculine.len(), "masculine form"),
            count(c.feminine.len(), "feminine form"),
        ];
        let scope = c.scope.map(|s| format!("; scope {}", kebab(s))).unwrap_or_default();
        format!("{}; {}{scope}", kebab(c.role), joined(&forms))
    });
    rows(&mut out, lexicon, "marker", &e.markers, |m| {
        let parts = [
            count(m.forms.len(), "form"),
            count(m.verbs.len(), "verb"),
            count(m.patterns.len(), "pattern"),
        ];
        format!("{}; {}", kebab(m.kind), joined(&parts))
    });
    rows(&mut out, lexicon, "particle", &e.particles, |p| {
        let forms = [count(p.forms.len(), "form"), count(p.verbs.len(), "verb")];
        format!("{}; {}", kebab(p.role), joined(&forms))
    });
    rows(&mut out, lexicon, "source_noun", &e.source_nouns, |n| {
        let forms = [
            count(n.forms.len(), "form"),
            count(n.masculine.len(), "masculine form"),
            count(n.feminine.len(), "feminine form"),
        ];
        let title = if n.title { "; title" } else { "" };
        format!("{}; {}{title}", n.kind, joined(&forms))
    });
    rows(&mut out, lexicon, "source", &e.sources, |s| {
        let mut text = format!("{}; {}", s.kind, count(s.aliases.len(), "alias"));
        if !s.nouns.is_empty() {
            text += &format!("; nouns {}", s.nouns.join(", "));
        }
        if let Some(actor) = &s.actor {
            text += &format!("; actor {actor}");
        }
        text
    });
    rows(&mut out, lexicon, "actor", &e.actors, |a| {
        let framed = a.aliases.iter().filter(|x| x.framing != Framing::Neutral).count();
        let mut text = format!(
            "{}; {}",
            a.source_kind.as_deref().unwrap_or("-"),
            count(a.aliases.len(), "alias")
        );
        if framed > 0 {
            text += &format!(" ({framed} framed)");
        }
        if !a.part_of.is_empty() {
            text += &format!("; part of {}", a.part_of.join(", "));
        }
        text
    });
    rows(&mut out, lexicon, "place", &e.places, |p| {
        let mut text = count(p.aliases.len(), "alias");
        if let Some(within) = &p.within {
            text += &format!("; within {within}");
        }
        if !p.context.is_empty() {
            text += &format!("; {}", count(p.context.len(), "context word"));
        }
        text
    });
    rows(&mut out, lexicon, "predicate", &e.predicates, |p| {
        let mut text = format!("{}; {}", p.label, count(p.all_forms().count(), "trigger"));
        if !p.excludes.is_empty() {
            text += &format!("; excludes {}", p.excludes.join(", "));
        }
        text
    });
    rows(&mut out, lexicon, "furniture", &e.furniture, |r| {
        count(r.patterns.len(), "pattern")
    });
    rows(&mut out, lexicon, "byline", &e.bylines, |r| {
        count(r.patterns.len(), "pattern")
    });
    // The single rules: the last pack that has one is in force.
    let last = |has: fn(&Pack) -> bool| {
        lexicon.files.iter().rev().find(|f| has(&f.pack)).map(|f| {
            let language = f.pack.lexicon.language.clone().unwrap_or_else(|| "und".to_owned());
            (language, f.path.clone())
        })
    };
    if let (Some(s), Some((language, file))) = (&e.subheading, last(|p| p.subheading.is_some())) {
        out.push(Listed {
            table: "subheading",
            id: s.id.clone(),
            language,
            file,
            summary: format!("at most {}", count(s.max_words, "word")),
        });
    }
    if let (Some(a), Some((language, file))) = (&e.author_line, last(|p| p.author_line.is_some())) {
        out.push(Listed {
            table: "author_line",
            id: a.id.clone(),
            language,
            file,
            summary: format!("at most {}; bio rule {}", count(a.max_words, "word"), a.bio_rule),
        });
    }
    out
}

/// `3 forms`, `1 alias`; empty for none.
fn count(n: usize, what: &str) -> String {
    match n {
        0 => String::new(),
        1 => format!("1 {what}"),
        _ if what.ends_with('s') => format!("{n} {what}es"),
        _ => format!("{n} {what}s"),
    }
}

/// The non-empty parts, comma-separated (`-` when all are empty).
fn joined(parts: &[String]) -> String {
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "-".to_owned()
    } else {
        parts.join(", ")
    }
}

/// A unit enum value as the packs write it (`AccordingTo` → `according-to`).
fn kebab(value: impl std::fmt::Debug) -> String {
    let mut out = String::new();
    for (i, c) in format!("{value:?}").chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Aligned columns, one entry a line.
pub fn render(rows: &[Listed]) -> String {
    let width = |f: fn(&Listed) -> &str| rows.iter().map(|r| f(r).chars().count()).max().unwrap_or(0);
    let (t, i, l, f) = (
        width(|r| r.table),
        width(|r| &r.id),
        width(|r| &r.language),
        width(|r| &r.file),
    );
    rows.iter()
        .map(|r| {
            format!(
                "{:<t$}  {:<i$}  {:<l$}  {:<f$}  {}\n",
                r.table, r.id, r.language, r.file, r.summary
            )
        })
        .collect()
}
