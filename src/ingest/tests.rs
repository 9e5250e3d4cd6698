//! Ingest tests: each writes the inputs a user might have into a fresh temporary
//! directory, loads them, and checks the articles and the exact messages printed.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// A temporary directory removed on drop. Hand-rolled (a dozen lines) rather than a
/// `tempfile` dev-dependency, since the tests need nothing more.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("claimgraph-ingest-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Writes `contents` to `rel` (creating directories) and returns its path.
    fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn load_one(path: &Path) -> Corpus {
    load(&[path.to_path_buf()], &IngestOptions::default())
}

/// The one error of `corpus`, as printed; fails if it has articles or other errors.
fn only_error(corpus: &Corpus) -> String {
    assert!(corpus.articles.is_empty(), "unexpected articles: {:?}", corpus.articles);
    assert_eq!(corpus.errors.len(), 1, "errors: {:?}", corpus.errors);
    corpus.errors[0].to_string()
}

fn ids(corpus: &Corpus) -> Vec<&str> {
    corpus.articles.iter().map(|a| a.id.as_str()).collect()
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

// ---------------------------------------------------------------- front matter

#[test]
fn front_matter_declares_metadata_and_body_starts_after_it() {
    let dir = TempDir::new();
    let text = "---\noutlet: Tayf Post\npublished: \"2020-10\"\nlanguage: 'ar'\n# a comment\n\n\
                url: https://example.org/a?b=1\ntitle: Ain Issa: the withdrawal\nid: tayf-1\n---\n\
                Body text.\n";
    let path = dir.write("a.txt", text);
    let corpus = load_one(&path);
    assert!(corpus.errors.is_empty() && corpus.warnings.is_empty(), "{corpus:?}");
    let article = &corpus.articles[0];
    assert_eq!(article.id, "tayf-1");
    assert_eq!(article.text, text);
    assert_eq!(&article.text[article.body..], "Body text.\n");
    let meta = &article.meta;
    assert_eq!(meta.outlet.as_deref(), Some("Tayf Post"));
    assert_eq!(meta.outlet_from, Origin::FrontMatter);
    assert_eq!(meta.published, PartialDate::parse("2020-10"));
    assert_eq!(meta.published_from, Origin::FrontMatter);
    assert_eq!(meta.language.as_deref(), Some("ar"));
    assert_eq!(meta.language_from, Origin::FrontMatter);
    assert_eq!(meta.url.as_deref(), Some("https://example.org/a?b=1"));
    assert_eq!(meta.title.as_deref(), Some("Ain Issa: the withdrawal"));
}

#[test]
fn front_matter_with_crlf_and_bom_keeps_the_text_unchanged() {
    let dir = TempDir::new();
    for (name, text) in [
        ("crlf.txt", "---\r\noutlet: Al-Wasila\r\n---\r\nBody\r\nmore\r\n"),
        ("bom.txt", "\u{feff}---\noutlet: Al-Wasila\n---\nBody\nmore\n"),
    ] {
        let corpus = load_one(&dir.write(name, text));
        let article = &corpus.articles[0];
        assert_eq!(article.text, text, "{name}");
        assert!(article.text[article.body..].starts_with("Body"), "{name}");
        assert_eq!(article.meta.outlet.as_deref(), Some("Al-Wasila"), "{name}");
    }
}

#[test]
fn unknown_front_matter_key_is_a_warning_and_the_article_is_read() {
    let dir = TempDir::new();
    let path = dir.write("a.txt", "---\noutlet: X\nauthor: Someone\n---\nBody\n");
    let corpus = load_one(&path);
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.articles[0].meta.outlet.as_deref(), Some("X"));
    assert_eq!(
        corpus.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{}:3: unknown front-matter key `author` (ignored)\n  \
             hint: known keys: outlet, published, url, language, title, id",
            show(&path)
        )]
    );
}

#[test]
fn broken_front_matter_skips_the_file_naming_the_line() {
    let dir = TempDir::new();
    let cases = [
        (
            "---\noutlet: X\n\n",
            "1: front matter opened on this line is never closed\n  \
             hint: end the front matter with a line `---`",
        ),
        (
            "---\noutlet: X\nthis is prose\n---\nBody\n",
            "3: expected `key: value` in front matter, found `this is prose`\n  \
             hint: each front-matter line is `key: value`, a `# comment` or blank, \
             and the block ends with a line `---`",
        ),
        (
            "---\npublished: 23/11/2019\n---\nBody\n",
            "2: bad date `23/11/2019` for `published`\n  \
             hint: accepted forms: YYYY, YYYY-MM, YYYY-MM-DD (e.g. 2019-11-23)",
        ),
        (
            "---\noutlet: X\noutlet: Y\n---\nBody\n",
            "3: front-matter key `outlet` is given twice (first at line 2)\n  \
             hint: keep one of the values",
        ),
    ];
    for (text, expected) in cases {
        let path = dir.write("a.txt", text);
        assert_eq!(only_error(&load_one(&path)), format!("{}:{expected}", show(&path)));
    }
}

