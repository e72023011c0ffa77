//! The project folder seen as a filesystem rooted at [`HOME`]: path resolution, file kinds, directory
//! listings. The folder itself stores only files; directories exist when files live below them or when
//! the shell made them (`mkdir`, kept in [`super::ShellState::dirs`]).
//!
//! Inside a container the shell works on a [`FileTree`] mounted at `/` instead (see
//! [`super::ShellState::root`]): every absolute path is then inside it.

use std::collections::BTreeSet;

use super::tree::{FileTree, Files};
use super::{Programs, MAX_STREAM_BYTES};
use crate::project::ProjectFiles;

/// Truncates `text` to [`MAX_STREAM_BYTES`] (at a character boundary).
pub(super) fn cap(text: &mut String) {
    if text.len() > MAX_STREAM_BYTES {
        let mut end = MAX_STREAM_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

/// The absolute path of a path relative to `root` (the project folder, [`HOME`], or `/`).
pub(super) fn absolute(root: &str, rel: &str) -> String {
    if rel.is_empty() {
        root.to_string()
    } else if root == "/" {
        format!("/{rel}")
    } else {
        format!("{root}/{rel}")
    }
}

/// Why a path typed by the learner does not name a place in the project folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PathError {
    /// `""`: names nothing.
    Empty,
    /// An absolute path outside [`HOME`] (`/etc/hosts`).
    Outside,
}

impl PathError {
    /// The `strerror` text programs print for it.
    pub(super) fn message(self) -> &'static str {
        match self {
            PathError::Empty => "No such file or directory",
            PathError::Outside => "Permission denied",
        }
    }
}

/// Resolves `path` (relative to `cwd`, or absolute under [`HOME`]) to a normalized project-relative
/// path. `..` never climbs above the project root (as `/..` is `/`).
#[cfg(test)]
pub(super) fn resolve(cwd: &str, path: &str) -> Result<String, PathError> {
    resolve_in(super::HOME, cwd, path)
}

/// [`resolve`] for a folder mounted at `root` ([`HOME`], or `/` where every absolute path is inside).
pub(super) fn resolve_in(root: &str, cwd: &str, path: &str) -> Result<String, PathError> {
    if path.is_empty() {
        return Err(PathError::Empty);
    }
    let relative = if root == "/" {
        path
    } else if let Some(rest) = path.strip_prefix(root) {
        if !(rest.is_empty() || rest.starts_with('/')) {
            return Err(PathError::Outside);
        }
        rest
    } else if path.starts_with('/') {
        return Err(PathError::Outside);
    } else {
        path
    };
    let mut parts: Vec<&str> =
        if path.starts_with('/') { Vec::new() } else { cwd.split('/').filter(|p| !p.is_empty()).collect() };
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    Ok(parts.join("/"))
}

/// The parent of a project-relative path (`""` for top-level entries).
pub(super) fn parent(path: &str) -> &str {
    path.rfind('/').and_then(|p| path.get(..p)).unwrap_or("")
}

/// The last component of a path.
pub(super) fn base_name(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    trimmed.rfind('/').and_then(|p| trimmed.get(p + 1..)).unwrap_or(trimmed)
}

/// What a path names.
pub(super) use super::tree::EntryKind as Kind;

/// Why a file cannot be created at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CreateError {
    /// A parent directory is missing.
    NoParent,
    /// A parent is a file.
    NotADirectory,
    /// The path is a directory.
    IsADirectory,
    /// The project folder refused (its own message).
    Refused(String),
}

impl CreateError {
    pub(super) fn message(&self) -> &str {
        match self {
            CreateError::NoParent => "No such file or directory",
            CreateError::NotADirectory => "Not a directory",
            CreateError::IsADirectory => "Is a directory",
            CreateError::Refused(m) => m,
        }
    }
}

/// The most files [`Folder::file_list`] walks in a filesystem with directories.
const MAX_LISTED_FILES: usize = 10_000;

/// The project folder plus the shell's empty directories, or a container's filesystem.
pub(super) struct Folder<'a> {
    store: Store<'a>,
    pub dirs: &'a mut BTreeSet<String>,
    /// Where the folder is mounted ([`HOME`] or `/`).
    root: &'static str,
}

