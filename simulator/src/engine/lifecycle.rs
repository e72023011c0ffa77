//! Container lifecycle: created → running ⇄ paused, restarting, exited, dead, removed, with the
//! daemon's guards and messages (`moby/daemon/{start,stop,kill,pause,unpause,delete}.go`).
//!
//! Every method either applies a whole transition or returns the daemon's error and changes nothing.

use crate::clock::{Timestamp, NANOS_PER_SEC};
use crate::engine::container::{BoundPort, Container, LogEntry};
use crate::engine::process::{self, Launch, StartError};
use crate::engine::mounts::MountSource;
use crate::engine::{container_fs, users};
use crate::fs::MergedFs;
use crate::engine::{Engine, Timer};
use crate::events::{ContainerState, Event};
use crate::output::Stream;

/// How long a process that handles the stop signal takes to exit.
const GRACEFUL_EXIT_NS: i64 = 150_000_000;
/// Default stop timeout on Linux.
pub const DEFAULT_STOP_TIMEOUT: i64 = 10;
const MAX_RESTART_DELAY_NS: i64 = 60 * NANOS_PER_SEC;

/// Why a start failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartFailure {
    /// A daemon error message (exit 1 from `docker start`, 125 from `docker run`).
    Daemon(String),
    /// The process could not be executed (exit 127 or 126 from `docker run`).
    Exec(StartError),
}

impl StartFailure {
    pub fn message(&self) -> String {
        match self {
            StartFailure::Daemon(m) => m.clone(),
            StartFailure::Exec(e) => e.message(),
        }
    }
}

impl Engine {
    fn container_mut(&mut self, id: &str) -> Option<&mut Container> {
        self.containers.get_mut(id)
    }

    fn state_event(events: &mut Vec<Event>, c: &Container, from: ContainerState) {
        let to = c.status();
        if from != to {
            events.push(Event::ContainerStateChanged { id: c.id.clone(), name: c.name.clone(), from, to });
        }
    }

    /// `docker start`: validates, binds ports, launches the main process.
    pub fn start(&mut self, id: &str, events: &mut Vec<Event>) -> Result<(), StartFailure> {
        let Some(c) = self.containers.get(id) else {
            return Err(StartFailure::Daemon(format!("No such container: {id}")));
        };
        if c.state.paused {
            return Err(StartFailure::Daemon("cannot start a paused container, try unpause instead".into()));
        }
        if c.state.running && !c.state.restarting {
            return Ok(());
        }
        if c.state.dead || c.state.removal_in_progress {
            return Err(StartFailure::Daemon("container is marked for removal and cannot be started".into()));
        }
        if let Some(c) = self.container_mut(id) {
            c.manually_stopped = false;
        }
        self.begin_run(id, events)
    }

