//! Checks on lexicon packs beyond their shape.
//!
//! The loader ([`super::Lexicon::compile`]) runs [`duplicates`] and [`references`]: a pack
//! that fails them does not load. `claimgraph lexicon check` and the tests also run
//! [`patterns`] (every bad pattern, not just the first), [`examples`]
//! (every entry's `matches` and `non_matches`, through the compiled matcher) and
//! [`warnings`] (likely mistakes that still load). Every error points at the entry's id
//! in its file, with a hint.

use super::matcher::{Table, Tokens, prepare};
use super::schema::{Alias, Examples, Place, ReadExample};
use super::{Entries, Entry, HasId, Lexicon, LexiconError, PackFile};
use crate::normalize::normalize;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

const HINT_DUP: &str =
    "ids are unique per table within a file; to replace an embedded entry, give the same id in your own file";

/// Entries of one table in one file that share an id.
pub fn duplicates(f: &PackFile) -> Vec<LexiconError> {
    let p = &f.pack;
    let mut errors = Vec::new();
    dup(f, "cue", p.cue.iter().map(|e| &e.id), &mut errors);
    dup(f, "marker", p.marker.iter().map(|e| &e.id), &mut errors);
    dup(f, "particle", p.particle.iter().map(|e| &e.id), &mut errors);
    dup(f, "source_noun", p.source_noun.iter().map(|e| &e.id), &mut errors);
    dup(f, "source", p.source.iter().map(|e| &e.id), &mut errors);
    dup(f, "actor", p.actor.iter().map(|e| &e.id), &mut errors);
    dup(f, "place", p.place.iter().map(|e| &e.id), &mut errors);
    dup(f, "predicate", p.predicate.iter().map(|e| &e.id), &mut errors);
    dup(f, "furniture", p.furniture.iter().map(|e| &e.id), &mut errors);
    dup(f, "byline", p.byline.iter().map(|e| &e.id), &mut errors);
    errors
}

fn dup<'a>(
    f: &PackFile,
    table: &str,
    ids: impl Iterator<Item = &'a toml::Spanned<String>>,
    errors: &mut Vec<LexiconError>,
) {
    // By id: a pack of 100,000 entries is checked in one pass.
    let mut seen: HashMap<&str, &toml::Spanned<String>> = HashMap::new();
    for id in ids {
        if let Some(first) = seen.get(id.get_ref().as_str()) {
            let (line, _) = super::line_col(&f.src, first.span().start);
            errors.push(LexiconError::at(
                &f.path,
                &f.src,
                id.span().start,
                format!("duplicate {table} id `{}` (first at line {line})", id.get_ref()),
                HINT_DUP,
            ));
        } else {
            seen.insert(id.get_ref(), id);
        }
    }
}

/// References to ids that no loaded pack defines.
pub fn references(files: &[PackFile], entries: &Entries) -> Vec<LexiconError> {
    let mut errors = Vec::new();
    // Each referenced table's ids, gathered once: a reference is a set lookup.
    let actors = ids(&entries.actors);
    let predicates = ids(&entries.predicates);
    let places = ids(&entries.places);
    let source_nouns = ids(&entries.source_nouns);
    let has = |ids: &HashSet<&str>, id: &str| ids.contains(id);
    for e in &entries.actors {
        for parent in &e.entry.part_of {
            if !has(&actors, parent) {
                errors.push(dangling(files, e.file, &e.entry.id, "part_of", parent, "actor"));
            }
        }
    }
    for e in &entries.actors {
        if let Some(side) = &e.entry.side
            && !has(&actors, side)
        {
            errors.push(dangling(files, e.file, &e.entry.id, "side", side, "actor"));
        }
    }
    for e in &entries.predicates {
        for other in &e.entry.excludes {
            if !has(&predicates, other) {
                errors.push(dangling(files, e.file, &e.entry.id, "excludes", other, "predicate"));
            }
        }
    }
    for e in &entries.places {
        if let Some(within) = &e.entry.within
            && !has(&places, within)
        {
            errors.push(dangling(files, e.file, &e.entry.id, "within", within, "place"));
        }
    }
    for e in &entries.sources {
        for noun in &e.entry.nouns {
            if !has(&source_nouns, noun) {
                errors.push(dangling(files, e.file, &e.entry.id, "nouns", noun, "source_noun"));
            }
        }
        if let Some(actor) = &e.entry.actor
            && !has(&actors, actor)
        {
            errors.push(dangling(files, e.file, &e.entry.id, "actor", actor, "actor"));
        }
    }
    errors.extend(author_line(files, entries));
    for e in &entries.bylines {
        if e.entry.extent != super::schema::Extent::Line {
            let f = &files[e.file];
            errors.push(LexiconError::at(
                &f.path,
                &f.src,
                e.entry.id.span().start,
                format!(
                    "byline `{}` has an extent, which only furniture rules have",
                    e.entry.id.get_ref()
                ),
                "remove the `extent` key, or make the rule a [[furniture]]",
            ));
        }
    }
    errors
}

