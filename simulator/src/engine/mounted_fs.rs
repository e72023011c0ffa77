//! What a process inside a container sees: the container's root filesystem with volumes, bind
//! mounts and tmpfs mounted over some of its directories. Every path is routed to the
//! filesystem mounted at the longest matching mount point; writes under a read-only mount fail
//! with `EROFS`. The mounts' files are never part of the container's layer (`docker diff`,
//! `docker commit`, `docker ps -s` ignore them, as in Docker).

use crate::fs::{path, Content, CopyOptions, DirEntry, Errno, FsError, MergedFs, Stat};
use crate::shell::{EntryKind, FileTree};

/// A filesystem mounted at `target`.
pub struct Mount<'a> {
    /// Absolute, clean path of the mount point.
    pub target: String,
    pub fs: &'a mut MergedFs,
    pub read_only: bool,
    /// A single file is mounted at `target` (it is `/file` in `fs`).
    pub file: bool,
}

/// A container's root filesystem plus its mounts.
pub struct View<'a> {
    pub root: &'a mut MergedFs,
    pub mounts: Vec<Mount<'a>>,
}

/// Which filesystem a path lives in: the root (`None`) or a mount (its index), and the path there.
type Route = (Option<usize>, String);

impl<'a> View<'a> {
    /// The root filesystem alone (no mounts).
    pub fn plain(root: &'a mut MergedFs) -> View<'a> {
        View { root, mounts: Vec::new() }
    }

    /// Sets the clock and the owner of new entries in every mounted filesystem.
    pub fn set_context(&mut self, now: i64, uid: u32, gid: u32) {
        for fs in std::iter::once(&mut *self.root).chain(self.mounts.iter_mut().map(|m| &mut *m.fs)) {
            fs.now = now;
            fs.uid = uid;
            fs.gid = gid;
        }
    }

    /// The container's root filesystem (its layers, users, userland).
    pub fn root(&self) -> &MergedFs {
        self.root
    }

    fn route(&self, p: &str) -> Route {
        let clean = path::clean("/", p);
        let mut best: Option<(usize, usize)> = None;
        for (i, m) in self.mounts.iter().enumerate() {
            let inside = clean == m.target || (m.target == "/" || clean.starts_with(&format!("{}/", m.target)));
            if inside && best.is_none_or(|(_, len)| m.target.len() > len) {
                best = Some((i, m.target.len()));
            }
        }
        match best {
            Some((i, _)) if self.mounts.get(i).is_some_and(|m| m.file) => {
                if clean == self.mounts.get(i).map_or("", |m| m.target.as_str()) {
                    (Some(i), crate::engine::container_view::BIND_FILE.to_string())
                } else {
                    // Nothing lives below a file.
                    (Some(i), format!("{}{}", crate::engine::container_view::BIND_FILE, clean.get(self.mounts.get(i).map_or(0, |m| m.target.len())..).unwrap_or("")))
                }
            }
            Some((i, len)) => {
                let rest = clean.get(len..).unwrap_or("");
                let inner = if rest.is_empty() { "/".to_string() } else { rest.to_string() };
                // Keep a trailing slash: it matters to the calls (`echo > /dir/`).
                let inner = if p.ends_with('/') && inner != "/" { format!("{inner}/") } else { inner };
                (Some(i), inner)
            }
            None => (None, p.to_string()),
        }
    }

    fn fs_of(&self, route: &Route) -> &MergedFs {
        match route.0.and_then(|i| self.mounts.get(i)) {
            Some(m) => m.fs,
            None => self.root,
        }
    }

    /// The filesystem a write goes to, or `EROFS` under a read-only mount.
    fn fs_mut(&mut self, route: &Route, shown: &str) -> Result<&mut MergedFs, FsError> {
        match route.0 {
            Some(i) => match self.mounts.get_mut(i) {
                Some(m) if m.read_only => Err(FsError::new(Errno::ReadOnly, shown)),
                Some(m) => Ok(&mut *m.fs),
                None => Ok(&mut *self.root),
            },
            None => Ok(&mut *self.root),
        }
    }

    fn outer(&self, route: &Route, inner: String) -> String {
        match route.0.and_then(|i| self.mounts.get(i)) {
            Some(m) if m.file => m.target.clone(),
            Some(m) if inner == "/" => m.target.clone(),
            Some(m) if m.target == "/" => inner,
            Some(m) => format!("{}{inner}", m.target),
            None => inner,
        }
    }

    fn fix<T>(r: Result<T, FsError>, shown: &str) -> Result<T, FsError> {
        r.map_err(|e| FsError::new(e.errno, shown))
    }

    // -----------------------------------------------------------------------------------------
    // Reading

    pub fn stat(&self, p: &str) -> Result<Stat, FsError> {
        let r = self.route(p);
        Self::fix(self.fs_of(&r).stat(&r.1), p)
    }

    pub fn lstat(&self, p: &str) -> Result<Stat, FsError> {
        let r = self.route(p);
        Self::fix(self.fs_of(&r).lstat(&r.1), p)
    }

    pub fn exists(&self, p: &str) -> bool {
        self.stat(p).is_ok()
    }

    pub fn canonicalize(&self, p: &str) -> Result<String, FsError> {
        let r = self.route(p);
        let inner = Self::fix(self.fs_of(&r).canonicalize(&r.1), p)?;
        Ok(self.outer(&r, inner))
    }

    pub fn read(&self, p: &str) -> Result<Content, FsError> {
        let r = self.route(p);
        Self::fix(self.fs_of(&r).read(&r.1), p)
    }

    pub fn read_to_string(&self, p: &str) -> Result<Option<String>, FsError> {
        let r = self.route(p);
        Self::fix(self.fs_of(&r).read_to_string(&r.1), p)
    }

    pub fn list(&self, p: &str) -> Result<Vec<DirEntry>, FsError> {
        let r = self.route(p);
        let mut entries = Self::fix(self.fs_of(&r).list(&r.1), p)?;
        // A mount point shows its mounted filesystem's root.
        let dir = self.outer(&r, path::clean("/", &r.1));
        for e in &mut entries {
            let child = path::join(&dir, &e.name);
            if let Some(m) = self.mounts.iter().find(|m| m.target == child) {
                if let Ok(s) = m.fs.stat(if m.file { crate::engine::container_view::BIND_FILE } else { "/" }) {
                    e.stat = s;
                }
            }
        }
        Ok(entries)
    }

    /// Every entry at and below `p`, parents first, mounts spliced in at their mount points.
    pub fn walk(&self, p: &str) -> Result<Vec<(String, Stat)>, FsError> {
        let r = self.route(p);
        let inner = Self::fix(self.fs_of(&r).walk(&r.1), p)?;
        let mut out: Vec<(String, Stat)> = inner.into_iter().map(|(q, s)| (self.outer(&r, q), s)).collect();
        let own = r.0;
        for (i, m) in self.mounts.iter().enumerate() {
            if Some(i) == own {
                continue;
            }
            let Some(pos) = out.iter().position(|(q, _)| *q == m.target) else { continue };
            let below = format!("{}/", m.target);
            out.retain(|(q, _)| !q.starts_with(&below));
            let spliced: Vec<(String, Stat)> = if m.file {
                m.fs.stat(crate::engine::container_view::BIND_FILE).map(|s| vec![(m.target.clone(), s)]).unwrap_or_default()
            } else {
                let Ok(mounted) = m.fs.walk("/") else { continue };
                mounted.into_iter().map(|(q, s)| (if q == "/" { m.target.clone() } else { format!("{}{q}", m.target) }, s)).collect()
            };
            let pos = out.iter().position(|(q, _)| *q == m.target).unwrap_or(pos);
            out.splice(pos..=pos.min(out.len().saturating_sub(1)), spliced);
        }
        Ok(out)
    }

    /// The path a shell runs for `program` (see [`MergedFs::which`]), mounts included.
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

    /// Bytes in the container's writable layer (mounts excluded).
    pub fn upper_size(&self) -> u64 {
        self.root.upper_size()
    }

    /// The image plus the writable layer.
    pub fn virtual_size(&self) -> u64 {
        self.root.virtual_size()
    }

    // -----------------------------------------------------------------------------------------
    // Writing

    pub fn write(&mut self, p: &str, data: &[u8]) -> Result<(), FsError> {
        let r = self.route(p);
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.write(&r.1, data), p)
    }

