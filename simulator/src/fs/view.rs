//! Read-only lookups through a stack of layers, top first, as overlayfs resolves them: the first
//! layer that has a name decides; a whiteout hides lower layers' entry, an opaque directory hides
//! lower layers' children, and directories of several layers merge.

use std::sync::Arc;

use super::errors::{Errno, FsError};
use super::node::{DirNode, FileType, Meta, Node};
use super::path::{self, MAX_SYMLINKS};

/// Size `ls -l` shows for a directory.
pub const DIR_SIZE: u64 = 4096;

/// A directory as the merged view sees it: the same-path directory of each layer that contributes,
/// top first, with the layer's index in the stack (0 is the top).
#[derive(Debug, Clone)]
pub(crate) struct MergedDir<'a> {
    pub parts: Vec<(usize, &'a DirNode)>,
}

/// What a name is in a merged directory.
#[derive(Debug, Clone)]
pub(crate) enum Child<'a> {
    Missing,
    Dir(MergedDir<'a>),
    /// A file or symlink, from the topmost layer that has the name.
    Leaf(usize, &'a Node),
}

impl<'a> MergedDir<'a> {
    /// The root of a stack of layer roots, top first.
    pub fn root(layers: impl IntoIterator<Item = &'a DirNode>) -> MergedDir<'a> {
        let mut parts = Vec::new();
        for (i, d) in layers.into_iter().enumerate() {
            parts.push((i, d));
            if d.opaque {
                break;
            }
        }
        MergedDir { parts }
    }

    /// Metadata of the topmost contributing directory.
    pub fn meta(&self) -> Meta {
        self.parts.first().map(|(_, d)| d.meta).unwrap_or_default()
    }

    /// The entry `name`, looked up in the layers below index `skip_above` only when given
    /// (`Some(1)`: ignore the top layer).
    pub fn child_from(&self, name: &str, from_layer: usize) -> Child<'a> {
        let mut dirs = Vec::new();
        for &(i, d) in self.parts.iter().filter(|(i, _)| *i >= from_layer) {
            match d.children.get(name) {
                None => continue,
                Some(Node::Whiteout) => break,
                Some(Node::Dir(sub)) => {
                    dirs.push((i, sub));
                    if sub.opaque {
                        break;
                    }
                }
                Some(other) => {
                    if dirs.is_empty() {
                        return Child::Leaf(i, other);
                    }
                    break;
                }
            }
        }
        if dirs.is_empty() {
            Child::Missing
        } else {
            Child::Dir(MergedDir { parts: dirs })
        }
    }

    pub fn child(&self, name: &str) -> Child<'a> {
        self.child_from(name, 0)
    }

    /// Visible names, in byte order.
    pub fn names(&self) -> Vec<&'a str> {
        // (name, visible) in byte order; the topmost layer with a name decides.
        let mut seen: Vec<(&'a str, bool)> = Vec::new();
        for (_, d) in &self.parts {
            for (name, node) in &d.children {
                if let Err(at) = seen.binary_search_by(|(n, _)| (*n).cmp(name)) {
                    seen.insert(at, (name, !matches!(node, Node::Whiteout)));
                }
            }
        }
        seen.into_iter().filter(|(_, visible)| *visible).map(|(n, _)| n).collect()
    }

    /// Visible entries, in byte order.
    pub fn entries(&self) -> Vec<(&'a str, Child<'a>)> {
        self.names().into_iter().map(|n| (n, self.child(n))).collect()
    }

    /// True if no name is visible.
    pub fn is_empty(&self) -> bool {
        self.names().is_empty()
    }

    /// Number of visible subdirectories (for the link count `2 + n`).
    pub fn subdir_count(&self) -> usize {
        self.names().into_iter().filter(|n| matches!(self.child(n), Child::Dir(_))).count()
    }
}

/// What `stat`/`lstat` report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stat {
    pub file_type: FileType,
    /// Permission bits (`0o7777` at most).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub size: u64,
    pub mtime: i64,
    pub nlink: u32,
    /// A symlink's target.
    pub link_target: Option<Arc<str>>,
}

impl Stat {
    pub fn is_dir(&self) -> bool {
        self.file_type == FileType::Dir
    }

    pub fn is_file(&self) -> bool {
        self.file_type == FileType::File
    }

    pub fn is_symlink(&self) -> bool {
        self.file_type == FileType::Symlink
    }

    /// True for a regular file with an execute bit.
    pub fn is_executable(&self) -> bool {
        self.is_file() && self.mode & 0o111 != 0
    }

    /// `ls -l`'s mode string (`drwxr-xr-x`, `lrwxrwxrwx`, `-rwsr-xr-x`).
    pub fn mode_string(&self) -> String {
        let kind = match self.file_type {
            FileType::Dir => 'd',
            FileType::Symlink => 'l',
            FileType::File => '-',
        };
        let m = self.mode;
        let bit = |mask: u32, c: char| if m & mask != 0 { c } else { '-' };
        let special = |x: bool, s: bool, lower: char, upper: char| match (x, s) {
            (true, true) => lower,
            (false, true) => upper,
            (true, false) => 'x',
            (false, false) => '-',
        };
        let mut s = String::with_capacity(10);
        s.push(kind);
        s.push(bit(0o400, 'r'));
        s.push(bit(0o200, 'w'));
        s.push(special(m & 0o100 != 0, m & 0o4000 != 0, 's', 'S'));
        s.push(bit(0o040, 'r'));
        s.push(bit(0o020, 'w'));
        s.push(special(m & 0o010 != 0, m & 0o2000 != 0, 's', 'S'));
        s.push(bit(0o004, 'r'));
        s.push(bit(0o002, 'w'));
        s.push(special(m & 0o001 != 0, m & 0o1000 != 0, 't', 'T'));
        s
    }
}

