//! `docker rm` and `docker container prune`.

use crate::cli::Invocation;
use crate::engine::Engine;
use crate::output::Output;

/// `docker rm [-f] [-v] CONTAINER...`. With `-f`, unknown containers are not an error.
pub fn rm(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let force = inv.bool("force");
    let mut errs = Vec::new();
    for typed in &inv.args {
        let mut events = Vec::new();
        let result = match engine.resolve_container_id(typed) {
            Ok(id) => {
                let anonymous = if inv.bool("volumes") { engine.anonymous_volumes_of(&id) } else { Vec::new() };
                let removed = engine.remove(&id, typed, force, &mut events);
                if removed.is_ok() {
                    engine.drop_volumes(&anonymous);
                }
                removed
            }
            Err(e) => Err(e.message()),
        };
        out.events.extend(events);
        match result {
            Ok(()) => out.outln(typed),
            // `rm -f` of an unknown container prints the error at once and is not a failure.
            Err(e) if force && e.starts_with("No such container") => out.errln(format!("Error response from daemon: {e}")),
            Err(e) => errs.push(format!("Error response from daemon: {e}")),
        }
    }
    if !errs.is_empty() {
        out.errln(errs.join("\n"));
        out.exit_code = 1;
    }
    out
}

/// `docker container prune [-f]`: removes every stopped container.
pub fn prune(engine: &mut Engine, inv: &Invocation, stdin: Option<&str>) -> Output {
    let mut out = Output::new();
    if !inv.bool("force") {
        out.out("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
        if !crate::docker::prompt::confirmed(stdin) {
            return out;
        }
    }
    let (text, reclaimed) = prune_stopped(engine, &mut out.events);
    out.out(text);
    out.outln(format!("Total reclaimed space: {}", crate::format::units::human_size(reclaimed as f64)));
    out
}

/// Removes every stopped container; returns the `Deleted Containers:` section and the bytes freed.
pub fn prune_stopped(engine: &mut Engine, events: &mut Vec<crate::events::Event>) -> (String, u64) {
    let stopped: Vec<String> =
        engine.containers_newest_first().iter().filter(|c| !c.state.running).map(|c| c.id.clone()).collect();
    if stopped.is_empty() {
        return (String::new(), 0);
    }
    let mut text = String::from("Deleted Containers:\n");
    let mut reclaimed = 0u64;
    for id in stopped {
        reclaimed += engine.containers.get(&id).map_or(0, |c| c.size_rw());
        engine.delete_container(&id, events);
        text.push_str(&id);
        text.push('\n');
    }
    text.push('\n');
    (text, reclaimed)
}