// ---------------------------------------------------------------- manifest

#[test]
fn the_seed_corpus_manifest_gives_the_gold_outlets_and_dates() {
    let corpus = load_one(Path::new("fixtures/ain-issa"));
    assert!(corpus.errors.is_empty() && corpus.warnings.is_empty(), "{corpus:?}");
    assert_eq!(
        ids(&corpus),
        [
            "000_f1a2565e78c4542f",
            "001_55ceff62e211bff7",
            "002_cd4e3883424c836d",
            "003_90aeaab6560ff404",
            "004_82cacde12b2b6950",
        ]
    );
    assert_eq!(corpus.articles[0].path, "fixtures/ain-issa/000_f1a2565e78c4542f.txt");
    let gold: toml::Table = fs::read_to_string("fixtures/ain-issa/gold.toml")
        .unwrap()
        .parse()
        .unwrap();
    let gold = gold["article"].as_array().unwrap();
    assert_eq!(gold.len(), 5);
    for (article, gold) in corpus.articles.iter().zip(gold) {
        assert!(article.id.starts_with(&format!("{}_", gold["id"].as_str().unwrap())));
        assert_eq!(article.meta.outlet.as_deref(), gold["outlet"].as_str());
        assert_eq!(article.meta.outlet_from, Origin::Manifest);
        let published = article.meta.published.unwrap().to_string();
        assert_eq!(Some(published.as_str()), gold["published"].as_str());
        assert_eq!(article.meta.published_from, Origin::Manifest);
        assert_eq!(article.meta.language.as_deref(), Some("ar"));
        assert_eq!(article.meta.language_from, Origin::Manifest);
        assert_eq!(article.body, 0);
    }
}

/// Loads a directory holding `a.txt`, `b.txt` and the manifest `toml`, which must be
/// reported as the one error `expected` (after `corpus.toml:`); the files are still read.
fn check_broken_manifest(toml: &str, expected: &str) {
    let dir = TempDir::new();
    dir.write("a.txt", "Alpha text.\n");
    dir.write("b.txt", "Beta text.\n");
    let manifest = dir.write("corpus.toml", toml);
    let corpus = load_one(dir.path());
    assert_eq!(ids(&corpus), ["a", "b"]);
    assert!(corpus.articles.iter().all(|a| a.meta.outlet.is_none()));
    assert_eq!(
        corpus.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!("{}:{expected}", show(&manifest))]
    );
}

const WITHOUT_MANIFEST: &str = "until it is fixed, the directory's files are read without manifest metadata";

#[test]
fn manifest_syntax_error_names_line_and_column() {
    check_broken_manifest(
        "[[article]]\nfile = \"a.txt\"\noutlet = \"Tayf Post\n",
        &format!(
            "3: invalid TOML at column 20: invalid basic string, expected `\"`\n  \
             hint: {WITHOUT_MANIFEST}"
        ),
    );
}

#[test]
fn manifest_problems_are_one_error_naming_the_line() {
    check_broken_manifest(
        "[[article]]\nfile = \"a.txt\"\nauthor = \"x\"\n\n[[article]]\nfile = \"b.txt\"\nwriter = \"y\"\n",
        &format!(
            "3: unknown key `author` in [[article]]\n  \
             hint: known keys: file, id, outlet, published, url, language, title; {WITHOUT_MANIFEST}"
        ),
    );
    check_broken_manifest(
        "[[article]]\nfile = \"a.txt\"\n\n[[article]]\nfile = \"missing.txt\"\n",
        &format!(
            "5: listed file `missing.txt` does not exist\n  \
             hint: `file` is relative to the directory of corpus.toml; {WITHOUT_MANIFEST}"
        ),
    );
    check_broken_manifest(
        "[[article]]\nfile = \"a.txt\"\n\n[[article]]\noutlet = \"X\"\n",
        &format!(
            "4: [[article]] has no `file`\n  hint: name the article's file, relative to the \
             manifest: file = \"000_example.txt\"; {WITHOUT_MANIFEST}"
        ),
    );
    check_broken_manifest(
        "[[article]]\nfile = \"a.txt\"\npublished = \"23/11/2019\"\n",
        &format!(
            "3: bad date `23/11/2019` for `published`\n  hint: accepted forms: YYYY, YYYY-MM, \
             YYYY-MM-DD (e.g. 2019-11-23); {WITHOUT_MANIFEST}"
        ),
    );
    check_broken_manifest(
        "title = \"corpus\"\n",
        &format!(
            "1: unknown key `title`\n  hint: the manifest has `[defaults]` and `[[article]]` \
             tables; {WITHOUT_MANIFEST}"
        ),
    );
    check_broken_manifest(
        "[[article]]\nfile = \"a.txt\"\n[[article]]\nfile = \"./a.txt\"\n",
        &format!("4: file `./a.txt` is listed twice\n  hint: keep one [[article]] per file; {WITHOUT_MANIFEST}"),
    );
}