    /// Launches the main process of a stopped/created/restarting container.
    pub(crate) fn begin_run(&mut self, id: &str, events: &mut Vec<Event>) -> Result<(), StartFailure> {
        let now = self.now();
        let Some(c) = self.containers.get(id) else {
            return Err(StartFailure::Daemon(format!("No such container: {id}")));
        };
        let from = c.status();
        let mut argv = vec![c.path.clone()];
        argv.extend(c.args.iter().cloned());
        let user = match users::resolve(&c.fs, &c.config.user) {
            Ok(u) => u,
            Err(e) => return Err(StartFailure::Daemon(e)),
        };
        let env = process_env(c, &user);
        let (tty, open_stdin, init) = (c.config.tty, c.config.open_stdin, c.host_config.init);
        let (hostname, workdir) = (c.config.hostname.clone(), c.config.working_dir.clone());
        let needs_ip = c.ip_address.is_empty() && matches!(c.host_config.network_mode.as_str(), "bridge" | "default");
        let user_networks: Vec<String> = c.attachments.iter().map(|a| a.network.clone()).collect();
        if let Some(missing) = user_networks.iter().find(|n| !self.networks.defs.contains_key(*n)) {
            return Err(StartFailure::Daemon(format!("failed to set up container networking: network {missing} not found")));
        }
        // Networking first: a port conflict leaves the container as it was.
        let bound = self.bind_ports(id)?;
        let ip = needs_ip.then(|| self.network.allocate_ip());
        let user_ips: Vec<Option<String>> = user_networks.iter().map(|n| self.networks.allocate(n)).collect();
        let Some(c) = self.containers.get_mut(id) else { return Ok(()) };
        if let Some(ip) = &ip {
            c.ip_address = ip.clone();
        }
        for (a, ip) in c.attachments.iter_mut().zip(&user_ips) {
            a.ip = ip.clone().unwrap_or_default();
        }
        container_fs::refresh_at_start(c, now.secs());
        c.fs.now = now.secs();
        // The daemon creates a missing working directory (owned by root) before starting.
        if !workdir.is_empty() && c.fs.stat(&workdir).is_err() {
            let read_only = std::mem::replace(&mut c.fs.read_only, false);
            (c.fs.uid, c.fs.gid) = (0, 0);
            let _ = c.fs.mkdir_all(&workdir);
            c.fs.read_only = read_only;
        }
        // A tmpfs starts empty at every start.
        for m in c.mounts.iter_mut().filter(|m| m.source == MountSource::Tmpfs) {
            m.data = Some(MergedFs::new(Vec::new()));
        }
        let net = crate::engine::userland::wants_net(&argv.join(" ")).then(|| self.net_from(Some(id)));
        let launch = Launch { argv: &argv, env: &env, tty, open_stdin, init, now, hostname: &hostname, workdir: &workdir, user: &user, net: net.as_ref() };
        let launched = match self.container_view(id) {
            Some(mut view) => process::launch(&launch, &mut view),
            None => return Ok(()),
        };
        let program = match launched {
            Ok(p) => p,
            Err(e) => {
                if let Some(ip) = ip {
                    self.network.release_ip(&ip);
                }
                self.release_attachments(id);
                self.network.release_ports_of(id);
                if let Some(c) = self.container_mut(id) {
                    c.ip_address.clear();
                    c.state.exit_code = e.exit_code();
                    c.state.error = e.message();
                    c.state.restarting = false;
                    c.state.running = false;
                }
                return Err(StartFailure::Exec(e));
            }
        };
        let pid = self.next_pid();
        let mac = self.random_mac();
        let Some(c) = self.containers.get_mut(id) else { return Ok(()) };
        c.run_id += 1;
        c.state.running = true;
        c.state.restarting = false;
        c.state.paused = false;
        c.state.pid = pid;
        c.state.error.clear();
        c.state.started_at = Some(now);
        c.bound_ports = bound;
        if ip.is_some() {
            c.mac_address = mac;
        }
        let needs_macs = c.attachments.iter().filter(|a| !a.ip.is_empty()).count();
        let macs: Vec<String> = (0..needs_macs).map(|_| self.random_mac()).collect();
        let Some(c) = self.containers.get_mut(id) else { return Ok(()) };
        for (a, mac) in c.attachments.iter_mut().filter(|a| !a.ip.is_empty()).zip(macs) {
            a.mac = mac;
        }
        for (delay, stream, text) in &program.output {
            let stream = if c.config.tty { Stream::Stdout } else { *stream };
            c.logs.push(LogEntry { time: now.plus_nanos(*delay), stream, text: text.replace('\n', if c.config.tty { "\r\n" } else { "\n" }) });
        }
        let exit = program.exit;
        let run_id = c.run_id;
        c.program = Some(program);
        Self::state_event(events, c, from);
        if let Some((after, code)) = exit {
            let cid = c.id.clone();
            if after == 0 {
                self.process_exited(&cid, code, events);
            } else {
                self.schedule(now.plus_nanos(after), Timer::ProcessExit { id: cid, run_id, code });
            }
        }
        Ok(())
    }

