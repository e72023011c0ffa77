//! The entries a layer holds: files (real bytes or size-only synthetic content), directories,
//! symlinks and whiteouts, with their metadata.

use std::borrow::Cow;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::ids::hex;

/// Owner, permissions and modification time of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Meta {
    /// Permission bits, including setuid/setgid/sticky (`0o7777` at most); the type is the node's.
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    /// Seconds since the Unix epoch.
    pub mtime: i64,
}

impl Meta {
    pub const fn new(mode: u32, uid: u32, gid: u32, mtime: i64) -> Meta {
        Meta { mode: mode & 0o7777, uid, gid, mtime }
    }
}

/// How the bytes of a size-only file look when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyntheticKind {
    /// An ELF executable or shared library (starts with an ELF header).
    Elf,
    /// Opaque data (archives, databases, locale data).
    Data,
}

/// What a regular file contains.
#[derive(Clone, PartialEq, Eq)]
pub enum Content {
    /// Real bytes, shared between every layer and container that holds them.
    Bytes(Arc<[u8]>),
    /// A file of `size` bytes whose content is generated from `seed` when read: a 100 MB library
    /// costs a few bytes of memory.
    Synthetic { size: u64, seed: u64, kind: SyntheticKind },
}

impl std::fmt::Debug for Content {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Content::Bytes(b) => match std::str::from_utf8(b) {
                Ok(s) if s.len() <= 64 => write!(f, "Bytes({s:?})"),
                _ => write!(f, "Bytes({} bytes)", b.len()),
            },
            Content::Synthetic { size, seed, kind } => write!(f, "Synthetic({kind:?}, {size} bytes, seed {seed})"),
        }
    }
}

/// A deterministic byte generator (splitmix64).
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The first bytes of an x86-64 ELF shared object/executable.
const ELF_HEADER: [u8; 20] = [
    0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0,
];

impl Content {
    pub fn text(s: &str) -> Content {
        Content::Bytes(Arc::from(s.as_bytes()))
    }

    pub fn bytes(b: &[u8]) -> Content {
        Content::Bytes(Arc::from(b))
    }

    /// Size in bytes.
    pub fn len(&self) -> u64 {
        match self {
            Content::Bytes(b) => b.len() as u64,
            Content::Synthetic { size, .. } => *size,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True for size-only content.
    pub fn is_synthetic(&self) -> bool {
        matches!(self, Content::Synthetic { .. })
    }

    /// The first `max` bytes (all of them if the file is smaller). Real bytes are borrowed;
    /// synthetic ones are generated.
    pub fn prefix(&self, max: usize) -> Cow<'_, [u8]> {
        match self {
            Content::Bytes(b) => Cow::Borrowed(b.get(..max.min(b.len())).unwrap_or(b)),
            Content::Synthetic { size, seed, kind } => {
                let n = usize::try_from(*size).unwrap_or(usize::MAX).min(max);
                let mut out = Vec::with_capacity(n);
                if *kind == SyntheticKind::Elf {
                    out.extend(ELF_HEADER.iter().take(n));
                }
                let mut state = *seed;
                while out.len() < n {
                    let word = splitmix(&mut state).to_le_bytes();
                    let take = (n - out.len()).min(word.len());
                    out.extend(word.iter().take(take));
                }
                Cow::Owned(out)
            }
        }
    }

    /// The bytes if the file is at most `max` bytes long.
    pub fn read_all(&self, max: usize) -> Option<Cow<'_, [u8]>> {
        (self.len() <= max as u64).then(|| self.prefix(max))
    }

    /// The content as text when it is real bytes of valid UTF-8.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Content::Bytes(b) => std::str::from_utf8(b).ok(),
            Content::Synthetic { .. } => None,
        }
    }

    /// Lower-case hex of a hash identifying the content: the sha256 of the bytes for real
    /// content, of a descriptor for synthetic content (hashing 100 MB is not an option in wasm).
    pub fn hash_hex(&self) -> String {
        match self {
            Content::Bytes(b) => hex(&Sha256::digest(b)),
            Content::Synthetic { size, seed, kind } => {
                hex(&Sha256::digest(format!("synthetic\0{kind:?}\0{size}\0{seed}").as_bytes()))
            }
        }
    }
}

/// A regular file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileNode {
    pub meta: Meta,
    pub content: Content,
    /// Hard-link group within its layer (0: not hard-linked). Files of one group share content
    /// and count once in the layer's size.
    pub link_group: u32,
    /// Number of names of this file (`ls -l`'s second column).
    pub nlink: u32,
}

