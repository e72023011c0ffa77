//! `docker run` and `docker create`: options → container config, implicit pull, create, start, attach.

use crate::cli::Invocation;
use crate::clock::NANOS_PER_SEC;
use crate::docker::errors;
use crate::docker::pull::pull_reference;
use crate::docker::run_options::{self, CreateOptions};
use crate::engine::container::{Container, ContainerConfig, HostConfig, State};
use crate::engine::image_store::LookupError;
use crate::engine::lifecycle::StartFailure;
use crate::engine::reference::Reference;
use crate::engine::mounts::{self, MountRequest, SpecError};
use crate::engine::networks::Attachment;
use crate::engine::{container_fs, names, Engine};
use crate::events::Event;
use crate::output::{AttachKind, Attached, Output, ShellSpec, Stream};
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// A foreground `docker run` whose process exits within this time blocks until it does (the clock
/// jumps); longer-lived processes leave the terminal attached.
const MAX_BLOCKING_NS: i64 = 120 * NANOS_PER_SEC;

/// `docker create`.
pub fn create(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    if let Ok(id) = prepare(engine, inv, call, project, &mut out, false) {
        out.outln(id);
    }
    out
}

/// `docker run`.
pub fn run(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let Ok(id) = prepare(engine, inv, call, project, &mut out, true) else { return out };
    let detach = inv.bool("detach");
    if detach {
        // The CLI prints the ID as soon as the container exists, before starting it.
        out.outln(&id);
    }
    let mut events = Vec::new();
    if let Err(failure) = engine.start(&id, &mut events) {
        out.events.extend(events);
        let msg = failure.message();
        errors::with_help(&mut out, &format!("Error response from daemon: {msg}"), &inv.typed);
        if matches!(failure, StartFailure::Exec(_)) {
            out.exit_code = errors::run_exit_code(&msg);
        }
        // --rm containers that failed to start are removed.
        if engine.containers.get(&id).is_some_and(|c| c.host_config.auto_remove) {
            let mut ev = Vec::new();
            engine.delete_container(&id, &mut ev);
            out.events.extend(ev);
        }
        return out;
    }
    out.events.extend(events);
    if detach {
        return out;
    }
    if engine.tty && inv.bool("interactive") && inv.bool("tty") && runs_a_shell(engine, &id) {
        let program = engine.containers.get(&id).map(|c| c.path.clone()).unwrap_or_default();
        out.attached = Some(shell_attachment(engine, &id, false, Vec::new(), None, None, &program));
        return out;
    }
    attach_until_exit(engine, &id, &mut out);
    let attached = inv.list("attach");
    if !attached.is_empty() {
        // `-a stdout` / `-a stderr`: only the chosen streams reach the terminal.
        let keep_out = attached.iter().any(|s| s.eq_ignore_ascii_case("stdout"));
        let keep_err = attached.iter().any(|s| s.eq_ignore_ascii_case("stderr"));
        out.chunks.retain(|c| match c.stream {
            Stream::Stdout => keep_out,
            Stream::Stderr => keep_err || c.text.starts_with("Unable to find image"),
        });
    }
    out
}

/// True when the container's main process is an interactive shell waiting for input.
pub fn runs_a_shell(engine: &Engine, id: &str) -> bool {
    engine.containers.get(id).is_some_and(|c| {
        let base = c.path.rsplit('/').next().unwrap_or(&c.path);
        matches!(base, "sh" | "ash" | "bash" | "dash") && !c.args.iter().any(|a| a == "-c") && c.state.running
    })
}

