//! Root filesystems of the catalog's images: for each history step that has a layer, a layer whose
//! files explain what the step did (the OS tree and its package database, the programs the image
//! runs, nginx's welcome page…), weighing exactly the catalog's size for the step. Bulk (shared
//! libraries, modules, data) is size-only synthetic content, so a 1 GB image costs kilobytes.
//!
//! Layers are built lazily, when an image is pulled, and cached weakly: images built on the same
//! base share its layer objects (and equal content always gives equal digests).

mod apps;
mod os;
mod packages;
mod texts;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Weak};

use super::{HubImage, HubStep};
use crate::clock::Timestamp;
use crate::fs::{Content, Layer, LayerBuilder, SyntheticKind};

pub use packages::{apk_installed, dpkg_status, upgrade_db};

/// (family, step text, size): base-OS steps have no family, so every image built on them shares
/// one layer object while any image holds it.
type StepKey = (&'static str, &'static str, u64);

thread_local! {
    /// Built layers, held weakly.
    static CACHE: RefCell<HashMap<StepKey, Weak<Layer>>> = RefCell::new(HashMap::new());
}

/// The image's layers, one per catalog history step that has a layer, bottom first.
pub fn layers_for(image: &HubImage) -> Vec<Arc<Layer>> {
    image.history.iter().filter(|s| s.layer).map(|s| layer_for_step(image, s)).collect()
}

/// The layer of one history step (built on first use, then shared).
pub fn layer_for_step(image: &HubImage, step: &HubStep) -> Arc<Layer> {
    let family = if os::is_base(step) { "" } else { image.repo };
    let key = (family, step.created_by, step.size);
    let cached = CACHE.with(|c| c.borrow().get(&key).and_then(Weak::upgrade));
    if let Some(layer) = cached {
        return layer;
    }
    let layer = Arc::new(build(image, step));
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        cache.retain(|_, w| w.strong_count() > 0);
        cache.insert(key, Arc::downgrade(&layer));
    });
    layer
}

fn build(image: &HubImage, step: &HubStep) -> Layer {
    if let Some(layer) = os::build(step) {
        return layer;
    }
    let mtime = Timestamp::parse_rfc3339(image.created).map_or(0, Timestamp::secs);
    let mut s = Step::new(step.size, mtime, step.created_by);
    apps::fill(image, step, &mut s);
    s.finish()
}

