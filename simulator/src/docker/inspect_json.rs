//! The JSON documents of `docker inspect` for containers and images, keys in Docker 28's order.
//!
//! Built with [`JsonObject`] (one small call per field, constant runs as [`Lit`] tables) rather than
//! `json!`, which costs the browser bundle ~150 bytes per field.

use serde_json::{Map, Value};

use crate::clock::Timestamp;
use crate::engine::container::Container;
use crate::engine::image::Image;
use crate::engine::network::BRIDGE_GATEWAY;
use crate::engine::Engine;
use crate::json_object::{string_map, JsonObject, Lit};

const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn time_or_zero(t: Option<Timestamp>) -> String {
    t.map_or_else(|| ZERO_TIME.to_string(), Timestamp::rfc3339_nano)
}

/// `docker container inspect` of one container.
pub fn container(engine: &Engine, c: &Container, with_size: bool) -> Value {
    let s = &c.state;
    let mut m = JsonObject::new();
    m.str("Id", &c.id);
    m.string("Created", c.created.rfc3339_nano());
    m.str("Path", &c.path);
    m.strings("Args", &c.args);
    let mut state = JsonObject::new();
    state.str("Status", c.status().as_str());
    state.bool("Running", s.running);
    state.bool("Paused", s.paused);
    state.bool("Restarting", s.restarting);
    state.bool("OOMKilled", s.oom_killed);
    state.bool("Dead", s.dead);
    state.int("Pid", i64::from(s.pid));
    state.int("ExitCode", i64::from(s.exit_code));
    state.str("Error", &s.error);
    state.string("StartedAt", time_or_zero(s.started_at));
    state.string("FinishedAt", time_or_zero(s.finished_at));
    m.value("State", state.into_value());
    m.str("Image", &c.image_id);
    let base = format!("/var/lib/docker/containers/{}", c.id);
    m.string("ResolvConfPath", format!("{base}/resolv.conf"));
    m.string("HostnamePath", format!("{base}/hostname"));
    m.string("HostsPath", format!("{base}/hosts"));
    m.string("LogPath", format!("{base}/{}-json.log", c.id));
    m.string("Name", format!("/{}", c.name));
    m.int("RestartCount", i64::from(c.restart_count));
    m.lits(&[
        ("Driver", Lit::Str("overlay2")),
        ("Platform", Lit::Str("linux")),
        ("MountLabel", Lit::Str("")),
        ("ProcessLabel", Lit::Str("")),
        ("AppArmorProfile", Lit::Str("")),
        ("ExecIDs", Lit::Null),
    ]);
    m.value("HostConfig", host_config(c));
    let layer = crate::ids::sha256_hex(format!("rw:{}", c.id).as_bytes());
    let mut lower = vec![format!("/var/lib/docker/overlay2/{layer}-init/diff")];
    if let Some(i) = engine.images.get(&c.image_id) {
        for l in i.layers.iter().rev() {
            lower.push(format!("/var/lib/docker/overlay2/{}/diff", crate::ids::sha256_hex(l.diff_id.as_bytes())));
        }
    }
    let mut data = JsonObject::new();
    data.str("ID", &c.id);
    data.string("LowerDir", lower.join(":"));
    for (key, leaf) in [("MergedDir", "merged"), ("UpperDir", "diff"), ("WorkDir", "work")] {
        data.string(key, format!("/var/lib/docker/overlay2/{layer}/{leaf}"));
    }
    m.value("GraphDriver", graph_driver(data));
    if with_size {
        let virt = engine.images.get(&c.image_id).map_or(0, Image::size);
        m.value("SizeRw", Value::from(c.size_rw()));
        m.value("SizeRootFs", Value::from(virt + c.size_rw()));
    }
    m.value("Mounts", Value::Array(c.mounts.iter().map(mount_json).collect()));
    m.value("Config", container_config(c));
    let mut settings = network_settings(c);
    if !c.attachments.is_empty() {
        user_networks(engine, c, &mut settings);
    }
    m.value("NetworkSettings", settings.into_value());
    m.into_value()
}

/// `{"Data": data, "Name": "overlay2"}`
fn graph_driver(data: JsonObject) -> Value {
    let mut g = JsonObject::new();
    g.value("Data", data.into_value());
    g.str("Name", "overlay2");
    g.into_value()
}

/// A `{"HostIp": …, "HostPort": …}` binding.
fn host_binding(ip: &str, port: String) -> Value {
    let mut b = JsonObject::new();
    b.str("HostIp", ip);
    b.string("HostPort", port);
    b.into_value()
}