/// What a [`Folder`] reads and writes.
enum Store<'a> {
    /// The project folder: files only (directories are in [`Folder::dirs`]).
    Project(&'a mut dyn ProjectFiles),
    /// A filesystem with its own directories: every operation goes to it.
    Tree(&'a mut dyn FileTree),
}

impl<'a> Folder<'a> {
    /// The project folder `files` (for tests; the shell uses [`Folder::open`]).
    #[cfg(test)]
    pub(super) fn new(files: &'a mut dyn ProjectFiles, dirs: &'a mut BTreeSet<String>) -> Self {
        Folder { store: Store::Project(files), dirs, root: super::HOME }
    }

    /// The files `programs` gives the shell, mounted at `root`.
    pub(super) fn open(programs: &'a mut dyn Programs, dirs: &'a mut BTreeSet<String>, root: &'static str) -> Self {
        let store = match programs.files() {
            Files::Project(files) => Store::Project(files),
            Files::Tree(tree) => Store::Tree(tree),
        };
        Folder { store, dirs, root }
    }

    /// Where the folder is mounted ([`HOME`] or `/`).
    pub(super) fn root(&self) -> &'static str {
        self.root
    }

    /// Every file path, sorted (at most [`MAX_LISTED_FILES`] of a filesystem with directories).
    pub(super) fn file_list(&self) -> Vec<String> {
        match &self.store {
            Store::Project(files) => files.list(),
            Store::Tree(_) => {
                let mut out = Vec::new();
                let mut pending = vec![String::new()];
                while let Some(dir) = pending.pop() {
                    for (name, kind) in self.children(&dir) {
                        let path = if dir.is_empty() { name } else { format!("{dir}/{name}") };
                        match kind {
                            Kind::File => out.push(path),
                            Kind::Dir => pending.push(path),
                        }
                    }
                    if out.len() >= MAX_LISTED_FILES {
                        break;
                    }
                }
                out.truncate(MAX_LISTED_FILES);
                crate::sort::sort(&mut out);
                out
            }
        }
    }

    /// What `path` names, if anything.
    pub(super) fn kind(&self, path: &str) -> Option<Kind> {
        let files = match &self.store {
            Store::Tree(tree) => return tree.kind(path),
            Store::Project(files) => files,
        };
        if path.is_empty() || self.dirs.contains(path) {
            return Some(Kind::Dir);
        }
        let prefix = format!("{path}/");
        let mut kind = None;
        for file in files.list() {
            if file == path {
                kind = Some(Kind::File);
            } else if file.starts_with(&prefix) {
                return Some(Kind::Dir);
            }
        }
        kind
    }

    /// The content of a file (`None` if it is not a file).
    pub(super) fn read(&self, path: &str) -> Option<String> {
        let files = match &self.store {
            Store::Tree(tree) => return tree.read(path),
            Store::Project(files) => files,
        };
        if path.is_empty() || self.dirs.contains(path) {
            return None;
        }
        files.read(path)
    }

    /// The entries directly inside a directory, sorted by name (bytes, as in the C locale).
    pub(super) fn children(&self, dir: &str) -> Vec<(String, Kind)> {
        let files = match &self.store {
            Store::Tree(tree) => return tree.children(dir),
            Store::Project(files) => files,
        };
        let prefix = if dir.is_empty() { String::new() } else { format!("{dir}/") };
        let mut entries: Vec<(String, Kind)> = Vec::new();
        let mut add = |name: &str, kind: Kind| {
            if let Some(existing) = entries.iter_mut().find(|(n, _)| n == name) {
                if kind == Kind::Dir {
                    existing.1 = Kind::Dir;
                }
            } else {
                entries.push((name.to_string(), kind));
            }
        };
        let files = files.list();
        for path in files.iter().chain(self.dirs.iter()) {
            let Some(rest) = path.strip_prefix(&prefix) else { continue };
            if rest.is_empty() {
                continue;
            }
            let is_dir_entry = self.dirs.contains(path);
            match rest.split_once('/') {
                Some((first, _)) => add(first, Kind::Dir),
                None => add(rest, if is_dir_entry { Kind::Dir } else { Kind::File }),
            }
        }
        crate::sort::sort_by(&mut entries, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        entries
    }

    /// Checks that a file can be created at `path` (its parents are directories, it is not one).
    pub(super) fn check_creatable(&self, path: &str) -> Result<(), CreateError> {
        if self.kind(path) == Some(Kind::Dir) {
            return Err(CreateError::IsADirectory);
        }
        let dir = parent(path);
        if self.kind(dir) == Some(Kind::Dir) {
            return Ok(());
        }
        // The nearest ancestor that exists decides: a file there makes this "Not a directory".
        let mut ancestor = dir;
        loop {
            match self.kind(ancestor) {
                Some(Kind::File) => return Err(CreateError::NotADirectory),
                Some(Kind::Dir) => return Err(CreateError::NoParent),
                None => ancestor = parent(ancestor),
            }
        }
    }

    /// Creates or replaces a file (capped at [`MAX_STREAM_BYTES`]).
    pub(super) fn write(&mut self, path: &str, content: &str) -> Result<(), CreateError> {
        self.check_creatable(path)?;
        let result = if content.len() > MAX_STREAM_BYTES {
            let mut capped = content.to_string();
            cap(&mut capped);
            match &mut self.store {
                Store::Tree(tree) => tree.write(path, &capped),
                Store::Project(files) => files.write(path, &capped),
            }
        } else {
            match &mut self.store {
                Store::Tree(tree) => tree.write(path, content),
                Store::Project(files) => files.write(path, content),
            }
        };
        result.map_err(CreateError::Refused)
    }

    /// Removes a file; its directory stays (as on a real disk).
    pub(super) fn remove_file(&mut self, path: &str) -> bool {
        let removed = match &mut self.store {
            Store::Tree(tree) => return tree.remove_file(path),
            Store::Project(files) => files.remove(path),
        };
        if removed {
            let mut dir = parent(path);
            while !dir.is_empty() {
                self.dirs.insert(dir.to_string());
                dir = parent(dir);
            }
        }
        removed
    }

    /// Makes a directory whose parent exists.
    pub(super) fn make_dir(&mut self, path: &str) {
        if let Store::Tree(tree) = &mut self.store {
            // Failures (read-only filesystem) show when the directory is used.
            let _ = tree.make_dir(path);
            return;
        }
        if !path.is_empty() {
            self.dirs.insert(path.to_string());
        }
    }

    /// Removes a directory and everything below it. Returns false if a file could not be removed.
    pub(super) fn remove_tree(&mut self, path: &str) -> bool {
        let files = match &mut self.store {
            Store::Tree(tree) => return tree.remove_tree(path),
            Store::Project(files) => files,
        };
        let prefix = format!("{path}/");
        let mut all_removed = true;
        for file in files.list() {
            if file.starts_with(&prefix) && !files.remove(&file) {
                all_removed = false;
            }
        }
        self.dirs.retain(|d| d != path && !d.starts_with(&prefix));
        let mut dir = parent(path);
        while !dir.is_empty() {
            self.dirs.insert(dir.to_string());
            dir = parent(dir);
        }
        all_removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::MemoryProject;

    #[test]
    fn resolves_relative_absolute_and_dotdot() {
        assert_eq!(resolve("", "a/./b//c"), Ok("a/b/c".to_string()));
        assert_eq!(resolve("app", "../x"), Ok("x".to_string()));
        assert_eq!(resolve("", "../../x"), Ok("x".to_string()));
        assert_eq!(resolve("app", "/home/estudiante/x"), Ok("x".to_string()));
        assert_eq!(resolve("app", "/home/estudiante"), Ok(String::new()));
        assert_eq!(resolve("", "/home/estudiantes"), Err(PathError::Outside));
        assert_eq!(resolve("", "/etc/hosts"), Err(PathError::Outside));
        assert_eq!(resolve("", ""), Err(PathError::Empty));
        assert_eq!(base_name("a/b/"), "b");
        assert_eq!(parent("a/b"), "a");
        assert_eq!(parent("a"), "");
    }

    #[test]
    fn kinds_children_and_creation() {
        let mut project = MemoryProject::new().with_file("a.txt", "x").with_file("app/src/main.rs", "");
        let mut dirs = BTreeSet::from(["empty".to_string()]);
        let mut folder = Folder::new(&mut project, &mut dirs);
        assert_eq!(folder.kind("a.txt"), Some(Kind::File));
        assert_eq!(folder.kind("app"), Some(Kind::Dir));
        assert_eq!(folder.kind("app/src"), Some(Kind::Dir));
        assert_eq!(folder.kind("empty"), Some(Kind::Dir));
        assert_eq!(folder.kind("nope"), None);
        let names: Vec<String> = folder.children("").into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["a.txt", "app", "empty"]);
        assert_eq!(folder.check_creatable("nope/x"), Err(CreateError::NoParent));
        assert_eq!(folder.check_creatable("a.txt/x"), Err(CreateError::NotADirectory));
        assert_eq!(folder.check_creatable("app"), Err(CreateError::IsADirectory));
        assert_eq!(folder.check_creatable("empty/x"), Ok(()));
        assert!(folder.remove_file("app/src/main.rs"));
        assert_eq!(folder.kind("app/src"), Some(Kind::Dir));
        assert!(folder.remove_tree("app"));
        assert_eq!(folder.kind("app"), None);
    }
}
