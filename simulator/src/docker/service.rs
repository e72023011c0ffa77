//! `docker service create / ls / ps / scale / logs / rm / inspect`: replicated services whose tasks
//! are real containers of the engine (named `service.slot.taskid`), with their secrets as files in
//! `/run/secrets`.

use serde_json::Value;

use crate::cli::{self, Invocation};
use crate::docker::{errors, listing, run, swarm};
use crate::engine::names;
use crate::engine::reference::Reference;
use crate::engine::Engine;
use crate::json_object::{JsonObject, Lit};
use crate::format::units::human_duration;
use crate::fs::Content;
use crate::hub;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::registry::Host;
use crate::shell::ProgramCall;
use crate::swarm::{new_id, SecretMount, Service, Task};

/// What `docker service create` / `docker stack deploy` asks for.
#[derive(Debug, Clone, Default)]
pub struct ServiceSpec {
    pub name: String,
    /// As typed (`busybox`, `myapp:1.0`).
    pub image: String,
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub secrets: Vec<SecretMount>,
    pub replicas: u32,
    pub stack: Option<String>,
    /// Extra `docker run` options for the task containers (`--memory`, `--cpus`).
    pub run_options: Vec<String>,
    /// Published ports `(published, target)`.
    pub ports: Vec<(u16, u16)>,
}

/// The image reference a service records: the familiar name with a tag (`busybox:latest`).
pub fn service_image(typed: &str) -> String {
    match Reference::parse(typed) {
        Ok(r) => r.with_default_tag().familiar(),
        Err(_) => typed.to_string(),
    }
}

/// True when a registry can tell the image's digest (otherwise the CLI warns).
fn resolvable(engine: &Engine, image: &str) -> bool {
    let Ok(r) = Reference::parse(image) else { return false };
    let r = r.with_default_tag();
    match Host::lookup(&r.domain) {
        Some(h) if r.domain == "docker.io" => {
            let in_catalog = r.tag.as_deref().is_some_and(|t| hub::find(&r.familiar_name(), t).is_some());
            !engine.hub_offline && (in_catalog || engine.registries.find(&h.domain, &r.path, r.tag.as_deref(), None).is_some())
        }
        Some(h) => engine.registries.find(&h.domain, &r.path, r.tag.as_deref(), None).is_some(),
        None => false,
    }
}

/// The warning the CLI prints when it cannot pin the image to a digest.
pub fn unresolved_warning(image: &str) -> String {
    format!(
        "image {image} could not be accessed on a registry to record\nits digest. Each node will access {image} independently,\npossibly leading to different nodes running different\nversions of the image.\n"
    )
}

/// Creates the service and starts its tasks; returns its ID or the daemon's error.
pub fn create_service(engine: &mut Engine, spec: ServiceSpec, call: &ProgramCall<'_>, project: &mut dyn ProjectFiles, out: &mut Output) -> Result<String, String> {
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return Err(swarm::NOT_MANAGER.to_string()) };
    if cluster.service(&spec.name).is_some_and(|s| s.name == spec.name) {
        return Err(format!("rpc error: code = AlreadyExists desc = name conflicts with an existing object: service {} already exists", spec.name));
    }
    for m in &spec.secrets {
        if cluster.secret(&m.secret).is_none() {
            return Err(format!("secret not found: {}", m.secret));
        }
    }
    if Reference::parse(&spec.image).is_err() {
        return Err(format!("rpc error: code = InvalidArgument desc = ContainerSpec: \"{}\" is not a valid repository/tag", spec.image));
    }
    let id = new_id(&mut engine.ids);
    let now = engine.now();
    let service = Service {
        id: id.clone(),
        name: spec.name.clone(),
        image: service_image(&spec.image),
        args: spec.args,
        env: spec.env,
        secrets: spec.secrets,
        replicas: 0,
        tasks: Vec::new(),
        stack: spec.stack,
        created: now,
        run_options: spec.run_options,
        ports: spec.ports,
    };
    if let Some(c) = engine.swarm.cluster.as_mut() {
        c.services.push(service);
    }
    scale_to(engine, &id, spec.replicas, call, project, out);
    Ok(id)
}

