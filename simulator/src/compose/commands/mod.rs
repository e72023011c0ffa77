//! `docker compose …`: the plugin's own flags, then one command family per file.
//!
//! The docker CLI hands every `docker compose …` line to [`run`] (the plugin), with the words
//! after `compose`.

pub mod attach;
pub mod columns;
pub mod config;
pub mod containers;
pub mod images;
pub mod kill_rm_port;
pub mod lifecycle;
pub mod logs;
pub mod ls;
pub mod one_off;
pub mod progress;
pub mod ps;
pub mod top;
pub mod up_down;
pub mod version;

use std::collections::BTreeMap;

use super::cli::{self, Flags};
use super::{ComposeError, LoadOptions, Project};
use crate::engine::Engine;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// What every compose command works with.
pub struct Ctx<'a, 'c> {
    pub engine: &'a mut Engine,
    pub project_files: &'a mut dyn ProjectFiles,
    pub call: ProgramCall<'c>,
    /// `docker compose` options (`-f`, `-p`, `--profile`…).
    pub globals: Flags,
    /// The command's own options.
    pub flags: Flags,
    /// The command's arguments.
    pub args: Vec<String>,
    /// Events of the engine commands run on the way (`docker create`, `pull`…), for the UI.
    pub events: Vec<crate::events::Event>,
}

impl Ctx<'_, '_> {
    /// Cobra's `MinimumNArgs(n)`: with fewer arguments, its error (exit 1) is in `out`.
    pub fn has_args(&self, n: usize, out: &mut Output) -> bool {
        if self.args.len() >= n {
            return true;
        }
        out.errln(format!("requires at least {n} arg(s), only received {}", self.args.len()));
        out.exit_code = 1;
        false
    }

    /// Loads the project, printing its warnings; on error prints it and sets exit 1.
    pub fn load(&self, out: &mut Output) -> Option<Project> {
        self.load_named(out, &self.args.clone())
    }

    /// Like [`Ctx::load`], enabling services named on the command line whatever their profile.
    pub fn load_named(&self, out: &mut Output, named: &[String]) -> Option<Project> {
        match self.try_load(named) {
            Ok(p) => {
                for w in &p.warnings {
                    warn(self.engine, out, w);
                }
                Some(p)
            }
            Err(e) => {
                fail(out, &e);
                None
            }
        }
    }

    /// Like [`Ctx::load`], then checks that every service named on the command line exists
    /// (`no such service: x`, exit 1).
    pub fn load_services(&self, out: &mut Output) -> Option<Project> {
        let project = self.load_named(out, &[])?;
        if let Some(n) = self.args.iter().find(|n| project.service(n).is_none()) {
            out.errln(format!("no such service: {n}"));
            out.exit_code = 1;
            return None;
        }
        Some(project)
    }

    pub fn try_load(&self, named: &[String]) -> Result<Project, ComposeError> {
        let opts = LoadOptions {
            cwd: self.call.cwd.to_string(),
            files: self.globals.list("file"),
            project_name: self.globals.str("project-name").map(str::to_string),
            profiles: self.globals.list("profile"),
            project_directory: self.globals.str("project-directory").map(str::to_string),
            named_services: named.to_vec(),
            env_files: self.globals.list("env-file"),
        };
        let env: BTreeMap<String, String> = self.call.env.clone();
        super::load_with(&*self.project_files, &opts, &env)
    }

    /// The project name without loading files (`-p`, or the folder), for commands that work on
    /// containers only.
    pub fn project_name_or_load(&self, out: &mut Output) -> Option<String> {
        if let Some(p) = self.globals.str("project-name") {
            return match super::project_name::check(p) {
                Ok(n) => Some(n),
                Err(e) => {
                    fail(out, &e);
                    None
                }
            };
        }
        self.load_named(out, &[]).map(|p| p.name)
    }
}

/// Prints a loading error as Compose does (stderr, exit 1).
pub fn fail(out: &mut Output, e: &ComposeError) {
    out.errln(&e.message);
    out.exit_code = 1;
}

/// A logrus warning: `WARN[0000] msg` on a terminal, `time="…" level=warning msg="…"` otherwise.
pub fn warn(engine: &Engine, out: &mut Output, msg: &str) {
    if engine.tty {
        out.errln(format!("WARN[0000] {msg}"));
    } else {
        out.errln(format!("time=\"{}\" level=warning msg={}", engine.now().rfc3339(), crate::format::go_quote::go_quote(msg)));
    }
}

/// Runs `docker compose <args>`.
pub fn run(engine: &mut Engine, args: &[String], call: ProgramCall<'_>, project_files: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let compose_help = cli::help_text("compose").unwrap_or_default();
    let (globals, rest, help) = match cli::parse(compose_help, args, true) {
        Ok(r) => r,
        Err(msg) => {
            out.errln(msg);
            return out.with_exit(1);
        }
    };
    let Some(command) = rest.first().cloned() else {
        out.out(compose_help);
        return out;
    };
    let Some(command_help) = cli::help_text(&command) else {
        if help {
            out.out(compose_help);
            return out;
        }
        out.out(compose_help);
        out.errln(format!("unknown docker command: \"compose {command}\""));
        return out.with_exit(1);
    };
    if help {
        out.out(command_help);
        return out;
    }
    let stop_at_arg = matches!(command.as_str(), "exec" | "run");
    let (flags, cmd_args, cmd_help) = match cli::parse(command_help, rest.get(1..).unwrap_or_default(), stop_at_arg) {
        Ok(r) => r,
        Err(msg) => {
            out.errln(msg);
            return out.with_exit(1);
        }
    };
    if cmd_help {
        out.out(command_help);
        return out;
    }
    let mut cx = Ctx { engine, project_files, call, globals, flags, args: cmd_args, events: Vec::new() };
    let mut out = match command.as_str() {
        "config" => config::config(&mut cx),
        "version" => version::version(&cx),
        "up" => up_down::up(&mut cx),
        "down" => up_down::down(&mut cx),
        "ps" => ps::ps(&mut cx),
        "logs" => logs::logs(&mut cx),
        "stop" | "start" | "restart" | "pause" | "unpause" => lifecycle::lifecycle(&mut cx, &command),
        "ls" => ls::ls(&mut cx),
        "images" => images::images(&mut cx),
        "top" => top::top(&mut cx),
        "exec" => one_off::exec(&mut cx),
        "run" => one_off::run(&mut cx),
        "build" | "pull" | "push" => images::build_pull_push(&mut cx, &command),
        "kill" => kill_rm_port::kill(&mut cx),
        "rm" => kill_rm_port::rm(&mut cx),
        "port" => kill_rm_port::port(&mut cx),
        "create" => {
            // `create` is `up` without starting anything.
            cx.flags.set("no-start", vec!["true".into()]);
            cx.flags.set("detach", vec!["true".into()]);
            up_down::up(&mut cx)
        }
        _ => out,
    };
    // What the engine commands reported happened first.
    let mut events = std::mem::take(&mut cx.events);
    events.append(&mut out.events);
    out.events = events;
    out
}
