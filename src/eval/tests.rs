//! Tests of the gold format and the scorer: the real seed gold, a small hand-made gold whose
//! figures are computed by hand, and one broken gold file per kind of error.

use std::path::Path;

use super::gold::Gold;
use super::*;
use crate::model::{Mention, Polarity, Relation, RelationKind, Run, Stance};

/// Sentence spans for tests: the text split on `\n` and on `. ` (the real segmenter lives
/// in `segment`, which is written separately).
fn line_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        } else if bytes[i] == b'.' && bytes.get(i + 1) == Some(&b' ') {
            out.push(Span::new(start, i + 1));
            start = i + 2;
            i += 1;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out.retain(|s| s.start < s.end);
    out
}

/// Article texts with their ids: the id is the file stem's first three characters, as in
/// the seed gold.
fn article_texts<'a>(files: &'a [(String, String)]) -> Vec<ArticleText<'a>> {
    files
        .iter()
        .map(|(name, text)| ArticleText {
            id: name.split('.').next().unwrap_or(name),
            path: name,
            text,
            sentences: line_sentences(text),
        })
        .collect()
}

fn seed_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ain-issa");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn seed_gold() -> Gold {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ain-issa/gold.toml");
    Gold::load(&path).unwrap_or_else(|errors| panic!("{errors:#?}"))
}

fn assert_perfect(report: &Report) {
    for (name, ratio) in report.metrics.ratios() {
        assert_eq!(
            ratio.hits,
            ratio.total,
            "{name}: {ratio:?}\n{}",
            render_text(report, crate::report::clean)
        );
    }
    assert_eq!(report.metrics.furniture_errors, 0);
    assert_eq!(report.misses, Misses::default());
}

// ------------------------------------------------------------------ the seed gold

#[test]
fn seed_gold_parses_and_validates_against_the_seed_texts() {
    let gold = seed_gold();
    let files = seed_files();
    let texts = article_texts(&files);
    assert_eq!(gold.validate(&texts), Vec::<gold::GoldError>::new());
    assert_eq!(gold.articles.len(), 5);
}

#[test]
fn perfect_run_from_the_seed_gold_scores_one_everywhere() {
    let gold = seed_gold();
    let files = seed_files();
    let texts = article_texts(&files);
    let run = run_from_gold(&gold, &texts);
    let report = score(&gold, &run, &texts);
    assert_perfect(&report);
    // The size of the seed gold, as scored with line-and-". " sentences.
    let m = &report.metrics;
    let totals = [
        m.mention_recall.total,
        m.link_recall.total,
        m.link_recall_cross_outlet.total,
        m.contradiction_recall.total,
        m.stance_accuracy.total,
    ];
    // 100 gold mentions; 75 link pairs in different sentences (of 76 pairs: one pair of quotes
    // shares a sentence), 23 of them across outlets; 4 contradictions (2 relations,
    // 2 denials); 7 non-plain stances (3 distanced, 4 hedged). Checked independently.
    assert_eq!(totals, [100, 75, 23, 4, 7]);
    // Readings: every seed mention annotates all three roles; the headline quote that occurs
    // twice in 002 gives a 101st frame.
    let readings = [
        m.frame_precision.total,
        m.role_accuracy_agent.total,
        m.role_accuracy_target.total,
        m.role_accuracy_place.total,
        m.reading_recall.total,
    ];
    assert_eq!(readings, [101, 100, 100, 100, 100]);
}

// ------------------------------------------------------------------ a hand-made gold

/// Three articles: `a` (outlet Alpha), `b` and `c` (outlet unknown, so distinct).
fn small_files() -> Vec<(String, String)> {
    [
        (
            "a.txt",
            "Alpha News\n\
             The ministry said the army withdrew from the town. Rebels denied any pullback.\n\
             Read also: prices\n\
             Residents said prices rose sharply.\n",
        ),
        (
            "b.txt",
            "The agency reported that a witness told the agency troops left the town. \
             Elsewhere prices went up.\n\
             Opinion\n",
        ),
        (
            "c.txt",
            "Officials said the army pulled out. Officials said the town may fall soon. \
             But the army is still in the town.\n",
        ),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_string(), t.to_string()))
    .collect()
}

const SMALL_GOLD: &str = r#"[[article]]
id = "a"
file = "a.txt"
outlet = "Alpha"
outlet_cue = "Alpha News"
no_claims = ["Read also: prices"]

[[article]]
id = "b"
file = "b.txt"
outlet = "unknown"
ignore = ["Opinion"]

[[article]]
id = "c"
file = "c.txt"
outlet = "unknown"

[[source]]
id = "a/ministry"
label = "The ministry"
kind = "government"
cues = ["The ministry said"]

[[source]]
id = "a/rebels"
label = "Rebels"
kind = "armed-group"
cues = ["Rebels denied"]

[[source]]
id = "a/residents"
label = "Residents"
kind = "individual"
cues = ["Residents said"]

[[source]]
id = "b/agency"
label = "The agency"
kind = "media"
cues = ["The agency reported", "told the agency"]

[[source]]
id = "b/witness"
label = "A witness"
kind = "individual"
via = "b/agency"
cues = ["a witness told"]

[[source]]
id = "c/officials"
label = "Officials"
kind = "government"
cues = ["Officials said"]

[[claim]]
id = "withdrew"
label = "The army withdrew"
episode = "e1"
mentions = [
  { article = "a", quote = "the army withdrew from the town", chain = ["a/ministry"] },
  { article = "a", quote = "any pullback", chain = ["a/rebels"], polarity = "denies" },
  { article = "b", quote = "troops left the town", chain = ["b/agency", "b/witness"] },
  { article = "c", quote = "the army pulled out", chain = ["c/officials"] },
]

