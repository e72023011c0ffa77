//! `docker network ls|create|inspect|rm|connect|disconnect|prune`.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::cli::Invocation;
use crate::docker::{errors, listing, prompt};
use crate::engine::networks::{Attachment, NetworkDef};
use crate::engine::Engine;
use crate::json_object::{string_map, JsonObject, Lit};
use crate::output::Output;

const HEADERS: &[(&str, &str)] = &[
    ("ID", "NETWORK ID"),
    ("Name", "NAME"),
    ("Driver", "DRIVER"),
    ("Scope", "SCOPE"),
    ("IPv6", "IPV6"),
    ("Internal", "INTERNAL"),
    ("Labels", "LABELS"),
    ("CreatedAt", "CREATED AT"),
];

/// The running containers on a network: (container ID, name, address, MAC).
pub(super) fn members(engine: &Engine, def: &NetworkDef) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    let mut running: Vec<&crate::engine::container::Container> = engine.containers.values().filter(|c| c.state.running).collect();
    crate::sort::sort_by(&mut running, |a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
    for c in running {
        if def.name == "bridge" && !c.ip_address.is_empty() {
            out.push((c.id.clone(), c.name.clone(), c.ip_address.clone(), c.mac_address.clone()));
        }
        if let Some(a) = c.attachments.iter().find(|a| a.network == def.name && !a.ip.is_empty()) {
            out.push((c.id.clone(), c.name.clone(), a.ip.clone(), a.mac.clone()));
        }
    }
    out
}

pub(super) fn endpoint_id(container: &str, network: &str) -> String {
    crate::ids::sha256_hex(format!("endpoint:{container}:{network}").as_bytes())
}

/// `docker network inspect`'s object.
pub fn inspect_json(engine: &Engine, def: &NetworkDef) -> Value {
    let mut containers = Map::new();
    for (id, name, ip, mac) in members(engine, def) {
        let endpoint = if def.name == "bridge" { crate::ids::sha256_hex(format!("endpoint:{id}").as_bytes()) } else { endpoint_id(&id, &def.name) };
        let mut o = JsonObject::new();
        o.string("Name", name);
        o.string("EndpointID", endpoint);
        o.string("MacAddress", mac);
        o.string("IPv4Address", format!("{ip}/16"));
        o.str("IPv6Address", "");
        containers.insert(id, o.into_value());
    }
    let mut config = Vec::new();
    if let (Some(subnet), Some(gw)) = (def.subnet(), def.gateway()) {
        let mut o = JsonObject::new();
        o.string("Subnet", subnet);
        o.string("Gateway", gw);
        config.push(o.into_value());
    }
    let mut options = JsonObject::new();
    if def.name == "bridge" {
        options.lits(BRIDGE_OPTIONS);
    }
    let mut ipam = JsonObject::new();
    ipam.str("Driver", "default");
    ipam.value("Options", if def.predefined() { Value::Null } else { Value::Object(Map::new()) });
    ipam.value("Config", Value::Array(config));
    let mut o = JsonObject::new();
    o.str("Name", &def.name);
    o.str("Id", &def.id);
    o.string("Created", def.created.rfc3339_nano());
    o.str("Scope", "local");
    o.str("Driver", &def.driver);
    o.bool("EnableIPv4", def.driver == "bridge");
    o.bool("EnableIPv6", false);
    o.value("IPAM", ipam.into_value());
    o.bool("Internal", def.internal);
    o.lits(&[("Attachable", Lit::Bool(false)), ("Ingress", Lit::Bool(false))]);
    let mut config_from = JsonObject::new();
    config_from.str("Network", "");
    o.value("ConfigFrom", config_from.into_value());
    o.bool("ConfigOnly", false);
    o.value("Containers", Value::Object(containers));
    o.value("Options", options.into_value());
    o.value("Labels", string_map(&def.labels));
    o.into_value()
}

