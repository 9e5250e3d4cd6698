//! `claimgraph compare`: the analyst's first view. A claims × outlets matrix: one row a
//! claim (most-carried first), one column an outlet, each cell how that outlet carries it
//! (✓ asserts, ✗ denies, ~ hedged, ? distanced) and on whose authority (the innermost
//! source, or "own" for the outlet's own voice); then independent roots and episode.
//! After the table, the contradictions: which claims cannot both hold, and who holds
//! each side.
//!
//! One [`Matrix`] is built from one pass over the run's mentions (which a large run keeps
//! on disk, see [`Store`]); the table, CSV, Markdown and JSON renderings all read it, so
//! they show the same cells, and write it a row at a time.

use super::{ClaimStats, Filter, Store, clean, index_by_id, truncate, voice_label};
use crate::model::{Mention, Polarity, Run, Stance};
use crate::parallel::in_order;
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

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

/// The matrix every rendering of `compare` reads. It borrows the run's claims and keeps
/// each cell as numbers (`Carried`) until a row is rendered, so a run of 100k articles
/// (450k rows × dozens of columns) is never held as text.
#[derive(Debug)]
pub struct Matrix<'a> {
    run: &'a Run,
    /// Outlet column ids.
    pub outlets: Vec<String>,
    /// Outlet column labels.
    pub labels: Vec<String>,
    /// The rows, most-carried first: a claim (index in `Run::claims`) and its cells (a
    /// range of `cells`).
    rows: Vec<(usize, Range<usize>)>,
    /// Every (claim, voice) pair carried, sorted by claim, then column.
    cells: Vec<Carried>,
    /// The abbreviated authorities cells cite, by number (0 is `own`).
    authorities: Vec<String>,
    /// Each voice's display label, by number.
    voices: Vec<String>,
    /// The contradictions among the rows' claims, worked out as they are written (the
    /// holders of a large run's contradictions are many strings).
    contested: Vec<Contested>,
    /// Open claims left out of the rows (shown by `--open`, or `claimgraph claims`).
    pub open_hidden: usize,
}

/// How one voice carries one claim, gathered from its mentions in run order.
#[derive(Debug, Clone)]
struct Carried {
    claim: u32,
    voice: u32,
    /// Its column (`NO_COLUMN` when its voice is not one).
    column: u32,
    /// Indexes into `SYMBOLS` plus one, in order of first appearance (0: none).
    marks: [u8; 4],
    /// The authorities cited (numbers in `Matrix::authorities`), in order of first
    /// appearance, each with the polarities it was cited for (bit 0: asserts, bit 1:
    /// denies): the first, then any others (most cells cite one: no allocation).
    first: (u32, u8),
    more: Vec<(u32, u8)>,
}

/// A contradiction: a relation between two shown claims (its index in
/// `Run::relations`), or a shown claim both asserted and denied (its index in
/// `Run::claims`).
#[derive(Debug, Clone, Copy)]
enum Contested {
    Relation(usize),
    Denial(usize),
}

const NO_COLUMN: u32 = u32::MAX;
/// ✓ asserts, ✗ denies, ~ hedged, ? distanced.
const SYMBOLS: [char; 4] = ['✓', '✗', '~', '?'];

impl Carried {
    fn add(&mut self, mention: &Mention, authority: u32) {
        let symbol = match (mention.polarity, mention.stance) {
            (Polarity::Denies, _) => 2,
            (_, Stance::Hedged) => 3,
            (_, Stance::Distanced) => 4,
            _ => 1,
        };
        if let Some(free) = self.marks.iter().position(|&m| m == symbol || m == 0)
            && self.marks[free] == 0
        {
            self.marks[free] = symbol;
        }
        let bit = polarity_bit(mention.polarity);
        let first = std::iter::once(&mut self.first);
        match first.chain(&mut self.more).find(|(a, _)| *a == authority) {
            Some((_, bits)) => *bits |= bit,
            None => self.more.push((authority, bit)),
        }
    }

    /// The authorities cited, in order of first appearance, with their polarity bits.
    fn authorities(&self) -> impl Iterator<Item = &(u32, u8)> {
        std::iter::once(&self.first).chain(&self.more)
    }
}