#[test]
fn manifest_defaults_apply_to_unlisted_files_and_front_matter_wins() {
    let dir = TempDir::new();
    dir.write(
        "corpus.toml",
        "[defaults]\noutlet = \"Default Outlet\"\nlanguage = \"ar\"\n\n\
         [[article]]\nfile = \"listed.txt\"\noutlet = \"Manifest Outlet\"\npublished = \"2019-11\"\n\
         id = \"renamed\"\n\n[[article]]\nfile = \"sub/deep.md\"\nurl = \"https://x\"\n",
    );
    dir.write("listed.txt", "---\noutlet: Front Outlet\n---\nThe text.\n");
    dir.write("unlisted.txt", "The text.\n");
    dir.write("sub/deep.md", "The text.\n");
    let corpus = load_one(dir.path());
    assert!(corpus.errors.is_empty() && corpus.warnings.is_empty(), "{corpus:?}");
    assert_eq!(ids(&corpus), ["renamed", "sub/deep", "unlisted"]);
    let listed = &corpus.articles[0].meta;
    assert_eq!(listed.outlet.as_deref(), Some("Front Outlet"));
    assert_eq!(listed.outlet_from, Origin::FrontMatter);
    assert_eq!(listed.published, PartialDate::parse("2019-11"));
    assert_eq!(listed.published_from, Origin::Manifest);
    let deep = &corpus.articles[1].meta;
    assert_eq!(deep.url.as_deref(), Some("https://x"));
    assert_eq!(deep.outlet.as_deref(), Some("Default Outlet"));
    let unlisted = &corpus.articles[2].meta;
    assert_eq!(unlisted.outlet.as_deref(), Some("Default Outlet"));
    assert_eq!(unlisted.outlet_from, Origin::Manifest);
    assert_eq!(unlisted.language.as_deref(), Some("ar"));
    assert_eq!(unlisted.language_from, Origin::Manifest);
    assert_eq!(unlisted.published_from, Origin::None);
}

#[test]
fn a_file_given_directly_takes_its_directorys_manifest() {
    let corpus = load_one(Path::new("fixtures/ain-issa/002_cd4e3883424c836d.txt"));
    assert!(corpus.errors.is_empty(), "{corpus:?}");
    assert_eq!(ids(&corpus), ["002_cd4e3883424c836d"]);
    assert_eq!(corpus.articles[0].meta.outlet.as_deref(), Some("Tayf Post"));
}

// ---------------------------------------------------------------- JSONL

#[test]
fn jsonl_records_become_articles_with_the_decoded_text() {
    let dir = TempDir::new();
    let lines = [
        r#"{"id": "r1", "outlet": "Tayf Post", "published": "2020-10-25", "url": "https://x", "language": "ar", "title": "T", "text": "قال \"المرصد\"\nإن القوات انسحبت"}"#,
        "",
        r#"{"text": "No id here.\r\nSecond line.", "published": null}"#,
    ];
    let path = dir.write("data.jsonl", lines.join("\n"));
    let corpus = load_one(&path);
    assert!(corpus.errors.is_empty() && corpus.warnings.is_empty(), "{corpus:?}");
    assert_eq!(ids(&corpus), ["data:3", "r1"]);
    let r1 = &corpus.articles[1];
    let decoded: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(r1.text, decoded["text"].as_str().unwrap());
    assert_eq!(r1.body, 0);
    assert_eq!(r1.path, format!("{}:1", show(&path)));
    // Offsets index the decoded text: a multi-byte quote sits where the string has it.
    let quote = r1.text.find("المرصد").unwrap();
    assert_eq!(&r1.text[quote..quote + "المرصد".len()], "المرصد");
    assert_eq!(r1.meta.outlet.as_deref(), Some("Tayf Post"));
    assert_eq!(r1.meta.outlet_from, Origin::Jsonl);
    assert_eq!(r1.meta.published, PartialDate::parse("2020-10-25"));
    assert_eq!(r1.meta.language_from, Origin::Jsonl);
    assert_eq!(r1.meta.title.as_deref(), Some("T"));
    let unnamed = &corpus.articles[0];
    assert_eq!(unnamed.text, "No id here.\r\nSecond line.");
    assert_eq!(unnamed.path, format!("{}:3", show(&path)));
    assert_eq!(unnamed.meta.language.as_deref(), Some("en"));
    assert_eq!(unnamed.meta.language_from, Origin::Script);
}

