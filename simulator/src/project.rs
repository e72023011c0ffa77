//! The learner's project folder: the files `cat`, `ls`, `--env-file` and `docker build .` read.
//! The browser keeps it in memory; `dockersim` maps it to its current directory.

use std::collections::BTreeMap;

/// Access to the learner's project folder. Paths are relative to the folder, `/`-separated.
pub trait ProjectFiles {
    /// The file's content, or `None` if it does not exist (or is a directory).
    fn read(&self, path: &str) -> Option<String>;
    /// Creates or replaces a file. Returns an error message (in the shell's words) on failure.
    fn write(&mut self, path: &str, content: &str) -> Result<(), String>;
    /// Removes a file. Returns false if it did not exist.
    fn remove(&mut self, path: &str) -> bool;
    /// All file paths, sorted.
    fn list(&self) -> Vec<String>;
    /// True if `path` is a directory (has files below it). `""` is the root.
    fn is_dir(&self, path: &str) -> bool {
        let prefix = if path.is_empty() { String::new() } else { format!("{}/", path.trim_end_matches('/')) };
        self.list().iter().any(|p| p.starts_with(&prefix))
    }
}

/// An in-memory project folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryProject {
    pub files: BTreeMap<String, String>,
}

impl MemoryProject {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_file(mut self, path: &str, content: &str) -> Self {
        self.files.insert(path.to_string(), content.to_string());
        self
    }
}

impl ProjectFiles for MemoryProject {
    fn read(&self, path: &str) -> Option<String> {
        self.files.get(path).cloned()
    }

    fn write(&mut self, path: &str, content: &str) -> Result<(), String> {
        self.files.insert(path.to_string(), content.to_string());
        Ok(())
    }

    fn remove(&mut self, path: &str) -> bool {
        self.files.remove(path).is_some()
    }

    fn list(&self) -> Vec<String> {
        self.files.keys().cloned().collect()
    }
}
