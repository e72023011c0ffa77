//! `docker secret create / ls / inspect / rm` (swarm managers only).

use serde_json::Value;

use crate::cli::Invocation;
use crate::clock::Timestamp;
use crate::docker::{errors, host_path, inspect, listing, swarm};
use crate::engine::Engine;
use crate::json_object::{string_map, JsonObject};
use crate::format::units::human_duration;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;
use crate::swarm::{new_id, Secret};

/// Largest secret SwarmKit accepts.
const MAX_SECRET_BYTES: usize = 500 * 1024;

/// Reads a secret's content as the CLI does: a file of the learner's folder, or stdin for `-`.
pub fn read_source(file: &str, call: &ProgramCall<'_>, project: &dyn ProjectFiles) -> Result<Vec<u8>, String> {
    if file == "-" {
        return Ok(call.stdin.unwrap_or("").as_bytes().to_vec());
    }
    host_path::project_path(call.cwd, file)
        .and_then(|rel| project.read(&rel))
        .map(String::into_bytes)
        .ok_or_else(|| format!("error reading from {file}: open {file}: no such file or directory"))
}

/// Stores a new secret; the daemon's error message when the name is taken or the data is empty.
pub fn add_secret(engine: &mut Engine, name: &str, data: Vec<u8>, labels: Vec<(String, String)>) -> Result<String, String> {
    let now = engine.now();
    let id = new_id(&mut engine.ids);
    let Some(cluster) = engine.swarm.cluster.as_mut() else { return Err(swarm::NOT_MANAGER.to_string()) };
    if data.is_empty() || data.len() > MAX_SECRET_BYTES {
        return Err("rpc error: code = InvalidArgument desc = secret data must be larger than 0 and less than 500 KB".to_string());
    }
    if cluster.secrets.iter().any(|s| s.name == name) {
        return Err(format!("rpc error: code = AlreadyExists desc = secret {name} already exists"));
    }
    cluster.secrets.push(Secret { id: id.clone(), name: name.to_string(), data, labels, created: now });
    Ok(id)
}

/// `docker secret create [OPTIONS] SECRET [file|-]`.
pub fn create(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let Some(name) = inv.args.first() else { return out };
    let file = inv.args.get(1).map(String::as_str).unwrap_or("-");
    let data = match read_source(file, &call, project) {
        Ok(d) => d,
        Err(e) => {
            out.errln(e);
            return out.with_exit(1);
        }
    };
    let labels = inv
        .list("label")
        .iter()
        .map(|l| match l.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (l.clone(), String::new()),
        })
        .collect();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    match add_secret(engine, name, data, labels) {
        Ok(id) => out.outln(id),
        Err(e) => {
            errors::daemon(&mut out, &e);
            out.exit_code = 1;
        }
    }
    out
}

const HEADERS: &[(&str, &str)] = &[
    ("ID", "ID"),
    ("Name", "NAME"),
    ("Driver", "DRIVER"),
    ("CreatedAt", "CREATED"),
    ("UpdatedAt", "UPDATED"),
    ("Labels", "LABELS"),
];

fn ago(now: Timestamp, then: Timestamp) -> String {
    format!("{} ago", human_duration(now.since(then)))
}

/// `docker secret ls`: sorted by name.
pub fn ls(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let now = engine.now();
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let mut secrets: Vec<&Secret> = cluster.secrets.iter().collect();
    crate::sort::sort_by(&mut secrets, |a, b| a.name.cmp(&b.name));
    let rows: Vec<Value> = secrets
        .iter()
        .map(|s| {
            let mut o = JsonObject::new();
            o.str("ID", &s.id);
            o.str("Name", &s.name);
            o.str("Driver", "");
            o.string("CreatedAt", ago(now, s.created));
            o.string("UpdatedAt", ago(now, s.created));
            o.string("Labels", s.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","));
            o.into_value()
        })
        .collect();
    let format = listing::quiet_or_format(inv, "{{.ID}}", "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}");
    listing::Listing::new("*formatter.secretContext", HEADERS).print(&format, &rows, &mut out);
    out
}

fn secret_json(s: &Secret) -> Value {
    let mut spec = JsonObject::new();
    spec.str("Name", &s.name);
    spec.value("Labels", string_map(s.labels.iter().map(|(k, v)| (k, v))));
    swarm_object(&s.id, 11, &s.created, spec)
}

/// A Swarm object as the API returns it (secrets, services): ID, version, times and the spec.
pub(super) fn swarm_object(id: &str, version_index: i64, created: &Timestamp, spec: JsonObject) -> Value {
    let mut version = JsonObject::new();
    version.int("Index", version_index);
    let mut o = JsonObject::new();
    o.str("ID", id);
    o.value("Version", version.into_value());
    o.string("CreatedAt", created.rfc3339_nano());
    o.string("UpdatedAt", created.rfc3339_nano());
    o.value("Spec", spec.into_value());
    o.into_value()
}

/// `2026-11-30 01:49:37.381807825 +0000 utc`: how `--pretty` prints times.
fn pretty_time(t: Timestamp) -> String {
    let fixed = t.rfc3339_nano();
    let (date, rest) = fixed.split_once('T').unwrap_or((&fixed, ""));
    format!("{date} {} +0000 utc", rest.trim_end_matches('Z'))
}

/// `docker secret inspect [--pretty] SECRET...`.
pub fn inspect(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    if inv.bool("pretty") {
        for (i, name) in inv.args.iter().enumerate() {
            match cluster.secret(name) {
                Some(s) => {
                    if i > 0 {
                        out.outln("");
                    }
                    out.out(format!(
                        "ID:              {}\nName:              {}\nDriver:            \nCreated at:        {}\nUpdated at:        {}\n",
                        s.id,
                        s.name,
                        pretty_time(s.created),
                        pretty_time(s.created)
                    ));
                }
                None => {
                    errors::daemon(&mut out, &format!("secret {name} not found"));
                    return out.with_exit(1);
                }
            }
        }
        return out;
    }
    let format = inv.str("format").unwrap_or("");
    inspect::inspect_each(format, &inv.args, |name| {
        cluster.secret(name).map(secret_json).ok_or_else(|| format!("Error response from daemon: secret {name} not found"))
    })
}

/// `docker secret rm SECRET...`: each name on success; the first failure ends with exit 1.
pub fn rm(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !swarm::require_manager(engine, &mut out) {
        return out;
    }
    let Some(cluster) = engine.swarm.cluster.as_mut() else { return out };
    let mut failed = false;
    for name in &inv.args {
        let Some(id) = cluster.secret(name).map(|s| s.id.clone()) else {
            errors::daemon(&mut out, &format!("secret {name} not found"));
            failed = true;
            continue;
        };
        let users: Vec<String> = cluster
            .services
            .iter()
            .filter(|svc| svc.secrets.iter().any(|m| cluster.secrets.iter().any(|s| s.id == id && s.name == m.secret)))
            .map(|svc| svc.name.clone())
            .collect();
        if !users.is_empty() {
            errors::daemon(
                &mut out,
                &format!("rpc error: code = InvalidArgument desc = secret '{name}' is in use by the following service: {}", users.join(", ")),
            );
            failed = true;
            continue;
        }
        cluster.secrets.retain(|s| s.id != id);
        out.outln(name);
    }
    if failed {
        out.exit_code = 1;
    }
    out
}
