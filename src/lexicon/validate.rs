//! Checks on lexicon packs beyond their shape: duplicate ids inside one file, references
//! to ids no pack defines, and (for `claimgraph lexicon check` and the tests) examples.

use super::{Entries, HasId, LexiconError, PackFile};

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
    let mut seen: Vec<&toml::Spanned<String>> = Vec::new();
    for id in ids {
        if let Some(first) = seen.iter().find(|s| s.get_ref() == id.get_ref()) {
            let (line, _) = super::line_col(&f.src, first.span().start);
            errors.push(LexiconError::at(
                &f.path,
                &f.src,
                id.span().start,
                format!("duplicate {table} id `{}` (first at line {line})", id.get_ref()),
                HINT_DUP,
            ));
        } else {
            seen.push(id);
        }
    }
}

/// References to ids that no loaded pack defines.
pub fn references(files: &[PackFile], entries: &Entries) -> Vec<LexiconError> {
    let mut errors = Vec::new();
    for e in &entries.actors {
        for parent in &e.entry.part_of {
            if !has(&entries.actors, parent) {
                errors.push(dangling(files, e.file, &e.entry.id, "part_of", parent, "actor"));
            }
        }
    }
    for e in &entries.places {
        if let Some(within) = &e.entry.within
            && !has(&entries.places, within)
        {
            errors.push(dangling(files, e.file, &e.entry.id, "within", within, "place"));
        }
    }
    for e in &entries.sources {
        for noun in &e.entry.nouns {
            if !has(&entries.source_nouns, noun) {
                errors.push(dangling(files, e.file, &e.entry.id, "nouns", noun, "source_noun"));
            }
        }
        if let Some(actor) = &e.entry.actor
            && !has(&entries.actors, actor)
        {
            errors.push(dangling(files, e.file, &e.entry.id, "actor", actor, "actor"));
        }
    }
    errors
}

fn has<T: HasId>(table: &[super::Entry<T>], id: &str) -> bool {
    table.iter().any(|e| e.entry.id() == id)
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
