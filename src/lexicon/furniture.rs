//! Furniture and byline rules: `data/furniture.toml` compiled into line classifiers.
//!
//! Input: the TOML text (the embedded default, or a user's file). Output:
//! [`FurnitureRules`], which classify one normalised line at a time. All furniture
//! patterns are compiled into one `RegexSet`, so a line is matched against every rule in
//! one pass; the byline patterns, tried only on the first lines of an article, are a
//! second set.

use super::LexiconError;
use crate::normalize::normalize;
use regex::{Regex, RegexSet};
use serde::Deserialize;

/// The embedded default rules.
pub const DEFAULT_TOML: &str = include_str!("data/furniture.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    #[serde(default)]
    furniture: Vec<RuleSpec>,
    #[serde(default)]
    byline: Vec<RuleSpec>,
    subheading: Option<SubheadingSpec>,
    author_line: Option<AuthorLineSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    #[serde(default)]
    description: String,
    patterns: Vec<String>,
    #[serde(default)]
    examples: Examples,
}

/// Text a rule must fire on and text it must not fire on.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Lines the rule must match.
    #[serde(default)]
    pub matches: Vec<String>,
    /// Lines the rule must not match.
    #[serde(default)]
    pub non_matches: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubheadingSpec {
    id: String,
    max_words: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorLineSpec {
    id: String,
    max_words: usize,
    bio_rule: String,
}

/// One furniture or byline rule, for listings and example tests.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// Hierarchical id.
    pub id: String,
    /// What the rule is for.
    pub description: String,
    /// Its examples.
    pub examples: Examples,
}

/// A byline found on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BylineMatch {
    /// The rule that matched.
    pub rule: String,
    /// The outlet group's byte range in the normalised line, if the rule names an outlet.
    pub outlet: Option<std::ops::Range<usize>>,
}

/// Compiled furniture and byline rules.
#[derive(Debug, Clone)]
pub struct FurnitureRules {
    furniture: RegexSet,
    /// For each pattern of `furniture`, the index of its rule in `furniture_rules`.
    furniture_owner: Vec<usize>,
    furniture_rules: Vec<RuleInfo>,
    bylines: Vec<(RuleInfo, Vec<Regex>)>,
    /// Id and word limit of the sub-heading rule.
    pub subheading: Option<(String, usize)>,
    /// Id, word limit and bio rule id of the author-line rule.
    pub author_line: Option<(String, usize, String)>,
}

impl FurnitureRules {
    /// The embedded default rules.
    pub fn embedded() -> FurnitureRules {
        // The embedded file is tested (`embedded_rules_compile`), so this cannot fail in
        // a released binary.
        FurnitureRules::parse(DEFAULT_TOML, "<embedded>/furniture.toml").expect("embedded furniture.toml is valid")
    }

    /// Parses and compiles rules from TOML text; `origin` names the file in errors.
    pub fn parse(src: &str, origin: &str) -> Result<FurnitureRules, LexiconError> {
        let spec: FileSpec = toml::from_str(src).map_err(|e| LexiconError::toml(origin, src, &e))?;
        let mut patterns = Vec::new();
        let mut furniture_owner = Vec::new();
        let mut furniture_rules = Vec::new();
        for rule in spec.furniture {
            for p in &rule.patterns {
                Regex::new(p).map_err(|e| LexiconError::regex(origin, &rule.id, p, &e))?;
                patterns.push(p.clone());
                furniture_owner.push(furniture_rules.len());
            }
            furniture_rules.push(RuleInfo {
                id: rule.id,
                description: rule.description,
                examples: rule.examples,
            });
        }
        let furniture = RegexSet::new(&patterns).map_err(|e| LexiconError::regex(origin, "furniture", "(set)", &e))?;
        let mut bylines = Vec::new();
        for rule in spec.byline {
            let mut compiled = Vec::new();
            for p in &rule.patterns {
                compiled.push(Regex::new(p).map_err(|e| LexiconError::regex(origin, &rule.id, p, &e))?);
            }
            let info = RuleInfo {
                id: rule.id,
                description: rule.description,
                examples: rule.examples,
            };
            bylines.push((info, compiled));
        }
        Ok(FurnitureRules {
            furniture,
            furniture_owner,
            furniture_rules,
            bylines,
            subheading: spec.subheading.map(|s| (s.id, s.max_words)),
            author_line: spec.author_line.map(|a| (a.id, a.max_words, a.bio_rule)),
        })
    }

    /// The id of the first furniture rule matching the normalised, trimmed `line`.
    pub fn furniture(&self, line: &str) -> Option<&str> {
        let first = self.furniture.matches(line).into_iter().next()?;
        Some(&self.furniture_rules[self.furniture_owner[first]].id)
    }

    /// The first byline rule matching the normalised, trimmed `line`.
    pub fn byline(&self, line: &str) -> Option<BylineMatch> {
        for (info, regexes) in &self.bylines {
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
                    self.furniture(line) == Some(rule.id.as_str())
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

    #[test]
    fn embedded_rules_compile() {
        FurnitureRules::parse(DEFAULT_TOML, "furniture.toml").unwrap();
    }

    #[test]
    fn every_example_holds() {
        let failures = FurnitureRules::embedded().check_examples();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn unknown_key_is_an_error() {
        let err = FurnitureRules::parse("[[furniture]]\nid = \"X\"\npatern = []\n", "f.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("f.toml:3:1: "), "{msg}");
        assert!(msg.contains("patern"), "{msg}");
    }

    #[test]
    fn bad_regex_names_the_rule() {
        let err = FurnitureRules::parse("[[furniture]]\nid = \"X/Y\"\npatterns = ['(']\n", "f.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("X/Y"), "{msg}");
    }
}