#[test]
fn a_bad_jsonl_line_is_one_error_and_the_others_are_read() {
    let dir = TempDir::new();
    let path = dir.write(
        "data.jsonl",
        "{\"id\": \"ok1\", \"text\": \"fine\"}\n\
         {\"id\": \"bad\", \"text\": \"x\",}\n\
         {\"id\": \"nota\"}\n\
         {\"id\": \"blank\", \"text\": \"  \"}\n\
         [1, 2]\n\
         {\"id\": \"date\", \"text\": \"x\", \"published\": \"Nov 2019\"}\n\
         {\"id\": \"type\", \"text\": \"x\", \"outlet\": 3}\n\
         {\"id\": \"ok2\", \"text\": \"fine\", \"date\": \"2019\"}\n",
    );
    let corpus = load_one(&path);
    assert_eq!(ids(&corpus), ["ok1", "ok2"]);
    let p = show(&path);
    let hint = "hint: each line must be one JSON object such as \
                {\"id\": \"a1\", \"outlet\": \"Tayf Post\", \"text\": \"…\"}";
    assert_eq!(
        corpus.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            format!("{p}:2: invalid JSON at column 27: trailing comma\n  {hint}"),
            format!("{p}:3: record has no `text`\n  {hint}"),
            format!("{p}:4: record `text` is empty\n  hint: {}", decode::EMPTY_HINT),
            format!("{p}:5: expected a JSON object, found an array\n  {hint}"),
            format!(
                "{p}:6: bad date `Nov 2019` for `published`\n  \
                 hint: accepted forms: YYYY, YYYY-MM, YYYY-MM-DD (e.g. 2019-11-23)"
            ),
            format!("{p}:7: field `outlet` must be a string, found a number\n  {hint}"),
        ]
    );
    assert_eq!(
        corpus.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{p}:8: unknown field `date` (ignored in every record)\n  \
             hint: known fields: id, outlet, published, url, language, title, text"
        )]
    );
}

#[test]
fn jsonl_limits_the_size_of_each_record_and_checks_utf8_per_line() {
    let dir = TempDir::new();
    let path = dir.write(
        "data.jsonl",
        b"{\"id\": \"small\", \"text\": \"0123456789\"}\n{\"id\": \"big\", \"text\": \"0123456789A\"}\n{\"text\": \"\xE1\"}\n",
    );
    let corpus = load(std::slice::from_ref(&path), &IngestOptions { max_article_bytes: 10 });
    assert_eq!(ids(&corpus), ["small"]);
    let p = show(&path);
    assert_eq!(
        corpus.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            format!(
                "{p}:2: record `text` is 11 bytes, over the limit of 10 bytes per article\n  \
                 hint: raise the limit with --max-article-bytes, or split the file"
            ),
            format!(
                "{p}:3: is not valid UTF-8 (byte 0xE1 at byte offset 85)\n  hint: convert it to \
                 UTF-8, e.g. `iconv -f WINDOWS-1256 -t UTF-8 FILE > FILE.utf8` (WINDOWS-1256 is \
                 the usual legacy encoding of Arabic text)"
            ),
        ]
    );
}

#[test]
fn a_jsonl_line_over_the_limit_is_skipped_without_being_held_and_the_next_lines_read() {
    let options = IngestOptions { max_article_bytes: 10 };
    let limit = jsonl::max_line_bytes(&options);
    let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(3 * limit));
    let input = [
        "{\"id\": \"a\", \"text\": \"first\"}\n",
        &long,
        "{\"id\": \"c\", \"text\": \"third\"}\n",
    ]
    .concat();
    // Not UTF-8, after the long line: its offset still counts every byte skipped.
    let bad_at = input.len() + "{\"text\": \"".len();
    let mut input = input.into_bytes();
    input.extend_from_slice(b"{\"text\": \"\xE1\"}\n");
    let corpus = read_stdin(Cursor::new(input), &options);
    assert_eq!(ids(&corpus), ["a", "c"]);
    let errors: Vec<String> = corpus.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        errors[0],
        format!(
            "-:2: line is longer than the limit of {limit} bytes\n  hint: a record's `text` may hold \
             --max-article-bytes once decoded, its line three times that; raise --max-article-bytes, \
             or split the record"
        )
    );
    assert!(
        errors[1].starts_with(&format!("-:4: is not valid UTF-8 (byte 0xE1 at byte offset {bad_at})")),
        "{}",
        errors[1]
    );
}

#[test]
fn standard_input_is_read_no_further_than_the_limit() {
    let options = IngestOptions {
        max_article_bytes: 1000,
    };
    // An endless stream: only a bounded read ends.
    let corpus = read_stdin(std::io::repeat(b'a'), &options);
    assert_eq!(
        only_error(&corpus),
        "-: is over the limit of 1000 bytes per article\n  hint: raise the limit with \
         --max-article-bytes, or split the file"
    );
    let corpus = read_stdin(std::io::repeat(b' '), &options);
    assert!(only_error(&corpus).starts_with("-: is over the limit of 1000 bytes"));
    // JSONL after leading whitespace and a BOM is still JSONL.
    let corpus = read_stdin(Cursor::new("\u{feff}  \n {\"id\": \"j\", \"text\": \"x\"}"), &options);
    assert_eq!(ids(&corpus), ["j"]);
}

// ---------------------------------------------------------------- discovery

