//! `docker compose stop | start | restart | pause | unpause`.

use super::containers::{label, of_project, SERVICE};
use super::progress::Progress;
use super::Ctx;
use crate::output::Output;

pub fn lifecycle(cx: &mut Ctx<'_, '_>, command: &str) -> Output {
    let mut out = Output::new();
    let Some(project) = cx.load_services(&mut out) else { return out };
    let order: Vec<String> = project.start_order().iter().map(|s| s.name.clone()).collect();
    let stop_depth = super::up_down::stop_levels(&project.services);
    let mut list: Vec<(String, String, String)> = of_project(cx.engine, &project.name, true)
        .into_iter()
        .filter(|c| cx.args.is_empty() || cx.args.iter().any(|a| a == label(c, SERVICE)))
        .map(|c| (c.id.clone(), c.name.clone(), label(c, SERVICE).to_string()))
        .collect();
    if matches!(command, "stop" | "pause") {
        // Dependents stop first.
        crate::sort::sort_by_key(&mut list, |(_, n, s)| (super::up_down::stop_level(&stop_depth, s), n.clone()));
    } else {
        crate::sort::sort_by_key(&mut list, |(_, n, s)| (order.iter().position(|o| o == s).unwrap_or(usize::MAX), n.clone()));
    }
    let timeout = cx.flags.str("timeout").and_then(|t| t.parse::<i64>().ok());
    let mut progress = Progress::with_mode(cx.engine.tty, cx.globals.str("progress"));
    let (doing, done) = match command {
        "stop" => ("Stopping", "Stopped"),
        "start" => ("Starting", "Started"),
        "restart" => ("Restarting", "Started"),
        "pause" => ("Pausing", "Paused"),
        _ => ("Unpausing", "Unpaused"),
    };
    for (id, name, _) in &list {
        let Some(c) = cx.engine.containers.get(id) else { continue };
        let (running, paused) = (c.state.running, c.state.paused);
        let applies = match command {
            "start" => !running,
            "stop" => running,
            "pause" => running && !paused,
            "unpause" => paused,
            _ => true,
        };
        if !applies {
            continue;
        }
        // Pausing has no "in progress" line.
        if !matches!(command, "pause" | "unpause") {
            progress.event(&mut out, "Container", name, doing);
        }
        let mut events = Vec::new();
        let result = match command {
            "stop" => cx.engine.stop(id, timeout, None, &mut events),
            "start" => cx.engine.start(id, &mut events).map_err(|f| f.message()),
            "restart" => cx.engine.restart(id, timeout, &mut events).map_err(|f| f.message()),
            "pause" => cx.engine.pause(id, &mut events),
            _ => cx.engine.unpause(id, &mut events),
        };
        out.events.extend(events);
        if let Err(e) = result {
            progress.error(&mut out, "Container", name);
            progress.finish(&mut out);
            out.errln(format!("Error response from daemon: {e}"));
            return out.with_exit(1);
        }
        progress.event(&mut out, "Container", name, done);
    }
    progress.finish(&mut out);
    out
}
