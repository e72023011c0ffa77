//! `docker compose up` and `docker compose down`.

use std::collections::BTreeMap;

use super::containers::{self, label, of_project, PROJECT, SERVICE};
use super::progress::Progress;
use super::Ctx;
use crate::compose::model::{Project, Service};
use crate::engine::volume::Volume;
use crate::output::Output;

/// An attached `up` waits for containers that end within this time.
const MAX_ATTACHED_WAIT_NS: i64 = 120 * crate::clock::NANOS_PER_SEC;

/// The services a command works on: those named (plus what they depend on) or all.
pub fn selected<'p>(project: &'p Project, named: &[String], with_deps: bool) -> Result<Vec<&'p Service>, String> {
    for n in named {
        if project.service(n).is_none() {
            return Err(format!("no such service: {n}"));
        }
    }
    if named.is_empty() {
        return Ok(project.start_order());
    }
    let mut wanted: Vec<String> = named.to_vec();
    if with_deps {
        let mut i = 0;
        while let Some(name) = wanted.get(i).cloned() {
            if let Some(s) = project.service(&name) {
                for d in &s.depends_on {
                    if !wanted.contains(d) {
                        wanted.push(d.clone());
                    }
                }
            }
            i += 1;
        }
    }
    Ok(project.start_order().into_iter().filter(|s| wanted.contains(&s.name)).collect())
}

fn compose_labels(project: &str, kind: &str, key: &str) -> BTreeMap<String, String> {
    let mut l = BTreeMap::new();
    l.insert(format!("com.docker.compose.{kind}"), key.to_string());
    l.insert(PROJECT.to_string(), project.to_string());
    l.insert("com.docker.compose.version".to_string(), super::version::VERSION.to_string());
    l
}

/// Creates the networks and volumes the services use. Errors are printed.
pub fn ensure_resources(cx: &mut Ctx<'_, '_>, project: &Project, services: &[&Service], progress: &mut Progress, out: &mut Output) -> bool {
    for net in &project.networks {
        if !services.iter().any(|s| s.networks.iter().any(|n| n.key == net.key)) {
            continue;
        }
        if cx.engine.networks.find(&net.name).is_some() {
            continue;
        }
        if net.external {
            out.errln(format!("network {} declared as external, but could not be found", net.name));
            out.exit_code = 1;
            return false;
        }
        progress.event(out, "Network", &net.name, "Creating");
        let id = cx.engine.ids.next_id();
        let now = cx.engine.now();
        let labels = compose_labels(&project.name, "network", &net.key);
        if let Err(e) = cx.engine.networks.create(&net.name, id, now, false, labels) {
            progress.error(out, "Network", &net.name);
            out.errln(e);
            out.exit_code = 1;
            return false;
        }
        progress.event(out, "Network", &net.name, "Created");
    }
    for vol in &project.volumes {
        if !services.iter().any(|s| s.volumes.iter().any(|m| m.kind == "volume" && m.source.as_deref() == Some(vol.key.as_str()))) {
            continue;
        }
        if cx.engine.volumes.contains_key(&vol.name) {
            continue;
        }
        if vol.external {
            out.errln(format!("external volume \"{}\" not found", vol.name));
            out.exit_code = 1;
            return false;
        }
        progress.event(out, "Volume", &vol.name, "Creating");
        let mut v = Volume::new(&vol.name, cx.engine.now(), false);
        v.labels = compose_labels(&project.name, "volume", &vol.key);
        cx.engine.volumes.insert(vol.name.clone(), v);
        progress.event(out, "Volume", &vol.name, "Created");
    }
    true
}

/// Makes sure every service's image exists: builds (`build:` with `--build` or no image yet) or pulls.
pub fn ensure_images(cx: &mut Ctx<'_, '_>, project: &Project, services: &[&Service], force_build: bool, out: &mut Output) -> bool {
    for svc in services {
        let image = containers::image_of(project, svc);
        let present = cx.engine.images.resolve(&image).is_ok();
        if let Some(_build) = &svc.build {
            if present && !force_build {
                continue;
            }
            if !super::images::build_service(cx, project, svc, out) {
                return false;
            }
            continue;
        }
        if present && svc.pull_policy.as_deref() != Some("always") {
            continue;
        }
        if !super::images::pull_service(cx, svc, &image, out) {
            return false;
        }
    }
    true
}

