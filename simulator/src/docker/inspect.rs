//! `docker inspect`, `docker container inspect`, `docker image inspect`.

use serde_json::Value;

use crate::cli::Invocation;
use crate::docker::inspect_json;
use crate::engine::Engine;
use crate::format::formatter::Inspector;
use crate::output::Output;

/// Which kinds of object a lookup may return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Any,
    Container,
    Image,
    Volume,
}

const OTHER_TYPES: &[&str] = &["config", "network", "node", "plugin", "secret", "service", "task"];

fn lookup(engine: &Engine, name: &str, kind: Kind, size: bool) -> Result<Value, String> {
    if matches!(kind, Kind::Any | Kind::Container) {
        if let Ok(c) = engine.find_container(name) {
            return Ok(inspect_json::container(engine, c, size));
        }
    }
    if matches!(kind, Kind::Any | Kind::Image) {
        match engine.images.resolve(name) {
            Ok(img) => return Ok(inspect_json::image(engine, img)),
            Err(e) if kind == Kind::Image => return Err(format!("Error response from daemon: {}", e.message())),
            Err(_) => {}
        }
    }
    if matches!(kind, Kind::Any | Kind::Volume) {
        if let Some(v) = engine.volumes.get(name) {
            return Ok(crate::docker::volume::inspect_json(v));
        }
    }
    Err(match kind {
        Kind::Container => format!("Error response from daemon: No such container: {name}"),
        Kind::Volume => format!("Error response from daemon: get {name}: no such volume"),
        _ => format!("Error: No such object: {name}"),
    })
}

/// Runs a data-producing command's `--format` over one object (`docker version`, `docker info`).
pub fn format_one(format: &str, data: &Value) -> Output {
    let mut out = Output::new();
    match Inspector::new(format) {
        Ok(mut inspector) => {
            inspector.inspect(data);
            let result = inspector.finish();
            out.out(result.stdout);
            if !result.stderr.is_empty() {
                out.errln(result.stderr);
            }
            out.exit_code = result.exit_code;
        }
        Err(e) => {
            out.errln(e);
            out.exit_code = 64;
        }
    }
    out
}

/// Runs `docker … inspect`'s flow for named objects: `lookup` gives each object's JSON or the error
/// to report; the output is the indented array, `json` or the `--format` template, then the errors.
pub fn inspect_each(format: &str, names: &[String], mut lookup: impl FnMut(&str) -> Result<Value, String>) -> Output {
    inspect_each_dyn(format, names, &mut lookup)
}

/// [`inspect_each`]'s body, compiled once rather than once per caller's closure.
#[inline(never)]
fn inspect_each_dyn(format: &str, names: &[String], lookup: &mut dyn FnMut(&str) -> Result<Value, String>) -> Output {
    let mut out = Output::new();
    let mut inspector = match Inspector::new(format) {
        Ok(i) => i,
        Err(e) => {
            out.errln(e);
            return out.with_exit(64);
        }
    };
    for name in names {
        match lookup(name) {
            Ok(v) => inspector.inspect(&v),
            Err(e) => inspector.error(e),
        }
    }
    let result = inspector.finish();
    out.out(result.stdout);
    if !result.stderr.is_empty() {
        out.errln(result.stderr);
    }
    out.with_exit(result.exit_code)
}

pub fn inspect(engine: &mut Engine, inv: &Invocation, kind: Kind) -> Output {
    let mut out = Output::new();
    let kind = match (kind, inv.str("type")) {
        (Kind::Any, Some("container")) => Kind::Container,
        (Kind::Any, Some("image")) => Kind::Image,
        (Kind::Any, Some("volume")) => Kind::Volume,
        (Kind::Any, Some(t)) if OTHER_TYPES.contains(&t) => {
            // Objects the simulator does not have yet: nothing is found, as on an empty engine.
            for name in &inv.args {
                out.errln(format!("Error: No such object: {name}"));
            }
            out.out("[]\n");
            return out.with_exit(1);
        }
        (Kind::Any, Some(t)) if !t.is_empty() => {
            out.errln(format!(
                "unknown type: \"{t}\": must be one of \"config\", \"container\", \"image\", \"network\", \"node\", \"plugin\", \"secret\", \"service\", \"task\", \"volume\""
            ));
            return out.with_exit(1);
        }
        (k, _) => k,
    };
    let size = inv.bool("size");
    inspect_each(inv.str("format").unwrap_or(""), &inv.args, |name| lookup(engine, name, kind, size))
}