#[test]
fn directories_are_walked_sorted_and_recursively_taking_article_files_only() {
    let dir = TempDir::new();
    dir.write("b.txt", "Bravo.");
    dir.write("a.md", "Alpha.");
    dir.write("sub/c.txt", "Charlie.");
    dir.write("sub/deeper/d.jsonl", "{\"text\": \"Delta.\"}\n");
    dir.write("notes.pdf", "%PDF");
    dir.write("README", "not an article");
    dir.write("corpus.bak", "x");
    dir.write(".hidden.txt", "Hidden.");
    dir.write(".git/e.txt", "Hidden too.");
    let corpus = load_one(dir.path());
    assert!(corpus.errors.is_empty() && corpus.warnings.is_empty(), "{corpus:?}");
    assert_eq!(ids(&corpus), ["a", "b", "sub/c", "sub/deeper/d:1"]);
    let root = show(dir.path());
    assert_eq!(corpus.articles[2].path, format!("{root}/sub/c.txt"));
    assert_eq!(corpus.articles[3].path, format!("{root}/sub/deeper/d.jsonl:1"));
}

#[test]
fn a_file_given_directly_is_read_whatever_its_extension() {
    let dir = TempDir::new();
    let path = dir.write("notes.text", "Plain text.");
    let corpus = load_one(&path);
    assert_eq!(ids(&corpus), ["notes"]);
    assert_eq!(corpus.articles[0].path, show(&path));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_read_once() {
    let dir = TempDir::new();
    dir.write("sub/a.txt", "Alpha.");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let corpus = load_one(dir.path());
    assert_eq!(ids(&corpus), ["sub/a"]);
    assert!(corpus.errors.is_empty());
    let root = show(dir.path());
    assert_eq!(
        corpus.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{root}/sub/loop: is the directory {root} again (skipped)\n  \
             hint: a symbolic link leads back to a directory already read"
        )]
    );
}

#[test]
fn duplicate_ids_are_renamed_in_discovery_order() {
    let dir = TempDir::new();
    let first = dir.write("one/a.txt", "First.");
    let second = dir.write("two/a.txt", "Second.");
    let third = dir.write("three/a.md", "Third.");
    let corpus = load(
        &[first.clone(), second.clone(), third.clone()],
        &IngestOptions::default(),
    );
    assert_eq!(ids(&corpus), ["a", "a~2", "a~3"]);
    assert_eq!(corpus.articles[1].text, "Second.");
    let hint = "hint: give each article its own id (front matter `id:`, the manifest's `id`, \
                or the JSONL record's `id`)";
    assert_eq!(
        corpus.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            format!(
                "{}: duplicate id `a` (already used by {}); renamed to `a~2`\n  {hint}",
                show(&second),
                show(&first)
            ),
            format!(
                "{}: duplicate id `a` (already used by {}); renamed to `a~3`\n  {hint}",
                show(&third),
                show(&first)
            ),
        ]
    );
}

#[test]
fn a_path_that_does_not_exist_is_an_error_and_the_rest_is_read() {
    let dir = TempDir::new();
    let good = dir.write("good.txt", "Good.");
    let missing = dir.path().join("missing");
    let corpus = load(&[missing.clone(), good], &IngestOptions::default());
    assert_eq!(ids(&corpus), ["good"]);
    assert_eq!(
        corpus.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{}: no such file or directory\n  \
             hint: check the path; give a file, a directory, or `-` for standard input",
            show(&missing)
        )]
    );
}

// ---------------------------------------------------------------- bad files

#[test]
fn bad_files_are_each_one_clear_error() {
    let dir = TempDir::new();
    let convert = "hint: convert it to UTF-8, e.g. `iconv -f WINDOWS-1256 -t UTF-8 FILE > FILE.utf8` \
                   (WINDOWS-1256 is the usual legacy encoding of Arabic text)";
    let empty = format!("hint: {}", decode::EMPTY_HINT);
    let cases: [(&str, &[u8], String); 6] = [
        // "قال" in WINDOWS-1256 on line 2.
        ("cp1256.txt", b"First line\nHe said \xE1\xC7\xE1.\n", format!(": is not valid UTF-8 (byte 0xE1 at byte offset 19)\n  {convert}")),
        ("image.txt", b"GIF89a\x01\x00\x00\x00", "looks binary (NUL byte at byte offset 7)\n  hint: only UTF-8 text (.txt, .md) and JSONL (.jsonl) are read; leave this file out".to_string()),
        ("utf16.txt", b"\xFF\xFEa\x00", "is UTF-16, not UTF-8\n  hint: convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`".to_string()),
        ("empty.txt", b"", format!("is empty\n  {empty}")),
        ("blank.md", b" \r\n\t\n", format!("is empty\n  {empty}")),
        ("front-only.txt", b"---\noutlet: X\n---\n\n", format!("is empty after its front matter\n  {empty}")),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.write(name, bytes);
        let expected = match expected.strip_prefix(':') {
            Some(rest) => format!("{}:2:{rest}", show(&path)),
            None => format!("{}: {expected}", show(&path)),
        };
        assert_eq!(only_error(&load_one(&path)), expected, "{name}");
    }
}

