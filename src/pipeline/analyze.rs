//! The per-article stages on one article: normalize → segment → match → attribute →
//! extract. A pure function of the article and the lexicons; analysis of text never
//! fails.

use crate::attribute::{self, Attribution, OutletNames};
use crate::extract::{self, Frame};
use crate::ingest::Article;
use crate::lexicon::Lexicon;
use crate::lexicon::matcher::Matches;
use crate::normalize::Normalized;
use crate::segment::{self, Segmented};

/// What the stages computed for one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The article as read.
    pub article: Article,
    /// Its normalised text.
    pub norm: Normalized,
    /// Its lines and sentences.
    pub segments: Segmented,
    /// What the lexicon matcher found in it (one pass).
    pub matches: Matches,
    /// Its sources and the attribution of every sentence.
    pub attribution: Attribution,
    /// What its segments say happened.
    pub frames: Vec<Frame>,
}

/// Runs the per-article stages on one article (which the analysis keeps).
pub fn analyze(article: Article, lexicon: &Lexicon) -> Analysis {
    let norm = Normalized::new(&article.text);
    let segments = segment::segment(&article.text, article.body, &norm, &lexicon.furniture);
    let byline = segments.byline.as_ref().map(|b| b.outlet.as_str());
    let outlet = OutletNames::new(article.meta.outlet.as_deref().into_iter().chain(byline));
    let mut matches = lexicon.matcher.scan(norm.text());
    lexicon
        .matcher
        .keep_acronyms(&mut matches.hits, |span| norm.is_upper(&article.text, span));
    let attribution = attribute::attribute(&article.text, &norm, &segments, &matches, lexicon, &outlet);
    let frames = extract::extract(&article.text, &norm, &segments, &attribution, &matches, lexicon);
    Analysis {
        article,
        norm,
        segments,
        matches,
        attribution,
        frames,
    }
}
