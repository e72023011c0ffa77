//! Volumes: directories the engine keeps outside any container (named or anonymous), mounted into
//! containers; their files outlive the containers that wrote them.

use std::collections::BTreeMap;

use crate::clock::Timestamp;
use crate::fs::MergedFs;

/// A local volume.
#[derive(Debug, Clone)]
pub struct Volume {
    pub name: String,
    pub created: Timestamp,
    pub labels: BTreeMap<String, String>,
    /// Made for one container (`-v /path`, an image's `VOLUME`, `docker volume create` without a
    /// name): `docker volume prune` removes it, `docker rm -v` too.
    pub anonymous: bool,
    /// The volume's files.
    pub fs: MergedFs,
}

impl Volume {
    pub fn new(name: &str, created: Timestamp, anonymous: bool) -> Volume {
        let mut fs = MergedFs::new(Vec::new());
        fs.now = created.secs();
        // The volume's own directory is made now.
        let _ = fs.touch("/");
        Volume { name: name.to_string(), created, labels: BTreeMap::new(), anonymous, fs }
    }

    /// Bytes of the files it holds (`docker system df`).
    pub fn size(&self) -> u64 {
        self.fs.upper_size()
    }

    /// Where Docker keeps it on the host.
    pub fn mountpoint(&self) -> String {
        format!("/var/lib/docker/volumes/{}/_data", self.name)
    }

    /// True while it holds nothing (Docker then fills it from the image on first mount).
    pub fn is_empty(&self) -> bool {
        self.fs.list("/").is_ok_and(|l| l.is_empty())
    }
}

impl crate::engine::Engine {
    /// The anonymous volumes a container mounts.
    pub fn anonymous_volumes_of(&self, container_id: &str) -> Vec<String> {
        let Some(c) = self.containers.get(container_id) else { return Vec::new() };
        c.mounts
            .iter()
            .filter_map(|m| match &m.source {
                crate::engine::mounts::MountSource::Volume(n) if self.volumes.get(n).is_some_and(|v| v.anonymous) => Some(n.clone()),
                _ => None,
            })
            .collect()
    }

    /// The containers (any state) that mount volume `name`, oldest first.
    pub fn volume_users(&self, name: &str) -> Vec<String> {
        let mut users: Vec<&crate::engine::container::Container> = self
            .containers
            .values()
            .filter(|c| c.mounts.iter().any(|m| m.source == crate::engine::mounts::MountSource::Volume(name.to_string())))
            .collect();
        crate::sort::sort_by(&mut users, |a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
        users.into_iter().map(|c| c.id.clone()).collect()
    }

    /// Removes these volumes unless a container still uses them (`docker rm -v`, `--rm`).
    pub fn drop_volumes(&mut self, names: &[String]) {
        for n in names {
            if self.volume_users(n).is_empty() {
                self.volumes.remove(n);
            }
        }
    }
}