/// Starts or removes tasks until the service has `replicas` of them.
pub fn scale_to(engine: &mut Engine, service_id: &str, replicas: u32, call: &ProgramCall<'_>, project: &mut dyn ProjectFiles, out: &mut Output) {
    let Some(service) = engine.swarm.cluster.as_ref().and_then(|c| c.service(service_id)).cloned() else { return };
    let mut tasks = service.tasks.clone();
    // Scale down: the highest slots go first.
    while tasks.len() > replicas as usize {
        if let Some(t) = tasks.pop() {
            remove_containers(engine, &[t.container_id], out);
        }
    }
    let mut slot = tasks.iter().map(|t| t.slot).max().unwrap_or(0);
    while tasks.len() < replicas as usize {
        slot += 1;
        match start_task(engine, &service, slot, call, project, out) {
            Some(t) => tasks.push(t),
            None => break,
        }
    }
    if let Some(s) = engine.swarm.cluster.as_mut().and_then(|c| c.service_mut(service_id)) {
        s.tasks = tasks;
        s.replicas = replicas;
    }
}

/// Runs one task's container (`docker run -d --name svc.slot.taskid …`) and puts the service's
/// secrets into it.
fn start_task(engine: &mut Engine, service: &Service, slot: u32, call: &ProgramCall<'_>, project: &mut dyn ProjectFiles, out: &mut Output) -> Option<Task> {
    let task_id = new_id(&mut engine.ids);
    let container_name = format!("{}.{slot}.{task_id}", service.name);
    let mut args: Vec<String> = vec!["run".into(), "-d".into(), "--name".into(), container_name.clone()];
    let mut label = |k: &str, v: &str| {
        args.push("--label".into());
        args.push(format!("{k}={v}"));
    };
    label("com.docker.swarm.service.id", &service.id);
    label("com.docker.swarm.service.name", &service.name);
    label("com.docker.swarm.task.id", &task_id);
    label("com.docker.swarm.task.name", &format!("{}.{slot}", service.name));
    if let Some(stack) = &service.stack {
        label("com.docker.stack.namespace", stack);
    }
    for e in &service.env {
        args.push("-e".into());
        args.push(e.clone());
    }
    args.extend(service.run_options.iter().cloned());
    if slot == 1 {
        for (published, target) in &service.ports {
            args.push("-p".into());
            args.push(format!("{published}:{target}"));
        }
    }
    args.push(service.image.clone());
    args.extend(service.args.iter().cloned());
    let parsed = cli::parse_full(&args).ok()?;
    let argv: Vec<String> = std::iter::once("docker".to_string()).chain(args.iter().cloned()).collect();
    let inner = ProgramCall { argv: &argv, stdin: None, env: call.env, cwd: call.cwd };
    let result = run::run(engine, &parsed.invocation, inner, project);
    // The panel animates the task's container like any other.
    out.events.extend(result.events.iter().cloned());
    if result.exit_code != 0 {
        return None;
    }
    let container_id = engine.containers.values().find(|c| c.name == container_name).map(|c| c.id.clone())?;
    let secrets: Vec<(String, Vec<u8>)> = engine
        .swarm
        .cluster
        .as_ref()
        .map(|c| service.secrets.iter().filter_map(|m| c.secret(&m.secret).map(|s| (m.target.clone(), s.data.clone()))).collect())
        .unwrap_or_default();
    if let Some(c) = engine.containers.get_mut(&container_id) {
        for (target, data) in secrets {
            let dir = target.rsplit_once('/').map_or("/run/secrets", |(d, _)| d).to_string();
            let _ = c.fs.mkdir_all(if dir.is_empty() { "/" } else { &dir });
            let _ = c.fs.write_content(&target, Content::bytes(&data), Some(0o444));
        }
    }
    Some(Task { id: task_id, slot, container_id, created: engine.now() })
}

