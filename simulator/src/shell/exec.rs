//! Running a parsed line: lists, `&&`/`||`, pipelines, subshells, redirections, and the dispatch of
//! each command to a builtin or to [`Programs`].
//!
//! Commands run one after the other; a pipeline hands each command's stdout to the next as its stdin,
//! and stderr goes to the terminal in the order it was written. Every stream is capped at
//! [`MAX_STREAM_BYTES`].

use std::collections::{BTreeMap, BTreeSet};

use super::ast::{
    AndOr, Command, Connector, HereDoc, List, Pipeline, Redirect, RedirectOp, RedirectTarget, Script, SimpleCommand, Span,
    Word,
};
use super::builtins::{self, Invocation};
use super::folder::{self, Folder, Kind};
use super::{ProgramCall, Programs, ShellState, MAX_STREAM_BYTES};
use crate::output::{Output, Stream};

/// Appends `text` to a stream of `out`, dropping whatever would exceed [`MAX_STREAM_BYTES`].
pub(super) fn push_capped(out: &mut Output, stream: Stream, text: &str) {
    let used: usize = out.chunks.iter().filter(|c| c.stream == stream).map(|c| c.text.len()).sum();
    let room = MAX_STREAM_BYTES.saturating_sub(used);
    if room == 0 || text.is_empty() {
        return;
    }
    if text.len() <= room {
        out.push(stream, text);
    } else {
        let mut end = room;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push(stream, text.get(..end).unwrap_or(""));
    }
}

/// Appends everything of `src` to `dst` (capped), taking its exit code and events.
pub(super) fn append_capped(dst: &mut Output, src: Output) {
    for chunk in &src.chunks {
        push_capped(dst, chunk.stream, &chunk.text);
    }
    dst.events.extend(src.events);
    dst.exit_code = src.exit_code;
    if src.attached.is_some() {
        dst.attached = src.attached;
    }
}

/// How many loop iterations one line may run (an endless `while true` must not hang the page).
pub(super) const MAX_LOOP_ITERATIONS: usize = 10_000;

/// `break N` / `continue N` on their way out of the loops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoopControl {
    Break(usize),
    Continue(usize),
}

/// Inside a script, the shell's messages name the script and line instead of `bash`.
fn rename_messages(out: &mut Output, prefix: &str) {
    for chunk in out.chunks.iter_mut().filter(|c| c.stream == Stream::Stderr) {
        if !chunk.text.contains("bash: ") {
            continue;
        }
        chunk.text = chunk
            .text
            .split_inclusive('\n')
            .map(|line| match line.strip_prefix("bash: ") {
                Some(rest) => format!("{prefix}{rest}"),
                None => line.to_string(),
            })
            .collect();
    }
}

/// What a subshell may change and must give back.
pub(super) struct Snapshot {
    env: BTreeMap<String, String>,
    vars: BTreeMap<String, String>,
    exported_unset: BTreeSet<String>,
    cwd: String,
}

impl Snapshot {
    pub(super) fn take(state: &ShellState) -> Self {
        Snapshot {
            env: state.env.clone(),
            vars: state.vars.clone(),
            exported_unset: state.exported_unset.clone(),
            cwd: state.cwd.clone(),
        }
    }

    pub(super) fn restore(self, state: &mut ShellState) {
        state.env = self.env;
        state.vars = self.vars;
        state.exported_unset = self.exported_unset;
        state.cwd = self.cwd;
    }
}

/// Where a command's stdout or stderr goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The stdout of the enclosing command (the terminal, a pipe, a substitution).
    Stdout,
    /// The stderr of the enclosing command.
    Stderr,
    /// `/dev/null`
    Null,
    /// A file of the project folder: index into [`Fds::files`].
    File(usize),
}

/// A command's descriptors after its redirections.
struct Fds {
    out: Target,
    err: Target,
    stdin: Option<String>,
    stdin_is_file: bool,
    /// Project paths opened for writing.
    files: Vec<String>,
}

