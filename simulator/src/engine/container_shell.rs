//! An interactive shell inside a container (`docker run -it … sh`, `docker exec -it … bash`,
//! `docker attach`): the prompt the image's shell shows, and each line run in the container's
//! userland against its filesystem.

use std::collections::BTreeMap;

use crate::engine::process::env_map;
use crate::engine::http::Net;
use crate::engine::userland::{base_name, wants_net, Machine, ShellKind, Userland};
use crate::engine::users::{self, User};
use crate::engine::Engine;
use crate::output::Output;
use crate::shell::ShellState;

/// A shell session inside a container.
#[derive(Debug, Clone)]
pub struct ContainerShell {
    pub container_id: String,
    /// True for `docker exec`: leaving the shell does not stop the container.
    pub exec: bool,
    pub hostname: String,
    pub user: User,
    /// The process environment, in order.
    pub env: Vec<String>,
    /// Variables, current directory (relative to `/`) and history of the shell.
    pub state: ShellState,
    /// Which shell it is (its prompt and messages).
    pub kind: ShellKind,
    /// Lines read so far (ash and dash number their messages with it).
    lines: usize,
}

/// What one line did.
pub struct ShellLine {
    pub output: Output,
    /// `exit N`: the shell ended with this code.
    pub exited: Option<i32>,
}

impl ContainerShell {
    /// Opens `program` (a shell) in a running container with the given environment, directory
    /// and user.
    pub fn open(engine: &Engine, id: &str, exec: bool, env: Vec<String>, workdir: &str, user: &str, program: &str) -> Result<ContainerShell, String> {
        let c = engine.containers.get(id).ok_or_else(|| format!("No such container: {id}"))?;
        let user = users::resolve(&c.fs, user)?;
        let userland = Userland::of(&c.fs);
        let kind = if base_name(program) == "bash" { ShellKind::Bash } else { userland.sh() };
        let cwd = if workdir.is_empty() { "/" } else { workdir };
        let mut state = ShellState::new();
        state.env = env_map(&env);
        state.vars.clear();
        state.exported_unset.clear();
        state.root = "/";
        state.cwd = cwd.trim_start_matches('/').trim_end_matches('/').to_string();
        state.tty = true;
        state.env.insert("PWD".to_string(), cwd.to_string());
        state.env.insert("SHLVL".to_string(), "1".to_string());
        if kind == ShellKind::Bash {
            state.vars.insert("HOSTNAME".to_string(), c.config.hostname.clone());
        }
        Ok(ContainerShell { container_id: id.to_string(), exec, hostname: c.config.hostname.clone(), user, env, state, kind, lines: 0 })
    }

    /// The current directory (absolute).
    pub fn cwd(&self) -> String {
        format!("/{}", self.state.cwd)
    }

    /// The prompt the image's shell prints: `/ # ` (ash), `# ` (dash), `root@<id>:/# ` (bash).
    pub fn prompt(&self) -> String {
        let sign = if self.user.uid == 0 { '#' } else { '$' };
        let cwd = self.cwd();
        let home = self.state.env.get("HOME").cloned().unwrap_or_else(|| self.user.home.clone());
        match self.kind {
            ShellKind::Ash => format!("{cwd} {sign} "),
            ShellKind::Dash => format!("{sign} "),
            ShellKind::Bash => {
                let dir = if cwd == home && cwd != "/" {
                    "~".to_string()
                } else if let Some(rest) = cwd.strip_prefix(&format!("{home}/")).filter(|_| home != "/") {
                    format!("~/{rest}")
                } else {
                    cwd
                };
                let name = self.user.name.clone().unwrap_or_else(|| "I have no name!".to_string());
                format!("{name}@{}:{dir}{sign} ", self.hostname)
            }
        }
    }

    /// Runs one line typed at the prompt, in the container's filesystem.
    pub fn run_line(&mut self, engine: &mut Engine, line: &str) -> ShellLine {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [] => return ShellLine { output: Output::new().with_exit(self.state.last_exit), exited: None },
            ["exit"] => return ShellLine { output: Output::new(), exited: Some(self.state.last_exit) },
            ["exit", code] => {
                let code = code.parse::<i64>().map_or(2, |c| c.rem_euclid(256) as i32);
                return ShellLine { output: Output::new(), exited: Some(code) };
            }
            _ => {}
        }
        self.lines += 1;
        let now = engine.now();
        let Some(c) = engine.containers.get(&self.container_id) else {
            return ShellLine { output: Output::new(), exited: Some(137) };
        };
        let processes: Vec<(u32, String, String)> = c
            .program
            .as_ref()
            .map(|p| p.processes.iter().enumerate().map(|(i, (u, cmd))| (if i == 0 { 1 } else { 7 + i as u32 }, u.clone(), cmd.clone())).collect())
            .unwrap_or_default();
        let net = if wants_net(line) { engine.net_from(Some(&self.container_id)) } else { Net::default() };
        let Some(mut view) = engine.container_view(&self.container_id) else {
            return ShellLine { output: Output::new(), exited: Some(137) };
        };
        let mut m = Machine::new(&mut view, self.user.clone(), &self.hostname, now);
        m.net = net;
        m.tty = true;
        m.interactive = true;
        m.env_order = self.env.clone();
        m.processes = processes;
        // `docker exec -it` starts a new shell; `docker run -it` typed into PID 1 itself.
        if self.exec {
            let shell_pid = m.processes.iter().map(|p| p.0).max().unwrap_or(0) + 6;
            m.processes.push((shell_pid, self.user.display_name(), self.program_name().to_string()));
        }
        let output = m.run_line(line, &mut self.state, self.kind, self.lines);
        let slept = m.slept_ns;
        let mut net = std::mem::take(&mut m.net);
        drop(view);
        engine.apply_access_log(&mut net);
        if slept > 0 {
            engine.advance_to(now.plus_nanos(slept));
        }
        self.state.last_exit = output.exit_code;
        ShellLine { output, exited: None }
    }

    fn program_name(&self) -> &'static str {
        match self.kind {
            ShellKind::Bash => "bash",
            _ => "sh",
        }
    }

    /// The shell's exported variables (for tests).
    pub fn variables(&self) -> &BTreeMap<String, String> {
        &self.state.env
    }
}
