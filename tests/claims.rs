//! Claim frames and the cross-reference graph on the seeds and the English fixtures:
//! places told apart, episodes kept apart, contradictions, independent roots, and the same
//! claims found in Arabic and English.

use crate::common::{claimgraph, root, seeds_dir, texts};
use claimgraph::graph::{Edge, RunGraph};
use claimgraph::model::{ClaimRoot, Run, Span};
use claimgraph::pipeline::{self, Config, Output};
use std::collections::{BTreeMap, BTreeSet};

fn run_dirs(dirs: &[&str]) -> Output {
    let paths: Vec<_> = dirs.iter().map(|d| root().join(d)).collect();
    let out = pipeline::run(&paths, &Config::default());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    out
}

/// The claims of the mentions whose evidence overlaps `quote` in the article `article`.
fn claims_of(out: &Output, article: &str, quote: &str) -> Vec<String> {
    let a = out
        .analyses
        .iter()
        .find(|a| a.article.id.starts_with(article))
        .expect("article");
    let at = a
        .article
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} in {article}"));
    let q = Span::new(at, at + quote.len());
    let mut claims: Vec<String> = out
        .run
        .mentions
        .iter()
        .filter(|m| m.article == a.article.id && m.evidence.overlaps(&q))
        .map(|m| m.claim.clone())
        .collect();
    claims.sort();
    claims.dedup();
    claims
}

fn claim<'a>(run: &'a Run, id: &str) -> &'a claimgraph::model::Claim {
    run.claims.iter().find(|c| c.id == id).expect("claim")
}

fn shares_claim(out: &Output, a: (&str, &str), b: (&str, &str)) -> bool {
    let x = claims_of(out, a.0, a.1);
    claims_of(out, b.0, b.1).iter().any(|c| x.contains(c))
}

#[test]
fn the_idlib_mushairfa_is_not_the_village_near_ain_issa() {
    let out = run_dirs(&["fixtures/ain-issa"]);
    let idlib = claims_of(&out, "003", "جرت اشتباكات عنيف");
    assert!(
        idlib.iter().any(|c| claim(&out.run, c).key.contains("mushairfa-idlib")),
        "{idlib:?}"
    );
    for (article, quote) in [
        ("001", "هاجمت قرية المشيرفة"),
        ("004", "قريتي الجهبل والمشيرفة"),
        ("004", "عن سيطرتها على قريتي الجهبل"),
    ] {
        let near = claims_of(&out, article, quote);
        assert!(
            near.iter().all(|c| !idlib.contains(c)),
            "{article}: {near:?} shares a claim with {idlib:?}"
        );
        assert!(
            near.iter().all(|c| !claim(&out.run, c).key.contains("mushairfa-idlib")),
            "{near:?}"
        );
    }
}

#[test]
fn the_2019_and_2020_withdrawals_are_two_episodes() {
    let out = run_dirs(&["fixtures/ain-issa"]);
    let y2019 = claims_of(&out, "000", "انسحبت قوات بشار الأسد من مواقعها");
    let y2020 = claims_of(&out, "002", "قام بسحب رتل عسكري جديد");
    let w2019: Vec<&String> = y2019
        .iter()
        .filter(|c| c.starts_with("withdraw-regime-ain-issa"))
        .collect();
    let w2020: Vec<&String> = y2020
        .iter()
        .filter(|c| c.starts_with("withdraw-regime-ain-issa"))
        .collect();
    assert_eq!((w2019.len(), w2020.len()), (1, 1), "{y2019:?} {y2020:?}");
    assert_ne!(w2019[0], w2020[0]);
    assert_eq!(claim(&out.run, w2019[0]).episode, "2019-11");
    assert_eq!(claim(&out.run, w2020[0]).episode, "2020-10");
    // Different episodes never contradict.
    for r in &out.run.relations {
        assert_eq!(
            claim(&out.run, &r.claims[0]).episode,
            claim(&out.run, &r.claims[1]).episode,
            "{r:?}"
        );
    }
}

#[test]
fn a_wider_window_joins_the_episodes() {
    let out = claimgraph(&["json", "--window", "800", "fixtures/ain-issa"], None);
    let run: Run = serde_json::from_slice(&out.stdout).expect("JSON run");
    let withdrawals = run
        .claims
        .iter()
        .filter(|c| c.key == "withdraw(regime, ain-issa)")
        .count();
    assert_eq!(withdrawals, 1, "{}", texts(&out).1);
}

#[test]
fn contradictions_need_two_sources_and_named_roles() {
    let out = run_dirs(&["fixtures/ain-issa"]);
    let keys: Vec<(String, String, String)> = out
        .run
        .relations
        .iter()
        .map(|r| {
            (
                claim(&out.run, &r.claims[0]).key.clone(),
                claim(&out.run, &r.claims[1]).key.clone(),
                r.reason.clone(),
            )
        })
        .collect();
    // Russia says the SDF left the safe zone; Akar that some of it remains.
    assert!(
        keys.iter().any(|(a, b, reason)| a == "remain(sdf, safe-zone)"
            && b == "withdraw(sdf, safe-zone)"
            && reason.starts_with("EXCLUDES/remain/withdraw")),
        "{keys:#?}"
    );
    // Turkish officials say the YPG (part of the SDF) broke the Sochi deal.
    assert!(
        keys.iter()
            .any(|(a, b, _)| a == "breach(sdf)" && b == "withdraw(sdf, safe-zone)"),
        "{keys:#?}"
    );
    // Tayf Post's local sources say both that the regime withdrew and that it kept a
    // limited presence: one source, a partial withdrawal, no contradiction.
    assert!(
        !keys
            .iter()
            .any(|(a, b, _)| a.starts_with("remain(regime") && b.starts_with("withdraw(regime")),
        "{keys:#?}"
    );
    // A denial inside one claim: local sources deny the pages' battle.
    let battle = claims_of(&out, "004", "المعــ.ركة المنتظرة");
    let denial = claims_of(&out, "004", "ونفت مصادر محلية");
    assert!(battle.iter().any(|c| denial.contains(c)), "{battle:?} {denial:?}");
}

#[test]
fn independent_roots_count_sources_not_outlets() {
    let out = run_dirs(&["fixtures/ain-issa"]);
    // Russia asked the SDF to hand Ain Issa over: Sputnik's sources (001) and
    // al-Habash's sources (002), both anonymous, two roots.
    let asked = claims_of(&out, "002", "روسيا طلبت من");
    let c = asked
        .iter()
        .map(|c| claim(&out.run, c))
        .find(|c| c.key.starts_with("demand(russia, sdf"))
        .expect("demand");
    assert_eq!(c.independent_roots, 2, "{:?}", c.roots);
    assert!(c.roots.iter().all(|r| r.anonymous), "{:?}", c.roots);
    assert_eq!(c.outlets, ["tayf-post", "unknown"]);
    // The 2019 withdrawal: Al-Wasila's own voice, the local Facebook pages and the field
    // sources it quotes, three roots in one outlet.
    let w = claims_of(&out, "000", "انسحبت قوات بشار الأسد من مواقعها");
    let c = w
        .iter()
        .map(|c| claim(&out.run, c))
        .find(|c| c.key == "withdraw(regime, ain-issa)")
        .expect("withdraw");
    assert_eq!(c.independent_roots, 3, "{:?}", c.roots);
    assert_eq!(c.outlets, ["al-wasila"]);
    // SANA quoted twice in 000 is one root.
    let attack = claims_of(&out, "000", "قوات الجيش الوطني هاجـ.مت");
    let c = attack
        .iter()
        .map(|c| claim(&out.run, c))
        .find(|c| c.key.starts_with("attack(turkey"))
        .expect("attack");
    assert_eq!(
        c.roots.iter().filter(|r| &*r.id == "known:sana").count(),
        1,
        "{:?}",
        c.roots
    );
}

/// Each claim's independent roots as the definition says, worked out here from the
/// mentions alone: the innermost source of each mention's chain (its identity across
/// articles, else its id), or the article's own voice; sorted by id.
fn roots_by_definition(run: &Run) -> Vec<Vec<ClaimRoot>> {
    let mut roots: Vec<BTreeMap<String, ClaimRoot>> = vec![BTreeMap::new(); run.claims.len()];
    for m in &run.mentions {
        let claim = run.claims.iter().position(|c| c.id == m.claim).expect("a claim");
        let outlet = &run
            .articles
            .iter()
            .find(|a| a.id == m.article)
            .expect("an article")
            .outlet;
        let root = match m.chain.last() {
            Some(id) => {
                let s = run.sources.iter().find(|s| &s.id == id).expect("a source");
                ClaimRoot {
                    id: s.root.clone().unwrap_or_else(|| s.id.clone()).into(),
                    label: s.label.as_str().into(),
                    anonymous: s.kind == "anonymous",
                }
            }
            None => ClaimRoot {
                id: format!("outlet:{}", claimgraph::model::voice(outlet, &m.article)).into(),
                label: outlet.as_str().into(),
                anonymous: false,
            },
        };
        roots[claim].entry(root.id.to_string()).or_insert(root);
    }
    roots.into_iter().map(|r| r.into_values().collect()).collect()
}

#[test]
fn the_graph_has_a_node_per_claim_voice_and_root_and_an_edge_per_pair() {
    let out = run_dirs(&["fixtures/ain-issa", "fixtures/synthetic-en"]);
    let (run, g) = (&out.run, out.graph.graph());
    let voice = |m: &claimgraph::model::Mention| {
        let outlet = &run.articles.iter().find(|a| a.id == m.article).unwrap().outlet;
        claimgraph::model::voice(outlet, &m.article)
    };
    let voices: BTreeSet<String> = run.mentions.iter().map(voice).collect();
    let carried: BTreeSet<(String, &str)> = run.mentions.iter().map(|m| (voice(m), m.claim.as_str())).collect();
    let roots: BTreeSet<String> = run
        .claims
        .iter()
        .flat_map(|c| &c.roots)
        .map(|r| r.id.to_string())
        .collect();
    assert_eq!(g.node_count(), run.claims.len() + voices.len() + roots.len());
    let count = |f: fn(&Edge) -> bool| g.edge_weights().filter(|e| f(e)).count();
    assert_eq!(count(|e| *e == Edge::Carries), carried.len());
    assert_eq!(
        count(|e| *e == Edge::StandsBehind),
        run.claims.iter().map(|c| c.independent_roots).sum::<usize>()
    );
    assert_eq!(count(|e| matches!(e, Edge::Contradicts(_))), run.relations.len());
}

#[test]
fn independent_roots_are_the_innermost_sources_of_the_mentions() {
    let out = run_dirs(&["fixtures/ain-issa", "fixtures/synthetic-en"]);
    let run = &out.run;
    let expected = roots_by_definition(run);
    for (claim, roots) in run.claims.iter().zip(&expected) {
        assert_eq!(&claim.roots, roots, "{}", claim.id);
        assert_eq!(claim.independent_roots, roots.len());
    }
    // The graph built from a run's mentions (a run read back from JSON) is the one the
    // pipeline built from the articles' digests.
    let again = RunGraph::of(run);
    for k in 0..run.claims.len() {
        assert_eq!(again.roots(k), out.graph.roots(k), "{}", run.claims[k].id);
        assert_eq!(again.outlets(k), out.graph.outlets(k), "{}", run.claims[k].id);
        assert_eq!(again.contested(k), out.graph.contested(k), "{}", run.claims[k].id);
    }
    assert!(run.claims.iter().any(|c| c.independent_roots > 1));
    assert!(run.claims.iter().flat_map(|c| &c.roots).any(|r| r.anonymous));
}

#[test]
fn a_claim_with_many_roots_counts_each_once() {
    // Past 16 roots, a claim's roots are found by hash rather than looked through
    // (`graph::Builder`). Synthetic: twenty officials, each quoted by their own wire, and
    // two of them quoted again by two more wires: twenty roots.
    const NAMES: [&str; 20] = [
        "Samir Abbas",
        "Rami Khalil",
        "Nour Haddad",
        "Fadi Saleh",
        "Omar Najjar",
        "Ziad Farah",
        "Tarek Mansour",
        "Walid Aziz",
        "Jamal Darwish",
        "Bassam Hilal",
        "Adel Sabbagh",
        "Majid Karam",
        "Hani Yusuf",
        "Sami Qasim",
        "Imad Rahal",
        "Nabil Aswad",
        "Karim Tamer",
        "Ayman Jaber",
        "Ehab Nasser",
        "Fouad Zein",
    ];
    let dir = crate::common::scratch("many-roots");
    for (i, name) in NAMES.iter().chain(&[NAMES[0], NAMES[17]]).enumerate() {
        let text = format!(
            "---\noutlet: Wire {i}\npublished: 2019-11-23\nlanguage: en\n---\n\
             A local official, {name}, told Wire {i} that regime forces withdrew from Ain Issa.\n"
        );
        std::fs::write(dir.join(format!("a{i:02}.txt")), text).unwrap();
    }
    let out = pipeline::run(&[dir], &Config::default());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let run = &out.run;
    let withdrew = run.claims.iter().position(|c| c.label.contains("withdrew")).unwrap();
    assert_eq!(run.claims[withdrew].independent_roots, 20);
    assert_eq!(run.claims[withdrew].outlets.len(), 22);
    for (claim, roots) in run.claims.iter().zip(roots_by_definition(run)) {
        assert_eq!(claim.roots, roots, "{}", claim.id);
    }
}