[[claim]]
id = "prices"
label = "Prices rose"
episode = "e1"
mentions = [
  { article = "a", quote = "prices rose sharply", chain = ["a/residents"] },
  { article = "b", quote = "prices went up", chain = [] },
]

[[claim]]
id = "fall"
label = "The town may fall"
episode = "e1"
mentions = [
  { article = "c", quote = "the town may fall soon", chain = ["c/officials"], stance = "hedged" },
]

[[claim]]
id = "stayed"
label = "The army is still in the town"
episode = "e1"
mentions = [
  { article = "c", quote = "the army is still in the town", chain = [] },
]

[[relation]]
kind = "contradicts"
claims = ["withdrew", "stayed"]
"#;

fn small_gold() -> Gold {
    Gold::parse(SMALL_GOLD, "small.toml").unwrap_or_else(|e| panic!("{e:#?}"))
}

/// The tool mention whose text is `quote`.
fn mention_mut<'r>(run: &'r mut Run, quote: &str) -> &'r mut Mention {
    run.mentions
        .iter_mut()
        .find(|m| m.text == quote)
        .unwrap_or_else(|| panic!("no mention {quote:?}"))
}

#[test]
fn small_gold_validates_and_its_perfect_run_scores_one() {
    let gold = small_gold();
    let files = small_files();
    let texts = article_texts(&files);
    assert_eq!(gold.validate(&texts), Vec::<gold::GoldError>::new());
    let run = run_from_gold(&gold, &texts);
    let report = score(&gold, &run, &texts);
    assert_perfect(&report);
    let m = &report.metrics;
    // 8 gold mentions. Link pairs: withdrew has 4 mentions, all in different sentences
    // (the two in `a` are split by ". "), so 6 pairs; prices 1 pair: 7. Across outlets:
    // the pair inside `a` is not; `b` and `c` are both "unknown" but count as different
    // outlets: 5 + 1 = 6. Contradictions: the relation and the denial: 2. Stances: 1.
    assert_eq!(m.mention_recall, Ratio { hits: 8, total: 8 });
    assert_eq!(m.link_recall, Ratio { hits: 7, total: 7 });
    assert_eq!(m.link_recall_cross_outlet, Ratio { hits: 6, total: 6 });
    assert_eq!(m.link_precision, Ratio { hits: 7, total: 7 });
    assert_eq!(m.contradiction_recall, Ratio { hits: 2, total: 2 });
    assert_eq!(m.stance_accuracy, Ratio { hits: 1, total: 1 });
}

#[test]
fn merged_claims_count_exactly_the_false_links() {
    let gold = small_gold();
    let files = small_files();
    let texts = article_texts(&files);
    let mut run = run_from_gold(&gold, &texts);
    // The tool puts every mention of `prices` and `stayed` under the claim `withdrew`.
    for m in &mut run.mentions {
        if m.claim == "prices" || m.claim == "stayed" {
            m.claim = "withdrew".to_string();
        }
    }
    run.relations.clear();
    let report = score(&gold, &run, &texts);
    let m = &report.metrics;
    // Tool claim `withdrew` now holds 7 mentions (W1..W4, P1, P2, S1), all strict matches
    // in different sentences: C(7,2) = 21 pairs. Right: the 6 W–W pairs, P1–P2 (one gold
    // claim), and W2–S1 (`contradicts`, and W2 denies while S1 asserts): 8. Wrong: W×P
    // 4·2 = 8, P×S 2, and W1, W3, W4 with S1 (same polarity) 3: 13.
    assert_eq!(m.link_precision, Ratio { hits: 8, total: 21 });
    assert_eq!(report.misses.links.len(), 13);
    // Merging loses no gold link: recall stays whole.
    assert_eq!(m.link_recall, Ratio { hits: 7, total: 7 });
    // Both contradictions are still shown, as opposite polarities inside the one claim
    // (W2 denies, S1 and W1 assert), though the run has no relation any more.
    assert_eq!(m.contradiction_recall, Ratio { hits: 2, total: 2 });
    // Misses are ordered by location: the first is W1 (a:2) with P1 (a:4).
    let first = &report.misses.links[0];
    assert_eq!(first.gold_claims, ["withdrew".to_string(), "prices".to_string()]);
    assert_eq!(first.at[0].to_string(), "a:2");
    assert_eq!(first.at[1].to_string(), "a:4");
}

