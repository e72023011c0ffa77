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
    /// (manifest digest, the image it describes (without local tags or digests)), one entry per
    /// digest.
    pub manifests: Vec<(String, (Image, Manifest))>,
}

/// Every registry's content and the client's logins.
#[derive(Debug, Clone, Default)]
pub struct Registries {
    /// (server key (`localhost:5000`, `https://index.docker.io/v1/`), stored login), one entry
    /// per key.
    logins: Vec<(String, Login)>,
    /// (`domain/path`, repository), one entry per name.
    repos: Vec<(String, Repository)>,
    /// (domain, blob digest, repository path that last received the blob), one entry per domain
    /// and digest.
    blobs: Vec<(String, String, String)>,
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
        self.logins.iter().find(|(k, _)| k == server_key).map(|(_, l)| l)
    }

    /// Stores a login; returns true when it changed what was stored (Docker then warns that the
    /// credentials are stored unencrypted).
    pub fn store_login(&mut self, server_key: &str, user: &str, password: &str) -> bool {
        let login = Login { user: user.to_string(), password: password.to_string() };
        match self.logins.iter_mut().find(|(k, _)| k == server_key) {
            Some(slot) if slot.1 == login => false,
            Some(slot) => {
                slot.1 = login;
                true
            }
            None => {
                self.logins.push((server_key.to_string(), login));
                true
            }
        }
    }

    /// Forgets a login; true if there was one.
    pub fn remove_login(&mut self, server_key: &str) -> bool {
        let before = self.logins.len();
        self.logins.retain(|(k, _)| k != server_key);
        self.logins.len() != before
    }

    /// Server keys with a stored login, sorted.
    pub fn logged_in_servers(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.logins.iter().map(|(k, _)| k.as_str()).collect();
        crate::sort::sort(&mut keys);
        keys
    }

    /// A repository (`domain`, `path`).
    pub fn repository(&self, domain: &str, path: &str) -> Option<&Repository> {
        let name = format!("{domain}/{path}");
        self.repos.iter().find(|(n, _)| *n == name).map(|(_, r)| r)
    }

    /// Every repository as `(domain/path, repository)`, sorted.
    pub fn repositories(&self) -> impl Iterator<Item = (&String, &Repository)> {
        let mut all: Vec<(&String, &Repository)> = self.repos.iter().map(|(n, r)| (n, r)).collect();
        crate::sort::sort_by(&mut all, |a, b| a.0.cmp(b.0));
        all.into_iter()
    }

    /// The image and manifest a tag or digest names in a repository.
    pub fn find(&self, domain: &str, path: &str, tag: Option<&str>, digest: Option<&str>) -> Option<&(Image, Manifest)> {
        let repo = self.repository(domain, path)?;
        let digest = match (digest, tag) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => repo.tags.get(t)?.clone(),
            (None, None) => return None,
        };
        repo.manifests.iter().find(|(d, _)| *d == digest).map(|(_, m)| m)
    }

    /// What pushing a layer blob to `domain/path` would do (without doing it).
    pub fn layer_status(&self, domain: &str, path: &str, blob: &str) -> LayerPush {
        let in_repo = self
            .repository(domain, path)
            .is_some_and(|r| r.manifests.iter().any(|(_, (img, _))| img.layers.iter().any(|l| l.blob_digest == blob)));
        if in_repo {
            return LayerPush::Exists;
        }
        match self.blobs.iter().find(|(d, b, _)| d == domain && b == blob) {
            Some((_, _, from)) => LayerPush::Mounted(from.clone()),
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
            match self.blobs.iter_mut().find(|(d, b, _)| d == domain && *b == l.blob_digest) {
                Some(slot) => slot.2 = path.to_string(),
                None => self.blobs.push((domain.to_string(), l.blob_digest.clone(), path.to_string())),
            }
        }
        let name = format!("{domain}/{path}");
        let at = match self.repos.iter().position(|(n, _)| *n == name) {
            Some(at) => at,
            None => {
                self.repos.push((name, Repository::default()));
                self.repos.len() - 1
            }
        };
        if let Some((_, repo)) = self.repos.get_mut(at) {
            repo.tags.insert(tag.to_string(), manifest.digest.clone());
            match repo.manifests.iter_mut().find(|(d, _)| *d == manifest.digest) {
                Some(slot) => slot.1 = (stored, manifest.clone()),
                None => repo.manifests.push((manifest.digest.clone(), (stored, manifest.clone()))),
            }
        }
        manifest
    }
}
