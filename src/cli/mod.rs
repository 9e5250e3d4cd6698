//! The command line: each command dispatched to the pipeline and its renderer, the exit
//! codes, and the report of skipped input.
//!
//! Arguments are handled in two phases, as in ripgrep: `args` is exactly what the user
//! typed (clap), then `config` resolves it into the one [`Config`] (lexicons compiled,
//! limits set) before any article is read; `output` is where the text goes (stdout, or a
//! file written atomically). A per-file input error is reported on stderr and the run
//! goes on; the collected errors decide the exit code at the end.
//!
//! Exit codes (README, "Exit codes"): 0 success; 1 finished, but some input was skipped;
//! 2 usage or lexicon error, nothing written; 3 `eval` scored below its thresholds.
//! A closed stdout (`claimgraph json … | head`) ends the run quietly with 0.

mod args;
mod config;
mod output;

use crate::eval;
use crate::lexicon::listing;
use crate::pipeline::{self, Config, Output};
use crate::report;
use args::{Cli, Command, EvalArgs, EvalFormat, LexiconCommand, ListFormat};
use clap::Parser;
use output::{Sink, write_stdout};
use std::io::Write;

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: the run finished but some input was skipped.
pub const EXIT_SKIPPED: i32 = 1;
/// Exit code: usage or lexicon error; nothing was written.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: `eval` scored below a threshold.
pub const EXIT_BELOW_THRESHOLD: i32 = 3;

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    crate::pipeline::timings::start();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    let sink = Sink {
        output: cli.output.clone(),
        force: cli.force,
        quiet: cli.quiet,
    };
    if let Err(code) = sink.check() {
        return code;
    }
    // The process's threads, set once: every parallel stage runs on this pool.
    if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(cli.threads).build_global() {
        eprintln!("claimgraph: cannot start {} threads: {e}", cli.threads);
        return EXIT_USAGE;
    }
    let config = match config::resolve(&cli) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("claimgraph: {message}");
            return EXIT_USAGE;
        }
    };
    match &cli.command {
        Command::Json(p) => {
            let out = pipeline::run(&p.paths, &config);
            finish_with(&out, &sink, |w| report::json::write_run(&out.run, &out, w))
        }
        Command::Segment(p) => {
            let out = pipeline::run(&p.paths, &config);
            finish(
                &out,
                &sink,
                &report::segments::segments(&out.run.articles, &out.analyses),
            )
        }
        Command::Eval(args) => run_eval(args, &config, &sink),
        Command::Compare(args) => {
            let out = pipeline::run(&args.report.paths, &config);
            let format = config::compare_format(args.format);
            let style = config::compare_style(args, sink.to_terminal());
            finish_with(&out, &sink, |w| {
                let matrix = report::compare::matrix(&out.run, &out, &args.report.filter(), args.open)?;
                crate::pipeline::timings::done("matrix");
                report::compare::write(&matrix, format, style, w)
            })
        }
        Command::Claims(args) => {
            let out = pipeline::run(&args.paths, &config);
            finish(&out, &sink, &report::lists::claims(&out.run, &args.filter()))
        }
        Command::Sources(args) => {
            let out = pipeline::run(&args.paths, &config);
            finish(&out, &sink, &report::lists::sources(&out.run, &args.filter()))
        }
        Command::Framing(args) => {
            let out = pipeline::run(&args.paths, &config);
            finish(&out, &sink, &report::lists::framing(&out.run, &args.filter()))
        }
        Command::Diff(args) => {
            let out = pipeline::run(&args.report.paths, &config);
            let unknown: Vec<&String> = [&args.outlet_a, &args.outlet_b]
                .into_iter()
                .filter(|o| !out.run.outlets.iter().any(|x| &x.id == *o))
                .collect();
            if !unknown.is_empty() {
                let known: Vec<&str> = out.run.outlets.iter().map(|o| o.id.as_str()).collect();
                eprintln!(
                    "claimgraph: no outlet {} in these articles\n  hint: the outlets are: {}",
                    unknown.iter().map(|o| format!("`{o}`")).collect::<Vec<_>>().join(", "),
                    known.join(", ")
                );
                return EXIT_USAGE;
            }
            let text = report::lists::diff(&out.run, &args.report.filter(), &args.outlet_a, &args.outlet_b);
            finish(&out, &sink, &text)
        }
        Command::Dot(args) => {
            let out = pipeline::run(&args.report.paths, &config);
            let options = report::dot::DotOptions { fold: args.fold };
            finish(
                &out,
                &sink,
                &report::dot::dot(&out.run, &out.graph, &args.report.filter(), &options),
            )
        }
        Command::Explain(args) => {
            let out = pipeline::run(&args.paths, &config);
            let text: String = out
                .analyses
                .iter()
                .map(|a| report::explain::explain(&explained(a), &config.lexicon, args.line))
                .collect::<Vec<_>>()
                .join("\n");
            finish(&out, &sink, &text)
        }
        Command::Lexicon { command } => run_lexicon(command, &config, cli.quiet),
    }
}