#[test]
fn wrong_chains_polarity_stance_and_a_lost_mention_count_exactly() {
    let gold = small_gold();
    let files = small_files();
    let texts = article_texts(&files);
    let mut run = run_from_gold(&gold, &texts);
    // W1: the outlet's own voice instead of the ministry: innermost and chain wrong.
    mention_mut(&mut run, "the army withdrew from the town").chain = vec![];
    // W3: the witness without the agency relaying it: innermost right, chain wrong.
    mention_mut(&mut run, "troops left the town").chain = vec!["b/witness".to_string()];
    // P2: the agency instead of the outlet's own voice: both wrong.
    mention_mut(&mut run, "prices went up").chain = vec!["b/agency".to_string()];
    // W2 asserts: the denial is lost.
    mention_mut(&mut run, "any pullback").polarity = Polarity::Asserts;
    // F1 plain: the hedge is lost.
    mention_mut(&mut run, "the town may fall soon").stance = Stance::Plain;
    // S1 is not found at all.
    run.mentions.retain(|m| m.text != "the army is still in the town");
    let report = score(&gold, &run, &texts);
    let m = &report.metrics;
    // 7 of 8 gold mentions found (S1 lost).
    assert_eq!(m.mention_recall, Ratio { hits: 7, total: 8 });
    // Of the 7 found, W1 and P2 have the wrong innermost source: 5/7.
    assert_eq!(m.attribution_accuracy, Ratio { hits: 5, total: 7 });
    // ... and W3 also has the wrong chain: 4/7.
    assert_eq!(m.chain_accuracy, Ratio { hits: 4, total: 7 });
    // The relation withdrew×stayed is in the run, but no tool mention matches S1, so it
    // is not shown; the denial W2 now asserts: 0/2.
    assert_eq!(m.contradiction_recall, Ratio { hits: 0, total: 2 });
    assert_eq!(m.stance_accuracy, Ratio { hits: 0, total: 1 });
    // Claims untouched: links whole (S1 was alone in its claim, so no pair is lost).
    assert_eq!(m.link_recall, Ratio { hits: 7, total: 7 });
    assert_eq!(m.link_precision, Ratio { hits: 7, total: 7 });

    let missed = &report.misses.mentions;
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].at.to_string(), "c:1");
    // What the tool found on that line instead: W4 and F1.
    let on_line: Vec<&str> = missed[0].on_line.iter().map(|t| t.claim.as_str()).collect();
    assert_eq!(on_line, ["withdrew", "fall"]);
    let wrong: Vec<(String, bool)> = report
        .misses
        .attributions
        .iter()
        .map(|w| (w.at.to_string(), w.innermost_right))
        .collect();
    assert_eq!(
        wrong,
        [
            ("a:2".to_string(), false),
            ("b:1".to_string(), true),
            ("b:1".to_string(), false)
        ]
    );
    assert_eq!(report.misses.attributions[0].expected[0].label, "The ministry");
    assert!(report.misses.attributions[0].found[0].is_empty());
    assert_eq!(report.misses.contradictions.len(), 2);
}

#[test]
fn furniture_lines_count_and_ignore_lines_do_not() {
    let gold = small_gold();
    let files = small_files();
    let texts = article_texts(&files);
    let mut run = run_from_gold(&gold, &texts);
    let a = &files[0].1;
    let b = &files[1].1;
    let on = |text: &str, line: &str, article: &str| {
        let start = text.find(line).unwrap();
        let span = Span::new(start, start + line.len());
        Mention {
            article: article.to_string(),
            claim: "prices".to_string(),
            sentence: span,
            evidence: span,
            text: line.to_string(),
            ..Mention::default()
        }
    };
    run.mentions.push(on(a, "Read also: prices", "a"));
    run.mentions.push(on(b, "Opinion", "b"));
    let report = score(&gold, &run, &texts);
    assert_eq!(report.metrics.furniture_errors, 1);
    assert_eq!(report.misses.furniture[0].at.to_string(), "a:3");
    assert_eq!(report.misses.furniture[0].furniture, "Read also: prices");
}

#[test]
fn reports_render_as_a_table_and_as_json() {
    let gold = small_gold();
    let files = small_files();
    let texts = article_texts(&files);
    let mut run = run_from_gold(&gold, &texts);
    mention_mut(&mut run, "prices went up").claim = "withdrew".to_string();
    let report = score(&gold, &run, &texts);
    let text = render_text(&report, crate::report::clean);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "metric                    value  hits/total");
    // `withdrew` now holds W1..W4 and P2: C(5,2) = 10 pairs, of which the 4 with P2 are
    // wrong; `prices` keeps P1 alone, so P1–P2 is no longer a pair.
    assert_eq!(lines[6], "link precision            0.600  6/10");
    assert!(text.contains("\nfalse links (4)\n"), "{text}");
    let json: serde_json::Value = serde_json::to_value(&report).unwrap();
    assert_eq!(json["metrics"]["link_precision"]["total"], 10);
    assert_eq!(json["misses"]["links"][0]["at"][0], "a:2");
}

#[test]
fn a_contradiction_relation_of_the_run_shows_a_gold_contradiction() {
    let gold = small_gold();
    let files = small_files();
    let texts = article_texts(&files);
    let mut run = run_from_gold(&gold, &texts);
    run.relations.clear();
    assert_eq!(score(&gold, &run, &texts).metrics.contradiction_recall.hits, 1);
    run.relations.push(Relation {
        kind: RelationKind::Contradicts,
        claims: ["stayed".to_string(), "withdrew".to_string()],
        reason: String::new(),
    });
    assert_eq!(score(&gold, &run, &texts).metrics.contradiction_recall.hits, 2);
}

// ------------------------------------------------------------------ broken gold files

/// The 1-based line of the first line of `src` containing `needle`.
fn line_of(src: &str, needle: &str) -> usize {
    src.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the gold"))
        + 1
}

/// Parses (and, when parsing succeeds, validates) `src`; returns every error.
fn errors_of(src: &str) -> Vec<gold::GoldError> {
    let files = small_files();
    let texts = article_texts(&files);
    match Gold::parse(src, "bad.toml") {
        Ok(gold) => gold.validate(&texts),
        Err(errors) => errors,
    }
}

