//! `docker start|stop|restart|pause|unpause|kill|wait|rename`: lifecycle commands on one or more
//! containers. Successes echo each target as typed; errors are collected and printed at the end.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::docker::run::attach_until_exit;
use crate::engine::Engine;
use crate::events::Event;
use crate::output::{AttachKind, Attached, Output};

/// Runs `action` on every target; prints names and the joined errors as the CLI does.
fn each_target(
    engine: &mut Engine,
    inv: &Invocation,
    mut action: impl FnMut(&mut Engine, &str, &str, &mut Vec<Event>) -> Result<(), String>,
) -> Output {
    each_target_dyn(engine, inv, &mut action)
}

/// What a lifecycle command does to one container: (engine, ID, name as typed, events).
type TargetAction<'a> = dyn FnMut(&mut Engine, &str, &str, &mut Vec<Event>) -> Result<(), String> + 'a;

/// [`each_target`]'s body, compiled once rather than once per command.
#[inline(never)]
fn each_target_dyn(
    engine: &mut Engine,
    inv: &Invocation,
    action: &mut TargetAction<'_>,
) -> Output {
    let mut out = Output::new();
    let mut errors_seen = Vec::new();
    for typed in &inv.args {
        let mut events = Vec::new();
        let result = match engine.resolve_container_id(typed) {
            Ok(id) => action(engine, &id, typed, &mut events),
            Err(e) if inv.command == "container kill" => Err(format!("cannot kill container: {typed}: {}", e.message())),
            Err(e) => Err(e.message()),
        };
        out.events.extend(events);
        match result {
            Ok(()) => out.outln(typed),
            Err(e) => errors_seen.push(format!("Error response from daemon: {e}")),
        }
    }
    if !errors_seen.is_empty() {
        out.errln(errors_seen.join("\n"));
        out.exit_code = 1;
    }
    out
}

fn timeout(inv: &Invocation) -> Option<i64> {
    inv.int("timeout").or_else(|| inv.int("time"))
}

pub fn stop(engine: &mut Engine, inv: &Invocation) -> Output {
    let t = timeout(inv);
    let signal = inv.str("signal").map(str::to_string);
    each_target(engine, inv, |e, id, _typed, ev| e.stop(id, t, signal.as_deref(), ev))
}

pub fn restart(engine: &mut Engine, inv: &Invocation) -> Output {
    let t = timeout(inv);
    each_target(engine, inv, |e, id, _typed, ev| e.restart(id, t, ev).map_err(|f| f.message()))
}

pub fn pause(engine: &mut Engine, inv: &Invocation) -> Output {
    each_target(engine, inv, |e, id, _typed, ev| e.pause(id, ev))
}

pub fn unpause(engine: &mut Engine, inv: &Invocation) -> Output {
    each_target(engine, inv, |e, id, _typed, ev| e.unpause(id, ev))
}

pub fn kill(engine: &mut Engine, inv: &Invocation) -> Output {
    let signal = inv.str("signal").unwrap_or("KILL").to_string();
    each_target(engine, inv, |e, id, typed, ev| e.kill(id, typed, &signal, ev))
}

/// `docker start`: errors are printed as they happen, then a summary line.
pub fn start(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let attach = inv.bool("attach");
    if attach && inv.args.len() > 1 {
        out.errln("you cannot start and attach multiple containers at once");
        return out.with_exit(1);
    }
    let mut failed = Vec::new();
    for typed in &inv.args {
        let mut events = Vec::new();
        let result = match engine.resolve_container_id(typed) {
            Ok(id) => engine.start(&id, &mut events).map(|()| id).map_err(|f| f.message()),
            Err(e) => Err(e.message()),
        };
        out.events.extend(events);
        match result {
            Ok(id) if attach => {
                attach_until_exit(engine, &id, &mut out);
                return out;
            }
            Ok(_) => out.outln(typed),
            Err(e) => {
                if attach {
                    errors::daemon(&mut out, &e);
                    return out.with_exit(1);
                }
                errors::daemon(&mut out, &e);
                failed.push(typed.clone());
            }
        }
    }
    if !failed.is_empty() {
        out.errln(format!("Error: failed to start containers: {}", failed.join(", ")));
        out.exit_code = 1;
    }
    out
}

/// `docker wait`: prints each container's exit code once it stops.
pub fn wait(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let mut failed = false;
    for typed in &inv.args {
        let id = match engine.resolve_container_id(typed) {
            Ok(id) => id,
            Err(e) => {
                errors::daemon(&mut out, &e.message());
                failed = true;
                continue;
            }
        };
        let running = engine.containers.get(&id).is_some_and(|c| c.state.running);
        if running {
            match engine.scheduled_exit(&id) {
                Some((when, _)) => {
                    engine.advance_to(when);
                    out.events.extend(engine.take_pending_events());
                }
                None => {
                    out.attached = Some(Attached { container_id: id, kind: AttachKind::Wait, logs_seen: 0, shell: None });
                    return out;
                }
            }
        }
        let code = engine.containers.get(&id).map_or_else(|| engine.removed_exit_code(&id).unwrap_or(0), |c| c.state.exit_code);
        out.outln(code.to_string());
    }
    if failed {
        out.exit_code = 1;
    }
    out
}

/// `docker rename OLD NEW`.
pub fn rename(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let (Some(old), Some(new)) = (inv.args.first(), inv.args.get(1)) else { return out };
    let result = (|| {
        let id = engine.resolve_container_id(old).map_err(|e| e.message())?;
        let new_name = new.strip_prefix('/').unwrap_or(new);
        if !crate::engine::names::is_valid(new_name) {
            return Err(format!(
                "Error when allocating new name: Invalid container name (/{new_name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
            ));
        }
        let current = engine.containers.get(&id).map(|c| c.name.clone()).unwrap_or_default();
        if current == new_name {
            return Err("Renaming a container with the same name as its current name".to_string());
        }
        if let Some(other) = engine.containers.values().find(|c| c.name == new_name) {
            return Err(format!(
                "Error when allocating new name: Conflict. The container name \"/{new_name}\" is already in use by container \"{}\". You have to remove (or rename) that container to be able to reuse that name.",
                other.id
            ));
        }
        if let Some(c) = engine.containers.get_mut(&id) {
            c.name = new_name.to_string();
        }
        out.events.push(Event::ContainerRenamed { id, from: current, to: new_name.to_string() });
        Ok(())
    })();
    if let Err(e) = result {
        errors::daemon(&mut out, &e);
        out.errln(format!("Error: failed to rename container named {old}"));
        out.exit_code = 1;
    }
    out
}
