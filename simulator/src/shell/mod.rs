//! The host shell: parses a command line and runs it (builtins here, programs through [`Programs`]).
//! PLACEHOLDER: whitespace splitting only; the nom parser replaces this.

use std::collections::BTreeMap;

use crate::output::Output;
use crate::project::ProjectFiles;

/// What the shell calls out to: programs that are not builtins, the clock and the project folder.
pub trait Programs {
    /// Runs a program; `argv[0]` is its name. `stdin` is piped input, if any.
    fn run(&mut self, argv: &[String], stdin: Option<&str>) -> Output;
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
    let out = programs.run(&argv, None);
    state.last_exit = out.exit_code;
    out
}
