//! `ingest`: see `claimgraph::invariants::check_ingest` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(violation) = claimgraph::invariants::check_ingest(data) {
        panic!("{violation}");
    }
});
