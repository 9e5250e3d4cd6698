//! `claimgraph lexicon`: every kind of lexicon error at its file:line:column with exit 2,
//! good files and the worked example of docs/lexicon.md pass, `--lexicon` overrides change
//! what a run does, and `list` and `triggers` show what is loaded.

use crate::common::{claimgraph, root, scratch, seeds_dir, texts};
use std::path::PathBuf;

/// Writes `src` as `name` into the test's scratch directory.
fn pack(test: &str, name: &str, src: &str) -> PathBuf {
    let path = scratch(test).join(name);
    std::fs::write(&path, src).unwrap();
    path
}

/// Runs `claimgraph lexicon check` on one file: (exit code, stdout, the stderr lines
/// without the `claimgraph: ` prefix and without hints).
fn check(path: &std::path::Path) -> (i32, String, Vec<String>) {
    let out = claimgraph(&["lexicon", "check", path.to_str().unwrap()], None);
    let (stdout, stderr) = texts(&out);
    let lines = stderr
        .lines()
        .filter(|l| !l.starts_with("  hint: "))
        .map(|l| l.trim_start_matches("claimgraph: ").to_owned())
        .collect();
    (out.status.code().unwrap(), stdout, lines)
}

/// Asserts that checking `src` fails with exactly `errors` (each after `PATH:`).
fn fails_with(test: &str, src: &str, errors: &[&str]) {
    let path = pack(test, "bad.toml", src);
    let (code, stdout, lines) = check(&path);
    let shown = path.display().to_string();
    let mut expected: Vec<String> = errors.iter().map(|e| format!("{shown}:{e}")).collect();
    expected.push(format!("{} lexicon error(s)", errors.len()));
    assert_eq!(lines, expected);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
}

#[test]
fn an_unknown_key_is_reported_at_the_key() {
    let src = "[lexicon]\nid = \"t\"\n\n[[cue]]\nid = \"CUE/X\"\nrole = \"says\"\nfrms = [\"said\"]\n";
    fails_with(
        "lexicon_unknown_key",
        src,
        &[
            "7:1: unknown field `frms`, expected one of `id`, `role`, `language`, `forms`, `masculine`, `feminine`, `scope`, `stance`, `description`, `examples`",
        ],
    );
}

#[test]
fn a_toml_syntax_error_is_reported_where_it_is() {
    fails_with(
        "lexicon_syntax",
        "[lexicon]\nid = \"t\"\n\n[[cue]\nid = \"x\"\n",
        &["4:7: unclosed array table, expected `]`"],
    );
}

#[test]
fn a_duplicate_id_names_the_first() {
    let src = r#"[lexicon]
id = "t"
language = "en"

[[cue]]
id = "CUE/X"
role = "says"
forms = ["said"]
examples.matches = ["he said"]

[[cue]]
id = "CUE/X"
role = "adds"
forms = ["added"]
examples.matches = ["he added"]
"#;
    fails_with(
        "lexicon_duplicate",
        src,
        &["12:6: duplicate cue id `CUE/X` (first at line 6)"],
    );
}

#[test]
fn every_bad_pattern_is_reported_with_its_entry_id() {
    let src = r#"[lexicon]
id = "t"

[[marker]]
id = "MARK/X"
kind = "hedge"
patterns = ["(may"]
examples.matches = ["may"]

[[furniture]]
id = "FURNITURE/X"
patterns = ["[a-"]
examples.matches = ["a"]
"#;
    fails_with(
        "lexicon_regex",
        src,
        &[
            "5:6: marker `MARK/X`: pattern \"(may\" does not compile: unclosed group",
            "11:6: furniture `FURNITURE/X`: pattern \"[a-\" does not compile: unclosed character class",
        ],
    );
}

#[test]
fn a_dangling_reference_is_reported_at_the_entry() {
    let src = r#"[lexicon]
id = "t"

[[actor]]
id = "ahrar"
label = "Ahrar"
part_of = ["nope"]
aliases = [{ text = "ahrar" }]
examples.matches = ["ahrar"]
"#;
    fails_with(
        "lexicon_dangling",
        src,
        &["5:6: `ahrar` has part_of = `nope`, but no actor has that id"],
    );
}

#[test]
fn failing_examples_are_each_reported() {
    let src = r#"[lexicon]
id = "t"
language = "ar"

[[cue]]
id = "CUE/AR/SAYS"
role = "says"
masculine = ["قال"]
examples.matches = ["وقال المصدر", "قالوا", "يقولون"]
examples.non_matches = ["قالب", "فقال"]

[[furniture]]
id = "FURNITURE/X"
patterns = ["^read also"]
examples.matches = ["Read also: x"]
"#;
    fails_with(
        "lexicon_examples",
        src,
        &[
            // `قالوا` is `قال` with its person ending; a reporting verb's imperfect is listed.
            "6:6: cue `CUE/AR/SAYS`: example must match but does not: \"يقولون\"",
            "6:6: cue `CUE/AR/SAYS`: example must not match but does: \"فقال\"",
            "13:6: furniture `FURNITURE/X`: example must match but does not: \"Read also: x\" (FURNITURE/READ_ALSO takes it first)",
        ],
    );
}

const GOOD: &str = r#"[lexicon]
id = "good"
language = "ar"

