//! The host shell of the learner's terminal: a small bash. [`parse`] turns a line into a tree, and
//! [`run_line`] expands and runs it: builtins and the small programs of a Linux box (`ls`, `cat`,
//! `grep`…) run here, anything else (`docker …`) goes to [`Programs`].
//!
//! The project folder is the learner's home, [`HOME`]; paths outside it are refused.

pub mod ast;
mod arith;
mod builtins;
mod char_class;
mod escapes;
mod exec;
mod expand;
mod folder;
mod glob;
pub(crate) mod ls_layout;
pub mod parse;
mod scripts;
mod tree;

use std::collections::{BTreeMap, BTreeSet};

use crate::output::Output;
use crate::project::ProjectFiles;

pub use parse::{parse, ParseError, ParseErrorKind, MAX_SUBST_DEPTH};
pub use tree::{EntryKind, FileTree, Files};

/// The learner's home directory: the project folder's absolute path as the shell shows it.
pub const HOME: &str = "/home/estudiante";
/// The learner's user name.
pub const USER: &str = "estudiante";
/// The machine's host name.
pub const HOSTNAME: &str = "muelle";
/// The most text one stream of one line may produce (and the largest file or variable it may write).
pub const MAX_STREAM_BYTES: usize = 1 << 20;

/// One call of a program that is not a shell builtin.
#[derive(Debug, Clone, Copy)]
pub struct ProgramCall<'a> {
    /// `argv[0]` is the program's name.
    pub argv: &'a [String],
    /// Piped input, if any (`echo x | docker login --password-stdin`).
    pub stdin: Option<&'a str>,
    /// The environment the program sees: exported variables plus `X=1 cmd` assignments.
    pub env: &'a BTreeMap<String, String>,
    /// Current directory inside the project folder (`""` is the project root).
    pub cwd: &'a str,
}

/// What the shell calls out to: programs that are not builtins, the clock and the project folder.
pub trait Programs {
    /// Runs a program.
    fn run(&mut self, call: ProgramCall<'_>) -> Output;
    /// Advances the clock (`sleep N`).
    fn sleep(&mut self, secs: f64);
    /// The learner's project folder (`cat`, `ls`, redirections).
    fn project(&mut self) -> &mut dyn ProjectFiles;
    /// True if `name` is an installed program (for `type` and `which`). Only `docker` by default.
    fn has_program(&self, name: &str) -> bool {
        name == "docker"
    }
    /// The files the shell works on: the project folder by default, a container's filesystem for a
    /// shell inside a container (mounted at [`ShellState::root`]).
    fn files(&mut self) -> Files<'_> {
        Files::Project(self.project())
    }
    /// True if the command `name` (`argv[0]`, not a shell keyword or special builtin) must go to
    /// [`Programs::run`] even when the shell has a builtin of that name: inside a container the
    /// image's own programs answer (or `not found`). False by default.
    fn intercepts(&mut self, name: &str, env: &BTreeMap<String, String>) -> bool {
        let _ = (name, env);
        false
    }
}

/// Variables, current directory, history and last exit status of the host shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellState {
    /// Exported variables (what programs see).
    pub env: BTreeMap<String, String>,
    /// Every non-empty line run, as typed.
    pub history: Vec<String>,
    /// `$?`
    pub last_exit: i32,
    /// Shell variables that are not exported (`X=1` without `export`).
    pub vars: BTreeMap<String, String>,
    /// Names marked for export that have no value yet (`export X`; `declare -x X`).
    pub exported_unset: BTreeSet<String>,
    /// Current directory, relative to the project folder (`""` is [`ShellState::root`]).
    pub cwd: String,
    /// Where the folder the shell works on is mounted: [`HOME`] for the project folder, `/` for a
    /// shell inside a container (every absolute path is then inside it).
    pub root: &'static str,
    /// Directories made in the shell (`mkdir`): the project folder itself only stores files.
    pub dirs: BTreeSet<String>,
    /// True when the output goes to a terminal (the browser): `ls` then prints columns. False (the
    /// default) prints as into a pipe, like the transcripts captured from a real engine.
    pub tty: bool,
    /// State of `$RANDOM` (a deterministic generator).
    pub random: u64,
    /// Files made executable with `chmod +x` (project-relative paths).
    pub executables: BTreeSet<String>,
}

impl Default for ShellState {
    fn default() -> Self {
        Self::new()
    }
}

