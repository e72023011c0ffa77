//! A [`Programs`] for tests: echoes each call (argv, stdin, selected env) and records sleeps.

use std::collections::BTreeMap;

use super::{ProgramCall, Programs};
use crate::output::Output;
use crate::project::{MemoryProject, ProjectFiles};

/// Answers `docker …` by printing its argv as `argv=[a|b]`, its stdin and the `X`/`Y` variables it
/// sees; `fail` exits 3 with a message on stderr; anything else is "command not found" (127).
#[derive(Debug, Default)]
pub(super) struct Mock {
    pub project: MemoryProject,
    pub slept: Vec<f64>,
    pub calls: Vec<Vec<String>>,
}

impl Mock {
    pub(super) fn new() -> Self {
        Self::default()
    }

    pub(super) fn with_file(mut self, path: &str, content: &str) -> Self {
        self.project.files.insert(path.to_string(), content.to_string());
        self
    }
}

impl Programs for Mock {
    fn run(&mut self, call: ProgramCall<'_>) -> Output {
        self.calls.push(call.argv.to_vec());
        let mut out = Output::new();
        match call.argv.first().map(String::as_str) {
            Some("docker") => {
                out.outln(format!("argv=[{}]", call.argv.join("|")));
                if let Some(stdin) = call.stdin {
                    out.outln(format!("stdin=[{stdin}]"));
                }
                let shown: BTreeMap<&String, &String> = call.env.iter().filter(|(k, _)| k.as_str() == "X" || k.as_str() == "Y").collect();
                if !shown.is_empty() {
                    out.outln(format!("env={shown:?}"));
                }
                if !call.cwd.is_empty() {
                    out.outln(format!("cwd={}", call.cwd));
                }
            }
            Some("fail") => {
                out.errln("fail: it failed");
                out.exit_code = 3;
            }
            Some(name) => {
                out.errln(format!("bash: {name}: command not found"));
                out.exit_code = 127;
            }
            None => {}
        }
        out
    }

    fn sleep(&mut self, secs: f64) {
        self.slept.push(secs);
    }

    fn project(&mut self) -> &mut dyn ProjectFiles {
        &mut self.project
    }

    fn has_program(&self, name: &str) -> bool {
        name == "docker" || name == "fail"
    }
}
