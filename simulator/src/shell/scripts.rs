//! Running shell scripts from the project folder: `source FILE` / `. FILE` (in this shell),
//! `bash FILE`, `sh FILE`, `./FILE` (in a child shell), `bash -c 'commands'`. Messages carry the
//! script's name and line as bash prints them (`deploy.sh: line 3: foo: command not found`).

use super::exec::{append_capped, Exec};
use super::folder::{self, Folder, Kind};
use super::parse;
use crate::output::{Output, Stream};

/// How deeply scripts may run scripts.
const MAX_SCRIPT_DEPTH: usize = 16;

/// How a script runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `source`: in this shell; `exit` ends the shell.
    Sourced,
    /// `bash FILE`: in a child shell with its own variables and directory.
    Child,
}

impl Exec<'_> {
    /// `source FILE [ARGS…]`, `. FILE [ARGS…]`
    pub(super) fn source(&mut self, argv: &[String], stdin: Option<&str>, tty: bool) -> Output {
        let mut out = Output::new();
        let command = argv.first().map(String::as_str).unwrap_or("source");
        let Some(file) = argv.get(1) else {
            out.errln(format!("bash: {command}: filename argument required"));
            out.errln(format!("{command}: usage: {command} filename [arguments]"));
            return out.with_exit(2);
        };
        let text = match self.read_script(file) {
            Ok(text) => text,
            Err(message) => {
                out.errln(format!("bash: {file}: {message}"));
                return out.with_exit(1);
            }
        };
        let args = argv.get(2..).unwrap_or_default().to_vec();
        self.run_script(&text, file, args, stdin, tty, Mode::Sourced)
    }

    /// `bash [-c COMMANDS [NAME [ARGS…]]] [FILE [ARGS…]]` (and `sh`).
    pub(super) fn bash(&mut self, argv: &[String], stdin: Option<&str>, tty: bool) -> Output {
        let mut out = Output::new();
        let mut args = argv.get(1..).unwrap_or_default();
        while let Some(option) = args.first().filter(|a| a.starts_with('-') && a.len() > 1) {
            if option == "-c" {
                let Some(commands) = args.get(1) else {
                    out.errln("bash: -c: option requires an argument");
                    return out.with_exit(2);
                };
                let name = args.get(2).cloned().unwrap_or_else(|| "bash".to_string());
                let rest = args.get(3..).unwrap_or_default().to_vec();
                return self.run_script(commands, &name, rest, stdin, tty, Mode::Child);
            }
            args = args.get(1..).unwrap_or_default();
        }
        let Some(file) = args.first() else {
            // An interactive shell inside the terminal: it would just wait for input.
            return out;
        };
        match self.read_script(file) {
            Ok(text) => self.run_script(&text, file, args.get(1..).unwrap_or_default().to_vec(), stdin, tty, Mode::Child),
            Err(message) => {
                out.errln(format!("bash: {file}: {message}"));
                out.with_exit(127)
            }
        }
    }

    /// `./deploy.sh ARGS…`: runs a script of the project folder that was made executable.
    pub(super) fn run_path(&mut self, argv: &[String], stdin: Option<&str>, tty: bool) -> Output {
        let mut out = Output::new();
        let name = argv.first().cloned().unwrap_or_default();
        let cwd = self.state.cwd.clone();
        let path = match folder::resolve_in(self.state.root, &cwd, &name) {
            Ok(path) => path,
            Err(e) => {
                out.errln(format!("bash: {name}: {}", e.message()));
                return out.with_exit(126);
            }
        };
        let kind = self.folder().kind(&path);
        match kind {
            None => {
                out.errln(format!("bash: {name}: No such file or directory"));
                out.with_exit(127)
            }
            Some(Kind::Dir) => {
                out.errln(format!("bash: {name}: Is a directory"));
                out.with_exit(126)
            }
            Some(Kind::File) if !self.state.executables.contains(&path) => {
                out.errln(format!("bash: {name}: Permission denied"));
                out.with_exit(126)
            }
            Some(Kind::File) => {
                let text = self.folder().read(&path).unwrap_or_default();
                self.run_script(&text, &name, argv.get(1..).unwrap_or_default().to_vec(), stdin, tty, Mode::Child)
            }
        }
    }

    fn read_script(&mut self, name: &str) -> Result<String, &'static str> {
        let cwd = self.state.cwd.clone();
        let path = folder::resolve_in(self.state.root, &cwd, name).map_err(|e| e.message())?;
        let folder: Folder<'_> = self.folder();
        match folder.kind(&path) {
            Some(Kind::File) => Ok(folder.read(&path).unwrap_or_default()),
            Some(Kind::Dir) => Err("Is a directory"),
            None => Err("No such file or directory"),
        }
    }

    fn run_script(&mut self, text: &str, name: &str, args: Vec<String>, stdin: Option<&str>, tty: bool, mode: Mode) -> Output {
        let mut out = Output::new();
        if self.script_depth >= MAX_SCRIPT_DEPTH {
            out.errln(format!("bash: {name}: maximum script nesting level exceeded ({MAX_SCRIPT_DEPTH})"));
            return out.with_exit(1);
        }
        // Messages of a sourced file keep the `bash: ` prefix; a child shell names the script.
        let message_prefix = match mode {
            Mode::Sourced => format!("bash: {name}: "),
            Mode::Child => format!("{name}: "),
        };
        let (script, syntax_error) = match parse::parse(text) {
            Ok(script) => (Some(script), None),
            Err(e) => {
                // bash runs the lines before the one it cannot read, then stops there.
                let before = text.split_inclusive('\n').take(e.line.saturating_sub(1)).collect::<String>();
                (parse::parse(&before).ok(), Some(e))
            }
        };
        let snapshot = (mode == Mode::Child).then(|| super::exec::Snapshot::take(self.state));
        if mode == Mode::Child {
            // A child bash sees only exported variables.
            self.state.vars = super::ShellState::new().vars;
        }
        let script_text = match &syntax_error {
            Some(e) => text.split_inclusive('\n').take(e.line.saturating_sub(1)).collect::<String>(),
            None => text.to_string(),
        };
        if let Some(script) = &script {
            let mut inner = Exec::new(&script_text, script, &mut *self.state, &mut *self.programs);
            inner.script_depth = self.script_depth + 1;
            inner.loop_budget = self.loop_budget;
            inner.set_stdin(stdin.map(str::to_string));
            if mode == Mode::Child {
                inner.positional = args;
                inner.script_name = Some(name.to_string());
                inner.message_prefix = Some(name.to_string());
            } else if !args.is_empty() {
                inner.positional = args;
            } else {
                inner.positional = self.positional.clone();
            }
            let result = inner.run_list(&script.list, tty);
            let exited = inner.exiting();
            self.loop_budget = inner.loop_budget;
            self.aborted |= inner.aborted && inner.loop_budget == 0;
            append_capped(&mut out, result);
            if mode == Mode::Sourced && exited {
                self.request_exit();
            }
        }
        if let Some(snapshot) = snapshot {
            snapshot.restore(self.state);
        }
        if let Some(e) = syntax_error {
            let line_text = text.lines().nth(e.line.saturating_sub(1)).unwrap_or("");
            out.push(Stream::Stderr, &format!("{message_prefix}line {}: {e}\n", e.line));
            out.push(Stream::Stderr, &format!("{message_prefix}line {}: `{line_text}'\n", e.line));
            out.exit_code = 2;
        }
        out
    }
}
