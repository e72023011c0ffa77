//! The project folder backed by a real directory (for `dockersim`). Files it did not create are
//! read-only: writes to them are refused.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::project::ProjectFiles;

pub struct DirProject {
    root: PathBuf,
    created: BTreeSet<String>,
}

impl DirProject {
    pub fn new(root: PathBuf) -> Self {
        Self { root, created: BTreeSet::new() }
    }

    /// The absolute path for a project-relative path, refusing `..` escapes.
    fn resolve(&self, path: &str) -> Option<PathBuf> {
        let rel = Path::new(path);
        if rel.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir)) {
            return None;
        }
        Some(self.root.join(rel))
    }
}

impl ProjectFiles for DirProject {
    fn read(&self, path: &str) -> Option<String> {
        std::fs::read_to_string(self.resolve(path)?).ok()
    }

    fn write(&mut self, path: &str, content: &str) -> Result<(), String> {
        let full = self.resolve(path).ok_or_else(|| "Permission denied".to_string())?;
        if full.exists() && !self.created.contains(path) {
            return Err("Permission denied".to_string());
        }
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&full, content).map_err(|e| e.to_string())?;
        self.created.insert(path.to_string());
        Ok(())
    }

    fn remove(&mut self, path: &str) -> bool {
        if !self.created.contains(path) {
            return false;
        }
        self.created.remove(path);
        self.resolve(path).is_some_and(|p| std::fs::remove_file(p).is_ok())
    }

    fn list(&self) -> Vec<String> {
        let mut out = Vec::new();
        walk(&self.root, "", &mut out);
        crate::sort::sort(&mut out);
        out
    }
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let rel = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
        let path = entry.path();
        if path.is_dir() {
            if out.len() < 10_000 {
                walk(&path, &rel, out);
            }
        } else {
            out.push(rel);
        }
    }
}