/// A directory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DirNode {
    pub meta: Meta,
    /// Overlayfs' opaque directory (`.wh..wh..opq`): hides the same directory of lower layers.
    pub opaque: bool,
    pub children: Children,
}

/// The entries of a directory, sorted by name in byte order: a sorted vector, so a directory
/// with one entry costs one entry (a container's upper layer is mostly such directories).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Children(Vec<(Box<str>, Node)>);

impl Children {
    pub fn new() -> Children {
        Children(Vec::new())
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| (**k).cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<&Node> {
        self.find(name).ok().and_then(|i| self.0.get(i)).map(|(_, n)| n)
    }

    pub fn get_mut(&mut self, name: &str) -> Option<&mut Node> {
        let i = self.find(name).ok()?;
        self.0.get_mut(i).map(|(_, n)| n)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Inserts or replaces; returns the replaced entry.
    pub fn insert(&mut self, name: Box<str>, node: Node) -> Option<Node> {
        match self.find(&name) {
            Ok(i) => self.0.get_mut(i).map(|slot| std::mem::replace(&mut slot.1, node)),
            Err(i) => {
                // Small directories grow one slot at a time: no spare capacity to pay for.
                if self.0.len() == self.0.capacity() && self.0.len() < 8 {
                    self.0.reserve_exact(1);
                }
                self.0.insert(i.min(self.0.len()), (name, node));
                None
            }
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<Node> {
        let i = self.find(name).ok()?;
        (i < self.0.len()).then(|| self.0.remove(i).1)
    }

    /// The entry `name`, inserted with `f` if missing.
    pub fn get_or_insert_with(&mut self, name: &str, f: impl FnOnce() -> Node) -> Option<&mut Node> {
        if !self.contains_key(name) {
            self.insert(Box::from(name), f());
        }
        self.get_mut(name)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Slots allocated (for memory accounting).
    pub fn capacity(&self) -> usize {
        self.0.capacity()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Node)> {
        self.0.iter().map(|(k, n)| (&**k, n))
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Node> {
        self.0.iter_mut().map(|(_, n)| n)
    }

    /// Drops spare capacity (layers are immutable once built).
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }
}

impl<'a> IntoIterator for &'a Children {
    type Item = (&'a str, &'a Node);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (Box<str>, Node)>, fn(&'a (Box<str>, Node)) -> (&'a str, &'a Node)>;

    fn into_iter(self) -> Self::IntoIter {
        fn pair((k, n): &(Box<str>, Node)) -> (&str, &Node) {
            (k, n)
        }
        self.0.iter().map(pair as fn(&'a (Box<str>, Node)) -> (&'a str, &'a Node))
    }
}

impl Default for Meta {
    fn default() -> Self {
        Meta::new(0o755, 0, 0, 0)
    }
}

impl DirNode {
    pub fn new(meta: Meta) -> DirNode {
        DirNode { meta, opaque: false, children: Children::new() }
    }
}

/// A symbolic link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymlinkNode {
    pub meta: Meta,
    pub target: Arc<str>,
}

/// One entry of a layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    File(FileNode),
    Dir(DirNode),
    Symlink(SymlinkNode),
    /// Overlayfs' whiteout (`.wh.<name>` in a layer tar): the name is deleted in this layer.
    Whiteout,
}

/// The type of a visible entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileType {
    File,
    Dir,
    Symlink,
}

impl Node {
    pub fn file(meta: Meta, content: Content) -> Node {
        Node::File(FileNode { meta, content, link_group: 0, nlink: 1 })
    }

    pub fn symlink(meta: Meta, target: &str) -> Node {
        Node::Symlink(SymlinkNode { meta, target: Arc::from(target) })
    }

    pub fn meta(&self) -> Option<&Meta> {
        match self {
            Node::File(f) => Some(&f.meta),
            Node::Dir(d) => Some(&d.meta),
            Node::Symlink(s) => Some(&s.meta),
            Node::Whiteout => None,
        }
    }

    pub fn meta_mut(&mut self) -> Option<&mut Meta> {
        match self {
            Node::File(f) => Some(&mut f.meta),
            Node::Dir(d) => Some(&mut d.meta),
            Node::Symlink(s) => Some(&mut s.meta),
            Node::Whiteout => None,
        }
    }

    pub fn file_type(&self) -> Option<FileType> {
        match self {
            Node::File(_) => Some(FileType::File),
            Node::Dir(_) => Some(FileType::Dir),
            Node::Symlink(_) => Some(FileType::Symlink),
            Node::Whiteout => None,
        }
    }
}
