//! The Docker CLI grammar: command table, flag parsing with Docker's exact errors, `--help`.
//!
//! [`parse`] reads everything after the word `docker` as the real CLI 28.2 does. `Ok` is an
//! [`Invocation`] to execute (its `command` is the canonical name: `"container ls"` for `docker ps`,
//! `docker container list`…); `Err` is a complete [`Output`](crate::Output) to print as is: a help
//! text (exit 0) or Docker's parse error (exit 125 for flag errors, 1 for argument counts).

mod command_table;
mod flag_table;
mod flag_values;
mod global_options;
pub(crate) mod go_syntax;
pub mod invocation;
mod parse;
mod pflag;

#[cfg(test)]
mod tests;

pub use global_options::GlobalOptions;
pub use invocation::{FlagValue, Invocation};
pub use parse::{parse, parse_full, Parsed};

/// Canonical names of every command [`parse`] can return (plus `"--version"`).
pub fn canonical_commands() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = command_table::LEAVES.iter().map(|l| l.canonical).collect();
    names.push("--version");
    crate::sort::sort(&mut names);
    names.dedup();
    names
}
