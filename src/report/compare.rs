//! `claimgraph compare`: claims × outlets.
