//! `docker swarm init / leave / join-token` and `docker node ls`, for a single-node swarm.

use serde_json::Value;

use crate::cli::Invocation;
use crate::docker::{errors, listing, service};
use crate::engine::Engine;
use crate::json_object::{JsonObject, Lit};
use crate::output::Output;
use crate::swarm::Cluster;

/// What the daemon answers to swarm commands on a node that is not a manager.
pub const NOT_MANAGER: &str =
    "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.";

/// The address `docker swarm init` advertises when none is given, on a machine with a network
/// interface (the browser's simulated machine).
pub const DEFAULT_ADVERTISE_ADDR: &str = "10.0.2.15";

/// The node's hostname in `docker node ls`, `service ps` and `service logs` (the engine's `Name`).
pub const HOSTNAME: &str = "muelle";

/// The hostname of the real-engine capture machine (the offline fixture stands for it).
const CAPTURE_HOSTNAME: &str = "vm";

/// This node's hostname as swarm listings show it.
pub fn node_hostname(engine: &Engine) -> &'static str {
    if engine.hub_offline {
        CAPTURE_HOSTNAME
    } else {
        HOSTNAME
    }
}

/// Prints the not-a-manager error when the node has no swarm; true when it has one.
pub fn require_manager(engine: &Engine, out: &mut Output) -> bool {
    if engine.swarm.cluster.is_some() {
        return true;
    }
    errors::daemon(out, NOT_MANAGER);
    out.exit_code = 1;
    false
}

/// `docker swarm init [--advertise-addr ADDR]`.
pub fn init(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if engine.swarm.cluster.is_some() {
        errors::daemon(
            &mut out,
            "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.",
        );
        return out.with_exit(1);
    }
    let addr = match inv.str("advertise-addr").filter(|a| !a.is_empty()) {
        Some(a) => a.split(':').next().unwrap_or(a).to_string(),
        // The capture machine has only a loopback interface: Docker cannot pick an address.
        None if engine.hub_offline => {
            errors::daemon(&mut out, "could not find the system's IP address - specify one with --advertise-addr");
            return out.with_exit(1);
        }
        None => DEFAULT_ADVERTISE_ADDR.to_string(),
    };
    let now = engine.now();
    let cluster = Cluster::new(&mut engine.ids, &addr, now);
    out.outln(format!("Swarm initialized: current node ({}) is now a manager.", cluster.node_id));
    out.outln("");
    out.out(join_text(&cluster.worker_token, &addr, "worker"));
    out.outln("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.");
    engine.swarm.cluster = Some(cluster);
    out
}

fn join_text(token: &str, addr: &str, role: &str) -> String {
    format!("To add a {role} to this swarm, run the following command:\n\n    docker swarm join --token {token} {addr}:2377\n\n")
}

/// `docker swarm join-token (worker|manager)`.
pub fn join_token(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !require_manager(engine, &mut out) {
        return out;
    }
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let role = inv.args.first().map(String::as_str).unwrap_or("");
    let token = match role {
        "worker" => &cluster.worker_token,
        "manager" => &cluster.manager_token,
        other => {
            out.errln(format!("unknown role {other}"));
            return out.with_exit(1);
        }
    };
    if inv.bool("quiet") {
        out.outln(token);
    } else {
        out.out(join_text(token, &cluster.advertise_addr, role));
    }
    out
}

/// `docker swarm leave [--force]`: a manager must force it; its services and secrets go with it.
pub fn leave(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if engine.swarm.cluster.is_none() {
        errors::daemon(&mut out, "This node is not part of a swarm");
        return out.with_exit(1);
    }
    if !inv.bool("force") {
        errors::daemon(
            &mut out,
            "You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.",
        );
        return out.with_exit(1);
    }
    let containers: Vec<String> = engine
        .swarm
        .cluster
        .as_ref()
        .map(|c| c.services.iter().flat_map(|s| s.tasks.iter().map(|t| t.container_id.clone())).collect())
        .unwrap_or_default();
    service::remove_containers(engine, &containers, &mut out);
    engine.swarm.cluster = None;
    out.outln("Node left the swarm.");
    out
}