#[test]
fn a_file_over_the_limit_names_size_limit_and_flag() {
    let dir = TempDir::new();
    let path = dir.write("big.txt", "01234567890");
    let corpus = load(std::slice::from_ref(&path), &IngestOptions { max_article_bytes: 10 });
    assert_eq!(
        only_error(&corpus),
        format!(
            "{}: is 11 bytes, over the limit of 10 bytes per article\n  \
             hint: raise the limit with --max-article-bytes, or split the file",
            show(&path)
        )
    );
    let at_limit = dir.write("fits.txt", "0123456789");
    assert_eq!(
        load(&[at_limit], &IngestOptions { max_article_bytes: 10 })
            .articles
            .len(),
        1
    );
}

#[test]
fn files_without_final_newline_or_with_crlf_are_read_unchanged() {
    let dir = TempDir::new();
    for (name, text) in [
        ("plain.txt", "no final newline"),
        ("crlf.txt", "line one\r\nline two\r\n"),
        ("bom.txt", "\u{feff}with a BOM\n"),
    ] {
        let corpus = load_one(&dir.write(name, text));
        assert_eq!(corpus.articles[0].text, text, "{name}");
        assert_eq!(corpus.articles[0].body, 0, "{name}");
    }
}

// ---------------------------------------------------------------- stdin

#[test]
fn stdin_text_is_one_article_named_stdin() {
    let text = "---\noutlet: Awtan Post\n---\nقالت مصادر محلية إن القوات انسحبت.\n";
    let corpus = read_stdin(Cursor::new(text), &IngestOptions::default());
    assert!(corpus.errors.is_empty(), "{corpus:?}");
    let article = &corpus.articles[0];
    assert_eq!((article.id.as_str(), article.path.as_str()), ("stdin", "-"));
    assert_eq!(article.text, text);
    assert_eq!(article.meta.outlet.as_deref(), Some("Awtan Post"));
    assert_eq!(article.meta.language.as_deref(), Some("ar"));
    assert_eq!(article.meta.language_from, Origin::Script);
}

#[test]
fn stdin_starting_with_a_brace_is_jsonl() {
    let input = "\n  {\"id\": \"x\", \"text\": \"One.\"}\n{\"text\": \"Two.\"}\n";
    let corpus = read_stdin(Cursor::new(input), &IngestOptions::default());
    assert!(corpus.errors.is_empty(), "{corpus:?}");
    assert_eq!(ids(&corpus), ["stdin:3", "x"]);
    assert_eq!(corpus.articles[0].path, "-:3");
    assert_eq!(corpus.articles[1].path, "-:2");
}

#[test]
fn stdin_errors_name_it_as_dash() {
    let corpus = read_stdin(Cursor::new(""), &IngestOptions::default());
    assert_eq!(
        only_error(&corpus),
        format!("-: is empty\n  hint: {}", decode::EMPTY_HINT)
    );
    let corpus = read_stdin(Cursor::new(b"x\n\xC7".to_vec()), &IngestOptions::default());
    assert!(only_error(&corpus).starts_with("-:2: is not valid UTF-8 (byte 0xC7 at byte offset 2)"));
}

// ---------------------------------------------------------------- language

#[test]
fn language_is_detected_from_the_script() {
    assert_eq!(detect_language("انسحبت قوات النظام من عين عيسى"), Some("ar"));
    assert_eq!(detect_language("Regime forces withdrew from Ain Issa"), Some("en"));
    assert_eq!(detect_language("قالت وكالة SANA إن القوات انسحبت"), Some("ar"));
    assert_eq!(detect_language("ab عر"), None);
    assert_eq!(detect_language("2019-11-23 — 93"), None);
    assert_eq!(detect_language("Сирия"), None);
    assert_eq!(detect_language(""), None);
}

proptest::proptest! {
    #[test]
    fn language_read_off_the_bytes_is_language_read_by_character(
        text in "[a-zA-Z0-9 .\u{80}-\u{24f}\u{400}-\u{4ff}\u{600}-\u{6ff}\u{750}-\u{77f}\u{fb50}-\u{fdff}\u{fe70}-\u{feff}]{0,60}"
    ) {
        // The definition: every letter counted by its script, character by character.
        let (mut arabic, mut latin, mut letters) = (0usize, 0usize, 0usize);
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            match c as u32 {
                0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => arabic += 1,
                0x0041..=0x024F | 0x1E00..=0x1EFF => latin += 1,
                _ => {}
            }
            letters += 1;
        }
        let expected = if arabic * 2 > letters {
            Some("ar")
        } else if latin * 2 > letters {
            Some("en")
        } else {
            None
        };
        proptest::prop_assert_eq!(detect_language(&text), expected);
    }
}

#[test]
fn detection_reads_the_body_not_the_front_matter() {
    let dir = TempDir::new();
    let path = dir.write(
        "a.txt",
        "---\noutlet: Some Long English Outlet Name\ntitle: English title words\n---\nعين عيسى\n",
    );
    let corpus = load_one(&path);
    assert_eq!(corpus.articles[0].meta.language.as_deref(), Some("ar"));
    assert_eq!(corpus.articles[0].meta.language_from, Origin::Script);
}