fn host_config(c: &Container) -> Value {
    let h = &c.host_config;
    let mut bindings = Map::new();
    for b in &h.port_bindings {
        let entry = bindings.entry(b.container_port.clone()).or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(a) = entry {
            a.push(host_binding(&b.host_ip, b.host_port.clone()));
        }
    }
    let mut o = JsonObject::new();
    o.nonempty_strings("Binds", &h.binds);
    o.str("ContainerIDFile", "");
    let mut log_config = JsonObject::new();
    log_config.lits(&[("Type", Lit::Str("json-file")), ("Config", Lit::EmptyObject)]);
    o.value("LogConfig", log_config.into_value());
    o.str("NetworkMode", &h.network_mode);
    o.value("PortBindings", Value::Object(bindings));
    let mut restart = JsonObject::new();
    restart.str("Name", &h.restart_policy.name);
    restart.int("MaximumRetryCount", h.restart_policy.max_retries);
    o.value("RestartPolicy", restart.into_value());
    o.bool("AutoRemove", h.auto_remove);
    o.lits(&[("VolumeDriver", Lit::Str("")), ("VolumesFrom", Lit::Null)]);
    o.value("ConsoleSize", Value::Array(vec![Value::from(0), Value::from(0)]));
    o.lits(HOST_CONFIG_MIDDLE);
    o.bool("PublishAllPorts", h.publish_all_ports);
    o.lits(HOST_CONFIG_RESOURCES);
    o.int("Memory", h.memory);
    o.lits(HOST_CONFIG_LIMITS);
    o.int("MemorySwap", if h.memory > 0 { h.memory * 2 } else { 0 });
    o.lits(HOST_CONFIG_TAIL);
    if h.init {
        o.bool("Init", true);
    }
    o.into_value()
}

/// `HostConfig` from `CapAdd` to `Privileged`.
const HOST_CONFIG_MIDDLE: &[(&str, Lit)] = &[
    ("CapAdd", Lit::Null),
    ("CapDrop", Lit::Null),
    ("CgroupnsMode", Lit::Str("host")),
    ("Dns", Lit::EmptyList),
    ("DnsOptions", Lit::EmptyList),
    ("DnsSearch", Lit::EmptyList),
    ("ExtraHosts", Lit::Null),
    ("GroupAdd", Lit::Null),
    ("IpcMode", Lit::Str("private")),
    ("Cgroup", Lit::Str("")),
    ("Links", Lit::Null),
    ("OomScoreAdj", Lit::Int(0)),
    ("PidMode", Lit::Str("")),
    ("Privileged", Lit::Bool(false)),
];

/// `HostConfig` from `ReadonlyRootfs` to `CpuShares`.
const HOST_CONFIG_RESOURCES: &[(&str, Lit)] = &[
    ("ReadonlyRootfs", Lit::Bool(false)),
    ("SecurityOpt", Lit::Null),
    ("UTSMode", Lit::Str("")),
    ("UsernsMode", Lit::Str("")),
    ("ShmSize", Lit::Int(67108864)),
    ("Runtime", Lit::Str("runc")),
    ("Isolation", Lit::Str("")),
    ("CpuShares", Lit::Int(0)),
];

/// `HostConfig` from `NanoCpus` to `MemoryReservation`.
const HOST_CONFIG_LIMITS: &[(&str, Lit)] = &[
    ("NanoCpus", Lit::Int(0)),
    ("CgroupParent", Lit::Str("")),
    ("BlkioWeight", Lit::Int(0)),
    ("BlkioWeightDevice", Lit::EmptyList),
    ("BlkioDeviceReadBps", Lit::EmptyList),
    ("BlkioDeviceWriteBps", Lit::EmptyList),
    ("BlkioDeviceReadIOps", Lit::EmptyList),
    ("BlkioDeviceWriteIOps", Lit::EmptyList),
    ("CpuPeriod", Lit::Int(0)),
    ("CpuQuota", Lit::Int(0)),
    ("CpuRealtimePeriod", Lit::Int(0)),
    ("CpuRealtimeRuntime", Lit::Int(0)),
    ("CpusetCpus", Lit::Str("")),
    ("CpusetMems", Lit::Str("")),
    ("Devices", Lit::EmptyList),
    ("DeviceCgroupRules", Lit::Null),
    ("DeviceRequests", Lit::Null),
    ("MemoryReservation", Lit::Int(0)),
];