/// The default bridge's `Options`.
const BRIDGE_OPTIONS: &[(&str, Lit)] = &[
    ("com.docker.network.bridge.default_bridge", Lit::Str("true")),
    ("com.docker.network.bridge.enable_icc", Lit::Str("true")),
    ("com.docker.network.bridge.enable_ip_masquerade", Lit::Str("true")),
    ("com.docker.network.bridge.host_binding_ipv4", Lit::Str("0.0.0.0")),
    ("com.docker.network.bridge.name", Lit::Str("docker0")),
    ("com.docker.network.driver.mtu", Lit::Str("1500")),
];

/// Errors of `network rm`/`connect`…: each on its own line, then the CLI's `exit status 1`.
fn fail(out: &mut Output, errs: &[String]) {
    for e in errs {
        errors::daemon(out, e);
    }
    out.errln("exit status 1");
    out.exit_code = 1;
}

pub fn ls(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let trunc = !inv.bool("no-trunc");
    let mut rows = Vec::new();
    for def in engine.networks.defs.values() {
        let mut keep = true;
        for f in inv.list("filter") {
            let (key, value) = f.split_once('=').unwrap_or((f.as_str(), ""));
            keep &= match key {
                "name" => def.name.contains(value),
                "driver" => def.driver == value,
                "type" => (value == "custom") == def.user_defined(),
                "id" => def.id.starts_with(value),
                "dangling" => (value == "true") == (def.user_defined() && members(engine, def).is_empty()),
                _ => true,
            };
        }
        if !keep {
            continue;
        }
        let labels: Vec<String> = def.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let mut row = JsonObject::new();
        row.str("ID", if trunc { def.id.get(..12).unwrap_or(&def.id) } else { &def.id });
        row.str("Name", &def.name);
        row.str("Driver", &def.driver);
        row.lits(&[("Scope", Lit::Str("local")), ("IPv6", Lit::Str("false"))]);
        row.str("Internal", if def.internal { "true" } else { "false" });
        row.string("Labels", labels.join(","));
        row.string("CreatedAt", def.created.go_default());
        rows.push(row.into_value());
    }
    let format = listing::quiet_or_format(inv, "{{.ID}}", "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}");
    let l = listing::Listing::new("*formatter.networkContext", HEADERS);
    l.print(&format, &rows, &mut out);
    out
}

pub fn create(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(name) = inv.args.first() else { return out };
    let driver = inv.str("driver").unwrap_or("bridge");
    if driver == "host" || driver == "null" {
        errors::daemon(&mut out, &format!("only one instance of \"{driver}\" network is allowed"));
        return out.with_exit(1);
    }
    if driver != "bridge" {
        errors::daemon(&mut out, &format!("plugin \"{driver}\" not found"));
        return out.with_exit(1);
    }
    let mut labels = BTreeMap::new();
    for l in inv.list("label") {
        let (k, v) = l.split_once('=').map_or((l.clone(), String::new()), |(k, v)| (k.to_string(), v.to_string()));
        labels.insert(k, v);
    }
    if engine.networks.defs.contains_key(name) {
        errors::daemon(&mut out, &format!("network with name {name} already exists"));
        return out.with_exit(1);
    }
    let id = engine.ids.next_id();
    let now = engine.now();
    match engine.networks.create(name, id, now, inv.bool("internal"), labels) {
        Ok(def) => out.outln(&def.id),
        Err(e) => {
            errors::daemon(&mut out, &e);
            out.exit_code = 1;
        }
    }
    out
}

pub fn inspect(engine: &mut Engine, inv: &Invocation) -> Output {
    crate::docker::inspect::inspect_each(inv.str("format").unwrap_or(""), &inv.args, |name| {
        engine.networks.find(name).map(|def| inspect_json(engine, def)).ok_or_else(|| format!("Error response from daemon: network {name} not found"))
    })
}