proptest::proptest! {
    /// Any bytes at all: no panic, and an article read keeps them byte for byte.
    #[test]
    fn any_input_is_read_or_reported_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
        let corpus = read_stdin(Cursor::new(bytes.clone()), &IngestOptions::default());
        if let Some(article) = corpus.articles.first().filter(|a| a.path == "-") {
            proptest::prop_assert_eq!(article.text.as_bytes(), &bytes[..]);
            proptest::prop_assert!(article.text.is_char_boundary(article.body));
        }
    }

    /// Front-matter-shaped text: no panic, and `body` is a boundary inside the text.
    #[test]
    fn front_matter_like_text_never_panics(text in "(\u{feff})?(---\r?\n)?([a-z]{0,6}:? ?['\"]?[\\-0-9a-zé]{0,8}['\"]?\r?\n){0,4}(---)?(\r?\n)?[a-z ع]{0,10}") {
        let corpus = read_stdin(Cursor::new(text.clone()), &IngestOptions::default());
        for article in &corpus.articles {
            proptest::prop_assert_eq!(&article.text, &text);
            proptest::prop_assert!(article.body <= text.len() && text.is_char_boundary(article.body));
        }
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_reports_the_os_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new();
    let path = dir.write("locked.txt", "Secret.");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything, so the check only means something when the OS refuses.
    if fs::read(&path).is_err() {
        assert_eq!(
            only_error(&load_one(&path)),
            format!(
                "{}: cannot read: Permission denied (os error 13)\n  \
                 hint: check that you are allowed to read it",
                show(&path)
            )
        );
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
}

// ---------------------------------------------------------------- the read pass

/// What reading every pending article of `index` gives, in order: the text, or the error
/// as printed.
fn read_each(index: Index) -> Vec<Result<String, String>> {
    index
        .pending
        .into_iter()
        .map(|p| p.read().map(|a| a.text).map_err(|e| e.to_string()))
        .collect()
}

#[test]
fn the_index_keeps_no_text_of_a_file_and_reading_gives_it_back() {
    let dir = TempDir::new();
    let text = "---\noutlet: X\n---\r\nTitle\r\nBody.\r\n";
    let file = dir.write("a.txt", text);
    let feed = dir.write("b.jsonl", "\u{feff}{\"id\": \"r\", \"text\": \"Rec\\u00f6rd.\"}\n");
    let index = index(&[file, feed], &IngestOptions::default());
    assert!(index.errors.is_empty() && index.warnings.is_empty(), "{index:?}");
    assert!(index.pending.iter().all(|p| p.record.text.is_empty()), "{index:?}");
    assert_eq!(index.pending[0].record.body, "---\noutlet: X\n---\r\n".len());
    assert_eq!(read_each(index), [Ok(text.to_string()), Ok("Recörd.".to_string())]);
}

#[test]
fn a_file_changed_between_the_passes_is_an_error_and_the_others_are_still_read() {
    let dir = TempDir::new();
    dir.write("a.txt", "Alpha.");
    let same_length = dir.write("b.txt", "Bravo.");
    let grown = dir.write("c.txt", "Charlie.");
    let vanished = dir.write("d.txt", "Delta.");
    dir.write("e.txt", "Echo.");
    let index = index(&[dir.path().to_path_buf()], &IngestOptions::default());
    assert_eq!(
        index.pending.iter().map(|p| p.record.id.as_str()).collect::<Vec<_>>(),
        ["a", "b", "c", "d", "e"]
    );
    fs::write(&same_length, "Brave!").unwrap();
    fs::write(&grown, "Charlie, and more.").unwrap();
    fs::remove_file(&vanished).unwrap();
    let hint = "hint: the file changed while claimgraph was reading it; run again";
    assert_eq!(
        read_each(index),
        [
            Ok("Alpha.".to_string()),
            Err(format!(
                "{}: changed after it was first read\n  {hint}",
                show(&same_length)
            )),
            Err(format!("{}: changed after it was first read\n  {hint}", show(&grown))),
            Err(format!(
                "{}: cannot be read again: No such file or directory (os error 2)\n  {hint}",
                show(&vanished)
            )),
            Ok("Echo.".to_string()),
        ]
    );
}

#[test]
fn a_jsonl_record_changed_between_the_passes_is_named_with_its_line() {
    let dir = TempDir::new();
    let feed = dir.write(
        "feed.jsonl",
        "{\"id\": \"one\", \"text\": \"First.\"}\n{\"id\": \"two\", \"text\": \"Second.\"}\n",
    );
    let index = index(std::slice::from_ref(&feed), &IngestOptions::default());
    // Line 1 is unchanged (same bytes at the same offset); line 2's text is not.
    fs::write(
        &feed,
        "{\"id\": \"one\", \"text\": \"First.\"}\n{\"id\": \"two\", \"text\": \"Sec0nd.\"}\n",
    )
    .unwrap();
    assert_eq!(
        read_each(index),
        [
            Ok("First.".to_string()),
            Err(format!(
                "{}:2: changed after it was first read\n  \
                 hint: the file changed while claimgraph was reading it; run again",
                show(&feed)
            )),
        ]
    );
}

#[test]
fn read_errors_come_after_the_index_errors_in_article_order() {
    let dir = TempDir::new();
    dir.write("a.txt", "");
    let b = dir.write("b.txt", "Bravo.");
    let c = dir.write("c.txt", "Charlie.");
    dir.write("d.txt", "Delta.");
    let index = index(&[dir.path().to_path_buf()], &IngestOptions::default());
    // Changed in the opposite order to the ids: the errors still follow the ids.
    fs::remove_file(&c).unwrap();
    fs::remove_file(&b).unwrap();
    let corpus = index.read_all();
    assert_eq!(ids(&corpus), ["d"]);
    let paths: Vec<&str> = corpus.errors.iter().map(|e| e.path.as_str()).collect();
    let a = show(&dir.path().join("a.txt"));
    assert_eq!(paths, [a, show(&b), show(&c)]);
}

#[test]
fn duplicate_ids_across_a_directory_and_jsonl_are_renamed_and_each_reads_its_own_text() {
    let dir = TempDir::new();
    dir.write("corpus/a.txt", "From the file.");
    dir.write(
        "corpus/z.jsonl",
        "{\"id\": \"a\", \"text\": \"First record.\"}\n{\"id\": \"a~2\", \"text\": \"Second record.\"}\n",
    );
    let feed = dir.write("feed.jsonl", "{\"id\": \"a\", \"text\": \"From the feed.\"}\n");
    let corpus = load(&[dir.path().join("corpus"), feed.clone()], &IngestOptions::default());
    assert!(corpus.errors.is_empty(), "{corpus:?}");
    // In discovery order: a.txt keeps `a`, z.jsonl:1 takes `a~3` (its own line 2 holds
    // `a~2`), the feed `a~4`.
    let got: Vec<(&str, &str)> = corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("a", "From the file."),
            ("a~2", "Second record."),
            ("a~3", "First record."),
            ("a~4", "From the feed."),
        ]
    );
    let renamed: Vec<String> = corpus.warnings.iter().map(|w| w.message.clone()).collect();
    let first = show(&dir.path().join("corpus/a.txt"));
    assert_eq!(
        renamed,
        [
            format!("duplicate id `a` (already used by {first}); renamed to `a~3`"),
            format!("duplicate id `a` (already used by {first}); renamed to `a~4`"),
        ]
    );
    assert_eq!(corpus.warnings[1].path, format!("{}:1", show(&feed)));
}