fn only_error(src: &str) -> gold::GoldError {
    let errors = errors_of(src);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn syntax_error_names_line_and_column() {
    let src = SMALL_GOLD.replace("label = \"Prices rose\"", "label = \"Prices rose");
    // The parser recovers and may report follow-up errors; the first is the one to fix.
    let e = errors_of(&src).remove(0);
    let line = line_of(&src, "label = \"Prices rose");
    assert_eq!(e.line, line, "{e}");
    // Column 21: just past the 20 characters of `label = "Prices rose`, where `"` is due.
    assert_eq!(
        e.message,
        format!("TOML syntax error at {line}:21: invalid basic string, expected `\"`")
    );
}

#[test]
fn unknown_key_is_an_error_at_its_line() {
    let src = SMALL_GOLD.replace("kind = \"media\"", "kind = \"media\"\nlable = \"typo\"");
    let e = only_error(&src);
    assert_eq!(e.line, line_of(&src, "lable ="));
    assert!(e.message.starts_with("unknown key `lable` in [[source]]"), "{e}");
}

#[test]
fn duplicate_id_is_an_error_at_the_second() {
    let src = SMALL_GOLD.replace("id = \"a/residents\"", "id = \"a/rebels\"");
    // The chain naming `a/residents` is a second, consequent error.
    let e = errors_of(&src).remove(0);
    assert_eq!(e.line, line_of(&src, "id = \"a/rebels\"") + 6);
    assert_eq!(
        e.message,
        format!(
            "duplicate source id `a/rebels` (first at line {})",
            line_of(&src, "id = \"a/rebels\"")
        )
    );
}

#[test]
fn unknown_source_in_a_chain_is_an_error() {
    let src = SMALL_GOLD.replace("chain = [\"c/officials\"] }", "chain = [\"c/oficials\"] }");
    let e = only_error(&src);
    assert_eq!(e.line, line_of(&src, "c/oficials"));
    assert_eq!(e.message, "unknown source `c/oficials` in chain");
}

#[test]
fn quote_not_in_the_article_is_an_error() {
    let src = SMALL_GOLD.replace("\"prices went up\"", "\"prices went  up\"");
    let e = only_error(&src);
    assert_eq!(e.line, line_of(&src, "prices went  up"));
    assert_eq!(
        e.message,
        "quote of claim `prices` does not occur in article `b`: `prices went  up`"
    );
}

#[test]
fn no_claims_must_be_a_whole_line() {
    // "Read also" occurs in article a, but only as part of a line.
    let src = SMALL_GOLD.replace("no_claims = [\"Read also: prices\"]", "no_claims = [\"Read also\"]");
    let e = only_error(&src);
    assert_eq!(e.line, line_of(&src, "no_claims"));
    assert_eq!(
        e.message,
        "no_claims string is not a whole line of article `a`: `Read also`"
    );
    assert_eq!(e.to_string(), format!("bad.toml:{}: {}", e.line, e.message));
}

#[test]
fn seed_no_claims_line_matches_whole_lines_only() {
    // `الجيش التركي` is a no_claims line of 004 and also occurs inside a body sentence; a
    // mention on that sentence is not a furniture error.
    let gold = seed_gold();
    let files = seed_files();
    let texts = article_texts(&files);
    let article = texts.iter().find(|t| t.path.starts_with("004")).unwrap();
    let text = article.text;
    let furniture = locate::whole_lines(text, "الجيش التركي");
    let all = locate::occurrences(text, "الجيش التركي");
    assert_eq!(furniture.len(), 1);
    assert!(all.len() > 1);
    let mut run = run_from_gold(&gold, &texts);
    for span in all {
        run.mentions.push(Mention {
            article: article.id.to_string(),
            claim: "extra".to_string(),
            sentence: span,
            evidence: span,
            ..Mention::default()
        });
    }
    assert_eq!(score(&gold, &run, &texts).metrics.furniture_errors, 1);
}

#[test]
fn other_gold_errors_are_reported_together() {
    let src = SMALL_GOLD
        .replace("polarity = \"denies\"", "polarity = \"refutes\"")
        .replace("kind = \"media\"", "kind = \"press\"")
        .replace(
            "claims = [\"withdrew\", \"stayed\"]",
            "claims = [\"withdrew\", \"stays\"]",
        )
        .replace("file = \"c.txt\"", "file = \"d.txt\"")
        .replace(
            "episode = \"e1\"\nmentions = [\n  { article = \"c\"",
            "mentions = [\n  { article = \"c\"",
        );
    let errors = errors_of(&src);
    let messages: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
    assert!(
        messages.iter().any(|m| m.starts_with("bad polarity `refutes`")),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.starts_with("bad source kind `press`")),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&"unknown claim `stays` in relation".to_string()),
        "{messages:#?}"
    );
    // A missing field is reported at the table's header.
    let missing = errors
        .iter()
        .find(|e| e.message == "[[claim]] is missing required field `episode`")
        .unwrap();
    assert_eq!(missing.line, line_of(&src, "id = \"fall\"") - 1);
    // File errors need the texts, so they come only once the file parses.
    let src = SMALL_GOLD.replace("file = \"c.txt\"", "file = \"d.txt\"");
    let e = only_error(&src);
    assert_eq!(e.line, line_of(&src, "d.txt"));
    assert_eq!(e.message, "article `c`: file `d.txt` is not among the articles read");
}

#[test]
fn seed_run_with_a_merge_and_a_wrong_chain_loses_exactly_those() {
    let gold = seed_gold();
    let files = seed_files();
    let texts = article_texts(&files);
    let mut run = run_from_gold(&gold, &texts);
    // Perfect link precision pairs: the 76 pairs of gold mentions of one claim, plus 6
    // because the headline quote of regime-withdrew-ain-issa-2020 occurs twice in 002
    // (7 tool mentions instead of 6: C(7,2) - C(6,2) = 6): 82.
    assert_eq!(
        score(&gold, &run, &texts).metrics.link_precision,
        Ratio { hits: 82, total: 82 }
    );
    // Merge the one mention of sna-took-saida-2019 (000) into the claim of the one mention
    // of sdf-demanded-halt-to-turkish-operations-2019 (003): one more pair, wrong.
    for m in &mut run.mentions {
        if m.claim == "sna-took-saida-2019" {
            m.claim = "sdf-demanded-halt-to-turkish-operations-2019".to_string();
        }
    }
    // Attribute ypg-breached-sochi-2019 (000, "Turkish officials") to Cavusoglu: one
    // mention with the wrong innermost source, hence also the wrong chain.
    let cavusoglu = run
        .sources
        .iter()
        .find(|s| s.id.ends_with("/cavusoglu"))
        .unwrap()
        .id
        .clone();
    mention_mut(&mut run, "لعدم التزامها باتفاق سوتشي").chain = vec![cavusoglu];
    let report = score(&gold, &run, &texts);
    let m = &report.metrics;
    assert_eq!(m.link_precision, Ratio { hits: 82, total: 83 });
    assert_eq!(m.attribution_accuracy, Ratio { hits: 99, total: 100 });
    assert_eq!(m.chain_accuracy, Ratio { hits: 99, total: 100 });
    // Neither claim had a second mention, so no gold link is lost.
    assert_eq!(m.link_recall, Ratio { hits: 75, total: 75 });
    assert_eq!(report.misses.links[0].gold_claims[0], "sna-took-saida-2019");
    assert_eq!(report.misses.attributions[0].claim, "ypg-breached-sochi-2019");
}

