//! The pipeline: from articles to a run.
