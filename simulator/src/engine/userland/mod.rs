//! Life inside a container: the image's programs (busybox applets or GNU coreutils), run by the
//! host shell's interpreter against the container's filesystem.
//!
//! A [`Machine`] is what a process inside a container sees: its filesystem ([`MergedFs`]), user,
//! host name, clock and the other processes. It implements the shell's [`Programs`]: the shell
//! parses and expands lines, keeps variables and runs its own builtins (`echo`, `cd`, `export`…);
//! every other command is looked up in the image (`$PATH`), answered `not found` as the image's
//! shell does, or run here with the messages of the image's userland ([`Userland`]).

mod files;
mod listing;
mod messages;
mod net;
mod packages;
mod search;
mod system;

use std::collections::BTreeMap;

use crate::clock::{Timestamp, NANOS_PER_SEC};
use crate::engine::http::Net;
use crate::engine::mounted_fs::View;
use crate::engine::users::User;
use crate::fs::{path, MergedFs};
use crate::output::Output;
use crate::project::{MemoryProject, ProjectFiles};
use crate::shell::{self, Files, ProgramCall, Programs, ShellState};

pub use messages::ShellKind;

/// Which implementation of the Unix tools an image has: their messages and output formats differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Userland {
    /// BusyBox applets (busybox, alpine and the `-alpine` images); `musl` for Alpine's C library.
    Busybox { musl: bool },
    /// GNU coreutils with dash as `/bin/sh` (Debian, Ubuntu and the images built on them).
    Gnu,
}

impl Userland {
    /// The userland of a container's filesystem: BusyBox when `/bin/sh` is the busybox binary.
    pub fn of(fs: &MergedFs) -> Userland {
        // `/bin/sh` is busybox: a symlink to it (Alpine, the capture fixture) or a hard link
        // (the busybox image).
        let busybox = fs.canonicalize("/bin/sh").is_ok_and(|p| p.ends_with("/busybox"))
            || matches!((fs.stat("/bin/sh"), fs.stat("/bin/busybox")), (Ok(a), Ok(b)) if a.size == b.size && a.nlink > 1);
        if busybox {
            let musl = fs.exists("/etc/alpine-release") || fs.exists("/lib/ld-musl-x86_64.so.1");
            Userland::Busybox { musl }
        } else {
            Userland::Gnu
        }
    }

    pub fn is_busybox(self) -> bool {
        matches!(self, Userland::Busybox { .. })
    }

    /// The shell `sh` is: ash (BusyBox) or dash.
    pub fn sh(self) -> ShellKind {
        if self.is_busybox() {
            ShellKind::Ash
        } else {
            ShellKind::Dash
        }
    }

    /// `strerror` of the image's C library.
    pub fn strerror(self, errno: crate::fs::Errno) -> &'static str {
        match self {
            Userland::Busybox { musl: true } => errno.strerror_musl(),
            _ => errno.strerror(),
        }
    }
}

/// Commands every shell (ash, dash, bash) runs itself: the host shell's builtins answer them.
const SHELL_BUILTINS: &[&str] = &[
    "echo", "printf", "export", "unset", "read", "set", "cd", "pwd", "test", "[", "true", ":", "false", "type",
    "history",
];

/// Programs the host shell implements well enough for any userland (filters): when the image
/// has them, the shell's builtin runs.
const SHELL_FILTERS: &[&str] = &["grep", "head", "tail", "wc", "sort", "uniq", "cut", "tr", "seq"];

/// The default `PATH` of a container's processes.
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// How deep `sh -c 'sh -c …'` may nest.
const MAX_NESTED_SHELLS: usize = 16;

