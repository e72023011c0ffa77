//! `docker exec` and `docker attach`: running something in, or joining, a running container.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::docker::run::{attach_until_exit, runs_a_shell, shell_attachment};
use crate::engine::process::{self, ScriptContext};
use crate::engine::{users, Engine};
use crate::output::Output;
use crate::project::ProjectFiles;

/// Shells an `exec -it` opens as an interactive session.
fn is_shell(argv: &[String]) -> bool {
    let base = argv.first().map(|p| p.rsplit('/').next().unwrap_or(p)).unwrap_or("");
    matches!(base, "sh" | "ash" | "bash" | "dash") && argv.len() == 1
}

pub fn exec(engine: &mut Engine, inv: &Invocation, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let argv: Vec<String> = inv.args.get(1..).map(<[String]>::to_vec).unwrap_or_default();
    let (interactive, tty) = (inv.bool("interactive"), inv.bool("tty"));
    if interactive && tty && !engine.tty {
        out.errln("the input device is not a TTY");
        return out.with_exit(1);
    }
    let c = match engine.find_container(typed) {
        Ok(c) => c,
        Err(e) => {
            errors::daemon(&mut out, &e.message());
            return out.with_exit(1);
        }
    };
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
    let lineage = engine.images.get(&c.image_id).map_or_else(|| "busybox".to_string(), |i| i.lineage.clone());
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
    let user = match users::resolve(&lineage, &user_spec) {
        Ok(u) => u,
        Err(e) => {
            errors::daemon(&mut out, &e);
            return out.with_exit(126);
        }
    };
    if let Some(program) = argv.first() {
        if !process::exists(&lineage, program) {
            out.errln(format!(
                "OCI runtime exec failed: exec failed: unable to start container process: exec: \"{program}\": executable file not found in $PATH"
            ));
            return out.with_exit(127);
        }
    }
    if interactive && tty && is_shell(&argv) {
        out.attached = Some(shell_attachment(engine, &id, true, extra_env, Some(&workdir), Some(&user_spec)));
        return out;
    }
    let attached = shell_attachment(engine, &id, true, extra_env, Some(&workdir), Some(&user_spec));
    let env = attached.shell.map(|s| s.env).unwrap_or_default();
    let line = argv
        .iter()
        .map(|a| if a.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c)) && !a.is_empty() { a.clone() } else { format!("'{}'", a.replace('\'', "'\\''")) })
        .collect::<Vec<_>>()
        .join(" ");
    let ctx = ScriptContext { lineage: &lineage, env: &env, workdir: if workdir.is_empty() { "/" } else { &workdir }, user: &user };
    let mut state = ctx.fresh_state();
    let r = process::run_in_container(&line, &ctx, &mut state);
    if inv.bool("detach") {
        return out;
    }
    out.append(r.output);
    out
}

/// `docker attach CONTAINER`.
pub fn attach(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let c = match engine.find_container(typed) {
        Ok(c) => c,
        Err(e) => {
            errors::daemon(&mut out, &e.message());
            return out.with_exit(1);
        }
    };
    if !c.state.running {
        out.errln("You cannot attach to a stopped container, start it first");
        return out.with_exit(1);
    }
    if c.state.paused {
        out.errln("You cannot attach to a paused container, unpause it first");
        return out.with_exit(1);
    }
    let id = c.id.clone();
    if c.config.tty && c.config.open_stdin && runs_a_shell(engine, &id) {
        if !engine.tty {
            out.errln("the input device is not a TTY");
            return out.with_exit(1);
        }
        out.attached = Some(shell_attachment(engine, &id, false, Vec::new(), None, None));
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
