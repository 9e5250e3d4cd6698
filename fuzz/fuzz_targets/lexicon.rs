//! `lexicon`: see `claimgraph::invariants::check_lexicon` for what is checked. The user
//! pack stands alone here (no embedded base) to keep the fuzzer fast; `tests/fuzz.rs`
//! replays every regression input on the embedded packs too.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

/// One scratch directory per process: `lexicon check` reads the pack from a file.
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("claimgraph-fuzz-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        dir
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(violation) = claimgraph::invariants::check_lexicon(data, scratch(), &[]) {
        panic!("{violation}");
    }
});
