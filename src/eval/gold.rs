//! The gold annotation format (`docs/eval.md`): parsing and validation.

/// A parsed gold file.
#[derive(Debug, Clone, Default)]
pub struct Gold {}
