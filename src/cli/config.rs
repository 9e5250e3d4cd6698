//! The second phase of argument handling: what the user typed ([`super::args`]) resolved
//! into the one [`Config`] the pipeline runs with (lexicons loaded and compiled, limits
//! set, what each command keeps in memory and on disk), built before any article is read, and the
//! small conversions from a flag to the value a renderer takes (`compare`'s format,
//! colour and width, the report filters).

use super::args::{Cli, ColorChoice, Command, CompareArgs, CompareFormat, ReportArgs};
use crate::ingest::IngestOptions;
use crate::lexicon::Lexicon;
use crate::pipeline::{Config, Keep};
use crate::report;
use std::io::IsTerminal;

/// Everything the run needs, built up front; a lexicon that does not load is the error,
/// every problem of every file on its own line.
pub(super) fn resolve(cli: &Cli) -> Result<Config, String> {
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
        // Only the commands that show per-article detail keep every analysis.
        keep_analyses: matches!(
            cli.command,
            Command::Explain(_) | Command::Segment(_) | Command::Eval(_)
        ),
        progress: !cli.quiet && std::io::stderr().is_terminal(),
        // `json` and `compare` read every mention once, in order: they wait on disk, not
        // in memory.
        keep: match cli.command {
            Command::Json(_) | Command::Compare(_) => Keep::Disk,
            _ => Keep::Memory,
        },
    })
}

impl ReportArgs {
    /// The filters as every renderer takes them.
    pub(super) fn filter(&self) -> report::Filter {
        report::Filter {
            claim: self.claim.clone(),
            outlets: self.outlet.clone(),
            episode: self.episode.clone(),
            min_outlets: self.min_outlets,
            contradictions_only: self.contradictions_only,
        }
    }
}

/// `compare --format`.
pub(super) fn compare_format(format: CompareFormat) -> report::compare::Format {
    match format {
        CompareFormat::Table => report::compare::Format::Table,
        CompareFormat::Csv => report::compare::Format::Csv,
        CompareFormat::Json => report::compare::Format::Json,
        CompareFormat::Markdown => report::compare::Format::Markdown,
    }
}

/// How `compare` lays out its table; `terminal`: the output goes to a terminal.
pub(super) fn compare_style(args: &CompareArgs, terminal: bool) -> report::compare::Style {
    report::compare::Style {
        width: width(args.width, terminal),
        color: color(args.color, terminal),
    }
}

/// `--color`: `auto` colours a terminal unless `NO_COLOR` is set (and not empty).
fn color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// `--width`, else the terminal's width; unlimited off a terminal.
fn width(width: Option<u16>, terminal: bool) -> Option<u16> {
    width.or_else(|| {
        if terminal {
            comfy_table::Table::new().width()
        } else {
            None
        }
    })
}
