//! Generates a synthetic corpus for the throughput benchmarks (`benches/run.sh`, issue 7):
//! N articles recombined from the sentences of the fixture articles, deterministic by seed.
//!
//! ```sh
//! cargo run --release --example gencorpus -- --articles 10000 --seed 1 --out /tmp/corpus-10k
//! cargo run --release --example gencorpus -- --articles 10000 --seed 1 --jsonl /tmp/corpus-10k.jsonl
//! ```
//!
//! Input, read from the repository at run time: the headlines and body sentences of
//! `fixtures/ain-issa/*.txt` (Arabic) and `fixtures/synthetic-en/*.txt` (English), cut by
//! claimgraph's own segmenter so that page furniture and bylines stay out; and the actor and
//! place names of `src/lexicon/data/syria.toml`. Every sentence is parsed once into a
//! template of text and slots (an actor name, a place, a region, a weekday, a month, a
//! year, a number); an article is then a headline and 6–20 sentences drawn from the pool of
//! its language with every slot filled at random, so 100k articles take seconds.
//!
//! Output: with `--out DIR`, one `.txt` file per article with front matter (outlet,
//! published, language), 1000 files per subdirectory (`DIR/000/syn-0000000.txt`), and
//! `DIR/STATS` (`articles`, `bytes`, `sentences`, `seed`, one `key value` a line: what the
//! benchmark divides by). With `--jsonl FILE`, one record per article (`id, outlet,
//! published, language, title, text`, the text being the same headline and body). A
//! one-line summary goes to stderr.
//!
//! What it is not: reporting. The text is recombined, so it is rarely coherent, and the
//! outlets are invented and say so ("Synthetic Outlet 07"): 21 publish in Arabic, 9 in
//! English, which gives the 70/30 split. Dates are spread over 2019–2021.
//!
//! Invariants: the output is a pure function of the arguments, the fixtures and the
//! lexicon (a SplitMix64 generator, no `rand`, no clock, no hash-map order); an existing,
//! non-empty DIR is refused rather than mixed with or deleted.

use aho_corasick::{AhoCorasick, MatchKind};
use claimgraph::lexicon::Lexicon;
use claimgraph::normalize::Normalized;
use claimgraph::segment::{self, LineKind};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

const USAGE: &str = "usage: gencorpus --articles N [--seed S] [--out DIR] [--jsonl FILE]

Writes N synthetic articles (see examples/gencorpus.rs) to DIR (sharded .txt files with
front matter, plus DIR/STATS) and/or to FILE (JSONL). At least one of --out and --jsonl.";

/// Files per subdirectory of `--out`.
const SHARD: usize = 1000;
/// Outlets `01`–`21` publish in Arabic, `22`–`30` in English.
const ARABIC_OUTLETS: u32 = 21;
const OUTLETS: u32 = 30;
/// Body sentences per article, inclusive.
const BODY_SENTENCES: (usize, usize) = (6, 20);
/// Body sentences up to this many words also serve as headlines.
const HEADLINE_WORDS: usize = 12;
/// Shorter body "sentences" are fragments (`لك الله”`, a stray `error:`), left out.
const MIN_WORDS: usize = 4;

/// Arabic clitics that may stand before a name inside its first word (`بريف`, `وقسد`).
const CLITICS: &[&str] = &["", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك"];
const WEEKDAYS_AR: &[&str] = &[
    "السبت",
    "الأحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
];
const WEEKDAYS_EN: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_AR: &[&str] = &[
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];
const MONTHS_EN: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What the user typed, checked.
#[derive(Debug)]
struct Options {
    articles: usize,
    seed: u64,
    out: Option<PathBuf>,
    jsonl: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Ar,
    En,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }
}

/// A place in a sentence where generated text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// A town, village, road or base (a lexicon place that is not a region).
    Place,
    /// A governorate, a countryside, "north-east Syria".
    Region,
    Actor,
    Weekday,
    Month,
    /// A year: the article's own.
    Year,
    /// A number with as many digits as the one it replaces, in the same digits.
    Number {
        digits: usize,
        arabic: bool,
    },
}

#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Slot(Slot),
}

/// A sentence (or headline) with its slots, and how many sentences the segmenter made of it.
#[derive(Debug, Clone)]
struct Template {
    pieces: Vec<Piece>,
    sentences: usize,
    /// Ends as a sentence ends (`.`, `!`, `?`, `؟`, maybe inside a quotation): another may
    /// follow it on its line without the segmenter running the two together.
    closed: bool,
}

