//! `docker stack deploy -c FILE NAME / ls / ps / services / rm`: a compose file (loaded by
//! [`crate::compose`]) deployed as swarm services named `<stack>_<service>`, with its secrets
//! (`file:` secrets are created as `<stack>_<key>`, `external: true` ones must exist) and its
//! default network `<stack>_default`.

use serde_json::Value;

use crate::cli::Invocation;
use crate::compose::{self, LoadOptions};
use crate::docker::{listing, secret, service, swarm};
use crate::engine::Engine;
use crate::json_object::JsonObject;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;
use crate::swarm::{new_id, SecretMount};

const DETACH_NOTICE: &str =
    "Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.";

/// `docker stack deploy -c FILE [-c FILE…] STACK`.
pub fn deploy(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let Some(stack) = inv.args.first().cloned() else { return out };
    let files: Vec<String> = inv.list("compose-file").to_vec();
    if files.is_empty() {
        out.errln("Please specify only one compose file (with --compose-file).");
        return out.with_exit(1);
    }
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let opts = LoadOptions { cwd: call.cwd.to_string(), files, project_name: Some(stack.clone()), ..LoadOptions::default() };
    let loaded = match compose::load_with(project, &opts, call.env) {
        Ok(p) => p,
        Err(e) => {
            out.errln(e.message);
            return out.with_exit(1);
        }
    };
    if !inv.has("detach") && !inv.bool("quiet") {
        out.outln(DETACH_NOTICE);
    }
    let network = format!("{stack}_default");
    let has_network = engine.swarm.cluster.as_ref().is_some_and(|c| c.networks.iter().any(|(n, _)| *n == network));
    if !has_network {
        out.outln(format!("Creating network {network}"));
        let id = new_id(&mut engine.ids);
        if let Some(c) = engine.swarm.cluster.as_mut() {
            c.networks.push((network.clone(), id));
        }
    }
    // Secrets: `file:` ones belong to the stack, external ones must already exist.
    let mut names = Vec::new();
    for s in &loaded.secrets {
        let name = if s.external { s.name.clone() } else { format!("{stack}_{}", s.key) };
        if !s.external {
            let exists = engine.swarm.cluster.as_ref().is_some_and(|c| c.secret(&name).is_some());
            if !exists {
                let data = match s.file.as_deref().and_then(compose::project_rel).and_then(|rel| project.read(&rel)) {
                    Some(d) => d.into_bytes(),
                    None => {
                        let file = s.file.clone().unwrap_or_default();
                        out.errln(format!("open {file}: no such file or directory"));
                        return out.with_exit(1);
                    }
                };
                out.outln(format!("Creating secret {name}"));
                let labels = vec![("com.docker.stack.namespace".to_string(), stack.clone())];
                if let Err(e) = secret::add_secret(engine, &name, data, labels) {
                    crate::docker::errors::daemon(&mut out, &e);
                    return out.with_exit(1);
                }
            }
        }
        names.push((s.key.clone(), name));
    }
    for svc in &loaded.services {
        let mut mounts = Vec::new();
        for r in &svc.secrets {
            let name = names.iter().find(|(k, _)| *k == r.source).map_or_else(|| r.source.clone(), |(_, n)| n.clone());
            if engine.swarm.cluster.as_ref().is_none_or(|c| c.secret(&name).is_none()) {
                out.errln(format!("service {}: secret not found: {name}", svc.name));
                return out.with_exit(1);
            }
            let target = if r.target.starts_with('/') { r.target.clone() } else { format!("/run/secrets/{}", r.target) };
            mounts.push(SecretMount { secret: name, target });
        }
        let Some(image) = svc.image.clone() else {
            out.errln(format!("service {}: image is required", svc.name));
            return out.with_exit(1);
        };
        let mut run_options = Vec::new();
        if let Some(m) = svc.memory_limit {
            run_options.push("--memory".to_string());
            run_options.push(m.to_string());
        }
        if let Some(c) = svc.cpus_limit {
            run_options.push("--cpus".to_string());
            run_options.push(c.to_string());
        }
        let full_name = format!("{stack}_{}", svc.name);
        let existing = engine.swarm.cluster.as_ref().and_then(|c| c.service(&full_name)).map(|s| s.id.clone());
        if let Some(id) = existing {
            out.outln(format!("Updating service {full_name} (id: {id})"));
            service::scale_to(engine, &id, svc.replicas, &call, project, &mut out);
            continue;
        }
        out.outln(format!("Creating service {full_name}"));
        let spec = service::ServiceSpec {
            name: full_name,
            image,
            args: svc.command.clone().unwrap_or_default(),
            env: svc.environment.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}"))).collect(),
            secrets: mounts,
            replicas: svc.replicas,
            stack: Some(stack.clone()),
            run_options,
            ports: svc
                .ports
                .iter()
                .filter_map(|p| p.published.as_deref().and_then(|v| v.parse().ok()).map(|published| (published, p.target)))
                .collect(),
        };
        let name = spec.name.clone();
        if let Err(e) = service::create_service(engine, spec, &call, project, &mut out) {
            out.errln(format!("failed to create service {name}: Error response from daemon: {e}"));
            return out.with_exit(1);
        }
    }
    out
}

