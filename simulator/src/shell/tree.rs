//! Where the shell's files live. The learner's terminal works on the project folder
//! ([`ProjectFiles`], mounted at [`super::HOME`]); a shell inside a container works on the
//! container's whole filesystem through a [`FileTree`] mounted at `/`.
//!
//! Paths given to a [`FileTree`] are relative to its top and normalised (`etc/passwd`; `""` is the
//! top itself), as the shell's own path resolution produces them.

use crate::project::ProjectFiles;

/// What a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
}

/// A filesystem with directories, seen from the shell.
pub trait FileTree {
    /// What `path` names (following symlinks), if anything.
    fn kind(&self, path: &str) -> Option<EntryKind>;
    /// A file's content as text (`None` if it is not a readable file).
    fn read(&self, path: &str) -> Option<String>;
    /// The entries directly inside a directory, sorted by name (bytes).
    fn children(&self, dir: &str) -> Vec<(String, EntryKind)>;
    /// Creates or replaces a file whose parent directory exists. The error is `strerror`'s text.
    fn write(&mut self, path: &str, content: &str) -> Result<(), String>;
    /// Removes a file. False if it could not be removed.
    fn remove_file(&mut self, path: &str) -> bool;
    /// Makes a directory whose parent exists.
    fn make_dir(&mut self, path: &str) -> Result<(), String>;
    /// Removes a directory and everything below it. False if something could not be removed.
    fn remove_tree(&mut self, path: &str) -> bool;
}

/// The files a shell works on.
pub enum Files<'a> {
    /// The learner's project folder (only files; the shell keeps the empty directories).
    Project(&'a mut dyn ProjectFiles),
    /// A filesystem with its own directories.
    Tree(&'a mut dyn FileTree),
}
