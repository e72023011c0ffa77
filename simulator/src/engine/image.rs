//! Images: an ordered stack of layers plus a config and a history, identified by the sha256 of
//! their config, as in Docker's classic image store.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{json, Map, Value};

use crate::clock::Timestamp;
use crate::fs;
use crate::ids::sha256_hex;

/// One filesystem layer of an image: its files (shared between images and containers through
/// `Arc`, never copied) and the identifiers Docker shows for it, taken from the files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    /// `sha256:<hex>` of the uncompressed content (`RootFS.Layers`).
    pub diff_id: String,
    /// `sha256:<hex>` of the compressed blob, as a registry knows it (pull/push lines show its first 12 hex).
    pub blob_digest: String,
    /// Uncompressed size in bytes.
    pub size: u64,
    /// The layer's files.
    pub files: Arc<fs::Layer>,
}

impl Layer {
    /// The image layer holding `files` (digests and size come from the content).
    pub fn new(files: Arc<fs::Layer>) -> Layer {
        Layer { diff_id: files.diff_id().to_string(), blob_digest: files.blob_digest(), size: files.size(), files }
    }
}

/// The runtime configuration an image carries (`Config` in `docker image inspect`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageConfig {
    pub user: String,
    /// e.g. `["80/tcp"]`, in Docker's sorted order.
    pub exposed_ports: Vec<String>,
    pub env: Vec<String>,
    pub entrypoint: Option<Vec<String>>,
    pub cmd: Option<Vec<String>>,
    pub volumes: Vec<String>,
    pub working_dir: String,
    pub labels: BTreeMap<String, String>,
    pub stop_signal: Option<String>,
    pub args_escaped: bool,
    pub on_build: Vec<String>,
}

/// One entry of `docker history`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub created: Timestamp,
    pub created_by: String,
    pub comment: String,
    /// True for metadata-only steps (no layer).
    pub empty_layer: bool,
}

/// A local image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// `sha256:<hex>` of the config.
    pub id: String,
    /// Familiar `repo:tag` names, in the order they were added.
    pub repo_tags: Vec<String>,
    /// Familiar `repo@sha256:…` names.
    pub repo_digests: Vec<String>,
    /// `sha256:…` of the parent image for committed/legacy-built images, else empty.
    pub parent: String,
    pub comment: String,
    pub created: Timestamp,
    pub docker_version: String,
    pub author: String,
    pub config: ImageConfig,
    pub architecture: String,
    pub os: String,
    pub layers: Vec<Arc<Layer>>,
    pub history: Vec<HistoryEntry>,
    pub last_tag_time: Option<Timestamp>,
}

impl Image {
    /// Total size of the image's layers in bytes.
    pub fn size(&self) -> u64 {
        self.layers.iter().map(|l| l.size).sum()
    }

    /// The files of every layer, bottom first (what a container's filesystem is built on).
    pub fn fs_layers(&self) -> Vec<Arc<fs::Layer>> {
        self.layers.iter().map(|l| l.files.clone()).collect()
    }

    /// The 12-character short ID.
    pub fn short_id(&self) -> &str {
        let hex = self.id.strip_prefix("sha256:").unwrap_or(&self.id);
        hex.get(..12).unwrap_or(hex)
    }

    /// Recomputes `id` as the sha256 of the image config JSON, as Docker does.
    pub fn compute_id(&mut self) {
        let config = self.config_json().to_string();
        self.id = format!("sha256:{}", sha256_hex(config.as_bytes()));
    }

    /// The OCI image config document (what the ID is the digest of).
    pub fn config_json(&self) -> Value {
        json!({
            "architecture": self.architecture,
            "config": self.config.to_json(),
            "created": self.created.rfc3339_nano(),
            "history": self.history.iter().map(|h| {
                let mut m = Map::new();
                m.insert("created".into(), json!(h.created.rfc3339_nano()));
                m.insert("created_by".into(), json!(h.created_by));
                if !h.comment.is_empty() { m.insert("comment".into(), json!(h.comment)); }
                if h.empty_layer { m.insert("empty_layer".into(), json!(true)); }
                Value::Object(m)
            }).collect::<Vec<_>>(),
            "os": self.os,
            "rootfs": { "type": "layers", "diff_ids": self.layers.iter().map(|l| l.diff_id.clone()).collect::<Vec<_>>() },
        })
    }
}

impl ImageConfig {
    /// The config as Docker's API shows it (`Config` in inspect), keys in Docker 28's order.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("User".into(), json!(self.user));
        if !self.exposed_ports.is_empty() {
            let ports: Map<String, Value> = self.exposed_ports.iter().map(|p| (p.clone(), json!({}))).collect();
            m.insert("ExposedPorts".into(), Value::Object(ports));
        }
        m.insert("Env".into(), json!(self.env));
        m.insert("Entrypoint".into(), opt_list(&self.entrypoint));
        m.insert("Cmd".into(), opt_list(&self.cmd));
        m.insert(
            "Volumes".into(),
            if self.volumes.is_empty() {
                Value::Null
            } else {
                Value::Object(self.volumes.iter().map(|v| (v.clone(), json!({}))).collect())
            },
        );
        m.insert("WorkingDir".into(), json!(self.working_dir));
        m.insert(
            "Labels".into(),
            if self.labels.is_empty() { Value::Null } else { json!(self.labels) },
        );
        if let Some(s) = &self.stop_signal {
            m.insert("StopSignal".into(), json!(s));
        }
        if self.args_escaped {
            m.insert("ArgsEscaped".into(), json!(true));
        }
        if !self.on_build.is_empty() {
            m.insert("OnBuild".into(), json!(self.on_build));
        }
        Value::Object(m)
    }
}

fn opt_list(v: &Option<Vec<String>>) -> Value {
    match v {
        Some(list) => json!(list),
        None => Value::Null,
    }
}