/// The terminal is now typing into a shell inside the container.
pub fn shell_attachment(engine: &Engine, id: &str, exec: bool, extra_env: Vec<String>, workdir: Option<&str>, user: Option<&str>, program: &str) -> Attached {
    let c = engine.containers.get(id);
    let mut env = engine.process_env_of(id);
    // The HOME the runtime adds (the image does not set it) comes after everything else.
    let added_home = match env.last() {
        Some(last) if last.starts_with("HOME=") && !c.is_some_and(|c| c.config.env.iter().any(|e| e.starts_with("HOME="))) => env.pop(),
        _ => None,
    };
    let extra_has_home = extra_env.iter().any(|e| e.starts_with("HOME="));
    for kv in extra_env {
        let key = kv.split_once('=').map_or(kv.as_str(), |(k, _)| k).to_string();
        match env.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) == key) {
            Some(slot) => *slot = kv,
            None => env.push(kv),
        }
    }
    if let Some(home) = added_home.filter(|_| !extra_has_home) {
        env.push(home);
    }
    let spec = ShellSpec {
        exec,
        env,
        workdir: workdir.map(str::to_string).or_else(|| c.map(|c| c.config.working_dir.clone())).unwrap_or_default(),
        user: user.map(str::to_string).or_else(|| c.map(|c| c.config.user.clone())).unwrap_or_default(),
        program: program.to_string(),
    };
    let logs_seen = c.map_or(0, |c| c.logs.len());
    Attached { container_id: id.to_string(), kind: AttachKind::Run, logs_seen, shell: Some(spec) }
}

/// Streams the container's output and waits for it to exit (or leaves the terminal attached).
pub fn attach_until_exit(engine: &mut Engine, id: &str, out: &mut Output) {
    let logs = engine.containers.get(id).map(|c| c.logs.clone()).or_else(|| engine.removed_logs.as_ref().filter(|(rid, _)| rid == id).map(|(_, logs)| logs.clone())).unwrap_or_default();
    let printed = logs.len();
    for entry in logs {
        out.push(entry.stream, &entry.text.replace("\r\n", "\n"));
    }
    let running = engine.containers.get(id).is_some_and(|c| c.state.running && !c.state.restarting);
    if running {
        match engine.scheduled_exit(id) {
            Some((when, _)) if when.since(engine.now()) <= MAX_BLOCKING_NS => {
                engine.advance_to(when);
                out.events.extend(engine.take_pending_events());
            }
            _ => {
                let logs_seen = engine.containers.get(id).map_or(0, |c| c.logs.len());
                out.attached = Some(Attached { container_id: id.to_string(), kind: AttachKind::Run, logs_seen, shell: None });
                return;
            }
        }
    }
    let logs = engine.containers.get(id).map(|c| c.logs.clone()).or_else(|| engine.removed_logs.as_ref().filter(|(rid, _)| rid == id).map(|(_, logs)| logs.clone())).unwrap_or_default();
    for entry in logs.iter().skip(printed) {
        out.push(entry.stream, &entry.text.replace("\r\n", "\n"));
    }
    out.exit_code = exit_code_of_removed_or(engine, id, out);
}

fn exit_code_of_removed_or(engine: &Engine, id: &str, out: &Output) -> i32 {
    if let Some(c) = engine.containers.get(id) {
        return c.state.exit_code;
    }
    // Auto-removed: the exit code travelled with the state-change event.
    let _ = out;
    engine.removed_exit_code(id).unwrap_or(0)
}