/// What a process inside a container sees.
pub struct Machine<'a, 'v> {
    /// The container's files, mounts included.
    pub fs: &'a mut View<'v>,
    pub user: User,
    pub hostname: String,
    pub userland: Userland,
    pub now: Timestamp,
    /// Stdout is a terminal (`-t`): `ls` prints columns.
    pub tty: bool,
    /// The container's processes for `ps`: (PID, user, command line), PID 1 first.
    pub processes: Vec<(u32, String, String)>,
    /// The process environment in its order (`env` prints it so).
    pub env_order: Vec<String>,
    /// Time the programs slept, in ns.
    pub slept_ns: i64,
    /// Something was started that runs until stopped (`tail -f`, a server).
    pub forever: bool,
    /// The shell whose messages are printed (the innermost running one).
    pub shell: ShellKind,
    /// Lines come from a prompt (`docker exec -it … bash`), not from a script.
    pub interactive: bool,
    /// The network as this container sees it (`curl`, `wget`, `ping`).
    pub net: Net,
    /// The project folder is not visible inside a container.
    project: MemoryProject,
    depth: usize,
}

impl<'a, 'v> Machine<'a, 'v> {
    pub fn new(fs: &'a mut View<'v>, user: User, hostname: &str, now: Timestamp) -> Machine<'a, 'v> {
        let userland = Userland::of(fs.root());
        fs.set_context(now.secs(), user.uid, user.gid);
        Machine {
            fs,
            user,
            hostname: hostname.to_string(),
            userland,
            now,
            tty: false,
            processes: Vec::new(),
            env_order: Vec::new(),
            slept_ns: 0,
            forever: false,
            shell: userland.sh(),
            interactive: false,
            net: Net::default(),
            project: MemoryProject::new(),
            depth: 0,
        }
    }

    /// A shell state for a new shell process: exactly `env`, in directory `cwd` (absolute).
    pub fn shell_state(&self, env: &BTreeMap<String, String>, cwd: &str) -> ShellState {
        let mut state = ShellState::new();
        state.env = env.clone();
        state.vars.clear();
        state.exported_unset.clear();
        state.root = "/";
        state.cwd = cwd.trim_start_matches('/').trim_end_matches('/').to_string();
        state.tty = self.tty;
        if !state.env.contains_key("PWD") {
            state.vars.insert("PWD".to_string(), path::clean("/", cwd));
        }
        state
    }

    /// Runs one line of shell in `state`, as the shell `kind` (its messages); `line_no` is the
    /// line number that shell reports (`sh -c` counts from 0, a terminal from 1).
    pub fn run_line(&mut self, line: &str, state: &mut ShellState, kind: ShellKind, line_no: usize) -> Output {
        let saved = std::mem::replace(&mut self.shell, kind);
        let mut out = shell::run_line(line, state, self);
        self.shell = saved;
        messages::rewrite(&mut out, kind, line_no, self.fs, &state.cwd);
        if self.depth == 0 {
            messages::unmark(&mut out);
        } else {
            messages::finish(&mut out);
        }
        out
    }

    /// Runs `argv` as a process of its own (a container's main process, `docker exec`), in `cwd`.
    pub fn run_argv(&mut self, argv: &[String], env: &BTreeMap<String, String>, cwd: &str) -> Output {
        let Some(name) = argv.first() else { return Output::new() };
        if self.intercepts(name, env) {
            let cwd_rel = cwd.trim_start_matches('/').trim_end_matches('/').to_string();
            let mut out = self.run(ProgramCall { argv, stdin: None, env, cwd: &cwd_rel });
            messages::unmark(&mut out);
            return out;
        }
        // A shell builtin or filter run as a program (`/bin/echo`): the shell runs it.
        let mut state = self.shell_state(env, cwd);
        let line = quote_argv(argv);
        let kind = self.userland.sh();
        self.run_line(&line, &mut state, kind, 0)
    }

    /// Runs a program that reads `call.stdin` (`echo ls | docker exec -i c sh`).
    pub fn run_with_stdin(&mut self, call: ProgramCall<'_>) -> Output {
        let mut out = self.run(call);
        messages::unmark(&mut out);
        out
    }