fn ids<T: HasId>(table: &[super::Entry<T>]) -> HashSet<&str> {
    table.iter().map(|e| e.entry.id()).collect()
}

fn dangling(
    files: &[PackFile],
    file: usize,
    id: &toml::Spanned<String>,
    key: &str,
    target: &str,
    table: &str,
) -> LexiconError {
    let f = &files[file];
    LexiconError::at(
        &f.path,
        &f.src,
        id.span().start,
        format!("`{}` has {key} = `{target}`, but no {table} has that id", id.get_ref()),
        &format!("define a [[{table}]] with id = \"{target}\", or fix the reference"),
    )
}

/// A reference from the `[author_line]` rule to a furniture rule no pack defines. The
/// rule has no spanned id, so the error points at the `[author_line]` header of the last
/// pack that has one (the one in force).
fn author_line(files: &[PackFile], entries: &Entries) -> Option<LexiconError> {
    let rule = entries.author_line.as_ref()?;
    if entries.furniture.iter().any(|e| e.entry.id() == rule.bio_rule) {
        return None;
    }
    let f = files.iter().rev().find(|f| f.pack.author_line.is_some())?;
    Some(LexiconError::at(
        &f.path,
        &f.src,
        f.src.find("[author_line]").unwrap_or(0),
        format!(
            "`{}` has bio_rule = `{}`, but no furniture has that id",
            rule.id, rule.bio_rule
        ),
        &format!(
            "define a [[furniture]] with id = \"{}\", or fix the reference",
            rule.bio_rule
        ),
    ))
}

/// Every pattern of one file that does not compile, each positioned at its entry's id.
///
/// The loader stops at the first bad pattern (it has nothing to match with); this check
/// reports them all, so `claimgraph lexicon check` can list every one in one run.
pub fn patterns(f: &PackFile) -> Vec<LexiconError> {
    let p = &f.pack;
    let mut errors = Vec::new();
    let tables = [
        (
            "marker",
            p.marker.iter().map(|e| (&e.id, &e.patterns)).collect::<Vec<_>>(),
        ),
        ("furniture", p.furniture.iter().map(|e| (&e.id, &e.patterns)).collect()),
        ("byline", p.byline.iter().map(|e| (&e.id, &e.patterns)).collect()),
    ];
    for (table, rules) in tables {
        for (id, patterns) in rules {
            for pattern in patterns {
                if let Err(err) = regex::Regex::new(pattern) {
                    errors.push(LexiconError::regex(f, table, id, pattern, &err));
                }
            }
        }
    }
    errors
}

/// The name of a matcher table as written in a pack (`[[source_noun]]`).
pub fn table_name(table: Table) -> &'static str {
    match table {
        Table::Cue => "cue",
        Table::Marker => "marker",
        Table::Particle => "particle",
        Table::SourceNoun => "source_noun",
        Table::Source => "source",
        Table::Actor => "actor",
        Table::Place => "place",
        Table::Predicate => "predicate",
    }
}

