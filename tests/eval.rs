//! The scorer through the CLI: the README command, the quality gate on the seeds, a
//! perfect run, a run with known faults, a bad gold file, and the regression gate on the
//! development corpus (`../shared/dev`, read at run time, skipped where absent), scored
//! one event at a time and all three in one call.

use crate::common::{claimgraph, root, scratch, seeds_dir, texts};
use claimgraph::eval::{self, gold::Gold};
use claimgraph::pipeline::{self, Config};
use serde_json::Value;

const GOLD: &str = "fixtures/ain-issa/gold.toml";

#[test]
fn the_readme_command_prints_the_metrics_table() {
    let out = claimgraph(&["eval", "--gold", GOLD, "fixtures/ain-issa"], None);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.starts_with("metric"), "{stdout}");
    for metric in [
        "mention recall",
        "attribution accuracy",
        "chain accuracy",
        "link recall",
        "link precision",
    ] {
        assert!(stdout.contains(metric), "{metric}");
    }
    for metric in [
        "contradiction recall",
        "stance accuracy",
        "frame precision",
        "role accuracy agent",
        "reading precision",
        "reading recall",
        "furniture errors",
    ] {
        assert!(stdout.contains(metric), "{metric}");
    }
}

#[test]
fn seeds_meet_their_thresholds() {
    let out = pipeline::run(&[seeds_dir()], &Config::default());
    let gold = Gold::load(&seeds_dir().join("gold.toml")).unwrap();
    let texts = claimgraph::eval::article_texts(&out.analyses);
    assert!(gold.validate(&texts).is_empty());
    let report = eval::score(&gold, &out.run, &texts);
    let thresholds = eval::Thresholds::load(&seeds_dir().join("thresholds.toml")).unwrap();
    let below = thresholds.check(&report.metrics);
    assert!(
        below.is_empty(),
        "{below:#?}\n{}",
        eval::render_text(&report, claimgraph::report::clean)
    );
    // Whatever the thresholds say, furniture never yields a mention.
    assert_eq!(report.metrics.furniture_errors, 0);
    // The seed gold annotates every mention's reading, so the reading thresholds bite.
    let m = &report.metrics;
    assert_eq!(m.reading_recall.total, 100);
    assert!(m.reading_precision.total > 0 && m.role_accuracy_place.total > 0 && m.frame_precision.total > 0);
    assert!(thresholds.min_reading_recall.is_some() && thresholds.min_role_accuracy_target.is_some());
}

/// The perfect run built from the gold itself, saved as JSON, scored through `--run`.
fn perfect_run() -> claimgraph::model::Run {
    let out = pipeline::run(&[seeds_dir()], &Config::default());
    let gold = Gold::load(&seeds_dir().join("gold.toml")).unwrap();
    eval::run_from_gold(&gold, &claimgraph::eval::article_texts(&out.analyses))
}

