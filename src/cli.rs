//! The command line: clap definitions, the resolved [`Config`], and exit codes.
//!
//! Arguments are handled in two phases, as in ripgrep: clap parses exactly what the user
//! typed, then [`resolve`] builds the one [`Config`] (lexicons compiled, limits set) before
//! any article is read. A per-file input error is reported on stderr and the run goes on;
//! the collected errors decide the exit code at the end.
//!
//! Exit codes (README, "Exit codes"): 0 success; 1 finished, but some input was skipped;
//! 2 usage or lexicon error, nothing written; 3 `eval` scored below its thresholds.
//! A closed stdout (`claimgraph json … | head`) ends the run quietly with 0.

use crate::eval;
use crate::ingest::IngestOptions;
use crate::lexicon::Lexicon;
use crate::pipeline::{self, Config, Output};
use crate::report;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: the run finished but some input was skipped.
pub const EXIT_SKIPPED: i32 = 1;
/// Exit code: usage or lexicon error; nothing was written.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: `eval` scored below a threshold.
pub const EXIT_BELOW_THRESHOLD: i32 = 3;

#[derive(Debug, Parser)]
#[command(
    name = "claimgraph",
    version,
    about = "Who claims what, on whose authority: cross-reference claims across news outlets.",
    after_help = "Exit codes: 0 success, 1 some input skipped, 2 usage or lexicon error, 3 eval below thresholds."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Skip articles larger than this many bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = IngestOptions::default().max_article_bytes)]
    max_article_bytes: usize,
    /// Add or override lexicon entries: a TOML file or a directory of them (docs/lexicon.md).
    #[arg(long, global = true, value_name = "FILE_OR_DIR")]
    lexicon: Vec<PathBuf>,
    /// Print no warnings (errors are still printed).
    #[arg(long, short, global = true)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the run as one JSON document (docs/json.md).
    Json(Paths),
    /// Score a run against gold annotations (docs/eval.md).
    Eval(EvalArgs),
    /// Show how articles are cut: every line with its kind and rule, and the sentences.
    Segment(Paths),
    /// Claims × outlets comparison table (issue 6).
    Compare(Paths),
    /// Each claim with its mentions (issue 6).
    Claims(Paths),
    /// Per outlet, the sources it cites (issue 6).
    Sources(Paths),
    /// Per actor, the labels each outlet uses (issue 6).
    Framing(Paths),
    /// Claims one outlet carries and another does not (issue 6).
    Diff(Paths),
    /// Graphviz DOT of outlets, sources and claims (issue 6).
    Dot(Paths),
    /// Why each sentence got its chain, polarity and stance: every rule that fired.
    Explain(ExplainArgs),
    /// Check and list lexicons (issue 4).
    Lexicon(Paths),
}

#[derive(Debug, clap::Args)]
struct Paths {
    /// Article files, directories (walked recursively; .txt, .md, .jsonl) or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct ExplainArgs {
    /// Only this line of the article.
    #[arg(long, value_name = "N")]
    line: Option<usize>,
    /// The article (or articles) to explain.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum EvalFormat {
    /// A metrics table, then the misses.
    Text,
    /// The report as JSON.
    Json,
}

#[derive(Debug, clap::Args)]
struct EvalArgs {
    /// The gold annotation file (TOML, docs/eval.md).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    /// Minimum scores (TOML); exit 3 when the run scores below any of them.
    #[arg(long, value_name = "FILE")]
    thresholds: Option<PathBuf>,
    /// Score this saved `claimgraph json` document instead of running the pipeline.
    #[arg(long, value_name = "FILE")]
    run: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    format: EvalFormat,
    /// The articles the gold file annotates.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    let config = match resolve(&cli) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("claimgraph: {message}");
            return EXIT_USAGE;
        }
    };
    match &cli.command {
        Command::Json(p) => {
            let out = pipeline::run(&p.paths, &config);
            finish(&out, cli.quiet, &report::json(&out.run))
        }
        Command::Segment(p) => {
            let out = pipeline::run(&p.paths, &config);
            finish(&out, cli.quiet, &render_segments(&out))
        }
        Command::Eval(args) => run_eval(args, &config, cli.quiet),
        Command::Compare(_) => not_yet("compare", 6),
        Command::Claims(_) => not_yet("claims", 6),
        Command::Sources(_) => not_yet("sources", 6),
        Command::Framing(_) => not_yet("framing", 6),
        Command::Diff(_) => not_yet("diff", 6),
        Command::Dot(_) => not_yet("dot", 6),
        Command::Explain(args) => {
            let out = pipeline::run(&args.paths, &config);
            let text: String = out
                .analyses
                .iter()
                .map(|a| report::explain::explain(a, &config.lexicon, args.line))
                .collect::<Vec<_>>()
                .join("\n");
            finish(&out, cli.quiet, &text)
        }
        Command::Lexicon(_) => not_yet("lexicon", 4),
    }
}

