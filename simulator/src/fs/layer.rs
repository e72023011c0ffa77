//! Immutable layers: a tree of entries, its size as Docker reports it and its digest (sha256 of a
//! canonical, tar-like serialization of the content), plus a builder for making them.

use std::fmt;
use std::sync::{Arc, OnceLock};

use sha2::{Digest, Sha256};

use super::node::{Content, DirNode, FileNode, Meta, Node, SymlinkNode};
use crate::ids::{hex, sha256_hex};

/// `sha256` of an empty tar archive (1024 zero bytes): the diff ID Docker gives a layer that
/// changes nothing (e.g. `WORKDIR` on an existing directory).
pub const EMPTY_LAYER_DIFF_ID: &str = "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

/// One immutable filesystem layer. Shared through `Arc` by every image and container that uses
/// it; never copied.
pub struct Layer {
    root: DirNode,
    size: u64,
    entries: usize,
    diff_id: OnceLock<String>,
}

impl Layer {
    /// A layer from a tree (its root directory's metadata is not part of the layer).
    pub fn new(root: DirNode) -> Layer {
        let (size, entries) = tree_size(&root);
        Layer { root, size, entries, diff_id: OnceLock::new() }
    }

    /// A layer with no entries.
    pub fn empty() -> Layer {
        Layer::new(DirNode::default())
    }

    pub fn root(&self) -> &DirNode {
        &self.root
    }

    /// Bytes as Docker counts a layer: regular files (hard links once) plus symlink targets;
    /// directories and whiteouts count nothing.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// True if the layer has no entries (its digest is [`EMPTY_LAYER_DIFF_ID`]).
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// Number of entries (files, directories, symlinks, whiteouts), the root excluded.
    pub fn entry_count(&self) -> usize {
        self.entries
    }

    /// `sha256:<hex>` of the layer's canonical serialization (`RootFS.Layers` of an image).
    /// Computed once, on first use.
    pub fn diff_id(&self) -> &str {
        self.diff_id.get_or_init(|| digest(&self.root))
    }

    /// `sha256:<hex>` of the compressed blob as a registry would know it.
    pub fn blob_digest(&self) -> String {
        let diff = self.diff_id().strip_prefix("sha256:").unwrap_or(self.diff_id());
        format!("sha256:{}", sha256_hex(format!("gzip:{diff}").as_bytes()))
    }

    /// Every entry with its absolute path, in archive order (parents first, names in byte order).
    pub fn entries(&self) -> Vec<(String, &Node)> {
        let mut out = Vec::with_capacity(self.entries);
        let mut prefix = String::new();
        walk(&self.root, &mut prefix, &mut |path, node| out.push((path.to_string(), node)));
        out
    }
}

impl fmt::Debug for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Layer").field("diff_id", &self.diff_id()).field("size", &self.size).field("entries", &self.entries).finish()
    }
}

/// Layers are equal when their content is: same digest.
impl PartialEq for Layer {
    fn eq(&self, other: &Self) -> bool {
        self.size == other.size && self.entries == other.entries && self.diff_id() == other.diff_id()
    }
}

impl Eq for Layer {}

/// Visits every entry below `dir` in archive order; `prefix` is the directory's path (`""` for
/// the root).
pub(crate) fn walk<'a>(dir: &'a DirNode, prefix: &mut String, f: &mut dyn FnMut(&str, &'a Node)) {
    for (name, node) in &dir.children {
        let len = prefix.len();
        prefix.push('/');
        prefix.push_str(name);
        f(prefix, node);
        if let Node::Dir(sub) = node {
            walk(sub, prefix, f);
        }
        prefix.truncate(len);
    }
}

/// Adds `group` to the sorted `groups`; false if it was there already.
fn first_time(groups: &mut Vec<u32>, group: u32) -> bool {
    match groups.binary_search(&group) {
        Ok(_) => false,
        Err(at) => {
            groups.insert(at, group);
            true
        }
    }
}

/// (size, entry count) of a tree, by Docker's rule.
pub(crate) fn tree_size(root: &DirNode) -> (u64, usize) {
    let mut size = 0u64;
    let mut entries = 0usize;
    // Hard-link groups already counted, sorted.
    let mut groups: Vec<u32> = Vec::new();
    let mut prefix = String::new();
    walk(root, &mut prefix, &mut |_, node| {
        entries += 1;
        match node {
            Node::File(f) if f.link_group == 0 || first_time(&mut groups, f.link_group) => {
                size = size.saturating_add(f.content.len());
            }
            Node::Symlink(s) => size = size.saturating_add(s.target.len() as u64),
            _ => {}
        }
    });
    (size, entries)
}

