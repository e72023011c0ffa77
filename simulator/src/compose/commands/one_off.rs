//! `docker compose exec` and `docker compose run`.

use super::containers::{self, label, of_project, NUMBER, SERVICE};
use super::progress::Progress;
use super::Ctx;
use crate::output::Output;

pub fn exec(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    if !cx.has_args(2, &mut out) {
        return out;
    }
    let Some(project) = cx.load_named(&mut out, &[]) else { return out };
    let service = cx.args.first().cloned().unwrap_or_default();
    let index = cx.flags.str("index").unwrap_or("1").to_string();
    let target = of_project(cx.engine, &project.name, false)
        .into_iter()
        .find(|c| label(c, SERVICE) == service && label(c, NUMBER) == index)
        .map(|c| c.id.clone());
    let Some(id) = target else {
        if index == "1" {
            out.errln(format!("service {service:?} is not running"));
        } else {
            out.errln(format!("service {service:?} is not running container #{index}"));
        }
        return out.with_exit(1);
    };
    let mut args: Vec<String> = vec!["exec".into()];
    for e in cx.flags.list("env") {
        args.push("-e".into());
        args.push(e);
    }
    for (flag, name) in [("--user", "user"), ("--workdir", "workdir")] {
        if let Some(v) = cx.flags.str(name) {
            args.push(flag.into());
            args.push(v.to_string());
        }
    }
    if cx.flags.bool("detach") {
        args.push("-d".into());
    }
    if cx.engine.tty && !cx.flags.bool("no-tty") {
        args.push("-it".into());
    }
    args.push(id);
    args.extend(cx.args.iter().skip(1).cloned());
    containers::docker(cx, args)
}

pub fn run(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    if !cx.has_args(1, &mut out) {
        return out;
    }
    let service = cx.args.first().cloned().unwrap_or_default();
    let Some(project) = cx.load_named(&mut out, std::slice::from_ref(&service)) else { return out };
    let Some(svc) = project.service(&service).cloned() else {
        out.errln(format!("no such service: {service}"));
        return out.with_exit(1);
    };
    let mut progress = Progress::with_mode(cx.engine.tty, cx.globals.str("progress"));
    let deps = if cx.flags.bool("no-deps") { Vec::new() } else { svc.depends_on.clone() };
    let services: Vec<&crate::compose::Service> = std::iter::once(&svc).chain(project.services.iter().filter(|s| deps.contains(&s.name))).collect();
    if !super::up_down::ensure_images(cx, &project, &services, cx.flags.bool("build"), &mut out) {
        return out;
    }
    if !super::up_down::ensure_resources(cx, &project, &services, &mut progress, &mut out) {
        return out;
    }
    progress.finish(&mut out);
    // Dependencies are brought up first.
    for dep in project.start_order().into_iter().filter(|s| deps.contains(&s.name)) {
        let name = containers::container_name(&project, dep, 1);
        let id = match cx.engine.resolve_container_id(&name) {
            Ok(id) => id,
            Err(_) => match containers::create(cx, &project, dep, &name, 1, false, None) {
                Ok(id) => id,
                Err(e) => {
                    out.errln(e);
                    return out.with_exit(1);
                }
            },
        };
        if !cx.engine.containers.get(&id).is_some_and(|c| c.state.running) {
            let mut events = Vec::new();
            let _ = cx.engine.start(&id, &mut events);
            out.events.extend(events);
        }
    }
    let suffix: String = cx.engine.ids.next_id().chars().take(12).collect();
    let name = cx.flags.str("name").map_or_else(|| format!("{}-{}-run-{suffix}", project.name, svc.name), str::to_string);
    let command: Vec<String> = cx.args.iter().skip(1).cloned().collect();
    let mut args = containers::create_args(cx.engine, &project, &svc, &name, 1, true, if command.is_empty() { None } else { Some(&command) });
    if let Some(first) = args.first_mut() {
        *first = "run".into();
    }
    let mut extra: Vec<String> = Vec::new();
    if cx.flags.bool("rm") {
        extra.push("--rm".into());
    }
    if cx.flags.bool("detach") {
        extra.push("-d".into());
    }
    for e in cx.flags.list("env") {
        extra.push("-e".into());
        extra.push(e);
    }
    for p in cx.flags.list("publish") {
        extra.push("-p".into());
        extra.push(p);
    }
    if cx.engine.tty && !cx.flags.bool("no-TTY") && !cx.flags.bool("detach") {
        extra.push("-it".into());
    }
    args.splice(1..1, extra);
    let r = containers::docker(cx, args);
    let failed = r.exit_code != 0;
    out.append(r);
    if failed {
        // Compose reports the container's exit as an error with an empty message.
        out.errln("");
    }
    out
}