/// The second phase of argument handling: everything the run needs, built up front.
fn resolve(cli: &Cli) -> Result<Config, String> {
    let lexicon = Lexicon::load(&cli.lexicon).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\nclaimgraph: ")
    })?;
    Ok(Config {
        ingest: IngestOptions {
            max_article_bytes: cli.max_article_bytes,
        },
        lexicon,
    })
}

fn not_yet(command: &str, issue: u32) -> i32 {
    eprintln!("claimgraph: `{command}` is not built yet (issue {issue}); `claimgraph json PATH…` shows the whole run");
    EXIT_USAGE
}

/// Reports input problems, writes `text` to stdout, and returns the exit code.
fn finish(out: &Output, quiet: bool, text: &str) -> i32 {
    report_inputs(out, quiet);
    let code = if out.errors.is_empty() { EXIT_OK } else { EXIT_SKIPPED };
    match write_stdout(text) {
        Ok(()) => code,
        Err(write_failed) => write_failed.max(code),
    }
}

fn report_inputs(out: &Output, quiet: bool) {
    if !quiet {
        for w in &out.warnings {
            eprintln!("claimgraph: warning: {w}");
        }
    }
    for e in &out.errors {
        eprintln!("claimgraph: skipped {e}");
    }
    if !out.errors.is_empty() {
        eprintln!(
            "claimgraph: {} input(s) skipped; {} article(s) read",
            out.errors.len(),
            out.analyses.len()
        );
    }
}

/// Writes to stdout. A closed pipe is not an error: the reader has what it wanted, so
/// the run ends quietly.
fn write_stdout(text: &str) -> Result<(), i32> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(text.as_bytes()).and_then(|()| lock.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("claimgraph: cannot write output: {e}");
            Err(EXIT_SKIPPED)
        }
    }
}

fn run_eval(args: &EvalArgs, config: &Config, quiet: bool) -> i32 {
    let gold = match eval::gold::Gold::load(&args.gold) {
        Ok(gold) => gold,
        Err(errors) => return usage_errors(&errors),
    };
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
    let texts = out.article_texts();
    let problems = gold.validate(&texts);
    if !problems.is_empty() {
        return usage_errors(&problems);
    }
    let report = eval::score(&gold, run, &texts);
    let text = match args.format {
        EvalFormat::Text => eval::render_text(&report),
        EvalFormat::Json => {
            let mut json = serde_json::to_string_pretty(&report).expect("the report serialises");
            json.push('\n');
            json
        }
    };
    let code = finish(&out, quiet, &text);
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

/// `claimgraph segment`: every line with its kind, then its sentences.
fn render_segments(out: &Output) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for (info, a) in out.run.articles.iter().zip(&out.analyses) {
        let _ = writeln!(
            s,
            "== {} ({}) outlet={} published={} language={}",
            info.path,
            info.id,
            info.outlet,
            info.published.as_deref().unwrap_or("-"),
            info.language
        );
        let mut sentences = a.segments.sentences.iter().peekable();
        for (index, line) in a.segments.lines.iter().enumerate() {
            if line.kind == crate::segment::LineKind::Blank {
                continue;
            }
            let text = &a.article.text[line.span.clone()];
            let rule = line.rule.as_deref().unwrap_or("");
            let _ = writeln!(s, "{:>5} {:<14} {:<22} {}", line.number, line.kind.as_str(), rule, text);
            while let Some(sentence) = sentences.next_if(|x| x.line == index) {
                let _ = writeln!(s, "{:>5}   · {}", "", &a.article.text[sentence.span.clone()]);
            }
        }
    }
    s
}
