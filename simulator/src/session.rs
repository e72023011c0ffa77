//! A learner's session: the host shell, the engine and the project folder, glued together.

use crate::clock::Timestamp;
use crate::engine::Engine;
use crate::attachment;
use crate::engine::container_shell::{ContainerShell, ShellLine};
use crate::output::{Attached, Output};
use crate::project::ProjectFiles;
use crate::shell::{self, ProgramCall, Programs, ShellState};

/// How a session starts.
#[derive(Debug, Clone)]
pub struct SessionConfig {
    /// Seed of every ID the engine generates.
    pub seed: u64,
    /// The engine's clock at start.
    pub start: Timestamp,
    /// True when the client is a terminal (the browser), false for transcripts (`dockersim`).
    pub tty: bool,
}

impl Default for SessionConfig {
    fn default() -> Self {
        // 2025-11-15T10:00:00Z: a fixed, plausible "now" for tests and dockersim.
        Self { seed: 0x4d75_656c_6c65, start: Timestamp::from_secs(1_763_200_800), tty: false }
    }
}

/// One learner's terminal session.
pub struct Session {
    pub shell: ShellState,
    pub engine: Engine,
    pub project: Box<dyn ProjectFiles>,
    /// The foreground command still running, if any.
    attached: Option<Attached>,
    /// The shell inside a container the learner is typing into, if any.
    container_shell: Option<ContainerShell>,
    /// What each `docker` command of the last line went through (CLI → API → daemon → …).
    traces: Vec<crate::trace::Trace>,
}

impl Session {
    pub fn new(config: SessionConfig, project: Box<dyn ProjectFiles>) -> Self {
        let mut engine = Engine::new(config.seed, config.start);
        engine.tty = config.tty;
        let mut shell = ShellState::new();
        shell.tty = config.tty;
        Self { shell, engine, project, attached: None, container_shell: None, traces: Vec::new() }
    }

    /// Runs one command line (possibly several commands joined by `;`, `&&`, pipes…).
    /// While a previous command is still attached, the line is not run: the caller should wait,
    /// `poll` or `interrupt` first.
    pub fn run_line(&mut self, line: &str) -> Output {
        if self.container_shell.is_some() {
            return self.run_in_container_shell(line);
        }
        if let Some(a) = self.attached.as_mut() {
            if let Some(done) = attachment::poll(&mut self.engine, a) {
                if done.attached.is_none() {
                    self.attached = None;
                }
            }
        }
        self.traces.clear();
        let mut host = Host { engine: &mut self.engine, project: self.project.as_mut(), traces: &mut self.traces };
        let out = shell::run_line(line, &mut self.shell, &mut host);
        self.attached = out.attached.clone();
        if let Some(spec) = out.attached.as_ref().and_then(|a| a.shell.as_ref().map(|s| (a.container_id.clone(), s.clone()))) {
            let (id, spec) = spec;
            self.container_shell = ContainerShell::open(&self.engine, &id, spec.exec, spec.env, &spec.workdir, &spec.user, &spec.program).ok();
        }
        out
    }

    /// Runs `line` again as the answers to its interactive prompts arrive: `answers` are the lines
    /// typed at the terminal after each prompt so far (`Username: ` → `student`). A prompt left
    /// without an answer ends the command with the prompt on screen (exit 0), waiting for it.
    pub fn run_line_answering(&mut self, line: &str, answers: Vec<String>) -> Output {
        self.engine.tty_answers = answers;
        let out = self.run_line(line);
        self.engine.tty_answers.clear();
        out
    }

    /// A line typed into a shell inside a container; `exit` leaves it.
    fn run_in_container_shell(&mut self, line: &str) -> Output {
        let Some(sh) = self.container_shell.as_mut() else { return Output::new() };
        let still_running = self.engine.containers.get(&sh.container_id).is_some_and(|c| c.state.running);
        let result = if still_running {
            // Bind mounts show the project folder as it is now, and write back what changed.
            self.engine.sync_binds_in(self.project.as_ref());
            let result = sh.run_line(&mut self.engine, line);
            self.engine.sync_binds_out(self.project.as_mut());
            result
        } else {
            ShellLine { output: Output::new(), exited: Some(137) }
        };
        let mut out = result.output;
        if let Some(code) = result.exited {
            let (id, exec) = (sh.container_id.clone(), sh.exec);
            self.container_shell = None;
            self.attached = None;
            if !exec && still_running {
                let mut events = Vec::new();
                self.engine.main_process_exited(&id, code, &mut events);
                out.events.extend(events);
            }
            out.exit_code = code;
            self.shell.last_exit = code;
        } else {
            out.attached = self.attached.clone();
        }
        out
    }

