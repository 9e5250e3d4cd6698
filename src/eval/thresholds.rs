//! Pass/fail limits on the metrics, read from a TOML file.
//!
//! Input: a TOML file with optional `min_<metric>` keys (one per ratio of
//! [`Metrics::ratios`], as a number in `[0, 1]`) and `max_furniture_errors`. Output:
//! [`Thresholds`], and for a [`Metrics`] the list of every limit it breaks.
//!
//! Invariants: unknown keys are errors (a misspelt `min_link_recal` would otherwise pass
//! silently); an absent key sets no limit.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::Metrics;
use super::gold::GoldError;
use super::locate;

/// Limits on the metrics; `None` is no limit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thresholds {
    /// Lowest acceptable mention recall.
    pub min_mention_recall: Option<f64>,
    /// Lowest acceptable attribution accuracy.
    pub min_attribution_accuracy: Option<f64>,
    /// Lowest acceptable chain accuracy.
    pub min_chain_accuracy: Option<f64>,
    /// Lowest acceptable link recall.
    pub min_link_recall: Option<f64>,
    /// Lowest acceptable cross-outlet link recall.
    pub min_link_recall_cross_outlet: Option<f64>,
    /// Lowest acceptable link precision.
    pub min_link_precision: Option<f64>,
    /// Lowest acceptable contradiction recall.
    pub min_contradiction_recall: Option<f64>,
    /// Lowest acceptable stance accuracy.
    pub min_stance_accuracy: Option<f64>,
    /// Lowest acceptable frame precision.
    pub min_frame_precision: Option<f64>,
    /// Lowest acceptable role accuracy (all roles).
    pub min_role_accuracy: Option<f64>,
    /// Lowest acceptable role accuracy on agents.
    pub min_role_accuracy_agent: Option<f64>,
    /// Lowest acceptable role accuracy on targets.
    pub min_role_accuracy_target: Option<f64>,
    /// Lowest acceptable role accuracy on places.
    pub min_role_accuracy_place: Option<f64>,
    /// Lowest acceptable reading precision.
    pub min_reading_precision: Option<f64>,
    /// Lowest acceptable reading recall.
    pub min_reading_recall: Option<f64>,
    /// Most furniture errors acceptable.
    pub max_furniture_errors: Option<usize>,
}

/// The file as written, with spans for range errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    min_mention_recall: Option<Spanned<f64>>,
    min_attribution_accuracy: Option<Spanned<f64>>,
    min_chain_accuracy: Option<Spanned<f64>>,
    min_link_recall: Option<Spanned<f64>>,
    min_link_recall_cross_outlet: Option<Spanned<f64>>,
    min_link_precision: Option<Spanned<f64>>,
    min_contradiction_recall: Option<Spanned<f64>>,
    min_stance_accuracy: Option<Spanned<f64>>,
    min_frame_precision: Option<Spanned<f64>>,
    min_role_accuracy: Option<Spanned<f64>>,
    min_role_accuracy_agent: Option<Spanned<f64>>,
    min_role_accuracy_target: Option<Spanned<f64>>,
    min_role_accuracy_place: Option<Spanned<f64>>,
    min_reading_precision: Option<Spanned<f64>>,
    min_reading_recall: Option<Spanned<f64>>,
    max_furniture_errors: Option<usize>,
}

impl Thresholds {
    /// Parses a thresholds file; `path` only names the file in errors, which have the same
    /// `path:line: message` shape as gold errors.
    pub fn parse(src: &str, path: &str) -> Result<Thresholds, GoldError> {
        let error = |offset: usize, message: String| GoldError {
            path: path.to_string(),
            line: locate::line_of(src, offset),
            message,
        };
        let raw: Raw =
            toml::from_str(src).map_err(|e| error(e.span().map_or(0, |s| s.start), e.message().trim().to_string()))?;
        let mut out = Thresholds {
            max_furniture_errors: raw.max_furniture_errors,
            ..Thresholds::default()
        };
        let fields = [
            (raw.min_mention_recall, &mut out.min_mention_recall),
            (raw.min_attribution_accuracy, &mut out.min_attribution_accuracy),
            (raw.min_chain_accuracy, &mut out.min_chain_accuracy),
            (raw.min_link_recall, &mut out.min_link_recall),
            (raw.min_link_recall_cross_outlet, &mut out.min_link_recall_cross_outlet),
            (raw.min_link_precision, &mut out.min_link_precision),
            (raw.min_contradiction_recall, &mut out.min_contradiction_recall),
            (raw.min_stance_accuracy, &mut out.min_stance_accuracy),
            (raw.min_frame_precision, &mut out.min_frame_precision),
            (raw.min_role_accuracy, &mut out.min_role_accuracy),
            (raw.min_role_accuracy_agent, &mut out.min_role_accuracy_agent),
            (raw.min_role_accuracy_target, &mut out.min_role_accuracy_target),
            (raw.min_role_accuracy_place, &mut out.min_role_accuracy_place),
            (raw.min_reading_precision, &mut out.min_reading_precision),
            (raw.min_reading_recall, &mut out.min_reading_recall),
        ];
        for (value, slot) in fields {
            if let Some(v) = value {
                if !(0.0..=1.0).contains(v.get_ref()) {
                    return Err(error(
                        v.span().start,
                        format!("a minimum is a ratio between 0 and 1, not {}", v.get_ref()),
                    ));
                }
                *slot = Some(*v.get_ref());
            }
        }
        Ok(out)
    }