    pub fn write_content(&mut self, p: &str, content: Content, mode: Option<u32>) -> Result<(), FsError> {
        let r = self.route(p);
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.write_content(&r.1, content, mode), p)
    }

    pub fn mkdir(&mut self, p: &str) -> Result<(), FsError> {
        self.mkdir_mode(p, 0o755)
    }

    pub fn mkdir_mode(&mut self, p: &str, mode: u32) -> Result<(), FsError> {
        let r = self.route(p);
        if r.0.is_some() && r.1 == "/" {
            return Err(FsError::new(Errno::Exist, p));
        }
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.mkdir_mode(&r.1, mode), p)
    }

    pub fn mkdir_all(&mut self, p: &str) -> Result<(), FsError> {
        // Component by component: the path may cross into a mount.
        let clean = path::clean("/", p);
        let mut prefix = String::new();
        for c in clean.split('/').filter(|c| !c.is_empty()) {
            prefix.push('/');
            prefix.push_str(c);
            match self.stat(&prefix) {
                Ok(s) if s.is_dir() => continue,
                Ok(_) => return Err(FsError::new(Errno::NotDir, p)),
                Err(e) if e.errno == Errno::NoEnt => self.mkdir(&prefix).map_err(|e| FsError::new(e.errno, p))?,
                Err(e) => return Err(FsError::new(e.errno, p)),
            }
        }
        Ok(())
    }

    pub fn symlink(&mut self, target: &str, p: &str) -> Result<(), FsError> {
        let r = self.route(p);
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.symlink(target, &r.1), p)
    }

    pub fn remove(&mut self, p: &str, recursive: bool) -> Result<(), FsError> {
        let r = self.route(p);
        if r.0.is_some() && r.1 == "/" {
            // A mount point cannot be removed; `rm -r` empties it.
            if !recursive {
                return Err(FsError::new(Errno::IsDir, p));
            }
            let names: Vec<String> = self.list(p)?.into_iter().map(|e| e.name).collect();
            for n in names {
                self.remove(&path::join(p, &n), true)?;
            }
            return Err(FsError::new(Errno::Busy, p));
        }
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.remove(&r.1, recursive), p)
    }

    pub fn rmdir(&mut self, p: &str) -> Result<(), FsError> {
        let r = self.route(p);
        if r.0.is_some() && r.1 == "/" {
            return Err(FsError::new(Errno::Busy, p));
        }
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.rmdir(&r.1), p)
    }

    pub fn chmod(&mut self, p: &str, mode: u32) -> Result<(), FsError> {
        let r = self.route(p);
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.chmod(&r.1, mode), p)
    }

    pub fn chown(&mut self, p: &str, uid: u32, gid: u32) -> Result<(), FsError> {
        let r = self.route(p);
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.chown(&r.1, uid, gid), p)
    }

    pub fn touch(&mut self, p: &str) -> Result<(), FsError> {
        let r = self.route(p);
        let fs = self.fs_mut(&r, p)?;
        Self::fix(fs.touch(&r.1), p)
    }

    pub fn rename(&mut self, src: &str, dst: &str) -> Result<(), FsError> {
        let (rs, rd) = (self.route(src), self.route(dst));
        if rs.0 == rd.0 {
            let fs = self.fs_mut(&rs, src)?;
            return fs.rename(&rs.1, &rd.1).map_err(|e| FsError::new(e.errno, if e.path == rd.1 { dst } else { src }));
        }
        // Across filesystems `mv` copies, then deletes.
        self.copy(src, dst, CopyOptions { follow_src: false, preserve: true })?;
        self.remove(src, true)
    }

    pub fn copy(&mut self, src: &str, dst: &str, opts: CopyOptions) -> Result<(), FsError> {
        let (rs, rd) = (self.route(src), self.route(dst));
        if rs.0 == rd.0 {
            let fs = self.fs_mut(&rs, src)?;
            return fs.copy(&rs.1, &rd.1, opts).map_err(|e| FsError::new(e.errno, if e.path == rd.1 { dst } else { src }));
        }
        let stat = if opts.follow_src { self.stat(src)? } else { self.lstat(src)? };
        if !stat.is_dir() {
            return self.copy_entry(src, dst, &stat);
        }
        let entries = self.walk(src)?;
        let base = entries.first().map(|(q, _)| q.clone()).unwrap_or_default();
        for (q, s) in entries {
            let rel = q.strip_prefix(&base).unwrap_or("");
            let target = if rel.is_empty() { dst.to_string() } else { format!("{}{rel}", dst.trim_end_matches('/')) };
            self.copy_entry(&q, &target, &s)?;
        }
        Ok(())
    }

    fn copy_entry(&mut self, src: &str, dst: &str, s: &Stat) -> Result<(), FsError> {
        if s.is_dir() {
            match self.stat(dst) {
                Ok(d) if d.is_dir() => Ok(()),
                _ => self.mkdir_mode(dst, s.mode),
            }
        } else if let Some(target) = &s.link_target {
            self.symlink(target, dst)
        } else {
            let content = self.read(src)?;
            self.write_content(dst, content, Some(s.mode))
        }
    }
}