fn eval_saved(test: &str, run: &claimgraph::model::Run, extra: &[&str]) -> (Option<i32>, Value, String) {
    let dir = scratch(test);
    let path = dir.join("run.json");
    std::fs::write(&path, claimgraph::report::to_json(run)).unwrap();
    let mut args = vec![
        "eval",
        "--gold",
        GOLD,
        "--format",
        "json",
        "--run",
        path.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    args.push("fixtures/ain-issa");
    let out = claimgraph(&args, None);
    let (stdout, stderr) = texts(&out);
    (
        out.status.code(),
        serde_json::from_str(&stdout).expect("a JSON report"),
        stderr,
    )
}

#[test]
fn a_perfect_run_scores_one_on_every_metric() {
    let (code, report, stderr) = eval_saved("perfect", &perfect_run(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let metrics = report["metrics"].as_object().unwrap();
    for (name, value) in metrics {
        if name == "furniture_errors" {
            assert_eq!(value, 0);
        } else {
            assert_eq!(value["hits"], value["total"], "{name}");
            assert!(value["total"].as_u64().unwrap() > 0, "{name} scores something");
        }
    }
    assert_eq!(metrics["mention_recall"]["total"], 100);
    assert_eq!(metrics["contradiction_recall"]["total"], 4);
    assert_eq!(metrics["stance_accuracy"]["total"], 7);
}

#[test]
fn known_faults_give_exactly_the_expected_figures() {
    let mut run = perfect_run();
    // Two wrong chains: the outlet's own voice for two mentions that cite SANA (000) and
    // the Sputnik chain cut to one level (001). The first is wrong at the innermost
    // source, so both attribution and chain miss it; the second keeps no right level.
    let sana = run
        .mentions
        .iter()
        .position(|m| m.text.starts_with("تسبب بإلحاق"))
        .unwrap();
    run.mentions[sana].chain.clear();
    let sputnik = run
        .mentions
        .iter()
        .position(|m| m.text.starts_with("الضباط الأتراك طالبوا"))
        .unwrap();
    run.mentions[sputnik].chain.truncate(1);
    // One false link: the Saida claim (one mention) merged into the M4 claim (one
    // mention, same sentence of 000 but a different quote span): the two are related by
    // nothing, so the one new pair is wrong.
    let m4 = run
        .mentions
        .iter()
        .find(|m| m.text.starts_with("سيطر على الأوتستراد"))
        .unwrap()
        .claim
        .clone();
    let saida = run
        .mentions
        .iter()
        .position(|m| m.text.starts_with("إحكامه السيطرة"))
        .unwrap();
    run.mentions[saida].claim = m4;
    let (code, report, stderr) = eval_saved("faults", &run, &["--thresholds", "fixtures/ain-issa/thresholds.toml"]);
    let m = &report["metrics"];
    assert_eq!(
        (
            m["attribution_accuracy"]["hits"].as_u64(),
            m["attribution_accuracy"]["total"].as_u64()
        ),
        (Some(98), Some(100))
    );
    assert_eq!(
        (
            m["chain_accuracy"]["hits"].as_u64(),
            m["chain_accuracy"]["total"].as_u64()
        ),
        (Some(98), Some(100))
    );
    let lp = &m["link_precision"];
    assert_eq!(lp["total"].as_u64().unwrap() - lp["hits"].as_u64().unwrap(), 1, "{lp}");
    assert_eq!(report["misses"]["links"].as_array().unwrap().len(), 1);
    assert_eq!(report["misses"]["attributions"].as_array().unwrap().len(), 2);
    // Still above today's thresholds: the gate passes.
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn a_run_below_its_thresholds_exits_3_and_says_which() {
    let dir = scratch("strict");
    let strict = dir.join("strict.toml");
    std::fs::write(&strict, "min_link_recall = 0.99\n").unwrap();
    let out = claimgraph(
        &[
            "eval",
            "--gold",
            GOLD,
            "--thresholds",
            strict.to_str().unwrap(),
            "fixtures/ain-issa",
        ],
        None,
    );
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("below threshold: link recall"), "{stderr}");
}

#[test]
fn a_bad_gold_file_is_a_usage_error_naming_its_line() {
    let dir = scratch("bad_gold");
    let gold = std::fs::read_to_string(seeds_dir().join("gold.toml")).unwrap();
    let bad = gold.replacen("quote = 'انسحبت قوات بشار الأسد", "quote = 'انسحبت قوات حافظ الأسد", 1);
    let line = bad.lines().position(|l| l.contains("حافظ")).unwrap() + 1;
    let path = dir.join("gold.toml");
    std::fs::write(&path, bad).unwrap();
    let out = claimgraph(&["eval", "--gold", path.to_str().unwrap(), "fixtures/ain-issa"], None);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains(&format!("gold.toml:{line}:")), "{stderr}");
}

/// The development events with today's metrics, rounded down (their history is in the
/// commits and the README's Quality table): frame precision, role accuracy (all, agent,
/// target, place), reading precision, reading recall, attribution, chain.
const DEV_FLOORS: [(&str, [f64; 9]); 3] = [
    ("ras-al-ain-2019", [0.95, 0.88, 0.86, 0.87, 0.9, 0.64, 0.48, 0.95, 0.95]),
    (
        "hasakah-prison-2022",
        [0.9, 0.81, 0.77, 0.83, 0.83, 0.55, 0.43, 0.94, 0.93],
    ),
    ("soledar-2023", [0.9, 0.85, 0.79, 0.82, 0.93, 0.6, 0.37, 0.94, 0.93]),
];

/// The most furniture errors (page furniture read as claims) each event may have today.
const DEV_FURNITURE: [(&str, u64); 3] = [("ras-al-ain-2019", 0), ("hasakah-prison-2022", 0), ("soledar-2023", 1)];

const READING_METRICS: [&str; 9] = [
    "frame_precision",
    "role_accuracy",
    "role_accuracy_agent",
    "role_accuracy_target",
    "role_accuracy_place",
    "reading_precision",
    "reading_recall",
    "attribution_accuracy",
    "chain_accuracy",
];

/// `claimgraph eval --format json` of `golds` over `folders`: the metrics, after checking
/// that it exits 0 (the gold parses and validates).
fn dev_metrics(golds: &[String], folders: &[String]) -> serde_json::Map<String, Value> {
    let mut args = vec!["eval", "--format", "json"];
    for g in golds {
        args.extend(["--gold", g.as_str()]);
    }
    args.extend(folders.iter().map(String::as_str));
    let out = claimgraph(&args, None);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{args:?}\n{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("a JSON report");
    report["metrics"].as_object().unwrap().clone()
}

#[test]
fn dev_events_keep_their_reading_metrics_one_at_a_time_and_together() {
    let dev = root().join("../shared/dev");
    let mut golds = Vec::new();
    let mut folders = Vec::new();
    let mut separate = Vec::new();
    for (event, floors) in DEV_FLOORS {
        let dir = dev.join(event);
        if !dir.join("gold.toml").is_file() {
            eprintln!("skipped: no development event at {}", dir.display());
            continue;
        }
        let gold = dir.join("gold.toml").to_string_lossy().into_owned();
        let articles = dir.join("articles").to_string_lossy().into_owned();
        let metrics = dev_metrics(std::slice::from_ref(&gold), std::slice::from_ref(&articles));
        for (name, floor) in READING_METRICS.into_iter().zip(floors) {
            let r = &metrics[name];
            let (hits, total) = (r["hits"].as_u64().unwrap(), r["total"].as_u64().unwrap());
            assert!(total > 0, "{event}: {name} scores nothing");
            assert!(
                hits as f64 / total as f64 >= floor,
                "{event}: {name} {hits}/{total} is below today's {floor}"
            );
        }
        let most = DEV_FURNITURE.iter().find(|(e, _)| *e == event).map_or(0, |(_, n)| *n);
        let furniture = metrics["furniture_errors"].as_u64().unwrap();
        assert!(
            furniture <= most,
            "{event}: {furniture} furniture errors, today's most is {most}"
        );
        golds.push(gold);
        folders.push(articles);
        separate.push(metrics);
    }
    if separate.len() < 2 {
        return;
    }
    // All the events in one call: the files are all `001.txt`…`012.txt`, and each gold file
    // finds its own beside it. Every count is the sum of the separate runs; link metrics are
    // over the combined run, where a tool claim could join mentions of two events, so they
    // are only required to be there.
    let together = dev_metrics(&golds, &folders);
    for (name, value) in &together {
        if name.starts_with("link_") {
            continue;
        }
        let sum = |field: &str| -> u64 {
            separate
                .iter()
                .map(|m| match field {
                    "" => m[name].as_u64().unwrap(),
                    f => m[name][f].as_u64().unwrap(),
                })
                .sum()
        };
        if name == "furniture_errors" {
            assert_eq!(value.as_u64().unwrap(), sum(""), "{name}");
        } else {
            assert_eq!(
                (value["hits"].as_u64().unwrap(), value["total"].as_u64().unwrap()),
                (sum("hits"), sum("total")),
                "{name}"
            );
        }
    }
}
