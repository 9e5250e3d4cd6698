//! `claimgraph compare`: the analyst's first view. A claims × outlets matrix: one row a
//! claim (most-carried first), one column an outlet, each cell how that outlet carries it
//! (✓ asserts, ✗ denies, ~ hedged, ? distanced) and on whose authority (the innermost
//! source, or "own" for the outlet's own voice); then independent roots and episode.
//! After the table, the contradictions: which claims cannot both hold, and who holds
//! each side.
//!
//! One [`Matrix`] is built from the run; the table, CSV, Markdown and JSON renderings all
//! read it, so they show the same cells.

use super::{Filter, by_claim, by_id, clean, outlet_of, source_label, truncate, voice_label, voice_of};
use crate::model::Mention;
use crate::model::{Polarity, Run, Stance};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A terminal table.
    Table,
    /// CSV (RFC 4180).
    Csv,
    /// JSON.
    Json,
    /// A Markdown table.
    Markdown,
}

/// How the terminal table looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Fit the table to this many columns.
    pub width: Option<u16>,
    /// Colour the marks.
    pub color: bool,
}

/// One cell: how an outlet carries a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// The marks, in order: ✓ asserts, ✗ denies, ~ hedged, ? distanced.
    pub marks: String,
    /// The innermost sources, abbreviated (`SANA`, `own`).
    pub sources: Vec<String>,
}

impl Mark {
    /// The cell text: `✓ SANA`, `✓✗ own +1`.
    pub fn text(&self) -> String {
        if self.marks.is_empty() {
            return String::new();
        }
        let mut s = format!("{} {}", self.marks, self.sources.first().map_or("", String::as_str));
        if self.sources.len() > 1 {
            s.push_str(&format!(" +{}", self.sources.len() - 1));
        }
        s.trim_end().to_owned()
    }
}

/// One row of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Claim id.
    pub claim: String,
    /// Claim key.
    pub key: String,
    /// Claim label.
    pub label: String,
    /// One mark per outlet column.
    pub cells: Vec<Mark>,
    /// Independent roots.
    pub roots: usize,
    /// Episode.
    pub episode: String,
}

/// A contradiction, with who holds each side.
#[derive(Debug, Clone, Serialize)]
pub struct Contradiction {
    /// The two claims' labels.
    pub claims: [String; 2],
    /// The two claims' ids.
    pub ids: [String; 2],
    /// The outlets asserting each side (for a denial inside one claim: asserting,
    /// denying).
    pub sides: [Vec<String>; 2],
    /// Why they contradict.
    pub reason: String,
}

/// The matrix every rendering of `compare` reads.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    /// Outlet column ids.
    pub outlets: Vec<String>,
    /// Outlet column labels.
    pub labels: Vec<String>,
    /// Rows, most-carried first.
    pub rows: Vec<Row>,
    /// Contradictions among the rows' claims.
    pub contradictions: Vec<Contradiction>,
    /// Open claims left out of the rows (shown by `--open`, or `claimgraph claims`).
    pub open_hidden: usize,
}

/// Builds the matrix. Open claims are rows only with `open`.
pub fn matrix(run: &Run, filter: &Filter, open: bool) -> Matrix {
    let all = filter.claims(run);
    let open_hidden = if open { 0 } else { all.iter().filter(|c| c.open).count() };
    let claims: Vec<_> = all.into_iter().filter(|c| open || !c.open).collect();
    let grouped = by_claim(run);
    let (outlets, labels) = columns(run, &claims, filter);
    let column: HashMap<&str, usize> = outlets.iter().enumerate().map(|(k, o)| (o.as_str(), k)).collect();
    let rows = claims
        .iter()
        .map(|c| Row {
            claim: c.id.clone(),
            key: c.key.clone(),
            label: clean(&c.label),
            cells: marks(run, mentions(&grouped, &c.id), &column),
            roots: c.independent_roots,
            episode: c.episode.clone(),
        })
        .collect();
    let shown: Vec<&str> = claims.iter().map(|c| c.id.as_str()).collect();
    Matrix {
        outlets,
        labels,
        rows,
        contradictions: contradictions(run, &grouped, &shown),
        open_hidden,
    }
}