impl Fds {
    fn new() -> Self {
        Fds { out: Target::Stdout, err: Target::Stderr, stdin: None, stdin_is_file: false, files: Vec::new() }
    }

    fn set(&mut self, fd: u32, target: Target) {
        match fd {
            1 => self.out = target,
            2 => self.err = target,
            _ => {}
        }
    }

    fn get(&self, fd: u32) -> Option<Target> {
        match fd {
            1 => Some(self.out),
            2 => Some(self.err),
            _ => None,
        }
    }
}

/// The runtime of one line.
pub(super) struct Exec<'a> {
    text: &'a str,
    heredocs: &'a [HereDoc],
    pub(super) state: &'a mut ShellState,
    pub(super) programs: &'a mut dyn Programs,
    /// The input a subshell received: the default stdin of the pipelines inside it.
    inherited_stdin: Option<String>,
    /// `exit` ran: stop the current (sub)shell.
    exiting: bool,
    /// An expansion failed: stop the whole line, as an interactive bash does.
    pub(super) aborted: bool,
    /// Exit status of the last command substitution of the current command (`X=$(false)` → 1).
    pub(super) last_subst_exit: Option<i32>,
    /// `$1`, `$2`… of the script being run (none at the prompt).
    pub(super) positional: Vec<String>,
    /// `$0` inside a script: its name.
    pub(super) script_name: Option<String>,
    /// How many scripts run this one (`bash a.sh` running `bash b.sh`…).
    pub(super) script_depth: usize,
    /// Inside `bash FILE`: the shell's own messages read `FILE: line N: …` instead of `bash: …`.
    pub(super) message_prefix: Option<String>,
    /// How many loops enclose the running command.
    loop_depth: usize,
    /// A `break` or `continue` in progress.
    loop_control: Option<LoopControl>,
    /// Loop iterations this line may still run.
    pub(super) loop_budget: usize,
}

impl<'a> Exec<'a> {
    pub(super) fn new(
        text: &'a str,
        script: &'a Script,
        state: &'a mut ShellState,
        programs: &'a mut dyn Programs,
    ) -> Self {
        Exec {
            text,
            heredocs: &script.heredocs,
            state,
            programs,
            inherited_stdin: None,
            exiting: false,
            aborted: false,
            last_subst_exit: None,
            positional: Vec::new(),
            script_name: None,
            script_depth: 0,
            message_prefix: None,
            loop_depth: 0,
            loop_control: None,
            loop_budget: MAX_LOOP_ITERATIONS,
        }
    }

    /// True when the rest of a list must not run (`exit`, an expansion error, `break`…).
    fn stopped(&self) -> bool {
        self.exiting || self.aborted || self.loop_control.is_some()
    }

    /// The input of the script this runtime runs.
    pub(super) fn set_stdin(&mut self, stdin: Option<String>) {
        self.inherited_stdin = stdin;
    }

    /// True once `exit` ran.
    pub(super) fn exiting(&self) -> bool {
        self.exiting
    }

    /// Stops this shell as `exit` does.
    pub(super) fn request_exit(&mut self) {
        self.exiting = true;
    }

    /// Runs the whole script; its stdout is the terminal when [`ShellState::tty`] says so.
    pub(super) fn run(&mut self, list: &List) -> Output {
        let tty = self.state.tty;
        self.run_list(list, tty)
    }

    /// The text of the line at `span` (for messages such as `bash: $X: ambiguous redirect`).
    fn text_at(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub(super) fn folder(&mut self) -> Folder<'_> {
        Folder::open(&mut *self.programs, &mut self.state.dirs, self.state.root)
    }

    /// `tty`: whether stdout reaches the terminal (for `ls` columns).
    pub(super) fn run_list(&mut self, list: &List, tty: bool) -> Output {
        let mut out = Output::new();
        for item in &list.items {
            let result = self.run_and_or(item, tty);
            append_capped(&mut out, result);
            // A command still attached to a container (a foreground `docker run`) holds the terminal:
            // the rest of the line cannot run before it ends.
            if self.stopped() || out.attached.is_some() {
                break;
            }
        }
        out
    }

