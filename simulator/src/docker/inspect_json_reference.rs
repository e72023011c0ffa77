//! The `json!` form of the inspect documents before the table-driven builder: the test oracle that
//! keeps `docker inspect` byte-identical.

use serde_json::{json, Map, Value};

use crate::clock::Timestamp;
use crate::docker::network::{endpoint_id, members};
use crate::engine::container::Container;
use crate::engine::image::Image;
use crate::engine::network::BRIDGE_GATEWAY;
use crate::engine::networks::NetworkDef;
use crate::engine::volume::Volume;
use crate::engine::Engine;

const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn time_or_zero(t: Option<Timestamp>) -> String {
    t.map_or_else(|| ZERO_TIME.to_string(), Timestamp::rfc3339_nano)
}

fn list_or_null(v: &Option<Vec<String>>) -> Value {
    v.as_ref().map_or(Value::Null, |l| json!(l))
}

/// `docker container inspect` of one container.
pub fn container(engine: &Engine, c: &Container, with_size: bool) -> Value {
    let s = &c.state;
    let mut m = Map::new();
    m.insert("Id".into(), json!(c.id));
    m.insert("Created".into(), json!(c.created.rfc3339_nano()));
    m.insert("Path".into(), json!(c.path));
    m.insert("Args".into(), json!(c.args));
    m.insert(
        "State".into(),
        json!({
            "Status": c.status().as_str(),
            "Running": s.running,
            "Paused": s.paused,
            "Restarting": s.restarting,
            "OOMKilled": s.oom_killed,
            "Dead": s.dead,
            "Pid": s.pid,
            "ExitCode": s.exit_code,
            "Error": s.error,
            "StartedAt": time_or_zero(s.started_at),
            "FinishedAt": time_or_zero(s.finished_at),
        }),
    );
    m.insert("Image".into(), json!(c.image_id));
    let base = format!("/var/lib/docker/containers/{}", c.id);
    m.insert("ResolvConfPath".into(), json!(format!("{base}/resolv.conf")));
    m.insert("HostnamePath".into(), json!(format!("{base}/hostname")));
    m.insert("HostsPath".into(), json!(format!("{base}/hosts")));
    m.insert("LogPath".into(), json!(format!("{base}/{}-json.log", c.id)));
    m.insert("Name".into(), json!(format!("/{}", c.name)));
    m.insert("RestartCount".into(), json!(c.restart_count));
    m.insert("Driver".into(), json!("overlay2"));
    m.insert("Platform".into(), json!("linux"));
    m.insert("MountLabel".into(), json!(""));
    m.insert("ProcessLabel".into(), json!(""));
    m.insert("AppArmorProfile".into(), json!(""));
    m.insert("ExecIDs".into(), Value::Null);
    m.insert("HostConfig".into(), host_config(c));
    let layer = crate::ids::sha256_hex(format!("rw:{}", c.id).as_bytes());
    let image_layers: Vec<String> = engine
        .images
        .get(&c.image_id)
        .map(|i| {
            i.layers
                .iter()
                .rev()
                .map(|l| format!("/var/lib/docker/overlay2/{}/diff", crate::ids::sha256_hex(l.diff_id.as_bytes())))
                .collect()
        })
        .unwrap_or_default();
    let mut lower = vec![format!("/var/lib/docker/overlay2/{layer}-init/diff")];
    lower.extend(image_layers);
    m.insert(
        "GraphDriver".into(),
        json!({
            "Data": {
                "ID": c.id,
                "LowerDir": lower.join(":"),
                "MergedDir": format!("/var/lib/docker/overlay2/{layer}/merged"),
                "UpperDir": format!("/var/lib/docker/overlay2/{layer}/diff"),
                "WorkDir": format!("/var/lib/docker/overlay2/{layer}/work"),
            },
            "Name": "overlay2",
        }),
    );
    if with_size {
        let virt = engine.images.get(&c.image_id).map_or(0, Image::size);
        m.insert("SizeRw".into(), json!(c.size_rw()));
        m.insert("SizeRootFs".into(), json!(virt + c.size_rw()));
    }
    m.insert("Mounts".into(), Value::Array(c.mounts.iter().map(mount_json).collect()));
    m.insert("Config".into(), container_config(c));
    let mut settings = network_settings(c);
    if !c.attachments.is_empty() {
        user_networks(engine, c, &mut settings);
    }
    m.insert("NetworkSettings".into(), settings);
    Value::Object(m)
}