/// One entry of a matcher table, seen the same way whatever its table.
struct Subject<'a> {
    table: Table,
    index: usize,
    id: &'a Spanned<String>,
    file: usize,
    examples: &'a Examples,
    /// Its literal forms or alias texts, as written.
    forms: Vec<&'a str>,
}

fn subjects(entries: &Entries) -> Vec<Subject<'_>> {
    fn each<'a, T: 'a>(
        out: &mut Vec<Subject<'a>>,
        table: Table,
        items: &'a [Entry<T>],
        parts: impl Fn(&'a T) -> (&'a Spanned<String>, &'a Examples, Vec<&'a str>),
    ) {
        for (index, e) in items.iter().enumerate() {
            let (id, examples, forms) = parts(&e.entry);
            out.push(Subject {
                table,
                index,
                id,
                file: e.file,
                examples,
                forms,
            });
        }
    }
    fn strs<'a>(lists: &[&'a [String]]) -> Vec<&'a str> {
        lists.iter().flat_map(|l| l.iter().map(String::as_str)).collect()
    }
    fn aliases(list: &[Alias]) -> Vec<&str> {
        list.iter().map(|a| a.text.as_str()).collect()
    }
    let mut out = Vec::new();
    each(&mut out, Table::Cue, &entries.cues, |c| {
        (&c.id, &c.examples, strs(&[&c.forms, &c.masculine, &c.feminine]))
    });
    each(&mut out, Table::Marker, &entries.markers, |m| {
        (&m.id, &m.examples, strs(&[&m.forms, &m.verbs]))
    });
    each(&mut out, Table::Particle, &entries.particles, |p| {
        (&p.id, &p.examples, strs(&[&p.forms, &p.verbs]))
    });
    each(&mut out, Table::SourceNoun, &entries.source_nouns, |n| {
        (&n.id, &n.examples, strs(&[&n.forms, &n.masculine, &n.feminine]))
    });
    each(&mut out, Table::Source, &entries.sources, |s| {
        (&s.id, &s.examples, aliases(&s.aliases))
    });
    each(&mut out, Table::Actor, &entries.actors, |a| {
        (&a.id, &a.examples, aliases(&a.aliases))
    });
    each(&mut out, Table::Place, &entries.places, |p| {
        (&p.id, &p.examples, aliases(&p.aliases))
    });
    each(&mut out, Table::Predicate, &entries.predicates, |p| {
        (
            &p.id,
            &p.examples,
            strs(&[&p.forms, &p.befalls, &p.moves, &p.enters, &p.obliges]),
        )
    });
    out
}

/// Every `examples.reads` of every entry, with its entry's file and id (for
/// [`error_at`]): `pipeline::reads` runs them, since a whole run is above this layer.
pub fn read_examples(lexicon: &Lexicon) -> Vec<(&ReadExample, &PackFile, &Spanned<String>)> {
    subjects(&lexicon.entries)
        .into_iter()
        .flat_map(|s| {
            let f = &lexicon.files[s.file];
            s.examples.reads.iter().map(move |r| (r, f, s.id))
        })
        .collect()
}

/// An error that points at an entry's id in its file.
pub fn error_at(f: &PackFile, id: &Spanned<String>, message: String, hint: &str) -> LexiconError {
    at_id(f, id, message, hint)
}

const HINT_MUST_MATCH: &str = "Arabic clitics (و ف ب ل ك ال) attach only before a form's first word; a form must end at a word end unless it ends in `*`; patterns see the normalised text (docs/lexicon.md)";
const HINT_MUST_NOT_MATCH: &str = "a form matches wherever its words stand, after clitics, and a form ending in `*` takes any ending: lengthen the form or drop the `*`; anchor a pattern with \\b (docs/lexicon.md)";
const HINT_LINE_MUST_MATCH: &str = "patterns see the normalised, trimmed line (plain ا, ي for ى, ه for ة, Latin in lower case, \" for every quotation mark); the first rule that matches a line takes it";
const HINT_LINE_MUST_NOT_MATCH: &str =
    "anchor the pattern (^ … $) or end a word with \\b so that it cannot reach into longer lines";

