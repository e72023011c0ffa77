//! The simulated Docker Hub: official images the course uses, with realistic metadata.
//! Digests are real sha256 of the simulated content, so the same image always has the same IDs.

mod catalog;
pub mod rootfs;
pub mod search_index;

use std::sync::Arc;

use crate::clock::Timestamp;
use crate::engine::image::{HistoryEntry, Image, ImageConfig, Layer};
use crate::ids::sha256_hex;

pub use catalog::CATALOG;

/// One step of an image's history as published (a layer when `size > 0` or `layer` is true).
#[derive(Debug, Clone, Copy)]
pub struct HubStep {
    pub created_by: &'static str,
    /// Uncompressed size in bytes; steps with `layer == false` have no layer.
    pub size: u64,
    pub layer: bool,
    /// `buildkit.dockerfile.v0` for BuildKit-built steps, empty otherwise.
    pub comment: &'static str,
}

/// How the image's default program behaves once started (see `engine::process`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HubProgram {
    /// Determined by interpreting the command line (sh, echo, sleep…).
    FromCommand,
}

/// An image repository on the simulated Hub, with one or more tags pointing at the same content.
#[derive(Debug, Clone, Copy)]
pub struct HubImage {
    /// Repository name as learners type it (`nginx`, `node`).
    pub repo: &'static str,
    /// Tags that name this exact image (`["1.27", "1.27.3", "latest"]`).
    pub tags: &'static [&'static str],
    /// Short description for `docker search`.
    pub description: &'static str,
    pub stars: u32,
    /// RFC 3339 creation time of the image.
    pub created: &'static str,
    pub env: &'static [&'static str],
    pub entrypoint: Option<&'static [&'static str]>,
    pub cmd: Option<&'static [&'static str]>,
    pub exposed_ports: &'static [&'static str],
    pub working_dir: &'static str,
    pub user: &'static str,
    pub volumes: &'static [&'static str],
    pub stop_signal: Option<&'static str>,
    pub labels: &'static [(&'static str, &'static str)],
    /// History, oldest first.
    pub history: &'static [HubStep],
}

/// A layer step of a published image.
pub const fn layer(created_by: &'static str, size: u64) -> HubStep {
    HubStep { created_by, size, layer: true, comment: "buildkit.dockerfile.v0" }
}

/// A metadata-only step.
pub const fn meta(created_by: &'static str) -> HubStep {
    HubStep { created_by, size: 0, layer: false, comment: "buildkit.dockerfile.v0" }
}

/// A layer step of a classic (non-BuildKit) build: no comment.
pub const fn classic_layer(created_by: &'static str, size: u64) -> HubStep {
    HubStep { created_by, size, layer: true, comment: "" }
}

/// A metadata-only classic step.
pub const fn classic_meta(created_by: &'static str) -> HubStep {
    HubStep { created_by, size: 0, layer: false, comment: "" }
}

/// Finds the catalog entry for `repo:tag` (repo in familiar form, e.g. `nginx`).
pub fn find(repo: &str, tag: &str) -> Option<&'static HubImage> {
    CATALOG.iter().find(|img| img.repo == repo && img.tags.contains(&tag))
}

impl HubImage {
    /// The image as it lands in the local store after a pull (without tags). Builds (or shares)
    /// the layers' files: call it when pulling.
    pub fn to_image(&self) -> Image {
        let created = Timestamp::parse_rfc3339(self.created).unwrap_or_default();
        // Equal steps give equal layers, so images built on the same base share them.
        let layers: Vec<Arc<Layer>> = rootfs::layers_for(self).into_iter().map(|files| Arc::new(Layer::new(files))).collect();
        let mut history = Vec::new();
        for step in self.history {
            history.push(HistoryEntry {
                created,
                created_by: step.created_by.to_string(),
                comment: step.comment.to_string(),
                empty_layer: !step.layer,
            });
        }
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        let mut labels = std::collections::BTreeMap::new();
        for (k, v) in self.labels {
            labels.insert((*k).to_string(), (*v).to_string());
        }
        let config = ImageConfig {
            user: self.user.to_string(),
            exposed_ports: strings(self.exposed_ports),
            env: strings(self.env),
            entrypoint: self.entrypoint.map(strings),
            cmd: self.cmd.map(strings),
            volumes: strings(self.volumes),
            working_dir: self.working_dir.to_string(),
            labels,
            stop_signal: self.stop_signal.map(str::to_string),
            args_escaped: false,
            on_build: Vec::new(),
        };
        let mut image = Image {
            id: String::new(),
            repo_tags: Vec::new(),
            repo_digests: Vec::new(),
            parent: String::new(),
            comment: self.history.last().map(|s| s.comment.to_string()).unwrap_or_default(),
            created,
            docker_version: String::new(),
            author: String::new(),
            config,
            architecture: "amd64".to_string(),
            os: "linux".to_string(),
            layers,
            history,
            last_tag_time: None,
        };
        image.compute_id();
        image
    }

    /// The manifest digest (`RepoDigests`, `Digest:` line of a pull): sha256 of a manifest naming
    /// the config and the layer blobs.
    pub fn manifest_digest(&self, image: &Image) -> String {
        let mut manifest = format!("config:{}", image.id);
        for l in &image.layers {
            manifest.push_str(&format!("\nlayer:{}:{}", l.blob_digest, l.size));
        }
        format!("sha256:{}", sha256_hex(manifest.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MergedFs;

    #[test]
    fn pulled_images_carry_their_files() {
        let nginx = find("nginx", "latest").map(HubImage::to_image);
        let debian = find("debian", "bookworm-slim").map(HubImage::to_image);
        assert!(nginx.is_some() && debian.is_some(), "catalog images missing");
        let (Some(nginx), Some(debian)) = (nginx, debian) else { return };
        for l in &nginx.layers {
            assert_eq!(l.size, l.files.size());
            assert_eq!(l.diff_id, l.files.diff_id());
        }
        let fs = MergedFs::new(nginx.fs_layers());
        let index = fs.read_to_string("/usr/share/nginx/html/index.html").ok().flatten().unwrap_or_default();
        assert!(index.contains("Welcome to nginx!"));
        // Images built on the same base share its layer's files.
        let base = nginx.layers.first().zip(debian.layers.first());
        assert!(base.is_some_and(|(a, b)| Arc::ptr_eq(&a.files, &b.files)));
    }
}