/// The names slots are filled with, in one language.
#[derive(Debug, Default)]
struct Names {
    places: Vec<String>,
    regions: Vec<String>,
    /// Per actor, its aliases (an actor is drawn first, then one of its names, so actors
    /// with many aliases are not favoured).
    actors: Vec<Vec<String>>,
    weekdays: &'static [&'static str],
    months: &'static [&'static str],
}

/// Everything one language's articles are made of.
struct Pool {
    lang: Lang,
    headlines: Vec<Template>,
    sentences: Vec<Template>,
    names: Names,
}

/// What was written, for the summary and `STATS`.
#[derive(Debug, Default)]
struct Totals {
    articles: usize,
    arabic: usize,
    bytes: usize,
    sentences: usize,
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough to pick sentences.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias is below 2^-40 for these n).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn main() {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return;
        }
        Err(message) => {
            eprintln!("gencorpus: {message}\n{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(message) = run(&options) {
        eprintln!("gencorpus: {message}");
        std::process::exit(1);
    }
}

/// The first phase: exactly what was typed, validated. `None` asks for the usage text.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let (mut articles, mut seed, mut out, mut jsonl) = (None, 1, None, None);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.to_owned())),
            _ => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--articles" => {
                let v = value()?;
                articles = Some(
                    v.parse::<usize>()
                        .map_err(|_| format!("--articles: not a count: {v}"))?,
                );
            }
            "--seed" => {
                let v = value()?;
                seed = v.parse::<u64>().map_err(|_| format!("--seed: not a number: {v}"))?;
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--jsonl" => jsonl = Some(PathBuf::from(value()?)),
            _ => return Err(format!("unknown argument `{arg}`")),
        }
    }
    let articles = articles.ok_or("--articles is required")?;
    if out.is_none() && jsonl.is_none() {
        return Err("give --out DIR, --jsonl FILE, or both".to_owned());
    }
    Ok(Some(Options {
        articles,
        seed,
        out,
        jsonl,
    }))
}

/// The second phase (material read and parsed, outputs checked), then the writing.
fn run(options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(dir) = &options.out
        && std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
    {
        return Err(format!(
            "{} exists and is not empty; remove it or choose another directory",
            dir.display()
        ));
    }
    let pools = load_pools(root)?;
    let mut jsonl = match &options.jsonl {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => None,
    };
    let mut rng = Rng(options.seed);
    let mut totals = Totals::default();
    let mut text = String::new();
    let width = options.articles.saturating_sub(1).to_string().len().max(7);
    for i in 0..options.articles {
        let id = format!("syn-{i:0width$}");
        let article = article(&pools, &mut rng, &mut text);
        totals.articles += 1;
        totals.arabic += usize::from(article.lang == Lang::Ar);
        totals.sentences += article.sentences;
        if let Some(dir) = &options.out {
            let shard = dir.join(format!("{:03}", i / SHARD));
            if i % SHARD == 0 {
                std::fs::create_dir_all(&shard).map_err(|e| format!("{}: {e}", shard.display()))?;
            }
            let front = front_matter(&article);
            totals.bytes += front.len() + text.len();
            let path = shard.join(format!("{id}.txt"));
            let mut file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            file.write_all(front.as_bytes())
                .and_then(|()| file.write_all(text.as_bytes()))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        if let Some(out) = &mut jsonl {
            let record = Record {
                id: &id,
                outlet: &article.outlet,
                published: &article.published,
                language: article.lang.code(),
                title: text.lines().next().unwrap_or_default(),
                text: &text,
            };
            serde_json::to_writer(&mut *out, &record)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|e| format!("JSONL: {e}"))?;
        }
    }
    if let Some(mut out) = jsonl {
        out.flush().map_err(|e| format!("JSONL: {e}"))?;
    }
    let mut where_to = Vec::new();
    if let Some(dir) = &options.out {
        let stats = format!(
            "articles {}\nbytes {}\nsentences {}\nseed {}\n",
            totals.articles, totals.bytes, totals.sentences, options.seed
        );
        let path = dir.join("STATS");
        std::fs::write(&path, stats).map_err(|e| format!("{}: {e}", path.display()))?;
        where_to.push(dir.display().to_string());
    }
    if let Some(path) = &options.jsonl {
        let len = std::fs::metadata(path).map_or(0, |m| m.len());
        if options.out.is_none() {
            totals.bytes = len as usize;
        }
        where_to.push(format!("{} ({len} bytes)", path.display()));
    }
    eprintln!(
        "gencorpus: {} articles ({} ar, {} en), {} bytes, {} sentences, seed {}, {:.1} s -> {}",
        totals.articles,
        totals.arabic,
        totals.articles - totals.arabic,
        totals.bytes,
        totals.sentences,
        options.seed,
        started.elapsed().as_secs_f64(),
        where_to.join(", ")
    );
    Ok(())
}

