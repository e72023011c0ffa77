//! The registries of the simulated network (Docker Hub's pushes, `localhost:5000`, `myregistry.com`,
//! Harbor, ECR, Artifact Registry) and the client's stored logins.
//!
//! What a learner pushes stays in its registry for the whole session: a learner can `docker rmi` the
//! local copy and pull it back by tag or by digest. Hosts and the course's demo credentials are in
//! [`hosts`].

pub mod hosts;
pub mod manifest;

use std::collections::BTreeMap;

use crate::engine::image::Image;

pub use hosts::{Host, Kind};
pub use manifest::Manifest;

/// A login the client stored (`~/.docker/config.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Login {
    pub user: String,
    pub password: String,
}

/// One repository of a registry: tags pointing at manifests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repository {
    /// Tag → manifest digest.
    pub tags: BTreeMap<String, String>,
    /// Manifest digest → the image it describes (without local tags or digests).
    pub manifests: BTreeMap<String, (Image, Manifest)>,
}

/// Every registry's content and the client's logins.
#[derive(Debug, Clone, Default)]
pub struct Registries {
    /// Server key (`localhost:5000`, `https://index.docker.io/v1/`) → stored login.
    logins: BTreeMap<String, Login>,
    /// `domain/path` → repository.
    repos: BTreeMap<String, Repository>,
    /// `(domain, blob digest)` → repository path that last received the blob.
    blobs: BTreeMap<(String, String), String>,
}

/// Where a layer comes from when an image is pushed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayerPush {
    /// The repository already has it.
    Exists,
    /// Another repository of the same registry has it (`Mounted from <path>`).
    Mounted(String),
    /// Uploaded.
    Pushed,
}

impl Registries {
    /// The login stored for a server key.
    pub fn login_for(&self, server_key: &str) -> Option<&Login> {
        self.logins.get(server_key)
    }

    /// Stores a login; returns true when it changed what was stored (Docker then warns that the
    /// credentials are stored unencrypted).
    pub fn store_login(&mut self, server_key: &str, user: &str, password: &str) -> bool {
        let login = Login { user: user.to_string(), password: password.to_string() };
        let changed = self.logins.get(server_key) != Some(&login);
        self.logins.insert(server_key.to_string(), login);
        changed
    }

    /// Forgets a login; true if there was one.
    pub fn remove_login(&mut self, server_key: &str) -> bool {
        self.logins.remove(server_key).is_some()
    }

    /// Server keys with a stored login, sorted.
    pub fn logged_in_servers(&self) -> Vec<&str> {
        self.logins.keys().map(String::as_str).collect()
    }

    /// A repository (`domain`, `path`).
    pub fn repository(&self, domain: &str, path: &str) -> Option<&Repository> {
        self.repos.get(&format!("{domain}/{path}"))
    }

    /// Every repository as `(domain/path, repository)`, sorted.
    pub fn repositories(&self) -> impl Iterator<Item = (&String, &Repository)> {
        self.repos.iter()
    }

    /// The image and manifest a tag or digest names in a repository.
    pub fn find(&self, domain: &str, path: &str, tag: Option<&str>, digest: Option<&str>) -> Option<&(Image, Manifest)> {
        let repo = self.repository(domain, path)?;
        let digest = match (digest, tag) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => repo.tags.get(t)?.clone(),
            (None, None) => return None,
        };
        repo.manifests.get(&digest)
    }

    /// What pushing a layer blob to `domain/path` would do (without doing it).
    pub fn layer_status(&self, domain: &str, path: &str, blob: &str) -> LayerPush {
        let in_repo = self
            .repository(domain, path)
            .is_some_and(|r| r.manifests.values().any(|(img, _)| img.layers.iter().any(|l| l.blob_digest == blob)));
        if in_repo {
            return LayerPush::Exists;
        }
        match self.blobs.get(&(domain.to_string(), blob.to_string())) {
            Some(from) => LayerPush::Mounted(from.clone()),
            None => LayerPush::Pushed,
        }
    }

    /// Stores `image` under `domain/path:tag`; returns its manifest.
    pub fn push(&mut self, domain: &str, path: &str, tag: &str, image: &Image) -> Manifest {
        let mut stored = image.clone();
        stored.repo_tags.clear();
        stored.repo_digests.clear();
        stored.last_tag_time = None;
        let manifest = Manifest::of(&stored);
        for l in &stored.layers {
            self.blobs.insert((domain.to_string(), l.blob_digest.clone()), path.to_string());
        }
        let repo = self.repos.entry(format!("{domain}/{path}")).or_default();
        repo.tags.insert(tag.to_string(), manifest.digest.clone());
        repo.manifests.insert(manifest.digest.clone(), (stored, manifest.clone()));
        manifest
    }
}