    fn run_and_or(&mut self, and_or: &AndOr, tty: bool) -> Output {
        let mut out = self.run_pipeline(&and_or.first, tty);
        self.state.last_exit = out.exit_code;
        for (connector, pipeline) in &and_or.rest {
            if self.stopped() || out.attached.is_some() {
                break;
            }
            let run = match connector {
                Connector::And => out.exit_code == 0,
                Connector::Or => out.exit_code != 0,
            };
            if run {
                let result = self.run_pipeline(pipeline, tty);
                append_capped(&mut out, result);
                self.state.last_exit = out.exit_code;
            }
        }
        out
    }

    fn run_pipeline(&mut self, pipeline: &Pipeline, tty: bool) -> Output {
        let mut out = Output::new();
        let count = pipeline.commands.len();
        // Each command of a real pipeline runs in a subshell: `cd`, `export`, `exit` there do not stick.
        let snapshot = (count > 1).then(|| Snapshot::take(self.state));
        let mut stdin = self.inherited_stdin.clone();
        for (index, command) in pipeline.commands.iter().enumerate() {
            let last = index + 1 == count;
            let result = self.run_command(command, stdin.take(), tty && last);
            if last {
                append_capped(&mut out, result);
            } else {
                let mut piped = String::new();
                for chunk in &result.chunks {
                    match chunk.stream {
                        Stream::Stdout => piped.push_str(&chunk.text),
                        Stream::Stderr => push_capped(&mut out, Stream::Stderr, &chunk.text),
                    }
                    folder::cap(&mut piped);
                }
                out.events.extend(result.events);
                if result.attached.is_some() {
                    out.attached = result.attached;
                }
                stdin = Some(piped);
            }
            if self.aborted {
                break;
            }
            if count > 1 {
                self.exiting = false;
                self.loop_control = None;
            }
        }
        if let Some(snapshot) = snapshot {
            snapshot.restore(self.state);
        }
        if pipeline.negated {
            out.exit_code = i32::from(out.exit_code == 0);
        }
        out
    }

    fn run_command(&mut self, command: &Command, stdin: Option<String>, tty: bool) -> Output {
        match command {
            Command::Simple(simple) => self.run_simple(simple, stdin, tty),
            Command::Subshell { body, redirects, .. } => self.run_compound(redirects, stdin, tty, |exec, tty| {
                let snapshot = Snapshot::take(exec.state);
                let result = exec.run_list(body, tty);
                snapshot.restore(exec.state);
                exec.exiting = false;
                exec.loop_control = None;
                result
            }),
            Command::Group { body, redirects, .. } => {
                self.run_compound(redirects, stdin, tty, |exec, tty| exec.run_list(body, tty))
            }
            Command::If { branches, otherwise, redirects, .. } => {
                self.run_compound(redirects, stdin, tty, |exec, tty| exec.run_if(branches, otherwise.as_ref(), tty))
            }
            Command::For { name, words, body, redirects, .. } => {
                self.run_compound(redirects, stdin, tty, |exec, tty| exec.run_for(name, words.as_deref(), body, tty))
            }
            Command::While { until, condition, body, redirects, .. } => {
                self.run_compound(redirects, stdin, tty, |exec, tty| exec.run_while(*until, condition, body, tty))
            }
        }
    }

    /// Runs a compound command in this shell, with its redirections applied to all of its output.
    fn run_compound(
        &mut self,
        redirects: &[Redirect],
        stdin: Option<String>,
        tty: bool,
        body: impl FnOnce(&mut Self, bool) -> Output,
    ) -> Output {
        let mut out = Output::new();
        let Some(fds) = self.open_redirects(redirects, &mut out) else {
            return out.with_exit(1);
        };
        let input = fds.stdin.clone().or(stdin);
        let saved_stdin = std::mem::replace(&mut self.inherited_stdin, input);
        let result = body(self, tty && fds.out == Target::Stdout);
        self.inherited_stdin = saved_stdin;
        let routed = self.route(result, &fds);
        append_capped(&mut out, routed);
        out
    }

