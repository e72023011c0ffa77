//! The layered filesystem of images and containers, as overlayfs builds it.
//!
//! An image is an ordered stack of immutable [`Layer`]s (files, directories, symlinks with mode,
//! owner, size and time; whiteouts and opaque directories), shared through `Arc` and never copied.
//! A container adds one writable upper layer: [`MergedFs`] resolves every lookup top-down and
//! records every change in the upper layer with copy-up semantics. [`MergedFs::diff`] lists the
//! changes as `docker diff` does, [`MergedFs::commit`] turns them into a new layer.
//!
//! File content is either real bytes (`Arc<[u8]>`, shared) or size-only synthetic content generated
//! from a seed, so a 100 MB library costs a few bytes. Layer digests are the sha256 of a canonical
//! serialization of the content: equal content gives equal IDs.
//!
//! Errors carry the C library's error numbers ([`Errno`]); the shell prints `strerror` after its
//! own prefix.

mod diff;
mod errors;
mod init;
mod layer;
mod merged;
mod node;
pub mod path;
mod view;

#[cfg(test)]
mod tests;

pub use diff::{Change, ChangeKind};
pub use errors::{Errno, FsError};
pub use init::init_layer;
pub use layer::{Layer, LayerBuilder, EMPTY_LAYER_DIFF_ID};
pub use merged::{CopyOptions, DirEntry, MergedFs, Origin, MAX_MATERIALIZE};
pub use node::{Content, DirNode, FileNode, FileType, Meta, Node, SymlinkNode, SyntheticKind};
pub use view::{Stat, DIR_SIZE};
