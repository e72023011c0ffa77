//! What a `docker …` command went through, as a lesson on Docker's architecture: the CLI turns it
//! into Engine API requests (API v1.51, the version CLI 28.2 speaks to Engine 28.5), `dockerd`
//! answers them, and only some of them go further: to a registry (pull, push, login, search), or
//! down to `containerd` and `runc` (whatever starts, stops, pauses or enters a process).
//!
//! Each hop carries an action key (`"start-task"`); the Spanish explanations live in the lessons
//! crate, keyed by hop and action, never here.

use serde::Serialize;

use crate::cli;
use crate::engine::reference::Reference;
use crate::events::{ContainerState, Event};
use crate::output::Output;

/// The API version in every request path.
pub const API_VERSION: &str = "v1.51";

/// A part of Docker's architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Hop {
    /// The `docker` client.
    Cli,
    /// The daemon, `dockerd`, behind the Engine API.
    Dockerd,
    /// A registry (Docker Hub, `localhost:5000`…).
    Registry,
    /// `containerd`, which supervises containers' processes (through its shims).
    Containerd,
    /// `runc`, the OCI runtime that creates the process in its namespaces and cgroups.
    Runc,
}

impl Hop {
    /// The stable key of the hop (`"dockerd"`), for the lessons' explanations.
    pub fn key(self) -> &'static str {
        match self {
            Hop::Cli => "cli",
            Hop::Dockerd => "dockerd",
            Hop::Registry => "registry",
            Hop::Containerd => "containerd",
            Hop::Runc => "runc",
        }
    }

    /// The path a request can take, in order.
    pub const ALL: [Hop; 5] = [Hop::Cli, Hop::Dockerd, Hop::Registry, Hop::Containerd, Hop::Runc];
}

/// One step of a request: a hop and what it did there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub hop: Hop,
    /// What the hop did, e.g. `"create-container"`, `"start-task"`.
    pub action: &'static str,
}

/// One Engine API request and how far it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    /// `GET`, `POST`, `PUT`, `DELETE`, `HEAD`.
    pub method: &'static str,
    /// e.g. `/v1.51/containers/create?name=web`.
    pub path: String,
    /// The HTTP status when it is known (`404` for the create that finds no image).
    pub status: Option<u16>,
    /// The hops after the CLI, in order (`dockerd` first).
    pub steps: Vec<Step>,
}

impl Request {
    /// `POST /v1.51/containers/create?name=web`.
    pub fn line(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    pub fn reaches(&self, hop: Hop) -> bool {
        self.steps.iter().any(|s| s.hop == hop)
    }
}

/// The path of one `docker` command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    /// The command as run, e.g. `docker run -d --name web nginx`.
    pub command: String,
    /// The canonical command (`"container run"`), `""` when the CLI did not get that far.
    pub canonical: &'static str,
    /// What the CLI did on its own (`"parse"`, `"help"`, `"version"`, `"logout"`, `"reject"`).
    pub cli_action: &'static str,
    pub requests: Vec<Request>,
    /// The command ended with an error.
    pub failed: bool,
    /// For `docker build`: each step and what became of it, in order.
    pub build: Vec<BuildStep>,
}

/// A step of a `docker build` (`[2/4] RUN npm install`) and its result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildStep {
    pub step: String,
    pub outcome: BuildOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BuildOutcome {
    /// Taken from the build cache: the layer already existed.
    Cached,
    /// Ran and made a new layer of this many bytes.
    NewLayer { size: u64 },
    /// Ran without making a layer (metadata, or it did not finish).
    NoLayer,
}

impl Trace {
    /// True when some request reached `hop` (the CLI is always reached).
    pub fn reaches(&self, hop: Hop) -> bool {
        hop == Hop::Cli || self.requests.iter().any(|r| r.reaches(hop))
    }

    /// Every request line, in order.
    pub fn lines(&self) -> Vec<String> {
        self.requests.iter().map(Request::line).collect()
    }
}