/// `HostConfig` from `MemorySwappiness` to the end.
const HOST_CONFIG_TAIL: &[(&str, Lit)] = &[
    ("MemorySwappiness", Lit::Null),
    ("OomKillDisable", Lit::Bool(false)),
    ("PidsLimit", Lit::Null),
    ("Ulimits", Lit::EmptyList),
    ("CpuCount", Lit::Int(0)),
    ("CpuPercent", Lit::Int(0)),
    ("IOMaximumIOps", Lit::Int(0)),
    ("IOMaximumBandwidth", Lit::Int(0)),
    (
        "MaskedPaths",
        Lit::Strs(&[
            "/proc/asound",
            "/proc/acpi",
            "/proc/interrupts",
            "/proc/kcore",
            "/proc/keys",
            "/proc/latency_stats",
            "/proc/timer_list",
            "/proc/timer_stats",
            "/proc/sched_debug",
            "/proc/scsi",
            "/sys/firmware",
            "/sys/devices/virtual/powercap",
        ]),
    ),
    ("ReadonlyPaths", Lit::Strs(&["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"])),
];

fn container_config(c: &Container) -> Value {
    let k = &c.config;
    let mut m = JsonObject::new();
    m.str("Hostname", &k.hostname);
    m.str("Domainname", "");
    m.str("User", &k.user);
    m.bool("AttachStdin", k.attach_stdin);
    m.bool("AttachStdout", k.attach_stdout);
    m.bool("AttachStderr", k.attach_stderr);
    if !k.exposed_ports.is_empty() {
        m.empty_objects("ExposedPorts", &k.exposed_ports);
    }
    m.bool("Tty", k.tty);
    m.bool("OpenStdin", k.open_stdin);
    m.bool("StdinOnce", k.stdin_once);
    m.nonempty_strings("Env", &k.env);
    m.strings_or_null("Cmd", k.cmd.as_deref());
    m.str("Image", &k.image);
    if k.volumes.is_empty() {
        m.null("Volumes");
    } else {
        m.empty_objects("Volumes", &k.volumes);
    }
    m.str("WorkingDir", &k.working_dir);
    m.strings_or_null("Entrypoint", k.entrypoint.as_deref());
    m.null("OnBuild");
    m.value("Labels", string_map(&k.labels));
    if let Some(s) = &k.stop_signal {
        m.str("StopSignal", s);
    }
    m.into_value()
}

/// One entry of `NetworkSettings.Networks`, from `IPAMConfig` to `DNSNames`.
struct Endpoint {
    aliases: Value,
    mac: String,
    network_id: String,
    endpoint_id: String,
    gateway: String,
    ip: String,
    prefix: i64,
    dns_names: Value,
}

impl Endpoint {
    fn into_value(self) -> Value {
        let mut o = JsonObject::new();
        o.lits(&[("IPAMConfig", Lit::Null), ("Links", Lit::Null)]);
        o.value("Aliases", self.aliases);
        o.string("MacAddress", self.mac);
        o.lits(&[("DriverOpts", Lit::Null), ("GwPriority", Lit::Int(0))]);
        o.string("NetworkID", self.network_id);
        o.string("EndpointID", self.endpoint_id);
        o.string("Gateway", self.gateway);
        o.string("IPAddress", self.ip);
        o.int("IPPrefixLen", self.prefix);
        o.lits(&[("IPv6Gateway", Lit::Str("")), ("GlobalIPv6Address", Lit::Str("")), ("GlobalIPv6PrefixLen", Lit::Int(0))]);
        o.value("DNSNames", self.dns_names);
        o.into_value()
    }
}

