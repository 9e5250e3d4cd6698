//! The README's examples are what the tool prints: every code block that starts with
//! `$ claimgraph …` is run, and its lines must be the output's. A block that shows the
//! whole output must match it exactly; a block with `…` lines shows an excerpt, whose
//! lines (a line cut with `…` up to the cut) must stand in the output in order.
//!
//! `CLAIMGRAPH_UPDATE_README=1 cargo test --test tests readme` writes the output of every
//! whole block back into the README, and of every block of the first lines and a `…`.

use crate::common::{claimgraph, root, texts};

/// A README example: where its lines are (after the command line, up to the closing
/// fence) and the arguments of its command.
struct Example {
    command: Vec<String>,
    lines: std::ops::Range<usize>,
}

fn examples(readme: &[&str]) -> Vec<Example> {
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < readme.len() {
        if readme[k].starts_with("```") && readme[k + 1].starts_with("$ claimgraph ") {
            let command = readme[k + 1]["$ claimgraph ".len()..]
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            let start = k + 2;
            let end = (start..readme.len())
                .find(|&j| readme[j].starts_with("```"))
                .expect("a closed block");
            out.push(Example {
                command,
                lines: start..end,
            });
            k = end;
        }
        k += 1;
    }
    out
}

/// Whether `shown` (an excerpt with `…` lines) stands in `printed` in order.
fn excerpt_of(shown: &[&str], printed: &[&str]) -> Result<(), String> {
    let mut at = 0;
    for line in shown.iter().filter(|l| l.trim() != "…") {
        let prefix = line.split('…').next().unwrap_or(line);
        let found = printed[at..].iter().position(|p| {
            if line.contains('…') {
                p.starts_with(prefix)
            } else {
                p == line
            }
        });
        match found {
            Some(k) => at += k + 1,
            None => return Err(format!("not printed (in this order): {line}")),
        }
    }
    Ok(())
}

#[test]
fn every_readme_example_is_what_the_tool_prints() {
    let path = root().join("README.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let readme: Vec<&str> = text.lines().collect();
    let update = std::env::var_os("CLAIMGRAPH_UPDATE_README").is_some();
    let mut updated: Vec<String> = readme.iter().map(|l| (*l).to_owned()).collect();
    let mut wrong = Vec::new();
    let found = examples(&readme);
    assert!(found.len() >= 3, "the README's examples: {}", found.len());
    // From the last, so that a rewritten block leaves the others' line numbers alone.
    for example in found.iter().rev() {
        let args: Vec<&str> = example.command.iter().map(String::as_str).collect();
        let out = claimgraph(&args, None);
        let (stdout, stderr) = texts(&out);
        assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {stderr}");
        let printed: Vec<&str> = stdout.lines().collect();
        let shown = &readme[example.lines.clone()];
        let excerpt = shown.iter().any(|l| l.contains('…') && !printed.contains(l));
        // An excerpt of the first lines, then `…`: rewritten as the first lines printed.
        let head = shown.len().saturating_sub(1);
        let leading = shown.last() == Some(&"…") && !shown[..head].iter().any(|l| l.contains('…'));
        if excerpt {
            if let Err(e) = excerpt_of(shown, &printed) {
                if update && leading && printed.len() >= head {
                    let mut lines: Vec<String> = printed[..head].iter().map(|l| (*l).to_owned()).collect();
                    lines.push("…".to_owned());
                    updated.splice(example.lines.clone(), lines);
                } else {
                    wrong.push(format!(
                        "README.md:{}: `claimgraph {}`: {e}",
                        example.lines.start,
                        args.join(" ")
                    ));
                }
            }
        } else if shown != printed.as_slice() {
            if update {
                updated.splice(example.lines.clone(), printed.iter().map(|l| (*l).to_owned()));
            } else {
                wrong.push(format!(
                    "README.md:{}: `claimgraph {}` prints otherwise (CLAIMGRAPH_UPDATE_README=1 rewrites it)",
                    example.lines.start,
                    args.join(" ")
                ));
            }
        }
    }
    if update {
        std::fs::write(&path, updated.join("\n") + "\n").unwrap();
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
