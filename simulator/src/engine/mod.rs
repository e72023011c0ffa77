//! Engine state: images, containers and the clock, and the entry point for `docker …`.
//!
//! Lifecycle transitions live in [`lifecycle`]; the command families that read and change this state
//! live in [`crate::docker`], one file each.

pub mod archives;
pub mod container;
pub mod container_fs;
pub mod container_shell;
pub mod container_view;
pub mod fs_tree;
pub mod http;
pub mod http_client;
pub mod image;
pub mod image_store;
pub mod lifecycle;
pub mod mounted_fs;
pub mod mounts;
pub mod names;
pub mod network;
pub mod networks;
pub mod process;
pub mod reference;
pub mod userland;
pub mod users;
pub mod volume;

use std::collections::BTreeMap;

use crate::clock::Timestamp;
use crate::engine::container::Container;
use crate::engine::image_store::ImageStore;
use crate::events::Event;
use crate::ids::IdGen;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// Something scheduled to happen to a container at a given time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Timer {
    /// The main process exits by itself with this code.
    ProcessExit { id: String, run_id: u64, code: i32 },
    /// The restart manager starts the container again.
    Restart { id: String, run_id: u64 },
}

/// The simulated Docker daemon and its state.
pub struct Engine {
    now: Timestamp,
    pub ids: IdGen,
    pub images: ImageStore,
    pub containers: BTreeMap<String, Container>,
    timers: BTreeMap<(Timestamp, u64), Timer>,
    timer_seq: u64,
    /// Events produced between commands (timers), handed out with the next output.
    pending_events: Vec<Event>,
    pub network: network::Network,
    next_pid: u32,
    /// True when the client is a terminal (the browser): progress is shown in its final form.
    /// False for `dockersim` and the golden tests, like `capture.sh` (no TTY).
    pub tty: bool,
    /// What the learner typed at the terminal's interactive prompts (`Username: `, `Password: `)
    /// for the command being run, in order; taken by [`crate::Session::answer_next`].
    pub tty_answers: Vec<String>,
    /// Exit codes of containers removed automatically (`--rm`), for the `docker run` that waits on
    /// them: (container ID, exit code), one entry per ID.
    pub last_exit_codes: Vec<(String, i32)>,
    /// Output of the latest container removed automatically (container ID, output), for the
    /// `docker run` that is still printing it.
    pub removed_logs: Option<(String, Vec<container::LogEntry>)>,
    /// True when Docker Hub cannot be reached (the real-engine capture machine has no internet).
    pub hub_offline: bool,
    /// Images `docker save` wrote during the session (for `docker load`).
    pub archives: archives::Archives,
    /// Local volumes by name.
    pub volumes: BTreeMap<String, volume::Volume>,
    /// Bind mounts of containers removed since the last command, still to be written back to the
    /// project folder.
    pub removed_binds: Vec<mounts::MountPoint>,
    /// `bridge`, `host`, `none` and the user-defined networks.
    pub networks: networks::Networks,
    /// Registries of the simulated network (what was pushed) and the client's logins.
    pub registries: crate::registry::Registries,
    /// This node's swarm (services, secrets, stacks), when it is a manager.
    pub swarm: crate::swarm::SwarmState,
}

/// Why a container lookup failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerLookupError {
    NotFound(String),
    Ambiguous(String),
}

impl ContainerLookupError {
    pub fn message(&self) -> String {
        match self {
            ContainerLookupError::NotFound(n) => format!("No such container: {n}"),
            ContainerLookupError::Ambiguous(p) => format!("multiple IDs found with provided prefix: {p}"),
        }
    }
}

impl Engine {
    /// The exit code a removed container ended with, if it was removed.
    pub fn removed_exit_code(&self, id: &str) -> Option<i32> {
        self.last_exit_codes.iter().find(|(i, _)| i == id).map(|(_, code)| *code)
    }

