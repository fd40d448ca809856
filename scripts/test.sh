#!/usr/bin/env bash
# Installs what is missing, then runs every check: format, lints, API docs, native tests (rules, properties,
# golden traces, CLI), wasm component tests in headless Chromium, the release build, and the
# Playwright end-to-end tests with their screenshots and performance figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings
step "cargo clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
step "cargo doc (no broken links in the API docs)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib
step "native tests: rules, properties, golden traces, CLI"
cargo test
step "wasm-bindgen tests in headless Chromium"
cargo test --target wasm32-unknown-unknown --test web --test web_editor --test web_visual
step "release build (trunk)"
trunk build --release --offline
step "Playwright end-to-end tests"
npx playwright test
step "performance figures (printed for the record; timings on a shared 2-core machine are noisy)"
node scripts/measure.mjs --quick || echo "measure: some targets were missed on this run; see the table above"