/// The trace of `docker` run with `argv` (`argv[0]` is `docker`) that produced `out`.
pub fn trace(argv: &[String], out: &Output) -> Trace {
    let command = argv.join(" ");
    let failed = out.exit_code != 0;
    let args = argv.get(1..).unwrap_or_default();
    let mut t = Trace { command, canonical: "", cli_action: "parse", requests: Vec::new(), failed, build: build_steps(&out.events) };
    // `docker compose …` goes to the Compose plugin, which sends one request per network, volume
    // and container: the ones that changed something are read back from the events.
    if args.first().is_some_and(|a| a == "compose") {
        t.canonical = "compose";
        t.cli_action = "compose";
        t.requests = from_events(&out.events);
        return t;
    }
    let inv = match cli::parse(args) {
        Ok(inv) => inv,
        Err(_) => {
            // Help texts and flag errors never leave the CLI.
            t.cli_action = if failed { "reject" } else { "help" };
            return t;
        }
    };
    t.canonical = inv.command;
    let stderr = out.stderr();
    let daemon_answered_error = stderr.contains("Error response from daemon");
    let changed = |id_or_name: &str, to: &[ContainerState]| state_changed(&out.events, id_or_name, to);
    let pulled = out.events.iter().any(|e| matches!(e, Event::ImagePulled { .. }));
    let mut reqs: Vec<Request> = Vec::new();
    let first = inv.args.first().map(String::as_str).unwrap_or_default();
    match inv.command {
        "--version" => t.cli_action = "version",
        "logout" => t.cli_action = "logout",
        "version" => reqs.push(get("/version", "version")),
        "info" => reqs.push(get("/info", "info")),
        "system df" => reqs.push(get("/system/df", "disk-usage")),
        "container ls" => {
            let q = if inv.bool("all") { "?all=1" } else { "" };
            reqs.push(get(&format!("/containers/json{q}"), "list-containers"));
        }
        "image ls" => {
            let q = if inv.bool("all") { "?all=1" } else { "" };
            reqs.push(get(&format!("/images/json{q}"), "list-images"));
        }
        "image pull" => {
            reqs.push(pull_request(first));
        }
        "image push" => {
            let (name, tag) = match Reference::parse(first) {
                Ok(r) => (r.full_name(), r.tag.unwrap_or_default()),
                Err(_) => (first.to_string(), String::new()),
            };
            let mut r = post(&format!("/images/{name}/push?tag={}", query_escape(&tag)), "push-image");
            r.steps.push(Step { hop: Hop::Registry, action: "upload-layers" });
            reqs.push(r);
        }
        "login" => {
            let mut r = post("/auth", "login");
            r.steps.push(Step { hop: Hop::Registry, action: "check-credentials" });
            reqs.push(r);
        }
        "search" => {
            let mut r = get(&format!("/images/search?term={}", query_escape(first)), "search");
            r.steps.push(Step { hop: Hop::Registry, action: "search" });
            reqs.push(r);
        }
        "image rm" => {
            let q = if inv.bool("force") { "?force=1" } else { "" };
            for a in &inv.args {
                reqs.push(request("DELETE", &format!("/images/{a}{q}"), "remove-image"));
            }
        }
        "image tag" => {
            let target = inv.args.get(1).map(String::as_str).unwrap_or_default();
            let (repo, tag) = match Reference::parse(target) {
                Ok(r) => (r.familiar_name(), r.tag.unwrap_or_else(|| "latest".to_string())),
                Err(_) => (target.to_string(), String::new()),
            };
            reqs.push(post(&format!("/images/{first}/tag?repo={}&tag={}", query_escape(&repo), query_escape(&tag)), "tag-image"));
        }
        "image history" => reqs.push(get(&format!("/images/{first}/history"), "history")),
        "image inspect" => {
            for a in &inv.args {
                reqs.push(get(&format!("/images/{a}/json"), "inspect"));
            }
        }
        "inspect" | "container inspect" => {
            for a in &inv.args {
                reqs.push(get(&format!("/containers/{a}/json"), "inspect"));
            }
        }
        "image save" => {
            let names: Vec<String> = inv.args.iter().map(|a| format!("names={}", query_escape(a))).collect();
            reqs.push(get(&format!("/images/get?{}", names.join("&")), "save-image"));
        }
        "image load" => reqs.push(post("/images/load", "load-image")),
        "image prune" => reqs.push(post("/images/prune", "prune")),
        "container prune" => reqs.push(post("/containers/prune", "prune")),
        "volume prune" => reqs.push(post("/volumes/prune", "prune")),
        "network prune" => reqs.push(post("/networks/prune", "prune")),
        "system prune" => {
            for p in ["/containers/prune", "/networks/prune", "/images/prune"] {
                reqs.push(post(p, "prune"));
            }
        }
        "container create" | "container run" => {
            let name = inv.str("name").map(|n| format!("?name={}", query_escape(n))).unwrap_or_default();
            let create_path = format!("/containers/create{name}");
            if pulled {
                let mut missing = post(&create_path, "create-container");
                missing.status = Some(404);
                reqs.push(missing);
                let image = first_positional_image(&inv);
                reqs.push(pull_request(&image));
            }
            let created = out.events.iter().find_map(|e| match e {
                Event::ContainerCreated { id, .. } => Some(id.clone()),
                _ => None,
            });
            let mut create = post(&create_path, "create-container");
            create.status = if created.is_some() { Some(201) } else { None };
            reqs.push(create);
            if let (Some(id), "container run") = (created, inv.command) {
                if !inv.bool("detach") {
                    let stdin = if inv.bool("interactive") { "&stdin=1" } else { "" };
                    reqs.push(post(&format!("/containers/{id}/attach?stderr=1{stdin}&stdout=1&stream=1"), "attach"));
                    let condition = if inv.bool("rm") { "removed" } else { "next-exit" };
                    reqs.push(post(&format!("/containers/{id}/wait?condition={condition}"), "wait"));
                }
                reqs.push(start_request(&id, changed(&id, &[ContainerState::Running])));
            }
        }
        "container start" => {
            for a in &inv.args {
                if inv.bool("attach") {
                    reqs.push(post(&format!("/containers/{a}/attach?stderr=1&stdout=1&stream=1"), "attach"));
                }
                reqs.push(start_request(a, changed(a, &[ContainerState::Running])));
            }
        }
        "container stop" | "container restart" | "container kill" => {
            let (verb, action) = match inv.command {
                "container stop" => ("stop", "stop-container"),
                "container restart" => ("restart", "restart-container"),
                _ => ("kill", "kill-container"),
            };
            let signal = inv.str("signal").map(|s| format!("?signal={}", query_escape(s))).unwrap_or_default();
            for a in &inv.args {
                let mut r = post(&format!("/containers/{a}/{verb}{signal}"), action);
                r.status = Some(204);
                if changed(a, &[ContainerState::Exited, ContainerState::Running, ContainerState::Dead]) {
                    r.steps.push(Step { hop: Hop::Containerd, action: "kill-task" });
                    r.steps.push(Step { hop: Hop::Runc, action: "kill" });
                    if verb == "restart" {
                        r.steps.push(Step { hop: Hop::Containerd, action: "start-task" });
                        r.steps.push(Step { hop: Hop::Runc, action: "create-start" });
                    }
                }
                reqs.push(r);
            }
        }
        "container pause" | "container unpause" => {
            let pause = inv.command == "container pause";
            let (verb, action, task, runc) =
                if pause { ("pause", "pause-container", "pause-task", "pause") } else { ("unpause", "unpause-container", "resume-task", "resume") };
            for a in &inv.args {
                let mut r = post(&format!("/containers/{a}/{verb}"), action);
                if changed(a, &[ContainerState::Paused, ContainerState::Running]) {
                    r.status = Some(204);
                    r.steps.push(Step { hop: Hop::Containerd, action: task });
                    r.steps.push(Step { hop: Hop::Runc, action: runc });
                }
                reqs.push(r);
            }
        }
        "container rm" => {
            let mut q = Vec::new();
            if inv.bool("force") {
                q.push("force=1");
            }
            if inv.bool("volumes") {
                q.push("v=1");
            }
            let q = if q.is_empty() { String::new() } else { format!("?{}", q.join("&")) };
            for a in &inv.args {
                let mut r = request("DELETE", &format!("/containers/{a}{q}"), "remove-container");
                if inv.bool("force") && changed(a, &[ContainerState::Exited, ContainerState::Dead]) {
                    r.steps.push(Step { hop: Hop::Containerd, action: "kill-task" });
                    r.steps.push(Step { hop: Hop::Runc, action: "kill" });
                }
                reqs.push(r);
            }
        }
        "container logs" => {
            let mut q = vec!["stderr=1".to_string(), "stdout=1".to_string()];
            if inv.bool("follow") {
                q.insert(0, "follow=1".to_string());
            }
            q.push(format!("tail={}", query_escape(inv.str("tail").unwrap_or("all"))));
            if inv.bool("timestamps") {
                q.push("timestamps=1".to_string());
            }
            reqs.push(get(&format!("/containers/{first}/logs?{}", q.join("&")), "read-logs"));
        }
        "container exec" => {
            reqs.push(post(&format!("/containers/{first}/exec"), "create-exec"));
            let mut start = post("/exec/{id}/start", "start-exec");
            if !daemon_answered_error {
                start.steps.push(Step { hop: Hop::Containerd, action: "exec-process" });
                start.steps.push(Step { hop: Hop::Runc, action: "exec" });
            }
            reqs.push(start);
        }
        "container attach" => reqs.push(post(&format!("/containers/{first}/attach?stderr=1&stdin=1&stdout=1&stream=1"), "attach")),
        "container wait" => {
            for a in &inv.args {
                reqs.push(post(&format!("/containers/{a}/wait"), "wait"));
            }
        }
        "container top" => reqs.push(get(&format!("/containers/{first}/top"), "top")),
        "container stats" => {
            let q = if inv.bool("no-stream") { "?stream=0" } else { "" };
            if inv.args.is_empty() {
                reqs.push(get("/containers/json", "list-containers"));
            }
            for a in &inv.args {
                reqs.push(get(&format!("/containers/{a}/stats{q}"), "stats"));
            }
        }
        "container port" => reqs.push(get(&format!("/containers/{first}/json"), "inspect")),
        "container diff" => reqs.push(get(&format!("/containers/{first}/changes"), "changes")),
        "container export" => reqs.push(get(&format!("/containers/{first}/export"), "export")),
        "container rename" => {
            let new = inv.args.get(1).map(String::as_str).unwrap_or_default();
            reqs.push(post(&format!("/containers/{first}/rename?name={}", query_escape(new)), "rename"));
        }
        "container commit" => {
            let mut q: Vec<(String, String)> = Vec::new();
            if let Some(a) = inv.str("author") {
                q.push(("author".into(), a.to_string()));
            }
            if let Some(m) = inv.str("message") {
                q.push(("comment".into(), m.to_string()));
            }
            q.push(("container".into(), first.to_string()));
            if inv.has("pause") && !inv.bool("pause") {
                q.push(("pause".into(), "0".into()));
            }
            if let Some(target) = inv.args.get(1) {
                if let Ok(r) = Reference::parse(target) {
                    q.push(("repo".into(), r.familiar_name()));
                    q.push(("tag".into(), r.tag.unwrap_or_default()));
                }
            }
            let query: Vec<String> = q.iter().map(|(k, v)| format!("{k}={}", query_escape(v))).collect();
            reqs.push(post(&format!("/commit?{}", query.join("&")), "commit"));
        }
        "container cp" => {
            let second = inv.args.get(1).map(String::as_str).unwrap_or_default();
            let (method, spec) = if let Some((c, p)) = split_container_path(first) {
                ("GET", (c, p))
            } else {
                ("PUT", split_container_path(second).unwrap_or_default())
            };
            let (container, path) = spec;
            reqs.push(request(method, &format!("/containers/{container}/archive?path={}", query_escape(&path)), "copy-files"));
        }
        "volume create" => reqs.push(post("/volumes/create", "create-volume")),
        "volume ls" => reqs.push(get("/volumes", "list-volumes")),
        "volume inspect" => {
            for a in &inv.args {
                reqs.push(get(&format!("/volumes/{a}"), "inspect"));
            }
        }
        "volume rm" => {
            for a in &inv.args {
                reqs.push(request("DELETE", &format!("/volumes/{a}"), "remove-volume"));
            }
        }
        "network create" => reqs.push(post("/networks/create", "create-network")),
        "network ls" => reqs.push(get("/networks", "list-networks")),
        "network inspect" => {
            for a in &inv.args {
                reqs.push(get(&format!("/networks/{a}"), "inspect"));
            }
        }
        "network rm" => {
            for a in &inv.args {
                reqs.push(request("DELETE", &format!("/networks/{a}"), "remove-network"));
            }
        }
        "network connect" | "network disconnect" => {
            let verb = if inv.command == "network connect" { "connect" } else { "disconnect" };
            reqs.push(post(&format!("/networks/{first}/{verb}"), "connect-network"));
        }
        "build" => {
            reqs.push(post("/session", "build-session"));
            let mut grpc = post("/grpc", "build");
            if pulled {
                grpc.steps.push(Step { hop: Hop::Registry, action: "download-layers" });
            }
            if t.build.iter().any(|b| b.step.contains("] RUN ") && b.outcome != BuildOutcome::Cached) {
                grpc.steps.push(Step { hop: Hop::Runc, action: "run-build-step" });
            }
            reqs.push(grpc);
        }
        "swarm init" => reqs.push(post("/swarm/init", "swarm")),
        "swarm leave" => reqs.push(post("/swarm/leave", "swarm")),
        "swarm join-token" => reqs.push(get("/swarm", "swarm")),
        "node ls" => reqs.push(get("/nodes", "swarm")),
        "secret create" => reqs.push(post("/secrets/create", "swarm")),
        "secret ls" => reqs.push(get("/secrets", "swarm")),
        "secret inspect" => {
            for a in &inv.args {
                reqs.push(get(&format!("/secrets/{a}"), "inspect"));
            }
        }
        "secret rm" => {
            for a in &inv.args {
                reqs.push(request("DELETE", &format!("/secrets/{a}"), "swarm"));
            }
        }
        "service create" => {
            reqs.push(post("/services/create", "swarm"));
            reqs.extend(from_events(&out.events));
        }
        "service ls" | "stack ls" | "stack services" => reqs.push(get("/services", "swarm")),
        "service ps" | "stack ps" => reqs.push(get("/tasks", "swarm")),
        "service inspect" => {
            for a in &inv.args {
                reqs.push(get(&format!("/services/{a}"), "inspect"));
            }
        }
        "service logs" => reqs.push(get(&format!("/services/{first}/logs?stderr=1&stdout=1&tail=all"), "read-logs")),
        "service rm" => {
            for a in &inv.args {
                reqs.push(request("DELETE", &format!("/services/{a}"), "swarm"));
            }
            reqs.extend(from_events(&out.events));
        }
        "service scale" => {
            for a in &inv.args {
                let name = a.split_once('=').map_or(a.as_str(), |(n, _)| n);
                reqs.push(post(&format!("/services/{name}/update"), "swarm"));
            }
            reqs.extend(from_events(&out.events));
        }
        // Commands this strip does not detail yet: what they changed, read back from the events.
        _ => reqs.extend(from_events(&out.events)),
    }
    // A request the daemon refused: the last one failed there, nothing went further.
    if failed && daemon_answered_error {
        if let Some(last) = reqs.last_mut() {
            last.steps.retain(|s| s.hop == Hop::Dockerd || s.hop == Hop::Registry);
            if last.status.is_none_or(|s| s < 400) {
                last.status = error_status(&stderr);
            }
        }
    } else if failed && reqs.iter().all(|r| r.status.is_none()) && out.events.is_empty() && !stderr.is_empty() {
        // The CLI rejected the command itself (an invalid reference, a bad flag value): no request.
        if !matches!(inv.command, "container logs" | "container exec") {
            reqs.clear();
            t.cli_action = "reject";
        }
    }
    t.requests = reqs;
    t
}

