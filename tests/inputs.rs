//! Bad and unusual inputs through the real binary: each bad file is named with its line
//! and reason, the other files are still read, and the exit code says input was skipped.

use crate::common::{claimgraph, scratch, texts};
use serde_json::Value;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

const GOOD: &[u8] = "انسحاب الرتل من المدينة\nقالت مصادر محلية إن الرتل انسحب من المدينة مساء أمس.\n".as_bytes();

/// Runs `json` on a directory holding one good article and `bad`; returns the exit code,
/// stderr, and the ids of the articles in the output.
fn run_with_bad(test: &str, name: &str, bad: &[u8]) -> (Option<i32>, String, Vec<String>) {
    let dir = scratch(test);
    write(&dir, "good.txt", GOOD);
    write(&dir, name, bad);
    let out = claimgraph(&["json", dir.to_str().unwrap()], None);
    let (stdout, stderr) = texts(&out);
    let run: Value = serde_json::from_str(&stdout).expect("JSON is still written");
    let ids = run["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    (out.status.code(), stderr, ids)
}

fn assert_skipped(test: &str, name: &str, bad: &[u8], message: &str) {
    let (code, stderr, ids) = run_with_bad(test, name, bad);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains(message), "expected {message:?} in:\n{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
    assert_eq!(ids, ["good"], "the good article is still read");
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_line_and_byte_offset() {
    assert_skipped(
        "not_utf8",
        "legacy.txt",
        b"Title line\nsecond \xc7\xe1 line\n",
        "legacy.txt:2: is not valid UTF-8 (byte 0xC7 at byte offset 18)",
    );
}

#[test]
fn a_binary_file_is_skipped() {
    assert_skipped(
        "binary",
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0",
        "image.txt: looks binary",
    );
}

#[test]
fn an_empty_file_is_skipped() {
    assert_skipped("empty", "empty.txt", b"", "empty.txt: is empty");
    assert_skipped("blank", "blank.txt", b" \n\t\n", "blank.txt: is empty");
}

#[test]
fn malformed_front_matter_is_named_with_its_line() {
    assert_skipped(
        "front_matter_unclosed",
        "open.txt",
        b"---\noutlet: X\n",
        "open.txt:1: front matter opened on this line is never closed",
    );
    assert_skipped(
        "front_matter_date",
        "date.txt",
        b"---\noutlet: X\npublished: 23/11/2019\n---\nTitle\nBody text.\n",
        "date.txt:3: bad date `23/11/2019` for `published`",
    );
}

#[test]
fn a_malformed_manifest_is_named_and_the_files_are_still_read() {
    let dir = scratch("manifest");
    write(&dir, "good.txt", GOOD);
    write(
        &dir,
        "corpus.toml",
        b"[[article]]\nfile = \"good.txt\"\noutlet = \"X\"\npublished = \"soon\"\n",
    );
    let out = claimgraph(&["json", dir.to_str().unwrap()], None);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("corpus.toml:4: bad date `soon` for `published`"),
        "{stderr}"
    );
    let run: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        run["articles"][0]["outlet"], "unknown",
        "no manifest metadata is applied"
    );
}

#[test]
fn a_bad_jsonl_line_is_named_and_the_other_records_read() {
    let dir = scratch("jsonl");
    let records = concat!(
        r#"{"id":"a","outlet":"Tayf Post","published":"2020-10","text":"عنوان الخبر هنا\nقالت مصادر إن الرتل انسحب."}"#,
        "\n{\"id\": \"b\", \"text\": \n",
        r#"{"id":"c","outlet":"SANA","text":"Title of it\nThe column withdrew, SANA said."}"#,
        "\n"
    );
    write(&dir, "feed.jsonl", records.as_bytes());
    let out = claimgraph(&["json", dir.join("feed.jsonl").to_str().unwrap()], None);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("feed.jsonl:2: invalid JSON"), "{stderr}");
    let run: Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&str> = run["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(run["articles"][0]["outlet"], "tayf-post");
    assert_eq!(run["articles"][1]["language"], "en");
}