/// Every example that does not hold: a `matches` text the entry does not fire on, or a
/// `non_matches` text it fires on. Each error points at the entry's id.
///
/// Entries of the matcher tables are tried with [`Matcher::find_in`]: the entry holds
/// if one of the hits is that very entry (other entries may fire too). Furniture and
/// byline rules are tried the way segmentation tries a line, so a rule whose example is
/// taken by an earlier rule fails, and the message names that rule.
///
/// [`Matcher::find_in`]: super::matcher::Matcher::find_in
pub fn examples(lexicon: &Lexicon) -> Vec<LexiconError> {
    let mut errors = Vec::new();
    for s in subjects(&lexicon.entries) {
        let fires = |text: &str| {
            lexicon
                .matcher
                .find_in(text)
                .iter()
                .any(|h| h.entry.table == s.table && h.entry.index as usize == s.index)
        };
        let failures = s
            .examples
            .matches
            .iter()
            .filter(|t| !fires(t))
            .map(|t| (t, true))
            .chain(s.examples.non_matches.iter().filter(|t| fires(t)).map(|t| (t, false)));
        for (text, must) in failures {
            let reads = Tokens::new(&normalize(text)).text;
            let hint = if must { HINT_MUST_MATCH } else { HINT_MUST_NOT_MATCH };
            errors.push(at_id(
                &lexicon.files[s.file],
                s.id,
                format!(
                    "{} `{}`: {}: {text:?}",
                    table_name(s.table),
                    s.id.get_ref(),
                    verdict(must)
                ),
                &format!("the matcher reads it as {reads:?}; {hint}"),
            ));
        }
    }
    let rules = &lexicon.furniture;
    for (table, items) in [
        ("furniture", &lexicon.entries.furniture),
        ("byline", &lexicon.entries.bylines),
    ] {
        for e in items {
            let id = e.entry.id.get_ref();
            // The rule that takes a line, as segmentation would try it.
            let taken_by = |text: &str| -> Option<String> {
                let line = normalize(text);
                let line = line.trim();
                if table == "byline" {
                    rules.byline(line).map(|m| m.rule)
                } else {
                    rules.furniture(line).map(|r| r.id.clone())
                }
            };
            let ex = &e.entry.examples;
            for text in &ex.matches {
                let taken = taken_by(text);
                if taken.as_deref() != Some(id.as_str()) {
                    let by = taken
                        .map(|other| format!(" ({other} takes it first)"))
                        .unwrap_or_default();
                    errors.push(at_id(
                        &lexicon.files[e.file],
                        &e.entry.id,
                        format!("{table} `{id}`: {}: {text:?}{by}", verdict(true)),
                        &format!("the rule sees {:?}; {HINT_LINE_MUST_MATCH}", normalize(text).trim()),
                    ));
                }
            }
            for text in &ex.non_matches {
                if taken_by(text).as_deref() == Some(id.as_str()) {
                    errors.push(at_id(
                        &lexicon.files[e.file],
                        &e.entry.id,
                        format!("{table} `{id}`: {}: {text:?}", verdict(false)),
                        &format!("the rule sees {:?}; {HINT_LINE_MUST_NOT_MATCH}", normalize(text).trim()),
                    ));
                }
            }
        }
    }
    errors
}

fn verdict(must: bool) -> &'static str {
    if must {
        "example must match but does not"
    } else {
        "example must not match but does"
    }
}

fn at_id(f: &PackFile, id: &Spanned<String>, message: String, hint: &str) -> LexiconError {
    LexiconError::at(&f.path, &f.src, id.span().start, message, hint)
}

