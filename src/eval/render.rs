//! The plain-text rendering of a [`Report`].
//!
//! Input: a report. Output: an aligned metrics table (metric, value as `0.000`,
//! `hits/total`) followed by the misses grouped by kind. JSON needs no code here: the
//! report derives `Serialize`.
//!
//! Invariants: no dependency beyond `std` (no table crate); the same report renders to the
//! same bytes; empty groups of misses are left out; every text that comes from an article,
//! a gold file or a run (quotes, sentences, labels, ids, words, paths) goes through the
//! caller's `clean`, so that none can forge a line or change the terminal.

use std::fmt::Write as _;

use super::{FoundReading, MissedContradiction, Named, Report, RoleWords, WrongReading};
use crate::model::{Polarity, Reality, Stance};

/// Renders `report` as a metrics table followed by the misses; `clean` makes each text
/// from the inputs safe for a terminal line.
///
/// `eval` sits beside `report` in the layers (`docs/ARCHITECTURE.md`), so the one escaping
/// function of the text reports, `report::clean`, is handed in by the command line rather
/// than duplicated here.
pub fn render_text(report: &Report, clean: impl Fn(&str) -> String) -> String {
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
            let _ = writeln!(out, "  {}  {}", clean(&miss.at.to_string()), clean(&miss.claim));
            let _ = writeln!(out, "      quote: {}", clean(&miss.quote));
            if miss.on_line.is_empty() {
                let _ = writeln!(out, "      on this line: nothing");
            }
            for t in &miss.on_line {
                let _ = writeln!(out, "      on this line: [{}] {}", clean(&t.claim), clean(&t.text));
            }
        }
    }
    if !x.attributions.is_empty() {
        group(&mut out, "wrong attributions", x.attributions.len());
        for miss in &x.attributions {
            let what = if miss.innermost_right { "outer chain" } else { "source" };
            let _ = writeln!(
                out,
                "  {}  {}  (wrong {what})",
                clean(&miss.at.to_string()),
                clean(&miss.claim)
            );
            let _ = writeln!(out, "      quote: {}", clean(&miss.quote));
            let _ = writeln!(out, "      expected: {}", chain(&miss.expected, &clean));
            for found in &miss.found {
                let _ = writeln!(out, "      found: {}", chain(found, &clean));
            }
        }
    }
    if !x.links.is_empty() {
        group(&mut out, "false links", x.links.len());
        for miss in &x.links {
            let _ = writeln!(
                out,
                "  tool claim {} \"{}\" merges {} and {}",
                clean(&miss.tool_claim),
                clean(&miss.tool_label),
                clean(&miss.gold_claims[0]),
                clean(&miss.gold_claims[1])
            );
            for k in 0..2 {
                let _ = writeln!(
                    out,
                    "      {}  {}",
                    clean(&miss.at[k].to_string()),
                    clean(&miss.quotes[k])
                );
            }
        }
    }
    if !x.contradictions.is_empty() {
        group(&mut out, "missed contradictions", x.contradictions.len());
        for miss in &x.contradictions {
            let _ = match miss {
                MissedContradiction::Relation { claims } => {
                    writeln!(out, "  {} contradicts {}", clean(&claims[0]), clean(&claims[1]))
                }
                MissedContradiction::Denial { at, claim, quote } => writeln!(
                    out,
                    "  {}  denial of {}: {}",
                    clean(&at.to_string()),
                    clean(claim),
                    clean(quote)
                ),
            };
        }
    }
    if !x.furniture.is_empty() {
        group(&mut out, "mentions on furniture lines", x.furniture.len());
        for miss in &x.furniture {
            let _ = writeln!(
                out,
                "  {}  [{}] {}",
                clean(&miss.at.to_string()),
                clean(&miss.claim),
                clean(&miss.text)
            );
            let _ = writeln!(out, "      no_claims line: {}", clean(&miss.furniture));
        }
    }
    if !x.readings.is_empty() {
        group(&mut out, "wrong readings", x.readings.len());
        for miss in &x.readings {
            reading(&mut out, miss, &clean);
        }
    }
    if !x.spurious_frames.is_empty() {
        group(&mut out, "spurious frames", x.spurious_frames.len());
        for miss in &x.spurious_frames {
            let _ = writeln!(
                out,
                "  {}:{}  ({})  [{}] {}",
                clean(&miss.file),
                miss.at.line,
                clean(&miss.at.article),
                clean(&miss.key),
                clean(&miss.text)
            );
        }
    }
    out
}

