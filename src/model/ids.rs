//! The ids of the run's records: slugs of labels in any script, and the ids of sources,
//! mentions and claims made from them. Ids are derived from content or position, never
//! from a random hash, so the same articles give the same ids on every run.

use crate::hash::fnv1a;

/// A stable id for a label in any script: normalised, letters and digits kept, every
/// other run of characters one `-` (`Tayf Post` → `tayf-post`, `طيف بوست` → `طيف-بوست`).
pub fn slug(label: &str) -> String {
    // Printable ASCII but the dot is its own image under normalisation, or its lower
    // case (a dot may be an obfuscation dot, which normalisation drops): most labels and
    // every claim key need no normaliser (a test holds the two paths equal).
    if label.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b'.') {
        // At most as long as the label.
        slug_of(label.chars().map(|c| c.to_ascii_lowercase()), label.len())
    } else {
        let norm = crate::normalize::normalize(label);
        slug_of(norm.chars(), norm.len())
    }
}

/// The slug of normalised characters: word characters kept, every other run one `-`;
/// allocated with room for `capacity` bytes.
fn slug_of(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for c in chars {
        if crate::normalize::is_word_char(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The ids as given, a repeated one suffixed `-2`, `-3`…
pub fn unique(bases: impl Iterator<Item = String>) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let bases: Vec<String> = bases.collect();
    // Mostly none repeats: told by a sort of borrowed ids, with no set built or hashed.
    let mut sorted: Vec<&str> = bases.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    if sorted.windows(2).all(|w| w[0] != w[1]) {
        return bases;
    }
    let mut ids: Vec<String> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    // Per base, the next suffix to try: a base repeated n times costs n tries, not n².
    let mut next: HashMap<String, usize> = HashMap::new();
    for base in bases {
        let mut id = base.clone();
        if taken.contains(&id) {
            let n = next.entry(base.clone()).or_insert(2);
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if !taken.contains(&id) {
                    break;
                }
            }
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

/// The id of a linked claim: its key as a slug (`?` read as `unknown`), `-`, its episode.
pub fn claim_id(key: &str, episode: &str) -> String {
    let mut id = slug(&key.replace('?', "unknown"));
    id.reserve_exact(1 + episode.len());
    id.push('-');
    id.push_str(episode);
    id
}

/// The id of the open claim of a statement: `open-` and the FNV-1a hash of its
/// normalised text, in 16 hex digits (so open claims' ids sort as their hashes do).
pub fn open_claim_id(hash: u64) -> String {
    format!("open-{hash:016x}")
}

/// The hash of a statement's normalised text, which names its open claim.
pub fn statement_hash(normalized: &str) -> u64 {
    fnv1a(normalized.as_bytes())
}

/// The hash an open claim's id was made from ([`open_claim_id`]).
pub fn open_hash(id: &str) -> Option<u64> {
    let hex = id.strip_prefix("open-").filter(|hex| hex.len() == 16)?;
    u64::from_str_radix(hex, 16).ok()
}

/// The id of a source of an article: `ARTICLE/slug`, the slug of its key's name (the
/// part after `kind:`). Unique within the article only after [`unique`].
pub fn source_id(article: &str, key: &str) -> String {
    let name = key.split_once(':').map_or(key, |(_, rest)| rest);
    let slug = slug(name);
    let mut id = String::with_capacity(article.len() + 1 + slug.len());
    id.push_str(article);
    id.push('/');
    id.push_str(&slug);
    id
}

/// A mention's id, `ARTICLE/mN` (N from 1 in text order), allocated once at its length.
pub fn mention_id(article: &str, n: usize) -> String {
    use std::fmt::Write;
    let mut id = String::with_capacity(article.len() + 2 + 20);
    id.push_str(article);
    id.push_str("/m");
    let _ = write!(id, "{n}");
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_claims_hash_is_read_back_from_its_id() {
        // A voice's open claim is found by this hash; a miss would only fall back to a
        // slower search, so nothing else would notice.
        for hash in [0, 1, 0xdead_beef, u64::MAX] {
            assert_eq!(open_hash(&open_claim_id(hash)), Some(hash));
        }
        for id in ["open-", "open-123", "open-0123456789abcdefg", "claim-0123456789abcdef"] {
            assert_eq!(open_hash(id), None, "{id}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Tayf Post"), "tayf-post");
        assert_eq!(slug("  Al-Wasila "), "al-wasila");
        assert_eq!(slug("--"), "");
        assert_eq!(slug("withdraw(regime, ain-issa)"), "withdraw-regime-ain-issa");
        assert_eq!(
            claim_id("withdraw(regime, ?)", "2019-11"),
            "withdraw-regime-unknown-2019-11"
        );
        assert_eq!(source_id("004", "known:sana"), "004/sana");
        assert_eq!(mention_id("004", 12), "004/m12");
    }

    #[test]
    fn repeated_ids_are_suffixed_in_order_and_others_kept() {
        let ids = |list: &[&str]| unique(list.iter().map(|s| s.to_string()));
        assert_eq!(ids(&["b", "a", "c"]), ["b", "a", "c"]);
        assert_eq!(ids(&["a", "a", "a-2", "a"]), ["a", "a-2", "a-2-2", "a-3"]);
        assert_eq!(ids(&[]), Vec::<String>::new());
    }

    proptest::proptest! {
        #[test]
        fn ascii_slugs_are_the_normalised_ones(label in "[ -~]{0,24}") {
            proptest::prop_assert_eq!(slug(&label), slug_of(crate::normalize::normalize(&label).chars(), 0));
        }
    }
}
