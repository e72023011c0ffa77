//! A container's filesystem as the shell sees it: [`MergedFs`] behind the shell's [`FileTree`]
//! interface, mounted at `/` (the shell's paths are relative to it: `etc/passwd`).

use crate::fs::{Content, MergedFs};
use crate::shell::{EntryKind, FileTree, MAX_STREAM_BYTES};

/// The absolute path of a shell path relative to `/`.
fn abs(path: &str) -> String {
    format!("/{}", path.trim_start_matches('/'))
}

/// A file's content as text: real bytes (invalid UTF-8 replaced), or the start of a size-only
/// file, at most [`MAX_STREAM_BYTES`].
pub fn text_of(content: &Content) -> String {
    String::from_utf8_lossy(&content.prefix(MAX_STREAM_BYTES)).into_owned()
}

impl FileTree for MergedFs {
    fn kind(&self, path: &str) -> Option<EntryKind> {
        self.stat(&abs(path)).ok().map(|s| if s.is_dir() { EntryKind::Dir } else { EntryKind::File })
    }

    fn read(&self, path: &str) -> Option<String> {
        MergedFs::read(self, &abs(path)).ok().map(|c| text_of(&c))
    }

    fn children(&self, dir: &str) -> Vec<(String, EntryKind)> {
        let dir = abs(dir);
        self.list(&dir)
            .map(|entries| {
                entries
                    .into_iter()
                    .map(|e| {
                        // Symlinks count as what they point to.
                        let kind = if e.stat.is_symlink() {
                            let target = if dir == "/" { format!("/{}", e.name) } else { format!("{dir}/{}", e.name) };
                            match self.stat(&target) {
                                Ok(s) if s.is_dir() => EntryKind::Dir,
                                _ => EntryKind::File,
                            }
                        } else if e.stat.is_dir() {
                            EntryKind::Dir
                        } else {
                            EntryKind::File
                        };
                        (e.name, kind)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn write(&mut self, path: &str, content: &str) -> Result<(), String> {
        MergedFs::write(self, &abs(path), content.as_bytes()).map_err(|e| e.errno.strerror().to_string())
    }

    fn remove_file(&mut self, path: &str) -> bool {
        self.remove(&abs(path), false).is_ok()
    }

    fn make_dir(&mut self, path: &str) -> Result<(), String> {
        self.mkdir(&abs(path)).map_err(|e| e.errno.strerror().to_string())
    }

    fn remove_tree(&mut self, path: &str) -> bool {
        self.remove(&abs(path), true).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn the_shell_sees_the_container_from_the_root() {
        let mut fs = MergedFs::new(vec![Arc::new(crate::docker::fixture_rootfs::layer(0))]);
        assert_eq!(FileTree::kind(&fs, ""), Some(EntryKind::Dir));
        assert_eq!(FileTree::kind(&fs, "etc/passwd"), Some(EntryKind::File));
        assert_eq!(FileTree::kind(&fs, "bin/ls"), Some(EntryKind::File), "a symlink to busybox");
        assert!(FileTree::read(&fs, "etc/group").is_some_and(|g| g.starts_with("root:x:0:")));
        let names: Vec<String> = FileTree::children(&fs, "var").into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["www"]);
        assert!(FileTree::write(&mut fs, "tmp/x", "hi\n").is_ok());
        assert_eq!(FileTree::read(&fs, "tmp/x").as_deref(), Some("hi\n"));
        assert_eq!(FileTree::write(&mut fs, "etc", "x"), Err("Is a directory".to_string()));
        assert!(FileTree::make_dir(&mut fs, "data").is_ok());
        assert!(FileTree::remove_tree(&mut fs, "var"));
        assert_eq!(FileTree::kind(&fs, "var/www"), None);
        fs.read_only = true;
        assert_eq!(FileTree::write(&mut fs, "tmp/y", "x"), Err("Read-only file system".to_string()));
    }
}