impl ShellState {
    /// A fresh login shell in [`HOME`], with the variables a Linux terminal has.
    pub fn new() -> Self {
        let mut env = BTreeMap::new();
        for (k, v) in [
            ("HOME", HOME),
            ("LANG", "C.UTF-8"),
            ("LOGNAME", USER),
            ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("PWD", HOME),
            ("SHELL", "/bin/bash"),
            ("SHLVL", "1"),
            ("TERM", "xterm-256color"),
            ("USER", USER),
        ] {
            env.insert(k.to_string(), v.to_string());
        }
        let mut vars = BTreeMap::new();
        for (k, v) in [("HOSTNAME", HOSTNAME), ("PS1", "\\u@\\h:\\w\\$ ")] {
            vars.insert(k.to_string(), v.to_string());
        }
        let mut exported_unset = BTreeSet::new();
        exported_unset.insert("OLDPWD".to_string());
        ShellState {
            env,
            history: Vec::new(),
            last_exit: 0,
            vars,
            exported_unset,
            cwd: String::new(),
            root: HOME,
            dirs: BTreeSet::new(),
            tty: false,
            random: 0x2545_f491_4f6c_dd1d,
            executables: BTreeSet::new(),
        }
    }

    /// The value of a variable, exported or not.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.env.get(name).or_else(|| self.vars.get(name)).map(String::as_str)
    }

    /// `NAME=value`: updates the variable where it lives (exported stays exported).
    pub fn set_var(&mut self, name: &str, value: &str) {
        let mut value = value.to_string();
        folder::cap(&mut value);
        if self.env.contains_key(name) || self.exported_unset.remove(name) {
            self.env.insert(name.to_string(), value);
        } else {
            self.vars.insert(name.to_string(), value);
        }
    }

    /// `export NAME=value` (`value: None` is `export NAME`).
    pub fn export(&mut self, name: &str, value: Option<&str>) {
        let current = self.vars.remove(name).or_else(|| self.env.get(name).cloned());
        match value.map(str::to_string).or(current) {
            Some(mut v) => {
                folder::cap(&mut v);
                self.exported_unset.remove(name);
                self.env.insert(name.to_string(), v);
            }
            None => {
                self.exported_unset.insert(name.to_string());
            }
        }
    }

    /// `unset NAME`
    pub fn unset(&mut self, name: &str) {
        self.env.remove(name);
        self.vars.remove(name);
        self.exported_unset.remove(name);
    }

    /// The next `$RANDOM` (0–32767), from a deterministic generator.
    pub fn next_random(&mut self) -> u16 {
        self.random = self.random.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        u16::try_from((self.random >> 33) % 32_768).unwrap_or(0)
    }

    /// The current directory as an absolute path (`/home/estudiante/app`).
    pub fn pwd(&self) -> String {
        folder::absolute(self.root, &self.cwd)
    }

    /// The current directory as a prompt shows it (`~`, `~/app`).
    pub fn prompt_dir(&self) -> String {
        if self.cwd.is_empty() {
            "~".to_string()
        } else {
            format!("~/{}", self.cwd)
        }
    }
}

/// True when `text` is unfinished (open quote, trailing `\`, `|` or `&&` at the end, a here-document
/// without its delimiter…): the terminal should show a `> ` prompt and join the next line with `\n`.
pub fn needs_more_input(text: &str) -> bool {
    match parse(text) {
        Ok(script) => script.open_heredoc.is_some(),
        Err(e) => e.needs_more_input(),
    }
}

/// Runs one command line (possibly several commands joined by `;`, `&&`, pipes…) and records it in
/// the history. Syntax errors print bash's message and exit 2.
pub fn run_line(line: &str, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    if line.trim().is_empty() {
        // Nothing runs: `$?` stays as it was.
        return Output::new().with_exit(state.last_exit);
    }
    state.history.push(line.to_string());
    let parsed = match parse(line) {
        Err(e) if e.kind == ParseErrorKind::TrailingBackslash => parse(line.get(..e.offset).unwrap_or(line)),
        other => other,
    };
    let script = match parsed {
        Ok(script) => script,
        Err(e) => {
            let mut out = Output::new();
            out.errln(format!("bash: {e}"));
            state.last_exit = 2;
            return out.with_exit(2);
        }
    };
    let mut out = Output::new();
    if script.list.items.is_empty() {
        // Only a comment: nothing runs and `$?` stays as it was.
        return out.with_exit(state.last_exit);
    }
    if let Some(delimiter) = &script.open_heredoc {
        out.errln(format!("bash: warning: here-document at line 1 delimited by end-of-file (wanted `{delimiter}')"));
    }
    let result = exec::Exec::new(line, &script, state, programs).run(&script.list);
    exec::append_capped(&mut out, result);
    state.last_exit = out.exit_code;
    out
}

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
