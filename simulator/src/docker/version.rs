//! `docker --version` and `docker version`.

use crate::engine::Engine;
use crate::output::Output;

/// Client version the simulator reproduces (Docker CLI 28.2).
pub const CLIENT_VERSION: &str = "28.2.2";
pub const CLIENT_COMMIT: &str = "e6534b4";

pub fn short_version(out: &mut Output) {
    out.outln(format!("Docker version {CLIENT_VERSION}, build {CLIENT_COMMIT}"));
}

pub fn version(_engine: &Engine, out: &mut Output) {
    short_version(out);
}