/// Things that load but are probably mistakes: a form with no word in it after
/// normalisation (it can never match), a form of one letter outside `[[particle]]`
/// (one letter is a clitic or an initial, rarely a cue or a name), an entry with no `matches` example (nothing checks that it fires), and a name shared
/// by two places neither of which has `context` words to tell them apart.
pub fn warnings(lexicon: &Lexicon) -> Vec<LexiconError> {
    let mut warnings = Vec::new();
    let files = &lexicon.files;
    for s in subjects(&lexicon.entries) {
        let what = format!("{} `{}`", table_name(s.table), s.id.get_ref());
        for form in &s.forms {
            match prepare(form) {
                None => warnings.push(at_id(
                    &files[s.file],
                    s.id,
                    format!("{what}: form {form:?} has no word in it once normalised, so it never matches"),
                    "remove the form, or write it with letters",
                )),
                Some((text, _, _))
                    if s.table != Table::Particle && text.chars().filter(|c| c.is_alphanumeric()).count() < 2 =>
                {
                    warnings.push(at_id(
                        &files[s.file],
                        s.id,
                        format!("{what}: form {form:?} is shorter than 2 letters"),
                        "one-letter forms belong in [[particle]]; lengthen the form",
                    ))
                }
                Some(_) => {}
            }
        }
        if s.examples.matches.is_empty() {
            warnings.push(at_id(
                &files[s.file],
                s.id,
                format!("{what}: no examples.matches, so nothing checks that it fires"),
                "add examples.matches = [\"text it must fire on\"] (and examples.non_matches)",
            ));
        }
    }
    for (table, items) in [
        ("furniture", &lexicon.entries.furniture),
        ("byline", &lexicon.entries.bylines),
    ] {
        for e in items.iter().filter(|e| e.entry.examples.matches.is_empty()) {
            warnings.push(at_id(
                &files[e.file],
                &e.entry.id,
                format!(
                    "{table} `{}`: no examples.matches, so nothing checks that it fires",
                    e.entry.id.get_ref()
                ),
                "add examples.matches = [\"a line it must take\"] (and examples.non_matches)",
            ));
        }
    }
    let places = &lexicon.entries.places;
    for (i, a) in places.iter().enumerate() {
        for b in &places[i + 1..] {
            if !a.entry.context.is_empty() || !b.entry.context.is_empty() {
                continue;
            }
            let names =
                |p: &Place| -> Vec<String> { p.aliases.iter().filter_map(|x| prepare(&x.text)).map(|x| x.0).collect() };
            let theirs = names(&a.entry);
            if let Some(shared) = names(&b.entry).into_iter().find(|n| theirs.contains(n)) {
                warnings.push(at_id(
                    &files[b.file],
                    &b.entry.id,
                    format!(
                        "place `{}` shares the name {shared:?} with place `{}`, and neither has context words",
                        b.entry.id.get_ref(),
                        a.entry.id.get_ref()
                    ),
                    "give one of them (or both) `context = [...]`: words that, near the name, say which place it is",
                ));
            }
        }
    }
    warnings
}

/// What `claimgraph lexicon check` found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// The files checked, in the order given, with their entry count (`None`: not read or
    /// not parsed).
    pub files: Vec<(String, Option<usize>)>,
    /// Every error, by file in load order, then by position.
    pub errors: Vec<LexiconError>,
    /// Likely mistakes in the checked files ([`warnings`]).
    pub warnings: Vec<LexiconError>,
    /// The lexicon the files compile to, when they do: the caller runs its
    /// `examples.reads`, which take a whole run.
    pub lexicon: Option<Lexicon>,
}

impl CheckReport {
    /// The checked files with no error, and their entry counts.
    pub fn clean(&self) -> impl Iterator<Item = (&str, usize)> {
        self.files.iter().filter_map(|(path, n)| {
            let n = (*n)?;
            (!self.errors.iter().any(|e| &e.path == path)).then_some((path.as_str(), n))
        })
    }
}

