//! The Docker CLI grammar: command table, flag parsing with Docker's exact errors, `--help`.

pub mod invocation;

pub use invocation::{FlagValue, Invocation};