fn polarity_bit(p: Polarity) -> u8 {
    match p {
        Polarity::Asserts => 1,
        Polarity::Denies => 2,
    }
}

/// Builds the matrix from one pass over the run's mentions (wherever `store` keeps
/// them) and one over its sources. Open claims are rows only with `open`.
pub fn matrix<'a>(run: &'a Run, store: &dyn Store, filter: &Filter, open: bool) -> io::Result<Matrix<'a>> {
    let mut stats = ClaimStats::new(run);
    // Indexed by the (claim, voice) pair's number.
    let mut cells: Vec<Carried> = Vec::new();
    // Innermost source ids by number, 0 for the outlet's own voice.
    let mut authority_of: HashMap<String, u32> = HashMap::new();
    store.each_mention(&mut |m, claim| {
        let Some(counted) = stats.add(m, claim) else {
            return;
        };
        let authority = m.chain.last().map_or(0, |source| match authority_of.get(source) {
            Some(&n) => n,
            None => {
                let n = u32::try_from(authority_of.len() + 1).unwrap_or(u32::MAX);
                authority_of.insert(source.clone(), n);
                n
            }
        });
        let pair = counted.pair as usize;
        if pair == cells.len() {
            cells.push(Carried {
                claim: u32::try_from(counted.claim).unwrap_or(u32::MAX),
                voice: counted.voice,
                column: NO_COLUMN,
                marks: [0; 4],
                first: (authority, 0),
                more: Vec::new(),
            });
        }
        cells[pair].add(m, authority);
    })?;
    let authorities = authorities(authority_of, store)?;

    let all = filter.shown(&stats);
    let open_hidden = if open {
        0
    } else {
        all.iter().filter(|&&k| run.claims[k].open).count()
    };
    let shown: Vec<usize> = all.into_iter().filter(|&k| open || !run.claims[k].open).collect();
    let mut is_shown = vec![false; run.claims.len()];
    for &k in &shown {
        is_shown[k] = true;
    }
    let (outlets, column_of) = columns(run, &stats, &cells, &is_shown, filter);
    for cell in &mut cells {
        cell.column = column_of[cell.voice as usize];
    }
    cells.sort_unstable_by_key(|c| (c.claim, c.column, c.voice));
    let rows: Vec<(usize, Range<usize>)> = shown.iter().map(|&k| (k, cells_of(&cells, k))).collect();
    let contested = contested(run, &stats, &shown, &is_shown);
    Ok(Matrix {
        run,
        labels: outlets.iter().map(|v| voice_label(run, v)).collect(),
        outlets,
        rows,
        cells,
        authorities,
        voices: (0..stats.voice_count())
            .map(|v| voice_label(run, stats.voice(u32::try_from(v).unwrap_or(u32::MAX)).0))
            .collect(),
        contested,
        open_hidden,
    })
}

/// The contradictions among the shown claims: the relations between two of them, then
/// each one both asserted and denied, in row order.
fn contested(run: &Run, stats: &ClaimStats<'_>, shown: &[usize], is_shown: &[bool]) -> Vec<Contested> {
    let index = |id: &str| index_by_id(&run.claims, id, |c| &c.id);
    let relations = (0..run.relations.len())
        .filter(|&r| {
            run.relations[r]
                .claims
                .iter()
                .all(|c| index(c).is_some_and(|k| is_shown[k]))
        })
        .map(Contested::Relation);
    let denials = shown
        .iter()
        .filter(|&&k| stats.denied_and_asserted(k))
        .map(|&k| Contested::Denial(k));
    relations.chain(denials).collect()
}

/// Where a claim's cells are in the cells sorted by claim.
fn cells_of(cells: &[Carried], claim: usize) -> Range<usize> {
    let k = u32::try_from(claim).unwrap_or(u32::MAX);
    cells.partition_point(|c| c.claim < k)..cells.partition_point(|c| c.claim <= k)
}

