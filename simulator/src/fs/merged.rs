//! A container's root filesystem: the image's layers (shared, read-only) under one writable upper
//! layer that records every change with overlayfs' copy-up semantics.

use std::sync::Arc;

use super::errors::{Errno, FsError};
use super::layer::{tree_size, Layer};
use super::node::{Content, DirNode, FileType, Meta, Node, SymlinkNode};
use super::path;
use super::view::{resolve, Child, MergedDir, Resolved, Stat};

/// The largest file the simulator materializes to append to (size-only files beyond this answer
/// `EFBIG`).
pub const MAX_MATERIALIZE: u64 = 1 << 20;

/// Options of [`MergedFs::copy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CopyOptions {
    /// Follow a symlink named as the source (`cp` without `-P`/`-a`).
    pub follow_src: bool,
    /// Keep mode, owner and times (`cp -a`/`-p`); otherwise the copy is owned by the caller and
    /// gets the current time.
    pub preserve: bool,
}

/// Where an entry of the merged view comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The container's writable layer.
    Upper,
    /// A read-only layer, by index in `lowers` (0 is the bottom, as in `Image.layers`).
    Lower(usize),
}

/// One entry of a directory listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub stat: Stat,
}

/// The merged, writable view of a container (or of a build step).
#[derive(Debug, Clone)]
pub struct MergedFs {
    /// Read-only layers, bottom first (as `Image.layers`).
    lowers: Vec<Arc<Layer>>,
    upper: DirNode,
    /// Time given to changed entries, seconds since the epoch.
    pub now: i64,
    /// Owner of new entries.
    pub uid: u32,
    pub gid: u32,
    /// `--read-only`: every change fails with `EROFS`.
    pub read_only: bool,
}

impl MergedFs {
    /// A fresh view over `lowers` (bottom first) with an empty upper layer. Nothing is copied: the
    /// layers are shared.
    pub fn new(lowers: Vec<Arc<Layer>>) -> MergedFs {
        let root_meta = lowers.iter().rev().map(|l| l.root().meta).next().unwrap_or_default();
        MergedFs { lowers, upper: DirNode::new(root_meta), now: 0, uid: 0, gid: 0, read_only: false }
    }

    /// The read-only layers, bottom first.
    pub fn lowers(&self) -> &[Arc<Layer>] {
        &self.lowers
    }

    /// Replaces the read-only layer at `index` (bottom first), keeping the writable layer: the
    /// daemon rewrites a container's `/etc/hosts` at each start. False if there is no such layer.
    pub fn replace_lower(&mut self, index: usize, layer: Arc<Layer>) -> bool {
        match self.lowers.get_mut(index) {
            Some(slot) => {
                *slot = layer;
                true
            }
            None => false,
        }
    }

    /// The writable layer's tree.
    pub fn upper(&self) -> &DirNode {
        &self.upper
    }

    /// Sets the clock used for modification times (seconds since the epoch).
    pub fn set_now(&mut self, secs: i64) {
        self.now = secs;
    }