/// The canonical serialization, one record per archive entry (`type NUL path NUL mode NUL uid NUL
/// gid NUL size NUL payload LF`, payload = content hash or link target), hashed. Whiteouts and
/// opaque directories appear as the `.wh.` entries of Docker's layer tars. Modification times are
/// left out, so equal content gives equal IDs.
fn digest(root: &DirNode) -> String {
    if root.children.is_empty() {
        return EMPTY_LAYER_DIFF_ID.to_string();
    }
    let mut hasher = Sha256::new();
    // (hard-link group, path of its first file), sorted by group.
    let mut first_link: Vec<(u32, String)> = Vec::new();
    let mut record = |kind: char, path: &str, meta: Option<&Meta>, size: u64, payload: &str| {
        let m = meta.copied().unwrap_or(Meta::new(0, 0, 0, 0));
        hasher.update(format!("{kind}\0{}\0{:o}\0{}\0{}\0{size}\0{payload}\n", path.trim_start_matches('/'), m.mode, m.uid, m.gid));
    };
    let mut prefix = String::new();
    walk(root, &mut prefix, &mut |path, node| match node {
        Node::File(f) => {
            if f.link_group != 0 {
                match first_link.binary_search_by_key(&f.link_group, |(g, _)| *g) {
                    Ok(at) => {
                        if let Some((_, target)) = first_link.get(at) {
                            record('1', path, Some(&f.meta), 0, target.trim_start_matches('/'));
                            return;
                        }
                    }
                    Err(at) => first_link.insert(at, (f.link_group, path.to_string())),
                }
            }
            record('0', path, Some(&f.meta), f.content.len(), &f.content.hash_hex());
        }
        Node::Dir(d) => {
            record('5', &format!("{path}/"), Some(&d.meta), 0, "");
            if d.opaque {
                record('0', &format!("{path}/.wh..wh..opq"), None, 0, "");
            }
        }
        Node::Symlink(s) => record('2', path, Some(&s.meta), 0, &s.target),
        Node::Whiteout => {
            let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
            record('0', &format!("{dir}/.wh.{name}"), None, 0, "");
        }
    });
    format!("sha256:{}", hex(&hasher.finalize()))
}

/// Builds a layer from paths. Parent directories are created as `root:root 0755`. Paths that are
/// not absolute, or that cross a non-directory, are ignored (builders are fed trusted data).
#[derive(Debug, Clone)]
pub struct LayerBuilder {
    root: DirNode,
    mtime: i64,
    next_group: u32,
}

impl LayerBuilder {
    /// A builder whose entries get modification time `mtime` (seconds since the epoch).
    pub fn new(mtime: i64) -> LayerBuilder {
        LayerBuilder { root: DirNode::default(), mtime, next_group: 0 }
    }

    /// Starts from an existing tree (e.g. a container's upper layer).
    pub fn from_tree(root: DirNode, mtime: i64) -> LayerBuilder {
        let mut max_group = 0;
        let mut prefix = String::new();
        walk(&root, &mut prefix, &mut |_, n| {
            if let Node::File(f) = n {
                max_group = max_group.max(f.link_group);
            }
        });
        LayerBuilder { root, mtime, next_group: max_group }
    }

    pub fn mtime(&self) -> i64 {
        self.mtime
    }

    /// Metadata for a new entry of this builder.
    pub fn meta(&self, mode: u32, uid: u32, gid: u32) -> Meta {
        Meta::new(mode, uid, gid, self.mtime)
    }

    /// The directory at `path`, created (with its parents) if missing.
    fn dir_mut(&mut self, components: &[&str]) -> Option<&mut DirNode> {
        let mtime = self.mtime;
        let mut cur = &mut self.root;
        for name in components {
            let entry = cur.children.get_or_insert_with(name, || Node::Dir(DirNode::new(Meta::new(0o755, 0, 0, mtime))))?;
            if matches!(entry, Node::Whiteout) {
                *entry = Node::Dir(DirNode::new(Meta::new(0o755, 0, 0, mtime)));
            }
            cur = match entry {
                Node::Dir(d) => d,
                _ => return None,
            };
        }
        Some(cur)
    }

    fn split(path: &str) -> Option<(Vec<&str>, &str)> {
        if !path.starts_with('/') {
            return None;
        }
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
        if parts.contains(&"..") {
            return None;
        }
        let name = parts.pop()?;
        Some((parts, name))
    }

