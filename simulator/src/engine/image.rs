//! Images: an ordered stack of layers plus a config and a history, identified by the sha256 of
//! their config, as in Docker's classic image store.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::Value;

use crate::clock::Timestamp;
use crate::fs;
use crate::ids::sha256_hex;
use crate::json_object::{string_map, JsonObject};

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
        let mut o = JsonObject::new();
        o.str("architecture", &self.architecture);
        o.value("config", self.config.to_json());
        o.string("created", self.created.rfc3339_nano());
        let history = self.history.iter().map(|h| {
            let mut m = JsonObject::new();
            m.string("created", h.created.rfc3339_nano());
            m.str("created_by", &h.created_by);
            if !h.comment.is_empty() {
                m.str("comment", &h.comment);
            }
            if h.empty_layer {
                m.bool("empty_layer", true);
            }
            m.into_value()
        });
        o.value("history", Value::Array(history.collect()));
        o.str("os", &self.os);
        let mut rootfs = JsonObject::new();
        rootfs.str("type", "layers");
        rootfs.value("diff_ids", Value::Array(self.layers.iter().map(|l| Value::String(l.diff_id.clone())).collect()));
        o.value("rootfs", rootfs.into_value());
        o.into_value()
    }
}

impl ImageConfig {
    /// The config as Docker's API shows it (`Config` in inspect), keys in Docker 28's order.
    pub fn to_json(&self) -> Value {
        let mut m = JsonObject::new();
        m.str("User", &self.user);
        if !self.exposed_ports.is_empty() {
            m.empty_objects("ExposedPorts", &self.exposed_ports);
        }
        m.strings("Env", &self.env);
        m.strings_or_null("Entrypoint", self.entrypoint.as_deref());
        m.strings_or_null("Cmd", self.cmd.as_deref());
        if self.volumes.is_empty() {
            m.null("Volumes");
        } else {
            m.empty_objects("Volumes", &self.volumes);
        }
        m.str("WorkingDir", &self.working_dir);
        m.value("Labels", if self.labels.is_empty() { Value::Null } else { string_map(&self.labels) });
        if let Some(s) = &self.stop_signal {
            m.str("StopSignal", s);
        }
        if self.args_escaped {
            m.bool("ArgsEscaped", true);
        }
        if !self.on_build.is_empty() {
            m.strings("OnBuild", &self.on_build);
        }
        m.into_value()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Map};

    /// The `json!` form these documents had before the table-driven builder: the oracle that keeps
    /// image IDs (sha256 of this text) unchanged.
    fn reference_config_json(img: &Image) -> Value {
        let opt_list = |v: &Option<Vec<String>>| v.as_ref().map_or(Value::Null, |l| json!(l));
        let c = &img.config;
        let mut m = Map::new();
        m.insert("User".into(), json!(c.user));
        if !c.exposed_ports.is_empty() {
            m.insert("ExposedPorts".into(), Value::Object(c.exposed_ports.iter().map(|p| (p.clone(), json!({}))).collect()));
        }
        m.insert("Env".into(), json!(c.env));
        m.insert("Entrypoint".into(), opt_list(&c.entrypoint));
        m.insert("Cmd".into(), opt_list(&c.cmd));
        m.insert("Volumes".into(), if c.volumes.is_empty() { Value::Null } else { Value::Object(c.volumes.iter().map(|v| (v.clone(), json!({}))).collect()) });
        m.insert("WorkingDir".into(), json!(c.working_dir));
        m.insert("Labels".into(), if c.labels.is_empty() { Value::Null } else { json!(c.labels) });
        if let Some(s) = &c.stop_signal {
            m.insert("StopSignal".into(), json!(s));
        }
        if c.args_escaped {
            m.insert("ArgsEscaped".into(), json!(true));
        }
        if !c.on_build.is_empty() {
            m.insert("OnBuild".into(), json!(c.on_build));
        }
        json!({
            "architecture": img.architecture,
            "config": Value::Object(m),
            "created": img.created.rfc3339_nano(),
            "history": img.history.iter().map(|h| {
                let mut m = Map::new();
                m.insert("created".into(), json!(h.created.rfc3339_nano()));
                m.insert("created_by".into(), json!(h.created_by));
                if !h.comment.is_empty() { m.insert("comment".into(), json!(h.comment)); }
                if h.empty_layer { m.insert("empty_layer".into(), json!(true)); }
                Value::Object(m)
            }).collect::<Vec<_>>(),
            "os": img.os,
            "rootfs": { "type": "layers", "diff_ids": img.layers.iter().map(|l| l.diff_id.clone()).collect::<Vec<_>>() },
        })
    }

    #[test]
    fn config_json_text_is_unchanged_for_every_optional_field() {
        let hub = crate::hub::find("nginx", "latest");
        assert!(hub.is_some(), "nginx:latest is in the catalog");
        let Some(hub) = hub else { return };
        let plain = hub.to_image();
        let mut full = plain.clone();
        full.config.exposed_ports = vec!["80/tcp".into(), "443/tcp".into()];
        full.config.volumes = vec!["/data".into()];
        full.config.labels.insert("maintainer".into(), "muelle".into());
        full.config.stop_signal = Some("SIGQUIT".into());
        full.config.args_escaped = true;
        full.config.on_build = vec!["RUN echo hi".into()];
        full.config.entrypoint = None;
        full.history.push(HistoryEntry { created: plain.created, created_by: "CMD [\"x\"]".into(), comment: "buildkit.dockerfile.v0".into(), empty_layer: true });
        for img in [&plain, &full] {
            assert_eq!(img.config_json().to_string(), reference_config_json(img).to_string());
        }
        assert_ne!(plain.config_json().to_string(), full.config_json().to_string());
    }
}
