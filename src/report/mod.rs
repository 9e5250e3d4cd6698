//! Renderers of the run model. Each takes a [`Run`] (and nothing that would let it
//! re-run extraction) and returns text; the CLI decides where the text goes.

pub mod explain;

use crate::model::Run;

/// The run as the JSON document of `docs/json.md`, pretty-printed, ending in a newline.
pub fn json(run: &Run) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(run).expect("the run model serialises");
    out.push('\n');
    out
}
