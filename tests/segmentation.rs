//! Segmentation of the seed articles: furniture, headlines, bylines, sentences.

use crate::common::{seed_gold, seeds_dir};
use claimgraph::pipeline::{self, Analysis, Config};
use claimgraph::segment::LineKind;

fn seeds() -> Vec<Analysis> {
    let out = pipeline::run(&[seeds_dir()], &Config::default());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.analyses.len(), 5);
    out.analyses
}

fn seed<'a>(all: &'a [Analysis], prefix: &str) -> &'a Analysis {
    all.iter().find(|a| a.article.id.starts_with(prefix)).unwrap()
}

fn sentences(a: &Analysis) -> Vec<&str> {
    a.segments
        .sentences
        .iter()
        .map(|s| &a.article.text[s.span.range()])
        .collect()
}

#[test]
fn furniture_lines_are_exactly_the_gold_no_claims_lines() {
    let gold = seed_gold();
    let all = seeds();
    let mut wrong = Vec::new();
    for article in gold["article"].as_array().unwrap() {
        let file = article["file"].as_str().unwrap();
        let expected: Vec<&str> = article
            .get("no_claims")
            .and_then(|v| v.as_array())
            .map(|v| v.iter().map(|s| s.as_str().unwrap()).collect())
            .unwrap_or_default();
        let a = all.iter().find(|a| a.article.path.ends_with(file)).unwrap();
        for line in &a.segments.lines {
            let text = a.article.text[line.span.range()].trim();
            let furniture = line.kind == LineKind::Furniture;
            if furniture != expected.contains(&text) {
                wrong.push(format!("{file}:{} furniture={furniture} {text:?}", line.number));
            }
        }
    }
    assert!(wrong.is_empty(), "lines marked wrongly:\n{}", wrong.join("\n"));
}

#[test]
fn every_furniture_line_names_its_rule() {
    for a in seeds() {
        for line in a.segments.lines.iter().filter(|l| l.kind == LineKind::Furniture) {
            let rule = line.rule.as_deref().unwrap_or("");
            assert!(
                rule.starts_with("FURNITURE/"),
                "{}:{} {rule:?}",
                a.article.id,
                line.number
            );
        }
    }
}

#[test]
fn headlines_are_the_first_text_line_and_a_repeat_counts_once() {
    let all = seeds();
    let headline = |p: &str| {
        let a = seed(&all, p);
        a.article.text[a.segments.headline().unwrap().span.range()].to_owned()
    };
    assert_eq!(headline("000"), "قوات بشار الأسد تتخلى عن قسد في شمال شرق سوريا");
    assert_eq!(
        headline("001"),
        "القوات التركية والفصائل التابعة لها تكثف هجماتها على عين عيسى"
    );
    // 002 opens with "أخر الأخبار" (navigation), then the title twice.
    assert_eq!(
        headline("002"),
        "نظام الأسد يسحب قواته من مدينة استراتيجية شمال سوريا.. ومصادر توضح الأسباب..!"
    );
    let a = seed(&all, "002");
    let repeats: Vec<usize> = a
        .segments
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::RepeatedTitle)
        .map(|l| l.number)
        .collect();
    assert_eq!(repeats, [5]);
    // 003 and 004 open with a site icon and a skip link.
    assert!(headline("003").starts_with("قسد تتهم روسيا بالوقوف مع تركيا ضدها"));
    assert_eq!(
        headline("004"),
        "مصادر توضح حقيقة تقدم الجيش الوطني السوري في الرقة وتكشف تفاصيل هامة"
    );
}

#[test]
fn bylines_name_the_outlet_and_carry_no_sentences() {
    let all = seeds();
    let outlet = |p: &str| seed(&all, p).segments.byline.as_ref().map(|b| b.outlet.clone());
    assert_eq!(outlet("000").as_deref(), Some("الوسيلة"));
    assert_eq!(outlet("001"), None);
    assert_eq!(outlet("002").as_deref(), Some("طيف بوست"));
    assert_eq!(outlet("003").as_deref(), Some("أوطان بوست"));
    assert_eq!(outlet("004"), None);
    // The author's name above the bio in 002 is a byline, not a claim.
    let a = seed(&all, "002");
    let author = a
        .segments
        .lines
        .iter()
        .find(|l| &a.article.text[l.span.range()] == "rami fakhori")
        .unwrap();
    assert_eq!(author.kind, LineKind::Byline);
    for a in &all {
        for s in &a.segments.sentences {
            assert!(a.segments.lines[s.line].kind.has_text());
        }
    }
}

#[test]
fn sentence_counts_per_seed() {
    let all = seeds();
    let counts: Vec<usize> = all.iter().map(|a| a.segments.sentences.len()).collect();
    // 000: headline + 17 body lines, one of them two sentences (the question and its
    // answer in Cavusoglu's quotation). 001: headline + 13 body lines (the sub-heading
    // "مفاوضات على انسحاب…" counts: it is long). 002: a two-sentence headline ("..") and
    // 16 body lines (the last is the scraper's "error:"). 003: a headline, a two-sentence
    // subtitle, two lines with run-together sentence ends, 18 one-sentence lines. 004:
    // headline + 18 body lines, the tweet's quotation cut at its "..".
    assert_eq!(
        counts,
        [19, 14, 18, 25, 20],
        "{:#?}",
        all.iter().map(sentences).collect::<Vec<_>>()
    );
}

#[test]
fn obfuscation_dots_do_not_end_sentences_but_run_together_ends_do() {
    let all = seeds();
    let a = seed(&all, "000");
    // "بعد معـ.ارك وقعت" is inside the first body sentence, which runs to the line end.
    let s = sentences(a);
    assert!(
        s.iter()
            .any(|s| s.starts_with("انسحبت قوات بشار الأسد") && s.ends_with("و “قسد”.")),
        "{s:#?}"
    );
    let s = sentences(seed(&all, "003"));
    assert!(
        s.iter().any(|s| s.ends_with("في مناطق شرقي الفرات وإدلب والساحل.")),
        "{s:#?}"
    );
    assert!(s.iter().any(|s| s.starts_with("وتلعب روسيا دوراً كبيراً")), "{s:#?}");
    assert!(s.iter().any(|s| s.ends_with("ومعامل الفوسفات في حمص.")), "{s:#?}");
    assert!(s.iter().any(|s| s.starts_with("وباتت قرارات نظام الأسد")), "{s:#?}");
}

#[test]
fn a_quotation_over_several_sentences_is_marked() {
    let all = seeds();
    // 000 line 17: “هل قام البلدان … هذه؟ لا لم يفعلا، …” — the sentence after the question
    // mark starts inside the quotation opened by the one before.
    let a = seed(&all, "000");
    let s = &a.segments.sentences;
    let k = s
        .iter()
        .position(|x| a.article.text[x.span.range()].starts_with("لا لم يفعلا"))
        .expect("the answer is its own sentence");
    assert_eq!(s[k].quote, Some(k - 1));
}
