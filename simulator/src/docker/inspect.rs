//! `docker inspect`, `docker container inspect`, `docker image inspect`.

use serde_json::Value;

use crate::cli::Invocation;
use crate::docker::{inspect_json, listing};
use crate::engine::Engine;
use crate::output::Output;

/// Which kinds of object a lookup may return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Any,
    Container,
    Image,
}

fn lookup(engine: &Engine, name: &str, kind: Kind, size: bool) -> Result<Value, String> {
    if matches!(kind, Kind::Any | Kind::Container) {
        if let Ok(c) = engine.find_container(name) {
            return Ok(inspect_json::container(engine, c, size));
        }
    }
    if matches!(kind, Kind::Any | Kind::Image) {
        if let Ok(img) = engine.images.resolve(name) {
            return Ok(inspect_json::image(engine, img));
        }
    }
    Err(match kind {
        Kind::Any => format!("Error: No such object: {name}"),
        Kind::Container => format!("Error response from daemon: No such container: {name}"),
        Kind::Image => match engine.images.resolve(name) {
            Err(e) => format!("Error response from daemon: {}", e.message()),
            Ok(_) => String::new(),
        },
    })
}

pub fn inspect(engine: &mut Engine, inv: &Invocation, kind: Kind) -> Output {
    let mut out = Output::new();
    let kind = match (kind, inv.str("type")) {
        (Kind::Any, Some("container")) => Kind::Container,
        (Kind::Any, Some("image")) => Kind::Image,
        (Kind::Any, Some(t)) if !t.is_empty() && !matches!(t, "container" | "image") => {
            if matches!(t, "config" | "network" | "node" | "plugin" | "secret" | "service" | "task" | "volume") {
                for name in &inv.args {
                    out.errln(format!("Error: No such object: {name}"));
                }
                out.out("[]\n");
                return out.with_exit(1);
            }
            out.errln(format!(
                "unknown type: \"{t}\": must be one of \"config\", \"container\", \"image\", \"network\", \"node\", \"plugin\", \"secret\", \"service\", \"task\", \"volume\""
            ));
            return out.with_exit(1);
        }
        (k, _) => k,
    };
    let size = inv.bool("size");
    let mut found = Vec::new();
    let mut errs = Vec::new();
    for name in &inv.args {
        match lookup(engine, name, kind, size) {
            Ok(v) => found.push(v),
            Err(e) => errs.push(e),
        }
    }
    match inv.str("format").filter(|f| !f.is_empty()) {
        Some(fmt) => match listing::execute_each(fmt, &found) {
            Ok(text) => out.out(text),
            Err(e) => {
                crate::docker::errors::template_error(&mut out, &e);
                return out;
            }
        },
        None => {
            let text = crate::format::go_json::inspect_indent(&Value::Array(found));
            out.outln(text);
        }
    }
    if !errs.is_empty() {
        out.errln(errs.join("\n"));
        out.exit_code = 1;
    }
    out
}
