//! The command line: clap definitions, the resolved [`Config`], and exit codes.
//!
//! Arguments are handled in two phases, as in ripgrep: clap parses exactly what the user
//! typed, then `resolve` builds the one [`Config`] (lexicons compiled, limits set) before
//! any article is read. A per-file input error is reported on stderr and the run goes on;
//! the collected errors decide the exit code at the end.
//!
//! Exit codes (README, "Exit codes"): 0 success; 1 finished, but some input was skipped;
//! 2 usage or lexicon error, nothing written; 3 `eval` scored below its thresholds.
//! A closed stdout (`claimgraph json … | head`) ends the run quietly with 0.

use crate::eval;
use crate::ingest::IngestOptions;
use crate::lexicon::Lexicon;
use crate::pipeline::{self, Config, Output, Spill};
use crate::report;
use crate::writeback::{self, Writeback};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
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
    /// Mentions of one claim further apart than this many days are separate episodes.
    #[arg(long, global = true, value_name = "DAYS", default_value_t = crate::link::DEFAULT_WINDOW_DAYS)]
    window: i64,
    /// Print no warnings and no progress (errors are still printed).
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Worker threads for the per-article stages (0: one per core). The output is the
    /// same whatever the number.
    #[arg(long, global = true, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Write the output to FILE (atomically: all or nothing) instead of stdout.
    #[arg(long, short, global = true, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace FILE if it exists (with --output).
    #[arg(long, global = true)]
    force: bool,
}

/// Where output goes and what is said on the way.
#[derive(Debug, Clone)]
struct Sink {
    output: Option<PathBuf>,
    force: bool,
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
    /// Claims × outlets: who carries what, on whose authority; then the contradictions.
    Compare(CompareArgs),
    /// Each claim with every mention: outlet → chain, polarity, stance, quoted sentence.
    Claims(ReportArgs),
    /// Per outlet, the sources it cites, their kinds and the claims each carries.
    Sources(ReportArgs),
    /// Per actor, the names each outlet uses for it and their framing.
    Framing(ReportArgs),
    /// Claims only OUTLET_A carries, only OUTLET_B, both, and contradictions between them.
    Diff(DiffArgs),
    /// Graphviz DOT of outlets, sources and claims (render with `dot -Tsvg`).
    Dot(DotArgs),
    /// Why each sentence got its chain, polarity and stance: every rule that fired.
    Explain(ExplainArgs),
    /// Check, list and export lexicons (docs/lexicon.md).
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
}