    /// Reads and parses a thresholds file.
    pub fn load(path: &Path) -> Result<Thresholds, GoldError> {
        let shown = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| GoldError {
            path: shown.clone(),
            line: 0,
            message: format!("cannot read the thresholds file: {e}"),
        })?;
        Thresholds::parse(&src, &shown)
    }

    /// The minimum for ratio metric `name` (a name of [`Metrics::ratios`]).
    fn min(&self, name: &str) -> Option<f64> {
        match name {
            "mention_recall" => self.min_mention_recall,
            "attribution_accuracy" => self.min_attribution_accuracy,
            "chain_accuracy" => self.min_chain_accuracy,
            "link_recall" => self.min_link_recall,
            "link_recall_cross_outlet" => self.min_link_recall_cross_outlet,
            "link_precision" => self.min_link_precision,
            "contradiction_recall" => self.min_contradiction_recall,
            "stance_accuracy" => self.min_stance_accuracy,
            "frame_precision" => self.min_frame_precision,
            "role_accuracy" => self.min_role_accuracy,
            "role_accuracy_agent" => self.min_role_accuracy_agent,
            "role_accuracy_target" => self.min_role_accuracy_target,
            "role_accuracy_place" => self.min_role_accuracy_place,
            "reading_precision" => self.min_reading_precision,
            "reading_recall" => self.min_reading_recall,
            _ => None,
        }
    }

    /// Every limit `metrics` breaks, one line each, in report order; empty when all pass.
    pub fn check(&self, metrics: &Metrics) -> Vec<String> {
        let mut out = Vec::new();
        for (name, ratio) in metrics.ratios() {
            if let Some(min) = self.min(name)
                && ratio.value() < min
            {
                out.push(format!(
                    "{} {:.3} ({}/{}) is below the minimum {min:.3}",
                    name.replace('_', " "),
                    ratio.value(),
                    ratio.hits,
                    ratio.total
                ));
            }
        }
        if let Some(max) = self.max_furniture_errors
            && metrics.furniture_errors > max
        {
            out.push(format!(
                "furniture errors {} is above the maximum {max}",
                metrics.furniture_errors
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Ratio;

    #[test]
    fn check_lists_every_metric_below_its_threshold() {
        let t = Thresholds::parse(
            "min_mention_recall = 0.8\nmin_link_precision = 0.5\nmax_furniture_errors = 0\n",
            "t.toml",
        )
        .unwrap();
        let metrics = Metrics {
            mention_recall: Ratio { hits: 7, total: 10 },
            link_precision: Ratio { hits: 1, total: 2 },
            furniture_errors: 2,
            ..Metrics::default()
        };
        assert_eq!(
            t.check(&metrics),
            vec![
                "mention recall 0.700 (7/10) is below the minimum 0.800".to_string(),
                "furniture errors 2 is above the maximum 0".to_string(),
            ]
        );
    }

    #[test]
    fn every_ratio_has_a_minimum_key() {
        for (name, _) in Metrics::default().ratios() {
            let t = Thresholds::parse(&format!("min_{name} = 0.5\n"), "t.toml").unwrap();
            assert_eq!(t.min(name), Some(0.5), "{name}");
        }
    }

    #[test]
    fn unknown_keys_and_bad_ranges_are_errors_with_lines() {
        let e = Thresholds::parse("min_mention_recall = 0.8\nmin_link_recal = 0.5\n", "t.toml").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("min_link_recal"), "{e}");
        let e = Thresholds::parse("\nmin_stance_accuracy = 1.5\n", "t.toml").unwrap_err();
        assert_eq!(e.to_string(), "t.toml:2: a minimum is a ratio between 0 and 1, not 1.5");
    }
}