/// A layer under construction that must weigh exactly `target` bytes.
pub(crate) struct Step {
    b: LayerBuilder,
    target: u64,
    used: u64,
    seed: u64,
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Step {
    pub fn new(target: u64, mtime: i64, key: &str) -> Step {
        Step { b: LayerBuilder::new(mtime), target, used: 0, seed: fnv(key) }
    }

    pub fn remaining(&self) -> u64 {
        self.target.saturating_sub(self.used)
    }

    fn seed_for(&self, path: &str) -> u64 {
        self.seed ^ fnv(path)
    }

    pub fn dir(&mut self, path: &str, mode: u32) -> &mut Self {
        self.b.dir(path, mode);
        self
    }

    pub fn dir_owned(&mut self, path: &str, mode: u32, uid: u32, gid: u32) -> &mut Self {
        self.b.dir_owned(path, mode, uid, gid);
        self
    }

    /// A text file, cut to what is left of the step's size. Like every file method, the first
    /// entry at a path wins (later ones are ignored), so the size bookkeeping stays exact.
    pub fn text(&mut self, path: &str, mode: u32, text: &str) -> &mut Self {
        self.text_owned(path, mode, 0, 0, text)
    }

    pub fn text_owned(&mut self, path: &str, mode: u32, uid: u32, gid: u32, text: &str) -> &mut Self {
        if self.b.contains(path) {
            return self;
        }
        let room = usize::try_from(self.remaining()).unwrap_or(usize::MAX);
        let body = if text.len() > room { texts::sized(text, room) } else { text.to_string() };
        self.used += body.len() as u64;
        self.b.file_owned(path, mode, uid, gid, Content::text(&body));
        self
    }

    /// A size-only file (ELF for executables and `.so` libraries), cut to what is left.
    pub fn blob(&mut self, path: &str, mode: u32, size: u64) -> &mut Self {
        if self.b.contains(path) {
            return self;
        }
        let size = size.min(self.remaining());
        let kind = if mode & 0o111 != 0 || path.contains(".so") { SyntheticKind::Elf } else { SyntheticKind::Data };
        let seed = self.seed_for(path);
        self.used += size;
        self.b.file(path, mode, Content::Synthetic { size, seed, kind });
        self
    }

    /// An executable (mode 0755).
    pub fn bin(&mut self, path: &str, size: u64) -> &mut Self {
        self.blob(path, 0o755, size)
    }

    /// A symlink, if its target's length fits.
    pub fn symlink(&mut self, path: &str, target: &str) -> &mut Self {
        if (target.len() as u64) <= self.remaining() && !self.b.contains(path) {
            self.used += target.len() as u64;
            self.b.symlink(path, target);
        }
        self
    }

    pub fn hardlink(&mut self, path: &str, existing: &str) -> &mut Self {
        self.b.hardlink(path, existing);
        self
    }

    pub fn whiteout(&mut self, path: &str) -> &mut Self {
        self.b.whiteout(path);
        self
    }

    /// Fills what is left of the step's size with size-only files at `paths`, larger first.
    pub fn pad(&mut self, paths: &[&str]) -> &mut Self {
        let remaining = self.remaining();
        let n = paths.len() as u64;
        if remaining == 0 || n == 0 {
            return self;
        }
        let total_weight = n * (n + 1) / 2;
        let mut given = 0;
        for (i, path) in paths.iter().enumerate() {
            let weight = n - i as u64;
            let share = if i as u64 + 1 == n { remaining - given } else { remaining * weight / total_weight };
            given += share;
            let mode = if path.contains("/bin/") || path.contains("/sbin/") || path.contains(".so") { 0o755 } else { 0o644 };
            self.blob(path, mode, share);
        }
        self
    }

    /// The finished layer; anything still missing goes into one data file.
    pub fn finish(mut self) -> Layer {
        if self.remaining() > 0 {
            self.pad(&["/usr/share/misc/simulated.dat"]);
        }
        self.b.build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MergedFs;
    use crate::hub::{find, CATALOG};

    fn fs_of(repo: &str, tag: &str) -> MergedFs {
        let image = find(repo, tag).map(layers_for).unwrap_or_default();
        assert!(!image.is_empty(), "{repo}:{tag}");
        MergedFs::new(image)
    }

    fn text(fs: &MergedFs, path: &str) -> String {
        fs.read_to_string(path).ok().flatten().unwrap_or_default()
    }

    #[test]
    fn every_layer_weighs_what_the_catalog_says() {
        for image in CATALOG {
            let layers = layers_for(image);
            let steps: Vec<&HubStep> = image.history.iter().filter(|s| s.layer).collect();
            assert_eq!(layers.len(), steps.len(), "{}:{:?}", image.repo, image.tags);
            for (layer, step) in layers.iter().zip(&steps) {
                assert_eq!(layer.size(), step.size, "{}:{:?} {}", image.repo, image.tags, step.created_by);
            }
        }
    }

    #[test]
    fn base_layers_are_shared_and_digests_stable() {
        let node = find("node", "20").map(layers_for).unwrap_or_default();
        let python = find("python", "3.12").map(layers_for).unwrap_or_default();
        let debian = find("debian", "bookworm").map(layers_for).unwrap_or_default();
        assert!(node.first().zip(python.first()).is_some_and(|(a, b)| Arc::ptr_eq(a, b)));
        assert!(node.first().zip(debian.first()).is_some_and(|(a, b)| Arc::ptr_eq(a, b)));
        let again = find("node", "20").map(layers_for).unwrap_or_default();
        assert!(node.iter().zip(&again).all(|(a, b)| Arc::ptr_eq(a, b)));
        let ids: Vec<String> = node.iter().map(|l| l.diff_id().to_string()).collect();
        drop((node, python, debian, again));
        let rebuilt: Vec<String> = find("node", "20").map(layers_for).unwrap_or_default().iter().map(|l| l.diff_id().to_string()).collect();
        assert_eq!(ids, rebuilt);
        let distinct: std::collections::BTreeSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
    }

    #[test]
    fn shells_and_programs_exist_where_the_images_have_them() {
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            ("busybox", "latest", &["sh", "ls", "wget", "vi", "httpd"], &["bash", "apt-get"]),
            ("alpine", "latest", &["sh", "ls", "apk", "wget"], &["bash", "curl"]),
            ("debian", "bookworm", &["bash", "sh", "ls", "apt-get", "dpkg", "grep"], &["ps", "curl", "apk"]),
            ("ubuntu", "24.04", &["bash", "apt-get"], &["curl"]),
            ("nginx", "latest", &["nginx", "/docker-entrypoint.sh", "curl"], &["apk"]),
            ("nginx", "alpine", &["nginx", "/docker-entrypoint.sh", "apk", "curl"], &["bash"]),
            ("httpd", "2.4", &["httpd", "httpd-foreground", "apachectl"], &[]),
            ("node", "20", &["node", "npm", "npx", "yarn", "docker-entrypoint.sh", "git", "curl"], &[]),
            ("node", "20-alpine", &["node", "npm", "yarn", "sh"], &["bash"]),
            ("node", "16", &["node", "npm"], &[]),
            ("python", "3.12", &["python", "python3", "pip", "pip3"], &[]),
            ("python", "3.12-slim", &["python", "pip"], &["git"]),
            ("redis", "7", &["redis-server", "redis-cli", "docker-entrypoint.sh", "gosu"], &[]),
            ("postgres", "16", &["postgres", "psql", "pg_ctl", "docker-entrypoint.sh"], &[]),
            ("mysql", "8", &["mysqld", "mysql", "mysqlsh", "docker-entrypoint.sh", "microdnf"], &["apt-get"]),
            ("rabbitmq", "3-management", &["rabbitmq-server", "rabbitmqctl", "rabbitmqadmin", "docker-entrypoint.sh"], &[]),
            ("hello-world", "latest", &["/hello"], &["sh"]),
        ];
        for (repo, tag, present, absent) in cases {
            let fs = fs_of(repo, tag);
            let env = find(repo, tag).map(|i| i.env).unwrap_or_default();
            let path = env.iter().find_map(|e| e.strip_prefix("PATH=")).unwrap_or("/usr/bin:/bin");
            for p in *present {
                assert!(fs.which(p, path).is_some(), "{repo}:{tag} lacks {p}");
            }
            for p in *absent {
                assert!(fs.which(p, path).is_none(), "{repo}:{tag} has {p}");
            }
        }
    }

    #[test]
    fn os_release_and_package_databases() {
        let debian = fs_of("debian", "bookworm");
        assert!(text(&debian, "/etc/os-release").contains("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\""));
        assert_eq!(text(&debian, "/etc/debian_version"), "12.9\n");
        let status = text(&debian, "/var/lib/dpkg/status");
        assert!(status.contains("Package: libssl3\nStatus: install ok installed\n"), "{status}");
        assert!(status.contains("Source: openssl\nVersion: 3.0.15-1~deb12u1\n"));
        assert!(status.contains("Package: libc6\n") && status.contains("Version: 2.36-9+deb12u9\n"));
        let alpine = fs_of("alpine", "3.21");
        assert_eq!(text(&alpine, "/etc/alpine-release"), "3.21.2\n");
        assert!(text(&alpine, "/etc/os-release").contains("PRETTY_NAME=\"Alpine Linux v3.21\""));
        assert!(text(&alpine, "/lib/apk/db/installed").contains("P:musl\nV:1.2.5-r8\n"));
        assert_eq!(alpine.read_link("/bin/ls").ok().as_deref(), Some("/bin/busybox"));
        let ubuntu = fs_of("ubuntu", "22.04");
        assert!(text(&ubuntu, "/etc/os-release").contains("VERSION=\"22.04.5 LTS (Jammy Jellyfish)\""));
        assert!(text(&ubuntu, "/var/lib/dpkg/status").contains("Version: 2.35-0ubuntu3.8\n"));
        // Later steps add to the package database.
        let node = fs_of("node", "20");
        let status = text(&node, "/var/lib/dpkg/status");
        assert!(status.contains("Package: git\n") && status.contains("Package: libc6\n"));
        let nginx = fs_of("nginx", "alpine");
        assert!(text(&nginx, "/lib/apk/db/installed").contains("P:nginx\nV:1.27.3-r1\n"));
        let busybox = fs_of("busybox", "latest");
        assert!(busybox.stat("/bin/ls").is_ok_and(|s| s.nlink > 100), "applets are hard links");
    }

    #[test]
    fn the_files_the_course_shows() {
        let nginx = fs_of("nginx", "latest");
        let index = text(&nginx, "/usr/share/nginx/html/index.html");
        assert!(index.starts_with("<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>"), "{index}");
        assert_eq!(index.len(), 615);
        assert!(text(&nginx, "/etc/nginx/conf.d/default.conf").contains("root   /usr/share/nginx/html;"));
        assert!(text(&nginx, "/etc/nginx/nginx.conf").contains("include /etc/nginx/conf.d/*.conf;"));
        assert!(nginx.stat("/docker-entrypoint.sh").is_ok_and(|s| s.size == 1_620 && s.is_executable()));
        let scripts: Vec<String> = nginx.list("/docker-entrypoint.d").map(|l| l.into_iter().map(|e| e.name).collect()).unwrap_or_default();
        assert_eq!(scripts, ["10-listen-on-ipv6-by-default.sh", "15-local-resolvers.envsh", "20-envsubst-on-templates.sh", "30-tune-worker-processes.sh"]);
        assert!(text(&nginx, "/etc/passwd").contains("nginx:x:101:101:"));
        let httpd = fs_of("httpd", "2.4");
        assert_eq!(text(&httpd, "/usr/local/apache2/htdocs/index.html"), "<html><body><h1>It works!</h1></body></html>\n");
        let hello = fs_of("hello-world", "latest");
        let root: Vec<String> = hello.list("/").map(|l| l.into_iter().map(|e| e.name).collect()).unwrap_or_default();
        assert_eq!(root, ["hello"]);
        let node = fs_of("node", "20");
        assert_eq!(node.read_link("/usr/local/bin/yarn").ok().as_deref(), Some("/opt/yarn-v1.22.22/bin/yarn"));
        assert!(text(&node, "/etc/passwd").contains("node:x:1000:1000::/home/node:/bin/bash"));
        let rabbit = fs_of("rabbitmq", "3-management");
        assert!(!rabbit.exists("/etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf"), "a whiteout hides it");
        assert!(fs_of("rabbitmq", "3").exists("/etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf"));
        let python = fs_of("python", "3.12");
        assert_eq!(python.read_link("/usr/local/bin/python").ok().as_deref(), Some("python3"));
    }
}
