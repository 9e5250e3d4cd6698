//! The reports people read, through the real binary: snapshots of `compare`, `claims`,
//! `sources`, `framing` and `diff` on the seeds; CSV with the table's cells; colour only
//! when asked; filters; output files written atomically and never clobbered (not by a
//! file that appears during the run, not through a planted symlink).

use crate::common::{claimgraph, parse_csv, scratch, texts};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

fn stdout_of(args: &[&str]) -> String {
    let out = claimgraph(args, None);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    stdout
}

#[test]
fn compare_snapshot() {
    insta::assert_snapshot!(stdout_of(&[
        "compare",
        "--width",
        "150",
        "--color",
        "never",
        "fixtures/ain-issa"
    ]));
}

#[test]
fn claims_snapshot() {
    insta::assert_snapshot!(stdout_of(&["claims", "--min-outlets", "2", "fixtures/ain-issa"]));
}

#[test]
fn sources_snapshot() {
    insta::assert_snapshot!(stdout_of(&["sources", "fixtures/ain-issa"]));
}

#[test]
fn framing_snapshot() {
    insta::assert_snapshot!(stdout_of(&["framing", "fixtures/ain-issa"]));
}

#[test]
fn diff_snapshot() {
    insta::assert_snapshot!(stdout_of(&["diff", "al-wasila", "awtan-post", "fixtures/ain-issa"]));
}

#[test]
fn compare_csv_has_the_cells_of_the_table() {
    let csv = parse_csv(&stdout_of(&["compare", "--format", "csv", "fixtures/ain-issa"]));
    let matrix: Value =
        serde_json::from_str(&stdout_of(&["compare", "--format", "json", "fixtures/ain-issa"])).unwrap();
    let header = &csv[0];
    assert_eq!(header.first().map(String::as_str), Some("claim"));
    assert_eq!(&header[header.len() - 2..], ["roots", "episode"]);
    let rows = matrix["rows"].as_array().unwrap();
    assert_eq!(csv.len() - 1, rows.len());
    for (record, row) in csv[1..].iter().zip(rows) {
        assert_eq!(record.len(), header.len());
        assert_eq!(record[0], row["label"].as_str().unwrap());
        for (k, cell) in row["cells"].as_array().unwrap().iter().enumerate() {
            let marks = cell["marks"].as_str().unwrap();
            assert!(record[k + 1].starts_with(marks), "{record:?} vs {cell}");
        }
        assert_eq!(record[record.len() - 1], row["episode"].as_str().unwrap());
    }
    // The table shows the same rows, in the same order.
    let table = stdout_of(&["compare", "--color", "never", "fixtures/ain-issa"]);
    let mut at = 0;
    for record in &csv[1..] {
        let found = table[at..]
            .find(record[0].as_str())
            .unwrap_or_else(|| panic!("{:?} not in the table in order", record[0]));
        at += found;
    }
}

#[test]
fn colour_only_when_asked() {
    let always = stdout_of(&["compare", "--color", "always", "fixtures/ain-issa"]);
    assert!(always.contains("\u{1b}["));
    let never = stdout_of(&["compare", "--color", "never", "fixtures/ain-issa"]);
    assert!(!never.contains("\u{1b}["));
    // Off a terminal, auto means none.
    let auto = stdout_of(&["compare", "fixtures/ain-issa"]);
    assert!(!auto.contains("\u{1b}["));
}

