#![recursion_limit = "512"]
// Test code may use the std slice sorts (clippy.toml forbids them elsewhere, see `sort`).
#![cfg_attr(test, allow(clippy::disallowed_methods))]
//! Muelle's simulated Docker engine.
//!
//! Data flows one way: a command line is parsed by [`shell`], `docker …` invocations are parsed by
//! [`cli`] and executed by the [`engine`] command families in [`docker`]; every line returns an
//! [`Output`] (stdout and stderr in arrival order, exit code, events). No web crates, no system
//! clock, no OS randomness: everything is deterministic from a seed and the clock the host feeds in.

pub mod attachment;
pub mod build;
pub mod cli;
pub mod clock;
pub mod compose;
pub mod docker;
pub mod dockerfile;
pub mod engine;
pub mod events;
pub mod format;
pub mod fs;
pub mod hub;
pub mod lint;
pub mod ids;
pub mod json_object;
pub mod output;
pub mod project;
#[cfg(not(target_arch = "wasm32"))]
pub mod project_dir;
pub mod scan;
pub mod registry;
pub mod session;
pub mod snapshot;
pub mod shell;
pub mod sort;
pub mod swarm;
pub mod template;
pub mod trace;
pub mod transcript;

pub use clock::Timestamp;
pub use events::{ContainerState, Event};
pub use output::{AttachKind, Attached, Chunk, Output, ShellSpec, Stream};
pub use project::{MemoryProject, ProjectFiles};
pub use session::{Session, SessionConfig};