pub fn up(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let named = cx.args.clone();
    let Some(project) = cx.load_named(&mut out, &named) else { return out };
    let services = match selected(&project, &named, !cx.flags.bool("no-deps")) {
        Ok(s) => s,
        Err(e) => {
            out.errln(e);
            return out.with_exit(1);
        }
    };
    let mut progress = Progress::new(cx.engine.tty);
    if !ensure_images(cx, &project, &services, cx.flags.bool("build"), &mut out) {
        return out;
    }
    if !ensure_resources(cx, &project, &services, &mut progress, &mut out) {
        progress.finish(&mut out);
        return out;
    }
    // Create what is missing, in dependency order.
    let mut to_start: Vec<(String, String)> = Vec::new();
    for svc in &services {
        for n in 1..=svc.replicas {
            let name = containers::container_name(&project, svc, n);
            if let Ok(id) = cx.engine.resolve_container_id(&name) {
                to_start.push((id, name));
                continue;
            }
            progress.event(&mut out, "Container", &name, "Creating");
            match containers::create(cx, &project, svc, &name, n, false, None) {
                Ok(id) => {
                    progress.event(&mut out, "Container", &name, "Created");
                    to_start.push((id, name));
                }
                Err(e) => {
                    progress.error(&mut out, "Container", &name);
                    progress.finish(&mut out);
                    out.errln(format!("Error response from daemon: {}", e.trim_start_matches("Error response from daemon: ")));
                    return out.with_exit(1);
                }
            }
        }
        // Scaled down: extra replicas go.
        let extra: Vec<(String, String)> = of_project(cx.engine, &project.name, true)
            .into_iter()
            .filter(|c| label(c, SERVICE) == svc.name)
            .filter(|c| label(c, containers::NUMBER).parse::<u32>().is_ok_and(|n| n > svc.replicas))
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect();
        for (id, name) in extra {
            let mut events = Vec::new();
            progress.event(&mut out, "Container", &name, "Stopping");
            let _ = cx.engine.stop(&id, None, None, &mut events);
            progress.event(&mut out, "Container", &name, "Stopped");
            progress.event(&mut out, "Container", &name, "Removing");
            let _ = cx.engine.remove(&id, &name, true, &mut events);
            progress.event(&mut out, "Container", &name, "Removed");
            out.events.extend(events);
        }
    }
    let attached = !cx.flags.bool("detach");
    if !cx.flags.bool("no-start") {
        for (id, name) in &to_start {
            if cx.engine.containers.get(id).is_some_and(|c| c.state.running) {
                progress.event(&mut out, "Container", name, "Running");
                continue;
            }
            // Attached, Compose shows the containers' output instead of their start.
            if !attached {
                progress.event(&mut out, "Container", name, "Starting");
            }
            let mut events = Vec::new();
            let result = cx.engine.start(id, &mut events);
            out.events.extend(events);
            if let Err(f) = result {
                progress.error(&mut out, "Container", name);
                progress.finish(&mut out);
                out.errln(format!("Error response from daemon: {}", f.message()));
                return out.with_exit(1);
            }
            if !attached {
                progress.event(&mut out, "Container", name, "Started");
            }
        }
    }
    progress.finish(&mut out);
    if !cx.flags.bool("detach") && !cx.flags.bool("no-start") {
        // Attached: what the containers printed so far, with their prefixes.
        let ids: Vec<String> = to_start.iter().map(|(id, _)| id.clone()).collect();
        let names: Vec<String> = ids.iter().filter_map(|id| cx.engine.containers.get(id)).map(containers::short_name).collect();
        out.outln(format!("Attaching to {}", names.join(", ")));
        // Containers that end soon by themselves are waited for (the clock jumps), as `docker run` does.
        let now = cx.engine.now();
        let exits: Vec<Option<crate::clock::Timestamp>> = ids
            .iter()
            .map(|id| match cx.engine.containers.get(id) {
                Some(c) if !c.state.running => Some(now),
                _ => cx.engine.scheduled_exit(id).map(|(when, _)| when).filter(|w| w.since(now) <= MAX_ATTACHED_WAIT_NS),
            })
            .collect();
        if exits.iter().all(Option::is_some) {
            if let Some(last) = exits.iter().flatten().max() {
                cx.engine.advance_to(*last);
                out.events.extend(cx.engine.take_pending_events());
            }
        }
        super::logs::print_logs(cx.engine, &ids, &mut out, false);
        if exits.iter().all(Option::is_some) {
            for id in &ids {
                if let Some(c) = cx.engine.containers.get(id).filter(|c| !c.state.running) {
                    out.outln(format!("\r\x1b[K{} exited with code {}", containers::short_name(c), c.state.exit_code));
                }
            }
        } else {
            // Still running: the terminal stays attached until they stop or Ctrl+C.
            out.attached = Some(super::attach::attached(cx.engine, &ids));
        }
    }
    out
}