// ------------------------------------------------------------------ readings

/// One article with a headline, two claims in one line, furniture, a pronoun whose
/// antecedent is in another sentence, an ignore line and a sentence the gold leaves alone.
fn reading_files() -> Vec<(String, String)> {
    vec![(
        "r.txt".to_string(),
        "Rivertown Herald\n\
         The rebels captured the bridge near Oldmill. The army may shell the bridge tomorrow.\n\
         Read also: weather\n\
         Officials said the convoy left. Witnesses said it left at dawn.\n\
         Opinion: the bridge was never captured.\n\
         The mayor opened a new school.\n"
            .to_string(),
    )]
}

const READING_GOLD: &str = r#"[[article]]
id = "r"
file = "r.txt"
outlet = "Rivertown Herald"
no_claims = ["Read also: weather"]
ignore = ["Opinion: the bridge was never captured."]

[[source]]
id = "r/officials"
label = "Officials"
kind = "government"
cues = ["Officials said"]

[[source]]
id = "r/witnesses"
label = "Witnesses"
kind = "individual"
cues = ["Witnesses said"]

[[claim]]
id = "captured"
label = "Rebels captured the bridge"
episode = "e1"
mentions = [
  { article = "r", quote = "The rebels captured the bridge near Oldmill", chain = [],
    roles = { agent = "The rebels", target = "the bridge", place = "Oldmill" } },
]

[[claim]]
id = "shell"
label = "The army may shell the bridge"
episode = "e1"
mentions = [
  { article = "r", quote = "may shell the bridge", chain = [], stance = "hedged",
    roles = { agent = "The army", target = "the bridge" }, reality = "irrealis" },
]

[[claim]]
id = "left"
label = "The convoy left"
episode = "e1"
mentions = [
  { article = "r", quote = "the convoy left", chain = ["r/officials"],
    roles = { agent = "the convoy", place = "" } },
  { article = "r", quote = "it left at dawn", chain = ["r/witnesses"],
    roles = { agent = "the convoy", place = "" } },
]
"#;

fn reading_gold() -> Gold {
    Gold::parse(READING_GOLD, "readings.toml").unwrap_or_else(|e| panic!("{e:#?}"))
}

/// The span of the `n`th (0-based) occurrence of `words` in `text`.
fn nth(text: &str, words: &str, n: usize) -> Span {
    locate::occurrences(text, words)[n]
}

/// A role filled at `span`.
fn role(name: &str, span: Span) -> crate::model::Role {
    crate::model::Role {
        role: name.to_string(),
        id: name.to_string(),
        label: name.to_string(),
        span: Some(span),
    }
}

/// A frame of claim `claim` whose sentence and evidence are `phrase`.
fn frame_on(text: &str, phrase: &str, claim: &str) -> Mention {
    let span = nth(text, phrase, 0);
    Mention {
        article: "r".to_string(),
        claim: claim.to_string(),
        sentence: span,
        evidence: span,
        text: phrase.to_string(),
        ..Mention::default()
    }
}

/// The perfect run of the reading gold plus the claims `extra` (a frame) and `open` (open).
fn reading_run(texts: &[ArticleText<'_>]) -> Run {
    let mut run = run_from_gold(&reading_gold(), texts);
    run.claims.push(crate::model::Claim {
        id: "extra".to_string(),
        key: "open-school(mayor)".to_string(),
        ..crate::model::Claim::default()
    });
    run.claims.push(crate::model::Claim {
        id: "open".to_string(),
        key: "open(…)".to_string(),
        open: true,
        ..crate::model::Claim::default()
    });
    run
}

fn quote_mention<'r>(run: &'r mut Run, quote: &str) -> &'r mut Mention {
    mention_mut(run, quote)
}

#[test]
fn perfect_readings_score_one_with_exact_totals() {
    let gold = reading_gold();
    let files = reading_files();
    let texts = article_texts(&files);
    assert_eq!(gold.validate(&texts), Vec::<gold::GoldError>::new());
    let run = reading_run(&texts);
    let report = score(&gold, &run, &texts);
    assert_perfect(&report);
    let m = &report.metrics;
    // Four readings; annotated roles: agent 4, target 2 (the convoy's is left out), place 3
    // (the shelling's is left out; the convoy's two are "").
    assert_eq!(m.frame_precision, Ratio { hits: 4, total: 4 });
    assert_eq!(m.role_accuracy_agent, Ratio { hits: 4, total: 4 });
    assert_eq!(m.role_accuracy_target, Ratio { hits: 2, total: 2 });
    assert_eq!(m.role_accuracy_place, Ratio { hits: 3, total: 3 });
    assert_eq!(m.role_accuracy, Ratio { hits: 9, total: 9 });
    assert_eq!(m.reading_precision, Ratio { hits: 4, total: 4 });
    assert_eq!(m.reading_recall, Ratio { hits: 4, total: 4 });
    // The pronoun's antecedent is elsewhere in the article: the perfect run fills the agent
    // there, and that is right.
    let text = &files[0].1;
    let pronoun = run.mentions.iter().find(|m| m.text == "it left at dawn").unwrap();
    assert_eq!(pronoun.roles[0].span, Some(nth(text, "the convoy", 0)));
}

