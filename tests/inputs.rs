//! Bad and unusual inputs through the real binary.