fn host_config(c: &Container) -> Value {
    let h = &c.host_config;
    let mut bindings = Map::new();
    for b in &h.port_bindings {
        let entry = bindings.entry(b.container_port.clone()).or_insert_with(|| json!([]));
        if let Value::Array(a) = entry {
            a.push(json!({"HostIp": b.host_ip, "HostPort": b.host_port}));
        }
    }
    json!({
        "Binds": if h.binds.is_empty() { Value::Null } else { json!(h.binds) },
        "ContainerIDFile": "",
        "LogConfig": {"Type": "json-file", "Config": {}},
        "NetworkMode": h.network_mode,
        "PortBindings": bindings,
        "RestartPolicy": {"Name": h.restart_policy.name, "MaximumRetryCount": h.restart_policy.max_retries},
        "AutoRemove": h.auto_remove,
        "VolumeDriver": "",
        "VolumesFrom": Value::Null,
        "ConsoleSize": [0, 0],
        "CapAdd": Value::Null,
        "CapDrop": Value::Null,
        "CgroupnsMode": "host",
        "Dns": [],
        "DnsOptions": [],
        "DnsSearch": [],
        "ExtraHosts": Value::Null,
        "GroupAdd": Value::Null,
        "IpcMode": "private",
        "Cgroup": "",
        "Links": Value::Null,
        "OomScoreAdj": 0,
        "PidMode": "",
        "Privileged": false,
        "PublishAllPorts": h.publish_all_ports,
        "ReadonlyRootfs": false,
        "SecurityOpt": Value::Null,
        "UTSMode": "",
        "UsernsMode": "",
        "ShmSize": 67108864,
        "Runtime": "runc",
        "Isolation": "",
        "CpuShares": 0,
        "Memory": h.memory,
        "NanoCpus": 0,
        "CgroupParent": "",
        "BlkioWeight": 0,
        "BlkioWeightDevice": [],
        "BlkioDeviceReadBps": [],
        "BlkioDeviceWriteBps": [],
        "BlkioDeviceReadIOps": [],
        "BlkioDeviceWriteIOps": [],
        "CpuPeriod": 0,
        "CpuQuota": 0,
        "CpuRealtimePeriod": 0,
        "CpuRealtimeRuntime": 0,
        "CpusetCpus": "",
        "CpusetMems": "",
        "Devices": [],
        "DeviceCgroupRules": Value::Null,
        "DeviceRequests": Value::Null,
        "MemoryReservation": 0,
        "MemorySwap": if h.memory > 0 { json!(h.memory * 2) } else { json!(0) },
        "MemorySwappiness": Value::Null,
        "OomKillDisable": false,
        "PidsLimit": Value::Null,
        "Ulimits": [],
        "CpuCount": 0,
        "CpuPercent": 0,
        "IOMaximumIOps": 0,
        "IOMaximumBandwidth": 0,
        "MaskedPaths": [
            "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
            "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"
        ],
        "ReadonlyPaths": ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    })
    .as_object()
    .map(|o| {
        let mut o = o.clone();
        if h.init {
            o.insert("Init".into(), json!(true));
        }
        Value::Object(o)
    })
    .unwrap_or(Value::Null)
}