#[test]
fn english_restatements_join_the_arabic_claims() {
    let out = run_dirs(&["fixtures/ain-issa", "fixtures/synthetic-en"]);
    for (ar, en) in [
        (
            ("002", "قام بسحب رتل عسكري جديد"),
            ("e3", "pulled another column out of Ain Issa"),
        ),
        (
            ("000", "انسحبت قوات بشار الأسد من مواقعها"),
            ("e1", "withdrew from their positions in Ain Issa"),
        ),
        (("002", "روسيا طلبت من"), ("e3", "Russia had asked the SDF to leave")),
        (
            ("004", "ورفضت قسد تسليم المدينة"),
            ("e3", "the SDF turned the proposal down flatly"),
        ),
        (
            ("001", "تكثف هجماتها على عين عيسى"),
            ("e4", "intensified their attacks on Ain Issa"),
        ),
        (
            ("003", "مازالوا موجودين في المنطقة الآمنة"),
            ("e2", "were still inside the safe zone"),
        ),
    ] {
        assert!(shares_claim(&out, ar, en), "{ar:?} and {en:?} share no claim");
    }
}

#[test]
fn seeds_and_english_scored_together() {
    let out = claimgraph(
        &[
            "eval",
            "--format",
            "json",
            "--gold",
            "fixtures/ain-issa/gold.toml",
            "--gold",
            "fixtures/synthetic-en/gold.toml",
            "fixtures/ain-issa",
            "fixtures/synthetic-en",
        ],
        None,
    );
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let m = &report["metrics"];
    let ratio = |k: &str| m[k]["hits"].as_f64().unwrap() / m[k]["total"].as_f64().unwrap();
    // Cross-lingual links are most of the cross-outlet pairs here; no false link at all.
    assert!(ratio("link_precision") >= 0.99, "{m}");
    assert!(ratio("link_recall_cross_outlet") >= 0.6, "{m}");
    assert_eq!(
        m["contradiction_recall"]["hits"], m["contradiction_recall"]["total"],
        "{m}"
    );
}

#[test]
fn seeds_meet_the_claim_targets() {
    let out = run_dirs(&["fixtures/ain-issa"]);
    let gold = claimgraph::eval::gold::Gold::load(&seeds_dir().join("gold.toml")).unwrap();
    let report = claimgraph::eval::score(&gold, &out.run, &claimgraph::eval::article_texts(&out.analyses));
    let m = &report.metrics;
    assert!(m.mention_recall.value() >= 0.90);
    assert!(m.link_precision.value() >= 0.95, "{m:?}");
    assert!(m.link_recall.value() >= 0.85, "{m:?}");
    assert!(m.link_recall_cross_outlet.value() >= 0.80, "{m:?}");
    assert_eq!(m.contradiction_recall.hits, 4);
    assert!(m.stance_accuracy.hits >= 6);
    assert_eq!(m.furniture_errors, 0);
}

/// The roles the run reads in `sentence` (an article of one headline line and the
/// sentence, in `language`): per frame mention, its predicate and each role's words.
/// One sentence alone in an article: its text, and its frame mentions (no open claims),
/// each with its claim's key.
fn frame_mentions(language: &str, sentence: &str) -> (String, Vec<(String, claimgraph::model::Mention)>) {
    let dir = crate::common::scratch(&format!("readings-{}", claimgraph::hash::fnv1a(sentence.as_bytes())));
    let text =
        format!("---\noutlet: Test Wire\npublished: 2021-03-02\nlanguage: {language}\n---\nA headline\n\n{sentence}\n");
    std::fs::write(dir.join("a.txt"), &text).unwrap();
    let out = pipeline::run(&[dir], &Config::default());
    let claim = |id: &str| out.run.claims.iter().find(|c| c.id == id).unwrap();
    let mentions = out
        .run
        .mentions
        .iter()
        .filter(|m| !claim(&m.claim).open)
        .map(|m| (claim(&m.claim).key.clone(), m.clone()))
        .collect();
    (text, mentions)
}

fn readings(language: &str, sentence: &str) -> Vec<(String, Vec<(String, String)>)> {
    let (text, mentions) = frame_mentions(language, sentence);
    mentions
        .into_iter()
        .map(|(key, m)| {
            let roles = m
                .roles
                .iter()
                .map(|r| {
                    (
                        r.role.clone(),
                        r.span.map_or(String::new(), |s| text[s.range()].to_owned()),
                    )
                })
                .collect();
            (key, roles)
        })
        .collect()
}

/// The frames of `predicate` among a sentence's readings; there must be one.
fn frames_of<'a, T: std::fmt::Debug>(read: &'a [(String, T)], predicate: &str, sentence: &str) -> Vec<&'a (String, T)> {
    let frames: Vec<_> = read
        .iter()
        .filter(|(key, _)| key.starts_with(&format!("{predicate}(")))
        .collect();
    assert!(!frames.is_empty(), "{sentence}: no {predicate} frame: {read:?}");
    frames
}

/// Asserts that `sentence` makes a frame of `predicate` and that none of them has `role`.
fn no_role(language: &str, sentence: &str, predicate: &str, role: &str) {
    let read = readings(language, sentence);
    for (_, roles) in frames_of(&read, predicate, sentence) {
        assert!(!roles.iter().any(|(r, _)| r == role), "{sentence}: {role}: {read:?}");
    }
}

/// Whether some frame of `predicate` read `role` from exactly `words`.
fn read_as(readings: &[(String, Vec<(String, String)>)], predicate: &str, role: &str, words: &str) -> bool {
    readings
        .iter()
        .filter(|(key, _)| key.starts_with(&format!("{predicate}(")))
        .any(|(_, roles)| roles.iter().any(|(r, w)| r == role && w == words))
}

