//! Containers: configuration, state as the daemon keeps it, and the strings derived from it.

use std::collections::BTreeMap;

use crate::clock::Timestamp;
use crate::engine::process::Program;
use crate::events::ContainerState;
use crate::engine::mounts::MountPoint;
use crate::engine::networks::Attachment;
use crate::fs::MergedFs;
use crate::output::Stream;

/// A published port: host binding → container port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortBinding {
    /// Container port with protocol, e.g. `80/tcp`.
    pub container_port: String,
    /// Host IP as given (`""` = all interfaces, both `0.0.0.0` and `::`).
    pub host_ip: String,
    /// Host port as given (`""` = an ephemeral port is chosen at start).
    pub host_port: String,
}

/// A host port actually bound while the container runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundPort {
    pub container_port: u16,
    pub proto: String,
    pub host_ip: String,
    pub host_port: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestartPolicy {
    /// `no`, `always`, `on-failure`, `unless-stopped`.
    pub name: String,
    pub max_retries: i64,
}

impl Default for RestartPolicy {
    fn default() -> Self {
        Self { name: "no".to_string(), max_retries: 0 }
    }
}

/// What `docker run`/`create` asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContainerConfig {
    pub hostname: String,
    pub user: String,
    pub attach_stdin: bool,
    pub attach_stdout: bool,
    pub attach_stderr: bool,
    pub exposed_ports: Vec<String>,
    pub tty: bool,
    pub open_stdin: bool,
    pub stdin_once: bool,
    pub env: Vec<String>,
    pub cmd: Option<Vec<String>>,
    /// The image as the learner typed it (`Config.Image`).
    pub image: String,
    pub volumes: Vec<String>,
    pub working_dir: String,
    pub entrypoint: Option<Vec<String>>,
    pub labels: BTreeMap<String, String>,
    pub stop_signal: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostConfig {
    pub binds: Vec<String>,
    pub port_bindings: Vec<PortBinding>,
    pub restart_policy: RestartPolicy,
    pub auto_remove: bool,
    pub publish_all_ports: bool,
    /// Bytes; 0 = unlimited.
    pub memory: i64,
    pub init: bool,
    pub network_mode: String,
    /// `--mount` and `-v` specs as typed (their filesystem effects come with volumes).
    pub mounts: Vec<String>,
    /// `--read-only`: the container's root filesystem cannot be written.
    pub readonly_rootfs: bool,
}

/// The daemon's view of a container's state (`moby/daemon/container/state.go`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub running: bool,
    pub paused: bool,
    pub restarting: bool,
    pub oom_killed: bool,
    pub removal_in_progress: bool,
    pub dead: bool,
    pub pid: u32,
    pub exit_code: i32,
    pub error: String,
    pub started_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
}

impl State {
    /// `.State.Status` / the STATE column.
    pub fn status(&self) -> ContainerState {
        if self.running {
            if self.paused {
                return ContainerState::Paused;
            }
            if self.restarting {
                return ContainerState::Restarting;
            }
            return ContainerState::Running;
        }
        if self.removal_in_progress {
            return ContainerState::Removing;
        }
        if self.dead {
            return ContainerState::Dead;
        }
        if self.started_at.is_none() {
            return ContainerState::Created;
        }
        ContainerState::Exited
    }

    /// The STATUS column (`State.String()`).
    pub fn describe(&self, now: Timestamp) -> String {
        if self.running {
            let up = format!("Up {}", human_duration(now.since(self.started_at.unwrap_or(now))));
            if self.paused {
                return format!("{up} (Paused)");
            }
            if self.restarting {
                let since = now.since(self.finished_at.unwrap_or(now));
                return format!("Restarting ({}) {} ago", self.exit_code, human_duration(since));
            }
            return up;
        }
        if self.removal_in_progress {
            return "Removal In Progress".to_string();
        }
        if self.dead {
            return "Dead".to_string();
        }
        if self.started_at.is_none() {
            return "Created".to_string();
        }
        let Some(finished) = self.finished_at else { return String::new() };
        format!("Exited ({}) {} ago", self.exit_code, human_duration(now.since(finished)))
    }
}