/// Removes containers by ID as `docker rm -f` does (events included, output dropped).
pub fn remove_containers(engine: &mut Engine, ids: &[String], out: &mut Output) {
    if ids.is_empty() {
        return;
    }
    let args: Vec<String> = ["rm", "-f"].iter().map(|s| (*s).to_string()).chain(ids.iter().cloned()).collect();
    if let Ok(parsed) = cli::parse_full(&args) {
        let result = crate::docker::rm::rm(engine, &parsed.invocation);
        out.events.extend(result.events);
    }
}

/// Docker's progress display while a service converges (`id` as the learner named it).
pub fn converge_progress(engine: &mut Engine, id: &str, replicas: u32, running_before: u32, out: &mut Output) {
    if engine.tty {
        out.outln(format!("overall progress: {replicas} out of {replicas} tasks "));
        for i in 1..=replicas {
            out.outln(format!("{i}/{replicas}: running   [==================================================>] "));
        }
        out.outln("verify: Service converged ");
    } else {
        out.outln(format!("overall progress: 0 out of {replicas} tasks"));
        for i in 1..=replicas {
            out.outln(format!("{i}/{replicas}:  "));
        }
        let repeats = if running_before == 0 { 2 } else { 3 };
        for _ in 0..repeats {
            out.outln(format!("overall progress: {} out of {replicas} tasks", running_before.min(replicas)));
        }
        out.outln(format!("overall progress: {replicas} out of {replicas} tasks"));
        for secs in (1..=5).rev() {
            for _ in 0..5 {
                out.outln(format!("verify: Waiting {secs} seconds to verify that tasks are stable..."));
            }
        }
        out.outln(format!("verify: Service {id} converged"));
    }
    let later = engine.now().plus_secs(5);
    engine.advance_to(later);
}

fn generate_service_name(engine: &mut Engine) -> String {
    for retry in 0..10 {
        let (a, b) = (engine.ids.next_u64(), engine.ids.next_u64());
        let candidate = names::generate(a, b, retry);
        if engine.swarm.cluster.as_ref().is_none_or(|c| c.service(&candidate).is_none()) {
            return candidate;
        }
    }
    new_id(&mut engine.ids)
}

/// Parses a `--publish` value: `8080:80` or `published=8080,target=80` (TCP).
pub fn parse_publish(value: &str) -> Option<(u16, u16)> {
    let value = value.strip_suffix("/tcp").unwrap_or(value);
    if value.contains('=') {
        let mut published = None;
        let mut target = None;
        for part in value.split(',') {
            match part.split_once('=')? {
                ("published", v) => published = v.parse().ok(),
                ("target", v) => target = v.parse().ok(),
                _ => {}
            }
        }
        return Some((published?, target?));
    }
    let (published, target) = value.split_once(':')?;
    Some((published.parse().ok()?, target.parse().ok()?))
}

/// `*:8080->80/tcp` for each published port, as `docker service ls` shows them.
fn ports_text(s: &Service) -> String {
    s.ports.iter().map(|(p, t)| format!("*:{p}->{t}/tcp")).collect::<Vec<_>>().join(", ")
}

/// Parses `--secret` values: `name` or `source=name,target=path`.
pub fn secret_mounts(values: &[String]) -> Result<Vec<SecretMount>, String> {
    values
        .iter()
        .map(|v| {
            let mut source = None;
            let mut target = None;
            if v.contains('=') {
                for part in v.split(',') {
                    match part.split_once('=') {
                        Some(("source" | "src", s)) => source = Some(s.to_string()),
                        Some(("target", t)) => target = Some(t.to_string()),
                        Some(("uid" | "gid" | "mode", _)) => {}
                        _ => return Err(format!("invalid field '{part}' must be a key=value pair")),
                    }
                }
            } else {
                source = Some(v.clone());
            }
            let source = source.filter(|s| !s.is_empty()).ok_or_else(|| format!("source is required: {v}"))?;
            let target = target.unwrap_or_else(|| source.clone());
            let target = if target.starts_with('/') { target } else { format!("/run/secrets/{target}") };
            Ok(SecretMount { secret: source, target })
        })
        .collect()
}