    fn view(&self) -> MergedDir<'_> {
        MergedDir::root(std::iter::once(&self.upper).chain(self.lowers.iter().rev().map(|l| l.root())))
    }

    fn resolve(&self, path: &str, follow_last: bool) -> Result<Resolved<'_>, FsError> {
        resolve(&self.view(), path, follow_last)
    }

    fn lookup(&self, path: &str, follow_last: bool) -> Result<Resolved<'_>, FsError> {
        let r = self.resolve(path, follow_last)?;
        if r.found.exists() {
            Ok(r)
        } else {
            Err(FsError::new(Errno::NoEnt, path))
        }
    }

    fn writable(&self, path: &str) -> Result<(), FsError> {
        if self.read_only {
            Err(FsError::new(Errno::ReadOnly, path))
        } else {
            Ok(())
        }
    }

    // ---------------------------------------------------------------------------------------
    // Reading

    /// `stat(2)`: follows symlinks.
    pub fn stat(&self, path: &str) -> Result<Stat, FsError> {
        self.lookup(path, true)?.found.stat().ok_or_else(|| FsError::new(Errno::NoEnt, path))
    }

    /// `lstat(2)`: a symlink itself.
    pub fn lstat(&self, path: &str) -> Result<Stat, FsError> {
        self.lookup(path, false)?.found.stat().ok_or_else(|| FsError::new(Errno::NoEnt, path))
    }

    /// True if `path` exists (following symlinks).
    pub fn exists(&self, path: &str) -> bool {
        self.stat(path).is_ok()
    }

    /// Which layer provides the entry at `path` (not following a final symlink): the writable
    /// layer, or a read-only one by its index in [`MergedFs::lowers`]. For a directory, the
    /// topmost layer that has it. Lets the UI show where a file comes from.
    pub fn origin(&self, path: &str) -> Result<Origin, FsError> {
        let r = self.lookup(path, false)?;
        let top = match &r.found {
            Child::Leaf(i, _) => *i,
            Child::Dir(d) => d.parts.first().map_or(0, |(i, _)| *i),
            Child::Missing => return Err(FsError::new(Errno::NoEnt, path)),
        };
        Ok(if top == 0 { Origin::Upper } else { Origin::Lower(self.lowers.len().saturating_sub(top)) })
    }

    /// `realpath`: the canonical absolute path of an existing entry.
    pub fn canonicalize(&self, path: &str) -> Result<String, FsError> {
        Ok(self.lookup(path, true)?.render())
    }

    /// A file's content (`EISDIR` for a directory).
    pub fn read(&self, path: &str) -> Result<Content, FsError> {
        match self.lookup(path, true)?.found {
            Child::Leaf(_, Node::File(f)) => Ok(f.content.clone()),
            Child::Dir(_) => Err(FsError::new(Errno::IsDir, path)),
            _ => Err(FsError::new(Errno::NoEnt, path)),
        }
    }

    /// A file's content as text, if it is real UTF-8 bytes.
    pub fn read_to_string(&self, path: &str) -> Result<Option<String>, FsError> {
        Ok(self.read(path)?.as_str().map(str::to_string))
    }

    /// `readlink(2)` (`EINVAL` when not a symlink).
    pub fn read_link(&self, path: &str) -> Result<String, FsError> {
        match self.lookup(path, false)?.found {
            Child::Leaf(_, Node::Symlink(s)) => Ok(s.target.to_string()),
            _ => Err(FsError::new(Errno::Invalid, path)),
        }
    }

    /// The entries of a directory (following symlinks to it), in byte order, without `.`/`..`.
    pub fn list(&self, path: &str) -> Result<Vec<DirEntry>, FsError> {
        match self.lookup(path, true)?.found {
            Child::Dir(d) => Ok(d
                .entries()
                .into_iter()
                .filter_map(|(name, child)| child.stat().map(|stat| DirEntry { name: name.to_string(), stat }))
                .collect()),
            _ => Err(FsError::new(Errno::NotDir, path)),
        }
    }

    /// Every entry at and below `path` (symlinks not followed below it), parents first, with
    /// absolute canonical paths: for `find`, `du`, `ls -R` and `docker cp` out of a container.
    pub fn walk(&self, path: &str) -> Result<Vec<(String, Stat)>, FsError> {
        let r = self.lookup(path, true)?;
        let mut out = Vec::new();
        let root = r.render();
        fn go(path: &str, child: &Child<'_>, out: &mut Vec<(String, Stat)>) {
            if let Some(stat) = child.stat() {
                out.push((path.to_string(), stat));
            }
            if let Child::Dir(d) = child {
                for (name, c) in d.entries() {
                    let p = if path == "/" { format!("/{name}") } else { format!("{path}/{name}") };
                    go(&p, &c, out);
                }
            }
        }
        go(&root, &r.found, &mut out);
        Ok(out)
    }

    /// The path a shell runs for `program`: a path containing `/` is checked as is, a bare name is
    /// searched in the `:`-separated directories of `path_var`. The result must be a regular file
    /// with an execute bit (after symlinks).
    pub fn which(&self, program: &str, path_var: &str) -> Option<String> {
        if program.is_empty() {
            return None;
        }
        if program.contains('/') {
            return self.stat(program).ok().filter(Stat::is_executable).map(|_| program.to_string());
        }
        path_var
            .split(':')
            .filter(|d| !d.is_empty())
            .map(|d| path::join(d, program))
            .find(|candidate| self.stat(candidate).is_ok_and(|s| s.is_executable()))
    }

    // ---------------------------------------------------------------------------------------
    // Upper-layer plumbing

    /// The upper directory at `components`, copying up missing directories from the lower layers
    /// (with their metadata, as overlayfs does).
    fn upper_dir(&mut self, components: &[String]) -> Result<&mut DirNode, Errno> {
        let lowers = &self.lowers;
        let mut cur = &mut self.upper;
        for (i, name) in components.iter().enumerate() {
            let present = match cur.children.get(name.as_str()) {
                Some(Node::Dir(_)) => true,
                None => false,
                Some(_) => return Err(Errno::NotDir),
            };
            if !present {
                let meta = lower_dir_meta(lowers, components.get(..=i).unwrap_or(&[])).unwrap_or_default();
                cur.children.insert(Box::from(name.as_str()), Node::Dir(DirNode::new(meta)));
            }
            cur = match cur.children.get_mut(name.as_str()) {
                Some(Node::Dir(d)) => d,
                _ => return Err(Errno::NotDir),
            };
        }
        Ok(cur)
    }

    /// Puts `node` under `parent` as `name` in the upper layer. `new_name`: the name did not exist
    /// in the merged view, so the parent directory changes (its time is updated).
    fn put(&mut self, parent: &[String], name: &str, node: Node, new_name: bool, path: &str) -> Result<(), FsError> {
        let now = self.now;
        let dir = self.upper_dir(parent).map_err(|e| FsError::new(e, path))?;
        dir.children.insert(Box::from(name), node);
        if new_name {
            dir.meta.mtime = now;
        }
        Ok(())
    }

    /// Removes `name` from the merged view: a whiteout if a lower layer still shows it.
    fn unlink(&mut self, parent: &[String], name: &str, lower_visible: bool, path: &str) -> Result<(), FsError> {
        let now = self.now;
        let dir = self.upper_dir(parent).map_err(|e| FsError::new(e, path))?;
        if lower_visible {
            dir.children.insert(Box::from(name), Node::Whiteout);
        } else {
            dir.children.remove(name);
        }
        dir.meta.mtime = now;
        Ok(())
    }

    /// Applies `f` to the upper copy of an existing entry, copying it up first.
    fn modify(&mut self, path: &str, follow: bool, f: impl FnOnce(&mut Node)) -> Result<(), FsError> {
        let r = self.lookup(path, follow)?;
        self.writable(path)?;
        let Some(name) = r.name().map(str::to_string) else {
            // The root directory: its metadata lives in the upper root.
            let mut node = Node::Dir(std::mem::take(&mut self.upper));
            f(&mut node);
            if let Node::Dir(d) = node {
                self.upper = d;
            }
            return Ok(());
        };
        let parent = r.parent_components().to_vec();
        let copied = match &r.found {
            Child::Dir(d) => Node::Dir(DirNode::new(d.meta())),
            other => other.materialize().ok_or_else(|| FsError::new(Errno::NoEnt, path))?,
        };
        drop(r);
        let dir = self.upper_dir(&parent).map_err(|e| FsError::new(e, path))?;
        let entry = match dir.children.get_mut(name.as_str()) {
            Some(existing @ (Node::File(_) | Node::Symlink(_) | Node::Dir(_))) => existing,
            _ => {
                dir.children.insert(Box::from(name.as_str()), copied);
                dir.children.get_mut(name.as_str()).ok_or_else(|| FsError::new(Errno::NoEnt, path))?
            }
        };
        f(entry);
        Ok(())
    }

    // ---------------------------------------------------------------------------------------
    // Writing

    /// Creates or truncates a file and writes `data` (`echo … > path`).
    pub fn write(&mut self, path: &str, data: &[u8]) -> Result<(), FsError> {
        self.write_content(path, Content::bytes(data), None)
    }

    /// Appends `data` to a file, creating it if needed (`echo … >> path`).
    pub fn append(&mut self, path: &str, data: &[u8]) -> Result<(), FsError> {
        let existing = match self.read(path) {
            Ok(c) => Some(c),
            Err(e) if e.errno == Errno::NoEnt => None,
            Err(e) => return Err(e),
        };
        match existing {
            None => self.write(path, data),
            Some(c) => {
                let total = c.len().saturating_add(data.len() as u64);
                if c.is_synthetic() && total > MAX_MATERIALIZE {
                    return Err(FsError::new(Errno::FileTooLarge, path));
                }
                let mut bytes = c.prefix(usize::try_from(c.len()).unwrap_or(usize::MAX)).into_owned();
                bytes.extend_from_slice(data);
                self.write_content(path, Content::Bytes(Arc::from(bytes)), None)
            }
        }
    }

    /// Creates or replaces a file's content (following symlinks), e.g. a size-only file a package
    /// manager installs. `mode` applies to a new file (default `0644`); an existing file keeps its
    /// metadata.
    pub fn write_content(&mut self, path: &str, content: Content, mode: Option<u32>) -> Result<(), FsError> {
        let r = self.resolve(path, true)?;
        match &r.found {
            Child::Dir(_) => return Err(FsError::new(Errno::IsDir, path)),
            Child::Missing if r.trailing_slash => return Err(FsError::new(Errno::IsDir, path)),
            _ => {}
        }
        self.writable(path)?;
        let Some(name) = r.name().map(str::to_string) else { return Err(FsError::new(Errno::IsDir, path)) };
        let parent = r.parent_components().to_vec();
        let (meta, new_name) = match &r.found {
            Child::Leaf(_, Node::File(f)) => (Meta { mtime: self.now, ..f.meta }, false),
            _ => (Meta::new(mode.unwrap_or(0o644), self.uid, self.gid, self.now), true),
        };
        drop(r);
        self.put(&parent, &name, Node::file(meta, content), new_name, path)
    }

    /// `mkdir` (mode `0755`): `EEXIST` if the name exists.
    pub fn mkdir(&mut self, path: &str) -> Result<(), FsError> {
        self.mkdir_mode(path, 0o755)
    }

    pub fn mkdir_mode(&mut self, path: &str, mode: u32) -> Result<(), FsError> {
        let r = self.resolve(path, false)?;
        if r.found.exists() {
            return Err(FsError::new(Errno::Exist, path));
        }
        self.writable(path)?;
        let Some(name) = r.name().map(str::to_string) else { return Err(FsError::new(Errno::Exist, path)) };
        let parent = r.parent_components().to_vec();
        let lower_visible = r.parent.child_from(&name, 1).exists();
        drop(r);
        let mut dir = DirNode::new(Meta::new(mode, self.uid, self.gid, self.now));
        // A directory made where a lower layer's entry was deleted must hide that entry's children.
        dir.opaque = lower_visible;
        self.put(&parent, &name, Node::Dir(dir), true, path)
    }

    /// `mkdir -p`: makes every missing directory; existing directories are fine.
    pub fn mkdir_all(&mut self, path: &str) -> Result<(), FsError> {
        let split = path::split(path)?;
        let absolute = path.starts_with('/');
        let mut prefix = String::new();
        let count = split.components.len();
        for (i, c) in split.components.iter().enumerate() {
            if absolute || i > 0 {
                prefix.push('/');
            }
            prefix.push_str(c);
            match self.stat(&prefix) {
                Ok(s) if s.is_dir() => continue,
                Ok(_) => return Err(FsError::new(if i + 1 == count { Errno::Exist } else { Errno::NotDir }, path)),
                Err(e) if e.errno == Errno::NoEnt => self.mkdir(&prefix).map_err(|e| FsError::new(e.errno, path))?,
                Err(e) => return Err(FsError::new(e.errno, path)),
            }
        }
        Ok(())
    }

    /// `ln -s target path`.
    pub fn symlink(&mut self, target: &str, path: &str) -> Result<(), FsError> {
        if target.is_empty() {
            return Err(FsError::new(Errno::NoEnt, path));
        }
        let r = self.resolve(path, false)?;
        if r.found.exists() {
            return Err(FsError::new(Errno::Exist, path));
        }
        self.writable(path)?;
        let Some(name) = r.name().map(str::to_string) else { return Err(FsError::new(Errno::Exist, path)) };
        let parent = r.parent_components().to_vec();
        drop(r);
        let meta = Meta::new(0o777, self.uid, self.gid, self.now);
        self.put(&parent, &name, Node::Symlink(SymlinkNode { meta, target: Arc::from(target) }), true, path)
    }

    /// `rm` (with `recursive`, `rm -r`): a directory without `recursive` is `EISDIR`. The entry
    /// itself is removed, never a symlink's target.
    pub fn remove(&mut self, path: &str, recursive: bool) -> Result<(), FsError> {
        if matches!(path.trim_end_matches('/').rsplit('/').next(), Some("." | "..")) {
            return Err(FsError::new(Errno::Invalid, path));
        }
        let r = self.lookup(path, false)?;
        let Some(name) = r.name().map(str::to_string) else { return Err(FsError::new(Errno::Busy, path)) };
        if r.found.is_dir() && !recursive {
            return Err(FsError::new(Errno::IsDir, path));
        }
        self.writable(path)?;
        let parent = r.parent_components().to_vec();
        let lower_visible = r.parent.child_from(&name, 1).exists();
        drop(r);
        self.unlink(&parent, &name, lower_visible, path)
    }

    /// `rmdir`: only empty directories.
    pub fn rmdir(&mut self, path: &str) -> Result<(), FsError> {
        let r = self.lookup(path, false)?;
        let Some(name) = r.name().map(str::to_string) else { return Err(FsError::new(Errno::Busy, path)) };
        match &r.found {
            Child::Dir(d) if !d.is_empty() => return Err(FsError::new(Errno::NotEmpty, path)),
            Child::Dir(_) => {}
            _ => return Err(FsError::new(Errno::NotDir, path)),
        }
        self.writable(path)?;
        let parent = r.parent_components().to_vec();
        let lower_visible = r.parent.child_from(&name, 1).exists();
        drop(r);
        self.unlink(&parent, &name, lower_visible, path)
    }

    /// `rename(2)` (what `mv` does within one filesystem): `dst` is the new name, replaced if it
    /// exists and is compatible. A directory from a lower layer is copied up whole, as overlayfs
    /// makes `mv` do.
    pub fn rename(&mut self, src: &str, dst: &str) -> Result<(), FsError> {
        let s = self.lookup(src, false)?;
        let d = self.resolve(dst, false)?;
        let (Some(src_name), Some(dst_name)) = (s.name().map(str::to_string), d.name().map(str::to_string)) else {
            return Err(FsError::new(Errno::Busy, if s.components.is_empty() { src } else { dst }));
        };
        if s.components == d.components {
            return Ok(());
        }
        if s.found.is_dir() && d.components.starts_with(&s.components) {
            return Err(FsError::new(Errno::Invalid, dst));
        }
        match (&s.found, &d.found) {
            (Child::Dir(_), Child::Leaf(..)) => return Err(FsError::new(Errno::NotDir, dst)),
            (Child::Leaf(..), Child::Dir(_)) => return Err(FsError::new(Errno::IsDir, dst)),
            (Child::Dir(_), Child::Dir(dd)) if !dd.is_empty() => return Err(FsError::new(Errno::NotEmpty, dst)),
            _ => {}
        }
        self.writable(src)?;
        let mut node = s.found.materialize().ok_or_else(|| FsError::new(Errno::NoEnt, src))?;
        let src_parent = s.parent_components().to_vec();
        let dst_parent = d.parent_components().to_vec();
        let src_lower = s.parent.child_from(&src_name, 1).exists();
        let dst_lower = d.parent.child_from(&dst_name, 1).exists();
        drop((s, d));
        if let Node::Dir(dir) = &mut node {
            dir.opaque = dst_lower;
        }
        self.unlink(&src_parent, &src_name, src_lower, src)?;
        self.put(&dst_parent, &dst_name, node, true, dst)
    }

    /// Copies `src` to `dst` (`cp`, `cp -r`; `dst` is the final name). Copying a directory onto an
    /// existing directory merges into it; a file onto an existing file replaces its content.
    pub fn copy(&mut self, src: &str, dst: &str, opts: CopyOptions) -> Result<(), FsError> {
        let s = self.lookup(src, opts.follow_src)?;
        let d = self.resolve(dst, true)?;
        if s.found.is_dir() && d.components.starts_with(&s.components) {
            return Err(FsError::new(Errno::Invalid, dst));
        }
        match (&s.found, &d.found) {
            (Child::Dir(_), Child::Dir(_)) => {
                let names: Vec<String> = match &s.found {
                    Child::Dir(sd) => sd.names().into_iter().map(str::to_string).collect(),
                    _ => Vec::new(),
                };
                let (src_canon, dst_canon) = (s.render(), d.render());
                drop((s, d));
                for name in names {
                    let child_opts = CopyOptions { follow_src: false, ..opts };
                    self.copy(&path::join(&src_canon, &name), &path::join(&dst_canon, &name), child_opts)?;
                }
                Ok(())
            }
            (Child::Leaf(..), Child::Dir(_)) => Err(FsError::new(Errno::IsDir, dst)),
            (Child::Dir(_), Child::Leaf(..)) => Err(FsError::new(Errno::NotDir, dst)),
            (Child::Leaf(_, Node::File(sf)), Child::Leaf(_, Node::File(df))) => {
                let meta = if opts.preserve { sf.meta } else { Meta { mtime: self.now, ..df.meta } };
                let content = sf.content.clone();
                let parent = d.parent_components().to_vec();
                let name = d.name().map(str::to_string).unwrap_or_default();
                drop((s, d));
                self.writable(dst)?;
                self.put(&parent, &name, Node::file(meta, content), false, dst)
            }
            _ => {
                if d.found.is_dir() || (d.trailing_slash && !s.found.is_dir()) {
                    return Err(FsError::new(Errno::NotDir, dst));
                }
                self.writable(dst)?;
                let Some(name) = d.name().map(str::to_string) else { return Err(FsError::new(Errno::Exist, dst)) };
                let mut node = s.found.materialize().ok_or_else(|| FsError::new(Errno::NoEnt, src))?;
                let parent = d.parent_components().to_vec();
                let lower_visible = d.parent.child_from(&name, 1).exists();
                let new_name = !d.found.exists();
                drop((s, d));
                if let Node::Dir(dir) = &mut node {
                    dir.opaque = lower_visible;
                }
                if !opts.preserve {
                    restamp(&mut node, Meta::new(0, self.uid, self.gid, self.now));
                }
                self.put(&parent, &name, node, new_name, dst)
            }
        }
    }

    /// `chmod` (follows symlinks).
    pub fn chmod(&mut self, path: &str, mode: u32) -> Result<(), FsError> {
        self.modify(path, true, |n| {
            if let Some(m) = n.meta_mut() {
                m.mode = mode & 0o7777;
            }
        })
    }

    /// `chown` (follows symlinks).
    pub fn chown(&mut self, path: &str, uid: u32, gid: u32) -> Result<(), FsError> {
        self.modify(path, true, |n| {
            if let Some(m) = n.meta_mut() {
                m.uid = uid;
                m.gid = gid;
            }
        })
    }

    /// `touch`: updates the time of an existing entry (copying it up) or creates an empty file.
    pub fn touch(&mut self, path: &str) -> Result<(), FsError> {
        let r = self.resolve(path, true)?;
        if r.found.exists() {
            drop(r);
            let now = self.now;
            self.modify(path, true, |n| {
                if let Some(m) = n.meta_mut() {
                    m.mtime = now;
                }
            })
        } else {
            if r.trailing_slash {
                return Err(FsError::new(Errno::IsDir, path));
            }
            drop(r);
            self.write_content(path, Content::bytes(&[]), None)
        }
    }

    // ---------------------------------------------------------------------------------------
    // Layers

    /// Bytes in the writable layer (`docker ps -s`'s first number), counted as Docker counts a
    /// layer.
    pub fn upper_size(&self) -> u64 {
        tree_size(&self.upper).0
    }

    /// The upper layer plus the image (`docker ps -s`'s "virtual" size).
    pub fn virtual_size(&self) -> u64 {
        self.lowers.iter().map(|l| l.size()).sum::<u64>().saturating_add(self.upper_size())
    }

    /// `docker commit`: the writable layer as a new immutable layer (the container keeps its
    /// view; a new container on `lowers + [layer]` sees the same files). When nothing changed the
    /// layer is empty ([`Layer::is_empty`]) and Docker 28 adds no layer at all: the image keeps
    /// the parent's layers and the history entry is an empty layer (`0B`).
    pub fn commit(&self) -> Layer {
        let mut root = self.upper.clone();
        root.meta = Meta::default();
        Layer::new(root)
    }

    /// The whole merged tree as one layer (`docker export`, squashing).
    pub fn flatten(&self) -> Layer {
        match Child::Dir(self.view()).materialize() {
            Some(Node::Dir(d)) => Layer::new(d),
            _ => Layer::empty(),
        }
    }

    /// The heap bytes the writable layer and its bookkeeping use (what a container costs beyond
    /// the shared image): directory slots, names, file bytes, symlink targets.
    pub fn heap_bytes(&self) -> usize {
        fn dir_bytes(d: &DirNode) -> usize {
            d.children.capacity() * std::mem::size_of::<(Box<str>, Node)>()
                + d.children
                .iter()
                .map(|(name, node)| {
                    name.len()
                        + match node {
                            Node::Dir(sub) => dir_bytes(sub),
                            Node::File(f) => match &f.content {
                                Content::Bytes(b) => b.len() + 16,
                                Content::Synthetic { .. } => 0,
                            },
                            Node::Symlink(s) => s.target.len() + 16,
                            Node::Whiteout => 0,
                        }
                })
                .sum::<usize>()
        }
        std::mem::size_of::<Self>() + self.lowers.capacity() * std::mem::size_of::<Arc<Layer>>() + dir_bytes(&self.upper)
    }
}

/// The metadata of the directory at `components` in the lower layers' merged view.
fn lower_dir_meta(lowers: &[Arc<Layer>], components: &[String]) -> Option<Meta> {
    let mut cur = MergedDir::root(lowers.iter().rev().map(|l| l.root()));
    for c in components {
        cur = match cur.child(c) {
            Child::Dir(d) => d,
            _ => return None,
        };
    }
    Some(cur.meta())
}

/// Gives every entry of a copied tree the caller's owner and the current time (modes are kept).
fn restamp(node: &mut Node, stamp: Meta) {
    if let Some(m) = node.meta_mut() {
        m.uid = stamp.uid;
        m.gid = stamp.gid;
        m.mtime = stamp.mtime;
    }
    if let Node::Dir(d) = node {
        for child in d.children.values_mut() {
            restamp(child, stamp);
        }
    }
}

impl FileType {
    /// The letter `find -type` and `stat` use.
    pub fn letter(self) -> char {
        match self {
            FileType::File => 'f',
            FileType::Dir => 'd',
            FileType::Symlink => 'l',
        }
    }
}