fn container_config(c: &Container) -> Value {
    let k = &c.config;
    let mut m = Map::new();
    m.insert("Hostname".into(), json!(k.hostname));
    m.insert("Domainname".into(), json!(""));
    m.insert("User".into(), json!(k.user));
    m.insert("AttachStdin".into(), json!(k.attach_stdin));
    m.insert("AttachStdout".into(), json!(k.attach_stdout));
    m.insert("AttachStderr".into(), json!(k.attach_stderr));
    if !k.exposed_ports.is_empty() {
        m.insert("ExposedPorts".into(), Value::Object(k.exposed_ports.iter().map(|p| (p.clone(), json!({}))).collect()));
    }
    m.insert("Tty".into(), json!(k.tty));
    m.insert("OpenStdin".into(), json!(k.open_stdin));
    m.insert("StdinOnce".into(), json!(k.stdin_once));
    m.insert("Env".into(), if k.env.is_empty() { Value::Null } else { json!(k.env) });
    m.insert("Cmd".into(), list_or_null(&k.cmd));
    m.insert("Image".into(), json!(k.image));
    m.insert(
        "Volumes".into(),
        if k.volumes.is_empty() { Value::Null } else { Value::Object(k.volumes.iter().map(|v| (v.clone(), json!({}))).collect()) },
    );
    m.insert("WorkingDir".into(), json!(k.working_dir));
    m.insert("Entrypoint".into(), list_or_null(&k.entrypoint));
    m.insert("OnBuild".into(), Value::Null);
    m.insert("Labels".into(), json!(k.labels));
    if let Some(s) = &k.stop_signal {
        m.insert("StopSignal".into(), json!(s));
    }
    Value::Object(m)
}

fn network_settings(c: &Container) -> Value {
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
                *entry = json!([]);
            }
            if let Value::Array(a) = entry {
                a.push(json!({"HostIp": b.host_ip, "HostPort": b.host_port.to_string()}));
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
    json!({
        "Bridge": "",
        "SandboxID": sandbox,
        "SandboxKey": if running { format!("/var/run/docker/netns/{}", sandbox.get(..12).unwrap_or("")) } else { String::new() },
        "Ports": ports,
        "HairpinMode": false,
        "LinkLocalIPv6Address": "",
        "LinkLocalIPv6PrefixLen": 0,
        "SecondaryIPAddresses": Value::Null,
        "SecondaryIPv6Addresses": Value::Null,
        "EndpointID": endpoint,
        "Gateway": gw,
        "GlobalIPv6Address": "",
        "GlobalIPv6PrefixLen": 0,
        "IPAddress": ip,
        "IPPrefixLen": prefix,
        "IPv6Gateway": "",
        "MacAddress": mac,
        "Networks": {
            c.host_config.network_mode.clone(): {
                "IPAMConfig": Value::Null,
                "Links": Value::Null,
                "Aliases": Value::Null,
                "MacAddress": mac,
                "DriverOpts": Value::Null,
                "GwPriority": 0,
                "NetworkID": crate::ids::sha256_hex(b"network:bridge"),
                "EndpointID": endpoint,
                "Gateway": gw,
                "IPAddress": ip,
                "IPPrefixLen": prefix,
                "IPv6Gateway": "",
                "GlobalIPv6Address": "",
                "GlobalIPv6PrefixLen": 0,
                "DNSNames": Value::Null,
            }
        }
    })
}

/// A container on user-defined networks: one `Networks` entry each (and no top-level address,
/// which only the default bridge has).
fn user_networks(engine: &Engine, c: &Container, settings: &mut Value) {
    let running = c.state.running && !c.state.restarting;
    let mut networks = Map::new();
    for a in &c.attachments {
        let def = engine.networks.find(&a.network);
        let up = running && !a.ip.is_empty();
        let endpoint = if up { crate::ids::sha256_hex(format!("endpoint:{}:{}", c.id, a.network).as_bytes()) } else { String::new() };
        networks.insert(
            a.network.clone(),
            json!({
                "IPAMConfig": Value::Null,
                "Links": Value::Null,
                "Aliases": if a.aliases.is_empty() { Value::Null } else { json!(a.aliases) },
                "MacAddress": if up { a.mac.clone() } else { String::new() },
                "DriverOpts": Value::Null,
                "GwPriority": 0,
                "NetworkID": if up { def.map(|d| d.id.clone()).unwrap_or_default() } else { String::new() },
                "EndpointID": endpoint,
                "Gateway": if up { def.and_then(|d| d.gateway()).unwrap_or_default() } else { String::new() },
                "IPAddress": if up { a.ip.clone() } else { String::new() },
                "IPPrefixLen": if up { 16 } else { 0 },
                "IPv6Gateway": "",
                "GlobalIPv6Address": "",
                "GlobalIPv6PrefixLen": 0,
                "DNSNames": if up { json!([c.name, c.short_id()]) } else { Value::Null },
            }),
        );
    }
    if let Value::Object(m) = settings {
        for key in ["EndpointID", "Gateway", "IPAddress", "MacAddress"] {
            m.insert(key.into(), json!(""));
        }
        m.insert("IPPrefixLen".into(), json!(0));
        m.insert("Networks".into(), Value::Object(networks));
    }
}