#[derive(Debug, Subcommand)]
enum LexiconCommand {
    /// Check lexicon files: every error with file:line:column; exit 2 on any.
    ///
    /// The files load on top of the embedded packs and any --lexicon, as a run would load
    /// them: shape, duplicate ids, patterns, references, then every example.
    Check {
        /// Lexicon TOML files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the loaded entries (embedded, then --lexicon), in load order.
    List {
        /// Only this table.
        #[arg(long, value_name = "TABLE", value_parser = clap::builder::PossibleValuesParser::new(LEXICON_TABLES))]
        table: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print every literal trigger the matcher compiles, sorted, one per line.
    ///
    /// Triggers are normalised token text: compare with `rg -c -F -f triggers.txt`.
    Triggers,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    /// Aligned columns: table, id, language, file, summary.
    Text,
    /// A JSON array of {table, id, language, file, summary}.
    Json,
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

/// The filters every report shares.
#[derive(Debug, clap::Args)]
struct ReportArgs {
    /// Only claims whose id or key contains TEXT.
    #[arg(long, value_name = "TEXT")]
    claim: Option<String>,
    /// Only claims this outlet carries (an outlet id; repeat for several).
    #[arg(long, value_name = "OUTLET")]
    outlet: Vec<String>,
    /// Only claims of this episode (`2019-11`).
    #[arg(long, value_name = "EPISODE")]
    episode: Option<String>,
    /// Only claims carried by at least N outlets.
    #[arg(long, value_name = "N", default_value_t = 0)]
    min_outlets: usize,
    /// Only contradicted claims.
    #[arg(long)]
    contradictions_only: bool,
    /// Article files, directories (walked recursively; .txt, .md, .jsonl) or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

impl ReportArgs {
    fn filter(&self) -> report::Filter {
        report::Filter {
            claim: self.claim.clone(),
            outlets: self.outlet.clone(),
            episode: self.episode.clone(),
            min_outlets: self.min_outlets,
            contradictions_only: self.contradictions_only,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CompareFormat {
    /// A terminal table.
    Table,
    /// CSV.
    Csv,
    /// JSON.
    Json,
    /// A Markdown table.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, clap::Args)]
struct CompareArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    format: CompareFormat,
    /// Fit the table to N columns (default: the terminal's width; unlimited off a terminal).
    #[arg(long, value_name = "N")]
    width: Option<u16>,
    /// Colour the marks.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Show open claims (statements no frame matched) as rows too.
    #[arg(long)]
    open: bool,
    #[command(flatten)]
    report: ReportArgs,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    /// The first outlet (an outlet id, as `claimgraph json` lists them).
    outlet_a: String,
    /// The second outlet.
    outlet_b: String,
    #[command(flatten)]
    report: ReportArgs,
}

#[derive(Debug, clap::Args)]
struct DotArgs {
    /// Fold claims that only one outlet carries into one node per episode and leave
    /// open claims out; contested claims are always drawn.
    #[arg(long)]
    fold: bool,
    #[command(flatten)]
    report: ReportArgs,
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
    /// The gold annotation file (TOML, docs/eval.md). Repeat to score against several
    /// files at once: claims with the same id in different files are one claim.
    #[arg(long, value_name = "FILE", required = true)]
    gold: Vec<PathBuf>,
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
    if let Some(path) = &sink.output
        && path.exists()
        && !sink.force
    {
        eprintln!(
            "claimgraph: {} exists; nothing was written\n  hint: add --force to replace it",
            path.display()
        );
        return EXIT_USAGE;
    }
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
            finish_with(&out, &sink, |w| out.write_json(w))
        }
        Command::Segment(p) => {
            let out = pipeline::run(&p.paths, &config);
            finish(&out, &sink, &render_segments(&out))
        }
        Command::Eval(args) => run_eval(args, &config, &sink),
        Command::Compare(args) => {
            let out = pipeline::run(&args.report.paths, &config);
            let format = match args.format {
                CompareFormat::Table => report::compare::Format::Table,
                CompareFormat::Csv => report::compare::Format::Csv,
                CompareFormat::Json => report::compare::Format::Json,
                CompareFormat::Markdown => report::compare::Format::Markdown,
            };
            let terminal = sink.output.is_none() && std::io::stdout().is_terminal();
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            };
            let width = args.width.or_else(|| {
                if terminal {
                    comfy_table::Table::new().width()
                } else {
                    None
                }
            });
            let style = report::compare::Style {
                width,
                color,
                threads: config.workers(),
            };
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
                &report::dot::dot(&out.run, &args.report.filter(), &options),
            )
        }
        Command::Explain(args) => {
            let out = pipeline::run(&args.paths, &config);
            let text: String = out
                .analyses
                .iter()
                .map(|a| report::explain::explain(a, &config.lexicon, args.line))
                .collect::<Vec<_>>()
                .join("\n");
            finish(&out, &sink, &text)
        }
        Command::Lexicon { command } => run_lexicon(command, &config, cli.quiet),
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
    crate::pipeline::timings::done("lexicon");
    Ok(Config {
        ingest: IngestOptions {
            max_article_bytes: cli.max_article_bytes,
        },
        lexicon,
        window_days: cli.window,
        threads: cli.threads,
        // Only the commands that show per-article detail keep every analysis.
        keep_analyses: matches!(
            cli.command,
            Command::Explain(_) | Command::Segment(_) | Command::Eval(_)
        ),
        progress: !cli.quiet && std::io::stderr().is_terminal(),
        // `json` and `compare` read every mention once, in order: they wait on disk, not
        // in memory (for `json`, already written as JSON).
        spill: match cli.command {
            Command::Json(_) => Spill::Json,
            Command::Compare(_) => Spill::Records,
            _ => Spill::No,
        },
    })
}

/// Reports input problems, writes `text` to stdout, and returns the exit code.
fn finish(out: &Output, sink: &Sink, text: &str) -> i32 {
    finish_with(out, sink, |w| w.write_all(text.as_bytes()))
}

/// Reports input problems, streams the output `render` writes (to stdout, or atomically
/// to the output file), and returns the exit code.
fn finish_with(out: &Output, sink: &Sink, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> i32 {
    report_inputs(out, sink.quiet);
    let code = if out.errors.is_empty() { EXIT_OK } else { EXIT_SKIPPED };
    let written = match &sink.output {
        Some(path) => write_file(path, render),
        None => stream_stdout(render),
    };
    match written {
        Ok(()) => code,
        Err(write_failed) => write_failed.max(code),
    }
}

/// Writes `text` to `path` atomically: into a temporary file beside it, then renamed over
/// it, so a reader never sees half a file and a failed run leaves none.
fn write_file(path: &std::path::Path, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), i32> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.claimgraph-{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|file| {
            // Flushed as it grows: the final sync waits for the last few MB only.
            let mut w = std::io::BufWriter::new(Writeback::new(file, writeback::EVERY));
            render(&mut w)?;
            let file = w.into_inner().map_err(std::io::IntoInnerError::into_error)?;
            crate::pipeline::timings::done("write");
            file.sync_all()?;
            crate::pipeline::timings::done("sync");
            Ok(())
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        eprintln!("claimgraph: cannot write {}: {e}", path.display());
        EXIT_SKIPPED
    })
}

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

/// Writes to stdout. A closed pipe is not an error: the reader has what it wanted, so
/// the run ends quietly.
fn write_stdout(text: &str) -> Result<(), i32> {
    stream_stdout(|w| w.write_all(text.as_bytes()))
}

/// Streams output to stdout; a closed pipe ends it quietly.
fn stream_stdout(render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), i32> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    match render(&mut w).and_then(|()| w.flush()) {
        Ok(()) => {
            crate::pipeline::timings::done("write");
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("claimgraph: cannot write output: {e}");
            Err(EXIT_SKIPPED)
        }
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
    let texts = out.article_texts();
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
        EvalFormat::Text => eval::render_text(&report),
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

/// `claimgraph segment`: every line with its kind, then its sentences, each [`clean`]ed
/// so that it stays on its row.
///
/// [`clean`]: report::clean
fn render_segments(out: &Output) -> String {
    use report::clean;
    use std::fmt::Write as _;
    let mut s = String::new();
    for (info, a) in out.run.articles.iter().zip(&out.analyses) {
        let _ = writeln!(
            s,
            "== {} ({}) outlet={} published={} language={}",
            clean(&info.path),
            clean(&info.id),
            info.outlet,
            info.published.as_deref().unwrap_or("-"),
            clean(&info.language)
        );
        let mut sentences = a.segments.sentences.iter().peekable();
        for (index, line) in a.segments.lines.iter().enumerate() {
            if line.kind == crate::segment::LineKind::Blank {
                continue;
            }
            let text = clean(&a.article.text[line.span.range()]);
            let rule = line.rule.as_deref().unwrap_or("");
            let _ = writeln!(s, "{:>5} {:<14} {:<22} {}", line.number, line.kind.as_str(), rule, text);
            while let Some(sentence) = sentences.next_if(|x| x.line == index) {
                let _ = writeln!(s, "{:>5}   · {}", "", clean(&a.article.text[sentence.span.range()]));
            }
        }
    }
    s
}

/// `claimgraph lexicon …`. Check reports every problem of every file on stderr and
/// decides the exit code at the end; list and triggers describe what `config` loaded.
fn run_lexicon(command: &LexiconCommand, config: &Config, quiet: bool) -> i32 {
    let lexicon = &config.lexicon;
    match command {
        LexiconCommand::Check { files } => {
            let report = crate::lexicon::validate::check(&lexicon.files, files);
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
            let rows: Vec<Listed> = listing(lexicon)
                .into_iter()
                .filter(|r| table.as_deref().is_none_or(|t| t == r.table))
                .collect();
            let text = match format {
                ListFormat::Text => render_listing(&rows),
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

/// The tables `lexicon list --table` accepts, as they are written in a pack.
const LEXICON_TABLES: &[&str] = &[
    "cue",
    "marker",
    "particle",
    "source_noun",
    "source",
    "actor",
    "predicate",
    "place",
    "furniture",
    "byline",
    "subheading",
    "author_line",
];

/// One row of `claimgraph lexicon list`.
#[derive(Debug, serde::Serialize)]
struct Listed {
    table: &'static str,
    id: String,
    language: String,
    file: String,
    summary: String,
}

/// Every loaded entry, table by table, each table in load order.
fn listing(lexicon: &Lexicon) -> Vec<Listed> {
    use crate::lexicon::{Entry, HasId};
    fn rows<T: HasId>(
        out: &mut Vec<Listed>,
        lexicon: &Lexicon,
        table: &'static str,
        items: &[Entry<T>],
        summary: impl Fn(&T) -> String,
    ) {
        out.extend(items.iter().map(|e| Listed {
            table,
            id: e.entry.id().to_owned(),
            language: e.language.clone(),
            file: lexicon.files[e.file].path.clone(),
            summary: summary(&e.entry),
        }));
    }
    let e = &lexicon.entries;
    let mut out = Vec::new();
    rows(&mut out, lexicon, "cue", &e.cues, |c| {
        let forms = [
            count(c.forms.len(), "form"),
            count(c.masculine.len(), "masculine form"),
            count(c.feminine.len(), "feminine form"),
        ];
        let scope = c.scope.map(|s| format!("; scope {}", kebab(s))).unwrap_or_default();
        format!("{}; {}{scope}", kebab(c.role), joined(&forms))
    });
    rows(&mut out, lexicon, "marker", &e.markers, |m| {
        let parts = [count(m.forms.len(), "form"), count(m.patterns.len(), "pattern")];
        format!("{}; {}", kebab(m.kind), joined(&parts))
    });
    rows(&mut out, lexicon, "particle", &e.particles, |p| {
        format!("{}; {}", kebab(p.role), count(p.forms.len(), "form"))
    });
    rows(&mut out, lexicon, "source_noun", &e.source_nouns, |n| {
        let forms = [
            count(n.forms.len(), "form"),
            count(n.masculine.len(), "masculine form"),
            count(n.feminine.len(), "feminine form"),
        ];
        let title = if n.title { "; title" } else { "" };
        format!("{}; {}{title}", n.kind, joined(&forms))
    });
    rows(&mut out, lexicon, "source", &e.sources, |s| {
        let mut text = format!("{}; {}", s.kind, count(s.aliases.len(), "alias"));
        if !s.nouns.is_empty() {
            text += &format!("; nouns {}", s.nouns.join(", "));
        }
        if let Some(actor) = &s.actor {
            text += &format!("; actor {actor}");
        }
        text
    });
    rows(&mut out, lexicon, "actor", &e.actors, |a| {
        let framed = a
            .aliases
            .iter()
            .filter(|x| x.framing != crate::lexicon::schema::Framing::Neutral)
            .count();
        let mut text = format!(
            "{}; {}",
            a.source_kind.as_deref().unwrap_or("-"),
            count(a.aliases.len(), "alias")
        );
        if framed > 0 {
            text += &format!(" ({framed} framed)");
        }
        if !a.part_of.is_empty() {
            text += &format!("; part of {}", a.part_of.join(", "));
        }
        text
    });
    rows(&mut out, lexicon, "place", &e.places, |p| {
        let mut text = count(p.aliases.len(), "alias");
        if let Some(within) = &p.within {
            text += &format!("; within {within}");
        }
        if !p.context.is_empty() {
            text += &format!("; {}", count(p.context.len(), "context word"));
        }
        text
    });
    rows(&mut out, lexicon, "predicate", &e.predicates, |p| {
        let mut text = format!("{}; {}", p.label, count(p.forms.len(), "trigger"));
        if !p.excludes.is_empty() {
            text += &format!("; excludes {}", p.excludes.join(", "));
        }
        text
    });
    rows(&mut out, lexicon, "furniture", &e.furniture, |r| {
        count(r.patterns.len(), "pattern")
    });
    rows(&mut out, lexicon, "byline", &e.bylines, |r| {
        count(r.patterns.len(), "pattern")
    });
    // The single rules: the last pack that has one is in force.
    let last = |has: fn(&crate::lexicon::schema::Pack) -> bool| {
        lexicon.files.iter().rev().find(|f| has(&f.pack)).map(|f| {
            let language = f.pack.lexicon.language.clone().unwrap_or_else(|| "und".to_owned());
            (language, f.path.clone())
        })
    };
    if let (Some(s), Some((language, file))) = (&e.subheading, last(|p| p.subheading.is_some())) {
        out.push(Listed {
            table: "subheading",
            id: s.id.clone(),
            language,
            file,
            summary: format!("at most {}", count(s.max_words, "word")),
        });
    }
    if let (Some(a), Some((language, file))) = (&e.author_line, last(|p| p.author_line.is_some())) {
        out.push(Listed {
            table: "author_line",
            id: a.id.clone(),
            language,
            file,
            summary: format!("at most {}; bio rule {}", count(a.max_words, "word"), a.bio_rule),
        });
    }
    out
}

/// `3 forms`, `1 alias`; empty for none.
fn count(n: usize, what: &str) -> String {
    match n {
        0 => String::new(),
        1 => format!("1 {what}"),
        _ if what.ends_with('s') => format!("{n} {what}es"),
        _ => format!("{n} {what}s"),
    }
}

/// The non-empty parts, comma-separated (`-` when all are empty).
fn joined(parts: &[String]) -> String {
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "-".to_owned()
    } else {
        parts.join(", ")
    }
}

/// A unit enum value as the packs write it (`AccordingTo` → `according-to`).
fn kebab(value: impl std::fmt::Debug) -> String {
    let mut out = String::new();
    for (i, c) in format!("{value:?}").chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Aligned columns, one entry a line.
fn render_listing(rows: &[Listed]) -> String {
    let width = |f: fn(&Listed) -> &str| rows.iter().map(|r| f(r).chars().count()).max().unwrap_or(0);
    let (t, i, l, f) = (
        width(|r| r.table),
        width(|r| &r.id),
        width(|r| &r.language),
        width(|r| &r.file),
    );
    rows.iter()
        .map(|r| {
            format!(
                "{:<t$}  {:<i$}  {:<l$}  {:<f$}  {}\n",
                r.table, r.id, r.language, r.file, r.summary
            )
        })
        .collect()
}