#[test]
fn an_empty_role_is_right_only_when_the_tool_leaves_it_out() {
    let gold = reading_gold();
    let files = reading_files();
    let texts = article_texts(&files);
    let text = &files[0].1;
    let mut run = reading_run(&texts);
    // The convoy's place is "": a tool that fills it has guessed.
    quote_mention(&mut run, "the convoy left")
        .roles
        .push(role("place", nth(text, "Oldmill", 0)));
    // The shelling's place is not annotated: whatever the tool says is not scored.
    quote_mention(&mut run, "may shell the bridge")
        .roles
        .push(role("place", nth(text, "Oldmill", 0)));
    let report = score(&gold, &run, &texts);
    let m = &report.metrics;
    assert_eq!(m.role_accuracy_place, Ratio { hits: 2, total: 3 });
    assert_eq!(m.role_accuracy, Ratio { hits: 8, total: 9 });
    assert_eq!(m.reading_precision, Ratio { hits: 3, total: 4 });
    assert_eq!(m.reading_recall, Ratio { hits: 3, total: 4 });
    let miss = &report.misses.readings[0];
    assert_eq!(miss.quote, "the convoy left");
    assert_eq!(miss.wrong, ["place"]);
    assert_eq!(miss.file, "r.txt");
    assert_eq!(miss.at.to_string(), "r:4");
    let found = miss.found.as_ref().unwrap();
    let place = found.roles.iter().find(|r| r.role == "place").unwrap();
    assert_eq!(place.words.as_deref(), Some("Oldmill"));
    assert_eq!(miss.expected.roles[1].words, "");
}

#[test]
fn role_words_count_in_the_quote_sentence_and_elsewhere_only_when_absent_from_it() {
    let gold = reading_gold();
    let files = reading_files();
    let texts = article_texts(&files);
    let text = &files[0].1;
    let mut run = reading_run(&texts);
    // "the bridge" stands in the shelling's own sentence (its second occurrence): the first
    // occurrence, in the sentence before, is the wrong one.
    let shell = quote_mention(&mut run, "may shell the bridge");
    let target = shell.roles.iter_mut().find(|r| r.role == "target").unwrap();
    assert_eq!(target.span, Some(nth(text, "the bridge", 1)));
    target.span = Some(nth(text, "the bridge", 0));
    // "the convoy" is not in "Witnesses said it left at dawn": its occurrence elsewhere is
    // right (the perfect run already fills it there), and a span on "it" is not.
    let report = score(&gold, &run, &texts);
    assert_eq!(report.metrics.role_accuracy_target, Ratio { hits: 1, total: 2 });
    assert_eq!(report.metrics.role_accuracy_agent, Ratio { hits: 4, total: 4 });
    quote_mention(&mut run, "it left at dawn").roles[0].span = Some(nth(text, "it left", 0));
    let report = score(&gold, &run, &texts);
    assert_eq!(report.metrics.role_accuracy_agent, Ratio { hits: 3, total: 4 });
    // A role that was not read from the text is never right.
    quote_mention(&mut run, "the convoy left").roles[0].span = None;
    let report = score(&gold, &run, &texts);
    assert_eq!(report.metrics.role_accuracy_agent, Ratio { hits: 2, total: 4 });
    let miss = report
        .misses
        .readings
        .iter()
        .find(|r| r.quote == "the convoy left")
        .unwrap();
    assert_eq!(miss.found.as_ref().unwrap().roles[0].words, None);
}

#[test]
fn irrealis_is_part_of_a_fully_right_reading() {
    let gold = reading_gold();
    let files = reading_files();
    let texts = article_texts(&files);
    let mut run = reading_run(&texts);
    quote_mention(&mut run, "may shell the bridge").reality = crate::model::Reality::Actual;
    let report = score(&gold, &run, &texts);
    let m = &report.metrics;
    // The roles are right; the reading is not.
    assert_eq!(m.role_accuracy, Ratio { hits: 9, total: 9 });
    assert_eq!(m.reading_precision, Ratio { hits: 3, total: 4 });
    assert_eq!(m.reading_recall, Ratio { hits: 3, total: 4 });
    let miss = &report.misses.readings[0];
    assert_eq!(miss.wrong, ["reality"]);
    assert_eq!(miss.expected.reality, crate::model::Reality::Irrealis);
    // Chain, polarity and stance count too.
    quote_mention(&mut run, "may shell the bridge").reality = crate::model::Reality::Irrealis;
    quote_mention(&mut run, "may shell the bridge").stance = Stance::Plain;
    quote_mention(&mut run, "the convoy left").chain.clear();
    quote_mention(&mut run, "it left at dawn").polarity = Polarity::Denies;
    let report = score(&gold, &run, &texts);
    let wrong: Vec<&[String]> = report.misses.readings.iter().map(|r| r.wrong.as_slice()).collect();
    assert_eq!(wrong, [["stance"], ["chain"], ["polarity"]]);
    assert_eq!(report.metrics.reading_recall, Ratio { hits: 1, total: 4 });
}

