//! `docker commit` / `docker container commit`: a container's writable layer becomes a new image
//! layer on top of its image's layers (`-m`, `-a`, `-c`, `--pause`).

use std::sync::Arc;

use crate::cli::{FlagValue, Invocation};
use crate::docker::{commit_changes, errors};
use crate::engine::image::{HistoryEntry, Image, ImageConfig, Layer};
use crate::engine::reference::Reference;
use crate::engine::Engine;
use crate::events::{ContainerState, Event};
use crate::output::Output;

/// What a commit needs from its container.
pub struct CommitRequest<'a> {
    pub container: &'a str,
    /// `repo[:tag]`, if given.
    pub reference: Option<&'a str>,
    pub message: &'a str,
    pub author: &'a str,
    pub changes: &'a [String],
    pub pause: bool,
}

pub fn commit(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let pause = !matches!(inv.flags.get("pause"), Some(FlagValue::Bool(false)));
    let request = CommitRequest {
        container: typed,
        reference: inv.args.get(1).map(String::as_str),
        message: inv.str("message").unwrap_or(""),
        author: inv.str("author").unwrap_or(""),
        changes: inv.list("change"),
        pause,
    };
    match commit_container(engine, &request, &mut out.events) {
        Ok(id) => out.outln(id),
        Err(CommitError::Reference(msg)) => {
            out.errln(msg);
            out.exit_code = 1;
        }
        Err(CommitError::Daemon(msg)) => {
            errors::daemon(&mut out, &msg);
            out.exit_code = 1;
        }
    }
    out
}

/// Why a commit failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitError {
    /// The CLI rejected the repository name (printed as is).
    Reference(String),
    /// The daemon's message (`Error response from daemon: …`).
    Daemon(String),
}

/// Commits a container; returns the new image's ID. Nothing changes on error.
pub fn commit_container(engine: &mut Engine, req: &CommitRequest<'_>, events: &mut Vec<Event>) -> Result<String, CommitError> {
    let reference = match req.reference {
        None => None,
        Some(r) => match Reference::parse(r) {
            Ok(parsed) if parsed.digest.is_some() => {
                return Err(CommitError::Reference(format!("invalid reference format: \"{r}\" is a digest reference")));
            }
            Ok(parsed) => Some(parsed.with_default_tag().familiar()),
            Err(e) => return Err(CommitError::Reference(e)),
        },
    };
    let c = engine.find_container(req.container).map_err(|e| CommitError::Daemon(e.message()))?;
    let mut config = ImageConfig {
        user: c.config.user.clone(),
        exposed_ports: c.config.exposed_ports.clone(),
        env: c.config.env.clone(),
        entrypoint: c.config.entrypoint.clone(),
        cmd: c.config.cmd.clone(),
        volumes: c.config.volumes.clone(),
        working_dir: c.config.working_dir.clone(),
        labels: c.config.labels.clone(),
        stop_signal: c.config.stop_signal.clone(),
        args_escaped: false,
        on_build: Vec::new(),
    };
    for change in req.changes {
        commit_changes::apply(&mut config, change).map_err(CommitError::Daemon)?;
    }
    let now = engine.now();
    let parent = engine.images.get(&c.image_id);
    // The image's layers (shared), then the writable layer if it changed anything.
    let mut layers: Vec<Arc<Layer>> = match parent {
        Some(p) => p.layers.clone(),
        None => c.fs.lowers().iter().take(c.image_layers).map(|l| Arc::new(Layer::new(l.clone()))).collect(),
    };
    let files = c.fs.commit();
    let empty = files.is_empty();
    if !empty {
        layers.push(Arc::new(Layer::new(Arc::new(files))));
    }
    let mut history = parent.map(|p| p.history.clone()).unwrap_or_default();
    history.push(HistoryEntry {
        created: now,
        created_by: c.config.cmd.clone().unwrap_or_default().join(" "),
        comment: req.message.to_string(),
        empty_layer: empty,
    });
    let mut image = Image {
        id: String::new(),
        repo_tags: Vec::new(),
        repo_digests: Vec::new(),
        parent: c.image_id.clone(),
        comment: req.message.to_string(),
        created: now,
        docker_version: crate::docker::version::ENGINE_VERSION.to_string(),
        author: req.author.to_string(),
        config,
        architecture: parent.map_or_else(|| "amd64".to_string(), |p| p.architecture.clone()),
        os: parent.map_or_else(|| "linux".to_string(), |p| p.os.clone()),
        layers,
        history,
        last_tag_time: None,
    };
    image.compute_id();
    let (id, name, running, paused) = (c.id.clone(), c.name.clone(), c.state.running && !c.state.restarting, c.state.paused);
    // The daemon pauses a running container while it copies the layer.
    if req.pause && running && !paused {
        events.push(Event::ContainerStateChanged { id: id.clone(), name: name.clone(), from: ContainerState::Running, to: ContainerState::Paused });
        events.push(Event::ContainerStateChanged { id, name, from: ContainerState::Paused, to: ContainerState::Running });
    }
    let image_id = image.id.clone();
    engine.images.insert(image);
    if let Some(tag) = reference {
        engine.images.tag(&image_id, &tag, now);
        events.push(Event::ImageTagged { reference: tag, id: image_id.clone() });
    }
    Ok(image_id)
}