    /// Puts `node` at `path`, replacing what was there (a directory replacing a directory keeps
    /// the old children).
    pub fn put(&mut self, path: &str, node: Node) -> &mut Self {
        if let Some((parents, name)) = Self::split(path) {
            if let Some(dir) = self.dir_mut(&parents) {
                match (dir.children.get_mut(name), node) {
                    (Some(Node::Dir(old)), Node::Dir(new)) => {
                        old.meta = new.meta;
                        old.opaque |= new.opaque;
                        for (name, node) in &new.children {
                            old.children.insert(Box::from(name), node.clone());
                        }
                    }
                    (_, node) => {
                        dir.children.insert(Box::from(name), node);
                    }
                }
            }
        }
        self
    }

    /// A directory owned by root.
    pub fn dir(&mut self, path: &str, mode: u32) -> &mut Self {
        self.dir_owned(path, mode, 0, 0)
    }

    pub fn dir_owned(&mut self, path: &str, mode: u32, uid: u32, gid: u32) -> &mut Self {
        let meta = self.meta(mode, uid, gid);
        self.put(path, Node::Dir(DirNode::new(meta)))
    }

    /// A file owned by root.
    pub fn file(&mut self, path: &str, mode: u32, content: Content) -> &mut Self {
        self.file_owned(path, mode, 0, 0, content)
    }

    pub fn file_owned(&mut self, path: &str, mode: u32, uid: u32, gid: u32, content: Content) -> &mut Self {
        let meta = self.meta(mode, uid, gid);
        self.put(path, Node::file(meta, content))
    }

    /// A text file owned by root.
    pub fn text(&mut self, path: &str, mode: u32, text: &str) -> &mut Self {
        self.file(path, mode, Content::text(text))
    }

    /// A symbolic link (mode 0777, root).
    pub fn symlink(&mut self, path: &str, target: &str) -> &mut Self {
        let meta = self.meta(0o777, 0, 0);
        self.put(path, Node::Symlink(SymlinkNode { meta, target: Arc::from(target) }))
    }

    /// A hard link to the file already at `existing` (ignored if there is none).
    pub fn hardlink(&mut self, path: &str, existing: &str) -> &mut Self {
        let Some((parents, name)) = Self::split(existing) else { return self };
        let next = self.next_group + 1;
        let Some(Node::File(file)) = self.dir_mut(&parents).and_then(|d| d.children.get_mut(name)) else {
            return self;
        };
        if file.link_group == 0 {
            file.link_group = next;
        }
        let linked = FileNode { meta: file.meta, content: file.content.clone(), link_group: file.link_group, nlink: 1 };
        if linked.link_group == next {
            self.next_group = next;
        }
        self.put(path, Node::File(linked))
    }

    /// A whiteout: `path` is deleted by this layer.
    pub fn whiteout(&mut self, path: &str) -> &mut Self {
        self.put(path, Node::Whiteout)
    }

    /// Marks the directory at `path` opaque (created if missing).
    pub fn opaque(&mut self, path: &str, mode: u32) -> &mut Self {
        let mut dir = DirNode::new(self.meta(mode, 0, 0));
        dir.opaque = true;
        self.put(path, Node::Dir(dir))
    }

    /// True if the builder has an entry at `path`.
    pub fn contains(&self, path: &str) -> bool {
        let Some((parents, name)) = Self::split(path) else { return false };
        let mut cur = &self.root;
        for p in parents {
            cur = match cur.children.get(p) {
                Some(Node::Dir(d)) => d,
                _ => return false,
            };
        }
        cur.children.contains_key(name)
    }

    /// The size the layer would have now.
    pub fn size(&self) -> u64 {
        tree_size(&self.root).0
    }

    /// The finished layer, with hard-link counts filled in.
    pub fn build(mut self) -> Layer {
        // (hard-link group, files in it), sorted by group.
        let mut counts: Vec<(u32, u32)> = Vec::new();
        let mut prefix = String::new();
        walk(&self.root, &mut prefix, &mut |_, n| {
            if let Node::File(f) = n {
                if f.link_group != 0 {
                    match counts.binary_search_by_key(&f.link_group, |(g, _)| *g) {
                        Ok(at) => {
                            if let Some((_, n)) = counts.get_mut(at) {
                                *n += 1;
                            }
                        }
                        Err(at) => counts.insert(at, (f.link_group, 1)),
                    }
                }
            }
        });
        set_nlinks(&mut self.root, &counts);
        Layer::new(self.root)
    }
}

/// Fills in hard-link counts and drops spare capacity.
fn set_nlinks(dir: &mut DirNode, counts: &[(u32, u32)]) {
    dir.children.shrink_to_fit();
    for node in dir.children.values_mut() {
        match node {
            Node::File(f) if f.link_group != 0 => {
                f.nlink = counts.binary_search_by_key(&f.link_group, |(g, _)| *g).ok().and_then(|at| counts.get(at)).map_or(1, |(_, n)| *n);
            }
            Node::Dir(d) => set_nlinks(d, counts),
            _ => {}
        }
    }
}
