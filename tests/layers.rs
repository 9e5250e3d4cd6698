//! The layering of `docs/ARCHITECTURE.md` ("Layers") holds in the code: no module of
//! `src/` uses a module on its own line or above it. The list is read from the document,
//! so the map and the code cannot drift apart: a new module must be placed in it.

use crate::common::root;
use std::collections::BTreeMap;

/// The layers as `docs/ARCHITECTURE.md` lists them, top first: each module's depth.
fn layers() -> BTreeMap<String, usize> {
    let map = std::fs::read_to_string(root().join("docs/ARCHITECTURE.md")).unwrap();
    let section = map.split("## Layers").nth(1).expect("a Layers section");
    let block = section.split("```").nth(1).expect("the layers in a code block");
    let mut depth = BTreeMap::new();
    for (k, line) in block.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        for module in line.split(',').map(str::trim) {
            depth.insert(module.to_owned(), k);
        }
    }
    depth
}

/// The top-level modules each module of `src/` uses (`crate::x`), outside comments and its
/// tests (`tests.rs`, a trailing `#[cfg(test)] mod tests { … }`).
fn uses() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut files = vec![root().join("src")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let relative = path
            .strip_prefix(root().join("src"))
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if !relative.ends_with(".rs") || relative.ends_with("tests.rs") || relative == "main.rs" || relative == "lib.rs"
        {
            continue;
        }
        let module = relative.split(['/', '.']).next().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        for (name, line) in uses_in(&module, &text) {
            let place = format!("src/{relative}:{line}");
            out.entry(module.clone()).or_default().entry(name).or_insert(place);
        }
    }
    out
}

/// The top-level modules other than `module` that `text` uses, each with a line number.
fn uses_in(module: &str, text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap();
    for (n, line) in code.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        for (at, _) in line.match_indices("crate::") {
            let rest = &line[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(list) => list
                    .split('}')
                    .next()
                    .unwrap()
                    .split(',')
                    .map(|p| p.trim().split("::").next().unwrap())
                    .collect(),
                None => vec![rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap()],
            };
            for name in names
                .into_iter()
                .filter(|n| !n.is_empty() && *n != module && *n != "self")
            {
                out.push((name.to_owned(), n + 1));
            }
        }
    }
    out
}

#[test]
fn no_module_uses_one_on_its_own_layer_or_above() {
    let depth = layers();
    assert!(depth.len() > 10, "{depth:?}");
    let mut wrong = Vec::new();
    for (module, used) in uses() {
        let Some(&from) = depth.get(&module) else {
            wrong.push(format!("src/{module}: not in docs/ARCHITECTURE.md's layers"));
            continue;
        };
        for (other, place) in used {
            match depth.get(&other) {
                Some(&to) if to > from => {}
                Some(_) => wrong.push(format!("{place}: `{module}` uses `{other}`, which is not below it")),
                None => wrong.push(format!("{place}: `{other}` is not in docs/ARCHITECTURE.md's layers")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn uses_are_found_in_every_form_and_tests_and_comments_are_not_uses() {
    let text = "use crate::model::Run;\nuse crate::{report, lexicon::Lexicon};\n\
                // crate::cli in a comment\nlet x = crate::pipeline::run(a, b);\n\
                #[cfg(test)]\nmod tests {\n    use crate::eval;\n}\n";
    let names: Vec<String> = uses_in("link", text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["model", "report", "lexicon", "pipeline"]);
    let used = uses();
    assert!(used["pipeline"].contains_key("link"), "{:?}", used["pipeline"]);
    assert!(used["cli"].contains_key("report"), "{:?}", used["cli"]);
}