/// The requests behind what the events say changed (for commands made of many requests, like
/// `docker compose up`): creations, starts, stops, removals and pulls, in order.
fn from_events(events: &[Event]) -> Vec<Request> {
    let mut reqs = Vec::new();
    for e in events {
        match e {
            Event::ImagePulled { reference, .. } => reqs.push(pull_request(reference)),
            Event::ContainerCreated { name, .. } => {
                let mut r = post(&format!("/containers/create?name={}", query_escape(name)), "create-container");
                r.status = Some(201);
                reqs.push(r);
            }
            Event::ContainerStateChanged { id, to, from, .. } => match (from, to) {
                (_, ContainerState::Running) if *from != ContainerState::Paused => reqs.push(start_request(id, true)),
                (ContainerState::Running | ContainerState::Paused | ContainerState::Restarting, ContainerState::Exited | ContainerState::Dead) => {
                    let mut r = post(&format!("/containers/{id}/stop"), "stop-container");
                    r.status = Some(204);
                    r.steps.push(Step { hop: Hop::Containerd, action: "kill-task" });
                    r.steps.push(Step { hop: Hop::Runc, action: "kill" });
                    reqs.push(r);
                }
                _ => {}
            },
            Event::ContainerRemoved { id, .. } => reqs.push(request("DELETE", &format!("/containers/{id}"), "remove-container")),
            _ => {}
        }
    }
    reqs
}