#[test]
fn roles_no_lexicon_entry_names_are_read_from_the_sentence() {
    // (sentence, language, predicate, role, the words that fill it); every name here is
    // unknown to the lexicons.
    let cases = [
        // The -ing form of a verb the pack lists; "on the outskirts of" says where.
        (
            "The garrison is besieging the old fortress.",
            "en",
            "encircle",
            "target",
            "the old fortress",
        ),
        (
            "Heavy clashes erupted between the militia and the garrison on the outskirts of the city.",
            "en",
            "clash",
            "place",
            "the city",
        ),
        // What a relative clause of being held says is held is the noun it hangs on.
        (
            "The town, which is under the control of the militia, lies on the river.",
            "en",
            "capture",
            "target",
            "The town",
        ),
        (
            "The villages that are under the control of the gunmen were abandoned.",
            "en",
            "capture",
            "target",
            "The villages",
        ),
        // A definite participle of being held, after a comma, describes the noun before.
        (
            "وفر سجناء من سجن في بلدة مروة، الخاضعة لسيطرة الكتيبة.",
            "ar",
            "capture",
            "target",
            "بلدة مروة",
        ),
        // Who claims to have done it is its doer.
        (
            "The brigade claimed to have captured the old fortress.",
            "en",
            "capture",
            "agent",
            "The brigade",
        ),
        // "Neutralised" is how some armies say killed.
        (
            "أعلنت الوزارة تحييد 15 مسلحا في الوادي.",
            "ar",
            "casualties",
            "target",
            "15 مسلحا",
        ),
        // A by-phrase after an active verb's object belongs to the object.
        (
            "Army units repelled an attempt by gunmen to enter the base.",
            "en",
            "repel",
            "agent",
            "Army units",
        ),
        // Who claims responsibility for an act, or denies it, is named as its doer.
        (
            "The cell claimed responsibility for the bombing of the bridge.",
            "en",
            "shell",
            "agent",
            "The cell",
        ),
        (
            "وأعلنت الخلية مسؤوليتها عن الهجوم على الحاجز.",
            "ar",
            "attack",
            "agent",
            "الخلية",
        ),
        ("وتبنت الخلية الهجوم على الحاجز.", "ar", "attack", "agent", "الخلية"),
        // `استعاد` is a hollow verb (its masdar is `استعادة`): its subject stands before it.
        (
            "قالت مصادر إن الجيش استعاد السيطرة على القرية.",
            "ar",
            "capture",
            "agent",
            "الجيش",
        ),
        // A definite broken plural after a definite noun is the verb's object, no adjective.
        (
            "اتهمت الوزارة الفصائل بقصف مدرسة في المدينة.",
            "ar",
            "accuse",
            "agent",
            "الوزارة",
        ),
        (
            "اتهمت الوزارة الفصائل بقصف مدرسة في المدينة.",
            "ar",
            "accuse",
            "target",
            "الفصائل",
        ),
        (
            "وطالبت المنظمة الفصائل بالسماح بدخول المساعدات.",
            "ar",
            "demand",
            "agent",
            "المنظمة",
        ),
        // The object before the demand's content on ب is whom it is made of.
        (
            "وطالبت المنظمة الفصائل بالسماح بدخول المساعدات.",
            "ar",
            "demand",
            "target",
            "الفصائل",
        ),
        // A noun with ب joined is a noun, its genitive what was shelled.
        ("وندد الأهالي بقصف القرية.", "ar", "shell", "target", "القرية"),
        // An -ing form with its object after a subordinator, or opening its clause after a
        // comma, is the main clause's doer's act.
        (
            "The brigade withdrew after shelling the town for a week.",
            "en",
            "shell",
            "agent",
            "The brigade",
        ),
        (
            "Rebel fighters struck a car near the border, killing two guards.",
            "en",
            "casualties",
            "agent",
            "Rebel fighters",
        ),
        (
            "Rebel fighters attacked the water plant in the eastern district.",
            "en",
            "attack",
            "target",
            "the water plant",
        ),
        (
            "Rebel fighters attacked the water plant in the eastern district.",
            "en",
            "attack",
            "place",
            "the eastern district",
        ),
        (
            "Rebel fighters attacked the water plant in the eastern district.",
            "en",
            "attack",
            "agent",
            "Rebel fighters",
        ),
        (
            "The old fortress was captured after a week of fighting.",
            "en",
            "capture",
            "target",
            "The old fortress",
        ),
        (
            "Officials said the capture of the hill by local militias surprised them.",
            "en",
            "capture",
            "target",
            "the hill",
        ),
        // The subject of a mediopassive verb is what befell it; an adjective after a
        // noun is not where the object starts.
        (
            "وقال القائد إن البلدة تحررت بالكامل.",
            "ar",
            "capture",
            "target",
            "البلدة",
        ),
        (
            "وأسفر القصف عن أضرار كبيرة بمنازل الحي.",
            "ar",
            "damage",
            "target",
            "بمنازل الحي",
        ),
        (
            "Officials said the capture of the hill by local militias surprised them.",
            "en",
            "capture",
            "agent",
            "local militias",
        ),
        (
            "شن مسلحون مجهولون هجوما على محطة المياه في الحي الشرقي.",
            "ar",
            "attack",
            "target",
            "محطة المياه",
        ),
        (
            "شن مسلحون مجهولون هجوما على محطة المياه في الحي الشرقي.",
            "ar",
            "attack",
            "place",
            "الحي الشرقي",
        ),
        (
            "وقالت المصادر إن الهجوم الذي شنه مسلحون مجهولون استهدف المحطة.",
            "ar",
            "attack",
            "agent",
            "مسلحون مجهولون",
        ),
        (
            "وأكد المتحدث أنها صدت الهجوم على القلعة.",
            "ar",
            "repel",
            "agent",
            "أنها",
        ),
        // An Arabic name after a preposition of place is a place: Arabic has no
        // capitals, a name no article.
        (
            "يستمر القتال في كراسنوغوروفكا منذ أيام.",
            "ar",
            "clash",
            "place",
            "كراسنوغوروفكا",
        ),
        // A verbal noun joined by و has its own subject after it.
        (
            "سيطر الجيش على البلدة واستسلام عشرات المسلحين.",
            "ar",
            "surrender",
            "agent",
            "عشرات المسلحين",
        ),
        // A verb and its preposition apart (VSO).
        ("سيطر الجيش على البلدة.", "ar", "capture", "agent", "الجيش"),
        ("سيطر الجيش على البلدة.", "ar", "capture", "target", "البلدة"),
        // An acronym no lexicon lists is a name; a form's object after "on Monday".
        (
            "KLA militants attacked the depot in the northern city of Dasht on January 20.",
            "en",
            "attack",
            "agent",
            "KLA militants",
        ),
        // A listed acronym in capitals is that party, not "is".
        (
            "IS militants attacked the depot in the northern city of Dasht on January 20.",
            "en",
            "attack",
            "agent",
            "IS",
        ),
        (
            "KLA militants attacked the depot in the northern city of Dasht on January 20.",
            "en",
            "attack",
            "target",
            "the depot",
        ),
        (
            "after the troops captured this hill town in mid-May",
            "en",
            "capture",
            "target",
            "this hill town",
        ),
        // Forms of one event that follow each other are one trigger.
        (
            "The rebels regained full control over the old jail in the eastern quarter.",
            "en",
            "capture",
            "target",
            "the old jail",
        ),
        // A participle with its by-phrase acts on the noun before it.
        (
            "They stormed the old prison controlled by the river brigade.",
            "en",
            "capture",
            "agent",
            "the river brigade",
        ),
        // A subject between the reporting verb and the event is the event's.
        (
            "The Halvard Institute says its fighters attacked the depot.",
            "en",
            "attack",
            "agent",
            "its fighters",
        ),
        // A by-phrase belongs to the event word right before it.
        (
            "Northern fighters withdraw from the town besieged by the army.",
            "en",
            "withdraw",
            "agent",
            "Northern fighters",
        ),
        // Where it left from is the place of a withdrawal, a pronoun-owned noun not.
        (
            "The Ukrainian units withdrew from the salt town of Verkhnie.",
            "en",
            "withdraw",
            "place",
            "the salt town of Verkhnie",
        ),
        (
            "انسحبت القوات من بلدة الوادي فجر اليوم.",
            "ar",
            "withdraw",
            "place",
            "بلدة الوادي",
        ),
        (
            "انسحبت القوات من مواقعها في بلدة الوادي.",
            "ar",
            "withdraw",
            "place",
            "بلدة الوادي",
        ),
        // A by-phrase's known party is the doer, an adjective before it or not; "by
        // continuing" says how, not who.
        (
            "Fighters stormed the old jail controlled by US-backed SDF units.",
            "en",
            "capture",
            "agent",
            "SDF",
        ),
        (
            "The army violated the truce by continuing to shell the town.",
            "en",
            "breach",
            "agent",
            "The army",
        ),
        // A place adverb needs no preposition.
        (
            "The rebels said heavy fighting went on there for days.",
            "en",
            "clash",
            "place",
            "there",
        ),
        // "We" did it: the word itself says who.
        ("تقدمنا من المحور الجنوبي للبلدة.", "ar", "advance", "agent", "تقدمنا"),
        // A by-phrase names the doer, known or not.
        (
            "أعلنت القيادة السيطرة على المعبر من قبل قواتنا.",
            "ar",
            "capture",
            "agent",
            "قواتنا",
        ),
        // The genitive of a transitive verbal noun is what it acts on.
        (
            "شاركت الكتيبة في تحرير بلدة الوادي.",
            "ar",
            "capture",
            "target",
            "بلدة الوادي",
        ),
        // "Under the control of": the holder is the agent, what it holds the target.
        (
            "The hill town remains under the control of local militias, the mayor said.",
            "en",
            "capture",
            "agent",
            "local militias",
        ),
        (
            "The hill town remains under the control of local militias, the mayor said.",
            "en",
            "capture",
            "target",
            "The hill town",
        ),
        ("The depot is not under our control.", "en", "capture", "agent", "our"),
        (
            "وتؤكد المصادر أن البلدة لا تزال تحت سيطرة مقاتليها.",
            "ar",
            "capture",
            "agent",
            "مقاتليها",
        ),
        (
            "وتؤكد المصادر أن البلدة لا تزال تحت سيطرة مقاتليها.",
            "ar",
            "capture",
            "target",
            "البلدة",
        ),
        // A relative clause's verb is done by the noun it hangs on.
        (
            "Officials named the gunmen who stormed the depot.",
            "en",
            "capture",
            "agent",
            "the gunmen",
        ),
        (
            "كشفت الوزارة عن هوية الكتائب التي اقتحمت الثكنة.",
            "ar",
            "capture",
            "agent",
            "الكتائب",
        ),
        // The possessive owns the place meant; a town taken needs no other place.
        (
            "Gunmen attacked a depot in Syria's Idlib province on Monday.",
            "en",
            "attack",
            "place",
            "Idlib province",
        ),
        // The subject of a passive past an apposition set off by commas.
        (
            "The town of Dasht, located east of the river, has been brought under control.",
            "en",
            "capture",
            "target",
            "The town of Dasht",
        ),
        // A known place with ب ends the phrase before it.
        (
            "شن المسلحون هجوما على مستودع الوقود بالرقة.",
            "ar",
            "attack",
            "place",
            "بالرقة",
        ),
        // `خاضعة لسيطرة`: subject to the control of.
        (
            "وقال المجلس إن القرية باتت خاضعة لسيطرة الكتيبة.",
            "ar",
            "capture",
            "agent",
            "الكتيبة",
        ),
        // An undefined verbal noun's genitive is its own subject.
        (
            "أعلنت قوات الأمن انتهاء الاشتباكات وفرار عشرات المسلحين.",
            "ar",
            "escape",
            "agent",
            "عشرات المسلحين",
        ),
        // A pronoun on the preposition is what was acted on; a verbal noun's possessive
        // after a preposition is its doer.
        (
            "وجاء ذلك بعد إعلان الكتيبة السيطرة عليها.",
            "ar",
            "capture",
            "target",
            "عليها",
        ),
        (
            "واصلت القوات تقدمها بعد سيطرتها على التلة.",
            "ar",
            "capture",
            "agent",
            "سيطرتها",
        ),
        // A verb's plural ending is no masdar's long vowel: its subject stands before it.
        (
            "وقال المصدر إن مسلحين هاجموا الحاجز.",
            "ar",
            "attack",
            "agent",
            "مسلحين",
        ),
        // A known party inside an English verb's object is its target.
        (
            "The militia is fighting the Syrian Democratic Forces (SDF) near the dam.",
            "en",
            "clash",
            "target",
            "Syrian Democratic Forces",
        ),
        // A place said right after the trigger is more specific than the clause's topic.
        (
            "In Dasht, fighting goes on in the old industrial district.",
            "en",
            "clash",
            "place",
            "the old industrial district",
        ),
        // A pronoun-owned place adverb needs no preposition.
        ("وتحدث القائد عن بطء التقدم داخلها.", "ar", "advance", "place", "داخلها"),
        // A past tense before the noun ends the phrase.
        (
            "Since Monday the villagers have faced militia attacks again.",
            "en",
            "attack",
            "agent",
            "militia",
        ),
        // A light verb's subject is the doer of the event its object names.
        (
            "Local militias carried out an assault on the old depot.",
            "en",
            "attack",
            "agent",
            "Local militias",
        ),
        (
            "شن المسلحون هجوما على مستودع الوقود.",
            "ar",
            "attack",
            "agent",
            "المسلحون",
        ),
        // A speaker confirming or announcing its own act is its agent.
        (
            "The brigade confirmed its full withdrawal from the hill.",
            "en",
            "withdraw",
            "agent",
            "The brigade",
        ),
        ("وأقرت الكتيبة بالانسحاب من التلة.", "ar", "withdraw", "agent", "الكتيبة"),
        // "Managed to", `تمكنت من`: the verb's subject does the event; a relative clause
        // may stand between it and the verb.
        (
            "The militia managed to capture the hill.",
            "en",
            "capture",
            "agent",
            "The militia",
        ),
        (
            "وقالت المصادر إن الكتيبة، التي يقودها ضباط منشقون، تمكنت من استعادة التلة.",
            "ar",
            "capture",
            "agent",
            "الكتيبة",
        ),
        // Who suffers an event is its target.
        (
            "وتعرضت القوات لهجوم عنيف في حي الطاحونة.",
            "ar",
            "attack",
            "target",
            "القوات",
        ),
        (
            "For days the guards had faced militia attacks.",
            "en",
            "attack",
            "target",
            "the guards",
        ),
        // A number's partitive من joins its phrase.
        (
            "وقتل 77 من العاملين في المصنع.",
            "ar",
            "casualties",
            "target",
            "77 من العاملين",
        ),
        // A time adverbial between the subject and its verb.
        (
            "Kurdish fighters on Wednesday retook the old mill.",
            "en",
            "capture",
            "agent",
            "Kurdish fighters",
        ),
        (
            "The rebels gained back control over the river town of Kerran.",
            "en",
            "capture",
            "target",
            "the river town of Kerran",
        ),
        // A bare participle with its by-phrase acts on the noun before it.
        (
            "Residents of the mill district besieged by the militia fled.",
            "en",
            "encircle",
            "target",
            "the mill district",
        ),
        // The pronoun a complementizer carries stands for the subject before it; a
        // feminine object pronoun for the place named last.
        (
            "وقالت الكتيبة إنها سيطرت على التلة.",
            "ar",
            "capture",
            "agent",
            "الكتيبة",
        ),
        (
            "وحاصرت الفصائل بلدة عين عيسى أياما إلى أن احتلتها.",
            "ar",
            "capture",
            "target",
            "عين عيسى",
        ),
        // An English possessive before a noun trigger names its doer, even past another
        // party named earlier in the sentence.
        (
            "The Turkish raid on the depot ended the militiamen's boldest offensive in years.",
            "en",
            "attack",
            "agent",
            "militiamen",
        ),
        // A name's bracketed abbreviation is the same mention: the relative pronoun
        // stands for the name.
        (
            "Guards handed the depot to the Syrian Democratic Forces (SDF), which took control of the hill on Monday.",
            "en",
            "capture",
            "agent",
            "Syrian Democratic Forces",
        ),
        // A place noun heads a place; what a verb after an Arabic noun trigger reached
        // is its target, the nisba adjective between them describes it.
        (
            "وقالت المصادر إن اشتباكات عنيفة اندلعت في المعسكر.",
            "ar",
            "clash",
            "place",
            "المعسكر",
        ),
        (
            "وشنت الطائرات غارات جوية طالت المباني السكنية في البلدة.",
            "ar",
            "shell",
            "target",
            "المباني السكنية",
        ),
        // What fell is the target; whom it fell to, the doer.
        (
            "The hill town of Kerran fell to the militia on Monday.",
            "en",
            "capture",
            "agent",
            "the militia",
        ),
        (
            "The hill town of Kerran fell to the militia on Monday.",
            "en",
            "capture",
            "target",
            "The hill town of Kerran",
        ),
        // A country's adjective next to a noun trigger names the doer.
        (
            "Residents said Russian shelling hit the market.",
            "en",
            "shell",
            "agent",
            "Russian",
        ),
        (
            "وقالت المصادر إن القصف الروسي طال السوق.",
            "ar",
            "shell",
            "agent",
            "الروسي",
        ),
        (
            "وقالت المصادر إن الغارات الجوية التركية طالت السوق.",
            "ar",
            "shell",
            "agent",
            "التركية",
        ),
        // An event noun before a verb is its subject: what follows the verb is its object.
        (
            "وقالت المصادر إن القصف الروسي استهدف البلدة.",
            "ar",
            "attack",
            "target",
            "البلدة",
        ),
        // An English noun's genitive is its doer unless the act is done to something; a
        // quantity's partitive من joins its phrase.
        (
            "Officials announced the withdrawal of the militia from the hill.",
            "en",
            "withdraw",
            "agent",
            "the militia",
        ),
        (
            "وقالت المصادر إن عدداً من المسلحين فروا من السجن.",
            "ar",
            "escape",
            "agent",
            "عدداً من المسلحين",
        ),
        (
            "وتمكن عدد من المسلحين من الفرار من السجن.",
            "ar",
            "escape",
            "agent",
            "عدد من المسلحين",
        ),
        // An English subject's phrase after a preposition belongs to it.
        (
            "Residents said Turkish strikes on the village killed two people.",
            "en",
            "casualties",
            "agent",
            "Turkish strikes on the village",
        ),
        // A quantity's adjective before its partitive stays in the phrase.
        (
            "وأدى القصف إلى تدمير عدد كبير من البيوت في القرية.",
            "ar",
            "damage",
            "target",
            "عدد كبير من البيوت",
        ),
        // A first-person verb stands for its speaker, named where the speaker is.
        (
            "“كتيبة الساحل”: سيطرنا على قرية الوادي",
            "ar",
            "capture",
            "agent",
            "كتيبة الساحل",
        ),
        (
            "وقال المتحدث باسم الكتيبة إن مقاتليها سيطروا على التلة، مضيفا: \"تقدمنا نحو القرية\".",
            "ar",
            "advance",
            "agent",
            "المتحدث باسم",
        ),
        // A town lost is a town taken, by someone the sentence does not name.
        (
            "The army denied the loss of the hill town.",
            "en",
            "capture",
            "target",
            "the hill town",
        ),
        // A count right before an undergoer is who suffered it.
        (
            "The failed raid and the clashes that followed left more than 40 dead.",
            "en",
            "casualties",
            "target",
            "more than 40",
        ),
        // Where an advance or a deployment goes is where it happens.
        (
            "The brigade advanced to the town of Marwa on Sunday.",
            "en",
            "advance",
            "place",
            "the town of Marwa",
        ),
        (
            "وتقدمت الكتيبة نحو بلدة الجبلية فجر اليوم.",
            "ar",
            "advance",
            "place",
            "بلدة الجبلية",
        ),
        (
            "وتقدمت الكتيبة نحو بلدة الجبلية فجر اليوم.",
            "ar",
            "advance",
            "agent",
            "الكتيبة",
        ),
        // A word that bounds a count opens the count's phrase.
        (
            "وأسفرت الغارة عن مقتل نحو 30 عنصرا من الكتيبة.",
            "ar",
            "casualties",
            "target",
            "نحو 30 عنصرا من الكتيبة",
        ),
        // Two sides joined by "and" before a mutual verb: the first its agent, the other
        // its target.
        (
            "The army and the rebels clashed near the dam on Sunday.",
            "en",
            "clash",
            "agent",
            "The army",
        ),
        (
            "The army and the rebels clashed near the dam on Sunday.",
            "en",
            "clash",
            "target",
            "rebels",
        ),
        // "Between A backed by C and B": B is the other side.
        (
            "Clashes broke out between the army backed by allied militias and the rebels near the dam.",
            "en",
            "clash",
            "target",
            "rebels",
        ),
        // Who suffered it goes on past the end of its first phrase: a conjunct.
        (
            "وأعلن المرصد مقتل 12 عنصرا من الشرطة المحلية والحرس البلدي.",
            "ar",
            "casualties",
            "target",
            "12 عنصرا من الشرطة المحلية والحرس البلدي",
        ),
        // A complementizer's pronoun after an SVO verb stands for that verb's subject.
        (
            "والكتيبة تتظاهر بأنها سيطرت على التلة.",
            "ar",
            "capture",
            "agent",
            "والكتيبة",
        ),
        // A headline's present tense.
        (
            "Rebels retake the old fort in the hills.",
            "en",
            "capture",
            "target",
            "the old fort",
        ),
        // A definite noun heads no genitive: the place noun after it is the object, and
        // what was entered is where it happened.
        (
            "ودخلت الكتيبة بلدة مروة بعد ظهر اليوم.",
            "ar",
            "enter",
            "agent",
            "الكتيبة",
        ),
        (
            "ودخلت الكتيبة بلدة مروة بعد ظهر اليوم.",
            "ar",
            "enter",
            "place",
            "بلدة مروة",
        ),
        // A pronoun on another noun is its owner, not the object: its residents.
        (
            "ودخلت الكتيبة بلدة مروة وهجّرت سكانها عنها.",
            "ar",
            "displace",
            "target",
            "سكانها",
        ),
        // Two sides, "on one side … on the other".
        (
            "اندلعت مواجهات بين حرس الحدود من جهة ومهربين مسلحين من جهة أخرى.",
            "ar",
            "clash",
            "target",
            "ومهربين مسلحين",
        ),
        // Who suffered it, where and when standing between.
        (
            "تعرضت مخازن الحبوب في البلدة لقصف صاروخي من قبل الكتيبة.",
            "ar",
            "shell",
            "target",
            "مخازن الحبوب",
        ),
        (
            "تعرضت مخازن الحبوب في البلدة لقصف صاروخي من قبل الكتيبة.",
            "ar",
            "shell",
            "place",
            "البلدة",
        ),
        (
            "تعرض الجسر قبل أيام لهجوم بالتنسيق مع كتيبة الصقور.",
            "ar",
            "attack",
            "target",
            "الجسر",
        ),
        // A definite noun heads no genitive: a place noun after it is the object.
        (
            "طوقت الكتيبة البلدة من جهاتها الثلاث.",
            "ar",
            "encircle",
            "target",
            "البلدة",
        ),
        // With what comes before what.
        (
            "استهدفت الكتيبة بالمدفعية الثقيلة قرية تل الورد.",
            "ar",
            "attack",
            "target",
            "قرية تل الورد",
        ),
        // The partner of a one-sided act is no target.
        (
            "هاجمت الكتيبة الجسر بالتنسيق مع كتيبة الصقور.",
            "ar",
            "attack",
            "target",
            "الجسر",
        ),
        (
            "The brigade attacked the depot in coordination with the Hawks Battalion.",
            "en",
            "attack",
            "target",
            "the depot",
        ),
        // An event further on keeps its own object.
        (
            "قُتل ثلاثة حراس جراء قصف على الجسر.",
            "ar",
            "casualties",
            "target",
            "ثلاثة حراس",
        ),
        // A count after an undergoer is who suffered it; `بينهم` ends the phrase.
        (
            "ارتفعت حصيلة القتلى في البلدة إلى 40 شخصا بينهم 10 حراس.",
            "ar",
            "casualties",
            "target",
            "40 شخصا",
        ),
        // The second side after a first of four words.
        (
            "وقعت مواجهات بين قوات “كتيبة الصقور الأولى” و “حرس الحدود”.",
            "ar",
            "clash",
            "target",
            "و “حرس الحدود",
        ),
        // A verb whose ending is its plural subject has its object after it.
        ("اقتحموا الجسر فجرا.", "ar", "capture", "target", "الجسر"),
        // An English subject with the phrase a preposition joins to it; a light verb's
        // subject past a manner adverb, and past a participle before the noun.
        (
            "Gunmen from the hills staged a raid on the depot.",
            "en",
            "attack",
            "agent",
            "Gunmen from the hills",
        ),
        (
            "The gunners steadily delivered coordinated strikes against the ridge.",
            "en",
            "shell",
            "agent",
            "The gunners",
        ),
        // After a noun, a participle with a preposition describes it; a past verb
        // names what the noun's event reached.
        (
            "The ridge fell after shells fired on its defenders by the gunners.",
            "en",
            "shell",
            "target",
            "its defenders",
        ),
        (
            "Mortar strikes destroyed the grain depot on Sunday.",
            "en",
            "shell",
            "target",
            "the grain depot",
        ),
        (
            "Residents said Russian shelling hit the market.",
            "en",
            "shell",
            "target",
            "the market",
        ),
        // A verb is not a noun because "the" stands before its subject: "the army took
        // the town" names its object, past the words the form lists.
        (
            "The militia took the town of Marda.",
            "en",
            "capture",
            "target",
            "the town of Marda",
        ),
        ("The militia struck the depot.", "en", "shell", "target", "the depot"),
        // A light verb whose pronoun takes up the event noun before it names its doer,
        // with no relative word and past the noun's object.
        (
            "قتل راع في غارات شنتها طائرات مسيرة على الوادي.",
            "ar",
            "shell",
            "agent",
            "طائرات مسيرة",
        ),
        (
            "وأعلنت القيادة السيطرة على التلة نفذتها كتيبة المشاة.",
            "ar",
            "capture",
            "agent",
            "كتيبة المشاة",
        ),
        // A light verb's subject may be described before the verb's own preposition.
        (
            "تمكنت وحدات من الحرس خلال الليل من استعادة التلة.",
            "ar",
            "capture",
            "agent",
            "وحدات",
        ),
        // A quantifier after a definite noun opens the verb's object.
        (
            "سحبت الكتيبة جميع عناصرها من التلة.",
            "ar",
            "withdraw",
            "agent",
            "الكتيبة",
        ),
        // A mutual act's other side after "with", `مع`, named or not.
        (
            "The gunmen clashed with the village guards.",
            "en",
            "clash",
            "target",
            "the village guards",
        ),
        ("اشتبك المسلحون مع حرس القرية.", "ar", "clash", "target", "حرس القرية"),
        (
            "توصل المسلحون إلى اتفاق مع وجهاء القرية.",
            "ar",
            "agree",
            "target",
            "وجهاء القرية",
        ),
        // An English passive's subject past a marker between "is" and the participle.
        (
            "The hill village is allegedly besieged by the gunmen.",
            "en",
            "encircle",
            "target",
            "The hill village",
        ),
        // Who flee of themselves are the agent; whom a cause made flee, or who were
        // displaced, the target.
        ("نزح مئات السكان من القرية.", "ar", "displace", "agent", "مئات السكان"),
        (
            "Hundreds of families fled the hill village.",
            "en",
            "displace",
            "agent",
            "Hundreds of families",
        ),
        (
            "Hundreds of families fled the hill village.",
            "en",
            "displace",
            "place",
            "the hill village",
        ),
        (
            "وأدى القصف إلى نزوح عشرات الأسر من البلدة.",
            "ar",
            "displace",
            "target",
            "عشرات الأسر",
        ),
        (
            "Hundreds of families were displaced.",
            "en",
            "displace",
            "target",
            "Hundreds of families",
        ),
        // An English passive's subject before the participle that describes it, or with
        // the phrase a preposition joins to it.
        (
            "The hill village located east of the river in the north was captured on Monday.",
            "en",
            "capture",
            "target",
            "The hill village",
        ),
        (
            "Villages in the north were shelled.",
            "en",
            "shell",
            "target",
            "Villages in the north",
        ),
        // An English passive in a relative clause acts on the relative's head.
        (
            "Officials said the shepherds who were detained by the militia had been freed.",
            "en",
            "detain",
            "target",
            "the shepherds",
        ),
        (
            "The hill village, which was captured last week, is quiet.",
            "en",
            "capture",
            "target",
            "The hill village",
        ),
        // A toll's count after "to" past a comma.
        (
            "ارتفعت حصيلة القتلى في الوادي، إلى نحو 40 شخصا.",
            "ar",
            "casualties",
            "target",
            "نحو 40 شخصا",
        ),
        // A word an apostrophe splits is one word, not an article after it.
        (
            "The militia regained control of the al-Qal’a fort.",
            "en",
            "capture",
            "target",
            "the al-Qal’a fort",
        ),
        // A kind of place a known place owns is where, in it.
        (
            "The militia regained control of the fort in Aleppo’s eastern district.",
            "en",
            "capture",
            "place",
            "Aleppo’s eastern district",
        ),
        // A demand to leave a place: where its content would happen is its place.
        (
            "طالب الضباط بانسحاب المسلحين من منطقة منبج.",
            "ar",
            "demand",
            "place",
            "منبج",
        ),
        (
            "The officers demanded a withdrawal of the gunmen from the hill village.",
            "en",
            "demand",
            "place",
            "the hill village",
        ),
        // A Latin name with marks is capitalised as any other.
        (
            "Gunmen attacked a checkpoint in Ödemiş.",
            "en",
            "attack",
            "place",
            "Ödemiş",
        ),
        // Aspectual light verbs give the event their subject.
        (
            "Gunmen stepped up attacks on the depot.",
            "en",
            "attack",
            "agent",
            "Gunmen",
        ),
        ("صعدت الكتيبة قصفها على الوادي.", "ar", "shell", "agent", "الكتيبة"),
        // A count belongs to its time phrase, and the verb before it is passed over.
        (
            "The brigade has three days to withdraw from the hill.",
            "en",
            "withdraw",
            "agent",
            "The brigade",
        ),
        // Kinds of place: `مساحات`, areas.
        (
            "تقدمت الكتيبة في مساحات أخرى من الوادي.",
            "ar",
            "advance",
            "place",
            "مساحات أخرى",
        ),
        // "From it": the pronoun is the place, the town named last the one meant; the
        // time after it ends the sentence (no subject follows).
        (
            "دخلت الكتيبة مدينة منبج ثم انسحبت منها فجرا",
            "ar",
            "withdraw",
            "place",
            "منها",
        ),
        ("تمكن عشرات السجناء من الفرار منه.", "ar", "escape", "place", "منه"),
        // Where any event happened, after a preposition of place.
        (
            "استسلم المسلحون في الوادي الشرقي.",
            "ar",
            "surrender",
            "place",
            "الوادي الشرقي",
        ),
        (
            "The gunmen surrendered in the eastern valley.",
            "en",
            "surrender",
            "place",
            "the eastern valley",
        ),
        // A verb's subject after it, past a time.
        (
            "انتشرت صباح الاثنين قوات الحرس في القرية.",
            "ar",
            "deploy",
            "agent",
            "قوات الحرس",
        ),
        // The people of a place named by a pronoun say where: the place named last
        // before them, not the one that says where that place lies.
        (
            "سيطرت الفصائل على مدينة منبج. وأدى القصف إلى نزوح عشرات الأسر من سكانها.",
            "ar",
            "displace",
            "place",
            "منبج",
        ),
        (
            "دخلت القوات مدينة منبج بريف حلب الشرقي بعد قصف تسبب بنزوح مئات من سكانها.",
            "ar",
            "displace",
            "place",
            "منبج",
        ),
        (
            "Rebels captured Manbij on Monday. Thousands of its residents fled.",
            "en",
            "displace",
            "place",
            "Manbij",
        ),
        // An Arabic light verb's subject with a من-phrase that says from whom.
        (
            "شن مقاتلون من العشيرة هجوما على الجسر.",
            "ar",
            "attack",
            "agent",
            "مقاتلون من العشيرة",
        ),
        // A light verb's subject past a modal; a time phrase ends the object.
        (
            "The brigade could launch an offensive on the depot.",
            "en",
            "attack",
            "agent",
            "The brigade",
        ),
        (
            "The brigade may attack the depot next week.",
            "en",
            "attack",
            "target",
            "the depot",
        ),
        // A passive of an act done to nothing: its subject did it.
        (
            "The reserve battalions were deployed to the northern ridge.",
            "en",
            "deploy",
            "agent",
            "The reserve battalions",
        ),
        // To whom one surrenders, past the article; after a definite noun a word with ل
        // attached starts a phrase of its own.
        (
            "The last gunmen surrendered to the SDF at dawn.",
            "en",
            "surrender",
            "target",
            "SDF",
        ),
        (
            "استسلم المسلحون لقوات سوريا الديمقراطية.",
            "ar",
            "surrender",
            "agent",
            "المسلحون",
        ),
        // A numeral of the pack is a number as digits are.
        (
            "A column of forty trucks reached the depot.",
            "en",
            "column",
            "number",
            "forty",
        ),
        // Light verbs, one inside another.
        ("وقامت الكتيبة بشن غارات على الجسر.", "ar", "shell", "agent", "الكتيبة"),
        ("قامت الكتيبة بقصف الجسر.", "ar", "shell", "agent", "الكتيبة"),
        // A patron named after an allegiance word is not the doer; the noun before is.
        (
            "Gunmen backed by Turkey attacked the depot.",
            "en",
            "attack",
            "agent",
            "Gunmen",
        ),
        (
            "Fighters loyal to Ankara captured two hamlets.",
            "en",
            "capture",
            "agent",
            "Fighters",
        ),
        (
            "مسلحون مدعومون من تركيا هاجموا المستودع.",
            "ar",
            "attack",
            "agent",
            "مسلحون",
        ),
        // A participle with its by-phrase says whom the act was done to.
        (
            "A militia supported by foreign jets held the ridge.",
            "en",
            "support",
            "target",
            "A militia",
        ),
        // What was repelled is the event's own words.
        (
            "The guards repelled an assault on the depot.",
            "en",
            "repel",
            "target",
            "an assault",
        ),
        ("صد الحراس هجوما على المستودع.", "ar", "repel", "target", "هجوما"),
        // A relative on a verb's object brings no subject of the verb's.
        (
            "ترفض الكتيبة الانسحاب الذي تطالب به البلدية.",
            "ar",
            "refuse",
            "agent",
            "الكتيبة",
        ),
        // A relative word is no adjective: the verb after it has its own subject.
        (
            "يخشى الأهالي الهجوم الذي تهدد به الكتيبة.",
            "ar",
            "threaten",
            "agent",
            "الكتيبة",
        ),
        // Words of destruction, and giving oneself up, in both languages.
        (
            "Bulldozers demolished homes in the old quarter.",
            "en",
            "damage",
            "target",
            "homes",
        ),
        (
            "المسلحون يجرفون منازل في حي الزيتون.",
            "ar",
            "damage",
            "target",
            "منازل",
        ),
        (
            "The last gunmen turned themselves in at dawn.",
            "en",
            "surrender",
            "agent",
            "The last gunmen",
        ),
        ("توغلت القوات في ريف البلدة الشرقي.", "ar", "advance", "agent", "القوات"),
        // An indefinite accusative after a definite noun says why or how: the phrase ends.
        (
            "وانسحبت القوات من المنطقة الحدودية تنفيذاً لاتفاق مع البلدية.",
            "ar",
            "withdraw",
            "place",
            "المنطقة الحدودية",
        ),
        // A second preposition of place right after the first: the place follows it.
        ("وقعت اشتباكات في داخل المستودع.", "ar", "clash", "place", "المستودع"),
        // The subject of a vowelled passive is what the act was done to.
        ("اُقتحم المستودع فجر اليوم.", "ar", "capture", "target", "المستودع"),
        // A compass phrase says where.
        (
            "Gunmen attacked a checkpoint north of Kafr Zita.",
            "en",
            "attack",
            "place",
            "Kafr Zita",
        ),
        // After an article the compass word is a noun: "the east of" is a place phrase.
        (
            "Gunmen attacked a checkpoint in the east of the province.",
            "en",
            "attack",
            "place",
            "the east of the province",
        ),
        // A verb's subject past a pronoun's compound preposition.
        (
            "انتشرت بموجبه قوات الحرس في التلال القريبة.",
            "ar",
            "deploy",
            "agent",
            "قوات الحرس",
        ),
        // Where a trigger of going in or reaching went is its place; the genitive of
        // its verbal noun is who went.
        (
            "Militia fighters entered the old market district of Kavra on Monday.",
            "en",
            "enter",
            "place",
            "the old market district of Kavra",
        ),
        (
            "The patrol reached the coastal road near the dam.",
            "en",
            "reach",
            "place",
            "the coastal road",
        ),
        (
            "وأكد القيادي دخول مقاتلي الكتيبة إلى بلدة كفر زيتا.",
            "ar",
            "enter",
            "agent",
            "مقاتلي الكتيبة",
        ),
        (
            "وأكد القيادي دخول مقاتلي الكتيبة إلى بلدة كفر زيتا.",
            "ar",
            "enter",
            "place",
            "بلدة كفر زيتا",
        ),
        (
            "ونفت الكتيبة الوصول للطريق الساحلي.",
            "ar",
            "reach",
            "place",
            "للطريق الساحلي",
        ),
        // A name ending in ي after such a noun is who went, not an adjective; a word in
        // construct with a definite noun is no adjective either.
        ("بعد وصول ناجي إلى المدينة بساعات.", "ar", "reach", "agent", "ناجي"),
        (
            "ونفت الكتيبة وصول مقاتليها إلى أطراف البلدة.",
            "ar",
            "reach",
            "place",
            "أطراف البلدة",
        ),
        // A place adverb at the text's end.
        ("The fighting went on there", "en", "clash", "place", "there"),
        // An operation's name is no object; a preposition of place says where.
        (
            "The army launched Operation Desert Wind east of the Tigris River.",
            "en",
            "attack",
            "place",
            "the Tigris River",
        ),
        (
            "The army launched Operation Desert Wind against the rebels.",
            "en",
            "attack",
            "target",
            "rebels",
        ),
        // Aggression is an attack; what an embedding act takes that names no event is
        // what it was about.
        (
            "واصلت الكتيبة عدوانها على القرى الحدودية.",
            "ar",
            "attack",
            "target",
            "القرى الحدودية",
        ),
        (
            "وقال إن الكتيبة رفضت المقترح الروسي.",
            "ar",
            "refuse",
            "target",
            "المقترح الروسي",
        ),
        // An Arabic verb that takes its object after it names its subject first.
        (
            "واتهمت قوات سوريا الديمقراطية تركيا باستهداف الجسر.",
            "ar",
            "accuse",
            "agent",
            "قوات سوريا الديمقراطية",
        ),
        (
            "واتهمت قوات سوريا الديمقراطية تركيا باستهداف الجسر.",
            "ar",
            "accuse",
            "target",
            "تركيا",
        ),
        // "As" opens a clause: the place phrase ends before it. An indefinite sound
        // plural takes no genitive: the definite noun after it is the object.
        (
            "Dozens of families fled the town as fighting intensified.",
            "en",
            "displace",
            "place",
            "the town",
        ),
        ("واقتحم مسلحون السجن فجرا.", "ar", "capture", "target", "السجن"),
        // A light verb's subject does the event its object names; a place right after
        // a verb of going in is where they went; a word with ب after a definite subject
        // says what for; a scene verb's subject is where it happened.
        (
            "\"We have taken full control of the town,\" a commander of the brigade told reporters.",
            "en",
            "capture",
            "agent",
            "We",
        ),
        (
            "وكانت القوات قد دخلت البلدة الأسبوع الماضي.",
            "ar",
            "enter",
            "place",
            "البلدة",
        ),
        ("وطالب الأهالي بفتح ممر آمن.", "ar", "demand", "agent", "الأهالي"),
        (
            "وتشهد المدينة منذ أيام اشتباكات متقطعة بين الطرفين.",
            "ar",
            "clash",
            "place",
            "المدينة",
        ),
        (
            "The town saw heavy fighting overnight.",
            "en",
            "clash",
            "place",
            "The town",
        ),
        // A participle with its own object ends the phrase; a number's groups of three
        // digits are one number; an ambush is an attack.
        (
            "Government troops regained control of the highway linking the two cities.",
            "en",
            "capture",
            "target",
            "the highway",
        ),
        (
            "The shelling has displaced more than 100,000 people.",
            "en",
            "displace",
            "number",
            "100,000",
        ),
        (
            "Rebels ambushed a supply column near the dam.",
            "en",
            "attack",
            "place",
            "the dam",
        ),
        // The accused is the object of "accused"; who was forced to act did it; what is
        // under siege or subjected to it is its target.
        (
            "The spokesman accused the government of violating the truce.",
            "en",
            "accuse",
            "target",
            "the government",
        ),
        (
            "The army was forced to withdraw from its positions after heavy shelling.",
            "en",
            "withdraw",
            "agent",
            "The army",
        ),
        ("واضطر الجيش إلى الانسحاب من مواقعه.", "ar", "withdraw", "agent", "الجيش"),
        (
            "Residents said the town had been under siege for a month.",
            "en",
            "encircle",
            "target",
            "the town",
        ),
        (
            "وقال سكان إن البلدة تخضع للحصار منذ شهر.",
            "ar",
            "encircle",
            "target",
            "البلدة",
        ),
        // Control handed to someone is taken by them; a light verb of seizing has the
        // doer; the imperfect of entering is read.
        (
            "The militia handed control of the checkpoint to the police.",
            "en",
            "capture",
            "agent",
            "the police",
        ),
        (
            "وانتزعت القوات الحكومية السيطرة على البلدة من الفصائل.",
            "ar",
            "capture",
            "agent",
            "القوات الحكومية",
        ),
        ("وقال مسؤول إن الجيش لم يدخل البلدة.", "ar", "enter", "agent", "الجيش"),
        // Where they went is no doer; the doer is the subject before the verb.
        (
            "وقالت الوزارة إن قافلة من عشرين عربة دخلت الرقة صباحا.",
            "ar",
            "enter",
            "agent",
            "قافلة من عشرين عربة",
        ),
        // A partitive من joins a subject after a complementizer; a verb of reaching
        // after an event noun takes what it reached; "dropped" is a light verb.
        (
            "وذكرت الوكالة أن وحدات من الجيش تصدت لهجوم على التلة.",
            "ar",
            "repel",
            "agent",
            "وحدات من الجيش",
        ),
        (
            "وأكد ناشطون أن القصف المدفعي طال الأحياء السكنية في المدينة.",
            "ar",
            "shell",
            "target",
            "الأحياء السكنية",
        ),
        (
            "Local media reported that government aircraft dropped barrel bombs on the town.",
            "en",
            "shell",
            "agent",
            "government aircraft",
        ),
        // A verb of suffering's subject after a complementizer.
        (
            "وأفاد المركز بأن المنطقة تتعرض لقصف متواصل.",
            "ar",
            "shell",
            "target",
            "المنطقة",
        ),
        (
            "وأكد القيادي هجوم مقاتلي الكتيبة على البلدة.",
            "ar",
            "attack",
            "agent",
            "مقاتلي الكتيبة",
        ),
        // A denial or announcement of the speaker's own act, by its possessive or a
        // gerund.
        (
            "ونفت القوات الحكومية انسحابها من البلدة.",
            "ar",
            "withdraw",
            "agent",
            "القوات الحكومية",
        ),
        (
            "The army denied withdrawing from the town.",
            "en",
            "withdraw",
            "agent",
            "The army",
        ),
        (
            "وأعلنت الفصائل سيطرتها على القرية.",
            "ar",
            "capture",
            "agent",
            "الفصائل",
        ),
        // A purpose clause with ل after a definite noun is no part of its phrase.
        ("ودخلت القوات البلدة لتأمين الطريق.", "ar", "enter", "place", "البلدة"),
        // Light verbs: an indefinite accusative takes no genitive after it.
        (
            "وجه قائد الفصيل تهديدا للقوات الحكومية.",
            "ar",
            "threaten",
            "agent",
            "قائد الفصيل",
        ),
        (
            "The army continued its shelling of rebel positions around the city.",
            "en",
            "shell",
            "agent",
            "The army",
        ),
        (
            "ونصب مقاتلون من الفصائل كمينا لدورية حكومية قرب حماة ما أدى إلى مقتل خمسة جنود.",
            "ar",
            "attack",
            "agent",
            "مقاتلون من الفصائل",
        ),
        // An embedding verb that binds nothing itself still takes its content.
        ("وأعلن الجيش صد هجوم على المدينة.", "ar", "repel", "target", "هجوم"),
        // "and" between two names joins them.
        (
            "Rebels regained control of the villages of Zaytuna and Tal Ward in the north.",
            "en",
            "capture",
            "target",
            "the villages of Zaytuna and Tal Ward",
        ),
        // A country's nisba after an event noun and its adjective names the doer.
        ("قصف مدفعي تركي يستهدف القرى.", "ar", "shell", "agent", "تركي"),
        // Past whom the subject answers to, the verb's object.
        (
            "وهاجمت قوات الحكومة المدعومة بالطيران الروسي البلدة.",
            "ar",
            "attack",
            "target",
            "البلدة",
        ),
        (
            "وهاجمت قوات الحكومة المدعومة بالطيران الروسي البلدة.",
            "ar",
            "attack",
            "agent",
            "قوات الحكومة",
        ),
        (
            "واقتحمت فصائل موالية لتركيا البلدة.",
            "ar",
            "capture",
            "target",
            "البلدة",
        ),
        // A participle between commas is said of the noun before them.
        (
            "The Syrian army, backed by Russian air power, pushed into the town.",
            "en",
            "support",
            "target",
            "Syrian army",
        ),
        // An English relative clause between a subject and its verb, with "who" or
        // "that".
        (
            "Fighters who had stormed the prison surrendered to the guards.",
            "en",
            "surrender",
            "agent",
            "Fighters",
        ),
        (
            "The militia that attacked the village withdrew on Sunday.",
            "en",
            "withdraw",
            "agent",
            "The militia",
        ),
        (
            "The militia that attacked the village withdrew on Sunday.",
            "en",
            "attack",
            "agent",
            "The militia",
        ),
        // A verb whose object is the pronoun on its preposition: its subject follows.
        (
            "نفذت الطائرات الروسية أكثر من 20 غارة على مناطق تسيطر عليها الفصائل في الريف.",
            "ar",
            "capture",
            "agent",
            "الفصائل",
        ),
        (
            "Moscow's forces continued to pound the hill with artillery.",
            "en",
            "shell",
            "target",
            "the hill",
        ),
        (
            "ودكت المدفعية مواقع الكتيبة في محيط البلدة.",
            "ar",
            "shell",
            "agent",
            "المدفعية",
        ),
        // What comes under attack is its target, not something held "under" someone.
        (
            "The checkpoint came under attack by unknown gunmen on Tuesday.",
            "en",
            "attack",
            "target",
            "The checkpoint",
        ),
        // `أقدم على`, `عمد إلى`: light verbs whose subject does the event.
        (
            "وأقدمت مجموعة مسلحة على اختطاف ثلاثة مدنيين قرب القرية.",
            "ar",
            "detain",
            "agent",
            "مجموعة مسلحة",
        ),
        ("وعمدت الفصائل إلى تفجير الجسر.", "ar", "attack", "agent", "الفصائل"),
        // A definite count after a definite subject starts the verb's object.
        (
            "واعتقلت القوات الكردية العشرات من المشتبه بهم في مداهمات.",
            "ar",
            "detain",
            "agent",
            "القوات الكردية",
        ),
        // `لقي … حتفه`: the idiom of dying, its subject between.
        (
            "ولقي ثلاثة مدنيين حتفهم جراء سقوط قذيفة على منزلهم.",
            "ar",
            "casualties",
            "target",
            "ثلاثة مدنيين",
        ),
        // `نا` on a verb is "we", not the accusative: what follows is its object.
        ("حررنا القرية بعد معارك عنيفة.", "ar", "capture", "target", "القرية"),
        // With where it was said between, a complementizer's pronoun stands for the
        // reporting verb's subject.
        (
            "وقالت الوزارة في بيان على موقعها إنها سيطرت على البلدة.",
            "ar",
            "capture",
            "agent",
            "الوزارة",
        ),
        // "Pushed back" is a repulse.
        (
            "Ukrainian troops pushed back a Russian assault near the village.",
            "en",
            "repel",
            "agent",
            "Ukrainian troops",
        ),
        // "Be" with no noun after it carries the subject as a pronoun would.
        (
            "ونفت الجماعة أن تكون هاجمت القافلة.",
            "ar",
            "attack",
            "agent",
            "الجماعة",
        ),
        // A short stem after بال is a phrase of its own.
        ("وتوعد المسلحون بالرد على القصف.", "ar", "threaten", "agent", "المسلحون"),
        // Who tries, decides or prepares to do it is its doer, in any tense.
        ("وحاولت الكتيبة اقتحام التلة.", "ar", "capture", "agent", "الكتيبة"),
        ("وقرر المسلحون الانسحاب من التلة.", "ar", "withdraw", "agent", "المسلحون"),
        ("واستعدت الكتيبة لمهاجمة التلة.", "ar", "attack", "agent", "الكتيبة"),
        ("وسيحاول المسلحون اقتحام التلة.", "ar", "capture", "agent", "المسلحون"),
        // The verbal noun of a form III verb (مفاعلة) names the event and takes its
        // object as its genitive, as a derived verb's noun does.
        ("واستعدت الكتيبة لمهاجمة التلة.", "ar", "attack", "target", "التلة"),
        (
            "وتواصل الكتيبة محاصرة بلدة كفرنبل.",
            "ar",
            "encircle",
            "target",
            "بلدة كفرنبل",
        ),
        ("وشارك الجنود في مداهمة المخازن.", "ar", "attack", "target", "المخازن"),
        // Whom a verb of support backs is its object, named by no lexicon or not; who
        // provides it is the subject of the light verb.
        (
            "Coalition jets supported the river brigade.",
            "en",
            "support",
            "target",
            "the river brigade",
        ),
        (
            "The coalition provided air support to the river brigade.",
            "en",
            "support",
            "agent",
            "The coalition",
        ),
        // A plural pronoun on the complementizer stands for no single speaker: it is
        // carried as written; a plural speaker is what it stands for.
        ("وقال القائد إنهم انسحبوا من التلة.", "ar", "withdraw", "agent", "إنهم"),
        (
            "وقال المسؤولون إنهم انسحبوا من التلة.",
            "ar",
            "withdraw",
            "agent",
            "المسؤولون",
        ),
        // Holding out is still being there.
        (
            "The garrison was holding out in the old fortress.",
            "en",
            "remain",
            "agent",
            "The garrison",
        ),
        (
            "وأشاد القائد بصمود المقاتلين في القلعة.",
            "ar",
            "remain",
            "agent",
            "المقاتلين",
        ),
        // A partitive من after a word for part joins its phrase.
        (
            "وسيطرت الكتيبة على أجزاء من البلدة.",
            "ar",
            "capture",
            "target",
            "أجزاء من البلدة",
        ),
        ("وتحدث الأهالي عن تدمير الجسر.", "ar", "damage", "target", "الجسر"),
        // What a causal verb's عن introduces is its result, not a presupposed cause.
        (
            "وقصفت الطائرات بلدة كفرنبل مما أسفر عن مقتل ثلاثة مدنيين.",
            "ar",
            "casualties",
            "target",
            "ثلاثة مدنيين",
        ),
    ];
    for (sentence, language, predicate, role, words) in cases {
        let read = readings(language, sentence);
        assert!(
            read_as(&read, predicate, role, words),
            "{sentence}: {predicate} {role} «{words}»: {read:?}"
        );
    }
}