impl Child<'_> {
    pub fn exists(&self) -> bool {
        !matches!(self, Child::Missing)
    }

    pub fn is_dir(&self) -> bool {
        matches!(self, Child::Dir(_))
    }

    pub fn stat(&self) -> Option<Stat> {
        match self {
            Child::Missing => None,
            Child::Dir(d) => {
                let m = d.meta();
                let nlink = u32::try_from(2 + d.subdir_count()).unwrap_or(u32::MAX);
                Some(Stat { file_type: FileType::Dir, mode: m.mode, uid: m.uid, gid: m.gid, size: DIR_SIZE, mtime: m.mtime, nlink, link_target: None })
            }
            Child::Leaf(_, Node::File(f)) => Some(Stat {
                file_type: FileType::File,
                mode: f.meta.mode,
                uid: f.meta.uid,
                gid: f.meta.gid,
                size: f.content.len(),
                mtime: f.meta.mtime,
                nlink: f.nlink.max(1),
                link_target: None,
            }),
            Child::Leaf(_, Node::Symlink(s)) => Some(Stat {
                file_type: FileType::Symlink,
                mode: 0o777,
                uid: s.meta.uid,
                gid: s.meta.gid,
                size: s.target.len() as u64,
                mtime: s.meta.mtime,
                nlink: 1,
                link_target: Some(s.target.clone()),
            }),
            Child::Leaf(..) => None,
        }
    }

    /// A deep, owned copy of what the merged view shows here (directories merged, whiteouts
    /// applied): what a copy-up of a whole tree or `docker export` produces.
    pub fn materialize(&self) -> Option<Node> {
        match self {
            Child::Missing => None,
            Child::Leaf(_, Node::File(f)) => {
                let mut f = f.clone();
                f.link_group = 0;
                f.nlink = 1;
                Some(Node::File(f))
            }
            Child::Leaf(_, node) => Some((*node).clone()),
            Child::Dir(d) => {
                let mut out = DirNode::new(d.meta());
                for (name, child) in d.entries() {
                    if let Some(node) = child.materialize() {
                        out.children.insert(Box::from(name), node);
                    }
                }
                Some(Node::Dir(out))
            }
        }
    }
}

/// The outcome of resolving a path.
#[derive(Debug, Clone)]
pub(crate) struct Resolved<'a> {
    /// Canonical components of the final entry (symlinks resolved, `..` applied), whether or not
    /// it exists. Empty for `/`.
    pub components: Vec<String>,
    /// The merged directory that holds the final entry (the root for `/` itself).
    pub parent: MergedDir<'a>,
    pub found: Child<'a>,
    /// The path ended with `/`.
    pub trailing_slash: bool,
}

impl Resolved<'_> {
    pub fn name(&self) -> Option<&str> {
        self.components.last().map(String::as_str)
    }

    pub fn parent_components(&self) -> &[String] {
        self.components.split_last().map_or(&[], |(_, p)| p)
    }

    pub fn render(&self) -> String {
        path::render(&self.components)
    }
}

/// Resolves `path` from `root`. Intermediate symlinks are always followed, the last one only when
/// `follow_last` (or when the path ends with `/`). A missing last component is not an error: the
/// caller decides (creating files needs that). A missing or non-directory intermediate is.
pub(crate) fn resolve<'a>(root: &MergedDir<'a>, raw: &str, follow_last: bool) -> Result<Resolved<'a>, FsError> {
    let split = path::split(raw)?;
    let err = |errno| FsError::new(errno, raw);
    let mut pending: Vec<String> = split.components.iter().rev().map(|c| (*c).to_string()).collect();
    let mut components: Vec<String> = Vec::new();
    let mut dirs: Vec<MergedDir<'a>> = vec![root.clone()];
    let mut hops = 0usize;
    while let Some(name) = pending.pop() {
        let last = pending.is_empty();
        let Some(cur) = dirs.last().cloned() else { return Err(err(Errno::NoEnt)) };
        match name.as_str() {
            "." => continue,
            ".." => {
                if dirs.len() > 1 {
                    dirs.pop();
                    components.pop();
                }
                continue;
            }
            _ => {}
        }
        match cur.child(&name) {
            Child::Missing => {
                if last {
                    components.push(name);
                    return Ok(Resolved { components, parent: cur, found: Child::Missing, trailing_slash: split.trailing_slash });
                }
                return Err(err(Errno::NoEnt));
            }
            Child::Dir(d) => {
                components.push(name);
                dirs.push(d);
            }
            Child::Leaf(_, Node::Symlink(s)) if !last || follow_last || split.trailing_slash => {
                hops += 1;
                if hops > MAX_SYMLINKS {
                    return Err(err(Errno::Loop));
                }
                let target = path::split(&s.target).map_err(|e| FsError::new(e.errno, raw))?;
                if s.target.starts_with('/') {
                    dirs.truncate(1);
                    components.clear();
                }
                if pending.len() + target.components.len() > path::PATH_MAX {
                    return Err(err(Errno::NameTooLong));
                }
                pending.extend(target.components.iter().rev().map(|c| (*c).to_string()));
            }
            leaf @ Child::Leaf(..) => {
                if !last {
                    return Err(err(Errno::NotDir));
                }
                if split.trailing_slash {
                    return Err(err(Errno::NotDir));
                }
                components.push(name);
                return Ok(Resolved { components, parent: cur, found: leaf, trailing_slash: false });
            }
        }
    }
    // The path ended on a directory (or `.`/`..`/`/`).
    let found = dirs.pop().map_or(Child::Missing, Child::Dir);
    let parent = dirs.last().cloned().unwrap_or_else(|| root.clone());
    Ok(Resolved { components, parent, found, trailing_slash: split.trailing_slash })
}
