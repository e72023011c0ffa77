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
    /// `docker push` stored `reference` (familiar `repo:tag`) in its registry as manifest `digest`.
    ImagePushed { reference: String, digest: String },
    ContainerCreated { id: String, name: String, image: String },
    ContainerStateChanged { id: String, name: String, from: ContainerState, to: ContainerState },
    ContainerRenamed { id: String, from: String, to: String },
    ContainerRemoved { id: String, name: String },
    /// `docker build` started a step (`[2/4] RUN npm install`).
    BuildStepStarted { step: String },
    /// The step's result came from the build cache (`CACHED`).
    BuildStepCached { step: String },
    /// The step ran and made a layer of `size` bytes holding `files` (absolute paths, at most 200).
    BuildLayerCreated { step: String, size: u64, files: Vec<String> },
    /// `docker build` wrote image `id` with these tags (familiar `repo:tag`).
    ImageBuilt { id: String, tags: Vec<String> },
    /// `trivy image` scanned `image`: what each of its layers (bottom first) introduced.
    ScanFindings { image: String, layers: Vec<ScanLayer> },
    /// The learner's screen should be cleared (`clear`, Ctrl+L).
    ClearScreen,
}

/// Findings of a scan that one image layer introduced: vulnerable packages and secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanLayer {
    /// `sha256:…` (`RootFS.Layers`).
    pub diff_id: String,
    pub vulnerabilities: usize,
    pub secrets: usize,
    /// Vulnerability IDs and secret rule IDs, first seen first.
    pub ids: Vec<String>,
}