/// Validates options, pulls the image if needed and creates the container. Prints errors.
fn prepare(
    engine: &mut Engine,
    inv: &Invocation,
    call: ProgramCall<'_>,
    project: &mut dyn ProjectFiles,
    out: &mut Output,
    is_run: bool,
) -> Result<String, ()> {
    let opts = match run_options::parse(inv, call, project, is_run) {
        Ok(o) => o,
        Err(msg) => {
            errors::option_error(out, &msg, &inv.typed);
            return Err(());
        }
    };
    // Mount specs: the CLI checks their syntax, the daemon the rest.
    let mut mount_requests = Vec::new();
    let parsed = opts
        .binds
        .iter()
        .map(|b| mounts::parse_volume_flag(b, call.cwd))
        .chain(opts.mounts.iter().map(|m| mounts::parse_mount_flag(m, call.cwd)));
    for request in parsed {
        match request {
            Ok(r) => mount_requests.push(r),
            Err(SpecError::Cli(msg)) => {
                errors::option_error(out, &msg, &inv.typed);
                return Err(());
            }
            Err(SpecError::Daemon(msg)) if is_run => {
                errors::with_help(out, &format!("Error response from daemon: {msg}"), &inv.typed);
                return Err(());
            }
            Err(SpecError::Daemon(msg)) => {
                errors::daemon(out, &msg);
                out.exit_code = 1;
                return Err(());
            }
        }
    }
    if is_run && opts.interactive && opts.tty && !engine.tty {
        out.errln("the input device is not a TTY");
        out.exit_code = 1;
        return Err(());
    }
    let reference = match Reference::parse(&opts.image) {
        Ok(r) => Some(r),
        Err(e) if opts.image.starts_with("sha256:") || crate::engine::reference::is_full_hex_id(&opts.image) => {
            let _ = e;
            None
        }
        Err(e) => {
            errors::with_help(out, &e, &inv.typed);
            return Err(());
        }
    };
    let image_id = match engine.images.resolve(&opts.image) {
        Ok(img) if opts.pull != "always" => img.id.clone(),
        result => {
            if opts.pull == "never" || reference.is_none() {
                let msg = match result {
                    Err(e) => e.message(),
                    Ok(_) => String::new(),
                };
                errors::with_help(out, &format!("Error response from daemon: {msg}"), &inv.typed);
                return Err(());
            }
            if let Err(LookupError::Invalid(m)) = result {
                errors::with_help(out, &m, &inv.typed);
                return Err(());
            }
            let Some(reference) = reference else { return Err(()) };
            let shown = reference.clone().with_default_tag().familiar();
            if opts.pull != "always" {
                out.errln(format!("Unable to find image '{shown}' locally"));
            }
            match pull_reference(engine, &reference, out, Stream::Stderr, opts.quiet) {
                Ok(id) => id,
                Err(e) if is_run => {
                    errors::with_help(out, &format!("Error response from daemon: {e}"), &inv.typed);
                    return Err(());
                }
                Err(e) => {
                    errors::daemon(out, &e);
                    out.exit_code = 1;
                    return Err(());
                }
            }
        }
    };
    create_container(engine, opts, &image_id, &mount_requests, project, out).map_err(|msg| {
        if is_run {
            errors::with_help(out, &format!("Error response from daemon: {msg}"), &inv.typed);
        } else {
            errors::daemon(out, &msg);
            out.exit_code = 1;
        }
    })
}

