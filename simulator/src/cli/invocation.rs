//! The result of parsing a `docker …` command line: which command, its flags and its arguments.

use std::collections::BTreeMap;

/// A flag's parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlagValue {
    Bool(bool),
    Str(String),
    /// Repeatable flags (`-e A -e B`, `-p …`, `--filter …`), in the order given.
    List(Vec<String>),
    Int(i64),
}

/// A parsed `docker` invocation, ready to execute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    /// Canonical command path, e.g. `"container ls"` for both `docker ps` and `docker container ls`,
    /// `"image rm"` for `docker rmi`, `"version"` for `docker version`.
    pub command: &'static str,
    /// The command as the learner typed it, e.g. `"docker ps"`, for messages like
    /// `Run 'docker ps --help' for more information`.
    pub typed: String,
    /// Flags the learner set explicitly, keyed by long name without dashes (`"all"`, `"publish"`).
    pub flags: BTreeMap<&'static str, FlagValue>,
    /// Positional arguments (for `run`/`create`/`exec`: the image or container, then the command).
    pub args: Vec<String>,
}

impl Invocation {
    /// True if a boolean flag was set to true.
    pub fn bool(&self, long: &str) -> bool {
        matches!(self.flags.get(long), Some(FlagValue::Bool(true)))
    }

    /// The value of a string flag, if given.
    pub fn str(&self, long: &str) -> Option<&str> {
        match self.flags.get(long) {
            Some(FlagValue::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// Every value of a repeatable flag (empty if not given).
    pub fn list(&self, long: &str) -> &[String] {
        match self.flags.get(long) {
            Some(FlagValue::List(v)) => v,
            _ => &[],
        }
    }

    /// The value of an integer flag, if given.
    pub fn int(&self, long: &str) -> Option<i64> {
        match self.flags.get(long) {
            Some(FlagValue::Int(n)) => Some(*n),
            _ => None,
        }
    }

    /// True if the flag was given at all.
    pub fn has(&self, long: &str) -> bool {
        self.flags.contains_key(long)
    }
}

impl Invocation {
    /// The last value of a flag that may be single or repeatable: a string flag's value, or the
    /// last occurrence of a repeatable one (`--network a --network b` gives `b`).
    pub fn last(&self, long: &str) -> Option<&str> {
        match self.flags.get(long) {
            Some(FlagValue::Str(s)) => Some(s),
            Some(FlagValue::List(v)) => v.last().map(String::as_str),
            _ => None,
        }
    }
}
