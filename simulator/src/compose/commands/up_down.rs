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

/// Services grouped by dependency depth: those depending on nothing first.
pub fn levels<'p>(services: &[&'p Service]) -> Vec<Vec<&'p Service>> {
    let names: Vec<&str> = services.iter().map(|s| s.name.as_str()).collect();
    // (service name, depth), one pair per name.
    let mut depth: Vec<(&str, usize)> = Vec::new();
    let depth_of = |depth: &[(&str, usize)], name: &str| depth.iter().find(|(n, _)| *n == name).map(|(_, d)| *d);
    // Relaxation bounded by the number of services (cycles cannot loop forever).
    for _ in 0..=services.len() {
        for s in services {
            let d = s.depends_on.iter().filter(|d| names.contains(&d.as_str())).map(|d| depth_of(&depth, d).map_or(1, |x| x + 1)).max().unwrap_or(0);
            let d = d.min(services.len());
            match depth.iter_mut().find(|(n, _)| *n == s.name) {
                Some(slot) => slot.1 = d,
                None => depth.push((s.name.as_str(), d)),
            }
        }
    }
    let max = depth.iter().map(|(_, d)| *d).max().unwrap_or(0);
    (0..=max)
        .map(|l| services.iter().copied().filter(|s| depth_of(&depth, &s.name) == Some(l)).collect::<Vec<&Service>>())
        .filter(|g| !g.is_empty())
        .collect()
}

/// The order services stop in: those nothing depends on first (level 0), then what they depend on.
/// (service name, level), one entry per name; read it with [`stop_level`].
pub fn stop_levels(services: &[Service]) -> Vec<(String, usize)> {
    let mut depth: Vec<(String, usize)> = Vec::new();
    for s in services {
        if !depth.iter().any(|(n, _)| *n == s.name) {
            depth.push((s.name.clone(), 0));
        }
    }
    // Relaxation bounded by the number of services (cycles cannot loop forever).
    for _ in 0..=services.len() {
        for s in services {
            let mine = stop_level(&depth, &s.name);
            for d in &s.depends_on {
                if let Some(slot) = depth.iter_mut().find(|(n, _)| n == d) {
                    slot.1 = slot.1.max(mine + 1).min(services.len());
                }
            }
        }
    }
    depth
}

