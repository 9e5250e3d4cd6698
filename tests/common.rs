//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed corpus directory.
pub fn seeds_dir() -> PathBuf {
    root().join("fixtures/ain-issa")
}

/// The seed files, sorted.
pub fn seed_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The gold file of the seeds, as a TOML value.
pub fn seed_gold() -> toml::Table {
    std::fs::read_to_string(seeds_dir().join("gold.toml"))
        .unwrap()
        .parse()
        .unwrap()
}

/// Runs the claimgraph binary hermetically: empty environment, cwd at the repository
/// root, optional stdin.
pub fn claimgraph(args: &[&str], stdin: Option<&[u8]>) -> Output {
    claimgraph_with_env(args, &[], stdin)
}

/// [`claimgraph`] with `env` as its only environment variables.
pub fn claimgraph_with_env(args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimgraph"));
    cmd.args(args)
        .env_clear()
        .envs(env.iter().copied())
        .current_dir(root())
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// stdout and stderr as strings.
pub fn texts(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh scratch directory under the target directory, named for the test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Splits RFC 4180 CSV into records of fields, strictly: every record ends in CRLF, a
/// field is either plain (no `"`, `,`, CR or LF) or quoted with `""` for a quote, and a
/// closing quote is followed by `,` or the record's end. Panics on anything else.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut record = Vec::new();
        loop {
            let field;
            if let Some(quoted) = rest.strip_prefix('"') {
                let mut value = String::new();
                let mut chars = quoted.char_indices();
                let end = loop {
                    match chars.next() {
                        Some((k, '"')) if quoted[k + 1..].starts_with('"') => {
                            value.push('"');
                            chars.next();
                        }
                        Some((k, '"')) => break k + 1,
                        Some((_, c)) => value.push(c),
                        None => panic!("unterminated quoted field in {text:?}"),
                    }
                };
                field = value;
                rest = &quoted[end..];
            } else {
                let end = rest.find([',', '\r', '\n']).unwrap_or(rest.len());
                assert!(
                    !rest[..end].contains('"'),
                    "a quote in a plain field: {:?}",
                    &rest[..end]
                );
                field = rest[..end].to_owned();
                rest = &rest[end..];
            }
            record.push(field);
            if let Some(next) = rest.strip_prefix(',') {
                rest = next;
            } else if let Some(next) = rest.strip_prefix("\r\n") {
                rest = next;
                break;
            } else {
                panic!("a record must end in CRLF: {:?}", &rest[..rest.len().min(40)]);
            }
        }
        records.push(record);
    }
    records
}

/// No text broke a DOT statement over two lines: every line inside the graph is a
/// statement, an attribute or a brace.
pub fn assert_dot_statements(graph: &str) {
    for line in graph.lines().skip(1) {
        let line = line.trim();
        assert!(
            line.is_empty() || line.ends_with(';') || line.ends_with('{') || line == "}",
            "a broken line: {line:?}"
        );
    }
}

/// Renders DOT to SVG with Graphviz; `None` when `dot` is not installed (outside CI).
/// Fails when `dot` exits with an error or prints anything on stderr (a warning).
pub fn graphviz(graph: &str) -> Option<String> {
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CI must install graphviz: `dot` is not on PATH");
            }
            eprintln!("skipped: graphviz dot not found");
            return None;
        }
        Err(e) => panic!("running dot: {e}"),
    };
    // Writing from another thread: `dot` may fill its stdout pipe before it has read all
    // of its input.
    let mut stdin = child.stdin.take().unwrap();
    let input = graph.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed: {stderr}\n{graph}");
    assert!(stderr.is_empty(), "dot warned: {stderr}");
    Some(String::from_utf8(out.stdout).expect("the SVG is UTF-8"))
}

/// `f` run with `threads` threads as the process's (the CLI's `--threads`).
pub fn in_threads<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    pool.install(f)
}

/// A run's JSON document as `claimgraph json` writes it, its mentions from wherever the
/// run keeps them.
pub fn document(out: &claimgraph::pipeline::Output) -> String {
    let mut bytes = Vec::new();
    claimgraph::report::json::write_run(&out.run, out, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The article folders of the development corpus (`../shared/dev/<event>/articles`), or
/// none, with a message, where this checkout has no `../shared/dev` beside it.
pub fn dev_events() -> Vec<PathBuf> {
    let dev = root().join("../shared/dev");
    let mut events: Vec<PathBuf> = std::fs::read_dir(&dev)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path().join("articles"))).collect())
        .unwrap_or_default();
    events.retain(|p| p.is_dir());
    events.sort();
    if events.is_empty() {
        eprintln!("skipped: no development corpus at {}", dev.display());
    }
    events
}
