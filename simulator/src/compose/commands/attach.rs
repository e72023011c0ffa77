//! An attached `docker compose up`: it keeps printing the containers' output with their
//! `service-N  | ` prefixes until they all stop (`web-1 exited with code 0`), or until Ctrl+C
//! stops them (`Gracefully stopping... (press Ctrl+C again to force)`).
//!
//! The state travels in [`Attached`]: `container_id` holds `compose:` followed by
//! `id=seen` pairs (the container and how many of its log entries were printed), comma-separated.

use super::containers::short_name;
use super::progress::Progress;
use crate::engine::Engine;
use crate::output::{AttachKind, Attached, Output, Stream};

const PREFIX: &str = "compose:";
/// `docker compose logs -f`: Ctrl+C only stops following.
const LOGS_PREFIX: &str = "compose-logs:";

/// The attachment for these containers, with their logs printed so far.
pub fn attached(engine: &Engine, ids: &[String]) -> Attached {
    let pairs: Vec<String> = ids.iter().map(|id| format!("{id}={}", engine.containers.get(id).map_or(0, |c| c.logs.len()))).collect();
    Attached { container_id: format!("{PREFIX}{}", pairs.join(",")), kind: AttachKind::Compose, logs_seen: 0, shell: None }
}

/// `docker compose logs -f`: follows the containers' output; Ctrl+C leaves them running.
pub fn following(engine: &Engine, ids: &[String]) -> Attached {
    let mut a = attached(engine, ids);
    a.container_id = a.container_id.replacen(PREFIX, LOGS_PREFIX, 1);
    a
}

fn is_logs(a: &Attached) -> bool {
    a.container_id.starts_with(LOGS_PREFIX)
}

fn decode(a: &Attached) -> Vec<(String, usize)> {
    a.container_id
        .strip_prefix(PREFIX)
        .or_else(|| a.container_id.strip_prefix(LOGS_PREFIX))
        .unwrap_or_default()
        .split(',')
        .filter_map(|p| p.split_once('='))
        .map(|(id, n)| (id.to_string(), n.parse().unwrap_or(0)))
        .collect()
}

/// New output since the last poll; the final lines (and no attachment) once every container stopped.
pub fn poll(engine: &mut Engine, a: &mut Attached) -> Option<Output> {
    let mut out = Output::new();
    out.events.extend(engine.take_pending_events());
    let state = decode(a);
    let width = state
        .iter()
        .filter_map(|(id, _)| engine.containers.get(id))
        .filter(|c| !c.logs.is_empty())
        .map(|c| short_name(c).chars().count())
        .max()
        .unwrap_or(0);
    let mut next = Vec::new();
    for (id, seen) in &state {
        let Some(c) = engine.containers.get(id) else { continue };
        let name = short_name(c);
        let pad = width.saturating_sub(name.chars().count());
        for entry in c.logs.iter().skip(*seen) {
            let stream = if entry.stream == Stream::Stderr { Stream::Stderr } else { Stream::Stdout };
            for line in entry.text.replace("\r\n", "\n").lines() {
                out.push(stream, &format!("{name}{}  | {line}\n", " ".repeat(pad)));
            }
        }
        next.push((id.clone(), c.logs.len()));
    }
    let running = state.iter().any(|(id, _)| engine.containers.get(id).is_some_and(|c| c.state.running));
    if running {
        let prefix = if is_logs(a) { LOGS_PREFIX } else { PREFIX };
        a.container_id = format!("{prefix}{}", next.iter().map(|(id, n)| format!("{id}={n}")).collect::<Vec<_>>().join(","));
        return if out.chunks.is_empty() && out.events.is_empty() { None } else { Some(out.with_attached(a.clone())) };
    }
    if !is_logs(a) {
        for (id, _) in &state {
            if let Some(c) = engine.containers.get(id) {
                out.outln(format!("\r\x1b[K{} exited with code {}", short_name(c), c.state.exit_code));
            }
        }
    }
    Some(out)
}

/// Ctrl+C: Compose stops every container of the attached `up`.
pub fn interrupt(engine: &mut Engine, a: &mut Attached) -> Output {
    let mut out = poll(engine, a).unwrap_or_default();
    out.attached = None;
    if is_logs(a) {
        return out.with_exit(130);
    }
    out.outln("Gracefully stopping... (press Ctrl+C again to force)");
    let mut progress = Progress::new(engine.tty);
    let ids: Vec<String> = decode(a).into_iter().map(|(id, _)| id).collect();
    for id in ids.iter().rev() {
        let Some(name) = engine.containers.get(id).filter(|c| c.state.running).map(|c| c.name.clone()) else { continue };
        progress.event(&mut out, "Container", &name, "Stopping");
        let mut events = Vec::new();
        let _ = engine.stop(id, None, None, &mut events);
        out.events.extend(events);
        progress.event(&mut out, "Container", &name, "Stopped");
    }
    progress.finish(&mut out);
    out.with_exit(130)
}