pub fn rm(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let mut errs = Vec::new();
    for name in &inv.args {
        let Some(def) = engine.networks.find(name).cloned() else {
            if !inv.bool("force") {
                errs.push(format!("network {name} not found"));
            }
            continue;
        };
        if def.predefined() {
            errs.push(format!("{} is a pre-defined network and cannot be removed", def.name));
            continue;
        }
        let active = members(engine, &def);
        if !active.is_empty() {
            let list: Vec<String> = active
                .iter()
                .map(|(id, cname, _, _)| format!("name:\"{cname}\" id:\"{}\"", endpoint_id(id, &def.name).get(..12).unwrap_or("")))
                .collect();
            errs.push(format!("error while removing network: network {} has active endpoints ({})", def.name, list.join(", ")));
            continue;
        }
        engine.networks.defs.remove(&def.name);
        out.outln(name);
    }
    if !errs.is_empty() {
        fail(&mut out, &errs);
    }
    out
}

/// The network and the container (its full ID) that `connect`/`disconnect` name, or the daemon's
/// error for whichever is missing (network first).
fn network_and_container(engine: &Engine, inv: &Invocation, out: &mut Output) -> Option<(NetworkDef, String)> {
    let (net, typed) = (inv.args.first()?, inv.args.get(1)?);
    let Some(def) = engine.networks.find(net).cloned() else {
        errors::daemon(out, &format!("network {net} not found"));
        out.exit_code = 1;
        return None;
    };
    match engine.resolve_container_id(typed) {
        Ok(id) => Some((def, id)),
        Err(e) => {
            errors::daemon(out, &e.message());
            out.exit_code = 1;
            None
        }
    }
}

pub fn connect(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some((def, id)) = network_and_container(engine, inv, &mut out) else { return out };
    if !def.user_defined() {
        errors::daemon(&mut out, &format!("container cannot be connected to network {} with the simulator", def.name));
        return out.with_exit(1);
    }
    let Some(c) = engine.containers.get(&id) else { return out };
    if c.attachments.iter().any(|a| a.network == def.name) {
        errors::daemon(&mut out, &format!("endpoint with name {} already exists in network {}", c.name, def.name));
        return out.with_exit(1);
    }
    let running = c.state.running;
    let ip = if running { engine.networks.allocate(&def.name).unwrap_or_default() } else { String::new() };
    let mac = if running { engine.random_mac() } else { String::new() };
    let aliases = inv.list("alias").to_vec();
    if let Some(c) = engine.containers.get_mut(&id) {
        c.attachments.push(Attachment { network: def.name.clone(), aliases, ip, mac });
    }
    out
}

pub fn disconnect(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some((def, id)) = network_and_container(engine, inv, &mut out) else { return out };
    let Some(c) = engine.containers.get_mut(&id) else { return out };
    let Some(pos) = c.attachments.iter().position(|a| a.network == def.name) else {
        errors::daemon(&mut out, &format!("container {id} is not connected to network {}", def.name));
        return out.with_exit(1);
    };
    let a = c.attachments.remove(pos);
    if !a.ip.is_empty() {
        engine.networks.release(&def.name, &a.ip);
    }
    out
}

pub fn prune(engine: &mut Engine, inv: &Invocation, stdin: Option<&str>) -> Output {
    let mut out = Output::new();
    if !inv.bool("force") {
        out.out("WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ");
        if !prompt::confirmed(stdin) {
            return out;
        }
    }
    let unused: Vec<String> = engine
        .networks
        .defs
        .values()
        .filter(|d| d.user_defined() && !engine.containers.values().any(|c| c.attachments.iter().any(|a| a.network == d.name)))
        .map(|d| d.name.clone())
        .collect();
    if unused.is_empty() {
        return out;
    }
    out.outln("Deleted Networks:");
    for n in unused {
        engine.networks.defs.remove(&n);
        out.outln(n);
    }
    out.outln("");
    out
}