/// `docker image inspect` of one image (Docker 28.5, classic store): `Config` comes last, its keys
/// sorted, as the daemon's compatibility layer writes it.
pub fn image(engine: &Engine, img: &Image) -> Value {
    let _ = engine;
    let mut m = Map::new();
    m.insert("Id".into(), json!(img.id));
    m.insert("RepoTags".into(), json!(img.repo_tags));
    m.insert("RepoDigests".into(), json!(img.repo_digests));
    m.insert("Parent".into(), json!(img.parent));
    m.insert("Comment".into(), json!(img.comment));
    m.insert("Created".into(), json!(img.created.rfc3339_nano()));
    m.insert("DockerVersion".into(), json!(img.docker_version));
    m.insert("Author".into(), json!(img.author));
    m.insert("Architecture".into(), json!(img.architecture));
    m.insert("Os".into(), json!(img.os));
    m.insert("Size".into(), json!(img.size()));
    let dirs: Vec<String> = img.layers.iter().map(|l| format!("/var/lib/docker/overlay2/{}/diff", crate::ids::sha256_hex(l.diff_id.as_bytes()))).collect();
    let mut data = Map::new();
    if let Some((top, lower)) = dirs.split_last() {
        if !lower.is_empty() {
            let lower: Vec<String> = lower.iter().rev().cloned().collect();
            data.insert("LowerDir".into(), json!(lower.join(":")));
        }
        let top_dir = top.trim_end_matches("/diff");
        data.insert("MergedDir".into(), json!(format!("{top_dir}/merged")));
        data.insert("UpperDir".into(), json!(top));
        data.insert("WorkDir".into(), json!(format!("{top_dir}/work")));
    }
    m.insert("GraphDriver".into(), json!({"Data": data, "Name": "overlay2"}));
    m.insert(
        "RootFS".into(),
        json!({"Type": "layers", "Layers": img.layers.iter().map(|l| l.diff_id.clone()).collect::<Vec<_>>()}),
    );
    m.insert("Metadata".into(), json!({"LastTagTime": time_or_zero(img.last_tag_time)}));
    m.insert("Config".into(), image_config(img));
    Value::Object(m)
}

/// The image's `Config`, keys sorted; optional fields only when set.
fn image_config(img: &Image) -> Value {
    let c = &img.config;
    let mut m = Map::new();
    m.insert("Cmd".into(), list_or_null(&c.cmd));
    m.insert("Entrypoint".into(), list_or_null(&c.entrypoint));
    m.insert("Env".into(), if c.env.is_empty() { Value::Null } else { json!(c.env) });
    if !c.exposed_ports.is_empty() {
        m.insert("ExposedPorts".into(), Value::Object(c.exposed_ports.iter().map(|p| (p.clone(), json!({}))).collect()));
    }
    m.insert("Labels".into(), if c.labels.is_empty() { Value::Null } else { json!(c.labels) });
    m.insert("OnBuild".into(), if c.on_build.is_empty() { Value::Null } else { json!(c.on_build) });
    if let Some(s) = &c.stop_signal {
        m.insert("StopSignal".into(), json!(s));
    }
    if c.args_escaped {
        m.insert("ArgsEscaped".into(), json!(true));
    }
    m.insert("User".into(), json!(c.user));
    m.insert(
        "Volumes".into(),
        if c.volumes.is_empty() { Value::Null } else { Value::Object(c.volumes.iter().map(|v| (v.clone(), json!({}))).collect()) },
    );
    m.insert("WorkingDir".into(), json!(c.working_dir));
    let mut keys: Vec<String> = m.keys().cloned().collect();
    crate::sort::sort(&mut keys);
    Value::Object(keys.into_iter().filter_map(|k| m.get(&k).cloned().map(|v| (k, v))).collect())
}