const LS_HEADERS: &[(&str, &str)] = &[("Name", "NAME"), ("Services", "SERVICES")];

/// `docker stack ls`.
pub fn ls(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let rows: Vec<Value> = cluster
        .stacks()
        .iter()
        .map(|name| {
            let count = cluster.services.iter().filter(|s| s.stack.as_deref() == Some(name)).count();
            let mut o = JsonObject::new();
            o.str("Name", name);
            o.string("Services", count.to_string());
            o.into_value()
        })
        .collect();
    let format = listing::format_or(inv, "table {{.Name}}\t{{.Services}}");
    listing::Listing::new("*formatter.stackContext", LS_HEADERS).print(&format, &rows, &mut out);
    out
}

/// `docker stack services STACK`.
pub fn services(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let stack = inv.args.first().cloned().unwrap_or_default();
    let any = engine.swarm.cluster.as_ref().is_some_and(|c| c.services.iter().any(|s| s.stack.as_deref() == Some(&stack)));
    if !any {
        out.errln(format!("Nothing found in stack: {stack}"));
        return out;
    }
    service::list_services(engine, inv, |s| s.stack.as_deref() == Some(&stack))
}

/// `docker stack ps STACK`.
pub fn ps(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let stack = inv.args.first().cloned().unwrap_or_default();
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let mut found: Vec<&crate::swarm::Service> = cluster.services.iter().filter(|s| s.stack.as_deref() == Some(&stack)).collect();
    if found.is_empty() {
        out.errln(format!("nothing found in stack: {stack}"));
        return out.with_exit(1);
    }
    crate::sort::sort_by(&mut found, |a, b| a.name.cmp(&b.name));
    service::list_tasks(engine, inv, &found)
}

/// `docker stack rm STACK...`: services, then the stack's secrets, then its network.
pub fn rm(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    for stack in &inv.args {
        let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
        let mut services: Vec<(String, String)> =
            cluster.services.iter().filter(|s| s.stack.as_deref() == Some(stack)).map(|s| (s.id.clone(), s.name.clone())).collect();
        crate::sort::sort_by(&mut services, |a, b| a.1.cmp(&b.1));
        let label = ("com.docker.stack.namespace".to_string(), stack.clone());
        let secrets: Vec<String> = cluster.secrets.iter().filter(|s| s.labels.contains(&label)).map(|s| s.name.clone()).collect();
        let network = format!("{stack}_default");
        let has_network = cluster.networks.iter().any(|(n, _)| *n == network);
        if services.is_empty() && secrets.is_empty() && !has_network {
            out.errln(format!("Nothing found in stack: {stack}"));
            continue;
        }
        for (id, name) in services {
            out.outln(format!("Removing service {name}"));
            service::remove_service(engine, &id, &mut out);
        }
        if let Some(c) = engine.swarm.cluster.as_mut() {
            for name in secrets {
                out.outln(format!("Removing secret {name}"));
                c.secrets.retain(|s| s.name != name);
            }
            if has_network {
                out.outln(format!("Removing network {network}"));
                c.networks.retain(|(n, _)| *n != network);
            }
        }
    }
    out
}