    /// The prompt to show: the host shell's (`estudiante@muelle:~$ `) or, inside a container, the
    /// image's shell prompt (`/ # `, `root@3f2a1b9c8d7e:/# `).
    pub fn prompt(&self) -> String {
        match &self.container_shell {
            Some(sh) => sh.prompt(),
            None => format!("{}@{}:{}$ ", shell::USER, shell::HOSTNAME, self.shell.prompt_dir()),
        }
    }

    /// The path each `docker` command of the last line took through Docker's architecture.
    pub fn last_traces(&self) -> &[crate::trace::Trace] {
        &self.traces
    }

    /// True while the learner types into a shell inside a container.
    pub fn in_container_shell(&self) -> bool {
        self.container_shell.is_some()
    }

    /// True while a foreground command is still running.
    pub fn is_attached(&self) -> bool {
        self.attached.is_some()
    }

    /// New output of the foreground command (and whether it finished: `attached` is then `None`).
    pub fn poll(&mut self) -> Option<Output> {
        let a = self.attached.as_mut()?;
        let out = attachment::poll(&mut self.engine, a)?;
        if out.attached.is_none() {
            self.attached = None;
            self.shell.last_exit = out.exit_code;
        }
        Some(out)
    }

    /// Ctrl+C while a foreground command runs (inside a container shell it only cancels the line).
    pub fn interrupt(&mut self) -> Output {
        if self.container_shell.is_some() {
            return Output::new().with_exit(130);
        }
        let Some(a) = self.attached.as_mut() else { return Output::new() };
        let out = attachment::interrupt(&mut self.engine, a);
        if out.attached.is_none() {
            self.attached = None;
            self.shell.last_exit = out.exit_code;
        }
        out
    }

    /// Leaves the foreground command running in the background and gives the prompt back
    /// (Ctrl+P Ctrl+Q).
    pub fn detach(&mut self) {
        self.attached = None;
        self.container_shell = None;
    }

    /// Moves the engine's clock forward to `now` (never backwards), running whatever was due.
    pub fn set_now(&mut self, now: Timestamp) {
        self.engine.advance_to(now);
    }

    pub fn now(&self) -> Timestamp {
        self.engine.now()
    }
}

/// What the shell calls out to for everything that is not a builtin.
struct Host<'a> {
    engine: &'a mut Engine,
    project: &'a mut dyn ProjectFiles,
    traces: &'a mut Vec<crate::trace::Trace>,
}

impl Programs for Host<'_> {
    fn run(&mut self, call: ProgramCall<'_>) -> Output {
        match call.argv.first().map(String::as_str) {
            Some("docker") => {
                let out = self.engine.docker(call, self.project);
                self.traces.push(crate::trace::trace(call.argv, &out));
                out
            }
            Some("curl") => self.curl(call),
            Some("trivy") => crate::scan::run(self.engine, self.project, call),
            Some("hadolint") => crate::lint::command::run(self.project, call),
            Some(name) => {
                let mut out = Output::new();
                out.errln(format!("bash: {name}: command not found"));
                out.with_exit(127)
            }
            None => Output::new(),
        }
    }

    fn sleep(&mut self, secs: f64) {
        let nanos = (secs * 1e9) as i64;
        let target = self.engine.now().plus_nanos(nanos);
        self.engine.advance_to(target);
    }

    fn project(&mut self) -> &mut dyn ProjectFiles {
        self.project
    }

    fn has_program(&self, name: &str) -> bool {
        matches!(name, "docker" | "curl" | "trivy" | "hadolint")
    }
}

impl Host<'_> {
    /// The host's `curl` (Debian's 7.88.1): published ports on `localhost`, containers by address.
    fn curl(&mut self, call: ProgramCall<'_>) -> Output {
        if self.engine.has_binds() {
            self.engine.sync_binds_in(self.project);
        }
        let mut net = self.engine.net_from(None);
        let fetched = crate::engine::http_client::curl(&mut net, call.argv, "7.88.1");
        self.engine.apply_access_log(&mut net);
        let mut out = fetched.output;
        if let Some((file, content)) = fetched.save {
            let rel = crate::docker::host_path::project_path(call.cwd, &file);
            match rel.map(|r| self.project.write(&r, &content)) {
                Some(Ok(())) => {}
                _ => {
                    out.errln(format!("curl: (23) Failure writing output to destination, passed {} returned 0", content.len()));
                    out.exit_code = 23;
                }
            }
        }
        out
    }
}

impl Session {
    /// A session whose engine starts like the real-engine capture tool's (`shared/tools/real-docker`):
    /// `busybox:latest` and `mini:1.0` imported locally, nothing else. Used by the golden transcript tests.
    pub fn real_docker_fixture() -> Session {
        let mut session = Session::new(SessionConfig::default(), Box::new(crate::project::MemoryProject::new()));
        session.engine.import_real_docker_base_images();
        session.engine.hub_offline = true;
        session
    }
}
