//! `docker diff`: the changes of a writable layer against the layers below it, in Docker's order
//! and with Docker's rules (the overlay2 driver's walk of the upper directory).

use std::collections::BTreeSet;
use std::fmt;

use super::merged::MergedFs;
use super::node::{DirNode, Node};
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
    /// The changes of the writable layer, as `docker diff` lists them: a pre-order walk of the
    /// upper layer in byte order. A whiteout is `D`; an opaque directory that hides a lower one is
    /// `D` too (its children then follow as `A`/`C`); an entry a lower layer has is `C`, a new
    /// one `A`. A copied-up directory whose mode, time and names did not change is not listed
    /// (modifying `/etc/passwd` lists only `C /etc/passwd`), but the parent of an added or deleted
    /// entry always is (as `C`, once, before the entry).
    pub fn diff(&self) -> Vec<Change> {
        let lower = MergedDir::root(self.lowers().iter().rev().map(|l| l.root()));
        let mut out = Vec::new();
        let mut changed_dirs = BTreeSet::new();
        walk(self.upper(), Some(&lower), "", &mut changed_dirs, &mut out);
        out
    }
}

fn walk(upper: &DirNode, lower: Option<&MergedDir<'_>>, path: &str, changed_dirs: &mut BTreeSet<String>, out: &mut Vec<Change>) {
    for (name, node) in &upper.children {
        let full = format!("{path}/{name}");
        let below = lower.map_or(Child::Missing, |l| l.child(name));
        let kind = match node {
            Node::Whiteout => Some(ChangeKind::Deleted),
            Node::Dir(d) if d.opaque && below.exists() => Some(ChangeKind::Deleted),
            Node::Dir(d) => match &below {
                Child::Dir(ld) => {
                    let lm = ld.meta();
                    let changed = lm.mode != d.meta.mode || lm.mtime != d.meta.mtime || names_changed(d, ld);
                    changed.then_some(ChangeKind::Changed)
                }
                Child::Leaf(..) => Some(ChangeKind::Changed),
                Child::Missing => Some(ChangeKind::Added),
            },
            _ if below.exists() => Some(ChangeKind::Changed),
            _ => Some(ChangeKind::Added),
        };
        if let Some(kind) = kind {
            if matches!(node, Node::Dir(_)) {
                changed_dirs.insert(full.clone());
            }
            if matches!(kind, ChangeKind::Added | ChangeKind::Deleted) && !path.is_empty() && changed_dirs.insert(path.to_string()) {
                out.push(Change { kind: ChangeKind::Changed, path: path.to_string() });
            }
            out.push(Change { kind, path: full.clone() });
        }
        if let Node::Dir(d) = node {
            let sub = match &below {
                Child::Dir(ld) => Some(ld),
                _ => None,
            };
            walk(d, sub, &full, changed_dirs, out);
        }
    }
}

/// True if entries were added to or removed from a copied-up directory. On a real filesystem that
/// always moves the directory's time (in nanoseconds) away from the lower one's; the simulated
/// clock may not have moved, so the names tell instead.
fn names_changed(upper: &DirNode, lower: &MergedDir<'_>) -> bool {
    upper.children.iter().any(|(name, node)| match node {
        Node::Whiteout => true,
        Node::Dir(d) if d.opaque => true,
        _ => !lower.child(name).exists(),
    })
}
