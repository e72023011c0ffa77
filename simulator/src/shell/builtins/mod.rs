//! Commands the shell runs itself: bash builtins (`cd`, `export`, `echo`…) and the small programs of
//! a Linux box (`ls`, `cat`, `grep`…), working on the project folder. Their messages are GNU
//! coreutils' and bash's, byte for byte.

mod dirs;
mod echo;
mod env;
mod files;
mod filters;
mod grep;
mod input;
mod ls;
mod options;
mod regex;
mod session;
mod test;

use std::collections::BTreeMap;

use super::{Programs, ShellState};
use crate::output::Output;

/// How a builtin was called.
pub(super) struct Invocation<'a> {
    /// `argv[0]` is the command's name.
    pub argv: &'a [String],
    /// Piped or redirected input (`None`: the terminal, which has nothing to read).
    pub stdin: Option<&'a str>,
    /// The input comes from `< file` (regular file), not from a pipe.
    pub stdin_is_file: bool,
    /// Stdout is the terminal (`ls` prints columns there).
    pub tty: bool,
    /// The command's environment (exported variables plus `X=1 cmd` assignments).
    pub env: &'a BTreeMap<String, String>,
}

impl Invocation<'_> {
    pub(super) fn name(&self) -> &str {
        self.argv.first().map(String::as_str).unwrap_or("")
    }

    pub(super) fn args(&self) -> &[String] {
        self.argv.get(1..).unwrap_or_default()
    }
}

/// A builtin: runs with the shell's state and the programs (clock, project folder).
pub(super) type Builtin = fn(&Invocation<'_>, &mut ShellState, &mut dyn Programs) -> Output;

/// The builtin named `name`, if the shell implements it.
pub(super) fn lookup(name: &str) -> Option<Builtin> {
    let builtin: Builtin = match name {
        "echo" => echo::echo,
        "printf" => echo::printf,
        "export" => env::export,
        "unset" => env::unset,
        "read" => env::read,
        "set" => env::set,
        "env" => env::env,
        "printenv" => env::printenv,
        "cd" => dirs::cd,
        "pwd" => dirs::pwd,
        "mkdir" => dirs::mkdir,
        "rmdir" => dirs::rmdir,
        "ls" => ls::ls,
        "cat" => files::cat,
        "touch" => files::touch,
        "rm" => files::rm,
        "chmod" => files::chmod,
        "grep" => grep::grep,
        "head" => filters::head,
        "tail" => filters::tail,
        "wc" => filters::wc,
        "sort" => filters::sort,
        "uniq" => filters::uniq,
        "cut" => filters::cut,
        "tr" => filters::tr,
        "test" | "[" => test::test,
        "seq" => filters::seq,
        "true" | ":" => session::true_,
        "false" => session::false_,
        "clear" => session::clear,
        "history" => session::history,
        "sleep" => session::sleep,
        "type" => session::type_,
        "which" => session::which,
        "whoami" => session::whoami,
        "hostname" => session::hostname,
        _ => return None,
    };
    Some(builtin)
}

/// What `type` calls "a shell builtin".
const SHELL_BUILTINS: [&str; 20] = [
    ".", ":", "[", "break", "cd", "continue", "echo", "exit", "export", "false", "history", "printf", "pwd", "read",
    "set", "source", "test", "true", "type", "unset",
];

/// Words `type` calls "a shell keyword".
const SHELL_KEYWORDS: [&str; 16] = [
    "!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "then", "until",
    "while", "{",
];

/// The programs installed in `/usr/bin` (besides those [`Programs::has_program`] knows).
const USR_BIN: [&str; 32] = [
    "[", "bash", "cat", "chmod", "clear", "cut", "echo", "env", "false", "grep", "head", "hostname", "ls", "mkdir",
    "printenv", "printf", "pwd", "rm", "rmdir", "seq", "sh", "sleep", "sort", "tail", "test", "touch", "tr",
    "true", "uniq", "wc", "which", "whoami",
];

/// `prog: message` and GNU's `Try 'prog --help' for more information.`
fn usage_error(out: &mut Output, prog: &str, message: &str) {
    out.errln(format!("{prog}: {message}"));
    out.errln(format!("Try '{prog} --help' for more information."));
}

/// Splits text into lines, each keeping its `\n` (the last may lack one).
fn lines_with_ends(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive('\n')
}