    pub fn new(seed: u64, start: Timestamp) -> Self {
        Self {
            now: start,
            ids: IdGen::new(seed),
            images: ImageStore::new(),
            containers: BTreeMap::new(),
            timers: BTreeMap::new(),
            timer_seq: 0,
            pending_events: Vec::new(),
            network: network::Network::default(),
            next_pid: 2000,
            tty: false,
            tty_answers: Vec::new(),
            last_exit_codes: Vec::new(),
            removed_logs: None,
            hub_offline: false,
            archives: archives::Archives::default(),
            volumes: BTreeMap::new(),
            removed_binds: Vec::new(),
            networks: networks::Networks::new(start),
            registries: crate::registry::Registries::default(),
            swarm: crate::swarm::SwarmState::default(),
        }
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Moves the clock forward (never backwards), firing every timer that falls due, in order.
    pub fn advance_to(&mut self, t: Timestamp) {
        while let Some((&(when, seq), _)) = self.timers.iter().next() {
            if when > t {
                break;
            }
            let Some(timer) = self.timers.remove(&(when, seq)) else { break };
            if when > self.now {
                self.now = when;
            }
            let mut events = Vec::new();
            self.fire(timer, &mut events);
            self.pending_events.extend(events);
        }
        if t > self.now {
            self.now = t;
        }
    }

    pub(crate) fn schedule(&mut self, at: Timestamp, timer: Timer) {
        self.timer_seq += 1;
        self.timers.insert((at, self.timer_seq), timer);
    }

    /// Events that happened since the last command (restarts, exits), for the UI.
    pub fn take_pending_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.pending_events)
    }

    pub(crate) fn next_pid(&mut self) -> u32 {
        self.next_pid += 1 + (self.ids.below(40) as u32);
        self.next_pid
    }

    /// Finds a container by full ID, name, or unique ID prefix (the daemon's `GetContainer`).
    pub fn find_container(&self, id_or_name: &str) -> Result<&Container, ContainerLookupError> {
        let id = self.resolve_container_id(id_or_name)?;
        self.containers.get(&id).ok_or_else(|| ContainerLookupError::NotFound(id_or_name.to_string()))
    }

    /// The full ID of a container named by ID, name or unique ID prefix.
    pub fn resolve_container_id(&self, id_or_name: &str) -> Result<String, ContainerLookupError> {
        if id_or_name.is_empty() {
            return Err(ContainerLookupError::NotFound(id_or_name.to_string()));
        }
        if self.containers.contains_key(id_or_name) {
            return Ok(id_or_name.to_string());
        }
        let name = id_or_name.strip_prefix('/').unwrap_or(id_or_name);
        if let Some(c) = self.containers.values().find(|c| c.name == name) {
            return Ok(c.id.clone());
        }
        let mut matches = self.containers.keys().filter(|k| k.starts_with(id_or_name));
        match (matches.next(), matches.next()) {
            (Some(one), None) => Ok(one.clone()),
            (Some(_), Some(_)) => Err(ContainerLookupError::Ambiguous(id_or_name.to_string())),
            _ => Err(ContainerLookupError::NotFound(id_or_name.to_string())),
        }
    }

    /// Containers newest first.
    pub fn containers_newest_first(&self) -> Vec<&Container> {
        let mut v: Vec<&Container> = self.containers.values().collect();
        crate::sort::sort_by(&mut v, |a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
        v
    }

    /// Imports the base images the real-engine capture tool starts with: `busybox:latest` (CMD sh)
    /// and `mini:1.0` (no CMD), both from Debian's busybox-static rootfs.
    pub fn import_real_docker_base_images(&mut self) {
        crate::docker::import::import_fixture_images(self);
    }

    /// True if a container bind-mounts part of the project folder.
    pub fn has_binds(&self) -> bool {
        self.containers.values().any(|c| c.mounts.iter().any(|m| matches!(m.source, mounts::MountSource::Bind(_))))
    }

    /// Runs `docker <args>`.
    pub fn docker(&mut self, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
        let mut out = Output::new();
        out.events.extend(self.take_pending_events());
        let args = call.argv.get(1..).unwrap_or_default();
        if self.has_binds() {
            self.sync_binds_in(project);
        }
        let result = crate::docker::dispatch(self, args, call, project);
        if self.has_binds() || !self.removed_binds.is_empty() {
            self.sync_binds_out(project);
        }
        out.append(result);
        out
    }
}