#[test]
fn the_best_of_several_frames_is_judged_and_ties_go_to_the_first() {
    let gold = reading_gold();
    let files = reading_files();
    let texts = article_texts(&files);
    let text = &files[0].1;
    let mut run = reading_run(&texts);
    // A second frame on the capture, first in run order, with no role at all.
    let mut guess = frame_on(text, "The rebels captured the bridge near Oldmill", "extra");
    guess.text = "guess".to_string();
    run.mentions.insert(0, guess);
    let report = score(&gold, &run, &texts);
    let m = &report.metrics;
    // The right frame is the best: nothing is lost, and the guess is no spurious frame
    // (its evidence overlaps a quote).
    assert_eq!(m.reading_recall, Ratio { hits: 4, total: 4 });
    assert_eq!(m.role_accuracy, Ratio { hits: 9, total: 9 });
    assert_eq!(m.frame_precision, Ratio { hits: 5, total: 5 });
    // Now the capture's own frame loses two roles: the guess (three wrong) still loses,
    // and role accuracy follows the best frame.
    quote_mention(&mut run, "The rebels captured the bridge near Oldmill")
        .roles
        .retain(|r| r.role == "agent");
    let report = score(&gold, &run, &texts);
    assert_eq!(report.metrics.role_accuracy, Ratio { hits: 7, total: 9 });
    assert_eq!(report.misses.readings[0].found.as_ref().unwrap().claim, "captured");
    // A tie (both frames get the agent only): the first in run order is reported.
    run.mentions[0].roles = vec![role("agent", nth(text, "The rebels", 0))];
    let report = score(&gold, &run, &texts);
    assert_eq!(report.metrics.role_accuracy, Ratio { hits: 7, total: 9 });
    assert_eq!(report.misses.readings[0].found.as_ref().unwrap().claim, "extra");
}

#[test]
fn spurious_frames_count_outside_ignore_and_furniture_lines_only() {
    let gold = reading_gold();
    let files = reading_files();
    let texts = article_texts(&files);
    let text = &files[0].1;
    let mut run = reading_run(&texts);
    // A frame on a sentence the gold leaves alone: spurious.
    run.mentions
        .push(frame_on(text, "The mayor opened a new school.", "extra"));
    // A frame on an ignore line: not counted at all.
    run.mentions
        .push(frame_on(text, "Opinion: the bridge was never captured.", "extra"));
    // A frame on a no_claims line: a furniture error, not a frame.
    run.mentions.push(frame_on(text, "Read also: weather", "extra"));
    // A mention of an open claim: no frame.
    run.mentions
        .push(frame_on(text, "The mayor opened a new school.", "open"));
    let report = score(&gold, &run, &texts);
    assert_eq!(report.metrics.frame_precision, Ratio { hits: 4, total: 5 });
    assert_eq!(report.metrics.furniture_errors, 1);
    let spurious = &report.misses.spurious_frames;
    assert_eq!(spurious.len(), 1);
    assert_eq!(spurious[0].at.to_string(), "r:6");
    assert_eq!(spurious[0].key, "open-school(mayor)");
    assert_eq!(spurious[0].text, "The mayor opened a new school.");
    // Readings are untouched.
    assert_eq!(report.metrics.reading_recall, Ratio { hits: 4, total: 4 });
}

#[test]
fn a_reading_without_a_frame_lowers_recall_not_precision() {
    let gold = reading_gold();
    let files = reading_files();
    let texts = article_texts(&files);
    let mut run = reading_run(&texts);
    run.claims.iter_mut().find(|c| c.id == "left").unwrap().open = true;
    let report = score(&gold, &run, &texts);
    let m = &report.metrics;
    // The two convoy mentions are still found (mention recall), but not as frames.
    assert_eq!(m.mention_recall, Ratio { hits: 4, total: 4 });
    assert_eq!(m.frame_precision, Ratio { hits: 2, total: 2 });
    assert_eq!(m.reading_precision, Ratio { hits: 2, total: 2 });
    assert_eq!(m.reading_recall, Ratio { hits: 2, total: 4 });
    assert_eq!(m.role_accuracy, Ratio { hits: 5, total: 5 });
    let misses = &report.misses.readings;
    assert_eq!(misses.len(), 2);
    assert!(misses.iter().all(|r| r.found.is_none() && r.wrong.is_empty()));
}

#[test]
fn gold_without_readings_scores_nothing_and_passes_unset_thresholds() {
    let gold = small_gold();
    let files = small_files();
    let texts = article_texts(&files);
    let report = score(&gold, &run_from_gold(&gold, &texts), &texts);
    let m = &report.metrics;
    for r in [
        m.role_accuracy,
        m.role_accuracy_agent,
        m.reading_precision,
        m.reading_recall,
    ] {
        assert_eq!(r, Ratio::default());
    }
    // Every perfect mention is a frame on its quote.
    assert_eq!(m.frame_precision, Ratio { hits: 8, total: 8 });
    let set = Thresholds::parse("min_mention_recall = 1.0\n", "t.toml").unwrap();
    assert!(set.check(m).is_empty());
    // 0/0 fails no minimum either.
    let strict = Thresholds::parse("min_reading_recall = 1.0\nmin_role_accuracy_place = 1.0\n", "t.toml").unwrap();
    assert!(strict.check(m).is_empty());
    assert!(render_text(&report, crate::report::clean).contains("\nreading recall                -  0/0\n"));
}

