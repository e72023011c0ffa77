//! The shell's own messages as the image's shell prints them. The host shell speaks bash; inside a
//! container its messages are rewritten for ash (BusyBox) or dash (Debian's `/bin/sh`).

use crate::engine::mounted_fs::View;
use crate::output::{Output, Stream};

/// The shell running a script inside a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShellKind {
    /// BusyBox ash (`sh` on busybox and Alpine).
    Ash,
    /// dash (`sh` on Debian and Ubuntu).
    Dash,
    /// bash.
    Bash,
}

/// Marks the lines of a finished inner shell (`sh -c 'bash -c …'`), so the outer shell leaves
/// them alone; removed before the output leaves the container.
pub const FINISHED: char = '\u{E002}';

impl ShellKind {
    /// The message for a command the image does not have (`interactive`: typed at a prompt).
    pub fn not_found(self, name: &str, interactive: bool) -> String {
        let line = if interactive { "" } else { "line 1: " };
        match self {
            ShellKind::Ash => format!("sh: {name}: not found"),
            ShellKind::Dash => format!("sh: 1: {name}: not found"),
            ShellKind::Bash if name.contains('/') => format!("bash: {line}{name}: No such file or directory"),
            ShellKind::Bash => format!("bash: {line}{name}: command not found"),
        }
    }
}

/// Marks every stderr line of `out` as finished (see [`FINISHED`]).
pub fn finish(out: &mut Output) {
    for chunk in out.chunks.iter_mut().filter(|c| c.stream == Stream::Stderr) {
        chunk.text = chunk.text.split_inclusive('\n').map(|l| format!("{FINISHED}{l}")).collect();
    }
}

/// Removes the [`FINISHED`] marks.
pub fn unmark(out: &mut Output) {
    for chunk in &mut out.chunks {
        if chunk.text.contains(FINISHED) {
            chunk.text = chunk.text.replace(FINISHED, "");
        }
    }
}

/// Rewrites the bash messages of `out` (stderr lines starting `bash: `) as `kind` prints them.
/// `line` is the line number the shell reports (`sh -c` counts from 0, a terminal from 1).
pub fn rewrite(out: &mut Output, kind: ShellKind, line: usize, fs: &View<'_>, cwd: &str) {
    if kind == ShellKind::Bash {
        return;
    }
    // ash's `cd` fails with status 2 (bash's with 1).
    let cd_failed = out.chunks.iter().rev().find(|c| c.stream == Stream::Stderr).is_some_and(|c| c.text.lines().last().is_some_and(|l| l.starts_with("bash: cd: ")));
    if cd_failed && kind == ShellKind::Ash && out.exit_code == 1 {
        out.exit_code = 2;
    }
    for chunk in out.chunks.iter_mut().filter(|c| c.stream == Stream::Stderr) {
        if !chunk.text.contains("bash: ") {
            continue;
        }
        chunk.text = chunk
            .text
            .split_inclusive('\n')
            .map(|l| match l.strip_prefix("bash: ") {
                Some(rest) => {
                    let (body, newline) = rest.strip_suffix('\n').map_or((rest, ""), |b| (b, "\n"));
                    format!("{}{newline}", translate(body, kind, line, fs, cwd))
                }
                None => l.to_string(),
            })
            .collect();
    }
}

/// One bash message (without `bash: `) in ash's or dash's words.
fn translate(body: &str, kind: ShellKind, line: usize, fs: &View<'_>, cwd: &str) -> String {
    let prefix = match kind {
        ShellKind::Dash => format!("sh: {}: ", line.max(1)),
        _ => "sh: ".to_string(),
    };
    if let Some(rest) = body.strip_prefix("cd: ") {
        if let Some((target, reason)) = rest.rsplit_once(": ") {
            return match kind {
                ShellKind::Ash => format!("sh: cd: line {line}: can't cd to {target}: {reason}"),
                _ => format!("{prefix}cd: can't cd to {target}"),
            };
        }
    }
    // Redirections: `bash: NAME: REASON`.
    if let Some((name, reason)) = body.rsplit_once(": ") {
        let absolute = crate::fs::path::join(&format!("/{cwd}"), name);
        let parent_exists = absolute.rsplit_once('/').is_some_and(|(p, _)| fs.stat(if p.is_empty() { "/" } else { p }).is_ok_and(|s| s.is_dir()));
        let text = match (reason, kind) {
            ("No such file or directory", ShellKind::Ash) if parent_exists => Some(format!("can't open {name}: no such file")),
            ("No such file or directory", ShellKind::Ash) => Some(format!("can't create {name}: nonexistent directory")),
            ("No such file or directory", _) if parent_exists => Some(format!("cannot open {name}: No such file")),
            ("No such file or directory", _) => Some(format!("cannot create {name}: Directory nonexistent")),
            ("Is a directory" | "Not a directory" | "Read-only file system" | "Permission denied", ShellKind::Ash) => {
                Some(format!("can't create {name}: {reason}"))
            }
            ("Is a directory" | "Not a directory" | "Read-only file system" | "Permission denied", _) => {
                Some(format!("cannot create {name}: {reason}"))
            }
            _ => None,
        };
        if let Some(text) = text {
            return format!("{prefix}{text}");
        }
    }
    format!("{prefix}{body}")
}
