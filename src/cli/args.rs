//! The first phase of argument handling: exactly what the user typed, as clap parses and
//! validates it (types, required values, possible values). Nothing here reads a file or
//! decides anything; `config` turns these into the run's [`Config`](crate::pipeline::Config).

use crate::ingest::IngestOptions;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "claimgraph",
    version,
    about = "Who claims what, on whose authority: cross-reference claims across news outlets.",
    after_help = "Exit codes: 0 success, 1 some input skipped, 2 usage or lexicon error, 3 eval below thresholds."
)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
    /// Skip articles larger than this many bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = IngestOptions::default().max_article_bytes)]
    pub(super) max_article_bytes: usize,
    /// Add or override lexicon entries: a TOML file or a directory of them (docs/lexicon.md).
    #[arg(long, global = true, value_name = "FILE_OR_DIR")]
    pub(super) lexicon: Vec<PathBuf>,
    /// Mentions of one claim further apart than this many days are separate episodes.
    #[arg(long, global = true, value_name = "DAYS", default_value_t = crate::link::DEFAULT_WINDOW_DAYS)]
    pub(super) window: i64,
    /// Print no warnings and no progress (errors are still printed).
    #[arg(long, short, global = true)]
    pub(super) quiet: bool,
    /// Threads for every parallel step (0: one per core). The output is the same whatever
    /// the number.
    #[arg(long, global = true, value_name = "N", default_value_t = 0)]
    pub(super) threads: usize,
    /// Write the output to FILE (atomically: all or nothing) instead of stdout.
    #[arg(long, short, global = true, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// Replace FILE if it exists (with --output).
    #[arg(long, global = true)]
    pub(super) force: bool,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
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
pub(super) enum LexiconCommand {
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
        #[arg(long, value_name = "TABLE", value_parser = clap::builder::PossibleValuesParser::new(crate::lexicon::listing::TABLES))]
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
pub(super) enum ListFormat {
    /// Aligned columns: table, id, language, file, summary.
    Text,
    /// A JSON array of {table, id, language, file, summary}.
    Json,
}

#[derive(Debug, clap::Args)]
pub(super) struct Paths {
    /// Article files, directories (walked recursively; .txt, .md, .jsonl) or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub(super) paths: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(super) struct ExplainArgs {
    /// Only this line of the article.
    #[arg(long, value_name = "N")]
    pub(super) line: Option<usize>,
    /// The article (or articles) to explain.
    #[arg(required = true, value_name = "PATH")]
    pub(super) paths: Vec<PathBuf>,
}

/// The filters every report shares.
#[derive(Debug, clap::Args)]
pub(super) struct ReportArgs {
    /// Only claims whose id or key contains TEXT.
    #[arg(long, value_name = "TEXT")]
    pub(super) claim: Option<String>,
    /// Only claims this outlet carries (an outlet id; repeat for several).
    #[arg(long, value_name = "OUTLET")]
    pub(super) outlet: Vec<String>,
    /// Only claims of this episode (`2019-11`).
    #[arg(long, value_name = "EPISODE")]
    pub(super) episode: Option<String>,
    /// Only claims carried by at least N outlets.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub(super) min_outlets: usize,
    /// Only contradicted claims.
    #[arg(long)]
    pub(super) contradictions_only: bool,
    /// Article files, directories (walked recursively; .txt, .md, .jsonl) or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub(super) paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum CompareFormat {
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
pub(super) enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, clap::Args)]
pub(super) struct CompareArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub(super) format: CompareFormat,
    /// Fit the table to N columns (default: the terminal's width; unlimited off a terminal).
    #[arg(long, value_name = "N")]
    pub(super) width: Option<u16>,
    /// Colour the marks.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(super) color: ColorChoice,
    /// Show open claims (statements no frame matched) as rows too.
    #[arg(long)]
    pub(super) open: bool,
    #[command(flatten)]
    pub(super) report: ReportArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct DiffArgs {
    /// The first outlet (an outlet id, as `claimgraph json` lists them).
    pub(super) outlet_a: String,
    /// The second outlet.
    pub(super) outlet_b: String,
    #[command(flatten)]
    pub(super) report: ReportArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct DotArgs {
    /// Fold claims that only one outlet carries into one node per episode and leave
    /// open claims out; contested claims are always drawn.
    #[arg(long)]
    pub(super) fold: bool,
    #[command(flatten)]
    pub(super) report: ReportArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum EvalFormat {
    /// A metrics table, then the misses.
    Text,
    /// The report as JSON.
    Json,
}

#[derive(Debug, clap::Args)]
pub(super) struct EvalArgs {
    /// The gold annotation file (TOML, docs/eval.md). Repeat to score against several
    /// files at once: claims with the same id in different files are one claim.
    #[arg(long, value_name = "FILE", required = true)]
    pub(super) gold: Vec<PathBuf>,
    /// Minimum scores (TOML); exit 3 when the run scores below any of them.
    #[arg(long, value_name = "FILE")]
    pub(super) thresholds: Option<PathBuf>,
    /// Score this saved `claimgraph json` document instead of running the pipeline.
    #[arg(long, value_name = "FILE")]
    pub(super) run: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub(super) format: EvalFormat,
    /// The articles the gold file annotates.
    #[arg(required = true, value_name = "PATH")]
    pub(super) paths: Vec<PathBuf>,
}