    fn run_if(&mut self, branches: &[(List, List)], otherwise: Option<&List>, tty: bool) -> Output {
        let mut out = Output::new();
        for (condition, body) in branches {
            let result = self.run_list(condition, tty);
            append_capped(&mut out, result);
            if self.stopped() {
                return out;
            }
            if out.exit_code == 0 {
                let result = self.run_list(body, tty);
                append_capped(&mut out, result);
                return out;
            }
        }
        match otherwise {
            Some(body) => {
                let result = self.run_list(body, tty);
                append_capped(&mut out, result);
            }
            None => out.exit_code = 0,
        }
        out
    }

    /// Counts one loop iteration; false (with a warning) when the line has run too many.
    fn tick(&mut self, out: &mut Output) -> bool {
        if self.loop_budget == 0 {
            out.errln(format!("bash: warning: loop stopped after {MAX_LOOP_ITERATIONS} iterations"));
            out.exit_code = 130;
            self.aborted = true;
            return false;
        }
        self.loop_budget -= 1;
        true
    }

    /// After a loop body: true if the loop goes on.
    fn loop_continues(&mut self) -> bool {
        match self.loop_control {
            Some(LoopControl::Break(n)) => {
                self.loop_control = (n > 1).then(|| LoopControl::Break(n - 1));
                false
            }
            Some(LoopControl::Continue(n)) if n > 1 => {
                self.loop_control = Some(LoopControl::Continue(n - 1));
                false
            }
            Some(LoopControl::Continue(_)) => {
                self.loop_control = None;
                true
            }
            None => !(self.exiting || self.aborted),
        }
    }

    fn run_for(&mut self, name: &str, words: Option<&[Word]>, body: &List, tty: bool) -> Output {
        let mut out = Output::new();
        let values = match words {
            Some(words) => {
                let mut values = Vec::new();
                for word in words {
                    let Some(fields) = self.expand_word_fields(word, &mut out) else {
                        return out.with_exit(1);
                    };
                    values.extend(fields);
                }
                values
            }
            None => self.positional.clone(),
        };
        self.loop_depth += 1;
        for value in values {
            if !self.tick(&mut out) {
                break;
            }
            self.state.set_var(name, &value);
            let result = self.run_list(body, tty);
            append_capped(&mut out, result);
            if !self.loop_continues() {
                break;
            }
        }
        self.loop_depth -= 1;
        out
    }

    fn run_while(&mut self, until: bool, condition: &List, body: &List, tty: bool) -> Output {
        let mut out = Output::new();
        let mut status = 0;
        self.loop_depth += 1;
        while self.tick(&mut out) {
            let result = self.run_list(condition, tty);
            let code = result.exit_code;
            append_capped(&mut out, result);
            if self.stopped() {
                self.loop_continues();
                break;
            }
            if (code == 0) == until {
                break;
            }
            let result = self.run_list(body, tty);
            status = result.exit_code;
            append_capped(&mut out, result);
            if !self.loop_continues() {
                break;
            }
        }
        self.loop_depth -= 1;
        if !self.aborted {
            out.exit_code = status;
        }
        out
    }

    /// `break [N]`, `continue [N]`
    fn loop_builtin(&mut self, argv: &[String]) -> Output {
        let mut out = Output::new();
        let name = argv.first().map(String::as_str).unwrap_or("break");
        if self.loop_depth == 0 {
            out.errln(format!("bash: {name}: only meaningful in a `for', `while', or `until' loop"));
            return out;
        }
        let n = match argv.get(1) {
            None => 1,
            Some(arg) => match arg.parse::<usize>() {
                Ok(n) if n > 0 => n,
                Ok(_) => {
                    out.errln(format!("bash: {name}: {arg}: loop count out of range"));
                    return out.with_exit(1);
                }
                Err(_) => {
                    out.errln(format!("bash: {name}: {arg}: numeric argument required"));
                    return out.with_exit(128);
                }
            },
        };
        let n = n.min(self.loop_depth);
        self.loop_control = Some(if name == "break" { LoopControl::Break(n) } else { LoopControl::Continue(n) });
        out
    }

