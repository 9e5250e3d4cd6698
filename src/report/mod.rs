//! Renderers of the run model.