/// One JSONL line.
#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    outlet: &'a str,
    published: &'a str,
    language: &'a str,
    title: &'a str,
    text: &'a str,
}

/// An article's metadata; its text is in the buffer `article` filled.
struct Meta {
    lang: Lang,
    outlet: String,
    published: String,
    sentences: usize,
}

fn front_matter(meta: &Meta) -> String {
    format!(
        "---\noutlet: {}\npublished: {}\nlanguage: {}\n---\n",
        meta.outlet,
        meta.published,
        meta.lang.code()
    )
}

/// Draws one article into `text` (headline, blank line, paragraphs of 1–3 sentences).
fn article(pools: &[Pool; 2], rng: &mut Rng, text: &mut String) -> Meta {
    let number = rng.below(OUTLETS as usize) as u32 + 1;
    let pool = &pools[usize::from(number > ARABIC_OUTLETS)];
    let year = rng.between(2019, 2021);
    let month = rng.between(1, 12);
    let days = match month {
        2 if year == 2020 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let day = rng.between(1, days);
    text.clear();
    let headline = rng.pick(&pool.headlines);
    fill(headline, &pool.names, year, rng, text);
    let mut sentences = headline.sentences;
    let body = rng.between(BODY_SENTENCES.0, BODY_SENTENCES.1);
    let mut in_paragraph = 0;
    let mut paragraph = 0;
    let mut closed = false;
    for _ in 0..body {
        if in_paragraph == paragraph || !closed {
            text.push_str("\n\n");
            in_paragraph = 0;
            paragraph = rng.between(1, 3);
        } else {
            text.push(' ');
        }
        let sentence = rng.pick(&pool.sentences);
        fill(sentence, &pool.names, year, rng, text);
        sentences += sentence.sentences;
        closed = sentence.closed;
        in_paragraph += 1;
    }
    text.push('\n');
    Meta {
        lang: pool.lang,
        outlet: format!("Synthetic Outlet {number:02}"),
        published: format!("{year}-{month:02}-{day:02}"),
        sentences,
    }
}

/// Appends `template` to `out` with every slot filled. A sentence that now starts with a
/// lower-case name (`border zone`) is capitalised, or the segmenter would not end the
/// sentence before it.
fn fill(template: &Template, names: &Names, year: usize, rng: &mut Rng, out: &mut String) {
    let start = out.len();
    for piece in &template.pieces {
        match piece {
            Piece::Text(s) => out.push_str(s),
            Piece::Slot(Slot::Place) => push_name(out, rng.pick(&names.places).as_str()),
            Piece::Slot(Slot::Region) => push_name(out, rng.pick(&names.regions).as_str()),
            Piece::Slot(Slot::Actor) => {
                let actor = rng.pick(&names.actors);
                push_name(out, rng.pick(actor).as_str());
            }
            Piece::Slot(Slot::Weekday) => out.push_str(names.weekdays[rng.below(names.weekdays.len())]),
            Piece::Slot(Slot::Month) => out.push_str(names.months[rng.below(names.months.len())]),
            Piece::Slot(Slot::Year) => {
                let _ = write!(out, "{year}");
            }
            Piece::Slot(Slot::Number { digits, arabic }) => {
                for k in 0..*digits {
                    let d = if k == 0 { rng.between(1, 9) } else { rng.below(10) } as u32;
                    let zero = if *arabic { '\u{0660}' } else { '0' };
                    out.push(char::from_u32(zero as u32 + d).expect("a digit"));
                }
            }
        }
    }
    if let Some(first) = out[start..].chars().next()
        && first.is_ascii_lowercase()
    {
        out[start..start + 1].make_ascii_uppercase();
    }
}

/// Appends a name after whatever clitics `out` ends with: `ل` before the article `ال`
/// takes its alef (`ل` + `الدولة` → `للدولة`).
fn push_name(out: &mut String, name: &str) {
    let word_start = out
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    match name.strip_prefix('ا') {
        Some(rest) if rest.starts_with('ل') && out[word_start..].ends_with('ل') => out.push_str(rest),
        _ => out.push_str(name),
    }
}

/// Reads the fixtures and the lexicon into one pool per language (Arabic first).
fn load_pools(root: &Path) -> Result<[Pool; 2], String> {
    let lexicon_path = root.join("src/lexicon/data/syria.toml");
    let source = std::fs::read_to_string(&lexicon_path).map_err(|e| format!("{}: {e}", lexicon_path.display()))?;
    let pack: toml::Table = source.parse().map_err(|e| format!("{}: {e}", lexicon_path.display()))?;
    let mut pools = [Lang::Ar, Lang::En].map(|lang| {
        let mut names = names(&pack, lang);
        (names.weekdays, names.months) = match lang {
            Lang::Ar => (WEEKDAYS_AR, MONTHS_AR),
            Lang::En => (WEEKDAYS_EN, MONTHS_EN),
        };
        Pool {
            lang,
            headlines: Vec::new(),
            sentences: Vec::new(),
            names,
        }
    });
    let finders = [Finder::new(&pack, Lang::Ar)?, Finder::new(&pack, Lang::En)?];
    let furniture = Lexicon::embedded().furniture;
    for dir in ["fixtures/ain-issa", "fixtures/synthetic-en"] {
        let dir = root.join(dir);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let norm = Normalized::new(&text);
            let cut = segment::segment(&text, body_start(&text), &norm, &furniture);
            for (index, line) in cut.lines.iter().enumerate() {
                let sentences: Vec<&str> = cut
                    .sentences
                    .iter()
                    .filter(|s| s.line == index)
                    .map(|s| text[s.span.range()].trim())
                    .filter(|s| !s.is_empty())
                    .collect();
                let Some(first) = sentences.first() else { continue };
                let lang = if first.chars().any(claimgraph::lexicon::matcher::is_arabic) {
                    Lang::Ar
                } else {
                    Lang::En
                };
                let (pool, finder) = (&mut pools[lang as usize], &finders[lang as usize]);
                match line.kind {
                    LineKind::Headline => {
                        let whole = text[line.span.range()].trim();
                        pool.headlines.push(finder.template(whole, sentences.len()));
                    }
                    LineKind::Body => {
                        for s in sentences {
                            let words = s.split_whitespace().count();
                            if words < MIN_WORDS {
                                continue;
                            }
                            pool.sentences.push(finder.template(s, 1));
                            if words <= HEADLINE_WORDS {
                                let bare = s.trim_end_matches(['.', '!', '?', '؟', ':', '،', ',']);
                                pool.headlines.push(finder.template(bare, 1));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    for pool in &pools {
        if pool.sentences.is_empty() || pool.headlines.is_empty() || pool.names.places.is_empty() {
            return Err(format!(
                "no {} sentences, headlines or places found under {}",
                pool.lang.code(),
                root.display()
            ));
        }
    }
    Ok(pools)
}

/// Where the text after a front-matter block starts (0 without one).
fn body_start(text: &str) -> usize {
    let Some(rest) = text.strip_prefix("---\n") else {
        return 0;
    };
    rest.find("\n---\n").map_or(0, |end| 4 + end + 5)
}

/// The aliases of `table` (`actor`, `place`) in `lang`, as (entry index, is region, text).
/// A pack's default language is Arabic; aliases with a `*` wildcard are left out.
fn aliases(pack: &toml::Table, table: &str, lang: Lang) -> Vec<(usize, bool, String)> {
    let default = pack
        .get("lexicon")
        .and_then(|l| l.get("language"))
        .and_then(|l| l.as_str())
        .unwrap_or("ar");
    let entries = pack
        .get(table)
        .and_then(|t| t.as_array())
        .map_or(&[][..], |a| a.as_slice());
    let mut out = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let region = entry.get("region").and_then(|r| r.as_bool()).unwrap_or(false);
        let list = entry
            .get("aliases")
            .and_then(|a| a.as_array())
            .map_or(&[][..], |a| a.as_slice());
        for alias in list {
            let Some(text) = alias.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            let alias_lang = alias.get("lang").and_then(|l| l.as_str()).unwrap_or(default);
            if alias_lang == lang.code() && !text.contains('*') {
                out.push((index, region, text.to_owned()));
            }
        }
    }
    out
}

/// The names slots are filled with: every actor alias; the first alias of each place (its
/// plain name, so `مدينة “عين عيسى”` does not become `مدينة “بلدة صيدا”`). Arabic text
/// gets names in Arabic script only (`M4` is an alias, but not a name to put anywhere).
fn names(pack: &toml::Table, lang: Lang) -> Names {
    let mut names = Names::default();
    let mut last = None;
    let script = |text: &str| lang == Lang::En || text.chars().any(claimgraph::lexicon::matcher::is_arabic);
    for (index, region, text) in aliases(pack, "place", lang) {
        if last != Some(index) && script(&text) {
            if region { &mut names.regions } else { &mut names.places }.push(text);
            last = Some(index);
        }
    }
    for (index, _, text) in aliases(pack, "actor", lang) {
        if !script(&text) {
            continue;
        }
        if names.actors.len() <= index {
            names.actors.resize(index + 1, Vec::new());
        }
        names.actors[index].push(text);
    }
    names.actors.retain(|a| !a.is_empty());
    names
}

/// Finds the slots of a sentence: every lexicon name, weekday and month as a whole word
/// (after Arabic clitics), longest first; then the numbers in what is left.
struct Finder {
    matcher: AhoCorasick,
    slots: Vec<Slot>,
}

impl Finder {
    fn new(pack: &toml::Table, lang: Lang) -> Result<Finder, String> {
        let mut patterns = Vec::new();
        let mut slots = Vec::new();
        for (_, region, text) in aliases(pack, "place", lang) {
            patterns.push(text);
            slots.push(if region { Slot::Region } else { Slot::Place });
        }
        for (_, _, text) in aliases(pack, "actor", lang) {
            patterns.push(text);
            slots.push(Slot::Actor);
        }
        let (weekdays, months) = match lang {
            Lang::Ar => (WEEKDAYS_AR, MONTHS_AR),
            Lang::En => (WEEKDAYS_EN, MONTHS_EN),
        };
        for (list, slot) in [(weekdays, Slot::Weekday), (months, Slot::Month)] {
            for w in list {
                patterns.push((*w).to_owned());
                slots.push(slot);
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| format!("names: {e}"))?;
        Ok(Finder { matcher, slots })
    }

    fn template(&self, sentence: &str, sentences: usize) -> Template {
        let mut pieces = Vec::new();
        let mut at = 0;
        for m in self.matcher.find_iter(sentence) {
            if !whole_word(sentence, m.start(), m.end()) {
                continue;
            }
            numbers(&sentence[at..m.start()], &mut pieces);
            pieces.push(Piece::Slot(self.slots[m.pattern().as_usize()]));
            at = m.end();
        }
        numbers(&sentence[at..], &mut pieces);
        let closed = sentence
            .trim_end_matches(['"', '”', '»', '\'', ')'])
            .ends_with(['.', '!', '?', '؟']);
        Template {
            pieces,
            sentences,
            closed,
        }
    }
}

/// Whether `text[start..end]` is a word of its own: nothing but clitics before it in its
/// word, and no letter or digit after it.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    let word_start = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    after && CLITICS.contains(&&text[word_start..start])
}

/// Pushes `text` as text pieces and number slots. Digits touching a letter (`M4`) stay;
/// a four-digit number from 1990 to 2030 is a year.
fn numbers(text: &str, pieces: &mut Vec<Piece>) {
    let is_digit = |c: char| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c);
    let mut from = 0;
    let mut at = 0;
    while let Some(offset) = text[at..].find(is_digit) {
        let start = at + offset;
        let end = text[start..]
            .find(|c: char| !is_digit(c))
            .map_or(text.len(), |n| start + n);
        at = end;
        let touches_letter = text[..start].chars().next_back().is_some_and(char::is_alphabetic)
            || text[end..].chars().next().is_some_and(char::is_alphabetic);
        if touches_letter {
            continue;
        }
        let run = &text[start..end];
        let slot = if run.len() == 4 && run.parse::<u32>().is_ok_and(|y| (1990..=2030).contains(&y)) {
            Slot::Year
        } else {
            Slot::Number {
                digits: run.chars().count(),
                arabic: !run.starts_with(|c: char| c.is_ascii_digit()),
            }
        };
        if from < start {
            pieces.push(Piece::Text(text[from..start].to_owned()));
        }
        pieces.push(Piece::Slot(slot));
        from = end;
    }
    if from < text.len() {
        pieces.push(Piece::Text(text[from..].to_owned()));
    }
}