/// `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]`.
pub fn create(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let Some(image) = inv.args.first().cloned() else { return out };
    let secrets = match secret_mounts(inv.list("secret")) {
        Ok(s) => s,
        Err(e) => {
            errors::option_error(&mut out, &e, &inv.typed);
            return out;
        }
    };
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let replicas = inv.int("replicas").and_then(|n| u32::try_from(n).ok()).unwrap_or(1);
    let name = match inv.str("name").filter(|n| !n.is_empty()) {
        Some(n) => n.to_string(),
        None => generate_service_name(engine),
    };
    let mut run_options = Vec::new();
    for (flag, run_flag) in [("limit-memory", "--memory"), ("limit-cpu", "--cpus")] {
        if let Some(v) = inv.str(flag).filter(|v| !v.is_empty()) {
            run_options.push(run_flag.to_string());
            run_options.push(v.to_string());
        }
    }
    let mut ports = Vec::new();
    for p in inv.list("publish") {
        match parse_publish(p) {
            Some(pair) => ports.push(pair),
            None => {
                errors::option_error(&mut out, &format!("invalid argument \"{p}\" for \"-p, --publish\" flag: invalid published port"), &inv.typed);
                return out;
            }
        }
    }
    let spec = ServiceSpec {
        name,
        ports,
        image: image.clone(),
        args: inv.args.get(1..).unwrap_or_default().to_vec(),
        env: inv.list("env").to_vec(),
        secrets,
        replicas,
        stack: None,
        run_options,
    };
    let recorded = service_image(&image);
    let taken = engine.swarm.cluster.as_ref().and_then(|c| c.service(&spec.name)).is_some_and(|s| s.name == spec.name);
    if taken {
        errors::daemon(
            &mut out,
            &format!("rpc error: code = AlreadyExists desc = name conflicts with an existing object: service {} already exists", spec.name),
        );
        return out.with_exit(1);
    }
    if Reference::parse(&recorded).is_ok() && !resolvable(engine, &recorded) {
        out.err(unresolved_warning(&recorded));
        out.outln("");
    }
    match create_service(engine, spec, &call, project, &mut out) {
        Ok(id) => {
            out.outln(&id);
            if !inv.bool("detach") && !inv.bool("quiet") {
                converge_progress(engine, &id, replicas, 0, &mut out);
            }
        }
        Err(e) => {
            if e.starts_with("secret not found") {
                out.errln(e);
            } else {
                errors::daemon(&mut out, &e);
            }
            out.exit_code = 1;
        }
    }
    out
}

fn running_tasks(engine: &Engine, s: &Service) -> usize {
    s.tasks.iter().filter(|t| engine.containers.get(&t.container_id).is_some_and(|c| c.state.running)).count()
}

const LS_HEADERS: &[(&str, &str)] = &[
    ("ID", "ID"),
    ("Name", "NAME"),
    ("Mode", "MODE"),
    ("Replicas", "REPLICAS"),
    ("Image", "IMAGE"),
    ("Ports", "PORTS"),
];

/// Rows of `docker service ls` / `docker stack services` for the services `keep` selects.
pub fn list_services(engine: &Engine, inv: &Invocation, keep: impl Fn(&Service) -> bool) -> Output {
    list_services_dyn(engine, inv, &keep)
}

/// [`list_services`]'s body, compiled once rather than once per filter.
#[inline(never)]
fn list_services_dyn(engine: &Engine, inv: &Invocation, keep: &dyn Fn(&Service) -> bool) -> Output {
    let mut out = Output::new();
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let mut services: Vec<&Service> = cluster.services.iter().filter(|s| keep(s)).collect();
    crate::sort::sort_by(&mut services, |a, b| a.name.cmp(&b.name));
    let rows: Vec<Value> = services
        .iter()
        .map(|s| {
            let mut o = JsonObject::new();
            o.str("ID", s.id.get(..12).unwrap_or(&s.id));
            o.str("Name", &s.name);
            o.str("Mode", "replicated");
            o.string("Replicas", format!("{}/{}", running_tasks(engine, s), s.replicas));
            o.str("Image", &s.image);
            o.string("Ports", ports_text(s));
            o.into_value()
        })
        .collect();
    let format = listing::quiet_or_format(inv, "{{.ID}}", "table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}");
    listing::Listing::new("*formatter.serviceContext", LS_HEADERS).print(&format, &rows, &mut out);
    out
}