    /// The command's `PATH`.
    fn path_var(env: &BTreeMap<String, String>) -> &str {
        env.get("PATH").map_or(DEFAULT_PATH, String::as_str)
    }

    /// The absolute path of `name` relative to the caller's directory (`cwd` relative to `/`).
    pub fn absolute(cwd: &str, name: &str) -> String {
        path::join(&format!("/{cwd}"), name)
    }

    /// `sh`, `bash`… run as a program: `-c SCRIPT`, a script file, or commands on stdin.
    fn run_shell(&mut self, call: ProgramCall<'_>) -> Output {
        let mut out = Output::new();
        let base = base_name(call.argv.first().map_or("sh", String::as_str)).to_string();
        let kind = match base.as_str() {
            "bash" => ShellKind::Bash,
            _ => self.userland.sh(),
        };
        if self.depth >= MAX_NESTED_SHELLS {
            out.errln(format!("{base}: too many nested shells"));
            return out.with_exit(2);
        }
        let args: Vec<&String> = call.argv.iter().skip(1).collect();
        let script = match args.first().map(|s| s.as_str()) {
            Some("-c") => match args.get(1) {
                Some(s) => (*s).clone(),
                None => {
                    out.errln(format!("{base}: -c requires an argument"));
                    return out.with_exit(2);
                }
            },
            Some(file) if !file.starts_with('-') => {
                let path = Self::absolute(call.cwd, file);
                match self.fs.read(&path) {
                    Ok(content) => crate::engine::fs_tree::text_of(&content),
                    Err(e) => {
                        let msg = self.userland.strerror(e.errno);
                        match kind {
                            ShellKind::Ash => out.errln(format!("{base}: can't open '{file}': {msg}")),
                            ShellKind::Dash => out.errln(format!("{base}: 0: cannot open {file}: {msg}")),
                            ShellKind::Bash => out.errln(format!("{base}: {file}: {msg}")),
                        }
                        return out.with_exit(if kind == ShellKind::Ash { 2 } else { 127 });
                    }
                }
            }
            _ => call.stdin.unwrap_or("").to_string(),
        };
        let mut state = self.shell_state(call.env, &format!("/{}", call.cwd));
        state.exported_unset.clear();
        let level = call.env.get("SHLVL").and_then(|l| l.parse::<u32>().ok()).unwrap_or(0) + 1;
        state.env.insert("SHLVL".to_string(), level.to_string());
        self.depth += 1;
        let result = self.run_line(&script, &mut state, kind, 0);
        self.depth -= 1;
        result
    }

    /// True when the shell runs `name` as a busybox applet without looking at `PATH` (Debian's
    /// static busybox is built with `FEATURE_SH_STANDALONE`: deleting `/bin/wc` changes nothing).
    fn standalone_applet(&self, name: &str) -> bool {
        self.userland.is_busybox()
            && !name.contains('/')
            && crate::docker::fixture_rootfs::APPLETS.contains(&name)
            && files::busybox_banner(self).contains("Debian")
    }

    /// `not found` as the running shell says it.
    fn not_found(&self, name: &str) -> Output {
        let mut out = Output::new();
        out.errln(self.shell.not_found(name, self.interactive && self.depth == 0));
        out.with_exit(127)
    }
}

/// True when a command line may use the network (only then is a [`Net`] snapshot taken).
pub fn wants_net(text: &str) -> bool {
    ["curl", "wget", "ping", "http"].iter().any(|w| text.contains(w))
}

/// The last component of a path.
pub fn base_name(p: &str) -> &str {
    p.trim_end_matches('/').rsplit('/').next().unwrap_or(p)
}

