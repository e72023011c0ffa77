//! `docker diff`: the changes of a writable layer against the layers below it, in Docker's order
//! and with Docker's rules (the overlay2 driver's walk of the upper directory).

use std::fmt;

use super::merged::MergedFs;
use super::node::{DirNode, FileType, Node};
use super::view::{Child, MergedDir};

/// `A`, `C` or `D`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Changed,
    Deleted,
}

impl ChangeKind {
    pub fn letter(self) -> char {
        match self {
            ChangeKind::Added => 'A',
            ChangeKind::Changed => 'C',
            ChangeKind::Deleted => 'D',
        }
    }

    /// The number the Engine API uses (`Kind` in `GET /containers/{id}/changes`).
    pub fn api_kind(self) -> u8 {
        match self {
            ChangeKind::Changed => 0,
            ChangeKind::Added => 1,
            ChangeKind::Deleted => 2,
        }
    }
}

/// One line of `docker diff`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Change {
    pub kind: ChangeKind,
    pub path: String,
}

impl fmt::Display for Change {
    /// `C /etc`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.letter(), self.path)
    }
}

impl MergedFs {
    /// The changes of the writable layer, as `docker diff` lists them. Docker 28 (overlay2)
    /// compares the container's tree with the tree below it: a new entry is `A` (and everything
    /// under a new directory too); an entry whose type, mode or owner changed, or (not for
    /// directories) whose time, size or content changed, is `C`; an entry that is gone is `D`
    /// (only the top of a deleted tree). A directory with changes inside is listed as `C` before
    /// them. Within a directory, deletions come after the other entries. Docker walks siblings in
    /// Go map order (it varies between calls); this lists them in byte order, one of the orders
    /// Docker prints.
    pub fn diff(&self) -> Vec<Change> {
        let lower = MergedDir::root(self.lowers().iter().rev().map(|l| l.root()));
        let mut out = Vec::new();
        walk(self.upper(), Some(&lower), false, "", &mut out);
        out
    }
}

/// Compares the upper directory `upper` (at `path`) with the tree below it. `replaces`: the
/// directory hides the lower one's content (opaque or under an opaque one, or new over a
/// non-directory), so lower children it lacks are deleted.
fn walk(upper: &DirNode, lower: Option<&MergedDir<'_>>, replaces: bool, path: &str, out: &mut Vec<Change>) {
    let mut deleted: Vec<String> = Vec::new();
    for (name, node) in &upper.children {
        let full = format!("{path}/{name}");
        let old = lower.map_or(Child::Missing, |l| l.child(name));
        if let Node::Whiteout = node {
            if old.exists() {
                deleted.push(full);
            }
            continue;
        }
        let start = out.len();
        let marked = match &old {
            Child::Missing => {
                out.push(Change { kind: ChangeKind::Added, path: full.clone() });
                true
            }
            old if different(old, node) => {
                out.push(Change { kind: ChangeKind::Changed, path: full.clone() });
                true
            }
            _ => false,
        };
        if let Node::Dir(d) = node {
            let old_dir = match &old {
                Child::Dir(od) => Some(od),
                _ => None,
            };
            // Below an opaque directory, every directory replaces its lower counterpart.
            walk(d, old_dir, replaces || d.opaque || (old.exists() && old_dir.is_none()), &full, out);
            if out.len() > start && !marked {
                out.insert(start, Change { kind: ChangeKind::Changed, path: full });
            }
        }
    }
    if replaces {
        if let Some(l) = lower {
            for name in l.names() {
                if !matches!(upper.children.get(name), Some(n) if !matches!(n, Node::Whiteout)) {
                    let full = format!("{path}/{name}");
                    if !deleted.contains(&full) {
                        deleted.push(full);
                    }
                }
            }
            crate::sort::sort(&mut deleted);
        }
    }
    out.extend(deleted.into_iter().map(|path| Change { kind: ChangeKind::Deleted, path }));
}

/// Docker's `statDifferent`, plus content (the simulated clock may not move between two writes,
/// a real one always does).
fn different(old: &Child<'_>, new: &Node) -> bool {
    let (old_type, old_meta) = match old {
        Child::Missing => return true,
        Child::Dir(d) => (FileType::Dir, d.meta()),
        Child::Leaf(_, n) => match (n.file_type(), n.meta()) {
            (Some(t), Some(m)) => (t, *m),
            _ => return true,
        },
    };
    let (Some(new_type), Some(new_meta)) = (new.file_type(), new.meta()) else { return true };
    if old_type != new_type || old_meta.mode != new_meta.mode || old_meta.uid != new_meta.uid || old_meta.gid != new_meta.gid {
        return true;
    }
    if new_type == FileType::Dir {
        return false;
    }
    if old_meta.mtime != new_meta.mtime {
        return true;
    }
    match (old, new) {
        (Child::Leaf(_, Node::File(a)), Node::File(b)) => a.content != b.content,
        (Child::Leaf(_, Node::Symlink(a)), Node::Symlink(b)) => a.target != b.target,
        _ => false,
    }
}