/// The abbreviated label of every authority number (see [`abbreviate`]), from one pass
/// over the sources; a source the run does not list is shown by its id.
fn authorities(numbers: HashMap<String, u32>, store: &dyn Store) -> io::Result<Vec<String>> {
    let mut labels: Vec<Option<String>> = vec![None; numbers.len() + 1];
    labels[0] = Some("own".to_owned());
    store.each_source(&mut |s| {
        if let Some(&n) = numbers.get(&s.id) {
            labels[n as usize] = Some(abbreviate(&clean(&s.label)));
        }
    })?;
    for (id, n) in numbers {
        labels[n as usize].get_or_insert_with(|| abbreviate(&clean(&id)));
    }
    Ok(labels.into_iter().map(Option::unwrap_or_default).collect())
}

/// The columns: the voices carrying a shown claim, by outlet in the run's outlet order,
/// each anonymous article (outlet `unknown`) its own column, labelled with its article
/// id. Returns the column ids and each voice's column (`NO_COLUMN` if none).
fn columns(
    run: &Run,
    stats: &ClaimStats<'_>,
    cells: &[Carried],
    is_shown: &[bool],
    filter: &Filter,
) -> (Vec<String>, Vec<u32>) {
    let mut carried = vec![false; stats.voice_count()];
    for cell in cells.iter().filter(|c| is_shown[c.claim as usize]) {
        carried[cell.voice as usize] = true;
    }
    let mut voices_of: HashMap<&str, Vec<u32>> = HashMap::new();
    for voice in (0..carried.len()).filter(|&v| carried[v]) {
        let voice = u32::try_from(voice).unwrap_or(u32::MAX);
        voices_of.entry(stats.voice(voice).1).or_default().push(voice);
    }
    let mut ids = Vec::new();
    let mut column_of = vec![NO_COLUMN; stats.voice_count()];
    for outlet in &run.outlets {
        if !filter.outlets.is_empty() && !filter.outlets.contains(&outlet.id) {
            continue;
        }
        let mut voices = voices_of.remove(outlet.id.as_str()).unwrap_or_default();
        voices.sort_by_key(|&v| stats.voice(v).0);
        for v in voices {
            column_of[v as usize] = u32::try_from(ids.len()).unwrap_or(NO_COLUMN);
            ids.push(stats.voice(v).0.to_owned());
        }
    }
    (ids, column_of)
}

/// A short name for a source: its label up to a comma or parenthesis, at most 18
/// characters ("SANA (Syrian state news agency)" → "SANA").
fn abbreviate(label: &str) -> String {
    let short = label.split([',', '(', '،']).next().unwrap_or(label).trim();
    truncate(short, 18)
}

