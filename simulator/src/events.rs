//! Engine events: what changed, for the visual panel and for goal checking.

use serde::Serialize;

/// Lifecycle states of a container as Docker reports them in `.State.Status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContainerState {
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
}

impl ContainerState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Running => "running",
            Self::Paused => "paused",
            Self::Restarting => "restarting",
            Self::Removing => "removing",
            Self::Exited => "exited",
            Self::Dead => "dead",
        }
    }
}

/// Something the engine did while running a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    ImagePulled { reference: String, id: String },
    ImageTagged { reference: String, id: String },
    ImageUntagged { reference: String, id: String },
    ImageDeleted { id: String },
    ContainerCreated { id: String, name: String, image: String },
    ContainerStateChanged { id: String, name: String, from: ContainerState, to: ContainerState },
    ContainerRenamed { id: String, from: String, to: String },
    ContainerRemoved { id: String, name: String },
    /// The learner's screen should be cleared (`clear`, Ctrl+L).
    ClearScreen,
}
