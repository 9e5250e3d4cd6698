//! `examples.reads`: what a whole run must read in a sentence a lexicon entry gives
//! (docs/lexicon.md). Each sentence is run as the one body line of an article, through
//! the same stages as any article, and the frame's roles and the mention's chain are
//! compared with the example's. Run by `lexicon check` and the test suite.

use super::analyze::analyze;
use super::build_run;
use crate::ingest::{Article, Meta};
use crate::lexicon::schema::ReadExample;
use crate::lexicon::validate::{error_at, read_examples};
use crate::lexicon::{Lexicon, LexiconError};
use crate::model::date::PartialDate;
use crate::model::{Mention, Run};

const HINT: &str = "the example says what the rules should read; fix the rule, or the example if it asks for more than the sentence says (`claimgraph explain` shows every rule that fired)";

/// Every `examples.reads` that does not hold, as an error at its entry's id.
pub fn check(lexicon: &Lexicon) -> Vec<LexiconError> {
    read_examples(lexicon)
        .into_iter()
        .filter_map(|(example, file, id)| {
            let why = failure(lexicon, example)?;
            Some(error_at(
                file,
                id,
                format!("`{}`: examples.reads {:?}: {why}", id.get_ref(), example.text),
                HINT,
            ))
        })
        .collect()
}

/// Why `example` does not hold, or `None` when it does.
fn failure(lexicon: &Lexicon, example: &ReadExample) -> Option<String> {
    let arabic = example.text.chars().any(crate::lexicon::matcher::is_arabic);
    let article = Article {
        id: "example".to_owned(),
        path: "examples.reads".to_owned(),
        text: format!("Example\n\n{}\n", example.text),
        body: 0,
        meta: Meta {
            outlet: Some("Example Wire".to_owned()),
            language: Some(if arabic { "ar" } else { "en" }.to_owned()),
            published: PartialDate::parse("2021-03-02"),
            ..Meta::default()
        },
    };
    let analyses = vec![analyze(article, lexicon)];
    let run = build_run(&analyses, lexicon, 60);
    let text = &analyses[0].article.text;
    // The example's own line, not the headline the article needs.
    let body = text.len() - example.text.len() - 1;
    let key = |m: &Mention| {
        run.claims
            .iter()
            .find(|c| c.id == m.claim)
            .map_or("", |c| c.key.as_str())
    };
    let mentions: Vec<&Mention> = run
        .mentions
        .iter()
        .filter(|m| m.sentence.start >= body)
        .filter(|m| match &example.frame {
            Some(frame) => key(m).starts_with(&format!("{frame}(")),
            None => true,
        })
        .collect();
    let holds = |m: &Mention| {
        let roles = example.roles.iter().all(|(role, words)| {
            let filled = m
                .roles
                .iter()
                .filter(|r| r.role == *role)
                .filter_map(|r| r.span.map(|s| &text[s.range()]));
            if words.is_empty() {
                filled.count() == 0
            } else {
                filled.into_iter().any(|w| w == words)
            }
        });
        let chain = example.chain.as_ref().is_none_or(|want| *want == labels(&run, m));
        roles && chain
    };
    let take = if example.frame.is_some() { mentions.len() } else { 1 };
    if mentions.iter().take(take).any(|m| holds(m)) {
        return None;
    }
    let read: Vec<String> = run
        .mentions
        .iter()
        .filter(|m| m.sentence.start >= body)
        .map(|m| {
            let roles: Vec<String> = m
                .roles
                .iter()
                .map(|r| format!("{} = {:?}", r.role, r.span.map_or("", |s| &text[s.range()])))
                .collect();
            format!("{} {{{}}} chain {:?}", key(m), roles.join(", "), labels(&run, m))
        })
        .collect();
    Some(match &example.frame {
        Some(frame) if mentions.is_empty() => format!("no `{frame}` frame; read: {}", read.join("; ")),
        _ => format!("read: {}", read.join("; ")),
    })
}

/// The labels of a mention's chain, outermost first.
fn labels(run: &Run, m: &Mention) -> Vec<String> {
    m.chain
        .iter()
        .map(|id| {
            run.sources
                .iter()
                .find(|s| &s.id == id)
                .map_or(id.clone(), |s| s.label.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::PackFile;

    #[test]
    fn embedded_reads_hold() {
        let errors: Vec<String> = check(&Lexicon::embedded()).iter().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }

    #[test]
    fn a_failing_read_names_its_entry_and_what_was_read() {
        let src = r#"[lexicon]
id = "t"
language = "en"

[[predicate]]
id = "cordon"
label = "{agent} cordoned off {place}"
key = ["agent", "place"]
acts_on = true
forms = ["cordoned off"]
examples.matches = ["the militia cordoned off the depot"]
examples.reads = [
  { text = "The militia cordoned off the old depot.", frame = "cordon", roles = { agent = "The militia", target = "the old depot" } },
  { text = "The militia cordoned off the old depot.", frame = "cordon", roles = { agent = "" } },
]
"#;
        let mut files = Lexicon::embedded().files;
        files.push(PackFile::parse("t.toml", src).expect("the test pack parses"));
        let lexicon = Lexicon::compile(files).expect("it compiles");
        let errors: Vec<String> = check(&lexicon).iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("t.toml") && errors[0].contains("`cordon`"),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("agent = \"The militia\""), "{}", errors[0]);
    }
}
