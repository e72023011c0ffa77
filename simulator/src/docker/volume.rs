//! `docker volume create|ls|inspect|rm|prune`.

use serde_json::Value;

use crate::cli::Invocation;
use crate::docker::{errors, listing, prompt};
use crate::engine::volume::Volume;
use crate::engine::Engine;
use crate::json_object::{string_map, JsonObject, Lit};
use crate::format::units::human_size;
use crate::output::Output;

const HEADERS: &[(&str, &str)] = &[
    ("Driver", "DRIVER"),
    ("Name", "VOLUME NAME"),
    ("Mountpoint", "MOUNTPOINT"),
    ("Labels", "LABELS"),
    ("Scope", "SCOPE"),
    ("Size", "SIZE"),
    ("Links", "LINKS"),
    ("Availability", "AVAILABILITY"),
    ("Group", "GROUP"),
    ("Status", "STATUS"),
];

/// `docker volume inspect`'s object.
pub fn inspect_json(v: &Volume) -> Value {
    let mut m = JsonObject::new();
    m.string("CreatedAt", v.created.rfc3339());
    m.str("Driver", "local");
    let mut labels = v.labels.clone();
    if v.anonymous {
        labels.insert("com.docker.volume.anonymous".into(), String::new());
    }
    m.value("Labels", if labels.is_empty() { Value::Null } else { string_map(&labels) });
    m.string("Mountpoint", v.mountpoint());
    m.str("Name", &v.name);
    m.lits(&[("Options", Lit::Null), ("Scope", Lit::Str("local"))]);
    m.into_value()
}

/// `docker volume create [NAME] [--label K=V]`.
pub fn create(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let name = inv.args.first().cloned().or_else(|| inv.str("name").map(str::to_string));
    let anonymous = name.is_none();
    let name = name.unwrap_or_else(|| engine.ids.next_id());
    if !valid_name(&name) {
        errors::daemon(&mut out, &format!("create {name}: \"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path"));
        return out.with_exit(1);
    }
    let now = engine.now();
    let volume = engine.volumes.entry(name.clone()).or_insert_with(|| Volume::new(&name, now, anonymous));
    for label in inv.list("label") {
        let (k, v) = label.split_once('=').unwrap_or((label.as_str(), ""));
        volume.labels.insert(k.to_string(), v.to_string());
    }
    out.outln(name);
    out
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric()) && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

/// `docker volume ls [-q] [--format] [-f dangling=true|name=…]`.
pub fn ls(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let mut rows = Vec::new();
    for v in engine.volumes.values() {
        let mut keep = true;
        for f in inv.list("filter") {
            let (key, value) = f.split_once('=').unwrap_or((f.as_str(), ""));
            keep &= match key {
                "dangling" => (value == "true" || value == "1") == engine.volume_users(&v.name).is_empty(),
                "name" => v.name.contains(value),
                "label" => v.labels.contains_key(value.split_once('=').map_or(value, |(k, _)| k)),
                "driver" => value == "local",
                _ => true,
            };
        }
        if !keep {
            continue;
        }
        let labels: Vec<String> = v.labels.iter().map(|(k, val)| format!("{k}={val}")).collect();
        let mut row = JsonObject::new();
        row.lits(&[("Availability", Lit::Str("N/A")), ("Driver", Lit::Str("local")), ("Group", Lit::Str("N/A"))]);
        row.string("Labels", labels.join(","));
        row.str("Links", "N/A");
        row.string("Mountpoint", v.mountpoint());
        row.str("Name", &v.name);
        row.lits(&[("Scope", Lit::Str("local")), ("Size", Lit::Str("N/A")), ("Status", Lit::Str("N/A"))]);
        rows.push(row.into_value());
    }
    let format = listing::quiet_or_format(inv, "{{.Name}}", "table {{.Driver}}\t{{.Name}}");
    let l = listing::Listing::new("*formatter.volumeContext", HEADERS);
    l.print(&format, &rows, &mut out);
    out
}

/// `docker volume inspect NAME…`.
pub fn inspect(engine: &mut Engine, inv: &Invocation) -> Output {
    crate::docker::inspect::inspect_each(inv.str("format").unwrap_or(""), &inv.args, |name| {
        engine.volumes.get(name).map(inspect_json).ok_or_else(|| format!("Error response from daemon: get {name}: no such volume"))
    })
}

/// `docker volume rm [-f] NAME…`.
pub fn rm(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let force = inv.bool("force");
    let mut errs = Vec::new();
    for name in &inv.args {
        if !engine.volumes.contains_key(name) {
            if force {
                out.outln(name);
            } else {
                errs.push(format!("Error response from daemon: get {name}: no such volume"));
            }
            continue;
        }
        let users = engine.volume_users(name);
        if !users.is_empty() {
            errs.push(format!("Error response from daemon: remove {name}: volume is in use - [{}]", users.join(", ")));
            continue;
        }
        engine.volumes.remove(name);
        out.outln(name);
    }
    if !errs.is_empty() {
        out.errln(errs.join("\n"));
        out.exit_code = 1;
    }
    out
}

/// `docker volume prune [-a] [-f]`: unused anonymous volumes (all unused ones with `-a`).
pub fn prune(engine: &mut Engine, inv: &Invocation, stdin: Option<&str>) -> Output {
    let mut out = Output::new();
    let all = inv.bool("all");
    if !inv.bool("force") {
        let what = if all { "all local volumes" } else { "anonymous local volumes" };
        out.out(format!("WARNING! This will remove {what} not used by at least one container.\nAre you sure you want to continue? [y/N] "));
        if !prompt::confirmed(stdin) {
            return out;
        }
    }
    let (text, reclaimed) = prune_volumes(engine, all);
    out.out(text);
    out.outln(format!("Total reclaimed space: {}", human_size(reclaimed as f64)));
    out
}

/// Removes the unused volumes `docker volume prune` removes; the `Deleted Volumes:` section
/// and the bytes freed.
pub fn prune_volumes(engine: &mut Engine, all: bool) -> (String, u64) {
    let names: Vec<String> =
        engine.volumes.values().filter(|v| (all || v.anonymous) && engine.volume_users(&v.name).is_empty()).map(|v| v.name.clone()).collect();
    if names.is_empty() {
        return (String::new(), 0);
    }
    let mut text = String::from("Deleted Volumes:\n");
    let mut reclaimed = 0;
    for n in names {
        if let Some(v) = engine.volumes.remove(&n) {
            reclaimed += v.size();
        }
        text.push_str(&n);
        text.push('\n');
    }
    text.push('\n');
    (text, reclaimed)
}