/// The shell's view of the container: paths relative to `/`.
impl FileTree for View<'_> {
    fn kind(&self, p: &str) -> Option<EntryKind> {
        self.stat(&format!("/{p}")).ok().map(|s| if s.is_dir() { EntryKind::Dir } else { EntryKind::File })
    }

    fn read(&self, p: &str) -> Option<String> {
        View::read(self, &format!("/{p}")).ok().map(|c| crate::engine::fs_tree::text_of(&c))
    }

    fn children(&self, dir: &str) -> Vec<(String, EntryKind)> {
        let dir = format!("/{dir}");
        self.list(&dir)
            .map(|entries| {
                entries
                    .into_iter()
                    .map(|e| {
                        let kind = if e.stat.is_dir() || (e.stat.is_symlink() && self.stat(&path::join(&dir, &e.name)).is_ok_and(|s| s.is_dir())) {
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

    fn write(&mut self, p: &str, content: &str) -> Result<(), String> {
        View::write(self, &format!("/{p}"), content.as_bytes()).map_err(|e| e.errno.strerror().to_string())
    }

    fn remove_file(&mut self, p: &str) -> bool {
        self.remove(&format!("/{p}"), false).is_ok()
    }

    fn make_dir(&mut self, p: &str) -> Result<(), String> {
        self.mkdir(&format!("/{p}")).map_err(|e| e.errno.strerror().to_string())
    }

    fn remove_tree(&mut self, p: &str) -> bool {
        self.remove(&format!("/{p}"), true).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn paths_go_to_the_mounted_filesystem() {
        let mut root = MergedFs::new(vec![Arc::new(crate::docker::fixture_rootfs::layer(0))]);
        assert!(root.mkdir("/data").is_ok());
        let mut volume = MergedFs::new(Vec::new());
        let mut ro = MergedFs::new(Vec::new());
        assert!(root.mkdir("/conf").is_ok());
        {
            let mut view = View {
                root: &mut root,
                mounts: vec![Mount { target: "/data".into(), fs: &mut volume, read_only: false, file: false }, Mount { target: "/conf".into(), fs: &mut ro, read_only: true, file: false }],
            };
            assert!(view.write("/data/f", b"keep\n").is_ok());
            assert!(view.mkdir_all("/data/a/b").is_ok());
            assert_eq!(view.read_to_string("/data/f").ok().flatten().as_deref(), Some("keep\n"));
            assert_eq!(view.write("/conf/x", b"x").map_err(|e| e.errno), Err(Errno::ReadOnly));
            let names: Vec<String> = view.walk("/data").map(|w| w.into_iter().map(|(p, _)| p).collect()).unwrap_or_default();
            assert_eq!(names, ["/data", "/data/a", "/data/a/b", "/data/f"]);
            assert!(view.rename("/data/f", "/tmp/f").is_ok(), "across filesystems");
            assert_eq!(view.read_to_string("/tmp/f").ok().flatten().as_deref(), Some("keep\n"));
        }
        // The volume kept its files; the container's layer only has the mount points and /tmp/f.
        assert!(volume.exists("/a/b") && !volume.exists("/f"));
        let changes: Vec<String> = root.diff().iter().map(ToString::to_string).collect();
        assert_eq!(changes, ["A /conf", "A /data", "C /tmp", "A /tmp/f"]);
    }
}
