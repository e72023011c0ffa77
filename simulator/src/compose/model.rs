//! The loaded project: the canonical tree `config` prints, and typed views of it for the commands
//! (and for `docker stack deploy -c`).

use serde_json::{Map, Value};

use super::error::ComposeError;
use super::normalize::{scalar_string, SERVICE_KEYS};

/// A loaded, merged, interpolated compose project.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// The project name (`-p`, `name:`, `COMPOSE_PROJECT_NAME` or the folder's name).
    pub name: String,
    /// Absolute project directory.
    pub working_dir: String,
    /// Absolute paths of the files that were merged, in order.
    pub config_files: Vec<String>,
    /// The enabled services, sorted by name.
    pub services: Vec<Service>,
    /// Services left out by their profiles.
    pub disabled_services: Vec<String>,
    /// Every profile a service declares (enabled or not), sorted.
    pub profiles: Vec<String>,
    pub networks: Vec<Resource>,
    pub volumes: Vec<Resource>,
    pub secrets: Vec<Secret>,
    /// Warnings Compose prints while loading (`The "X" variable is not set…`, obsolete `version`), in order.
    pub warnings: Vec<String>,
    /// The canonical model, as `docker compose config` prints it.
    pub tree: Value,
}

/// A service in its canonical form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Service {
    pub name: String,
    pub image: Option<String>,
    pub build: Option<Build>,
    pub command: Option<Vec<String>>,
    pub entrypoint: Option<Vec<String>>,
    /// `KEY=value` pairs; `None` when declared without a value and unset.
    pub environment: Vec<(String, Option<String>)>,
    pub ports: Vec<Port>,
    pub volumes: Vec<Mount>,
    pub networks: Vec<ServiceNetwork>,
    /// Services this one depends on, sorted.
    pub depends_on: Vec<String>,
    pub restart: Option<String>,
    /// `deploy.replicas` (or `scale`), 1 by default.
    pub replicas: u32,
    /// `deploy.resources.limits.memory` or `mem_limit`, in bytes.
    pub memory_limit: Option<i64>,
    /// `deploy.resources.limits.cpus`.
    pub cpus_limit: Option<f64>,
    pub secrets: Vec<SecretRef>,
    pub profiles: Vec<String>,
    pub container_name: Option<String>,
    pub labels: Vec<(String, String)>,
    pub working_dir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub tty: bool,
    pub stdin_open: bool,
    pub init: bool,
    pub network_mode: Option<String>,
    pub pull_policy: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Build {
    /// Absolute context directory.
    pub context: String,
    pub dockerfile: String,
    pub args: Vec<(String, Option<String>)>,
    pub target: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Port {
    pub target: u16,
    /// Host port (or range) as written; `None` = an ephemeral port.
    pub published: Option<String>,
    pub host_ip: Option<String>,
    pub protocol: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mount {
    /// `volume`, `bind` or `tmpfs`.
    pub kind: String,
    /// Volume key (not yet prefixed with the project) or absolute host path; `None` = anonymous.
    pub source: Option<String>,
    pub target: String,
    pub read_only: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceNetwork {
    /// The network's key in the file (`default`, `front`…).
    pub key: String,
    pub aliases: Vec<String>,
}

/// A top-level network or volume.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resource {
    pub key: String,
    /// The engine's name (`project_key`, or the given `name`, or the key when external).
    pub name: String,
    pub external: bool,
    pub driver: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Secret {
    pub key: String,
    pub name: String,
    /// Absolute path of the file holding it.
    pub file: Option<String>,
    pub external: bool,
    pub environment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SecretRef {
    pub source: String,
    /// Where it is mounted (`/run/secrets/<name>`, or relative to `/run/secrets`).
    pub target: String,
}

impl Project {
    pub fn service(&self, name: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.name == name)
    }

    /// The engine name of the network with this key.
    pub fn network_name(&self, key: &str) -> String {
        self.networks.iter().find(|n| n.key == key).map_or_else(|| format!("{}_{key}", self.name), |n| n.name.clone())
    }

    /// The engine name of the volume with this key.
    pub fn volume_name(&self, key: &str) -> String {
        self.volumes.iter().find(|n| n.key == key).map_or_else(|| format!("{}_{key}", self.name), |n| n.name.clone())
    }

    /// Services in the order `up` starts them (dependencies first, then by name).
    pub fn start_order(&self) -> Vec<&Service> {
        let mut done: Vec<&str> = Vec::new();
        let mut order = Vec::new();
        let mut guard = 0;
        while order.len() < self.services.len() && guard <= self.services.len() {
            guard += 1;
            for s in &self.services {
                if done.contains(&s.name.as_str()) {
                    continue;
                }
                let ready = s.depends_on.iter().all(|d| done.contains(&d.as_str()) || self.service(d).is_none());
                if ready {
                    done.push(&s.name);
                    order.push(s);
                }
            }
        }
        // A dependency cycle: the rest in name order.
        for s in &self.services {
            if !done.contains(&s.name.as_str()) {
                order.push(s);
            }
        }
        order
    }
}

/// Orders a service's keys as compose-go declares them.
pub fn order_service(s: &Map<String, Value>) -> Map<String, Value> {
    let mut keys: Vec<&String> = s.keys().collect();
    crate::sort::sort_by_key(&mut keys, |k| (SERVICE_KEYS.iter().position(|x| x == k).unwrap_or(usize::MAX), (*k).clone()));
    keys.into_iter().filter_map(|k| s.get(k).map(|v| (k.clone(), v.clone()))).collect()
}

fn strings(v: Option<&Value>) -> Option<Vec<String>> {
    match v? {
        Value::Array(a) => Some(a.iter().filter_map(scalar_string).collect()),
        _ => None,
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    v.and_then(scalar_string)
}

/// The typed view of one canonical service.
pub fn service_of(name: &str, s: &Map<String, Value>) -> Service {
    let deploy = s.get("deploy");
    let limits = deploy.and_then(|d| d.get("resources")).and_then(|r| r.get("limits"));
    let replicas = deploy
        .and_then(|d| d.get("replicas"))
        .and_then(Value::as_i64)
        .or_else(|| s.get("scale").and_then(Value::as_i64))
        .map_or(1, |n| n.clamp(0, 100) as u32);
    Service {
        name: name.to_string(),
        image: string(s.get("image")),
        build: s.get("build").map(|b| Build {
            context: string(b.get("context")).unwrap_or_default(),
            dockerfile: string(b.get("dockerfile")).unwrap_or_else(|| "Dockerfile".into()),
            args: b.get("args").map(super::normalize::key_values).unwrap_or_default(),
            target: string(b.get("target")),
        }),
        command: strings(s.get("command")),
        entrypoint: strings(s.get("entrypoint")),
        environment: s.get("environment").map(super::normalize::key_values).unwrap_or_default(),
        ports: match s.get("ports") {
            Some(Value::Array(a)) => a
                .iter()
                .map(|p| Port {
                    target: p.get("target").and_then(Value::as_u64).and_then(|t| u16::try_from(t).ok()).unwrap_or(0),
                    published: string(p.get("published")),
                    host_ip: string(p.get("host_ip")),
                    protocol: string(p.get("protocol")).unwrap_or_else(|| "tcp".into()),
                })
                .collect(),
            _ => Vec::new(),
        },
        volumes: match s.get("volumes") {
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| Mount {
                    kind: string(v.get("type")).unwrap_or_else(|| "volume".into()),
                    source: string(v.get("source")),
                    target: string(v.get("target")).unwrap_or_default(),
                    read_only: v.get("read_only").and_then(Value::as_bool).unwrap_or(false),
                })
                .collect(),
            _ => Vec::new(),
        },
        networks: match s.get("networks") {
            Some(Value::Object(m)) => m
                .iter()
                .map(|(k, v)| ServiceNetwork { key: k.clone(), aliases: strings(v.get("aliases")).unwrap_or_default() })
                .collect(),
            _ => Vec::new(),
        },
        depends_on: match s.get("depends_on") {
            Some(Value::Object(m)) => m.keys().cloned().collect(),
            _ => Vec::new(),
        },
        restart: string(s.get("restart")),
        replicas,
        memory_limit: limits
            .and_then(|l| l.get("memory"))
            .or_else(|| s.get("mem_limit"))
            .and_then(scalar_string)
            .and_then(|m| m.parse().ok()),
        cpus_limit: limits.and_then(|l| l.get("cpus")).and_then(|c| c.as_f64().or_else(|| scalar_string(c).and_then(|s| s.parse().ok()))),
        secrets: match s.get("secrets") {
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| SecretRef { source: string(v.get("source")).unwrap_or_default(), target: string(v.get("target")).unwrap_or_default() })
                .collect(),
            _ => Vec::new(),
        },
        profiles: strings(s.get("profiles")).unwrap_or_default(),
        container_name: string(s.get("container_name")),
        labels: match s.get("labels") {
            Some(Value::Object(m)) => m.iter().map(|(k, v)| (k.clone(), scalar_string(v).unwrap_or_default())).collect(),
            _ => Vec::new(),
        },
        working_dir: string(s.get("working_dir")),
        user: string(s.get("user")),
        hostname: string(s.get("hostname")),
        tty: s.get("tty").and_then(Value::as_bool).unwrap_or(false),
        stdin_open: s.get("stdin_open").and_then(Value::as_bool).unwrap_or(false),
        init: s.get("init").and_then(Value::as_bool).unwrap_or(false),
        network_mode: string(s.get("network_mode")),
        pull_policy: string(s.get("pull_policy")),
    }
}

/// Checks what only the merged project can tell (compose-go's `checkConsistency`).
pub fn check(tree: &Map<String, Value>, services: &[Service]) -> Result<(), ComposeError> {
    let section = |name: &str| -> Vec<String> {
        match tree.get(name) {
            Some(Value::Object(m)) => m.keys().cloned().collect(),
            _ => Vec::new(),
        }
    };
    let (networks, volumes, secrets) = (section("networks"), section("volumes"), section("secrets"));
    for s in services {
        if s.image.is_none() && s.build.is_none() {
            return Err(ComposeError::invalid_project(format!("service {:?} has neither an image nor a build context specified", s.name)));
        }
        for d in &s.depends_on {
            if !services.iter().any(|o| &o.name == d) {
                return Err(ComposeError::invalid_project(format!("service {:?} depends on undefined service {d:?}", s.name)));
            }
        }
        for n in &s.networks {
            if n.key != "default" && !networks.contains(&n.key) {
                return Err(ComposeError::invalid_project(format!("service {:?} refers to undefined network {}", s.name, n.key)));
            }
        }
        for v in &s.volumes {
            if v.kind == "volume" {
                if let Some(src) = &v.source {
                    if !volumes.contains(src) {
                        return Err(ComposeError::invalid_project(format!("service {:?} refers to undefined volume {src}", s.name)));
                    }
                }
            }
        }
        for sec in &s.secrets {
            if !secrets.contains(&sec.source) {
                return Err(ComposeError::invalid_project(format!("service {:?} refers to undefined secret {}", s.name, sec.source)));
            }
        }
        if s.container_name.is_some() && s.replicas > 1 {
            return Err(ComposeError::invalid_project(format!(
                "services.deploy.replicas: can't set container_name and {} as container name must be unique",
                s.name
            )));
        }
    }
    Ok(())
}