#[test]
fn filters_narrow_every_report() {
    let matrix: Value = serde_json::from_str(&stdout_of(&[
        "compare",
        "--format",
        "json",
        "--min-outlets",
        "2",
        "fixtures/ain-issa",
    ]))
    .unwrap();
    let rows = matrix["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        let carried = row["cells"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["marks"] != "")
            .count();
        assert!(carried >= 2, "{row}");
    }
    let contested: Value = serde_json::from_str(&stdout_of(&[
        "compare",
        "--format",
        "json",
        "--contradictions-only",
        "fixtures/ain-issa",
    ]))
    .unwrap();
    let keys: Vec<&str> = contested["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"withdraw(sdf, safe-zone)"), "{keys:?}");
    assert!(keys.contains(&"remain(sdf, safe-zone)"), "{keys:?}");
    let episode: Value = serde_json::from_str(&stdout_of(&[
        "compare",
        "--format",
        "json",
        "--episode",
        "2019-11",
        "fixtures/ain-issa",
    ]))
    .unwrap();
    assert!(
        episode["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["episode"] == "2019-11")
    );
    let claims = stdout_of(&["claims", "--claim", "withdraw(regime", "fixtures/ain-issa"]);
    assert!(claims.starts_with("withdraw(regime, ain-issa)"), "{claims}");
}

#[test]
fn output_files_are_written_whole_and_never_clobbered() {
    let dir = scratch("reports_output");
    let path = dir.join("compare.md");
    let path_str = path.to_str().unwrap();
    let first = claimgraph(
        &["compare", "--format", "markdown", "-o", path_str, "fixtures/ain-issa"],
        None,
    );
    assert_eq!(first.status.code(), Some(0), "{}", texts(&first).1);
    assert!(first.stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("| claim |"));
    // An existing file is replaced only with --force, and nothing is written without it.
    std::fs::write(&path, "keep me").unwrap();
    let refused = claimgraph(&["compare", "-o", path_str, "fixtures/ain-issa"], None);
    assert_eq!(refused.status.code(), Some(2));
    assert!(texts(&refused).1.contains("exists; nothing was written"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    let forced = claimgraph(
        &[
            "compare",
            "--format",
            "csv",
            "-o",
            path_str,
            "--force",
            "fixtures/ain-issa",
        ],
        None,
    );
    assert_eq!(forced.status.code(), Some(0));
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("claim,"));
    // No temporary file is left behind.
    assert_eq!(names(&dir), ["compare.md"]);
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `claimgraph json - -o output` reading its article from a pipe the test writes: the run
/// cannot write its output before the test closes the pipe.
fn json_from_a_pipe(output: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["--quiet", "json", "-", "-o", output.to_str().unwrap()])
        .env_clear()
        .current_dir(crate::common::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

#[test]
fn an_output_file_that_appears_while_the_run_works_is_never_replaced() {
    let dir = scratch("reports_output_appears");
    let path = dir.join("out.json");
    let mut child = json_from_a_pipe(&path);
    let mut stdin = child.stdin.take().unwrap();
    // Over four times what a pipe holds (64 KiB): once this is written the run is reading
    // its input, past the check for an existing FILE at its start.
    let filler = "Lorem ipsum dolor sit amet.\n".repeat(10_000);
    stdin.write_all(b"Title\n").unwrap();
    stdin.write_all(filler.as_bytes()).unwrap();
    std::fs::write(&path, "theirs").unwrap();
    stdin.write_all(b"The column withdrew, SANA said.\n").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("exists; nothing was written"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "theirs");
    assert_eq!(names(&dir), ["out.json"], "the temporary file is removed");
}

#[cfg(unix)]
#[test]
fn a_symlink_at_a_guessable_temporary_name_is_not_followed() {
    let dir = scratch("reports_output_symlink");
    let victim = dir.join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let path = dir.join("out.json");
    let mut child = json_from_a_pipe(&path);
    // Named for FILE and the run's process id, which anyone can see.
    let planted = dir.join(format!(".out.json.claimgraph-{}.tmp", child.id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"Title\nThe column withdrew, SANA said.\n").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::symlink_metadata(&path).unwrap().is_file());
    let run: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(run["articles"][0]["id"], "stdin");
}

#[test]
fn diff_of_an_unknown_outlet_names_the_known_ones() {
    let out = claimgraph(&["diff", "al-wasila", "reuters", "fixtures/ain-issa"], None);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("no outlet `reuters`") && stderr.contains("awtan-post"),
        "{stderr}"
    );
}

#[test]
fn anonymous_articles_are_never_one_outlet() {
    let dir = scratch("anonymous-articles");
    std::fs::write(
        dir.join("a.txt"),
        "Turkish forces shelled Ain Issa on Monday, residents said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Turkish forces shelled Ain Issa on Monday, local sources said.\n",
    )
    .unwrap();
    let path = dir.to_str().unwrap();
    let matrix: Value = serde_json::from_str(&stdout_of(&["compare", "--format", "json", path])).unwrap();
    assert_eq!(matrix["outlets"], serde_json::json!(["unknown/a", "unknown/b"]));
    assert_eq!(matrix["labels"], serde_json::json!(["Unknown (a)", "Unknown (b)"]));
    let dot = stdout_of(&["dot", path]);
    assert!(
        dot.contains("\"o:unknown/a\"") && dot.contains("\"o:unknown/b\""),
        "{dot}"
    );
}

#[test]
fn every_contradiction_has_a_holder_on_each_side() {
    for corpus in ["fixtures/ain-issa", "fixtures/synthetic-en"] {
        let matrix: Value = serde_json::from_str(&stdout_of(&["compare", "--format", "json", corpus])).unwrap();
        let contradictions = matrix["contradictions"].as_array().unwrap();
        assert!(!contradictions.is_empty(), "{corpus}");
        for c in contradictions {
            for side in c["sides"].as_array().unwrap() {
                assert!(!side.as_array().unwrap().is_empty(), "{corpus}: {c}");
            }
        }
    }
}

#[test]
fn compare_reads_mentions_kept_on_disk_as_it_reads_them_in_memory() {
    // `compare` reads a large run's mentions back from temporary files; every format and
    // filter must show what the in-memory run shows, at any thread count.
    use claimgraph::pipeline::{Config, run};
    use claimgraph::report::{Filter, compare};
    let paths: Vec<_> = ["fixtures/ain-issa", "fixtures/synthetic-en"]
        .iter()
        .map(|d| crate::common::root().join(d))
        .collect();
    let config = Config {
        keep_analyses: false,
        ..Config::default()
    };
    let held = crate::common::in_threads(1, || run(&paths, &config));
    let filters = [
        Filter::default(),
        Filter {
            min_outlets: 2,
            ..Filter::default()
        },
        Filter {
            contradictions_only: true,
            ..Filter::default()
        },
        Filter {
            outlets: vec![held.run.outlets[0].id.clone()],
            ..Filter::default()
        },
    ];
    let formats = [
        compare::Format::Table,
        compare::Format::Csv,
        compare::Format::Json,
        compare::Format::Markdown,
    ];
    let render = |out: &claimgraph::pipeline::Output, filter: &Filter, open: bool, format| {
        let m = compare::matrix(&out.run, out, filter, open).unwrap();
        let mut text = Vec::new();
        compare::write(&m, format, compare::Style::default(), &mut text).unwrap();
        String::from_utf8(text).unwrap()
    };
    for threads in [1, 2] {
        let kept = crate::common::in_threads(threads, || {
            run(
                &paths,
                &Config {
                    keep: claimgraph::pipeline::Keep::Disk,
                    ..config.clone()
                },
            )
        });
        assert!(kept.run.mentions.is_empty() && kept.run.sources.is_empty());
        // Read back, each mention comes with its claim's index: the claim its id names.
        let mut given = 0;
        claimgraph::report::Store::each_mention(&kept, &mut |m, claim| {
            given += 1;
            assert_eq!(claim.map(|k| kept.run.claims[k].id.as_str()), Some(m.claim.as_str()));
        })
        .unwrap();
        assert_eq!(given, held.run.mentions.len());
        for filter in &filters {
            for format in formats {
                for open in [false, true] {
                    let expected = render(&held, filter, open, format);
                    assert!(expected.contains("SANA"), "{filter:?} {format:?}");
                    assert_eq!(
                        crate::common::in_threads(threads, || render(&kept, filter, open, format)),
                        expected,
                        "threads {threads}, {filter:?}, {format:?}, open {open}"
                    );
                }
            }
        }
    }
}
