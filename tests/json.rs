//! The JSON contract (docs/json.md) on the seed run: every field, every reference, and
//! every span slicing the original file to the text the output says it does.

use crate::common::{claimgraph, texts};
use claimgraph::pipeline::Keep;
use serde_json::Value;
use std::collections::HashSet;

fn seed_json() -> Value {
    let out = claimgraph(&["json", "fixtures/ain-issa"], None);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} is a string in {v}"))
}

fn span(v: &Value) -> (usize, usize) {
    let start = v["start"].as_u64().unwrap() as usize;
    let end = v["end"].as_u64().unwrap() as usize;
    assert!(start <= end, "{v}");
    (start, end)
}

fn ids(v: &Value, list: &str) -> HashSet<String> {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| str_field(x, "id").to_owned())
        .collect()
}

#[test]
fn every_field_of_the_contract_is_there_and_consistent() {
    let run = seed_json();
    assert_eq!(run["version"], 1);
    for list in ["articles", "outlets", "sources", "claims", "mentions", "relations"] {
        assert!(run[list].is_array(), "{list}");
    }
    let outlets = ids(&run, "outlets");
    let sources = ids(&run, "sources");
    let claims = ids(&run, "claims");
    let articles = ids(&run, "articles");
    assert_eq!(articles.len(), 5);

    let expected = [
        ("000_f1a2565e78c4542f", "al-wasila", Some("2019-11-23")),
        ("001_55ceff62e211bff7", "unknown", Some("2020-12-22")),
        ("002_cd4e3883424c836d", "tayf-post", Some("2020-10")),
        ("003_90aeaab6560ff404", "awtan-post", Some("2019-11-24")),
        ("004_82cacde12b2b6950", "unknown", Some("2020-12")),
    ];
    for (a, (id, outlet, published)) in run["articles"].as_array().unwrap().iter().zip(expected) {
        assert_eq!(str_field(a, "id"), id);
        assert_eq!(str_field(a, "path"), format!("fixtures/ain-issa/{id}.txt"));
        assert_eq!(str_field(a, "outlet"), outlet);
        assert!(outlets.contains(outlet));
        assert_eq!(a["published"].as_str(), published);
        assert_eq!(str_field(a, "language"), "ar");
        assert!(!str_field(a, "title").is_empty());
    }
    for o in run["outlets"].as_array().unwrap() {
        assert!(!str_field(o, "label").is_empty());
    }
    let kinds = claimgraph::model::SOURCE_KINDS;
    for s in run["sources"].as_array().unwrap() {
        assert!(!str_field(s, "label").is_empty());
        assert!(kinds.contains(&str_field(s, "kind")));
        assert!(s["via"].is_null() || sources.contains(str_field(s, "via")));
        for cue in s["cues"].as_array().unwrap() {
            assert!(articles.contains(str_field(cue, "article")));
            span(cue);
        }
    }
    for c in run["claims"].as_array().unwrap() {
        for key in ["key", "label", "episode"] {
            assert!(!str_field(c, key).is_empty(), "{key} of {c}");
        }
    }
    let mentions = run["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        assert!(!str_field(m, "id").is_empty());
        assert!(articles.contains(str_field(m, "article")));
        assert!(claims.contains(str_field(m, "claim")));
        assert!(["asserts", "denies"].contains(&str_field(m, "polarity")));
        assert!(["plain", "distanced", "hedged"].contains(&str_field(m, "stance")));
        for s in m["chain"].as_array().unwrap() {
            assert!(sources.contains(s.as_str().unwrap()));
        }
        let (s0, s1) = span(&m["sentence"]);
        let (e0, e1) = span(&m["evidence"]);
        assert!(s0 <= e0 && e1 <= s1, "evidence inside sentence: {m}");
        assert!(!str_field(m, "text").is_empty());
    }
    for r in run["relations"].as_array().unwrap() {
        assert_eq!(str_field(r, "kind"), "contradicts");
        let pair = r["claims"].as_array().unwrap();
        assert_eq!(pair.len(), 2);
        assert!(pair.iter().all(|c| claims.contains(c.as_str().unwrap())));
        assert!(!str_field(r, "reason").is_empty());
    }
}