/// A line a container's process wrote, as `docker logs` returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub time: Timestamp,
    pub stream: Stream,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Container {
    pub id: String,
    /// Without the leading `/`.
    pub name: String,
    pub created: Timestamp,
    /// `sha256:…` of the image.
    pub image_id: String,
    /// Executable and arguments of PID 1.
    pub path: String,
    pub args: Vec<String>,
    pub config: ContainerConfig,
    pub host_config: HostConfig,
    pub state: State,
    pub restart_count: u32,
    pub manually_stopped: bool,
    pub logs: Vec<LogEntry>,
    /// Ports bound while running.
    pub bound_ports: Vec<BoundPort>,
    pub ip_address: String,
    pub mac_address: String,
    /// The running program, while running.
    pub program: Option<Program>,
    /// Increments at every start, so stale timers are recognised.
    pub run_id: u64,
    /// Next restart back-off delay in nanoseconds.
    pub restart_delay: i64,
    /// The container's root filesystem: the image's layers, the init layer, the writable layer.
    pub fs: MergedFs,
    /// How many of `fs.lowers()` are the image's (the next one is the init layer, never committed).
    pub image_layers: usize,
    /// Volumes, bind mounts and tmpfs mounted into it.
    pub mounts: Vec<MountPoint>,
    /// User-defined networks it is attached to (the default bridge uses `ip_address`).
    pub attachments: Vec<Attachment>,
}

impl Container {
    pub fn short_id(&self) -> &str {
        self.id.get(..12).unwrap_or(&self.id)
    }

    /// The COMMAND column's source: path and args, args with spaces single-quoted.
    pub fn command_line(&self) -> String {
        let mut s = self.path.clone();
        for a in &self.args {
            s.push(' ');
            if a.contains(' ') {
                s.push('\'');
                s.push_str(a);
                s.push('\'');
            } else {
                s.push_str(a);
            }
        }
        s
    }

    pub fn status(&self) -> ContainerState {
        self.state.status()
    }

    /// The address other containers and the host reach it at: on the default bridge, or on its
    /// first user-defined network.
    pub fn primary_ip(&self) -> Option<&str> {
        if !self.ip_address.is_empty() {
            return Some(&self.ip_address);
        }
        self.attachments.iter().map(|a| a.ip.as_str()).find(|ip| !ip.is_empty())
    }

    /// Bytes in the container's writable layer (`SizeRw`, the first number of `docker ps -s`).
    pub fn size_rw(&self) -> u64 {
        self.fs.upper_size()
    }
}

/// go-units `HumanDuration` (temporary local copy until `format::units` lands).
fn human_duration(nanos: i64) -> String {
    let secs = nanos / 1_000_000_000;
    if secs < 1 {
        return "Less than a second".into();
    }
    if secs == 1 {
        return "1 second".into();
    }
    if secs < 60 {
        return format!("{secs} seconds");
    }
    let minutes = secs / 60;
    if minutes == 1 {
        return "About a minute".into();
    }
    if minutes < 60 {
        return format!("{minutes} minutes");
    }
    let hours = ((nanos as f64) / 3.6e12 + 0.5) as i64;
    if hours == 1 {
        return "About an hour".into();
    }
    if hours < 48 {
        return format!("{hours} hours");
    }
    if hours < 24 * 7 * 2 {
        return format!("{} days", hours / 24);
    }
    if hours < 24 * 30 * 2 {
        return format!("{} weeks", hours / 24 / 7);
    }
    if hours < 24 * 365 * 2 {
        return format!("{} months", hours / 24 / 30);
    }
    format!("{} years", nanos / 3_600_000_000_000 / 24 / 365)
}
