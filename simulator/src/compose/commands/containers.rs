//! The containers of a project (found by their `com.docker.compose.*` labels) and how `up`/`run`
//! create them through the engine's own `docker create`.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::Ctx;
use crate::compose::model::{Project, Service};
use crate::engine::container::Container;
use crate::engine::networks::Attachment;
use crate::engine::Engine;
use crate::output::{Output, Stream};
use crate::shell::ProgramCall;

pub const PROJECT: &str = "com.docker.compose.project";
pub const SERVICE: &str = "com.docker.compose.service";
pub const NUMBER: &str = "com.docker.compose.container-number";
pub const ONEOFF: &str = "com.docker.compose.oneoff";
pub const CONFIG_FILES: &str = "com.docker.compose.project.config_files";
pub const WORKING_DIR: &str = "com.docker.compose.project.working_dir";

/// How long one create or start takes on the simulated daemon.
pub const STEP_NANOS: i64 = 30_000_000;

pub fn label<'c>(c: &'c Container, key: &str) -> &'c str {
    c.config.labels.get(key).map_or("", String::as_str)
}

/// The project's service containers (not one-off), sorted by name; only running ones unless `all`.
pub fn of_project<'e>(engine: &'e Engine, project: &str, all: bool) -> Vec<&'e Container> {
    let mut v: Vec<&Container> = engine
        .containers
        .values()
        .filter(|c| label(c, PROJECT) == project && label(c, ONEOFF) != "True")
        .filter(|c| all || c.state.running)
        .collect();
    crate::sort::sort_by(&mut v, |a, b| a.name.cmp(&b.name));
    v
}

/// Every container of the project, one-off `run` containers included (as `ps` lists them).
pub fn with_one_offs<'e>(engine: &'e Engine, project: &str) -> Vec<&'e Container> {
    let mut v: Vec<&Container> = engine.containers.values().filter(|c| label(c, PROJECT) == project).collect();
    crate::sort::sort_by(&mut v, |a, b| a.name.cmp(&b.name));
    v
}

/// The container's short name in logs and `top`: `web-1`.
pub fn short_name(c: &Container) -> String {
    format!("{}-{}", label(c, SERVICE), label(c, NUMBER))
}

/// `project-service-N`, or the `container_name`.
pub fn container_name(project: &Project, svc: &Service, number: u32) -> String {
    svc.container_name.clone().unwrap_or_else(|| format!("{}-{}-{number}", project.name, svc.name))
}

/// Runs a `docker …` command of the engine itself, for its effects and output.
pub fn docker(cx: &mut Ctx<'_, '_>, args: Vec<String>) -> Output {
    let call = ProgramCall { argv: &args, stdin: None, env: cx.call.env, cwd: cx.call.cwd };
    let mut out = crate::docker::dispatch(cx.engine, &args, call, cx.project_files);
    cx.events.append(&mut out.events);
    out
}

/// The labels Compose puts on a container.
pub fn labels(engine: &Engine, project: &Project, svc: &Service, number: u32, oneoff: bool, image_id: &str) -> BTreeMap<String, String> {
    let mut l = BTreeMap::new();
    l.insert(CONFIG_HASH.into(), config_hash(project, svc));
    l.insert(NUMBER.into(), number.to_string());
    let deps: Vec<String> = svc.depends_on.iter().map(|d| format!("{d}:service_started:false")).collect();
    l.insert("com.docker.compose.depends_on".into(), deps.join(","));
    l.insert(IMAGE.into(), image_id.to_string());
    l.insert(ONEOFF.into(), if oneoff { "True" } else { "False" }.into());
    l.insert(PROJECT.into(), project.name.clone());
    l.insert(CONFIG_FILES.into(), project.config_files.join(","));
    l.insert(WORKING_DIR.into(), project.working_dir.clone());
    l.insert(SERVICE.into(), svc.name.clone());
    l.insert("com.docker.compose.version".into(), super::version::VERSION.into());
    for (k, v) in &svc.labels {
        l.insert(k.clone(), v.clone());
    }
    let _ = engine;
    l
}

pub const CONFIG_HASH: &str = "com.docker.compose.config-hash";
pub const IMAGE: &str = "com.docker.compose.image";