#[test]
fn reading_misses_render_terminal_safe() {
    let gold = reading_gold();
    let files = reading_files();
    let texts = article_texts(&files);
    let text = &files[0].1;
    let mut run = reading_run(&texts);
    quote_mention(&mut run, "may shell the bridge").reality = crate::model::Reality::Actual;
    let mut evil = frame_on(text, "The mayor opened a new school.", "extra");
    evil.text = "The mayor\u{1b}[2J opened\nforged line \u{202e}school".to_string();
    run.mentions.push(evil);
    let report = score(&gold, &run, &texts);
    let out = render_text(&report, crate::report::clean);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}'), "{out}");
    assert!(!out.lines().any(|l| l.starts_with("forged")), "{out}");
    assert!(
        out.contains("\nwrong readings (1)\n  r.txt:2  (r)  shell  (wrong reality)\n"),
        "{out}"
    );
    assert!(
        out.contains("      expected: agent «The army», target «the bridge»; irrealis, asserts, hedged; (the outlet's own voice)\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "\nspurious frames (1)\n  r.txt:6  (r)  [open-school(mayor)] The mayor [2J opened forged line school\n"
        ),
        "{out}"
    );
    let json: serde_json::Value = serde_json::to_value(&report).unwrap();
    assert_eq!(json["misses"]["readings"][0]["expected"]["reality"], "irrealis");
    assert_eq!(json["misses"]["readings"][0]["found"]["reality"], "actual");
    assert_eq!(json["metrics"]["reading_recall"]["hits"], 3);
}

// ------------------------------------------------------------------ reading errors

fn reading_errors(src: &str) -> Vec<gold::GoldError> {
    let files = reading_files();
    let texts = article_texts(&files);
    match Gold::parse(src, "bad.toml") {
        Ok(gold) => gold.validate(&texts),
        Err(errors) => errors,
    }
}

#[test]
fn an_unknown_role_is_an_error_at_its_line() {
    let src = READING_GOLD.replace("agent = \"The army\"", "actor = \"The army\"");
    let errors = reading_errors(&src);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line, line_of(&src, "actor ="));
    assert_eq!(
        errors[0].message,
        "unknown key `actor` in roles (expected one of: agent, target, place)"
    );
}

#[test]
fn bad_reality_and_bad_role_values_are_errors() {
    let src = READING_GOLD
        .replace("reality = \"irrealis\"", "reality = \"possible\"")
        .replace("place = \"Oldmill\"", "place = 3");
    let messages: Vec<(usize, String)> = reading_errors(&src).into_iter().map(|e| (e.line, e.message)).collect();
    assert_eq!(
        messages,
        [
            (
                line_of(&src, "place = 3"),
                "`place` of roles must be a string, not a integer".to_string()
            ),
            (
                line_of(&src, "possible"),
                "bad reality `possible` (expected actual or irrealis)".to_string()
            ),
        ]
    );
}

#[test]
fn role_words_must_occur_in_the_article() {
    // "the convoy" of the second convoy mention is elsewhere in the article: fine. Words that
    // are nowhere are an error naming the role's line.
    let src = READING_GOLD.replace("agent = \"The rebels\"", "agent = \"The insurgents\"");
    let errors = reading_errors(&src);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line, line_of(&src, "The insurgents"));
    assert_eq!(
        errors[0].message,
        "agent of claim `captured` does not occur in article `r`: `The insurgents`"
    );
}

// ------------------------------------------------------------------ several gold files

/// Two corpora whose files share names, each gold file beside its `articles/` folder.
fn twin_texts<'a>(files: &'a [(String, String)]) -> Vec<ArticleText<'a>> {
    files
        .iter()
        .enumerate()
        .map(|(i, (path, text))| ArticleText {
            id: ["a1", "b1"][i],
            path,
            text,
            sentences: line_sentences(text),
        })
        .collect()
}

fn twin_gold(dir: &str, quote: &str) -> Gold {
    let src = format!(
        "[[article]]\nid = \"{dir}1\"\nfile = \"001.txt\"\noutlet = \"unknown\"\n\n\
         [[claim]]\nid = \"{dir}-claim\"\nlabel = \"x\"\nepisode = \"e\"\n\
         mentions = [{{ article = \"{dir}1\", quote = \"{quote}\", chain = [] }}]\n"
    );
    Gold::parse(&src, &format!("corpus/{dir}/gold.toml")).unwrap_or_else(|e| panic!("{e:#?}"))
}

#[test]
fn colliding_file_names_map_to_the_articles_beside_each_gold_file() {
    let files = vec![
        ("corpus/a/articles/001.txt".to_string(), "Alpha happened.\n".to_string()),
        ("corpus/b/articles/001.txt".to_string(), "Beta happened.\n".to_string()),
    ];
    let texts = twin_texts(&files);
    let (a, b) = (twin_gold("a", "Alpha"), twin_gold("b", "Beta"));
    assert_eq!(a.validate(&texts), Vec::<gold::GoldError>::new());
    assert_eq!(b.validate(&texts), Vec::<gold::GoldError>::new());
    let merged = Gold::merge(vec![a, b]).unwrap();
    let report = score(&merged, &run_from_gold(&merged, &texts), &texts);
    assert_eq!(report.metrics.mention_recall, Ratio { hits: 2, total: 2 });
    assert_perfect(&report);

    // A gold file elsewhere cannot tell the two apart: an error naming both.
    let src = "[[article]]\nid = \"x\"\nfile = \"001.txt\"\noutlet = \"unknown\"\n";
    let elsewhere = Gold::parse(src, "other/gold.toml").unwrap();
    let errors = elsewhere.validate(&texts);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 3);
    assert!(
        errors[0].message.starts_with(
            "article `x`: file `001.txt` names 2 articles read (corpus/a/articles/001.txt, \
             corpus/b/articles/001.txt)"
        ),
        "{}",
        errors[0]
    );
    // ... unless `file` says more of the path.
    let longer = Gold::parse(&src.replace("001.txt", "b/articles/001.txt"), "other/gold.toml").unwrap();
    assert!(longer.validate(&texts).is_empty());
    // A name that is unique among the articles read is found wherever the gold file is.
    let one = twin_texts(&files[..1]);
    assert!(elsewhere.validate(&one).is_empty());
}