#[test]
fn every_span_slices_the_original_file_to_the_quoted_text() {
    let run = seed_json();
    let root = crate::common::root();
    let file_of = |article: &str| {
        let a = run["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == article)
            .unwrap();
        std::fs::read(root.join(str_field(a, "path"))).unwrap()
    };
    for m in run["mentions"].as_array().unwrap() {
        let bytes = file_of(str_field(m, "article"));
        let (s0, s1) = span(&m["sentence"]);
        let sentence = std::str::from_utf8(&bytes[s0..s1]).expect("sentence on char boundaries");
        assert_eq!(sentence, str_field(m, "text"));
        let (e0, e1) = span(&m["evidence"]);
        std::str::from_utf8(&bytes[e0..e1]).expect("evidence on char boundaries");
    }
    for s in run["sources"].as_array().unwrap() {
        for cue in s["cues"].as_array().unwrap() {
            let bytes = file_of(str_field(cue, "article"));
            let (c0, c1) = span(cue);
            std::str::from_utf8(&bytes[c0..c1]).expect("cue on char boundaries");
        }
    }
    for a in run["articles"].as_array().unwrap() {
        let bytes = file_of(str_field(a, "id"));
        for f in a["furniture"].as_array().unwrap() {
            let (f0, f1) = span(&f["span"]);
            std::str::from_utf8(&bytes[f0..f1]).expect("furniture on char boundaries");
        }
    }
}

#[test]
fn output_is_byte_identical_whatever_the_order_of_the_paths() {
    let dir = claimgraph(&["json", "fixtures/ain-issa"], None);
    let mut files: Vec<String> = crate::common::seed_files()
        .iter()
        .map(|p| format!("fixtures/ain-issa/{}", p.file_name().unwrap().to_str().unwrap()))
        .collect();
    files.reverse();
    let mut args = vec!["json"];
    args.extend(files.iter().map(String::as_str));
    let reversed = claimgraph(&args, None);
    assert_eq!(reversed.status.code(), Some(0), "{}", texts(&reversed).1);
    assert_eq!(dir.stdout, reversed.stdout);
    let again = claimgraph(&["json", "fixtures/ain-issa"], None);
    assert_eq!(dir.stdout, again.stdout);
}

#[test]
fn furniture_lines_never_carry_mentions() {
    let run = seed_json();
    for a in run["articles"].as_array().unwrap() {
        for f in a["furniture"].as_array().unwrap() {
            let (f0, f1) = span(&f["span"]);
            for m in run["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["article"] == a["id"])
            {
                let (s0, s1) = span(&m["sentence"]);
                assert!(
                    s1 <= f0 || f1 <= s0,
                    "mention {} on furniture line {}",
                    m["id"],
                    f["line"]
                );
            }
        }
    }
}

#[test]
fn dropping_analyses_changes_nothing() {
    // `json` drops each analysis once digested; the library keeps them by default.
    let config = claimgraph::pipeline::Config::default();
    let kept = claimgraph::pipeline::run(&[std::path::PathBuf::from("fixtures/ain-issa")], &config);
    let dropped = crate::common::in_threads(2, || {
        claimgraph::pipeline::run(
            &[std::path::PathBuf::from("fixtures/ain-issa")],
            &claimgraph::pipeline::Config {
                keep_analyses: false,
                ..config
            },
        )
    });
    assert_eq!(kept.analyses.len(), 5);
    assert!(dropped.analyses.is_empty());
    assert_eq!(
        claimgraph::report::to_json(&kept.run),
        claimgraph::report::to_json(&dropped.run)
    );
}

#[test]
fn mentions_kept_on_disk_give_the_same_document() {
    // `json` keeps mentions in temporary files from the workers to the output; the
    // document must be the one the in-memory run gives, at any thread count.
    let paths: Vec<_> = ["fixtures/ain-issa", "fixtures/synthetic-en"]
        .iter()
        .map(|d| crate::common::root().join(d))
        .collect();
    let config = claimgraph::pipeline::Config {
        keep_analyses: false,
        ..claimgraph::pipeline::Config::default()
    };
    let held = crate::common::in_threads(1, || claimgraph::pipeline::run(&paths, &config));
    assert!(matches!(held.store, claimgraph::pipeline::MentionStore::Memory));
    let expected = crate::common::document(&held);
    assert_eq!(expected, claimgraph::report::to_json(&held.run));
    for threads in [1, 2, 3] {
        let (kept, written) = crate::common::in_threads(threads, || {
            let kept = claimgraph::pipeline::run(
                &paths,
                &claimgraph::pipeline::Config {
                    keep: Keep::Disk,
                    ..config.clone()
                },
            );
            let written = crate::common::document(&kept);
            (kept, written)
        });
        assert!(kept.run.mentions.is_empty());
        let claimgraph::pipeline::MentionStore::Disk(disk) = &kept.store else {
            panic!("threads {threads}: the mentions are not on disk");
        };
        assert_eq!(disk.len(), held.run.mentions.len());
        assert!(written == expected, "threads {threads}: the document differs");
    }
}

#[test]
fn sources_kept_on_disk_come_back_in_id_order_across_nested_article_ids() {
    // Source ids are `ARTICLE/slug`. Article `x/a`'s sources sort before article `x`'s
    // (`x/a/…` < `x/sana`) though `x` < `x/a`, and `x-z`'s before both (`-` < `/`): the
    // writer of what is kept on disk must give the order the in-memory run's sort gives.
    let dir = crate::common::scratch("nested-ids");
    let feed = [
        r#"{"id":"x","outlet":"Wire A","text":"عنوان الخبر هنا\nقالت مصادر محلية إن الرتل انسحب من عين عيسى. وقالت سانا إن الرتل انسحب."}"#,
        r#"{"id":"x/a","outlet":"Wire B","text":"Column leaves\nResidents said the column withdrew from Ain Issa."}"#,
        r#"{"id":"x-z","outlet":"Wire C","text":"Column leaves\nActivists said the column withdrew from Ain Issa."}"#,
        r#"{"id":"w","outlet":"Wire D","text":"Column leaves\nSANA said the column withdrew from Ain Issa."}"#,
    ];
    std::fs::write(dir.join("feed.jsonl"), feed.join("\n")).unwrap();
    let config = claimgraph::pipeline::Config {
        keep_analyses: false,
        ..claimgraph::pipeline::Config::default()
    };
    let held = claimgraph::pipeline::run(std::slice::from_ref(&dir), &config);
    assert!(held.errors.is_empty(), "{:?}", held.errors);
    let ids: Vec<&str> = held.run.sources.iter().map(|s| s.id.as_str()).collect();
    let nested = ids
        .iter()
        .position(|id| id.starts_with("x/a/"))
        .expect("a source of x/a");
    let outer = ids.iter().position(|id| *id == "x/sana").expect("SANA in x");
    assert!(nested < outer, "{ids:?}");
    let kept = claimgraph::pipeline::run(
        std::slice::from_ref(&dir),
        &claimgraph::pipeline::Config {
            keep: Keep::Disk,
            ..config
        },
    );
    assert!(kept.run.sources.is_empty() && kept.run.mentions.is_empty());
    assert_eq!(crate::common::document(&held), crate::common::document(&kept));
}

#[test]
fn timings_go_to_stderr_phase_by_phase_and_change_no_output() {
    let dir = crate::common::scratch("timings");
    let (timed, plain) = (dir.join("timed.json"), dir.join("plain.json"));
    let run = |out: &std::path::Path, env: &[(&str, &str)]| {
        let args = ["--quiet", "json", "fixtures/ain-issa", "-o", out.to_str().unwrap()];
        let output = crate::common::claimgraph_with_env(&args, env, None);
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let stderr = run(&timed, &[("CLAIMGRAPH_TIMINGS", "1")]);
    let phases: Vec<&str> = stderr
        .lines()
        .map(|l| l.strip_prefix("claimgraph: timing: ").expect("only timing lines"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(phases, ["lexicon", "index", "analyse", "assemble", "write", "sync"]);
    assert_eq!(run(&plain, &[]), "");
    assert_eq!(std::fs::read(&timed).unwrap(), std::fs::read(&plain).unwrap());
}