/// Creates the container record (state `created`). Returns its ID or the daemon's error.
fn create_container(
    engine: &mut Engine,
    opts: CreateOptions,
    image_id: &str,
    mount_requests: &[MountRequest],
    project: &dyn ProjectFiles,
    out: &mut Output,
) -> Result<String, String> {
    let Some(image) = engine.images.get(image_id).cloned() else {
        return Err(format!("No such image: {}", opts.image));
    };
    let name = match &opts.name {
        Some(n) => {
            if !names::is_valid(n) {
                return Err(format!("Invalid container name ({n}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"));
            }
            let n = n.strip_prefix('/').unwrap_or(n).to_string();
            if let Some(other) = engine.containers.values().find(|c| c.name == n) {
                return Err(format!(
                    "Conflict. The container name \"/{n}\" is already in use by container \"{}\". You have to remove (or rename) that container to be able to reuse that name.",
                    other.id
                ));
            }
            n
        }
        None => generate_name(engine),
    };
    let (entrypoint, cmd) = match &opts.entrypoint {
        Some(ep) if ep.is_empty() => (None, if opts.cmd.is_empty() { None } else { Some(opts.cmd.clone()) }),
        Some(ep) => (Some(vec![ep.clone()]), if opts.cmd.is_empty() { None } else { Some(opts.cmd.clone()) }),
        None => (
            image.config.entrypoint.clone(),
            if opts.cmd.is_empty() { image.config.cmd.clone() } else { Some(opts.cmd.clone()) },
        ),
    };
    let mut argv: Vec<String> = entrypoint.clone().unwrap_or_default();
    argv.extend(cmd.clone().unwrap_or_default());
    if argv.is_empty() {
        return Err("no command specified".to_string());
    }
    let id = engine.ids.next_id();
    let env = merge_env(&image.config.env, &opts.env);
    let mut exposed = image.config.exposed_ports.clone();
    for p in opts.exposed.iter().chain(opts.ports.iter().map(|b| &b.container_port)) {
        if !exposed.contains(p) {
            exposed.push(p.clone());
        }
    }
    crate::sort::sort_by_key(&mut exposed, |p| port_key(p));
    let mut labels = image.config.labels.clone();
    labels.extend(opts.labels.clone());
    let config = ContainerConfig {
        hostname: opts.hostname.clone().unwrap_or_else(|| id.get(..12).unwrap_or(&id).to_string()),
        user: opts.user.clone().unwrap_or_else(|| image.config.user.clone()),
        attach_stdin: opts.interactive && !opts.detach,
        attach_stdout: !opts.detach,
        attach_stderr: !opts.detach,
        exposed_ports: exposed,
        tty: opts.tty,
        open_stdin: opts.interactive,
        stdin_once: opts.interactive && !opts.detach,
        env,
        cmd,
        image: opts.image.clone(),
        volumes: image.config.volumes.clone(),
        working_dir: opts.workdir.clone().unwrap_or_else(|| image.config.working_dir.clone()),
        entrypoint,
        labels,
        stop_signal: opts.stop_signal.clone(),
    };
    let host_config = HostConfig {
        binds: opts.binds.clone(),
        port_bindings: opts.ports.clone(),
        restart_policy: opts.restart.clone(),
        auto_remove: opts.rm,
        publish_all_ports: opts.publish_all,
        memory: opts.memory,
        init: opts.init,
        network_mode: opts.network.clone().unwrap_or_else(|| "bridge".to_string()),
        mounts: opts.mounts.clone(),
        readonly_rootfs: opts.read_only,
    };
    let path = argv.first().cloned().unwrap_or_default();
    let args = argv.get(1..).map(<[String]>::to_vec).unwrap_or_default();
    let attachments = match host_config.network_mode.as_str() {
        "bridge" | "default" | "host" | "none" => Vec::new(),
        mode if mode.starts_with("container:") => Vec::new(),
        // A missing network fails when the container starts.
        name => match engine.networks.find(name) {
            Some(def) if def.user_defined() => vec![Attachment { network: def.name.clone(), ..Attachment::default() }],
            Some(_) => Vec::new(),
            None => vec![Attachment { network: name.to_string(), ..Attachment::default() }],
        },
    };
    let (mut fs, image_layers) = container_fs::create(&image, &config.hostname, engine.now().secs(), host_config.readonly_rootfs);
    let mounts = container_fs::attach_mounts(engine, mount_requests, &image.config.volumes, &mut fs, project)?;
    let container = Container {
        id: id.clone(),
        name: name.clone(),
        created: engine.now(),
        image_id: image.id.clone(),
        path,
        args,
        config,
        host_config,
        state: State::default(),
        restart_count: 0,
        manually_stopped: false,
        logs: Vec::new(),
        bound_ports: Vec::new(),
        ip_address: String::new(),
        mac_address: String::new(),
        program: None,
        run_id: 0,
        restart_delay: 0,
        fs,
        image_layers,
        mounts,
        attachments,
    };
    engine.containers.insert(id.clone(), container);
    out.events.push(Event::ContainerCreated { id: id.clone(), name, image: opts.image.clone() });
    Ok(id)
}

fn port_key(p: &str) -> (u16, String) {
    let (n, proto) = p.split_once('/').unwrap_or((p, "tcp"));
    (n.parse().unwrap_or(0), proto.to_string())
}

/// Container variables override the image's with the same name; new ones are appended.
fn merge_env(image_env: &[String], container_env: &[String]) -> Vec<String> {
    let key = |kv: &str| kv.split_once('=').map_or(kv, |(k, _)| k).to_string();
    // The last container variable with a name wins.
    let overriding = |kv: &String| container_env.iter().rev().find(|c| key(c) == key(kv));
    let mut merged: Vec<String> = image_env.iter().map(|kv| overriding(kv).unwrap_or(kv).clone()).collect();
    for kv in container_env {
        if !image_env.iter().any(|i| key(i) == key(kv)) && !merged.contains(kv) {
            merged.push(kv.clone());
        }
    }
    merged
}

fn generate_name(engine: &mut Engine) -> String {
    for retry in 0..10 {
        let (a, b) = (engine.ids.next_u64(), engine.ids.next_u64());
        let candidate = names::generate(a, b, retry);
        if !engine.containers.values().any(|c| c.name == candidate) {
            return candidate;
        }
    }
    engine.ids.next_id().get(..12).unwrap_or("container").to_string()
}