    fn bind_ports(&mut self, id: &str) -> Result<Vec<BoundPort>, StartFailure> {
        let Some(c) = self.containers.get(id) else { return Ok(Vec::new()) };
        let name = c.name.clone();
        let mut wanted: Vec<(String, String, u16, String)> = Vec::new(); // (host_ip, host_port, container port, proto)
        for b in &c.host_config.port_bindings {
            let (port, proto) = split_port(&b.container_port);
            wanted.push((b.host_ip.clone(), b.host_port.clone(), port, proto));
        }
        if c.host_config.publish_all_ports {
            let image_ports = self.images.get(&c.image_id).map(|i| i.config.exposed_ports.clone()).unwrap_or_default();
            let mut all: Vec<String> = c.config.exposed_ports.clone();
            for p in image_ports {
                if !all.contains(&p) {
                    all.push(p);
                }
            }
            for p in all {
                let (port, proto) = split_port(&p);
                if !wanted.iter().any(|w| w.2 == port && w.3 == proto) {
                    wanted.push((String::new(), String::new(), port, proto));
                }
            }
        }
        let mut bound = Vec::new();
        for (host_ip, host_port, port, proto) in wanted {
            let hp = match host_port.parse::<u16>() {
                Ok(p) if p != 0 => p,
                _ => self.network.ephemeral_port(&proto),
            };
            let ips: Vec<String> = if host_ip.is_empty() { vec!["0.0.0.0".into(), "::".into()] } else { vec![host_ip.clone()] };
            for ip in &ips {
                if self.network.port_taken(ip, hp, &proto) || bound.iter().any(|b: &BoundPort| b.host_port == hp && b.proto == proto && (&b.host_ip == ip)) {
                    self.network.release_ports_of(id);
                    let shown = if ip.contains(':') { format!("[{ip}]") } else { ip.clone() };
                    let endpoint = crate::ids::sha256_hex(format!("endpoint:{id}:{hp}").as_bytes());
                    return Err(StartFailure::Daemon(format!(
                        "failed to set up container networking: driver failed programming external connectivity on endpoint {name} ({endpoint}): Bind for {shown}:{hp} failed: port is already allocated"
                    )));
                }
                self.network.bind_port(ip, hp, &proto, id);
                bound.push(BoundPort { container_port: port, proto: proto.clone(), host_ip: ip.clone(), host_port: hp });
            }
        }
        Ok(bound)
    }

    /// The main process ended by itself (the learner typed `exit` in its shell).
    pub fn main_process_exited(&mut self, id: &str, code: i32, events: &mut Vec<Event>) {
        if self.containers.get(id).is_some_and(|c| c.state.running) {
            self.process_exited(id, code, events);
        }
    }

    /// The main process ended with `code`: update state, then auto-remove or restart per policy.
    pub(crate) fn process_exited(&mut self, id: &str, code: i32, events: &mut Vec<Event>) {
        let now = self.now();
        self.network.release_ports_of(id);
        if let Some(ip) = self.containers.get(id).map(|c| c.ip_address.clone()).filter(|ip| !ip.is_empty()) {
            self.network.release_ip(&ip);
        }
        self.release_attachments(id);
        let Some(c) = self.containers.get_mut(id) else { return };
        c.ip_address.clear();
        c.mac_address.clear();
        let from = c.status();
        let ran_ns = now.since(c.state.started_at.unwrap_or(now));
        c.state.running = false;
        c.state.paused = false;
        c.state.pid = 0;
        c.state.exit_code = code;
        c.state.finished_at = Some(now);
        c.program = None;
        c.bound_ports.clear();
        let policy = c.host_config.restart_policy.clone();
        let restart = match policy.name.as_str() {
            "always" | "unless-stopped" => !c.manually_stopped,
            "on-failure" => code != 0 && !c.manually_stopped && (policy.max_retries == 0 || i64::from(c.restart_count) < policy.max_retries),
            _ => false,
        };
        if restart {
            c.restart_delay = if ran_ns >= 10 * NANOS_PER_SEC || c.restart_delay == 0 { 100_000_000 } else { (c.restart_delay * 2).min(MAX_RESTART_DELAY_NS) };
            c.state.running = true;
            c.state.restarting = true;
            let (delay, run_id, cid) = (c.restart_delay, c.run_id, c.id.clone());
            Self::state_event(events, c, from);
            self.schedule(now.plus_nanos(delay), Timer::Restart { id: cid, run_id });
            return;
        }
        Self::state_event(events, c, from);
        if c.host_config.auto_remove {
            let cid = c.id.clone();
            self.delete_container(&cid, events);
        }
    }