/// Quotes argv back into one shell line.
pub fn quote_argv(argv: &[String]) -> String {
    argv.iter()
        .map(|a| {
            if !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c)) {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Programs for Machine<'_, '_> {
    fn run(&mut self, call: ProgramCall<'_>) -> Output {
        let Some(name) = call.argv.first().map(String::as_str) else { return Output::new() };
        let path_var = Self::path_var(call.env);
        let lookup = if name.contains('/') { Self::absolute(call.cwd, name) } else { name.to_string() };
        if self.fs.which(&lookup, path_var).is_none() && !self.standalone_applet(name) {
            return self.not_found(name);
        }
        match base_name(name) {
            "sh" | "ash" | "bash" | "dash" => self.run_shell(call),
            "ls" => listing::ls(self, call),
            "cat" => files::cat(self, call),
            "touch" => files::touch(self, call),
            "rm" => files::rm(self, call),
            "rmdir" => files::rmdir(self, call),
            "mkdir" => files::mkdir(self, call),
            "cp" => files::cp(self, call),
            "mv" => files::mv(self, call),
            "ln" => files::ln(self, call),
            "chmod" => files::chmod(self, call),
            "find" => search::find(self, call),
            "env" | "printenv" => system::env(self, call),
            "id" => system::id(self, call),
            "whoami" => system::whoami(self, call),
            "hostname" => system::hostname(self, call),
            "uname" => system::uname(self, call),
            "which" => system::which(self, call),
            "ps" => system::ps(self, call),
            "df" => system::df(self, call),
            "du" => system::du(self, call),
            "sleep" => system::sleep(self, call),
            "date" => system::date(self, call),
            "curl" => net::curl(self, call),
            "wget" => net::wget(self, call),
            "ping" if !call.argv.iter().any(|a| a == "-t") => net::ping(self, call),
            "apt-get" | "apt" => packages::apt(self, call),
            "apk" => packages::apk(self, call),
            "npm" => packages::npm(self, call),
            "pip" | "pip3" => packages::pip(self, call),
            "tail" if call.argv.iter().any(|a| a == "-f" || a == "-F") => {
                self.forever = true;
                Output::new()
            }
            "top" | "yes" | "watch" | "nginx" | "httpd" | "node" | "python" | "python3" | "redis-server"
            | "postgres" | "mysqld" => {
                self.forever = true;
                Output::new()
            }
            filter if SHELL_FILTERS.contains(&filter) || SHELL_BUILTINS.contains(&filter) => {
                // Named by path (`/bin/grep`): the shell's implementation answers.
                let mut argv = call.argv.to_vec();
                if let Some(first) = argv.first_mut() {
                    *first = filter.to_string();
                }
                let mut state = self.shell_state(call.env, &format!("/{}", call.cwd));
                let kind = self.shell;
                let line = quote_argv(&argv);
                match call.stdin {
                    Some(input) => {
                        let here = format!("{line} <<'MUELLE_EOF'\n{input}\nMUELLE_EOF");
                        self.run_line(&here, &mut state, kind, 0)
                    }
                    None => self.run_line(&line, &mut state, kind, 0),
                }
            }
            _ => Output::new(),
        }
    }

    fn sleep(&mut self, secs: f64) {
        if secs.is_finite() && secs >= 0.0 {
            self.slept_ns = self.slept_ns.saturating_add((secs.min(1e12) * NANOS_PER_SEC as f64) as i64);
        }
    }

    fn project(&mut self) -> &mut dyn ProjectFiles {
        &mut self.project
    }

    fn files(&mut self) -> Files<'_> {
        Files::Tree(&mut *self.fs)
    }

    fn intercepts(&mut self, name: &str, env: &BTreeMap<String, String>) -> bool {
        if SHELL_BUILTINS.contains(&name) {
            return false;
        }
        if SHELL_FILTERS.contains(&name) {
            // The shell's filter runs when the image has the program.
            return self.fs.which(name, Self::path_var(env)).is_none() && !self.standalone_applet(name);
        }
        true
    }

    fn has_program(&self, name: &str) -> bool {
        self.fs.which(name, DEFAULT_PATH).is_some()
    }
}

#[cfg(test)]
mod tests;