/// Checks `paths` loaded on top of `base` (the embedded packs and any `--lexicon` files),
/// as a run would load them, and reports everything: parse errors (which stop that
/// file), duplicate ids, every bad pattern, dangling references, failing examples, and
/// warnings for the checked files.
pub fn check(base: &[PackFile], paths: &[std::path::PathBuf]) -> CheckReport {
    let mut report = CheckReport::default();
    let mut files = base.to_vec();
    for path in paths {
        match PackFile::read(path) {
            Ok(f) => {
                report.files.push((f.path.clone(), Some(entry_count(&f.pack))));
                files.push(f);
            }
            Err(e) => {
                report.files.push((path.display().to_string(), None));
                report.errors.push(e);
            }
        }
    }
    let order: Vec<String> = files
        .iter()
        .map(|f| f.path.clone())
        .chain(report.files.iter().map(|f| f.0.clone()))
        .collect();
    let bad_patterns: Vec<LexiconError> = files.iter().flat_map(patterns).collect();
    // Without its bad patterns a pack still compiles, so the other checks can run too.
    for f in &mut files {
        let ok = |p: &String| regex::Regex::new(p).is_ok();
        f.pack.marker.iter_mut().for_each(|m| m.patterns.retain(ok));
        f.pack.furniture.iter_mut().for_each(|r| r.patterns.retain(ok));
        f.pack.byline.iter_mut().for_each(|r| r.patterns.retain(ok));
    }
    match Lexicon::compile(files) {
        Err(errors) => report.errors.extend(errors),
        Ok(lexicon) => {
            // An entry that lost a pattern may well fail its examples: one error is enough.
            let flagged = |e: &LexiconError| {
                bad_patterns
                    .iter()
                    .any(|b| b.path == e.path && b.position == e.position)
            };
            report
                .errors
                .extend(examples(&lexicon).into_iter().filter(|e| !flagged(e)));
            let checked = |e: &LexiconError| report.files.iter().any(|(p, _)| *p == e.path);
            report.warnings = warnings(&lexicon).into_iter().filter(checked).collect();
            report.lexicon = Some(lexicon);
        }
    }
    report.errors.extend(bad_patterns);
    let rank = |e: &LexiconError| (order.iter().position(|p| *p == e.path), e.position);
    report.errors.sort_by_key(rank);
    report.warnings.sort_by_key(rank);
    report
}