#[test]
fn an_event_an_embedding_verb_relative_clause_describes_is_its_content() {
    for (language, sentence, noun) in [
        (
            "en",
            "Residents fear the offensive that the militia has threatened for weeks.",
            "offensive",
        ),
        (
            "ar",
            "يخشى الأهالي العملية العسكرية التي تهدد بها الكتيبة منذ أسابيع.",
            "العملية العسكرية",
        ),
    ] {
        let read = readings(language, sentence);
        assert!(
            read_as(&read, "threaten", "complement", noun),
            "{sentence}: the threat's content: {read:?}"
        );
        assert!(
            !read.iter().any(|(key, _)| key.starts_with("attack(")),
            "{sentence}: no attack of its own: {read:?}"
        );
    }
}

#[test]
fn a_role_the_sentence_does_not_state_stays_empty() {
    // A passive names no agent; a date is no place.
    for (sentence, language, predicate, role) in [
        (
            "The old fortress was captured after a week of fighting.",
            "en",
            "capture",
            "agent",
        ),
        ("تمت السيطرة على القلعة القديمة.", "ar", "capture", "agent"),
        ("Fighters attacked the depot in early March.", "en", "attack", "place"),
        ("وشنت الفصائل هجوما مضادا عند الفجر.", "ar", "attack", "target"),
        // A nisba after the event noun describes it: it names no doer.
        ("شهدت البلدة قصفا مدفعيا على الجسر.", "ar", "shell", "agent"),
        ("تعرض الجسر لقصف صاروخي.", "ar", "shell", "agent"),
        // A verb whose ending is its plural subject has no subject after it.
        ("يقتحمون الجسر كل ليلة.", "ar", "capture", "agent"),
        ("The village was taken under control.", "en", "capture", "agent"),
        // A perfect written with the passive's damma names no doer.
        ("اُقتحم المستودع فجر اليوم.", "ar", "capture", "agent"),
        // A town acted on is where it happened: no place besides.
        ("دخلت القوات بلدة تل تمر بعد محاصرتها.", "ar", "encircle", "place"),
        // What was entered is where it happened, not what was done to.
        (
            "Militia fighters entered the old market district of Kavra on Monday.",
            "en",
            "enter",
            "target",
        ),
        ("تعرضت البلدة لقصف مدفعي الليلة.", "ar", "shell", "agent"),
        // A place before "after", `بعد`, is where the main clause happened, not the
        // adverbial's event; where they went is no doer.
        (
            "Tensions rose in Raqqa after clashes between the guards and the rebels.",
            "en",
            "clash",
            "place",
        ),
        (
            "وتصاعد التوتر في الرقة بعد اشتباكات بين الحرس والمسلحين.",
            "ar",
            "clash",
            "place",
        ),
        // "There are clashes": an existential clause has no doer before it.
        (
            "The rebels' assault began at dawn and there are heavy battles near Raqqa.",
            "en",
            "clash",
            "agent",
        ),
        // An indefinite accusative after the event noun is its adjective, no doer.
        ("ونفذت هجوما مضادا عند الفجر على التلة.", "ar", "attack", "agent"),
        // A passive light verb's subject is what it was done to.
        (
            "The old quarter was taken under control after the siege.",
            "en",
            "capture",
            "agent",
        ),
        // A country's adjective is no place.
        (
            "Two people were killed in Russian shelling of the city overnight.",
            "en",
            "casualties",
            "place",
        ),
        // An operation's name is no object.
        (
            "The army launched Operation Desert Wind east of the Tigris River.",
            "en",
            "attack",
            "target",
        ),
        // A known party in a passive's subject did not do the act.
        (
            "The assault by the SDF on the depot was repelled.",
            "en",
            "repel",
            "agent",
        ),
        // `في ظروف صعبة` says how, not where.
        ("اشتبك المسلحون مع الحراس في ظروف صعبة.", "ar", "clash", "place"),
        // Who came under shelling, named by a country's adjective, did not shell.
        (
            "Russian forces came under heavy shelling near the village.",
            "en",
            "shell",
            "agent",
        ),
        ("وتعرضت القوات الروسية لقصف عنيف قرب القرية.", "ar", "shell", "agent"),
        // Who condemns shelling did not shell.
        ("وندد الأهالي بقصف القرية.", "ar", "shell", "agent"),
        // An event noun an adjunct heads is not done by the main clause's subject.
        (
            "Government forces entered the town amid heavy shelling.",
            "en",
            "shell",
            "agent",
        ),
        ("دخلت قوات النظام البلدة وسط قصف مكثف.", "ar", "shell", "agent"),
        ("دخلت قوات النظام البلدة في ظل قصف مكثف.", "ar", "shell", "agent"),
        // A town taken is where it happened: a place after it says where it lies.
        ("سيطرت الكتيبة على بلدة كفر زيتا في ريف حماة.", "ar", "capture", "place"),
        // A gerund with no auxiliary, or a noun after a preposition, has no subject before it.
        (
            "Witnesses said heavy fighting went on in the town of Kavra.",
            "en",
            "clash",
            "agent",
        ),
        (
            "The offensive will not lead to an encirclement of the town.",
            "en",
            "encircle",
            "agent",
        ),
        // A noun by its ending, with no article, after a preposition.
        (
            "The new road could end in encirclement of the hill.",
            "en",
            "encircle",
            "agent",
        ),
        // "In the scope of" says in what, not where.
        (
            "The ministry said its units captured the Dasht depot within the scope of Operation Desert Wind.",
            "en",
            "capture",
            "place",
        ),
        // "This time" says when, not what was attacked.
        (
            "The militia raid this time was heavier, officials said.",
            "en",
            "attack",
            "target",
        ),
        // A denial names no doer: the denier did not do it.
        (
            "The mayor denied the capture of the hill town.",
            "en",
            "capture",
            "agent",
        ),
        // "Said" tells of someone else's act unless a possessive says otherwise.
        (
            "The mayor said the capture of the hill town was a lie.",
            "en",
            "capture",
            "agent",
        ),
        // Who lost a town did not take it.
        ("The militia lost the hill town on Monday.", "en", "capture", "agent"),
        // A fall names no doer unless "to" or `بيد` does.
        (
            "Residents said the fall of the hill town was a matter of days.",
            "en",
            "capture",
            "agent",
        ),
        // A verb after a noun trigger is no party to it.
        ("وقالت المصادر إن اشتباكات اندلعت في المعسكر.", "ar", "clash", "agent"),
        // What left people dead did not kill them.
        (
            "The Turkish raid on the depot left 12 guards dead.",
            "en",
            "casualties",
            "agent",
        ),
        // An adjective describes the event; it names no one.
        (
            "Residents said heavy clashes erupted in the mill district on Sunday.",
            "en",
            "clash",
            "agent",
        ),
        ("ودارت معارك ضارية في حي الطاحونة ليلة أمس.", "ar", "clash", "agent"),
        // A mediopassive verb names what befell its subject, and no doer.
        ("وقال القائد إن البلدة تحررت بالكامل.", "ar", "capture", "agent"),
        // A preposition with a pronoun (`خلالهما`, during them) names no one.
        (
            "ودام القصف يومين استطاعت خلالهما السيطرة على التلة.",
            "ar",
            "capture",
            "agent",
        ),
        // An indefinite article and an adjective before a noun are its own, not a
        // subject; nor is a participle that describes it.
        (
            "The column drove into an unexpected assault on the ford.",
            "en",
            "attack",
            "agent",
        ),
        (
            "Residents said coordinated strikes hit the depot.",
            "en",
            "shell",
            "agent",
        ),
        // `الاثنين` is Monday, not two.
        ("انتشرت صباح الاثنين قوات الحرس في القرية.", "ar", "deploy", "number"),
        // A quantity's partitive من says of whom, not from where.
        ("وهروب العشرات من نزلاء الجناح.", "ar", "escape", "place"),
        // What a refused act would act on is not the refusal's place.
        (
            "The gunmen refused to hand over the hill village.",
            "en",
            "refuse",
            "place",
        ),
        // `إلى داخل`: where to, not where.
        ("انسحبت الكتيبة إلى داخل الثكنة.", "ar", "withdraw", "place"),
        // A party is no place: `في قوات سوريا الديمقراطية` says among whom.
        (
            "وقاتل المتطوعون في قوات سوريا الديمقراطية ضد الحراس.",
            "ar",
            "clash",
            "place",
        ),
        // What befell the genitive after an undergoer's noun was not done by it.
        (
            "مقتل عنصرين من قوات النظام بانفجار لغم أرضي.",
            "ar",
            "casualties",
            "agent",
        ),
        // An event after a preposition is not done by a party named after another one.
        (
            "A commander of Hayat Tahrir al-Sham was killed in a drone strike near the village.",
            "en",
            "shell",
            "agent",
        ),
        (
            "وقتل قيادي في هيئة تحرير الشام بغارة لطائرة مسيرة قرب القرية.",
            "ar",
            "shell",
            "agent",
        ),
    ] {
        let read = readings(language, sentence);
        let frames = frames_of(&read, predicate, sentence);
        assert!(
            frames.iter().all(|(_, roles)| roles.iter().all(|(r, _)| r != role)),
            "{sentence}: {predicate} has a {role}: {read:?}"
        );
    }
}

