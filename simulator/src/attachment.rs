//! A foreground command that is still running (a `docker run` of a server, `docker wait`):
//! it finishes when its container stops, or when the learner presses Ctrl+C.

use crate::engine::Engine;
use crate::output::{AttachKind, Attached, Output};

/// Output of an attached command once its container is no longer running, else `None`.
pub fn poll(engine: &mut Engine, a: &mut Attached) -> Option<Output> {
    if a.kind == AttachKind::Compose {
        return crate::compose::commands::attach::poll(engine, a);
    }
    let mut out = Output::new();
    out.events.extend(engine.take_pending_events());
    let c = engine.containers.get(&a.container_id);
    if a.kind == AttachKind::Run {
        if let Some(c) = c {
            for entry in c.logs.iter().skip(a.logs_seen) {
                out.push(entry.stream, &entry.text.replace("\r\n", "\n"));
            }
            a.logs_seen = c.logs.len();
        }
    }
    let running = c.is_some_and(|c| c.state.running && !c.state.restarting);
    if running {
        return if out.chunks.is_empty() && out.events.is_empty() { None } else { Some(out.with_attached(a.clone())) };
    }
    let code = c.map_or_else(|| engine.removed_exit_code(&a.container_id).unwrap_or(0), |c| c.state.exit_code);
    match a.kind {
        AttachKind::Run => out.exit_code = code,
        AttachKind::Wait => out.outln(code.to_string()),
        AttachKind::Compose => {}
    }
    Some(out)
}

/// Ctrl+C: `docker run` forwards SIGINT to the container (sig-proxy); `docker wait` just ends.
pub fn interrupt(engine: &mut Engine, a: &mut Attached) -> Output {
    let mut out = Output::new();
    match a.kind {
        AttachKind::Compose => crate::compose::commands::attach::interrupt(engine, a),
        AttachKind::Wait => out.with_exit(130),
        AttachKind::Run => {
            let name = engine.containers.get(&a.container_id).map(|c| c.name.clone()).unwrap_or_default();
            let mut events = Vec::new();
            // Ignored signals leave the container running (as with `sleep` as PID 1).
            let _ = engine.kill(&a.container_id.clone(), &name, "INT", &mut events);
            out.events.extend(events);
            match poll(engine, a) {
                Some(mut done) if done.attached.is_none() => {
                    done.events.splice(0..0, out.events);
                    done
                }
                _ => out.with_attached(a.clone()),
            }
        }
    }
}
