//! The host shell: parses a command line and runs it (builtins here, programs through [`Programs`]).
//! PLACEHOLDER: whitespace splitting only; the nom parser replaces this.

pub mod ast;
mod escapes;
pub mod parse;

use std::collections::BTreeMap;

use crate::output::Output;
use crate::project::ProjectFiles;

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
}

/// Variables, history and last exit status of the host shell.
#[derive(Debug, Clone, Default)]
pub struct ShellState {
    pub env: BTreeMap<String, String>,
    pub history: Vec<String>,
    pub last_exit: i32,
}

impl ShellState {
    pub fn new() -> Self {
        Self::default()
    }
}

pub fn run_line(line: &str, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let argv: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    if argv.is_empty() {
        return Output::new();
    }
    state.history.push(line.to_string());
    let env = state.env.clone();
    let out = programs.run(ProgramCall { argv: &argv, stdin: None, env: &env, cwd: "" });
    state.last_exit = out.exit_code;
    out
}
