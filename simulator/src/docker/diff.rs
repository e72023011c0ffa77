//! `docker diff` / `docker container diff`: what a container changed in its filesystem.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::engine::Engine;
use crate::output::Output;

/// Prints one `A`/`C`/`D` line per change of the container's writable layer (nothing when
/// nothing changed), in the order Docker 28 prints them.
pub fn diff(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let Some(c) = errors::find_container(engine, typed, &mut out) else { return out.with_exit(1) };
    for change in c.fs.diff() {
        out.outln(change.to_string());
    }
    out
}