fn network_settings(c: &Container) -> JsonObject {
    let running = c.state.running && !c.state.restarting;
    let mut ports = Map::new();
    for p in &c.config.exposed_ports {
        ports.insert(p.clone(), Value::Null);
    }
    if running {
        for b in &c.bound_ports {
            let key = format!("{}/{}", b.container_port, b.proto);
            let entry = ports.entry(key).or_insert(Value::Null);
            if entry.is_null() {
                *entry = Value::Array(Vec::new());
            }
            if let Value::Array(a) = entry {
                a.push(host_binding(&b.host_ip, b.host_port.to_string()));
            }
        }
    }
    let (ip, gw, mac, prefix) = if running {
        (c.ip_address.clone(), BRIDGE_GATEWAY.to_string(), c.mac_address.clone(), 16)
    } else {
        (String::new(), String::new(), String::new(), 0)
    };
    let sandbox = if running { crate::ids::sha256_hex(format!("sandbox:{}", c.id).as_bytes()) } else { String::new() };
    let endpoint = if running { crate::ids::sha256_hex(format!("endpoint:{}", c.id).as_bytes()) } else { String::new() };
    let mut o = JsonObject::new();
    o.str("Bridge", "");
    o.str("SandboxID", &sandbox);
    o.string("SandboxKey", if running { format!("/var/run/docker/netns/{}", sandbox.get(..12).unwrap_or("")) } else { String::new() });
    o.value("Ports", Value::Object(ports));
    o.lits(&[
        ("HairpinMode", Lit::Bool(false)),
        ("LinkLocalIPv6Address", Lit::Str("")),
        ("LinkLocalIPv6PrefixLen", Lit::Int(0)),
        ("SecondaryIPAddresses", Lit::Null),
        ("SecondaryIPv6Addresses", Lit::Null),
    ]);
    o.str("EndpointID", &endpoint);
    o.str("Gateway", &gw);
    o.lits(&[("GlobalIPv6Address", Lit::Str("")), ("GlobalIPv6PrefixLen", Lit::Int(0))]);
    o.str("IPAddress", &ip);
    o.int("IPPrefixLen", prefix);
    o.str("IPv6Gateway", "");
    o.str("MacAddress", &mac);
    let bridge = Endpoint {
        aliases: Value::Null,
        mac,
        network_id: crate::ids::sha256_hex(b"network:bridge"),
        endpoint_id: endpoint,
        gateway: gw,
        ip,
        prefix,
        dns_names: Value::Null,
    };
    let mut networks = Map::new();
    networks.insert(c.host_config.network_mode.clone(), bridge.into_value());
    o.value("Networks", Value::Object(networks));
    o
}

/// A container on user-defined networks: one `Networks` entry each (and no top-level address,
/// which only the default bridge has).
fn user_networks(engine: &Engine, c: &Container, settings: &mut JsonObject) {
    let running = c.state.running && !c.state.restarting;
    let mut networks = Map::new();
    for a in &c.attachments {
        let def = engine.networks.find(&a.network);
        let up = running && !a.ip.is_empty();
        let endpoint = if up { crate::ids::sha256_hex(format!("endpoint:{}:{}", c.id, a.network).as_bytes()) } else { String::new() };
        let e = Endpoint {
            aliases: if a.aliases.is_empty() { Value::Null } else { crate::json_object::strings(&a.aliases) },
            mac: if up { a.mac.clone() } else { String::new() },
            network_id: if up { def.map(|d| d.id.clone()).unwrap_or_default() } else { String::new() },
            endpoint_id: endpoint,
            gateway: if up { def.and_then(|d| d.gateway()).unwrap_or_default() } else { String::new() },
            ip: if up { a.ip.clone() } else { String::new() },
            prefix: if up { 16 } else { 0 },
            dns_names: if up { crate::json_object::strings(&[c.name.clone(), c.short_id().to_string()]) } else { Value::Null },
        };
        networks.insert(a.network.clone(), e.into_value());
    }
    for key in ["EndpointID", "Gateway", "IPAddress", "MacAddress"] {
        settings.str(key, "");
    }
    settings.int("IPPrefixLen", 0);
    settings.value("Networks", Value::Object(networks));
}

/// `docker image inspect` of one image (Docker 28.5, classic store): `Config` comes last, its keys
/// sorted, as the daemon's compatibility layer writes it.
pub fn image(engine: &Engine, img: &Image) -> Value {
    let _ = engine;
    let mut m = JsonObject::new();
    m.str("Id", &img.id);
    m.strings("RepoTags", &img.repo_tags);
    m.strings("RepoDigests", &img.repo_digests);
    m.str("Parent", &img.parent);
    m.str("Comment", &img.comment);
    m.string("Created", img.created.rfc3339_nano());
    m.str("DockerVersion", &img.docker_version);
    m.str("Author", &img.author);
    m.str("Architecture", &img.architecture);
    m.str("Os", &img.os);
    m.value("Size", Value::from(img.size()));
    let dirs: Vec<String> = img.layers.iter().map(|l| format!("/var/lib/docker/overlay2/{}/diff", crate::ids::sha256_hex(l.diff_id.as_bytes()))).collect();
    let mut data = JsonObject::new();
    if let Some((top, lower)) = dirs.split_last() {
        if !lower.is_empty() {
            let lower: Vec<String> = lower.iter().rev().cloned().collect();
            data.string("LowerDir", lower.join(":"));
        }
        let top_dir = top.trim_end_matches("/diff");
        data.string("MergedDir", format!("{top_dir}/merged"));
        data.str("UpperDir", top);
        data.string("WorkDir", format!("{top_dir}/work"));
    }
    m.value("GraphDriver", graph_driver(data));
    let mut root = JsonObject::new();
    root.str("Type", "layers");
    root.value("Layers", Value::Array(img.layers.iter().map(|l| Value::String(l.diff_id.clone())).collect()));
    m.value("RootFS", root.into_value());
    let mut meta = JsonObject::new();
    meta.string("LastTagTime", time_or_zero(img.last_tag_time));
    m.value("Metadata", meta.into_value());
    m.value("Config", image_config(img));
    m.into_value()
}