#[test]
fn a_denial_of_what_was_said_before_states_no_roles() {
    // "The army denied this": the denial joins the claim it denies, but its own sentence
    // names no one and nothing.
    let read = readings(
        "en",
        "Local sources said rebel fighters captured the hill village of Kavra.\n\nThe army denied the reports.",
    );
    let captures: Vec<_> = read.iter().filter(|(key, _)| key.starts_with("capture(")).collect();
    assert_eq!(captures.len(), 2, "{read:?}");
    assert!(captures.iter().any(|(_, roles)| roles.is_empty()), "{read:?}");
    assert!(captures.iter().any(|(_, roles)| !roles.is_empty()), "{read:?}");
}

#[test]
fn an_event_word_inside_a_known_name_is_part_of_the_name() {
    // `للتحرير` (liberation) in the National Liberation Front's name is no capture.
    let read = readings("ar", "وصل وفد من الجبهة الوطنية للتحرير إلى القرية صباح اليوم.");
    assert!(read.iter().all(|(key, _)| !key.starts_with("capture(")), "{read:?}");
}

#[test]
fn fighting_that_breaks_out_is_no_escape() {
    // "broke out" alone says a fight began; only "broke out of" a place is an escape.
    let read = readings("en", "Fighting broke out again between the two factions near the dam.");
    assert!(read.iter().all(|(key, _)| !key.starts_with("escape(")), "{read:?}");
    let read = readings("en", "Dozens of inmates broke out of the jail.");
    assert!(read.iter().any(|(key, _)| key.starts_with("escape(")), "{read:?}");
}

