//! The `claimgraph` command: a thin shell around [`claimgraph::cli::main`].

fn main() {
    std::process::exit(claimgraph::cli::main());
}
