//! `docker compose kill`, `docker compose rm` and `docker compose port`.

use super::containers::{label, of_project, NUMBER, SERVICE};
use super::progress::Progress;
use super::Ctx;
use crate::output::Output;

/// The project's containers of the named services (all when none is named), in name order.
fn chosen(cx: &Ctx<'_, '_>, project: &str, all: bool) -> Vec<(String, String)> {
    of_project(cx.engine, project, all)
        .into_iter()
        .filter(|c| cx.args.is_empty() || cx.args.iter().any(|a| a == label(c, SERVICE)))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect()
}


pub fn kill(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let Some(project) = cx.load_services(&mut out) else { return out };
    let signal = cx.flags.str("signal").unwrap_or("SIGKILL").to_string();
    let mut progress = Progress::with_mode(cx.engine.tty, cx.globals.str("progress"));
    for (id, name) in chosen(cx, &project.name, false) {
        progress.event(&mut out, "Container", &name, "Killing");
        let mut events = Vec::new();
        let result = cx.engine.kill(&id, &name, &signal, &mut events);
        out.events.extend(events);
        match result {
            Ok(()) => progress.event(&mut out, "Container", &name, "Killed"),
            Err(e) => {
                progress.error(&mut out, "Container", &name);
                progress.finish(&mut out);
                out.errln(format!("Error response from daemon: {e}"));
                return out.with_exit(1);
            }
        }
    }
    progress.finish(&mut out);
    out
}

pub fn rm(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let Some(project) = cx.load_services(&mut out) else { return out };
    let mut progress = Progress::with_mode(cx.engine.tty, cx.globals.str("progress"));
    if cx.flags.bool("stop") {
        // Every chosen container is stopped, even one that already is.
        for (id, name) in chosen(cx, &project.name, true) {
            progress.event(&mut out, "Container", &name, "Stopping");
            let mut events = Vec::new();
            let _ = cx.engine.stop(&id, None, None, &mut events);
            out.events.extend(events);
            progress.event(&mut out, "Container", &name, "Stopped");
        }
    }
    let stopped: Vec<(String, String)> =
        chosen(cx, &project.name, true).into_iter().filter(|(id, _)| cx.engine.containers.get(id).is_some_and(|c| !c.state.running)).collect();
    if stopped.is_empty() {
        out.errln("No stopped containers");
        return out;
    }
    let names: Vec<&str> = stopped.iter().map(|(_, n)| n.as_str()).collect();
    if !cx.flags.bool("force") {
        // Without a terminal to answer the question, nothing is removed.
        out.err(format!("Going to remove {}", names.join(", ")));
        return out;
    }
    out.errln(format!("Going to remove {}", names.join(", ")));
    for (id, name) in &stopped {
        progress.event(&mut out, "Container", name, "Removing");
        let mut events = Vec::new();
        let anonymous = if cx.flags.bool("volumes") { cx.engine.anonymous_volumes_of(id) } else { Vec::new() };
        let _ = cx.engine.remove(id, name, true, &mut events);
        cx.engine.drop_volumes(&anonymous);
        out.events.extend(events);
        progress.event(&mut out, "Container", name, "Removed");
    }
    progress.finish(&mut out);
    out
}

pub fn port(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    if !cx.has_args(2, &mut out) {
        return out;
    }
    let Some(project) = cx.load_named(&mut out, &[]) else { return out };
    let service = cx.args.first().cloned().unwrap_or_default();
    let private = cx.args.get(1).cloned().unwrap_or_default();
    let proto = cx.flags.str("protocol").unwrap_or("tcp").to_string();
    let index = cx.flags.str("index").unwrap_or("1").to_string();
    let Some(c) = of_project(cx.engine, &project.name, false).into_iter().find(|c| label(c, SERVICE) == service && label(c, NUMBER) == index) else {
        out.errln(format!("service {service:?} is not running"));
        return out.with_exit(1);
    };
    let found = c.bound_ports.iter().find(|p| p.container_port.to_string() == private && p.proto == proto);
    match found {
        Some(p) => out.outln(format!("{}:{}", if p.host_ip.is_empty() { "0.0.0.0" } else { &p.host_ip }, p.host_port)),
        None => {
            out.errln(format!("no port {private}/{proto} for container {}: ", c.name));
            out.exit_code = 1;
        }
    }
    out
}