    fn run_simple(&mut self, cmd: &SimpleCommand, stdin: Option<String>, tty: bool) -> Output {
        let mut out = Output::new();
        self.last_subst_exit = None;
        let Some(argv) = self.expand_command_words(&cmd.words, &mut out) else {
            return out.with_exit(1);
        };
        let mut assignments = Vec::new();
        for a in &cmd.assignments {
            let Some(value) = self.expand_string(&a.value.parts, &mut out) else {
                return out.with_exit(1);
            };
            assignments.push((a.name.as_str(), a.append, value));
        }
        let Some(fds) = self.open_redirects(&cmd.redirects, &mut out) else {
            return out.with_exit(1);
        };
        if argv.is_empty() {
            for (name, append, value) in assignments {
                let value = if append { format!("{}{value}", self.state.var(name).unwrap_or("")) } else { value };
                self.state.set_var(name, &value);
            }
            let code = self.last_subst_exit.unwrap_or(0);
            let routed = self.route(Output::new().with_exit(code), &fds);
            append_capped(&mut out, routed);
            return out;
        }
        let mut env = self.state.env.clone();
        for (name, append, value) in assignments {
            let value = if append { format!("{}{value}", self.state.var(name).unwrap_or("")) } else { value };
            env.insert(name.to_string(), value);
        }
        let stdin_is_file = fds.stdin_is_file;
        let stdin = fds.stdin.clone().or(stdin);
        let result = self.dispatch(&argv, stdin.as_deref(), stdin_is_file, &env, tty && fds.out == Target::Stdout);
        let routed = self.route(result, &fds);
        append_capped(&mut out, routed);
        if let Some(name) = &self.message_prefix {
            let line = self.text.get(..cmd.span.start).unwrap_or("").matches('\n').count() + 1;
            rename_messages(&mut out, &format!("{name}: line {line}: "));
        }
        out
    }

    /// Runs a builtin, `exit`, or a program.
    fn dispatch(
        &mut self,
        argv: &[String],
        stdin: Option<&str>,
        stdin_is_file: bool,
        env: &BTreeMap<String, String>,
        tty: bool,
    ) -> Output {
        let name = argv.first().map(String::as_str).unwrap_or("");
        match name {
            "exit" => return self.exit(argv),
            "break" | "continue" => return self.loop_builtin(argv),
            "source" | "." => return self.source(argv, stdin, tty),
            _ if self.programs.intercepts(name, env) => {
                let call = ProgramCall { argv, stdin, env, cwd: &self.state.cwd };
                return self.programs.run(call);
            }
            "bash" | "sh" => return self.bash(argv, stdin, tty),
            path if path.contains('/') => return self.run_path(argv, stdin, tty),
            _ => {}
        }
        if let Some(builtin) = builtins::lookup(name) {
            let invocation = Invocation { argv, stdin, stdin_is_file, tty, env };
            return builtin(&invocation, self.state, self.programs);
        }
        let call = ProgramCall { argv, stdin, env, cwd: &self.state.cwd };
        self.programs.run(call)
    }

    /// `exit [N]`: ends the (sub)shell; the terminal stays, the line stops. Prints nothing.
    fn exit(&mut self, argv: &[String]) -> Output {
        let mut out = Output::new();
        let args = argv.get(1..).unwrap_or_default();
        let code = match args.first() {
            None => self.state.last_exit,
            Some(arg) => match arg.trim().parse::<i64>() {
                Ok(_) if args.len() > 1 => {
                    out.errln("bash: exit: too many arguments");
                    return out.with_exit(1);
                }
                Ok(n) => i32::try_from(n.rem_euclid(256)).unwrap_or(0),
                Err(_) => {
                    out.errln(format!("bash: exit: {arg}: numeric argument required"));
                    2
                }
            },
        };
        self.exiting = true;
        out.with_exit(code)
    }

