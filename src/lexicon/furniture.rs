//! Furniture and byline rules: the `[[furniture]]`, `[[byline]]`, `[subheading]` and
//! `[author_line]` tables of the packs, compiled into line classifiers.
//!
//! Input: the merged entries. Output: [`FurnitureRules`], which classify one normalised
//! line at a time. All furniture patterns are compiled into one `RegexSet`, so a line is
//! matched against every rule in one pass; the byline patterns, tried only on the first
//! lines of an article, are a second list.

use super::schema::{Examples, Extent};
use super::{Entries, LexiconError, PackFile};
use crate::normalize::{at_most_words, mostly_latin, normalize};
use regex::{Regex, RegexSet};

/// One furniture or byline rule, for listings and example tests.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// Hierarchical id.
    pub id: String,
    /// What the rule is for.
    pub description: String,
    /// Its examples.
    pub examples: Examples,
    /// The rule fires only on lines of at most this many words.
    pub max_words: Option<usize>,
    /// Which lines besides its own a furniture rule takes.
    pub extent: Extent,
}

impl RuleInfo {
    fn new(rule: &super::schema::LineRule) -> RuleInfo {
        RuleInfo {
            id: rule.id.get_ref().clone(),
            description: rule.description.clone(),
            examples: rule.examples.clone(),
            max_words: rule.max_words,
            extent: rule.extent,
        }
    }

    /// Whether the line is short enough for the rule.
    fn fits(&self, line: &str) -> bool {
        self.max_words.is_none_or(|max| at_most_words(line, max))
    }
}

/// A byline found on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BylineMatch {
    /// The rule that matched.
    pub rule: String,
    /// The outlet group's byte range in the normalised line, if the rule names an outlet.
    pub outlet: Option<std::ops::Range<usize>>,
}

/// The sub-heading rule: a short line with no sentence punctuation.
#[derive(Debug, Clone)]
pub struct SubheadingRule {
    /// Rule id.
    pub id: String,
    /// At most this many words.
    pub max_words: usize,
    /// At most this many words in a line of Latin script.
    pub latin_max_words: usize,
}

impl SubheadingRule {
    /// Whether the normalised line `s` is short enough for a heading.
    pub fn short(&self, s: &str) -> bool {
        // Words are counted first: a body line stops after a few, and only a line as short
        // as a heading is read for its script.
        at_most_words(s, self.max_words) || (at_most_words(s, self.latin_max_words) && mostly_latin(s))
    }
}

/// Compiled furniture and byline rules.
#[derive(Debug, Clone)]
pub struct FurnitureRules {
    /// The furniture patterns as two sets: those with a word boundary (`\b`), which
    /// on Arabic text the fast lazy DFA cannot run, and the rest, which it can.
    furniture: [RegexSet; 2],
    /// The patterns of `furniture` one by one, to tell which matches a furniture line.
    furniture_patterns: Vec<Regex>,
    /// For each pattern of `furniture`, the index of its rule in `furniture_rules`.
    furniture_owner: Vec<usize>,
    furniture_rules: Vec<RuleInfo>,
    bylines: Vec<(RuleInfo, Vec<Regex>)>,
    /// The sub-heading rule.
    pub subheading: Option<SubheadingRule>,
    /// Id, word limit and bio rule id of the author-line rule.
    pub author_line: Option<(String, usize, String)>,
}

impl FurnitureRules {
    /// The rules of the embedded packs.
    pub fn embedded() -> FurnitureRules {
        super::Lexicon::embedded().furniture
    }