#[test]
fn a_missing_path_is_named() {
    let out = claimgraph(&["json", "no/such/dir"], None);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("no/such/dir: no such file or directory"), "{stderr}");
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let out = claimgraph(&["json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = claimgraph(&["frobnicate", "x"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn crlf_bom_no_trailing_newline_and_mixed_text_are_read_exactly() {
    let dir = scratch("unusual");
    let text = "\u{feff}---\r\noutlet: Test Wire\r\npublished: 2020-12-01\r\n---\r\nعنوان: Reuters says the column left\r\nقالت وكالة Reuters إن الرتل انسحب من عين عيسى. The SDF denied it.";
    write(&dir, "mixed.txt", text.as_bytes());
    let out = claimgraph(&["json", dir.to_str().unwrap()], None);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let run: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(run["articles"][0]["outlet"], "test-wire");
    assert_eq!(run["articles"][0]["published"], "2020-12-01");
    let quoted: Vec<&str> = run["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        quoted,
        [
            "عنوان: Reuters says the column left",
            "قالت وكالة Reuters إن الرتل انسحب من عين عيسى.",
            "The SDF denied it."
        ]
    );
    for m in run["mentions"].as_array().unwrap() {
        let (s, e) = (
            m["sentence"]["start"].as_u64().unwrap() as usize,
            m["sentence"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[s..e],
            m["text"].as_str().unwrap(),
            "offsets count the BOM, CRLF and front matter"
        );
    }
}

#[test]
fn stdin_is_read_as_an_article() {
    let out = claimgraph(&["json", "-"], Some(GOOD));
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let run: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(run["articles"][0]["id"], "stdin");
    assert_eq!(run["articles"][0]["language"], "ar");
    assert_eq!(run["mentions"].as_array().unwrap().len(), 2);
}

#[test]
fn stdin_jsonl_beside_a_directory_reads_as_the_same_feed_from_a_file() {
    let dir = scratch("stdin_jsonl");
    write(&dir, "corpus/good.txt", GOOD);
    let feed = concat!(
        r#"{"id":"good","outlet":"SANA","text":"Title of it\nThe column withdrew, SANA said."}"#,
        "\n",
        r#"{"id":"c","text":"قالت مصادر محلية إن الرتل انسحب."}"#,
        "\n"
    );
    write(&dir, "feed.jsonl", feed.as_bytes());
    let corpus = dir.join("corpus");
    let runs: Vec<Value> = [
        claimgraph(&["json", corpus.to_str().unwrap(), "-"], Some(feed.as_bytes())),
        claimgraph(
            &[
                "json",
                corpus.to_str().unwrap(),
                dir.join("feed.jsonl").to_str().unwrap(),
            ],
            None,
        ),
    ]
    .iter()
    .map(|out| {
        let (stdout, stderr) = texts(out);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(stderr.contains("duplicate id `good`"), "{stderr}");
        serde_json::from_str(&stdout).unwrap()
    })
    .collect();
    let ids: Vec<&str> = runs[0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c", "good", "good~2"]);
    assert_eq!(runs[0]["articles"][2]["path"], "-:1");
    // Only the paths differ: the same texts, the same mentions and claims.
    assert_eq!(runs[0]["mentions"], runs[1]["mentions"]);
    assert_eq!(runs[0]["claims"], runs[1]["claims"]);
}

#[test]
fn a_byline_names_the_outlet_when_nothing_declares_it() {
    let dir = scratch("byline");
    write(
        &dir,
        "wire.txt",
        "Column leaves Ain Issa\nBy Jane Doe | Levant Wire\nThe column left the town on Sunday, residents said.\n"
            .as_bytes(),
    );
    let out = claimgraph(&["json", dir.to_str().unwrap()], None);
    let run: Value = serde_json::from_str(&texts(&out).0).unwrap();
    assert_eq!(run["articles"][0]["outlet"], "levant-wire");
    assert_eq!(run["articles"][0]["metadata_from"]["outlet"], "byline");
    assert_eq!(run["outlets"][0]["label"], "Levant Wire");
}

#[test]
fn no_room_for_temporary_files_keeps_mentions_in_memory_with_a_warning() {
    // `json` and `compare` keep mentions in TMPDIR; where none can be made, the run
    // holds them in memory, says so once, and gives the same output.
    let with_tmpdir =
        |tmpdir: &str, args: &[&str]| crate::common::claimgraph_with_env(args, &[("TMPDIR", tmpdir)], None);
    let missing = scratch("no-tmpdir").join("missing");
    for args in [["json", "fixtures/ain-issa"], ["compare", "fixtures/synthetic-en"]] {
        let usual = with_tmpdir(std::env::temp_dir().to_str().unwrap(), &args);
        let without = with_tmpdir(missing.to_str().unwrap(), &args);
        assert_eq!(without.status.code(), Some(0), "{args:?}");
        assert_eq!(without.stdout, usual.stdout, "{args:?}");
        let (_, stderr) = texts(&without);
        assert_eq!(
            stderr
                .matches("cannot keep mentions and sources in a temporary file")
                .count(),
            1,
            "{stderr}"
        );
        assert!(stderr.contains("set TMPDIR"), "{stderr}");
        assert!(texts(&usual).1.is_empty(), "{}", texts(&usual).1);
    }
}