/// The stop level of `service` in [`stop_levels`]' answer (0 when it is not there).
pub fn stop_level(levels: &[(String, usize)], service: &str) -> usize {
    levels.iter().find(|(n, _)| n == service).map_or(0, |(_, l)| *l)
}

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
    let Some(mut project) = cx.load_named(&mut out, &named) else { return out };
    // --scale SERVICE=NUM overrides the file's replicas.
    for spec in cx.flags.list("scale") {
        let (svc, n) = spec.split_once('=').unwrap_or((spec.as_str(), ""));
        let Ok(n) = n.parse::<u32>() else {
            out.errln(format!("invalid argument \"{spec}\" for \"--scale\" flag: scale must be SERVICE=NUM"));
            return out.with_exit(1);
        };
        match project.services.iter_mut().find(|s| s.name == svc) {
            Some(s) => s.replicas = n.min(100),
            None => {
                out.errln(format!("no such service: {svc}"));
                return out.with_exit(1);
            }
        }
    }
    let project = project;
    let services = match selected(&project, &named, !cx.flags.bool("no-deps")) {
        Ok(s) => s,
        Err(e) => {
            out.errln(e);
            return out.with_exit(1);
        }
    };
    let mut progress = Progress::with_mode(cx.engine.tty, cx.globals.str("progress"));
    if !ensure_images(cx, &project, &services, cx.flags.bool("build"), &mut out) {
        return out;
    }
    // Containers of services that are no longer in the files.
    let orphans: Vec<(String, String)> = of_project(cx.engine, &project.name, true)
        .into_iter()
        .filter(|c| project.service(label(c, SERVICE)).is_none() && !project.disabled_services.iter().any(|d| d == label(c, SERVICE)))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    if !orphans.is_empty() {
        if cx.flags.bool("remove-orphans") {
            for (id, name) in &orphans {
                let mut events = Vec::new();
                progress.event(&mut out, "Container", name, "Stopping");
                let _ = cx.engine.stop(id, None, None, &mut events);
                progress.event(&mut out, "Container", name, "Stopped");
                progress.event(&mut out, "Container", name, "Removing");
                let _ = cx.engine.remove(id, name, true, &mut events);
                progress.event(&mut out, "Container", name, "Removed");
                out.events.extend(events);
            }
        } else {
            let names: Vec<&str> = orphans.iter().map(|(_, n)| n.as_str()).collect();
            super::warn(
                cx.engine,
                &mut out,
                &format!(
                    "Found orphan containers ([{}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.",
                    names.join(" ")
                ),
            );
        }
    }
    if !ensure_resources(cx, &project, &services, &mut progress, &mut out) {
        progress.finish(&mut out);
        return out;
    }
    // Create what is missing, level by level of the dependencies. Compose works on the containers
    // of a level concurrently: every container is announced before the first one is done.
    let timeout = cx.flags.str("timeout").and_then(|t| t.parse::<i64>().ok());
    let mut to_start: Vec<(String, String, usize, String)> = Vec::new();
    let mut attach_ids: Vec<String> = Vec::new();
    for (level, group) in levels(&services).into_iter().enumerate() {
        let mut pending: Vec<(&Service, u32, String, bool)> = Vec::new();
        for svc in &group {
            for n in 1..=svc.replicas {
                let name = containers::container_name(&project, svc, n);
                let Ok(id) = cx.engine.resolve_container_id(&name) else {
                    progress.event(&mut out, "Container", &name, "Creating");
                    pending.push((svc, n, name, false));
                    continue;
                };
                let stale = cx.engine.containers.get(&id).is_some_and(|c| containers::needs_recreate(cx.engine, &project, svc, c));
                if !stale || cx.flags.bool("no-recreate") {
                    attach_ids.push(id.clone());
                    if cx.engine.containers.get(&id).is_some_and(|c| c.state.running) {
                        progress.event(&mut out, "Container", &name, "Running");
                    } else {
                        to_start.push((id, name, level, svc.name.clone()));
                    }
                    continue;
                }
                // The configuration changed: the old container goes, a new one takes its name.
                progress.event(&mut out, "Container", &name, "Recreate");
                let mut events = Vec::new();
                let _ = cx.engine.stop(&id, timeout, None, &mut events);
                let _ = cx.engine.remove(&id, &name, true, &mut events);
                out.events.extend(events);
                pending.push((svc, n, name, true));
            }
        }
        for (svc, n, name, recreate) in pending {
            match containers::create(cx, &project, svc, &name, n, false, None) {
                Ok(id) => {
                    progress.event(&mut out, "Container", &name, if recreate { "Recreated" } else { "Created" });
                    attach_ids.push(id.clone());
                    to_start.push((id, name, level, svc.name.clone()));
                }
                Err(e) => {
                    progress.error(&mut out, "Container", &name);
                    progress.finish(&mut out);
                    out.errln(format!("Error response from daemon: {}", e.trim_start_matches("Error response from daemon: ")));
                    return out.with_exit(1);
                }
            }
        }
        // Scaled down: extra replicas go, the highest numbers first.
        for svc in &group {
            let mut extra: Vec<(u32, String, String)> = of_project(cx.engine, &project.name, true)
                .into_iter()
                .filter(|c| label(c, SERVICE) == svc.name)
                .filter_map(|c| label(c, containers::NUMBER).parse::<u32>().ok().filter(|n| *n > svc.replicas).map(|n| (n, c.id.clone(), c.name.clone())))
                .collect();
            crate::sort::sort_by_key(&mut extra, |b| std::cmp::Reverse(b.0));
            for (_, id, name) in extra {
                let mut events = Vec::new();
                progress.event(&mut out, "Container", &name, "Stopping");
                let _ = cx.engine.stop(&id, timeout, None, &mut events);
                progress.event(&mut out, "Container", &name, "Stopped");
                progress.event(&mut out, "Container", &name, "Removing");
                let _ = cx.engine.remove(&id, &name, true, &mut events);
                progress.event(&mut out, "Container", &name, "Removed");
                out.events.extend(events);
            }
        }
    }
    // Attached, Compose shows the containers' output instead of their start.
    let quiet_start = !cx.flags.bool("detach");
    if !cx.flags.bool("no-start") {
        let max_level = to_start.iter().map(|t| t.2).max().unwrap_or(0);
        for level in 0..=max_level {
            let batch: Vec<(String, String, String)> =
                to_start.iter().filter(|t| t.2 == level).map(|(id, name, _, svc)| (id.clone(), name.clone(), svc.clone())).collect();
            // Services of one level start together; the replicas of one service one after the other.
            let together = batch.first().is_some_and(|first| batch.iter().any(|b| b.2 != first.2));
            if together && !quiet_start {
                for (_, name, _) in &batch {
                    progress.event(&mut out, "Container", name, "Starting");
                }
            }
            for (id, name, _) in &batch {
                if !together && !quiet_start {
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
                if !quiet_start {
                    progress.event(&mut out, "Container", name, "Started");
                }
                let later = cx.engine.now().plus_nanos(containers::STEP_NANOS);
                cx.engine.advance_to(later);
            }
        }
    }
    progress.finish(&mut out);
    if !cx.flags.bool("detach") && !cx.flags.bool("no-start") {
        // Attached: what the containers printed so far, with their prefixes.
        let ids: Vec<String> = attach_ids.clone();
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
    let mut progress = Progress::with_mode(cx.engine.tty, cx.globals.str("progress"));
    // Dependents stop first; the containers of one level stop together.
    let depth = loaded.as_ref().map(|p| stop_levels(&p.services)).unwrap_or_default();
    // One-off `run` containers stay unless --remove-orphans.
    let found = if cx.flags.bool("remove-orphans") { containers::with_one_offs(cx.engine, &name) } else { of_project(cx.engine, &name, true) };
    let mut list: Vec<(String, String, String)> = found.iter().map(|c| (c.id.clone(), c.name.clone(), label(c, SERVICE).to_string())).collect();
    crate::sort::sort_by_key(&mut list, |(_, n, svc)| (stop_level(&depth, svc), n.clone()));
    let level_of = |svc: &str| stop_level(&depth, svc);
    let mut levels_present: Vec<usize> = list.iter().map(|(_, _, s)| level_of(s)).collect();
    crate::sort::sort(&mut levels_present);
    levels_present.dedup();
    for level in levels_present {
        let batch: Vec<&(String, String, String)> = list.iter().filter(|(_, _, s)| level_of(s) == level).collect();
        for (_, cname, _) in &batch {
            progress.event(&mut out, "Container", cname, "Stopping");
        }
        for (id, cname, _) in batch {
            let mut events = Vec::new();
            let _ = cx.engine.stop(id, timeout, None, &mut events);
            progress.event(&mut out, "Container", cname, "Stopped");
            progress.event(&mut out, "Container", cname, "Removing");
            let _ = cx.engine.remove(id, cname, true, &mut events);
            progress.event(&mut out, "Container", cname, "Removed");
            out.events.extend(events);
        }
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
        // A network a container still uses (a one-off `run` container…) stays.
        if *kind == "Network" && cx.engine.containers.values().any(|c| c.attachments.iter().any(|a| &a.network == n)) {
            progress.event(&mut out, kind, n, "Resource is still in use");
            continue;
        }
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