impl Matrix<'_> {
    /// How many rows the matrix has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the matrix has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// One row's marks, one per column.
    fn marks(&self, cells: &Range<usize>) -> Vec<Mark> {
        let mut marks = vec![Mark::default(); self.outlets.len()];
        for cell in &self.cells[cells.clone()] {
            let Some(mark) = marks.get_mut(cell.column as usize) else {
                continue;
            };
            mark.marks = cell
                .marks
                .iter()
                .filter(|&&s| s > 0)
                .map(|&s| SYMBOLS[usize::from(s) - 1])
                .collect();
            for (authority, _) in cell.authorities() {
                let label = &self.authorities[*authority as usize];
                if !mark.sources.contains(label) {
                    mark.sources.push(label.clone());
                }
            }
        }
        marks
    }

    /// Who holds a claim with this polarity: `voice ← authority`, sorted, once each.
    fn holders(&self, claim: usize, polarity: Polarity) -> Vec<String> {
        let cells = cells_of(&self.cells, claim);
        let bit = polarity_bit(polarity);
        let mut out = Vec::new();
        for cell in &self.cells[cells] {
            let voice = &self.voices[cell.voice as usize];
            for (authority, _) in cell.authorities().filter(|(_, bits)| bits & bit != 0) {
                out.push(format!("{voice} ← {}", self.authorities[*authority as usize]));
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// The contradictions among the rows' claims, with who holds each side.
    pub fn contradictions(&self) -> impl Iterator<Item = Contradiction> + '_ {
        let run = self.run;
        let index = |id: &str| index_by_id(&run.claims, id, |c| &c.id);
        let label = move |id: &str| index(id).map_or(id.to_owned(), |k| clean(&run.claims[k].label));
        let holders = move |id: &str, polarity| index(id).map_or(Vec::new(), |k| self.holders(k, polarity));
        self.contested.iter().map(move |c| match *c {
            Contested::Relation(r) => {
                let r = &run.relations[r];
                Contradiction {
                    claims: [label(&r.claims[0]), label(&r.claims[1])],
                    ids: r.claims.clone(),
                    sides: [
                        holders(&r.claims[0], Polarity::Asserts),
                        holders(&r.claims[1], Polarity::Asserts),
                    ],
                    reason: clean(&r.reason),
                }
            }
            Contested::Denial(k) => {
                let id = &run.claims[k].id;
                Contradiction {
                    claims: [label(id), format!("denied: {}", label(id))],
                    ids: [id.clone(), id.clone()],
                    sides: [self.holders(k, Polarity::Asserts), self.holders(k, Polarity::Denies)],
                    reason: "DENIAL: a source denies what another asserts".to_owned(),
                }
            }
        })
    }
}

/// The matrix as JSON: outlets, labels, rows (each with one mark per column),
/// contradictions, open claims hidden.
impl Serialize for Matrix<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        #[derive(Serialize)]
        struct RowJson<'r> {
            claim: &'r str,
            key: &'r str,
            label: String,
            cells: Vec<Mark>,
            roots: usize,
            episode: &'r str,
        }
        struct Rows<'m>(&'m Matrix<'m>);
        impl Serialize for Rows<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let m = self.0;
                let mut seq = serializer.serialize_seq(Some(m.rows.len()))?;
                for (k, cells) in &m.rows {
                    let c = &m.run.claims[*k];
                    seq.serialize_element(&RowJson {
                        claim: &c.id,
                        key: &c.key,
                        label: clean(&c.label),
                        cells: m.marks(cells),
                        roots: c.independent_roots,
                        episode: &c.episode,
                    })?;
                }
                seq.end()
            }
        }
        struct Contradictions<'m>(&'m Matrix<'m>);
        impl Serialize for Contradictions<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.contradictions())
            }
        }
        let mut s = serializer.serialize_struct("Matrix", 5)?;
        s.serialize_field("outlets", &self.outlets)?;
        s.serialize_field("labels", &self.labels)?;
        s.serialize_field("rows", &Rows(self))?;
        s.serialize_field("contradictions", &Contradictions(self))?;
        s.serialize_field("open_hidden", &self.open_hidden)?;
        s.end()
    }
}

/// Writes `compare` in the requested format, a row at a time.
pub fn write(m: &Matrix<'_>, format: Format, style: Style, w: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table(m, style, w),
        Format::Csv => csv(m, w),
        Format::Markdown => markdown(m, w),
        Format::Json => super::write_json(m, w),
    }
}

fn header(m: &Matrix<'_>) -> Vec<String> {
    let mut h = vec!["claim".to_owned()];
    h.extend(m.labels.iter().cloned());
    h.push("roots".to_owned());
    h.push("episode".to_owned());
    h
}

/// A row's fields as text: label, one mark per column, roots, episode.
fn fields(m: &Matrix<'_>, (k, cells): &(usize, Range<usize>)) -> Vec<String> {
    let c = &m.run.claims[*k];
    let mut f = vec![clean(&c.label)];
    f.extend(m.marks(cells).iter().map(Mark::text));
    f.push(c.independent_roots.to_string());
    f.push(c.episode.clone());
    f
}

/// Rows per piece of a long table: comfy-table holds a whole table (several times its
/// text) while it lays it out, so a long one is laid out a piece at a time.
const TABLE_PIECE: usize = 1000;

/// A piece of a long table: its number and its rows (claim, cells).
type Piece<'r> = (usize, &'r [(usize, Range<usize>)]);

/// The terminal table. A table of more than [`TABLE_PIECE`] rows is printed a piece at
/// a time with every column's width fixed: without a width, each column as wide as its
/// widest cell in the whole table (the same table as in one piece); with one, the widths
/// comfy-table gives the first piece, and a later cell too wide for its column wraps.
/// Pieces are laid out on the run's threads (`parallel::in_order`) and printed in order,
/// so the text is the same at any thread count.
fn table(m: &Matrix<'_>, style: Style, w: &mut dyn Write) -> io::Result<()> {
    table_in_pieces(m, style, TABLE_PIECE, w)
}

