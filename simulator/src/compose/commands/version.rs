//! `docker compose version`.

use super::Ctx;
use crate::output::Output;

/// The Compose release the simulator answers as.
pub const VERSION: &str = "2.40.3";

pub fn version(cx: &Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    if cx.flags.bool("short") {
        out.outln(VERSION);
    } else if cx.flags.str("format") == Some("json") {
        out.outln(format!("{{\"version\":\"v{VERSION}\"}}"));
    } else {
        out.outln(format!("Docker Compose version v{VERSION}"));
    }
    out
}