/// The build's steps from its events, in the order they started.
fn build_steps(events: &[Event]) -> Vec<BuildStep> {
    let mut steps: Vec<BuildStep> = Vec::new();
    for e in events {
        let (step, outcome) = match e {
            Event::BuildStepStarted { step } => (step, BuildOutcome::NoLayer),
            Event::BuildStepCached { step } => (step, BuildOutcome::Cached),
            Event::BuildLayerCreated { step, size, .. } => (step, BuildOutcome::NewLayer { size: *size }),
            _ => continue,
        };
        match steps.iter_mut().rev().find(|s| s.step == *step) {
            Some(existing) if outcome != BuildOutcome::NoLayer => existing.outcome = outcome,
            Some(_) => {}
            None => steps.push(BuildStep { step: step.clone(), outcome }),
        }
    }
    steps
}

fn request(method: &'static str, path: &str, action: &'static str) -> Request {
    Request { method, path: format!("/{API_VERSION}{path}"), status: None, steps: vec![Step { hop: Hop::Dockerd, action }] }
}

fn get(path: &str, action: &'static str) -> Request {
    request("GET", path, action)
}

fn post(path: &str, action: &'static str) -> Request {
    request("POST", path, action)
}

/// `POST /images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest`: dockerd pulls from the registry.
fn pull_request(typed: &str) -> Request {
    let (name, tag) = match Reference::parse(typed) {
        Ok(r) => {
            let tag = r.tag.clone().or_else(|| r.digest.is_none().then(|| "latest".to_string())).unwrap_or_default();
            (r.full_name(), tag)
        }
        Err(_) => (typed.to_string(), "latest".to_string()),
    };
    let mut r = post(&format!("/images/create?fromImage={}&tag={}", query_escape(&name), query_escape(&tag)), "pull-image");
    r.steps.push(Step { hop: Hop::Registry, action: "download-layers" });
    r
}