const NODE_HEADERS: &[(&str, &str)] = &[
    ("ID", "ID"),
    ("Hostname", "HOSTNAME"),
    ("Status", "STATUS"),
    ("Availability", "AVAILABILITY"),
    ("ManagerStatus", "MANAGER STATUS"),
    ("EngineVersion", "ENGINE VERSION"),
    ("TLSStatus", "TLS STATUS"),
];

/// `docker node ls`: this node, the leader.
pub fn node_ls(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !require_manager(engine, &mut out) {
        return out;
    }
    let Some(cluster) = engine.swarm.cluster.as_ref() else { return out };
    let format = listing::quiet_or_format(
        inv,
        "{{.ID}}",
        "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}",
    );
    let mut row = JsonObject::new();
    row.str("ID", &cluster.node_id);
    row.bool("Self", true);
    row.str("Hostname", node_hostname(engine));
    row.lits(&[("Status", Lit::Str("Ready")), ("Availability", Lit::Str("Active")), ("ManagerStatus", Lit::Str("Leader"))]);
    row.str("EngineVersion", crate::docker::version::ENGINE_VERSION);
    row.str("TLSStatus", "Ready");
    let row = row.into_value();
    listing::Listing::new("*formatter.nodeContext", NODE_HEADERS).print(&format, &[row], &mut out);
    out
}

/// The `Swarm` section of `docker info --format` (`{{.Swarm.LocalNodeState}}`).
pub fn info_json(engine: &Engine) -> serde_json::Value {
    let mut o = JsonObject::new();
    match &engine.swarm.cluster {
        Some(c) => {
            o.str("NodeID", &c.node_id);
            o.str("NodeAddr", &c.advertise_addr);
            o.lits(&[("LocalNodeState", Lit::Str("active")), ("ControlAvailable", Lit::Bool(true)), ("Error", Lit::Str(""))]);
            let mut manager = JsonObject::new();
            manager.str("NodeID", &c.node_id);
            manager.string("Addr", format!("{}:2377", c.advertise_addr));
            o.value("RemoteManagers", Value::Array(vec![manager.into_value()]));
            o.lits(&[("Nodes", Lit::Int(1)), ("Managers", Lit::Int(1))]);
            let mut spec = JsonObject::new();
            spec.str("Name", "default");
            let mut cluster = JsonObject::new();
            cluster.str("ID", &c.cluster_id);
            cluster.value("Spec", spec.into_value());
            o.value("Cluster", cluster.into_value());
            o.int("DataPathPort", 4789);
        }
        None => o.lits(&[
            ("NodeID", Lit::Str("")),
            ("NodeAddr", Lit::Str("")),
            ("LocalNodeState", Lit::Str("inactive")),
            ("ControlAvailable", Lit::Bool(false)),
            ("Error", Lit::Str("")),
            ("RemoteManagers", Lit::Null),
        ]),
    }
    o.into_value()
}

/// The ` Swarm:` lines of `docker info`.
pub fn info_text(engine: &Engine) -> String {
    let Some(c) = &engine.swarm.cluster else { return " Swarm: inactive\n".to_string() };
    format!(
        " Swarm: active
  NodeID: {node}
  Is Manager: true
  ClusterID: {cluster}
  Managers: 1
  Nodes: 1
  Data Path Port: 4789
  Orchestration:
   Task History Retention Limit: 5
  Raft:
   Snapshot Interval: 10000
   Number of Old Snapshots to Retain: 0
   Heartbeat Tick: 1
   Election Tick: 10
  Dispatcher:
   Heartbeat Period: 5 seconds
  CA Configuration:
   Expiry Duration: 3 months
   Force Rotate: 0
  Autolock Managers: false
  Root Rotation In Progress: false
  Node Address: {addr}
  Manager Addresses:
   {addr}:2377
",
        node = c.node_id,
        cluster = c.cluster_id,
        addr = c.advertise_addr
    )
}