pub fn down(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let loaded = match cx.try_load(&[]) {
        Ok(p) => Some(p),
        Err(e) if cx.globals.str("project-name").is_some() && e.kind == crate::compose::ErrorKind::NoConfigFile => None,
        Err(e) => {
            super::fail(&mut out, &e);
            return out;
        }
    };
    if let Some(p) = &loaded {
        for w in &p.warnings {
            super::warn(cx.engine, &mut out, w);
        }
    }
    let name = match (&loaded, cx.globals.str("project-name")) {
        (Some(p), _) => p.name.clone(),
        (None, Some(n)) => n.to_string(),
        (None, None) => return out,
    };
    if let Some(rmi) = cx.flags.str("rmi") {
        if rmi != "all" && rmi != "local" {
            out.errln(format!("invalid value for --rmi: {rmi}"));
            return out.with_exit(1);
        }
    }
    let timeout = cx.flags.str("timeout").and_then(|t| t.parse::<i64>().ok());
    let mut progress = Progress::new(cx.engine.tty);
    // Dependents stop first.
    let order: Vec<String> = loaded.as_ref().map(|p| p.start_order().iter().rev().map(|s| s.name.clone()).collect()).unwrap_or_default();
    let mut list: Vec<(String, String, String)> =
        of_project(cx.engine, &name, true).iter().map(|c| (c.id.clone(), c.name.clone(), label(c, SERVICE).to_string())).collect();
    list.sort_by_key(|(_, n, svc)| (order.iter().position(|o| o == svc).unwrap_or(usize::MAX), std::cmp::Reverse(n.clone())));
    for (id, cname, _) in &list {
        let mut events = Vec::new();
        progress.event(&mut out, "Container", cname, "Stopping");
        let _ = cx.engine.stop(id, timeout, None, &mut events);
        progress.event(&mut out, "Container", cname, "Stopped");
        progress.event(&mut out, "Container", cname, "Removing");
        let _ = cx.engine.remove(id, cname, true, &mut events);
        progress.event(&mut out, "Container", cname, "Removed");
        out.events.extend(events);
    }
    // Images (--rmi), volumes (-v) and networks go together: all "Removing", then all "Removed".
    let mut removing: Vec<(&str, String)> = Vec::new();
    if let (Some(rmi), Some(p)) = (cx.flags.str("rmi"), &loaded) {
        let mut images: Vec<String> = Vec::new();
        for s in &p.services {
            if rmi == "all" || s.image.is_none() {
                let img = containers::image_of(p, s);
                if !images.contains(&img) {
                    images.push(img);
                }
            }
        }
        for img in images {
            if cx.engine.images.resolve(&img).is_err() {
                continue;
            }
            let img = if img.rsplit('/').next().is_some_and(|last| last.contains(':')) { img } else { format!("{img}:latest") };
            removing.push(("Image", img));
        }
    }
    if cx.flags.bool("volumes") {
        let vols: Vec<String> = cx
            .engine
            .volumes
            .values()
            .filter(|v| v.labels.get(PROJECT).is_some_and(|p| p == &name))
            .map(|v| v.name.clone())
            .collect();
        for v in vols {
            removing.push(("Volume", v));
        }
    }
    let nets: Vec<String> = cx.engine.networks.defs.values().filter(|n| n.labels.get(PROJECT).is_some_and(|p| p == &name)).map(|n| n.name.clone()).collect();
    for n in nets {
        removing.push(("Network", n));
    }
    for (kind, n) in &removing {
        progress.event(&mut out, kind, n, "Removing");
    }
    for (kind, n) in &removing {
        match *kind {
            "Volume" => cx.engine.drop_volumes(std::slice::from_ref(n)),
            "Image" => {
                let r = containers::docker(cx, vec!["rmi".into(), n.clone()]);
                if r.exit_code != 0 {
                    progress.error(&mut out, kind, n);
                    continue;
                }
            }
            _ => {
                cx.engine.networks.defs.remove(n);
            }
        }
        progress.event(&mut out, kind, n, "Removed");
    }
    progress.finish(&mut out);
    out
}
