//! `claimgraph segment`: how articles are cut. Per article, a header with its metadata,
//! then every line that is not blank with its kind and the rule that gave it, each
//! followed by its sentences. Article text, paths and ids are [`clean`]ed, so every line
//! and sentence stays on its row.

use super::clean;
use crate::model::ArticleInfo;
use crate::pipeline::Analysis;
use crate::segment::LineKind;
use std::fmt::Write as _;

/// Renders the lines and sentences of every article: `articles` as the run lists them,
/// `analyses` the per-article analyses in the same order.
pub fn segments(articles: &[ArticleInfo], analyses: &[Analysis]) -> String {
    let mut s = String::new();
    for (info, a) in articles.iter().zip(analyses) {
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
            if line.kind == LineKind::Blank {
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