/// `POST /containers/{id}/start`: dockerd asks containerd, which has runc create the process.
fn start_request(id: &str, started: bool) -> Request {
    let mut r = post(&format!("/containers/{id}/start"), "start-container");
    if started {
        r.status = Some(204);
        r.steps.push(Step { hop: Hop::Containerd, action: "start-task" });
        r.steps.push(Step { hop: Hop::Runc, action: "create-start" });
    }
    r
}

/// The image argument of `run`/`create` (the first positional argument).
fn first_positional_image(inv: &cli::Invocation) -> String {
    inv.args.first().cloned().unwrap_or_default()
}

/// True when a container (by ID, ID prefix or name) changed to one of `to`.
fn state_changed(events: &[Event], id_or_name: &str, to: &[ContainerState]) -> bool {
    events.iter().any(|e| match e {
        Event::ContainerStateChanged { id, name, to: state, .. } => {
            (id == id_or_name || name == id_or_name || (!id_or_name.is_empty() && id.starts_with(id_or_name))) && to.contains(state)
        }
        _ => false,
    })
}

/// The HTTP status behind a daemon error message, when it is clear.
fn error_status(stderr: &str) -> Option<u16> {
    if stderr.contains("No such") || stderr.contains("not found") || stderr.contains("pull access denied") {
        Some(404)
    } else if stderr.contains("Conflict") || stderr.contains("is already in use") || stderr.contains("is not running") || stderr.contains("is paused") || stderr.contains("is not paused") {
        Some(409)
    } else {
        None
    }
}

