//! The metadata one source declares for an article, and how sources combine.
//!
//! Front matter, a manifest entry, a manifest's `[defaults]` and a JSONL record all parse
//! into [`Fields`]; [`merge`] layers them (first declared wins) into a [`Meta`] that says
//! where each value came from, and falls back to the script for the language.

use super::{Meta, Origin, detect_language};
use crate::model::date::PartialDate;

/// Metadata as one source declares it; `None` is "not declared".
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Fields {
    pub id: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub title: Option<String>,
}

/// The accepted date forms, for every "bad date" hint.
pub(super) const DATE_HINT: &str = "accepted forms: YYYY, YYYY-MM, YYYY-MM-DD (e.g. 2019-11-23)";

/// The message for a value of `published` that [`PartialDate::parse`] rejects.
pub(super) fn bad_date(value: &str) -> String {
    format!("bad date `{value}` for `published`")
}

/// A declared string, with an empty one counted as not declared (so `outlet:` left blank
/// in a template does not become an outlet called "").
pub(super) fn declared(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Layers `layers` (highest precedence first) into the declared id and the article's
/// [`Meta`]; `body` is the text the language is detected from when none is declared.
pub(super) fn merge(layers: &[(Origin, &Fields)], body: &str) -> (Option<String>, Meta) {
    fn first<T: Clone>(layers: &[(Origin, &Fields)], get: impl Fn(&Fields) -> &Option<T>) -> (Option<T>, Origin) {
        layers
            .iter()
            .find_map(|(origin, fields)| get(fields).clone().map(|v| (Some(v), *origin)))
            .unwrap_or((None, Origin::None))
    }
    let (outlet, outlet_from) = first(layers, |f| &f.outlet);
    let (published, published_from) = first(layers, |f| &f.published);
    let (mut language, mut language_from) = first(layers, |f| &f.language);
    if let (None, Some(detected)) = (&language, detect_language(body)) {
        language = Some(detected.to_string());
        language_from = Origin::Script;
    }
    let meta = Meta {
        outlet,
        outlet_from,
        published,
        published_from,
        language,
        language_from,
        url: first(layers, |f| &f.url).0,
        title: first(layers, |f| &f.title).0,
    };
    (first(layers, |f| &f.id).0, meta)
}
