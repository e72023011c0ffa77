//! `docker exec` and `docker attach`: running something in, or joining, a running container.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::docker::run::{attach_until_exit, runs_a_shell, shell_attachment};
use crate::engine::process::{self, env_map, path_of};
use crate::engine::http::Net;
use crate::engine::userland::{wants_net, Machine};
use crate::engine::{users, Engine};
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// Shells an `exec -it` opens as an interactive session.
fn is_shell(argv: &[String]) -> bool {
    let base = argv.first().map(|p| p.rsplit('/').next().unwrap_or(p)).unwrap_or("");
    matches!(base, "sh" | "ash" | "bash" | "dash") && argv.len() == 1
}

pub fn exec(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let argv: Vec<String> = inv.args.get(1..).map(<[String]>::to_vec).unwrap_or_default();
    let (interactive, tty) = (inv.bool("interactive"), inv.bool("tty"));
    if interactive && tty && !engine.tty {
        out.errln("the input device is not a TTY");
        return out.with_exit(1);
    }
    let Some(c) = errors::find_container(engine, typed, &mut out) else { return out.with_exit(1) };
    if !c.state.running {
        errors::daemon(&mut out, &format!("container {} is not running", c.id));
        return out.with_exit(1);
    }
    if c.state.paused {
        errors::daemon(&mut out, &format!("Container {typed} is paused, unpause the container before exec"));
        return out.with_exit(1);
    }
    if c.state.restarting {
        errors::daemon(&mut out, &format!("Container {} is restarting, wait until the container is running", c.id));
        return out.with_exit(1);
    }
    let id = c.id.clone();
    let workdir = inv.str("workdir").map(str::to_string).unwrap_or_else(|| c.config.working_dir.clone());
    let user_spec = inv.str("user").map(str::to_string).unwrap_or_else(|| c.config.user.clone());
    let mut extra_env: Vec<String> = Vec::new();
    for file in inv.list("env-file") {
        let Some(content) = project.read(file) else {
            out.errln(format!("open {file}: no such file or directory"));
            return out.with_exit(1);
        };
        extra_env.extend(content.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string));
    }
    extra_env.extend(inv.list("env").iter().filter(|e| e.contains('=')).cloned());
    let user = match users::resolve(&c.fs, &user_spec) {
        Ok(u) => u,
        Err(e) => {
            errors::daemon(&mut out, &e);
            return out.with_exit(1);
        }
    };
    let attached = shell_attachment(engine, &id, true, extra_env, Some(&workdir), Some(&user_spec), argv.first().map_or("sh", String::as_str));
    let env = attached.shell.as_ref().map(|s| s.env.clone()).unwrap_or_default();
    let cwd = if workdir.is_empty() { "/".to_string() } else { workdir.clone() };
    if let (Some(program), Some(view)) = (argv.first(), engine.container_view(&id)) {
        if let Err(e) = process::resolve_in_view(&view, program, &path_of(&env), &cwd) {
            out.errln(e.exec_message());
            return out.with_exit(e.exit_code());
        }
    }
    let Some(c) = engine.containers.get(&id) else { return out };
    if interactive && tty && is_shell(&argv) {
        out.attached = Some(attached);
        return out;
    }
    let now = engine.now();
    let processes: Vec<(u32, String, String)> = c
        .program
        .as_ref()
        .map(|p| p.processes.iter().enumerate().map(|(i, (u, cmd))| (if i == 0 { 1 } else { 7 + i as u32 }, u.clone(), cmd.clone())).collect())
        .unwrap_or_default();
    let hostname = c.config.hostname.clone();
    let net = if wants_net(&argv.join(" ")) || call.stdin.is_some_and(wants_net) { engine.net_from(Some(&id)) } else { Net::default() };
    let Some(mut view) = engine.container_view(&id) else { return out };
    let mut m = Machine::new(&mut view, user, &hostname, now);
    m.net = net;
    m.tty = tty;
    m.env_order = env.clone();
    m.processes = processes;
    let stdin = if interactive { call.stdin } else { None };
    let result = match stdin {
        // `echo 'ls' | docker exec -i c sh`: the shell reads its commands from stdin.
        Some(input) if is_shell(&argv) => {
            let env_map = env_map(&env);
            let cwd_rel = cwd.trim_start_matches('/').to_string();
            m.run_with_stdin(ProgramCall { argv: &argv, stdin: Some(input), env: &env_map, cwd: &cwd_rel })
        }
        _ => m.run_argv(&argv, &env_map(&env), &cwd),
    };
    let slept = m.slept_ns;
    let mut net = std::mem::take(&mut m.net);
    drop(view);
    engine.apply_access_log(&mut net);
    if slept > 0 && !inv.bool("detach") {
        engine.advance_to(now.plus_nanos(slept));
    }
    if inv.bool("detach") {
        return out;
    }
    out.append(result);
    out
}

/// `docker attach CONTAINER`.
pub fn attach(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let Some(c) = errors::find_container(engine, typed, &mut out) else { return out.with_exit(1) };
    if !c.state.running {
        out.errln("You cannot attach to a stopped container, start it first");
        return out.with_exit(1);
    }
    if c.state.paused {
        out.errln("You cannot attach to a paused container, unpause it first");
        return out.with_exit(1);
    }
    let id = c.id.clone();
    let program = c.path.clone();
    if c.config.tty && c.config.open_stdin && runs_a_shell(engine, &id) {
        if !engine.tty {
            out.errln("the input device is not a TTY");
            return out.with_exit(1);
        }
        out.attached = Some(shell_attachment(engine, &id, false, Vec::new(), None, None, &program));
        return out;
    }
    let seen = engine.containers.get(&id).map_or(0, |c| c.logs.len());
    let mut fresh = Output::new();
    attach_until_exit(engine, &id, &mut fresh);
    // Attach only shows what the container prints from now on.
    if let Some(a) = fresh.attached.as_mut() {
        a.logs_seen = seen;
        fresh.chunks.clear();
    }
    out.append(fresh);
    out
}