    pub(crate) fn fire(&mut self, timer: Timer, events: &mut Vec<Event>) {
        match timer {
            Timer::ProcessExit { id, run_id, code } => {
                if self.containers.get(&id).is_some_and(|c| c.run_id == run_id && c.state.running && !c.state.restarting) {
                    self.process_exited(&id, code, events);
                }
            }
            Timer::Restart { id, run_id } => {
                let due = self.containers.get(&id).is_some_and(|c| c.run_id == run_id && c.state.restarting);
                if due {
                    if let Some(c) = self.containers.get_mut(&id) {
                        c.restart_count += 1;
                    }
                    if self.begin_run(&id, events).is_err() {
                        if let Some(c) = self.containers.get_mut(&id) {
                            let from = c.status();
                            c.state.running = false;
                            c.state.restarting = false;
                            Self::state_event(events, c, from);
                        }
                    }
                }
            }
        }
    }

    /// Sends a signal to a running container's main process. Returns the exit code if it ends.
    fn deliver_signal(&mut self, id: &str, sig: i32) -> Option<i32> {
        let c = self.containers.get(id)?;
        let program = c.program.as_ref()?;
        program.on_signal(sig, c.host_config.init)
    }

    /// `docker stop`: stop signal, grace period, then SIGKILL. Stopping a stopped container is fine.
    pub fn stop(&mut self, id: &str, timeout: Option<i64>, signal: Option<&str>, events: &mut Vec<Event>) -> Result<(), String> {
        let Some(c) = self.containers.get_mut(id) else { return Err(format!("No such container: {id}")) };
        c.manually_stopped = true;
        if c.state.restarting {
            let from = c.status();
            c.state.running = false;
            c.state.restarting = false;
            Self::state_event(events, c, from);
            return Ok(());
        }
        if !c.state.running {
            return Ok(());
        }
        let image_signal = self.images.get(&c.image_id).and_then(|i| i.config.stop_signal.clone());
        let sig_name = signal
            .map(str::to_string)
            .or_else(|| c.config.stop_signal.clone())
            .or(image_signal)
            .unwrap_or_else(|| "SIGTERM".into());
        let sig = process::signal_number(&sig_name).unwrap_or(15);
        let timeout = timeout.unwrap_or(DEFAULT_STOP_TIMEOUT);
        if let Some(c) = self.containers.get_mut(id) {
            c.state.paused = false;
        }
        let run_id = self.containers.get(id).map_or(0, |c| c.run_id);
        let now = self.now();
        match self.deliver_signal(id, sig) {
            Some(code) => {
                self.advance_to(now.plus_nanos(GRACEFUL_EXIT_NS));
                if self.still_running(id, run_id) {
                    self.process_exited(id, code, events);
                }
            }
            None => {
                if timeout >= 0 {
                    self.advance_to(now.plus_secs(timeout));
                    if self.still_running(id, run_id) {
                        self.process_exited(id, 137, events);
                    }
                } else {
                    // A negative timeout waits forever: the process keeps running.
                }
            }
        }
        self.take_pending_into(events);
        Ok(())
    }