/// How many entries a pack has, the single `[subheading]` and `[author_line]` included.
pub fn entry_count(p: &super::schema::Pack) -> usize {
    p.cue.len()
        + p.marker.len()
        + p.particle.len()
        + p.source_noun.len()
        + p.source.len()
        + p.actor.len()
        + p.place.len()
        + p.predicate.len()
        + p.furniture.len()
        + p.byline.len()
        + usize::from(p.subheading.is_some())
        + usize::from(p.author_line.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded packs with `src` loaded after them as `t.toml`.
    fn with(src: &str) -> Result<Lexicon, Vec<LexiconError>> {
        let mut files = Lexicon::embedded().files;
        files.push(PackFile::parse("t.toml", src).expect("the test pack parses"));
        Lexicon::compile(files)
    }

    fn shown(errors: &[LexiconError]) -> Vec<String> {
        errors
            .iter()
            .map(|e| e.to_string().lines().next().unwrap().to_owned())
            .collect()
    }

    const CUE: &str = r#"[lexicon]
id = "t"
language = "ar"

[[cue]]
id = "CUE/AR/SAYS"
role = "says"
masculine = ["قال"]
feminine = ["قالت"]
examples.matches = ["وقال المصدر", "قالت الوكالة", "MUST"]
examples.non_matches = ["قالب الحلوى", "MUST_NOT"]
"#;

    #[test]
    fn embedded_packs_are_valid_and_every_example_holds() {
        let lexicon = Lexicon::load(&[]).unwrap_or_else(|e| panic!("{}", shown(&e).join("\n")));
        let mut errors: Vec<LexiconError> = lexicon.files.iter().flat_map(patterns).collect();
        errors.extend(examples(&lexicon));
        let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(all.is_empty(), "{}", all.join("\n"));
    }

    #[test]
    fn examples_hold_through_clitics_and_word_ends() {
        let lexicon = with(&CUE.replace(", \"MUST\"", "").replace(", \"MUST_NOT\"", "")).unwrap();
        assert_eq!(shown(&examples(&lexicon)), Vec::<String>::new());
    }

    #[test]
    fn a_failing_example_points_at_the_entry_id() {
        // `قالوا` would match: a reporting verb takes its person endings.
        let src = CUE.replace("MUST_NOT", "وقال").replace("MUST", "يقولون");
        let errors = examples(&with(&src).unwrap());
        assert_eq!(
            shown(&errors),
            [
                "t.toml:6:6: cue `CUE/AR/SAYS`: example must match but does not: \"يقولون\"",
                "t.toml:6:6: cue `CUE/AR/SAYS`: example must not match but does: \"وقال\"",
            ]
        );
        assert!(errors[0].hint.contains("reads it as \"يقولون\""), "{}", errors[0].hint);
    }

    #[test]
    fn a_furniture_example_taken_by_an_earlier_rule_names_it() {
        let src = "[lexicon]\nid = \"t\"\n[[furniture]]\nid = \"FURNITURE/MORE\"\npatterns = ['^read']\nexamples.matches = [\"Read also: x\"]\n";
        let errors = examples(&with(src).unwrap());
        assert_eq!(
            shown(&errors),
            [
                "t.toml:4:6: furniture `FURNITURE/MORE`: example must match but does not: \"Read also: x\" (FURNITURE/READ_ALSO takes it first)"
            ]
        );
    }

    #[test]
    fn every_bad_pattern_is_reported_at_its_entry() {
        let src = "[lexicon]\nid = \"t\"\n[[marker]]\nid = \"M/1\"\nkind = \"hedge\"\npatterns = ['(', 'ok', '[']\n";
        let f = PackFile::parse("t.toml", src).unwrap();
        assert_eq!(
            shown(&patterns(&f)),
            [
                "t.toml:4:6: marker `M/1`: pattern \"(\" does not compile: unclosed group",
                "t.toml:4:6: marker `M/1`: pattern \"[\" does not compile: unclosed character class",
            ]
        );
    }

    #[test]
    fn an_author_line_must_name_a_furniture_rule() {
        let src = "[lexicon]\nid = \"t\"\n\n[author_line]\nid = \"A\"\nmax_words = 2\nbio_rule = \"NOPE\"\n";
        let errors = with(src).unwrap_err();
        assert_eq!(
            shown(&errors),
            ["t.toml:4:1: `A` has bio_rule = `NOPE`, but no furniture has that id"]
        );
    }

    #[test]
    fn a_byline_has_no_extent() {
        let src = "[lexicon]\nid = \"t\"\n[[byline]]\nid = \"B\"\npatterns = ['^by x$']\nextent = \"caption\"\n";
        let errors = with(src).unwrap_err();
        assert_eq!(
            shown(&errors),
            ["t.toml:4:6: byline `B` has an extent, which only furniture rules have"]
        );
    }

    #[test]
    fn warnings_name_forms_that_cannot_work() {
        let src = "[lexicon]\nid = \"t\"\nlanguage = \"en\"\n[[cue]]\nid = \"C\"\nrole = \"says\"\nforms = [\"x\", \"“ ”\", \"said\"]\nexamples.matches = [\"said\"]\n[[particle]]\nid = \"P\"\nrole = \"quantifier\"\nforms = [\"a\"]\nexamples.matches = [\"a\"]\n";
        let lexicon = with(src).unwrap();
        let mine: Vec<LexiconError> = warnings(&lexicon).into_iter().filter(|w| w.path == "t.toml").collect();
        assert_eq!(
            shown(&mine),
            [
                "t.toml:5:6: cue `C`: form \"x\" is shorter than 2 letters",
                "t.toml:5:6: cue `C`: form \"“ ”\" has no word in it once normalised, so it never matches",
            ]
        );
    }
}