#[test]
fn a_hedged_event_is_said_to_have_happened_and_an_intended_one_is_not() {
    let reality = |sentence: &str| {
        let (_, mentions) = frame_mentions("en", sentence);
        let (_, m) = mentions
            .into_iter()
            .find(|(_, m)| !m.roles.is_empty())
            .expect("a frame");
        (m.reality, m.stance)
    };
    use claimgraph::model::{Reality, Stance};
    // "may" + a verb: it may happen; "may have" + a participle: it may have happened.
    for (sentence, expected) in [
        (
            "Rebel fighters have likely captured the hill.",
            (Reality::Actual, Stance::Hedged),
        ),
        (
            "Rebel fighters would capture the hill.",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "Rebel fighters may capture the hill.",
            (Reality::Irrealis, Stance::Hedged),
        ),
        (
            "Rebel fighters may have captured the hill.",
            (Reality::Actual, Stance::Hedged),
        ),
        // A perfect infinitive after a hedge or a claim happened, as its speaker holds.
        (
            "Rebel fighters are believed to have captured the hill.",
            (Reality::Actual, Stance::Hedged),
        ),
        (
            "Rebel fighters claimed to have captured the hill.",
            (Reality::Actual, Stance::Distanced),
        ),
        // A wish or an attempt reports no event, with a light verb between "to" and
        // the event noun too.
        (
            "Rebel fighters want to launch an offensive on the hill.",
            (Reality::Irrealis, Stance::Plain),
        ),
        // An obligation reports no event.
        (
            "Rebel fighters must withdraw from the hill.",
            (Reality::Irrealis, Stance::Plain),
        ),
        // Nor does an event prevented.
        (
            "The new checkpoints prevented attacks on the hill.",
            (Reality::Irrealis, Stance::Plain),
        ),
        // "If confirmed": the reporter holds it unverified, not done.
        (
            "If confirmed, rebel fighters' capture of the hill would be their first gain.",
            (Reality::Irrealis, Stance::Hedged),
        ),
        // A claim named as a claim: the reporter keeps a distance.
        (
            "The town was tense amid claims that rebel fighters captured the hill.",
            (Reality::Actual, Stance::Distanced),
        ),
        // "Alleged": the reporter marks doubt.
        (
            "The alleged capture of the hill by rebel fighters was celebrated in the camp.",
            (Reality::Actual, Stance::Distanced),
        ),
        // A modal governs the verb after it and that verb's object.
        (
            "Rebel fighters may try to keep up their raids on the hill.",
            (Reality::Irrealis, Stance::Hedged),
        ),
        (
            "The new road will not lead to the encirclement of the hill.",
            (Reality::Irrealis, Stance::Plain),
        ),
        // Another event between ends its reach.
        (
            "Rebel fighters will say that the militia captured the hill last week.",
            (Reality::Actual, Stance::Plain),
        ),
        // An aspectual verb's "to", and the "to" of "thanks to", govern nothing.
        (
            "Rebel fighters continued to attack the hill on Sunday.",
            (Reality::Actual, Stance::Plain),
        ),
        (
            "The hill fell thanks to raids by rebel fighters.",
            (Reality::Actual, Stance::Plain),
        ),
        // After a causal verb the infinitive is what it brought about.
        (
            "The shelling forced rebel fighters to withdraw from the hill.",
            (Reality::Actual, Stance::Plain),
        ),
        // "So-called" doubts a name, not what is told of it.
        (
            "Rebel fighters captured the hill from the so-called river brigade.",
            (Reality::Actual, Stance::Plain),
        ),
        // A preposition's "to" with a name after it is no infinitive.
        (
            "Fighters loyal to the governor captured the hill.",
            (Reality::Actual, Stance::Plain),
        ),
        // What is prepared, expected or conditional has not happened.
        (
            "Rebel fighters are preparing an offensive on the hill.",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "Rebel fighters are expected to withdraw from the hill.",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "If rebel fighters capture the hill, the road will open.",
            (Reality::Irrealis, Stance::Plain),
        ),
        // Unconfirmed reports are hedged, whatever clause names them.
        (
            "According to unconfirmed reports, rebel fighters captured the hill.",
            (Reality::Actual, Stance::Hedged),
        ),
    ] {
        assert_eq!(reality(sentence), expected, "{sentence}");
    }
}