/// The columns: the outlets carrying a shown claim, in the run's outlet order, each
/// anonymous article (outlet `unknown`) its own column, labelled with its article id.
fn columns(run: &Run, claims: &[&crate::model::Claim], filter: &Filter) -> (Vec<String>, Vec<String>) {
    let mut ids = Vec::new();
    let mut labels = Vec::new();
    let shown: HashSet<&str> = claims.iter().map(|c| c.id.as_str()).collect();
    // Each outlet's voices carrying a shown claim, sorted: one pass over the mentions.
    let mut voices_of: HashMap<&str, std::collections::BTreeSet<String>> = HashMap::new();
    for m in run.mentions.iter().filter(|m| shown.contains(m.claim.as_str())) {
        voices_of.entry(outlet_of(run, m)).or_default().insert(voice_of(run, m));
    }
    for outlet in &run.outlets {
        if !filter.outlets.is_empty() && !filter.outlets.contains(&outlet.id) {
            continue;
        }
        for v in voices_of.remove(outlet.id.as_str()).unwrap_or_default() {
            labels.push(voice_label(run, &v));
            ids.push(v);
        }
    }
    (ids, labels)
}

/// How each column's voice (an outlet, or one anonymous article) carries one claim: one
/// pass over the claim's mentions, each put in its voice's cell.
fn marks(run: &Run, mentions: &[&Mention], column: &HashMap<&str, usize>) -> Vec<Mark> {
    let mut cells = vec![Mark::default(); column.len()];
    for mention in mentions {
        let Some(&k) = column.get(voice_of(run, mention).as_str()) else {
            continue;
        };
        let m = &mut cells[k];
        let symbol = match (mention.polarity, mention.stance) {
            (Polarity::Denies, _) => '✗',
            (_, Stance::Hedged) => '~',
            (_, Stance::Distanced) => '?',
            _ => '✓',
        };
        if !m.marks.contains(symbol) {
            m.marks.push(symbol);
        }
        let source = authority(run, mention);
        if !m.sources.contains(&source) {
            m.sources.push(source);
        }
    }
    cells
}

/// On whose authority a mention speaks: its innermost source, abbreviated, or `own`.
fn authority(run: &Run, mention: &crate::model::Mention) -> String {
    match mention.chain.last() {
        Some(s) => abbreviate(&clean(source_label(run, s))),
        None => "own".to_owned(),
    }
}

/// A short name for a source: its label up to a comma or parenthesis, at most 18
/// characters ("SANA (Syrian state news agency)" → "SANA").
fn abbreviate(label: &str) -> String {
    let short = label.split([',', '(', '،']).next().unwrap_or(label).trim();
    truncate(short, 18)
}

/// A claim's mentions from the grouped map.
fn mentions<'a>(grouped: &'a HashMap<&str, Vec<&'a Mention>>, claim: &str) -> &'a [&'a Mention] {
    grouped.get(claim).map_or(&[], Vec::as_slice)
}

