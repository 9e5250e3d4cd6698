//! The plain-text rendering of a [`Report`].
//!
//! Input: a report. Output: an aligned metrics table (metric, value as `0.000`,
//! `hits/total`) followed by the misses grouped by kind. JSON needs no code here: the
//! report derives `Serialize`.
//!
//! Invariants: no dependency beyond `std` (no table crate); the same report renders to the
//! same bytes; empty groups of misses are left out.

use std::fmt::Write as _;

use super::{MissedContradiction, Named, Report};

/// Renders `report` as a metrics table followed by the misses.
pub fn render_text(report: &Report) -> String {
    let m = &report.metrics;
    let mut rows: Vec<[String; 3]> = vec![["metric".into(), "value".into(), "hits/total".into()]];
    for (name, ratio) in m.ratios() {
        rows.push([
            name.replace('_', " "),
            // Nothing to score is not a perfect score: say so rather than print 1.000.
            if ratio.total == 0 {
                "-".to_owned()
            } else {
                format!("{:.3}", ratio.value())
            },
            format!("{}/{}", ratio.hits, ratio.total),
        ]);
    }
    rows.push(["furniture errors".into(), m.furniture_errors.to_string(), String::new()]);
    let width = |col: usize| rows.iter().map(|r| r[col].chars().count()).max().unwrap_or(0);
    let (w0, w1) = (width(0), width(1));
    let mut out = String::new();
    for r in &rows {
        // Values right-aligned so that the decimal points line up.
        let line = format!("{:<w0$}  {:>w1$}  {}", r[0], r[1], r[2]);
        out.push_str(line.trim_end());
        out.push('\n');
    }

    let x = &report.misses;
    if !x.mentions.is_empty() {
        group(&mut out, "missed mentions", x.mentions.len());
        for miss in &x.mentions {
            let _ = writeln!(out, "  {}  {}", miss.at, miss.claim);
            let _ = writeln!(out, "      quote: {}", miss.quote);
            if miss.on_line.is_empty() {
                let _ = writeln!(out, "      on this line: nothing");
            }
            for t in &miss.on_line {
                let _ = writeln!(out, "      on this line: [{}] {}", t.claim, t.text);
            }
        }
    }
    if !x.attributions.is_empty() {
        group(&mut out, "wrong attributions", x.attributions.len());
        for miss in &x.attributions {
            let what = if miss.innermost_right { "outer chain" } else { "source" };
            let _ = writeln!(out, "  {}  {}  (wrong {what})", miss.at, miss.claim);
            let _ = writeln!(out, "      quote: {}", miss.quote);
            let _ = writeln!(out, "      expected: {}", chain(&miss.expected));
            for found in &miss.found {
                let _ = writeln!(out, "      found: {}", chain(found));
            }
        }
    }
    if !x.links.is_empty() {
        group(&mut out, "false links", x.links.len());
        for miss in &x.links {
            let _ = writeln!(
                out,
                "  tool claim {} \"{}\" merges {} and {}",
                miss.tool_claim, miss.tool_label, miss.gold_claims[0], miss.gold_claims[1]
            );
            for k in 0..2 {
                let _ = writeln!(out, "      {}  {}", miss.at[k], miss.quotes[k]);
            }
        }
    }
    if !x.contradictions.is_empty() {
        group(&mut out, "missed contradictions", x.contradictions.len());
        for miss in &x.contradictions {
            let _ = match miss {
                MissedContradiction::Relation { claims } => {
                    writeln!(out, "  {} contradicts {}", claims[0], claims[1])
                }
                MissedContradiction::Denial { at, claim, quote } => {
                    writeln!(out, "  {at}  denial of {claim}: {quote}")
                }
            };
        }
    }
    if !x.furniture.is_empty() {
        group(&mut out, "mentions on furniture lines", x.furniture.len());
        for miss in &x.furniture {
            let _ = writeln!(out, "  {}  [{}] {}", miss.at, miss.claim, miss.text);
            let _ = writeln!(out, "      no_claims line: {}", miss.furniture);
        }
    }
    out
}

fn group(out: &mut String, title: &str, n: usize) {
    let _ = write!(out, "\n{title} ({n})\n");
}

/// `A [id] > B [id]`, or the outlet's own voice for an empty chain.
fn chain(sources: &[Named]) -> String {
    if sources.is_empty() {
        return "(the outlet's own voice)".to_string();
    }
    sources
        .iter()
        .map(|s| {
            if s.label.is_empty() {
                format!("[{}]", s.id)
            } else {
                format!("{} [{}]", s.label, s.id)
            }
        })
        .collect::<Vec<_>>()
        .join(" > ")
}