/// Everything an index holds, as text: records in order, errors and warnings as printed.
fn index_text(index: &Index) -> String {
    let mut out = String::new();
    for p in &index.pending {
        out.push_str(&format!("{p:?}\n"));
    }
    for e in index.errors.iter().chain(&index.warnings) {
        out.push_str(&format!("{e}\n"));
    }
    out
}

#[test]
fn the_index_is_the_same_whatever_the_number_of_threads() {
    // More files than one batch, so every thread reads some; bad files, duplicates, a
    // manifest, front-matter warnings, JSONL and the walk's own errors among them.
    let dir = TempDir::new();
    dir.write(
        "sub/corpus.toml",
        "[defaults]\noutlet = \"Default Outlet\"\n\n[[article]]\nfile = \"f007.txt\"\nid = \"f003\"\n",
    );
    for k in 0..3 * FILES_PER_BATCH + 5 {
        let contents = match k % 9 {
            0 => b"\xFF\xFEa\x00".to_vec(),
            3 => format!("---\nshade: {k}\n---\nText {k}.\n").into_bytes(),
            5 => b"".to_vec(),
            _ => format!("Text {k}.\n").into_bytes(),
        };
        let dir_name = if k % 4 == 0 { "sub" } else { "top" };
        dir.write(&format!("{dir_name}/f{k:03}.txt"), contents);
    }
    dir.write(
        "top/feed.jsonl",
        "{\"id\": \"f010\", \"text\": \"fine\"}\n{\"id\": 3}\n",
    );
    let paths = [
        dir.path().join("top"),
        dir.path().join("missing"),
        dir.path().join("sub"),
        dir.path().join("top/f001.txt"),
    ];
    let on =
        |threads: usize| crate::parallel::in_threads(threads, || index_text(&index(&paths, &IngestOptions::default())));
    let one = on(1);
    for threads in [2, 3] {
        assert_eq!(on(threads), one, "{threads} threads");
    }
    // The tree does hold what it is meant to test.
    for expected in [
        "is UTF-16",
        "is empty",
        "unknown front-matter key",
        "duplicate id",
        "no such file",
        ":2:",
    ] {
        assert!(one.contains(expected), "{expected} missing from:\n{one}");
    }
}