/// `docker service ls`.
pub fn ls(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    list_services(engine, inv, |_| true)
}

const PS_HEADERS: &[(&str, &str)] = &[
    ("ID", "ID"),
    ("Name", "NAME"),
    ("Image", "IMAGE"),
    ("Node", "NODE"),
    ("DesiredState", "DESIRED STATE"),
    ("CurrentState", "CURRENT STATE"),
    ("Error", "ERROR"),
    ("Ports", "PORTS"),
];

/// Rows of `docker service ps` / `docker stack ps` for the given services.
pub fn list_tasks(engine: &Engine, inv: &Invocation, services: &[&Service]) -> Output {
    let mut out = Output::new();
    let now = engine.now();
    let mut rows = Vec::new();
    for s in services {
        for t in &s.tasks {
            let (state, since) = match engine.containers.get(&t.container_id) {
                Some(c) if c.state.running => ("Running", t.created),
                Some(_) => ("Complete", t.created),
                None => ("Shutdown", t.created),
            };
            let ago = format!("{} ago", human_duration(now.since(since)));
            let mut o = JsonObject::new();
            o.str("ID", t.id.get(..12).unwrap_or(&t.id));
            o.string("Name", format!("{}.{}", s.name, t.slot));
            o.str("Image", &s.image);
            o.str("Node", swarm::node_hostname(engine));
            o.str("DesiredState", if state == "Running" { "Running" } else { "Shutdown" });
            o.string("CurrentState", format!("{state} {ago}"));
            o.lits(&[("Error", Lit::Str("")), ("Ports", Lit::Str(""))]);
            rows.push(o.into_value());
        }
    }
    let format = listing::quiet_or_format(
        inv,
        "{{.ID}}",
        "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}",
    );
    listing::Listing::new("*formatter.taskContext", PS_HEADERS).print(&format, &rows, &mut out);
    out
}

/// `docker service ps SERVICE...`.
pub fn ps(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let mut found = Vec::new();
    for name in &inv.args {
        match cluster.service(name) {
            Some(s) => found.push(s),
            None => {
                out.errln(format!("no such service: {name}"));
                return out.with_exit(1);
            }
        }
    }
    list_tasks(engine, inv, &found)
}

/// `docker service scale SERVICE=REPLICAS...`.
pub fn scale(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    // `SERVICE=REPLICAS`: a missing `=` stops everything; a bad number only skips that service.
    let mut wanted: Vec<(String, Result<u32, String>)> = Vec::new();
    for arg in &inv.args {
        let Some((name, value)) = arg.split_once('=').filter(|(n, _)| !n.is_empty()) else {
            out.errln(format!(
                "invalid scale specifier '{arg}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services"
            ));
            return out.with_exit(1);
        };
        let replicas = value
            .parse::<u32>()
            .map_err(|_| format!("invalid replicas value {value}: strconv.ParseUint: parsing \"{value}\": invalid syntax"));
        wanted.push((name.to_string(), replicas));
    }
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let mut failed = false;
    for (name, replicas) in wanted {
        let replicas = match replicas {
            Ok(r) => r,
            Err(e) => {
                out.errln(format!("{name}: {e}"));
                failed = true;
                continue;
            }
        };
        let Some(service) = engine.swarm.cluster.as_ref().and_then(|c| c.service(&name)).cloned() else {
            out.errln(format!("{name}: Error response from daemon: service {name} not found"));
            failed = true;
            continue;
        };
        let before = u32::try_from(running_tasks(engine, &service)).unwrap_or(0);
        scale_to(engine, &service.id, replicas, &call, project, &mut out);
        out.outln(format!("{name} scaled to {replicas}"));
        if !inv.bool("detach") {
            converge_progress(engine, &name, replicas, before, &mut out);
        }
    }
    if failed {
        out.exit_code = 1;
    }
    out
}

