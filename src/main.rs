//! The `claimgraph` command: a thin shell around [`claimgraph::cli::main`].

/// mimalloc rather than the system allocator: a run allocates a few small strings per
/// mention, and glibc's malloc and free were a sixth of a 1-thread `json` run's
/// instructions (README, "Performance"). The library leaves the choice to its user.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(claimgraph::cli::main());
}