/// Reports input problems, writes `text` to the output, and returns the exit code.
fn finish(out: &Output, sink: &Sink, text: &str) -> i32 {
    finish_with(out, sink, |w| w.write_all(text.as_bytes()))
}

/// Reports input problems, streams what `render` writes to the output (stdout, or
/// atomically the output file), and returns the exit code.
fn finish_with(out: &Output, sink: &Sink, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> i32 {
    report_inputs(out, sink.quiet);
    let code = if out.errors.is_empty() { EXIT_OK } else { EXIT_SKIPPED };
    match sink.write(render) {
        Ok(()) => code,
        Err(write_failed) => write_failed.max(code),
    }
}

/// Prints every skipped input, the input warnings (unless `quiet`), and how many inputs
/// were skipped.
fn report_inputs(out: &Output, quiet: bool) {
    if !quiet {
        for w in &out.warnings {
            eprintln!("claimgraph: warning: {}", printable(w));
        }
    }
    for e in &out.errors {
        eprintln!("claimgraph: skipped {}", printable(e));
    }
    if !out.errors.is_empty() {
        eprintln!(
            "claimgraph: {} input(s) skipped; {} article(s) read",
            out.errors.len(),
            out.run.articles.len()
        );
    }
}

/// An input message for the terminal: a file name or a value quoted from a file (a
/// front-matter key, a date) is text like any other, so each part is [`report::clean`]ed
/// and the message keeps its two lines.
fn printable(e: &crate::ingest::InputError) -> crate::ingest::InputError {
    crate::ingest::InputError {
        path: report::clean(&e.path),
        line: e.line,
        message: report::clean(&e.message),
        hint: report::clean(&e.hint),
    }
}

fn run_eval(args: &EvalArgs, config: &Config, sink: &Sink) -> i32 {
    let mut golds = Vec::new();
    for path in &args.gold {
        match eval::gold::Gold::load(path) {
            Ok(gold) => golds.push(gold),
            Err(errors) => return usage_errors(&errors),
        }
    }
    let thresholds = match args.thresholds.as_deref().map(eval::Thresholds::load).transpose() {
        Ok(t) => t,
        Err(e) => return usage_errors(&[e]),
    };
    let out = pipeline::run(&args.paths, config);
    let saved;
    let run = match &args.run {
        Some(path) => match load_run(path) {
            Ok(run) => {
                saved = run;
                &saved
            }
            Err(message) => {
                eprintln!("claimgraph: {message}");
                return EXIT_USAGE;
            }
        },
        None => &out.run,
    };
    let texts = eval::article_texts(&out.analyses);
    // Each file is checked on its own, so that its messages name its own lines.
    let problems: Vec<_> = golds.iter().flat_map(|g| g.validate(&texts)).collect();
    if !problems.is_empty() {
        return usage_errors(&problems);
    }
    let gold = match eval::gold::Gold::merge(golds) {
        Ok(gold) => gold,
        Err(errors) => return usage_errors(&errors),
    };
    let report = eval::score(&gold, run, &texts);
    let text = match args.format {
        EvalFormat::Text => eval::render_text(&report, report::clean),
        EvalFormat::Json => report::to_json(&report),
    };
    let code = finish(&out, sink, &text);
    let below = thresholds.map(|t| t.check(&report.metrics)).unwrap_or_default();
    for line in &below {
        eprintln!("claimgraph: below threshold: {line}");
    }
    if below.is_empty() { code } else { EXIT_BELOW_THRESHOLD }
}

fn load_run(path: &std::path::Path) -> Result<crate::model::Run, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}: not a claimgraph JSON run: {e}\n  hint: write one with `claimgraph json PATH... > FILE`",
            path.display(),
            e.line()
        )
    })
}