fn table_in_pieces(m: &Matrix<'_>, style: Style, piece_rows: usize, w: &mut dyn Write) -> io::Result<()> {
    if m.rows.len() <= piece_rows {
        let t = comfy(m, style, &m.rows, true, None);
        writeln!(w, "{t}")?;
    } else {
        // Pieces are laid out on the run's threads and taken in order.
        let pieces: Vec<Piece<'_>> = m.rows.chunks(piece_rows).enumerate().collect();
        let widths = match style.width {
            None => {
                let mut widest: Vec<u16> = Vec::new();
                let lay_out =
                    |(_, piece): &Piece<'_>| Ok(comfy(m, style, piece, true, None).column_max_content_widths());
                in_order(&pieces, lay_out, |widths| {
                    // Each column's content plus its padding (one space each side).
                    widest = widths
                        .iter()
                        .enumerate()
                        .map(|(k, &n)| widest.get(k).copied().unwrap_or(0).max(n + 2))
                        .collect();
                    Ok(())
                })?;
                widest
            }
            Some(_) => border_widths(&comfy(m, style, &m.rows[..piece_rows], true, None)),
        };
        let render = |&(k, piece): &Piece<'_>| Ok((k, comfy(m, style, piece, k == 0, Some(&widths)).to_string()));
        in_order(&pieces, render, |(k, text)| {
            let mut lines = text.lines().peekable();
            // The pieces are one table: no bottom border but the last, no top but the first.
            if k > 0 {
                lines.next();
            }
            while let Some(line) = lines.next() {
                if lines.peek().is_some() || k + 1 == pieces.len() {
                    writeln!(w, "{line}")?;
                }
            }
            Ok(())
        })?;
    }
    legend(m, w)
}

/// Each column's width (padding included) as a laid-out table's top border shows it:
/// `┌──┬───┐` → [2, 3].
fn border_widths(t: &Table) -> Vec<u16> {
    let top = t.lines().next().unwrap_or_default();
    top.trim_start_matches('┌')
        .trim_end_matches('┐')
        .split('┬')
        .map(|s| u16::try_from(s.chars().count()).unwrap_or(u16::MAX))
        .collect()
}

/// A comfy-table of some rows, with the header or not, each column `widths` wide (padding
/// included) or laid out by comfy-table.
fn comfy(
    m: &Matrix<'_>,
    style: Style,
    rows: &[(usize, Range<usize>)],
    with_header: bool,
    widths: Option<&[u16]>,
) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    if style.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    if let (Some(w), None) = (style.width, widths) {
        t.set_width(w);
        t.set_content_arrangement(ContentArrangement::Dynamic);
    }
    if with_header {
        t.set_header(header(m));
    }
    for row in rows {
        let mut fields = fields(m, row).into_iter();
        let mut line = vec![Cell::new(fields.next().unwrap_or_default())];
        for text in fields.by_ref().take(m.outlets.len()) {
            let mut cell = Cell::new(&text);
            if style.color {
                cell = match text.chars().next() {
                    Some('✓') => cell.fg(Color::Green),
                    Some('✗') => cell.fg(Color::Red),
                    Some(_) => cell.fg(Color::Yellow),
                    None => cell,
                };
            }
            line.push(cell);
        }
        line.extend(fields.map(Cell::new));
        t.add_row(line);
    }
    if let Some(widths) = widths {
        t.set_constraints(widths.iter().map(|&w| ColumnConstraint::Absolute(Width::Fixed(w))));
    }
    t
}

fn legend(m: &Matrix<'_>, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "✓ asserts  ✗ denies  ~ hedged  ? distanced  · own = the outlet's own voice"
    )?;
    if m.open_hidden > 0 {
        writeln!(
            w,
            "{} open claims (statements no frame matched) not shown: --open, or `claimgraph claims`",
            m.open_hidden
        )?;
    }
    if !m.contested.is_empty() {
        write!(w, "\nContradictions\n")?;
        for c in m.contradictions() {
            write!(
                w,
                "  {} [{}]\n    ⟂ {} [{}]\n    {}\n",
                c.claims[0],
                c.sides[0].join(", "),
                c.claims[1],
                c.sides[1].join(", "),
                c.reason
            )?;
        }
    }
    Ok(())
}