/// One entry of a container's `Mounts` (Docker 28's order of keys).
fn mount_json(mp: &crate::engine::mounts::MountPoint) -> Value {
    use crate::engine::mounts::MountSource;
    let mut m = Map::new();
    m.insert("Type".into(), json!(mp.kind()));
    if let MountSource::Volume(name) = &mp.source {
        m.insert("Name".into(), json!(name));
    }
    m.insert("Source".into(), json!(mp.host_source()));
    m.insert("Destination".into(), json!(mp.target));
    if matches!(mp.source, MountSource::Volume(_)) {
        m.insert("Driver".into(), json!("local"));
    }
    m.insert("Mode".into(), json!(if matches!(mp.source, MountSource::Volume(_)) && !mp.read_only { "" } else if mp.read_only { "ro" } else { "" }));
    m.insert("RW".into(), json!(!mp.read_only));
    m.insert("Propagation".into(), json!(if matches!(mp.source, MountSource::Bind(_)) { "rprivate" } else { "" }));
    Value::Object(m)
}

/// `docker network inspect`'s object, as it was built with `json!`.
pub fn network(engine: &Engine, def: &NetworkDef) -> Value {
    let mut containers = Map::new();
    for (id, name, ip, mac) in members(engine, def) {
        let endpoint = if def.name == "bridge" { crate::ids::sha256_hex(format!("endpoint:{id}").as_bytes()) } else { endpoint_id(&id, &def.name) };
        containers.insert(id, json!({"Name": name, "EndpointID": endpoint, "MacAddress": mac, "IPv4Address": format!("{ip}/16"), "IPv6Address": ""}));
    }
    let config = match (def.subnet(), def.gateway()) {
        (Some(subnet), Some(gw)) => json!([{"Subnet": subnet, "Gateway": gw}]),
        _ => json!([]),
    };
    let options = if def.name == "bridge" {
        json!({
            "com.docker.network.bridge.default_bridge": "true",
            "com.docker.network.bridge.enable_icc": "true",
            "com.docker.network.bridge.enable_ip_masquerade": "true",
            "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
            "com.docker.network.bridge.name": "docker0",
            "com.docker.network.driver.mtu": "1500"
        })
    } else {
        json!({})
    };
    json!({
        "Name": def.name,
        "Id": def.id,
        "Created": def.created.rfc3339_nano(),
        "Scope": "local",
        "Driver": def.driver,
        "EnableIPv4": def.driver == "bridge",
        "EnableIPv6": false,
        "IPAM": {"Driver": "default", "Options": if def.predefined() { Value::Null } else { json!({}) }, "Config": config},
        "Internal": def.internal,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {"Network": ""},
        "ConfigOnly": false,
        "Containers": containers,
        "Options": options,
        "Labels": def.labels,
    })
}

pub fn volume(v: &Volume) -> Value {
    let mut m = Map::new();
    m.insert("CreatedAt".into(), json!(v.created.rfc3339()));
    m.insert("Driver".into(), json!("local"));
    let mut labels = v.labels.clone();
    if v.anonymous {
        labels.insert("com.docker.volume.anonymous".into(), String::new());
    }
    m.insert("Labels".into(), if labels.is_empty() { Value::Null } else { json!(labels) });
    m.insert("Mountpoint".into(), json!(v.mountpoint()));
    m.insert("Name".into(), json!(v.name));
    m.insert("Options".into(), Value::Null);
    m.insert("Scope".into(), json!("local"));
    Value::Object(m)
}