/// Prints errors that stop the run before any output, and returns the usage exit code.
fn usage_errors<E: std::fmt::Display>(errors: &[E]) -> i32 {
    for e in errors {
        eprintln!("claimgraph: {e}");
    }
    EXIT_USAGE
}

/// `claimgraph lexicon …`. Check reports every problem of every file on stderr and
/// decides the exit code at the end; list and triggers describe what `config` loaded.
fn run_lexicon(command: &LexiconCommand, config: &Config, quiet: bool) -> i32 {
    let lexicon = &config.lexicon;
    match command {
        LexiconCommand::Check { files } => {
            let mut report = crate::lexicon::validate::check(&lexicon.files, files);
            // What the checked files' rules must read (`examples.reads`) takes a whole run;
            // the embedded packs' own are the test suite's.
            if let Some(compiled) = report.lexicon.take() {
                let checked: Vec<String> = report.files.iter().map(|(path, _)| path.clone()).collect();
                report.errors.extend(
                    crate::pipeline::reads::check(&compiled)
                        .into_iter()
                        .filter(|e| checked.contains(&e.path)),
                );
            }
            if !quiet {
                for w in &report.warnings {
                    eprintln!("claimgraph: warning: {w}");
                }
            }
            for e in &report.errors {
                eprintln!("claimgraph: {e}");
            }
            let ok: String = report
                .clean()
                .map(|(path, n)| {
                    let entries = if n == 1 { "entry" } else { "entries" };
                    format!("ok: {n} {entries} in {path}\n")
                })
                .collect();
            let code = write_stdout(&ok).err().unwrap_or(EXIT_OK);
            if report.errors.is_empty() {
                code
            } else {
                eprintln!("claimgraph: {} lexicon error(s)", report.errors.len());
                EXIT_USAGE
            }
        }
        LexiconCommand::List { table, format } => {
            let rows: Vec<listing::Listed> = listing::listing(lexicon)
                .into_iter()
                .filter(|r| table.as_deref().is_none_or(|t| t == r.table))
                .collect();
            let text = match format {
                ListFormat::Text => listing::render(&rows),
                ListFormat::Json => report::to_json(&rows),
            };
            write_stdout(&text).err().unwrap_or(EXIT_OK)
        }
        LexiconCommand::Triggers => {
            let mut triggers: Vec<&str> = lexicon.matcher.triggers().iter().map(String::as_str).collect();
            triggers.sort_unstable();
            triggers.dedup();
            let text: String = triggers.iter().map(|t| format!("{t}\n")).collect();
            write_stdout(&text).err().unwrap_or(EXIT_OK)
        }
    }
}

/// What `explain` reads of an analysed article.
fn explained(a: &pipeline::Analysis) -> report::explain::Explained<'_> {
    report::explain::Explained {
        path: &a.article.path,
        id: &a.article.id,
        text: &a.article.text,
        norm: &a.norm,
        segments: &a.segments,
        matches: &a.matches,
        attribution: &a.attribution,
    }
}