    fn still_running(&self, id: &str, run_id: u64) -> bool {
        self.containers.get(id).is_some_and(|c| c.run_id == run_id && c.state.running && !c.state.restarting)
    }

    fn take_pending_into(&mut self, events: &mut Vec<Event>) {
        events.extend(self.take_pending_events());
    }

    /// `docker kill`: `typed` is the name as the learner wrote it (used in the error).
    pub fn kill(&mut self, id: &str, typed: &str, signal: &str, events: &mut Vec<Event>) -> Result<(), String> {
        let Some(c) = self.containers.get(id) else { return Err(format!("No such container: {typed}")) };
        let Some(sig) = process::signal_number(signal) else {
            return Err(format!("cannot kill container: {typed}: invalid signal: {signal}"));
        };
        if !c.state.running || c.state.restarting {
            return Err(format!("cannot kill container: {typed}: container {id} is not running"));
        }
        if let Some(c) = self.containers.get_mut(id) {
            c.manually_stopped = true;
        }
        if let Some(code) = self.deliver_signal(id, sig) {
            if let Some(c) = self.containers.get_mut(id) {
                c.state.paused = false;
            }
            self.process_exited(id, code, events);
        } else if let Some(c) = self.containers.get_mut(id) {
            c.manually_stopped = false;
        }
        Ok(())
    }

    pub fn pause(&mut self, id: &str, events: &mut Vec<Event>) -> Result<(), String> {
        let Some(c) = self.containers.get_mut(id) else { return Err(format!("No such container: {id}")) };
        if !c.state.running {
            return Err(format!("container {id} is not running"));
        }
        if c.state.paused {
            return Err(format!("Container {id} is already paused"));
        }
        if c.state.restarting {
            return Err(format!("Container {id} is restarting, wait until the container is running"));
        }
        let from = c.status();
        c.state.paused = true;
        Self::state_event(events, c, from);
        Ok(())
    }

    pub fn unpause(&mut self, id: &str, events: &mut Vec<Event>) -> Result<(), String> {
        let Some(c) = self.containers.get_mut(id) else { return Err(format!("No such container: {id}")) };
        if !c.state.paused {
            return Err(format!("Container {id} is not paused"));
        }
        let from = c.status();
        c.state.paused = false;
        Self::state_event(events, c, from);
        Ok(())
    }

    /// `docker restart`: stop (if running) then start.
    pub fn restart(&mut self, id: &str, timeout: Option<i64>, events: &mut Vec<Event>) -> Result<(), StartFailure> {
        self.stop(id, timeout, None, events).map_err(StartFailure::Daemon)?;
        if let Some(c) = self.containers.get_mut(id) {
            c.manually_stopped = false;
        }
        self.start(id, events)
    }

    /// `docker rm`: `typed` is the name as given (used in the error).
    pub fn remove(&mut self, id: &str, typed: &str, force: bool, events: &mut Vec<Event>) -> Result<(), String> {
        let Some(c) = self.containers.get(id) else { return Err(format!("No such container: {typed}")) };
        if !force {
            if c.state.paused {
                return Err(format!("cannot remove container \"{typed}\": container is paused and must be unpaused first"));
            }
            if c.state.restarting {
                return Err(format!(
                    "cannot remove container \"{typed}\": container is restarting: stop the container before removing or force remove"
                ));
            }
            if c.state.running {
                return Err(format!(
                    "cannot remove container \"{typed}\": container is running: stop the container before removing or force remove"
                ));
            }
        } else if c.state.running {
            if let Some(c) = self.containers.get_mut(id) {
                c.host_config.auto_remove = false;
                c.manually_stopped = true;
                c.state.restarting = false;
            }
            self.process_exited(id, 137, events);
        }
        self.delete_container(id, events);
        Ok(())
    }