/// RFC 4180: CRLF after every record, a field quoted (its quotes doubled) only when it
/// holds a comma, a quote, CR or LF (`QuoteStyle::Necessary`); spaces and empty fields are
/// written as they are.
fn csv(m: &Matrix<'_>, w: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(w);
    writer.write_record(header(m)).map_err(csv_io)?;
    for row in &m.rows {
        writer.write_record(fields(m, row)).map_err(csv_io)?;
    }
    writer.flush()
}

/// The I/O error under a CSV write error, as it is: a closed pipe stays a closed pipe
/// (the csv crate's own conversion makes every error `Other`).
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

fn markdown(m: &Matrix<'_>, w: &mut dyn Write) -> io::Result<()> {
    let line = |fields: Vec<String>| {
        fields
            .iter()
            .map(|x| x.replace('|', "\\|"))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let h = header(m);
    let columns = h.len();
    writeln!(w, "| {} |\n|{}", line(h), "---|".repeat(columns))?;
    for row in &m.rows {
        writeln!(w, "| {} |", line(fields(m, row)))?;
    }
    writeln!(w)?;
    legend(m, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::in_threads;

    fn seeds() -> crate::pipeline::Output {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let paths = [dir.join("fixtures/ain-issa"), dir.join("fixtures/synthetic-en")];
        crate::pipeline::run(&paths, &crate::pipeline::Config::default())
    }

    fn table_text(m: &Matrix<'_>, style: Style, piece_rows: usize) -> String {
        let mut out = Vec::new();
        table_in_pieces(m, style, piece_rows, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_printed_in_pieces_is_the_table_printed_whole() {
        let out = seeds();
        let m = matrix(&out.run, &out.run, &Filter::default(), true).unwrap();
        assert!(m.len() > 20, "{} rows", m.len());
        let plain = Style::default();
        let whole = table_text(&m, plain, usize::MAX);
        for piece_rows in [1, 3, 7, m.len() - 1] {
            assert_eq!(table_text(&m, plain, piece_rows), whole, "pieces of {piece_rows} rows");
        }
        let coloured = Style {
            color: true,
            ..Style::default()
        };
        assert_eq!(table_text(&m, coloured, 5), table_text(&m, coloured, usize::MAX));
        // Laid out on several threads, the pieces are the same text in the same order.
        let fitted = Style {
            width: Some(100),
            ..plain
        };
        let on_one = in_threads(1, || table_text(&m, fitted, 4));
        for threads in [2, 3] {
            assert_eq!(
                in_threads(threads, || table_text(&m, plain, 3)),
                whole,
                "{threads} threads"
            );
            assert_eq!(
                in_threads(threads, || table_text(&m, fitted, 4)),
                on_one,
                "{threads} threads, fitted"
            );
        }
    }

    #[test]
    fn a_table_fitted_to_a_width_in_pieces_keeps_its_columns_aligned() {
        // With a width, the first piece decides the columns; every later line has the same
        // borders where the first has them.
        let out = seeds();
        let m = matrix(&out.run, &out.run, &Filter::default(), true).unwrap();
        let style = Style {
            width: Some(100),
            ..Style::default()
        };
        let text = table_text(&m, style, 4);
        let table: Vec<&str> = text.lines().take_while(|l| !l.starts_with('✓')).collect();
        let borders = |line: &str| -> Vec<usize> {
            // Display columns, as comfy-table counts them (a lam-alef pair is one).
            line.char_indices()
                .filter(|(_, c)| "┌┬┐│┆├┼┤└┴┘╞╪╡".contains(*c))
                .map(|(k, _)| unicode_width::UnicodeWidthStr::width(&line[..k]))
                .collect()
        };
        let top = borders(table[0]);
        assert!(top.len() > 3);
        for line in &table {
            assert_eq!(borders(line), top, "{line}");
            assert!(unicode_width::UnicodeWidthStr::width(*line) <= 100, "{line}");
        }
        assert!(table.last().unwrap().starts_with('└'));
        assert_eq!(table.iter().filter(|l| l.starts_with('┌')).count(), 1);
        assert_eq!(table.iter().filter(|l| l.starts_with('└')).count(), 1);
    }
}