/// The image's `Config`, keys sorted; optional fields only when set.
fn image_config(img: &Image) -> Value {
    let c = &img.config;
    let mut m = JsonObject::new();
    m.strings_or_null("Cmd", c.cmd.as_deref());
    m.strings_or_null("Entrypoint", c.entrypoint.as_deref());
    m.nonempty_strings("Env", &c.env);
    if !c.exposed_ports.is_empty() {
        m.empty_objects("ExposedPorts", &c.exposed_ports);
    }
    m.value("Labels", if c.labels.is_empty() { Value::Null } else { string_map(&c.labels) });
    m.nonempty_strings("OnBuild", &c.on_build);
    if let Some(s) = &c.stop_signal {
        m.str("StopSignal", s);
    }
    if c.args_escaped {
        m.bool("ArgsEscaped", true);
    }
    m.str("User", &c.user);
    if c.volumes.is_empty() {
        m.null("Volumes");
    } else {
        m.empty_objects("Volumes", &c.volumes);
    }
    m.str("WorkingDir", &c.working_dir);
    let m = m.into_map();
    let mut keys: Vec<String> = m.keys().cloned().collect();
    crate::sort::sort(&mut keys);
    Value::Object(keys.into_iter().filter_map(|k| m.get(&k).cloned().map(|v| (k, v))).collect())
}

/// One entry of a container's `Mounts` (Docker 28's order of keys).
fn mount_json(mp: &crate::engine::mounts::MountPoint) -> Value {
    use crate::engine::mounts::MountSource;
    let volume = matches!(mp.source, MountSource::Volume(_));
    let mut m = JsonObject::new();
    m.str("Type", mp.kind());
    if let MountSource::Volume(name) = &mp.source {
        m.str("Name", name);
    }
    m.string("Source", mp.host_source());
    m.str("Destination", &mp.target);
    if volume {
        m.str("Driver", "local");
    }
    m.str("Mode", if volume && !mp.read_only { "" } else if mp.read_only { "ro" } else { "" });
    m.bool("RW", !mp.read_only);
    m.str("Propagation", if matches!(mp.source, MountSource::Bind(_)) { "rprivate" } else { "" });
    m.into_value()
}

#[cfg(test)]
#[path = "inspect_json_reference.rs"]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Session, SessionConfig};

    fn text(v: &Value) -> String {
        serde_json::to_string(v).unwrap_or_default()
    }

    /// Every container, image, network and volume of a busy engine prints exactly as the `json!`
    /// version did (key order included: `to_string` follows it).
    #[test]
    fn documents_match_the_json_macro_reference() {
        let mut s = Session::new(SessionConfig::default(), Box::new(crate::project::MemoryProject::new()));
        for line in [
            "docker network create app",
            "docker volume create --label tier=db data",
            "docker run -d --name web -p 8080:80 -p 127.0.0.1:8443:443/tcp -v data:/data --init -e A=1 -l x=y --memory 64m --restart on-failure:3 nginx",
            "docker run -d --name api --network app --network-alias backend -v logs:/logs:ro --mount type=tmpfs,target=/scratch -w /srv --stop-signal SIGINT nginx",
            "docker create --name idle -P -v /cache alpine echo hi",
            "docker run --name done alpine true",
            "docker run -d --name paused alpine sleep 1000",
            "docker pause paused",
            "docker network connect app web",
            "docker stop api",
        ] {
            let out = s.run_line(line);
            assert!(out.exit_code == 0, "{line}: {}", out.combined());
        }
        let engine = &s.engine;
        assert!(engine.containers.len() >= 5);
        for c in engine.containers.values() {
            for size in [false, true] {
                assert_eq!(text(&container(engine, c, size)), text(&reference::container(engine, c, size)), "container {}", c.name);
            }
        }
        for img in engine.images.list() {
            assert_eq!(text(&image(engine, img)), text(&reference::image(engine, img)), "image {:?}", img.repo_tags);
        }
        for def in engine.networks.defs.values() {
            let now = crate::docker::network::inspect_json(engine, def);
            assert_eq!(text(&now), text(&reference::network(engine, def)), "network {}", def.name);
        }
        for v in engine.volumes.values() {
            assert_eq!(text(&crate::docker::volume::inspect_json(v)), text(&reference::volume(v)), "volume {}", v.name);
        }
    }
}