[[cue]]
id = "CUE/AR/SAYS"
role = "says"
masculine = ["قال"]
feminine = ["قالت"]
examples.matches = ["وقال المصدر إن", "قالت الوكالة"]
examples.non_matches = ["قالب الحلوى"]

[[source_noun]]
id = "sources"
label = "sources"
kind = "anonymous"
feminine = ["مصادر"]
examples.matches = ["للمصادر ذاتها"]
"#;

#[test]
fn a_good_file_passes() {
    let path = pack("lexicon_good", "good.toml", GOOD);
    let (code, stdout, lines) = check(&path);
    assert_eq!(lines, Vec::<String>::new());
    assert_eq!(stdout, format!("ok: 2 entries in {}\n", path.display()));
    assert_eq!(code, 0);
}

#[test]
fn the_worked_example_in_the_docs_is_a_valid_pack() {
    let doc = std::fs::read_to_string(root().join("docs/lexicon.md")).unwrap();
    let section = doc
        .split("\n## The tables")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let blocks: Vec<&str> = section
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert!(blocks.len() >= 8, "{} toml blocks", blocks.len());
    let path = pack("lexicon_docs", "docs.toml", &blocks.join("\n"));
    let (code, stdout, lines) = check(&path);
    assert_eq!(lines, Vec::<String>::new());
    assert!(stdout.starts_with("ok: "), "{stdout}");
    assert_eq!(code, 0);
}

#[test]
fn errors_of_every_file_are_reported_and_good_files_still_pass() {
    let good = pack("lexicon_several", "good.toml", GOOD);
    let bad = good.with_file_name("bad.toml");
    std::fs::write(&bad, "[lexicon]\nid = \"t\"\nfoo = 1\n").unwrap();
    let out = claimgraph(
        &["lexicon", "check", bad.to_str().unwrap(), good.to_str().unwrap()],
        None,
    );
    let (stdout, stderr) = texts(&out);
    assert!(
        stderr.contains(&format!("{}:3:1: unknown field `foo`", bad.display())),
        "{stderr}"
    );
    assert_eq!(stdout, format!("ok: 2 entries in {}\n", good.display()));
    assert_eq!(out.status.code(), Some(2));
}

/// The line of `claimgraph segment` output for article line `number`.
fn segment_line(stdout: &str, number: usize) -> String {
    let prefix = format!("{number:>5} ");
    stdout.lines().find(|l| l.starts_with(&prefix)).unwrap().to_owned()
}

#[test]
fn a_user_furniture_rule_replaces_the_embedded_one() {
    let article = seeds_dir().join("002_cd4e3883424c836d.txt");
    let article = article.to_str().unwrap();
    let before = texts(&claimgraph(&["segment", article], None)).0;
    assert!(
        segment_line(&before, 23).contains("furniture      FURNITURE/READ_ALSO"),
        "{before}"
    );

    let src = "[lexicon]\nid = \"local\"\n\n[[furniture]]\nid = \"FURNITURE/READ_ALSO\"\npatterns = ['^never$']\nexamples.matches = [\"never\"]\n";
    let local = pack("lexicon_override", "local.toml", src);
    let out = claimgraph(&["--lexicon", local.to_str().unwrap(), "segment", article], None);
    let after = texts(&out).0;
    assert_eq!(out.status.code(), Some(0));
    let line = segment_line(&after, 23);
    assert!(line.contains(" body ") && !line.contains("FURNITURE"), "{line}");
    // The other furniture rules still hold.
    assert!(segment_line(&after, 1).contains("FURNITURE/NAVIGATION"), "{after}");
}

#[test]
fn list_shows_the_furniture_rules_in_load_order() {
    let out = claimgraph(&["lexicon", "list", "--table", "furniture"], None);
    let stdout = texts(&out).0;
    assert_eq!(out.status.code(), Some(0));
    let ids: Vec<&str> = stdout.lines().map(|l| l.split_whitespace().nth(1).unwrap()).collect();
    assert_eq!(ids.first(), Some(&"FURNITURE/READ_ALSO"), "{stdout}");
    assert!(stdout.lines().all(|l| l.starts_with("furniture ")), "{stdout}");
    assert!(stdout.contains("<embedded>/furniture.toml"), "{stdout}");
}

#[test]
fn list_as_json_includes_user_entries_after_embedded_ones() {
    let good = pack("lexicon_list_json", "good.toml", GOOD);
    let out = claimgraph(
        &[
            "--lexicon",
            good.to_str().unwrap(),
            "lexicon",
            "list",
            "--format",
            "json",
        ],
        None,
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    let cue = rows.iter().find(|r| r["id"] == "CUE/AR/SAYS").unwrap();
    assert_eq!(cue["table"], "cue");
    assert_eq!(cue["language"], "ar");
    assert_eq!(cue["file"], good.display().to_string());
    assert_eq!(cue["summary"], "says; 1 masculine form, 1 feminine form");
    assert!(rows.iter().any(|r| r["table"] == "furniture"));
}

#[test]
fn triggers_are_sorted_unique_and_normalised() {
    let good = pack("lexicon_triggers", "good.toml", GOOD);
    let out = claimgraph(&["--lexicon", good.to_str().unwrap(), "lexicon", "triggers"], None);
    let stdout = texts(&out).0;
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<&str> = stdout.lines().collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(lines, sorted);
    for form in ["قال", "قالت", "مصادر"] {
        assert!(lines.contains(&form), "{form} in {lines:?}");
    }
}