/// One wrong reading: where, the quote, what the gold expects, what the best frame has.
fn reading(out: &mut String, miss: &WrongReading, clean: &impl Fn(&str) -> String) {
    let e = &miss.expected;
    let wrong = if miss.found.is_none() {
        "no frame".to_string()
    } else {
        format!("wrong {}", miss.wrong.join(", "))
    };
    let _ = writeln!(
        out,
        "  {}:{}  ({})  {}  ({wrong})",
        clean(&miss.file),
        miss.at.line,
        clean(&miss.at.article),
        clean(&miss.claim)
    );
    let _ = writeln!(out, "      quote: {}", clean(&miss.quote));
    let roles: Vec<String> = e.roles.iter().map(|r| expected_role(r, clean)).collect();
    let _ = writeln!(
        out,
        "      expected: {}; {}; {}",
        if roles.is_empty() {
            "no role annotated".to_string()
        } else {
            roles.join(", ")
        },
        fields(e.reality, e.polarity, e.stance),
        chain(&e.chain, clean)
    );
    match &miss.found {
        None => {
            let _ = writeln!(out, "      found: no frame whose evidence overlaps the quote");
        }
        Some(f) => found(out, f, clean),
    }
}

fn found(out: &mut String, f: &FoundReading, clean: &impl Fn(&str) -> String) {
    let roles: Vec<String> = f
        .roles
        .iter()
        .map(|r| match &r.words {
            Some(words) => format!("{} {} «{}»", r.role, clean(&r.id), clean(words)),
            None => format!("{} {} (not from the text)", r.role, clean(&r.id)),
        })
        .collect();
    let _ = writeln!(
        out,
        "      found: [{}] {}; {}; {}",
        clean(&f.key),
        if roles.is_empty() {
            "no role".to_string()
        } else {
            roles.join(", ")
        },
        fields(f.reality, f.polarity, f.stance),
        chain(&f.chain, clean)
    );
}

/// `agent «words»`, or `agent (not stated)` for a role the sentence does not state.
fn expected_role(r: &RoleWords, clean: &impl Fn(&str) -> String) -> String {
    if r.words.is_empty() {
        format!("{} (not stated)", r.role)
    } else {
        format!("{} «{}»", r.role, clean(&r.words))
    }
}

/// Reality, polarity and stance as the gold format writes them.
fn fields(reality: Reality, polarity: Polarity, stance: Stance) -> String {
    let reality = match reality {
        Reality::Actual => "actual",
        Reality::Irrealis => "irrealis",
    };
    let polarity = match polarity {
        Polarity::Asserts => "asserts",
        Polarity::Denies => "denies",
    };
    let stance = match stance {
        Stance::Plain => "plain",
        Stance::Distanced => "distanced",
        Stance::Hedged => "hedged",
    };
    format!("{reality}, {polarity}, {stance}")
}

fn group(out: &mut String, title: &str, n: usize) {
    let _ = write!(out, "\n{title} ({n})\n");
}

/// `A [id] > B [id]`, or the outlet's own voice for an empty chain.
fn chain(sources: &[Named], clean: &impl Fn(&str) -> String) -> String {
    if sources.is_empty() {
        return "(the outlet's own voice)".to_string();
    }
    sources
        .iter()
        .map(|s| {
            if s.label.is_empty() {
                format!("[{}]", clean(&s.id))
            } else {
                format!("{} [{}]", clean(&s.label), clean(&s.id))
            }
        })
        .collect::<Vec<_>>()
        .join(" > ")
}