#[test]
fn arabic_intentions_fears_and_conditions_report_no_event() {
    use claimgraph::model::{Reality, Stance};
    for (sentence, predicate, expected) in [
        (
            "وتستعد الكتيبة لشن هجوم على التلة.",
            "attack",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "ويخشى الأهالي أن تهاجم الكتيبة القرية.",
            "attack",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "وإذا سقطت التلة فإن الطريق سيكون مفتوحا.",
            "capture",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "ومن المتوقع أن تنسحب الكتيبة من التلة.",
            "withdraw",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "وبحسب تقارير غير مؤكدة، دخلت الكتيبة البلدة.",
            "enter",
            (Reality::Actual, Stance::Hedged),
        ),
        // A verb of trying or deciding, in the past too: what it governs was not done.
        (
            "وحاولت الكتيبة اقتحام التلة.",
            "capture",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "وقرر المسلحون الانسحاب من التلة.",
            "withdraw",
            (Reality::Irrealis, Stance::Plain),
        ),
        (
            "وخططت الكتيبة لمهاجمة التلة.",
            "attack",
            (Reality::Irrealis, Stance::Plain),
        ),
        // `وسعت` (widened) is no `سعت` (sought).
        (
            "ووسعت الكتيبة سيطرتها على التلال.",
            "capture",
            (Reality::Actual, Stance::Plain),
        ),
        // A contested account named as one, with its source: the source's, at a distance;
        // a statement is held plain.
        (
            "وبحسب رواية الوزارة، هاجمت الكتيبة التلة.",
            "attack",
            (Reality::Actual, Stance::Distanced),
        ),
        (
            "وبحسب بيان الوزارة، هاجمت الكتيبة التلة.",
            "attack",
            (Reality::Actual, Stance::Plain),
        ),
        // `ادعت` (claimed) is no `دعت` (called for): a claim, kept at a distance.
        (
            "وادعت الكتيبة أنها قصفت السوق.",
            "shell",
            (Reality::Actual, Stance::Distanced),
        ),
    ] {
        let (_, mentions) = frame_mentions("ar", sentence);
        let keys: Vec<&str> = mentions.iter().map(|(key, _)| key.as_str()).collect();
        let frame = mentions
            .iter()
            .find(|(key, _)| key.starts_with(&format!("{predicate}(")));
        assert!(
            frame.is_some_and(|(_, m)| (m.reality, m.stance) == expected) && keys.len() == 1,
            "{sentence}: {mentions:?}"
        );
    }
}

#[test]
fn one_event_named_twice_in_a_clause_is_one_frame() {
    // A verb, its subject and its object noun name one capture.
    for (language, sentence) in [
        (
            "ar",
            "واستعادت فصائل المعارضة السيطرة على قريتي الزيتونة وتل الورد في ريف حماة.",
        ),
        (
            "en",
            "Rebels regained control of the villages of Zaytuna and Tal Ward in the north.",
        ),
    ] {
        let read = readings(language, sentence);
        let captures = frames_of(&read, "capture", sentence);
        assert!(
            captures.len() == 1
                && ["agent", "target"]
                    .iter()
                    .all(|role| captures[0].1.iter().any(|(r, _)| r == role)),
            "{sentence}: {read:?}"
        );
    }
}

#[test]
fn a_source_withholding_its_name_demands_nothing() {
    for (language, sentence) in [
        (
            "en",
            "A commander who asked not to be identified said the troops withdrew from the town.",
        ),
        (
            "en",
            "The spokesman, who declined to be named, said the troops withdrew from the town.",
        ),
    ] {
        let read = readings(language, sentence);
        let keys: Vec<&str> = read.iter().map(|(key, _)| key.as_str()).collect();
        assert!(
            keys.len() == 1 && keys[0].starts_with("withdraw("),
            "{sentence}: {read:?}"
        );
    }
}

#[test]
fn a_denial_of_ones_own_act_is_a_denial_by_its_speaker() {
    use claimgraph::model::Polarity;
    for (language, sentence) in [
        // "Reports" after a denial is its object, not a new reporting verb.
        (
            "en",
            "The army denied reports that its forces had withdrawn from the town.",
        ),
        ("ar", "ونفى الجيش انسحابه من البلدة."),
        ("ar", "ونفت القوات الحكومية انسحابها من البلدة."),
        ("en", "The army denied withdrawing from the town."),
    ] {
        let (_, mentions) = frame_mentions(language, sentence);
        let withdrawals: Vec<_> = mentions
            .iter()
            .filter(|(key, _)| key.starts_with("withdraw("))
            .collect();
        assert!(
            !withdrawals.is_empty()
                && withdrawals
                    .iter()
                    .all(|(_, m)| m.polarity == Polarity::Denies && !m.chain.is_empty()),
            "{sentence}: {mentions:?}"
        );
    }
}

#[test]
fn negation_reaches_through_light_verbs_coordination_and_pretence() {
    let polarities = |language: &str, sentence: &str| {
        let (_, mentions) = frame_mentions(language, sentence);
        mentions
            .into_iter()
            .map(|(key, m)| (key, m.polarity))
            .collect::<Vec<_>>()
    };
    use claimgraph::model::Polarity;
    for (language, sentence, predicate) in [
        // A negated suffer verb governs the event its object names.
        ("ar", "وقال القائد إن الكتيبة لم تتعرض لأي حصار في التلة.", "encircle"),
        // "no X or Y": the second event is denied too.
        (
            "en",
            "The commander said the militia made no raid or capture near the hill.",
            "capture",
        ),
        // Pretending to have done it is saying it was not done.
        ("ar", "والكتيبة تتظاهر بأنها سيطرت على التلة.", "capture"),
    ] {
        let read = polarities(language, sentence);
        let frames = frames_of(&read, predicate, sentence);
        assert!(
            frames.iter().all(|(_, p)| *p == Polarity::Denies),
            "{sentence}: {read:?}"
        );
    }
}

#[test]
fn what_a_speaker_says_someone_should_do_is_a_demand_and_not_done() {
    use claimgraph::model::Reality;
    // (language, sentence, agent words, target words); "" where none is named.
    for (language, sentence, agent, target) in [
        (
            "en",
            "The envoy said the brigade should leave the hill.",
            "envoy",
            "the brigade",
        ),
        (
            "en",
            "The monitors said the guards in the camp must free the boys.",
            "monitors",
            "the guards",
        ),
        // A first-person subject demands of itself.
        ("en", "\"We must rebuild the bridge,\" the mayor said.", "We", ""),
        // A passive names no one it is demanded of.
        (
            "en",
            "The raid on the depot must be investigated, the council said.",
            "the council",
            "",
        ),
        (
            "ar",
            "وقال المبعوث إنه يجب على الكتيبة أن تغادر التلة.",
            "المبعوث",
            "الكتيبة",
        ),
        // A call, an appeal: whom it is made of stands before the content's infinitive,
        // or before its إلى or على.
        (
            "en",
            "The mayor appealed to the militia to leave the town.",
            "The mayor",
            "the militia",
        ),
        (
            "en",
            "The council called for the withdrawal of the brigade from the hill.",
            "The council",
            "",
        ),
        ("ar", "ودعا المجلس الكتيبة إلى الانسحاب من التلة.", "المجلس", "الكتيبة"),
        ("ar", "وناشد المجلس الكتيبة الانسحاب من التلة.", "المجلس", ""),
    ] {
        let (text, mentions) = frame_mentions(language, sentence);
        let demand = mentions
            .iter()
            .find(|(key, _)| key.starts_with("demand("))
            .unwrap_or_else(|| panic!("{sentence}: no demand: {mentions:?}"));
        let words = |role: &str| {
            demand
                .1
                .roles
                .iter()
                .find(|r| r.role == role)
                .and_then(|r| r.span)
                .map_or("", |s| &text[s.range()])
        };
        assert_eq!(
            (words("agent"), words("target"), demand.1.reality),
            (agent, target, Reality::Irrealis),
            "{sentence}"
        );
        // What is demanded is not reported as done (the raid to be investigated was).
        assert!(
            mentions.iter().all(|(key, m)| key.starts_with("demand(")
                || key.starts_with("attack(")
                || m.reality == Reality::Irrealis),
            "{sentence}: {mentions:?}"
        );
    }
    // Inference, reproach and condition demand nothing; nor does an event expected
    // ("should end by Friday").
    for sentence in [
        "The brigade must have left the hill before dawn.",
        "The brigade should have left the hill.",
        "Should the talks fail, the brigade will leave the hill.",
        "The withdrawal should end by Friday, the envoy said.",
    ] {
        let (_, mentions) = frame_mentions("en", sentence);
        assert!(
            mentions.iter().all(|(key, _)| !key.starts_with("demand(")),
            "{sentence}: {mentions:?}"
        );
    }
}

#[test]
fn what_was_repelled_is_the_attack_not_whose_it_was() {
    // The party after the attack (known here) made it; it was not what was repelled.
    let sentence = "وأكد المتحدث أن مقاتليهم صدوا هجوما لقوات النظام.";
    let read = readings("ar", sentence);
    assert!(read_as(&read, "repel", "target", "هجوما"), "{sentence}: {read:?}");
}

#[test]
fn a_subordinate_clause_has_its_own_subject() {
    // The party of the main clause, known or not, did not do what the clause after
    // "after" says another did.
    for sentence in [
        "The SDF withdrew from the village after the militia stormed it.",
        "The garrison withdrew after the militia stormed the hill.",
    ] {
        let read = readings("en", sentence);
        let doers: Vec<&str> = read
            .iter()
            .filter(|(key, _)| key.starts_with("attack(") || key.starts_with("capture("))
            .flat_map(|(_, roles)| roles.iter().filter(|(r, _)| r == "agent").map(|(_, w)| w.as_str()))
            .collect();
        assert_eq!(doers, ["the militia"], "{sentence}: {read:?}");
    }
}

#[test]
fn a_patron_joined_by_a_hyphen_is_not_the_party() {
    // "Turkish-backed gunmen" are the gunmen: their patron is neither the agent nor the
    // claim's key; a country's adjective alone still names its forces.
    for (sentence, key, agent) in [
        (
            "Turkish-backed gunmen shelled the hill.",
            "shell(?, ?)",
            "Turkish-backed gunmen",
        ),
        (
            "Russian-aligned militias entered the town.",
            "enter(?, ?)",
            "Russian-aligned militias",
        ),
        ("Russian shelling hit the hill.", "shell(regime, ?)", "Russian"),
    ] {
        let read = readings("en", sentence);
        assert!(
            read.iter()
                .any(|(k, roles)| k == key && roles.iter().any(|(r, w)| r == "agent" && w == agent)),
            "{sentence}: {read:?}"
        );
    }
}

