#!/usr/bin/env bash
# The size of the simulated engine on its own in the browser: the `simulator` crate linked into a
# bare wasm32 cdylib (no Leptos, no lessons, no UI) that runs command lines and takes a snapshot,
# with the release profile of the app (opt-level z, LTO) and wasm-opt -Oz, then reported like the
# bundle (code and data, raw and gzip -9). Not part of scripts/test.sh; run it by hand after
# scripts/setup.sh (it needs the wasm32 target and wasm-opt 132 from tests/node_modules).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/target/engine-size"
mkdir -p "$work/src"
cat >"$work/Cargo.toml" <<TOML
[package]
name = "engine_size"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
simulator = { path = "$root/simulator" }

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

[workspace]
TOML
cat >"$work/src/lib.rs" <<'RUST'
//! Runs the command line written into `buffer()` (`len` bytes) in one session.
use std::cell::RefCell;

use simulator::{MemoryProject, Session, SessionConfig};

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    static BUFFER: RefCell<Vec<u8>> = RefCell::new(vec![0; 4096]);
}

#[no_mangle]
pub extern "C" fn buffer() -> *const u8 {
    BUFFER.with(|b| b.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn run(len: usize) -> usize {
    let line = BUFFER.with(|b| String::from_utf8_lossy(b.borrow().get(..len).unwrap_or_default()).into_owned());
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let session = s.get_or_insert_with(|| Session::new(SessionConfig::default(), Box::new(MemoryProject::new())));
        let out = session.run_line(&line);
        std::hint::black_box(session.snapshot());
        std::hint::black_box(&out.events);
        out.stdout().len()
    })
}
RUST
cp "$root/Cargo.lock" "$work/Cargo.lock"
(cd "$work" && CARGO_TARGET_DIR="$work/target" cargo build --release --target wasm32-unknown-unknown --quiet)
linked="$work/target/wasm32-unknown-unknown/release/engine_size.wasm"
wasm_opt="$root/tests/node_modules/.bin/wasm-opt"
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$linked" -o "$work/engine.wasm"
python3 "$root/scripts/bundle-breakdown.py" "$work/engine.wasm"
echo "engine alone, gzip -9: $(gzip -9 -c "$work/engine.wasm" | wc -c) bytes"
