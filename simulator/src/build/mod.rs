//! The image builder: `docker build` with BuildKit (and the legacy builder in [`legacy`]).
//!
//! [`build_image`] is the one entry point (the CLI's `docker build` and compose's `build:` call
//! it). It reads the Dockerfile from the learner's project folder, parses it with
//! [`crate::dockerfile::parse`], and runs the stages the target needs:
//!
//! * RUN runs the image's own programs through the engine's container userland over the step's
//!   parent layers ([`sandbox::run`]): `apt-get install` really adds files and size; the changes
//!   become the step's layer;
//! * COPY/ADD copy from the build context ([`context::Context`], `.dockerignore` honoured) or from
//!   another stage (`--from`);
//! * metadata instructions (ENV, LABEL, CMD, EXPOSE, USER…) change the config and make no layer.
//!
//! The cache ([`cache::BuildCache`], kept in the image store) reuses a step when its parent and its
//! instruction are the same and, for COPY/ADD, the copied files are unchanged; the first miss
//! invalidates every later step; `--no-cache` rebuilds everything. Output is BuildKit's plain
//! progress ([`progress::plain`]) or, when the session is a terminal, the last screen of its
//! terminal view ([`progress::tty`]); errors are BuildKit's.
//!
//! For the visual panel every step reports [`crate::Event::BuildStepStarted`], then
//! [`crate::Event::BuildStepCached`] or [`crate::Event::BuildLayerCreated`] (size and files of
//! the new layer), and the build ends with [`crate::Event::ImageBuilt`].
//!
//! Secrets (`RUN --mount=type=secret`) are mounted for that RUN only and never reach a layer;
//! `RUN --mount=type=cache` directories live in the cache, between builds, in no layer.
//!
//! Not simulated yet: ONBUILD triggers of a base image, HEALTHCHECK in the image config, ADD of
//! URLs and archives (ADD copies like COPY), `--platform`.

pub mod cache;
pub mod context;
pub mod legacy;
pub mod progress;
pub mod sandbox;
mod stage;

use crate::engine::Engine;
use crate::output::Output;
use crate::project::ProjectFiles;

pub use stage::lint_secret_name;

/// How the build reports its progress (`--progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Progress {
    /// Plain when the client is not a terminal, the terminal view otherwise.
    #[default]
    Auto,
    Plain,
    Tty,
    /// Only the image ID (`-q`, `--progress=quiet`).
    Quiet,
}

/// A build secret (`--secret id=…,src=…`), its content already read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub id: String,
    pub content: String,
}

/// What to build. Paths are relative to the project folder (`""` is the folder itself).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BuildRequest {
    /// The build context directory.
    pub context_dir: String,
    /// The Dockerfile's path in the project folder; `None`: `<context_dir>/Dockerfile`.
    pub dockerfile: Option<String>,
    /// The Dockerfile's name as typed with `-f` (what BuildKit's messages show).
    pub dockerfile_display: Option<String>,
    /// `-t` names, as typed (`app`, `app:1`).
    pub tags: Vec<String>,
    pub target: Option<String>,
    /// `--build-arg KEY=VALUE` (a bare `KEY` takes the value from `env`).
    pub build_args: Vec<String>,
    /// The environment of the client (`KEY` of a bare `--build-arg KEY`).
    pub env: Vec<(String, String)>,
    pub no_cache: bool,
    pub secrets: Vec<Secret>,
    /// `--label KEY=VALUE`.
    pub labels: Vec<String>,
    pub progress: Progress,
}

/// What a build printed and produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildResult {
    /// Progress on stderr, the image ID on stdout for `-q`, exit code 0 or 1, events.
    pub output: Output,
    /// `sha256:…` of the image, when the build succeeded.
    pub image_id: Option<String>,
}

/// Builds an image with BuildKit's behaviour. Nothing changes in the engine when the build fails
/// except the cache of the steps that finished (as in BuildKit).
pub fn build_image(engine: &mut Engine, project: &dyn ProjectFiles, req: &BuildRequest) -> BuildResult {
    stage::Builder::run(engine, project, req)
}