/// The hash of a service's configuration (its canonical form without the number of replicas):
/// when it changes, `up` recreates the service's containers.
pub fn config_hash(project: &Project, svc: &Service) -> String {
    let mut tree = project.tree.get("services").and_then(|s| s.get(&svc.name)).cloned().unwrap_or_default();
    if let Some(m) = tree.as_object_mut() {
        m.remove("scale");
        if let Some(d) = m.get_mut("deploy").and_then(|d| d.as_object_mut()) {
            d.remove("replicas");
        }
    }
    let hash = Sha256::digest(tree.to_string().as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// True when the container no longer matches its service (configuration or image changed).
pub fn needs_recreate(engine: &Engine, project: &Project, svc: &Service, c: &Container) -> bool {
    let image_id = engine.images.resolve(&image_of(project, svc)).map(|i| i.id.clone()).unwrap_or_default();
    label(c, CONFIG_HASH) != config_hash(project, svc) || (!image_id.is_empty() && label(c, IMAGE) != image_id)
}

/// The image a service runs: its `image`, or `project-service` when it is built.
pub fn image_of(project: &Project, svc: &Service) -> String {
    svc.image.clone().unwrap_or_else(|| format!("{}-{}", project.name, svc.name))
}

/// `docker create` arguments for one container of a service.
pub fn create_args(engine: &Engine, project: &Project, svc: &Service, name: &str, number: u32, oneoff: bool, command: Option<&[String]>) -> Vec<String> {
    let image = image_of(project, svc);
    let image_id = engine.images.resolve(&image).map(|i| i.id.clone()).unwrap_or_default();
    let mut a: Vec<String> = vec!["create".into(), "--name".into(), name.into()];
    for (k, v) in labels(engine, project, svc, number, oneoff, &image_id) {
        a.push("--label".into());
        a.push(format!("{k}={v}"));
    }
    for (k, v) in &svc.environment {
        if let Some(v) = v {
            a.push("-e".into());
            a.push(format!("{k}={v}"));
        }
    }
    if !oneoff {
        for p in &svc.ports {
            let proto = if p.protocol == "tcp" { String::new() } else { format!("/{}", p.protocol) };
            let spec = match (&p.host_ip, &p.published) {
                (Some(ip), Some(pubd)) => format!("{ip}:{pubd}:{}{proto}", p.target),
                (Some(ip), None) => format!("{ip}::{}{proto}", p.target),
                (None, Some(pubd)) => format!("{pubd}:{}{proto}", p.target),
                (None, None) => format!("{}{proto}", p.target),
            };
            a.push("-p".into());
            a.push(spec);
        }
    }
    for m in &svc.volumes {
        let ro = if m.read_only { ":ro" } else { "" };
        let spec = match (m.kind.as_str(), &m.source) {
            ("volume", Some(src)) => format!("{}:{}{ro}", project.volume_name(src), m.target),
            ("bind", Some(src)) => format!("{src}:{}{ro}", m.target),
            _ => m.target.clone(),
        };
        a.push("-v".into());
        a.push(spec);
    }
    for s in &svc.secrets {
        if let Some(file) = project.secrets.iter().find(|x| x.key == s.source).and_then(|x| x.file.clone()) {
            let target = if s.target.starts_with('/') { s.target.clone() } else { format!("/run/secrets/{}", s.target) };
            a.push("-v".into());
            a.push(format!("{file}:{target}:ro"));
        }
    }
    match (&svc.network_mode, svc.networks.first()) {
        (Some(mode), _) => {
            a.push("--network".into());
            a.push(mode.clone());
        }
        (None, Some(n)) => {
            a.push("--network".into());
            a.push(project.network_name(&n.key));
        }
        _ => {}
    }
    if let Some(r) = &svc.restart {
        if !oneoff {
            a.push("--restart".into());
            a.push(r.clone());
        }
    }
    if let Some(m) = svc.memory_limit {
        a.push("--memory".into());
        a.push(m.to_string());
    }
    for (flag, v) in [("--workdir", &svc.working_dir), ("--user", &svc.user), ("--hostname", &svc.hostname)] {
        if let Some(v) = v {
            a.push(flag.into());
            a.push(v.clone());
        }
    }
    if svc.tty {
        a.push("-t".into());
    }
    if svc.stdin_open {
        a.push("-i".into());
    }
    if svc.init {
        a.push("--init".into());
    }
    let mut cmd: Vec<String> = command.map(<[String]>::to_vec).or_else(|| svc.command.clone()).unwrap_or_default();
    if let Some(ep) = &svc.entrypoint {
        a.push("--entrypoint".into());
        a.push(ep.first().cloned().unwrap_or_default());
        let mut rest: Vec<String> = ep.get(1..).map(<[String]>::to_vec).unwrap_or_default();
        rest.append(&mut cmd);
        cmd = rest;
    }
    a.push(image);
    a.extend(cmd);
    a
}

/// Creates one container; returns its ID or the daemon's message.
pub fn create(cx: &mut Ctx<'_, '_>, project: &Project, svc: &Service, name: &str, number: u32, oneoff: bool, command: Option<&[String]>) -> Result<String, String> {
    let args = create_args(cx.engine, project, svc, name, number, oneoff, command);
    let result = docker(cx, args);
    // Creating a container takes the daemon a few milliseconds.
    let later = cx.engine.now().plus_nanos(STEP_NANOS);
    cx.engine.advance_to(later);
    if result.exit_code != 0 {
        let msg = result.stderr();
        let msg = msg.trim_end().lines().next().unwrap_or_default().trim_start_matches("docker: ").to_string();
        return Err(msg);
    }
    let id = result.chunks.iter().filter(|c| c.stream == Stream::Stdout).map(|c| c.text.clone()).collect::<String>().trim().to_string();
    // Aliases on the project networks: the container's name and the service's.
    if let Some(c) = cx.engine.containers.get_mut(&id) {
        for (i, n) in svc.networks.iter().enumerate() {
            let net = project.network_name(&n.key);
            let mut aliases = vec![name.to_string(), svc.name.clone()];
            aliases.extend(n.aliases.iter().cloned());
            match c.attachments.iter_mut().find(|a| a.network == net) {
                Some(a) => a.aliases = aliases,
                None if i > 0 => c.attachments.push(Attachment { network: net, aliases, ..Attachment::default() }),
                None => {}
            }
        }
    }
    Ok(id)
}