fn contradictions(run: &Run, grouped: &HashMap<&str, Vec<&Mention>>, shown: &[&str]) -> Vec<Contradiction> {
    let shown_set: HashSet<&str> = shown.iter().copied().collect();
    let label = |id: &str| by_id(&run.claims, id, |c| &c.id).map_or(id.to_owned(), |c| clean(&c.label));
    let holders = |id: &str, polarity: Polarity| {
        let mut out: Vec<String> = mentions(grouped, id)
            .iter()
            .filter(|m| m.polarity == polarity)
            .map(|m| format!("{} ← {}", voice_label(run, &voice_of(run, m)), authority(run, m)))
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let mut out = Vec::new();
    for r in &run.relations {
        if !r.claims.iter().all(|c| shown_set.contains(c.as_str())) {
            continue;
        }
        out.push(Contradiction {
            claims: [label(&r.claims[0]), label(&r.claims[1])],
            ids: r.claims.clone(),
            sides: [
                holders(&r.claims[0], Polarity::Asserts),
                holders(&r.claims[1], Polarity::Asserts),
            ],
            reason: clean(&r.reason),
        });
    }
    for id in shown {
        // Most claims have no denial: their holders are not worked out at all.
        if !mentions(grouped, id).iter().any(|m| m.polarity == Polarity::Denies) {
            continue;
        }
        let denied = holders(id, Polarity::Denies);
        let asserted = holders(id, Polarity::Asserts);
        // A denial nobody in the run asserts is a ✗ in the table, not a contradiction.
        if !denied.is_empty() && !asserted.is_empty() {
            out.push(Contradiction {
                claims: [label(id), format!("denied: {}", label(id))],
                ids: [(*id).to_owned(), (*id).to_owned()],
                sides: [asserted, denied],
                reason: "DENIAL: a source denies what another asserts".to_owned(),
            });
        }
    }
    out
}

/// Renders `compare` in the requested format.
pub fn render(m: &Matrix, format: Format, style: Style) -> String {
    match format {
        Format::Table => table(m, style),
        Format::Csv => csv(m),
        Format::Markdown => markdown(m),
        Format::Json => super::to_json(m),
    }
}

fn header(m: &Matrix) -> Vec<String> {
    let mut h = vec!["claim".to_owned()];
    h.extend(m.labels.iter().cloned());
    h.push("roots".to_owned());
    h.push("episode".to_owned());
    h
}

fn cells(row: &Row) -> Vec<String> {
    let mut c = vec![row.label.clone()];
    c.extend(row.cells.iter().map(Mark::text));
    c.push(row.roots.to_string());
    c.push(row.episode.clone());
    c
}

fn table(m: &Matrix, style: Style) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    if style.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    if let Some(w) = style.width {
        t.set_width(w);
        t.set_content_arrangement(ContentArrangement::Dynamic);
    }
    t.set_header(header(m));
    for row in &m.rows {
        let mut line = vec![Cell::new(&row.label)];
        for mark in &row.cells {
            let mut cell = Cell::new(mark.text());
            if style.color {
                cell = match mark.marks.chars().next() {
                    Some('✓') => cell.fg(Color::Green),
                    Some('✗') => cell.fg(Color::Red),
                    Some(_) => cell.fg(Color::Yellow),
                    None => cell,
                };
            }
            line.push(cell);
        }
        line.push(Cell::new(row.roots));
        line.push(Cell::new(&row.episode));
        t.add_row(line);
    }
    let mut out = format!("{t}\n");
    out.push_str(&legend(m));
    out
}

fn legend(m: &Matrix) -> String {
    let mut out = String::from("✓ asserts  ✗ denies  ~ hedged  ? distanced  · own = the outlet's own voice\n");
    if m.open_hidden > 0 {
        out.push_str(&format!(
            "{} open claims (statements no frame matched) not shown: --open, or `claimgraph claims`\n",
            m.open_hidden
        ));
    }
    if !m.contradictions.is_empty() {
        out.push_str("\nContradictions\n");
        for c in &m.contradictions {
            out.push_str(&format!(
                "  {} [{}]\n    ⟂ {} [{}]\n    {}\n",
                c.claims[0],
                c.sides[0].join(", "),
                c.claims[1],
                c.sides[1].join(", "),
                c.reason
            ));
        }
    }
    out
}

/// A CSV field, quoted when it needs to be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn csv(m: &Matrix) -> String {
    let mut out = String::new();
    let mut line = |fields: Vec<String>| {
        out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    line(header(m));
    for row in &m.rows {
        line(cells(row));
    }
    out
}

fn markdown(m: &Matrix) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let h = header(m);
    let mut out = format!(
        "| {} |\n|{}\n",
        h.iter().map(|x| esc(x)).collect::<Vec<_>>().join(" | "),
        "---|".repeat(h.len())
    );
    for row in &m.rows {
        out.push_str(&format!(
            "| {} |\n",
            cells(row).iter().map(|x| esc(x)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out.push('\n');
    out.push_str(&legend(m));
    out
}