/// `container:path` of `docker cp` (not a local path).
fn split_container_path(arg: &str) -> Option<(String, String)> {
    if arg.starts_with('/') || arg.starts_with('.') || arg == "-" {
        return None;
    }
    let (c, p) = arg.split_once(':')?;
    (!c.is_empty()).then(|| (c.to_string(), p.to_string()))
}

/// Go's `url.QueryEscape`.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use crate::{Session, SessionConfig};
    use proptest::prelude::*;

    fn session() -> Session {
        Session::new(SessionConfig::default(), Box::new(crate::MemoryProject::new()))
    }

    /// The traces of one line.
    fn traced(s: &mut Session, line: &str) -> Vec<Trace> {
        s.run_line(line);
        s.last_traces().to_vec()
    }

    fn one(s: &mut Session, line: &str) -> Trace {
        match <[Trace; 1]>::try_from(traced(s, line)) {
            Ok([t]) => t,
            Err(all) => panic!("{line}: {all:#?}"),
        }
    }

    fn container_id(s: &Session, name: &str) -> String {
        s.engine.containers.values().find(|c| c.name == name).map(|c| c.id.clone()).unwrap_or_default()
    }

    #[test]
    fn run_detached_pulls_creates_and_starts() {
        let mut s = session();
        let t = one(&mut s, "docker run -d --name web -p 8080:80 nginx");
        let id = container_id(&s, "web");
        assert_eq!(id.len(), 64);
        assert_eq!(
            t.lines(),
            [
                "POST /v1.51/containers/create?name=web".to_string(),
                "POST /v1.51/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest".to_string(),
                "POST /v1.51/containers/create?name=web".to_string(),
                format!("POST /v1.51/containers/{id}/start"),
            ]
        );
        let statuses: Vec<Option<u16>> = t.requests.iter().map(|r| r.status).collect();
        assert_eq!(statuses, [Some(404), None, Some(201), Some(204)]);
        assert_eq!(t.canonical, "container run");
        assert!(!t.failed);
        assert!(t.reaches(Hop::Registry) && t.reaches(Hop::Containerd) && t.reaches(Hop::Runc));
        let start: Vec<Hop> = t.requests.last().map(|r| r.steps.iter().map(|s| s.hop).collect()).unwrap_or_default();
        assert_eq!(start, [Hop::Dockerd, Hop::Containerd, Hop::Runc]);
    }

    #[test]
    fn run_with_a_local_image_does_not_pull_and_attaches_in_the_foreground() {
        let mut s = session();
        s.run_line("docker pull busybox");
        let t = one(&mut s, "docker run --rm busybox echo hola");
        let id = t
            .requests
            .last()
            .and_then(|r| r.path.strip_prefix("/v1.51/containers/"))
            .and_then(|p| p.strip_suffix("/start"))
            .unwrap_or_default()
            .to_string();
        assert_eq!(id.len(), 64, "{t:#?}");
        assert_eq!(
            t.lines(),
            [
                "POST /v1.51/containers/create".to_string(),
                format!("POST /v1.51/containers/{id}/attach?stderr=1&stdout=1&stream=1"),
                format!("POST /v1.51/containers/{id}/wait?condition=removed"),
                format!("POST /v1.51/containers/{id}/start"),
            ]
        );
        assert!(!t.reaches(Hop::Registry));
    }

    #[test]
    fn listings_never_reach_containerd_or_runc() {
        let mut s = session();
        for (line, path) in [
            ("docker images", "GET /v1.51/images/json"),
            ("docker image ls -a", "GET /v1.51/images/json?all=1"),
            ("docker ps", "GET /v1.51/containers/json"),
            ("docker ps -a", "GET /v1.51/containers/json?all=1"),
            ("docker container ls --all", "GET /v1.51/containers/json?all=1"),
            ("docker volume ls", "GET /v1.51/volumes"),
            ("docker network ls", "GET /v1.51/networks"),
            ("docker info", "GET /v1.51/info"),
            ("docker version", "GET /v1.51/version"),
        ] {
            let t = one(&mut s, line);
            assert_eq!(t.lines(), [path.to_string()], "{line}");
            assert!(t.reaches(Hop::Dockerd) && !t.reaches(Hop::Containerd) && !t.reaches(Hop::Runc) && !t.reaches(Hop::Registry), "{line}");
        }
    }

    #[test]
    fn pause_stop_start_and_rm_use_the_name_as_typed() {
        let mut s = session();
        s.run_line("docker run -d --name web nginx");
        let pause = one(&mut s, "docker pause web");
        assert_eq!(pause.lines(), ["POST /v1.51/containers/web/pause"]);
        let hops: Vec<(Hop, &str)> = pause.requests.iter().flat_map(|r| r.steps.iter().map(|s| (s.hop, s.action))).collect();
        assert_eq!(hops, [(Hop::Dockerd, "pause-container"), (Hop::Containerd, "pause-task"), (Hop::Runc, "pause")]);
        assert_eq!(one(&mut s, "docker unpause web").lines(), ["POST /v1.51/containers/web/unpause"]);
        let stop = one(&mut s, "docker stop web");
        assert_eq!(stop.lines(), ["POST /v1.51/containers/web/stop"]);
        assert!(stop.reaches(Hop::Runc));
        assert_eq!(one(&mut s, "docker start web").lines(), ["POST /v1.51/containers/web/start"]);
        assert_eq!(one(&mut s, "docker rm -f web").lines(), ["DELETE /v1.51/containers/web?force=1"]);
        assert_eq!(one(&mut s, "docker rmi nginx").lines(), ["DELETE /v1.51/images/nginx"]);
    }

    #[test]
    fn daemon_errors_stop_at_dockerd_with_their_status() {
        let mut s = session();
        let t = one(&mut s, "docker stop nada");
        assert!(t.failed);
        assert_eq!(t.lines(), ["POST /v1.51/containers/nada/stop"]);
        assert_eq!(t.requests.first().and_then(|r| r.status), Some(404));
        assert!(!t.reaches(Hop::Containerd));
        s.run_line("docker run -d --name web nginx");
        let conflict = one(&mut s, "docker run -d --name web nginx");
        assert!(conflict.failed);
        assert_eq!(conflict.lines(), ["POST /v1.51/containers/create?name=web"]);
        assert_eq!(conflict.requests.first().and_then(|r| r.status), Some(409));
        assert!(!conflict.reaches(Hop::Runc));
    }

    #[test]
    fn pull_push_tag_and_logs_paths() {
        let mut s = session();
        let pull = one(&mut s, "docker pull alpine:3.20");
        assert_eq!(pull.lines(), ["POST /v1.51/images/create?fromImage=docker.io%2Flibrary%2Falpine&tag=3.20"]);
        assert!(pull.reaches(Hop::Registry) && !pull.reaches(Hop::Containerd));
        let tag = one(&mut s, "docker tag alpine:3.20 localhost:5000/mi/alpine:v1");
        assert_eq!(tag.lines(), ["POST /v1.51/images/alpine:3.20/tag?repo=localhost%3A5000%2Fmi%2Falpine&tag=v1"]);
        s.run_line("docker run -d --name web nginx");
        assert_eq!(one(&mut s, "docker logs web").lines(), ["GET /v1.51/containers/web/logs?stderr=1&stdout=1&tail=all"]);
        let exec = one(&mut s, "docker exec web ls /");
        assert_eq!(exec.lines(), ["POST /v1.51/containers/web/exec", "POST /v1.51/exec/{id}/start"]);
        assert!(exec.reaches(Hop::Runc));
    }

    #[test]
    fn the_cli_alone_answers_help_version_and_bad_flags() {
        let mut s = session();
        let v = one(&mut s, "docker --version");
        assert_eq!((v.cli_action, v.requests.len()), ("version", 0));
        let bad = one(&mut s, "docker ps --nope");
        assert!(bad.failed && bad.requests.is_empty());
        assert_eq!(bad.cli_action, "reject");
        let help = one(&mut s, "docker ps --help");
        assert_eq!((help.cli_action, help.requests.len()), ("help", 0));
    }

    #[test]
    fn a_line_with_several_commands_has_one_trace_each_and_other_programs_none() {
        let mut s = session();
        let all = traced(&mut s, "docker images; echo hola && docker ps | grep x");
        let commands: Vec<&str> = all.iter().map(|t| t.command.as_str()).collect();
        assert_eq!(commands, ["docker images", "docker ps"]);
        assert!(traced(&mut s, "echo hola").is_empty());
    }

    #[test]
    fn a_build_lists_its_steps_new_or_cached() {
        let mut s = session();
        s.run_line("printf 'FROM busybox\\nRUN echo hola > /x\\nCOPY Dockerfile /\\n' > Dockerfile");
        let first = one(&mut s, "docker build -t app:1 .");
        assert!(!first.failed, "{first:#?}");
        assert_eq!(first.lines(), ["POST /v1.51/session", "POST /v1.51/grpc"]);
        let outcomes: Vec<(&str, bool)> = first
            .build
            .iter()
            .map(|b| (b.step.as_str(), matches!(b.outcome, BuildOutcome::NewLayer { .. })))
            .collect();
        assert!(outcomes.contains(&("[2/3] RUN echo hola > /x", true)), "{outcomes:?}");
        assert!(outcomes.contains(&("[3/3] COPY Dockerfile /", true)), "{outcomes:?}");
        assert!(first.reaches(Hop::Runc));
        let again = one(&mut s, "docker build -t app:2 .");
        let cached: Vec<&str> = again.build.iter().filter(|b| b.outcome == BuildOutcome::Cached).map(|b| b.step.as_str()).collect();
        assert!(cached.contains(&"[2/3] RUN echo hola > /x") && cached.contains(&"[3/3] COPY Dockerfile /"), "{again:#?}");
        assert!(!again.reaches(Hop::Runc), "nothing ran");
    }

    #[test]
    fn compose_is_read_back_from_what_changed() {
        let mut s = session();
        s.run_line("mkdir tienda");
        s.run_line("printf 'services:\\n  web:\\n    image: nginx\\n' > tienda/compose.yaml");
        s.run_line("cd tienda");
        let t = one(&mut s, "docker compose up -d");
        assert!(!t.failed, "{t:#?}");
        assert_eq!((t.canonical, t.cli_action), ("compose", "compose"));
        let lines = t.lines();
        assert!(lines.iter().any(|l| l.starts_with("POST /v1.51/containers/") && l.ends_with("/start")), "{lines:?}");
        assert!(t.reaches(Hop::Runc));
    }

    #[test]
    fn query_escape_is_gos() {
        assert_eq!(query_escape("docker.io/library/nginx"), "docker.io%2Flibrary%2Fnginx");
        assert_eq!(query_escape("a b:c~"), "a+b%3Ac~");
    }

    proptest! {
        #[test]
        fn tracing_never_panics(args in proptest::collection::vec("[-a-z0-9:/=. ]{0,12}", 0..6), code in 0i32..3) {
            let mut argv = vec!["docker".to_string()];
            argv.extend(args);
            let out = Output { exit_code: code, ..Output::default() };
            let t = trace(&argv, &out);
            prop_assert!(t.requests.iter().all(|r| r.path.starts_with("/v1.51/")));
        }
    }
}