    /// Compiles the furniture and byline tables of `entries`.
    pub fn new(files: &[PackFile], entries: &Entries) -> Result<FurnitureRules, LexiconError> {
        let mut patterns: Vec<&str> = Vec::new();
        let mut furniture_patterns = Vec::new();
        let mut furniture_owner = Vec::new();
        let mut furniture_rules = Vec::new();
        for e in &entries.furniture {
            let rule = &e.entry;
            for p in &rule.patterns {
                furniture_patterns.push(
                    Regex::new(p).map_err(|err| LexiconError::regex(&files[e.file], "furniture", &rule.id, p, &err))?,
                );
                patterns.push(p);
                furniture_owner.push(furniture_rules.len());
            }
            furniture_rules.push(RuleInfo::new(rule));
        }
        let bounded = |p: &&str| p.contains("\\b") || p.contains("\\B");
        let set = |with_boundary: bool| {
            let chosen: Vec<usize> = (0..patterns.len())
                .filter(|&k| bounded(&patterns[k]) == with_boundary)
                .collect();
            let subset: Vec<&str> = chosen.iter().map(|&k| patterns[k]).collect();
            super::regex_set(&subset).map_err(|(j, err)| {
                let k = chosen[j];
                let e = &entries.furniture[furniture_owner[k]];
                LexiconError::regex(&files[e.file], "furniture", &e.entry.id, patterns[k], &err)
            })
        };
        let furniture = [set(false)?, set(true)?];
        let mut bylines = Vec::new();
        for e in &entries.bylines {
            let rule = &e.entry;
            let mut compiled = Vec::new();
            for p in &rule.patterns {
                compiled.push(
                    Regex::new(p).map_err(|err| LexiconError::regex(&files[e.file], "byline", &rule.id, p, &err))?,
                );
            }
            bylines.push((RuleInfo::new(rule), compiled));
        }
        Ok(FurnitureRules {
            furniture,
            furniture_patterns,
            furniture_owner,
            furniture_rules,
            bylines,
            subheading: entries.subheading.as_ref().map(|s| SubheadingRule {
                id: s.id.clone(),
                max_words: s.max_words,
                latin_max_words: s.latin_max_words.unwrap_or(s.max_words).max(s.max_words),
            }),
            author_line: entries
                .author_line
                .as_ref()
                .map(|a| (a.id.clone(), a.max_words, a.bio_rule.clone())),
        })
    }

    /// The first furniture rule matching the normalised, trimmed `line`.
    pub fn furniture(&self, line: &str) -> Option<&RuleInfo> {
        // Most lines are text: the set answers whether any rule matches in one pass. Which
        // one is asked of the patterns in order, each stopping at its first match, rather
        // than of the set, which would search on for every pattern it could report.
        if !self.furniture.iter().any(|set| set.is_match(line)) {
            return None;
        }
        self.furniture_patterns
            .iter()
            .zip(&self.furniture_owner)
            .map(|(re, &owner)| (re, &self.furniture_rules[owner]))
            .find(|(re, rule)| re.is_match(line) && rule.fits(line))
            .map(|(_, rule)| rule)
    }

    /// The first byline rule matching the normalised, trimmed `line`.
    pub fn byline(&self, line: &str) -> Option<BylineMatch> {
        for (info, regexes) in self.bylines.iter().filter(|(info, _)| info.fits(line)) {
            for re in regexes {
                if let Some(caps) = re.captures(line) {
                    return Some(BylineMatch {
                        rule: info.id.clone(),
                        outlet: caps.name("outlet").map(|m| m.range()),
                    });
                }
            }
        }
        None
    }

    /// Every furniture and byline rule, for listings and example tests.
    pub fn rules(&self) -> impl Iterator<Item = &RuleInfo> {
        self.furniture_rules
            .iter()
            .chain(self.bylines.iter().map(|(info, _)| info))
    }

    /// Whether `id` is a byline rule (else a furniture rule).
    pub fn is_byline_rule(&self, id: &str) -> bool {
        self.bylines.iter().any(|(info, _)| info.id == id)
    }

    /// Runs every rule's examples; returns one message per failure.
    pub fn check_examples(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for rule in self.rules() {
            let byline = self.is_byline_rule(&rule.id);
            let fires = |text: &str| {
                let line = normalize(text);
                let line = line.trim();
                if byline {
                    self.byline(line).is_some_and(|m| m.rule == rule.id)
                } else {
                    self.furniture(line).is_some_and(|r| r.id == rule.id)
                }
            };
            for text in &rule.examples.matches {
                if !fires(text) {
                    failures.push(format!("{}: must match but does not: {text:?}", rule.id));
                }
            }
            for text in &rule.examples.non_matches {
                if fires(text) {
                    failures.push(format!("{}: must not match but does: {text:?}", rule.id));
                }
            }
        }
        failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn every_example_holds() {
        let failures = FurnitureRules::embedded().check_examples();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_bad_pattern_names_the_rule() {
        let mut files: Vec<PackFile> = Vec::new();
        let src = "[lexicon]\nid = \"x\"\n[[furniture]]\nid = \"X/Y\"\npatterns = ['(']\n";
        files.push(PackFile::parse("f.toml", src).unwrap());
        let err = Lexicon::compile(files).unwrap_err();
        assert!(err[0].to_string().contains("X/Y"), "{}", err[0]);
    }
}