    /// Runs a `$(…)` in a subshell: its stdout (trailing newlines removed) is the result, its stderr
    /// goes to `out`.
    pub(super) fn command_subst(&mut self, list: &List, out: &mut Output) -> String {
        let snapshot = Snapshot::take(self.state);
        let saved_stdin = self.inherited_stdin.take();
        let (saved_depth, saved_control) = (self.loop_depth, self.loop_control.take());
        self.loop_depth = 0;
        let result = self.run_list(list, false);
        snapshot.restore(self.state);
        self.inherited_stdin = saved_stdin;
        self.exiting = false;
        self.aborted = self.loop_budget == 0;
        self.loop_depth = saved_depth;
        self.loop_control = saved_control;
        self.last_subst_exit = Some(result.exit_code);
        self.state.last_exit = result.exit_code;
        let mut text = String::new();
        for chunk in &result.chunks {
            match chunk.stream {
                Stream::Stdout => {
                    text.push_str(&chunk.text);
                    folder::cap(&mut text);
                }
                Stream::Stderr => push_capped(out, Stream::Stderr, &chunk.text),
            }
        }
        out.events.extend(result.events);
        let kept = text.trim_end_matches('\n').len();
        text.truncate(kept);
        text
    }

    // -----------------------------------------------------------------------------------------------
    // Redirections

    /// Applies redirections left to right. On failure prints bash's message and returns `None`.
    fn open_redirects(&mut self, redirects: &[Redirect], out: &mut Output) -> Option<Fds> {
        let mut fds = Fds::new();
        let heredocs = self.heredocs;
        for r in redirects {
            let default_fd = match r.op {
                RedirectOp::In | RedirectOp::DupIn | RedirectOp::HereString | RedirectOp::HereDoc => 0,
                _ => 1,
            };
            let fd = r.fd.unwrap_or(default_fd);
            let word = match &r.target {
                RedirectTarget::HereDoc(slot) => {
                    let body = heredocs.get(*slot).map(|h| h.body.parts.as_slice()).unwrap_or_default();
                    let text = self.expand_string(body, out)?;
                    if fd == 0 {
                        fds.stdin = Some(text);
                        fds.stdin_is_file = false;
                    }
                    continue;
                }
                RedirectTarget::Word(word) => word,
            };
            if r.op == RedirectOp::HereString {
                let mut text = self.expand_string(&word.parts, out)?;
                text.push('\n');
                if fd == 0 {
                    fds.stdin = Some(text);
                    fds.stdin_is_file = false;
                }
                continue;
            }
            let source = self.text_at(word.span).to_string();
            let fields = self.expand_word_fields(word, out)?;
            let [name] = fields.as_slice() else {
                out.errln(format!("bash: {source}: ambiguous redirect"));
                return None;
            };
            match r.op {
                RedirectOp::Out | RedirectOp::Append => {
                    let target = self.open_output(name, r.op == RedirectOp::Append, &mut fds, out)?;
                    fds.set(fd, target);
                }
                RedirectOp::OutErr | RedirectOp::AppendOutErr => {
                    let target = self.open_output(name, r.op == RedirectOp::AppendOutErr, &mut fds, out)?;
                    fds.out = target;
                    fds.err = target;
                }
                RedirectOp::DupOut | RedirectOp::DupIn => {
                    if name == "-" {
                        fds.set(fd, Target::Null);
                    } else if let Ok(n) = name.parse::<u32>() {
                        match fds.get(n) {
                            Some(target) => fds.set(fd, target),
                            None if n == 0 && r.op == RedirectOp::DupIn => {}
                            None => {
                                out.errln(format!("bash: {n}: Bad file descriptor"));
                                return None;
                            }
                        }
                    } else if r.op == RedirectOp::DupOut && r.fd.is_none() {
                        let target = self.open_output(name, false, &mut fds, out)?;
                        fds.out = target;
                        fds.err = target;
                    } else {
                        out.errln(format!("bash: {name}: ambiguous redirect"));
                        return None;
                    }
                }
                RedirectOp::In => {
                    let text = self.open_input(name, out)?;
                    if fd == 0 {
                        fds.stdin = Some(text);
                        fds.stdin_is_file = name != "/dev/null";
                    }
                }
                RedirectOp::HereString | RedirectOp::HereDoc => {}
            }
        }
        Some(fds)
    }