    /// Removes a container record for good (after it stopped).
    pub(crate) fn delete_container(&mut self, id: &str, events: &mut Vec<Event>) {
        self.network.release_ports_of(id);
        self.release_attachments(id);
        let anonymous = self.anonymous_volumes_of(id);
        if let Some(mut c) = self.containers.remove(id) {
            self.removed_binds.extend(c.mounts.drain(..).filter(|m| matches!(m.source, MountSource::Bind(_))));
            match self.last_exit_codes.iter_mut().find(|(id, _)| *id == c.id) {
                Some(slot) => slot.1 = c.state.exit_code,
                None => self.last_exit_codes.push((c.id.clone(), c.state.exit_code)),
            }
            if c.host_config.auto_remove {
                // `--rm` takes the container's anonymous volumes with it.
                self.drop_volumes(&anonymous);
                // Only the latest auto-removed container's output is kept.
                self.removed_logs = Some((c.id.clone(), c.logs.clone()));
            }
            if !c.ip_address.is_empty() {
                self.network.release_ip(&c.ip_address);
            }
            events.push(Event::ContainerRemoved { id: c.id, name: c.name });
        }
    }

    /// When a running container's process will exit by itself, if it will.
    pub fn scheduled_exit(&self, id: &str) -> Option<(Timestamp, i32)> {
        let run_id = self.containers.get(id)?.run_id;
        self.timers.iter().find_map(|((when, _), t)| match t {
            Timer::ProcessExit { id: tid, run_id: r, code } if tid == id && *r == run_id => Some((*when, *code)),
            _ => None,
        })
    }
}

impl Engine {
    /// The environment a process started in this container sees (main process or `exec`).
    pub fn process_env_of(&self, id: &str) -> Vec<String> {
        let Some(c) = self.containers.get(id) else { return Vec::new() };
        let user = users::resolve(&c.fs, &c.config.user).or_else(|_| users::resolve(&c.fs, "")).ok();
        match user {
            Some(u) => process_env(c, &u),
            None => c.config.env.clone(),
        }
    }
}

/// The environment of the main process (`CreateDaemonEnvironment`, then `HOME` from the user).
fn process_env(c: &Container, user: &users::User) -> Vec<String> {
    let mut env = vec![
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
        format!("HOSTNAME={}", c.config.hostname),
    ];
    if c.config.tty {
        env.push("TERM=xterm".to_string());
    }
    for kv in &c.config.env {
        let key = kv.split_once('=').map_or(kv.as_str(), |(k, _)| k);
        match env.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) == key) {
            Some(slot) => *slot = kv.clone(),
            None => env.push(kv.clone()),
        }
    }
    if !env.iter().any(|e| e.starts_with("HOME=")) {
        env.push(format!("HOME={}", user.home));
    }
    env
}

fn split_port(spec: &str) -> (u16, String) {
    let (p, proto) = spec.split_once('/').unwrap_or((spec, "tcp"));
    (p.parse().unwrap_or(0), proto.to_string())
}

impl Engine {
    /// Gives back a container's addresses on user-defined networks.
    pub(crate) fn release_attachments(&mut self, id: &str) {
        let Some(c) = self.containers.get_mut(id) else { return };
        let held: Vec<(String, String)> = c.attachments.iter().filter(|a| !a.ip.is_empty()).map(|a| (a.network.clone(), a.ip.clone())).collect();
        for a in c.attachments.iter_mut() {
            a.ip.clear();
            a.mac.clear();
        }
        for (network, ip) in held {
            self.networks.release(&network, &ip);
        }
    }

    /// A random, locally administered unicast MAC address, as Docker 28 assigns.
    pub(crate) fn random_mac(&mut self) -> String {
        let r = self.ids.next_u64().to_le_bytes();
        let first = (r[0] | 0x02) & 0xfe;
        format!("{first:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", r[1], r[2], r[3], r[4], r[5])
    }
}
