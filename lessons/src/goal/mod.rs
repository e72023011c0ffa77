//! The goal language of exercises: what the engine's state must look like for an exercise to be
//! done, written in Spanish by course authors and read by the checker after every command.
//!
//! ```text
//! contenedor en ejecución llamado webserver de la imagen nginx publicando 80 en 8080
//! y ningún contenedor detenido
//! imagen myapp:1.0 con menos de 5 capas
//! no hay ninguna imagen hello-world
//! el último comando terminó con código 0
//! ```
//!
//! [`parse`] turns the text into a [`Goal`] (errors carry line and column); [`check`] evaluates a
//! goal against a learner's session and says, in Spanish, which part is not met yet and why.
//! The grammar, one function per rule, is in [`parse`](mod@parse); the full reference for authors
//! is `lessons/content/README.md`.

use serde::{Deserialize, Serialize};

pub mod check;
mod describe;
#[cfg(feature = "source")]
pub mod parse;

pub use check::{check, GoalStatus, PartStatus, World};
#[cfg(feature = "source")]
pub use parse::{parse, GoalParseError};

/// A byte range of the goal text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A parsed goal: conditions joined by `y` (and `o`, which binds looser).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub expr: Expr,
}

impl Goal {
    /// The sub-goals shown to the learner as a checklist: the conditions joined by `y` at the top.
    pub fn parts(&self) -> Vec<&Expr> {
        match &self.expr {
            Expr::And(items) => items.iter().collect(),
            other => vec![other],
        }
    }
}

/// A boolean combination of conditions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expr {
    Cond(Condition),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

/// One condition and where it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub check: Check,
    pub span: Span,
}

/// What a condition looks at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Check {
    /// How many containers have all these properties.
    Containers { quantity: Quantity, props: Vec<ContainerProp> },
    /// How many local images match the reference (all images when `None`) and have these properties.
    Images { quantity: Quantity, reference: Option<String>, props: Vec<ImageProp> },
    /// The exit code of the last command line.
    LastExit(ExitExpect),
    /// The output (stdout and stderr) of the last command line contains this text.
    OutputContains(String),
}

/// A count requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Quantity {
    AtLeast(u32),
    AtMost(u32),
    Exactly(u32),
    MoreThan(u32),
    LessThan(u32),
}

impl Quantity {
    pub fn accepts(self, n: usize) -> bool {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        match self {
            Quantity::AtLeast(k) => n >= u64::from(k),
            Quantity::AtMost(k) => n <= u64::from(k),
            Quantity::Exactly(k) => n == u64::from(k),
            Quantity::MoreThan(k) => n > u64::from(k),
            Quantity::LessThan(k) => n < u64::from(k),
        }
    }
}

/// A property a container must have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContainerProp {
    State(WantedState),
    Name(String),
    /// From this image: with a tag, exactly that image; without, any tag of the repository.
    Image(String),
    /// Container port (with protocol) published on the host; any host port when `None`.
    Publishes { container_port: u16, proto: String, host_port: Option<u16> },
    /// An environment variable, with this value if given.
    Env { name: String, value: Option<String> },
    Restart(String),
    /// Finished with this exit code.
    ExitCode(i32),
    /// Something mounted at `target`; from the named volume (or host path) `source` if given.
    Mount { source: Option<String>, target: String },
    Network(String),
}

/// A container state as the learner sees it in `docker ps -a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WantedState {
    Created,
    Running,
    Paused,
    Restarting,
    Exited,
    Dead,
}

/// A property an image must have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageProp {
    /// Its number of filesystem layers.
    Layers(Quantity),
    /// Its config exposes this port (`EXPOSE`).
    Exposes { port: u16, proto: String },
}

/// What the last command's exit code must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExitExpect {
    Code(i32),
    Success,
    Failure,
}