    /// Opens a file for `>` (truncating it) or `>>`.
    fn open_output(&mut self, name: &str, append: bool, fds: &mut Fds, out: &mut Output) -> Option<Target> {
        match name {
            "/dev/null" => return Some(Target::Null),
            "/dev/stdout" => return Some(fds.out),
            "/dev/stderr" => return Some(fds.err),
            "/dev/tty" => return Some(Target::Stdout),
            _ => {}
        }
        let cwd = self.state.cwd.clone();
        let path = match folder::resolve_in(self.state.root, &cwd, name) {
            Ok(path) => path,
            Err(e) => {
                out.errln(format!("bash: {name}: {}", e.message()));
                return None;
            }
        };
        let mut folder = self.folder();
        let initial = if append { folder.read(&path).unwrap_or_default() } else { String::new() };
        if let Err(e) = folder.write(&path, &initial) {
            out.errln(format!("bash: {name}: {}", e.message()));
            return None;
        }
        let index = match fds.files.iter().position(|p| *p == path) {
            Some(index) => index,
            None => {
                fds.files.push(path);
                fds.files.len() - 1
            }
        };
        Some(Target::File(index))
    }

    /// Reads a file for `<`.
    fn open_input(&mut self, name: &str, out: &mut Output) -> Option<String> {
        if name == "/dev/null" {
            return Some(String::new());
        }
        let cwd = self.state.cwd.clone();
        let path = match folder::resolve_in(self.state.root, &cwd, name) {
            Ok(path) => path,
            Err(e) => {
                out.errln(format!("bash: {name}: {}", e.message()));
                return None;
            }
        };
        let folder = self.folder();
        match folder.kind(&path) {
            Some(Kind::File) => Some(folder.read(&path).unwrap_or_default()),
            Some(Kind::Dir) => {
                out.errln(format!("bash: {name}: Is a directory"));
                None
            }
            None => {
                out.errln(format!("bash: {name}: No such file or directory"));
                None
            }
        }
    }

    /// Sends each chunk of a command's output where its descriptors point; writes the files.
    fn route(&mut self, result: Output, fds: &Fds) -> Output {
        let mut routed = Output::new();
        routed.exit_code = result.exit_code;
        routed.events = result.events;
        routed.attached = result.attached;
        let mut buffers = vec![String::new(); fds.files.len()];
        for chunk in &result.chunks {
            let target = if chunk.stream == Stream::Stdout { fds.out } else { fds.err };
            match target {
                Target::Stdout => push_capped(&mut routed, Stream::Stdout, &chunk.text),
                Target::Stderr => push_capped(&mut routed, Stream::Stderr, &chunk.text),
                Target::Null => {}
                Target::File(index) => {
                    if let Some(buffer) = buffers.get_mut(index) {
                        buffer.push_str(&chunk.text);
                        folder::cap(buffer);
                    }
                }
            }
        }
        for (path, buffer) in fds.files.iter().zip(buffers) {
            if buffer.is_empty() {
                continue;
            }
            let mut folder = self.folder();
            let mut content = folder.read(path).unwrap_or_default();
            content.push_str(&buffer);
            if let Err(e) = folder.write(path, &content) {
                routed.errln(format!("bash: {path}: {}", e.message()));
            }
        }
        routed
    }
}
