//! Attribution on the seeds and the synthetic English articles: every gold source is one
//! source entity, the quality gates hold, and the relays and stances come out right.

use crate::common::{root, seeds_dir};
use claimgraph::eval::{self, gold::Gold};
use claimgraph::model::{Run, Span};
use claimgraph::pipeline::{self, Config, Output};
use std::path::Path;

fn run(dir: &Path) -> (Output, Gold) {
    let out = pipeline::run(&[dir.to_path_buf()], &Config::default());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let gold = Gold::load(&dir.join("gold.toml")).unwrap();
    (out, gold)
}

fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// For each gold source, the one tool source whose cues overlap every gold cue.
fn unmatched_sources(out: &Output, gold: &toml::Table) -> Vec<String> {
    let run: &Run = &out.run;
    let mut problems = Vec::new();
    let articles = gold["article"].as_array().unwrap();
    for source in gold["source"].as_array().unwrap() {
        let id = source["id"].as_str().unwrap();
        let article_id = id.split('/').next().unwrap();
        let file = articles.iter().find(|a| a["id"].as_str() == Some(article_id)).unwrap()["file"]
            .as_str()
            .unwrap();
        let analysis = out.analyses.iter().find(|a| a.article.path.ends_with(file)).unwrap();
        let cues: Vec<Vec<Span>> = source["cues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| occurrences(&analysis.article.text, c.as_str().unwrap()))
            .collect();
        let covers = |s: &&claimgraph::model::Source| {
            cues.iter().all(|occ| {
                occ.iter().any(|o| {
                    s.cues
                        .iter()
                        .any(|c| c.article == analysis.article.id && Span::new(c.start, c.end).overlaps(o))
                })
            })
        };
        if !run.sources.iter().any(|s| covers(&s)) {
            problems.push(id.to_owned());
        }
    }
    problems
}

fn gold_table(dir: &Path) -> toml::Table {
    std::fs::read_to_string(dir.join("gold.toml")).unwrap().parse().unwrap()
}

#[test]
fn every_seed_gold_source_is_one_source_entity_covering_its_cues() {
    let dir = seeds_dir();
    let (out, _) = run(&dir);
    let missing = unmatched_sources(&out, &gold_table(&dir));
    assert!(
        missing.is_empty(),
        "no single tool source covers the cues of {missing:#?}"
    );
}

#[test]
fn every_english_gold_source_is_one_source_entity_covering_its_cues() {
    let dir = root().join("fixtures/synthetic-en");
    let (out, _) = run(&dir);
    let missing = unmatched_sources(&out, &gold_table(&dir));
    assert!(
        missing.is_empty(),
        "no single tool source covers the cues of {missing:#?}"
    );
}

fn gate(dir: &Path) {
    let (out, gold) = run(dir);
    let texts = claimgraph::eval::article_texts(&out.analyses);
    assert!(gold.validate(&texts).is_empty());
    let report = eval::score(&gold, &out.run, &texts);
    let thresholds = eval::Thresholds::load(&dir.join("thresholds.toml")).unwrap();
    let below = thresholds.check(&report.metrics);
    assert!(
        below.is_empty(),
        "{below:#?}\n{}",
        eval::render_text(&report, claimgraph::report::clean)
    );
}

#[test]
fn english_fixtures_meet_their_thresholds() {
    gate(&root().join("fixtures/synthetic-en"));
}

/// The distinct chains of the mentions whose evidence holds `quote`, as source labels.
fn chain_of(out: &Output, article: &str, quote: &str) -> Vec<Vec<String>> {
    let run = &out.run;
    let a = out.analyses.iter().find(|a| a.article.id.starts_with(article)).unwrap();
    let at = a.article.text.find(quote).expect("quote in article");
    let quote = Span::new(at, at + quote.len());
    run.mentions
        .iter()
        .filter(|m| m.article == a.article.id && m.evidence.overlaps(&quote))
        .map(|m| {
            m.chain
                .iter()
                .map(|id| run.sources.iter().find(|s| &s.id == id).unwrap().label.clone())
                .collect()
        })
        .fold(Vec::new(), |mut all: Vec<Vec<String>>, chain| {
            if !all.contains(&chain) {
                all.push(chain);
            }
            all
        })
}

#[test]
fn relays_nest_outlet_inwards() {
    let (out, _) = run(&seeds_dir());
    // Sputnik, quoting its sources (001); what the officers demanded is theirs, told by
    // those sources.
    let chains = chain_of(&out, "001", "الضباط الأتراك طالبوا");
    assert!(
        chains.contains(&vec!["Sputnik".to_owned(), "مصادرها".to_owned()]),
        "{chains:?}"
    );
    assert!(
        chains
            .iter()
            .all(|c| c.starts_with(&["Sputnik".to_owned(), "مصادرها".to_owned()])),
        "{chains:?}"
    );
    // al-Habash told Baladi News; later he relays his own sources (002).
    assert_eq!(
        chain_of(&out, "002", "استقدام قوات سوريا الديمقراطية"),
        [["Baladi News", "إبراهيم الحبش"]]
    );
    assert_eq!(
        chain_of(&out, "002", "روسيا طلبت من"),
        [["Baladi News", "إبراهيم الحبش", "مصادره الخاصة"]]
    );
    // A back-reference by gender: "وأشار إلى أن" continues al-Habash, not his sources.
    assert_eq!(
        chain_of(&out, "002", "رفضت المقترح الروسي"),
        [["Baladi News", "إبراهيم الحبش"]]
    );
    // Inside Akar's words, Russia's statement (003).
    let nested = chain_of(&out, "003", "أخلوا تماماً");
    assert_eq!(nested.last().unwrap().len(), 2, "{nested:?}");
    // A video shows Ahrar al-Sharqiya announcing (004).
    let video = chain_of(&out, "004", "تعلن فيه عن سيطرتها");
    assert_eq!(video.last().unwrap()[0], "مقطع فيديو", "{video:?}");
}

#[test]
fn denial_distance_and_hedges_are_marked() {
    let (out, _) = run(&seeds_dir());
    let mention = |article: &str, quote: &str| {
        let a = out.analyses.iter().find(|a| a.article.id.starts_with(article)).unwrap();
        let at = a.article.text.find(quote).unwrap();
        let quote = Span::new(at, at + quote.len());
        out.run
            .mentions
            .iter()
            .find(|m| m.article == a.article.id && m.evidence.overlaps(&quote))
            .unwrap_or_else(|| panic!("no mention's evidence overlaps {quote:?}"))
            .clone()
    };
    use claimgraph::model::{Polarity, Stance};
    assert_eq!(mention("004", "ونفت مصادر محلية").polarity, Polarity::Denies);
    // The quotation after "قائلةً:" asserts what the sources say.
    assert_eq!(mention("004", "أحرار الشرقية فارغة").polarity, Polarity::Asserts);
    assert_eq!(mention("004", "بقيام روسيا بإبرام").stance, Stance::Distanced);
    assert_eq!(mention("000", "حركة نزوح").stance, Stance::Distanced);
    assert_eq!(mention("001", "لحماية الأمن القومي").stance, Stance::Distanced);
    // …but only the clause "وفق زعم أنقرة" closes, not the whole sentence.
    assert_eq!(mention("001", "عملية عسكرية يشنها").stance, Stance::Plain);
    assert_eq!(mention("002", "قد يسحب قواته").stance, Stance::Hedged);
    assert_eq!(mention("003", "سبب امتناع").stance, Stance::Hedged);
    // "كانت قد انسحبت" (had withdrawn) is no hedge.
    assert_eq!(mention("002", "كانت قد انسحبت").stance, Stance::Plain);
}

/// A line with no full stop ends its sentence, and what it says stays there: "Activists"
/// opening the next line are their own source, described by their own words only (not
/// "Syrian government activists"), and the cue after them is theirs.
#[test]
fn a_source_opening_a_line_is_described_by_its_own_line() {
    let dir = crate::common::scratch("source_opening_a_line");
    let path = dir.join("synthetic.txt");
    std::fs::write(
        &path,
        "Synthetic test article\n\nThe sources said the advance was a message to the Syrian government\n\n\
         Activists believe the regime withdrew from Ain Issa.\n",
    )
    .unwrap();
    let out = pipeline::run(&[path], &Config::default());
    let activists: Vec<&str> = out
        .run
        .sources
        .iter()
        .filter(|s| s.label == "Activists")
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(activists, ["synthetic/activists-activists"]);
    let believe = out
        .run
        .mentions
        .iter()
        .find(|m| m.text.starts_with("Activists"))
        .unwrap();
    assert_eq!(believe.chain, ["synthetic/activists-activists"]);
}

/// The chains (as source labels) of the mentions holding `quote` in an article of one
/// headline line and `body`, in `language`.
fn chains_in(language: &str, body: &str, quote: &str) -> Vec<Vec<String>> {
    let dir = crate::common::scratch(&format!("structures-{}", claimgraph::hash::fnv1a(body.as_bytes())));
    let text =
        format!("---\noutlet: Test Wire\npublished: 2021-03-02\nlanguage: {language}\n---\nA headline\n\n{body}\n");
    std::fs::write(dir.join("a.txt"), text).unwrap();
    let out = pipeline::run(&[dir], &Config::default());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    chain_of(&out, "a", quote)
}

/// The publishing outlet (named by its label's parts, in either script) and its own
/// reporter are no source in its article; whoever told them is. A wire the label names
/// is a source. Cases: (outlet label, language, body, quote, expected chain).
#[test]
fn the_publishing_outlet_and_its_reporter_are_no_source() {
    let cases = [
        (
            "The Ledger",
            "en",
            "Ivo Marek told The Ledger that the bridge fell at night.",
            "Ivo Marek",
        ),
        // A name with digits is the same whatever the spaces.
        (
            "Kerran24",
            "en",
            "Ivo Marek told Kerran 24 that the bridge fell at night.",
            "Ivo Marek",
        ),
        (
            "SANA (the Syrian state agency, English)",
            "en",
            "A local official told SANA's correspondent that the bridge fell at night.",
            "local official",
        ),
        (
            "SANA (the Syrian state agency, English)",
            "en",
            "\"The bridge fell at night,\" SANA reporter quoted local residents as saying.",
            "local residents",
        ),
        (
            "SANA (the Syrian state agency, English)",
            "en",
            "The bridge fell at night, a local official told SANA.",
            "local official",
        ),
        (
            "Test Daily (سانا)",
            "ar",
            "وقال مصدر محلي لمراسل سانا إن الجسر سقط ليلاً.",
            "مصدر محلي",
        ),
        (
            "The Ledger (AFP wire)",
            "en",
            "Ivo Marek told AFP that the bridge fell at night.",
            "Agence France-Presse (AFP) > Ivo Marek",
        ),
    ];
    for (k, (outlet, language, body, expected)) in cases.into_iter().enumerate() {
        let dir = crate::common::scratch(&format!("outlet-own-{k}"));
        let text =
            format!("---\noutlet: {outlet}\npublished: 2021-03-02\nlanguage: {language}\n---\nA headline\n\n{body}\n");
        std::fs::write(dir.join("a.txt"), text).unwrap();
        let out = pipeline::run(&[dir], &Config::default());
        let quote = if language == "ar" {
            "الجسر سقط"
        } else {
            "bridge fell"
        };
        let chains: Vec<String> = chain_of(&out, "a", quote).iter().map(|c| c.join(" > ")).collect();
        assert_eq!(chains, [expected], "{outlet}: {body}");
    }
}

/// Each structure that decides who speaks, on sentences written for this test (every
/// name is made up): (language, body, quote, expected chain of the quote's mentions, as
/// labels joined by " > ", "" for the outlet's own voice).
#[test]
fn attribution_follows_quotations_clauses_and_phrases() {
    let cases = [
        // A passive relay's by-phrase relays the source named before it.
        (
            "en",
            "According to local sources cited by the agency, the rebels withdrew from the hill.",
            "the rebels withdrew",
            "agency > local sources",
        ),
        (
            "en",
            "The rebels withdrew from the hill, according to local sources quoted by the agency.",
            "The rebels withdrew",
            "agency > local sources",
        ),
        // A subject no lexicon names before a clause set off by commas, and a name after
        // a title between commas.
        (
            "en",
            "The council, which runs the town, said the militia withdrew from the village.",
            "the militia withdrew",
            "council",
        ),
        (
            "en",
            "The council, based in the north, said the militia withdrew from the village.",
            "the militia withdrew",
            "council",
        ),
        (
            "en",
            "A spokesman for the coalition, Colonel John Reed, said the strikes hit a weapons depot.",
            "the strikes hit",
            "John Reed",
        ),
        // A subject past a participle's phrase or the formula by which it withholds its
        // name.
        (
            "en",
            "A senior US official, speaking on condition of anonymity, said the troops withdrew from the town.",
            "the troops withdrew",
            "official",
        ),
        (
            "en",
            "A commander who asked not to be identified said the troops withdrew from the town.",
            "the troops withdrew",
            "commander",
        ),
        // Whatever follows "according to" is a source, past a statement noun.
        (
            "en",
            "The village was retaken on Sunday, according to a statement from the Ukrainian army.",
            "The village was retaken",
            "Ukrainian army",
        ),
        // A subject no lexicon names before the event its verb reports.
        ("ar", "ونفى الجيش انسحابه من البلدة.", "انسحابه", "الجيش"),
        // A subject no lexicon names, carried as written.
        (
            "en",
            "The northern militia denies losing the village of Kerran.",
            "losing the village",
            "northern militia",
        ),
        (
            "en",
            "The leader of the river brigade claimed the capture of Dasht.",
            "the capture of Dasht",
            "leader of the river brigade",
        ),
        // An appositive between the subject and its auxiliary; an object after the cue
        // is not the speaker.
        (
            "en",
            "Militia commander Omar Kestrel, founder of the Hawk Brigade, has hit out at critics of the deal.",
            "critics of the deal",
            "Omar Kestrel",
        ),
        (
            "en",
            "Regional governor Lisa Marwood, a former judge, accused the rebels of shelling the market.",
            "accused the rebels",
            "Lisa Marwood",
        ),
        // A participle of telling in an apposition; "told us" names no relay and keeps
        // the speaker.
        (
            "en",
            "The governor, speaking to the crowd, said that the rebels had shelled the city.",
            "shelled the city",
            "governor",
        ),
        (
            "en",
            "Local sources told us that the militia had entered the town.",
            "entered the town",
            "sources",
        ),
        (
            "en",
            "The militia entered the town, a local source told us.",
            "entered the town",
            "source",
        ),
        // An unnamed speaker before the light verb of its own act.
        ("ar", "ونفت الكتيبة مسؤوليتها عن قصف السوق.", "قصف السوق", "الكتيبة"),
        // An unnamed speaker with where it spoke between it and what it said.
        (
            "ar",
            "وقالت الكتيبة في بيان على تلغرام إن مقاتليها سيطروا على التلة.",
            "سيطروا على التلة",
            "الكتيبة",
        ),
        // A source noun no lexicon lists, named by the words after it, relays whom `عن`
        // names.
        (
            "ar",
            "ونقلت وكالة الأنباء الألمانية عن مصادر محلية قولها إن الفصائل سيطرت على ثلاث قرى.",
            "سيطرت على ثلاث قرى",
            "مصادر محلية",
        ),
        // A title's name between commas, after what the title serves.
        (
            "ar",
            "وأعلن المتحدث العسكري في شرق البلاد، سامر الخطيب، أن القوات انسحبت من التلة.",
            "انسحبت من التلة",
            "سامر الخطيب",
        ),
        // A name no lexicon lists right after the verb is its speaker, carried as
        // written, not the last speaker.
        (
            "ar",
            "وقالت وزارة الدفاع إن القوات سيطرت على البلدة.\nوتنفي فالدورا التصريحات وتؤكد أن القتال مستمر.",
            "تنفي فالدورا التصريحات",
            "فالدورا",
        ),
        // A source before a line's colon says every sentence of that line.
        (
            "ar",
            "“الكتيبة الشمالية”: الطريق مفتوح.. ومقتل 20 مسلحا قرب التلة",
            "ومقتل 20 مسلحا",
            "الكتيبة الشمالية",
        ),
        // Told to a news agency: the agency relays this statement; it is not the speaker.
        // "Claim" in the plural present is a claims cue too.
        (
            "en",
            "Separatist officials claim the army captured Dasht.",
            "captured Dasht",
            "officials",
        ),
        // A subject that names no one is no speaker.
        (
            "en",
            "No group has claimed responsibility for the bombing in the market.",
            "the bombing in the market",
            "",
        ),
        // A contrasting clause after a comma is beside the statement, not in it.
        (
            "en",
            "The defence ministry said the offensive was an invasion, while foreign governments condemned the shelling.",
            "condemned the shelling",
            "",
        ),
        // An event's word after a title opens what is said: no name there.
        (
            "ar",
            "وأكد القيادي دخول مقاتلي الكتيبة إلى بلدة كفر زيتا.",
            "دخول مقاتلي الكتيبة",
            "قيادي",
        ),
        (
            "ar",
            "وقال أحمد سعيد لوكالة الأناضول إن القوات انسحبت من التلة.",
            "انسحبت من التلة",
            "Anadolu Agency > أحمد سعيد",
        ),
        (
            "ar",
            "وأعلن المتحدث العسكري في شرق البلاد، سامر الخطيب، لـ«فرانس برس» أن القوات انسحبت من التلة.",
            "انسحبت من التلة",
            "Agence France-Presse (AFP) > سامر الخطيب",
        ),
        // A closing cue, with adjuncts after it, governs the quotation before it.
        (
            "en",
            "\"We hold the bridge,\" Amira Solberg said on Sunday in a video message.",
            "We hold the bridge",
            "Amira Solberg",
        ),
        (
            "en",
            "The army took the village of Dasht, a regional elder said.",
            "took the village",
            "regional elder",
        ),
        // After a quotation the subject may follow its verb, with an appositive.
        (
            "en",
            "\"The road is open,\" said Tomas Keller, a spokesman for the council.",
            "The road is open",
            "Tomas Keller",
        ),
        // An adverb between the subject and its verb.
        (
            "en",
            "The Halvard Institute however said the convoy had left.",
            "the convoy had left",
            "Halvard Institute",
        ),
        // A platform is where it was said, not who said it.
        (
            "en",
            "\"We withdrew,\" the brigade's commander wrote on social media.",
            "We withdrew",
            "commander",
        ),
        // A name's bracketed abbreviation is part of the name.
        (
            "en",
            "The Northern Relief Council (NRC) said the camp was shelled.",
            "the camp was shelled",
            "Northern Relief Council (NRC)",
        ),
        // A line opening with a source and a colon.
        (
            "en",
            "Halvard Institute: the front line moved east",
            "the front line moved east",
            "Halvard Institute",
        ),
        // "This was reported by X" gives X the sentence before.
        (
            "en",
            "The bridge at Kerran was destroyed overnight.\n\nThis was announced by the spokesman of the Western Command, Ivan Petrenko, on television.",
            "destroyed overnight",
            "spokesman",
        ),
        // "According to him": the last speaker.
        (
            "en",
            "Ivan Petrenko said the line held. According to him, the bridge was destroyed.",
            "the bridge was destroyed",
            "Ivan Petrenko",
        ),
        // A person found later to speak through a relay spoke through it before.
        (
            "en",
            "Ivan Petrenko said the bridge fell.\n\n\"It fell at night,\" he said in a statement to Reuters.",
            "the bridge fell",
            "Reuters > Ivan Petrenko",
        ),
        // A subordinate clause's first word is no speaker.
        (
            "en",
            "If confirmed, the fall of Dasht would be a turning point.",
            "the fall of Dasht",
            "",
        ),
        // Arabic: a quoted name and a colon open a headline's quotation.
        (
            "ar",
            "“كتيبة الساحل”: سيطرنا على قرية الوادي",
            "سيطرنا على قرية الوادي",
            "كتيبة الساحل",
        ),
        // Adjectives may stand between a subject and its verb, or its colon; a quoted
        // place after an event word is what the event is about, not who speaks.
        (
            "ar",
            "“كتيبة الساحل” الشمالية السورية تعلن تحرير \"تل الورد\" بالكامل.",
            "تحرير",
            "كتيبة الساحل",
        ),
        (
            "ar",
            "“كتيبة الساحل” الشمالية: سيطرنا على قرية الوادي",
            "سيطرنا على قرية الوادي",
            "كتيبة الساحل",
        ),
        // A contrastive clause opens a statement of its own, not one inside the last.
        (
            "en",
            "The ministry said the village had fallen, although local fighters said clashes went on in the old quarter.",
            "clashes went on",
            "fighters",
        ),
        (
            "ar",
            "وذكرت الوزارة أن القرية سقطت، في حين أعلن المتحدث باسم الكتيبة أن المعارك مستمرة.",
            "المعارك مستمرة",
            "متحدث باسم",
        ),
        // An Arabic headline's first words before a colon name its speaker.
        (
            "ar",
            "ماركوفيتش: القتال في البلدة مستمر",
            "القتال في البلدة مستمر",
            "ماركوفيتش",
        ),
        // A label before a colon is no speaker.
        ("ar", "عاجل: انسحبت القوات من قرية الوادي", "انسحبت القوات", ""),
        // A title no name follows is a source of its own.
        (
            "ar",
            "قال الرئيس الأوكراني إن القوات انسحبت من البلدة.",
            "انسحبت",
            "رئيس",
        ),
        // A statement noun's genitive speaks; a reporting verb after it speaks for itself.
        (
            "ar",
            "بعد إعلان روسيا السيطرة على القرية قال المتحدث باسم الكتيبة إن المعارك مستمرة.",
            "السيطرة على القرية",
            "Russia",
        ),
        (
            "ar",
            "بعد إعلان روسيا السيطرة على القرية قال المتحدث باسم الكتيبة إن المعارك مستمرة.",
            "المعارك مستمرة",
            "متحدث باسم",
        ),
        // An English subject right before its verb need not open its clause.
        (
            "en",
            "It is the first time the Halvard Institute has confirmed the withdrawal from the town.",
            "the withdrawal",
            "Halvard Institute",
        ),
        // `جاء ذلك في بيان …` points back at the sentence before.
        (
            "ar",
            "انسحبت القوات من قرية الوادي صباح اليوم.\n\nجاء ذلك في بيان لوزارة الدفاع.",
            "انسحبت القوات",
            "وزارة",
        ),
        // A relative clause's reporting verb speaks for the noun it hangs on.
        (
            "en",
            "The depot is held by the River Guard, which announced full control of the hill on Monday.",
            "full control of the hill",
            "River Guard",
        ),
        // A relative clause between a subject and its verb.
        (
            "en",
            "The mayor, who fled last week, said the market had been shelled.",
            "the market had been shelled",
            "mayor",
        ),
        // An abbreviation's full stop ends no clause ("on Oct. 12 said").
        (
            "en",
            "The defence ministry on Nov. 3 announced the hill was taken under control.",
            "the hill was taken",
            "ministry",
        ),
        // An Arabic subject after its verb that no lexicon names (VSO).
        (
            "ar",
            "وأعلنت الحكومة الكندية أن القوات انسحبت من البلدة.",
            "انسحبت من البلدة",
            "الحكومة الكندية",
        ),
        // A person named again by one of their names is the same person.
        (
            "ar",
            "وقال الصحفي “سامر الخطيب” إن المعارك توقفت.\nويرى الخطيب أن الهدنة لن تصمد.",
            "الهدنة لن تصمد",
            "سامر الخطيب",
        ),
        // An unquoted Arabic name after a title, past what the title serves.
        (
            "ar",
            "وقال المتحدث باسم المجلس العسكري سامر الخطيب إن القوات انسحبت من التلة.",
            "انسحبت من التلة",
            "سامر الخطيب",
        ),
        (
            "ar",
            "وقال الصحفي سامر الخطيب إن المعارك توقفت.\nويرى الخطيب أن الهدنة لن تصمد.",
            "الهدنة لن تصمد",
            "سامر الخطيب",
        ),
        // A closing cue's source relays the one it quotes; "citing" after it is an
        // adjunct.
        (
            "en",
            "Rebel fighters attacked the dam, Reuters said on Monday, quoting a field source.",
            "attacked the dam",
            "Reuters > field source",
        ),
        (
            "en",
            "Rebel fighters attacked the dam, Reuters reported citing a field source.",
            "attacked the dam",
            "Reuters > field source",
        ),
        // An agency no lexicon lists is named by the words around its noun.
        (
            "en",
            "Rebel fighters attacked the dam, the group's Nour News Agency said, quoting a field source.",
            "attacked the dam",
            "Nour News Agency > field source",
        ),
        (
            "ar",
            "وقال مصدر محلي لوكالة الأنباء الألمانية إن الجسر سقط ليلاً.",
            "الجسر سقط",
            "وكالة الأنباء الألمانية > مصدر محلي",
        ),
        // Told to an outlet's reporter: the outlet relays the speaker.
        (
            "ar",
            "وقال مصدر محلي لمراسل رويترز إن الجسر سقط ليلاً.",
            "الجسر سقط",
            "Reuters > مصدر محلي",
        ),
        (
            "en",
            "A field commander told an AFP correspondent that the bridge fell at night.",
            "the bridge fell",
            "Agence France-Presse (AFP) > field commander",
        ),
        // "X told Y" closing a sentence governs all of it.
        (
            "en",
            "The army shelled the village of Hamra, a local official told Reuters.",
            "shelled the village",
            "Reuters > local official",
        ),
        // "As X reported" closing a sentence wraps its speaker: X relays them.
        (
            "ar",
            "وقال المتحدث باسم المجلس سامر الخطيب إن الجسر سقط ليلاً، حسبما أفادت وكالة رويترز.",
            "الجسر سقط",
            "Reuters > سامر الخطيب",
        ),
        (
            "en",
            "Ivo Marek said the bridge fell at night, according to Reuters.",
            "the bridge fell",
            "Reuters > Ivo Marek",
        ),
        // A participle after "if" reports nothing: the sentence is the outlet's.
        (
            "en",
            "Ivo Marek said his men had taken the hill.\n\nIf confirmed, such a gain would change the front.",
            "such a gain would change",
            "",
        ),
        // A sentence that only names a speaker right after a quotation closed speaks
        // every sentence of the quotation; a dash inside an appositive joins.
        (
            "en",
            "“We hold the bridge. The enemy fled across the river.” Ivo Marek, commander of the Northern Task Force - Operation Kestrel, said on Monday.",
            "The enemy fled",
            "Ivo Marek",
        ),
        // A subject with phrases after it and an adverb before its verb.
        (
            "en",
            "A field commander from the river brigade in Kerran earlier reported the capture of two villages.",
            "the capture of two villages",
            "field commander",
        ),
        // A subject with a relative clause before its comma and verb speaks from the
        // verb on; the relative clause stays the outlet's.
        (
            "ar",
            "وكانت “الكتيبة الشمالية” التي تحاصر البلدة منذ أيام، أكدت انسحاب الحامية من التلة.",
            "انسحاب الحامية",
            "الكتيبة الشمالية",
        ),
        (
            "ar",
            "وكانت “الكتيبة الشمالية” التي تحاصر البلدة منذ أيام، أكدت انسحاب الحامية من التلة.",
            "تحاصر البلدة",
            "",
        ),
        // A statement speaks for whoever issued it.
        (
            "en",
            "The SDF statement said the bridge fell at night.",
            "the bridge fell",
            "Syrian Democratic Forces (SDF)",
        ),
        // A call, an appeal, a concern voiced: the call and what it asks are the
        // speaker's; a verb joined by و right after a cue is that cue's.
        (
            "en",
            "The watchdog later called on the militia to withdraw from the mill.",
            "called on the militia",
            "watchdog",
        ),
        (
            "en",
            "The monitor voiced concern for the detained families held in the mill.",
            "the detained families",
            "monitor",
        ),
        (
            "ar",
            "وناشدت وزارة الصحة الفصائل فتح ممر آمن للجرحى.",
            "فتح ممر آمن",
            "وزارة",
        ),
        // A headline's speaker after a colon at its end.
        (
            "en",
            "Raids on the mill district must stop: Northern Relief Council",
            "Raids on the mill district",
            "Northern Relief Council",
        ),
        // An Arabic source noun's genitive between it and its verb.
        (
            "ar",
            "لكن المتحدث باسم الكتيبة قال إن القوات انسحبت من التلة.",
            "انسحبت من التلة",
            "متحدث باسم",
        ),
        ("ar", "غير أن وزارة الدفاع قالت إن القصف توقف.", "القصف توقف", "وزارة"),
        // A preposition with a pronoun after the verb is no part of its subject.
        ("ar", "وهو ما تطالب به البلدية.", "وهو ما تطالب", "البلدية"),
        // A subject with phrases of place after it, and an adverb before its verb.
        (
            "en",
            "One police officer in the northern border unit in the province earlier reported arresting 12 smugglers.",
            "arresting 12 smugglers",
            "officer",
        ),
        (
            "en",
            "Police chief Omar Haddad declared the smugglers defeated.",
            "the smugglers defeated",
            "Omar Haddad",
        ),
        // A reporting verb in the imperfect, one entry for every person; an Arabic subject
        // no lexicon names before it.
        (
            "ar",
            "اللجنة المحلية تكشف أن القصف طال السوق.",
            "القصف طال السوق",
            "اللجنة المحلية",
        ),
        // `يشار إلى أن`: impersonal, the outlet's own remark.
        (
            "ar",
            "وقال المحافظ إن الجسر مغلق منذ أيام. يشار إلى أن القصف طال السوق.",
            "القصف طال السوق",
            "",
        ),
        // An English pronoun subject is the last speaker of its gender.
        (
            "en",
            "The mayor said the market was shelled. He also noted that the bridge was closed.",
            "the bridge was closed",
            "mayor",
        ),
        // "As X said", closing the sentence: X, named before a title.
        (
            "ar",
            "وتعد المعارك في البلدة الأعنف منذ أشهر، على ما قال سامر الخطيب مستشار المحافظ الأربعاء.",
            "المعارك في البلدة",
            "سامر الخطيب",
        ),
        // A source noun in the accusative after `أن`.
        (
            "ar",
            "إلا أن مراسلا لوكالة رويترز، ذكر أن الكتيبة انسحبت من التلة.",
            "الكتيبة انسحبت من التلة",
            "Reuters",
        ),
        // A quotation that is the whole next sentence goes on in the last speaker's voice.
        (
            "en",
            "The council said on Friday that the bridge had reopened. \"The market was shelled twice after the raid.\"",
            "The market was shelled",
            "council",
        ),
        // A headline's speaker after a dash at its end.
        (
            "en",
            "Raids on the mill district will go on — Northern Relief Council",
            "Raids on the mill district",
            "Northern Relief Council",
        ),
        // A person's name no lexicon lists, right after the verb, is the speaker, never
        // the last one named.
        (
            "ar",
            "وقال سامر الخطيب إن القصف طال السوق. وأكد عمر حداد أن الجسر مغلق.",
            "الجسر مغلق",
            "عمر حداد",
        ),
        // "As X told an agency": X speaks, the agency does not.
        (
            "ar",
            "وطال القصف السوق، وفق ما قال عمر حداد لوكالة رويترز.",
            "وطال القصف السوق",
            "عمر حداد",
        ),
        // Documenting is reporting.
        (
            "ar",
            "ووثقت وزارة الصحة مقتل 12 عنصرا في التلة.",
            "مقتل 12 عنصرا",
            "وزارة",
        ),
        // A participle's phrase between commas is no reporting verb.
        (
            "en",
            "The council statement, posted on its website, said the bridge was shelled.",
            "the bridge was shelled",
            "statement",
        ),
        // A statement's content ends where it does: a clause at an aside describing the
        // act, a quotation at its closing mark; what follows is the outlet's.
        (
            "en",
            "The council said on Monday that its fighters held the bridge, without naming the militia.",
            "without naming the militia",
            "",
        ),
        (
            "en",
            "The council claimed the fall of the bridge on Monday, with shelling still ongoing near the dam.",
            "with shelling still ongoing near the dam",
            "",
        ),
        // A quoted name after a kind of place names the place; "which is considered"
        // has no speaker.
        (
            "ar",
            "تحصنت خلايا قرب حي “كفرزيتا” الذي يعتبر من أقدم الأحياء.",
            "من أقدم الأحياء",
            "",
        ),
        // An adverb after "but" is no new speaker: the verb goes on with its subject.
        (
            "en",
            "The council said it accepted the truce on Monday, but afterward said that the militia was shelling the town.",
            "the militia was shelling the town",
            "council",
        ),
        // An absolute phrase that quotes the speaker is still the speaker's.
        (
            "en",
            "The council declared the bridge taken on Monday, with its fighters having “full control of the crossing.”",
            "full control of the crossing",
            "council",
        ),
        (
            "ar",
            "وأعلن المتحدث باسم الكتيبة، سامر الخطيب، لـ«رويترز»: «انسحبت القوات من التلة»، رافضاً الكشف عن عدد القتلى.",
            "رافضاً الكشف عن عدد القتلى",
            "",
        ),
        // An unnamed official told a news agency: the agency relays the official, who
        // speaks for the body whose statement the "according to" closes, and goes on
        // relayed when referred back to.
        (
            "ar",
            "أكد المجلس المحلي، اليوم الأحد، أن القصف طال السوق، وفق ما قال مسؤول محلي لوكالة رويترز.\n\nوقال المسؤول: \"الجسر مغلق منذ أمس\".",
            "القصف طال السوق",
            "Reuters > مسؤول",
        ),
        (
            "ar",
            "أكد المجلس المحلي، اليوم الأحد، أن القصف طال السوق، وفق ما قال مسؤول محلي لوكالة رويترز.\n\nوقال المسؤول: \"الجسر مغلق منذ أمس\".",
            "الجسر مغلق منذ أمس",
            "Reuters > مسؤول",
        ),
        // Speech acts beside the call: a congratulation is its speaker's; a closing cue
        // wraps whoever speaks in its sentence.
        (
            "en",
            "The army has said nothing about Dasht, but the governor congratulated the militia on its advance, the council writes.",
            "congratulated the militia",
            "council > governor",
        ),
        // "In a commentary to Y, X said": Y relays X.
        (
            "en",
            "In a commentary to the Kerran Herald, Ivo Marek said that the bridge had fallen.",
            "the bridge had fallen",
            "Kerran Herald > Ivo Marek",
        ),
        // A generic source noun after a headline's dash speaks the headline.
        (
            "en",
            "Militia fighters retake the bridge over the river — media",
            "retake the bridge",
            "media",
        ),
        // A sentence with no cue after one a source says from its head goes on in that
        // voice; after one closed by its cue, it does not.
        (
            "en",
            "According to the broadcaster, the militia shelled the market. The river brigade is now pushing toward Hamra.",
            "pushing toward Hamra",
            "broadcaster",
        ),
        (
            "en",
            "The council said the bridge fell, the ministry said. The river brigade is now pushing toward Hamra.",
            "pushing toward Hamra",
            "",
        ),
        // Paragraphs that open a quotation and never close it go on quoting the voice
        // that closed the paragraph before; evidence is no speaker.
        (
            "en",
            "The market was shelled overnight, the council writes.\n\n“The militia has lost the initiative around Kerran.\n\n“Its fighters will likely withdraw from the hills.",
            "will likely withdraw",
            "council",
        ),
        (
            "en",
            "The council writes that the road is cut.\n\n“The evidence suggests the militia has left Kerran.",
            "has left Kerran",
            "council",
        ),
    ];
    let mut failures = Vec::new();
    for (language, body, quote, expected) in cases {
        let chains = chains_in(language, body, quote);
        let shown: Vec<String> = chains.iter().map(|c| c.join(" > ")).collect();
        let ok = if expected.is_empty() {
            shown.iter().all(String::is_empty) && !shown.is_empty()
        } else {
            shown.iter().any(|s| s.contains(expected))
        };
        if !ok {
            failures.push(format!("{body:?}: {quote:?} expected {expected:?}, got {shown:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A statement in a clause beside the speaker's (after "after", "as", `قبل أن`, `بعد`) is
/// not inside what the speaker says, a closing cue wraps the speaker before it, and a
/// passive with no "by" names no speaker. Cases: (language, body, quote, whole chain).
#[test]
fn subordinate_clauses_and_closing_cues_give_whole_chains() {
    let cases = [
        (
            "en",
            "The northern militia denied that the army had entered Kerran after an army officer said the village had fallen.",
            "the village had fallen",
            "officer",
        ),
        (
            "ar",
            "وكانت قسد قد أعلنت السيطرة على التلة، قبل أن يؤكد الجيش الروسي ذلك بعد يومين.",
            "ذلك بعد يومين",
            "Russia (government and forces)",
        ),
        (
            "ar",
            "وأكدت وزارة الدفاع أن الجسر مغلق بعد ساعات على إعلان قسد السيطرة على التلة.",
            "السيطرة على التلة",
            "Syrian Democratic Forces (SDF)",
        ),
        (
            "ar",
            "وقالت وزارة الدفاع إن القوات دخلت البلدة بعد أن أعلنت قسد انسحابها منها.",
            "انسحابها منها",
            "Syrian Democratic Forces (SDF)",
        ),
        (
            "en",
            "The council said the bridge fell, the ministry said.",
            "the bridge fell",
            "ministry > council",
        ),
        (
            "en",
            "Ivo Marek said the bridge fell.\n\nHe added that the toll would be announced later.",
            "the toll would be announced",
            "Ivo Marek",
        ),
    ];
    let mut failures = Vec::new();
    for (language, body, quote, expected) in cases {
        let shown: Vec<String> = chains_in(language, body, quote).iter().map(|c| c.join(" > ")).collect();
        if !shown.iter().any(|s| s == expected) {
            failures.push(format!("{body:?}: {quote:?} expected {expected:?}, got {shown:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_adverb_between_a_subject_and_its_verb_is_not_part_of_the_speaker() {
    for adverb in ["however", "publicly", "repeatedly"] {
        let body = format!("The river council {adverb} denied that the convoy had left.");
        let shown: Vec<String> = chains_in("en", &body, "the convoy had left")
            .iter()
            .map(|c| c.join(" > "))
            .collect();
        assert!(shown.iter().any(|s| s == "river council"), "{body}: {shown:?}");
    }
}

#[test]
fn a_speaker_is_named_without_the_quotation_after_it() {
    // The words that describe a speaker's noun stop where a quotation opens: the quoted
    // subject is no adjective of the speaker.
    let body = "وقال الضابط “الحامية هاجمت التلة”.";
    let chains = chains_in("ar", body, "هاجمت");
    let shown: Vec<String> = chains.iter().map(|c| c.join(" > ")).collect();
    assert!(
        !shown.is_empty() && shown.iter().all(|s| s.contains("ضابط") && !s.contains("الحامية")),
        "{body}: {shown:?}"
    );
}

#[test]
fn a_conjunction_on_an_unnamed_speaker_is_no_part_of_its_name() {
    // `والحامية رفضت` and `الحامية تؤكد`: one speaker, named without the و.
    let labels = source_labels(
        "ar",
        "والحامية رفضت الاعتراف بسقوط القرية.\n\nالحامية تؤكد أن الكتيبة انسحبت من القرية.",
    );
    assert_eq!(labels, ["الحامية"]);
}

/// The labels of the sources of an article with body `body`, in order.
fn source_labels(language: &str, body: &str) -> Vec<String> {
    let dir = crate::common::scratch(&format!("sources-{}", claimgraph::hash::fnv1a(body.as_bytes())));
    let text =
        format!("---\noutlet: Test Wire\npublished: 2021-03-02\nlanguage: {language}\n---\nA headline\n\n{body}\n");
    std::fs::write(dir.join("a.txt"), text).unwrap();
    let out = pipeline::run(&[dir], &Config::default());
    out.run.sources.iter().map(|s| s.label.clone()).collect()
}

#[test]
fn an_unnamed_speaker_takes_the_complement_of_its_participle() {
    // `الكتيبة التابعة للجيش`: the participle's complement with ل is part of the name.
    let body = "وقالت الكتيبة التابعة للجيش إنها انسحبت من البلدة.";
    let chains = chains_in("ar", body, "انسحبت");
    let shown: Vec<String> = chains.iter().map(|c| c.join(" > ")).collect();
    assert!(
        !shown.is_empty() && shown.iter().all(|s| s.contains("الكتيبة التابعة للجيش")),
        "{body}: {shown:?}"
    );
}

#[test]
fn the_spokespeople_of_two_parties_are_two_sources() {
    // `المتحدث باسم X`, "a spokesman for X": whom the spokesperson speaks for is part of
    // the label.
    for (language, first, second, a, b) in [
        (
            "ar",
            "وقال المتحدث باسم الكتيبة إن القوات انسحبت من البلدة.",
            "وقال المتحدث باسم الحامية إن القوات لم تنسحب من البلدة.",
            "الكتيبة",
            "الحامية",
        ),
        (
            "en",
            "A spokesman for the battalion said the troops withdrew from the town.",
            "A spokesman for the garrison said the troops did not withdraw.",
            "battalion",
            "garrison",
        ),
    ] {
        let labels = source_labels(language, &format!("{first}\n\n{second}"));
        assert_eq!(labels.len(), 2, "{labels:?}");
        assert!(labels.iter().any(|l| l.contains(a)), "{labels:?}");
        assert!(labels.iter().any(|l| l.contains(b)), "{labels:?}");
    }
}
