//! A running container's filesystem as its processes see it: the root filesystem with its
//! volumes, bind mounts and tmpfs mounted, plus keeping bind mounts in step with the learner's
//! project folder.

use std::sync::Arc;

use crate::engine::fs_tree::text_of;
use crate::engine::mounted_fs::{Mount, View};
use crate::engine::mounts::{MountPoint, MountSource};
use crate::engine::Engine;
use crate::fs::{ChangeKind, Content, LayerBuilder, MergedFs};
use crate::project::ProjectFiles;

/// The name of the one file a file bind mount holds.
pub const BIND_FILE: &str = "/file";

impl Engine {
    /// What a process in container `id` sees: its root filesystem with every mount in place.
    pub fn container_view(&mut self, id: &str) -> Option<View<'_>> {
        let Engine { containers, volumes, .. } = self;
        let c = containers.get_mut(id)?;
        let wanted: Vec<String> = c
            .mounts
            .iter()
            .filter_map(|m| match &m.source {
                MountSource::Volume(n) => Some(n.clone()),
                _ => None,
            })
            .collect();
        // Each volume's filesystem can be lent to one mount only (taken out of the list).
        let mut by_name: Vec<(&str, &mut MergedFs)> =
            volumes.iter_mut().filter(|(k, _)| wanted.contains(k)).map(|(k, v)| (k.as_str(), &mut v.fs)).collect();
        let mut mounts = Vec::new();
        for MountPoint { source, target, read_only, data, file } in c.mounts.iter_mut() {
            let fs = match source {
                MountSource::Volume(name) => {
                    by_name.iter().position(|(n, _)| *n == name.as_str()).map(|i| by_name.swap_remove(i).1)
                }
                _ => data.as_mut(),
            };
            if let Some(fs) = fs {
                mounts.push(Mount { target: target.clone(), fs, read_only: *read_only, file: *file });
            }
        }
        Some(View { root: &mut c.fs, mounts })
    }

    /// Shows the project folder's current files in every bind mount (before a command runs).
    pub fn sync_binds_in(&mut self, project: &dyn ProjectFiles) {
        let now = self.now().secs();
        for c in self.containers.values_mut() {
            for m in c.mounts.iter_mut() {
                let MountSource::Bind(rel) = &m.source else { continue };
                m.data = Some(bind_snapshot(project, rel, m.file, now));
            }
        }
    }

    /// Writes what containers changed in their bind mounts back to the project folder (also for
    /// containers removed since, like `--rm` ones).
    pub fn sync_binds_out(&mut self, project: &mut dyn ProjectFiles) {
        let removed = std::mem::take(&mut self.removed_binds);
        let live = self.containers.values().flat_map(|c| c.mounts.iter());
        for m in removed.iter().chain(live) {
            let (MountSource::Bind(rel), Some(data)) = (&m.source, m.data.as_ref()) else { continue };
            {
                for change in data.diff() {
                    let inner = if m.file { String::new() } else { change.path.trim_start_matches('/').to_string() };
                    let target = match (rel.is_empty(), inner.is_empty()) {
                        (_, true) => rel.clone(),
                        (true, false) => inner,
                        (false, false) => format!("{rel}/{inner}"),
                    };
                    match change.kind {
                        ChangeKind::Deleted => {
                            project.remove(&target);
                            let prefix = format!("{target}/");
                            for f in project.list().into_iter().filter(|f| f.starts_with(&prefix)) {
                                project.remove(&f);
                            }
                        }
                        ChangeKind::Added | ChangeKind::Changed => {
                            if let Ok(content) = data.read(&change.path) {
                                let _ = project.write(&target, &text_of(&content));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A bind mount's files: the project directory `rel` (or the file `rel`) as one read-only
/// layer, with an empty writable layer above it.
pub fn bind_snapshot(project: &dyn ProjectFiles, rel: &str, file: bool, now: i64) -> MergedFs {
    let mut b = LayerBuilder::new(now);
    if file {
        if let Some(text) = project.read(rel) {
            b.file(BIND_FILE, 0o644, Content::text(&text));
        }
    } else {
        let prefix = if rel.is_empty() { String::new() } else { format!("{rel}/") };
        for f in project.list().into_iter().filter(|f| f.starts_with(&prefix)) {
            if let Some(text) = project.read(&f) {
                b.file(&format!("/{}", f.get(prefix.len()..).unwrap_or("")), 0o644, Content::text(&text));
            }
        }
    }
    let mut fs = MergedFs::new(vec![Arc::new(b.build())]);
    fs.now = now;
    fs
}
