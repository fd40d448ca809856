//! Benchmarks the engine (see README "Performance"); run with `cargo bench --bench simulate`.

fn main() {}