#[test]
fn an_event_said_to_be_possible_or_expected_makes_no_frame() {
    // A `prospective` adjective: after the noun in both languages, before it in English.
    // (language, predicate, the sentence with it, the same sentence without it).
    for (language, predicate, with, without) in [
        (
            "en",
            "clash",
            "Officials reported possible clashes near the hill.",
            "Officials reported clashes near the hill.",
        ),
        (
            "en",
            "clash",
            "Clashes expected near the hill, officials said.",
            "Clashes near the hill, officials said.",
        ),
        (
            "en",
            "attack",
            "Residents fear a potential offensive on the hill.",
            "Residents fear an offensive on the hill.",
        ),
        (
            "ar",
            "clash",
            "وحذر المسؤولون من المواجهات المحتملة قرب التلة.",
            "وحذر المسؤولون من المواجهات قرب التلة.",
        ),
        (
            "ar",
            "attack",
            "وتخشى الكتيبة من هجوم مرتقب على التلة.",
            "وتخشى الكتيبة من هجوم على التلة.",
        ),
    ] {
        let frame = |sentence: &str| {
            let read = readings(language, sentence);
            read.iter().any(|(key, _)| key.starts_with(&format!("{predicate}(")))
        };
        assert!(!frame(with), "{with}: {:?}", readings(language, with));
        // The noun makes a frame without the adjective, so the test is of the adjective.
        assert!(frame(without), "{without}: {:?}", readings(language, without));
    }
}

#[test]
fn who_takes_part_in_an_event_is_its_doer() {
    // A verb or noun of taking part names the doer after it, not a known party before
    // it; "took part in" is one light verb, not "took".
    for (language, sentence, predicate, agent) in [
        (
            "ar",
            "وأكدت روسيا مشاركة الكتيبة في الهجوم على التلة.",
            "attack",
            "الكتيبة",
        ),
        ("ar", "وشاركت الكتيبة في اقتحام التلة.", "capture", "الكتيبة"),
        (
            "en",
            "Militia fighters took part in the shelling of the hill.",
            "shell",
            "Militia fighters",
        ),
    ] {
        let read = readings(language, sentence);
        assert!(read_as(&read, predicate, "agent", agent), "{sentence}: {read:?}");
    }
}

#[test]
fn a_by_phrase_of_another_participle_names_no_doer_of_the_event() {
    // "held by", "occupied by": the participle's by-phrase says who holds the object, not
    // who acted; a light verb's participle and one describing the instrument pass theirs
    // on to the event.
    for (sentence, predicate, role, words) in [
        (
            "The assault on the districts held by the garrison was conducted by volunteer units.",
            "attack",
            "agent",
            "volunteer units",
        ),
        (
            "The assault on the districts held by the garrison was conducted by volunteer units.",
            "attack",
            "target",
            "the districts",
        ),
        (
            "The attack began at dawn with trucks driven by suicide bombers.",
            "attack",
            "agent",
            "suicide bombers",
        ),
        (
            "The strikes delivered against the depot by army aviation lasted an hour.",
            "shell",
            "agent",
            "army aviation",
        ),
    ] {
        let read = readings("en", sentence);
        assert!(read_as(&read, predicate, role, words), "{sentence}: {read:?}");
    }
    no_role(
        "en",
        "The attack on the ridge held by the garrison was condemned by the council.",
        "attack",
        "agent",
    );
}

#[test]
fn an_event_word_that_names_a_kind_of_unit_makes_no_frame() {
    // "assault detachments", "attack helicopters", `وحدات الاقتحام`: a unit's name, its doer's
    // words; an event noun after a defined noun is an event still.
    for (language, sentence, predicate, agent) in [
        (
            "en",
            "Assault detachments entered the village on Monday.",
            "enter",
            "Assault detachments",
        ),
        (
            "en",
            "Attack helicopters struck the depot.",
            "shell",
            "Attack helicopters",
        ),
        (
            "ar",
            "ووصلت وحدات الاقتحام إلى القرية صباح اليوم.",
            "reach",
            "وحدات الاقتحام",
        ),
    ] {
        let read = readings(language, sentence);
        assert!(read_as(&read, predicate, "agent", agent), "{sentence}: {read:?}");
        assert!(
            !read
                .iter()
                .any(|(key, _)| key.starts_with("attack(") || key.starts_with("capture(")),
            "{sentence}: {read:?}"
        );
    }
    let sentence = "وبدأت القوات الهجوم على التلة.";
    let read = readings("ar", sentence);
    assert!(read_as(&read, "attack", "target", "التلة"), "{sentence}: {read:?}");
}

#[test]
fn phrases_end_where_the_sentence_says_they_do() {
    // (language, sentence, predicate, role, words).
    for (language, sentence, predicate, role, words) in [
        // A count after a definite noun starts the verb's object.
        (
            "ar",
            "واعتقلت الشرطة عشرات الشبان في الحي.",
            "detain",
            "target",
            "عشرات الشبان",
        ),
        (
            "ar",
            "واعتقلت الشرطة عشرات الشبان في الحي.",
            "detain",
            "agent",
            "الشرطة",
        ),
        // "all the", "both" open a phrase.
        (
            "en",
            "Soldiers shelled all the villages.",
            "shell",
            "target",
            "all the villages",
        ),
        // A by-phrase after a participle is no part of the subject after it.
        (
            "en",
            "The convoy was joined by captives escaped from the depot.",
            "escape",
            "agent",
            "captives",
        ),
        // A noun ending as a participle does ("town", "children") keeps its by-phrase's
        // doer for the event.
        (
            "en",
            "The capture of the town by the army was announced.",
            "capture",
            "agent",
            "the army",
        ),
        // A quotation's first noun is the subject of its verb, not a word of the
        // speaker's phrase.
        ("ar", "وقال الضابط “الحامية هاجمت التلة”.", "attack", "agent", "الحامية"),
        // A place before an Arabic verb that acts on something is what it was done to.
        (
            "ar",
            "القرية الواقعة شرق النهر قصفت مساء أمس.",
            "shell",
            "target",
            "القرية الواقعة شرق النهر",
        ),
        (
            "ar",
            "وقال الضابط \"القرية الشرقية قصفت مساء أمس\".",
            "shell",
            "target",
            "القرية الشرقية",
        ),
        // An adverb ends a phrase.
        (
            "ar",
            "وسيطرت الحامية على حي المطاحن فقط عند أطراف البلدة.",
            "capture",
            "target",
            "حي المطاحن",
        ),
        // A name split by an apostrophe, with its abbreviation, counts its words whole.
        (
            "en",
            "The Northern People’s Defence Units (NPDU), the main armed group in the valley, withdrew from the ridge.",
            "withdraw",
            "agent",
            "The Northern People’s Defence Units (NPDU",
        ),
    ] {
        let read = readings(language, sentence);
        assert!(
            read_as(&read, predicate, role, words),
            "{sentence}: {role} {words}: {read:?}"
        );
    }
    no_role("ar", "القرية الواقعة شرق النهر قصفت مساء أمس.", "shell", "agent");
    // An indefinite accusative after a possessed noun is an adverbial, no part of it.
    let sentence = "وبدأت الكتيبة بسحب مقاتليها تنفيذاً لاتفاق بين الطرفين.";
    let read = readings("ar", sentence);
    assert!(
        read.iter()
            .all(|(_, roles)| roles.iter().all(|(_, w)| !w.contains("تنفيذ"))),
        "{sentence}: {read:?}"
    );
}

#[test]
fn a_negation_with_an_exception_asserts_the_event_of_the_excepted() {
    use claimgraph::model::Polarity;
    // "No unit but the marines took part": the marines did it. (language, sentence,
    // predicate, agent.)
    for (language, sentence, predicate, agent) in [
        (
            "ar",
            "وقال القائد إنه لم يشارك في اقتحام التلة أي فصيل غير مقاتلي الكتيبة.",
            "capture",
            "مقاتلي الكتيبة",
        ),
        ("ar", "ولم يدخل البلدة إلا الجيش.", "enter", "الجيش"),
        (
            "en",
            "No unit except the marines entered the town.",
            "enter",
            "the marines",
        ),
        (
            "en",
            "No units but the marines took part in the capture of the hill.",
            "capture",
            "the marines",
        ),
    ] {
        let (text, mentions) = frame_mentions(language, sentence);
        for (_, m) in frames_of(&mentions, predicate, sentence) {
            assert_eq!(m.polarity, Polarity::Asserts, "{sentence}");
            let doer = m.roles.iter().find(|r| r.role == "agent").and_then(|r| r.span);
            assert_eq!(doer.map(|s| &text[s.range()]), Some(agent), "{sentence}");
        }
    }
    // Controls: "but" after a clause, and `غير` before an adjective, except no one.
    for (language, sentence, predicate) in [
        ("en", "The army did not withdraw, but the militia did.", "withdraw"),
        ("ar", "ولم تنسحب من البلدة قوات غير نظامية.", "withdraw"),
    ] {
        let (_, mentions) = frame_mentions(language, sentence);
        let frames = frames_of(&mentions, predicate, sentence);
        assert!(
            frames.iter().all(|(_, m)| m.polarity == Polarity::Denies),
            "{sentence}: {mentions:?}"
        );
    }
}

#[test]
fn an_event_word_inside_a_denial_cue_is_the_cue_s() {
    use claimgraph::model::Polarity;
    // "Refused to acknowledge the fall": a denial of the fall, no refusal of its own.
    for (language, sentence) in [
        ("en", "The garrison refused to acknowledge the fall of the hill."),
        ("ar", "والحامية رفضت الاعتراف بسقوط القرية."),
    ] {
        let (_, mentions) = frame_mentions(language, sentence);
        assert!(
            !mentions.iter().any(|(key, _)| key.starts_with("refuse(")),
            "{sentence}: {mentions:?}"
        );
        assert!(
            mentions
                .iter()
                .any(|(key, m)| key.starts_with("capture(") && m.polarity == Polarity::Denies),
            "{sentence}: {mentions:?}"
        );
    }
}

#[test]
fn common_shapes_of_reporting_are_read_role_by_role() {
    // (language, sentence, predicate, role, words), each a shape wire and local reports
    // use often.
    for (language, sentence, predicate, role, words) in [
        // A short adverb stands between "was" and what it says of the subject.
        (
            "en",
            "The town was fully under control.",
            "capture",
            "target",
            "The town",
        ),
        // A verb that takes an infinitive shares its subject.
        (
            "en",
            "The council pledged to support the militia.",
            "support",
            "agent",
            "The council",
        ),
        // One phrase after "between" names both sides.
        (
            "en",
            "Clashes between the two factions displaced thousands of families.",
            "clash",
            "agent",
            "the two factions",
        ),
        (
            "ar",
            "واندلعت اشتباكات بين الطرفين في القرية.",
            "clash",
            "agent",
            "الطرفين",
        ),
        // Opening fire is an attack; a convoy is a thing an attack is made on.
        (
            "en",
            "Gunmen opened fire on a checkpoint near the bridge.",
            "attack",
            "target",
            "a checkpoint",
        ),
        (
            "ar",
            "وفتح مسلحون النار على حاجز للشرطة قرب الجسر.",
            "attack",
            "target",
            "حاجز للشرطة",
        ),
        (
            "en",
            "Insurgents ambushed a convoy on the highway.",
            "attack",
            "target",
            "a convoy",
        ),
        (
            "en",
            "The convoy came under fire near the border crossing.",
            "attack",
            "target",
            "The convoy",
        ),
        (
            "en",
            "A convoy of 40 military vehicles reached the town.",
            "reach",
            "agent",
            "A convoy of 40 military vehicles",
        ),
        // "of" before a gerund says what, and no part of the phrase.
        (
            "en",
            "The governor accused the insurgents of kidnapping four aid workers.",
            "accuse",
            "target",
            "the insurgents",
        ),
        // A clause of time ends a phrase.
        (
            "ar",
            "قتل ثلاثة جنود عندما انفجر لغم أرضي بعربتهم قرب الحاجز.",
            "casualties",
            "target",
            "ثلاثة جنود",
        ),
        // A subject past an auxiliary after the complementizer.
        (
            "ar",
            "نفت الوزارة أن تكون قواتها قد قصفت المخيم.",
            "shell",
            "agent",
            "قواتها",
        ),
        // A plural after a singular noun is no adjective of it.
        (
            "ar",
            "اتهم الوزير المسلحين بخطف أربعة من عمال الإغاثة.",
            "accuse",
            "agent",
            "الوزير",
        ),
        (
            "ar",
            "اتهم الوزير المسلحين بخطف أربعة من عمال الإغاثة.",
            "accuse",
            "target",
            "المسلحين",
        ),
        // An imperfect verb with the pronoun "him" after an indefinite verbal noun.
        (
            "ar",
            "تخضع البلدة لحصار تفرضه القوات الحكومية منذ ثلاثة أشهر.",
            "encircle",
            "agent",
            "القوات الحكومية",
        ),
    ] {
        let read = readings(language, sentence);
        assert!(
            read_as(&read, predicate, role, words),
            "{sentence}: {role} {words}: {read:?}"
        );
    }
    // "Fell" alone: only a place falls.
    let read = readings("en", "A commander said the village fell.");
    assert!(read_as(&read, "capture", "target", "the village"), "{read:?}");
    for sentence in [
        "Prices fell sharply in the market.",
        "A shell fell on the house near the school.",
    ] {
        let read = readings("en", sentence);
        assert!(
            !read.iter().any(|(key, _)| key.starts_with("capture(")),
            "{sentence}: {read:?}"
        );
    }
    // A convoy's own frame names no doer.
    no_role(
        "en",
        "A convoy of 40 military vehicles reached the town.",
        "column",
        "agent",
    );
}