/// `docker service logs SERVICE`: every task's output, prefixed with the task and node.
pub fn logs(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let Some(name) = inv.args.first() else { return out };
    let Some(service) = cluster.service(name) else {
        errors::daemon(&mut out, &format!("service {name} not found"));
        return out.with_exit(1);
    };
    let mut entries = Vec::new();
    for t in &service.tasks {
        if let Some(c) = engine.containers.get(&t.container_id) {
            let prefix = format!("{}.{}.{}@{}", service.name, t.slot, t.id.get(..12).unwrap_or(&t.id), swarm::node_hostname(engine));
            for e in &c.logs {
                entries.push((e.time, e.stream, format!("{prefix}    | {}", e.text)));
            }
        }
    }
    crate::sort::sort_by_key(&mut entries, |e| e.0);
    for (_, stream, text) in entries {
        out.push(stream, &text);
        if !text.ends_with('\n') {
            out.push(stream, "\n");
        }
    }
    out
}

/// `docker service rm SERVICE...`.
pub fn rm(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let mut failed = false;
    for name in &inv.args {
        let Some(service) = engine.swarm.cluster.as_ref().and_then(|c| c.service(name)).cloned() else {
            errors::daemon(&mut out, &format!("service {name} not found"));
            failed = true;
            continue;
        };
        remove_service(engine, &service.id, &mut out);
        out.outln(name);
    }
    if failed {
        out.exit_code = 1;
    }
    out
}

/// Removes a service and its task containers.
pub fn remove_service(engine: &mut Engine, id: &str, out: &mut Output) {
    let containers: Vec<String> = engine
        .swarm
        .cluster
        .as_ref()
        .and_then(|c| c.service(id))
        .map(|s| s.tasks.iter().map(|t| t.container_id.clone()).collect())
        .unwrap_or_default();
    remove_containers(engine, &containers, out);
    if let Some(c) = engine.swarm.cluster.as_mut() {
        c.services.retain(|s| s.id != id);
    }
}

fn service_json(s: &Service) -> Value {
    let secrets = s.secrets.iter().map(|m| {
        let mut file = JsonObject::new();
        file.str("Name", m.target.strip_prefix("/run/secrets/").unwrap_or(&m.target));
        file.lits(&[("UID", Lit::Str("0")), ("GID", Lit::Str("0")), ("Mode", Lit::Int(292))]);
        let mut o = JsonObject::new();
        o.value("File", file.into_value());
        o.str("SecretName", &m.secret);
        o.into_value()
    });
    let mut container = JsonObject::new();
    container.str("Image", &s.image);
    container.strings("Args", &s.args);
    container.strings("Env", &s.env);
    container.value("Secrets", Value::Array(secrets.collect()));
    let mut template = JsonObject::new();
    template.value("ContainerSpec", container.into_value());
    let mut replicated = JsonObject::new();
    replicated.int("Replicas", i64::from(s.replicas));
    let mut mode = JsonObject::new();
    mode.value("Replicated", replicated.into_value());
    let mut spec = JsonObject::new();
    spec.str("Name", &s.name);
    spec.value("Labels", Value::Object(serde_json::Map::new()));
    spec.value("TaskTemplate", template.into_value());
    spec.value("Mode", mode.into_value());
    super::secret::swarm_object(&s.id, 12, &s.created, spec)
}

/// `docker service inspect SERVICE...`.
pub fn inspect(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let format = inv.str("format").unwrap_or("");
    crate::docker::inspect::inspect_each(format, &inv.args, |name| {
        cluster.service(name).map(service_json).ok_or_else(|| format!("Error: no such service: {name}"))
    })
}
